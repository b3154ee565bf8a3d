/* results.c — the result files of a finished play (JSON, CSV, xAPI); see
 * results.h and docs/results.md. */
#include "core/results.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fmt.h"
#include "core/fsutil.h"
#include "core/json_text.h"
#include "core/hash.h"

/* ---- small helpers ------------------------------------------------------------ */

const char *results_mastery_slug(Mastery m) {
    static const char *const S[] = {"not_assessed", "to_work_on", "in_progress", "acquired"};
    return (unsigned)m < 4 ? S[m] : "not_assessed";
}

const char *results_tone_slug(EndingTone t) {
    static const char *const S[] = {"positive", "mixed", "negative"};
    return (unsigned)t < 3 ? S[t] : "mixed";
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian), for any
 * int64 day count; integer arithmetic only (H. Hinnant's algorithm). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

void results_iso8601(int64_t ms, char out[32]) {
    /* From 1970 to the end of year 9999: four-digit years. */
    if (ms < 0) ms = 0;
    if (ms > INT64_C(253402300799999)) ms = INT64_C(253402300799999);
    int64_t secs = ms / 1000, days = secs / 86400, rem = secs % 86400;
    int64_t y;
    unsigned mo, d;
    civil_from_days(days, &y, &mo, &d);
    char t[96];
    int n = snprintf(t, sizeof t, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ", (unsigned)y % 10000u, mo % 100u, d % 100u,
                     (unsigned)(rem / 3600), (unsigned)(rem / 60 % 60), (unsigned)(rem % 60), (unsigned)(ms % 1000));
    size_t len = n > 0 && n < 32 ? (size_t)n : 0;
    memcpy(out, t, len);
    out[len] = '\0';
}

bool results_parse_iso8601(const char *s, int64_t *ms) {
    int y, mo, d, h, mi;
    /* fmt_parse_iso reads exact digits (no sign or space that could wrap a year) and checks the date. */
    if (!fmt_parse_iso(s, &y, &mo, &d, &h, &mi) || s[10] != 'T' || h < 0 || s[16] != ':' || s[17] < '0' ||
        s[17] > '9' || s[18] < '0' || s[18] > '9')
        return false;
    unsigned se = (unsigned)(s[17] - '0') * 10 + (unsigned)(s[18] - '0'), frac = 0;
    const char *p = s + 19;
    if (*p == '.') {
        p++;
        int digits = 0;
        while (*p >= '0' && *p <= '9') {
            if (digits < 3) frac = frac * 10 + (unsigned)(*p - '0');
            digits++;
            p++;
        }
        if (digits == 0) return false;
        for (; digits < 3; digits++) frac *= 10;
    }
    if (strcmp(p, "Z") != 0 || se > 60) return false;
    *ms = (days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + se) * 1000 + frac;
    return true;
}

static void uuid_format(uint64_t hi, uint64_t lo, char out[37]) {
    hi = (hi & ~0xF000ULL) | 0x4000ULL;                          /* version 4 */
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;   /* RFC 4122 variant */
    snprintf(out, 37, "%08" PRIx64 "-%04" PRIx64 "-%04" PRIx64 "-%04" PRIx64 "-%012" PRIx64, hi >> 32,
             (hi >> 16) & 0xFFFF, hi & 0xFFFF, lo >> 48, lo & UINT64_C(0xFFFFFFFFFFFF));
}

void results_statement_uuid(const char *play_id, uint32_t n, char out[37]) {
    char buf[64];
    int len = snprintf(buf, sizeof buf, "%.32s/statement/%" PRIu32, play_id, n);
    uint64_t hi = hash_content(buf, (size_t)len);
    buf[0] ^= 0x5A; /* a second, independent 64 bits from the same input */
    uint64_t lo = hash_content(buf, (size_t)len);
    uuid_format(hi, lo, out);
}

void results_play_uuid(const char *play_id, char out[37]) {
    snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", play_id, play_id + 8, play_id + 12, play_id + 16, play_id + 20);
}

static int64_t meta_at(const PlayMeta *m, uint32_t i) {
    return m->at_ms && i < m->n_decisions ? m->at_ms[i] : m->finished_ms;
}

static uint32_t meta_time(const PlayMeta *m, uint32_t i) {
    return m->time_ms && i < m->n_decisions ? m->time_ms[i] : 0;
}

static void add_time(cJSON *o, const char *key, int64_t ms) {
    char t[32];
    results_iso8601(ms, t);
    cJSON_AddStringToObject(o, key, t);
}

static void add_seed(cJSON *o, const Session *s) {
    char seed[32];
    snprintf(seed, sizeof seed, "%" PRIu64, session_seed(s));
    cJSON_AddStringToObject(o, "seed", seed);
}

static const Competency *fw_item(const Framework *fw, const char *id) {
    int32_t i = fw ? framework_find(fw, id) : -1;
    return i >= 0 ? &fw->items[i] : NULL;
}

static cJSON *meters_object(const Scenario *sc, const int32_t *values) {
    cJSON *o = cJSON_CreateObject();
    for (uint16_t i = 0; i < sc->n_meters; i++) cJSON_AddNumberToObject(o, sc->meters[i].id, values[i]);
    return o;
}

static cJSON *evidence_array(const Scenario *sc, const Choice *c) {
    cJSON *a = cJSON_CreateArray();
    for (uint16_t i = 0; i < c->effects.n_evidence; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "competency", sc->competencies[c->effects.evidence[i].competency]);
        cJSON_AddNumberToObject(e, "points", c->effects.evidence[i].value);
        cJSON_AddItemToArray(a, e);
    }
    return a;
}

