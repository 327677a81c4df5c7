// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: generic netlink plumbing (libnl-3) for the mcast_router family.
 *
 * Requests are transactions: every reply is copied aside while the socket
 * is read, and only handed to the caller once the kernel has acknowledged
 * the request (doit) or finished the dump without NLM_F_DUMP_INTR. A dump
 * that raced with a change is thrown away and retried, so the caller never
 * prints half a table or a table mixing two generations.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/genetlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/mcast_router.h>

#include "nl.h"
#include "utils.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

#define EXTACK_MAX 512

struct transaction {
	struct nlmsghdr **msgs;
	size_t n, cap;
	int err;		/* negative errno from the kernel, or 0 */
	bool done;
	bool intr;		/* NLM_F_DUMP_INTR seen */
	char extack[EXTACK_MAX];
	const struct nlmsghdr *req;	/* the request, to name a bad attribute */
	mr_nl_describe_fn describe;
};

/*
 * What the kernel may append to an error, ACK or DONE message. libnl's
 * NLA_STRING wants the terminating NUL; bounds come as u32 or u64, so the
 * policy only asks for the shorter and tlv_uint() checks the width.
 */
static struct nla_policy ack_policy[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG] = { .type = NLA_STRING },
	[NLMSGERR_ATTR_OFFS] = { .type = NLA_U32 },
	[NLMSGERR_ATTR_POLICY] = { .type = NLA_NESTED },
};

static struct nla_policy range_policy[NL_POLICY_TYPE_ATTR_MAX + 1] = {
	[NL_POLICY_TYPE_ATTR_MIN_VALUE_U] = { .type = NLA_U32 },
	[NL_POLICY_TYPE_ATTR_MAX_VALUE_U] = { .type = NLA_U32 },
};

/*
 * The NLMSGERR_ATTR_* TLVs of an error, ACK or DONE message into @tb (all
 * NULL if it carries none, or they do not parse).
 */
static void ack_tlvs(const struct nlmsghdr *nlh,
		     struct nlattr *tb[NLMSGERR_ATTR_MAX + 1])
{
	size_t plen, hdrlen;

	memset(tb, 0, sizeof(*tb) * (NLMSGERR_ATTR_MAX + 1));
	if (nlh->nlmsg_len < NLMSG_HDRLEN ||
	    !(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	plen = nlh->nlmsg_len - NLMSG_HDRLEN;

	if (nlh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *e = NLMSG_DATA(nlh);

		if (plen < sizeof(*e))
			return;
		if (nlh->nlmsg_flags & NLM_F_CAPPED)
			hdrlen = sizeof(*e);
		else
			hdrlen = offsetof(struct nlmsgerr, msg) + e->msg.nlmsg_len;
	} else if (nlh->nlmsg_type == NLMSG_DONE) {
		hdrlen = sizeof(int);
	} else {
		return;
	}
	if (hdrlen > plen)
		return;
	/* libnl only reads the message: its API is not const-qualified. */
	if (nlmsg_parse((struct nlmsghdr *)nlh, (int)hdrlen, tb,
			NLMSGERR_ATTR_MAX, ack_policy) < 0)
		memset(tb, 0, sizeof(*tb) * (NLMSGERR_ATTR_MAX + 1));
}

/**
 * mr_nl_extack_msg() - the extack message of an error, ACK or DONE message
 * @nlh: an NLMSG_ERROR or NLMSG_DONE message as received
 *
 * Return: the NUL-terminated message inside @nlh, or NULL if it has none.
 */
const char *mr_nl_extack_msg(const struct nlmsghdr *nlh)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];

	ack_tlvs(nlh, tb);
	return tb[NLMSGERR_ATTR_MSG] ? nla_get_string(tb[NLMSGERR_ATTR_MSG]) :
				       NULL;
}

/* A u32 or u64 TLV's value (policy bounds come in either width). */
static bool tlv_uint(const struct nlattr *a, uint64_t *v)
{
	switch (nla_len(a)) {
	case sizeof(uint32_t):
		*v = nla_get_u32(a);
		return true;
	case sizeof(uint64_t):
		*v = nla_get_u64(a);
		return true;
	}
	return false;
}

/*
 * The top-level attribute of request @req that the kernel's
 * NLMSGERR_ATTR_OFFS (counted from the start of @req) points into, or -1.
 */
static int attr_at_offset(const struct nlmsghdr *req, uint32_t offs)
{
	size_t off = NLMSG_HDRLEN + GENL_HDRLEN;

	while (off + NLA_HDRLEN <= req->nlmsg_len) {
		const struct nlattr *a = (const void *)((const char *)req + off);

		if (a->nla_len < NLA_HDRLEN || off + a->nla_len > req->nlmsg_len)
			return -1;
		if (offs >= off && offs < off + a->nla_len)
			return a->nla_type & NLA_TYPE_MASK;
		off += NLA_ALIGN(a->nla_len);
	}
	return -1;
}

