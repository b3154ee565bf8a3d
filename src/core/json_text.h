/* json_text.h — checks and lookups on the raw text of a JSON file, and the
 * text the core's writers give a JSON document.
 *
 * These helpers work on the source text itself: checks made before
 * parsing (NUL bytes, UTF-8), and the location (line, column) of a JSON
 * Pointer path, so that every
 * diagnostic, semantic ones included, names file:line:column. Internal to
 * the core's loaders and writers. */
#ifndef ENJEUX_JSON_TEXT_H
#define ENJEUX_JSON_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cJSON;

/* A source text and its index of line starts, built on first use. */
typedef struct JsonText {
    const char *s;
    size_t len;
    size_t *lines;  /* offsets of line starts; NULL until needed */
    size_t n_lines;
} JsonText;

/* Initialises over `s` (not copied; must outlive the JsonText). */
void json_text_init(JsonText *t, const char *s, size_t len);

/* Frees the line index. Accepts NULL. */
void json_text_free(JsonText *t);

/* Line (1-based) and column (1-based, in code points) of byte `off`. When
 * memory runs out, falls back to a linear count. */
void json_text_linecol(JsonText *t, size_t off, uint32_t *line, uint32_t *col);

/* The same as json_text_linecol, counted from the start of `s` without an
 * index: for a single lookup, such as where a parser stopped. */
void json_text_linecol_scan(const char *s, size_t len, size_t off, uint32_t *line, uint32_t *col);

/* Offset of the first NUL byte, or `len` when there is none. */
size_t json_text_find_nul(const char *s, size_t len);

/* Returns true when `s` is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF); otherwise false with *bad the offset of the first bad
 * byte. */
bool json_text_check_utf8(const char *s, size_t len, size_t *bad);

/* Returns true when arrays and objects never nest deeper than `limit`
 * (strings are skipped); otherwise false with *at the offset of the bracket
 * that goes one level too deep. Works on any text, valid JSON or not. */
bool json_text_check_depth(const char *s, size_t len, int limit, size_t *at);

/* Locates the value at the JSON Pointer `pointer` ("" is the root) in the
 * text, which must be valid JSON. When `key` is true and the last token
 * names an object member, gives the offset of the member's key instead of
 * its value. `occurrence` picks among duplicate keys for the last token
 * (0: the first). Returns false when the path is not found; *off is then the
 * deepest enclosing value that was found. */
bool json_text_locate(const char *s, size_t len, const char *pointer, bool key, int occurrence,
                      size_t *off);

/* `root` printed as JSON (indented when `pretty`, one line otherwise) with a
 * final '\n', newly malloc'd (the caller frees it with free()); `root` is
 * left as it is. NULL when `root` is NULL or memory runs out. The one
 * printer of the JSON files the core writes. */
char *json_text_print(const struct cJSON *root, bool pretty);

#endif
