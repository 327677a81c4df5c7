/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * mcast_router: generic netlink interface between the mcast_router kernel
 * module and userspace (mcastctl). This header is the only ABI between them.
 * Documentation/netlink/mcast_router.yaml describes the same family.
 */
#ifndef _UAPI_LINUX_MCAST_ROUTER_H
#define _UAPI_LINUX_MCAST_ROUTER_H

#define MCAST_ROUTER_GENL_NAME		"mcast_router"
#define MCAST_ROUTER_GENL_VERSION	1
#define MCAST_ROUTER_MCGRP_MONITOR	"monitor"

/* Most administratively scoped boundaries one interface can carry. */
#define MCAST_ROUTER_MAX_BOUNDARIES	32

/* Seconds between the proxy's attempts at a filter the host stack refused. */
#define MCAST_ROUTER_PROXY_RETRY_SECS	10

/**
 * enum mcast_router_origin - who created a forwarding entry
 * @MCAST_ROUTER_ORIGIN_STATIC: mcastctl mfe add
 * @MCAST_ROUTER_ORIGIN_MEMBERSHIP: IGMP/MLD membership: learnt from
 *	traffic on a router-mode or proxy-mode interface; the outgoing
 *	interfaces follow the membership (and include the proxy's upstream
 *	for traffic from a router-mode interface)
 * @MCAST_ROUTER_ORIGIN_PROXY: reserved, not reported: the proxy's entries
 *	are MEMBERSHIP entries
 */
enum mcast_router_origin {
	MCAST_ROUTER_ORIGIN_STATIC,
	MCAST_ROUTER_ORIGIN_MEMBERSHIP,
	MCAST_ROUTER_ORIGIN_PROXY,

	/* private: */
	__MCAST_ROUTER_ORIGIN_MAX,
	MCAST_ROUTER_ORIGIN_MAX = __MCAST_ROUTER_ORIGIN_MAX - 1,
};

/**
 * enum mcast_router_mode - what the module does on an interface
 * @MCAST_ROUTER_MODE_OFF: configured but inactive
 * @MCAST_ROUTER_MODE_ROUTER: IGMP/MLD router side (downstream interface)
 * @MCAST_ROUTER_MODE_PROXY: IGMP/MLD proxy upstream interface
 */
enum mcast_router_mode {
	MCAST_ROUTER_MODE_OFF,
	MCAST_ROUTER_MODE_ROUTER,
	MCAST_ROUTER_MODE_PROXY,

	/* private: */
	__MCAST_ROUTER_MODE_MAX,
	MCAST_ROUTER_MODE_MAX = __MCAST_ROUTER_MODE_MAX - 1,
};

/**
 * enum mcast_router_derived - interface values that follow the query
 *	interval and the robustness until set explicitly
 *	(MCAST_ROUTER_A_IFACE_DERIVED)
 * @MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL: a quarter of the query
 *	interval (RFC 3376 8.6, RFC 3810 9.6)
 * @MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT: the robustness (8.7, 9.7)
 * @MCAST_ROUTER_DERIVED_LAST_MEMBER_QUERY_COUNT: the robustness (8.9, 9.9)
 */
enum mcast_router_derived {
	MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL = 1 << 0,
	MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT = 1 << 1,
	MCAST_ROUTER_DERIVED_LAST_MEMBER_QUERY_COUNT = 1 << 2,
};

