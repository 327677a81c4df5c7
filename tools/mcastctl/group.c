// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the "group" object, the IGMP/MLD membership the kernel learnt
 * on its router-mode interfaces.
 *
 *   mcastctl [-4|-6] group show [dev DEV] [group G]
 *
 * One line per group, then one indented line per source record:
 *
 *   eth1  239.1.1.1  exclude  expires 254.3s  v3  reporter 10.0.1.2  age 12s
 *       source 10.0.1.9  forward  expires 3.2s
 *
 * The kernel filters the dump by interface, family and group; "group G"
 * implies the family. Text and JSON come from the same print calls; JSON
 * durations are milliseconds, as everywhere else. There are no per-group
 * counters, so -s changes nothing.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "args.h"
#include "config.h"
#include "group.h"
#include "mcastctl.h"
#include "mfe.h"
#include "nl.h"
#include "print.h"
#include "rows.h"
#include "utils.h"

struct group_source {
	uint8_t addr[16];
	bool is_static;
	bool has_expires, has_forward;
	uint32_t expires;
	uint8_t forward;
};

struct group_row {
	uint32_t ifindex;
	uint16_t family;
	uint8_t addr[16];
	bool has_filter, has_expires, has_compat, has_reporter, has_age;
	uint8_t filter, compat;
	uint32_t expires;
	uint8_t reporter[16];
	uint64_t age;
	size_t nsources;
	struct group_source *sources;	/* malloc'ed */
	size_t nhosts;
	uint8_t (*hosts)[16];		/* malloc'ed */
	uint8_t event;			/* GROUP_NTF: enum mcast_router_group_event */
	bool is_static;			/* a static any-source membership */
	bool proxy;			/* PROXY_GET / PROXY_NTF */
	bool all;			/* PROXY_ALL: EXCLUDE({}) reported */
	bool joined;			/* PROXY_JOINED (true if absent) */
	uint32_t error;			/* PROXY_ERROR: errno, 0 if none */
};

static const char *const event_names[] = {
	[MCAST_ROUTER_GROUP_EVENT_JOIN] = "join",
	[MCAST_ROUTER_GROUP_EVENT_LEAVE] = "leave",
	[MCAST_ROUTER_GROUP_EVENT_CHANGE] = "change",
};

/* PROXY_NTF: the upstream membership's events. */
static const char *const proxy_event_names[] = {
	[MCAST_ROUTER_GROUP_EVENT_JOIN] = "proxy-join",
	[MCAST_ROUTER_GROUP_EVENT_LEAVE] = "proxy-leave",
	[MCAST_ROUTER_GROUP_EVENT_CHANGE] = "proxy-change",
};

static const char *const filter_names[] = {
	[MCAST_ROUTER_FILTER_INCLUDE] = "include",
	[MCAST_ROUTER_FILTER_EXCLUDE] = "exclude",
};

/**
 * group_usage() - print the usage of the group object
 * @fp: stream
 */
void group_usage(FILE *fp)
{
	fputs("Usage: mcastctl [ -4 | -6 ] group show [ dev DEV ] [ group GROUP ]\n"
	      "       mcastctl group { add | del } dev DEV group GROUP [ source SOURCE ]\n"
	      "       mcastctl group help\n"
	      "show: the IGMP/MLD membership of router-mode interfaces, one line\n"
	      "per group, one indented line per source record.\n"
	      "add/del: a static membership: GROUP's traffic (from SOURCE only, if\n"
	      "given) goes to DEV as if a host had joined, until it is deleted.\n"
	      "GROUP is an IPv4 or IPv6 address and selects the family.\n",
	      fp);
}

/**
 * group_describe() - name a GROUP_GET filter attribute for kernel errors
 * @type: MCAST_ROUTER_A_GROUP_*
 * @name: set to the keyword the user typed
 * @duration: set to false
 *
 * Return: true if @type is known.
 */
