// SPDX-License-Identifier: GPL-2.0
/*
 * The querier of one interface and family, RFC 3376 6.6 / RFC 3810 7.6:
 * the election, the other querier present timer, the startup and general
 * queries, the group- and group-and-source-specific queries the
 * membership table asks for, and what a non-querier does with the queries
 * it hears. Locking: querier.h.
 */

#include <linux/bits.h>
#include <linux/igmp.h>
#include <linux/inetdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <net/addrconf.h>
#include <net/ipv6.h>

#include "compat.h"
#include "iface_types.h"
#include "netns.h"
#include "querier.h"
#include "query.h"
#include "timers.h"

/* Sources per group-and-source-specific query message built at once. */
#define QUERY_BATCH	32

/* @q changed state; rcu_read_lock() held, the table's lock not. */
static void announce(struct mcr_iface *iface, struct mcr_querier *q)
{
	struct mcr_net *mn = mcr_netns_get(dev_net(iface->dev));

	mn->events->querier_changed(iface, q);
}

/**
 * mcr_querier_params() - what the state machine needs of a configuration
 * @cfg: the interface's configuration
 * @q: the family's querier state: while another router is the querier,
 *	the timers follow the robustness and query interval its queries
 *	carry (mcr_timers_heard())
 * @p: filled in
 *
 * Context: any; @q's fields are read once each, without its lock.
 */
void mcr_querier_params(const struct mcr_iface_cfg *cfg,
			const struct mcr_querier *q, struct mcr_gfsm_params *p)
{
	bool querier = READ_ONCE(q->self);
	struct mcr_timers t;

	if (querier)
		mcr_timers_get(cfg, &t);
	else
		mcr_timers_heard(cfg, READ_ONCE(q->heard_qrv),
				 READ_ONCE(q->heard_qqi), &t);
	p->gmi = msecs_to_jiffies(t.gmi);
	p->ohpi = msecs_to_jiffies(t.ohpi);
	p->lmqt = msecs_to_jiffies(t.lmqt);
	p->lmqc = t.lmqc;
	p->max_sources = cfg->max_sources;
	p->querier = querier;
	p->fast_leave = cfg->fast_leave;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_querier_params);

/* This router's address on the link: IPv4 primary, IPv6 link-local. */
static bool own_addr(struct mcr_iface *iface, u16 family, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (family == AF_INET) {
		a->ip4 = inet_select_addr(iface->dev, 0, RT_SCOPE_LINK);
		return a->ip4 != 0;
	}
#if IS_ENABLED(CONFIG_IPV6)
	{
		static const struct in6_addr all = IN6ADDR_LINKLOCAL_ALLNODES_INIT;

		if (ipv6_dev_get_saddr(dev_net(iface->dev), iface->dev, &all, 0,
				       &a->ip6))
			return false;
		return ipv6_addr_type(&a->ip6) & IPV6_ADDR_LINKLOCAL;
	}
#else
	return false;
#endif
}

/**
 * mcr_querier_addr_cmp() - compare two addresses numerically (the querier
 *	election, RFC 3376 6.6.2 and RFC 3810 7.6.2: the lowest wins)
 * @family: AF_INET or AF_INET6
 * @a: one address
 * @b: the other
 *
 * Return: negative, 0 or positive as @a is below, equal to or above @b.
 */
int mcr_querier_addr_cmp(u16 family, const struct mcr_addr *a,
			 const struct mcr_addr *b)
{
	u32 x, y;

	if (family == AF_INET6)
		return memcmp(&a->ip6, &b->ip6, sizeof(a->ip6));
	x = ntohl(a->ip4);
	y = ntohl(b->ip4);
	return x < y ? -1 : x > y;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_querier_addr_cmp);

static u8 query_version(const struct mcr_iface_cfg *cfg, u16 family)
{
	return family == AF_INET ? cfg->igmp_version : cfg->mld_version;
}

