// SPDX-License-Identifier: GPL-2.0
/*
 * Source filters and their merge (RFC 4605 4.1, which is RFC 3376 3.2's
 * per-interface merge of socket filters): the proxy reports upstream the
 * merge of what every downstream interface wants.
 *
 * Merging is incremental and order independent. Starting from INCLUDE({}),
 * each input is folded in:
 *
 *   accumulator    input          result
 *   INCLUDE(A)     INCLUDE(B)     INCLUDE(A + B)
 *   INCLUDE(A)     EXCLUDE(B)     EXCLUDE(B - A)
 *   EXCLUDE(A)     INCLUDE(B)     EXCLUDE(A - B)
 *   EXCLUDE(A)     EXCLUDE(B)     EXCLUDE(A * B)
 *
 * so the end result is EXCLUDE(intersection of the EXCLUDE lists minus the
 * union of the INCLUDE lists) if any input excludes, else INCLUDE(union).
 * When a result does not fit the accumulator it becomes EXCLUDE({}): every
 * source, a superset of what was asked for, which later inputs keep.
 */
#include <linux/slab.h>

#include "compat.h"
#include "sfilter.h"

/**
 * mcr_sfilter_init() - an empty INCLUDE filter with room for @cap sources
 * @f: the filter
 * @family: AF_INET or AF_INET6
 * @cap: sources it can hold
 * @gfp: allocation flags
 *
 * Return: 0 or -ENOMEM.
 */
int mcr_sfilter_init(struct mcr_sfilter *f, u16 family, unsigned int cap,
		     gfp_t gfp)
{
	memset(f, 0, sizeof(*f));
	f->family = family;
	f->mode = MCR_FILTER_INCLUDE;
	if (!cap)
		return 0;
	f->srcs = kcalloc(2 * cap, sizeof(*f->srcs), gfp);
	if (!f->srcs)
		return -ENOMEM;
	f->tmp = f->srcs + cap;
	f->cap = cap;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_sfilter_init);

/**
 * mcr_sfilter_free() - free a filter's sources
 * @f: the filter (initialised or copied); empty afterwards
 */
void mcr_sfilter_free(struct mcr_sfilter *f)
{
	/* tmp, if any, is the second half of the same allocation. */
	kfree(f->srcs);
	f->srcs = NULL;
	f->tmp = NULL;
	f->n = 0;
	f->cap = 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_sfilter_free);

/**
 * mcr_sfilter_reset() - empty a filter and set its mode
 * @f: the filter
 * @mode: enum mcr_filter
 */
void mcr_sfilter_reset(struct mcr_sfilter *f, u8 mode)
{
	f->mode = mode;
	f->n = 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_sfilter_reset);

static bool in_list(const struct mcr_addr *list, unsigned int n, u16 family,
		    const struct mcr_addr *a)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (mcr_addr_equal(family, &list[i], a))
			return true;
	return false;
}

/**
 * sfilter_has() - whether a source is in the filter's list
 * @f: the filter
 * @a: the source
 *
 * Return: true if @a is listed (whatever the mode).
 */
static bool sfilter_has(const struct mcr_sfilter *f, const struct mcr_addr *a)
{
	return in_list(f->srcs, f->n, f->family, a);
}

/**
 * mcr_sfilter_add() - add a source to the list
 * @f: the filter
 * @a: the source; nothing happens if it is listed already
 *
 * Return: 0, or -E2BIG if the list is full (nothing changed).
 */
int mcr_sfilter_add(struct mcr_sfilter *f, const struct mcr_addr *a)
{
	if (sfilter_has(f, a))
		return 0;
	if (f->n >= f->cap)
		return -E2BIG;
	f->srcs[f->n++] = *a;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_sfilter_add);

/* Keep the accumulator's sources that are (@keep) or are not in @in. */
static void retain(struct mcr_sfilter *acc, const struct mcr_sfilter *in,
		   bool keep)
{
	unsigned int i, w = 0;

	for (i = 0; i < acc->n; i++)
		if (sfilter_has(in, &acc->srcs[i]) == keep)
			acc->srcs[w++] = acc->srcs[i];
	acc->n = w;
}

static int degrade(struct mcr_sfilter *acc)
{
	mcr_sfilter_reset(acc, MCR_FILTER_EXCLUDE);
	return -E2BIG;
}

/**
 * mcr_sfilter_merge() - fold one filter into an accumulator (RFC 4605 4.1)
 * @acc: the accumulator, from mcr_sfilter_init() (it needs its scratch)
 * @in: the filter folded in, of the same family
 *
 * Return: 0, or -E2BIG if the result did not fit and @acc became
 * EXCLUDE({}) (every source: more than asked for, never less).
 */
int mcr_sfilter_merge(struct mcr_sfilter *acc, const struct mcr_sfilter *in)
{
	unsigned int i, w = 0;

	if (acc->mode == MCR_FILTER_EXCLUDE) {
		retain(acc, in, in->mode == MCR_FILTER_EXCLUDE);
		return 0;
	}
	if (in->mode == MCR_FILTER_INCLUDE) {
		for (i = 0; i < in->n; i++)
			if (mcr_sfilter_add(acc, &in->srcs[i]))
				return degrade(acc);
		return 0;
	}
	/* INCLUDE(A) with EXCLUDE(B): EXCLUDE(B - A), built in the scratch. */
	for (i = 0; i < in->n; i++) {
		if (sfilter_has(acc, &in->srcs[i]))
			continue;
		if (w >= acc->cap)
			return degrade(acc);
		acc->tmp[w++] = in->srcs[i];
	}
	memcpy(acc->srcs, acc->tmp, w * sizeof(*acc->srcs));
	acc->n = w;
	acc->mode = MCR_FILTER_EXCLUDE;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_sfilter_merge);

/**
 * mcr_sfilter_equal() - whether two filters are the same
 * @a: one filter
 * @b: another, of the same family
 *
 * Return: true for the same mode and the same set of sources.
 */
bool mcr_sfilter_equal(const struct mcr_sfilter *a,
		       const struct mcr_sfilter *b)
{
	unsigned int i;

	if (a->mode != b->mode || a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (!sfilter_has(b, &a->srcs[i]))
			return false;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_sfilter_equal);

/**
 * mcr_sfilter_copy() - a right-sized copy of a filter
 * @dst: receives the copy (no scratch: it cannot accumulate); its old
 *	sources, if any, are freed
 * @src: the filter
 *
 * Context: process context (GFP_KERNEL).
 * Return: 0, or -ENOMEM with @dst unchanged.
 */
int mcr_sfilter_copy(struct mcr_sfilter *dst, const struct mcr_sfilter *src)
{
	struct mcr_addr *srcs = NULL;

	if (src->n) {
		srcs = kmemdup(src->srcs, src->n * sizeof(*srcs), GFP_KERNEL);
		if (!srcs)
			return -ENOMEM;
	}
	kfree(dst->srcs);
	dst->srcs = srcs;
	dst->tmp = NULL;
	dst->n = src->n;
	dst->cap = src->n;
	dst->mode = src->mode;
	dst->family = src->family;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_sfilter_copy);