/**
 * mr_nl_explain() - the user-facing text of a kernel error
 * @nlh: the NLMSG_ERROR (or DONE) message
 * @req: the request it answers, or NULL
 * @describe: names request attributes by the keyword the user typed, or NULL
 * @buf: output
 * @len: size of @buf
 *
 * Starts from the kernel's extack message. If the kernel also pointed at
 * the offending attribute, the keyword is put in front ("robustness:
 * integer out of range") unless the message already names it, and the
 * valid range from the kernel's policy report is appended ("(valid 1-7)";
 * durations as durations).
 *
 * Return: true if @buf holds a message.
 */
bool mr_nl_explain(const struct nlmsghdr *nlh, const struct nlmsghdr *req,
		   mr_nl_describe_fn describe, char *buf, size_t len)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1], *rtb[NL_POLICY_TYPE_ATTR_MAX + 1];
	const char *msg, *name = NULL;
	bool duration = false;
	char range[96] = "";
	uint64_t offs;
	int type;

	ack_tlvs(nlh, tb);
	msg = tb[NLMSGERR_ATTR_MSG] ? nla_get_string(tb[NLMSGERR_ATTR_MSG]) : NULL;
	if (!tb[NLMSGERR_ATTR_OFFS] || !req || !describe ||
	    !tlv_uint(tb[NLMSGERR_ATTR_OFFS], &offs) ||
	    (type = attr_at_offset(req, offs)) < 0 ||
	    !describe(type, &name, &duration) || !name) {
		if (!msg)
			return false;
		snprintf(buf, len, "%s", msg);
		return true;
	}

	if (tb[NLMSGERR_ATTR_POLICY] &&
	    !nla_parse_nested(rtb, NL_POLICY_TYPE_ATTR_MAX,
			      tb[NLMSGERR_ATTR_POLICY], range_policy)) {
		const struct nlattr *lo_tlv = rtb[NL_POLICY_TYPE_ATTR_MIN_VALUE_U];
		const struct nlattr *hi_tlv = rtb[NL_POLICY_TYPE_ATTR_MAX_VALUE_U];
		uint64_t min = 0, max = 0;

		if (lo_tlv && hi_tlv && tlv_uint(lo_tlv, &min) &&
		    tlv_uint(hi_tlv, &max)) {
			if (duration && max <= UINT32_MAX) {
				char lo[32], hi[32];

				format_duration((uint32_t)min, lo, sizeof(lo));
				format_duration((uint32_t)max, hi, sizeof(hi));
				snprintf(range, sizeof(range), " (valid %s-%s)", lo, hi);
			} else {
				snprintf(range, sizeof(range), " (valid %llu-%llu)",
					 (unsigned long long)min,
					 (unsigned long long)max);
			}
		}
	}
	if (!msg)
		msg = "invalid value";
	if (strstr(msg, name))
		snprintf(buf, len, "%s%s", msg, range);
	else
		snprintf(buf, len, "%s: %s%s", name, msg, range);
	return true;
}

/**
 * mr_nl_done_error() - the error code a dump's NLMSG_DONE carries
 * @nlh: an NLMSG_DONE message
 *
 * Return: 0 or the negative errno the kernel's dumpit ended with.
 */
int mr_nl_done_error(const struct nlmsghdr *nlh)
{
	int err;

	if (nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(int))
		return 0;
	memcpy(&err, NLMSG_DATA(nlh), sizeof(err));
	return err < 0 ? err : 0;
}

/**
 * mr_nl_print_error() - print a kernel error the way every command does
 * @fp: stream (stderr)
 * @err: negative errno
 * @extack: the kernel's extack message, or NULL/empty
 */
void mr_nl_print_error(FILE *fp, int err, const char *extack)
{
	if (extack && *extack)
		fprintf(fp, "Error: %s\n", extack);
	else if (err == -EPERM)
		fprintf(fp, "Error: Operation not permitted (CAP_NET_ADMIN required)\n");
	else
		fprintf(fp, "Error: %s\n", strerror(-err));
}

static void transaction_reset(struct transaction *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->msgs[i]);
	free(t->msgs);
	memset(t, 0, sizeof(*t));
}

static void set_extack(struct transaction *t, const struct nlmsghdr *nlh)
{
	if (!mr_nl_explain(nlh, t->req, t->describe, t->extack,
			   sizeof(t->extack)))
		t->extack[0] = '\0';
}

static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	const struct nlmsghdr *nlh = (const void *)((char *)e - NLMSG_HDRLEN);
	struct transaction *t = arg;

	(void)nla;
	t->err = e->error < 0 ? e->error : -EPROTO;
	set_extack(t, nlh);
	return NL_STOP;
}

