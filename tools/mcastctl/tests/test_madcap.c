// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: "madcap": parsers, control requests and replies, dispatch.
 */
#include "harness.h"

/* ---- madcap: parsers, control requests, replies ----------------------- */

static void test_madcap_dur(void)
{
	static const struct { const char *s; uint32_t secs; } ok[] = {
		{ "30d", 2592000 }, { "12h", 43200 }, { "90s", 90 },
		{ "1d12h", 129600 }, { "2h30m", 9000 }, { "0s", 0 },
		{ "1m30s", 90 }, { "4294967295s", UINT32_MAX },
		{ "49710d6h28m15s", UINT32_MAX }, { "007m", 420 },
	};
	static const char *const bad[] = {
		"", "5", "5x", "1h1d", "1h1h", "-1s", "1.5h", "4294967296s",
		"49711d", " 1s", "1s ", "d", "1d 2h", "1S", "+1s", "1ms",
	};
	static const struct { uint32_t secs; const char *s; } fmt[] = {
		{ 2592000, "30d" }, { 90, "1m30s" }, { 0, "0s" },
		{ 129600, "1d12h" }, { UINT32_MAX, "49710d6h28m15s" },
		{ 3601, "1h1s" },
	};
	const char *why = NULL;
	uint32_t v;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = 12345;
		if (madcap_parse_dur(ok[i].s, &v, &why) || v != ok[i].secs) {
			printf("    \"%s\": %u\n", ok[i].s, v);
			cur_failures++;
		}
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		if (!madcap_parse_dur(bad[i], &v, &why) || !why) {
			printf("    \"%s\" accepted\n", bad[i]);
			cur_failures++;
		}
	}
	EXPECT(madcap_parse_dur("5", &v, &why) == -1);
	EXPECT_STR("a unit is required (d, h, m or s)", why);
	EXPECT(madcap_parse_dur("1h1d", &v, &why) == -1);
	EXPECT_STR("units must go from the largest to the smallest, each once (1d12h)",
		   why);
	for (size_t i = 0; i < sizeof(fmt) / sizeof(fmt[0]); i++) {
		char buf[MADCAP_DUR_STRLEN];

		madcap_format_dur(fmt[i].secs, buf, sizeof(buf));
		EXPECT_STR(fmt[i].s, buf);
		EXPECT(!madcap_parse_dur(buf, &v, &why) && v == fmt[i].secs);
	}
}

static void test_madcap_time(void)
{
	static const struct { const char *s; int64_t t; } ok[] = {
		{ "never", 0 }, { "1800000000", 1800000000 },
		{ "2027-01-31T00:00:00Z", 1801353600 },
		{ "2027-01-31T00:00Z", 1801353600 },
		{ "2027-01-31T01:00:00+01:00", 1801353600 },
		{ "2027-01-31T01:00+0100", 1801353600 },
		{ "2027-01-30T19:30:00-04:30", 1801353600 },
		{ "2027-01-31", 1801353600 },
		{ "2026-12-07T17:00:00Z", 1796662800 },
		{ "2028-02-29T00:00:00Z", 1835395200 },
	};
	static const char *const bad[] = {
		"", "0", "x", "2027-02-30T00:00:00Z", "2027-01-31T00:00:00",
		"2027-1-31", "2027-01-31T25:00Z", "2027-01-31T00:00:00+15:00",
		"2027-01-31T00:00:00Zjunk", "1969-12-31T00:00:00Z",
		"2027-01-31 00:00:00Z", "2027-01-31T00:00:60Z", "-1",
		"2027-13-01", "2027-01-31T00:00:0Z", "2027-02-29", "Never",
		"99999999999999",
	};
	const char *why = NULL;
	char buf[MADCAP_TIME_STRLEN];
	int64_t t;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		t = -1;
		if (madcap_parse_time(ok[i].s, true, &t, &why) || t != ok[i].t) {
			printf("    \"%s\": %lld (%s)\n", ok[i].s, (long long)t,
			       why ? why : "-");
			cur_failures++;
		}
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		if (!madcap_parse_time(bad[i], true, &t, &why) || !why) {
			printf("    \"%s\" accepted as %lld\n", bad[i], (long long)t);
			cur_failures++;
		}
	}
	EXPECT(madcap_parse_time("never", false, &t, &why) == -1);
	EXPECT_STR("\"never\" is not a time here", why);
	EXPECT(madcap_parse_time("2027-01-31T00:00:00", true, &t, &why) == -1);
	EXPECT_STR("a time zone is required (Z, +HH:MM or -HH:MM)", why);
	madcap_format_time(0, buf, sizeof(buf));
	EXPECT_STR("never", buf);
	madcap_format_time(1801353600, buf, sizeof(buf));
	EXPECT_STR("2027-01-31T00:00:00Z", buf);
	EXPECT(!madcap_parse_time(buf, false, &t, &why) && t == 1801353600);
}

