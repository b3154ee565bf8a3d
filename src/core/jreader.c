/* jreader.c — shared machinery of the loaders; see jreader.h. */
#include "core/jreader.h"

#include "core/hash.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/idtable.h"
#include "core/scenario.h"
#include "core/utf8.h"

static const char *const TYPE_NAMES[LANG_COUNT][JT_COUNT] = {
    [LANG_FR] = {
        [JT_STRING] = "une chaîne de caractères entre guillemets",
        [JT_INT] = "un nombre entier",
        [JT_NUMBER] = "un nombre",
        [JT_BOOL] = "true ou false",
        [JT_OBJECT] = "un objet {\u00a0…\u00a0}",
        [JT_ARRAY] = "une liste [\u00a0…\u00a0]",
        [JT_TEXT] = "un texte\u202f: une chaîne, ou un objet {\"fr\": …, \"en\": …}",
        [JT_CONDITION] = "une condition (all, any, not, meter, counter, flag, after ou scene)",
        [JT_NEXT] = "un identifiant de scène ou de fin, ou une liste de routes",
        [JT_ID] = "un identifiant entre guillemets",
        [JT_ROOT] = "un objet JSON {\u00a0…\u00a0}",
    },
    [LANG_EN] = {
        [JT_STRING] = "a string in quotes",
        [JT_INT] = "an integer",
        [JT_NUMBER] = "a number",
        [JT_BOOL] = "true or false",
        [JT_OBJECT] = "an object { … }",
        [JT_ARRAY] = "a list [ … ]",
        [JT_TEXT] = "a text: a string, or an object {\"fr\": …, \"en\": …}",
        [JT_CONDITION] = "a condition (all, any, not, meter, counter, flag, after or scene)",
        [JT_NEXT] = "a scene or ending id, or a list of routes",
        [JT_ID] = "an identifier in quotes",
        [JT_ROOT] = "a JSON object { … }",
    },
};

void jreader_init(JReader *r, DiagList *dl, const char *file, Arena *arena) {
    memset(r, 0, sizeof *r);
    r->dl = dl;
    r->file = file;
    r->arena = arena;
    arena_init(&r->dom);
    json_text_init(&r->text, "", 0);
}

void jreader_free(JReader *r) {
    if (!r) return;
    json_text_free(&r->text);
    arena_release(&r->dom);
    free(r->data);
    free(r->path);
    free(r->segs);
    r->data = NULL;
    r->path = NULL;
    r->segs = NULL;
}

static Lang rlang(const JReader *r) { return r->dl->lang == LANG_EN ? LANG_EN : LANG_FR; }

const char *jreader_type_name(const JReader *r, JType t) {
    return (unsigned)t < JT_COUNT ? TYPE_NAMES[rlang(r)][t] : "";
}

/* ---- path stack ---------------------------------------------------------- */

static void path_append(JReader *r, const char *s, size_t n) {
    if (r->plen + n + 1 > r->pcap) {
        size_t cap = r->pcap ? r->pcap : 128;
        while (cap < r->plen + n + 1) cap *= 2;
        char *p = realloc(r->path, cap);
        if (!p) return; /* the path stays short; reports still name the file */
        r->path = p;
        r->pcap = cap;
    }
    memcpy(r->path + r->plen, s, n);
    r->plen += n;
    r->path[r->plen] = '\0';
}

size_t jreader_push_slow(JReader *r, const char *key, size_t index) {
    size_t mark = r->n_segs;
    if (r->n_segs == r->cap_segs) {
        size_t cap = r->cap_segs ? r->cap_segs * 2 : 32;
        JPathSeg *p = realloc(r->segs, cap * sizeof *p);
        if (!p) return mark; /* not pushed: reports name the enclosing value */
        r->segs = p;
        r->cap_segs = cap;
    }
    r->segs[r->n_segs++] = (JPathSeg){key, index};
    return mark;
}


const char *jreader_path_to(JReader *r, size_t mark) {
    return jreader_path_of(r, r->segs, mark > r->n_segs ? r->n_segs : mark);
}

const char *jreader_path_of(JReader *r, const JPathSeg *segs, size_t n_segs) {
    r->plen = 0;
    path_append(r, "", 0);
    for (size_t k = 0; k < n_segs; k++) {
        const JPathSeg *g = &segs[k];
        if (!g->key) {
            char tmp[24];
            size_t n = sizeof tmp, i = g->index;
            do {
                tmp[--n] = (char)('0' + i % 10);
                i /= 10;
            } while (i && n > 1);
            tmp[--n] = '/';
            path_append(r, tmp + n, sizeof tmp - n);
            continue;
        }
        path_append(r, "/", 1);
        const char *p = g->key;
        for (;;) { /* runs of plain characters at once, ~ and / escaped */
            size_t run = strcspn(p, "~/");
            path_append(r, p, run);
            p += run;
            if (!*p) break;
            path_append(r, *p == '~' ? "~0" : "~1", 2);
            p++;
        }
    }
    return r->path ? r->path : "";
}

