/* jdom.c — the loaders' JSON parser; see jdom.h. */
#include "core/jdom.h"

#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>

/* SSE2 (every x86-64) scans sixteen bytes at a time; elsewhere, or with
 * JDOM_PORTABLE (test_jdom_portable builds both and compares them), the
 * parser takes its word-at-a-time paths. */
#if defined(__SSE2__) && !defined(JDOM_PORTABLE)
#define JDOM_SSE2
#include <emmintrin.h>
#endif

#include "core/idtable.h"

/* The name table has a slot per 16 bytes of the document, a power of two
 * between JDOM_INTERN_MIN and JDOM_INTERN_MAX: small files (a results
 * file, settings) zero a small table. */
enum { JDOM_INTERN_MIN = 128, JDOM_INTERN_MAX = 1024, JDOM_BATCH = 1024, JDOM_CHUNK = 64 * 1024 };

/* A member name stored once: its first sixteen bytes as two little-endian
 * words, zero-padded (w0, w1), the rest compared byte by byte. Objects
 * mostly repeat the same names in the same order: each name remembers the
 * one that followed it last time (`succ`), and the first name of the
 * objects under it (`child`), so that the parser can check the bytes of
 * the name it expects instead of looking it up. */
typedef struct InternSlot InternSlot;
struct InternSlot {
    uint64_t w0, w1;
    uint64_t m0, m1; /* the bytes of a short name in w0, w1; 0 for a long one */
    const char *name;
    size_t len;
    InternSlot *succ, *child;
};

typedef struct Parser {
    Arena *nodes, *strings;
    const char *s;
    size_t len, pos;
    int max_depth;
    JParseStatus status;
    size_t err_off;
    bool dup_keys;
    InternSlot *intern;  /* slots of member names, */
    size_t intern_mask;  /* their number minus one */
    InternSlot *unplaced; /* the expected name where no slot remembers it */
    bool names_exact;    /* every member name so far is interned: equal names are equal pointers */
    JNode *batch;        /* zeroed nodes not handed out yet */
    size_t free_nodes;
    char *chunk;         /* string bytes not handed out yet, in `strings` */
    size_t chunk_left;
} Parser;


static bool fail(Parser *p, JParseStatus st, size_t off) {
    if (p->status == JP_OK) {
        p->status = st;
        p->err_off = off;
    }
    return false;
}

/* Eight bytes of the text as a little-endian word (byte k in bits 8k…8k+7). */
static inline uint64_t load8(const char *s) {
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* Stores `w` as eight bytes of text (byte k from bits 8k…8k+7). */
static inline void store8(char *d, uint64_t w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    memcpy(d, &w, 8);
}

#define W_ONES 0x0101010101010101ULL
#define W_HIGHS 0x8080808080808080ULL

/* Word tests, one bit (the byte's high bit) per byte that matches. The
 * lowest set bit is always exact (higher ones may be false positives). */
static inline uint64_t w_eq(uint64_t w, unsigned char c) {
    uint64_t x = w ^ (W_ONES * c);
    return (x - W_ONES) & ~x & W_HIGHS;
}
static inline uint64_t w_below(uint64_t w, unsigned char c) { return (w - W_ONES * c) & ~w & W_HIGHS; }

/* Index of the first matching byte of a nonzero word test. */
static inline size_t w_first(uint64_t m) { return (size_t)__builtin_ctzll(m) >> 3; }

static inline bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

#if defined(JDOM_SSE2)
/* Sixteen bytes of the text at once (SSE2, every x86-64). */
static inline __m128i load16(const char *s) { return _mm_loadu_si128((const __m128i *)(const void *)s); }
#endif

/* The first position at or after `i` that is not a blank. */
static size_t skip_ws_run(const char *s, size_t i, size_t n) {
#if defined(JDOM_SSE2)
    const __m128i sp = _mm_set1_epi8(' '), nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  tab = _mm_set1_epi8('\t');
    while (i + 16 <= n) {
        __m128i x = load16(s + i);
        __m128i blank = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, nl)),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, tab)));
        unsigned other = ~(unsigned)_mm_movemask_epi8(blank) & 0xFFFFu;
        if (other) return i + (size_t)__builtin_ctz(other);
        i += 16;
    }
#else
    while (i + 8 <= n && load8(s + i) == W_ONES * ' ') i += 8; /* indentation */