bool group_describe(int type, const char **name, bool *duration)
{
	*duration = false;
	switch (type) {
	case MCAST_ROUTER_A_GROUP_IFINDEX:
		*name = "dev";
		return true;
	case MCAST_ROUTER_A_GROUP_FAMILY:
		*name = "family";
		return true;
	case MCAST_ROUTER_A_GROUP_ADDR:
		*name = "group";
		return true;
	case MCAST_ROUTER_A_GROUP_SOURCE:
		*name = "source";
		return true;
	}
	return false;
}

/**
 * group_show_parse() - parse the arguments of "group show" or "proxy show"
 * @object: "group" or "proxy", for the messages
 * @usage: the object's usage, printed for help
 * @argc: number of arguments after "show"
 * @argv: the arguments after "show"
 * @req: zero-initialised request, except @req->family which holds the
 *	global -4/-6 (or AF_UNSPEC); filled in
 *
 * Accepts "dev DEV", "group G" and, as "mfe show" does, -4/-6.
 *
 * Return: 0 on success, 1 if help was asked for (usage printed on stdout),
 * -1 on a syntax error (printed on stderr).
 */
int group_show_parse(const char *object, void (*usage)(FILE *fp), int argc,
		     char **argv, struct group_show_req *req)
{
	struct show_args args = { .family = req->family };
	int family;

	if (args_help(argc, argv, usage))
		return 1;
	if (show_args_parse(object, true, argc, argv, &args))
		return -1;
	req->family = args.family;
	req->dev = args.dev;
	if (!args.group)
		return 0;
	if (args_parse_addr("group", args.group, &family, req->group) ||
	    args_check_family("group", args.group, family, req->family))
		return -1;
	req->family = family;
	req->has_group = true;
	return 0;
}

/**
 * group_parse() - parse the arguments of "group show"
 * @argc: number of arguments after "show"
 * @argv: the arguments after "show"
 * @req: as for group_show_parse()
 *
 * Return: as group_show_parse().
 */
int group_parse(int argc, char **argv, struct group_show_req *req)
{
	return group_show_parse("group", group_usage, argc, argv, req);
}

/**
 * group_resolve() - look the request's device up in this namespace
 * @req: a parsed request
 *
 * Return: 0, or a negative errno (printed).
 */
int group_resolve(struct group_show_req *req)
{
	if (!req->dev)
		return 0;
	return resolve_dev(req->dev, &req->ifindex);
}

/**
 * group_put_filter() - add a GROUP_GET dump's filter attributes (an
 *	mr_nl_put_fn)
 * @msg: the dump request
 * @arg: a parsed and resolved const struct group_show_req
 *
 * IFINDEX, FAMILY and ADDR, each only if given (ADDR always with FAMILY).
 *
 * Return: 0, or a negative libnl error if the message is too small.
 */
int group_put_filter(struct nl_msg *msg, const void *arg)
{
	const struct group_show_req *req = arg;

	if (req->dev &&
	    nla_put_u32(msg, MCAST_ROUTER_A_GROUP_IFINDEX, req->ifindex))
		return -NLE_NOMEM;
	if (req->family != AF_UNSPEC &&
	    nla_put_u16(msg, MCAST_ROUTER_A_GROUP_FAMILY, (uint16_t)req->family))
		return -NLE_NOMEM;
	if (req->has_group &&
	    nla_put(msg, MCAST_ROUTER_A_GROUP_ADDR, addr_len(req->family),
		    req->group))
		return -NLE_NOMEM;
	return 0;
}

/* ---- show ---------------------------------------------------------------- */

