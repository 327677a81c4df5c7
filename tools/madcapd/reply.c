// SPDX-License-Identifier: GPL-2.0
/*
 * Building madcapd's replies (see reply.h). Every reply echoes the xid and
 * the Lease Identifier, and carries our Server Identifier and Current
 * Time [RFC 2730 2.2]; a request that carried a Feature List gets ours
 * (empty: none of the optional features is supported).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "reply.h"

static void put16(uint8_t *p, uint16_t v)
{
	v = htons(v);
	memcpy(p, &v, sizeof(v));
}

static void put32(uint8_t *p, uint32_t v)
{
	v = htonl(v);
	memcpy(p, &v, sizeof(v));
}

/**
 * reply_base() - start a reply of @type with the options every reply has
 * @x: the request
 * @type: MADCAP_OFFER, MADCAP_ACK or MADCAP_NAK
 */
void reply_base(struct req_ctx *x, uint8_t type)
{
	const struct madcap_msg *q = x->req;
	struct madcap_msg *r = x->rep;

	memset(r, 0, sizeof(*r));
	r->type = type;
	/* A request of an unknown family is answered in our own. */
	r->af = madcap_addr_len(q->af) ? q->af : x->peer->local.af;
	r->xid = q->xid;
	r->server_id = x->peer->local;
	madcap_set(r, MADCAP_OPT_SERVER_ID);
	if (madcap_has(q, MADCAP_OPT_LEASE_ID)) {
		r->lease_id_len = q->lease_id_len;
		memcpy(r->lease_id, q->lease_id, q->lease_id_len);
		madcap_set(r, MADCAP_OPT_LEASE_ID);
	}
	r->current_time = x->now;
	madcap_set(r, MADCAP_OPT_CURRENT_TIME);
	if (madcap_has(q, MADCAP_OPT_FEATURES))
		madcap_set(r, MADCAP_OPT_FEATURES);
}

/**
 * reply_nak() - make the reply a NAK and count it
 * @x: the request
 * @err: the error code
 * @opt: for errors 0 and 1, the code of the option at fault, or NO_OPTION
 *
 * The Error option's extra data [RFC 2730 3.17]: the option code for
 * errors 0 and 1, our current time for 2, nothing for 3, the request's
 * required feature codes for 4.
 *
 * Return: REPLY.
 */
enum verdict reply_nak(struct req_ctx *x, enum madcap_err err,
		       unsigned int opt)
{
	const struct madcap_features *f = &x->req->features;
	struct server_counters *c = &x->s->c;
	struct madcap_msg *r = x->rep;
	unsigned int i;

	reply_base(x, MADCAP_NAK);
	r->error = err;
	madcap_set(r, MADCAP_OPT_ERROR);
	switch (err) {
	case MADCAP_ERR_NOT_COMPLETED:
		put16(r->error_data, opt);
		r->error_data_len = 2;
		c->requests_denied++;
		break;
	case MADCAP_ERR_INVALID:
		put16(r->error_data, opt);
		r->error_data_len = 2;
		c->invalid_requests++;
		break;
	case MADCAP_ERR_CLOCK_SKEW:
		put32(r->error_data, (uint32_t)x->now);
		r->error_data_len = 4;
		c->excessive_clock_skews++;
		break;
	case MADCAP_ERR_BAD_LEASE_ID:
		c->bad_lease_ids++;
		break;
	case MADCAP_ERR_FEATURE:
		for (i = 0; i < f->n_required &&
		     2 * i + 2 <= MADCAP_MAX_ERR_DATA; i++)
			put16(&r->error_data[2 * i], f->required[i]);
		r->error_data_len = 2 * i;
		c->unsupported_features++;
		break;
	}
	c->naks++;
	c->errors_total++;
	return REPLY;
}

/**
 * reply_store_nak() - NAK a request whose commit failed (error 0)
 * @x: the request
 *
 * The NAK is not cached: a retransmission tries the commit again.
 *
 * Return: REPLY.
 */
enum verdict reply_store_nak(struct req_ctx *x)
{
	x->no_cache = true;
	return reply_nak(x, MADCAP_ERR_NOT_COMPLETED, NO_OPTION);
}

/**
 * reply_grant() - make the reply an OFFER or ACK describing @l
 * @x: the request
 * @type: MADCAP_OFFER or MADCAP_ACK
 * @l: the offer or lease
 * @with_scope: include the Multicast Scope option (not after a RENEW)
 *
 * Lease Time counts from the Start Time when the lease starts later, else
 * from now; Start Time is sent only for a lease starting later.
 *
 * Return: REPLY.
 */
enum verdict reply_grant(struct req_ctx *x, uint8_t type,
			 const struct lease *l, bool with_scope)
{
	struct madcap_msg *r = x->rep;
	int64_t from = l->start > x->now ? l->start : x->now;

	reply_base(x, type);
	if (with_scope) {
		r->scope = l->scope->first;
		madcap_set(r, MADCAP_OPT_SCOPE);
	}
	r->n_ranges = l->n_ranges;
	server_lease_addrs(l, r->ranges);
	madcap_set(r, MADCAP_OPT_ADDR_LIST);
	r->lease_time = l->end > from ? l->end - from : 0;
	madcap_set(r, MADCAP_OPT_LEASE_TIME);
	if (l->start > x->now) {
		r->start_time = l->start;
		madcap_set(r, MADCAP_OPT_START_TIME);
	}
	if (type == MADCAP_OFFER)
		x->s->c.offers++;
	else
		x->s->c.acks++;
	return REPLY;
}

/**
 * reply_ack() - make the reply a bare ACK (RELEASE, GETINFO)
 * @x: the request
 *
 * Return: REPLY.
 */
enum verdict reply_ack(struct req_ctx *x)
{
	reply_base(x, MADCAP_ACK);
	x->s->c.acks++;
	return REPLY;
}

/**
 * reply_scope_list() - add the Multicast Scope List [RFC 2730 3.10]
 * @x: the request
 *
 * Lists the usable scopes of the request's family, each with its name (in
 * its language, flagged natural) and TTL, at most MADCAP_MAX_SCOPES.
 */
void reply_scope_list(struct req_ctx *x)
{
	struct madcap_msg *r = x->rep;
	const struct scope *sc;

	r->n_scopes = 0;
	for (sc = x->s->scopes.head; sc; sc = sc->next) {
		struct madcap_scope_entry *e;

		if (sc->first.af != x->req->af || !scope_usable(sc, x->now))
			continue;
		if (r->n_scopes == MADCAP_MAX_SCOPES)
			break;
		e = &r->scopes[r->n_scopes++];
		e->range.first = sc->first;
		e->range.last = sc->last;
		e->ttl = sc->ttl;
		e->n_names = 1;
		e->names[0].natural = true;
		snprintf(e->names[0].lang, sizeof(e->names[0].lang), "%s",
			 sc->lang);
		snprintf(e->names[0].name, sizeof(e->names[0].name), "%s",
			 sc->name);
	}
	madcap_set(r, MADCAP_OPT_SCOPE_LIST);
}
