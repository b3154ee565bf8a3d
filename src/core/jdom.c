/* jdom.c — the loaders' JSON parser; see jdom.h. */
#include "core/jdom.h"

#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>

#include "core/idtable.h"

enum { JDOM_INTERN = 1024, JDOM_BATCH = 1024, JDOM_CHUNK = 64 * 1024 };

typedef struct Parser {
    Arena *nodes, *strings;
    const char *s;
    size_t len, pos;
    int depth, max_depth;
    JParseStatus status;
    size_t err_off;
    bool dup_keys;
    const char **intern; /* JDOM_INTERN slots of member names */
    uint8_t *intern_len;
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

static void skip_ws_run(Parser *p) {
    const char *s = p->s;
    size_t i = p->pos, n = p->len;
    while (i < n && (unsigned char)s[i] <= ' ' && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    p->pos = i;
}

/* Most values are not preceded by blanks: test one byte inline. */
static inline void skip_ws(Parser *p) {
    if (p->pos < p->len && (unsigned char)p->s[p->pos] > ' ') return;
    skip_ws_run(p);
}

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

/* p->pos at the opening quote. Decodes the string into `arena`. */
static const char *parse_string(Parser *p, Arena *arena) {
    const char *s = p->s;
    size_t start = p->pos + 1, i = start, n = p->len;
    bool escapes = false;
    for (;;) {
        /* Eight plain bytes at a time: no quote, backslash or control. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
            uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
            uint64_t special = ((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w) | w;
            if (special & highs) break;
            i += 8;
        }
        if (i >= n) {
            fail(p, JP_SYNTAX, n);
            return NULL;
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '"') break;
        if (c < 0x20) {
            fail(p, c == '\n' ? JP_LINE_BREAK : JP_CONTROL_CHAR, i);
            return NULL;
        }
        if (c == '\\') {
            escapes = true;
            i += 2;
        } else if (c >= 0x80) {
            size_t k = utf8_sequence_length(s + i, n - i);
            if (!k) {
                fail(p, JP_BAD_UTF8, i);
                return NULL;
            }
            i += k;
        } else {
            i++;
        }
    }
    size_t raw = i - start;
    char *d = arena == p->strings ? string_space(p, raw + 1) : arena_alloc_uninit(arena, raw + 1);
    if (!d) {
        fail(p, JP_OOM, start);
        return NULL;
    }
    if (!escapes) {
        memcpy(d, s + start, raw);
        d[raw] = '\0';
        p->pos = i + 1;
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
    return d;
}

/* Member names repeat ("id", "text", "fr"…): those without escapes are
 * stored once. */
static inline bool same_bytes(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
}

static const char *parse_key(Parser *p) {
    const char *s = p->s;
    size_t start = p->pos + 1, i = start, end = p->len - start > 64 ? start + 64 : p->len;
    /* Plain names: printable ASCII from '#' on, without backslash. */
    while (i < end && (unsigned char)s[i] > '"' && (unsigned char)s[i] < 0x80 && s[i] != '\\') i++;
    if (i >= end || s[i] != '"' || i == start) return parse_string(p, p->nodes);
    size_t n = i - start;
    uint32_t h = (uint32_t)n * 131u + (unsigned char)s[start] * 31u + (unsigned char)s[i - 1] +
                 (unsigned char)s[start + n / 2] * 7u;
    for (uint32_t probe = 0; probe < 8; probe++) {
        uint32_t slot = (h + probe) & (JDOM_INTERN - 1);
        const char *k = p->intern[slot];
        if (!k) {
            char *d = arena_alloc_uninit(p->nodes, n + 1);
            if (!d) {
                fail(p, JP_OOM, start);
                return NULL;
            }
            memcpy(d, s + start, n);
            d[n] = '\0';
            p->intern[slot] = d;
            p->intern_len[slot] = (uint8_t)n;
            p->pos = i + 1;
            return d;
        }
        if (p->intern_len[slot] == n && same_bytes(k, s + start, n)) {
            p->pos = i + 1;
            return k;
        }
    }
    return parse_string(p, p->nodes);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

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

static JNode *parse_value(Parser *p);

static JNode *new_node(Parser *p, JNodeType type) {
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
    *n = (JNode){.type = (uint8_t)type, .offset = (uint32_t)p->pos}; /* every field, once */
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

static JNode *parse_container(Parser *p, bool object) {
    JNode *node = new_node(p, object ? JN_OBJECT : JN_ARRAY);
    if (!node) return NULL;
    if (++p->depth > p->max_depth) {
        fail(p, JP_TOO_DEEP, p->pos);
        return NULL;
    }
    char close = object ? '}' : ']';
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        p->depth--;
        return node;
    }
    JNode **tail = &node->child;
    for (;;) {
        const char *key = NULL;
        if (object) {
            if (p->pos >= p->len || p->s[p->pos] != '"') {
                fail(p, JP_SYNTAX, p->pos);
                return NULL;
            }
            key = parse_key(p);
            if (!key) return NULL;
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos] != ':') {
                fail(p, JP_SYNTAX, p->pos);
                return NULL;
            }
            p->pos++;
            skip_ws(p);
        }
        if (object && node->count < 32 && !node->dup_keys)
            for (const JNode *c = node->child; c; c = c->next)
                if (c->string == key || (c->string[0] == key[0] && jdom_streq(c->string, key))) {
                    node->dup_keys = p->dup_keys = true;
                    break;
                }
        JNode *v = parse_value(p);
        if (!v) return NULL;
        v->string = key;
        *tail = v;
        tail = &v->next;
        node->count++;
        skip_ws(p);
        if (p->pos < p->len && p->s[p->pos] == ',') {
            p->pos++;
            skip_ws(p);
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == close) {
            p->pos++;
            p->depth--;
            if (object && node->count > 32 && !node->dup_keys) check_big_object(p, node);
            return node;
        }
        fail(p, JP_SYNTAX, p->pos);
        return NULL;
    }
}

static JNode *parse_value(Parser *p) {
    if (p->pos >= p->len) {
        fail(p, JP_SYNTAX, p->len);
        return NULL;
    }
    char c = p->s[p->pos];
    JNode *n;
    switch (c) {
    case '{': return parse_container(p, true);
    case '[': return parse_container(p, false);
    case '"':
        if (!(n = new_node(p, JN_STRING))) return NULL;
        n->valuestring = parse_string(p, p->strings);
        return n->valuestring ? n : NULL;
    case 't':
        if (!(n = new_node(p, JN_TRUE))) return NULL;
        return literal(p, "true", 4) ? n : NULL;
    case 'f':
        if (!(n = new_node(p, JN_FALSE))) return NULL;
        return literal(p, "false", 5) ? n : NULL;
    case 'n':
        if (!(n = new_node(p, JN_NULL))) return NULL;
        return literal(p, "null", 4) ? n : NULL;
    default:
        if ((unsigned char)c >= 0x80 && !utf8_sequence_length(p->s + p->pos, p->len - p->pos)) {
            fail(p, JP_BAD_UTF8, p->pos);
            return NULL;
        }
        if (c != '-' && !is_digit(c)) {
            fail(p, JP_SYNTAX, p->pos);
            return NULL;
        }
        if (!(n = new_node(p, JN_NUMBER))) return NULL;
        return parse_number(p, &n->valuedouble) ? n : NULL;
    }
}

JNode *jdom_parse(Arena *nodes, Arena *strings, const char *s, size_t len, int max_depth,
                  JParseStatus *status, size_t *err_off, bool *dup_keys) {
    Parser p = {nodes, strings, s, len, 0, 0, max_depth, JP_OK, 0, false, NULL, NULL, NULL, 0, NULL, 0};
    p.intern = arena_alloc(nodes, JDOM_INTERN * sizeof *p.intern);
    p.intern_len = arena_alloc(nodes, JDOM_INTERN);
    if (!p.intern || !p.intern_len) {
        *status = JP_OOM;
        *err_off = 0;
        *dup_keys = false;
        return NULL;
    }
    skip_ws(&p);
    JNode *root = parse_value(&p);
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
