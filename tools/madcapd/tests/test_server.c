// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of madcapd's protocol handling (server_input()) against a
 * temporary database: drops, each NAK case, GETINFO, OFFER/REQUEST/ACK,
 * the response cache, offer hold, clock skew, features, bounds and times.
 * RENEW, RELEASE, expiry, store failures and restarts: test_lease.c.
 */
#include <arpa/inet.h>

#include "fixture.h"

#define V4	MADCAP_AF_IPV4
#define V6	MADCAP_AF_IPV6

static void drops_what_it_must(void **state)
{
	static const uint8_t shortd[11] = { 0, MADCAP_GETINFO, 0, 1 };
	static const uint8_t v1[12] = { 1, MADCAP_GETINFO, 0, 1 };
	static const uint8_t badopt[16] = { 0, MADCAP_GETINFO, 0, 1, 0, 0, 0, 1,
					    0, 1, 0, 9 };
	struct fx *f = *state;
	uint8_t buf[MADCAP_MAX_LEN];
	int n;

	assert_int_equal(fx_raw(f, shortd, sizeof(shortd)), 0);
	assert_int_equal(fx_raw(f, v1, sizeof(v1)), 0);
	assert_int_equal(fx_raw(f, badopt, sizeof(badopt)), 0);
	assert_int_equal(f->s.c.dropped_short, 1);
	assert_int_equal(f->s.c.dropped_version, 1);
	assert_int_equal(f->s.c.dropped_options, 1);
	/* A NAK is never answered, nor are OFFER and ACK. */
	fx_req(f, MADCAP_NAK, V4, 1, "x");
	f->q.error = 1;
	madcap_set(&f->q, MADCAP_OPT_ERROR);
	assert_int_equal(fx_send(f), 0);
	fx_req(f, MADCAP_OFFER, V4, 1, "x");
	assert_int_equal(fx_send(f), 0);
	fx_req(f, MADCAP_ACK, V4, 1, "x");
	assert_int_equal(fx_send(f), 0);
	assert_int_equal(f->s.c.dropped_nak, 1);
	assert_int_equal(f->s.c.dropped_type, 2);
	assert_int_equal(f->s.c.naks, 0);
	/* An unknown type gets Invalid Request, xid and lease id echoed. */
	fx_req(f, MADCAP_GETINFO, V4, 0x1234, "abc");
	n = madcap_build(&f->q, buf, sizeof(buf));
	buf[1] = 9;
	assert_true(fx_raw(f, buf, n));
	fx_assert_nak(f, MADCAP_ERR_INVALID, 0xffff);
	assert_int_equal(f->rep.xid, 0x1234);
	assert_int_equal(f->rep.lease_id_len, 3);
	assert_memory_equal(f->rep.lease_id, "abc", 3);
	assert_addr(f->rep.server_id, "192.0.2.1");
	assert_int_equal(f->s.c.errors_total, 4);
}

static void missing_options_are_invalid(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	fx_req(f, MADCAP_GETINFO, V4, 1, "");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_INVALID, MADCAP_OPT_REQUEST_LIST);
	m = fx_req(f, MADCAP_DISCOVER, V4, 2, "");
	fx_set_scope(m, "239.1.0.0");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_INVALID, MADCAP_OPT_LEASE_ID);
	fx_req(f, MADCAP_REQUEST, V4, 3, "id");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_INVALID, MADCAP_OPT_SCOPE);
	/* RENEW carries no Multicast Scope. */
	m = fx_req(f, MADCAP_RENEW, V4, 4, "id");
	fx_set_scope(m, "239.1.0.0");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_INVALID, MADCAP_OPT_SCOPE);
	/* min > desired */
	m = fx_req(f, MADCAP_DISCOVER, V4, 5, "id");
	fx_set_scope(m, "239.1.0.0");
	fx_set_num(m, 3, 2);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_INVALID, MADCAP_OPT_NUM_ADDRS);
	assert_int_equal(f->s.c.invalid_requests, 5);
	assert_int_equal(f->s.offers.n, 0);
}

