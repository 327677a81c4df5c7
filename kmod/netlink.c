// SPDX-License-Identifier: GPL-2.0
/*
 * The "mcast_router" generic netlink family. Writers (SET, DEL) take
 * RTNL; GET and dumps only RCU. Every change is announced on the
 * "monitor" group of the namespace where it happened.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "compat.h"
#include "config.h"
#include "forward.h"
#include "iface.h"
#include "memb_netlink.h"
#include "mfc_netlink.h"
#include "monitor_netlink.h"
#include "netlink.h"
#include "netns.h"
#include "proxy_netlink.h"

static const struct genl_multicast_group mcr_mcgrps[] = {
	[MCR_MCGRP_MONITOR] = {
		.name = MCAST_ROUTER_MCGRP_MONITOR,
		MCR_MCGRP_FLAGS
	},
};

static size_t iface_msg_size(void)
{
	return nla_total_size(sizeof(u32)) +		/* IFINDEX */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       mcr_config_fill_size() +
	       mcr_stats_fill_size(MCAST_ROUTER_A_IFACE_STATS_PAD);
}

/*
 * Called under RCU or RTNL: both keep @iface, its device and its
 * configuration alive.
 */
static int fill_iface(struct sk_buff *skb, const struct mcr_iface *iface,
		      u32 portid, u32 seq, int flags, u8 cmd,
		      struct netlink_callback *cb)
{
	char name[IFNAMSIZ];
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mcr_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);

	mcr_compat_copy_name(iface->dev, name);
	if (nla_put_u32(skb, MCAST_ROUTER_A_IFACE_IFINDEX, iface->dev->ifindex) ||
	    nla_put_string(skb, MCAST_ROUTER_A_IFACE_IFNAME, name))
		goto cancel;
	if (cmd != MCAST_ROUTER_CMD_IFACE_DEL_NTF &&
	    (mcr_config_fill(skb, rcu_dereference_rtnl(iface->cfg)) ||
	     mcr_stats_fill(skb, MCAST_ROUTER_A_IFACE_STATS,
			    iface->stats, MCAST_ROUTER_A_IFACE_STATS_PAD)))
		goto cancel;

	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static void notify(struct mcr_net *mn, const struct mcr_iface *iface, u8 cmd)
{
	struct sk_buff *msg;

	ASSERT_RTNL();

	if (!mcr_monitor_ok(mn->net))
		return;

	msg = genlmsg_new(iface_msg_size(), GFP_KERNEL);
	if (!msg)
		return;
	if (fill_iface(msg, iface, 0, 0, 0, cmd, NULL)) {
		nlmsg_free(msg);
		return;
	}
	mcr_monitor_send(mn->net, msg, GFP_KERNEL);
}

/**
 * mcr_netlink_notify_change() - announce an interface's configuration
 * @mn: the interface's namespace
 * @iface: the interface
 *
 * Sends IFACE_CHANGE_NTF (attributes as IFACE_GET's reply) to the monitor
 * group of @mn's namespace.
 *
 * Context: RTNL held.
 */
void mcr_netlink_notify_change(struct mcr_net *mn,
			       const struct mcr_iface *iface)
{
	notify(mn, iface, MCAST_ROUTER_CMD_IFACE_CHANGE_NTF);
}

/**
 * mcr_netlink_notify_del() - announce that a configuration is removed
 * @mn: the interface's namespace
 * @iface: the interface, still valid (call before removing it)
 *
 * Sends IFACE_DEL_NTF with IFINDEX and IFNAME to the monitor group of
 * @mn's namespace.
 *
 * Context: RTNL held.
 */
void mcr_netlink_notify_del(struct mcr_net *mn, const struct mcr_iface *iface)
{
	notify(mn, iface, MCAST_ROUTER_CMD_IFACE_DEL_NTF);
}

/*
 * The device named by exactly one of IFINDEX and IFNAME, in @net.
 * Context: rcu_read_lock(); the caller keeps the device alive beyond that
 * only by holding RTNL.
 */
static struct net_device *lookup_dev(struct net *net, struct genl_info *info)
{
	const struct nlattr *idx = info->attrs[MCAST_ROUTER_A_IFACE_IFINDEX];
	const struct nlattr *name = info->attrs[MCAST_ROUTER_A_IFACE_IFNAME];
	struct net_device *dev;

