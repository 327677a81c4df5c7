// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the forwarding decisions (forward.c): which groups are
 * routable, the TTL threshold rule, boundaries and the per-oif verdict.
 * Pure functions: no devices, no table.
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/inet.h>
#include <linux/socket.h>
#include <linux/string.h>

#include "../config.h"
#include "../forward.h"

struct routable_case {
	const char *addr;
	u16 family;
	bool expected;
};

static const struct routable_case routable_cases[] = {
	{ "224.0.0.1", AF_INET, false },
	{ "224.0.0.22", AF_INET, false },
	{ "224.0.0.255", AF_INET, false },
	{ "224.0.1.1", AF_INET, true },
	{ "232.1.1.1", AF_INET, true },
	{ "239.1.1.1", AF_INET, true },
	{ "239.255.255.250", AF_INET, true },
	{ "10.0.0.1", AF_INET, false },
	{ "255.255.255.255", AF_INET, false },
	{ "ff01::1", AF_INET6, false },
	{ "ff02::1", AF_INET6, false },
	{ "ff02::16", AF_INET6, false },
	{ "ff12::1", AF_INET6, false },
	{ "ff32::1", AF_INET6, false },
	{ "ff00::1", AF_INET6, false },
	{ "ff03::1", AF_INET6, true },
	{ "ff05::1:3", AF_INET6, true },
	{ "ff08::1", AF_INET6, true },
	{ "ff0e::1", AF_INET6, true },
	{ "ff15::1", AF_INET6, true },
	{ "ff3e::8000:1", AF_INET6, true },
	{ "2001:db8::1", AF_INET6, false },
	{ "::", AF_INET6, false },
};

static void parse_addr(struct kunit *test, u16 family, const char *s,
		       struct mcr_addr *addr)
{
	memset(addr, 0, sizeof(*addr));
	if (family == AF_INET)
		KUNIT_ASSERT_EQ(test, 1,
				in4_pton(s, -1, (u8 *)&addr->ip4, -1, NULL));
	else
		KUNIT_ASSERT_EQ(test, 1,
				in6_pton(s, -1, addr->ip6.s6_addr, -1, NULL));
}

static void routable_desc(const struct routable_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s %s", c->addr,
		 c->expected ? "routable" : "not routable");
}

KUNIT_ARRAY_PARAM(routable, routable_cases, routable_desc);

static void mcr_fwd_test_routable(struct kunit *test)
{
	const struct routable_case *c = test->param_value;
	struct mcr_addr addr;

	parse_addr(test, c->family, c->addr, &addr);
	KUNIT_EXPECT_EQ(test, c->expected, mcr_addr_routable(c->family, &addr));
}

struct ttl_case {
	u8 ttl;
	u8 threshold;
	bool expected;
};

static const struct ttl_case ttl_cases[] = {
	{ 0, 0, false }, { 1, 0, false }, { 1, 1, false }, { 2, 0, true },
	{ 2, 1, true }, { 2, 2, false }, { 3, 2, true }, { 16, 16, false },
	{ 17, 16, true }, { 64, 255, false }, { 255, 254, true },
	{ 255, 255, false }, { 255, 0, true }, { 255, 1, true },
};

static void ttl_desc(const struct ttl_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "ttl %u threshold %u", c->ttl,
		 c->threshold);
}

KUNIT_ARRAY_PARAM(ttl, ttl_cases, ttl_desc);

static void mcr_fwd_test_ttl(struct kunit *test)
{
	const struct ttl_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, c->expected,
			mcr_fwd_ttl_passes(c->ttl, c->threshold));
}

struct oif_case {
	const char *desc;
	u16 family;
	const char *group;
	u8 ttl;
	u8 mode;
	u8 threshold;
	bool is_arrival;
	const char *boundary;	/* NULL: none */
	u8 boundary_len;
	enum mcr_oif_verdict expected;
};

static const struct oif_case oif_cases[] = {
	{ "send", AF_INET, "239.1.1.1", 64, MCAST_ROUTER_MODE_ROUTER, 1,
	  false, NULL, 0, MCR_OIF_SEND },
	{ "proxy mode sends", AF_INET, "239.1.1.1", 64,
	  MCAST_ROUTER_MODE_PROXY, 1, false, NULL, 0, MCR_OIF_SEND },
	{ "arrival interface", AF_INET, "239.1.1.1", 64,
	  MCAST_ROUTER_MODE_ROUTER, 1, true, NULL, 0, MCR_OIF_SKIP },
	{ "mode off", AF_INET, "239.1.1.1", 64, MCAST_ROUTER_MODE_OFF, 1,
	  false, NULL, 0, MCR_OIF_SKIP },
	{ "threshold", AF_INET, "239.1.1.1", 8, MCAST_ROUTER_MODE_ROUTER, 8,
	  false, NULL, 0, MCR_OIF_THRESHOLD },
	{ "admin scope inside boundary", AF_INET, "239.1.1.1", 64,
	  MCAST_ROUTER_MODE_ROUTER, 1, false, "239.0.0.0", 8,
	  MCR_OIF_BOUNDARY },
	{ "admin scope, no boundary", AF_INET, "239.1.1.1", 64,
	  MCAST_ROUTER_MODE_ROUTER, 1, false, NULL, 0, MCR_OIF_SEND },
	{ "outside boundary", AF_INET, "238.1.1.1", 64,
	  MCAST_ROUTER_MODE_ROUTER, 1, false, "239.0.0.0", 8, MCR_OIF_SEND },
	{ "v6 site scope inside boundary", AF_INET6, "ff05::1:3", 64,
	  MCAST_ROUTER_MODE_ROUTER, 1, false, "ff05::", 16,
	  MCR_OIF_BOUNDARY },
	{ "v6 global outside site boundary", AF_INET6, "ff0e::1", 64,
	  MCAST_ROUTER_MODE_ROUTER, 1, false, "ff05::", 16, MCR_OIF_SEND },
	{ "v6 hop limit 1", AF_INET6, "ff0e::1", 1, MCAST_ROUTER_MODE_ROUTER,
	  0, false, NULL, 0, MCR_OIF_THRESHOLD },
};

static void oif_desc(const struct oif_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(oif, oif_cases, oif_desc);

static void mcr_fwd_test_oif(struct kunit *test)
{
	const struct oif_case *c = test->param_value;
	struct mcr_iface_cfg *cfg;
	struct mcr_fwd_pkt pkt = {};

	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	mcr_config_init(cfg);
	cfg->mode = c->mode;
	cfg->ttl_threshold = c->threshold;
	if (c->boundary) {
		cfg->n_boundaries = 1;
		cfg->boundaries[0].family = c->family;
		cfg->boundaries[0].len = c->boundary_len;
		parse_addr(test, c->family, c->boundary,
			   &cfg->boundaries[0].addr);
	}
	pkt.family = c->family;
	pkt.ttl = c->ttl;
	parse_addr(test, c->family, c->group, &pkt.group);
	KUNIT_EXPECT_EQ(test, c->expected,
			mcr_fwd_oif_decide(cfg, c->is_arrival, &pkt));
}

static struct kunit_case mcr_fwd_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_fwd_test_routable, routable_gen_params),
	KUNIT_CASE_PARAM(mcr_fwd_test_ttl, ttl_gen_params),
	KUNIT_CASE_PARAM(mcr_fwd_test_oif, oif_gen_params),
	{}
};

static struct kunit_suite mcr_fwd_test_suite = {
	.name = "mcast_router_forward",
	.test_cases = mcr_fwd_test_cases,
};

kunit_test_suite(mcr_fwd_test_suite);
