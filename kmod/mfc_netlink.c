// SPDX-License-Identifier: GPL-2.0
/*
 * MFE_GET/ADD/DEL/FLUSH. Writers take RTNL (device lookups; the set of
 * configured interfaces cannot change under them) and the table's lock;
 * the dump only RCU.
 */

#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "compat.h"
#include "config.h"
#include "forward.h"
#include "iface.h"
#include "mfc.h"
#include "mfc_netlink.h"
#include "netns.h"

static const struct nla_policy oifs_policy[MCAST_ROUTER_A_OIFS_MAX + 1] = {
	[MCAST_ROUTER_A_OIFS_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* Shared by the four commands; each handler rejects what it does not use. */
const struct nla_policy mcr_mfe_policy[MCAST_ROUTER_A_MFE_MAX + 1] = {
	[MCAST_ROUTER_A_MFE_FAMILY] = { .type = NLA_U16 },
	[MCAST_ROUTER_A_MFE_GROUP] = NLA_POLICY_RANGE(NLA_BINARY, 4, 16),
	[MCAST_ROUTER_A_MFE_SOURCE] = NLA_POLICY_RANGE(NLA_BINARY, 4, 16),
	[MCAST_ROUTER_A_MFE_IIF] = NLA_POLICY_MIN(NLA_U32, 1),
	[MCAST_ROUTER_A_MFE_OIFS] = NLA_POLICY_NESTED(oifs_policy),
	[MCAST_ROUTER_A_MFE_REPLACE] = { .type = NLA_FLAG },
};

/* The first of @types that @tb holds, or NULL. */
static const struct nlattr *first_of(struct nlattr **tb, const int *types,
				     unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (tb[types[i]])
			return tb[types[i]];
	return NULL;
}

/* Reply-only attributes a request must not carry. */
static int reject_reply_attrs(struct nlattr **tb,
			      struct netlink_ext_ack *extack)
{
	static const int reply_only[] = {
		MCAST_ROUTER_A_MFE_ORIGIN, MCAST_ROUTER_A_MFE_AGE,
		MCAST_ROUTER_A_MFE_STATS, MCAST_ROUTER_A_MFE_PAD,
	};
	const struct nlattr *a = first_of(tb, reply_only,
					  ARRAY_SIZE(reply_only));

	if (!a)
		return 0;
	NL_SET_ERR_MSG_ATTR(extack, a, "attribute is only valid in replies");
	return -EINVAL;
}

/* What DEL selects and GET filters with: not the oifs or REPLACE. */
static const struct nlattr *oif_attr(struct nlattr **tb)
{
	static const int oif_attrs[] = {
		MCAST_ROUTER_A_MFE_OIFS, MCAST_ROUTER_A_MFE_REPLACE,
	};

	return first_of(tb, oif_attrs, ARRAY_SIZE(oif_attrs));
}

static int parse_family(struct nlattr **tb, bool required, u16 *family,
			struct netlink_ext_ack *extack)
{
	const struct nlattr *a = tb[MCAST_ROUTER_A_MFE_FAMILY];

	*family = 0;
	if (!a) {
		if (!required)
			return 0;
		NL_SET_ERR_ATTR_MISS(extack, NULL, MCAST_ROUTER_A_MFE_FAMILY);
		NL_SET_ERR_MSG(extack, "family required");
		return -EINVAL;
	}
	*family = nla_get_u16(a);
	if (*family != AF_INET && *family != AF_INET6) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "family must be AF_INET or AF_INET6");
		return -EAFNOSUPPORT;
	}
	return 0;
}

static int parse_group(struct nlattr **tb, u16 family, struct mcr_addr *grp,
		       struct netlink_ext_ack *extack)
{
	const struct nlattr *a = tb[MCAST_ROUTER_A_MFE_GROUP];
	bool mc;
	int err;

	if (!a) {
		NL_SET_ERR_ATTR_MISS(extack, NULL, MCAST_ROUTER_A_MFE_GROUP);
		NL_SET_ERR_MSG(extack, "group required");
		return -EINVAL;
	}
	err = mcr_nla_get_addr(a, family, grp, extack);
	if (err)
		return err;
	mc = family == AF_INET ? ipv4_is_multicast(grp->ip4) :
				 ipv6_addr_is_multicast(&grp->ip6);
	if (!mc) {
		NL_SET_ERR_MSG_ATTR(extack, a, "group is not multicast");
		return -EINVAL;
	}
	if (!mcr_addr_routable(family, grp)) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "group is link-local or interface-local scope and never routed");
		return -EINVAL;
	}
	return 0;
}

