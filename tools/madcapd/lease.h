/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Leases and offers in memory.
 *
 * Both are a struct lease: a lease identifier, a scope, a client and up to
 * MADCAP_MAX_ADDR_RANGES ranges of keys of that scope. They live in two
 * lease tables (hashed by lease identifier), one for committed leases
 * (mirrored in the store) and one for offers (memory only). While an
 * entry is held (lease_hold()) its keys are in its scope's taken set.
 *
 * A lease's addresses stay taken until lease_hold_end(): its end (or its
 * release) plus EXTRA-ALLOCATION-TIME [RFC 2730 App. B]. An offer's stay
 * taken until @hold_until, OFFER-HOLD after it was made.
 */
#ifndef MADCAPD_LEASE_H
#define MADCAPD_LEASE_H

#include <stdbool.h>
#include <stdint.h>

#include "../madcap/madcap.h"
#include "alloc.h"
#include "scope.h"

#define LEASE_BUCKETS	1024

/**
 * struct lease - a lease or an offer
 * @hnext: next entry in the same hash bucket
 * @prev: previous entry in the table's list (oldest first)
 * @next: next entry in the table's list
 * @scope: the scope its addresses come from
 * @id_len: length of @id
 * @id: the Lease Identifier [RFC 2730 3.4]
 * @client: the client's address
 * @port: the client's UDP port
 * @start: Unix time the lease starts
 * @end: Unix time the lease ends
 * @released: Unix time of its RELEASE, 0 if none
 * @hold_until: offers: when the offer lapses
 * @server_id: offers: the Server Identifier the offer carried
 * @count: number of addresses
 * @n_ranges: entries in @ranges
 * @ranges: the addresses, as keys of @scope, lowest first
 */
struct lease {
	struct lease *hnext;
	struct lease *prev, *next;
	struct scope *scope;
	unsigned int id_len;
	uint8_t id[MADCAP_MAX_LEASE_ID];
	struct madcap_addr client;
	uint16_t port;
	int64_t start, end, released;
	int64_t hold_until;
	struct madcap_addr server_id;
	uint32_t count;
	unsigned int n_ranges;
	struct alloc_range ranges[MADCAP_MAX_ADDR_RANGES];
};

/**
 * struct lease_table - leases (or offers) by lease identifier
 * @bucket: hash chains
 * @head: oldest entry
 * @tail: newest entry
 * @n: number of entries
 * @offers: true for the offer table (lease_hold() counts offered keys)
 */
struct lease_table {
	struct lease *bucket[LEASE_BUCKETS];
	struct lease *head, *tail;
	unsigned int n;
	bool offers;
};

void lease_table_init(struct lease_table *t, bool offers);
void lease_table_free(struct lease_table *t);
struct lease *lease_new(struct scope *sc, const uint8_t *id,
			unsigned int id_len, const struct madcap_addr *client,
			uint16_t port);
struct lease *lease_find(const struct lease_table *t, const uint8_t *id,
			 unsigned int id_len);
void lease_insert(struct lease_table *t, struct lease *l);
void lease_unlink(struct lease_table *t, struct lease *l);
int lease_hold(const struct lease_table *t, struct lease *l);
void lease_unhold(const struct lease_table *t, struct lease *l);
bool lease_has_key(const struct lease *l, uint32_t key);
bool lease_active(const struct lease *l, int64_t now);
int64_t lease_hold_end(const struct lease *l, uint32_t extra);
uint64_t lease_client_count(const struct lease_table *t,
			    const struct madcap_addr *client, int64_t now,
			    const struct lease *skip);

#endif /* MADCAPD_LEASE_H */
