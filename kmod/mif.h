/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The membership table of one interface: the groups hosts on its link
 * asked for, each a struct mcr_mgrp (mship.c) with one timer, and the
 * interface's group limit. Both families share the table.
 *
 * Locking:
 *
 *   what                         written under          read under
 *   mcr_mif.groups, n_groups     mcr_mif.lock (BH)       mcr_mif.lock
 *   mcr_mgnode.m (the state)     mcr_mif.lock            mcr_mif.lock
 *   mcr_mgnode.timer             armed under the lock; its callback
 *                                takes the lock and does nothing once
 *                                the node is unhashed
 *
 * Reports arrive in softirq (the PRE_ROUTING hook), so the lock is taken
 * with spin_lock_bh() in process context. A node is freed after an RCU
 * grace period: a timer callback already running when its node is
 * deleted runs in softirq, a read-side critical section, and only looks
 * at the node's unhashed flag under the lock.
 */
#ifndef _MCR_MIF_H
#define _MCR_MIF_H

#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#include "config.h"
#include "mship.h"

/**
 * struct mcr_mif - one interface's membership table
 * @lock: protects everything below and the nodes' state
 * @groups: struct mcr_mgnode by struct mcr_group_key
 * @n_groups: nodes in @groups
 * @dying: mcr_mif_uninit() runs: timers must not change the table
 */
struct mcr_mif {
	spinlock_t lock;	/* the table and its nodes' state */
	struct rhashtable groups;
	unsigned int n_groups;
	bool dying;
};

/**
 * struct mcr_mgnode - a group of the table
 * @node: in mcr_mif.groups
 * @key: (family, group)
 * @m: the membership state
 * @timer: fires at the state's next deadline
 * @mif: the table
 * @unhashed: deleted from @mif; the timer callback must not touch @m
 * @rcu: frees the node after a grace period
 */
struct mcr_mgnode {
	struct rhash_head node;
	struct mcr_group_key key;
	struct mcr_mgrp m;
	struct timer_list timer;
	struct mcr_mif *mif;
	bool unhashed;
	struct rcu_head rcu;
};

int mcr_mif_init(struct mcr_mif *mif);
void mcr_mif_uninit(struct mcr_mif *mif);
int mcr_mif_record(struct mcr_mif *mif, const struct mcr_mship_params *p,
		   unsigned int max_groups, unsigned long now, u16 family,
		   const struct mcr_addr *group, enum mcr_rec type,
		   const struct mcr_addr *srcs, unsigned int n);
void mcr_mif_expire(struct mcr_mif *mif, u16 family,
		    const struct mcr_addr *group, unsigned long now);
struct mcr_mgnode *mcr_mif_lookup(struct mcr_mif *mif, u16 family,
				  const struct mcr_addr *group);

#endif /* _MCR_MIF_H */
