// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: "mfe": parsing, the request, printing, malformed replies, extack.
 */
#include "harness.h"

/* ---- mfe: parsing --------------------------------------------------------- */

/* Split @line and run mfe_parse(); stderr -> *err. @family: global -4/-6. */
static int parse_mfe_line(enum mfe_verb verb, int family, const char *line,
			  struct mfe_req *req, char **err, char **copy)
{
	char *argv[64];
	struct capture c;
	int argc, ret;

	*copy = strdup(line);
	argc = split_line(*copy, argv);
	memset(req, 0, sizeof(*req));
	req->family = family;
	capture_begin(&c, 2);
	ret = mfe_parse(verb, argc, argv, req);
	*err = capture_end(&c);
	return ret;
}

static void mfe_done(struct mfe_req *req, char *err, char *copy)
{
	mfe_req_free(req);
	free(err);
	free(copy);
}

static void test_mfe_parse(void)
{
	static const uint8_t g4[4] = { 239, 1, 2, 3 }, s4[4] = { 10, 0, 0, 1 };
	static const uint8_t g6[16] = { 0xff, 0x0e, [15] = 1 };
	struct mfe_req req;
	char *err, *copy;

	EXPECT(!parse_mfe_line(MFE_ADD, AF_UNSPEC,
			       "group 239.1.2.3 source 10.0.0.1 iif eth0 oif eth1 oif eth2",
			       &req, &err, &copy));
	EXPECT_STR("", err);
	EXPECT(req.family == AF_INET && req.has_group && req.has_source);
	EXPECT(!memcmp(req.group, g4, 4) && !memcmp(req.source, s4, 4));
	EXPECT(req.iif && !strcmp(req.iif, "eth0"));
	EXPECT(req.noifs == 2 && !strcmp(req.oifs[0], "eth1") &&
	       !strcmp(req.oifs[1], "eth2"));
	mfe_done(&req, err, copy);

	/* Keywords in any order; IPv6 from the group; global -6 agrees. */
	EXPECT(!parse_mfe_line(MFE_REPLACE, AF_INET6,
			       "oif eth1 iif eth0 group FF0E::1", &req, &err,
			       &copy));
	EXPECT(req.family == AF_INET6 && !memcmp(req.group, g6, 16) &&
	       !req.has_source && req.noifs == 1);
	mfe_done(&req, err, copy);

	EXPECT(!parse_mfe_line(MFE_DEL, AF_UNSPEC, "group 239.1.2.3", &req,
			       &err, &copy));
	EXPECT(req.family == AF_INET && !req.iif && !req.noifs);
	mfe_done(&req, err, copy);
	EXPECT(!parse_mfe_line(MFE_DEL, AF_UNSPEC,
			       "group ff0e::1 source 2001:db8::1 iif eth0",
			       &req, &err, &copy));
	EXPECT(req.family == AF_INET6 && req.has_source && req.iif);
	mfe_done(&req, err, copy);

	/* show: everything optional; -4/-6 as keywords set the family. */
	EXPECT(!parse_mfe_line(MFE_SHOW, AF_UNSPEC, "", &req, &err, &copy));
	EXPECT(req.family == AF_UNSPEC && !req.has_group);
	mfe_done(&req, err, copy);
	EXPECT(!parse_mfe_line(MFE_SHOW, AF_UNSPEC, "-6", &req, &err, &copy));
	EXPECT(req.family == AF_INET6);
	mfe_done(&req, err, copy);
	EXPECT(!parse_mfe_line(MFE_SHOW, AF_UNSPEC, "-4 -4 iif eth0", &req,
			       &err, &copy));
	EXPECT(req.family == AF_INET && req.iif);
	mfe_done(&req, err, copy);
	EXPECT(!parse_mfe_line(MFE_SHOW, AF_UNSPEC, "source 10.0.0.1", &req,
			       &err, &copy));
	EXPECT(req.family == AF_INET && req.has_source && !req.has_group);
	mfe_done(&req, err, copy);
	EXPECT(!parse_mfe_line(MFE_FLUSH, AF_UNSPEC, "", &req, &err, &copy));
	EXPECT(req.family == AF_UNSPEC);
	mfe_done(&req, err, copy);
	EXPECT(!parse_mfe_line(MFE_FLUSH, AF_INET, "-4", &req, &err, &copy));
	EXPECT(req.family == AF_INET);
	mfe_done(&req, err, copy);

	/* Routability is the kernel's call: link-local groups parse. */
	EXPECT(!parse_mfe_line(MFE_ADD, AF_UNSPEC,
			       "group 224.0.0.1 iif eth0 oif eth1", &req, &err,
			       &copy));
	mfe_done(&req, err, copy);
}

