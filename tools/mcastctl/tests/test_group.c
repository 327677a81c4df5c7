// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: "group" and the proxy: parsing, printing, events, malformed replies.
 */
#include "harness.h"

/* ---- group ------------------------------------------------------------- */

/* Split @line and run group_parse(); stderr -> *err. @family: -4/-6. */
static int parse_group_line(int family, const char *line,
			    struct group_show_req *req, char **err, char **copy)
{
	char *argv[64];
	struct capture c;
	int argc, ret;

	*copy = strdup(line);
	argc = split_line(*copy, argv);
	memset(req, 0, sizeof(*req));
	req->family = family;
	capture_begin(&c, 2);
	ret = group_parse(argc, argv, req);
	*err = capture_end(&c);
	return ret;
}

/* group add|del: required keywords, each once, families that agree. */
static void test_group_static(void)
{
	static const struct {
		int family;
		const char *line, *err;
	} bad[] = {
		{ AF_UNSPEC, "dev eth1", "Error: \"dev\" and \"group\" are required\n" },
		{ AF_UNSPEC, "group 239.1.1.1", "Error: \"dev\" and \"group\" are required\n" },
		{ AF_UNSPEC, "dev eth1 group 239.1.1.1 group 239.1.1.2",
		  "Error: \"group\" given more than once\n" },
		{ AF_UNSPEC, "dev eth1 grp 239.1.1.1",
		  "Error: unknown keyword \"grp\"; try \"mcastctl group help\"\n" },
		{ AF_UNSPEC, "dev eth1 group", "Error: \"group\" needs a value\n" },
	};
	struct nlattr *tb[MCAST_ROUTER_A_GROUP_MAX + 1];
	struct group_static_req req;
	char *argv[64], *copy, *err;
	struct capture c;
	struct nl_msg *msg;
	int argc, ret;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		copy = strdup(bad[i].line);
		argc = split_line(copy, argv);
		memset(&req, 0, sizeof(req));
		req.family = bad[i].family;
		capture_begin(&c, 2);
		ret = group_parse_static(argc, argv, &req);
		err = capture_end(&c);
		EXPECT(ret == -1);
		EXPECT_STR(bad[i].err, err);
		free(err);
		free(copy);
	}

	/* A good one, and its attributes. */
	copy = strdup("dev eth1 group ff0e::1 source 2001:db8::9");
	argc = split_line(copy, argv);
	memset(&req, 0, sizeof(req));
	EXPECT(group_parse_static(argc, argv, &req) == 0);
	EXPECT(req.family == AF_INET6 && req.has_source && !strcmp(req.dev, "eth1"));
	req.ifindex = 7;
	msg = nlmsg_alloc();
	EXPECT(genlmsg_put(msg, 0, 0, 1, 0, 0, MCAST_ROUTER_CMD_GROUP_ADD, 1) != NULL);
	EXPECT(group_put_static(msg, &req) == 0);
	EXPECT(genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_GROUP_MAX, NULL) == 0);
	EXPECT(nla_get_u32(tb[MCAST_ROUTER_A_GROUP_IFINDEX]) == 7);
	EXPECT(nla_get_u16(tb[MCAST_ROUTER_A_GROUP_FAMILY]) == AF_INET6);
	EXPECT(nla_len(tb[MCAST_ROUTER_A_GROUP_ADDR]) == 16);
	EXPECT(nla_len(tb[MCAST_ROUTER_A_GROUP_SOURCE]) == 16);
	nlmsg_free(msg);
	free(copy);

	/* -4 with an IPv6 group is refused. */
	copy = strdup("dev eth1 group ff0e::1");
	argc = split_line(copy, argv);
	memset(&req, 0, sizeof(req));
	req.family = AF_INET;
	capture_begin(&c, 2);
	EXPECT(group_parse_static(argc, argv, &req) == -1);
	err = capture_end(&c);
	EXPECT(strstr(err, "ff0e::1") != NULL);
	free(err);
	free(copy);
}

