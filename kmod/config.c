// SPDX-License-Identifier: GPL-2.0
/*
 * Per-interface configuration: defaults, the netlink policy of IFACE_SET,
 * cross-field validation, parsing and filling. Nothing here takes a lock or
 * touches a device; callers own the struct mcr_iface_cfg they pass in.
 */

#include <linux/errno.h>
#include <linux/if.h>
#include <linux/inetdevice.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <net/ipv6.h>

#include "compat.h"
#include "config.h"
#include "timers.h"

/*
 * Not const: 6.1's struct nla_policy points to a non-const range (const
 * from 6.2 on). Nothing writes them.
 */

static struct netlink_range_validation mcr_ifindex_range = {
	.min = 1,
	.max = INT_MAX,
};

static struct netlink_range_validation mcr_query_interval_range = {
	.min = MCR_MIN_QUERY_INTERVAL,
	.max = MCR_MAX_QUERY_INTERVAL,
};

static struct netlink_range_validation mcr_qri_range = {
	.min = MCR_MIN_QUERY_RESPONSE_INTERVAL,
	.max = MCR_MAX_QUERY_RESPONSE_INTERVAL,
};

static struct netlink_range_validation mcr_lmqi_range = {
	.min = MCR_MIN_LAST_MEMBER_QUERY_INTERVAL,
	.max = MCR_MAX_LAST_MEMBER_QUERY_INTERVAL,
};

static struct netlink_range_validation mcr_max_groups_range = {
	.min = 0,
	.max = MCR_MAX_GROUPS_LIMIT,
};

static struct netlink_range_validation mcr_max_sources_range = {
	.min = 1,
	.max = MCR_MAX_SOURCES_LIMIT,
};

static const struct nla_policy mcr_prefix_policy[MCAST_ROUTER_A_PREFIX_MAX + 1] = {
	[MCAST_ROUTER_A_PREFIX_FAMILY]	= { .type = NLA_U16 },
	[MCAST_ROUTER_A_PREFIX_ADDR]	= { .type = NLA_BINARY,
					    .len = sizeof(struct in6_addr) },
	[MCAST_ROUTER_A_PREFIX_LEN]	= NLA_POLICY_MAX(NLA_U8, 128),
};

/*
 * The policy of IFACE_SET. GET and DEL use its first entries (up to
 * IFNAME) with a smaller maxattr, so everything else is rejected there.
 */
const struct nla_policy mcr_config_policy[MCAST_ROUTER_A_IFACE_MAX + 1] = {
	[MCAST_ROUTER_A_IFACE_IFINDEX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &mcr_ifindex_range),
	[MCAST_ROUTER_A_IFACE_IFNAME] = { .type = NLA_NUL_STRING,
					  .len = IFNAMSIZ - 1 },
	[MCAST_ROUTER_A_IFACE_MODE] =
		NLA_POLICY_MAX(NLA_U8, MCAST_ROUTER_MODE_MAX),
	[MCAST_ROUTER_A_IFACE_IGMP_VERSION] = NLA_POLICY_RANGE(NLA_U8, 1, 3),
	[MCAST_ROUTER_A_IFACE_MLD_VERSION] = NLA_POLICY_RANGE(NLA_U8, 1, 2),
	[MCAST_ROUTER_A_IFACE_ROBUSTNESS] =
		NLA_POLICY_RANGE(NLA_U8, MCR_MIN_COUNT, MCR_MAX_COUNT),
	[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &mcr_query_interval_range),
	[MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &mcr_qri_range),
	[MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_INTERVAL] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &mcr_lmqi_range),
	[MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT] =
		NLA_POLICY_RANGE(NLA_U8, MCR_MIN_COUNT, MCR_MAX_COUNT),
	[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &mcr_query_interval_range),
	[MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT] =
		NLA_POLICY_RANGE(NLA_U8, MCR_MIN_COUNT, MCR_MAX_COUNT),
	[MCAST_ROUTER_A_IFACE_TTL_THRESHOLD] = { .type = NLA_U8 },
	[MCAST_ROUTER_A_IFACE_BOUNDARIES] =
		NLA_POLICY_NESTED_ARRAY(mcr_prefix_policy),
	[MCAST_ROUTER_A_IFACE_MAX_GROUPS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &mcr_max_groups_range),
	[MCAST_ROUTER_A_IFACE_QUERIER] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCAST_ROUTER_A_IFACE_MAX_SOURCES] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &mcr_max_sources_range),
	[MCAST_ROUTER_A_IFACE_FAST_LEAVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCAST_ROUTER_A_IFACE_DERIVED] =
		NLA_POLICY_MASK(NLA_U32, MCR_DERIVED_ALL),
};
EXPORT_SYMBOL_IF_KUNIT(mcr_config_policy);

