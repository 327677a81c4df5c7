// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: the "proxy" object, the membership the IGMP/MLD proxy reports
 * on its upstream interface: the merge of every downstream interface's
 * membership (RFC 4605 4.1).
 *
 *   mcastctl [-4|-6] proxy show [dev DEV] [group G]
 *
 * One line per group, as "group show" prints it, DEV being the upstream;
 * then one indented line per source of the merged filter:
 *
 *   eth0  232.1.1.1  include
 *       source 10.0.9.1  forward
 *
 * The rows are GROUP attributes, parsed and printed by group.c. The kernel
 * filters by family; device and group are filtered here.
 */
#include <errno.h>
#include <stdio.h>
#include <netlink/attr.h>

#include "group.h"
#include "mcastctl.h"
#include "proxy.h"
#include "rows.h"

/**
 * proxy_usage() - print the usage of the proxy object
 * @fp: stream
 */
void proxy_usage(FILE *fp)
{
	fprintf(fp, "Usage: mcastctl [ -4 | -6 ] proxy show [ dev DEV ] [ group GROUP ]\n"
	      "       mcastctl proxy help\n"
	      "show: the membership reported on the proxy's upstream interface\n"
	      "(set one with \"interface set DEV mode proxy\"): per group the\n"
	      "merge of what the router-mode interfaces want, filter mode and\n"
	      "sources. \"reported-as exclude-all\": the kernel refused the source\n"
	      "list (net.ipv4.igmp_max_msf, net.ipv6.mld_max_msf), so every\n"
	      "source is asked for; \"error\" says why, \"not-joined\" that\n"
	      "nothing is reported. Refused filters are tried every %d s.\n",
	      MCAST_ROUTER_PROXY_RETRY_SECS);
}

/* PROXY_GET takes only FAMILY; the rest is filtered client-side. */
static int put_filter(struct nl_msg *msg, const void *arg)
{
	const struct group_show_req *req = arg;

	if (req->family != AF_UNSPEC &&
	    nla_put_u16(msg, MCAST_ROUTER_A_GROUP_FAMILY, (uint16_t)req->family))
		return -NLE_NOMEM;
	return 0;
}

static const struct rows_show proxy_show = {
	.cmd = MCAST_ROUTER_CMD_PROXY_GET,
	.describe = group_describe,
	.put = put_filter,
	.add = group_table_add,
	.print = group_rows_print,
};

static int do_show(int argc, char **argv)
{
	return group_show_run("proxy", proxy_usage, &proxy_show, argc, argv);
}

static const struct cmd proxy_cmds[] = {
	{ "show", do_show },
	{ NULL, NULL },
};

/**
 * proxy_main() - "mcastctl proxy ..."
 * @argc: argument count, argv[0] being "proxy"
 * @argv: arguments
 *
 * Without a command, shows the upstream membership.
 *
 * Return: 0 or a negative errno (already printed).
 */
int proxy_main(int argc, char **argv)
{
	return object_run("proxy", proxy_cmds, proxy_usage, do_show, argc, argv);
}
