// SPDX-License-Identifier: GPL-2.0
/*
 * madcapd's UDP side (see net.h).
 *
 * Replies leave from the address the request was sent to; for a request
 * sent to a group, from the receiving interface's address: for IPv4 the
 * kernel's choice (IP_PKTINFO's ipi_spec_dst, which is also the
 * destination of a unicast request), for IPv6 the interface's first
 * global address, else its link-local one.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "net.h"

#ifndef IPV6_MULTICAST_ALL
#define IPV6_MULTICAST_ALL	29
#endif

struct laddr {
	int ifindex;
	struct madcap_addr a;
};

struct member {
	struct madcap_addr group;
	int ifindex;
	bool joined, wanted, logged;
};

struct net {
	int fd4, fd6;
	char (*names)[IFNAMSIZ];
	unsigned int n_names;
	bool missing[NET_MAX_IFACES];
	int ifs[NET_MAX_IFACES];
	unsigned int n_ifs;
	struct laddr *addrs;
	unsigned int n_addrs;
	struct member *mem;
	unsigned int n_mem;
};

static int open_socket(int family, uint16_t port)
{
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	int fd, one = 1, zero = 0;
	socklen_t len;

	fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	/* No SO_REUSEADDR: a second server on the port is refused at bind. */
	if (family == AF_INET) {
		setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &one, sizeof(one));
		/* Only the groups this socket joined, not the host's. */
		setsockopt(fd, IPPROTO_IP, IP_MULTICAST_ALL, &zero, sizeof(zero));
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		len = sizeof(*s4);
	} else {
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_ALL, &zero,
			   sizeof(zero));
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		len = sizeof(*s6);
	}
	if (bind(fd, (struct sockaddr *)&ss, len)) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

/**
 * net_open() - open the sockets and find the interfaces
 * @out: set to the new state
 * @port: UDP port (MADCAP_PORT but in tests)
 * @ifnames: interfaces to serve, or NULL for every multicast-capable one
 * @n_ifnames: entries in @ifnames, at most NET_MAX_IFACES
 *
 * IPv6 is optional: without it madcapd serves IPv4 only. Errors are
 * logged.
 *
 * Return: 0, or a negative errno.
 */
int net_open(struct net **out, uint16_t port, char *const *ifnames,
	     unsigned int n_ifnames)
{
	struct net *n = calloc(1, sizeof(*n));
	unsigned int i;

	if (!n || n_ifnames > NET_MAX_IFACES)
		goto err_mem;
	n->names = calloc(n_ifnames ? n_ifnames : 1, sizeof(*n->names));
	if (!n->names)
		goto err_mem;
	for (i = 0; i < n_ifnames; i++)
		snprintf(n->names[i], IFNAMSIZ, "%s", ifnames[i]);
	n->n_names = n_ifnames;
	n->fd6 = -1;
	n->fd4 = open_socket(AF_INET, port);
	if (n->fd4 < 0) {
		pr_err("UDP port %u (IPv4): %s", port, strerror(-n->fd4));
		free(n->names);
		free(n);
		return -EADDRINUSE;
	}
	n->fd6 = open_socket(AF_INET6, port);
	if (n->fd6 < 0) {
		pr_warn("UDP port %u (IPv6): %s; serving IPv4 only", port,
			strerror(-n->fd6));
		n->fd6 = -1;
	}
	net_rescan(n);
	*out = n;
	return 0;

err_mem:
	if (n)
		free(n->names);
	free(n);
	return -ENOMEM;
}

/**
 * net_close() - leave every group, close the sockets, free @n (NULL is fine)
 * @n: the state
 */
void net_close(struct net *n)
{
	if (!n)
		return;
	net_sync(n, NULL, 0);
	close(n->fd4);
	if (n->fd6 >= 0)
		close(n->fd6);
	free(n->mem);
	free(n->addrs);
	free(n->names);
	free(n);
}

/**
 * net_fds() - the sockets to poll
 * @n: the state
 * @fd4: set to the IPv4 socket
 * @fd6: set to the IPv6 socket, or -1
 */
void net_fds(const struct net *n, int *fd4, int *fd6)
{
	*fd4 = n->fd4;
	*fd6 = n->fd6;
}

