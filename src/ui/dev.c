/* dev.c — live authoring; see dev.h. */
#include "ui/dev.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/fsutil.h"
#include "ui/app.h"
#include "ui/tr.h"

/* A watched file and how it looked last time. */
typedef struct DevFile {
    char *path;
    FsStamp stamp;
} DevFile;

/* One decision of the play, by ids, to replay it on the reloaded scenario. */
typedef struct DevStep { char *scene, *choice; } DevStep;

struct Dev {
    int index;                /* the library entry played */
    SDL_TimerID timer;
    Uint32 tick_event;
    DevFile *files;
    int n_files;
    DevStep *steps;
    uint32_t n_steps;
    unsigned reloads;
    char last_time[16];       /* "14:02:31" of the last reload */
    bool broken;              /* the file on disk has errors */
    bool end_logged;          /* the current play's ending was written to the terminal */
};

/* ---- watching ----------------------------------------------------------------- */

static bool changed(DevFile *f) {
    FsStamp now = fsutil_stamp(f->path);
    bool c = now.exists != f->stamp.exists || now.mtime_ns != f->stamp.mtime_ns || now.size != f->stamp.size ||
             now.id != f->stamp.id;
    f->stamp = now;
    return c;
}

static void free_files(Dev *d) {
    for (int i = 0; i < d->n_files; i++) free(d->files[i].path);
    free(d->files);
    d->files = NULL;
    d->n_files = 0;
}

static void watch_add(Dev *d, int *cap, const char *dir, const char *rel) {
    if (!rel) return;
    char *p = NULL;
    if (dir) {
        size_t n = strlen(dir) + strlen(rel) + 2;
        p = malloc(n);
        if (p) snprintf(p, n, "%s/%s", dir, rel);
    } else {
        p = strdup(rel);
    }
    if (!p) return;
    for (int i = 0; i < d->n_files; i++)
        if (strcmp(d->files[i].path, p) == 0) {
            free(p);
            return;
        }
    if (d->n_files == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        DevFile *nf = realloc(d->files, (size_t)nc * sizeof *nf);
        if (!nf) {
            free(p);
            return;
        }
        d->files = nf;
        *cap = nc;
    }
    d->files[d->n_files] = (DevFile){.path = p};
    d->files[d->n_files].stamp = fsutil_stamp(d->files[d->n_files].path);
    d->n_files++;
}

/* The files to watch: the scenario, its framework, every image it names.
 * Stamped now, so that a save during the reload is seen at the next tick. */
static void watch_rebuild(Dev *d, const LibEntry *e) {
    free_files(d);
    int cap = 0;
    watch_add(d, &cap, NULL, e->path);
    if (e->fw && e->fw->path) watch_add(d, &cap, NULL, e->fw->path);
    const Scenario *sc = e->sc;
    if (!sc) return;
    for (uint32_t i = 0; i < sc->n_scenes; i++) watch_add(d, &cap, e->dir, sc->scenes[i].image);
    for (uint16_t i = 0; i < sc->n_events; i++) watch_add(d, &cap, e->dir, sc->events[i].image);
    for (uint16_t i = 0; i < sc->n_endings; i++) watch_add(d, &cap, e->dir, sc->endings[i].image);
    for (uint16_t i = 0; i < sc->n_characters; i++) watch_add(d, &cap, e->dir, sc->characters[i].portrait);
}

static Uint32 on_tick(Uint32 interval, void *param) {
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = (Uint32)(uintptr_t)param;
    SDL_PushEvent(&ev);
    return interval;
}

/* ---- the play, by ids --------------------------------------------------------------- */

static void free_steps(Dev *d) {
    for (uint32_t i = 0; i < d->n_steps; i++) {
        free(d->steps[i].scene);
        free(d->steps[i].choice);
    }
    free(d->steps);
    d->steps = NULL;
    d->n_steps = 0;
}

/* Records the current session's decisions by ids. */
static void record_steps(Dev *d, const Game *g) {
    free_steps(d);
    if (!g->session) return;
    const Scenario *sc = session_scenario(g->session);
    uint32_t n = session_step_count(g->session);
    if (n == 0) return;
    d->steps = calloc(n, sizeof *d->steps);
    if (!d->steps) return;
    for (uint32_t i = 0; i < n; i++) {
        const StepResult *r = session_step(g->session, i);
        const Scene *s = &sc->scenes[r->scene];
        d->steps[i].scene = strdup(s->id);
        d->steps[i].choice = strdup(s->choices[r->choice].id);
        if (!d->steps[i].scene || !d->steps[i].choice) break;
        d->n_steps = i + 1;
    }
}

