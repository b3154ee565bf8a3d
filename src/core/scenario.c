/* scenario.c — the scenario loader: JSON text to the read-only tables of
 * scenario.h, every id resolved to an index, conditions compiled, every
 * structural and reference problem reported with its line and column. The
 * whole-scenario checks (graph, flags, competencies) are in validate.c. */
#include "core/scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/framework.h"
#include "core/fsutil.h"
#include "core/idtable.h"
#include "core/jreader.h"
#include "core/scenario_load.h"

/* Address of the first id of a table, for lookups and suggestions over
 * (ids, count, stride); NULL for an empty table, which may be unallocated. */
#define FIRST_ID(table, count) ((count) ? &(table)[0].id : NULL)

static const char *const TOP_KEYS[] = {
    "$schema", "format", "id", "version", "title", "summary", "sector", "level", "minutes",
    "languages", "authors", "licence", "framework", "competencies", "tool", "role", "context",
    "meters", "flags", "counters", "characters", "start", "scenes", "events", "endings", NULL};
static const char *const TOOL_KEYS[] = {"name", "description", "kind", "provider", "risk", "risk_note", NULL};
static const char *const METER_KEYS[] = {"id", "label", "description", "min", "max", "initial", "good", NULL};
static const char *const FLAG_KEYS[] = {"id", "description", "initial", NULL};
static const char *const CHARACTER_KEYS[] = {"id", "name", "role", "portrait", "portrait_alt", NULL};
/* The lists read member by member (jreader_members), with the index of
 * each name in its list. */
static const char *const SCENE_KEYS[] = {"id", "act", "title", "speaker", "image", "image_alt", "text",
                                         "debrief", "choices", NULL};
enum { SC_ID, SC_ACT, SC_TITLE, SC_SPEAKER, SC_IMAGE, SC_IMAGE_ALT, SC_TEXT, SC_DEBRIEF, SC_CHOICES, SC_N };
static const char *const CHOICE_KEYS[] = {"id", "text", "condition", "unavailable", "reason", "effects",
                                          "feedback", "next", "chance", NULL};
enum { CH_ID, CH_TEXT, CH_CONDITION, CH_UNAVAILABLE, CH_REASON, CH_EFFECTS, CH_FEEDBACK, CH_NEXT, CH_CHANCE, CH_N };
static const char *const OUTCOME_KEYS[] = {"id", "probability", "effects", "feedback", "next", NULL};
enum { OC_ID, OC_PROBABILITY, OC_EFFECTS, OC_FEEDBACK, OC_NEXT, OC_N };
static const char *const EFFECT_KEYS[] = {"meters", "flags", "counters", "evidence", "schedule", NULL};
static const char *const EFFECT_KEYS_NO_EVIDENCE[] = {"meters", "flags", "counters", "schedule", NULL};
enum { EF_METERS, EF_FLAGS, EF_COUNTERS, EF_EVIDENCE, EF_SCHEDULE, EF_N };
static const char *const FEEDBACK_KEYS[] = {"text", "principle", "reference", NULL};
enum { FB_TEXT, FB_PRINCIPLE, FB_REFERENCE, FB_N };
static const char *const ROUTE_KEYS[] = {"if", "goto", NULL};
enum { RT_IF, RT_GOTO, RT_N };
static const char *const EVENT_KEYS[] = {"id", "when", "title", "speaker", "image", "image_alt", "text",
                                         "effects", "feedback", NULL};
enum { EV_ID, EV_WHEN, EV_TITLE, EV_SPEAKER, EV_IMAGE, EV_IMAGE_ALT, EV_TEXT, EV_EFFECTS, EV_FEEDBACK, EV_N };
static const char *const ENDING_KEYS[] = {"id", "title", "text", "tone", "image", "image_alt", NULL};
enum { EN_ID, EN_TITLE, EN_TEXT, EN_TONE, EN_IMAGE, EN_IMAGE_ALT, EN_N };
static const char *const ALL_KEYS[] = {"all", NULL};
static const char *const ANY_KEYS[] = {"any", NULL};
static const char *const NOT_KEYS[] = {"not", NULL};
static const char *const METER_COND_KEYS[] = {"meter", "op", "value", NULL};
static const char *const COUNTER_COND_KEYS[] = {"counter", "op", "value", NULL};
static const char *const FLAG_COND_KEYS[] = {"flag", "is", NULL};
static const char *const AFTER_KEYS[] = {"after", NULL};
static const char *const SCENE_COND_KEYS[] = {"scene", NULL};

#define N_KEYS(list) (sizeof(list) / sizeof(list)[0] - 1)
_Static_assert(N_KEYS(SCENE_KEYS) == SC_N && N_KEYS(CHOICE_KEYS) == CH_N && N_KEYS(OUTCOME_KEYS) == OC_N &&
                   N_KEYS(EFFECT_KEYS) == EF_N && N_KEYS(EFFECT_KEYS_NO_EVIDENCE) == EF_N - 1 &&
                   N_KEYS(FEEDBACK_KEYS) == FB_N && N_KEYS(ROUTE_KEYS) == RT_N && N_KEYS(EVENT_KEYS) == EV_N &&
                   N_KEYS(ENDING_KEYS) == EN_N && N_KEYS(ALL_KEYS) == N_KEYS(ANY_KEYS) && N_KEYS(NOT_KEYS) == 1 &&
                   N_KEYS(METER_COND_KEYS) == N_KEYS(COUNTER_COND_KEYS),
               "a key list and its index names differ");

static const char *const KIND_NAMES[] = {"generative", "predictive", "classification", "recommendation",
                                         "recognition", "optimisation", "other", NULL};
static const char *const RISK_NAMES[] = {"minimal", "transparency", "high", "prohibited", NULL};
static const char *const TONE_NAMES[] = {"positive", "mixed", "negative", NULL};
static const char *const GOOD_NAMES[] = {"high", "low", NULL};
static const char *const UNAVAILABLE_NAMES[] = {"disable", "hide", NULL};
static const char *const OP_NAMES[] = {"<", "<=", ">", ">=", "==", "!=", NULL};
static const char *const COND_FORMS[] = {"all", "any", "not", "meter", "counter", "flag", "after", "scene", NULL};

const char *ai_risk_slug(AiRisk r) { return (unsigned)r < 4 ? RISK_NAMES[r] : "minimal"; }
const char *ai_kind_slug(AiKind k) { return (unsigned)k < 7 ? KIND_NAMES[k] : "other"; }

/* ---- small helpers -------------------------------------------------------- */

static void *alloc_n(Loader *L, size_t n, size_t size) {
    if (n == 0) return NULL;
    void *p = arena_alloc(&L->sc->arena, n * size);
    if (!p) L->oom = true;
    return p;
}

static void fmt_int(char *buf, size_t cap, long v) { snprintf(buf, cap, "%ld", v); }

/* The list member `v`, named `key` (NULL when absent), with between `min`
 * and `max` elements. Returns NULL when absent or wrong; *n is its length
 * (0 otherwise). Past `max` it is reported, and still loaded so that the
 * rest can be checked. */
static const JNode *get_list_m(Loader *L, const JNode *v, const char *key, bool required, size_t min,
                               size_t max, size_t *n) {
    *n = 0;
    const JNode *arr = jreader_get_m(&L->r, v, key, JT_ARRAY, required);
    if (!arr) return NULL;
    size_t count = (size_t)jdom_count(arr);
    if (count < min) {
        jreader_report_in(&L->r, key, NULL, DIAG_EMPTY_LIST, false, key, NULL, NULL, NULL);
    } else if (count > max) {
        char a[24], b[24];
        fmt_int(a, sizeof a, (long)count);
        fmt_int(b, sizeof b, (long)max);
        jreader_report_in(&L->r, key, NULL, DIAG_LIMIT, false, key, a, b, NULL);
    }
    if (count > UINT16_MAX && max <= UINT16_MAX) return NULL; /* could not be indexed */
    *n = count;
    return arr;
}

/* get_list_m on the member `key` of `obj`. */
static const JNode *get_list(Loader *L, const JNode *obj, const char *key, bool required, size_t min,
                             size_t max, size_t *n) {
    return get_list_m(L, jdom_get(obj, key), key, required, min, max, n);
}

/* The 1-based line where the value at `path` starts, as text. */
/* Registers `id` (read at the current path's "id" member) in `t`; reports a
 * duplicate, naming the line of the first one (element of /list). */
static void register_id(Loader *L, IdTable *t, const char *id, int32_t value, const char *list) {
    int32_t prev = idtable_put(t, id, value);
    if (prev == -1) return;
    if (prev == -2) {
        L->oom = true;
        return;
    }
    char path[64];
    if (t == &L->ix->targets && prev >= TARGET_ENDING_BASE)
        snprintf(path, sizeof path, "/endings/%d", (int)(prev - TARGET_ENDING_BASE));
    else if (t == &L->ix->targets)
        snprintf(path, sizeof path, "/scenes/%d", (int)prev);
    else
        snprintf(path, sizeof path, "/%s/%d", list, (int)prev);
    jreader_report_duplicate(&L->r, "id", path, id);
}

