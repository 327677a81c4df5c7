// SPDX-License-Identifier: GPL-2.0
/*
 * MADCAP (RFC 2730) message codec: madcap_parse() reads a datagram into a
 * struct madcap_msg, madcap_build() writes one, and the address helpers are
 * shared by madcapd, mcastctl madcap and the tests.
 *
 * The datagram is read byte by byte through struct rd, which checks every
 * length before it reads; nothing casts the buffer to a structure. Section
 * numbers in brackets are RFC 2730's.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "madcap.h"

/* The options RFC 2730 defines, the ones this codec reads and writes. */
#define KNOWN_OPTS	(((1u << (MADCAP_OPT_ERROR + 1)) - 1) & \
			 ~(1u << MADCAP_OPT_END))
/* Those whose addresses are of the header's family [3.5, 3.10, 3.11]. */
#define AF_OPTS		((1u << MADCAP_OPT_SCOPE) | \
			 (1u << MADCAP_OPT_SCOPE_LIST) | \
			 (1u << MADCAP_OPT_ADDR_LIST))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define NAME_NATURAL	0x80	/* high bit of Name Flags [3.10] */
#define MAX_BLOCK	0xffff	/* addresses in one range of option 10 [3.11] */

/* What is left to read of a datagram or of one option's value. */
struct rd {
	const uint8_t *p;
	size_t left;
};

static bool get_bytes(struct rd *r, void *dst, size_t n)
{
	if (r->left < n)
		return false;
	memcpy(dst, r->p, n);
	r->p += n;
	r->left -= n;
	return true;
}

static bool get_u8(struct rd *r, uint8_t *v)
{
	return get_bytes(r, v, 1);
}

static bool get_u16(struct rd *r, uint16_t *v)
{
	uint8_t b[2];

	if (!get_bytes(r, b, sizeof(b)))
		return false;
	*v = (uint16_t)(b[0] << 8 | b[1]);
	return true;
}

static bool get_u32(struct rd *r, uint32_t *v)
{
	uint8_t b[4];

	if (!get_bytes(r, b, sizeof(b)))
		return false;
	*v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	     (uint32_t)b[2] << 8 | b[3];
	return true;
}

static uint8_t *addr_bytes(struct madcap_addr *a)
{
	return a->af == MADCAP_AF_IPV6 ? a->v6.s6_addr : (uint8_t *)&a->v4;
}

static const uint8_t *addr_cbytes(const struct madcap_addr *a)
{
	return a->af == MADCAP_AF_IPV6 ? a->v6.s6_addr :
					 (const uint8_t *)&a->v4;
}

/* Read an address of family @af, which must be IPv4 or IPv6. */
static bool get_addr(struct rd *r, uint16_t af, struct madcap_addr *a)
{
	a->af = af;
	return get_bytes(r, addr_bytes(a), madcap_addr_len(af));
}

/* Copy @n bytes of text holding no NUL into @dst, which has room for n + 1. */
static enum madcap_parse_err get_text(struct rd *r, char *dst, size_t n)
{
	if (!get_bytes(r, dst, n) || memchr(dst, '\0', n))
		return MADCAP_PARSE_BAD_VALUE;
	dst[n] = '\0';
	return MADCAP_PARSE_OK;
}

/* A length-prefixed string of the scope list: 1 to @max bytes [3.10]. */
static enum madcap_parse_err get_lstr(struct rd *r, char *dst, size_t max)
{
	uint8_t n;

	if (!get_u8(r, &n) || !n)
		return MADCAP_PARSE_BAD_VALUE;
	if (n > max)
		return MADCAP_PARSE_TOO_MANY;
	return get_text(r, dst, n);
}

/*
 * Add @n to the address @a in place, as a big-endian number of its length.
 * Return: false if the sum does not fit.
 */