static cJSON *events_array(const Scenario *sc, const StepResult *st) {
    cJSON *a = cJSON_CreateArray();
    for (uint16_t i = 0; i < st->n_fired; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(sc->events[st->fired[i].event].id));
    return a;
}

char *results_print_json(cJSON *root, bool pretty) {
    char *text = json_text_print(root, pretty);
    cJSON_Delete(root);
    return text;
}

/* ---- JSON ----------------------------------------------------------------------- */

cJSON *results_add_play(cJSON *o, const Session *s, const PlayMeta *m) {
    const Scenario *sc = session_scenario(s);
    cJSON_AddStringToObject(o, "play_id", m->play_id);
    cJSON_AddStringToObject(o, "pseudonym", m->pseudonym ? m->pseudonym : "");
    if (m->workshop && *m->workshop) cJSON_AddStringToObject(o, "workshop", m->workshop);
    else cJSON_AddNullToObject(o, "workshop");
    cJSON *so = cJSON_AddObjectToObject(o, "scenario");
    if (!so) return NULL;
    cJSON_AddStringToObject(so, "id", sc->id);
    cJSON_AddStringToObject(so, "version", sc->version);
    char hash[17];
    scenario_hash_hex(sc, hash);
    cJSON_AddStringToObject(so, "content_hash", hash);
    cJSON_AddNumberToObject(so, "level", sc->level);
    return so;
}

char *results_to_json(const Session *s, const Framework *fw, const PlayMeta *m) {
    if (!s || !session_is_over(s)) return NULL;
    const Scenario *sc = session_scenario(s);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "format", RESULTS_FORMAT_VERSION);
    results_add_play(root, s, m);
    if (fw) {
        cJSON *fo = cJSON_AddObjectToObject(root, "framework");
        cJSON_AddStringToObject(fo, "id", fw->id);
        cJSON_AddStringToObject(fo, "version", fw->version);
    }
    cJSON_AddStringToObject(root, "lang", lang_code(session_lang(s)));
    add_seed(root, s);
    add_time(root, "started", m->started_ms);
    add_time(root, "finished", m->finished_ms);
    const Ending *end = session_ending(s);
    cJSON *eo = cJSON_AddObjectToObject(root, "ending");
    cJSON_AddStringToObject(eo, "id", end->id);
    cJSON_AddStringToObject(eo, "tone", results_tone_slug(end->tone));
    cJSON *meters = cJSON_AddObjectToObject(root, "meters");
    for (uint16_t i = 0; i < sc->n_meters; i++) cJSON_AddNumberToObject(meters, sc->meters[i].id, session_meter(s, i));
    cJSON *decs = cJSON_AddArrayToObject(root, "decisions");
    for (uint32_t i = 0; i < session_step_count(s); i++) {
        const StepResult *st = session_step(s, i);
        const Scene *scene = &sc->scenes[st->scene];
        const Choice *c = &scene->choices[st->choice];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "scene", scene->id);
        cJSON_AddStringToObject(o, "choice", c->id);
        if (st->outcome >= 0) cJSON_AddStringToObject(o, "outcome", c->outcomes[st->outcome].id);
        cJSON_AddNumberToObject(o, "time_ms", meta_time(m, i));
        add_time(o, "at", meta_at(m, i));
        cJSON_AddItemToObject(o, "meters_before", meters_object(sc, st->meters_before));
        cJSON_AddItemToObject(o, "meters_after", meters_object(sc, st->meters_after));
        cJSON_AddItemToObject(o, "evidence", evidence_array(sc, c));
        cJSON_AddItemToObject(o, "events", events_array(sc, st));
        cJSON_AddItemToArray(decs, o);
    }
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    cJSON *comp = cJSON_AddArrayToObject(root, "competencies");
    for (uint16_t i = 0; i < n; i++) {
        const char *id = sc->competencies[scores[i].competency];
        const Competency *item = fw_item(fw, id);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", id);
        cJSON_AddBoolToObject(o, "targeted", scores[i].competency < sc->n_targeted);
        if (item) cJSON_AddNumberToObject(o, "level", item->level);
        if (scores[i].score >= 0) cJSON_AddNumberToObject(o, "score", scores[i].score);
        else cJSON_AddNullToObject(o, "score");
        cJSON_AddNumberToObject(o, "earned", scores[i].earned);
        cJSON_AddNumberToObject(o, "best", scores[i].best);
        cJSON_AddStringToObject(o, "mastery", results_mastery_slug(scores[i].mastery));
        cJSON_AddItemToArray(comp, o);
    }
    cJSON *badges = cJSON_AddArrayToObject(root, "badges");
    uint8_t b = session_badges(s);
    for (int l = 1; l <= 3; l++)
        if (b & (1u << (l - 1))) cJSON_AddItemToArray(badges, cJSON_CreateNumber(l));
    return results_print_json(root, true);
}

