// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the "mfe" object, the multicast forwarding table.
 *
 *   mcastctl mfe add group G [source S] iif DEV oif DEV [oif DEV]...
 *   mcastctl mfe replace group G [source S] iif DEV oif DEV [oif DEV]...
 *   mcastctl mfe del group G [source S] [iif DEV]
 *   mcastctl mfe show [group G] [source S] [iif DEV] [-4|-6]
 *   mcastctl mfe flush [-4|-6]
 *
 * The address family comes from the group (or -4/-6). Only syntax and
 * family agreement are checked here; whether a group may be routed and
 * whether the devices are configured is the kernel's call, which answers
 * with an extack message naming the keyword.
 *
 * "show" collects the whole dump and sorts it before printing; text (one
 * line per entry, each value after its keyword, as every object prints its
 * rows) and JSON come from the same print calls.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "args.h"
#include "config.h"
#include "mcastctl.h"
#include "mfe.h"
#include "nl.h"
#include "print.h"
#include "rows.h"
#include "utils.h"

struct mfe_row {
	uint16_t family;
	bool has_source, has_iif, has_origin, has_age;
	uint8_t group[16], source[16];
	uint32_t iif;
	uint8_t origin;
	uint64_t age;
	size_t noifs;
	uint32_t *oifs;			/* malloc'ed */
	bool has_stat[MCAST_ROUTER_A_MFE_STATS_MAX + 1];
	uint64_t stat[MCAST_ROUTER_A_MFE_STATS_MAX + 1];
};

static const char *const origin_names[] = {
	[MCAST_ROUTER_ORIGIN_STATIC] = "static",
	[MCAST_ROUTER_ORIGIN_MEMBERSHIP] = "membership",
	[MCAST_ROUTER_ORIGIN_PROXY] = "proxy",
};

static void index_to_name(uint32_t ifindex, char *buf, size_t size)
{
	char name[IF_NAMESIZE];

	if (ifindex && if_indextoname(ifindex, name))
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "if%" PRIu32, ifindex);
}

void (*mfe_index_to_name)(uint32_t ifindex, char *buf, size_t size) =
	index_to_name;

/**
 * mfe_usage() - print the usage of the mfe object
 * @fp: stream
 */
void mfe_usage(FILE *fp)
{
	fputs("Usage: mcastctl mfe add group GROUP [ source SOURCE ] iif DEV oif DEV [ oif DEV ]...\n"
	      "       mcastctl mfe replace group GROUP [ source SOURCE ] iif DEV oif DEV [ oif DEV ]...\n"
	      "       mcastctl mfe del group GROUP [ source SOURCE ] [ iif DEV ]\n"
	      "       mcastctl mfe show [ group GROUP ] [ source SOURCE ] [ iif DEV ] [ -4 | -6 ]\n"
	      "       mcastctl mfe flush [ -4 | -6 ]\n"
	      "       mcastctl mfe help\n"
	      "GROUP and SOURCE are IPv4 or IPv6 addresses of one family; without\n"
	      "\"source\" the entry is the (*,G) entry, for any source.\n"
	      "Every iif and oif needs a configuration (\"mcastctl interface set DEV\").\n",
	      fp);
}

/**
 * mfe_describe() - name an MFE attribute for kernel error messages
 * @type: MCAST_ROUTER_A_MFE_*
 * @name: set to the keyword the user typed
 * @duration: set to false (no MFE attribute is a duration)
 *
 * Return: true if @type is known.
 */
bool mfe_describe(int type, const char **name, bool *duration)
{
	*duration = false;
	switch (type) {
	case MCAST_ROUTER_A_MFE_FAMILY:
		*name = "family";
		return true;
	case MCAST_ROUTER_A_MFE_GROUP:
		*name = "group";
		return true;
	case MCAST_ROUTER_A_MFE_SOURCE:
		*name = "source";
		return true;
	case MCAST_ROUTER_A_MFE_IIF:
		*name = "iif";
		return true;
	case MCAST_ROUTER_A_MFE_OIFS:
		*name = "oif";
		return true;
	}
	return false;
}

static const char *verb_name(enum mfe_verb verb)
{
	switch (verb) {
	case MFE_ADD:
		return "add";
	case MFE_REPLACE:
		return "replace";
	case MFE_DEL:
		return "del";
	case MFE_SHOW:
		return "show";
	case MFE_FLUSH:
		break;
	}
	return "flush";
}

