// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: parsers and formatters (utils.c, args.c, print.c) and keyword dispatch.
 */
#include "harness.h"

/* ---- durations ------------------------------------------------------ */

static void test_duration_valid(void)
{
	static const struct { const char *s; uint32_t ms; } cases[] = {
		{ "125s", 125000 }, { "31.25s", 31250 }, { "100ms", 100 },
		{ "1.5s", 1500 }, { "2m", 120000 }, { "1.5m", 90000 },
		{ "0s", 0 }, { "0ms", 0 }, { "1.000s", 1000 },
		{ "0.001s", 1 }, { "007s", 7000 }, { "0.5m", 30000 },
		{ "4294967295ms", UINT32_MAX }, { "4294967.295s", UINT32_MAX },
		{ "71582m", 4294920000u }, { "10.0000000000s", 10000 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *why = NULL;
		uint32_t ms = 12345;
		int ret = parse_duration(cases[i].s, &ms, &why);

		if (ret || ms != cases[i].ms) {
			printf("    \"%s\": ret %d ms %u why %s\n", cases[i].s,
			       ret, ms, why ? why : "-");
			cur_failures++;
		}
	}
}

static void test_duration_invalid(void)
{
	static const struct { const char *s; const char *why; } cases[] = {
		/* empty */
		{ "", "empty value" },
		/* no unit */
		{ "125", "a unit is required (ms, s or m)" },
		{ "1.5", "a unit is required (ms, s or m)" },
		/* unknown unit / trailing garbage */
		{ "5h", NULL }, { "5sec", NULL }, { "5S", NULL }, { "5 s", NULL },
		{ "1s ", NULL }, { "1sx", NULL }, { "1ms2", NULL },
		{ "1e3ms", NULL }, { "0x10s", NULL },
		/* negative / signs / blanks / no number */
		{ "-1s", "negative durations are not allowed" },
		{ "+1s", NULL }, { " 1s", NULL }, { "abc", NULL }, { "s", NULL },
		{ "ms", NULL },
		/* malformed fractions */
		{ "1.s", "expected digits after the decimal point" },
		{ ".5s", NULL }, { "1..5s", NULL }, { "1.5.2s", NULL },
		/* finer than a millisecond */
		{ "1.5ms", "not a whole number of milliseconds" },
		{ "0.0001s", "not a whole number of milliseconds" },
		{ "0.00001m", "not a whole number of milliseconds" },
		{ "0.0000000001s", "not a whole number of milliseconds" },
		/* overflow */
		{ "4294967296ms", "too large (at most 4294967295ms)" },
		{ "4294968s", "too large (at most 4294967295ms)" },
		{ "71583m", "too large (at most 4294967295ms)" },
		{ "99999999999999999999999999s", "too large (at most 4294967295ms)" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *why = NULL;
		uint32_t ms = 777;
		int ret = parse_duration(cases[i].s, &ms, &why);

		if (!ret || ms != 777 || !why ||
		    (cases[i].why && strcmp(why, cases[i].why))) {
			printf("    \"%s\": ret %d ms %u why %s\n", cases[i].s,
			       ret, ms, why ? why : "-");
			cur_failures++;
		}
	}
}

static void test_duration_format(void)
{
	static const struct { uint32_t ms; const char *s; } cases[] = {
		{ 125000, "125s" }, { 31250, "31.25s" }, { 100, "100ms" },
		{ 1500, "1.5s" }, { 1001, "1.001s" }, { 0, "0s" },
		{ 1, "1ms" }, { 999, "999ms" }, { 10000, "10s" },
		{ 120000, "120s" }, { UINT32_MAX, "4294967.295s" },
		{ 25500, "25.5s" }, { 1010, "1.01s" },
	};
	char buf[DURATION_STRLEN];
	uint32_t v = 1;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		format_duration(cases[i].ms, buf, sizeof(buf));
		EXPECT_STR(cases[i].s, buf);
	}
	/* Round trip over a spread of values. */
	for (int i = 0; i < 20000; i++) {
		const char *why;
		uint32_t back = 0;

		v = v * 1103515245u + 12345u;
		format_duration(v >> (i % 32), buf, sizeof(buf));
		if (parse_duration(buf, &back, &why) || back != v >> (i % 32)) {
			printf("    round trip %u -> %s -> %u\n", v >> (i % 32),
			       buf, back);
			cur_failures++;
			break;
		}
	}
}

/*
 * parse_dur(), the one parser behind parse_duration() (DUR_MS) and
 * madcap_parse_dur() (DUR_SECS): each syntax accepts and refuses as its
 * caller always did, with the same messages, and @max bounds both.
 */
static void test_dur_units(void)
{
	static const struct {
		const char *s;
		enum dur_unit unit;
		uint64_t max;
		uint32_t val;		/* when why is NULL */
		const char *why;
	} cases[] = {
		/* milliseconds: fractions, one NUMBER UNIT */
		{ "31.25s", DUR_MS, UINT32_MAX, 31250, NULL },
		{ "100ms", DUR_MS, UINT32_MAX, 100, NULL },
		{ "1.5m", DUR_MS, UINT32_MAX, 90000, NULL },
		{ "4294967.295s", DUR_MS, UINT32_MAX, UINT32_MAX, NULL },
		{ "", DUR_MS, UINT32_MAX, 0, "empty value" },
		{ "-1s", DUR_MS, UINT32_MAX, 0, "negative durations are not allowed" },
		{ "s", DUR_MS, UINT32_MAX, 0,
		  "expected a number followed by a unit (ms, s or m)" },
		{ "125", DUR_MS, UINT32_MAX, 0, "a unit is required (ms, s or m)" },
		{ "1.s", DUR_MS, UINT32_MAX, 0, "expected digits after the decimal point" },
		{ "1.5ms", DUR_MS, UINT32_MAX, 0, "not a whole number of milliseconds" },
		{ "1m30s", DUR_MS, UINT32_MAX, 0,
		  "unknown unit or trailing characters (use ms, s or m)" },
		{ "1d", DUR_MS, UINT32_MAX, 0,
		  "unknown unit or trailing characters (use ms, s or m)" },
		{ "4294967296ms", DUR_MS, UINT32_MAX, 0, "too large (at most 4294967295ms)" },
		{ "1s", DUR_MS, 1000, 1000, NULL },
		{ "1.001s", DUR_MS, 1000, 0, "too large (at most 1000ms)" },
		/* seconds: d, h, m, s parts, largest first, no fractions */
		{ "1d12h", DUR_SECS, UINT32_MAX, 129600, NULL },
		{ "1m30s", DUR_SECS, UINT32_MAX, 90, NULL },
		{ "49710d6h28m15s", DUR_SECS, UINT32_MAX, UINT32_MAX, NULL },
		{ "", DUR_SECS, UINT32_MAX, 0, "empty value" },
		{ "-1s", DUR_SECS, UINT32_MAX, 0, "negative durations are not allowed" },
		{ "d", DUR_SECS, UINT32_MAX, 0,
		  "expected a number followed by a unit (d, h, m or s)" },
		{ "1d2", DUR_SECS, UINT32_MAX, 0, "a unit is required (d, h, m or s)" },
		{ "1.5h", DUR_SECS, UINT32_MAX, 0,
		  "unknown unit or trailing characters (use d, h, m or s)" },
		{ "1ms", DUR_SECS, UINT32_MAX, 0,	/* 1m, then "s" */
		  "expected a number followed by a unit (d, h, m or s)" },
		{ "1h1d", DUR_SECS, UINT32_MAX, 0,
		  "units must go from the largest to the smallest, each once (1d12h)" },
		{ "1h1h", DUR_SECS, UINT32_MAX, 0,
		  "units must go from the largest to the smallest, each once (1d12h)" },
		{ "49710d6h28m16s", DUR_SECS, UINT32_MAX, 0,
		  "too large (at most 4294967295s)" },
		{ "99999999999999999999d", DUR_SECS, UINT32_MAX, 0,
		  "too large (at most 4294967295s)" },
		{ "59m59s", DUR_SECS, 3599, 3599, NULL },
		{ "1h", DUR_SECS, 3599, 0, "too large (at most 3599s)" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *why = NULL;
		uint32_t v = 777;
		int ret = parse_dur(cases[i].s, cases[i].unit, cases[i].max, &v,
				    &why);

		if (cases[i].why ? ret != -1 || v != 777 || !why ||
				   strcmp(why, cases[i].why) :
				   ret || v != cases[i].val) {
			printf("    \"%s\" (unit %d, max %llu): ret %d val %u why %s\n",
			       cases[i].s, cases[i].unit,
			       (unsigned long long)cases[i].max, ret, v,
			       why ? why : "-");
			cur_failures++;
		}
	}
}

/* ---- integers ------------------------------------------------------- */

static void test_uint_ranges(void)
{
	static const struct {
		const char *s;
		uint64_t min, max;
		int ret;
		uint64_t v;
	} cases[] = {
		{ "0", 0, 255, 0, 0 }, { "255", 0, 255, 0, 255 },
		{ "256", 0, 255, -1, 0 }, { "007", 0, 255, 0, 7 },
		{ "1", 1, 7, 0, 1 }, { "7", 1, 7, 0, 7 },
		{ "0", 1, 7, -1, 0 }, { "8", 1, 7, -1, 0 },
		{ "4294967295", 0, UINT32_MAX, 0, UINT32_MAX },
		{ "4294967296", 0, UINT32_MAX, -1, 0 },
		{ "18446744073709551615", 0, UINT64_MAX, 0, UINT64_MAX },
		{ "18446744073709551616", 0, UINT64_MAX, -1, 0 },
		{ "", 0, 255, -1, 0 }, { "-1", 0, 255, -1, 0 },
		{ "+1", 0, 255, -1, 0 }, { " 1", 0, 255, -1, 0 },
		{ "1 ", 0, 255, -1, 0 }, { "0x10", 0, 255, -1, 0 },
		{ "1.0", 0, 255, -1, 0 }, { "abc", 0, 255, -1, 0 },
		{ "1k", 0, 255, -1, 0 },
	};
	const char *why;
	uint64_t v;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ret;

		v = 4242;
		why = NULL;
		ret = parse_uint(cases[i].s, cases[i].min, cases[i].max, &v,
				 &why);
		if (ret != cases[i].ret || (!ret && v != cases[i].v) ||
		    (ret && (v != 4242 || !why))) {
			printf("    \"%s\" [%llu,%llu]: ret %d v %llu\n",
			       cases[i].s, (unsigned long long)cases[i].min,
			       (unsigned long long)cases[i].max, ret,
			       (unsigned long long)v);
			cur_failures++;
		}
	}
	EXPECT(parse_uint("9", 1, 7, &v, &why) == -1);
	EXPECT_STR("out of range (1-7)", why);
	EXPECT(parse_uint("x", 1, 7, &v, &why) == -1);
	EXPECT_STR("not an unsigned decimal integer", why);
}

static void test_onoff(void)
{
	const char *why;
	bool on = false;

	EXPECT(!parse_onoff("on", &on, &why) && on);
	EXPECT(!parse_onoff("off", &on, &why) && !on);
	EXPECT(parse_onoff("o", &on, &why) == -1);
	EXPECT(parse_onoff("ON", &on, &why) == -1);
	EXPECT(parse_onoff("", &on, &why) == -1);
	EXPECT(parse_onoff("1", &on, &why) == -1);
}

/* ---- prefixes ------------------------------------------------------- */

static void test_prefix_v4(void)
{
	char buf[PREFIX_STRLEN];
	struct prefix p;
	const char *why;
	static const char *const bad[] = {
		"239.192.0.0/33", "239.192.0.0/", "239.192.0/14",
		"239.192.0.0/14/1", "/14", "", "239.192.0.0/-1",
		"239.192.0.0/ 14", "239.192.0.256/8", "abc", "239.192.0.0/1a",
		" 239.192.0.0/14", "239.192.0.0 /14", "239.192.0.0/+4",
		"239.192.0.0/0x10",
	};

	EXPECT(!parse_prefix("239.192.0.0/14", &p, &why));
	EXPECT(p.family == AF_INET && p.len == 14);
	EXPECT(p.addr[0] == 239 && p.addr[1] == 192 && !p.addr[2] && !p.addr[3]);
	EXPECT(!format_prefix(&p, buf, sizeof(buf)));
	EXPECT_STR("239.192.0.0/14", buf);

	EXPECT(!parse_prefix("239.1.2.3", &p, &why));
	EXPECT(p.family == AF_INET && p.len == 32);
	EXPECT(!format_prefix(&p, buf, sizeof(buf)));
	EXPECT_STR("239.1.2.3/32", buf);

	/* Host bits and non-multicast addresses are the kernel's business. */
	EXPECT(!parse_prefix("10.1.2.3/8", &p, &why) && p.len == 8);
	EXPECT(!parse_prefix("0.0.0.0/0", &p, &why) && p.len == 0);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		if (!parse_prefix(bad[i], &p, &why) || !why) {
			printf("    accepted \"%s\"\n", bad[i]);
			cur_failures++;
		}
	}
}

