// SPDX-License-Identifier: GPL-2.0
/*
 * The address-family-independent forwarding core: which datagrams are
 * routable, which entry they match, which oifs get a copy. The decision
 * functions are pure so the KUnit suites can drive them.
 */

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/inetdevice.h>
#include <linux/rcupdate.h>
#include <net/ipv6.h>

#include "compat.h"
#include "forward.h"
#include "iface_types.h"
#include "memb.h"
#include "mfc.h"
#include "netns.h"

/**
 * mcr_fwd_mode_active() - whether a mode forwards
 * @mode: enum mcast_router_mode
 *
 * Return: true for router and proxy mode.
 */
bool mcr_fwd_mode_active(u8 mode)
{
	return mode == MCAST_ROUTER_MODE_ROUTER ||
	       mode == MCAST_ROUTER_MODE_PROXY;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_fwd_mode_active);

/**
 * mcr_fwd_native_active() - whether the kernel's own multicast routing is on
 * @net: the namespace
 *
 * An mroute socket (smcroute, pimd, igmpproxy...) sets the namespace's
 * mc_forwarding; ipmr/ip6mr then forward the same datagrams this module
 * would.
 *
 * Return: true if IPv4 or IPv6 native multicast routing is active.
 */
bool mcr_fwd_native_active(const struct net *net)
{
	if (READ_ONCE(IPV4_DEVCONF_ALL(net, MC_FORWARDING)))
		return true;
#if IS_ENABLED(CONFIG_IPV6)
	if (atomic_read(&net->ipv6.devconf_all->mc_forwarding))
		return true;
#endif
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_fwd_native_active);

/**
 * mcr_fwd_ttl_passes() - the TTL threshold rule
 * @ttl: TTL or hop limit as received
 * @threshold: the oif's threshold
 *
 * A copy goes out if the TTL as received is greater than the threshold
 * (the decremented TTL is at least the threshold), as in ipmr and mrouted.
 * TTL 0 and 1 never pass.
 *
 * Return: true if the copy may be sent.
 */
VISIBLE_IF_KUNIT bool mcr_fwd_ttl_passes(u8 ttl, u8 threshold)
{
	return ttl > 1 && ttl > threshold;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_fwd_ttl_passes);

/**
 * mcr_fwd_in_boundary() - whether a group is inside an oif's boundaries
 * @cfg: the oif's configuration
 * @family: family of @group
 * @group: the group
 *
 * Return: true if one of the boundaries contains @group.
 */
bool mcr_fwd_in_boundary(const struct mcr_iface_cfg *cfg, u16 family,
			 const struct mcr_addr *group)
{
	unsigned int i;

	for (i = 0; i < cfg->n_boundaries; i++)
		if (mcr_prefix_contains(&cfg->boundaries[i], family, group))
			return true;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_fwd_in_boundary);

/**
 * mcr_fwd_oif_decide() - what to do for one outgoing interface
 * @cfg: the oif's configuration
 * @is_arrival: the oif is the interface the datagram arrived on
 * @pkt: the datagram
 *
 * Return: enum mcr_oif_verdict.
 */
VISIBLE_IF_KUNIT enum mcr_oif_verdict
mcr_fwd_oif_decide(const struct mcr_iface_cfg *cfg, bool is_arrival,
		   const struct mcr_fwd_pkt *pkt)
{
	if (is_arrival || !mcr_fwd_mode_active(cfg->mode))
		return MCR_OIF_SKIP;
	if (mcr_fwd_in_boundary(cfg, pkt->family, &pkt->group))
		return MCR_OIF_BOUNDARY;
	if (!mcr_fwd_ttl_passes(pkt->ttl, cfg->ttl_threshold))
		return MCR_OIF_THRESHOLD;
	return MCR_OIF_SEND;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_fwd_oif_decide);

static void count_drop(struct mcr_iface *oif, struct mcr_mfe *mfe,
		       int iface_idx, int mfe_idx)
{
	mcr_stats_add(oif->stats, iface_idx, 1);
	mcr_stats_add(mfe->stats, mfe_idx, 1);
}

static void send_copy(struct mcr_net *mn, struct mcr_iface *in,
		      struct mcr_iface *oif, struct sk_buff *skb,
		      const struct mcr_fwd_pkt *pkt)
{
	if (mcr_fwd_xmit(mn->net, skb, in->dev, oif->dev, pkt->family)) {
		mcr_stats_add(oif->stats, MCAST_ROUTER_A_IFACE_STATS_TX_ERRORS,
			      1);
		return;
	}
	mcr_stats_add(oif->stats, MCAST_ROUTER_A_IFACE_STATS_FORWARDED_PACKETS,
		      1);
	mcr_stats_add(oif->stats, MCAST_ROUTER_A_IFACE_STATS_FORWARDED_BYTES,
		      pkt->len);
}

