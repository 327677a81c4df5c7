// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the "interface" object.
 *
 *   mcastctl interface set DEV [KEYWORD VALUE]...
 *   mcastctl interface show [DEV]
 *   mcastctl interface del DEV
 *
 * One table lists every scalar attribute with its "set" keyword, which is
 * also its JSON key and its name in the YAML spec, its value kind and the
 * text line it is printed on. Parsing and printing both walk that table,
 * so "show" prints exactly what "set" accepts.
 *
 * Only syntax is checked here (a number, a unit, a u8 fitting in 8 bits);
 * ranges are the kernel's policy, which answers with an extack message.
 * Values the kernel can derive take "auto" (the DERIVED flags) and are
 * shown with "(auto)" while derived.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "config.h"
#include "iface.h"
#include "mcastctl.h"
#include "nl.h"
#include "print.h"

enum kw_kind {
	KW_MODE,
	KW_U8,
	KW_U32,
	KW_DURATION,
	KW_ONOFF,	/* u8 1/0; text "on"/"off", JSON true/false */
};

struct iface_kw {
	const char *name;	/* set keyword == JSON key == spec name */
	int attr;
	enum kw_kind kind;
	int line;		/* text output line (0 = the name's line) */
	uint32_t derived;	/* enum mcast_router_derived flag: "auto" */
};

static const struct iface_kw iface_kws[] = {
	{ "mode", MCAST_ROUTER_A_IFACE_MODE, KW_MODE, 0, 0 },
	{ "igmp-version", MCAST_ROUTER_A_IFACE_IGMP_VERSION, KW_U8, 0, 0 },
	{ "mld-version", MCAST_ROUTER_A_IFACE_MLD_VERSION, KW_U8, 0, 0 },
	{ "robustness", MCAST_ROUTER_A_IFACE_ROBUSTNESS, KW_U8, 0, 0 },
	{ "querier", MCAST_ROUTER_A_IFACE_QUERIER, KW_ONOFF, 0, 0 },
	{ "fast-leave", MCAST_ROUTER_A_IFACE_FAST_LEAVE, KW_ONOFF, 0, 0 },
	{ "query-interval", MCAST_ROUTER_A_IFACE_QUERY_INTERVAL,
	  KW_DURATION, 1, 0 },
	{ "query-response-interval",
	  MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL, KW_DURATION, 1, 0 },
	{ "last-member-query-interval",
	  MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_INTERVAL, KW_DURATION, 2, 0 },
	{ "last-member-query-count",
	  MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT, KW_U8, 2,
	  MCAST_ROUTER_DERIVED_LAST_MEMBER_QUERY_COUNT },
	{ "startup-query-interval",
	  MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL, KW_DURATION, 3,
	  MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL },
	{ "startup-query-count", MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT,
	  KW_U8, 3, MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT },
	{ "ttl-threshold", MCAST_ROUTER_A_IFACE_TTL_THRESHOLD, KW_U8, 4, 0 },
	{ "max-groups", MCAST_ROUTER_A_IFACE_MAX_GROUPS, KW_U32, 4, 0 },
	{ "max-sources", MCAST_ROUTER_A_IFACE_MAX_SOURCES, KW_U32, 4, 0 },
	{ NULL, 0, 0, 0, 0 },
};

#define BOUNDARY_LINE 5

/*
 * The forwarding counters of "interface show -s", named as in the YAML
 * spec, on three text lines: what arrived, what was sent, what was not.
 */
static const struct {
	const char *name;
	int attr;
	int line;
} stats_kws[] = {
	{ "rx-packets", MCAST_ROUTER_A_IFACE_STATS_RX_PACKETS, 0 },
	{ "wrong-iif", MCAST_ROUTER_A_IFACE_STATS_WRONG_IIF, 0 },
	{ "no-entry", MCAST_ROUTER_A_IFACE_STATS_NO_ENTRY, 0 },
	{ "ttl-expired", MCAST_ROUTER_A_IFACE_STATS_TTL_EXPIRED, 0 },
	{ "native-routing", MCAST_ROUTER_A_IFACE_STATS_NATIVE_ROUTING, 0 },
	{ "forwarded-packets", MCAST_ROUTER_A_IFACE_STATS_FORWARDED_PACKETS, 1 },
	{ "forwarded-bytes", MCAST_ROUTER_A_IFACE_STATS_FORWARDED_BYTES, 1 },
	{ "tx-errors", MCAST_ROUTER_A_IFACE_STATS_TX_ERRORS, 1 },
	{ "threshold-drops", MCAST_ROUTER_A_IFACE_STATS_THRESHOLD_DROPS, 2 },
	{ "boundary-drops", MCAST_ROUTER_A_IFACE_STATS_BOUNDARY_DROPS, 2 },
	{ NULL, 0, 0 },
};

