// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for source filters and their merge (sfilter.c, RFC 4605
 * 4.1): every pair of modes, three-way merges in every order, the
 * overflow to EXCLUDE({}), equality and copies; each case once with IPv4
 * and once with IPv6 addresses.
 *
 * Sources are small numbers: n is 10.0.0.n or fd00::n.
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/socket.h>

#include "../sfilter.h"

#define INC MCR_FILTER_INCLUDE
#define EXC MCR_FILTER_EXCLUDE
#define MAXS 6

struct fspec {
	u8 mode;
	u8 s[MAXS];	/* 0-terminated */
};

struct merge_case {
	const char *desc;
	struct fspec in[3];
	unsigned int n_in;
	struct fspec want;
};

static const struct merge_case merge_cases[] = {
	{ "nothing", {}, 0, { INC, {} } },
	{ "INCLUDE + INCLUDE: union",
	  { { INC, { 1, 2 } }, { INC, { 2, 3 } } }, 2, { INC, { 1, 2, 3 } } },
	{ "INCLUDE + EXCLUDE: EXCLUDE(B - A)",
	  { { INC, { 1, 2 } }, { EXC, { 2, 3, 4 } } }, 2, { EXC, { 3, 4 } } },
	{ "EXCLUDE + INCLUDE: EXCLUDE(A - B)",
	  { { EXC, { 2, 3, 4 } }, { INC, { 1, 2 } } }, 2, { EXC, { 3, 4 } } },
	{ "EXCLUDE + EXCLUDE: intersection",
	  { { EXC, { 1, 2, 3 } }, { EXC, { 2, 3, 4 } } }, 2, { EXC, { 2, 3 } } },
	{ "EXCLUDE({}) + anything: every source",
	  { { EXC, {} }, { EXC, { 1 } } }, 2, { EXC, {} } },
	{ "INCLUDE({}) changes nothing",
	  { { INC, {} }, { EXC, { 5 } } }, 2, { EXC, { 5 } } },
	{ "INCLUDE, EXCLUDE, INCLUDE",
	  { { INC, { 1 } }, { EXC, { 1, 2, 3 } }, { INC, { 3 } } }, 3,
	  { EXC, { 2 } } },
	{ "EXCLUDE, INCLUDE, INCLUDE",
	  { { EXC, { 1, 2, 3 } }, { INC, { 3 } }, { INC, { 1 } } }, 3,
	  { EXC, { 2 } } },
	{ "INCLUDE, INCLUDE, EXCLUDE",
	  { { INC, { 3 } }, { INC, { 1 } }, { EXC, { 1, 2, 3 } } }, 3,
	  { EXC, { 2 } } },
	{ "two EXCLUDE and an INCLUDE",
	  { { EXC, { 1, 2, 3 } }, { INC, { 2 } }, { EXC, { 2, 3, 4 } } }, 3,
	  { EXC, { 3 } } },
	{ "disjoint INCLUDE lists",
	  { { INC, { 1 } }, { INC, { 2 } }, { INC, { 3 } } }, 3,
	  { INC, { 1, 2, 3 } } },
};

static void addr_of(u16 family, u8 n, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (family == AF_INET) {
		a->ip4 = htonl(0x0a000000 | n);
	} else {
		a->ip6.s6_addr[0] = 0xfd;
		a->ip6.s6_addr[15] = n;
	}
}

static void fill(struct kunit *test, struct mcr_sfilter *f, u16 family,
		 const struct fspec *spec, unsigned int cap)
{
	struct mcr_addr a;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, mcr_sfilter_init(f, family, cap, GFP_KERNEL), 0);
	f->mode = spec->mode;
	for (i = 0; i < MAXS && spec->s[i]; i++) {
		addr_of(family, spec->s[i], &a);
		KUNIT_ASSERT_EQ(test, mcr_sfilter_add(f, &a), 0);
	}
}

static void merge_run(struct kunit *test, u16 family)
{
	struct mcr_sfilter acc, in, want;
	unsigned int c, i;

	for (c = 0; c < ARRAY_SIZE(merge_cases); c++) {
		const struct merge_case *mc = &merge_cases[c];

		kunit_info(test, "IPv%d: %s", family == AF_INET ? 4 : 6,
			   mc->desc);
		KUNIT_ASSERT_EQ(test, mcr_sfilter_init(&acc, family, 16,
						       GFP_KERNEL), 0);
		for (i = 0; i < mc->n_in; i++) {
			fill(test, &in, family, &mc->in[i], MAXS);
			KUNIT_EXPECT_EQ(test, mcr_sfilter_merge(&acc, &in), 0);
			mcr_sfilter_free(&in);
		}
		fill(test, &want, family, &mc->want, MAXS);
		KUNIT_EXPECT_EQ_MSG(test, acc.mode, want.mode, "%s", mc->desc);
		KUNIT_EXPECT_EQ_MSG(test, acc.n, want.n, "%s", mc->desc);
		KUNIT_EXPECT_TRUE_MSG(test, mcr_sfilter_equal(&acc, &want),
				      "%s", mc->desc);
		mcr_sfilter_free(&want);
		mcr_sfilter_free(&acc);
	}
}

static void sfilter_merge_ipv4(struct kunit *test)
{
	merge_run(test, AF_INET);
}