	if (idx && name) {
		NL_SET_ERR_MSG_ATTR(info->extack, name,
				    "give either ifindex or ifname, not both");
		return ERR_PTR(-EINVAL);
	}
	if (!idx && !name) {
		NL_SET_ERR_ATTR_MISS(info->extack, NULL,
				     MCAST_ROUTER_A_IFACE_IFINDEX);
		NL_SET_ERR_MSG(info->extack, "ifindex or ifname required");
		return ERR_PTR(-EINVAL);
	}

	if (idx)
		dev = dev_get_by_index_rcu(net, nla_get_u32(idx));
	else
		dev = dev_get_by_name_rcu(net, nla_data(name));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(info->extack, idx ?: name, "no such device");
		return ERR_PTR(-ENODEV);
	}
	return dev;
}

/*
 * lookup_dev() for the writers: the device stays registered after
 * rcu_read_unlock() because the caller holds RTNL.
 */
static struct net_device *lookup_dev_rtnl(struct genl_info *info)
{
	struct net_device *dev;

	ASSERT_RTNL();
	rcu_read_lock();
	dev = lookup_dev(genl_info_net(info), info);
	rcu_read_unlock();
	return dev;
}

/* The entry of @dev, or NULL with extack set. Context: RCU or RTNL. */
static struct mcr_iface *lookup_iface(struct mcr_net *mn,
				      struct net_device *dev,
				      struct genl_info *info)
{
	struct mcr_iface *iface = xa_load(&mn->ifaces, dev->ifindex);

	if (!iface || iface->dev != dev) {
		NL_SET_ERR_MSG(info->extack, "interface not configured");
		return NULL;
	}
	return iface;
}

static int iface_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcr_net *mn = mcr_netns_get(genl_info_net(info));
	struct mcr_iface *iface;
	struct net_device *dev;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(iface_msg_size(), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rcu_read_lock();
	dev = lookup_dev(genl_info_net(info), info);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto err_unlock;
	}
	iface = lookup_iface(mn, dev, info);
	if (!iface) {
		err = -ENOENT;
		goto err_unlock;
	}
	err = fill_iface(msg, iface, info->snd_portid, info->snd_seq, 0,
			 MCAST_ROUTER_CMD_IFACE_GET, NULL);
	rcu_read_unlock();
	if (err)
		goto err_free;
	return genlmsg_reply(msg, info);

err_unlock:
	rcu_read_unlock();
err_free:
	nlmsg_free(msg);
	return err;
}

/*
 * cb->args[0]: the ifindex to resume from. cb->seq: the namespace's
 * generation, so a dump spanning a change is flagged NLM_F_DUMP_INTR.
 */
static int iface_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcr_net *mn = mcr_netns_get(sock_net(skb->sk));
	struct mcr_iface *iface;
	unsigned long index;
	int err = 0;

	rcu_read_lock();
	cb->seq = READ_ONCE(mn->generation);
	xa_for_each_start(&mn->ifaces, index, iface, cb->args[0]) {
		err = fill_iface(skb, iface, NETLINK_CB(cb->skb).portid,
				 cb->nlh->nlmsg_seq, NLM_F_MULTI,
				 MCAST_ROUTER_CMD_IFACE_GET, cb);
		if (err)
			break;
		cb->args[0] = index + 1;
	}
	rcu_read_unlock();

	/* A message that does not fit an empty skb never will. */
	if (err && !skb->len)
		return err;
	return skb->len;
}

static struct mcr_iface *set_existing(struct mcr_iface *iface,
				      struct genl_info *info)
{
	struct mcr_iface_cfg *cfg;
	int err;

	cfg = kmemdup(rtnl_dereference(iface->cfg), sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return ERR_PTR(-ENOMEM);
	err = mcr_config_apply(cfg, info->attrs, info->extack);
	if (!err)
		err = mcr_iface_update(iface, cfg, info->extack);
	if (err) {
		kfree(cfg);
		return ERR_PTR(err);
	}
	return iface;
}

/*
 * Nothing is visible before the last step: the slot is reserved (readers
 * see no entry), the entry gets its configuration and allmulti reference,
 * and only then is it stored, which cannot fail for a reserved slot.
 */
static struct mcr_iface *set_new(struct mcr_net *mn, struct net_device *dev,
				 struct genl_info *info)
{
	struct mcr_iface_cfg *cfg;
	struct mcr_iface *iface;
	int err;

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return ERR_PTR(-ENOMEM);
	mcr_config_init(cfg);
	err = mcr_config_apply(cfg, info->attrs, info->extack);
	if (err)
		goto err_apply;

