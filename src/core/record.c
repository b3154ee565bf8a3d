/* record.c — play records (JSON Lines, appended and synced per decision);
 * see record.h. */
#include "core/record.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"

/* ---- writing ------------------------------------------------------------------ */

static char *line_of(cJSON *o) {
    return results_print_json(o, false);
}

static void add_time(cJSON *o, const char *key, int64_t ms) {
    char t[32];
    results_iso8601(ms, t);
    cJSON_AddStringToObject(o, key, t);
}

char *record_header_line(const Session *s, const PlayMeta *m) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "play");
    cJSON_AddNumberToObject(o, "format", RECORD_FORMAT_VERSION);
    results_add_play(o, s, m);
    cJSON_AddStringToObject(o, "lang", lang_code(session_lang(s)));
    char seed[32];
    snprintf(seed, sizeof seed, "%" PRIu64, session_seed(s));
    cJSON_AddStringToObject(o, "seed", seed);
    add_time(o, "started", m->started_ms);
    return line_of(o);
}

static cJSON *meters_object(const Scenario *sc, const int32_t *values) {
    cJSON *o = cJSON_CreateObject();
    for (uint16_t i = 0; i < sc->n_meters; i++) cJSON_AddNumberToObject(o, sc->meters[i].id, values[i]);
    return o;
}

char *record_decision_line(const Session *s, uint32_t i, uint32_t time_ms, int64_t at_ms) {
    const Scenario *sc = session_scenario(s);
    const StepResult *st = session_step(s, i);
    if (!st) return NULL;
    const Scene *scene = &sc->scenes[st->scene];
    const Choice *c = &scene->choices[st->choice];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "decision");
    cJSON_AddNumberToObject(o, "n", i + 1);
    cJSON_AddStringToObject(o, "scene", scene->id);
    cJSON_AddStringToObject(o, "choice", c->id);
    if (st->outcome >= 0) cJSON_AddStringToObject(o, "outcome", c->outcomes[st->outcome].id);
    cJSON_AddNumberToObject(o, "time_ms", time_ms);
    add_time(o, "at", at_ms);
    cJSON_AddItemToObject(o, "meters_before", meters_object(sc, st->meters_before));
    cJSON_AddItemToObject(o, "meters_after", meters_object(sc, st->meters_after));
    cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
    for (uint16_t k = 0; k < c->effects.n_evidence; k++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "competency", sc->competencies[c->effects.evidence[k].competency]);
        cJSON_AddNumberToObject(e, "points", c->effects.evidence[k].value);
        cJSON_AddItemToArray(ev, e);
    }
    cJSON *fired = cJSON_AddArrayToObject(o, "events");
    for (uint16_t k = 0; k < st->n_fired; k++)
        cJSON_AddItemToArray(fired, cJSON_CreateString(sc->events[st->fired[k].event].id));
    return line_of(o);
}

char *record_end_line(const Session *s, int64_t finished_ms) {
    const Ending *e = session_ending(s);
    if (!e) return NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "end");
    cJSON_AddStringToObject(o, "ending", e->id);
    cJSON_AddStringToObject(o, "tone", results_tone_slug(e->tone));
    add_time(o, "finished", finished_ms);
    return line_of(o);
}

char *record_abandoned_line(int64_t at_ms) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "abandoned");
    add_time(o, "at", at_ms);
    return line_of(o);
}

bool record_append(const char *path, const char *line, char *err, size_t errlen) {
    int e = 0;
    if (fsutil_append_line(path, line, strlen(line), &e)) return true;
    snprintf(err, errlen, "%s: cannot add to the play record (%s); check that the folder is writable and the disk "
                          "not full",
             path, strerror(e));
    return false;
}

/* ---- reading ------------------------------------------------------------------ */