/* Starts a new play and replays the recorded decisions while each one's
 * scene is the current one and its choice exists and is available. Returns
 * how many were replayed. */
static uint32_t replay_steps(App *app, const Dev *d) {
    Game *g = &app->game;
    if (!game_start(g, d->index, g->seed, app->lang)) return 0;
    uint32_t done = 0;
    for (uint32_t i = 0; i < d->n_steps; i++) {
        if (session_is_over(g->session)) break;
        const Scene *s = session_scene(g->session);
        if (strcmp(s->id, d->steps[i].scene) != 0) break;
        int32_t c = scenario_find_choice(session_scenario(g->session), session_scene_index(g->session),
                                         d->steps[i].choice);
        if (c < 0 || !game_choose(g, (uint16_t)c)) break;
        done++;
    }
    g->step = NULL;
    return done;
}

/* How many recorded decisions a replay replayed, out of how many, as text
 * for the notice that says so. */
typedef struct ReplayCount {
    char done[16], total[16];
} ReplayCount;

/* Replays the recorded decisions (replay_steps) and counts them. */
static ReplayCount replay_counted(App *app, const Dev *d) {
    ReplayCount n;
    snprintf(n.done, sizeof n.done, "%u", (unsigned)replay_steps(app, d));
    snprintf(n.total, sizeof n.total, "%u", (unsigned)d->n_steps);
    return n;
}

/* Shows where the play is: the scene, or the ending. */
static void show_current(App *app) {
    Game *g = &app->game;
    if (g->session && session_is_over(g->session)) app_reset(app, &screen_ending, 0);
    else app_reset(app, &screen_scene, 0);
}

/* At an ending, tells the terminal how the play went: the author sees each
 * test play's line of choices and final meters. */
static void log_ending(App *app, Dev *d) {
    const Session *s = app->game.session;
    if (!s || !session_is_over(s)) {
        d->end_logged = false;
        return;
    }
    if (d->end_logged) return;
    d->end_logged = true;
    const Scenario *sc = session_scenario(s);
    uint32_t n = session_step_count(s);
    printf("enjeux --dev: %s %s (%u):", app->lang == LANG_FR ? "fin" : "ending", session_ending(s)->id, (unsigned)n);
    for (uint32_t i = 0; i < n; i++) {
        const StepResult *r = session_step(s, i);
        printf("%s%s", i ? ", " : " ", sc->scenes[r->scene].choices[r->choice].id);
    }
    printf(" ;");
    for (uint16_t m = 0; m < sc->n_meters; m++) printf(" %s=%d", sc->meters[m].id, (int)session_meter(s, m));
    printf("\n");
    fflush(stdout);
}

static void set_time(Dev *d) {
    time_t t = time(NULL);
    struct tm tmv;
    if (localtime_r(&t, &tmv)) strftime(d->last_time, sizeof d->last_time, "%H:%M:%S", &tmv);
}

/* ---- public ------------------------------------------------------------------------ */

bool dev_start(App *app, int index) {
    Dev *d = calloc(1, sizeof *d);
    if (!d) {
        fputs("enjeux: out of memory\n", stderr);
        return false;
    }
    d->index = index;
    app->dev = d;
    /* Plays of a scenario being written are not the player's: no play
     * record nor results (each reload starts the play again), and the save
     * the game keeps goes to a dev/ folder beside the profiles. */
    char dir[sizeof app->user_dir + 8];
    snprintf(dir, sizeof dir, "%sdev/", app->user_dir);
    if (!paths_mkdirs(dir)) {
        fprintf(stderr, "enjeux: %s: cannot create the folder\n", dir);
        return false;
    }
    game_set_profile(&app->game, dir, NULL);
    app->game.recording = false;
    d->tick_event = SDL_RegisterEvents(1);
    if (d->tick_event == (Uint32)-1 || SDL_InitSubSystem(SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "enjeux: --dev cannot start its timer: %s\n", SDL_GetError());
        return false;
    }
    d->timer = SDL_AddTimer(DEV_POLL_MS, on_tick, (void *)(uintptr_t)d->tick_event);
    if (!d->timer) {
        fprintf(stderr, "enjeux: --dev cannot start its timer: %s\n", SDL_GetError());
        return false;
    }
    LibEntry *e = &app->game.lib[index];
    watch_rebuild(d, e);
    set_time(d);
    app->game.seed = app->opts.seed;
    if (!e->sc) {
        d->broken = true;
        app_reset(app, &screen_dev_error, d->index);
        return true;
    }
    if (!game_start(&app->game, index, app->opts.seed, app->lang)) {
        fputs("enjeux: out of memory\n", stderr);
        return false;
    }
    show_current(app);
    return true;
}