static int add_oif(struct mfe_req *req, const char *dev)
{
	const char **oifs;

	for (size_t i = 0; i < req->noifs; i++) {
		if (!strcmp(req->oifs[i], dev)) {
			fprintf(stderr, "Error: oif \"%s\" given more than once\n",
				dev);
			return -1;
		}
	}
	oifs = realloc(req->oifs, (req->noifs + 1) * sizeof(*oifs));
	if (!oifs) {
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	req->oifs = oifs;
	req->oifs[req->noifs++] = dev;
	return 0;
}

/* Whether keyword @kw may be used with @verb. */
static bool kw_allowed(enum mfe_verb verb, const char *kw)
{
	bool filter = !strcmp(kw, "-4") || !strcmp(kw, "-6");

	switch (verb) {
	case MFE_ADD:
	case MFE_REPLACE:
		return !filter;
	case MFE_DEL:
		return !filter && strcmp(kw, "oif");
	case MFE_SHOW:
		return strcmp(kw, "oif");
	case MFE_FLUSH:
		return filter;
	}
	return false;
}

/* Family agreement between -4/-6, the group and the source. */
static int check_families(struct mfe_req *req, int gfam, int sfam,
			  const char *group, const char *source)
{
	if (req->has_group &&
	    args_check_family("group", group, gfam, req->family))
		return -1;
	if (req->has_group)
		req->family = gfam;
	if (req->has_source && req->has_group && sfam != gfam) {
		fprintf(stderr, "Error: source \"%s\" and group \"%s\" are of different address families\n",
			source, group);
		return -1;
	}
	if (req->has_source &&
	    args_check_family("source", source, sfam, req->family))
		return -1;
	if (req->has_source)
		req->family = sfam;
	return 0;
}

static int report_missing(const char *kw)
{
	fprintf(stderr, "Error: missing \"%s\"; try \"mcastctl mfe help\"\n",
		kw);
	return -1;
}

/**
 * mfe_parse() - parse the arguments of an mfe command
 * @verb: the command
 * @argc: number of arguments after the command
 * @argv: the arguments after the command
 * @req: zero-initialised request, except @req->family which holds the
 *	global -4/-6 (or AF_UNSPEC); filled in. Free with mfe_req_free().
 *
 * Return: 0 on success, 1 if help was asked for (usage printed on stdout),
 * -1 on a syntax error (printed on stderr).
 */
int mfe_parse(enum mfe_verb verb, int argc, char **argv, struct mfe_req *req)
{
	const char *group = NULL, *source = NULL;
	int gfam = AF_UNSPEC, sfam = AF_UNSPEC;
	int i;

	if (args_help(argc, argv, mfe_usage))
		return 1;
	for (i = 0; i < argc; i++) {
		const char *kw = argv[i], *val;

		if (strcmp(kw, "group") && strcmp(kw, "source") &&
		    strcmp(kw, "iif") && strcmp(kw, "oif") &&
		    strcmp(kw, "-4") && strcmp(kw, "-6")) {
			fprintf(stderr, "Error: unknown keyword \"%s\"; try \"mcastctl mfe help\"\n",
				kw);
			return -1;
		}
		if (!kw_allowed(verb, kw)) {
			fprintf(stderr, "Error: \"%s\" is not valid with \"mfe %s\"; try \"mcastctl mfe help\"\n",
				kw, verb_name(verb));
			return -1;
		}
		if (!strcmp(kw, "-4") || !strcmp(kw, "-6")) {
			if (args_set_family(&req->family,
					    kw[1] == '4' ? AF_INET : AF_INET6))
				return -1;
			continue;
		}
		if (++i >= argc) {
			fprintf(stderr, "Error: missing value for \"%s\"\n", kw);
			return -1;
		}
		val = argv[i];
		if (!strcmp(kw, "oif")) {
			if (add_oif(req, val))
				return -1;
			continue;
		}
		if ((!strcmp(kw, "group") && req->has_group) ||
		    (!strcmp(kw, "source") && req->has_source) ||
		    (!strcmp(kw, "iif") && req->iif)) {
			fprintf(stderr, "Error: \"%s\" given more than once\n",
				kw);
			return -1;
		}
		if (!strcmp(kw, "group")) {
			if (args_parse_addr(kw, val, &gfam, req->group))
				return -1;
			req->has_group = true;
			group = val;
		} else if (!strcmp(kw, "source")) {
			if (args_parse_addr(kw, val, &sfam, req->source))
				return -1;
			req->has_source = true;
			source = val;
		} else {
			if (!*val) {
				fprintf(stderr, "Error: invalid iif \"\": empty device name\n");
				return -1;
			}
			req->iif = val;
		}
	}
	if (check_families(req, gfam, sfam, group, source))
		return -1;
	switch (verb) {
	case MFE_ADD:
	case MFE_REPLACE:
		if (!req->has_group)
			return report_missing("group");
		if (!req->iif)
			return report_missing("iif");
		if (!req->noifs)
			return report_missing("oif");
		break;
	case MFE_DEL:
		if (!req->has_group)
			return report_missing("group");
		break;
	case MFE_SHOW:
	case MFE_FLUSH:
		break;
	}
	return 0;
}

/**
 * mfe_req_free() - release what mfe_parse() and mfe_resolve() allocated
 * @req: the request
 */
void mfe_req_free(struct mfe_req *req)
{
	free(req->oifs);
	free(req->oif_index);
	req->oifs = NULL;
	req->oif_index = NULL;
	req->noifs = 0;
}

/**
 * mfe_resolve() - look the request's device names up in this namespace
 * @req: a parsed request
 *
 * Return: 0, or a negative errno (printed).
 */
int mfe_resolve(struct mfe_req *req)
{
	int ret;

	if (req->iif) {
		ret = resolve_dev(req->iif, &req->iif_index);
		if (ret)
			return ret;
	}
	if (!req->noifs)
		return 0;
	req->oif_index = calloc(req->noifs, sizeof(*req->oif_index));
	if (!req->oif_index) {
		fprintf(stderr, "Error: out of memory\n");
		return -ENOMEM;
	}
	for (size_t i = 0; i < req->noifs; i++) {
		ret = resolve_dev(req->oifs[i], &req->oif_index[i]);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * mfe_put() - add a request's attributes to an MFE message
 * @msg: message with the generic netlink header already in place
 * @req: a parsed and resolved request
 *
 * Puts FAMILY (if known), GROUP, SOURCE, IIF and the OIFS nest, each only
 * if given.
 *
 * Return: 0, or a negative libnl error if the message is too small.
 */
int mfe_put(struct nl_msg *msg, const struct mfe_req *req)
{
	int alen = addr_len(req->family);
	struct nlattr *nest;

	if (req->family != AF_UNSPEC &&
	    nla_put_u16(msg, MCAST_ROUTER_A_MFE_FAMILY, (uint16_t)req->family))
		return -NLE_NOMEM;
	if (req->has_group &&
	    nla_put(msg, MCAST_ROUTER_A_MFE_GROUP, alen, req->group))
		return -NLE_NOMEM;
	if (req->has_source &&
	    nla_put(msg, MCAST_ROUTER_A_MFE_SOURCE, alen, req->source))
		return -NLE_NOMEM;
	if (req->iif && nla_put_u32(msg, MCAST_ROUTER_A_MFE_IIF, req->iif_index))
		return -NLE_NOMEM;
	if (!req->noifs)
		return 0;
	nest = nla_nest_start(msg, MCAST_ROUTER_A_MFE_OIFS);
	if (!nest)
		return -NLE_NOMEM;
	for (size_t i = 0; i < req->noifs; i++)
		if (nla_put_u32(msg, MCAST_ROUTER_A_OIFS_IFINDEX,
				req->oif_index[i]))
			return -NLE_NOMEM;
	nla_nest_end(msg, nest);
	return 0;
}

/**
 * mfe_put_filter() - mfe_put() with the signature of an mr_nl_put_fn
 * @msg: the dump request
 * @req: a const struct mfe_req
 *
 * Return: as mfe_put().
 */
int mfe_put_filter(struct nl_msg *msg, const void *req)
{
	return mfe_put(msg, req);
}

/* ---- show ---------------------------------------------------------------- */

static struct nla_policy mfe_policy[MCAST_ROUTER_A_MFE_MAX + 1] = {
	[MCAST_ROUTER_A_MFE_FAMILY] = { .type = NLA_U16 },
	[MCAST_ROUTER_A_MFE_GROUP] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_MFE_SOURCE] = { .type = NLA_UNSPEC },
	[MCAST_ROUTER_A_MFE_IIF] = { .type = NLA_U32 },
	[MCAST_ROUTER_A_MFE_OIFS] = { .type = NLA_NESTED },
	[MCAST_ROUTER_A_MFE_ORIGIN] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_MFE_AGE] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_MFE_STATS] = { .type = NLA_NESTED },
};

