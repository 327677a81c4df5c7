// SPDX-License-Identifier: GPL-2.0
/*
 * The multicast forwarding table of one namespace. Locking: see mfc.h.
 */

#include <linux/jiffies.h>
#include <linux/rculist.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "compat.h"
#include "mfc.h"

static const struct rhashtable_params group_params = {
	.key_len = sizeof(struct mcr_group_key),
	.key_offset = offsetof(struct mcr_mfc_group, key),
	.head_offset = offsetof(struct mcr_mfc_group, node),
	.automatic_shrinking = true,
};

/**
 * mcr_mfc_init() - initialise an empty table
 * @mfc: the table
 *
 * Return: 0 or a negative errno.
 */
int mcr_mfc_init(struct mcr_mfc *mfc)
{
	spin_lock_init(&mfc->lock);
	xa_init_flags(&mfc->ids, XA_FLAGS_ALLOC | XA_FLAGS_LOCK_BH);
	mfc->count = 0;
	mfc->generation = 1;
	return rhashtable_init(&mfc->groups, &group_params);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_init);

/**
 * mcr_mfc_uninit() - delete every entry and free the table
 * @mfc: the table; no reader may find it any more except those that
 *	already hold rcu_read_lock() (entries are freed after a grace period)
 */
void mcr_mfc_uninit(struct mcr_mfc *mfc)
{
	mcr_mfc_flush(mfc, 0, true, 0);
	WARN_ON_ONCE(mfc->count);
	rhashtable_destroy(&mfc->groups);
	xa_destroy(&mfc->ids);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_uninit);

/**
 * mcr_mfc_oifs_alloc() - allocate an oif set of @n interfaces
 * @n: number of interfaces; the caller fills ifaces[0..n-1]
 * @gfp: allocation flags
 *
 * Return: the set or NULL.
 */
struct mcr_oifs *mcr_mfc_oifs_alloc(unsigned int n, gfp_t gfp)
{
	struct mcr_oifs *oifs;

	oifs = kvzalloc(struct_size(oifs, ifaces, n), gfp);
	if (oifs)
		oifs->n = n;
	return oifs;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_oifs_alloc);

static void oifs_free_rcu(struct rcu_head *head)
{
	kvfree(container_of(head, struct mcr_oifs, rcu));
}

static void mfe_free_rcu(struct rcu_head *head)
{
	struct mcr_mfe *mfe = container_of(head, struct mcr_mfe, rcu);

	kvfree(rcu_dereference_protected(mfe->oifs, true));
	free_percpu(mfe->stats);
	kfree(mfe);
}

static void changed(struct mcr_mfc *mfc)
{
	u32 gen = mfc->generation + 1;

	lockdep_assert_held(&mfc->lock);
	WRITE_ONCE(mfc->generation, gen ?: 1);
}

static bool mfe_matches(const struct mcr_mfe *mfe,
			const struct mcr_mfe_spec *spec)
{
	if (mfe->any_source != spec->any_source)
		return false;
	if (!spec->any_source &&
	    !mcr_addr_equal(spec->family, &mfe->source, &spec->source))
		return false;
	return !spec->iif || mfe->iif == spec->iif;
}

/* Unlink and free @mfe; frees its group when it was the last entry. */
static void mfe_delete(struct mcr_mfc *mfc, struct mcr_mfe *mfe)
{
	struct mcr_mfc_group *grp = mfe->group;

	lockdep_assert_held(&mfc->lock);
	list_del_rcu(&mfe->list);
	xa_erase(&mfc->ids, mfe->id);
	if (mfe->origin == MCAST_ROUTER_ORIGIN_MEMBERSHIP)
		mfc->learnt--;
	mfc->count--;
	changed(mfc);
	call_rcu(&mfe->rcu, mfe_free_rcu);
	if (list_empty(&grp->entries)) {
		WARN_ON_ONCE(rhashtable_remove_fast(&mfc->groups, &grp->node,
						    group_params));
		kfree_rcu(grp, rcu);
	}
}

static struct mcr_mfc_group *group_get(struct mcr_mfc *mfc, u16 family,
				       const struct mcr_addr *group)
{
	struct mcr_group_key key;

	mcr_group_key_init(&key, family, group);
	/* _fast: takes rcu_read_lock() itself, for writers under the lock. */
	return rhashtable_lookup_fast(&mfc->groups, &key, group_params);
}

/* A new entry and, in case its group is new too, a group node. */
struct mfe_new {
	struct mcr_mfe *mfe;
	struct mcr_mfc_group *grp;
};

