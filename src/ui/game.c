/* game.c — library, session and result file for the front end; see game.h. */
#include "ui/game.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <time.h>

#include "core/fsutil.h"
#include "core/record.h"
#include "core/results.h"
#include "core/rng.h"
#include "core/save.h"
#include "ui/award.h"
#include "ui/paths.h"
#include "ui/tr.h"

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
    char **names;
    if (!fsutil_list_dir(scenarios_dir, &names, &n, &err)) return err != ENOMEM; /* a missing folder holds no scenario */
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        if (names[i][0] == '.' || strcmp(names[i], "schema") == 0) continue;
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

static void log_reset(Game *g);
static void record_begin(Game *g);
static bool save_path(const Game *g, char *out, size_t outlen);
static void record_line(Game *g, char *line);
static bool log_push(Game *g, uint32_t time_ms, int64_t at_ms);

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
    free(g->log.time_ms);
    free(g->log.at_ms);
    memset(g, 0, sizeof *g);
    g->current = -1;
}

/* Makes `s`, a session of the library's scenario `index`, the play in
 * progress, with no result written yet and an empty decision log. */
static void adopt_session(Game *g, Session *s, int index) {
    g->session = s;
    g->current = index;
    g->seed = session_seed(s);
    g->step = NULL;
    g->result_path[0] = '\0';
    log_reset(g);
}

bool game_start(Game *g, int index, uint64_t seed, Lang lang) {
    game_stop(g);
    if (index < 0 || index >= g->n_lib || !g->lib[index].sc) return false;
    Session *s = session_create(g->lib[index].sc, g->lib[index].fw, seed, lang);
    if (!s) return false;
    adopt_session(g, s, index);
    record_begin(g);
    game_scene_shown(g);
    /* A new play replaces the one in progress: its save would otherwise
     * bring the abandoned play back under "Continue". */
    char save[1200];
    if (g->recording && save_path(g, save, sizeof save) && game_path_safe(g, save, "disk.what.save")) remove(save);
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
    if (!r) return NULL;
    g->step = r;
    uint64_t now = SDL_GetTicks64();
    uint64_t took = g->log.shown_ticks && now > g->log.shown_ticks ? now - g->log.shown_ticks : 0;
    int64_t at = game_wall_ms();
    uint32_t i = session_step_count(g->session) - 1;
    while (g->log.n > i) g->log.n--;
    log_push(g, took > UINT32_MAX ? UINT32_MAX : (uint32_t)took, at);
    if (g->recording && g->log.record_path[0]) {
        record_line(g, record_decision_line(g->session, i, g->log.n > i ? g->log.time_ms[i] : 0, at));
        if (g->trace) fprintf(stderr, "enjeux: record: decision %u synced\n", (unsigned)(i + 1));
    }
    if (session_is_over(g->session)) game_finish(g);
    return g->step;
}

void game_finish(Game *g) {
    if (!g->session || !session_is_over(g->session) || g->result_path[0] || !g->recording) return;
    g->log.finished_ms = game_wall_ms();
    if (g->log.record_path[0]) {
        record_line(g, record_end_line(g->session, g->log.finished_ms));
        if (g->trace) fprintf(stderr, "enjeux: record: end synced\n");
    }
    char err[1400];
    int e = 0;
    if (!game_write_result(g, err, sizeof err)) SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s", err);
    else if (!award_write(g, g->fonts_dir, err, sizeof err, &e)) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s", err);
        if (e) game_disk_trouble(g, "disk.what.badge", err, e);
    }
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

/* ---- play records and results ------------------------------------------------ */

