/* report_data.c — reading report-data.json (docs/report.md) back into a
 * Report for the window's debrief mode: the projector's computer needs
 * neither the results files nor the scenarios. Checked field by field with
 * the loaders' reader, so a damaged file is named with its line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idtable.h"
#include "core/jreader.h"
#include "core/report.h"

enum { DATA_FILE_LIMIT = 64 * 1024 * 1024 };

/* A localised text member: object by language code, or null/absent. */
static bool read_loc(JReader *rd, Arena *a, const JNode *obj, const char *key, LocStr *out) {
    memset(out, 0, sizeof *out);
    const JNode *v = jdom_get(obj, key);
    if (!v || jdom_is_null(v)) return true;
    if (!jdom_is_object(v)) {
        jreader_get(rd, obj, key, JT_OBJECT, false);
        return true;
    }
    for (int l = 0; l < LANG_COUNT; l++) {
        const JNode *s = jdom_get(v, lang_code((Lang)l));
        if (jdom_is_string(s) && !(out->s[l] = arena_strdup(a, s->valuestring))) return false;
    }
    return true;
}

static uint32_t read_u32(JReader *rd, const JNode *obj, const char *key) {
    int32_t v = 0;
    if (jdom_get(obj, key) && !jdom_is_null(jdom_get(obj, key))) jreader_int(rd, obj, key, true, 0, INT32_MAX, &v);
    return (uint32_t)v;
}

static const char *read_str(JReader *rd, Arena *a, const JNode *obj, const char *key) {
    const char *s = jreader_str(rd, obj, key, false, false);
    return arena_strdup(a, s ? s : "");
}

/* Calls `fn` on each object element of array member `key`, `max` of them
 * at most (the room the caller made: more is reported as past the limit);
 * false on OOM. */
typedef bool (*EachFn)(JReader *rd, Report *r, const JNode *o, void *ctx, size_t i);
static bool each(JReader *rd, Report *r, const JNode *obj, const char *key, EachFn fn, void *ctx, size_t max,
                 size_t *n) {
    const JNode *arr = jreader_get(rd, obj, key, JT_ARRAY, false);
    *n = 0;
    if (!arr) return true;
    size_t mark = jreader_push(rd, key), i = 0;
    if (jdom_count(arr) > max) {
        char a[24], b[24];
        snprintf(a, sizeof a, "%u", (unsigned)jdom_count(arr));
        snprintf(b, sizeof b, "%zu", max);
        jreader_report(rd, DIAG_LIMIT, false, key, a, b, NULL);
    }
    bool ok = true;
    for (const JNode *c = arr->child; c && ok && *n < max; c = c->next, i++) {
        size_t m2 = jreader_push_index(rd, i);
        if (jreader_expect(rd, c, JT_OBJECT, key)) ok = fn(rd, r, c, ctx, (*n)++);
        jreader_pop(rd, m2);
    }
    jreader_pop(rd, mark);
    return ok;
}

static bool read_comp(JReader *rd, Report *r, const JNode *o, void *ctx, size_t i) {
    ReportCompetency *c = &((ReportCompetency *)ctx)[i];
    c->id = read_str(rd, &r->arena, o, "id");
    if (!c->id || !read_loc(rd, &r->arena, o, "name", &c->name)) return false;
    c->targeted = jdom_is_true(jdom_get(o, "targeted"));
    c->assessed = read_u32(rd, o, "assessed");
    const JNode *m = jdom_get(o, "median");
    c->median = -1;
    if (m && !jdom_is_null(m)) jreader_int(rd, o, "median", false, 0, 100, &c->median);
    const JNode *b = jreader_get(rd, o, "bands", JT_ARRAY, false);
    int k = 0;
    for (const JNode *e = b ? b->child : NULL; e && k < 10; e = e->next, k++) {
        int32_t v;
        if (jreader_int_value(e, &v) && v >= 0) c->bands[k] = (uint32_t)v;
    }
    const JNode *ms = jreader_get(rd, o, "mastery", JT_OBJECT, false);
    for (int x = RM_TO_WORK_ON; ms && x < RM_COUNT; x++) {
        int32_t v;
        if (jreader_int_value(jdom_get(ms, report_mastery_slug((ReportMastery)x)), &v) && v >= 0)
            c->mastery[x] = (uint32_t)v;
    }
    return true;
}

static bool read_comps(JReader *rd, Report *r, const JNode *obj, ReportCompetency **out, uint16_t *n) {
    const JNode *arr = jdom_get(obj, "competencies");
    uint32_t count = jdom_is_array(arr) ? jdom_count(arr) : 0;
    if (count > UINT16_MAX) count = UINT16_MAX;
    *out = calloc(count ? count : 1, sizeof **out);
    if (!*out) return false;
    size_t got;
    bool ok = each(rd, r, obj, "competencies", read_comp, *out, count, &got);
    *n = (uint16_t)(got > count ? count : got);
    return ok;
}

