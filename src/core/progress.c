/* progress.c — a profile's progress store; see progress.h.
 *
 * The document stays a cJSON tree from load to save: what this version
 * reads it reads through typed lookups that ignore a value of the wrong
 * type, and what it does not know is written back as it was. */
#include "core/progress.h"
#include "core/results.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/json_text.h"


struct Progress {
    cJSON *root;
};

/* ---- typed lookups ------------------------------------------------------------ */

static cJSON *member(const cJSON *o, const char *key) {
    return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

static const char *str_of(const cJSON *o, const char *key) {
    const cJSON *v = member(o, key);
    return cJSON_IsString(v) && v->valuestring ? v->valuestring : "";
}

/* An integer member within [lo, hi], else `dflt`. */
static int64_t int_of(const cJSON *o, const char *key, int64_t lo, int64_t hi, int64_t dflt) {
    const cJSON *v = member(o, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < (double)lo || v->valuedouble > (double)hi) return dflt;
    return (int64_t)v->valuedouble;
}

/* The object member `key` of `o`, created (or replacing a value of the
 * wrong type) when needed; NULL when memory runs out. */
static cJSON *object_at(cJSON *o, const char *key) {
    cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsObject(v)) return v;
    cJSON *n = cJSON_CreateObject();
    if (!n) return NULL;
    if (!(v ? cJSON_ReplaceItemInObjectCaseSensitive(o, key, n) : cJSON_AddItemToObject(o, key, n))) {
        cJSON_Delete(n);
        return NULL;
    }
    return n;
}

static bool set_item(cJSON *o, const char *key, cJSON *val) {
    if (!val) return false;
    if (cJSON_GetObjectItemCaseSensitive(o, key)) return cJSON_ReplaceItemInObjectCaseSensitive(o, key, val);
    return cJSON_AddItemToObject(o, key, val);
}

static bool set_str(cJSON *o, const char *key, const char *s) {
    return set_item(o, key, cJSON_CreateString(s ? s : ""));
}

static bool set_num(cJSON *o, const char *key, double n) {
    return set_item(o, key, cJSON_CreateNumber(n));
}

/* ---- mastery ------------------------------------------------------------------------ */

const char *progress_mastery_slug(Mastery m) {
    static const char *const S[] = {"not_assessed", "to_work_on", "in_progress", "acquired"};
    return (unsigned)m < 4 ? S[m] : S[0];
}

Mastery progress_mastery_parse(const char *slug) {
    for (int m = MASTERY_TO_WORK_ON; m <= MASTERY_ACQUIRED; m++)
        if (slug && strcmp(slug, progress_mastery_slug((Mastery)m)) == 0) return (Mastery)m;
    return MASTERY_NOT_ASSESSED;
}

/* ---- life cycle ---------------------------------------------------------------------- */

static Progress *wrap(cJSON *root) {
    Progress *p = malloc(sizeof *p);
    if (!p) {
        cJSON_Delete(root);
        return NULL;
    }
    p->root = root;
    return p;
}

Progress *progress_create(void) {
    cJSON *root = cJSON_CreateObject();
    if (!root || !cJSON_AddNumberToObject(root, "format", PROGRESS_FORMAT)) {
        cJSON_Delete(root);
        return NULL;
    }
    return wrap(root);
}

void progress_free(Progress *p) {
    if (!p) return;
    cJSON_Delete(p->root);
    free(p);
}

Progress *progress_parse(const char *text, size_t len, uint32_t *line, uint32_t *col) {
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    uint32_t l = 0, c = 0;
    if (!root && end) json_text_linecol_scan(text, len, (size_t)(end - text), &l, &c);
    if (line) *line = l;
    if (col) *col = c;
    if (!root) return NULL;
    /* A document this version cannot make sense of at all: not an object,
     * or without a usable format number. */
    const cJSON *fmt = member(root, "format");
    if (!cJSON_IsObject(root) || !cJSON_IsNumber(fmt) || fmt->valuedouble < 1) {
        cJSON_Delete(root);
        return NULL;
    }
    return wrap(root);
}

char *progress_to_text(Progress *p) { return json_text_print(p->root, true); }

static bool file_in(char *out, size_t outlen, const char *dir, const char *rel) {
    int n = snprintf(out, outlen, "%s%s", dir, rel);
    return n > 0 && (size_t)n < outlen;
}

