// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests (cmocka) of the MADCAP codec, tools/madcap/madcap.c: the wire
 * bytes of every option, round trips, RFC 2730's own scope list example
 * (section 3.10), every way a datagram is refused, madcap_build()'s
 * refusals, the time encoding and the address helpers.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "madcap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define XID		0x01, 0x02, 0x03, 0x04
#define END		0x00, 0x00, 0x00, 0x00
#define LEASE_3600	0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x0e, 0x10

/* Put a header (version 0, @type, @af, xid 0x01020304) and @opts in @buf. */
static size_t dgram(uint8_t *buf, uint8_t type, uint16_t af,
		    const uint8_t *opts, size_t n)
{
	const uint8_t hdr[MADCAP_HDR_LEN] = { 0, type, af >> 8, af & 0xff,
					      XID };

	memcpy(buf, hdr, sizeof(hdr));
	memcpy(buf + sizeof(hdr), opts, n);
	return sizeof(hdr) + n;
}

/* Parse a GETINFO of family @af with the options that follow. */
#define EXPECT_AF(want, af, ...) do {					\
	static const uint8_t o_[] = { __VA_ARGS__ };			\
	uint8_t b_[MADCAP_MAX_LEN];					\
	struct madcap_msg m_;						\
	size_t n_ = dgram(b_, MADCAP_GETINFO, af, o_, sizeof(o_));	\
									\
	assert_int_equal(madcap_parse(b_, n_, &m_), want);		\
} while (0)
#define EXPECT(want, ...) EXPECT_AF(want, MADCAP_AF_IPV4, __VA_ARGS__)

static void init(struct madcap_msg *m, uint8_t type, uint16_t af)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
	m->af = af;
	m->xid = 0x01020304;
}

static struct madcap_addr addr(const char *s)
{
	struct madcap_addr a;

	assert_int_equal(madcap_addr_parse(s, &a), 0);
	return a;
}

static void set_name(struct madcap_scope_name *nm, bool natural,
		     const char *lang, const char *name)
{
	nm->natural = natural;
	strcpy(nm->lang, lang);
	strcpy(nm->name, name);
}

/*
 * Build @m, check that its options are exactly @opt followed by End, and
 * that the datagram parses back to @m.
 */
static void check_wire(const struct madcap_msg *m, const uint8_t *opt,
		       size_t optlen)
{
	const uint8_t hdr[MADCAP_HDR_LEN] = { 0, m->type, m->af >> 8,
					      m->af & 0xff, XID };
	const uint8_t end[] = { END };
	uint8_t buf[MADCAP_MAX_LEN];
	struct madcap_msg back;
	int n;

	n = madcap_build(m, buf, sizeof(buf));
	assert_int_equal(n, MADCAP_HDR_LEN + optlen + sizeof(end));
	assert_memory_equal(buf, hdr, sizeof(hdr));
	assert_memory_equal(buf + MADCAP_HDR_LEN, opt, optlen);
	assert_memory_equal(buf + MADCAP_HDR_LEN + optlen, end, sizeof(end));
	assert_int_equal(madcap_parse(buf, n, &back), MADCAP_PARSE_OK);
	assert_memory_equal(&back, m, sizeof(back));
}

#define WIRE(m, ...) do {						\
	static const uint8_t w_[] = { __VA_ARGS__ };			\
									\
	check_wire(m, w_, sizeof(w_));					\
} while (0)

static void test_header_only(void **state)
{
	const uint8_t d[] = { 0, MADCAP_GETINFO, 0, 1, XID, END };
	struct madcap_msg m;

	(void)state;
	assert_int_equal(madcap_parse(d, sizeof(d), &m), MADCAP_PARSE_OK);
	assert_int_equal(m.version, 0);
	assert_int_equal(m.type, MADCAP_GETINFO);
	assert_int_equal(m.af, MADCAP_AF_IPV4);
	assert_int_equal(m.xid, 0x01020304);
	assert_int_equal(m.present, 0);
}

static void test_opt_lease_time(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_OFFER, MADCAP_AF_IPV4);
	m.lease_time = 3600;
	madcap_set(&m, MADCAP_OPT_LEASE_TIME);
	WIRE(&m, LEASE_3600);
}

/* [3.3]: the family is the option's own, not the header's. */
static void test_opt_server_id(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_ACK, MADCAP_AF_IPV4);
	m.server_id = addr("192.0.2.1");
	madcap_set(&m, MADCAP_OPT_SERVER_ID);
	WIRE(&m, 0x00, 0x02, 0x00, 0x06, 0x00, 0x01, 192, 0, 2, 1);

	m.server_id = addr("2001:db8::1");
	WIRE(&m, 0x00, 0x02, 0x00, 0x12, 0x00, 0x02,
	     0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
}

static void test_opt_lease_id(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_RELEASE, MADCAP_AF_IPV4);
	m.lease_id[0] = 0x00;
	m.lease_id[1] = 0xaa;
	m.lease_id[2] = 0xbb;
	m.lease_id_len = 3;
	madcap_set(&m, MADCAP_OPT_LEASE_ID);
	WIRE(&m, 0x00, 0x03, 0x00, 0x03, 0x00, 0xaa, 0xbb);
}