static void test_mfe_parse_errors(void)
{
	static const struct {
		enum mfe_verb verb;
		int family;
		const char *line, *err;
	} cases[] = {
		{ MFE_ADD, 0, "iif eth0 oif eth1", "Error: missing \"group\"; try \"mcastctl mfe help\"\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 oif eth1", "Error: missing \"iif\"; try \"mcastctl mfe help\"\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 iif eth0", "Error: missing \"oif\"; try \"mcastctl mfe help\"\n" },
		{ MFE_REPLACE, 0, "group 239.1.1.1 iif eth0", "Error: missing \"oif\"; try \"mcastctl mfe help\"\n" },
		{ MFE_DEL, 0, "", "Error: missing \"group\"; try \"mcastctl mfe help\"\n" },
		{ MFE_DEL, 0, "source 10.0.0.1", "Error: missing \"group\"; try \"mcastctl mfe help\"\n" },
		{ MFE_ADD, 0, "group", "Error: missing value for \"group\"\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 iif eth0 oif", "Error: missing value for \"oif\"\n" },
		{ MFE_ADD, 0, "grp 239.1.1.1", "Error: unknown keyword \"grp\"; try \"mcastctl mfe help\"\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 iif eth0 oif eth1 ttl 3", "Error: unknown keyword \"ttl\"; try \"mcastctl mfe help\"\n" },
		{ MFE_ADD, 0, "Group 239.1.1.1", "Error: unknown keyword \"Group\"; try \"mcastctl mfe help\"\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 group 239.1.1.2", "Error: \"group\" given more than once\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 source 10.0.0.1 source 10.0.0.1", "Error: \"source\" given more than once\n" },
		{ MFE_ADD, 0, "iif eth0 iif eth1", "Error: \"iif\" given more than once\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 iif eth0 oif eth1 oif eth1", "Error: oif \"eth1\" given more than once\n" },
		{ MFE_ADD, 0, "group 239.1.1.256", "Error: invalid group \"239.1.1.256\": not a valid IPv4 address\n" },
		{ MFE_ADD, 0, "group 239.1.1", "Error: invalid group \"239.1.1\": not a valid IPv4 address\n" },
		{ MFE_ADD, 0, "group ff0e::1::2", "Error: invalid group \"ff0e::1::2\": not a valid IPv6 address\n" },
		{ MFE_ADD, 0, "group 239.1.1.1/32", "Error: invalid group \"239.1.1.1/32\": not a valid IPv4 address\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 source x", "Error: invalid source \"x\": not a valid IPv4 address\n" },
		{ MFE_ADD, 0, "group 239.1.1.1 source 2001:db8::1 iif a oif b", "Error: source \"2001:db8::1\" and group \"239.1.1.1\" are of different address families\n" },
		{ MFE_ADD, AF_INET6, "group 239.1.1.1 iif a oif b", "Error: group \"239.1.1.1\" is not an IPv6 address (-6 given)\n" },
		{ MFE_SHOW, 0, "-6 group 239.1.1.1", "Error: group \"239.1.1.1\" is not an IPv6 address (-6 given)\n" },
		{ MFE_SHOW, AF_INET, "source ::1", "Error: source \"::1\" is not an IPv4 address (-4 given)\n" },
		{ MFE_SHOW, 0, "-4 -6", "Error: -4 and -6 cannot be combined\n" },
		{ MFE_SHOW, AF_INET6, "-4", "Error: -4 and -6 cannot be combined\n" },
		{ MFE_SHOW, 0, "oif eth0", "Error: \"oif\" is not valid with \"mfe show\"; try \"mcastctl mfe help\"\n" },
		{ MFE_DEL, 0, "group 239.1.1.1 oif eth0", "Error: \"oif\" is not valid with \"mfe del\"; try \"mcastctl mfe help\"\n" },
		{ MFE_DEL, 0, "-4 group 239.1.1.1", "Error: \"-4\" is not valid with \"mfe del\"; try \"mcastctl mfe help\"\n" },
		{ MFE_ADD, 0, "-6", "Error: \"-6\" is not valid with \"mfe add\"; try \"mcastctl mfe help\"\n" },
		{ MFE_FLUSH, 0, "group 239.1.1.1", "Error: \"group\" is not valid with \"mfe flush\"; try \"mcastctl mfe help\"\n" },
		{ MFE_FLUSH, 0, "all", "Error: unknown keyword \"all\"; try \"mcastctl mfe help\"\n" },
	};
	struct mfe_req req;
	char *err, *copy;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		EXPECT(parse_mfe_line(cases[i].verb, cases[i].family,
				      cases[i].line, &req, &err, &copy) == -1);
		EXPECT_STR(cases[i].err, err);
		mfe_done(&req, err, copy);
	}
}