static void test_group_parse(void)
{
	static const uint8_t g4[4] = { 239, 1, 1, 1 };
	static const uint8_t g6[16] = { 0xff, 0x0e, [15] = 1 };
	struct nlattr *tb[MCAST_ROUTER_A_GROUP_MAX + 1];
	struct group_show_req req;
	struct nl_msg *msg;
	char *err, *copy;

	fake_ifnames(true);
	EXPECT(!parse_group_line(AF_UNSPEC, "", &req, &err, &copy));
	EXPECT_STR("", err);
	EXPECT(req.family == AF_UNSPEC && !req.has_group && !req.dev);
	msg = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	EXPECT(!group_put_filter(msg, &req));
	EXPECT(nlmsg_hdr(msg)->nlmsg_len == NLMSG_HDRLEN + GENL_HDRLEN);
	nlmsg_free(msg);
	free(err);
	free(copy);

	/* group G implies the family; dev is resolved and sent. */
	EXPECT(!parse_group_line(AF_UNSPEC, "group 239.1.1.1 dev eth1", &req,
				 &err, &copy));
	EXPECT(req.family == AF_INET && req.has_group &&
	       !memcmp(req.group, g4, 4) && req.dev && !strcmp(req.dev, "eth1"));
	EXPECT(!group_resolve(&req) && req.ifindex == 11);
	msg = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	EXPECT(!group_put_filter(msg, &req));
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_GROUP_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_GROUP_IFINDEX] &&
	       nla_get_u32(tb[MCAST_ROUTER_A_GROUP_IFINDEX]) == 11);
	EXPECT(tb[MCAST_ROUTER_A_GROUP_FAMILY] &&
	       nla_len(tb[MCAST_ROUTER_A_GROUP_FAMILY]) == 2 &&
	       nla_get_u16(tb[MCAST_ROUTER_A_GROUP_FAMILY]) == AF_INET);
	EXPECT(tb[MCAST_ROUTER_A_GROUP_ADDR] &&
	       nla_len(tb[MCAST_ROUTER_A_GROUP_ADDR]) == 4 &&
	       !memcmp(nla_data(tb[MCAST_ROUTER_A_GROUP_ADDR]), g4, 4));
	nlmsg_free(msg);
	free(err);
	free(copy);

	/* Global -6 agrees with the group; -6 alone sends FAMILY only. */
	EXPECT(!parse_group_line(AF_INET6, "group FF0E::1", &req, &err, &copy));
	EXPECT(req.family == AF_INET6 && !memcmp(req.group, g6, 16));
	msg = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	EXPECT(!group_put_filter(msg, &req));
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_GROUP_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_GROUP_ADDR] &&
	       nla_len(tb[MCAST_ROUTER_A_GROUP_ADDR]) == 16);
	EXPECT(!tb[MCAST_ROUTER_A_GROUP_IFINDEX]);
	nlmsg_free(msg);
	free(err);
	free(copy);
	EXPECT(!parse_group_line(AF_UNSPEC, "-6", &req, &err, &copy));
	EXPECT(req.family == AF_INET6 && !req.has_group);
	msg = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	EXPECT(!group_put_filter(msg, &req));
	EXPECT(!genlmsg_parse(nlmsg_hdr(msg), 0, tb, MCAST_ROUTER_A_GROUP_MAX, NULL));
	EXPECT(tb[MCAST_ROUTER_A_GROUP_FAMILY] &&
	       nla_get_u16(tb[MCAST_ROUTER_A_GROUP_FAMILY]) == AF_INET6 &&
	       !tb[MCAST_ROUTER_A_GROUP_ADDR]);
	nlmsg_free(msg);
	free(err);
	free(copy);

	/* An unknown device is named. */
	EXPECT(!parse_group_line(AF_UNSPEC, "dev wlan0", &req, &err, &copy));
	free(err);
	{
		struct capture c;

		capture_begin(&c, 2);
		EXPECT(group_resolve(&req) == -ENODEV);
		err = capture_end(&c);
	}
	EXPECT_STR("Error: no such device \"wlan0\"\n", err);
	free(err);
	free(copy);
	fake_ifnames(false);

	{
		const char *name = NULL;
		bool duration = true;

		EXPECT(group_describe(MCAST_ROUTER_A_GROUP_ADDR, &name, &duration) &&
		       !strcmp(name, "group") && !duration);
		EXPECT(group_describe(MCAST_ROUTER_A_GROUP_IFINDEX, &name, &duration) &&
		       !strcmp(name, "dev"));
		EXPECT(!group_describe(MCAST_ROUTER_A_GROUP_AGE, &name, &duration));
	}
}