static void test_madcap_range(void)
{
	static const char *const bad[] = {
		"", "239.1.0.0", "239.1.0.0-", "-239.1.0.0", "239.1.0.0-ff15::1",
		"a-b", "239.1.0.0-239.1.0.9-239.1.0.10", "239.1.0.0--239.1.0.9",
		"239.1.0.0 -239.1.0.9", "239.1.0.256-239.1.0.9", "ff15::g-ff15::1",
		"ff15::1-239.1.0.9",
	};
	struct madcap_range r;
	const char *why = NULL;
	char buf[MADCAP_RANGE_STRLEN];

	EXPECT(!madcap_parse_range("239.1.0.0-239.1.0.255", &r, &why));
	EXPECT(r.first.af == MADCAP_AF_IPV4 && r.last.af == MADCAP_AF_IPV4);
	EXPECT(ntohl(r.first.v4.s_addr) == 0xef010000 &&
	       ntohl(r.last.v4.s_addr) == 0xef0100ff);
	EXPECT(!madcap_format_range(&r, buf, sizeof(buf)));
	EXPECT_STR("239.1.0.0-239.1.0.255", buf);
	/* Syntax only: order and multicast are madcapd's to judge. */
	EXPECT(!madcap_parse_range("10.0.0.9-10.0.0.0", &r, &why));
	EXPECT(!madcap_parse_range("ff15:0::8000:0-ff15::8000:ffff", &r, &why));
	EXPECT(r.first.af == MADCAP_AF_IPV6);
	EXPECT(!madcap_format_range(&r, buf, sizeof(buf)));
	EXPECT_STR("ff15::8000:0-ff15::8000:ffff", buf);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		if (!madcap_parse_range(bad[i], &r, &why) || !why) {
			printf("    \"%s\" accepted\n", bad[i]);
			cur_failures++;
		}
	}
	EXPECT(madcap_parse_range("239.1.0.0-ff15::1", &r, &why) == -1);
	EXPECT_STR("FIRST and LAST must be of the same family", why);

	/* Stepping addresses carries across bytes. */
	EXPECT(!madcap_text_addr("ff15::ff", &r.first));
	madcap_addr_add(&r.first, 1);
	EXPECT_STR("ff15::100", madcap_addr_text(&r.first, buf, sizeof(buf)));
	EXPECT(!madcap_text_addr("239.1.0.255", &r.first));
	madcap_addr_add(&r.first, 2);
	EXPECT_STR("239.1.1.1", madcap_addr_text(&r.first, buf, sizeof(buf)));
}

static void test_madcap_count(void)
{
	static const char *const bad[] = {
		"", "0", "65536", "1-", "-1", "a", "1-0", "0-4", "1-65536",
		"1--2", " 1", "1 -2", "1-2-3", "99999999999999999999-1",
	};
	const char *why = NULL;
	uint16_t min = 0, max = 0;

	EXPECT(!madcap_parse_count("4", &min, &max, &why) && min == 4 && max == 4);
	EXPECT(!madcap_parse_count("2-8", &min, &max, &why) && min == 2 &&
	       max == 8);
	EXPECT(!madcap_parse_count("65535-65535", &min, &max, &why) &&
	       min == 65535 && max == 65535);
	/* MIN above MAX goes to the server, which answers Invalid Request. */
	EXPECT(!madcap_parse_count("8-2", &min, &max, &why) && min == 8 &&
	       max == 2);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		if (!madcap_parse_count(bad[i], &min, &max, &why) || !why) {
			printf("    \"%s\" accepted\n", bad[i]);
			cur_failures++;
		}
	}
}