static void test_mfe_help_anywhere(void)
{
	static const char *const lines[] = {
		"help", "group 239.1.1.1 help", "-h", "--help",
	};
	struct mfe_req req;
	struct capture c;
	char *err, *copy, *out;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		capture_begin(&c, 1);
		EXPECT(parse_mfe_line(MFE_ADD, 0, lines[i], &req, &err,
				      &copy) == 1);
		out = capture_end(&c);
		EXPECT(!strncmp(out, "Usage: mcastctl mfe add group GROUP", 35));
		EXPECT_STR("", err);
		free(out);
		mfe_done(&req, err, copy);
	}
}

/* ---- mfe: devices and the request ------------------------------------- */

static void test_mfe_request(void)
{
	struct nlattr *tb[MCAST_ROUTER_A_MFE_MAX + 1], *a;
	static const uint8_t g6[16] = { 0xff, 0x0e, [15] = 1 };
	static const uint8_t s6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	uint32_t want[] = { 11, 12, 13 };
	struct mfe_req req;
	struct capture c;
	struct nl_msg *msg;
	char *err, *copy;
	int rem, n = 0;

	fake_ifnames(true);
	EXPECT(!parse_mfe_line(MFE_ADD, 0,
			       "group ff0e::1 source 2001:db8::1 iif eth0 oif eth1 oif eth2 oif eth3",
			       &req, &err, &copy));
	EXPECT(!mfe_resolve(&req));
	msg = genl_msg(MCAST_ROUTER_CMD_MFE_ADD);
	EXPECT(!mfe_put(msg, &req));
	mfe_done(&req, err, copy);
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_MFE_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_MFE_FAMILY] &&
	       nla_len(tb[MCAST_ROUTER_A_MFE_FAMILY]) == 2 &&
	       nla_get_u16(tb[MCAST_ROUTER_A_MFE_FAMILY]) == AF_INET6);
	EXPECT(tb[MCAST_ROUTER_A_MFE_GROUP] &&
	       nla_len(tb[MCAST_ROUTER_A_MFE_GROUP]) == 16 &&
	       !memcmp(nla_data(tb[MCAST_ROUTER_A_MFE_GROUP]), g6, 16));
	EXPECT(tb[MCAST_ROUTER_A_MFE_SOURCE] &&
	       nla_len(tb[MCAST_ROUTER_A_MFE_SOURCE]) == 16 &&
	       !memcmp(nla_data(tb[MCAST_ROUTER_A_MFE_SOURCE]), s6, 16));
	EXPECT(tb[MCAST_ROUTER_A_MFE_IIF] &&
	       nla_get_u32(tb[MCAST_ROUTER_A_MFE_IIF]) == 10);
	EXPECT(tb[MCAST_ROUTER_A_MFE_OIFS] != NULL);
	if (tb[MCAST_ROUTER_A_MFE_OIFS]) {
		nla_for_each_nested(a, tb[MCAST_ROUTER_A_MFE_OIFS], rem) {
			EXPECT(nla_type(a) == MCAST_ROUTER_A_OIFS_IFINDEX);
			EXPECT(n < 3 && nla_get_u32(a) == want[n]);
			n++;
		}
	}
	EXPECT(n == 3);
	nlmsg_free(msg);

	/* del (*,G) without iif: FAMILY and GROUP only. */
	EXPECT(!parse_mfe_line(MFE_DEL, 0, "group 239.1.2.3", &req, &err, &copy));
	EXPECT(!mfe_resolve(&req));
	msg = genl_msg(MCAST_ROUTER_CMD_MFE_DEL);
	EXPECT(!mfe_put(msg, &req));
	mfe_done(&req, err, copy);
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_MFE_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_MFE_FAMILY] &&
	       nla_get_u16(tb[MCAST_ROUTER_A_MFE_FAMILY]) == AF_INET);
	EXPECT(tb[MCAST_ROUTER_A_MFE_GROUP] &&
	       nla_len(tb[MCAST_ROUTER_A_MFE_GROUP]) == 4);
	EXPECT(!tb[MCAST_ROUTER_A_MFE_SOURCE] && !tb[MCAST_ROUTER_A_MFE_IIF] &&
	       !tb[MCAST_ROUTER_A_MFE_OIFS]);
	nlmsg_free(msg);

	/* flush without a family: an empty request; with -6: FAMILY. */
	EXPECT(!parse_mfe_line(MFE_FLUSH, 0, "", &req, &err, &copy));
	msg = genl_msg(MCAST_ROUTER_CMD_MFE_FLUSH);
	EXPECT(!mfe_put(msg, &req));
	EXPECT(nlmsg_hdr(msg)->nlmsg_len == NLMSG_HDRLEN + GENL_HDRLEN);
	nlmsg_free(msg);
	mfe_done(&req, err, copy);
	EXPECT(!parse_mfe_line(MFE_FLUSH, 0, "-6", &req, &err, &copy));
	msg = genl_msg(MCAST_ROUTER_CMD_MFE_FLUSH);
	EXPECT(!mfe_put(msg, &req));
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_MFE_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_MFE_FAMILY] &&
	       nla_get_u16(tb[MCAST_ROUTER_A_MFE_FAMILY]) == AF_INET6 &&
	       !tb[MCAST_ROUTER_A_MFE_GROUP]);
	nlmsg_free(msg);
	mfe_done(&req, err, copy);

	/* An unknown device is named. */
	EXPECT(!parse_mfe_line(MFE_ADD, 0, "group 239.1.1.1 iif eth0 oif wlan0",
			       &req, &err, &copy));
	capture_begin(&c, 2);
	EXPECT(mfe_resolve(&req) == -ENODEV);
	free(err);
	err = capture_end(&c);
	EXPECT_STR("Error: no such device \"wlan0\"\n", err);
	mfe_done(&req, err, copy);
	fake_ifnames(false);
}