static struct nla_policy group_policy[MCAST_ROUTER_A_GROUP_MAX + 1] = {
	[MCAST_ROUTER_A_GROUP_IFINDEX] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_GROUP_FAMILY] = { .type = NLA_U16 },
	[MCAST_ROUTER_A_GROUP_ADDR] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_GROUP_FILTER] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_GROUP_EXPIRES] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_GROUP_COMPAT] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_GROUP_REPORTER] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_GROUP_SOURCES] = { .type = NLA_NESTED },
	[MCAST_ROUTER_A_GROUP_AGE] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_GROUP_HOSTS] = { .type = NLA_NESTED },
	[MCAST_ROUTER_A_GROUP_EVENT] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_GROUP_STATIC] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_GROUP_PROXY_ALL] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_GROUP_PROXY_JOINED] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_GROUP_PROXY_ERROR] = { .type = NLA_U32 },
};

static struct nla_policy source_policy[MCAST_ROUTER_A_SOURCE_MAX + 1] = {
	[MCAST_ROUTER_A_SOURCE_ADDR] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_SOURCE_EXPIRES] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_SOURCE_FORWARD] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_SOURCE_STATIC] = { .type = NLA_U8 },
};

/* Whether the row passes the user's filter (the kernel filters too). */
static bool row_matches(const void *row, const void *filter)
{
	const struct group_row *r = row;
	const struct group_show_req *f = filter;

	if (f->family != AF_UNSPEC && f->family != r->family)
		return false;
	if (f->has_group &&
	    memcmp(f->group, r->addr, (size_t)addr_len(r->family)))
		return false;
	if (f->dev && f->ifindex != r->ifindex)
		return false;
	return true;
}

static int parse_source(struct nlattr *entry, int alen, struct group_source *s)
{
	struct nlattr *tb[MCAST_ROUTER_A_SOURCE_MAX + 1];

	if (nla_parse_nested(tb, MCAST_ROUTER_A_SOURCE_MAX, entry, source_policy) ||
	    !tb[MCAST_ROUTER_A_SOURCE_ADDR] ||
	    nla_len(tb[MCAST_ROUTER_A_SOURCE_ADDR]) != alen)
		return -1;
	memcpy(s->addr, nla_data(tb[MCAST_ROUTER_A_SOURCE_ADDR]), (size_t)alen);
	if (tb[MCAST_ROUTER_A_SOURCE_EXPIRES]) {
		s->expires = nla_get_u32(tb[MCAST_ROUTER_A_SOURCE_EXPIRES]);
		s->has_expires = true;
	}
	if (tb[MCAST_ROUTER_A_SOURCE_FORWARD]) {
		s->forward = nla_get_u8(tb[MCAST_ROUTER_A_SOURCE_FORWARD]);
		s->has_forward = true;
	}
	if (tb[MCAST_ROUTER_A_SOURCE_STATIC])
		s->is_static = nla_get_u8(tb[MCAST_ROUTER_A_SOURCE_STATIC]);
	return 0;
}

/* The HOSTS nest: addresses of the family's length. */
static int parse_hosts(struct nlattr *nest, int alen, struct group_row *r)
{
	struct nlattr *a;
	int rem;

	if (!nest)
		return 0;
	nla_for_each_nested(a, nest, rem) {
		uint8_t (*h)[16];

		if (nla_type(a) != MCAST_ROUTER_A_HOSTS_ADDR)
			continue;
		if (nla_len(a) != alen)
			return -1;
		h = realloc(r->hosts, (r->nhosts + 1) * sizeof(*h));
		if (!h)
			return -1;
		r->hosts = h;
		memset(h[r->nhosts], 0, sizeof(h[0]));
		memcpy(h[r->nhosts], nla_data(a), (size_t)alen);
		r->nhosts++;
	}
	return 0;
}

