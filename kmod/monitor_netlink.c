// SPDX-License-Identifier: GPL-2.0
/*
 * The "monitor" multicast group: notifications are built only while the
 * family is registered and someone in the namespace listens, and sent in
 * the namespace of the change.
 */

#include <linux/rcupdate.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>

#include "mfc_netlink.h"
#include "monitor_netlink.h"

/*
 * Notifications are only sent while the family is registered. Written
 * under RTNL; read under RTNL (configuration events) or RCU (membership
 * events from softirq): once mcr_netlink_uninit() has cleared it and a
 * grace period has passed, no notification can be built for a family
 * about to go (whose group ids may be handed to another family).
 */
static bool mcr_notify_enabled;

/**
 * mcr_monitor_enable() - let notifications be built, or stop them
 * @on: whether the family is registered
 *
 * Context: RTNL held.
 */
void mcr_monitor_enable(bool on)
{
	ASSERT_RTNL();
	WRITE_ONCE(mcr_notify_enabled, on);
}

/**
 * mcr_monitor_ok() - whether a monitor notification should be built
 * @net: the namespace it is about
 *
 * Context: rcu_read_lock() or RTNL held.
 * Return: true if the family is registered and someone in @net listens.
 */
bool mcr_monitor_ok(struct net *net)
{
	RCU_LOCKDEP_WARN(!rcu_read_lock_held() && !lockdep_rtnl_is_held(),
			 "monitor check without RCU or RTNL");
	return READ_ONCE(mcr_notify_enabled) &&
	       genl_has_listeners(&mcr_genl_family, net, MCR_MCGRP_MONITOR);
}

/**
 * mcr_monitor_send() - send a monitor notification built for @net
 * @net: the namespace
 * @msg: the message; consumed
 * @gfp: allocation flags
 */
void mcr_monitor_send(struct net *net, struct sk_buff *msg, gfp_t gfp)
{
	genlmsg_multicast_netns(&mcr_genl_family, net, msg, 0,
				MCR_MCGRP_MONITOR, gfp);
}
