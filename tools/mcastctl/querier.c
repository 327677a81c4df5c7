// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the "querier" object, the IGMP/MLD querier state of every
 * router-mode interface and family.
 *
 *   mcastctl [-4|-6] [-s] querier show [dev DEV]
 *
 * One line per interface and family:
 *
 *   eth1  inet  querier 10.0.1.1 (this router)  v3  next-query 95.1s
 *   eth1  inet6  querier fe80::2 (other)  v2  other-querier-expires 250.0s  qrv 2  qqi 125s
 *
 * (qrv and qqi: the other querier's robustness and query interval, which
 * this router's timers follow while it is not the querier.)
 * and with -s a second, indented line with the IGMP/MLD message counters.
 * Text and JSON come from the same print calls; JSON durations are
 * milliseconds, as everywhere else.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "args.h"
#include "mcastctl.h"
#include "mfe.h"
#include "nl.h"
#include "print.h"
#include "querier.h"
#include "rows.h"
#include "utils.h"

struct querier_row {
	uint32_t ifindex;
	uint16_t family;
	bool has_addr, has_self, has_version, has_other, has_next, has_startup;
	bool has_qrv, has_qqi;
	uint8_t addr[16];
	uint8_t self, version, startup, qrv;
	uint32_t other, next, qqi;
	bool has_stats;
	bool has_stat[MCAST_ROUTER_A_QUERIER_STATS_MAX + 1];
	uint64_t stat[MCAST_ROUTER_A_QUERIER_STATS_MAX + 1];
};

/* The counters of "querier show -s", named as in the YAML spec. */
static const struct {
	const char *name;
	int attr;
} stats_kws[] = {
	{ "queries-rx", MCAST_ROUTER_A_QUERIER_STATS_QUERIES_RX },
	{ "queries-tx", MCAST_ROUTER_A_QUERIER_STATS_QUERIES_TX },
	{ "reports-rx", MCAST_ROUTER_A_QUERIER_STATS_REPORTS_RX },
	{ "leaves-rx", MCAST_ROUTER_A_QUERIER_STATS_LEAVES_RX },
	{ "malformed", MCAST_ROUTER_A_QUERIER_STATS_MALFORMED },
	{ "ignored", MCAST_ROUTER_A_QUERIER_STATS_IGNORED },
	{ "refused", MCAST_ROUTER_A_QUERIER_STATS_REFUSED },
	{ NULL, 0 },
};

/**
 * querier_usage() - print the usage of the querier object
 * @fp: stream
 */
void querier_usage(FILE *fp)
{
	fputs("Usage: mcastctl [ -4 | -6 ] [ -s ] querier show [ dev DEV ]\n"
	      "       mcastctl querier help\n"
	      "Shows the IGMP (inet) and MLD (inet6) querier of every router-mode\n"
	      "interface; -s adds the IGMP/MLD message counters.\n",
	      fp);
}

/**
 * querier_describe() - name a QUERIER_GET filter attribute for kernel errors
 * @type: MCAST_ROUTER_A_QUERIER_*
 * @name: set to the keyword the user typed
 * @duration: set to false
 *
 * Return: true if @type is known.
 */
bool querier_describe(int type, const char **name, bool *duration)
{
	*duration = false;
	switch (type) {
	case MCAST_ROUTER_A_QUERIER_IFINDEX:
		*name = "dev";
		return true;
	case MCAST_ROUTER_A_QUERIER_FAMILY:
		*name = "family";
		return true;
	}
	return false;
}

/**
 * querier_parse() - parse the arguments of "querier show"
 * @argc: number of arguments after "show"
 * @argv: the arguments after "show"
 * @req: zero-initialised request, except @req->family which holds the
 *	global -4/-6 (or AF_UNSPEC); filled in
 *
 * Accepts "dev DEV" and, as "mfe show" does, -4/-6.
 *
 * Return: 0 on success, 1 if help was asked for (usage printed on stdout),
 * -1 on a syntax error (printed on stderr).
 */
int querier_parse(int argc, char **argv, struct querier_req *req)
{
	struct show_args args = { .family = req->family };

	if (args_help(argc, argv, querier_usage))
		return 1;
	if (show_args_parse("querier", false, argc, argv, &args))
		return -1;
	req->family = args.family;
	req->dev = args.dev;
	return 0;
}

/**
 * querier_resolve() - look the request's device up in this namespace
 * @req: a parsed request
 *
 * Return: 0, or a negative errno (printed).
 */
int querier_resolve(struct querier_req *req)
{
	if (!req->dev)
		return 0;
	return resolve_dev(req->dev, &req->ifindex);
}

/**
 * querier_put_filter() - add a QUERIER_GET dump's filter attributes (an
 *	mr_nl_put_fn)
 * @msg: the dump request
 * @arg: a parsed and resolved const struct querier_req
 *
 * Return: 0, or a negative libnl error if the message is too small.
 */
int querier_put_filter(struct nl_msg *msg, const void *arg)
{
	const struct querier_req *req = arg;

	if (req->dev &&
	    nla_put_u32(msg, MCAST_ROUTER_A_QUERIER_IFINDEX, req->ifindex))
		return -NLE_NOMEM;
	if (req->family != AF_UNSPEC &&
	    nla_put_u16(msg, MCAST_ROUTER_A_QUERIER_FAMILY, (uint16_t)req->family))
		return -NLE_NOMEM;
	return 0;
}

/* ---- show ---------------------------------------------------------------- */

static struct nla_policy querier_policy[MCAST_ROUTER_A_QUERIER_MAX + 1] = {
	[MCAST_ROUTER_A_QUERIER_IFINDEX] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_QUERIER_FAMILY] = { .type = NLA_U16 },
	[MCAST_ROUTER_A_QUERIER_ADDR] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_QUERIER_SELF] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_QUERIER_VERSION] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_QUERIER_OTHER_EXPIRES] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_QUERIER_NEXT_QUERY] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_QUERIER_STARTUP_LEFT] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_QUERIER_QRV] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_QUERIER_QQI] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_QUERIER_STATS] = { .type = NLA_NESTED },
};

