// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: argument parsing shared by the objects' commands.
 */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "args.h"
#include "utils.h"

/**
 * args_help() - print the usage if any argument asks for help
 * @argc: number of arguments
 * @argv: the arguments
 * @usage: prints the usage of the object
 *
 * Return: 1 if help was asked for (usage printed on stdout), else 0.
 */
int args_help(int argc, char **argv, void (*usage)(FILE *fp))
{
	for (int i = 0; i < argc; i++) {
		if (is_help(argv[i])) {
			usage(stdout);
			return 1;
		}
	}
	return 0;
}

/**
 * args_set_family() - apply a -4 or -6
 * @family: AF_UNSPEC or the family given so far; set to @new_family
 * @new_family: AF_INET or AF_INET6
 *
 * Return: 0, or -1 if the other family was given (printed).
 */
int args_set_family(int *family, int new_family)
{
	if (*family != AF_UNSPEC && *family != new_family) {
		fprintf(stderr, "Error: -4 and -6 cannot be combined\n");
		return -1;
	}
	*family = new_family;
	return 0;
}

/**
 * args_parse_addr() - parse an IPv4 or IPv6 address
 * @kw: the keyword it follows, for the error message
 * @s: the text; an IPv6 address if it has a ':'
 * @family: set to the family of the text
 * @addr: 16 bytes, set to the address (network byte order)
 *
 * Return: 0, or -1 if @s is not an address of its family (printed).
 */
int args_parse_addr(const char *kw, const char *s, int *family,
		    uint8_t *addr)
{
	*family = strchr(s, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(*family, s, addr) == 1)
		return 0;
	fprintf(stderr, "Error: invalid %s \"%s\": not a valid %s address\n",
		kw, s, *family == AF_INET6 ? "IPv6" : "IPv4");
	return -1;
}

/**
 * args_check_family() - check an address against -4/-6
 * @kw: the keyword the address followed, for the error message
 * @s: the address as typed
 * @addr_family: its family
 * @family: the family given with -4/-6, or AF_UNSPEC
 *
 * Return: 0, or -1 if the families differ (printed).
 */
int args_check_family(const char *kw, const char *s, int addr_family,
		      int family)
{
	if (family == AF_UNSPEC || family == addr_family)
		return 0;
	fprintf(stderr, "Error: %s \"%s\" is not an %s address (%s given)\n",
		kw, s, family == AF_INET6 ? "IPv6" : "IPv4",
		family == AF_INET6 ? "-6" : "-4");
	return -1;
}

/**
 * show_args_parse() - parse the filters of a "show" command
 * @object: the object, for "try \"mcastctl OBJECT help\""
 * @with_group: whether "group G" is a keyword of the command
 * @argc: number of arguments after "show"
 * @argv: the arguments after "show"
 * @args: @args->family holds the global -4/-6; filled in
 *
 * Accepts "dev DEV", -4/-6 and, with @with_group, "group G" (not parsed:
 * only the text is kept). Does not look for help (see args_help()).
 *
 * Return: 0, or -1 on a syntax error (printed on stderr).
 */
int show_args_parse(const char *object, bool with_group, int argc,
		    char **argv, struct show_args *args)
{
	for (int i = 0; i < argc; i++) {
		const char *kw = argv[i], *val;
		const char **slot;

		if (!strcmp(kw, "-4") || !strcmp(kw, "-6")) {
			if (args_set_family(&args->family,
					    kw[1] == '4' ? AF_INET : AF_INET6))
				return -1;
			continue;
		}
		if (!strcmp(kw, "dev")) {
			slot = &args->dev;
		} else if (with_group && !strcmp(kw, "group")) {
			slot = &args->group;
		} else {
			fprintf(stderr, "Error: unknown keyword \"%s\"; try \"mcastctl %s help\"\n",
				kw, object);
			return -1;
		}
		if (++i >= argc) {
			fprintf(stderr, "Error: missing value for \"%s\"\n", kw);
			return -1;
		}
		val = argv[i];
		if (*slot) {
			fprintf(stderr, "Error: \"%s\" given more than once\n", kw);
			return -1;
		}
		if (slot == &args->dev && !*val) {
			fprintf(stderr, "Error: invalid dev \"\": empty device name\n");
			return -1;
		}
		*slot = val;
	}
	return 0;
}
