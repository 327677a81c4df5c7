// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_madcap [-n N] [-s SEED]: a mutation fuzzer for the MADCAP codec,
 * meant to run under -fsanitize=address,undefined.
 *
 * N times (default 200000) it builds a valid message of a random type with
 * random options, mutates the datagram (truncation, bit flips, a length or
 * count set to 0, 1 or 0xFFFF, options spliced in, repeated or removed,
 * unknown options, random bytes) and parses it. Every accepted datagram
 * must build again, no longer than it was, and parse back to the same
 * message, and that must build to the same bytes. The run is the same for
 * the same seed. Exits 1 at the first inconsistency, printing the input.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "madcap.h"

#define BUF_LEN		(MADCAP_MAX_LEN + 64)
#define MAX_OPTS	64

static uint64_t rng = 1;

/* xorshift64*: small, fast and the same everywhere. */
static uint32_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 0x2545f4914f6cdd1dull) >> 32);
}

static unsigned int below(unsigned int n)
{
	return rnd() % n;
}

static void rnd_bytes(void *p, size_t n)
{
	uint8_t *b = p;

	while (n--)
		*b++ = (uint8_t)rnd();
}

static void rnd_text(char *s, size_t max)
{
	size_t n = 1 + below((unsigned int)max), i;

	for (i = 0; i < n; i++)
		s[i] = (char)('a' + below(26));
	s[n] = '\0';
}

static uint8_t *bytes(struct madcap_addr *a)
{
	return a->af == MADCAP_AF_IPV6 ? a->v6.s6_addr : (uint8_t *)&a->v4;
}

static void rnd_addr(struct madcap_addr *a, uint16_t af)
{
	memset(a, 0, sizeof(*a));
	a->af = af;
	rnd_bytes(bytes(a), madcap_addr_len(af));
}

/* @first plus 0 to @max - 1 addresses in @last, or @first on overflow. */
static void rnd_last(const struct madcap_addr *first,
		     struct madcap_addr *last, unsigned int max)
{
	size_t i = madcap_addr_len(first->af);
	unsigned int n = below(max);
	uint8_t *b;

	*last = *first;
	b = bytes(last);
	while (n && i--) {
		n += b[i];
		b[i] = (uint8_t)n;
		n >>= 8;
	}
	if (n)
		*last = *first;
}

/* Entry @i of a scope list: its first byte makes its scope ID unique. */
static void rnd_scope(struct madcap_scope_entry *e, uint16_t af,
		      unsigned int i)
{
	unsigned int j;

	rnd_addr(&e->range.first, af);
	bytes(&e->range.first)[0] = (uint8_t)i;
	rnd_last(&e->range.first, &e->range.last, 1u << 20);
	e->ttl = (uint8_t)rnd();
	e->n_names = below(MADCAP_MAX_NAMES + 1);
	for (j = 0; j < e->n_names; j++) {
		e->names[j].natural = rnd() & 1;
		rnd_text(e->names[j].lang, below(4) ? 5 : MADCAP_MAX_LANG);
		rnd_text(e->names[j].name, below(4) ? 12 : MADCAP_MAX_NAME);
	}
}

/* A range of 1 to 65535 addresses, most of them short. */
static void rnd_range(struct madcap_range *r, uint16_t af)
{
	rnd_addr(&r->first, af);
	rnd_last(&r->first, &r->last, below(8) ? 256 : 0xffff);
}

static void rnd_list(uint16_t *v, unsigned int *n, unsigned int max)
{
	unsigned int i;

	*n = below(max + 1);
	for (i = 0; i < *n; i++)
		v[i] = below(4) ? (uint16_t)below(20) : (uint16_t)rnd();
}

static int64_t rnd_time(void)
{
	return below(8) ? 1700000000 + below(100000000) : rnd();
}

