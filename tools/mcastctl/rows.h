/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the rows of a "show" dump, collected into a growing array so
 * that they can be sorted (and their text columns measured) before they
 * are printed.
 *
 * An object describes its rows with a struct rows_kind and keeps them in
 * a table of its own: a client-side filter, the number of rows, the
 * capacity and the array (void *, of rows_kind.size bytes each).
 */
#ifndef MCASTCTL_ROWS_H
#define MCASTCTL_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netlink/msg.h>

#include "nl.h"

/* One object's rows; the callbacks get a row of @size bytes. */
struct rows_kind {
	size_t size;		/* of one row */
	const char *what;	/* "Error: malformed <what> from the kernel" */
	/* Fills a zeroed row from a reply; 0, or -1 if it is malformed. */
	int (*parse)(struct nlmsghdr *nlh, void *row);
	/* Whether a row passes the (non-NULL) client-side filter. */
	bool (*matches)(const void *row, const void *filter);
	/* Optional: frees what parse allocated, even if it failed. */
	void (*release)(void *row);
	/* The print order. */
	int (*cmp)(const void *a, const void *b);
	/* Optional (for rows_print()): prints one row; @stats: -s. */
	void (*print)(const void *row, bool stats);
	/* Optional (for rows_save()): writes a row's "config save" lines. */
	void (*save)(FILE *fp, const void *row);
};

int rows_add(const struct rows_kind *kind, const void *filter,
	     struct nlmsghdr *nlh, void **rows, size_t *n, size_t *cap);
void rows_sort(const struct rows_kind *kind, void *rows, size_t n);
int rows_print(const struct rows_kind *kind, void *rows, size_t n,
	       bool stats);
void rows_free(const struct rows_kind *kind, void **rows, size_t *n,
	       size_t *cap);

/* How a "show" command dumps its table and prints it. */
struct rows_show {
	uint8_t cmd;			/* MCAST_ROUTER_CMD_*_GET */
	mr_nl_describe_fn describe;	/* names the filter attributes */
	mr_nl_put_fn put;		/* adds the filter attributes */
	mr_nl_reply_fn add;		/* adds a reply to the table */
	int (*print)(void *table);	/* 0 or a negative errno (printed) */
};

int rows_show(const struct rows_show *show, const void *req, void *table);
int rows_save(const struct rows_kind *kind, uint8_t cmd, FILE *fp);

#endif /* MCASTCTL_ROWS_H */