/* ---- CSV --------------------------------------------------------------------------- */

typedef struct Buf { char *p; size_t n, cap; bool oom; } Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* One CSV field, quoted when it holds a comma, a quote or a line break, and
 * when it starts with a character a spreadsheet would read as a formula. */
static void csv_field(Buf *b, const char *s, bool first) {
    if (!first) buf_put(b, ",", 1);
    bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        buf_put(b, s, strlen(s));
        return;
    }
    buf_put(b, "\"", 1);
    if (formula) buf_put(b, "'", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"') buf_put(b, "\"", 1);
        buf_put(b, p, 1);
    }
    buf_put(b, "\"", 1);
}

static void csv_int(Buf *b, int64_t v) {
    char t[32];
    snprintf(t, sizeof t, ",%" PRId64, v);
    buf_put(b, t, strlen(t));
}

/* A member of `o` as text ("" when missing or null; numbers as integers). */
static const char *member_text(const cJSON *o, const char *key, char *buf, size_t n) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsString(v)) return v->valuestring;
    if (cJSON_IsNumber(v) && buf) {
        snprintf(buf, n, "%" PRId64, (int64_t)v->valuedouble);
        return buf;
    }
    return "";
}

/* The ids of the plays' meters (`meters` object) or competencies
 * (`competencies` array), each once, in the order they first appear. */
static cJSON *column_ids(cJSON *const *plays, size_t n, bool meters) {
    cJSON *ids = cJSON_CreateArray();
    for (size_t p = 0; ids && p < n; p++) {
        const cJSON *group = cJSON_GetObjectItemCaseSensitive(plays[p], meters ? "meters" : "competencies"), *it;
        cJSON_ArrayForEach(it, group) {
            const char *id = meters ? it->string : member_text(it, "id", NULL, 0);
            bool seen = !id || !*id;
            const cJSON *k;
            cJSON_ArrayForEach(k, ids) seen = seen || strcmp(k->valuestring, id) == 0;
            if (!seen) cJSON_AddItemToArray(ids, cJSON_CreateString(id));
        }
    }
    return ids;
}

static void csv_columns(Buf *b, const cJSON *ids, const char *prefix) {
    const cJSON *k;
    char name[LIMIT_ID_BYTES + 16];
    cJSON_ArrayForEach(k, ids) {
        snprintf(name, sizeof name, "%s%s", prefix, k->valuestring);
        csv_field(b, name, false);
    }
}

