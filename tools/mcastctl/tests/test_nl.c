// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl unit tests: extended ACKs, error messages and the transaction layer against a fake kernel.
 */
#include "harness.h"

/* ---- extack and error messages ----------------------------------------- */

static void test_extack(void)
{
	struct nl_msg *req = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	struct nl_msg *m;
	struct nlattr *a;

	if (nla_put_u32(req, MCAST_ROUTER_A_IFACE_IFINDEX, 3) ||
	    nla_put_u8(req, MCAST_ROUTER_A_IFACE_ROBUSTNESS, 9))
		exit(2);

	m = error_msg(-EINVAL, 1, "robustness out of range", true, nlmsg_hdr(req));
	EXPECT_STR("robustness out of range", mr_nl_extack_msg(nlmsg_hdr(m)));
	nlmsg_free(m);

	m = error_msg(-EINVAL, 1, "not capped", false, nlmsg_hdr(req));
	EXPECT_STR("not capped", mr_nl_extack_msg(nlmsg_hdr(m)));
	nlmsg_free(m);

	m = error_msg(-EPERM, 1, NULL, true, nlmsg_hdr(req));
	EXPECT(mr_nl_extack_msg(nlmsg_hdr(m)) == NULL);
	nlmsg_free(m);

	/* An attribute running past the message must not be read. */
	m = error_msg(-EINVAL, 1, "abc", true, nlmsg_hdr(req));
	a = (struct nlattr *)((char *)nlmsg_hdr(m) + NLMSG_HDRLEN +
			      NLMSG_ALIGN(sizeof(struct nlmsgerr)));
	a->nla_len = 200;
	EXPECT(mr_nl_extack_msg(nlmsg_hdr(m)) == NULL);
	/* An unterminated string is not a message. */
	a->nla_len = NLA_HDRLEN + 3;
	memcpy((char *)a + NLA_HDRLEN, "abc", 3);
	nlmsg_hdr(m)->nlmsg_len = (uint32_t)((char *)a - (char *)nlmsg_hdr(m) + NLA_HDRLEN + 3);
	EXPECT(mr_nl_extack_msg(nlmsg_hdr(m)) == NULL);
	nlmsg_free(m);

	/* NLMSG_DONE of a failed dump. */
	{
		int err = -EMSGSIZE;

		m = nlmsg_alloc_simple(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS);
		if (!m || nlmsg_append(m, &err, sizeof(err), NLMSG_ALIGNTO) ||
		    nla_put_string(m, NLMSGERR_ATTR_MSG, "dump failed"))
			exit(2);
		EXPECT_STR("dump failed", mr_nl_extack_msg(nlmsg_hdr(m)));
		EXPECT(mr_nl_done_error(nlmsg_hdr(m)) == -EMSGSIZE);
		nlmsg_free(m);
	}
	nlmsg_free(req);
}

