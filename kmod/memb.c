// SPDX-License-Identifier: GPL-2.0
/*
 * The router side of IGMP and MLD on one interface, for both families:
 * records into the membership table (the SSM rule, routable groups only,
 * counters), what the table's changes cause, and the outgoing interfaces
 * of membership entries. The queriers are in querier.c, the IGMPv3/MLDv2
 * record walker in grec.c. Locking: memb.h.
 */

#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#include "compat.h"
#include "iface_types.h"
#include "memb.h"
#include "netns.h"
#include "querier.h"

/* RFC 4607 section 1: 232.0.0.0/8, and ff3x::/32 (flags 3, any scope). */
#define SSM4_PREFIX	htonl(0xe8000000)
#define SSM4_MASK	htonl(0xff000000)
#define SSM6_PREFIX	htonl(0xff300000)
#define SSM6_MASK	htonl(0xfff0ffff)

/**
 * mcr_memb_ssm() - whether a group is in the source-specific range
 * @family: AF_INET or AF_INET6
 * @group: the group
 *
 * RFC 4607: 232.0.0.0/8 and ff3x::/32.
 *
 * Return: true for an SSM group.
 */
bool mcr_memb_ssm(u16 family, const struct mcr_addr *group)
{
	if (family == AF_INET)
		return (group->ip4 & SSM4_MASK) == SSM4_PREFIX;
	return (group->ip6.s6_addr32[0] & SSM6_MASK) == SSM6_PREFIX;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_memb_ssm);

/**
 * mcr_memb_count() - count one IGMP/MLD event
 * @iface: the interface
 * @family: AF_INET (IGMP) or AF_INET6 (MLD)
 * @idx: MCAST_ROUTER_A_QUERIER_STATS_*
 *
 * Context: BH disabled.
 */
void mcr_memb_count(struct mcr_iface *iface, u16 family, int idx)
{
	mcr_stats_add(iface->memb.q[mcr_fam_idx(family)].stats, idx, 1);
}

/**
 * mcr_memb_iface() - the router-mode interface a message arrived on
 * @net: the namespace
 * @dev: the device
 *
 * Context: rcu_read_lock().
 * Return: the interface, or NULL if the device is not in router mode.
 */
struct mcr_iface *mcr_memb_iface(struct net *net, struct net_device *dev)
{
	struct mcr_net *mn = mcr_netns_get(net);
	struct mcr_iface *iface = xa_load(&mn->ifaces, dev->ifindex);

	if (!iface || iface->dev != dev ||
	    rcu_dereference(iface->cfg)->mode != MCAST_ROUTER_MODE_ROUTER)
		return NULL;
	return iface;
}

/*
 * group_table.c's changed(): the group's membership entries follow at once,
 * then the namespace hears of it (the monitor group and the proxy).
 */
static void memb_changed(struct mcr_gtable *table, u16 family,
			 const struct mcr_addr *group, u8 event)
{
	struct mcr_iface *iface = container_of(table, struct mcr_iface,
					       memb.table);
	struct mcr_net *mn = mcr_netns_get(dev_net(iface->dev));

	rcu_read_lock();
	mcr_mfc_refresh(&mn->mfc, family, group, mcr_memb_compute);
	rcu_read_unlock();
	mn->events->group_changed(mn, iface, family, group, event);
}

static const struct mcr_gtable_ops memb_gtable_ops = {
	.changed = memb_changed,
	.queries = mcr_querier_group_queries,
};

/**
 * mcr_memb_compute() - the outgoing interfaces of a membership entry
 * @mfc: the forwarding table of a namespace, &mcr_net.mfc
 * @spec: the entry's (S,G) and incoming interface
 *
 * Every router-mode interface but the incoming one whose members or
 * static membership want S (mcr_gtable_wants()), and, for a datagram from a
 * downstream (router-mode) interface, the proxy's upstream whatever its
 * membership (RFC 4605 4.2: the upstream's router decides). TTL
 * thresholds and boundaries apply per datagram in the fast path, as for
 * static entries, so scoped groups stay inside.
 *
 * Context: the forwarding table's lock held (BH disabled).
 * Return: the set (possibly empty), or NULL without memory.
 */