int64_t game_wall_ms(void) {
    struct timespec ts;
    if (timespec_get(&ts, TIME_UTC) != TIME_UTC) return (int64_t)time(NULL) * 1000;
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* 128 random bits from the system, shaped as a UUID v4 (without dashes). */
static void new_play_id(char out[33]) {
    unsigned char b[16] = {0};
    if (!fsutil_random(b, sizeof b)) {
        /* No system generator (unlikely): mix the clocks. Unique enough for a
         * file name; never used to decide anything in the play. */
        uint64_t st = (uint64_t)game_wall_ms() ^ (SDL_GetPerformanceCounter() << 20);
        for (int i = 0; i < 2; i++) {
            uint64_t v = rng_splitmix64(&st);
            memcpy(b + 8 * i, &v, 8);
        }
    }
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
    for (int i = 0; i < 16; i++) snprintf(out + 2 * i, 3, "%02x", b[i]);
}

void game_set_profile(Game *g, const char *dir, const char *pseudonym) {
    snprintf(g->profile_dir, sizeof g->profile_dir, "%s", dir);
    snprintf(g->pseudonym, sizeof g->pseudonym, "%s", pseudonym && *pseudonym ? pseudonym : "anonyme");
}

static bool profile_sub(const Game *g, const char *sub, char *out, size_t outlen) {
    int n = snprintf(out, outlen, "%s%s", g->profile_dir, sub);
    return n > 0 && (size_t)n < outlen;
}

static void log_reset(Game *g) {
    g->log.n = 0;
    g->log.record_path[0] = '\0';
    g->log.play_id[0] = '\0';
    g->log.finished_ms = 0;
}

static bool log_push(Game *g, uint32_t time_ms, int64_t at_ms) {
    if (g->log.n == g->log.cap) {
        uint32_t cap = g->log.cap ? g->log.cap * 2 : 32;
        uint32_t *t = realloc(g->log.time_ms, sizeof *t * cap);
        if (!t) return false;
        g->log.time_ms = t;
        int64_t *a = realloc(g->log.at_ms, sizeof *a * cap);
        if (!a) return false;
        g->log.at_ms = a;
        g->log.cap = cap;
    }
    g->log.time_ms[g->log.n] = time_ms;
    g->log.at_ms[g->log.n] = at_ms;
    g->log.n++;
    return true;
}

/* Appends a line to the play record. When it cannot be written, the record
 * stops there (a torn line stays last, where readers expect one) and the
 * player is told; the play goes on and its results are still written at
 * the end when the disk allows. */
static void record_line(Game *g, char *line) {
    if (!line) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s: out of memory, a line of the play record is missing",
                     g->log.record_path);
        return;
    }
    int e = 0;
    if (g->log.record_path[0] && !game_path_safe(g, g->log.record_path, "disk.what.record")) {
        g->log.record_path[0] = '\0';
    } else if (g->log.record_path[0] && !fsutil_append_line(g->log.record_path, line, strlen(line), &e)) {
        game_disk_trouble(g, "disk.what.record", g->log.record_path, e);
        g->log.record_path[0] = '\0';
    }
    free(line);
}

/* Appends an "abandoned" line to every unfinished record of the profile but
 * `keep`: the player started another play instead of resuming it. */
static void abandon_others(Game *g, const char *keep) {
    char dir[1200];
    if (!profile_sub(g, "records", dir, sizeof dir)) return;
    size_t count;
    int e;
    char **names;
    if (!fsutil_list_dir(dir, &names, &count, &e)) return;
    int64_t now = game_wall_ms();
    for (size_t k = 0; k < count; k++) {
        size_t n = strlen(names[k]);
        if (n < 7 || strcmp(names[k] + n - 6, ".jsonl") != 0) continue;
        char path[1500], err[1600];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        if (keep && strcmp(path, keep) == 0) continue;
        if (fsutil_has_link(g->user_dir, path)) continue; /* not ours to read or mark */
        Record *r = record_load(path, err, sizeof err);
        if (r && !r->finished && !r->abandoned) {
            char *line = record_abandoned_line(now);
            int ae = 0;
            if (line && !fsutil_append_line(path, line, strlen(line), &ae))
                game_disk_trouble(g, "disk.what.record", path, ae);
            free(line);
        }
        record_free(r);
    }
    fsutil_free_names(names, count);
}

/* Opens a new record for the current session: header, then the decisions
 * already in its history (a play resumed from an older save). */