/*
 * The scalar values: one table drives parsing and filling, so the two
 * cannot disagree. The size must match both the field and the policy type
 * (the KUnit suites set and read back every field). A derivable value
 * (@derived, an enum mcast_router_derived flag) is 0 in its field while
 * derived, and its value in effect is struct mcr_timers' field at
 * @t_offset, of the same size.
 */
struct mcr_config_scalar {
	u16 attr;
	u16 offset;
	u8 size;
	u8 derived;
	u16 t_offset;
};

#define MCR_U8(_attr, _field) {						\
	.attr = MCAST_ROUTER_A_IFACE_##_attr,				\
	.offset = offsetof(struct mcr_iface_cfg, _field),		\
	.size = sizeof(u8),						\
}

#define MCR_U32(_attr, _field) {					\
	.attr = MCAST_ROUTER_A_IFACE_##_attr,				\
	.offset = offsetof(struct mcr_iface_cfg, _field),		\
	.size = sizeof(u32),						\
}

#define MCR_DERIVED(_attr, _size, _field, _tfield) {			\
	.attr = MCAST_ROUTER_A_IFACE_##_attr,				\
	.offset = offsetof(struct mcr_iface_cfg, _field),		\
	.size = sizeof(_size),						\
	.derived = MCAST_ROUTER_DERIVED_##_attr,			\
	.t_offset = offsetof(struct mcr_timers, _tfield),		\
}

/* The sizes MCR_DERIVED() is given below. */
static_assert(sizeof_field(struct mcr_iface_cfg, startup_query_interval) ==
	      sizeof(u32) && sizeof_field(struct mcr_timers, sqi) == sizeof(u32));
static_assert(sizeof_field(struct mcr_iface_cfg, startup_query_count) ==
	      sizeof(u8) && sizeof_field(struct mcr_timers, sqc) == sizeof(u8));
static_assert(sizeof_field(struct mcr_iface_cfg, last_member_query_count) ==
	      sizeof(u8) && sizeof_field(struct mcr_timers, lmqc) == sizeof(u8));

static const struct mcr_config_scalar mcr_config_scalars[] = {
	MCR_U8(MODE, mode),
	MCR_U8(IGMP_VERSION, igmp_version),
	MCR_U8(MLD_VERSION, mld_version),
	MCR_U8(ROBUSTNESS, robustness),
	MCR_U32(QUERY_INTERVAL, query_interval),
	MCR_U32(QUERY_RESPONSE_INTERVAL, query_response_interval),
	MCR_U32(LAST_MEMBER_QUERY_INTERVAL, last_member_query_interval),
	MCR_DERIVED(LAST_MEMBER_QUERY_COUNT, u8, last_member_query_count,
		    lmqc),
	MCR_DERIVED(STARTUP_QUERY_INTERVAL, u32, startup_query_interval, sqi),
	MCR_DERIVED(STARTUP_QUERY_COUNT, u8, startup_query_count, sqc),
	MCR_U8(TTL_THRESHOLD, ttl_threshold),
	MCR_U32(MAX_GROUPS, max_groups),
	MCR_U8(QUERIER, querier),
	MCR_U32(MAX_SOURCES, max_sources),
	MCR_U8(FAST_LEAVE, fast_leave),
};

static u32 field_get(const void *base, unsigned int offset, u8 size)
{
	const void *field = (const u8 *)base + offset;

	return size == sizeof(u8) ? *(const u8 *)field : *(const u32 *)field;
}

static void field_set(void *base, unsigned int offset, u8 size, u32 value)
{
	void *field = (u8 *)base + offset;

	if (size == sizeof(u8))
		*(u8 *)field = value;
	else
		*(u32 *)field = value;
}