static bool addr_add(struct madcap_addr *a, unsigned int n)
{
	uint8_t *b = addr_bytes(a);
	size_t i = madcap_addr_len(a->af);

	while (n && i--) {
		n += b[i];
		b[i] = (uint8_t)n;
		n >>= 8;
	}
	return !n;
}

/*
 * The size of the block @first..@last, both of one valid family.
 * Return: last - first + 1, or 0 if @last < @first or the block has more
 * than MAX_BLOCK addresses (so does not fit option 10's u16).
 */
static unsigned int block_size(const struct madcap_addr *first,
			       const struct madcap_addr *last)
{
	const uint8_t *f = addr_cbytes(first), *l = addr_cbytes(last);
	size_t len = madcap_addr_len(first->af), i;
	unsigned long d = 0;

	if (madcap_addr_cmp(first, last) > 0)
		return 0;
	for (i = 0; i < len; i++) {
		/*
		 * d is the difference of the first i + 1 bytes: never
		 * negative as last >= first, and never falling once >= 1.
		 */
		d = (d << 8) + l[i] - f[i];
		if (d >= MAX_BLOCK)
			return 0;
	}
	return (unsigned int)d + 1;
}

static bool has_nul(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static enum madcap_parse_err parse_scope_list(struct madcap_msg *m,
					      struct rd *r)
{
	enum madcap_parse_err err;
	unsigned int i, j;
	uint8_t count;

	if (!r->left)		/* minimum length 0: an empty list [3.10] */
		return MADCAP_PARSE_OK;
	get_u8(r, &count);
	if (count > MADCAP_MAX_SCOPES)
		return MADCAP_PARSE_TOO_MANY;
	for (i = 0; i < count; i++) {
		struct madcap_scope_entry *e = &m->scopes[i];
		uint8_t n_names;

		if (!get_addr(r, m->af, &e->range.first) ||
		    !get_addr(r, m->af, &e->range.last) ||
		    !get_u8(r, &e->ttl) || !get_u8(r, &n_names) ||
		    madcap_addr_cmp(&e->range.first, &e->range.last) > 0)
			return MADCAP_PARSE_BAD_VALUE;
		for (j = 0; j < i; j++)	/* scope IDs MUST be unique */
			if (!madcap_addr_cmp(&m->scopes[j].range.first,
					     &e->range.first))
				return MADCAP_PARSE_BAD_VALUE;
		if (n_names > MADCAP_MAX_NAMES)
			return MADCAP_PARSE_TOO_MANY;
		for (j = 0; j < n_names; j++) {
			struct madcap_scope_name *nm = &e->names[j];
			uint8_t flags;

			if (!get_u8(r, &flags))
				return MADCAP_PARSE_BAD_VALUE;
			nm->natural = flags & NAME_NATURAL;
			err = get_lstr(r, nm->lang, MADCAP_MAX_LANG);
			if (!err)
				err = get_lstr(r, nm->name, MADCAP_MAX_NAME);
			if (err)
				return err;
		}
		e->n_names = n_names;
	}
	m->n_scopes = count;
	return MADCAP_PARSE_OK;
}

static enum madcap_parse_err parse_ranges(struct madcap_msg *m, struct rd *r)
{
	size_t entry = madcap_addr_len(m->af) + 2;
	unsigned int i;

	if (r->left % entry)
		return MADCAP_PARSE_BAD_VALUE;
	if (r->left / entry > MADCAP_MAX_ADDR_RANGES)
		return MADCAP_PARSE_TOO_MANY;
	for (i = 0; r->left; i++) {
		struct madcap_range *rg = &m->ranges[i];
		uint16_t n;

		get_addr(r, m->af, &rg->first);
		get_u16(r, &n);
		rg->last = rg->first;
		if (!n || !addr_add(&rg->last, n - 1u))
			return MADCAP_PARSE_BAD_VALUE;
	}
	m->n_ranges = i;
	return MADCAP_PARSE_OK;
}

static enum madcap_parse_err parse_features(struct madcap_features *f,
					    struct rd *r)
{
	unsigned int *n[3] = { &f->n_supported, &f->n_requested,
			       &f->n_required };
	uint16_t *codes[3] = { f->supported, f->requested, f->required };
	unsigned int i, j;
	uint16_t count;

	for (i = 0; i < 3; i++) {
		if (!get_u16(r, &count))
			return MADCAP_PARSE_BAD_VALUE;
		if (count > MADCAP_MAX_FEATURES)
			return MADCAP_PARSE_TOO_MANY;
		for (j = 0; j < count; j++)
			if (!get_u16(r, &codes[i][j]))
				return MADCAP_PARSE_BAD_VALUE;
		*n[i] = count;
	}
	return MADCAP_PARSE_OK;
}

/* Read a 4-byte option: a u32 [3.2, 3.7, 3.12, 3.14-3.16]. */
static enum madcap_parse_err get_fixed32(struct rd *r, uint32_t *v)
{
	return r->left == 4 && get_u32(r, v) ? MADCAP_PARSE_OK :
					       MADCAP_PARSE_BAD_VALUE;
}

/* Read an option whose value is one Unix time, u32 on the wire. */
static enum madcap_parse_err get_time(struct rd *r, int64_t *t)
{
	uint32_t v = 0;
	enum madcap_parse_err err = get_fixed32(r, &v);

	*t = v;
	return err;
}

/*
 * Read the value @r of option @code (1..MADCAP_OPT_ERROR) into @m. Every
 * option must use its whole value; the caller checks what is left.
 */
static enum madcap_parse_err parse_option(struct madcap_msg *m, uint16_t code,
					  struct rd *r)
{
	unsigned int i;
	uint16_t af;

	if ((1u << code) & AF_OPTS && !madcap_addr_len(m->af))
		return MADCAP_PARSE_BAD_VALUE;

	switch (code) {
	case MADCAP_OPT_LEASE_TIME:
		return get_fixed32(r, &m->lease_time);
	case MADCAP_OPT_SERVER_ID:	/* family, then its address [3.3] */
		if (!get_u16(r, &af) || !madcap_addr_len(af) ||
		    r->left != madcap_addr_len(af))
			return MADCAP_PARSE_BAD_VALUE;
		get_addr(r, af, &m->server_id);
		return MADCAP_PARSE_OK;
	case MADCAP_OPT_LEASE_ID:	/* minimum length 1 [3.4] */
		if (!r->left)
			return MADCAP_PARSE_BAD_VALUE;
		if (r->left > MADCAP_MAX_LEASE_ID)
			return MADCAP_PARSE_TOO_MANY;
		m->lease_id_len = (unsigned int)r->left;
		get_bytes(r, m->lease_id, r->left);
		return MADCAP_PARSE_OK;
	case MADCAP_OPT_SCOPE:		/* the header family's address [3.5] */
		if (r->left != madcap_addr_len(m->af))
			return MADCAP_PARSE_BAD_VALUE;
		get_addr(r, m->af, &m->scope);
		return MADCAP_PARSE_OK;
	case MADCAP_OPT_REQUEST_LIST:	/* u16 codes, minimum length 2 [3.6] */
		if (!r->left || r->left % 2)
			return MADCAP_PARSE_BAD_VALUE;
		if (r->left / 2 > MADCAP_MAX_CODES)
			return MADCAP_PARSE_TOO_MANY;
		for (i = 0; r->left; i++)
			get_u16(r, &m->request[i]);
		m->n_request = i;
		return MADCAP_PARSE_OK;
	case MADCAP_OPT_START_TIME:
		return get_time(r, &m->start_time);
	case MADCAP_OPT_NUM_ADDRS:	/* minimum, desired: u16 each [3.8] */
		if (r->left != 4)
			return MADCAP_PARSE_BAD_VALUE;
		get_u16(r, &m->num_min);
		get_u16(r, &m->num_desired);
		return MADCAP_PARSE_OK;
	case MADCAP_OPT_LANGUAGE:	/* minimum length 0 [3.9] */
		if (r->left > MADCAP_MAX_LANG)
			return MADCAP_PARSE_TOO_MANY;
		return get_text(r, m->lang, r->left);
	case MADCAP_OPT_SCOPE_LIST:
		return parse_scope_list(m, r);
	case MADCAP_OPT_ADDR_LIST:
		return parse_ranges(m, r);
	case MADCAP_OPT_CURRENT_TIME:
		return get_time(r, &m->current_time);
	case MADCAP_OPT_FEATURES:	/* three counted u16 lists [3.13] */
		return parse_features(&m->features, r);
	case MADCAP_OPT_RETRY_TIME:
		return get_time(r, &m->retry_time);
	case MADCAP_OPT_MIN_LEASE:
		return get_fixed32(r, &m->min_lease);
	case MADCAP_OPT_MAX_START:
		return get_time(r, &m->max_start);
	default:			/* MADCAP_OPT_ERROR: code, data [3.17] */
		if (!get_u16(r, &m->error))
			return MADCAP_PARSE_BAD_VALUE;
		if (r->left > MADCAP_MAX_ERR_DATA)
			return MADCAP_PARSE_TOO_MANY;
		m->error_data_len = (unsigned int)r->left;
		get_bytes(r, m->error_data, r->left);
		return MADCAP_PARSE_OK;
	}
}

/**
 * madcap_parse() - read a MADCAP datagram
 * @buf: the UDP payload
 * @len: its length in bytes
 * @msg: filled in; zeroed first, partly filled when the datagram is refused
 *
 * Checks the header [2.1] and every option [3] against RFC 2730 and the
 * MADCAP_MAX_* bounds. Options this codec does not know (17 and up) are
 * skipped, as [2.1.5] requires; bytes after the End option are ignored.
 * The message type and, when no option depends on it, the address family
 * are not checked: a server answers an unknown type with an Invalid
 * Request error [2.2].
 *
 * Return: MADCAP_PARSE_OK, or why the datagram must be ignored.
 */
enum madcap_parse_err madcap_parse(const void *buf, size_t len,
				   struct madcap_msg *msg)
{
	struct rd r = { .p = buf, .left = len };
	uint32_t seen = 0;
	uint8_t version;

	memset(msg, 0, sizeof(*msg));
	if (len < MADCAP_MIN_LEN)
		return MADCAP_PARSE_SHORT;
	if (len > MADCAP_MAX_LEN)
		return MADCAP_PARSE_TOO_MANY;
	get_u8(&r, &version);
	if (version)
		return MADCAP_PARSE_VERSION;
	get_u8(&r, &msg->type);
	get_u16(&r, &msg->af);
	get_u32(&r, &msg->xid);

	for (;;) {
		enum madcap_parse_err err;
		uint16_t code, olen;
		struct rd val;

		if (!get_u16(&r, &code) || !get_u16(&r, &olen) ||
		    olen > r.left)
			return MADCAP_PARSE_OPTION;
		val.p = r.p;
		val.left = olen;
		r.p += olen;
		r.left -= olen;

		if (code <= MADCAP_OPT_MAX) {
			if (seen & 1u << code)
				return MADCAP_PARSE_DUPLICATE;
			seen |= 1u << code;
		}
		if (code == MADCAP_OPT_END)
			return olen ? MADCAP_PARSE_BAD_VALUE : MADCAP_PARSE_OK;
		if (code > MADCAP_OPT_ERROR)	/* unknown, or RFC 2907's */
			continue;
		err = parse_option(msg, code, &val);
		if (err)
			return err;
		if (val.left)
			return MADCAP_PARSE_BAD_VALUE;
		madcap_set(msg, code);
	}
}

/* Where madcap_build() writes; @full once something did not fit. */
struct wr {
	uint8_t *buf;
	size_t size;
	size_t off;
	bool full;
};

static void put_bytes(struct wr *w, const void *src, size_t n)
{
	if (w->full || n > w->size - w->off) {
		w->full = true;
		return;
	}
	memcpy(w->buf + w->off, src, n);
	w->off += n;
}

static void put_u8(struct wr *w, uint8_t v)
{
	put_bytes(w, &v, 1);
}

static void put_u16(struct wr *w, uint16_t v)
{
	uint8_t b[2] = { v >> 8, v & 0xff };

	put_bytes(w, b, sizeof(b));
}

static void put_u32(struct wr *w, uint32_t v)
{
	uint8_t b[4] = { v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff,
			 v & 0xff };

	put_bytes(w, b, sizeof(b));
}

static void put_addr(struct wr *w, const struct madcap_addr *a)
{
	put_bytes(w, addr_cbytes(a), madcap_addr_len(a->af));
}

static void put_lstr(struct wr *w, const char *s)
{
	size_t n = strlen(s);

	put_u8(w, (uint8_t)n);
	put_bytes(w, s, n);
}

/* Start option @code; return where its length goes, for opt_end(). */
static size_t opt_begin(struct wr *w, uint16_t code)
{
	size_t at;

	put_u16(w, code);
	at = w->off;
	put_u16(w, 0);
	return at;
}

/* Fill in the length of the option started at @at; w->size <= 64 KiB. */
static void opt_end(struct wr *w, size_t at)
{
	size_t n = w->off - at - 2;

	if (w->full)
		return;
	w->buf[at] = (uint8_t)(n >> 8);
	w->buf[at + 1] = (uint8_t)n;
}

static bool time_ok(int64_t t)
{
	return t >= 0 && t <= UINT32_MAX;
}

static bool lstr_ok(const char *s, size_t size)
{
	return has_nul(s, size) && s[0];
}

static int check_scopes(const struct madcap_msg *m)
{
	unsigned int i, j;

	if (m->n_scopes > MADCAP_MAX_SCOPES)
		return -EINVAL;
	for (i = 0; i < m->n_scopes; i++) {
		const struct madcap_scope_entry *e = &m->scopes[i];

		if (e->range.first.af != m->af || e->range.last.af != m->af ||
		    madcap_addr_cmp(&e->range.first, &e->range.last) > 0 ||
		    e->n_names > MADCAP_MAX_NAMES)
			return -EINVAL;
		for (j = 0; j < i; j++)
			if (!madcap_addr_cmp(&m->scopes[j].range.first,
					     &e->range.first))
				return -EINVAL;
		for (j = 0; j < e->n_names; j++)
			if (!lstr_ok(e->names[j].lang, sizeof(e->names[j].lang)) ||
			    !lstr_ok(e->names[j].name, sizeof(e->names[j].name)))
				return -EINVAL;
	}
	return 0;
}

static int check_ranges(const struct madcap_msg *m)
{
	unsigned int i;

	if (m->n_ranges > MADCAP_MAX_ADDR_RANGES)
		return -EINVAL;
	for (i = 0; i < m->n_ranges; i++)
		if (m->ranges[i].first.af != m->af ||
		    m->ranges[i].last.af != m->af ||
		    !block_size(&m->ranges[i].first, &m->ranges[i].last))
			return -EINVAL;
	return 0;
}

/* Everything madcap_parse() would refuse in @m, as a negative errno. */
static int check_msg(const struct madcap_msg *m)
{
	const struct madcap_features *f = &m->features;

	if (!m->type || m->type > MADCAP_GETINFO || !madcap_addr_len(m->af) ||
	    m->present & ~KNOWN_OPTS)
		return -EINVAL;
	if ((madcap_has(m, MADCAP_OPT_START_TIME) && !time_ok(m->start_time)) ||
	    (madcap_has(m, MADCAP_OPT_CURRENT_TIME) &&
	     !time_ok(m->current_time)) ||
	    (madcap_has(m, MADCAP_OPT_RETRY_TIME) && !time_ok(m->retry_time)) ||
	    (madcap_has(m, MADCAP_OPT_MAX_START) && !time_ok(m->max_start)))
		return -ERANGE;
	if (madcap_has(m, MADCAP_OPT_SERVER_ID) &&
	    !madcap_addr_len(m->server_id.af))
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_LEASE_ID) &&
	    (!m->lease_id_len || m->lease_id_len > MADCAP_MAX_LEASE_ID))
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_SCOPE) && m->scope.af != m->af)
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_REQUEST_LIST) &&
	    (!m->n_request || m->n_request > MADCAP_MAX_CODES))
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_LANGUAGE) &&
	    !has_nul(m->lang, sizeof(m->lang)))
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_SCOPE_LIST) && check_scopes(m))
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_ADDR_LIST) && check_ranges(m))
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_FEATURES) &&
	    (f->n_supported > MADCAP_MAX_FEATURES ||
	     f->n_requested > MADCAP_MAX_FEATURES ||
	     f->n_required > MADCAP_MAX_FEATURES))
		return -EINVAL;
	if (madcap_has(m, MADCAP_OPT_ERROR) &&
	    m->error_data_len > MADCAP_MAX_ERR_DATA)
		return -EINVAL;
	return 0;
}

