/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The querier of one interface and family (RFC 3376 6.6, RFC 3810 7.6).
 * Both families' queriers live in the interface's struct mcr_memb and
 * share its membership table's lock.
 *
 * Locking:
 *
 *   what                          written under            read under
 *   mcr_querier fields            mcr_gtable.lock (BH)        mcr_gtable.lock
 *   .self, .heard_qrv, .heard_qqi mcr_gtable.lock, WRITE_ONCE also READ_ONCE
 *                                                          (reports)
 *   mcr_querier.timer             armed under the lock; stopped with
 *                                 timer_delete_sync() under RTNL (mode
 *                                 off, interface teardown)
 *   mcr_querier.stats (per-CPU)   softirq and timers       netlink
 */
#ifndef _MCR_QUERIER_H
#define _MCR_QUERIER_H

#include <linux/skbuff.h>
#include <linux/timer.h>
#include <linux/types.h>

#include "config.h"
#include "group_fsm.h"
#include "iface_types.h"
#include "stats.h"

struct mcr_iface;
struct mcr_gnode;
struct mcr_gtable;

/**
 * struct mcr_querier_pquery - a parsed specific query
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @s_flag: "suppress router-side processing"
 * @src_off: offset of the source list from skb->data
 * @nsrcs: sources, all inside the packet
 */
struct mcr_querier_pquery {
	u16 family;
	struct mcr_addr group;
	bool s_flag;
	unsigned int src_off;
	unsigned int nsrcs;
};

int mcr_querier_init(struct mcr_querier *q, struct mcr_iface *iface,
		     u16 family);
void mcr_querier_stop(struct mcr_iface *iface);
void mcr_querier_free(struct mcr_querier *q);
void mcr_querier_off(struct mcr_iface *iface);
void mcr_querier_config(struct mcr_iface *iface, bool start);
void mcr_querier_params(const struct mcr_iface_cfg *cfg,
			const struct mcr_querier *q,
			struct mcr_gfsm_params *p);
int mcr_querier_addr_cmp(u16 family, const struct mcr_addr *a,
			 const struct mcr_addr *b);
bool mcr_querier_heard(struct mcr_iface *iface, u16 family,
		       const struct mcr_addr *querier, u8 qrv, u8 qqic);
void mcr_querier_heard_specific(struct mcr_iface *iface,
				const struct sk_buff *skb,
				const struct mcr_querier_pquery *q);
unsigned long mcr_querier_group_queries(struct mcr_gtable *table,
					struct mcr_gnode *gn,
					unsigned long now,
					struct sk_buff_head *out);

#endif /* _MCR_QUERIER_H */
