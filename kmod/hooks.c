// SPDX-License-Identifier: GPL-2.0
/*
 * Registration of the fast path's netfilter hooks in each namespace.
 *
 * Priority: just before defragmentation (NF_IP_PRI_CONNTRACK_DEFRAG - 1,
 * and the IPv6 equivalent). Before it, because a router forwards
 * fragments as fragments: after nf_defrag the hook would see only the
 * reassembled datagram, forward something larger than what arrived (and
 * over the MTU), and add reassembly latency; ipmr sees fragments too, as
 * it runs after PRE_ROUTING without conntrack's reassembly. The hooks
 * only read and copy, and always return NF_ACCEPT, so the order relative
 * to the raw table (-300, after us) changes nothing for other users.
 */

#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <linux/netdevice.h>
#include <net/net_namespace.h>

#include "hooks.h"

static const struct nf_hook_ops mcr_hook_ops[] = {
	{
		.hook = mcr_ipv4_hook,
		.pf = NFPROTO_IPV4,
		.hooknum = NF_INET_PRE_ROUTING,
		.priority = NF_IP_PRI_CONNTRACK_DEFRAG - 1,
	},
#if IS_ENABLED(CONFIG_IPV6)
	{
		.hook = mcr_ipv6_hook,
		.pf = NFPROTO_IPV6,
		.hooknum = NF_INET_PRE_ROUTING,
		.priority = NF_IP6_PRI_CONNTRACK_DEFRAG - 1,
	},
#endif
};

/**
 * mcr_hooks_register() - register the fast path in a namespace
 * @net: the namespace
 *
 * Return: 0 or a negative errno.
 */
int mcr_hooks_register(struct net *net)
{
	return nf_register_net_hooks(net, mcr_hook_ops,
				     ARRAY_SIZE(mcr_hook_ops));
}

/**
 * mcr_hooks_unregister() - unregister the fast path of a namespace
 * @net: the namespace
 *
 * Returns after a grace period: no hook of @net runs any more.
 */
void mcr_hooks_unregister(struct net *net)
{
	nf_unregister_net_hooks(net, mcr_hook_ops, ARRAY_SIZE(mcr_hook_ops));
	/*
	 * Unregistration frees the hook blob after a grace period but does
	 * not wait for it; the caller frees the table right after us.
	 */
	synchronize_net();
}
