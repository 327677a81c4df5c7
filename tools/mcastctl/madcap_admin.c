// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: madcapd's administration over its control socket.
 *
 *   mcastctl madcap scope add NAME range FIRST-LAST [ KEYWORD VALUE ]...
 *   mcastctl madcap scope set NAME KEYWORD VALUE [ KEYWORD VALUE ]...
 *   mcastctl madcap scope del NAME [ force ] | scope show [ NAME ]
 *   mcastctl madcap exclude { add | del } NAME FIRST-LAST
 *   mcastctl madcap lease show [ scope NAME ] | lease del ADDRESS
 *   mcastctl madcap stats | params
 *
 * Each command is one JSON request and one JSON reply over madcapd's
 * AF_UNIX SOCK_SEQPACKET socket (tools/madcapd/control.h), built and parsed
 * with json-c. madcap_admin_build() turns a command line into the request
 * and madcap_admin_print() prints a reply through print.c, so text and -j
 * come from the same code; both are separate from the socket so the unit
 * tests can drive them.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <json-c/json.h>

#include "madcap_cli.h"
#include "mcastctl.h"
#include "print.h"
#include "utils.h"

/* How long madcapd may take to answer (it commits to disk first). */
#define CTL_TIMEOUT_SECS 10

static void scope_usage(FILE *fp)
{
	fputs("Usage: mcastctl madcap scope add NAME range FIRST-LAST [ ttl N ] [ lease DUR ]\n"
	      "           [ state { active | inactive } ] [ expires TIME ] [ lang TAG ]\n"
	      "       mcastctl madcap scope set NAME [ ttl N ] [ lease DUR ]\n"
	      "           [ state { active | inactive } ] [ expires { TIME | never } ]\n"
	      "           [ lang TAG ]\n"
	      "       mcastctl madcap scope del NAME [ force ]\n"
	      "       mcastctl madcap scope show [ NAME ]\n"
	      "DUR is numbers with units, largest first: 30d, 12h, 1d12h, 90s.\n"
	      "TIME is never, Unix seconds or ISO 8601 (2027-01-31T00:00:00Z).\n"
	      "A scope's range cannot change: delete it and add it again.\n"
	      "del refuses a scope that holds leases unless force is given.\n",
	      fp);
}

static void exclude_usage(FILE *fp)
{
	fputs("Usage: mcastctl madcap exclude { add | del } NAME FIRST-LAST\n"
	      "Addresses of scope NAME that are never allocated.\n", fp);
}

static void lease_usage(FILE *fp)
{
	fputs("Usage: mcastctl madcap lease show [ scope NAME ]\n"
	      "       mcastctl madcap lease del ADDRESS\n"
	      "del deletes the lease holding ADDRESS, whatever else it holds.\n",
	      fp);
}

static void stats_usage(FILE *fp)
{
	fputs("Usage: mcastctl madcap stats\n"
	      "The server's counters (RFC 3559) and per scope the addresses in use,\n"
	      "free and offered.\n", fp);
}

static void params_usage(FILE *fp)
{
	fputs("Usage: mcastctl madcap params\n"
	      "The server's protocol constants (RFC 2730 appendix B) and limits.\n",
	      fp);
}

/**
 * madcap_admin_usage() - print the usage of the administration commands
 * @fp: stream
 */
void madcap_admin_usage(FILE *fp)
{
	scope_usage(fp);
	exclude_usage(fp);
	lease_usage(fp);
	stats_usage(fp);
	params_usage(fp);
}

enum kw_kind {
	KW_NAME,	/* a non-empty string */
	KW_TTL,
	KW_DUR,
	KW_STATE,
	KW_TIME,	/* never_ok: see struct kw */
	KW_RANGE,	/* fills "first" and "last" */
};

struct kw {
	const char *name;	/* keyword on the command line */
	const char *key;	/* JSON key of the request */
	enum kw_kind kind;
};