/* The value in effect: the configured one, or the derived one. */
static u32 scalar_value(const struct mcr_config_scalar *s,
			const struct mcr_iface_cfg *cfg,
			const struct mcr_timers *t)
{
	u32 v = field_get(cfg, s->offset, s->size);

	if (s->derived && !v)
		v = field_get(t, s->t_offset, s->size);
	return v;
}

/**
 * mcr_config_derived() - which values of a configuration are derived
 * @cfg: the configuration
 *
 * Return: the enum mcast_router_derived flags of the values that follow
 * the query interval and the robustness (struct mcr_timers).
 */
VISIBLE_IF_KUNIT u32 mcr_config_derived(const struct mcr_iface_cfg *cfg)
{
	u32 derived = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mcr_config_scalars); i++) {
		const struct mcr_config_scalar *s = &mcr_config_scalars[i];

		if (s->derived && !field_get(cfg, s->offset, s->size))
			derived |= s->derived;
	}
	return derived;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_config_derived);

/**
 * mcr_config_init() - set every value to its documented default
 * @cfg: configuration to initialise
 *
 * The startup query interval and count and the last member query count
 * are derived (0).
 */
void mcr_config_init(struct mcr_iface_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->mode = MCR_DEF_MODE;
	cfg->igmp_version = MCR_DEF_IGMP_VERSION;
	cfg->mld_version = MCR_DEF_MLD_VERSION;
	cfg->robustness = MCR_DEF_ROBUSTNESS;
	cfg->query_interval = MCR_DEF_QUERY_INTERVAL;
	cfg->query_response_interval = MCR_DEF_QUERY_RESPONSE_INTERVAL;
	cfg->last_member_query_interval = MCR_DEF_LAST_MEMBER_QUERY_INTERVAL;
	cfg->ttl_threshold = MCR_DEF_TTL_THRESHOLD;
	cfg->max_groups = MCR_DEF_MAX_GROUPS;
	cfg->querier = MCR_DEF_QUERIER;
	cfg->max_sources = MCR_DEF_MAX_SOURCES;
	cfg->fast_leave = MCR_DEF_FAST_LEAVE;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_config_init);

/**
 * mcr_prefix_contains() - whether an address lies inside a prefix
 * @prefix: the prefix
 * @family: AF_INET or AF_INET6, the family of @addr
 * @addr: the address
 *
 * Return: true if @addr has @prefix's family and its first @prefix->len
 * bits equal the prefix's.
 */
bool mcr_prefix_contains(const struct mcr_prefix *prefix, u16 family,
			 const struct mcr_addr *addr)
{
	if (prefix->family != family)
		return false;

	switch (family) {
	case AF_INET:
		return !((addr->ip4 ^ prefix->addr.ip4) &
			 inet_make_mask(prefix->len));
	case AF_INET6:
		return ipv6_prefix_equal(&addr->ip6, &prefix->addr.ip6,
					 prefix->len);
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_prefix_contains);

static bool prefix_equal(const struct mcr_prefix *a,
			 const struct mcr_prefix *b)
{
	if (a->family != b->family || a->len != b->len)
		return false;
	if (a->family == AF_INET)
		return a->addr.ip4 == b->addr.ip4;
	return ipv6_addr_equal(&a->addr.ip6, &b->addr.ip6);
}

static int prefix_from_ipv4(struct mcr_prefix *p, struct nlattr **tb,
			    struct netlink_ext_ack *extack)
{
	if (nla_len(tb[MCAST_ROUTER_A_PREFIX_ADDR]) != sizeof(__be32)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_ADDR],
				    "boundary address must be 4 bytes for AF_INET");
		return -EINVAL;
	}
	if (p->len < 4 || p->len > 32) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_LEN],
				    "boundary prefix length must be 4-32 for AF_INET");
		return -EINVAL;
	}
	p->addr.ip4 = nla_get_in_addr(tb[MCAST_ROUTER_A_PREFIX_ADDR]);
	if (!ipv4_is_multicast(p->addr.ip4)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_ADDR],
				    "boundary address is not multicast");
		return -EINVAL;
	}
	if (p->addr.ip4 & ~inet_make_mask(p->len)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_ADDR],
				    "boundary prefix has host bits set");
		return -EINVAL;
	}
	return 0;
}

