// SPDX-License-Identifier: GPL-2.0
/*
 * IGMP/MLD proxy (RFC 4605, the seeds' "IGMP proxy mode").
 *
 * The interface in proxy mode is the upstream. Toward it the router is a
 * host, and the host is the kernel's own: for every group some downstream
 * (router-mode) interface wants, one kernel UDP socket of the namespace
 * joins the group on the upstream device with the merge of the downstream
 * filters (RFC 4605 4.1, sfilter.c) as its source filter. The kernel's
 * host-side IGMP/MLD then does the rest exactly as for an application:
 * unsolicited reports and their robustness retransmissions, answers to
 * the upstream querier's general and specific queries, version
 * compatibility with an older querier, state-change reports when the
 * filter changes, and the leave when the socket closes.
 *
 * Membership changes arrive in any context (a report in softirq, a timer,
 * GROUP_ADD); socket options sleep and take RTNL. So a change only queues
 * the group's key (mcr_proxy_changed()) and schedules the worker, which
 * re-reads the group's state on every downstream interface, merges it and
 * applies the result with MCAST_JOIN_GROUP, MCAST_JOIN_SOURCE_GROUP and
 * MCAST_MSFILTER. Mode changes and overflow of the queue make the worker
 * re-read every group (mcr_proxy_resync()).
 *
 * The host stack bounds a socket's source filter (net.ipv4.igmp_max_msf,
 * net.ipv6.mld_max_msf, net.core.optmem_max). A merged filter it refuses
 * is reported as EXCLUDE({}), every source: more traffic than asked for,
 * never less, and downstream forwarding still follows each interface's
 * own membership. The refusal is kept in the group (PROXY_ERROR) and the
 * worker tries the filter again every MCR_PROXY_RETRY, so raising the
 * sysctls takes effect without a membership change.
 *
 * One socket per group keeps net.ipv4.igmp_max_memberships (a per-socket
 * limit) out of the way; the number of groups is bounded by the
 * downstream interfaces' max-groups.
 */

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/sockptr.h>
#include <net/sock.h>

#include "compat.h"
#include "forward.h"
#include "iface.h"
#include "group_table.h"
#include "netns.h"
#include "proxy.h"

struct pdirty {
	struct list_head list;
	struct mcr_group_key key;
};

static int pdirty_add(struct list_head *keys, const struct mcr_group_key *key,
		      gfp_t gfp)
{
	struct pdirty *d = kmalloc(sizeof(*d), gfp);

	if (!d)
		return -ENOMEM;
	d->key = *key;
	list_add_tail(&d->list, keys);
	return 0;
}

static void dirty_free(struct list_head *head)
{
	struct pdirty *d, *tmp;

	list_for_each_entry_safe(d, tmp, head, list) {
		list_del(&d->list);
		kfree(d);
	}
}

/**
 * mcr_proxy_changed() - a group's membership changed on an interface
 * @mn: the namespace's state
 * @family: AF_INET or AF_INET6
 * @group: the group
 *
 * Queues the group for the worker if an interface is in proxy mode.
 *
 * Context: any but hard IRQ; no membership table lock held.
 */
void mcr_proxy_changed(struct mcr_net *mn, u16 family,
		       const struct mcr_addr *group)
{
	struct mcr_proxy *p = &mn->proxy;
	struct pdirty *d;

	if (!READ_ONCE(p->active))
		return;
	d = kmalloc(sizeof(*d), GFP_ATOMIC);
	if (d)
		mcr_group_key_init(&d->key, family, group);
	spin_lock_bh(&p->dirty_lock);
	if (p->dying || !p->active) {
		kfree(d);
	} else {
		if (!d || p->n_dirty >= MCR_PROXY_MAX_DIRTY) {
			/* Nothing is lost: every group is read again. */
			p->resync = true;
			kfree(d);
		} else {
			list_add_tail(&d->list, &p->dirty);
			p->n_dirty++;
		}
		mod_delayed_work(system_wq, &p->work, 0);
	}
	spin_unlock_bh(&p->dirty_lock);
}

