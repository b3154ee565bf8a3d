/* shots.c — the screenshot tour; see shots.h.
 *
 * Each size gets its own software renderer on a plain surface, so pixels
 * are deterministic and no display is needed. The tour plays the scenario
 * with the first available choice at each step (recording the first
 * consequence, the first event that fires, the ending and the debrief);
 * with --all it then visits every scene reachable by a depth-first walk
 * with session_undo(), and plays seeded random playthroughs until every
 * ending and every event has been shown once (endings depend on the state
 * a whole play builds up, which a scene-by-scene walk does not cover). */
#include "ui/shots.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/report.h"
#include "core/results.h"
#include "core/rng.h"
#include "ui/app.h"
#include "ui/tr.h"

typedef struct Tour {
    App *app;
    const char *dir;
    char prefix[64];
    int n;
    int failures;
} Tour;

static void shoot(Tour *t, const char *what) {
    App *app = t->app;
    app_apply_requests(app);
    /* Two frames: the first settles focus and scroll extents. */
    app_render_frame(app);
    app_render_frame(app);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, app->w, app->h, 32, SDL_PIXELFORMAT_ARGB8888);
    char path[2048];
    snprintf(path, sizeof path, "%s/%s-%02d-%s.png", t->dir, t->prefix, t->n++, what);
    if (!s || SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0 ||
        IMG_SavePNG(s, path) != 0) {
        fprintf(stderr, "enjeux: %s: cannot write the screenshot: %s\n", path, SDL_GetError());
        t->failures++;
    } else {
        printf("%s\n", path);
    }
    SDL_FreeSurface(s);
}

static void go(App *app, const ScreenDef *def, int arg) {
    app_reset(app, def, arg);
    app_apply_requests(app);
}

static int first_available(Session *s) {
    ChoiceView v[LIMIT_CHOICES];
    uint16_t n = session_choices(s, v);
    for (uint16_t i = 0; i < n; i++)
        if (v[i].available) return v[i].index;
    return -1;
}

/* Depth-first walk over decisions, shooting each scene the first time it is
 * reached. */
static void visit(Tour *t, bool *seen, int depth) {
    App *app = t->app;
    Session *s = app->game.session;
    if (session_is_over(s) || depth > 200) return;
    uint32_t idx = session_scene_index(s);
    if (seen[idx]) return;
    seen[idx] = true;
    char what[128];
    snprintf(what, sizeof what, "scene-%s", session_scene(s)->id);
    go(app, &screen_scene, 0);
    shoot(t, what);
    ChoiceView v[LIMIT_CHOICES];
    uint16_t n = session_choices(s, v);
    for (uint16_t i = 0; i < n; i++) {
        if (!v[i].available) continue;
        if (!session_choose(s, v[i].index)) continue;
        visit(t, seen, depth + 1);
        session_undo(s);
    }
}

enum { TOUR_MAX_PLAYS = 20000 }; /* random plays looking for unseen endings/events */

/* Plays seeded random playthroughs until every ending and every event of
 * the scenario has been shot once (or TOUR_MAX_PLAYS plays); says which
 * could not be reached, so the layout tests never pass over them silently. */
