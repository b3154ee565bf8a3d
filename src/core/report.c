/* report.c — reading results files into a class report and completing it
 * with the scenarios' texts; see report.h. The writers are report_html.c,
 * report_csv.c and report_json.c. */
#include "core/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/framework.h"
#include "core/fsutil.h"
#include "core/idtable.h"
#include "core/jreader.h"
#include "core/results.h"
#include "core/scenario.h"

/* ---- a growing map from strings (kept in the report's arena) to indices */

typedef struct StrMap {
    IdSlot *slots;            /* malloc'd */
    uint32_t cap, count;
} StrMap;

static StrMap *strmap_new(void) { return calloc(1, sizeof(StrMap)); }

static void strmap_free(StrMap *m) {
    if (!m) return;
    free(m->slots);
    free(m);
}

static int32_t strmap_get(const StrMap *m, const char *key) {
    if (!m || !m->cap) return -1;
    uint32_t mask = m->cap - 1;
    for (uint32_t i = (uint32_t)idtable_fnv1a(key, strlen(key)) & mask;; i = (i + 1) & mask) {
        if (!m->slots[i].key) return -1;
        if (strcmp(m->slots[i].key, key) == 0) return m->slots[i].value;
    }
}

/* Inserts key → value (the key must outlive the map); false on OOM. */
static bool strmap_put(StrMap *m, const char *key, int32_t value) {
    if ((m->count + 1) * 2 > m->cap) {
        uint32_t cap = m->cap ? m->cap * 2 : 64;
        IdSlot *slots = calloc(cap, sizeof *slots);
        if (!slots) return false;
        for (uint32_t j = 0; j < m->cap; j++) {
            if (!m->slots[j].key) continue;
            uint32_t i = (uint32_t)idtable_fnv1a(m->slots[j].key, strlen(m->slots[j].key)) & (cap - 1);
            while (slots[i].key) i = (i + 1) & (cap - 1);
            slots[i] = m->slots[j];
        }
        free(m->slots);
        m->slots = slots;
        m->cap = cap;
    }
    uint32_t mask = m->cap - 1;
    uint32_t i = (uint32_t)idtable_fnv1a(key, strlen(key)) & mask;
    while (m->slots[i].key) i = (i + 1) & mask;
    m->slots[i].key = key;
    m->slots[i].value = value;
    m->count++;
    return true;
}

/* Grows a malloc'd array to hold one more element; false on OOM. */
static bool grow(void **items, uint32_t n, uint32_t *cap, size_t size) {
    if (n < *cap) return true;
    uint32_t nc = *cap ? *cap * 2 : 8;
    void *p = realloc(*items, (size_t)nc * size);
    if (!p) return false;
    memset((char *)p + (size_t)*cap * size, 0, (size_t)(nc - *cap) * size);
    *items = p;
    *cap = nc;
    return true;
}

static bool grow16(void **items, uint16_t n, uint16_t *cap, size_t size) {
    uint32_t c = *cap;
    if (n >= UINT16_MAX) return false;
    if (!grow(items, n, &c, size)) return false;
    *cap = (uint16_t)(c > UINT16_MAX ? UINT16_MAX : c);
    return true;
}

/* ---- small public helpers */

uint32_t report_percent(uint32_t count, uint32_t total) {
    if (total == 0) return 0;
    return (uint32_t)(((uint64_t)count * 200 + total) / ((uint64_t)total * 2));
}

char *report_format_duration(char *out, size_t outlen, uint32_t ms, Lang lang) {
    uint32_t s = (ms + 500) / 1000;
    (void)lang;
    if (s < 60) snprintf(out, outlen, "%u\u00A0s", (unsigned)s);
    else snprintf(out, outlen, "%u\u00A0min %02u\u00A0s", (unsigned)(s / 60), (unsigned)(s % 60));
    return out;
}

static const char *const MASTERY_SLUGS[RM_COUNT] = {"not_assessed", "to_work_on", "in_progress", "acquired"};

/* "to_work_on" and "to-work-on" are the same slug. */
static bool slug_eq(const char *a, const char *b) {
    for (; *a && *b; a++, b++)
        if (*a != *b && !((*a == '-' || *a == '_') && (*b == '-' || *b == '_'))) return false;
    return *a == *b;
}

ReportMastery report_mastery_parse(const char *slug) {
    for (int i = 0; slug && i < RM_COUNT; i++)
        if (slug_eq(slug, MASTERY_SLUGS[i])) return (ReportMastery)i;
    return RM_NOT_ASSESSED;
}

