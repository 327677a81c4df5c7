/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit fixture shared by the suites that transmit: a real (minimal,
 * ether_setup, noqueue) Ethernet net_device, registered and up, that keeps
 * the first packet it is given and a test asks for.
 */
#ifndef _MCR_TESTS_NETDEV_FIXTURE_H
#define _MCR_TESTS_NETDEV_FIXTURE_H

#include <kunit/test.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

/**
 * struct mcr_test_netdev - the private data of a test device
 * @keep: whether the device keeps a transmitted skb (else it is freed)
 * @kept: the first skb @keep accepted, or NULL; a test that takes it
 *	sets @kept back to NULL
 */
struct mcr_test_netdev {
	bool (*keep)(const struct sk_buff *skb);
	struct sk_buff *kept;
};

struct net_device *mcr_test_netdev_create(struct kunit *test,
					  const char *name,
					  bool (*keep)(const struct sk_buff *skb));
void mcr_test_netdev_destroy(struct net_device *dev);

#endif /* _MCR_TESTS_NETDEV_FIXTURE_H */
