// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the membership state machine (group_fsm.c): every row of RFC
 * 3376 sections 6.4.1 (INCLUDE) and 6.4.2 (EXCLUDE), with the queries
 * those rows send (timers lowered to LMQT, retransmissions armed) as in
 * 6.6.3, run once with IPv4 and once with IPv6 addresses; the timers of
 * 6.5; the source limit; what is forwarded.
 *
 * Sources are small numbers: n is 10.0.0.n or fd00::n. Timers are written
 * as the value they must have after the report, relative to NOW.
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/slab.h>
#include <linux/socket.h>

#include "../group_fsm.h"

#define NOW	1000000UL
#define GMI	260000UL
#define LMQT	2000UL
#define LMQC	2
#define OLD	50000UL		/* the sources' timers before the report */
#define GRP	100000UL	/* the group timer before the report */

/* Timer classes of a source (or of the group timer). */
enum {
	T_ZERO = 1,	/* stopped: in EXCLUDE mode, the exclude list Y */
	T_OLD,		/* unchanged: NOW + OLD */
	T_GMI,		/* NOW + GMI */
	T_LMQT,		/* NOW + LMQT (lowered by a query) */
	T_GRP,		/* the group timer's old value: NOW + GRP */
};

/* A source: its number, timer class, and whether a query was armed. */
struct src_spec {
	u8 id;
	u8 t;
	bool q;
};

#define MAXS 6

struct row {
	const char *desc;
	u8 filter;
	struct src_spec before[MAXS];
	u8 type;
	u8 b[MAXS];
	u8 filter_after;
	struct src_spec after[MAXS];
	u8 group_timer;		/* class after; 0 in INCLUDE mode */
	bool group_query;
	bool not_querier;
};

#define INC MCR_FILTER_INCLUDE
#define EXC MCR_FILTER_EXCLUDE

/*
 * INCLUDE(A) with A = {1, 2}; EXCLUDE(X, Y) with X = {1, 2}, Y = {3, 4}
 * and the group timer at GRP. The record's list is B (or A) = {2, 3, 5}.
 */
#define A_12	{ { 1, T_OLD }, { 2, T_OLD } }
#define XY	{ { 1, T_OLD }, { 2, T_OLD }, { 3, T_ZERO }, { 4, T_ZERO } }
#define B_235	{ 2, 3, 5 }

