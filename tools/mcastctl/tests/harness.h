/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shared harness of mcastctl's unit tests (tests/test_*.c): the
 * EXPECT checks, capturing stdout/stderr, netlink message builders and the
 * fake interface names. harness.c holds these and the runner, which runs
 * each suite's tests (or those whose names match the globs given on the
 * command line) and ends with the line "N passed, M failed".
 */
#ifndef MCASTCTL_TESTS_HARNESS_H
#define MCASTCTL_TESTS_HARNESS_H

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <json-c/json.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/mcast_router.h>

#include "batch.h"
#include "config.h"
#include "group.h"
#include "iface.h"
#include "madcap_cli.h"
#include "mcastctl.h"
#include "mfe.h"
#include "nl.h"
#include "print.h"
#include "proxy.h"
#include "querier.h"
#include "utils.h"

/* The family id the fake kernel and the message builders use. */
#define FAKE_FAMILY 0x1d

/* Failed checks of the running test; the runner resets it per test. */
extern int cur_failures;

#define EXPECT(cond) do {						\
	if (!(cond)) {							\
		printf("    %s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
		cur_failures++;						\
	}								\
} while (0)

#define EXPECT_STR(exp, act) expect_str(__FILE__, __LINE__, exp, act)

void expect_str(const char *file, int line, const char *exp, const char *act);

/* One test; a suite is an array of them ending with { NULL, NULL }. */
struct mr_test {
	const char *name;
	void (*fn)(void);
};

extern const struct mr_test utils_tests[], iface_tests[], nl_tests[],
	mfe_tests[], group_tests[], querier_tests[], batch_tests[],
	madcap_tests[];

/* ---- capturing a file descriptor (stdout/stderr) ------------------- */

struct capture {
	int fd, saved;
	FILE *tmp;
};

void capture_begin(struct capture *c, int fd);
/* Returns the captured text (malloc'ed). */
char *capture_end(struct capture *c);

/* ---- printing into a string ------------------------------------------ */

struct out {
	char *buf;
	size_t len;
	FILE *fp;
};

/* print_init() into @o; out_end() returns the text (malloc'ed). */
void out_begin(struct out *o, bool json, bool pretty);
char *out_end(struct out *o);

/* ---- command lines and messages --------------------------------------- */

/* Split @line (modified) at spaces into @argv[64], NULL-terminated. */
int split_line(char *line, char **argv);

/* A request or reply of the mcast_router family with command @cmd. */
struct nl_msg *genl_msg(uint8_t cmd);

/* A MCAST_ROUTER_A_BOUNDARIES_ENTRY nest: @addr/@len of @family. */
void put_prefix(struct nl_msg *msg, int family, const char *addr,
		uint8_t len);

/* An IFACE_GET reply as the kernel would build it, with defaults. */
struct nl_msg *iface_reply(uint8_t cmd, uint32_t ifindex, const char *name,
			   bool boundaries);

/* An NLMSG_ERROR answering @req (or none), with extack message @extack. */
struct nl_msg *error_msg(int error, uint32_t seq, const char *extack,
			 bool capped, const struct nlmsghdr *req);

/* An error pointing at attribute @bad of @req, with a policy range. */
struct nl_msg *error_at(struct nl_msg *req, int bad, const char *text,
			uint64_t min, uint64_t max, bool u64);

/*
 * on: a namespace with eth0..eth99 at ifindex 10..109 (name_to_index and
 * mfe_index_to_name); off: the real lookups again.
 */
void fake_ifnames(bool on);

#endif
