/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The response cache [RFC 2730 2.6]: a request retransmitted within
 * RESPONSE-CACHE-INTERVAL gets the reply already sent, byte for byte, and
 * is not processed again. The key is the client's address and port, the
 * xid, the lease identifier and the message type.
 *
 * The cache is a ring of at most max entries in the order they were made;
 * since all live for the same interval the oldest expires first, and when
 * the ring is full the oldest is dropped (a request it would have answered
 * is then processed again, which the lease table makes harmless: a REQUEST
 * for a lease already committed to the same client gets the same lease).
 */
#ifndef MADCAPD_CACHE_H
#define MADCAPD_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "../madcap/madcap.h"

/** struct cache_key - what identifies a request */
struct cache_key {
	struct madcap_addr addr;
	uint16_t port;
	uint8_t type;
	uint32_t xid;
	unsigned int id_len;
	const uint8_t *id;
};

struct cache_entry;

/**
 * struct cache - the response cache
 * @ring: the entries, @cap of them
 * @cap: the most entries kept
 * @first: index of the oldest entry
 * @n: number of entries
 */
struct cache {
	struct cache_entry *ring;
	unsigned int cap, first, n;
};

int cache_init(struct cache *c, unsigned int cap);
void cache_free(struct cache *c);
const void *cache_lookup(const struct cache *c, const struct cache_key *k,
			 int64_t now, size_t *len);
int cache_put(struct cache *c, const struct cache_key *k, const void *reply,
	      size_t len, int64_t expires);
void cache_expire(struct cache *c, int64_t now);

#endif /* MADCAPD_CACHE_H */