/*
 * No entry: on a router-mode or proxy-mode interface the (S,G) is learnt
 * as a membership entry, whose oifs follow the membership from then on.
 */
static bool learn(struct mcr_net *mn, struct mcr_iface *in,
		  const struct mcr_fwd_pkt *pkt, struct mcr_mfe **mfe)
{
	struct mcr_mfe_spec spec = {
		.family = pkt->family,
		.group = pkt->group,
		.source = pkt->source,
		.iif = in->dev->ifindex,
	};

	if (!mcr_fwd_mode_active(rcu_dereference(in->cfg)->mode))
		return false;
	mcr_mfc_learn(&mn->mfc, &spec, mcr_memb_compute);
	return mcr_mfc_lookup(&mn->mfc, pkt->family, &pkt->group,
			      &pkt->source, spec.iif, mfe) == MCR_MFC_HIT;
}

/**
 * mcr_fwd_input() - forward a datagram if it arrived on a configured
 *	interface in router or proxy mode
 * @net: the namespace
 * @skb: the datagram; not consumed (it continues to local delivery)
 * @pkt: its parsed header
 *
 * Context: rcu_read_lock(), BH disabled (a netfilter hook).
 */
void mcr_fwd_input(struct net *net, struct sk_buff *skb,
		   const struct mcr_fwd_pkt *pkt)
{
	struct mcr_net *mn = mcr_netns_get(net);
	const struct mcr_iface_cfg *cfg;
	const struct mcr_oifs *oifs;
	struct mcr_iface *oif, *in;
	struct mcr_mfe *mfe;
	unsigned int i;

	in = xa_load(&mn->ifaces, skb->dev->ifindex);
	if (!in || in->dev != skb->dev ||
	    !mcr_fwd_mode_active(rcu_dereference(in->cfg)->mode))
		return;
	if (!mcr_addr_routable(pkt->family, &pkt->group))
		return;
	mcr_stats_add(in->stats, MCAST_ROUTER_A_IFACE_STATS_RX_PACKETS,
		      1);
	/* Refused at configuration time; this covers a daemon started later. */
	if (mcr_fwd_native_active(net)) {
		mcr_stats_add(in->stats,
			      MCAST_ROUTER_A_IFACE_STATS_NATIVE_ROUTING, 1);
		return;
	}

	switch (mcr_mfc_lookup(&mn->mfc, pkt->family, &pkt->group,
			       &pkt->source, in->dev->ifindex, &mfe)) {
	case MCR_MFC_NO_ENTRY:
		if (learn(mn, in, pkt, &mfe))
			break;
		mcr_stats_add(in->stats, MCAST_ROUTER_A_IFACE_STATS_NO_ENTRY,
			      1);
		return;
	case MCR_MFC_WRONG_IIF:
		mcr_stats_add(in->stats, MCAST_ROUTER_A_IFACE_STATS_WRONG_IIF,
			      1);
		mcr_stats_add(mfe->stats, MCAST_ROUTER_A_MFE_STATS_WRONG_IIF,
			      1);
		return;
	case MCR_MFC_HIT:
		break;
	}

	mcr_stats_add(mfe->stats, MCAST_ROUTER_A_MFE_STATS_PACKETS, 1);
	mcr_stats_add(mfe->stats, MCAST_ROUTER_A_MFE_STATS_BYTES, pkt->len);
	if (pkt->ttl <= 1) {
		mcr_stats_add(in->stats,
			      MCAST_ROUTER_A_IFACE_STATS_TTL_EXPIRED, 1);
		return;
	}

	oifs = rcu_dereference(mfe->oifs);
	for (i = 0; i < oifs->n; i++) {
		oif = oifs->ifaces[i];
		cfg = rcu_dereference(oif->cfg);
		switch (mcr_fwd_oif_decide(cfg, oif == in, pkt)) {
		case MCR_OIF_SKIP:
			break;
		case MCR_OIF_BOUNDARY:
			count_drop(oif, mfe,
				   MCAST_ROUTER_A_IFACE_STATS_BOUNDARY_DROPS,
				   MCAST_ROUTER_A_MFE_STATS_BOUNDARY_DROPS);
			break;
		case MCR_OIF_THRESHOLD:
			count_drop(oif, mfe,
				   MCAST_ROUTER_A_IFACE_STATS_THRESHOLD_DROPS,
				   MCAST_ROUTER_A_MFE_STATS_THRESHOLD_DROPS);
			break;
		case MCR_OIF_SEND:
			send_copy(mn, in, oif, skb, pkt);
			break;
		}
	}
}
