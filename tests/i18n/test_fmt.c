/* test_fmt.c — numbers, percentages and dates after the language
 * (src/core/fmt.c). */
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"

static int failures;

#define EXPECT(got, want)                                                                     \
    do {                                                                                      \
        const char *g_ = (got), *w_ = (want);                                                 \
        if (strcmp(g_, w_) != 0) {                                                            \
            fprintf(stderr, "FAIL %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_, w_); \
            failures++;                                                                       \
        }                                                                                     \
    } while (0)

#define NN "\u202F"
#define NB "\u00A0"

int main(void) {
    char b[96];
    EXPECT(fmt_int(b, sizeof b, 0, LANG_FR), "0");
    EXPECT(fmt_int(b, sizeof b, 999, LANG_FR), "999");
    EXPECT(fmt_int(b, sizeof b, 1234567, LANG_FR), "1" NN "234" NN "567");
    EXPECT(fmt_int(b, sizeof b, 1234567, LANG_EN), "1,234,567");
    EXPECT(fmt_int(b, sizeof b, -5, LANG_EN), "\u22125");
    EXPECT(fmt_int(b, sizeof b, -9223372036854775807LL - 1, LANG_EN), "\u22129,223,372,036,854,775,808");

    EXPECT(fmt_fixed(b, sizeof b, 35, 1, LANG_FR), "3,5");
    EXPECT(fmt_fixed(b, sizeof b, 35, 1, LANG_EN), "3.5");
    EXPECT(fmt_fixed(b, sizeof b, 1234505, 2, LANG_FR), "12" NN "345,05");
    EXPECT(fmt_fixed(b, sizeof b, -7, 2, LANG_EN), "\u22120.07");

    EXPECT(fmt_percent(b, sizeof b, 75, LANG_FR), "75" NN "%");
    EXPECT(fmt_percent(b, sizeof b, 75, LANG_EN), "75%");
    EXPECT(fmt_percent_fixed(b, sizeof b, 755, 1, LANG_FR), "75,5" NN "%");
    EXPECT(fmt_percent_fixed(b, sizeof b, 755, 1, LANG_EN), "75.5%");
    EXPECT(fmt_percent_of(b, sizeof b, 2, 3, LANG_FR), "67" NN "%");
    EXPECT(fmt_percent_of(b, sizeof b, 1, 8, LANG_EN), "13%"); /* 12.5 rounds half up */
    EXPECT(fmt_percent_of(b, sizeof b, 0, 5, LANG_EN), "0%");
    EXPECT(fmt_percent_of(b, sizeof b, 3, 0, LANG_EN), "\u2014");

    EXPECT(fmt_date(b, sizeof b, 2026, 11, 22, LANG_FR), "22" NB "novembre 2026");
    EXPECT(fmt_date(b, sizeof b, 2026, 12, 1, LANG_FR), "1er" NB "décembre 2026");
    EXPECT(fmt_date(b, sizeof b, 2026, 12, 1, LANG_EN), "1" NB "December 2026");
    EXPECT(fmt_date(b, sizeof b, 2026, 2, 29, LANG_EN), "2026-02-29"); /* not a leap year */
    EXPECT(fmt_date(b, sizeof b, 2024, 2, 29, LANG_EN), "29" NB "February 2024");
    EXPECT(fmt_date_time(b, sizeof b, 2026, 11, 22, 14, 5, LANG_FR), "22" NB "novembre 2026 à 14" NB "h" NB "05");
    EXPECT(fmt_date_time(b, sizeof b, 2026, 11, 22, 9, 5, LANG_EN), "22" NB "November 2026, 09:05");

    EXPECT(fmt_iso(b, sizeof b, "2026-11-22T02:30:00Z", true, LANG_EN), "22" NB "November 2026, 02:30 UTC");
    EXPECT(fmt_iso(b, sizeof b, "2026-11-22T02:30:00Z", false, LANG_FR), "22" NB "novembre 2026");
    EXPECT(fmt_iso(b, sizeof b, "2026-11-22", true, LANG_FR), "22" NB "novembre 2026");
    EXPECT(fmt_iso(b, sizeof b, "hier", true, LANG_FR), "hier");
    EXPECT(fmt_iso(b, sizeof b, "2026-13-01", true, LANG_FR), "2026-13-01");
    int y, m, d, h, mi;
    if (fmt_parse_iso("2026-1", &y, &m, &d, &h, &mi)) {
        fprintf(stderr, "FAIL: a cut date must not parse\n");
        failures++;
    }

    /* Too small a buffer: "…", never a shorter, wrong number. */
    char small[6];
    EXPECT(fmt_int(small, sizeof small, 1234567, LANG_FR), "\u2026");
    EXPECT(fmt_percent(small, sizeof small, 100, LANG_EN), "100%");
    char tiny[3];
    EXPECT(fmt_int(tiny, sizeof tiny, 1234, LANG_EN), "");
    char one[1];
    EXPECT(fmt_int(one, sizeof one, 42, LANG_EN), "");

    if (failures) fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
