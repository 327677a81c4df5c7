// SPDX-License-Identifier: GPL-2.0
/*
 * Leases and offers in memory (see lease.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lease.h"
#include "log.h"

static unsigned int hash_id(const uint8_t *id, unsigned int len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	unsigned int i;

	for (i = 0; i < len; i++) {
		h ^= id[i];
		h *= 16777619u;
	}
	return h % LEASE_BUCKETS;
}

/**
 * lease_table_init() - make @t an empty table
 * @t: the table
 * @offers: true for the offer table
 */
void lease_table_init(struct lease_table *t, bool offers)
{
	memset(t, 0, sizeof(*t));
	t->offers = offers;
}

/**
 * lease_table_free() - free every entry of @t (their keys are not released:
 *	this is for shutdown, when the scopes go too)
 * @t: the table
 */
void lease_table_free(struct lease_table *t)
{
	while (t->head) {
		struct lease *l = t->head;

		lease_unlink(t, l);
		free(l);
	}
}

/**
 * lease_new() - allocate an entry with no addresses, in no table
 * @sc: its scope
 * @id: its lease identifier
 * @id_len: length of @id, 1..MADCAP_MAX_LEASE_ID
 * @client: the client's address
 * @port: the client's port
 *
 * Return: the entry, or NULL when out of memory or @id_len is out of range.
 */
struct lease *lease_new(struct scope *sc, const uint8_t *id,
			unsigned int id_len, const struct madcap_addr *client,
			uint16_t port)
{
	struct lease *l;

	if (!id_len || id_len > MADCAP_MAX_LEASE_ID)
		return NULL;
	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	l->scope = sc;
	l->id_len = id_len;
	memcpy(l->id, id, id_len);
	l->client = *client;
	l->port = port;
	return l;
}

/**
 * lease_find() - look an entry up by lease identifier
 * @t: the table
 * @id: the lease identifier
 * @id_len: its length
 *
 * Return: the entry, or NULL.
 */
struct lease *lease_find(const struct lease_table *t, const uint8_t *id,
			 unsigned int id_len)
{
	struct lease *l;

	for (l = t->bucket[hash_id(id, id_len)]; l; l = l->hnext)
		if (l->id_len == id_len && !memcmp(l->id, id, id_len))
			return l;
	return NULL;
}

/**
 * lease_insert() - add @l to @t as its newest entry
 * @t: the table
 * @l: the entry (its lease identifier is not in @t yet)
 */
void lease_insert(struct lease_table *t, struct lease *l)
{
	unsigned int h = hash_id(l->id, l->id_len);

	l->hnext = t->bucket[h];
	t->bucket[h] = l;
	l->next = NULL;
	l->prev = t->tail;
	if (t->tail)
		t->tail->next = l;
	else
		t->head = l;
	t->tail = l;
	t->n++;
}

/**
 * lease_unlink() - take @l out of @t (it is not freed, its keys stay held)
 * @t: the table
 * @l: the entry
 */
void lease_unlink(struct lease_table *t, struct lease *l)
{
	struct lease **p = &t->bucket[hash_id(l->id, l->id_len)];

	while (*p && *p != l)
		p = &(*p)->hnext;
	if (*p)
		*p = l->hnext;
	if (l->prev)
		l->prev->next = l->next;
	else
		t->head = l->next;
	if (l->next)
		l->next->prev = l->prev;
	else
		t->tail = l->prev;
	l->prev = NULL;
	l->next = NULL;
	l->hnext = NULL;
	t->n--;
}

/**
 * lease_hold() - mark @l's keys taken in its scope
 * @t: the table @l belongs to (leases or offers, for the scope's counts)
 * @l: the entry
 *
 * Return: 0, or -ENOMEM (nothing is held then).
 */
int lease_hold(const struct lease_table *t, struct lease *l)
{
	struct scope *sc = l->scope;
	unsigned int i;
	int err;

	for (i = 0; i < l->n_ranges; i++) {
		err = alloc_set_add(&sc->taken, l->ranges[i].lo,
				    l->ranges[i].hi);
		if (err) {
			while (i--)
				alloc_set_del(&sc->taken, l->ranges[i].lo,
					      l->ranges[i].hi);
			return err;
		}
	}
	if (t->offers) {
		sc->offered += l->count;
	} else {
		sc->leased += l->count;
		sc->n_leases++;
	}
	return 0;
}

/**
 * lease_unhold() - return @l's keys to its scope
 * @t: the table @l belongs to
 * @l: the entry, held
 *
 * Should splitting a range of the taken set run out of memory, the keys
 * stay taken (never handed out twice) and a warning is logged.
 */
void lease_unhold(const struct lease_table *t, struct lease *l)
{
	struct scope *sc = l->scope;
	unsigned int i;

	for (i = 0; i < l->n_ranges; i++)
		if (alloc_set_del(&sc->taken, l->ranges[i].lo, l->ranges[i].hi))
			pr_warn("out of memory: addresses of scope %s stay taken",
				sc->name);
	if (t->offers) {
		sc->offered -= l->count;
	} else {
		sc->leased -= l->count;
		sc->n_leases--;
	}
}

/**
 * lease_has_key() - whether @l holds @key
 * @l: the entry
 * @key: a key of its scope
 *
 * Return: true if one of its ranges contains @key.
 */
bool lease_has_key(const struct lease *l, uint32_t key)
{
	unsigned int i;

	for (i = 0; i < l->n_ranges; i++)
		if (key >= l->ranges[i].lo && key <= l->ranges[i].hi)
			return true;
	return false;
}

/**
 * lease_active() - whether @l is a current lease
 * @l: the lease
 * @now: Unix time
 *
 * Return: true unless it was released or has ended.
 */
bool lease_active(const struct lease *l, int64_t now)
{
	return !l->released && l->end > now;
}

/**
 * lease_hold_end() - when @l's addresses may be allocated again
 * @l: the lease
 * @extra: EXTRA-ALLOCATION-TIME, seconds
 *
 * Return: Unix time: the release (or the end, if earlier or never
 * released) plus @extra.
 */
int64_t lease_hold_end(const struct lease *l, uint32_t extra)
{
	int64_t t = l->end;

	if (l->released && l->released < t)
		t = l->released;
	return t + extra;
}

/**
 * lease_client_count() - addresses a client holds in current entries
 * @t: the table
 * @client: the client's address (any port)
 * @now: Unix time
 * @skip: an entry not to count (may be NULL)
 *
 * Offers count whole; leases count while lease_active().
 *
 * Return: the number of addresses.
 */
uint64_t lease_client_count(const struct lease_table *t,
			    const struct madcap_addr *client, int64_t now,
			    const struct lease *skip)
{
	const struct lease *l;
	uint64_t n = 0;

	for (l = t->head; l; l = l->next) {
		if (l == skip || madcap_addr_cmp(&l->client, client))
			continue;
		if (t->offers || lease_active(l, now))
			n += l->count;
	}
	return n;
}