static void put_features(struct wr *w, const struct madcap_features *f)
{
	const unsigned int n[3] = { f->n_supported, f->n_requested,
				    f->n_required };
	const uint16_t *codes[3] = { f->supported, f->requested, f->required };
	unsigned int i, j;

	for (i = 0; i < 3; i++) {
		put_u16(w, (uint16_t)n[i]);
		for (j = 0; j < n[i]; j++)
			put_u16(w, codes[i][j]);
	}
}

static void put_scopes(struct wr *w, const struct madcap_msg *m)
{
	unsigned int i, j;

	if (!m->n_scopes)	/* an empty list is an empty option [3.10] */
		return;
	put_u8(w, (uint8_t)m->n_scopes);
	for (i = 0; i < m->n_scopes; i++) {
		const struct madcap_scope_entry *e = &m->scopes[i];

		put_addr(w, &e->range.first);
		put_addr(w, &e->range.last);
		put_u8(w, e->ttl);
		put_u8(w, (uint8_t)e->n_names);
		for (j = 0; j < e->n_names; j++) {
			put_u8(w, e->names[j].natural ? NAME_NATURAL : 0);
			put_lstr(w, e->names[j].lang);
			put_lstr(w, e->names[j].name);
		}
	}
}

/* Write the value of option @code of @m; times were checked to fit. */
static void put_option(struct wr *w, const struct madcap_msg *m,
		       uint16_t code)
{
	unsigned int i;

	switch (code) {
	case MADCAP_OPT_LEASE_TIME:
		put_u32(w, m->lease_time);
		break;
	case MADCAP_OPT_SERVER_ID:
		put_u16(w, m->server_id.af);
		put_addr(w, &m->server_id);
		break;
	case MADCAP_OPT_LEASE_ID:
		put_bytes(w, m->lease_id, m->lease_id_len);
		break;
	case MADCAP_OPT_SCOPE:
		put_addr(w, &m->scope);
		break;
	case MADCAP_OPT_REQUEST_LIST:
		for (i = 0; i < m->n_request; i++)
			put_u16(w, m->request[i]);
		break;
	case MADCAP_OPT_START_TIME:
		put_u32(w, (uint32_t)m->start_time);
		break;
	case MADCAP_OPT_NUM_ADDRS:
		put_u16(w, m->num_min);
		put_u16(w, m->num_desired);
		break;
	case MADCAP_OPT_LANGUAGE:
		put_bytes(w, m->lang, strlen(m->lang));
		break;
	case MADCAP_OPT_SCOPE_LIST:
		put_scopes(w, m);
		break;
	case MADCAP_OPT_ADDR_LIST:
		for (i = 0; i < m->n_ranges; i++) {
			put_addr(w, &m->ranges[i].first);
			put_u16(w, (uint16_t)block_size(&m->ranges[i].first,
							&m->ranges[i].last));
		}
		break;
	case MADCAP_OPT_CURRENT_TIME:
		put_u32(w, (uint32_t)m->current_time);
		break;
	case MADCAP_OPT_FEATURES:
		put_features(w, &m->features);
		break;
	case MADCAP_OPT_RETRY_TIME:
		put_u32(w, (uint32_t)m->retry_time);
		break;
	case MADCAP_OPT_MIN_LEASE:
		put_u32(w, m->min_lease);
		break;
	case MADCAP_OPT_MAX_START:
		put_u32(w, (uint32_t)m->max_start);
		break;
	case MADCAP_OPT_ERROR:
		put_u16(w, m->error);
		put_bytes(w, m->error_data, m->error_data_len);
		break;
	}
}