static const char *str_of(const cJSON *o, const char *key) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool hex_id(const char *s, size_t n) {
    if (!s || strlen(s) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    return true;
}

static bool parse_header(Record *r, const cJSON *o, char *err, size_t errlen, const char *name) {
    const char *type = str_of(o, "type"), *id = str_of(o, "play_id"), *lang = str_of(o, "lang");
    const char *seed = str_of(o, "seed"), *started = str_of(o, "started");
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "format");
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(o, "scenario");
    const char *sid = cJSON_IsObject(sc) ? str_of(sc, "id") : NULL;
    const char *ver = cJSON_IsObject(sc) ? str_of(sc, "version") : NULL;
    const char *hash = cJSON_IsObject(sc) ? str_of(sc, "content_hash") : NULL;
    if (!type || strcmp(type, "play") != 0) {
        snprintf(err, errlen, "%s:1: the first line is not a play header (\"type\": \"play\")", name);
        return false;
    }
    if (!cJSON_IsNumber(fmt) || fmt->valueint != RECORD_FORMAT_VERSION) {
        snprintf(err, errlen, "%s:1: record format %d is not supported (this game reads format %d)", name,
                 cJSON_IsNumber(fmt) ? fmt->valueint : 0, RECORD_FORMAT_VERSION);
        return false;
    }
    char *end = NULL;
    if (!hex_id(id, 32) || !sid || !ver || !hex_id(hash, 16) || !lang || !lang_parse(lang, &r->lang) || !seed ||
        !started || !results_parse_iso8601(started, &r->started_ms)) {
        snprintf(err, errlen, "%s:1: the play header lacks a field or has a malformed one (play_id, scenario, "
                              "lang, seed, started)",
                 name);
        return false;
    }
    errno = 0;
    unsigned long long sv = strtoull(seed, &end, 10);
    if (errno || !end || *end || !*seed) {
        snprintf(err, errlen, "%s:1: \"seed\" must be a decimal string", name);
        return false;
    }
    r->seed = sv;
    memcpy(r->play_id, id, 33);
    memcpy(r->content_hash, hash, 17);
    const char *ps = str_of(o, "pseudonym"), *ws = str_of(o, "workshop");
    r->pseudonym = arena_strdup(&r->arena, ps ? ps : "");
    r->workshop = ws ? arena_strdup(&r->arena, ws) : NULL;
    r->scenario_id = arena_strdup(&r->arena, sid);
    r->scenario_version = arena_strdup(&r->arena, ver);
    return r->pseudonym && r->scenario_id && r->scenario_version && (!ws || r->workshop);
}

/* Returns false only when out of memory; a line that does not fit the
 * format counts as damaged. */
static bool parse_decision(Record *r, const cJSON *o, uint32_t *cap, bool *bad) {
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, "n");
    const char *scene = str_of(o, "scene"), *choice = str_of(o, "choice"), *outcome = str_of(o, "outcome");
    const char *at = str_of(o, "at");
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "time_ms");
    int64_t at_ms = 0;
    if (!cJSON_IsNumber(n) || n->valuedouble < 1 || n->valuedouble > (double)r->n_decisions + 1 || !scene ||
        !choice || !cJSON_IsNumber(t) || t->valuedouble < 0 || !at || !results_parse_iso8601(at, &at_ms)) {
        *bad = true;
        return true;
    }
    uint32_t index = (uint32_t)n->valuedouble - 1;
    r->n_decisions = index; /* a line numbered n replaces lines n and after */
    if (r->n_decisions == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 16;
        RecordDecision *d = realloc(r->decisions, sizeof *d * nc);
        if (!d) return false;
        r->decisions = d;
        *cap = nc;
    }
    RecordDecision *d = &r->decisions[r->n_decisions];
    d->scene = arena_strdup(&r->arena, scene);
    d->choice = arena_strdup(&r->arena, choice);
    d->outcome = outcome ? arena_strdup(&r->arena, outcome) : NULL;
    d->time_ms = t->valuedouble > 4e9 ? UINT32_MAX : (uint32_t)t->valuedouble;
    d->at_ms = at_ms;
    if (!d->scene || !d->choice || (outcome && !d->outcome)) return false;
    r->n_decisions++;
    r->finished = false;
    return true;
}