static void getinfo_lists_usable_scopes(void **state)
{
	struct admin_scope_set off = { .has_state = true, .active = false };
	struct fx *f = *state;
	struct madcap_msg *m;
	char err[256];

	assert_int_equal(admin_scope_set(&f->s, "small", &off, f->now, err,
					 sizeof(err)), 0);
	m = fx_req(f, MADCAP_GETINFO, V4, 7, "info");
	m->n_request = 2;
	m->request[0] = MADCAP_OPT_SCOPE_LIST;
	m->request[1] = MADCAP_OPT_FEATURES;
	madcap_set(m, MADCAP_OPT_REQUEST_LIST);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_int_equal(f->rep.xid, 7);
	assert_true(madcap_has(&f->rep, MADCAP_OPT_CURRENT_TIME));
	assert_int_equal(f->rep.current_time, f->now);
	assert_true(madcap_has(&f->rep, MADCAP_OPT_FEATURES));
	assert_int_equal(f->rep.features.n_supported, 0);
	/* The inactive scope and the IPv6 one are not listed. */
	assert_int_equal(f->rep.n_scopes, 1);
	assert_addr(f->rep.scopes[0].range.first, "239.1.0.0");
	assert_addr(f->rep.scopes[0].range.last, "239.1.255.255");
	assert_int_equal(f->rep.scopes[0].ttl, 32);
	assert_int_equal(f->rep.scopes[0].n_names, 1);
	assert_string_equal(f->rep.scopes[0].names[0].name, "local");
	assert_string_equal(f->rep.scopes[0].names[0].lang, "en");
	assert_int_equal(f->s.c.informs, 1);
	m = fx_req(f, MADCAP_GETINFO, V6, 8, "info6");
	m->n_request = 1;
	m->request[0] = MADCAP_OPT_SCOPE_LIST;
	madcap_set(m, MADCAP_OPT_REQUEST_LIST);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.n_scopes, 1);
	assert_addr(f->rep.scopes[0].range.first, "ff15::8000:0");
}

static void discover_request_ack(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;
	struct scope *sc = scope_find(&f->s.scopes, "local");

	m = fx_req(f, MADCAP_DISCOVER, V4, 10, "lease-1");
	fx_set_scope(m, "239.1.0.0");
	fx_set_num(m, 2, 4);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_OFFER);
	assert_int_equal(f->rep.xid, 10);
	assert_memory_equal(f->rep.lease_id, "lease-1", 7);
	assert_addr(f->rep.server_id, "192.0.2.1");
	assert_addr(f->rep.scope, "239.1.0.0");
	assert_int_equal(f->rep.n_ranges, 1);
	assert_addr(f->rep.ranges[0].first, "239.1.0.0");
	assert_addr(f->rep.ranges[0].last, "239.1.0.3");
	assert_int_equal(f->rep.lease_time, SCOPE_DEFAULT_LEASE);
	assert_int_equal(sc->offered, 4);
	/* The REQUEST commits exactly what was offered. */
	m = fx_req(f, MADCAP_REQUEST, V4, 11, "lease-1");
	fx_set_scope(m, "239.1.0.0");
	fx_set_num(m, 2, 4);
	m->server_id = A("192.0.2.1");
	madcap_set(m, MADCAP_OPT_SERVER_ID);
	m->lease_time = 3600;
	madcap_set(m, MADCAP_OPT_LEASE_TIME);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_addr(f->rep.ranges[0].first, "239.1.0.0");
	assert_addr(f->rep.ranges[0].last, "239.1.0.3");
	assert_int_equal(f->rep.lease_time, 3600);
	assert_int_equal(sc->offered, 0);
	assert_int_equal(sc->leased, 4);
	assert_int_equal(f->s.offers.n, 0);
	assert_int_equal(f->s.leases.n, 1);
	/* It was committed: a restart finds it. */
	fx_restart(f);
	sc = scope_find(&f->s.scopes, "local");
	assert_int_equal(f->s.leases.n, 1);
	assert_int_equal(sc->leased, 4);
	assert_int_equal(f->s.leases.head->end, T0 + 3600);
	/* A REQUEST with no DISCOVER (unicast) gets the next addresses. */
	m = fx_req(f, MADCAP_REQUEST, V4, 12, "lease-2");
	fx_set_scope(m, "239.1.0.0");
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_int_equal(f->rep.n_ranges, 1);
	assert_addr(f->rep.ranges[0].first, "239.1.0.4");
	assert_addr(f->rep.ranges[0].last, "239.1.0.4");
}

