/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An interface's configuration as a value: struct mcr_iface_cfg, its
 * defaults and bounds, and the address types it is made of. Header only;
 * config.c parses, validates and fills it, timers.c derives the timer
 * values from it (and config.c's validation uses those), so both include
 * this and neither includes the other's header for the type.
 */
#ifndef _MCR_IFACE_CFG_H
#define _MCR_IFACE_CFG_H

#include <linux/in6.h>
#include <linux/rcupdate.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/ipv6.h>
#include <linux/mcast_router.h>

/**
 * struct mcr_addr - an IPv4 or IPv6 address; the family is kept next to it
 * @ip4: IPv4 address, network byte order
 * @ip6: IPv6 address
 */
struct mcr_addr {
	union {
		__be32 ip4;
		struct in6_addr ip6;
	};
};

/**
 * mcr_addr_equal() - whether two addresses of one family are the same
 * @family: AF_INET or AF_INET6
 * @a: one address
 * @b: the other
 *
 * Return: true if equal.
 */
static inline bool mcr_addr_equal(u16 family, const struct mcr_addr *a,
				  const struct mcr_addr *b)
{
	if (family == AF_INET)
		return a->ip4 == b->ip4;
	return ipv6_addr_equal(&a->ip6, &b->ip6);
}

/**
 * mcr_addr_len() - the size of a family's address on the wire
 * @family: AF_INET or AF_INET6
 *
 * Return: 4 or 16.
 */
static inline unsigned int mcr_addr_len(u16 family)
{
	return family == AF_INET ? sizeof(__be32) : sizeof(struct in6_addr);
}

/**
 * mcr_addr_read() - read an address from a packet
 * @skb: the packet
 * @off: offset of the address from skb->data
 * @alen: its size, mcr_addr_len()
 * @a: receives it, zero-padded
 *
 * Return: false if the address lies beyond the packet.
 */
static inline bool mcr_addr_read(const struct sk_buff *skb, unsigned int off,
				 unsigned int alen, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	return !skb_copy_bits(skb, off, a, alen);
}

/**
 * mcr_addr_routable() - whether a group may be forwarded at all
 * @family: AF_INET or AF_INET6
 * @group: the destination
 *
 * IPv4: multicast outside 224.0.0.0/24 (link-local). IPv6: multicast with
 * a scope above link-local (scopes 0 reserved, 1 interface-local and 2
 * link-local stay on their link, whatever the flags nibble).
 *
 * Forwarding (forward.c) and membership (memb.c, memb_netlink.c) apply the
 * same rule; it lives with the address type so that neither includes the
 * other for it.
 *
 * Return: true if the group is routable.
 */
static inline bool mcr_addr_routable(u16 family,
				     const struct mcr_addr *group)
{
	switch (family) {
	case AF_INET:
		return ipv4_is_multicast(group->ip4) &&
		       !ipv4_is_local_multicast(group->ip4);
	case AF_INET6:
		return ipv6_addr_is_multicast(&group->ip6) &&
		       IPV6_ADDR_MC_SCOPE(&group->ip6) >
			IPV6_ADDR_SCOPE_LINKLOCAL;
	}
	return false;
}

/**
 * struct mcr_group_key - hash table key of a group (forwarding table,
 *	membership); compared with memcmp, so built by mcr_group_key_init()
 * @group: the group address
 * @family: AF_INET or AF_INET6 (u32: no padding in the key)
 */
struct mcr_group_key {
	struct mcr_addr group;
	u32 family;
};

/**
 * mcr_group_key_init() - build a key, unused bytes zeroed
 * @key: the key
 * @family: AF_INET or AF_INET6
 * @group: the group
 */
static inline void mcr_group_key_init(struct mcr_group_key *key, u16 family,
				      const struct mcr_addr *group)
{
	memset(key, 0, sizeof(*key));
	key->family = family;
	if (family == AF_INET)
		key->group.ip4 = group->ip4;
	else
		key->group.ip6 = group->ip6;
}

/**
 * struct mcr_prefix - an address prefix (administratively scoped boundary)
 * @addr: the prefix, no bits set beyond @len
 * @family: AF_INET or AF_INET6
 * @len: prefix length in bits
 */
struct mcr_prefix {
	struct mcr_addr addr;
	u16 family;
	u8 len;
};

/* Defaults, as documented in the uapi header (durations in ms). */
#define MCR_DEF_MODE				MCAST_ROUTER_MODE_OFF
#define MCR_DEF_IGMP_VERSION			3
#define MCR_DEF_MLD_VERSION			2
#define MCR_DEF_ROBUSTNESS			2
#define MCR_DEF_QUERY_INTERVAL			125000
#define MCR_DEF_QUERY_RESPONSE_INTERVAL		10000
#define MCR_DEF_LAST_MEMBER_QUERY_INTERVAL	1000
#define MCR_DEF_TTL_THRESHOLD			1
#define MCR_DEF_MAX_GROUPS			4096
#define MCR_DEF_QUERIER				1
#define MCR_DEF_MAX_SOURCES			64
#define MCR_DEF_FAST_LEAVE			0

/* Ranges (inclusive); the netlink policy in config.c enforces them. */
#define MCR_MIN_QUERY_INTERVAL			1000
#define MCR_MAX_QUERY_INTERVAL			31744000
#define MCR_MIN_QUERY_RESPONSE_INTERVAL		100
#define MCR_MAX_QUERY_RESPONSE_INTERVAL		3174400
#define MCR_MIN_LAST_MEMBER_QUERY_INTERVAL	100
#define MCR_MAX_LAST_MEMBER_QUERY_INTERVAL	25500
#define MCR_MAX_GROUPS_LIMIT			1048576
#define MCR_MAX_SOURCES_LIMIT			1024
#define MCR_MIN_COUNT				1
#define MCR_MAX_COUNT				7

/* Every enum mcast_router_derived flag. */
#define MCR_DERIVED_ALL	(MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL |	\
			 MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT |	\
			 MCAST_ROUTER_DERIVED_LAST_MEMBER_QUERY_COUNT)

