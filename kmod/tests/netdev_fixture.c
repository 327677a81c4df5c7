// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit fixture shared by the suites that transmit: a real (minimal,
 * ether_setup, noqueue) Ethernet net_device, registered and up, that keeps
 * the first packet it is given and a test asks for.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "netdev_fixture.h"

/* Keeps the first skb the test asks for; the stack's own packets go. */
static netdev_tx_t mcr_test_netdev_xmit(struct sk_buff *skb,
					struct net_device *dev)
{
	struct mcr_test_netdev *p = netdev_priv(dev);

	if (!p->kept && p->keep(skb))
		p->kept = skb;
	else
		dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops mcr_test_netdev_ops = {
	.ndo_start_xmit = mcr_test_netdev_xmit,
};

static void mcr_test_netdev_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &mcr_test_netdev_ops;
	/* No qdisc: dev_queue_xmit() calls the xmit before returning. */
	dev->priv_flags |= IFF_NO_QUEUE;
	eth_hw_addr_random(dev);
}

/**
 * mcr_test_netdev_create() - register and open a test Ethernet device
 * @test: the test; a failure aborts it, with nothing left to free
 * @name: the name format, e.g. "mcrxmit%d"
 * @keep: which transmitted skb the device keeps (the first it accepts)
 *
 * Context: Process context; takes RTNL.
 * Return: the device, up; free it with mcr_test_netdev_destroy().
 */
struct net_device *mcr_test_netdev_create(struct kunit *test,
					  const char *name,
					  bool (*keep)(const struct sk_buff *skb))
{
	struct mcr_test_netdev *p;
	struct net_device *dev;
	int err;

	dev = alloc_netdev(sizeof(*p), name, NET_NAME_ENUM,
			   mcr_test_netdev_setup);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	p = netdev_priv(dev);
	p->keep = keep;
	err = register_netdev(dev);
	if (err) {
		free_netdev(dev);
		KUNIT_ASSERT_EQ(test, 0, err);
	}
	rtnl_lock();
	err = dev_open(dev, NULL);
	rtnl_unlock();
	if (err) {
		mcr_test_netdev_destroy(dev);
		KUNIT_ASSERT_EQ(test, 0, err);
	}
	return dev;
}

/**
 * mcr_test_netdev_destroy() - free a device of mcr_test_netdev_create()
 * @dev: the device, or NULL
 *
 * Frees the skb it kept, if a test did not take it, unregisters and frees
 * the device.
 *
 * Context: Process context; takes RTNL.
 */
void mcr_test_netdev_destroy(struct net_device *dev)
{
	struct mcr_test_netdev *p;

	if (!dev)
		return;
	p = netdev_priv(dev);
	kfree_skb(p->kept);
	unregister_netdev(dev);
	free_netdev(dev);
}