bool progress_save(Progress *p, const char *profile_dir, int *err) {
    char path[1200];
    *err = 0;
    if (!file_in(path, sizeof path, profile_dir, "progress.json")) {
        *err = ENAMETOOLONG;
        return false;
    }
    if (!fsutil_mkdirs(profile_dir, err)) return false;
    char *text = progress_to_text(p);
    if (!text) {
        *err = ENOMEM;
        return false;
    }
    bool ok = fsutil_write_atomic(path, text, strlen(text), err);
    free(text);
    return ok;
}

Progress *progress_load(const char *profile_dir, ProgressLoadReport *rep) {
    memset(rep, 0, sizeof *rep);
    char path[1200];
    if (!file_in(path, sizeof path, profile_dir, "progress.json")) return progress_create();
    char *data;
    size_t len, size;
    int e;
    FsStatus st = fsutil_read_file(path, PROGRESS_MAX_BYTES, &data, &len, &size, &e);
    if (st == FS_OK) {
        Progress *p = progress_parse(data, len, &rep->line, &rep->col);
        free(data);
        if (p) {
            rep->status = PROGRESS_LOADED;
            return p;
        }
    }
    bool missing = st == FS_IO_ERROR && e == ENOENT;
    rep->status = missing ? PROGRESS_NEW : PROGRESS_RECOVERED;
    if (!missing && !fsutil_move_aside(path, ".damaged", rep->backup, sizeof rep->backup, &e)) rep->backup[0] = '\0';
    Progress *p = progress_create();
    if (!p) return NULL;
    rep->rebuilt = progress_rebuild(p, profile_dir, &rep->left_out);
    if (rep->rebuilt > 0 || !missing) progress_save(p, profile_dir, &e);
    return p;
}

/* ---- counting a play ------------------------------------------------------------------ */

static bool put_result(cJSON *rec, const char *key, const ProgressScore *sc, const ProgressPlay *play) {
    cJSON *r = cJSON_CreateObject();
    if (!r) return false;
    cJSON_AddNumberToObject(r, "score", sc->score);
    cJSON_AddStringToObject(r, "mastery", progress_mastery_slug(sc->mastery));
    cJSON_AddStringToObject(r, "scenario", play->scenario);
    cJSON_AddStringToObject(r, "date", play->date ? play->date : "");
    return set_item(rec, key, r);
}

static bool already_counted(cJSON *root, const char *play_id) {
    const cJSON *arr = member(root, "counted"), *it;
    if (!play_id || !*play_id || !cJSON_IsArray(arr)) return false;
    cJSON_ArrayForEach(it, arr)
        if (cJSON_IsString(it) && strcmp(it->valuestring, play_id) == 0) return true;
    return false;
}

bool progress_add_play(Progress *p, const ProgressPlay *play) {
    cJSON *root = p->root;
    if (!play->scenario || !*play->scenario || already_counted(root, play->play_id)) return true;
    const char *date = play->date ? play->date : "";
    bool ok = true;
    cJSON *comps = object_at(root, "competencies");
    for (uint16_t i = 0; ok && comps && i < play->n_scores; i++) {
        const ProgressScore *sc = &play->scores[i];
        if (sc->score < 0 || sc->score > 100 || !sc->id || !*sc->id) continue;
        cJSON *rec = object_at(comps, sc->id);
        if (!rec) {
            ok = false;
            break;
        }
        int64_t best = int_of(member(rec, "best"), "score", 0, 100, -1);
        if (sc->score > best) ok = put_result(rec, "best", sc, play);
        ok = ok && put_result(rec, "latest", sc, play);
        ok = ok && set_num(rec, "assessed", (double)int_of(rec, "assessed", 0, 1e9, 0) + 1);
    }
    cJSON *badges = object_at(root, "badges");
    for (int l = 1; ok && badges && l <= 3; l++) {
        if (!(play->badges & (1u << (l - 1)))) continue;
        char key[16];
        snprintf(key, sizeof key, "%d", l);
        cJSON *b = object_at(badges, key);
        if (!b) {
            ok = false;
            break;
        }
        int64_t count = int_of(b, "count", 0, 1e9, 0);
        if (count == 0 || !cJSON_IsString(member(b, "date"))) {
            ok = set_str(b, "date", date) && set_str(b, "scenario", play->scenario);
        }
        ok = ok && set_num(b, "count", (double)count + 1);
    }
    cJSON *scens = object_at(root, "scenarios");
    cJSON *s = scens ? object_at(scens, play->scenario) : NULL;
    if (s) {
        ok = ok && set_num(s, "plays", (double)int_of(s, "plays", 0, 1e9, 0) + 1);
        ok = ok && set_str(s, "last", date);
        if (play->version) ok = ok && set_str(s, "version", play->version);
        if (play->level) ok = ok && set_num(s, "level", play->level);
        if (play->ending) ok = ok && set_str(s, "ending", play->ending);
    } else {
        ok = false;
    }
    ok = ok && set_num(root, "plays", (double)int_of(root, "plays", 0, 1e9, 0) + 1);
    if (*date) ok = ok && set_str(root, "updated", date);
    if (play->play_id && *play->play_id) {
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "counted");
        if (!cJSON_IsArray(arr)) {
            cJSON *n = cJSON_CreateArray();
            if (n) set_item(root, "counted", n);
            arr = n;
        }
        ok = ok && arr && cJSON_AddItemToArray(arr, cJSON_CreateString(play->play_id));
    }
    return ok && comps && badges;
}

