/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The changes an administrator makes through the control socket: each is
 * checked, committed to the store, then applied in memory; a refused or
 * failed change changes nothing and says why in a sentence.
 */
#ifndef MADCAPD_ADMIN_H
#define MADCAPD_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "server.h"

#define ADMIN_MAX_SCOPES	MADCAP_MAX_SCOPES	/* one GETINFO lists all */

/**
 * struct admin_scope_set - the settings scope-set changes
 * @has_ttl: change @ttl
 * @has_lease: change @lease
 * @has_state: change @active
 * @has_expires: change @expires
 * @has_lang: change @lang
 * @ttl: TTL, 1-255
 * @lease: longest lease, seconds, 1 to 2^32 - 1
 * @active: scope state
 * @expires: Unix time, 0 for never
 * @lang: language tag of the name
 */
struct admin_scope_set {
	bool has_ttl, has_lease, has_state, has_expires, has_lang;
	int64_t ttl, lease;
	bool active;
	int64_t expires;
	const char *lang;
};

int admin_scope_add(struct server *s, const char *name,
		    const struct madcap_range *r,
		    const struct admin_scope_set *set, int64_t now, char *err,
		    size_t size);
int admin_scope_set(struct server *s, const char *name,
		    const struct admin_scope_set *set, int64_t now, char *err,
		    size_t size);
int admin_scope_del(struct server *s, const char *name, bool force,
		    char *err, size_t size);
int admin_excl_add(struct server *s, const char *name,
		   const struct madcap_range *r, char *err, size_t size);
int admin_excl_del(struct server *s, const char *name,
		   const struct madcap_range *r, char *err, size_t size);
int admin_lease_del(struct server *s, const struct madcap_addr *a, char *err,
		    size_t size);

#endif /* MADCAPD_ADMIN_H */
