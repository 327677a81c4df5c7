// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: a MADCAP client (RFC 2730) over UDP.
 *
 *   mcastctl madcap getinfo [ server ADDR ] [ family inet|inet6 ] ...
 *   mcastctl madcap request [ scope ID|NAME ] [ count MIN[-MAX] ]
 *                           [ lease DUR ] [ start TIME ] [ server ADDR ] ...
 *   mcastctl madcap renew LEASE-ID [ lease DUR ] [ server ADDR ] ...
 *   mcastctl madcap release LEASE-ID [ server ADDR ] ...
 *
 * How a lease is acquired (RFC 2730):
 *   - without "server": GETINFO to the MADCAP address of the IPv4 local
 *     scope (239.255.255.254) for the scope list, DISCOVER to the chosen
 *     scope's MADCAP address (its last address minus 1), then REQUEST to
 *     the same group naming the first server that offered. IPv6 has no
 *     published MADCAP address: "group ADDR" gives it (it also replaces
 *     the IPv4 ones).
 *   - with "server": everything unicast, GETINFO only when the scope is
 *     not given by its ID, then REQUEST.
 * Replies come back unicast to the port the request left from. Each
 * transaction has a random xid and is sent at t, t+4, t+12 and t+28 s
 * and given up at t+60 s; "timeout SEC" scales that schedule. Requests
 * carry the Current Time option (shifted by "skew SEC", a test aid) and,
 * with "require-feature N", a Feature List requiring N.
 *
 * The client picks the Lease Identifier (16 random bytes, printed in
 * lowercase hex) and remembers each acknowledged lease in a small JSON file
 * named after it in $MCASTCTL_MADCAP_DIR (default
 * /var/lib/mcast_router/madcap-client), written through a temporary file
 * and rename(), so that renew and release find the server without being
 * told. release deletes the file.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <json-c/json.h>

#include "madcap_cli.h"
#include "mcastctl.h"
#include "print.h"
#include "utils.h"

/* The MADCAP address of the IPv4 Local Scope, 239.255.0.0/16 [RFC 2365]. */
#define MADCAP_V4_LOCAL_GROUP	"239.255.255.254"
/* RFC 2730 appendix B: retransmissions and the time to give up. */
#define MADCAP_GIVE_UP_MS	60000
/* The most addresses one lease may list: a count is a u16. */
#define MADCAP_MAX_GRANTED	65535

enum {
	V_GETINFO = 1,
	V_REQUEST = 2,
	V_RENEW = 4,
	V_RELEASE = 8,
	V_ALL = V_GETINFO | V_REQUEST | V_RENEW | V_RELEASE,
};

struct client {
	const char *verb;		/* for messages */
	/* where and how */
	int family;			/* AF_INET, AF_INET6 or AF_UNSPEC */
	bool have_server, have_group;
	struct madcap_addr server, group;
	const char *dev;
	unsigned int ifindex;
	uint16_t port;
	uint32_t timeout_ms;
	int ttl;			/* multicast TTL/hops; -1: default */
	int64_t skew;
	unsigned int n_require;
	uint16_t require[MADCAP_MAX_FEATURES];
	/* what */
	const char *scope;		/* ID or NAME; NULL: the first */
	uint16_t num_min, num_desired;
	bool have_lease, have_start;
	uint32_t lease;
	int64_t start;
	uint8_t lease_id[MADCAP_MAX_LEASE_ID];
	unsigned int lease_id_len;
	/* the socket */
	int fd;
};

/* A lease as the client remembers it and prints it. */
struct lease {
	uint8_t id[MADCAP_MAX_LEASE_ID];
	unsigned int id_len;
	struct madcap_addr server;	/* Server Identifier (unicast) */
	uint16_t port;
	char dev[IF_NAMESIZE];
	bool have_scope;
	struct madcap_addr scope;
	uint32_t lease_time;
	int64_t start, end;
	unsigned int n_addrs;
	struct madcap_addr *addrs;
};

/**
 * madcap_client_usage() - print the usage of the client commands
 * @fp: stream
 */
void madcap_client_usage(FILE *fp)
{
	fputs("Usage: mcastctl madcap getinfo [ server ADDR ] [ group ADDR ] [ family { inet | inet6 } ]\n"
	      "       mcastctl madcap request [ scope { ID | NAME } ] [ count MIN[-MAX] ]\n"
	      "           [ lease DUR ] [ start TIME ] [ server ADDR ] [ group ADDR ]\n"
	      "           [ family { inet | inet6 } ]\n"
	      "       mcastctl madcap renew LEASE-ID [ lease DUR ] [ server ADDR ]\n"
	      "       mcastctl madcap release LEASE-ID [ server ADDR ]\n"
	      "CLIENT-OPTIONS, after any client command: [ port N ] [ timeout SEC ]\n"
	      "           [ dev DEV ] [ ttl N ] [ skew SEC ] [ require-feature N ]...\n"
	      "Without server, getinfo and request go multicast (IPv4: 239.255.255.254,\n"
	      "then the scope's last address minus 1; IPv6 needs group ADDR). request\n"
	      "prints the lease identifier, remembered in $MCASTCTL_MADCAP_DIR\n"
	      "(default " MADCAP_CLIENT_DIR ") for renew and release.\n"
	      "timeout SEC (default 60) scales the retransmissions at 0, 4, 12, 28 s.\n"
	      "skew SEC shifts the Current Time sent; require-feature N requires\n"
	      "feature N of the server (both test aids).\n",
	      fp);
}

/* ---- options ------------------------------------------------------------ */

static int bad_value(const char *kw, const char *val, const char *why)
{
	fprintf(stderr, "Error: invalid %s \"%s\": %s\n", kw, val, why);
	return -1;
}

/* Settle the family; @kw and @val (the words that imply it) for errors. */
static int set_family(struct client *c, int family, const char *kw,
		      const char *val)
{
	if (c->family != AF_UNSPEC && c->family != family) {
		fprintf(stderr, "Error: %s %s does not match the family given before (%s)\n",
			kw, val, c->family == AF_INET6 ? "inet6" : "inet");
		return -1;
	}
	c->family = family;
	return 0;
}

