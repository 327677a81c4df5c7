// SPDX-License-Identifier: GPL-2.0
/*
 * The control protocol's commands (see control.h for the protocol, ctl.h
 * for this file's one entry point). Arguments are checked strictly: an
 * unknown argument or one of the wrong JSON type refuses the request.
 */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "admin.h"
#include "control.h"
#include "ctl.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* One control request being handled. */
struct ctl {
	struct server *s;
	struct json_object *req;
	struct json_object *rep;
	struct json_object *list;	/* may be cut to fit MADCAP_CTL_MAX */
	int64_t now;
	char err[512];
};

struct cmd {
	const char *name;
	bool change;			/* needs uid 0 */
	const char *const args[9];	/* allowed besides "cmd" */
	int (*fn)(struct ctl *c);
};

static void jstr(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void jint(struct json_object *o, const char *k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void jaddr(struct json_object *o, const char *k,
		  const struct madcap_addr *a)
{
	char t[INET6_ADDRSTRLEN];

	jstr(o, k, madcap_addr_str(a, t, sizeof(t)));
}

/* Return 1 if @key is there, 0 if not (-1 if required), -1 if mistyped. */
static int arg(struct ctl *c, const char *key, bool required,
	       enum json_type type, struct json_object **v)
{
	static const char *const what[] = {
		[json_type_string] = "a string",
		[json_type_int] = "an integer",
		[json_type_boolean] = "true or false",
	};

	if (!json_object_object_get_ex(c->req, key, v)) {
		if (!required)
			return 0;
		snprintf(c->err, sizeof(c->err), "Missing argument \"%s\".", key);
		return -1;
	}
	if (!json_object_is_type(*v, type)) {
		snprintf(c->err, sizeof(c->err), "\"%s\" must be %s.", key,
			 what[type]);
		return -1;
	}
	return 1;
}

static int arg_str(struct ctl *c, const char *key, bool required,
		   const char **out)
{
	struct json_object *v;
	int ret = arg(c, key, required, json_type_string, &v);

	if (ret <= 0)
		return ret;
	*out = json_object_get_string(v);
	/* A string with a NUL inside would be cut short silently. */
	if (strlen(*out) != (size_t)json_object_get_string_len(v)) {
		snprintf(c->err, sizeof(c->err),
			 "\"%s\" must not contain a NUL character.", key);
		return -1;
	}
	return ret;
}

static int arg_int(struct ctl *c, const char *key, int64_t *out)
{
	struct json_object *v;
	int ret = arg(c, key, false, json_type_int, &v);

	if (ret > 0)
		*out = json_object_get_int64(v);
	return ret;
}

static int arg_addr(struct ctl *c, const char *key, bool required,
		    struct madcap_addr *a)
{
	const char *t;
	int ret = arg_str(c, key, required, &t);

	if (ret > 0 && madcap_addr_parse(t, a)) {
		snprintf(c->err, sizeof(c->err), "\"%s\" is not an IPv4 or IPv6 address: %s",
			 key, t);
		return -1;
	}
	return ret;
}

/* The optional scope settings shared by scope-add and scope-set. */
static int scope_settings(struct ctl *c, struct admin_scope_set *set)
{
	const char *state = NULL;
	int ret[5];

	memset(set, 0, sizeof(*set));
	ret[0] = arg_int(c, "ttl", &set->ttl);
	ret[1] = arg_int(c, "lease", &set->lease);
	ret[2] = arg_int(c, "expires", &set->expires);
	ret[3] = arg_str(c, "lang", false, &set->lang);
	ret[4] = arg_str(c, "state", false, &state);
	if (ret[0] < 0 || ret[1] < 0 || ret[2] < 0 || ret[3] < 0 || ret[4] < 0)
		return -1;
	set->has_ttl = ret[0];
	set->has_lease = ret[1];
	set->has_expires = ret[2];
	set->has_lang = ret[3];
	set->has_state = ret[4];
	if (state && strcmp(state, "active") && strcmp(state, "inactive")) {
		snprintf(c->err, sizeof(c->err), "\"state\" must be \"active\" or \"inactive\".");
		return -1;
	}
	set->active = state && !strcmp(state, "active");
	return 0;
}

static int range_args(struct ctl *c, struct madcap_range *r)
{
	if (arg_addr(c, "first", true, &r->first) < 0 ||
	    arg_addr(c, "last", true, &r->last) < 0)
		return -1;
	return 0;
}

static int cmd_scope_add(struct ctl *c)
{
	struct admin_scope_set set;
	struct madcap_range r;
	const char *name;

	if (arg_str(c, "name", true, &name) < 0 || range_args(c, &r) ||
	    scope_settings(c, &set))
		return -1;
	return admin_scope_add(c->s, name, &r, &set, c->now, c->err,
			       sizeof(c->err));
}

static int cmd_scope_set(struct ctl *c)
{
	struct admin_scope_set set;
	const char *name;

	if (arg_str(c, "name", true, &name) < 0 || scope_settings(c, &set))
		return -1;
	if (!set.has_ttl && !set.has_lease && !set.has_state &&
	    !set.has_expires && !set.has_lang) {
		snprintf(c->err, sizeof(c->err), "Nothing to change: give ttl, lease, state, expires or lang.");
		return -1;
	}
	return admin_scope_set(c->s, name, &set, c->now, c->err,
			       sizeof(c->err));
}

static int cmd_scope_del(struct ctl *c)
{
	struct json_object *v;
	const char *name;
	bool force = false;
	int ret;

	if (arg_str(c, "name", true, &name) < 0)
		return -1;
	ret = arg(c, "force", false, json_type_boolean, &v);
	if (ret < 0)
		return -1;
	if (ret)
		force = json_object_get_boolean(v);
	return admin_scope_del(c->s, name, force, c->err, sizeof(c->err));
}

static struct json_object *scope_counts(const struct scope *sc)
{
	struct json_object *o = json_object_new_object();

	jstr(o, "name", sc->name);
	jint(o, "total", scope_total(sc));
	jint(o, "in_use", sc->leased);
	jint(o, "offered", sc->offered);
	jint(o, "free", scope_free_count(sc));
	return o;
}

static struct json_object *scope_json(const struct scope *sc)
{
	struct json_object *o = scope_counts(sc), *ex, *e;
	struct madcap_addr srv;
	unsigned int i;

	jaddr(o, "first", &sc->first);
	jaddr(o, "last", &sc->last);
	jint(o, "ttl", sc->ttl);
	jint(o, "lease", sc->lease);
	jstr(o, "state", sc->active ? "active" : "inactive");
	jint(o, "expires", sc->expires);
	jstr(o, "lang", sc->lang);
	scope_server_addr(sc, &srv);
	jaddr(o, "server", &srv);
	ex = json_object_new_array();
	for (i = 0; i < sc->n_excl; i++) {
		e = json_object_new_object();
		jaddr(e, "first", &sc->excl[i].first);
		jaddr(e, "last", &sc->excl[i].last);
		json_object_array_add(ex, e);
	}
	json_object_object_add(o, "exclusions", ex);
	return o;
}

static int cmd_scope_show(struct ctl *c)
{
	const struct scope *sc;
	const char *name = NULL;

	if (arg_str(c, "name", false, &name) < 0)
		return -1;
	if (name && !scope_find(&c->s->scopes, name)) {
		snprintf(c->err, sizeof(c->err), "There is no scope \"%s\".", name);
		return -1;
	}
	c->list = json_object_new_array();
	json_object_object_add(c->rep, "scopes", c->list);
	for (sc = c->s->scopes.head; sc; sc = sc->next)
		if (!name || !strcmp(name, sc->name))
			json_object_array_add(c->list, scope_json(sc));
	return 0;
}

static int cmd_exclude(struct ctl *c, bool add)
{
	struct madcap_range r;
	const char *name;

	if (arg_str(c, "name", true, &name) < 0 || range_args(c, &r))
		return -1;
	return add ? admin_excl_add(c->s, name, &r, c->err, sizeof(c->err)) :
		     admin_excl_del(c->s, name, &r, c->err, sizeof(c->err));
}

static int cmd_exclude_add(struct ctl *c)
{
	return cmd_exclude(c, true);
}

static int cmd_exclude_del(struct ctl *c)
{
	return cmd_exclude(c, false);
}

static struct json_object *lease_json(const struct lease *l)
{
	struct madcap_range r[MADCAP_MAX_ADDR_RANGES];
	struct json_object *o = json_object_new_object(), *addrs;
	char hex[2 * MADCAP_MAX_LEASE_ID + 1], a[INET6_ADDRSTRLEN];
	char b[INET6_ADDRSTRLEN], t[2 * INET6_ADDRSTRLEN + 8];
	unsigned int i;

	for (i = 0; i < l->id_len; i++)
		snprintf(&hex[2 * i], 3, "%02x", l->id[i]);
	hex[2 * i] = '\0';
	jstr(o, "id", hex);
	jstr(o, "scope", l->scope->name);
	madcap_addr_str(&l->client, a, sizeof(a));
	snprintf(t, sizeof(t), l->client.af == MADCAP_AF_IPV6 ? "[%s]:%u" :
		 "%s:%u", a, l->port);
	jstr(o, "client", t);
	server_lease_addrs(l, r);
	addrs = json_object_new_array();
	for (i = 0; i < l->n_ranges; i++) {
		madcap_addr_str(&r[i].first, a, sizeof(a));
		madcap_addr_str(&r[i].last, b, sizeof(b));
		if (l->ranges[i].lo == l->ranges[i].hi)
			snprintf(t, sizeof(t), "%s", a);
		else
			snprintf(t, sizeof(t), "%s-%s", a, b);
		json_object_array_add(addrs, json_object_new_string(t));
	}
	json_object_object_add(o, "addresses", addrs);
	jint(o, "start", l->start);
	jint(o, "end", l->end);
	jint(o, "released", l->released);
	return o;
}

static int cmd_lease_show(struct ctl *c)
{
	const struct scope *sc = NULL;
	const struct lease *l;
	const char *name = NULL;

	if (arg_str(c, "scope", false, &name) < 0)
		return -1;
	if (name) {
		sc = scope_find(&c->s->scopes, name);
		if (!sc) {
			snprintf(c->err, sizeof(c->err), "There is no scope \"%s\".", name);
			return -1;
		}
	}
	c->list = json_object_new_array();
	json_object_object_add(c->rep, "leases", c->list);
	for (l = c->s->leases.head; l; l = l->next)
		if (!sc || l->scope == sc)
			json_object_array_add(c->list, lease_json(l));
	return 0;
}

static int cmd_lease_del(struct ctl *c)
{
	struct madcap_addr a;

	if (arg_addr(c, "address", true, &a) < 0)
		return -1;
	return admin_lease_del(c->s, &a, c->err, sizeof(c->err));
}

static int cmd_stats(struct ctl *c)
{
	struct json_object *o = json_object_new_object();
	const struct server_counters *k = &c->s->c;
	const struct scope *sc;

#define X(name) jint(o, #name, k->name);
	SERVER_COUNTERS(X)
#undef X
	json_object_object_add(c->rep, "counters", o);
	c->list = json_object_new_array();
	json_object_object_add(c->rep, "scopes", c->list);
	for (sc = c->s->scopes.head; sc; sc = sc->next)
		json_object_array_add(c->list, scope_counts(sc));
	return 0;
}

static int cmd_params_show(struct ctl *c)
{
	struct json_object *o = json_object_new_object();
	const struct server_params *p = &c->s->p;

	jint(o, "clock_skew", p->clock_skew);
	jint(o, "extra_allocation_time", p->extra_time);
	jint(o, "offer_hold", p->offer_hold);
	jint(o, "response_cache_interval", p->cache_interval);
	jint(o, "max_per_client", p->max_per_client);
	jint(o, "max_per_request", p->max_per_request);
	jint(o, "max_offers", p->max_offers);
	jint(o, "max_leases", p->max_leases);
	jint(o, "max_cache", p->max_cache);
	json_object_object_add(c->rep, "params", o);
	return 0;
}

static const struct cmd cmds[] = {
	{ "scope-add", true, { "name", "first", "last", "ttl", "lease",
			       "state", "expires", "lang" }, cmd_scope_add },
	{ "scope-set", true, { "name", "ttl", "lease", "state", "expires",
			       "lang" }, cmd_scope_set },
	{ "scope-del", true, { "name", "force" }, cmd_scope_del },
	{ "scope-show", false, { "name" }, cmd_scope_show },
	{ "exclude-add", true, { "name", "first", "last" }, cmd_exclude_add },
	{ "exclude-del", true, { "name", "first", "last" }, cmd_exclude_del },
	{ "lease-show", false, { "scope" }, cmd_lease_show },
	{ "lease-del", true, { "address" }, cmd_lease_del },
	{ "stats", false, { NULL }, cmd_stats },
	{ "params-show", false, { NULL }, cmd_params_show },
};

static const struct cmd *lookup(struct ctl *c)
{
	const char *name = NULL;
	unsigned int i, j;

	if (!json_object_is_type(c->req, json_type_object)) {
		snprintf(c->err, sizeof(c->err), "The request is not a JSON object.");
		return NULL;
	}
	if (arg_str(c, "cmd", true, &name) < 0)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(cmds); i++)
		if (!strcmp(cmds[i].name, name))
			break;
	if (i == ARRAY_SIZE(cmds)) {
		snprintf(c->err, sizeof(c->err), "Unknown command \"%s\".", name);
		return NULL;
	}
	json_object_object_foreach(c->req, key, val) {
		(void)val;
		if (!strcmp(key, "cmd"))
			continue;
		for (j = 0; cmds[i].args[j]; j++)
			if (!strcmp(cmds[i].args[j], key))
				break;
		if (!cmds[i].args[j]) {
			snprintf(c->err, sizeof(c->err), "Unknown argument \"%s\" for %s.",
				 key, name);
			return NULL;
		}
	}
	return &cmds[i];
}

/* Serialize the reply, cutting its list (marked "truncated") to fit. */
static size_t finish(struct ctl *c, char *out, size_t size)
{
	const char *txt = json_object_to_json_string_ext(c->rep,
							 JSON_C_TO_STRING_PLAIN);
	size_t len = strlen(txt);

	while (len > size && c->list && json_object_array_length(c->list)) {
		size_t n = json_object_array_length(c->list);
		size_t keep = (size_t)((double)n * (size - size / 8) / len);

		if (keep >= n)
			keep = n - 1;
		json_object_array_del_idx(c->list, keep, n - keep);
		json_object_object_add(c->rep, "truncated",
				       json_object_new_boolean(1));
		txt = json_object_to_json_string_ext(c->rep,
						     JSON_C_TO_STRING_PLAIN);
		len = strlen(txt);
	}
	if (len > size) {
		txt = "{\"ok\":false,\"error\":\"The reply does not fit in one message.\"}";
		len = strlen(txt);
	}
	memcpy(out, txt, len);
	return len;
}

static bool only_space(const char *p, size_t n)
{
	for (; n; p++, n--)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p)
			return false;
	return true;
}