static void record_begin(Game *g) {
    char dir[1200];
    new_play_id(g->log.play_id);
    g->log.started_ms = game_wall_ms();
    if (!g->recording) return;
    int e = 0;
    if (!profile_sub(g, "records", dir, sizeof dir) || !game_path_safe(g, dir, "disk.what.record")) return;
    if (!fsutil_mkdirs(dir, &e)) {
        game_disk_trouble(g, "disk.what.record", dir, e ? e : ENAMETOOLONG);
        return;
    }
    abandon_others(g, NULL);
    snprintf(g->log.record_path, sizeof g->log.record_path, "%s/%s.jsonl", dir, g->log.play_id);
    PlayMeta m;
    game_play_meta(g, &m);
    /* The header is written whole or not at all (temporary file, renamed):
     * a crash at this moment leaves no record rather than an empty one. */
    char *header = record_header_line(g->session, &m);
    if (!header) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s: out of memory, the play record is not started",
                     g->log.record_path);
        g->log.record_path[0] = '\0';
    } else if (!fsutil_write_atomic(g->log.record_path, header, strlen(header), &e)) {
        /* No header, no record: later decisions must not create one. */
        game_disk_trouble(g, "disk.what.record", g->log.record_path, e);
        g->log.record_path[0] = '\0';
    }
    free(header);
    for (uint32_t i = 0; i < session_step_count(g->session); i++) {
        log_push(g, 0, g->log.started_ms);
        record_line(g, record_decision_line(g->session, i, 0, g->log.started_ms));
    }
}

void game_play_meta(const Game *g, PlayMeta *m) {
    memset(m, 0, sizeof *m);
    memcpy(m->play_id, g->log.play_id, sizeof m->play_id);
    m->pseudonym = g->pseudonym;
    m->workshop = g->workshop[0] ? g->workshop : NULL;
    m->started_ms = g->log.started_ms;
    m->finished_ms = g->log.finished_ms ? g->log.finished_ms : game_wall_ms();
    m->time_ms = g->log.time_ms;
    m->at_ms = g->log.at_ms;
    m->n_decisions = g->log.n;
    m->home_page = g->home_page[0] ? g->home_page : NULL;
}

void game_scene_shown(Game *g) {
    g->log.shown_ticks = SDL_GetTicks64();
}

bool game_write_result(Game *g, char *err, size_t errlen) {
    const Scenario *sc = game_scenario(g);
    if (!sc || !g->session || !session_is_over(g->session)) {
        snprintf(err, errlen, "no finished play to record");
        return false;
    }
    if (!g->log.finished_ms) g->log.finished_ms = game_wall_ms();
    PlayMeta m;
    game_play_meta(g, &m);
    char dir[1200];
    int e = 0;
    if (!profile_sub(g, "results", dir, sizeof dir) || !game_path_safe(g, dir, "disk.what.results")) {
        snprintf(err, errlen, "%s: a symbolic link leads out of the data folder; nothing written", dir);
        return false;
    }
    if (!fsutil_mkdirs(dir, &e)) {
        snprintf(err, errlen, "%s: cannot create the folder for results (%s); check that it is writable", dir,
                 strerror(e));
        game_disk_trouble(g, "disk.what.results", dir, e ? e : ENAMETOOLONG);
        return false;
    }
    if (!results_write(dir, g->session, game_framework(g), &m, g->result_path, sizeof g->result_path, err, errlen,
                       &e)) {
        if (e) game_disk_trouble(g, "disk.what.results", dir, e);
        return false;
    }
    g->export_msg[0] = '\0';
    if (g->export_dir[0]) {
        char xerr[1400];
        bool ok = game_export_ready(g);
        if (!ok)
            snprintf(xerr, sizeof xerr, "%s: cannot create the export folder (is the drive still there?)",
                     g->export_dir);
        else ok = results_write(g->export_dir, g->session, game_framework(g), &m, NULL, 0, xerr, sizeof xerr, NULL);
        if (!ok) {
            tr_format(g->export_msg, sizeof g->export_msg, "deb.export_failed", xerr, NULL);
            SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s", xerr);
        } else {
            tr_format(g->export_msg, sizeof g->export_msg, "deb.exported", g->export_dir, NULL);
        }
    }
    return true;
}

