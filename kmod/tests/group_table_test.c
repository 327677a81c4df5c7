// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for an interface's membership table (group_table.c): groups come
 * with their first record and go when nothing is left of them, one timer
 * per group at the state's next deadline, the group limit refuses new
 * groups and changes nothing, and the table is torn down with timers
 * armed. The timers are set far in the future and driven through
 * mcr_gtable_expire(), so no test waits.
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/jiffies.h>
#include <linux/socket.h>

#include "../group_table.h"
#include "../sfilter.h"

#define GMI	(1000 * HZ)
#define LMQT	(2 * HZ)

static const struct mcr_gfsm_params params = {
	.gmi = GMI,
	.ohpi = GMI,
	.lmqt = LMQT,
	.lmqc = 2,
	.max_sources = 8,
	.querier = true,
};

/* One IGMPv3 / MLDv2 record, no reporter. */
static int record(struct mcr_gtable *table, const struct mcr_gfsm_params *p,
		  unsigned int max_groups, unsigned long now, u16 family,
		  const struct mcr_addr *group, enum mcr_rec type,
		  const struct mcr_addr *srcs, unsigned int n)
{
	struct mcr_record r = {
		.family = family,
		.group = *group,
		.type = type,
		.level = MCR_COMPAT_V3,
		.srcs = srcs,
		.n = n,
	};

	return mcr_gtable_record(table, p, max_groups, now, &r);
}

static int mcr_gtable_test_init(struct kunit *test)
{
	struct mcr_gtable *table;

	table = kunit_kzalloc(test, sizeof(*table), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, table);
	KUNIT_ASSERT_EQ(test, 0, mcr_gtable_init(table));
	test->priv = table;
	return 0;
}

static void mcr_gtable_test_exit(struct kunit *test)
{
	/* With whatever timers are still armed. */
	mcr_gtable_uninit(test->priv);
}

static struct mcr_addr group4(u8 n)
{
	struct mcr_addr g = {};

	g.ip4 = htonl(0xef010100 | n);	/* 239.1.1.n */
	return g;
}

static struct mcr_addr group6(u8 n)
{
	struct mcr_addr g = {};

	g.ip6.s6_addr[0] = 0xff;
	g.ip6.s6_addr[1] = 0x0e;
	g.ip6.s6_addr[15] = n;		/* ff0e::n */
	return g;
}

/* The timer of a group: pending, and when. */
static void expect_timer(struct kunit *test, struct mcr_gtable *table,
			 u16 family, const struct mcr_addr *g,
			 unsigned long when)
{
	struct mcr_gnode *gn;

	spin_lock_bh(&table->lock);
	gn = mcr_gtable_lookup(table, family, g);
	KUNIT_EXPECT_NOT_NULL(test, gn);
	if (gn) {
		KUNIT_EXPECT_TRUE(test, timer_pending(&gn->timer));
		KUNIT_EXPECT_EQ(test, when, gn->timer.expires);
	}
	spin_unlock_bh(&table->lock);
}

static bool held(struct mcr_gtable *table, u16 family, const struct mcr_addr *g)
{
	bool ret;

	spin_lock_bh(&table->lock);
	ret = mcr_gtable_lookup(table, family, g);
	spin_unlock_bh(&table->lock);
	return ret;
}

/* Join (IS_EX({})), leave (TO_IN({})), last member query time. */
static void mcr_gtable_test_join_leave(struct kunit *test)
{
	struct mcr_gtable *table = test->priv;
	unsigned long now = jiffies;
	struct mcr_addr g4 = group4(1), g6 = group6(1);

	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, now, AF_INET,
					&g4, MCR_REC_IS_EX, NULL, 0));
	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, now,
					AF_INET6, &g6, MCR_REC_IS_EX,
					NULL, 0));
	KUNIT_EXPECT_EQ(test, 2U, table->n_groups);
	expect_timer(test, table, AF_INET, &g4, now + GMI);

	/* The leave lowers the group timer; its expiry deletes the group. */
	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, now, AF_INET,
					&g4, MCR_REC_TO_IN, NULL, 0));
	expect_timer(test, table, AF_INET, &g4, now + LMQT);
	mcr_gtable_expire(table, AF_INET, &g4, now + LMQT - 1);
	KUNIT_EXPECT_TRUE(test, held(table, AF_INET, &g4));
	mcr_gtable_expire(table, AF_INET, &g4, now + LMQT);
	KUNIT_EXPECT_FALSE(test, held(table, AF_INET, &g4));
	KUNIT_EXPECT_EQ(test, 1U, table->n_groups);
	/* The IPv6 group with the same low bits is a different group. */
	KUNIT_EXPECT_TRUE(test, held(table, AF_INET6, &g6));
}

