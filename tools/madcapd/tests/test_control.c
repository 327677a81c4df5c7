// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of madcapd's control commands (control_handle()) against a
 * temporary database: JSON in, JSON out, as mcastctl madcap sends them.
 */
#include <json-c/json.h>

#include "fixture.h"

#include "control.h"
#include "ctl.h"

static char out[MADCAP_CTL_MAX];

/* Run @req as @uid; return the reply (free it with json_object_put). */
static struct json_object *ctl(struct fx *f, uid_t uid, const char *req)
{
	size_t n = control_handle(&f->s, req, strlen(req), uid, f->now, out,
				  sizeof(out));
	struct json_object *o;

	out[n < sizeof(out) ? n : sizeof(out) - 1] = '\0';
	o = json_tokener_parse(out);
	if (!o)
		fail_msg("reply is not JSON: %s", out);
	return o;
}

static struct json_object *get(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		fail_msg("no \"%s\" in %s", key, json_object_to_json_string(o));
	return v;
}

static bool ok(struct json_object *o)
{
	return json_object_get_boolean(get(o, "ok"));
}

/* Assert the request fails with an error containing @text. */
static void refused(struct fx *f, uid_t uid, const char *req, const char *text)
{
	struct json_object *o = ctl(f, uid, req);
	const char *e;

	assert_false(ok(o));
	e = json_object_get_string(get(o, "error"));
	if (!strstr(e, text))
		fail_msg("error \"%s\" lacks \"%s\"", e, text);
	json_object_put(o);
}

static void accepted(struct fx *f, const char *req)
{
	struct json_object *o = ctl(f, 0, req);

	if (!ok(o))
		fail_msg("%s: %s", req, json_object_to_json_string(o));
	json_object_put(o);
}

static void changes_need_root(void **state)
{
	struct fx *f = *state;
	struct json_object *o;

	refused(f, 1000, "{\"cmd\":\"scope-add\",\"name\":\"x\",\"first\":\"239.5.0.0\",\"last\":\"239.5.3.255\"}",
		"Permission denied");
	refused(f, 1000, "{\"cmd\":\"lease-del\",\"address\":\"239.1.0.0\"}",
		"Permission denied");
	assert_null(scope_find(&f->s.scopes, "x"));
	o = ctl(f, 1000, "{\"cmd\":\"stats\"}");
	assert_true(ok(o));
	assert_int_equal(json_object_get_int64(get(get(o, "counters"),
						   "discovers")), 0);
	assert_int_equal(json_object_array_length(get(o, "scopes")), 3);
	json_object_put(o);
	o = ctl(f, 1000, "{\"cmd\":\"params-show\"}");
	assert_int_equal(json_object_get_int64(get(get(o, "params"),
						   "extra_allocation_time")),
			 SERVER_EXTRA_TIME);
	json_object_put(o);
}

static void bad_requests(void **state)
{
	struct fx *f = *state;

	refused(f, 0, "not json", "not valid JSON");
	refused(f, 0, "{\"cmd\":\"stats\"} trailing", "not valid JSON");
	refused(f, 0, "[1]", "not a JSON object");
	refused(f, 0, "{}", "Missing argument \"cmd\"");
	refused(f, 0, "{\"cmd\":\"frobnicate\"}", "Unknown command");
	refused(f, 0, "{\"cmd\":\"stats\",\"verbose\":true}",
		"Unknown argument \"verbose\"");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"x\",\"first\":\"239.5.0.0\",\"last\":\"239.5.3.255\",\"ttl\":\"8\"}",
		"\"ttl\" must be an integer");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"x\",\"first\":\"nowhere\",\"last\":\"239.5.3.255\"}",
		"not an IPv4 or IPv6 address");
}

