/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The router side of IGMP and MLD on one interface: the membership table
 * (group_table.c), one querier per family, and forwarding from membership. The
 * protocol edges (igmp.c, mld.c) parse messages and call in here; nothing
 * below them knows the protocols apart.
 *
 * Locking: the table's (group_table.h) and the queriers' (querier.h).
 *
 * Lock order: mcr_mfc.lock, then mcr_gtable.lock (membership entries are
 * computed under the table lock). group_table.c calls changed() only after it
 * dropped its lock, and the refresh it causes takes the table lock.
 */
#ifndef _MCR_MEMB_H
#define _MCR_MEMB_H

#include <linux/skbuff.h>
#include <linux/timer.h>
#include <linux/types.h>

#include "config.h"
#include "mfc.h"
#include "group_table.h"
#include "iface_types.h"
#include "querier.h"
#include "stats.h"

struct mcr_iface;
struct mcr_net;

int mcr_memb_init(struct mcr_iface *iface);
void mcr_memb_stop(struct mcr_iface *iface);
void mcr_memb_free(struct mcr_iface *iface);
void mcr_memb_mode(struct mcr_net *mn, struct mcr_iface *iface, u8 old_mode,
		   u8 new_mode);
void mcr_memb_count(struct mcr_iface *iface, u16 family, int idx);
void mcr_memb_report(struct mcr_iface *iface, struct mcr_record *r);
struct mcr_iface *mcr_memb_iface(struct net *net, struct net_device *dev);
struct mcr_oifs *mcr_memb_compute(struct mcr_mfc *mfc,
				  const struct mcr_mfe_spec *spec);
bool mcr_memb_ssm(u16 family, const struct mcr_addr *group);

#endif /* _MCR_MEMB_H */
