/* fmt.c — numbers, percentages and dates after the language; see fmt.h. */
#include "core/fmt.h"

#include <string.h>

#define NNBSP "\u202F" /* narrow no-break space */
#define NBSP "\u00A0"
#define MINUS "\u2212"

static const char *const MONTHS[LANG_COUNT][12] = {
    [LANG_FR] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"},
    [LANG_EN] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"},
};

enum { SCRATCH = 256 };

typedef struct Out {
    char s[SCRATCH];
    size_t len;
    bool full;
} Out;

static void put(Out *o, const char *t) {
    size_t tl = strlen(t);
    if (o->full || o->len + tl >= SCRATCH) {
        o->full = true;
        return;
    }
    memcpy(o->s + o->len, t, tl);
    o->len += tl;
    o->s[o->len] = '\0';
}

/* Copies the result into `out`; a result that does not fit is replaced by
 * "…" (or "" in a buffer too small for it), never cut into a wrong value. */
static char *deliver(char *out, size_t n, const Out *o) {
    if (n == 0) return out;
    const char *r = o->full ? "\u2026" : o->s;
    size_t l = strlen(r);
    if (l >= n) {
        r = "\u2026";
        l = strlen(r);
        if (l >= n) l = 0;
    }
    memcpy(out, r, l);
    out[l] = '\0';
    return out;
}

static Lang lang_ok(Lang lang) {
    return (unsigned)lang < LANG_COUNT ? lang : LANG_FR;
}

/* The digits of `v` (>= 0) grouped by three. */
static void put_grouped(Out *o, unsigned long long v, Lang lang) {
    char digits[24];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    const char *sep = lang == LANG_EN ? "," : NNBSP;
    for (int i = nd - 1; i >= 0; i--) {
        char d[2] = {digits[i], '\0'};
        put(o, d);
        if (i > 0 && i % 3 == 0) put(o, sep);
    }
}

static unsigned long long magnitude(long long v) {
    return v < 0 ? (unsigned long long)(-(v + 1)) + 1 : (unsigned long long)v;
}

static void put_fixed(Out *o, long long units, unsigned decimals, Lang lang) {
    if (decimals > 9) decimals = 9;
    unsigned long long m = magnitude(units), scale = 1;
    for (unsigned i = 0; i < decimals; i++) scale *= 10;
    if (units < 0) put(o, MINUS);
    put_grouped(o, m / scale, lang);
    if (decimals == 0) return;
    put(o, lang == LANG_EN ? "." : ",");
    char frac[12];
    unsigned long long f = m % scale;
    for (int i = (int)decimals - 1; i >= 0; i--) {
        frac[i] = (char)('0' + f % 10);
        f /= 10;
    }
    frac[decimals] = '\0';
    put(o, frac);
}

char *fmt_int(char *out, size_t n, long long v, Lang lang) {
    return fmt_fixed(out, n, v, 0, lang);
}

char *fmt_fixed(char *out, size_t n, long long units, unsigned decimals, Lang lang) {
    Out o = {.len = 0};
    put_fixed(&o, units, decimals, lang_ok(lang));
    return deliver(out, n, &o);
}

char *fmt_percent_fixed(char *out, size_t n, long long units, unsigned decimals, Lang lang) {
    Out o = {.len = 0};
    lang = lang_ok(lang);
    put_fixed(&o, units, decimals, lang);
    put(&o, lang == LANG_EN ? "%" : NNBSP "%");
    return deliver(out, n, &o);
}

char *fmt_percent(char *out, size_t n, long long pct, Lang lang) {
    return fmt_percent_fixed(out, n, pct, 0, lang);
}