static void scope_checks_change_nothing(void **state)
{
	struct fx *f = *state;

	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"224.0.0.0\",\"last\":\"224.0.3.255\"}",
		"224.0.0.0/24");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"232.1.0.0\",\"last\":\"232.1.3.255\"}",
		"232.0.0.0/8");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"z\\u0000q\",\"first\":\"239.10.0.0\",\"last\":\"239.10.255.255\"}",
		"NUL");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"192.168.0.0\",\"last\":\"192.168.3.255\"}",
		"not a multicast range");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"239.1.128.0\",\"last\":\"239.2.3.255\"}",
		"overlaps scope \"local\"");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"local\",\"first\":\"239.9.0.0\",\"last\":\"239.9.3.255\"}",
		"already exists");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"ff15::1:0\",\"last\":\"ff15::1:ff\"}",
		"RFC 3307");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"239.9.0.0\",\"last\":\"239.9.3.255\",\"ttl\":300}",
		"TTL");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"239.9.0.0\",\"last\":\"239.9.3.255\",\"state\":\"on\"}",
		"\"state\"");
	refused(f, 0, "{\"cmd\":\"scope-add\",\"name\":\"y\",\"first\":\"239.9.0.0\",\"last\":\"239.9.3.255\",\"expires\":5}",
		"future");
	refused(f, 0, "{\"cmd\":\"scope-set\",\"name\":\"nowhere\",\"ttl\":4}",
		"There is no scope \"nowhere\"");
	refused(f, 0, "{\"cmd\":\"scope-set\",\"name\":\"local\"}",
		"Nothing to change");
	refused(f, 0, "{\"cmd\":\"exclude-add\",\"name\":\"local\",\"first\":\"239.2.0.0\",\"last\":\"239.2.0.9\"}",
		"not a range inside scope");
	assert_int_equal(f->s.scopes.n, 3);
	assert_int_equal(scope_find(&f->s.scopes, "local")->n_excl, 0);
	fx_restart(f);
	assert_int_equal(f->s.scopes.n, 3);
}

static void scope_lifecycle(void **state)
{
	struct fx *f = *state;
	struct json_object *o, *sc, *ex;

	accepted(f, "{\"cmd\":\"scope-add\",\"name\":\"org\",\"first\":\"239.192.0.0\",\"last\":\"239.195.255.255\",\"ttl\":16,\"lease\":3600,\"state\":\"inactive\",\"lang\":\"de\"}");
	accepted(f, "{\"cmd\":\"exclude-add\",\"name\":\"org\",\"first\":\"239.192.0.0\",\"last\":\"239.192.0.255\"}");
	refused(f, 0, "{\"cmd\":\"exclude-add\",\"name\":\"org\",\"first\":\"239.192.0.0\",\"last\":\"239.192.0.255\"}",
		"already excluded");
	accepted(f, "{\"cmd\":\"scope-set\",\"name\":\"org\",\"state\":\"active\",\"ttl\":15}");
	fx_restart(f);
	o = ctl(f, 1000, "{\"cmd\":\"scope-show\",\"name\":\"org\"}");
	assert_true(ok(o));
	assert_int_equal(json_object_array_length(get(o, "scopes")), 1);
	sc = json_object_array_get_idx(get(o, "scopes"), 0);
	assert_string_equal(json_object_get_string(get(sc, "first")),
			    "239.192.0.0");
	assert_string_equal(json_object_get_string(get(sc, "server")),
			    "239.195.255.254");
	assert_string_equal(json_object_get_string(get(sc, "state")), "active");
	assert_string_equal(json_object_get_string(get(sc, "lang")), "de");
	assert_int_equal(json_object_get_int(get(sc, "ttl")), 15);
	assert_int_equal(json_object_get_int(get(sc, "lease")), 3600);
	assert_int_equal(json_object_get_int64(get(sc, "total")),
			 262144 - 256 - 256);
	assert_int_equal(json_object_get_int64(get(sc, "free")),
			 262144 - 256 - 256);
	ex = get(sc, "exclusions");
	assert_int_equal(json_object_array_length(ex), 1);
	json_object_put(o);
	accepted(f, "{\"cmd\":\"exclude-del\",\"name\":\"org\",\"first\":\"239.192.0.0\",\"last\":\"239.192.0.255\"}");
	refused(f, 0, "{\"cmd\":\"exclude-del\",\"name\":\"org\",\"first\":\"239.192.0.0\",\"last\":\"239.192.0.255\"}",
		"has no exclusion");
	accepted(f, "{\"cmd\":\"scope-del\",\"name\":\"org\"}");
	fx_restart(f);
	assert_null(scope_find(&f->s.scopes, "org"));
}

static void request(struct fx *f, const char *id, int n)
{
	struct madcap_msg *m = fx_req(f, MADCAP_REQUEST, MADCAP_AF_IPV4, 1, id);

	fx_set_scope(m, "233.252.0.0");
	fx_set_num(m, n, n);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.type, MADCAP_ACK);
}