/* [3.5]: the scope ID is of the header's family, with no family field. */
static void test_opt_scope(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_DISCOVER, MADCAP_AF_IPV4);
	m.scope = addr("239.192.0.0");
	madcap_set(&m, MADCAP_OPT_SCOPE);
	WIRE(&m, 0x00, 0x04, 0x00, 0x04, 239, 192, 0, 0);

	init(&m, MADCAP_DISCOVER, MADCAP_AF_IPV6);
	m.scope = addr("ff15::");
	madcap_set(&m, MADCAP_OPT_SCOPE);
	WIRE(&m, 0x00, 0x04, 0x00, 0x10,
	     0xff, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

static void test_opt_request_list(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_GETINFO, MADCAP_AF_IPV4);
	m.request[0] = MADCAP_OPT_SCOPE_LIST;
	m.request[1] = MADCAP_OPT_FEATURES;
	m.n_request = 2;
	madcap_set(&m, MADCAP_OPT_REQUEST_LIST);
	WIRE(&m, 0x00, 0x05, 0x00, 0x04, 0x00, 0x09, 0x00, 0x0c);
}

static void test_opt_start_time(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_REQUEST, MADCAP_AF_IPV4);
	m.start_time = 1700000000;
	madcap_set(&m, MADCAP_OPT_START_TIME);
	WIRE(&m, 0x00, 0x06, 0x00, 0x04, 0x65, 0x53, 0xf1, 0x00);
}

static void test_opt_num_addrs(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_REQUEST, MADCAP_AF_IPV4);
	m.num_min = 2;
	m.num_desired = 5;
	madcap_set(&m, MADCAP_OPT_NUM_ADDRS);
	WIRE(&m, 0x00, 0x07, 0x00, 0x04, 0x00, 0x02, 0x00, 0x05);

	/* min > desired is the server's to refuse (error 1, [3.8]) */
	m.num_min = 6;
	WIRE(&m, 0x00, 0x07, 0x00, 0x04, 0x00, 0x06, 0x00, 0x05);
}

/* [3.9]: a language tag, minimum length 0. */
static void test_opt_language(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_GETINFO, MADCAP_AF_IPV4);
	strcpy(m.lang, "en");
	madcap_set(&m, MADCAP_OPT_LANGUAGE);
	WIRE(&m, 0x00, 0x08, 0x00, 0x02, 'e', 'n');

	memset(m.lang, 0, sizeof(m.lang));
	WIRE(&m, 0x00, 0x08, 0x00, 0x00);
}

/*
 * RFC 2730 section 3.10, "Example": a server supporting two scopes, "Inside
 * abcd.com" 239.192.0.0-239.195.255.255 (TTL 10) and "world"
 * 224.0.1.0-238.255.255.255 (TTL 16), both with name flags 128 and language
 * tag "en". The option bytes are the RFC's, field by field; Len is 51.
 */
static const uint8_t rfc_scope_list[] = {
	0x00, 0x09, 0x00, 51,			/* Code 9, Len 51 */
	2,					/* Count */
	239, 192, 0, 0, 239, 195, 255, 255,	/* Scope ID, Last Address */
	10, 1,					/* TTL, Name Count */
	128, 2, 'e', 'n',			/* Flags, Lang Length, Tag */
	15, 'I', 'n', 's', 'i', 'd', 'e', ' ',	/* Name Length, Name */
	'a', 'b', 'c', 'd', '.', 'c', 'o', 'm',
	224, 0, 1, 0, 238, 255, 255, 255,	/* Scope ID, Last Address */
	16, 1,					/* TTL, Name Count */
	128, 2, 'e', 'n',			/* Flags, Lang Length, Tag */
	5, 'w', 'o', 'r', 'l', 'd',		/* Name Length, Name */
};

static void test_rfc_scope_list_example(void **state)
{
	uint8_t d[MADCAP_MAX_LEN], opts[sizeof(rfc_scope_list) + 4];
	struct madcap_msg m, want;
	size_t n;

	(void)state;
	memcpy(opts, rfc_scope_list, sizeof(rfc_scope_list));
	memset(opts + sizeof(rfc_scope_list), 0, 4);	/* End */
	n = dgram(d, MADCAP_ACK, MADCAP_AF_IPV4, opts, sizeof(opts));
	assert_int_equal(madcap_parse(d, n, &m), MADCAP_PARSE_OK);
	assert_int_equal(m.present, 1u << MADCAP_OPT_SCOPE_LIST);
	assert_int_equal(m.n_scopes, 2);
	assert_int_equal(m.scopes[0].ttl, 10);
	assert_int_equal(m.scopes[0].n_names, 1);
	assert_true(m.scopes[0].names[0].natural);
	assert_string_equal(m.scopes[0].names[0].lang, "en");
	assert_string_equal(m.scopes[0].names[0].name, "Inside abcd.com");
	assert_string_equal(m.scopes[1].names[0].name, "world");

	init(&want, MADCAP_ACK, MADCAP_AF_IPV4);
	madcap_set(&want, MADCAP_OPT_SCOPE_LIST);
	want.n_scopes = 2;
	want.scopes[0].range.first = addr("239.192.0.0");
	want.scopes[0].range.last = addr("239.195.255.255");
	want.scopes[0].ttl = 10;
	want.scopes[0].n_names = 1;
	set_name(&want.scopes[0].names[0], true, "en", "Inside abcd.com");
	want.scopes[1].range.first = addr("224.0.1.0");
	want.scopes[1].range.last = addr("238.255.255.255");
	want.scopes[1].ttl = 16;
	want.scopes[1].n_names = 1;
	set_name(&want.scopes[1].names[0], true, "en", "world");
	assert_memory_equal(&m, &want, sizeof(m));
	check_wire(&want, rfc_scope_list, sizeof(rfc_scope_list));
}