/* SOURCE: absent -> (*,G). Present: unicast, not the unspecified address. */
static int parse_source(struct nlattr **tb, u16 family,
			struct mcr_mfe_spec *spec,
			struct netlink_ext_ack *extack)
{
	const struct nlattr *a = tb[MCAST_ROUTER_A_MFE_SOURCE];
	struct mcr_addr *src = &spec->source;
	int err;

	spec->any_source = !a;
	if (!a) {
		memset(src, 0, sizeof(*src));
		return 0;
	}
	err = mcr_nla_get_addr(a, family, src, extack);
	if (err)
		return err;
	if (!mcr_addr_unicast(family, src)) {
		NL_SET_ERR_MSG_ATTR(extack, a, "source must be a unicast address");
		return -EINVAL;
	}
	return 0;
}

static int parse_spec(struct nlattr **tb, struct mcr_mfe_spec *spec,
		      struct netlink_ext_ack *extack)
{
	int err;

	memset(spec, 0, sizeof(*spec));
	err = reject_reply_attrs(tb, extack);
	if (!err)
		err = parse_family(tb, true, &spec->family, extack);
	if (!err)
		err = parse_group(tb, spec->family, &spec->group, extack);
	if (!err)
		err = parse_source(tb, spec->family, spec, extack);
	if (!err && tb[MCAST_ROUTER_A_MFE_IIF])
		spec->iif = nla_get_u32(tb[MCAST_ROUTER_A_MFE_IIF]);
	return err;
}

/*
 * The configured interface of @ifindex, or an ERR_PTR with extack set.
 * Context: RTNL held.
 */
static struct mcr_iface *configured_iface(struct mcr_net *mn, u32 ifindex,
					  const struct nlattr *attr,
					  const char *what,
					  struct netlink_ext_ack *extack)
{
	struct mcr_iface *iface;
	struct net_device *dev;

	ASSERT_RTNL();
	dev = __dev_get_by_index(mn->net, ifindex);
	if (!dev) {
		MCR_ERR_MSG_FMT(extack, "no such device",
				"%s interface %u: no such device", what,
				ifindex);
		NL_SET_BAD_ATTR(extack, attr);
		return ERR_PTR(-ENODEV);
	}
	iface = xa_load(&mn->ifaces, ifindex);
	if (!iface || iface->dev != dev) {
		MCR_ERR_MSG_FMT(extack, "interface not configured",
				"%s interface %s is not configured", what,
				dev->name);
		NL_SET_BAD_ATTR(extack, attr);
		return ERR_PTR(-EINVAL);
	}
	return iface;
}

static struct mcr_oifs *parse_oifs(struct mcr_net *mn, struct nlattr **tb,
				   int iif, struct netlink_ext_ack *extack)
{
	const struct nlattr *nest = tb[MCAST_ROUTER_A_MFE_OIFS];
	struct mcr_iface *iface;
	struct mcr_oifs *oifs;
	const struct nlattr *a;
	unsigned int n = 0, i;
	int rem, err;

	if (nest)
		nla_for_each_nested(a, nest, rem)
			n++;
	oifs = mcr_mfc_oifs_alloc(n, GFP_KERNEL);
	if (!oifs)
		return ERR_PTR(-ENOMEM);
	if (!nest)
		return oifs;

	n = 0;
	nla_for_each_nested(a, nest, rem) {
		u32 ifindex = nla_get_u32(a);

		if (ifindex == iif) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "the incoming interface cannot be an outgoing interface");
			err = -EINVAL;
			goto err;
		}
		iface = configured_iface(mn, ifindex, a, "outgoing", extack);
		if (IS_ERR(iface)) {
			err = PTR_ERR(iface);
			goto err;
		}
		for (i = 0; i < n; i++) {
			if (oifs->ifaces[i] == iface) {
				NL_SET_ERR_MSG_ATTR(extack, a,
						    "duplicate outgoing interface");
				err = -EINVAL;
				goto err;
			}
		}
		oifs->ifaces[n++] = iface;
	}
	return oifs;

err:
	kvfree(oifs);
	return ERR_PTR(err);
}

/**
 * mcr_mfe_add_doit() - MFE_ADD: add a static entry, or with the REPLACE
 *	flag attribute replace the oifs of one
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0 or a negative errno with extack set.
 */