static void csv_play(Buf *b, const cJSON *play, const cJSON *meter_ids, const cJSON *comp_ids) {
    char t[8][32];
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(play, "scenario");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(play, "ending");
    const char *row[] = {member_text(play, "play_id", t[0], 32), member_text(play, "pseudonym", t[1], 32),
                         member_text(play, "workshop", t[2], 32), member_text(sc, "id", t[3], 32),
                         member_text(sc, "version", t[4], 32), member_text(sc, "content_hash", t[5], 32),
                         member_text(sc, "level", t[6], 32), member_text(play, "lang", t[7], 32),
                         member_text(play, "seed", NULL, 0), member_text(play, "started", NULL, 0),
                         member_text(play, "finished", NULL, 0), member_text(end, "id", NULL, 0),
                         member_text(end, "tone", NULL, 0)};
    for (size_t i = 0; i < sizeof row / sizeof row[0]; i++) csv_field(b, row[i], i == 0);
    const cJSON *decs = cJSON_GetObjectItemCaseSensitive(play, "decisions"), *it;
    int64_t total = 0;
    cJSON_ArrayForEach(it, decs) {
        const cJSON *ms = cJSON_GetObjectItemCaseSensitive(it, "time_ms");
        if (cJSON_IsNumber(ms)) total += (int64_t)ms->valuedouble;
    }
    csv_int(b, cJSON_GetArraySize(decs));
    csv_int(b, total);
    char badges[64] = "";
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(play, "badges")) {
        size_t k = strlen(badges);
        if (cJSON_IsNumber(it) && k + 8 < sizeof badges)
            snprintf(badges + k, sizeof badges - k, "%s%d", k ? " " : "", (int)it->valuedouble);
    }
    csv_field(b, badges, false);
    const cJSON *meters = cJSON_GetObjectItemCaseSensitive(play, "meters"), *k;
    cJSON_ArrayForEach(k, meter_ids) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(meters, k->valuestring);
        if (cJSON_IsNumber(v)) csv_int(b, (int64_t)v->valuedouble);
        else buf_put(b, ",", 1);
    }
    const cJSON *comps = cJSON_GetObjectItemCaseSensitive(play, "competencies");
    cJSON_ArrayForEach(k, comp_ids) {
        const cJSON *score = NULL;
        cJSON_ArrayForEach(it, comps)
            if (!score && strcmp(member_text(it, "id", NULL, 0), k->valuestring) == 0)
                score = cJSON_GetObjectItemCaseSensitive(it, "score");
        if (cJSON_IsNumber(score)) csv_int(b, (int64_t)score->valuedouble);
        else buf_put(b, ",", 1);
    }
    buf_put(b, "\r\n", 2);
}

char *results_csv_from_json(cJSON *const *plays, size_t n) {
    cJSON *meter_ids = column_ids(plays, n, true), *comp_ids = column_ids(plays, n, false);
    Buf b = {0};
    b.oom = !meter_ids || !comp_ids;
    static const char *const HEAD[] = {"play_id", "pseudonym", "workshop", "scenario", "scenario_version",
                                       "content_hash", "level", "lang", "seed", "started", "finished", "ending",
                                       "tone", "decisions", "total_time_ms", "badges"};
    for (size_t i = 0; i < sizeof HEAD / sizeof HEAD[0]; i++) csv_field(&b, HEAD[i], i == 0);
    csv_columns(&b, meter_ids, "meter:");
    csv_columns(&b, comp_ids, "competency:");
    buf_put(&b, "\r\n", 2);
    for (size_t p = 0; p < n; p++) csv_play(&b, plays[p], meter_ids, comp_ids);
    cJSON_Delete(meter_ids);
    cJSON_Delete(comp_ids);
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

char *results_to_csv(const Session *s, const Framework *fw, const PlayMeta *m) {
    char *json = results_to_json(s, fw, m);
    cJSON *play = json ? cJSON_Parse(json) : NULL;
    free(json);
    char *csv = play ? results_csv_from_json(&play, 1) : NULL;
    cJSON_Delete(play);
    return csv;
}

/* ---- xAPI ----------------------------------------------------------------------------- */

#define VERB_INITIALIZED "http://adlnet.gov/expapi/verbs/initialized"
#define VERB_SELECTED "https://w3id.org/xapi/adb/verbs/selected"
#define VERB_PROGRESSED "http://adlnet.gov/expapi/verbs/progressed"
#define VERB_COMPLETED "http://adlnet.gov/expapi/verbs/completed"
#define TYPE_SERIOUS_GAME "https://w3id.org/xapi/seriousgames/activity-types/serious-game"
#define TYPE_QUESTION "http://adlnet.gov/expapi/activities/question"
#define TYPE_COURSE "http://adlnet.gov/expapi/activities/course"
#define TYPE_OBJECTIVE "http://adlnet.gov/expapi/activities/objective"
#define TYPE_PROFILE "http://adlnet.gov/expapi/activities/profile"
#define PROFILE_SERIOUS_GAMES "https://w3id.org/xapi/seriousgames"
#define EXT_PROGRESS "https://w3id.org/xapi/seriousgames/extensions/progress"

typedef struct XCtx {
    const Session *s;
    const Scenario *sc;
    const Framework *fw;
    const PlayMeta *m;
    char scenario_iri[256];
    uint32_t *dist;           /* decisions from each scene to the nearest ending */
} XCtx;

static void iri(char *out, size_t n, const char *a, const char *b, const char *c) {
    snprintf(out, n, RESULTS_XAPI_NS "%s%s%s%s%s", a, b ? "/" : "", b ? b : "", c ? "/" : "", c ? c : "");
}

static cJSON *lang_map(const LocStr *l) {
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; i < LANG_COUNT; i++)
        if (l->s[i] && *l->s[i]) cJSON_AddStringToObject(o, lang_code((Lang)i), l->s[i]);
    if (!o->child) cJSON_AddStringToObject(o, "fr", "");
    return o;
}