/* Reports a duplicate id at the current path's "id" member, the first one
 * being element `j` of the list whose path is the first `list_end` steps
 * of the current one. */
static void report_dup_local(Loader *L, size_t list_end, size_t j, const char *id) {
    char first[1024];
    snprintf(first, sizeof first, "%s/%zu", jreader_path_to(&L->r, list_end), j);
    jreader_report_duplicate(&L->r, "id", first, id);
}

/* ---- images --------------------------------------------------------------- */

/* Checks the image path member `v` (named `key`) and its alternative text
 * member `alt_v` (named `alt_key`), either NULL when absent; returns the
 * path or NULL. */
static const char *load_image_m(Loader *L, const JNode *v, const char *key, const JNode *alt_v,
                                const char *alt_key, LocStr *alt) {
    const char *img = jreader_str_m(&L->r, v, key, false, true);
    if (alt_v) jreader_text_m(&L->r, alt_v, alt_key, false, false, alt);
    if (!img) return NULL;
    size_t mark = jreader_push(&L->r, key);
    validate_image(L, img);
    if (loc_is_empty(alt) && !alt_v) jreader_report(&L->r, DIAG_MISSING_ALT, false, alt_key, NULL, NULL, NULL);
    jreader_pop(&L->r, mark);
    return img;
}

/* load_image_m on the members `key` and `alt_key` of `obj`. */
static const char *load_image(Loader *L, const JNode *obj, const char *key, const char *alt_key,
                              LocStr *alt) {
    return load_image_m(L, jdom_get(obj, key), key, jdom_get(obj, alt_key), alt_key, alt);
}

/* ---- conditions ----------------------------------------------------------- */

static int32_t push_cond(Loader *L, Cond c) {
    if (L->n_conds == L->cap_conds) {
        uint32_t cap = L->cap_conds ? L->cap_conds * 2 : 256;
        Cond *p = realloc(L->conds, cap * sizeof *p);
        if (!p) {
            L->oom = true;
            return -2;
        }
        L->conds = p;
        L->cap_conds = cap;
    }
    L->conds[L->n_conds] = c;
    return (int32_t)L->n_conds++;
}

static bool push_kids(Loader *L, const uint32_t *kids, uint32_t n, uint32_t *first) {
    if (L->n_kids + n > L->cap_kids) {
        uint32_t cap = L->cap_kids ? L->cap_kids : 256;
        while (cap < L->n_kids + n) cap *= 2;
        uint32_t *p = realloc(L->kids, cap * sizeof *p);
        if (!p) {
            L->oom = true;
            return false;
        }
        L->kids = p;
        L->cap_kids = cap;
    }
    *first = L->n_kids;
    if (n) memcpy(L->kids + L->n_kids, kids, n * sizeof *kids);
    L->n_kids += n;
    return true;
}

static void record_flag_test(Loader *L, uint16_t flag, bool value) {
    if (L->n_tests == L->cap_tests) {
        size_t cap = L->cap_tests ? L->cap_tests * 2 : 64;
        FlagTest *p = realloc(L->tests, cap * sizeof *p);
        if (!p) {
            L->oom = true;
            return;
        }
        L->tests = p;
        L->cap_tests = cap;
    }
    size_t n = L->r.n_segs;
    if (L->n_test_segs + n > L->cap_test_segs) {
        size_t cap = L->cap_test_segs ? L->cap_test_segs : 256;
        while (cap < L->n_test_segs + n) cap *= 2;
        JPathSeg *p = realloc(L->test_segs, cap * sizeof *p);
        if (!p || L->n_test_segs + n > UINT32_MAX) {
            if (p) L->test_segs = p;
            L->oom = true;
            return;
        }
        L->test_segs = p;
        L->cap_test_segs = cap;
    }
    if (n) memcpy(L->test_segs + L->n_test_segs, L->r.segs, n * sizeof *L->test_segs);
    L->tests[L->n_tests++] = (FlagTest){flag, value, (uint32_t)L->n_test_segs, (uint32_t)n};
    L->n_test_segs += n;
}

/* Resolves the id member `m` (named `key`, NULL when absent) through `t`,
 * reporting `unknown` with a suggestion among `n` ids at `first` (stride
 * `stride`). -1 when absent or unknown. */
static int32_t resolve(Loader *L, const JNode *m, const char *key, const IdTable *t, DiagCode unknown,
                       const void *first, size_t n, size_t stride) {
    const JNode *v = jreader_get_m(&L->r, m, key, JT_ID, true);
    if (!v) return -1;
    int32_t idx = idtable_get(t, v->valuestring);
    if (idx < 0) {
        size_t mark = jreader_push(&L->r, key);
        jreader_report(&L->r, unknown, false, v->valuestring,
                       jreader_suggest(v->valuestring, first, n, stride), NULL, NULL);
        jreader_pop(&L->r, mark);
    }
    return idx;
}

/* Meter and counter comparisons: checks the value against the meter's range. */
static void check_comparison(Loader *L, const Meter *m, CmpOp op, int32_t v) {
    DiagCode code;
    if (v < m->min || v > m->max)
        code = DIAG_OUT_OF_RANGE;
    else if ((op == CMP_LT && v <= m->min) || (op == CMP_GT && v >= m->max))
        code = DIAG_IMPOSSIBLE_CONDITION;
    else if ((op == CMP_LE && v >= m->max) || (op == CMP_GE && v <= m->min))
        code = DIAG_ALWAYS_TRUE_CONDITION;
    else
        return;
    char a[24], lo[24], hi[24], opv[48];
    fmt_int(a, sizeof a, v);
    fmt_int(lo, sizeof lo, m->min);
    fmt_int(hi, sizeof hi, m->max);
    snprintf(opv, sizeof opv, "%s %d", OP_NAMES[op], (int)v);
    size_t mark = jreader_push(&L->r, "value");
    jreader_report(&L->r, code, false, m->id, code == DIAG_OUT_OF_RANGE ? a : opv, lo, hi);
    jreader_pop(&L->r, mark);
}

/* In an `all`, comparisons on one meter or counter whose bounds exclude
 * each other. */
static void check_contradictions(Loader *L, const uint32_t *kids, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        const Cond *a = &L->conds[kids[i]];
        if (a->kind != COND_METER && a->kind != COND_COUNTER) continue;
        bool first = true;
        for (uint32_t j = 0; j < i; j++) {
            const Cond *b = &L->conds[kids[j]];
            if (b->kind == a->kind && b->index == a->index) first = false;
        }
        if (!first) continue;
        int64_t lo = INT32_MIN, hi = INT32_MAX;
        if (a->kind == COND_METER) {
            lo = L->sc->meters[a->index].min;
            hi = L->sc->meters[a->index].max;
        }
        for (uint32_t j = i; j < n; j++) {
            const Cond *b = &L->conds[kids[j]];
            if (b->kind != a->kind || b->index != a->index) continue;
            int64_t v = b->value;
            switch (b->op) {
            case CMP_LT: if (v - 1 < hi) hi = v - 1; break;
            case CMP_LE: if (v < hi) hi = v; break;
            case CMP_GT: if (v + 1 > lo) lo = v + 1; break;
            case CMP_GE: if (v > lo) lo = v; break;
            case CMP_EQ:
                if (v > lo) lo = v;
                if (v < hi) hi = v;
                break;
            case CMP_NE: break;
            }
        }
        if (lo > hi) {
            const char *id = a->kind == COND_METER ? L->sc->meters[a->index].id : L->sc->counters[a->index].id;
            size_t mark = jreader_push(&L->r, "all");
            jreader_report(&L->r, DIAG_CONTRADICTORY_CONDITION, true, id, NULL, NULL, NULL);
            jreader_pop(&L->r, mark);
        }
    }
}

/* The index in COND_FORMS of member name `k`, -1 when it is none. */
static int cond_form(const char *k) {
    int form;
    switch (k[0]) {
    case 'a': form = k[1] == 'l' ? 0 : k[1] == 'n' ? 1 : 6; break;
    case 'n': form = 2; break;
    case 'm': form = 3; break;
    case 'c': form = 4; break;
    case 'f': form = 5; break;
    case 's': form = 7; break;
    default: return -1;
    }
    return jdom_streq(k, COND_FORMS[form]) ? form : -1;
}

/* Compiles the condition `v` (at the current path) into L->conds. `neg`:
 * under an odd number of `not`. Returns the root index, -2 on error. */
