// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: "mcastctl monitor" - print mcast_router events as they happen.
 *
 * One line per event, flushed at once: text ("change eth1: mode router
 * ...", "delete eth1 (ifindex 5)") or, with -j, one compact JSON object
 * per line. "monitoring mcast_router events" goes to stderr once the
 * subscription is in place, so a reader can wait for it before acting.
 *
 * The monitor also listens to nlctrl's notifications and ends (status 1)
 * when the mcast_router family goes away, i.e. the module is unloaded.
 *
 * SIGINT and SIGTERM are blocked and read from a signalfd polled next to
 * the netlink socket: libnl restarts recvmsg() on EINTR, so a plain signal
 * handler could not interrupt a blocking read.
 */
#include <errno.h>
#include <stdbool.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/signalfd.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>

#include <linux/mcast_router.h>

#include "group.h"
#include "iface.h"
#include "mcastctl.h"
#include "nl.h"
#include "print.h"
#include "querier.h"

struct monitor {
	struct mr_nl nl;
	int err;		/* fatal error seen in the callback */
	bool unloaded;		/* nlctrl said the family went away */
};

/* nlctrl's CTRL_CMD_DELFAMILY for our family: the module was unloaded. */
static bool family_removed(struct nlmsghdr *nlh)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct genlmsghdr *ghdr;

	if (nlh->nlmsg_type != GENL_ID_CTRL || !genlmsg_valid_hdr(nlh, 0))
		return false;
	ghdr = nlmsg_data(nlh);
	if (ghdr->cmd != CTRL_CMD_DELFAMILY ||
	    genlmsg_parse(nlh, 0, tb, CTRL_ATTR_MAX, NULL) < 0 ||
	    !tb[CTRL_ATTR_FAMILY_NAME])
		return false;
	return !strcmp(nla_get_string(tb[CTRL_ATTR_FAMILY_NAME]),
		       MCAST_ROUTER_GENL_NAME);
}

static int on_event(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct monitor *m = arg;
	struct genlmsghdr *ghdr;

	if (family_removed(nlh)) {
		m->unloaded = true;
		return NL_STOP;
	}
	if (nlh->nlmsg_type != m->nl.family || !genlmsg_valid_hdr(nlh, 0))
		return NL_SKIP;
	ghdr = nlmsg_data(nlh);
	switch (ghdr->cmd) {
	case MCAST_ROUTER_CMD_IFACE_CHANGE_NTF:
		iface_print(nlh, "change");
		break;
	case MCAST_ROUTER_CMD_IFACE_DEL_NTF:
		iface_print_del(nlh);
		break;
	case MCAST_ROUTER_CMD_GROUP_NTF:
	case MCAST_ROUTER_CMD_PROXY_NTF:
		group_print_event(nlh);
		break;
	case MCAST_ROUTER_CMD_QUERIER_NTF:
		querier_print_event(nlh);
		break;
	default:
		return NL_SKIP;	/* an event this version does not know */
	}
	if (print_end()) {
		m->err = -EIO;
		return NL_STOP;
	}
	return NL_OK;
}

static void monitor_usage(FILE *fp)
{
	fputs("Usage: mcastctl [ -j ] monitor\n"
	      "Prints one line per mcast_router event until interrupted.\n", fp);
}

