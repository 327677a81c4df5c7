// SPDX-License-Identifier: GPL-2.0
/*
 * One interface's membership table: find or create a group's state for a
 * report, apply the record, keep one timer per group at its next deadline,
 * delete a group when nothing is left of it. Locking: group_table.h.
 */

#include <linux/jhash.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "compat.h"
#include "group_table.h"
#include "sfilter.h"

static const struct rhashtable_params gtable_params = {
	.head_offset = offsetof(struct mcr_gnode, node),
	.key_offset = offsetof(struct mcr_gnode, key),
	.key_len = sizeof(struct mcr_group_key),
	.automatic_shrinking = true,
};

/**
 * mcr_gtable_init() - an empty table
 * @table: the table
 *
 * Return: 0 or -ENOMEM.
 */
int mcr_gtable_init(struct mcr_gtable *table)
{
	spin_lock_init(&table->lock);
	INIT_LIST_HEAD(&table->list);
	table->n_groups = 0;
	table->dying = false;
	return rhashtable_init(&table->groups, &gtable_params);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_init);

static void node_free_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct mcr_gnode, rcu));
}

static void addr_list_free(struct list_head *list)
{
	struct mcr_mhost *h, *tmp;

	list_for_each_entry_safe(h, tmp, list, list)
		kfree(h);
	INIT_LIST_HEAD(list);
}

/* Everything a node owns besides itself. */
static void node_release(struct mcr_gnode *gn)
{
	mcr_gfsm_destroy(&gn->m);
	addr_list_free(&gn->hosts);
	gn->n_hosts = 0;
	addr_list_free(&gn->static_srcs);
	gn->n_static = 0;
}

static struct mcr_mhost *addr_find(const struct list_head *list, u16 family,
				   const struct mcr_addr *addr)
{
	struct mcr_mhost *h;

	list_for_each_entry(h, list, list)
		if (mcr_addr_equal(family, &h->addr, addr))
			return h;
	return NULL;
}

/**
 * mcr_gtable_static_src() - whether a source is a static source of a group
 * @gn: the group, its table's lock held
 * @source: the source
 *
 * Return: true if GROUP_ADD added (@source, group).
 */
bool mcr_gtable_static_src(const struct mcr_gnode *gn,
			   const struct mcr_addr *source)
{
	lockdep_assert_held(&gn->table->lock);
	return addr_find(&gn->static_srcs, gn->m.family, source);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_static_src);

/**
 * mcr_gtable_wants() - whether traffic from a source goes to the interface
 * @gn: the group, its table's lock held
 * @source: the datagram's source
 *
 * Static membership (any source, or this source) or what the hosts asked
 * for (mcr_gfsm_wants()).
 *
 * Return: true if @source's traffic to the group is wanted.
 */
bool mcr_gtable_wants(const struct mcr_gnode *gn, const struct mcr_addr *source)
{
	lockdep_assert_held(&gn->table->lock);
	return gn->static_any || mcr_gtable_static_src(gn, source) ||
	       mcr_gfsm_wants(&gn->m, source);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_wants);

/**
 * mcr_gtable_sfilter() - what the interface wants of a group, as one filter
 * @gn: the group, its table's lock held
 * @f: receives the filter; its room (mcr_sfilter_init()) should hold
 *	twice the group's source limit
 *
 * The same sources as mcr_gtable_wants() accepts: static any-source
 * membership is EXCLUDE({}); in INCLUDE mode the sources whose timers run
 * and the static ones; in EXCLUDE mode the exclude list (stopped timers)
 * less the static sources.
 *
 * Return: 0, or -E2BIG if the sources did not fit (@f is then EXCLUDE({}),
 * every source).
 */