/* IPv6 entries, several names, no names, an empty list, ignored flag bits */
static void test_opt_scope_list(void **state)
{
	struct madcap_msg m;
	struct madcap_scope_entry *e;

	(void)state;
	init(&m, MADCAP_ACK, MADCAP_AF_IPV6);
	madcap_set(&m, MADCAP_OPT_SCOPE_LIST);
	WIRE(&m, 0x00, 0x09, 0x00, 0x00);

	m.n_scopes = 2;
	e = &m.scopes[0];
	e->range.first = addr("ff15::8000:0");
	e->range.last = addr("ff15::ffff:ffff");
	e->ttl = 1;
	e->n_names = 2;
	set_name(&e->names[0], false, "de", "Lokal");
	set_name(&e->names[1], true, "en-GB", "Local");
	e = &m.scopes[1];
	e->range.first = addr("ff18::");
	e->range.last = addr("ff18::ff");
	e->ttl = 255;
	WIRE(&m, 0x00, 0x09, 0x00, 0x5c, 2,
	     0xff, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0,
	     0xff, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff,
	     1, 2,
	     0, 2, 'd', 'e', 5, 'L', 'o', 'k', 'a', 'l',
	     0x80, 5, 'e', 'n', '-', 'G', 'B', 5, 'L', 'o', 'c', 'a', 'l',
	     0xff, 0x18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	     0xff, 0x18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
	     255, 0);

	/*
	 * A count of 0 is an empty list too; flag bits but the high one
	 * "MUST be ignored" [3.10].
	 */
	EXPECT(MADCAP_PARSE_OK, 0x00, 0x09, 0x00, 0x01, 0, END);
	EXPECT(MADCAP_PARSE_OK, 0x00, 0x09, 0x00, 0x10, 1,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, 1,
	       0x7f, 1, 'x', 1, 'y', END);
}

/* [3.11]: start address and a 16-bit block size per range. */
static void test_opt_addr_list(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_ACK, MADCAP_AF_IPV4);
	madcap_set(&m, MADCAP_OPT_ADDR_LIST);
	WIRE(&m, 0x00, 0x0a, 0x00, 0x00);	/* empty: Retry After */

	m.n_ranges = 3;
	m.ranges[0].first = addr("239.192.0.1");
	m.ranges[0].last = addr("239.192.0.4");
	m.ranges[1].first = addr("239.192.0.255");
	m.ranges[1].last = addr("239.192.1.0");
	m.ranges[2].first = addr("239.193.0.0");
	m.ranges[2].last = addr("239.193.255.254");
	WIRE(&m, 0x00, 0x0a, 0x00, 0x12,
	     239, 192, 0, 1, 0x00, 0x04,
	     239, 192, 0, 255, 0x00, 0x02,
	     239, 193, 0, 0, 0xff, 0xff);

	init(&m, MADCAP_ACK, MADCAP_AF_IPV6);
	madcap_set(&m, MADCAP_OPT_ADDR_LIST);
	m.n_ranges = 1;
	m.ranges[0].first = addr("ff15::1:ffff");
	m.ranges[0].last = addr("ff15::2:0");
	WIRE(&m, 0x00, 0x0a, 0x00, 0x12,
	     0xff, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, 0xff,
	     0x00, 0x02);
}

static void test_opt_current_time(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_REQUEST, MADCAP_AF_IPV4);
	m.current_time = UINT32_MAX;	/* 2106-02-07, where [3.12] wraps */
	madcap_set(&m, MADCAP_OPT_CURRENT_TIME);
	WIRE(&m, 0x00, 0x0b, 0x00, 0x04, 0xff, 0xff, 0xff, 0xff);
}

/* [3.13]: supported, requested and required lists, each counted. */
static void test_opt_features(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_REQUEST, MADCAP_AF_IPV4);
	madcap_set(&m, MADCAP_OPT_FEATURES);
	WIRE(&m, 0x00, 0x0c, 0x00, 0x06, 0, 0, 0, 0, 0, 0);

	m.features.supported[0] = MADCAP_FEAT_SERVER_MOBILITY;
	m.features.supported[1] = MADCAP_FEAT_RETRY_AFTER;
	m.features.n_supported = 2;
	m.features.required[0] = MADCAP_FEAT_SHARED_LEASE_ID;
	m.features.n_required = 1;
	WIRE(&m, 0x00, 0x0c, 0x00, 0x0c,
	     0x00, 0x02, 0x00, 0x00, 0x00, 0x01,
	     0x00, 0x00,
	     0x00, 0x01, 0x00, 0x02);
}

static void test_opt_retry_time(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_ACK, MADCAP_AF_IPV4);
	m.retry_time = 1700003600;
	madcap_set(&m, MADCAP_OPT_RETRY_TIME);
	WIRE(&m, 0x00, 0x0d, 0x00, 0x04, 0x65, 0x53, 0xff, 0x10);
}

static void test_opt_min_lease(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_DISCOVER, MADCAP_AF_IPV4);
	m.min_lease = 60;
	madcap_set(&m, MADCAP_OPT_MIN_LEASE);
	WIRE(&m, 0x00, 0x0e, 0x00, 0x04, 0x00, 0x00, 0x00, 0x3c);
}

static void test_opt_max_start(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_DISCOVER, MADCAP_AF_IPV4);
	m.max_start = 1700007200;
	madcap_set(&m, MADCAP_OPT_MAX_START);
	WIRE(&m, 0x00, 0x0f, 0x00, 0x04, 0x65, 0x54, 0x0d, 0x20);
}