static void test_madcap_lease_id(void)
{
	uint8_t id[MADCAP_MAX_LEASE_ID];
	char hex[2 * MADCAP_MAX_LEASE_ID + 2], buf[2 * MADCAP_MAX_LEASE_ID + 1];
	const char *why = NULL;
	unsigned int len = 0;

	EXPECT(!madcap_parse_lease_id("00ff", id, &len, &why) && len == 2 &&
	       id[0] == 0 && id[1] == 0xff);
	EXPECT(!madcap_parse_lease_id("ABcd", id, &len, &why) && len == 2 &&
	       id[0] == 0xab && id[1] == 0xcd);
	madcap_format_lease_id(id, len, buf, sizeof(buf));
	EXPECT_STR("abcd", buf);
	EXPECT(madcap_parse_lease_id("abc", id, &len, &why) == -1);
	EXPECT_STR("an even number of hex digits is required", why);
	EXPECT(madcap_parse_lease_id("zz", id, &len, &why) == -1);
	EXPECT(madcap_parse_lease_id("", id, &len, &why) == -1);
	EXPECT(madcap_parse_lease_id("0x00", id, &len, &why) == -1);
	memset(hex, 'e', 2 * MADCAP_MAX_LEASE_ID);
	hex[2 * MADCAP_MAX_LEASE_ID] = '\0';
	EXPECT(!madcap_parse_lease_id(hex, id, &len, &why) &&
	       len == MADCAP_MAX_LEASE_ID && id[254] == 0xee);
	madcap_format_lease_id(id, len, buf, sizeof(buf));
	EXPECT_STR(hex, buf);
	strcat(hex, "ee");
	EXPECT(madcap_parse_lease_id(hex, id, &len, &why) == -1);
	EXPECT_STR("too long (at most 255 bytes)", why);
}

static void test_madcap_client_opts(void)
{
	uint32_t ms = 0, at[4];
	const char *why = NULL;
	int64_t skew = 0;

	EXPECT(!madcap_parse_timeout("60", &ms, &why) && ms == 60000);
	EXPECT(!madcap_parse_timeout("2.5", &ms, &why) && ms == 2500);
	EXPECT(!madcap_parse_timeout("0.3", &ms, &why) && ms == 300);
	EXPECT(!madcap_parse_timeout("86400", &ms, &why) && ms == 86400000);
	EXPECT(madcap_parse_timeout("0", &ms, &why) == -1);
	EXPECT(madcap_parse_timeout("0.000", &ms, &why) == -1);
	EXPECT(madcap_parse_timeout("1.2345", &ms, &why) == -1);
	EXPECT(madcap_parse_timeout("-1", &ms, &why) == -1);
	EXPECT(madcap_parse_timeout("86400.5", &ms, &why) == -1);
	EXPECT(madcap_parse_timeout("1.", &ms, &why) == -1);
	EXPECT(madcap_parse_timeout("5s", &ms, &why) == -1);
	EXPECT(!madcap_parse_skew("3600", &skew, &why) && skew == 3600);
	EXPECT(!madcap_parse_skew("-7200", &skew, &why) && skew == -7200);
	EXPECT(madcap_parse_skew("--1", &skew, &why) == -1);
	EXPECT(madcap_parse_skew("1h", &skew, &why) == -1);

	/* RFC 2730: t, t+4, t+12, t+28, give up at t+60; scaled. */
	EXPECT(madcap_client_schedule(60000, at, 4) == 4);
	EXPECT(at[0] == 0 && at[1] == 4000 && at[2] == 12000 && at[3] == 28000);
	EXPECT(madcap_client_schedule(6000, at, 4) == 4);
	EXPECT(at[0] == 0 && at[1] == 400 && at[2] == 1200 && at[3] == 2800);
	EXPECT(madcap_client_schedule(6000, at, 2) == 2);
}

/* madcap_admin_build() of a command line; its JSON or NULL, stderr -> *err. */
static char *madcap_build_line(const char *line, char **err, int *ret)
{
	char *copy = strdup(line), *argv[64], *json = NULL;
	struct json_object *req = NULL;
	struct capture c, o;
	int argc = split_line(copy, argv);

	capture_begin(&c, 2);
	capture_begin(&o, 1);
	*ret = madcap_admin_build(argc, argv, &req);
	free(capture_end(&o));
	*err = capture_end(&c);
	if (req)
		json = strdup(json_object_to_json_string_ext(req,
						JSON_C_TO_STRING_PLAIN));
	json_object_put(req);
	free(copy);
	return json;
}