static const struct kw scope_kws[] = {
	{ "range", "first", KW_RANGE },
	{ "ttl", "ttl", KW_TTL },
	{ "lease", "lease", KW_DUR },
	{ "state", "state", KW_STATE },
	{ "expires", "expires", KW_TIME },
	{ "lang", "lang", KW_NAME },
	{ NULL, NULL, 0 },
};

static int bad_value(const char *kw, const char *val, const char *why)
{
	fprintf(stderr, "Error: invalid %s \"%s\": %s\n", kw, val, why);
	return -1;
}

static int add_str(struct json_object *req, const char *key, const char *val)
{
	struct json_object *s = json_object_new_string(val);

	if (!s || json_object_object_add(req, key, s)) {
		json_object_put(s);
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	return 0;
}

static int add_int(struct json_object *req, const char *key, int64_t val)
{
	struct json_object *i = json_object_new_int64(val);

	if (!i || json_object_object_add(req, key, i)) {
		json_object_put(i);
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	return 0;
}

static int add_bool(struct json_object *req, const char *key, bool val)
{
	struct json_object *b = json_object_new_boolean(val);

	if (!b || json_object_object_add(req, key, b)) {
		json_object_put(b);
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	return 0;
}

/* Add a range as "first" and "last", in the addresses' canonical text. */
static int add_range(struct json_object *req, const struct madcap_range *r)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	return add_str(req, "first", madcap_addr_text(&r->first, a, sizeof(a))) ||
	       add_str(req, "last", madcap_addr_text(&r->last, b, sizeof(b)));
}

static int add_kw(struct json_object *req, const struct kw *kw,
		  bool never_ok, const char *val)
{
	struct madcap_range r;
	const char *why = NULL;
	uint32_t secs;
	uint64_t v;
	int64_t t;

	switch (kw->kind) {
	case KW_NAME:
		if (!*val)
			return bad_value(kw->name, val, "empty value");
		return add_str(req, kw->key, val);
	case KW_TTL:
		if (parse_uint(val, 0, 255, &v, &why))
			return bad_value(kw->name, val, why);
		return add_int(req, kw->key, (int64_t)v);
	case KW_DUR:
		if (madcap_parse_dur(val, &secs, &why))
			return bad_value(kw->name, val, why);
		return add_int(req, kw->key, secs);
	case KW_STATE:
		if (strcmp(val, "active") && strcmp(val, "inactive"))
			return bad_value(kw->name, val,
					 "expected \"active\" or \"inactive\"");
		return add_str(req, kw->key, val);
	case KW_TIME:
		if (madcap_parse_time(val, never_ok, &t, &why))
			return bad_value(kw->name, val, why);
		return add_int(req, kw->key, t);
	case KW_RANGE:
		if (madcap_parse_range(val, &r, &why))
			return bad_value(kw->name, val, why);
		return add_range(req, &r);
	}
	return -1;
}

/*
 * KEYWORD VALUE pairs of "scope add" (@adding: range allowed) or "scope
 * set". "expires never" is the default of add and undoes an expiry in set.
 */
static int parse_scope_kws(struct json_object *req, bool adding, int argc,
			   char **argv)
{
	for (int i = 0; i < argc; i++) {
		const struct kw *kw;

		for (kw = scope_kws; kw->name; kw++)
			if (!strcmp(kw->name, argv[i]))
				break;
		if (!kw->name || (!adding && kw->kind == KW_RANGE)) {
			fprintf(stderr, "Error: unknown keyword \"%s\"%s; try \"mcastctl madcap scope help\"\n",
				argv[i], kw->name ?
				" (a range cannot change: delete the scope and add it again)" :
				"");
			return -1;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "Error: missing value for \"%s\"\n",
				argv[i]);
			return -1;
		}
		if (json_object_object_get_ex(req, kw->key, NULL)) {
			fprintf(stderr, "Error: \"%s\" given more than once\n",
				argv[i]);
			return -1;
		}
		if (add_kw(req, kw, true, argv[++i]))
			return -1;
	}
	return 0;
}

static int need_name(const char *what, int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "Error: missing %s; try \"mcastctl madcap %s help\"\n",
			what, what);
		return -1;
	}
	if (!argv[0][0]) {
		fprintf(stderr, "Error: invalid %s name \"\": empty value\n", what);
		return -1;
	}
	return 0;
}

