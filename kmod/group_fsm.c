// SPDX-License-Identifier: GPL-2.0
/*
 * The router's membership state of a group on an interface: RFC 3376
 * section 6.4 (reports), 6.5 (timers switching the filter mode) and the
 * timer-lowering half of 6.6.3 (group- and source-specific queries), for
 * IPv4 and IPv6 alike (RFC 3810 section 7 is the same machine).
 *
 * In INCLUDE mode every source record has a running timer. In EXCLUDE mode
 * the records with a running timer are the requested list X, the others
 * the exclude list Y. The tables of 6.4.1 and 6.4.2 are implemented row by
 * row in record_include() and record_exclude(); each step is commented
 * with the RFC's notation.
 */

#include <linux/bits.h>
#include <linux/jhash.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

#include "compat.h"
#include "group_fsm.h"

/**
 * mcr_gfsm_init() - a new group record: INCLUDE({}), no timers
 * @grp: the record
 * @family: AF_INET or AF_INET6
 * @group: the group
 */
void mcr_gfsm_init(struct mcr_gfsm *grp, u16 family,
		   const struct mcr_addr *group)
{
	memset(grp, 0, sizeof(*grp));
	grp->family = family;
	grp->group = *group;
	grp->filter = MCR_FILTER_INCLUDE;
	INIT_LIST_HEAD(&grp->sources);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_init);

static void src_del(struct mcr_gfsm *grp, struct mcr_gfsm_src *src)
{
	list_del(&src->list);
	grp->n_sources--;
	kfree(src);
}

/**
 * mcr_gfsm_destroy() - free a group record's sources
 * @grp: the record
 */
void mcr_gfsm_destroy(struct mcr_gfsm *grp)
{
	struct mcr_gfsm_src *src, *tmp;

	list_for_each_entry_safe(src, tmp, &grp->sources, list)
		src_del(grp, src);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_destroy);

/**
 * mcr_gfsm_find() - a source record of a group
 * @grp: the group
 * @addr: the source
 *
 * Return: the record, or NULL.
 */
struct mcr_gfsm_src *mcr_gfsm_find(const struct mcr_gfsm *grp,
				   const struct mcr_addr *addr)
{
	struct mcr_gfsm_src *src;

	list_for_each_entry(src, &grp->sources, list)
		if (mcr_addr_equal(grp->family, &src->addr, addr))
			return src;
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_find);

static bool in_list(u16 family, const struct mcr_addr *srcs, unsigned int n,
		    const struct mcr_addr *addr)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (mcr_addr_equal(family, &srcs[i], addr))
			return true;
	return false;
}

/*
 * The record of @addr, created with its timer stopped if it is new;
 * NULL (and *@refused counted) if the group has no room for another.
 */
static struct mcr_gfsm_src *src_get(struct mcr_gfsm *grp,
				    const struct mcr_gfsm_params *p,
				    const struct mcr_addr *addr, bool *created,
				    unsigned int *refused)
{
	struct mcr_gfsm_src *src = mcr_gfsm_find(grp, addr);

	*created = false;
	if (src)
		return src;
	if (grp->n_sources >= p->max_sources) {
		(*refused)++;
		return NULL;
	}
	src = kzalloc(sizeof(*src), GFP_ATOMIC);
	if (!src) {
		(*refused)++;
		return NULL;
	}
	src->addr = *addr;
	list_add_tail(&src->list, &grp->sources);
	grp->n_sources++;
	*created = true;
	return src;
}

static void timer_set(struct mcr_gfsm_src *src, unsigned long now,
		      unsigned long after)
{
	src->running = true;
	src->expires = now + after;
}

/* "Send Q(G,S)" for one source (6.6.3.2): lower its timer to LMQT. */
static void src_query(struct mcr_gfsm_src *src, const struct mcr_gfsm_params *p,
		      unsigned long now)
{
	if (!p->querier)
		return;
	if (src->running && time_after(src->expires, now + p->lmqt))
		src->expires = now + p->lmqt;
	src->query_left = p->lmqc;
}

/* "Send Q(G)" (6.6.3.1): lower the group timer to LMQT. */
static void grp_query(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		      unsigned long now)
{
	if (!p->querier)
		return;
	if (grp->running && time_after(grp->expires, now + p->lmqt))
		grp->expires = now + p->lmqt;
	grp->query_left = p->lmqc;
}

