// SPDX-License-Identifier: GPL-2.0
/*
 * The lease store on SQLite (see store.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <sqlite3.h>

#include "log.h"
#include "store.h"

#define STORE_VERSION	1
#define ADDR_TEXT	64

struct store {
	sqlite3 *db;
	int lock_fd;
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS scopes ("
	" name TEXT PRIMARY KEY, af INTEGER NOT NULL,"
	" first TEXT NOT NULL, last TEXT NOT NULL, ttl INTEGER NOT NULL,"
	" lease INTEGER NOT NULL, active INTEGER NOT NULL,"
	" expires INTEGER NOT NULL, lang TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS exclusions ("
	" scope TEXT NOT NULL REFERENCES scopes(name) ON DELETE CASCADE,"
	" first TEXT NOT NULL, last TEXT NOT NULL,"
	" PRIMARY KEY (scope, first, last));"
	"CREATE TABLE IF NOT EXISTS leases ("
	" id BLOB PRIMARY KEY,"
	" scope TEXT NOT NULL REFERENCES scopes(name) ON DELETE CASCADE,"
	" client TEXT NOT NULL, client_port INTEGER NOT NULL,"
	" start_at INTEGER NOT NULL, end_at INTEGER NOT NULL,"
	" released_at INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX IF NOT EXISTS leases_scope ON leases(scope);"
	"CREATE TABLE IF NOT EXISTS lease_addrs ("
	" lease BLOB NOT NULL REFERENCES leases(id) ON DELETE CASCADE,"
	" first TEXT NOT NULL, last TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS lease_addrs_lease ON lease_addrs(lease);";

static int fail(struct store *st, const char *what)
{
	pr_err("store: %s: %s", what, sqlite3_errmsg(st->db));
	return -EIO;
}

/*
 * Prepare @sql and bind its parameters, one per character of @fmt:
 * 't' text (const char *), 'i' integer (int64_t), 'b' blob (const void *,
 * then unsigned int length).
 */
static sqlite3_stmt *vprepare(struct store *st, const char *sql,
			      const char *fmt, va_list ap)
{
	sqlite3_stmt *s;
	int i, rc = SQLITE_OK;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		fail(st, sql);
		return NULL;
	}
	for (i = 0; fmt[i] && rc == SQLITE_OK; i++) {
		const void *p;

		switch (fmt[i]) {
		case 't':
			rc = sqlite3_bind_text(s, i + 1, va_arg(ap, const char *),
					       -1, SQLITE_TRANSIENT);
			break;
		case 'i':
			rc = sqlite3_bind_int64(s, i + 1, va_arg(ap, int64_t));
			break;
		default:
			p = va_arg(ap, const void *);
			rc = sqlite3_bind_blob(s, i + 1, p,
					       va_arg(ap, unsigned int),
					       SQLITE_TRANSIENT);
			break;
		}
	}
	if (rc != SQLITE_OK) {
		fail(st, "bind");
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

static sqlite3_stmt *prepare(struct store *st, const char *sql,
			     const char *fmt, ...)
{
	sqlite3_stmt *s;
	va_list ap;

	va_start(ap, fmt);
	s = vprepare(st, sql, fmt, ap);
	va_end(ap);
	return s;
}

/* Run a statement that returns no rows; return changes made or -EIO. */
static int run(struct store *st, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	s = vprepare(st, sql, fmt, ap);
	va_end(ap);
	if (!s)
		return -EIO;
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return fail(st, sql);
	return sqlite3_changes(st->db);
}

static int begin(struct store *st)
{
	return run(st, "BEGIN IMMEDIATE", "") < 0 ? -EIO : 0;
}

static int commit(struct store *st)
{
	if (run(st, "COMMIT", "") < 0) {
		run(st, "ROLLBACK", "");
		return -EIO;
	}
	return 0;
}

static void rollback(struct store *st)
{
	run(st, "ROLLBACK", "");
}

static int pragma_text(struct store *st, const char *sql, char *out,
		       size_t size)
{
	sqlite3_stmt *s = prepare(st, sql, "");
	int rc;

	if (!s)
		return -EIO;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s",
			 (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : fail(st, sql);
}

static int setup(struct store *st)
{
	char mode[16], ver[16];
	long v;

	if (pragma_text(st, "PRAGMA journal_mode=WAL", mode, sizeof(mode)))
		return -EIO;
	if (strcmp(mode, "wal")) {
		pr_err("store: the database refused WAL mode (%s)", mode);
		return -EIO;
	}
	if (run(st, "PRAGMA synchronous=FULL", "") < 0 ||
	    run(st, "PRAGMA foreign_keys=ON", "") < 0 || begin(st))
		return -EIO;
	if (pragma_text(st, "PRAGMA user_version", ver, sizeof(ver)))
		goto err;
	v = strtol(ver, NULL, 10);
	if (v > STORE_VERSION) {
		pr_err("store: database version %ld is newer than this madcapd's (%d)",
		       v, STORE_VERSION);
		goto err;
	}
	if (sqlite3_exec(st->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
		fail(st, "schema");
		goto err;
	}
	if (run(st, "PRAGMA user_version=1", "") < 0)
		goto err;
	return commit(st);
err:
	rollback(st);
	return -EIO;
}

/**
 * store_open() - open (creating if needed) the database at @path
 * @path: the database file; its directory must exist
 * @out: set to the store
 *
 * Errors are logged.
 *
 * Return: 0, -EBUSY if another process holds the database, or another
 * negative errno.
 */
int store_open(const char *path, struct store **out)
{
	struct store *st = calloc(1, sizeof(*st));
	int err = -EIO;

	if (!st)
		return -ENOMEM;
	st->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (st->lock_fd < 0) {
		err = -errno;
		pr_err("store: %s: %s", path, strerror(errno));
		free(st);
		return err;
	}
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB)) {
		err = errno == EWOULDBLOCK ? -EBUSY : -errno;
		pr_err("store: %s: %s", path, errno == EWOULDBLOCK ?
		       "in use by another madcapd" : strerror(errno));
		goto err_fd;
	}
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		pr_err("store: %s: %s", path, st->db ? sqlite3_errmsg(st->db) :
		       "out of memory");
		goto err_db;
	}
	sqlite3_busy_timeout(st->db, 2000);
	if (setup(st))
		goto err_db;
	*out = st;
	return 0;

err_db:
	sqlite3_close(st->db);
err_fd:
	close(st->lock_fd);
	free(st);
	return err;
}