#endif
    while (i < n && is_blank(s[i])) i++;
    return i;
}

/* Most values are preceded by no blank or by one space: test inline. */
static inline size_t skip_ws_at(const char *s, size_t i, size_t n) {
    if (i < n && (unsigned char)s[i] > ' ') return i;
    if (i + 1 < n && s[i] == ' ' && (unsigned char)s[i + 1] > ' ') return i + 1;
    return skip_ws_run(s, i, n);
}

static inline void skip_ws(Parser *p) { p->pos = skip_ws_at(p->s, p->pos, p->len); }

static int hex4(const char *s) {
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0) return -1;
        v = v << 4 | h;
    }
    return v;
}

static size_t put_utf8(char *d, unsigned cp) {
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | cp >> 6);
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | cp >> 12);
        d[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | cp >> 18);
    d[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    d[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* memcpy for the short strings of a document, without a call: fixed-size
 * copies, the last one overlapping, for 4 bytes and more. */
static inline void copy_bytes(char *d, const char *src, size_t n) {
    if (n >= 16) {
        for (size_t k = 0; k + 16 < n; k += 16) memcpy(d + k, src + k, 16);
        memcpy(d + n - 16, src + n - 16, 16);
    } else if (n >= 8) {
        memcpy(d, src, 8);
        memcpy(d + n - 8, src + n - 8, 8);
    } else if (n >= 4) {
        memcpy(d, src, 4);
        memcpy(d + n - 4, src + n - 4, 4);
    } else if (n >= 2) {
        memcpy(d, src, 2);
        memcpy(d + n - 2, src + n - 2, 2);
    } else if (n) {
        d[0] = src[0];
    }
}

/* `n` bytes for a string value, packed in chunks of the strings arena. */
static char *string_space(Parser *p, size_t n) {
    if (n > p->chunk_left) {
        if (n >= JDOM_CHUNK / 4) return arena_alloc_uninit(p->strings, n);
        p->chunk = arena_alloc_uninit(p->strings, JDOM_CHUNK); /* strings are written in full */
        if (!p->chunk) return NULL;
        p->chunk_left = JDOM_CHUNK;
    }
    char *d = p->chunk;
    p->chunk += n;
    p->chunk_left -= n;
    return d;
}

/* The bytes taken by the special byte s[i] of a string (below 0x20, '"',
 * backslash or non-ASCII; i < n): 2 for an escape (checked when decoded),
 * 2 to 4 for a valid UTF-8 character; 0 for the closing quote; -1 after
 * fail() for a control character or invalid UTF-8. */
static inline int string_special(Parser *p, const char *s, size_t i, size_t n, bool *escapes) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
        return 2; /* a two-byte character (é, à…): always valid */
    if (c == '"') return 0;
    if (c == '\\') {
        *escapes = true;
        return 2;
    }
    if (c < 0x20) {
        fail(p, c == '\n' ? JP_LINE_BREAK : JP_CONTROL_CHAR, i);
        return -1;
    }
    if (c >= 0x80) {
        size_t k = utf8_sequence_length(s + i, n - i);
        if (!k) fail(p, JP_BAD_UTF8, i);
        return k ? (int)k : -1;
    }
    return 1; /* not special: only after the word scan's false positives */
}

/* p->pos at the opening quote. Decodes the string into `arena`; its length
 * in bytes goes to *out_len. */
static const char *parse_string(Parser *p, Arena *arena, uint32_t *out_len) {
    const char *s = p->s;
    size_t start = p->pos + 1, i = start, n = p->len;
    bool escapes = false;
    int step;
#if defined(JDOM_SSE2)
    /* Sixteen bytes at a time: the special ones (quote, backslash, control
     * or non-ASCII: the signed comparison catches both) taken in order from
     * the block's mask, without reloading it after each character. */
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(' ');
    while (i + 16 <= n) {
        __m128i x = load16(s + i);
        __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                                       _mm_cmplt_epi8(x, space));
        unsigned m = (unsigned)_mm_movemask_epi8(special);
        size_t next = i + 16;
        while (m) {
            size_t j = i + (size_t)__builtin_ctz(m);
            if ((step = string_special(p, s, j, n, &escapes)) <= 0) {
                if (step < 0) return NULL;
                i = j;
                goto closed;
            }
            size_t past = j + (size_t)step - i; /* bytes of the block done */
            if (past >= 16) {
                next = i + past;
                break;
            }
            m &= ~0u << past;
        }
        i = next;
    }
#endif
    for (;;) {
        /* Eight plain bytes at a time: no quote, backslash or control. */
        while (i + 8 <= n) {
            uint64_t w = load8(s + i);
            uint64_t special = w_eq(w, '"') | w_eq(w, '\\') | w_below(w, 0x20) | (w & W_HIGHS);
            if (special) {
                i += w_first(special);
                break;
            }
            i += 8;
        }
        if (i >= n) {
            fail(p, JP_SYNTAX, n);
            return NULL;
        }
        if ((step = string_special(p, s, i, n, &escapes)) <= 0) {
            if (step < 0) return NULL;
            break;
        }
        i += (size_t)step;
    }
#if defined(JDOM_SSE2)
closed:;
#endif
    size_t raw = i - start;
    char *d = arena == p->strings ? string_space(p, raw + 1) : arena_alloc_uninit(arena, raw + 1);
    if (!d) {
        fail(p, JP_OOM, start);
        return NULL;
    }
    if (!escapes) {
        copy_bytes(d, s + start, raw);
        d[raw] = '\0';
        p->pos = i + 1;
        *out_len = (uint32_t)raw;
        return d;
    }
    size_t k = 0;
    for (size_t j = start; j < i;) {
        if (s[j] != '\\') {
            d[k++] = s[j++];
            continue;
        }
        char e = s[j + 1];
        switch (e) {
        case '"': d[k++] = '"'; break;
        case '\\': d[k++] = '\\'; break;
        case '/': d[k++] = '/'; break;
        case 'b': d[k++] = '\b'; break;
        case 'f': d[k++] = '\f'; break;
        case 'n': d[k++] = '\n'; break;
        case 'r': d[k++] = '\r'; break;
        case 't': d[k++] = '\t'; break;
        case 'u': {
            int cp = j + 6 <= i ? hex4(s + j + 2) : -1;
            if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) {
                fail(p, JP_SYNTAX, j);
                return NULL;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                int lo = j + 12 <= i && s[j + 6] == '\\' && s[j + 7] == 'u' ? hex4(s + j + 8) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    fail(p, JP_SYNTAX, j);
                    return NULL;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                j += 6;
            }
            k += put_utf8(d + k, (unsigned)cp);
            j += 6;
            continue;
        }
        default: fail(p, JP_SYNTAX, j); return NULL;
        }
        j += 2;
    }
    d[k] = '\0';
    p->pos = i + 1;
    *out_len = (uint32_t)k;
    return d;
}