int mcr_gtable_sfilter(const struct mcr_gnode *gn, struct mcr_sfilter *f)
{
	const struct mcr_gfsm_src *src;
	const struct mcr_mhost *h;

	lockdep_assert_held(&gn->table->lock);
	f->family = gn->m.family;
	if (gn->static_any) {
		mcr_sfilter_reset(f, MCR_FILTER_EXCLUDE);
		return 0;
	}
	if (gn->m.filter == MCR_FILTER_EXCLUDE) {
		mcr_sfilter_reset(f, MCR_FILTER_EXCLUDE);
		list_for_each_entry(src, &gn->m.sources, list)
			if (!src->running &&
			    !mcr_gtable_static_src(gn, &src->addr) &&
			    mcr_sfilter_add(f, &src->addr))
				goto full;
		return 0;
	}
	mcr_sfilter_reset(f, MCR_FILTER_INCLUDE);
	list_for_each_entry(src, &gn->m.sources, list)
		if (src->running && mcr_sfilter_add(f, &src->addr))
			goto full;
	list_for_each_entry(h, &gn->static_srcs, list)
		if (mcr_sfilter_add(f, &h->addr))
			goto full;
	return 0;
full:
	mcr_sfilter_reset(f, MCR_FILTER_EXCLUDE);
	return -E2BIG;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_sfilter);

/**
 * mcr_gtable_for_each() - call a function for every group of the table
 * @table: the table
 * @fn: called with the table's lock held (BH disabled): it must not
 *	sleep; a non-zero return stops the walk. A dying table has none.
 * @arg: passed to @fn
 *
 * Return: 0, or what @fn returned to stop the walk.
 */
int mcr_gtable_for_each(struct mcr_gtable *table,
			int (*fn)(const struct mcr_gnode *gn, void *arg),
			void *arg)
{
	struct mcr_gnode *gn;
	int err = 0;

	spin_lock_bh(&table->lock);
	/* A dying table's nodes are being freed (mcr_gtable_uninit()). */
	if (!table->dying) {
		list_for_each_entry(gn, &table->list, list) {
			err = fn(gn, arg);
			if (err)
				break;
		}
	}
	spin_unlock_bh(&table->lock);
	return err;
}

/* Nothing left: no host state (INCLUDE({})) and no static membership. */
static bool group_empty(const struct mcr_gnode *gn)
{
	return gn->m.filter == MCR_FILTER_INCLUDE && !gn->m.n_sources &&
	       !gn->static_any && !gn->n_static;
}

/* What users and forwarding see of a group (see mcr_gfsm_sig()). */
static u32 node_sig(const struct mcr_gnode *gn)
{
	const struct mcr_mhost *h;
	u32 sig = mcr_gfsm_sig(&gn->m) ^ gn->static_any;

	list_for_each_entry(h, &gn->static_srcs, list)
		sig = jhash(&h->addr, sizeof(h->addr), sig);
	return sig;
}

/* Take @gn out of the table; freed after a grace period. */
static void group_del(struct mcr_gtable *table, struct mcr_gnode *gn)
{
	lockdep_assert_held(&table->lock);
	rhashtable_remove_fast(&table->groups, &gn->node, gtable_params);
	list_del(&gn->list);
	gn->unhashed = true;
	table->n_groups--;
	/* Not _sync: this may be the timer's own callback. */
	timer_delete(&gn->timer);
	node_release(gn);
	call_rcu(&gn->rcu, node_free_rcu);
}

/* Arm the timer at the earliest of the state's deadlines and the query. */
static void group_arm(struct mcr_gnode *gn)
{
	unsigned long when;
	bool any;

	lockdep_assert_held(&gn->table->lock);
	any = mcr_gfsm_next(&gn->m, &when);

	if (gn->query_armed && (!any || time_before(gn->query_at, when))) {
		when = gn->query_at;
		any = true;
	}
	if (any)
		mod_timer(&gn->timer, when);
	else
		timer_delete(&gn->timer);
}

/* Whether the state asks for specific queries (group_fsm.c "Send Q(..)"). */
static bool queries_pending(const struct mcr_gfsm *m)
{
	const struct mcr_gfsm_src *src;

	if (m->query_left)
		return true;
	list_for_each_entry(src, &m->sources, list)
		if (src->query_left)
			return true;
	return false;
}

/* A record or a tick asked for queries: the first goes out at once. */
static void queries_start(struct mcr_gnode *gn, unsigned long now)
{
	if (!gn->query_armed && queries_pending(&gn->m)) {
		gn->query_armed = true;
		gn->query_at = now;
	}
}

/*
 * Send the queries due and apply the expiries due at @now; delete the
 * group if nothing is left. Return: the event (enum
 * mcast_router_group_event) or 0 if nothing visible changed.
 */