/* ---- reporting ------------------------------------------------------------ */

static void report_offset(JReader *r, DiagCode code, size_t off, const char *path,
                          const char *const args[4]) {
    uint32_t line = 0, col = 0;
    json_text_linecol(&r->text, off, &line, &col);
    if (diag_default_severity(code) == DIAG_ERROR) r->errors++;
    diag_add(r->dl, code, r->file, line, col, path, args);
}

void jreader_report_at(JReader *r, DiagCode code, const char *path, bool at_key, int occurrence,
                       const char *const args[4]) {
    if (r->dl->count >= DIAG_MAX) { /* only counted: skip the costly location */
        if (diag_default_severity(code) == DIAG_ERROR) r->errors++;
        diag_add(r->dl, code, r->file, 0, 0, "", args);
        return;
    }
    size_t off = 0;
    json_text_locate(r->text.s, r->text.len, path ? path : "", at_key, occurrence, &off);
    report_offset(r, code, off, path ? path : "", args);
}

void jreader_report(JReader *r, DiagCode code, bool at_key, const char *a0, const char *a1,
                    const char *a2, const char *a3) {
    const char *args[4] = {a0, a1, a2, a3};
    jreader_report_at(r, code, jreader_path(r), at_key, 0, args);
}

void jreader_report_in(JReader *r, const char *k1, const char *k2, DiagCode code, bool at_key, const char *a0,
                       const char *a1, const char *a2, const char *a3) {
    size_t mark = jreader_push(r, k1);
    if (k2) jreader_push(r, k2);
    jreader_report(r, code, at_key, a0, a1, a2, a3);
    jreader_pop(r, mark);
}

void jreader_report_duplicate(JReader *r, const char *key, const char *first, const char *id) {
    size_t off = 0;
    uint32_t line, col;
    char num[16];
    json_text_locate(r->text.s, r->text.len, first, false, 0, &off);
    json_text_linecol(&r->text, off, &line, &col);
    snprintf(num, sizeof num, "%u", (unsigned)line);
    size_t mark = jreader_mark(r);
    if (key) jreader_push(r, key);
    jreader_report(r, DIAG_DUPLICATE_ID, false, id, num, NULL, NULL);
    jreader_pop(r, mark);
}

/* Checks the string length limit of member k1 (k2), string value `v`. */
static bool check_length(JReader *r, const char *k1, const char *k2, const JNode *v) {
    size_t n = v->len;
    if (n <= LIMIT_STRING_BYTES) return true;
    char a[24], b[24];
    snprintf(a, sizeof a, "%zu", n);
    snprintf(b, sizeof b, "%d", LIMIT_STRING_BYTES);
    jreader_report_in(r, k1, k2, DIAG_STRING_TOO_LONG, false, a, b, NULL, NULL);
    return false;
}

/* A report about the whole file, at 1:1 or without a position. */
static void report_file(JReader *r, DiagCode code, uint32_t line, uint32_t col, const char *a0,
                        const char *a1) {
    const char *args[4] = {a0, a1, NULL, NULL};
    if (diag_default_severity(code) == DIAG_ERROR) r->errors++;
    diag_add(r->dl, code, r->file, line, col, "", args);
}

/* ---- reading and parsing -------------------------------------------------- */

bool jreader_read_file(JReader *r, size_t limit) {
    char *data;
    size_t len;
    if (!diag_read_file(r->dl, r->file, limit, &data, &len)) {
        r->errors++;
        return false;
    }
    free(r->data);
    r->data = data;
    r->data_len = len;
    jreader_set_buffer(r, data, len);
    return true;
}

void jreader_set_buffer(JReader *r, const char *data, size_t len) {
    json_text_free(&r->text);
    r->raw = data;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    json_text_init(&r->text, data, len);
}

/* Reports each repeated key of one object once, at its second use. */
static void report_dup_keys(JReader *r, const JNode *node) {
    for (const JNode *a = node->child; a; a = a->next) {
        int seen = 0;
        for (const JNode *b = node->child; b != a && seen < 2; b = b->next)
            if (a->string && b->string && strcmp(a->string, b->string) == 0) seen++;
        if (seen == 1) {
            size_t mark = jreader_push(r, a->string);
            const char *args[4] = {a->string, NULL, NULL, NULL};
            jreader_report_at(r, DIAG_DUPLICATE_KEY, jreader_path(r), true, 1, args);
            jreader_pop(r, mark);
        }
    }
}

