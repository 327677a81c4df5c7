// SPDX-License-Identifier: GPL-2.0
/*
 * madcapd: the MADCAP (RFC 2730) server of mcast_router.
 *
 * One thread, one poll() loop over: the IPv4 and IPv6 MADCAP sockets, the
 * control socket and its clients, a signalfd (SIGTERM and SIGINT end the
 * daemon cleanly, SIGHUP rescans the interfaces) and a one-second timerfd
 * (expiry, and an interface rescan every few seconds).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "ctlsock.h"
#include "log.h"
#include "net.h"
#include "server.h"

#define DEFAULT_DB	"/var/lib/mcast_router/madcap.db"
#define RESCAN_TICKS	5
#define MAX_GROUPS	(ADMIN_GROUPS + 2)
#define ADMIN_GROUPS	256
#define RECV_BURST	64

struct opts {
	bool foreground, verbose;
	const char *db, *control;
	char *ifnames[NET_MAX_IFACES];
	unsigned int n_ifnames;
	uint32_t port;		/* 1-65535: --port is a numeric option */
	struct server_params p;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: madcapd [--foreground] [--db PATH] [--control PATH]\n"
		"               [--interface DEV]... [--port N] [--ipv6-server-group ADDR]\n"
		"               [--clock-skew SEC] [--extra-time SEC] [--offer-hold SEC]\n"
		"               [--cache-interval SEC] [--max-per-client N]\n"
		"               [--max-per-request N] [--max-offers N] [--max-cache N]\n"
		"               [--max-leases N] [--verbose]\n"
		"Defaults: --db %s --control %s --port %d\n"
		"  --ipv6-server-group %s --clock-skew %d --extra-time %d\n"
		"  --offer-hold %d --cache-interval %d --max-per-client %d\n"
		"  --max-per-request %d --max-offers %d --max-cache %d\n"
		"  --max-leases %d\n",
		DEFAULT_DB, CTLSOCK_PATH, MADCAP_PORT, SERVER_V6_GROUP,
		SERVER_CLOCK_SKEW, SERVER_EXTRA_TIME, SERVER_OFFER_HOLD,
		SERVER_CACHE_INTERVAL, SERVER_MAX_PER_CLIENT,
		SERVER_MAX_PER_REQUEST, SERVER_MAX_OFFERS, SERVER_MAX_CACHE,
		SERVER_MAX_LEASES);
}

static int number(const char *name, const char *s, unsigned long min,
		  unsigned long max, uint32_t *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v < min || v > max) {
		fprintf(stderr, "madcapd: --%s must be %lu to %lu\n", name, min,
			max);
		return -1;
	}
	*out = v;
	return 0;
}

/*
 * The options that take a number: --name, the field of struct opts it
 * sets (a uint32_t) and its bounds. getopt_long() returns NUM_OPT + the
 * index for each.
 */
#define NUM_OPT 0x100
static const struct num_opt {
	const char *name;
	size_t field;
	unsigned long min, max;
} num_opts[] = {
	{ "clock-skew", offsetof(struct opts, p.clock_skew), 0, UINT32_MAX },
	{ "extra-time", offsetof(struct opts, p.extra_time), 0, UINT32_MAX },
	{ "offer-hold", offsetof(struct opts, p.offer_hold), 1, 86400 },
	{ "cache-interval", offsetof(struct opts, p.cache_interval), 1, 86400 },
	{ "max-per-client", offsetof(struct opts, p.max_per_client), 1, UINT32_MAX },
	{ "max-per-request", offsetof(struct opts, p.max_per_request), 1, 65535 },
	{ "max-offers", offsetof(struct opts, p.max_offers), 1, 1000000 },
	{ "max-cache", offsetof(struct opts, p.max_cache), 1, 1000000 },
	{ "port", offsetof(struct opts, port), 1, 65535 },
	{ "max-leases", offsetof(struct opts, p.max_leases), 1, 10000000 },
};
#define N_NUM_OPTS (sizeof(num_opts) / sizeof(num_opts[0]))

