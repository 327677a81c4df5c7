/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The address-family-independent forwarding core. The IPv4 and IPv6
 * edges (ipv4.c, ipv6.c) parse a datagram into struct mcr_fwd_pkt and
 * hand it here; xmit.c sends the copies.
 */
#ifndef _MCR_FORWARD_H
#define _MCR_FORWARD_H

#include <linux/skbuff.h>
#include <linux/types.h>

#include "config.h"

struct mcr_iface;
struct mcr_net;
struct net;

/**
 * struct mcr_fwd_pkt - what the core needs to know of a datagram
 * @family: AF_INET or AF_INET6
 * @source: source address
 * @group: destination group
 * @ttl: TTL or hop limit as received
 * @len: length of the IP datagram (header included)
 */
struct mcr_fwd_pkt {
	u16 family;
	struct mcr_addr source;
	struct mcr_addr group;
	u8 ttl;
	unsigned int len;
};

/**
 * enum mcr_oif_verdict - what happens to the copy for one oif
 * @MCR_OIF_SEND: send it
 * @MCR_OIF_SKIP: not a candidate (arrival interface, mode off); not counted
 * @MCR_OIF_THRESHOLD: TTL not above the oif's threshold
 * @MCR_OIF_BOUNDARY: group inside one of the oif's boundaries
 */
enum mcr_oif_verdict {
	MCR_OIF_SEND,
	MCR_OIF_SKIP,
	MCR_OIF_THRESHOLD,
	MCR_OIF_BOUNDARY,
};

bool mcr_fwd_mode_active(u8 mode);
bool mcr_fwd_native_active(const struct net *net);
bool mcr_fwd_in_boundary(const struct mcr_iface_cfg *cfg, u16 family,
			 const struct mcr_addr *group);
void mcr_fwd_input(struct net *net, struct sk_buff *skb,
		   const struct mcr_fwd_pkt *pkt);
int mcr_fwd_xmit(struct net *net, struct sk_buff *orig,
		 struct net_device *in, struct net_device *out, u16 family);

#if IS_ENABLED(CONFIG_KUNIT)
/* For the KUnit suites only; static without CONFIG_KUNIT. */
bool mcr_fwd_ttl_passes(u8 ttl, u8 threshold);
enum mcr_oif_verdict mcr_fwd_oif_decide(const struct mcr_iface_cfg *cfg,
					bool is_arrival,
					const struct mcr_fwd_pkt *pkt);
#endif

#endif /* _MCR_FORWARD_H */