static int parse_row(struct nlmsghdr *nlh, void *row)
{
	struct group_row *r = row;
	struct nlattr *tb[MCAST_ROUTER_A_GROUP_MAX + 1];
	struct nlattr *a;
	int alen, rem;

	if (!genlmsg_valid_hdr(nlh, 0) ||
	    genlmsg_parse(nlh, 0, tb, MCAST_ROUTER_A_GROUP_MAX, group_policy) ||
	    !tb[MCAST_ROUTER_A_GROUP_IFINDEX] || !tb[MCAST_ROUTER_A_GROUP_FAMILY] ||
	    !tb[MCAST_ROUTER_A_GROUP_ADDR])
		return -1;
	r->proxy = ((struct genlmsghdr *)nlmsg_data(nlh))->cmd ==
			   MCAST_ROUTER_CMD_PROXY_GET ||
		   ((struct genlmsghdr *)nlmsg_data(nlh))->cmd ==
			   MCAST_ROUTER_CMD_PROXY_NTF;
	r->ifindex = nla_get_u32(tb[MCAST_ROUTER_A_GROUP_IFINDEX]);
	r->family = nla_get_u16(tb[MCAST_ROUTER_A_GROUP_FAMILY]);
	if (r->family != AF_INET && r->family != AF_INET6)
		return -1;
	alen = addr_len(r->family);
	if (nla_len(tb[MCAST_ROUTER_A_GROUP_ADDR]) != alen)
		return -1;
	memcpy(r->addr, nla_data(tb[MCAST_ROUTER_A_GROUP_ADDR]), (size_t)alen);
	if (tb[MCAST_ROUTER_A_GROUP_FILTER]) {
		r->filter = nla_get_u8(tb[MCAST_ROUTER_A_GROUP_FILTER]);
		r->has_filter = true;
	}
	if (tb[MCAST_ROUTER_A_GROUP_EXPIRES]) {
		r->expires = nla_get_u32(tb[MCAST_ROUTER_A_GROUP_EXPIRES]);
		r->has_expires = true;
	}
	if (tb[MCAST_ROUTER_A_GROUP_COMPAT]) {
		r->compat = nla_get_u8(tb[MCAST_ROUTER_A_GROUP_COMPAT]);
		r->has_compat = true;
	}
	a = tb[MCAST_ROUTER_A_GROUP_REPORTER];
	if (a) {
		if (nla_len(a) != alen)
			return -1;
		memcpy(r->reporter, nla_data(a), (size_t)alen);
		r->has_reporter = true;
	}
	if (tb[MCAST_ROUTER_A_GROUP_AGE]) {
		r->age = nla_get_u64(tb[MCAST_ROUTER_A_GROUP_AGE]);
		r->has_age = true;
	}
	if (tb[MCAST_ROUTER_A_GROUP_EVENT])
		r->event = nla_get_u8(tb[MCAST_ROUTER_A_GROUP_EVENT]);
	if (tb[MCAST_ROUTER_A_GROUP_STATIC])
		r->is_static = nla_get_u8(tb[MCAST_ROUTER_A_GROUP_STATIC]);
	if (tb[MCAST_ROUTER_A_GROUP_PROXY_ALL])
		r->all = nla_get_u8(tb[MCAST_ROUTER_A_GROUP_PROXY_ALL]);
	r->joined = !tb[MCAST_ROUTER_A_GROUP_PROXY_JOINED] ||
		    nla_get_u8(tb[MCAST_ROUTER_A_GROUP_PROXY_JOINED]);
	if (tb[MCAST_ROUTER_A_GROUP_PROXY_ERROR])
		r->error = nla_get_u32(tb[MCAST_ROUTER_A_GROUP_PROXY_ERROR]);
	if (parse_hosts(tb[MCAST_ROUTER_A_GROUP_HOSTS], alen, r))
		return -1;
	if (!tb[MCAST_ROUTER_A_GROUP_SOURCES])
		return 0;
	nla_for_each_nested(a, tb[MCAST_ROUTER_A_GROUP_SOURCES], rem) {
		struct group_source *s;

		if (nla_type(a) != MCAST_ROUTER_A_SOURCES_ENTRY)
			continue;
		s = realloc(r->sources, (r->nsources + 1) * sizeof(*s));
		if (!s)
			return -1;
		r->sources = s;
		s = &r->sources[r->nsources];
		memset(s, 0, sizeof(*s));
		if (parse_source(a, alen, s))
			return -1;
		r->nsources++;
	}
	return 0;
}