/**
 * madcap_build() - write a MADCAP datagram
 * @msg: the message; @msg->version is ignored (0 is written)
 * @buf: where to write it
 * @size: room at @buf; at most MADCAP_MAX_LEN bytes are used
 *
 * Writes the header and the options whose bits are set in @msg->present,
 * in ascending code order, then End. Refuses anything madcap_parse() would
 * refuse, so what it writes parses back to the same message; an empty
 * Multicast Scope List is written as an option of length 0 [3.10].
 *
 * Return: the datagram's length; -EINVAL if a field is invalid (type not
 * 1..8, family not IPv4 or IPv6, an unknown option bit, a list or string
 * over its bound, a range of more than 65535 addresses, ...); -ERANGE if a
 * time is outside 0..UINT32_MAX; -EMSGSIZE if the datagram does not fit in
 * @size or MADCAP_MAX_LEN bytes.
 */
int madcap_build(const struct madcap_msg *msg, void *buf, size_t size)
{
	struct wr w = {
		.buf = buf,
		.size = size < MADCAP_MAX_LEN ? size : MADCAP_MAX_LEN,
	};
	uint16_t code;
	int err;

	err = check_msg(msg);
	if (err)
		return err;
	put_u8(&w, 0);
	put_u8(&w, msg->type);
	put_u16(&w, msg->af);
	put_u32(&w, msg->xid);
	for (code = MADCAP_OPT_LEASE_TIME; code <= MADCAP_OPT_ERROR; code++) {
		size_t at;

		if (!madcap_has(msg, code))
			continue;
		at = opt_begin(&w, code);
		put_option(&w, msg, code);
		opt_end(&w, at);
	}
	put_u16(&w, MADCAP_OPT_END);
	put_u16(&w, 0);
	return w.full ? -EMSGSIZE : (int)w.off;
}