/* The fields every query of this interface shares. */
static void query_base(const struct mcr_iface_cfg *cfg, u16 family,
		       const struct mcr_addr *src, struct mcr_query *qry)
{
	memset(qry, 0, sizeof(*qry));
	qry->family = family;
	qry->version = query_version(cfg, family);
	qry->src = *src;
	qry->qrv = cfg->robustness;
	qry->qqi_s = cfg->query_interval / 1000;
}

static void queue_query(struct mcr_iface *iface, const struct mcr_query *qry,
			struct sk_buff_head *out)
{
	struct sk_buff *skb = mcr_query_build(iface->dev, qry, GFP_ATOMIC);

	if (IS_ERR(skb))
		return;
	__skb_queue_tail(out, skb);
	mcr_stats_add(iface->memb.q[mcr_fam_idx(qry->family)].stats,
		      MCAST_ROUTER_A_QUERIER_STATS_QUERIES_TX, 1);
}

static void send_queue(struct sk_buff_head *out)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(out)))
		dev_queue_xmit(skb);
}

/* Queue the group-and-source-specific queries with one S flag value. */
static void source_queries(struct mcr_iface *iface, struct mcr_gfsm *m,
			   struct mcr_query *qry, bool s_flag,
			   unsigned long now, unsigned long lmqt, bool send,
			   struct sk_buff_head *out)
{
	struct mcr_addr batch[QUERY_BATCH];
	struct mcr_gfsm_src *src;
	unsigned int n = 0;

	qry->s_flag = s_flag;
	qry->sources = batch;
	list_for_each_entry(src, &m->sources, list) {
		if (!src->query_left ||
		    s_flag != (src->running &&
			       time_after(src->expires, now + lmqt)))
			continue;
		src->query_left--;
		if (!send)
			continue;
		batch[n++] = src->addr;
		if (n == QUERY_BATCH) {
			qry->n_sources = n;
			queue_query(iface, qry, out);
			n = 0;
		}
	}
	if (n) {
		qry->n_sources = n;
		queue_query(iface, qry, out);
	}
	qry->sources = NULL;
	qry->n_sources = 0;
}

/**
 * mcr_querier_group_queries() - the membership table's queries(): one
 *	round of the specific queries RFC 3376 6.6.3 asks for ("Send Q(G)",
 *	"Send Q(G,A)"), as the querier
 * @table: the interface's table, lock held
 * @gn: the group; its retransmission counts are decremented
 * @now: jiffies
 * @out: receives the queries, sent once the lock is dropped
 *
 * IGMPv1 has no specific queries, IGMPv2 and MLDv1 no source lists: the
 * rounds still count down, so the lowered timers run out as RFC 3376
 * 7.3.2 expects. A non-querier only counts down.
 *
 * Context: softirq or process context, BH disabled.
 * Return: jiffies until the next round, 0 if none is left.
 */
unsigned long mcr_querier_group_queries(struct mcr_gtable *table,
					struct mcr_gnode *gn,
					unsigned long now,
					struct sk_buff_head *out)
{
	struct mcr_iface *iface = container_of(table, struct mcr_iface,
					       memb.table);
	struct mcr_gfsm *m = &gn->m;
	const struct mcr_iface_cfg *cfg;
	struct mcr_gfsm_params p;
	struct mcr_gfsm_src *s;
	struct mcr_query qry = {};
	unsigned long next = 0;
	struct mcr_addr src;
	bool send, more;
	u8 version;

	lockdep_assert_held(&table->lock);
	rcu_read_lock();
	cfg = rcu_dereference(iface->cfg);
	mcr_querier_params(cfg, &iface->memb.q[mcr_fam_idx(m->family)], &p);
	version = query_version(cfg, m->family);
	send = iface->memb.q[mcr_fam_idx(m->family)].self &&
	       own_addr(iface, m->family, &src);
	if (send) {
		query_base(cfg, m->family, &src, &qry);
		qry.group = &m->group;
		qry.max_resp_ms = cfg->last_member_query_interval;
	}
	if (m->query_left) {
		m->query_left--;
		if (send && (m->family == AF_INET6 || version >= 2)) {
			qry.s_flag = m->running &&
				     time_after(m->expires, now + p.lmqt);
			queue_query(iface, &qry, out);
		}
	}
	send = send && version == (m->family == AF_INET ? 3 : 2);
	source_queries(iface, m, &qry, true, now, p.lmqt, send, out);
	source_queries(iface, m, &qry, false, now, p.lmqt, send, out);