static void response_cache_allocates_once(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;
	uint8_t first[MADCAP_MAX_LEN];
	size_t len;

	m = fx_req(f, MADCAP_REQUEST, V4, 20, "cached");
	fx_set_scope(m, "239.1.0.0");
	fx_set_num(m, 1, 2);
	len = fx_send(f);
	assert_int_equal(f->rep.type, MADCAP_ACK);
	memcpy(first, f->out, len);
	/* Retransmitted later: the same bytes, nothing allocated. */
	f->now += 30;
	assert_int_equal(fx_send(f), len);
	assert_memory_equal(f->out, first, len);
	assert_int_equal(f->s.c.cache_hits, 1);
	assert_int_equal(f->s.c.acks, 1);
	assert_int_equal(f->s.leases.n, 1);
	assert_int_equal(scope_find(&f->s.scopes, "local")->leased, 2);
	/* From another port it is another request (and the same lease). */
	f->peer.port++;
	assert_true(fx_send(f));
	assert_int_equal(f->s.c.cache_hits, 1);
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_addr(f->rep.ranges[0].first, "239.1.0.0");
	assert_int_equal(scope_find(&f->s.scopes, "local")->leased, 2);
	/*
	 * Past RESPONSE-CACHE-INTERVAL the request is handled again, and
	 * the lease table still allocates once.
	 */
	f->peer.port--;
	f->now += SERVER_CACHE_INTERVAL;
	server_tick(&f->s, f->now);
	assert_true(fx_send(f));
	assert_int_equal(f->s.c.cache_hits, 1);
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_int_equal(f->s.leases.n, 1);
	/* A DISCOVER retransmission is not offered twice either. */
	m = fx_req(f, MADCAP_DISCOVER, V4, 21, "disc");
	fx_set_scope(m, "239.1.0.0");
	len = fx_send(f);
	memcpy(first, f->out, len);
	assert_int_equal(fx_send(f), len);
	assert_memory_equal(f->out, first, len);
	assert_int_equal(scope_find(&f->s.scopes, "local")->offered, 1);
}

static void offer_hold_expires(void **state)
{
	struct fx *f = *state;
	struct scope *sc = scope_find(&f->s.scopes, "small");
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_DISCOVER, V4, 30, "held");
	fx_set_scope(m, "233.252.0.0");
	fx_set_num(m, 9, 9);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_OFFER);
	assert_int_equal(scope_free_count(sc), 0);
	/* Held: another client gets nothing. */
	f->peer.addr = A("192.0.2.11");
	m = fx_req(f, MADCAP_DISCOVER, V4, 31, "other");
	fx_set_scope(m, "233.252.0.0");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
	f->now += SERVER_OFFER_HOLD - 1;
	server_tick(&f->s, f->now);
	assert_int_equal(f->s.offers.n, 1);
	f->now += 1;
	server_tick(&f->s, f->now);
	assert_int_equal(f->s.offers.n, 0);
	assert_int_equal(scope_free_count(sc), 9);
	f->q.xid = 32;
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_OFFER);
	assert_addr(f->rep.ranges[0].first, "233.252.0.0");
}

static void clock_skew(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_DISCOVER, V4, 60, "skew");
	fx_set_scope(m, "239.1.0.0");
	m->current_time = f->now + SERVER_CLOCK_SKEW + 1;
	madcap_set(m, MADCAP_OPT_CURRENT_TIME);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_CLOCK_SKEW, -1);
	assert_int_equal(f->rep.error_data_len, 4);
	assert_int_equal((uint32_t)(f->rep.error_data[0] << 24 |
				    f->rep.error_data[1] << 16 |
				    f->rep.error_data[2] << 8 |
				    f->rep.error_data[3]), (uint32_t)f->now);
	assert_int_equal(f->s.c.excessive_clock_skews, 1);
	m->xid = 61;
	m->current_time = f->now - SERVER_CLOCK_SKEW - 1;
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_CLOCK_SKEW, -1);
	/* Within the allowance, and its start time corrected by the skew. */
	m->xid = 62;
	m->current_time = f->now + 1000;
	m->start_time = f->now + 1000 + 500;
	madcap_set(m, MADCAP_OPT_START_TIME);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_OFFER);
	assert_int_equal(f->rep.start_time, f->now + 500);
}

