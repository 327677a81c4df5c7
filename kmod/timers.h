/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The timer values of RFC 3376 section 8 and RFC 3810 section 9 that
 * follow from one interface's configuration. Every user of a derived
 * value (the querier, the membership table, validation, netlink) takes it
 * from here, so the formulas exist once.
 */
#ifndef _MCR_TIMERS_H
#define _MCR_TIMERS_H

#include <linux/types.h>

struct mcr_iface_cfg;

/**
 * struct mcr_timers - an interface's derived timer values, in ms
 * @gmi: group membership interval (RFC 3376 8.4; RFC 3810 9.4, multicast
 *	address listening interval): robustness * QI + QRI
 * @oqpi: other querier present interval (8.5, 9.5): robustness * QI +
 *	QRI / 2
 * @ohpi: older host present interval (8.13; 9.13, older version host
 *	present timeout): robustness * QI + QRI
 * @sqi: startup query interval (8.6, 9.6): configured, or QI / 4
 * @sqc: startup query count (8.7, 9.7): configured, or robustness
 * @lmqc: last member query count (8.9; 9.9, last listener query count):
 *	configured, or robustness
 * @lmqt: last member query time (8.10, 9.10): LMQI * LMQC
 * @max_gap: the longest time between two general queries of this router
 *	as querier: the query interval, or the startup query interval if
 *	longer and more than one startup query is sent
 * @qi: the query interval (8.2, 9.2), as configured
 *
 * QI, QRI and LMQI are the configured query interval, query response
 * interval and last member query interval. None of the products
 * overflows: the policy bounds every factor (at most 7 * 31744000 +
 * 3174400).
 */
struct mcr_timers {
	u32 gmi;
	u32 oqpi;
	u32 ohpi;
	u32 sqi;
	u8 sqc;
	u8 lmqc;
	u32 lmqt;
	u32 max_gap;
	u32 qi;
};

void mcr_timers_get(const struct mcr_iface_cfg *cfg, struct mcr_timers *t);
void mcr_timers_heard(const struct mcr_iface_cfg *cfg, u8 qrv, u32 qqi,
		      struct mcr_timers *t);
u32 mcr_timers_gap(const struct mcr_timers *t, u8 startup_left);
u32 mcr_timers_query_sent(const struct mcr_timers *t, u8 *startup_left);

#endif /* _MCR_TIMERS_H */