/*
 * Commands.
 *
 * IFACE_GET: doit with IFINDEX or IFNAME returns one interface's
 *	configuration; dumpit returns every configured interface of the
 *	caller's network namespace.
 * IFACE_SET: create the interface's configuration (with defaults) if it
 *	does not exist, then apply every attribute given. All-or-nothing.
 * IFACE_DEL: remove the interface's configuration.
 * IFACE_CHANGE_NTF: (monitor group) an interface's configuration after a
 *	change; attributes as IFACE_GET's reply.
 * IFACE_DEL_NTF: (monitor group) a configuration was removed (by IFACE_DEL
 *	or because its device went away); carries IFINDEX and IFNAME.
 * MFE_GET: dump the forwarding table of the caller's namespace; optional
 *	FAMILY, GROUP, SOURCE and IIF attributes filter it.
 * MFE_ADD: add a static entry (FAMILY, GROUP, optional SOURCE, IIF, OIFS).
 *	-EEXIST if the key exists, unless the REPLACE flag attribute is
 *	given, which replaces the outgoing interfaces of an existing static
 *	entry.
 * MFE_DEL: delete entries: FAMILY and GROUP required; SOURCE absent means
 *	the (*,G) entry; IIF absent means any incoming interface.
 * MFE_FLUSH: delete every static entry (of FAMILY, if given).
 * GROUP_GET: dump the IGMP/MLD membership learnt on router-mode interfaces;
 *	optional IFINDEX, FAMILY and ADDR attributes (MCAST_ROUTER_A_GROUP_*)
 *	filter it.
 * QUERIER_GET: dump the querier state of every router-mode interface and
 *	family; optional IFINDEX and FAMILY (MCAST_ROUTER_A_QUERIER_*) filter
 *	it.
 * GROUP_NTF: (monitor group) a group was learnt, changed its filter mode
 *	or forwarded sources, or was forgotten: GROUP_EVENT says which, the
 *	other attributes are GROUP_GET's (only IFINDEX, FAMILY, ADDR for a
 *	leave).
 * QUERIER_NTF: (monitor group) the querier of an interface and family
 *	changed (this router took over or stopped, or another querier was
 *	heard); attributes as QUERIER_GET's reply without STATS.
 * GROUP_ADD: static membership of a router-mode interface (IFINDEX, FAMILY,
 *	ADDR, optional SOURCE; MCAST_ROUTER_A_GROUP_*): traffic of the group
 *	(from SOURCE only, if given) is forwarded to the interface as if a
 *	host had joined, until GROUP_DEL. -EEXIST if already there.
 * GROUP_DEL: remove a static membership added by GROUP_ADD (the same
 *	attributes); -ENOENT if there is none.
 * PROXY_GET: dump the membership the proxy reports on its upstream
 *	interface: one message per group, in MCAST_ROUTER_A_GROUP_*
 *	attributes (IFINDEX the upstream, FAMILY, ADDR, FILTER, SOURCES with
 *	ADDR only, PROXY_ALL, PROXY_JOINED, PROXY_ERROR); optional FAMILY
 *	filters it.
 * PROXY_NTF: (monitor group) the membership reported upstream for a group
 *	was joined, changed or left (GROUP_EVENT); attributes as PROXY_GET's
 *	reply.
 */
enum mcast_router_cmd {
	MCAST_ROUTER_CMD_UNSPEC,
	MCAST_ROUTER_CMD_IFACE_GET,
	MCAST_ROUTER_CMD_IFACE_SET,
	MCAST_ROUTER_CMD_IFACE_DEL,
	MCAST_ROUTER_CMD_IFACE_CHANGE_NTF,
	MCAST_ROUTER_CMD_IFACE_DEL_NTF,
	MCAST_ROUTER_CMD_MFE_GET,
	MCAST_ROUTER_CMD_MFE_ADD,
	MCAST_ROUTER_CMD_MFE_DEL,
	MCAST_ROUTER_CMD_MFE_FLUSH,
	MCAST_ROUTER_CMD_GROUP_GET,
	MCAST_ROUTER_CMD_QUERIER_GET,
	MCAST_ROUTER_CMD_GROUP_NTF,
	MCAST_ROUTER_CMD_QUERIER_NTF,
	MCAST_ROUTER_CMD_GROUP_ADD,
	MCAST_ROUTER_CMD_GROUP_DEL,
	MCAST_ROUTER_CMD_PROXY_GET,
	MCAST_ROUTER_CMD_PROXY_NTF,

	/* private: */
	__MCAST_ROUTER_CMD_MAX,
	MCAST_ROUTER_CMD_MAX = __MCAST_ROUTER_CMD_MAX - 1,
};