static void check_dup_tree(JReader *r, const JNode *node) {
    bool obj = jdom_is_object(node);
    if (obj && node->dup_keys) report_dup_keys(r, node);
    size_t i = 0;
    for (const JNode *c = node->child; c; c = c->next, i++) {
        if (!jdom_is_object(c) && !jdom_is_array(c)) continue;
        size_t mark = obj ? jreader_push(r, c->string ? c->string : "") : jreader_push_index(r, i);
        check_dup_tree(r, c);
        jreader_pop(r, mark);
    }
}


/* The offset of the last byte before `off` that is not JSON white space;
 * `off` itself when there is none. */
static size_t prev_nonblank(const char *s, size_t off) {
    for (size_t i = off; i > 0; i--) {
        char c = s[i - 1];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return i - 1;
    }
    return off;
}

static void describe_char(const JReader *r, const char *s, size_t len, size_t off, char *out,
                          size_t cap) {
    bool fr = rlang(r) == LANG_FR;
    if (off >= len) {
        snprintf(out, cap, "%s", fr ? "fin du fichier inattendue" : "unexpected end of file");
        return;
    }
    /* The character itself when it is printable UTF-8; otherwise its first
     * byte in hex, so that the message stays valid UTF-8. */
    unsigned char c = (unsigned char)s[off];
    size_t n = c < 0x80 ? 1 : utf8_sequence_length(s + off, len - off);
    char ch[8];
    if (n == 0 || c < 0x20 || c == 0x7F) {
        snprintf(ch, sizeof ch, "\\x%02x", (unsigned)c);
    } else {
        memcpy(ch, s + off, n);
        ch[n] = '\0';
    }
    if (fr)
        snprintf(out, cap, "caractère inattendu «\u00a0%s\u00a0»", ch);
    else
        snprintf(out, cap, "unexpected character '%s'", ch);
}