/**
 * store_close() - close the database (a no-op for NULL)
 * @st: the store
 */
void store_close(struct store *st)
{
	if (!st)
		return;
	if (sqlite3_close(st->db) != SQLITE_OK)
		pr_err("store: close: %s", sqlite3_errmsg(st->db));
	/* After sqlite3_close(): closing an fd drops the POSIX locks. */
	close(st->lock_fd);
	free(st);
}

static int col_addr(sqlite3_stmt *s, int col, struct madcap_addr *a)
{
	const char *t = (const char *)sqlite3_column_text(s, col);

	return t && !madcap_addr_parse(t, a) ? 0 : -EINVAL;
}

static int load_scopes(struct store *st, const struct store_ops *ops,
		       void *ctx)
{
	sqlite3_stmt *s = prepare(st, "SELECT name, first, last, ttl, lease,"
				  " active, expires, lang FROM scopes", "");
	int rc, err = 0;

	if (!s)
		return -EIO;
	while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_scope sc = {
			.name = (const char *)sqlite3_column_text(s, 0),
			.ttl = sqlite3_column_int(s, 3),
			.lease = sqlite3_column_int64(s, 4),
			.active = sqlite3_column_int(s, 5),
			.expires = sqlite3_column_int64(s, 6),
			.lang = (const char *)sqlite3_column_text(s, 7),
		};

		if (!sc.name || !sc.lang || col_addr(s, 1, &sc.range.first) ||
		    col_addr(s, 2, &sc.range.last)) {
			pr_err("store: skipping a malformed scope row");
			continue;
		}
		err = ops->scope(ctx, &sc);
	}
	sqlite3_finalize(s);
	return err ? err : rc == SQLITE_DONE ? 0 : fail(st, "load scopes");
}

static int load_exclusions(struct store *st, const struct store_ops *ops,
			   void *ctx)
{
	sqlite3_stmt *s = prepare(st, "SELECT scope, first, last FROM"
				  " exclusions ORDER BY rowid", "");
	int rc, err = 0;

	if (!s)
		return -EIO;
	while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		struct madcap_range r;

		if (!name || col_addr(s, 1, &r.first) ||
		    col_addr(s, 2, &r.last)) {
			pr_err("store: skipping a malformed exclusion row");
			continue;
		}
		err = ops->exclusion(ctx, name, &r);
	}
	sqlite3_finalize(s);
	return err ? err : rc == SQLITE_DONE ? 0 : fail(st, "load exclusions");
}