static const char *const mode_names[] = {
	[MCAST_ROUTER_MODE_OFF] = "off",
	[MCAST_ROUTER_MODE_ROUTER] = "router",
	[MCAST_ROUTER_MODE_PROXY] = "proxy",
};

/**
 * iface_usage() - print the usage of the interface object
 * @fp: stream
 */
void iface_usage(FILE *fp)
{
	fputs("Usage: mcastctl interface set DEV [ KEYWORD VALUE ]...\n"
	      "       mcastctl interface show [ DEV ]\n"
	      "       mcastctl interface del DEV\n"
	      "       mcastctl interface help\n"
	      "Try \"mcastctl interface set help\" for the keywords.\n", fp);
}

/**
 * iface_set_usage() - print the usage of "interface set"
 * @fp: stream
 */
void iface_set_usage(FILE *fp)
{
	fputs("Usage: mcastctl interface set DEV\n"
	      "           [ mode { router | proxy | off } ]\n"
	      "           [ igmp-version N ] [ mld-version N ] [ robustness N ]\n"
	      "           [ querier { on | off } ] [ fast-leave { on | off } ]\n"
	      "           [ query-interval DUR ] [ query-response-interval DUR ]\n"
	      "           [ last-member-query-interval DUR ]\n"
	      "           [ last-member-query-count { N | auto } ]\n"
	      "           [ startup-query-interval { DUR | auto } ]\n"
	      "           [ startup-query-count { N | auto } ]\n"
	      "           [ ttl-threshold N ] [ max-groups N ] [ max-sources N ]\n"
	      "           [ boundary PREFIX ]... | [ boundary none ]\n"
	      "DUR is a number with a unit: 100ms, 1.5s, 125s, 2m.\n"
	      "auto: derived from query-interval (a quarter of it) or robustness\n"
	      "(the counts), as RFC 3376 and RFC 3810 define; the default.\n"
	      "PREFIX is ADDRESS[/LEN], e.g. 239.192.0.0/14 or ff05::/16.\n"
	      "Given boundaries replace the whole list; \"boundary none\" clears it.\n",
	      fp);
}

/**
 * iface_describe() - name an interface attribute for kernel error messages
 * @type: MCAST_ROUTER_A_IFACE_*
 * @name: set to the `set` keyword
 * @duration: set to whether the value is in milliseconds
 *
 * Return: true if @type is known.
 */
bool iface_describe(int type, const char **name, bool *duration)
{
	if (type == MCAST_ROUTER_A_IFACE_BOUNDARIES) {
		*name = "boundary";
		*duration = false;
		return true;
	}
	if (type == MCAST_ROUTER_A_IFACE_IFINDEX ||
	    type == MCAST_ROUTER_A_IFACE_IFNAME) {
		*name = "dev";
		*duration = false;
		return true;
	}
	if (type == MCAST_ROUTER_A_IFACE_DERIVED) {
		*name = "auto";
		*duration = false;
		return true;
	}
	for (const struct iface_kw *kw = iface_kws; kw->name; kw++) {
		if (kw->attr == type) {
			*name = kw->name;
			*duration = kw->kind == KW_DURATION;
			return true;
		}
	}
	return false;
}

static const struct iface_kw *find_kw(const char *name)
{
	for (const struct iface_kw *kw = iface_kws; kw->name; kw++)
		if (!strcmp(kw->name, name))
			return kw;
	return NULL;
}

