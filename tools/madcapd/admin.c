// SPDX-License-Identifier: GPL-2.0
/*
 * Administrative changes (see admin.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "log.h"

#define STORE_ERR "The change could not be committed to the lease store; nothing was changed."

static bool printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static struct scope *find(struct server *s, const char *name, char *err,
			  size_t size)
{
	struct scope *sc = scope_find(&s->scopes, name);

	if (!sc)
		snprintf(err, size, "There is no scope \"%s\".", name);
	return sc;
}

/* Check the settings in @set; apply them to @sc if @sc is not NULL. */
static int check_set(const struct admin_scope_set *set, int64_t now,
		     struct scope *sc, char *err, size_t size)
{
	if (set->has_ttl && (set->ttl < 1 || set->ttl > 255)) {
		snprintf(err, size, "The TTL must be 1 to 255.");
		return -EINVAL;
	}
	if (set->has_lease && (set->lease < 1 || set->lease > UINT32_MAX)) {
		snprintf(err, size, "The lease time must be 1 to 4294967295 seconds.");
		return -EINVAL;
	}
	if (set->has_expires && set->expires &&
	    (set->expires <= now || set->expires > UINT32_MAX)) {
		snprintf(err, size, "The expiry must be a future Unix time (or 0 for never).");
		return -EINVAL;
	}
	if (set->has_lang && (!*set->lang || strlen(set->lang) > MADCAP_MAX_LANG ||
			      !printable(set->lang) || strchr(set->lang, ' '))) {
		snprintf(err, size, "The language must be a tag of 1 to %d characters, like \"en\".",
			 MADCAP_MAX_LANG);
		return -EINVAL;
	}
	if (!sc)
		return 0;
	if (set->has_ttl)
		sc->ttl = set->ttl;
	if (set->has_lease)
		sc->lease = set->lease;
	if (set->has_state)
		sc->active = set->active;
	if (set->has_expires)
		sc->expires = set->expires;
	if (set->has_lang)
		snprintf(sc->lang, sizeof(sc->lang), "%s", set->lang);
	return 0;
}

static void to_store(const struct scope *sc, struct store_scope *ss)
{
	ss->name = sc->name;
	ss->range.first = sc->first;
	ss->range.last = sc->last;
	ss->ttl = sc->ttl;
	ss->lease = sc->lease;
	ss->active = sc->active;
	ss->expires = sc->expires;
	ss->lang = sc->lang;
}

static void drop_offers(struct server *s, const struct scope *sc,
			const uint32_t *lo, const uint32_t *hi)
{
	struct lease *o, *next;
	unsigned int i;

	for (o = s->offers.head; o; o = next) {
		next = o->next;
		if (o->scope != sc)
			continue;
		for (i = 0; lo && i < o->n_ranges; i++)
			if (o->ranges[i].lo <= *hi && *lo <= o->ranges[i].hi)
				break;
		if (!lo || i < o->n_ranges)
			server_offer_drop(s, o);
	}
}

/**
 * admin_scope_add() - add a scope
 * @s: the server
 * @name: its name, 1 to MADCAP_MAX_NAME printable bytes, unique
 * @r: its range (see scope_check_range())
 * @set: its settings; those not given take the defaults
 * @now: Unix time
 * @err: where to write why it was refused
 * @size: size of @err
 *
 * Return: 0, or a negative errno with @err set.
 */
