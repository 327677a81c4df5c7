// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of madcapd's leases over their life, against a temporary
 * database: RENEW, RELEASE and EXTRA-ALLOCATION-TIME, expiry, commits that
 * fail, restarts (nothing acknowledged is forgotten or allocated twice)
 * and scope expiry.
 */
#include <signal.h>
#include <sys/wait.h>

#include "fixture.h"

#define V4	MADCAP_AF_IPV4

static void renew_and_release(void **state)
{
	struct fx *f = *state;
	struct scope *sc = scope_find(&f->s.scopes, "small");
	struct madcap_msg *m;

	fx_lease(f, "r1", "233.252.0.0", 3);
	f->now += 1000;
	m = fx_req(f, MADCAP_RENEW, V4, 40, "r1");
	m->lease_time = 7200;
	madcap_set(m, MADCAP_OPT_LEASE_TIME);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_int_equal(f->rep.lease_time, 7200);
	assert_false(madcap_has(&f->rep, MADCAP_OPT_SCOPE));
	assert_int_equal(f->rep.n_ranges, 1);
	assert_addr(f->rep.ranges[0].first, "233.252.0.0");
	assert_int_equal(f->s.leases.head->end, f->now + 7200);
	fx_restart(f);
	sc = scope_find(&f->s.scopes, "small");
	assert_int_equal(f->s.leases.head->end, f->now + 7200);
	/* Unknown lease: error 3, for RENEW and RELEASE. */
	fx_req(f, MADCAP_RENEW, V4, 41, "nope");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_BAD_LEASE_ID, -1);
	fx_req(f, MADCAP_RELEASE, V4, 42, "nope");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_BAD_LEASE_ID, -1);
	assert_int_equal(f->s.c.bad_lease_ids, 2);
	/* RELEASE: ACK; the addresses wait EXTRA-ALLOCATION-TIME. */
	fx_req(f, MADCAP_RELEASE, V4, 43, "r1");
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_memory_equal(f->rep.lease_id, "r1", 2);
	fx_req(f, MADCAP_RENEW, V4, 44, "r1");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_BAD_LEASE_ID, -1);
	fx_lease(f, "r2", "233.252.0.0", 1);
	assert_addr(f->rep.ranges[0].first, "233.252.0.3");
	fx_restart(f);
	sc = scope_find(&f->s.scopes, "small");
	assert_int_equal(sc->leased, 4);
	f->now += SERVER_EXTRA_TIME - 1;
	server_tick(&f->s, f->now);
	assert_int_equal(sc->leased, 4);
	f->now += 1;
	server_tick(&f->s, f->now);
	assert_int_equal(sc->leased, 1);
	fx_restart(f);
	assert_int_equal(f->s.leases.n, 1);
	fx_lease(f, "r3", "233.252.0.0", 2);
	assert_addr(f->rep.ranges[0].first, "233.252.0.0");
	assert_addr(f->rep.ranges[0].last, "233.252.0.1");
}

static void expired_lease_cannot_renew(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_REQUEST, V4, 50, "short");
	fx_set_scope(m, "239.1.0.0");
	m->lease_time = 100;
	madcap_set(m, MADCAP_OPT_LEASE_TIME);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.lease_time, 100);
	f->now += 100;
	fx_req(f, MADCAP_RENEW, V4, 51, "short");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_BAD_LEASE_ID, -1);
	/* Still held until end + EXTRA-ALLOCATION-TIME. */
	m = fx_req(f, MADCAP_REQUEST, V4, 52, "next");
	fx_set_scope(m, "239.1.0.0");
	assert_true(fx_send(f));
	assert_addr(f->rep.ranges[0].first, "239.1.0.1");
}

