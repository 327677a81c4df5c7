// SPDX-License-Identifier: GPL-2.0
/*
 * GROUP_GET and QUERIER_GET: dumps of the IGMP/MLD router state of the
 * caller's namespace. Each interface's table is read under its lock, one
 * message per group (or querier); a dump resumes at (ifindex, position).
 */

#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/ipv6.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "compat.h"
#include "forward.h"
#include "iface.h"
#include "memb.h"
#include "memb_netlink.h"
#include "mfc_netlink.h"
#include "monitor_netlink.h"
#include "netns.h"

/* Filters shared by both dumps. */
const struct nla_policy mcr_group_policy[MCAST_ROUTER_A_GROUP_MAX + 1] = {
	[MCAST_ROUTER_A_GROUP_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MCAST_ROUTER_A_GROUP_FAMILY] = { .type = NLA_U16 },
	[MCAST_ROUTER_A_GROUP_ADDR] = NLA_POLICY_RANGE(NLA_BINARY, 4, 16),
	[MCAST_ROUTER_A_GROUP_SOURCE] = NLA_POLICY_RANGE(NLA_BINARY, 4, 16),
};

const struct nla_policy mcr_querier_policy[MCAST_ROUTER_A_QUERIER_MAX + 1] = {
	[MCAST_ROUTER_A_QUERIER_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MCAST_ROUTER_A_QUERIER_FAMILY] = { .type = NLA_U16 },
};

/**
 * struct memb_dump_ctx - dump state, in cb->ctx
 * @ifindex: the interface to resume at
 * @pos: groups (or families) of that interface already dumped
 * @filter_ifindex: only this interface (0: all)
 * @family: only this family (0: both)
 * @has_group: only @group
 * @group: the group filter
 */
struct memb_dump_ctx {
	u32 ifindex;
	u32 pos;
	u32 filter_ifindex;
	u16 family;
	u8 has_group;
	struct mcr_addr group;
};

static struct memb_dump_ctx *dump_ctx(struct netlink_callback *cb)
{
	BUILD_BUG_ON(sizeof(struct memb_dump_ctx) > sizeof(cb->ctx));
	return (struct memb_dump_ctx *)cb->ctx;
}

static int parse_filter(struct netlink_callback *cb, int maxattr,
			const struct nla_policy *policy, int a_ifindex,
			int a_family, int a_addr)
{
	struct memb_dump_ctx *ctx = dump_ctx(cb);
	struct nlattr *tb[MCAST_ROUTER_A_GROUP_MAX + 1];
	const struct nlattr *a;
	int err;

	BUILD_BUG_ON((int)MCAST_ROUTER_A_QUERIER_MAX >
		     (int)MCAST_ROUTER_A_GROUP_MAX);
	memset(ctx, 0, sizeof(*ctx));
	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, maxattr, policy,
			  cb->extack);
	if (err)
		return err;
	if (a_addr && tb[MCAST_ROUTER_A_GROUP_SOURCE]) {
		NL_SET_ERR_MSG_ATTR(cb->extack, tb[MCAST_ROUTER_A_GROUP_SOURCE],
				    "only ifindex, family and addr filter the dump");
		return -EINVAL;
	}
	if (tb[a_ifindex])
		ctx->filter_ifindex = nla_get_u32(tb[a_ifindex]);
	a = tb[a_family];
	if (a) {
		ctx->family = nla_get_u16(a);
		if (ctx->family != AF_INET && ctx->family != AF_INET6) {
			NL_SET_ERR_MSG_ATTR(cb->extack, a,
					    "family must be AF_INET or AF_INET6");
			return -EAFNOSUPPORT;
		}
	}
	a = a_addr ? tb[a_addr] : NULL;
	if (!a)
		return 0;
	if (!ctx->family) {
		NL_SET_ERR_MSG_ATTR(cb->extack, a, "a group needs a family");
		return -EINVAL;
	}
	err = mcr_nla_get_addr(a, ctx->family, &ctx->group, cb->extack);
	if (err)
		return err;
	ctx->has_group = true;
	return 0;
}

/**
 * mcr_group_get_start() - GROUP_GET: parse the filter
 * @cb: the dump
 *
 * Return: 0 or a negative errno with extack set.
 */
int mcr_group_get_start(struct netlink_callback *cb)
{
	return parse_filter(cb, MCAST_ROUTER_A_GROUP_MAX, mcr_group_policy,
			    MCAST_ROUTER_A_GROUP_IFINDEX,
			    MCAST_ROUTER_A_GROUP_FAMILY,
			    MCAST_ROUTER_A_GROUP_ADDR);
}

