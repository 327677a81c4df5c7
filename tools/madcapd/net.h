/* SPDX-License-Identifier: GPL-2.0 */
/*
 * madcapd's UDP side: one IPv4 and one IPv6 socket on the MADCAP port,
 * the interfaces and their addresses, and group memberships (each group
 * on each interface: the --interface ones, or every multicast-capable
 * interface that is up).
 */
#ifndef MADCAPD_NET_H
#define MADCAPD_NET_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "server.h"

#define NET_MAX_IFACES	64

struct net;

/**
 * struct net_from - where a datagram came from, for the reply
 * @fd: the socket it came on
 * @src: the client's address and port
 * @src_len: length of @src
 * @ifindex: the interface it came in on
 * @peer: the same, as the protocol sees it
 */
struct net_from {
	int fd;
	struct sockaddr_storage src;
	socklen_t src_len;
	int ifindex;
	struct server_peer peer;
};

int net_open(struct net **out, uint16_t port, char *const *ifnames,
	     unsigned int n_ifnames);
void net_close(struct net *n);
void net_fds(const struct net *n, int *fd4, int *fd6);
void net_rescan(struct net *n);
void net_sync(struct net *n, const struct madcap_addr *groups,
	      unsigned int n_groups);
int net_recv(struct net *n, int fd, void *buf, size_t size,
	     struct net_from *from);
int net_send(struct net *n, const struct net_from *from, const void *buf,
	     size_t len);
bool net_is_local(const struct madcap_addr *a, void *ctx);

#endif /* MADCAPD_NET_H */