/**
 * madcap_parse_strerror() - describe why madcap_parse() refused a datagram
 * @err: its return value
 *
 * Return: a short lowercase phrase; "unknown error" for values out of range.
 */
const char *madcap_parse_strerror(enum madcap_parse_err err)
{
	static const char *const s[MADCAP_PARSE_NR] = {
		[MADCAP_PARSE_OK] = "ok",
		[MADCAP_PARSE_SHORT] = "shorter than 12 bytes",
		[MADCAP_PARSE_VERSION] = "version is not 0",
		[MADCAP_PARSE_OPTION] = "options run past the end or lack End",
		[MADCAP_PARSE_BAD_VALUE] = "option of wrong length or content",
		[MADCAP_PARSE_DUPLICATE] = "option appears twice",
		[MADCAP_PARSE_TOO_MANY] = "list or datagram over its bound",
	};

	return (unsigned int)err < MADCAP_PARSE_NR ? s[err] : "unknown error";
}

/**
 * madcap_type_name() - name a message type [2.2]
 * @type: the msgtype field
 *
 * Return: "DISCOVER" ... "GETINFO", or "unknown".
 */
const char *madcap_type_name(unsigned int type)
{
	static const char *const s[] = {
		[MADCAP_DISCOVER] = "DISCOVER", [MADCAP_OFFER] = "OFFER",
		[MADCAP_REQUEST] = "REQUEST", [MADCAP_RENEW] = "RENEW",
		[MADCAP_ACK] = "ACK", [MADCAP_NAK] = "NAK",
		[MADCAP_RELEASE] = "RELEASE", [MADCAP_GETINFO] = "GETINFO",
	};

	return type < ARRAY_SIZE(s) && s[type] ? s[type] : "unknown";
}