static void store_failure_sends_no_ack(void **state)
{
	struct fx *f = *state;
	struct scope *sc = scope_find(&f->s.scopes, "small");
	struct madcap_msg *m;

	assert_int_equal(store_exec(f->st, "PRAGMA query_only=1"), 0);
	m = fx_req(f, MADCAP_REQUEST, V4, 120, "sf");
	fx_set_scope(m, "233.252.0.0");
	fx_set_num(m, 2, 2);
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, -1);
	assert_int_equal(f->s.c.store_failures, 1);
	assert_int_equal(f->s.c.acks, 0);
	assert_int_equal(f->s.leases.n, 0);
	assert_int_equal(scope_free_count(sc), 9);
	/* Not cached: the retransmission commits once the store is back. */
	assert_int_equal(store_exec(f->st, "PRAGMA query_only=0"), 0);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
	assert_int_equal(f->s.c.cache_hits, 0);
	/* A failed RELEASE leaves the lease as it was. */
	assert_int_equal(store_exec(f->st, "PRAGMA query_only=1"), 0);
	fx_req(f, MADCAP_RELEASE, V4, 121, "sf");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, -1);
	assert_int_equal(f->s.leases.head->released, 0);
	assert_int_equal(store_exec(f->st, "PRAGMA query_only=0"), 0);
	fx_restart(f);
	assert_int_equal(f->s.leases.n, 1);
}

static void scope_expiry(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;
	struct scope *sc;

	fx_scope(f, "gone", "239.2.0.0", "239.2.3.255", f->now + 100);
	fx_scope(f, "busy", "239.3.0.0", "239.3.3.255", f->now + 100);
	m = fx_req(f, MADCAP_REQUEST, V4, 150, "busy1");
	fx_set_scope(m, "239.3.0.0");
	assert_true(fx_send(f));
	/* A lease ends with its scope. */
	assert_int_equal(f->rep.lease_time, 100);
	f->now += 100;
	server_tick(&f->s, f->now);
	assert_null(scope_find(&f->s.scopes, "gone"));
	sc = scope_find(&f->s.scopes, "busy");
	assert_non_null(sc);
	assert_false(sc->active);
	/* Not offered any more; the deletion was committed. */
	m = fx_req(f, MADCAP_DISCOVER, V4, 151, "late");
	fx_set_scope(m, "239.3.0.0");
	assert_true(fx_send(f));
	fx_assert_nak(f, MADCAP_ERR_NOT_COMPLETED, MADCAP_OPT_SCOPE);
	fx_restart(f);
	assert_null(scope_find(&f->s.scopes, "gone"));
	assert_false(scope_find(&f->s.scopes, "busy")->active);
	f->now += SERVER_EXTRA_TIME;
	server_tick(&f->s, f->now);	/* the lease goes... */
	server_tick(&f->s, f->now);	/* ...then its scope */
	assert_null(scope_find(&f->s.scopes, "busy"));
	assert_int_equal(f->s.scopes.n, 3);
}


static void killed_after_ack(void **state)
{
	struct fx *f = *state;
	struct scope *sc;
	int status;
	pid_t pid;

	/* A second madcapd on the same database is refused. */
	struct store *other;

	assert_int_equal(store_open(f->db, &other), -EBUSY);
	fx_stop(f);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		/* The child acknowledges a lease, then dies at once. */
		fx_start(f);
		fx_lease(f, "acked", "233.252.0.0", 3);
		raise(SIGKILL);
		_exit(1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGKILL);
	fx_start(f);
	assert_int_equal(f->s.leases.n, 1);
	assert_memory_equal(f->s.leases.head->id, "acked", 5);
	sc = scope_find(&f->s.scopes, "small");
	assert_int_equal(sc->leased, 3);
	fx_lease(f, "after", "233.252.0.0", 1);
	assert_addr(f->rep.ranges[0].first, "233.252.0.3");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(renew_and_release),
		T(expired_lease_cannot_renew),
		T(store_failure_sends_no_ack),
		T(scope_expiry),
		T(killed_after_ack),
	};
#undef T

	return cmocka_run_group_tests_name("madcapd leases", tests, NULL, NULL);
}
