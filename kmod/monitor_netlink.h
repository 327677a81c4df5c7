/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "monitor" multicast group of the mcast_router family: whether a
 * notification is worth building, and sending it. Used by every file that
 * builds notifications (netlink.c, memb_netlink.c, proxy_netlink.c);
 * netlink.c registers the group with the family and turns it on and off.
 */
#ifndef _MCR_MONITOR_NETLINK_H
#define _MCR_MONITOR_NETLINK_H

#include <linux/gfp.h>
#include <linux/types.h>

struct net;
struct sk_buff;

enum mcr_mcgrp {
	MCR_MCGRP_MONITOR,
};

void mcr_monitor_enable(bool on);
bool mcr_monitor_ok(struct net *net);
void mcr_monitor_send(struct net *net, struct sk_buff *msg, gfp_t gfp);

#endif /* _MCR_MONITOR_NETLINK_H */