/**
 * control_handle() - answer one control request
 * @s: the server
 * @req: the request's bytes (a JSON object, not NUL-terminated)
 * @len: their length
 * @uid: the peer's uid (SO_PEERCRED); requests that change state need 0
 * @now: Unix time
 * @out: where to write the reply (JSON, not NUL-terminated)
 * @size: room in @out, at least 128 (MADCAP_CTL_MAX in madcapd)
 *
 * Return: the reply's length.
 */
size_t control_handle(struct server *s, const void *req, size_t len,
		      uid_t uid, int64_t now, char *out, size_t size)
{
	struct ctl c = { .s = s, .now = now };
	struct json_tokener *tok = json_tokener_new();
	const struct cmd *cmd = NULL;
	size_t n;

	c.rep = json_object_new_object();
	json_object_object_add(c.rep, "ok", json_object_new_boolean(1));
	if (tok) {
		c.req = json_tokener_parse_ex(tok, req, len);
		if (json_tokener_get_error(tok) != json_tokener_success ||
		    !only_space((const char *)req + json_tokener_get_parse_end(tok),
				len - json_tokener_get_parse_end(tok))) {
			json_object_put(c.req);
			c.req = NULL;
		}
		json_tokener_free(tok);
	}
	if (!c.req)
		snprintf(c.err, sizeof(c.err), "The request is not valid JSON.");
	else
		cmd = lookup(&c);
	if (cmd && cmd->change && uid != 0) {
		snprintf(c.err, sizeof(c.err), "Permission denied: %s needs root.",
			 cmd->name);
		cmd = NULL;
	}
	if (!cmd || cmd->fn(&c)) {
		json_object_put(c.rep);
		c.rep = json_object_new_object();
		c.list = NULL;
		json_object_object_add(c.rep, "ok", json_object_new_boolean(0));
		jstr(c.rep, "error", c.err[0] ? c.err : "Internal error.");
	}
	n = finish(&c, out, size);
	json_object_put(c.rep);
	json_object_put(c.req);
	return n;
}