/* [3.17]: error code, then extra data (here an option code, [3.17.1]). */
static void test_opt_error(void **state)
{
	struct madcap_msg m;

	(void)state;
	init(&m, MADCAP_NAK, MADCAP_AF_IPV4);
	m.error = MADCAP_ERR_NOT_COMPLETED;
	m.error_data[0] = 0x00;
	m.error_data[1] = MADCAP_OPT_SCOPE;
	m.error_data_len = 2;
	madcap_set(&m, MADCAP_OPT_ERROR);
	WIRE(&m, 0x00, 0x10, 0x00, 0x04, 0x00, 0x00, 0x00, 0x04);

	m.error = MADCAP_ERR_BAD_LEASE_ID;
	memset(m.error_data, 0, sizeof(m.error_data));
	m.error_data_len = 0;
	WIRE(&m, 0x00, 0x10, 0x00, 0x02, 0x00, 0x03);
}

/* A message carrying every option: written in ascending code order. */
static void fill_all(struct madcap_msg *m)
{
	init(m, MADCAP_ACK, MADCAP_AF_IPV4);
	m->present = ((1u << (MADCAP_OPT_ERROR + 1)) - 1) & ~1u;
	m->lease_time = 3600;
	m->server_id = addr("192.0.2.1");
	m->lease_id[0] = 7;
	m->lease_id_len = 1;
	m->scope = addr("239.192.0.0");
	m->request[0] = MADCAP_OPT_SCOPE_LIST;
	m->n_request = 1;
	m->start_time = 1700000000;
	m->num_min = 1;
	m->num_desired = 4;
	strcpy(m->lang, "en");
	m->n_scopes = 1;
	m->scopes[0].range.first = addr("239.192.0.0");
	m->scopes[0].range.last = addr("239.195.255.255");
	m->scopes[0].ttl = 32;
	m->scopes[0].n_names = 1;
	set_name(&m->scopes[0].names[0], true, "en", "site");
	m->n_ranges = 1;
	m->ranges[0].first = addr("239.192.0.10");
	m->ranges[0].last = addr("239.192.0.13");
	m->current_time = 1699999999;
	m->features.n_supported = 1;
	m->retry_time = 1700003600;
	m->min_lease = 60;
	m->max_start = 1700007200;
	m->error = MADCAP_ERR_INVALID;
	m->error_data_len = 2;
	m->error_data[0] = 0xff;
	m->error_data[1] = 0xff;
}

static void test_all_options_in_order(void **state)
{
	uint8_t buf[MADCAP_MAX_LEN];
	struct madcap_msg m, back;
	size_t off = MADCAP_HDR_LEN;
	unsigned int code;
	int n;

	(void)state;
	fill_all(&m);
	n = madcap_build(&m, buf, sizeof(buf));
	assert_true(n > 0);
	for (code = MADCAP_OPT_LEASE_TIME; code <= MADCAP_OPT_ERROR; code++) {
		assert_int_equal(buf[off] << 8 | buf[off + 1], code);
		off += 4 + (buf[off + 2] << 8 | buf[off + 3]);
	}
	assert_int_equal(off + 4, n);
	assert_int_equal(buf[off] | buf[off + 1] | buf[off + 2] | buf[off + 3],
			 0);
	assert_int_equal(madcap_parse(buf, n, &back), MADCAP_PARSE_OK);
	assert_memory_equal(&back, &m, sizeof(m));
}

/*
 * [3.7, 3.12, 3.14, 3.16]: times are u32 Unix seconds, not NTP's seconds
 * since 1900 (those are Unix + 2208988800), in every time option.
 */
static void test_time_is_unix_not_ntp(void **state)
{
	static const uint8_t opts[] = {
		0x00, 0x06, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x0b, 0x00, 0x04, 0x83, 0xaa, 0x7e, 0x80,
		0x00, 0x0d, 0x00, 0x04, 0x65, 0x53, 0xf1, 0x00,
		0x00, 0x0f, 0x00, 0x04, 0xff, 0xff, 0xff, 0xff, END,
	};
	int64_t *t[4], bad[2] = { -1, (int64_t)UINT32_MAX + 1 };
	uint8_t d[MADCAP_MAX_LEN];
	struct madcap_msg m;
	unsigned int i, j;
	size_t n;

	(void)state;
	n = dgram(d, MADCAP_REQUEST, MADCAP_AF_IPV4, opts, sizeof(opts));
	assert_int_equal(madcap_parse(d, n, &m), MADCAP_PARSE_OK);
	assert_int_equal(m.start_time, 0);		/* 1970-01-01 */
	assert_int_equal(m.current_time, 2208988800);	/* 2040-01-01 */
	assert_int_equal(m.retry_time, 1700000000);	/* 2023-11-14 */
	assert_int_equal(m.max_start, 4294967295);	/* 2106-02-07 */

	t[0] = &m.start_time;
	t[1] = &m.current_time;
	t[2] = &m.retry_time;
	t[3] = &m.max_start;
	for (i = 0; i < 4; i++)
		for (j = 0; j < 2; j++) {
			int64_t keep = *t[i];

			*t[i] = bad[j];
			assert_int_equal(madcap_build(&m, d, sizeof(d)),
					 -ERANGE);
			*t[i] = keep;
		}
	assert_int_equal(madcap_build(&m, d, sizeof(d)), n);
	assert_memory_equal(d + MADCAP_HDR_LEN, opts, sizeof(opts));
}

