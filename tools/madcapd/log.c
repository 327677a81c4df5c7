// SPDX-License-Identifier: GPL-2.0
/*
 * madcapd's log (see log.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "log.h"

static bool log_syslog;
static int log_max = LOG_INFO;

/**
 * log_init() - choose where log lines go
 * @use_syslog: true to log through syslog(3) (daemon mode), false for stderr
 * @max_level: the least urgent level still logged (LOG_INFO, LOG_DEBUG, ...);
 *	a negative value silences the log (unit tests)
 */
void log_init(bool use_syslog, int max_level)
{
	log_syslog = use_syslog;
	log_max = max_level;
	if (use_syslog)
		openlog("madcapd", LOG_PID, LOG_DAEMON);
}

/**
 * log_msg() - log one line
 * @level: a syslog level (LOG_ERR ... LOG_DEBUG)
 * @fmt: printf format, without a trailing newline
 */
void log_msg(int level, const char *fmt, ...)
{
	va_list ap;

	if (level > log_max)
		return;
	va_start(ap, fmt);
	if (log_syslog) {
		vsyslog(level, fmt, ap);
	} else {
		fputs("madcapd: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
	va_end(ap);
}