/* The proxy-mode interface's ifindex, 0 if there is none. */
static int find_upstream(struct mcr_net *mn)
{
	struct mcr_iface *iface;
	unsigned long index;
	int ifindex = 0;

	rcu_read_lock();
	xa_for_each(&mn->ifaces, index, iface)
		if (rcu_dereference(iface->cfg)->mode ==
		    MCAST_ROUTER_MODE_PROXY)
			ifindex = iface->dev->ifindex;
	rcu_read_unlock();
	return ifindex;
}

/**
 * mcr_proxy_resync() - re-read every group and the upstream
 * @mn: the namespace's state
 *
 * For a change of an interface's mode, or an interface gone.
 *
 * Context: RTNL held (the interfaces' configurations are stable).
 */
void mcr_proxy_resync(struct mcr_net *mn)
{
	struct mcr_proxy *p = &mn->proxy;
	bool active;

	ASSERT_RTNL();
	active = find_upstream(mn);
	spin_lock_bh(&p->dirty_lock);
	WRITE_ONCE(p->active, active);
	if (!p->dying) {
		p->resync = true;
		mod_delayed_work(system_wq, &p->work, 0);
	}
	spin_unlock_bh(&p->dirty_lock);
}

static void put_sockaddr(struct __kernel_sockaddr_storage *ss, u16 family,
			 const struct mcr_addr *a)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = a->ip4;
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = a->ip6;
	}
}

static int setopt(struct socket *sock, u16 family, int opt, void *val,
		  unsigned int len)
{
	int level = family == AF_INET ? SOL_IP : SOL_IPV6;

	return sock->ops->setsockopt(sock, level, opt, KERNEL_SOCKPTR(val),
				     len);
}

/* MCAST_MSFILTER: the socket's filter for the group, @f. */
static int set_filter(struct socket *sock, int ifindex,
		      const struct mcr_group_key *key,
		      const struct mcr_sfilter *f)
{
	unsigned int i, len = GROUP_FILTER_SIZE(f->n);
	struct group_filter *gf;
	int err;

	gf = kvzalloc(len, GFP_KERNEL);
	if (!gf)
		return -ENOMEM;
	gf->gf_interface = ifindex;
	put_sockaddr(&gf->gf_group, key->family, &key->group);
	gf->gf_fmode = f->mode == MCR_FILTER_EXCLUDE ? MCAST_EXCLUDE :
						     MCAST_INCLUDE;
	gf->gf_numsrc = f->n;
	for (i = 0; i < f->n; i++)
		put_sockaddr(&gf->gf_slist_flex[i], key->family, &f->srcs[i]);
	err = setopt(sock, key->family, MCAST_MSFILTER, gf, len);
	kvfree(gf);
	return err;
}

/*
 * The first join: INCLUDE with the first source (so no any-source state
 * is reported on the way), or EXCLUDE({}); then the whole filter. The
 * group's @joined says how far it got.
 */
static int join(struct mcr_pgroup *pg, int ifindex,
		const struct mcr_sfilter *f)
{
	const struct mcr_group_key *key = &pg->key;
	struct group_source_req gsr = { .gsr_interface = ifindex };
	struct group_req gr = { .gr_interface = ifindex };
	int err;

	if (f->mode == MCR_FILTER_INCLUDE) {
		put_sockaddr(&gsr.gsr_group, key->family, &key->group);
		put_sockaddr(&gsr.gsr_source, key->family, &f->srcs[0]);
		err = setopt(pg->sock, key->family, MCAST_JOIN_SOURCE_GROUP,
			     &gsr, sizeof(gsr));
		if (err)
			return err;
		pg->joined = true;
		if (f->n == 1)
			return 0;
	} else {
		put_sockaddr(&gr.gr_group, key->family, &key->group);
		err = setopt(pg->sock, key->family, MCAST_JOIN_GROUP, &gr,
			     sizeof(gr));
		if (err)
			return err;
		pg->joined = true;
		if (!f->n)
			return 0;
	}
	return set_filter(pg->sock, ifindex, key, f);
}