const char *report_mastery_slug(ReportMastery m) {
    return (unsigned)m < RM_COUNT ? MASTERY_SLUGS[m] : MASTERY_SLUGS[0];
}

/* ---- create / destroy */

Report *report_create(Lang lang) {
    Report *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    arena_init(&r->arena);
    r->lang = lang;
    diag_list_init(&r->diags, lang);
    r->plays_seen = strmap_new();
    if (!r->plays_seen) {
        free(r);
        return NULL;
    }
    return r;
}

static void free_scenario(ReportScenario *s) {
    for (uint32_t i = 0; i < s->n_decisions; i++) {
        free(s->decisions[i].choices);
        free(s->decisions[i].times);
        strmap_free(s->decisions[i].choice_index);
    }
    free(s->decisions);
    free(s->endings);
    free(s->comps);
    free(s->times);
    free(s->hashes);
    free(s->hash_plays);
    strmap_free(s->index);
}

void report_destroy(Report *r) {
    if (!r) return;
    for (uint16_t i = 0; i < r->n_scenarios; i++) free_scenario(&r->scenarios[i]);
    free(r->scenarios);
    free(r->comps);
    free(r->workshops);
    strmap_free(r->plays_seen);
    diag_list_free(&r->diags);
    arena_release(&r->arena);
    free(r);
}

/* ---- reading one file */

/* What one valid file holds, pointing into the reader's tree. */
typedef struct Play {
    const char *play_id, *workshop, *sc_id, *version, *hash, *started, *finished, *end_id, *end_tone;
    int32_t level;
    const JNode *decisions, *comps;
} Play;

static bool add_time(uint32_t **times, uint32_t *n, uint32_t *cap, uint32_t ms) {
    if (!grow((void **)times, *n, cap, sizeof **times)) return false;
    (*times)[(*n)++] = ms;
    return true;
}

static ReportCompetency *find_comp(Arena *a, ReportCompetency **comps, uint16_t *n, uint16_t *cap,
                                   const char *id) {
    for (uint16_t i = 0; i < *n; i++)
        if (strcmp((*comps)[i].id, id) == 0) return &(*comps)[i];
    if (!grow16((void **)comps, *n, cap, sizeof **comps)) return NULL;
    ReportCompetency *c = &(*comps)[*n];
    memset(c, 0, sizeof *c);
    c->id = arena_strdup(a, id);
    c->median = -1;
    if (!c->id) return NULL;
    (*n)++;
    return c;
}

static ReportScenario *find_scenario(Report *r, const Play *p) {
    for (uint16_t i = 0; i < r->n_scenarios; i++)
        if (strcmp(r->scenarios[i].id, p->sc_id) == 0) return &r->scenarios[i];
    if (!grow16((void **)&r->scenarios, r->n_scenarios, &r->cap_scenarios, sizeof *r->scenarios)) return NULL;
    ReportScenario *s = &r->scenarios[r->n_scenarios];
    memset(s, 0, sizeof *s);
    s->id = arena_strdup(&r->arena, p->sc_id);
    s->version = arena_strdup(&r->arena, p->version ? p->version : "");
    s->content_hash = arena_strdup(&r->arena, p->hash ? p->hash : "");
    s->level = p->level;
    s->index = strmap_new();
    if (!s->id || !s->version || !s->content_hash || !s->index) {
        strmap_free(s->index);
        return NULL;
    }
    r->n_scenarios++;
    return s;
}

static ReportDecision *find_decision(Report *r, ReportScenario *s, const char *scene) {
    int32_t i = strmap_get(s->index, scene);
    if (i >= 0) return &s->decisions[i];
    if (!grow((void **)&s->decisions, s->n_decisions, &s->cap_decisions, sizeof *s->decisions)) return NULL;
    ReportDecision *d = &s->decisions[s->n_decisions];
    memset(d, 0, sizeof *d);
    d->scene = arena_strdup(&r->arena, scene);
    if (!d->scene || !strmap_put(s->index, d->scene, (int32_t)s->n_decisions)) return NULL;
    s->n_decisions++;
    return d;
}

/* A scene's choices are looked up in a list while they are few, in a map
 * past CHOICE_LIST (only files that were not written by the game have
 * more: a play names the choices of its scenario). */
enum { CHOICE_LIST = 16 };

/* Most choices one scene can list: room is kept for the scenario's own
 * choices, added to the list by report_finish. */