static void test_prefix_v6(void)
{
	char buf[PREFIX_STRLEN];
	struct prefix p;
	const char *why;
	static const char *const bad[] = {
		"ff05::/129", "ff05:::/16", "[ff05::]/16", "ff05::/", "ff05::%lo",
		"ff05::/16x", "gg05::/16", "ff05::1::2",
	};

	EXPECT(!parse_prefix("ff05::/16", &p, &why));
	EXPECT(p.family == AF_INET6 && p.len == 16);
	EXPECT(p.addr[0] == 0xff && p.addr[1] == 0x05 && !p.addr[15]);
	EXPECT(!format_prefix(&p, buf, sizeof(buf)));
	EXPECT_STR("ff05::/16", buf);

	EXPECT(!parse_prefix("FF02::1", &p, &why));
	EXPECT(p.len == 128 && p.addr[15] == 1);
	EXPECT(!format_prefix(&p, buf, sizeof(buf)));
	EXPECT_STR("ff02::1/128", buf);

	EXPECT(!parse_prefix("ff3e:0:0:0:0:0:0:0/32", &p, &why));
	EXPECT(!format_prefix(&p, buf, sizeof(buf)));
	EXPECT_STR("ff3e::/32", buf);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		if (!parse_prefix(bad[i], &p, &why) || !why) {
			printf("    accepted \"%s\"\n", bad[i]);
			cur_failures++;
		}
	}
	EXPECT(parse_prefix("ff05::/200", &p, &why) == -1);
	EXPECT_STR("prefix length must be a number from 0 to 128", why);
}

