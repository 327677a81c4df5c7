// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: "interface": set parsing, the request, show (text, JSON, -s), events, querier.
 */
#include "harness.h"

/* ---- interface set: parsing ------------------------------------------ */

/* Parse a space-separated command line (after "set"); stderr -> *err. */
static int parse_set_line(const char *line, struct iface_set_req *req,
			  char **err)
{
	char *copy = strdup(line), *argv[64];
	struct capture c;
	int argc, ret;

	argc = split_line(copy, argv);
	memset(req, 0, sizeof(*req));
	capture_begin(&c, 2);
	ret = iface_parse_set(argc, argv, req);
	*err = capture_end(&c);
	req->dev = NULL;	/* points into copy */
	free(copy);
	return ret;
}

static void test_set_parse(void)
{
	struct iface_set_req req;
	char *err;

	EXPECT(!parse_set_line("eth1 mode router igmp-version 2 mld-version 1 robustness 3 query-interval 60s query-response-interval 1.5s last-member-query-interval 100ms last-member-query-count 3 startup-query-interval 15s startup-query-count 4 ttl-threshold 255 max-groups 0 boundary 239.192.0.0/14 boundary ff05::/16",
			       &req, &err));
	EXPECT_STR("", err);
	free(err);
	EXPECT(req.has[MCAST_ROUTER_A_IFACE_MODE] &&
	       req.val[MCAST_ROUTER_A_IFACE_MODE] == MCAST_ROUTER_MODE_ROUTER);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_IGMP_VERSION] == 2);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_MLD_VERSION] == 1);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_ROBUSTNESS] == 3);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL] == 60000);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL] == 1500);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_INTERVAL] == 100);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT] == 3);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL] == 15000);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT] == 4);
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_TTL_THRESHOLD] == 255);
	EXPECT(req.has[MCAST_ROUTER_A_IFACE_MAX_GROUPS] &&
	       req.val[MCAST_ROUTER_A_IFACE_MAX_GROUPS] == 0);
	EXPECT(req.boundaries_given && req.nboundaries == 2);
	EXPECT(req.nboundaries == 2 && req.boundaries[1].family == AF_INET6);
	iface_set_req_free(&req);

	/* Out-of-policy but well-formed values pass: the kernel decides. */
	EXPECT(!parse_set_line("eth1 igmp-version 9 robustness 0 query-interval 1ms max-groups 4294967295",
			       &req, &err));
	EXPECT(req.val[MCAST_ROUTER_A_IFACE_IGMP_VERSION] == 9);
	EXPECT(!req.has[MCAST_ROUTER_A_IFACE_MODE] && !req.boundaries_given);
	free(err);
	iface_set_req_free(&req);

	EXPECT(!parse_set_line("eth1", &req, &err));
	EXPECT(!req.boundaries_given);
	free(err);
	iface_set_req_free(&req);

	EXPECT(!parse_set_line("eth1 boundary none", &req, &err));
	EXPECT(req.boundaries_given && req.boundary_none && !req.nboundaries);
	free(err);
	iface_set_req_free(&req);

	/* "auto": the DERIVED flag, no value. */
	EXPECT(!parse_set_line("eth1 startup-query-interval auto last-member-query-count auto startup-query-count 3",
			       &req, &err));
	EXPECT_STR("", err);
	EXPECT(req.derive == (MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL |
			      MCAST_ROUTER_DERIVED_LAST_MEMBER_QUERY_COUNT));
	EXPECT(req.has[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT] &&
	       req.val[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT] == 3);
	free(err);
	iface_set_req_free(&req);
}