/* Source timers: the group's timer follows the earliest deadline. */
static void mcr_gtable_test_sources(struct kunit *test)
{
	struct mcr_gtable *table = test->priv;
	unsigned long now = jiffies;
	struct mcr_addr g = group6(2), s[2] = {};

	s[0].ip6.s6_addr[0] = 0xfd;
	s[0].ip6.s6_addr[15] = 1;
	s[1] = s[0];
	s[1].ip6.s6_addr[15] = 2;
	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, now,
					AF_INET6, &g, MCR_REC_ALLOW,
					s, 2));
	expect_timer(test, table, AF_INET6, &g, now + GMI);
	/* BLOCK(s1): Q(G,{s1}) lowers s1's timer, so the group's too. */
	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, now + 5,
					AF_INET6, &g, MCR_REC_BLOCK,
					s, 1));
	expect_timer(test, table, AF_INET6, &g, now + 5 + LMQT);
	mcr_gtable_expire(table, AF_INET6, &g, now + 5 + LMQT);
	/* s1 gone, s2 left: the timer moves to s2's deadline. */
	expect_timer(test, table, AF_INET6, &g, now + GMI);
	mcr_gtable_expire(table, AF_INET6, &g, now + GMI);
	KUNIT_EXPECT_FALSE(test, held(table, AF_INET6, &g));
}

/* The group limit refuses a new group and changes nothing. */
static void mcr_gtable_test_limit(struct kunit *test)
{
	struct mcr_gtable *table = test->priv;
	unsigned long now = jiffies;
	struct mcr_addr g;
	unsigned int i;

	for (i = 1; i <= 3; i++) {
		g = group4(i);
		KUNIT_EXPECT_EQ(test, 0,
				record(table, &params, 3, now, AF_INET,
				       &g, MCR_REC_IS_EX, NULL, 0));
	}
	g = group4(4);
	KUNIT_EXPECT_EQ(test, -ENOSPC,
			record(table, &params, 3, now, AF_INET, &g,
			       MCR_REC_IS_EX, NULL, 0));
	KUNIT_EXPECT_EQ(test, 3U, table->n_groups);
	KUNIT_EXPECT_FALSE(test, held(table, AF_INET, &g));
	/* A group already held is still refreshed at the limit. */
	g = group4(2);
	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 3, now + 1,
					AF_INET, &g, MCR_REC_IS_EX,
					NULL, 0));
	expect_timer(test, table, AF_INET, &g, now + 1 + GMI);
	/* 0 means no limit. */
	g = group4(4);
	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, now, AF_INET,
					&g, MCR_REC_IS_EX, NULL, 0));
	KUNIT_EXPECT_EQ(test, 4U, table->n_groups);
}

/* Records that leave nothing create nothing; bad types change nothing. */
static void mcr_gtable_test_nothing(struct kunit *test)
{
	struct mcr_gtable *table = test->priv;
	struct mcr_addr g = group4(9);

	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, jiffies,
					AF_INET, &g, MCR_REC_BLOCK,
					&g, 1));
	KUNIT_EXPECT_EQ(test, 0, record(table, &params, 0, jiffies,
					AF_INET, &g, MCR_REC_TO_IN,
					NULL, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, record(table, &params, 0, jiffies,
					      AF_INET, &g, 0, NULL, 0));
	KUNIT_EXPECT_EQ(test, 0U, table->n_groups);
}

/* What the tests read of an IPv4 group, copied under the lock. */
struct gsnap {
	bool held;
	unsigned int n_hosts;
	unsigned long expires;
	u8 query_left;
};

static struct gsnap snap(struct mcr_gtable *table, const struct mcr_addr *g)
{
	struct gsnap st = {};
	struct mcr_gnode *gn;