/* Copies the regular file `from` to `to` atomically. */
static bool copy_file(const char *from, const char *to, char *err, size_t errlen) {
    char *data = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    if (fsutil_read_file(from, 64u * 1024 * 1024, &data, &len, &size, &e) != FS_OK) {
        snprintf(err, errlen, "%s: cannot read it (%s)", from, e ? strerror(e) : "too large");
        return false;
    }
    bool ok = fsutil_write_atomic(to, data, len, &e);
    free(data);
    if (!ok) snprintf(err, errlen, "%s: cannot write it (%s)", to, strerror(e));
    return ok;
}

bool game_export_ready(const Game *g) {
    return g->export_dir[0] && (g->export_keep ? fsutil_is_dir(g->export_dir) : paths_mkdirs(g->export_dir));
}

int game_export_pending(Game *g, char *err, size_t errlen) {
    if (!g->export_dir[0]) return 0;
    if (!game_export_ready(g)) {
        snprintf(err, errlen, "%s: cannot create the export folder (is the drive there?)", g->export_dir);
        return -1;
    }
    int copied = 0;
    static const char *const SUBS[] = {"results", "badges"};
    for (int k = 0; k < 2; k++) {
        char dir[1200];
        if (!profile_sub(g, SUBS[k], dir, sizeof dir)) continue;
        char **names = NULL;
        size_t count = 0;
        int e = 0;
        if (!fsutil_list_dir(dir, &names, &count, &e)) continue;
        for (size_t i = 0; i < count; i++) {
            const char *name = names[i];
            size_t n = strlen(name);
            if (name[0] == '.' || (n > 4 && strcmp(name + n - 4, ".tmp") == 0)) continue;
            char from[1500], to[1500];
            snprintf(from, sizeof from, "%s/%s", dir, name);
            snprintf(to, sizeof to, "%s/%s", g->export_dir, name);
            if (fsutil_has_link(g->user_dir, from) || !paths_is_file(from) || paths_is_file(to)) continue;
            if (!copy_file(from, to, err, errlen)) {
                fsutil_free_names(names, count);
                return -1;
            }
            copied++;
        }
        fsutil_free_names(names, count);
    }
    return copied;
}
void game_export_all(Game *g, const char *name, GameExport *out) {
    memset(out, 0, sizeof *out);
    char results[1200];
    bool own = !g->export_dir[0];
    if (!profile_sub(g, "results", results, sizeof results) ||
        (own ? !profile_sub(g, "export", out->dest, sizeof out->dest)
             : snprintf(out->dest, sizeof out->dest, "%s", g->export_dir) >= (int)sizeof out->dest)) {
        out->dir = EXPORT_DIR_NOT_WRITABLE;
        out->dir_errnum = ENAMETOOLONG;
        return;
    }
    if (own) paths_mkdirs(out->dest);
    out->dir = export_dir_check(out->dest, &out->dir_errnum);
    if (out->dir != EXPORT_DIR_OK) return;
    out->ok = export_all(results, out->dest, name, &out->sum, out->err, sizeof out->err);
    if (!out->ok) SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s", out->err);
}

static bool save_path(const Game *g, char *out, size_t outlen) {
    return profile_sub(g, "saves/current.json", out, outlen);
}

bool game_save(Game *g, char *err, size_t errlen) {
    char path[1200], dir[1200];
    if (!g->session || !save_path(g, path, sizeof path) || !profile_sub(g, "saves", dir, sizeof dir)) return false;
    if (!game_path_safe(g, dir, "disk.what.save")) {
        snprintf(err, errlen, "%s: a symbolic link leads out of the data folder; nothing written", dir);
        return false;
    }
    if (session_is_over(g->session)) {
        remove(path);
        return true;
    }
    int e = 0;
    if (!fsutil_mkdirs(dir, &e)) {
        snprintf(err, errlen, "%s: cannot create the folder for saves (%s)", dir, strerror(e));
        game_disk_trouble(g, "disk.what.save", dir, e);
        return false;
    }
    /* The save module's text, written here to know why a write failed. */
    char *json = save_to_json(g->session);
    bool ok = json && fsutil_write_atomic(path, json, strlen(json), &e);
    free(json);
    if (!ok) {
        snprintf(err, errlen, "%s: cannot write the save (%s)", path, strerror(json ? e : ENOMEM));
        if (e) game_disk_trouble(g, "disk.what.save", path, e);
    }
    return ok;
}

