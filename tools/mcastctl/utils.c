// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: strict argument parsers and small helpers.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "utils.h"

static char why_buf[96];

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Read a run of decimal digits at *sp into *out (saturating at a value
 * above UINT32_MAX * 1000 so callers can report "too large"). Returns the
 * number of digits read.
 */
static size_t read_digits(const char **sp, uint64_t *out)
{
	const char *s = *sp;
	uint64_t v = 0;
	size_t n = 0;

	while (is_digit(*s)) {
		if (v < UINT64_MAX / 100)
			v = v * 10 + (uint64_t)(*s - '0');
		s++;
		n++;
	}
	*sp = s;
	*out = v;
	return n;
}

/**
 * parse_uint() - parse a decimal unsigned integer within [min, max]
 * @s: the argument
 * @min: smallest accepted value
 * @max: largest accepted value
 * @out: the value on success
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int parse_uint(const char *s, uint64_t min, uint64_t max, uint64_t *out,
	       const char **why)
{
	uint64_t v = 0;

	if (!*s) {
		*why = "empty value";
		return -1;
	}
	if (!is_digit(*s)) {
		*why = "not an unsigned decimal integer";
		return -1;
	}
	while (*s) {
		unsigned int d;

		if (!is_digit(*s)) {
			*why = "not an unsigned decimal integer";
			return -1;
		}
		d = (unsigned int)(*s - '0');
		if (v > (UINT64_MAX - d) / 10)
			goto range;
		v = v * 10 + d;
		s++;
	}
	if (v < min || v > max)
		goto range;
	*out = v;
	return 0;
range:
	snprintf(why_buf, sizeof(why_buf), "out of range (%" PRIu64 "-%" PRIu64 ")",
		 min, max);
	*why = why_buf;
	return -1;
}

/*
 * The two duration syntaxes: what a DUR_* unit reads, and the messages that
 * name its suffixes.
 */
static const struct dur_syntax {
	const char *name;		/* the unit of the result */
	struct {
		const char *suffix;
		uint32_t mult;		/* in units of the result */
	} units[4];			/* largest first */
	bool fraction;			/* "1.5s" */
	bool compound;			/* "1d12h": NUMBER UNIT repeated */
	const char *no_number, *no_unit, *bad_unit;
} dur_syntax[] = {
	[DUR_MS] = {
		.name = "ms",
		.units = { { "m", 60000 }, { "s", 1000 }, { "ms", 1 } },
		.fraction = true,
		.no_number = "expected a number followed by a unit (ms, s or m)",
		.no_unit = "a unit is required (ms, s or m)",
		.bad_unit = "unknown unit or trailing characters (use ms, s or m)",
	},
	[DUR_SECS] = {
		.name = "s",
		.units = { { "d", 86400 }, { "h", 3600 }, { "m", 60 }, { "s", 1 } },
		.compound = true,
		.no_number = "expected a number followed by a unit (d, h, m or s)",
		.no_unit = "a unit is required (d, h, m or s)",
		.bad_unit = "unknown unit or trailing characters (use d, h, m or s)",
	},
};

/*
 * The unit of @syn that @s starts with (compound syntax) or is (else):
 * its index, *@s moved past it; -1 if none.
 */
static int dur_unit_at(const struct dur_syntax *syn, const char **s)
{
	for (int i = 0; i < 4 && syn->units[i].suffix; i++) {
		const char *sfx = syn->units[i].suffix;
		size_t n = strlen(sfx);

		if (syn->compound ? !strncmp(*s, sfx, n) : !strcmp(*s, sfx)) {
			*s += n;
			return i;
		}
	}
	return -1;
}

