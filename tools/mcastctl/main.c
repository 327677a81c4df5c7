// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: configure and watch the mcast_router kernel module.
 *
 *   mcastctl [OPTIONS] OBJECT COMMAND [ARGS]
 *
 * main() only parses the global options and hands over to the object, or
 * to the lines of a -batch file.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "batch.h"
#include "mcastctl.h"

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

/*
 * One global option: each is one word, given in full ("-json") or by its
 * letter ("-j"), with one or two dashes; nothing else matches.
 */
struct gopt {
	const char *name;
	char letter;		/* what main() switches on */
	bool arg;		/* takes the next word */
};

static const struct gopt gopts[] = {
	{ "json", 'j', false },
	{ "pretty", 'p', false },
	{ "stats", 's', false },
	{ "netns", 'n', true },
	{ "batch", 'b', true },
	{ "force", 'f', false },
	{ "version", 'V', false },
	{ "Version", 'V', false },
	{ "help", 'h', false },
	{ "4", '4', false },
	{ "6", '6', false },
	{ NULL, 0, false },
};

static const struct gopt *find_gopt(const char *word)
{
	const char *w = word + 1 + (word[1] == '-');

	for (const struct gopt *o = gopts; o->name; o++)
		if (!strcmp(w, o->name) || (w[0] == o->letter && !w[1]))
			return o;
	return NULL;
}

int main(int argc, char **argv)
{
	const char *batch = NULL;
	bool force = false;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const struct gopt *o = find_gopt(argv[i]);
		const char *val = NULL;

		if (!o) {
			fprintf(stderr, "Error: unknown option \"%s\"; try \"mcastctl help\"\n",
				argv[i]);
			return 1;
		}
		if (o->arg) {
			if (i + 1 >= argc) {
				fprintf(stderr, "Error: option \"%s\" needs %s\n",
					argv[i], o->letter == 'n' ?
					"a network namespace name" : "a file name");
				return 1;
			}
			val = argv[++i];
		}
		switch (o->letter) {
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
			if (enter_netns(val))
				return 1;
			break;
		case 'b':
			batch = val;
			break;
		case 'f':
			force = true;
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
		}
	}
	if (batch) {
		if (i < argc) {
			fprintf(stderr, "Error: -batch takes no command after the options\n");
			return 1;
		}
		return batch_run(batch, force) ? 1 : 0;
	}
	if (force) {
		fprintf(stderr, "Error: -force goes with -batch FILE\n");
		return 1;
	}
	if (i >= argc) {
		mcastctl_usage(stderr);
		return 1;
	}
	return mcastctl_dispatch(argc - i, argv + i) ? 1 : 0;
}
