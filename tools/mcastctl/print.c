// SPDX-License-Identifier: GPL-2.0
/*
 * mcastctl: text and JSON output through one code path.
 *
 * The JSON writer is deliberately tiny: a stack of open containers, each
 * remembering whether it is an array and how many members it has, which
 * is all that is needed to place commas, keys and (with -p) indentation.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "print.h"
#include "utils.h"

#define JSON_MAX_DEPTH 16

struct json_level {
	bool array;
	unsigned int count;
};

static struct {
	FILE *fp;
	bool json;
	bool pretty;
	/* JSON state */
	int depth;
	struct json_level stack[JSON_MAX_DEPTH];
	bool top_written;
	/* text state: separator owed before the next field, if any */
	const char *pending;
} pr = { .fp = NULL };

/**
 * print_init() - select the output stream and format
 * @fp: where everything is written (stdout, or a memory stream in tests)
 * @json: JSON instead of text
 * @pretty: indent JSON output
 */
void print_init(FILE *fp, bool json, bool pretty)
{
	memset(&pr, 0, sizeof(pr));
	pr.fp = fp;
	pr.json = json;
	pr.pretty = pretty;
}

/**
 * is_json_context() - whether output is JSON
 *
 * Return: true in JSON mode.
 */
bool is_json_context(void)
{
	return pr.json;
}

/**
 * print_end() - finish one top-level document or text line and flush
 *
 * In JSON mode writes the newline after a complete top-level value; in
 * text mode ends a line that is still open. Always flushes, so a reader on
 * the other end of a pipe sees each event as soon as it is printed.
 *
 * Return: 0, or -1 if the stream reported a write error.
 */
int print_end(void)
{
	if (pr.json) {
		if (pr.top_written && !pr.depth)
			fputc('\n', pr.fp);
		pr.top_written = false;
	} else {
		print_text_end();
	}
	if (fflush(pr.fp) || ferror(pr.fp))
		return -1;
	return 0;
}

/**
 * json_escape() - write a string as a JSON string literal, quotes included
 * @fp: the stream
 * @s: the string (bytes >= 0x80 are passed through as UTF-8)
 */
void json_escape(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\b':
			fputs("\\b", fp);
			break;
		case '\f':
			fputs("\\f", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				fprintf(fp, "\\u%04x", c);
			else
				fputc(c, fp);
		}
	}
	fputc('"', fp);
}

static void json_indent(int depth)
{
	fputc('\n', pr.fp);
	for (int i = 0; i < depth; i++)
		fputs("    ", pr.fp);
}

/* Write what precedes a value: comma, indentation, key. */
static void json_member(const char *key)
{
	struct json_level *lvl;

	if (!pr.depth) {
		pr.top_written = true;
		return;
	}
	lvl = &pr.stack[pr.depth - 1];
	if (lvl->count++)
		fputc(',', pr.fp);
	if (pr.pretty)
		json_indent(pr.depth);
	if (!lvl->array) {
		json_escape(pr.fp, key ? key : "");
		fputs(pr.pretty ? ": " : ":", pr.fp);
	}
}

static void json_open(const char *key, bool array)
{
	json_member(key);
	fputc(array ? '[' : '{', pr.fp);
	if (pr.depth < JSON_MAX_DEPTH) {
		pr.stack[pr.depth].array = array;
		pr.stack[pr.depth].count = 0;
	}
	pr.depth++;
}

static void json_close(bool array)
{
	if (!pr.depth)
		return;
	if (pr.depth <= JSON_MAX_DEPTH && pr.pretty &&
	    pr.stack[pr.depth - 1].count)
		json_indent(pr.depth - 1);
	pr.depth--;
	fputc(array ? ']' : '}', pr.fp);
}

/**
 * open_json_object() - open a JSON object (no-op in text mode)
 * @key: its key inside an object, NULL inside an array or at top level
 */
void open_json_object(const char *key)
{
	if (pr.json)
		json_open(key, false);
}

/**
 * close_json_object() - close the innermost JSON object (no-op in text)
 */
void close_json_object(void)
{
	if (pr.json)
		json_close(false);
}

/**
 * open_json_array() - open a JSON array (no-op in text mode)
 * @key: its key inside an object, NULL inside an array or at top level
 */
void open_json_array(const char *key)
{
	if (pr.json)
		json_open(key, true);
}

/**
 * close_json_array() - close the innermost JSON array (no-op in text)
 */
void close_json_array(void)
{
	if (pr.json)
		json_close(true);
}

/* Text mode: emit the separator owed before a field. */
static void text_field(void)
{
	if (pr.pending)
		fputs(pr.pending, pr.fp);
	pr.pending = " ";
}

/**
 * print_text_break() - separator before the next text field
 * @sep: e.g. "\n    " to continue on an indented line
 *
 * Ignored in JSON mode and when nothing was printed on the line yet; if no
 * field follows before print_text_end(), it is dropped.
 */
