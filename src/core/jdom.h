/* jdom.h — a fast JSON parser into a tree kept in arenas, for the loaders.
 *
 * Why not cJSON here: parsing and freeing the 5,000-scene benchmark file
 * with cJSON alone takes 140–330 ms on this machine (one malloc per node,
 * strtod per number), against a 50 ms budget for loading and validating.
 * This parser allocates nodes in a bump arena, reads numbers without
 * strtod (no locale dependency), stores each member name once (checking
 * first the name that followed the previous one last time), and keeps no
 * positions: a diagnostic finds its value's line and column again from
 * its JSON path (json_text_locate).
 * Strict RFC 8259: no comments, no trailing commas, no control characters
 * in strings, no lone surrogates, no \u0000. Internal to the core. */
#ifndef ENJEUX_JDOM_H
#define ENJEUX_JDOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

typedef enum JNodeType {
    JN_NULL = 1, JN_FALSE, JN_TRUE, JN_NUMBER, JN_STRING, JN_ARRAY, JN_OBJECT
} JNodeType;

typedef struct JNode JNode;
struct JNode {
    JNode *next;             /* next element or member of the parent */
    JNode *child;            /* first element or member */
    const char *string;      /* member name (decoded), NULL for array elements */
    union {
        const char *valuestring; /* decoded string value (JN_STRING) */
        double valuedouble;      /* JN_NUMBER */
    };
    union {
        uint32_t len;        /* JN_STRING: length in bytes */
        uint32_t count;      /* JN_ARRAY, JN_OBJECT: number of children */
    };
    uint8_t type;            /* JNodeType */
    bool dup_keys;           /* an object with two members of the same name */
};

/* JP_MISSING_COMMA: after a member or element, the start of another one
 * instead of ',' or the closing bracket (err_off: that start).
 * JP_MISSING_COLON: a member name not followed by ':'. Any other mistake of
 * syntax is JP_SYNTAX. */
typedef enum JParseStatus {
    JP_OK, JP_SYNTAX, JP_TOO_DEEP, JP_CONTROL_CHAR, JP_LINE_BREAK, JP_BAD_UTF8, JP_OOM,
    JP_MISSING_COMMA, JP_MISSING_COLON
} JParseStatus;

/* Parses the `len` bytes of `s` (no NUL needed), checking its UTF-8.
 * Nodes and member names go to `nodes`, string values to `strings` (they
 * may be the same arena). Objects and arrays deeper than `max_depth` fail
 * with JP_TOO_DEEP. Returns the root, or NULL with *status and *err_off (the
 * byte offset of the problem; `len` for an unexpected end). *dup_keys is set
 * when some object has a repeated member name (flagged in its node). */
JNode *jdom_parse(Arena *nodes, Arena *strings, const char *s, size_t len, int max_depth,
                  JParseStatus *status, size_t *err_off, bool *dup_keys);

/* The first member of object `obj` named `key`; NULL when absent or when
 * `obj` is NULL or not an object. */
const JNode *jdom_get(const JNode *obj, const char *key);

/* String equality, inlined: member names are short. */
static inline bool jdom_streq(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static inline bool jdom_is_string(const JNode *n) { return n && n->type == JN_STRING; }
static inline bool jdom_is_number(const JNode *n) { return n && n->type == JN_NUMBER; }
static inline bool jdom_is_bool(const JNode *n) { return n && (n->type == JN_TRUE || n->type == JN_FALSE); }
static inline bool jdom_is_true(const JNode *n) { return n && n->type == JN_TRUE; }
static inline bool jdom_is_null(const JNode *n) { return n && n->type == JN_NULL; }
static inline bool jdom_is_object(const JNode *n) { return n && n->type == JN_OBJECT; }
static inline bool jdom_is_array(const JNode *n) { return n && n->type == JN_ARRAY; }
static inline uint32_t jdom_count(const JNode *n) {
    return n && (n->type == JN_ARRAY || n->type == JN_OBJECT) ? n->count : 0;
}

#endif