static int parse_kw_value(const struct iface_kw *kw, const char *arg,
			  uint32_t *val)
{
	const char *why = NULL;
	uint64_t v;
	bool on;

	switch (kw->kind) {
	case KW_MODE:
		for (unsigned int i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++) {
			if (!strcmp(arg, mode_names[i])) {
				*val = i;
				return 0;
			}
		}
		why = "expected router, proxy or off";
		break;
	case KW_U8:
		if (!parse_uint(arg, 0, UINT8_MAX, &v, &why)) {
			*val = (uint32_t)v;
			return 0;
		}
		break;
	case KW_U32:
		if (!parse_uint(arg, 0, UINT32_MAX, &v, &why)) {
			*val = (uint32_t)v;
			return 0;
		}
		break;
	case KW_DURATION:
		if (!parse_duration(arg, val, &why))
			return 0;
		break;
	case KW_ONOFF:
		if (!parse_onoff(arg, &on, &why)) {
			*val = on;
			return 0;
		}
		break;
	}
	fprintf(stderr, "Error: invalid %s \"%s\": %s%s\n", kw->name, arg, why,
		kw->derived ? "; or auto" : "");
	return -1;
}

static int add_boundary(struct iface_set_req *req, const char *arg)
{
	struct prefix p, *b;
	const char *why;

	if (!strcmp(arg, "none")) {
		if (req->boundary_none || req->nboundaries)
			goto conflict;
		req->boundary_none = true;
		req->boundaries_given = true;
		return 0;
	}
	if (req->boundary_none)
		goto conflict;
	if (parse_prefix(arg, &p, &why)) {
		fprintf(stderr, "Error: invalid boundary \"%s\": %s\n", arg, why);
		return -1;
	}
	b = realloc(req->boundaries, (req->nboundaries + 1) * sizeof(*b));
	if (!b) {
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	req->boundaries = b;
	req->boundaries[req->nboundaries++] = p;
	req->boundaries_given = true;
	return 0;
conflict:
	fprintf(stderr, "Error: \"boundary none\" cannot be combined with other boundaries\n");
	return -1;
}

/**
 * iface_parse_set() - parse the arguments of "interface set"
 * @argc: number of arguments after "set"
 * @argv: the arguments after "set": DEV then keyword/value pairs
 * @req: zero-initialised request, filled in; free with iface_set_req_free()
 *
 * Return: 0 on success, 1 if help was asked for (usage printed on stdout),
 * -1 on a syntax error (printed on stderr).
 */
int iface_parse_set(int argc, char **argv, struct iface_set_req *req)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (is_help(argv[i])) {
			iface_set_usage(stdout);
			return 1;
		}
	}
	if (argc < 1) {
		fprintf(stderr, "Error: missing device name; try \"mcastctl interface set help\"\n");
		return -1;
	}
	req->dev = argv[0];
	for (i = 1; i < argc; i += 2) {
		const struct iface_kw *kw;
		const char *key = argv[i];

		if (i + 1 >= argc) {
			if (!strcmp(key, "boundary") || find_kw(key)) {
				fprintf(stderr, "Error: missing value for \"%s\"\n", key);
				return -1;
			}
		}
		if (!strcmp(key, "boundary")) {
			if (add_boundary(req, argv[i + 1]))
				return -1;
			continue;
		}
		kw = find_kw(key);
		if (!kw) {
			fprintf(stderr, "Error: unknown keyword \"%s\"; try \"mcastctl interface set help\"\n",
				key);
			return -1;
		}
		if (req->has[kw->attr]) {
			fprintf(stderr, "Error: \"%s\" given more than once\n", key);
			return -1;
		}
		req->has[kw->attr] = true;
		if (kw->derived && !strcmp(argv[i + 1], "auto")) {
			req->derive |= kw->derived;
			continue;
		}
		if (parse_kw_value(kw, argv[i + 1], &req->val[kw->attr]))
			return -1;
	}
	return 0;
}

/**
 * iface_set_req_free() - release what iface_parse_set() allocated
 * @req: the request
 */
void iface_set_req_free(struct iface_set_req *req)
{
	free(req->boundaries);
	req->boundaries = NULL;
	req->nboundaries = 0;
}