int mcr_mfe_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcr_net *mn = mcr_netns_get(genl_info_net(info));
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **tb = info->attrs;
	struct mcr_mfe_spec spec;
	struct mcr_iface *iif;
	struct mcr_oifs *oifs;
	int err;

	err = parse_spec(tb, &spec, extack);
	if (err)
		return err;
	if (!tb[MCAST_ROUTER_A_MFE_IIF]) {
		NL_SET_ERR_ATTR_MISS(extack, NULL, MCAST_ROUTER_A_MFE_IIF);
		NL_SET_ERR_MSG(extack, "incoming interface required");
		return -EINVAL;
	}

	rtnl_lock();
	iif = configured_iface(mn, spec.iif, tb[MCAST_ROUTER_A_MFE_IIF],
			       "incoming", extack);
	if (IS_ERR(iif)) {
		err = PTR_ERR(iif);
		goto out;
	}
	oifs = parse_oifs(mn, tb, spec.iif, extack);
	if (IS_ERR(oifs)) {
		err = PTR_ERR(oifs);
		goto out;
	}
	err = mcr_mfc_add(&mn->mfc, &spec, oifs, MCAST_ROUTER_ORIGIN_STATIC,
			  nla_get_flag(tb[MCAST_ROUTER_A_MFE_REPLACE]), extack);
	if (err)
		kvfree(oifs);
out:
	rtnl_unlock();
	return err;
}

/**
 * mcr_mfe_del_doit() - MFE_DEL: delete entries
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0, -ENOENT if nothing matched, or a negative errno.
 */
int mcr_mfe_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcr_net *mn = mcr_netns_get(genl_info_net(info));
	struct mcr_mfe_spec spec;
	int err, n;

	err = parse_spec(info->attrs, &spec, info->extack);
	if (err)
		return err;
	if (oif_attr(info->attrs)) {
		NL_SET_ERR_MSG_ATTR(info->extack, oif_attr(info->attrs),
				    "only family, group, source and iif select entries");
		return -EINVAL;
	}

	rtnl_lock();
	n = mcr_mfc_del(&mn->mfc, &spec);
	rtnl_unlock();
	if (!n) {
		NL_SET_ERR_MSG(info->extack, "no such entry");
		return -ENOENT;
	}
	return 0;
}

/**
 * mcr_mfe_flush_doit() - MFE_FLUSH: delete every static entry
 * @skb: the request
 * @info: its attributes (optional FAMILY)
 *
 * Return: 0 or a negative errno.
 */
int mcr_mfe_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcr_net *mn = mcr_netns_get(genl_info_net(info));
	struct nlattr **tb = info->attrs;
	u16 family;
	int err, i;

	for (i = MCAST_ROUTER_A_MFE_GROUP; i <= MCAST_ROUTER_A_MFE_MAX; i++) {
		if (tb[i]) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[i],
					    "flush takes only a family");
			return -EINVAL;
		}
	}
	err = parse_family(tb, false, &family, info->extack);
	if (err)
		return err;

	rtnl_lock();
	mcr_mfc_flush(&mn->mfc, family, false,
		      MCAST_ROUTER_ORIGIN_STATIC);
	rtnl_unlock();
	return 0;
}

/**
 * struct mfe_dump_ctx - MFE_GET dump state, in cb->ctx (48 bytes)
 * @next_id: the entry id to resume from
 * @iif: filter on the incoming ifindex (0: none)
 * @group: filter on the group, if @has_group
 * @source: filter on the source, if @has_source
 * @family: filter on the family (0: none)
 * @has_group: filter on @group
 * @has_source: filter on @source
 */
struct mfe_dump_ctx {
	u32 next_id;
	u32 iif;
	struct mcr_addr group;
	struct mcr_addr source;
	u16 family;
	u8 has_group;
	u8 has_source;
};

static struct mfe_dump_ctx *dump_ctx(struct netlink_callback *cb)
{
	BUILD_BUG_ON(sizeof(struct mfe_dump_ctx) > sizeof(cb->ctx));
	return (struct mfe_dump_ctx *)cb->ctx;
}

/**
 * mcr_mfe_get_start() - MFE_GET dump: parse the filter
 * @cb: the dump; the request's attributes were validated by the core
 *
 * GROUP and SOURCE need FAMILY. SOURCE filters on that source only (the
 * (*,G) entries do not match it).
 *
 * Return: 0 or a negative errno with extack set.
 */
