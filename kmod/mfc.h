/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The multicast forwarding table of one namespace.
 *
 * Two levels: an rhashtable of groups keyed by (family, group), each group
 * holding an RCU list of entries (source or any, incoming ifindex,
 * outgoing interfaces). Membership changes of a group (the IGMP/MLD
 * issue) touch only that group's entries. An xarray numbers the entries
 * so dumps can resume from a stable cursor.
 *
 * Locking
 * =======
 *
 * Object / field                 Writers                  Readers
 * ------------------------------ ------------------------ ----------------
 * mcr_mfc.groups (rhashtable)    mcr_mfc.lock (_bh)       RCU
 * mcr_mfc_group.entries (list)   mcr_mfc.lock (_bh)       RCU
 * mcr_mfc.ids (xarray id->mfe)   mcr_mfc.lock (_bh), and  RCU
 *                                its own xa_lock, always
 *                                BH-safe (XA_FLAGS_LOCK_BH,
 *                                xa_alloc_bh): ids are
 *                                taken in softirq too
 * mcr_mfe.oifs (__rcu, immutable mcr_mfc.lock (_bh),      RCU
 *   array, replaced whole)        old one freed by call_rcu
 * mcr_mfc.count, .generation     mcr_mfc.lock (_bh)       READ_ONCE
 * mcr_mfe.stats (per-CPU)        fast path, BH disabled   netlink, u64_stats
 *
 * The netlink writers also hold RTNL (device lookups, and mcr_net.ifaces
 * cannot change under them); membership (reports and timers) writes
 * from softirq, hence spin_lock_bh. Groups and entries are freed after a grace period.
 * An entry's oif array holds struct mcr_iface pointers without a
 * reference: mcr_mfc_iface_remove() takes an interface out of every array
 * (and deletes the entries whose iif it is) before the interface is
 * destroyed, and struct mcr_iface itself is freed after a grace period,
 * so a reader that found it in an array may use it until rcu_read_unlock.
 */
#ifndef _MCR_MFC_H
#define _MCR_MFC_H

#include <linux/list.h>
#include <linux/netlink.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include "config.h"
#include "stats.h"

struct mcr_iface;

/* Entries per namespace; MFE_ADD beyond it fails with ENOSPC. */
#define MCR_MFC_MAX_ENTRIES	1048576U
/* Membership entries per namespace: (S,G) learnt from datagrams. */
#define MCR_MFC_MAX_LEARNT	65536U
/* Idle membership entries go after one to two intervals (ms). */
#define MCR_MFC_GC_INTERVAL	60000U

/**
 * struct mcr_oifs - an immutable set of outgoing interfaces
 * @n: used entries of @ifaces
 * @rcu: frees a replaced set after readers are done
 * @ifaces: the interfaces, no duplicates
 */
struct mcr_oifs {
	unsigned int n;
	struct rcu_head rcu;
	struct mcr_iface *ifaces[];
};

/**
 * struct mcr_mfc_group - the entries of one group
 * @node: in mcr_mfc.groups
 * @key: (family, group)
 * @entries: struct mcr_mfe, RCU list
 * @rcu: frees the group after readers are done
 */
struct mcr_mfc_group {
	struct rhash_head node;
	struct mcr_group_key key;
	struct list_head entries;
	struct rcu_head rcu;
};

/**
 * struct mcr_mfe - a forwarding entry
 * @list: in mcr_mfc_group.entries
 * @group: the group it belongs to
 * @source: the source, valid unless @any_source
 * @any_source: a (*,G) entry
 * @origin: enum mcast_router_origin
 * @iif: ifindex of the incoming interface
 * @id: its index in mcr_mfc.ids (dump cursor)
 * @created: jiffies (64 bits) at creation
 * @oifs: outgoing interfaces, never NULL
 * @stats: per-CPU counters, MCAST_ROUTER_A_MFE_STATS_*
 * @gc_packets: datagrams seen at the previous mcr_mfc_gc() (membership
 *	entries)
 * @rcu: frees the entry after readers are done
 */
