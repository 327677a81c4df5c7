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

#include "group.h"
#include "mcastctl.h"
#include "mfe.h"
#include "nl.h"
#include "print.h"
#include "utils.h"

struct group_source {
	uint8_t addr[16];
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
	      "       mcastctl group help\n"
	      "Shows the IGMP/MLD membership learnt on router-mode interfaces:\n"
	      "one line per group, one indented line per source record.\n"
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
	}
	return false;
}

static int addr_len(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

static const char *family_opt(int family)
{
	return family == AF_INET6 ? "-6" : "-4";
}

/**
 * group_parse() - parse the arguments of "group show"
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
int group_parse(int argc, char **argv, struct group_show_req *req)
{
	const char *group = NULL;
	int i;

	for (i = 0; i < argc; i++) {
		if (is_help(argv[i])) {
			group_usage(stdout);
			return 1;
		}
	}
	for (i = 0; i < argc; i++) {
		const char *kw = argv[i], *val;

		if (!strcmp(kw, "-4") || !strcmp(kw, "-6")) {
			int family = kw[1] == '4' ? AF_INET : AF_INET6;

			if (req->family != AF_UNSPEC && req->family != family) {
				fprintf(stderr, "Error: -4 and -6 cannot be combined\n");
				return -1;
			}
			req->family = family;
			continue;
		}
		if (strcmp(kw, "dev") && strcmp(kw, "group")) {
			fprintf(stderr, "Error: unknown keyword \"%s\"; try \"mcastctl group help\"\n",
				kw);
			return -1;
		}
		if (++i >= argc) {
			fprintf(stderr, "Error: missing value for \"%s\"\n", kw);
			return -1;
		}
		val = argv[i];
		if ((!strcmp(kw, "dev") && req->dev) ||
		    (!strcmp(kw, "group") && group)) {
			fprintf(stderr, "Error: \"%s\" given more than once\n", kw);
			return -1;
		}
		if (!strcmp(kw, "dev")) {
			if (!*val) {
				fprintf(stderr, "Error: invalid dev \"\": empty device name\n");
				return -1;
			}
			req->dev = val;
		} else {
			group = val;
		}
	}
	if (group) {
		int family = strchr(group, ':') ? AF_INET6 : AF_INET;

		if (inet_pton(family, group, req->group) != 1) {
			fprintf(stderr, "Error: invalid group \"%s\": not a valid %s address\n",
				group, family == AF_INET6 ? "IPv6" : "IPv4");
			return -1;
		}
		if (req->family != AF_UNSPEC && req->family != family) {
			fprintf(stderr, "Error: group \"%s\" is not an %s address (%s given)\n",
				group, req->family == AF_INET6 ? "IPv6" : "IPv4",
				family_opt(req->family));
			return -1;
		}
		req->family = family;
		req->has_group = true;
	}
	return 0;
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
};

static struct nla_policy source_policy[MCAST_ROUTER_A_SOURCE_MAX + 1] = {
	[MCAST_ROUTER_A_SOURCE_ADDR] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_SOURCE_EXPIRES] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_SOURCE_FORWARD] = { .type = NLA_U8 },
};

/* Whether the row passes the user's filter (the kernel filters too). */
static bool row_matches(const struct group_row *r, const struct group_show_req *f)
{
	if (!f)
		return true;
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
	return 0;
}

static int parse_row(struct nlmsghdr *nlh, struct group_row *r)
{
	struct nlattr *tb[MCAST_ROUTER_A_GROUP_MAX + 1];
	struct nlattr *a;
	int alen, rem;

	if (!genlmsg_valid_hdr(nlh, 0) ||
	    genlmsg_parse(nlh, 0, tb, MCAST_ROUTER_A_GROUP_MAX, group_policy) ||
	    !tb[MCAST_ROUTER_A_GROUP_IFINDEX] || !tb[MCAST_ROUTER_A_GROUP_FAMILY] ||
	    !tb[MCAST_ROUTER_A_GROUP_ADDR])
		return -1;
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
	struct group_row r = { .family = 0 };

	if (parse_row(nlh, &r)) {
		free(r.sources);
		fprintf(stderr, "Error: malformed group message from the kernel\n");
		return -EPROTO;
	}
	if (!row_matches(&r, t->filter)) {
		free(r.sources);
		return 0;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct group_row *rows = realloc(t->rows, cap * sizeof(*rows));

		if (!rows) {
			free(r.sources);
			fprintf(stderr, "Error: out of memory\n");
			return -ENOMEM;
		}
		t->rows = rows;
		t->cap = cap;
	}
	t->rows[t->n++] = r;
	return 0;
}

/**
 * group_table_free() - release the rows
 * @t: the table
 */
void group_table_free(struct group_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->rows[i].sources);
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
	t->cap = 0;
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
	if (s->has_expires) {
		print_text_break("  ");
		print_timer(s->expires ? PRINT_ANY : PRINT_JSON, "expires",
			    "expires %s", s->expires);
	}
	close_json_object();
}

static void print_group(const struct group_row *r)
{
	char buf[INET6_ADDRSTRLEN + MFE_IFNAME_LEN];

	open_json_object(NULL);
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
	open_json_array("sources");
	for (size_t i = 0; i < r->nsources; i++)
		print_source(r, &r->sources[i]);
	close_json_array();
	close_json_object();
	print_text_end();
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
	qsort(t->rows, t->n, sizeof(*t->rows), row_cmp);
	open_json_array(NULL);
	for (size_t i = 0; i < t->n; i++)
		print_group(&t->rows[i]);
	close_json_array();
	return 0;
}

/* ---- commands ------------------------------------------------------------ */

static int do_show(int argc, char **argv)
{
	struct group_show_req req = { .family = mcastctl_opts.family };
	struct group_table t = { .filter = &req };
	struct mr_nl nl;
	int ret;

	ret = group_parse(argc, argv, &req);
	if (ret)
		return ret > 0 ? 0 : -EINVAL;
	ret = group_resolve(&req);
	if (ret)
		return ret;
	ret = mr_nl_open(&nl);
	if (ret)
		return ret;
	nl.describe = group_describe;
	ret = mr_nl_dump_filter(&nl, MCAST_ROUTER_CMD_GROUP_GET,
				group_put_filter, &req, group_table_add, &t);
	mr_nl_close(&nl);
	if (ret)
		goto out;
	print_init(stdout, mcastctl_opts.json, mcastctl_opts.pretty);
	ret = group_table_print(&t);
	if (print_end() && !ret) {
		fprintf(stderr, "Error: cannot write output\n");
		ret = -EIO;
	}
out:
	group_table_free(&t);
	return ret;
}

static const struct cmd group_cmds[] = {
	{ "show", do_show },
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