static void test_refuse_short(void **state)
{
	const uint8_t d[] = { 0, MADCAP_GETINFO, 0, 1, XID, END };
	struct madcap_msg m;
	size_t len;

	(void)state;
	for (len = 0; len < sizeof(d); len++)
		assert_int_equal(madcap_parse(d, len, &m), MADCAP_PARSE_SHORT);
	assert_int_equal(madcap_parse(d, sizeof(d), &m), MADCAP_PARSE_OK);
}

/* Bytes after End are ignored [3.1]; the datagram may not exceed 1472. */
static void test_refuse_long(void **state)
{
	uint8_t d[MADCAP_MAX_LEN + 1] = { 0, MADCAP_GETINFO, 0, 1, XID, END };
	struct madcap_msg m;

	(void)state;
	memset(d + 12, 0xee, sizeof(d) - 12);
	assert_int_equal(madcap_parse(d, MADCAP_MAX_LEN, &m), MADCAP_PARSE_OK);
	assert_int_equal(madcap_parse(d, sizeof(d), &m),
			 MADCAP_PARSE_TOO_MANY);
}

static void test_refuse_version(void **state)
{
	uint8_t d[] = { 1, MADCAP_GETINFO, 0, 1, XID, END };
	struct madcap_msg m;

	(void)state;
	assert_int_equal(madcap_parse(d, sizeof(d), &m), MADCAP_PARSE_VERSION);
	d[0] = 0xff;
	assert_int_equal(madcap_parse(d, sizeof(d), &m), MADCAP_PARSE_VERSION);
}

static void test_refuse_truncated_option(void **state)
{
	(void)state;
	/* half an option header, then a third of one */
	EXPECT(MADCAP_PARSE_OPTION, LEASE_3600, 0x00, 0x00);
	EXPECT(MADCAP_PARSE_OPTION, LEASE_3600, 0x00);
	/* a value cut short */
	EXPECT(MADCAP_PARSE_OPTION, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00);
	EXPECT(MADCAP_PARSE_OPTION, 0x00, 0x03, 0x00, 0x05, 1, 2, 3, 4);
}

static void test_refuse_missing_end(void **state)
{
	(void)state;
	EXPECT(MADCAP_PARSE_OPTION, LEASE_3600);
	EXPECT(MADCAP_PARSE_OPTION, 0x12, 0x34, 0x00, 0x00);
}

/* An option length of 0xFFFF runs past any datagram. */
static void test_refuse_length_ffff(void **state)
{
	(void)state;
	EXPECT(MADCAP_PARSE_OPTION, 0x00, 0x03, 0xff, 0xff, 1, END);
	EXPECT(MADCAP_PARSE_OPTION, 0x80, 0x00, 0xff, 0xff, 1, END);
	EXPECT(MADCAP_PARSE_OPTION, 0x00, 0x00, 0xff, 0xff);
}

/* Every option whose minimum length is above 0 [3.2-3.17]. */
static void test_refuse_zero_length(void **state)
{
	static const uint16_t codes[] = {
		1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16,
	};
	uint8_t d[MADCAP_MAX_LEN], o[] = { 0, 0, 0, 0, END };
	struct madcap_msg m;
	unsigned int i;
	size_t n;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(codes); i++) {
		o[1] = (uint8_t)codes[i];
		n = dgram(d, MADCAP_GETINFO, MADCAP_AF_IPV4, o, sizeof(o));
		assert_int_equal(madcap_parse(d, n, &m),
				 MADCAP_PARSE_BAD_VALUE);
	}
	/* options 8, 9 and 10 may be empty */
	EXPECT(MADCAP_PARSE_OK, 0x00, 0x08, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00,
	       0x00, 0x0a, 0x00, 0x00, END);
}

static void test_refuse_wrong_length(void **state)
{
	(void)state;
	/* fixed 4-byte options, one byte long and one byte short */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x01, 0x00, 0x05, 0, 0, 0, 0, 0,
	       END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x0b, 0x00, 0x03, 0, 0, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x07, 0x00, 0x06, 0, 1, 0, 1,
	       0, 0, END);
	/* an address of the wrong length for its family */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x02, 0x00, 0x07, 0, 1,
	       192, 0, 2, 1, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x02, 0x00, 0x06, 0, 2,
	       192, 0, 2, 1, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x04, 0x00, 0x05,
	       239, 192, 0, 0, 0, END);
	EXPECT_AF(MADCAP_PARSE_BAD_VALUE, MADCAP_AF_IPV6, 0x00, 0x04, 0x00, 0x04,
		  239, 192, 0, 0, END);
	/* End has length 0 [3.1] */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x00, 0x00, 0x01, 0x00);
}

static void test_refuse_duplicate(void **state)
{
	(void)state;
	EXPECT(MADCAP_PARSE_DUPLICATE, LEASE_3600, LEASE_3600, END);
	EXPECT(MADCAP_PARSE_DUPLICATE, 0x00, 0x11, 0x00, 0x00,
	       0x00, 0x11, 0x00, 0x00, END);
	/* a repeated unknown option is skipped like any unknown one */
	EXPECT(MADCAP_PARSE_OK, 0x40, 0x00, 0x00, 0x00,
	       0x40, 0x00, 0x00, 0x00, END);
}

static void test_refuse_lease_id_over_255(void **state)
{
	uint8_t d[MADCAP_MAX_LEN], o[4 + 256 + 4] = { 0, MADCAP_OPT_LEASE_ID };
	struct madcap_msg m;
	size_t n;

	(void)state;
	o[2] = 0x01;			/* 256 bytes */
	n = dgram(d, MADCAP_RENEW, MADCAP_AF_IPV4, o, sizeof(o));
	assert_int_equal(madcap_parse(d, n, &m), MADCAP_PARSE_TOO_MANY);

	o[2] = 0x00;			/* 255 bytes, then End */
	o[3] = 0xff;
	n = dgram(d, MADCAP_RENEW, MADCAP_AF_IPV4, o, sizeof(o) - 1);
	assert_int_equal(madcap_parse(d, n, &m), MADCAP_PARSE_OK);
	assert_int_equal(m.lease_id_len, 255);
}

