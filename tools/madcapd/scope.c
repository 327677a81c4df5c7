// SPDX-License-Identifier: GPL-2.0
/*
 * Multicast scopes in memory (see scope.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scope.h"

#define V4_LOCAL_CONTROL_LAST	0xE00000FFu	/* 224.0.0.255 */
#define V4_SSM_FIRST		0xE8000000u	/* 232.0.0.0 */
#define V4_SSM_LAST		0xE8FFFFFFu	/* 232.255.255.255 */
#define V6_DYNAMIC_FIRST	0x80000000u	/* RFC 3307 4.3 */
#define V6_PREFIX_LEN		12		/* bytes shared by a scope */

/* The key of an address: IPv4 host order, IPv6 group ID (low 32 bits). */
static uint32_t raw_key(const struct madcap_addr *a)
{
	uint32_t k;

	if (a->af == MADCAP_AF_IPV4)
		return ntohl(a->v4.s_addr);
	memcpy(&k, &a->v6.s6_addr[V6_PREFIX_LEN], sizeof(k));
	return ntohl(k);
}

static bool same_prefix(const struct madcap_addr *a,
			const struct madcap_addr *b)
{
	if (a->af != b->af)
		return false;
	return a->af == MADCAP_AF_IPV4 ||
	       !memcmp(a->v6.s6_addr, b->v6.s6_addr, V6_PREFIX_LEN);
}

static bool in_239(uint32_t k)
{
	return (k >> 24) == 239;
}

/**
 * scope_table_init() - make @t an empty table
 * @t: the table
 * @v6: the IPv6 server group, reserved in any scope containing it (may be
 *	NULL)
 */
void scope_table_init(struct scope_table *t, const struct madcap_addr *v6)
{
	memset(t, 0, sizeof(*t));
	if (v6)
		t->v6_group = *v6;
}

/**
 * scope_table_free() - free every scope of @t
 * @t: the table
 */
void scope_table_free(struct scope_table *t)
{
	while (t->head) {
		struct scope *sc = t->head;

		scope_remove(t, sc);
		scope_free(sc);
	}
}

/**
 * scope_check_range() - whether @r may become a new scope
 * @t: existing scopes (a new scope may overlap none)
 * @r: the proposed range
 * @err: where to write the reason for a refusal, a sentence
 * @size: size of @err
 *
 * Return: 0 if the range is acceptable, -EINVAL with @err set if not.
 */