/**
 * mcr_querier_get_start() - QUERIER_GET: parse the filter
 * @cb: the dump
 *
 * Return: 0 or a negative errno with extack set.
 */
int mcr_querier_get_start(struct netlink_callback *cb)
{
	return parse_filter(cb, MCAST_ROUTER_A_QUERIER_MAX, mcr_querier_policy,
			    MCAST_ROUTER_A_QUERIER_IFINDEX,
			    MCAST_ROUTER_A_QUERIER_FAMILY, 0);
}

/* Milliseconds until @when, 0 if not running or past. */
static u32 ms_left(bool running, unsigned long when, unsigned long now)
{
	if (!running || !time_after(when, now))
		return 0;
	return jiffies_to_msecs(when - now);
}

/**
 * mcr_memb_put_hdr() - a message header, of a dump or a notification
 * @skb: the message
 * @cb: the dump, or NULL for a notification
 * @cmd: enum mcast_router_cmd
 *
 * Return: the header, or NULL without room.
 */
void *mcr_memb_put_hdr(struct sk_buff *skb, struct netlink_callback *cb,
		       u8 cmd)
{
	if (!cb)
		return genlmsg_put(skb, 0, 0, &mcr_genl_family, 0, cmd);
	return genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
			   cb->nlh->nlmsg_seq, &mcr_genl_family, NLM_F_MULTI,
			   cmd);
}

/**
 * mcr_memb_fill_source() - one SOURCES entry
 * @skb: the message
 * @family: AF_INET or AF_INET6
 * @addr: the source
 * @expires: ms until its timer expires (0: not running)
 * @forward: its traffic is forwarded
 * @is_static: a static source
 *
 * Return: 0 or -EMSGSIZE.
 */
int mcr_memb_fill_source(struct sk_buff *skb, u16 family,
			 const struct mcr_addr *addr, u32 expires, bool forward,
			 bool is_static)
{
	struct nlattr *entry = nla_nest_start(skb, MCAST_ROUTER_A_SOURCES_ENTRY);

	if (!entry || mcr_nla_put_addr(skb, MCAST_ROUTER_A_SOURCE_ADDR, family, addr) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_SOURCE_EXPIRES, expires) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_SOURCE_FORWARD, forward) ||
	    (is_static && nla_put_u8(skb, MCAST_ROUTER_A_SOURCE_STATIC, 1)))
		return -EMSGSIZE;
	nla_nest_end(skb, entry);
	return 0;
}

/* The hosts' source records, then the static sources not among them. */
static int fill_sources(struct sk_buff *skb, const struct mcr_gnode *gn,
			unsigned long now)
{
	const struct mcr_gfsm *m = &gn->m;
	const struct mcr_gfsm_src *src;
	const struct mcr_mhost *h;
	struct nlattr *nest;

	nest = nla_nest_start(skb, MCAST_ROUTER_A_GROUP_SOURCES);
	if (!nest)
		return -EMSGSIZE;
	list_for_each_entry(src, &m->sources, list)
		if (mcr_memb_fill_source(skb, m->family, &src->addr,
					 ms_left(src->running, src->expires,
						 now),
					 mcr_gtable_wants(gn, &src->addr),
					 mcr_gtable_static_src(gn, &src->addr)))
			return -EMSGSIZE;
	list_for_each_entry(h, &gn->static_srcs, list)
		if (!mcr_gfsm_find(m, &h->addr) &&
		    mcr_memb_fill_source(skb, m->family, &h->addr, 0, true,
					 true))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int fill_hosts(struct sk_buff *skb, const struct mcr_gnode *gn,
		      unsigned long now)
{
	const struct mcr_mhost *h;
	struct nlattr *nest;

	nest = nla_nest_start(skb, MCAST_ROUTER_A_GROUP_HOSTS);
	if (!nest)
		return -EMSGSIZE;
	list_for_each_entry(h, &gn->hosts, list)
		if (time_before(now, h->expires) &&
		    mcr_nla_put_addr(skb, MCAST_ROUTER_A_HOSTS_ADDR, gn->m.family,
				     &h->addr))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* The protocol version a compatibility level stands for. */
static u8 compat_version(u16 family, u8 level)
{
	return family == AF_INET ? level : max_t(u8, level, 2) - 1;
}

static int fill_group(struct sk_buff *skb, struct netlink_callback *cb,
		      int ifindex, const struct mcr_gnode *gn, u8 event)
{
	const struct mcr_gfsm *m = &gn->m;
	unsigned long now = jiffies;
	void *hdr = mcr_memb_put_hdr(skb, cb,
				     event ? MCAST_ROUTER_CMD_GROUP_NTF :
					     MCAST_ROUTER_CMD_GROUP_GET);

	if (!hdr)
		return -EMSGSIZE;
	if ((event && nla_put_u8(skb, MCAST_ROUTER_A_GROUP_EVENT, event)) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_GROUP_IFINDEX, ifindex) ||
	    nla_put_u16(skb, MCAST_ROUTER_A_GROUP_FAMILY, m->family) ||
	    mcr_nla_put_addr(skb, MCAST_ROUTER_A_GROUP_ADDR, m->family, &m->group) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_GROUP_FILTER,
		       m->filter == MCR_FILTER_EXCLUDE ?
		       MCAST_ROUTER_FILTER_EXCLUDE :
		       MCAST_ROUTER_FILTER_INCLUDE) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_GROUP_EXPIRES,
			ms_left(m->running, m->expires, now)) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_GROUP_COMPAT,
		       compat_version(m->family, mcr_gfsm_compat(m, now))) ||
	    mcr_nla_put_addr(skb, MCAST_ROUTER_A_GROUP_REPORTER, m->family,
			     &gn->reporter) ||
	    nla_put_u64_64bit(skb, MCAST_ROUTER_A_GROUP_AGE,
			      jiffies64_to_msecs(get_jiffies_64() -
						 gn->created),
			      MCAST_ROUTER_A_GROUP_PAD) ||
	    (gn->static_any &&
	     nla_put_u8(skb, MCAST_ROUTER_A_GROUP_STATIC, 1)) ||
	    fill_sources(skb, gn, now) || fill_hosts(skb, gn, now)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static bool group_match(const struct memb_dump_ctx *ctx,
			const struct mcr_gnode *gn)
{
	if (ctx->family && gn->key.family != ctx->family)
		return false;
	return !ctx->has_group ||
	       mcr_addr_equal(ctx->family, &gn->key.group, &ctx->group);
}