static int32_t compile_cond(Loader *L, const JNode *v, const char *name, bool neg) {
    JReader *r = &L->r;
    if (!jreader_expect(r, v, JT_CONDITION, name)) return -2;
    int form = -1;
    for (const JNode *c = v->child; c && form < 0; c = c->next) form = cond_form(c->string);
    if (form < 0) {
        jreader_report(r, DIAG_WRONG_TYPE, false, name, jreader_type_name(r, JT_CONDITION), NULL, NULL);
        return -2;
    }
    Cond c = {0};
    c.index = -1;
    switch (form) {
    case 0: /* all */
    case 1: { /* any */
        const char *key = COND_FORMS[form];
        const JNode *f[N_KEYS(ALL_KEYS)] = {NULL};
        jreader_members(r, v, form == 0 ? ALL_KEYS : ANY_KEYS, f);
        const JNode *arr = jreader_get_m(r, f[0], key, JT_ARRAY, true);
        if (!arr) return -2;
        uint32_t kids[LIMIT_COND_NODES];
        uint32_t n = 0;
        bool ok = true;
        size_t i = 0, mark = jreader_push(r, key);
        for (const JNode *k = arr->child; k; k = k->next, i++) {
            size_t m2 = jreader_push_index(r, i);
            int32_t idx = compile_cond(L, k, key, neg);
            jreader_pop(r, m2);
            if (idx < 0)
                ok = false;
            else if (n < LIMIT_COND_NODES)
                kids[n++] = (uint32_t)idx;
        }
        jreader_pop(r, mark);
        if (!ok) return -2;
        if (form == 1 && n == 0) {
            size_t m3 = jreader_push(r, key);
            jreader_report(r, DIAG_EMPTY_ANY, true, NULL, NULL, NULL, NULL);
            jreader_pop(r, m3);
            return -2;
        }
        /* Under `not`, an `any` behaves as an `all` of negations; only the
         * plain `all` is checked for contradictions. */
        if (form == 0 && !neg) check_contradictions(L, kids, n);
        c.kind = form == 0 ? COND_ALL : COND_ANY;
        if (!push_kids(L, kids, n, &c.first_kid)) return -2;
        c.kid_count = n;
        return push_cond(L, c);
    }
    case 2: { /* not */
        const JNode *k = NULL;
        jreader_members(r, v, NOT_KEYS, &k);
        size_t mark = jreader_push(r, "not");
        int32_t idx = compile_cond(L, k, "not", !neg);
        jreader_pop(r, mark);
        if (idx < 0) return -2;
        uint32_t kid = (uint32_t)idx;
        c.kind = COND_NOT;
        if (!push_kids(L, &kid, 1, &c.first_kid)) return -2;
        c.kid_count = 1;
        return push_cond(L, c);
    }
    case 3:   /* meter */
    case 4: { /* counter */
        bool meter = form == 3;
        const JNode *f[N_KEYS(METER_COND_KEYS)] = {NULL};
        jreader_members(r, v, meter ? METER_COND_KEYS : COUNTER_COND_KEYS, f);
        int32_t idx = meter ? resolve(L, f[0], "meter", &L->ix->meters, DIAG_UNKNOWN_METER, FIRST_ID(L->sc->meters, L->sc->n_meters),
                                      L->sc->n_meters, sizeof(Meter))
                            : resolve(L, f[0], "counter", &L->ix->counters, DIAG_UNKNOWN_COUNTER,
                                      FIRST_ID(L->sc->counters, L->sc->n_counters), L->sc->n_counters,
                                      sizeof(Counter));
        int op = jreader_enum_m(r, f[1], "op", true, OP_NAMES, -1);
        int32_t value = 0;
        bool has_value = jreader_int_m(r, f[2], "value", true, INT32_MIN, INT32_MAX, &value);
        if (idx < 0 || op < 0 || !has_value) return -2;
        if (meter) check_comparison(L, &L->sc->meters[idx], (CmpOp)op, value);
        c.kind = meter ? COND_METER : COND_COUNTER;
        c.op = (CmpOp)op;
        c.index = idx;
        c.value = value;
        return push_cond(L, c);
    }
    case 5: { /* flag */
        const JNode *f[N_KEYS(FLAG_COND_KEYS)] = {NULL};
        jreader_members(r, v, FLAG_COND_KEYS, f);
        int32_t idx = resolve(L, f[0], "flag", &L->ix->flags, DIAG_UNKNOWN_FLAG,
                              FIRST_ID(L->sc->flags, L->sc->n_flags), L->sc->n_flags, sizeof(Flag));
        bool is = true;
        if (f[1]) {
            const JNode *b = jreader_get_m(r, f[1], "is", JT_BOOL, false);
            if (!b) return -2;
            is = jdom_is_true(b);
        }
        if (idx < 0) return -2;
        size_t mark = jreader_push(r, "flag");
        record_flag_test(L, (uint16_t)idx, is != neg);
        jreader_pop(r, mark);
        c.kind = COND_FLAG;
        c.index = idx;
        c.value = is;
        return push_cond(L, c);
    }
    case 6: { /* after */
        const JNode *f = NULL;
        jreader_members(r, v, AFTER_KEYS, &f);
        int32_t n = 0;
        if (!jreader_int_m(r, f, "after", true, 0, INT32_MAX, &n)) return -2;
        if (!L->in_event) {
            jreader_report(r, DIAG_AFTER_OUTSIDE_EVENT, false, "after", NULL, NULL, NULL);
            return -2;
        }
        c.kind = COND_AFTER;
        c.value = n;
        return push_cond(L, c);
    }
    default: { /* scene */
        const JNode *f = NULL;
        jreader_members(r, v, SCENE_COND_KEYS, &f);
        int32_t t = resolve(L, f, "scene", &L->ix->targets, DIAG_UNKNOWN_SCENE, FIRST_ID(L->sc->scenes, L->sc->n_scenes),
                            L->sc->n_scenes, sizeof(Scene));
        if (t < 0 || t >= (int32_t)L->sc->n_scenes) {
            if (t >= 0) {
                size_t mark = jreader_push(r, "scene");
                jreader_report(r, DIAG_UNKNOWN_SCENE, false, f->valuestring,
                               NULL, NULL, NULL);
                jreader_pop(r, mark);
            }
            return -2;
        }
        if (!L->in_event) {
            jreader_report(r, DIAG_AFTER_OUTSIDE_EVENT, false, "scene", NULL, NULL, NULL);
            return -2;
        }
        c.kind = COND_SCENE;
        c.index = t;
        return push_cond(L, c);
    }
    }
}

/* The number of condition nodes under `v` (objects), stopping past `max`. */
static uint32_t count_nodes(const JNode *v, uint32_t max) {
    if (!jdom_is_object(v)) return 0;
    uint32_t n = 1;
    for (const JNode *c = v->child; c && n <= max; c = c->next) {
        if (jdom_is_object(c) && jdom_streq(c->string, "not")) n += count_nodes(c, max);
        if (jdom_is_array(c) && (jdom_streq(c->string, "all") || jdom_streq(c->string, "any")))
            for (const JNode *k = c->child; k && n <= max; k = k->next) n += count_nodes(k, max);
    }
    return n;
}

/* The condition member `v` named `key` (NULL when absent): its root
 * index, -1 when absent. */
static int32_t load_condition(Loader *L, const JNode *v, const char *key) {
    if (!v || jdom_is_null(v)) return -1;
    size_t mark = jreader_push(&L->r, key);
    uint32_t nodes = count_nodes(v, 100000);
    if (nodes > LIMIT_COND_NODES) {
        char a[24], b[24];
        fmt_int(a, sizeof a, (long)nodes);
        fmt_int(b, sizeof b, LIMIT_COND_NODES);
        jreader_report(&L->r, DIAG_LIMIT, false, key, a, b, NULL);
        jreader_pop(&L->r, mark);
        return -1;
    }
    int32_t idx = compile_cond(L, v, key, false);
    jreader_pop(&L->r, mark);
    return idx < 0 ? -1 : idx;
}

/* ---- effects, feedback, routes -------------------------------------------- */

static void wrong_type_in(Loader *L, const char *key, JType t) {
    jreader_report_in(&L->r, key, NULL, DIAG_WRONG_TYPE, false, key, jreader_type_name(&L->r, t), NULL, NULL);
}

static int32_t competency_index(Loader *L, const char *id) {
    int32_t idx = idtable_get(&L->ix->competencies, id);
    if (idx >= 0) return idx;
    if (L->fw && framework_find(L->fw, id) < 0) {
        const void *first = FIRST_ID(L->fw->items, L->fw->n_items);
        jreader_report_in(&L->r, id, NULL, DIAG_UNKNOWN_COMPETENCY, true, id,
                          jreader_suggest(id, first, L->fw->n_items, sizeof(Competency)), NULL, NULL);
        return -1;
    }
    /* Evidence for a competency the scenario does not target. */
    jreader_report_in(&L->r, id, NULL, DIAG_NOT_TARGETED, true, id, NULL, NULL, NULL);
    if (L->sc->n_competencies >= LIMIT_COMPETENCIES) {
        char a[16], b[16];
        fmt_int(a, sizeof a, LIMIT_COMPETENCIES + 1);
        fmt_int(b, sizeof b, LIMIT_COMPETENCIES);
        jreader_report_in(&L->r, id, NULL, DIAG_LIMIT, true, "competencies", a, b, NULL);
        return -1;
    }
    const char *copy = arena_strdup(&L->sc->arena, id);
    if (!copy) {
        L->oom = true;
        return -1;
    }
    idx = L->sc->n_competencies++;
    L->sc->competencies[idx] = copy;
    idtable_put(&L->ix->competencies, copy, idx);
    return idx;
}