static cJSON *activity(const char *id, const char *type, cJSON *name) {
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "objectType", "Activity");
    cJSON_AddStringToObject(a, "id", id);
    cJSON *d = cJSON_AddObjectToObject(a, "definition");
    if (name) cJSON_AddItemToObject(d, "name", name);
    cJSON_AddStringToObject(d, "type", type);
    return a;
}

static cJSON *scenario_activity(const XCtx *x) {
    return activity(x->scenario_iri, TYPE_SERIOUS_GAME, lang_map(&x->sc->title));
}

/* xAPI 1.0.3 (Data, "ISO 8601 Durations"): durations carry at most 0.01 s
 * of precision; the milliseconds are truncated, not rounded, as an LRS does. */
static void add_duration(cJSON *o, int64_t ms) {
    char t[48];
    if (ms < 0) ms = 0;
    snprintf(t, sizeof t, "PT%" PRId64 ".%02" PRId64 "S", ms / 1000, ms % 1000 / 10);
    cJSON_AddStringToObject(o, "duration", t);
}

static cJSON *competency_activity(const XCtx *x, const char *id) {
    char a[256];
    iri(a, sizeof a, "competencies", id, NULL);
    const Competency *item = fw_item(x->fw, id);
    cJSON *name = NULL;
    if (item) name = lang_map(&item->name);
    else {
        name = cJSON_CreateObject();
        cJSON_AddStringToObject(name, "fr", id);
    }
    cJSON *act = activity(a, TYPE_OBJECTIVE, name);
    if (item && item->n_alignments) {
        cJSON *def = cJSON_GetObjectItem(act, "definition");
        cJSON *ext = cJSON_AddObjectToObject(def, "extensions");
        cJSON *al = cJSON_AddArrayToObject(ext, RESULTS_XAPI_NS "extensions/alignments");
        for (uint16_t i = 0; i < item->n_alignments; i++) {
            const Alignment *g = &item->alignments[i];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "framework", g->framework);
            cJSON_AddStringToObject(o, "code", g->code);
            if (g->url) cJSON_AddStringToObject(o, "url", g->url);
            cJSON_AddItemToArray(al, o);
        }
    }
    return act;
}

static cJSON *context(const XCtx *x, bool with_parent) {
    char a[256];
    cJSON *ctx = cJSON_CreateObject();
    char reg[37];
    results_play_uuid(x->m->play_id, reg);
    cJSON_AddStringToObject(ctx, "registration", reg);
    cJSON_AddStringToObject(ctx, "platform", "Enjeux " ENJEUX_VERSION);
    cJSON_AddStringToObject(ctx, "language", lang_code(session_lang(x->s)));
    cJSON *ca = cJSON_AddObjectToObject(ctx, "contextActivities");
    if (with_parent) {
        cJSON *parent = cJSON_AddArrayToObject(ca, "parent");
        cJSON_AddItemToArray(parent, scenario_activity(x));
    }
    cJSON *grouping = cJSON_AddArrayToObject(ca, "grouping");
    char lv[8];
    snprintf(lv, sizeof lv, "N%u", x->sc->level);
    iri(a, sizeof a, "levels", lv, NULL);
    cJSON *lname = NULL;
    if (x->fw && x->sc->level >= 1 && x->sc->level <= 3) lname = lang_map(&x->fw->level_names[x->sc->level - 1]);
    else {
        lname = cJSON_CreateObject();
        cJSON_AddStringToObject(lname, "fr", lv);
    }
    cJSON_AddItemToArray(grouping, activity(a, TYPE_COURSE, lname));
    if (x->fw) {
        iri(a, sizeof a, "frameworks", x->fw->id, x->fw->version);
        cJSON_AddItemToArray(grouping, activity(a, RESULTS_XAPI_NS "activity-types/competency-framework",
                                                lang_map(&x->fw->title)));
    }
    cJSON *category = cJSON_AddArrayToObject(ca, "category");
    cJSON_AddItemToArray(category, activity(PROFILE_SERIOUS_GAMES, TYPE_PROFILE, NULL));
    cJSON *other = cJSON_AddArrayToObject(ca, "other");
    for (uint16_t i = 0; i < x->sc->n_targeted; i++)
        cJSON_AddItemToArray(other, competency_activity(x, x->sc->competencies[i]));
    if (!other->child) cJSON_DeleteItemFromObject(ca, "other");
    cJSON *ext = cJSON_AddObjectToObject(ctx, "extensions");
    cJSON_AddStringToObject(ext, RESULTS_XAPI_NS "extensions/scenario-version", x->sc->version);
    char hash[17];
    scenario_hash_hex(x->sc, hash);
    cJSON_AddStringToObject(ext, RESULTS_XAPI_NS "extensions/content-hash", hash);
    char seed[32];
    snprintf(seed, sizeof seed, "%" PRIu64, session_seed(x->s));
    cJSON_AddStringToObject(ext, RESULTS_XAPI_NS "extensions/seed", seed);
    if (x->m->workshop && *x->m->workshop)
        cJSON_AddStringToObject(ext, RESULTS_XAPI_NS "extensions/workshop", x->m->workshop);
    return ctx;
}