static void test_set_parse_errors(void)
{
	static const struct { const char *line; const char *err; } cases[] = {
		{ "", "Error: missing device name; try \"mcastctl interface set help\"\n" },
		{ "eth1 mod router", "Error: unknown keyword \"mod\"; try \"mcastctl interface set help\"\n" },
		{ "eth1 query-int 1s", "Error: unknown keyword \"query-int\"; try \"mcastctl interface set help\"\n" },
		{ "eth1 ttl 1", "Error: unknown keyword \"ttl\"; try \"mcastctl interface set help\"\n" },
		{ "eth1 boundaries none", "Error: unknown keyword \"boundaries\"; try \"mcastctl interface set help\"\n" },
		{ "eth1 mode router mode off", "Error: \"mode\" given more than once\n" },
		{ "eth1 ttl-threshold 1 ttl-threshold 1", "Error: \"ttl-threshold\" given more than once\n" },
		{ "eth1 mode", "Error: missing value for \"mode\"\n" },
		{ "eth1 boundary", "Error: missing value for \"boundary\"\n" },
		{ "eth1 mode route", "Error: invalid mode \"route\": expected router, proxy or off\n" },
		{ "eth1 igmp-version abc", "Error: invalid igmp-version \"abc\": not an unsigned decimal integer\n" },
		{ "eth1 ttl-threshold 256", "Error: invalid ttl-threshold \"256\": out of range (0-255)\n" },
		{ "eth1 robustness -1", "Error: invalid robustness \"-1\": not an unsigned decimal integer\n" },
		{ "eth1 max-groups 4294967296", "Error: invalid max-groups \"4294967296\": out of range (0-4294967295)\n" },
		{ "eth1 query-interval 125", "Error: invalid query-interval \"125\": a unit is required (ms, s or m)\n" },
		{ "eth1 query-interval auto", "Error: invalid query-interval \"auto\": expected a number followed by a unit (ms, s or m)\n" },
		{ "eth1 robustness auto", "Error: invalid robustness \"auto\": not an unsigned decimal integer\n" },
		{ "eth1 startup-query-interval Auto", "Error: invalid startup-query-interval \"Auto\": expected a number followed by a unit (ms, s or m); or auto\n" },
		{ "eth1 last-member-query-count -", "Error: invalid last-member-query-count \"-\": not an unsigned decimal integer; or auto\n" },
		{ "eth1 startup-query-count auto startup-query-count 2", "Error: \"startup-query-count\" given more than once\n" },
		{ "eth1 boundary 239.0.0.0/40", "Error: invalid boundary \"239.0.0.0/40\": prefix length must be a number from 0 to 32\n" },
		{ "eth1 boundary none boundary ff05::/16", "Error: \"boundary none\" cannot be combined with other boundaries\n" },
		{ "eth1 boundary ff05::/16 boundary none", "Error: \"boundary none\" cannot be combined with other boundaries\n" },
		{ "eth1 boundary none boundary none", "Error: \"boundary none\" cannot be combined with other boundaries\n" },
		{ "eth1 extra", "Error: unknown keyword \"extra\"; try \"mcastctl interface set help\"\n" },
	};
	struct iface_set_req req;
	char *err;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		EXPECT(parse_set_line(cases[i].line, &req, &err) == -1);
		EXPECT_STR(cases[i].err, err);
		free(err);
		iface_set_req_free(&req);
	}
}

static void test_set_help_anywhere(void)
{
	static const char *const lines[] = {
		"help", "eth1 help", "eth1 mode router help", "-h",
	};
	struct iface_set_req req;
	struct capture c;
	char *err, *out;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		capture_begin(&c, 1);
		EXPECT(parse_set_line(lines[i], &req, &err) == 1);
		out = capture_end(&c);
		EXPECT(!strncmp(out, "Usage: mcastctl interface set DEV", 33));
		EXPECT_STR("", err);
		free(out);
		free(err);
		iface_set_req_free(&req);
	}
}

/* ---- interface set: the request ------------------------------------- */

