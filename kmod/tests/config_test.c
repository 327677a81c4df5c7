// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for mcast_router's configuration code: defaults, the
 * IFACE_SET policy (driven through real netlink attributes), cross-field
 * rules, boundary prefixes and mcr_prefix_contains(). No RTNL, no devices.
 */

#include <kunit/test.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <net/netlink.h>

#include "../config.h"

/* A netlink message to put attributes in, and the config it is applied to. */
struct msg_ctx {
	struct sk_buff *skb;
	struct nlmsghdr *nlh;
	struct netlink_ext_ack extack;
	struct mcr_iface_cfg cfg;
	struct mcr_iface_cfg before;
};

static struct msg_ctx *msg_ctx_new(struct kunit *test)
{
	struct msg_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->skb = nlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->skb);
	ctx->nlh = nlmsg_put(ctx->skb, 0, 0, 0, 0, 0);
	KUNIT_ASSERT_NOT_NULL(test, ctx->nlh);
	mcr_config_init(&ctx->cfg);
	return ctx;
}

static void msg_ctx_free(struct msg_ctx *ctx)
{
	kfree_skb(ctx->skb);
}

/* Put @value with the width the policy gives @attr. */
static void put_value(struct kunit *test, struct msg_ctx *ctx, int attr,
		      u32 value)
{
	int err;

	switch (mcr_config_policy[attr].type) {
	case NLA_U8:
		err = nla_put_u8(ctx->skb, attr, value);
		break;
	case NLA_U16:
		err = nla_put_u16(ctx->skb, attr, value);
		break;
	default:
		err = nla_put_u32(ctx->skb, attr, value);
		break;
	}
	KUNIT_ASSERT_EQ(test, 0, err);
}

/* Apply the message to ctx->cfg the way IFACE_SET does; keep a copy. */
static int apply(struct msg_ctx *ctx)
{
	ctx->before = ctx->cfg;
	nlmsg_end(ctx->skb, ctx->nlh);
	return mcr_config_parse(&ctx->cfg, nlmsg_attrdata(ctx->nlh, 0),
				nlmsg_attrlen(ctx->nlh, 0), &ctx->extack);
}

static bool cfg_unchanged(const struct msg_ctx *ctx)
{
	return !memcmp(&ctx->cfg, &ctx->before,
		       offsetof(struct mcr_iface_cfg, rcu));
}

/* The field at @offset, read with the width the policy gives @attr. */
static u32 get_field(const struct mcr_iface_cfg *cfg, size_t offset, int attr)
{
	const u8 *p = (const u8 *)cfg + offset;

	return mcr_config_policy[attr].type == NLA_U8 ? *p : *(const u32 *)p;
}

#define A(_name) MCAST_ROUTER_A_IFACE_##_name
#define OFF(_f) offsetof(struct mcr_iface_cfg, _f)

/* ---- defaults ---------------------------------------------------------- */

struct default_case {
	const char *desc;
	int attr;
	size_t offset;
	u32 expected;
};

static const struct default_case default_cases[] = {
	{ "mode off", A(MODE), OFF(mode), MCAST_ROUTER_MODE_OFF },
	{ "igmp-version 3", A(IGMP_VERSION), OFF(igmp_version), 3 },
	{ "mld-version 2", A(MLD_VERSION), OFF(mld_version), 2 },
	{ "robustness 2", A(ROBUSTNESS), OFF(robustness), 2 },
	{ "query-interval 125000", A(QUERY_INTERVAL), OFF(query_interval), 125000 },
	{ "query-response-interval 10000", A(QUERY_RESPONSE_INTERVAL), OFF(query_response_interval),
	  10000 },
	{ "last-member-query-interval 1000",
	  A(LAST_MEMBER_QUERY_INTERVAL), OFF(last_member_query_interval), 1000 },
	/* 0: derived (timers_test.c checks the values in effect). */
	{ "last-member-query-count derived", A(LAST_MEMBER_QUERY_COUNT),
	  OFF(last_member_query_count), 0 },
	{ "startup-query-interval derived", A(STARTUP_QUERY_INTERVAL),
	  OFF(startup_query_interval), 0 },
	{ "startup-query-count derived", A(STARTUP_QUERY_COUNT),
	  OFF(startup_query_count), 0 },
	{ "ttl-threshold 1", A(TTL_THRESHOLD), OFF(ttl_threshold), 1 },
	{ "max-groups 4096", A(MAX_GROUPS), OFF(max_groups), 4096 },
	{ "querier 1", A(QUERIER), OFF(querier), 1 },
	{ "max-sources 64", A(MAX_SOURCES), OFF(max_sources), 64 },
	{ "fast-leave 0", A(FAST_LEAVE), OFF(fast_leave), 0 },
};