static int subscribe(struct monitor *m)
{
	struct nl_sock *sk = m->nl.sk;
	int grp, ctrl_grp, ret;

	/* nlctrl's notify group tells when the module is unloaded. */
	ctrl_grp = genl_ctrl_resolve_grp(sk, "nlctrl", "notify");
	grp = genl_ctrl_resolve_grp(sk, MCAST_ROUTER_GENL_NAME,
				    MCAST_ROUTER_MCGRP_MONITOR);
	if (grp < 0) {
		fprintf(stderr, "Error: cannot find the \"%s\" multicast group: %s\n",
			MCAST_ROUTER_MCGRP_MONITOR, nl_geterror(grp));
		return -EIO;
	}
	nl_socket_disable_seq_check(sk);
	ret = nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_event, m);
	if (ret < 0)
		goto err;
	ret = nl_socket_add_membership(sk, grp);
	if (!ret && ctrl_grp >= 0)
		ret = nl_socket_add_membership(sk, ctrl_grp);
	if (ret == -NLE_PERM) {
		mr_nl_print_error(stderr, -EPERM, NULL);
		return -EPERM;
	}
	if (ret < 0)
		goto err;
	ret = nl_socket_set_nonblocking(sk);
	if (ret < 0)
		goto err;
	/* A bigger buffer makes bursts less likely to overrun; best effort. */
	(void)nl_socket_set_buffer_size(sk, 1 << 20, 0);
	return 0;
err:
	fprintf(stderr, "Error: cannot subscribe to events: %s\n",
		nl_geterror(ret));
	return -EIO;
}

/* Read events until a signal arrives. */
static int event_loop(struct monitor *m, int sfd)
{
	struct pollfd pfd[2] = {
		{ .fd = nl_socket_get_fd(m->nl.sk), .events = POLLIN },
		{ .fd = sfd, .events = POLLIN },
	};

	for (;;) {
		int ret = poll(pfd, 2, -1);

		if (ret < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "Error: poll: %s\n", strerror(errno));
			return -errno;
		}
		if (pfd[1].revents) {
			struct signalfd_siginfo si;

			/*
			 * SIGINT or SIGTERM: clean exit. Consume the signal,
			 * or it would be delivered when the mask is restored.
			 */
			if (read(sfd, &si, sizeof(si)) < 0)
				return -errno;
			return 0;
		}
		if (!pfd[0].revents)
			continue;
		ret = nl_recvmsgs_default(m->nl.sk);
		if (m->unloaded) {
			fprintf(stderr, "Error: the mcast_router module was unloaded\n");
			return -ENODEV;
		}
		if (m->err) {
			fprintf(stderr, "Error: cannot write output\n");
			return m->err;
		}
		if (ret == -NLE_NOMEM) {
			/* ENOBUFS: the kernel dropped events for us. */
			fprintf(stderr, "Warning: events were lost (receive buffer overrun)\n");
			continue;
		}
		if (ret < 0 && ret != -NLE_AGAIN) {
			fprintf(stderr, "Error: netlink receive failed: %s\n",
				nl_geterror(ret));
			return -EIO;
		}
	}
}

/**
 * monitor_main() - "mcastctl monitor"
 * @argc: argument count, argv[0] being "monitor"
 * @argv: arguments
 *
 * Return: 0 after SIGINT/SIGTERM, -ENODEV when the module is unloaded, or
 * another negative errno (already printed).
 */
int monitor_main(int argc, char **argv)
{
	struct monitor m = { .err = 0 };
	sigset_t mask, old;
	int sfd, ret;

	if (argc > 1) {
		if (is_help(argv[1])) {
			monitor_usage(stdout);
			return 0;
		}
		fprintf(stderr, "Error: unexpected argument \"%s\"; try \"mcastctl monitor help\"\n",
			argv[1]);
		return -EINVAL;
	}

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &mask, &old)) {
		fprintf(stderr, "Error: sigprocmask: %s\n", strerror(errno));
		return -errno;
	}
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sfd < 0) {
		ret = -errno;
		fprintf(stderr, "Error: signalfd: %s\n", strerror(errno));
		goto out_mask;
	}
	ret = mr_nl_open(&m.nl);
	if (ret)
		goto out_sfd;
	ret = subscribe(&m);
	if (ret)
		goto out_nl;

	/* One compact JSON object per line, whatever -p says. */
	print_init(stdout, mcastctl_opts.json, false);
	fprintf(stderr, "monitoring mcast_router events\n");
	fflush(stderr);
	ret = event_loop(&m, sfd);
out_nl:
	mr_nl_close(&m.nl);
out_sfd:
	close(sfd);
out_mask:
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ret;
}