#define REPORT_CHOICES_MAX (UINT16_MAX - LIMIT_CHOICES)

static int32_t lookup_choice(const ReportDecision *d, const char *id) {
    if (d->choice_index) return strmap_get(d->choice_index, id);
    for (uint16_t i = 0; i < d->n_choices; i++)
        if (strcmp(d->choices[i].id, id) == 0) return i;
    return -1;
}

static ReportChoice *find_choice(Report *r, ReportDecision *d, const char *id) {
    int32_t i = lookup_choice(d, id);
    if (i >= 0) return &d->choices[i];
    if (d->n_choices >= REPORT_CHOICES_MAX) return NULL;
    if (!grow16((void **)&d->choices, d->n_choices, &d->cap_choices, sizeof *d->choices)) return NULL;
    ReportChoice *c = &d->choices[d->n_choices];
    memset(c, 0, sizeof *c);
    c->id = arena_strdup(&r->arena, id);
    if (!c->id) return NULL;
    d->n_choices++;
    if (!d->choice_index && d->n_choices > CHOICE_LIST) {
        if (!(d->choice_index = strmap_new())) return NULL;
        for (uint16_t k = 0; k + 1 < d->n_choices; k++)
            if (!strmap_put(d->choice_index, d->choices[k].id, k)) return NULL;
    }
    if (d->choice_index && !strmap_put(d->choice_index, c->id, d->n_choices - 1)) return NULL;
    return c;
}

/* Reads and checks the fields the report uses; false when any is missing or
 * wrong (each problem reported). */
static bool read_play(JReader *rd, const JNode *root, Play *p) {
    size_t errors = rd->errors;
    memset(p, 0, sizeof *p);
    p->play_id = jreader_str(rd, root, "play_id", true, true);
    const JNode *ws = jdom_get(root, "workshop");
    if (ws && !jdom_is_null(ws)) p->workshop = jreader_str(rd, root, "workshop", false, false);
    const JNode *sc = jreader_get(rd, root, "scenario", JT_OBJECT, true);
    if (sc) {
        size_t m = jreader_push(rd, "scenario");
        p->sc_id = jreader_id(rd, sc, "id", true);
        p->version = jreader_str(rd, sc, "version", false, false);
        p->hash = jreader_str(rd, sc, "content_hash", false, false);
        if (jdom_get(sc, "level")) jreader_int(rd, sc, "level", false, 1, 3, &p->level);
        jreader_pop(rd, m);
    }
    p->started = jreader_str(rd, root, "started", false, false);
    p->finished = jreader_str(rd, root, "finished", false, false);
    const JNode *end = jdom_get(root, "ending");
    if (end && !jdom_is_null(end) && jreader_expect(rd, end, JT_OBJECT, "ending")) {
        size_t m = jreader_push(rd, "ending");
        p->end_id = jreader_id(rd, end, "id", true);
        p->end_tone = jreader_str(rd, end, "tone", false, false);
        jreader_pop(rd, m);
    }
    p->decisions = jreader_get(rd, root, "decisions", JT_ARRAY, true);
    if (p->decisions) {
        size_t m = jreader_push(rd, "decisions"), i = 0;
        for (const JNode *d = p->decisions->child; d; d = d->next, i++) {
            size_t m2 = jreader_push_index(rd, i);
            if (jreader_expect(rd, d, JT_OBJECT, "decisions")) {
                int32_t t;
                jreader_id(rd, d, "scene", true);
                jreader_id(rd, d, "choice", true);
                if (jdom_get(d, "time_ms")) jreader_int(rd, d, "time_ms", false, 0, INT32_MAX, &t);
            }
            jreader_pop(rd, m2);
        }
        jreader_pop(rd, m);
    }
    p->comps = jreader_get(rd, root, "competencies", JT_ARRAY, false);
    if (p->comps) {
        size_t m = jreader_push(rd, "competencies"), i = 0;
        /* A competency listed twice would count twice in the class's figures. */
        IdTable seen = {0};
        if (!idtable_init(&seen, rd->arena, p->comps->count)) seen = (IdTable){0};
        for (const JNode *c = p->comps->child; c; c = c->next, i++) {
            size_t m2 = jreader_push_index(rd, i);
            if (jreader_expect(rd, c, JT_OBJECT, "competencies")) {
                int32_t v, first;
                const char *id = jreader_id(rd, c, "id", true);
                if (id && (first = idtable_put(&seen, id, (int32_t)i)) >= 0) {
                    char path[48];
                    snprintf(path, sizeof path, "/competencies/%d", (int)first);
                    jreader_report_duplicate(rd, "id", path, id);
                }
                const JNode *s = jdom_get(c, "score");
                if (s && !jdom_is_null(s)) jreader_int(rd, c, "score", false, 0, 100, &v);
                const JNode *ms = jdom_get(c, "mastery");
                if (ms && !jdom_is_string(ms)) jreader_get(rd, c, "mastery", JT_STRING, false);
            }
            jreader_pop(rd, m2);
        }
        jreader_pop(rd, m);
    }
    return rd->errors == errors;
}

