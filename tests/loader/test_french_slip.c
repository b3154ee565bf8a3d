/* test_french_slip.c — the French typography scan (jreader_french_slip,
 * sixteen bytes at a time) finds exactly what the byte-at-a-time version it
 * replaced found: same index, same character, on every string of every
 * JSON file under tests/fixtures, scenarios and tests/fuzz/regressions,
 * and on random strings made of the bytes the rules look at (spaces,
 * ; : ! ?, digits, « » and their UTF-8 bytes). Each random string ends
 * exactly at the end of its allocation, so that a sanitizer build catches
 * a read past its NUL.
 *
 *   test_french_slip [RANDOM_STRINGS (1000000)]
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/jdom.h"
#include "core/jreader.h"
#include "loader/json_tree.h"

/* The reference: the byte-at-a-time scan as it was in jreader.c (commit
 * 1be1317), unchanged. */
static long reference_slip(const char *s, const char **what) {
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2) {
            if ((unsigned char)s[i + 1] == 0xAB && s[i + 2] == ' ') {
                *what = "\xC2\xAB";
                return (long)i + 2;
            }
            continue;
        }
        if (c != ' ' || i == 0 || s[i - 1] == ' ') continue;
        switch (s[i + 1]) {
        case ';': *what = ";"; return (long)i;
        case ':': *what = ":"; return (long)i;
        case '!': *what = "!"; return (long)i;
        case '?': *what = "?"; return (long)i;
        default: break;
        }
        if ((unsigned char)s[i + 1] == 0xC2 && (unsigned char)s[i + 2] == 0xBB) {
            *what = "\xC2\xBB";
            return (long)i;
        }
        size_t run = 0;
        while (run < i && s[i - 1 - run] >= '0' && s[i - 1 - run] <= '9') run++;
        bool before = run >= 1 && run <= 3 && (run == i || !(s[i - 1 - run] >= '0' && s[i - 1 - run] <= '9'));
        bool after = true;
        for (size_t k = 1; k <= 3; k++) after = after && s[i + k] >= '0' && s[i + k] <= '9';
        if (before && after && !(s[i + 4] >= '0' && s[i + 4] <= '9')) {
            *what = "20 000";
            return (long)i;
        }
    }
    return -1;
}

static long failures, compared, found;

static void compare(const char *s, size_t len, const char *where) {
    const char *w_ref = NULL, *w_new = NULL;
    long a = reference_slip(s, &w_ref);
    long b = jreader_french_slip(s, len, &w_new);
    compared++;
    if (a >= 0) found++;
    if (a == b && (a < 0 || strcmp(w_ref, w_new) == 0)) return;
    if (++failures <= 10)
        fprintf(stderr, "FAIL %s: \"%s\" (%zu bytes): reference %ld '%s', new %ld '%s'\n", where, s, len, a,
                a >= 0 ? w_ref : "", b, b >= 0 && w_new ? w_new : "");
}

/* Every string value and member name of the tree. */
static void walk(const JNode *n, const char *file) {
    for (; n; n = n->next) {
        if (n->string) compare(n->string, strlen(n->string), file);
        if (n->type == JN_STRING) {
            if (strlen(n->valuestring) != n->len) {
                fprintf(stderr, "FAIL %s: a string's len is not its length\n", file);
                failures++;
            }
            compare(n->valuestring, n->len, file);
        }
        walk(n->child, file);
    }
}

static void check_file(const char *path, const char *data, size_t len, void *ctx) {
    (void)ctx;
    Arena a;
    arena_init(&a);
    JParseStatus st;
    size_t off;
    bool dups;
    JNode *root = jdom_parse(&a, &a, data, len, 200, &st, &off, &dups);
    if (root) walk(root, path); /* broken fixtures that do not parse have no strings to give */
    arena_release(&a);
}

static uint64_t next(uint64_t *x) {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

int main(int argc, char **argv) {
    long random_strings = argc > 1 ? atol(argv[1]) : 1000000;
    const char *trees[] = {"tests/fixtures", "scenarios", "tests/fuzz/regressions"};
    for (size_t t = 0; t < sizeof trees / sizeof trees[0]; t++)
        if (!json_tree_walk(trees[t], check_file, NULL)) failures++;
    long from_files = compared, found_files = found;
    if (from_files < 10000) {
        fprintf(stderr, "FAIL only %ld strings in the JSON files (run from the repository root)\n", from_files);
        failures++;
    }

    /* Pieces the rules look at, and ordinary letters in between. */
    static const char *const PIECES[] = {" ", " ", " ", " ", ";", ":", "!", "?", "0", "1", "5", "9", "a", "e",
                                         "\xC2\xAB", "\xC2\xBB", "\xC2\xA0", "\xE2\x80\xAF", "\xC2", "\xAB",
                                         "\xBB", "\xC3\xA9", "/", "\x3A", "\x40", ".", "-"};
    static const char *const NUMBERS[] = {"0", "3", "9", " "};
    const size_t n_pieces = sizeof PIECES / sizeof PIECES[0];
    enum { MAX = 80 };
    char *cell = malloc(MAX + 1);
    char tmp[MAX + 4];
    if (!cell) abort();
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (long k = 0; k < random_strings; k++) {
        size_t want = next(&x) % (MAX + 1), len = 0;
        bool digits = next(&x) % 4 == 0; /* mostly numbers and spaces: "20 000", "1 2345" */
        unsigned sparse = 1u << (next(&x) % 5); /* 1 piece in 1, 2, 4, 8 or 16; letters otherwise */
        while (len < want) {
            const char *p = next(&x) % sparse ? "t"
                            : digits          ? NUMBERS[next(&x) % 4]
                                              : PIECES[next(&x) % n_pieces];
            size_t pl = strlen(p);
            if (len + pl > want) break;
            memcpy(tmp + len, p, pl);
            len += pl;
        }
        /* The string ends at the end of the allocation. */
        char *s = cell + MAX - len;
        memcpy(s, tmp, len);
        s[len] = '\0';
        compare(s, len, "random");
    }
    free(cell);
    printf("%ld strings from the JSON files (%ld with a slip), %ld random (%ld with a slip): %ld differences\n",
           from_files, found_files, compared - from_files, found - found_files, failures);
    return failures ? 1 : 0;
}