static cJSON *statement(const XCtx *x, uint32_t n, const char *verb, const char *display_en,
                        const char *display_fr, int64_t at, cJSON *object, bool with_parent) {
    cJSON *st = cJSON_CreateObject();
    char id[37];
    results_statement_uuid(x->m->play_id, n, id);
    cJSON_AddStringToObject(st, "id", id);
    cJSON *actor = cJSON_AddObjectToObject(st, "actor");
    cJSON_AddStringToObject(actor, "objectType", "Agent");
    cJSON *acc = cJSON_AddObjectToObject(actor, "account");
    cJSON_AddStringToObject(acc, "homePage", x->m->home_page && *x->m->home_page ? x->m->home_page
                                                                                 : RESULTS_XAPI_NS "players");
    cJSON_AddStringToObject(acc, "name", x->m->pseudonym && *x->m->pseudonym ? x->m->pseudonym : "anonymous");
    cJSON *v = cJSON_AddObjectToObject(st, "verb");
    cJSON_AddStringToObject(v, "id", verb);
    cJSON *disp = cJSON_AddObjectToObject(v, "display");
    cJSON_AddStringToObject(disp, "en", display_en);
    cJSON_AddStringToObject(disp, "fr", display_fr);
    cJSON_AddItemToObject(st, "object", object);
    cJSON_AddItemToObject(st, "context", context(x, with_parent));
    add_time(st, "timestamp", at);
    cJSON_AddStringToObject(st, "version", "1.0.3");
    return st;
}

/* Shortest number of decisions from each scene to an ending, over every
 * route of every choice and outcome (conditions ignored): the "progress" of
 * a play is the share of its likely length already played. */
static uint32_t *distances(const Scenario *sc) {
    uint32_t n = sc->n_scenes;
    uint32_t *dist = malloc(sizeof *dist * (n ? n : 1));
    if (!dist) return NULL;
    for (uint32_t i = 0; i < n; i++) dist[i] = UINT32_MAX;
    /* Relax until stable: each pass is linear, and the number of passes is
     * bounded by the longest shortest path. */
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t i = 0; i < n; i++) {
            const Scene *s = &sc->scenes[i];
            uint32_t best = dist[i];
            for (uint16_t c = 0; c < s->n_choices; c++) {
                const Choice *ch = &s->choices[c];
                for (int pass = -1; pass < (int)ch->n_outcomes; pass++) {
                    const Route *r = pass < 0 ? ch->routes : ch->outcomes[pass].routes;
                    uint16_t nr = pass < 0 ? ch->n_routes : ch->outcomes[pass].n_routes;
                    for (uint16_t k = 0; k < nr; k++) {
                        uint32_t d = r[k].target.kind == TARGET_ENDING ? 1
                                     : dist[r[k].target.index] == UINT32_MAX ? UINT32_MAX
                                                                             : dist[r[k].target.index] + 1;
                        if (d < best) best = d;
                    }
                }
            }
            if (best < dist[i]) {
                dist[i] = best;
                changed = true;
            }
        }
    }
    return dist;
}