static void required_feature_unsupported(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_REQUEST, V4, 70, "feat");
	fx_set_scope(m, "239.1.0.0");
	m->features.n_required = 2;
	m->features.required[0] = MADCAP_FEAT_RETRY_AFTER;
	m->features.required[1] = MADCAP_FEAT_SHARED_LEASE_ID;
	madcap_set(m, MADCAP_OPT_FEATURES);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_FEATURE, -1);
	assert_int_equal(f->rep.error_data_len, 4);
	assert_int_equal(f->rep.error_data[1], MADCAP_FEAT_RETRY_AFTER);
	assert_int_equal(f->rep.error_data[3], MADCAP_FEAT_SHARED_LEASE_ID);
	assert_int_equal(f->s.c.unsupported_features, 1);
	assert_int_equal(f->s.leases.n, 0);
	/* Merely requested (optional) features are fine. */
	m->xid = 71;
	m->features.n_required = 0;
	m->features.n_requested = 1;
	m->features.requested[0] = MADCAP_FEAT_RETRY_AFTER;
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_true(madcap_has(&f->rep, MADCAP_OPT_FEATURES));
}

static void unknown_scope(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_DISCOVER, V4, 80, "where");
	fx_set_scope(m, "239.77.0.0");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_SCOPE);
	/* Sent to a group: another server may serve it; no answer. */
	f->peer.multicast = true;
	m->xid = 81;
	assert_int_equal(fx_send(f), 0);
	/* A scope of the other family is not a valid scope ID. */
	f->peer.multicast = false;
	m = fx_req(f, MADCAP_DISCOVER, V6, 82, "fam");
	fx_set_scope(m, "ff15::8000:0");
	m->scope = A("239.1.0.0");
	assert_int_equal(madcap_build(m, f->out, sizeof(f->out)), -EINVAL);
}

static void exhaustion_and_min_desired(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	fx_lease(f, "e1", "233.252.0.0", 5);
	m = fx_req(f, MADCAP_REQUEST, V4, 90, "e2");
	fx_set_scope(m, "233.252.0.0");
	fx_set_num(m, 5, 5);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
	assert_int_equal(f->s.leases.n, 1);
	/* min 1, desired 10: the 4 left (the server address skipped). */
	m->xid = 91;
	fx_set_num(m, 1, 10);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_int_equal(f->rep.n_ranges, 2);
	assert_addr(f->rep.ranges[0].first, "233.252.0.5");
	assert_addr(f->rep.ranges[0].last, "233.252.0.7");
	assert_addr(f->rep.ranges[1].first, "233.252.0.9");
	assert_int_equal(scope_free_count(scope_find(&f->s.scopes, "small")),
			 0);
	m = fx_req(f, MADCAP_DISCOVER, V4, 92, "e3");
	fx_set_scope(m, "233.252.0.0");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
	assert_int_equal(f->s.c.requests_denied, 2);
}

static void bounds(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	f->p.max_per_request = 3;
	f->p.max_per_client = 5;
	f->p.max_offers = 1;
	fx_restart(f);
	m = fx_req(f, MADCAP_REQUEST, V4, 100, "b1");
	fx_set_scope(m, "239.1.0.0");
	fx_set_num(m, 1, 10);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_addr(f->rep.ranges[0].last, "239.1.0.2");
	m = fx_req(f, MADCAP_REQUEST, V4, 101, "b2");
	fx_set_scope(m, "239.1.0.0");
	fx_set_num(m, 4, 4);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
	/* 3 held, 2 more allowed for this client. */
	fx_set_num(m, 3, 3);
	m->xid = 102;
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
	assert_int_equal(f->s.c.client_cap, 1);
	fx_set_num(m, 1, 3);
	m->xid = 103;
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_addr(f->rep.ranges[0].last, "239.1.0.4");
	/* One offer at a time. */
	f->peer.addr = A("192.0.2.20");
	m = fx_req(f, MADCAP_DISCOVER, V4, 104, "o1");
	fx_set_scope(m, "239.1.0.0");
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_OFFER);
	m = fx_req(f, MADCAP_DISCOVER, V4, 105, "o2");
	fx_set_scope(m, "239.1.0.0");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, -1);
	assert_int_equal(f->s.c.offers_full, 1);
}

