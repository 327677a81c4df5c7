// SPDX-License-Identifier: GPL-2.0
/*
 * The shared harness of mcastctl's unit tests (see harness.h) and their
 * runner. No kernel module is needed. The last line printed is
 * "N passed, M failed".
 *
 *   tests/test_mcastctl [GLOB...]   only the tests whose names match one
 *                                   of the shell globs (make check T=GLOB)
 */
#include <fnmatch.h>

#include "harness.h"

int cur_failures;

void expect_str(const char *file, int line, const char *exp,
		const char *act)
{
	if (act && !strcmp(exp, act))
		return;
	printf("    %s:%d: string mismatch\n    expected: [%s]\n    actual:   [%s]\n",
	       file, line, exp, act ? act : "(null)");
	cur_failures++;
}

void capture_begin(struct capture *c, int fd)
{
	fflush(NULL);
	c->fd = fd;
	c->tmp = tmpfile();
	c->saved = dup(fd);
	if (!c->tmp || c->saved < 0 || dup2(fileno(c->tmp), fd) < 0) {
		perror("capture");
		exit(2);
	}
}

char *capture_end(struct capture *c)
{
	long n;
	char *buf;

	fflush(NULL);
	dup2(c->saved, c->fd);
	close(c->saved);
	n = ftell(c->tmp);
	buf = calloc(1, (size_t)(n > 0 ? n : 0) + 1);
	if (!buf)
		exit(2);
	rewind(c->tmp);
	if (n > 0 && fread(buf, 1, (size_t)n, c->tmp) != (size_t)n)
		exit(2);
	fclose(c->tmp);
	return buf;
}

int split_line(char *line, char **argv)
{
	char *tok, *save = NULL;
	int argc = 0;

	for (tok = strtok_r(line, " ", &save); tok && argc < 63;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	return argc;
}

struct nl_msg *genl_msg(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg || !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, FAKE_FAMILY,
				 0, 0, cmd, MCAST_ROUTER_GENL_VERSION))
		exit(2);
	return msg;
}

void put_prefix(struct nl_msg *msg, int family, const char *addr,
		uint8_t len)
{
	uint8_t buf[16];
	struct nlattr *e = nla_nest_start(msg, MCAST_ROUTER_A_BOUNDARIES_ENTRY);

	if (!e || inet_pton(family, addr, buf) != 1 ||
	    nla_put_u16(msg, MCAST_ROUTER_A_PREFIX_FAMILY, (uint16_t)family) ||
	    nla_put(msg, MCAST_ROUTER_A_PREFIX_ADDR, family == AF_INET ? 4 : 16, buf) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_PREFIX_LEN, len))
		exit(2);
	nla_nest_end(msg, e);
}

struct nl_msg *iface_reply(uint8_t cmd, uint32_t ifindex,
			   const char *name, bool boundaries)
{
	struct nl_msg *msg = genl_msg(cmd);
	struct nlattr *nest;

	if (nla_put_u32(msg, MCAST_ROUTER_A_IFACE_IFINDEX, ifindex) ||
	    nla_put_string(msg, MCAST_ROUTER_A_IFACE_IFNAME, name) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_MODE, MCAST_ROUTER_MODE_ROUTER) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_IGMP_VERSION, 3) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_MLD_VERSION, 2) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_ROBUSTNESS, 2) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_IFACE_QUERY_INTERVAL, 125000) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_IFACE_QUERY_RESPONSE_INTERVAL, 10000) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_INTERVAL, 1000) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_LAST_MEMBER_QUERY_COUNT, 2) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_IFACE_STARTUP_QUERY_INTERVAL, 31250) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_STARTUP_QUERY_COUNT, 2) ||
	    nla_put_u8(msg, MCAST_ROUTER_A_IFACE_TTL_THRESHOLD, 1) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_IFACE_MAX_GROUPS, 4096) ||
	    nla_put_u32(msg, MCAST_ROUTER_A_IFACE_DERIVED,
			MCAST_ROUTER_DERIVED_STARTUP_QUERY_INTERVAL |
			MCAST_ROUTER_DERIVED_STARTUP_QUERY_COUNT))
		exit(2);
	nest = nla_nest_start(msg, MCAST_ROUTER_A_IFACE_BOUNDARIES);
	if (!nest)
		exit(2);
	if (boundaries) {
		put_prefix(msg, AF_INET, "239.192.0.0", 14);
		put_prefix(msg, AF_INET6, "ff05::", 16);
	}
	nla_nest_end_keep_empty(msg, nest);
	return msg;
}

void out_begin(struct out *o, bool json, bool pretty)
{
	o->fp = open_memstream(&o->buf, &o->len);
	if (!o->fp)
		exit(2);
	print_init(o->fp, json, pretty);
}

char *out_end(struct out *o)
{
	fclose(o->fp);
	print_init(stdout, false, false);
	return o->buf;
}