static void tour_endings_and_events(Tour *t, int index) {
    App *app = t->app;
    const Scenario *sc = game_scenario(&app->game);
    bool *ending_shot = calloc(sc->n_endings ? sc->n_endings : 1, sizeof *ending_shot);
    bool *event_shot = calloc(sc->n_events ? sc->n_events : 1, sizeof *event_shot);
    if (!ending_shot || !event_shot) {
        free(ending_shot);
        free(event_shot);
        t->failures++;
        return;
    }
    uint32_t missing = (uint32_t)sc->n_endings + sc->n_events;
    Rng picker;
    rng_seed(&picker, app->opts.seed ^ 0x5eedu);
    char what[128];
    for (int play = 0; play < TOUR_MAX_PLAYS && missing > 0; play++) {
        if (!game_start(&app->game, index, app->opts.seed + (uint64_t)play, app->lang)) break;
        Session *s = app->game.session;
        while (!session_is_over(s)) {
            ChoiceView v[LIMIT_CHOICES];
            uint16_t n = session_choices(s, v), avail[LIMIT_CHOICES], k = 0;
            for (uint16_t i = 0; i < n; i++)
                if (v[i].available) avail[k++] = v[i].index;
            if (k == 0 || !game_choose(&app->game, avail[rng_below(&picker, k)])) break;
            const StepResult *step = app->game.step;
            for (uint16_t f = 0; f < step->n_fired; f++) {
                uint16_t e = step->fired[f].event;
                if (event_shot[e]) continue;
                event_shot[e] = true;
                missing--;
                snprintf(what, sizeof what, "event-%s", sc->events[e].id);
                go(app, &screen_event, f);
                shoot(t, what);
            }
        }
        int32_t end = session_ending_index(s);
        if (end >= 0 && !ending_shot[end]) {
            ending_shot[end] = true;
            missing--;
            snprintf(what, sizeof what, "ending-%s", sc->endings[end].id);
            go(app, &screen_ending, 0);
            shoot(t, what);
            snprintf(what, sizeof what, "debrief-%s", sc->endings[end].id);
            go(app, &screen_debrief, 0);
            shoot(t, what);
        }
    }
    for (uint16_t i = 0; i < sc->n_endings; i++)
        if (!ending_shot[i]) fprintf(stderr, "enjeux: screenshots: ending \"%s\" not reached in %d random plays\n",
                                     sc->endings[i].id, TOUR_MAX_PLAYS);
    for (uint16_t i = 0; i < sc->n_events; i++)
        if (!event_shot[i]) fprintf(stderr, "enjeux: screenshots: event \"%s\" never fired in %d random plays\n",
                                    sc->events[i].id, TOUR_MAX_PLAYS);
    free(ending_shot);
    free(event_shot);
}

enum { TOUR_CLASS_PLAYS = 24 };

/* The debrief mode (screen_class): on the report opened with --debrief, or
 * else on a class of seeded random plays of this scenario, written by the
 * results writer and merged by the report as `enjeux report` does: the
 * report picker, then the overview, the first two decisions and the
 * competencies of the first scenario (every decision page is laid out by
 * the same code; shooting them all made the layout tests twice as long). */
static void tour_class(Tour *t, int index) {
    App *app = t->app;
    Report *own = NULL;
    if (!app->class_report) {
        own = report_create(app->lang);
        Rng picker;
        rng_seed(&picker, app->opts.seed ^ 0xc1a55u);
        for (int play = 0; own && play < TOUR_CLASS_PLAYS; play++) {
            if (!game_start(&app->game, index, app->opts.seed + (uint64_t)play, app->lang)) break;
            Session *s = app->game.session;
            uint32_t times[256];
            uint32_t n = 0;
            while (!session_is_over(s) && n < 256) {
                ChoiceView v[LIMIT_CHOICES];
                uint16_t nc = session_choices(s, v), avail[LIMIT_CHOICES], k = 0;
                for (uint16_t i = 0; i < nc; i++)
                    if (v[i].available) avail[k++] = v[i].index;
                if (k == 0 || !game_choose(&app->game, avail[rng_below(&picker, k)])) break;
                times[n++] = 8000 + rng_below(&picker, 60000);
            }
            PlayMeta m = {.pseudonym = "Tour", .workshop = "TOUR", .started_ms = 1795000000000,
                          .finished_ms = 1795000600000, .time_ms = times, .n_decisions = n};
            snprintf(m.play_id, sizeof m.play_id, "%016llx%016llx", (unsigned long long)app->opts.seed,
                     (unsigned long long)play);
            char *json = session_is_over(s) ? results_to_json(s, game_framework(&app->game), &m) : NULL;
            if (json) report_add_buffer(own, "tour.json", json, strlen(json));
            free(json);
        }
        game_stop(&app->game);
        char *lib = own ? fsutil_dirname(app->game.lib[index].dir) : NULL;
        if (!own || !lib || !report_finish(own, lib)) {
            fprintf(stderr, "enjeux: screenshots: out of memory for the debrief mode\n");
            t->failures++;
            free(lib);
            report_destroy(own);
            return;
        }
        free(lib);
        app->class_report = own;
    }
    int pages = 0;
    for (uint16_t i = 0; i < app->class_report->n_scenarios; i++) pages += 2 + (int)app->class_report->scenarios[i].n_decisions;
    char what[64];
    go(app, &screen_reports, 0);
    shoot(t, "reports");
    for (int p = 0; p < pages; p++) {
        if (p > 2 && p < pages - 1) continue;
        snprintf(what, sizeof what, "class-%02d", p + 1);
        go(app, &screen_class, p);
        shoot(t, what);
    }
    if (own) {
        report_destroy(own);
        app->class_report = NULL;
    }
}

