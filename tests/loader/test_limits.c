/* test_limits.c — every documented loader limit (docs/limits.md): a
 * generated scenario exactly at the limit loads without error, and one
 * step past it is rejected with the expected diagnostic (never cut). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/scenario.h"

static int failures;

typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Buf *b, const char *fmt, ...) {
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = b->cap * 2 + (size_t)n + 64;
        b->s = realloc(b->s, b->cap);
        if (!b->s) abort();
    }
}

/* What to generate: counts of each kind of element. */
typedef struct Shape {
    int scenes, choices, endings, meters, flags, counters, events, characters, competencies;
    int outcomes, routes, cond_nodes, nots;
    size_t text_bytes, id_bytes, pad_to;
} Shape;

static Shape base_shape(void) {
    Shape s = {2, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 10, 2, 0};
    return s;
}

static char *scene_id(int i, size_t id_bytes, char *buf) {
    if (i == 0) {
        memset(buf, 'x', id_bytes);
        buf[0] = 's';
        buf[id_bytes] = '\0';
    } else {
        sprintf(buf, "s%d", i);
    }
    return buf;
}

static char *generate(const Shape *sh, size_t *len) {
    Buf b = {malloc(4096), 0, 4096};
    if (!b.s) abort();
    put(&b, "{\"format\": 1, \"id\": \"limits\", \"version\": \"1\", \"title\": \"T\", \"summary\": \"S\", "
            "\"sector\": \"X\", \"level\": 1, \"minutes\": 5, \"languages\": [\"fr\"], \"authors\": [\"a\"], "
            "\"licence\": \"CC0-1.0\", \"tool\": {\"name\": \"N\", \"description\": \"D\", \"kind\": \"other\", "
            "\"provider\": \"P\", \"risk\": \"minimal\"}, \"role\": \"R\", \"context\": \"C\",\n\"competencies\": [");
    for (int i = 0; i < sh->competencies; i++) put(&b, "%s\"c%d\"", i ? ", " : "", i);
    put(&b, "],\n\"meters\": [");
    for (int i = 0; i < sh->meters; i++)
        put(&b, "%s{\"id\": \"m%d\", \"label\": \"M\", \"min\": 0, \"max\": 10, \"initial\": 5, \"good\": \"high\"}",
            i ? ", " : "", i);
    put(&b, "],\n\"flags\": [");
    for (int i = 0; i < sh->flags; i++) put(&b, "%s{\"id\": \"f%d\"}", i ? ", " : "", i);
    put(&b, "],\n\"counters\": [");
    for (int i = 0; i < sh->counters; i++) put(&b, "%s{\"id\": \"k%d\"}", i ? ", " : "", i);
    put(&b, "],\n\"characters\": [");
    for (int i = 0; i < sh->characters; i++) put(&b, "%s{\"id\": \"p%d\", \"name\": \"P\"}", i ? ", " : "", i);
    char id[128];
    put(&b, "],\n\"start\": \"%s\",\n\"scenes\": [\n", scene_id(0, sh->id_bytes, id));
    int hubs = (sh->endings + 7) / 8;
    for (int s = 0; s < sh->scenes; s++) {
        char next[128];
        if (s + 1 < sh->scenes)
            scene_id(s + 1, sh->id_bytes, next);
        else
            strcpy(next, "h0");
        put(&b, "{\"id\": \"%s\", \"text\": \"", scene_id(s, sh->id_bytes, id));
        for (size_t k = 0; k < (s == 0 ? sh->text_bytes : 1); k++) put(&b, "a");
        put(&b, "\", \"choices\": [");
        int n = s == 0 ? sh->choices : 1;
        for (int c = 0; c < n; c++) {
            put(&b, "%s{\"id\": \"c%d\", \"text\": \"C\", \"feedback\": {\"text\": \"F\"}", c ? ", " : "", c);
            if (s == 0 && c == 0 && sh->cond_nodes > 0) {
                put(&b, ", \"unavailable\": \"hide\", \"condition\": {\"all\": [");
                for (int k = 0; k + 1 < sh->cond_nodes; k++)
                    put(&b, "%s{\"counter\": \"k0\", \"op\": \">=\", \"value\": %d}", k ? ", " : "", k);
                put(&b, "]}");
            }
            if (s == 0 && c == 0 && sh->nots > 0) {
                put(&b, ", \"unavailable\": \"hide\", \"condition\": ");
                for (int k = 0; k < sh->nots; k++) put(&b, "{\"not\": ");
                put(&b, "{\"counter\": \"k0\", \"op\": \"==\", \"value\": 1}");
                for (int k = 0; k < sh->nots; k++) put(&b, "}");
            }
            if (s == 0 && c == 0 && sh->outcomes > 0) {
                put(&b, ", \"chance\": [");
                for (int k = 0; k < sh->outcomes; k++)
                    put(&b, "%s{\"id\": \"o%d\", \"probability\": %.9f}", k ? ", " : "", k, 1.0 / sh->outcomes);
                put(&b, "]");
            }
            if (s == 0 && c == 0) {
                put(&b, ", \"next\": [");
                for (int k = 0; k + 1 < sh->routes; k++)
                    put(&b, "{\"if\": {\"counter\": \"k0\", \"op\": \"==\", \"value\": %d}, \"goto\": \"%s\"}, ", k, next);
                put(&b, "{\"goto\": \"%s\"}]}", next);
            } else {
                put(&b, ", \"next\": \"%s\"}", next);
            }
        }
        put(&b, "]},\n");
    }
    /* Hubs reach every ending, eight per hub, then the next hub. */
    for (int h = 0; h < hubs; h++) {
        put(&b, "{\"id\": \"h%d\", \"text\": \"H\", \"choices\": [", h);
        int first = h * 8, last = first + 8 < sh->endings ? first + 8 : sh->endings;
        for (int e = first; e < last; e++)
            put(&b, "%s{\"id\": \"e%d\", \"text\": \"E\", \"feedback\": {\"text\": \"F\"}, \"next\": \"end%d\"}",
                e > first ? ", " : "", e, e);
        if (h + 1 < hubs)
            put(&b, ", {\"id\": \"more\", \"text\": \"M\", \"feedback\": {\"text\": \"F\"}, \"next\": \"h%d\"}", h + 1);
        put(&b, "]}%s\n", h + 1 < hubs ? "," : "");
    }
    put(&b, "],\n\"events\": [");
    for (int i = 0; i < sh->events; i++)
        put(&b, "%s{\"id\": \"v%d\", \"when\": {\"after\": 1}, \"text\": \"V\"}", i ? ", " : "", i);
    put(&b, "],\n\"endings\": [");
    for (int i = 0; i < sh->endings; i++)
        put(&b, "%s{\"id\": \"end%d\", \"title\": \"E\", \"text\": \"E\", \"tone\": \"mixed\"}", i ? ", " : "", i);
    put(&b, "]}\n");
    while (b.len < sh->pad_to) put(&b, "%s", b.len + 64 <= sh->pad_to ? "                                                                " : " ");
    *len = b.len;
    return b.s;
}