static void test_madcap_admin_build(void)
{
	static const struct { const char *line, *json; } ok[] = {
		{ "scope add Local range 239.255.0.0-239.255.255.255 ttl 16 lease 1d12h state inactive expires 2027-01-31T00:00:00Z lang de",
		  "{\"cmd\":\"scope-add\",\"name\":\"Local\",\"first\":\"239.255.0.0\","
		  "\"last\":\"239.255.255.255\",\"ttl\":16,\"lease\":129600,"
		  "\"state\":\"inactive\",\"expires\":1801353600,\"lang\":\"de\"}" },
		{ "scope add v6 range ff15:0::8000:0-ff15::8000:ffff",
		  "{\"cmd\":\"scope-add\",\"name\":\"v6\",\"first\":\"ff15::8000:0\","
		  "\"last\":\"ff15::8000:ffff\"}" },
		{ "scope add X range 239.1.0.0-239.1.0.9 expires never",
		  "{\"cmd\":\"scope-add\",\"name\":\"X\",\"first\":\"239.1.0.0\","
		  "\"last\":\"239.1.0.9\",\"expires\":0}" },
		{ "scope set Local expires never ttl 0",
		  "{\"cmd\":\"scope-set\",\"name\":\"Local\",\"expires\":0,\"ttl\":0}" },
		{ "scope del Local", "{\"cmd\":\"scope-del\",\"name\":\"Local\"}" },
		{ "scope del Local force",
		  "{\"cmd\":\"scope-del\",\"name\":\"Local\",\"force\":true}" },
		{ "scope show", "{\"cmd\":\"scope-show\"}" },
		{ "scope", "{\"cmd\":\"scope-show\"}" },
		{ "scope show Local", "{\"cmd\":\"scope-show\",\"name\":\"Local\"}" },
		{ "exclude add Local 239.255.0.0-239.255.0.9",
		  "{\"cmd\":\"exclude-add\",\"name\":\"Local\",\"first\":\"239.255.0.0\","
		  "\"last\":\"239.255.0.9\"}" },
		{ "exclude del Local 239.255.0.0-239.255.0.9",
		  "{\"cmd\":\"exclude-del\",\"name\":\"Local\",\"first\":\"239.255.0.0\","
		  "\"last\":\"239.255.0.9\"}" },
		{ "lease show", "{\"cmd\":\"lease-show\"}" },
		{ "lease", "{\"cmd\":\"lease-show\"}" },
		{ "lease show scope Local",
		  "{\"cmd\":\"lease-show\",\"scope\":\"Local\"}" },
		{ "lease del ff15:0::1", "{\"cmd\":\"lease-del\",\"address\":\"ff15::1\"}" },
		{ "stats", "{\"cmd\":\"stats\"}" },
		{ "params", "{\"cmd\":\"params-show\"}" },
	};
	static const struct { const char *line, *err; } bad[] = {
		{ "scope add X", "Error: \"range FIRST-LAST\" is required\n" },
		{ "scope set X range 239.1.0.0-239.1.0.9",
		  "Error: unknown keyword \"range\" (a range cannot change: delete the scope and add it again); try \"mcastctl madcap scope help\"\n" },
		{ "scope set X", "Error: nothing to set; try \"mcastctl madcap scope help\"\n" },
		{ "scope add X range a-b",
		  "Error: invalid range \"a-b\": FIRST is not an IPv4 or IPv6 address\n" },
		{ "scope add X range 239.1.0.0-239.1.0.9 ttl 1 ttl 2",
		  "Error: \"ttl\" given more than once\n" },
		{ "scope add X range 239.1.0.0-239.1.0.9 ttl 256",
		  "Error: invalid ttl \"256\": out of range (0-255)\n" },
		{ "scope add X range 239.1.0.0-239.1.0.9 lease 30",
		  "Error: invalid lease \"30\": a unit is required (d, h, m or s)\n" },
		{ "scope add X range 239.1.0.0-239.1.0.9 state on",
		  "Error: invalid state \"on\": expected \"active\" or \"inactive\"\n" },
		{ "scope add X range 239.1.0.0-239.1.0.9 ttl",
		  "Error: missing value for \"ttl\"\n" },
		{ "scope add X range 239.1.0.0-239.1.0.9 tt 1",
		  "Error: unknown keyword \"tt\"; try \"mcastctl madcap scope help\"\n" },
		{ "scope add", "Error: missing scope; try \"mcastctl madcap scope help\"\n" },
		{ "scope sho", "Error: unknown command \"sho\" for \"madcap scope\"; try \"mcastctl madcap scope help\"\n" },
		{ "scope del X forc", "Error: unexpected argument \"forc\"; try \"mcastctl madcap scope help\"\n" },
		{ "scope show X Y", "Error: unexpected argument \"Y\"; try \"mcastctl madcap scope help\"\n" },
		{ "exclude add X", "Error: missing FIRST-LAST; try \"mcastctl madcap exclude help\"\n" },
		{ "exclude", "Error: missing command; try \"mcastctl madcap exclude help\"\n" },
		{ "exclude flush X", "Error: unknown command \"flush\" for \"madcap exclude\"; try \"mcastctl madcap exclude help\"\n" },
		{ "lease del 239.1.0.300",
		  "Error: invalid address \"239.1.0.300\": not an IPv4 or IPv6 address\n" },
		{ "lease show scope", "Error: missing value for \"scope\"\n" },
		{ "stats all", "Error: unexpected argument \"all\"; try \"mcastctl madcap stats help\"\n" },
	};
	char *err, *json;
	int ret;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		json = madcap_build_line(ok[i].line, &err, &ret);
		if (ret || !json || strcmp(json, ok[i].json)) {
			printf("    \"%s\": ret %d\n    got  %s\n    want %s\n    %s",
			       ok[i].line, ret, json ? json : "(null)",
			       ok[i].json, err);
			cur_failures++;
		}
		free(json);
		free(err);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json = madcap_build_line(bad[i].line, &err, &ret);
		EXPECT(ret == -1 && !json);
		EXPECT_STR(bad[i].err, err);
		free(json);
		free(err);
	}
	/* help at every level, anywhere on the line. */
	json = madcap_build_line("scope add X help", &err, &ret);
	EXPECT(ret == 1 && !json && !*err);
	free(json);
	free(err);
	json = madcap_build_line("lease help", &err, &ret);
	EXPECT(ret == 1 && !json && !*err);
	free(json);
	free(err);
}

