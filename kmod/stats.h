/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU 64-bit counter blocks, shared by interfaces and forwarding
 * entries. A block holds the counters of one uapi stats nest, indexed by
 * the nest's attribute type: 1 .. pad - 1, where pad is the nest's PAD
 * attribute (the last one).
 */
#ifndef _MCR_STATS_H
#define _MCR_STATS_H

#include <linux/percpu.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>

/**
 * struct mcr_stats - one CPU's counters
 * @syncp: makes the 64-bit reads tear-free on 32-bit kernels
 * @c: the counters, indexed by attribute type (0 unused)
 */
struct mcr_stats {
	struct u64_stats_sync syncp;
	u64_stats_t c[];
};

struct mcr_stats __percpu *mcr_stats_alloc(int pad, gfp_t gfp);
u64 mcr_stats_read(const struct mcr_stats __percpu *stats, int idx);
int mcr_stats_fill(struct sk_buff *skb, int nest_type,
		   const struct mcr_stats __percpu *stats, int pad);
size_t mcr_stats_fill_size(int pad);

/**
 * mcr_stats_add() - add to one counter of this CPU
 * @stats: the block
 * @idx: the counter's attribute type
 * @val: the amount
 *
 * Context: BH disabled (the fast path).
 */
static inline void mcr_stats_add(struct mcr_stats __percpu *stats, int idx,
				 u64 val)
{
	struct mcr_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_add(&s->c[idx], val);
	u64_stats_update_end(&s->syncp);
}

#endif /* _MCR_STATS_H */