int scope_check_range(const struct scope_table *t,
		      const struct madcap_range *r, char *err, size_t size)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	char oa[INET6_ADDRSTRLEN], ob[INET6_ADDRSTRLEN];
	uint32_t lo, hi;
	struct scope *o;

	if (r->first.af != r->last.af) {
		snprintf(err, size,
			 "The first and last addresses of a scope must be of the same family.");
		return -EINVAL;
	}
	madcap_addr_str(&r->first, a, sizeof(a));
	madcap_addr_str(&r->last, b, sizeof(b));
	lo = raw_key(&r->first);
	hi = raw_key(&r->last);
	if (r->first.af == MADCAP_AF_IPV4) {
		if (!IN_MULTICAST(lo) || !IN_MULTICAST(hi)) {
			snprintf(err, size,
				 "%s-%s is not a multicast range (224.0.0.0/4).", a, b);
			return -EINVAL;
		}
		if (lo > hi)
			goto reversed;
		if (lo <= V4_LOCAL_CONTROL_LAST) {
			snprintf(err, size,
				 "%s-%s overlaps 224.0.0.0/24, the local network control block, which is never allocated.", a, b);
			return -EINVAL;
		}
		if (lo <= V4_SSM_LAST && hi >= V4_SSM_FIRST) {
			snprintf(err, size,
				 "%s-%s overlaps 232.0.0.0/8, the source-specific multicast block (RFC 4607), whose addresses need no allocation.", a, b);
			return -EINVAL;
		}
		if (in_239(lo) != in_239(hi)) {
			snprintf(err, size,
				 "%s-%s straddles the edge of 239.0.0.0/8 (administratively scoped addresses): split it in two scopes.", a, b);
			return -EINVAL;
		}
		if (in_239(lo) && hi - lo < SCOPE_RELATIVE) {
			snprintf(err, size,
				 "%s-%s leaves no address to allocate: the top 256 addresses of a scope in 239.0.0.0/8 are reserved (RFC 2365 relative addresses); make it larger than 256 addresses.", a, b);
			return -EINVAL;
		}
	} else if (r->first.af == MADCAP_AF_IPV6) {
		uint8_t flags = r->first.v6.s6_addr[1] >> 4;
		uint8_t scop = r->first.v6.s6_addr[1] & 0xf;

		if (r->first.v6.s6_addr[0] != 0xff ||
		    r->last.v6.s6_addr[0] != 0xff) {
			snprintf(err, size,
				 "%s-%s is not a multicast range (ff00::/8).", a, b);
			return -EINVAL;
		}
		if (!same_prefix(&r->first, &r->last)) {
			snprintf(err, size,
				 "%s and %s must differ only in their last 32 bits (the group ID, RFC 3307).", a, b);
			return -EINVAL;
		}
		if (!(flags & 1)) {
			snprintf(err, size,
				 "%s is not a transient address: dynamically allocated IPv6 groups have the T flag set (ff1X::, ff3X::).", a);
			return -EINVAL;
		}
		if (scop == 0 || scop == 0xf) {
			snprintf(err, size,
				 "%s has a reserved scope value (%x).", a, scop);
			return -EINVAL;
		}
		if (lo > hi)
			goto reversed;
		if (lo < V6_DYNAMIC_FIRST) {
			snprintf(err, size,
				 "%s-%s is outside the dynamic group IDs 0x80000000-0xFFFFFFFF (RFC 3307).", a, b);
			return -EINVAL;
		}
	} else {
		snprintf(err, size,
			 "Unknown address family.");
		return -EINVAL;
	}
	if (hi == lo) {
		snprintf(err, size,
			 "%s-%s leaves no address to allocate: a scope's last address minus 1 is its MADCAP server address.", a, b);
		return -EINVAL;
	}
	for (o = t->head; o; o = o->next) {
		if (!same_prefix(&o->first, &r->first) || lo > o->hi ||
		    o->lo > hi)
			continue;
		snprintf(err, size,
			 "%s-%s overlaps scope \"%s\" (%s-%s).", a, b,
			 o->name, madcap_addr_str(&o->first, oa, sizeof(oa)),
			 madcap_addr_str(&o->last, ob, sizeof(ob)));
		return -EINVAL;
	}
	return 0;

reversed:
	snprintf(err, size,
		 "The first address %s comes after the last address %s.", a, b);
	return -EINVAL;
}

/**
 * scope_new() - allocate a scope with defaults, not yet in any table
 * @t: the table it will join (for its reserved addresses)
 * @name: its name (truncated to MADCAP_MAX_NAME bytes)
 * @r: its range, checked with scope_check_range()
 *
 * Return: the scope, or NULL when out of memory.
 */
struct scope *scope_new(const struct scope_table *t, const char *name,
			const struct madcap_range *r)
{
	struct scope *sc = calloc(1, sizeof(*sc));

	if (!sc)
		return NULL;
	snprintf(sc->name, sizeof(sc->name), "%s", name);
	snprintf(sc->lang, sizeof(sc->lang), "%s", SCOPE_DEFAULT_LANG);
	sc->first = r->first;
	sc->last = r->last;
	sc->lo = raw_key(&r->first);
	sc->hi = raw_key(&r->last);
	sc->ttl = SCOPE_DEFAULT_TTL;
	sc->lease = SCOPE_DEFAULT_LEASE;
	sc->active = true;
	alloc_set_init(&sc->blocked);
	alloc_set_init(&sc->taken);
	if (scope_rebuild(t, sc)) {
		scope_free(sc);
		return NULL;
	}
	return sc;
}

/**
 * scope_free() - free a scope that is in no table
 * @sc: the scope
 */
void scope_free(struct scope *sc)
{
	alloc_set_free(&sc->blocked);
	alloc_set_free(&sc->taken);
	free(sc->excl);
	free(sc);
}

