/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The state of a configured interface as types: struct mcr_iface and what
 * it embeds, its IGMP/MLD router state (struct mcr_memb) with the queriers
 * (struct mcr_querier). Header only: the code below the interface
 * (memb.c, querier.c, grec.c, forward.c) reads these structures without
 * including iface.h, whose iface.c calls down into memb.c, so the include
 * graph has no cycle. Locking: netns.h (the interface), memb.h and
 * querier.h.
 */
#ifndef _MCR_IFACE_TYPES_H
#define _MCR_IFACE_TYPES_H

#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/timer.h>
#include <linux/types.h>

#include "config.h"
#include "group_table.h"
#include "stats.h"

struct mcr_iface_cfg;

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

/**
 * struct mcr_iface - one configured interface of a namespace
 * @dev: the device, held with netdev_hold() while the entry exists and
 *	until a grace period after its removal
 * @dev_tracker: tracks that reference
 * @cfg: the current configuration; never NULL once the entry is visible in
 *	mcr_net.ifaces; replaced as a whole under RTNL
 * @allmulti: whether this entry holds one dev_set_allmulti() increment
 * @stats: per-CPU forwarding counters, MCAST_ROUTER_A_IFACE_STATS_*
 *	(written by the fast path)
 * @memb: IGMP/MLD router state (memb.h)
 * @rcu: frees the entry after readers are done
 */
struct mcr_iface {
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct mcr_iface_cfg __rcu *cfg;
	bool allmulti;
	struct mcr_stats __percpu *stats;
	struct mcr_memb memb;
	struct rcu_head rcu;
};

#endif /* _MCR_IFACE_TYPES_H */
