/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Multicast scopes in memory: their ranges as 32-bit keys (see alloc.h),
 * the addresses they reserve, exclusions, and what is taken from them.
 *
 * Reserved addresses (never allocated, not counted in a scope's total):
 * - IPv4 scopes inside 239.0.0.0/8 (administratively scoped, RFC 2365):
 *   the top 256 addresses of the scope, last - 255 .. last, which are the
 *   relative addresses [RFC 2365 9] and include the MADCAP server address;
 * - other IPv4 scopes and IPv6 scopes: the MADCAP server address, the
 *   scope's last address minus 1 [RFC 2730 2.10];
 * - the configured IPv6 server group, should it fall inside a scope.
 */
#ifndef MADCAPD_SCOPE_H
#define MADCAPD_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../madcap/madcap.h"
#include "alloc.h"

#define SCOPE_DEFAULT_TTL	32
#define SCOPE_DEFAULT_LEASE	2592000		/* 30 days, as Windows */
#define SCOPE_DEFAULT_LANG	"en"
#define SCOPE_RELATIVE		256		/* RFC 2365 relative addresses */
#define SCOPE_MAX_EXCL		256		/* exclusions per scope */

/**
 * struct scope - one multicast scope
 * @next: next scope in the table (sorted by family, then first address)
 * @name: unique name, also the scope's zone name in a Scope List
 * @lang: language tag of @name
 * @first: scope ID: the first address
 * @last: last address
 * @lo: key of @first
 * @hi: key of @last
 * @ttl: TTL advertised in the Multicast Scope List
 * @lease: longest lease granted, seconds (also the default)
 * @active: false when an administrator turned the scope off
 * @expires: Unix time the scope ends, 0 for never
 * @excl: exclusion ranges as the administrator entered them
 * @n_excl: entries in @excl
 * @blocked: reserved keys and excluded keys
 * @taken: keys held by leases (also released or expired ones still in
 *	their extra allocation time) and by offers
 * @leased: keys held by leases
 * @offered: keys held by offers
 * @n_leases: leases (in any state) in this scope
 */
struct scope {
	struct scope *next;
	char name[MADCAP_MAX_NAME + 1];
	char lang[MADCAP_MAX_LANG + 1];
	struct madcap_addr first, last;
	uint32_t lo, hi;
	uint8_t ttl;
	uint32_t lease;
	bool active;
	int64_t expires;
	struct madcap_range *excl;
	unsigned int n_excl;
	struct alloc_set blocked;
	struct alloc_set taken;
	uint64_t leased, offered;
	unsigned int n_leases;
};

/**
 * struct scope_table - all scopes
 * @head: first scope
 * @n: number of scopes
 * @v6_group: the IPv6 server group, reserved should a scope contain it
 */
struct scope_table {
	struct scope *head;
	unsigned int n;
	struct madcap_addr v6_group;
};

void scope_table_init(struct scope_table *t, const struct madcap_addr *v6);
void scope_table_free(struct scope_table *t);
int scope_check_range(const struct scope_table *t,
		      const struct madcap_range *r, char *err, size_t size);
struct scope *scope_new(const struct scope_table *t, const char *name,
			const struct madcap_range *r);
void scope_insert(struct scope_table *t, struct scope *sc);
void scope_remove(struct scope_table *t, struct scope *sc);
void scope_free(struct scope *sc);
struct scope *scope_find(const struct scope_table *t, const char *name);
struct scope *scope_find_id(const struct scope_table *t,
			    const struct madcap_addr *id);
struct scope *scope_find_addr(const struct scope_table *t,
			      const struct madcap_addr *a, uint32_t *key);
int scope_excl_add(const struct scope_table *t, struct scope *sc,
		   const struct madcap_range *r);
int scope_excl_del(const struct scope_table *t, struct scope *sc,
		   unsigned int i);
int scope_excl_find(const struct scope *sc, const struct madcap_range *r);
int scope_rebuild(const struct scope_table *t, struct scope *sc);
int scope_key(const struct scope *sc, const struct madcap_addr *a,
	      uint32_t *key);
void scope_addr(const struct scope *sc, uint32_t key, struct madcap_addr *a);
void scope_server_addr(const struct scope *sc, struct madcap_addr *a);
bool scope_usable(const struct scope *sc, int64_t now);
uint64_t scope_total(const struct scope *sc);
uint64_t scope_free_count(const struct scope *sc);

#endif /* MADCAPD_SCOPE_H */