static int put_prefix(struct nl_msg *msg, const struct prefix *p)
{
	struct nlattr *entry;
	int alen = p->family == AF_INET6 ? 16 : 4;

	entry = nla_nest_start(msg, MCAST_ROUTER_A_BOUNDARIES_ENTRY);
	if (!entry)
		return -NLE_NOMEM;
	if (nla_put_u16(msg, MCAST_ROUTER_A_PREFIX_FAMILY, p->family) ||
	    nla_put(msg, MCAST_ROUTER_A_PREFIX_ADDR, alen, p->addr) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_PREFIX_LEN, p->len))
		return -NLE_NOMEM;
	nla_nest_end(msg, entry);
	return 0;
}

/**
 * iface_put_set() - add an IFACE_SET request's attributes to a message
 * @msg: message with the generic netlink header already in place
 * @req: what was parsed
 * @ifindex: the device
 *
 * Return: 0, or a negative libnl error if the message is too small.
 */
int iface_put_set(struct nl_msg *msg, const struct iface_set_req *req,
		  uint32_t ifindex)
{
	struct nlattr *nest;
	int ret;

	ret = nla_put_u32(msg, MCAST_ROUTER_A_IFACE_IFINDEX, ifindex);
	if (ret)
		return ret;
	for (const struct iface_kw *kw = iface_kws; kw->name; kw++) {
		uint32_t v = req->val[kw->attr];

		if (!req->has[kw->attr] || (kw->derived & req->derive))
			continue;
		if (kw->kind == KW_MODE || kw->kind == KW_U8 ||
		    kw->kind == KW_ONOFF)
			ret = nla_put_u8(msg, kw->attr, (uint8_t)v);
		else
			ret = nla_put_u32(msg, kw->attr, v);
		if (ret)
			return ret;
	}
	if (req->derive) {
		ret = nla_put_u32(msg, MCAST_ROUTER_A_IFACE_DERIVED, req->derive);
		if (ret)
			return ret;
	}
	if (!req->boundaries_given)
		return 0;
	nest = nla_nest_start(msg, MCAST_ROUTER_A_IFACE_BOUNDARIES);
	if (!nest)
		return -NLE_NOMEM;
	for (size_t i = 0; i < req->nboundaries; i++) {
		ret = put_prefix(msg, &req->boundaries[i]);
		if (ret)
			return ret;
	}
	nla_nest_end_keep_empty(msg, nest);
	return 0;
}

static struct nla_policy iface_policy[MCAST_ROUTER_A_IFACE_MAX + 1] = {
	[MCAST_ROUTER_A_IFACE_IFINDEX] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_IFACE_IFNAME] = { .type = NLA_STRING },
	[MCAST_ROUTER_A_IFACE_MODE] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_IGMP_VERSION] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_MLD_VERSION] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_ROBUSTNESS] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_INTERVAL] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_TTL_THRESHOLD] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_BOUNDARIES] = { .type = NLA_NESTED },
	[MCAST_ROUTER_A_IFACE_MAX_GROUPS] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_IFACE_STATS] = { .type = NLA_NESTED },
	[MCAST_ROUTER_A_IFACE_QUERIER] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_MAX_SOURCES] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_IFACE_FAST_LEAVE] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_DERIVED] = { .type = NLA_U32 },
};

static struct nla_policy stats_policy[MCAST_ROUTER_A_IFACE_STATS_MAX + 1] = {
	[MCAST_ROUTER_A_IFACE_STATS_RX_PACKETS] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_FORWARDED_PACKETS] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_FORWARDED_BYTES] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_WRONG_IIF] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_NO_ENTRY] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_TTL_EXPIRED] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_THRESHOLD_DROPS] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_BOUNDARY_DROPS] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_TX_ERRORS] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_IFACE_STATS_NATIVE_ROUTING] = { .type = NLA_U64 },
};

static struct nla_policy prefix_policy[MCAST_ROUTER_A_PREFIX_MAX + 1] = {
	[MCAST_ROUTER_A_PREFIX_FAMILY] = { .type = NLA_U16 },
	[MCAST_ROUTER_A_PREFIX_ADDR] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_PREFIX_LEN] = { .type = NLA_U8 },
};