static bool note_workshop(Report *r, const char *code) {
    if (!code || !*code) return true;
    for (uint16_t i = 0; i < r->n_workshops; i++)
        if (strcmp(r->workshops[i], code) == 0) return true;
    if (!grow16((void **)&r->workshops, r->n_workshops, &r->cap_workshops, sizeof *r->workshops)) return false;
    r->workshops[r->n_workshops] = arena_strdup(&r->arena, code);
    return r->workshops[r->n_workshops++] != NULL;
}

/* The workshop's first start and last end, from dates that are real
 * ISO 8601 times (so plain ASCII: the page cuts them into date and hour). */
static void note_dates(Report *r, const Play *p) {
    int64_t ms;
    bool started = p->started && results_parse_iso8601(p->started, &ms);
    bool finished = p->finished && results_parse_iso8601(p->finished, &ms);
    if (started && strlen(p->started) < sizeof r->first_started &&
        (!r->first_started[0] || strcmp(p->started, r->first_started) < 0))
        snprintf(r->first_started, sizeof r->first_started, "%s", p->started);
    if (finished && strlen(p->finished) < sizeof r->last_finished && strcmp(p->finished, r->last_finished) > 0)
        snprintf(r->last_finished, sizeof r->last_finished, "%s", p->finished);
}

static bool count_comp(ReportCompetency *c, const JNode *o) {
    const JNode *t = jdom_get(o, "targeted");
    if (jdom_is_true(t)) c->targeted = true;
    const JNode *s = jdom_get(o, "score");
    const JNode *ms = jdom_get(o, "mastery");
    ReportMastery m = jdom_is_string(ms) ? report_mastery_parse(ms->valuestring) : RM_NOT_ASSESSED;
    if (s && jdom_is_number(s)) {
        int32_t v;
        if (!jreader_int_value(s, &v) || v < 0 || v > 100) return true;
        c->assessed++;
        c->hist[v]++;
    } else {
        m = RM_NOT_ASSESSED;
    }
    c->mastery[m]++;
    return true;
}

/* The report keeps at most UINT16_MAX - 1 scenarios, versions, endings,
 * workshops and competencies, and REPORT_CHOICES_MAX choices in a scene:
 * says which list a play could take past that, before it changes anything,
 * so a file that does not fit is left out whole (NULL: it fits). `*had`,
 * `*adds`, `*max` get the list's size, the most the play could add to it,
 * and its limit. */
static bool has_comp(const ReportCompetency *c, uint16_t n, const char *id) {
    for (uint16_t i = 0; i < n; i++)
        if (strcmp(c[i].id, id) == 0) return true;
    return false;
}

