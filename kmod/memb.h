/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The router side of IGMP and MLD on one interface: the membership table
 * (group_table.c), one querier per family, and forwarding from membership. The
 * protocol edges (igmp.c, mld.c) parse messages and call in here; nothing
 * below them knows the protocols apart.
 *
 * Locking:
 *
 *   what                          written under            read under
 *   mcr_querier fields            mcr_gtable.lock (BH)        mcr_gtable.lock
 *   .self, .heard_qrv, .heard_qqi mcr_gtable.lock, WRITE_ONCE also READ_ONCE
 *                                                          (reports)
 *   mcr_querier.timer             armed under the lock; stopped with
 *                                 timer_delete_sync() under RTNL (mode
 *                                 off, interface teardown)
 *   mcr_querier.stats (per-CPU)   softirq and timers       netlink
 *
 * Lock order: mcr_mfc.lock, then mcr_gtable.lock (membership entries are
 * computed under the table lock). group_table.c calls changed() only after it
 * dropped its lock, and the refresh it causes takes the table lock.
 */
#ifndef _MCR_MEMB_H
#define _MCR_MEMB_H

#include <linux/skbuff.h>
#include <linux/timer.h>
#include <linux/types.h>

#include "config.h"
#include "mfc.h"
#include "group_table.h"
#include "stats.h"

struct mcr_iface;
struct mcr_net;

/* Index of a family in per-family arrays. */
#define MCR_NFAMILIES	2

static inline unsigned int mcr_fam_idx(u16 family)
{
	return family == AF_INET6;
}

/**
 * struct mcr_querier - querier state of one interface and family
 * @timer: fires for the next general query or when the other querier
 *	present timer expires
 * @iface: the interface
 * @family: AF_INET or AF_INET6
 * @active: the interface is in router mode: the state machine runs
 * @self: this router is the querier
 * @known: @addr holds the link's querier
 * @addr: the link's querier (this router's address while @self)
 * @other_running: the other querier present timer runs
 * @other_expires: its deadline (jiffies)
 * @query_running: a general query is scheduled
 * @next_query: when (jiffies)
 * @startup_left: startup queries still to send
 * @heard_qrv: while another router is the querier, the QRV of its last
 *	query (RFC 3376 4.1.6, RFC 3810 5.1.8); 0: none heard
 * @heard_qqi: likewise its query interval (QQIC, 4.1.7, 5.1.9), ms; 0:
 *	none heard. Both are read without the lock (READ_ONCE) by reports.
 * @stats: per-CPU counters, MCAST_ROUTER_A_QUERIER_STATS_*
 */
struct mcr_querier {
	struct timer_list timer;
	struct mcr_iface *iface;
	u16 family;
	bool active;
	bool self;
	bool known;
	struct mcr_addr addr;
	bool other_running;
	unsigned long other_expires;
	bool query_running;
	unsigned long next_query;
	u8 startup_left;
	u8 heard_qrv;
	u32 heard_qqi;
	struct mcr_stats __percpu *stats;
};

/**
 * struct mcr_memb - an interface's IGMP/MLD router state
 * @table: the membership table, both families
 * @q: the queriers, by mcr_fam_idx()
 */
struct mcr_memb {
	struct mcr_gtable table;
	struct mcr_querier q[MCR_NFAMILIES];
};

int mcr_memb_init(struct mcr_iface *iface);
void mcr_memb_stop(struct mcr_iface *iface);
void mcr_memb_free(struct mcr_iface *iface);
void mcr_memb_mode(struct mcr_net *mn, struct mcr_iface *iface, u8 old_mode,
		   u8 new_mode);
void mcr_memb_count(struct mcr_iface *iface, u16 family, int idx);
void mcr_memb_report(struct mcr_iface *iface, struct mcr_record *r);
/*
 * The fixed part of an IGMPv3 or MLDv2 report: type, reserved, checksum,
 * reserved (2 bytes), number of group records (2). (struct igmpv3_report
 * and struct mld2_report end in arrays of flexible structures, which
 * sparse rejects.)
 */
#define MCR_REPORT_HDR_LEN	8

/**
 * mcr_memb_ngrec() - the record count of a validated IGMPv3 / MLDv2 report
 * @skb: the report; its fixed part is in the packet
 * @off: offset of the report from skb->data
 *
 * Return: the count.
 */
static inline unsigned int mcr_memb_ngrec(const struct sk_buff *skb,
					  unsigned int off)
{
	__be16 n = 0;

	/* The count ends the fixed part (igmpv3_report.ngrec, mld2r_ngrec). */
	skb_copy_bits(skb, off + MCR_REPORT_HDR_LEN - sizeof(n), &n, sizeof(n));
	return ntohs(n);
}

/**
 * struct mcr_memb_pquery - a parsed specific query
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @s_flag: "suppress router-side processing"
 * @src_off: offset of the source list from skb->data
 * @nsrcs: sources, all inside the packet
 */
struct mcr_memb_pquery {
	u16 family;
	struct mcr_addr group;
	bool s_flag;
	unsigned int src_off;
	unsigned int nsrcs;
};

bool mcr_memb_query(struct mcr_iface *iface, u16 family,
		    const struct mcr_addr *querier, u8 qrv, u8 qqic);
void mcr_memb_query_specific(struct mcr_iface *iface, const struct sk_buff *skb,
			     const struct mcr_memb_pquery *q);
bool mcr_memb_check_records(const struct sk_buff *skb, unsigned int alen,
			    unsigned int off, unsigned int end,
			    unsigned int ngrec);
void mcr_memb_records(struct mcr_iface *iface, const struct sk_buff *skb,
		      u16 family, const struct mcr_addr *reporter,
		      unsigned int off, unsigned int ngrec);
struct mcr_iface *mcr_memb_iface(struct net *net, struct net_device *dev);
struct mcr_oifs *mcr_memb_compute(struct mcr_mfc *mfc,
				  const struct mcr_mfe_spec *spec);
bool mcr_memb_ssm(u16 family, const struct mcr_addr *group);
int mcr_memb_addr_cmp(u16 family, const struct mcr_addr *a,
		      const struct mcr_addr *b);
void mcr_memb_params(const struct mcr_iface_cfg *cfg,
		     const struct mcr_querier *q, struct mcr_gfsm_params *p);

#endif /* _MCR_MEMB_H */