static const struct row rows[] = {
	/* RFC 3376 6.4.1: router state INCLUDE(A) */
	{ "INCLUDE(A) IS_IN(B): INCLUDE(A+B), (B)=GMI", INC, A_12,
	  MCR_REC_IS_IN, B_235, INC,
	  { { 1, T_OLD }, { 2, T_GMI }, { 3, T_GMI }, { 5, T_GMI } } },
	{ "INCLUDE(A) IS_EX(B): EXCLUDE(A*B,B-A), (B-A)=0, Delete(A-B), GT=GMI",
	  INC, A_12, MCR_REC_IS_EX, B_235, EXC,
	  { { 2, T_OLD }, { 3, T_ZERO }, { 5, T_ZERO } }, T_GMI },
	{ "INCLUDE(A) ALLOW(B): INCLUDE(A+B), (B)=GMI", INC, A_12,
	  MCR_REC_ALLOW, B_235, INC,
	  { { 1, T_OLD }, { 2, T_GMI }, { 3, T_GMI }, { 5, T_GMI } } },
	{ "INCLUDE(A) BLOCK(B): INCLUDE(A), Send Q(G,A*B)", INC, A_12,
	  MCR_REC_BLOCK, B_235, INC,
	  { { 1, T_OLD }, { 2, T_LMQT, true } } },
	{ "INCLUDE(A) TO_IN(B): INCLUDE(A+B), (B)=GMI, Send Q(G,A-B)", INC,
	  A_12, MCR_REC_TO_IN, B_235, INC,
	  { { 1, T_LMQT, true }, { 2, T_GMI }, { 3, T_GMI }, { 5, T_GMI } } },
	{ "INCLUDE(A) TO_EX(B): EXCLUDE(A*B,B-A), Send Q(G,A*B), GT=GMI", INC,
	  A_12, MCR_REC_TO_EX, B_235, EXC,
	  { { 2, T_LMQT, true }, { 3, T_ZERO }, { 5, T_ZERO } }, T_GMI },

	/* RFC 3376 6.4.2: router state EXCLUDE(X,Y) */
	{ "EXCLUDE(X,Y) IS_IN(A): EXCLUDE(X+A,Y-A), (A)=GMI", EXC, XY,
	  MCR_REC_IS_IN, B_235, EXC,
	  { { 1, T_OLD }, { 2, T_GMI }, { 3, T_GMI }, { 4, T_ZERO },
	    { 5, T_GMI } }, T_GRP },
	{ "EXCLUDE(X,Y) IS_EX(A): EXCLUDE(A-Y,Y*A), (A-X-Y)=GMI, Delete(X-A,Y-A), GT=GMI",
	  EXC, XY, MCR_REC_IS_EX, B_235, EXC,
	  { { 2, T_OLD }, { 3, T_ZERO }, { 5, T_GMI } }, T_GMI },
	{ "EXCLUDE(X,Y) ALLOW(A): EXCLUDE(X+A,Y-A), (A)=GMI", EXC, XY,
	  MCR_REC_ALLOW, B_235, EXC,
	  { { 1, T_OLD }, { 2, T_GMI }, { 3, T_GMI }, { 4, T_ZERO },
	    { 5, T_GMI } }, T_GRP },
	{ "EXCLUDE(X,Y) BLOCK(A): EXCLUDE(X+(A-Y),Y), (A-X-Y)=GT, Send Q(G,A-Y)",
	  EXC, XY, MCR_REC_BLOCK, B_235, EXC,
	  { { 1, T_OLD }, { 2, T_LMQT, true }, { 3, T_ZERO }, { 4, T_ZERO },
	    { 5, T_LMQT, true } }, T_GRP },
	{ "EXCLUDE(X,Y) TO_IN(A): EXCLUDE(X+A,Y-A), (A)=GMI, Send Q(G,X-A), Send Q(G)",
	  EXC, XY, MCR_REC_TO_IN, B_235, EXC,
	  { { 1, T_LMQT, true }, { 2, T_GMI }, { 3, T_GMI }, { 4, T_ZERO },
	    { 5, T_GMI } }, T_LMQT, true },
	{ "EXCLUDE(X,Y) TO_EX(A): EXCLUDE(A-Y,Y*A), (A-X-Y)=GT, Send Q(G,A-Y), GT=GMI",
	  EXC, XY, MCR_REC_TO_EX, B_235, EXC,
	  { { 2, T_LMQT, true }, { 3, T_ZERO }, { 5, T_LMQT, true } }, T_GMI },

	/* Leaves and joins of any-source members (IGMPv2-style records). */
	{ "INCLUDE({}) IS_EX({}): join, EXCLUDE({},{})", INC, {},
	  MCR_REC_IS_EX, {}, EXC, {}, T_GMI },
	{ "EXCLUDE({},{}) TO_IN({}): leave, Send Q(G)", EXC, {},
	  MCR_REC_TO_IN, {}, EXC, {}, T_LMQT, true },

	/* A non-querier changes state but neither queries nor lowers. */
	{ "non-querier: INCLUDE(A) BLOCK(B) changes nothing", INC, A_12,
	  MCR_REC_BLOCK, B_235, INC, A_12, 0, false, true },
	{ "non-querier: EXCLUDE(X,Y) TO_IN(A): no Send Q(G)", EXC, XY,
	  MCR_REC_TO_IN, B_235, EXC,
	  { { 1, T_OLD }, { 2, T_GMI }, { 3, T_GMI }, { 4, T_ZERO },
	    { 5, T_GMI } }, T_GRP, false, true },
};