/* Counts at 0xFFFF or over the MADCAP_MAX_* bounds. */
static void test_refuse_counts(void **state)
{
	(void)state;
	/* feature counts 0xFFFF, 9 */
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x0c, 0x00, 0x06,
	       0xff, 0xff, 0, 0, 0, 0, END);
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x0c, 0x00, 0x06,
	       0, 0, 0, 9, 0, 0, END);
	/* scope counts 0xFF, 33; name count 5 */
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x09, 0x00, 0x01, 0xff, END);
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x09, 0x00, 0x01, 33, END);
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x09, 0x00, 0x0b, 1,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, 5, END);
	/* 33 requested options, 33 address ranges */
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x05, 0x00, 66,
	       [69] = 0, END);
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x0a, 0x00, 198,
	       [201] = 0, END);
	/* a language tag of 33 bytes; 65 bytes of error data */
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x08, 0x00, 33,
	       [4 ... 36] = 'a', END);
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x10, 0x00, 67,
	       [71] = 0, END);
	/* a zone name of 65 bytes */
	EXPECT(MADCAP_PARSE_TOO_MANY, 0x00, 0x09, 0x00, 80, 1,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, 1, 0, 1, 'x', 65,
	       [19 ... 83] = 'n', END);
}

static void test_refuse_bad_values(void **state)
{
	(void)state;
	/* a server identifier of an unknown family */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x02, 0x00, 0x06, 0, 3,
	       192, 0, 2, 1, END);
	/* header family 3 with an option that depends on it */
	EXPECT_AF(MADCAP_PARSE_BAD_VALUE, 3, 0x00, 0x04, 0x00, 0x04,
		  239, 192, 0, 0, END);
	/* an odd-length request list */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x05, 0x00, 0x03, 0, 9, 0, END);
	/*
	 * Address ranges: length not a multiple of 6, block size 0, a block
	 * past 255.255.255.255.
	 */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x0a, 0x00, 0x05,
	       239, 0, 0, 1, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x0a, 0x00, 0x06,
	       239, 0, 0, 1, 0, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x0a, 0x00, 0x06,
	       255, 255, 255, 255, 0, 2, END);
	/*
	 * Scope list: language and name of length 0 [3.10], last < first, a
	 * repeated scope ID, a byte too many, an entry cut short.
	 */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x09, 0x00, 0x0f, 1,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, 1, 0, 0, 1, 'y', END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x09, 0x00, 0x0f, 1,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, 1, 0, 1, 'x', 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x09, 0x00, 0x0b, 1,
	       239, 0, 1, 0, 239, 0, 0, 255, 8, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x09, 0x00, 0x15, 2,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, 0,
	       239, 0, 0, 0, 239, 0, 1, 255, 8, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x09, 0x00, 0x0c, 1,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, 0, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x09, 0x00, 0x0a, 1,
	       239, 0, 0, 0, 239, 0, 0, 255, 8, END);
	/* a NUL inside a language tag */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x08, 0x00, 0x02, 'e', 0, END);
	/* feature list: under 6 bytes, a count past the value, a byte over */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x0c, 0x00, 0x05,
	       0, 0, 0, 0, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x0c, 0x00, 0x06,
	       0, 2, 0, 0, 0, 0, END);
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x0c, 0x00, 0x07,
	       0, 0, 0, 0, 0, 0, 0, END);
	/* an error option of one byte */
	EXPECT(MADCAP_PARSE_BAD_VALUE, 0x00, 0x10, 0x00, 0x01, 0, END);
}

/* [2.1.5]: unknown options MUST be ignored, but must still fit. */
static void test_unknown_options(void **state)
{
	static const uint8_t o[] = {
		0x00, 0x11, 0x00, 0x03, 1, 2, 3,	/* RFC 2907's */
		0x80, 0x00, 0x00, 0x02, 0xaa, 0xbb,
		LEASE_3600,
		0xff, 0xff, 0x00, 0x00, END,
	};
	uint8_t d[MADCAP_MAX_LEN];
	struct madcap_msg m;
	size_t n;

	(void)state;
	n = dgram(d, MADCAP_OFFER, MADCAP_AF_IPV4, o, sizeof(o));
	assert_int_equal(madcap_parse(d, n, &m), MADCAP_PARSE_OK);
	assert_int_equal(m.present, 1u << MADCAP_OPT_LEASE_TIME);
	assert_int_equal(m.lease_time, 3600);

	EXPECT(MADCAP_PARSE_OPTION, 0x80, 0x00, 0x00, 0x09, 1, 2, 3, 4);
}

/*
 * [2.2]: a server answers an unknown msgtype with an Invalid Request
 * error, so madcap_parse() accepts it; madcap_build() sends none. The same
 * holds for an unknown family when no option depends on it.
 */