static u8 group_tick(struct mcr_gtable *table, struct mcr_gnode *gn,
		     unsigned long now, struct sk_buff_head *out)
{
	u32 sig = node_sig(gn);
	unsigned long next = 0;

	lockdep_assert_held(&table->lock);
	if (gn->query_armed && !time_before(now, gn->query_at)) {
		if (table->ops && table->ops->queries)
			next = table->ops->queries(table, gn, now, out);
		gn->query_armed = next != 0;
		gn->query_at = now + next;
	}
	mcr_gfsm_expire(&gn->m, now);
	if (group_empty(gn)) {
		group_del(table, gn);
		return MCAST_ROUTER_GROUP_EVENT_LEAVE;
	}
	group_arm(gn);
	return sig != node_sig(gn) ? MCAST_ROUTER_GROUP_EVENT_CHANGE : 0;
}

static void send_all(struct sk_buff_head *out)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(out)))
		dev_queue_xmit(skb);
}

static void notify(struct mcr_gtable *table, const struct mcr_group_key *key,
		   u8 event)
{
	if (event && table->ops && table->ops->changed)
		table->ops->changed(table, key->family, &key->group, event);
}

static void group_timer(struct timer_list *t)
{
	struct mcr_gnode *gn = from_timer(gn, t, timer);
	struct mcr_gtable *table = gn->table;
	struct mcr_group_key key = gn->key;
	struct sk_buff_head out;
	u8 event = 0;

	__skb_queue_head_init(&out);
	spin_lock(&table->lock);
	if (!gn->unhashed && !table->dying)
		event = group_tick(table, gn, jiffies, &out);
	spin_unlock(&table->lock);
	send_all(&out);
	notify(table, &key, event);
}

/**
 * mcr_gtable_lookup() - a group of the table
 * @table: the table, lock held
 * @family: AF_INET or AF_INET6
 * @group: the group
 *
 * Return: the node, or NULL (also once the table is dying).
 */
struct mcr_gnode *mcr_gtable_lookup(struct mcr_gtable *table, u16 family,
				    const struct mcr_addr *group)
{
	struct mcr_group_key key;

	lockdep_assert_held(&table->lock);
	if (table->dying)
		return NULL;
	mcr_group_key_init(&key, family, group);
	return rhashtable_lookup_fast(&table->groups, &key, gtable_params);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_lookup);

static struct mcr_gnode *group_new(struct mcr_gtable *table,
				   unsigned int max_groups, u16 family,
				   const struct mcr_addr *group)
{
	struct mcr_gnode *gn;

	lockdep_assert_held(&table->lock);
	if (max_groups && table->n_groups >= max_groups)
		return ERR_PTR(-ENOSPC);
	gn = kzalloc(sizeof(*gn), GFP_ATOMIC);
	if (!gn)
		return ERR_PTR(-ENOMEM);
	mcr_group_key_init(&gn->key, family, group);
	mcr_gfsm_init(&gn->m, family, group);
	timer_setup(&gn->timer, group_timer, 0);
	gn->table = table;
	gn->created = get_jiffies_64();
	INIT_LIST_HEAD(&gn->hosts);
	INIT_LIST_HEAD(&gn->static_srcs);
	if (rhashtable_insert_fast(&table->groups, &gn->node, gtable_params)) {
		kfree(gn);
		return ERR_PTR(-ENOMEM);
	}
	list_add_tail(&gn->list, &table->list);
	table->n_groups++;
	return gn;
}

/* Forget the hosts whose interest lapsed. */
static void hosts_expire(struct mcr_gnode *gn, unsigned long now)
{
	struct mcr_mhost *h, *tmp;

	list_for_each_entry_safe(h, tmp, &gn->hosts, list) {
		if (time_before(now, h->expires))
			continue;
		list_del(&h->list);
		kfree(h);
		gn->n_hosts--;
	}
}

/* Whether a record says its host wants nothing of the group any more. */
static bool is_leave(const struct mcr_record *r)
{
	return r->leave ||
	       ((r->type == MCR_REC_TO_IN || r->type == MCR_REC_IS_IN) &&
		!r->n);
}

/* Whether a record says its host wants (some of) the group. */
static bool is_interest(const struct mcr_record *r)
{
	return r->type == MCR_REC_IS_EX || r->type == MCR_REC_TO_EX ||
	       (r->type != MCR_REC_BLOCK && r->n);
}