static void release_row(void *row)
{
	struct group_row *r = row;

	free(r->sources);
	free(r->hosts);
}

/* Interface, family (IPv4 first), group. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct group_row *a = pa, *b = pb;

	if (a->ifindex != b->ifindex)
		return a->ifindex < b->ifindex ? -1 : 1;
	if (a->family != b->family)
		return a->family == AF_INET ? -1 : 1;
	return memcmp(a->addr, b->addr, (size_t)addr_len(a->family));
}

static void print_source(const struct group_row *r, const struct group_source *s)
{
	char buf[INET6_ADDRSTRLEN];

	print_text_break("\n    ");
	open_json_object(NULL);
	inet_ntop(r->family, s->addr, buf, sizeof(buf));
	print_string(PRINT_ANY, "address", "source %s", buf);
	if (s->has_forward) {
		print_text_break("  ");
		print_string(PRINT_FP, NULL, "%s",
			     s->forward ? "forward" : "blocked");
		print_bool(PRINT_JSON, "forward", NULL, s->forward);
	}
	if (s->is_static) {
		print_text_break("  ");
		print_string(PRINT_FP, NULL, "%s", "static");
	}
	print_bool(PRINT_JSON, "static", NULL, s->is_static);
	if (s->has_expires) {
		print_text_break("  ");
		print_timer(s->expires ? PRINT_ANY : PRINT_JSON, "expires",
			    "expires %s", s->expires);
	}
	close_json_object();
}

/* Text: "hosts A,B" when there are any; JSON: an array, maybe empty. */
static void print_hosts(const struct group_row *r)
{
	char buf[INET6_ADDRSTRLEN], *line = NULL;
	size_t len = 0;
	FILE *fp;

	open_json_array("hosts");
	for (size_t i = 0; i < r->nhosts; i++) {
		inet_ntop(r->family, r->hosts[i], buf, sizeof(buf));
		print_string(PRINT_JSON, NULL, NULL, buf);
	}
	close_json_array();
	if (!r->nhosts)
		return;
	fp = open_memstream(&line, &len);
	if (!fp)
		return;
	for (size_t i = 0; i < r->nhosts; i++) {
		inet_ntop(r->family, r->hosts[i], buf, sizeof(buf));
		fprintf(fp, "%s%s", i ? "," : "", buf);
	}
	if (!fclose(fp)) {
		print_text_break("  ");
		print_string(PRINT_FP, NULL, "hosts %s", line);
	}
	free(line);
}

static void print_event(const struct group_row *r)
{
	const char *const *names = r->proxy ? proxy_event_names : event_names;

	/* Both tables have the same size. */
	if (r->event < sizeof(event_names) / sizeof(event_names[0]) &&
	    names[r->event])
		print_string(PRINT_ANY, "event", "%s", names[r->event]);
	else
		print_uint(PRINT_ANY, "event", "event %u", r->event);
}

