/* game.c — library, session and result file for the front end; see game.h. */
#include "ui/game.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/save.h"
#include "ui/paths.h"

static char *join(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    bool slash = na > 0 && a[na - 1] == '/';
    char *s = malloc(na + nb + 2);
    if (!s) return NULL;
    memcpy(s, a, na);
    if (!slash) s[na++] = '/';
    memcpy(s + na, b, nb + 1);
    return s;
}

static char *parent_dir(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    size_t n = (size_t)(slash - path);
    char *s = malloc(n + 1);
    if (!s) return NULL;
    memcpy(s, path, n);
    s[n] = '\0';
    return s;
}

static void load_entry(LibEntry *e, Lang lang) {
    diag_list_init(&e->diags, lang);
    Framework *fw = NULL;
    e->sc = scenario_load_auto(e->path, &fw, &e->diags);
    e->fw = fw;
}

static LibEntry *add_entry(Game *g) {
    LibEntry *nl = realloc(g->lib, (size_t)(g->n_lib + 1) * sizeof *nl);
    if (!nl) return NULL;
    g->lib = nl;
    LibEntry *e = &g->lib[g->n_lib];
    memset(e, 0, sizeof *e);
    return e;
}

bool game_scan_library(Game *g, const char *scenarios_dir, Lang lang) {
    size_t n;
    int err;
    char **names = fsutil_list_dir(scenarios_dir, &n, &err);
    if (!names) return err != ENOMEM; /* a missing folder holds no scenario */
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        if (strcmp(names[i], "schema") == 0) continue;
        char *dir = join(scenarios_dir, names[i]);
        char *file = dir ? join(dir, "scenario.json") : NULL;
        if (!dir || !file) ok = false;
        else if (paths_is_file(file) && game_add_scenario(g, dir, lang) < 0) ok = false;
        free(file);
        free(dir);
    }
    fsutil_free_names(names, n);
    return ok;
}

int game_add_scenario(Game *g, const char *path, Lang lang) {
    char *file = fsutil_kind(path) == FS_KIND_DIR ? join(path, "scenario.json") : strdup(path);
    if (!file) return -1;
    /* One entry per file, however its path is spelt ("scenarios/x" given on
     * the command line, ".../share/enjeux/scenarios/x" from the library). A
     * file that does not exist keeps its given path for its error card. */
    char *canon = paths_canonical(file);
    if (canon) {
        free(file);
        file = canon;
    }
    for (int i = 0; i < g->n_lib; i++)
        if (strcmp(g->lib[i].path, file) == 0) {
            free(file);
            return i;
        }
    LibEntry *e = add_entry(g);
    char *dir = parent_dir(file);
    if (!e || !dir) {
        free(file);
        free(dir);
        return -1;
    }
    e->path = file;
    e->dir = dir;
    load_entry(e, lang);
    g->n_lib++;
    return g->n_lib - 1;
}

void game_stop(Game *g) {
    session_destroy(g->session);
    g->session = NULL;
    g->step = NULL;
    g->current = -1;
}

void game_free(Game *g) {
    game_stop(g);
    for (int i = 0; i < g->n_lib; i++) {
        scenario_free(g->lib[i].sc);
        framework_free(g->lib[i].fw);
        diag_list_free(&g->lib[i].diags);
        free(g->lib[i].dir);
        free(g->lib[i].path);
    }
    free(g->lib);
    memset(g, 0, sizeof *g);
    g->current = -1;
}

bool game_start(Game *g, int index, uint64_t seed, Lang lang) {
    game_stop(g);
    if (index < 0 || index >= g->n_lib || !g->lib[index].sc) return false;
    g->session = session_create(g->lib[index].sc, g->lib[index].fw, seed, lang);
    if (!g->session) return false;
    g->current = index;
    g->seed = seed;
    g->result_path[0] = '\0';
    return true;
}

const Scenario *game_scenario(const Game *g) {
    return g->current >= 0 && g->current < g->n_lib ? g->lib[g->current].sc : NULL;
}