/* A message of a random type and family, each option present or not. */
static void rnd_msg(struct madcap_msg *m)
{
	unsigned int i;

	memset(m, 0, sizeof(*m));
	m->type = (uint8_t)(1 + below(MADCAP_GETINFO));
	m->af = below(2) ? MADCAP_AF_IPV4 : MADCAP_AF_IPV6;
	m->xid = rnd();
	m->present = rnd() & ((1u << (MADCAP_OPT_ERROR + 1)) - 2);
	m->lease_time = rnd();
	rnd_addr(&m->server_id, below(2) ? MADCAP_AF_IPV4 : MADCAP_AF_IPV6);
	m->lease_id_len = 1 + below(below(8) ? 17 : MADCAP_MAX_LEASE_ID);
	rnd_bytes(m->lease_id, m->lease_id_len);
	rnd_addr(&m->scope, m->af);
	rnd_list(m->request, &m->n_request, MADCAP_MAX_CODES - 1);
	m->n_request++;
	m->start_time = rnd_time();
	m->num_min = (uint16_t)rnd();
	m->num_desired = (uint16_t)rnd();
	if (below(4))
		rnd_text(m->lang, below(2) ? 5 : MADCAP_MAX_LANG);
	m->n_scopes = below(4) ? below(4) : below(MADCAP_MAX_SCOPES + 1);
	for (i = 0; i < m->n_scopes; i++)
		rnd_scope(&m->scopes[i], m->af, i);
	m->n_ranges = below(MADCAP_MAX_ADDR_RANGES + 1);
	for (i = 0; i < m->n_ranges; i++)
		rnd_range(&m->ranges[i], m->af);
	m->current_time = rnd_time();
	rnd_list(m->features.supported, &m->features.n_supported,
		 MADCAP_MAX_FEATURES);
	rnd_list(m->features.requested, &m->features.n_requested,
		 MADCAP_MAX_FEATURES);
	rnd_list(m->features.required, &m->features.n_required,
		 MADCAP_MAX_FEATURES);
	m->retry_time = rnd_time();
	m->min_lease = rnd();
	m->max_start = rnd_time();
	m->error = (uint16_t)below(6);
	m->error_data_len = below(MADCAP_MAX_ERR_DATA + 1);
	rnd_bytes(m->error_data, m->error_data_len);
}

/* Build a random valid datagram; drop big lists until it fits. */
static size_t rnd_dgram(uint8_t *buf)
{
	struct madcap_msg m;
	int n;

	rnd_msg(&m);
	while ((n = madcap_build(&m, buf, MADCAP_MAX_LEN)) == -EMSGSIZE &&
	       m.n_scopes)
		m.n_scopes /= 2;
	if (n == -EMSGSIZE) {
		m.present &= ~(1u << MADCAP_OPT_ADDR_LIST);
		n = madcap_build(&m, buf, MADCAP_MAX_LEN);
	}
	if (n < 0) {
		fprintf(stderr, "fuzz: a generated message does not build: %d\n",
			n);
		exit(1);
	}
	return (size_t)n;
}

/* Where each option of a valid datagram starts; the last one is End. */
static unsigned int find_opts(const uint8_t *buf, size_t len, size_t *at)
{
	size_t off = MADCAP_HDR_LEN;
	unsigned int n = 0;

	while (off + 4 <= len && n < MAX_OPTS) {
		at[n++] = off;
		if (!(buf[off] | buf[off + 1]))
			break;
		off += 4 + (size_t)(buf[off + 2] << 8 | buf[off + 3]);
	}
	return n;
}

/* Insert @n bytes from @src at @off of @buf (holding *len bytes). */
static void insert(uint8_t *buf, size_t *len, size_t off, const uint8_t *src,
		   size_t n)
{
	if (*len + n > BUF_LEN)
		n = BUF_LEN - *len;
	memmove(buf + off + n, buf + off, *len - off);
	memcpy(buf + off, src, n);
	*len += n;
}

static void mutate(uint8_t *buf, size_t *len)
{
	static const uint16_t special[] = { 0, 1, 0xffff };
	uint8_t other[BUF_LEN], tmp[BUF_LEN];
	size_t at[MAX_OPTS], oat[MAX_OPTS], olen, p, n;
	unsigned int nopts = find_opts(buf, *len, at), k, i;
	uint16_t v;

	switch (below(10)) {
	case 0:		/* truncation */
		*len = below((unsigned int)*len + 1);
		break;
	case 1:		/* bit flips */
		for (i = 1 + below(4); i && *len; i--) {
			p = below((unsigned int)*len);
			buf[p] ^= (uint8_t)(1u << below(8));
		}
		break;
	case 2:		/* an option's length set to 0, 1 or 0xFFFF */
		if (!nopts)
			break;
		p = at[below(nopts)] + 2;
		v = special[below(3)];
		buf[p] = (uint8_t)(v >> 8);
		buf[p + 1] = (uint8_t)v;
		break;
	case 3:		/* a u16 (a count, a code...) in a value */
	case 4:		/* a byte */
		if (*len < MADCAP_HDR_LEN + 6)
			break;
		p = MADCAP_HDR_LEN + 4 + below((unsigned int)*len -
					       MADCAP_HDR_LEN - 5);
		v = special[below(3)];
		buf[p] = (uint8_t)(v >> 8);
		if (below(2))
			buf[p + 1] = (uint8_t)v;
		break;
	case 5:		/* an option of another message spliced in */
		olen = rnd_dgram(other);
		k = find_opts(other, olen, oat);
		if (!nopts || k < 2)
			break;
		i = below(k - 1);
		n = oat[i + 1] - oat[i];
		insert(buf, len, at[below(nopts)], other + oat[i], n);
		break;
	case 6:		/* an option repeated */
		if (nopts < 2)
			break;
		i = below(nopts - 1);
		n = at[i + 1] - at[i];
		memcpy(tmp, buf + at[i], n);
		insert(buf, len, at[below(nopts)], tmp, n);
		break;
	case 7:		/* an option removed */
		if (nopts < 2)
			break;
		i = below(nopts - 1);
		n = at[i + 1] - at[i];
		memmove(buf + at[i], buf + at[i] + n, *len - at[i] - n);
		*len -= n;
		break;
	case 8:		/* an unknown option */
		if (!nopts)
			break;
		n = below(9);
		tmp[0] = (uint8_t)(below(2) ? 0 : rnd());
		tmp[1] = (uint8_t)(MADCAP_OPT_ERROR + 1 + below(200));
		tmp[2] = 0;
		tmp[3] = (uint8_t)n;
		rnd_bytes(tmp + 4, n);
		insert(buf, len, at[below(nopts)], tmp, n + 4);
		break;
	default:	/* random bytes, often behind a valid header */
		*len = below(BUF_LEN + 1);
		p = below(2) ? MADCAP_HDR_LEN : 0;
		if (p < *len)
			rnd_bytes(buf + p, *len - p);
		if (below(4))
			buf[0] = 0;
		break;
	}
}