static void test_group_parse_errors(void)
{
	static const struct { int family; const char *line, *err; } cases[] = {
		{ 0, "grp 239.1.1.1", "Error: unknown keyword \"grp\"; try \"mcastctl group help\"\n" },
		{ 0, "Group 239.1.1.1", "Error: unknown keyword \"Group\"; try \"mcastctl group help\"\n" },
		{ 0, "source 10.0.0.1", "Error: unknown keyword \"source\"; try \"mcastctl group help\"\n" },
		{ 0, "eth1", "Error: unknown keyword \"eth1\"; try \"mcastctl group help\"\n" },
		{ 0, "group", "Error: missing value for \"group\"\n" },
		{ 0, "dev", "Error: missing value for \"dev\"\n" },
		{ 0, "group 239.1.1.1 group 239.1.1.2", "Error: \"group\" given more than once\n" },
		{ 0, "dev eth1 dev eth2", "Error: \"dev\" given more than once\n" },
		{ 0, "group 239.1.1.256", "Error: invalid group \"239.1.1.256\": not a valid IPv4 address\n" },
		{ 0, "group ff0e::1::2", "Error: invalid group \"ff0e::1::2\": not a valid IPv6 address\n" },
		{ 0, "group 239.1.1.0/24", "Error: invalid group \"239.1.1.0/24\": not a valid IPv4 address\n" },
		{ AF_INET6, "group 239.1.1.1", "Error: group \"239.1.1.1\" is not an IPv6 address (-6 given)\n" },
		{ AF_INET, "group ff0e::1", "Error: group \"ff0e::1\" is not an IPv4 address (-4 given)\n" },
		{ 0, "-4 group ff0e::1", "Error: group \"ff0e::1\" is not an IPv4 address (-4 given)\n" },
		{ 0, "-4 -6", "Error: -4 and -6 cannot be combined\n" },
		{ AF_INET6, "-4", "Error: -4 and -6 cannot be combined\n" },
	};
	struct group_show_req req;
	char *err, *copy;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		EXPECT(parse_group_line(cases[i].family, cases[i].line, &req,
					&err, &copy) == -1);
		EXPECT_STR(cases[i].err, err);
		free(err);
		free(copy);
	}
}

static void test_group_help(void)
{
	static const char *const lines[] = {
		"help", "dev eth1 help", "-h", "--help", "group 239.1.1.1 help",
	};
	char *a1[] = { "group", "help", NULL };
	char *a2[] = { "group", "sh", NULL };
	struct group_show_req req;
	struct capture c;
	char *err, *copy, *out;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		capture_begin(&c, 1);
		EXPECT(parse_group_line(0, lines[i], &req, &err, &copy) == 1);
		out = capture_end(&c);
		EXPECT(!strncmp(out, "Usage: mcastctl [ -4 | -6 ] group show", 38));
		EXPECT_STR("", err);
		free(out);
		free(err);
		free(copy);
	}
	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(2, a1) == 0);
	out = capture_end(&c);
	EXPECT(!strncmp(out, "Usage: mcastctl [ -4 | -6 ] group show [ dev DEV ] [ group GROUP ]\n", 67));
	free(out);
	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(2, a2) == -EINVAL);
	err = capture_end(&c);
	EXPECT_STR("Error: unknown command \"sh\" for \"group\"; try \"mcastctl group help\"\n", err);
	free(err);
}

struct fake_source {
	const char *addr;
	uint32_t expires;
	uint8_t forward;
};

struct fake_group {
	uint32_t ifindex;
	int family;
	const char *group, *reporter;
	uint8_t filter, compat;
	uint32_t expires;
	uint64_t age;
	struct fake_source sources[3];
	int nsources;
};

static struct nl_msg *group_reply(const struct fake_group *g)
{
	struct nl_msg *msg = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	int alen = g->family == AF_INET ? 4 : 16;
	struct nlattr *nest, *e;
	uint8_t buf[16];