/**
 * madcap_err_name() - name an Error option's error code [3.17]
 * @err: the error code
 *
 * Return: the RFC's name of the error, or "unknown".
 */
const char *madcap_err_name(unsigned int err)
{
	static const char *const s[] = {
		[MADCAP_ERR_NOT_COMPLETED] = "Valid Request Could Not Be Completed",
		[MADCAP_ERR_INVALID] = "Invalid Request",
		[MADCAP_ERR_CLOCK_SKEW] = "Excessive Clock Skew",
		[MADCAP_ERR_BAD_LEASE_ID] = "Lease Identifier Not Recognized",
		[MADCAP_ERR_FEATURE] = "Required Feature Not Supported",
	};

	return err < ARRAY_SIZE(s) ? s[err] : "unknown";
}

/**
 * madcap_addr_len() - the length of an address of a family
 * @af: MADCAP_AF_IPV4 or MADCAP_AF_IPV6
 *
 * Return: 4 or 16, or 0 for any other family.
 */
size_t madcap_addr_len(uint16_t af)
{
	switch (af) {
	case MADCAP_AF_IPV4:
		return sizeof(struct in_addr);
	case MADCAP_AF_IPV6:
		return sizeof(struct in6_addr);
	default:
		return 0;
	}
}

/**
 * madcap_addr_cmp() - order two addresses
 * @a: an address
 * @b: another
 *
 * Orders by family, then numerically (addresses are in network order).
 * Addresses of a family other than IPv4 and IPv6 compare equal.
 *
 * Return: negative, 0 or positive as @a is below, equal to or above @b.
 */
