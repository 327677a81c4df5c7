// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the object table and keyword dispatch.
 *
 * Each object is one <object>_main() in its own file plus a line below.
 */
#include <errno.h>
#include <string.h>

#include "config.h"
#include "madcap_cli.h"
#include "mcastctl.h"
#include "utils.h"

struct mcastctl_opts mcastctl_opts;

static int help_main(int argc, char **argv);

const struct cmd mcastctl_objects[] = {
	{ "interface", iface_main },
	{ "mfe", mfe_main },
	{ "group", group_main },
	{ "querier", querier_main },
	{ "proxy", proxy_main },
	{ "monitor", monitor_main },
	{ "config", config_main },
	{ "madcap", madcap_main },
	{ "help", help_main },
	{ NULL, NULL },
};

/**
 * cmd_find() - look a keyword up in a table, exact match only
 * @table: NULL-terminated table
 * @name: the keyword as typed (prefixes are not accepted)
 *
 * Return: the entry, or NULL.
 */
const struct cmd *cmd_find(const struct cmd *table, const char *name)
{
	for (; table->name; table++)
		if (!strcmp(table->name, name))
			return table;
	return NULL;
}

/**
 * object_run() - run a verb of an object
 * @name: the object's keyword, for messages
 * @verbs: its verb table; "help" need not be in it
 * @usage: prints the object's usage
 * @dflt: what the object does without a verb (usually "show")
 * @argc: argument count, argv[0] being the object
 * @argv: arguments
 *
 * "help" (and -h, --help) prints the usage; an unknown verb is an error.
 *
 * Return: the verb's result: 0 or a negative errno (already printed).
 */
int object_run(const char *name, const struct cmd *verbs,
	       void (*usage)(FILE *fp), int (*dflt)(int argc, char **argv),
	       int argc, char **argv)
{
	const struct cmd *c;

	if (argc < 2)
		return dflt(0, argv + 1);
	if (is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	c = cmd_find(verbs, argv[1]);
	if (!c) {
		fprintf(stderr, "Error: unknown command \"%s\" for \"%s\"; try \"mcastctl %s help\"\n",
			argv[1], name, name);
		return -EINVAL;
	}
	return c->fn(argc - 2, argv + 2);
}

/**
 * mcastctl_usage() - print the top-level usage
 * @fp: stream
 */
void mcastctl_usage(FILE *fp)
{
	fputs("Usage: mcastctl [ OPTIONS ] OBJECT { COMMAND | help }\n"
	      "       mcastctl [ -force ] -b[atch] FILE\n"
	      "where  OBJECT := { interface | mfe | group | querier | proxy | monitor |\n"
	      "                  config | madcap | help }\n"
	      "       OPTIONS := { -j[son] | -p[retty] | -s[tats] | -n[etns] NAME |\n"
	      "                    -4 | -6 | -V[ersion] | -h[elp] }\n"
	      "-batch: one command per line (\"OBJECT COMMAND ...\", # comments);\n"
	      "stops at the first failing line unless -force is given.\n"
	      "Try \"mcastctl OBJECT help\" for the commands of an object.\n",
	      fp);
}

static int help_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	mcastctl_usage(stdout);
	return 0;
}

/**
 * mcastctl_dispatch() - run the object named by argv[0]
 * @argc: arguments left after the global options (at least 1)
 * @argv: the arguments, argv[0] being the object
 *
 * Return: 0 or a negative errno (already printed).
 */
int mcastctl_dispatch(int argc, char **argv)
{
	const struct cmd *obj = cmd_find(mcastctl_objects, argv[0]);

	if (!obj) {
		if (is_help(argv[0]))
			return help_main(argc, argv);
		fprintf(stderr, "Error: unknown object \"%s\"; try \"mcastctl help\"\n",
			argv[0]);
		return -EINVAL;
	}
	return obj->fn(argc, argv);
}
