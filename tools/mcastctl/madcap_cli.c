// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the "madcap" object, multicast address allocation (RFC 2730).
 *
 *   mcastctl madcap [ control PATH ] { scope | exclude | lease | stats |
 *                                      params } ...   administer madcapd
 *   mcastctl madcap { getinfo | request | renew | release } ...
 *                                      be a MADCAP client
 *
 * This file dispatches the verbs and holds the parsers both halves share:
 * durations (30d, 12h, 1d12h, 90s: utils.c's parse_dur() in seconds),
 * times (never, Unix seconds, ISO 8601), address ranges (FIRST-LAST),
 * counts (MIN[-MAX]) and lease identifiers (hex). As everywhere in
 * mcastctl only the syntax is checked here: whether a range is multicast,
 * inside a scope or free is madcapd's to judge, and its refusal is printed
 * as it words it.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include "madcap_cli.h"
#include "mcastctl.h"
#include "utils.h"

const char *madcap_ctl_path = MADCAP_CTL_PATH;

static char why_buf[96];

static const char time_syntax[] =
	"expected never, Unix seconds or an ISO 8601 date-time (2027-01-31T00:00:00Z)";

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/**
 * madcap_parse_dur() - parse_dur() in seconds, up to UINT32_MAX
 * @s: one or more NUMBER UNIT parts, UNIT one of d, h, m, s, largest
 *	first, each at most once: "30d", "12h", "90s", "1d12h", "2h30m"
 * @secs: the duration in seconds on success
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int madcap_parse_dur(const char *s, uint32_t *secs, const char **why)
{
	return parse_dur(s, DUR_SECS, UINT32_MAX, secs, why);
}

/**
 * madcap_format_dur() - print seconds in the form madcap_parse_dur() reads
 * @secs: the duration
 * @buf: output buffer
 * @size: its size (MADCAP_DUR_STRLEN is always enough)
 *
 * Every nonzero unit, largest first: "30d", "1d12h", "1m30s", "0s".
 */
void madcap_format_dur(uint32_t secs, char *buf, size_t size)
{
	uint32_t parts[4] = { secs / 86400, secs / 3600 % 24, secs / 60 % 60,
			      secs % 60 };
	static const char units[] = "dhms";
	size_t off = 0;

	if (!size)
		return;
	buf[0] = '\0';
	if (!secs) {
		snprintf(buf, size, "0s");
		return;
	}
	for (int i = 0; i < 4; i++) {
		int n;

		if (!parts[i])
			continue;
		n = snprintf(buf + off, size - off, "%" PRIu32 "%c", parts[i],
			     units[i]);
		if (n < 0 || (size_t)n >= size - off)
			return;
		off += (size_t)n;
	}
}

/* Whether @s has the shape of an ISO 8601 date-time this parser reads. */
static bool iso_shape(const char *s)
{
	/* YYYY-MM-DD, optionally followed by THH:MM[:SS] */
	static const char date[] = "dddd-dd-dd", clock[] = "Tdd:dd";

	for (size_t i = 0; date[i]; i++)
		if (date[i] == 'd' ? !is_digit(s[i]) : s[i] != date[i])
			return false;
	s += sizeof(date) - 1;
	if (!*s)
		return true;
	for (size_t i = 0; clock[i]; i++)
		if (clock[i] == 'd' ? !is_digit(s[i]) : s[i] != clock[i])
			return false;
	return true;
}

/* Parse a zone "Z", "+HH:MM" or "+HHMM" (or "-") into seconds east of UTC. */
static int parse_zone(const char *s, long *east)
{
	int sign;

	if (!strcmp(s, "Z")) {
		*east = 0;
		return 0;
	}
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	if (!is_digit(s[0]) || !is_digit(s[1]))
		return -1;
	*east = ((s[0] - '0') * 10 + (s[1] - '0')) * 3600L;
	s += 2;
	if (*s == ':')
		s++;
	if (!is_digit(s[0]) || !is_digit(s[1]) || s[2])
		return -1;
	*east += ((s[0] - '0') * 10 + (s[1] - '0')) * 60L;
	if (*east > 14 * 3600)
		return -1;
	*east *= sign;
	return 0;
}

/**
 * madcap_parse_time() - parse a point in time
 * @s: "never" (if @never_ok), Unix seconds ("1800000000"), or an ISO 8601
 *	date-time in UTC or with an offset ("2027-01-31T00:00:00Z",
 *	"2027-01-31T01:00+01:00"); a date alone ("2027-01-31") is its
 *	midnight UTC
 * @never_ok: whether "never" is accepted
 * @t: Unix time on success, 0 for "never"
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int madcap_parse_time(const char *s, bool never_ok, int64_t *t,
		      const char **why)
{
	struct tm tm, check;
	const char *rest;
	uint64_t v;
	time_t tt;
	long east = 0;

	if (!*s) {
		*why = "empty value";
		return -1;
	}
	if (!strcmp(s, "never")) {
		if (!never_ok) {
			*why = "\"never\" is not a time here";
			return -1;
		}
		*t = 0;
		return 0;
	}
	if (is_digit(*s) && !strchr(s, '-')) {
		/* Up to the year 9999. */
		if (parse_uint(s, 1, 253402300799ULL, &v, why)) {
			*why = time_syntax;
			return -1;
		}
		*t = (int64_t)v;
		return 0;
	}
	if (!iso_shape(s)) {
		*why = time_syntax;
		return -1;
	}
	memset(&tm, 0, sizeof(tm));
	if (!s[10]) {
		rest = strptime(s, "%Y-%m-%d", &tm);
	} else {
		rest = strptime(s, "%Y-%m-%dT%H:%M", &tm);
		if (rest && *rest == ':')
			rest = is_digit(rest[1]) && is_digit(rest[2]) ?
			       strptime(rest, ":%S", &tm) : NULL;
		if (rest && !*rest) {
			*why = "a time zone is required (Z, +HH:MM or -HH:MM)";
			return -1;
		}
		if (rest && parse_zone(rest, &east)) {
			*why = "invalid time zone (Z, +HH:MM or -HH:MM)";
			return -1;
		}
		if (rest)
			rest += strlen(rest);
	}
	if (!rest || *rest) {
		*why = "not a valid date-time";
		return -1;
	}
	check = tm;
	tt = timegm(&tm);
	/* timegm() normalizes 2027-02-30 to March: refuse what moved. */
	if (tt == (time_t)-1 || check.tm_mday != tm.tm_mday ||
	    check.tm_mon != tm.tm_mon || check.tm_hour != tm.tm_hour ||
	    check.tm_min != tm.tm_min || check.tm_sec != tm.tm_sec) {
		*why = "not a valid date-time";
		return -1;
	}
	*t = (int64_t)tt - east;
	if (*t <= 0) {
		*why = "times before 1970 are not allowed";
		return -1;
	}
	return 0;
}