static void mfe_new_free(struct mcr_mfc *mfc, struct mfe_new *n)
{
	if (n->mfe) {
		xa_erase_bh(&mfc->ids, n->mfe->id);
		free_percpu(n->mfe->stats);
	}
	kfree(n->mfe);
	kfree(n->grp);
}

/* Allocate what inserting @spec needs, so the insertion cannot fail. */
static int mfe_new_alloc(struct mcr_mfc *mfc, const struct mcr_mfe_spec *spec,
			 u8 origin, gfp_t gfp, struct mfe_new *n)
{
	struct mcr_mfe *mfe;
	u32 id;

	n->mfe = NULL;
	n->grp = kzalloc(sizeof(*n->grp), gfp);
	mfe = kzalloc(sizeof(*mfe), gfp);
	if (!mfe || !n->grp)
		goto err;
	mfe->stats = mcr_stats_alloc(MCAST_ROUTER_A_MFE_STATS_PAD, gfp);
	if (!mfe->stats)
		goto err;
	/* Reserve an id now: storing into a reserved slot cannot fail. */
	if (xa_alloc_bh(&mfc->ids, &id, NULL, xa_limit_31b, gfp)) {
		free_percpu(mfe->stats);
		goto err;
	}
	mfe->id = id;
	mfe->source = spec->source;
	mfe->any_source = spec->any_source;
	mfe->iif = spec->iif;
	mfe->origin = origin;
	mfe->created = get_jiffies_64();
	n->mfe = mfe;
	mcr_group_key_init(&n->grp->key, spec->family, &spec->group);
	INIT_LIST_HEAD(&n->grp->entries);
	return 0;
err:
	kfree(mfe);
	kfree(n->grp);
	n->grp = NULL;
	return -ENOMEM;
}

/* Link the prepared entry with @oifs into @grp (NULL: the new group). */
static int mfe_new_insert(struct mcr_mfc *mfc, struct mfe_new *n,
			  struct mcr_mfc_group *grp, struct mcr_oifs *oifs)
{
	struct mcr_mfe *mfe = n->mfe;
	int err;

	lockdep_assert_held(&mfc->lock);
	if (!grp) {
		err = rhashtable_insert_fast(&mfc->groups, &n->grp->node,
					     group_params);
		if (err)
			return err;
		grp = n->grp;
		n->grp = NULL;
	}
	RCU_INIT_POINTER(mfe->oifs, oifs);
	mfe->group = grp;
	xa_store(&mfc->ids, mfe->id, mfe, GFP_ATOMIC);
	list_add_tail_rcu(&mfe->list, &grp->entries);
	if (mfe->origin == MCAST_ROUTER_ORIGIN_MEMBERSHIP)
		mfc->learnt++;
	mfc->count++;
	changed(mfc);
	n->mfe = NULL;
	return 0;
}

/*
 * Static entries win over membership ones: a static (S,G) replaces the
 * (S,G)'s learnt entries, on every iif, and a static (*,G) all of G's.
 */
static bool learnt_under(const struct mcr_mfe *cur,
			 const struct mcr_mfe_spec *spec, u8 origin)
{
	return origin == MCAST_ROUTER_ORIGIN_STATIC &&
	       cur->origin == MCAST_ROUTER_ORIGIN_MEMBERSHIP &&
	       (spec->any_source ||
		mcr_addr_equal(spec->family, &cur->source, &spec->source));
}

/* Delete what learnt_under() says a new static entry replaces. */
static void forget_learnt(struct mcr_mfc *mfc, struct mcr_mfc_group *grp,
			  const struct mcr_mfe_spec *spec, u8 origin)
{
	struct mcr_mfe *cur, *tmp;

	/* The new entry is in @grp: deleting the others never frees it. */
	list_for_each_entry_safe(cur, tmp, &grp->entries, list)
		if (learnt_under(cur, spec, origin))
			mfe_delete(mfc, cur);
}

/**
 * mcr_mfc_add() - add an entry, or replace the oifs of an existing one
 * @mfc: the table
 * @spec: the key; @spec->iif must be set
 * @oifs: the outgoing interfaces; ownership passes to the table on
 *	success, stays with the caller on error
 * @origin: enum mcast_router_origin
 * @replace: replace the oifs of an existing entry of the same origin
 *	instead of failing with -EEXIST
 * @extack: reason of a failure
 *
 * A static entry replaces the membership entries it covers (static
 * entries win).
 *
 * Context: process context, may sleep; RTNL held by netlink callers.
 * Return: 0, -EEXIST, -EBUSY (an entry of another origin), -ENOSPC (table
 * full) or -ENOMEM.
 */