static int prefix_from_ipv6(struct mcr_prefix *p, struct nlattr **tb,
			    struct netlink_ext_ack *extack)
{
	struct in6_addr masked;

	if (nla_len(tb[MCAST_ROUTER_A_PREFIX_ADDR]) != sizeof(struct in6_addr)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_ADDR],
				    "boundary address must be 16 bytes for AF_INET6");
		return -EINVAL;
	}
	if (p->len < 8 || p->len > 128) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_LEN],
				    "boundary prefix length must be 8-128 for AF_INET6");
		return -EINVAL;
	}
	p->addr.ip6 = nla_get_in6_addr(tb[MCAST_ROUTER_A_PREFIX_ADDR]);
	if (!ipv6_addr_is_multicast(&p->addr.ip6)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_ADDR],
				    "boundary address is not multicast");
		return -EINVAL;
	}
	ipv6_addr_prefix(&masked, &p->addr.ip6, p->len);
	if (!ipv6_addr_equal(&masked, &p->addr.ip6)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_ADDR],
				    "boundary prefix has host bits set");
		return -EINVAL;
	}
	return 0;
}

static int prefix_from_attr(struct mcr_prefix *p, const struct nlattr *entry,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *tb[MCAST_ROUTER_A_PREFIX_MAX + 1];
	int err;

	err = nla_parse_nested(tb, MCAST_ROUTER_A_PREFIX_MAX, entry,
			       mcr_prefix_policy, extack);
	if (err)
		return err;

	if (NL_REQ_ATTR_CHECK(extack, entry, tb, MCAST_ROUTER_A_PREFIX_FAMILY) ||
	    NL_REQ_ATTR_CHECK(extack, entry, tb, MCAST_ROUTER_A_PREFIX_ADDR) ||
	    NL_REQ_ATTR_CHECK(extack, entry, tb, MCAST_ROUTER_A_PREFIX_LEN)) {
		NL_SET_ERR_MSG(extack,
			       "boundary needs family, address and length");
		return -EINVAL;
	}

	memset(p, 0, sizeof(*p));
	p->family = nla_get_u16(tb[MCAST_ROUTER_A_PREFIX_FAMILY]);
	p->len = nla_get_u8(tb[MCAST_ROUTER_A_PREFIX_LEN]);

	switch (p->family) {
	case AF_INET:
		return prefix_from_ipv4(p, tb, extack);
	case AF_INET6:
		return prefix_from_ipv6(p, tb, extack);
	}
	NL_SET_ERR_MSG_ATTR(extack, tb[MCAST_ROUTER_A_PREFIX_FAMILY],
			    "boundary family must be AF_INET or AF_INET6");
	return -EINVAL;
}

static int parse_boundaries(struct mcr_iface_cfg *cfg,
			    const struct nlattr *nest,
			    struct netlink_ext_ack *extack)
{
	const struct nlattr *entry;
	unsigned int n = 0, i;
	int rem, err;

	nla_for_each_nested(entry, nest, rem) {
		struct mcr_prefix *p = &cfg->boundaries[n];

		if (nla_type(entry) != MCAST_ROUTER_A_BOUNDARIES_ENTRY) {
			NL_SET_ERR_MSG_ATTR(extack, entry,
					    "boundaries may only hold entries");
			return -EINVAL;
		}
		if (n == MCAST_ROUTER_MAX_BOUNDARIES) {
			NL_SET_ERR_MSG_ATTR(extack, entry, "too many boundaries");
			return -E2BIG;
		}
		err = prefix_from_attr(p, entry, extack);
		if (err)
			return err;
		for (i = 0; i < n; i++) {
			if (prefix_equal(&cfg->boundaries[i], p)) {
				NL_SET_ERR_MSG_ATTR(extack, entry,
						    "duplicate boundary prefix");
				return -EEXIST;
			}
		}
		n++;
	}

	memset(&cfg->boundaries[n], 0,
	       (MCAST_ROUTER_MAX_BOUNDARIES - n) * sizeof(cfg->boundaries[0]));
	cfg->n_boundaries = n;
	return 0;
}

