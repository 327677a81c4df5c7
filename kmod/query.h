/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Queries sent by the querier of an interface: IGMPv1/v2/v3 (RFC 1112,
 * 2236, 3376) and MLDv1/v2 (RFC 2710, 3810), general, group-specific and
 * group-and-source-specific, built whole (link header included) and handed
 * to the device queue. No state: the query engine says what to send.
 */
#ifndef _MCR_QUERY_H
#define _MCR_QUERY_H

#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/types.h>

#include "config.h"

/**
 * struct mcr_query - what one query says
 * @family: AF_INET or AF_INET6
 * @version: IGMP 1-3 or MLD 1-2 (the interface's configured version)
 * @src: the IP source: the interface's IPv4 address, or its IPv6
 *	link-local address
 * @group: the group of a group- or group-and-source-specific query;
 *	NULL: a general query
 * @sources: sources of a group-and-source-specific query (IGMPv3/MLDv2
 *	only), or NULL
 * @n_sources: entries of @sources
 * @max_resp_ms: maximum response time, milliseconds
 * @s_flag: the "suppress router-side processing" flag (v3/MLDv2)
 * @qrv: querier's robustness variable, 1-7 (v3/MLDv2)
 * @qqi_s: querier's query interval, seconds (v3/MLDv2)
 */
struct mcr_query {
	u16 family;
	u8 version;
	struct mcr_addr src;
	const struct mcr_addr *group;
	const struct mcr_addr *sources;
	unsigned int n_sources;
	u32 max_resp_ms;
	bool s_flag;
	u8 qrv;
	u32 qqi_s;
};

struct sk_buff *mcr_query_build(struct net_device *dev,
				const struct mcr_query *q, gfp_t gfp);

#if IS_ENABLED(CONFIG_KUNIT)
/* For the KUnit suites only; static or absent without CONFIG_KUNIT. */
u8 mcr_query_code8(u32 value);
u16 mcr_query_code16(u32 value);
int mcr_query_send(struct net_device *dev, const struct mcr_query *q);
#endif

#endif /* _MCR_QUERY_H */