static const char *no_room(const Report *r, const Play *p, uint32_t *had, uint32_t *adds, uint32_t *max) {
    const ReportScenario *s = NULL;
    for (uint16_t i = 0; i < r->n_scenarios && !s; i++)
        if (strcmp(r->scenarios[i].id, p->sc_id) == 0) s = &r->scenarios[i];
    bool new_workshop = p->workshop && *p->workshop, new_hash = true, new_ending = p->end_id != NULL;
    for (uint16_t i = 0; new_workshop && i < r->n_workshops; i++)
        if (strcmp(r->workshops[i], p->workshop) == 0) new_workshop = false;
    const char *hash = p->hash ? p->hash : "";
    for (uint16_t i = 0; s && i < s->n_hashes && new_hash; i++)
        if (strcmp(s->hashes[i], hash) == 0) new_hash = false;
    for (uint16_t i = 0; s && new_ending && i < s->n_endings; i++)
        if (strcmp(s->endings[i].id, p->end_id) == 0) new_ending = false;
    /* Competency ids the class and the scenario do not have yet (read_play
     * refused a play listing one twice). */
    uint32_t new_class = 0, new_scenario = 0;
    for (const JNode *c = p->comps ? p->comps->child : NULL; c; c = c->next) {
        const char *id = jdom_get(c, "id")->valuestring;
        new_class += !has_comp(r->comps, r->n_comps, id);
        new_scenario += !s || !has_comp(s->comps, s->n_comps, id);
    }
    struct {
        const char *what;
        uint32_t had, adds;
    } lists[6] = {{"scenarios", r->n_scenarios, s ? 0 : 1},
                  {"workshops", r->n_workshops, new_workshop},
                  {"competencies", r->n_comps, new_class},
                  {"versions", s ? s->n_hashes : 0, new_hash},
                  {"endings", s ? s->n_endings : 0, new_ending},
                  {"competencies", s ? s->n_comps : 0, new_scenario}};
    for (int k = 0; k < 6; k++)
        if (lists[k].adds && lists[k].had + lists[k].adds >= UINT16_MAX) {
            *had = lists[k].had;
            *adds = lists[k].adds;
            *max = UINT16_MAX - 1;
            return lists[k].what;
        }
    /* Choices the play names that the report does not have yet: each could
     * be in any of the scenes it visits. */
    uint32_t n_dec = 0, fresh = 0;
    for (const JNode *d = p->decisions->child; d; d = d->next) n_dec++;
    fresh = s ? 0 : n_dec;
    for (const JNode *d = s ? p->decisions->child : NULL; d; d = d->next) {
        int32_t i = strmap_get(s->index, jdom_get(d, "scene")->valuestring);
        fresh += i < 0 || lookup_choice(&s->decisions[i], jdom_get(d, "choice")->valuestring) < 0;
    }
    for (const JNode *d = s && fresh ? p->decisions->child : NULL; d; d = d->next) {
        int32_t i = strmap_get(s->index, jdom_get(d, "scene")->valuestring);
        if (i >= 0 && s->decisions[i].n_choices + fresh > REPORT_CHOICES_MAX) {
            *had = s->decisions[i].n_choices;
            *adds = fresh;
            *max = REPORT_CHOICES_MAX;
            return "choices";
        }
    }
    if (fresh > REPORT_CHOICES_MAX) { /* all in a scene new to the report */
        *had = 0;
        *adds = fresh;
        *max = REPORT_CHOICES_MAX;
        return "choices";
    }
    return NULL;
}

/* Adds a checked play, that no_room() let in, to the aggregates; false on
 * OOM. */
static bool aggregate(Report *r, const Play *p) {
    ReportScenario *s = find_scenario(r, p);
    if (!s) return false;
    s->plays++;
    if (!s->level && p->level) s->level = p->level;
    const char *hash = p->hash ? p->hash : "";
    uint16_t h = 0;
    while (h < s->n_hashes && strcmp(s->hashes[h], hash) != 0) h++;
    if (h == s->n_hashes) {
        uint16_t cap = s->cap_hashes;
        if (!grow16((void **)&s->hashes, s->n_hashes, &cap, sizeof *s->hashes) ||
            !grow16((void **)&s->hash_plays, s->n_hashes, &s->cap_hashes, sizeof *s->hash_plays))
            return false;
        if (!(s->hashes[h] = arena_strdup(&r->arena, hash))) return false;
        s->hash_plays[h] = 0;
        s->n_hashes++;
    }
    s->hash_plays[h]++;
    if (p->end_id) {
        ReportEnding *e = NULL;
        for (uint16_t i = 0; i < s->n_endings; i++)
            if (strcmp(s->endings[i].id, p->end_id) == 0) e = &s->endings[i];
        if (!e) {
            if (!grow16((void **)&s->endings, s->n_endings, &s->cap_endings, sizeof *s->endings)) return false;
            e = &s->endings[s->n_endings];
            memset(e, 0, sizeof *e);
            e->id = arena_strdup(&r->arena, p->end_id);
            e->tone = arena_strdup(&r->arena, p->end_tone ? p->end_tone : "");
            if (!e->id || !e->tone) return false;
            s->n_endings++;
        }
        e->count++;
    }
    uint64_t step = 0;
    for (const JNode *d = p->decisions->child; d; d = d->next, step++) {
        ReportDecision *rd = find_decision(r, s, jdom_get(d, "scene")->valuestring);
        if (!rd) return false;
        ReportChoice *c = find_choice(r, rd, jdom_get(d, "choice")->valuestring);
        if (!c) return false;
        c->count++;
        rd->reached++;
        rd->step_sum += step;
        int32_t t;
        if (jreader_int_value(jdom_get(d, "time_ms"), &t) && t >= 0) {
            if (!add_time(&rd->times, &rd->n_times, &rd->cap_times, (uint32_t)t)) return false;
            if (!add_time(&s->times, &s->n_times, &s->cap_times, (uint32_t)t)) return false;
        }
    }
    if (p->comps)
        for (const JNode *o = p->comps->child; o; o = o->next) {
            const char *id = jdom_get(o, "id")->valuestring;
            ReportCompetency *c1 = find_comp(&r->arena, &s->comps, &s->n_comps, &s->cap_comps, id);
            ReportCompetency *c2 = c1 ? find_comp(&r->arena, &r->comps, &r->n_comps, &r->cap_comps, id) : NULL;
            if (!c2) return false;
            count_comp(c1, o);
            count_comp(c2, o);
        }
    note_dates(r, p);
    return note_workshop(r, p->workshop);
}