static int too_many(const char *obj, const char *arg)
{
	fprintf(stderr, "Error: unexpected argument \"%s\"; try \"mcastctl madcap %s help\"\n",
		arg, obj);
	return -1;
}

static int build_scope(const char *verb, int argc, char **argv,
		       struct json_object *req)
{
	if (!strcmp(verb, "show")) {
		if (argc > 1)
			return too_many("scope", argv[1]);
		if (add_str(req, "cmd", "scope-show"))
			return -1;
		return argc ? add_str(req, "name", argv[0]) : 0;
	}
	if (strcmp(verb, "add") && strcmp(verb, "set") && strcmp(verb, "del")) {
		fprintf(stderr, "Error: unknown command \"%s\" for \"madcap scope\"; try \"mcastctl madcap scope help\"\n",
			verb);
		return -1;
	}
	if (need_name("scope", argc, argv))
		return -1;
	if (!strcmp(verb, "del")) {
		if (add_str(req, "cmd", "scope-del") ||
		    add_str(req, "name", argv[0]))
			return -1;
		if (argc > 1 && strcmp(argv[1], "force"))
			return too_many("scope", argv[1]);
		if (argc > 2)
			return too_many("scope", argv[2]);
		return argc > 1 ? add_bool(req, "force", true) : 0;
	}
	if (!strcmp(verb, "add")) {
		if (add_str(req, "cmd", "scope-add") ||
		    add_str(req, "name", argv[0]) ||
		    parse_scope_kws(req, true, argc - 1, argv + 1))
			return -1;
		if (!json_object_object_get_ex(req, "first", NULL)) {
			fprintf(stderr, "Error: \"range FIRST-LAST\" is required\n");
			return -1;
		}
		return 0;
	}
	/* set */
	if (add_str(req, "cmd", "scope-set") || add_str(req, "name", argv[0]) ||
	    parse_scope_kws(req, false, argc - 1, argv + 1))
		return -1;
	if (argc < 2) {
		fprintf(stderr, "Error: nothing to set; try \"mcastctl madcap scope help\"\n");
		return -1;
	}
	return 0;
}

static int build_exclude(const char *verb, int argc, char **argv,
			 struct json_object *req)
{
	struct madcap_range r;
	const char *why = NULL;

	if (strcmp(verb, "add") && strcmp(verb, "del")) {
		fprintf(stderr, "Error: unknown command \"%s\" for \"madcap exclude\"; try \"mcastctl madcap exclude help\"\n",
			verb);
		return -1;
	}
	if (need_name("scope", argc, argv))
		return -1;
	if (argc < 2) {
		fprintf(stderr, "Error: missing FIRST-LAST; try \"mcastctl madcap exclude help\"\n");
		return -1;
	}
	if (argc > 2)
		return too_many("exclude", argv[2]);
	if (madcap_parse_range(argv[1], &r, &why))
		return bad_value("range", argv[1], why);
	return add_str(req, "cmd", verb[0] == 'a' ? "exclude-add" : "exclude-del") ||
	       add_str(req, "name", argv[0]) || add_range(req, &r);
}

static int build_lease(const char *verb, int argc, char **argv,
		       struct json_object *req)
{
	struct madcap_addr a;
	char buf[INET6_ADDRSTRLEN];

