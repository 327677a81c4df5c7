// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the way out of a forwarded copy (xmit.c), on a real
 * (minimal, ether_setup, noqueue) net_device that keeps what it is given:
 * whatever the headroom of the original, the copy's network header is its
 * IP header, the TTL / hop limit is one less (IPv4 checksum still valid),
 * the addresses are intact and the destination MAC is the group's.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <net/if_inet6.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "../forward.h"
#include "netdev_fixture.h"

/* Only skbs carrying this mark are kept: the stack sends its own too. */
#define TEST_MARK 0x6d6372

static bool keep_marked(const struct sk_buff *skb)
{
	return skb->mark == TEST_MARK;
}

static int mcr_xmit_test_init(struct kunit *test)
{
	test->priv = mcr_test_netdev_create(test, "mcrxmit%d", keep_marked);
	return 0;
}

static void mcr_xmit_test_exit(struct kunit *test)
{
	mcr_test_netdev_destroy(test->priv);
}

struct xmit_case {
	const char *desc;
	u16 family;
	unsigned int headroom;
};

/* The copy gets LL_RESERVED_SPACE (16 here); the originals vary. */
static const struct xmit_case xmit_cases[] = {
	{ "IPv4 headroom 16 (same as the copy)", AF_INET, 16 },
	{ "IPv4 headroom 24", AF_INET, 24 },
	{ "IPv4 headroom 2", AF_INET, 2 },
	{ "IPv4 headroom 128", AF_INET, 128 },
	{ "IPv6 headroom 16 (same as the copy)", AF_INET6, 16 },
	{ "IPv6 headroom 24", AF_INET6, 24 },
	{ "IPv6 headroom 2", AF_INET6, 2 },
	{ "IPv6 headroom 128", AF_INET6, 128 },
};

static void xmit_desc(const struct xmit_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(xmit, xmit_cases, xmit_desc);

#define PAYLOAD 8

static struct sk_buff *build_ipv4(struct kunit *test, unsigned int headroom)
{
	struct sk_buff *skb = alloc_skb(headroom + sizeof(struct iphdr) +
					PAYLOAD, GFP_KERNEL);
	struct iphdr *iph;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, headroom);
	skb_reset_network_header(skb);
	iph = skb_put_zero(skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 8;
	iph->protocol = IPPROTO_UDP;
	iph->tot_len = htons(sizeof(*iph) + PAYLOAD);
	iph->saddr = htonl(0x0a000001);		/* 10.0.0.1 */
	iph->daddr = htonl(0xef010101);		/* 239.1.1.1 */
	ip_send_check(iph);
	memset(skb_put(skb, PAYLOAD), 0xa5, PAYLOAD);
	skb->protocol = htons(ETH_P_IP);
	return skb;
}

static struct sk_buff *build_ipv6(struct kunit *test, unsigned int headroom)
{
	struct sk_buff *skb = alloc_skb(headroom + sizeof(struct ipv6hdr) +
					PAYLOAD, GFP_KERNEL);
	struct ipv6hdr *ip6h;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, headroom);
	skb_reset_network_header(skb);
	ip6h = skb_put_zero(skb, sizeof(*ip6h));
	ip6h->version = 6;
	ip6h->hop_limit = 8;
	ip6h->nexthdr = IPPROTO_UDP;
	ip6h->payload_len = htons(PAYLOAD);
	ip6h->saddr.s6_addr[0] = 0xfd;		/* fd00::1 */
	ip6h->saddr.s6_addr[15] = 1;
	ip6h->daddr.s6_addr[0] = 0xff;		/* ff0e::101 */
	ip6h->daddr.s6_addr[1] = 0x0e;
	ip6h->daddr.s6_addr[14] = 1;
	ip6h->daddr.s6_addr[15] = 1;
	memset(skb_put(skb, PAYLOAD), 0xa5, PAYLOAD);
	skb->protocol = htons(ETH_P_IPV6);
	return skb;
}

