// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counter blocks: allocation, summing and the netlink nest.
 */

#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <net/netlink.h>

#include "compat.h"
#include "stats.h"

/**
 * mcr_stats_alloc() - a zeroed counter block on every possible CPU
 * @pad: the PAD attribute of the nest; counters 1 .. @pad - 1 exist
 * @gfp: allocation flags
 *
 * Free it with free_percpu().
 *
 * Return: the block, or NULL without memory.
 */
struct mcr_stats __percpu *mcr_stats_alloc(int pad, gfp_t gfp)
{
	struct mcr_stats __percpu *stats;
	int cpu;

	stats = __alloc_percpu_gfp(sizeof(struct mcr_stats) +
				   pad * sizeof(u64_stats_t),
				   __alignof__(struct mcr_stats), gfp);
	if (!stats)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(stats, cpu)->syncp);
	return stats;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_stats_alloc);

/**
 * mcr_stats_read() - the sum of one counter over every CPU
 * @stats: the block
 * @idx: the counter's attribute type
 *
 * Return: the sum.
 */
u64 mcr_stats_read(const struct mcr_stats __percpu *stats, int idx)
{
	unsigned int start;
	u64 sum = 0, v;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct mcr_stats *s = per_cpu_ptr(stats, cpu);

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			v = u64_stats_read(&s->c[idx]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		sum += v;
	}
	return sum;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_stats_read);

/**
 * mcr_stats_fill() - put a block as a nest of u64 attributes
 * @skb: the message
 * @nest_type: the nest's attribute type
 * @stats: the block
 * @pad: the nest's PAD attribute
 *
 * Return: 0, or -EMSGSIZE with nothing added.
 */
int mcr_stats_fill(struct sk_buff *skb, int nest_type,
		   const struct mcr_stats __percpu *stats, int pad)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(skb, nest_type);
	if (!nest)
		return -EMSGSIZE;
	for (i = 1; i < pad; i++) {
		if (nla_put_u64_64bit(skb, i, mcr_stats_read(stats, i), pad)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * mcr_stats_fill_size() - room mcr_stats_fill() needs
 * @pad: the nest's PAD attribute
 *
 * Return: bytes.
 */
size_t mcr_stats_fill_size(int pad)
{
	return nla_total_size(0) +
	       (pad - 1) * nla_total_size_64bit(sizeof(u64));
}
