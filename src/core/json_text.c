/* json_text.c — raw-text checks, JSON Pointer location and the printer of
 * JSON documents; see json_text.h. */
#include "core/json_text.h"

#include "core/utf8.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

void json_text_init(JsonText *t, const char *s, size_t len) {
    t->s = s;
    t->len = len;
    t->lines = NULL;
    t->n_lines = 0;
}

void json_text_free(JsonText *t) {
    if (!t) return;
    free(t->lines);
    t->lines = NULL;
    t->n_lines = 0;
}

static bool build_lines(JsonText *t) {
    size_t n = 1;
    for (const char *p = t->s, *end = t->s + t->len; (p = memchr(p, '\n', (size_t)(end - p))); p++) n++;
    t->lines = malloc(n * sizeof *t->lines);
    if (!t->lines) return false;
    t->lines[0] = 0;
    size_t k = 1;
    for (const char *p = t->s, *end = t->s + t->len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        t->lines[k++] = (size_t)(p - t->s) + 1;
    t->n_lines = n;
    return true;
}

static uint32_t count_points(const char *s, size_t from, size_t to) {
    uint32_t n = 0;
    for (size_t i = from; i < to; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

void json_text_linecol_scan(const char *s, size_t len, size_t off, uint32_t *line, uint32_t *col) {
    if (off > len) off = len;
    size_t start = 0;
    uint32_t l = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = count_points(s, start, off) + 1;
}

void json_text_linecol(JsonText *t, size_t off, uint32_t *line, uint32_t *col) {
    if (off > t->len) off = t->len;
    if (!t->lines && !build_lines(t)) {
        json_text_linecol_scan(t->s, t->len, off, line, col);
        return;
    }
    size_t lo = 0, hi = t->n_lines; /* last line start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (uint32_t)(lo + 1);
    *col = count_points(t->s, t->lines[lo], off) + 1;
}

size_t json_text_find_nul(const char *s, size_t len) {
    const char *p = memchr(s, '\0', len);
    return p ? (size_t)(p - s) : len;
}

bool json_text_check_utf8(const char *str, size_t len, size_t *bad) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        /* ASCII runs, eight bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_sequence_length((const char *)s + i, len - i);
        if (!n) {
            *bad = i;
            return false;
        }
        i += n;
    }
    return true;
}

bool json_text_check_depth(const char *s, size_t len, int limit, size_t *at) {
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '"') {
            for (i++; i < len && s[i] != '"'; i++)
                if (s[i] == '\\') i++;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) {
                *at = i;
                return false;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return true;
}

/* ---- walking valid JSON text ------------------------------------------ */

static size_t skip_ws(const char *s, size_t len, size_t i) {
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

/* i at an opening quote; returns the offset after the closing quote. */
static size_t skip_string(const char *s, size_t len, size_t i) {
    for (i++; i < len && s[i] != '"'; i++)
        if (s[i] == '\\') i++;
    return i < len ? i + 1 : len;
}

static size_t skip_value(const char *s, size_t len, size_t i) {
    if (i >= len) return len;
    if (s[i] == '"') return skip_string(s, len, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < len) {
            char c = s[i];
            if (c == '"') {
                i = skip_string(s, len, i);
                continue;
            }
            if (c == '{' || c == '[') depth++;
            if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) return i + 1;
            }
            i++;
        }
        return len;
    }
    while (i < len && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
           s[i] != '\t' && s[i] != '\r')
        i++;
    return i;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static unsigned read_hex4(const char *s) {
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(s[k]);
        v = (v << 4) | (unsigned)(h < 0 ? 0 : h);
    }
    return v;
}

/* Compares the JSON string at s[i] (opening quote) with the `n` bytes of
 * `want`, decoding escapes. */
static bool string_equals(const char *s, size_t len, size_t i, const char *want, size_t n) {
    size_t k = 0;
    for (i++; i < len && s[i] != '"'; i++) {
        char out[4];
        size_t m = 1;
        if (s[i] != '\\') {
            out[0] = s[i];
        } else {
            if (++i >= len) return false;
            switch (s[i]) {
            case 'b': out[0] = '\b'; break;
            case 'f': out[0] = '\f'; break;
            case 'n': out[0] = '\n'; break;
            case 'r': out[0] = '\r'; break;
            case 't': out[0] = '\t'; break;
            case 'u': {
                if (i + 4 >= len) return false;
                unsigned cp = read_hex4(s + i + 1);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < len && s[i + 1] == '\\' && s[i + 2] == 'u') {
                    unsigned lo = read_hex4(s + i + 3);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                if (cp < 0x80) {
                    out[0] = (char)cp;
                } else if (cp < 0x800) {
                    out[0] = (char)(0xC0 | (cp >> 6));
                    out[1] = (char)(0x80 | (cp & 0x3F));
                    m = 2;
                } else if (cp < 0x10000) {
                    out[0] = (char)(0xE0 | (cp >> 12));
                    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    out[2] = (char)(0x80 | (cp & 0x3F));
                    m = 3;
                } else {
                    out[0] = (char)(0xF0 | (cp >> 18));
                    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    out[3] = (char)(0x80 | (cp & 0x3F));
                    m = 4;
                }
                break;
            }
            default: out[0] = s[i]; break;
            }
        }
        if (k + m > n || memcmp(want + k, out, m) != 0) return false;
        k += m;
    }
    return k == n;
}

/* Decodes one JSON Pointer token (~0 → ~, ~1 → /) from p into buf. */
static size_t pointer_token(const char **pp, char *buf, size_t cap) {
    const char *p = *pp;
    size_t n = 0;
    while (*p && *p != '/') {
        char c = *p++;
        if (c == '~' && (*p == '0' || *p == '1')) c = *p++ == '0' ? '~' : '/';
        if (n < cap) buf[n] = c;
        n++;
    }
    *pp = p;
    return n;
}

bool json_text_locate(const char *s, size_t len, const char *pointer, bool key, int occurrence,
                      size_t *off) {
    size_t i = skip_ws(s, len, 0);
    *off = i;
    const char *p = pointer;
    char tok[1024];
    while (*p == '/') {
        p++;
        size_t n = pointer_token(&p, tok, sizeof tok);
        bool last = *p == '\0';
        if (n > sizeof tok) return false;
        if (i >= len) return false;
        if (s[i] == '{') {
            int seen = 0;
            size_t j = skip_ws(s, len, i + 1);
            bool found = false;
            while (j < len && s[j] == '"') {
                size_t kstart = j;
                bool match = string_equals(s, len, j, tok, n);
                j = skip_ws(s, len, skip_string(s, len, j));
                if (j < len && s[j] == ':') j = skip_ws(s, len, j + 1);
                if (match && (!last || seen++ == occurrence)) {
                    i = j;
                    *off = last && key ? kstart : j;
                    found = true;
                    break;
                }
                j = skip_ws(s, len, skip_value(s, len, j));
                if (j < len && s[j] == ',') j = skip_ws(s, len, j + 1);
            }
            if (!found) return false;
        } else if (s[i] == '[') {
            size_t idx = 0;
            if (n == 0 || n > 9) return false;
            for (size_t k = 0; k < n; k++) {
                if (tok[k] < '0' || tok[k] > '9') return false;
                idx = idx * 10 + (size_t)(tok[k] - '0');
            }
            size_t j = skip_ws(s, len, i + 1);
            for (size_t k = 0; k < idx; k++) {
                if (j >= len || s[j] == ']') return false;
                j = skip_ws(s, len, skip_value(s, len, j));
                if (j < len && s[j] == ',') j = skip_ws(s, len, j + 1);
            }
            if (j >= len || s[j] == ']') return false;
            i = j;
            *off = j;
        } else {
            return false;
        }
    }
    return true;
}

char *json_text_print(const cJSON *root, bool pretty) {
    char *text = root ? (pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root)) : NULL;
    if (!text) return NULL;
    size_t n = strlen(text);
    char *out = malloc(n + 2);
    if (out) {
        memcpy(out, text, n);
        out[n] = '\n';
        out[n + 1] = '\0';
    }
    cJSON_free(text);
    return out;
}