ReportAdd report_add_buffer(Report *r, const char *path, const char *data, size_t len) {
    Arena scratch;
    arena_init(&scratch);
    JReader rd;
    jreader_init(&rd, &r->diags, path, &scratch);
    jreader_set_buffer(&rd, data, len);
    ReportAdd res = REPORT_BAD;
    r->files++;
    JNode *root = jreader_parse(&rd, REPORT_FILE_LIMIT);
    if (root && !jdom_is_object(root)) {
        jreader_expect(&rd, root, JT_ROOT, "");
    } else if (root && rd.errors) {
        /* Parsed with errors reported (a key given twice): a broken file,
         * counted as such even when it is not a results file. */
    } else if (root && !jdom_get(root, "play_id") && !jdom_get(root, "decisions")) {
        res = REPORT_SKIPPED;
    } else if (root) {
        int32_t format = 0;
        if (jreader_int(&rd, root, "format", true, INT32_MIN, INT32_MAX, &format) &&
            format != REPORT_RESULTS_FORMAT) {
            char a[24];
            snprintf(a, sizeof a, "%d", (int)format);
            size_t m = jreader_push(&rd, "format");
            jreader_report(&rd, DIAG_BAD_VALUE, false, "format", a, "2", NULL);
            jreader_pop(&rd, m);
        }
        Play p;
        const char *full;
        uint32_t had, adds, most;
        if (read_play(&rd, root, &p) && rd.errors == 0) {
            if (strmap_get(r->plays_seen, p.play_id) >= 0) {
                res = REPORT_DUPLICATE;
            } else if ((full = no_room(r, &p, &had, &adds, &most)) != NULL) {
                char a[24], b[24];
                snprintf(a, sizeof a, "%u", (unsigned)(had + adds));
                snprintf(b, sizeof b, "%u", (unsigned)most);
                /* At the list the play reads from: its decisions, its competencies, or the member itself. */
                const char *at = strcmp(full, "choices") == 0 ? "decisions"
                                 : strcmp(full, "competencies") == 0 ? "competencies"
                                 : strcmp(full, "endings") == 0 ? "ending"
                                 : strcmp(full, "workshops") == 0 ? "workshop"
                                 : "scenario";
                size_t m = jreader_push(&rd, at);
                jreader_report(&rd, DIAG_LIMIT, false, full, a, b, NULL);
                jreader_pop(&rd, m);
            } else {
                const char *id = arena_strdup(&r->arena, p.play_id);
                res = id && strmap_put(r->plays_seen, id, 0) && aggregate(r, &p) ? REPORT_ADDED : REPORT_OOM;
            }
        }
    }
    switch (res) {
    case REPORT_ADDED: r->plays++; break;
    case REPORT_DUPLICATE: r->duplicates++; break;
    case REPORT_SKIPPED: r->skipped++; break;
    default: r->bad++; break;
    }
    jreader_free(&rd);
    arena_release(&scratch);
    return res;
}

ReportAdd report_add_file(Report *r, const char *path) {
    char *data;
    size_t len, size;
    int err;
    FsStatus st = fsutil_read_file(path, REPORT_FILE_LIMIT, &data, &len, &size, &err);
    if (st != FS_OK) {
        /* Let the reader report it in its words. */
        Arena scratch;
        arena_init(&scratch);
        JReader rd;
        jreader_init(&rd, &r->diags, path, &scratch);
        jreader_read_file(&rd, REPORT_FILE_LIMIT);
        jreader_free(&rd);
        arena_release(&scratch);
        r->files++;
        r->bad++;
        return REPORT_BAD;
    }
    ReportAdd res = report_add_buffer(r, path, data, len);
    free(data);
    return res;
}

