/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MADCAP (RFC 2730) message codec, shared by madcapd (the server) and
 * mcastctl madcap (the client).
 *
 * madcap_parse() turns a datagram into a struct madcap_msg, checking every
 * length before reading it; madcap_build() turns a struct madcap_msg into a
 * datagram. Neither allocates: a message is a fixed-size value whose lists
 * are bounded by the MADCAP_MAX_* limits below, and a datagram that would
 * exceed a limit is refused, never truncated. Section numbers in brackets
 * are RFC 2730's.
 */
#ifndef MADCAP_H
#define MADCAP_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MADCAP_PORT		2535	/* [2] server UDP port */
#define MADCAP_HDR_LEN		8	/* version, type, af, xid [2.1] */
#define MADCAP_MIN_LEN		12	/* header + End option [2.1] */
#define MADCAP_MAX_LEN		1472	/* largest datagram built or parsed */

/* Message types [2.2]. There is no INFORM: RFC 3559 counts GETINFO. */
enum madcap_type {
	MADCAP_DISCOVER = 1,
	MADCAP_OFFER = 2,
	MADCAP_REQUEST = 3,
	MADCAP_RENEW = 4,
	MADCAP_ACK = 5,
	MADCAP_NAK = 6,
	MADCAP_RELEASE = 7,
	MADCAP_GETINFO = 8,
};

/* Address family numbers (IANA), header and options [2.1.3, 3.3]. */
enum madcap_af {
	MADCAP_AF_IPV4 = 1,
	MADCAP_AF_IPV6 = 2,
};

/* Option codes [2.1.5, 3]; options 1-16 are RFC 2730's. */
enum madcap_opt {
	MADCAP_OPT_END = 0,
	MADCAP_OPT_LEASE_TIME = 1,
	MADCAP_OPT_SERVER_ID = 2,
	MADCAP_OPT_LEASE_ID = 3,
	MADCAP_OPT_SCOPE = 4,
	MADCAP_OPT_REQUEST_LIST = 5,
	MADCAP_OPT_START_TIME = 6,
	MADCAP_OPT_NUM_ADDRS = 7,
	MADCAP_OPT_LANGUAGE = 8,
	MADCAP_OPT_SCOPE_LIST = 9,
	MADCAP_OPT_ADDR_LIST = 10,
	MADCAP_OPT_CURRENT_TIME = 11,
	MADCAP_OPT_FEATURES = 12,
	MADCAP_OPT_RETRY_TIME = 13,
	MADCAP_OPT_MIN_LEASE = 14,
	MADCAP_OPT_MAX_START = 15,
	MADCAP_OPT_ERROR = 16,
	MADCAP_OPT_NEST_STATE = 17,	/* RFC 2907; skipped when parsed */
	MADCAP_OPT_MAX = 17,
};

/*
 * Error codes in the Error option [3.17]. Its extra data [3.17.1-5]: for 0
 * and 1 the code of the option at fault (0xFFFF: none in particular), for 2
 * the server's current time (u32 Unix seconds), for 3 nothing, for 4 the
 * unsupported feature codes (u16 each).
 */
enum madcap_err {
	MADCAP_ERR_NOT_COMPLETED = 0,	/* valid request could not be completed */
	MADCAP_ERR_INVALID = 1,		/* invalid request */
	MADCAP_ERR_CLOCK_SKEW = 2,	/* excessive clock skew */
	MADCAP_ERR_BAD_LEASE_ID = 3,	/* lease identifier not recognized */
	MADCAP_ERR_FEATURE = 4,		/* required feature not supported */
};

/* Feature codes in the Feature List option [2.13, Table 4; 3.13]. */
enum madcap_feature {
	MADCAP_FEAT_SERVER_MOBILITY = 0,	/* [2.13.1] */
	MADCAP_FEAT_RETRY_AFTER = 1,		/* [2.13.2] */
	MADCAP_FEAT_SHARED_LEASE_ID = 2,	/* [2.13.3] */
};

/* Bounds on what one message may carry; exceeding one is a parse error. */
#define MADCAP_MAX_LEASE_ID	255	/* bytes of a lease identifier */
#define MADCAP_MAX_ADDR_RANGES	32	/* ranges in an address list */
#define MADCAP_MAX_SCOPES	32	/* entries in a scope list */
#define MADCAP_MAX_NAMES	4	/* names per scope list entry */
#define MADCAP_MAX_NAME		64	/* bytes of a scope name */
#define MADCAP_MAX_LANG		32	/* bytes of a language tag */
#define MADCAP_MAX_CODES	32	/* option codes in a request list */
#define MADCAP_MAX_FEATURES	8	/* codes in each feature list */
#define MADCAP_MAX_ERR_DATA	64	/* bytes of extra data in an Error */

/** struct madcap_addr - an address with its family (IPv4 or IPv6) */
struct madcap_addr {
	uint16_t af;			/* enum madcap_af */
	union {
		struct in_addr v4;
		struct in6_addr v6;
	};
};

/**
 * struct madcap_range - an inclusive range of addresses
 *
 * In a List of Address Ranges [3.11] a range travels as its first address
 * and a 16-bit block size, so there last - first + 1 is 1 to 65535.
 */
