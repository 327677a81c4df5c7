/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address allocation over 32-bit keys.
 *
 * A scope's addresses are numbered by a 32-bit key: the IPv4 address
 * itself, or an IPv6 address's group ID (its low 32 bits; RFC 3307 dynamic
 * IDs are 0x80000000-0xFFFFFFFF and a scope never leaves one /96). Sets of
 * keys are kept as sorted, disjoint, non-adjacent inclusive ranges, so a
 * /16 scope with thousands of leases costs a few thousand ranges at most,
 * and a 2^31-address IPv6 scope costs nothing until it is used.
 *
 * alloc_pick() hands out the lowest keys of [lo, hi] that are in neither
 * the blocked set (reserved addresses and exclusions) nor the taken set
 * (leases and offers): one merge walk over both sets.
 */
#ifndef MADCAPD_ALLOC_H
#define MADCAPD_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** struct alloc_range - an inclusive range of keys */
struct alloc_range {
	uint32_t lo, hi;
};

/** struct alloc_set - sorted, disjoint, non-adjacent ranges of keys */
struct alloc_set {
	struct alloc_range *r;
	size_t n, cap;
};

void alloc_set_init(struct alloc_set *s);
void alloc_set_free(struct alloc_set *s);
int alloc_set_add(struct alloc_set *s, uint32_t lo, uint32_t hi);
int alloc_set_del(struct alloc_set *s, uint32_t lo, uint32_t hi);
bool alloc_set_overlaps(const struct alloc_set *s, uint32_t lo, uint32_t hi);
bool alloc_set_contains(const struct alloc_set *s, uint32_t key);
uint64_t alloc_set_count(const struct alloc_set *s, uint32_t lo, uint32_t hi);

uint64_t alloc_free_count(const struct alloc_set *blocked,
			  const struct alloc_set *taken, uint32_t lo,
			  uint32_t hi);
unsigned int alloc_pick(const struct alloc_set *blocked,
			const struct alloc_set *taken, uint32_t lo, uint32_t hi,
			uint32_t want, uint32_t max_len,
			struct alloc_range *out, unsigned int max_out,
			uint32_t *got);

#endif /* MADCAPD_ALLOC_H */