/* ---- finishing */

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The lower median; frees the array. */
static uint32_t median_of(uint32_t **times, uint32_t n) {
    uint32_t m = 0;
    if (n) {
        qsort(*times, n, sizeof **times, cmp_u32);
        m = (*times)[(n - 1) / 2];
    }
    free(*times);
    *times = NULL;
    return m;
}

static void comp_median(ReportCompetency *c) {
    memset(c->bands, 0, sizeof c->bands);
    for (int v = 0; v <= 100; v++) c->bands[v == 100 ? 9 : v / 10] += c->hist[v];
    c->median = -1;
    if (!c->assessed) return;
    uint32_t want = (c->assessed - 1) / 2, seen = 0;
    for (int v = 0; v <= 100; v++) {
        seen += c->hist[v];
        if (seen > want) {
            c->median = v;
            return;
        }
    }
}

static bool copy_loc(Arena *a, LocStr *dst, const LocStr *src) {
    for (int l = 0; l < LANG_COUNT; l++) {
        dst->s[l] = src->s[l] ? arena_strdup(a, src->s[l]) : NULL;
        if (src->s[l] && !dst->s[l]) return false;
    }
    return true;
}

static bool name_comps(Report *r, ReportCompetency *comps, uint16_t n, const Framework *fw) {
    if (!fw) return true;
    for (uint16_t i = 0; i < n; i++) {
        int32_t k = framework_find(fw, comps[i].id);
        if (k >= 0 && loc_is_empty(&comps[i].name) && !copy_loc(&r->arena, &comps[i].name, &fw->items[k].name))
            return false;
    }
    return true;
}

/* Finds and loads the scenario with this id; NULL when there is none. */
static Scenario *load_scenario(const char *dir, const char *id, Framework **fw) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    char rel[128];
    snprintf(rel, sizeof rel, "%s/scenario.json", id);
    char *path = fsutil_join(dir, rel);
    Scenario *sc = path ? scenario_load_auto(path, fw, &dl) : NULL;
    free(path);
    diag_list_free(&dl);
    if (sc && strcmp(sc->id, id) == 0) return sc;
    scenario_free(sc);
    framework_free(*fw);
    *fw = NULL;
    return NULL;
}

static bool attach_texts(Report *r, ReportScenario *s, const Scenario *sc) {
    Arena *a = &r->arena;
    if (!copy_loc(a, &s->title, &sc->title)) return false;
    if (!s->level) s->level = sc->level;
    for (uint16_t i = 0; i < sc->n_targeted; i++)
        for (uint16_t k = 0; k < s->n_comps; k++)
            if (strcmp(s->comps[k].id, sc->competencies[i]) == 0) s->comps[k].targeted = true;
    for (uint16_t i = 0; i < s->n_endings; i++) {
        int32_t e = scenario_find_ending(sc, s->endings[i].id);
        if (e >= 0 && !copy_loc(a, &s->endings[i].title, &sc->endings[e].title)) return false;
    }
    for (uint32_t i = 0; i < s->n_decisions; i++) {
        ReportDecision *d = &s->decisions[i];
        int32_t k = scenario_find_scene(sc, d->scene);
        if (k < 0) continue;
        const Scene *scene = &sc->scenes[k];
        if (!copy_loc(a, &d->title, &scene->title) || !copy_loc(a, &d->text, &scene->text) ||
            !copy_loc(a, &d->debrief, &scene->debrief))
            return false;
        /* Every choice of the scene, in its order, those nobody took included. */
        ReportChoice *old = d->choices;
        uint16_t n_old = d->n_choices;
        ReportChoice *nc = calloc((size_t)scene->n_choices + n_old, sizeof *nc);
        if (!nc) return false;
        uint16_t n = 0;
        for (uint16_t c = 0; c < scene->n_choices; c++) {
            const Choice *ch = &scene->choices[c];
            ReportChoice *rc = &nc[n++];
            rc->id = NULL;
            for (uint16_t j = 0; j < n_old; j++)
                if (strcmp(old[j].id, ch->id) == 0) *rc = old[j];
            if (!rc->id && !(rc->id = arena_strdup(a, ch->id))) {
                free(nc);
                return false;
            }
            if (!copy_loc(a, &rc->text, &ch->text) || !copy_loc(a, &rc->feedback, &ch->feedback.text) ||
                !copy_loc(a, &rc->principle, &ch->feedback.principle)) {
                free(nc);
                return false;
            }
        }
        for (uint16_t j = 0; j < n_old; j++)
            if (scenario_find_choice(sc, (uint32_t)k, old[j].id) < 0) nc[n++] = old[j];
        free(old);
        d->choices = nc;
        d->n_choices = d->cap_choices = n;
    }
    return true;
}