/**
 * parse_dur() - parse a duration with mandatory units
 * @s: the argument
 * @unit: what it is read as and returned in:
 *	DUR_MS: digits, an optional fraction, then "ms", "s" or "m" ("125s",
 *	"31.25s", "100ms", "1.5m"); a whole number of milliseconds;
 *	DUR_SECS: one or more NUMBER UNIT parts, UNIT one of d, h, m, s,
 *	largest first, each at most once ("30d", "90s", "1d12h", "2h30m")
 * @max: the largest value accepted, in @unit (at most UINT32_MAX)
 * @val: the duration in @unit on success
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int parse_dur(const char *s, enum dur_unit unit, uint64_t max, uint32_t *val,
	      const char **why)
{
	const struct dur_syntax *syn = &dur_syntax[unit];
	uint64_t total = 0;
	int next = 0;

	if (!*s) {
		*why = "empty value";
		return -1;
	}
	if (*s == '-') {
		*why = "negative durations are not allowed";
		return -1;
	}
	do {
		uint64_t ipart, fpart = 0, pow10 = 1, mult;
		int u;

		if (!read_digits(&s, &ipart)) {
			*why = syn->no_number;
			return -1;
		}
		if (syn->fraction && *s == '.') {
			const char *f = ++s;
			size_t nfrac;

			if (!is_digit(*f)) {
				*why = "expected digits after the decimal point";
				return -1;
			}
			while (is_digit(*s))
				s++;
			/* Trailing zeros of the fraction carry no information. */
			nfrac = (size_t)(s - f);
			while (nfrac && f[nfrac - 1] == '0')
				nfrac--;
			if (nfrac > 9) {
				*why = "not a whole number of milliseconds";
				return -1;
			}
			for (size_t i = 0; i < nfrac; i++) {
				fpart = fpart * 10 + (uint64_t)(f[i] - '0');
				pow10 *= 10;
			}
		}
		if (!*s) {
			*why = syn->no_unit;
			return -1;
		}
		u = dur_unit_at(syn, &s);
		if (u < 0) {
			*why = syn->bad_unit;
			return -1;
		}
		if (u < next) {
			*why = "units must go from the largest to the smallest, each once (1d12h)";
			return -1;
		}
		next = u + 1;
		mult = syn->units[u].mult;
		if ((fpart * mult) % pow10) {
			*why = "not a whole number of milliseconds";
			return -1;
		}
		if (ipart > max)
			goto range;
		total += ipart * mult + fpart * mult / pow10;
		if (total > max)
			goto range;
	} while (*s);
	*val = (uint32_t)total;
	return 0;
range:
	snprintf(why_buf, sizeof(why_buf), "too large (at most %" PRIu64 "%s)",
		 max, syn->name);
	*why = why_buf;
	return -1;
}

/**
 * parse_duration() - parse_dur() in milliseconds, up to UINT32_MAX
 * @s: the argument: digits, an optional fraction, then "ms", "s" or "m"
 * @ms: the duration in milliseconds on success
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int parse_duration(const char *s, uint32_t *ms, const char **why)
{
	return parse_dur(s, DUR_MS, UINT32_MAX, ms, why);
}

/**
 * parse_prefix() - parse an IPv4 or IPv6 prefix "addr[/len]"
 * @s: the argument; without "/len" the prefix covers the whole address
 * @p: the prefix on success
 * @why: on failure, the reason
 *
 * Only the syntax is checked: whether the address is multicast or has host
 * bits set is for the kernel to judge.
 *
 * Return: 0 on success, -1 on error.
 */
int parse_prefix(const char *s, struct prefix *p, const char **why)
{
	char addr[INET6_ADDRSTRLEN];
	const char *slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : strlen(s);
	unsigned int bits;
	uint64_t len;

	memset(p, 0, sizeof(*p));
	if (!alen) {
		*why = "missing address";
		return -1;
	}
	if (alen >= sizeof(addr)) {
		*why = "not an IPv4 or IPv6 address";
		return -1;
	}
	memcpy(addr, s, alen);
	addr[alen] = '\0';

	if (memchr(addr, ':', alen)) {
		p->family = AF_INET6;
		bits = 128;
	} else {
		p->family = AF_INET;
		bits = 32;
	}
	if (inet_pton(p->family, addr, p->addr) != 1) {
		*why = p->family == AF_INET6 ? "not a valid IPv6 address" :
					       "not a valid IPv4 address";
		return -1;
	}
	if (!slash) {
		p->len = (uint8_t)bits;
		return 0;
	}
	if (parse_uint(slash + 1, 0, bits, &len, why)) {
		*why = p->family == AF_INET6 ?
			"prefix length must be a number from 0 to 128" :
			"prefix length must be a number from 0 to 32";
		return -1;
	}
	p->len = (uint8_t)len;
	return 0;
}

/**
 * parse_onoff() - parse "on" or "off"
 * @s: the argument
 * @on: true for "on" on success
 * @why: on failure, the reason
 *
 * Return: 0 on success, -1 on error.
 */
int parse_onoff(const char *s, bool *on, const char **why)
{
	if (!strcmp(s, "on")) {
		*on = true;
		return 0;
	}
	if (!strcmp(s, "off")) {
		*on = false;
		return 0;
	}
	*why = "expected \"on\" or \"off\"";
	return -1;
}