/* Loads the shape; `want` is DIAG_CODE_COUNT for "no error". */
static void check(const char *what, const Shape *sh, DiagCode want) {
    size_t len;
    char *text = generate(sh, &len);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Scenario *sc = scenario_load_buffer("limits.json", text, len, NULL, &dl);
    bool ok;
    if (want == DIAG_CODE_COUNT) {
        ok = sc != NULL && dl.errors == 0;
    } else {
        ok = sc == NULL && dl.errors > 0;
        bool found = false;
        for (size_t i = 0; i < dl.count; i++)
            if (dl.items[i].code == want && dl.items[i].line > 0) found = true;
        ok = ok && found;
    }
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s: expected %s\n", what, want == DIAG_CODE_COUNT ? "no error" : diag_slug(want));
        for (size_t i = 0; i < dl.count && i < 8; i++)
            fprintf(stderr, "  %s %u:%u %s %s\n", diag_slug(dl.items[i].code), dl.items[i].line, dl.items[i].col,
                    dl.items[i].path, dl.items[i].message);
    }
    scenario_free(sc);
    diag_list_free(&dl);
    free(text);
}

#define AT_AND_PAST(field, limit, code)                                 \
    do {                                                                \
        Shape s_ = base_shape();                                        \
        s_.field = (limit);                                             \
        check(#field " at its limit", &s_, DIAG_CODE_COUNT);            \
        s_.field = (limit) + 1;                                         \
        check(#field " past its limit", &s_, code);                     \
    } while (0)

int main(void) {
    Shape s = base_shape();
    check("base", &s, DIAG_CODE_COUNT);
    AT_AND_PAST(scenes, LIMIT_SCENES - 1, DIAG_LIMIT); /* plus the hub scene */
    AT_AND_PAST(choices, LIMIT_CHOICES, DIAG_LIMIT);
    AT_AND_PAST(endings, LIMIT_ENDINGS, DIAG_LIMIT);
    AT_AND_PAST(meters, LIMIT_METERS, DIAG_LIMIT);
    AT_AND_PAST(flags, LIMIT_FLAGS, DIAG_LIMIT);
    AT_AND_PAST(counters, LIMIT_COUNTERS, DIAG_LIMIT);
    AT_AND_PAST(events, LIMIT_EVENTS, DIAG_LIMIT);
    AT_AND_PAST(characters, LIMIT_CHARACTERS, DIAG_LIMIT);
    AT_AND_PAST(competencies, LIMIT_COMPETENCIES, DIAG_LIMIT);
    AT_AND_PAST(outcomes, LIMIT_OUTCOMES, DIAG_LIMIT);
    AT_AND_PAST(routes, LIMIT_ROUTES, DIAG_LIMIT);
    AT_AND_PAST(cond_nodes, LIMIT_COND_NODES, DIAG_LIMIT);
    AT_AND_PAST(text_bytes, LIMIT_STRING_BYTES, DIAG_STRING_TOO_LONG);
    AT_AND_PAST(id_bytes, LIMIT_ID_BYTES, DIAG_BAD_ID);
    /* Nesting: the condition starts at depth 6 (root, scenes, scene,
     * choices, choice, condition); each `not` adds one. */
    AT_AND_PAST(nots, LIMIT_DEPTH - 6, DIAG_TOO_DEEP);
    s = base_shape();
    s.pad_to = LIMIT_FILE_BYTES;
    check("file size at its limit", &s, DIAG_CODE_COUNT);
    s.pad_to = (size_t)LIMIT_FILE_BYTES + 1;
    size_t len;
    char *text = generate(&s, &len);
    DiagList dl;
    diag_list_init(&dl, LANG_FR);
    Scenario *sc = scenario_load_buffer("big.json", text, len, NULL, &dl);
    if (sc || dl.count != 1 || dl.items[0].code != DIAG_FILE_TOO_LARGE) {
        failures++;
        fprintf(stderr, "FAIL file size past its limit\n");
    }
    scenario_free(sc);
    diag_list_free(&dl);
    free(text);
    if (failures) {
        fprintf(stderr, "%d limit check(s) failed\n", failures);
        return 1;
    }
    puts("test_limits: every limit holds at its value and is reported one past it");
    return 0;
}