static bool to_addr(const struct sockaddr *sa, struct madcap_addr *a,
		    uint16_t *port)
{
	memset(a, 0, sizeof(*a));
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s = (const void *)sa;

		a->af = MADCAP_AF_IPV4;
		a->v4 = s->sin_addr;
		if (port)
			*port = ntohs(s->sin_port);
		return true;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *s = (const void *)sa;

		a->af = MADCAP_AF_IPV6;
		a->v6 = s->sin6_addr;
		if (port)
			*port = ntohs(s->sin6_port);
		return true;
	}
	return false;
}

static void scan_addrs(struct net *n, struct ifaddrs *ifa)
{
	unsigned int cap = 0;
	struct ifaddrs *i;

	for (i = ifa; i; i = i->ifa_next)
		cap++;
	free(n->addrs);
	n->n_addrs = 0;
	n->addrs = calloc(cap ? cap : 1, sizeof(*n->addrs));
	if (!n->addrs)
		return;
	for (i = ifa; i; i = i->ifa_next) {
		char name[IFNAMSIZ], *colon;
		struct laddr *l = &n->addrs[n->n_addrs];

		if (!i->ifa_addr || !to_addr(i->ifa_addr, &l->a, NULL))
			continue;
		/* IPv4 labels ("eth0:1") name their interface first. */
		snprintf(name, sizeof(name), "%s", i->ifa_name);
		colon = strchr(name, ':');
		if (colon)
			*colon = '\0';
		l->ifindex = if_nametoindex(name);
		if (l->ifindex)
			n->n_addrs++;
	}
}

static void scan_ifaces(struct net *n, struct ifaddrs *ifa)
{
	struct ifaddrs *i;
	unsigned int k;

	n->n_ifs = 0;
	for (k = 0; k < n->n_names; k++) {
		int idx = if_nametoindex(n->names[k]);

		if (!idx) {
			if (!n->missing[k])
				pr_warn("interface %s does not exist (yet)",
					n->names[k]);
			n->missing[k] = true;
			continue;
		}
		if (n->missing[k])
			pr_info("interface %s appeared", n->names[k]);
		n->missing[k] = false;
		n->ifs[n->n_ifs++] = idx;
	}
	if (n->n_names)
		return;
	for (i = ifa; i && n->n_ifs < NET_MAX_IFACES; i = i->ifa_next) {
		if (!i->ifa_addr || i->ifa_addr->sa_family != AF_PACKET ||
		    !(i->ifa_flags & IFF_UP) || !(i->ifa_flags & IFF_MULTICAST) ||
		    (i->ifa_flags & IFF_LOOPBACK))
			continue;
		n->ifs[n->n_ifs] = if_nametoindex(i->ifa_name);
		if (n->ifs[n->n_ifs])
			n->n_ifs++;
	}
}

/**
 * net_rescan() - read the interfaces and their addresses again
 * @n: the state
 *
 * Call net_sync() afterwards to follow interfaces that came or went.
 */
void net_rescan(struct net *n)
{
	struct ifaddrs *ifa;

	if (getifaddrs(&ifa)) {
		pr_warn("getifaddrs: %s", strerror(errno));
		return;
	}
	scan_addrs(n, ifa);
	scan_ifaces(n, ifa);
	freeifaddrs(ifa);
}

static int membership(struct net *n, const struct member *m, bool join)
{
	if (m->group.af == MADCAP_AF_IPV4) {
		struct ip_mreqn mr = {
			.imr_multiaddr = m->group.v4,
			.imr_ifindex = m->ifindex,
		};

		return setsockopt(n->fd4, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP :
				  IP_DROP_MEMBERSHIP, &mr, sizeof(mr));
	} else {
		struct ipv6_mreq mr = {
			.ipv6mr_multiaddr = m->group.v6,
			.ipv6mr_interface = m->ifindex,
		};

		return setsockopt(n->fd6, IPPROTO_IPV6, join ?
				  IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP,
				  &mr, sizeof(mr));
	}
}