/* Spoofed client addresses cannot grow the lease table past max_leases. */
static void lease_table_bound(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	f->p.max_leases = 2;
	fx_restart(f);
	for (int i = 0; i < 3; i++) {
		char id[8];

		f->peer.addr = A(i == 0 ? "192.0.2.30" : i == 1 ? "192.0.2.31" :
				 "192.0.2.32");
		snprintf(id, sizeof(id), "m%d", i);
		m = fx_req(f, MADCAP_REQUEST, V4, 120 + i, id);
		fx_set_scope(m, "239.1.0.0");
		assert_true(fx_send(f));
		if (i < 2)
			assert_int_equal(f->rep.type, MADCAP_ACK);
	}
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_NUM_ADDRS);
	assert_int_equal(f->s.c.leases_full, 1);
	assert_int_equal(f->s.leases.n, 2);
}

static void lease_and_start_times(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_DISCOVER, V4, 110, "t");
	fx_set_scope(m, "239.1.0.0");
	m->min_lease = SCOPE_DEFAULT_LEASE + 1;
	madcap_set(m, MADCAP_OPT_MIN_LEASE);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_MIN_LEASE);
	/* A lease longer than the scope's is cut to it. */
	m = fx_req(f, MADCAP_DISCOVER, V4, 111, "t");
	fx_set_scope(m, "239.1.0.0");
	m->lease_time = SCOPE_DEFAULT_LEASE * 2;
	madcap_set(m, MADCAP_OPT_LEASE_TIME);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.lease_time, SCOPE_DEFAULT_LEASE);
	/* Maximum Start Time already past: cannot be met. */
	m = fx_req(f, MADCAP_DISCOVER, V4, 112, "t");
	fx_set_scope(m, "239.1.0.0");
	m->max_start = f->now - 10;
	madcap_set(m, MADCAP_OPT_MAX_START);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_MAX_START);
	/* Start after its own maximum: invalid. */
	m->xid = 113;
	m->start_time = f->now + 100;
	m->max_start = f->now + 50;
	madcap_set(m, MADCAP_OPT_START_TIME);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_INVALID, MADCAP_OPT_MAX_START);
	/* A later start is granted and sent back. */
	m->xid = 114;
	m->max_start = f->now + 200;
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_OFFER);
	assert_int_equal(f->rep.start_time, f->now + 100);
	assert_int_equal(f->rep.lease_time, SCOPE_DEFAULT_LEASE);
}

static void request_for_another_server(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	f->peer.multicast = true;
	m = fx_req(f, MADCAP_DISCOVER, V4, 130, "multi");
	fx_set_scope(m, "239.1.0.0");
	assert_true(fx_send(f));
	assert_int_equal(f->s.offers.n, 1);
	m = fx_req(f, MADCAP_REQUEST, V4, 131, "multi");
	fx_set_scope(m, "239.1.0.0");
	m->server_id = A("192.0.2.99");
	madcap_set(m, MADCAP_OPT_SERVER_ID);
	assert_int_equal(fx_send(f), 0);
	assert_int_equal(f->s.offers.n, 0);
	assert_int_equal(f->s.leases.n, 0);
	assert_int_equal(scope_find(&f->s.scopes, "local")->offered, 0);
}

static void ipv6_dynamic_group_ids(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_REQUEST, V6, 140, "six");
	fx_set_scope(m, "ff15::8000:0");
	fx_set_num(m, 2, 2);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_int_equal(f->rep.af, V6);
	assert_addr(f->rep.ranges[0].first, "ff15::8000:0");
	assert_addr(f->rep.ranges[0].last, "ff15::8000:1");
	fx_restart(f);
	m = fx_req(f, MADCAP_REQUEST, V6, 141, "six2");
	fx_set_scope(m, "ff15::8000:0");
	assert_true(fx_send(f));
	assert_addr(f->rep.ranges[0].first, "ff15::8000:2");
}