static void default_desc(const struct default_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(default, default_cases, default_desc);

static void mcr_config_test_default(struct kunit *test)
{
	const struct default_case *c = test->param_value;
	struct mcr_iface_cfg *cfg;

	cfg = kunit_kmalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	memset(cfg, 0xa5, sizeof(*cfg));
	mcr_config_init(cfg);
	KUNIT_EXPECT_EQ(test, c->expected,
			get_field(cfg, c->offset, c->attr));
	KUNIT_EXPECT_EQ(test, 0, cfg->n_boundaries);
}

/* ---- policy: ranges and lengths of every value -------------------------- */

struct range_case {
	const char *desc;
	int attr;
	u32 value;
	bool raw;		/* put @raw_len zero bytes instead of @value */
	int raw_len;
	int extra_attr;		/* 0 or a second attribute, e.g. to satisfy */
	u32 extra_value;	/* a cross-field rule at the edge of a range */
	size_t offset;
	bool ok;
};

#define RC(_desc, _attr, _val, _f, _ok) \
	{ .desc = _desc, .attr = A(_attr), .value = _val, FIELD_AT(_f), .ok = _ok }
#define RCX(_desc, _attr, _val, _f, _xattr, _xval, _ok) \
	{ .desc = _desc, .attr = A(_attr), .value = _val, FIELD_AT(_f), \
	  .extra_attr = A(_xattr), .extra_value = _xval, .ok = _ok }
#define RCLEN(_desc, _attr, _len, _f) \
	{ .desc = _desc, .attr = A(_attr), .raw = true, .raw_len = _len, \
	  FIELD_AT(_f), .ok = false }
#define FIELD_AT(_f) .offset = OFF(_f)

static const struct range_case range_cases[] = {
	RC("mode off accepted", MODE, 0, mode, true),
	RC("mode proxy (max) accepted", MODE, 2, mode, true),
	RC("mode 3 rejected", MODE, 3, mode, false),
	RCLEN("mode 4 bytes rejected", MODE, 4, mode),

	RC("igmp-version 0 rejected", IGMP_VERSION, 0, igmp_version, false),
	RC("igmp-version 1 accepted", IGMP_VERSION, 1, igmp_version, true),
	RC("igmp-version 3 accepted", IGMP_VERSION, 3, igmp_version, true),
	RC("igmp-version 4 rejected", IGMP_VERSION, 4, igmp_version, false),
	RCLEN("igmp-version 2 bytes rejected", IGMP_VERSION, 2, igmp_version),

	RC("mld-version 0 rejected", MLD_VERSION, 0, mld_version, false),
	RC("mld-version 1 accepted", MLD_VERSION, 1, mld_version, true),
	RC("mld-version 2 accepted", MLD_VERSION, 2, mld_version, true),
	RC("mld-version 3 rejected", MLD_VERSION, 3, mld_version, false),
	RCLEN("mld-version 4 bytes rejected", MLD_VERSION, 4, mld_version),

	RC("robustness 0 rejected", ROBUSTNESS, 0, robustness, false),
	RC("robustness 1 accepted", ROBUSTNESS, 1, robustness, true),
	RC("robustness 7 accepted", ROBUSTNESS, 7, robustness, true),
	RC("robustness 8 rejected", ROBUSTNESS, 8, robustness, false),
	RCLEN("robustness 0 bytes rejected", ROBUSTNESS, 0, robustness),

	RC("query-interval 999 rejected", QUERY_INTERVAL, 999,
	   query_interval, false),
	RCX("query-interval 1000 accepted", QUERY_INTERVAL, 1000,
	    query_interval, QUERY_RESPONSE_INTERVAL, 100, true),
	RC("query-interval 31744000 accepted", QUERY_INTERVAL, 31744000,
	   query_interval, true),
	RC("query-interval 31744001 rejected", QUERY_INTERVAL, 31744001,
	   query_interval, false),
	RCLEN("query-interval 8 bytes rejected", QUERY_INTERVAL, 8,
	      query_interval),

	RC("query-response-interval 99 rejected", QUERY_RESPONSE_INTERVAL, 99,
	   query_response_interval, false),
	RC("query-response-interval 100 accepted", QUERY_RESPONSE_INTERVAL,
	   100, query_response_interval, true),
	RCX("query-response-interval 3174400 accepted",
	    QUERY_RESPONSE_INTERVAL, 3174400, query_response_interval,
	    QUERY_INTERVAL, 31744000, true),
	RCX("query-response-interval 3174401 rejected",
	    QUERY_RESPONSE_INTERVAL, 3174401, query_response_interval,
	    QUERY_INTERVAL, 31744000, false),
	RCLEN("query-response-interval 2 bytes rejected",
	      QUERY_RESPONSE_INTERVAL, 2, query_response_interval),

	RC("last-member-query-interval 99 rejected",
	   LAST_MEMBER_QUERY_INTERVAL, 99, last_member_query_interval, false),
	RC("last-member-query-interval 100 accepted",
	   LAST_MEMBER_QUERY_INTERVAL, 100, last_member_query_interval, true),
	RC("last-member-query-interval 25500 accepted",
	   LAST_MEMBER_QUERY_INTERVAL, 25500, last_member_query_interval,
	   true),
	RC("last-member-query-interval 25501 rejected",
	   LAST_MEMBER_QUERY_INTERVAL, 25501, last_member_query_interval,
	   false),
	RCLEN("last-member-query-interval 1 byte rejected",
	      LAST_MEMBER_QUERY_INTERVAL, 1, last_member_query_interval),

	RC("last-member-query-count 0 rejected", LAST_MEMBER_QUERY_COUNT, 0,
	   last_member_query_count, false),
	RC("last-member-query-count 1 accepted", LAST_MEMBER_QUERY_COUNT, 1,
	   last_member_query_count, true),
	RC("last-member-query-count 7 accepted", LAST_MEMBER_QUERY_COUNT, 7,
	   last_member_query_count, true),
	RC("last-member-query-count 8 rejected", LAST_MEMBER_QUERY_COUNT, 8,
	   last_member_query_count, false),
	RCLEN("last-member-query-count 4 bytes rejected",
	      LAST_MEMBER_QUERY_COUNT, 4, last_member_query_count),

	RC("startup-query-interval 999 rejected", STARTUP_QUERY_INTERVAL, 999,
	   startup_query_interval, false),
	RC("startup-query-interval 1000 accepted", STARTUP_QUERY_INTERVAL,
	   1000, startup_query_interval, true),
	RCX("startup-query-interval 31744000 accepted", STARTUP_QUERY_INTERVAL,
	    31744000, startup_query_interval, STARTUP_QUERY_COUNT, 1, true),
	RC("startup-query-interval 31744001 rejected", STARTUP_QUERY_INTERVAL,
	   31744001, startup_query_interval, false),
	RCLEN("startup-query-interval 2 bytes rejected",
	      STARTUP_QUERY_INTERVAL, 2, startup_query_interval),

	RC("startup-query-count 0 rejected", STARTUP_QUERY_COUNT, 0,
	   startup_query_count, false),
	RC("startup-query-count 1 accepted", STARTUP_QUERY_COUNT, 1,
	   startup_query_count, true),
	RC("startup-query-count 7 accepted", STARTUP_QUERY_COUNT, 7,
	   startup_query_count, true),
	RC("startup-query-count 8 rejected", STARTUP_QUERY_COUNT, 8,
	   startup_query_count, false),
	RCLEN("startup-query-count 4 bytes rejected", STARTUP_QUERY_COUNT, 4,
	      startup_query_count),

	/* 0-255 covers the whole u8: no value is out of range. */
	RC("ttl-threshold 0 accepted", TTL_THRESHOLD, 0, ttl_threshold, true),
	RC("ttl-threshold 255 accepted", TTL_THRESHOLD, 255, ttl_threshold,
	   true),
	RCLEN("ttl-threshold 4 bytes rejected", TTL_THRESHOLD, 4,
	      ttl_threshold),

	RC("max-groups 0 (unlimited) accepted", MAX_GROUPS, 0, max_groups,
	   true),
	RC("max-groups 1048576 accepted", MAX_GROUPS, 1048576, max_groups,
	   true),
	RC("max-groups 1048577 rejected", MAX_GROUPS, 1048577, max_groups,
	   false),
	RCLEN("max-groups 1 byte rejected", MAX_GROUPS, 1, max_groups),

	RC("querier 0 accepted", QUERIER, 0, querier, true),
	RC("querier 1 accepted", QUERIER, 1, querier, true),
	RC("querier 2 rejected", QUERIER, 2, querier, false),
	RCLEN("querier 4 bytes rejected", QUERIER, 4, querier),

	RC("max-sources 0 rejected", MAX_SOURCES, 0, max_sources, false),
	RC("max-sources 1 accepted", MAX_SOURCES, 1, max_sources, true),
	RC("max-sources 1024 accepted", MAX_SOURCES, 1024, max_sources, true),
	RC("max-sources 1025 rejected", MAX_SOURCES, 1025, max_sources,
	   false),
	RCLEN("max-sources 1 byte rejected", MAX_SOURCES, 1, max_sources),

	RC("fast-leave 1 accepted", FAST_LEAVE, 1, fast_leave, true),
	RC("fast-leave 2 rejected", FAST_LEAVE, 2, fast_leave, false),
	RCLEN("fast-leave 4 bytes rejected", FAST_LEAVE, 4, fast_leave),

	/* Not a field: the flags set the fields they name to 0. */
	RC("derived unknown flag rejected", DERIVED, 8, mode, false),
	RCLEN("derived 1 byte rejected", DERIVED, 1, mode),
};

static void range_desc(const struct range_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(range, range_cases, range_desc);

static void mcr_config_test_range(struct kunit *test)
{
	const struct range_case *c = test->param_value;
	struct msg_ctx *ctx = msg_ctx_new(test);
	static const u8 zeros[8];
	int err;

	if (c->raw)
		KUNIT_ASSERT_EQ(test, 0,
				nla_put(ctx->skb, c->attr, c->raw_len, zeros));
	else
		put_value(test, ctx, c->attr, c->value);
	if (c->extra_attr)
		put_value(test, ctx, c->extra_attr, c->extra_value);

	err = apply(ctx);
	if (c->ok) {
		KUNIT_EXPECT_EQ(test, 0, err);
		KUNIT_EXPECT_EQ(test, c->value,
				get_field(&ctx->cfg, c->offset, c->attr));
	} else {
		/* Rejected by the policy: kernel message, offending attribute. */
		KUNIT_EXPECT_LT(test, err, 0);
		KUNIT_EXPECT_TRUE(test, cfg_unchanged(ctx));
		KUNIT_EXPECT_NOT_NULL(test, ctx->extack._msg);
		KUNIT_EXPECT_NOT_NULL(test, ctx->extack.bad_attr);
	}
	msg_ctx_free(ctx);
}

/* ---- cross-field rules ------------------------------------------------- */

struct attr_val {
	int attr;		/* 0 ends the list */
	u32 value;
};

#define CROSS_MAX	4

struct cross_case {
	const char *desc;
	struct attr_val pre[CROSS_MAX];	/* applied first, must succeed */
	struct attr_val set[CROSS_MAX];
	bool ok;
	int blamed;		/* attribute extack must point at */
};

#define SQI_FLAG	MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL

static const struct cross_case cross_cases[] = {
	{ "query-response-interval equal to query-interval rejected",
	  .set = { { A(QUERY_INTERVAL), 10000 },
		   { A(QUERY_RESPONSE_INTERVAL), 10000 } },
	  .blamed = A(QUERY_RESPONSE_INTERVAL) },
	{ "query-response-interval just below query-interval accepted",
	  .set = { { A(QUERY_INTERVAL), 10000 },
		   { A(QUERY_RESPONSE_INTERVAL), 9999 } },
	  .ok = true },
	{ "query-interval lowered to the query-response-interval rejected",
	  .set = { { A(QUERY_INTERVAL), 10000 } },
	  .blamed = A(QUERY_INTERVAL) },
	{ "IGMPv2 with query-response-interval 25500 accepted",
	  .set = { { A(IGMP_VERSION), 2 },
		   { A(QUERY_RESPONSE_INTERVAL), 25500 } },
	  .ok = true },
	{ "IGMPv2 with query-response-interval 25501 rejected",
	  .set = { { A(IGMP_VERSION), 2 },
		   { A(QUERY_RESPONSE_INTERVAL), 25501 } },
	  .blamed = A(QUERY_RESPONSE_INTERVAL) },
	{ "IGMPv1 with query-response-interval 25600 rejected",
	  .set = { { A(IGMP_VERSION), 1 },
		   { A(QUERY_RESPONSE_INTERVAL), 25600 } },
	  .blamed = A(QUERY_RESPONSE_INTERVAL) },
	{ "IGMPv3 with query-response-interval 25600 accepted",
	  .set = { { A(IGMP_VERSION), 3 },
		   { A(QUERY_RESPONSE_INTERVAL), 25600 } },
	  .ok = true },
	{ "switch to IGMPv1 with query-response-interval 30000 rejected",
	  .pre = { { A(QUERY_RESPONSE_INTERVAL), 30000 } },
	  .set = { { A(IGMP_VERSION), 1 } },
	  .blamed = A(IGMP_VERSION) },
	{ "MLDv1 with query-response-interval 65535 accepted",
	  .set = { { A(MLD_VERSION), 1 },
		   { A(QUERY_RESPONSE_INTERVAL), 65535 } },
	  .ok = true },
	{ "MLDv1 with query-response-interval 65536 rejected",
	  .set = { { A(MLD_VERSION), 1 },
		   { A(QUERY_RESPONSE_INTERVAL), 65536 } },
	  .blamed = A(QUERY_RESPONSE_INTERVAL) },
	{ "MLDv2 with query-response-interval 65536 accepted",
	  .set = { { A(MLD_VERSION), 2 },
		   { A(QUERY_RESPONSE_INTERVAL), 65536 } },
	  .ok = true },
	{ "switch to MLDv1 with query-response-interval 70000 rejected",
	  .pre = { { A(QUERY_RESPONSE_INTERVAL), 70000 } },
	  .set = { { A(MLD_VERSION), 1 } },
	  .blamed = A(MLD_VERSION) },
	{ "valid mode with an invalid rule changes nothing",
	  .set = { { A(MODE), MCAST_ROUTER_MODE_ROUTER },
		   { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 5000 } },
	  .blamed = A(QUERY_RESPONSE_INTERVAL) },

	/* No membership expires between this router's own queries. */
	{ "query-interval 5s with the derived startup interval accepted",
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 } },
	  .ok = true },
	{ "query-interval 5s with startup-query-interval 31.25s rejected",
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 31250 } },
	  .blamed = A(STARTUP_QUERY_INTERVAL) },
	{ "explicit 31.25s kept, query-interval lowered to 5s rejected",
	  .pre = { { A(STARTUP_QUERY_INTERVAL), 31250 } },
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 } },
	  .blamed = A(QUERY_INTERVAL) },
	{ "explicit 31.25s, query-interval 5s and derived again accepted",
	  .pre = { { A(STARTUP_QUERY_INTERVAL), 31250 } },
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(DERIVED), SQI_FLAG } },
	  .ok = true },
	{ "startup interval just below other querier present accepted",
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 10499 } },
	  .ok = true },
	{ "startup interval equal to other querier present rejected",
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 10500 } },
	  .blamed = A(STARTUP_QUERY_INTERVAL) },
	{ "one startup query with a long interval accepted",
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 31250 },
		   { A(STARTUP_QUERY_COUNT), 1 } },
	  .ok = true },
	{ "startup-query-count raised to 2 with a long interval rejected",
	  .pre = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 31250 },
		   { A(STARTUP_QUERY_COUNT), 1 } },
	  .set = { { A(STARTUP_QUERY_COUNT), 2 } },
	  .blamed = A(STARTUP_QUERY_COUNT) },
	{ "robustness lowered under the startup interval rejected",
	  .pre = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 10000 },
		   { A(STARTUP_QUERY_COUNT), 2 } },
	  .set = { { A(ROBUSTNESS), 1 } },
	  .blamed = A(ROBUSTNESS) },
	{ "robustness 1 with a derived startup count: one query, accepted",
	  .pre = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 10000 } },
	  .set = { { A(ROBUSTNESS), 1 } },
	  .ok = true },

	/* A value given with its derived flag must be the derived one. */
	{ "derived flag with the derived value accepted",
	  .set = { { A(QUERY_INTERVAL), 5000 },
		   { A(QUERY_RESPONSE_INTERVAL), 1000 },
		   { A(STARTUP_QUERY_INTERVAL), 1250 },
		   { A(DERIVED), SQI_FLAG } },
	  .ok = true },
	{ "derived flag with another value rejected",
	  .set = { { A(STARTUP_QUERY_INTERVAL), 2000 },
		   { A(DERIVED), SQI_FLAG } },
	  .blamed = A(STARTUP_QUERY_INTERVAL) },
	{ "derived count flag with another count rejected",
	  .set = { { A(LAST_MEMBER_QUERY_COUNT), 3 },
		   { A(DERIVED),
		     MCAST_ROUTER_DERIVED_LAST_MEMBER_QUERY_COUNT } },
	  .blamed = A(LAST_MEMBER_QUERY_COUNT) },
};