static int af_of(const struct madcap_addr *a)
{
	return a->af == MADCAP_AF_IPV6 ? AF_INET6 : AF_INET;
}

struct client_kw {
	const char *name;
	unsigned int verbs;		/* V_* accepting it */
};

static const struct client_kw client_kws[] = {
	{ "scope", V_REQUEST },
	{ "count", V_REQUEST },
	{ "lease", V_REQUEST | V_RENEW },
	{ "start", V_REQUEST },
	{ "server", V_ALL },
	{ "group", V_GETINFO | V_REQUEST },
	{ "family", V_GETINFO | V_REQUEST },
	{ "port", V_ALL },
	{ "timeout", V_ALL },
	{ "dev", V_ALL },
	{ "ttl", V_GETINFO | V_REQUEST },
	{ "skew", V_ALL },
	{ "require-feature", V_ALL },
	{ NULL, 0 },
};

static int parse_kw(struct client *c, const char *kw, const char *val)
{
	const char *why = NULL;
	struct madcap_addr a;
	uint64_t v;

	if (!strcmp(kw, "scope")) {
		if (!*val)
			return bad_value(kw, val, "empty value");
		c->scope = val;
	} else if (!strcmp(kw, "count")) {
		if (madcap_parse_count(val, &c->num_min, &c->num_desired, &why))
			return bad_value(kw, val, why);
	} else if (!strcmp(kw, "lease")) {
		if (madcap_parse_dur(val, &c->lease, &why))
			return bad_value(kw, val, why);
		c->have_lease = true;
	} else if (!strcmp(kw, "start")) {
		if (madcap_parse_time(val, false, &c->start, &why))
			return bad_value(kw, val, why);
		c->have_start = true;
	} else if (!strcmp(kw, "server") || !strcmp(kw, "group")) {
		if (madcap_text_addr(val, &a))
			return bad_value(kw, val, "not an IPv4 or IPv6 address");
		if (set_family(c, af_of(&a), kw, val))
			return -1;
		if (kw[0] == 's') {
			c->server = a;
			c->have_server = true;
		} else {
			c->group = a;
			c->have_group = true;
		}
	} else if (!strcmp(kw, "family")) {
		if (strcmp(val, "inet") && strcmp(val, "inet6"))
			return bad_value(kw, val, "expected \"inet\" or \"inet6\"");
		return set_family(c, val[4] ? AF_INET6 : AF_INET, kw, val);
	} else if (!strcmp(kw, "port")) {
		if (parse_uint(val, 1, 65535, &v, &why))
			return bad_value(kw, val, why);
		c->port = (uint16_t)v;
	} else if (!strcmp(kw, "timeout")) {
		if (madcap_parse_timeout(val, &c->timeout_ms, &why))
			return bad_value(kw, val, why);
	} else if (!strcmp(kw, "dev")) {
		if (!*val)
			return bad_value(kw, val, "empty device name");
		c->dev = val;
	} else if (!strcmp(kw, "ttl")) {
		if (parse_uint(val, 1, 255, &v, &why))
			return bad_value(kw, val, why);
		c->ttl = (int)v;
	} else if (!strcmp(kw, "skew")) {
		if (madcap_parse_skew(val, &c->skew, &why))
			return bad_value(kw, val, why);
	} else if (!strcmp(kw, "require-feature")) {
		if (parse_uint(val, 0, 65535, &v, &why))
			return bad_value(kw, val, why);
		if (c->n_require == MADCAP_MAX_FEATURES) {
			fprintf(stderr, "Error: at most %d require-feature\n",
				MADCAP_MAX_FEATURES);
			return -1;
		}
		c->require[c->n_require++] = (uint16_t)v;
	}
	return 0;
}

/*
 * Parse the arguments of @verb (one of V_*); with @want_id the first is
 * the LEASE-ID. "help" anywhere prints the usage (returns 1).
 */
static int client_parse(struct client *c, unsigned int verb, bool want_id,
			int argc, char **argv)
{
	const char *seen[sizeof(client_kws) / sizeof(client_kws[0])] = { 0 };
	const char *why = NULL;
	int i = 0;

	c->family = mcastctl_opts.family;
	c->port = MADCAP_PORT;
	c->timeout_ms = MADCAP_GIVE_UP_MS;
	c->ttl = -1;
	c->num_min = 1;
	c->num_desired = 1;
	c->fd = -1;
	for (int j = 0; j < argc; j++) {
		if (is_help(argv[j])) {
			madcap_client_usage(stdout);
			return 1;
		}
	}
	if (want_id) {
		if (argc < 1) {
			fprintf(stderr, "Error: missing LEASE-ID; try \"mcastctl madcap help\"\n");
			return -1;
		}
		if (madcap_parse_lease_id(argv[0], c->lease_id, &c->lease_id_len,
					  &why))
			return bad_value("LEASE-ID", argv[0], why);
		i = 1;
	}
	for (; i < argc; i++) {
		const struct client_kw *kw;
		size_t k;

		for (k = 0; client_kws[k].name; k++)
			if (!strcmp(client_kws[k].name, argv[i]))
				break;
		kw = &client_kws[k];
		if (!kw->name || !(kw->verbs & verb)) {
			fprintf(stderr, "Error: unknown keyword \"%s\" for \"madcap %s\"; try \"mcastctl madcap help\"\n",
				argv[i], c->verb);
			return -1;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "Error: missing value for \"%s\"\n", argv[i]);
			return -1;
		}
		if (seen[k] && strcmp(kw->name, "require-feature")) {
			fprintf(stderr, "Error: \"%s\" given more than once\n", argv[i]);
			return -1;
		}
		seen[k] = argv[i];
		if (parse_kw(c, argv[i], argv[i + 1]))
			return -1;
		i++;
	}
	if (c->dev && get_ifindex(c->dev, &c->ifindex)) {
		fprintf(stderr, "Error: no such device \"%s\"\n", c->dev);
		return -1;
	}
	return 0;
}