static int parse_iface(struct nlmsghdr *nlh,
		       struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1])
{
	if (!genlmsg_valid_hdr(nlh, 0) ||
	    genlmsg_parse(nlh, 0, tb, MCAST_ROUTER_A_IFACE_MAX, iface_policy)) {
		fprintf(stderr, "Error: malformed interface message from the kernel\n");
		return -EPROTO;
	}
	return 0;
}

/* A boundary entry as "addr/len", or -1 if it is malformed. */
static int entry_to_string(struct nlattr *entry, char *buf, size_t size)
{
	struct nlattr *tb[MCAST_ROUTER_A_PREFIX_MAX + 1];
	struct prefix p = { .family = 0 };
	int alen;

	if (nla_type(entry) != MCAST_ROUTER_A_BOUNDARIES_ENTRY ||
	    nla_parse_nested(tb, MCAST_ROUTER_A_PREFIX_MAX, entry, prefix_policy))
		return -1;
	if (!tb[MCAST_ROUTER_A_PREFIX_FAMILY] || !tb[MCAST_ROUTER_A_PREFIX_ADDR] ||
	    !tb[MCAST_ROUTER_A_PREFIX_LEN])
		return -1;
	p.family = nla_get_u16(tb[MCAST_ROUTER_A_PREFIX_FAMILY]);
	p.len = nla_get_u8(tb[MCAST_ROUTER_A_PREFIX_LEN]);
	alen = nla_len(tb[MCAST_ROUTER_A_PREFIX_ADDR]);
	if (!((p.family == AF_INET && alen == 4) ||
	      (p.family == AF_INET6 && alen == 16)))
		return -1;
	memcpy(p.addr, nla_data(tb[MCAST_ROUTER_A_PREFIX_ADDR]), (size_t)alen);
	return format_prefix(&p, buf, size);
}

/*
 * The STATS nest: text "stats:" on its own indented line, the counters on
 * deeper ones; JSON a "stats" object. A malformed nest is left out.
 */
static void print_stats(struct nlattr *nest)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_STATS_MAX + 1];
	int line = -1;

	if (nla_parse_nested(tb, MCAST_ROUTER_A_IFACE_STATS_MAX, nest,
			     stats_policy))
		return;
	print_text_break("\n    ");
	print_string(PRINT_FP, NULL, "%s", "stats:");
	open_json_object("stats");
	for (int i = 0; stats_kws[i].name; i++) {
		char fmt[64];

		if (!tb[stats_kws[i].attr])
			continue;
		if (stats_kws[i].line != line) {
			print_text_break("\n        ");
			line = stats_kws[i].line;
		}
		snprintf(fmt, sizeof(fmt), "%s %%" PRIu64, stats_kws[i].name);
		print_u64(PRINT_ANY, stats_kws[i].name, fmt,
			  nla_get_u64(tb[stats_kws[i].attr]));
	}
	close_json_object();
}

static void print_ifname(struct nlattr **tb, const char *fmt)
{
	char name[IF_NAMESIZE];

	if (tb[MCAST_ROUTER_A_IFACE_IFINDEX])
		print_uint(PRINT_JSON, "ifindex", NULL,
			   nla_get_u32(tb[MCAST_ROUTER_A_IFACE_IFINDEX]));
	if (tb[MCAST_ROUTER_A_IFACE_IFNAME]) {
		nla_strlcpy(name, tb[MCAST_ROUTER_A_IFACE_IFNAME], sizeof(name));
		print_string(PRINT_ANY, "ifname", fmt, name);
	}
}

/**
 * iface_print() - print one interface (IFACE_GET reply or CHANGE_NTF)
 * @nlh: the message
 * @event: NULL for "show" (a block of lines), or an event name such as
 *	"change" to print everything on one line prefixed with it
 *
 * Prints every known attribute present in the message, in text or JSON
 * (see print.h); unknown attributes are ignored. The forwarding counters
 * only with -s, and only for "show".
 *
 * Return: 0, or -EPROTO for a malformed message (printed on stderr).
 */