	if (!strcmp(verb, "show")) {
		if (add_str(req, "cmd", "lease-show"))
			return -1;
		if (!argc)
			return 0;
		if (strcmp(argv[0], "scope"))
			return too_many("lease", argv[0]);
		if (argc < 2) {
			fprintf(stderr, "Error: missing value for \"scope\"\n");
			return -1;
		}
		if (argc > 2)
			return too_many("lease", argv[2]);
		if (!argv[1][0])
			return bad_value("scope", argv[1], "empty value");
		return add_str(req, "scope", argv[1]);
	}
	if (!strcmp(verb, "del")) {
		if (argc < 1) {
			fprintf(stderr, "Error: missing ADDRESS; try \"mcastctl madcap lease help\"\n");
			return -1;
		}
		if (argc > 1)
			return too_many("lease", argv[1]);
		if (madcap_text_addr(argv[0], &a))
			return bad_value("address", argv[0],
					 "not an IPv4 or IPv6 address");
		return add_str(req, "cmd", "lease-del") ||
		       add_str(req, "address",
			       madcap_addr_text(&a, buf, sizeof(buf)));
	}
	fprintf(stderr, "Error: unknown command \"%s\" for \"madcap lease\"; try \"mcastctl madcap lease help\"\n",
		verb);
	return -1;
}

static const struct {
	const char *name;
	void (*usage)(FILE *fp);
	/* NULL: the object takes no verb and no argument. */
	int (*build)(const char *verb, int argc, char **argv,
		     struct json_object *req);
	const char *dflt;	/* the verb without one, or the command */
} objects[] = {
	{ "scope", scope_usage, build_scope, "show" },
	{ "exclude", exclude_usage, build_exclude, NULL },
	{ "lease", lease_usage, build_lease, "show" },
	{ "stats", stats_usage, NULL, "stats" },
	{ "params", params_usage, NULL, "params-show" },
};

/**
 * madcap_admin_build() - the control request for a command line
 * @argc: number of arguments
 * @argv: the arguments, argv[0] being the object ("scope", "exclude",
 *	"lease", "stats" or "params"), argv[1] the verb if it takes one
 * @req: set to the request (a new JSON object the caller puts) on success
 *
 * "help" anywhere prints the usage of the object.
 *
 * Return: 0 with *@req set, 1 if help was printed, -1 on a syntax error
 * (printed).
 */
int madcap_admin_build(int argc, char **argv, struct json_object **req)
{
	size_t o;
	int ret;

	*req = NULL;
	for (o = 0; o < sizeof(objects) / sizeof(objects[0]); o++)
		if (argc && !strcmp(objects[o].name, argv[0]))
			break;
	if (o == sizeof(objects) / sizeof(objects[0])) {
		fprintf(stderr, "Error: unknown command \"%s\" for \"madcap\"; try \"mcastctl madcap help\"\n",
			argc ? argv[0] : "");
		return -1;
	}
	for (int i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			objects[o].usage(stdout);
			return 1;
		}
	}
	*req = json_object_new_object();
	if (!*req) {
		fprintf(stderr, "Error: out of memory\n");
		return -1;
	}
	if (!objects[o].build) {
		ret = argc > 1 ? too_many(argv[0], argv[1]) :
				 add_str(*req, "cmd", objects[o].dflt);
	} else if (argc < 2 && !objects[o].dflt) {
		fprintf(stderr, "Error: missing command; try \"mcastctl madcap %s help\"\n",
			argv[0]);
		ret = -1;
	} else {
		ret = objects[o].build(argc < 2 ? objects[o].dflt : argv[1],
				       argc < 2 ? 0 : argc - 2, argv + 2, *req);
	}
	if (ret) {
		json_object_put(*req);
		*req = NULL;
		return -1;
	}
	return 0;
}

/* ---- the control socket ---------------------------------------------- */

/*
 * Send @req to madcapd and return its reply in *@reply when it says
 * "ok": true. Everything else is printed: the daemon's "error" as
 * "Error: <text>".
 */