/* The live-authoring screens (--dev): the developer overlay over a scene
 * after one decision, and, with --all only, the error screen with two
 * typical diagnostics (an error and a warning) given to the scenario for
 * the shot: made-up errors beside a trainer's real path would mislead one
 * looking at their own scenario. */
static void tour_dev(Tour *t, int index) {
    App *app = t->app;
    go(app, &screen_scene, 0);
    app_push(app, &screen_dev, 0);
    shoot(t, "dev");
    if (!app->opts.shots_all) {
        app_reset(app, &screen_title, 0);
        app_apply_requests(app);
        return;
    }
    LibEntry *e = &app->game.lib[index];
    const Scenario *sc = e->sc;
    DiagList saved = e->diags, shown;
    diag_list_init(&shown, app->lang);
    const char *unknown[4] = {"fin-confience", sc->n_endings ? sc->endings[0].id : "", NULL, NULL};
    diag_add(&shown, DIAG_UNKNOWN_SCENE, e->path, 42, 19, "/scenes/1/choices/0/next", unknown);
    const char *missing[4] = {"en", NULL, NULL, NULL};
    diag_add(&shown, DIAG_MISSING_TRANSLATION, e->path, 57, 13, "/scenes/1/choices/1/text", missing);
    e->diags = shown;
    go(app, &screen_dev_error, index);
    shoot(t, "dev-error");
    app_reset(app, &screen_title, 0);
    app_apply_requests(app);
    e->diags = saved;
    diag_list_free(&shown);
}

/* The tour's players, in memory only (the tour writes nothing): three
 * profiles, the first one active, with a passport filled in by seeded
 * random plays of every scenario of the library. */
static void demo_profiles(App *app) {
    static const char *const NAMES[] = {"Camille B.", "Élodie Ç.", "Yanis"};
    static const char *const IDS[] = {"1a2b3c4d", "5e6f7a8b", "9c0d1e2f"};
    memset(&app->profiles, 0, sizeof app->profiles);
    for (int i = 0; i < 3; i++) {
        Profile *p = &app->profiles.items[app->profiles.n++];
        snprintf(p->id, sizeof p->id, "%s", IDS[i]);
        snprintf(p->pseudonym, sizeof p->pseudonym, "%s", NAMES[i]);
        snprintf(p->created, sizeof p->created, "2026-11-0%dT09:00:00Z", i + 2);
    }
    snprintf(app->profiles.last, sizeof app->profiles.last, "%s", IDS[0]);
    app->profile = 0;
    app->profile_dir[0] = '\0';
    progress_free(app->progress);
    app->progress = progress_create();
    if (!app->progress) return;
    Rng picker;
    rng_seed(&picker, app->opts.seed ^ 0xda7eu);
    int day = 3;
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < app->game.n_lib; i++) {
            const LibEntry *e = &app->game.lib[i];
            if (!e->sc) continue;
            Session *s = session_create(e->sc, e->fw, app->opts.seed + (uint64_t)(round * 131 + i), app->lang);
            for (int guard = 0; s && !session_is_over(s) && guard < 10000; guard++)
                if (!session_choose_random(s, &picker)) break;
            char date[32];
            snprintf(date, sizeof date, "2026-11-%02dT1%d:00:00Z", day, round);
            day = day % 27 + 1;
            ProgressPlay play;
            if (s && progress_play_from_session(&play, s, date, NULL)) progress_add_play(app->progress, &play);
            session_destroy(s);
        }
    /* And a play that earned the N1 and N2 badges, with every other
     * competency of its framework assessed at a spread of scores. */
    const Framework *fw = NULL;
    for (int i = 0; i < app->game.n_lib && !fw; i++) fw = app->game.lib[i].fw;
    if (!fw) return;
    ProgressPlay play;
    memset(&play, 0, sizeof play);
    play.scenario = app->game.lib[0].sc ? app->game.lib[0].sc->id : "demo";
    play.date = "2026-11-21T16:30:00Z";
    play.badges = 3;
    for (uint16_t k = 0; k < fw->n_items && play.n_scores < PROGRESS_MAX_PLAY_COMPETENCIES; k += 2) {
        ProgressScore *sc = &play.scores[play.n_scores++];
        sc->id = fw->items[k].id;
        sc->score = (int32_t)((k * 37u + 35u) % 101u);
        sc->mastery = mastery_for_score(fw, sc->score);
    }
    progress_add_play(app->progress, &play);
}