static void print_group(const struct group_row *r)
{
	char buf[INET6_ADDRSTRLEN + MFE_IFNAME_LEN];

	open_json_object(NULL);
	if (r->event)
		print_event(r);
	mfe_index_to_name(r->ifindex, buf, sizeof(buf));
	print_string(PRINT_ANY, "dev", "%s", buf);
	print_uint(PRINT_JSON, "ifindex", NULL, r->ifindex);
	print_string(PRINT_JSON, "family", NULL,
		     r->family == AF_INET6 ? "inet6" : "inet");
	print_text_break("  ");
	inet_ntop(r->family, r->addr, buf, sizeof(buf));
	print_string(PRINT_ANY, "group", "%s", buf);
	if (r->has_filter) {
		if (r->filter < sizeof(filter_names) / sizeof(filter_names[0]))
			snprintf(buf, sizeof(buf), "%s", filter_names[r->filter]);
		else
			snprintf(buf, sizeof(buf), "%u", r->filter);
		print_text_break("  ");
		print_string(PRINT_ANY, "filter", "%s", buf);
	}
	if (r->proxy) {
		/* What goes on the wire when the host stack refused the list. */
		if (r->all) {
			print_text_break("  ");
			print_string(PRINT_FP, NULL, "%s",
				     "reported-as exclude-all");
		}
		print_bool(PRINT_JSON, "reported-as-exclude-all", NULL, r->all);
		/* Nothing reported: the host stack refused even that. */
		if (!r->joined) {
			print_text_break("  ");
			print_string(PRINT_FP, NULL, "%s", "not-joined");
		}
		print_bool(PRINT_JSON, "joined", NULL, r->joined);
		if (r->error) {
			print_text_break("  ");
			print_string(PRINT_ANY, "error", "error \"%s\"",
				     strerror((int)r->error));
		}
	} else {
		if (r->is_static) {
			print_text_break("  ");
			print_string(PRINT_FP, NULL, "%s", "static");
		}
		print_bool(PRINT_JSON, "static", NULL, r->is_static);
	}
	/* Text: the group timer only while it runs (EXCLUDE mode). */
	if (r->has_expires) {
		print_text_break("  ");
		print_timer(r->expires ? PRINT_ANY : PRINT_JSON, "expires",
			    "expires %s", r->expires);
	}
	if (r->has_compat) {
		print_text_break("  ");
		print_uint(PRINT_ANY, "compat", "v%u", r->compat);
	}
	if (r->has_reporter) {
		print_text_break("  ");
		inet_ntop(r->family, r->reporter, buf, sizeof(buf));
		print_string(PRINT_ANY, "reporter", "reporter %s", buf);
	}
	if (r->has_age) {
		print_text_break("  ");
		format_age(r->age, buf, sizeof(buf));
		print_string(PRINT_FP, NULL, "age %s", buf);
		print_u64(PRINT_JSON, "age", NULL, r->age);
	}
	if (!r->proxy)
		print_hosts(r);
	open_json_array("sources");
	for (size_t i = 0; i < r->nsources; i++)
		print_source(r, &r->sources[i]);
	close_json_array();
	close_json_object();
	print_text_end();
}

/**
 * group_print_event() - print a GROUP_NTF (mcastctl monitor)
 * @nlh: the message
 *
 * "join", "leave" or "change", then the group as "group show" prints it
 * (a leave carries only the interface and the group).
 *
 * Return: 0, or -EPROTO for a malformed message (said on stderr).
 */
int group_print_event(struct nlmsghdr *nlh)
{
	struct group_row r;
	int ret = 0;

	memset(&r, 0, sizeof(r));
	if (parse_row(nlh, &r)) {
		fprintf(stderr, "Error: malformed group event\n");
		ret = -EPROTO;
	} else {
		print_group(&r);
	}
	release_row(&r);
	return ret;
}


static void print_row(const void *row, bool stats)
{
	(void)stats;	/* there are no per-group counters */
	print_group(row);
}

static void save_row(FILE *fp, const void *row);

static const struct rows_kind group_rows = {
	.size = sizeof(struct group_row),
	.what = "group message",
	.parse = parse_row,
	.matches = row_matches,
	.release = release_row,
	.cmp = row_cmp,
	.print = print_row,
	.save = save_row,
};

/**
 * group_table_add() - add one GROUP_GET reply to the table (an
 *	mr_nl_reply_fn)
 * @nlh: the message
 * @table: the struct group_table
 *
 * Groups that do not pass the table's filter are left out.
 *
 * Return: 0, -EPROTO for a malformed message or -ENOMEM (printed).
 */
int group_table_add(struct nlmsghdr *nlh, void *table)
{
	struct group_table *t = table;

	return rows_add(&group_rows, t->filter, nlh, &t->rows, &t->n, &t->cap);
}