/*
 * Explicit host tracking: who wants the group. A report of interest
 * (re)starts its host's entry for a GMI; a leave removes it. With
 * fast-leave, a leave from the last tracked host deletes the group at
 * once, and a leave while other hosts still want it changes nothing (no
 * query, no lowered timer): one viewer switching off does not cut the
 * others. If the list overflowed it may be incomplete, and the RFC
 * procedure runs (queries ask who is left). Return: true if the record
 * was handled here.
 */
static bool hosts_record(struct mcr_gtable *table, struct mcr_gnode *gn,
			 const struct mcr_gfsm_params *p, unsigned long now,
			 struct mcr_record *r)
{
	struct mcr_mhost *h;

	lockdep_assert_held(&table->lock);
	hosts_expire(gn, now);
	h = addr_find(&gn->hosts, gn->m.family, &r->reporter);
	if (is_leave(r)) {
		if (h) {
			list_del(&h->list);
			kfree(h);
			gn->n_hosts--;
		}
		if (!p->fast_leave || gn->hosts_overflow)
			return false;
		r->fast_left = true;
		if (gn->n_hosts)
			return true;
		/* The hosts' state goes; static membership stays. */
		mcr_gfsm_destroy(&gn->m);
		mcr_gfsm_init(&gn->m, gn->key.family, &gn->key.group);
		if (group_empty(gn))
			group_del(table, gn);
		else
			group_arm(gn);
		return true;
	}
	if (!is_interest(r))
		return false;
	if (!h) {
		if (gn->n_hosts >= MCR_GTABLE_MAX_HOSTS) {
			gn->hosts_overflow = true;
			return false;
		}
		h = kzalloc(sizeof(*h), GFP_ATOMIC);
		if (!h) {
			gn->hosts_overflow = true;
			return false;
		}
		h->addr = r->reporter;
		list_add_tail(&h->list, &gn->hosts);
		gn->n_hosts++;
	}
	h->expires = now + p->gmi;
	return false;
}

/*
 * The group's node, created if @create (an event "join"); otherwise the
 * digest of what it showed before the change, for the "change" event.
 * Return: the node, NULL if absent and not created, or an ERR_PTR.
 */
static struct mcr_gnode *group_get(struct mcr_gtable *table,
				   unsigned int max_groups, u16 family,
				   const struct mcr_addr *group, bool create,
				   u8 *event, u32 *sig)
{
	struct mcr_gnode *gn = mcr_gtable_lookup(table, family, group);

	if (gn) {
		*sig = node_sig(gn);
		return gn;
	}
	if (!create)
		return NULL;
	gn = group_new(table, max_groups, family, group);
	if (!IS_ERR(gn))
		*event = MCAST_ROUTER_GROUP_EVENT_JOIN;
	return gn;
}

/* A record that changes nothing on an absent group (INCLUDE({})). */
static bool noop_on_absent(const struct mcr_record *r)
{
	switch (r->type) {
	case MCR_REC_IS_IN:
	case MCR_REC_ALLOW:
	case MCR_REC_TO_IN:
		return !r->n;
	case MCR_REC_BLOCK:
		return true;
	default:
		return false;
	}
}

/**
 * mcr_gtable_record() - apply one group record of a report
 * @table: the table
 * @p: the interface's parameters
 * @max_groups: the interface's group limit, 0 for none
 * @now: jiffies
 * @r: the record; @r->ignored is set if the group's compatibility mode
 *	ignores it (RFC 3376 7.3.2)
 *
 * A group is created for the record if needed (within @max_groups), the
 * compatibility mode applied, the record applied (group_fsm.c), the group
 * deleted if nothing is left, the first specific query sent and the
 * group's timer re-armed. The owner's changed() callback runs afterwards,
 * without the lock.
 *
 * Context: any; takes the lock with BH disabled.
 * Return: the number of sources refused by the source limit (>= 0),
 * -ENOSPC if a new group would exceed @max_groups, -ENOMEM, or -EINVAL for
 * an unknown record type.
 */