static struct nla_policy
querier_stats_policy[MCAST_ROUTER_A_QUERIER_STATS_MAX + 1] = {
	[MCAST_ROUTER_A_QUERIER_STATS_QUERIES_RX] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_QUERIER_STATS_QUERIES_TX] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_QUERIER_STATS_REPORTS_RX] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_QUERIER_STATS_LEAVES_RX] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_QUERIER_STATS_MALFORMED] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_QUERIER_STATS_IGNORED] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_QUERIER_STATS_REFUSED] = { .type = NLA_U64 },
};

/* Whether the row passes the user's filter (the kernel filters too). */
static bool row_matches(const void *row, const void *filter)
{
	const struct querier_row *r = row;
	const struct querier_req *f = filter;

	if (f->family != AF_UNSPEC && f->family != r->family)
		return false;
	if (f->dev && f->ifindex != r->ifindex)
		return false;
	return true;
}

static int parse_row(struct nlmsghdr *nlh, void *row)
{
	struct querier_row *r = row;
	struct nlattr *tb[MCAST_ROUTER_A_QUERIER_MAX + 1];
	struct nlattr *a;
	int alen;

	if (!genlmsg_valid_hdr(nlh, 0) ||
	    genlmsg_parse(nlh, 0, tb, MCAST_ROUTER_A_QUERIER_MAX, querier_policy) ||
	    !tb[MCAST_ROUTER_A_QUERIER_IFINDEX] ||
	    !tb[MCAST_ROUTER_A_QUERIER_FAMILY])
		return -1;
	r->ifindex = nla_get_u32(tb[MCAST_ROUTER_A_QUERIER_IFINDEX]);
	r->family = nla_get_u16(tb[MCAST_ROUTER_A_QUERIER_FAMILY]);
	if (r->family != AF_INET && r->family != AF_INET6)
		return -1;
	alen = addr_len(r->family);
	a = tb[MCAST_ROUTER_A_QUERIER_ADDR];
	if (a) {
		if (nla_len(a) != alen)
			return -1;
		memcpy(r->addr, nla_data(a), (size_t)alen);
		r->has_addr = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_SELF]) {
		r->self = nla_get_u8(tb[MCAST_ROUTER_A_QUERIER_SELF]);
		r->has_self = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_VERSION]) {
		r->version = nla_get_u8(tb[MCAST_ROUTER_A_QUERIER_VERSION]);
		r->has_version = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_OTHER_EXPIRES]) {
		r->other = nla_get_u32(tb[MCAST_ROUTER_A_QUERIER_OTHER_EXPIRES]);
		r->has_other = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_NEXT_QUERY]) {
		r->next = nla_get_u32(tb[MCAST_ROUTER_A_QUERIER_NEXT_QUERY]);
		r->has_next = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_STARTUP_LEFT]) {
		r->startup = nla_get_u8(tb[MCAST_ROUTER_A_QUERIER_STARTUP_LEFT]);
		r->has_startup = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_QRV]) {
		r->qrv = nla_get_u8(tb[MCAST_ROUTER_A_QUERIER_QRV]);
		r->has_qrv = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_QQI]) {
		r->qqi = nla_get_u32(tb[MCAST_ROUTER_A_QUERIER_QQI]);
		r->has_qqi = true;
	}
	if (tb[MCAST_ROUTER_A_QUERIER_STATS]) {
		if (mr_nl_parse_u64s(tb[MCAST_ROUTER_A_QUERIER_STATS],
				     MCAST_ROUTER_A_QUERIER_STATS_MAX,
				     querier_stats_policy,
				     MCAST_ROUTER_A_QUERIER_STATS_PAD,
				     r->has_stat, r->stat))
			return -1;
		r->has_stats = true;
	}
	return 0;
}