/* ---- mfe: printing -------------------------------------------------------- */

struct fake_mfe {
	int family;
	const char *group, *source;	/* source NULL: (*,G) */
	uint32_t iif;
	uint32_t oifs[4];
	int noifs;
	uint8_t origin;
	uint64_t age;
	uint64_t stats[MCAST_ROUTER_A_MFE_STATS_MAX + 1];
};

static struct nl_msg *mfe_reply(const struct fake_mfe *e)
{
	struct nl_msg *msg = genl_msg(MCAST_ROUTER_CMD_MFE_GET);
	int alen = e->family == AF_INET ? 4 : 16;
	uint8_t buf[16];
	struct nlattr *nest;

	if (nla_put_u16(msg, MCAST_ROUTER_A_MFE_FAMILY, (uint16_t)e->family) ||
	    inet_pton(e->family, e->group, buf) != 1 ||
	    nla_put(msg, MCAST_ROUTER_A_MFE_GROUP, alen, buf))
		exit(2);
	if (e->source && (inet_pton(e->family, e->source, buf) != 1 ||
			  nla_put(msg, MCAST_ROUTER_A_MFE_SOURCE, alen, buf)))
		exit(2);
	if (nla_put_u32(msg, MCAST_ROUTER_A_MFE_IIF, e->iif))
		exit(2);
	nest = nla_nest_start(msg, MCAST_ROUTER_A_MFE_OIFS);
	if (!nest)
		exit(2);
	for (int i = 0; i < e->noifs; i++)
		if (nla_put_u32(msg, MCAST_ROUTER_A_OIFS_IFINDEX, e->oifs[i]))
			exit(2);
	nla_nest_end_keep_empty(msg, nest);
	if (nla_put_u8(msg, MCAST_ROUTER_A_MFE_ORIGIN, e->origin) ||
	    nla_put_u64(msg, MCAST_ROUTER_A_MFE_AGE, e->age))
		exit(2);
	nest = nla_nest_start(msg, MCAST_ROUTER_A_MFE_STATS);
	if (!nest)
		exit(2);
	for (int i = 1; i < MCAST_ROUTER_A_MFE_STATS_PAD; i++)
		if (nla_put_u64(msg, i, e->stats[i]))
			exit(2);
	nla_nest_end(msg, nest);
	return msg;
}

