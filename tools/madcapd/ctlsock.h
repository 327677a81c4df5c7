/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The control socket (AF_UNIX, SOCK_SEQPACKET, mode 0600) and its
 * clients; each request datagram is answered by control_handle().
 */
#ifndef MADCAPD_CTLSOCK_H
#define MADCAPD_CTLSOCK_H

#include <poll.h>

#include "control.h"
#include "server.h"

#define CTLSOCK_PATH		MADCAP_CTL_PATH
#define CTLSOCK_MAX_CLIENTS	16

struct ctlsock;

int ctlsock_open(struct ctlsock **out, const char *path);
void ctlsock_close(struct ctlsock *c);
unsigned int ctlsock_pollfds(const struct ctlsock *c, struct pollfd *pf);
void ctlsock_serve(struct ctlsock *c, const struct pollfd *pf,
		   unsigned int n, struct server *s);

#endif /* MADCAPD_CTLSOCK_H */