static int ctl_call(struct json_object *req, struct json_object **reply)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct timeval tv = { .tv_sec = CTL_TIMEOUT_SECS };
	struct json_tokener *tok = NULL;
	struct json_object *ok, *err;
	const char *text;
	size_t tlen;
	char *buf = NULL;
	ssize_t n;
	int fd, ret = -EIO;

	*reply = NULL;
	if (strlen(madcap_ctl_path) >= sizeof(sun.sun_path)) {
		fprintf(stderr, "Error: control socket path too long: %s\n",
			madcap_ctl_path);
		return -ENAMETOOLONG;
	}
	memcpy(sun.sun_path, madcap_ctl_path, strlen(madcap_ctl_path) + 1);
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		ret = -errno;
		fprintf(stderr, "Error: socket: %s\n", strerror(errno));
		return ret;
	}
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		ret = -errno;
		fprintf(stderr, "Error: cannot connect to madcapd at %s: %s\n",
			madcap_ctl_path, strerror(errno));
		goto out;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	text = json_object_to_json_string_ext(req, JSON_C_TO_STRING_PLAIN);
	tlen = strlen(text);
	if (tlen > MADCAP_CTL_MAX) {
		fprintf(stderr, "Error: request too large for the control socket\n");
		goto out;
	}
	if (send(fd, text, tlen, MSG_NOSIGNAL) != (ssize_t)tlen) {
		ret = -errno;
		fprintf(stderr, "Error: cannot send to madcapd at %s: %s\n",
			madcap_ctl_path, strerror(errno));
		goto out;
	}
	buf = malloc(MADCAP_CTL_MAX + 1);
	if (!buf) {
		fprintf(stderr, "Error: out of memory\n");
		ret = -ENOMEM;
		goto out;
	}
	n = recv(fd, buf, MADCAP_CTL_MAX + 1, MSG_TRUNC);
	if (n < 0) {
		ret = -errno;
		fprintf(stderr, "Error: no reply from madcapd at %s: %s\n",
			madcap_ctl_path,
			errno == EAGAIN ? "timed out" : strerror(errno));
		goto out;
	}
	if (!n) {
		fprintf(stderr, "Error: madcapd at %s closed the connection without a reply\n",
			madcap_ctl_path);
		goto out;
	}
	if (n > MADCAP_CTL_MAX) {
		fprintf(stderr, "Error: madcapd's reply is larger than %d bytes\n",
			MADCAP_CTL_MAX);
		goto out;
	}
	tok = json_tokener_new();
	if (!tok) {
		fprintf(stderr, "Error: out of memory\n");
		ret = -ENOMEM;
		goto out;
	}
	*reply = json_tokener_parse_ex(tok, buf, (int)n);
	if (!*reply || json_tokener_get_error(tok) != json_tokener_success ||
	    json_tokener_get_parse_end(tok) != (size_t)n ||
	    !json_object_is_type(*reply, json_type_object) ||
	    !json_object_object_get_ex(*reply, "ok", &ok) ||
	    !json_object_is_type(ok, json_type_boolean)) {
		fprintf(stderr, "Error: malformed reply from madcapd\n");
		goto out;
	}
	if (!json_object_get_boolean(ok)) {
		if (json_object_object_get_ex(*reply, "error", &err) &&
		    json_object_is_type(err, json_type_string))
			fprintf(stderr, "Error: %s\n", json_object_get_string(err));
		else
			fprintf(stderr, "Error: madcapd refused the request\n");
		ret = -EINVAL;
		goto out;
	}
	ret = 0;
out:
	if (ret) {
		json_object_put(*reply);
		*reply = NULL;
	}
	if (tok)
		json_tokener_free(tok);
	free(buf);
	close(fd);
	return ret;
}

/* ---- printing replies ------------------------------------------------- */

static struct json_object *jget(struct json_object *o, const char *key,
				enum json_type type)
{
	struct json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, type))
		return NULL;
	return v;
}

static const char *jstr(struct json_object *o, const char *key)
{
	struct json_object *v = jget(o, key, json_type_string);

	return v ? json_object_get_string(v) : NULL;
}

