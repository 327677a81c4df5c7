// SPDX-License-Identifier: GPL-2.0
/*
 * madcapd's state: loading it from the store, expiring it, the groups to
 * join, and the lease operations the protocol and the control socket
 * share. A lease is always committed to the store before memory says so,
 * and removed from memory only after the store has dropped it: memory
 * never holds fewer addresses than the store (no double allocation after
 * a restart).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "server.h"

/**
 * server_params_default() - fill @p with the defaults
 * @p: the parameters
 */
void server_params_default(struct server_params *p)
{
	memset(p, 0, sizeof(*p));
	p->clock_skew = SERVER_CLOCK_SKEW;
	p->extra_time = SERVER_EXTRA_TIME;
	p->offer_hold = SERVER_OFFER_HOLD;
	p->cache_interval = SERVER_CACHE_INTERVAL;
	p->max_per_client = SERVER_MAX_PER_CLIENT;
	p->max_per_request = SERVER_MAX_PER_REQUEST;
	p->max_offers = SERVER_MAX_OFFERS;
	p->max_cache = SERVER_MAX_CACHE;
	p->max_leases = SERVER_MAX_LEASES;
	madcap_addr_parse(SERVER_V6_GROUP, &p->v6_group);
}

static int load_scope(void *ctx, const struct store_scope *ss)
{
	struct server *s = ctx;
	struct scope *sc;
	char err[256];

	if (scope_find(&s->scopes, ss->name) ||
	    scope_check_range(&s->scopes, &ss->range, err, sizeof(err))) {
		pr_err("store: ignoring scope %s: %s", ss->name,
		       scope_find(&s->scopes, ss->name) ? "duplicate" : err);
		return 0;
	}
	sc = scope_new(&s->scopes, ss->name, &ss->range);
	if (!sc)
		return -ENOMEM;
	snprintf(sc->lang, sizeof(sc->lang), "%s", ss->lang);
	sc->ttl = ss->ttl;
	sc->lease = ss->lease;
	sc->active = ss->active;
	sc->expires = ss->expires;
	scope_insert(&s->scopes, sc);
	return 0;
}

static int load_exclusion(void *ctx, const char *name,
			  const struct madcap_range *r)
{
	struct server *s = ctx;
	struct scope *sc = scope_find(&s->scopes, name);
	uint32_t a, b;

	if (!sc || scope_key(sc, &r->first, &a) ||
	    scope_key(sc, &r->last, &b) || a > b) {
		pr_err("store: ignoring an exclusion of scope %s", name);
		return 0;
	}
	return scope_excl_add(&s->scopes, sc, r) == -ENOMEM ? -ENOMEM : 0;
}

static int load_lease(void *ctx, const struct store_lease *sl)
{
	struct server *s = ctx;
	struct scope *sc = scope_find(&s->scopes, sl->scope);
	struct lease *l;
	unsigned int i;

	if (!sc || lease_find(&s->leases, sl->id, sl->id_len)) {
		pr_err("store: ignoring a lease of scope %s", sl->scope);
		return 0;
	}
	l = lease_new(sc, sl->id, sl->id_len, &sl->client, sl->port);
	if (!l)
		return -ENOMEM;
	for (i = 0; i < sl->n_ranges; i++) {
		struct alloc_range *k = &l->ranges[i];

		if (scope_key(sc, &sl->ranges[i].first, &k->lo) ||
		    scope_key(sc, &sl->ranges[i].last, &k->hi) ||
		    k->lo > k->hi) {
			pr_err("store: lease of scope %s has addresses outside it",
			       sc->name);
			free(l);
			return 0;
		}
		l->count += k->hi - k->lo + 1;
	}
	l->n_ranges = sl->n_ranges;
	l->start = sl->start;
	l->end = sl->end;
	l->released = sl->released;
	if (lease_hold(&s->leases, l)) {
		free(l);
		return -ENOMEM;
	}
	lease_insert(&s->leases, l);
	return 0;
}

/**
 * server_init() - set up @s and load the stored state
 * @s: the server
 * @p: parameters
 * @st: the open store (not owned: the caller closes it after
 *	server_fini())
 * @now: Unix time; state that has run out is purged at once
 *
 * Return: 0, or a negative errno (logged).
 */
int server_init(struct server *s, const struct server_params *p,
		struct store *st, int64_t now)
{
	static const struct store_ops ops = {
		.scope = load_scope,
		.exclusion = load_exclusion,
		.lease = load_lease,
	};
	int err;

	memset(s, 0, sizeof(*s));
	s->p = *p;
	s->store = st;
	scope_table_init(&s->scopes, &p->v6_group);
	lease_table_init(&s->leases, false);
	lease_table_init(&s->offers, true);
	s->req = malloc(sizeof(*s->req));
	s->rep = malloc(sizeof(*s->rep));
	err = s->req && s->rep ? cache_init(&s->cache, p->max_cache) : -ENOMEM;
	if (err) {
		server_fini(s);
		return err;
	}
	err = store_load(st, &ops, s);
	if (err) {
		pr_err("cannot load the lease store");
		server_fini(s);
		return err;
	}
	server_tick(s, now);
	pr_info("%u scopes, %u leases loaded", s->scopes.n, s->leases.n);
	return 0;
}

/**
 * server_fini() - free everything @s holds in memory (not the store)
 * @s: the server
 */
