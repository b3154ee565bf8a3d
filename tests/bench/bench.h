/* bench.h — what the benchmarks (tests/bench/bench_*.c, one program each)
 * share: a growing text to generate a scenario in, and the median of the
 * figures of several timed runs. */
#ifndef ENJEUX_BENCH_H
#define ENJEUX_BENCH_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/diag.h"
#include "core/scenario.h"

typedef struct BenchText {
    char *s;
    size_t len, cap;
} BenchText;

/* An empty text with 1 MiB of room; bench_put grows it. */
static inline BenchText bench_text(void) {
    BenchText t = {malloc(1 << 20), 0, 1 << 20};
    return t;
}

#if defined(__GNUC__)
#define BENCH_PRINTF_LIKE __attribute__((format(printf, 2, 3)))
#else
#define BENCH_PRINTF_LIKE
#endif

/* Appends printf-style text to `t`; out of memory ends the program
 * (exit 1, with a message). */
static inline void bench_put(BenchText *t, const char *fmt, ...) BENCH_PRINTF_LIKE;

static inline void bench_put(BenchText *t, const char *fmt, ...) {
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap * 2 + (size_t)(n > 0 ? n : 0) + 1024;
        char *p = realloc(t->s, cap);
        if (!p) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
        t->s = p;
        t->cap = cap;
    }
}

/* Loads the scenario a benchmark generated (`json`, `len` bytes, which it
 * frees) without a framework. NULL when the loader refuses it, after
 * printing the diagnostics. The caller frees the scenario. */
static inline Scenario *bench_load_generated(char *json, size_t len) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Scenario *sc = scenario_load_buffer("bench/scenario.json", json, len, NULL, &dl);
    if (!sc) {
        char *d = diag_list_format_text(&dl);
        fprintf(stderr, "generated scenario rejected:\n%s", d ? d : "");
        free(d);
    }
    diag_list_free(&dl);
    free(json);
    return sc;
}

/* qsort comparison of doubles, in increasing order. */
static inline int bench_cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of the `n` figures of `v` (n >= 1), which it sorts in place:
 * v[0] is then the least, v[n - 1] the greatest. */
static inline double bench_median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
    return v[n / 2];
}

#endif