void print_text_break(const char *sep)
{
	if (!pr.json && pr.pending)
		pr.pending = sep;
}

/**
 * print_text_end() - end the current text line, if one is open
 */
void print_text_end(void)
{
	if (!pr.json && pr.pending) {
		fputc('\n', pr.fp);
		pr.pending = NULL;
	}
}

/**
 * print_string() - print a string field
 * @t: PRINT_FP, PRINT_JSON or PRINT_ANY
 * @key: JSON key (NULL for an array element)
 * @fmt: text format with one %s (NULL when @t excludes text)
 * @value: the string
 */
void print_string(enum output_type t, const char *key, const char *fmt,
		  const char *value)
{
	if (pr.json) {
		if (!(t & PRINT_JSON))
			return;
		json_member(key);
		json_escape(pr.fp, value);
	} else if ((t & PRINT_FP) && fmt) {
		text_field();
		fprintf(pr.fp, fmt, value);
	}
}

/**
 * print_uint() - print an unsigned integer field
 * @t: PRINT_FP, PRINT_JSON or PRINT_ANY
 * @key: JSON key (NULL for an array element)
 * @fmt: text format with one %u (NULL when @t excludes text)
 * @value: the number
 */
void print_uint(enum output_type t, const char *key, const char *fmt,
		unsigned int value)
{
	if (pr.json) {
		if (!(t & PRINT_JSON))
			return;
		json_member(key);
		fprintf(pr.fp, "%u", value);
	} else if ((t & PRINT_FP) && fmt) {
		text_field();
		fprintf(pr.fp, fmt, value);
	}
}

/**
 * print_u64() - print a 64-bit counter
 * @t: PRINT_FP, PRINT_JSON or PRINT_ANY
 * @key: JSON key (NULL for an array element)
 * @fmt: text format with one conversion for a uint64_t (PRIu64, with any
 *	width), NULL when @t excludes text
 * @value: the number
 */
void print_u64(enum output_type t, const char *key, const char *fmt,
	       uint64_t value)
{
	if (pr.json) {
		if (!(t & PRINT_JSON))
			return;
		json_member(key);
		fprintf(pr.fp, "%" PRIu64, value);
	} else if ((t & PRINT_FP) && fmt) {
		text_field();
		fprintf(pr.fp, fmt, value);
	}
}

/**
 * print_duration() - print a duration field
 * @t: PRINT_FP, PRINT_JSON or PRINT_ANY
 * @key: JSON key; JSON gets the integer number of milliseconds
 * @fmt: text format with one %s that receives e.g. "31.25s"
 * @ms: the duration in milliseconds
 */
void print_duration(enum output_type t, const char *key, const char *fmt,
		    uint32_t ms)
{
	char buf[DURATION_STRLEN];

	if (pr.json) {
		print_uint(t, key, NULL, ms);
		return;
	}
	format_duration(ms, buf, sizeof(buf));
	print_string(t, key, fmt, buf);
}

/**
 * print_timer() - print a running timer's remaining time
 * @t: PRINT_FP, PRINT_JSON or PRINT_ANY
 * @key: JSON key; JSON gets the integer number of milliseconds
 * @fmt: text format with one %s that receives e.g. "254.3s" (tenths)
 * @ms: the remaining time in milliseconds
 */
void print_timer(enum output_type t, const char *key, const char *fmt,
		 uint32_t ms)
{
	char buf[DURATION_STRLEN];

	if (pr.json) {
		print_uint(t, key, NULL, ms);
		return;
	}
	format_timer(ms, buf, sizeof(buf));
	print_string(t, key, fmt, buf);
}

/**
 * print_bool() - print a boolean field
 * @t: PRINT_FP, PRINT_JSON or PRINT_ANY
 * @key: JSON key (NULL for an array element); JSON gets true or false
 * @fmt: text format with one %s that receives "true" or "false"
 * @value: the value
 */
void print_bool(enum output_type t, const char *key, const char *fmt,
		bool value)
{
	if (pr.json) {
		if (!(t & PRINT_JSON))
			return;
		json_member(key);
		fputs(value ? "true" : "false", pr.fp);
	} else if ((t & PRINT_FP) && fmt) {
		text_field();
		fprintf(pr.fp, fmt, value ? "true" : "false");
	}
}

/**
 * print_null() - print a field without a value
 * @t: PRINT_FP, PRINT_JSON or PRINT_ANY
 * @key: JSON key (NULL for an array element); JSON gets null
 * @fmt: text format with one %s
 * @value: what text mode shows instead, e.g. "unknown"
 */
void print_null(enum output_type t, const char *key, const char *fmt,
		const char *value)
{
	if (pr.json) {
		if (!(t & PRINT_JSON))
			return;
		json_member(key);
		fputs("null", pr.fp);
	} else if ((t & PRINT_FP) && fmt) {
		text_field();
		fprintf(pr.fp, fmt, value);
	}
}
