/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: one printing path for text and JSON output (iproute2 style).
 *
 * Each print_*() call names both the JSON key and the text format; the
 * output type selects where it goes:
 *   PRINT_FP   text only, PRINT_JSON JSON only, PRINT_ANY both.
 * In text mode fields are separated by one space; print_text_break() asks
 * for a different separator (e.g. newline plus indentation) before the
 * next field, and is dropped if no field follows. print_text_end() ends
 * the line. In JSON mode a NULL key means "array element".
 */
#ifndef MCASTCTL_PRINT_H
#define MCASTCTL_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum output_type {
	PRINT_FP = 1,
	PRINT_JSON = 2,
	PRINT_ANY = PRINT_FP | PRINT_JSON,
};

void print_init(FILE *fp, bool json, bool pretty);
bool is_json_context(void);
int print_end(void);

void open_json_object(const char *key);
void close_json_object(void);
void open_json_array(const char *key);
void close_json_array(void);

void print_string(enum output_type t, const char *key, const char *fmt,
		  const char *value);
void print_uint(enum output_type t, const char *key, const char *fmt,
		unsigned int value);
void print_u64(enum output_type t, const char *key, const char *fmt,
	       uint64_t value);
void print_duration(enum output_type t, const char *key, const char *fmt,
		    uint32_t ms);
void print_timer(enum output_type t, const char *key, const char *fmt,
		 uint32_t ms);
void print_bool(enum output_type t, const char *key, const char *fmt,
		bool value);
void print_null(enum output_type t, const char *key, const char *fmt,
		const char *value);
void print_text_break(const char *sep);
void print_text_end(void);

void json_escape(FILE *fp, const char *s);

#endif /* MCASTCTL_PRINT_H */
