/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MFE_GET/ADD/DEL/FLUSH: the forwarding table over generic netlink.
 */
#ifndef _MCR_MFC_NETLINK_H
#define _MCR_MFC_NETLINK_H

#include <net/genetlink.h>
#include <linux/mcast_router.h>

extern struct genl_family mcr_genl_family;
extern const struct nla_policy mcr_mfe_policy[MCAST_ROUTER_A_MFE_MAX + 1];

int mcr_mfe_get_start(struct netlink_callback *cb);
int mcr_mfe_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int mcr_mfe_add_doit(struct sk_buff *skb, struct genl_info *info);
int mcr_mfe_del_doit(struct sk_buff *skb, struct genl_info *info);
int mcr_mfe_flush_doit(struct sk_buff *skb, struct genl_info *info);

#endif /* _MCR_MFC_NETLINK_H */