JNode *jreader_parse(JReader *r, size_t limit) {
    const char *s = r->text.s;
    size_t len = r->text.len;
    if (len > limit) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu", len);
        snprintf(b, sizeof b, "%zu", limit);
        report_file(r, DIAG_FILE_TOO_LARGE, 0, 0, a, b);
        return NULL;
    }
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    if (i == len) {
        report_file(r, DIAG_EMPTY_FILE, 0, 0, NULL, NULL);
        return NULL;
    }
    JParseStatus st;
    size_t off;
    bool dups;
    /* The content hash covers every byte of the file, BOM included. */
    r->hash = hash_content(r->raw ? r->raw : s, (size_t)(s - (r->raw ? r->raw : s)) + len);
    JNode *root = jdom_parse(&r->dom, r->arena, s, len, LIMIT_DEPTH, &st, &off, &dups);
    if (!root) {
        uint32_t line, col;
        /* A NUL byte fails any parse (it is neither a blank nor allowed in
         * a string): looked for only then, and reported first. */
        size_t at = json_text_find_nul(s, len);
        if (at < len) {
            json_text_linecol(&r->text, at, &line, &col);
            report_file(r, DIAG_BINARY, line, col, NULL, NULL);
            return NULL;
        }
        char what[96], lim[16];
        bool fr = rlang(r) == LANG_FR;
        json_text_linecol(&r->text, off, &line, &col);
        switch (st) {
        case JP_TOO_DEEP:
            snprintf(lim, sizeof lim, "%d", LIMIT_DEPTH);
            report_file(r, DIAG_TOO_DEEP, line, col, lim, NULL);
            break;
        case JP_LINE_BREAK:
            report_file(r, DIAG_JSON_SYNTAX, line, col,
                        fr ? "retour à la ligne dans un texte (écrivez \\n)" : "line break inside a string (write \\n)",
                        fr ? "Un texte se ferme par un guillemet droit sur la même ligne\u202f: ajoutez le guillemet "
                             "qui manque à la fin du texte, ou écrivez \\n pour aller à la ligne dans le texte affiché."
                           : "A text ends with a straight quote on the same line: add the missing quote at the end "
                             "of the text, or write \\n for a line break in the text shown.");
            break;
        case JP_CONTROL_CHAR:
            report_file(r, DIAG_JSON_SYNTAX, line, col,
                        fr ? "caractère de contrôle dans un texte" : "control character inside a string", NULL);
            break;
        case JP_BAD_UTF8:
            snprintf(what, sizeof what, "%02X", (unsigned)(unsigned char)s[off]);
            report_file(r, DIAG_BAD_UTF8, line, col, what, NULL);
            break;
        case JP_OOM: report_file(r, DIAG_IO, 0, 0, r->file, diag_errno_text(r->dl->lang, ENOMEM)); break;
        case JP_MISSING_COMMA: {
            uint32_t next_line = line;
            size_t end = prev_nonblank(s, off);
            if (end < off) json_text_linecol(&r->text, end + 1, &line, &col);
            snprintf(what, sizeof what,
                     fr ? "il manque une virgule ici, avant l'élément suivant (ligne %lu)"
                        : "a comma is missing here, before the next item (line %lu)",
                     (unsigned long)next_line);
            report_file(r, DIAG_JSON_SYNTAX, line, col, what,
                        fr ? "Ajoutez une virgule «\u00a0,\u00a0» à cet endroit\u202f: dans un objet ou une liste, "
                             "deux éléments se suivent toujours séparés par une virgule (jamais après le dernier)."
                           : "Add a comma \",\" at this place: in an object or a list, two items are always "
                             "separated by a comma (never after the last one).");
            break;
        }
        case JP_MISSING_COLON:
            report_file(r, DIAG_JSON_SYNTAX, line, col,
                        fr ? "il manque «\u00a0:\u00a0» entre le nom du champ et sa valeur"
                           : "a \":\" is missing between the field's name and its value",
                        fr ? "Écrivez chaque champ sous la forme «\u00a0\"nom\": valeur\u00a0»\u202f; si le texte "
                             "qui précède devait être une valeur, vérifiez ses guillemets."
                           : "Write every field as \"name\": value; if the text before was meant as a value, "
                             "check its quotes.");
            break;
        default: {
            size_t before = prev_nonblank(s, off);
            char c = off < len ? s[off] : '\0';
            if (before < off && s[before] == ',' && (c == '}' || c == ']')) {
                json_text_linecol(&r->text, before, &line, &col);
                snprintf(what, sizeof what,
                         fr ? "virgule en trop avant «\u00a0%c\u00a0»" : "extra comma before '%c'", c);
                report_file(r, DIAG_JSON_SYNTAX, line, col, what,
                            fr ? "Supprimez cette virgule\u202f: en JSON, le dernier élément d'un objet ou "
                                 "d'une liste n'est jamais suivi d'une virgule."
                               : "Remove this comma: in JSON, the last item of an object or a list is never "
                                 "followed by a comma.");
            } else if (before < off && s[before] == ',' && c == ',') {
                report_file(r, DIAG_JSON_SYNTAX, line, col, fr ? "virgule en double" : "double comma",
                            fr ? "Supprimez l'une des deux virgules." : "Remove one of the two commas.");
            } else {
                describe_char(r, s, len, off, what, sizeof what);
                report_file(r, DIAG_JSON_SYNTAX, line, col, what, NULL);
            }
            break;
        }
        }
        return NULL;
    }
    if (dups) check_dup_tree(r, root);
    return root;
}

/* ---- typed getters -------------------------------------------------------- */

bool jreader_int_value(const JNode *v, int32_t *out) {
    if (!jdom_is_number(v)) return false;
    double d = v->valuedouble;
    /* In range, the conversion truncates: equal only when integral. */
    if (!(d >= -2147483648.0 && d <= 2147483647.0) || (double)(int32_t)d != d) return false;
    *out = (int32_t)d;
    return true;
}

static inline bool type_ok(const JNode *v, JType t) {
    int32_t tmp;
    switch (t) {
    case JT_STRING:
    case JT_ID: return jdom_is_string(v);
    case JT_INT: return jreader_int_value(v, &tmp);
    case JT_NUMBER: return jdom_is_number(v);
    case JT_BOOL: return jdom_is_bool(v);
    case JT_OBJECT:
    case JT_CONDITION:
    case JT_ROOT: return jdom_is_object(v);
    case JT_ARRAY: return jdom_is_array(v);
    case JT_TEXT: return jdom_is_string(v) || jdom_is_object(v);
    case JT_NEXT: return jdom_is_string(v) || jdom_is_array(v);
    default: return false;
    }
}

bool jreader_expect(JReader *r, const JNode *v, JType t, const char *name) {
    if (type_ok(v, t)) return true;
    jreader_report(r, DIAG_WRONG_TYPE, false, name, jreader_type_name(r, t), NULL, NULL);
    return false;
}

/* jdom_get(obj, key), starting after the member found by the previous call
 * on the same object: the loaders mostly read members in the order they
 * are written. Objects with a repeated name are searched from the start
 * (the first of the same name is the answer). */