static int parse_args(int argc, char **argv, struct opts *o)
{
	/*
	 * The long options: these, then num_opts[], then the rest. Options
	 * that share a prefix keep their relative order, which getopt's
	 * "ambiguous" message lists them in.
	 */
	static const struct option head[] = {
		{ "foreground", no_argument, NULL, 'f' },
		{ "db", required_argument, NULL, 'd' },
		{ "control", required_argument, NULL, 'c' },
		{ "interface", required_argument, NULL, 'i' },
	}, tail[] = {
		{ "ipv6-server-group", required_argument, NULL, 10 },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct option lo[sizeof(head) / sizeof(head[0]) + N_NUM_OPTS +
			 sizeof(tail) / sizeof(tail[0])];
	struct server_params *p = &o->p;
	size_t n = 0;
	int c, err = 0;

	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		lo[n++] = head[i];
	for (size_t i = 0; i < N_NUM_OPTS; i++)
		lo[n++] = (struct option){ num_opts[i].name, required_argument,
					   NULL, NUM_OPT + (int)i };
	for (size_t i = 0; i < sizeof(tail) / sizeof(tail[0]); i++)
		lo[n++] = tail[i];

	memset(o, 0, sizeof(*o));
	o->db = DEFAULT_DB;
	o->control = CTLSOCK_PATH;
	o->port = MADCAP_PORT;
	server_params_default(p);
	while (!err && (c = getopt_long(argc, argv, "fd:c:i:vh", lo, NULL)) != -1) {
		if (c >= NUM_OPT && c < NUM_OPT + (int)N_NUM_OPTS) {
			const struct num_opt *no = &num_opts[c - NUM_OPT];

			err = number(no->name, optarg, no->min, no->max,
				     (uint32_t *)((char *)o + no->field));
			continue;
		}
		switch (c) {
		case 'f':
			o->foreground = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 'c':
			o->control = optarg;
			break;
		case 'i':
			if (o->n_ifnames == NET_MAX_IFACES ||
			    strlen(optarg) >= IFNAMSIZ || !*optarg) {
				fprintf(stderr, "madcapd: bad --interface %s (at most %d, names under %d bytes)\n",
					optarg, NET_MAX_IFACES, IFNAMSIZ);
				return -1;
			}
			o->ifnames[o->n_ifnames++] = optarg;
			break;
		case 10:
			if (madcap_addr_parse(optarg, &p->v6_group) ||
			    p->v6_group.af != MADCAP_AF_IPV6 ||
			    p->v6_group.v6.s6_addr[0] != 0xff) {
				fprintf(stderr, "madcapd: --ipv6-server-group must be an IPv6 multicast address\n");
				return -1;
			}
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return -1;
		}
	}
	if (!err && optind < argc) {
		fprintf(stderr, "madcapd: unexpected argument %s\n", argv[optind]);
		return -1;
	}
	return err;
}

/* mkdir -p of @path's directory. */
static int make_parent(const char *path, mode_t mode)
{
	char dir[PATH_MAX], *p;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return -ENAMETOOLONG;
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return 0;
	*p = '\0';
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, mode) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(dir, mode) && errno != EEXIST)
		return -errno;
	return 0;
}

/*
 * Without --foreground: fork, and let the parent exit 0 only once the
 * child reports it is serving (so that start-up errors reach the caller).
 * Returns the pipe's write end to report on, -1 in the foreground.
 */
static int background(void)
{
	int fds[2];
	char ok;
	pid_t pid;

	if (pipe(fds)) {
		perror("madcapd: pipe");
		exit(1);
	}
	pid = fork();
	if (pid < 0) {
		perror("madcapd: fork");
		exit(1);
	}
	if (pid > 0) {
		close(fds[1]);
		exit(read(fds[0], &ok, 1) == 1 ? 0 : 1);
	}
	close(fds[0]);
	setsid();
	return fds[1];
}