bool game_path_safe(Game *g, const char *path, const char *what) {
    if (!g->user_dir[0] || !fsutil_has_link(g->user_dir, path)) return true;
    game_disk_trouble(g, what, path, ELOOP);
    return false;
}

/* g->disk_notice from g->disk[], in the interface's language. */
static void disk_format(Game *g) {
    size_t have = 0;
    g->disk_notice[0] = '\0';
    for (int i = 0; i < g->n_disk; i++) {
        const struct GameDiskTrouble *t = &g->disk[i];
        char msg[sizeof g->disk_notice], file[1300];
        const char *what = tr(t->what);
        int err = t->err;
#ifdef EDQUOT
        if (err == EDQUOT) err = ENOSPC;
#endif
        if (err == ENOSPC) {
            tr_format(msg, sizeof msg, "disk.full", what, t->path);
        } else if (err == EROFS || err == EACCES || err == EPERM) {
            tr_format(msg, sizeof msg, "disk.readonly", what, t->path);
        } else if (err == ELOOP) {
            tr_format(msg, sizeof msg, "disk.link", what, t->path);
        } else {
            snprintf(file, sizeof file, "%.1090s (%s)", t->path, strerror(err));
            tr_format(msg, sizeof msg, "disk.error", what, file);
        }
        if (strstr(g->disk_notice, msg) || have + strlen(msg) + 2 >= sizeof g->disk_notice) continue;
        have += (size_t)snprintf(g->disk_notice + have, sizeof g->disk_notice - have, "%s%s", have ? "\n" : "", msg);
    }
}

void game_disk_trouble(Game *g, const char *what, const char *path, int err) {
    SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s: cannot be written (%s)", path, strerror(err));
    /* Several failures before the player saw the first (the end of a play
     * writes results, badge and progress at once): all are shown. */
    if (g->disk_notice_seen) g->n_disk = 0;
    bool known = false;
    for (int i = 0; i < g->n_disk; i++)
        known |= g->disk[i].what == what && g->disk[i].err == err && strcmp(g->disk[i].path, path) == 0;
    if (!known && g->n_disk < GAME_DISK_MAX) {
        struct GameDiskTrouble *t = &g->disk[g->n_disk++];
        t->what = what;
        t->err = err;
        snprintf(t->path, sizeof t->path, "%s", path);
    }
    disk_format(g);
    g->disk_notice_seen = false;
}

void game_disk_clear(Game *g) {
    g->n_disk = 0;
    g->disk_notice[0] = '\0';
}

void game_relang(Game *g, Lang lang) {
    for (int i = 0; i < g->n_lib; i++) {
        LibEntry *e = &g->lib[i];
        if (e->diags.lang == lang) continue;
        if (e->diags.count == 0 && e->diags.dropped == 0) {
            e->diags.lang = lang;
            continue;
        }
        LibEntry fresh = *e;
        load_entry(&fresh, lang);
        if (e->sc) {
            /* Loaded before: the scenario stays (a play may use it); only
             * the words of its diagnostics change. They describe the file
             * on disk when it loads, or when they were already its errors
             * (--dev keeps the last good scenario while the file is
             * broken: screen_dev_error shows them). */
            if (fresh.sc || e->diags.errors > 0) {
                diag_list_free(&e->diags);
                e->diags = fresh.diags;
            } else {
                diag_list_free(&fresh.diags);
            }
            scenario_free(fresh.sc);
            framework_free(fresh.fw);
        } else {
            framework_free(e->fw);
            diag_list_free(&e->diags);
            *e = fresh;
        }
    }
    disk_format(g);
}

static int find_scenario(const Game *g, const char *id) {
    for (int i = 0; i < g->n_lib; i++)
        if (g->lib[i].sc && strcmp(g->lib[i].sc->id, id) == 0) return i;
    return -1;
}

/* The newest unfinished record of the profile whose scenario is in the
 * library: its path goes to g->resume_path. Returns its library index. */