static void test_set_request(void)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1], *entry;
	struct nlattr *ptb[MCAST_ROUTER_A_PREFIX_MAX + 1];
	struct iface_set_req req;
	struct nl_msg *msg;
	int rem, n = 0;
	char *err;

	EXPECT(!parse_set_line("eth1 mode proxy ttl-threshold 4 query-interval 31.25s boundary 239.192.0.0/14 boundary ff05::/16",
			       &req, &err));
	free(err);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(!iface_put_set(msg, &req, 7));
	iface_set_req_free(&req);
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_IFACE_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_IFACE_IFINDEX] &&
	       nla_get_u32(tb[MCAST_ROUTER_A_IFACE_IFINDEX]) == 7);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_MODE] &&
	       nla_len(tb[MCAST_ROUTER_A_IFACE_MODE]) == 1 &&
	       nla_get_u8(tb[MCAST_ROUTER_A_IFACE_MODE]) == MCAST_ROUTER_MODE_PROXY);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_TTL_THRESHOLD] &&
	       nla_len(tb[MCAST_ROUTER_A_IFACE_TTL_THRESHOLD]) == 1 &&
	       nla_get_u8(tb[MCAST_ROUTER_A_IFACE_TTL_THRESHOLD]) == 4);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL] &&
	       nla_len(tb[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL]) == 4 &&
	       nla_get_u32(tb[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL]) == 31250);
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_IFNAME]);
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_ROBUSTNESS]);
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_MAX_GROUPS]);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_BOUNDARIES] != NULL);
	if (tb[MCAST_ROUTER_A_IFACE_BOUNDARIES]) {
		nla_for_each_nested(entry, tb[MCAST_ROUTER_A_IFACE_BOUNDARIES], rem) {
			static const uint8_t v4[4] = { 239, 192, 0, 0 };
			static const uint8_t v6[16] = { 0xff, 0x05 };

			EXPECT(nla_type(entry) == MCAST_ROUTER_A_BOUNDARIES_ENTRY);
			EXPECT(!nla_parse_nested(ptb, MCAST_ROUTER_A_PREFIX_MAX, entry, NULL));
			EXPECT(ptb[MCAST_ROUTER_A_PREFIX_FAMILY] &&
			       ptb[MCAST_ROUTER_A_PREFIX_ADDR] &&
			       ptb[MCAST_ROUTER_A_PREFIX_LEN]);
			if (!ptb[MCAST_ROUTER_A_PREFIX_FAMILY] ||
			    !ptb[MCAST_ROUTER_A_PREFIX_ADDR] ||
			    !ptb[MCAST_ROUTER_A_PREFIX_LEN])
				break;
			if (n == 0) {
				EXPECT(nla_get_u16(ptb[MCAST_ROUTER_A_PREFIX_FAMILY]) == AF_INET);
				EXPECT(nla_len(ptb[MCAST_ROUTER_A_PREFIX_ADDR]) == 4 &&
				       !memcmp(nla_data(ptb[MCAST_ROUTER_A_PREFIX_ADDR]), v4, 4));
				EXPECT(nla_get_u8(ptb[MCAST_ROUTER_A_PREFIX_LEN]) == 14);
			} else {
				EXPECT(nla_get_u16(ptb[MCAST_ROUTER_A_PREFIX_FAMILY]) == AF_INET6);
				EXPECT(nla_len(ptb[MCAST_ROUTER_A_PREFIX_ADDR]) == 16 &&
				       !memcmp(nla_data(ptb[MCAST_ROUTER_A_PREFIX_ADDR]), v6, 16));
				EXPECT(nla_get_u8(ptb[MCAST_ROUTER_A_PREFIX_LEN]) == 16);
			}
			n++;
		}
	}
	EXPECT(n == 2);
	nlmsg_free(msg);

	/* "boundary none": an empty nest. */
	EXPECT(!parse_set_line("eth1 boundary none", &req, &err));
	free(err);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(!iface_put_set(msg, &req, 7));
	iface_set_req_free(&req);
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_IFACE_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_IFACE_BOUNDARIES] &&
	       nla_len(tb[MCAST_ROUTER_A_IFACE_BOUNDARIES]) == 0);
	nlmsg_free(msg);

	/* No boundary keyword: no nest at all (list left alone). */
	EXPECT(!parse_set_line("eth1 mode off", &req, &err));
	free(err);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(!iface_put_set(msg, &req, 7));
	iface_set_req_free(&req);
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_IFACE_MAX, NULL));
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_BOUNDARIES]);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_MODE] &&
	       nla_get_u8(tb[MCAST_ROUTER_A_IFACE_MODE]) == MCAST_ROUTER_MODE_OFF);
	nlmsg_free(msg);
}

/* ---- printing --------------------------------------------------------- */

static const char full_text[] =
	"eth1: mode router igmp-version 3 mld-version 2 robustness 2\n"
	"    query-interval 125s query-response-interval 10s\n"
	"    last-member-query-interval 1s last-member-query-count 2\n"
	"    startup-query-interval 31.25s (auto) startup-query-count 2 (auto)\n"
	"    ttl-threshold 1 max-groups 4096\n"
	"    boundary 239.192.0.0/14 boundary ff05::/16\n";