	spin_lock_bh(&table->lock);
	gn = mcr_gtable_lookup(table, AF_INET, g);
	if (gn) {
		st.held = true;
		st.n_hosts = gn->n_hosts;
		st.expires = gn->m.expires;
		st.query_left = gn->m.query_left;
	}
	spin_unlock_bh(&table->lock);
	return st;
}

/* A v2 report or leave (@leave) for @g from host 192.0.2.@host. */
static int v2(struct mcr_gtable *table, const struct mcr_gfsm_params *p,
	      unsigned long now, const struct mcr_addr *g, u8 host, bool leave,
	      bool *fast_left)
{
	struct mcr_record r = {
		.family = AF_INET,
		.group = *g,
		.type = leave ? MCR_REC_TO_IN : MCR_REC_IS_EX,
		.level = MCR_COMPAT_V2,
		.leave = leave,
	};
	int ret;

	r.reporter.ip4 = htonl(0xc0000200 | host);
	ret = mcr_gtable_record(table, p, 0, now, &r);
	if (fast_left)
		*fast_left = r.fast_left;
	return ret;
}

/*
 * Two viewers of one channel: with fast-leave the first one's leave
 * changes nothing (no lowered timer, no query), the last one's deletes
 * the group at once. Without it, the RFC procedure lowers the timer.
 */
static void mcr_gtable_test_fast_leave(struct kunit *test)
{
	struct mcr_gfsm_params p = params;
	struct mcr_addr g = group4(7);
	struct mcr_gtable *table = test->priv;
	unsigned long now = jiffies;
	struct gsnap st;
	bool fast;

	p.fast_leave = true;
	KUNIT_ASSERT_EQ(test, 0, v2(table, &p, now, &g, 1, false, NULL));
	KUNIT_ASSERT_EQ(test, 0, v2(table, &p, now, &g, 2, false, NULL));
	/* A refresh from a tracked host adds nobody. */
	KUNIT_ASSERT_EQ(test, 0, v2(table, &p, now + 1, &g, 2, false, NULL));
	KUNIT_EXPECT_EQ(test, 2U, snap(table, &g).n_hosts);

	KUNIT_EXPECT_EQ(test, 0, v2(table, &p, now + 2, &g, 1, true, &fast));
	KUNIT_EXPECT_TRUE(test, fast);
	st = snap(table, &g);
	KUNIT_EXPECT_TRUE(test, st.held);
	KUNIT_EXPECT_EQ(test, 1U, st.n_hosts);
	KUNIT_EXPECT_EQ(test, now + 1 + GMI, st.expires);
	KUNIT_EXPECT_EQ(test, 0, st.query_left);

	/* A leave from a host never tracked does not cut the viewer. */
	KUNIT_EXPECT_EQ(test, 0, v2(table, &p, now + 3, &g, 9, true, NULL));
	KUNIT_EXPECT_TRUE(test, held(table, AF_INET, &g));
	/* The last viewer leaves: gone at once. */
	KUNIT_EXPECT_EQ(test, 0, v2(table, &p, now + 4, &g, 2, true, &fast));
	KUNIT_EXPECT_TRUE(test, fast);
	KUNIT_EXPECT_FALSE(test, held(table, AF_INET, &g));

	/* Without fast-leave: the RFC's lowered timer. */
	p.fast_leave = false;
	KUNIT_ASSERT_EQ(test, 0, v2(table, &p, now, &g, 1, false, NULL));
	KUNIT_ASSERT_EQ(test, 0, v2(table, &p, now, &g, 2, false, NULL));
	KUNIT_EXPECT_EQ(test, 0, v2(table, &p, now + 2, &g, 1, true, &fast));
	KUNIT_EXPECT_FALSE(test, fast);
	expect_timer(test, table, AF_INET, &g, now + 2 + LMQT);
}

/* Interest lapses after the GMI; a host that lapsed is not counted. */
static void mcr_gtable_test_hosts_expire(struct kunit *test)
{
	struct mcr_gfsm_params p = params;
	struct mcr_addr g = group4(8);
	struct mcr_gtable *table = test->priv;
	unsigned long now = jiffies;

	p.fast_leave = true;
	KUNIT_ASSERT_EQ(test, 0, v2(table, &p, now, &g, 1, false, NULL));
	KUNIT_ASSERT_EQ(test, 0, v2(table, &p, now + GMI - 10, &g, 2, false,
				    NULL));
	/* Host 1 lapsed at now + GMI: host 2's leave is the last one. */
	KUNIT_EXPECT_EQ(test, 0, v2(table, &p, now + GMI, &g, 2, true, NULL));
	KUNIT_EXPECT_FALSE(test, held(table, AF_INET, &g));
}