static void test_extack_names_attribute(void)
{
	struct nl_msg *req = genl_msg(MCAST_ROUTER_CMD_IFACE_SET);
	struct nl_msg *m;
	char buf[256];

	if (nla_put_u32(req, MCAST_ROUTER_A_IFACE_IFINDEX, 3) ||
	    nla_put_u8(req, MCAST_ROUTER_A_IFACE_ROBUSTNESS, 9) ||
	    nla_put_u32(req, MCAST_ROUTER_A_IFACE_QUERY_INTERVAL, 999))
		exit(2);

	/* The keyword in front, the policy's range behind. */
	m = error_at(req, MCAST_ROUTER_A_IFACE_ROBUSTNESS, "integer out of range",
		     1, 7, true);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), iface_describe,
			     buf, sizeof(buf)));
	EXPECT_STR("robustness: integer out of range (valid 1-7)", buf);
	nlmsg_free(m);

	/* Durations print as durations; u32 bounds work too. */
	m = error_at(req, MCAST_ROUTER_A_IFACE_QUERY_INTERVAL,
		     "integer out of range", 1000, 31744000, false);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), iface_describe,
			     buf, sizeof(buf)));
	EXPECT_STR("query-interval: integer out of range (valid 1s-31744s)", buf);
	nlmsg_free(m);

	/* A message that already names the keyword is not prefixed again. */
	m = error_at(req, MCAST_ROUTER_A_IFACE_ROBUSTNESS,
		     "robustness must be 1-7", 1, 7, true);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), iface_describe,
			     buf, sizeof(buf)));
	EXPECT_STR("robustness must be 1-7 (valid 1-7)", buf);
	nlmsg_free(m);

	/* Without a describer, or an offset outside the request: as sent. */
	m = error_at(req, MCAST_ROUTER_A_IFACE_ROBUSTNESS, "integer out of range",
		     1, 7, true);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), NULL, buf, sizeof(buf)));
	EXPECT_STR("integer out of range", buf);
	nlmsg_free(m);
	m = error_msg(-EINVAL, 1, "plain", true, nlmsg_hdr(req));
	if (nla_put_u32(m, NLMSGERR_ATTR_OFFS, 100000))
		exit(2);
	EXPECT(mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), iface_describe,
			     buf, sizeof(buf)));
	EXPECT_STR("plain", buf);
	nlmsg_free(m);
	/* No message at all: nothing to explain. */
	m = error_msg(-EPERM, 1, NULL, true, nlmsg_hdr(req));
	EXPECT(!mr_nl_explain(nlmsg_hdr(m), nlmsg_hdr(req), iface_describe,
			      buf, sizeof(buf)));
	nlmsg_free(m);
	nlmsg_free(req);
}

static void test_error_messages(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (!fp)
		exit(2);
	mr_nl_print_error(fp, -EINVAL, "query-interval out of range");
	mr_nl_print_error(fp, -EPERM, NULL);
	mr_nl_print_error(fp, -EPERM, "");
	mr_nl_print_error(fp, -EPERM, "not in this namespace");
	mr_nl_print_error(fp, -ENODEV, NULL);
	fclose(fp);
	EXPECT_STR("Error: query-interval out of range\n"
		   "Error: Operation not permitted (CAP_NET_ADMIN required)\n"
		   "Error: Operation not permitted (CAP_NET_ADMIN required)\n"
		   "Error: not in this namespace\n"
		   "Error: No such device\n", buf);
	free(buf);
}

/* ---- the transaction layer against a fake kernel ---------------------- */

enum fake_mode {
	FAKE_ACK,		/* doit: ACK */
	FAKE_ERR_EXTACK,	/* doit: -EINVAL with extack */
	FAKE_ERR_EPERM,		/* doit: -EPERM, no extack */
	FAKE_GET,		/* doit: one reply then ACK */
	FAKE_DUMP_INTR_ONCE,	/* dump: interrupted first time, then clean */
	FAKE_DUMP_INTR_ALWAYS,	/* dump: always interrupted */
	FAKE_DUMP_FAIL,		/* dump: DONE carries -EMSGSIZE + extack */
};

#define FAKE_QUEUE 16

static struct {
	enum fake_mode mode;
	int sends;
	uint32_t last_flags;
	uint8_t last_cmd;
	struct nl_msg *queue[FAKE_QUEUE];
	int head, tail;
} fake;

static void fake_push(struct nl_msg *m)
{
	if (fake.tail == FAKE_QUEUE)
		exit(2);
	fake.queue[fake.tail++] = m;
}

static struct nl_msg *fake_done(uint32_t seq, bool intr, int err,
				const char *extack)
{
	int flags = NLM_F_MULTI | (intr ? NLM_F_DUMP_INTR : 0) |
		    (extack ? NLM_F_ACK_TLVS : 0);
	struct nl_msg *m = nlmsg_alloc_simple(NLMSG_DONE, flags);

	if (!m || nlmsg_append(m, &err, sizeof(err), NLMSG_ALIGNTO) ||
	    (extack && nla_put_string(m, NLMSGERR_ATTR_MSG, extack)))
		exit(2);
	nlmsg_hdr(m)->nlmsg_seq = seq;
	return m;
}