void dev_destroy(Dev *d) {
    if (!d) return;
    if (d->timer) SDL_RemoveTimer(d->timer);
    free_files(d);
    free_steps(d);
    free(d);
}

void dev_reload(App *app) {
    Dev *d = app->dev;
    if (!d) return;
    Game *g = &app->game;
    LibEntry *e = &g->lib[d->index];
    for (int i = 0; i < d->n_files; i++) d->files[i].stamp = fsutil_stamp(d->files[i].path);
    DiagList dl;
    diag_list_init(&dl, app->lang);
    Framework *fw = NULL;
    Scenario *sc = scenario_load_auto(e->path, &fw, &dl);
    d->reloads++;
    set_time(d);
    /* Illustrations may have changed too. */
    if (app->renderer) {
        ImageCache *ic = image_cache_create(app->renderer);
        if (ic) {
            image_cache_destroy(app->images);
            app->images = ic;
        }
    }
    if (!sc) {
        /* The terminal the author started the game from gets the same
         * diagnostics, to click through in an editor. */
        char *txt = diag_list_format_text(&dl);
        char count[160];
        dev_count_text(count, sizeof count, &dl);
        printf("enjeux --dev: %s: %s %s\n", e->path, d->last_time, count);
        if (txt) fputs(txt, stdout);
        free(txt);
        fflush(stdout);
        framework_free(fw);
        diag_list_free(&e->diags);
        e->diags = dl;
        d->broken = true;
        app_reset(app, &screen_dev_error, d->index);
        return;
    }
    d->broken = false;
    if (g->session) record_steps(d, g);
    game_stop(g);
    scenario_free(e->sc);
    framework_free(e->fw);
    diag_list_free(&e->diags);
    e->sc = sc;
    e->fw = fw;
    e->diags = dl;
    watch_rebuild(d, e);
    ReplayCount n = replay_counted(app, d);
    tr_format(app->notice, sizeof app->notice, "dev.reloaded", n.done, n.total);
    printf("enjeux --dev: %s: %s %s\n", e->path, d->last_time, app->notice);
    fflush(stdout);
    if (dl.warnings) {
        char w[128], cnt[24];
        snprintf(cnt, sizeof cnt, "%zu", dl.warnings);
        tr_format(w, sizeof w, "dev.warnings", cnt, NULL);
        size_t len = strlen(app->notice);
        snprintf(app->notice + len, sizeof app->notice - len, " %s", w);
    }
    show_current(app);
}

bool dev_undo(App *app) {
    Game *g = &app->game;
    if (!app->dev || !g->session || !session_undo(g->session)) {
        snprintf(app->notice, sizeof app->notice, "%s", tr("dev.nothing_to_undo"));
        return false;
    }
    g->step = NULL;
    g->result_path[0] = '\0';
    snprintf(app->notice, sizeof app->notice, "%s", tr("dev.undone"));
    show_current(app);
    return true;
}

void dev_replay(App *app) {
    Dev *d = app->dev;
    Game *g = &app->game;
    if (!d || !g->session) return;
    record_steps(d, g);
    ReplayCount n = replay_counted(app, d);
    tr_format(app->notice, sizeof app->notice, "dev.replayed", n.done, n.total);
    show_current(app);
}

/* A node of the breadth-first search over lines of play. */
typedef struct JumpNode { int32_t parent; uint16_t choice; } JumpNode;

