// SPDX-License-Identifier: GPL-2.0
/*
 * mjoin: join a multicast group through the kernel's own host stack and
 * hold the membership (the IGMP/MLD scenarios' hosts).
 *
 *   mjoin IFNAME GROUP [include SRC... | exclude SRC...]
 *
 * Without a mode an any-source join; "include" joins each source
 * (MCAST_JOIN_SOURCE_GROUP), "exclude" joins the group and blocks each
 * source (MCAST_BLOCK_SOURCE). Prints "joined" once every socket option is
 * set, then holds the membership until SIGTERM or SIGINT; closing the
 * socket at exit makes the kernel send its leave. A C program rather than
 * a script: a Python start costs seconds in the debug test guest.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr,
		"usage: mjoin IFNAME GROUP [include SRC... | exclude SRC...]\n");
	exit(2);
}

/* addr: GROUP or SRC of family; exits with a message if it is not one. */
static void parse_addr(int family, const char *s, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		if (inet_pton(AF_INET, s, &sin->sin_addr) == 1)
			return;
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		if (inet_pton(AF_INET6, s, &sin6->sin6_addr) == 1)
			return;
	}
	fprintf(stderr, "mjoin: \"%s\" is not an IPv%c address\n", s,
		family == AF_INET ? '4' : '6');
	exit(2);
}

static void sockopt(int fd, int level, int opt, const void *v, socklen_t len,
		    const char *what)
{
	if (setsockopt(fd, level, opt, v, len) < 0) {
		fprintf(stderr, "mjoin: %s: %s\n", what, strerror(errno));
		exit(1);
	}
}

static void on_signal(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct group_source_req gsr;
	struct group_req gr;
	const char *mode = NULL;
	unsigned int ifindex;
	struct sigaction sa;
	int family, level, fd, i;

	if (argc < 3)
		usage();
	if (argc > 3) {
		mode = argv[3];
		if (strcmp(mode, "include") && strcmp(mode, "exclude"))
			usage();
	}
	family = strchr(argv[2], ':') ? AF_INET6 : AF_INET;
	level = family == AF_INET6 ? IPPROTO_IPV6 : IPPROTO_IP;
	ifindex = if_nametoindex(argv[1]);
	if (!ifindex) {
		fprintf(stderr, "mjoin: no interface \"%s\"\n", argv[1]);
		return 2;
	}
	fd = socket(family, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("mjoin: socket");
		return 1;
	}
	memset(&gr, 0, sizeof(gr));
	gr.gr_interface = ifindex;
	parse_addr(family, argv[2], &gr.gr_group);
	memset(&gsr, 0, sizeof(gsr));
	gsr.gsr_interface = ifindex;
	gsr.gsr_group = gr.gr_group;
	if (!mode || !strcmp(mode, "exclude"))
		sockopt(fd, level, MCAST_JOIN_GROUP, &gr, sizeof(gr),
			"MCAST_JOIN_GROUP");
	for (i = 4; i < argc; i++) {
		parse_addr(family, argv[i], &gsr.gsr_source);
		if (!strcmp(mode, "include"))
			sockopt(fd, level, MCAST_JOIN_SOURCE_GROUP, &gsr,
				sizeof(gsr), "MCAST_JOIN_SOURCE_GROUP");
		else
			sockopt(fd, level, MCAST_BLOCK_SOURCE, &gsr,
				sizeof(gsr), "MCAST_BLOCK_SOURCE");
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	printf("joined\n");
	fflush(stdout);
	pause();
	close(fd);
	return 0;
}