/*
 * The attribute to blame for a startup query interval that is too long:
 * the first of those that make it too long that the request carries.
 */
static const struct nlattr *gap_blame(struct nlattr **tb)
{
	static const int attrs[] = {
		MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL,
		MCAST_ROUTER_A_IFACE_QUERY_INTERVAL,
		MCAST_ROUTER_A_IFACE_ROBUSTNESS,
		MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL,
		MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT,
		MCAST_ROUTER_A_IFACE_DERIVED,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(attrs); i++)
		if (tb[attrs[i]])
			return tb[attrs[i]];
	return NULL;
}

/*
 * No membership may expire between this router's own general queries:
 * the longest gap between them (the startup query interval, when longer
 * than the query interval) must be below the group membership interval,
 * and below the other querier present interval, or the other routers of
 * the link would take over between two queries. The second is the
 * shorter; both are named, the first that fails.
 */
static int validate_gap(const struct mcr_iface_cfg *cfg, struct nlattr **tb,
			struct netlink_ext_ack *extack)
{
	struct mcr_timers t;

	mcr_timers_get(cfg, &t);
	if (t.max_gap >= t.gmi) {
		MCR_ERR_MSG_FMT(extack,
				"startup-query-interval must be below the group membership interval (robustness x query-interval + query-response-interval)",
				"startup-query-interval %ums >= group membership interval %ums",
				t.max_gap, t.gmi);
	} else if (t.max_gap >= t.oqpi) {
		MCR_ERR_MSG_FMT(extack,
				"startup-query-interval must be below the other querier present interval (robustness x query-interval + query-response-interval / 2)",
				"startup-query-interval %ums >= other querier present interval %ums",
				t.max_gap, t.oqpi);
	} else {
		return 0;
	}
	NL_SET_BAD_ATTR(extack, gap_blame(tb));
	return -EINVAL;
}

/*
 * A value given together with its DERIVED flag (a GET reply applied back)
 * must be the value derived.
 */
static int validate_derived(const struct mcr_iface_cfg *cfg,
			    struct nlattr **tb, u32 derive,
			    struct netlink_ext_ack *extack)
{
	struct mcr_timers t;
	unsigned int i;

	mcr_timers_get(cfg, &t);
	for (i = 0; i < ARRAY_SIZE(mcr_config_scalars); i++) {
		const struct mcr_config_scalar *s = &mcr_config_scalars[i];
		const struct nlattr *a = tb[s->attr];
		u32 v;

		if (!(s->derived & derive) || !a)
			continue;
		v = s->size == sizeof(u8) ? nla_get_u8(a) : nla_get_u32(a);
		if (v != field_get(&t, s->t_offset, s->size)) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "value given with its derived flag differs from the derived value");
			return -EINVAL;
		}
	}
	return 0;
}

/* Cross-field rules, checked on the configuration a SET would produce. */
static int validate(const struct mcr_iface_cfg *cfg, struct nlattr **tb,
		    struct netlink_ext_ack *extack)
{
	const struct nlattr *qri = tb[MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL];

	if (cfg->query_response_interval >= cfg->query_interval) {
		NL_SET_ERR_MSG_ATTR(extack,
				    qri ?: tb[MCAST_ROUTER_A_IFACE_QUERY_INTERVAL],
				    "query-response-interval must be less than query-interval");
		return -EINVAL;
	}
	if (cfg->igmp_version < 3 &&
	    cfg->query_response_interval > MCR_MAX_QRI_IGMPV2) {
		NL_SET_ERR_MSG_ATTR(extack,
				    qri ?: tb[MCAST_ROUTER_A_IFACE_IGMP_VERSION],
				    "query-response-interval must be at most 25500 ms with IGMPv1/v2");
		return -EINVAL;
	}
	if (cfg->mld_version < 2 &&
	    cfg->query_response_interval > MCR_MAX_QRI_MLDV1) {
		NL_SET_ERR_MSG_ATTR(extack,
				    qri ?: tb[MCAST_ROUTER_A_IFACE_MLD_VERSION],
				    "query-response-interval must be at most 65535 ms with MLDv1");
		return -EINVAL;
	}
	return validate_gap(cfg, tb, extack);
}