static void sfilter_merge_ipv6(struct kunit *test)
{
	merge_run(test, AF_INET6);
}

/* A union that does not fit becomes EXCLUDE({}), and stays so. */
static void overflow_run(struct kunit *test, u16 family)
{
	struct fspec a = { INC, { 1, 2, 3 } }, b = { INC, { 4, 5 } };
	struct fspec c = { EXC, { 1 } }, d = { INC, { 1 } };
	struct mcr_sfilter acc, in;

	KUNIT_ASSERT_EQ(test, mcr_sfilter_init(&acc, family, 4, GFP_KERNEL),
			0);
	fill(test, &in, family, &a, MAXS);
	KUNIT_EXPECT_EQ(test, mcr_sfilter_merge(&acc, &in), 0);
	mcr_sfilter_free(&in);
	fill(test, &in, family, &b, MAXS);
	KUNIT_EXPECT_EQ(test, mcr_sfilter_merge(&acc, &in), -E2BIG);
	mcr_sfilter_free(&in);
	KUNIT_EXPECT_EQ(test, acc.mode, EXC);
	KUNIT_EXPECT_EQ(test, acc.n, 0U);
	fill(test, &in, family, &c, MAXS);
	KUNIT_EXPECT_EQ(test, mcr_sfilter_merge(&acc, &in), 0);
	mcr_sfilter_free(&in);
	fill(test, &in, family, &d, MAXS);
	KUNIT_EXPECT_EQ(test, mcr_sfilter_merge(&acc, &in), 0);
	mcr_sfilter_free(&in);
	KUNIT_EXPECT_EQ(test, acc.mode, EXC);
	KUNIT_EXPECT_EQ(test, acc.n, 0U);
	mcr_sfilter_free(&acc);

	/* INCLUDE(A) with an EXCLUDE list longer than the room: same. */
	KUNIT_ASSERT_EQ(test, mcr_sfilter_init(&acc, family, 2, GFP_KERNEL),
			0);
	fill(test, &in, family, &a, MAXS);
	in.mode = EXC;
	KUNIT_EXPECT_EQ(test, mcr_sfilter_merge(&acc, &in), -E2BIG);
	KUNIT_EXPECT_EQ(test, acc.mode, EXC);
	KUNIT_EXPECT_EQ(test, acc.n, 0U);
	mcr_sfilter_free(&in);
	mcr_sfilter_free(&acc);
}

static void sfilter_overflow(struct kunit *test)
{
	overflow_run(test, AF_INET);
	overflow_run(test, AF_INET6);
}

static void sfilter_add_equal_copy(struct kunit *test)
{
	struct fspec a = { EXC, { 1, 2 } }, b = { EXC, { 2, 1 } };
	struct fspec c = { INC, { 1, 2 } };
	struct mcr_sfilter fa, fb, fc, cp;
	struct mcr_addr x;

	fill(test, &fa, AF_INET6, &a, 2);
	fill(test, &fb, AF_INET6, &b, MAXS);
	fill(test, &fc, AF_INET6, &c, MAXS);
	/* Duplicates are not added; a full list refuses. */
	addr_of(AF_INET6, 1, &x);
	KUNIT_EXPECT_EQ(test, mcr_sfilter_add(&fa, &x), 0);
	KUNIT_EXPECT_EQ(test, fa.n, 2U);
	addr_of(AF_INET6, 3, &x);
	KUNIT_EXPECT_EQ(test, mcr_sfilter_add(&fa, &x), -E2BIG);
	KUNIT_EXPECT_EQ(test, fa.n, 2U);
	KUNIT_EXPECT_TRUE(test, mcr_sfilter_equal(&fa, &fb));
	KUNIT_EXPECT_FALSE(test, mcr_sfilter_equal(&fa, &fc));
	memset(&cp, 0, sizeof(cp));
	KUNIT_ASSERT_EQ(test, mcr_sfilter_copy(&cp, &fa), 0);
	KUNIT_EXPECT_TRUE(test, mcr_sfilter_equal(&cp, &fb));
	KUNIT_EXPECT_EQ(test, cp.cap, 2U);
	KUNIT_EXPECT_NULL(test, cp.tmp);
	/* A copy over a copy frees the old list (kmemleak would say). */
	KUNIT_ASSERT_EQ(test, mcr_sfilter_copy(&cp, &fc), 0);
	KUNIT_EXPECT_TRUE(test, mcr_sfilter_equal(&cp, &fc));
	mcr_sfilter_reset(&cp, INC);
	KUNIT_EXPECT_EQ(test, cp.n, 0U);
	mcr_sfilter_free(&cp);
	mcr_sfilter_free(&fa);
	mcr_sfilter_free(&fb);
	mcr_sfilter_free(&fc);
}

static struct kunit_case sfilter_cases[] = {
	KUNIT_CASE(sfilter_merge_ipv4),
	KUNIT_CASE(sfilter_merge_ipv6),
	KUNIT_CASE(sfilter_overflow),
	KUNIT_CASE(sfilter_add_equal_copy),
	{}
};

static struct kunit_suite sfilter_suite = {
	.name = "mcast_router_sfilter",
	.test_cases = sfilter_cases,
};

kunit_test_suite(sfilter_suite);
