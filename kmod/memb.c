// SPDX-License-Identifier: GPL-2.0
/*
 * The router side of IGMP and MLD on one interface, for both families:
 * records into the membership table, the querier and its election, the
 * specific queries the table asks for, and the outgoing interfaces of
 * membership entries. Locking: memb.h.
 */

#include <linux/bits.h>
#include <linux/igmp.h>
#include <linux/inetdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/addrconf.h>
#include <net/ipv6.h>
#include <net/mld.h>

#include "compat.h"
#include "forward.h"
#include "iface.h"
#include "memb.h"
#include "memb_netlink.h"
#include "netns.h"
#include "query.h"
#include "timers.h"

/* RFC 4607 section 1: 232.0.0.0/8, and ff3x::/32 (flags 3, any scope). */
#define SSM4_PREFIX	htonl(0xe8000000)
#define SSM4_MASK	htonl(0xff000000)
#define SSM6_PREFIX	htonl(0xff300000)
#define SSM6_MASK	htonl(0xfff0ffff)

/* Sources per group-and-source-specific query message built at once. */
#define MEMB_QUERY_BATCH	32

/**
 * mcr_memb_params() - what the state machine needs of a configuration
 * @cfg: the interface's configuration
 * @q: the family's querier state: while another router is the querier,
 *	the timers follow the robustness and query interval its queries
 *	carry (mcr_timers_heard())
 * @p: filled in
 *
 * Context: any; @q's fields are read once each, without its lock.
 */