/* ---- time and transactions ---------------------------------------------- */

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/**
 * madcap_client_schedule() - when a request is (re)sent
 * @timeout_ms: when the client gives up (60 s by RFC 2730)
 * @at_ms: set to the send times, from the first send
 * @max: room in @at_ms
 *
 * RFC 2730's t, t+4, t+12, t+28 s for a 60 s timeout, in proportion for
 * another one.
 *
 * Return: the number of sends (at most @max).
 */
unsigned int madcap_client_schedule(uint32_t timeout_ms, uint32_t *at_ms,
				    unsigned int max)
{
	static const uint32_t rfc_ms[] = { 0, 4000, 12000, 28000 };
	unsigned int n = 0;

	for (; n < max && n < sizeof(rfc_ms) / sizeof(rfc_ms[0]); n++)
		at_ms[n] = (uint32_t)((uint64_t)rfc_ms[n] * timeout_ms /
				      MADCAP_GIVE_UP_MS);
	return n;
}

static void to_sockaddr(const struct client *c, const struct madcap_addr *a,
			struct sockaddr_storage *ss, socklen_t *len)
{
	memset(ss, 0, sizeof(*ss));
	if (a->af == MADCAP_AF_IPV6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(c->port);
		s6->sin6_addr = a->v6;
		if (IN6_IS_ADDR_LINKLOCAL(&a->v6) ||
		    IN6_IS_ADDR_MC_LINKLOCAL(&a->v6))
			s6->sin6_scope_id = c->ifindex;
		*len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons(c->port);
		s4->sin_addr = a->v4;
		*len = sizeof(*s4);
	}
}

static void from_sockaddr(const struct sockaddr_storage *ss,
			  struct madcap_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (ss->ss_family == AF_INET6) {
		a->af = MADCAP_AF_IPV6;
		a->v6 = ((const struct sockaddr_in6 *)ss)->sin6_addr;
	} else {
		a->af = MADCAP_AF_IPV4;
		a->v4 = ((const struct sockaddr_in *)ss)->sin_addr;
	}
}

