// SPDX-License-Identifier: GPL-2.0
/*
 * PROXY_GET and PROXY_NTF: the membership the proxy reports upstream, in
 * GROUP attributes. Read under the proxy's mutex (process context only).
 */

#include <net/genetlink.h>

#include "compat.h"
#include "memb_netlink.h"
#include "monitor_netlink.h"
#include "netns.h"
#include "proxy.h"
#include "proxy_netlink.h"

const struct nla_policy mcr_proxy_policy[MCAST_ROUTER_A_GROUP_FAMILY + 1] = {
	[MCAST_ROUTER_A_GROUP_FAMILY] = { .type = NLA_U16 },
};

static int fill_pgroup(struct sk_buff *skb, struct netlink_callback *cb,
		       int upstream, const struct mcr_pgroup *pg, u8 event)
{
	const struct mcr_sfilter *f = &pg->want;
	struct nlattr *nest;
	unsigned int i;
	void *hdr;

	hdr = mcr_memb_put_hdr(skb, cb, event ? MCAST_ROUTER_CMD_PROXY_NTF :
					  MCAST_ROUTER_CMD_PROXY_GET);
	if (!hdr)
		return -EMSGSIZE;
	if ((event && nla_put_u8(skb, MCAST_ROUTER_A_GROUP_EVENT, event)) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_GROUP_IFINDEX, upstream) ||
	    nla_put_u16(skb, MCAST_ROUTER_A_GROUP_FAMILY, pg->key.family) ||
	    mcr_nla_put_addr(skb, MCAST_ROUTER_A_GROUP_ADDR, pg->key.family,
			     &pg->key.group) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_GROUP_FILTER,
		       f->mode == MCR_FILTER_EXCLUDE ?
		       MCAST_ROUTER_FILTER_EXCLUDE :
		       MCAST_ROUTER_FILTER_INCLUDE) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_GROUP_PROXY_ALL, pg->all) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_GROUP_PROXY_JOINED, pg->joined) ||
	    (pg->error &&
	     nla_put_u32(skb, MCAST_ROUTER_A_GROUP_PROXY_ERROR, pg->error)))
		goto err;
	nest = nla_nest_start(skb, MCAST_ROUTER_A_GROUP_SOURCES);
	if (!nest)
		goto err;
	for (i = 0; i < f->n; i++)
		if (mcr_memb_fill_source(skb, pg->key.family, &f->srcs[i], 0,
					 f->mode == MCR_FILTER_INCLUDE, false))
			goto err;
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
err:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/**
 * mcr_proxy_notify() - announce a change of the upstream membership
 * @mn: the namespace's state
 * @pg: the group, as now reported (for a leave: as it was)
 * @event: enum mcast_router_group_event
 *
 * Context: the proxy's mutex held (process context).
 */
void mcr_proxy_notify(struct mcr_net *mn, const struct mcr_pgroup *pg,
		      u8 event)
{
	struct sk_buff *msg;

	lockdep_assert_held(&mn->proxy.lock);
	rcu_read_lock();
	if (!mcr_monitor_ok(mn->net))
		goto out;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!msg)
		goto out;
	if (fill_pgroup(msg, NULL, mn->proxy.upstream, pg, event)) {
		nlmsg_free(msg);
		goto out;
	}
	mcr_monitor_send(mn->net, msg, GFP_ATOMIC);
out:
	rcu_read_unlock();
}

/**
 * mcr_proxy_get_dumpit() - PROXY_GET: one message per group reported
 * @skb: the reply
 * @cb: the dump; cb->args[0] counts the groups already sent
 *
 * Return: the reply's length, 0 at the end, or a negative errno.
 */
int mcr_proxy_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcr_net *mn = mcr_netns_get(sock_net(skb->sk));
	struct nlattr *tb[MCAST_ROUTER_A_GROUP_FAMILY + 1];
	struct mcr_proxy *p = &mn->proxy;
	const struct mcr_pgroup *pg;
	long i = 0;
	u16 family = 0;
	int err;

	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb,
			  MCAST_ROUTER_A_GROUP_FAMILY, mcr_proxy_policy,
			  cb->extack);
	if (err)
		return err;
	if (tb[MCAST_ROUTER_A_GROUP_FAMILY]) {
		family = nla_get_u16(tb[MCAST_ROUTER_A_GROUP_FAMILY]);
		if (family != AF_INET && family != AF_INET6) {
			NL_SET_ERR_MSG_ATTR(cb->extack,
					    tb[MCAST_ROUTER_A_GROUP_FAMILY],
					    "family must be AF_INET or AF_INET6");
			return -EAFNOSUPPORT;
		}
	}
	mutex_lock(&p->lock);
	list_for_each_entry(pg, &p->groups, list) {
		if (i++ < cb->args[0] || (family && pg->key.family != family))
			continue;
		if (fill_pgroup(skb, cb, p->upstream, pg, 0))
			break;
		cb->args[0] = i;
	}
	mutex_unlock(&p->lock);
	return skb->len;
}