static void want(struct net *n, const struct madcap_addr *g, int ifindex)
{
	struct member *m;
	unsigned int i;

	for (i = 0; i < n->n_mem; i++) {
		if (n->mem[i].ifindex == ifindex &&
		    !madcap_addr_cmp(&n->mem[i].group, g)) {
			n->mem[i].wanted = true;
			return;
		}
	}
	m = realloc(n->mem, (n->n_mem + 1) * sizeof(*m));
	if (!m)
		return;
	n->mem = m;
	m = &n->mem[n->n_mem++];
	memset(m, 0, sizeof(*m));
	m->group = *g;
	m->ifindex = ifindex;
	m->wanted = true;
}

/**
 * net_sync() - be a member of exactly @groups on every served interface
 * @n: the state
 * @groups: the groups (IPv4 and IPv6)
 * @n_groups: entries in @groups; 0 leaves every group
 *
 * A join that fails is logged once and retried at the next call.
 */
void net_sync(struct net *n, const struct madcap_addr *groups,
	      unsigned int n_groups)
{
	char t[INET6_ADDRSTRLEN], name[IFNAMSIZ];
	unsigned int g, i, k;

	for (i = 0; i < n->n_mem; i++)
		n->mem[i].wanted = false;
	for (g = 0; g < n_groups; g++) {
		if (groups[g].af == MADCAP_AF_IPV6 && n->fd6 < 0)
			continue;
		for (i = 0; i < n->n_ifs; i++)
			want(n, &groups[g], n->ifs[i]);
	}
	for (i = k = 0; i < n->n_mem; i++) {
		struct member *m = &n->mem[i];

		if (m->wanted && !m->joined) {
			if (!membership(n, m, true) || errno == EADDRINUSE) {
				m->joined = true;
			} else if (!m->logged) {
				pr_warn("cannot join %s on %s: %s%s",
					madcap_addr_str(&m->group, t, sizeof(t)),
					if_indextoname(m->ifindex, name) ?: "?",
					strerror(errno), errno == ENOBUFS ?
					" (see sysctl net.ipv4.igmp_max_memberships)" :
					"");
				m->logged = true;
			}
		}
		if (!m->wanted) {
			if (m->joined)
				membership(n, m, false);
			continue;
		}
		n->mem[k++] = *m;
	}
	n->n_mem = k;
}

/* Our address on @ifindex of family @af, preferring a global one. */
static bool iface_addr(const struct net *n, int ifindex, uint16_t af,
		       struct madcap_addr *out)
{
	bool found = false;
	unsigned int i;

	for (i = 0; i < n->n_addrs; i++) {
		const struct laddr *l = &n->addrs[i];

		if (l->ifindex != ifindex || l->a.af != af)
			continue;
		if (af == MADCAP_AF_IPV6 &&
		    IN6_IS_ADDR_LINKLOCAL(&l->a.v6)) {
			if (!found)
				*out = l->a;
			found = true;
			continue;
		}
		*out = l->a;
		return true;
	}
	return found;
}

/**
 * net_recv() - read one datagram from @fd
 * @n: the state
 * @fd: one of the sockets
 * @buf: where to put it
 * @size: room at @buf (a datagram that does not fit is cut to @size)
 * @from: filled in: who sent it, to which of our addresses
 *
 * Return: its length; -EAGAIN when there is none; -EADDRNOTAVAIL when no
 * address of ours can answer it (it came to a group on an interface
 * without an address); another negative errno.
 */