/*
 * Give the socket filter @f; if the host stack refuses it (a source
 * limit), EXCLUDE({}) instead, and say so in @all. @error keeps the
 * refusal for the worker's next attempt.
 */
static void apply(struct mcr_net *mn, struct mcr_pgroup *pg,
		  const struct mcr_sfilter *f, bool degraded)
{
	struct mcr_sfilter every = {
		.mode = MCR_FILTER_EXCLUDE,
		.family = pg->key.family,
	};
	int up = mn->proxy.upstream;
	int err;

	if (!pg->sock) {
		err = sock_create_kern(mn->net, pg->key.family, SOCK_DGRAM,
				       IPPROTO_UDP, &pg->sock);
		if (err) {
			pg->sock = NULL;
			goto out;
		}
	}
	err = pg->joined ? set_filter(pg->sock, up, &pg->key, f) :
			   join(pg, up, f);
	if (!err) {
		pg->all = degraded;
		goto out;
	}
	/* A refusal changes nothing: EXCLUDE({}) may be in place already. */
	if ((f->mode == MCR_FILTER_EXCLUDE && !f->n) ||
	    (pg->joined && pg->all))
		goto out;
	if (!(pg->joined ? set_filter(pg->sock, up, &pg->key, &every) :
			   join(pg, up, &every)))
		pg->all = true;
out:
	pg->error = -err;
}

static struct mcr_pgroup *pgroup_find(struct mcr_proxy *p,
				      const struct mcr_group_key *key)
{
	struct mcr_pgroup *pg;

	list_for_each_entry(pg, &p->groups, list)
		if (!memcmp(&pg->key, key, sizeof(*key)))
			return pg;
	return NULL;
}

/* Leave (closing the socket makes the host stack report it) and free. */
static void pgroup_drop(struct mcr_net *mn, struct mcr_pgroup *pg,
			bool notify)
{
	struct mcr_proxy *p = &mn->proxy;

	lockdep_assert_held(&p->lock);
	if (notify)
		mcr_proxy_notify(mn, pg, MCAST_ROUTER_GROUP_EVENT_LEAVE);
	if (pg->sock)
		sock_release(pg->sock);
	list_del(&pg->list);
	p->n_groups--;
	mcr_sfilter_free(&pg->want);
	kfree(pg);
}

static void drop_all(struct mcr_net *mn, bool notify)
{
	struct mcr_pgroup *pg, *tmp;

	list_for_each_entry_safe(pg, tmp, &mn->proxy.groups, list)
		pgroup_drop(mn, pg, notify);
}

/* The merge of every downstream interface's filter for @key into acc. */
static bool merge_downstream(struct mcr_net *mn,
			     const struct mcr_group_key *key)
{
	struct mcr_proxy *p = &mn->proxy;
	const struct mcr_gnode *gn;
	struct mcr_iface *iface;
	bool all = false, found;
	unsigned long index;
	struct mcr_gtable *table;

	p->acc.family = key->family;
	mcr_sfilter_reset(&p->acc, MCR_FILTER_INCLUDE);
	rcu_read_lock();
	xa_for_each(&mn->ifaces, index, iface) {
		if (rcu_dereference(iface->cfg)->mode !=
		    MCAST_ROUTER_MODE_ROUTER)
			continue;
		table = &iface->memb.table;
		spin_lock_bh(&table->lock);
		gn = table->dying ? NULL :
		     mcr_gtable_lookup(table, key->family, &key->group);
		found = gn;
		if (gn && mcr_gtable_sfilter(gn, &p->in))
			all = true;
		spin_unlock_bh(&table->lock);
		if (found && mcr_sfilter_merge(&p->acc, &p->in))
			all = true;
	}
	rcu_read_unlock();
	return all;
}

