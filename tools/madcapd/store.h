/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lease store: one SQLite database in WAL mode with synchronous=FULL,
 * so that each call below that changes something has been committed to
 * stable storage when it returns 0 (a lease is committed before its ACK is
 * sent). The daemon holds an exclusive flock() on the database file: a
 * second madcapd on the same database refuses to start.
 *
 * Tables (addresses as text, times as Unix seconds, 0 = none):
 *   scopes(name, af, first, last, ttl, lease, active, expires, lang)
 *   exclusions(scope, first, last)
 *   leases(id BLOB, scope, client, client_port, start, end, released_at)
 *   lease_addrs(lease, first, last)
 * Exclusions and leases go with their scope, lease_addrs with their lease.
 */
#ifndef MADCAPD_STORE_H
#define MADCAPD_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "../madcap/madcap.h"

struct store;

/** struct store_scope - a scope as stored */
struct store_scope {
	const char *name;
	struct madcap_range range;
	unsigned int ttl;
	uint32_t lease;
	bool active;
	int64_t expires;
	const char *lang;
};

/** struct store_lease - a lease as stored */
struct store_lease {
	const uint8_t *id;
	unsigned int id_len;
	const char *scope;
	struct madcap_addr client;
	uint16_t port;
	int64_t start, end, released;
	unsigned int n_ranges;
	const struct madcap_range *ranges;
};

/**
 * struct store_ops - what store_load() calls for each stored row
 * @scope: a scope (called for all scopes first)
 * @exclusion: an exclusion of a scope already passed to @scope
 * @lease: a lease with its addresses
 *
 * Each returns 0 to go on, or a negative errno to stop the load.
 */
struct store_ops {
	int (*scope)(void *ctx, const struct store_scope *sc);
	int (*exclusion)(void *ctx, const char *scope,
			 const struct madcap_range *r);
	int (*lease)(void *ctx, const struct store_lease *l);
};

int store_open(const char *path, struct store **out);
void store_close(struct store *st);
int store_load(struct store *st, const struct store_ops *ops, void *ctx);
int store_scope_add(struct store *st, const struct store_scope *sc);
int store_scope_update(struct store *st, const struct store_scope *sc);
int store_scope_del(struct store *st, const char *name);
int store_excl_add(struct store *st, const char *scope,
		   const struct madcap_range *r);
int store_excl_del(struct store *st, const char *scope,
		   const struct madcap_range *r);
int store_lease_add(struct store *st, const struct store_lease *l);
int store_lease_update(struct store *st, const uint8_t *id,
		       unsigned int id_len, int64_t end, int64_t released);
int store_lease_del(struct store *st, const uint8_t *id, unsigned int id_len);
int store_exec(struct store *st, const char *sql);

#endif /* MADCAPD_STORE_H */
