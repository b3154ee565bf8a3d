/* fmt.h — numbers, percentages and dates written after the language.
 *
 * French: « 12 345,5 », « 75 % », « 1er décembre 2026 à 14 h 05 » (narrow
 * no-break space U+202F to group digits and before %, no-break spaces around
 * « h »); English: "12,345.5", "75%", "1 December 2026, 14:05". Negative
 * numbers take the minus sign U+2212. Integer arithmetic only.
 *
 * Every function writes a NUL-terminated string into `out` (`n` bytes, n > 0)
 * and returns `out`; a result too long for `out` is replaced by "…" (never
 * cut into a different number). Use these rather than printf("%d") for
 * anything a player or trainer reads (docs/translating.md). */
#ifndef ENJEUX_FMT_H
#define ENJEUX_FMT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lang.h"

enum { FMT_NUMBER_MAX = 40 }; /* enough for any long long with separators */

/* An integer with digit grouping: 1234567 → « 1 234 567 » / "1,234,567". */
char *fmt_int(char *out, size_t n, long long v, Lang lang);

/* A fixed-point number: `units` / 10^`decimals` (decimals 0…9), all decimals
 * written: (1235, 2) → « 12,35 » / "12.35". */
char *fmt_fixed(char *out, size_t n, long long units, unsigned decimals, Lang lang);

/* A percentage: 75 → « 75 % » / "75%". */
char *fmt_percent(char *out, size_t n, long long pct, Lang lang);

/* A fixed-point percentage: (755, 1) → « 75,5 % » / "75.5%". */
char *fmt_percent_fixed(char *out, size_t n, long long units, unsigned decimals, Lang lang);

/* `part` out of `whole` as a whole percentage, rounded half up (2 of 3 →
 * « 67 % »); "—" when `whole` is not positive. */
char *fmt_percent_of(char *out, size_t n, long long part, long long whole, Lang lang);

/* A calendar date: (2026, 12, 1) → « 1er décembre 2026 » / "1 December
 * 2026"; a date out of range is written as ISO 8601 digits. */
char *fmt_date(char *out, size_t n, int year, int month, int day, Lang lang);

/* A date and a time of day: « 22 novembre 2026 à 14 h 05 » /
 * "22 November 2026, 14:05". */
char *fmt_date_time(char *out, size_t n, int year, int month, int day, int hour, int minute, Lang lang);

/* Parses an ISO 8601 date "YYYY-MM-DD", optionally followed by "THH:MM"
 * (seconds and zone are read past). Returns false when `iso` does not start
 * with a valid date; *hour and *minute are -1 when there is no time. */
bool fmt_parse_iso(const char *iso, int *year, int *month, int *day, int *hour, int *minute);

/* An ISO 8601 date (as in results files) written after the language, with
 * its time when it has one and `with_time` is true (followed by " UTC" when
 * the text ends in "Z"); the text itself when it cannot be read. */
char *fmt_iso(char *out, size_t n, const char *iso, bool with_time, Lang lang);

#endif