static const struct fake_mfe mfe_entries[] = {
	/* Out of order on purpose: show sorts. */
	{ AF_INET6, "ff0e::1", NULL, 10, { 11 }, 1,
	  MCAST_ROUTER_ORIGIN_MEMBERSHIP, 7200000, { 0, 1, 100 } },
	{ AF_INET, "239.1.2.3", "10.0.0.1", 10, { 11, 12, 500 }, 3,
	  MCAST_ROUTER_ORIGIN_STATIC, 65000,
	  { 0, 1234, 1851000, 3, 4, 5 } },
	{ AF_INET, "239.1.2.3", NULL, 13, { 0 }, 0,
	  MCAST_ROUTER_ORIGIN_PROXY, 999, { 0 } },
};

/* Feed the entries to a table (filter @f) and print it. */
static char *mfe_show(const struct mfe_req *f, bool json, bool stats)
{
	struct mfe_table t = { .filter = f };
	struct out o;

	for (size_t i = 0; i < sizeof(mfe_entries) / sizeof(mfe_entries[0]); i++) {
		struct nl_msg *m = mfe_reply(&mfe_entries[i]);

		EXPECT(mfe_table_add(nlmsg_hdr(m), &t) == 0);
		nlmsg_free(m);
	}
	out_begin(&o, json, false);
	EXPECT(mfe_table_print(&t, stats) == 0);
	EXPECT(print_end() == 0);
	mfe_table_free(&t);
	return out_end(&o);
}