	more = m->query_left;
	list_for_each_entry(s, &m->sources, list)
		more |= s->query_left;
	if (more)
		next = msecs_to_jiffies(cfg->last_member_query_interval);
	rcu_read_unlock();
	return next;
}

/* Arm the querier's timer at its earliest deadline. Lock held. */
static void querier_arm(struct mcr_querier *q)
{
	unsigned long when = 0;
	bool any = false;

	lockdep_assert_held(&q->iface->memb.table.lock);
	if (q->self && q->query_running) {
		when = q->next_query;
		any = true;
	}
	if (q->other_running && (!any || time_before(q->other_expires, when))) {
		when = q->other_expires;
		any = true;
	}
	if (any)
		mod_timer(&q->timer, when);
	else
		timer_delete(&q->timer);
}

/*
 * After a change of the intervals: the pending general query comes no
 * later than one new gap from now. Lock held.
 */
static void querier_pull_in(struct mcr_querier *q, const struct mcr_timers *t,
			    unsigned long now)
{
	unsigned long latest;

	lockdep_assert_held(&q->iface->memb.table.lock);
	latest = now + msecs_to_jiffies(mcr_timers_gap(t, q->startup_left));
	if (q->self && q->query_running && time_after(q->next_query, latest))
		q->next_query = latest;
}

/* Become the querier: the first general query goes out at once. Lock held. */
static void querier_take_over(struct mcr_querier *q, unsigned long now)
{
	lockdep_assert_held(&q->iface->memb.table.lock);
	q->known = own_addr(q->iface, q->family, &q->addr);
	WRITE_ONCE(q->heard_qrv, 0);
	WRITE_ONCE(q->heard_qqi, 0);
	WRITE_ONCE(q->self, true);
	q->other_running = false;
	q->query_running = true;
	q->next_query = now;
}

static void querier_timer(struct timer_list *timer)
{
	struct mcr_querier *q = from_timer(q, timer, timer);
	struct mcr_iface *iface = q->iface;
	struct mcr_gtable *table = &iface->memb.table;
	const struct mcr_iface_cfg *cfg;
	unsigned long now = jiffies;
	struct sk_buff_head out;
	struct mcr_query qry;
	struct mcr_timers t;
	struct mcr_addr src;
	bool ntf = false;
	u32 gap;

	__skb_queue_head_init(&out);
	rcu_read_lock();
	cfg = rcu_dereference(iface->cfg);
	spin_lock(&table->lock);
	if (!q->active)
		goto unlock;
	if (q->other_running && !time_before(now, q->other_expires)) {
		q->other_running = false;
		q->known = false;
		if (cfg->querier)
			querier_take_over(q, now);
		ntf = true;
	}
	if (q->self && q->query_running && !time_before(now, q->next_query)) {
		if (own_addr(iface, q->family, &src)) {
			query_base(cfg, q->family, &src, &qry);
			qry.max_resp_ms = cfg->query_response_interval;
			queue_query(iface, &qry, &out);
			q->addr = src;
			q->known = true;
		}
		mcr_timers_get(cfg, &t);
		gap = mcr_timers_query_sent(&t, &q->startup_left);
		q->next_query = now + msecs_to_jiffies(gap);
	}
	querier_arm(q);
unlock:
	spin_unlock(&table->lock);
	if (ntf)
		announce(iface, q);
	rcu_read_unlock();
	send_queue(&out);
}

/**
 * mcr_querier_heard() - a valid query was heard on the interface
 * @iface: the interface
 * @family: AF_INET or AF_INET6
 * @querier: the query's IP source
 * @qrv: its QRV field (IGMPv3, MLDv2), 0 if it has none
 * @qqic: its QQIC field (IGMPv3, MLDv2; RFC 3376 4.1.7 and RFC 3810 5.1.9
 *	encode it alike), 0 if it has none
 *
 * The election (RFC 3376 6.6.2): a query from a lower address makes this
 * router a non-querier until the other querier present timer (the other
 * querier present interval, struct mcr_timers) expires. While it is not
 * the querier it adopts the querier's robustness and query interval
 * (4.1.6, 4.1.7).
 *
 * Context: softirq, rcu_read_lock().
 * Return: true if this router is the querier (after the election).
 */