/* The "effects" member `v` (NULL when absent) into *e. */
static void load_effects(Loader *L, const JNode *v, Effects *e, bool evidence) {
    JReader *r = &L->r;
    memset(e, 0, sizeof *e);
    const JNode *obj = jreader_get_m(r, v, "effects", JT_OBJECT, false);
    if (!obj) return;
    size_t mark = jreader_push(r, "effects");
    const JNode *f[EF_N] = {NULL};
    jreader_members(r, obj, evidence ? EFFECT_KEYS : EFFECT_KEYS_NO_EVIDENCE, f);
    if (!evidence) {
        f[EF_SCHEDULE] = f[EF_EVIDENCE];
        f[EF_EVIDENCE] = NULL;
    }
    const JNode *m;
    if ((m = jreader_get_m(r, f[EF_METERS], "meters", JT_OBJECT, false))) {
        size_t m1 = jreader_push(r, "meters");
        e->meters = alloc_n(L, (size_t)jdom_count(m), sizeof *e->meters);
        for (const JNode *c = m->child; c && e->meters; c = c->next) {
            int32_t idx = idtable_get(&L->ix->meters, c->string), d;
            if (idx < 0)
                jreader_report_in(r, c->string, NULL, DIAG_UNKNOWN_METER, true, c->string,
                                  jreader_suggest(c->string, FIRST_ID(L->sc->meters, L->sc->n_meters), L->sc->n_meters, sizeof(Meter)),
                                  NULL, NULL);
            if (!jreader_int_value(c, &d)) {
                wrong_type_in(L, c->string, JT_INT);
            } else if (idx >= 0) {
                e->meters[e->n_meters++] = (MeterDelta){(uint16_t)idx, d};
                const Meter *mt = &L->sc->meters[idx];
                int64_t span = (int64_t)mt->max - mt->min;
                if (span > 0 && ((int64_t)d > span || -(int64_t)d > span)) {
                    char dv[24], lo[24], hi[24];
                    fmt_int(dv, sizeof dv, d);
                    fmt_int(lo, sizeof lo, mt->min);
                    fmt_int(hi, sizeof hi, mt->max);
                    jreader_report_in(r, c->string, NULL, DIAG_EFFECT_EXCEEDS_RANGE, false, c->string, dv, lo, hi);
                }
            }
        }
        jreader_pop(r, m1);
    }
    if ((m = jreader_get_m(r, f[EF_FLAGS], "flags", JT_OBJECT, false))) {
        size_t m1 = jreader_push(r, "flags");
        e->flags = alloc_n(L, (size_t)jdom_count(m), sizeof *e->flags);
        for (const JNode *c = m->child; c && e->flags; c = c->next) {
            int32_t idx = idtable_get(&L->ix->flags, c->string);
            if (idx < 0)
                jreader_report_in(r, c->string, NULL, DIAG_UNKNOWN_FLAG, true, c->string,
                                  jreader_suggest(c->string, FIRST_ID(L->sc->flags, L->sc->n_flags),
                                                  L->sc->n_flags, sizeof(Flag)),
                                  NULL, NULL);
            if (!jdom_is_bool(c))
                wrong_type_in(L, c->string, JT_BOOL);
            else if (idx >= 0) {
                bool b = jdom_is_true(c);
                e->flags[e->n_flags++] = (FlagSet){(uint16_t)idx, b};
                if (b)
                    L->flag_can_true[idx] = true;
                else
                    L->flag_can_false[idx] = true;
            }
        }
        jreader_pop(r, m1);
    }
    if ((m = jreader_get_m(r, f[EF_COUNTERS], "counters", JT_OBJECT, false))) {
        size_t m1 = jreader_push(r, "counters");
        e->counters = alloc_n(L, (size_t)jdom_count(m), sizeof *e->counters);
        for (const JNode *c = m->child; c && e->counters; c = c->next) {
            int32_t idx = idtable_get(&L->ix->counters, c->string), d;
            if (idx < 0)
                jreader_report_in(r, c->string, NULL, DIAG_UNKNOWN_COUNTER, true, c->string,
                                  jreader_suggest(c->string, FIRST_ID(L->sc->counters, L->sc->n_counters),
                                                  L->sc->n_counters, sizeof(Counter)),
                                  NULL, NULL);
            if (!jreader_int_value(c, &d))
                wrong_type_in(L, c->string, JT_INT);
            else if (idx >= 0)
                e->counters[e->n_counters++] = (CounterDelta){(uint16_t)idx, d};
        }
        jreader_pop(r, m1);
    }
    if (evidence && (m = jreader_get_m(r, f[EF_EVIDENCE], "evidence", JT_OBJECT, false))) {
        size_t m1 = jreader_push(r, "evidence");
        e->evidence = alloc_n(L, (size_t)jdom_count(m), sizeof *e->evidence);
        for (const JNode *c = m->child; c && e->evidence; c = c->next) {
            int32_t idx = competency_index(L, c->string), d;
            if (!jreader_int_value(c, &d)) {
                wrong_type_in(L, c->string, JT_INT);
            } else if (d < -LIMIT_EVIDENCE || d > LIMIT_EVIDENCE) {
                char a[24];
                fmt_int(a, sizeof a, d);
                jreader_report_in(r, c->string, NULL, DIAG_EVIDENCE_RANGE, false, c->string, a, NULL, NULL);
            } else if (idx >= 0) {
                e->evidence[e->n_evidence++] = (Evidence){(uint16_t)idx, (int8_t)d};
                L->evidence_seen[idx] = true;
            }
        }
        jreader_pop(r, m1);
    }
    size_t n;
    if ((m = get_list_m(L, f[EF_SCHEDULE], "schedule", false, 0, LIMIT_EVENTS, &n))) {
        size_t m1 = jreader_push(r, "schedule");
        e->schedule = alloc_n(L, n, sizeof *e->schedule);
        size_t i = 0;
        for (const JNode *c = m->child; c && e->schedule; c = c->next, i++) {
            size_t m2 = jreader_push_index(r, i);
            if (jreader_expect(r, c, JT_ID, "schedule")) {
                int32_t idx = idtable_get(&L->ix->events, c->valuestring);
                if (idx < 0) {
                    jreader_report(r, DIAG_UNKNOWN_EVENT, false, c->valuestring,
                                   jreader_suggest(c->valuestring, FIRST_ID(L->sc->events, L->sc->n_events),
                                                   L->sc->n_events, sizeof(Event)),
                                   NULL, NULL);
                } else {
                    e->schedule[e->n_schedule++] = (uint16_t)idx;
                    L->event_scheduled[idx] = true;
                }
            }
            jreader_pop(r, m2);
        }
        jreader_pop(r, m1);
    }
    jreader_pop(r, mark);
}

/* The "feedback" member `v` (NULL when absent) into *f. */
static void load_feedback(Loader *L, const JNode *v, Feedback *f, bool required, bool text_required) {
    memset(f, 0, sizeof *f);
    const JNode *obj = jreader_get_m(&L->r, v, "feedback", JT_OBJECT, required);
    if (!obj) return;
    size_t mark = jreader_push(&L->r, "feedback");
    const JNode *m[FB_N] = {NULL};
    jreader_members(&L->r, obj, FEEDBACK_KEYS, m);
    jreader_text_m(&L->r, m[FB_TEXT], "text", text_required, false, &f->text);
    jreader_text_m(&L->r, m[FB_PRINCIPLE], "principle", false, false, &f->principle);
    jreader_text_m(&L->r, m[FB_REFERENCE], "reference", false, false, &f->reference);
    jreader_pop(&L->r, mark);
}

/* Resolves a scene or ending id (the string `v`, at the current path). */
static bool resolve_target(Loader *L, const JNode *v, Target *t) {
    if (!jreader_expect(&L->r, v, JT_ID, "goto")) {
        L->unresolved_target = true;
        return false;
    }
    int32_t idx = idtable_get(&L->ix->targets, v->valuestring);
    if (idx < 0) {
        const char *s = jreader_suggest(v->valuestring, FIRST_ID(L->sc->scenes, L->sc->n_scenes), L->sc->n_scenes, sizeof(Scene));
        if (!s) s = jreader_suggest(v->valuestring, FIRST_ID(L->sc->endings, L->sc->n_endings), L->sc->n_endings, sizeof(Ending));
        jreader_report(&L->r, DIAG_UNKNOWN_SCENE, false, v->valuestring, s, NULL, NULL);
        L->unresolved_target = true;
        return false;
    }
    if (idx < (int32_t)TARGET_ENDING_BASE) {
        *t = (Target){TARGET_SCENE, (uint32_t)idx};
    } else {
        *t = (Target){TARGET_ENDING, (uint32_t)(idx - TARGET_ENDING_BASE)};
    }
    return true;
}