int admin_scope_add(struct server *s, const char *name,
		    const struct madcap_range *r,
		    const struct admin_scope_set *set, int64_t now, char *err,
		    size_t size)
{
	struct store_scope ss;
	struct scope *sc;
	int ret;

	if (!*name || strlen(name) > MADCAP_MAX_NAME || !printable(name)) {
		snprintf(err, size, "A scope name must be 1 to %d printable bytes.",
			 MADCAP_MAX_NAME);
		return -EINVAL;
	}
	if (scope_find(&s->scopes, name)) {
		snprintf(err, size, "A scope named \"%s\" already exists.", name);
		return -EEXIST;
	}
	if (s->scopes.n >= ADMIN_MAX_SCOPES) {
		snprintf(err, size, "madcapd serves at most %d scopes.",
			 ADMIN_MAX_SCOPES);
		return -ENOSPC;
	}
	ret = scope_check_range(&s->scopes, r, err, size);
	if (ret)
		return ret;
	ret = check_set(set, now, NULL, err, size);
	if (ret)
		return ret;
	sc = scope_new(&s->scopes, name, r);
	if (!sc) {
		snprintf(err, size, "Out of memory.");
		return -ENOMEM;
	}
	check_set(set, now, sc, err, size);
	to_store(sc, &ss);
	if (store_scope_add(s->store, &ss)) {
		s->c.store_failures++;
		scope_free(sc);
		snprintf(err, size, STORE_ERR);
		return -EIO;
	}
	scope_insert(&s->scopes, sc);
	s->scope_gen++;
	pr_info("scope %s added", name);
	return 0;
}

/**
 * admin_scope_set() - change a scope's settings (not its range)
 * @s: the server
 * @name: the scope
 * @set: what to change
 * @now: Unix time
 * @err: where to write why it was refused
 * @size: size of @err
 *
 * Return: 0, or a negative errno with @err set.
 */
int admin_scope_set(struct server *s, const char *name,
		    const struct admin_scope_set *set, int64_t now, char *err,
		    size_t size)
{
	struct scope *sc = find(s, name, err, size);
	struct store_scope ss;
	struct scope copy;
	int ret;

	if (!sc)
		return -ENOENT;
	ret = check_set(set, now, NULL, err, size);
	if (ret)
		return ret;
	copy = *sc;
	check_set(set, now, &copy, err, size);
	to_store(&copy, &ss);
	if (store_scope_update(s->store, &ss)) {
		s->c.store_failures++;
		snprintf(err, size, STORE_ERR);
		return -EIO;
	}
	check_set(set, now, sc, err, size);
	if (!sc->active)
		drop_offers(s, sc, NULL, NULL);
	s->scope_gen++;
	return 0;
}

/**
 * admin_scope_del() - delete a scope with its exclusions
 * @s: the server
 * @name: the scope
 * @force: also delete its leases (else a scope with leases is kept)
 * @err: where to write why it was refused
 * @size: size of @err
 *
 * Return: 0, or a negative errno with @err set.
 */
int admin_scope_del(struct server *s, const char *name, bool force,
		    char *err, size_t size)
{
	struct scope *sc = find(s, name, err, size);
	struct lease *l, *next;

	if (!sc)
		return -ENOENT;
	if (sc->n_leases && !force) {
		snprintf(err, size, "Scope \"%s\" holds %u leases: delete them first, or delete the scope with force.",
			 name, sc->n_leases);
		return -EBUSY;
	}
	if (store_scope_del(s->store, name) == -EIO) {
		s->c.store_failures++;
		snprintf(err, size, STORE_ERR);
		return -EIO;
	}
	drop_offers(s, sc, NULL, NULL);
	for (l = s->leases.head; l; l = next) {
		next = l->next;
		if (l->scope == sc) {
			lease_unlink(&s->leases, l);
			free(l);
		}
	}
	scope_remove(&s->scopes, sc);
	scope_free(sc);
	s->scope_gen++;
	pr_info("scope %s deleted", name);
	return 0;
}

/* Resolve an exclusion of @sc to keys, or say why it is not one. */
static int excl_keys(const struct scope *sc, const struct madcap_range *r,
		     uint32_t *lo, uint32_t *hi, char *err, size_t size)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	char sa[INET6_ADDRSTRLEN], sb[INET6_ADDRSTRLEN];

	if (!scope_key(sc, &r->first, lo) && !scope_key(sc, &r->last, hi) &&
	    *lo <= *hi)
		return 0;
	snprintf(err, size, "%s-%s is not a range inside scope \"%s\" (%s-%s).",
		 madcap_addr_str(&r->first, a, sizeof(a)),
		 madcap_addr_str(&r->last, b, sizeof(b)), sc->name,
		 madcap_addr_str(&sc->first, sa, sizeof(sa)),
		 madcap_addr_str(&sc->last, sb, sizeof(sb)));
	return -EINVAL;
}