struct nl_msg *error_msg(int error, uint32_t seq, const char *extack,
			 bool capped, const struct nlmsghdr *req)
{
	struct nl_msg *msg;
	struct nlmsgerr e;
	int flags = capped ? NLM_F_CAPPED : 0;

	if (extack)
		flags |= NLM_F_ACK_TLVS;
	msg = nlmsg_alloc_simple(NLMSG_ERROR, flags);
	if (!msg)
		exit(2);
	memset(&e, 0, sizeof(e));
	e.error = error;
	if (req)
		e.msg = *req;
	e.msg.nlmsg_seq = seq;
	if (capped || !req) {
		if (!capped)
			e.msg.nlmsg_len = sizeof(e.msg);
		if (nlmsg_append(msg, &e, sizeof(e), NLMSG_ALIGNTO))
			exit(2);
	} else {
		/* Echo the whole request after the error code. */
		if (nlmsg_append(msg, &e.error, sizeof(e.error), 0) ||
		    nlmsg_append(msg, (void *)req, req->nlmsg_len, NLMSG_ALIGNTO))
			exit(2);
	}
	if (extack && nla_put_string(msg, NLMSGERR_ATTR_MSG, extack))
		exit(2);
	nlmsg_hdr(msg)->nlmsg_seq = seq;
	return msg;
}

struct nl_msg *error_at(struct nl_msg *req, int bad, const char *text,
			uint64_t min, uint64_t max, bool u64)
{
	struct nl_msg *m = error_msg(-ERANGE, 1, text, true, nlmsg_hdr(req));
	struct nlattr *a = nlmsg_find_attr(nlmsg_hdr(req), GENL_HDRLEN, bad);
	struct nlattr *pol;

	if (!m || !a ||
	    nla_put_u32(m, NLMSGERR_ATTR_OFFS,
			(uint32_t)((char *)a - (char *)nlmsg_hdr(req))))
		exit(2);
	pol = nla_nest_start(m, NLMSGERR_ATTR_POLICY);
	if (!pol || nla_put_u32(m, NL_POLICY_TYPE_ATTR_TYPE, NL_ATTR_TYPE_U32))
		exit(2);
	if (u64 ? nla_put_u64(m, NL_POLICY_TYPE_ATTR_MIN_VALUE_U, min) ||
		  nla_put_u64(m, NL_POLICY_TYPE_ATTR_MAX_VALUE_U, max) :
		  nla_put_u32(m, NL_POLICY_TYPE_ATTR_MIN_VALUE_U, (uint32_t)min) ||
		  nla_put_u32(m, NL_POLICY_TYPE_ATTR_MAX_VALUE_U, (uint32_t)max))
		exit(2);
	nla_nest_end(m, pol);
	return m;
}

/* A namespace with eth0..eth99 at ifindex 10..109. */
static int fake_name_to_index(const char *name, uint32_t *ifindex)
{
	uint64_t n;
	const char *why;

	if (strncmp(name, "eth", 3) || parse_uint(name + 3, 0, 99, &n, &why))
		return -1;
	*ifindex = (uint32_t)n + 10;
	return 0;
}

static void fake_index_to_name(uint32_t ifindex, char *buf, size_t size)
{
	if (ifindex >= 10 && ifindex < 110)
		snprintf(buf, size, "eth%u", ifindex - 10);
	else
		snprintf(buf, size, "if%u", ifindex);
}

void fake_ifnames(bool on)
{
	static int (*saved_n2i)(const char *, uint32_t *);
	static void (*saved_i2n)(uint32_t, char *, size_t);

	if (on) {
		saved_n2i = name_to_index;
		saved_i2n = mfe_index_to_name;
		name_to_index = fake_name_to_index;
		mfe_index_to_name = fake_index_to_name;
	} else {
		name_to_index = saved_n2i;
		mfe_index_to_name = saved_i2n;
	}
}

/* ---- runner ----------------------------------------------------------- */

static const struct mr_test *const suites[] = {
	utils_tests, iface_tests, nl_tests, mfe_tests, group_tests,
	querier_tests, batch_tests, madcap_tests,
};

/* Whether @name matches one of the globs @pats[0..npats) (none: all). */
static bool selected(const char *name, char **pats, int npats)
{
	if (!npats)
		return true;
	for (int i = 0; i < npats; i++)
		if (!fnmatch(pats[i], name, 0))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	for (size_t s = 0; s < sizeof(suites) / sizeof(suites[0]); s++) {
		for (const struct mr_test *t = suites[s]; t->name; t++) {
			if (!selected(t->name, argv + 1, argc - 1))
				continue;
			cur_failures = 0;
			t->fn();
			if (cur_failures) {
				printf("FAIL %s (%d)\n", t->name, cur_failures);
				failed++;
			} else {
				printf("PASS %s\n", t->name);
				passed++;
			}
			fflush(stdout);
		}
	}
	if (!passed && !failed) {
		fprintf(stderr, "no test matches");
		for (int i = 1; i < argc; i++)
			fprintf(stderr, " \"%s\"", argv[i]);
		fprintf(stderr, "\n");
		return 1;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
