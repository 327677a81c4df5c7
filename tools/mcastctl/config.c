// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the "config" object, the running configuration as a file of
 * mcastctl commands.
 *
 *   mcastctl config save [FILE]
 *   mcastctl config apply FILE [dev DEV]
 *
 * "save" writes, for the namespace mcastctl runs in, one "interface set"
 * line per configured interface (every value; derived ones as "auto"),
 * then the static memberships ("group add") and the static forwarding
 * entries ("mfe add"): each object contributes its lines through its own
 * *_save() function, listed in savers[] below in the order they must be
 * applied (a new object adds a line there). Learnt state (memberships,
 * membership entries) and counters are not configuration and are not
 * saved.
 *
 * "apply" reads such a file (the -batch syntax, batch.c), skipping the
 * lines that name a device that does not exist yet (they are applied
 * when it appears: "apply FILE dev DEV", run by the udev rule, applies
 * only the lines naming DEV); it goes on past failing lines and says
 * which failed.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch.h"
#include "config.h"
#include "group.h"
#include "iface.h"
#include "mcastctl.h"
#include "mfe.h"
#include "utils.h"

/* Writes an object's configuration lines; 0 or a negative errno. */
typedef int (*config_saver)(FILE *fp);

static const config_saver savers[] = {
	iface_save,
	group_save,
	mfe_save,
};

/**
 * config_usage() - print the usage of the config object
 * @fp: stream
 */
void config_usage(FILE *fp)
{
	fputs("Usage: mcastctl config save [ FILE ]\n"
	      "       mcastctl config apply FILE [ dev DEV ]\n"
	      "       mcastctl config help\n"
	      "save: the running configuration of this network namespace as\n"
	      "mcastctl commands (to standard output without FILE).\n"
	      "apply: run the commands of FILE; lines naming a device that does\n"
	      "not exist are skipped until it does (\"dev DEV\": only the lines\n"
	      "naming DEV).\n", fp);
}

/**
 * config_put_word() - write one word so that batch_split() reads it back
 * @fp: stream
 * @word: the word (a device name may hold #, quotes or backslashes)
 */
void config_put_word(FILE *fp, const char *word)
{
	for (; *word; word++) {
		if (strchr("#'\"\\", *word))
			fputc('\\', fp);
		fputc(*word, fp);
	}
}

/**
 * config_line_devices() - the devices a command line names
 * @argc: words of the line
 * @argv: the words (OBJECT COMMAND ARGS)
 * @devs: receives pointers to the device names (into @argv)
 * @max: room in @devs
 *
 * The devices are the words after "dev", "iif" and "oif", and the word
 * after "interface set|del|show".
 *
 * Return: how many there are (at most @max are stored).
 */
int config_line_devices(int argc, char **argv, const char **devs, int max)
{
	int n = 0;

	for (int i = 0; i + 1 < argc; i++) {
		bool dev = !strcmp(argv[i], "dev") || !strcmp(argv[i], "iif") ||
			   !strcmp(argv[i], "oif") ||
			   (i == 1 && !strcmp(argv[0], "interface") &&
			    (!strcmp(argv[1], "set") || !strcmp(argv[1], "del") ||
			     !strcmp(argv[1], "show")));

		if (!dev)
			continue;
		if (n < max)
			devs[n] = argv[i + 1];
		n++;
		i++;
	}
	return n;
}

#define CONFIG_MAX_DEVS 64

static int do_apply(int argc, char **argv)
{
	struct batch_reader b = { .path = NULL };
	const char *only = NULL, *devs[CONFIG_MAX_DEVS];
	char *words[BATCH_MAX_ARGS + 1];
	unsigned int failed = 0, waiting = 0;
	int n, ndev;

	if (argc > 0 && is_help(argv[0])) {
		config_usage(stdout);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "dev")) {
		only = argv[2];
	} else if (argc != 1) {
		fprintf(stderr, "Error: expected \"config apply FILE [ dev DEV ]\"; try \"mcastctl config help\"\n");
		return -EINVAL;
	}
	b.path = argv[0];
	b.fp = batch_open(b.path);
	if (!b.fp)
		return -ENOENT;
	while ((n = batch_next(&b, words))) {
		bool present = true, named = !only;

		if (n < 0) {
			failed++;
			continue;
		}
		ndev = config_line_devices(n, words, devs, CONFIG_MAX_DEVS);
		if (ndev > CONFIG_MAX_DEVS)
			ndev = CONFIG_MAX_DEVS;
		for (int i = 0; i < ndev; i++) {
			uint32_t ifindex;

			if (only && !strcmp(devs[i], only))
				named = true;
			if (name_to_index(devs[i], &ifindex)) {
				if (!only)
					printf("%s:%u: %s does not exist yet; the line waits for it\n",
					       b.path, b.lineno, devs[i]);
				present = false;
				break;
			}
		}
		if (!named)
			continue;
		if (!present) {
			waiting++;
			continue;
		}
		if (mcastctl_dispatch(n, words)) {
			fprintf(stderr, "Command failed %s:%u\n", b.path, b.lineno);
			failed++;
		}
	}
	if (b.error)
		failed++;
	batch_close(&b);
	if (failed) {
		fprintf(stderr, "Error: %u line%s of %s failed\n", failed,
			failed == 1 ? "" : "s", argv[0]);
		return -EINVAL;
	}
	return 0;
}

static int do_save(int argc, char **argv)
{
	FILE *fp = stdout;
	char stamp[64] = "";
	time_t now = time(NULL);
	struct tm tm;
	int ret = 0;

	if (argc > 0 && is_help(argv[0])) {
		config_usage(stdout);
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "Error: too many arguments; try \"mcastctl config help\"\n");
		return -EINVAL;
	}
	if (argc == 1) {
		fp = fopen(argv[0], "w");
		if (!fp) {
			fprintf(stderr, "Error: cannot write \"%s\": %s\n", argv[0],
				strerror(errno));
			return -errno;
		}
	}
	if (localtime_r(&now, &tm))
		strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S %z", &tm);
	fprintf(fp, "# mcast_router configuration, saved by mcastctl %s on %s.\n"
		"# Apply with: mcastctl config apply FILE (or mcastctl -batch FILE).\n",
		MCASTCTL_VERSION, stamp);
	for (size_t i = 0; !ret && i < sizeof(savers) / sizeof(savers[0]); i++)
		ret = savers[i](fp);
	if (fflush(fp) || ferror(fp)) {
		fprintf(stderr, "Error: cannot write the configuration\n");
		ret = -EIO;
	}
	if (fp != stdout && fclose(fp) && !ret) {
		fprintf(stderr, "Error: cannot write \"%s\": %s\n", argv[0],
			strerror(errno));
		ret = -EIO;
	}
	return ret;
}

static const struct cmd config_cmds[] = {
	{ "save", do_save },
	{ "apply", do_apply },
	{ NULL, NULL },
};

static int config_show(int argc, char **argv)
{
	return do_save(argc, argv);
}

/**
 * config_main() - "mcastctl config ..."
 * @argc: argument count, argv[0] being "config"
 * @argv: arguments
 *
 * Without a command, prints the running configuration (as "save").
 *
 * Return: 0 or a negative errno (already printed).
 */
int config_main(int argc, char **argv)
{
	return object_run("config", config_cmds, config_usage, config_show,
			  argc, argv);
}