/* A group inside one of the upstream's scope boundaries. */
static bool upstream_bounded(struct mcr_net *mn,
			     const struct mcr_group_key *key)
{
	struct mcr_iface *up;
	bool ret = false;

	rcu_read_lock();
	up = xa_load(&mn->ifaces, mn->proxy.upstream);
	if (up)
		ret = mcr_fwd_in_boundary(rcu_dereference(up->cfg),
					  key->family, &key->group);
	rcu_read_unlock();
	return ret;
}

/*
 * Bring the upstream membership of one group in line with downstream. A
 * group behind one of the upstream's scope boundaries is not reported at
 * all: its traffic would stop at the boundary anyway. A group whose last
 * attempt failed is tried again even if downstream did not change.
 * Return: -ENOMEM if a new group could not be tracked, else 0.
 */
static int update(struct mcr_net *mn, const struct mcr_group_key *key)
{
	struct mcr_proxy *p = &mn->proxy;
	struct mcr_pgroup *pg = pgroup_find(p, key);
	bool degraded = merge_downstream(mn, key);
	struct mcr_sfilter *want = &p->acc;
	bool new = !pg, same, all, joined;
	int error;

	if (upstream_bounded(mn, key))
		mcr_sfilter_reset(want, MCR_FILTER_INCLUDE);

	if (want->mode == MCR_FILTER_INCLUDE && !want->n) {
		if (pg)
			pgroup_drop(mn, pg, true);
		return 0;
	}
	same = pg && mcr_sfilter_equal(&pg->want, want);
	if (same && !pg->error)
		return 0;
	if (new) {
		pg = kzalloc(sizeof(*pg), GFP_KERNEL);
		if (!pg)
			return -ENOMEM;
		pg->key = *key;
		pg->want.family = key->family;
		list_add_tail(&pg->list, &p->groups);
		p->n_groups++;
	}
	all = pg->all;
	joined = pg->joined;
	error = pg->error;
	if (!same && mcr_sfilter_copy(&pg->want, want))
		pg->error = ENOMEM;
	else
		apply(mn, pg, want, degraded);
	if (new || !same || pg->all != all || pg->joined != joined ||
	    pg->error != error)
		mcr_proxy_notify(mn, pg, new ? MCAST_ROUTER_GROUP_EVENT_JOIN :
					 MCAST_ROUTER_GROUP_EVENT_CHANGE);
	return 0;
}

/* mcr_gtable_for_each(): queue every group of a downstream interface. */
static int collect(const struct mcr_gnode *gn, void *arg)
{
	return pdirty_add(arg, &gn->key, GFP_ATOMIC);
}

/* Every group reported now and every group a downstream interface has. */
static int collect_all(struct mcr_net *mn, struct list_head *keys)
{
	struct mcr_pgroup *pg;
	struct mcr_iface *iface;
	unsigned long index;
	int err = 0;

	list_for_each_entry(pg, &mn->proxy.groups, list)
		if (pdirty_add(keys, &pg->key, GFP_KERNEL))
			return -ENOMEM;
	rcu_read_lock();
	xa_for_each(&mn->ifaces, index, iface) {
		if (rcu_dereference(iface->cfg)->mode !=
		    MCAST_ROUTER_MODE_ROUTER)
			continue;
		err = mcr_gtable_for_each(&iface->memb.table, collect, keys);
		if (err)
			break;
	}
	rcu_read_unlock();
	return err;
}

static int scratch_alloc(struct mcr_proxy *p)
{
	if (p->acc.srcs)
		return 0;
	if (mcr_sfilter_init(&p->acc, AF_INET, MCR_SFILTER_MAX, GFP_KERNEL))
		return -ENOMEM;
	/* An interface's filter: its hosts' sources and its static ones. */
	if (mcr_sfilter_init(&p->in, AF_INET, 2 * MCR_SFILTER_MAX,
			     GFP_KERNEL)) {
		mcr_sfilter_free(&p->acc);
		return -ENOMEM;
	}
	return 0;
}