static struct nla_policy mfe_stats_policy[MCAST_ROUTER_A_MFE_STATS_MAX + 1] = {
	[MCAST_ROUTER_A_MFE_STATS_PACKETS] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_MFE_STATS_BYTES] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_MFE_STATS_WRONG_IIF] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_MFE_STATS_THRESHOLD_DROPS] = { .type = NLA_U64 },
	[MCAST_ROUTER_A_MFE_STATS_BOUNDARY_DROPS] = { .type = NLA_U64 },
};

/* Whether the row passes the user's filter (the kernel filters too). */
static bool row_matches(const void *row, const void *filter)
{
	const struct mfe_row *r = row;
	const struct mfe_req *f = filter;
	int alen = addr_len(r->family);

	if (f->family != AF_UNSPEC && f->family != r->family)
		return false;
	if (f->has_group && memcmp(f->group, r->group, (size_t)alen))
		return false;
	if (f->has_source &&
	    (!r->has_source || memcmp(f->source, r->source, (size_t)alen)))
		return false;
	if (f->iif && (!r->has_iif || r->iif != f->iif_index))
		return false;
	return true;
}

static int parse_row(struct nlmsghdr *nlh, void *row)
{
	struct mfe_row *r = row;
	struct nlattr *tb[MCAST_ROUTER_A_MFE_MAX + 1];
	struct nlattr *a;
	int alen, rem;

	if (!genlmsg_valid_hdr(nlh, 0) ||
	    genlmsg_parse(nlh, 0, tb, MCAST_ROUTER_A_MFE_MAX, mfe_policy) ||
	    !tb[MCAST_ROUTER_A_MFE_FAMILY] || !tb[MCAST_ROUTER_A_MFE_GROUP])
		return -1;
	r->family = nla_get_u16(tb[MCAST_ROUTER_A_MFE_FAMILY]);
	if (r->family != AF_INET && r->family != AF_INET6)
		return -1;
	alen = addr_len(r->family);
	if (nla_len(tb[MCAST_ROUTER_A_MFE_GROUP]) != alen)
		return -1;
	memcpy(r->group, nla_data(tb[MCAST_ROUTER_A_MFE_GROUP]), (size_t)alen);
	a = tb[MCAST_ROUTER_A_MFE_SOURCE];
	if (a) {
		if (nla_len(a) != alen)
			return -1;
		memcpy(r->source, nla_data(a), (size_t)alen);
		r->has_source = true;
	}
	if (tb[MCAST_ROUTER_A_MFE_IIF]) {
		r->iif = nla_get_u32(tb[MCAST_ROUTER_A_MFE_IIF]);
		r->has_iif = true;
	}
	if (tb[MCAST_ROUTER_A_MFE_ORIGIN]) {
		r->origin = nla_get_u8(tb[MCAST_ROUTER_A_MFE_ORIGIN]);
		r->has_origin = true;
	}
	if (tb[MCAST_ROUTER_A_MFE_AGE]) {
		r->age = nla_get_u64(tb[MCAST_ROUTER_A_MFE_AGE]);
		r->has_age = true;
	}
	if (tb[MCAST_ROUTER_A_MFE_OIFS]) {
		nla_for_each_nested(a, tb[MCAST_ROUTER_A_MFE_OIFS], rem) {
			uint32_t *oifs;

			if (nla_type(a) != MCAST_ROUTER_A_OIFS_IFINDEX)
				continue;
			if (nla_len(a) < (int)sizeof(uint32_t))
				return -1;
			oifs = realloc(r->oifs, (r->noifs + 1) * sizeof(*oifs));
			if (!oifs)
				return -1;
			r->oifs = oifs;
			r->oifs[r->noifs++] = nla_get_u32(a);
		}
	}
	if (tb[MCAST_ROUTER_A_MFE_STATS]) {
		if (mr_nl_parse_u64s(tb[MCAST_ROUTER_A_MFE_STATS],
				     MCAST_ROUTER_A_MFE_STATS_MAX,
				     mfe_stats_policy,
				     MCAST_ROUTER_A_MFE_STATS_PAD,
				     r->has_stat, r->stat))
			return -1;
	}
	return 0;
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

/* Family, group, (*,G) before (S,G), source, incoming interface. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct mfe_row *a = pa, *b = pb;
	int c;

	if (a->family != b->family)
		return a->family == AF_INET ? -1 : 1;
	c = memcmp(a->group, b->group, (size_t)addr_len(a->family));
	if (c)
		return c;
	if (a->has_source != b->has_source)
		return a->has_source ? 1 : -1;
	c = memcmp(a->source, b->source, (size_t)addr_len(a->family));
	if (c)
		return c;
	return cmp_u32(a->iif, b->iif);
}

static void release_row(void *row)
{
	struct mfe_row *r = row;

	free(r->oifs);
}

static void save_row(FILE *fp, const void *row);

static const struct rows_kind mfe_rows = {
	.size = sizeof(struct mfe_row),
	.what = "forwarding entry",
	.parse = parse_row,
	.matches = row_matches,
	.release = release_row,
	.cmp = row_cmp,
	.save = save_row,
};

/**
 * mfe_table_add() - add one MFE_GET reply to the table (an mr_nl_reply_fn)
 * @nlh: the message
 * @table: the struct mfe_table
 *
 * Entries that do not pass the table's filter are left out.
 *
 * Return: 0, -EPROTO for a malformed message or -ENOMEM (printed).
 */
int mfe_table_add(struct nlmsghdr *nlh, void *table)
{
	struct mfe_table *t = table;

	return rows_add(&mfe_rows, t->filter, nlh, &t->rows, &t->n, &t->cap);
}

/**
 * mfe_table_free() - release the rows
 * @t: the table
 */
void mfe_table_free(struct mfe_table *t)
{
	rows_free(&mfe_rows, &t->rows, &t->n, &t->cap);
}

/* The drop counters "mfe show -s" adds, named as in the YAML spec. */
static const struct {
	const char *key;
	int stat;		/* MCAST_ROUTER_A_MFE_STATS_* */
} drop_stats[] = {
	{ "wrong-iif", MCAST_ROUTER_A_MFE_STATS_WRONG_IIF },
	{ "threshold-drops", MCAST_ROUTER_A_MFE_STATS_THRESHOLD_DROPS },
	{ "boundary-drops", MCAST_ROUTER_A_MFE_STATS_BOUNDARY_DROPS },
};

/*
 * A counter after the text separator @sep: the number, or "-" in text if
 * the kernel did not send it.
 */
static void print_stat(const struct mfe_row *r, const char *sep,
		       const char *key, int stat)
{
	char fmt[48];

	print_text_break(sep);
	if (r->has_stat[stat]) {
		snprintf(fmt, sizeof(fmt), "%s %%" PRIu64, key);
		print_u64(PRINT_ANY, key, fmt, r->stat[stat]);
	} else {
		snprintf(fmt, sizeof(fmt), "%s -", key);
		print_string(PRINT_FP, NULL, "%s", fmt);
	}
}

/*
 * One entry. Text, as the other objects print their rows (no header,
 * each value after its keyword):
 *
 *   239.1.2.3  source 10.0.0.1  iif eth0  oif eth1,eth2  static  age 1m05s  packets 1234  bytes 1851000
 *       wrong-iif 3  threshold-drops 4  boundary-drops 5        (with -s)
 */
static void print_row(const struct mfe_row *r, bool stats)
{
	char buf[INET6_ADDRSTRLEN + MFE_IFNAME_LEN];
	char *oifs = NULL;
	size_t len = 0;
	FILE *fp;

	open_json_object(NULL);
	print_string(PRINT_JSON, "family", NULL,
		     r->family == AF_INET6 ? "inet6" : "inet");
	inet_ntop(r->family, r->group, buf, sizeof(buf));
	print_string(PRINT_ANY, "group", "%s", buf);
	print_text_break("  ");
	if (r->has_source)
		inet_ntop(r->family, r->source, buf, sizeof(buf));
	else
		snprintf(buf, sizeof(buf), "*");
	print_string(r->has_source ? PRINT_ANY : PRINT_FP, "source",
		     "source %s", buf);
	print_text_break("  ");
	if (r->has_iif)
		mfe_index_to_name(r->iif, buf, sizeof(buf));
	else
		snprintf(buf, sizeof(buf), "-");
	print_string(r->has_iif ? PRINT_ANY : PRINT_FP, "iif", "iif %s", buf);
	if (r->has_iif)
		print_uint(PRINT_JSON, "iif-index", NULL, r->iif);

	fp = open_memstream(&oifs, &len);
	for (size_t i = 0; fp && i < r->noifs; i++) {
		mfe_index_to_name(r->oifs[i], buf, sizeof(buf));
		fprintf(fp, "%s%s", i ? "," : "", buf);
	}
	if (fp && !fclose(fp)) {
		print_text_break("  ");
		print_string(PRINT_FP, NULL, "oif %s", r->noifs ? oifs : "-");
	}
	free(oifs);
	open_json_array("oifs");
	for (size_t i = 0; i < r->noifs; i++) {
		mfe_index_to_name(r->oifs[i], buf, sizeof(buf));
		print_string(PRINT_JSON, NULL, NULL, buf);
	}
	close_json_array();
	open_json_array("oif-indexes");
	for (size_t i = 0; i < r->noifs; i++)
		print_uint(PRINT_JSON, NULL, NULL, r->oifs[i]);
	close_json_array();

	if (r->has_origin) {
		if (r->origin <= MCAST_ROUTER_ORIGIN_MAX)
			snprintf(buf, sizeof(buf), "%s", origin_names[r->origin]);
		else
			snprintf(buf, sizeof(buf), "%u", r->origin);
		print_text_break("  ");
		print_string(PRINT_ANY, "origin", "%s", buf);
	}
	if (r->has_age) {
		format_age(r->age, buf, sizeof(buf));
		print_text_break("  ");
		print_string(PRINT_FP, NULL, "age %s", buf);
		print_u64(PRINT_JSON, "age", NULL, r->age);
	}
	print_stat(r, "  ", "packets", MCAST_ROUTER_A_MFE_STATS_PACKETS);
	print_stat(r, "  ", "bytes", MCAST_ROUTER_A_MFE_STATS_BYTES);
	for (size_t i = 0; stats && i < sizeof(drop_stats) / sizeof(drop_stats[0]); i++)
		print_stat(r, i ? "  " : "\n    ", drop_stats[i].key,
			   drop_stats[i].stat);
	close_json_object();
	print_text_end();
}

/**
 * mfe_table_print() - print the collected entries, sorted
 * @t: the table
 * @stats: add the drop counters (-s)
 *
 * Text: one line per entry (and with @stats an indented line of drop
 * counters), nothing at all for an empty table. JSON: an array of objects
 * (see mcastctl(8)).
 *
 * Return: 0.
 */
int mfe_table_print(struct mfe_table *t, bool stats)
{
	const struct mfe_row *rows = t->rows;

	rows_sort(&mfe_rows, t->rows, t->n);
	open_json_array(NULL);
	for (size_t i = 0; i < t->n; i++)
		print_row(&rows[i], stats);
	close_json_array();
	return 0;
}

/* ---- commands ------------------------------------------------------------ */

static int parse_and_resolve(enum mfe_verb verb, int argc, char **argv,
			     struct mfe_req *req)
{
	int ret;

	req->family = mcastctl_opts.family;
	ret = mfe_parse(verb, argc, argv, req);
	if (ret)
		return ret > 0 ? 1 : -EINVAL;
	return mfe_resolve(req);
}

static int do_request(enum mfe_verb verb, uint8_t cmd, int flags, int argc,
		      char **argv)
{
	struct mfe_req req = { .family = AF_UNSPEC };
	struct nl_msg *msg;
	struct mr_nl nl;
	int ret;

	ret = parse_and_resolve(verb, argc, argv, &req);
	if (ret)
		goto out;
	ret = mr_nl_open(&nl);
	if (ret)
		goto out;
	nl.describe = mfe_describe;
	msg = mr_nl_msg(&nl, cmd, flags);
	if (!msg) {
		ret = -ENOMEM;
		goto close;
	}
	if (mfe_put(msg, &req) ||
	    (verb == MFE_REPLACE && nla_put_flag(msg, MCAST_ROUTER_A_MFE_REPLACE))) {
		fprintf(stderr, "Error: request too large (too many oifs?)\n");
		nlmsg_free(msg);
		ret = -EMSGSIZE;
		goto close;
	}
	ret = mr_nl_request(&nl, msg, NULL, NULL);
close:
	mr_nl_close(&nl);
out:
	mfe_req_free(&req);
	return ret > 0 ? 0 : ret;
}

static int do_add(int argc, char **argv)
{
	return do_request(MFE_ADD, MCAST_ROUTER_CMD_MFE_ADD, 0, argc, argv);
}

/*
 * MFE_ADD with the REPLACE flag attribute: the genetlink core refuses
 * NLM_F_REPLACE (and every nlmsg_flags bit but REQUEST/ACK/ECHO/DUMP) on a
 * strictly validated family, so the ABI carries it as an attribute.
 */
static int do_replace(int argc, char **argv)
{
	return do_request(MFE_REPLACE, MCAST_ROUTER_CMD_MFE_ADD, 0, argc, argv);
}

static int do_del(int argc, char **argv)
{
	return do_request(MFE_DEL, MCAST_ROUTER_CMD_MFE_DEL, 0, argc, argv);
}

static int do_flush(int argc, char **argv)
{
	return do_request(MFE_FLUSH, MCAST_ROUTER_CMD_MFE_FLUSH, 0, argc, argv);
}

static int print_table(void *table)
{
	return mfe_table_print(table, mcastctl_opts.stats);
}

static const struct rows_show mfe_show = {
	.cmd = MCAST_ROUTER_CMD_MFE_GET,
	.describe = mfe_describe,
	.put = mfe_put_filter,
	.add = mfe_table_add,
	.print = print_table,
};

static int do_show(int argc, char **argv)
{
	struct mfe_req req = { .family = AF_UNSPEC };
	struct mfe_table t = { .filter = &req };
	int ret;

	ret = parse_and_resolve(MFE_SHOW, argc, argv, &req);
	if (!ret)
		ret = rows_show(&mfe_show, &req, &t);
	mfe_table_free(&t);
	mfe_req_free(&req);
	return ret > 0 ? 0 : ret;
}

/* One "mfe add" line of "config save"; static entries only. */
static void save_row(FILE *fp, const void *row)
{
	const struct mfe_row *r = row;
	char buf[INET6_ADDRSTRLEN + MFE_IFNAME_LEN];

	if (!r->has_origin || r->origin != MCAST_ROUTER_ORIGIN_STATIC)
		return;
	inet_ntop(r->family, r->group, buf, sizeof(buf));
	if (!r->has_iif || !r->noifs) {
		/* The kernel keeps an entry whose interfaces went away. */
		fprintf(fp, "# static entry of %s without %s: not saved\n", buf,
			r->has_iif ? "outgoing interfaces" : "an incoming interface");
		return;
	}
	fprintf(fp, "mfe add group %s", buf);
	if (r->has_source) {
		inet_ntop(r->family, r->source, buf, sizeof(buf));
		fprintf(fp, " source %s", buf);
	}
	mfe_index_to_name(r->iif, buf, sizeof(buf));
	fputs(" iif ", fp);
	config_put_word(fp, buf);
	for (size_t i = 0; i < r->noifs; i++) {
		mfe_index_to_name(r->oifs[i], buf, sizeof(buf));
		fputs(" oif ", fp);
		config_put_word(fp, buf);
	}
	fputc('\n', fp);
}

/**
 * mfe_save() - "config save": one "mfe add" line per static entry
 * @fp: where the lines go
 *
 * Membership entries are learnt, not configured: they are left out.
 *
 * Return: 0 or a negative errno (printed).
 */
int mfe_save(FILE *fp)
{
	return rows_save(&mfe_rows, MCAST_ROUTER_CMD_MFE_GET, fp);
}

static const struct cmd mfe_cmds[] = {
	{ "add", do_add },
	{ "replace", do_replace },
	{ "del", do_del },
	{ "show", do_show },
	{ "flush", do_flush },
	{ NULL, NULL },
};

/**
 * mfe_main() - "mcastctl mfe ..."
 * @argc: argument count, argv[0] being "mfe"
 * @argv: arguments
 *
 * Without a command, shows the whole table.
 *
 * Return: 0 or a negative errno (already printed).
 */
int mfe_main(int argc, char **argv)
{
	return object_run("mfe", mfe_cmds, mfe_usage, do_show, argc, argv);
}