struct mcr_mfe {
	struct list_head list;
	struct mcr_mfc_group *group;
	struct mcr_addr source;
	bool any_source;
	u8 origin;
	int iif;
	u32 id;
	u64 created;
	struct mcr_oifs __rcu *oifs;
	struct mcr_stats __percpu *stats;
	u64 gc_packets;
	struct rcu_head rcu;
};

/**
 * struct mcr_mfc - the forwarding table of a namespace
 * @groups: struct mcr_mfc_group by key
 * @ids: struct mcr_mfe by id
 * @lock: serialises writers
 * @count: entries in the table
 * @learnt: membership entries among them
 * @generation: bumped on every change, never 0 (dump consistency)
 */
struct mcr_mfc {
	struct rhashtable groups;
	struct xarray ids;
	spinlock_t lock;	/* see the table above */
	unsigned int count;
	unsigned int learnt;
	u32 generation;
};

/**
 * enum mcr_mfc_result - outcome of a lookup
 * @MCR_MFC_HIT: an entry for the datagram's (S,G) or (*,G) and its iif
 * @MCR_MFC_WRONG_IIF: entries for the (S,G) or (*,G), none for its iif
 * @MCR_MFC_NO_ENTRY: nothing for the datagram
 */
enum mcr_mfc_result {
	MCR_MFC_HIT,
	MCR_MFC_WRONG_IIF,
	MCR_MFC_NO_ENTRY,
};

/**
 * struct mcr_mfe_spec - what identifies an entry, plus its oifs
 * @family: AF_INET or AF_INET6
 * @group: the group
 * @source: the source, unless @any_source
 * @any_source: the (*,G) entry
 * @iif: incoming ifindex, or 0 for "any" (deletion only)
 */
struct mcr_mfe_spec {
	u16 family;
	struct mcr_addr group;
	struct mcr_addr source;
	bool any_source;
	int iif;
};

/*
 * Computes the outgoing interfaces of a membership entry of @mfc, under
 * @mfc's lock (GFP_ATOMIC); NULL if out of memory. The owner of the table
 * finds its own state from @mfc (container_of()).
 */
typedef struct mcr_oifs *(*mcr_mfc_compute_t)(struct mcr_mfc *mfc,
					      const struct mcr_mfe_spec *spec);

int mcr_mfc_init(struct mcr_mfc *mfc);
void mcr_mfc_uninit(struct mcr_mfc *mfc);
struct mcr_oifs *mcr_mfc_oifs_alloc(unsigned int n, gfp_t gfp);
int mcr_mfc_add(struct mcr_mfc *mfc, const struct mcr_mfe_spec *spec,
		struct mcr_oifs *oifs, u8 origin, bool replace,
		struct netlink_ext_ack *extack);
int mcr_mfc_del(struct mcr_mfc *mfc, const struct mcr_mfe_spec *spec);
unsigned int mcr_mfc_flush(struct mcr_mfc *mfc, u16 family, bool all,
			   u8 origin);
int mcr_mfc_learn(struct mcr_mfc *mfc, const struct mcr_mfe_spec *spec,
		  mcr_mfc_compute_t compute);
void mcr_mfc_refresh(struct mcr_mfc *mfc, u16 family,
		     const struct mcr_addr *group, mcr_mfc_compute_t compute);
unsigned int mcr_mfc_gc(struct mcr_mfc *mfc);
void mcr_mfc_iface_remove(struct mcr_mfc *mfc, const struct mcr_iface *iface,
			  int ifindex);
enum mcr_mfc_result mcr_mfc_lookup(struct mcr_mfc *mfc, u16 family,
				   const struct mcr_addr *group,
				   const struct mcr_addr *source, int iif,
				   struct mcr_mfe **mfe);

#endif /* _MCR_MFC_H */