/*
 * Interface attributes. All durations are in milliseconds.
 *
 * @MCAST_ROUTER_A_IFACE_IFINDEX: u32, the device's ifindex (key)
 * @MCAST_ROUTER_A_IFACE_IFNAME: string, the device's current name (reply;
 *	accepted instead of IFINDEX in requests)
 * @MCAST_ROUTER_A_IFACE_MODE: u8, enum mcast_router_mode
 * @MCAST_ROUTER_A_IFACE_IGMP_VERSION: u8, 1-3, default 3
 * @MCAST_ROUTER_A_IFACE_MLD_VERSION: u8, 1-2, default 2
 * @MCAST_ROUTER_A_IFACE_ROBUSTNESS: u8, 1-7, default 2
 * @MCAST_ROUTER_A_IFACE_QUERY_INTERVAL: u32 ms, 1000-31744000, default 125000
 * @MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL: u32 ms, 100-3174400,
 *	default 10000; below the query interval; at most 25500 with IGMPv1/v2
 *	and 65535 with MLDv1
 * @MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_INTERVAL: u32 ms, 100-25500,
 *	default 1000
 * @MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT: u8, 1-7, default derived
 *	(the robustness; see DERIVED)
 * @MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL: u32 ms, 1000-31744000,
 *	default derived (a quarter of the query interval; see DERIVED)
 * @MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT: u8, 1-7, default derived (the
 *	robustness; see DERIVED)
 * @MCAST_ROUTER_A_IFACE_TTL_THRESHOLD: u8, 0-255, default 1
 * @MCAST_ROUTER_A_IFACE_BOUNDARIES: nest of MCAST_ROUTER_A_IFACE_BOUNDARY;
 *	in IFACE_SET it replaces the whole list (an empty nest clears it)
 * @MCAST_ROUTER_A_IFACE_MAX_GROUPS: u32, 0-1048576 (0: unlimited),
 *	default 4096
 * @MCAST_ROUTER_A_IFACE_PAD: padding, unused
 * @MCAST_ROUTER_A_IFACE_STATS: nest of MCAST_ROUTER_A_IFACE_STATS_* (reply)
 * @MCAST_ROUTER_A_IFACE_QUERIER: u8, 0-1, default 1: the interface may be
 *	the IGMP/MLD querier of its link (0: it never sends general queries
 *	and leaves the election to the other routers)
 * @MCAST_ROUTER_A_IFACE_MAX_SOURCES: u32, 1-1024, default 64: source
 *	records one group may hold; a record that would exceed it is refused
 *	and counted
 * @MCAST_ROUTER_A_IFACE_FAST_LEAVE: u8, 0-1, default 0: a leave from the
 *	last host tracked for a group removes the group at once, and a leave
 *	while other tracked hosts want it changes nothing (no queries)
 * @MCAST_ROUTER_A_IFACE_DERIVED: u32, enum mcast_router_derived flags.
 *	Replies: which of the three values that RFC 3376 8.6, 8.7 and 8.9
 *	(RFC 3810 9.6, 9.7, 9.9) derive from the query interval and the
 *	robustness are derived; their attributes carry the value in effect.
 *	IFACE_SET: the values whose flag is set become derived again; a
 *	value attribute given in the same request for one of them must equal
 *	the value derived (so a reply applied back as a request changes
 *	nothing). A value given without its flag is set explicitly.
 *
 * IFACE_SET refuses (-EINVAL, with an extack naming the values) a
 * configuration in which a membership could expire between this router's
 * own general queries: while the startup query count is above 1, the
 * startup query interval must be below the other querier present interval
 * (robustness * query interval + query response interval / 2), and so
 * below the group membership interval.
 */
enum {
	MCAST_ROUTER_A_IFACE_UNSPEC,
	MCAST_ROUTER_A_IFACE_IFINDEX,
	MCAST_ROUTER_A_IFACE_IFNAME,
	MCAST_ROUTER_A_IFACE_MODE,
	MCAST_ROUTER_A_IFACE_IGMP_VERSION,
	MCAST_ROUTER_A_IFACE_MLD_VERSION,
	MCAST_ROUTER_A_IFACE_ROBUSTNESS,
	MCAST_ROUTER_A_IFACE_QUERY_INTERVAL,
	MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL,
	MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_INTERVAL,
	MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT,
	MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL,
	MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT,
	MCAST_ROUTER_A_IFACE_TTL_THRESHOLD,
	MCAST_ROUTER_A_IFACE_BOUNDARIES,
	MCAST_ROUTER_A_IFACE_MAX_GROUPS,
	MCAST_ROUTER_A_IFACE_PAD,
	MCAST_ROUTER_A_IFACE_STATS,
	MCAST_ROUTER_A_IFACE_QUERIER,
	MCAST_ROUTER_A_IFACE_MAX_SOURCES,
	MCAST_ROUTER_A_IFACE_FAST_LEAVE,
	MCAST_ROUTER_A_IFACE_DERIVED,