/**
 * format_duration() - print milliseconds in the shortest exact form
 * @ms: the duration
 * @buf: output buffer
 * @size: its size (DURATION_STRLEN is always enough)
 *
 * Whole seconds print as "125s", shorter than a second as "100ms", the
 * rest as seconds with a minimal fraction ("31.25s"). parse_duration()
 * reads every form back to the same value.
 */
void format_duration(uint32_t ms, char *buf, size_t size)
{
	uint32_t frac = ms % 1000;

	if (!frac) {
		snprintf(buf, size, "%" PRIu32 "s", ms / 1000);
	} else if (ms < 1000) {
		snprintf(buf, size, "%" PRIu32 "ms", ms);
	} else {
		char f[4];
		int n = 3;

		snprintf(f, sizeof(f), "%03" PRIu32, frac);
		while (f[n - 1] == '0')
			n--;
		snprintf(buf, size, "%" PRIu32 ".%.*ss", ms / 1000, n, f);
	}
}

/**
 * format_timer() - print a running timer's remaining time for humans
 * @ms: the remaining time
 * @buf: output buffer
 * @size: its size (DURATION_STRLEN is always enough)
 *
 * Seconds with one decimal, truncated: "254.3s", "0.0s", "250.0s".
 */
void format_timer(uint32_t ms, char *buf, size_t size)
{
	snprintf(buf, size, "%" PRIu32 ".%" PRIu32 "s", ms / 1000,
		 ms % 1000 / 100);
}

/**
 * format_age() - print an age for humans, to the second
 * @ms: the age in milliseconds
 * @buf: output buffer
 * @size: its size (AGE_STRLEN is always enough)
 *
 * The two largest units only: "42s", "1m05s", "2h03m", "3d04h".
 */
void format_age(uint64_t ms, char *buf, size_t size)
{
	uint64_t s = ms / 1000;

	if (s < 60)
		snprintf(buf, size, "%" PRIu64 "s", s);
	else if (s < 3600)
		snprintf(buf, size, "%" PRIu64 "m%02" PRIu64 "s", s / 60, s % 60);
	else if (s < 86400)
		snprintf(buf, size, "%" PRIu64 "h%02" PRIu64 "m", s / 3600,
			 s / 60 % 60);
	else
		snprintf(buf, size, "%" PRIu64 "d%02" PRIu64 "h", s / 86400,
			 s / 3600 % 24);
}

/**
 * format_prefix() - print a prefix as "addr/len"
 * @p: the prefix
 * @buf: output buffer
 * @size: its size (PREFIX_STRLEN is always enough)
 *
 * Return: 0 on success, -1 if the family is unknown.
 */
int format_prefix(const struct prefix *p, char *buf, size_t size)
{
	char addr[INET6_ADDRSTRLEN];

	if (p->family != AF_INET && p->family != AF_INET6)
		return -1;
	if (!inet_ntop(p->family, p->addr, addr, sizeof(addr)))
		return -1;
	snprintf(buf, size, "%s/%u", addr, p->len);
	return 0;
}

/**
 * get_ifindex() - resolve a device name in the current network namespace
 * @name: the device name
 * @ifindex: its ifindex on success
 *
 * Return: 0 on success, -1 if no such device exists.
 */
int get_ifindex(const char *name, uint32_t *ifindex)
{
	unsigned int idx;

	if (!*name || strlen(name) >= IF_NAMESIZE)
		return -1;
	idx = if_nametoindex(name);
	if (!idx)
		return -1;
	*ifindex = idx;
	return 0;
}

int (*name_to_index)(const char *name, uint32_t *ifindex) = get_ifindex;

/**
 * resolve_dev() - a device's ifindex, or an error naming it
 * @dev: the device name
 * @ifindex: its ifindex on success
 *
 * Looks up through name_to_index (get_ifindex(), or a test's fake).
 *
 * Return: 0, or -ENODEV (printed).
 */
int resolve_dev(const char *dev, uint32_t *ifindex)
{
	if (name_to_index(dev, ifindex)) {
		fprintf(stderr, "Error: no such device \"%s\"\n", dev);
		return -ENODEV;
	}
	return 0;
}

/**
 * is_help() - whether an argument asks for help
 * @arg: the argument
 *
 * Return: true for "help", "-h" and "--help".
 */
bool is_help(const char *arg)
{
	return !strcmp(arg, "help") || !strcmp(arg, "-h") ||
	       !strcmp(arg, "--help");
}

/**
 * addr_len() - the length of an address of a family
 * @family: AF_INET or AF_INET6
 *
 * Return: 16 for AF_INET6, else 4.
 */
int addr_len(int family)
{
	return family == AF_INET6 ? 16 : 4;
}
