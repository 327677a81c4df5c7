// SPDX-License-Identifier: GPL-2.0
/*
 * The MADCAP protocol, server side (RFC 2730; section numbers in brackets).
 *
 * server_input() takes one datagram and returns the reply to send, if any:
 * - datagrams that are short, of another version or badly formed are
 *   dropped and counted; so are NAKs (never answered: no NAK loops) and
 *   the other server messages (OFFER, ACK) [2.1, 2.6]; an unknown message
 *   type or address family gets NAK Invalid Request [2.2];
 * - a retransmitted request is answered from the response cache [2.6];
 * - a request missing a required option, or with min > desired addresses,
 *   gets NAK Invalid Request (1), with the code of the option at fault;
 *   a Current Time off by more than CLOCK-SKEW-ALLOWANCE NAK Excessive
 *   Clock Skew (2); an unknown or ended lease NAK Lease Identifier Not
 *   Recognized (3); a required feature NAK Required Feature Not Supported
 *   (4: madcapd supports none of the optional features); a valid request
 *   that cannot be met (no such scope, too few addresses, lease or start
 *   times that cannot be met, a bound reached, a failed commit) NAK Valid
 *   Request Could Not Be Completed (0);
 * - DISCOVER -> OFFER, addresses held OFFER-HOLD in memory; REQUEST ->
 *   ACK, committed to the store first; RENEW -> ACK with a new end;
 *   RELEASE -> ACK; GETINFO -> ACK with the options asked for.
 * Every reply echoes the xid and the Lease Identifier, and carries our
 * Server Identifier and Current Time.
 *
 * A DISCOVER or REQUEST sent to a group for a scope this server does not
 * serve gets no answer (another server may serve it); sent to us alone it
 * gets a NAK. A REQUEST naming another server's identifier gets no answer
 * and ends any offer this server made for its lease identifier.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "reply.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define WIRE_TIME_MAX	INT64_C(0xFFFFFFFF)

/* What a lease will be: times and address counts. */
struct terms {
	int64_t start, end;
	uint32_t min_n, want_n;
};

/* Checks every request passes before its type's own. */
static bool common_checks(struct req_ctx *x, enum verdict *v)
{
	static const uint32_t required[] = {
		[MADCAP_DISCOVER] = 1u << MADCAP_OPT_LEASE_ID |
				    1u << MADCAP_OPT_SCOPE,
		[MADCAP_REQUEST] = 1u << MADCAP_OPT_LEASE_ID |
				   1u << MADCAP_OPT_SCOPE,
		[MADCAP_RENEW] = 1u << MADCAP_OPT_LEASE_ID,
		[MADCAP_RELEASE] = 1u << MADCAP_OPT_LEASE_ID,
		[MADCAP_GETINFO] = 1u << MADCAP_OPT_REQUEST_LIST,
	};
	const struct madcap_msg *q = x->req;
	uint32_t missing;
	int64_t skew;

	*v = REPLY;
	if (q->type >= ARRAY_SIZE(required) ||
	    q->type == MADCAP_OFFER || q->type == MADCAP_ACK ||
	    q->type == MADCAP_NAK || !q->type ||
	    (q->af != MADCAP_AF_IPV4 && q->af != MADCAP_AF_IPV6)) {
		*v = reply_nak(x, MADCAP_ERR_INVALID, NO_OPTION);
		return false;
	}
	missing = required[q->type] & ~q->present;
	if (missing) {
		*v = reply_nak(x, MADCAP_ERR_INVALID, __builtin_ctz(missing));
		return false;
	}
	/* RENEW carries no Multicast Scope [2.7]. */
	if ((q->type == MADCAP_RENEW && madcap_has(q, MADCAP_OPT_SCOPE)) ||
	    (madcap_has(q, MADCAP_OPT_SCOPE) && q->scope.af != q->af)) {
		*v = reply_nak(x, MADCAP_ERR_INVALID, MADCAP_OPT_SCOPE);
		return false;
	}
	if (madcap_has(q, MADCAP_OPT_NUM_ADDRS) &&
	    (q->num_min > q->num_desired || !q->num_desired)) {
		*v = reply_nak(x, MADCAP_ERR_INVALID, MADCAP_OPT_NUM_ADDRS);
		return false;
	}
	if (madcap_has(q, MADCAP_OPT_LEASE_TIME) && !q->lease_time) {
		*v = reply_nak(x, MADCAP_ERR_INVALID, MADCAP_OPT_LEASE_TIME);
		return false;
	}
	if (madcap_has(q, MADCAP_OPT_CURRENT_TIME)) {
		skew = q->current_time - x->now;
		if (skew > x->s->p.clock_skew || -skew > x->s->p.clock_skew) {
			*v = reply_nak(x, MADCAP_ERR_CLOCK_SKEW, NO_OPTION);
			return false;
		}
		x->skew = skew;
	}
	if (madcap_has(q, MADCAP_OPT_FEATURES) && q->features.n_required) {
		*v = reply_nak(x, MADCAP_ERR_FEATURE, NO_OPTION);
		return false;
	}
	return true;
}

