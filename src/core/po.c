/* po.c — the gettext PO reader for the interface catalogues; see po.h and
 * docs/translating.md (why a reader of our own rather than libgettextpo).
 *
 * Line-oriented: an entry is a run of keyword lines (msgctxt, msgid,
 * msgstr), each with a quoted string that may continue on the next lines,
 * ended by a blank line, a comment or the next entry's first keyword. */
#include "core/po.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* What went wrong on a line, in both languages (argument {0} of po-syntax). */
typedef enum PoProblem {
    PO_P_NUL,
    PO_P_CONTINUATION,
    PO_P_KEYWORD,
    PO_P_PLURAL,
    PO_P_NO_QUOTE,
    PO_P_UNTERMINATED,
    PO_P_ESCAPE,
    PO_P_TRAILING,
    PO_P_ORDER,
    PO_P_REPEATED,
    PO_P_NO_MSGID,
    PO_P_NO_MSGSTR,
    PO_P_COUNT
} PoProblem;

static const char *const PROBLEM_TEXT[PO_P_COUNT][LANG_COUNT] = {
    [PO_P_NUL] = {"octet nul dans le fichier", "NUL byte in the file"},
    [PO_P_CONTINUATION] = {"une ligne entre guillemets ne suit aucun mot-clé",
                           "a quoted line does not follow any keyword"},
    [PO_P_KEYWORD] = {"mot-clé inconnu (attendu msgctxt, msgid ou msgstr)",
                      "unknown keyword (expected msgctxt, msgid or msgstr)"},
    [PO_P_PLURAL] = {"les formes plurielles (msgid_plural, msgstr[n]) ne sont pas utilisées par Enjeux",
                     "plural forms (msgid_plural, msgstr[n]) are not used by Enjeux"},
    [PO_P_NO_QUOTE] = {"un texte entre guillemets droits \" doit suivre le mot-clé",
                       "a text in straight double quotes \" must follow the keyword"},
    [PO_P_UNTERMINATED] = {"guillemet fermant manquant", "missing closing quote"},
    [PO_P_ESCAPE] = {"séquence d'échappement inconnue (permises\u202f: \\n \\t \\\" \\\\)",
                     "unknown escape sequence (allowed: \\n \\t \\\" \\\\)"},
    [PO_P_TRAILING] = {"texte après le guillemet fermant", "text after the closing quote"},
    [PO_P_ORDER] = {"msgctxt doit précéder msgid, et msgid précéder msgstr",
                    "msgctxt must come before msgid, and msgid before msgstr"},
    [PO_P_REPEATED] = {"mot-clé répété dans la même entrée", "keyword repeated in the same entry"},
    [PO_P_NO_MSGID] = {"entrée sans msgid", "entry without msgid"},
    [PO_P_NO_MSGSTR] = {"entrée sans msgstr", "entry without msgstr"},
};

typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

typedef enum Field { F_NONE, F_CTXT, F_ID, F_STR } Field;

typedef struct Parser {
    const char *file;
    DiagList *dl;
    PoCatalog *cat;
    size_t cap;
    bool oom;
    /* the entry being read */
    Buf part[4]; /* indexed by Field */
    bool has[4];
    Field field;
    uint32_t line;
    bool fuzzy, bad, started;
} Parser;

static bool buf_put(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) return false;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return true;
}

static void problem(Parser *p, uint32_t line, uint32_t col, PoProblem what) {
    const char *args[4] = {PROBLEM_TEXT[what][p->dl->lang < LANG_COUNT ? p->dl->lang : LANG_FR], NULL, NULL, NULL};
    diag_add(p->dl, DIAG_PO_SYNTAX, p->file, line, col, "", args);
    p->bad = true;
}

static void entry_reset(Parser *p) {
    for (int i = 0; i < 4; i++) {
        p->part[i].len = 0;
        if (p->part[i].s) p->part[i].s[0] = '\0';
        p->has[i] = false;
    }
    p->field = F_NONE;
    p->fuzzy = p->bad = p->started = false;
    p->line = 0;
}

static const char *part_text(const Parser *p, Field f) {
    return p->part[f].s ? p->part[f].s : "";
}

/* The header's "Language: xx" line. */
static void read_header(Parser *p) {
    const char *h = part_text(p, F_STR);
    for (const char *l = h; l && *l;) {
        const char *end = strchr(l, '\n');
        size_t n = end ? (size_t)(end - l) : strlen(l);
        if (n > 9 && strncmp(l, "Language:", 9) == 0) {
            const char *v = l + 9;
            while (*v == ' ') v++;
            size_t vn = n - (size_t)(v - l);
            while (vn && v[vn - 1] == ' ') vn--;
            const char *copy = arena_strndup(&p->cat->arena, v, vn);
            if (copy) p->cat->language = copy;
            else p->oom = true;
        }
        l = end ? end + 1 : NULL;
    }
}

