/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The netfilter hooks of the fast path: per namespace, PRE_ROUTING, IPv4
 * (ipv4.c) and IPv6 (ipv6.c).
 */
#ifndef _MCR_HOOKS_H
#define _MCR_HOOKS_H

#include <linux/netfilter.h>

struct net;

unsigned int mcr_ipv4_hook(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state);
unsigned int mcr_ipv6_hook(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state);
void mcr_igmp_input(struct net *net, struct sk_buff *skb);
bool mcr_mld_input(struct net *net, struct sk_buff *skb);
int mcr_hooks_register(struct net *net);
void mcr_hooks_unregister(struct net *net);

#endif /* _MCR_HOOKS_H */