/* Interface, then IPv4 before IPv6. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct querier_row *a = pa, *b = pb;

	if (a->ifindex != b->ifindex)
		return a->ifindex < b->ifindex ? -1 : 1;
	if (a->family != b->family)
		return a->family == AF_INET ? -1 : 1;
	return 0;
}

static void print_stats(const struct querier_row *r)
{
	print_text_break("\n    ");
	open_json_object("stats");
	for (int i = 0; stats_kws[i].name; i++) {
		char fmt[64];

		if (!r->has_stat[stats_kws[i].attr])
			continue;
		snprintf(fmt, sizeof(fmt), "%s %%" PRIu64, stats_kws[i].name);
		print_u64(PRINT_ANY, stats_kws[i].name, fmt,
			  r->stat[stats_kws[i].attr]);
	}
	close_json_object();
}

static void print_querier(const struct querier_row *r, bool stats,
			  const char *event)
{
	char buf[INET6_ADDRSTRLEN + MFE_IFNAME_LEN];

	open_json_object(NULL);
	if (event)
		print_string(PRINT_ANY, "event", "%s", event);
	mfe_index_to_name(r->ifindex, buf, sizeof(buf));
	print_string(PRINT_ANY, "dev", "%s", buf);
	print_uint(PRINT_JSON, "ifindex", NULL, r->ifindex);
	print_text_break("  ");
	print_string(PRINT_ANY, "family", "%s",
		     r->family == AF_INET6 ? "inet6" : "inet");
	print_text_break("  ");
	if (r->has_addr) {
		inet_ntop(r->family, r->addr, buf, sizeof(buf));
		print_string(PRINT_ANY, "querier", "querier %s", buf);
		if (r->has_self)
			print_string(PRINT_FP, NULL, "%s",
				     r->self ? "(this router)" : "(other)");
	} else {
		print_null(PRINT_ANY, "querier", "querier %s", "unknown");
	}
	if (r->has_self)
		print_bool(PRINT_JSON, "self", NULL, r->self);
	if (r->has_version) {
		print_text_break("  ");
		print_uint(PRINT_ANY, "version", "v%u", r->version);
	}
	/* Text: timers only while they run, startup-left only while > 0. */
	if (r->has_other) {
		print_text_break("  ");
		print_timer(r->other ? PRINT_ANY : PRINT_JSON,
			    "other-querier-expires", "other-querier-expires %s",
			    r->other);
	}
	/* The other querier's robustness and interval, which we follow. */
	if (r->has_qrv) {
		print_text_break("  ");
		print_uint(PRINT_ANY, "qrv", "qrv %u", r->qrv);
	}
	if (r->has_qqi) {
		print_text_break("  ");
		print_duration(PRINT_ANY, "qqi", "qqi %s", r->qqi);
	}
	if (r->has_next) {
		print_text_break("  ");
		print_timer(r->next ? PRINT_ANY : PRINT_JSON, "next-query",
			    "next-query %s", r->next);
	}
	if (r->has_startup) {
		print_text_break("  ");
		print_uint(r->startup ? PRINT_ANY : PRINT_JSON, "startup-left",
			   "startup-left %u", r->startup);
	}
	if (stats && r->has_stats)
		print_stats(r);
	close_json_object();
	print_text_end();
}