/**
 * madcap_format_time() - print a time as madcap_parse_time() reads it
 * @t: Unix time; 0 is "never"
 * @buf: output buffer
 * @size: its size (MADCAP_TIME_STRLEN is always enough)
 *
 * ISO 8601 in UTC: "2027-01-31T00:00:00Z".
 */
void madcap_format_time(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t) {
		snprintf(buf, size, "never");
		return;
	}
	if (!gmtime_r(&tt, &tm) ||
	    !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "%" PRId64, t);
}

/**
 * madcap_text_addr() - parse an IPv4 or IPv6 address
 * @s: the text; IPv6 if it has a ':'
 * @a: the address on success
 *
 * Return: 0 on success, -1 if @s is not an address.
 */
int madcap_text_addr(const char *s, struct madcap_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (strchr(s, ':')) {
		a->af = MADCAP_AF_IPV6;
		return inet_pton(AF_INET6, s, &a->v6) == 1 ? 0 : -1;
	}
	a->af = MADCAP_AF_IPV4;
	return inet_pton(AF_INET, s, &a->v4) == 1 ? 0 : -1;
}

/**
 * madcap_addr_text() - print an address
 * @a: the address (MADCAP_AF_IPV4 or MADCAP_AF_IPV6)
 * @buf: output buffer
 * @size: its size (INET6_ADDRSTRLEN is always enough)
 *
 * Return: @buf ("?" for an unknown family).
 */