void server_fini(struct server *s)
{
	lease_table_free(&s->offers);
	lease_table_free(&s->leases);
	scope_table_free(&s->scopes);
	cache_free(&s->cache);
	free(s->req);
	free(s->rep);
	s->req = NULL;
	s->rep = NULL;
}

/**
 * server_lease_addrs() - a lease's ranges as addresses
 * @l: the lease or offer
 * @out: room for @l->n_ranges ranges
 */
void server_lease_addrs(const struct lease *l, struct madcap_range *out)
{
	unsigned int i;

	for (i = 0; i < l->n_ranges; i++) {
		scope_addr(l->scope, l->ranges[i].lo, &out[i].first);
		scope_addr(l->scope, l->ranges[i].hi, &out[i].last);
	}
}

/**
 * server_lease_commit() - store a new lease (memory is the caller's)
 * @s: the server
 * @l: the lease, complete
 *
 * Return: 0 once it is on stable storage, or -EIO (counted).
 */
int server_lease_commit(struct server *s, struct lease *l)
{
	struct madcap_range r[MADCAP_MAX_ADDR_RANGES];
	struct store_lease sl = {
		.id = l->id,
		.id_len = l->id_len,
		.scope = l->scope->name,
		.client = l->client,
		.port = l->port,
		.start = l->start,
		.end = l->end,
		.released = l->released,
		.n_ranges = l->n_ranges,
		.ranges = r,
	};

	server_lease_addrs(l, r);
	if (store_lease_add(s->store, &sl)) {
		s->c.store_failures++;
		return -EIO;
	}
	return 0;
}

/**
 * server_lease_remove() - delete a lease from the store, then from memory
 * @s: the server
 * @l: the lease; freed on success
 *
 * Return: 0, or -EIO (counted; the lease stays, its addresses taken).
 */
int server_lease_remove(struct server *s, struct lease *l)
{
	if (store_lease_del(s->store, l->id, l->id_len)) {
		s->c.store_failures++;
		return -EIO;
	}
	lease_unhold(&s->leases, l);
	lease_unlink(&s->leases, l);
	free(l);
	return 0;
}

/**
 * server_offer_drop() - forget an offer; its addresses are free again
 * @s: the server
 * @o: the offer; freed
 */
void server_offer_drop(struct server *s, struct lease *o)
{
	lease_unhold(&s->offers, o);
	lease_unlink(&s->offers, o);
	free(o);
}

/*
 * A scope past its expiry is deleted once it holds no lease (Windows
 * deletes a multicast scope at the end of its lifetime); until then it is
 * made inactive, and its leases run out as usual.
 */
static void expire_scope(struct server *s, struct scope *sc)
{
	struct store_scope ss = {
		.name = sc->name, .range = { sc->first, sc->last },
		.ttl = sc->ttl, .lease = sc->lease, .active = false,
		.expires = sc->expires, .lang = sc->lang,
	};
	struct lease *o, *next;

	for (o = s->offers.head; o; o = next) {
		next = o->next;
		if (o->scope == sc)
			server_offer_drop(s, o);
	}
	if (!sc->n_leases) {
		if (store_scope_del(s->store, sc->name) == -EIO) {
			s->c.store_failures++;
			return;
		}
		pr_info("scope %s expired and was deleted", sc->name);
		scope_remove(&s->scopes, sc);
		scope_free(sc);
		s->scope_gen++;
	} else if (sc->active) {
		if (store_scope_update(s->store, &ss) == -EIO) {
			s->c.store_failures++;
			return;
		}
		pr_info("scope %s expired; inactive until its %u leases end",
			sc->name, sc->n_leases);
		sc->active = false;
		s->scope_gen++;
	}
}

/**
 * server_tick() - run out what has run out at @now
 * @s: the server
 * @now: Unix time
 *
 * Drops lapsed offers and cached responses, purges leases whose addresses
 * are past their extra allocation time, and ends expired scopes. Called
 * once a second; a store failure is retried at the next call.
 */
void server_tick(struct server *s, int64_t now)
{
	struct lease *l, *next;
	struct scope *sc, *sn;

	for (l = s->offers.head; l; l = next) {
		next = l->next;
		if (l->hold_until <= now)
			server_offer_drop(s, l);
	}
	for (l = s->leases.head; l; l = next) {
		next = l->next;
		if (lease_hold_end(l, s->p.extra_time) <= now)
			server_lease_remove(s, l);
	}
	for (sc = s->scopes.head; sc; sc = sn) {
		sn = sc->next;
		if (sc->expires && sc->expires <= now)
			expire_scope(s, sc);
	}
	cache_expire(&s->cache, now);
}

/**
 * server_groups() - the scopes' MADCAP server addresses to join
 * @s: the server
 * @now: Unix time
 * @out: where to write them
 * @max: room in @out
 *
 * Only scopes usable at @now count; the IPv4 local scope's address and the
 * IPv6 server group are the caller's to add.
 *
 * Return: the number of addresses written, without duplicates.
 */
unsigned int server_groups(const struct server *s, int64_t now,
			   struct madcap_addr *out, unsigned int max)
{
	const struct scope *sc;
	unsigned int n = 0, i;

	for (sc = s->scopes.head; sc && n < max; sc = sc->next) {
		struct madcap_addr a;

		if (!scope_usable(sc, now))
			continue;
		scope_server_addr(sc, &a);
		for (i = 0; i < n; i++)
			if (!madcap_addr_cmp(&out[i], &a))
				break;
		if (i == n)
			out[n++] = a;
	}
	return n;
}
