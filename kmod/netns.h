/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-network-namespace state of mcast_router.
 *
 * Locking
 * =======
 *
 * Object / field                   Writers              Readers
 * -------------------------------- -------------------- -------------------
 * mcr_net.ifaces (xarray:          RTNL: xa_reserve,    RCU: xa_load,
 *   ifindex -> struct mcr_iface *) xa_store, xa_erase   xa_for_each_start
 * mcr_net.generation               RTNL, WRITE_ONCE     RCU, READ_ONCE
 * mcr_iface.cfg (__rcu pointer to  RTNL: rcu_assign /   RCU: rcu_dereference
 *   an immutable mcr_iface_cfg)    rcu_replace_pointer,
 *                                  old one kfree_rcu
 * mcr_iface.allmulti               RTNL only            RTNL only
 * mcr_iface.dev (held with         set once at create,  RCU (name, ifindex)
 *   netdev_hold + tracker)         put after a grace
 *                                  period (call_rcu)
 *
 * Writers are the generic netlink SET and DEL handlers (rtnl_lock()), the
 * netdevice notifier (called with RTNL held) and the pernet exit
 * (rtnl_lock()); RTNL is needed anyway for dev_set_allmulti() and device
 * lookup. GET, dump and the packet path only take rcu_read_lock().
 * struct mcr_iface and struct mcr_iface_cfg are freed after a grace
 * period, so a reader that found them under RCU can use them until its
 * rcu_read_unlock().
 *
 * Invariant (under RTNL): every mcr_iface in mcr_net.ifaces refers to a
 * device that is registered in that namespace, because the namespace's
 * netdevice notifier removes the entry on NETDEV_UNREGISTER, which is also
 * sent when a device leaves the namespace.
 */
#ifndef _MCR_NETNS_H
#define _MCR_NETNS_H

#include <linux/notifier.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <net/net_namespace.h>

#include "events.h"
#include "mfc.h"
#include "proxy.h"

struct mcr_iface;

/**
 * struct mcr_net - mcast_router state of one network namespace
 * @net: the namespace
 * @ifaces: configured interfaces by ifindex
 * @generation: bumped on every change of @ifaces or a configuration; never
 *	0, so dumps can use it as cb->seq
 * @netdev_nb: this namespace's netdevice notifier (mcr_iface_netdev_event)
 * @mfc: the forwarding table (locking: mfc.h)
 * @gc: deletes the membership entries no datagram matched (mcr_mfc_gc())
 * @proxy: the IGMP/MLD proxy's upstream membership (locking: proxy.h)
 * @events: where the namespace's objects announce changes (events.h); set
 *	once in pernet init, before anything can announce
 */
struct mcr_net {
	struct net *net;
	struct xarray ifaces;
	u32 generation;
	struct notifier_block netdev_nb;
	struct mcr_mfc mfc;
	struct delayed_work gc;
	struct mcr_proxy proxy;
	const struct mcr_events_ops *events;
};

struct mcr_net *mcr_netns_get(const struct net *net);
void mcr_netns_changed(struct mcr_net *mn);
void mcr_netns_remove(struct mcr_net *mn, struct mcr_iface *iface);
int mcr_netns_init(void);
void mcr_netns_uninit(void);

#endif /* _MCR_NETNS_H */