bool progress_play_from_session(ProgressPlay *play, const Session *s, const char *date, const char *play_id) {
    memset(play, 0, sizeof *play);
    if (!s || !session_is_over(s)) return false;
    const Scenario *sc = session_scenario(s);
    play->scenario = sc->id;
    play->version = sc->version;
    play->level = sc->level;
    play->date = date ? date : "";
    play->play_id = play_id;
    const Ending *end = session_ending(s);
    play->ending = end ? end->id : NULL;
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    for (uint16_t i = 0; i < n && play->n_scores < PROGRESS_MAX_PLAY_COMPETENCIES; i++) {
        ProgressScore *o = &play->scores[play->n_scores++];
        o->id = sc->competencies[scores[i].competency];
        o->score = scores[i].score;
        o->mastery = scores[i].mastery;
    }
    play->badges = session_badges(s);
    return true;
}

/* Reads a result document (format 1: "scenario" is the id; format 2:
 * "scenario" is an object) into `play`; strings point into `root`. */
static bool play_from_result(ProgressPlay *play, const cJSON *root) {
    memset(play, 0, sizeof *play);
    const cJSON *scen = member(root, "scenario");
    if (cJSON_IsString(scen)) {
        play->scenario = scen->valuestring;
        play->version = str_of(root, "version");
    } else if (cJSON_IsObject(scen) && cJSON_IsString(member(scen, "id"))) {
        play->scenario = str_of(scen, "id");
        play->version = str_of(scen, "version");
        play->level = (uint8_t)int_of(scen, "level", 1, 3, 0);
    } else {
        return false;
    }
    if (!cJSON_IsArray(member(root, "competencies"))) return false;
    play->date = str_of(root, "finished");
    const cJSON *pid = member(root, "play_id");
    play->play_id = cJSON_IsString(pid) ? pid->valuestring : NULL;
    const cJSON *end = member(root, "ending");
    play->ending = cJSON_IsString(end) ? end->valuestring : cJSON_IsObject(end) ? str_of(end, "id") : NULL;
    const cJSON *it, *comps = member(root, "competencies"), *badges = member(root, "badges");
    cJSON_ArrayForEach(it, comps) {
        if (play->n_scores >= PROGRESS_MAX_PLAY_COMPETENCIES) break;
        const cJSON *id = member(it, "id");
        if (!cJSON_IsString(id)) continue;
        ProgressScore *o = &play->scores[play->n_scores++];
        o->id = id->valuestring;
        o->score = (int32_t)int_of(it, "score", 0, 100, -1);
        o->mastery = o->score < 0 ? MASTERY_NOT_ASSESSED : progress_mastery_parse(str_of(it, "mastery"));
    }
    cJSON_ArrayForEach(it, badges) {
        if (cJSON_IsNumber(it) && it->valuedouble >= 1 && it->valuedouble <= 3)
            play->badges |= (uint8_t)(1u << ((int)it->valuedouble - 1));
    }
    return true;
}