static void cross_desc(const struct cross_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cross, cross_cases, cross_desc);

static void put_list(struct kunit *test, struct msg_ctx *ctx,
		     const struct attr_val *list)
{
	int i;

	for (i = 0; i < CROSS_MAX && list[i].attr; i++)
		put_value(test, ctx, list[i].attr, list[i].value);
}

static void mcr_config_test_cross(struct kunit *test)
{
	const struct cross_case *c = test->param_value;
	struct msg_ctx *ctx = msg_ctx_new(test);
	int err;

	if (c->pre[0].attr) {
		struct msg_ctx *pre = msg_ctx_new(test);

		put_list(test, pre, c->pre);
		KUNIT_ASSERT_EQ(test, 0, apply(pre));
		ctx->cfg = pre->cfg;
		msg_ctx_free(pre);
	}

	put_list(test, ctx, c->set);
	err = apply(ctx);
	if (c->ok) {
		KUNIT_EXPECT_EQ(test, 0, err);
		KUNIT_EXPECT_NULL(test, ctx->extack._msg);
	} else {
		KUNIT_EXPECT_EQ(test, -EINVAL, err);
		KUNIT_EXPECT_TRUE(test, cfg_unchanged(ctx));
		KUNIT_EXPECT_NOT_NULL(test, ctx->extack._msg);
		KUNIT_EXPECT_PTR_EQ(test,
				    (const struct nlattr *)nlmsg_find_attr(ctx->nlh, 0, c->blamed),
				    ctx->extack.bad_attr);
	}
	msg_ctx_free(ctx);
}