static const JNode *get_member(JReader *r, const JNode *obj, const char *key) {
    if (!obj || obj->type != JN_OBJECT) return NULL;
    const JNode *start = obj == r->hint_obj && !obj->dup_keys && r->hint_next ? r->hint_next : obj->child;
    for (const JNode *c = start; c; c = c->next)
        if (jdom_streq(c->string, key)) {
            r->hint_obj = obj;
            r->hint_next = c->next;
            return c;
        }
    for (const JNode *c = obj->child; c != start; c = c->next)
        if (jdom_streq(c->string, key)) {
            r->hint_obj = obj;
            r->hint_next = c->next;
            return c;
        }
    return NULL;
}

const JNode *jreader_get(JReader *r, const JNode *obj, const char *key, JType t, bool required) {
    return jreader_get_m(r, get_member(r, obj, key), key, t, required);
}

const JNode *jreader_get_m(JReader *r, const JNode *v, const char *key, JType t, bool required) {
    if (!v || (v->type == JN_NULL && !required)) {
        if (required) jreader_report(r, DIAG_MISSING_FIELD, false, key, NULL, NULL, NULL);
        return NULL;
    }
    if (type_ok(v, t)) return v;
    jreader_report_in(r, key, NULL, DIAG_WRONG_TYPE, false, key, jreader_type_name(r, t), NULL, NULL);
    return NULL;
}

bool jreader_int(JReader *r, const JNode *obj, const char *key, bool required, int32_t lo, int32_t hi,
                 int32_t *out) {
    return jreader_int_m(r, get_member(r, obj, key), key, required, lo, hi, out);
}

bool jreader_int_m(JReader *r, const JNode *m, const char *key, bool required, int32_t lo, int32_t hi,
                   int32_t *out) {
    const JNode *v = jreader_get_m(r, m, key, JT_INT, required);
    int32_t x;
    if (!v || !jreader_int_value(v, &x)) return false;
    if (x < lo || x > hi) {
        char given[24], range[64];
        snprintf(given, sizeof given, "%d", (int)x);
        snprintf(range, sizeof range, "%d…%d", (int)lo, (int)hi);
        jreader_report_in(r, key, NULL, DIAG_BAD_VALUE, false, key, given, range, NULL);
        return false;
    }
    *out = x;
    return true;
}


const char *jreader_str(JReader *r, const JNode *obj, const char *key, bool required, bool nonempty) {
    return jreader_str_m(r, get_member(r, obj, key), key, required, nonempty);
}

const char *jreader_str_m(JReader *r, const JNode *m, const char *key, bool required, bool nonempty) {
    const JNode *v = jreader_get_m(r, m, key, JT_STRING, required);
    if (!v || !check_length(r, key, NULL, v)) return NULL;
    if (nonempty && !v->valuestring[0]) {
        jreader_report_in(r, key, NULL, DIAG_EMPTY_STRING, false, key, NULL, NULL, NULL);
        return NULL;
    }
    return v->valuestring; /* already in r->arena */
}

bool jreader_is_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > LIMIT_ID_BYTES || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    }
    return true;
}

bool jreader_check_id(JReader *r, const char *s) {
    if (jreader_is_id(s)) return true;
    char shown[80];
    int cut = (int)utf8_prefix(s, 70);
    snprintf(shown, sizeof shown, "%.*s%s", cut, s, s[cut] ? "…" : "");
    jreader_report(r, DIAG_BAD_ID, false, shown, NULL, NULL, NULL);
    return false;
}

const char *jreader_id(JReader *r, const JNode *obj, const char *key, bool required) {
    return jreader_id_m(r, get_member(r, obj, key), key, required);
}

const char *jreader_id_m(JReader *r, const JNode *m, const char *key, bool required) {
    const JNode *v = jreader_get_m(r, m, key, JT_ID, required);
    if (!v) return NULL;
    if (jreader_is_id(v->valuestring)) return v->valuestring;
    size_t mark = jreader_push(r, key);
    jreader_check_id(r, v->valuestring);
    jreader_pop(r, mark);
    return NULL;
}

/* ---- French typography ----------------------------------------------------- */

/* The slip starting at byte i of `s` (decoded), or -1: an ordinary space
 * before ; : ! ? » or after «, or between the groups of a number
 * ("20 000"). *what is the character concerned. Only a space or a 0xC2
 * lead byte (« ») can start one. */