/* Cross-field limits of the older protocol versions' Max Resp fields. */
#define MCR_MAX_QRI_IGMPV2			25500	/* 8 bits of 1/10 s */
#define MCR_MAX_QRI_MLDV1			65535	/* 16 bits of ms */

/**
 * struct mcr_iface_cfg - one interface's configuration
 * @mode: enum mcast_router_mode
 * @igmp_version: IGMP version spoken as querier, 1-3
 * @mld_version: MLD version spoken as querier, 1-2
 * @robustness: robustness variable, 1-7
 * @query_interval: ms between general queries
 * @query_response_interval: max response time of general queries, ms
 * @last_member_query_interval: ms between group-specific queries
 * @last_member_query_count: group-specific queries sent after a leave;
 *	0: derived (struct mcr_timers)
 * @startup_query_interval: ms between the startup general queries; 0:
 *	derived
 * @startup_query_count: general queries sent at startup; 0: derived
 * @ttl_threshold: packets with a lower TTL are not forwarded out
 * @max_groups: group limit of the interface, 0 = unlimited
 * @querier: the interface may be querier (the election decides)
 * @max_sources: source records per group
 * @fast_leave: leaves of a group's last tracked host take effect at once
 * @n_boundaries: used entries of @boundaries
 * @boundaries: administratively scoped boundaries, no duplicates
 * @rcu: frees a published configuration after readers are done
 *
 * Published configurations are immutable: a change builds a new copy and
 * replaces the pointer (see struct mcr_iface).
 */
struct mcr_iface_cfg {
	u8 mode;
	u8 igmp_version;
	u8 mld_version;
	u8 robustness;
	u32 query_interval;
	u32 query_response_interval;
	u32 last_member_query_interval;
	u8 last_member_query_count;
	u8 startup_query_count;
	u8 ttl_threshold;
	u8 n_boundaries;
	u32 startup_query_interval;
	u32 max_groups;
	u8 querier;
	u8 fast_leave;
	u32 max_sources;
	struct mcr_prefix boundaries[MCAST_ROUTER_MAX_BOUNDARIES];
	struct rcu_head rcu;
};

#endif /* _MCR_IFACE_CFG_H */
