// SPDX-License-Identifier: GPL-2.0
/*
 * The group records of IGMPv3 and MLDv2 reports (struct igmpv3_grec,
 * struct mld2_grec): check that every record lies inside the message,
 * then hand each record to the membership (mcr_memb_report()). One walker
 * for both address sizes; igmp.c and mld.c call it.
 */

#include <linux/igmp.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <net/mld.h>

#include "compat.h"
#include "grec.h"
#include "iface_types.h"
#include "memb.h"

/*
 * A multi-record report (IGMPv3, MLDv2) is one layout with two address
 * sizes: struct igmpv3_grec and struct mld2_grec share their header (type,
 * auxiliary data length in 32-bit words, source count) and differ only in
 * the size of the group and of each source that follow it, then the
 * auxiliary data.
 */
#define GREC_HDR_LEN	offsetof(struct igmpv3_grec, grec_mca)
static_assert(offsetof(struct mld2_grec, grec_mca) == GREC_HDR_LEN);
static_assert(sizeof_field(struct igmpv3_grec, grec_mca) == sizeof(__be32));
static_assert(sizeof_field(struct mld2_grec, grec_mca) ==
	      sizeof(struct in6_addr));

/* A record's header: false if beyond the packet. */
static bool read_grec(const struct sk_buff *skb, unsigned int off,
		      struct igmpv3_grec *h)
{
	return !skb_copy_bits(skb, off, h, GREC_HDR_LEN);
}

static unsigned int rec_len(unsigned int alen, const struct igmpv3_grec *h)
{
	return GREC_HDR_LEN + alen + ntohs(h->grec_nsrcs) * alen +
	       h->grec_auxwords * sizeof(u32);
}

/**
 * mcr_grec_check() - validate the records of a multi-record report
 * @skb: the report
 * @alen: address length, 4 (IGMPv3) or 16 (MLDv2)
 * @off: offset of the first record from skb->data
 * @end: offset of the end of the message
 * @ngrec: the report's record count
 *
 * Every record header, source list and auxiliary data must lie inside the
 * message; nothing past @end is read.
 *
 * Return: true if the records fit.
 */
bool mcr_grec_check(const struct sk_buff *skb, unsigned int alen,
		    unsigned int off, unsigned int end, unsigned int ngrec)
{
	struct igmpv3_grec h;

	while (ngrec--) {
		if (off + GREC_HDR_LEN + alen > end || !read_grec(skb, off, &h))
			return false;
		off += rec_len(alen, &h);
		if (off > end)
			return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_grec_check);

/* One record: its sources read into an array sized by the record. */
static void apply_record(struct mcr_iface *iface, const struct sk_buff *skb,
			 struct mcr_record *r, unsigned int off,
			 unsigned int alen, unsigned int nsrcs)
{
	const struct mcr_iface_cfg *cfg = rcu_dereference(iface->cfg);
	struct mcr_querier *q = &iface->memb.q[mcr_fam_idx(r->family)];
	struct mcr_addr *srcs = NULL;
	unsigned int i;

	if (nsrcs > cfg->max_sources) {
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_REFUSED, 1);
		return;
	}
	if (nsrcs) {
		srcs = kmalloc_array(nsrcs, sizeof(*srcs), GFP_ATOMIC);
		if (!srcs) {
			mcr_stats_add(q->stats,
				      MCAST_ROUTER_A_QUERIER_STATS_REFUSED, 1);
			return;
		}
		for (i = 0; i < nsrcs; i++)
			mcr_addr_read(skb, off + i * alen, alen, &srcs[i]);
	}
	r->srcs = srcs;
	r->n = nsrcs;
	mcr_memb_report(iface, r);
	kfree(srcs);
}

/**
 * mcr_grec_apply() - apply the records of a validated multi-record report
 * @iface: the interface
 * @skb: the report, checked by mcr_grec_check()
 * @family: AF_INET or AF_INET6
 * @reporter: the report's IP source
 * @off: offset of the first record
 * @ngrec: the record count
 *
 * Unknown record types and groups of the wrong scope are ignored and
 * counted.
 *
 * Context: softirq, rcu_read_lock().
 */
void mcr_grec_apply(struct mcr_iface *iface, const struct sk_buff *skb,
		    u16 family, const struct mcr_addr *reporter,
		    unsigned int off, unsigned int ngrec)
{
	struct mcr_querier *q = &iface->memb.q[mcr_fam_idx(family)];
	unsigned int alen = mcr_addr_len(family);
	struct mcr_record r = {
		.family = family,
		.reporter = *reporter,
		.level = MCR_COMPAT_V3,
	};
	struct igmpv3_grec h;

	while (ngrec--) {
		if (!read_grec(skb, off, &h) ||
		    !mcr_addr_read(skb, off + GREC_HDR_LEN, alen, &r.group))
			return;
		if (h.grec_type >= MCR_REC_IS_IN &&
		    h.grec_type <= MCR_REC_BLOCK) {
			r.type = h.grec_type;
			apply_record(iface, skb, &r, off + GREC_HDR_LEN + alen,
				     alen, ntohs(h.grec_nsrcs));
		} else {
			mcr_stats_add(q->stats,
				      MCAST_ROUTER_A_QUERIER_STATS_IGNORED, 1);
		}
		off += rec_len(alen, &h);
	}
}