	err = xa_reserve(&mn->ifaces, dev->ifindex, GFP_KERNEL);
	if (err)
		goto err_apply;

	iface = mcr_iface_create(dev);
	if (!iface) {
		err = -ENOMEM;
		goto err_create;
	}
	err = mcr_iface_update(iface, cfg, info->extack);
	if (err)
		goto err_update;

	WARN_ON_ONCE(xa_is_err(xa_store(&mn->ifaces, dev->ifindex, iface,
					GFP_KERNEL)));
	return iface;

err_update:
	mcr_iface_destroy(iface);
err_create:
	xa_release(&mn->ifaces, dev->ifindex);
err_apply:
	kfree(cfg);
	return ERR_PTR(err);
}

static int check_coexistence(struct genl_info *info)
{
	const struct nlattr *mode = info->attrs[MCAST_ROUTER_A_IFACE_MODE];

	if (!mode || !mcr_fwd_mode_active(nla_get_u8(mode)) ||
	    !mcr_fwd_native_active(genl_info_net(info)))
		return 0;
	NL_SET_ERR_MSG_ATTR(info->extack, mode,
			    "native multicast routing is active in this namespace (an mroute socket is open)");
	return -EBUSY;
}

/* One upstream per namespace: a second proxy-mode interface is refused. */
static int check_upstream(struct mcr_net *mn, struct net_device *dev,
			  struct genl_info *info)
{
	const struct nlattr *mode = info->attrs[MCAST_ROUTER_A_IFACE_MODE];
	struct mcr_iface *iface;
	unsigned long index;

	if (!mode || nla_get_u8(mode) != MCAST_ROUTER_MODE_PROXY)
		return 0;
	xa_for_each(&mn->ifaces, index, iface) {
		if (iface->dev == dev ||
		    rtnl_dereference(iface->cfg)->mode !=
		    MCAST_ROUTER_MODE_PROXY)
			continue;
		MCR_ERR_MSG_FMT(info->extack,
				"another interface is already the proxy upstream of this namespace",
				"%s is already the proxy upstream of this namespace",
				iface->dev->name);
		return -EBUSY;
	}
	return 0;
}

static int iface_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcr_net *mn = mcr_netns_get(genl_info_net(info));
	struct mcr_iface *iface;
	struct net_device *dev;
	int err = 0;

	rtnl_lock();
	dev = lookup_dev_rtnl(info);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out;
	}
	err = check_coexistence(info);
	if (err)
		goto out;
	err = check_upstream(mn, dev, info);
	if (err)
		goto out;

	iface = xa_load(&mn->ifaces, dev->ifindex);
	if (iface)
		iface = set_existing(iface, info);
	else
		iface = set_new(mn, dev, info);
	if (IS_ERR(iface)) {
		err = PTR_ERR(iface);
		goto out;
	}

	/* The upstream or a downstream interface may have come or gone. */
	mcr_proxy_resync(mn);
	/* Every successful SET is announced, changed values or not. */
	mcr_netns_changed(mn);
	mcr_netlink_notify_change(mn, iface);
out:
	rtnl_unlock();
	return err;
}

static int iface_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcr_net *mn = mcr_netns_get(genl_info_net(info));
	struct mcr_iface *iface;
	struct net_device *dev;
	int err = 0;

	rtnl_lock();
	dev = lookup_dev_rtnl(info);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out;
	}
	iface = lookup_iface(mn, dev, info);
	if (!iface) {
		err = -ENOENT;
		goto out;
	}

	mcr_netlink_notify_del(mn, iface);
	mcr_netns_remove(mn, iface);
out:
	rtnl_unlock();
	return err;
}

/*
 * GET and DEL accept only IFINDEX and IFNAME: their maxattr stops the
 * shared policy there, so any other attribute is rejected.
 */