/* Everything mcr_config_fill() emits is accepted back by IFACE_SET. */
static void mcr_config_test_fill_roundtrip(struct kunit *test)
{
	struct msg_ctx *src = msg_ctx_new(test);
	struct msg_ctx *dst = msg_ctx_new(test);
	static const u8 grp[4] = { 239, 192, 0, 0 };
	struct nlattr *nest, *entry;

	put_value(test, src, A(MODE), MCAST_ROUTER_MODE_PROXY);
	put_value(test, src, A(TTL_THRESHOLD), 64);
	put_value(test, src, A(MAX_GROUPS), 0);
	nest = nla_nest_start(src->skb, A(BOUNDARIES));
	entry = nla_nest_start(src->skb, MCAST_ROUTER_A_BOUNDARIES_ENTRY);
	KUNIT_ASSERT_NOT_NULL(test, entry);
	KUNIT_ASSERT_EQ(test, 0, nla_put_u16(src->skb,
					     MCAST_ROUTER_A_PREFIX_FAMILY,
					     AF_INET));
	KUNIT_ASSERT_EQ(test, 0, nla_put(src->skb, MCAST_ROUTER_A_PREFIX_ADDR,
					 sizeof(grp), grp));
	KUNIT_ASSERT_EQ(test, 0, nla_put_u8(src->skb,
					    MCAST_ROUTER_A_PREFIX_LEN, 14));
	nla_nest_end(src->skb, entry);
	nla_nest_end(src->skb, nest);
	KUNIT_ASSERT_EQ(test, 0, apply(src));

	KUNIT_ASSERT_EQ(test, 0, mcr_config_fill(dst->skb, &src->cfg));
	KUNIT_ASSERT_EQ(test, 0, apply(dst));
	KUNIT_EXPECT_LE(test, (size_t)nlmsg_attrlen(dst->nlh, 0),
			mcr_config_fill_size());
	KUNIT_EXPECT_EQ(test, 0, memcmp(&src->cfg, &dst->cfg,
					offsetof(struct mcr_iface_cfg, rcu)));
	msg_ctx_free(src);
	msg_ctx_free(dst);
}