static bool jint(struct json_object *o, const char *key, int64_t *val)
{
	struct json_object *v = jget(o, key, json_type_int);

	if (!v)
		return false;
	*val = json_object_get_int64(v);
	return true;
}

/*
 * A counter: an integer, or a string for those too large for one. @key is
 * madcapd's; mcastctl's JSON keys, like its keywords, have '-' for '_'.
 */
static void print_count(struct json_object *o, const char *key,
			const char *fmt_u64, const char *fmt_str)
{
	const char *s = jstr(o, key);
	char out[64];
	size_t i;
	int64_t v;

	for (i = 0; key[i] && i < sizeof(out) - 1; i++)
		out[i] = key[i] == '_' ? '-' : key[i];
	out[i] = '\0';
	if (jint(o, key, &v) && v >= 0)
		print_u64(PRINT_ANY, out, fmt_u64, (uint64_t)v);
	else if (s)
		print_string(PRINT_ANY, out, fmt_str, s);
}

static void print_jstr(struct json_object *o, const char *key,
		       const char *fmt)
{
	const char *s = jstr(o, key);

	if (s)
		print_string(PRINT_ANY, key, fmt, s);
}

/* Seconds: an integer in JSON (key @out), "30d" in text. */
static void print_secs(struct json_object *o, const char *key,
		       const char *out, const char *fmt)
{
	char buf[MADCAP_DUR_STRLEN];
	int64_t v;

	if (!jint(o, key, &v) || v < 0 || v > UINT32_MAX)
		return;
	madcap_format_dur((uint32_t)v, buf, sizeof(buf));
	print_u64(PRINT_JSON, out, NULL, (uint64_t)v);
	print_string(PRINT_FP, NULL, fmt, buf);
}

/* Unix time: an integer in JSON (0: never), ISO 8601 in text. */
static void print_time(struct json_object *o, const char *key,
		       const char *fmt)
{
	char buf[MADCAP_TIME_STRLEN];
	int64_t v;

	if (!jint(o, key, &v))
		return;
	madcap_format_time(v, buf, sizeof(buf));
	print_u64(PRINT_JSON, key, NULL, (uint64_t)(v < 0 ? 0 : v));
	print_string(PRINT_FP, NULL, fmt, buf);
}

/* "first" and "last": separate keys in JSON, "FIRST-LAST" in text. */
static void print_range(struct json_object *o, const char *fmt)
{
	const char *first = jstr(o, "first"), *last = jstr(o, "last");
	char buf[MADCAP_RANGE_STRLEN + 8];

	if (!first || !last)
		return;
	print_string(PRINT_JSON, "first", NULL, first);
	print_string(PRINT_JSON, "last", NULL, last);
	snprintf(buf, sizeof(buf), "%s-%s", first, last);
	print_string(PRINT_FP, NULL, fmt, buf);
}

static void print_usage_counts(struct json_object *o)
{
	print_count(o, "total", "total %" PRIu64, "total %s");
	print_count(o, "in_use", "in-use %" PRIu64, "in-use %s");
	print_count(o, "offered", "offered %" PRIu64, "offered %s");
	print_count(o, "free", "free %" PRIu64, "free %s");
}

static void print_scope(struct json_object *s)
{
	struct json_object *ex = jget(s, "exclusions", json_type_array);

	open_json_object(NULL);
	print_jstr(s, "name", "scope %s");
	print_range(s, "range %s");
	print_count(s, "ttl", "ttl %" PRIu64, "ttl %s");
	print_secs(s, "lease", "lease", "lease %s");
	print_jstr(s, "state", "state %s");
	print_time(s, "expires", "expires %s");
	print_jstr(s, "lang", "lang %s");
	print_text_break("\n    ");
	print_jstr(s, "server", "server %s");
	print_usage_counts(s);
	if (ex) {
		open_json_array("exclusions");
		for (size_t i = 0; i < json_object_array_length(ex); i++) {
			struct json_object *e = json_object_array_get_idx(ex, i);

			print_text_break("\n    ");
			open_json_object(NULL);
			print_range(e, "exclude %s");
			close_json_object();
		}
		close_json_array();
	}
	close_json_object();
	print_text_end();
}