/* Member names repeat ("id", "text", "fr"…): those without escapes are
 * stored once, so that equal names are the same pointer. */
static inline bool same_bytes(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
}

static inline uint64_t short_name_hash(uint64_t w0, uint64_t w1) {
    uint64_t h = (w0 * 0x9E3779B97F4A7C15ULL) ^ (w1 * 0xC2B2AE3D27D4EB4FULL);
    return h ^ h >> 29;
}

/* The slot of the plain name of `n` bytes at `src`, whose first sixteen
 * bytes are the words w0, w1 (zero past the name), added on first use;
 * NULL when the table is full around its slot or out of memory (p->status
 * says which). */
static inline InternSlot *intern(Parser *p, const char *src, size_t n, uint64_t w0, uint64_t w1) {
    uint64_t h = short_name_hash(w0, w1) ^ n;
    for (uint32_t probe = 0; probe < 8; probe++) {
        InternSlot *e = &p->intern[(h + probe) & p->intern_mask];
        if (!e->name) {
            char *d = arena_alloc_uninit(p->nodes, n + 1);
            if (!d) {
                fail(p, JP_OOM, p->pos);
                return NULL;
            }
            memcpy(d, src, n);
            d[n] = '\0';
            uint64_t m0 = n >= 8 ? ~0ULL : (1ULL << 8 * n) - 1, m1 = n >= 16 ? 0 : n >= 8 ? (1ULL << 8 * (n - 8)) - 1 : 0;
            if (n > 15) m0 = 0;
            *e = (InternSlot){w0, w1, m0, m1, d, n, NULL, NULL};
            return e;
        }
        if (e->w0 == w0 && e->w1 == w1 && e->len == n && (n <= 16 || same_bytes(e->name + 16, src + 16, n - 16)))
            return e;
    }
    return NULL;
}

