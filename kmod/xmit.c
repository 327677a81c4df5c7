// SPDX-License-Identifier: GPL-2.0
/*
 * The way out of a forwarded copy, for both families: a private header,
 * the TTL / hop limit decremented, netfilter FORWARD and POST_ROUTING, a
 * link header for the group, and the device queue. The copy's
 * skb->protocol says its family from there on.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netfilter.h>
#include <linux/skbuff.h>
#include <net/if_inet6.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/netfilter/nf_conntrack.h>

#include "compat.h"
#include "forward.h"

static bool is_ipv4(const struct sk_buff *skb)
{
	return skb->protocol == htons(ETH_P_IP);
}

static u8 nfproto(const struct sk_buff *skb)
{
	return is_ipv4(skb) ? NFPROTO_IPV4 : NFPROTO_IPV6;
}

static int output_finish(struct net *net, struct sock *sk,
			 struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	u8 mac[MAX_ADDR_LEN];
	int err;

	if (dev->header_ops) {
		if (dev->type != ARPHRD_ETHER) {
			kfree_skb(skb);
			return -EAFNOSUPPORT;
		}
		if (is_ipv4(skb))
			ip_eth_mc_map(ip_hdr(skb)->daddr, mac);
		else
			ipv6_eth_mc_map(&ipv6_hdr(skb)->daddr, mac);
		if (dev_hard_header(skb, dev, ntohs(skb->protocol), mac, NULL,
				    skb->len) < 0) {
			kfree_skb(skb);
			return -EINVAL;
		}
	}
	/* Positive NET_XMIT_* codes: dropped, except congestion (CN). */
	err = dev_queue_xmit(skb);
	return err > 0 ? net_xmit_errno(err) : err;
}

static int forward_finish(struct net *net, struct sock *sk,
			  struct sk_buff *skb)
{
	return NF_HOOK(nfproto(skb), NF_INET_POST_ROUTING, net, sk, skb,
		       NULL, skb->dev, output_finish);
}

/**
 * mcr_fwd_xmit() - send one copy of a datagram
 * @net: the namespace
 * @orig: the datagram as received, the IP header at skb->data; not consumed
 * @in: arrival device
 * @out: output device
 * @family: AF_INET or AF_INET6
 *
 * The copy has its own header (the TTL changes) and shares the payload
 * pages. Nothing is fragmented: a datagram over the oif's MTU is not sent
 * (IPv6 routers never fragment; for IPv4 the fast path does not either,
 * and the drop is counted as a tx error).
 *
 * Context: BH disabled.
 * Return: 0 if the copy was handed on, a negative errno if it could not be
 * made or was dropped (by netfilter, the qdisc or the device).
 */
int mcr_fwd_xmit(struct net *net, struct sk_buff *orig,
		 struct net_device *in, struct net_device *out, u16 family)
{
	struct sk_buff *skb;

	if (orig->len > READ_ONCE(out->mtu))
		return -EMSGSIZE;

	skb = __pskb_copy(orig, LL_RESERVED_SPACE(out), GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	/*
	 * __pskb_copy() copies the header offsets as they were, relative to
	 * the old head; the new headroom differs (it depends on who built
	 * the original), so they must be moved by the difference.
	 */
	skb_headers_offset_update(skb, skb_headroom(skb) - skb_headroom(orig));
	skb_dst_drop(skb);
	nf_reset_ct(skb);
	skb_forward_csum(skb);
	skb->protocol = family == AF_INET ? htons(ETH_P_IP) : htons(ETH_P_IPV6);
	if (is_ipv4(skb)) {
		memset(IPCB(skb), 0, sizeof(*IPCB(skb)));
		IPCB(skb)->flags |= IPSKB_FORWARDED;
		ip_decrease_ttl(ip_hdr(skb));
	} else {
		memset(IP6CB(skb), 0, sizeof(*IP6CB(skb)));
		IP6CB(skb)->flags |= IP6SKB_FORWARDED;
		ipv6_hdr(skb)->hop_limit--;
	}
	skb->dev = out;
	skb->pkt_type = PACKET_HOST;

	return NF_HOOK(nfproto(skb), NF_INET_FORWARD, net, NULL, skb, in, out,
		       forward_finish);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_fwd_xmit);