/* ---- keywords and dispatch ------------------------------------------ */

static void test_keywords_exact(void)
{
	static const char *const bad[] = {
		"inter", "i", "interfaces", "Interface", "", "mon", "monitors",
		"hel", "interface ",
	};
	struct capture c;
	char *err;
	char *argv[4];

	EXPECT(cmd_find(mcastctl_objects, "interface") != NULL);
	EXPECT(cmd_find(mcastctl_objects, "monitor") != NULL);
	EXPECT(cmd_find(mcastctl_objects, "mfe") != NULL);
	EXPECT(cmd_find(mcastctl_objects, "mf") == NULL);
	EXPECT(cmd_find(mcastctl_objects, "group") != NULL);
	EXPECT(cmd_find(mcastctl_objects, "querier") != NULL);
	EXPECT(cmd_find(mcastctl_objects, "groups") == NULL);
	EXPECT(cmd_find(mcastctl_objects, "grp") == NULL);
	EXPECT(cmd_find(mcastctl_objects, "querie") == NULL);
	EXPECT(cmd_find(mcastctl_objects, "Querier") == NULL);
	EXPECT(cmd_find(mcastctl_objects, "help") != NULL);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (cmd_find(mcastctl_objects, bad[i])) {
			printf("    object \"%s\" matched\n", bad[i]);
			cur_failures++;
		}
	}

	argv[0] = "inter";
	argv[1] = NULL;
	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(1, argv) == -EINVAL);
	err = capture_end(&c);
	EXPECT_STR("Error: unknown object \"inter\"; try \"mcastctl help\"\n", err);
	free(err);

	argv[0] = "interface";
	argv[1] = "sh";
	argv[2] = NULL;
	capture_begin(&c, 2);
	EXPECT(mcastctl_dispatch(2, argv) == -EINVAL);
	err = capture_end(&c);
	EXPECT_STR("Error: unknown command \"sh\" for \"interface\"; try \"mcastctl interface help\"\n",
		   err);
	free(err);
}

