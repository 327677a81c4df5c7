/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "mcast_router" generic netlink family: IFACE_GET/SET/DEL and the
 * "monitor" multicast group.
 */
#ifndef _MCR_NETLINK_H
#define _MCR_NETLINK_H

#include <linux/gfp.h>

struct mcr_iface;
struct mcr_net;
struct net;
struct sk_buff;

int mcr_netlink_init(void);
void mcr_netlink_uninit(void);
void mcr_netlink_notify_change(struct mcr_net *mn,
			       const struct mcr_iface *iface);
void mcr_netlink_notify_del(struct mcr_net *mn, const struct mcr_iface *iface);
bool mcr_netlink_notify_ok(struct net *net);
void mcr_netlink_multicast(struct net *net, struct sk_buff *msg, gfp_t gfp);

#endif /* _MCR_NETLINK_H */
