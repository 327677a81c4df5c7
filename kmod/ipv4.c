// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 edge of the fast path: header validation at PRE_ROUTING. The copies
 * go out through xmit.c.
 */

#include <linux/ip.h>
#include <linux/netfilter.h>
#include <linux/skbuff.h>
#include <net/ip.h>

#include "compat.h"
#include "forward.h"
#include "hooks.h"

/**
 * mcr_ipv4_hook() - PRE_ROUTING hook for IPv4
 * @priv: unused
 * @skb: the received datagram; always accepted (local delivery unchanged)
 * @state: the hook state
 *
 * ip_rcv_core() has validated the header before PRE_ROUTING; it is checked
 * again here, as the hook must not trust its position in the chain.
 *
 * Return: NF_ACCEPT.
 */
unsigned int mcr_ipv4_hook(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state)
{
	struct mcr_fwd_pkt pkt;
	const struct iphdr *iph;
	unsigned int ihl;

	if (skb->pkt_type == PACKET_LOOPBACK ||
	    !pskb_may_pull(skb, sizeof(*iph)))
		return NF_ACCEPT;
	iph = ip_hdr(skb);
	if (!ipv4_is_multicast(iph->daddr) || iph->version != 4 ||
	    iph->ihl < 5)
		return NF_ACCEPT;
	ihl = iph->ihl * 4;
	if (ntohs(iph->tot_len) < ihl || ntohs(iph->tot_len) != skb->len ||
	    !pskb_may_pull(skb, ihl))
		return NF_ACCEPT;

	iph = ip_hdr(skb);
	/* IGMP is for the router side and the host stack, never forwarded. */
	if (iph->protocol == IPPROTO_IGMP) {
		mcr_igmp_input(state->net, skb);
		return NF_ACCEPT;
	}
	memset(&pkt, 0, sizeof(pkt));
	pkt.family = AF_INET;
	pkt.source.ip4 = iph->saddr;
	pkt.group.ip4 = iph->daddr;
	pkt.ttl = iph->ttl;
	pkt.len = skb->len;
	mcr_fwd_input(state->net, skb, &pkt);
	return NF_ACCEPT;
}