static struct nl_msg *fake_entry(uint32_t seq, uint32_t ifindex, bool multi,
				 bool intr)
{
	char name[32];
	struct nl_msg *m;

	snprintf(name, sizeof(name), "eth%u", ifindex);
	m = iface_reply(MCAST_ROUTER_CMD_IFACE_GET, ifindex, name, false);
	nlmsg_hdr(m)->nlmsg_seq = seq;
	if (multi)
		nlmsg_hdr(m)->nlmsg_flags |= NLM_F_MULTI;
	if (intr)
		nlmsg_hdr(m)->nlmsg_flags |= NLM_F_DUMP_INTR;
	return m;
}

static int fake_send(struct nl_sock *sk, struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *g = nlmsg_data(nlh);
	uint32_t seq = nlh->nlmsg_seq;
	bool intr;

	(void)sk;
	fake.sends++;
	fake.last_flags = nlh->nlmsg_flags;
	fake.last_cmd = g->cmd;
	switch (fake.mode) {
	case FAKE_ACK:
		fake_push(error_msg(0, seq, NULL, true, nlh));
		break;
	case FAKE_ERR_EXTACK:
		fake_push(error_msg(-EINVAL, seq, "robustness out of range (1-7)", true, nlh));
		break;
	case FAKE_ERR_EPERM:
		fake_push(error_msg(-EPERM, seq, NULL, true, nlh));
		break;
	case FAKE_GET:
		fake_push(fake_entry(seq, 5, false, false));
		fake_push(error_msg(0, seq, NULL, true, nlh));
		break;
	case FAKE_DUMP_INTR_ONCE:
	case FAKE_DUMP_INTR_ALWAYS:
		intr = fake.mode == FAKE_DUMP_INTR_ALWAYS || fake.sends == 1;
		/* The generation changed between the two entries. */
		fake_push(fake_entry(seq, 5, true, false));
		fake_push(fake_entry(seq, fake.sends == 1 ? 7 : 6, true, intr));
		fake_push(fake_done(seq, intr, 0, NULL));
		break;
	case FAKE_DUMP_FAIL:
		fake_push(fake_entry(seq, 5, true, false));
		fake_push(fake_done(seq, false, -EMSGSIZE, "dump failed"));
		break;
	}
	return (int)nlh->nlmsg_len;
}

static int fake_recv(struct nl_sock *sk, struct sockaddr_nl *nla,
		     unsigned char **buf, struct ucred **creds)
{
	struct nlmsghdr *nlh;
	struct nl_msg *m;
	int len;

	(void)sk;
	(void)creds;
	if (fake.head == fake.tail)
		return -NLE_AGAIN;
	m = fake.queue[fake.head++];
	nlh = nlmsg_hdr(m);
	*buf = malloc(nlh->nlmsg_len);
	if (!*buf)
		exit(2);
	memcpy(*buf, nlh, nlh->nlmsg_len);
	len = (int)nlh->nlmsg_len;
	nla->nl_family = AF_NETLINK;
	nla->nl_pid = 0;
	nlmsg_free(m);
	return len;
}

static void fake_open(struct mr_nl *nl, enum fake_mode mode)
{
	struct nl_cb *cb;

	memset(&fake, 0, sizeof(fake));
	fake.mode = mode;
	nl->sk = nl_socket_alloc();
	if (!nl->sk)
		exit(2);
	nl->family = FAKE_FAMILY;
	cb = nl_socket_get_cb(nl->sk);
	nl_cb_overwrite_send(cb, fake_send);
	nl_cb_overwrite_recv(cb, fake_recv);
	nl_cb_put(cb);
}

static void fake_close(struct mr_nl *nl)
{
	while (fake.head < fake.tail)
		nlmsg_free(fake.queue[fake.head++]);
	mr_nl_close(nl);
}

struct seen {
	int n;
	uint32_t ifindex[8];
};

static int collect(struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *tb[MCAST_ROUTER_A_IFACE_MAX + 1];
	struct seen *s = arg;

	if (genlmsg_parse(nlh, 0, tb, MCAST_ROUTER_A_IFACE_MAX, NULL) ||
	    !tb[MCAST_ROUTER_A_IFACE_IFINDEX] || s->n == 8)
		return -EPROTO;
	s->ifindex[s->n++] = nla_get_u32(tb[MCAST_ROUTER_A_IFACE_IFINDEX]);
	return 0;
}