static void test_help_levels(void)
{
	char *a1[] = { "help", NULL };
	char *a2[] = { "interface", "help", NULL };
	char *a3[] = { "interface", "set", "help", NULL };
	char *a4[] = { "monitor", "help", NULL };
	char *a5[] = { "interface", "show", "help", NULL };
	struct capture c;
	char *out;

	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(1, a1) == 0);
	out = capture_end(&c);
	EXPECT(!strncmp(out, "Usage: mcastctl [ OPTIONS ] OBJECT", 34));
	free(out);

	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(2, a2) == 0);
	out = capture_end(&c);
	EXPECT(!strncmp(out, "Usage: mcastctl interface set DEV", 33));
	free(out);

	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(3, a3) == 0);
	out = capture_end(&c);
	EXPECT(strstr(out, "[ query-response-interval DUR ]") != NULL);
	free(out);

	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(2, a4) == 0);
	out = capture_end(&c);
	EXPECT(!strncmp(out, "Usage: mcastctl [ -j ] monitor", 30));
	free(out);

	capture_begin(&c, 1);
	EXPECT(mcastctl_dispatch(3, a5) == 0);
	out = capture_end(&c);
	EXPECT(!strncmp(out, "Usage: mcastctl interface", 25));
	free(out);
}

/* ---- printing --------------------------------------------------------- */