char *fmt_percent_of(char *out, size_t n, long long part, long long whole, Lang lang) {
    if (whole <= 0) {
        Out o = {.len = 0};
        put(&o, "\u2014");
        return deliver(out, n, &o);
    }
    /* round(part * 100 / whole), half away from zero, without overflow for
     * the counts a game produces (|part| < 2^55). */
    unsigned long long m = magnitude(part), w = (unsigned long long)whole;
    unsigned long long p = (m * 200 + w) / (2 * w);
    return fmt_percent(out, n, part < 0 ? -(long long)p : (long long)p, lang);
}

static bool date_ok(int year, int month, int day) {
    static const int DAYS[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

static void put_num(Out *o, int v, int width) {
    char b[16];
    int k = 0;
    unsigned u = v < 0 ? 0u : (unsigned)v;
    do {
        b[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u || k < width);
    char r[16];
    for (int i = 0; i < k; i++) r[i] = b[k - 1 - i];
    r[k] = '\0';
    put(o, r);
}

static void put_date(Out *o, int year, int month, int day, Lang lang) {
    if (!date_ok(year, month, day)) {
        put_num(o, year, 4);
        put(o, "-");
        put_num(o, month, 2);
        put(o, "-");
        put_num(o, day, 2);
        return;
    }
    put_num(o, day, 1);
    if (lang == LANG_FR && day == 1) put(o, "er");
    put(o, NBSP);
    put(o, MONTHS[lang][month - 1]);
    put(o, " ");
    put_num(o, year, 1);
}

char *fmt_date(char *out, size_t n, int year, int month, int day, Lang lang) {
    Out o = {.len = 0};
    put_date(&o, year, month, day, lang_ok(lang));
    return deliver(out, n, &o);
}

static void put_time(Out *o, int hour, int minute, Lang lang) {
    if (lang == LANG_EN) {
        put_num(o, hour, 2);
        put(o, ":");
    } else {
        put_num(o, hour, 1);
        put(o, NBSP "h" NBSP);
    }
    put_num(o, minute, 2);
}

char *fmt_date_time(char *out, size_t n, int year, int month, int day, int hour, int minute, Lang lang) {
    Out o = {.len = 0};
    lang = lang_ok(lang);
    put_date(&o, year, month, day, lang);
    if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60) {
        put(&o, lang == LANG_EN ? ", " : " à ");
        put_time(&o, hour, minute, lang);
    }
    return deliver(out, n, &o);
}

/* Reads exactly `width` digits. */
static bool digits(const char *s, int width, int *v) {
    int r = 0;
    for (int i = 0; i < width; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        r = r * 10 + (s[i] - '0');
    }
    *v = r;
    return true;
}

bool fmt_parse_iso(const char *iso, int *year, int *month, int *day, int *hour, int *minute) {
    int y, mo, d, h = -1, mi = -1;
    if (!iso || !digits(iso, 4, &y) || iso[4] != '-' || !digits(iso + 5, 2, &mo) || iso[7] != '-' ||
        !digits(iso + 8, 2, &d) || !date_ok(y, mo, d))
        return false;
    bool has_time = (iso[10] == 'T' || iso[10] == ' ') && digits(iso + 11, 2, &h) && iso[13] == ':' &&
                    digits(iso + 14, 2, &mi) && h < 24 && mi < 60;
    if (!has_time) h = mi = -1;
    *year = y;
    *month = mo;
    *day = d;
    *hour = h;
    *minute = mi;
    return true;
}

char *fmt_iso(char *out, size_t n, const char *iso, bool with_time, Lang lang) {
    int y, mo, d, h, mi;
    Out o = {.len = 0};
    lang = lang_ok(lang);
    if (!fmt_parse_iso(iso, &y, &mo, &d, &h, &mi)) {
        put(&o, iso ? iso : "");
        return deliver(out, n, &o);
    }
    put_date(&o, y, mo, d, lang);
    if (with_time && h >= 0) {
        put(&o, lang == LANG_EN ? ", " : " à ");
        put_time(&o, h, mi, lang);
        size_t l = strlen(iso);
        if (l && iso[l - 1] == 'Z') put(&o, " UTC");
    }
    return deliver(out, n, &o);
}