/* Types `text` and then presses `key` (0: none) on the current screen, as
 * a player would. */
static void type_keys(App *app, const char *text, SDL_Keycode key) {
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_TEXTINPUT;
    snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
    if (*text) app_handle_event(app, &ev);
    app_render_frame(app);
    if (!key) return;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = key;
    app_handle_event(app, &ev);
}

/* A profile folder, for the disk band (the tour writes nothing there). */
#define TOUR_DISK_DIR "/home/élève/.local/share/enjeux/profiles/1a2b3c4d/"

/* An export folder that is not there (a USB stick removed). */
#define TOUR_GONE_DIR "/media/usb-stick-removed/ENJEUX"

static void tour_profiles(Tour *t) {
    App *app = t->app;
    go(app, &screen_profiles, PROFILES_FROM_TITLE);
    shoot(t, "profiles");
    /* The workshop code typed with a space: what is wrong, under the field. */
    go(app, &screen_profiles, PROFILES_WORKSHOP);
    app_render_frame(app);
    type_keys(app, " b", SDLK_RETURN);
    shoot(t, "profiles-code");
    go(app, &screen_profiles, PROFILES_CONFIRM + 1);
    shoot(t, "profiles-delete");
    /* The first start: no profile yet. */
    ProfileList saved = app->profiles;
    int active = app->profile;
    memset(&app->profiles, 0, sizeof app->profiles);
    app->profile = -1;
    go(app, &screen_profiles, PROFILES_AT_START);
    shoot(t, "profiles-first");
    /* A workshop laptop's many profiles: the last page, the buttons that
     * turn pages, and the profiles past the most the game lists. */
    for (int i = 0; i < 45; i++) {
        Profile *p = &app->profiles.items[app->profiles.n++];
        snprintf(p->id, sizeof p->id, "%08x", (unsigned)(0xa0000000u + (unsigned)i));
        snprintf(p->pseudonym, sizeof p->pseudonym, "Stagiaire %d", i + 1);
        snprintf(p->created, sizeof p->created, "2026-%02d-%02dT09:00:00Z", i % 12 + 1, i % 28 + 1);
    }
    snprintf(app->profiles.last, sizeof app->profiles.last, "%s", app->profiles.items[44].id);
    app->profiles_over_limit = 3;
    go(app, &screen_profiles, PROFILES_AT_START);
    shoot(t, "profiles-many");
    app->profiles_over_limit = 0;
    app->profiles = saved;
    app->profile = active;
    go(app, &screen_passport, 0);
    shoot(t, "passport");
    /* "Export all" with the export folder's USB stick removed (a folder
     * that does not exist: the tour writes nothing). */
    char kept[sizeof app->game.export_dir];
    memcpy(kept, app->game.export_dir, sizeof kept);
    snprintf(app->game.export_dir, sizeof app->game.export_dir, "%s", TOUR_GONE_DIR);
    go(app, &screen_passport, 0);
    app_render_frame(app);
    /* From « Retour », the button before it: a Tab would wrap around to the
     * first suggestion and open its briefing. */
    type_keys(app, "", SDLK_LEFT);
    type_keys(app, "", SDLK_RETURN);
    shoot(t, "passport-export");
    memcpy(app->game.export_dir, kept, sizeof kept);
}

