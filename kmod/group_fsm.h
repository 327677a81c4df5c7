/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Router-side membership of one group on one interface: the filter mode
 * and source records of RFC 3376 section 6 (IGMPv3), which RFC 3810
 * section 7 (MLDv2) repeats for IPv6. One family-independent machine:
 * the IGMP and MLD edges turn messages into records (enum mcr_rec) and
 * call it.
 *
 * The functions are pure state transitions. The caller holds the lock of
 * the interface the group belongs to and passes the time (jiffies); what
 * a transition asks for (group- and source-specific queries, RFC 3376
 * 6.6.3) is left in the state as retransmission counts for the query
 * engine, and the timers are deadlines the engine's one timer per
 * interface waits for.
 */
#ifndef _MCR_GROUP_FSM_H
#define _MCR_GROUP_FSM_H

#include <linux/list.h>
#include <linux/igmp.h>
#include <linux/types.h>

#include "config.h"

/* Filter modes. */
enum mcr_filter {
	MCR_FILTER_INCLUDE,
	MCR_FILTER_EXCLUDE,
};

/*
 * Group record types; MLDv2 uses the same values (MLD2_MODE_IS_INCLUDE ..
 * MLD2_BLOCK_OLD_SOURCES, RFC 3810 5.2.12).
 */
enum mcr_rec {
	MCR_REC_IS_IN = IGMPV3_MODE_IS_INCLUDE,
	MCR_REC_IS_EX = IGMPV3_MODE_IS_EXCLUDE,
	MCR_REC_TO_IN = IGMPV3_CHANGE_TO_INCLUDE,
	MCR_REC_TO_EX = IGMPV3_CHANGE_TO_EXCLUDE,
	MCR_REC_ALLOW = IGMPV3_ALLOW_NEW_SOURCES,
	MCR_REC_BLOCK = IGMPV3_BLOCK_OLD_SOURCES,
};

/**
 * struct mcr_gfsm_src - a source record
 * @list: in mcr_gfsm.sources
 * @addr: the source
 * @running: the source timer runs; in EXCLUDE mode the sources whose
 *	timer runs form the "requested" list X, the others the "exclude"
 *	list Y
 * @expires: the source timer's deadline (jiffies) while @running
 * @query_left: source-specific query retransmissions still to send
 */
struct mcr_gfsm_src {
	struct list_head list;
	struct mcr_addr addr;
	bool running;
	unsigned long expires;
	u8 query_left;
};

/**
 * struct mcr_gfsm - one group's membership on one interface
 * @group: the group
 * @family: AF_INET or AF_INET6
 * @filter: enum mcr_filter
 * @running: the group timer runs (always in EXCLUDE mode)
 * @expires: the group timer's deadline (jiffies) while @running
 * @query_left: group-specific query retransmissions still to send
 * @n_sources: entries of @sources
 * @sources: struct mcr_gfsm_src, no duplicates
 * @old_running: bit L - 1 set while the older version host present timer
 *	of compatibility level L (1 or 2) runs (RFC 3376 7.3.2)
 * @old_expires: those timers' deadlines (jiffies)
 */
struct mcr_gfsm {
	struct mcr_addr group;
	u16 family;
	u8 filter;
	bool running;
	unsigned long expires;
	u8 query_left;
	unsigned int n_sources;
	struct list_head sources;
	u8 old_running;
	unsigned long old_expires[2];
};

/*
 * Compatibility levels of a report (RFC 3376 7.3.2, RFC 3810 8.3.2): 1 an
 * IGMPv1 report (no leaves), 2 an IGMPv2 report or leave or an MLDv1
 * report or done (no sources), 3 IGMPv3 / MLDv2.
 */
#define MCR_COMPAT_V1	1
#define MCR_COMPAT_V2	2
#define MCR_COMPAT_V3	3

/**
 * struct mcr_gfsm_params - what the transitions need of the interface
 * @gmi: group membership interval (robustness * query interval + query
 *	response interval), jiffies
 * @ohpi: older host present interval (equal to the GMI), jiffies
 * @lmqt: last member query time (count * interval), jiffies
 * @lmqc: last member query count
 * @max_sources: source records one group may hold
 * @querier: this router is the querier; a non-querier neither sends nor
 *	lowers timers for queries (it lowers them when it hears the
 *	querier's queries)
 * @fast_leave: the interface's fast-leave setting (group_table.c: a leave of a
 *	group's last tracked host removes the group at once)
 */
struct mcr_gfsm_params {
	unsigned long gmi;
	unsigned long ohpi;
	unsigned long lmqt;
	u8 lmqc;
	unsigned int max_sources;
	bool querier;
	bool fast_leave;
};

void mcr_gfsm_init(struct mcr_gfsm *grp, u16 family,
		   const struct mcr_addr *group);
void mcr_gfsm_destroy(struct mcr_gfsm *grp);
int mcr_gfsm_record(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		    unsigned long now, enum mcr_rec type,
		    const struct mcr_addr *srcs, unsigned int n);
bool mcr_gfsm_expire(struct mcr_gfsm *grp, unsigned long now);
bool mcr_gfsm_wants(const struct mcr_gfsm *grp, const struct mcr_addr *source);
u32 mcr_gfsm_sig(const struct mcr_gfsm *grp);
bool mcr_gfsm_next(const struct mcr_gfsm *grp, unsigned long *when);
u8 mcr_gfsm_compat(const struct mcr_gfsm *grp, unsigned long now);
void mcr_gfsm_old_host(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		       unsigned long now, u8 level);
bool mcr_gfsm_compat_filter(const struct mcr_gfsm *grp, unsigned long now,
			    bool leave, enum mcr_rec type, unsigned int *n);
void mcr_gfsm_lower(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		    unsigned long now, const struct mcr_addr *srcs,
		    unsigned int n);
struct mcr_gfsm_src *mcr_gfsm_find(const struct mcr_gfsm *grp,
				   const struct mcr_addr *addr);

#endif /* _MCR_GROUP_FSM_H */