static inline long slip_at(const char *s, size_t i, const char **what) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2) {
        if ((unsigned char)s[i + 1] == 0xAB && s[i + 2] == ' ') {
            *what = "\xC2\xAB";
            return (long)i + 2;
        }
        return -1;
    }
    if (c != ' ' || i == 0 || s[i - 1] == ' ') return -1;
    switch (s[i + 1]) {
    case ';': *what = ";"; return (long)i;
    case ':': *what = ":"; return (long)i;
    case '!': *what = "!"; return (long)i;
    case '?': *what = "?"; return (long)i;
    default: break;
    }
    if ((unsigned char)s[i + 1] == 0xC2 && (unsigned char)s[i + 2] == 0xBB) {
        *what = "\xC2\xBB";
        return (long)i;
    }
    size_t run = 0;
    while (run < i && s[i - 1 - run] >= '0' && s[i - 1 - run] <= '9') run++;
    bool before = run >= 1 && run <= 3 && (run == i || !(s[i - 1 - run] >= '0' && s[i - 1 - run] <= '9'));
    bool after = true;
    for (size_t k = 1; k <= 3; k++) after = after && s[i + k] >= '0' && s[i + k] <= '9';
    if (before && after && !(s[i + 4] >= '0' && s[i + 4] <= '9')) {
        *what = "20 000";
        return (long)i;
    }
    return -1;
}

#if defined(__SSE2__)
/* The positions p (bit p, 0 to 16) of the block at `s` where a slip may
 * start: « followed by any byte, a space before ; : ! ? or 0xC2, a space
 * between two digits. Reads s[0] to s[17]. */
static inline unsigned slip_candidates(const char *s) {
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    const __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(s + 1));
    const __m128i z = _mm_loadu_si128((const __m128i *)(const void *)(s + 2));
    const __m128i sp = _mm_set1_epi8(' '), c2 = _mm_set1_epi8((char)0xC2), zero = _mm_set1_epi8('0'),
                  nine = _mm_set1_epi8(9);
    __m128i xs = _mm_cmpeq_epi8(x, sp);
    /* ';' is 0x3B, ':' 0x3A: one test for both. */
    __m128i punct = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(y, _mm_set1_epi8(1)), _mm_set1_epi8(';')),
                                              _mm_cmpeq_epi8(y, _mm_set1_epi8('!'))),
                                 _mm_or_si128(_mm_cmpeq_epi8(y, _mm_set1_epi8('?')), _mm_cmpeq_epi8(y, c2)));
    __m128i at_p = _mm_or_si128(_mm_and_si128(xs, punct),
                                _mm_and_si128(_mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(y, _mm_set1_epi8((char)0xAB))));
    __m128i dx = _mm_sub_epi8(x, zero), dz = _mm_sub_epi8(z, zero);
    __m128i group = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(_mm_min_epu8(dx, nine), dx), _mm_cmpeq_epi8(y, sp)),
                                  _mm_cmpeq_epi8(_mm_min_epu8(dz, nine), dz)); /* a slip at p + 1 */
    return (unsigned)_mm_movemask_epi8(at_p) | (unsigned)_mm_movemask_epi8(group) << 1;
}
#endif

long jreader_french_slip(const char *s, size_t len, const char **what) {
    /* Called on every French text a scenario holds. With SSE2, sixteen
     * positions at a time: only those where a slip may start go to
     * slip_at, in order. The loads read up to s[len], the NUL. */
#if defined(__SSE2__)
    if (len < 17) { /* short texts: one block, zero-padded */
        char buf[32] = {0};
        memcpy(buf, s, len);
        for (unsigned m = slip_candidates(buf); m; m &= m - 1) {
            long at = slip_at(buf, (size_t)__builtin_ctz(m), what);
            if (at >= 0) return at;
        }
        return -1;
    }
    size_t i = 0;
    for (;;) {
        size_t at_block = i + 17 <= len ? i : len - 17; /* the last block overlaps the one before */
        unsigned m = slip_candidates(s + at_block) & (~0u << (i - at_block));
        for (; m; m &= m - 1) {
            long at = slip_at(s, at_block + (size_t)__builtin_ctz(m), what);
            if (at >= 0) return at;
        }
        i = at_block + 16;
        if (i + 1 >= len) return -1; /* position len - 1 cannot start a slip */
    }
#else
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != ' ' && c != 0xC2) continue;
        long at = slip_at(s, i, what);
        if (at >= 0) return at;
    }
    return -1;
#endif
}

/* Raw offset in the JSON text of decoded byte `want` of the string whose
 * opening quote is at `q`. */
static size_t raw_offset(const char *t, size_t len, size_t q, size_t want) {
    size_t p = q + 1, got = 0;
    while (p < len && t[p] != '"' && got < want) {
        if (t[p] != '\\') {
            p++;
            got++;
            continue;
        }
        if (p + 1 < len && t[p + 1] == 'u' && p + 6 <= len) {
            unsigned cp = 0;
            for (size_t k = 2; k < 6; k++) {
                char h = t[p + k];
                cp = cp * 16 + (unsigned)(h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
            }
            p += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && p + 6 <= len && t[p] == '\\' && t[p + 1] == 'u') {
                p += 6;
                got += 4;
            } else {
                got += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
            }
        } else {
            p += 2;
            got++;
        }
    }
    return p;
}

