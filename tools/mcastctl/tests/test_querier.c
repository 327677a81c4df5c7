// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: "querier": parsing and printing.
 */
#include "harness.h"

/* ---- querier ----------------------------------------------------------- */

static int parse_querier_line(int family, const char *line,
			      struct querier_req *req, char **err, char **copy)
{
	char *argv[64];
	struct capture c;
	int argc, ret;

	*copy = strdup(line);
	argc = split_line(*copy, argv);
	memset(req, 0, sizeof(*req));
	req->family = family;
	capture_begin(&c, 2);
	ret = querier_parse(argc, argv, req);
	*err = capture_end(&c);
	return ret;
}

static void test_querier_parse(void)
{
	static const struct { int family; const char *line, *err; } bad[] = {
		{ 0, "eth1", "Error: unknown keyword \"eth1\"; try \"mcastctl querier help\"\n" },
		{ 0, "group 239.1.1.1", "Error: unknown keyword \"group\"; try \"mcastctl querier help\"\n" },
		{ 0, "Dev eth1", "Error: unknown keyword \"Dev\"; try \"mcastctl querier help\"\n" },
		{ 0, "dev", "Error: missing value for \"dev\"\n" },
		{ 0, "dev eth1 dev eth1", "Error: \"dev\" given more than once\n" },
		{ AF_INET, "-6", "Error: -4 and -6 cannot be combined\n" },
	};
	struct nlattr *tb[MCAST_ROUTER_A_QUERIER_MAX + 1];
	char *a1[] = { "querier", "help", NULL };
	struct querier_req req;
	struct nl_msg *msg;
	struct capture c;
	char *err, *copy, *out;

	fake_ifnames(true);
	EXPECT(!parse_querier_line(AF_INET6, "dev eth3", &req, &err, &copy));
	EXPECT_STR("", err);
	EXPECT(req.family == AF_INET6 && req.dev && !strcmp(req.dev, "eth3"));
	EXPECT(!querier_resolve(&req) && req.ifindex == 13);
	msg = genl_msg(MCAST_ROUTER_CMD_QUERIER_GET);
	EXPECT(!querier_put_filter(msg, &req));
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_QUERIER_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_QUERIER_IFINDEX] &&
	       nla_get_u32(tb[MCAST_ROUTER_A_QUERIER_IFINDEX]) == 13);
	EXPECT(tb[MCAST_ROUTER_A_QUERIER_FAMILY] &&
	       nla_len(tb[MCAST_ROUTER_A_QUERIER_FAMILY]) == 2 &&
	       nla_get_u16(tb[MCAST_ROUTER_A_QUERIER_FAMILY]) == AF_INET6);
	nlmsg_free(msg);
	free(err);
	free(copy);

	EXPECT(!parse_querier_line(AF_UNSPEC, "", &req, &err, &copy));
	msg = genl_msg(MCAST_ROUTER_CMD_QUERIER_GET);
	EXPECT(!querier_put_filter(msg, &req));
	EXPECT(nlmsg_hdr(msg)->nlmsg_len == NLMSG_HDRLEN + GENL_HDRLEN);
	nlmsg_free(msg);
	free(err);
	free(copy);
	fake_ifnames(false);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT(parse_querier_line(bad[i].family, bad[i].line, &req,
					  &err, &copy) == -1);
		EXPECT_STR(bad[i].err, err);
		free(err);
		free(copy);
	}

	capture_begin(&c, 1);
	EXPECT(parse_querier_line(0, "dev eth1 help", &req, &err, &copy) == 1);
	out = capture_end(&c);
	EXPECT(!strncmp(out, "Usage: mcastctl [ -4 | -6 ] [ -s ] querier show [ dev DEV ]\n", 60));
	free(out);
	free(err);
	free(copy);
	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(2, a1) == 0);
	out = capture_end(&c);
	EXPECT(!strncmp(out, "Usage: mcastctl [ -4 | -6 ] [ -s ] querier show", 47));
	free(out);
}

static struct nl_msg *querier_reply(uint32_t ifindex, int family,
				    const char *addr, uint8_t self,
				    uint8_t version, uint32_t other,
				    uint32_t next, uint8_t startup,
				    uint64_t stats_base)
{
	struct nl_msg *msg = genl_msg(MCAST_ROUTER_CMD_QUERIER_GET);
	struct nlattr *nest;
	uint8_t buf[16];

	if (nla_put_u32(msg, MCAST_ROUTER_A_QUERIER_IFINDEX, ifindex) ||
	    nla_put_u16(msg, MCAST_ROUTER_A_QUERIER_FAMILY, (uint16_t)family))
		exit(2);
	if (addr && (inet_pton(family, addr, buf) != 1 ||
		     nla_put(msg, MCAST_ROUTER_A_QUERIER_ADDR,
			     family == AF_INET ? 4 : 16, buf)))
		exit(2);
	if (nla_put_u8(msg, MCAST_ROUTER_A_QUERIER_SELF, self) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_QUERIER_VERSION, version) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_QUERIER_OTHER_EXPIRES, other) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_QUERIER_NEXT_QUERY, next) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_QUERIER_STARTUP_LEFT, startup))
		exit(2);
	/* As the kernel: the other querier's QRV and QQI while it runs. */
	if (!self && other &&
	    (nla_put_u8(msg, MCAST_ROUTER_A_QUERIER_QRV, 2) ||
	     nla_put_u32(msg, MCAST_ROUTER_A_QUERIER_QQI, 125000)))
		exit(2);
	nest = nla_nest_start(msg, MCAST_ROUTER_A_QUERIER_STATS);
	if (!nest)
		exit(2);
	for (int i = 1; i < MCAST_ROUTER_A_QUERIER_STATS_PAD; i++)
		if (nla_put_u64(msg, i, stats_base + (uint64_t)i))
			exit(2);
	nla_nest_end(msg, nest);
	return msg;
}

