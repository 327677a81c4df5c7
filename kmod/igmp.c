// SPDX-License-Identifier: GPL-2.0
/*
 * The IGMP edge of the router side: validate an IGMP message received on a
 * router-mode interface and hand it on. Reports of every version become
 * group records for memb.c (RFC 3376 7.3.2: v1/v2 reports are IS_EX({}),
 * leaves TO_IN({}); IGMPv3 records through grec.c), queries go to the
 * querier (querier.c).
 */

#include <linux/igmp.h>
#include <linux/ip.h>
#include <linux/skbuff.h>
#include <net/ip.h>

#include "compat.h"
#include "hooks.h"
#include "grec.h"
#include "iface.h"
#include "memb.h"

/* Count one message in the interface's IGMP counters. */
#define IGMP_COUNT(iface, counter) \
	mcr_memb_count(iface, AF_INET, MCAST_ROUTER_A_QUERIER_STATS_##counter)

/* An option other than END and NOOP: type, length, data (RFC 791). */
#define OPT_MIN_LEN	2
/* Router Alert: type, length, a 16-bit value (RFC 2113). */
#define OPT_RA_LEN	4

/*
 * Whether the IPv4 options carry a Router Alert (RFC 2113). The header
 * and its options are in the linear area (ip_mc_check_igmp() pulled it).
 */
static bool has_router_alert(const struct iphdr *iph)
{
	const u8 *opt = (const u8 *)(iph + 1);
	unsigned int len = iph->ihl * 4 - sizeof(*iph);
	unsigned int i = 0;

	while (i < len) {
		if (opt[i] == IPOPT_END)
			break;
		if (opt[i] == IPOPT_NOOP) {
			i++;
			continue;
		}
		if (i + IPOPT_OLEN >= len ||
		    opt[i + IPOPT_OLEN] < OPT_MIN_LEN ||
		    i + opt[i + IPOPT_OLEN] > len)
			break;
		if (opt[i + IPOPT_OPTVAL] == IPOPT_RA &&
		    opt[i + IPOPT_OLEN] == OPT_RA_LEN)
			return true;
		i += opt[i + IPOPT_OLEN];
	}
	return false;
}

/* IGMPv1/v2 reports and leaves: one record without sources. */
static void report_v12(struct mcr_iface *iface, const struct iphdr *iph,
		       const struct igmphdr *ih)
{
	struct mcr_record r = {
		.family = AF_INET,
		.type = MCR_REC_IS_EX,
		.level = MCR_COMPAT_V2,
	};

	if (!ipv4_is_multicast(ih->group)) {
		IGMP_COUNT(iface, MALFORMED);
		return;
	}
	r.group.ip4 = ih->group;
	r.reporter.ip4 = iph->saddr;
	switch (ih->type) {
	case IGMP_HOST_MEMBERSHIP_REPORT:
		r.level = MCR_COMPAT_V1;
		break;
	case IGMP_HOST_LEAVE_MESSAGE:
		r.type = MCR_REC_TO_IN;
		r.leave = true;
		IGMP_COUNT(iface, LEAVES_RX);
		mcr_memb_report(iface, &r);
		return;
	}
	IGMP_COUNT(iface, REPORTS_RX);
	mcr_memb_report(iface, &r);
}

static void report_v3(struct mcr_iface *iface, const struct sk_buff *skb,
		      const struct iphdr *iph, unsigned int off,
		      unsigned int end)
{
	unsigned int ngrec = mcr_grec_count(skb, off);
	struct mcr_addr reporter = { .ip4 = iph->saddr };

	off += MCR_REPORT_HDR_LEN;
	if (!has_router_alert(iph) ||
	    !mcr_grec_check(skb, sizeof(__be32), off, end, ngrec)) {
		IGMP_COUNT(iface, MALFORMED);
		return;
	}
	IGMP_COUNT(iface, REPORTS_RX);
	mcr_grec_apply(iface, skb, AF_INET, &reporter, off, ngrec);
}

static void query(struct mcr_iface *iface, const struct sk_buff *skb,
		  const struct iphdr *iph, unsigned int off, unsigned int end)
{
	const struct igmpv3_query *ih3 = (const void *)skb->data + off;
	struct mcr_addr querier = { .ip4 = iph->saddr };
	struct mcr_querier_pquery pq = { .family = AF_INET };
	u8 qrv = 0, qqic = 0;
	bool self;

	/* ip_mc_check_igmp(): 8 bytes (v1/v2) or at least 12 (v3). */
	if (end - off > sizeof(struct igmphdr)) {
		qrv = ih3->qrv;
		qqic = ih3->qqic;
		pq.nsrcs = ntohs(ih3->nsrcs);
		pq.s_flag = ih3->suppress;
		pq.src_off = off + sizeof(*ih3);
		if (!has_router_alert(iph) ||
		    pq.src_off + pq.nsrcs * sizeof(__be32) > end) {
			IGMP_COUNT(iface, MALFORMED);
			return;
		}
	}
	self = mcr_querier_heard(iface, AF_INET, &querier, qrv, qqic);
	if (!ih3->group || self)
		return;
	pq.group.ip4 = ih3->group;
	mcr_querier_heard_specific(iface, skb, &pq);
}

/**
 * mcr_igmp_input() - an IGMP message arrived
 * @net: the namespace
 * @skb: the datagram, IP header at skb->data; only read (the host stack
 *	still receives it)
 *
 * Context: the PRE_ROUTING hook (softirq, rcu_read_lock()).
 */
void mcr_igmp_input(struct net *net, struct sk_buff *skb)
{
	struct mcr_iface *iface = mcr_memb_iface(net, skb->dev);
	u16 transport = skb->transport_header;
	const struct igmphdr *ih;
	const struct iphdr *iph;
	unsigned int off, end;
	int err;

	if (!iface)
		return;
	err = ip_mc_check_igmp(skb);
	off = skb_transport_offset(skb);
	/* The host stack after us expects the header offsets it set. */
	skb->transport_header = transport;
	if (err == -ENOMSG) {
		IGMP_COUNT(iface, IGNORED);
		return;
	}
	iph = ip_hdr(skb);
	if (err || iph->ttl != 1) {
		IGMP_COUNT(iface, MALFORMED);
		return;
	}
	end = ntohs(iph->tot_len);
	ih = (const void *)skb->data + off;
	switch (ih->type) {
	case IGMP_HOST_MEMBERSHIP_QUERY:
		query(iface, skb, iph, off, end);
		break;
	case IGMP_HOST_MEMBERSHIP_REPORT:
	case IGMPV2_HOST_MEMBERSHIP_REPORT:
	case IGMP_HOST_LEAVE_MESSAGE:
		report_v12(iface, iph, ih);
		break;
	case IGMPV3_HOST_MEMBERSHIP_REPORT:
		report_v3(iface, skb, iph, off, end);
		break;
	}
}