/* One interface's groups from ctx->pos on; ctx->pos advances. */
static int dump_iface_groups(struct sk_buff *skb, struct netlink_callback *cb,
			     struct mcr_iface *iface)
{
	struct memb_dump_ctx *ctx = dump_ctx(cb);
	struct mcr_gtable *table = &iface->memb.table;
	const struct mcr_gnode *gn;
	u32 i = 0;
	int err = 0;

	spin_lock_bh(&table->lock);
	/* A dying table's nodes are being freed (mcr_gtable_uninit()). */
	if (table->dying)
		goto out;
	list_for_each_entry(gn, &table->list, list) {
		if (i++ < ctx->pos || !group_match(ctx, gn))
			continue;
		err = fill_group(skb, cb, iface->dev->ifindex, gn, 0);
		if (err)
			break;
		ctx->pos = i;
	}
out:
	spin_unlock_bh(&table->lock);
	return err;
}

static bool iface_in_dump(const struct memb_dump_ctx *ctx,
			  struct mcr_iface *iface)
{
	if (ctx->filter_ifindex && iface->dev->ifindex != ctx->filter_ifindex)
		return false;
	return rcu_dereference(iface->cfg)->mode == MCAST_ROUTER_MODE_ROUTER;
}

/*
 * Both dumps: the router-mode interfaces from the cursor on, @one filling
 * what an interface has from ctx->pos on.
 */
static int dump_ifaces(struct sk_buff *skb, struct netlink_callback *cb,
		       int (*one)(struct sk_buff *skb,
				  struct netlink_callback *cb,
				  struct mcr_iface *iface))
{
	struct mcr_net *mn = mcr_netns_get(sock_net(skb->sk));
	struct memb_dump_ctx *ctx = dump_ctx(cb);
	struct mcr_iface *iface;
	unsigned long index;
	int err = 0;

	rcu_read_lock();
	xa_for_each_start(&mn->ifaces, index, iface, ctx->ifindex) {
		if (index != ctx->ifindex) {
			ctx->ifindex = index;
			ctx->pos = 0;
		}
		if (!iface_in_dump(ctx, iface))
			continue;
		err = one(skb, cb, iface);
		if (err)
			break;
	}
	if (!err)
		ctx->ifindex = U32_MAX;
	rcu_read_unlock();

	if (err && !skb->len)
		return err;
	return skb->len;
}

/**
 * mcr_group_get_dumpit() - GROUP_GET dump
 * @skb: the reply
 * @cb: the dump
 *
 * Return: the reply's length, 0 when done, or a negative errno.
 */
