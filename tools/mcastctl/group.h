/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the "group" object (IGMP/MLD membership learnt on router-mode
 * interfaces) - parsing, request building, printing.
 */
#ifndef MCASTCTL_GROUP_H
#define MCASTCTL_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netlink/msg.h>

#include <linux/mcast_router.h>

/* What "group show" asked for. The device name points into argv. */
struct group_show_req {
	int family;			/* AF_UNSPEC, AF_INET or AF_INET6 */
	bool has_group;
	uint8_t group[16];		/* network byte order */
	const char *dev;		/* NULL: not given */
	uint32_t ifindex;		/* filled by group_resolve() */
};

int group_parse(int argc, char **argv, struct group_show_req *req);
int group_show_parse(const char *object, void (*usage)(FILE *fp), int argc,
		     char **argv, struct group_show_req *req);

/* What "group add|del" asked for. The device name points into argv. */
struct group_static_req {
	int family;			/* in: the global -4/-6; out: the group's */
	const char *dev;
	uint32_t ifindex;		/* resolved */
	uint8_t group[16];
	bool has_source;
	uint8_t source[16];
};

int group_parse_static(int argc, char **argv, struct group_static_req *req);
int group_put_static(struct nl_msg *msg, const struct group_static_req *req);
int group_resolve(struct group_show_req *req);
int group_put_filter(struct nl_msg *msg, const void *req);
bool group_describe(int type, const char **name, bool *duration);

/* The groups of "group show", collected so they can be sorted. */
struct group_table {
	const struct group_show_req *filter;	/* optional client-side filter */
	size_t n, cap;
	void *rows;			/* struct group_row[cap] */
};

int group_table_add(struct nlmsghdr *nlh, void *table);
int group_table_print(struct group_table *t);
void group_table_free(struct group_table *t);
int group_print_event(struct nlmsghdr *nlh);
int group_rows_print(void *table);

struct rows_show;
int group_show_run(const char *object, void (*usage)(FILE *fp),
		   const struct rows_show *show, int argc, char **argv);

void group_usage(FILE *fp);

#endif /* MCASTCTL_GROUP_H */