static int load_ranges(struct store *st, const void *id, unsigned int len,
		       struct madcap_range *r, unsigned int *n)
{
	sqlite3_stmt *s = prepare(st, "SELECT first, last FROM lease_addrs"
				  " WHERE lease = ? ORDER BY rowid", "b",
				  id, len);
	int rc;

	if (!s)
		return -EIO;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == MADCAP_MAX_ADDR_RANGES ||
		    col_addr(s, 0, &r[*n].first) || col_addr(s, 1, &r[*n].last))
			break;
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return -EINVAL;
	return rc == SQLITE_DONE ? 0 : fail(st, "load lease addresses");
}

static int load_leases(struct store *st, const struct store_ops *ops,
		       void *ctx)
{
	sqlite3_stmt *s = prepare(st, "SELECT id, scope, client, client_port,"
				  " start_at, end_at, released_at FROM leases",
				  "");
	struct madcap_range r[MADCAP_MAX_ADDR_RANGES];
	int rc, err = 0;

	if (!s)
		return -EIO;
	while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_lease l = {
			.id = sqlite3_column_blob(s, 0),
			.id_len = sqlite3_column_bytes(s, 0),
			.scope = (const char *)sqlite3_column_text(s, 1),
			.port = sqlite3_column_int(s, 3),
			.start = sqlite3_column_int64(s, 4),
			.end = sqlite3_column_int64(s, 5),
			.released = sqlite3_column_int64(s, 6),
			.ranges = r,
		};

		if (!l.id || !l.id_len || l.id_len > MADCAP_MAX_LEASE_ID ||
		    !l.scope || col_addr(s, 2, &l.client)) {
			pr_err("store: skipping a malformed lease row");
			continue;
		}
		err = load_ranges(st, l.id, l.id_len, r, &l.n_ranges);
		if (err == -EINVAL) {
			pr_err("store: skipping a lease with malformed addresses");
			err = 0;
			continue;
		}
		if (!err)
			err = ops->lease(ctx, &l);
	}
	sqlite3_finalize(s);
	return err ? err : rc == SQLITE_DONE ? 0 : fail(st, "load leases");
}

/**
 * store_load() - pass every stored scope, exclusion and lease to @ops
 * @st: the store
 * @ops: the callbacks, called in that order (all scopes first)
 * @ctx: passed to the callbacks
 *
 * Malformed rows are logged and skipped.
 *
 * Return: 0, the first error a callback returned, or -EIO.
 */
int store_load(struct store *st, const struct store_ops *ops, void *ctx)
{
	int err;

	err = load_scopes(st, ops, ctx);
	if (!err)
		err = load_exclusions(st, ops, ctx);
	if (!err)
		err = load_leases(st, ops, ctx);
	return err;
}

/**
 * store_scope_add() - commit a new scope
 * @st: the store
 * @sc: the scope (its name is not stored yet)
 *
 * Return: 0, or -EIO.
 */
int store_scope_add(struct store *st, const struct store_scope *sc)
{
	char a[ADDR_TEXT], b[ADDR_TEXT];

	madcap_addr_str(&sc->range.first, a, sizeof(a));
	madcap_addr_str(&sc->range.last, b, sizeof(b));
	return run(st, "INSERT INTO scopes (name, af, first, last, ttl, lease,"
		   " active, expires, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		   "tittiiiit", sc->name, (int64_t)sc->range.first.af, a, b,
		   (int64_t)sc->ttl, (int64_t)sc->lease, (int64_t)sc->active,
		   sc->expires, sc->lang) == 1 ? 0 : -EIO;
}

/**
 * store_scope_update() - commit new settings of a scope (not its range)
 * @st: the store
 * @sc: the scope, found by name
 *
 * Return: 0, -ENOENT if no such scope is stored, or -EIO.
 */
int store_scope_update(struct store *st, const struct store_scope *sc)
{
	int n = run(st, "UPDATE scopes SET ttl = ?, lease = ?, active = ?,"
		    " expires = ?, lang = ? WHERE name = ?", "iiiitt",
		    (int64_t)sc->ttl, (int64_t)sc->lease, (int64_t)sc->active,
		    sc->expires, sc->lang, sc->name);

	return n < 0 ? n : n ? 0 : -ENOENT;
}

