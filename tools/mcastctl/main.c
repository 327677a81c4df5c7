// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: configure and watch the mcast_router kernel module.
 *
 *   mcastctl [OPTIONS] OBJECT COMMAND [ARGS]
 *
 * main() only parses the global options and hands over to the object.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "mcastctl.h"

static const struct option long_opts[] = {
	{ "json", no_argument, NULL, 'j' },
	{ "pretty", no_argument, NULL, 'p' },
	{ "stats", no_argument, NULL, 's' },
	{ "netns", required_argument, NULL, 'n' },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/*
 * -n NETNS: run in the named network namespace, as `ip -n` does (a name
 * from /run/netns, or a path). Only the network namespace changes: every
 * request then goes to that namespace's mcast_router instance, and device
 * names are resolved there.
 */
static int enter_netns(const char *name)
{
	char path[PATH_MAX];
	int fd;

	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "Error: cannot open network namespace \"%s\": %s\n",
			name, strerror(errno));
		return -1;
	}
	if (setns(fd, CLONE_NEWNET)) {
		fprintf(stderr, "Error: cannot enter network namespace \"%s\": %s\n",
			name, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int opt;

	opterr = 0;
	/* "+": stop at the first non-option, the OBJECT. */
	while ((opt = getopt_long(argc, argv, "+jpsn:Vh46", long_opts, NULL)) != -1) {
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
		case 'n':
			if (enter_netns(optarg))
				return 1;
			break;
		case '4':
			mcastctl_opts.family = AF_INET;
			break;
		case '6':
			mcastctl_opts.family = AF_INET6;
			break;
		case 'V':
			printf("mcastctl %s\n", MCASTCTL_VERSION);
			return 0;
		case 'h':
			mcastctl_usage(stdout);
			return 0;
		default:
			if (optopt == 'n')
				fprintf(stderr, "Error: option \"-n\" needs a network namespace name\n");
			else if (optopt)
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