static int client_socket(struct client *c)
{
	struct sockaddr_storage ss;
	struct madcap_addr any = { .af = c->family == AF_INET6 ?
					 MADCAP_AF_IPV6 : MADCAP_AF_IPV4 };
	socklen_t len;
	uint16_t port = c->port;

	c->fd = socket(c->family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (c->fd < 0) {
		fprintf(stderr, "Error: socket: %s\n", strerror(errno));
		return -1;
	}
	/* An ephemeral port: replies come back to it, unicast. */
	c->port = 0;
	to_sockaddr(c, &any, &ss, &len);
	c->port = port;
	if (bind(c->fd, (struct sockaddr *)&ss, len)) {
		fprintf(stderr, "Error: bind: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/* Prepare the socket for sending to a multicast group with @ttl. */
static int multicast_setup(struct client *c, int ttl)
{
	if (c->ttl > 0)
		ttl = c->ttl;
	if (c->family == AF_INET6) {
		int hops = ttl, ifindex = (int)c->ifindex;

		if (setsockopt(c->fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops,
			       sizeof(hops)) ||
		    (ifindex && setsockopt(c->fd, IPPROTO_IPV6,
					   IPV6_MULTICAST_IF, &ifindex,
					   sizeof(ifindex))))
			goto err;
	} else {
		struct ip_mreqn mreq = { .imr_ifindex = (int)c->ifindex };
		unsigned char t = (unsigned char)ttl;

		if (setsockopt(c->fd, IPPROTO_IP, IP_MULTICAST_TTL, &t,
			       sizeof(t)) ||
		    (c->ifindex && setsockopt(c->fd, IPPROTO_IP,
					      IP_MULTICAST_IF, &mreq,
					      sizeof(mreq))))
			goto err;
	}
	return 0;
err:
	fprintf(stderr, "Error: cannot set up multicast: %s\n", strerror(errno));
	return -1;
}

/* Fill what every request of this client carries. */
static void msg_init(const struct client *c, struct madcap_msg *m,
		     uint8_t type)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
	m->af = c->family == AF_INET6 ? MADCAP_AF_IPV6 : MADCAP_AF_IPV4;
	if (type != MADCAP_GETINFO) {
		memcpy(m->lease_id, c->lease_id, c->lease_id_len);
		m->lease_id_len = c->lease_id_len;
		madcap_set(m, MADCAP_OPT_LEASE_ID);
		m->current_time = (int64_t)time(NULL) + c->skew;
		madcap_set(m, MADCAP_OPT_CURRENT_TIME);
	}
	for (unsigned int i = 0; i < c->n_require &&
	     m->features.n_required < MADCAP_MAX_FEATURES; i++)
		m->features.required[m->features.n_required++] = c->require[i];
	if (m->features.n_required)
		madcap_set(m, MADCAP_OPT_FEATURES);
}

/* Why a transaction ended without the reply wanted. */
enum {
	T_NAK = 1,		/* the reply is a NAK */
	T_TIMEOUT = 2,
};

/*
 * Send @req (a new random xid) to @dst and wait for the reply of type
 * @want with the same xid (and Lease Identifier, if the request has one),
 * retransmitting on RFC 2730's schedule. A NAK ends it too.
 *
 * Return: 0 (reply in *@rep, its source in *@from), T_NAK (the NAK in
 * *@rep), T_TIMEOUT, or -1 on a local error (printed).
 */
static int transact(struct client *c, const struct madcap_addr *dst,
		    struct madcap_msg *req, uint8_t want,
		    struct madcap_msg *rep, struct madcap_addr *from)
{
	uint8_t out[MADCAP_MAX_LEN], in[MADCAP_MAX_LEN + 1];
	struct sockaddr_storage to;
	uint32_t at[4];
	unsigned int n_sends, sent = 0;
	uint64_t t0;
	socklen_t tolen;
	int len;

	if (getrandom(&req->xid, sizeof(req->xid), 0) != sizeof(req->xid)) {
		fprintf(stderr, "Error: getrandom: %s\n", strerror(errno));
		return -1;
	}
	len = madcap_build(req, out, sizeof(out));
	if (len < 0) {
		fprintf(stderr, "Error: cannot build the %s message\n",
			madcap_type_name(req->type));
		return -1;
	}
	to_sockaddr(c, dst, &to, &tolen);
	n_sends = madcap_client_schedule(c->timeout_ms, at, 4);
	t0 = now_ms();
	for (;;) {
		uint64_t elapsed = now_ms() - t0, wake;
		struct sockaddr_storage src;
		socklen_t srclen = sizeof(src);
		struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
		ssize_t n;
		int ret;

		if (elapsed >= c->timeout_ms)
			return T_TIMEOUT;
		if (sent < n_sends && elapsed >= at[sent]) {
			if (sendto(c->fd, out, (size_t)len, 0,
				   (struct sockaddr *)&to, tolen) < 0 &&
			    !sent) {
				char buf[INET6_ADDRSTRLEN];

				fprintf(stderr, "Error: cannot send to %s: %s\n",
					madcap_addr_text(dst, buf, sizeof(buf)),
					strerror(errno));
				return -1;
			}
			sent++;
			continue;
		}
		wake = sent < n_sends ? at[sent] : c->timeout_ms;
		ret = poll(&pfd, 1, (int)(wake - elapsed));
		if (ret < 0 && errno != EINTR) {
			fprintf(stderr, "Error: poll: %s\n", strerror(errno));
			return -1;
		}
		if (ret <= 0)
			continue;
		n = recvfrom(c->fd, in, sizeof(in), MSG_DONTWAIT,
			     (struct sockaddr *)&src, &srclen);
		if (n < 0 || n > MADCAP_MAX_LEN)
			continue;
		if (madcap_parse(in, (size_t)n, rep) != MADCAP_PARSE_OK)
			continue;
		if (rep->xid != req->xid ||
		    (rep->type != want && rep->type != MADCAP_NAK))
			continue;
		if (madcap_has(req, MADCAP_OPT_LEASE_ID) &&
		    (!madcap_has(rep, MADCAP_OPT_LEASE_ID) ||
		     rep->lease_id_len != req->lease_id_len ||
		     memcmp(rep->lease_id, req->lease_id, req->lease_id_len)))
			continue;
		from_sockaddr(&src, from);
		return rep->type == MADCAP_NAK ? T_NAK : 0;
	}
}

/* Print why a transaction failed; returns the errno for the command. */
static int report(const struct client *c, int ret, const char *what,
		  const struct madcap_msg *rep)
{
	if (ret < 0)
		return -EIO;
	if (ret == T_TIMEOUT) {
		fprintf(stderr, "Error: no answer to %s after %" PRIu32 ".%03" PRIu32 " s\n",
			what, c->timeout_ms / 1000, c->timeout_ms % 1000);
		return -ETIMEDOUT;
	}
	if (madcap_has(rep, MADCAP_OPT_ERROR)) {
		fprintf(stderr, "Error: server refused: %s (%u)",
			madcap_err_name(rep->error), rep->error);
		if (madcap_has(rep, MADCAP_OPT_RETRY_TIME)) {
			char t[MADCAP_TIME_STRLEN];

			madcap_format_time(rep->retry_time, t, sizeof(t));
			fprintf(stderr, "; retry at %s", t);
		}
		fputc('\n', stderr);
	} else {
		fprintf(stderr, "Error: server refused %s without saying why\n",
			what);
	}
	return -EREMOTEIO;
}

/* ---- GETINFO ------------------------------------------------------------ */

/* Where GETINFO and DISCOVER go without "server": the group, if known. */
static int getinfo_group(const struct client *c, struct madcap_addr *g)
{
	if (c->have_group) {
		*g = c->group;
		return 0;
	}
	if (c->family == AF_INET6) {
		fprintf(stderr, "Error: IPv6 has no well-known MADCAP address: give server ADDR or group ADDR\n");
		return -1;
	}
	return madcap_text_addr(MADCAP_V4_LOCAL_GROUP, g);
}

/* GETINFO for the scope list; *@server is who answered. */
static int getinfo(struct client *c, struct madcap_msg *rep,
		   struct madcap_addr *server)
{
	struct madcap_msg *req = calloc(1, sizeof(*req));
	struct madcap_addr dst, from;
	bool multicast = !c->have_server;
	int ret;

	if (!req) {
		fprintf(stderr, "Error: out of memory\n");
		return -ENOMEM;
	}
	ret = -EINVAL;
	dst = c->server;
	if (multicast && (getinfo_group(c, &dst) || multicast_setup(c, 32)))
		goto out;
	msg_init(c, req, MADCAP_GETINFO);
	req->request[req->n_request++] = MADCAP_OPT_SCOPE_LIST;
	madcap_set(req, MADCAP_OPT_REQUEST_LIST);
	ret = transact(c, &dst, req, MADCAP_ACK, rep, &from);
	if (ret) {
		ret = report(c, ret, "GETINFO", rep);
		goto out;
	}
	if (madcap_has(rep, MADCAP_OPT_SERVER_ID))
		*server = rep->server_id;
	else
		*server = from;
	ret = 0;
out:
	free(req);
	return ret;
}

static void print_scope_list(const struct madcap_msg *rep,
			     const struct madcap_addr *server)
{
	char buf[INET6_ADDRSTRLEN];

	open_json_object(NULL);
	print_string(PRINT_ANY, "server", "server %s",
		     madcap_addr_text(server, buf, sizeof(buf)));
	print_text_end();
	open_json_array("scopes");
	for (unsigned int i = 0; i < rep->n_scopes; i++) {
		const struct madcap_scope_entry *e = &rep->scopes[i];
		char r[MADCAP_RANGE_STRLEN];

		open_json_object(NULL);
		madcap_format_range(&e->range, r, sizeof(r));
		print_string(PRINT_FP, NULL, "scope %s", r);
		print_string(PRINT_JSON, "first", NULL,
			     madcap_addr_text(&e->range.first, buf, sizeof(buf)));
		print_string(PRINT_JSON, "last", NULL,
			     madcap_addr_text(&e->range.last, buf, sizeof(buf)));
		print_uint(PRINT_ANY, "ttl", "ttl %u", e->ttl);
		open_json_array("names");
		for (unsigned int j = 0; j < e->n_names; j++) {
			open_json_object(NULL);
			print_string(PRINT_ANY, "name", "name \"%s\"",
				     e->names[j].name);
			print_string(PRINT_ANY, "lang", "lang %s",
				     e->names[j].lang);
			print_bool(PRINT_JSON, "natural", NULL,
				   e->names[j].natural);
			close_json_object();
		}
		close_json_array();
		close_json_object();
		print_text_end();
	}
	close_json_array();
	close_json_object();
}

static int finish_output(void)
{
	if (print_end()) {
		fprintf(stderr, "Error: cannot write output\n");
		return -EIO;
	}
	return 0;
}

/**
 * madcap_getinfo_main() - "mcastctl madcap getinfo ..."
 * @argc: number of arguments after "getinfo"
 * @argv: the arguments after "getinfo"
 *
 * Prints the scope list of the first server that answers.
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_getinfo_main(int argc, char **argv)
{
	struct client c = { .verb = "getinfo" };
	struct madcap_msg *rep = calloc(1, sizeof(*rep));
	struct madcap_addr server;
	int ret;

	if (!rep) {
		fprintf(stderr, "Error: out of memory\n");
		return -ENOMEM;
	}
	ret = client_parse(&c, V_GETINFO, false, argc, argv);
	if (ret) {
		free(rep);
		return ret > 0 ? 0 : -EINVAL;
	}
	if (c.family == AF_UNSPEC)
		c.family = AF_INET;
	ret = client_socket(&c) ? -EIO : getinfo(&c, rep, &server);
	if (!ret) {
		print_init(stdout, mcastctl_opts.json, mcastctl_opts.pretty);
		print_scope_list(rep, &server);
		ret = finish_output();
	}
	if (c.fd >= 0)
		close(c.fd);
	free(rep);
	return ret;
}

/* ---- the lease files ---------------------------------------------------- */

static const char *lease_dir(void)
{
	const char *d = getenv("MCASTCTL_MADCAP_DIR");

	return d && *d ? d : MADCAP_CLIENT_DIR;
}

static int lease_path(const uint8_t *id, unsigned int len, char *buf,
		      size_t size)
{
	char hex[2 * MADCAP_MAX_LEASE_ID + 1];
	int n;

	madcap_format_lease_id(id, len, hex, sizeof(hex));
	n = snprintf(buf, size, "%s/%s.json", lease_dir(), hex);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* mkdir -p, mode 0700 for what it creates. */
static int make_dir(const char *dir)
{
	char path[PATH_MAX];
	size_t len = strlen(dir);

	if (len >= sizeof(path))
		return -1;
	memcpy(path, dir, len + 1);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0700) && errno != EEXIST)
		return -1;
	return 0;
}

static void add_str(struct json_object *o, const char *key, const char *val)
{
	json_object_object_add(o, key, json_object_new_string(val));
}

static void add_int(struct json_object *o, const char *key, int64_t val)
{
	json_object_object_add(o, key, json_object_new_int64(val));
}

static struct json_object *lease_to_json(const struct lease *l)
{
	char buf[INET6_ADDRSTRLEN], hex[2 * MADCAP_MAX_LEASE_ID + 1];
	struct json_object *o = json_object_new_object(), *arr;
	const char *a;

	if (!o)
		return NULL;
	madcap_format_lease_id(l->id, l->id_len, hex, sizeof(hex));
	add_str(o, "id", hex);
	add_str(o, "family", l->server.af == MADCAP_AF_IPV6 ? "inet6" : "inet");
	add_str(o, "server", madcap_addr_text(&l->server, buf, sizeof(buf)));
	add_int(o, "port", l->port);
	if (l->dev[0])
		add_str(o, "dev", l->dev);
	if (l->have_scope)
		add_str(o, "scope", madcap_addr_text(&l->scope, buf, sizeof(buf)));
	add_int(o, "lease", l->lease_time);
	add_int(o, "start", l->start);
	add_int(o, "end", l->end);
	arr = json_object_new_array();
	for (unsigned int i = 0; arr && i < l->n_addrs; i++) {
		a = madcap_addr_text(&l->addrs[i], buf, sizeof(buf));
		json_object_array_add(arr, json_object_new_string(a));
	}
	json_object_object_add(o, "addresses", arr);
	return o;
}

/*
 * Write the lease's file: a temporary file in the same directory, fsync,
 * rename over the old one, fsync the directory. A crash leaves the old
 * file or the new one, never a mix.
 */
static int lease_save(const struct lease *l)
{
	char path[PATH_MAX], tmp[PATH_MAX + 16];
	struct json_object *o;
	const char *text;
	size_t len;
	int fd = -1, dfd, ret = -1;

	if (lease_path(l->id, l->id_len, path, sizeof(path)) ||
	    make_dir(lease_dir())) {
		fprintf(stderr, "Error: cannot create %s: %s\n", lease_dir(),
			strerror(errno));
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp%d", path, (int)getpid());
	o = lease_to_json(l);
	if (!o) {
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);
	len = strlen(text);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len ||
	    write(fd, "\n", 1) != 1 || fsync(fd)) {
		fprintf(stderr, "Error: cannot write %s: %s\n", tmp,
			strerror(errno));
		goto out;
	}
	if (close(fd)) {
		fd = -1;
		fprintf(stderr, "Error: cannot write %s: %s\n", tmp,
			strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path)) {
		fprintf(stderr, "Error: cannot rename %s: %s\n", tmp,
			strerror(errno));
		goto out;
	}
	dfd = open(lease_dir(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	if (ret)
		unlink(tmp);
	json_object_put(o);
	return ret;
}

static void lease_free(struct lease *l)
{
	free(l->addrs);
	l->addrs = NULL;
	l->n_addrs = 0;
}

/* A string member of a lease file, or NULL. */
static const char *file_str(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* An integer member of a lease file, or @dflt. */
static int64_t file_int(struct json_object *o, const char *key, int64_t dflt)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_int))
		return dflt;
	return json_object_get_int64(v);
}

/*
 * Read the lease file of @id, if any. Return: 1 read, 0 there is none, -1
 * it is unreadable (printed).
 */
static int lease_load(const uint8_t *id, unsigned int id_len, struct lease *l)
{
	struct json_object *o, *v, *arr;
	char path[PATH_MAX];
	const char *s;
	size_t n;

	memset(l, 0, sizeof(*l));
	if (lease_path(id, id_len, path, sizeof(path)))
		return 0;
	if (access(path, F_OK))
		return 0;
	o = json_object_from_file(path);
	if (!o) {
		fprintf(stderr, "Error: cannot read %s: %s\n", path,
			json_util_get_last_err());
		return -1;
	}
	memcpy(l->id, id, id_len);
	l->id_len = id_len;
	s = file_str(o, "server");
	if (!s || madcap_text_addr(s, &l->server))
		goto bad;
	l->port = (uint16_t)file_int(o, "port", MADCAP_PORT);
	s = file_str(o, "dev");
	if (s && strlen(s) < sizeof(l->dev))
		snprintf(l->dev, sizeof(l->dev), "%s", s);
	s = file_str(o, "scope");
	if (s && !madcap_text_addr(s, &l->scope))
		l->have_scope = true;
	l->lease_time = (uint32_t)file_int(o, "lease", 0);
	l->start = file_int(o, "start", 0);
	l->end = file_int(o, "end", 0);
	if (json_object_object_get_ex(o, "addresses", &arr) &&
	    json_object_is_type(arr, json_type_array)) {
		n = json_object_array_length(arr);
		l->addrs = calloc(n ? n : 1, sizeof(*l->addrs));
		if (!l->addrs)
			goto bad;
		for (size_t i = 0; i < n; i++) {
			v = json_object_array_get_idx(arr, i);
			if (!json_object_is_type(v, json_type_string) ||
			    madcap_text_addr(json_object_get_string(v),
					     &l->addrs[l->n_addrs]))
				goto bad;
			l->n_addrs++;
		}
	}
	json_object_put(o);
	return 1;
bad:
	fprintf(stderr, "Error: malformed lease file %s\n", path);
	lease_free(l);
	json_object_put(o);
	return -1;
}

static void lease_forget(const uint8_t *id, unsigned int id_len)
{
	char path[PATH_MAX];

	if (!lease_path(id, id_len, path, sizeof(path)) && unlink(path) &&
	    errno != ENOENT)
		fprintf(stderr, "Warning: cannot remove %s: %s\n", path,
			strerror(errno));
}

/* ---- ACKs into leases ----------------------------------------------------- */

/*
 * The addresses, times and server of an ACK into @l (whose id is set).
 * Without an address list the addresses @l has are kept (a RENEW's ACK
 * may omit them).
 */
static int lease_from_ack(const struct client *c, const struct madcap_msg *ack,
			  const struct madcap_addr *from, struct lease *l)
{
	uint64_t total = 0;

	l->server = madcap_has(ack, MADCAP_OPT_SERVER_ID) ? ack->server_id :
							     *from;
	l->port = c->port;
	if (c->dev)
		snprintf(l->dev, sizeof(l->dev), "%s", c->dev);
	if (madcap_has(ack, MADCAP_OPT_LEASE_TIME))
		l->lease_time = ack->lease_time;
	/*
	 * The lease time counts from the Start Time, or from now without one
	 * (a renewed lease that has started keeps its start).
	 */
	if (madcap_has(ack, MADCAP_OPT_START_TIME)) {
		l->start = ack->start_time;
		l->end = l->start + l->lease_time;
	} else {
		l->end = (int64_t)time(NULL) + l->lease_time;
		if (!l->start)
			l->start = (int64_t)time(NULL);
	}
	if (!madcap_has(ack, MADCAP_OPT_ADDR_LIST))
		return 0;
	for (unsigned int i = 0; i < ack->n_ranges; i++) {
		const struct madcap_range *r = &ack->ranges[i];
		struct madcap_addr a = r->first;
		uint64_t n = 1;

		if (r->first.af != r->last.af ||
		    madcap_addr_cmp(&r->first, &r->last) > 0)
			goto bad;
		while (madcap_addr_cmp(&a, &r->last) < 0) {
			madcap_addr_add(&a, 1);
			if (++n > MADCAP_MAX_GRANTED)
				goto bad;
		}
		total += n;
		if (total > MADCAP_MAX_GRANTED)
			goto bad;
	}
	lease_free(l);
	l->addrs = calloc(total ? total : 1, sizeof(*l->addrs));
	if (!l->addrs) {
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	for (unsigned int i = 0; i < ack->n_ranges; i++) {
		struct madcap_addr a = ack->ranges[i].first;

		for (;;) {
			l->addrs[l->n_addrs++] = a;
			if (!madcap_addr_cmp(&a, &ack->ranges[i].last))
				break;
			madcap_addr_add(&a, 1);
		}
	}
	return 0;
bad:
	fprintf(stderr, "Error: the server's address list is malformed or too long\n");
	return -1;
}

static void print_lease(const struct lease *l)
{
	char buf[INET6_ADDRSTRLEN], hex[2 * MADCAP_MAX_LEASE_ID + 1];
	char t[MADCAP_TIME_STRLEN], d[MADCAP_DUR_STRLEN];

	print_init(stdout, mcastctl_opts.json, mcastctl_opts.pretty);
	open_json_object(NULL);
	madcap_format_lease_id(l->id, l->id_len, hex, sizeof(hex));
	print_string(PRINT_ANY, "id", "lease %s", hex);
	print_string(PRINT_ANY, "server", "server %s",
		     madcap_addr_text(&l->server, buf, sizeof(buf)));
	if (l->have_scope)
		print_string(PRINT_ANY, "scope", "scope %s",
			     madcap_addr_text(&l->scope, buf, sizeof(buf)));
	print_text_break("\n    ");
	madcap_format_time(l->start, t, sizeof(t));
	print_u64(PRINT_JSON, "start", NULL, (uint64_t)l->start);
	print_string(PRINT_FP, NULL, "start %s", t);
	madcap_format_time(l->end, t, sizeof(t));
	print_u64(PRINT_JSON, "end", NULL, (uint64_t)l->end);
	print_string(PRINT_FP, NULL, "end %s", t);
	madcap_format_dur(l->lease_time, d, sizeof(d));
	print_uint(PRINT_JSON, "lease", NULL, l->lease_time);
	print_string(PRINT_FP, NULL, "lease %s", d);
	print_text_break("\n    ");
	open_json_array("addresses");
	for (unsigned int i = 0; i < l->n_addrs; i++)
		print_string(PRINT_ANY, NULL, "%s",
			     madcap_addr_text(&l->addrs[i], buf, sizeof(buf)));
	close_json_array();
	close_json_object();
}

/* ---- REQUEST ------------------------------------------------------------ */

/* The scope list entry @c->scope names (ID or name), or the first. */
static const struct madcap_scope_entry *pick_scope(const struct client *c,
						   const struct madcap_msg *info)
{
	struct madcap_addr id;
	bool by_id = c->scope && !madcap_text_addr(c->scope, &id);

	for (unsigned int i = 0; i < info->n_scopes; i++) {
		const struct madcap_scope_entry *e = &info->scopes[i];

		if (e->range.first.af != (c->family == AF_INET6 ?
					  MADCAP_AF_IPV6 : MADCAP_AF_IPV4))
			continue;
		if (!c->scope)
			return e;
		if (by_id && !madcap_addr_cmp(&e->range.first, &id))
			return e;
		for (unsigned int j = 0; !by_id && j < e->n_names; j++)
			if (!strcmp(e->names[j].name, c->scope))
				return e;
	}
	return NULL;
}

static int request(struct client *c, struct lease *l)
{
	struct madcap_msg *info = NULL, *req = NULL, *rep = NULL;
	const struct madcap_scope_entry *e = NULL;
	struct madcap_addr scope_id, dst, from, info_server;
	bool have_id = c->scope && !madcap_text_addr(c->scope, &scope_id);
	bool multicast = !c->have_server;
	int ret = -ENOMEM;

	info = calloc(1, sizeof(*info));
	req = calloc(1, sizeof(*req));
	rep = calloc(1, sizeof(*rep));
	if (!info || !req || !rep) {
		fprintf(stderr, "Error: out of memory\n");
		goto out;
	}
	if (have_id && set_family(c, af_of(&scope_id), "scope", c->scope)) {
		ret = -EINVAL;
		goto out;
	}
	if (c->family == AF_UNSPEC)
		c->family = AF_INET;
	if (client_socket(c)) {
		ret = -EIO;
		goto out;
	}
	/*
	 * The scope list: to find a scope by name, or the first one, and
	 * for multicast the scope's range (its MADCAP address).
	 */
	if (!have_id || (multicast && !c->have_group)) {
		ret = getinfo(c, info, &info_server);
		if (ret)
			goto out;
		e = pick_scope(c, info);
		if (!e) {
			fprintf(stderr, c->scope ?
				"Error: the server has no %s scope \"%s\"\n" :
				"Error: the server has no %s scope%s\n",
				c->family == AF_INET6 ? "IPv6" : "IPv4",
				c->scope ? c->scope : "");
			ret = -ENOENT;
			goto out;
		}
		scope_id = e->range.first;
	}
	l->scope = scope_id;
	l->have_scope = true;

	msg_init(c, req, MADCAP_REQUEST);
	req->scope = scope_id;
	madcap_set(req, MADCAP_OPT_SCOPE);
	req->num_min = c->num_min;
	req->num_desired = c->num_desired;
	madcap_set(req, MADCAP_OPT_NUM_ADDRS);
	if (c->have_lease) {
		req->lease_time = c->lease;
		madcap_set(req, MADCAP_OPT_LEASE_TIME);
	}
	if (c->have_start) {
		req->start_time = c->start;
		madcap_set(req, MADCAP_OPT_START_TIME);
	}

	if (multicast) {
		if (c->have_group) {
			dst = c->group;
		} else {
			/* The scope's MADCAP address: its last minus 1. */
			dst = e->range.last;
			if (dst.af == MADCAP_AF_IPV4)
				dst.v4.s_addr = htonl(ntohl(dst.v4.s_addr) - 1);
			else
				for (int i = 15; i >= 0 && !dst.v6.s6_addr[i]--; i--)
					;
		}
		if (multicast_setup(c, e ? e->ttl : 32)) {
			ret = -EIO;
			goto out;
		}
		/* DISCOVER, then REQUEST the first OFFER, same group. */
		req->type = MADCAP_DISCOVER;
		ret = transact(c, &dst, req, MADCAP_OFFER, rep, &from);
		if (ret) {
			ret = report(c, ret, "DISCOVER", rep);
			goto out;
		}
		req->type = MADCAP_REQUEST;
		req->server_id = madcap_has(rep, MADCAP_OPT_SERVER_ID) ?
				 rep->server_id : from;
		madcap_set(req, MADCAP_OPT_SERVER_ID);
		req->current_time = (int64_t)time(NULL) + c->skew;
	} else {
		dst = c->server;
	}
	ret = transact(c, &dst, req, MADCAP_ACK, rep, &from);
	if (ret) {
		ret = report(c, ret, "REQUEST", rep);
		goto out;
	}
	l->lease_time = c->have_lease ? c->lease : 0;
	ret = lease_from_ack(c, rep, &from, l) ? -EIO : 0;
out:
	free(info);
	free(req);
	free(rep);
	return ret;
}

/**
 * madcap_request_main() - "mcastctl madcap request ..."
 * @argc: number of arguments after "request"
 * @argv: the arguments after "request"
 *
 * Acquires a lease, remembers it and prints it: its identifier, server,
 * scope, start, end and addresses.
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_request_main(int argc, char **argv)
{
	struct client c = { .verb = "request" };
	struct lease l = { 0 };
	int ret;

	ret = client_parse(&c, V_REQUEST, false, argc, argv);
	if (ret)
		return ret > 0 ? 0 : -EINVAL;
	c.lease_id_len = MADCAP_CLIENT_ID_LEN;
	if (getrandom(c.lease_id, c.lease_id_len, 0) != (ssize_t)c.lease_id_len) {
		fprintf(stderr, "Error: getrandom: %s\n", strerror(errno));
		return -EIO;
	}
	memcpy(l.id, c.lease_id, c.lease_id_len);
	l.id_len = c.lease_id_len;
	ret = request(&c, &l);
	if (!ret && lease_save(&l))
		ret = -EIO;
	if (!ret) {
		print_lease(&l);
		ret = finish_output();
	}
	if (c.fd >= 0)
		close(c.fd);
	lease_free(&l);
	return ret;
}

/* ---- RENEW and RELEASE -------------------------------------------------- */

/* The lease file and "server"/"port"/"dev" into where to send. */
static int known_lease(struct client *c, bool *have_file, struct lease *l)
{
	int ret = lease_load(c->lease_id, c->lease_id_len, l);

	if (ret < 0)
		return -1;
	*have_file = ret > 0;
	if (!*have_file) {
		memcpy(l->id, c->lease_id, c->lease_id_len);
		l->id_len = c->lease_id_len;
	}
	if (!c->have_server) {
		if (!*have_file) {
			fprintf(stderr, "Error: no lease with that identifier is remembered in %s: give server ADDR\n",
				lease_dir());
			return -1;
		}
		c->server = l->server;
		c->have_server = true;
		if (c->family != AF_UNSPEC && c->family != af_of(&l->server)) {
			fprintf(stderr, "Error: the lease's server is not of the family given\n");
			return -1;
		}
		if (!c->dev && l->dev[0]) {
			c->dev = l->dev;
			if (get_ifindex(c->dev, &c->ifindex)) {
				fprintf(stderr, "Error: no such device \"%s\"\n",
					c->dev);
				return -1;
			}
		}
		/* "port" given on this command line wins. */
		if (c->port == MADCAP_PORT && l->port)
			c->port = l->port;
	}
	c->family = af_of(&c->server);
	return 0;
}

static int renew_or_release(int argc, char **argv, bool renew)
{
	struct client c = { .verb = renew ? "renew" : "release" };
	struct madcap_msg *req = NULL, *rep = NULL;
	struct madcap_addr from;
	struct lease l = { 0 };
	bool have_file = false;
	int ret;

	ret = client_parse(&c, renew ? V_RENEW : V_RELEASE, true, argc, argv);
	if (ret)
		return ret > 0 ? 0 : -EINVAL;
	if (known_lease(&c, &have_file, &l))
		return -EINVAL;
	req = calloc(1, sizeof(*req));
	rep = calloc(1, sizeof(*rep));
	ret = -ENOMEM;
	if (!req || !rep) {
		fprintf(stderr, "Error: out of memory\n");
		goto out;
	}
	ret = -EIO;
	if (client_socket(&c))
		goto out;
	msg_init(&c, req, renew ? MADCAP_RENEW : MADCAP_RELEASE);
	if (renew && (c.have_lease || l.lease_time)) {
		req->lease_time = c.have_lease ? c.lease : l.lease_time;
		madcap_set(req, MADCAP_OPT_LEASE_TIME);
	}
	ret = transact(&c, &c.server, req, MADCAP_ACK, rep, &from);
	if (ret) {
		/* A lease the server does not know is not worth keeping. */
		if (!renew && ret == T_NAK && madcap_has(rep, MADCAP_OPT_ERROR) &&
		    rep->error == MADCAP_ERR_BAD_LEASE_ID)
			lease_forget(c.lease_id, c.lease_id_len);
		ret = report(&c, ret, renew ? "RENEW" : "RELEASE", rep);
		goto out;
	}
	if (!renew) {
		lease_forget(c.lease_id, c.lease_id_len);
		ret = 0;
		goto out;
	}
	if (c.have_lease)
		l.lease_time = c.lease;
	ret = -EIO;
	if (lease_from_ack(&c, rep, &from, &l) || lease_save(&l))
		goto out;
	print_lease(&l);
	ret = finish_output();
out:
	if (c.fd >= 0)
		close(c.fd);
	free(req);
	free(rep);
	lease_free(&l);
	return ret;
}

/**
 * madcap_renew_main() - "mcastctl madcap renew LEASE-ID ..."
 * @argc: number of arguments after "renew"
 * @argv: the arguments after "renew"
 *
 * Renews a lease at the server remembered for it (or "server ADDR") and
 * prints it as request does.
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_renew_main(int argc, char **argv)
{
	return renew_or_release(argc, argv, true);
}

/**
 * madcap_release_main() - "mcastctl madcap release LEASE-ID ..."
 * @argc: number of arguments after "release"
 * @argv: the arguments after "release"
 *
 * Releases a lease and forgets it. Prints nothing on success.
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_release_main(int argc, char **argv)
{
	return renew_or_release(argc, argv, false);
}