int mcr_group_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_ifaces(skb, cb, dump_iface_groups);
}

static int fill_querier(struct sk_buff *skb, struct netlink_callback *cb,
			struct mcr_iface *iface, struct mcr_querier *q)
{
	u8 cmd = cb ? MCAST_ROUTER_CMD_QUERIER_GET : MCAST_ROUTER_CMD_QUERIER_NTF;
	const struct mcr_iface_cfg *cfg = rcu_dereference(iface->cfg);
	struct mcr_gtable *table = &iface->memb.table;
	unsigned long now = jiffies;
	int err = -EMSGSIZE;
	void *hdr;

	hdr = mcr_memb_put_hdr(skb, cb, cmd);
	if (!hdr)
		return -EMSGSIZE;
	spin_lock_bh(&table->lock);
	if (nla_put_u32(skb, MCAST_ROUTER_A_QUERIER_IFINDEX,
			iface->dev->ifindex) ||
	    nla_put_u16(skb, MCAST_ROUTER_A_QUERIER_FAMILY, q->family) ||
	    (q->known &&
	     mcr_nla_put_addr(skb, MCAST_ROUTER_A_QUERIER_ADDR, q->family, &q->addr)) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_QUERIER_SELF, q->self) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_QUERIER_VERSION,
		       q->family == AF_INET ? cfg->igmp_version :
		       cfg->mld_version) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_QUERIER_OTHER_EXPIRES,
			ms_left(q->other_running, q->other_expires, now)) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_QUERIER_NEXT_QUERY,
			ms_left(q->self && q->query_running, q->next_query,
				now)) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_QUERIER_STARTUP_LEFT,
		       q->startup_left) ||
	    (!q->self && q->heard_qrv &&
	     nla_put_u8(skb, MCAST_ROUTER_A_QUERIER_QRV, q->heard_qrv)) ||
	    (!q->self && q->heard_qqi &&
	     nla_put_u32(skb, MCAST_ROUTER_A_QUERIER_QQI, q->heard_qqi)))
		goto out;
	err = 0;
out:
	spin_unlock_bh(&table->lock);
	if (!err && cb)
		err = mcr_stats_fill(skb, MCAST_ROUTER_A_QUERIER_STATS,
				     q->stats, MCAST_ROUTER_A_QUERIER_STATS_PAD);
	if (err) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* One interface's queriers from ctx->pos (a family index) on. */
static int dump_iface_queriers(struct sk_buff *skb,
			       struct netlink_callback *cb,
			       struct mcr_iface *iface)
{
	struct memb_dump_ctx *ctx = dump_ctx(cb);
	struct mcr_querier *q;
	int err;

	for (; ctx->pos < MCR_NFAMILIES; ctx->pos++) {
		q = &iface->memb.q[ctx->pos];
		if (ctx->family && q->family != ctx->family)
			continue;
		err = fill_querier(skb, cb, iface, q);
		if (err)
			return err;
	}
	return 0;
}

/**
 * mcr_querier_get_dumpit() - QUERIER_GET dump
 * @skb: the reply
 * @cb: the dump
 *
 * Return: the reply's length, 0 when done, or a negative errno.
 */
int mcr_querier_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_ifaces(skb, cb, dump_iface_queriers);
}

/* A leave: the group is gone, only its key is announced. */
static int fill_leave(struct sk_buff *skb, int ifindex, u16 family,
		      const struct mcr_addr *group)
{
	void *hdr = mcr_memb_put_hdr(skb, NULL, MCAST_ROUTER_CMD_GROUP_NTF);

	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u8(skb, MCAST_ROUTER_A_GROUP_EVENT,
		       MCAST_ROUTER_GROUP_EVENT_LEAVE) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_GROUP_IFINDEX, ifindex) ||
	    nla_put_u16(skb, MCAST_ROUTER_A_GROUP_FAMILY, family) ||
	    mcr_nla_put_addr(skb, MCAST_ROUTER_A_GROUP_ADDR, family, group)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/**
 * mcr_memb_notify_group() - announce a membership change on the monitor
 *	group
 * @iface: the interface
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @event: enum mcast_router_group_event
 *
 * The state is read under the table's lock when the message is built, so
 * it may be newer than the change; a group gone by then is not announced
 * (its leave follows).
 *
 * Context: any (GFP_ATOMIC), rcu_read_lock() held.
 */