/* The u32 or u8 value of @attr in a filled message. */
static u32 filled(struct kunit *test, struct msg_ctx *ctx, int attr)
{
	const struct nlattr *a = nlmsg_find_attr(ctx->nlh, 0, attr);

	KUNIT_ASSERT_NOT_NULL(test, a);
	return nla_len(a) == sizeof(u8) ? nla_get_u8(a) : nla_get_u32(a);
}

/*
 * Derived values follow the query interval and the robustness, replies
 * carry them as in effect with DERIVED naming them, an explicit value
 * stays explicit across changes, and the DERIVED flag derives it again.
 */
static void mcr_config_test_derived(struct kunit *test)
{
	struct msg_ctx *ctx = msg_ctx_new(test);
	struct msg_ctx *out = msg_ctx_new(test);

	put_value(test, ctx, A(QUERY_INTERVAL), 5000);
	put_value(test, ctx, A(QUERY_RESPONSE_INTERVAL), 1000);
	put_value(test, ctx, A(ROBUSTNESS), 3);
	KUNIT_ASSERT_EQ(test, 0, apply(ctx));
	KUNIT_ASSERT_EQ(test, 0, mcr_config_fill(out->skb, &ctx->cfg));
	nlmsg_end(out->skb, out->nlh);
	KUNIT_EXPECT_EQ(test, 1250U, filled(test, out, A(STARTUP_QUERY_INTERVAL)));
	KUNIT_EXPECT_EQ(test, 3U, filled(test, out, A(STARTUP_QUERY_COUNT)));
	KUNIT_EXPECT_EQ(test, 3U, filled(test, out, A(LAST_MEMBER_QUERY_COUNT)));
	KUNIT_EXPECT_EQ(test, (u32)MCR_DERIVED_ALL, filled(test, out, A(DERIVED)));
	msg_ctx_free(ctx);
	msg_ctx_free(out);

	/* Explicit: kept when the query interval changes. */
	ctx = msg_ctx_new(test);
	put_value(test, ctx, A(STARTUP_QUERY_INTERVAL), 2000);
	put_value(test, ctx, A(LAST_MEMBER_QUERY_COUNT), 4);
	KUNIT_ASSERT_EQ(test, 0, apply(ctx));
	out = msg_ctx_new(test);
	out->cfg = ctx->cfg;
	msg_ctx_free(ctx);
	put_value(test, out, A(QUERY_INTERVAL), 60000);
	KUNIT_ASSERT_EQ(test, 0, apply(out));
	KUNIT_EXPECT_EQ(test, 2000U, out->cfg.startup_query_interval);
	KUNIT_EXPECT_EQ(test, 4, out->cfg.last_member_query_count);
	KUNIT_EXPECT_EQ(test, (u32)MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT,
			mcr_config_derived(&out->cfg));

	/* The flag derives it again; the other explicit value stays. */
	ctx = msg_ctx_new(test);
	ctx->cfg = out->cfg;
	msg_ctx_free(out);
	put_value(test, ctx, A(DERIVED),
		  MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL);
	KUNIT_ASSERT_EQ(test, 0, apply(ctx));
	KUNIT_EXPECT_EQ(test, 0U, ctx->cfg.startup_query_interval);
	KUNIT_EXPECT_EQ(test, 4, ctx->cfg.last_member_query_count);
	msg_ctx_free(ctx);
}

