/* check.h — the few assertion macros of the C tests: each failed check
 * prints file:line and the expression (or the message given), and the test
 * exits 1 at the end when any failed. */
#ifndef ENJEUX_TESTS_CHECK_H
#define ENJEUX_TESTS_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(expr)                                                                   \
    do {                                                                              \
        if (!(expr)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
            check_failures++;                                                         \
        }                                                                             \
    } while (0)

/* CHECK with its own message: when `cond` is false, "FAIL file:line: " and
 * the printf-style message after it. */
#define CHECK_MSG(cond, ...)                                     \
    do {                                                         \
        if (!(cond)) {                                           \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                        \
            fputc('\n', stderr);                                 \
            check_failures++;                                    \
        }                                                        \
    } while (0)

#define CHECK_INT(a, b)                                                                            \
    do {                                                                                           \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                            \
        if (check_a_ != check_b_) {                                                                \
            fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, #a,     \
                    check_a_, #b, check_b_);                                                       \
            check_failures++;                                                                      \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                             \
    do {                                                                                            \
        const char *check_a_ = (a), *check_b_ = (b);                                                \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {                            \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a,        \
                    check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)");                \
            check_failures++;                                                                       \
        }                                                                                           \
    } while (0)

#define CHECK_DONE()                                                             \
    do {                                                                         \
        if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures); \
        return check_failures ? 1 : 0;                                           \
    } while (0)

#endif