int iface_print(struct nlmsghdr *nlh, const char *event)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1];
	const char *brk = event ? " " : "\n    ";
	char buf[PREFIX_STRLEN];
	uint32_t derived = 0;
	int line = 0, ret;

	ret = parse_iface(nlh, tb);
	if (ret)
		return ret;
	if (tb[MCAST_ROUTER_A_IFACE_DERIVED])
		derived = nla_get_u32(tb[MCAST_ROUTER_A_IFACE_DERIVED]);

	open_json_object(NULL);
	if (event)
		print_string(PRINT_ANY, "event", "%s", event);
	if (tb[MCAST_ROUTER_A_IFACE_IFNAME]) {
		print_ifname(tb, "%s:");
	} else if (tb[MCAST_ROUTER_A_IFACE_IFINDEX]) {
		print_uint(PRINT_ANY, "ifindex", "ifindex %u:",
			   nla_get_u32(tb[MCAST_ROUTER_A_IFACE_IFINDEX]));
	}

	for (const struct iface_kw *kw = iface_kws; kw->name; kw++) {
		struct nlattr *a = tb[kw->attr];
		uint8_t mode, on;
		char fmt[64];

		if (!a)
			continue;
		if (kw->line != line) {
			print_text_break(brk);
			line = kw->line;
		}
		snprintf(fmt, sizeof(fmt), "%s %s%s", kw->name,
			 kw->kind == KW_U8 || kw->kind == KW_U32 ? "%u" : "%s",
			 kw->derived & derived ? " (auto)" : "");
		switch (kw->kind) {
		case KW_MODE:
			mode = nla_get_u8(a);
			if (mode <= MCAST_ROUTER_MODE_MAX) {
				print_string(PRINT_ANY, kw->name, fmt,
					     mode_names[mode]);
			} else {
				snprintf(buf, sizeof(buf), "%u", mode);
				print_string(PRINT_ANY, kw->name, fmt, buf);
			}
			break;
		case KW_U8:
			print_uint(PRINT_ANY, kw->name, fmt, nla_get_u8(a));
			break;
		case KW_U32:
			print_uint(PRINT_ANY, kw->name, fmt, nla_get_u32(a));
			break;
		case KW_DURATION:
			print_duration(PRINT_ANY, kw->name, fmt, nla_get_u32(a));
			break;
		case KW_ONOFF:
			/* JSON: a boolean (the spec's u8 0/1). */
			on = nla_get_u8(a);
			print_bool(PRINT_JSON, kw->name, NULL, on);
			if (on <= 1)
				snprintf(buf, sizeof(buf), "%s", on ? "on" : "off");
			else
				snprintf(buf, sizeof(buf), "%u", on);
			print_string(PRINT_FP, NULL, fmt, buf);
			break;
		}
	}

	/* Text: "(auto)" after each derived value; JSON: their names. */
	if (tb[MCAST_ROUTER_A_IFACE_DERIVED]) {
		open_json_array("derived");
		for (const struct iface_kw *kw = iface_kws; kw->name; kw++)
			if (kw->derived & derived)
				print_string(PRINT_JSON, NULL, NULL, kw->name);
		close_json_array();
	}

	if (tb[MCAST_ROUTER_A_IFACE_BOUNDARIES]) {
		struct nlattr *entry;
		int rem;

		if (line != BOUNDARY_LINE)
			print_text_break(brk);
		open_json_array("boundaries");
		nla_for_each_nested(entry, tb[MCAST_ROUTER_A_IFACE_BOUNDARIES], rem) {
			if (entry_to_string(entry, buf, sizeof(buf)))
				continue;
			print_string(PRINT_ANY, NULL, "boundary %s", buf);
		}
		close_json_array();
	}
	if (!event && mcastctl_opts.stats && tb[MCAST_ROUTER_A_IFACE_STATS])
		print_stats(tb[MCAST_ROUTER_A_IFACE_STATS]);
	close_json_object();
	print_text_end();
	return 0;
}

/**
 * iface_print_del() - print an IFACE_DEL_NTF event on one line
 * @nlh: the message
 *
 * Return: 0, or -EPROTO for a malformed message (printed on stderr).
 */
