// SPDX-License-Identifier: GPL-2.0
/*
 * IGMP (v1, v2, v3) and MLD (v1, v2) queries as a querier sends them: the
 * IP header with its Router Alert (an IPv4 option, or an IPv6 Hop-by-Hop
 * header), TTL / hop limit 1, the query itself with its checksum, and the
 * link header for the destination group; then straight to the device
 * queue. The encodings of the Max Resp Code and QQIC fields are here too.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/icmpv6.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/igmp.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/minmax.h>
#include <linux/pkt_sched.h>
#include <linux/skbuff.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/mld.h>

#include "compat.h"
#include "query.h"

/* The IPv4 Router Alert option (RFC 2113): type, length, value 0. */
#define IGMP_RA_LEN	4
/* QRV is 3 bits (RFC 3376 4.1.6, RFC 3810 5.1.8); larger values go as 0. */
#define QRV_MAX		7
/* Hop-by-Hop header: Router Alert (RFC 2711), value MLD, then PadN. */
#define MLD_HBH_LEN	8

/*
 * RFC 3376 4.1.1 / 4.1.7 and RFC 3810 5.1.3 / 5.1.9: a value below
 * 2^(mant_bits + 3) is sent as is; above, as 1 | exp (3 bits) | mant, which
 * stands for (mant | 1 << mant_bits) << (exp + 3). The mantissa is
 * truncated (the value sent is never above the one asked for); what does
 * not fit saturates to all ones.
 */
static u32 code_float(u32 value, unsigned int mant_bits)
{
	u32 limit = 1U << (mant_bits + 3);
	unsigned int exp;

	if (value < limit)
		return value;
	exp = fls(value) - 1 - mant_bits - 3;
	if (exp > 7)
		return (limit << 1) - 1;
	return limit | exp << mant_bits |
	       ((value >> (exp + 3)) & ((1U << mant_bits) - 1));
}

/**
 * mcr_query_code8() - encode an 8-bit IGMPv3 Max Resp Code or QQIC
 * @value: the value (tenths of a second for Max Resp Code, seconds for
 *	QQIC)
 *
 * RFC 3376 4.1.1 / 4.1.7, also MLDv2's QQIC (RFC 3810 5.1.9).
 *
 * Return: @value if below 128, else the floating-point code of the
 * largest representable value not above @value; 0xff (31744) for values
 * above the largest representable.
 */
VISIBLE_IF_KUNIT u8 mcr_query_code8(u32 value)
{
	return code_float(value, 4);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_query_code8);

/**
 * mcr_query_code16() - encode the 16-bit MLDv2 Maximum Response Code
 * @value: the maximum response delay, milliseconds
 *
 * RFC 3810 5.1.3.
 *
 * Return: @value if below 32768, else the floating-point code of the
 * largest representable value not above @value; 0xffff (8387584) for
 * values above the largest representable.
 */
VISIBLE_IF_KUNIT u16 mcr_query_code16(u32 value)
{
	return code_float(value, 12);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_query_code16);

static bool query_valid(const struct mcr_query *q)
{
	if (q->n_sources && (!q->group || !q->sources))
		return false;
	switch (q->family) {
	case AF_INET:
		if (q->version < 1 || q->version > 3)
			return false;
		/* v1 has only general queries, v2 no source-specific ones. */
		if ((q->version == 1 && q->group) ||
		    (q->version < 3 && q->n_sources))
			return false;
		return !q->group || ipv4_is_multicast(q->group->ip4);
	case AF_INET6:
		if (q->version < 1 || q->version > 2)
			return false;
		if (q->version == 1 && q->n_sources)
			return false;
		return !q->group || ipv6_addr_is_multicast(&q->group->ip6);
	default:
		return false;
	}
}

/* The IP datagram's length; n_sources is at most U16_MAX. */
static unsigned int query_len(const struct mcr_query *q)
{
	if (q->family == AF_INET) {
		unsigned int len = sizeof(struct iphdr) + IGMP_RA_LEN;

		if (q->version < 3)
			return len + sizeof(struct igmphdr);
		return len + sizeof(struct igmpv3_query) +
		       q->n_sources * sizeof(__be32);
	}
	if (q->version == 1)
		return sizeof(struct ipv6hdr) + MLD_HBH_LEN +
		       sizeof(struct mld_msg);
	return sizeof(struct ipv6hdr) + MLD_HBH_LEN +
	       sizeof(struct mld2_query) +
	       q->n_sources * sizeof(struct in6_addr);
}

