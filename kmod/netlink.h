/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "mcast_router" generic netlink family: its operations, IFACE_GET/SET/
 * DEL and their notifications (the monitor group: monitor_netlink.h).
 */
#ifndef _MCR_NETLINK_H
#define _MCR_NETLINK_H

struct mcr_iface;
struct mcr_net;

int mcr_netlink_init(void);
void mcr_netlink_uninit(void);
void mcr_netlink_notify_change(struct mcr_net *mn,
			       const struct mcr_iface *iface);
void mcr_netlink_notify_del(struct mcr_net *mn, const struct mcr_iface *iface);

#endif /* _MCR_NETLINK_H */
