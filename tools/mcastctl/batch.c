// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: commands read from a file, one per line, as `ip -batch` does.
 *
 *   mcastctl [-force] -b FILE      (or -batch FILE; "-" is standard input)
 *
 * A line is OBJECT COMMAND [ARGS] without the leading "mcastctl"; words are
 * separated by blanks, may be quoted with '...' or "..." (a backslash
 * escapes the next character outside single quotes), and a word starting
 * with # starts a comment that runs to the end of the line. Empty lines
 * and comment lines are skipped. The global options given on the command
 * line apply to every line.
 *
 * The first failing line stops the run with "Command failed FILE:LINE";
 * with -force every line runs and the exit status says whether any failed.
 * `mcastctl config apply` (config.c) reads the same files.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "mcastctl.h"

/* Blanks between words (a NUL byte, read from the file, ends the line). */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	       c == '\v' || c == '\f';
}

/**
 * batch_split() - split a line into words, in place
 * @line: the line; changed (words are NUL-terminated inside it)
 * @argv: receives up to BATCH_MAX_ARGS words, then a NULL
 * @why: set to the reason of a failure
 *
 * Return: the number of words (0 for an empty or comment line), or -1 for
 * an unterminated quote, a trailing backslash or too many words.
 */
int batch_split(char *line, char *argv[BATCH_MAX_ARGS + 1], const char **why)
{
	char *in = line, *out = line;
	int argc = 0;

	for (;;) {
		char quote = 0;

		while (is_blank(*in))
			in++;
		if (!*in || *in == '#')
			break;
		if (argc == BATCH_MAX_ARGS) {
			*why = "too many words";
			return -1;
		}
		argv[argc++] = out;
		for (; *in && (quote || !is_blank(*in)); in++) {
			if (quote && *in == quote) {
				quote = 0;
			} else if (!quote && (*in == '\'' || *in == '"')) {
				quote = *in;
			} else if (*in == '\\' && quote != '\'') {
				if (!in[1]) {
					*why = "backslash at the end of the line";
					return -1;
				}
				*out++ = *++in;
			} else {
				*out++ = *in;
			}
		}
		if (quote) {
			*why = "unterminated quote";
			return -1;
		}
		/* *in is a blank or the end: skip past it, end the word. */
		if (*in)
			in++;
		*out++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

/**
 * batch_open() - open a batch file, "-" being standard input
 * @path: the file
 *
 * Return: the stream, or NULL (the error printed).
 */
FILE *batch_open(const char *path)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;

	if (!fp)
		fprintf(stderr, "Error: cannot open \"%s\": %s\n", path,
			strerror(errno));
	return fp;
}

/**
 * batch_next() - read and split the next non-empty line
 * @b: the reader; b->line, b->lineno advance
 * @argv: the words, as batch_split()
 *
 * Return: the number of words (at least 1); 0 at the end of the file, or
 * after a read error (printed; b->error set); -1 for a line that cannot be
 * split (printed with the file name and line number).
 */
int batch_next(struct batch_reader *b, char *argv[BATCH_MAX_ARGS + 1])
{
	for (;;) {
		const char *why = NULL;
		ssize_t len;
		int argc;

		errno = 0;
		len = getline(&b->line, &b->size, b->fp);
		if (len < 0) {
			if (errno) {
				fprintf(stderr, "Error: %s: %s\n", b->path,
					strerror(errno));
				b->error = true;
			}
			return 0;
		}
		b->lineno++;
		if ((size_t)len != strlen(b->line)) {
			fprintf(stderr, "Error: %s:%u: a NUL byte in the line\n",
				b->path, b->lineno);
			return -1;
		}
		argc = batch_split(b->line, argv, &why);
		if (argc < 0) {
			fprintf(stderr, "Error: %s:%u: %s\n", b->path,
				b->lineno, why);
			return -1;
		}
		if (argc)
			return argc;
	}
}

/**
 * batch_close() - release a reader (standard input stays open)
 * @b: the reader
 */
void batch_close(struct batch_reader *b)
{
	if (b->fp && b->fp != stdin)
		fclose(b->fp);
	free(b->line);
	b->line = NULL;
	b->fp = NULL;
}

/**
 * batch_run() - run every command of a file
 * @path: the file, "-" for standard input
 * @force: go on past failing lines
 *
 * Return: 0 if every line succeeded, else -1 (each failure printed, then
 * "Command failed FILE:LINE").
 */
int batch_run(const char *path, bool force)
{
	struct batch_reader b = { .path = path };
	char *argv[BATCH_MAX_ARGS + 1];
	int argc, ret = 0;

	b.fp = batch_open(path);
	if (!b.fp)
		return -1;
	while ((argc = batch_next(&b, argv))) {
		if (argc > 0 && !mcastctl_dispatch(argc, argv))
			continue;
		fprintf(stderr, "Command failed %s:%u\n", path, b.lineno);
		ret = -1;
		if (!force)
			break;
	}
	if (b.error)
		ret = -1;
	batch_close(&b);
	return ret;
}