/* Static membership: any source or one, beside the hosts', no expiry. */
static void mcr_gtable_test_static(struct kunit *test)
{
	struct mcr_addr g = group4(9), s1 = group4(0), s2 = group4(0);
	struct mcr_gtable *table = test->priv;
	unsigned long now = jiffies;
	struct mcr_gnode *gn;
	bool w1, w2;

	s1.ip4 = htonl(0x0a000001);
	s2.ip4 = htonl(0x0a000002);
	KUNIT_EXPECT_EQ(test, -ENOENT,
			mcr_gtable_static(table, 0, 8, AF_INET, &g,
					  NULL, false));
	KUNIT_EXPECT_EQ(test, 0,
			mcr_gtable_static(table, 0, 8, AF_INET, &g,
					  &s1, true));
	KUNIT_EXPECT_EQ(test, -EEXIST,
			mcr_gtable_static(table, 0, 8, AF_INET, &g,
					  &s1, true));
	KUNIT_EXPECT_EQ(test, -ENOSPC,
			mcr_gtable_static(table, 0, 1, AF_INET, &g, &s2, true));
	spin_lock_bh(&table->lock);
	gn = mcr_gtable_lookup(table, AF_INET, &g);
	w1 = gn && mcr_gtable_wants(gn, &s1);
	w2 = gn && mcr_gtable_wants(gn, &s2);
	spin_unlock_bh(&table->lock);
	KUNIT_EXPECT_TRUE(test, w1);
	KUNIT_EXPECT_FALSE(test, w2);

	/* A host joins and leaves: the static source stays. */
	KUNIT_ASSERT_EQ(test, 0, v2(table, &params, now, &g, 1, false, NULL));
	KUNIT_ASSERT_EQ(test, 0, v2(table, &params, now, &g, 1, true, NULL));
	mcr_gtable_expire(table, AF_INET, &g, now + GMI + LMQT);
	KUNIT_EXPECT_TRUE(test, held(table, AF_INET, &g));

	/* Any source, then both removed: the group goes. */
	KUNIT_EXPECT_EQ(test, 0,
			mcr_gtable_static(table, 0, 8, AF_INET, &g,
					  NULL, true));
	KUNIT_EXPECT_EQ(test, 0,
			mcr_gtable_static(table, 0, 8, AF_INET, &g,
					  &s1, false));
	KUNIT_EXPECT_TRUE(test, held(table, AF_INET, &g));
	KUNIT_EXPECT_EQ(test, 0,
			mcr_gtable_static(table, 0, 8, AF_INET, &g,
					  NULL, false));
	KUNIT_EXPECT_FALSE(test, held(table, AF_INET, &g));
	/* The group limit applies. */
	KUNIT_EXPECT_EQ(test, 0, v2(table, &params, now, &g, 1, false, NULL));
	g = group4(10);
	KUNIT_EXPECT_EQ(test, -ENOSPC,
			mcr_gtable_static(table, 1, 8, AF_INET, &g,
					  NULL, true));
}

static struct mcr_addr src6(u8 n)
{
	struct mcr_addr a = {};

	a.ip6.s6_addr[0] = 0xfd;
	a.ip6.s6_addr[15] = n;		/* fd00::n */
	return a;
}