	if (nla_put_u32(msg, MCAST_ROUTER_A_GROUP_IFINDEX, g->ifindex) ||
	    nla_put_u16(msg, MCAST_ROUTER_A_GROUP_FAMILY, (uint16_t)g->family) ||
	    inet_pton(g->family, g->group, buf) != 1 ||
	    nla_put(msg, MCAST_ROUTER_A_GROUP_ADDR, alen, buf) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_GROUP_FILTER, g->filter) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_GROUP_EXPIRES, g->expires) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_GROUP_COMPAT, g->compat) ||
	    inet_pton(g->family, g->reporter, buf) != 1 ||
	    nla_put(msg, MCAST_ROUTER_A_GROUP_REPORTER, alen, buf))
		exit(2);
	nest = nla_nest_start(msg, MCAST_ROUTER_A_GROUP_SOURCES);
	if (!nest)
		exit(2);
	for (int i = 0; i < g->nsources; i++) {
		e = nla_nest_start(msg, MCAST_ROUTER_A_SOURCES_ENTRY);
		if (!e || inet_pton(g->family, g->sources[i].addr, buf) != 1 ||
		    nla_put(msg, MCAST_ROUTER_A_SOURCE_ADDR, alen, buf) ||
		    nla_put_u32(msg, MCAST_ROUTER_A_SOURCE_EXPIRES,
				g->sources[i].expires) ||
		    nla_put_u8(msg, MCAST_ROUTER_A_SOURCE_FORWARD,
			       g->sources[i].forward))
			exit(2);
		nla_nest_end(msg, e);
	}
	nla_nest_end_keep_empty(msg, nest);
	if (nla_put_u64(msg, MCAST_ROUTER_A_GROUP_AGE, g->age))
		exit(2);
	return msg;
}

static const struct fake_group groups[] = {
	/* Out of order on purpose: show sorts. */
	{ 12, AF_INET6, "ff0e::1", "fe80::2", MCAST_ROUTER_FILTER_INCLUDE, 2,
	  0, 3723000, { { "2001:db8::9", 12000, 1 } }, 1 },
	{ 11, AF_INET, "239.1.1.1", "10.0.1.2", MCAST_ROUTER_FILTER_EXCLUDE, 3,
	  254312, 12400,
	  { { "10.0.1.9", 3250, 1 }, { "10.0.1.10", 0, 0 } }, 2 },
	{ 11, AF_INET, "224.1.2.3", "10.0.1.3", MCAST_ROUTER_FILTER_EXCLUDE, 2,
	  200000, 65000, { { NULL, 0, 0 } }, 0 },
};

/* Feed the groups to a table (filter @f) and print it. */
/* What group_table_print() prints of @t, in text or JSON. */
static char *table_str(struct group_table *t, bool json)
{
	struct out o;

	out_begin(&o, json, false);
	EXPECT(group_table_print(t) == 0);
	EXPECT(print_end() == 0);
	return out_end(&o);
}

static char *group_show(const struct group_show_req *f, bool json, bool pretty)
{
	struct group_table t = { .filter = f };
	struct out o;

	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		struct nl_msg *m = group_reply(&groups[i]);

		EXPECT(group_table_add(nlmsg_hdr(m), &t) == 0);
		nlmsg_free(m);
	}
	out_begin(&o, json, pretty);
	EXPECT(group_table_print(&t) == 0);
	EXPECT(print_end() == 0);
	group_table_free(&t);
	return out_end(&o);
}