/* The "next" member `m` (NULL when absent) into the routes. */
static void load_next(Loader *L, const JNode *m, bool required, Route **routes, uint16_t *n_routes) {
    JReader *r = &L->r;
    *routes = NULL;
    *n_routes = 0;
    const JNode *v = jreader_get_m(r, m, "next", JT_NEXT, required);
    if (!v) {
        if (m) L->unresolved_target = true;
        return;
    }
    size_t mark = jreader_push(r, "next");
    if (jdom_is_string(v)) {
        Route *rt = alloc_n(L, 1, sizeof *rt);
        if (rt && resolve_target(L, v, &rt->target)) {
            rt->cond = -1;
            *routes = rt;
            *n_routes = 1;
        }
        jreader_pop(r, mark);
        return;
    }
    jreader_pop(r, mark);
    size_t n;
    const JNode *arr = get_list_m(L, m, "next", true, 1, LIMIT_ROUTES, &n);
    if (!arr || n == 0) {
        L->unresolved_target = true;
        return;
    }
    mark = jreader_push(r, "next");
    Route *rt = alloc_n(L, n, sizeof *rt);
    size_t i = 0;
    for (const JNode *c = arr->child; c && rt; c = c->next, i++) {
        size_t m2 = jreader_push_index(r, i);
        if (jreader_expect(r, c, JT_OBJECT, "next")) {
            const JNode *f[RT_N] = {NULL};
            jreader_members(r, c, ROUTE_KEYS, f);
            rt[i].cond = load_condition(L, f[RT_IF], "if");
            const JNode *g = jreader_get_m(r, f[RT_GOTO], "goto", JT_ID, true);
            if (g) {
                size_t m3 = jreader_push(r, "goto");
                resolve_target(L, g, &rt[i].target);
                jreader_pop(r, m3);
            } else {
                L->unresolved_target = true;
            }
            if (!c->next && f[RT_IF]) {
                size_t m3 = jreader_push(r, "if");
                jreader_report(r, DIAG_NO_DEFAULT_ROUTE, true, NULL, NULL, NULL, NULL);
                jreader_pop(r, m3);
            }
        } else {
            L->unresolved_target = true;
        }
        jreader_pop(r, m2);
    }
    jreader_pop(r, mark);
    *routes = rt;
    *n_routes = rt ? (uint16_t)n : 0;
}

/* ---- chance outcomes ------------------------------------------------------ */

/* The "chance" member `v` of a choice (NULL when absent) into ch. */
static void load_outcomes(Loader *L, const JNode *v, Choice *ch) {
    JReader *r = &L->r;
    size_t n;
    const JNode *arr = get_list_m(L, v, "chance", false, 1, LIMIT_OUTCOMES, &n);
    if (!arr || n == 0) return;
    size_t mark = jreader_push(r, "chance");
    size_t list_end = jreader_mark(r);
    Outcome *out = alloc_n(L, n, sizeof *out);
    if (!out) {
        jreader_pop(r, mark);
        return;
    }
    double sum = 0;
    bool all_ok = true;
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(r, i);
        Outcome *o = &out[i];
        if (!jreader_expect(r, c, JT_OBJECT, "chance")) {
            all_ok = false;
            jreader_pop(r, m2);
            continue;
        }
        const JNode *f[OC_N] = {NULL};
        jreader_members(r, c, OUTCOME_KEYS, f);
        o->id = jreader_id_m(r, f[OC_ID], "id", true);
        if (o->id)
            for (size_t j = 0; j < i; j++)
                if (out[j].id && strcmp(out[j].id, o->id) == 0) {
                    report_dup_local(L, list_end, j, o->id);
                    break;
                }
        const JNode *p = jreader_get_m(r, f[OC_PROBABILITY], "probability", JT_NUMBER, true);
        if (p) {
            double d = p->valuedouble;
            if (!(d > 0 && d <= 1)) {
                char a[32];
                snprintf(a, sizeof a, "%g", d);
                size_t m3 = jreader_push(r, "probability");
                jreader_report(r, DIAG_BAD_PROBABILITY, false, a, NULL, NULL, NULL);
                jreader_pop(r, m3);
                all_ok = false;
            } else {
                sum += d;
                o->weight = (uint32_t)llround(d * PROBABILITY_ONE);
            }
        } else {
            all_ok = false;
        }
        load_effects(L, f[OC_EFFECTS], &o->effects, false);
        load_feedback(L, f[OC_FEEDBACK], &o->feedback, false, false);
        if (f[OC_NEXT]) load_next(L, f[OC_NEXT], false, &o->routes, &o->n_routes);
        jreader_pop(r, m2);
    }
    if (all_ok) {
        uint64_t others = 0;
        for (size_t j = 0; j + 1 < n; j++) others += out[j].weight;
        if (fabs(sum - 1.0) > 1e-6 || others >= PROBABILITY_ONE) {
            char a[32];
            snprintf(a, sizeof a, "%.9g", sum);
            jreader_report(r, DIAG_PROBABILITY_SUM, true, a, NULL, NULL, NULL);
        } else {
            out[n - 1].weight = (uint32_t)(PROBABILITY_ONE - others);
        }
    }
    jreader_pop(r, mark);
    ch->outcomes = out;
    ch->n_outcomes = (uint16_t)n;
}

/* ---- scenes, events, endings ---------------------------------------------- */

/* The "speaker" member `v` (NULL when absent): a character index or -1. */
static int32_t load_speaker(Loader *L, const JNode *v) {
    if (!v) return -1;
    int32_t idx = resolve(L, v, "speaker", &L->ix->characters, DIAG_UNKNOWN_CHARACTER,
                          FIRST_ID(L->sc->characters, L->sc->n_characters), L->sc->n_characters,
                          sizeof(Character));
    return idx < 0 ? -1 : idx;
}

static void load_choice(Loader *L, const JNode *obj, Choice *ch) {
    JReader *r = &L->r;
    const JNode *f[CH_N] = {NULL};
    jreader_members(r, obj, CHOICE_KEYS, f);
    ch->id = jreader_id_m(r, f[CH_ID], "id", true);
    jreader_text_m(r, f[CH_TEXT], "text", true, false, &ch->text);
    ch->cond = load_condition(L, f[CH_CONDITION], "condition");
    int un = jreader_enum_m(r, f[CH_UNAVAILABLE], "unavailable", false, UNAVAILABLE_NAMES, 0);
    ch->hide_unavailable = un == 1;
    jreader_text_m(r, f[CH_REASON], "reason", false, false, &ch->reason);
    if (f[CH_CONDITION] && un == 0 && !f[CH_REASON])
        jreader_report(r, DIAG_MISSING_REASON, false, NULL, NULL, NULL, NULL);
    load_effects(L, f[CH_EFFECTS], &ch->effects, true);
    load_feedback(L, f[CH_FEEDBACK], &ch->feedback, true, true);
    load_next(L, f[CH_NEXT], true, &ch->routes, &ch->n_routes);
    load_outcomes(L, f[CH_CHANCE], ch);
}

static void load_scene(Loader *L, const JNode *obj, Scene *s) {
    JReader *r = &L->r;
    const JNode *f[SC_N] = {NULL};
    jreader_members(r, obj, SCENE_KEYS, f);
    int32_t act = 0;
    if (jreader_int_m(r, f[SC_ACT], "act", false, 1, UINT16_MAX, &act)) s->act = (uint16_t)act;
    jreader_text_m(r, f[SC_TITLE], "title", false, false, &s->title);
    s->speaker = load_speaker(L, f[SC_SPEAKER]);
    s->image = load_image_m(L, f[SC_IMAGE], "image", f[SC_IMAGE_ALT], "image_alt", &s->image_alt);
    jreader_text_m(r, f[SC_TEXT], "text", true, false, &s->text);
    jreader_text_m(r, f[SC_DEBRIEF], "debrief", false, false, &s->debrief);
    size_t n;
    const JNode *arr = get_list_m(L, f[SC_CHOICES], "choices", true, 1, LIMIT_CHOICES, &n);
    if (!arr) return;
    s->choices = alloc_n(L, n, sizeof *s->choices);
    if (!s->choices) return;
    s->n_choices = (uint16_t)n;
    size_t mark = jreader_push(r, "choices");
    size_t list_end = jreader_mark(r);
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(r, i);
        if (jreader_expect(r, c, JT_OBJECT, "choices")) {
            load_choice(L, c, &s->choices[i]);
            const char *id = s->choices[i].id;
            for (size_t j = 0; id && j < i; j++)
                if (s->choices[j].id && strcmp(s->choices[j].id, id) == 0) {
                    report_dup_local(L, list_end, j, id);
                    break;
                }
        }
        jreader_pop(r, m2);
    }
    jreader_pop(r, mark);
}

