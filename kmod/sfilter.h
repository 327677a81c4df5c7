/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A source filter (filter mode and source list, RFC 3376 3.2) and the
 * merge of several into one (RFC 4605 4.1), for IPv4 and IPv6 alike. Pure
 * functions with no locking: the caller owns the filters.
 */
#ifndef _MCR_SFILTER_H
#define _MCR_SFILTER_H

#include <linux/types.h>

#include "config.h"
#include "group_fsm.h"

/* Most sources a merged filter holds (the per-group limit's maximum). */
#define MCR_SFILTER_MAX	MCR_MAX_SOURCES_LIMIT

/**
 * struct mcr_sfilter - a filter mode and a set of sources
 * @mode: enum mcr_filter
 * @family: AF_INET or AF_INET6
 * @n: sources in @srcs
 * @cap: room in @srcs
 * @srcs: the sources, without duplicates, in no particular order
 * @tmp: @cap more addresses, scratch space of mcr_sfilter_merge(); NULL
 *	in a copy (mcr_sfilter_copy())
 */
struct mcr_sfilter {
	u8 mode;
	u16 family;
	unsigned int n;
	unsigned int cap;
	struct mcr_addr *srcs;
	struct mcr_addr *tmp;
};

int mcr_sfilter_init(struct mcr_sfilter *f, u16 family, unsigned int cap,
		     gfp_t gfp);
void mcr_sfilter_free(struct mcr_sfilter *f);
void mcr_sfilter_reset(struct mcr_sfilter *f, u8 mode);
int mcr_sfilter_add(struct mcr_sfilter *f, const struct mcr_addr *a);
int mcr_sfilter_merge(struct mcr_sfilter *acc, const struct mcr_sfilter *in);
bool mcr_sfilter_equal(const struct mcr_sfilter *a,
		       const struct mcr_sfilter *b);
int mcr_sfilter_copy(struct mcr_sfilter *dst, const struct mcr_sfilter *src);

#endif /* _MCR_SFILTER_H */
