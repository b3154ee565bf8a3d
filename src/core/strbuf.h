/* strbuf.h — a growing string for the writers of generated files (the
 * class report's HTML, CSV and JSON). Internal to the core.
 *
 * Out of memory is sticky: once a growth fails, every later append is a
 * no-op and strbuf_take() returns NULL, so writers append freely and check
 * once at the end. */
#ifndef ENJEUX_STRBUF_H
#define ENJEUX_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct StrBuf {
    char *s;
    size_t len, cap;
    bool oom;
} StrBuf;

/* Appends `n` bytes of `s`. */
void strbuf_put(StrBuf *b, const char *s, size_t n);

/* Appends the NUL-terminated `s` (NULL appends nothing). */
void strbuf_puts(StrBuf *b, const char *s);

/* Appends `v` in decimal (without printf: the report writers call it for
 * every count). */
void strbuf_putu(StrBuf *b, uint64_t v);

/* Appends printf-style formatted text. */
void strbuf_printf(StrBuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends `s` escaped for HTML text and attribute values (& < > " '). */
void strbuf_html(StrBuf *b, const char *s);

/* Appends `s` as a JSON string literal, quotes included. */
void strbuf_json(StrBuf *b, const char *s);

/* Appends `s` as one CSV field (quoted when it holds , " CR or LF; a
 * leading = + - @ tab or CR is prefixed with ' so spreadsheets do not run
 * it as a formula). */
void strbuf_csv(StrBuf *b, const char *s);

/* The NUL-terminated text, malloc'd, now owned by the caller; the buffer is
 * emptied. NULL when memory ran out at any point (the buffer is freed). */
char *strbuf_take(StrBuf *b);

/* Frees the buffer. Accepts NULL. */
void strbuf_free(StrBuf *b);

#endif