static void mcr_xmit_test_copy(struct kunit *test)
{
	const struct xmit_case *c = test->param_value;
	struct net_device *dev = test->priv;
	struct mcr_test_netdev *p = netdev_priv(dev);
	struct sk_buff *orig, *copy;
	const struct ethhdr *eth;
	u8 mac[ETH_ALEN];
	int err;

	orig = c->family == AF_INET ? build_ipv4(test, c->headroom) :
				      build_ipv6(test, c->headroom);
	orig->dev = dev;
	orig->mark = TEST_MARK;

	local_bh_disable();
	rcu_read_lock();
	err = mcr_fwd_xmit(dev_net(dev), orig, dev, dev, c->family);
	rcu_read_unlock();
	local_bh_enable();
	copy = p->kept;
	p->kept = NULL;

	KUNIT_EXPECT_EQ(test, 0, err);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	/* The original is untouched and still owned here. */
	KUNIT_EXPECT_EQ(test, 0, skb_network_offset(orig));
	KUNIT_EXPECT_EQ(test, ETH_HLEN, skb_network_offset(copy));
	KUNIT_EXPECT_EQ(test, (int)(orig->len + ETH_HLEN), (int)copy->len);
	KUNIT_EXPECT_EQ(test, 0, memcmp(skb_tail_pointer(orig) - PAYLOAD,
					skb_tail_pointer(copy) - PAYLOAD,
					PAYLOAD));

	if (c->family == AF_INET) {
		const struct iphdr *o = ip_hdr(orig), *n = ip_hdr(copy);

		KUNIT_EXPECT_EQ(test, 8, o->ttl);
		KUNIT_EXPECT_EQ(test, 7, n->ttl);
		KUNIT_EXPECT_TRUE(test, o->saddr == n->saddr);
		KUNIT_EXPECT_TRUE(test, o->daddr == n->daddr);
		KUNIT_EXPECT_EQ(test, 0, (__force u16)ip_fast_csum(n, n->ihl));
		ip_eth_mc_map(n->daddr, mac);
	} else {
		const struct ipv6hdr *o = ipv6_hdr(orig), *n = ipv6_hdr(copy);

		KUNIT_EXPECT_EQ(test, 8, o->hop_limit);
		KUNIT_EXPECT_EQ(test, 7, n->hop_limit);
		KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&o->saddr, &n->saddr));
		KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&o->daddr, &n->daddr));
		ipv6_eth_mc_map(&n->daddr, mac);
	}
	eth = (const struct ethhdr *)copy->data;
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(mac, eth->h_dest));
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(dev->dev_addr, eth->h_source));
	KUNIT_EXPECT_TRUE(test, eth->h_proto == (c->family == AF_INET ?
						 htons(ETH_P_IP) :
						 htons(ETH_P_IPV6)));
	kfree_skb(copy);
	kfree_skb(orig);
}

/* Over the MTU: refused, nothing sent, the original kept. */
static void mcr_xmit_test_mtu(struct kunit *test)
{
	struct net_device *dev = test->priv;
	struct mcr_test_netdev *p = netdev_priv(dev);
	struct sk_buff *orig = build_ipv4(test, 16);
	unsigned int mtu = dev->mtu;
	int err;

	orig->dev = dev;
	orig->mark = TEST_MARK;
	WRITE_ONCE(dev->mtu, orig->len - 1);
	local_bh_disable();
	rcu_read_lock();
	err = mcr_fwd_xmit(dev_net(dev), orig, dev, dev, AF_INET);
	rcu_read_unlock();
	local_bh_enable();
	WRITE_ONCE(dev->mtu, mtu);
	KUNIT_EXPECT_EQ(test, -EMSGSIZE, err);
	KUNIT_EXPECT_NULL(test, p->kept);
	kfree_skb(orig);
}

static struct kunit_case mcr_xmit_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_xmit_test_copy, xmit_gen_params),
	KUNIT_CASE(mcr_xmit_test_mtu),
	{}
};

static struct kunit_suite mcr_xmit_test_suite = {
	.name = "mcast_router_xmit",
	.init = mcr_xmit_test_init,
	.exit = mcr_xmit_test_exit,
	.test_cases = mcr_xmit_test_cases,
};

kunit_test_suite(mcr_xmit_test_suite);