/*
 * The times of a new lease in @sc from the request's Start Time, Maximum
 * Start Time, Lease Time and Minimum Lease Time (client times corrected
 * by the skew its Current Time showed) [2.4, 3.2, 3.7, 3.15, 3.16].
 * @base is when the lease would start if the request names no start.
 */
static bool times(struct req_ctx *x, const struct scope *sc, int64_t base,
		  struct terms *t, enum verdict *v)
{
	const struct madcap_msg *q = x->req;
	int64_t dur = sc->lease;

	t->start = base;
	if (madcap_has(q, MADCAP_OPT_START_TIME) &&
	    q->start_time - x->skew > base)
		t->start = q->start_time - x->skew;
	if (madcap_has(q, MADCAP_OPT_MAX_START) &&
	    t->start > q->max_start - x->skew) {
		*v = madcap_has(q, MADCAP_OPT_START_TIME) &&
		     q->start_time > q->max_start ?
		     reply_nak(x, MADCAP_ERR_INVALID, MADCAP_OPT_MAX_START) :
		     reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_MAX_START);
		return false;
	}
	/* Addresses are held from now: a far start would hoard them. */
	if (t->start - x->now > sc->lease) {
		*v = reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_START_TIME);
		return false;
	}
	if (madcap_has(q, MADCAP_OPT_LEASE_TIME) && q->lease_time < dur)
		dur = q->lease_time;
	t->end = t->start + dur;
	/* A lease ends with its scope, and times must fit on the wire. */
	if (sc->expires && t->end > sc->expires)
		t->end = sc->expires;
	if (t->end > WIRE_TIME_MAX)
		t->end = WIRE_TIME_MAX;
	if (t->end <= t->start ||
	    (madcap_has(q, MADCAP_OPT_MIN_LEASE) &&
	     t->end - t->start < q->min_lease)) {
		*v = reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_MIN_LEASE);
		return false;
	}
	return true;
}

/*
 * How many addresses a DISCOVER or REQUEST may get: the request's minimum
 * and desired counts [3.8], cut to the per-request and per-client bounds.
 * @skip is an offer being turned into a lease (not counted as held).
 */
static bool counts(struct req_ctx *x, const struct lease *skip, struct terms *t,
		   enum verdict *v)
{
	const struct madcap_msg *q = x->req;
	struct server *s = x->s;
	uint64_t held, room;

	t->min_n = 1;
	t->want_n = 1;
	if (madcap_has(q, MADCAP_OPT_NUM_ADDRS)) {
		t->want_n = q->num_desired;
		if (q->num_min > 1)
			t->min_n = q->num_min;
	}
	if (t->min_n > s->p.max_per_request) {
		*v = reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
		return false;
	}
	if (t->want_n > s->p.max_per_request)
		t->want_n = s->p.max_per_request;
	if (s->leases.n >= s->p.max_leases) {
		s->c.leases_full++;
		*v = reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
		return false;
	}
	held = lease_client_count(&s->leases, &x->peer->addr, x->now, NULL) +
	       lease_client_count(&s->offers, &x->peer->addr, x->now, skip);
	room = held < s->p.max_per_client ? s->p.max_per_client - held : 0;
	if (room < t->min_n) {
		s->c.client_cap++;
		*v = reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
		return false;
	}
	if (t->want_n > room)
		t->want_n = room;
	return true;
}

