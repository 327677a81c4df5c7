/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GROUP_GET and QUERIER_GET (memb_netlink.c).
 */
#ifndef _MCR_MEMB_NETLINK_H
#define _MCR_MEMB_NETLINK_H

#include <net/genetlink.h>
#include <linux/mcast_router.h>

#include "config.h"

extern const struct nla_policy mcr_group_policy[MCAST_ROUTER_A_GROUP_MAX + 1];
extern const struct nla_policy
	mcr_querier_policy[MCAST_ROUTER_A_QUERIER_MAX + 1];

int mcr_group_get_start(struct netlink_callback *cb);
int mcr_group_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int mcr_querier_get_start(struct netlink_callback *cb);
int mcr_querier_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int mcr_group_add_doit(struct sk_buff *skb, struct genl_info *info);
int mcr_group_del_doit(struct sk_buff *skb, struct genl_info *info);

void *mcr_memb_put_hdr(struct sk_buff *skb, struct netlink_callback *cb,
		       u8 cmd);
int mcr_memb_fill_source(struct sk_buff *skb, u16 family,
			 const struct mcr_addr *addr, u32 expires, bool forward,
			 bool is_static);

struct mcr_iface;
struct mcr_querier;
void mcr_memb_notify_group(struct mcr_iface *iface, u16 family,
			   const struct mcr_addr *group, u8 event);
void mcr_memb_notify_querier(struct mcr_iface *iface, struct mcr_querier *q);

#endif /* _MCR_MEMB_NETLINK_H */
