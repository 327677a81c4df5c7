/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the "interface" object - parsing, request building, printing.
 */
#ifndef MCASTCTL_IFACE_H
#define MCASTCTL_IFACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netlink/msg.h>

#include <linux/mcast_router.h>

#include "utils.h"

/* What "interface set" was asked to change. */
struct iface_set_req {
	const char *dev;
	bool has[MCAST_ROUTER_A_IFACE_MAX + 1];
	uint32_t val[MCAST_ROUTER_A_IFACE_MAX + 1];
	uint32_t derive;		/* DERIVED flags: values set to "auto" */
	bool boundaries_given;		/* send the BOUNDARIES nest */
	bool boundary_none;		/* "boundary none" seen */
	size_t nboundaries;
	struct prefix *boundaries;	/* malloc'ed */
};

int iface_parse_set(int argc, char **argv, struct iface_set_req *req);
void iface_set_req_free(struct iface_set_req *req);
int iface_put_set(struct nl_msg *msg, const struct iface_set_req *req,
		  uint32_t ifindex);

int iface_print(struct nlmsghdr *nlh, const char *event);
int iface_print_del(struct nlmsghdr *nlh);
bool iface_describe(int type, const char **name, bool *duration);

void iface_usage(FILE *fp);
void iface_set_usage(FILE *fp);

#endif /* MCASTCTL_IFACE_H */