/* The usable scope a DISCOVER or REQUEST names, or why there is none. */
static struct scope *req_scope(struct req_ctx *x, enum verdict *v)
{
	struct scope *sc = scope_find_id(&x->s->scopes, &x->req->scope);

	if (sc && scope_usable(sc, x->now))
		return sc;
	*v = x->peer->multicast ? SILENT :
	     reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_SCOPE);
	return NULL;
}

/* Pick fresh addresses for @l in its scope. */
static bool pick(struct req_ctx *x, struct lease *l, const struct terms *t,
		 enum verdict *v)
{
	struct scope *sc = l->scope;

	l->n_ranges = alloc_pick(&sc->blocked, &sc->taken, sc->lo, sc->hi,
				 t->want_n, SERVER_RANGE_MAX, l->ranges,
				 MADCAP_MAX_ADDR_RANGES, &l->count);
	if (l->count < t->min_n) {
		*v = reply_nak(x, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
		return false;
	}
	return true;
}

static enum verdict discover(struct req_ctx *x)
{
	const struct madcap_msg *q = x->req;
	struct server *s = x->s;
	struct lease *o;
	struct scope *sc;
	struct terms t;
	enum verdict v;

	sc = req_scope(x, &v);
	if (!sc)
		return v;
	if (lease_find(&s->leases, q->lease_id, q->lease_id_len))
		return reply_nak(x, MADCAP_ERR_INVALID, MADCAP_OPT_LEASE_ID);
	/* A new DISCOVER for the same lease replaces the old offer. */
	o = lease_find(&s->offers, q->lease_id, q->lease_id_len);
	if (o)
		server_offer_drop(s, o);
	if (s->offers.n >= s->p.max_offers) {
		s->c.offers_full++;
		return reply_nak(x, MADCAP_ERR_NOT_COMPLETED, NO_OPTION);
	}
	if (!times(x, sc, x->now, &t, &v) || !counts(x, NULL, &t, &v))
		return v;
	o = lease_new(sc, q->lease_id, q->lease_id_len, &x->peer->addr,
		      x->peer->port);
	if (!o)
		return reply_store_nak(x);
	if (!pick(x, o, &t, &v)) {
		free(o);
		return v;
	}
	o->start = t.start;
	o->end = t.end;
	o->hold_until = x->now + s->p.offer_hold;
	o->server_id = x->peer->local;
	if (lease_hold(&s->offers, o)) {
		free(o);
		return reply_store_nak(x);
	}
	lease_insert(&s->offers, o);
	return reply_grant(x, MADCAP_OFFER, o, true);
}

static bool is_ours(struct req_ctx *x, const struct lease *o)
{
	const struct madcap_addr *id = &x->req->server_id;
	struct server *s = x->s;

	return !madcap_addr_cmp(id, &x->peer->local) ||
	       (o && !madcap_addr_cmp(id, &o->server_id)) ||
	       (s->is_local && s->is_local(id, s->local_ctx));
}

/* Turn offer @o into a committed lease with terms @t. */
static enum verdict take_offer(struct req_ctx *x, struct lease *o,
			       const struct terms *t)
{
	struct server *s = x->s;
	struct lease saved = *o;

	o->client = x->peer->addr;
	o->port = x->peer->port;
	o->start = t->start;
	o->end = t->end;
	o->released = 0;
	if (server_lease_commit(s, o)) {
		*o = saved;
		return reply_store_nak(x);
	}
	/* The keys stay in the taken set: only the books change. */
	lease_unlink(&s->offers, o);
	o->scope->offered -= o->count;
	o->scope->leased += o->count;
	o->scope->n_leases++;
	lease_insert(&s->leases, o);
	return reply_grant(x, MADCAP_ACK, o, true);
}

static enum verdict request(struct req_ctx *x)
{
	const struct madcap_msg *q = x->req;
	struct server *s = x->s;
	struct lease *o, *l;
	struct scope *sc;
	struct terms t;
	enum verdict v;