/* Bytes that end a plain name: '"' and below, backslash, non-ASCII. */
static inline uint64_t w_not_plain(uint64_t w) { return w_below(w, '"' + 1) | w_eq(w, '\\') | (w & W_HIGHS); }

/* Whether the member name at `s` (after its opening quote; s[0] to
 * s[15] readable) is the short name of slot `e`. */
static inline bool is_name_at(const char *s, const InternSlot *e) {
    return (load8(s) & e->m0) == e->w0 && (load8(s + 8) & e->m1) == e->w1 && s[e->len] == '"';
}

/* Names longer than this are not interned. */
enum { JDOM_NAME_MAX = 63 };

/* p->pos at the opening quote of a member name: the name, stored once
 * when plain (*slot its slot, NULL otherwise), p->pos after it; NULL
 * after fail(). */
static const char *parse_key(Parser *p, InternSlot **slot) {
    const char *s = p->s;
    *slot = NULL;
    size_t start = p->pos + 1, n = 0;
    uint64_t w0 = 0, w1 = 0;
    if (start + 16 <= p->len) { /* the common case: found a word at a time */
        w0 = load8(s + start);
        uint64_t m = w_not_plain(w0);
        if (m) {
            n = w_first(m);
            w0 &= (1ULL << 8 * n) - 1;
        } else {
            w1 = load8(s + start + 8);
            m = w_not_plain(w1);
            if (m) {
                n = 8 + w_first(m);
                w1 &= (1ULL << 8 * (n - 8)) - 1;
            } else {
                for (n = 16; n <= JDOM_NAME_MAX && start + n + 8 <= p->len; n += 8)
                    if ((m = w_not_plain(load8(s + start + n)))) break;
                n = m ? n + w_first(m) : 0;
            }
        }
        if (n > JDOM_NAME_MAX || s[start + n] != '"') n = 0;
    }
    if (n == 0) { /* near the end, long, empty or not plain */
        size_t i = start, end = p->len - start > JDOM_NAME_MAX + 1 ? start + JDOM_NAME_MAX + 1 : p->len;
        while (i < end && (unsigned char)s[i] > '"' && (unsigned char)s[i] < 0x80 && s[i] != '\\') i++;
        if (i >= end || s[i] != '"' || i == start) {
            uint32_t len;
            p->names_exact = false;
            return parse_string(p, p->nodes, &len);
        }
        n = i - start;
        unsigned char buf[16] = {0};
        memcpy(buf, s + start, n < 16 ? n : 16);
        w0 = load8((const char *)buf);
        w1 = load8((const char *)buf + 8);
    }
    InternSlot *e = intern(p, s + start, n, w0, w1);
    if (e) {
        p->pos = start + n + 1;
        *slot = e;
        return e->name;
    }
    if (p->status != JP_OK) return NULL;
    uint32_t len;
    p->names_exact = false;
    return parse_string(p, p->nodes, &len);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether the byte at pos can start a JSON value or a member name. */
static bool starts_value(const char *s, size_t pos, size_t n) {
    if (pos >= n) return false;
    char c = s[pos];
    if (c == 't') return n - pos >= 4 && memcmp(s + pos, "true", 4) == 0;
    if (c == 'f') return n - pos >= 5 && memcmp(s + pos, "false", 5) == 0;
    if (c == 'n') return n - pos >= 4 && memcmp(s + pos, "null", 4) == 0;
    return c == '"' || c == '{' || c == '[' || c == '-' || is_digit(c);
}

/* Strict JSON number grammar; the value from its decimal digits, without
 * strtod (which follows the locale). Exact for integers below 2^53. */
static bool parse_number(Parser *p, double *out) {
    const char *s = p->s;
    size_t i = p->pos, n = p->len;
    bool neg = false;
    if (i < n && s[i] == '-') {
        neg = true;
        i++;
    }
    if (i >= n || !is_digit(s[i])) return fail(p, JP_SYNTAX, i);
    {
        /* Most numbers are small integers: up to 9 digits, not starting
         * with 0, followed by a byte that cannot continue a number (the
         * end, or a byte below '@' other than a digit . + -, or a letter
         * other than e E). The others take the general way below. */
        const uint64_t continues = 0x03FF680000000000ULL; /* 0-9 . + - below 0x40 */
        size_t j = i;
        uint32_t v = 0;
        while (j < n && j - i < 9 && is_digit(s[j])) v = v * 10 + (uint32_t)(s[j++] - '0');
        unsigned char t = j < n ? (unsigned char)s[j] : ' ';
        if (s[i] != '0' && (t < 0x40 ? !(continues >> t & 1) : t != 'e' && t != 'E')) {
            *out = neg ? -(double)v : (double)v;
            p->pos = j;
            return true;
        }
    }
    uint64_t mant = 0;
    int exp10 = 0;
    if (s[i] == '0') {
        i++;
    } else {
        while (i < n && is_digit(s[i])) {
            if (mant < 100000000000000000ULL)
                mant = mant * 10 + (uint64_t)(s[i] - '0');
            else
                exp10++;
            i++;
        }
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || !is_digit(s[i])) return fail(p, JP_SYNTAX, i);
        while (i < n && is_digit(s[i])) {
            if (mant < 100000000000000000ULL) {
                mant = mant * 10 + (uint64_t)(s[i] - '0');
                exp10--;
            }
            i++;
        }
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
        if (i >= n || !is_digit(s[i])) return fail(p, JP_SYNTAX, i);
        int e = 0;
        while (i < n && is_digit(s[i])) {
            if (e < 100000) e = e * 10 + (s[i] - '0');
            i++;
        }
        exp10 += eneg ? -e : e;
    }
    if (i < n && (is_digit(s[i]) || s[i] == '.' || s[i] == '+' || s[i] == '-' || s[i] == 'e' || s[i] == 'E'))
        return fail(p, JP_SYNTAX, i);
    static const double POW10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v = (double)mant;
    if (mant != 0) {
        while (exp10 > 22 && v < 1e308) {
            v *= 1e22;
            exp10 -= 22;
        }
        while (exp10 < -22 && v > 1e-300) {
            v /= 1e22;
            exp10 += 22;
        }
        if (exp10 > 22)
            v = v * 1e22 * 1e22; /* overflows to infinity */
        else if (exp10 < -22)
            v = 0;
        else if (exp10 > 0)
            v *= POW10[exp10];
        else if (exp10 < 0)
            v /= POW10[-exp10];
    }
    *out = neg ? -v : v;
    p->pos = i;
    return true;
}