static void print_lease(struct json_object *l)
{
	struct json_object *addrs = jget(l, "addresses", json_type_array);
	int64_t released;

	open_json_object(NULL);
	print_jstr(l, "id", "lease %s");
	print_jstr(l, "scope", "scope %s");
	print_jstr(l, "client", "client %s");
	print_time(l, "start", "start %s");
	print_time(l, "end", "end %s");
	/* A released lease keeps its addresses for the extra time. */
	if (jint(l, "released", &released) && released)
		print_time(l, "released", "released %s");
	else if (jget(l, "released", json_type_int))
		print_u64(PRINT_JSON, "released", NULL, 0);
	if (addrs) {
		print_text_break("\n    ");
		open_json_array("addresses");
		for (size_t i = 0; i < json_object_array_length(addrs); i++) {
			struct json_object *a = json_object_array_get_idx(addrs, i);

			if (json_object_is_type(a, json_type_string))
				print_string(PRINT_ANY, NULL, "%s",
					     json_object_get_string(a));
		}
		close_json_array();
	}
	close_json_object();
	print_text_end();
}

static void print_array(struct json_object *reply, const char *key,
			void (*print_one)(struct json_object *o))
{
	struct json_object *arr = jget(reply, key, json_type_array);

	open_json_array(NULL);
	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);

		if (json_object_is_type(o, json_type_object))
			print_one(o);
	}
	close_json_array();
}

/* Keys of "params" that are durations in seconds. */
static bool is_secs_param(const char *key)
{
	static const char *const secs[] = {
		"clock_skew", "extra_allocation_time", "offer_hold",
		"response_cache_interval",
	};

	for (size_t i = 0; i < sizeof(secs) / sizeof(secs[0]); i++)
		if (!strcmp(key, secs[i]))
			return true;
	return false;
}

/*
 * One "name value" line per member of @o, in madcapd's order; the text
 * name has '-' for the JSON key's '_'.
 */
static void print_members(struct json_object *o, bool params)
{
	json_object_object_foreach(o, key, val) {
		char out[64], fmt[80], fmt_str[80];
		size_t i;

		(void)val;
		/* The key becomes part of a format: letters, digits, '_'. */
		for (i = 0; key[i] && i < sizeof(out) - 1; i++) {
			if (!isalnum((unsigned char)key[i]) && key[i] != '_')
				break;
			out[i] = key[i] == '_' ? '-' : key[i];
		}
		if (key[i])
			continue;
		out[i] = '\0';
		snprintf(fmt_str, sizeof(fmt_str), "%s %%s", out);
		if (params && is_secs_param(key)) {
			print_secs(o, key, out, fmt_str);
		} else {
			snprintf(fmt, sizeof(fmt), "%s %%%s", out, PRIu64);
			print_count(o, key, fmt, fmt_str);
		}
		print_text_end();
	}
}

static void print_stats(struct json_object *reply)
{
	struct json_object *counters = jget(reply, "counters", json_type_object);
	struct json_object *scopes = jget(reply, "scopes", json_type_array);

	open_json_object(NULL);
	if (counters) {
		open_json_object("counters");
		print_members(counters, false);
		close_json_object();
	}
	open_json_array("scopes");
	for (size_t i = 0; scopes && i < json_object_array_length(scopes); i++) {
		struct json_object *s = json_object_array_get_idx(scopes, i);

		if (!json_object_is_type(s, json_type_object))
			continue;
		open_json_object(NULL);
		print_jstr(s, "name", "scope %s");
		print_usage_counts(s);
		close_json_object();
		print_text_end();
	}
	close_json_array();
	close_json_object();
}

