/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: argument parsing shared by the objects' commands (-4/-6, an
 * address and its family, the filters of "show").
 *
 * Unlike the parsers of utils.h these print their own "Error: ..." line
 * on stderr and return -1.
 */
#ifndef MCASTCTL_ARGS_H
#define MCASTCTL_ARGS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

int args_help(int argc, char **argv, void (*usage)(FILE *fp));
int args_set_family(int *family, int new_family);
int args_parse_addr(const char *kw, const char *s, int *family,
		    uint8_t *addr);
int args_check_family(const char *kw, const char *s, int addr_family,
		      int family);

/* What a "show" command line filters by. Strings point into argv. */
struct show_args {
	int family;		/* in: the global -4/-6, or AF_UNSPEC */
	const char *dev;	/* "dev DEV"; NULL: not given */
	const char *group;	/* "group G" as typed; NULL: not given */
};

int show_args_parse(const char *object, bool with_group, int argc,
		    char **argv, struct show_args *args);

#endif /* MCASTCTL_ARGS_H */