/**
 * group_table_free() - release the rows
 * @t: the table
 */
void group_table_free(struct group_table *t)
{
	rows_free(&group_rows, &t->rows, &t->n, &t->cap);
}

/**
 * group_table_print() - print the collected groups, sorted
 * @t: the table
 *
 * Text: one line per group and one indented line per source; nothing at
 * all for an empty table. JSON: an array of objects (see mcastctl(8)).
 *
 * Return: 0.
 */
int group_table_print(struct group_table *t)
{
	return rows_print(&group_rows, t->rows, t->n, false);
}

/* ---- commands ------------------------------------------------------------ */

/**
 * group_rows_print() - print a struct group_table (a rows_show print)
 * @table: the table
 *
 * Return: 0.
 */
int group_rows_print(void *table)
{
	return group_table_print(table);
}

static const struct rows_show group_show = {
	.cmd = MCAST_ROUTER_CMD_GROUP_GET,
	.describe = group_describe,
	.put = group_put_filter,
	.add = group_table_add,
	.print = group_rows_print,
};

/**
 * group_show_run() - "group show" or "proxy show": parse, dump, print
 * @object: "group" or "proxy"
 * @usage: the object's usage
 * @show: how to dump (GROUP_GET or PROXY_GET, both with group rows)
 * @argc: number of arguments after "show"
 * @argv: the arguments after "show"
 *
 * Return: 0 or a negative errno (already printed).
 */
int group_show_run(const char *object, void (*usage)(FILE *fp),
		   const struct rows_show *show, int argc, char **argv)
{
	struct group_show_req req = { .family = mcastctl_opts.family };
	struct group_table t = { .filter = &req };
	int ret;

	ret = group_show_parse(object, usage, argc, argv, &req);
	if (ret)
		return ret > 0 ? 0 : -EINVAL;
	ret = group_resolve(&req);
	if (!ret)
		ret = rows_show(show, &req, &t);
	group_table_free(&t);
	return ret;
}

static int do_show(int argc, char **argv)
{
	return group_show_run("group", group_usage, &group_show, argc, argv);
}

/**
 * group_parse_static() - parse "group add|del dev DEV group G [source S]"
 * @argc: number of arguments after the verb
 * @argv: the arguments after the verb
 * @req: zero-initialised request, except @req->family (the global -4/-6);
 *	filled in
 *
 * Return: 0, 1 if help was asked for (usage printed on stdout), -1 on a
 * syntax error (printed on stderr).
 */
int group_parse_static(int argc, char **argv, struct group_static_req *req)
{
	const char *group = NULL, *source = NULL;
	int family;

	if (args_help(argc, argv, group_usage))
		return 1;
	for (int i = 0; i < argc; i += 2) {
		const char **slot;

		if (!strcmp(argv[i], "dev"))
			slot = &req->dev;
		else if (!strcmp(argv[i], "group"))
			slot = &group;
		else if (!strcmp(argv[i], "source"))
			slot = &source;
		else {
			fprintf(stderr, "Error: unknown keyword \"%s\"; try \"mcastctl group help\"\n",
				argv[i]);
			return -1;
		}
		if (*slot) {
			fprintf(stderr, "Error: \"%s\" given more than once\n", argv[i]);
			return -1;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "Error: \"%s\" needs a value\n", argv[i]);
			return -1;
		}
		*slot = argv[i + 1];
	}
	if (!req->dev || !group) {
		fprintf(stderr, "Error: \"dev\" and \"group\" are required\n");
		return -1;
	}
	if (args_parse_addr("group", group, &family, req->group) ||
	    args_check_family("group", group, family, req->family))
		return -1;
	req->family = family;
	if (source) {
		if (args_parse_addr("source", source, &family, req->source) ||
		    args_check_family("source", source, family, req->family))
			return -1;
		req->has_source = true;
	}
	return 0;
}

