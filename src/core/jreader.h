/* jreader.h — what the scenario and framework loaders share: reading a
 * file into a JSON tree (jdom.h) with the raw-text checks first, typed field
 * getters that report what is missing or wrong, the JSON Pointer of the
 * value being read, and reporting at that path's line and column.
 * Internal to the core. */
#ifndef ENJEUX_JREADER_H
#define ENJEUX_JREADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/jdom.h"

#include "core/arena.h"
#include "core/diag.h"
#include "core/json_text.h"
#include "core/lang.h"

typedef enum JType {
    JT_STRING, JT_INT, JT_NUMBER, JT_BOOL, JT_OBJECT, JT_ARRAY,
    JT_TEXT,      /* localised text: string or {"fr": …, "en": …} */
    JT_CONDITION, /* a condition object */
    JT_NEXT,      /* an id or a list of routes */
    JT_ID,        /* an id string */
    JT_ROOT,      /* the top-level object */
    JT_COUNT
} JType;

/* A remembered answer of jreader_members: where is member name `name` (its
 * address: the parser stores each name once) in the list `list`? Lists are
 * told apart by address too: each must live as long as the reader (a
 * static array, never one on the stack, whose address another list may
 * take later). */
typedef struct JKeyMemo {
    const char *name;
    const char *const *list;
    int index; /* in the list; -1 when not in it */
} JKeyMemo;

enum { JREADER_MEMO = 256 };


/* One step of the path being read: a member name (not copied: it must
 * outlive the step) or, when `key` is NULL, an array index. */
typedef struct JPathSeg {
    const char *key;
    size_t index;
} JPathSeg;

typedef struct JReader {
    DiagList *dl;
    const char *file;   /* as named in diagnostics */
    Arena *arena;       /* where strings read go */
    Arena dom;          /* the parsed tree's nodes and member names */
    JsonText text;      /* the source, BOM skipped */
    char *data;         /* the file's bytes (owned) when read from a path */
    size_t data_len;
    JPathSeg *segs;     /* the path of the value being read, step by step */
    size_t n_segs, cap_segs;
    char *path;         /* that path as a JSON Pointer, built on demand (jreader_path) */
    size_t plen, pcap;
    size_t errors;      /* errors this reader reported */
    bool want_en;       /* the document declares English: missing "en" warns */
    uint64_t hash;      /* hash_content() of the whole buffer, BOM included */
    JKeyMemo memo[JREADER_MEMO];
    const JNode *hint_obj;  /* the object of the last jreader_get, */
    const JNode *hint_next; /* and the member after the one found there */
    const char *raw;    /* the buffer as given (BOM included) */
} JReader;

/* Prepares a reader writing strings to `arena` and diagnostics to `dl`. */
void jreader_init(JReader *r, DiagList *dl, const char *file, Arena *arena);

/* Frees what the reader owns (not the arena). Accepts NULL. */
void jreader_free(JReader *r);

/* Reads the file at r->file with `limit` bytes at most; reports I/O and size
 * problems. Returns false when nothing can be parsed. */
bool jreader_read_file(JReader *r, size_t limit);

/* Uses `data` (not copied; must outlive the reader) as the source. */
void jreader_set_buffer(JReader *r, const char *data, size_t len);

/* Checks the source (size, NUL bytes, UTF-8, nesting) and parses it.
 * Sets r->hash. Returns the tree (owned by the reader; its string values live in the
 * reader's arena, so the model can keep them without a copy) or NULL after
 * reporting why. Duplicate keys anywhere in the tree are reported. */
JNode *jreader_parse(JReader *r, size_t limit);

/* Path stack: push a member name (kept by address until popped) or an
 * index (jreader_push_slow grows the stack; it is what the inline pushes
 * call when full); pop back to a mark. Pushing is cheap: the JSON Pointer text is
 * only built when a report or a caller needs it. */
size_t jreader_push_slow(JReader *r, const char *key, size_t index);
static inline size_t jreader_push(JReader *r, const char *key) {
    if (r->n_segs == r->cap_segs) return jreader_push_slow(r, key, 0);
    r->segs[r->n_segs] = (JPathSeg){key, 0};
    return r->n_segs++;
}
static inline size_t jreader_push_index(JReader *r, size_t i) {
    if (r->n_segs == r->cap_segs) return jreader_push_slow(r, NULL, i);
    r->segs[r->n_segs] = (JPathSeg){NULL, i};
    return r->n_segs++;
}
static inline void jreader_pop(JReader *r, size_t mark) {
    if (mark <= r->n_segs) r->n_segs = mark;
}

/* The JSON Pointer of the first `mark` steps of the path (a mark returned
 * by a push, or jreader_mark()); valid until the next call. r->plen is its
 * length. Never NULL (an empty string when out of memory). */
const char *jreader_path_to(JReader *r, size_t mark);
/* The JSON Pointer of the `n` steps `segs` (a copy of some earlier path);
 * valid until the next call, never NULL. */
const char *jreader_path_of(JReader *r, const JPathSeg *segs, size_t n);
static inline size_t jreader_mark(const JReader *r) { return r->n_segs; }
static inline const char *jreader_path(JReader *r) { return jreader_path_to(r, r->n_segs); }