static void print_row(const void *row, bool stats)
{
	print_querier(row, stats, NULL);
}

/**
 * querier_print_event() - print a QUERIER_NTF (mcastctl monitor)
 * @nlh: the message
 *
 * Return: 0, or -EPROTO for a malformed message (said on stderr).
 */
int querier_print_event(struct nlmsghdr *nlh)
{
	struct querier_row r;

	memset(&r, 0, sizeof(r));
	if (parse_row(nlh, &r)) {
		fprintf(stderr, "Error: malformed querier event\n");
		return -EPROTO;
	}
	print_querier(&r, false, "querier");
	return 0;
}

static const struct rows_kind querier_rows = {
	.size = sizeof(struct querier_row),
	.what = "querier message",
	.parse = parse_row,
	.matches = row_matches,
	.cmp = row_cmp,
	.print = print_row,
};

/**
 * querier_table_add() - add one QUERIER_GET reply to the table (an
 *	mr_nl_reply_fn)
 * @nlh: the message
 * @table: the struct querier_table
 *
 * Rows that do not pass the table's filter are left out.
 *
 * Return: 0, -EPROTO for a malformed message or -ENOMEM (printed).
 */
int querier_table_add(struct nlmsghdr *nlh, void *table)
{
	struct querier_table *t = table;

	return rows_add(&querier_rows, t->filter, nlh, &t->rows, &t->n,
			&t->cap);
}

/**
 * querier_table_free() - release the rows
 * @t: the table
 */
void querier_table_free(struct querier_table *t)
{
	rows_free(&querier_rows, &t->rows, &t->n, &t->cap);
}

/**
 * querier_table_print() - print the collected rows, sorted
 * @t: the table
 * @stats: add the message counters (-s)
 *
 * Text: one line per interface and family (two with @stats); nothing at
 * all for an empty table. JSON: an array of objects (see mcastctl(8)).
 *
 * Return: 0.
 */
int querier_table_print(struct querier_table *t, bool stats)
{
	return rows_print(&querier_rows, t->rows, t->n, stats);
}

/* ---- commands ------------------------------------------------------------ */

static int print_table(void *table)
{
	return querier_table_print(table, mcastctl_opts.stats);
}

static const struct rows_show querier_show = {
	.cmd = MCAST_ROUTER_CMD_QUERIER_GET,
	.describe = querier_describe,
	.put = querier_put_filter,
	.add = querier_table_add,
	.print = print_table,
};

static int do_show(int argc, char **argv)
{
	struct querier_req req = { .family = mcastctl_opts.family };
	struct querier_table t = { .filter = &req };
	int ret;

	ret = querier_parse(argc, argv, &req);
	if (ret)
		return ret > 0 ? 0 : -EINVAL;
	ret = querier_resolve(&req);
	if (!ret)
		ret = rows_show(&querier_show, &req, &t);
	querier_table_free(&t);
	return ret;
}

static const struct cmd querier_cmds[] = {
	{ "show", do_show },
	{ NULL, NULL },
};

/**
 * querier_main() - "mcastctl querier ..."
 * @argc: argument count, argv[0] being "querier"
 * @argv: arguments
 *
 * Without a command, shows every interface and family.
 *
 * Return: 0 or a negative errno (already printed).
 */
int querier_main(int argc, char **argv)
{
	return object_run("querier", querier_cmds, querier_usage, do_show,
			  argc, argv);
}