/* (B) = GMI for every source of the record, adding the new ones. */
static void sources_to_gmi(struct mcr_gfsm *grp,
			   const struct mcr_gfsm_params *p, unsigned long now,
			   const struct mcr_addr *b, unsigned int n,
			   unsigned int *refused)
{
	struct mcr_gfsm_src *src;
	unsigned int i;
	bool created;

	for (i = 0; i < n; i++) {
		src = src_get(grp, p, &b[i], &created, refused);
		if (src)
			timer_set(src, now, p->gmi);
	}
}

static void to_exclude(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		       unsigned long now, const struct mcr_addr *b,
		       unsigned int n, bool query, unsigned int *refused)
{
	struct mcr_gfsm_src *src, *tmp;
	unsigned int i;
	bool created;

	/* INCLUDE(A) -> EXCLUDE(A*B, B-A): delete (A-B) ... */
	list_for_each_entry_safe(src, tmp, &grp->sources, list)
		if (!in_list(grp->family, b, n, &src->addr))
			src_del(grp, src);
	/* ... A*B keep their timers (X), Send Q(G,A*B) for TO_EX ... */
	if (query)
		list_for_each_entry(src, &grp->sources, list)
			src_query(src, p, now);
	/* ... (B-A) = 0: new records with stopped timers (Y). */
	for (i = 0; i < n; i++)
		src_get(grp, p, &b[i], &created, refused);
	grp->filter = MCR_FILTER_EXCLUDE;
	grp->running = true;
	grp->expires = now + p->gmi;
}

static void record_include(struct mcr_gfsm *grp,
			   const struct mcr_gfsm_params *p, unsigned long now,
			   enum mcr_rec type, const struct mcr_addr *b,
			   unsigned int n, unsigned int *refused)
{
	struct mcr_gfsm_src *src;

	switch (type) {
	case MCR_REC_IS_IN:
	case MCR_REC_ALLOW:
		/* INCLUDE(A+B); (B) = GMI */
		sources_to_gmi(grp, p, now, b, n, refused);
		break;
	case MCR_REC_TO_IN:
		/* INCLUDE(A+B); (B) = GMI; Send Q(G,A-B) */
		list_for_each_entry(src, &grp->sources, list)
			if (!in_list(grp->family, b, n, &src->addr))
				src_query(src, p, now);
		sources_to_gmi(grp, p, now, b, n, refused);
		break;
	case MCR_REC_BLOCK:
		/* INCLUDE(A); Send Q(G,A*B) */
		list_for_each_entry(src, &grp->sources, list)
			if (in_list(grp->family, b, n, &src->addr))
				src_query(src, p, now);
		break;
	case MCR_REC_IS_EX:
		/* EXCLUDE(A*B,B-A); (B-A)=0; Delete (A-B); Group Timer=GMI */
		to_exclude(grp, p, now, b, n, false, refused);
		break;
	case MCR_REC_TO_EX:
		/* the same, and Send Q(G,A*B) */
		to_exclude(grp, p, now, b, n, true, refused);
		break;
	}
}

static void record_exclude(struct mcr_gfsm *grp,
			   const struct mcr_gfsm_params *p, unsigned long now,
			   enum mcr_rec type, const struct mcr_addr *a,
			   unsigned int n, unsigned int *refused)
{
	struct mcr_gfsm_src *src, *tmp;
	unsigned int i;
	bool created;

	switch (type) {
	case MCR_REC_IS_IN:
	case MCR_REC_ALLOW:
		/* EXCLUDE(X+A,Y-A); (A) = GMI */
		sources_to_gmi(grp, p, now, a, n, refused);
		break;
	case MCR_REC_TO_IN:
		/* EXCLUDE(X+A,Y-A); (A)=GMI; Send Q(G,X-A); Send Q(G) */
		list_for_each_entry(src, &grp->sources, list)
			if (src->running &&
			    !in_list(grp->family, a, n, &src->addr))
				src_query(src, p, now);
		sources_to_gmi(grp, p, now, a, n, refused);
		grp_query(grp, p, now);
		break;
	case MCR_REC_BLOCK:
		/*
		 * EXCLUDE(X+(A-Y),Y); (A-X-Y)=Group Timer; Send Q(G,A-Y):
		 * new records start with the group timer's deadline, then
		 * every record of A not in Y is queried.
		 */
		for (i = 0; i < n; i++) {
			src = src_get(grp, p, &a[i], &created, refused);
			if (!src)
				continue;
			if (created) {
				src->running = grp->running;
				src->expires = grp->expires;
			}
			if (src->running)
				src_query(src, p, now);
		}
		break;
	case MCR_REC_IS_EX:
	case MCR_REC_TO_EX:
		/*
		 * EXCLUDE(A-Y,Y*A); Delete (X-A); Delete (Y-A);
		 * IS_EX: (A-X-Y)=GMI.
		 * TO_EX: (A-X-Y)=Group Timer; Send Q(G,A-Y).
		 * Group Timer=GMI (last: TO_EX's new records take the old
		 * deadline).
		 */
		list_for_each_entry_safe(src, tmp, &grp->sources, list)
			if (!in_list(grp->family, a, n, &src->addr))
				src_del(grp, src);
		for (i = 0; i < n; i++) {
			src = src_get(grp, p, &a[i], &created, refused);
			if (!src || !created)
				continue;
			if (type == MCR_REC_IS_EX) {
				timer_set(src, now, p->gmi);
			} else {
				src->running = grp->running;
				src->expires = grp->expires;
			}
		}
		if (type == MCR_REC_TO_EX)
			list_for_each_entry(src, &grp->sources, list)
				if (src->running)
					src_query(src, p, now);
		grp->running = true;
		grp->expires = now + p->gmi;
		break;
	}
}