int mcr_mfe_get_start(struct netlink_callback *cb)
{
	struct mfe_dump_ctx *ctx = dump_ctx(cb);
	struct nlattr *tb[MCAST_ROUTER_A_MFE_MAX + 1];
	int err;

	memset(ctx, 0, sizeof(*ctx));
	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, MCAST_ROUTER_A_MFE_MAX,
			  mcr_mfe_policy, cb->extack);
	if (err)
		return err;
	err = reject_reply_attrs(tb, cb->extack);
	if (err)
		return err;
	if (oif_attr(tb)) {
		NL_SET_ERR_MSG_ATTR(cb->extack, oif_attr(tb),
				    "only family, group, source and iif filter the dump");
		return -EINVAL;
	}
	err = parse_family(tb, tb[MCAST_ROUTER_A_MFE_GROUP] ||
			   tb[MCAST_ROUTER_A_MFE_SOURCE],
			   &ctx->family, cb->extack);
	if (err)
		return err;
	if (tb[MCAST_ROUTER_A_MFE_GROUP]) {
		err = mcr_nla_get_addr(tb[MCAST_ROUTER_A_MFE_GROUP], ctx->family,
				       &ctx->group, cb->extack);
		if (err)
			return err;
		ctx->has_group = true;
	}
	if (tb[MCAST_ROUTER_A_MFE_SOURCE]) {
		err = mcr_nla_get_addr(tb[MCAST_ROUTER_A_MFE_SOURCE],
				       ctx->family, &ctx->source,
				       cb->extack);
		if (err)
			return err;
		ctx->has_source = true;
	}
	if (tb[MCAST_ROUTER_A_MFE_IIF])
		ctx->iif = nla_get_u32(tb[MCAST_ROUTER_A_MFE_IIF]);
	return 0;
}

static bool dump_match(const struct mfe_dump_ctx *ctx,
		       const struct mcr_mfe *mfe)
{
	const struct mcr_group_key *key = &mfe->group->key;

	if (ctx->family && key->family != ctx->family)
		return false;
	if (ctx->has_group &&
	    memcmp(&key->group, &ctx->group, sizeof(ctx->group)))
		return false;
	if (ctx->has_source &&
	    (mfe->any_source ||
	     memcmp(&mfe->source, &ctx->source, sizeof(ctx->source))))
		return false;
	return !ctx->iif || mfe->iif == ctx->iif;
}

static int fill_mfe(struct sk_buff *skb, const struct mcr_mfe *mfe,
		    struct netlink_callback *cb)
{
	u32 family = mfe->group->key.family;
	const struct mcr_oifs *oifs;
	struct nlattr *nest;
	unsigned int i;
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &mcr_genl_family, NLM_F_MULTI,
			  MCAST_ROUTER_CMD_MFE_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);

	if (nla_put_u16(skb, MCAST_ROUTER_A_MFE_FAMILY, family) ||
	    mcr_nla_put_addr(skb, MCAST_ROUTER_A_MFE_GROUP, family,
			     &mfe->group->key.group) ||
	    (!mfe->any_source &&
	     mcr_nla_put_addr(skb, MCAST_ROUTER_A_MFE_SOURCE, family, &mfe->source)) ||
	    nla_put_u32(skb, MCAST_ROUTER_A_MFE_IIF, mfe->iif) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_MFE_ORIGIN, mfe->origin) ||
	    nla_put_u64_64bit(skb, MCAST_ROUTER_A_MFE_AGE,
			      jiffies64_to_msecs(get_jiffies_64() - mfe->created),
			      MCAST_ROUTER_A_MFE_PAD))
		goto cancel;

	nest = nla_nest_start(skb, MCAST_ROUTER_A_MFE_OIFS);
	if (!nest)
		goto cancel;
	oifs = rcu_dereference(mfe->oifs);
	for (i = 0; i < oifs->n; i++)
		if (nla_put_u32(skb, MCAST_ROUTER_A_OIFS_IFINDEX,
				oifs->ifaces[i]->dev->ifindex))
			goto cancel;
	nla_nest_end(skb, nest);

	if (mcr_stats_fill(skb, MCAST_ROUTER_A_MFE_STATS, mfe->stats,
			   MCAST_ROUTER_A_MFE_STATS_PAD))
		goto cancel;

	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/**
 * mcr_mfe_get_dumpit() - MFE_GET dump
 * @skb: the reply
 * @cb: the dump; cursor in cb->ctx, the table's generation in cb->seq
 *
 * Return: bytes written, 0 at the end, or a negative errno.
 */
int mcr_mfe_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcr_net *mn = mcr_netns_get(sock_net(skb->sk));
	struct mfe_dump_ctx *ctx = dump_ctx(cb);
	struct mcr_mfe *mfe;
	unsigned long index;
	int err = 0;

	rcu_read_lock();
	cb->seq = READ_ONCE(mn->mfc.generation);
	xa_for_each_start(&mn->mfc.ids, index, mfe, ctx->next_id) {
		if (!dump_match(ctx, mfe))
			continue;
		err = fill_mfe(skb, mfe, cb);
		if (err)
			break;
		ctx->next_id = index + 1;
	}
	rcu_read_unlock();

	if (err && !skb->len)
		return err;
	return skb->len;
}
