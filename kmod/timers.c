// SPDX-License-Identifier: GPL-2.0
/*
 * The timer values an interface's configuration implies (RFC 3376 section
 * 8, RFC 3810 section 9): the fixed formulas, and the defaults that follow
 * the query interval and the robustness until set explicitly.
 */

#include <linux/minmax.h>

#include "compat.h"
#include "iface_cfg.h"
#include "timers.h"

/* The formulas, from a robustness @rv and a query interval @qi (ms). */
static void compute(const struct mcr_iface_cfg *cfg, u8 rv, u32 qi,
		    struct mcr_timers *t)
{
	u32 rqi = rv * qi;

	t->gmi = rqi + cfg->query_response_interval;
	t->oqpi = rqi + cfg->query_response_interval / 2;
	t->ohpi = rqi + cfg->query_response_interval;
	t->sqi = cfg->startup_query_interval ?: qi / 4;
	t->sqc = cfg->startup_query_count ?: rv;
	t->lmqc = cfg->last_member_query_count ?: rv;
	t->lmqt = t->lmqc * cfg->last_member_query_interval;
	t->max_gap = qi;
	if (t->sqc > 1)
		t->max_gap = max(t->max_gap, t->sqi);
	t->qi = qi;
}

/**
 * mcr_timers_get() - compute an interface's derived timer values
 * @cfg: the configuration; a startup query interval, startup query count
 *	or last member query count of 0 is derived
 * @t: filled in
 *
 * Context: any; a pure function of @cfg.
 */
void mcr_timers_get(const struct mcr_iface_cfg *cfg, struct mcr_timers *t)
{
	compute(cfg, cfg->robustness, cfg->query_interval, t);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_timers_get);

/**
 * mcr_timers_heard() - the timer values of a router that is not the
 *	querier: the querier's robustness and query interval, where its
 *	queries carry them, replace the configured ones
 * @cfg: the configuration
 * @qrv: the QRV of the querier's last query (RFC 3376 4.1.6, RFC 3810
 *	5.1.8); 0: none (IGMPv1/v2, MLDv1, or a QRV of 0), the configured
 *	robustness
 * @qqi: the querier's query interval from its QQIC (4.1.7, 5.1.9), ms;
 *	0: none, the configured query interval
 * @t: filled in
 *
 * "Routers adopt the QRV value from the most recently received Query as
 * their own [Robustness Variable] value" and non-queriers "adopt the QQI
 * value": so memberships outlive the querier's interval, not this
 * router's.
 *
 * Context: any.
 */
void mcr_timers_heard(const struct mcr_iface_cfg *cfg, u8 qrv, u32 qqi,
		      struct mcr_timers *t)
{
	compute(cfg, qrv ?: cfg->robustness, qqi ?: cfg->query_interval, t);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_timers_heard);

/**
 * mcr_timers_gap() - the time between the querier's pending general query
 *	and the one before it
 * @t: the interface's timer values
 * @startup_left: startup queries still to send after the pending one
 *
 * Return: ms: the startup query interval while startup queries are left,
 * else the query interval.
 */
u32 mcr_timers_gap(const struct mcr_timers *t, u8 startup_left)
{
	return startup_left ? t->sqi : t->qi;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_timers_gap);

/**
 * mcr_timers_query_sent() - account for a general query sent
 * @t: the interface's timer values
 * @startup_left: startup queries still to send, the one just sent
 *	included; decremented during startup
 *
 * RFC 3376 8.7 / RFC 3810 9.7: the startup query count is the number of
 * queries sent on startup, a startup query interval apart; the query
 * interval follows the last of them.
 *
 * Return: ms until the next general query.
 */
u32 mcr_timers_query_sent(const struct mcr_timers *t, u8 *startup_left)
{
	if (*startup_left)
		(*startup_left)--;
	return mcr_timers_gap(t, *startup_left);
}
EXPORT_SYMBOL_IF_KUNIT(mcr_timers_query_sent);
