// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the derived timer values (timers.c): every formula of
 * RFC 3376 section 8 / RFC 3810 section 9 at the RFC's defaults, at short
 * query intervals (1 s, 5 s), with other robustness values, with explicit
 * values that replace the derived ones, and at the largest values the
 * policy allows; and the querier's general query schedule through the
 * startup phase.
 */

#include <kunit/test.h>
#include <linux/string.h>

#include "../config.h"
#include "../timers.h"

struct timers_case {
	const char *desc;
	/* configured: robustness, QI, QRI, LMQI; 0 below: derived */
	u8 rv;
	u32 qi, qri, lmqi;
	u32 sqi;
	u8 sqc, lmqc;
	/* expected */
	struct mcr_timers t;
};

static const struct timers_case timers_cases[] = {
	{ "RFC defaults", 2, 125000, 10000, 1000, 0, 0, 0,
	  { .gmi = 260000, .oqpi = 255000, .ohpi = 260000, .sqi = 31250,
	    .sqc = 2, .lmqc = 2, .lmqt = 2000, .max_gap = 125000,
	    .qi = 125000 } },
	{ "query-interval 5s, response 1s", 2, 5000, 1000, 1000, 0, 0, 0,
	  { .gmi = 11000, .oqpi = 10500, .ohpi = 11000, .sqi = 1250,
	    .sqc = 2, .lmqc = 2, .lmqt = 2000, .max_gap = 5000,
	    .qi = 5000 } },
	{ "query-interval 1s, response 0.5s", 2, 1000, 500, 100, 0, 0, 0,
	  { .gmi = 2500, .oqpi = 2250, .ohpi = 2500, .sqi = 250,
	    .sqc = 2, .lmqc = 2, .lmqt = 200, .max_gap = 1000,
	    .qi = 1000 } },
	{ "robustness 3 at 5s: counts follow it", 3, 5000, 1000, 1000,
	  0, 0, 0,
	  { .gmi = 16000, .oqpi = 15500, .ohpi = 16000, .sqi = 1250,
	    .sqc = 3, .lmqc = 3, .lmqt = 3000, .max_gap = 5000,
	    .qi = 5000 } },
	{ "robustness 1 at 1s, response 0.1s", 1, 1000, 100, 100, 0, 0, 0,
	  { .gmi = 1100, .oqpi = 1050, .ohpi = 1100, .sqi = 250,
	    .sqc = 1, .lmqc = 1, .lmqt = 100, .max_gap = 1000,
	    .qi = 1000 } },
	{ "explicit values replace the derived ones", 2, 5000, 1000, 500,
	  2000, 4, 5,
	  { .gmi = 11000, .oqpi = 10500, .ohpi = 11000, .sqi = 2000,
	    .sqc = 4, .lmqc = 5, .lmqt = 2500, .max_gap = 5000,
	    .qi = 5000 } },
	{ "startup interval above query interval is the longest gap", 2,
	  5000, 1000, 1000, 8000, 3, 0,
	  { .gmi = 11000, .oqpi = 10500, .ohpi = 11000, .sqi = 8000,
	    .sqc = 3, .lmqc = 2, .lmqt = 2000, .max_gap = 8000,
	    .qi = 5000 } },
	{ "one startup query: its interval is no gap", 2, 5000, 1000, 1000,
	  31250, 1, 0,
	  { .gmi = 11000, .oqpi = 10500, .ohpi = 11000, .sqi = 31250,
	    .sqc = 1, .lmqc = 2, .lmqt = 2000, .max_gap = 5000,
	    .qi = 5000 } },
	{ "largest values do not overflow", 7, 31744000, 3174400, 25500,
	  0, 0, 0,
	  { .gmi = 225382400, .oqpi = 223795200, .ohpi = 225382400,
	    .sqi = 7936000, .sqc = 7, .lmqc = 7, .lmqt = 178500,
	    .max_gap = 31744000, .qi = 31744000 } },
};