int mcr_gtable_record(struct mcr_gtable *table, const struct mcr_gfsm_params *p,
		      unsigned int max_groups, unsigned long now,
		      struct mcr_record *r)
{
	struct mcr_group_key key;
	struct mcr_gnode *gn;
	struct sk_buff_head out;
	unsigned int n = r->n;
	u8 event = 0;
	int ret = 0;
	u32 sig = 0;

	r->ignored = false;
	r->fast_left = false;
	if (r->type < MCR_REC_IS_IN || r->type > MCR_REC_BLOCK)
		return -EINVAL;
	mcr_group_key_init(&key, r->family, &r->group);
	__skb_queue_head_init(&out);
	spin_lock_bh(&table->lock);
	if (table->dying)
		goto out;
	gn = group_get(table, max_groups, r->family, &r->group,
		       !noop_on_absent(r), &event, &sig);
	if (IS_ERR_OR_NULL(gn)) {
		ret = PTR_ERR(gn);
		goto out;
	}
	gn->reporter = r->reporter;
	mcr_gfsm_old_host(&gn->m, p, now, r->level);
	if (!mcr_gfsm_compat_filter(&gn->m, now, r->leave, r->type, &n)) {
		r->ignored = true;
		goto out;
	}
	if (hosts_record(table, gn, p, now, r)) {
		if (gn->unhashed)
			event = MCAST_ROUTER_GROUP_EVENT_LEAVE;
		else if (sig != node_sig(gn))
			event = MCAST_ROUTER_GROUP_EVENT_CHANGE;
		goto out;
	}
	ret = mcr_gfsm_record(&gn->m, p, now, r->type, r->srcs, n);
	if (group_empty(gn)) {
		/* A group created and deleted by one record was never seen. */
		event = event ? 0 : MCAST_ROUTER_GROUP_EVENT_LEAVE;
		group_del(table, gn);
		goto out;
	}
	queries_start(gn, now);
	if (gn->query_armed && !time_after(gn->query_at, now) &&
	    group_tick(table, gn, now, &out) == MCAST_ROUTER_GROUP_EVENT_LEAVE)
		event = event ? 0 : MCAST_ROUTER_GROUP_EVENT_LEAVE;
	else if (!gn->unhashed)
		group_arm(gn);
	if (!event && !gn->unhashed && sig != node_sig(gn))
		event = MCAST_ROUTER_GROUP_EVENT_CHANGE;
out:
	spin_unlock_bh(&table->lock);
	send_all(&out);
	notify(table, &key, event);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_record);

/**
 * mcr_gtable_lower() - a non-querier heard a specific query for a group
 * @table: the table
 * @p: the interface's parameters
 * @now: jiffies
 * @family: AF_INET or AF_INET6
 * @group: the query's group
 * @srcs: the query's sources (none: group-specific)
 * @n: entries of @srcs
 *
 * RFC 3376 6.6.1 / mcr_gfsm_lower().
 */