/* Warns (french-typography) about the first slip in the French text `v`,
 * member `k1` (then `k2`) of the current path, at its line and column. */
static void check_french(JReader *r, const char *k1, const char *k2, const JNode *v) {
    const char *what = NULL;
    long at = jreader_french_slip(v->valuestring, v->len, &what);
    if (at < 0 || r->dl->count >= DIAG_MAX) return;
    size_t mark = jreader_push(r, k1);
    if (k2) jreader_push(r, k2);
    const char *path = jreader_path(r);
    size_t q = 0;
    json_text_locate(r->text.s, r->text.len, path, false, 0, &q);
    size_t off = q < r->text.len && r->text.s[q] == '"' ? raw_offset(r->text.s, r->text.len, q, (size_t)at) : q;
    /* The words around the slip, cut on character boundaries. */
    const char *s = v->valuestring;
    size_t from = at > 24 ? (size_t)at - 24 : 0, to = (size_t)at + 24;
    while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80) from--;
    size_t n = strlen(s);
    if (to > n) to = n;
    while (to < n && ((unsigned char)s[to] & 0xC0) == 0x80) to++;
    char excerpt[80];
    snprintf(excerpt, sizeof excerpt, "%s%.*s%s", from ? "…" : "", (int)(to - from), s + from, to < n ? "…" : "");
    const char *args[4] = {what, excerpt, NULL, NULL};
    report_offset(r, DIAG_FRENCH_TYPOGRAPHY, off, path, args);
    jreader_pop(r, mark);
}

bool jreader_text(JReader *r, const JNode *obj, const char *key, bool required, bool proper,
                  LocStr *out) {
    return jreader_text_m(r, get_member(r, obj, key), key, required, proper, out);
}

bool jreader_text_m(JReader *r, const JNode *m, const char *key, bool required, bool proper, LocStr *out) {
    memset(out, 0, sizeof *out);
    const JNode *v = jreader_get_m(r, m, key, JT_TEXT, required);
    if (!v) return false;
    if (v->type == JN_STRING) {
        if (!check_length(r, key, NULL, v)) return false;
        if (!v->valuestring[0]) {
            jreader_report_in(r, key, NULL, DIAG_EMPTY_STRING, false, key, NULL, NULL, NULL);
            return false;
        }
        out->s[LANG_FR] = v->valuestring;
        check_french(r, key, NULL, v);
        if (r->want_en && !proper) jreader_report_in(r, key, NULL, DIAG_MISSING_TRANSLATION, false, "en", NULL, NULL, NULL);
        return true;
    }
    bool ok = true, has_fr = false, has_en = false;
    for (const JNode *c = v->child; c; c = c->next) {
        const char *k = c->string;
        Lang l = k[0] == 'f' && k[1] == 'r' && !k[2] ? LANG_FR : k[0] == 'e' && k[1] == 'n' && !k[2] ? LANG_EN : LANG_COUNT;
        has_fr |= l == LANG_FR;
        has_en |= l == LANG_EN;
        if (l == LANG_COUNT) {
            jreader_report_in(r, key, k, DIAG_UNKNOWN_LANGUAGE, true, k, NULL, NULL, NULL);
        } else if (c->type != JN_STRING) {
            jreader_report_in(r, key, k, DIAG_WRONG_TYPE, false, k, jreader_type_name(r, JT_STRING), NULL, NULL);
            ok = false;
        } else if (!check_length(r, key, k, c)) {
            ok = false;
        } else if (!c->valuestring[0]) {
            jreader_report_in(r, key, k, DIAG_EMPTY_STRING, false, key, NULL, NULL, NULL);
            ok = false;
        } else if (!out->s[l]) {
            out->s[l] = c->valuestring;
            if (l == LANG_FR) check_french(r, key, k, c);
        }
    }
    if (!has_fr) {
        jreader_report_in(r, key, NULL, DIAG_MISSING_FRENCH, false, NULL, NULL, NULL, NULL);
        ok = false;
    } else if (r->want_en && !has_en) {
        jreader_report_in(r, key, NULL, DIAG_MISSING_TRANSLATION, false, "en", NULL, NULL, NULL);
    }
    return ok;
}

int jreader_enum(JReader *r, const JNode *obj, const char *key, bool required,
                 const char *const *names, int dflt) {
    return jreader_enum_m(r, get_member(r, obj, key), key, required, names, dflt);
}