/* A refusal of the startup interval names the values (6.2+: formatted). */
static void mcr_config_test_gap_message(struct kunit *test)
{
	static const struct {
		u32 sqi;
		const char *msg;
	} cases[] = {
		{ 31250,
		  "startup-query-interval 31250ms >= group membership interval 11000ms" },
		{ 10500,
		  "startup-query-interval 10500ms >= other querier present interval 10500ms" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct msg_ctx *ctx = msg_ctx_new(test);

		put_value(test, ctx, A(QUERY_INTERVAL), 5000);
		put_value(test, ctx, A(QUERY_RESPONSE_INTERVAL), 1000);
		put_value(test, ctx, A(STARTUP_QUERY_INTERVAL), cases[i].sqi);
		KUNIT_EXPECT_EQ(test, -EINVAL, apply(ctx));
		KUNIT_EXPECT_TRUE(test, cfg_unchanged(ctx));
		KUNIT_ASSERT_NOT_NULL(test, ctx->extack._msg);
#ifdef NL_SET_ERR_MSG_FMT
		KUNIT_EXPECT_STREQ(test, cases[i].msg, ctx->extack._msg);
#else
		KUNIT_EXPECT_NOT_NULL(test, strstr(ctx->extack._msg,
						   "startup-query-interval"));
#endif
		msg_ctx_free(ctx);
	}
}

static struct kunit_case mcr_config_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_config_test_default, default_gen_params),
	KUNIT_CASE_PARAM(mcr_config_test_range, range_gen_params),
	KUNIT_CASE_PARAM(mcr_config_test_cross, cross_gen_params),
	KUNIT_CASE(mcr_config_test_fill_roundtrip),
	KUNIT_CASE(mcr_config_test_derived),
	KUNIT_CASE(mcr_config_test_gap_message),
	{}
};

static struct kunit_suite mcr_config_test_suite = {
	.name = "mcast_router_config",
	.test_cases = mcr_config_test_cases,
};

/* ---- boundary prefixes ------------------------------------------------- */

struct bnd {
	u16 family;
	u8 alen;
	u8 addr[16];
	u8 len;
	int omit;		/* MCAST_ROUTER_A_PREFIX_* not to put, or 0 */
};

struct bnd_case {
	const char *desc;
	unsigned int n;
	struct bnd b[3];
	unsigned int generate;	/* > 0: that many distinct 239.x.0.0/16 */
	bool wrong_type;	/* entries not of type ..._BOUNDARIES_ENTRY */
	int err;
};

#define V4(_a, _b, _c, _d, _len) \
	{ .family = AF_INET, .alen = 4, .addr = { _a, _b, _c, _d }, .len = _len }
#define V6(_b0, _b1, _last, _len) \
	{ .family = AF_INET6, .alen = 16, .addr = { _b0, _b1, [15] = _last }, \
	  .len = _len }

static const struct bnd_case bnd_cases[] = {
	{ "IPv4 239.0.0.0/8 accepted", 1, { V4(239, 0, 0, 0, 8) } },
	{ "IPv4 224.0.0.0/4 accepted", 1, { V4(224, 0, 0, 0, 4) } },
	{ "IPv4 239.1.2.3/32 accepted", 1, { V4(239, 1, 2, 3, 32) } },
	{ "IPv4 host bits set rejected", 1, { V4(239, 1, 0, 0, 8) },
	  .err = -EINVAL },
	{ "IPv4 non-multicast rejected", 1, { V4(10, 0, 0, 0, 8) },
	  .err = -EINVAL },
	{ "IPv4 length 3 rejected", 1, { V4(224, 0, 0, 0, 3) },
	  .err = -EINVAL },
	{ "IPv4 length 33 rejected", 1, { V4(239, 1, 2, 3, 33) },
	  .err = -EINVAL },
	{ "IPv4 with 16-byte address rejected", 1,
	  { { .family = AF_INET, .alen = 16, .addr = { 239 }, .len = 8 } },
	  .err = -EINVAL },
	{ "IPv6 ff05::/16 accepted", 1, { V6(0xff, 0x05, 0, 16) } },
	{ "IPv6 ff00::/8 accepted", 1, { V6(0xff, 0x00, 0, 8) } },
	{ "IPv6 ff15::1/128 accepted", 1, { V6(0xff, 0x15, 1, 128) } },
	{ "IPv6 host bits set rejected", 1, { V6(0xff, 0x05, 1, 16) },
	  .err = -EINVAL },
	{ "IPv6 non-multicast rejected", 1, { V6(0x20, 0x01, 0, 16) },
	  .err = -EINVAL },
	{ "IPv6 length 7 rejected", 1, { V6(0xff, 0x00, 0, 7) },
	  .err = -EINVAL },
	{ "IPv6 length 129 rejected (policy)", 1, { V6(0xff, 0x00, 0, 129) },
	  .err = -ERANGE },
	{ "IPv6 with 4-byte address rejected", 1,
	  { { .family = AF_INET6, .alen = 4, .addr = { 0xff }, .len = 8 } },
	  .err = -EINVAL },
	{ "address longer than 16 bytes rejected (policy)", 1,
	  { { .family = AF_INET6, .alen = 17, .addr = { 0xff }, .len = 8 } },
	  .err = -ERANGE },
	{ "family AF_PACKET rejected", 1,
	  { { .family = AF_PACKET, .alen = 4, .addr = { 239 }, .len = 8 } },
	  .err = -EINVAL },
	{ "missing family rejected", 1,
	  { { .family = AF_INET, .alen = 4, .addr = { 239 }, .len = 8,
	      .omit = MCAST_ROUTER_A_PREFIX_FAMILY } }, .err = -EINVAL },
	{ "missing address rejected", 1,
	  { { .family = AF_INET, .alen = 4, .addr = { 239 }, .len = 8,
	      .omit = MCAST_ROUTER_A_PREFIX_ADDR } }, .err = -EINVAL },
	{ "missing length rejected", 1,
	  { { .family = AF_INET, .alen = 4, .addr = { 239 }, .len = 8,
	      .omit = MCAST_ROUTER_A_PREFIX_LEN } }, .err = -EINVAL },
	{ "duplicate IPv4 prefix rejected", 2,
	  { V4(239, 0, 0, 0, 8), V4(239, 0, 0, 0, 8) }, .err = -EEXIST },
	{ "duplicate IPv6 prefix rejected", 2,
	  { V6(0xff, 0x05, 0, 16), V6(0xff, 0x05, 0, 16) }, .err = -EEXIST },
	{ "same address, other length accepted", 2,
	  { V4(239, 0, 0, 0, 8), V4(239, 0, 0, 0, 16) } },
	{ "IPv4 and IPv6 together accepted", 3,
	  { V4(239, 0, 0, 0, 8), V6(0xff, 0x05, 0, 16),
	    V6(0xff, 0x08, 0, 16) } },
	{ "32 boundaries accepted", .generate = 32 },
	{ "33 boundaries rejected", .generate = 33, .err = -E2BIG },
	{ "entry of the wrong type rejected", 1, { V4(239, 0, 0, 0, 8) },
	  .wrong_type = true, .err = -EINVAL },
	{ "empty list accepted", 0 },
};

