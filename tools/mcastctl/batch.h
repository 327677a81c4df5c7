/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: files of commands (-batch, config apply).
 */
#ifndef MCASTCTL_BATCH_H
#define MCASTCTL_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Words one line may have: 32 boundaries and every keyword fit. */
#define BATCH_MAX_ARGS 256

/* Reads a batch file line by line. */
struct batch_reader {
	const char *path;	/* for messages */
	FILE *fp;
	char *line;		/* getline()'s buffer */
	size_t size;
	unsigned int lineno;	/* of the line last returned */
	bool error;		/* a read error ended the file */
};

int batch_split(char *line, char *argv[BATCH_MAX_ARGS + 1], const char **why);
FILE *batch_open(const char *path);
int batch_next(struct batch_reader *b, char *argv[BATCH_MAX_ARGS + 1]);
void batch_close(struct batch_reader *b);
int batch_run(const char *path, bool force);

#endif /* MCASTCTL_BATCH_H */
