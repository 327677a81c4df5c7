// SPDX-License-Identifier: GPL-2.0
/*
 * IPv6 edge of the fast path: header validation at PRE_ROUTING. The copies
 * go out through xmit.c; routers do not fragment IPv6, so a copy over the
 * oif's MTU is dropped and counted (tx-errors).
 */

#include <linux/ipv6.h>
#include <linux/netfilter.h>
#include <linux/skbuff.h>
#include <net/ipv6.h>

#include "compat.h"
#include "forward.h"
#include "hooks.h"

/**
 * mcr_ipv6_hook() - PRE_ROUTING hook for IPv6
 * @priv: unused
 * @skb: the received datagram; always accepted (local delivery unchanged)
 * @state: the hook state
 *
 * Return: NF_ACCEPT.
 */
unsigned int mcr_ipv6_hook(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state)
{
	const struct ipv6hdr *ip6h;
	struct mcr_fwd_pkt pkt;

	if (skb->pkt_type == PACKET_LOOPBACK ||
	    !pskb_may_pull(skb, sizeof(*ip6h)))
		return NF_ACCEPT;
	ip6h = ipv6_hdr(skb);
	if (!ipv6_addr_is_multicast(&ip6h->daddr) || ip6h->version != 6)
		return NF_ACCEPT;
	/* Jumbograms (payload_len 0) are not forwarded. */
	if (!ip6h->payload_len ||
	    ntohs(ip6h->payload_len) + sizeof(*ip6h) != skb->len)
		return NF_ACCEPT;
	/* MLD is for the router side and the host stack, never forwarded. */
	if (mcr_mld_input(state->net, skb))
		return NF_ACCEPT;

	ip6h = ipv6_hdr(skb);
	memset(&pkt, 0, sizeof(pkt));
	pkt.family = AF_INET6;
	pkt.source.ip6 = ip6h->saddr;
	pkt.group.ip6 = ip6h->daddr;
	pkt.ttl = ip6h->hop_limit;
	pkt.len = skb->len;
	mcr_fwd_input(state->net, skb, &pkt);
	return NF_ACCEPT;
}
