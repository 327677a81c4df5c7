// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the family-independent IGMP/MLD pieces (memb.c,
 * group_fsm.c): the bounds check of multi-record reports against truncated
 * and over-counted packets, the SSM ranges, the election order, the
 * compatibility modes of RFC 3376 7.3.2 / RFC 3810 8.3.2, and the
 * parameters derived from a configuration.
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/jiffies.h>
#include <linux/skbuff.h>
#include <linux/socket.h>

#include "../grec.h"
#include "../memb.h"
#include "../group_fsm.h"

/* A packet of @len bytes copied into a fresh skb (no headers). */
static struct sk_buff *blob(struct kunit *test, const u8 *data,
			    unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_data(skb, data, len);
	return skb;
}

struct records_case {
	const char *desc;
	unsigned int alen;
	u8 data[96];
	unsigned int len;
	unsigned int ngrec;
	bool ok;
};

/*
 * Records: type, aux data words, source count (be16), group, sources,
 * aux data; 4-byte addresses for IGMPv3 (239.1.1.1, 10.0.0.1), 16 for
 * MLDv2 (ff0e::1).
 */
static const struct records_case records_cases[] = {
	{
		.desc = "IGMPv3 no records",
		.alen = 4,
		.len = 0,
		.ngrec = 0,
		.ok = true,
	},
	{
		.desc = "IGMPv3 one record, no sources",
		.alen = 4,
		.data = {
			2, 0, 0, 0, 0xef, 1, 1, 1,
		},
		.len = 8,
		.ngrec = 1,
		.ok = true,
	},
	{
		.desc = "IGMPv3 one record, two sources",
		.alen = 4,
		.data = {
			1, 0, 0, 2, 0xef, 1, 1, 1, 10, 0, 0, 1,
			10, 0, 0, 1,
		},
		.len = 16,
		.ngrec = 1,
		.ok = true,
	},
	{
		.desc = "IGMPv3 two records",
		.alen = 4,
		.data = {
			1, 0, 0, 1, 0xef, 1, 1, 1, 10, 0, 0, 1,
			6, 0, 0, 0, 0xef, 1, 1, 1,
		},
		.len = 20,
		.ngrec = 2,
		.ok = true,
	},
	{
		.desc = "IGMPv3 aux data skipped",
		.alen = 4,
		.data = {
			4, 1, 0, 0, 0xef, 1, 1, 1, 0, 0, 0, 0,
			3, 0, 0, 0, 0xef, 1, 1, 1,
		},
		.len = 20,
		.ngrec = 2,
		.ok = true,
	},
	{
		.desc = "IGMPv3 record count beyond the packet",
		.alen = 4,
		.data = {
			2, 0, 0, 0, 0xef, 1, 1, 1,
		},
		.len = 8,
		.ngrec = 2,
		.ok = false,
	},
	{
		.desc = "IGMPv3 source count beyond the packet",
		.alen = 4,
		.data = {
			1, 0, 0, 3, 0xef, 1, 1, 1, 10, 0, 0, 1,
			10, 0, 0, 1,
		},
		.len = 16,
		.ngrec = 1,
		.ok = false,
	},
	{
		.desc = "IGMPv3 aux data beyond the packet",
		.alen = 4,
		.data = {
			1, 2, 0, 0, 0xef, 1, 1, 1, 0, 0, 0, 0,
		},
		.len = 12,
		.ngrec = 1,
		.ok = false,
	},
	{
		.desc = "IGMPv3 truncated record header",
		.alen = 4,
		.data = {
			1, 0, 0,
		},
		.len = 3,
		.ngrec = 1,
		.ok = false,
	},
	{
		.desc = "IGMPv3 truncated group address",
		.alen = 4,
		.data = {
			1, 0, 0, 0, 0xef, 1,
		},
		.len = 6,
		.ngrec = 1,
		.ok = false,
	},
	{
		.desc = "IGMPv3 record count 65535, one record",
		.alen = 4,
		.data = {
			2, 0, 0, 0, 0xef, 1, 1, 1,
		},
		.len = 8,
		.ngrec = 65535,
		.ok = false,
	},
	{
		.desc = "MLDv2 one record, no sources",
		.alen = 16,
		.data = {
			2, 0, 0, 0, 0xff, 14, 0, 0, 0, 0, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 1,
		},
		.len = 20,
		.ngrec = 1,
		.ok = true,
	},
	{
		.desc = "MLDv2 one record, one source",
		.alen = 16,
		.data = {
			5, 0, 0, 1, 0xff, 14, 0, 0, 0, 0, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 1, 0xff, 14, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
		},
		.len = 36,
		.ngrec = 1,
		.ok = true,
	},
	{
		.desc = "MLDv2 source count beyond the packet",
		.alen = 16,
		.data = {
			5, 0, 0, 2, 0xff, 14, 0, 0, 0, 0, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 1, 0xff, 14, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
		},
		.len = 36,
		.ngrec = 1,
		.ok = false,
	},
	{
		.desc = "MLDv2 IGMPv3-sized record is truncated",
		.alen = 16,
		.data = {
			2, 0, 0, 0, 0xef, 1, 1, 1,
		},
		.len = 8,
		.ngrec = 1,
		.ok = false,
	},
};