static bool read_choice(JReader *rd, Report *r, const JNode *o, void *ctx, size_t i) {
    ReportChoice *c = &((ReportChoice *)ctx)[i];
    c->id = read_str(rd, &r->arena, o, "id");
    c->count = read_u32(rd, o, "count");
    return c->id && read_loc(rd, &r->arena, o, "text", &c->text) &&
           read_loc(rd, &r->arena, o, "feedback", &c->feedback) && read_loc(rd, &r->arena, o, "principle", &c->principle);
}

static bool read_decision(JReader *rd, Report *r, const JNode *o, void *ctx, size_t i) {
    ReportDecision *d = &((ReportDecision *)ctx)[i];
    d->scene = read_str(rd, &r->arena, o, "scene");
    d->reached = read_u32(rd, o, "reached");
    d->median_ms = read_u32(rd, o, "median_ms");
    if (!d->scene || !read_loc(rd, &r->arena, o, "title", &d->title) || !read_loc(rd, &r->arena, o, "text", &d->text) ||
        !read_loc(rd, &r->arena, o, "debrief", &d->debrief))
        return false;
    const JNode *arr = jdom_get(o, "choices");
    uint32_t count = jdom_is_array(arr) ? jdom_count(arr) : 0;
    if (count > UINT16_MAX) count = UINT16_MAX;
    d->choices = calloc(count ? count : 1, sizeof *d->choices);
    if (!d->choices) return false;
    size_t got;
    bool ok = each(rd, r, o, "choices", read_choice, d->choices, count, &got);
    d->n_choices = d->cap_choices = (uint16_t)(got > count ? count : got);
    return ok;
}

static bool read_ending(JReader *rd, Report *r, const JNode *o, void *ctx, size_t i) {
    ReportEnding *e = &((ReportEnding *)ctx)[i];
    e->id = read_str(rd, &r->arena, o, "id");
    e->tone = read_str(rd, &r->arena, o, "tone");
    e->count = read_u32(rd, o, "count");
    return e->id && e->tone && read_loc(rd, &r->arena, o, "title", &e->title);
}

static bool read_scenario(JReader *rd, Report *r, const JNode *o, void *ctx, size_t i) {
    (void)ctx;
    ReportScenario *s = &r->scenarios[i];
    s->id = read_str(rd, &r->arena, o, "id");
    s->version = read_str(rd, &r->arena, o, "version");
    s->content_hash = "";
    if (!s->id || !s->version || !read_loc(rd, &r->arena, o, "title", &s->title)) return false;
    int32_t level = 0;
    if (jdom_get(o, "level")) jreader_int(rd, o, "level", false, 0, 3, &level);
    s->level = level;
    s->plays = read_u32(rd, o, "plays");
    s->other_hash = read_u32(rd, o, "other_version_plays");
    s->median_ms = read_u32(rd, o, "median_ms");
    static const char *const SOURCES[] = {"texts", "missing", "changed", NULL};
    int src = jreader_enum(rd, o, "source", false, SOURCES, RS_MISSING);
    s->source = src < 0 ? RS_MISSING : (ReportSource)src;
    const JNode *arr = jdom_get(o, "endings");
    uint32_t ne = jdom_is_array(arr) ? jdom_count(arr) : 0;
    if (ne > UINT16_MAX) ne = UINT16_MAX;
    s->endings = calloc(ne ? ne : 1, sizeof *s->endings);
    arr = jdom_get(o, "decisions");
    uint32_t nd = jdom_is_array(arr) ? jdom_count(arr) : 0;
    s->decisions = calloc(nd ? nd : 1, sizeof *s->decisions);
    if (!s->endings || !s->decisions) return false;
    size_t got;
    if (!each(rd, r, o, "endings", read_ending, s->endings, ne, &got)) return false;
    s->n_endings = s->cap_endings = (uint16_t)(got > ne ? ne : got);
    s->n_decisions = s->cap_decisions = nd;
    if (!each(rd, r, o, "decisions", read_decision, s->decisions, nd, &got)) return false;
    return read_comps(rd, r, o, &s->comps, &s->n_comps);
}