static int cmp_decision(const void *a, const void *b) {
    const ReportDecision *x = a, *y = b;
    /* Mean position: step_sum / reached, compared without division (the
     * products stay far below 2^64: positions are bounded by LIMIT_SCENES
     * per play). */
    uint64_t l = x->step_sum * y->reached;
    uint64_t rr = y->step_sum * x->reached;
    if (l != rr) return l < rr ? -1 : 1;
    return strcmp(x->scene, y->scene);
}

/* The competencies the class should work on next: assessed by at least one
 * play, acquired by fewer than half of those assessed, fewest acquired
 * first, then lowest median. */
static void choose_focus(Report *r) {
    r->n_focus = 0;
    for (int k = 0; k < REPORT_FOCUS_MAX; k++) {
        int best = -1;
        for (uint16_t i = 0; i < r->n_comps; i++) {
            const ReportCompetency *c = &r->comps[i];
            bool taken = false;
            for (uint16_t j = 0; j < r->n_focus; j++) taken |= r->focus[j] == i;
            if (taken || c->assessed == 0 || c->mastery[RM_ACQUIRED] * 2 >= c->assessed) continue;
            if (best < 0) {
                best = i;
                continue;
            }
            const ReportCompetency *b = &r->comps[best];
            uint64_t lc = (uint64_t)c->mastery[RM_ACQUIRED] * b->assessed;
            uint64_t lb = (uint64_t)b->mastery[RM_ACQUIRED] * c->assessed;
            if (lc < lb || (lc == lb && c->median < b->median)) best = i;
        }
        if (best < 0) break;
        r->focus[r->n_focus++] = (uint16_t)best;
    }
}

bool report_finish(Report *r, const char *scenarios_dir) {
    if (r->finished) return true;
    r->finished = true;
    Framework *default_fw = NULL;
    if (scenarios_dir) {
        char *p = fsutil_join(scenarios_dir, "competencies.json");
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        if (p) default_fw = framework_load(p, &dl);
        diag_list_free(&dl);
        free(p);
    }
    bool ok = true;
    for (uint16_t i = 0; i < r->n_scenarios && ok; i++) {
        ReportScenario *s = &r->scenarios[i];
        Framework *fw = NULL;
        Scenario *sc = scenarios_dir ? load_scenario(scenarios_dir, s->id, &fw) : NULL;
        s->source = RS_MISSING;
        s->other_hash = s->plays;
        if (sc) {
            char hex[17];
            scenario_hash_hex(sc, hex);
            for (uint16_t h = 0; h < s->n_hashes; h++)
                if (strcmp(hex, s->hashes[h]) == 0) s->other_hash -= s->hash_plays[h];
            s->source = s->other_hash ? RS_CHANGED : RS_TEXTS;
        }
        if (sc && s->source == RS_TEXTS) ok = attach_texts(r, s, sc);
        ok = ok && name_comps(r, s->comps, s->n_comps, fw ? fw : default_fw);
        ok = ok && name_comps(r, r->comps, r->n_comps, fw ? fw : default_fw);
        scenario_free(sc);
        framework_free(fw);
        for (uint32_t d = 0; d < s->n_decisions; d++) {
            s->decisions[d].median_ms = median_of(&s->decisions[d].times, s->decisions[d].n_times);
            strmap_free(s->decisions[d].choice_index);
            s->decisions[d].choice_index = NULL;
        }
        s->median_ms = median_of(&s->times, s->n_times);
        for (uint16_t c = 0; c < s->n_comps; c++) comp_median(&s->comps[c]);
        if (s->n_decisions > 1) {
            qsort(s->decisions, s->n_decisions, sizeof *s->decisions, cmp_decision);
            strmap_free(s->index);
            s->index = NULL;
        }
    }
    for (uint16_t c = 0; c < r->n_comps; c++) comp_median(&r->comps[c]);
    framework_free(default_fw);
    choose_focus(r);
    return ok;
}