struct madcap_range {
	struct madcap_addr first;
	struct madcap_addr last;
};

/** struct madcap_scope_name - one zone name of a scope [3.10] */
struct madcap_scope_name {
	/* high bit of Name Flags: use if no name is in the desired language */
	bool natural;
	char lang[MADCAP_MAX_LANG + 1];
	char name[MADCAP_MAX_NAME + 1];
};

/** struct madcap_scope_entry - one entry of a Multicast Scope List [3.10] */
struct madcap_scope_entry {
	struct madcap_range range;	/* range.first is the scope ID */
	uint8_t ttl;
	unsigned int n_names;		/* may be 0 */
	struct madcap_scope_name names[MADCAP_MAX_NAMES];
};

/** struct madcap_features - the Feature List option's three lists [3.13] */
struct madcap_features {
	unsigned int n_supported, n_requested, n_required;
	uint16_t supported[MADCAP_MAX_FEATURES];
	uint16_t requested[MADCAP_MAX_FEATURES];
	uint16_t required[MADCAP_MAX_FEATURES];
};

/**
 * struct madcap_msg - a parsed or to-be-built MADCAP message
 *
 * @present has bit (1 << code) set for each option the message carries; a
 * field is meaningful only when its bit is set. Times on the wire are
 * unsigned 32-bit Unix seconds (since 1970, not NTP's 1900 [3.7, 3.12,
 * 3.14, 3.16]); here they are int64_t, and madcap_build() refuses a time
 * outside 0..UINT32_MAX. Addresses in Multicast Scope, Multicast Scope List
 * and List of Address Ranges are of the header's family @af [3.5, 3.10,
 * 3.11]; the Server Identifier carries its own family [3.3].
 */
struct madcap_msg {
	uint8_t version;		/* always 0 when built */
	uint8_t type;			/* enum madcap_type */
	uint16_t af;			/* enum madcap_af, header's address family */
	uint32_t xid;
	uint32_t present;		/* 1u << enum madcap_opt */

	uint32_t lease_time;		/* seconds */
	struct madcap_addr server_id;
	unsigned int lease_id_len;	/* 1..MADCAP_MAX_LEASE_ID */
	uint8_t lease_id[MADCAP_MAX_LEASE_ID];
	struct madcap_addr scope;	/* scope ID: the scope's first address */
	unsigned int n_request;		/* 1..MADCAP_MAX_CODES */
	uint16_t request[MADCAP_MAX_CODES];
	int64_t start_time;		/* Unix time */
	uint16_t num_min, num_desired;
	char lang[MADCAP_MAX_LANG + 1];	/* may be empty [3.9] */
	unsigned int n_scopes;
	struct madcap_scope_entry scopes[MADCAP_MAX_SCOPES];
	unsigned int n_ranges;		/* may be 0 [2.13.2] */
	struct madcap_range ranges[MADCAP_MAX_ADDR_RANGES];
	int64_t current_time;		/* Unix time */
	struct madcap_features features;
	int64_t retry_time;		/* Unix time to retry at [3.14] */
	uint32_t min_lease;		/* seconds */
	int64_t max_start;		/* Unix time */
	uint16_t error;			/* enum madcap_err */
	unsigned int error_data_len;
	uint8_t error_data[MADCAP_MAX_ERR_DATA];
};

/* Why a datagram was refused by madcap_parse() (counted by madcapd). */
enum madcap_parse_err {
	MADCAP_PARSE_OK = 0,
	MADCAP_PARSE_SHORT,		/* under MADCAP_MIN_LEN */
	MADCAP_PARSE_VERSION,		/* version != 0 */
	MADCAP_PARSE_OPTION,		/* option runs past the datagram, or no End */
	MADCAP_PARSE_BAD_VALUE,		/* an option's length or content is wrong */
	MADCAP_PARSE_DUPLICATE,		/* an option appears twice */
	MADCAP_PARSE_TOO_MANY,		/* over a MADCAP_MAX_* bound */
	MADCAP_PARSE_NR,
};

static inline bool madcap_has(const struct madcap_msg *m, enum madcap_opt o)
{
	return m->present & (1u << o);
}

static inline void madcap_set(struct madcap_msg *m, enum madcap_opt o)
{
	m->present |= 1u << o;
}

enum madcap_parse_err madcap_parse(const void *buf, size_t len,
				   struct madcap_msg *msg);
int madcap_build(const struct madcap_msg *msg, void *buf, size_t size);
const char *madcap_parse_strerror(enum madcap_parse_err err);
const char *madcap_type_name(unsigned int type);
const char *madcap_err_name(unsigned int err);

/* Address helpers shared by the server, the client and the tests. */
size_t madcap_addr_len(uint16_t af);
int madcap_addr_cmp(const struct madcap_addr *a, const struct madcap_addr *b);
int madcap_addr_parse(const char *s, struct madcap_addr *a);
const char *madcap_addr_str(const struct madcap_addr *a, char *buf,
			    size_t size);

#endif /* MADCAP_H */