static void records_desc(const struct records_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(records, records_cases, records_desc);

/* The whole message sits behind an 8-byte report header at offset 8. */
static void mcr_memb_test_records(struct kunit *test)
{
	const struct records_case *c = test->param_value;
	u8 buf[8 + sizeof(c->data)] = {};
	struct sk_buff *skb;

	memcpy(buf + 8, c->data, c->len);
	skb = blob(test, buf, 8 + c->len);
	KUNIT_EXPECT_EQ(test, c->ok,
			mcr_grec_check(skb, c->alen, 8, 8 + c->len,
				       c->ngrec));
	/* The end of the message, not of the buffer, bounds the walk. */
	if (c->ok && c->len)
		KUNIT_EXPECT_FALSE(test,
				   mcr_grec_check(skb, c->alen, 8,
						  8 + c->len - 1,
						  c->ngrec));
	kfree_skb(skb);
}

static struct mcr_addr v4(u8 a, u8 b, u8 c, u8 d)
{
	struct mcr_addr x = {};

	x.ip4 = htonl(a << 24 | b << 16 | c << 8 | d);
	return x;
}

static struct mcr_addr v6(u16 w0, u16 w1, u16 w7)
{
	struct mcr_addr x = {};

	x.ip6.s6_addr16[0] = htons(w0);
	x.ip6.s6_addr16[1] = htons(w1);
	x.ip6.s6_addr16[7] = htons(w7);
	return x;
}

static void mcr_memb_test_ssm(struct kunit *test)
{
	struct mcr_addr a;

	a = v4(232, 1, 1, 1);
	KUNIT_EXPECT_TRUE(test, mcr_memb_ssm(AF_INET, &a));
	a = v4(232, 0, 0, 0);
	KUNIT_EXPECT_TRUE(test, mcr_memb_ssm(AF_INET, &a));
	a = v4(233, 1, 1, 1);
	KUNIT_EXPECT_FALSE(test, mcr_memb_ssm(AF_INET, &a));
	a = v4(239, 1, 1, 1);
	KUNIT_EXPECT_FALSE(test, mcr_memb_ssm(AF_INET, &a));
	a = v6(0xff3e, 0, 1);
	KUNIT_EXPECT_TRUE(test, mcr_memb_ssm(AF_INET6, &a));
	a = v6(0xff35, 0, 1);
	KUNIT_EXPECT_TRUE(test, mcr_memb_ssm(AF_INET6, &a));
	a = v6(0xff3e, 1, 1);
	KUNIT_EXPECT_FALSE(test, mcr_memb_ssm(AF_INET6, &a));
	a = v6(0xff0e, 0, 1);
	KUNIT_EXPECT_FALSE(test, mcr_memb_ssm(AF_INET6, &a));
	a = v6(0xff1e, 0, 1);
	KUNIT_EXPECT_FALSE(test, mcr_memb_ssm(AF_INET6, &a));
}

/* The lowest address wins, compared as numbers, not as host words. */
static void mcr_memb_test_election_order(struct kunit *test)
{
	struct mcr_addr a, b;

	a = v4(10, 0, 0, 2);
	b = v4(10, 0, 0, 10);
	KUNIT_EXPECT_LT(test, mcr_querier_addr_cmp(AF_INET, &a, &b), 0);
	KUNIT_EXPECT_GT(test, mcr_querier_addr_cmp(AF_INET, &b, &a), 0);
	a = v4(9, 255, 255, 255);
	b = v4(10, 0, 0, 0);
	KUNIT_EXPECT_LT(test, mcr_querier_addr_cmp(AF_INET, &a, &b), 0);
	KUNIT_EXPECT_EQ(test, mcr_querier_addr_cmp(AF_INET, &a, &a), 0);
	a = v6(0xfe80, 0, 2);
	b = v6(0xfe80, 0, 0x100);
	KUNIT_EXPECT_LT(test, mcr_querier_addr_cmp(AF_INET6, &a, &b), 0);
	b = v6(0xfe80, 1, 1);
	KUNIT_EXPECT_LT(test, mcr_querier_addr_cmp(AF_INET6, &a, &b), 0);
	KUNIT_EXPECT_EQ(test, mcr_querier_addr_cmp(AF_INET6, &b, &b), 0);
}

#define NOW	1000000UL
#define GMI	260000UL

static const struct mcr_gfsm_params params = {
	.gmi = GMI,
	.ohpi = GMI,
	.lmqt = 2000,
	.lmqc = 2,
	.max_sources = 8,
	.querier = true,
};

/* What a group in each compatibility level lets through. */
static void mcr_memb_test_compat(struct kunit *test)
{
	struct mcr_addr g = v4(239, 1, 1, 1);
	struct mcr_gfsm grp;
	unsigned int n;

	mcr_gfsm_init(&grp, AF_INET, &g);
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V3, mcr_gfsm_compat(&grp, NOW));
	n = 3;
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_compat_filter(&grp, NOW, false,
						       MCR_REC_BLOCK, &n));
	KUNIT_EXPECT_EQ(test, 3U, n);

	/* An IGMPv2 report: v2 mode until the GMI has passed. */
	mcr_gfsm_old_host(&grp, &params, NOW, MCR_COMPAT_V2);
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V2, mcr_gfsm_compat(&grp, NOW));
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V2,
			mcr_gfsm_compat(&grp, NOW + GMI - 1));
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V3, mcr_gfsm_compat(&grp, NOW + GMI));
	n = 3;
	KUNIT_EXPECT_FALSE(test, mcr_gfsm_compat_filter(&grp, NOW, false,
							MCR_REC_BLOCK, &n));
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_compat_filter(&grp, NOW, false,
						       MCR_REC_TO_EX, &n));
	KUNIT_EXPECT_EQ(test, 0U, n);
	n = 2;
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_compat_filter(&grp, NOW, false,
						       MCR_REC_ALLOW, &n));
	KUNIT_EXPECT_EQ(test, 2U, n);
	n = 0;
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_compat_filter(&grp, NOW, true,
						       MCR_REC_TO_IN, &n));

	/* An IGMPv1 report on top: v1 wins, leaves are ignored. */
	mcr_gfsm_old_host(&grp, &params, NOW + 10, MCR_COMPAT_V1);
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V1, mcr_gfsm_compat(&grp, NOW + 10));
	n = 0;
	KUNIT_EXPECT_FALSE(test, mcr_gfsm_compat_filter(&grp, NOW + 10, true,
							MCR_REC_TO_IN, &n));
	/* A v3 TO_IN({}) is not a leave message: it still counts. */
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_compat_filter(&grp, NOW + 10, false,
						       MCR_REC_TO_IN, &n));
	/* The v2 timer ends first; v1 lasts its own GMI. */
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V1,
			mcr_gfsm_compat(&grp, NOW + GMI + 5));
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V3,
			mcr_gfsm_compat(&grp, NOW + 10 + GMI));
	/* A v3 report changes nothing. */
	mcr_gfsm_old_host(&grp, &params, NOW, MCR_COMPAT_V3);
	KUNIT_EXPECT_EQ(test, MCR_COMPAT_V3,
			mcr_gfsm_compat(&grp, NOW + 10 + GMI));
	mcr_gfsm_destroy(&grp);
}