const Framework *game_framework(const Game *g) {
    return g->current >= 0 && g->current < g->n_lib ? g->lib[g->current].fw : NULL;
}

const StepResult *game_choose(Game *g, uint16_t index) {
    if (!g->session) return NULL;
    const StepResult *r = session_choose(g->session, index);
    if (r) g->step = r;
    return r;
}

bool game_asset_path(const Game *g, const char *rel, char *out, size_t outlen) {
    const Scenario *sc = game_scenario(g);
    if (!rel || !sc) return false;
    int n = snprintf(out, outlen, "%s/%s", g->lib[g->current].dir, rel);
    return n > 0 && (size_t)n < outlen;
}

const char *game_competency_name(const Game *g, uint16_t competency, Lang lang) {
    const Scenario *sc = game_scenario(g);
    const Framework *fw = game_framework(g);
    if (!sc || competency >= sc->n_competencies) return "";
    if (fw) {
        int32_t i = framework_find(fw, sc->competencies[competency]);
        if (i >= 0) {
            const char *s = loc_get(&fw->items[i].name, lang, NULL);
            if (*s) return s;
        }
    }
    return sc->competencies[competency];
}

static const char *mastery_slug(Mastery m) {
    static const char *const S[] = {"not_assessed", "to_work_on", "in_progress", "acquired"};
    return (unsigned)m < 4 ? S[m] : "not_assessed";
}

bool game_write_result(Game *g, const char *user_dir, char *err, size_t errlen) {
    const Scenario *sc = game_scenario(g);
    if (!sc || !g->session || !session_is_over(g->session)) {
        snprintf(err, errlen, "no finished play to record");
        return false;
    }
    const Session *s = g->session;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "format", 1);
    cJSON_AddStringToObject(root, "scenario", sc->id);
    cJSON_AddStringToObject(root, "version", sc->version);
    char hash[17];
    scenario_hash_hex(sc, hash);
    cJSON_AddStringToObject(root, "content_hash", hash);
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)session_seed(s));
    cJSON_AddStringToObject(root, "seed", seed);
    cJSON_AddStringToObject(root, "lang", lang_code(session_lang(s)));
    const Ending *end = session_ending(s);
    cJSON_AddStringToObject(root, "ending", end ? end->id : "");
    static const char *const TONES[] = {"positive", "mixed", "negative"};
    cJSON_AddStringToObject(root, "tone", end ? TONES[end->tone] : "");
    cJSON *meters = cJSON_AddObjectToObject(root, "meters");
    for (uint16_t i = 0; i < sc->n_meters; i++) cJSON_AddNumberToObject(meters, sc->meters[i].id, session_meter(s, i));
    cJSON *steps = cJSON_AddArrayToObject(root, "choices");
    for (uint32_t i = 0; i < session_step_count(s); i++) {
        const StepResult *st = session_step(s, i);
        cJSON *o = cJSON_CreateObject();
        const Scene *scene = &sc->scenes[st->scene];
        cJSON_AddStringToObject(o, "scene", scene->id);
        cJSON_AddStringToObject(o, "choice", scene->choices[st->choice].id);
        if (st->outcome >= 0)
            cJSON_AddStringToObject(o, "outcome", scene->choices[st->choice].outcomes[st->outcome].id);
        cJSON_AddItemToArray(steps, o);
    }
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    cJSON *comp = cJSON_AddArrayToObject(root, "competencies");
    for (uint16_t i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", sc->competencies[scores[i].competency]);
        cJSON_AddBoolToObject(o, "targeted", scores[i].competency < sc->n_targeted);
        if (scores[i].score >= 0) cJSON_AddNumberToObject(o, "score", scores[i].score);
        else cJSON_AddNullToObject(o, "score");
        cJSON_AddNumberToObject(o, "earned", scores[i].earned);
        cJSON_AddNumberToObject(o, "best", scores[i].best);
        cJSON_AddStringToObject(o, "mastery", mastery_slug(scores[i].mastery));
        cJSON_AddItemToArray(comp, o);
    }
    cJSON *badges = cJSON_AddArrayToObject(root, "badges");
    uint8_t b = session_badges(s);
    for (int l = 1; l <= 3; l++)
        if (b & (1u << (l - 1))) cJSON_AddItemToArray(badges, cJSON_CreateNumber(l));
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    char dir[1024];
    int nd = snprintf(dir, sizeof dir, "%sresults", user_dir);
    bool ok = nd > 0 && (size_t)nd < sizeof dir && paths_mkdirs(dir);
    if (ok) {
        int np = snprintf(g->result_path, sizeof g->result_path, "%s/%s.json", dir, sc->id);
        ok = np > 0 && (size_t)np < sizeof g->result_path;
    }
    if (ok) {
        size_t len = strlen(text);
        text[len] = '\n';
        int e = 0;
        ok = fsutil_write_atomic(g->result_path, text, len + 1, &e);
        text[len] = '\0';
    }
    cJSON_free(text);
    if (!ok) snprintf(err, errlen, "%s: cannot write the result; check that the folder is writable", dir);
    return ok;
}

