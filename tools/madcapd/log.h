/* SPDX-License-Identifier: GPL-2.0 */
/*
 * madcapd's log: stderr in the foreground (and in tests), syslog when
 * daemonized. One line per call, no trailing newline in the format.
 */
#ifndef MADCAPD_LOG_H
#define MADCAPD_LOG_H

#include <stdbool.h>
#include <syslog.h>

void log_init(bool use_syslog, int max_level);
void log_msg(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define pr_err(...)	log_msg(LOG_ERR, __VA_ARGS__)
#define pr_warn(...)	log_msg(LOG_WARNING, __VA_ARGS__)
#define pr_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define pr_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)

#endif /* MADCAPD_LOG_H */