bool mcr_querier_heard(struct mcr_iface *iface, u16 family,
		       const struct mcr_addr *querier, u8 qrv, u8 qqic)
{
	struct mcr_querier *q = &iface->memb.q[mcr_fam_idx(family)];
	const struct mcr_iface_cfg *cfg = rcu_dereference(iface->cfg);
	struct mcr_gtable *table = &iface->memb.table;
	unsigned long now = jiffies;
	struct mcr_timers t;
	struct mcr_addr own;
	bool lower, self;
	bool ntf = false;

	mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_QUERIES_RX, 1);
	mcr_timers_heard(cfg, qrv, IGMPV3_QQIC(qqic) * MSEC_PER_SEC, &t);
	lower = !own_addr(iface, family, &own) ||
		mcr_querier_addr_cmp(family, querier, &own) < 0;
	spin_lock(&table->lock);
	/*
	 * A querier that is not this router tracks the lowest querier it
	 * hears (with "querier off" it may hear any).
	 */
	if (!lower && !q->self)
		lower = !q->known ||
			mcr_querier_addr_cmp(family, querier, &q->addr) <= 0;
	if (q->active && lower) {
		ntf = q->self || !q->known ||
		      !mcr_addr_equal(family, &q->addr, querier);
		WRITE_ONCE(q->self, false);
		q->query_running = false;
		q->known = true;
		q->addr = *querier;
		WRITE_ONCE(q->heard_qrv, qrv);
		WRITE_ONCE(q->heard_qqi, IGMPV3_QQIC(qqic) * MSEC_PER_SEC);
		q->other_running = true;
		q->other_expires = now + msecs_to_jiffies(t.oqpi);
		querier_arm(q);
	}
	self = q->self;
	spin_unlock(&table->lock);
	if (ntf)
		announce(iface, q);
	return self;
}

/*
 * Lower the timers of a specific query's group or sources (a non-querier,
 * S flag clear: RFC 3376 6.6.1), the sources in batches.
 */
static void lower_timers(struct mcr_iface *iface, const struct sk_buff *skb,
			 u16 family, const struct mcr_addr *group,
			 unsigned int off, unsigned int nsrcs)
{
	const struct mcr_iface_cfg *cfg = rcu_dereference(iface->cfg);
	unsigned int alen = mcr_addr_len(family);
	struct mcr_addr batch[QUERY_BATCH];
	unsigned long now = jiffies;
	struct mcr_gfsm_params p;
	unsigned int i, n = 0;

	mcr_querier_params(cfg, &iface->memb.q[mcr_fam_idx(family)], &p);
	if (!nsrcs) {
		mcr_gtable_lower(&iface->memb.table, &p, now, family, group,
				 NULL, 0);
		return;
	}
	for (i = 0; i < nsrcs; i++) {
		if (!mcr_addr_read(skb, off + i * alen, alen, &batch[n]))
			return;
		if (++n == QUERY_BATCH || i == nsrcs - 1) {
			mcr_gtable_lower(&iface->memb.table, &p, now, family,
					 group, batch, n);
			n = 0;
		}
	}
}

/**
 * mcr_querier_heard_specific() - what a non-querier does with a specific
 *	query it heard
 * @iface: the interface
 * @skb: the query
 * @q: where the query's group and sources are
 *
 * Context: softirq, rcu_read_lock().
 */
void mcr_querier_heard_specific(struct mcr_iface *iface,
				const struct sk_buff *skb,
				const struct mcr_querier_pquery *q)
{
	if (!q->s_flag)
		lower_timers(iface, skb, q->family, &q->group, q->src_off,
			     q->nsrcs);
}