int iface_print_del(struct nlmsghdr *nlh)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1];
	int ret;

	ret = parse_iface(nlh, tb);
	if (ret)
		return ret;
	open_json_object(NULL);
	print_string(PRINT_ANY, "event", "%s", "delete");
	print_ifname(tb, "%s");
	if (tb[MCAST_ROUTER_A_IFACE_IFINDEX])
		print_uint(PRINT_FP, NULL,
			   tb[MCAST_ROUTER_A_IFACE_IFNAME] ? "(ifindex %u)" :
							     "ifindex %u",
			   nla_get_u32(tb[MCAST_ROUTER_A_IFACE_IFINDEX]));
	close_json_object();
	print_text_end();
	return 0;
}

/* One "interface set" line of "config save", from an IFACE_GET reply. */
static int save_one(struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1];
	char name[IF_NAMESIZE], buf[PREFIX_STRLEN];
	uint32_t derived = 0;
	FILE *fp = arg;
	int ret;

	ret = parse_iface(nlh, tb);
	if (ret)
		return ret;
	if (!tb[MCAST_ROUTER_A_IFACE_IFNAME]) {
		fprintf(stderr, "Error: malformed interface message from the kernel\n");
		return -EPROTO;
	}
	nla_strlcpy(name, tb[MCAST_ROUTER_A_IFACE_IFNAME], sizeof(name));
	if (tb[MCAST_ROUTER_A_IFACE_DERIVED])
		derived = nla_get_u32(tb[MCAST_ROUTER_A_IFACE_DERIVED]);
	fputs("interface set ", fp);
	config_put_word(fp, name);
	for (const struct iface_kw *kw = iface_kws; kw->name; kw++) {
		struct nlattr *a = tb[kw->attr];
		uint32_t v;

		if (!a)
			continue;
		v = nla_len(a) == sizeof(uint8_t) ? nla_get_u8(a) : nla_get_u32(a);
		fprintf(fp, " %s ", kw->name);
		if (kw->derived & derived) {
			fputs("auto", fp);
			continue;
		}
		switch (kw->kind) {
		case KW_MODE:
			if (v > MCAST_ROUTER_MODE_MAX) {
				fprintf(stderr, "Error: %s: unknown mode %u\n", name, v);
				return -EPROTO;
			}
			fputs(mode_names[v], fp);
			break;
		case KW_U8:
		case KW_U32:
			fprintf(fp, "%u", v);
			break;
		case KW_DURATION:
			format_duration(v, buf, sizeof(buf));
			fputs(buf, fp);
			break;
		case KW_ONOFF:
			fputs(v ? "on" : "off", fp);
			break;
		}
	}
	if (tb[MCAST_ROUTER_A_IFACE_BOUNDARIES]) {
		struct nlattr *entry;
		bool any = false;
		int rem;

		nla_for_each_nested(entry, tb[MCAST_ROUTER_A_IFACE_BOUNDARIES], rem) {
			if (entry_to_string(entry, buf, sizeof(buf)))
				continue;
			fprintf(fp, " boundary %s", buf);
			any = true;
		}
		if (!any)
			fputs(" boundary none", fp);
	}
	fputc('\n', fp);
	return 0;
}

/**
 * iface_save() - "config save": one "interface set" line per interface
 * @fp: where the lines go
 *
 * Every value is written (derived ones as "auto"), and the boundaries
 * ("boundary none" if there are none), so that applying the line to any
 * existing configuration of the device reproduces this one.
 *
 * Return: 0 or a negative errno (printed).
 */
int iface_save(FILE *fp)
{
	struct mr_nl nl;
	int ret;

	ret = mr_nl_open(&nl);
	if (ret)
		return ret;
	ret = mr_nl_dump(&nl, MCAST_ROUTER_CMD_IFACE_GET, save_one, fp);
	mr_nl_close(&nl);
	return ret;
}