	/* private: */
	__MCAST_ROUTER_A_IFACE_MAX,
	MCAST_ROUTER_A_IFACE_MAX = __MCAST_ROUTER_A_IFACE_MAX - 1,
};

/*
 * Inside MCAST_ROUTER_A_IFACE_BOUNDARIES: each entry is one
 * MCAST_ROUTER_A_BOUNDARIES_ENTRY nest holding a prefix.
 */
enum {
	MCAST_ROUTER_A_BOUNDARIES_UNSPEC,
	MCAST_ROUTER_A_BOUNDARIES_ENTRY,

	/* private: */
	__MCAST_ROUTER_A_BOUNDARIES_MAX,
	MCAST_ROUTER_A_BOUNDARIES_MAX = __MCAST_ROUTER_A_BOUNDARIES_MAX - 1,
};

/*
 * A prefix (administratively scoped boundary).
 *
 * @MCAST_ROUTER_A_PREFIX_FAMILY: u16, AF_INET or AF_INET6
 * @MCAST_ROUTER_A_PREFIX_ADDR: binary, 4 bytes (AF_INET) or 16 (AF_INET6),
 *	network byte order; a multicast address with no host bits set
 * @MCAST_ROUTER_A_PREFIX_LEN: u8, 4-32 (AF_INET) or 8-128 (AF_INET6)
 */
enum {
	MCAST_ROUTER_A_PREFIX_UNSPEC,
	MCAST_ROUTER_A_PREFIX_FAMILY,
	MCAST_ROUTER_A_PREFIX_ADDR,
	MCAST_ROUTER_A_PREFIX_LEN,

	/* private: */
	__MCAST_ROUTER_A_PREFIX_MAX,
	MCAST_ROUTER_A_PREFIX_MAX = __MCAST_ROUTER_A_PREFIX_MAX - 1,
};

/*
 * Per-interface forwarding counters (u64, since the module was loaded or
 * the interface configured). "in" counters count datagrams that arrived on
 * the interface, "out" counters copies meant for it.
 *
 * @..._RX_PACKETS: in: routable multicast datagrams seen by the fast path
 * @..._FORWARDED_PACKETS, @..._FORWARDED_BYTES: out: copies sent
 * @..._WRONG_IIF: in: an entry exists for the (S,G) but not for this
 *	incoming interface
 * @..._NO_ENTRY: in: no entry for the group
 * @..._TTL_EXPIRED: in: TTL / hop limit 1 (0 after the decrement)
 * @..._THRESHOLD_DROPS: out: TTL below the interface's threshold
 * @..._BOUNDARY_DROPS: out: group inside one of the interface's boundaries
 * @..._TX_ERRORS: out: copy could not be made or sent
 * @..._NATIVE_ROUTING: in: not forwarded because the kernel's native
 *	multicast routing (an mroute socket) is active in the namespace
 */
enum {
	MCAST_ROUTER_A_IFACE_STATS_UNSPEC,
	MCAST_ROUTER_A_IFACE_STATS_RX_PACKETS,
	MCAST_ROUTER_A_IFACE_STATS_FORWARDED_PACKETS,
	MCAST_ROUTER_A_IFACE_STATS_FORWARDED_BYTES,
	MCAST_ROUTER_A_IFACE_STATS_WRONG_IIF,
	MCAST_ROUTER_A_IFACE_STATS_NO_ENTRY,
	MCAST_ROUTER_A_IFACE_STATS_TTL_EXPIRED,
	MCAST_ROUTER_A_IFACE_STATS_THRESHOLD_DROPS,
	MCAST_ROUTER_A_IFACE_STATS_BOUNDARY_DROPS,
	MCAST_ROUTER_A_IFACE_STATS_TX_ERRORS,
	MCAST_ROUTER_A_IFACE_STATS_NATIVE_ROUTING,
	MCAST_ROUTER_A_IFACE_STATS_PAD,

