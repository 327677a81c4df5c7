/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A madcapd server on a temporary database, for the unit tests: three
 * scopes ("local" 239.1.0.0/16, "small" 233.252.0.0-9 with 9 allocatable
 * addresses, "v6" ff15::8000:0-ffff), a client 192.0.2.10:4000 talking
 * unicast to 192.0.2.1, and helpers to send it MADCAP messages.
 */
#ifndef MADCAPD_TEST_FIXTURE_H
#define MADCAPD_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "helpers.h"

#include "admin.h"
#include "log.h"
#include "server.h"
#include "store.h"

#define T0	INT64_C(1700000000)

struct fx {
	char dir[64];
	char db[96];
	struct store *st;
	struct server s;
	struct server_params p;
	int64_t now;
	struct server_peer peer;
	uint8_t out[MADCAP_MAX_LEN];
	size_t len;
	struct madcap_msg q;	/* the request being written */
	struct madcap_msg rep;	/* the last reply, parsed */
};

static inline void fx_start(struct fx *f)
{
	assert_int_equal(store_open(f->db, &f->st), 0);
	assert_int_equal(server_init(&f->s, &f->p, f->st, f->now), 0);
}

static inline void fx_stop(struct fx *f)
{
	server_fini(&f->s);
	store_close(f->st);
	f->st = NULL;
}

/* Stop and start again on the same database (a restart of madcapd). */
static inline void fx_restart(struct fx *f)
{
	fx_stop(f);
	fx_start(f);
}

static inline void fx_scope(struct fx *f, const char *name, const char *first,
			    const char *last, int64_t expires)
{
	struct admin_scope_set set = { .has_expires = true,
				       .expires = expires };
	struct madcap_range r = R(first, last);
	char err[256];

	if (admin_scope_add(&f->s, name, &r, &set, f->now, err, sizeof(err)))
		fail_msg("%s", err);
}

static inline int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	log_init(false, -1);
	snprintf(f->dir, sizeof(f->dir), "/tmp/madcapd-test.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof(f->db), "%s/madcap.db", f->dir);
	server_params_default(&f->p);
	f->now = T0;
	f->peer.addr = A("192.0.2.10");
	f->peer.port = 4000;
	f->peer.local = A("192.0.2.1");
	fx_start(f);
	fx_scope(f, "local", "239.1.0.0", "239.1.255.255", 0);
	fx_scope(f, "small", "233.252.0.0", "233.252.0.9", 0);
	fx_scope(f, "v6", "ff15::8000:0", "ff15::8000:ffff", 0);
	*state = f;
	return 0;
}

static inline int fx_teardown(void **state)
{
	struct fx *f = *state;
	char path[128];

	if (f->st)
		fx_stop(f);
	snprintf(path, sizeof(path), "%s-wal", f->db);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", f->db);
	unlink(path);
	unlink(f->db);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Start a request of @type for lease @id ("" for none). */
static inline struct madcap_msg *fx_req(struct fx *f, uint8_t type,
					uint16_t af, uint32_t xid,
					const char *id)
{
	struct madcap_msg *m = &f->q;

	memset(m, 0, sizeof(*m));
	m->type = type;
	m->af = af;
	m->xid = xid;
	if (*id) {
		m->lease_id_len = strlen(id);
		memcpy(m->lease_id, id, m->lease_id_len);
		madcap_set(m, MADCAP_OPT_LEASE_ID);
	}
	return m;
}

static inline void fx_set_scope(struct madcap_msg *m, const char *scope)
{
	m->scope = A(scope);
	madcap_set(m, MADCAP_OPT_SCOPE);
}

static inline void fx_set_num(struct madcap_msg *m, uint16_t min,
			      uint16_t desired)
{
	m->num_min = min;
	m->num_desired = desired;
	madcap_set(m, MADCAP_OPT_NUM_ADDRS);
}

/* Feed raw bytes to the server; parse the reply into f->rep. */
static inline size_t fx_raw(struct fx *f, const void *buf, size_t len)
{
	f->len = server_input(&f->s, buf, len, &f->peer, f->now, f->out,
			      sizeof(f->out));
	memset(&f->rep, 0, sizeof(f->rep));
	if (f->len)
		assert_int_equal(madcap_parse(f->out, f->len, &f->rep),
				 MADCAP_PARSE_OK);
	return f->len;
}

/* Send f->q; return the reply's length (0: no reply). */
static inline size_t fx_send(struct fx *f)
{
	uint8_t buf[MADCAP_MAX_LEN];
	int n = madcap_build(&f->q, buf, sizeof(buf));

	assert_true(n > 0);
	return fx_raw(f, buf, n);
}

/* The reply is a NAK with @err (and, if @opt >= 0, that option code). */
static inline void fx_assert_nak(struct fx *f, unsigned int err, int opt)
{
	assert_true(f->len > 0);
	assert_int_equal(f->rep.type, MADCAP_NAK);
	assert_true(madcap_has(&f->rep, MADCAP_OPT_ERROR));
	assert_int_equal(f->rep.error, err);
	if (opt >= 0) {
		assert_int_equal(f->rep.error_data_len, 2);
		assert_int_equal(f->rep.error_data[0] << 8 |
				 f->rep.error_data[1], opt);
	}
}

/* DISCOVER then REQUEST lease @id for @n addresses of scope @scope. */
static inline void fx_lease(struct fx *f, const char *id, const char *scope,
			    int n)
{
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_DISCOVER, MADCAP_AF_IPV4, 100, id);
	fx_set_scope(m, scope);
	fx_set_num(m, n, n);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_OFFER);
	m = fx_req(f, MADCAP_REQUEST, MADCAP_AF_IPV4, 101, id);
	fx_set_scope(m, scope);
	fx_set_num(m, n, n);
	m->server_id = f->rep.server_id;
	madcap_set(m, MADCAP_OPT_SERVER_ID);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
}

#endif /* MADCAPD_TEST_FIXTURE_H */