/* Fills the zeroed datagram of @len bytes at the network header. */
static void build_igmp(struct sk_buff *skb, const struct mcr_query *q,
		       unsigned int len)
{
	const unsigned int hlen = sizeof(struct iphdr) + IGMP_RA_LEN;
	__be32 group = q->group ? q->group->ip4 : 0;
	struct iphdr *iph = ip_hdr(skb);
	u8 *ra = (u8 *)(iph + 1);
	unsigned int i;

	iph->version = 4;
	iph->ihl = hlen >> 2;
	iph->tos = IPTOS_PREC_INTERNETCONTROL;
	iph->tot_len = htons(len);
	iph->ttl = 1;
	iph->protocol = IPPROTO_IGMP;
	iph->saddr = q->src.ip4;
	iph->daddr = q->group ? group : htonl(INADDR_ALLHOSTS_GROUP);
	ra[IPOPT_OPTVAL] = IPOPT_RA;
	ra[IPOPT_OLEN] = IGMP_RA_LEN;
	/* No DF: a unique id (the socketless generator). */
	ip_select_ident(dev_net(skb->dev), skb, NULL);
	ip_send_check(iph);
	skb_set_transport_header(skb, hlen);

	if (q->version == 3) {
		struct igmpv3_query *ih3 = igmpv3_query_hdr(skb);

		ih3->type = IGMP_HOST_MEMBERSHIP_QUERY;
		ih3->code = mcr_query_code8(q->max_resp_ms / 100);
		ih3->group = group;
		ih3->suppress = q->s_flag;
		ih3->qrv = q->qrv > QRV_MAX ? 0 : q->qrv;
		ih3->qqic = mcr_query_code8(q->qqi_s);
		ih3->nsrcs = htons(q->n_sources);
		for (i = 0; i < q->n_sources; i++)
			ih3->srcs[i] = q->sources[i].ip4;
		ih3->csum = ip_compute_csum(ih3, len - hlen);
	} else {
		struct igmphdr *ih = igmp_hdr(skb);

		ih->type = IGMP_HOST_MEMBERSHIP_QUERY;
		/*
		 * IGMPv2: tenths of a second, at least 1: hosts take a
		 * query with code 0 for an IGMPv1 one (RFC 2236 4).
		 */
		if (q->version == 2)
			ih->code = clamp(q->max_resp_ms / 100, 1U, 255U);
		ih->group = group;
		ih->csum = ip_compute_csum(ih, sizeof(*ih));
	}
}

/* Fills the zeroed datagram of @len bytes at the network header. */
static void build_mld(struct sk_buff *skb, const struct mcr_query *q,
		      unsigned int len)
{
	static const u8 hbh[MLD_HBH_LEN] = {
		IPPROTO_ICMPV6, 0,
		IPV6_TLV_ROUTERALERT, 2, 0, 0,	/* IPV6_OPT_ROUTERALERT_MLD */
		IPV6_TLV_PADN, 0,
	};
	static const struct in6_addr all_nodes =
		IN6ADDR_LINKLOCAL_ALLNODES_INIT;
	const unsigned int hlen = sizeof(struct ipv6hdr) + MLD_HBH_LEN;
	struct ipv6hdr *ip6h = ipv6_hdr(skb);
	unsigned int i, mlen = len - hlen;
	__sum16 *csum;
	void *icmp;

	ip6_flow_hdr(ip6h, 0, 0);
	ip6h->payload_len = htons(len - sizeof(*ip6h));
	ip6h->nexthdr = NEXTHDR_HOP;
	ip6h->hop_limit = 1;
	ip6h->saddr = q->src.ip6;
	ip6h->daddr = q->group ? q->group->ip6 : all_nodes;
	memcpy(ip6h + 1, hbh, sizeof(hbh));
	skb_set_transport_header(skb, hlen);
	icmp = skb_transport_header(skb);

	if (q->version == 2) {
		struct mld2_query *mlh2 = icmp;

		mlh2->mld2q_type = ICMPV6_MGM_QUERY;
		mlh2->mld2q_mrc = htons(mcr_query_code16(q->max_resp_ms));
		if (q->group)
			mlh2->mld2q_mca = q->group->ip6;
		mlh2->mld2q_suppress = q->s_flag;
		mlh2->mld2q_qrv = q->qrv > QRV_MAX ? 0 : q->qrv;
		mlh2->mld2q_qqic = mcr_query_code8(q->qqi_s);
		mlh2->mld2q_nsrcs = htons(q->n_sources);
		for (i = 0; i < q->n_sources; i++)
			mlh2->mld2q_srcs[i] = q->sources[i].ip6;
		csum = &mlh2->mld2q_cksum;
	} else {
		struct mld_msg *mld = icmp;

		mld->mld_type = ICMPV6_MGM_QUERY;
		mld->mld_maxdelay = htons(min(q->max_resp_ms, 65535U));
		if (q->group)
			mld->mld_mca = q->group->ip6;
		csum = &mld->mld_cksum;
	}
	/* The pseudo-header's length is the ICMPv6 message's alone. */
	*csum = csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, mlen,
				IPPROTO_ICMPV6, csum_partial(icmp, mlen, 0));
}