static void load_event(Loader *L, const JNode *obj, Event *ev) {
    JReader *r = &L->r;
    const JNode *f[EV_N] = {NULL};
    jreader_members(r, obj, EVENT_KEYS, f);
    L->in_event = true;
    if (!f[EV_WHEN]) jreader_report(r, DIAG_MISSING_FIELD, false, "when", NULL, NULL, NULL);
    ev->when = load_condition(L, f[EV_WHEN], "when");
    L->in_event = false;
    jreader_text_m(r, f[EV_TITLE], "title", false, false, &ev->title);
    ev->speaker = load_speaker(L, f[EV_SPEAKER]);
    ev->image = load_image_m(L, f[EV_IMAGE], "image", f[EV_IMAGE_ALT], "image_alt", &ev->image_alt);
    jreader_text_m(r, f[EV_TEXT], "text", true, false, &ev->text);
    load_effects(L, f[EV_EFFECTS], &ev->effects, false);
    load_feedback(L, f[EV_FEEDBACK], &ev->feedback, false, false);
}

static void load_ending(Loader *L, const JNode *obj, Ending *en) {
    JReader *r = &L->r;
    const JNode *f[EN_N] = {NULL};
    jreader_members(r, obj, ENDING_KEYS, f);
    jreader_text_m(r, f[EN_TITLE], "title", true, false, &en->title);
    jreader_text_m(r, f[EN_TEXT], "text", true, false, &en->text);
    int tone = jreader_enum_m(r, f[EN_TONE], "tone", true, TONE_NAMES, -1);
    en->tone = tone < 0 ? TONE_MIXED : (EndingTone)tone;
    en->image = load_image_m(L, f[EN_IMAGE], "image", f[EN_IMAGE_ALT], "image_alt", &en->image_alt);
}

/* ---- declarations: meters, flags, counters, characters -------------------- */


/* Reads the id of each element of the list `key` into the `id` field of
 * the element struct (`base`, `stride`) and registers it in `t`. */
static void register_ids(Loader *L, const JNode *arr, const char *key, void *base, size_t stride, IdTable *t,
                         int32_t offset) {
    size_t mark = jreader_push(&L->r, key);
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(&L->r, i);
        if (jreader_expect(&L->r, c, JT_OBJECT, key)) {
            const char *id = jreader_id(&L->r, c, "id", true);
            *(const char **)(void *)((char *)base + i * stride) = id;
            if (id) register_id(L, t, id, (int32_t)i + offset, key);
        }
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
}

static void load_meters(Loader *L, const JNode *root) {
    size_t n;
    const JNode *arr = get_list(L, root, "meters", true, 1, LIMIT_METERS, &n);
    Scenario *sc = L->sc;
    idtable_init(&L->ix->meters, &sc->arena, n);
    if (!arr || !n) return;
    sc->meters = alloc_n(L, n, sizeof *sc->meters);
    if (!sc->meters) return;
    sc->n_meters = (uint16_t)n;
    register_ids(L, arr, "meters", sc->meters, sizeof(Meter), &L->ix->meters, 0);
    size_t mark = jreader_push(&L->r, "meters");
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        if (!jdom_is_object(c)) continue;
        Meter *m = &sc->meters[i];
        size_t m2 = jreader_push_index(&L->r, i);
        jreader_check_keys(&L->r, c, METER_KEYS);
        jreader_text(&L->r, c, "label", true, false, &m->label);
        jreader_text(&L->r, c, "description", false, false, &m->description);
        bool ok = jreader_int(&L->r, c, "min", true, INT32_MIN, INT32_MAX, &m->min);
        ok &= jreader_int(&L->r, c, "max", true, INT32_MIN, INT32_MAX, &m->max);
        bool has_init = jreader_int(&L->r, c, "initial", true, INT32_MIN, INT32_MAX, &m->initial);
        int good = jreader_enum(&L->r, c, "good", true, GOOD_NAMES, -1);
        m->higher_is_better = good != 1;
        char a[24], b[24], v[24];
        fmt_int(a, sizeof a, m->min);
        fmt_int(b, sizeof b, m->max);
        fmt_int(v, sizeof v, m->initial);
        const char *shown = m->id ? m->id : "?";
        if (ok && m->min >= m->max) {
            size_t m3 = jreader_push(&L->r, "min");
            jreader_report(&L->r, DIAG_BAD_RANGE, false, shown, a, b, NULL);
            jreader_pop(&L->r, m3);
        } else if (ok && has_init && (m->initial < m->min || m->initial > m->max)) {
            size_t m3 = jreader_push(&L->r, "initial");
            jreader_report(&L->r, DIAG_OUT_OF_RANGE, false, shown, v, a, b);
            jreader_pop(&L->r, m3);
        }
        if (!ok || m->min >= m->max) { /* keep later range checks meaningful */
            m->min = INT32_MIN;
            m->max = INT32_MAX;
        }
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
}

static void load_flags(Loader *L, const JNode *root) {
    size_t n;
    const JNode *arr = get_list(L, root, "flags", false, 0, LIMIT_FLAGS, &n);
    Scenario *sc = L->sc;
    idtable_init(&L->ix->flags, &sc->arena, n);
    L->flag_can_true = calloc(n + 1, sizeof(bool));
    L->flag_can_false = calloc(n + 1, sizeof(bool));
    if (!L->flag_can_true || !L->flag_can_false) L->oom = true;
    if (!arr || !n || L->oom) return;
    sc->flags = alloc_n(L, n, sizeof *sc->flags);
    if (!sc->flags) return;
    sc->n_flags = (uint16_t)n;
    register_ids(L, arr, "flags", sc->flags, sizeof(Flag), &L->ix->flags, 0);
    size_t mark = jreader_push(&L->r, "flags");
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        if (!jdom_is_object(c)) continue;
        Flag *f = &sc->flags[i];
        size_t m2 = jreader_push_index(&L->r, i);
        jreader_check_keys(&L->r, c, FLAG_KEYS);
        jreader_text(&L->r, c, "description", false, true, &f->description); /* an author's note */
        const JNode *b = jreader_get(&L->r, c, "initial", JT_BOOL, false);
        f->initial = b && jdom_is_true(b);
        if (f->initial)
            L->flag_can_true[i] = true;
        else
            L->flag_can_false[i] = true;
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
}

static void load_counters(Loader *L, const JNode *root) {
    size_t n;
    const JNode *arr = get_list(L, root, "counters", false, 0, LIMIT_COUNTERS, &n);
    Scenario *sc = L->sc;
    idtable_init(&L->ix->counters, &sc->arena, n);
    if (!arr || !n) return;
    sc->counters = alloc_n(L, n, sizeof *sc->counters);
    if (!sc->counters) return;
    sc->n_counters = (uint16_t)n;
    register_ids(L, arr, "counters", sc->counters, sizeof(Counter), &L->ix->counters, 0);
    size_t mark = jreader_push(&L->r, "counters");
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        if (!jdom_is_object(c)) continue;
        Counter *k = &sc->counters[i];
        size_t m2 = jreader_push_index(&L->r, i);
        jreader_check_keys(&L->r, c, FLAG_KEYS);
        jreader_text(&L->r, c, "description", false, true, &k->description); /* an author's note */
        jreader_int(&L->r, c, "initial", false, INT32_MIN, INT32_MAX, &k->initial);
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
}

static void load_characters(Loader *L, const JNode *root) {
    size_t n;
    const JNode *arr = get_list(L, root, "characters", false, 0, LIMIT_CHARACTERS, &n);
    Scenario *sc = L->sc;
    idtable_init(&L->ix->characters, &sc->arena, n);
    if (!arr || !n) return;
    sc->characters = alloc_n(L, n, sizeof *sc->characters);
    if (!sc->characters) return;
    sc->n_characters = (uint16_t)n;
    register_ids(L, arr, "characters", sc->characters, sizeof(Character), &L->ix->characters, 0);
    size_t mark = jreader_push(&L->r, "characters");
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        if (!jdom_is_object(c)) continue;
        Character *ch = &sc->characters[i];
        size_t m2 = jreader_push_index(&L->r, i);
        jreader_check_keys(&L->r, c, CHARACTER_KEYS);
        jreader_text(&L->r, c, "name", true, true, &ch->name);
        jreader_text(&L->r, c, "role", false, false, &ch->role);
        ch->portrait = load_image(L, c, "portrait", "portrait_alt", &ch->portrait_alt);
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
}

/* ---- top level ------------------------------------------------------------ */

static void load_languages(Loader *L, const JNode *root) {
    size_t n;
    const JNode *arr = get_list(L, root, "languages", true, 1, LANG_COUNT * 4, &n);
    Scenario *sc = L->sc;
    if (!arr || !n) return;
    sc->languages = alloc_n(L, n, sizeof *sc->languages);
    if (!sc->languages) return;
    size_t mark = jreader_push(&L->r, "languages");
    size_t i = 0;
    bool has_fr = false;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(&L->r, i);
        if (jreader_expect(&L->r, c, JT_STRING, "languages")) {
            if (strcmp(c->valuestring, "fr") == 0) has_fr = true;
            if (strcmp(c->valuestring, "en") == 0) L->r.want_en = true;
            if (strcmp(c->valuestring, "fr") != 0 && strcmp(c->valuestring, "en") != 0)
                jreader_report(&L->r, DIAG_UNKNOWN_LANGUAGE, false, c->valuestring, NULL, NULL, NULL);
            else
                sc->languages[sc->n_languages++] = arena_strdup(&sc->arena, c->valuestring);
        }
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
    if (!has_fr) {
        jreader_report(&L->r, DIAG_MISSING_FRENCH, false, NULL, NULL, NULL, NULL);
    }
}