const char *madcap_addr_text(const struct madcap_addr *a, char *buf,
			     size_t size)
{
	const char *ok;

	if (a->af == MADCAP_AF_IPV6)
		ok = inet_ntop(AF_INET6, &a->v6, buf, (socklen_t)size);
	else if (a->af == MADCAP_AF_IPV4)
		ok = inet_ntop(AF_INET, &a->v4, buf, (socklen_t)size);
	else
		ok = NULL;
	if (!ok)
		snprintf(buf, size, "?");
	return buf;
}

/**
 * madcap_addr_add() - step an address forward
 * @a: the address, changed in place (wraps around at the end of the family)
 * @n: how far
 */
void madcap_addr_add(struct madcap_addr *a, uint32_t n)
{
	if (a->af == MADCAP_AF_IPV4) {
		a->v4.s_addr = htonl(ntohl(a->v4.s_addr) + n);
		return;
	}
	for (int i = 15; i >= 0 && n; i--) {
		uint32_t sum = a->v6.s6_addr[i] + (n & 0xff);

		a->v6.s6_addr[i] = (uint8_t)sum;
		n = (n >> 8) + (sum >> 8);
	}
}

/**
 * madcap_parse_range() - parse an address range "FIRST-LAST"
 * @s: two IPv4 or two IPv6 addresses joined by '-'
 * @r: the range on success
 * @why: on failure, the reason
 *
 * Only the syntax is checked: the order of the addresses and whether they
 * are multicast is madcapd's to judge.
 *
 * Return: 0 on success, -1 on error.
 */
int madcap_parse_range(const char *s, struct madcap_range *r,
		       const char **why)
{
	char first[INET6_ADDRSTRLEN];
	const char *dash = strchr(s, '-');
	size_t len;

	memset(r, 0, sizeof(*r));
	if (!*s) {
		*why = "empty value";
		return -1;
	}
	if (!dash || strchr(dash + 1, '-')) {
		*why = "expected FIRST-LAST, two addresses joined by '-'";
		return -1;
	}
	len = (size_t)(dash - s);
	if (!len || !dash[1]) {
		*why = "expected FIRST-LAST, two addresses joined by '-'";
		return -1;
	}
	if (len >= sizeof(first)) {
		*why = "FIRST is not an IPv4 or IPv6 address";
		return -1;
	}
	memcpy(first, s, len);
	first[len] = '\0';
	if (madcap_text_addr(first, &r->first)) {
		*why = "FIRST is not an IPv4 or IPv6 address";
		return -1;
	}
	if (madcap_text_addr(dash + 1, &r->last)) {
		*why = "LAST is not an IPv4 or IPv6 address";
		return -1;
	}
	if (r->first.af != r->last.af) {
		*why = "FIRST and LAST must be of the same family";
		return -1;
	}
	return 0;
}

/**
 * madcap_format_range() - print a range as "FIRST-LAST"
 * @r: the range
 * @buf: output buffer
 * @size: its size (MADCAP_RANGE_STRLEN is always enough)
 *
 * Return: 0, or -1 if it did not fit.
 */