static void fail(const char *why, const uint8_t *buf, size_t len)
{
	size_t i;

	fprintf(stderr, "fuzz: %s; seed state %#llx, input (%zu bytes):",
		why, (unsigned long long)rng, len);
	for (i = 0; i < len; i++)
		fprintf(stderr, "%s%02x", i % 16 ? " " : "\n  ", buf[i]);
	fputc('\n', stderr);
	exit(1);
}

/* Parse @buf; if accepted, check that build and parse agree with it. */
static enum madcap_parse_err check(const uint8_t *buf, size_t len)
{
	static struct madcap_msg a, b;
	uint8_t out[MADCAP_MAX_LEN], again[MADCAP_MAX_LEN];
	enum madcap_parse_err err;
	int n;

	err = madcap_parse(buf, len, &a);
	if (err)
		return err;
	n = madcap_build(&a, out, sizeof(out));
	if (n == -EINVAL && (!a.type || a.type > MADCAP_GETINFO ||
			     !madcap_addr_len(a.af)))
		return err;	/* parsed for a NAK, but never sent [2.2] */
	if (n < 0)
		fail("an accepted message does not build", buf, len);
	if ((size_t)n > len)
		fail("the rebuilt message is longer", buf, len);
	if (madcap_parse(out, (size_t)n, &b) != MADCAP_PARSE_OK)
		fail("the rebuilt message is refused", buf, len);
	if (memcmp(&a, &b, sizeof(a)))
		fail("the two parses differ", buf, len);
	if (madcap_build(&b, again, sizeof(again)) != n ||
	    memcmp(out, again, (size_t)n))
		fail("building twice gives different bytes", buf, len);
	return err;
}

static unsigned long number(const char *s, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || !*s || *end || *s == '-') {
		fprintf(stderr, "fuzz_madcap: bad %s '%s'\n", what, s);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	unsigned long n = 200000, i, kinds[MADCAP_PARSE_NR] = { 0 };
	uint8_t buf[BUF_LEN];
	int c;

	while ((c = getopt(argc, argv, "n:s:")) != -1) {
		switch (c) {
		case 'n':
			n = number(optarg, "count");
			break;
		case 's':	/* xorshift needs a state other than 0 */
			rng = number(optarg, "seed") * 0x9e3779b97f4a7c15ull;
			if (!rng)
				rng = 1;
			break;
		default:
			fprintf(stderr, "usage: fuzz_madcap [-n N] [-s SEED]\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: fuzz_madcap [-n N] [-s SEED]\n");
		return 2;
	}

	for (i = 0; i < n; i++) {
		size_t len = rnd_dgram(buf);
		unsigned int rounds = below(8) ? 1 + below(3) : 0;

		while (rounds--)
			mutate(buf, &len);
		kinds[check(buf, len)]++;
	}

	printf("fuzz: %lu inputs, %lu accepted, %lu refused\n", n,
	       kinds[MADCAP_PARSE_OK], n - kinds[MADCAP_PARSE_OK]);
	printf("fuzz: refused as");
	for (c = 1; c < MADCAP_PARSE_NR; c++)
		printf("%s %s %lu", c > 1 ? "," : "",
		       madcap_parse_strerror(c), kinds[c]);
	printf("\n");
	return 0;
}