	o = lease_find(&s->offers, q->lease_id, q->lease_id_len);
	if (madcap_has(q, MADCAP_OPT_SERVER_ID) && !is_ours(x, o)) {
		/* The client chose another server's offer [2.5]. */
		if (o)
			server_offer_drop(s, o);
		return SILENT;
	}
	sc = req_scope(x, &v);
	if (!sc)
		return v;
	l = lease_find(&s->leases, q->lease_id, q->lease_id_len);
	if (l) {
		/* A retransmission past the cache: the same lease again. */
		if (l->scope == sc && lease_active(l, x->now) &&
		    !madcap_addr_cmp(&l->client, &x->peer->addr))
			return reply_grant(x, MADCAP_ACK, l, true);
		return reply_nak(x, MADCAP_ERR_INVALID, MADCAP_OPT_LEASE_ID);
	}
	if (o && (o->scope != sc ||
		  madcap_addr_cmp(&o->client, &x->peer->addr))) {
		server_offer_drop(s, o);
		o = NULL;
	}
	if (!times(x, sc, x->now, &t, &v) || !counts(x, o, &t, &v))
		return v;
	if (o && o->count >= t.min_n && o->count <= t.want_n)
		return take_offer(x, o, &t);
	if (o)
		server_offer_drop(s, o);
	l = lease_new(sc, q->lease_id, q->lease_id_len, &x->peer->addr,
		      x->peer->port);
	if (!l)
		return reply_store_nak(x);
	if (!pick(x, l, &t, &v)) {
		free(l);
		return v;
	}
	l->start = t.start;
	l->end = t.end;
	/* Held before the commit (which cannot be undone by a failed hold). */
	if (lease_hold(&s->leases, l)) {
		free(l);
		return reply_store_nak(x);
	}
	if (server_lease_commit(s, l)) {
		lease_unhold(&s->leases, l);
		free(l);
		return reply_store_nak(x);
	}
	lease_insert(&s->leases, l);
	return reply_grant(x, MADCAP_ACK, l, true);
}

static enum verdict renew(struct req_ctx *x)
{
	const struct madcap_msg *q = x->req;
	struct server *s = x->s;
	struct lease *l;
	struct terms t;
	enum verdict v;

	l = lease_find(&s->leases, q->lease_id, q->lease_id_len);
	if (!l || !lease_active(l, x->now))
		return reply_nak(x, MADCAP_ERR_BAD_LEASE_ID, NO_OPTION);
	if (!scope_usable(l->scope, x->now))
		return reply_nak(x, MADCAP_ERR_NOT_COMPLETED, NO_OPTION);
	if (!times(x, l->scope, l->start > x->now ? l->start : x->now, &t,
		   &v))
		return v;
	if (store_lease_update(s->store, l->id, l->id_len, t.end, 0)) {
		s->c.store_failures++;
		return reply_store_nak(x);
	}
	l->end = t.end;
	return reply_grant(x, MADCAP_ACK, l, false);
}

static enum verdict release(struct req_ctx *x)
{
	const struct madcap_msg *q = x->req;
	struct server *s = x->s;
	struct lease *l;

	l = lease_find(&s->leases, q->lease_id, q->lease_id_len);
	if (!l) {
		/* Releasing what was only offered: forget the offer. */
		l = lease_find(&s->offers, q->lease_id, q->lease_id_len);
		if (!l)
			return reply_nak(x, MADCAP_ERR_BAD_LEASE_ID, NO_OPTION);
		server_offer_drop(s, l);
		return reply_ack(x);
	}
	if (!l->released) {
		if (store_lease_update(s->store, l->id, l->id_len, l->end,
				       x->now)) {
			s->c.store_failures++;
			return reply_store_nak(x);
		}
		l->released = x->now;
	}
	return reply_ack(x);
}

static enum verdict getinfo(struct req_ctx *x)
{
	const struct madcap_msg *q = x->req;
	unsigned int i;

