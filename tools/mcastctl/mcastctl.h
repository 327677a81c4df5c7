/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: shared definitions (global options, object/verb tables).
 */
#ifndef MCASTCTL_H
#define MCASTCTL_H

#include <stdbool.h>
#include <stdio.h>

#ifndef MCASTCTL_VERSION
#define MCASTCTL_VERSION "0.1.0"
#endif

/* Global options, set once by main() before an object runs. */
struct mcastctl_opts {
	bool json;
	bool pretty;
	bool stats;
	int family;		/* -4/-6: AF_INET, AF_INET6; else AF_UNSPEC */
};

extern struct mcastctl_opts mcastctl_opts;

/*
 * One keyword of a dispatch table (objects, or verbs of an object).
 * Tables end with an entry whose name is NULL. Matching is exact.
 */
struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
};

const struct cmd *cmd_find(const struct cmd *table, const char *name);
int object_run(const char *name, const struct cmd *verbs,
	       void (*usage)(FILE *fp), int (*dflt)(int argc, char **argv),
	       int argc, char **argv);

/* The object table used by main(); lives in cmd.c so tests can see it. */
extern const struct cmd mcastctl_objects[];

int mcastctl_dispatch(int argc, char **argv);
void mcastctl_usage(FILE *fp);

int iface_main(int argc, char **argv);
int mfe_main(int argc, char **argv);
int group_main(int argc, char **argv);
int querier_main(int argc, char **argv);
int proxy_main(int argc, char **argv);
int monitor_main(int argc, char **argv);

#endif /* MCASTCTL_H */