static int find_unfinished_record(Game *g) {
    g->resume_path[0] = '\0';
    char dir[1200];
    if (!profile_sub(g, "records", dir, sizeof dir)) return -1;
    size_t count;
    int e;
    char **names;
    if (!fsutil_list_dir(dir, &names, &count, &e)) return -1;
    int found = -1;
    int64_t newest = INT64_MIN;
    for (size_t k = 0; k < count; k++) {
        size_t n = strlen(names[k]);
        if (n < 7 || strcmp(names[k] + n - 6, ".jsonl") != 0) continue;
        char path[1500], err[1600];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        Record *r = record_load(path, err, sizeof err);
        if (!r) {
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s", err);
            continue;
        }
        int index = r->finished || r->abandoned ? -1 : find_scenario(g, r->scenario_id);
        if (index >= 0 && r->started_ms > newest) {
            newest = r->started_ms;
            found = index;
            snprintf(g->resume_path, sizeof g->resume_path, "%s", path);
        }
        record_free(r);
    }
    fsutil_free_names(names, count);
    return found;
}

int game_saved_scenario(Game *g) {
    int index = find_unfinished_record(g);
    if (index >= 0) return index;
    char path[1200];
    if (!save_path(g, path, sizeof path) || !paths_is_file(path)) return -1;
    DiagList dl;
    diag_list_init(&dl, LANG_FR);
    Save *sv = save_load(path, &dl);
    diag_list_free(&dl);
    int found = sv ? find_scenario(g, sv->scenario_id) : -1;
    save_free(sv);
    return found;
}

static void append_msg(char *msg, size_t msglen, const char *text) {
    size_t n = strlen(msg);
    if (n + 2 < msglen) snprintf(msg + n, msglen - n, "%s%s", n ? " " : "", text);
}

static bool resume_record(Game *g, Lang lang, char *msg, size_t msglen) {
    char err[1600];
    Record *r = record_load(g->resume_path, err, sizeof err);
    if (!r) {
        snprintf(msg, msglen, "%s", err);
        return false;
    }
    int index = find_scenario(g, r->scenario_id);
    if (index < 0) {
        record_free(r);
        return false;
    }
    ResumeReport rep;
    game_stop(g);
    Session *s = record_resume(r, g->lib[index].sc, g->lib[index].fw, &rep);
    if (!s) {
        record_free(r);
        return false;
    }
    if (rep.status != RESUME_SAME) save_describe_resume(&rep, lang, msg, msglen);
    if (r->torn_tail) {
        char line[16], text[512];
        snprintf(line, sizeof line, "%u", (unsigned)r->damaged_line);
        tr_format(text, sizeof text, "record.torn", line, NULL);
        append_msg(msg, msglen, text);
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s:%u: damaged last line (interrupted write), ignored",
                    g->resume_path, (unsigned)r->damaged_line);
    }
    session_set_lang(s, lang);
    adopt_session(g, s, index);
    memcpy(g->log.play_id, r->play_id, sizeof g->log.play_id);
    g->log.started_ms = r->started_ms;
    if (r->workshop) snprintf(g->workshop, sizeof g->workshop, "%s", r->workshop);
    for (uint32_t i = 0; i < rep.steps_kept && i < r->n_decisions; i++)
        log_push(g, r->decisions[i].time_ms, r->decisions[i].at_ms);
    snprintf(g->log.record_path, sizeof g->log.record_path, "%s", g->resume_path);
    record_free(r);
    game_scene_shown(g);
    if (session_is_over(s)) game_finish(g);
    return true;
}

bool game_resume(Game *g, Lang lang, char *msg, size_t msglen) {
    msg[0] = '\0';
    if (g->resume_path[0] || find_unfinished_record(g) >= 0) return resume_record(g, lang, msg, msglen);
    char path[1200];
    if (!save_path(g, path, sizeof path)) return false;
    DiagList dl;
    diag_list_init(&dl, lang);
    Save *sv = save_load(path, &dl);
    if (!sv) {
        snprintf(msg, msglen, "%s", dl.count ? dl.items[0].message : path);
        diag_list_free(&dl);
        return false;
    }
    diag_list_free(&dl);
    int index = find_scenario(g, sv->scenario_id);
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
    adopt_session(g, s, index);
    record_begin(g);
    game_scene_shown(g);
    if (session_is_over(s)) game_finish(g);
    return true;
}
