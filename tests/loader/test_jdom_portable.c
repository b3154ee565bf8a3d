/* test_jdom_portable.c — the JSON parser's SSE2 paths (string bytes and
 * blanks sixteen at a time) and its portable word-at-a-time paths, which
 * other machines take, give the same result: the same tree (types, member
 * names, values, counts, repeated-name flags) or the same error at the same
 * byte, on every JSON file under tests/fixtures, scenarios and
 * tests/fuzz/regressions, on their prefixes and random mutations, and on
 * random documents made of JSON pieces. On a machine without SSE2 both
 * builds take the portable paths and agree trivially.
 *
 *   test_jdom_portable [MUTATIONS_PER_FILE (200)]
 */
#define JDOM_PORTABLE
#define jdom_parse jdom_parse_portable
#define jdom_get jdom_get_portable
#include "core/jdom.c"
#undef jdom_parse
#undef jdom_get

#include <stdio.h>

#include "loader/json_tree.h"

/* The core library's parser (SSE2 paths on x86). */
JNode *jdom_parse(Arena *nodes, Arena *strings, const char *s, size_t len, int max_depth, JParseStatus *status,
                  size_t *err_off, bool *dup_keys);

static long failures, compared;

static bool same_tree(const JNode *a, const JNode *b) {
    if (!a || !b) return a == b;
    if (a->type != b->type || a->dup_keys != b->dup_keys || !a->string != !b->string) return false;
    if (a->string && strcmp(a->string, b->string) != 0) return false;
    switch (a->type) {
    case JN_STRING: return a->len == b->len && memcmp(a->valuestring, b->valuestring, a->len + 1) == 0;
    case JN_NUMBER: return memcmp(&a->valuedouble, &b->valuedouble, sizeof a->valuedouble) == 0;
    case JN_ARRAY:
    case JN_OBJECT:
        if (a->count != b->count) return false;
        for (a = a->child, b = b->child; a && b; a = a->next, b = b->next)
            if (!same_tree(a, b)) return false;
        return a == b;
    default: return true;
    }
}

/* Parses the `len` bytes of `s` (copied to an allocation of exactly that
 * size, so that a sanitizer build catches a read past the end) both ways. */
static void compare(const char *s, size_t len, const char *where) {
    char *copy = malloc(len ? len : 1);
    if (!copy) abort();
    memcpy(copy, s, len);
    Arena a1, a2;
    arena_init(&a1);
    arena_init(&a2);
    JParseStatus st1, st2;
    size_t off1 = 0, off2 = 0;
    bool dup1, dup2;
    JNode *r1 = jdom_parse(&a1, &a1, copy, len, 64, &st1, &off1, &dup1);
    JNode *r2 = jdom_parse_portable(&a2, &a2, copy, len, 64, &st2, &off2, &dup2);
    compared++;
    bool same = !r1 == !r2 && st1 == st2 && dup1 == dup2 && (r1 ? same_tree(r1, r2) : off1 == off2);
    if (!same && ++failures <= 10)
        fprintf(stderr, "FAIL %s (%zu bytes): SSE2 status %d at %zu, portable status %d at %zu%s\n", where, len,
                (int)st1, off1, (int)st2, off2, r1 && r2 ? ", different trees" : "");
    arena_release(&a1);
    arena_release(&a2);
    free(copy);
}

static uint64_t next(uint64_t *x) {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Pieces of JSON, right and wrong, for mutations and random documents. */
static const char *const PIECES[] = {
    "\"", "\\", "\\u00e9", "\\ud83d\\ude00", "\\ud83d", "\\u0000", "é", "\xE2\x80\xAF", "\xFF", "\xC3", "\xE0\x80",
    "\xF0\x9F\x98", "{", "}", "[", "]", ":", ",", ": ", ", ", " ", "\n", "\t", "\r", "1", "-0.5e3", "1e400", "true",
    "fals", "null", "\"a\"", "\"id\"", "\"id\": 1", "\"fr\": \"é\"", "\"frx\":", "\"f\\u0072\":", "\x01", "0", "01",
    "1.", "\"k\": \"v\", ", "12345678901234567890", "\"a-long-member-name-of-thirty\": ", "\"sixteen-bytes-xy\":"};
enum { N_PIECES = sizeof PIECES / sizeof PIECES[0] };

static void mutate_and_compare(const char *data, size_t len, long mutations, uint64_t *x, const char *path) {
    for (size_t cut = 0; cut < len && cut < 400; cut += 13) compare(data, cut, path); /* prefixes */
    size_t cap = len + 256;
    char *m = malloc(cap);
    if (!m) abort();
    for (long k = 0; k < mutations; k++) {
        memcpy(m, data, len);
        size_t n = len;
        for (int e = 1 + (int)(next(x) % 4); e > 0; e--) {
            size_t at = n ? next(x) % n : 0;
            switch (next(x) % 3) {
            case 0: /* a byte replaced */
                if (n) m[at] = (char)next(x);
                break;
            case 1: { /* a piece inserted */
                const char *p = PIECES[next(x) % N_PIECES];
                size_t pl = strlen(p);
                if (n + pl > cap) break;
                memmove(m + at + pl, m + at, n - at);
                memcpy(m + at, p, pl);
                n += pl;
                break;
            }
            default: { /* up to 8 bytes removed */
                size_t dl = 1 + next(x) % 8;
                if (dl > n - at) dl = n - at;
                memmove(m + at, m + at + dl, n - at - dl);
                n -= dl;
                break;
            }
            }
        }
        compare(m, n, path);
    }
    free(m);
}

typedef struct Walk {
    long mutations;
    uint64_t *x;
} Walk;

static void check_file(const char *path, const char *data, size_t len, void *ctx) {
    const Walk *w = ctx;
    compare(data, len, path);
    if (len < 100000) mutate_and_compare(data, len, w->mutations, w->x, path);
}

int main(int argc, char **argv) {
    long mutations = argc > 1 ? atol(argv[1]) : 200;
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    const char *trees[] = {"tests/fixtures", "scenarios", "tests/fuzz/regressions"};
    Walk w = {mutations, &x};
    for (size_t t = 0; t < sizeof trees / sizeof trees[0]; t++)
        if (!json_tree_walk(trees[t], check_file, &w)) failures++;
    long from_files = compared;
    if (from_files < 1000) {
        fprintf(stderr, "FAIL only %ld documents from the JSON files (run from the repository root)\n", from_files);
        failures++;
    }
    char doc[512];
    for (long k = 0; k < 50 * mutations; k++) { /* random documents of pieces */
        size_t len = 0;
        for (int p = (int)(next(&x) % 24); p > 0; p--) {
            const char *piece = PIECES[next(&x) % N_PIECES];
            size_t pl = strlen(piece);
            if (len + pl > sizeof doc) break;
            memcpy(doc + len, piece, pl);
            len += pl;
        }
        compare(doc, len, "random");
    }
    printf("%ld documents from the JSON files and their mutations, %ld random: %ld differences\n", from_files,
           compared - from_files, failures);
    return failures ? 1 : 0;
}
