/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IGMP/MLD proxy (RFC 4605): the merged downstream membership, reported
 * on the upstream interface by the kernel's own host-side IGMP/MLD through
 * one kernel socket per group. See proxy.c.
 */
#ifndef _MCR_PROXY_H
#define _MCR_PROXY_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "config.h"
#include "sfilter.h"

struct mcr_net;
struct socket;

/* Pending group changes kept before the worker re-reads every group. */
#define MCR_PROXY_MAX_DIRTY	1024
/* A filter the host stack refused is tried again this often. */
#define MCR_PROXY_RETRY		(MCAST_ROUTER_PROXY_RETRY_SECS * HZ)

/**
 * struct mcr_pgroup - one group reported upstream
 * @list: in struct mcr_proxy's @groups
 * @key: family and group
 * @want: the merged downstream filter (RFC 4605 4.1)
 * @all: EXCLUDE({}) (every source) is reported instead of @want: the
 *	merge did not fit, or the host stack refused the source list
 * @joined: @sock has joined the group (its first join option succeeded)
 * @error: the errno (positive) of the last attempt at @want, 0 if it was
 *	applied; the worker tries again every MCR_PROXY_RETRY
 * @sock: the kernel socket whose membership the host stack reports; NULL
 *	until one could be created
 */
struct mcr_pgroup {
	struct list_head list;
	struct mcr_group_key key;
	struct mcr_sfilter want;
	bool all;
	bool joined;
	int error;
	struct socket *sock;
};

/**
 * struct mcr_proxy - a namespace's proxy state
 * @lock: the groups, @upstream and the sockets; taken before RTNL (the
 *	socket options take RTNL), never under it
 * @groups: struct mcr_pgroup, the groups reported upstream
 * @n_groups: entries of @groups
 * @upstream: ifindex of the interface the sockets joined on (0: none)
 * @acc: scratch of the worker: the merge
 * @in: scratch of the worker: one interface's filter
 * @work: the worker, proxy_work(); delayed only for retries
 * @dirty_lock: @dirty, @n_dirty, @resync, @active, @dying (any context)
 * @dirty: struct mcr_group_key entries changed since the last run
 * @n_dirty: entries of @dirty
 * @resync: re-read every group (mode changes, overflow of @dirty)
 * @active: an interface of the namespace is in proxy mode
 * @dying: the namespace goes; nothing is scheduled any more
 */
struct mcr_proxy {
	struct mutex lock;	/* see above */
	struct list_head groups;
	unsigned int n_groups;
	int upstream;
	struct mcr_sfilter acc;
	struct mcr_sfilter in;
	struct delayed_work work;
	spinlock_t dirty_lock;	/* see above */
	struct list_head dirty;
	unsigned int n_dirty;
	bool resync;
	bool active;
	bool dying;
};

void mcr_proxy_init(struct mcr_proxy *p);
void mcr_proxy_uninit(struct mcr_proxy *p);
void mcr_proxy_changed(struct mcr_net *mn, u16 family,
		       const struct mcr_addr *group);
void mcr_proxy_resync(struct mcr_net *mn);
void mcr_proxy_notify(struct mcr_net *mn, const struct mcr_pgroup *pg,
		      u8 event);

#endif /* _MCR_PROXY_H */
