// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the forwarding table (mfc.c): insert, lookup, delete,
 * (S,G) preferred over (*,G), wrong-iif, replace, interface removal with
 * large oif sets. The table never dereferences the interfaces it stores,
 * so fake struct mcr_iface objects stand in for them.
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/slab.h>
#include <linux/socket.h>

#include "../iface.h"
#include "../mfc.h"

#define N_FAKE	70

struct mfc_ctx {
	struct mcr_mfc mfc;
	struct mcr_iface fake[N_FAKE];
	unsigned int calls;	/* of no_oifs() */
};

static int mcr_mfc_test_init(struct kunit *test)
{
	struct mfc_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	KUNIT_ASSERT_EQ(test, 0, mcr_mfc_init(&ctx->mfc));
	test->priv = ctx;
	return 0;
}

static void mcr_mfc_test_exit(struct kunit *test)
{
	struct mfc_ctx *ctx = test->priv;

	mcr_mfc_uninit(&ctx->mfc);
	/* The entries are freed by RCU callbacks in mcast_router.ko. */
	rcu_barrier();
}

static struct mcr_mfe_spec spec4(__be32 group, __be32 source, int iif)
{
	struct mcr_mfe_spec s;

	memset(&s, 0, sizeof(s));
	s.family = AF_INET;
	s.group.ip4 = group;
	s.source.ip4 = source;
	s.any_source = !source;
	s.iif = iif;
	return s;
}

static int add(struct kunit *test, struct mfc_ctx *ctx,
	       const struct mcr_mfe_spec *s, unsigned int n_oifs, bool replace)
{
	struct mcr_oifs *oifs = mcr_mfc_oifs_alloc(n_oifs, GFP_KERNEL);
	unsigned int i;
	int err;

	KUNIT_ASSERT_NOT_NULL(test, oifs);
	for (i = 0; i < n_oifs; i++)
		oifs->ifaces[i] = &ctx->fake[i];
	err = mcr_mfc_add(&ctx->mfc, s, oifs, MCAST_ROUTER_ORIGIN_STATIC,
			  replace, NULL);
	if (err)
		kvfree(oifs);
	return err;
}

static enum mcr_mfc_result lookup(struct mfc_ctx *ctx, __be32 group,
				  __be32 source, int iif, struct mcr_mfe **mfe)
{
	struct mcr_addr g = {}, s = {};
	enum mcr_mfc_result r;

	g.ip4 = group;
	s.ip4 = source;
	rcu_read_lock();
	r = mcr_mfc_lookup(&ctx->mfc, AF_INET, &g, &s, iif, mfe);
	rcu_read_unlock();
	return r;
}

#define G1	htonl(0xef010101)	/* 239.1.1.1 */
#define G2	htonl(0xef010102)
#define S1	htonl(0x0a000001)	/* 10.0.0.1 */
#define S2	htonl(0x0a000002)