static const char full_json[] =
	"{\"ifindex\":5,\"ifname\":\"eth1\",\"mode\":\"router\","
	"\"igmp-version\":3,\"mld-version\":2,\"robustness\":2,"
	"\"query-interval\":125000,\"query-response-interval\":10000,"
	"\"last-member-query-interval\":1000,\"last-member-query-count\":2,"
	"\"startup-query-interval\":31250,\"startup-query-count\":2,"
	"\"ttl-threshold\":1,\"max-groups\":4096,"
	"\"derived\":[\"startup-query-interval\",\"startup-query-count\"],"
	"\"boundaries\":[\"239.192.0.0/14\",\"ff05::/16\"]}";

/* The request "auto" builds: DERIVED, and no value for those keywords. */
static void test_set_auto_request(void)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1];
	struct iface_set_req req;
	struct nl_msg *msg;
	char *err;

	EXPECT(!parse_set_line("eth1 query-interval 5s startup-query-interval auto startup-query-count auto",
			       &req, &err));
	free(err);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(iface_put_set(msg, &req, 7) == 0);
	EXPECT(genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_IFACE_MAX,
			     NULL) == 0);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL] &&
	       nla_get_u32(tb[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL]) == 5000);
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL]);
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT]);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_DERIVED] &&
	       nla_get_u32(tb[MCAST_ROUTER_A_IFACE_DERIVED]) ==
	       (MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL |
		MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT));
	nlmsg_free(msg);
	iface_set_req_free(&req);

	/* Without "auto" no DERIVED attribute at all. */
	EXPECT(!parse_set_line("eth1 startup-query-interval 2s", &req, &err));
	free(err);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(iface_put_set(msg, &req, 7) == 0);
	EXPECT(genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_IFACE_MAX,
			     NULL) == 0);
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_DERIVED]);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL] &&
	       nla_get_u32(tb[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL]) == 2000);
	nlmsg_free(msg);
	iface_set_req_free(&req);
}

static void test_print_text(void)
{
	struct nl_msg *msg = iface_reply(MCAST_ROUTER_CMD_IFACE_GET, 5, "eth1", true);
	struct out o;
	char *s;

	out_begin(&o, false, false);
	open_json_array(NULL);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	close_json_array();
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR(full_text, s);
	free(s);
	nlmsg_free(msg);

	/* Empty boundary list: no boundary line, no trailing blanks. */
	msg = iface_reply(MCAST_ROUTER_CMD_IFACE_GET, 5, "eth1", false);
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	s = out_end(&o);
	EXPECT_STR("eth1: mode router igmp-version 3 mld-version 2 robustness 2\n"
		   "    query-interval 125s query-response-interval 10s\n"
		   "    last-member-query-interval 1s last-member-query-count 2\n"
		   "    startup-query-interval 31.25s (auto) startup-query-count 2 (auto)\n"
		   "    ttl-threshold 1 max-groups 4096\n", s);
	free(s);
	nlmsg_free(msg);
}