static void test_mfe_print_text(void)
{
	char *s;

	fake_ifnames(true);
	s = mfe_show(NULL, false, false);
	EXPECT_STR("239.1.2.3  source *  iif eth3  oif -  proxy  age 0s  packets 0  bytes 0\n"
		   "239.1.2.3  source 10.0.0.1  iif eth0  oif eth1,eth2,if500  static  age 1m05s  packets 1234  bytes 1851000\n"
		   "ff0e::1  source *  iif eth0  oif eth1  membership  age 2h00m  packets 1  bytes 100\n",
		   s);
	free(s);

	s = mfe_show(NULL, false, true);
	EXPECT_STR("239.1.2.3  source *  iif eth3  oif -  proxy  age 0s  packets 0  bytes 0\n"
		   "    wrong-iif 0  threshold-drops 0  boundary-drops 0\n"
		   "239.1.2.3  source 10.0.0.1  iif eth0  oif eth1,eth2,if500  static  age 1m05s  packets 1234  bytes 1851000\n"
		   "    wrong-iif 3  threshold-drops 4  boundary-drops 5\n"
		   "ff0e::1  source *  iif eth0  oif eth1  membership  age 2h00m  packets 1  bytes 100\n"
		   "    wrong-iif 0  threshold-drops 0  boundary-drops 0\n",
		   s);
	free(s);

	/* Empty table: nothing at all. */
	{
		struct mfe_table t = { .filter = NULL };
		struct out o;

		out_begin(&o, false, false);
		EXPECT(mfe_table_print(&t, false) == 0);
		EXPECT(print_end() == 0);
		s = out_end(&o);
		EXPECT_STR("", s);
		free(s);
		out_begin(&o, true, false);
		EXPECT(mfe_table_print(&t, true) == 0);
		EXPECT(print_end() == 0);
		s = out_end(&o);
		EXPECT_STR("[]\n", s);
		free(s);
	}
	fake_ifnames(false);
}

static void test_mfe_print_json(void)
{
	char *s;

	fake_ifnames(true);
	s = mfe_show(NULL, true, false);
	EXPECT_STR("[{\"family\":\"inet\",\"group\":\"239.1.2.3\",\"iif\":\"eth3\",\"iif-index\":13,\"oifs\":[],\"oif-indexes\":[],\"origin\":\"proxy\",\"age\":999,\"packets\":0,\"bytes\":0},"
		   "{\"family\":\"inet\",\"group\":\"239.1.2.3\",\"source\":\"10.0.0.1\",\"iif\":\"eth0\",\"iif-index\":10,\"oifs\":[\"eth1\",\"eth2\",\"if500\"],\"oif-indexes\":[11,12,500],\"origin\":\"static\",\"age\":65000,\"packets\":1234,\"bytes\":1851000},"
		   "{\"family\":\"inet6\",\"group\":\"ff0e::1\",\"iif\":\"eth0\",\"iif-index\":10,\"oifs\":[\"eth1\"],\"oif-indexes\":[11],\"origin\":\"membership\",\"age\":7200000,\"packets\":1,\"bytes\":100}]\n",
		   s);
	free(s);

	s = mfe_show(NULL, true, true);
	EXPECT(strstr(s, "\"bytes\":1851000,\"wrong-iif\":3,\"threshold-drops\":4,\"boundary-drops\":5}") != NULL);
	free(s);
	fake_ifnames(false);
}

