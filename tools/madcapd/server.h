/* SPDX-License-Identifier: GPL-2.0 */
/*
 * madcapd's state and the MADCAP protocol.
 *
 * struct server holds everything: parameters, the store, scopes, leases,
 * offers, the response cache and counters. server_input() is the protocol
 * (RFC 2730) as a pure function of a datagram, who sent it and the time:
 * no sockets, so the tests drive it directly. state.c loads the state,
 * expires it (server_tick()) and lists the groups to join; admin.c makes
 * the changes the control socket asks for.
 */
#ifndef MADCAPD_SERVER_H
#define MADCAPD_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../madcap/madcap.h"
#include "cache.h"
#include "lease.h"
#include "scope.h"
#include "store.h"

/* RFC 2730 Appendix B constants and madcapd's bounds: the defaults. */
#define SERVER_CLOCK_SKEW	1800	/* CLOCK-SKEW-ALLOWANCE */
#define SERVER_EXTRA_TIME	3600	/* EXTRA-ALLOCATION-TIME */
#define SERVER_OFFER_HOLD	60	/* OFFER-HOLD (RFC: at least 60) */
#define SERVER_CACHE_INTERVAL	60	/* RESPONSE-CACHE-INTERVAL */
#define SERVER_MAX_PER_CLIENT	1024	/* addresses one client may hold */
#define SERVER_MAX_PER_REQUEST	256	/* addresses granted per request */
#define SERVER_MAX_OFFERS	1024	/* offers held at once */
#define SERVER_MAX_CACHE	1024	/* cached responses */
#define SERVER_MAX_LEASES	65536	/* leases held at once, all clients */
#define SERVER_RANGE_MAX	65535	/* addresses per range on the wire */

/* The IPv4 local scope's MADCAP address (239.255.0.0/16, RFC 2730 2.10). */
#define SERVER_V4_LOCAL_GROUP	"239.255.255.254"
/*
 * No IPv6 MADCAP address is published. The default is transient (T=1),
 * site-local (scope 5), group ID 0x2535 (the port number's digits): outside
 * RFC 3307's dynamic IDs, so no scope can ever allocate it.
 */
#define SERVER_V6_GROUP		"ff15::2535"

/**
 * struct server_params - tunables (all configurable on the command line)
 * @clock_skew: CLOCK-SKEW-ALLOWANCE, seconds
 * @extra_time: EXTRA-ALLOCATION-TIME, seconds
 * @offer_hold: OFFER-HOLD, seconds
 * @cache_interval: RESPONSE-CACHE-INTERVAL, seconds
 * @max_per_client: most addresses one client address holds in current
 *	leases and offers together
 * @max_per_request: most addresses granted to one request
 * @max_offers: most offers held at once
 * @max_cache: most responses cached
 * @max_leases: most leases held at once, whatever their clients (client
 *	addresses can be spoofed: this bounds the database)
 * @v6_group: the IPv6 server group (reserved should a scope contain it)
 */
struct server_params {
	uint32_t clock_skew;
	uint32_t extra_time;
	uint32_t offer_hold;
	uint32_t cache_interval;
	uint32_t max_per_client;
	uint32_t max_per_request;
	uint32_t max_offers;
	uint32_t max_cache;
	uint32_t max_leases;
	struct madcap_addr v6_group;
};

/*
 * Counters, in the order "stats" prints them (names as in control.h).
 * Received: discovers, requests, renews, releases, informs (GETINFOs).
 * Sent: offers, acks, naks. A NAK also counts under its error:
 * requests_denied (0), invalid_requests (1), excessive_clock_skews (2),
 * bad_lease_ids (3), unsupported_features (4). errors_total counts NAKs
 * plus datagrams dropped as malformed (dropped_short, dropped_version,
 * dropped_options). dropped_nak: NAKs received (never answered);
 * dropped_type: OFFERs and ACKs received (never answered; an unknown
 * type is answered with NAK Invalid Request, RFC 2730 2.2).
 * cache_hits: requests answered from the response cache. offers_full,
 * client_cap, leases_full: requests refused by those bounds (also in
 * requests_denied).
 * store_failures: commits that failed (the request got a NAK, error 0).
 */
#define SERVER_COUNTERS(X)						\
	X(discovers) X(offers) X(requests) X(renews) X(releases) X(acks) \
	X(naks) X(informs) X(errors_total) X(requests_denied)		\
	X(invalid_requests) X(excessive_clock_skews) X(bad_lease_ids)	\
	X(unsupported_features) X(dropped_short) X(dropped_version)	\
	X(dropped_options) X(dropped_nak) X(dropped_type) X(cache_hits)	\
	X(offers_full) X(client_cap) X(leases_full) X(store_failures)

/** struct server_counters - see SERVER_COUNTERS */
struct server_counters {
#define X(name) uint64_t name;
	SERVER_COUNTERS(X)
#undef X
};

/**
 * struct server_peer - where a datagram came from and went to
 * @addr: the client's address
 * @port: the client's UDP port
 * @local: our address for the reply's Server Identifier: the address the
 *	request was sent to, or the receiving interface's when that was a
 *	group
 * @multicast: the request was sent to a group
 */
struct server_peer {
	struct madcap_addr addr;
	uint16_t port;
	struct madcap_addr local;
	bool multicast;
};

/**
 * struct server - all of madcapd's state
 * @p: parameters
 * @store: the lease store
 * @scopes: scopes
 * @leases: committed leases, mirrored in @store
 * @offers: offers, in memory only
 * @cache: the response cache
 * @c: counters
 * @scope_gen: bumped whenever the set of usable scopes may have changed
 * @is_local: tells whether an address is one of this host's (a REQUEST's
 *	Server Identifier), NULL to compare with the peer's @local only
 * @local_ctx: passed to @is_local
 * @req: scratch: the request being handled
 * @rep: scratch: its reply
 */
struct server {
	struct server_params p;
	struct store *store;
	struct scope_table scopes;
	struct lease_table leases;
	struct lease_table offers;
	struct cache cache;
	struct server_counters c;
	unsigned int scope_gen;
	bool (*is_local)(const struct madcap_addr *a, void *ctx);
	void *local_ctx;
	struct madcap_msg *req, *rep;
};

/* state.c */
void server_params_default(struct server_params *p);
int server_init(struct server *s, const struct server_params *p,
		struct store *st, int64_t now);
void server_fini(struct server *s);
void server_tick(struct server *s, int64_t now);
unsigned int server_groups(const struct server *s, int64_t now,
			   struct madcap_addr *out, unsigned int max);
void server_lease_addrs(const struct lease *l, struct madcap_range *out);
int server_lease_commit(struct server *s, struct lease *l);
int server_lease_remove(struct server *s, struct lease *l);
void server_offer_drop(struct server *s, struct lease *o);

/* server.c */
size_t server_input(struct server *s, const void *buf, size_t len,
		    const struct server_peer *peer, int64_t now, void *out,
		    size_t size);

#endif /* MADCAPD_SERVER_H */