static void test_print_json(void)
{
	struct nl_msg *m1 = iface_reply(MCAST_ROUTER_CMD_IFACE_GET, 5, "eth1", true);
	struct nl_msg *m2 = iface_reply(MCAST_ROUTER_CMD_IFACE_GET, 6, "eth2", false);
	char expect[2048];
	struct out o;
	char *s;

	out_begin(&o, true, false);
	open_json_array(NULL);
	EXPECT(iface_print(nlmsg_hdr(m1), NULL) == 0);
	close_json_array();
	EXPECT(print_end() == 0);
	s = out_end(&o);
	snprintf(expect, sizeof(expect), "[%s]\n", full_json);
	EXPECT_STR(expect, s);
	free(s);

	/* Two interfaces; the second has an empty boundary list. */
	out_begin(&o, true, false);
	open_json_array(NULL);
	EXPECT(iface_print(nlmsg_hdr(m1), NULL) == 0);
	EXPECT(iface_print(nlmsg_hdr(m2), NULL) == 0);
	close_json_array();
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("[{\"ifindex\":5,\"ifname\":\"eth1\",\"mode\":\"router\",\"igmp-version\":3,\"mld-version\":2,\"robustness\":2,\"query-interval\":125000,\"query-response-interval\":10000,\"last-member-query-interval\":1000,\"last-member-query-count\":2,\"startup-query-interval\":31250,\"startup-query-count\":2,\"ttl-threshold\":1,\"max-groups\":4096,\"derived\":[\"startup-query-interval\",\"startup-query-count\"],\"boundaries\":[\"239.192.0.0/14\",\"ff05::/16\"]},"
		   "{\"ifindex\":6,\"ifname\":\"eth2\",\"mode\":\"router\",\"igmp-version\":3,\"mld-version\":2,\"robustness\":2,\"query-interval\":125000,\"query-response-interval\":10000,\"last-member-query-interval\":1000,\"last-member-query-count\":2,\"startup-query-interval\":31250,\"startup-query-count\":2,\"ttl-threshold\":1,\"max-groups\":4096,\"derived\":[\"startup-query-interval\",\"startup-query-count\"],\"boundaries\":[]}]\n",
		   s);
	free(s);

	/* Empty dump. */
	out_begin(&o, true, false);
	open_json_array(NULL);
	close_json_array();
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("[]\n", s);
	free(s);

	/* Text mode with no interfaces prints nothing. */
	out_begin(&o, false, false);
	open_json_array(NULL);
	close_json_array();
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("", s);
	free(s);
	nlmsg_free(m1);
	nlmsg_free(m2);
}

static void test_print_json_pretty(void)
{
	struct nl_msg *m = genl_msg(MCAST_ROUTER_CMD_IFACE_GET);
	struct nlattr *nest;
	struct out o;
	char *s;

	if (nla_put_u32(m, MCAST_ROUTER_A_IFACE_IFINDEX, 5) ||
	    nla_put_string(m, MCAST_ROUTER_A_IFACE_IFNAME, "eth1") ||
	    nla_put_u32(m, MCAST_ROUTER_A_IFACE_QUERY_INTERVAL, 125000))
		exit(2);
	nest = nla_nest_start(m, MCAST_ROUTER_A_IFACE_BOUNDARIES);
	put_prefix(m, AF_INET6, "ff05::", 16);
	nla_nest_end(m, nest);

	out_begin(&o, true, true);
	open_json_array(NULL);
	EXPECT(iface_print(nlmsg_hdr(m), NULL) == 0);
	close_json_array();
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("[\n"
		   "    {\n"
		   "        \"ifindex\": 5,\n"
		   "        \"ifname\": \"eth1\",\n"
		   "        \"query-interval\": 125000,\n"
		   "        \"boundaries\": [\n"
		   "            \"ff05::/16\"\n"
		   "        ]\n"
		   "    }\n"
		   "]\n", s);
	free(s);

	out_begin(&o, true, true);
	open_json_array(NULL);
	close_json_array();
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("[]\n", s);
	free(s);
	nlmsg_free(m);
}

static void test_print_partial_and_unknown(void)
{
	struct nl_msg *m = genl_msg(MCAST_ROUTER_CMD_IFACE_GET);
	struct out o;
	char *s;

	/* Sparse reply, an unknown mode, and attributes from the future. */
	if (nla_put_u32(m, MCAST_ROUTER_A_IFACE_IFINDEX, 9) ||
	    nla_put_string(m, MCAST_ROUTER_A_IFACE_IFNAME, "br0") ||
	    nla_put_u8(m, MCAST_ROUTER_A_IFACE_MODE, 7) ||
	    nla_put_u32(m, 200, 1234) ||
	    nla_put_u64(m, MCAST_ROUTER_A_IFACE_PAD, 0) ||
	    nla_put_u8(m, MCAST_ROUTER_A_IFACE_TTL_THRESHOLD, 64) ||
	    nla_put_u32(m, MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL, 1500))
		exit(2);

	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(m), NULL) == 0);
	s = out_end(&o);
	EXPECT_STR("br0: mode 7\n"
		   "    startup-query-interval 1.5s\n"
		   "    ttl-threshold 64\n", s);
	free(s);

	out_begin(&o, true, false);
	EXPECT(iface_print(nlmsg_hdr(m), NULL) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("{\"ifindex\":9,\"ifname\":\"br0\",\"mode\":\"7\",\"startup-query-interval\":1500,\"ttl-threshold\":64}\n",
		   s);
	free(s);
	nlmsg_free(m);

	/* No IFNAME: text falls back to the ifindex. */
	m = genl_msg(MCAST_ROUTER_CMD_IFACE_GET);
	if (nla_put_u32(m, MCAST_ROUTER_A_IFACE_IFINDEX, 9) ||
	    nla_put_u8(m, MCAST_ROUTER_A_IFACE_MODE, MCAST_ROUTER_MODE_OFF))
		exit(2);
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(m), NULL) == 0);
	s = out_end(&o);
	EXPECT_STR("ifindex 9: mode off\n", s);
	free(s);
	nlmsg_free(m);

	/* Wrong attribute size: rejected, nothing printed. */
	m = genl_msg(MCAST_ROUTER_CMD_IFACE_GET);
	if (nla_put_u16(m, MCAST_ROUTER_A_IFACE_MAX_GROUPS, 1))
		exit(2);
	out_begin(&o, false, false);
	{
		struct capture c;
		char *err;

		capture_begin(&c, 2);
		EXPECT(iface_print(nlmsg_hdr(m), NULL) == -EPROTO);
		err = capture_end(&c);
		EXPECT_STR("Error: malformed interface message from the kernel\n", err);
		free(err);
	}
	s = out_end(&o);
	EXPECT_STR("", s);
	free(s);
	nlmsg_free(m);
}