/* The settings' export folder with a folder that does not exist: what to
 * do, under the field (scrolled into view by the screen). */
static void tour_settings(Tour *t) {
    App *app = t->app;
    go(app, &screen_settings, 0);
    shoot(t, "settings");
    go(app, &screen_settings, SETTINGS_AT_EXPORT);
    app_render_frame(app);
    type_keys(app, TOUR_GONE_DIR, SDLK_RETURN);
    shoot(t, "settings-export");
}

static void tour_one(Tour *t, int index) {
    App *app = t->app;
    go(app, &screen_title, 0);
    shoot(t, "title");
    tour_profiles(t);
    go(app, &screen_library, 0);
    shoot(t, "library");
    tour_settings(t);
    go(app, &screen_briefing, index);
    shoot(t, "briefing");
    if (!game_start(&app->game, index, app->opts.seed, app->lang)) return;
    go(app, &screen_scene, 0);
    shoot(t, "scene");
    /* The band of a failed write (game_disk_trouble), with two failures
     * at once as at the end of a play, over the busiest screen. */
    game_disk_trouble(&app->game, "disk.what.record", TOUR_DISK_DIR "records/0f1e2d3c4b5a69788796a5b4c3d2e1f0.jsonl",
                      ENOSPC);
    game_disk_trouble(&app->game, "disk.what.results", TOUR_DISK_DIR "results/", EACCES);
    shoot(t, "scene-disk-error");
    game_disk_clear(&app->game);
    app_push(app, &screen_pause, 0);
    shoot(t, "pause");
    bool consequence = false, event = false;
    int guard = 0;
    while (!session_is_over(app->game.session) && guard++ < 10000) {
        int c = first_available(app->game.session);
        if (c < 0 || !game_choose(&app->game, (uint16_t)c)) break;
        if (!consequence) {
            go(app, &screen_consequence, 0);
            shoot(t, "consequence");
            consequence = true;
            if (!session_is_over(app->game.session)) tour_dev(t, index);
        }
        if (!event && app->game.step->n_fired > 0) {
            go(app, &screen_event, 0);
            shoot(t, "event");
            event = true;
        }
    }
    if (session_is_over(app->game.session)) {
        go(app, &screen_ending, 0);
        shoot(t, "ending");
        go(app, &screen_debrief, 0);
        shoot(t, "debrief");
    }
    if (app->opts.shots_all) {
        const Scenario *sc = game_scenario(&app->game);
        bool *seen = calloc(sc->n_scenes, sizeof *seen);
        if (seen && game_start(&app->game, index, app->opts.seed, app->lang)) visit(t, seen, 0);
        free(seen);
        tour_endings_and_events(t, index);
    }
    game_stop(&app->game);
    tour_class(t, index);
}

/* "100,200" → text sizes in percent, within the setting's bounds. */
static int parse_text_scales(const char *s, int out[], int max) {
    const SettingsRange *r = settings_range(SET_TEXT_SIZE);
    if (!s) {
        out[0] = r->def;
        return 1;
    }
    int n = 0;
    for (const char *p = s; *p && n < max;) {
        int v, used = 0;
        if (sscanf(p, "%d%n", &v, &used) != 1 || v < r->min || v > r->max) return 0;
        out[n++] = v;
        p += used;
        if (*p == ',') p++;
        else if (*p) return 0;
    }
    return n;
}

/* "normal,high" → high contrast off / on. */
static int parse_contrasts(const char *s, bool out[], int max) {
    if (!s) {
        out[0] = false;
        return 1;
    }
    int n = 0;
    for (const char *p = s; *p && n < max;) {
        size_t len = strcspn(p, ",");
        if (len == 6 && strncmp(p, "normal", 6) == 0) out[n++] = false;
        else if (len == 4 && strncmp(p, "high", 4) == 0) out[n++] = true;
        else return 0;
        p += len;
        if (*p == ',') p++;
    }
    return n;
}

static int parse_sizes(const char *s, int sizes[][2], int max) {
    int n = 0;
    const char *p = s ? s : "1280x720,800x600";
    while (*p && n < max) {
        int w, h, used = 0;
        if (sscanf(p, "%dx%d%n", &w, &h, &used) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192) break;
        sizes[n][0] = w;
        sizes[n][1] = h;
        n++;
        p += used;
        if (*p == ',') p++;
    }
    return n;
}