static void timers_desc(const struct timers_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(timers, timers_cases, timers_desc);

/* A configuration with the defaults; on the heap (it is large). */
static struct mcr_iface_cfg *cfg_new(struct kunit *test)
{
	struct mcr_iface_cfg *cfg = kunit_kmalloc(test, sizeof(*cfg),
						  GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cfg);
	mcr_config_init(cfg);
	return cfg;
}

static void mcr_timers_test_values(struct kunit *test)
{
	const struct timers_case *c = test->param_value;
	struct mcr_iface_cfg *cfg = cfg_new(test);
	struct mcr_timers t;

	cfg->robustness = c->rv;
	cfg->query_interval = c->qi;
	cfg->query_response_interval = c->qri;
	cfg->last_member_query_interval = c->lmqi;
	cfg->startup_query_interval = c->sqi;
	cfg->startup_query_count = c->sqc;
	cfg->last_member_query_count = c->lmqc;
	memset(&t, 0xa5, sizeof(t));
	mcr_timers_get(cfg, &t);
	KUNIT_EXPECT_EQ(test, c->t.gmi, t.gmi);
	KUNIT_EXPECT_EQ(test, c->t.oqpi, t.oqpi);
	KUNIT_EXPECT_EQ(test, c->t.ohpi, t.ohpi);
	KUNIT_EXPECT_EQ(test, c->t.sqi, t.sqi);
	KUNIT_EXPECT_EQ(test, c->t.sqc, t.sqc);
	KUNIT_EXPECT_EQ(test, c->t.lmqc, t.lmqc);
	KUNIT_EXPECT_EQ(test, c->t.lmqt, t.lmqt);
	KUNIT_EXPECT_EQ(test, c->t.max_gap, t.max_gap);
	KUNIT_EXPECT_EQ(test, c->t.qi, t.qi);
}

/*
 * A non-querier's values: the QRV and QQI heard replace robustness and
 * query interval in every formula; 0 keeps the configured ones.
 */
static void mcr_timers_test_heard(struct kunit *test)
{
	struct mcr_iface_cfg *cfg = cfg_new(test);
	struct mcr_timers t;

	cfg->query_interval = 5000;
	cfg->query_response_interval = 1000;
	mcr_timers_heard(cfg, 3, 125000, &t);
	KUNIT_EXPECT_EQ(test, 376000U, t.gmi);
	KUNIT_EXPECT_EQ(test, 375500U, t.oqpi);
	KUNIT_EXPECT_EQ(test, 376000U, t.ohpi);
	KUNIT_EXPECT_EQ(test, 3, t.lmqc);
	KUNIT_EXPECT_EQ(test, 3000U, t.lmqt);
	KUNIT_EXPECT_EQ(test, 125000U, t.qi);
	mcr_timers_heard(cfg, 0, 0, &t);
	KUNIT_EXPECT_EQ(test, 11000U, t.gmi);
	KUNIT_EXPECT_EQ(test, 2, t.lmqc);
	mcr_timers_heard(cfg, 0, 20000, &t);
	KUNIT_EXPECT_EQ(test, 41000U, t.gmi);
	mcr_timers_heard(cfg, 1, 0, &t);
	KUNIT_EXPECT_EQ(test, 6000U, t.gmi);
}

/* The derived flags name exactly the fields at 0. */
static void mcr_timers_test_derived_flags(struct kunit *test)
{
	struct mcr_iface_cfg *cfg = cfg_new(test);

	KUNIT_EXPECT_EQ(test, (u32)MCR_DERIVED_ALL, mcr_config_derived(cfg));
	cfg->startup_query_interval = 2000;
	KUNIT_EXPECT_EQ(test, (u32)(MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT |
				    MCAST_ROUTER_DERIVED_LAST_MEMBER_QUERY_COUNT),
			mcr_config_derived(cfg));
	cfg->startup_query_count = 1;
	cfg->last_member_query_count = 3;
	KUNIT_EXPECT_EQ(test, 0U, mcr_config_derived(cfg));
}

/*
 * The querier's schedule: startup-query-count general queries, the
 * startup query interval apart, then the query interval (RFC 3376 8.7).
 * @gaps: the gaps after each of the first @n queries.
 */
static void expect_schedule(struct kunit *test, u8 sqc, const u32 *gaps,
			    unsigned int n)
{
	struct mcr_iface_cfg *cfg = cfg_new(test);
	struct mcr_timers t;
	unsigned int i;
	u8 left;

	cfg->query_interval = 5000;
	cfg->query_response_interval = 1000;
	cfg->startup_query_count = sqc;
	mcr_timers_get(cfg, &t);
	left = t.sqc;
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, gaps[i],
				    mcr_timers_query_sent(&t, &left),
				    "gap after query %u, %u startup queries",
				    i + 1, sqc);
	KUNIT_EXPECT_EQ(test, 0, left);
}

static void mcr_timers_test_schedule(struct kunit *test)
{
	static const u32 one[] = { 5000, 5000 };
	static const u32 two[] = { 1250, 5000, 5000 };
	static const u32 three[] = { 1250, 1250, 5000 };
	struct mcr_timers t = { .sqi = 1250, .qi = 5000 };

	expect_schedule(test, 1, one, ARRAY_SIZE(one));
	expect_schedule(test, 2, two, ARRAY_SIZE(two));
	expect_schedule(test, 3, three, ARRAY_SIZE(three));
	/* The gap before the pending query, as a change bounds it. */
	KUNIT_EXPECT_EQ(test, 1250U, mcr_timers_gap(&t, 1));
	KUNIT_EXPECT_EQ(test, 5000U, mcr_timers_gap(&t, 0));
}

static struct kunit_case mcr_timers_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_timers_test_values, timers_gen_params),
	KUNIT_CASE(mcr_timers_test_heard),
	KUNIT_CASE(mcr_timers_test_derived_flags),
	KUNIT_CASE(mcr_timers_test_schedule),
	{}
};

static struct kunit_suite mcr_timers_test_suite = {
	.name = "mcast_router_timers",
	.test_cases = mcr_timers_test_cases,
};

kunit_test_suite(mcr_timers_test_suite);
