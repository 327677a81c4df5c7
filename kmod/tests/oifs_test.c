// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for mcr_memb_compute(), the outgoing interfaces of a
 * membership entry, on three real (minimal) devices: A the proxy's
 * upstream, B a router-mode interface with a member of G, C a
 * router-mode interface without members. Datagrams from downstream go to
 * the upstream whatever its membership; from the upstream only to the
 * members; never back out of the incoming interface; and without a proxy
 * no interface is the upstream.
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "../config.h"
#include "../iface.h"
#include "../memb.h"
#include "../mfc.h"
#include "../group_table.h"
#include "../netns.h"
#include "netdev_fixture.h"

enum { A, B, C, N_IF };

struct oifs_ctx {
	struct net_device *dev[N_IF];
	struct mcr_iface *iface[N_IF];
	struct mcr_net mn;	/* only @ifaces and @mfc.lock are used */
};

static bool keep_none(const struct sk_buff *skb)
{
	return false;
}

/* A new configuration of @mode for @i. Context: RTNL held. */
static int set_mode(struct oifs_ctx *c, int i, u8 mode)
{
	struct mcr_iface_cfg *cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	int err;

	if (!cfg)
		return -ENOMEM;
	mcr_config_init(cfg);
	cfg->mode = mode;
	err = mcr_iface_update(c->iface[i], cfg, NULL);
	if (err)
		kfree(cfg);
	return err;
}

static int mcr_oifs_test_init(struct kunit *test)
{
	static const u8 modes[N_IF] = {
		MCAST_ROUTER_MODE_PROXY, MCAST_ROUTER_MODE_ROUTER,
		MCAST_ROUTER_MODE_ROUTER,
	};
	struct oifs_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	int i, err = 0;

	KUNIT_ASSERT_NOT_NULL(test, c);
	xa_init(&c->mn.ifaces);
	spin_lock_init(&c->mn.mfc.lock);
	test->priv = c;
	for (i = 0; i < N_IF; i++)
		c->dev[i] = mcr_test_netdev_create(test, "mcroifs%d",
						   keep_none);
	rtnl_lock();
	for (i = 0; i < N_IF && !err; i++) {
		c->iface[i] = mcr_iface_create(c->dev[i]);
		if (!c->iface[i]) {
			err = -ENOMEM;
			break;
		}
		err = set_mode(c, i, modes[i]);
		if (!err)
			err = xa_err(xa_store(&c->mn.ifaces,
					      c->dev[i]->ifindex, c->iface[i],
					      GFP_KERNEL));
	}
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, 0, err);
	return 0;
}

static void mcr_oifs_test_exit(struct kunit *test)
{
	struct oifs_ctx *c = test->priv;
	int i;

	rtnl_lock();
	for (i = 0; i < N_IF; i++) {
		if (!c->iface[i])
			continue;
		xa_erase(&c->mn.ifaces, c->dev[i]->ifindex);
		mcr_iface_destroy(c->iface[i]);
	}
	rtnl_unlock();
	xa_destroy(&c->mn.ifaces);
	/* Waits for the device references the entries drop after RCU. */
	for (i = 0; i < N_IF; i++)
		mcr_test_netdev_destroy(c->dev[i]);
}

/* The outgoing interfaces of (S,G) arriving on @iif, as a mask of A-C. */
static unsigned long oifs_mask(struct kunit *test, struct oifs_ctx *c,
			       int iif, __be32 group)
{
	struct mcr_mfe_spec spec = {
		.family = AF_INET,
		.group.ip4 = group,
		.source.ip4 = htonl(0x0a090001),
		.iif = c->dev[iif]->ifindex,
	};
	unsigned long mask = 0;
	unsigned int i, j;
	struct mcr_oifs *oifs;

	/* As mcr_mfc_learn() and mcr_mfc_refresh() call it. */
	spin_lock_bh(&c->mn.mfc.lock);
	oifs = mcr_memb_compute(&c->mn.mfc, &spec);
	spin_unlock_bh(&c->mn.mfc.lock);
	KUNIT_ASSERT_NOT_NULL(test, oifs);
	for (i = 0; i < oifs->n; i++) {
		for (j = 0; j < N_IF; j++)
			if (oifs->ifaces[i] == c->iface[j])
				break;
		mask |= BIT(j);		/* BIT(N_IF): not one of ours */
	}
	kfree(oifs);
	return mask;
}

static void mcr_oifs_test_upstream(struct kunit *test)
{
	const __be32 g = htonl(0xe9fc0001), g2 = htonl(0xe9fc0002);
	struct oifs_ctx *c = test->priv;
	struct mcr_addr group = { .ip4 = g };
	int err;

	KUNIT_ASSERT_EQ(test, 0,
			mcr_gtable_static(&c->iface[B]->memb.table, 0, 64,
					  AF_INET, &group, NULL, true));

	/* From downstream: the upstream always, and the members. */
	KUNIT_EXPECT_EQ(test, BIT(A) | BIT(B), oifs_mask(test, c, C, g));
	KUNIT_EXPECT_EQ(test, BIT(A), oifs_mask(test, c, B, g));
	KUNIT_EXPECT_EQ(test, BIT(A), oifs_mask(test, c, C, g2));
	/* From the upstream: the members only. */
	KUNIT_EXPECT_EQ(test, BIT(B), oifs_mask(test, c, A, g));
	KUNIT_EXPECT_EQ(test, 0UL, oifs_mask(test, c, A, g2));

	/* Without a proxy, A is a router-mode interface without members. */
	rtnl_lock();
	err = set_mode(c, A, MCAST_ROUTER_MODE_ROUTER);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, 0, err);
	KUNIT_EXPECT_EQ(test, BIT(B), oifs_mask(test, c, C, g));
	KUNIT_EXPECT_EQ(test, 0UL, oifs_mask(test, c, C, g2));
	KUNIT_EXPECT_EQ(test, BIT(B), oifs_mask(test, c, A, g));
}

static struct kunit_case mcr_oifs_test_cases[] = {
	KUNIT_CASE(mcr_oifs_test_upstream),
	{}
};

static struct kunit_suite mcr_oifs_test_suite = {
	.name = "mcast_router_oifs",
	.init = mcr_oifs_test_init,
	.exit = mcr_oifs_test_exit,
	.test_cases = mcr_oifs_test_cases,
};

kunit_test_suite(mcr_oifs_test_suite);