/* The filter the interface wants for a group, checked against @mode, @ids. */
static void expect_sfilter(struct kunit *test, struct mcr_gtable *table,
			   const struct mcr_addr *g, u8 mode, const u8 *ids,
			   unsigned int n)
{
	struct mcr_sfilter f, want;
	struct mcr_gnode *gn;
	struct mcr_addr a;
	unsigned int i;
	int err = -ENOENT;

	KUNIT_ASSERT_EQ(test, 0, mcr_sfilter_init(&f, AF_INET6, 16,
						  GFP_KERNEL));
	KUNIT_ASSERT_EQ(test, 0, mcr_sfilter_init(&want, AF_INET6, 16,
						  GFP_KERNEL));
	want.mode = mode;
	for (i = 0; i < n; i++) {
		a = src6(ids[i]);
		KUNIT_ASSERT_EQ(test, 0, mcr_sfilter_add(&want, &a));
	}
	spin_lock_bh(&table->lock);
	gn = mcr_gtable_lookup(table, AF_INET6, g);
	if (gn)
		err = mcr_gtable_sfilter(gn, &f);
	spin_unlock_bh(&table->lock);
	KUNIT_EXPECT_EQ(test, 0, err);
	KUNIT_EXPECT_EQ(test, mode, f.mode);
	KUNIT_EXPECT_EQ(test, n, f.n);
	KUNIT_EXPECT_TRUE(test, mcr_sfilter_equal(&f, &want));
	mcr_sfilter_free(&f);
	mcr_sfilter_free(&want);
}

/*
 * What the proxy merges: INCLUDE lists the running sources and the
 * static ones; EXCLUDE lists the exclude list (stopped timers) but not a
 * static source; static any-source is EXCLUDE({}).
 */
static void mcr_gtable_test_sfilter(struct kunit *test)
{
	struct mcr_addr g1 = group6(11), g2 = group6(12), g3 = group6(13);
	struct mcr_addr s[4] = { src6(1), src6(2), src6(3), src6(4) };
	static const u8 inc12[] = { 1, 2 }, inc123[] = { 1, 2, 3 };
	static const u8 exc12[] = { 1, 2 }, exc2[] = { 2 };
	struct mcr_gtable *table = test->priv;
	unsigned long now = jiffies;

	KUNIT_ASSERT_EQ(test, 0, record(table, &params, 0, now, AF_INET6, &g1,
					MCR_REC_IS_IN, s, 2));
	expect_sfilter(test, table, &g1, MCR_FILTER_INCLUDE, inc12, 2);
	KUNIT_ASSERT_EQ(test, 0, mcr_gtable_static(table, 0, 8, AF_INET6, &g1,
						   &s[2], true));
	expect_sfilter(test, table, &g1, MCR_FILTER_INCLUDE, inc123, 3);

	KUNIT_ASSERT_EQ(test, 0, record(table, &params, 0, now, AF_INET6, &g2,
					MCR_REC_IS_EX, s, 2));
	expect_sfilter(test, table, &g2, MCR_FILTER_EXCLUDE, exc12, 2);
	/* ALLOW in EXCLUDE mode: a running source, not excluded. */
	KUNIT_ASSERT_EQ(test, 0, record(table, &params, 0, now, AF_INET6, &g2,
					MCR_REC_ALLOW, &s[3], 1));
	expect_sfilter(test, table, &g2, MCR_FILTER_EXCLUDE, exc12, 2);
	KUNIT_ASSERT_EQ(test, 0, mcr_gtable_static(table, 0, 8, AF_INET6, &g2,
						   &s[0], true));
	expect_sfilter(test, table, &g2, MCR_FILTER_EXCLUDE, exc2, 1);

	KUNIT_ASSERT_EQ(test, 0, mcr_gtable_static(table, 0, 8, AF_INET6, &g3,
						   NULL, true));
	expect_sfilter(test, table, &g3, MCR_FILTER_EXCLUDE, NULL, 0);
}

static struct kunit_case mcr_gtable_test_cases[] = {
	KUNIT_CASE(mcr_gtable_test_sfilter),
	KUNIT_CASE(mcr_gtable_test_static),
	KUNIT_CASE(mcr_gtable_test_fast_leave),
	KUNIT_CASE(mcr_gtable_test_hosts_expire),
	KUNIT_CASE(mcr_gtable_test_join_leave),
	KUNIT_CASE(mcr_gtable_test_sources),
	KUNIT_CASE(mcr_gtable_test_limit),
	KUNIT_CASE(mcr_gtable_test_nothing),
	{}
};

static struct kunit_suite mcr_gtable_test_suite = {
	.name = "mcast_router_group_table",
	.init = mcr_gtable_test_init,
	.exit = mcr_gtable_test_exit,
	.test_cases = mcr_gtable_test_cases,
};

kunit_test_suite(mcr_gtable_test_suite);