static int scope_order(const struct scope *a, const struct scope *b)
{
	if (a->first.af != b->first.af)
		return a->first.af < b->first.af ? -1 : 1;
	return madcap_addr_cmp(&a->first, &b->first);
}

/**
 * scope_insert() - add @sc to @t, keeping the table sorted
 * @t: the table
 * @sc: the scope
 */
void scope_insert(struct scope_table *t, struct scope *sc)
{
	struct scope **p = &t->head;

	while (*p && scope_order(*p, sc) < 0)
		p = &(*p)->next;
	sc->next = *p;
	*p = sc;
	t->n++;
}

/**
 * scope_remove() - take @sc out of @t (it is not freed)
 * @t: the table
 * @sc: the scope
 */
void scope_remove(struct scope_table *t, struct scope *sc)
{
	struct scope **p;

	for (p = &t->head; *p; p = &(*p)->next) {
		if (*p == sc) {
			*p = sc->next;
			sc->next = NULL;
			t->n--;
			return;
		}
	}
}

/**
 * scope_find() - look a scope up by name
 * @t: the table
 * @name: the name
 *
 * Return: the scope, or NULL.
 */
struct scope *scope_find(const struct scope_table *t, const char *name)
{
	struct scope *sc;

	for (sc = t->head; sc; sc = sc->next)
		if (!strcmp(sc->name, name))
			return sc;
	return NULL;
}

/**
 * scope_find_id() - look a scope up by its scope ID (first address)
 * @t: the table
 * @id: the scope ID
 *
 * Return: the scope, or NULL.
 */
struct scope *scope_find_id(const struct scope_table *t,
			    const struct madcap_addr *id)
{
	struct scope *sc;

	for (sc = t->head; sc; sc = sc->next)
		if (sc->first.af == id->af && !madcap_addr_cmp(&sc->first, id))
			return sc;
	return NULL;
}

/**
 * scope_find_addr() - find the scope containing an address
 * @t: the table
 * @a: the address
 * @key: set to the address's key when found (may be NULL)
 *
 * Return: the scope, or NULL.
 */
struct scope *scope_find_addr(const struct scope_table *t,
			      const struct madcap_addr *a, uint32_t *key)
{
	struct scope *sc;
	uint32_t k;

	for (sc = t->head; sc; sc = sc->next) {
		if (!scope_key(sc, a, &k)) {
			if (key)
				*key = k;
			return sc;
		}
	}
	return NULL;
}

/**
 * scope_rebuild() - recompute @sc's blocked keys (reserved + exclusions)
 * @t: the table (for the IPv6 server group)
 * @sc: the scope
 *
 * Return: 0, or -ENOMEM (the old set is kept then).
 */
int scope_rebuild(const struct scope_table *t, struct scope *sc)
{
	struct alloc_set b;
	uint32_t k1, k2;
	unsigned int i;
	int err = 0;

	alloc_set_init(&b);
	if (sc->first.af == MADCAP_AF_IPV4 && in_239(sc->lo))
		err = alloc_set_add(&b, sc->hi - (SCOPE_RELATIVE - 1), sc->hi);
	else
		err = alloc_set_add(&b, sc->hi - 1, sc->hi - 1);
	if (!err && t->v6_group.af == MADCAP_AF_IPV6 &&
	    !scope_key(sc, &t->v6_group, &k1))
		err = alloc_set_add(&b, k1, k1);
	for (i = 0; !err && i < sc->n_excl; i++) {
		if (scope_key(sc, &sc->excl[i].first, &k1) ||
		    scope_key(sc, &sc->excl[i].last, &k2))
			continue;
		err = alloc_set_add(&b, k1, k2);
	}
	if (err) {
		alloc_set_free(&b);
		return err;
	}
	alloc_set_free(&sc->blocked);
	sc->blocked = b;
	return 0;
}

/**
 * scope_excl_find() - the index of an exclusion equal to @r
 * @sc: the scope
 * @r: the exclusion
 *
 * Return: the index in @sc->excl, or -1.
 */
int scope_excl_find(const struct scope *sc, const struct madcap_range *r)
{
	unsigned int i;

	for (i = 0; i < sc->n_excl; i++)
		if (!madcap_addr_cmp(&sc->excl[i].first, &r->first) &&
		    !madcap_addr_cmp(&sc->excl[i].last, &r->last))
			return i;
	return -1;
}