int mcr_mfc_add(struct mcr_mfc *mfc, const struct mcr_mfe_spec *spec,
		struct mcr_oifs *oifs, u8 origin, bool replace,
		struct netlink_ext_ack *extack)
{
	struct mcr_mfc_group *grp;
	struct mcr_oifs *old;
	struct mcr_mfe *cur;
	struct mfe_new n;
	int err;

	might_sleep();
	err = mfe_new_alloc(mfc, spec, origin, GFP_KERNEL, &n);
	if (err)
		return err;

	spin_lock_bh(&mfc->lock);
	grp = group_get(mfc, spec->family, &spec->group);
	if (grp) {
		list_for_each_entry(cur, &grp->entries, list) {
			if (!mfe_matches(cur, spec) || cur->iif != spec->iif ||
			    learnt_under(cur, spec, origin))
				continue;
			if (cur->origin != origin) {
				NL_SET_ERR_MSG(extack,
					       "an entry of another origin has this key");
				err = -EBUSY;
			} else if (!replace) {
				NL_SET_ERR_MSG(extack, "entry exists");
				err = -EEXIST;
			} else {
				old = rcu_replace_pointer(cur->oifs, oifs,
							  lockdep_is_held(&mfc->lock));
				call_rcu(&old->rcu, oifs_free_rcu);
				changed(mfc);
				err = 0;
			}
			goto out_unlock;
		}
	}
	if (mfc->count >= MCR_MFC_MAX_ENTRIES) {
		NL_SET_ERR_MSG(extack, "forwarding table full");
		err = -ENOSPC;
		goto out_unlock;
	}
	err = mfe_new_insert(mfc, &n, grp, oifs);
	if (!err && grp)
		forget_learnt(mfc, grp, spec, origin);
out_unlock:
	spin_unlock_bh(&mfc->lock);
	/*
	 * Whatever was not used: all of it after an error or a replace (err
	 * 0, after which the table owns @oifs), the group node if the group
	 * existed.
	 */
	mfe_new_free(mfc, &n);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_add);

/* Whether the table has any entry for a datagram of (S,G) or (*,G). */
static bool has_entry(const struct mcr_mfc_group *grp, u16 family,
		      const struct mcr_addr *source)
{
	const struct mcr_mfe *e;

	list_for_each_entry(e, &grp->entries, list)
		if (e->any_source || mcr_addr_equal(family, &e->source, source))
			return true;
	return false;
}

/**
 * mcr_mfc_learn() - create the membership entry of a datagram's (S,G) and
 *	incoming interface
 * @mfc: the table
 * @spec: (family, group, source, iif); not any-source
 * @compute: computes the outgoing interfaces, called under the table lock
 *	with GFP_ATOMIC allocation; may return an empty set, NULL on failure
 *
 * Nothing is created if an entry for the (S,G) or (*,G) exists by the time
 * the lock is held (another CPU learnt it, or a static one was added), or
 * if MCR_MFC_MAX_LEARNT membership entries exist.
 *
 * Context: softirq (the fast path) or process context.
 * Return: 0 if created, -EEXIST, -ENOSPC or -ENOMEM.
 */
int mcr_mfc_learn(struct mcr_mfc *mfc, const struct mcr_mfe_spec *spec,
		  mcr_mfc_compute_t compute)
{
	struct mcr_mfc_group *grp;
	struct mcr_oifs *oifs;
	struct mfe_new n;
	int err;

	err = mfe_new_alloc(mfc, spec, MCAST_ROUTER_ORIGIN_MEMBERSHIP,
			    GFP_ATOMIC, &n);
	if (err)
		return err;
	spin_lock_bh(&mfc->lock);
	grp = group_get(mfc, spec->family, &spec->group);
	if (grp && has_entry(grp, spec->family, &spec->source)) {
		err = -EEXIST;
	} else if (mfc->learnt >= MCR_MFC_MAX_LEARNT ||
		   mfc->count >= MCR_MFC_MAX_ENTRIES) {
		err = -ENOSPC;
	} else {
		oifs = compute(mfc, spec);
		err = oifs ? mfe_new_insert(mfc, &n, grp, oifs) : -ENOMEM;
		if (err)
			kvfree(oifs);
	}
	spin_unlock_bh(&mfc->lock);
	mfe_new_free(mfc, &n);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_learn);

