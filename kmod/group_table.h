/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The membership table of one interface: the groups hosts on its link
 * asked for, each a struct mcr_gfsm (group_fsm.c) with one timer, and the
 * interface's group limit. Both families share the table.
 *
 * Locking:
 *
 *   what                         written under          read under
 *   mcr_gtable.groups, n_groups     mcr_gtable.lock (BH)       mcr_gtable.lock
 *   mcr_gnode.m (the state)     mcr_gtable.lock            mcr_gtable.lock
 *   mcr_gnode.timer             armed under the lock; its callback
 *                                takes the lock and does nothing once
 *                                the node is unhashed
 *
 * Reports arrive in softirq (the PRE_ROUTING hook), so the lock is taken
 * with spin_lock_bh() in process context. A node is freed after an RCU
 * grace period: a timer callback already running when its node is
 * deleted runs in softirq, a read-side critical section, and only looks
 * at the node's unhashed flag under the lock.
 */
#ifndef _MCR_GROUP_TABLE_H
#define _MCR_GROUP_TABLE_H

#include <linux/rhashtable-types.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#include "config.h"
#include "group_fsm.h"

struct mcr_gtable;
struct mcr_gnode;
struct mcr_sfilter;

/* Hosts tracked per group; beyond it the group's tracking is incomplete. */
#define MCR_GTABLE_MAX_HOSTS	64

/**
 * struct mcr_mhost - an address in a group's list: a host that reported
 *	interest (mcr_gnode.hosts) or a static source (.static_srcs)
 * @list: in the list
 * @addr: the host's IP source address, or the source
 * @expires: when the host's interest lapses without a new report
 *	(jiffies); unused for static sources
 */
struct mcr_mhost {
	struct list_head list;
	struct mcr_addr addr;
	unsigned long expires;
};

/**
 * struct mcr_gtable_ops - what the table asks of its owner (the interface)
 * @changed: a group was learnt, forgotten, or changed its filter mode or
 *	forwarded sources (@event, enum mcast_router_group_event); called
 *	without the lock, in softirq or process context
 * @queries: build the group- and group-and-source-specific queries due for
 *	a group (its query_left counts), decrementing the counts, and queue
 *	them on @out; called with the lock held. Return: jiffies until the
 *	next retransmission, 0 if none is left
 */
struct mcr_gtable_ops {
	void (*changed)(struct mcr_gtable *table, u16 family,
			const struct mcr_addr *group, u8 event);
	unsigned long (*queries)(struct mcr_gtable *table, struct mcr_gnode *gn,
				 unsigned long now, struct sk_buff_head *out);
};

/**
 * struct mcr_gtable - one interface's membership table
 * @lock: protects everything below and the nodes' state
 * @groups: struct mcr_gnode by struct mcr_group_key
 * @list: the same nodes in the order they were learnt (dumps, flush)
 * @n_groups: nodes in @groups
 * @dying: mcr_gtable_uninit() runs: timers must not change the table
 * @ops: the owner's callbacks, or NULL (KUnit)
 */
struct mcr_gtable {
	spinlock_t lock;	/* the table and its nodes' state */
	struct rhashtable groups;
	struct list_head list;
	unsigned int n_groups;
	bool dying;
	const struct mcr_gtable_ops *ops;
};

/**
 * struct mcr_record - one group record of a received report
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @reporter: the report's IP source
 * @type: the record type (v1/v2 reports are IS_EX, leaves TO_IN)
 * @level: MCR_COMPAT_V1..V3, the report's protocol level
 * @leave: an IGMPv2 leave or MLDv1 done
 * @srcs: the record's sources
 * @n: entries of @srcs
 * @ignored: set if the group's compatibility mode ignores the record
 * @fast_left: set if fast-leave handled the record (the group went at
 *	once, or another tracked host still wants it)
 */
struct mcr_record {
	u16 family;
	struct mcr_addr group;
	struct mcr_addr reporter;
	enum mcr_rec type;
	u8 level;
	bool leave;
	const struct mcr_addr *srcs;
	unsigned int n;
	bool ignored;
	bool fast_left;
};

/**
 * struct mcr_gnode - a group of the table
 * @node: in mcr_gtable.groups
 * @list: in mcr_gtable.list
 * @key: (family, group)
 * @m: the membership state
 * @timer: fires at the state's next deadline
 * @table: the table
 * @unhashed: deleted from @table; the timer callback must not touch @m
 * @reporter: the source of the last report that reached the group
 * @created: jiffies_64 when the group was learnt
 * @query_at: when the next specific query is due, while @query_armed
 * @query_armed: specific queries are due (the state's query_left counts)
 * @hosts: struct mcr_mhost, the hosts whose last report wanted the group
 * @n_hosts: entries of @hosts
 * @hosts_overflow: a host was not tracked (the list was full): the list
 *	may be incomplete until the group is relearnt
 * @static_any: a static any-source membership (GROUP_ADD)
 * @static_srcs: struct mcr_mhost, static sources (GROUP_ADD with a source)
 * @n_static: entries of @static_srcs
 * @rcu: frees the node after a grace period
 */
struct mcr_gnode {
	struct rhash_head node;
	struct list_head list;
	struct mcr_group_key key;
	struct mcr_gfsm m;
	struct timer_list timer;
	struct mcr_gtable *table;
	bool unhashed;
	struct mcr_addr reporter;
	u64 created;
	unsigned long query_at;
	bool query_armed;
	struct list_head hosts;
	unsigned int n_hosts;
	bool hosts_overflow;
	bool static_any;
	struct list_head static_srcs;
	unsigned int n_static;
	struct rcu_head rcu;
};

int mcr_gtable_init(struct mcr_gtable *table);
void mcr_gtable_uninit(struct mcr_gtable *table);
int mcr_gtable_record(struct mcr_gtable *table, const struct mcr_gfsm_params *p,
		      unsigned int max_groups, unsigned long now,
		      struct mcr_record *r);
void mcr_gtable_lower(struct mcr_gtable *table, const struct mcr_gfsm_params *p,
		      unsigned long now, u16 family, const struct mcr_addr *group,
		      const struct mcr_addr *srcs, unsigned int n);
void mcr_gtable_flush(struct mcr_gtable *table);
int mcr_gtable_static(struct mcr_gtable *table, unsigned int max_groups,
		      unsigned int max_sources, u16 family,
		      const struct mcr_addr *group, const struct mcr_addr *source,
		      bool add);
bool mcr_gtable_wants(const struct mcr_gnode *gn,
		      const struct mcr_addr *source);
int mcr_gtable_sfilter(const struct mcr_gnode *gn, struct mcr_sfilter *f);
int mcr_gtable_for_each(struct mcr_gtable *table,
			int (*fn)(const struct mcr_gnode *gn, void *arg),
			void *arg);
bool mcr_gtable_static_src(const struct mcr_gnode *gn,
			   const struct mcr_addr *source);
struct mcr_gnode *mcr_gtable_lookup(struct mcr_gtable *table, u16 family,
				    const struct mcr_addr *group);

#if IS_ENABLED(CONFIG_KUNIT)
/* For the KUnit suites only: the group's timer, run at any @now. */
void mcr_gtable_expire(struct mcr_gtable *table, u16 family,
		       const struct mcr_addr *group, unsigned long now);
#endif

#endif /* _MCR_GROUP_TABLE_H */