/**
 * admin_excl_add() - exclude a range of a scope from allocation
 * @s: the server
 * @name: the scope
 * @r: the range, inside the scope
 * @err: where to write why it was refused
 * @size: size of @err
 *
 * Offers of excluded addresses are withdrawn; leases keep theirs until
 * they end.
 *
 * Return: 0, or a negative errno with @err set.
 */
int admin_excl_add(struct server *s, const char *name,
		   const struct madcap_range *r, char *err, size_t size)
{
	struct scope *sc = find(s, name, err, size);
	uint32_t lo, hi;
	int ret;

	if (!sc)
		return -ENOENT;
	ret = excl_keys(sc, r, &lo, &hi, err, size);
	if (ret)
		return ret;
	if (scope_excl_find(sc, r) >= 0) {
		snprintf(err, size, "That range is already excluded from scope \"%s\".",
			 name);
		return -EEXIST;
	}
	ret = scope_excl_add(&s->scopes, sc, r);
	if (ret) {
		snprintf(err, size, ret == -ENOSPC ?
			 "Scope \"%s\" has too many exclusions." :
			 "Out of memory (scope \"%s\").", name);
		return ret;
	}
	if (store_excl_add(s->store, name, r)) {
		s->c.store_failures++;
		scope_excl_del(&s->scopes, sc, sc->n_excl - 1);
		snprintf(err, size, STORE_ERR);
		return -EIO;
	}
	drop_offers(s, sc, &lo, &hi);
	return 0;
}

/**
 * admin_excl_del() - remove an exclusion (given exactly as it was added)
 * @s: the server
 * @name: the scope
 * @r: the excluded range
 * @err: where to write why it was refused
 * @size: size of @err
 *
 * Return: 0, or a negative errno with @err set.
 */
int admin_excl_del(struct server *s, const char *name,
		   const struct madcap_range *r, char *err, size_t size)
{
	struct scope *sc = find(s, name, err, size);
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	int i;

	if (!sc)
		return -ENOENT;
	i = scope_excl_find(sc, r);
	if (i < 0) {
		snprintf(err, size, "Scope \"%s\" has no exclusion %s-%s.", name,
			 madcap_addr_str(&r->first, a, sizeof(a)),
			 madcap_addr_str(&r->last, b, sizeof(b)));
		return -ENOENT;
	}
	if (store_excl_del(s->store, name, r) == -EIO) {
		s->c.store_failures++;
		snprintf(err, size, STORE_ERR);
		return -EIO;
	}
	if (scope_excl_del(&s->scopes, sc, i))
		pr_warn("out of memory: exclusion kept in memory until restart");
	return 0;
}

/**
 * admin_lease_del() - delete the lease holding an address, at once (its
 *	addresses are free again without waiting the extra allocation time)
 * @s: the server
 * @a: one of the lease's addresses
 * @err: where to write why it was refused
 * @size: size of @err
 *
 * Return: 0, or a negative errno with @err set.
 */
int admin_lease_del(struct server *s, const struct madcap_addr *a, char *err,
		    size_t size)
{
	char t[INET6_ADDRSTRLEN];
	struct lease *l;
	struct scope *sc;
	uint32_t key;

	sc = scope_find_addr(&s->scopes, a, &key);
	for (l = s->leases.head; sc && l; l = l->next)
		if (l->scope == sc && lease_has_key(l, key))
			break;
	if (!sc || !l) {
		snprintf(err, size, "No lease holds %s.",
			 madcap_addr_str(a, t, sizeof(t)));
		return -ENOENT;
	}
	if (server_lease_remove(s, l)) {
		snprintf(err, size, STORE_ERR);
		return -EIO;
	}
	return 0;
}