	/* private: */
	__MCAST_ROUTER_A_IFACE_STATS_MAX,
	MCAST_ROUTER_A_IFACE_STATS_MAX = __MCAST_ROUTER_A_IFACE_STATS_MAX - 1,
};

/*
 * Forwarding entry (MFE) attributes.
 *
 * @MCAST_ROUTER_A_MFE_FAMILY: u16, AF_INET or AF_INET6
 * @MCAST_ROUTER_A_MFE_GROUP: binary, 4 or 16 bytes; a routable multicast
 *	group (not 224.0.0.0/24, ff01::/16 or ff02::/16)
 * @MCAST_ROUTER_A_MFE_SOURCE: binary, 4 or 16 bytes, unicast; absent: any
 *	source, the (*,G) entry
 * @MCAST_ROUTER_A_MFE_IIF: u32 ifindex of the incoming interface
 * @MCAST_ROUTER_A_MFE_OIFS: nest of MCAST_ROUTER_A_OIFS_IFINDEX (u32), the
 *	outgoing interfaces; no fixed limit
 * @MCAST_ROUTER_A_MFE_ORIGIN: u8, enum mcast_router_origin (reply)
 * @MCAST_ROUTER_A_MFE_AGE: u64, milliseconds since creation (reply)
 * @MCAST_ROUTER_A_MFE_STATS: nest of MCAST_ROUTER_A_MFE_STATS_* (reply)
 * @MCAST_ROUTER_A_MFE_PAD: padding, unused
 * @MCAST_ROUTER_A_MFE_REPLACE: flag (MFE_ADD): replace the outgoing
 *	interfaces of an existing static entry instead of failing with
 *	-EEXIST. (genetlink rejects NLM_F_REPLACE in nlmsg_flags for
 *	families with strict validation, so it is an attribute.)
 */
enum {
	MCAST_ROUTER_A_MFE_UNSPEC,
	MCAST_ROUTER_A_MFE_FAMILY,
	MCAST_ROUTER_A_MFE_GROUP,
	MCAST_ROUTER_A_MFE_SOURCE,
	MCAST_ROUTER_A_MFE_IIF,
	MCAST_ROUTER_A_MFE_OIFS,
	MCAST_ROUTER_A_MFE_ORIGIN,
	MCAST_ROUTER_A_MFE_AGE,
	MCAST_ROUTER_A_MFE_STATS,
	MCAST_ROUTER_A_MFE_PAD,
	MCAST_ROUTER_A_MFE_REPLACE,

	/* private: */
	__MCAST_ROUTER_A_MFE_MAX,
	MCAST_ROUTER_A_MFE_MAX = __MCAST_ROUTER_A_MFE_MAX - 1,
};

enum {
	MCAST_ROUTER_A_OIFS_UNSPEC,
	MCAST_ROUTER_A_OIFS_IFINDEX,

	/* private: */
	__MCAST_ROUTER_A_OIFS_MAX,
	MCAST_ROUTER_A_OIFS_MAX = __MCAST_ROUTER_A_OIFS_MAX - 1,
};

/*
 * Per-entry counters (u64).
 *
 * @..._PACKETS, @..._BYTES: datagrams that matched the entry on its
 *	incoming interface
 * @..._WRONG_IIF: datagrams of the entry's (S,G) on another interface
 * @..._THRESHOLD_DROPS, @..._BOUNDARY_DROPS: copies not sent
 */
enum {
	MCAST_ROUTER_A_MFE_STATS_UNSPEC,
	MCAST_ROUTER_A_MFE_STATS_PACKETS,
	MCAST_ROUTER_A_MFE_STATS_BYTES,
	MCAST_ROUTER_A_MFE_STATS_WRONG_IIF,
	MCAST_ROUTER_A_MFE_STATS_THRESHOLD_DROPS,
	MCAST_ROUTER_A_MFE_STATS_BOUNDARY_DROPS,
	MCAST_ROUTER_A_MFE_STATS_PAD,

	/* private: */
	__MCAST_ROUTER_A_MFE_STATS_MAX,
	MCAST_ROUTER_A_MFE_STATS_MAX = __MCAST_ROUTER_A_MFE_STATS_MAX - 1,
};

