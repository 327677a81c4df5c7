/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: generic netlink plumbing (libnl-3) for the mcast_router family.
 *
 * Every function that talks to the kernel prints its own "Error: ..." line
 * on failure and returns a negative errno, so callers only propagate it.
 */
#ifndef MCASTCTL_NL_H
#define MCASTCTL_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netlink/netlink.h>

/* How often a dump that raced with a change (NLM_F_DUMP_INTR) is retried. */
#define MR_NL_DUMP_RETRIES 5

/*
 * Names a request attribute by the keyword the user typed, for error
 * messages; *duration tells that its value is in milliseconds. Returns
 * false for attributes it does not know.
 */
typedef bool (*mr_nl_describe_fn)(int type, const char **name, bool *duration);

struct mr_nl {
	struct nl_sock *sk;
	int family;
	mr_nl_describe_fn describe;	/* optional; set after mr_nl_open() */
};

/* Called once per reply message, after the whole request succeeded. */
typedef int (*mr_nl_reply_fn)(struct nlmsghdr *nlh, void *arg);

int mr_nl_open(struct mr_nl *nl);
void mr_nl_close(struct mr_nl *nl);
struct nl_msg *mr_nl_msg(const struct mr_nl *nl, uint8_t cmd, int flags);
int mr_nl_request(struct mr_nl *nl, struct nl_msg *msg, mr_nl_reply_fn fn,
		  void *arg);
int mr_nl_dump(struct mr_nl *nl, uint8_t cmd, mr_nl_reply_fn fn, void *arg);

/* Adds a dump request's filter attributes; 0 or a negative libnl error. */
typedef int (*mr_nl_put_fn)(struct nl_msg *msg, const void *arg);

int mr_nl_dump_filter(struct mr_nl *nl, uint8_t cmd, mr_nl_put_fn put,
		      const void *put_arg, mr_nl_reply_fn fn, void *arg);

/* The highest attribute type mr_nl_parse_u64s() takes. */
#define MR_NL_U64S_MAX 31

struct nla_policy;

int mr_nl_parse_u64s(struct nlattr *nest, int max, struct nla_policy *policy,
		     int pad, bool *has, uint64_t *val);

const char *mr_nl_extack_msg(const struct nlmsghdr *nlh);
int mr_nl_done_error(const struct nlmsghdr *nlh);
void mr_nl_print_error(FILE *fp, int err, const char *extack);
bool mr_nl_explain(const struct nlmsghdr *nlh, const struct nlmsghdr *req,
		   mr_nl_describe_fn describe, char *buf, size_t len);

#endif /* MCASTCTL_NL_H */
