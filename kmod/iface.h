/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A configured interface: the device reference, the published
 * configuration and the allmulti reference taken for router/proxy mode.
 */
#ifndef _MCR_IFACE_H
#define _MCR_IFACE_H

#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/mcast_router.h>

#include "memb.h"
#include "stats.h"

struct mcr_iface_cfg;

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

struct mcr_iface *mcr_iface_create(struct net_device *dev);
int mcr_iface_update(struct mcr_iface *iface, struct mcr_iface_cfg *cfg,
		     struct netlink_ext_ack *extack);
void mcr_iface_destroy(struct mcr_iface *iface);
int mcr_iface_netdev_event(struct notifier_block *nb, unsigned long event,
			   void *ptr);

#endif /* _MCR_IFACE_H */