static cJSON *scene_activity(const XCtx *x, const Scene *scene) {
    char a[512];
    snprintf(a, sizeof a, "%s/scenes/%s", x->scenario_iri, scene->id);
    cJSON *name = loc_is_empty(&scene->title) ? NULL : lang_map(&scene->title);
    if (!name) {
        name = cJSON_CreateObject();
        cJSON_AddStringToObject(name, "fr", scene->id);
    }
    cJSON *act = activity(a, TYPE_QUESTION, name);
    cJSON *def = cJSON_GetObjectItem(act, "definition");
    cJSON_AddStringToObject(def, "interactionType", "choice");
    cJSON *choices = cJSON_AddArrayToObject(def, "choices");
    for (uint16_t i = 0; i < scene->n_choices; i++) {
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "id", scene->choices[i].id);
        cJSON_AddItemToObject(c, "description", lang_map(&scene->choices[i].text));
        cJSON_AddItemToArray(choices, c);
    }
    return act;
}

static cJSON *selected(const XCtx *x, uint32_t i, uint32_t n) {
    const StepResult *st = session_step(x->s, i);
    const Scene *scene = &x->sc->scenes[st->scene];
    const Choice *c = &scene->choices[st->choice];
    cJSON *s = statement(x, n, VERB_SELECTED, "selected", "a choisi", meta_at(x->m, i), scene_activity(x, scene), true);
    cJSON *res = cJSON_AddObjectToObject(s, "result");
    cJSON_AddStringToObject(res, "response", c->id);
    add_duration(res, meta_time(x->m, i));
    cJSON *ext = cJSON_AddObjectToObject(res, "extensions");
    char a[256];
    for (uint16_t k = 0; k < x->sc->n_meters; k++) {
        iri(a, sizeof a, "meters", x->sc->meters[k].id, NULL);
        cJSON *o = cJSON_AddObjectToObject(ext, a);
        cJSON_AddNumberToObject(o, "before", st->meters_before[k]);
        cJSON_AddNumberToObject(o, "after", st->meters_after[k]);
    }
    cJSON_AddItemToObject(ext, RESULTS_XAPI_NS "extensions/evidence", evidence_array(x->sc, c));
    if (st->outcome >= 0) cJSON_AddStringToObject(ext, RESULTS_XAPI_NS "extensions/outcome", c->outcomes[st->outcome].id);
    if (st->n_fired) cJSON_AddItemToObject(ext, RESULTS_XAPI_NS "extensions/events", events_array(x->sc, st));
    return s;
}

static cJSON *progressed(const XCtx *x, uint32_t i, uint32_t n) {
    const StepResult *st = session_step(x->s, i);
    double done = (double)(i + 1), left = 0.0;
    if (st->next.kind == TARGET_SCENE) {
        uint32_t d = x->dist ? x->dist[st->next.index] : UINT32_MAX;
        left = d == UINT32_MAX ? 1.0 : (double)d;
    }
    cJSON *s = statement(x, n, VERB_PROGRESSED, "progressed", "a progressé", meta_at(x->m, i), scenario_activity(x),
                         false);
    cJSON *res = cJSON_AddObjectToObject(s, "result");
    cJSON *ext = cJSON_AddObjectToObject(res, "extensions");
    /* Rounded to 1/1000 so the text does not depend on printf's last digits. */
    cJSON_AddNumberToObject(ext, EXT_PROGRESS, (double)(int64_t)(done * 1000.0 / (done + left)) / 1000.0);
    return s;
}

