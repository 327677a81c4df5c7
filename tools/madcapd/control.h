/* SPDX-License-Identifier: GPL-2.0 */
/*
 * madcapd's control protocol (mcastctl madcap <-> madcapd).
 *
 * Transport: an AF_UNIX SOCK_SEQPACKET socket (default
 * /run/mcast_router/madcapd.sock, mode 0600). One request datagram, one
 * reply datagram, each a JSON object (json-c on both sides), at most
 * MADCAP_CTL_MAX bytes. Requests that change state are refused unless the
 * peer (SO_PEERCRED) is uid 0.
 *
 * Request:  {"cmd": "<command>", <arguments>}
 * Reply:    {"ok": true, ...results}  or  {"ok": false, "error": "<text>"}
 * A refused request changes nothing; "error" is a sentence for the user
 * (mcastctl prints it as "Error: <text>").
 *
 * Addresses are strings ("239.1.0.0", "ff15::8000:0"), durations are
 * seconds (integers), times are Unix seconds (integers; 0 = never).
 *
 * Commands and arguments (optional ones in brackets):
 *   scope-add      name, first, last, [ttl=32], [lease=2592000],
 *                  [state="active"|"inactive"], [expires=0], [lang="en"]
 *   scope-set      name, then any of ttl, lease, state, expires, lang
 *                  (the range cannot change: delete and add instead)
 *   scope-del      name   (refused while the scope holds leases unless
 *                  "force": true)
 *   scope-show     [name] -> "scopes": [ {name, first, last, ttl, lease,
 *                  state, expires, lang, server, exclusions: [{first,last}],
 *                  total, in_use, offered, free} ]
 *   exclude-add    name, first, last
 *   exclude-del    name, first, last
 *   lease-show     [scope] -> "leases": [ {id (lease id, lowercase hex),
 *                  scope, client (address:port it came from), addresses:
 *                  [..], start, end, released} ]; each address entry is
 *                  one address ("239.1.0.7") or a range of them
 *                  ("239.1.0.0-239.1.0.3"); released is the Unix time of
 *                  the client's RELEASE, 0 if none (a released or ended
 *                  lease is listed until its addresses are free again,
 *                  EXTRA-ALLOCATION-TIME later)
 *   lease-del      address -> deletes the lease holding that address
 *   stats          -> "counters": {discovers, offers, requests, renews,
 *                  releases, acks, naks, informs, errors_total,
 *                  requests_denied, invalid_requests, excessive_clock_skews,
 *                  bad_lease_ids, unsupported_features, dropped_short,
 *                  dropped_version, dropped_options, dropped_nak,
 *                  dropped_type, cache_hits, offers_full, client_cap,
 *                  leases_full, store_failures} (meanings: tools/madcapd/server.h),
 *                  "scopes": [ {name, total, in_use, offered, free} ]
 *   params-show    -> "params": {clock_skew, extra_allocation_time,
 *                  offer_hold, response_cache_interval, max_per_client,
 *                  max_per_request, max_offers, max_cache, max_leases}
 *
 * Scope counts: total = addresses the scope can ever allocate (its size
 * minus reserved and excluded ones); in_use = held by leases, including
 * released and ended ones still in their extra allocation time; offered =
 * held by offers; free = allocatable now.
 *
 * A reply whose list ("scopes", "leases") would exceed MADCAP_CTL_MAX is
 * cut to fit and carries "truncated": true.
 */
#ifndef MADCAPD_CONTROL_H
#define MADCAPD_CONTROL_H

#define MADCAP_CTL_PATH	"/run/mcast_router/madcapd.sock"
#define MADCAP_CTL_MAX	65536

#endif /* MADCAPD_CONTROL_H */