/**
 * store_scope_del() - delete a scope with its exclusions and leases
 * @st: the store
 * @name: the scope's name
 *
 * Return: 0, -ENOENT if no such scope is stored, or -EIO.
 */
int store_scope_del(struct store *st, const char *name)
{
	int n = run(st, "DELETE FROM scopes WHERE name = ?", "t", name);

	return n < 0 ? n : n ? 0 : -ENOENT;
}

/**
 * store_excl_add() - commit an exclusion of a scope
 * @st: the store
 * @scope: the scope's name
 * @r: the excluded range
 *
 * Return: 0, or -EIO (also for a duplicate).
 */
int store_excl_add(struct store *st, const char *scope,
		   const struct madcap_range *r)
{
	char a[ADDR_TEXT], b[ADDR_TEXT];

	madcap_addr_str(&r->first, a, sizeof(a));
	madcap_addr_str(&r->last, b, sizeof(b));
	return run(st, "INSERT INTO exclusions (scope, first, last)"
		   " VALUES (?, ?, ?)", "ttt", scope, a, b) == 1 ? 0 : -EIO;
}

/**
 * store_excl_del() - delete an exclusion of a scope
 * @st: the store
 * @scope: the scope's name
 * @r: the excluded range
 *
 * Return: 0, -ENOENT if it is not stored, or -EIO.
 */
int store_excl_del(struct store *st, const char *scope,
		   const struct madcap_range *r)
{
	char a[ADDR_TEXT], b[ADDR_TEXT];
	int n;

	madcap_addr_str(&r->first, a, sizeof(a));
	madcap_addr_str(&r->last, b, sizeof(b));
	n = run(st, "DELETE FROM exclusions WHERE scope = ? AND first = ?"
		" AND last = ?", "ttt", scope, a, b);
	return n < 0 ? n : n ? 0 : -ENOENT;
}

/**
 * store_lease_add() - commit a new lease with its addresses
 * @st: the store
 * @l: the lease (its identifier is not stored yet)
 *
 * One transaction: when this returns 0 the lease is on stable storage.
 *
 * Return: 0, or -EIO (nothing is stored then).
 */
int store_lease_add(struct store *st, const struct store_lease *l)
{
	char a[ADDR_TEXT], b[ADDR_TEXT];
	unsigned int i;

	if (begin(st))
		return -EIO;
	madcap_addr_str(&l->client, a, sizeof(a));
	if (run(st, "INSERT INTO leases (id, scope, client, client_port,"
		" start_at, end_at, released_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
		"bttiiii", l->id, l->id_len, l->scope, a, (int64_t)l->port,
		l->start, l->end, l->released) != 1)
		goto err;
	for (i = 0; i < l->n_ranges; i++) {
		madcap_addr_str(&l->ranges[i].first, a, sizeof(a));
		madcap_addr_str(&l->ranges[i].last, b, sizeof(b));
		if (run(st, "INSERT INTO lease_addrs (lease, first, last)"
			" VALUES (?, ?, ?)", "btt", l->id, l->id_len, a, b) != 1)
			goto err;
	}
	return commit(st);
err:
	rollback(st);
	return -EIO;
}

/**
 * store_lease_update() - commit a lease's new end or its release
 * @st: the store
 * @id: the lease identifier
 * @id_len: its length
 * @end: new end, Unix time
 * @released: Unix time of the release, 0 if none
 *
 * Return: 0, -ENOENT if no such lease is stored, or -EIO.
 */
int store_lease_update(struct store *st, const uint8_t *id,
		       unsigned int id_len, int64_t end, int64_t released)
{
	int n = run(st, "UPDATE leases SET end_at = ?, released_at = ?"
		    " WHERE id = ?", "iib", end, released, id, id_len);

	return n < 0 ? n : n ? 0 : -ENOENT;
}

/**
 * store_lease_del() - delete a lease with its addresses
 * @st: the store
 * @id: the lease identifier
 * @id_len: its length
 *
 * Return: 0 (also when it was not stored), or -EIO.
 */
int store_lease_del(struct store *st, const uint8_t *id, unsigned int id_len)
{
	return run(st, "DELETE FROM leases WHERE id = ?", "b", id, id_len) < 0 ?
	       -EIO : 0;
}

/**
 * store_exec() - run SQL statements (for tests, e.g. "PRAGMA query_only=1"
 *	to make every later change fail)
 * @st: the store
 * @sql: the statements
 *
 * Return: 0, or -EIO.
 */
int store_exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(st, sql);
	return 0;
}
