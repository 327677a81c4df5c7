/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the "mfe" object (multicast forwarding entries) - parsing,
 * request building, printing.
 */
#ifndef MCASTCTL_MFE_H
#define MCASTCTL_MFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netlink/msg.h>

#include <linux/mcast_router.h>

enum mfe_verb {
	MFE_ADD,
	MFE_REPLACE,
	MFE_DEL,
	MFE_SHOW,
	MFE_FLUSH,
};

/* What an mfe command line asked for. Device names point into argv. */
struct mfe_req {
	int family;			/* AF_UNSPEC, AF_INET or AF_INET6 */
	bool has_group, has_source;
	uint8_t group[16], source[16];	/* network byte order */
	const char *iif;		/* NULL: not given */
	uint32_t iif_index;
	size_t noifs;
	const char **oifs;		/* malloc'ed */
	uint32_t *oif_index;		/* malloc'ed, filled by mfe_resolve() */
};

/* Room for an interface name or "if4294967295". */
#define MFE_IFNAME_LEN (IF_NAMESIZE + 8)

/*
 * Ifindex -> device name in the current network namespace, "if<N>" when
 * the index has no device; tests replace it (and name_to_index, utils.h).
 */
extern void (*mfe_index_to_name)(uint32_t ifindex, char *buf, size_t size);

int mfe_parse(enum mfe_verb verb, int argc, char **argv, struct mfe_req *req);
int mfe_resolve(struct mfe_req *req);
void mfe_req_free(struct mfe_req *req);
int mfe_put(struct nl_msg *msg, const struct mfe_req *req);
int mfe_put_filter(struct nl_msg *msg, const void *req);
bool mfe_describe(int type, const char **name, bool *duration);

/* The rows of "mfe show", collected so the text columns line up. */
struct mfe_table {
	const struct mfe_req *filter;	/* optional client-side filter */
	size_t n, cap;
	void *rows;			/* struct mfe_row[cap] */
};

int mfe_table_add(struct nlmsghdr *nlh, void *table);
int mfe_table_print(struct mfe_table *t, bool stats);
void mfe_table_free(struct mfe_table *t);

void mfe_usage(FILE *fp);

#endif /* MCASTCTL_MFE_H */
