// SPDX-License-Identifier: GPL-2.0
/*
 * The MLD edge of the router side: validate an MLD message received on a
 * router-mode interface and hand it on: reports become group records for
 * memb.c (RFC 3810; MLDv1 reports are IS_EX({}), dones TO_IN({}), section
 * 8.3.2; MLDv2 records through grec.c), queries go to querier.c.
 */

#include <linux/icmpv6.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <net/addrconf.h>
#include <net/ipv6.h>
#include <net/mld.h>

#include "compat.h"
#include "hooks.h"
#include "grec.h"
#include "iface.h"
#include "memb.h"

/* Count one message in the interface's MLD counters. */
#define MLD_COUNT(iface, counter) \
	mcr_memb_count(iface, AF_INET6, MCAST_ROUTER_A_QUERIER_STATS_##counter)

static bool is_mld_type(u8 type)
{
	return type == ICMPV6_MGM_QUERY || type == ICMPV6_MGM_REPORT ||
	       type == ICMPV6_MGM_REDUCTION || type == ICMPV6_MLD2_REPORT;
}

/* Whether the byte at @off is an MLD type (for messages that failed). */
static bool mld_type_at(const struct sk_buff *skb, unsigned int off)
{
	u8 type;

	return !skb_copy_bits(skb, off, &type, 1) && is_mld_type(type);
}

static void report_v1(struct mcr_iface *iface, const struct ipv6hdr *ip6h,
		      const struct mld_msg *mld)
{
	struct mcr_record r = {
		.family = AF_INET6,
		.type = MCR_REC_IS_EX,
		.level = MCR_COMPAT_V2,
	};

	if (!ipv6_addr_is_multicast(&mld->mld_mca)) {
		MLD_COUNT(iface, MALFORMED);
		return;
	}
	r.group.ip6 = mld->mld_mca;
	r.reporter.ip6 = ip6h->saddr;
	if (mld->mld_type == ICMPV6_MGM_REDUCTION) {
		r.type = MCR_REC_TO_IN;
		r.leave = true;
		MLD_COUNT(iface, LEAVES_RX);
	} else {
		MLD_COUNT(iface, REPORTS_RX);
	}
	mcr_memb_report(iface, &r);
}

static void report_v2(struct mcr_iface *iface, const struct sk_buff *skb,
		      const struct ipv6hdr *ip6h, unsigned int off,
		      unsigned int end)
{
	unsigned int ngrec = mcr_grec_count(skb, off);
	struct mcr_addr reporter = { .ip6 = ip6h->saddr };

	off += MCR_REPORT_HDR_LEN;
	if (!mcr_grec_check(skb, sizeof(struct in6_addr), off, end,
			    ngrec)) {
		MLD_COUNT(iface, MALFORMED);
		return;
	}
	MLD_COUNT(iface, REPORTS_RX);
	mcr_grec_apply(iface, skb, AF_INET6, &reporter, off, ngrec);
}

static void query(struct mcr_iface *iface, const struct sk_buff *skb,
		  const struct ipv6hdr *ip6h, unsigned int off,
		  unsigned int end)
{
	const struct mld2_query *q2 = (const void *)skb->data + off;
	struct mcr_addr querier = { .ip6 = ip6h->saddr };
	struct mcr_querier_pquery pq = { .family = AF_INET6 };
	u8 qrv = 0, qqic = 0;
	bool self;

	/* ipv6_mc_check_mld(): 24 bytes (v1) or at least 28 (v2). */
	if (end - off > sizeof(struct mld_msg)) {
		qrv = q2->mld2q_qrv;
		qqic = q2->mld2q_qqic;
		pq.nsrcs = ntohs(q2->mld2q_nsrcs);
		pq.s_flag = q2->mld2q_suppress;
		pq.src_off = off + sizeof(*q2);
		if (pq.src_off + pq.nsrcs * sizeof(struct in6_addr) > end) {
			MLD_COUNT(iface, MALFORMED);
			return;
		}
	}
	self = mcr_querier_heard(iface, AF_INET6, &querier, qrv, qqic);
	if (ipv6_addr_any(&q2->mld2q_mca) || self)
		return;
	pq.group.ip6 = q2->mld2q_mca;
	mcr_querier_heard_specific(iface, skb, &pq);
}

/**
 * mcr_mld_input() - an IPv6 multicast datagram arrived: handle it if it is
 *	an MLD message
 * @net: the namespace
 * @skb: the datagram, IPv6 header at skb->data; only read
 *
 * Context: the PRE_ROUTING hook (softirq, rcu_read_lock()).
 * Return: true if it was MLD (then it is not forwarded).
 */
bool mcr_mld_input(struct net *net, struct sk_buff *skb)
{
	u16 transport = skb->transport_header;
	const struct ipv6hdr *ip6h;
	struct mcr_iface *iface;
	const struct mld_msg *mld;
	unsigned int off, end;
	int err;

	if (ipv6_hdr(skb)->nexthdr != NEXTHDR_HOP &&
	    ipv6_hdr(skb)->nexthdr != IPPROTO_ICMPV6)
		return false;
	err = ipv6_mc_check_mld(skb);
	off = skb_transport_offset(skb);
	/* The host stack after us expects the header offsets it set. */
	skb->transport_header = transport;
	if (err == -ENODATA)
		return false;	/* ICMPv6, not MLD */
	if (err == -ENOMSG) {
		/* Not ICMPv6 after a Hop-by-Hop header: MLD without one? */
		if (ipv6_hdr(skb)->nexthdr != IPPROTO_ICMPV6 ||
		    !mld_type_at(skb, sizeof(struct ipv6hdr)))
			return false;
	} else if (err && !mld_type_at(skb, off)) {
		return false;
	}
	iface = mcr_memb_iface(net, skb->dev);
	if (!iface)
		return true;
	ip6h = ipv6_hdr(skb);
	if (err || ip6h->hop_limit != 1 ||
	    !(ipv6_addr_type(&ip6h->saddr) & IPV6_ADDR_LINKLOCAL) ||
	    ipv6_find_tlv(skb, sizeof(*ip6h), IPV6_TLV_ROUTERALERT) < 0) {
		MLD_COUNT(iface, MALFORMED);
		return true;
	}
	end = sizeof(*ip6h) + ntohs(ip6h->payload_len);
	mld = (const void *)skb->data + off;
	switch (mld->mld_type) {
	case ICMPV6_MGM_QUERY:
		query(iface, skb, ip6h, off, end);
		break;
	case ICMPV6_MGM_REPORT:
	case ICMPV6_MGM_REDUCTION:
		report_v1(iface, ip6h, mld);
		break;
	case ICMPV6_MLD2_REPORT:
		report_v2(iface, skb, ip6h, off, end);
		break;
	}
	return true;
}