void mcr_gtable_lower(struct mcr_gtable *table, const struct mcr_gfsm_params *p,
		      unsigned long now, u16 family, const struct mcr_addr *group,
		      const struct mcr_addr *srcs, unsigned int n)
{
	struct mcr_gnode *gn;

	spin_lock_bh(&table->lock);
	gn = table->dying ? NULL : mcr_gtable_lookup(table, family, group);
	if (gn) {
		mcr_gfsm_lower(&gn->m, p, now, srcs, n);
		group_arm(gn);
	}
	spin_unlock_bh(&table->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_lower);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * mcr_gtable_expire() - apply the expiries of one group due at @now
 * @table: the table
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @now: jiffies
 *
 * What the group's timer does, callable with any @now (KUnit).
 */
void mcr_gtable_expire(struct mcr_gtable *table, u16 family,
		       const struct mcr_addr *group, unsigned long now)
{
	struct mcr_group_key key;
	struct mcr_gnode *gn;
	struct sk_buff_head out;
	u8 event = 0;

	mcr_group_key_init(&key, family, group);
	__skb_queue_head_init(&out);
	spin_lock_bh(&table->lock);
	gn = table->dying ? NULL : mcr_gtable_lookup(table, family, group);
	if (gn)
		event = group_tick(table, gn, now, &out);
	spin_unlock_bh(&table->lock);
	send_all(&out);
	notify(table, &key, event);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_expire);
#endif

/**
 * mcr_gtable_static() - add or remove a static membership
 * @table: the table
 * @max_groups: the interface's group limit, 0 for none
 * @max_sources: the interface's source limit (static sources count apart
 *	from the hosts')
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @source: the source of a static (S,G) membership, NULL for any source
 * @add: add (true) or remove
 *
 * The group is created for it if needed and deleted when nothing is left;
 * the owner's changed() callback follows, as for a report.
 *
 * Context: process context.
 * Return: 0, -EEXIST (already there), -ENOENT (not there), -ENOSPC (a
 * limit) or -ENOMEM.
 */
int mcr_gtable_static(struct mcr_gtable *table, unsigned int max_groups,
		      unsigned int max_sources, u16 family,
		      const struct mcr_addr *group, const struct mcr_addr *source,
		      bool add)
{
	struct mcr_mhost *h = NULL;
	struct mcr_group_key key;
	struct mcr_gnode *gn;
	u8 event = 0;
	int ret = 0;
	u32 sig = 0;

	if (add && source) {
		h = kzalloc(sizeof(*h), GFP_KERNEL);
		if (!h)
			return -ENOMEM;
		h->addr = *source;
	}
	mcr_group_key_init(&key, family, group);
	spin_lock_bh(&table->lock);
	gn = group_get(table, max_groups, family, group, add, &event, &sig);
	if (IS_ERR_OR_NULL(gn)) {
		ret = gn ? PTR_ERR(gn) : -ENOENT;
		goto out;
	}
	if (add && !source) {
		ret = gn->static_any ? -EEXIST : 0;
		gn->static_any = true;
	} else if (add) {
		if (addr_find(&gn->static_srcs, family, source)) {
			ret = -EEXIST;
		} else if (gn->n_static >= max_sources) {
			ret = -ENOSPC;
		} else {
			list_add_tail(&h->list, &gn->static_srcs);
			gn->n_static++;
			h = NULL;
		}
	} else if (!source) {
		ret = gn->static_any ? 0 : -ENOENT;
		gn->static_any = false;
	} else {
		h = addr_find(&gn->static_srcs, family, source);
		if (h) {
			list_del(&h->list);
			gn->n_static--;
		} else {
			ret = -ENOENT;
		}
	}
	if (group_empty(gn)) {
		/* A group created and deleted at once was never seen. */
		event = event ? 0 : MCAST_ROUTER_GROUP_EVENT_LEAVE;
		group_del(table, gn);
	} else if (!event && sig != node_sig(gn)) {
		event = MCAST_ROUTER_GROUP_EVENT_CHANGE;
	}
out:
	spin_unlock_bh(&table->lock);
	kfree(h);
	notify(table, &key, event);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_static);

/**
 * mcr_gtable_flush() - delete every group (the interface left router mode)
 * @table: the table
 *
 * No changed() callbacks: the caller recomputes forwarding as a whole.
 */
void mcr_gtable_flush(struct mcr_gtable *table)
{
	struct mcr_gnode *gn, *tmp;

	spin_lock_bh(&table->lock);
	list_for_each_entry_safe(gn, tmp, &table->list, list)
		group_del(table, gn);
	spin_unlock_bh(&table->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_flush);

static void node_destroy(void *ptr, void *arg)
{
	struct mcr_gnode *gn = ptr;

	timer_shutdown_sync(&gn->timer);
	node_release(gn);
	kfree(gn);
}

/**
 * mcr_gtable_uninit() - free the table and every group in it
 * @table: the table
 *
 * Context: process context. Readers that still find the interface (RCU)
 * may call in concurrently: once the table is marked dying under the lock,
 * records, lookups and timers leave it
 * alone. Nodes deleted earlier are freed by RCU callbacks; module exit
 * waits for those with rcu_barrier().
 */
void mcr_gtable_uninit(struct mcr_gtable *table)
{
	/* From now on a firing timer leaves the table alone. */
	spin_lock_bh(&table->lock);
	table->dying = true;
	spin_unlock_bh(&table->lock);
	rhashtable_free_and_destroy(&table->groups, node_destroy, NULL);
	/* The nodes are gone; nothing walks the list of a dying table. */
	INIT_LIST_HEAD(&table->list);
	table->n_groups = 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gtable_uninit);
