// SPDX-License-Identifier: GPL-2.0
/*
 * One interface's membership table: find or create a group's state for a
 * report, apply the record, keep one timer per group at its next deadline,
 * delete a group when nothing is left of it. Locking: mif.h.
 */

#include <linux/jiffies.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "compat.h"
#include "mif.h"

static const struct rhashtable_params mif_params = {
	.head_offset = offsetof(struct mcr_mgnode, node),
	.key_offset = offsetof(struct mcr_mgnode, key),
	.key_len = sizeof(struct mcr_group_key),
	.automatic_shrinking = true,
};

/**
 * mcr_mif_init() - an empty table
 * @mif: the table
 *
 * Return: 0 or -ENOMEM.
 */
int mcr_mif_init(struct mcr_mif *mif)
{
	spin_lock_init(&mif->lock);
	mif->n_groups = 0;
	mif->dying = false;
	return rhashtable_init(&mif->groups, &mif_params);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mif_init);

static void node_free_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct mcr_mgnode, rcu));
}

/* Take @gn out of the table; freed after a grace period. */
static void group_del(struct mcr_mif *mif, struct mcr_mgnode *gn)
{
	lockdep_assert_held(&mif->lock);
	rhashtable_remove_fast(&mif->groups, &gn->node, mif_params);
	gn->unhashed = true;
	mif->n_groups--;
	/* Not _sync: this may be the timer's own callback. */
	timer_delete(&gn->timer);
	mcr_mgrp_destroy(&gn->m);
	call_rcu(&gn->rcu, node_free_rcu);
}

/* Arm the timer at the state's next deadline, if any. */
static void group_arm(struct mcr_mgnode *gn)
{
	unsigned long when;

	if (mcr_mgrp_next(&gn->m, &when))
		mod_timer(&gn->timer, when);
	else
		timer_delete(&gn->timer);
}

/* Apply the expiries due at @now; delete the group if nothing is left. */
static void group_tick(struct mcr_mif *mif, struct mcr_mgnode *gn,
		       unsigned long now)
{
	lockdep_assert_held(&mif->lock);
	if (mcr_mgrp_expire(&gn->m, now))
		group_del(mif, gn);
	else
		group_arm(gn);
}

static void group_timer(struct timer_list *t)
{
	struct mcr_mgnode *gn = from_timer(gn, t, timer);
	struct mcr_mif *mif = gn->mif;

	spin_lock(&mif->lock);
	if (!gn->unhashed && !mif->dying)
		group_tick(mif, gn, jiffies);
	spin_unlock(&mif->lock);
}

/**
 * mcr_mif_lookup() - a group of the table
 * @mif: the table, lock held
 * @family: AF_INET or AF_INET6
 * @group: the group
 *
 * Return: the node, or NULL.
 */
struct mcr_mgnode *mcr_mif_lookup(struct mcr_mif *mif, u16 family,
				  const struct mcr_addr *group)
{
	struct mcr_group_key key;

	lockdep_assert_held(&mif->lock);
	mcr_group_key_init(&key, family, group);
	return rhashtable_lookup_fast(&mif->groups, &key, mif_params);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mif_lookup);

static struct mcr_mgnode *group_new(struct mcr_mif *mif,
				    unsigned int max_groups, u16 family,
				    const struct mcr_addr *group)
{
	struct mcr_mgnode *gn;

	if (max_groups && mif->n_groups >= max_groups)
		return ERR_PTR(-ENOSPC);
	gn = kzalloc(sizeof(*gn), GFP_ATOMIC);
	if (!gn)
		return ERR_PTR(-ENOMEM);
	mcr_group_key_init(&gn->key, family, group);
	mcr_mgrp_init(&gn->m, family, group);
	timer_setup(&gn->timer, group_timer, 0);
	gn->mif = mif;
	if (rhashtable_insert_fast(&mif->groups, &gn->node, mif_params)) {
		kfree(gn);
		return ERR_PTR(-ENOMEM);
	}
	mif->n_groups++;
	return gn;
}

/**
 * mcr_mif_record() - apply one group record of a report
 * @mif: the table
 * @p: the interface's parameters
 * @max_groups: the interface's group limit, 0 for none
 * @now: jiffies
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @type: the record type
 * @srcs: its sources
 * @n: entries of @srcs
 *
 * A record for a group the table does not hold creates it, unless the
 * table is full; a record that leaves nothing (INCLUDE({}), e.g. BLOCK
 * for an unknown group) does not.
 *
 * Context: any; takes mif->lock with BH disabled.
 * Return: the number of sources refused (>= 0), -ENOSPC (group limit:
 * nothing changed), -ENOMEM, or -EINVAL (unknown record type).
 */
int mcr_mif_record(struct mcr_mif *mif, const struct mcr_mship_params *p,
		   unsigned int max_groups, unsigned long now, u16 family,
		   const struct mcr_addr *group, enum mcr_rec type,
		   const struct mcr_addr *srcs, unsigned int n)
{
	struct mcr_mgnode *gn;
	int ret;

	if (type < MCR_REC_IS_IN || type > MCR_REC_BLOCK)
		return -EINVAL;
	spin_lock_bh(&mif->lock);
	gn = mcr_mif_lookup(mif, family, group);
	if (!gn) {
		gn = group_new(mif, max_groups, family, group);
		if (IS_ERR(gn)) {
			ret = PTR_ERR(gn);
			goto out;
		}
	}
	ret = mcr_mgrp_record(&gn->m, p, now, type, srcs, n);
	if (gn->m.filter == MCR_FILTER_INCLUDE && !gn->m.n_sources)
		group_del(mif, gn);
	else
		group_arm(gn);
out:
	spin_unlock_bh(&mif->lock);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mif_record);

/**
 * mcr_mif_expire() - apply a group's expiries due at @now at once
 * @mif: the table
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @now: jiffies
 *
 * What the group's timer does when it fires, for callers (tests, and
 * fast-leave) that cannot wait for it.
 */
void mcr_mif_expire(struct mcr_mif *mif, u16 family,
		    const struct mcr_addr *group, unsigned long now)
{
	struct mcr_mgnode *gn;

	spin_lock_bh(&mif->lock);
	gn = mcr_mif_lookup(mif, family, group);
	if (gn)
		group_tick(mif, gn, now);
	spin_unlock_bh(&mif->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mif_expire);

static void node_destroy(void *ptr, void *arg)
{
	struct mcr_mgnode *gn = ptr;

	timer_shutdown_sync(&gn->timer);
	mcr_mgrp_destroy(&gn->m);
	kfree(gn);
}

/**
 * mcr_mif_uninit() - free the table and every group in it
 * @mif: the table
 *
 * Context: process context, after the last mcr_mif_record() (the
 * interface is out of every RCU-visible table and a grace period has
 * passed). The timers may still fire until they are shut down here.
 */
void mcr_mif_uninit(struct mcr_mif *mif)
{
	/* From now on a firing timer leaves the table alone. */
	spin_lock_bh(&mif->lock);
	mif->dying = true;
	spin_unlock_bh(&mif->lock);
	rhashtable_free_and_destroy(&mif->groups, node_destroy, NULL);
	mif->n_groups = 0;
	/* Groups deleted earlier are freed by RCU callbacks in this module. */
	rcu_barrier();
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mif_uninit);