static void row_desc(const struct row *r, char *desc)
{
	strscpy(desc, r->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(row, rows, row_desc);

static void src_addr(u16 family, u8 id, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (family == AF_INET) {
		a->ip4 = htonl(0x0a000000 | id);
	} else {
		a->ip6.s6_addr[0] = 0xfd;
		a->ip6.s6_addr[15] = id;
	}
}

static unsigned long timer_value(u8 t)
{
	switch (t) {
	case T_OLD:
		return NOW + OLD;
	case T_GMI:
		return NOW + GMI;
	case T_LMQT:
		return NOW + LMQT;
	case T_GRP:
		return NOW + GRP;
	}
	return 0;
}

static const struct mcr_gfsm_params params = {
	.gmi = GMI,
	.ohpi = GMI,
	.lmqt = LMQT,
	.lmqc = LMQC,
	.max_sources = 64,
	.querier = true,
};

static struct mcr_gfsm *grp_new(struct kunit *test, u16 family, u8 filter,
				const struct src_spec *before)
{
	struct mcr_gfsm *grp = kunit_kzalloc(test, sizeof(*grp), GFP_KERNEL);
	struct mcr_addr g = {};
	struct mcr_gfsm_src *src;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, grp);
	if (family == AF_INET)
		g.ip4 = htonl(0xef010101);
	else
		g.ip6.s6_addr[0] = 0xff;
	mcr_gfsm_init(grp, family, &g);
	grp->filter = filter;
	if (filter == MCR_FILTER_EXCLUDE) {
		grp->running = true;
		grp->expires = NOW + GRP;
	}
	for (i = 0; i < MAXS && before[i].id; i++) {
		src = kzalloc(sizeof(*src), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, src);
		src_addr(family, before[i].id, &src->addr);
		src->running = before[i].t != T_ZERO;
		src->expires = timer_value(before[i].t);
		list_add_tail(&src->list, &grp->sources);
		grp->n_sources++;
	}
	return grp;
}

static void run_row(struct kunit *test, u16 family)
{
	const struct row *r = test->param_value;
	struct mcr_gfsm_params p = params;
	struct mcr_addr b[MAXS];
	const struct mcr_gfsm_src *src;
	struct mcr_gfsm *grp;
	unsigned int nb, na;

	p.querier = !r->not_querier;
	grp = grp_new(test, family, r->filter, r->before);
	for (nb = 0; nb < MAXS && r->b[nb]; nb++)
		src_addr(family, r->b[nb], &b[nb]);

	KUNIT_EXPECT_EQ(test, 0, mcr_gfsm_record(grp, &p, NOW, r->type, b, nb));

	KUNIT_EXPECT_EQ(test, r->filter_after, grp->filter);
	for (na = 0; na < MAXS && r->after[na].id; na++) {
		const struct src_spec *e = &r->after[na];
		struct mcr_addr a;

		src_addr(family, e->id, &a);
		src = mcr_gfsm_find(grp, &a);
		KUNIT_ASSERT_NOT_NULL_MSG(test, src, "source %u missing", e->id);
		KUNIT_EXPECT_EQ_MSG(test, e->t != T_ZERO, src->running,
				    "source %u timer running", e->id);
		if (e->t != T_ZERO)
			KUNIT_EXPECT_EQ_MSG(test, timer_value(e->t),
					    src->expires, "source %u timer",
					    e->id);
		KUNIT_EXPECT_EQ_MSG(test, e->q ? LMQC : 0, src->query_left,
				    "source %u queries", e->id);
	}
	KUNIT_EXPECT_EQ(test, na, grp->n_sources);
	if (r->filter_after == MCR_FILTER_EXCLUDE) {
		KUNIT_EXPECT_TRUE(test, grp->running);
		KUNIT_EXPECT_EQ(test, timer_value(r->group_timer),
				grp->expires);
	}
	KUNIT_EXPECT_EQ(test, r->group_query ? LMQC : 0, grp->query_left);
	mcr_gfsm_destroy(grp);
}

static void mcr_gfsm_test_ipv4(struct kunit *test)
{
	run_row(test, AF_INET);
}

static void mcr_gfsm_test_ipv6(struct kunit *test)
{
	run_row(test, AF_INET6);
}

/* 6.5: source timers in INCLUDE mode; the last one deletes the group. */
static void mcr_gfsm_test_expire_include(struct kunit *test)
{
	static const struct src_spec before[MAXS] = {
		{ 1, T_LMQT }, { 2, T_OLD },
	};
	struct mcr_gfsm *grp = grp_new(test, AF_INET, INC, before);
	struct mcr_addr a;

	KUNIT_EXPECT_FALSE(test, mcr_gfsm_expire(grp, NOW + LMQT - 1));
	KUNIT_EXPECT_EQ(test, 2U, grp->n_sources);
	KUNIT_EXPECT_FALSE(test, mcr_gfsm_expire(grp, NOW + LMQT));
	KUNIT_EXPECT_EQ(test, 1U, grp->n_sources);
	src_addr(AF_INET, 1, &a);
	KUNIT_EXPECT_NULL(test, mcr_gfsm_find(grp, &a));
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_expire(grp, NOW + OLD));
	KUNIT_EXPECT_EQ(test, 0U, grp->n_sources);
	mcr_gfsm_destroy(grp);
}

/*
 * 6.5: in EXCLUDE mode an expired source moves to Y; the group timer
 * switches to INCLUDE with the running sources, deleting Y; with none
 * running, the group goes.
 */