/* A non-querier lowers to LMQT what is above it, and nothing else. */
static void mcr_memb_test_lower(struct kunit *test)
{
	struct mcr_addr g = v6(0xff0e, 0, 1), s1 = v6(0xfd00, 0, 1);
	struct mcr_addr s2 = v6(0xfd00, 0, 2);
	struct mcr_gfsm_params p = params;
	struct mcr_gfsm_src *src;
	struct mcr_gfsm grp;

	p.querier = false;
	mcr_gfsm_init(&grp, AF_INET6, &g);
	KUNIT_ASSERT_EQ(test, 0, mcr_gfsm_record(&grp, &p, NOW, MCR_REC_IS_IN,
						 &s1, 1));
	KUNIT_ASSERT_EQ(test, 0, mcr_gfsm_record(&grp, &p, NOW, MCR_REC_ALLOW,
						 &s2, 1));
	mcr_gfsm_lower(&grp, &p, NOW + 5, &s1, 1);
	src = mcr_gfsm_find(&grp, &s1);
	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_EXPECT_EQ(test, NOW + 5 + p.lmqt, src->expires);
	src = mcr_gfsm_find(&grp, &s2);
	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_EXPECT_EQ(test, NOW + GMI, src->expires);
	/* Lowering again later does not raise it. */
	mcr_gfsm_lower(&grp, &p, NOW + 1000, &s1, 1);
	KUNIT_EXPECT_EQ(test, NOW + 5 + p.lmqt,
			mcr_gfsm_find(&grp, &s1)->expires);
	/* A group-specific query lowers the group timer in EXCLUDE mode. */
	KUNIT_ASSERT_EQ(test, 0, mcr_gfsm_record(&grp, &p, NOW, MCR_REC_IS_EX,
						 NULL, 0));
	mcr_gfsm_lower(&grp, &p, NOW + 7, NULL, 0);
	KUNIT_EXPECT_TRUE(test, grp.running);
	KUNIT_EXPECT_EQ(test, NOW + 7 + p.lmqt, grp.expires);
	mcr_gfsm_destroy(&grp);
}