	reply_ack(x);
	for (i = 0; i < q->n_request; i++) {
		switch (q->request[i]) {
		case MADCAP_OPT_SCOPE_LIST:
			reply_scope_list(x);
			break;
		case MADCAP_OPT_FEATURES:
			madcap_set(x->rep, MADCAP_OPT_FEATURES);
			break;
		default:	/* Current Time is always there */
			break;
		}
	}
	return REPLY;
}

/* Count and sort out what is not a request; true if it is one. */
static bool classify(struct server *s, const void *buf, size_t len,
		     struct madcap_msg *q)
{
	switch (madcap_parse(buf, len, q)) {
	case MADCAP_PARSE_OK:
		break;
	case MADCAP_PARSE_SHORT:
		s->c.dropped_short++;
		s->c.errors_total++;
		return false;
	case MADCAP_PARSE_VERSION:
		s->c.dropped_version++;
		s->c.errors_total++;
		return false;
	default:
		s->c.dropped_options++;
		s->c.errors_total++;
		return false;
	}
	switch (q->type) {
	case MADCAP_DISCOVER:
		s->c.discovers++;
		return true;
	case MADCAP_REQUEST:
		s->c.requests++;
		return true;
	case MADCAP_RENEW:
		s->c.renews++;
		return true;
	case MADCAP_RELEASE:
		s->c.releases++;
		return true;
	case MADCAP_GETINFO:
		s->c.informs++;
		return true;
	case MADCAP_NAK:
		s->c.dropped_nak++;
		return false;
	case MADCAP_OFFER:
	case MADCAP_ACK:
		s->c.dropped_type++;
		return false;
	default:	/* unknown: Invalid Request [2.2] */
		return true;
	}
}

static enum verdict dispatch(struct req_ctx *x)
{
	enum verdict v;

	if (!common_checks(x, &v))
		return v;
	switch (x->req->type) {
	case MADCAP_DISCOVER:
		return discover(x);
	case MADCAP_REQUEST:
		return request(x);
	case MADCAP_RENEW:
		return renew(x);
	case MADCAP_RELEASE:
		return release(x);
	default:
		return getinfo(x);
	}
}

/**
 * server_input() - handle one datagram sent to the MADCAP port
 * @s: the server
 * @buf: the datagram
 * @len: its length
 * @peer: who sent it, to which of our addresses
 * @now: Unix time
 * @out: where to build the reply
 * @size: room in @out (MADCAP_MAX_LEN is enough)
 *
 * Return: the length of the reply to send to @peer, or 0 for none.
 */
size_t server_input(struct server *s, const void *buf, size_t len,
		    const struct server_peer *peer, int64_t now, void *out,
		    size_t size)
{
	struct req_ctx x = {
		.s = s, .req = s->req, .peer = peer, .now = now, .rep = s->rep,
	};
	struct cache_key key;
	const void *hit;
	size_t hit_len;
	int n;

	if (!classify(s, buf, len, s->req))
		return 0;
	key = (struct cache_key){
		.addr = peer->addr, .port = peer->port, .type = s->req->type,
		.xid = s->req->xid, .id = s->req->lease_id,
		.id_len = madcap_has(s->req, MADCAP_OPT_LEASE_ID) ?
			  s->req->lease_id_len : 0,
	};
	hit = cache_lookup(&s->cache, &key, now, &hit_len);
	if (hit && hit_len <= size) {
		s->c.cache_hits++;
		memcpy(out, hit, hit_len);
		return hit_len;
	}
	if (dispatch(&x) == SILENT)
		return 0;
	/* A long scope list is cut until the reply fits in one datagram. */
	while ((n = madcap_build(s->rep, out, size)) <= 0 &&
	       madcap_has(s->rep, MADCAP_OPT_SCOPE_LIST) && s->rep->n_scopes)
		s->rep->n_scopes--;
	if (n <= 0) {
		pr_err("cannot build a %s (%d)", madcap_type_name(s->rep->type),
		       n);
		return 0;
	}
	if (!x.no_cache && cache_put(&s->cache, &key, out, n,
				     now + s->p.cache_interval))
		pr_warn("out of memory: response not cached");
	return n;
}