static const struct genl_ops mcr_genl_ops[] = {
	{
		.cmd = MCAST_ROUTER_CMD_IFACE_GET,
		.doit = iface_get_doit,
		.dumpit = iface_get_dumpit,
		.policy = mcr_config_policy,
		.maxattr = MCAST_ROUTER_A_IFACE_IFNAME,
	},
	{
		.cmd = MCAST_ROUTER_CMD_IFACE_SET,
		.doit = iface_set_doit,
		.policy = mcr_config_policy,
		.maxattr = MCAST_ROUTER_A_IFACE_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = MCAST_ROUTER_CMD_IFACE_DEL,
		.doit = iface_del_doit,
		.policy = mcr_config_policy,
		.maxattr = MCAST_ROUTER_A_IFACE_IFNAME,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = MCAST_ROUTER_CMD_MFE_GET,
		.start = mcr_mfe_get_start,
		.dumpit = mcr_mfe_get_dumpit,
		.policy = mcr_mfe_policy,
		.maxattr = MCAST_ROUTER_A_MFE_MAX,
	},
	{
		.cmd = MCAST_ROUTER_CMD_MFE_ADD,
		.doit = mcr_mfe_add_doit,
		.policy = mcr_mfe_policy,
		.maxattr = MCAST_ROUTER_A_MFE_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = MCAST_ROUTER_CMD_MFE_DEL,
		.doit = mcr_mfe_del_doit,
		.policy = mcr_mfe_policy,
		.maxattr = MCAST_ROUTER_A_MFE_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = MCAST_ROUTER_CMD_MFE_FLUSH,
		.doit = mcr_mfe_flush_doit,
		.policy = mcr_mfe_policy,
		.maxattr = MCAST_ROUTER_A_MFE_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = MCAST_ROUTER_CMD_GROUP_GET,
		.start = mcr_group_get_start,
		.dumpit = mcr_group_get_dumpit,
		.policy = mcr_group_policy,
		.maxattr = MCAST_ROUTER_A_GROUP_MAX,
	},
	{
		.cmd = MCAST_ROUTER_CMD_QUERIER_GET,
		.start = mcr_querier_get_start,
		.dumpit = mcr_querier_get_dumpit,
		.policy = mcr_querier_policy,
		.maxattr = MCAST_ROUTER_A_QUERIER_MAX,
	},
	{
		.cmd = MCAST_ROUTER_CMD_PROXY_GET,
		.dumpit = mcr_proxy_get_dumpit,
		.policy = mcr_proxy_policy,
		.maxattr = MCAST_ROUTER_A_GROUP_FAMILY,
	},
	{
		.cmd = MCAST_ROUTER_CMD_GROUP_ADD,
		.doit = mcr_group_add_doit,
		.policy = mcr_group_policy,
		.maxattr = MCAST_ROUTER_A_GROUP_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = MCAST_ROUTER_CMD_GROUP_DEL,
		.doit = mcr_group_del_doit,
		.policy = mcr_group_policy,
		.maxattr = MCAST_ROUTER_A_GROUP_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
};

struct genl_family mcr_genl_family __ro_after_init = {
	.name = MCAST_ROUTER_GENL_NAME,
	.version = MCAST_ROUTER_GENL_VERSION,
	.netnsok = true,
	/* Writers serialise on RTNL, readers use RCU: no genl_mutex. */
	.parallel_ops = true,
	/* Every command validates strictly, reserved header field included. */
	.resv_start_op = MCAST_ROUTER_CMD_UNSPEC,
	.module = THIS_MODULE,
	.ops = mcr_genl_ops,
	.n_ops = ARRAY_SIZE(mcr_genl_ops),
	.mcgrps = mcr_mcgrps,
	.n_mcgrps = ARRAY_SIZE(mcr_mcgrps),
};

/**
 * mcr_netlink_init() - register the generic netlink family
 *
 * Return: 0 or a negative errno.
 */
int __init mcr_netlink_init(void)
{
	int err;

	err = genl_register_family(&mcr_genl_family);
	if (err)
		return err;

	rtnl_lock();
	mcr_monitor_enable(true);
	rtnl_unlock();
	return 0;
}

/**
 * mcr_netlink_uninit() - unregister the generic netlink family
 *
 * Stops notifications first (under RTNL, then a grace period, so none is
 * in flight), then unregisters the family, which waits for running
 * requests to finish.
 */
void mcr_netlink_uninit(void)
{
	rtnl_lock();
	mcr_monitor_enable(false);
	rtnl_unlock();
	/* Membership events are built under RCU, in softirq. */
	synchronize_rcu();

	genl_unregister_family(&mcr_genl_family);
}