/**
 * mcr_query_build() - build a query, link header included
 * @dev: the device it goes out of
 * @q: what the query says
 * @gfp: allocation flags
 *
 * The datagram is never larger than @dev's MTU: a query whose sources do
 * not fit is refused, and the caller splits the sources. The link header
 * is the group's multicast MAC (Ethernet devices) or none (devices
 * without header_ops).
 *
 * Context: any; with GFP_ATOMIC, also softirq.
 * Return: the skb, skb->data at the link header (the network header if
 * there is none), ready for dev_queue_xmit(); ERR_PTR(-EINVAL) for a query
 * @q's family and version cannot make (unknown family or version, an
 * IGMPv1 group-specific query, sources before IGMPv3 / MLDv2, sources
 * without a group, a group that is not multicast), -EMSGSIZE if it does
 * not fit in the MTU, -EAFNOSUPPORT for a device with a link header that
 * is not Ethernet, -ENOMEM.
 */
struct sk_buff *mcr_query_build(struct net_device *dev,
				const struct mcr_query *q, gfp_t gfp)
{
	unsigned int hlen = LL_RESERVED_SPACE(dev);
	unsigned int tlen = dev->needed_tailroom;
	u8 mac[MAX_ADDR_LEN];
	struct sk_buff *skb;
	unsigned int len;

	if (!query_valid(q))
		return ERR_PTR(-EINVAL);
	if (q->n_sources > U16_MAX)
		return ERR_PTR(-EMSGSIZE);
	len = query_len(q);
	if (len > READ_ONCE(dev->mtu))
		return ERR_PTR(-EMSGSIZE);
	if (dev->header_ops && dev->type != ARPHRD_ETHER)
		return ERR_PTR(-EAFNOSUPPORT);

	skb = alloc_skb(hlen + len + tlen, gfp);
	if (!skb)
		return ERR_PTR(-ENOMEM);
	skb_reserve(skb, hlen);
	skb_reset_network_header(skb);
	skb_put_zero(skb, len);
	skb->dev = dev;
	skb->priority = TC_PRIO_CONTROL;

	if (q->family == AF_INET) {
		skb->protocol = htons(ETH_P_IP);
		build_igmp(skb, q, len);
		ip_eth_mc_map(ip_hdr(skb)->daddr, mac);
	} else {
		skb->protocol = htons(ETH_P_IPV6);
		build_mld(skb, q, len);
		ipv6_eth_mc_map(&ipv6_hdr(skb)->daddr, mac);
	}

	if (dev->header_ops &&
	    dev_hard_header(skb, dev, ntohs(skb->protocol), mac,
			    dev->dev_addr, skb->len) < 0) {
		kfree_skb(skb);
		return ERR_PTR(-EINVAL);
	}
	return skb;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_query_build);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * mcr_query_send() - build a query and queue it on the device
 * @dev: the device
 * @q: what the query says
 *
 * Context: any, softirq included (GFP_ATOMIC); the caller keeps @dev
 * alive (RTNL, RCU or a reference).
 * Return: 0 if handed to the device (or only congested), a negative errno
 * from mcr_query_build(), or from the queue or device if dropped.
 */
int mcr_query_send(struct net_device *dev, const struct mcr_query *q)
{
	struct sk_buff *skb = mcr_query_build(dev, q, GFP_ATOMIC);
	int err;

	if (IS_ERR(skb))
		return PTR_ERR(skb);
	/* Positive NET_XMIT_* codes: dropped, except congestion (CN). */
	err = dev_queue_xmit(skb);
	return err > 0 ? net_xmit_errno(err) : err;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_query_send);
#endif