/* A GROUP_NTF: event, then the group; a leave carries only its key. */
static char *group_event(uint8_t event, bool json)
{
	struct nl_msg *m = genl_msg(MCAST_ROUTER_CMD_GROUP_NTF);
	struct nlattr *nest;
	uint8_t buf[4];
	struct out o;

	inet_pton(AF_INET, "239.1.1.1", buf);
	if (nla_put_u8(m, MCAST_ROUTER_A_GROUP_EVENT, event) ||
	    nla_put_u32(m, MCAST_ROUTER_A_GROUP_IFINDEX, 11) ||
	    nla_put_u16(m, MCAST_ROUTER_A_GROUP_FAMILY, AF_INET) ||
	    nla_put(m, MCAST_ROUTER_A_GROUP_ADDR, 4, buf))
		exit(2);
	if (event != MCAST_ROUTER_GROUP_EVENT_LEAVE) {
		if (nla_put_u8(m, MCAST_ROUTER_A_GROUP_FILTER,
			       MCAST_ROUTER_FILTER_EXCLUDE))
			exit(2);
		nest = nla_nest_start(m, MCAST_ROUTER_A_GROUP_HOSTS);
		inet_pton(AF_INET, "10.0.1.2", buf);
		if (!nest || nla_put(m, MCAST_ROUTER_A_HOSTS_ADDR, 4, buf))
			exit(2);
		inet_pton(AF_INET, "10.0.1.3", buf);
		if (nla_put(m, MCAST_ROUTER_A_HOSTS_ADDR, 4, buf))
			exit(2);
		nla_nest_end(m, nest);
	}
	out_begin(&o, json, false);
	EXPECT(group_print_event(nlmsg_hdr(m)) == 0);
	EXPECT(print_end() == 0);
	nlmsg_free(m);
	return out_end(&o);
}

/*
 * A PROXY_GET reply (or PROXY_NTF with @event): the merged filter, and
 * the host stack's refusal @error (0: none) which left it not @joined.
 */
static struct nl_msg *proxy_msg(uint8_t event, uint8_t filter, bool all,
				bool joined, uint32_t error,
				const char *const *srcs)
{
	struct nl_msg *m = genl_msg(event ? MCAST_ROUTER_CMD_PROXY_NTF :
				    MCAST_ROUTER_CMD_PROXY_GET);
	struct nlattr *nest, *e;
	uint8_t buf[4];

	inet_pton(AF_INET, "233.252.0.1", buf);
	if ((event && nla_put_u8(m, MCAST_ROUTER_A_GROUP_EVENT, event)) ||
	    nla_put_u32(m, MCAST_ROUTER_A_GROUP_IFINDEX, 11) ||
	    nla_put_u16(m, MCAST_ROUTER_A_GROUP_FAMILY, AF_INET) ||
	    nla_put(m, MCAST_ROUTER_A_GROUP_ADDR, 4, buf) ||
	    nla_put_u8(m, MCAST_ROUTER_A_GROUP_FILTER, filter) ||
	    nla_put_u8(m, MCAST_ROUTER_A_GROUP_PROXY_ALL, all) ||
	    nla_put_u8(m, MCAST_ROUTER_A_GROUP_PROXY_JOINED, joined) ||
	    (error && nla_put_u32(m, MCAST_ROUTER_A_GROUP_PROXY_ERROR, error)))
		exit(2);
	nest = nla_nest_start(m, MCAST_ROUTER_A_GROUP_SOURCES);
	for (; nest && *srcs; srcs++) {
		e = nla_nest_start(m, MCAST_ROUTER_A_SOURCES_ENTRY);
		inet_pton(AF_INET, *srcs, buf);
		if (!e || nla_put(m, MCAST_ROUTER_A_SOURCE_ADDR, 4, buf) ||
		    nla_put_u32(m, MCAST_ROUTER_A_SOURCE_EXPIRES, 0) ||
		    nla_put_u8(m, MCAST_ROUTER_A_SOURCE_FORWARD,
			       filter == MCAST_ROUTER_FILTER_INCLUDE))
			exit(2);
		nla_nest_end(m, e);
	}
	if (!nest)
		exit(2);
	nla_nest_end(m, nest);
	return m;
}

