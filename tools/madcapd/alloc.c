// SPDX-License-Identifier: GPL-2.0
/*
 * Address allocation over 32-bit keys (see alloc.h).
 *
 * All arithmetic on range ends is done in 64 bits so that 0 and
 * 0xFFFFFFFF need no special cases.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/**
 * alloc_set_init() - make @s the empty set
 * @s: the set
 */
void alloc_set_init(struct alloc_set *s)
{
	s->r = NULL;
	s->n = 0;
	s->cap = 0;
}

/**
 * alloc_set_free() - free @s's memory; it is the empty set afterwards
 * @s: the set
 */
void alloc_set_free(struct alloc_set *s)
{
	free(s->r);
	alloc_set_init(s);
}

static int reserve(struct alloc_set *s, size_t need)
{
	struct alloc_range *r;
	size_t cap;

	if (need <= s->cap)
		return 0;
	cap = s->cap ? s->cap * 2 : 8;
	while (cap < need)
		cap *= 2;
	r = realloc(s->r, cap * sizeof(*r));
	if (!r)
		return -ENOMEM;
	s->r = r;
	s->cap = cap;
	return 0;
}

/* First index whose range ends at or after @v. */
static size_t first_ending_from(const struct alloc_set *s, uint64_t v)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->r[mid].hi < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First index whose range starts after @v. */
static size_t first_starting_after(const struct alloc_set *s, uint64_t v)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->r[mid].lo <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Replace ranges [i, j) of @s by the @n ranges of @with. */
static int splice(struct alloc_set *s, size_t i, size_t j,
		  const struct alloc_range *with, size_t n)
{
	if (reserve(s, s->n - (j - i) + n))
		return -ENOMEM;
	memmove(&s->r[i + n], &s->r[j], (s->n - j) * sizeof(*s->r));
	memcpy(&s->r[i], with, n * sizeof(*with));
	s->n = s->n - (j - i) + n;
	return 0;
}

/**
 * alloc_set_add() - add the keys @lo..@hi to @s (a union: overlap is fine)
 * @s: the set
 * @lo: first key
 * @hi: last key, at least @lo
 *
 * Return: 0, -EINVAL if @lo > @hi, -ENOMEM (the set is unchanged then).
 */
int alloc_set_add(struct alloc_set *s, uint32_t lo, uint32_t hi)
{
	struct alloc_range m = { lo, hi };
	size_t i, j;

	if (lo > hi)
		return -EINVAL;
	/* Ranges touching or overlapping [lo - 1, hi + 1] merge with it. */
	i = first_ending_from(s, lo ? (uint64_t)lo - 1 : 0);
	j = first_starting_after(s, (uint64_t)hi + 1);
	if (i < j) {
		if (s->r[i].lo < m.lo)
			m.lo = s->r[i].lo;
		if (s->r[j - 1].hi > m.hi)
			m.hi = s->r[j - 1].hi;
	}
	return splice(s, i, j, &m, 1);
}

/**
 * alloc_set_del() - remove the keys @lo..@hi from @s (absent keys are fine)
 * @s: the set
 * @lo: first key
 * @hi: last key, at least @lo
 *
 * Return: 0, -EINVAL if @lo > @hi, -ENOMEM when a range had to be split
 * and memory ran out (the set is unchanged then).
 */
int alloc_set_del(struct alloc_set *s, uint32_t lo, uint32_t hi)
{
	struct alloc_range keep[2];
	size_t i, j, n = 0;

	if (lo > hi)
		return -EINVAL;
	i = first_ending_from(s, lo);
	j = first_starting_after(s, hi);
	if (i >= j)
		return 0;
	if (s->r[i].lo < lo)
		keep[n++] = (struct alloc_range){ s->r[i].lo, lo - 1 };
	if (s->r[j - 1].hi > hi)
		keep[n++] = (struct alloc_range){ hi + 1, s->r[j - 1].hi };
	return splice(s, i, j, keep, n);
}

/**
 * alloc_set_overlaps() - whether any key of @lo..@hi is in @s
 * @s: the set
 * @lo: first key
 * @hi: last key
 *
 * Return: true if @s holds at least one key of the range.
 */
bool alloc_set_overlaps(const struct alloc_set *s, uint32_t lo, uint32_t hi)
{
	size_t i = first_ending_from(s, lo);

	return i < s->n && s->r[i].lo <= hi;
}

/**
 * alloc_set_contains() - whether @key is in @s
 * @s: the set
 * @key: the key
 *
 * Return: true if it is.
 */