int madcap_format_range(const struct madcap_range *r, char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	int n;

	n = snprintf(buf, size, "%s-%s", madcap_addr_text(&r->first, a, sizeof(a)),
		     madcap_addr_text(&r->last, b, sizeof(b)));
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/**
 * madcap_parse_count() - parse the number of addresses, "MIN[-MAX]"
 * @s: "4" (exactly four) or "2-8" (at least two, eight desired)
 * @min: the minimum on success
 * @max: the desired number on success (= @min without "-MAX")
 * @why: on failure, the reason
 *
 * Each number is 1-65535. MIN above MAX is let through: the server
 * answers it with "Invalid Request" (RFC 2730).
 *
 * Return: 0 on success, -1 on error.
 */
int madcap_parse_count(const char *s, uint16_t *min, uint16_t *max,
		       const char **why)
{
	char buf[16];
	const char *dash = strchr(s, '-');
	uint64_t a, b;

	if (!*s) {
		*why = "empty value";
		return -1;
	}
	if (!dash) {
		if (parse_uint(s, 1, UINT16_MAX, &a, why))
			return -1;
		*min = *max = (uint16_t)a;
		return 0;
	}
	if ((size_t)(dash - s) >= sizeof(buf)) {
		*why = "expected MIN or MIN-MAX, numbers from 1 to 65535";
		return -1;
	}
	memcpy(buf, s, (size_t)(dash - s));
	buf[dash - s] = '\0';
	if (parse_uint(buf, 1, UINT16_MAX, &a, why) ||
	    parse_uint(dash + 1, 1, UINT16_MAX, &b, why)) {
		*why = "expected MIN or MIN-MAX, numbers from 1 to 65535";
		return -1;
	}
	*min = (uint16_t)a;
	*max = (uint16_t)b;
	return 0;
}

static int hex_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/**
 * madcap_parse_lease_id() - parse a lease identifier written in hex
 * @s: an even number of hex digits, 2 to 2 * MADCAP_MAX_LEASE_ID
 * @id: MADCAP_MAX_LEASE_ID bytes, the identifier on success
 * @len: its length on success
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int madcap_parse_lease_id(const char *s, uint8_t *id, unsigned int *len,
			  const char **why)
{
	size_t n = strlen(s);

	if (!n) {
		*why = "empty value";
		return -1;
	}
	if (n % 2) {
		*why = "an even number of hex digits is required";
		return -1;
	}
	if (n / 2 > MADCAP_MAX_LEASE_ID) {
		snprintf(why_buf, sizeof(why_buf), "too long (at most %d bytes)",
			 MADCAP_MAX_LEASE_ID);
		*why = why_buf;
		return -1;
	}
	for (size_t i = 0; i < n; i += 2) {
		int hi = hex_val(s[i]), lo = hex_val(s[i + 1]);

		if (hi < 0 || lo < 0) {
			*why = "not a hex string";
			return -1;
		}
		id[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	*len = (unsigned int)(n / 2);
	return 0;
}

/**
 * madcap_format_lease_id() - print a lease identifier in lowercase hex
 * @id: the identifier
 * @len: its length
 * @buf: output buffer
 * @size: its size (2 * MADCAP_MAX_LEASE_ID + 1 is always enough)
 */
void madcap_format_lease_id(const uint8_t *id, unsigned int len, char *buf,
			    size_t size)
{
	size_t off = 0;

	if (!size)
		return;
	for (unsigned int i = 0; i < len && off + 3 <= size; i++, off += 2)
		snprintf(buf + off, 3, "%02x", id[i]);
	buf[off] = '\0';
}

/**
 * madcap_parse_timeout() - parse the client's timeout in seconds
 * @s: seconds, with at most three decimals: "60", "2.5", "0.3"
 * @ms: the timeout in milliseconds on success (at least 1)
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int madcap_parse_timeout(const char *s, uint32_t *ms, const char **why)
{
	uint64_t ipart = 0, frac = 0;
	int nfrac = 0;

	if (!is_digit(*s)) {
		*why = "expected seconds, e.g. 60 or 2.5";
		return -1;
	}
	while (is_digit(*s)) {
		ipart = ipart * 10 + (uint64_t)(*s++ - '0');
		if (ipart > 86400)
			goto range;
	}
	if (*s == '.') {
		s++;
		if (!is_digit(*s)) {
			*why = "expected digits after the decimal point";
			return -1;
		}
		while (is_digit(*s)) {
			if (nfrac == 3) {
				*why = "at most three decimals";
				return -1;
			}
			frac = frac * 10 + (uint64_t)(*s++ - '0');
			nfrac++;
		}
		while (nfrac++ < 3)
			frac *= 10;
	}
	if (*s) {
		*why = "expected seconds, e.g. 60 or 2.5";
		return -1;
	}
	if (!ipart && !frac) {
		*why = "must be more than 0";
		return -1;
	}
	if (ipart * 1000 + frac > 86400000)
		goto range;
	*ms = (uint32_t)(ipart * 1000 + frac);
	return 0;
range:
	*why = "too large (at most 86400)";
	return -1;
}

/**
 * madcap_parse_skew() - parse a signed number of seconds
 * @s: "[-]SECONDS"
 * @secs: the value on success
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int madcap_parse_skew(const char *s, int64_t *secs, const char **why)
{
	bool neg = *s == '-';
	uint64_t v;

	if (parse_uint(s + neg, 0, 100ULL * 366 * 86400, &v, why))
		return -1;
	*secs = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

/**
 * madcap_usage() - print the usage of the madcap object
 * @fp: stream
 */
static void madcap_usage(FILE *fp)
{
	fputs("Usage: mcastctl madcap [ control PATH ] OBJECT { COMMAND | help }\n"
	      "       mcastctl madcap CLIENT-COMMAND [ ARGS ] | help\n"
	      "where  OBJECT := { scope | exclude | lease | stats | params }\n"
	      "       CLIENT-COMMAND := { getinfo | request | renew | release }\n"
	      "The OBJECTs administer madcapd through its control socket\n"
	      "(default " MADCAP_CTL_PATH "; --control PATH is the same\n"
	      "as control PATH); the CLIENT-COMMANDs talk MADCAP (RFC 2730) over UDP.\n",
	      fp);
	madcap_admin_usage(fp);
	madcap_client_usage(fp);
}

static int do_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	madcap_usage(stdout);
	return 0;
}