static void test_proxy(void)
{
	static const char *const inc[] = { "10.9.0.12", "10.9.0.11", NULL };
	static const char *const none[] = { NULL };
	char *a1[] = { "proxy", "help", NULL };
	char *a2[] = { "proxy", "show", "grp", "233.252.0.1", NULL };
	char *a3[] = { "proxy", "sh", NULL };
	struct group_table t = { .filter = NULL };
	struct capture c;
	struct nl_msg *m;
	struct out o;
	char *s;

	fake_ifnames(true);
	m = proxy_msg(0, MCAST_ROUTER_FILTER_INCLUDE, false, true, 0, inc);
	EXPECT(group_table_add(nlmsg_hdr(m), &t) == 0);
	nlmsg_free(m);
	s = table_str(&t, false);
	EXPECT_STR("eth1  233.252.0.1  include\n"
		   "    source 10.9.0.12  forward\n"
		   "    source 10.9.0.11  forward\n", s);
	free(s);
	s = table_str(&t, true);
	EXPECT_STR("[{\"dev\":\"eth1\",\"ifindex\":11,\"family\":\"inet\",\"group\":\"233.252.0.1\",\"filter\":\"include\",\"reported-as-exclude-all\":false,\"joined\":true,\"sources\":["
		   "{\"address\":\"10.9.0.12\",\"forward\":true,\"static\":false,\"expires\":0},{\"address\":\"10.9.0.11\",\"forward\":true,\"static\":false,\"expires\":0}]}]\n", s);
	free(s);
	group_table_free(&t);

	/* Events are named proxy-*; a refused list says what is reported. */
	m = proxy_msg(MCAST_ROUTER_GROUP_EVENT_CHANGE, MCAST_ROUTER_FILTER_EXCLUDE,
		      true, true, 0, none);
	out_begin(&o, false, false);
	EXPECT(group_print_event(nlmsg_hdr(m)) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("proxy-change eth1  233.252.0.1  exclude  reported-as exclude-all\n", s);
	free(s);
	nlmsg_free(m);

	/* The host stack's refusal, in text and JSON. */
	m = proxy_msg(MCAST_ROUTER_GROUP_EVENT_CHANGE, MCAST_ROUTER_FILTER_INCLUDE,
		      true, true, ENOBUFS, inc);
	out_begin(&o, false, false);
	EXPECT(group_print_event(nlmsg_hdr(m)) == 0);
	EXPECT(print_end() == 0);
	s = out_end(&o);
	EXPECT_STR("proxy-change eth1  233.252.0.1  include  reported-as exclude-all  error \"No buffer space available\"\n"
		   "    source 10.9.0.12  forward\n"
		   "    source 10.9.0.11  forward\n", s);
	free(s);
	nlmsg_free(m);
	m = proxy_msg(0, MCAST_ROUTER_FILTER_EXCLUDE, false, false, ENODEV,
		      none);
	EXPECT(group_table_add(nlmsg_hdr(m), &t) == 0);
	nlmsg_free(m);
	s = table_str(&t, false);
	EXPECT_STR("eth1  233.252.0.1  exclude  not-joined  error \"No such device\"\n", s);
	free(s);
	s = table_str(&t, true);
	EXPECT_STR("[{\"dev\":\"eth1\",\"ifindex\":11,\"family\":\"inet\",\"group\":\"233.252.0.1\",\"filter\":\"exclude\",\"reported-as-exclude-all\":false,\"joined\":false,\"error\":\"No such device\",\"sources\":[]}]\n", s);
	free(s);
	group_table_free(&t);
	fake_ifnames(false);

	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(2, a1) == 0);
	s = capture_end(&c);
	EXPECT(!strncmp(s, "Usage: mcastctl [ -4 | -6 ] proxy show", 38));
	free(s);
	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(4, a2) == -EINVAL);
	s = capture_end(&c);
	EXPECT_STR("Error: unknown keyword \"grp\"; try \"mcastctl proxy help\"\n", s);
	free(s);
	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(2, a3) == -EINVAL);
	s = capture_end(&c);
	EXPECT(strstr(s, "unknown command \"sh\"") != NULL);
	free(s);
}

static void test_group_event(void)
{
	char *s;

	fake_ifnames(true);
	s = group_event(MCAST_ROUTER_GROUP_EVENT_JOIN, false);
	EXPECT_STR("join eth1  239.1.1.1  exclude  hosts 10.0.1.2,10.0.1.3\n", s);
	free(s);
	s = group_event(MCAST_ROUTER_GROUP_EVENT_LEAVE, false);
	EXPECT_STR("leave eth1  239.1.1.1\n", s);
	free(s);
	s = group_event(MCAST_ROUTER_GROUP_EVENT_CHANGE, true);
	EXPECT_STR("{\"event\":\"change\",\"dev\":\"eth1\",\"ifindex\":11,\"family\":\"inet\",\"group\":\"239.1.1.1\",\"filter\":\"exclude\",\"static\":false,\"hosts\":[\"10.0.1.2\",\"10.0.1.3\"],\"sources\":[]}\n", s);
	free(s);
	fake_ifnames(false);
}

