/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the "madcap" object, shared between its three files:
 *
 *   madcap_cli.c     the object's dispatch, usage and argument parsers
 *   madcap_admin.c   madcapd's administration over its control socket
 *   madcap_client.c  a MADCAP (RFC 2730) client over UDP
 *
 * The parsers follow utils.h: 0 on success, -1 on error with *why set to a
 * static string explaining the problem.
 */
#ifndef MCASTCTL_MADCAP_CLI_H
#define MCASTCTL_MADCAP_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "madcap/madcap.h"
#include "madcapd/control.h"

/* Where the client keeps its leases unless $MCASTCTL_MADCAP_DIR says. */
#define MADCAP_CLIENT_DIR	"/var/lib/mcast_router/madcap-client"
/* Longest text form of a duration: "49710d6h28m15s". */
#define MADCAP_DUR_STRLEN	24
/* Longest text form of a time: "-292277026596-12-04T15:30:07Z" or so. */
#define MADCAP_TIME_STRLEN	40
/* Longest text form of a range: two IPv6 addresses and a '-'. */
#define MADCAP_RANGE_STRLEN	(2 * INET6_ADDRSTRLEN + 1)
/* Bytes of the lease identifiers the client chooses. */
#define MADCAP_CLIENT_ID_LEN	16

/* The control socket "madcap control PATH" chose, for the admin verbs. */
extern const char *madcap_ctl_path;

int madcap_parse_dur(const char *s, uint32_t *secs, const char **why);
void madcap_format_dur(uint32_t secs, char *buf, size_t size);
int madcap_parse_time(const char *s, bool never_ok, int64_t *t,
		      const char **why);
void madcap_format_time(int64_t t, char *buf, size_t size);
int madcap_parse_range(const char *s, struct madcap_range *r,
		       const char **why);
int madcap_format_range(const struct madcap_range *r, char *buf,
			size_t size);
int madcap_parse_count(const char *s, uint16_t *min, uint16_t *max,
		       const char **why);
int madcap_parse_lease_id(const char *s, uint8_t *id, unsigned int *len,
			  const char **why);
void madcap_format_lease_id(const uint8_t *id, unsigned int len, char *buf,
			    size_t size);
int madcap_parse_timeout(const char *s, uint32_t *ms, const char **why);
int madcap_parse_skew(const char *s, int64_t *secs, const char **why);
int madcap_text_addr(const char *s, struct madcap_addr *a);
const char *madcap_addr_text(const struct madcap_addr *a, char *buf,
			     size_t size);
void madcap_addr_add(struct madcap_addr *a, uint32_t n);

int madcap_main(int argc, char **argv);

/* madcap_admin.c */
int madcap_scope_main(int argc, char **argv);
int madcap_exclude_main(int argc, char **argv);
int madcap_lease_main(int argc, char **argv);
int madcap_stats_main(int argc, char **argv);
int madcap_params_main(int argc, char **argv);
void madcap_admin_usage(FILE *fp);

struct json_object;
int madcap_admin_build(int argc, char **argv, struct json_object **req);
int madcap_admin_print(const char *cmd, struct json_object *reply);

/* madcap_client.c */
int madcap_getinfo_main(int argc, char **argv);
int madcap_request_main(int argc, char **argv);
int madcap_renew_main(int argc, char **argv);
int madcap_release_main(int argc, char **argv);
void madcap_client_usage(FILE *fp);

/* The retransmission schedule of RFC 2730, scaled to a timeout. */
unsigned int madcap_client_schedule(uint32_t timeout_ms, uint32_t *at_ms,
				    unsigned int max);

#endif /* MCASTCTL_MADCAP_CLI_H */