static const char madcap_scopes_reply[] =
	"{\"ok\":true,\"scopes\":[{\"name\":\"Local\",\"first\":\"239.255.0.0\","
	"\"last\":\"239.255.255.255\",\"ttl\":32,\"lease\":2592000,"
	"\"state\":\"active\",\"expires\":0,\"lang\":\"en\","
	"\"server\":\"239.255.255.254\",\"exclusions\":[{\"first\":\"239.255.0.0\","
	"\"last\":\"239.255.0.255\"}],\"total\":65536,\"in_use\":2,"
	"\"offered\":0,\"free\":65278},"
	"{\"name\":\"Site6\",\"first\":\"ff15::8000:0\",\"last\":\"ff15::ffff:ffff\","
	"\"ttl\":16,\"lease\":90,\"state\":\"inactive\",\"expires\":1801353600,"
	"\"lang\":\"en\",\"server\":\"ff15::ffff:fffe\",\"exclusions\":[],"
	"\"total\":\"2147483648\",\"in_use\":0,\"offered\":0,\"free\":2147483647}]}";

/* madcap_admin_print() of a canned reply. */
static char *madcap_print_reply(const char *cmd, const char *reply,
				bool json)
{
	struct json_object *r = json_tokener_parse(reply);
	struct out o;

	out_begin(&o, json, false);
	EXPECT(r && madcap_admin_print(cmd, r) == 0);
	json_object_put(r);
	return out_end(&o);
}