static int do_default(int argc, char **argv)
{
	static char show[] = "show";
	char *args[] = { show, NULL };

	(void)argc;
	(void)argv;
	return madcap_scope_main(1, args);
}

static const struct cmd madcap_cmds[] = {
	{ "scope", madcap_scope_main },
	{ "exclude", madcap_exclude_main },
	{ "lease", madcap_lease_main },
	{ "stats", madcap_stats_main },
	{ "params", madcap_params_main },
	{ "getinfo", madcap_getinfo_main },
	{ "request", madcap_request_main },
	{ "renew", madcap_renew_main },
	{ "release", madcap_release_main },
	{ "help", do_help },
	{ NULL, NULL },
};

/* Run a verb: cmd_find() with the message of object_run(). */
static int run_verb(int argc, char **argv)
{
	const struct cmd *c;

	if (!argc)
		return do_default(0, argv);
	if (is_help(argv[0]))
		return do_help(0, argv);
	c = cmd_find(madcap_cmds, argv[0]);
	if (!c) {
		fprintf(stderr, "Error: unknown command \"%s\" for \"madcap\"; try \"mcastctl madcap help\"\n",
			argv[0]);
		return -EINVAL;
	}
	return c->fn(argc - 1, argv + 1);
}

/**
 * madcap_main() - "mcastctl madcap ..."
 * @argc: argument count, argv[0] being "madcap"
 * @argv: arguments
 *
 * Takes "control PATH" (or "-control", "--control") first, then a verb.
 * Without a verb shows the scopes.
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_main(int argc, char **argv)
{
	int i = 1;

	/* Each command line (each -batch line) starts from the default. */
	madcap_ctl_path = MADCAP_CTL_PATH;
	while (i < argc && (!strcmp(argv[i], "control") ||
			    !strcmp(argv[i], "-control") ||
			    !strcmp(argv[i], "--control"))) {
		if (i + 1 >= argc) {
			fprintf(stderr, "Error: missing value for \"%s\"\n",
				argv[i]);
			return -EINVAL;
		}
		if (!argv[i + 1][0]) {
			fprintf(stderr, "Error: invalid control \"\": empty path\n");
			return -EINVAL;
		}
		madcap_ctl_path = argv[i + 1];
		i += 2;
	}
	return run_verb(argc - i, argv + i);
}