/* Books balance: the taken set is exactly the leases' and offers' keys. */
static void assert_consistent(struct fx *f)
{
	const struct scope *sc;
	const struct lease *l;

	for (sc = f->s.scopes.head; sc; sc = sc->next) {
		uint64_t leased = 0, offered = 0;

		for (l = f->s.leases.head; l; l = l->next)
			if (l->scope == sc)
				leased += l->count;
		for (l = f->s.offers.head; l; l = l->next)
			if (l->scope == sc)
				offered += l->count;
		assert_int_equal(sc->leased, leased);
		assert_int_equal(sc->offered, offered);
		assert_int_equal(alloc_set_count(&sc->taken, sc->lo, sc->hi),
				 leased + offered);
		assert_int_equal(scope_total(sc),
				 scope_free_count(sc) + leased + offered);
	}
	assert_true(f->s.offers.n <= f->p.max_offers);
}

/* Mutated requests from many clients: no crash, books always balance. */
static void random_datagrams(void **state)
{
	static const uint8_t types[] = { MADCAP_DISCOVER, MADCAP_REQUEST,
					 MADCAP_RENEW, MADCAP_RELEASE,
					 MADCAP_GETINFO };
	static const char *const scopes[] = { "239.1.0.0", "233.252.0.0",
					      "ff15::8000:0" };
	struct fx *f = *state;
	uint8_t buf[MADCAP_MAX_LEN];
	unsigned int i, j;
	char id[8];
	int n;

	srandom(2730);
	f->p.max_offers = 8;
	fx_restart(f);
	assert_int_equal(store_exec(f->st, "PRAGMA synchronous=OFF"), 0);
	for (i = 0; i < 20000; i++) {
		unsigned int sc = random() % 3;
		struct madcap_msg *m;

		snprintf(id, sizeof(id), "id%ld", random() % 40);
		m = fx_req(f, types[random() % 5], sc == 2 ? MADCAP_AF_IPV6 :
			   MADCAP_AF_IPV4, random() % 50, id);
		f->peer.addr.v4.s_addr = htonl(0xc0000200 + random() % 4);
		if (m->type != MADCAP_RENEW && random() % 8)
			fx_set_scope(m, scopes[sc]);
		if (random() % 2)
			fx_set_num(m, random() % 4, random() % 6);
		if (random() % 4 == 0) {
			m->lease_time = random() % 5000;
			madcap_set(m, MADCAP_OPT_LEASE_TIME);
		}
		if (m->type == MADCAP_GETINFO) {
			m->n_request = 1;
			m->request[0] = MADCAP_OPT_SCOPE_LIST;
			madcap_set(m, MADCAP_OPT_REQUEST_LIST);
		}
		n = madcap_build(m, buf, sizeof(buf));
		if (n <= 0)
			continue;
		/* Flip a few bytes of one datagram in four. */
		for (j = 0; random() % 4 == 0 && j < 3; j++)
			buf[random() % n] ^= 1 << (random() % 8);
		fx_raw(f, buf, n);
		if (random() % 50 == 0) {
			f->now += random() % 200;
			server_tick(&f->s, f->now);
		}
		if (i % 1000 == 0)
			assert_consistent(f);
	}
	assert_consistent(f);
	print_message("  %lu acks, %lu offers, %lu naks, %lu dropped, %u leases\n",
		      (unsigned long)f->s.c.acks, (unsigned long)f->s.c.offers,
		      (unsigned long)f->s.c.naks,
		      (unsigned long)(f->s.c.dropped_options +
				      f->s.c.dropped_version),
		      f->s.leases.n);
	fx_restart(f);
	assert_int_equal(f->s.offers.n, 0);
	assert_consistent(f);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(drops_what_it_must),
		T(missing_options_are_invalid),
		T(getinfo_lists_usable_scopes),
		T(discover_request_ack),
		T(response_cache_allocates_once),
		T(offer_hold_expires),
		T(clock_skew),
		T(required_feature_unsupported),
		T(unknown_scope),
		T(exhaustion_and_min_desired),
		T(bounds),
		T(lease_table_bound),
		T(lease_and_start_times),
		T(request_for_another_server),
		T(ipv6_dynamic_group_ids),
		T(random_datagrams),
	};
#undef T

	return cmocka_run_group_tests_name("madcapd server", tests, NULL, NULL);
}