static void test_group_print(void)
{
	struct group_show_req req;
	char *s, *err, *copy;

	fake_ifnames(true);
	s = group_show(NULL, false, false);
	EXPECT_STR("eth1  224.1.2.3  exclude  expires 200.0s  v2  reporter 10.0.1.3  age 1m05s\n"
		   "eth1  239.1.1.1  exclude  expires 254.3s  v3  reporter 10.0.1.2  age 12s\n"
		   "    source 10.0.1.9  forward  expires 3.2s\n"
		   "    source 10.0.1.10  blocked\n"
		   "eth2  ff0e::1  include  v2  reporter fe80::2  age 1h02m\n"
		   "    source 2001:db8::9  forward  expires 12.0s\n", s);
	free(s);

	s = group_show(NULL, true, false);
	EXPECT_STR("[{\"dev\":\"eth1\",\"ifindex\":11,\"family\":\"inet\",\"group\":\"224.1.2.3\",\"filter\":\"exclude\",\"static\":false,\"expires\":200000,\"compat\":2,\"reporter\":\"10.0.1.3\",\"age\":65000,\"hosts\":[],\"sources\":[]},"
		   "{\"dev\":\"eth1\",\"ifindex\":11,\"family\":\"inet\",\"group\":\"239.1.1.1\",\"filter\":\"exclude\",\"static\":false,\"expires\":254312,\"compat\":3,\"reporter\":\"10.0.1.2\",\"age\":12400,\"hosts\":[],\"sources\":["
		   "{\"address\":\"10.0.1.9\",\"forward\":true,\"static\":false,\"expires\":3250},{\"address\":\"10.0.1.10\",\"forward\":false,\"static\":false,\"expires\":0}]},"
		   "{\"dev\":\"eth2\",\"ifindex\":12,\"family\":\"inet6\",\"group\":\"ff0e::1\",\"filter\":\"include\",\"static\":false,\"expires\":0,\"compat\":2,\"reporter\":\"fe80::2\",\"age\":3723000,\"hosts\":[],\"sources\":["
		   "{\"address\":\"2001:db8::9\",\"forward\":true,\"static\":false,\"expires\":12000}]}]\n", s);
	free(s);

	s = group_show(NULL, true, true);
	EXPECT(!strncmp(s, "[\n    {\n        \"dev\": \"eth1\",\n", 31));
	EXPECT(strstr(s, "        \"sources\": [\n            {\n                \"address\": \"10.0.1.9\",\n                \"forward\": true,\n") != NULL);
	free(s);

	/* Client-side filters (the kernel filters too). */
	EXPECT(!parse_group_line(AF_INET6, "", &req, &err, &copy));
	s = group_show(&req, false, false);
	EXPECT_STR("eth2  ff0e::1  include  v2  reporter fe80::2  age 1h02m\n"
		   "    source 2001:db8::9  forward  expires 12.0s\n", s);
	free(s);
	free(err);
	free(copy);
	EXPECT(!parse_group_line(AF_UNSPEC, "group 239.1.1.1", &req, &err, &copy));
	s = group_show(&req, true, false);
	EXPECT(strstr(s, "239.1.1.1") && !strstr(s, "224.1.2.3") && !strstr(s, "ff0e"));
	free(s);
	free(err);
	free(copy);
	EXPECT(!parse_group_line(AF_UNSPEC, "dev eth2", &req, &err, &copy));
	EXPECT(!group_resolve(&req));
	s = group_show(&req, true, false);
	EXPECT(strstr(s, "ff0e::1") && !strstr(s, "239.1.1.1"));
	free(s);
	free(err);
	free(copy);

	/* Empty: nothing in text, [] in JSON. */
	{
		struct group_table t = { .filter = NULL };

		s = table_str(&t, false);
		EXPECT_STR("", s);
		free(s);
		s = table_str(&t, true);
		EXPECT_STR("[]\n", s);
		free(s);
	}
	fake_ifnames(false);
}