static void load_authors(Loader *L, const JNode *root) {
    size_t n;
    const JNode *arr = get_list(L, root, "authors", true, 1, UINT16_MAX, &n);
    Scenario *sc = L->sc;
    if (!arr || !n) return;
    sc->authors = alloc_n(L, n, sizeof *sc->authors);
    if (!sc->authors) return;
    size_t mark = jreader_push(&L->r, "authors");
    size_t i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(&L->r, i);
        if (jreader_expect(&L->r, c, JT_STRING, "authors") && c->valuestring[0])
            sc->authors[sc->n_authors++] = arena_strdup(&sc->arena, c->valuestring);
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
}

static void load_tool(Loader *L, const JNode *root) {
    const JNode *t = jreader_get(&L->r, root, "tool", JT_OBJECT, true);
    if (!t) return;
    AiTool *tool = &L->sc->tool;
    size_t mark = jreader_push(&L->r, "tool");
    jreader_check_keys(&L->r, t, TOOL_KEYS);
    jreader_text(&L->r, t, "name", true, false, &tool->name);
    jreader_text(&L->r, t, "description", true, false, &tool->description);
    int kind = jreader_enum(&L->r, t, "kind", true, KIND_NAMES, -1);
    tool->kind = kind < 0 ? AI_KIND_OTHER : (AiKind)kind;
    jreader_text(&L->r, t, "provider", true, true, &tool->provider);
    int risk = jreader_enum(&L->r, t, "risk", true, RISK_NAMES, -1);
    tool->risk = risk < 0 ? AI_RISK_MINIMAL : (AiRisk)risk;
    jreader_text(&L->r, t, "risk_note", false, false, &tool->risk_note);
    jreader_pop(&L->r, mark);
}

static void load_targeted(Loader *L, const JNode *root) {
    size_t n;
    const JNode *arr = get_list(L, root, "competencies", true, 1, LIMIT_COMPETENCIES, &n);
    Scenario *sc = L->sc;
    sc->competencies = alloc_n(L, LIMIT_COMPETENCIES + 1, sizeof *sc->competencies);
    idtable_init(&L->ix->competencies, &sc->arena, LIMIT_COMPETENCIES + 1);
    L->evidence_seen = calloc(LIMIT_COMPETENCIES + 1, sizeof(bool));
    if (!L->evidence_seen || !sc->competencies) {
        L->oom = true;
        return;
    }
    if (!arr) return;
    size_t mark = jreader_push(&L->r, "competencies");
    size_t i = 0;
    for (const JNode *c = arr->child; c && sc->n_competencies < LIMIT_COMPETENCIES; c = c->next, i++) {
        size_t m2 = jreader_push_index(&L->r, i);
        if (jreader_expect(&L->r, c, JT_ID, "competencies") && jreader_check_id(&L->r, c->valuestring)) {
            const char *id = c->valuestring;
            if (L->fw && framework_find(L->fw, id) < 0) {
                jreader_report(&L->r, DIAG_UNKNOWN_COMPETENCY, false, id,
                               jreader_suggest(id, FIRST_ID(L->fw->items, L->fw->n_items), L->fw->n_items,
                                               sizeof(Competency)),
                               NULL, NULL);
            } else if (idtable_get(&L->ix->competencies, id) >= 0) {
                char first[64];
                snprintf(first, sizeof first, "/competencies/%d", (int)idtable_get(&L->ix->competencies, id));
                jreader_report_duplicate(&L->r, NULL, first, id);
            } else {
                const char *copy = arena_strdup(&sc->arena, id);
                if (copy) {
                    sc->competencies[sc->n_competencies] = copy;
                    idtable_put(&L->ix->competencies, copy, (int32_t)sc->n_competencies);
                    sc->n_competencies++;
                }
            }
        }
        jreader_pop(&L->r, m2);
    }
    jreader_pop(&L->r, mark);
    sc->n_targeted = sc->n_competencies;
}

/* Loads each object of one list of scenes, events or endings with `fn`. */
#define LOAD_LIST(L, arr, key, items, fn)                                   \
    do {                                                                           \
        size_t mark_ = jreader_push(&(L)->r, key);                                \
        size_t i_ = 0;                                                             \
        for (const JNode *c_ = (arr)->child; c_; c_ = c_->next, i_++) {            \
            if (!jdom_is_object(c_)) continue;                                     \
            size_t m2_ = jreader_push_index(&(L)->r, i_);                          \
            fn((L), c_, &(items)[i_]);                                             \
            jreader_pop(&(L)->r, m2_);                                             \
        }                                                                          \
        jreader_pop(&(L)->r, mark_);                                               \
    } while (0)

static void load_root(Loader *L, const JNode *root) {
    JReader *r = &L->r;
    Scenario *sc = L->sc;
    jreader_check_keys(r, root, TOP_KEYS);
    int32_t format = 0;
    if (jreader_int(r, root, "format", true, INT32_MIN, INT32_MAX, &format)) {
        sc->format = format;
        if (format != SCENARIO_FORMAT_VERSION) {
            char a[24];
            fmt_int(a, sizeof a, format);
            size_t mark = jreader_push(r, "format");
            jreader_report(r, DIAG_BAD_FORMAT_VERSION, false, a, NULL, NULL, NULL);
            jreader_pop(r, mark);
        }
    }
    load_languages(L, root);
    sc->id = jreader_id(r, root, "id", true);
    sc->version = jreader_str(r, root, "version", true, true);
    jreader_text(r, root, "title", true, false, &sc->title);
    jreader_text(r, root, "summary", true, false, &sc->summary);
    jreader_text(r, root, "sector", true, false, &sc->sector);
    int32_t v;
    if (jreader_int(r, root, "level", true, 1, 3, &v)) sc->level = (uint8_t)v;
    if (jreader_int(r, root, "minutes", true, 1, 600, &v)) sc->minutes = (uint16_t)v;
    load_authors(L, root);
    sc->licence = jreader_str(r, root, "licence", true, true);
    sc->framework_path = jreader_str(r, root, "framework", false, true);
    load_tool(L, root);
    jreader_text(r, root, "role", true, false, &sc->role);
    jreader_text(r, root, "context", true, false, &sc->context);
    load_targeted(L, root);
    load_meters(L, root);
    load_flags(L, root);
    load_counters(L, root);
    load_characters(L, root);
    if (L->oom) return;

    /* Ids first: references may point forward. */
    size_t n_scenes, n_events, n_endings;
    const JNode *scenes = get_list(L, root, "scenes", true, 1, LIMIT_SCENES, &n_scenes);
    const JNode *events = get_list(L, root, "events", false, 0, LIMIT_EVENTS, &n_events);
    const JNode *endings = get_list(L, root, "endings", true, 1, LIMIT_ENDINGS, &n_endings);
    if (!idtable_init(&L->ix->targets, &sc->arena, n_scenes + n_endings) ||
        !idtable_init(&L->ix->events, &sc->arena, n_events)) {
        L->oom = true;
        return;
    }
    sc->scenes = alloc_n(L, n_scenes + 1, sizeof *sc->scenes);
    sc->endings = alloc_n(L, n_endings + 1, sizeof *sc->endings);
    sc->events = alloc_n(L, n_events + 1, sizeof *sc->events);
    L->event_scheduled = calloc(n_events + 1, sizeof(bool));
    if (L->oom || !L->event_scheduled) {
        L->oom = true;
        return;
    }
    sc->n_scenes = (uint32_t)n_scenes;
    sc->n_endings = (uint16_t)n_endings;
    sc->n_events = (uint16_t)n_events;
    if (scenes)
        register_ids(L, scenes, "scenes", sc->scenes, sizeof(Scene), &L->ix->targets, 0);
    if (endings)
        register_ids(L, endings, "endings", sc->endings, sizeof(Ending), &L->ix->targets, TARGET_ENDING_BASE);
    if (events)
        register_ids(L, events, "events", sc->events, sizeof(Event), &L->ix->events, 0);

    const JNode *start = jreader_get(r, root, "start", JT_ID, true);
    if (start) {
        int32_t t = idtable_get(&L->ix->targets, start->valuestring);
        if (t < 0 || t >= TARGET_ENDING_BASE) {
            size_t mark = jreader_push(r, "start");
            jreader_report(r, DIAG_UNKNOWN_SCENE, false, start->valuestring,
                           jreader_suggest(start->valuestring, FIRST_ID(sc->scenes, sc->n_scenes), sc->n_scenes, sizeof(Scene)), NULL,
                           NULL);
            jreader_pop(r, mark);
            L->unresolved_target = true;
        } else {
            sc->start = (uint32_t)t;
        }
    } else {
        L->unresolved_target = true;
    }
    if (scenes) LOAD_LIST(L, scenes, "scenes", sc->scenes, load_scene);
    if (events) LOAD_LIST(L, events, "events", sc->events, load_event);
    if (endings) LOAD_LIST(L, endings, "endings", sc->endings, load_ending);
}

