// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for mcast_router's interface lifetime on a real (minimal,
 * ether_setup) net_device: the allmulti reference follows the mode and is
 * dropped exactly once on teardown.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "../config.h"
#include "../iface.h"

static netdev_tx_t drop_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops test_netdev_ops = {
	.ndo_start_xmit = drop_xmit,
};

static void test_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &test_netdev_ops;
	eth_hw_addr_random(dev);
}

static int mcr_iface_test_init(struct kunit *test)
{
	struct net_device *dev;
	int err;

	dev = alloc_netdev(0, "mcrtest%d", NET_NAME_ENUM, test_setup);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	err = register_netdev(dev);
	if (err)
		free_netdev(dev);
	KUNIT_ASSERT_EQ(test, 0, err);
	test->priv = dev;
	return 0;
}

static void mcr_iface_test_exit(struct kunit *test)
{
	struct net_device *dev = test->priv;

	/* Waits for the reference mcr_iface_destroy() releases after RCU. */
	unregister_netdev(dev);
	free_netdev(dev);
}

static struct mcr_iface_cfg *new_cfg(struct kunit *test, u8 mode)
{
	struct mcr_iface_cfg *cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cfg);
	mcr_config_init(cfg);
	cfg->mode = mode;
	return cfg;
}

/* off -> router -> proxy -> off -> router -> destroy */
static void mcr_iface_test_allmulti(struct kunit *test)
{
	static const u8 modes[] = {
		MCAST_ROUTER_MODE_OFF, MCAST_ROUTER_MODE_ROUTER,
		MCAST_ROUTER_MODE_PROXY, MCAST_ROUTER_MODE_OFF,
		MCAST_ROUTER_MODE_ROUTER,
	};
	static const unsigned int extra[] = { 0, 1, 1, 0, 1 };
	struct mcr_iface_cfg *cfgs[ARRAY_SIZE(modes)];
	struct net_device *dev = test->priv;
	struct mcr_iface *iface;
	unsigned int base, i;

	/* Allocate first: no assertion may abort the test under RTNL. */
	for (i = 0; i < ARRAY_SIZE(modes); i++)
		cfgs[i] = new_cfg(test, modes[i]);

	rtnl_lock();
	base = dev->allmulti;
	iface = mcr_iface_create(dev);
	if (!iface) {
		rtnl_unlock();
		for (i = 0; i < ARRAY_SIZE(modes); i++)
			kfree(cfgs[i]);
		KUNIT_FAIL(test, "mcr_iface_create() failed");
		return;
	}

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		KUNIT_EXPECT_EQ(test, 0, mcr_iface_update(iface, cfgs[i], NULL));
		KUNIT_EXPECT_EQ_MSG(test, base + extra[i], dev->allmulti,
				    "after step %u (mode %u)", i, modes[i]);
		KUNIT_EXPECT_EQ(test, !!extra[i],
				!!(dev->flags & IFF_ALLMULTI));
	}

	mcr_iface_destroy(iface);
	KUNIT_EXPECT_EQ(test, base, dev->allmulti);
	KUNIT_EXPECT_FALSE(test, dev->flags & IFF_ALLMULTI);
	rtnl_unlock();
}

static struct kunit_case mcr_iface_test_cases[] = {
	KUNIT_CASE(mcr_iface_test_allmulti),
	{}
};

static struct kunit_suite mcr_iface_test_suite = {
	.name = "mcast_router_iface",
	.init = mcr_iface_test_init,
	.exit = mcr_iface_test_exit,
	.test_cases = mcr_iface_test_cases,
};

kunit_test_suite(mcr_iface_test_suite);