static bool literal(Parser *p, const char *word, size_t n) {
    if (p->pos + n <= p->len && memcmp(p->s + p->pos, word, n) == 0) {
        p->pos += n;
        return true;
    }
    return fail(p, JP_SYNTAX, p->pos);
}

static inline JNode *new_node(Parser *p, JNodeType type) {
    if (p->free_nodes == 0) { /* nodes come from the arena in batches */
        p->batch = arena_alloc_uninit(p->nodes, JDOM_BATCH * sizeof *p->batch); /* set below */
        if (!p->batch) {
            fail(p, JP_OOM, p->pos);
            return NULL;
        }
        p->free_nodes = JDOM_BATCH;
    }
    JNode *n = p->batch++;
    p->free_nodes--;
    *n = (JNode){.type = (uint8_t)type}; /* every field, once */
    return n;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Objects past 32 members are checked for repeated names by sorting. */
static void check_big_object(Parser *p, JNode *obj) {
    const char **names = malloc(obj->count * sizeof *names);
    if (!names) return;
    size_t k = 0;
    for (const JNode *c = obj->child; c; c = c->next) names[k++] = c->string;
    qsort(names, k, sizeof *names, cmp_names);
    for (size_t i = 1; i < k; i++)
        if (strcmp(names[i - 1], names[i]) == 0) {
            obj->dup_keys = p->dup_keys = true;
            break;
        }
    free(names);
}

/* An open object or array while parsing. */
typedef struct Frame {
    JNode *node;
    JNode **tail;  /* where the next member goes */
    uint64_t seen; /* member names met, hashed to one bit each (objects) */
    InternSlot *ctx;     /* the name of the member holding it (through arrays) */
    InternSlot **learn;  /* where the name expected next is remembered (objects) */
    char close;          /* '}' or ']' */
} Frame;

/* Whether the two bytes at s + pos are `ab`, the byte after them not a
 * blank (nor the end): the usual ": " and ", " before a value or a name. */
static inline bool pair_then_token(const char *s, size_t pos, size_t n, const char ab[2]) {
    return pos + 2 < n && memcmp(s + pos, ab, 2) == 0 && (unsigned char)s[pos + 2] > ' ';
}

/* Parses one value at p->pos (after blanks), its containers with an
 * explicit stack (no recursion, the position in a register). Returns the
 * value, p->pos after it; NULL after fail(). */
static JNode *parse_document(Parser *p) {
    const char *s = p->s;
    size_t n = p->len, pos = p->pos;
    Frame *stack = arena_alloc_uninit(p->nodes, ((size_t)(p->max_depth > 0 ? p->max_depth : 0) + 1) * sizeof *stack);
    if (!stack) {
        fail(p, JP_OOM, pos);
        return NULL;
    }
    int depth = 0;
    JNode *root = NULL, *v;
    const char *key = NULL;
    InternSlot *key_slot = NULL; /* key's slot, when stored once */
    Frame *f = NULL;
    char c;

value: /* a value at pos, member `key` of the innermost container (or the root) */
    if (pos >= n) {
        fail(p, JP_SYNTAX, n);
        return NULL;
    }
    p->pos = pos;
    c = s[pos];
    switch (c) {
    case '{':
    case '[':
        if (!(v = new_node(p, c == '{' ? JN_OBJECT : JN_ARRAY))) return NULL;
        if (depth + 1 > p->max_depth) {
            fail(p, JP_TOO_DEEP, pos);
            return NULL;
        }
        if (depth == 0) {
            root = v;
        } else {
            v->string = key;
            *f->tail = v;
            f->tail = &v->next;
            f->node->count++;
        }
        {
            InternSlot *ctx = depth == 0 ? NULL : f->close == '}' ? key_slot : f->ctx;
            f = &stack[depth++];
            *f = (Frame){v, &v->child, 0, ctx, ctx ? &ctx->child : &p->unplaced, c == '{' ? '}' : ']'};
        }
        pos = skip_ws_at(s, pos + 1, n);
        if (pos < n && s[pos] == f->close) {
            pos++;
            goto closed;
        }
        if (c == '[') {
            key = NULL;
            goto value;
        }
        goto member;
    case '"':
        if (!(v = new_node(p, JN_STRING))) return NULL;
        if (pos + 9 <= n) { /* ids and keywords: up to 7 plain bytes, copied as one word with their NUL */
            uint64_t w = load8(s + pos + 1);
            uint64_t special = w_eq(w, '"') | w_eq(w, '\\') | w_below(w, 0x20) | (w & W_HIGHS);
            size_t k = special ? w_first(special) : 8;
            if (k < 8 && s[pos + 1 + k] == '"') {
                char *d = string_space(p, 8);
                if (!d) {
                    fail(p, JP_OOM, pos + 1);
                    return NULL;
                }
                store8(d, w & ((1ULL << 8 * k) - 1));
                v->valuestring = d;
                v->len = (uint32_t)k;
                pos += k + 2;
                break;
            }
        }
        if (!(v->valuestring = parse_string(p, p->strings, &v->len))) return NULL;
        pos = p->pos;
        break;
    case 't':
        if (!(v = new_node(p, JN_TRUE)) || !literal(p, "true", 4)) return NULL;
        pos = p->pos;
        break;
    case 'f':
        if (!(v = new_node(p, JN_FALSE)) || !literal(p, "false", 5)) return NULL;
        pos = p->pos;
        break;
    case 'n':
        if (!(v = new_node(p, JN_NULL)) || !literal(p, "null", 4)) return NULL;
        pos = p->pos;
        break;
    default:
        if ((unsigned char)c >= 0x80 && !utf8_sequence_length(s + pos, n - pos)) {
            fail(p, JP_BAD_UTF8, pos);
            return NULL;
        }
        if (c != '-' && !is_digit(c)) {
            fail(p, JP_SYNTAX, pos);
            return NULL;
        }
        if (!(v = new_node(p, JN_NUMBER)) || !parse_number(p, &v->valuedouble)) return NULL;
        pos = p->pos;
        break;
    }
    if (depth == 0) {
        p->pos = pos;
        return v;
    }
    v->string = key;
    *f->tail = v;
    f->tail = &v->next;
    f->node->count++;

after: /* after a member or element of f */
    if (pair_then_token(s, pos, n, ", ")) { /* the usual separator */
        pos += 2;
        goto next;
    }
    pos = skip_ws_at(s, pos, n);
    if (pos < n && s[pos] == ',') {
        pos = skip_ws_at(s, pos + 1, n);
        goto next;
    }
    if (pos < n && s[pos] == f->close) {
        pos++;
        if (f->close == '}' && f->node->count > 32 && !f->node->dup_keys) check_big_object(p, f->node);
        goto closed;
    }
    fail(p, starts_value(s, pos, n) ? JP_MISSING_COMMA : JP_SYNTAX, pos);
    return NULL;

closed: /* f's container ends before pos */
    if (--depth == 0) {
        p->pos = pos;
        return root;
    }
    f = &stack[depth - 1];
    goto after;

next: /* the next member or element of f at pos */
    if (f->close == ']') {
        key = NULL;
        goto value;
    }

member: /* the next member of object f at pos */
    if (pos >= n || s[pos] != '"') {
        fail(p, JP_SYNTAX, pos);
        return NULL;
    }
    {
        /* The name that followed the previous one last time, checked. */
        InternSlot *expected = *f->learn;
        if (expected && pos + 17 <= n && is_name_at(s + pos + 1, expected)) {
            key_slot = expected;
            key = expected->name;
            pos += expected->len + 2;
        } else {
            p->pos = pos;
            if (!(key = parse_key(p, &key_slot))) return NULL;
            pos = p->pos;
            *f->learn = key_slot;
        }
        f->learn = key_slot ? &key_slot->succ : &p->unplaced;
    }
    if (pair_then_token(s, pos, n, ": ")) { /* the usual ": " */
        pos += 2;
    } else {
        if (pos >= n || s[pos] != ':') { /* mostly right after the name */
            pos = skip_ws_at(s, pos, n);
            if (pos >= n || s[pos] != ':') {
                fail(p, JP_MISSING_COLON, pos);
                return NULL;
            }
        }
        pos = skip_ws_at(s, pos + 1, n);
    }
    {
        /* A name met before in this object sets its bit again: only then
         * (or when names are not all interned) walk the members. Objects
         * past 32 members are checked when they close. */
        uint64_t bit = 1ULL << ((uintptr_t)key >> 4 & 63); /* names are 16-byte aligned */
        if ((f->seen & bit) || !p->names_exact) {
            JNode *obj = f->node;
            if (obj->count < 32 && !obj->dup_keys)
                for (const JNode *m = obj->child; m; m = m->next)
                    if (m->string == key || (!p->names_exact && jdom_streq(m->string, key))) {
                        obj->dup_keys = p->dup_keys = true;
                        break;
                    }
        }
        f->seen |= bit;
    }
    goto value;
}

JNode *jdom_parse(Arena *nodes, Arena *strings, const char *s, size_t len, int max_depth,
                  JParseStatus *status, size_t *err_off, bool *dup_keys) {
    Parser p = {.nodes = nodes, .strings = strings, .s = s, .len = len, .max_depth = max_depth, .status = JP_OK,
                .names_exact = true};
    size_t slots = JDOM_INTERN_MIN;
    while (slots < JDOM_INTERN_MAX && slots * 16 < len) slots *= 2;
    p.intern_mask = slots - 1;
    p.intern = arena_alloc(nodes, slots * sizeof *p.intern);
    if (!p.intern) {
        *status = JP_OOM;
        *err_off = 0;
        *dup_keys = false;
        return NULL;
    }
    skip_ws(&p);
    JNode *root = parse_document(&p);
    if (root) {
        skip_ws(&p);
        if (p.pos < p.len) {
            fail(&p, JP_SYNTAX, p.pos);
            root = NULL;
        }
    }
    *status = p.status;
    *err_off = p.err_off;
    *dup_keys = p.dup_keys;
    return root;
}

const JNode *jdom_get(const JNode *obj, const char *key) {
    if (!obj || obj->type != JN_OBJECT) return NULL;
    for (const JNode *c = obj->child; c; c = c->next)
        if (jdom_streq(c->string, key)) return c;
    return NULL;
}