int shots_run(App *app) {
    Tour t = {.app = app, .dir = app->opts.shots_dir};
    if (!paths_mkdirs(t.dir)) {
        fprintf(stderr, "enjeux: %s: cannot create the folder\n", t.dir);
        return 1;
    }
    int index = -1;
    for (int i = 0; i < app->game.n_lib && index < 0; i++)
        if (app->game.lib[i].sc) index = i;
    if (app->opts.scenario) index = game_add_scenario(&app->game, app->opts.scenario, app->lang);
    if (index < 0 || !app->game.lib[index].sc) {
        fprintf(stderr, "enjeux: no scenario could be loaded for the screenshot tour\n");
        if (index >= 0) {
            char *txt = diag_list_format_text(&app->game.lib[index].diags);
            if (txt) fputs(txt, stderr);
            free(txt);
        }
        return 1;
    }
    int sizes[8][2];
    int ns = parse_sizes(app->opts.sizes, sizes, 8);
    if (ns == 0) {
        fprintf(stderr, "enjeux: --sizes %s: write WxH[,WxH…]\n", app->opts.sizes);
        return 2;
    }
    demo_profiles(app);
    /* A workshop code in use: the title, the library and the profile
     * screen show it. */
    snprintf(app->game.workshop, sizeof app->game.workshop, "LYON-2026-11");
    int scales[4];
    bool contrasts[2];
    int nt = parse_text_scales(app->opts.text_scales, scales, 4);
    int nc = parse_contrasts(app->opts.contrasts, contrasts, 2);
    if (nt == 0 || nc == 0) {
        fprintf(stderr, "enjeux: %s: write --text-scale 100,200 (100 to 200) and --contrast normal,high\n",
                nt == 0 ? app->opts.text_scales : app->opts.contrasts);
        return 2;
    }
    Lang langs[2] = {LANG_FR, LANG_EN};
    int nl = app->opts.lang_set ? 1 : 2;
    if (app->opts.lang_set) langs[0] = app->opts.lang;
    char err[512];
    for (int li = 0; li < nl; li++) {
        app_set_lang(app, langs[li]);
        for (int si = 0; si < ns; si++) {
            SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, sizes[si][0], sizes[si][1], 32,
                                                                 SDL_PIXELFORMAT_ARGB8888);
            SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
            if (!r) {
                fprintf(stderr, "enjeux: cannot create a software renderer: %s\n", SDL_GetError());
                SDL_FreeSurface(target);
                return 1;
            }
            app->renderer = r;
            app->text = text_create(r, app->assets_dir, &app->theme, err, sizeof err);
            app->images = image_cache_create(r);
            if (!app->text || !app->images) {
                fprintf(stderr, "enjeux: %s\n", app->text ? "out of memory" : err);
                return 1;
            }
            for (int ti = 0; ti < nt; ti++)
                for (int ci = 0; ci < nc; ci++) {
                    app->settings.ints[SET_TEXT_SIZE] = scales[ti];
                    app->settings.high_contrast = contrasts[ci];
                    app_settings_apply(app);
                    char variant[32] = "";
                    if (scales[ti] != 100) snprintf(variant, sizeof variant, "-t%d", scales[ti]);
                    if (contrasts[ci]) strcat(variant, "-hc");
                    snprintf(t.prefix, sizeof t.prefix, "%s-%dx%d%s", lang_code(langs[li]), sizes[si][0],
                             sizes[si][1], variant);
                    t.n = 0;
                    tour_one(&t, index);
                    while (app->depth > 0) {
                        app_pop(app);
                        app_apply_requests(app);
                    }
                }
            text_destroy(app->text);
            image_cache_destroy(app->images);
            app->fonts_dyslexic = false;
            app->text = NULL;
            app->images = NULL;
            SDL_DestroyRenderer(r);
            app->renderer = NULL;
            SDL_FreeSurface(target);
        }
    }
    return t.failures ? 1 : 0;
}
