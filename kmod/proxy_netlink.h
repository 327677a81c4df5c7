/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PROXY_GET: the membership the proxy reports upstream (proxy_netlink.c).
 */
#ifndef _MCR_PROXY_NETLINK_H
#define _MCR_PROXY_NETLINK_H

#include <net/genetlink.h>
#include <linux/mcast_router.h>

extern const struct nla_policy
	mcr_proxy_policy[MCAST_ROUTER_A_GROUP_FAMILY + 1];

int mcr_proxy_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _MCR_PROXY_NETLINK_H */