void mcr_memb_params(const struct mcr_iface_cfg *cfg,
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
EXPORT_SYMBOL_IF_KUNIT(mcr_memb_params);

/**
 * mcr_memb_ssm() - whether a group is in the source-specific range
 * @family: AF_INET or AF_INET6
 * @group: the group
 *
 * RFC 4607: 232.0.0.0/8 and ff3x::/32.
 *
 * Return: true for an SSM group.
 */
bool mcr_memb_ssm(u16 family, const struct mcr_addr *group)
{
	if (family == AF_INET)
		return (group->ip4 & SSM4_MASK) == SSM4_PREFIX;
	return (group->ip6.s6_addr32[0] & SSM6_MASK) == SSM6_PREFIX;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_memb_ssm);

/**
 * mcr_memb_count() - count one IGMP/MLD event
 * @iface: the interface
 * @family: AF_INET (IGMP) or AF_INET6 (MLD)
 * @idx: MCAST_ROUTER_A_QUERIER_STATS_*
 *
 * Context: BH disabled.
 */
void mcr_memb_count(struct mcr_iface *iface, u16 family, int idx)
{
	mcr_stats_add(iface->memb.q[mcr_fam_idx(family)].stats, idx, 1);
}

/**
 * mcr_memb_iface() - the router-mode interface a message arrived on
 * @net: the namespace
 * @dev: the device
 *
 * Context: rcu_read_lock().
 * Return: the interface, or NULL if the device is not in router mode.
 */
struct mcr_iface *mcr_memb_iface(struct net *net, struct net_device *dev)
{
	struct mcr_net *mn = mcr_netns_get(net);
	struct mcr_iface *iface = xa_load(&mn->ifaces, dev->ifindex);

	if (!iface || iface->dev != dev ||
	    rcu_dereference(iface->cfg)->mode != MCAST_ROUTER_MODE_ROUTER)
		return NULL;
	return iface;
}

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
 * mcr_memb_addr_cmp() - compare two addresses numerically (the querier
 *	election, RFC 3376 6.6.2 and RFC 3810 7.6.2: the lowest wins)
 * @family: AF_INET or AF_INET6
 * @a: one address
 * @b: the other
 *
 * Return: negative, 0 or positive as @a is below, equal to or above @b.
 */
int mcr_memb_addr_cmp(u16 family, const struct mcr_addr *a,
		      const struct mcr_addr *b)
{
	u32 x, y;

	if (family == AF_INET6)
		return memcmp(&a->ip6, &b->ip6, sizeof(a->ip6));
	x = ntohl(a->ip4);
	y = ntohl(b->ip4);
	return x < y ? -1 : x > y;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_memb_addr_cmp);

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
	struct mcr_addr batch[MEMB_QUERY_BATCH];
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
		if (n == MEMB_QUERY_BATCH) {
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

/*
 * group_table.c's queries(): one round of the specific queries RFC 3376 6.6.3
 * asks for ("Send Q(G)", "Send Q(G,A)"), as the querier. IGMPv1 has no
 * specific queries, IGMPv2 and MLDv1 no source lists: the rounds still
 * count down, so the lowered timers run out as RFC 3376 7.3.2 expects.
 */
static unsigned long memb_queries(struct mcr_gtable *table,
				  struct mcr_gnode *gn, unsigned long now,
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
	mcr_memb_params(cfg, &iface->memb.q[mcr_fam_idx(m->family)], &p);
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

/*
 * group_table.c's changed(): the group's membership entries follow at once, and
 * the monitor group hears of it.
 */
static void memb_changed(struct mcr_gtable *table, u16 family,
			 const struct mcr_addr *group, u8 event)
{
	struct mcr_iface *iface = container_of(table, struct mcr_iface,
					       memb.table);
	struct mcr_net *mn = mcr_netns_get(dev_net(iface->dev));

	rcu_read_lock();
	mcr_mfc_refresh(&mn->mfc, family, group, mcr_memb_compute);
	mcr_memb_notify_group(iface, family, group, event);
	rcu_read_unlock();
	mcr_proxy_changed(mn, family, group);
}

static const struct mcr_gtable_ops memb_gtable_ops = {
	.changed = memb_changed,
	.queries = memb_queries,
};

/**
 * mcr_memb_compute() - the outgoing interfaces of a membership entry
 * @mfc: the forwarding table of a namespace, &mcr_net.mfc
 * @spec: the entry's (S,G) and incoming interface
 *
 * Every router-mode interface but the incoming one whose members or
 * static membership want S (mcr_gtable_wants()), and, for a datagram from a
 * downstream (router-mode) interface, the proxy's upstream whatever its
 * membership (RFC 4605 4.2: the upstream's router decides). TTL
 * thresholds and boundaries apply per datagram in the fast path, as for
 * static entries, so scoped groups stay inside.
 *
 * Context: the forwarding table's lock held (BH disabled).
 * Return: the set (possibly empty), or NULL without memory.
 */
struct mcr_oifs *mcr_memb_compute(struct mcr_mfc *mfc,
				  const struct mcr_mfe_spec *spec)
{
	struct mcr_net *mn = container_of(mfc, struct mcr_net, mfc);
	unsigned int cap = 0, n = 0;
	struct mcr_iface *iface, *in;
	struct mcr_gnode *gn;
	struct mcr_oifs *oifs;
	bool wants, from_down;
	unsigned long index;
	u8 mode;

	lockdep_assert_held(&mfc->lock);
	rcu_read_lock();
	in = xa_load(&mn->ifaces, spec->iif);
	from_down = in && rcu_dereference(in->cfg)->mode ==
			  MCAST_ROUTER_MODE_ROUTER;
	xa_for_each(&mn->ifaces, index, iface)
		cap++;
	oifs = mcr_mfc_oifs_alloc(cap, GFP_ATOMIC);
	if (!oifs)
		goto out;
	xa_for_each(&mn->ifaces, index, iface) {
		if (n == cap)
			break;
		if (iface->dev->ifindex == spec->iif)
			continue;
		mode = rcu_dereference(iface->cfg)->mode;
		if (mode == MCAST_ROUTER_MODE_PROXY && from_down) {
			oifs->ifaces[n++] = iface;
			continue;
		}
		if (mode != MCAST_ROUTER_MODE_ROUTER)
			continue;
		spin_lock(&iface->memb.table.lock);
		gn = mcr_gtable_lookup(&iface->memb.table, spec->family,
				       &spec->group);
		wants = gn && mcr_gtable_wants(gn, &spec->source);
		spin_unlock(&iface->memb.table.lock);
		if (wants)
			oifs->ifaces[n++] = iface;
	}
	oifs->n = n;
out:
	rcu_read_unlock();
	return oifs;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_memb_compute);

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
		mcr_memb_notify_querier(iface, q);
	rcu_read_unlock();
	send_queue(&out);
}

/**
 * mcr_memb_query() - a valid query was heard on the interface
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
bool mcr_memb_query(struct mcr_iface *iface, u16 family,
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
		mcr_memb_addr_cmp(family, querier, &own) < 0;
	spin_lock(&table->lock);
	/*
	 * A querier that is not this router tracks the lowest querier it
	 * hears (with "querier off" it may hear any).
	 */
	if (!lower && !q->self)
		lower = !q->known ||
			mcr_memb_addr_cmp(family, querier, &q->addr) <= 0;
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
		mcr_memb_notify_querier(iface, q);
	return self;
}

/* Read an address of @alen bytes at @off; false if beyond the packet. */
static bool read_addr(const struct sk_buff *skb, unsigned int off,
		      unsigned int alen, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	return !skb_copy_bits(skb, off, a, alen);
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
	struct mcr_addr batch[MEMB_QUERY_BATCH];
	unsigned long now = jiffies;
	struct mcr_gfsm_params p;
	unsigned int i, n = 0;

	mcr_memb_params(cfg, &iface->memb.q[mcr_fam_idx(family)], &p);
	if (!nsrcs) {
		mcr_gtable_lower(&iface->memb.table, &p, now, family, group,
				 NULL, 0);
		return;
	}
	for (i = 0; i < nsrcs; i++) {
		if (!read_addr(skb, off + i * alen, alen, &batch[n]))
			return;
		if (++n == MEMB_QUERY_BATCH || i == nsrcs - 1) {
			mcr_gtable_lower(&iface->memb.table, &p, now, family,
					 group, batch, n);
			n = 0;
		}
	}
}

/**
 * mcr_memb_query_specific() - what a non-querier does with a specific
 *	query it heard
 * @iface: the interface
 * @skb: the query
 * @q: where the query's group and sources are
 *
 * Context: softirq, rcu_read_lock().
 */
void mcr_memb_query_specific(struct mcr_iface *iface, const struct sk_buff *skb,
			     const struct mcr_memb_pquery *q)
{
	if (!q->s_flag)
		lower_timers(iface, skb, q->family, &q->group, q->src_off,
			     q->nsrcs);
}

/*
 * A multi-record report (IGMPv3, MLDv2) is one layout with two address
 * sizes: struct igmpv3_grec and struct mld2_grec share their header (type,
 * auxiliary data length in 32-bit words, source count) and differ only in
 * the size of the group and of each source that follow it, then the
 * auxiliary data.
 */
#define GREC_HDR_LEN	offsetof(struct igmpv3_grec, grec_mca)
static_assert(offsetof(struct mld2_grec, grec_mca) == GREC_HDR_LEN);
static_assert(sizeof_field(struct igmpv3_grec, grec_mca) == sizeof(__be32));
static_assert(sizeof_field(struct mld2_grec, grec_mca) ==
	      sizeof(struct in6_addr));

/* A record's header: false if beyond the packet. */
static bool read_grec(const struct sk_buff *skb, unsigned int off,
		      struct igmpv3_grec *h)
{
	return !skb_copy_bits(skb, off, h, GREC_HDR_LEN);
}

static unsigned int rec_len(unsigned int alen, const struct igmpv3_grec *h)
{
	return GREC_HDR_LEN + alen + ntohs(h->grec_nsrcs) * alen +
	       h->grec_auxwords * sizeof(u32);
}

/**
 * mcr_memb_check_records() - validate the records of a multi-record report
 * @skb: the report
 * @alen: address length, 4 (IGMPv3) or 16 (MLDv2)
 * @off: offset of the first record from skb->data
 * @end: offset of the end of the message
 * @ngrec: the report's record count
 *
 * Every record header, source list and auxiliary data must lie inside the
 * message; nothing past @end is read.
 *
 * Return: true if the records fit.
 */
bool mcr_memb_check_records(const struct sk_buff *skb, unsigned int alen,
			    unsigned int off, unsigned int end,
			    unsigned int ngrec)
{
	struct igmpv3_grec h;

	while (ngrec--) {
		if (off + GREC_HDR_LEN + alen > end || !read_grec(skb, off, &h))
			return false;
		off += rec_len(alen, &h);
		if (off > end)
			return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_memb_check_records);

/* One record: its sources read into an array sized by the record. */
static void apply_record(struct mcr_iface *iface, const struct sk_buff *skb,
			 struct mcr_record *r, unsigned int off,
			 unsigned int alen, unsigned int nsrcs)
{
	const struct mcr_iface_cfg *cfg = rcu_dereference(iface->cfg);
	struct mcr_querier *q = &iface->memb.q[mcr_fam_idx(r->family)];
	struct mcr_addr *srcs = NULL;
	unsigned int i;

	if (nsrcs > cfg->max_sources) {
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_REFUSED, 1);
		return;
	}
	if (nsrcs) {
		srcs = kmalloc_array(nsrcs, sizeof(*srcs), GFP_ATOMIC);
		if (!srcs) {
			mcr_stats_add(q->stats,
				      MCAST_ROUTER_A_QUERIER_STATS_REFUSED, 1);
			return;
		}
		for (i = 0; i < nsrcs; i++)
			read_addr(skb, off + i * alen, alen, &srcs[i]);
	}
	r->srcs = srcs;
	r->n = nsrcs;
	mcr_memb_report(iface, r);
	kfree(srcs);
}

/**
 * mcr_memb_records() - apply the records of a validated multi-record report
 * @iface: the interface
 * @skb: the report, checked by mcr_memb_check_records()
 * @family: AF_INET or AF_INET6
 * @reporter: the report's IP source
 * @off: offset of the first record
 * @ngrec: the record count
 *
 * Unknown record types and groups of the wrong scope are ignored and
 * counted.
 *
 * Context: softirq, rcu_read_lock().
 */
void mcr_memb_records(struct mcr_iface *iface, const struct sk_buff *skb,
		      u16 family, const struct mcr_addr *reporter,
		      unsigned int off, unsigned int ngrec)
{
	struct mcr_querier *q = &iface->memb.q[mcr_fam_idx(family)];
	unsigned int alen = mcr_addr_len(family);
	struct mcr_record r = {
		.family = family,
		.reporter = *reporter,
		.level = MCR_COMPAT_V3,
	};
	struct igmpv3_grec h;

	while (ngrec--) {
		if (!read_grec(skb, off, &h) ||
		    !read_addr(skb, off + GREC_HDR_LEN, alen, &r.group))
			return;
		if (h.grec_type >= MCR_REC_IS_IN &&
		    h.grec_type <= MCR_REC_BLOCK) {
			r.type = h.grec_type;
			apply_record(iface, skb, &r, off + GREC_HDR_LEN + alen,
				     alen, ntohs(h.grec_nsrcs));
		} else {
			mcr_stats_add(q->stats,
				      MCAST_ROUTER_A_QUERIER_STATS_IGNORED, 1);
		}
		off += rec_len(alen, &h);
	}
}

/**
 * mcr_memb_report() - one group record of a valid report
 * @iface: the interface
 * @r: the record
 *
 * Link-local groups are not tracked, IS_EX and TO_EX records (and so
 * IGMPv1/v2 and MLDv1 reports) for SSM groups are ignored (RFC 4604),
 * and what the limits refuse is counted.
 *
 * Context: softirq, rcu_read_lock().
 */
void mcr_memb_report(struct mcr_iface *iface, struct mcr_record *r)
{
	struct mcr_querier *q = &iface->memb.q[mcr_fam_idx(r->family)];
	const struct mcr_iface_cfg *cfg = rcu_dereference(iface->cfg);
	struct mcr_gfsm_params p;
	int ret;

	if (!mcr_fwd_routable(r->family, &r->group) ||
	    (mcr_memb_ssm(r->family, &r->group) &&
	     (r->type == MCR_REC_IS_EX || r->type == MCR_REC_TO_EX))) {
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_IGNORED, 1);
		return;
	}
	mcr_memb_params(cfg, q, &p);
	ret = mcr_gtable_record(&iface->memb.table, &p, cfg->max_groups,
				jiffies, r);
	if (ret)
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_REFUSED, 1);
	if (r->ignored)
		mcr_stats_add(q->stats, MCAST_ROUTER_A_QUERIER_STATS_IGNORED, 1);
}