/**
 * mcr_config_apply() - apply IFACE_SET attributes to a configuration
 * @cfg: configuration to change; not published (no reader may see it)
 * @tb: attributes parsed and range-checked with mcr_config_policy
 * @extack: receives the reason of a rejection
 *
 * All-or-nothing: the values are applied to a scratch copy, the boundaries
 * and the cross-field rules are checked on the result, and only then is
 * @cfg overwritten. Attributes absent from @tb keep their value; a
 * BOUNDARIES attribute replaces the whole list (empty: clears it); the
 * flags of a DERIVED attribute make those values derived again.
 *
 * Context: process context, may sleep.
 * Return: 0, or a negative errno with @cfg unchanged and @extack set.
 */
int mcr_config_apply(struct mcr_iface_cfg *cfg, struct nlattr **tb,
		     struct netlink_ext_ack *extack)
{
	const struct nlattr *derived = tb[MCAST_ROUTER_A_IFACE_DERIVED];
	u32 derive = derived ? nla_get_u32(derived) : 0;
	struct mcr_iface_cfg *new;
	unsigned int i;
	int err;

	new = kmemdup(cfg, sizeof(*cfg), GFP_KERNEL);
	if (!new)
		return -ENOMEM;

	for (i = 0; i < ARRAY_SIZE(mcr_config_scalars); i++) {
		const struct mcr_config_scalar *s = &mcr_config_scalars[i];
		const struct nlattr *a = tb[s->attr];

		if (s->derived & derive)
			field_set(new, s->offset, s->size, 0);
		else if (a)
			field_set(new, s->offset, s->size,
				  s->size == sizeof(u8) ? nla_get_u8(a) :
							  nla_get_u32(a));
	}

	err = validate_derived(new, tb, derive, extack);
	if (err)
		goto out;

	if (tb[MCAST_ROUTER_A_IFACE_BOUNDARIES]) {
		err = parse_boundaries(new, tb[MCAST_ROUTER_A_IFACE_BOUNDARIES],
				       extack);
		if (err)
			goto out;
	}

	err = validate(new, tb, extack);
	if (err)
		goto out;

	memcpy(cfg, new, offsetof(struct mcr_iface_cfg, rcu));
out:
	kfree(new);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_config_apply);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * mcr_config_parse() - parse an IFACE_SET attribute stream and apply it
 * @cfg: configuration to change, as for mcr_config_apply()
 * @head: first attribute
 * @len: length of the attribute stream
 * @extack: receives the reason of a rejection
 *
 * Parses with the same policy and strictness as the generic netlink core
 * does for IFACE_SET, then calls mcr_config_apply(). For tests.
 *
 * Return: 0, or a negative errno with @cfg unchanged and @extack set.
 */
int mcr_config_parse(struct mcr_iface_cfg *cfg, const struct nlattr *head,
		     int len, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1];
	int err;

	err = nla_parse(tb, MCAST_ROUTER_A_IFACE_MAX, head, len,
			mcr_config_policy, extack);
	if (err)
		return err;
	return mcr_config_apply(cfg, tb, extack);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_config_parse);
#endif

static int fill_prefix(struct sk_buff *skb, const struct mcr_prefix *p)
{
	struct nlattr *entry;
	int alen = p->family == AF_INET ? sizeof(__be32) :
					  sizeof(struct in6_addr);

	entry = nla_nest_start(skb, MCAST_ROUTER_A_BOUNDARIES_ENTRY);
	if (!entry)
		return -EMSGSIZE;
	if (nla_put_u16(skb, MCAST_ROUTER_A_PREFIX_FAMILY, p->family) ||
	    nla_put(skb, MCAST_ROUTER_A_PREFIX_ADDR, alen, &p->addr) ||
	    nla_put_u8(skb, MCAST_ROUTER_A_PREFIX_LEN, p->len)) {
		nla_nest_cancel(skb, entry);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, entry);
	return 0;
}

/**
 * mcr_config_fill() - put a configuration's values into a netlink message
 * @skb: message being built
 * @cfg: configuration
 *
 * Puts MODE, every value (derived ones as in effect), DERIVED and a
 * BOUNDARIES nest (present, possibly empty).
 *
 * Return: 0, or -EMSGSIZE if @skb is too small (partial attributes are
 * left for the caller to cancel with the whole message).
 */