/**
 * enum mcast_router_filter - a group's filter mode (RFC 3376 6.2.1)
 * @MCAST_ROUTER_FILTER_INCLUDE: only the listed sources are wanted
 * @MCAST_ROUTER_FILTER_EXCLUDE: every source is wanted except the listed
 *	sources whose timer does not run
 */
enum mcast_router_filter {
	MCAST_ROUTER_FILTER_INCLUDE,
	MCAST_ROUTER_FILTER_EXCLUDE,
};

/**
 * enum mcast_router_group_event - what a GROUP_NTF announces
 * @MCAST_ROUTER_GROUP_EVENT_JOIN: the group was learnt on the interface
 * @MCAST_ROUTER_GROUP_EVENT_LEAVE: the group expired or was left
 * @MCAST_ROUTER_GROUP_EVENT_CHANGE: its filter mode or the sources it
 *	forwards changed
 */
enum mcast_router_group_event {
	MCAST_ROUTER_GROUP_EVENT_JOIN = 1,
	MCAST_ROUTER_GROUP_EVENT_LEAVE,
	MCAST_ROUTER_GROUP_EVENT_CHANGE,
};

/*
 * Membership of one group on one interface (GROUP_GET replies).
 *
 * @MCAST_ROUTER_A_GROUP_IFINDEX: u32, the interface
 * @MCAST_ROUTER_A_GROUP_FAMILY: u16, AF_INET or AF_INET6
 * @MCAST_ROUTER_A_GROUP_ADDR: binary, 4 or 16 bytes, the group
 * @MCAST_ROUTER_A_GROUP_FILTER: u8, enum mcast_router_filter
 * @MCAST_ROUTER_A_GROUP_EXPIRES: u32, ms until the group timer expires (0:
 *	not running; always 0 in INCLUDE mode)
 * @MCAST_ROUTER_A_GROUP_COMPAT: u8, the group's compatibility mode: the
 *	oldest protocol version a host still speaks (IGMP 1-3, MLD 1-2)
 * @MCAST_ROUTER_A_GROUP_REPORTER: binary, 4 or 16 bytes, the source of the
 *	last report that changed or refreshed the group
 * @MCAST_ROUTER_A_GROUP_SOURCES: nest of MCAST_ROUTER_A_SOURCES_ENTRY nests,
 *	each holding MCAST_ROUTER_A_SOURCE_* attributes
 * @MCAST_ROUTER_A_GROUP_AGE: u64, ms since the group was learnt
 * @MCAST_ROUTER_A_GROUP_PAD: padding, unused
 * @MCAST_ROUTER_A_GROUP_HOSTS: nest of MCAST_ROUTER_A_HOSTS_ADDR (binary, 4
 *	or 16 bytes): the hosts whose reports currently want the group
 *	(explicit tracking, at most 64)
 * @MCAST_ROUTER_A_GROUP_EVENT: u8, enum mcast_router_group_event
 *	(GROUP_NTF only)
 * @MCAST_ROUTER_A_GROUP_SOURCE: binary, 4 or 16 bytes, a unicast source
 *	(GROUP_ADD/DEL requests: a static (S,G) membership)
 * @MCAST_ROUTER_A_GROUP_STATIC: u8, 1 if the group has a static
 *	any-source membership (replies); static sources are listed among
 *	the SOURCES with SOURCE_STATIC set
 * @MCAST_ROUTER_A_GROUP_PROXY_ALL: u8, 1 if the proxy reports EXCLUDE({})
 *	(every source) upstream instead of FILTER and SOURCES, the merged
 *	downstream filter: the merge exceeded the router's source limit, or
 *	the host stack refused that source list (PROXY_GET and PROXY_NTF)
 * @MCAST_ROUTER_A_GROUP_PROXY_JOINED: u8, 1 if the group is joined on the
 *	upstream (PROXY_GET and PROXY_NTF); 0 if the host stack refused even
 *	EXCLUDE({}), so nothing is reported for it (PROXY_ERROR says why)
 * @MCAST_ROUTER_A_GROUP_PROXY_ERROR: u32, the errno (positive) the host
 *	stack returned when the merged filter was last applied; absent if it
 *	was accepted. The proxy retries such a group every
 *	MCAST_ROUTER_PROXY_RETRY_SECS seconds (PROXY_GET and PROXY_NTF)
 */