static void ready(int fd, int level)
{
	int null;

	if (fd < 0)
		return;
	null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (null > 2)
			close(null);
	}
	log_init(true, level);
	if (write(fd, "", 1) != 1)
		pr_warn("cannot report start-up");
	close(fd);
}

struct daemon {
	struct opts o;
	struct server srv;
	struct store *store;
	struct net *net;
	struct ctlsock *ctl;
	struct madcap_addr v4_local;
	unsigned int scope_gen;
	int sig_fd, timer_fd;
	bool quit;
	bool failed;		/* the event loop broke: exit non-zero */
};

static void sync_groups(struct daemon *d, int64_t now)
{
	struct madcap_addr g[MAX_GROUPS];
	unsigned int n;

	n = server_groups(&d->srv, now, g, ADMIN_GROUPS);
	g[n++] = d->v4_local;
	g[n++] = d->o.p.v6_group;
	net_sync(d->net, g, n);
	d->scope_gen = d->srv.scope_gen;
}

static void log_datagram(const struct net_from *from, const uint8_t *in,
			 int len, const uint8_t *out, size_t n)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	pr_debug("%s from %s port %u to %s%s: %s",
		 len >= 2 ? madcap_type_name(in[1]) : "runt",
		 madcap_addr_str(&from->peer.addr, a, sizeof(a)) ?: "?",
		 from->peer.port,
		 madcap_addr_str(&from->peer.local, b, sizeof(b)) ?: "?",
		 from->peer.multicast ? " (group)" : "",
		 n ? madcap_type_name(out[1]) : "no reply");
}

static void serve_udp(struct daemon *d, int fd)
{
	uint8_t in[MADCAP_MAX_LEN + 1], out[MADCAP_MAX_LEN];
	struct net_from from;
	unsigned int i;
	size_t n;
	int len, err;

	for (i = 0; i < RECV_BURST; i++) {
		len = net_recv(d->net, fd, in, sizeof(in), &from);
		if (len == -EAGAIN || len == -EWOULDBLOCK)
			return;
		if (len < 0) {
			pr_debug("datagram ignored: %s", strerror(-len));
			continue;
		}
		n = server_input(&d->srv, in, len, &from.peer, time(NULL), out,
				 sizeof(out));
		log_datagram(&from, in, len, out, n);
		if (!n)
			continue;
		err = net_send(d->net, &from, out, n);
		if (err)
			pr_debug("reply not sent: %s", strerror(-err));
	}
}

static void tick(struct daemon *d, unsigned int *ticks)
{
	uint64_t expirations;
	int64_t now = time(NULL);

	if (read(d->timer_fd, &expirations, sizeof(expirations)) < 0)
		return;
	server_tick(&d->srv, now);
	if (++*ticks % RESCAN_TICKS == 0) {
		net_rescan(d->net);
		sync_groups(d, now);
	} else if (d->scope_gen != d->srv.scope_gen) {
		sync_groups(d, now);
	}
}

static void on_signal(struct daemon *d)
{
	struct signalfd_siginfo si;

	if (read(d->sig_fd, &si, sizeof(si)) != sizeof(si))
		return;
	if (si.ssi_signo == SIGHUP) {
		net_rescan(d->net);
		sync_groups(d, time(NULL));
		return;
	}
	pr_info("signal %u: exiting", si.ssi_signo);
	d->quit = true;
}

