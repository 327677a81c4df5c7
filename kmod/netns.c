// SPDX-License-Identifier: GPL-2.0
/*
 * Per-namespace state: the table of configured interfaces, its generation
 * counter and the namespace's netdevice notifier. Locking: see netns.h.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/netns/generic.h>

#include "iface.h"
#include "hooks.h"
#include "memb_netlink.h"
#include "netlink.h"
#include "netns.h"
#include "proxy.h"

static unsigned int mcr_net_id __read_mostly;

/**
 * mcr_netns_get() - the mcast_router state of a namespace
 * @net: the namespace; alive (a reference or its own pernet callbacks)
 *
 * Return: the state, valid as long as @net is.
 */
struct mcr_net *mcr_netns_get(const struct net *net)
{
	return net_generic(net, mcr_net_id);
}

/**
 * mcr_netns_changed() - record a change for dump consistency checks
 * @mn: the namespace's state
 *
 * Context: RTNL held.
 */
void mcr_netns_changed(struct mcr_net *mn)
{
	u32 gen = mn->generation + 1;

	ASSERT_RTNL();
	/* 0 means "no check" to nl_dump_check_consistent(): skip it. */
	WRITE_ONCE(mn->generation, gen ?: 1);
}

/**
 * mcr_netns_remove() - remove a configured interface and tear it down
 * @mn: the namespace's state
 * @iface: an entry of @mn->ifaces
 *
 * Context: RTNL held.
 */
void mcr_netns_remove(struct mcr_net *mn, struct mcr_iface *iface)
{
	ASSERT_RTNL();

	/*
	 * Unpublished first, so membership entries learnt from now on (under
	 * the table lock, in softirq) cannot pick it; then out of every
	 * entry, as entries hold no reference on it.
	 */
	xa_erase(&mn->ifaces, iface->dev->ifindex);
	mcr_mfc_iface_remove(&mn->mfc, iface, iface->dev->ifindex);
	mcr_netns_changed(mn);
	mcr_iface_destroy(iface);
	/* A downstream interface's groups, or the upstream, went. */
	mcr_proxy_resync(mn);
}

/*
 * The events of a namespace's objects (events.h), each to the monitor group
 * and, for membership, to the proxy: the one place that knows both the
 * objects and what listens to them.
 */
static void iface_changed(struct mcr_net *mn, const struct mcr_iface *iface)
{
	mcr_netlink_notify_change(mn, iface);
}

static void iface_removed(struct mcr_net *mn, const struct mcr_iface *iface)
{
	mcr_netlink_notify_del(mn, iface);
}

static void group_changed(struct mcr_net *mn, struct mcr_iface *iface,
			  u16 family, const struct mcr_addr *group, u8 event)
{
	rcu_read_lock();
	mcr_memb_notify_group(iface, family, group, event);
	rcu_read_unlock();
	mcr_proxy_changed(mn, family, group);
}

static void querier_changed(struct mcr_iface *iface, struct mcr_querier *q)
{
	mcr_memb_notify_querier(iface, q);
}

static const struct mcr_events_ops mcr_netns_events = {
	.iface_changed = iface_changed,
	.iface_removed = iface_removed,
	.group_changed = group_changed,
	.querier_changed = querier_changed,
};

/* Idle membership entries go; see mcr_mfc_gc(). */
static void gc_work(struct work_struct *work)
{
	struct mcr_net *mn = container_of(to_delayed_work(work), struct mcr_net,
					  gc);

	mcr_mfc_gc(&mn->mfc);
	queue_delayed_work(system_power_efficient_wq, &mn->gc,
			   msecs_to_jiffies(MCR_MFC_GC_INTERVAL));
}

static int __net_init mcr_net_init(struct net *net)
{
	struct mcr_net *mn = mcr_netns_get(net);
	int err;

	mn->net = net;
	mn->events = &mcr_netns_events;
	xa_init(&mn->ifaces);
	mn->generation = 1;
	err = mcr_mfc_init(&mn->mfc);
	if (err)
		goto err_mfc;
	INIT_DELAYED_WORK(&mn->gc, gc_work);
	mcr_proxy_init(&mn->proxy);
	mn->netdev_nb.notifier_call = mcr_iface_netdev_event;
	err = register_netdevice_notifier_net(net, &mn->netdev_nb);
	if (err)
		goto err_notifier;
	/* Last: the hooks read the table and the interfaces. */
	err = mcr_hooks_register(net);
	if (err)
		goto err_hooks;
	queue_delayed_work(system_power_efficient_wq, &mn->gc,
			   msecs_to_jiffies(MCR_MFC_GC_INTERVAL));
	return 0;

err_hooks:
	unregister_netdevice_notifier_net(net, &mn->netdev_nb);
err_notifier:
	mcr_mfc_uninit(&mn->mfc);
err_mfc:
	return err;
}

/*
 * Runs when the namespace is dismantled and, for every namespace, on
 * rmmod (after the genetlink family is gone). As a pernet *device*
 * operation registered after the core's default_device_ops, this exit
 * runs before the core unregisters the namespace's devices or moves them
 * back to init_net, so every configured device is still registered here
 * and our allmulti increment is dropped on a live device. Notifications
 * are not sent: a dying namespace has no listening sockets, and on rmmod
 * the family is already unregistered.
 *
 * The table is emptied first and the notifier unregistered afterwards:
 * unregister_netdevice_notifier_net() replays NETDEV_UNREGISTER for every
 * device of the namespace, and with the table empty that replay finds
 * nothing. Between the two steps nothing can add an entry: only IFACE_SET
 * does, and it either runs in this namespace (none is left when it is
 * dismantled) or is gone with the family (rmmod).
 */
static void __net_exit mcr_net_exit(struct net *net)
{
	struct mcr_net *mn = mcr_netns_get(net);
	struct mcr_iface *iface;
	unsigned long index;

	/* Returns after a synchronize_net(): no hook runs any more. */
	mcr_hooks_unregister(net);

	rtnl_lock();
	/* Entries first, so removing each interface finds none to edit. */
	mcr_mfc_flush(&mn->mfc, 0, true, 0);
	xa_for_each(&mn->ifaces, index, iface)
		mcr_netns_remove(mn, iface);
	rtnl_unlock();

	unregister_netdevice_notifier_net(net, &mn->netdev_nb);
	WARN_ON_ONCE(!xa_empty(&mn->ifaces));
	/* No interface is left to queue work: leave every upstream group. */
	mcr_proxy_uninit(&mn->proxy);
	xa_destroy(&mn->ifaces);
	cancel_delayed_work_sync(&mn->gc);
	mcr_mfc_uninit(&mn->mfc);
}

/*
 * register_pernet_device(), not _subsys(): see mcr_net_exit() for why the
 * exit must run before the core's device teardown of the namespace.
 */
static struct pernet_operations mcr_net_ops = {
	.init = mcr_net_init,
	.exit = mcr_net_exit,
	.id = &mcr_net_id,
	.size = sizeof(struct mcr_net),
};

/**
 * mcr_netns_init() - register the pernet operations
 *
 * Creates the state (and notifier) of every existing namespace.
 *
 * Return: 0 or a negative errno.
 */
int mcr_netns_init(void)
{
	return register_pernet_device(&mcr_net_ops);
}

/**
 * mcr_netns_uninit() - unregister the pernet operations
 *
 * Runs mcr_net_exit() for every namespace, so afterwards no entry, device
 * reference or allmulti increment is left (the device references go after
 * a grace period: the caller must rcu_barrier()).
 */
void mcr_netns_uninit(void)
{
	unregister_pernet_device(&mcr_net_ops);
}