/* Reports `code` at the current path (its value, or its key when `at_key`). */
void jreader_report(JReader *r, DiagCode code, bool at_key, const char *a0, const char *a1,
                    const char *a2, const char *a3);

/* Reports `code` at the current path plus member `k1` (and `k2` when not
 * NULL), without changing the current path. */
void jreader_report_in(JReader *r, const char *k1, const char *k2, DiagCode code, bool at_key, const char *a0,
                       const char *a1, const char *a2, const char *a3);

/* Reports a duplicate-id error for `id` at the current path (plus member
 * `key` when not NULL), naming the line of the first one, the value at JSON
 * Pointer `first`. */
void jreader_report_duplicate(JReader *r, const char *key, const char *first, const char *id);

/* Reports `code` at an explicit JSON Pointer. */
void jreader_report_at(JReader *r, DiagCode code, const char *path, bool at_key, int occurrence,
                       const char *const args[4]);

/* The localised name of a JSON type, for wrong-type messages. */
const char *jreader_type_name(const JReader *r, JType t);

/* Warns about members of `obj` not in the NULL-terminated `allowed` list
 * (a static array, see JKeyMemo), with a "did you mean" hint when a known
 * name is close. */
void jreader_check_keys(JReader *r, const JNode *obj, const char *const *allowed);

/* jreader_check_keys, also giving the allowed members: found[k] becomes
 * the first member of `obj` named allowed[k]; it stays NULL when there is
 * none. `found` has one entry per name of `allowed`, all NULL on entry
 * (the caller zeroes it). A loader then reads its members with the *_m
 * getters below without a walk along the object for each. */
void jreader_members(JReader *r, const JNode *obj, const char *const *allowed, const JNode **found);

/* The member `key` of `obj` when it has the JSON type `t`; NULL when absent
 * (reported when `required`) or of another type (reported). */
const JNode *jreader_get(JReader *r, const JNode *obj, const char *key, JType t, bool required);

/* The getters of this file on a member already found: `v` is the member
 * named `key` of the object being read, NULL when it has none. Same
 * results and reports as their counterparts by name. */
const JNode *jreader_get_m(JReader *r, const JNode *v, const char *key, JType t, bool required);
bool jreader_int_m(JReader *r, const JNode *v, const char *key, bool required, int32_t lo, int32_t hi,
                   int32_t *out);
const char *jreader_str_m(JReader *r, const JNode *v, const char *key, bool required, bool nonempty);
const char *jreader_id_m(JReader *r, const JNode *v, const char *key, bool required);
bool jreader_text_m(JReader *r, const JNode *v, const char *key, bool required, bool proper, LocStr *out);
int jreader_enum_m(JReader *r, const JNode *v, const char *key, bool required, const char *const *names,
                   int dflt);

/* Reports wrong-type at the current path when `v` is not of type `t`. */
bool jreader_expect(JReader *r, const JNode *v, JType t, const char *name);

/* True when the number is integral and fits an int32. */
bool jreader_int_value(const JNode *v, int32_t *out);

/* Integer member in [lo, hi]; false when absent or wrong (reported). */
bool jreader_int(JReader *r, const JNode *obj, const char *key, bool required, int32_t lo, int32_t hi,
                 int32_t *out);

/* String member, in the reader's arena (NULL when absent or wrong). Checks the
 * string length limit; an empty string is reported when `nonempty`. */
const char *jreader_str(JReader *r, const JNode *obj, const char *key, bool required, bool nonempty);

/* Checks an id string (syntax and length); reports bad-id at the current
 * path. */
bool jreader_check_id(JReader *r, const char *s);
bool jreader_is_id(const char *s);

/* Id member, checked; NULL when absent or wrong (reported). */
const char *jreader_id(JReader *r, const JNode *obj, const char *key, bool required);

/* Byte index in the `len` bytes of `s` (a decoded string, NUL at s[len])
 * of the first French typography slip, or -1: an ordinary space before
 * ; : ! ? » or after «, or between the groups of a number ("20 000").
 * *what is the character concerned (set only when found). */
long jreader_french_slip(const char *s, size_t len, const char **what);

/* Localised text member. `proper` marks a proper noun (a person's name) for
 * which one plain string is enough. Returns false when absent or wrong. */
bool jreader_text(JReader *r, const JNode *obj, const char *key, bool required, bool proper,
                  LocStr *out);

/* String member among `names` (NULL-terminated): its index, `dflt` when
 * absent, -1 when wrong (reported). */
int jreader_enum(JReader *r, const JNode *obj, const char *key, bool required,
                 const char *const *names, int dflt);

/* The closest of `n` candidates to `word` (edit distance ≤ 2, or ≤ 1 for
 * short words); failing that, the one candidate sharing the most words of
 * four letters or more with it (words split at - and _: "protection-des-
 * donnees" → "protection-donnees"), when no other shares as many; or NULL. Candidate i is at *(const char **)((char *)first +
 * i * stride). */
const char *jreader_suggest(const char *word, const void *first, size_t n, size_t stride);

#endif
