/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the "querier" object (IGMP/MLD querier state of router-mode
 * interfaces) - parsing, request building, printing.
 */
#ifndef MCASTCTL_QUERIER_H
#define MCASTCTL_QUERIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netlink/msg.h>

#include <linux/mcast_router.h>

/* What "querier show" asked for. The device name points into argv. */
struct querier_req {
	int family;			/* AF_UNSPEC, AF_INET or AF_INET6 */
	const char *dev;		/* NULL: not given */
	uint32_t ifindex;		/* filled by querier_resolve() */
};

int querier_parse(int argc, char **argv, struct querier_req *req);
int querier_resolve(struct querier_req *req);
int querier_put_filter(struct nl_msg *msg, const void *req);
bool querier_describe(int type, const char **name, bool *duration);

/* The rows of "querier show", collected so they can be sorted. */
struct querier_table {
	const struct querier_req *filter;	/* optional client-side filter */
	size_t n, cap;
	void *rows;			/* struct querier_row[cap] */
};

int querier_table_add(struct nlmsghdr *nlh, void *table);
int querier_table_print(struct querier_table *t, bool stats);
void querier_table_free(struct querier_table *t);
int querier_print_event(struct nlmsghdr *nlh);

void querier_usage(FILE *fp);

#endif /* MCASTCTL_QUERIER_H */