static void test_mfe_filter(void)
{
	struct mfe_req req;
	char *err, *copy, *s;

	fake_ifnames(true);
	EXPECT(!parse_mfe_line(MFE_SHOW, 0, "-6", &req, &err, &copy));
	s = mfe_show(&req, true, false);
	EXPECT(strstr(s, "ff0e::1") && !strstr(s, "239.1.2.3"));
	free(s);
	mfe_done(&req, err, copy);

	EXPECT(!parse_mfe_line(MFE_SHOW, 0, "group 239.1.2.3 source 10.0.0.1",
			       &req, &err, &copy));
	s = mfe_show(&req, true, false);
	EXPECT(strstr(s, "\"source\":\"10.0.0.1\"") && !strstr(s, "proxy") &&
	       !strstr(s, "ff0e"));
	free(s);
	mfe_done(&req, err, copy);

	EXPECT(!parse_mfe_line(MFE_SHOW, 0, "iif eth3", &req, &err, &copy));
	EXPECT(!mfe_resolve(&req));
	s = mfe_show(&req, true, false);
	EXPECT(strstr(s, "proxy") && !strstr(s, "static") &&
	       !strstr(s, "membership"));
	free(s);
	mfe_done(&req, err, copy);

	/* The filter goes to the kernel as well. */
	{
		struct nlattr *tb[MCAST_ROUTER_A_MFE_MAX + 1];
		struct nl_msg *msg = genl_msg(MCAST_ROUTER_CMD_MFE_GET);

		EXPECT(!parse_mfe_line(MFE_SHOW, AF_INET, "iif eth3", &req,
				       &err, &copy));
		EXPECT(!mfe_resolve(&req));
		EXPECT(!mfe_put_filter(msg, &req));
		EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb,
				      MCAST_ROUTER_A_MFE_MAX, NULL));
		EXPECT(tb[MCAST_ROUTER_A_MFE_FAMILY] &&
		       nla_get_u16(tb[MCAST_ROUTER_A_MFE_FAMILY]) == AF_INET);
		EXPECT(tb[MCAST_ROUTER_A_MFE_IIF] &&
		       nla_get_u32(tb[MCAST_ROUTER_A_MFE_IIF]) == 13);
		EXPECT(!tb[MCAST_ROUTER_A_MFE_GROUP]);
		nlmsg_free(msg);
		mfe_done(&req, err, copy);
	}
	fake_ifnames(false);
}

static void test_mfe_malformed(void)
{
	struct mfe_table t = { .filter = NULL };
	struct nl_msg *m;
	struct capture c;
	uint8_t g[16] = { 0xff, 0x0e };
	char *err;

	/* An IPv4 entry with a 16-byte group. */
	m = genl_msg(MCAST_ROUTER_CMD_MFE_GET);
	if (nla_put_u16(m, MCAST_ROUTER_A_MFE_FAMILY, AF_INET) ||
	    nla_put(m, MCAST_ROUTER_A_MFE_GROUP, 16, g))
		exit(2);
	capture_begin(&c, 2);
	EXPECT(mfe_table_add(nlmsg_hdr(m), &t) == -EPROTO);
	err = capture_end(&c);
	EXPECT_STR("Error: malformed forwarding entry from the kernel\n", err);
	free(err);
	nlmsg_free(m);

	/* No group; an unknown family. */
	m = genl_msg(MCAST_ROUTER_CMD_MFE_GET);
	if (nla_put_u16(m, MCAST_ROUTER_A_MFE_FAMILY, AF_INET))
		exit(2);
	capture_begin(&c, 2);
	EXPECT(mfe_table_add(nlmsg_hdr(m), &t) == -EPROTO);
	free(capture_end(&c));
	nlmsg_free(m);
	m = genl_msg(MCAST_ROUTER_CMD_MFE_GET);
	if (nla_put_u16(m, MCAST_ROUTER_A_MFE_FAMILY, 99) ||
	    nla_put(m, MCAST_ROUTER_A_MFE_GROUP, 4, g))
		exit(2);
	capture_begin(&c, 2);
	EXPECT(mfe_table_add(nlmsg_hdr(m), &t) == -EPROTO);
	free(capture_end(&c));
	nlmsg_free(m);

	/* A truncated oif. */
	m = genl_msg(MCAST_ROUTER_CMD_MFE_GET);
	{
		struct nlattr *nest;

		if (nla_put_u16(m, MCAST_ROUTER_A_MFE_FAMILY, AF_INET6) ||
		    nla_put(m, MCAST_ROUTER_A_MFE_GROUP, 16, g))
			exit(2);
		nest = nla_nest_start(m, MCAST_ROUTER_A_MFE_OIFS);
		if (!nest || nla_put_u16(m, MCAST_ROUTER_A_OIFS_IFINDEX, 3))
			exit(2);
		nla_nest_end(m, nest);
	}
	capture_begin(&c, 2);
	EXPECT(mfe_table_add(nlmsg_hdr(m), &t) == -EPROTO);
	free(capture_end(&c));
	nlmsg_free(m);
	EXPECT(t.n == 0);
	mfe_table_free(&t);

	/* Unknown origin and attributes: printed as a number, ignored. */
	m = genl_msg(MCAST_ROUTER_CMD_MFE_GET);
	if (nla_put_u16(m, MCAST_ROUTER_A_MFE_FAMILY, AF_INET6) ||
	    nla_put(m, MCAST_ROUTER_A_MFE_GROUP, 16, g) ||
	    nla_put_u8(m, MCAST_ROUTER_A_MFE_ORIGIN, 9) ||
	    nla_put_u32(m, MCAST_ROUTER_A_MFE_MAX + 5, 1))
		exit(2);
	EXPECT(mfe_table_add(nlmsg_hdr(m), &t) == 0);
	nlmsg_free(m);
	{
		struct out o;
		char *s;

		out_begin(&o, false, false);
		EXPECT(mfe_table_print(&t, false) == 0);
		EXPECT(print_end() == 0);
		s = out_end(&o);
		EXPECT_STR("ff0e::  source *  iif -  oif -  9  packets -  bytes -\n", s);
		free(s);
	}
	mfe_table_free(&t);
}