static void bnd_desc(const struct bnd_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(bnd, bnd_cases, bnd_desc);

static void put_bnd(struct kunit *test, struct msg_ctx *ctx,
		    const struct bnd *b, bool wrong_type)
{
	struct nlattr *entry;

	entry = nla_nest_start(ctx->skb, wrong_type ?
			       MCAST_ROUTER_A_BOUNDARIES_ENTRY + 1 :
			       MCAST_ROUTER_A_BOUNDARIES_ENTRY);
	KUNIT_ASSERT_NOT_NULL(test, entry);
	if (b->omit != MCAST_ROUTER_A_PREFIX_FAMILY)
		KUNIT_ASSERT_EQ(test, 0,
				nla_put_u16(ctx->skb,
					    MCAST_ROUTER_A_PREFIX_FAMILY,
					    b->family));
	if (b->omit != MCAST_ROUTER_A_PREFIX_ADDR)
		KUNIT_ASSERT_EQ(test, 0,
				nla_put(ctx->skb, MCAST_ROUTER_A_PREFIX_ADDR,
					b->alen, b->addr));
	if (b->omit != MCAST_ROUTER_A_PREFIX_LEN)
		KUNIT_ASSERT_EQ(test, 0,
				nla_put_u8(ctx->skb, MCAST_ROUTER_A_PREFIX_LEN,
					   b->len));
	nla_nest_end(ctx->skb, entry);
}

static void mcr_boundary_test(struct kunit *test)
{
	const struct bnd_case *c = test->param_value;
	struct msg_ctx *ctx = msg_ctx_new(test);
	unsigned int i, n = c->generate ?: c->n;
	struct nlattr *nest;
	int err;

	/* A valid value next to the list: must not be applied on error. */
	put_value(test, ctx, A(MODE), MCAST_ROUTER_MODE_ROUTER);
	nest = nla_nest_start(ctx->skb, A(BOUNDARIES));
	KUNIT_ASSERT_NOT_NULL(test, nest);
	for (i = 0; i < n; i++) {
		struct bnd gen = V4(239, i, 0, 0, 16);

		put_bnd(test, ctx, c->generate ? &gen : &c->b[i],
			c->wrong_type);
	}
	nla_nest_end(ctx->skb, nest);

	err = apply(ctx);
	KUNIT_EXPECT_EQ(test, c->err, err);
	if (!c->err) {
		KUNIT_EXPECT_EQ(test, n, ctx->cfg.n_boundaries);
		KUNIT_EXPECT_EQ(test, MCAST_ROUTER_MODE_ROUTER, ctx->cfg.mode);
		for (i = 0; i < n && !c->generate; i++) {
			KUNIT_EXPECT_EQ(test, c->b[i].family,
					ctx->cfg.boundaries[i].family);
			KUNIT_EXPECT_EQ(test, c->b[i].len,
					ctx->cfg.boundaries[i].len);
			KUNIT_EXPECT_EQ(test, 0,
					memcmp(c->b[i].addr,
					       &ctx->cfg.boundaries[i].addr,
					       c->b[i].alen));
		}
	} else {
		KUNIT_EXPECT_TRUE(test, cfg_unchanged(ctx));
		KUNIT_EXPECT_NOT_NULL(test, ctx->extack._msg);
	}
	msg_ctx_free(ctx);
}

/* A BOUNDARIES attribute replaces the list; an empty one clears it. */
static void mcr_boundary_test_replace(struct kunit *test)
{
	static const struct bnd one = V4(239, 0, 0, 0, 8);
	static const struct bnd two = V6(0xff, 0x05, 0, 16);
	struct msg_ctx *ctx = msg_ctx_new(test);
	struct mcr_iface_cfg cfg;
	struct nlattr *nest;

	nest = nla_nest_start(ctx->skb, A(BOUNDARIES));
	put_bnd(test, ctx, &one, false);
	put_bnd(test, ctx, &two, false);
	nla_nest_end(ctx->skb, nest);
	KUNIT_ASSERT_EQ(test, 0, apply(ctx));
	KUNIT_ASSERT_EQ(test, 2, ctx->cfg.n_boundaries);
	cfg = ctx->cfg;
	msg_ctx_free(ctx);

	/* A SET without BOUNDARIES keeps the list. */
	ctx = msg_ctx_new(test);
	ctx->cfg = cfg;
	put_value(test, ctx, A(TTL_THRESHOLD), 8);
	KUNIT_ASSERT_EQ(test, 0, apply(ctx));
	KUNIT_EXPECT_EQ(test, 2, ctx->cfg.n_boundaries);
	cfg = ctx->cfg;
	msg_ctx_free(ctx);

	/* A new list replaces the old one. */
	ctx = msg_ctx_new(test);
	ctx->cfg = cfg;
	nest = nla_nest_start(ctx->skb, A(BOUNDARIES));
	put_bnd(test, ctx, &two, false);
	nla_nest_end(ctx->skb, nest);
	KUNIT_ASSERT_EQ(test, 0, apply(ctx));
	KUNIT_EXPECT_EQ(test, 1, ctx->cfg.n_boundaries);
	KUNIT_EXPECT_EQ(test, AF_INET6, ctx->cfg.boundaries[0].family);
	cfg = ctx->cfg;
	msg_ctx_free(ctx);

	/* An empty nest clears it. */
	ctx = msg_ctx_new(test);
	ctx->cfg = cfg;
	nest = nla_nest_start(ctx->skb, A(BOUNDARIES));
	nla_nest_end(ctx->skb, nest);
	KUNIT_ASSERT_EQ(test, 0, apply(ctx));
	KUNIT_EXPECT_EQ(test, 0, ctx->cfg.n_boundaries);
	msg_ctx_free(ctx);
}

static struct kunit_case mcr_boundary_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_boundary_test, bnd_gen_params),
	KUNIT_CASE(mcr_boundary_test_replace),
	{}
};