/* The workshop codes: strings, each kept once. */
static bool read_workshops(JReader *rd, Report *r, const JNode *root) {
    const JNode *arr = jreader_get(rd, root, "workshops", JT_ARRAY, false);
    uint32_t count = arr ? jdom_count(arr) : 0;
    if (count > UINT16_MAX) {
        char a[24], b[24];
        snprintf(a, sizeof a, "%u", (unsigned)count);
        snprintf(b, sizeof b, "%u", (unsigned)UINT16_MAX);
        size_t m = jreader_push(rd, "workshops");
        jreader_report(rd, DIAG_LIMIT, false, "workshops", a, b, NULL);
        jreader_pop(rd, m);
        count = UINT16_MAX;
    }
    r->workshops = calloc(count ? count : 1, sizeof *r->workshops);
    if (!r->workshops) return false;
    r->cap_workshops = (uint16_t)(count ? count : 1);
    IdTable seen = {0};
    if (count && !idtable_init(&seen, rd->arena, count)) return false;
    for (const JNode *w = arr ? arr->child : NULL; w && r->n_workshops < count; w = w->next) {
        if (!jdom_is_string(w) || !w->valuestring[0] || idtable_get(&seen, w->valuestring) >= 0) continue;
        if (!(r->workshops[r->n_workshops] = arena_strdup(&r->arena, w->valuestring))) return false;
        if (idtable_put(&seen, r->workshops[r->n_workshops], 0) == -2) return false;
        r->n_workshops++;
    }
    return true;
}

/* Reads report data from the source `rd` was given; `have_source` false
 * when that source could not be read (already reported). */
static Report *data_read(JReader *rd, Report *r, bool have_source) {
    bool ok = false;
    JNode *root = have_source ? jreader_parse(rd, DATA_FILE_LIMIT) : NULL;
    if (root && jreader_expect(rd, root, JT_ROOT, "")) {
        const char *kind = jreader_str(rd, root, "kind", true, true);
        int32_t format = 0;
        bool fmt = jreader_int(rd, root, "format", true, INT32_MIN, INT32_MAX, &format);
        if (kind && strcmp(kind, "enjeux-report-data") != 0) {
            size_t m = jreader_push(rd, "kind");
            jreader_report(rd, DIAG_BAD_VALUE, false, "kind", kind, "enjeux-report-data", NULL);
            jreader_pop(rd, m);
        } else if (fmt && format != 1) {
            char a[24];
            snprintf(a, sizeof a, "%d", (int)format);
            size_t m = jreader_push(rd, "format");
            jreader_report(rd, DIAG_BAD_VALUE, false, "format", a, "1", NULL);
            jreader_pop(rd, m);
        }
        if (rd->errors == 0) {
            r->files = read_u32(rd, root, "files");
            r->plays = read_u32(rd, root, "plays");
            r->duplicates = read_u32(rd, root, "duplicates");
            r->skipped = read_u32(rd, root, "skipped");
            r->bad = read_u32(rd, root, "bad");
            const JNode *arr = jdom_get(root, "scenarios");
            uint32_t ns = jdom_is_array(arr) ? jdom_count(arr) : 0;
            if (ns > UINT16_MAX) ns = UINT16_MAX;
            r->scenarios = calloc(ns ? ns : 1, sizeof *r->scenarios);
            size_t got = 0;
            ok = r->scenarios && each(rd, r, root, "scenarios", read_scenario, NULL, ns, &got);
            r->n_scenarios = r->cap_scenarios = (uint16_t)(got > ns ? ns : got);
            ok = ok && read_comps(rd, r, root, &r->comps, &r->n_comps) && read_workshops(rd, r, root);
            r->cap_comps = r->n_comps;
            /* Each id names the first competency with that id, once. */
            const JNode *focus = jdom_get(root, "focus");
            for (const JNode *f = jdom_is_array(focus) ? focus->child : NULL; f && r->n_focus < REPORT_FOCUS_MAX;
                 f = f->next) {
                uint16_t c = 0;
                while (jdom_is_string(f) && c < r->n_comps && strcmp(r->comps[c].id, f->valuestring) != 0) c++;
                bool known = jdom_is_string(f) && c < r->n_comps;
                for (uint16_t k = 0; known && k < r->n_focus; k++) known = r->focus[k] != c;
                if (known) r->focus[r->n_focus++] = c;
            }
            ok = ok && rd->errors == 0;
        }
    }
    if (!ok) {
        report_destroy(r);
        return NULL;
    }
    return r;
}

/* Reads report-data from `data` when given, else from the file `path`. */
static Report *data_load(const char *path, const char *data, size_t len, Lang lang, DiagList *dl) {
    Report *r = report_create(lang);
    if (!r) return NULL;
    r->finished = true;
    Arena scratch;
    arena_init(&scratch);
    JReader rd;
    jreader_init(&rd, dl, path, &scratch);
    bool read = true;
    if (data) jreader_set_buffer(&rd, data, len);
    else read = jreader_read_file(&rd, DATA_FILE_LIMIT);
    r = data_read(&rd, r, read);
    jreader_free(&rd);
    arena_release(&scratch);
    return r;
}

Report *report_data_load(const char *path, Lang lang, DiagList *dl) {
    return data_load(path, NULL, 0, lang, dl);
}

Report *report_data_parse(const char *path, const char *data, size_t len, Lang lang, DiagList *dl) {
    return data_load(path, data ? data : "", len, lang, dl);
}