void mcr_memb_notify_group(struct mcr_iface *iface, u16 family,
			   const struct mcr_addr *group, u8 event)
{
	struct net *net = dev_net(iface->dev);
	struct mcr_gtable *table = &iface->memb.table;
	const struct mcr_gnode *gn;
	struct sk_buff *msg;
	int err = -ENOENT;

	if (!mcr_monitor_ok(net))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!msg)
		return;
	if (event == MCAST_ROUTER_GROUP_EVENT_LEAVE) {
		err = fill_leave(msg, iface->dev->ifindex, family, group);
	} else {
		spin_lock_bh(&table->lock);
		gn = mcr_gtable_lookup(table, family, group);
		if (gn)
			err = fill_group(msg, NULL, iface->dev->ifindex, gn,
					 event);
		spin_unlock_bh(&table->lock);
	}
	if (err) {
		nlmsg_free(msg);
		return;
	}
	mcr_monitor_send(net, msg, GFP_ATOMIC);
}

/**
 * mcr_memb_notify_querier() - announce a querier change on the monitor
 *	group
 * @iface: the interface
 * @q: its querier of one family; its lock not held
 *
 * Context: any (GFP_ATOMIC), rcu_read_lock() held.
 */
void mcr_memb_notify_querier(struct mcr_iface *iface, struct mcr_querier *q)
{
	struct net *net = dev_net(iface->dev);
	struct sk_buff *msg;

	if (!mcr_monitor_ok(net))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!msg)
		return;
	if (fill_querier(msg, NULL, iface, q)) {
		nlmsg_free(msg);
		return;
	}
	mcr_monitor_send(net, msg, GFP_ATOMIC);
}

static int group_static(struct genl_info *info, bool add)
{
	struct mcr_net *mn = mcr_netns_get(genl_info_net(info));
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **tb = info->attrs;
	const struct mcr_iface_cfg *cfg;
	struct mcr_addr group, source;
	struct mcr_iface *iface;
	const struct nlattr *a;
	u16 family;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, MCAST_ROUTER_A_GROUP_IFINDEX) ||
	    GENL_REQ_ATTR_CHECK(info, MCAST_ROUTER_A_GROUP_FAMILY) ||
	    GENL_REQ_ATTR_CHECK(info, MCAST_ROUTER_A_GROUP_ADDR))
		return -EINVAL;
	a = tb[MCAST_ROUTER_A_GROUP_FAMILY];
	family = nla_get_u16(a);
	if (family != AF_INET && family != AF_INET6) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "family must be AF_INET or AF_INET6");
		return -EAFNOSUPPORT;
	}
	a = tb[MCAST_ROUTER_A_GROUP_ADDR];
	err = mcr_nla_get_addr(a, family, &group, extack);
	if (err)
		return err;
	if (!mcr_addr_routable(family, &group)) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "not a routable multicast group (link-local groups are never forwarded)");
		return -EINVAL;
	}
	a = tb[MCAST_ROUTER_A_GROUP_SOURCE];
	if (a) {
		err = mcr_nla_get_addr(a, family, &source, extack);
		if (err)
			return err;
		if (!mcr_addr_unicast(family, &source)) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "the source must be a unicast address");
			return -EINVAL;
		}
	} else if (add && mcr_memb_ssm(family, &group)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_GROUP_ADDR],
				    "a source-specific (SSM) group needs a source");
		return -EINVAL;
	}

	rtnl_lock();
	a = tb[MCAST_ROUTER_A_GROUP_IFINDEX];
	iface = xa_load(&mn->ifaces, nla_get_u32(a));
	cfg = iface ? rtnl_dereference(iface->cfg) : NULL;
	if (!cfg || cfg->mode != MCAST_ROUTER_MODE_ROUTER) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "the interface is not in router mode");
		err = -EINVAL;
		goto out;
	}
	err = mcr_gtable_static(&iface->memb.table, cfg->max_groups,
				cfg->max_sources, family, &group,
				tb[MCAST_ROUTER_A_GROUP_SOURCE] ? &source : NULL,
				add);
	if (err == -EEXIST)
		NL_SET_ERR_MSG(extack, "the static membership exists");
	else if (err == -ENOENT)
		NL_SET_ERR_MSG(extack, "no such static membership");
	else if (err == -ENOSPC)
		NL_SET_ERR_MSG(extack,
			       "the interface's max-groups or max-sources is reached");
out:
	rtnl_unlock();
	return err;
}

/**
 * mcr_group_add_doit() - GROUP_ADD: a static membership
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0 or a negative errno with extack set.
 */
int mcr_group_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	return group_static(info, true);
}

/**
 * mcr_group_del_doit() - GROUP_DEL: remove a static membership
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0 or a negative errno with extack set.
 */
int mcr_group_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	return group_static(info, false);
}