static void test_nl_doit(void)
{
	struct seen seen = { 0 };
	struct capture c;
	struct mr_nl nl;
	char *err;

	fake_open(&nl, FAKE_ACK);
	capture_begin(&c, 2);
	EXPECT(mr_nl_request(&nl, mr_nl_msg(&nl, MCAST_ROUTER_CMD_IFACE_SET, 0),
			     collect, &seen) == 0);
	err = capture_end(&c);
	EXPECT_STR("", err);
	EXPECT(fake.sends == 1 && fake.last_cmd == MCAST_ROUTER_CMD_IFACE_SET);
	EXPECT(fake.last_flags & NLM_F_ACK);
	EXPECT(seen.n == 0);
	free(err);
	fake_close(&nl);

	fake_open(&nl, FAKE_ERR_EXTACK);
	capture_begin(&c, 2);
	EXPECT(mr_nl_request(&nl, mr_nl_msg(&nl, MCAST_ROUTER_CMD_IFACE_SET, 0),
			     NULL, NULL) == -EINVAL);
	err = capture_end(&c);
	EXPECT_STR("Error: robustness out of range (1-7)\n", err);
	free(err);
	fake_close(&nl);

	fake_open(&nl, FAKE_ERR_EPERM);
	capture_begin(&c, 2);
	EXPECT(mr_nl_request(&nl, mr_nl_msg(&nl, MCAST_ROUTER_CMD_IFACE_DEL, 0),
			     NULL, NULL) == -EPERM);
	err = capture_end(&c);
	EXPECT_STR("Error: Operation not permitted (CAP_NET_ADMIN required)\n", err);
	free(err);
	fake_close(&nl);

	fake_open(&nl, FAKE_GET);
	capture_begin(&c, 2);
	EXPECT(mr_nl_request(&nl, mr_nl_msg(&nl, MCAST_ROUTER_CMD_IFACE_GET, 0),
			     collect, &seen) == 0);
	err = capture_end(&c);
	EXPECT_STR("", err);
	EXPECT(seen.n == 1 && seen.ifindex[0] == 5);
	free(err);
	fake_close(&nl);
}

static void test_nl_dump(void)
{
	struct seen seen = { 0 };
	struct capture c;
	struct mr_nl nl;
	char *err;

	/* Interrupted once: the first copy (5, 7) is discarded. */
	fake_open(&nl, FAKE_DUMP_INTR_ONCE);
	capture_begin(&c, 2);
	EXPECT(mr_nl_dump(&nl, MCAST_ROUTER_CMD_IFACE_GET, collect, &seen) == 0);
	err = capture_end(&c);
	EXPECT_STR("", err);
	EXPECT(fake.sends == 2);
	EXPECT(fake.last_flags & NLM_F_DUMP);
	EXPECT(seen.n == 2 && seen.ifindex[0] == 5 && seen.ifindex[1] == 6);
	free(err);
	fake_close(&nl);

	memset(&seen, 0, sizeof(seen));
	fake_open(&nl, FAKE_DUMP_INTR_ALWAYS);
	capture_begin(&c, 2);
	EXPECT(mr_nl_dump(&nl, MCAST_ROUTER_CMD_IFACE_GET, collect, &seen) == -EAGAIN);
	err = capture_end(&c);
	EXPECT_STR("Error: the table kept changing during the dump (5 attempts); try again\n",
		   err);
	EXPECT(fake.sends == MR_NL_DUMP_RETRIES);
	EXPECT(seen.n == 0);
	free(err);
	fake_close(&nl);

	fake_open(&nl, FAKE_DUMP_FAIL);
	capture_begin(&c, 2);
	EXPECT(mr_nl_dump(&nl, MCAST_ROUTER_CMD_IFACE_GET, collect, &seen) == -EMSGSIZE);
	err = capture_end(&c);
	EXPECT_STR("Error: dump failed\n", err);
	EXPECT(seen.n == 0);
	free(err);
	fake_close(&nl);
}

const struct mr_test nl_tests[] = {
	{ "extack", test_extack },
	{ "extack_names_attribute", test_extack_names_attribute },
	{ "error_messages", test_error_messages },
	{ "nl_doit", test_nl_doit },
	{ "nl_dump", test_nl_dump },
	{ NULL, NULL }
};