bool alloc_set_contains(const struct alloc_set *s, uint32_t key)
{
	return alloc_set_overlaps(s, key, key);
}

/**
 * alloc_set_count() - how many keys of @lo..@hi @s holds
 * @s: the set
 * @lo: first key
 * @hi: last key
 *
 * Return: the count (up to 2^32).
 */
uint64_t alloc_set_count(const struct alloc_set *s, uint32_t lo, uint32_t hi)
{
	uint64_t n = 0;
	size_t i;

	for (i = first_ending_from(s, lo); i < s->n && s->r[i].lo <= hi; i++) {
		uint32_t a = s->r[i].lo > lo ? s->r[i].lo : lo;
		uint32_t b = s->r[i].hi < hi ? s->r[i].hi : hi;

		n += (uint64_t)b - a + 1;
	}
	return n;
}

/* A walk over two sets' ranges in the order of their first keys. */
struct walk {
	const struct alloc_set *a, *b;
	size_t ia, ib;
};

static void walk_start(struct walk *w, const struct alloc_set *a,
		       const struct alloc_set *b, uint32_t from)
{
	w->a = a;
	w->b = b;
	w->ia = first_ending_from(a, from);
	w->ib = first_ending_from(b, from);
}

static const struct alloc_range *walk_next(struct walk *w)
{
	const struct alloc_range *ra = w->ia < w->a->n ? &w->a->r[w->ia] : NULL;
	const struct alloc_range *rb = w->ib < w->b->n ? &w->b->r[w->ib] : NULL;

	if (ra && (!rb || ra->lo <= rb->lo)) {
		w->ia++;
		return ra;
	}
	if (rb)
		w->ib++;
	return rb;
}

/**
 * alloc_free_count() - how many keys of @lo..@hi are in neither set
 * @blocked: reserved and excluded keys
 * @taken: leased and offered keys
 * @lo: first key of the scope
 * @hi: last key of the scope
 *
 * Return: the number of free keys (up to 2^32).
 */
uint64_t alloc_free_count(const struct alloc_set *blocked,
			  const struct alloc_set *taken, uint32_t lo,
			  uint32_t hi)
{
	const struct alloc_range *o;
	uint64_t cur = lo, covered = 0;
	struct walk w;

	walk_start(&w, blocked, taken, lo);
	while ((o = walk_next(&w)) && o->lo <= hi) {
		uint64_t a = o->lo > cur ? o->lo : cur;
		uint64_t b = o->hi < hi ? o->hi : hi;

		if (a <= b) {
			covered += b - a + 1;
			cur = b + 1;
		}
	}
	return (uint64_t)hi - lo + 1 - covered;
}

/**
 * alloc_pick() - choose the lowest free keys of a scope
 * @blocked: reserved and excluded keys
 * @taken: leased and offered keys
 * @lo: first key of the scope
 * @hi: last key of the scope
 * @want: how many keys are wanted
 * @max_len: the longest range to return (a List of Address Ranges carries
 *	at most 65535 addresses per range)
 * @out: where to write the chosen ranges, lowest first
 * @max_out: room in @out; picking stops when it is full
 * @got: set to the number of keys chosen, at most @want
 *
 * Nothing is changed: the caller adds @out to @taken once it commits.
 *
 * Return: the number of ranges written to @out.
 */
unsigned int alloc_pick(const struct alloc_set *blocked,
			const struct alloc_set *taken, uint32_t lo, uint32_t hi,
			uint32_t want, uint32_t max_len,
			struct alloc_range *out, unsigned int max_out,
			uint32_t *got)
{
	const struct alloc_range *o;
	uint64_t cur = lo, left = want;
	unsigned int n = 0;
	struct walk w;

	if (!max_len)
		max_len = 1;
	walk_start(&w, blocked, taken, lo);
	while (left && n < max_out && cur <= hi) {
		o = walk_next(&w);
		if (!o || o->lo > cur) {
			uint64_t end = o && (uint64_t)o->lo - 1 < hi ?
				       (uint64_t)o->lo - 1 : hi;

			while (cur <= end && left && n < max_out) {
				uint64_t len = end - cur + 1;

				if (len > left)
					len = left;
				if (len > max_len)
					len = max_len;
				out[n].lo = cur;
				out[n].hi = cur + len - 1;
				n++;
				left -= len;
				cur += len;
			}
		}
		if (!o)
			break;
		if ((uint64_t)o->hi + 1 > cur)
			cur = (uint64_t)o->hi + 1;
	}
	*got = want - left;
	return n;
}