static void test_unknown_type_and_family(void **state)
{
	uint8_t d[] = { 0, 0, 0, 1, XID, END };
	uint8_t out[MADCAP_MAX_LEN];
	struct madcap_msg m;

	(void)state;
	assert_int_equal(madcap_parse(d, sizeof(d), &m), MADCAP_PARSE_OK);
	assert_string_equal(madcap_type_name(m.type), "unknown");
	assert_int_equal(madcap_build(&m, out, sizeof(out)), -EINVAL);
	d[1] = 9;
	assert_int_equal(madcap_parse(d, sizeof(d), &m), MADCAP_PARSE_OK);
	assert_int_equal(madcap_build(&m, out, sizeof(out)), -EINVAL);
	d[1] = MADCAP_GETINFO;
	d[3] = 3;
	assert_int_equal(madcap_parse(d, sizeof(d), &m), MADCAP_PARSE_OK);
	assert_int_equal(m.af, 3);
	assert_int_equal(madcap_build(&m, out, sizeof(out)), -EINVAL);
}

/* Every buffer size short of the datagram, and no byte written past it. */
static void test_build_small_buffer(void **state)
{
	uint8_t buf[MADCAP_MAX_LEN + 16];
	struct madcap_msg m;
	int n, size;

	(void)state;
	fill_all(&m);
	n = madcap_build(&m, buf, MADCAP_MAX_LEN);
	assert_true(n > 0);
	for (size = 0; size < n; size++) {
		memset(buf, 0x5a, sizeof(buf));
		assert_int_equal(madcap_build(&m, buf, size), -EMSGSIZE);
		assert_int_equal(buf[size], 0x5a);
	}
	assert_int_equal(madcap_build(&m, buf, n), n);
}

/* Bounded lists at their largest do not fit in MADCAP_MAX_LEN bytes. */
static void test_build_over_max_len(void **state)
{
	static uint8_t buf[4 * MADCAP_MAX_LEN];
	struct madcap_msg m;
	unsigned int i, j;

	(void)state;
	init(&m, MADCAP_ACK, MADCAP_AF_IPV6);
	madcap_set(&m, MADCAP_OPT_SCOPE_LIST);
	m.n_scopes = MADCAP_MAX_SCOPES;
	for (i = 0; i < MADCAP_MAX_SCOPES; i++) {
		struct madcap_scope_entry *e = &m.scopes[i];

		e->range.first = addr("ff15::");
		e->range.first.v6.s6_addr[15] = (uint8_t)i;
		e->range.last = e->range.first;
		e->n_names = MADCAP_MAX_NAMES;
		for (j = 0; j < MADCAP_MAX_NAMES; j++) {
			memset(e->names[j].lang, 'l', MADCAP_MAX_LANG);
			memset(e->names[j].name, 'n', MADCAP_MAX_NAME);
		}
	}
	assert_int_equal(madcap_build(&m, buf, sizeof(buf)), -EMSGSIZE);
	m.n_scopes = 2;
	assert_true(madcap_build(&m, buf, sizeof(buf)) > 0);
}

static void expect_einval(struct madcap_msg *m)
{
	uint8_t buf[MADCAP_MAX_LEN];

	assert_int_equal(madcap_build(m, buf, sizeof(buf)), -EINVAL);
	fill_all(m);
	assert_true(madcap_build(m, buf, sizeof(buf)) > 0);
}

static void test_build_invalid(void **state)
{
	struct madcap_msg m;

	(void)state;
	fill_all(&m);
	m.type = 0;
	expect_einval(&m);
	m.type = MADCAP_GETINFO + 1;
	expect_einval(&m);
	m.af = 0;
	expect_einval(&m);
	madcap_set(&m, MADCAP_OPT_END);
	expect_einval(&m);
	madcap_set(&m, MADCAP_OPT_NEST_STATE);
	expect_einval(&m);
	m.server_id.af = 3;
	expect_einval(&m);
	m.lease_id_len = 0;
	expect_einval(&m);
	m.lease_id_len = MADCAP_MAX_LEASE_ID + 1;
	expect_einval(&m);
	m.scope = addr("ff15::");
	expect_einval(&m);
	m.n_request = 0;
	expect_einval(&m);
	m.n_request = MADCAP_MAX_CODES + 1;
	expect_einval(&m);
	memset(m.lang, 'a', sizeof(m.lang));
	expect_einval(&m);
	m.n_scopes = MADCAP_MAX_SCOPES + 1;
	expect_einval(&m);
	m.scopes[0].range.last = addr("ff15::1");
	expect_einval(&m);
	m.scopes[0].range.last = addr("239.191.255.255");
	expect_einval(&m);
	m.n_scopes = 2;
	m.scopes[1] = m.scopes[0];	/* a repeated scope ID */
	expect_einval(&m);
	m.scopes[0].n_names = MADCAP_MAX_NAMES + 1;
	expect_einval(&m);
	m.scopes[0].names[0].lang[0] = '\0';
	expect_einval(&m);
	m.scopes[0].names[0].name[0] = '\0';
	expect_einval(&m);
	memset(m.scopes[0].names[0].name, 'n', MADCAP_MAX_NAME + 1);
	expect_einval(&m);
	m.n_ranges = MADCAP_MAX_ADDR_RANGES + 1;
	expect_einval(&m);
	m.ranges[0].last = addr("239.192.0.9");		/* below first */
	expect_einval(&m);
	m.ranges[0].first = addr("239.192.0.0");	/* 65536 addresses */
	m.ranges[0].last = addr("239.192.255.255");
	expect_einval(&m);
	m.ranges[0].last = addr("ff15::");
	expect_einval(&m);
	m.features.n_required = MADCAP_MAX_FEATURES + 1;
	expect_einval(&m);
	m.error_data_len = MADCAP_MAX_ERR_DATA + 1;
	expect_einval(&m);
}