static int open_timers(struct daemon *d)
{
	struct itimerspec its = { { 1, 0 }, { 1, 0 } };
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d->sig_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	d->timer_fd = timerfd_create(CLOCK_MONOTONIC,
				     TFD_NONBLOCK | TFD_CLOEXEC);
	if (d->sig_fd < 0 || d->timer_fd < 0 ||
	    timerfd_settime(d->timer_fd, 0, &its, NULL)) {
		pr_err("signalfd/timerfd: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static void loop(struct daemon *d)
{
	struct pollfd pf[4 + CTLSOCK_MAX_CLIENTS + 1];
	unsigned int ticks = 0, n, base;
	int fd4, fd6;

	net_fds(d->net, &fd4, &fd6);
	while (!d->quit) {
		pf[0] = (struct pollfd){ .fd = d->sig_fd, .events = POLLIN };
		pf[1] = (struct pollfd){ .fd = d->timer_fd, .events = POLLIN };
		pf[2] = (struct pollfd){ .fd = fd4, .events = POLLIN };
		pf[3] = (struct pollfd){ .fd = fd6, .events = POLLIN };
		base = 4;
		n = base + ctlsock_pollfds(d->ctl, &pf[base]);
		if (poll(pf, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			pr_err("poll: %s", strerror(errno));
			d->failed = true;
			return;
		}
		if (pf[0].revents)
			on_signal(d);
		if (pf[1].revents)
			tick(d, &ticks);
		if (pf[2].revents)
			serve_udp(d, fd4);
		if (fd6 >= 0 && pf[3].revents)
			serve_udp(d, fd6);
		ctlsock_serve(d->ctl, &pf[base], n - base, &d->srv);
		if (d->scope_gen != d->srv.scope_gen)
			sync_groups(d, time(NULL));
	}
}

/**
 * main() - run madcapd
 * @argc: argument count
 * @argv: arguments (see usage())
 *
 * Return: 0 after a clean exit (SIGTERM, SIGINT), 1 when start-up failed
 * or the event loop broke (so that Restart=on-failure restarts it), 2 for
 * bad arguments.
 */
int main(int argc, char **argv)
{
	static struct daemon d;
	int report = -1, ret = 1;

	if (parse_args(argc, argv, &d.o))
		return 2;
	log_init(false, d.o.verbose ? LOG_DEBUG : LOG_INFO);
	if (d.o.p.offer_hold < SERVER_OFFER_HOLD)
		pr_warn("--offer-hold %u is below RFC 2730's minimum of %d s (for tests only)",
			d.o.p.offer_hold, SERVER_OFFER_HOLD);
	if (!d.o.foreground)
		report = background();
	madcap_addr_parse(SERVER_V4_LOCAL_GROUP, &d.v4_local);
	d.sig_fd = -1;
	d.timer_fd = -1;
	if (open_timers(&d))
		goto out;
	if (make_parent(d.o.db, 0755) || make_parent(d.o.control, 0755)) {
		pr_err("cannot create the directories of %s and %s: %s",
		       d.o.db, d.o.control, strerror(errno));
		goto out;
	}
	if (store_open(d.o.db, &d.store))
		goto out;
	if (server_init(&d.srv, &d.o.p, d.store, time(NULL)))
		goto out_store;
	if (net_open(&d.net, (uint16_t)d.o.port, d.o.ifnames, d.o.n_ifnames))
		goto out_server;
	d.srv.is_local = net_is_local;
	d.srv.local_ctx = d.net;
	if (ctlsock_open(&d.ctl, d.o.control))
		goto out_net;
	sync_groups(&d, time(NULL));
	pr_info("serving on UDP port %u, control socket %s", d.o.port,
		d.o.control);
	ready(report, d.o.verbose ? LOG_DEBUG : LOG_INFO);
	report = -1;
	loop(&d);
	ret = d.failed ? 1 : 0;
	ctlsock_close(d.ctl);
out_net:
	net_close(d.net);
out_server:
	server_fini(&d.srv);
out_store:
	store_close(d.store);
out:
	if (d.sig_fd >= 0)
		close(d.sig_fd);
	if (d.timer_fd >= 0)
		close(d.timer_fd);
	if (report >= 0)
		close(report);
	return ret;
}