int net_recv(struct net *n, int fd, void *buf, size_t size,
	     struct net_from *from)
{
	union {
		char b[CMSG_SPACE(sizeof(struct in6_pktinfo)) +
		       CMSG_SPACE(sizeof(struct in_pktinfo))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { .iov_base = buf, .iov_len = size };
	struct msghdr mh = {
		.msg_name = &from->src, .msg_namelen = sizeof(from->src),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = ctl.b, .msg_controllen = sizeof(ctl.b),
	};
	struct server_peer *p = &from->peer;
	struct madcap_addr dst = { 0 };
	struct cmsghdr *c;
	ssize_t len;

	len = recvmsg(fd, &mh, 0);
	if (len < 0)
		return -errno;
	memset(p, 0, sizeof(*p));
	from->fd = fd;
	from->src_len = mh.msg_namelen;
	from->ifindex = 0;
	if (!to_addr((struct sockaddr *)&from->src, &p->addr, &p->port))
		return -EAFNOSUPPORT;
	for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
		if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
			struct in_pktinfo pi;

			memcpy(&pi, CMSG_DATA(c), sizeof(pi));
			from->ifindex = pi.ipi_ifindex;
			dst.af = MADCAP_AF_IPV4;
			dst.v4 = pi.ipi_addr;
			p->multicast = IN_MULTICAST(ntohl(pi.ipi_addr.s_addr));
			/* The destination, or for a group the kernel's pick. */
			p->local.af = MADCAP_AF_IPV4;
			p->local.v4 = pi.ipi_spec_dst;
		} else if (c->cmsg_level == IPPROTO_IPV6 &&
			   c->cmsg_type == IPV6_PKTINFO) {
			struct in6_pktinfo pi;

			memcpy(&pi, CMSG_DATA(c), sizeof(pi));
			from->ifindex = pi.ipi6_ifindex;
			dst.af = MADCAP_AF_IPV6;
			dst.v6 = pi.ipi6_addr;
			p->multicast = IN6_IS_ADDR_MULTICAST(&pi.ipi6_addr);
			if (!p->multicast)
				p->local = dst;
		}
	}
	if (!dst.af)
		return -EADDRNOTAVAIL;
	if (dst.af == MADCAP_AF_IPV4 && !p->local.v4.s_addr &&
	    !iface_addr(n, from->ifindex, MADCAP_AF_IPV4, &p->local))
		return -EADDRNOTAVAIL;
	if (dst.af == MADCAP_AF_IPV6 && p->multicast &&
	    !iface_addr(n, from->ifindex, MADCAP_AF_IPV6, &p->local))
		return -EADDRNOTAVAIL;
	return len;
}

/**
 * net_send() - send a reply to where a request came from
 * @n: the state
 * @from: as net_recv() filled it
 * @buf: the reply
 * @len: its length
 *
 * Return: 0, or a negative errno.
 */
int net_send(struct net *n, const struct net_from *from, const void *buf,
	     size_t len)
{
	union {
		char b[CMSG_SPACE(sizeof(struct in6_pktinfo))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr mh = {
		.msg_name = (void *)&from->src, .msg_namelen = from->src_len,
		.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.b,
	};
	const struct madcap_addr *local = &from->peer.local;
	struct cmsghdr *c;

	(void)n;
	memset(&ctl, 0, sizeof(ctl));
	c = (struct cmsghdr *)ctl.b;
	if (from->peer.addr.af == MADCAP_AF_IPV4) {
		struct in_pktinfo pi = { .ipi_spec_dst = local->v4 };

		c->cmsg_level = IPPROTO_IP;
		c->cmsg_type = IP_PKTINFO;
		c->cmsg_len = CMSG_LEN(sizeof(pi));
		memcpy(CMSG_DATA(c), &pi, sizeof(pi));
		mh.msg_controllen = CMSG_SPACE(sizeof(pi));
	} else {
		struct in6_pktinfo pi = { .ipi6_addr = local->v6 };

		if (IN6_IS_ADDR_LINKLOCAL(&local->v6) ||
		    IN6_IS_ADDR_LINKLOCAL(&from->peer.addr.v6))
			pi.ipi6_ifindex = from->ifindex;
		c->cmsg_level = IPPROTO_IPV6;
		c->cmsg_type = IPV6_PKTINFO;
		c->cmsg_len = CMSG_LEN(sizeof(pi));
		memcpy(CMSG_DATA(c), &pi, sizeof(pi));
		mh.msg_controllen = CMSG_SPACE(sizeof(pi));
	}
	if (sendmsg(from->fd, &mh, 0) < 0)
		return -errno;
	return 0;
}

/**
 * net_is_local() - whether @a is one of this host's addresses
 * @a: the address
 * @ctx: the struct net
 *
 * Return: true if an interface has it (as of the last rescan).
 */
bool net_is_local(const struct madcap_addr *a, void *ctx)
{
	const struct net *n = ctx;
	unsigned int i;

	for (i = 0; i < n->n_addrs; i++)
		if (!madcap_addr_cmp(&n->addrs[i].a, a))
			return true;
	return false;
}