struct mcr_oifs *mcr_memb_compute(struct mcr_mfc *mfc,
				  const struct mcr_mfe_spec *spec)
{
	struct mcr_net *mn = container_of(mfc, struct mcr_net, mfc);
	unsigned int cap = 0, n = 0;
	struct mcr_iface *iface, *in;
	struct mcr_gnode *gn;
	struct mcr_oifs *oifs;
	bool wants, from_down;
	unsigned long index;
	u8 mode;

	lockdep_assert_held(&mfc->lock);
	rcu_read_lock();
	in = xa_load(&mn->ifaces, spec->iif);
	from_down = in && rcu_dereference(in->cfg)->mode ==
			  MCAST_ROUTER_MODE_ROUTER;
	xa_for_each(&mn->ifaces, index, iface)
		cap++;
	oifs = mcr_mfc_oifs_alloc(cap, GFP_ATOMIC);
	if (!oifs)
		goto out;
	xa_for_each(&mn->ifaces, index, iface) {
		if (n == cap)
			break;
		if (iface->dev->ifindex == spec->iif)
			continue;
		mode = rcu_dereference(iface->cfg)->mode;
		if (mode == MCAST_ROUTER_MODE_PROXY && from_down) {
			oifs->ifaces[n++] = iface;
			continue;
		}
		if (mode != MCAST_ROUTER_MODE_ROUTER)
			continue;
		spin_lock(&iface->memb.table.lock);
		gn = mcr_gtable_lookup(&iface->memb.table, spec->family,
				       &spec->group);
		wants = gn && mcr_gtable_wants(gn, &spec->source);
		spin_unlock(&iface->memb.table.lock);
		if (wants)
			oifs->ifaces[n++] = iface;
	}
	oifs->n = n;
out:
	rcu_read_unlock();
	return oifs;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_memb_compute);

/**
 * mcr_memb_report() - one group record of a valid report
 * @iface: the interface
 * @r: the record
 *
 * Link-local groups are not tracked, IS_EX and TO_EX records (and so
 * IGMPv1/v2 and MLDv1 reports) for SSM groups are ignored (RFC 4604),
 * and what the limits refuse is counted.
 *
 * Context: softirq, rcu_read_lock().
 */
void mcr_memb_report(struct mcr_iface *iface, struct mcr_record *r)
{
	struct mcr_querier *q = &iface->memb.q[mcr_fam_idx(r->family)];
	const struct mcr_iface_cfg *cfg = rcu_dereference(iface->cfg);
	struct mcr_gfsm_params p;
	int ret;

	if (!mcr_addr_routable(r->family, &r->group) ||
	    (mcr_memb_ssm(r->family, &r->group) &&
	     (r->type == MCR_REC_IS_EX || r->type == MCR_REC_TO_EX))) {
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_IGNORED, 1);
		return;
	}
	mcr_querier_params(cfg, q, &p);
	ret = mcr_gtable_record(&iface->memb.table, &p, cfg->max_groups,
				jiffies, r);
	if (ret)
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_REFUSED, 1);
	if (r->ignored)
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_IGNORED, 1);
}

/**
 * mcr_memb_init() - set up a new interface's IGMP/MLD state (stopped)
 * @iface: the interface, not yet visible
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int mcr_memb_init(struct mcr_iface *iface)
{
	unsigned int i;
	int err;

	err = mcr_gtable_init(&iface->memb.table);
	if (err)
		return err;
	iface->memb.table.ops = &memb_gtable_ops;
	for (i = 0; i < MCR_NFAMILIES; i++) {
		if (mcr_querier_init(&iface->memb.q[i], iface,
				     i ? AF_INET6 : AF_INET)) {
			mcr_memb_stop(iface);
			mcr_memb_free(iface);
			return -ENOMEM;
		}
	}
	return 0;
}

/**
 * mcr_memb_stop() - stop the timers and empty the table for good
 * @iface: the interface, unpublished
 *
 * Context: process context.
 */
void mcr_memb_stop(struct mcr_iface *iface)
{
	mcr_querier_stop(iface);
	mcr_gtable_uninit(&iface->memb.table);
}

/**
 * mcr_memb_free() - free what readers may still use
 * @iface: the interface, after a grace period
 */
void mcr_memb_free(struct mcr_iface *iface)
{
	unsigned int i;

	for (i = 0; i < MCR_NFAMILIES; i++)
		mcr_querier_free(&iface->memb.q[i]);
}

/**
 * mcr_memb_mode() - follow a configuration change
 * @mn: the namespace
 * @iface: the interface, its new configuration published
 * @old_mode: the mode before
 * @new_mode: the mode now
 *
 * Entering router mode starts the queriers and changes in router mode
 * reach them (mcr_querier_config()); leaving it stops them, forgets the
 * membership and deletes the namespace's membership entries (the next
 * datagrams learn them again).
 *
 * Context: RTNL held.
 */
void mcr_memb_mode(struct mcr_net *mn, struct mcr_iface *iface, u8 old_mode,
		   u8 new_mode)
{
	ASSERT_RTNL();
	if (new_mode == MCAST_ROUTER_MODE_ROUTER) {
		mcr_querier_config(iface, old_mode != MCAST_ROUTER_MODE_ROUTER);
		return;
	}
	if (old_mode != MCAST_ROUTER_MODE_ROUTER)
		return;
	mcr_querier_off(iface);
	mcr_gtable_flush(&iface->memb.table);
	mcr_mfc_flush(&mn->mfc, 0, false, MCAST_ROUTER_ORIGIN_MEMBERSHIP);
}