static char *querier_show(bool json, bool stats)
{
	struct nl_msg *m[3] = {
		querier_reply(11, AF_INET6, "fe80::2", 0, 2, 250000, 0, 0, 100),
		querier_reply(12, AF_INET, NULL, 0, 3, 0, 0, 0, 0),
		querier_reply(11, AF_INET, "10.0.1.1", 1, 3, 0, 95123, 1, 5000000000ull),
	};
	struct querier_table t = { .filter = NULL };
	struct out o;

	for (int i = 0; i < 3; i++) {
		EXPECT(querier_table_add(nlmsg_hdr(m[i]), &t) == 0);
		nlmsg_free(m[i]);
	}
	out_begin(&o, json, false);
	EXPECT(querier_table_print(&t, stats) == 0);
	EXPECT(print_end() == 0);
	querier_table_free(&t);
	return out_end(&o);
}

static void test_querier_print(void)
{
	char *s;

	fake_ifnames(true);
	s = querier_show(false, false);
	EXPECT_STR("eth1  inet  querier 10.0.1.1 (this router)  v3  next-query 95.1s  startup-left 1\n"
		   "eth1  inet6  querier fe80::2 (other)  v2  other-querier-expires 250.0s  qrv 2  qqi 125s\n"
		   "eth2  inet  querier unknown  v3\n", s);
	free(s);

	s = querier_show(false, true);
	EXPECT_STR("eth1  inet  querier 10.0.1.1 (this router)  v3  next-query 95.1s  startup-left 1\n"
		   "    queries-rx 5000000001 queries-tx 5000000002 reports-rx 5000000003 leaves-rx 5000000004 malformed 5000000005 ignored 5000000006 refused 5000000007\n"
		   "eth1  inet6  querier fe80::2 (other)  v2  other-querier-expires 250.0s  qrv 2  qqi 125s\n"
		   "    queries-rx 101 queries-tx 102 reports-rx 103 leaves-rx 104 malformed 105 ignored 106 refused 107\n"
		   "eth2  inet  querier unknown  v3\n"
		   "    queries-rx 1 queries-tx 2 reports-rx 3 leaves-rx 4 malformed 5 ignored 6 refused 7\n", s);
	free(s);

	s = querier_show(true, false);
	EXPECT_STR("[{\"dev\":\"eth1\",\"ifindex\":11,\"family\":\"inet\",\"querier\":\"10.0.1.1\",\"self\":true,\"version\":3,\"other-querier-expires\":0,\"next-query\":95123,\"startup-left\":1},"
		   "{\"dev\":\"eth1\",\"ifindex\":11,\"family\":\"inet6\",\"querier\":\"fe80::2\",\"self\":false,\"version\":2,\"other-querier-expires\":250000,\"qrv\":2,\"qqi\":125000,\"next-query\":0,\"startup-left\":0},"
		   "{\"dev\":\"eth2\",\"ifindex\":12,\"family\":\"inet\",\"querier\":null,\"self\":false,\"version\":3,\"other-querier-expires\":0,\"next-query\":0,\"startup-left\":0}]\n", s);
	free(s);

	s = querier_show(true, true);
	EXPECT(strstr(s, "\"startup-left\":0,\"stats\":{\"queries-rx\":101,\"queries-tx\":102,\"reports-rx\":103,\"leaves-rx\":104,\"malformed\":105,\"ignored\":106,\"refused\":107}},") != NULL);
	free(s);

	/* Empty; malformed. */
	{
		struct querier_table t = { .filter = NULL };
		struct nl_msg *m = genl_msg(MCAST_ROUTER_CMD_QUERIER_GET);
		uint8_t a[16] = { 10 };
		struct capture c;
		struct out o;
		char *err;

		out_begin(&o, false, false);
		EXPECT(querier_table_print(&t, true) == 0);
		EXPECT(print_end() == 0);
		s = out_end(&o);
		EXPECT_STR("", s);
		free(s);
		out_begin(&o, true, false);
		EXPECT(querier_table_print(&t, true) == 0);
		EXPECT(print_end() == 0);
		s = out_end(&o);
		EXPECT_STR("[]\n", s);
		free(s);

		if (nla_put_u32(m, MCAST_ROUTER_A_QUERIER_IFINDEX, 11) ||
		    nla_put_u16(m, MCAST_ROUTER_A_QUERIER_FAMILY, AF_INET) ||
		    nla_put(m, MCAST_ROUTER_A_QUERIER_ADDR, 16, a))
			exit(2);
		capture_begin(&c, 2);
		EXPECT(querier_table_add(nlmsg_hdr(m), &t) == -EPROTO);
		err = capture_end(&c);
		EXPECT_STR("Error: malformed querier message from the kernel\n", err);
		free(err);
		nlmsg_free(m);
		EXPECT(t.n == 0);
		querier_table_free(&t);
	}
	fake_ifnames(false);
}

const struct mr_test querier_tests[] = {
	{ "querier_parse", test_querier_parse },
	{ "querier_print", test_querier_print },
	{ NULL, NULL }
};