static void leases_show_and_delete(void **state)
{
	struct fx *f = *state;
	struct scope *sc = scope_find(&f->s.scopes, "small");
	struct json_object *o, *l, *a;

	request(f, "\x01\xab", 3);
	o = ctl(f, 1000, "{\"cmd\":\"lease-show\",\"scope\":\"small\"}");
	assert_int_equal(json_object_array_length(get(o, "leases")), 1);
	l = json_object_array_get_idx(get(o, "leases"), 0);
	assert_string_equal(json_object_get_string(get(l, "id")), "01ab");
	assert_string_equal(json_object_get_string(get(l, "scope")), "small");
	assert_string_equal(json_object_get_string(get(l, "client")),
			    "192.0.2.10:4000");
	a = get(l, "addresses");
	assert_int_equal(json_object_array_length(a), 1);
	assert_string_equal(json_object_get_string(json_object_array_get_idx(a, 0)),
			    "233.252.0.0-233.252.0.2");
	assert_int_equal(json_object_get_int64(get(l, "start")), T0);
	assert_int_equal(json_object_get_int64(get(l, "released")), 0);
	json_object_put(o);
	/* Deleting frees the addresses at once, and for good. */
	refused(f, 0, "{\"cmd\":\"lease-del\",\"address\":\"233.252.0.5\"}",
		"No lease holds 233.252.0.5");
	accepted(f, "{\"cmd\":\"lease-del\",\"address\":\"233.252.0.1\"}");
	assert_int_equal(scope_free_count(sc), 9);
	fx_restart(f);
	assert_int_equal(f->s.leases.n, 0);
}

static void scope_del_with_leases(void **state)
{
	struct fx *f = *state;

	request(f, "keep", 2);
	refused(f, 0, "{\"cmd\":\"scope-del\",\"name\":\"small\"}",
		"holds 1 leases");
	assert_non_null(scope_find(&f->s.scopes, "small"));
	accepted(f, "{\"cmd\":\"scope-del\",\"name\":\"small\",\"force\":true}");
	assert_int_equal(f->s.leases.n, 0);
	fx_restart(f);
	assert_null(scope_find(&f->s.scopes, "small"));
	assert_int_equal(f->s.leases.n, 0);
}

static void exclusion_withdraws_offers(void **state)
{
	struct fx *f = *state;
	struct madcap_msg *m;

	m = fx_req(f, MADCAP_DISCOVER, MADCAP_AF_IPV4, 5, "offered");
	fx_set_scope(m, "233.252.0.0");
	fx_set_num(m, 2, 2);
	assert_true(fx_send(f));
	assert_int_equal(f->s.offers.n, 1);
	accepted(f, "{\"cmd\":\"exclude-add\",\"name\":\"small\",\"first\":\"233.252.0.1\",\"last\":\"233.252.0.1\"}");
	assert_int_equal(f->s.offers.n, 0);
	m = fx_req(f, MADCAP_DISCOVER, MADCAP_AF_IPV4, 6, "offered");
	fx_set_scope(m, "233.252.0.0");
	fx_set_num(m, 2, 2);
	assert_true(fx_send(f));
	assert_int_equal(f->rep.n_ranges, 2);
	assert_addr(f->rep.ranges[1].first, "233.252.0.2");
}

static void big_reply_is_truncated(void **state)
{
	struct fx *f = *state;
	struct json_object *o;
	char id[16];
	int i;

	f->p.max_per_client = 100000;
	fx_restart(f);
	/* Durability is not under test here: skip the fsyncs. */
	assert_int_equal(store_exec(f->st, "PRAGMA synchronous=OFF"), 0);
	for (i = 0; i < 1000; i++) {
		struct madcap_msg *m;

		snprintf(id, sizeof(id), "lease-%d", i);
		m = fx_req(f, MADCAP_REQUEST, MADCAP_AF_IPV4, i, id);
		fx_set_scope(m, "239.1.0.0");
		assert_true(fx_send(f));
	}
	o = ctl(f, 0, "{\"cmd\":\"lease-show\"}");
	assert_true(ok(o));
	assert_true(json_object_get_boolean(get(o, "truncated")));
	assert_true(json_object_array_length(get(o, "leases")) > 100);
	assert_true(json_object_array_length(get(o, "leases")) < 1000);
	json_object_put(o);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(changes_need_root),
		T(bad_requests),
		T(scope_checks_change_nothing),
		T(scope_lifecycle),
		T(leases_show_and_delete),
		T(scope_del_with_leases),
		T(exclusion_withdraws_offers),
		T(big_reply_is_truncated),
	};
#undef T

	return cmocka_run_group_tests_name("madcapd control", tests, NULL,
					   NULL);
}
