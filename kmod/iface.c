// SPDX-License-Identifier: GPL-2.0
/*
 * Lifetime of a configured interface: device reference, allmulti, the
 * configuration pointer, and the netdevice notifier that follows the
 * device's unregistration, namespace moves and renames.
 */

#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "compat.h"
#include "config.h"
#include "iface.h"
#include "memb.h"
#include "netns.h"

/**
 * mcr_iface_create() - allocate an entry for a device
 * @dev: the device; a reference is taken
 *
 * The entry has no configuration and holds no allmulti reference yet; give
 * it one with mcr_iface_update() before publishing it.
 *
 * Context: RTNL held.
 * Return: the entry, or NULL without memory.
 */
struct mcr_iface *mcr_iface_create(struct net_device *dev)
{
	struct mcr_iface *iface;

	ASSERT_RTNL();

	iface = kzalloc(sizeof(*iface), GFP_KERNEL);
	if (!iface)
		return NULL;
	iface->stats = mcr_stats_alloc(MCAST_ROUTER_A_IFACE_STATS_PAD,
				       GFP_KERNEL);
	if (!iface->stats) {
		kfree(iface);
		return NULL;
	}
	iface->dev = dev;
	if (mcr_memb_init(iface)) {
		free_percpu(iface->stats);
		kfree(iface);
		return NULL;
	}
	netdev_hold(dev, &iface->dev_tracker, GFP_KERNEL);
	return iface;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_iface_create);

static bool mode_wants_allmulti(u8 mode)
{
	return mode == MCAST_ROUTER_MODE_ROUTER ||
	       mode == MCAST_ROUTER_MODE_PROXY;
}

/*
 * Drop this entry's allmulti increment. Only ever reached under RTNL with
 * the device either NETREG_REGISTERED (mode change to off, DEL, pernet
 * exit: the invariant in netns.h) or NETREG_UNREGISTERING from inside the
 * device's own NETDEV_UNREGISTER notification. In both states the device's
 * counter still contains our increment and must lose it: after a move to
 * another namespace (reg_state stays NETREG_REGISTERED) the device lives
 * on and skipping would leave IFF_ALLMULTI set forever; on an unregistering
 * device (already closed) __dev_set_allmulti() only adjusts the counter
 * and flags, exactly as ipmr's vif_delete() and the bridge's del_nbp() do
 * from the same notification. So the decrement is never skipped in a
 * reachable state. NETREG_UNREGISTERED or later would mean the notifier
 * missed the unregistration (a bug, hence the warning); only there is
 * skipping provably right: such a device is never registered again, so
 * nothing reads its counter any more.
 */
static void allmulti_put(struct mcr_iface *iface)
{
	ASSERT_RTNL();

	if (!iface->allmulti)
		return;
	iface->allmulti = false;
	if (WARN_ON_ONCE(iface->dev->reg_state > NETREG_UNREGISTERING))
		return;
	dev_set_allmulti(iface->dev, -1);
}

/**
 * mcr_iface_update() - publish a new configuration for an entry
 * @iface: the entry
 * @cfg: the new configuration, validated; ownership passes to @iface on
 *	success, stays with the caller on error
 * @extack: receives the reason of a failure
 *
 * Takes the allmulti reference when the mode becomes router or proxy, and
 * drops it when it becomes off. The previous configuration, if any, is
 * freed after a grace period. Only taking the allmulti reference can fail,
 * and it is done before anything else changes.
 *
 * Context: RTNL held.
 * Return: 0 or a negative errno with nothing changed.
 */
int mcr_iface_update(struct mcr_iface *iface, struct mcr_iface_cfg *cfg,
		     struct netlink_ext_ack *extack)
{
	struct mcr_net *mn = mcr_netns_get(dev_net(iface->dev));
	bool want = mode_wants_allmulti(cfg->mode);
	struct mcr_iface_cfg *old;
	u8 old_mode;
	int err;

	ASSERT_RTNL();

	if (want && !iface->allmulti) {
		err = dev_set_allmulti(iface->dev, 1);
		if (err) {
			NL_SET_ERR_MSG(extack,
				       "cannot enable allmulticast on the device");
			return err;
		}
		iface->allmulti = true;
	} else if (!want && iface->allmulti) {
		allmulti_put(iface);
	}

	old = rcu_replace_pointer(iface->cfg, cfg, lockdep_rtnl_is_held());
	old_mode = old ? old->mode : MCAST_ROUTER_MODE_OFF;
	mcr_memb_mode(mn, iface, old_mode, cfg->mode);
	/*
	 * Entries learnt from downstream include the upstream: with an
	 * upstream coming or going, they are learnt again.
	 */
	if (old_mode != cfg->mode && (old_mode == MCAST_ROUTER_MODE_PROXY ||
				      cfg->mode == MCAST_ROUTER_MODE_PROXY))
		mcr_mfc_flush(&mn->mfc, 0, false,
			      MCAST_ROUTER_ORIGIN_MEMBERSHIP);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_iface_update);

static void free_rcu(struct rcu_head *head)
{
	struct mcr_iface *iface = container_of(head, struct mcr_iface, rcu);

	/* No reader is left, and the entry is out of every table. */
	kfree(rcu_dereference_protected(iface->cfg, true));
	netdev_put(iface->dev, &iface->dev_tracker);
	mcr_memb_free(iface);
	free_percpu(iface->stats);
	kfree(iface);
}

/**
 * mcr_iface_destroy() - tear down an entry that no table refers to any more
 * @iface: the entry, already removed from mcr_net.ifaces (or never added)
 *
 * Drops the allmulti reference now; the configuration, the device
 * reference and the entry go after a grace period, so RCU readers that
 * still see the entry can read its device and configuration.
 *
 * Context: RTNL held.
 */
void mcr_iface_destroy(struct mcr_iface *iface)
{
	ASSERT_RTNL();

	allmulti_put(iface);
	mcr_memb_stop(iface);
	call_rcu(&iface->rcu, free_rcu);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_iface_destroy);

/**
 * mcr_iface_netdev_event() - netdevice notifier of one namespace
 * @nb: &mcr_net.netdev_nb of the device's namespace
 * @event: NETDEV_*
 * @ptr: struct netdev_notifier_info
 *
 * NETDEV_UNREGISTER (a device going away or leaving the namespace) removes
 * the device's configuration and sends DEL_NTF in this namespace;
 * NETDEV_CHANGENAME keeps it and sends CHANGE_NTF with the new name.
 *
 * Context: RTNL held (netdevice notifiers run under RTNL).
 * Return: NOTIFY_DONE.
 */
int mcr_iface_netdev_event(struct notifier_block *nb, unsigned long event,
			   void *ptr)
{
	struct mcr_net *mn = container_of(nb, struct mcr_net, netdev_nb);
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct mcr_iface *iface;

	if (event != NETDEV_UNREGISTER && event != NETDEV_CHANGENAME)
		return NOTIFY_DONE;

	ASSERT_RTNL();
	iface = xa_load(&mn->ifaces, dev->ifindex);
	if (!iface || iface->dev != dev)
		return NOTIFY_DONE;

	if (event == NETDEV_UNREGISTER) {
		mn->events->iface_removed(mn, iface);
		mcr_netns_remove(mn, iface);
	} else {
		mcr_netns_changed(mn);
		mn->events->iface_changed(mn, iface);
	}
	return NOTIFY_DONE;
}