static int do_set(int argc, char **argv)
{
	struct iface_set_req req = { .dev = NULL };
	struct nl_msg *msg;
	struct mr_nl nl;
	uint32_t ifindex;
	int ret;

	ret = iface_parse_set(argc, argv, &req);
	if (ret) {
		iface_set_req_free(&req);
		return ret > 0 ? 0 : -EINVAL;
	}
	ret = resolve_dev(req.dev, &ifindex);
	if (ret)
		goto out;
	ret = mr_nl_open(&nl);
	if (ret)
		goto out;
	nl.describe = iface_describe;
	msg = mr_nl_msg(&nl, MCAST_ROUTER_CMD_IFACE_SET, 0);
	if (!msg) {
		ret = -ENOMEM;
		goto close;
	}
	if (iface_put_set(msg, &req, ifindex)) {
		fprintf(stderr, "Error: request too large (too many boundaries?)\n");
		nlmsg_free(msg);
		ret = -EMSGSIZE;
		goto close;
	}
	ret = mr_nl_request(&nl, msg, NULL, NULL);
close:
	mr_nl_close(&nl);
out:
	iface_set_req_free(&req);
	return ret;
}

/* A GET or DEL request naming one device by ifindex (error printed). */
static struct nl_msg *ifindex_msg(struct mr_nl *nl, uint8_t cmd,
				  uint32_t ifindex)
{
	struct nl_msg *msg = mr_nl_msg(nl, cmd, 0);

	if (msg && nla_put_u32(msg, MCAST_ROUTER_A_IFACE_IFINDEX, ifindex)) {
		fprintf(stderr, "Error: out of memory\n");
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static int show_one(struct nlmsghdr *nlh, void *arg)
{
	(void)arg;
	return iface_print(nlh, NULL);
}

static int do_show(int argc, char **argv)
{
	struct nl_msg *msg;
	struct mr_nl nl;
	uint32_t ifindex = 0;
	int ret;

	if (argc > 0 && is_help(argv[0])) {
		iface_usage(stdout);
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "Error: too many arguments; try \"mcastctl interface help\"\n");
		return -EINVAL;
	}
	if (argc == 1) {
		ret = resolve_dev(argv[0], &ifindex);
		if (ret)
			return ret;
	}
	ret = mr_nl_open(&nl);
	if (ret)
		return ret;

	print_init(stdout, mcastctl_opts.json, mcastctl_opts.pretty);
	open_json_array(NULL);
	if (argc == 1) {
		msg = ifindex_msg(&nl, MCAST_ROUTER_CMD_IFACE_GET, ifindex);
		if (!msg) {
			ret = -ENOMEM;
			goto out;
		}
		ret = mr_nl_request(&nl, msg, show_one, NULL);
	} else {
		ret = mr_nl_dump(&nl, MCAST_ROUTER_CMD_IFACE_GET, show_one, NULL);
	}
out:
	/* Nothing was printed on error: replies are delivered after the ACK. */
	if (!ret) {
		close_json_array();
		if (print_end()) {
			fprintf(stderr, "Error: cannot write output\n");
			ret = -EIO;
		}
	}
	mr_nl_close(&nl);
	return ret;
}

static int do_del(int argc, char **argv)
{
	struct nl_msg *msg;
	struct mr_nl nl;
	uint32_t ifindex;
	int ret;

	if (argc > 0 && is_help(argv[0])) {
		iface_usage(stdout);
		return 0;
	}
	if (argc != 1) {
		fprintf(stderr, "Error: %s; try \"mcastctl interface help\"\n",
			argc ? "too many arguments" : "missing device name");
		return -EINVAL;
	}
	ret = resolve_dev(argv[0], &ifindex);
	if (ret)
		return ret;
	ret = mr_nl_open(&nl);
	if (ret)
		return ret;
	msg = ifindex_msg(&nl, MCAST_ROUTER_CMD_IFACE_DEL, ifindex);
	ret = msg ? mr_nl_request(&nl, msg, NULL, NULL) : -ENOMEM;
	mr_nl_close(&nl);
	return ret;
}

static const struct cmd iface_cmds[] = {
	{ "set", do_set },
	{ "show", do_show },
	{ "del", do_del },
	{ NULL, NULL },
};

/**
 * iface_main() - "mcastctl interface ..."
 * @argc: argument count, argv[0] being "interface"
 * @argv: arguments
 *
 * Without a command, shows every interface.
 *
 * Return: 0 or a negative errno (already printed).
 */
int iface_main(int argc, char **argv)
{
	return object_run("interface", iface_cmds, iface_usage, do_show, argc, argv);
}