static void test_madcap_admin_print(void)
{
	char *s;

	s = madcap_print_reply("scope-show", madcap_scopes_reply, false);
	EXPECT_STR("scope Local range 239.255.0.0-239.255.255.255 ttl 32 lease 30d state active expires never lang en\n"
		   "    server 239.255.255.254 total 65536 in-use 2 offered 0 free 65278\n"
		   "    exclude 239.255.0.0-239.255.0.255\n"
		   "scope Site6 range ff15::8000:0-ff15::ffff:ffff ttl 16 lease 1m30s state inactive expires 2027-01-31T00:00:00Z lang en\n"
		   "    server ff15::ffff:fffe total 2147483648 in-use 0 offered 0 free 2147483647\n",
		   s);
	free(s);
	s = madcap_print_reply("scope-show", madcap_scopes_reply, true);
	EXPECT_STR("[{\"name\":\"Local\",\"first\":\"239.255.0.0\",\"last\":\"239.255.255.255\","
		   "\"ttl\":32,\"lease\":2592000,\"state\":\"active\",\"expires\":0,"
		   "\"lang\":\"en\",\"server\":\"239.255.255.254\",\"total\":65536,"
		   "\"in-use\":2,\"offered\":0,\"free\":65278,\"exclusions\":"
		   "[{\"first\":\"239.255.0.0\",\"last\":\"239.255.0.255\"}]},"
		   "{\"name\":\"Site6\",\"first\":\"ff15::8000:0\",\"last\":\"ff15::ffff:ffff\","
		   "\"ttl\":16,\"lease\":90,\"state\":\"inactive\",\"expires\":1801353600,"
		   "\"lang\":\"en\",\"server\":\"ff15::ffff:fffe\",\"total\":\"2147483648\","
		   "\"in-use\":0,\"offered\":0,\"free\":2147483647,\"exclusions\":[]}]\n",
		   s);
	free(s);
	s = madcap_print_reply("scope-show", "{\"ok\":true,\"scopes\":[]}", true);
	EXPECT_STR("[]\n", s);
	free(s);
	s = madcap_print_reply("scope-show", "{\"ok\":true,\"scopes\":[]}", false);
	EXPECT_STR("", s);
	free(s);

	s = madcap_print_reply("lease-show",
		"{\"ok\":true,\"leases\":[{\"id\":\"00ff\",\"scope\":\"Local\","
		"\"client\":\"10.0.0.2:4000\",\"addresses\":[\"239.255.1.0-239.255.1.1\","
		"\"239.255.1.7\"],\"start\":1801353600,\"end\":1801353690,"
		"\"released\":0},{\"id\":\"01\",\"scope\":\"Local\","
		"\"client\":\"[fd00::1]:4000\",\"addresses\":[\"239.255.1.2\"],"
		"\"start\":1801353600,\"end\":1801353690,\"released\":1801353601}]}",
		false);
	EXPECT_STR("lease 00ff scope Local client 10.0.0.2:4000 start 2027-01-31T00:00:00Z end 2027-01-31T00:01:30Z\n"
		   "    239.255.1.0-239.255.1.1 239.255.1.7\n"
		   "lease 01 scope Local client [fd00::1]:4000 start 2027-01-31T00:00:00Z end 2027-01-31T00:01:30Z released 2027-01-31T00:00:01Z\n"
		   "    239.255.1.2\n", s);
	free(s);
	s = madcap_print_reply("lease-show",
		"{\"ok\":true,\"leases\":[{\"id\":\"00ff\",\"scope\":\"Local\","
		"\"client\":\"10.0.0.2:4000\",\"addresses\":[\"239.255.1.0\"],"
		"\"start\":1801353600,\"end\":1801353690,\"released\":0}]}", true);
	EXPECT_STR("[{\"id\":\"00ff\",\"scope\":\"Local\",\"client\":\"10.0.0.2:4000\","
		   "\"start\":1801353600,\"end\":1801353690,\"released\":0,"
		   "\"addresses\":[\"239.255.1.0\"]}]\n",
		   s);
	free(s);

	s = madcap_print_reply("stats",
		"{\"ok\":true,\"counters\":{\"discovers\":3,\"errors_total\":1,"
		"\"bad%skey\":5},\"scopes\":[{\"name\":\"Local\",\"total\":10,"
		"\"in_use\":1,\"offered\":2,\"free\":7}]}", false);
	EXPECT_STR("discovers 3\nerrors-total 1\n"
		   "scope Local total 10 in-use 1 offered 2 free 7\n", s);
	free(s);
	s = madcap_print_reply("stats",
		"{\"ok\":true,\"counters\":{\"discovers\":3,\"errors_total\":1},"
		"\"scopes\":[{\"name\":\"Local\",\"total\":10,\"in_use\":1,"
		"\"offered\":2,\"free\":7}]}", true);
	EXPECT_STR("{\"counters\":{\"discovers\":3,\"errors-total\":1},\"scopes\":"
		   "[{\"name\":\"Local\",\"total\":10,\"in-use\":1,\"offered\":2,\"free\":7}]}\n",
		   s);
	free(s);

	s = madcap_print_reply("params-show",
		"{\"ok\":true,\"params\":{\"clock_skew\":1800,"
		"\"extra_allocation_time\":3600,\"max_per_client\":16}}", false);
	EXPECT_STR("clock-skew 30m\nextra-allocation-time 1h\nmax-per-client 16\n", s);
	free(s);
	s = madcap_print_reply("params-show",
		"{\"ok\":true,\"params\":{\"clock_skew\":1800,"
		"\"extra_allocation_time\":3600,\"max_per_client\":16}}", true);
	EXPECT_STR("{\"clock-skew\":1800,\"extra-allocation-time\":3600,\"max-per-client\":16}\n",
		   s);
	free(s);

	/* Changes print nothing. */
	s = madcap_print_reply("scope-add", "{\"ok\":true}", true);
	EXPECT_STR("", s);
	free(s);
}