/**
 * group_put_static() - the attributes of a GROUP_ADD/DEL request
 * @msg: the request
 * @req: a parsed and resolved request
 *
 * Return: 0, or a negative libnl error if the message is too small.
 */
int group_put_static(struct nl_msg *msg, const struct group_static_req *req)
{
	int alen = addr_len(req->family);

	if (nla_put_u32(msg, MCAST_ROUTER_A_GROUP_IFINDEX, req->ifindex) ||
	    nla_put_u16(msg, MCAST_ROUTER_A_GROUP_FAMILY, (uint16_t)req->family) ||
	    nla_put(msg, MCAST_ROUTER_A_GROUP_ADDR, alen, req->group) ||
	    (req->has_source &&
	     nla_put(msg, MCAST_ROUTER_A_GROUP_SOURCE, alen, req->source)))
		return -NLE_NOMEM;
	return 0;
}

static int do_static(uint8_t cmd, int argc, char **argv)
{
	struct group_static_req req = { .family = mcastctl_opts.family };
	struct nl_msg *msg;
	struct mr_nl nl;
	int ret;

	ret = group_parse_static(argc, argv, &req);
	if (ret)
		return ret > 0 ? 0 : -EINVAL;
	ret = resolve_dev(req.dev, &req.ifindex);
	if (ret)
		return ret;
	ret = mr_nl_open(&nl);
	if (ret)
		return ret;
	nl.describe = group_describe;
	msg = mr_nl_msg(&nl, cmd, 0);
	if (!msg || group_put_static(msg, &req)) {
		nlmsg_free(msg);
		mr_nl_close(&nl);
		return -ENOMEM;
	}
	ret = mr_nl_request(&nl, msg, NULL, NULL);
	mr_nl_close(&nl);
	return ret > 0 ? 0 : ret;
}

static int do_add(int argc, char **argv)
{
	return do_static(MCAST_ROUTER_CMD_GROUP_ADD, argc, argv);
}

static int do_del(int argc, char **argv)
{
	return do_static(MCAST_ROUTER_CMD_GROUP_DEL, argc, argv);
}

/* The "group add" lines of "config save" for one group's row. */
static void save_row(FILE *fp, const void *row)
{
	const struct group_row *r = row;
	char name[MFE_IFNAME_LEN], group[INET6_ADDRSTRLEN];
	char source[INET6_ADDRSTRLEN];

	mfe_index_to_name(r->ifindex, name, sizeof(name));
	inet_ntop(r->family, r->addr, group, sizeof(group));
	if (r->is_static) {
		fputs("group add dev ", fp);
		config_put_word(fp, name);
		fprintf(fp, " group %s\n", group);
	}
	for (size_t i = 0; i < r->nsources; i++) {
		if (!r->sources[i].is_static)
			continue;
		inet_ntop(r->family, r->sources[i].addr, source, sizeof(source));
		fputs("group add dev ", fp);
		config_put_word(fp, name);
		fprintf(fp, " group %s source %s\n", group, source);
	}
}

/**
 * group_save() - "config save": one "group add" line per static membership
 * @fp: where the lines go
 *
 * What hosts joined is learnt, not configured: only static memberships
 * (any-source, and each static source) are written.
 *
 * Return: 0 or a negative errno (printed).
 */
int group_save(FILE *fp)
{
	return rows_save(&group_rows, MCAST_ROUTER_CMD_GROUP_GET, fp);
}

static const struct cmd group_cmds[] = {
	{ "show", do_show },
	{ "add", do_add },
	{ "del", do_del },
	{ NULL, NULL },
};

/**
 * group_main() - "mcastctl group ..."
 * @argc: argument count, argv[0] being "group"
 * @argv: arguments
 *
 * Without a command, shows every group.
 *
 * Return: 0 or a negative errno (already printed).
 */
int group_main(int argc, char **argv)
{
	return object_run("group", group_cmds, group_usage, do_show, argc, argv);
}