static void entry_end(Parser *p) {
    if (!p->started) {
        p->fuzzy = false;
        return;
    }
    if (!p->bad && !p->has[F_ID]) problem(p, p->line, 1, PO_P_NO_MSGID);
    if (!p->bad && !p->has[F_STR]) problem(p, p->line, 1, PO_P_NO_MSGSTR);
    if (p->bad) {
        entry_reset(p);
        return;
    }
    if (!p->has[F_CTXT]) {
        if (p->part[F_ID].len == 0) {
            read_header(p);
        } else {
            const char *args[4] = {part_text(p, F_ID), NULL, NULL, NULL};
            diag_add(p->dl, DIAG_PO_NO_KEY, p->file, p->line, 1, "", args);
        }
        entry_reset(p);
        return;
    }
    if (p->cat->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 128;
        PoEntry *e = realloc(p->cat->entries, cap * sizeof *e);
        if (!e) {
            p->oom = true;
            entry_reset(p);
            return;
        }
        p->cat->entries = e;
        p->cap = cap;
    }
    PoEntry *e = &p->cat->entries[p->cat->count];
    e->key = arena_strndup(&p->cat->arena, part_text(p, F_CTXT), p->part[F_CTXT].len);
    e->source = arena_strndup(&p->cat->arena, part_text(p, F_ID), p->part[F_ID].len);
    e->text = arena_strndup(&p->cat->arena, part_text(p, F_STR), p->part[F_STR].len);
    e->line = p->line;
    e->fuzzy = p->fuzzy;
    if (e->key && e->source && e->text) p->cat->count++;
    else p->oom = true;
    entry_reset(p);
}

/* Reads the quoted string starting at s[*i] (after blanks) and appends it,
 * unescaped, to the current field. */
static void read_string(Parser *p, const char *s, size_t n, size_t i, uint32_t line) {
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i >= n || s[i] != '"') {
        problem(p, line, (uint32_t)i + 1, PO_P_NO_QUOTE);
        return;
    }
    i++;
    Buf *b = &p->part[p->field];
    size_t run = i;
    for (;;) {
        if (i >= n) {
            problem(p, line, (uint32_t)i + 1, PO_P_UNTERMINATED);
            return;
        }
        if (s[i] == '"') break;
        if (s[i] != '\\') {
            i++;
            continue;
        }
        if (!buf_put(b, s + run, i - run)) p->oom = true;
        char c = i + 1 < n ? s[i + 1] : '\0';
        const char *out = c == 'n' ? "\n" : c == 't' ? "\t" : c == '"' ? "\"" : c == '\\' ? "\\" : c == 'r' ? "\r" : NULL;
        if (!out) {
            problem(p, line, (uint32_t)i + 1, PO_P_ESCAPE);
            return;
        }
        if (!buf_put(b, out, 1)) p->oom = true;
        i += 2;
        run = i;
    }
    if (!buf_put(b, s + run, i - run)) p->oom = true;
    for (i++; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t') {
            problem(p, line, (uint32_t)i + 1, PO_P_TRAILING);
            return;
        }
}

static void keyword_line(Parser *p, const char *s, size_t n, size_t i, uint32_t line) {
    size_t k = i;
    while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || s[k] == '_' || s[k] == '[' || s[k] == ']' ||
                     (s[k] >= '0' && s[k] <= '9')))
        k++;
    size_t kl = k - i;
    const char *kw = s + i;
    Field f = F_NONE;
    if (kl == 7 && memcmp(kw, "msgctxt", 7) == 0) f = F_CTXT;
    else if (kl == 5 && memcmp(kw, "msgid", 5) == 0) f = F_ID;
    else if (kl == 6 && memcmp(kw, "msgstr", 6) == 0) f = F_STR;
    else if ((kl == 12 && memcmp(kw, "msgid_plural", 12) == 0) || (kl > 7 && memcmp(kw, "msgstr[", 7) == 0)) {
        if (!p->started) p->line = line;
        p->started = true;
        problem(p, line, (uint32_t)i + 1, PO_P_PLURAL);
        p->field = F_NONE;
        return;
    }
    if (f == F_NONE) {
        if (!p->started) p->line = line;
        p->started = true;
        problem(p, line, (uint32_t)i + 1, PO_P_KEYWORD);
        p->field = F_NONE;
        return;
    }
    /* A msgctxt or msgid after a msgstr starts the next entry. */
    if (f != F_STR && p->has[F_STR]) entry_end(p);
    if (!p->started) p->line = line;
    p->started = true;
    if (p->has[f]) {
        problem(p, line, (uint32_t)i + 1, PO_P_REPEATED);
    } else if ((f == F_CTXT && (p->has[F_ID] || p->has[F_STR])) || (f == F_STR && !p->has[F_ID])) {
        problem(p, line, (uint32_t)i + 1, PO_P_ORDER);
    }
    p->has[f] = true;
    p->field = f;
    if (!p->part[f].s && !buf_put(&p->part[f], "", 0)) p->oom = true;
    read_string(p, s, n, k, line);
}