/**
 * mcr_querier_init() - set up a stopped querier
 * @q: the querier, zeroed
 * @iface: its interface
 * @family: AF_INET or AF_INET6
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int mcr_querier_init(struct mcr_querier *q, struct mcr_iface *iface,
		     u16 family)
{
	q->iface = iface;
	q->family = family;
	timer_setup(&q->timer, querier_timer, 0);
	q->stats = mcr_stats_alloc(MCAST_ROUTER_A_QUERIER_STATS_PAD,
				   GFP_KERNEL);
	return q->stats ? 0 : -ENOMEM;
}

/**
 * mcr_querier_stop() - stop an interface's queriers for good
 * @iface: the interface, unpublished
 *
 * Context: process context.
 */
void mcr_querier_stop(struct mcr_iface *iface)
{
	unsigned int i;

	spin_lock_bh(&iface->memb.table.lock);
	for (i = 0; i < MCR_NFAMILIES; i++)
		iface->memb.q[i].active = false;
	spin_unlock_bh(&iface->memb.table.lock);
	for (i = 0; i < MCR_NFAMILIES; i++)
		timer_shutdown_sync(&iface->memb.q[i].timer);
}

/**
 * mcr_querier_free() - free what readers may still use
 * @q: the querier, after a grace period
 */
void mcr_querier_free(struct mcr_querier *q)
{
	free_percpu(q->stats);
	q->stats = NULL;
}

/**
 * mcr_querier_off() - the interface left router mode: forget the queriers
 * @iface: the interface
 *
 * Context: RTNL held.
 */
void mcr_querier_off(struct mcr_iface *iface)
{
	struct mcr_gtable *table = &iface->memb.table;
	unsigned int i;

	ASSERT_RTNL();
	spin_lock_bh(&table->lock);
	for (i = 0; i < MCR_NFAMILIES; i++) {
		struct mcr_querier *q = &iface->memb.q[i];

		q->active = false;
		WRITE_ONCE(q->self, false);
		q->known = false;
		q->other_running = false;
		WRITE_ONCE(q->heard_qrv, 0);
		WRITE_ONCE(q->heard_qqi, 0);
	}
	spin_unlock_bh(&table->lock);
	for (i = 0; i < MCR_NFAMILIES; i++)
		timer_delete_sync(&iface->memb.q[i].timer);
}

/**
 * mcr_querier_config() - follow a configuration of router mode
 * @iface: the interface, its new configuration published
 * @start: the interface just entered router mode
 *
 * Entering router mode starts the queriers (startup queries unless
 * "querier off"). In router mode a "querier off" takes effect at once,
 * and a shorter query or startup query interval brings the next general
 * query forward, so that no membership learnt under the new values
 * expires before it.
 *
 * Context: RTNL held.
 */
void mcr_querier_config(struct mcr_iface *iface, bool start)
{
	const struct mcr_iface_cfg *cfg;
	struct mcr_gtable *table = &iface->memb.table;
	unsigned long now = jiffies;
	unsigned int i, ntf = 0;
	struct mcr_timers t;

	ASSERT_RTNL();
	cfg = rtnl_dereference(iface->cfg);
	mcr_timers_get(cfg, &t);
	spin_lock_bh(&table->lock);
	for (i = 0; i < MCR_NFAMILIES; i++) {
		struct mcr_querier *q = &iface->memb.q[i];
		bool changed = true;

		if (start) {
			q->active = true;
			q->startup_left = t.sqc;
			if (cfg->querier)
				querier_take_over(q, now);
		} else if (!cfg->querier && q->self) {
			WRITE_ONCE(q->self, false);
			q->query_running = false;
			q->known = false;
		} else if (cfg->querier && !q->self && !q->other_running) {
			querier_take_over(q, now);
		} else {
			changed = false;
			querier_pull_in(q, &t, now);
		}
		querier_arm(q);
		if (changed)
			ntf |= BIT(i);
	}
	spin_unlock_bh(&table->lock);
	rcu_read_lock();
	for (i = 0; i < MCR_NFAMILIES; i++)
		if (ntf & BIT(i))
			announce(iface, &iface->memb.q[i]);
	rcu_read_unlock();
}