/**
 * scope_excl_add() - add an exclusion (checked by the caller) to @sc
 * @t: the table
 * @sc: the scope
 * @r: the exclusion, inside the scope
 *
 * Return: 0, -ENOSPC past SCOPE_MAX_EXCL, -ENOMEM (nothing changed then).
 */
int scope_excl_add(const struct scope_table *t, struct scope *sc,
		   const struct madcap_range *r)
{
	struct madcap_range *v;

	if (sc->n_excl >= SCOPE_MAX_EXCL)
		return -ENOSPC;
	v = realloc(sc->excl, (sc->n_excl + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	sc->excl = v;
	sc->excl[sc->n_excl++] = *r;
	if (scope_rebuild(t, sc)) {
		sc->n_excl--;
		return -ENOMEM;
	}
	return 0;
}

/**
 * scope_excl_del() - remove exclusion @i of @sc
 * @t: the table
 * @sc: the scope
 * @i: index in @sc->excl
 *
 * Return: 0, or -ENOMEM (nothing changed then).
 */
int scope_excl_del(const struct scope_table *t, struct scope *sc,
		   unsigned int i)
{
	struct madcap_range gone = sc->excl[i];

	memmove(&sc->excl[i], &sc->excl[i + 1],
		(sc->n_excl - i - 1) * sizeof(*sc->excl));
	sc->n_excl--;
	if (scope_rebuild(t, sc)) {
		memmove(&sc->excl[i + 1], &sc->excl[i],
			(sc->n_excl - i) * sizeof(*sc->excl));
		sc->excl[i] = gone;
		sc->n_excl++;
		return -ENOMEM;
	}
	return 0;
}

/**
 * scope_key() - the key of @a in @sc
 * @sc: the scope
 * @a: the address
 * @key: set to the key
 *
 * Return: 0, or -1 if @a is not in the scope.
 */
int scope_key(const struct scope *sc, const struct madcap_addr *a,
	      uint32_t *key)
{
	uint32_t k;

	if (!same_prefix(&sc->first, a))
		return -1;
	k = raw_key(a);
	if (k < sc->lo || k > sc->hi)
		return -1;
	*key = k;
	return 0;
}

/**
 * scope_addr() - the address of key @key in @sc
 * @sc: the scope
 * @key: the key
 * @a: set to the address
 */
void scope_addr(const struct scope *sc, uint32_t key, struct madcap_addr *a)
{
	uint32_t k = htonl(key);

	*a = sc->first;
	if (a->af == MADCAP_AF_IPV4)
		a->v4.s_addr = k;
	else
		memcpy(&a->v6.s6_addr[V6_PREFIX_LEN], &k, sizeof(k));
}

/**
 * scope_server_addr() - the scope's MADCAP server address [RFC 2730 2.10]
 * @sc: the scope
 * @a: set to its last address minus 1
 */
void scope_server_addr(const struct scope *sc, struct madcap_addr *a)
{
	scope_addr(sc, sc->hi - 1, a);
}

/**
 * scope_usable() - whether @sc is offered and listed at @now
 * @sc: the scope
 * @now: Unix time
 *
 * Return: true if it is active and not past its expiry.
 */
bool scope_usable(const struct scope *sc, int64_t now)
{
	return sc->active && (!sc->expires || sc->expires > now);
}

/**
 * scope_total() - how many addresses @sc can allocate at all
 * @sc: the scope
 *
 * Return: its size minus reserved and excluded addresses.
 */
uint64_t scope_total(const struct scope *sc)
{
	return (uint64_t)sc->hi - sc->lo + 1 -
	       alloc_set_count(&sc->blocked, sc->lo, sc->hi);
}

/**
 * scope_free_count() - how many addresses @sc can allocate now
 * @sc: the scope
 *
 * Return: addresses neither blocked nor taken.
 */
uint64_t scope_free_count(const struct scope *sc)
{
	return alloc_free_count(&sc->blocked, &sc->taken, sc->lo, sc->hi);
}