static void test_json_escape(void)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "eth1", "\"eth1\"" },
		{ "", "\"\"" },
		{ "a\"b", "\"a\\\"b\"" },
		{ "back\\slash", "\"back\\\\slash\"" },
		{ "nl\ncr\rtab\tbs\bff\f", "\"nl\\ncr\\rtab\\tbs\\bff\\f\"" },
		{ "\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"" },
		{ "caf\xc3\xa9/</>", "\"caf\xc3\xa9/</>\"" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);

		if (!fp)
			exit(2);
		json_escape(fp, cases[i].in);
		fclose(fp);
		EXPECT_STR(cases[i].out, buf);
		free(buf);
	}
}

/* ---- mfe: printing -------------------------------------------------------- */

static void test_format_age(void)
{
	static const struct { uint64_t ms; const char *s; } cases[] = {
		{ 0, "0s" }, { 999, "0s" }, { 1000, "1s" }, { 59999, "59s" },
		{ 60000, "1m00s" }, { 65000, "1m05s" }, { 3599999, "59m59s" },
		{ 3600000, "1h00m" }, { 7380000, "2h03m" },
		{ 86399999, "23h59m" }, { 86400000, "1d00h" },
		{ 273600000, "3d04h" },
		{ UINT64_MAX, "213503982334d14h" },
	};
	char buf[AGE_STRLEN];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		format_age(cases[i].ms, buf, sizeof(buf));
		EXPECT_STR(cases[i].s, buf);
	}
}

/* ---- interface: querier and max-sources -------------------------------- */

static void test_format_timer(void)
{
	static const struct { uint32_t ms; const char *s; } cases[] = {
		{ 0, "0.0s" }, { 99, "0.0s" }, { 100, "0.1s" }, { 3250, "3.2s" },
		{ 254312, "254.3s" }, { 250000, "250.0s" },
		{ UINT32_MAX, "4294967.2s" },
	};
	char buf[DURATION_STRLEN];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		format_timer(cases[i].ms, buf, sizeof(buf));
		EXPECT_STR(cases[i].s, buf);
	}
}

const struct mr_test utils_tests[] = {
	{ "duration_valid", test_duration_valid },
	{ "duration_invalid", test_duration_invalid },
	{ "duration_format", test_duration_format },
	{ "dur_units", test_dur_units },
	{ "uint_ranges", test_uint_ranges },
	{ "onoff", test_onoff },
	{ "prefix_v4", test_prefix_v4 },
	{ "prefix_v6", test_prefix_v6 },
	{ "keywords_exact", test_keywords_exact },
	{ "help_levels", test_help_levels },
	{ "json_escape", test_json_escape },
	{ "format_age", test_format_age },
	{ "format_timer", test_format_timer },
	{ NULL, NULL }
};
