// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: batch files (-batch) and the configuration file.
 */
#include "harness.h"

/* ---- batch files and config -------------------------------------------- */

/* Split @line; the words joined by "|", or "error: WHY". */
static char *split_joined(const char *line)
{
	char *copy = strdup(line), *argv[BATCH_MAX_ARGS + 1];
	const char *why = NULL;
	static char out[512];
	int argc = batch_split(copy, argv, &why);

	if (argc < 0) {
		snprintf(out, sizeof(out), "error: %s", why);
	} else {
		out[0] = '\0';
		for (int i = 0; i < argc; i++)
			snprintf(out + strlen(out), sizeof(out) - strlen(out),
				 "%s%s", i ? "|" : "", argv[i]);
		EXPECT(argv[argc] == NULL);
	}
	free(copy);
	return out;
}

static void test_batch_split(void)
{
	char many[BATCH_MAX_ARGS * 2 + 8] = "";

	EXPECT_STR("interface|set|eth1|mode|router",
		   split_joined("interface set eth1 mode router\n"));
	EXPECT_STR("", split_joined("   \t\r\n"));
	EXPECT_STR("", split_joined("# a comment"));
	EXPECT_STR("", split_joined("   # an indented comment"));
	EXPECT_STR("mfe|show", split_joined("mfe show # trailing comment"));
	EXPECT_STR("a#b|c", split_joined("a#b c"));
	EXPECT_STR("interface|set|my dev|mode|router",
		   split_joined("interface set 'my dev' mode router"));
	EXPECT_STR("x|a \"b\"|c", split_joined("x \"a \\\"b\\\"\" c"));
	EXPECT_STR("#x|'y|\\z", split_joined("\\#x \\'y \\\\z"));
	EXPECT_STR("ab c", split_joined("a'b c'"));
	EXPECT_STR("error: unterminated quote", split_joined("set 'eth1"));
	EXPECT_STR("error: backslash at the end of the line", split_joined("set eth1\\"));
	for (int i = 0; i < BATCH_MAX_ARGS + 1; i++)
		strcat(many, "a ");
	EXPECT_STR("error: too many words", split_joined(many));
}

/* What config_put_word() writes, batch_split() reads back. */
static void test_config_word(void)
{
	static const char *const names[] = {
		"eth1", "we#ird", "#lead", "q'uote", "d\"q", "back\\slash",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *buf = NULL, *argv[BATCH_MAX_ARGS + 1];
		const char *why = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);

		if (!fp)
			exit(2);
		fputs("interface set ", fp);
		config_put_word(fp, names[i]);
		fputs(" mode router\n", fp);
		fclose(fp);
		EXPECT(batch_split(buf, argv, &why) == 5);
		EXPECT_STR(names[i], argv[2]);
		free(buf);
	}
}

static void test_config_devices(void)
{
	static const struct {
		const char *line;
		const char *devs;
	} cases[] = {
		{ "interface set eth1 mode router", "eth1" },
		{ "interface del eth2", "eth2" },
		{ "mfe add group 239.1.1.1 iif eth1 oif eth2 oif eth3", "eth1 eth2 eth3" },
		{ "group add dev ppp0 group 239.1.1.1", "ppp0" },
		{ "querier show dev wg0", "wg0" },
		{ "mfe flush", "" },
		{ "interface set", "" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *copy = strdup(cases[i].line), *argv[BATCH_MAX_ARGS + 1];
		const char *why = NULL, *devs[8];
		char got[128] = "";
		int argc = batch_split(copy, argv, &why);
		int n = config_line_devices(argc, argv, devs, 8);

		for (int d = 0; d < n; d++)
			snprintf(got + strlen(got), sizeof(got) - strlen(got),
				 "%s%s", d ? " " : "", devs[d]);
		EXPECT_STR(cases[i].devs, got);
		free(copy);
	}
}

/* -batch runs lines until one fails; -force runs them all. */
static void test_batch_run(void)
{
	char path[] = "/tmp/mcastctl-batch-XXXXXX";
	struct capture out, err;
	char *o, *e;
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!fp)
		exit(2);
	fputs("# help of three objects, with a typo between\n"
	      "interface help\n\n"
	      "interfcae help\n"
	      "  mfe help   # the usage again\n", fp);
	fclose(fp);

	capture_begin(&out, 1);
	capture_begin(&err, 2);
	EXPECT(batch_run(path, false) == -1);
	e = capture_end(&err);
	o = capture_end(&out);
	EXPECT(strstr(o, "mcastctl interface set DEV") != NULL);
	EXPECT(strstr(o, "mcastctl mfe add") == NULL);
	EXPECT(strstr(e, "Error: unknown object \"interfcae\"") != NULL);
	EXPECT(strstr(e, "Command failed /tmp/mcastctl-batch-") != NULL);
	EXPECT(strstr(e, ":4\n") != NULL);
	free(o);
	free(e);

	capture_begin(&out, 1);
	capture_begin(&err, 2);
	EXPECT(batch_run(path, true) == -1);
	e = capture_end(&err);
	o = capture_end(&out);
	EXPECT(strstr(o, "mcastctl mfe add") != NULL);
	free(o);
	free(e);

	capture_begin(&err, 2);
	EXPECT(batch_run("/nonexistent/batch", false) == -1);
	e = capture_end(&err);
	EXPECT_STR("Error: cannot open \"/nonexistent/batch\": No such file or directory\n", e);
	free(e);
	unlink(path);
}

const struct mr_test batch_tests[] = {
	{ "batch_split", test_batch_split },
	{ "config_word", test_config_word },
	{ "config_devices", test_config_devices },
	{ "batch_run", test_batch_run },
	{ NULL, NULL }
};