/**
 * mcr_memb_init() - set up a new interface's IGMP/MLD state (stopped)
 * @iface: the interface, not yet visible
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int mcr_memb_init(struct mcr_iface *iface)
{
	unsigned int i;
	int err;

	err = mcr_gtable_init(&iface->memb.table);
	if (err)
		return err;
	iface->memb.table.ops = &memb_gtable_ops;
	for (i = 0; i < MCR_NFAMILIES; i++) {
		struct mcr_querier *q = &iface->memb.q[i];

		q->iface = iface;
		q->family = i ? AF_INET6 : AF_INET;
		timer_setup(&q->timer, querier_timer, 0);
		q->stats = mcr_stats_alloc(MCAST_ROUTER_A_QUERIER_STATS_PAD,
					   GFP_KERNEL);
		if (!q->stats) {
			mcr_memb_stop(iface);
			mcr_memb_free(iface);
			return -ENOMEM;
		}
	}
	return 0;
}

/**
 * mcr_memb_stop() - stop the timers and empty the table for good
 * @iface: the interface, unpublished
 *
 * Context: process context.
 */
void mcr_memb_stop(struct mcr_iface *iface)
{
	struct mcr_gtable *table = &iface->memb.table;
	unsigned int i;

	spin_lock_bh(&table->lock);
	for (i = 0; i < MCR_NFAMILIES; i++)
		iface->memb.q[i].active = false;
	spin_unlock_bh(&table->lock);
	for (i = 0; i < MCR_NFAMILIES; i++)
		timer_shutdown_sync(&iface->memb.q[i].timer);
	mcr_gtable_uninit(table);
}

