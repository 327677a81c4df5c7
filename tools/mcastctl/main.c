// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: configure and watch the mcast_router kernel module.
 *
 *   mcastctl [OPTIONS] OBJECT COMMAND [ARGS]
 *
 * main() only parses the global options and hands over to the object.
 */
#include <getopt.h>
#include <stdio.h>

#include "mcastctl.h"

static const struct option long_opts[] = {
	{ "json", no_argument, NULL, 'j' },
	{ "pretty", no_argument, NULL, 'p' },
	{ "stats", no_argument, NULL, 's' },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
	int opt;

	opterr = 0;
	/* "+": stop at the first non-option, the OBJECT. */
	while ((opt = getopt_long(argc, argv, "+jpsVh", long_opts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			mcastctl_opts.json = true;
			break;
		case 'p':
			mcastctl_opts.pretty = true;
			break;
		case 's':
			mcastctl_opts.stats = true;
			break;
		case 'V':
			printf("mcastctl %s\n", MCASTCTL_VERSION);
			return 0;
		case 'h':
			mcastctl_usage(stdout);
			return 0;
		default:
			if (optopt)
				fprintf(stderr, "Error: unknown option \"-%c\"; try \"mcastctl help\"\n",
					optopt);
			else
				fprintf(stderr, "Error: unknown option \"%s\"; try \"mcastctl help\"\n",
					argv[optind - 1]);
			return 1;
		}
	}
	if (optind >= argc) {
		mcastctl_usage(stderr);
		return 1;
	}
	return mcastctl_dispatch(argc - optind, argv + optind) ? 1 : 0;
}
