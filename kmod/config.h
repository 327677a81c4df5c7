/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-interface configuration: defaults, validation, netlink parsing and
 * filling. Pure functions on struct mcr_iface_cfg (no RTNL, no devices), so
 * the KUnit suites in tests/ can drive them directly.
 */
#ifndef _MCR_CONFIG_H
#define _MCR_CONFIG_H

#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/netlink.h>
#include <linux/mcast_router.h>

#include "iface_cfg.h"

extern const struct nla_policy mcr_config_policy[MCAST_ROUTER_A_IFACE_MAX + 1];

void mcr_config_init(struct mcr_iface_cfg *cfg);
int mcr_config_apply(struct mcr_iface_cfg *cfg, struct nlattr **tb,
		     struct netlink_ext_ack *extack);
int mcr_config_fill(struct sk_buff *skb, const struct mcr_iface_cfg *cfg);
size_t mcr_config_fill_size(void);
bool mcr_prefix_contains(const struct mcr_prefix *prefix, u16 family,
			 const struct mcr_addr *addr);
int mcr_nla_get_addr(const struct nlattr *a, u16 family, struct mcr_addr *addr,
		     struct netlink_ext_ack *extack);
int mcr_nla_put_addr(struct sk_buff *skb, int type, u16 family,
		     const struct mcr_addr *addr);
bool mcr_addr_unicast(u16 family, const struct mcr_addr *a);

#if IS_ENABLED(CONFIG_KUNIT)
/* For the KUnit suites only; static or absent without CONFIG_KUNIT. */
u32 mcr_config_derived(const struct mcr_iface_cfg *cfg);
int mcr_config_parse(struct mcr_iface_cfg *cfg, const struct nlattr *head,
		     int len, struct netlink_ext_ack *extack);
#endif

#endif /* _MCR_CONFIG_H */