Record *record_parse(const char *name, const char *text, size_t len, char *err, size_t errlen) {
    Record *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "%s: out of memory", name);
        return NULL;
    }
    arena_init(&r->arena);
    uint32_t cap = 0, line = 0;
    bool header = false;
    size_t pos = 0;
    while (pos < len) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        line++;
        bool blank = true;
        for (size_t i = 0; i < n && blank; i++) blank = start[i] == ' ' || start[i] == '\t' || start[i] == '\r';
        if (blank) continue;
        cJSON *o = cJSON_ParseWithLength(start, n);
        bool bad = !cJSON_IsObject(o);
        if (!header) {
            if (bad || !parse_header(r, o, err, errlen, name)) {
                if (bad) snprintf(err, errlen, "%s:%" PRIu32 ": the play header is damaged; this record cannot be "
                                               "replayed",
                                  name, line);
                cJSON_Delete(o);
                record_free(r);
                return NULL;
            }
            header = true;
            cJSON_Delete(o);
            continue;
        }
        const char *type = bad ? NULL : str_of(o, "type");
        bool ok = true;
        if (!type) bad = true;
        else if (strcmp(type, "decision") == 0) ok = parse_decision(r, o, &cap, &bad);
        else if (strcmp(type, "end") == 0) {
            const char *ending = str_of(o, "ending"), *fin = str_of(o, "finished");
            int64_t ms = 0;
            if (!ending || !fin || !results_parse_iso8601(fin, &ms)) bad = true;
            else {
                r->finished = true;
                r->ending = arena_strdup(&r->arena, ending);
                r->finished_ms = ms;
                ok = r->ending != NULL;
            }
        } else if (strcmp(type, "abandoned") == 0) r->abandoned = true;
        else bad = true;
        cJSON_Delete(o);
        if (!ok) {
            snprintf(err, errlen, "%s: out of memory", name);
            record_free(r);
            return NULL;
        }
        r->torn_tail = bad;
        if (bad) {
            r->damaged++;
            r->damaged_line = line;
        }
    }
    if (!header) {
        snprintf(err, errlen, "%s: the record is empty (no play header)", name);
        record_free(r);
        return NULL;
    }
    return r;
}

Record *record_load(const char *path, char *err, size_t errlen) {
    char *data = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    FsStatus st = fsutil_read_file(path, RECORD_MAX_BYTES, &data, &len, &size, &e);
    if (st == FS_TOO_LARGE) {
        snprintf(err, errlen, "%s: the record is %zu bytes, more than the %d a play can write", path, size,
                 RECORD_MAX_BYTES);
        return NULL;
    }
    if (st != FS_OK) {
        snprintf(err, errlen, "%s: cannot read the record (%s)", path, strerror(e));
        return NULL;
    }
    Record *r = record_parse(path, data, len, err, errlen);
    free(data);
    return r;
}

void record_free(Record *r) {
    if (!r) return;
    free(r->decisions);
    arena_release(&r->arena);
    free(r);
}

Session *record_resume(const Record *r, const Scenario *sc, const Framework *fw, ResumeReport *rep) {
    SaveStep *steps = r->n_decisions ? malloc(sizeof *steps * r->n_decisions) : NULL;
    if (r->n_decisions && !steps) {
        memset(rep, 0, sizeof *rep);
        rep->status = RESUME_NO_MEMORY;
        return NULL;
    }
    for (uint32_t i = 0; i < r->n_decisions; i++)
        steps[i] = (SaveStep){r->decisions[i].scene, r->decisions[i].choice, r->decisions[i].outcome};
    Save sv;
    memset(&sv, 0, sizeof sv);
    sv.format = SAVE_FORMAT_VERSION;
    sv.scenario_id = r->scenario_id;
    sv.scenario_version = r->scenario_version;
    memcpy(sv.content_hash, r->content_hash, sizeof sv.content_hash);
    sv.seed = r->seed;
    sv.lang = r->lang;
    sv.steps = steps;
    sv.n_steps = r->n_decisions;
    Session *s = save_resume(&sv, sc, fw, rep);
    free(steps);
    return s;
}