bool dev_jump(App *app, uint32_t target) {
    Dev *d = app->dev;
    Game *g = &app->game;
    const LibEntry *e = d ? &g->lib[d->index] : NULL;
    if (!e || !e->sc || target >= e->sc->n_scenes) return false;
    const Scenario *sc = e->sc;
    Session *s = session_create(sc, e->fw, g->seed, app->lang);
    bool *seen = calloc(sc->n_scenes, sizeof *seen);
    JumpNode *nodes = calloc(sc->n_scenes, sizeof *nodes);
    uint16_t *path = calloc(sc->n_scenes, sizeof *path);
    int32_t found = -1;
    if (s && seen && nodes && path) {
        /* nodes[] holds lines of play in discovery order (each the parent
         * line plus one choice); line k ends at scene_of[k]. Each scene is
         * entered once, so at most n_scenes lines are replayed. */
        uint32_t *scene_of = calloc(sc->n_scenes, sizeof *scene_of);
        uint32_t n = 0;
        if (scene_of) {
            nodes[n] = (JumpNode){-1, 0};
            scene_of[n++] = sc->start;
            seen[sc->start] = true;
            if (sc->start == target) found = 0;
            for (uint32_t head = 0; head < n && found < 0; head++) {
                uint32_t len = 0;
                for (int32_t k = (int32_t)head; nodes[k].parent >= 0; k = nodes[k].parent) path[len++] = nodes[k].choice;
                session_reset(s, g->seed);
                bool ok = true;
                for (uint32_t i = len; i-- > 0 && ok;) ok = session_choose(s, path[i]) != NULL;
                if (!ok) continue;
                ChoiceView v[LIMIT_CHOICES];
                uint16_t nv = session_choices(s, v);
                for (uint16_t i = 0; i < nv && found < 0; i++) {
                    if (!v[i].available || !session_choose(s, v[i].index)) continue;
                    if (!session_is_over(s)) {
                        uint32_t to = session_scene_index(s);
                        if (!seen[to] && n < sc->n_scenes) {
                            seen[to] = true;
                            nodes[n] = (JumpNode){(int32_t)head, v[i].index};
                            scene_of[n] = to;
                            if (to == target) found = (int32_t)n;
                            n++;
                        }
                    }
                    session_undo(s);
                }
            }
            free(scene_of);
        }
    }
    bool ok = false;
    if (found >= 0) {
        uint32_t len = 0;
        for (int32_t k = found; nodes[k].parent >= 0; k = nodes[k].parent) path[len++] = nodes[k].choice;
        ok = game_start(g, d->index, g->seed, app->lang);
        for (uint32_t i = len; ok && i-- > 0;) ok = game_choose(g, path[i]) != NULL;
        g->step = NULL;
        char cnt[16];
        snprintf(cnt, sizeof cnt, "%u", (unsigned)len);
        if (ok) tr_count(app->notice, sizeof app->notice, "dev.jumped_one", "dev.jumped", len, sc->scenes[target].id, cnt);
        else tr_format(app->notice, sizeof app->notice, "dev.no_path", sc->scenes[target].id, NULL);
        if (ok) show_current(app);
    } else {
        tr_format(app->notice, sizeof app->notice, "dev.no_path", sc->scenes[target].id, NULL);
    }
    session_destroy(s);
    free(seen);
    free(nodes);
    free(path);
    return ok;
}

const DiagList *dev_diags(const App *app) {
    const Dev *d = app->dev;
    return d ? &app->game.lib[d->index].diags : NULL;
}

void dev_status(const App *app, char *out, size_t outlen) {
    const Dev *d = app->dev;
    if (!d) {
        if (outlen) out[0] = '\0';
        return;
    }
    char cnt[16];
    snprintf(cnt, sizeof cnt, "%u", d->reloads);
    char line[256];
    tr_format(line, sizeof line, "dev.status", cnt, d->last_time);
    snprintf(out, outlen, "%s — %s", app->game.lib[d->index].path, line);
}

bool dev_handle_event(App *app, const SDL_Event *ev) {
    Dev *d = app->dev;
    if (!d) return false;
    if (ev->type == d->tick_event) {
        log_ending(app, d);
        bool any = false;
        for (int i = 0; i < d->n_files; i++)
            if (changed(&d->files[i])) any = true;
        if (any) {
            dev_reload(app);
            app->redraw = true;
        }
        return true;
    }
    if (ev->type == SDL_KEYDOWN && !ev->key.repeat) {
        SDL_Keycode k = ev->key.keysym.sym;
        if (k == SDLK_F5) {
            dev_reload(app);
            app->redraw = true;
            return true;
        }
        if (k == SDLK_F1 && !d->broken && app->game.session) {
            if (app_top(app) == &screen_dev) app_pop(app);
            else app_push(app, &screen_dev, 0);
            app->redraw = true;
            return true;
        }
    }
    return false;
}

void dev_count_text(char *out, size_t outlen, const DiagList *dl) {
    size_t ne = dl ? dl->errors : 0, nw = dl ? dl->warnings : 0;
    char n1[24], n2[24], errs[80], warns[80];
    snprintf(n1, sizeof n1, "%zu", ne);
    snprintf(n2, sizeof n2, "%zu", nw);
    tr_count(errs, sizeof errs, "deverr.errors_one", "deverr.errors", ne, n1, NULL);
    tr_count(warns, sizeof warns, "deverr.warnings_one", "deverr.warnings", nw, n2, NULL);
    tr_format(out, outlen, "deverr.count", errs, warns);
}