static void mcr_gfsm_test_expire_exclude(struct kunit *test)
{
	static const struct src_spec before[MAXS] = {
		{ 1, T_LMQT }, { 2, T_GMI }, { 3, T_ZERO },
	};
	static const struct src_spec only_y[MAXS] = { { 3, T_ZERO } };
	struct mcr_gfsm *grp = grp_new(test, AF_INET6, EXC, before);
	struct mcr_addr a;

	KUNIT_EXPECT_FALSE(test, mcr_gfsm_expire(grp, NOW + LMQT));
	src_addr(AF_INET6, 1, &a);
	KUNIT_ASSERT_NOT_NULL(test, mcr_gfsm_find(grp, &a));
	KUNIT_EXPECT_FALSE(test, mcr_gfsm_find(grp, &a)->running);
	KUNIT_EXPECT_FALSE(test, mcr_gfsm_wants(grp, &a));
	KUNIT_EXPECT_EQ(test, (u8)MCR_FILTER_EXCLUDE, grp->filter);

	KUNIT_EXPECT_FALSE(test, mcr_gfsm_expire(grp, NOW + GRP));
	KUNIT_EXPECT_EQ(test, (u8)MCR_FILTER_INCLUDE, grp->filter);
	KUNIT_EXPECT_EQ(test, 1U, grp->n_sources);
	src_addr(AF_INET6, 2, &a);
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_wants(grp, &a));
	src_addr(AF_INET6, 9, &a);
	KUNIT_EXPECT_FALSE(test, mcr_gfsm_wants(grp, &a));

	KUNIT_EXPECT_TRUE(test, mcr_gfsm_expire(grp, NOW + GMI));
	mcr_gfsm_destroy(grp);

	grp = grp_new(test, AF_INET, EXC, only_y);
	KUNIT_EXPECT_TRUE(test, mcr_gfsm_expire(grp, NOW + GRP));
	KUNIT_EXPECT_EQ(test, 0U, grp->n_sources);
	mcr_gfsm_destroy(grp);
}

/* 6.3: what each mode forwards. */
static void mcr_gfsm_test_wants(struct kunit *test)
{
	static const struct src_spec before[MAXS] = XY;
	struct mcr_gfsm *grp = grp_new(test, AF_INET, EXC, before);
	static const bool wanted[] = { false, true, true, false, false, true };
	struct mcr_addr a;
	unsigned int i;

	/* EXCLUDE: X = {1, 2} and unlisted sources yes, Y = {3, 4} no. */
	for (i = 1; i < ARRAY_SIZE(wanted); i++) {
		src_addr(AF_INET, i, &a);
		KUNIT_EXPECT_EQ_MSG(test, wanted[i], mcr_gfsm_wants(grp, &a),
				    "source %u", i);
	}
	mcr_gfsm_destroy(grp);
}

/* The source limit: a record beyond it is refused in part, counted. */
static void mcr_gfsm_test_limit(struct kunit *test)
{
	static const struct src_spec one[MAXS] = { { 1, T_OLD } };
	struct mcr_gfsm_params p = params;
	struct mcr_addr b[MAXS];
	struct mcr_gfsm *grp;
	unsigned int i;

	grp = grp_new(test, AF_INET, INC, one);
	p.max_sources = 3;
	for (i = 0; i < 5; i++)
		src_addr(AF_INET, i + 1, &b[i]);
	/* 1 exists; 2 and 3 fit; 4 and 5 are refused. */
	KUNIT_EXPECT_EQ(test, 2, mcr_gfsm_record(grp, &p, NOW, MCR_REC_ALLOW,
						 b, 5));
	KUNIT_EXPECT_EQ(test, 3U, grp->n_sources);
	KUNIT_EXPECT_NULL(test, mcr_gfsm_find(grp, &b[3]));
	/* Sources already held are still refreshed at the limit. */
	KUNIT_EXPECT_EQ(test, 0, mcr_gfsm_record(grp, &p, NOW + 1,
						 MCR_REC_IS_IN, b, 1));
	KUNIT_EXPECT_EQ(test, NOW + 1 + GMI,
			mcr_gfsm_find(grp, &b[0])->expires);
	/* Unknown record types change nothing. */
	KUNIT_EXPECT_EQ(test, -EINVAL, mcr_gfsm_record(grp, &p, NOW, 7, b, 5));
	KUNIT_EXPECT_EQ(test, -EINVAL, mcr_gfsm_record(grp, &p, NOW, 0, b, 5));
	KUNIT_EXPECT_EQ(test, 3U, grp->n_sources);
	mcr_gfsm_destroy(grp);
}

static struct kunit_case mcr_gfsm_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_gfsm_test_ipv4, row_gen_params),
	KUNIT_CASE_PARAM(mcr_gfsm_test_ipv6, row_gen_params),
	KUNIT_CASE(mcr_gfsm_test_expire_include),
	KUNIT_CASE(mcr_gfsm_test_expire_exclude),
	KUNIT_CASE(mcr_gfsm_test_wants),
	KUNIT_CASE(mcr_gfsm_test_limit),
	{}
};

static struct kunit_suite mcr_gfsm_test_suite = {
	.name = "mcast_router_group_fsm",
	.test_cases = mcr_gfsm_test_cases,
};

kunit_test_suite(mcr_gfsm_test_suite);