/**
 * madcap_admin_print() - print madcapd's reply to a request
 * @cmd: the request's "cmd"
 * @reply: the reply ("ok": true)
 *
 * The show commands print a JSON array of objects with -j (scope show,
 * lease show), stats an object {counters, scopes}, params an object of
 * the constants; changes print nothing.
 *
 * Return: 0, or -EIO if the output could not be written (printed).
 */
int madcap_admin_print(const char *cmd, struct json_object *reply)
{
	struct json_object *params;

	if (!strcmp(cmd, "scope-show")) {
		print_array(reply, "scopes", print_scope);
	} else if (!strcmp(cmd, "lease-show")) {
		print_array(reply, "leases", print_lease);
	} else if (!strcmp(cmd, "stats")) {
		print_stats(reply);
	} else if (!strcmp(cmd, "params-show")) {
		params = jget(reply, "params", json_type_object);
		open_json_object(NULL);
		if (params)
			print_members(params, true);
		close_json_object();
	} else {
		return 0;
	}
	if (print_end()) {
		fprintf(stderr, "Error: cannot write output\n");
		return -EIO;
	}
	return 0;
}

static int admin_run(int argc, char **argv)
{
	struct json_object *req, *reply, *cmd, *truncated;
	int ret;

	ret = madcap_admin_build(argc, argv, &req);
	if (ret)
		return ret > 0 ? 0 : -EINVAL;
	ret = ctl_call(req, &reply);
	if (!ret) {
		json_object_object_get_ex(req, "cmd", &cmd);
		print_init(stdout, mcastctl_opts.json, mcastctl_opts.pretty);
		ret = madcap_admin_print(json_object_get_string(cmd), reply);
		/* madcapd cuts a list that does not fit in one reply. */
		truncated = jget(reply, "truncated", json_type_boolean);
		if (!ret && truncated && json_object_get_boolean(truncated))
			fprintf(stderr, "Warning: madcapd's reply was cut to fit %d bytes: the list is incomplete\n",
				MADCAP_CTL_MAX);
	}
	json_object_put(reply);
	json_object_put(req);
	return ret;
}

/*
 * The *_main() functions get the arguments after the object: put the
 * object's name back in front for madcap_admin_build().
 */
static int admin_object(const char *name, int argc, char **argv)
{
	char **args = calloc((size_t)argc + 2, sizeof(*args));
	int ret;

	if (!args) {
		fprintf(stderr, "Error: out of memory\n");
		return -ENOMEM;
	}
	args[0] = (char *)name;
	memcpy(args + 1, argv, (size_t)argc * sizeof(*args));
	ret = admin_run(argc + 1, args);
	free(args);
	return ret;
}

/**
 * madcap_scope_main() - "mcastctl madcap scope ..."
 * @argc: number of arguments after "scope"
 * @argv: the arguments after "scope"
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_scope_main(int argc, char **argv)
{
	return admin_object("scope", argc, argv);
}

/**
 * madcap_exclude_main() - "mcastctl madcap exclude ..."
 * @argc: number of arguments after "exclude"
 * @argv: the arguments after "exclude"
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_exclude_main(int argc, char **argv)
{
	return admin_object("exclude", argc, argv);
}

/**
 * madcap_lease_main() - "mcastctl madcap lease ..."
 * @argc: number of arguments after "lease"
 * @argv: the arguments after "lease"
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_lease_main(int argc, char **argv)
{
	return admin_object("lease", argc, argv);
}

/**
 * madcap_stats_main() - "mcastctl madcap stats"
 * @argc: number of arguments after "stats"
 * @argv: the arguments after "stats"
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_stats_main(int argc, char **argv)
{
	return admin_object("stats", argc, argv);
}

/**
 * madcap_params_main() - "mcastctl madcap params"
 * @argc: number of arguments after "params"
 * @argv: the arguments after "params"
 *
 * Return: 0 or a negative errno (already printed).
 */
int madcap_params_main(int argc, char **argv)
{
	return admin_object("params", argc, argv);
}