/* Run the worker again in @delay, unless the namespace goes. */
static void requeue(struct mcr_proxy *p, unsigned long delay, bool resync)
{
	spin_lock_bh(&p->dirty_lock);
	if (resync)
		p->resync = true;
	if (!p->dying)
		queue_delayed_work(system_wq, &p->work, delay);
	spin_unlock_bh(&p->dirty_lock);
}

/*
 * The worker: the queued groups (or all of them) are read again on every
 * downstream interface and their upstream membership follows; groups the
 * host stack refused are tried again. A change of upstream leaves every
 * group on the old one first.
 */
static void proxy_work(struct work_struct *work)
{
	struct mcr_proxy *p = container_of(to_delayed_work(work),
					   struct mcr_proxy, work);
	struct mcr_net *mn = container_of(p, struct mcr_net, proxy);
	struct mcr_pgroup *pg;
	struct pdirty *d, *tmp;
	bool resync;
	LIST_HEAD(keys);
	int upstream;

	mutex_lock(&p->lock);
	spin_lock_bh(&p->dirty_lock);
	list_splice_init(&p->dirty, &keys);
	p->n_dirty = 0;
	resync = p->resync;
	p->resync = false;
	spin_unlock_bh(&p->dirty_lock);

	upstream = find_upstream(mn);
	if (upstream != p->upstream) {
		drop_all(mn, true);
		p->upstream = upstream;
		resync = true;
	}
	if (!upstream)
		goto out;
	if (scratch_alloc(p))
		goto nomem;
	if (resync) {
		dirty_free(&keys);
		if (collect_all(mn, &keys))
			goto nomem;
	} else {
		list_for_each_entry(pg, &p->groups, list)
			if (pg->error && pdirty_add(&keys, &pg->key, GFP_KERNEL))
				goto nomem;
	}
	list_for_each_entry_safe(d, tmp, &keys, list) {
		if (update(mn, &d->key))
			goto nomem;
		list_del(&d->list);
		kfree(d);
		cond_resched();
	}
	list_for_each_entry(pg, &p->groups, list) {
		if (pg->error) {
			requeue(p, MCR_PROXY_RETRY, false);
			break;
		}
	}
	goto out;
nomem:
	/* Everything again, a little later. */
	requeue(p, HZ, true);
out:
	dirty_free(&keys);
	mutex_unlock(&p->lock);
}

/**
 * mcr_proxy_init() - initialise a namespace's proxy state
 * @p: the state, zeroed
 */
void mcr_proxy_init(struct mcr_proxy *p)
{
	mutex_init(&p->lock);
	INIT_LIST_HEAD(&p->groups);
	INIT_DELAYED_WORK(&p->work, proxy_work);
	spin_lock_init(&p->dirty_lock);
	INIT_LIST_HEAD(&p->dirty);
}

/**
 * mcr_proxy_uninit() - leave every group and free the state
 * @p: the state
 *
 * Call after the namespace's interfaces are gone (nothing queues work any
 * more). Nothing is announced: the namespace or the module goes.
 *
 * Context: process context, RTNL not held (closing a socket takes it).
 */
void mcr_proxy_uninit(struct mcr_proxy *p)
{
	struct mcr_net *mn = container_of(p, struct mcr_net, proxy);

	spin_lock_bh(&p->dirty_lock);
	p->dying = true;
	spin_unlock_bh(&p->dirty_lock);
	cancel_delayed_work_sync(&p->work);
	mutex_lock(&p->lock);
	drop_all(mn, false);
	p->upstream = 0;
	mutex_unlock(&p->lock);
	dirty_free(&p->dirty);
	mcr_sfilter_free(&p->acc);
	mcr_sfilter_free(&p->in);
	mutex_destroy(&p->lock);
}