static void test_group_malformed(void)
{
	struct group_table t = { .filter = NULL };
	uint8_t a[16] = { 239, 1, 1, 1 };
	struct nlattr *nest, *e;
	struct nl_msg *m;
	struct capture c;
	char *err;

	/* An IPv4 group with a 16-byte address. */
	m = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	if (nla_put_u32(m, MCAST_ROUTER_A_GROUP_IFINDEX, 11) ||
	    nla_put_u16(m, MCAST_ROUTER_A_GROUP_FAMILY, AF_INET) ||
	    nla_put(m, MCAST_ROUTER_A_GROUP_ADDR, 16, a))
		exit(2);
	capture_begin(&c, 2);
	EXPECT(group_table_add(nlmsg_hdr(m), &t) == -EPROTO);
	err = capture_end(&c);
	EXPECT_STR("Error: malformed group message from the kernel\n", err);
	free(err);
	nlmsg_free(m);

	/* No ifindex. */
	m = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	if (nla_put_u16(m, MCAST_ROUTER_A_GROUP_FAMILY, AF_INET) ||
	    nla_put(m, MCAST_ROUTER_A_GROUP_ADDR, 4, a))
		exit(2);
	capture_begin(&c, 2);
	EXPECT(group_table_add(nlmsg_hdr(m), &t) == -EPROTO);
	free(capture_end(&c));
	nlmsg_free(m);

	/* A source of the wrong size. */
	m = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	if (nla_put_u32(m, MCAST_ROUTER_A_GROUP_IFINDEX, 11) ||
	    nla_put_u16(m, MCAST_ROUTER_A_GROUP_FAMILY, AF_INET) ||
	    nla_put(m, MCAST_ROUTER_A_GROUP_ADDR, 4, a))
		exit(2);
	nest = nla_nest_start(m, MCAST_ROUTER_A_GROUP_SOURCES);
	e = nla_nest_start(m, MCAST_ROUTER_A_SOURCES_ENTRY);
	if (!nest || !e || nla_put(m, MCAST_ROUTER_A_SOURCE_ADDR, 16, a))
		exit(2);
	nla_nest_end(m, e);
	nla_nest_end(m, nest);
	capture_begin(&c, 2);
	EXPECT(group_table_add(nlmsg_hdr(m), &t) == -EPROTO);
	free(capture_end(&c));
	nlmsg_free(m);
	EXPECT(t.n == 0);

	/* Sparse, with an unknown filter mode and a future attribute. */
	m = genl_msg(MCAST_ROUTER_CMD_GROUP_GET);
	if (nla_put_u32(m, MCAST_ROUTER_A_GROUP_IFINDEX, 500) ||
	    nla_put_u16(m, MCAST_ROUTER_A_GROUP_FAMILY, AF_INET) ||
	    nla_put(m, MCAST_ROUTER_A_GROUP_ADDR, 4, a) ||
	    nla_put_u8(m, MCAST_ROUTER_A_GROUP_FILTER, 9) ||
	    nla_put_u32(m, MCAST_ROUTER_A_GROUP_MAX + 3, 1))
		exit(2);
	EXPECT(group_table_add(nlmsg_hdr(m), &t) == 0);
	nlmsg_free(m);
	fake_ifnames(true);
	{
		char *s;

		s = table_str(&t, false);
		EXPECT_STR("if500  239.1.1.1  9\n", s);
		free(s);
		s = table_str(&t, true);
		EXPECT_STR("[{\"dev\":\"if500\",\"ifindex\":500,\"family\":\"inet\",\"group\":\"239.1.1.1\",\"filter\":\"9\",\"static\":false,\"hosts\":[],\"sources\":[]}]\n", s);
		free(s);
	}
	fake_ifnames(false);
	group_table_free(&t);
}

const struct mr_test group_tests[] = {
	{ "group_parse", test_group_parse },
	{ "group_parse_errors", test_group_parse_errors },
	{ "group_help", test_group_help },
	{ "group_print", test_group_print },
	{ "group_event", test_group_event },
	{ "proxy", test_proxy },
	{ "group_static", test_group_static },
	{ "group_malformed", test_group_malformed },
	{ NULL, NULL }
};
