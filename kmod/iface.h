/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A configured interface: the device reference, the published
 * configuration and the allmulti reference taken for router/proxy mode.
 */
#ifndef _MCR_IFACE_H
#define _MCR_IFACE_H

#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/mcast_router.h>

#include "iface_types.h"

struct mcr_iface *mcr_iface_create(struct net_device *dev);
int mcr_iface_update(struct mcr_iface *iface, struct mcr_iface_cfg *cfg,
		     struct netlink_ext_ack *extack);
void mcr_iface_destroy(struct mcr_iface *iface);
int mcr_iface_netdev_event(struct notifier_block *nb, unsigned long event,
			   void *ptr);

#endif /* _MCR_IFACE_H */
