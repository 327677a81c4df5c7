// SPDX-License-Identifier: GPL-2.0
/*
 * The timer values an interface's configuration implies (RFC 3376 section
 * 8, RFC 3810 section 9): the fixed formulas, and the defaults that follow
 * the query interval and the robustness until set explicitly.
 */

#include <linux/minmax.h>

#include "compat.h"
#include "config.h"
#include "timers.h"

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
	u32 rqi = cfg->robustness * cfg->query_interval;

	t->gmi = rqi + cfg->query_response_interval;
	t->oqpi = rqi + cfg->query_response_interval / 2;
	t->ohpi = rqi + cfg->query_response_interval;
	t->sqi = cfg->startup_query_interval ?: cfg->query_interval / 4;
	t->sqc = cfg->startup_query_count ?: cfg->robustness;
	t->lmqc = cfg->last_member_query_count ?: cfg->robustness;
	t->lmqt = t->lmqc * cfg->last_member_query_interval;
	t->max_gap = cfg->query_interval;
	if (t->sqc > 1)
		t->max_gap = max(t->max_gap, t->sqi);
	t->qi = cfg->query_interval;
}
EXPORT_SYMBOL_IF_KUNIT(mcr_timers_get);

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