static int on_ack(struct nl_msg *msg, void *arg)
{
	struct transaction *t = arg;

	(void)msg;
	t->done = true;
	return NL_STOP;
}

static int on_finish(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct transaction *t = arg;
	int err = mr_nl_done_error(nlh);

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		t->intr = true;
	if (err) {
		t->err = err;
		set_extack(t, nlh);
	}
	t->done = true;
	return NL_STOP;
}

static int on_dump_intr(struct nl_msg *msg, void *arg)
{
	struct transaction *t = arg;

	(void)msg;
	t->intr = true;
	return NL_OK;
}

static int on_valid(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct transaction *t = arg;
	struct nlmsghdr *copy;

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		t->intr = true;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct nlmsghdr **msgs = realloc(t->msgs, cap * sizeof(*msgs));

		if (!msgs)
			goto nomem;
		t->msgs = msgs;
		t->cap = cap;
	}
	copy = malloc(nlh->nlmsg_len);
	if (!copy)
		goto nomem;
	memcpy(copy, nlh, nlh->nlmsg_len);
	t->msgs[t->n++] = copy;
	return NL_OK;
nomem:
	t->err = -ENOMEM;
	return NL_STOP;
}

/* Send @msg (not consumed) and collect replies until ACK, DONE or error. */
static int transact(struct mr_nl *nl, struct nl_msg *msg, struct transaction *t)
{
	struct nl_cb *cb, *sock_cb;
	int ret;

	/* Clone the socket's set so send/recv overrides (tests) still apply. */
	sock_cb = nl_socket_get_cb(nl->sk);
	cb = nl_cb_clone(sock_cb);
	nl_cb_put(sock_cb);
	if (!cb) {
		fprintf(stderr, "Error: out of memory\n");
		return -ENOMEM;
	}
	nl_cb_err(cb, NL_CB_CUSTOM, on_error, t);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_ack, t);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_finish, t);
	nl_cb_set(cb, NL_CB_DUMP_INTR, NL_CB_CUSTOM, on_dump_intr, t);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, t);
	t->req = nlmsg_hdr(msg);
	t->describe = nl->describe;

	ret = nl_send_auto(nl->sk, msg);
	if (ret < 0) {
		fprintf(stderr, "Error: cannot send netlink request: %s\n",
			nl_geterror(ret));
		nl_cb_put(cb);
		return -EIO;
	}
	while (!t->done && !t->err) {
		ret = nl_recvmsgs(nl->sk, cb);
		if (ret < 0 && !t->err) {
			fprintf(stderr, "Error: netlink receive failed: %s\n",
				nl_geterror(ret));
			nl_cb_put(cb);
			return -EIO;
		}
	}
	nl_cb_put(cb);
	if (t->err) {
		if (t->err == -ENOMEM && !t->extack[0])
			fprintf(stderr, "Error: out of memory\n");
		else
			mr_nl_print_error(stderr, t->err, t->extack);
		return t->err;
	}
	return 0;
}

static int deliver(struct transaction *t, mr_nl_reply_fn fn, void *arg)
{
	int ret = 0;

	for (size_t i = 0; i < t->n && fn && !ret; i++)
		ret = fn(t->msgs[i], arg);
	return ret;
}

/**
 * mr_nl_open() - connect to generic netlink and resolve mcast_router
 * @nl: filled in on success; release with mr_nl_close()
 *
 * Enables extended ACKs so kernel error messages reach the user.
 *
 * Return: 0 or a negative errno (the error has been printed).
 */
int mr_nl_open(struct mr_nl *nl)
{
	int one = 1, fd, ret;

	nl->describe = NULL;
	nl->sk = nl_socket_alloc();
	if (!nl->sk) {
		fprintf(stderr, "Error: out of memory\n");
		return -ENOMEM;
	}
	ret = genl_connect(nl->sk);
	if (ret < 0) {
		fprintf(stderr, "Error: cannot open a generic netlink socket: %s\n",
			nl_geterror(ret));
		goto err;
	}
	/*
	 * Older kernels lack these; errors then fall back to strerror().
	 * Debian 12's libnl 3.7 has no nl_socket_set_ext_ack(): setsockopt.
	 */
	fd = nl_socket_get_fd(nl->sk);
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));

	nl->family = genl_ctrl_resolve(nl->sk, MCAST_ROUTER_GENL_NAME);
	if (nl->family < 0) {
		if (nl->family == -NLE_OBJ_NOTFOUND)
			fprintf(stderr, "Error: the mcast_router kernel module is not loaded (try \"modprobe mcast_router\")\n");
		else
			fprintf(stderr, "Error: cannot resolve the %s generic netlink family: %s\n",
				MCAST_ROUTER_GENL_NAME,
				nl_geterror(nl->family));
		goto err;
	}
	return 0;
err:
	nl_socket_free(nl->sk);
	nl->sk = NULL;
	return -EIO;
}