int jreader_enum_m(JReader *r, const JNode *m, const char *key, bool required, const char *const *names,
                   int dflt) {
    const JNode *v = jreader_get_m(r, m, key, JT_STRING, required);
    if (!v) return m ? -1 : dflt;
    for (int i = 0; names[i]; i++)
        if (strcmp(v->valuestring, names[i]) == 0) return i;
    char list[256] = "";
    size_t n = 0;
    for (int i = 0; names[i]; i++)
        n += (size_t)snprintf(list + n, n < sizeof list ? sizeof list - n : 0, "%s%s", i ? ", " : "", names[i]);
    char given[80];
    int cut = (int)utf8_prefix(v->valuestring, 70);
    snprintf(given, sizeof given, "\"%.*s%s\"", cut, v->valuestring, v->valuestring[cut] ? "…" : "");
    size_t mark = jreader_push(r, key);
    jreader_report(r, DIAG_BAD_VALUE, false, key, given, list, NULL);
    jreader_pop(r, mark);
    return -1;
}

/* Edit distance, bounded: returns max + 1 as soon as it must exceed `max`. */
static size_t edit_distance(const char *a, const char *b, size_t max) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return max + 1;
    if ((la > lb ? la - lb : lb - la) > max) return max + 1;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++) prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            if (cur[j] < best) best = cur[j];
        }
        if (best > max) return max + 1;
        memcpy(prev, cur, (lb + 1) * sizeof prev[0]);
    }
    return prev[lb];
}

/* Whether `w` (len bytes) is one of the words of `id` (split at - and _). */
static bool has_word(const char *id, const char *w, size_t len) {
    for (const char *p = id; *p;) {
        size_t k = strcspn(p, "-_");
        if (k == len && memcmp(p, w, len) == 0) return true;
        p += k;
        if (*p) p++;
    }
    return false;
}

/* How many words of four letters or more `word` and `cand` share. */
static size_t shared_words(const char *word, const char *cand) {
    size_t count = 0;
    for (const char *p = word; *p;) {
        size_t k = strcspn(p, "-_");
        if (k >= 4 && has_word(cand, p, k)) count++;
        p += k;
        if (*p) p++;
    }
    return count;
}

const char *jreader_suggest(const char *word, const void *first, size_t n, size_t stride) {
    size_t len = strlen(word);
    size_t max = len <= 3 ? 1 : 2;
    const char *best = NULL;
    size_t best_d = max + 1;
    for (size_t i = 0; i < n; i++) {
        const char *cand = *(const char *const *)(const void *)((const char *)first + i * stride);
        if (!cand) continue;
        size_t d = edit_distance(word, cand, max);
        if (d < best_d) {
            best_d = d;
            best = cand;
        }
    }
    if (best) return best;
    size_t best_shared = 0;
    bool tie = false;
    for (size_t i = 0; i < n; i++) {
        const char *cand = *(const char *const *)(const void *)((const char *)first + i * stride);
        size_t k = cand ? shared_words(word, cand) : 0;
        if (k > best_shared) {
            best_shared = k;
            best = cand;
            tie = false;
        } else if (k > 0 && k == best_shared) {
            tie = true;
        }
    }
    return tie ? NULL : best;
}

void jreader_check_keys(JReader *r, const JNode *obj, const char *const *allowed) {
    jreader_members(r, obj, allowed, NULL);
}

void jreader_members(JReader *r, const JNode *obj, const char *const *allowed, const JNode **found) {
    for (const JNode *c = obj->child; c; c = c->next) {
        uintptr_t h = ((uintptr_t)c->string >> 4) ^ ((uintptr_t)allowed >> 3) * 0x9E3779B1u; /* names: 16-byte aligned */
        h ^= h >> 9;
        JKeyMemo *m = &r->memo[h & (JREADER_MEMO - 1)];
        int k;
        if (m->name == c->string && m->list == allowed) {
            k = m->index;
        } else {
            k = -1;
            for (int i = 0; allowed[i] && k < 0; i++)
                if (jdom_streq(c->string, allowed[i])) k = i;
            *m = (JKeyMemo){c->string, allowed, k};
        }
        if (k >= 0) {
            if (found && !found[k]) found[k] = c; /* the first of that name */
            continue;
        }
        size_t n_allowed = 0;
        while (allowed[n_allowed]) n_allowed++;
        const char *hint = jreader_suggest(c->string, allowed, n_allowed, sizeof allowed[0]);
        char shown[80];
        int cut = (int)utf8_prefix(c->string, 70);
        snprintf(shown, sizeof shown, "%.*s%s", cut, c->string, c->string[cut] ? "…" : "");
        jreader_report_in(r, c->string, NULL, DIAG_UNKNOWN_FIELD, true, shown, hint, NULL, NULL);
    }
}