enum {
	MCAST_ROUTER_A_GROUP_UNSPEC,
	MCAST_ROUTER_A_GROUP_IFINDEX,
	MCAST_ROUTER_A_GROUP_FAMILY,
	MCAST_ROUTER_A_GROUP_ADDR,
	MCAST_ROUTER_A_GROUP_FILTER,
	MCAST_ROUTER_A_GROUP_EXPIRES,
	MCAST_ROUTER_A_GROUP_COMPAT,
	MCAST_ROUTER_A_GROUP_REPORTER,
	MCAST_ROUTER_A_GROUP_SOURCES,
	MCAST_ROUTER_A_GROUP_AGE,
	MCAST_ROUTER_A_GROUP_PAD,
	MCAST_ROUTER_A_GROUP_HOSTS,
	MCAST_ROUTER_A_GROUP_EVENT,
	MCAST_ROUTER_A_GROUP_SOURCE,
	MCAST_ROUTER_A_GROUP_STATIC,
	MCAST_ROUTER_A_GROUP_PROXY_ALL,
	MCAST_ROUTER_A_GROUP_PROXY_JOINED,
	MCAST_ROUTER_A_GROUP_PROXY_ERROR,

	/* private: */
	__MCAST_ROUTER_A_GROUP_MAX,
	MCAST_ROUTER_A_GROUP_MAX = __MCAST_ROUTER_A_GROUP_MAX - 1,
};

enum {
	MCAST_ROUTER_A_HOSTS_UNSPEC,
	MCAST_ROUTER_A_HOSTS_ADDR,

	/* private: */
	__MCAST_ROUTER_A_HOSTS_MAX,
	MCAST_ROUTER_A_HOSTS_MAX = __MCAST_ROUTER_A_HOSTS_MAX - 1,
};

enum {
	MCAST_ROUTER_A_SOURCES_UNSPEC,
	MCAST_ROUTER_A_SOURCES_ENTRY,

	/* private: */
	__MCAST_ROUTER_A_SOURCES_MAX,
	MCAST_ROUTER_A_SOURCES_MAX = __MCAST_ROUTER_A_SOURCES_MAX - 1,
};

/*
 * A source record of a group.
 *
 * @MCAST_ROUTER_A_SOURCE_ADDR: binary, 4 or 16 bytes
 * @MCAST_ROUTER_A_SOURCE_EXPIRES: u32, ms until the source timer expires
 *	(0: not running)
 * @MCAST_ROUTER_A_SOURCE_FORWARD: u8, 1 if traffic from the source is
 *	forwarded to the interface (INCLUDE mode, or EXCLUDE mode with the
 *	timer running, or a static source), 0 if it is blocked
 * @MCAST_ROUTER_A_SOURCE_STATIC: u8, 1 for a static source (GROUP_ADD)
 */
enum {
	MCAST_ROUTER_A_SOURCE_UNSPEC,
	MCAST_ROUTER_A_SOURCE_ADDR,
	MCAST_ROUTER_A_SOURCE_EXPIRES,
	MCAST_ROUTER_A_SOURCE_FORWARD,
	MCAST_ROUTER_A_SOURCE_STATIC,

	/* private: */
	__MCAST_ROUTER_A_SOURCE_MAX,
	MCAST_ROUTER_A_SOURCE_MAX = __MCAST_ROUTER_A_SOURCE_MAX - 1,
};