static cJSON *completed(const XCtx *x, uint32_t n) {
    cJSON *s = statement(x, n, VERB_COMPLETED, "completed", "a terminé", x->m->finished_ms, scenario_activity(x), false);
    cJSON *res = cJSON_AddObjectToObject(s, "result");
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t nc = session_scores(x->s, scores);
    int64_t sum_t = 0, sum_a = 0;
    int n_t = 0, n_a = 0;
    for (uint16_t i = 0; i < nc; i++) {
        if (scores[i].score < 0) continue;
        sum_a += scores[i].score;
        n_a++;
        if (scores[i].competency < x->sc->n_targeted) {
            sum_t += scores[i].score;
            n_t++;
        }
    }
    if (n_a > 0) {
        int64_t raw = n_t > 0 ? sum_t / n_t : sum_a / n_a;
        cJSON *score = cJSON_AddObjectToObject(res, "score");
        cJSON_AddNumberToObject(score, "scaled", (double)raw / 100.0);
        cJSON_AddNumberToObject(score, "raw", (double)raw);
        cJSON_AddNumberToObject(score, "min", 0);
        cJSON_AddNumberToObject(score, "max", 100);
    }
    uint8_t lv = x->sc->level;
    cJSON_AddBoolToObject(res, "success", lv >= 1 && lv <= 3 && (session_badges(x->s) & (1u << (lv - 1))));
    cJSON_AddBoolToObject(res, "completion", true);
    add_duration(res, x->m->finished_ms - x->m->started_ms);
    cJSON *ext = cJSON_AddObjectToObject(res, "extensions");
    const Ending *end = session_ending(x->s);
    cJSON_AddStringToObject(ext, RESULTS_XAPI_NS "extensions/ending", end->id);
    cJSON_AddStringToObject(ext, RESULTS_XAPI_NS "extensions/tone", results_tone_slug(end->tone));
    char a[256];
    for (uint16_t k = 0; k < x->sc->n_meters; k++) {
        iri(a, sizeof a, "meters", x->sc->meters[k].id, NULL);
        cJSON_AddNumberToObject(ext, a, session_meter(x->s, k));
    }
    for (uint16_t i = 0; i < nc; i++) {
        iri(a, sizeof a, "competencies", x->sc->competencies[scores[i].competency], NULL);
        cJSON *o = cJSON_AddObjectToObject(ext, a);
        if (scores[i].score >= 0) cJSON_AddNumberToObject(o, "score", scores[i].score);
        else cJSON_AddNullToObject(o, "score");
        cJSON_AddNumberToObject(o, "earned", scores[i].earned);
        cJSON_AddNumberToObject(o, "best", scores[i].best);
        cJSON_AddStringToObject(o, "mastery", results_mastery_slug(scores[i].mastery));
        cJSON_AddBoolToObject(o, "targeted", scores[i].competency < x->sc->n_targeted);
    }
    cJSON *badges = cJSON_AddArrayToObject(ext, RESULTS_XAPI_NS "extensions/badges");
    for (int l = 1; l <= 3; l++)
        if (session_badges(x->s) & (1u << (l - 1))) cJSON_AddItemToArray(badges, cJSON_CreateNumber(l));
    return s;
}

char *results_to_xapi(const Session *s, const Framework *fw, const PlayMeta *m) {
    if (!s || !session_is_over(s)) return NULL;
    XCtx x = {.s = s, .sc = session_scenario(s), .fw = fw, .m = m};
    iri(x.scenario_iri, sizeof x.scenario_iri, "scenarios", x.sc->id, NULL);
    x.dist = distances(x.sc);
    if (!x.dist) return NULL;
    cJSON *arr = cJSON_CreateArray();
    uint32_t n = 0;
    cJSON_AddItemToArray(arr, statement(&x, n++, VERB_INITIALIZED, "initialized", "a commencé", m->started_ms,
                                        scenario_activity(&x), false));
    for (uint32_t i = 0; i < session_step_count(s); i++) {
        cJSON_AddItemToArray(arr, selected(&x, i, n++));
        cJSON_AddItemToArray(arr, progressed(&x, i, n++));
    }
    cJSON_AddItemToArray(arr, completed(&x, n++));
    free(x.dist);
    return results_print_json(arr, true);
}

/* ---- files ------------------------------------------------------------------------------ */

bool results_write(const char *dir, const Session *s, const Framework *fw, const PlayMeta *m, char *json_path,
                   size_t json_path_len, char *err, size_t errlen, int *io_err) {
    if (io_err) *io_err = 0;
    static const char *const EXT[] = {".json", ".csv", ".xapi.json"};
    char *(*const MAKE[])(const Session *, const Framework *, const PlayMeta *) = {results_to_json, results_to_csv,
                                                                                  results_to_xapi};
    size_t dl = strlen(dir);
    const char *sep = dl > 0 && dir[dl - 1] == '/' ? "" : "/";
    for (int i = 0; i < 3; i++) {
        char path[2048];
        int np = snprintf(path, sizeof path, "%s%s%s%s", dir, sep, m->play_id, EXT[i]);
        if (np < 0 || (size_t)np >= sizeof path) {
            snprintf(err, errlen, "%s: the folder's path is too long", dir);
            return false;
        }
        char *text = MAKE[i](s, fw, m);
        if (!text) {
            snprintf(err, errlen, "%s: the play is not finished, or memory ran out", path);
            return false;
        }
        int e = 0;
        bool ok = fsutil_write_atomic(path, text, strlen(text), &e);
        free(text);
        if (!ok) {
            if (io_err) *io_err = e;
            snprintf(err, errlen, "%s: cannot write the results (%s); check that the folder is writable", path,
                     strerror(e));
            return false;
        }
        if (i == 0 && json_path) snprintf(json_path, json_path_len, "%s", path);
    }
    return true;
}