/* ---- entry points --------------------------------------------------------- */

static void loader_free(Loader *L) {
    free(L->tests);
    free(L->test_segs);
    free(L->conds);
    free(L->kids);
    free(L->flag_can_true);
    free(L->flag_can_false);
    free(L->event_scheduled);
    free(L->evidence_seen);
    free(L->real_dir);
    jreader_free(&L->r);
}

/* Copies the compiled conditions into the arena. */
static void finish_conds(Loader *L) {
    Scenario *sc = L->sc;
    if (L->n_conds) {
        sc->conds = alloc_n(L, L->n_conds, sizeof *sc->conds);
        if (sc->conds) memcpy(sc->conds, L->conds, L->n_conds * sizeof *sc->conds);
        sc->n_conds = L->n_conds;
    }
    if (L->n_kids) {
        sc->cond_kids = alloc_n(L, L->n_kids, sizeof *sc->cond_kids);
        if (sc->cond_kids) memcpy(sc->cond_kids, L->kids, L->n_kids * sizeof *sc->cond_kids);
        sc->n_cond_kids = L->n_kids;
    }
}

/* Where the framework of a scenario is: its `framework` member, relative to
 * the scenario's folder, or ../competencies.json. An absolute path is
 * refused (never read): a scenario names files of its library only. */
static Framework *load_named_framework(Loader *L, const JNode *root) {
    const JNode *f = jdom_get(root, "framework");
    const char *rel = jdom_is_string(f) && f->valuestring[0] ? f->valuestring : "../competencies.json";
    bool absolute = rel[0] == '/' || rel[0] == '\\' || (rel[0] && rel[1] == ':');
    if (absolute) {
        const char *args[4] = {rel,
                               L->r.dl->lang == LANG_FR ? "un chemin absolu n'est pas accepté, donnez-le relatif au "
                                                          "dossier du scénario (ex. ../competencies.json)"
                                                        : "an absolute path is not accepted, give it relative to "
                                                          "the scenario's folder (e.g. ../competencies.json)",
                               NULL, NULL};
        jreader_report_at(&L->r, DIAG_FRAMEWORK, "/framework", false, 0, args);
        return NULL;
    }
    char *path = fsutil_join(L->sc->dir, rel);
    if (!path) {
        L->oom = true;
        return NULL;
    }
    DiagList tmp;
    diag_list_init(&tmp, L->r.dl->lang);
    Framework *fw = framework_load(path, &tmp);
    if (!fw) {
        const char *why = "";
        for (size_t i = 0; i < tmp.count && !why[0]; i++)
            if (tmp.items[i].severity == DIAG_ERROR) why = tmp.items[i].message;
        const char *args[4] = {rel, why, NULL, NULL};
        if (jdom_is_string(f)) {
            jreader_report_at(&L->r, DIAG_FRAMEWORK, "/framework", false, 0, args);
        } else {
            L->r.errors++;
            diag_add(L->r.dl, DIAG_FRAMEWORK, L->r.file, 1, 1, "", args);
        }
    }
    diag_list_free(&tmp);
    free(path);
    return fw;
}

/* `keep_model`: return the scenario even when the whole-scenario checks
 * (validate_scenario) found errors, as long as loading itself found none. */
static Scenario *load(const char *path, const char *data, size_t len, const Framework *fw, bool auto_fw,
                      Framework **fw_out, bool keep_model, DiagList *dl) {
    if (fw_out) *fw_out = NULL;
    Scenario *sc = calloc(1, sizeof *sc);
    if (!sc) return NULL;
    arena_init(&sc->arena);
    Loader L;
    memset(&L, 0, sizeof L);
    L.sc = sc;
    L.fw = fw;
    sc->path = arena_strdup(&sc->arena, path ? path : "");
    char *dir = fsutil_dirname(sc->path ? sc->path : "");
    sc->dir = dir ? arena_strdup(&sc->arena, dir) : NULL;
    free(dir);
    sc->index = arena_alloc(&sc->arena, sizeof *sc->index);
    L.ix = sc->index;
    jreader_init(&L.r, dl, sc->path ? sc->path : "", &sc->arena);
    size_t errors_before = dl->errors, first_diag = dl->count;
    bool modeled = false;           /* load_root ran */
    size_t errors_loaded = errors_before;
    if (!sc->path || !sc->dir || !sc->index) {
        L.oom = true;
        goto done;
    }
    if (data) {
        jreader_set_buffer(&L.r, data, len);
    } else if (!jreader_read_file(&L.r, LIMIT_FILE_BYTES)) {
        goto done;
    } else {
        data = L.r.data;
        len = L.r.data_len;
    }
    JNode *root = jreader_parse(&L.r, LIMIT_FILE_BYTES);
    if (!root) goto done;
    sc->content_hash = L.r.hash; /* hash_content() of the file's bytes */
    if (!jreader_expect(&L.r, root, JT_ROOT, "/")) {
        goto done;
    }
    Framework *own_fw = NULL;
    if (auto_fw) {
        own_fw = load_named_framework(&L, root);
        L.fw = own_fw;
    }
    load_root(&L, root);
    modeled = true;
    errors_loaded = dl->errors;
    if (!L.oom) {
        finish_conds(&L);
        errors_loaded = dl->errors;
        validate_scenario(&L);
    }
    if (fw_out)
        *fw_out = own_fw;
    else
        framework_free(own_fw);
done:
    if (L.oom) {
        const char *args[4] = {sc->path ? sc->path : "", "out of memory", NULL, NULL};
        diag_add(dl, DIAG_IO, sc->path ? sc->path : "", 0, 0, "", args);
    }
    loader_free(&L);
    diag_list_sort(dl, first_diag);
    bool keep = keep_model && modeled && !L.oom && errors_loaded == errors_before;
    if (L.oom || (dl->errors > errors_before && !keep)) {
        scenario_free(sc);
        return NULL;
    }
    return sc;
}

Scenario *scenario_load(const char *path, const struct Framework *framework, DiagList *dl) {
    return load(path, NULL, 0, framework, false, NULL, false, dl);
}

Scenario *scenario_load_buffer(const char *path, const char *data, size_t len,
                               const struct Framework *framework, DiagList *dl) {
    return load(path, data ? data : "", data ? len : 0, framework, false, NULL, false, dl);
}

Scenario *scenario_load_auto(const char *path, struct Framework **fw_out, DiagList *dl) {
    return load(path, NULL, 0, NULL, true, fw_out, false, dl);
}

Scenario *scenario_load_model(const char *path, struct Framework **fw_out, DiagList *dl) {
    return load(path, NULL, 0, NULL, true, fw_out, true, dl);
}

void scenario_free(Scenario *sc) {
    if (!sc) return;
    arena_release(&sc->arena);
    free(sc);
}

int32_t scenario_find_scene(const Scenario *sc, const char *id) {
    int32_t v = idtable_get(&sc->index->targets, id);
    return v >= 0 && v < TARGET_ENDING_BASE ? v : -1;
}

int32_t scenario_find_ending(const Scenario *sc, const char *id) {
    int32_t v = idtable_get(&sc->index->targets, id);
    return v >= TARGET_ENDING_BASE ? v - TARGET_ENDING_BASE : -1;
}

int32_t scenario_find_meter(const Scenario *sc, const char *id) { return idtable_get(&sc->index->meters, id); }
int32_t scenario_find_flag(const Scenario *sc, const char *id) { return idtable_get(&sc->index->flags, id); }
int32_t scenario_find_counter(const Scenario *sc, const char *id) { return idtable_get(&sc->index->counters, id); }
int32_t scenario_find_event(const Scenario *sc, const char *id) { return idtable_get(&sc->index->events, id); }
int32_t scenario_find_character(const Scenario *sc, const char *id) {
    return idtable_get(&sc->index->characters, id);
}
int32_t scenario_find_competency(const Scenario *sc, const char *id) {
    return idtable_get(&sc->index->competencies, id);
}

int32_t scenario_find_choice(const Scenario *sc, uint32_t scene, const char *id) {
    if (scene >= sc->n_scenes || !id) return -1;
    const Scene *s = &sc->scenes[scene];
    for (uint16_t i = 0; i < s->n_choices; i++)
        if (s->choices[i].id && strcmp(s->choices[i].id, id) == 0) return i;
    return -1;
}

void scenario_hash_hex(const Scenario *sc, char out[17]) {
    snprintf(out, 17, "%016llx", (unsigned long long)sc->content_hash);
}