static void mcr_mfc_test_lookup(struct kunit *test)
{
	struct mfc_ctx *ctx = test->priv;
	struct mcr_mfe_spec star = spec4(G1, 0, 1), sg = spec4(G1, S1, 1);
	struct mcr_mfe *mfe;

	/* Empty table. */
	KUNIT_EXPECT_EQ(test, MCR_MFC_NO_ENTRY, lookup(ctx, G1, S1, 1, &mfe));
	KUNIT_EXPECT_NULL(test, mfe);

	KUNIT_ASSERT_EQ(test, 0, add(test, ctx, &star, 2, false));
	KUNIT_ASSERT_EQ(test, 0, add(test, ctx, &sg, 3, false));
	KUNIT_EXPECT_EQ(test, 2U, ctx->mfc.count);

	/* (S,G) preferred over (*,G). */
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT, lookup(ctx, G1, S1, 1, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_FALSE(test, mfe->any_source);
	KUNIT_EXPECT_EQ(test, 3U, rcu_access_pointer(mfe->oifs)->n);

	/* Another source falls back to (*,G). */
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT, lookup(ctx, G1, S2, 1, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_TRUE(test, mfe->any_source);

	/* Entries exist, none for iif 2: wrong-iif, the (S,G) reported. */
	KUNIT_EXPECT_EQ(test, MCR_MFC_WRONG_IIF, lookup(ctx, G1, S1, 2, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_FALSE(test, mfe->any_source);

	/* Another group: no entry. */
	KUNIT_EXPECT_EQ(test, MCR_MFC_NO_ENTRY, lookup(ctx, G2, S1, 1, &mfe));

	/* Delete (S,G): S1 now uses (*,G). */
	KUNIT_EXPECT_EQ(test, 1, mcr_mfc_del(&ctx->mfc, &sg));
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT, lookup(ctx, G1, S1, 1, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_TRUE(test, mfe->any_source);

	/* Delete (*,G) with iif "any"; the group goes with it. */
	star.iif = 0;
	KUNIT_EXPECT_EQ(test, 1, mcr_mfc_del(&ctx->mfc, &star));
	KUNIT_EXPECT_EQ(test, 0, mcr_mfc_del(&ctx->mfc, &star));
	KUNIT_EXPECT_EQ(test, MCR_MFC_NO_ENTRY, lookup(ctx, G1, S1, 1, &mfe));
	KUNIT_EXPECT_EQ(test, 0U, ctx->mfc.count);
}

static void mcr_mfc_test_sg_only_other_source(struct kunit *test)
{
	struct mfc_ctx *ctx = test->priv;
	struct mcr_mfe_spec sg = spec4(G1, S1, 1);
	struct mcr_mfe *mfe;

	KUNIT_ASSERT_EQ(test, 0, add(test, ctx, &sg, 1, false));
	/* The group exists but nothing for S2: no entry, not wrong-iif. */
	KUNIT_EXPECT_EQ(test, MCR_MFC_NO_ENTRY, lookup(ctx, G1, S2, 2, &mfe));
}

static void mcr_mfc_test_exists_replace(struct kunit *test)
{
	struct mfc_ctx *ctx = test->priv;
	struct mcr_mfe_spec sg = spec4(G1, S1, 1);
	struct mcr_mfe *mfe;

	KUNIT_ASSERT_EQ(test, 0, add(test, ctx, &sg, 1, false));
	KUNIT_EXPECT_EQ(test, -EEXIST, add(test, ctx, &sg, 2, false));
	KUNIT_EXPECT_EQ(test, 0, add(test, ctx, &sg, 5, true));
	KUNIT_EXPECT_EQ(test, 1U, ctx->mfc.count);
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT, lookup(ctx, G1, S1, 1, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_EQ(test, 5U, rcu_access_pointer(mfe->oifs)->n);
	/* Same (S,G) on another iif is another entry. */
	sg.iif = 2;
	KUNIT_EXPECT_EQ(test, 0, add(test, ctx, &sg, 1, false));
	KUNIT_EXPECT_EQ(test, 2U, ctx->mfc.count);
	sg.iif = 0;
	KUNIT_EXPECT_EQ(test, 2, mcr_mfc_del(&ctx->mfc, &sg));
}

static void mcr_mfc_test_many_oifs(struct kunit *test)
{
	struct mfc_ctx *ctx = test->priv;
	struct mcr_mfe_spec sg = spec4(G1, S1, 100), other = spec4(G2, 0, 101);
	const struct mcr_oifs *oifs;
	struct mcr_mfe *mfe;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, 0, add(test, ctx, &sg, N_FAKE, false));
	KUNIT_ASSERT_EQ(test, 0, add(test, ctx, &other, 65, false));
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT, lookup(ctx, G1, S1, 100, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_EQ(test, (unsigned int)N_FAKE,
			rcu_access_pointer(mfe->oifs)->n);

	/* Interface 5 goes away: out of both sets, order kept. */
	mcr_mfc_iface_remove(&ctx->mfc, &ctx->fake[5], 1005);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT,
			mcr_mfc_lookup(&ctx->mfc, AF_INET, &sg.group,
				       &sg.source, 100, &mfe));
	oifs = rcu_dereference(mfe->oifs);
	KUNIT_EXPECT_EQ(test, (unsigned int)N_FAKE - 1, oifs->n);
	for (i = 0; i < oifs->n; i++) {
		KUNIT_EXPECT_PTR_NE(test, oifs->ifaces[i], &ctx->fake[5]);
		KUNIT_EXPECT_PTR_EQ(test, oifs->ifaces[i],
				    &ctx->fake[i < 5 ? i : i + 1]);
	}
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT, lookup(ctx, G2, S1, 101, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_EQ(test, 64U, rcu_access_pointer(mfe->oifs)->n);

	/* The iif of an entry goes away: the entry goes. */
	mcr_mfc_iface_remove(&ctx->mfc, &ctx->fake[N_FAKE - 1], 100);
	KUNIT_EXPECT_EQ(test, MCR_MFC_NO_ENTRY, lookup(ctx, G1, S1, 100, &mfe));
	KUNIT_EXPECT_EQ(test, 1U, ctx->mfc.count);
}

static void mcr_mfc_test_flush(struct kunit *test)
{
	struct mfc_ctx *ctx = test->priv;
	struct mcr_mfe_spec s;
	unsigned int i;

	for (i = 0; i < 300; i++) {
		s = spec4(htonl(0xef000000 + i), i % 2 ? S1 : 0, 1);
		KUNIT_ASSERT_EQ(test, 0, add(test, ctx, &s, 2, false));
	}
	KUNIT_EXPECT_EQ(test, 300U, ctx->mfc.count);
	KUNIT_EXPECT_EQ(test, 0U, mcr_mfc_flush(&ctx->mfc, AF_INET6, false, 0));
	KUNIT_EXPECT_EQ(test, 300U, mcr_mfc_flush(&ctx->mfc, AF_INET, false, 0));
	KUNIT_EXPECT_EQ(test, 0U, ctx->mfc.count);
}

/* mcr_mfc_learn()'s compute: an empty set (nobody wants the group). */
static struct mcr_oifs *no_oifs(struct mcr_mfc *mfc,
				const struct mcr_mfe_spec *spec)
{
	container_of(mfc, struct mfc_ctx, mfc)->calls++;
	return mcr_mfc_oifs_alloc(0, GFP_ATOMIC);
}

/*
 * Learning: one entry per (S,G) whatever the iif, none beside a static
 * entry, and a static entry added later replaces what it covers.
 */
static void mcr_mfc_test_learn(struct kunit *test)
{
	struct mfc_ctx *ctx = test->priv;
	struct mcr_mfe_spec s1 = spec4(G1, S1, 1), s2 = spec4(G1, S2, 1);
	struct mcr_mfe_spec star = spec4(G1, 0, 3);
	struct mcr_mfe *mfe;

	KUNIT_EXPECT_EQ(test, 0, mcr_mfc_learn(&ctx->mfc, &s1, no_oifs));
	KUNIT_EXPECT_EQ(test, 0, mcr_mfc_learn(&ctx->mfc, &s2, no_oifs));
	KUNIT_EXPECT_EQ(test, 2U, ctx->calls);
	KUNIT_EXPECT_EQ(test, 2U, ctx->mfc.learnt);
	KUNIT_EXPECT_EQ(test, MCR_MFC_HIT, lookup(ctx, G1, S1, 1, &mfe));
	KUNIT_ASSERT_NOT_NULL(test, mfe);
	KUNIT_EXPECT_EQ(test, MCAST_ROUTER_ORIGIN_MEMBERSHIP, mfe->origin);
	/* The (S,G) arriving elsewhere is not learnt again: wrong iif. */
	s1.iif = 2;
	KUNIT_EXPECT_EQ(test, -EEXIST,
			mcr_mfc_learn(&ctx->mfc, &s1, no_oifs));
	KUNIT_EXPECT_EQ(test, 2U, ctx->calls);
	/* A static (S1,G) on iif 2 replaces the learnt (S1,G) on iif 1. */
	KUNIT_EXPECT_EQ(test, 0, add(test, ctx, &s1, 1, false));
	KUNIT_EXPECT_EQ(test, 1U, ctx->mfc.learnt);
	KUNIT_EXPECT_EQ(test, MCR_MFC_WRONG_IIF, lookup(ctx, G1, S1, 1, &mfe));
	/* A static (*,G) replaces every learnt entry of G. */
	KUNIT_EXPECT_EQ(test, 0, add(test, ctx, &star, 1, false));
	KUNIT_EXPECT_EQ(test, 0U, ctx->mfc.learnt);
	KUNIT_EXPECT_EQ(test, 2U, ctx->mfc.count);
	/* Nothing is learnt beside it. */
	KUNIT_EXPECT_EQ(test, -EEXIST,
			mcr_mfc_learn(&ctx->mfc, &s2, no_oifs));
	/* The GC: an entry is idle once no datagram matched it in a round. */
	KUNIT_EXPECT_EQ(test, 2, mcr_mfc_del(&ctx->mfc, &star) +
			mcr_mfc_del(&ctx->mfc, &s1));
	s2.source.ip4 = htonl(0x0a000009);
	KUNIT_EXPECT_EQ(test, 0, mcr_mfc_learn(&ctx->mfc, &s2, no_oifs));
	KUNIT_EXPECT_EQ(test, 1U, mcr_mfc_gc(&ctx->mfc));
	KUNIT_EXPECT_EQ(test, 0U, ctx->mfc.learnt);
	KUNIT_EXPECT_EQ(test, 0U, ctx->mfc.count);
}

static struct kunit_case mcr_mfc_test_cases[] = {
	KUNIT_CASE(mcr_mfc_test_learn),
	KUNIT_CASE(mcr_mfc_test_lookup),
	KUNIT_CASE(mcr_mfc_test_sg_only_other_source),
	KUNIT_CASE(mcr_mfc_test_exists_replace),
	KUNIT_CASE(mcr_mfc_test_many_oifs),
	KUNIT_CASE(mcr_mfc_test_flush),
	{}
};

static struct kunit_suite mcr_mfc_test_suite = {
	.name = "mcast_router_mfc",
	.init = mcr_mfc_test_init,
	.exit = mcr_mfc_test_exit,
	.test_cases = mcr_mfc_test_cases,
};

kunit_test_suite(mcr_mfc_test_suite);