static void mcr_memb_test_params(struct kunit *test)
{
	struct mcr_querier q = { .self = true };
	struct mcr_gfsm_params p;
	struct mcr_iface_cfg *cfg;

	cfg = kunit_kmalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	mcr_config_init(cfg);
	mcr_querier_params(cfg, &q, &p);
	/* 2 * 125 s + 10 s; 2 * 1 s. */
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(260000), p.gmi);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(260000), p.ohpi);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(2000), p.lmqt);
	KUNIT_EXPECT_EQ(test, 2, p.lmqc);
	KUNIT_EXPECT_EQ(test, 64U, p.max_sources);
	KUNIT_EXPECT_TRUE(test, p.querier);
	cfg->robustness = 7;
	cfg->query_interval = 1000;
	cfg->query_response_interval = 500;
	cfg->last_member_query_count = 7;
	cfg->last_member_query_interval = 100;
	q.self = false;
	mcr_querier_params(cfg, &q, &p);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(7500), p.gmi);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(700), p.lmqt);
	KUNIT_EXPECT_FALSE(test, p.querier);
	/* A derived last member query count follows the robustness. */
	cfg->last_member_query_count = 0;
	cfg->robustness = 3;
	q.self = true;
	mcr_querier_params(cfg, &q, &p);
	KUNIT_EXPECT_EQ(test, 3, p.lmqc);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(300), p.lmqt);
}

/*
 * Not the querier: the timers follow the querier's QRV and QQI (RFC 3376
 * 4.1.6, 4.1.7), so a router configured for 1 s queries keeps a group
 * between the 60 s queries of the router that won the election; as the
 * querier, its own values again.
 */
static void mcr_memb_test_params_heard(struct kunit *test)
{
	struct mcr_querier q = { .heard_qrv = 3, .heard_qqi = 60000 };
	struct mcr_gfsm_params p;
	struct mcr_iface_cfg *cfg;

	cfg = kunit_kmalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	mcr_config_init(cfg);
	cfg->query_interval = 1000;
	cfg->query_response_interval = 500;
	mcr_querier_params(cfg, &q, &p);
	/* 3 * 60 s + 0.5 s; the derived count is the adopted robustness. */
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(180500), p.gmi);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(180500), p.ohpi);
	KUNIT_EXPECT_EQ(test, 3, p.lmqc);
	/* No QRV heard (IGMPv2, MLDv1): the configured robustness. */
	q.heard_qrv = 0;
	mcr_querier_params(cfg, &q, &p);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(120500), p.gmi);
	/* As the querier: its own values. */
	q.self = true;
	mcr_querier_params(cfg, &q, &p);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(2500), p.gmi);
	KUNIT_EXPECT_EQ(test, 2, p.lmqc);
}

static struct kunit_case mcr_memb_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_memb_test_records, records_gen_params),
	KUNIT_CASE(mcr_memb_test_ssm),
	KUNIT_CASE(mcr_memb_test_election_order),
	KUNIT_CASE(mcr_memb_test_compat),
	KUNIT_CASE(mcr_memb_test_lower),
	KUNIT_CASE(mcr_memb_test_params),
	KUNIT_CASE(mcr_memb_test_params_heard),
	{}
};

static struct kunit_suite mcr_memb_test_suite = {
	.name = "mcast_router_memb",
	.test_cases = mcr_memb_test_cases,
};

kunit_test_suite(mcr_memb_test_suite);

