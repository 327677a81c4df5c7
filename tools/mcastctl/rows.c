// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the rows of a "show" dump, collected, sorted and printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mcastctl.h"
#include "print.h"
#include "rows.h"

/**
 * rows_add() - add one dump reply to a table of rows (for an
 *	mr_nl_reply_fn)
 * @kind: the rows
 * @filter: the client-side filter (the kernel filters too), or NULL
 * @nlh: the reply
 * @rows: the array; grown as needed
 * @n: number of rows
 * @cap: number of rows @rows has room for
 *
 * Rows that do not pass @filter are left out.
 *
 * Return: 0, -EPROTO for a malformed message or -ENOMEM (printed).
 */
int rows_add(const struct rows_kind *kind, const void *filter,
	     struct nlmsghdr *nlh, void **rows, size_t *n, size_t *cap)
{
	void *row;

	if (*n == *cap) {
		size_t new_cap = *cap ? *cap * 2 : 16;
		void *new_rows = realloc(*rows, new_cap * kind->size);

		if (!new_rows) {
			fprintf(stderr, "Error: out of memory\n");
			return -ENOMEM;
		}
		*rows = new_rows;
		*cap = new_cap;
	}
	/* Parsed in place; the row counts only once it is kept. */
	row = (char *)*rows + *n * kind->size;
	memset(row, 0, kind->size);
	if (kind->parse(nlh, row)) {
		if (kind->release)
			kind->release(row);
		fprintf(stderr, "Error: malformed %s from the kernel\n",
			kind->what);
		return -EPROTO;
	}
	if (filter && !kind->matches(row, filter)) {
		if (kind->release)
			kind->release(row);
		return 0;
	}
	(*n)++;
	return 0;
}

/**
 * rows_sort() - sort the rows into their print order
 * @kind: the rows
 * @rows: the array
 * @n: number of rows
 */
void rows_sort(const struct rows_kind *kind, void *rows, size_t n)
{
	if (n)
		qsort(rows, n, kind->size, kind->cmp);
}

/**
 * rows_print() - print the rows, sorted, one print call each
 * @kind: the rows; kind->print is set
 * @rows: the array
 * @n: number of rows
 * @stats: passed to kind->print (-s)
 *
 * Text: what kind->print prints, nothing at all for no rows. JSON: an
 * array of what it prints.
 *
 * Return: 0.
 */
int rows_print(const struct rows_kind *kind, void *rows, size_t n,
	       bool stats)
{
	rows_sort(kind, rows, n);
	open_json_array(NULL);
	for (size_t i = 0; i < n; i++)
		kind->print((const char *)rows + i * kind->size, stats);
	close_json_array();
	return 0;
}

/**
 * rows_free() - release the rows and empty the table
 * @kind: the rows
 * @rows: the array; set to NULL
 * @n: number of rows; set to 0
 * @cap: room of the array; set to 0
 */
void rows_free(const struct rows_kind *kind, void **rows, size_t *n,
	       size_t *cap)
{
	for (size_t i = 0; kind->release && i < *n; i++)
		kind->release((char *)*rows + i * kind->size);
	free(*rows);
	*rows = NULL;
	*n = 0;
	*cap = 0;
}

/**
 * rows_show() - run a "show" command's dump into its table and print it
 * @show: the command
 * @req: its parsed and resolved request, for show->put
 * @table: its table, for show->add and show->print; the caller frees it
 *
 * Return: 0 or a negative errno (printed).
 */
int rows_show(const struct rows_show *show, const void *req, void *table)
{
	struct mr_nl nl;
	int ret;

	ret = mr_nl_open(&nl);
	if (ret)
		return ret;
	nl.describe = show->describe;
	ret = mr_nl_dump_filter(&nl, show->cmd, show->put, req, show->add,
				table);
	mr_nl_close(&nl);
	if (ret)
		return ret;
	print_init(stdout, mcastctl_opts.json, mcastctl_opts.pretty);
	ret = show->print(table);
	if (print_end() && !ret) {
		fprintf(stderr, "Error: cannot write output\n");
		ret = -EIO;
	}
	return ret;
}

/* A table of rows of one kind, for rows_save(). */
struct rows_collect {
	const struct rows_kind *kind;
	void *rows;
	size_t n, cap;
};

static int collect_one(struct nlmsghdr *nlh, void *arg)
{
	struct rows_collect *c = arg;

	return rows_add(c->kind, NULL, nlh, &c->rows, &c->n, &c->cap);
}

/**
 * rows_save() - an object's lines of "config save"
 * @kind: the rows; kind->save is set
 * @cmd: the dump that lists them (MCAST_ROUTER_CMD_*_GET)
 * @fp: where the lines go
 *
 * Dumps every row, sorts them and lets kind->save write each (it writes
 * nothing for rows that are not configuration).
 *
 * Return: 0 or a negative errno (printed).
 */
int rows_save(const struct rows_kind *kind, uint8_t cmd, FILE *fp)
{
	struct rows_collect c = { .kind = kind };
	struct mr_nl nl;
	int ret;

	ret = mr_nl_open(&nl);
	if (ret)
		return ret;
	ret = mr_nl_dump(&nl, cmd, collect_one, &c);
	mr_nl_close(&nl);
	if (!ret) {
		rows_sort(kind, c.rows, c.n);
		for (size_t i = 0; i < c.n; i++)
			kind->save(fp, (const char *)c.rows + i * kind->size);
	}
	rows_free(kind, &c.rows, &c.n, &c.cap);
	return ret;
}