int mcr_config_fill(struct sk_buff *skb, const struct mcr_iface_cfg *cfg)
{
	struct mcr_timers t;
	struct nlattr *nest;
	unsigned int i;

	mcr_timers_get(cfg, &t);
	for (i = 0; i < ARRAY_SIZE(mcr_config_scalars); i++) {
		const struct mcr_config_scalar *s = &mcr_config_scalars[i];
		u32 v = scalar_value(s, cfg, &t);
		int err;

		if (s->size == sizeof(u8))
			err = nla_put_u8(skb, s->attr, v);
		else
			err = nla_put_u32(skb, s->attr, v);
		if (err)
			return err;
	}
	if (nla_put_u32(skb, MCAST_ROUTER_A_IFACE_DERIVED,
			mcr_config_derived(cfg)))
		return -EMSGSIZE;

	nest = nla_nest_start(skb, MCAST_ROUTER_A_IFACE_BOUNDARIES);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < cfg->n_boundaries; i++) {
		if (fill_prefix(skb, &cfg->boundaries[i]))
			return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_config_fill);

/**
 * mcr_config_fill_size() - worst-case size of mcr_config_fill()'s output
 *
 * Return: bytes needed for every value and a full boundary list.
 */
size_t mcr_config_fill_size(void)
{
	size_t size = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mcr_config_scalars); i++)
		size += nla_total_size(mcr_config_scalars[i].size);

	size += nla_total_size(sizeof(u32)) +		/* DERIVED */
		nla_total_size(0) +			/* BOUNDARIES */
		MCAST_ROUTER_MAX_BOUNDARIES *
		(nla_total_size(0) +			/* ENTRY */
		 nla_total_size(sizeof(u16)) +		/* FAMILY */
		 nla_total_size(sizeof(struct in6_addr)) + /* ADDR */
		 nla_total_size(sizeof(u8)));		/* LEN */
	return size;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_config_fill_size);

/**
 * mcr_nla_get_addr() - read an address attribute of the family's length
 * @a: the attribute
 * @family: AF_INET or AF_INET6
 * @addr: set to the address, unused bytes zeroed
 * @extack: reason of a failure
 *
 * Return: 0, or -EINVAL if the length does not match the family.
 */
int mcr_nla_get_addr(const struct nlattr *a, u16 family, struct mcr_addr *addr,
		     struct netlink_ext_ack *extack)
{
	memset(addr, 0, sizeof(*addr));
	if (family == AF_INET && nla_len(a) == sizeof(addr->ip4)) {
		addr->ip4 = nla_get_in_addr(a);
		return 0;
	}
	if (family == AF_INET6 && nla_len(a) == sizeof(addr->ip6)) {
		addr->ip6 = nla_get_in6_addr(a);
		return 0;
	}
	NL_SET_ERR_MSG_ATTR(extack, a,
			    "address length does not match the family");
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_nla_get_addr);

/**
 * mcr_nla_put_addr() - add an address attribute of the family's length
 * @skb: the message
 * @type: the attribute type
 * @family: AF_INET or AF_INET6
 * @addr: the address
 *
 * Return: 0 or -EMSGSIZE.
 */
int mcr_nla_put_addr(struct sk_buff *skb, int type, u16 family,
		     const struct mcr_addr *addr)
{
	if (family == AF_INET)
		return nla_put_in_addr(skb, type, addr->ip4);
	return nla_put_in6_addr(skb, type, &addr->ip6);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_nla_put_addr);

/**
 * mcr_addr_unicast() - whether an address may be a multicast source
 * @family: AF_INET or AF_INET6
 * @a: the address
 *
 * Return: false for multicast, 0.0.0.0/8, 255.255.255.255 and ::.
 */
bool mcr_addr_unicast(u16 family, const struct mcr_addr *a)
{
	if (family == AF_INET)
		return !ipv4_is_multicast(a->ip4) && !ipv4_is_zeronet(a->ip4) &&
		       !ipv4_is_lbcast(a->ip4);
	return !ipv6_addr_is_multicast(&a->ip6) && !ipv6_addr_any(&a->ip6);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_addr_unicast);