/**
 * mcr_memb_free() - free what readers may still use
 * @iface: the interface, after a grace period
 */
void mcr_memb_free(struct mcr_iface *iface)
{
	unsigned int i;

	for (i = 0; i < MCR_NFAMILIES; i++) {
		free_percpu(iface->memb.q[i].stats);
		iface->memb.q[i].stats = NULL;
	}
}

/**
 * mcr_memb_mode() - follow a configuration change
 * @mn: the namespace
 * @iface: the interface, its new configuration published
 * @old_mode: the mode before
 * @new_mode: the mode now
 *
 * Entering router mode starts the queriers (startup queries unless
 * "querier off"); leaving it stops them, forgets the membership and
 * deletes the namespace's membership entries (the next datagrams learn
 * them again). In router mode a "querier off" takes effect at once, and
 * a shorter query or startup query interval brings the next general query
 * forward, so that no membership learnt under the new values expires
 * before it.
 *
 * Context: RTNL held.
 */
void mcr_memb_mode(struct mcr_net *mn, struct mcr_iface *iface, u8 old_mode,
		   u8 new_mode)
{
	const struct mcr_iface_cfg *cfg;
	struct mcr_gtable *table = &iface->memb.table;
	unsigned long now = jiffies;
	unsigned int i, ntf = 0;
	struct mcr_timers t;

	ASSERT_RTNL();
	cfg = rtnl_dereference(iface->cfg);
	mcr_timers_get(cfg, &t);
	if (new_mode != MCAST_ROUTER_MODE_ROUTER) {
		if (old_mode != MCAST_ROUTER_MODE_ROUTER)
			return;
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
		mcr_gtable_flush(table);
		mcr_mfc_flush(&mn->mfc, 0, false,
			      MCAST_ROUTER_ORIGIN_MEMBERSHIP);
		return;
	}

	spin_lock_bh(&table->lock);
	for (i = 0; i < MCR_NFAMILIES; i++) {
		struct mcr_querier *q = &iface->memb.q[i];
		bool changed = true;

		if (old_mode != MCAST_ROUTER_MODE_ROUTER) {
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
			mcr_memb_notify_querier(iface, &iface->memb.q[i]);
	rcu_read_unlock();
}
