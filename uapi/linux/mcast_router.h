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

/**
 * enum mcast_router_origin - who created a forwarding entry
 * @MCAST_ROUTER_ORIGIN_STATIC: mcastctl mfe add
 * @MCAST_ROUTER_ORIGIN_MEMBERSHIP: IGMP/MLD membership (router mode)
 * @MCAST_ROUTER_ORIGIN_PROXY: the proxy's upstream/downstream forwarding
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
 * @MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT: u8, 1-7, default 2
 * @MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL: u32 ms, 1000-31744000,
 *	default 31250 (a quarter of the default query interval)
 * @MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT: u8, 1-7, default 2
 * @MCAST_ROUTER_A_IFACE_TTL_THRESHOLD: u8, 0-255, default 1
 * @MCAST_ROUTER_A_IFACE_BOUNDARIES: nest of MCAST_ROUTER_A_IFACE_BOUNDARY;
 *	in IFACE_SET it replaces the whole list (an empty nest clears it)
 * @MCAST_ROUTER_A_IFACE_MAX_GROUPS: u32, 0-1048576 (0: unlimited),
 *	default 4096
 * @MCAST_ROUTER_A_IFACE_PAD: padding, unused
 * @MCAST_ROUTER_A_IFACE_STATS: nest of MCAST_ROUTER_A_IFACE_STATS_* (reply)
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

#endif /* _UAPI_LINUX_MCAST_ROUTER_H */