int madcap_addr_cmp(const struct madcap_addr *a, const struct madcap_addr *b)
{
	if (a->af != b->af)
		return a->af < b->af ? -1 : 1;
	return memcmp(addr_cbytes(a), addr_cbytes(b), madcap_addr_len(a->af));
}

/**
 * madcap_addr_parse() - read an IPv4 or IPv6 address in text form
 * @s: the text, as inet_pton() reads it
 * @a: the address on success; zeroed first
 *
 * Return: 0, or -EINVAL if @s is neither form.
 */
int madcap_addr_parse(const char *s, struct madcap_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, s, &a->v4) == 1)
		a->af = MADCAP_AF_IPV4;
	else if (inet_pton(AF_INET6, s, &a->v6) == 1)
		a->af = MADCAP_AF_IPV6;
	else
		return -EINVAL;
	return 0;
}

/**
 * madcap_addr_str() - write an address in text form
 * @a: the address
 * @buf: where to write it (INET6_ADDRSTRLEN bytes are always enough)
 * @size: room at @buf
 *
 * Return: @buf, or NULL if @a is of no known family or @size is too small.
 */
const char *madcap_addr_str(const struct madcap_addr *a, char *buf,
			    size_t size)
{
	switch (a->af) {
	case MADCAP_AF_IPV4:
		return inet_ntop(AF_INET, &a->v4, buf, (socklen_t)size);
	case MADCAP_AF_IPV6:
		return inet_ntop(AF_INET6, &a->v6, buf, (socklen_t)size);
	default:
		return NULL;
	}
}