static void test_mfe_extack(void)
{
	struct nl_msg *req = genl_msg(MCAST_ROUTER_CMD_MFE_ADD);
	uint8_t g[4] = { 224, 0, 0, 1 };
	struct nl_msg *m;
	char buf[256];
	struct nlattr *nest;

	if (nla_put_u16(req, MCAST_ROUTER_A_MFE_FAMILY, AF_INET) ||
	    nla_put(req, MCAST_ROUTER_A_MFE_GROUP, 4, g) ||
	    nla_put_u32(req, MCAST_ROUTER_A_MFE_IIF, 3))
		exit(2);
	nest = nla_nest_start(req, MCAST_ROUTER_A_MFE_OIFS);
	if (!nest || nla_put_u32(req, MCAST_ROUTER_A_OIFS_IFINDEX, 4))
		exit(2);
	nla_nest_end(req, nest);

	/* The message names it already: not prefixed. */
	m = error_at(req, MCAST_ROUTER_A_MFE_GROUP, "not a routable group", 0, 0, true);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), mfe_describe, buf,
			     sizeof(buf)));
	EXPECT_STR("not a routable group (valid 0-0)", buf);
	nlmsg_free(m);
	m = error_at(req, MCAST_ROUTER_A_MFE_IIF, "eth0 has no configuration", 0, 0, true);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), mfe_describe, buf,
			     sizeof(buf)));
	EXPECT(!strncmp(buf, "iif: eth0 has no configuration", 30));
	nlmsg_free(m);
	m = error_at(req, MCAST_ROUTER_A_MFE_OIFS, "eth1 has no configuration", 0, 0, true);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), mfe_describe, buf,
			     sizeof(buf)));
	EXPECT(!strncmp(buf, "oif: eth1 has no configuration", 30));
	nlmsg_free(m);
	nlmsg_free(req);
}

const struct mr_test mfe_tests[] = {
	{ "mfe_parse", test_mfe_parse },
	{ "mfe_parse_errors", test_mfe_parse_errors },
	{ "mfe_help_anywhere", test_mfe_help_anywhere },
	{ "mfe_request", test_mfe_request },
	{ "mfe_print_text", test_mfe_print_text },
	{ "mfe_print_json", test_mfe_print_json },
	{ "mfe_filter", test_mfe_filter },
	{ "mfe_malformed", test_mfe_malformed },
	{ "mfe_extack", test_mfe_extack },
	{ NULL, NULL }
};