static void test_print_events(void)
{
	struct nl_msg *m = iface_reply(MCAST_ROUTER_CMD_IFACE_CHANGE_NTF, 5, "eth1", true);
	struct nl_msg *d = genl_msg(MCAST_ROUTER_CMD_IFACE_DEL_NTF);
	char expect[2048];
	struct out o;
	char *s;

	if (nla_put_u32(d, MCAST_ROUTER_A_IFACE_IFINDEX, 5) ||
	    nla_put_string(d, MCAST_ROUTER_A_IFACE_IFNAME, "eth1"))
		exit(2);

	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(m), "change") == 0);
	EXPECT(print_end() == 0);
	EXPECT(iface_print_del(nlmsg_hdr(d)) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("change eth1: mode router igmp-version 3 mld-version 2 robustness 2 query-interval 125s query-response-interval 10s last-member-query-interval 1s last-member-query-count 2 startup-query-interval 31.25s (auto) startup-query-count 2 (auto) ttl-threshold 1 max-groups 4096 boundary 239.192.0.0/14 boundary ff05::/16\n"
		   "delete eth1 (ifindex 5)\n", s);
	free(s);

	out_begin(&o, true, false);
	EXPECT(iface_print(nlmsg_hdr(m), "change") == 0);
	EXPECT(print_end() == 0);
	EXPECT(iface_print_del(nlmsg_hdr(d)) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	snprintf(expect, sizeof(expect), "{\"event\":\"change\",%s\n"
		 "{\"event\":\"delete\",\"ifindex\":5,\"ifname\":\"eth1\"}\n",
		 full_json + 1);
	EXPECT_STR(expect, s);
	free(s);
	nlmsg_free(m);
	nlmsg_free(d);
}

static void test_json_escape_in_output(void)
{
	struct nl_msg *m = genl_msg(MCAST_ROUTER_CMD_IFACE_DEL_NTF);
	struct out o;
	char *s;

	if (nla_put_u32(m, MCAST_ROUTER_A_IFACE_IFINDEX, 3) ||
	    nla_put_string(m, MCAST_ROUTER_A_IFACE_IFNAME, "a\"b\\c"))
		exit(2);
	out_begin(&o, true, false);
	EXPECT(iface_print_del(nlmsg_hdr(m)) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("{\"event\":\"delete\",\"ifindex\":3,\"ifname\":\"a\\\"b\\\\c\"}\n", s);
	free(s);
	nlmsg_free(m);
}

/* ---- interface show -s ------------------------------------------------ */

static struct nl_msg *iface_reply_stats(void)
{
	struct nl_msg *msg = iface_reply(MCAST_ROUTER_CMD_IFACE_GET, 5, "eth1", false);
	struct nlattr *nest = nla_nest_start(msg, MCAST_ROUTER_A_IFACE_STATS);

	if (!nest)
		exit(2);
	for (int i = 1; i < MCAST_ROUTER_A_IFACE_STATS_PAD; i++)
		if (nla_put_u64(msg, i, (uint64_t)i * 1000000000ull))
			exit(2);
	nla_nest_end(msg, nest);
	return msg;
}

static void test_iface_stats(void)
{
	struct nl_msg *msg = iface_reply_stats();
	struct out o;
	char *s;

	/* Without -s the counters are not shown. */
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	s = out_end(&o);
	EXPECT(!strstr(s, "stats") && !strstr(s, "rx-packets"));
	free(s);

	mcastctl_opts.stats = true;
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	s = out_end(&o);
	EXPECT_STR("eth1: mode router igmp-version 3 mld-version 2 robustness 2\n"
		   "    query-interval 125s query-response-interval 10s\n"
		   "    last-member-query-interval 1s last-member-query-count 2\n"
		   "    startup-query-interval 31.25s (auto) startup-query-count 2 (auto)\n"
		   "    ttl-threshold 1 max-groups 4096\n"
		   "    stats:\n"
		   "        rx-packets 1000000000 wrong-iif 4000000000 no-entry 5000000000 ttl-expired 6000000000 native-routing 10000000000\n"
		   "        forwarded-packets 2000000000 forwarded-bytes 3000000000 tx-errors 9000000000\n"
		   "        threshold-drops 7000000000 boundary-drops 8000000000\n", s);
	free(s);

	out_begin(&o, true, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT(strstr(s, "\"boundaries\":[],\"stats\":{\"rx-packets\":1000000000,\"wrong-iif\":4000000000,\"no-entry\":5000000000,\"ttl-expired\":6000000000,\"native-routing\":10000000000,\"forwarded-packets\":2000000000,\"forwarded-bytes\":3000000000,\"tx-errors\":9000000000,\"threshold-drops\":7000000000,\"boundary-drops\":8000000000}}\n") != NULL);
	free(s);

	/* Events never carry the counters. */
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(msg), "change") == 0);
	s = out_end(&o);
	EXPECT(!strstr(s, "stats"));
	free(s);
	mcastctl_opts.stats = false;
	nlmsg_free(msg);
}

/* ---- interface: querier and max-sources -------------------------------- */

static void test_iface_querier(void)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1];
	struct iface_set_req req;
	struct nl_msg *msg;
	struct out o;
	char *err, *s;

	EXPECT(!parse_set_line("eth1 querier off max-sources 128", &req, &err));
	EXPECT_STR("", err);
	free(err);
	EXPECT(req.has[MCAST_ROUTER_A_IFACE_QUERIER] &&
	       req.val[MCAST_ROUTER_A_IFACE_QUERIER] == 0);
	EXPECT(req.has[MCAST_ROUTER_A_IFACE_MAX_SOURCES] &&
	       req.val[MCAST_ROUTER_A_IFACE_MAX_SOURCES] == 128);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(!iface_put_set(msg, &req, 7));
	iface_set_req_free(&req);
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_IFACE_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_IFACE_QUERIER] &&
	       nla_len(tb[MCAST_ROUTER_A_IFACE_QUERIER]) == 1 &&
	       nla_get_u8(tb[MCAST_ROUTER_A_IFACE_QUERIER]) == 0);
	EXPECT(tb[MCAST_ROUTER_A_IFACE_MAX_SOURCES] &&
	       nla_len(tb[MCAST_ROUTER_A_IFACE_MAX_SOURCES]) == 4 &&
	       nla_get_u32(tb[MCAST_ROUTER_A_IFACE_MAX_SOURCES]) == 128);
	nlmsg_free(msg);

	EXPECT(!parse_set_line("eth1 querier on", &req, &err));
	free(err);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(!iface_put_set(msg, &req, 7));
	iface_set_req_free(&req);
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_IFACE_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_IFACE_QUERIER] &&
	       nla_get_u8(tb[MCAST_ROUTER_A_IFACE_QUERIER]) == 1);
	EXPECT(!tb[MCAST_ROUTER_A_IFACE_MAX_SOURCES]);
	nlmsg_free(msg);

	{
		static const struct { const char *line, *err; } cases[] = {
			{ "eth1 querier yes", "Error: invalid querier \"yes\": expected \"on\" or \"off\"\n" },
			{ "eth1 querier 1", "Error: invalid querier \"1\": expected \"on\" or \"off\"\n" },
			{ "eth1 querier On", "Error: invalid querier \"On\": expected \"on\" or \"off\"\n" },
			{ "eth1 querier", "Error: missing value for \"querier\"\n" },
			{ "eth1 querier on querier off", "Error: \"querier\" given more than once\n" },
			{ "eth1 max-source 4", "Error: unknown keyword \"max-source\"; try \"mcastctl interface set help\"\n" },
			{ "eth1 max-sources -1", "Error: invalid max-sources \"-1\": not an unsigned decimal integer\n" },
			{ "eth1 max-sources 4294967296", "Error: invalid max-sources \"4294967296\": out of range (0-4294967295)\n" },
		};

		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			EXPECT(parse_set_line(cases[i].line, &req, &err) == -1);
			EXPECT_STR(cases[i].err, err);
			free(err);
			iface_set_req_free(&req);
		}
	}

	/* show: "querier on" after robustness, max-sources after max-groups. */
	msg = iface_reply(MCAST_ROUTER_CMD_IFACE_GET, 5, "eth1", false);
	if (nla_put_u8(msg, MCAST_ROUTER_A_IFACE_QUERIER, 1) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_IFACE_MAX_SOURCES, 64))
		exit(2);
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	s = out_end(&o);
	EXPECT_STR("eth1: mode router igmp-version 3 mld-version 2 robustness 2 querier on\n"
		   "    query-interval 125s query-response-interval 10s\n"
		   "    last-member-query-interval 1s last-member-query-count 2\n"
		   "    startup-query-interval 31.25s (auto) startup-query-count 2 (auto)\n"
		   "    ttl-threshold 1 max-groups 4096 max-sources 64\n", s);
	free(s);
	out_begin(&o, true, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT(strstr(s, "\"robustness\":2,\"querier\":true,\"query-interval\":125000,") != NULL);
	EXPECT(strstr(s, "\"max-groups\":4096,\"max-sources\":64,\"derived\":[\"startup-query-interval\",\"startup-query-count\"],\"boundaries\":[]}") != NULL);
	free(s);
	nlmsg_free(msg);

	/* querier off; an out-of-range value from the kernel as a number. */
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_GET);
	if (nla_put_string(msg, MCAST_ROUTER_A_IFACE_IFNAME, "eth2") ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_QUERIER, 0))
		exit(2);
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	s = out_end(&o);
	EXPECT_STR("eth2: querier off\n", s);
	free(s);
	out_begin(&o, true, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("{\"ifname\":\"eth2\",\"querier\":false}\n", s);
	free(s);
	nlmsg_free(msg);
	msg = genl_msg(MCAST_ROUTER_CMD_IFACE_GET);
	if (nla_put_string(msg, MCAST_ROUTER_A_IFACE_IFNAME, "eth2") ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_QUERIER, 7))
		exit(2);
	out_begin(&o, false, false);
	EXPECT(iface_print(nlmsg_hdr(msg), NULL) == 0);
	s = out_end(&o);
	EXPECT_STR("eth2: querier 7\n", s);
	free(s);
	nlmsg_free(msg);

	/* Kernel errors name the keywords. */
	{
		const char *name = NULL;
		bool duration = true;

		EXPECT(iface_describe(MCAST_ROUTER_A_IFACE_QUERIER, &name, &duration) &&
		       name && !strcmp(name, "querier") && !duration);
		EXPECT(iface_describe(MCAST_ROUTER_A_IFACE_MAX_SOURCES, &name, &duration) &&
		       name && !strcmp(name, "max-sources") && !duration);
	}
}

const struct mr_test iface_tests[] = {
	{ "set_parse", test_set_parse },
	{ "set_parse_errors", test_set_parse_errors },
	{ "set_auto_request", test_set_auto_request },
	{ "set_help_anywhere", test_set_help_anywhere },
	{ "set_request", test_set_request },
	{ "print_text", test_print_text },
	{ "print_json", test_print_json },
	{ "print_json_pretty", test_print_json_pretty },
	{ "print_partial_and_unknown", test_print_partial_and_unknown },
	{ "print_events", test_print_events },
	{ "json_escape_in_output", test_json_escape_in_output },
	{ "iface_stats", test_iface_stats },
	{ "iface_querier", test_iface_querier },
	{ NULL, NULL }
};