static void test_madcap_dispatch(void)
{
	char *a1[] = { "madcap", "frob", NULL };
	char *a2[] = { "madcap", "help", NULL };
	char *a3[] = { "madcap", "control", NULL };
	char *a4[] = { "madcap", "control", "/nonexistent/sock", "stats", NULL };
	char *a5[] = { "madcap", "request", "count", "0", NULL };
	char *a6[] = { "madcap", "renew", "abc", NULL };
	char *a7[] = { "madcap", "getinfo", "scope", "x", NULL };
	char *a8[] = { "madcap", "request", "server", "ff15::1", "family",
		       "inet", NULL };
	struct capture c;
	char *s;

	EXPECT(cmd_find(mcastctl_objects, "madcap") != NULL);
	EXPECT(cmd_find(mcastctl_objects, "madca") == NULL);
	EXPECT(cmd_find(mcastctl_objects, "MADCAP") == NULL);

	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(2, a1) == -EINVAL);
	s = capture_end(&c);
	EXPECT_STR("Error: unknown command \"frob\" for \"madcap\"; try \"mcastctl madcap help\"\n",
		   s);
	free(s);

	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(2, a2) == 0);
	s = capture_end(&c);
	EXPECT(!strncmp(s, "Usage: mcastctl madcap [ control PATH ]", 39));
	EXPECT(strstr(s, "mcastctl madcap request [ scope { ID | NAME } ]") != NULL);
	free(s);

	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(2, a3) == -EINVAL);
	s = capture_end(&c);
	EXPECT_STR("Error: missing value for \"control\"\n", s);
	free(s);

	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(4, a4) == -ENOENT);
	s = capture_end(&c);
	EXPECT_STR("Error: cannot connect to madcapd at /nonexistent/sock: No such file or directory\n",
		   s);
	free(s);

	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(4, a5) == -EINVAL);
	s = capture_end(&c);
	EXPECT_STR("Error: invalid count \"0\": out of range (1-65535)\n", s);
	free(s);

	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(3, a6) == -EINVAL);
	s = capture_end(&c);
	EXPECT_STR("Error: invalid LEASE-ID \"abc\": an even number of hex digits is required\n",
		   s);
	free(s);

	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(4, a7) == -EINVAL);
	s = capture_end(&c);
	EXPECT_STR("Error: unknown keyword \"scope\" for \"madcap getinfo\"; try \"mcastctl madcap help\"\n",
		   s);
	free(s);

	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(6, a8) == -EINVAL);
	s = capture_end(&c);
	EXPECT_STR("Error: family inet does not match the family given before (inet6)\n",
		   s);
	free(s);
}

const struct mr_test madcap_tests[] = {
	{ "madcap_dur", test_madcap_dur },
	{ "madcap_time", test_madcap_time },
	{ "madcap_range", test_madcap_range },
	{ "madcap_count", test_madcap_count },
	{ "madcap_lease_id", test_madcap_lease_id },
	{ "madcap_client_opts", test_madcap_client_opts },
	{ "madcap_admin_build", test_madcap_admin_build },
	{ "madcap_admin_print", test_madcap_admin_print },
	{ "madcap_dispatch", test_madcap_dispatch },
	{ NULL, NULL }
};