bool progress_add_result_text(Progress *p, const char *text, size_t len) {
    cJSON *root = cJSON_ParseWithLength(text, len);
    ProgressPlay play;
    bool ok = root && play_from_result(&play, root) && progress_add_play(p, &play);
    cJSON_Delete(root);
    return ok;
}

typedef struct ResultFile { char *text; size_t len; char date[40]; } ResultFile;

static int cmp_result(const void *a, const void *b) {
    return strcmp(((const ResultFile *)a)->date, ((const ResultFile *)b)->date);
}

static bool is_result_name(const char *n) {
    size_t l = strlen(n);
    return l > 5 && strcmp(n + l - 5, ".json") == 0 && !(l > 10 && strcmp(n + l - 10, ".xapi.json") == 0);
}

int progress_rebuild(Progress *p, const char *profile_dir, int *left_out) {
    char dir[1200];
    int skipped = 0;
    if (left_out) *left_out = 0;
    if (!file_in(dir, sizeof dir, profile_dir, "results")) return 0;
    char **names;
    size_t n;
    int e;
    if (!fsutil_list_dir(dir, &names, &n, &e)) return 0;
    ResultFile *files = calloc(n ? n : 1, sizeof *files);
    size_t nf = 0;
    for (size_t i = 0; files && i < n; i++) {
        if (!is_result_name(names[i])) continue;
        skipped++; /* until read */
        char *path = fsutil_join(dir, names[i]);
        size_t size;
        ResultFile *f = &files[nf];
        if (path && fsutil_read_file(path, RESULTS_MAX_BYTES, &f->text, &f->len, &size, &e) == FS_OK) {
            cJSON *root = cJSON_ParseWithLength(f->text, f->len);
            snprintf(f->date, sizeof f->date, "%s", str_of(root, "finished"));
            cJSON_Delete(root);
            nf++;
            skipped--;
        }
        free(path);
    }
    fsutil_free_names(names, n);
    if (!files) return 0;
    /* Stable for equal dates: the names were sorted. */
    qsort(files, nf, sizeof *files, cmp_result);
    int counted = 0;
    for (size_t i = 0; i < nf; i++) {
        if (progress_add_result_text(p, files[i].text, files[i].len))
            counted++;
        else
            skipped++;
        free(files[i].text);
    }
    free(files);
    if (left_out) *left_out = skipped;
    return counted;
}

/* ---- reading -------------------------------------------------------------------------- */

static void read_result(const cJSON *r, ProgressResult *out) {
    out->score = (int32_t)int_of(r, "score", 0, 100, -1);
    out->mastery = out->score < 0 ? MASTERY_NOT_ASSESSED : progress_mastery_parse(str_of(r, "mastery"));
    out->scenario = str_of(r, "scenario");
    out->date = str_of(r, "date");
}

bool progress_competency(const Progress *p, const char *id, ProgressCompetency *out) {
    memset(out, 0, sizeof *out);
    out->best.score = out->latest.score = -1;
    out->best.scenario = out->best.date = out->latest.scenario = out->latest.date = "";
    const cJSON *rec = member(member(p->root, "competencies"), id);
    if (!cJSON_IsObject(rec)) return false;
    read_result(member(rec, "best"), &out->best);
    read_result(member(rec, "latest"), &out->latest);
    out->assessed = (uint32_t)int_of(rec, "assessed", 0, 1e9, 0);
    return out->best.score >= 0 || out->latest.score >= 0;
}

bool progress_badge(const Progress *p, int level, const char **date, uint32_t *count) {
    char key[16];
    snprintf(key, sizeof key, "%d", level);
    const cJSON *b = member(member(p->root, "badges"), key);
    uint32_t c = (uint32_t)int_of(b, "count", 0, 1e9, 0);
    if (date) *date = str_of(b, "date");
    if (count) *count = c;
    return c > 0;
}

uint32_t progress_scenario_plays(const Progress *p, const char *id) {
    return (uint32_t)int_of(member(member(p->root, "scenarios"), id), "plays", 0, 1e9, 0);
}

uint32_t progress_total_plays(const Progress *p) {
    return (uint32_t)int_of(p->root, "plays", 0, 1e9, 0);
}
