/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: strict argument parsers and small helpers.
 *
 * Every parser returns 0 on success or -1 on error; on error *why points to
 * a static string explaining the problem (for "Error: invalid X: <why>").
 * Parsers reject signs, blanks, empty strings and trailing characters.
 */
#ifndef MCASTCTL_UTILS_H
#define MCASTCTL_UTILS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

/* Longest text form of a prefix: an IPv6 address, '/', 3 digits. */
#define PREFIX_STRLEN (INET6_ADDRSTRLEN + 4)
/* Longest text form of a duration: "4294967.295s". */
#define DURATION_STRLEN 16
/* Longest text form of an age: "213503982334d23h". */
#define AGE_STRLEN 24

struct prefix {
	uint16_t family;		/* AF_INET or AF_INET6 */
	uint8_t len;			/* prefix length in bits */
	uint8_t addr[16];		/* network byte order; 4 used for v4 */
};

int parse_uint(const char *s, uint64_t min, uint64_t max, uint64_t *out,
	       const char **why);
/* What parse_dur() reads and returns: see there. */
enum dur_unit {
	DUR_MS,		/* "1.5s", "100ms", "2m": milliseconds */
	DUR_SECS,	/* "30d", "1d12h", "90s": seconds */
};

int parse_dur(const char *s, enum dur_unit unit, uint64_t max, uint32_t *val,
	      const char **why);
int parse_duration(const char *s, uint32_t *ms, const char **why);
int parse_prefix(const char *s, struct prefix *p, const char **why);
int parse_onoff(const char *s, bool *on, const char **why);

void format_duration(uint32_t ms, char *buf, size_t size);
void format_timer(uint32_t ms, char *buf, size_t size);
void format_age(uint64_t ms, char *buf, size_t size);
int format_prefix(const struct prefix *p, char *buf, size_t size);

int get_ifindex(const char *name, uint32_t *ifindex);
/* The lookup resolve_dev() uses; tests replace it. */
extern int (*name_to_index)(const char *name, uint32_t *ifindex);
int resolve_dev(const char *dev, uint32_t *ifindex);

bool is_help(const char *arg);
int addr_len(int family);

#endif /* MCASTCTL_UTILS_H */
