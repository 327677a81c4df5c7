/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The changes the objects of a namespace announce. Interfaces (iface.c),
 * their membership (memb.c) and queriers (querier.c) call up through the
 * table their namespace holds (mcr_net.events); netns.c fills it in and
 * hands each event to the monitor group (netlink.c, memb_netlink.c) and the
 * proxy (proxy.c). So the announcing code includes no netlink or proxy
 * header, and the arrows point one way: netns.c knows both sides.
 *
 * Every callback runs in the caller's context, synchronously: the table
 * is const, set once before the namespace has an interface, and read
 * without a lock.
 */
#ifndef _MCR_EVENTS_H
#define _MCR_EVENTS_H

#include <linux/types.h>

struct mcr_addr;
struct mcr_iface;
struct mcr_net;
struct mcr_querier;

/**
 * struct mcr_events_ops - what a namespace's objects announce
 * @iface_changed: @iface's configuration or name changed (RTNL held;
 *	after the change is visible)
 * @iface_removed: @iface is about to be removed (RTNL held; still in
 *	mcr_net.ifaces)
 * @group_changed: the membership of @group on @iface changed (@event: enum
 *	mcast_router_group_event); after the group's membership entries
 *	followed. Any context, no lock of the interface's held.
 * @querier_changed: @q, a querier of @iface, changed state. Any context,
 *	rcu_read_lock() held, its table's lock not held.
 */
struct mcr_events_ops {
	void (*iface_changed)(struct mcr_net *mn, const struct mcr_iface *iface);
	void (*iface_removed)(struct mcr_net *mn, const struct mcr_iface *iface);
	void (*group_changed)(struct mcr_net *mn, struct mcr_iface *iface,
			      u16 family, const struct mcr_addr *group,
			      u8 event);
	void (*querier_changed)(struct mcr_iface *iface,
				struct mcr_querier *q);
};

#endif /* _MCR_EVENTS_H */