static struct kunit_suite mcr_boundary_test_suite = {
	.name = "mcast_router_boundary",
	.test_cases = mcr_boundary_test_cases,
};

/* ---- mcr_prefix_contains() --------------------------------------------- */

struct contains_case {
	const char *desc;
	struct bnd prefix;
	struct bnd addr;	/* .len unused */
	bool expected;
};

static const struct contains_case contains_cases[] = {
	{ "239.0.0.0/8 contains 239.1.2.3",
	  V4(239, 0, 0, 0, 8), V4(239, 1, 2, 3, 0), true },
	{ "239.0.0.0/8 excludes 238.1.2.3",
	  V4(239, 0, 0, 0, 8), V4(238, 1, 2, 3, 0), false },
	{ "224.0.0.0/4 contains 239.255.255.250",
	  V4(224, 0, 0, 0, 4), V4(239, 255, 255, 250, 0), true },
	{ "239.192.0.0/14 contains 239.195.255.255",
	  V4(239, 192, 0, 0, 14), V4(239, 195, 255, 255, 0), true },
	{ "239.192.0.0/14 excludes 239.196.0.0",
	  V4(239, 192, 0, 0, 14), V4(239, 196, 0, 0, 0), false },
	{ "239.1.2.3/32 contains itself",
	  V4(239, 1, 2, 3, 32), V4(239, 1, 2, 3, 0), true },
	{ "239.1.2.3/32 excludes 239.1.2.4",
	  V4(239, 1, 2, 3, 32), V4(239, 1, 2, 4, 0), false },
	{ "ff05::/16 contains ff05::3",
	  V6(0xff, 0x05, 0, 16), V6(0xff, 0x05, 3, 0), true },
	{ "ff05::/16 excludes ff02::1",
	  V6(0xff, 0x05, 0, 16), V6(0xff, 0x02, 1, 0), false },
	{ "ff00::/8 contains ff3e::1",
	  V6(0xff, 0x00, 0, 8), V6(0xff, 0x3e, 1, 0), true },
	{ "ff30::/12 contains ff3e::1",
	  V6(0xff, 0x30, 0, 12), V6(0xff, 0x3e, 1, 0), true },
	{ "ff30::/12 excludes ff2e::1",
	  V6(0xff, 0x30, 0, 12), V6(0xff, 0x2e, 1, 0), false },
	{ "ff15::1/128 contains itself",
	  V6(0xff, 0x15, 1, 128), V6(0xff, 0x15, 1, 0), true },
	{ "ff15::1/128 excludes ff15::2",
	  V6(0xff, 0x15, 1, 128), V6(0xff, 0x15, 2, 0), false },
	{ "IPv4 prefix excludes an IPv6 address",
	  V4(224, 0, 0, 0, 4), V6(0xff, 0x00, 0, 0), false },
	{ "IPv6 prefix excludes an IPv4 address",
	  V6(0xff, 0x00, 0, 8), V4(239, 0, 0, 1, 0), false },
};

static void contains_desc(const struct contains_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(contains, contains_cases, contains_desc);

static void mcr_prefix_test_contains(struct kunit *test)
{
	const struct contains_case *c = test->param_value;
	struct mcr_prefix prefix = {
		.family = c->prefix.family,
		.len = c->prefix.len,
	};
	struct mcr_addr addr = {};

	memcpy(&prefix.addr, c->prefix.addr, c->prefix.alen);
	memcpy(&addr, c->addr.addr, c->addr.alen);
	KUNIT_EXPECT_EQ(test, c->expected,
			mcr_prefix_contains(&prefix, c->addr.family, &addr));
}

static struct kunit_case mcr_prefix_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_prefix_test_contains, contains_gen_params),
	{}
};

static struct kunit_suite mcr_prefix_test_suite = {
	.name = "mcast_router_prefix",
	.test_cases = mcr_prefix_test_cases,
};

kunit_test_suites(&mcr_config_test_suite, &mcr_boundary_test_suite,
		  &mcr_prefix_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for mcast_router");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