/**
 * mr_nl_close() - release what mr_nl_open() set up
 * @nl: the handle (may be unopened)
 */
void mr_nl_close(struct mr_nl *nl)
{
	nl_socket_free(nl->sk);
	nl->sk = NULL;
}

/**
 * mr_nl_msg() - allocate a request for the mcast_router family
 * @nl: open handle
 * @cmd: MCAST_ROUTER_CMD_*
 * @flags: extra netlink flags (NLM_F_DUMP)
 *
 * Return: the message, or NULL (error printed).
 */
struct nl_msg *mr_nl_msg(const struct mr_nl *nl, uint8_t cmd, int flags)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		goto nomem;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0, flags,
			 cmd, MCAST_ROUTER_GENL_VERSION)) {
		nlmsg_free(msg);
		goto nomem;
	}
	return msg;
nomem:
	fprintf(stderr, "Error: out of memory\n");
	return NULL;
}

/**
 * mr_nl_request() - send a doit request and wait for its ACK
 * @nl: open handle
 * @msg: the request (consumed)
 * @fn: called for each reply message once the ACK arrived (may be NULL)
 * @arg: passed to @fn
 *
 * Return: 0, a negative errno (printed), or what @fn returned.
 */
int mr_nl_request(struct mr_nl *nl, struct nl_msg *msg, mr_nl_reply_fn fn,
		  void *arg)
{
	struct transaction t = { .msgs = NULL };
	int ret;

	ret = transact(nl, msg, &t);
	nlmsg_free(msg);
	if (!ret)
		ret = deliver(&t, fn, arg);
	transaction_reset(&t);
	return ret;
}

/**
 * mr_nl_dump_filter() - run a dump with filter attributes, retrying if it
 *	raced with a change
 * @nl: open handle
 * @cmd: MCAST_ROUTER_CMD_*
 * @put: adds the filter attributes to each attempt's request (may be NULL)
 * @put_arg: passed to @put
 * @fn: called for each message of the first consistent dump
 * @arg: passed to @fn
 *
 * Return: 0, a negative errno (printed), or what @fn returned.
 */
int mr_nl_dump_filter(struct mr_nl *nl, uint8_t cmd, mr_nl_put_fn put,
		      const void *put_arg, mr_nl_reply_fn fn, void *arg)
{
	struct transaction t = { .msgs = NULL };
	int ret;

	for (int attempt = 0; attempt < MR_NL_DUMP_RETRIES; attempt++) {
		struct nl_msg *msg = mr_nl_msg(nl, cmd, NLM_F_DUMP);

		if (!msg)
			return -ENOMEM;
		if (put && put(msg, put_arg)) {
			fprintf(stderr, "Error: out of memory\n");
			nlmsg_free(msg);
			return -ENOMEM;
		}
		ret = transact(nl, msg, &t);
		nlmsg_free(msg);
		if (ret) {
			transaction_reset(&t);
			return ret;
		}
		if (!t.intr) {
			ret = deliver(&t, fn, arg);
			transaction_reset(&t);
			return ret;
		}
		transaction_reset(&t);
	}
	fprintf(stderr, "Error: the table kept changing during the dump (%d attempts); try again\n",
		MR_NL_DUMP_RETRIES);
	return -EAGAIN;
}

/**
 * mr_nl_dump() - run a dump, retrying if it raced with a change
 * @nl: open handle
 * @cmd: MCAST_ROUTER_CMD_*
 * @fn: called for each message of the first consistent dump
 * @arg: passed to @fn
 *
 * Return: 0, a negative errno (printed), or what @fn returned.
 */
int mr_nl_dump(struct mr_nl *nl, uint8_t cmd, mr_nl_reply_fn fn, void *arg)
{
	return mr_nl_dump_filter(nl, cmd, NULL, NULL, fn, arg);
}

/**
 * mr_nl_parse_u64s() - parse a nest of u64 counters
 * @nest: the nest
 * @max: its highest attribute type, at most MR_NL_U64S_MAX
 * @policy: its policy (@max + 1 entries)
 * @pad: its pad attribute type, skipped
 * @has: @max + 1 entries; set for each counter the nest holds
 * @val: @max + 1 entries; those counters
 *
 * Return: 0, or -1 if the nest is malformed (nothing printed).
 */
int mr_nl_parse_u64s(struct nlattr *nest, int max, struct nla_policy *policy,
		     int pad, bool *has, uint64_t *val)
{
	struct nlattr *tb[MR_NL_U64S_MAX + 1];

	if (max > MR_NL_U64S_MAX || nla_parse_nested(tb, max, nest, policy))
		return -1;
	for (int i = 1; i <= max; i++) {
		if (!tb[i] || i == pad)
			continue;
		val[i] = nla_get_u64(tb[i]);
		has[i] = true;
	}
	return 0;
}
