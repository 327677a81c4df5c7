/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by madcapd's unit tests (cmocka).
 */
#ifndef MADCAPD_TEST_HELPERS_H
#define MADCAPD_TEST_HELPERS_H

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../madcap/madcap.h"

/* An address from text; the test fails if it does not parse. */
static inline struct madcap_addr A(const char *s)
{
	struct madcap_addr a;

	assert_int_equal(madcap_addr_parse(s, &a), 0);
	return a;
}

/* A range from two texts. */
static inline struct madcap_range R(const char *first, const char *last)
{
	struct madcap_range r = { A(first), A(last) };

	return r;
}

/* Assert that @a is the address @s. */
#define assert_addr(a, s) do {						\
		struct madcap_addr e_ = A(s);				\
		char t_[INET6_ADDRSTRLEN];				\
		if (madcap_addr_cmp(&(a), &e_))				\
			fail_msg("address %s, expected %s",		\
				 madcap_addr_str(&(a), t_, sizeof(t_)), s); \
	} while (0)

#endif /* MADCAPD_TEST_HELPERS_H */
