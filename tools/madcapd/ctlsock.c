// SPDX-License-Identifier: GPL-2.0
/*
 * The control socket (see ctlsock.h). Clients are served one datagram at
 * a time; at most CTLSOCK_MAX_CLIENTS are connected at once (more are
 * closed at once), and a client that cannot take its reply is dropped.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "ctl.h"
#include "ctlsock.h"
#include "log.h"

struct client {
	int fd;
	uid_t uid;
};

struct ctlsock {
	int fd;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	struct client cl[CTLSOCK_MAX_CLIENTS];
	unsigned int n;
	char in[MADCAP_CTL_MAX + 1];
	char out[MADCAP_CTL_MAX];
};

static bool in_use(const struct sockaddr_un *sa)
{
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	bool used;

	if (fd < 0)
		return false;
	used = !connect(fd, (const struct sockaddr *)sa, sizeof(*sa));
	close(fd);
	return used;
}

/**
 * ctlsock_open() - create and listen on the control socket
 * @out: set to the new state
 * @path: the socket's path; its directory must exist. A stale socket is
 *	replaced; one another madcapd listens on is not.
 *
 * Errors are logged.
 *
 * Return: 0, or a negative errno.
 */
int ctlsock_open(struct ctlsock **out, const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct ctlsock *c;
	mode_t old;
	int err;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		pr_err("control socket path too long: %s", path);
		return -ENAMETOOLONG;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if (in_use(&sa)) {
		pr_err("another madcapd listens on %s", path);
		return -EADDRINUSE;
	}
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	memcpy(c->path, path, strlen(path) + 1);
	c->fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC,
		       0);
	if (c->fd < 0)
		goto err;
	unlink(path);
	old = umask(0177);
	err = bind(c->fd, (struct sockaddr *)&sa, sizeof(sa));
	umask(old);
	if (err || chmod(path, 0600) || listen(c->fd, 8))
		goto err;
	*out = c;
	return 0;
err:
	err = -errno;
	pr_err("control socket %s: %s", path, strerror(errno));
	if (c->fd >= 0)
		close(c->fd);
	free(c);
	return err;
}

static void drop(struct ctlsock *c, unsigned int i)
{
	close(c->cl[i].fd);
	c->cl[i] = c->cl[--c->n];
}

/**
 * ctlsock_close() - close the clients and the socket, remove its path
 *	(NULL is fine)
 * @c: the state
 */
void ctlsock_close(struct ctlsock *c)
{
	if (!c)
		return;
	while (c->n)
		drop(c, 0);
	close(c->fd);
	unlink(c->path);
	free(c);
}

/**
 * ctlsock_pollfds() - fill in what to poll: the socket, then each client
 * @c: the state
 * @pf: room for 1 + CTLSOCK_MAX_CLIENTS entries
 *
 * Return: the number of entries filled in.
 */
unsigned int ctlsock_pollfds(const struct ctlsock *c, struct pollfd *pf)
{
	unsigned int i;

	pf[0] = (struct pollfd){ .fd = c->fd, .events = POLLIN };
	for (i = 0; i < c->n; i++)
		pf[i + 1] = (struct pollfd){ .fd = c->cl[i].fd,
					     .events = POLLIN };
	return c->n + 1;
}

static void accept_client(struct ctlsock *c)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);
	int fd;

	fd = accept4(c->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0)
		return;
	if (c->n == CTLSOCK_MAX_CLIENTS ||
	    getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len)) {
		pr_warn("control client refused (%u connected)", c->n);
		close(fd);
		return;
	}
	c->cl[c->n].fd = fd;
	c->cl[c->n].uid = cred.uid;
	c->n++;
}

/* Answer one request of client @i; false when the client should go. */
static bool answer(struct ctlsock *c, unsigned int i, struct server *s)
{
	struct iovec iov = { .iov_base = c->in, .iov_len = sizeof(c->in) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;
	size_t len;

	n = recvmsg(c->cl[i].fd, &mh, 0);
	if (n < 0)
		return errno == EAGAIN || errno == EINTR;
	if (!n)
		return false;
	if (n > MADCAP_CTL_MAX || (mh.msg_flags & MSG_TRUNC)) {
		len = snprintf(c->out, sizeof(c->out), "{\"ok\":false,\"error\":\"The request is larger than %d bytes.\"}",
			       MADCAP_CTL_MAX);
	} else {
		len = control_handle(s, c->in, n, c->cl[i].uid, time(NULL),
				     c->out, sizeof(c->out));
	}
	return send(c->cl[i].fd, c->out, len, MSG_NOSIGNAL | MSG_DONTWAIT) ==
	       (ssize_t)len;
}

/**
 * ctlsock_serve() - act on what poll() reported
 * @c: the state
 * @pf: the entries ctlsock_pollfds() filled in, with their revents
 * @n: their number
 * @s: the server the requests are about
 */
void ctlsock_serve(struct ctlsock *c, const struct pollfd *pf,
		   unsigned int n, struct server *s)
{
	unsigned int i;

	/* Clients from the last, so that dropping one moves none unseen. */
	for (i = n - 1; i >= 1; i--) {
		if (!pf[i].revents)
			continue;
		if (((pf[i].revents & POLLIN) && answer(c, i - 1, s)) ||
		    !(pf[i].revents & (POLLERR | POLLHUP | POLLNVAL | POLLIN)))
			continue;
		drop(c, i - 1);
	}
	if (pf[0].revents & POLLIN)
		accept_client(c);
}