/**
 * mcr_gfsm_record() - apply one group record of a report
 * @grp: the group's state
 * @p: the interface's parameters
 * @now: jiffies
 * @type: the record type
 * @srcs: its source list (duplicates are harmless)
 * @n: entries of @srcs
 *
 * Return: the number of sources refused (the group's source limit, or no
 * memory: the rest of the record is applied), or -EINVAL for an unknown
 * record type (nothing changed).
 */
int mcr_gfsm_record(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		    unsigned long now, enum mcr_rec type,
		    const struct mcr_addr *srcs, unsigned int n)
{
	unsigned int refused = 0;

	if (type < MCR_REC_IS_IN || type > MCR_REC_BLOCK)
		return -EINVAL;
	if (grp->filter == MCR_FILTER_INCLUDE)
		record_include(grp, p, now, type, srcs, n, &refused);
	else
		record_exclude(grp, p, now, type, srcs, n, &refused);
	return refused;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_record);

/**
 * mcr_gfsm_expire() - apply the timers that have expired by @now
 * @grp: the group's state
 * @now: jiffies
 *
 * RFC 3376 6.3 and 6.5: in INCLUDE mode an expired source is deleted; in
 * EXCLUDE mode it moves to the exclude list (timer stopped). When the
 * group timer expires in EXCLUDE mode the group switches to INCLUDE with
 * the sources whose timers still run, and the others are deleted.
 *
 * Return: true if the group has no state left (INCLUDE({})): the caller
 * deletes it.
 */
bool mcr_gfsm_expire(struct mcr_gfsm *grp, unsigned long now)
{
	struct mcr_gfsm_src *src, *tmp;

	list_for_each_entry_safe(src, tmp, &grp->sources, list) {
		if (!src->running || time_before(now, src->expires))
			continue;
		src->running = false;
		if (grp->filter == MCR_FILTER_INCLUDE)
			src_del(grp, src);
	}
	if (grp->filter == MCR_FILTER_EXCLUDE && grp->running &&
	    !time_before(now, grp->expires)) {
		grp->filter = MCR_FILTER_INCLUDE;
		grp->running = false;
		grp->query_left = 0;
		list_for_each_entry_safe(src, tmp, &grp->sources, list)
			if (!src->running)
				src_del(grp, src);
	}
	return grp->filter == MCR_FILTER_INCLUDE && !grp->n_sources;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_expire);

/**
 * mcr_gfsm_wants() - whether traffic from a source is forwarded
 * @grp: the group's state
 * @source: the datagram's source
 *
 * RFC 3376 6.3: INCLUDE mode forwards the listed sources (their timers
 * run); EXCLUDE mode forwards everything but the exclude list Y.
 *
 * Return: true if the members want @source.
 */
bool mcr_gfsm_wants(const struct mcr_gfsm *grp, const struct mcr_addr *source)
{
	const struct mcr_gfsm_src *src = mcr_gfsm_find(grp, source);

	if (grp->filter == MCR_FILTER_INCLUDE)
		return src && src->running;
	return !src || src->running;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_wants);

/**
 * mcr_gfsm_compat() - the group's compatibility level
 * @grp: the group's state
 * @now: jiffies
 *
 * Return: MCR_COMPAT_V1 or MCR_COMPAT_V2 while an older version host
 * present timer of that level runs (the oldest wins), else MCR_COMPAT_V3.
 */
u8 mcr_gfsm_compat(const struct mcr_gfsm *grp, unsigned long now)
{
	u8 level;

	for (level = MCR_COMPAT_V1; level < MCR_COMPAT_V3; level++)
		if ((grp->old_running & BIT(level - 1)) &&
		    time_before(now, grp->old_expires[level - 1]))
			return level;
	return MCR_COMPAT_V3;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_compat);

