// SPDX-License-Identifier: GPL-2.0
/*
 * The response cache (see cache.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"

struct cache_entry {
	struct madcap_addr addr;
	uint16_t port;
	uint8_t type;
	uint32_t xid;
	unsigned int id_len;
	uint8_t id[MADCAP_MAX_LEASE_ID];
	int64_t expires;
	size_t len;
	uint8_t *reply;
};

/**
 * cache_init() - make @c an empty cache of at most @cap entries
 * @c: the cache
 * @cap: the most entries, at least 1
 *
 * Return: 0, or -ENOMEM.
 */
int cache_init(struct cache *c, unsigned int cap)
{
	memset(c, 0, sizeof(*c));
	c->ring = calloc(cap ? cap : 1, sizeof(*c->ring));
	if (!c->ring)
		return -ENOMEM;
	c->cap = cap ? cap : 1;
	return 0;
}

static void drop_oldest(struct cache *c)
{
	struct cache_entry *e = &c->ring[c->first];

	free(e->reply);
	e->reply = NULL;
	c->first = (c->first + 1) % c->cap;
	c->n--;
}

/**
 * cache_free() - free every entry and the ring
 * @c: the cache
 */
void cache_free(struct cache *c)
{
	while (c->n)
		drop_oldest(c);
	free(c->ring);
	c->ring = NULL;
}

static bool matches(const struct cache_entry *e, const struct cache_key *k)
{
	return e->xid == k->xid && e->type == k->type && e->port == k->port &&
	       e->id_len == k->id_len && !memcmp(e->id, k->id, k->id_len) &&
	       !madcap_addr_cmp(&e->addr, &k->addr);
}

/**
 * cache_lookup() - the reply cached for a request
 * @c: the cache
 * @k: the request's key
 * @now: Unix time; expired entries never match
 * @len: set to the reply's length when found
 *
 * Return: the reply's bytes (valid until the cache next changes), or NULL.
 */
const void *cache_lookup(const struct cache *c, const struct cache_key *k,
			 int64_t now, size_t *len)
{
	unsigned int i;

	for (i = 0; i < c->n; i++) {
		const struct cache_entry *e = &c->ring[(c->first + i) % c->cap];

		if (e->expires > now && matches(e, k)) {
			*len = e->len;
			return e->reply;
		}
	}
	return NULL;
}

/**
 * cache_put() - remember the reply to a request
 * @c: the cache
 * @k: the request's key
 * @reply: the reply's bytes
 * @len: their length
 * @expires: Unix time the entry stops matching
 *
 * When the cache is full its oldest entry makes room.
 *
 * Return: 0, -EINVAL for an over-long lease identifier, or -ENOMEM.
 */
int cache_put(struct cache *c, const struct cache_key *k, const void *reply,
	      size_t len, int64_t expires)
{
	struct cache_entry *e;
	uint8_t *copy;

	if (k->id_len > MADCAP_MAX_LEASE_ID)
		return -EINVAL;
	copy = malloc(len ? len : 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, reply, len);
	if (c->n == c->cap)
		drop_oldest(c);
	e = &c->ring[(c->first + c->n) % c->cap];
	e->addr = k->addr;
	e->port = k->port;
	e->type = k->type;
	e->xid = k->xid;
	e->id_len = k->id_len;
	memcpy(e->id, k->id, k->id_len);
	e->expires = expires;
	e->len = len;
	e->reply = copy;
	c->n++;
	return 0;
}

/**
 * cache_expire() - drop entries that have expired at @now
 * @c: the cache
 * @now: Unix time
 *
 * Entries are dropped from the oldest while expired (all entries live for
 * the same interval, so that is all of them but after a clock step).
 */
void cache_expire(struct cache *c, int64_t now)
{
	while (c->n && c->ring[c->first].expires <= now)
		drop_oldest(c);
}