/*
 * The querier state of one interface and family (QUERIER_GET replies).
 *
 * @MCAST_ROUTER_A_QUERIER_IFINDEX: u32, the interface
 * @MCAST_ROUTER_A_QUERIER_FAMILY: u16, AF_INET or AF_INET6
 * @MCAST_ROUTER_A_QUERIER_ADDR: binary, 4 or 16 bytes: the link's querier
 *	(this router's own address when it queries); absent while unknown
 * @MCAST_ROUTER_A_QUERIER_SELF: u8, 1 if this router is the querier
 * @MCAST_ROUTER_A_QUERIER_VERSION: u8, the version of the queries sent
 * @MCAST_ROUTER_A_QUERIER_OTHER_EXPIRES: u32, ms until the other querier
 *	present timer expires (0: not running)
 * @MCAST_ROUTER_A_QUERIER_NEXT_QUERY: u32, ms until this router's next
 *	general query (0: none scheduled)
 * @MCAST_ROUTER_A_QUERIER_STARTUP_LEFT: u8, startup queries still to send
 * @MCAST_ROUTER_A_QUERIER_STATS: nest of MCAST_ROUTER_A_QUERIER_STATS_*
 * @MCAST_ROUTER_A_QUERIER_PAD: padding, unused
 * @MCAST_ROUTER_A_QUERIER_QRV: u8, while another router is the querier:
 *	the robustness of its last query (QRV, RFC 3376 4.1.6, RFC 3810
 *	5.1.8), which this router's timers follow; absent otherwise
 * @MCAST_ROUTER_A_QUERIER_QQI: u32 ms, likewise its query interval (QQIC,
 *	4.1.7, 5.1.9)
 */
enum {
	MCAST_ROUTER_A_QUERIER_UNSPEC,
	MCAST_ROUTER_A_QUERIER_IFINDEX,
	MCAST_ROUTER_A_QUERIER_FAMILY,
	MCAST_ROUTER_A_QUERIER_ADDR,
	MCAST_ROUTER_A_QUERIER_SELF,
	MCAST_ROUTER_A_QUERIER_VERSION,
	MCAST_ROUTER_A_QUERIER_OTHER_EXPIRES,
	MCAST_ROUTER_A_QUERIER_NEXT_QUERY,
	MCAST_ROUTER_A_QUERIER_STARTUP_LEFT,
	MCAST_ROUTER_A_QUERIER_STATS,
	MCAST_ROUTER_A_QUERIER_PAD,
	MCAST_ROUTER_A_QUERIER_QRV,
	MCAST_ROUTER_A_QUERIER_QQI,

	/* private: */
	__MCAST_ROUTER_A_QUERIER_MAX,
	MCAST_ROUTER_A_QUERIER_MAX = __MCAST_ROUTER_A_QUERIER_MAX - 1,
};

/*
 * IGMP (AF_INET) or MLD (AF_INET6) message counters of one interface
 * (u64, since the interface was configured).
 *
 * @..._QUERIES_RX: valid queries received (from this or another router)
 * @..._QUERIES_TX: queries sent (general and specific)
 * @..._REPORTS_RX: valid membership reports received (any version)
 * @..._LEAVES_RX: IGMPv2 leaves / MLDv1 dones received
 * @..._MALFORMED: messages dropped by validation: truncated, bad checksum,
 *	counts beyond the packet, TTL / hop limit not 1, no Router Alert
 *	where required, MLD from a non-link-local source
 * @..._IGNORED: valid messages or records with nothing to do: unknown
 *	types, non-routable or wrong-family groups, IS_EX/TO_EX in the SSM
 *	range, leaves in IGMPv1 compatibility mode
 * @..._REFUSED: records refused by the group or source limit
 */
enum {
	MCAST_ROUTER_A_QUERIER_STATS_UNSPEC,
	MCAST_ROUTER_A_QUERIER_STATS_QUERIES_RX,
	MCAST_ROUTER_A_QUERIER_STATS_QUERIES_TX,
	MCAST_ROUTER_A_QUERIER_STATS_REPORTS_RX,
	MCAST_ROUTER_A_QUERIER_STATS_LEAVES_RX,
	MCAST_ROUTER_A_QUERIER_STATS_MALFORMED,
	MCAST_ROUTER_A_QUERIER_STATS_IGNORED,
	MCAST_ROUTER_A_QUERIER_STATS_REFUSED,
	MCAST_ROUTER_A_QUERIER_STATS_PAD,

	/* private: */
	__MCAST_ROUTER_A_QUERIER_STATS_MAX,
	MCAST_ROUTER_A_QUERIER_STATS_MAX = __MCAST_ROUTER_A_QUERIER_STATS_MAX - 1,
};

#endif /* _UAPI_LINUX_MCAST_ROUTER_H */