static bool oifs_equal(const struct mcr_oifs *a, const struct mcr_oifs *b)
{
	return a->n == b->n &&
	       !memcmp(a->ifaces, b->ifaces, a->n * sizeof(a->ifaces[0]));
}

/**
 * mcr_mfc_refresh() - recompute the outgoing interfaces of a group's
 *	membership entries after its membership changed
 * @mfc: the table
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @compute: as for mcr_mfc_learn()
 *
 * An entry whose set cannot be computed (no memory) is deleted; the next
 * datagram learns it again.
 *
 * Context: softirq or process context.
 */
void mcr_mfc_refresh(struct mcr_mfc *mfc, u16 family,
		     const struct mcr_addr *group, mcr_mfc_compute_t compute)
{
	struct mcr_mfe_spec spec = { .family = family, .group = *group };
	struct mcr_mfc_group *grp;
	struct mcr_mfe *mfe, *tmp;
	struct mcr_oifs *oifs, *old;

	spin_lock_bh(&mfc->lock);
	grp = group_get(mfc, family, group);
	if (!grp)
		goto out;
	list_for_each_entry_safe(mfe, tmp, &grp->entries, list) {
		if (mfe->origin != MCAST_ROUTER_ORIGIN_MEMBERSHIP)
			continue;
		spec.source = mfe->source;
		spec.iif = mfe->iif;
		oifs = compute(mfc, &spec);
		old = rcu_dereference_protected(mfe->oifs,
						lockdep_is_held(&mfc->lock));
		if (!oifs) {
			/* May free @grp: stop after its last entry. */
			if (list_is_singular(&grp->entries)) {
				mfe_delete(mfc, mfe);
				break;
			}
			mfe_delete(mfc, mfe);
			continue;
		}
		if (oifs_equal(oifs, old)) {
			kvfree(oifs);
			continue;
		}
		rcu_assign_pointer(mfe->oifs, oifs);
		call_rcu(&old->rcu, oifs_free_rcu);
		changed(mfc);
	}
out:
	spin_unlock_bh(&mfc->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_refresh);

/**
 * mcr_mfc_gc() - delete membership entries no datagram used since the
 *	previous call
 * @mfc: the table
 *
 * Called every MCR_MFC_GC_INTERVAL: a learnt entry lives on while its
 * (S,G) keeps sending, and goes one to two intervals after it stops.
 *
 * Return: the number of entries deleted.
 */
unsigned int mcr_mfc_gc(struct mcr_mfc *mfc)
{
	struct mcr_mfe *mfe;
	unsigned long index;
	unsigned int n = 0;
	u64 packets;

	spin_lock_bh(&mfc->lock);
	xa_for_each(&mfc->ids, index, mfe) {
		if (mfe->origin != MCAST_ROUTER_ORIGIN_MEMBERSHIP)
			continue;
		packets = mcr_stats_read(mfe->stats,
					 MCAST_ROUTER_A_MFE_STATS_PACKETS) +
			  mcr_stats_read(mfe->stats,
					 MCAST_ROUTER_A_MFE_STATS_WRONG_IIF);
		if (packets != mfe->gc_packets) {
			mfe->gc_packets = packets;
			continue;
		}
		mfe_delete(mfc, mfe);
		n++;
	}
	spin_unlock_bh(&mfc->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_gc);

/**
 * mcr_mfc_del() - delete the entries matching @spec
 * @mfc: the table
 * @spec: family, group, source or any; iif 0 matches every iif
 *
 * Return: the number of entries deleted (0: nothing matched).
 */
int mcr_mfc_del(struct mcr_mfc *mfc, const struct mcr_mfe_spec *spec)
{
	struct mcr_mfc_group *grp;
	struct mcr_mfe *mfe, *tmp;
	int n = 0;

	spin_lock_bh(&mfc->lock);
	grp = group_get(mfc, spec->family, &spec->group);
	if (grp) {
		list_for_each_entry_safe(mfe, tmp, &grp->entries, list) {
			if (!mfe_matches(mfe, spec))
				continue;
			n++;
			/* May free @grp: stop after its last entry. */
			if (list_is_singular(&grp->entries)) {
				mfe_delete(mfc, mfe);
				break;
			}
			mfe_delete(mfc, mfe);
		}
	}
	spin_unlock_bh(&mfc->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_del);

/**
 * mcr_mfc_flush() - delete the entries of one origin, or every entry
 * @mfc: the table
 * @family: only this family, or 0 for both
 * @all: every origin (namespace teardown), not only @origin's
 * @origin: enum mcast_router_origin, unless @all
 *
 * Return: the number of entries deleted.
 */
unsigned int mcr_mfc_flush(struct mcr_mfc *mfc, u16 family, bool all,
			   u8 origin)
{
	struct mcr_mfe *mfe;
	unsigned long index;
	unsigned int n = 0;

	spin_lock_bh(&mfc->lock);
	xa_for_each(&mfc->ids, index, mfe) {
		if (family && mfe->group->key.family != family)
			continue;
		if (!all && mfe->origin != origin)
			continue;
		mfe_delete(mfc, mfe);
		n++;
	}
	spin_unlock_bh(&mfc->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_flush);

/* Take @iface out of @mfe's oifs; GFP_ATOMIC as we are under the lock. */
static void oifs_remove(struct mcr_mfc *mfc, struct mcr_mfe *mfe,
			const struct mcr_iface *iface)
{
	struct mcr_oifs *old, *new;
	unsigned int i, j;

	old = rcu_dereference_protected(mfe->oifs, lockdep_is_held(&mfc->lock));
	for (i = 0; i < old->n; i++)
		if (old->ifaces[i] == iface)
			break;
	if (i == old->n)
		return;

	new = mcr_mfc_oifs_alloc(old->n - 1, GFP_ATOMIC);
	if (!new) {
		/*
		 * Without memory the entry cannot stay pointing at an
		 * interface about to be freed: delete it instead.
		 */
		mfe_delete(mfc, mfe);
		return;
	}
	for (i = 0, j = 0; i < old->n; i++)
		if (old->ifaces[i] != iface)
			new->ifaces[j++] = old->ifaces[i];
	rcu_assign_pointer(mfe->oifs, new);
	call_rcu(&old->rcu, oifs_free_rcu);
	changed(mfc);
}

/**
 * mcr_mfc_iface_remove() - forget an interface that is going away
 * @mfc: the table
 * @iface: the interface; removed from every oif set
 * @ifindex: its ifindex; entries whose iif it is are deleted
 *
 * Call before @iface is destroyed.
 */
void mcr_mfc_iface_remove(struct mcr_mfc *mfc, const struct mcr_iface *iface,
			  int ifindex)
{
	struct mcr_mfe *mfe;
	unsigned long index;

	spin_lock_bh(&mfc->lock);
	xa_for_each(&mfc->ids, index, mfe) {
		if (mfe->iif == ifindex)
			mfe_delete(mfc, mfe);
		else
			oifs_remove(mfc, mfe, iface);
	}
	spin_unlock_bh(&mfc->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_iface_remove);

/**
 * mcr_mfc_lookup() - the entry for a datagram
 * @mfc: the table
 * @family: AF_INET or AF_INET6
 * @group: its destination
 * @source: its source
 * @iif: the ifindex it arrived on
 * @mfe: the matching entry (HIT), or one entry for the (S,G) or (*,G) on
 *	another iif (WRONG_IIF); NULL for NO_ENTRY
 *
 * An (S,G) entry for @iif is preferred over a (*,G) one. If only entries
 * on other interfaces exist for the source (or any source), the result is
 * WRONG_IIF and @mfe is the (S,G) one if there is one.
 *
 * Context: rcu_read_lock().
 * Return: enum mcr_mfc_result.
 */
enum mcr_mfc_result mcr_mfc_lookup(struct mcr_mfc *mfc, u16 family,
				   const struct mcr_addr *group,
				   const struct mcr_addr *source, int iif,
				   struct mcr_mfe **mfe)
{
	struct mcr_mfe *e, *star = NULL, *sg_wrong = NULL, *star_wrong = NULL;
	struct mcr_mfc_group *grp;

	*mfe = NULL;
	grp = group_get(mfc, family, group);
	if (!grp)
		return MCR_MFC_NO_ENTRY;

	list_for_each_entry_rcu(e, &grp->entries, list) {
		if (e->any_source) {
			if (e->iif == iif)
				star = e;
			else
				star_wrong = e;
		} else if (mcr_addr_equal(family, &e->source, source)) {
			if (e->iif == iif) {
				*mfe = e;
				return MCR_MFC_HIT;
			}
			sg_wrong = e;
		}
	}
	if (star) {
		*mfe = star;
		return MCR_MFC_HIT;
	}
	*mfe = sg_wrong ?: star_wrong;
	return *mfe ? MCR_MFC_WRONG_IIF : MCR_MFC_NO_ENTRY;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_mfc_lookup);