static void comment_line(Parser *p, const char *s, size_t n) {
    /* A comment after a complete entry ends it; comments before an entry
     * belong to it. */
    if (p->has[F_STR]) entry_end(p);
    if (n >= 2 && s[1] == ',') {
        for (size_t i = 2; i + 5 <= n; i++)
            if (memcmp(s + i, "fuzzy", 5) == 0) p->fuzzy = true;
    }
    p->field = F_NONE;
}

static int cmp_entry(const void *a, const void *b) {
    const PoEntry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Sorts by key and drops duplicates (the first in the file is kept). */
static void sort_and_dedupe(Parser *p) {
    PoCatalog *cat = p->cat;
    if (cat->count == 0) return;
    qsort(cat->entries, cat->count, sizeof *cat->entries, cmp_entry);
    size_t o = 1;
    for (size_t i = 1; i < cat->count; i++) {
        if (strcmp(cat->entries[i].key, cat->entries[o - 1].key) == 0) {
            char first[16];
            snprintf(first, sizeof first, "%u", (unsigned)cat->entries[o - 1].line);
            const char *args[4] = {cat->entries[i].key, first, NULL, NULL};
            diag_add(p->dl, DIAG_PO_DUPLICATE, p->file, cat->entries[i].line, 1, "", args);
            continue;
        }
        cat->entries[o++] = cat->entries[i];
    }
    cat->count = o;
}

/* True when the text is valid UTF-8 without NUL bytes; reports the first
 * fault otherwise. */
static bool check_text(Parser *p, const char *text, size_t len) {
    uint32_t line = 1, col = 1;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0) {
            problem(p, line, col, PO_P_NUL);
            return false;
        }
        if (c < 0x80) {
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i++;
            continue;
        }
        size_t n = utf8_sequence_length(text + i, len - i);
        if (n == 0) {
            char hex[4];
            snprintf(hex, sizeof hex, "%02X", c);
            const char *args[4] = {hex, NULL, NULL, NULL};
            diag_add(p->dl, DIAG_BAD_UTF8, p->file, line, col, "", args);
            return false;
        }
        i += n;
        col++;
    }
    return true;
}

PoCatalog *po_parse(const char *text, size_t len, const char *file, DiagList *dl) {
    PoCatalog *cat = calloc(1, sizeof *cat);
    if (!cat) return NULL;
    arena_init(&cat->arena);
    cat->language = "";
    Parser p = {.file = file, .dl = dl, .cat = cat};
    if (!check_text(&p, text, len)) return cat;
    uint32_t line = 0;
    for (size_t pos = 0; pos < len && !p.oom;) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl ? 1 : 0);
        line++;
        if (n && s[n - 1] == '\r') n--;
        size_t i = 0;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
        if (i == n) {
            entry_end(&p);
        } else if (s[i] == '#') {
            /* "#~" lines are obsolete entries: comments for the reader. */
            comment_line(&p, s + i, n - i);
        } else if (s[i] == '"') {
            if (p.field == F_NONE) {
                if (!p.bad) {
                    if (!p.started) p.line = line;
                    p.started = true;
                    problem(&p, line, (uint32_t)i + 1, PO_P_CONTINUATION);
                }
            } else if (!p.bad) {
                read_string(&p, s, n, i, line);
            }
        } else {
            keyword_line(&p, s, n, i, line);
        }
    }
    entry_end(&p);
    for (int i = 0; i < 4; i++) free(p.part[i].s);
    if (p.oom) {
        po_free(cat);
        return NULL;
    }
    sort_and_dedupe(&p);
    return cat;
}

PoCatalog *po_load(const char *path, DiagList *dl) {
    char *data = NULL;
    size_t len = 0;
    if (!diag_read_file(dl, path, PO_MAX_BYTES, &data, &len)) return NULL;
    PoCatalog *cat = po_parse(data, len, path, dl);
    free(data);
    return cat;
}

const PoEntry *po_find(const PoCatalog *cat, const char *key) {
    if (!cat || !key) return NULL;
    size_t lo = 0, hi = cat->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cat->entries[mid].key, key);
        if (c == 0) return &cat->entries[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

void po_free(PoCatalog *cat) {
    if (!cat) return;
    arena_release(&cat->arena);
    free(cat->entries);
    free(cat);
}