/**
 * mcr_gfsm_old_host() - a report of an older version was heard
 * @grp: the group's state
 * @p: the interface's parameters
 * @now: jiffies
 * @level: the report's compatibility level (MCR_COMPAT_V3: nothing to do)
 *
 * RFC 3376 7.3.2: the older version host present timer is set to the
 * Older Host Present Interval (8.13).
 */
void mcr_gfsm_old_host(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		       unsigned long now, u8 level)
{
	if (level < MCR_COMPAT_V1 || level >= MCR_COMPAT_V3)
		return;
	grp->old_running |= BIT(level - 1);
	grp->old_expires[level - 1] = now + p->ohpi;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_old_host);

/**
 * mcr_gfsm_compat_filter() - apply the group's compatibility mode to a
 *	record before mcr_gfsm_record()
 * @grp: the group's state (may be a fresh INCLUDE({}) group)
 * @now: jiffies
 * @leave: the record is an IGMPv2 leave / MLDv1 done (TO_IN({}))
 * @type: the record type
 * @n: the record's source count; set to 0 where the source list is ignored
 *
 * RFC 3376 7.3.2 / RFC 3810 8.3.2: below level 3 BLOCK records are ignored
 * and TO_EX is TO_EX({}); at level 1 leaves are ignored as well.
 *
 * Return: false if the record is ignored.
 */
bool mcr_gfsm_compat_filter(const struct mcr_gfsm *grp, unsigned long now,
			    bool leave, enum mcr_rec type, unsigned int *n)
{
	u8 level = mcr_gfsm_compat(grp, now);

	if (level == MCR_COMPAT_V3)
		return true;
	if (type == MCR_REC_BLOCK)
		return false;
	if (leave && level == MCR_COMPAT_V1)
		return false;
	if (type == MCR_REC_TO_EX)
		*n = 0;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_compat_filter);

/**
 * mcr_gfsm_lower() - a non-querier heard the querier's group-specific or
 *	group-and-source-specific query (S flag clear)
 * @grp: the group's state
 * @p: the interface's parameters
 * @now: jiffies
 * @srcs: the query's sources; none: a group-specific query
 * @n: entries of @srcs
 *
 * RFC 3376 6.6.1: the group timer (group-specific) or the listed sources'
 * timers are lowered to the LMQT; a timer already lower stays.
 */
void mcr_gfsm_lower(struct mcr_gfsm *grp, const struct mcr_gfsm_params *p,
		    unsigned long now, const struct mcr_addr *srcs,
		    unsigned int n)
{
	struct mcr_gfsm_src *src;
	unsigned int i;

	if (!n) {
		if (grp->running && time_after(grp->expires, now + p->lmqt))
			grp->expires = now + p->lmqt;
		return;
	}
	for (i = 0; i < n; i++) {
		src = mcr_gfsm_find(grp, &srcs[i]);
		if (src && src->running &&
		    time_after(src->expires, now + p->lmqt))
			src->expires = now + p->lmqt;
	}
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_lower);

/**
 * mcr_gfsm_sig() - a digest of what forwarding and users see of a group
 * @grp: the group's state
 *
 * The filter mode and each source with whether it is forwarded; timers
 * left out. Two states with different digests differ; equal digests mean
 * "no visible change" for all practical purposes (a 32-bit hash).
 *
 * Return: the digest.
 */
u32 mcr_gfsm_sig(const struct mcr_gfsm *grp)
{
	const struct mcr_gfsm_src *src;
	u32 h = jhash_2words(grp->filter, grp->n_sources, 0);

	list_for_each_entry(src, &grp->sources, list)
		h = jhash(&src->addr, sizeof(src->addr),
			  h ^ mcr_gfsm_wants(grp, &src->addr));
	return h;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_sig);

/**
 * mcr_gfsm_next() - the earliest deadline of a group's timers
 * @grp: the group's state
 * @when: set to the deadline (jiffies) if there is one
 *
 * Return: true if a timer runs.
 */
bool mcr_gfsm_next(const struct mcr_gfsm *grp, unsigned long *when)
{
	const struct mcr_gfsm_src *src;
	bool any = false;

	if (grp->running) {
		*when = grp->expires;
		any = true;
	}
	list_for_each_entry(src, &grp->sources, list) {
		if (!src->running)
			continue;
		if (!any || time_before(src->expires, *when))
			*when = src->expires;
		any = true;
	}
	return any;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_gfsm_next);