static void test_addr_helpers(void **state)
{
	struct madcap_addr a, b;
	char s[INET6_ADDRSTRLEN];

	(void)state;
	assert_int_equal(madcap_addr_len(MADCAP_AF_IPV4), 4);
	assert_int_equal(madcap_addr_len(MADCAP_AF_IPV6), 16);
	assert_int_equal(madcap_addr_len(0), 0);
	assert_int_equal(madcap_addr_len(3), 0);

	assert_int_equal(madcap_addr_parse("239.192.0.1", &a), 0);
	assert_int_equal(a.af, MADCAP_AF_IPV4);
	assert_int_equal(ntohl(a.v4.s_addr), 0xefc00001);
	assert_string_equal(madcap_addr_str(&a, s, sizeof(s)), "239.192.0.1");
	assert_null(madcap_addr_str(&a, s, 11));	/* needs 12 */
	assert_int_equal(madcap_addr_parse("ff15::8000:1", &b), 0);
	assert_int_equal(b.af, MADCAP_AF_IPV6);
	assert_int_equal(b.v6.s6_addr[0], 0xff);
	assert_int_equal(b.v6.s6_addr[12], 0x80);
	assert_string_equal(madcap_addr_str(&b, s, sizeof(s)), "ff15::8000:1");
	assert_int_equal(madcap_addr_parse("", &a), -EINVAL);
	assert_int_equal(madcap_addr_parse("239.192.0", &a), -EINVAL);
	assert_int_equal(madcap_addr_parse("239.192.0.1.2", &a), -EINVAL);
	assert_int_equal(madcap_addr_parse("ff15::1::2", &a), -EINVAL);
	assert_int_equal(madcap_addr_parse("scope", &a), -EINVAL);
	a.af = 3;
	assert_null(madcap_addr_str(&a, s, sizeof(s)));

	a = addr("10.0.0.255");
	b = addr("10.0.1.0");
	assert_true(madcap_addr_cmp(&a, &b) < 0);
	assert_true(madcap_addr_cmp(&b, &a) > 0);
	assert_int_equal(madcap_addr_cmp(&a, &a), 0);
	b = addr("::");
	assert_true(madcap_addr_cmp(&a, &b) < 0);	/* IPv4 before IPv6 */
	a = addr("ff15::1");
	b = addr("ff15::1:0");
	assert_true(madcap_addr_cmp(&a, &b) < 0);
}

static void test_names(void **state)
{
	int i;

	(void)state;
	assert_string_equal(madcap_type_name(MADCAP_DISCOVER), "DISCOVER");
	assert_string_equal(madcap_type_name(MADCAP_NAK), "NAK");
	assert_string_equal(madcap_type_name(MADCAP_GETINFO), "GETINFO");
	assert_string_equal(madcap_type_name(0), "unknown");
	assert_string_equal(madcap_type_name(9), "unknown");
	assert_string_equal(madcap_err_name(MADCAP_ERR_CLOCK_SKEW),
			    "Excessive Clock Skew");
	assert_string_equal(madcap_err_name(MADCAP_ERR_FEATURE),
			    "Required Feature Not Supported");
	assert_string_equal(madcap_err_name(5), "unknown");
	for (i = 0; i < MADCAP_PARSE_NR; i++)
		assert_non_null(madcap_parse_strerror(i));
	assert_string_equal(madcap_parse_strerror(MADCAP_PARSE_NR),
			    "unknown error");
	assert_string_equal(madcap_parse_strerror(MADCAP_PARSE_VERSION),
			    "version is not 0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_opt_lease_time),
		cmocka_unit_test(test_opt_server_id),
		cmocka_unit_test(test_opt_lease_id),
		cmocka_unit_test(test_opt_scope),
		cmocka_unit_test(test_opt_request_list),
		cmocka_unit_test(test_opt_start_time),
		cmocka_unit_test(test_opt_num_addrs),
		cmocka_unit_test(test_opt_language),
		cmocka_unit_test(test_rfc_scope_list_example),
		cmocka_unit_test(test_opt_scope_list),
		cmocka_unit_test(test_opt_addr_list),
		cmocka_unit_test(test_opt_current_time),
		cmocka_unit_test(test_opt_features),
		cmocka_unit_test(test_opt_retry_time),
		cmocka_unit_test(test_opt_min_lease),
		cmocka_unit_test(test_opt_max_start),
		cmocka_unit_test(test_opt_error),
		cmocka_unit_test(test_all_options_in_order),
		cmocka_unit_test(test_time_is_unix_not_ntp),
		cmocka_unit_test(test_refuse_short),
		cmocka_unit_test(test_refuse_long),
		cmocka_unit_test(test_refuse_version),
		cmocka_unit_test(test_refuse_truncated_option),
		cmocka_unit_test(test_refuse_missing_end),
		cmocka_unit_test(test_refuse_length_ffff),
		cmocka_unit_test(test_refuse_zero_length),
		cmocka_unit_test(test_refuse_wrong_length),
		cmocka_unit_test(test_refuse_duplicate),
		cmocka_unit_test(test_refuse_lease_id_over_255),
		cmocka_unit_test(test_refuse_counts),
		cmocka_unit_test(test_refuse_bad_values),
		cmocka_unit_test(test_unknown_options),
		cmocka_unit_test(test_unknown_type_and_family),
		cmocka_unit_test(test_build_small_buffer),
		cmocka_unit_test(test_build_over_max_len),
		cmocka_unit_test(test_build_invalid),
		cmocka_unit_test(test_addr_helpers),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests_name("madcap", tests, NULL, NULL);
}
