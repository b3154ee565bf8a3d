/* strbuf.c — a growing string; see strbuf.h. */
#include "core/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(StrBuf *b, size_t more) {
    if (b->oom) return false;
    if (b->len + more + 1 <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->s, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->s = p;
    b->cap = cap;
    return true;
}

void strbuf_put(StrBuf *b, const char *s, size_t n) {
    if (!n || !reserve(b, n)) return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void strbuf_puts(StrBuf *b, const char *s) {
    if (s) strbuf_put(b, s, strlen(s));
}

void strbuf_putu(StrBuf *b, uint64_t v) {
    char d[20];
    size_t n = 0;
    do d[sizeof d - ++n] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    strbuf_put(b, d + sizeof d - n, n);
}

void strbuf_printf(StrBuf *b, const char *fmt, ...) {
    /* Straight into the free room when it fits (most calls), else again
     * once the room is made. */
    if (!reserve(b, 128)) return;
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->s + b->len, room, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n < room) {
        b->len += (size_t)n;
    } else if (n > 0 && reserve(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    } else if (!b->oom) {
        b->s[b->len] = '\0'; /* an encoding error: nothing appended */
    }
    va_end(ap2);
}

void strbuf_html(StrBuf *b, const char *s) {
    if (!s) return;
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        strbuf_put(b, run, (size_t)(s - run));
        strbuf_puts(b, rep);
        run = s + 1;
    }
    strbuf_put(b, run, (size_t)(s - run));
}

void strbuf_json(StrBuf *b, const char *s) {
    strbuf_put(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': strbuf_put(b, "\\\"", 2); break;
        case '\\': strbuf_put(b, "\\\\", 2); break;
        case '\n': strbuf_put(b, "\\n", 2); break;
        case '\r': strbuf_put(b, "\\r", 2); break;
        case '\t': strbuf_put(b, "\\t", 2); break;
        default:
            if (*p < 0x20 || *p == 0x7f) strbuf_printf(b, "\\u%04x", *p);
            else strbuf_put(b, (const char *)p, 1);
        }
    }
    strbuf_put(b, "\"", 1);
}

void strbuf_csv(StrBuf *b, const char *s) {
    if (!s) s = "";
    bool formula = *s && strchr("=+-@\t\r", *s) != NULL;
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        strbuf_puts(b, s);
        return;
    }
    strbuf_put(b, "\"", 1);
    if (formula) strbuf_put(b, "'", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"') strbuf_put(b, "\"\"", 2);
        else strbuf_put(b, p, 1);
    }
    strbuf_put(b, "\"", 1);
}

char *strbuf_take(StrBuf *b) {
    if (b->oom || !reserve(b, 0)) {
        strbuf_free(b);
        return NULL;
    }
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void strbuf_free(StrBuf *b) {
    if (!b) return;
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}