static bool save_path(const char *user_dir, char *out, size_t outlen) {
    int n = snprintf(out, outlen, "%ssaves/current.json", user_dir);
    return n > 0 && (size_t)n < outlen;
}

bool game_save(Game *g, const char *user_dir, char *err, size_t errlen) {
    char path[1200], dir[1200];
    if (!g->session || !save_path(user_dir, path, sizeof path)) return false;
    snprintf(dir, sizeof dir, "%ssaves", user_dir);
    if (session_is_over(g->session)) {
        remove(path);
        return true;
    }
    if (!paths_mkdirs(dir)) {
        snprintf(err, errlen, "%s: cannot create the folder for saves", dir);
        return false;
    }
    DiagList dl;
    diag_list_init(&dl, session_lang(g->session));
    bool ok = save_write(g->session, path, &dl);
    if (!ok) {
        snprintf(err, errlen, "%s: %s", path, dl.count ? dl.items[0].message : "cannot write the save");
    }
    diag_list_free(&dl);
    return ok;
}

int game_saved_scenario(const Game *g, const char *user_dir) {
    char path[1200];
    if (!save_path(user_dir, path, sizeof path) || !paths_is_file(path)) return -1;
    DiagList dl;
    diag_list_init(&dl, LANG_FR);
    Save *sv = save_load(path, &dl);
    diag_list_free(&dl);
    int found = -1;
    for (int i = 0; sv && i < g->n_lib && found < 0; i++)
        if (g->lib[i].sc && strcmp(g->lib[i].sc->id, sv->scenario_id) == 0) found = i;
    save_free(sv);
    return found;
}

bool game_resume(Game *g, const char *user_dir, Lang lang, char *msg, size_t msglen) {
    char path[1200];
    msg[0] = '\0';
    if (!save_path(user_dir, path, sizeof path)) return false;
    DiagList dl;
    diag_list_init(&dl, lang);
    Save *sv = save_load(path, &dl);
    if (!sv) {
        snprintf(msg, msglen, "%s", dl.count ? dl.items[0].message : path);
        diag_list_free(&dl);
        return false;
    }
    diag_list_free(&dl);
    int index = -1;
    for (int i = 0; i < g->n_lib && index < 0; i++)
        if (g->lib[i].sc && strcmp(g->lib[i].sc->id, sv->scenario_id) == 0) index = i;
    if (index < 0) {
        save_free(sv);
        return false;
    }
    ResumeReport rep;
    game_stop(g);
    Session *s = save_resume(sv, g->lib[index].sc, g->lib[index].fw, &rep);
    if (s && rep.status != RESUME_SAME) save_describe_resume(&rep, lang, msg, msglen);
    save_free(sv);
    if (!s) return false;
    session_set_lang(s, lang);
    g->session = s;
    g->current = index;
    g->seed = session_seed(s);
    g->step = NULL;
    g->result_path[0] = '\0';
    return true;
}
