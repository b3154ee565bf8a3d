/* app.c — SDL start-up, the window, the screen stack and the event-driven
 * loop; see app.h.
 *
 * The loop draws only when something changed (an event, a resize, an
 * animation step) and otherwise sleeps in SDL_WaitEvent: an idle game uses
 * no CPU. Animations run at the display's refresh (vsync) and stop. */
#include "ui/app.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/fsutil.h"
#include "core/report.h"
#include "core/utf8.h"
#include "ui/bench.h"
#include "ui/dev.h"
#include "ui/script.h"
#include "ui/shots.h"
#include "ui/tr.h"
#include "ui/widget.h"

/* ---- screen stack -------------------------------------------------------- */

static void request(App *app, RequestKind kind, const ScreenDef *def, int arg) {
    if (app->n_requests < REQUEST_MAX) app->requests[app->n_requests++] = (Request){kind, def, arg};
}

void app_push(App *app, const ScreenDef *def, int arg) { request(app, REQ_PUSH, def, arg); }
void app_pop(App *app) { request(app, REQ_POP, NULL, 0); }
void app_replace(App *app, const ScreenDef *def, int arg) { request(app, REQ_REPLACE, def, arg); }
void app_reset(App *app, const ScreenDef *def, int arg) { request(app, REQ_RESET, def, arg); }

const ScreenDef *app_top(const App *app) {
    return app->depth > 0 ? app->stack[app->depth - 1].def : NULL;
}

static void pop_one(App *app) {
    if (app->depth == 0) return;
    StackEntry *e = &app->stack[--app->depth];
    if (e->def->leave) e->def->leave(app, e->state);
    free(e->state);
    e->state = NULL;
    e->def = NULL;
    /* The screen below gets back the focus it had when this one opened
     * over it (the button that opened it), hover and press are gone. */
    if (app->depth > 0) {
        memcpy(app->ui.focus, app->stack[app->depth - 1].focus, sizeof app->ui.focus);
        app->ui.hover[0] = '\0';
        app->ui.pressed[0] = '\0';
    }
}

static void push_one(App *app, const ScreenDef *def, int arg) {
    if (app->depth == STACK_MAX) pop_one(app);
    void *st = calloc(1, def->state_size ? def->state_size : 1);
    if (!st) return;
    if (app->depth > 0) memcpy(app->stack[app->depth - 1].focus, app->ui.focus, sizeof app->ui.focus);
    app->stack[app->depth++] = (StackEntry){def, st, ""};
    app->ui.focus[0] = '\0';
    app->ui.hover[0] = '\0';
    app->ui.pressed[0] = '\0';
    if (def->enter) def->enter(app, st, arg);
}

void app_apply_requests(App *app) {
    for (int i = 0; i < app->n_requests; i++) {
        Request r = app->requests[i];
        switch (r.kind) {
        case REQ_PUSH: push_one(app, r.def, r.arg); break;
        case REQ_POP: pop_one(app); break;
        case REQ_REPLACE: pop_one(app); push_one(app, r.def, r.arg); break;
        case REQ_RESET:
            while (app->depth > 0) pop_one(app);
            push_one(app, r.def, r.arg);
            break;
        }
        app->redraw = true;
    }
    if (app->n_requests > 0) {
        app->screen_since = SDL_GetTicks64();
        /* A disk notice stays until the screen changes after it was seen. */
        if (app->game.disk_notice_seen) game_disk_clear(&app->game);
    }
    app->n_requests = 0;
    if (app->depth == 0 && !app->opts.shots_dir) app->running = false;
}

/* ---- sizes and colours ------------------------------------------------------ */

int app_px(const App *app, int px720) {
    return (int)(px720 * app->scale + (px720 >= 0 ? 0.5f : -0.5f));
}

int app_grid(const App *app, int n) {
    return app_px(app, n * app->theme.spacing);
}

Rgba app_color(const App *app, ThemeColor c) {
    return app->theme.colors[c];
}

void app_update_size(App *app) {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(app->renderer, &w, &h);
    app->w = w > 0 ? w : 1;
    app->h = h > 0 ? h : 1;
    int ww = app->w, wh = app->h;
    if (app->window) SDL_GetWindowSize(app->window, &ww, &wh);
    app->mouse_scale_x = ww > 0 ? (float)app->w / (float)ww : 1.0f;
    app->mouse_scale_y = wh > 0 ? (float)app->h / (float)wh : 1.0f;
    /* Sizes follow the height (720p = 1.0), limited by the width for very wide
     * or very narrow windows, and never below 0.85 so text stays readable. */
    float s = (float)app->h / 720.0f;
    float sw = (float)app->w / 1100.0f;
    if (sw < s) s = sw;
    if (s < 0.85f) s = 0.85f;
    /* The player's display scale sizes everything; the text size, text
     * only. Together they give text at most twice its automatic size: the
     * layouts are tested up to there (200 % text). */
    float ds = (float)app->settings.ints[SET_DISPLAY_SCALE] / 100.0f;
    float ts = ds * (float)app->settings.ints[SET_TEXT_SIZE] / 100.0f;
    if (ts > 2.0f) ts = 2.0f;
    app->scale = s * ds;
    if (app->text) text_set_scale(app->text, s * ts);
    app->redraw = true;
}

void app_toggle_fullscreen(App *app) {
    if (!app->window) return;
    app->settings.window = app->fullscreen ? WINDOW_WINDOWED : WINDOW_FULLSCREEN;
    app_settings_changed(app);
}

static void settings_notice_format(App *app);
static void progress_message(App *app);

void app_set_lang(App *app, Lang lang) {
    app->lang = lang;
    tr_set_lang(lang);
    if (app->game.session) session_set_lang(app->game.session, lang);
    game_relang(&app->game, lang);
    if (app->settings_notice[0]) settings_notice_format(app);
    if (app->progress_notice[0]) progress_message(app);
    app->redraw = true;
    if (app->settings.lang_auto || app->settings.lang != lang) {
        app->settings.lang_auto = false;
        app->settings.lang = lang;
        app_settings_changed(app);
    }
}

/* ---- settings ---------------------------------------------------------------- */

/* The folder of settings.json: the active profile's. */
static const char *settings_folder(const App *app) {
    return app_profile_dir(app);
}

static void apply_window(App *app) {
    WindowMode m = app->settings.window;
    if (!app->window || m == app->window_applied) return;
    app->window_applied = m;
    Uint32 flags = SDL_GetWindowFlags(app->window);
    if (m == WINDOW_FULLSCREEN) {
        if (!(flags & SDL_WINDOW_FULLSCREEN)) SDL_SetWindowFullscreen(app->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
    } else {
        if (flags & SDL_WINDOW_FULLSCREEN) SDL_SetWindowFullscreen(app->window, 0);
        if (m == WINDOW_MAXIMIZED) SDL_MaximizeWindow(app->window);
        else if (flags & SDL_WINDOW_MAXIMIZED) SDL_RestoreWindow(app->window);
    }
    app->fullscreen = m == WINDOW_FULLSCREEN;
}

static void apply_voice(App *app) {
    if (app->settings.self_voicing && !app->voice && !app->voice_tried) {
        app->voice_tried = true;
        app->voice = voice_create(app->opts.voice_log, &app->voice_status, app->voice_detail, sizeof app->voice_detail);
        if (!app->voice)
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "self-voicing unavailable (%d) %s", (int)app->voice_status,
                        app->voice_detail);
        app->voice_said_page[0] = app->voice_said_focus[0] = '\0';
    } else if (!app->settings.self_voicing && app->voice) {
        voice_destroy(app->voice);
        app->voice = NULL;
        app->voice_tried = false;
    }
}

void app_settings_apply(App *app) {
    const Settings *st = &app->settings;
    app->theme = app->themes[st->high_contrast ? 1 : 0];
    if (st->colorblind) memcpy(app->theme.colors, app->theme.colorblind, sizeof app->theme.colors);
    if (app->text) {
        if (app->fonts_dyslexic != st->dyslexic_font) {
            const Theme *t = &app->theme;
            bool dys = st->dyslexic_font && t->dyslexic_fonts[FACE_REGULAR][0] && t->dyslexic_fonts[FACE_BOLD][0];
            const char *main_f[FACE_COUNT] = {t->fonts[FACE_REGULAR], t->fonts[FACE_BOLD]};
            const char *dys_f[FACE_COUNT] = {t->dyslexic_fonts[FACE_REGULAR], t->dyslexic_fonts[FACE_BOLD]};
            char err[512];
            if (text_set_fonts(app->text, app->assets_dir, dys ? dys_f : main_f, dys ? main_f : NULL, err, sizeof err))
                app->fonts_dyslexic = st->dyslexic_font;
            else
                SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s", err);
        }
        text_set_line_spacing(app->text, st->ints[SET_LINE_SPACING]);
    }
    app->reduced_motion = st->reduced_motion || app->opts.shots_dir || app->opts.script;
    apply_window(app);
    apply_voice(app);
    if (app->renderer) app_update_size(app);
    app->redraw = true;
}

void app_settings_changed(App *app) {
    app_settings_apply(app);
    if (app->settings_readonly) return;
    int err = 0;
    if (!game_path_safe(&app->game, app->settings_path, "disk.what.settings")) return;
    if (!fsutil_mkdirs(settings_folder(app), &err) || !settings_save(&app->settings, app->settings_path, &err)) {
        app->settings_save_err = err;
        settings_notice_format(app);
        game_disk_trouble(&app->game, "disk.what.settings", app->settings_path, err);
    }
}

/* app->settings_notice, in the interface's language: what was wrong with
 * settings.json when it was read (app->settings_rep), or why it could not
 * be saved (app->settings_save_err). */
static void settings_notice_format(App *app) {
    app->settings_notice[0] = '\0';
    if (app->settings_save_err) {
        tr_format(app->settings_notice, sizeof app->settings_notice, "set.save_failed", app->settings_path,
                  strerror(app->settings_save_err));
        return;
    }
    const SettingsReport *rep = &app->settings_rep;
    if (rep->n == 0 && rep->dropped == 0) return;
    size_t at = 0;
    at += (size_t)snprintf(app->settings_notice, sizeof app->settings_notice, "%s", tr("set.damaged"));
    for (int i = 0; i < rep->n; i++) {
        char line[512];
        settings_issue_format(&rep->issues[i], "settings.json", tr_lang(), line, sizeof line);
        if (at + 2 < sizeof app->settings_notice)
            at += (size_t)snprintf(app->settings_notice + at, sizeof app->settings_notice - at, "\n• %s", line);
    }
    if (rep->dropped && at + 2 < sizeof app->settings_notice) {
        char n[16];
        snprintf(n, sizeof n, "%d", rep->dropped);
        char more[128];
        tr_count(more, sizeof more, "set.damaged_more_one", "set.damaged_more", (unsigned long long)rep->dropped, n,
                 NULL);
        snprintf(app->settings_notice + at, sizeof app->settings_notice - at, "\n%s", more);
    }
}

/* Reads settings.json; reports its problems on stderr and for the player,
 * keeps a copy of a damaged file and writes the repaired settings back. */
static void load_settings(App *app) {
    SettingsReport rep;
    snprintf(app->settings_path, sizeof app->settings_path, "%.*ssettings.json",
             (int)(sizeof app->settings_path - sizeof "settings.json"), settings_folder(app));
    app->settings_notice[0] = '\0';
    bool ok = settings_load(&app->settings, app->settings_path, &rep);
    Lang lang = app->opts.lang_set ? app->opts.lang
                : app->settings.lang_auto ? lang_from_env()
                                          : app->settings.lang;
    app->lang = lang;
    tr_set_lang(lang);
    if (app->game.session) session_set_lang(app->game.session, lang);
    game_relang(&app->game, lang);
    app->settings_rep = rep;
    app->settings_save_err = 0;
    settings_notice_format(app);
    for (int i = 0; i < rep.n; i++) {
        char line[512];
        settings_issue_format(&rep.issues[i], app->settings_path, LANG_EN, line, sizeof line);
        fprintf(stderr, "enjeux: %s\n", line);
    }
    if (ok) return;
    /* A file that could not be read at all (not JSON, too large) is moved
     * aside; one in place of which there is a folder is left alone. */
    bool whole = rep.n > 0 && (rep.issues[0].kind == SETI_SYNTAX || rep.issues[0].kind == SETI_UNREADABLE);
    bool moved = false;
    if (fsutil_has_link(app->user_dir, app->settings_path)) return; /* never written through a link */
    if (whole && paths_is_file(app->settings_path)) {
        moved = settings_keep_damaged(app->settings_path);
        if (!moved)
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s: cannot keep a copy of the damaged file", app->settings_path);
    }
    if (moved || rep.issues[0].kind != SETI_UNREADABLE) {
        int err = 0;
        if (!settings_save(&app->settings, app->settings_path, &err))
            fprintf(stderr, "enjeux: %s: cannot write the repaired settings: %s\n", app->settings_path, strerror(err));
    }
}

/* ---- self-voicing ------------------------------------------------------------ */

static void append(char *dst, size_t n, const char *text) {
    size_t at = strlen(dst);
    if (!text || !*text || at + 3 >= n) return;
    snprintf(dst + at, n - at, "%s%s", at ? "\n" : "", text);
}

void app_voice_page(App *app, const char *text) {
    if (app->voice) append(app->voice_page, sizeof app->voice_page, text);
}

void app_voice_focus(App *app, const char *text) {
    if (app->voice) append(app->voice_focus, sizeof app->voice_focus, text);
}

/* After a frame: says the page when it changed (then the focused widget),
 * else the focused widget when the focus moved. */
static void voice_update(App *app) {
    if (!app->voice) return;
    bool page = strcmp(app->voice_page, app->voice_said_page) != 0;
    bool focus = strcmp(app->voice_focus, app->voice_said_focus) != 0;
    if (page) {
        char all[sizeof app->voice_page + sizeof app->voice_focus + 2];
        snprintf(all, sizeof all, "%s\n%s", app->voice_page, app->voice_focus);
        voice_say(app->voice, all, app->lang);
    } else if (focus && app->voice_focus[0]) {
        voice_say(app->voice, app->voice_focus, app->lang);
    }
    memcpy(app->voice_said_page, app->voice_page, sizeof app->voice_page);
    memcpy(app->voice_said_focus, app->voice_focus, sizeof app->voice_focus);
}

/* ---- profiles ------------------------------------------------------------------- */

const char *app_profile_dir(const App *app) {
    return app->profile_dir[0] ? app->profile_dir : app->user_dir;
}

/* app->progress_notice, in the interface's language: how a damaged
 * progress.json was recovered (app->progress_rep), or why the progress
 * could not be saved (app->progress_save_why). */
static void progress_message(App *app) {
    const ProgressLoadReport *rep = &app->progress_rep;
    app->progress_notice[0] = '\0';
    if (app->progress_save_why[0]) {
        tr_format(app->progress_notice, sizeof app->progress_notice, "progress.save_failed", app->progress_save_why,
                  NULL);
        return;
    }
    if (rep->status != PROGRESS_RECOVERED) return;
    char n[16];
    snprintf(n, sizeof n, "%d", rep->rebuilt);
    const char *file = rep->backup[0] ? rep->backup : "progress.json";
    if (rep->rebuilt > 0)
        tr_count(app->progress_notice, sizeof app->progress_notice, "progress.recovered_one", "progress.recovered",
                 (unsigned long long)rep->rebuilt, file, n);
    else
        tr_format(app->progress_notice, sizeof app->progress_notice, "progress.recovered_empty", file, n);
    if (rep->left_out > 0) {
        char more[400];
        snprintf(n, sizeof n, "%d", rep->left_out);
        tr_count(more, sizeof more, "progress.left_out_one", "progress.left_out", (unsigned long long)rep->left_out,
                 n, NULL);
        size_t used = strlen(app->progress_notice), room = sizeof app->progress_notice - used;
        if (room > 2) snprintf(app->progress_notice + used, room, " %.*s", (int)utf8_prefix(more, room - 2), more);
    }
}

bool app_use_profile(App *app, int index) {
    if (index < 0 || index >= app->profiles.n) return false;
    if (index == app->profile && app->progress) return true;
    char dir[sizeof app->profile_dir];
    int err = 0;
    if (profile_dir(app->user_dir, app->profiles.items[index].id, dir, sizeof dir) &&
        !game_path_safe(&app->game, dir, "disk.what.profile"))
        return false;
    if (!profile_dir(app->user_dir, app->profiles.items[index].id, dir, sizeof dir) || !fsutil_mkdirs(dir, &err)) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s: cannot create the profile's folder: %s", dir, strerror(err));
        return false;
    }
    if (app->profile != index) game_stop(&app->game);
    profile_adopt_legacy(app->user_dir, dir);
    app->profile = index;
    snprintf(app->profile_dir, sizeof app->profile_dir, "%s", dir);
    game_set_profile(&app->game, dir, app->profiles.items[index].pseudonym);
    /* Each profile has its own settings (at start they are read once the
     * profiles are known, in app_main). */
    if (app->text && !app->settings_readonly) {
        load_settings(app);
        app_settings_apply(app);
    }
    if (!app->opts.shots_dir && !profiles_pick(&app->profiles, app->user_dir, index, &err)) {
        char path[PATH_MAX_LEN + 16];
        snprintf(path, sizeof path, "%sprofiles.json", app->user_dir);
        game_disk_trouble(&app->game, "disk.what.profiles", path, err);
    }
    app_workshop_refresh(app);
    progress_free(app->progress);
    app->progress = progress_load(dir, &app->progress_rep);
    app->progress_save_why[0] = '\0';
    progress_message(app);
    app->redraw = true;
    return true;
}

void app_record_progress(App *app) {
    if (app->profile < 0 || !app->progress || !app->game.session || !app->game.recording) return;
    char date[32];
    profile_format_time(time(NULL), date);
    ProgressPlay play;
    int err = 0;
    const char *pid = app->game.log.play_id[0] ? app->game.log.play_id : NULL;
    if (!progress_play_from_session(&play, app->game.session, date, pid)) return;
    char path[PATH_MAX_LEN + 64];
    snprintf(path, sizeof path, "%sprogress.json", app_profile_dir(app));
    if (!game_path_safe(&app->game, path, "disk.what.progress")) return;
    if (!progress_add_play(app->progress, &play) || !progress_save(app->progress, app_profile_dir(app), &err)) {
        char why[1024];
        snprintf(app->progress_save_why, sizeof app->progress_save_why, "%.900sprogress.json: %s",
                 app_profile_dir(app), strerror(err ? err : ENOMEM));
        progress_message(app);
        if (err) {
            snprintf(why, sizeof why, "%.900sprogress.json", app_profile_dir(app));
            game_disk_trouble(&app->game, "disk.what.progress", why, err);
        }
    }
}

/* Reads the profile list at start; with a single profile, it is the one. */
static void init_profiles(App *app) {
    ProfileLoadReport rep;
    app->profile = -1;
    app->profile_dir[0] = '\0';
    profiles_load(&app->profiles, app->user_dir, &rep);
    app->profiles_over_limit = rep.over_limit;
    if (rep.status == PROFILES_RECOVERED)
        tr_format(app->profiles_notice, sizeof app->profiles_notice, "prof.recovered",
                  rep.backup[0] ? rep.backup : "profiles.json", NULL);
    if (app->profiles.n == 1) app_use_profile(app, 0);
}

/* ---- frames -------------------------------------------------------------------- */

typedef struct TextDump { FILE *f; bool first; } TextDump;

static void put_json_string(const char *s, void *user) {
    TextDump *d = user;
    FILE *f = d->f;
    fputs(d->first ? "\"" : ",\"", f);
    d->first = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

/* One JSON line per frame: the screen on top, the language and every text
 * of the frame (tests/i18n/check_lang_switch.py). */
static void dump_texts(App *app) {
    const ScreenDef *top = app_top(app);
    if (!top) return;
    fprintf(app->text_out, "{\"screen\":\"%s\",\"lang\":\"%s\",\"texts\":[", top->name,
            lang_code(app->lang));
    TextDump d = {app->text_out, true};
    text_frame_strings(app->text, put_json_string, &d);
    fputs("]}\n", app->text_out);
}

/* A write of player data failed (game_disk_trouble): the message, in a band
 * at the bottom of the window that the screens leave free while it is
 * shown (they are laid out in the height above it), so that it hides
 * nothing. Returns the band's height, 0 when there is no message. */
static int disk_banner_height(App *app) {
    const char *msg = app->game.disk_notice;
    if (!msg[0] || !app->text) return 0;
    int pad = app_grid(app, 2);
    const TextTex *t = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), msg,
                                app->w - 4 * pad, ALIGN_LEFT);
    int h = t->h + 4 * pad;
    return h > app->h / 2 ? app->h / 2 : h;
}

static void disk_banner(App *app, int y, int h) {
    const char *msg = app->game.disk_notice;
    if (!h) {
        app->disk_scroll.offset = 0;
        return;
    }
    int pad = app_grid(app, 2);
    SDL_Rect band = {0, y, app->w, h};
    SDL_Rect panel = {pad, y + pad, app->w - 2 * pad, h - 2 * pad};
    SDL_Rect view = {2 * pad, y + 2 * pad, app->w - 4 * pad, h - 4 * pad};
    SDL_RenderSetClipRect(app->renderer, &band);
    widget_panel(app, panel, COL_TONE_MIXED, COL_BORDER);
    const TextTex *t = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), msg, view.w, ALIGN_LEFT);
    if (t->h <= view.h) {
        app->disk_scroll.offset = 0;
        widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, msg, view.x, view.y, view.w, "disk-notice");
    } else {
        /* Too long for half the window (large text on a small screen): the
         * band scrolls (wheel; Tab to it, then Page Up/Down, Home/End). */
        int off = ui_scroll_begin(&app->ui, &app->disk_scroll, view);
        UiItem *card = ui_add(&app->ui, UI_CARD, (SDL_Rect){view.x, view.y - off, view.w, t->h}, APP_ACT_NOTICE,
                              true, "disk-notice-band");
        SDL_RenderSetClipRect(app->renderer, &view);
        widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, msg, view.x, view.y - off, view.w, "disk-notice");
        ui_scroll_end(&app->ui, &app->disk_scroll, t->h);
        SDL_RenderSetClipRect(app->renderer, &band);
        widget_scrollbar(app, &app->disk_scroll);
        if (card && ui_is_focused(&app->ui, card)) {
            SDL_RenderSetClipRect(app->renderer, NULL);
            widget_focus_ring(app, panel);
        }
    }
    SDL_RenderSetClipRect(app->renderer, NULL);
    app_voice_page(app, msg);
    app->game.disk_notice_seen = true;
}

void app_render_frame(App *app) {
    Uint64 t0 = SDL_GetPerformanceCounter();
    text_begin_frame(app->text);
    Rgba bg = app_color(app, COL_BG);
    SDL_SetRenderDrawColor(app->renderer, bg.r, bg.g, bg.b, 255);
    SDL_RenderSetClipRect(app->renderer, NULL);
    SDL_RenderClear(app->renderer);
    int first = app->depth - 1;
    while (first > 0 && app->stack[first].def->overlay) first--;
    app->voice_focus[0] = '\0';
    int full_h = app->h, banner_h = disk_banner_height(app);
    app->h -= banner_h;
    for (int i = first < 0 ? 0 : first; i < app->depth; i++) {
        ui_begin(&app->ui);
        app->voice_page[0] = '\0';
        StackEntry *e = &app->stack[i];
        if (e->def->render) e->def->render(app, e->state);
        SDL_RenderSetClipRect(app->renderer, NULL);
    }
    app->h = full_h;
    disk_banner(app, full_h - banner_h, banner_h);
    ui_end(&app->ui);
    voice_update(app);
    if (app->layout_out && app_top(app)) ui_dump(&app->ui, app->layout_out, app_top(app)->name, app->w, app->h);
    if (app->text_out && app_top(app)) dump_texts(app);
    double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    app->last_frame_ms = ms;
    app->total_frame_ms += ms;
    if (ms > app->worst_frame_ms) app->worst_frame_ms = ms;
    app->frames++;
}

/* ---- events ----------------------------------------------------------------------- */

static void open_pad(App *app, int index) {
    if (!app->pad && SDL_IsGameController(index)) app->pad = SDL_GameControllerOpen(index);
}

void app_handle_event(App *app, SDL_Event *ev) {
    switch (ev->type) {
    case SDL_QUIT:
        app->running = false;
        return;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || ev->window.event == SDL_WINDOWEVENT_RESIZED)
            app_update_size(app);
        else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED || ev->window.event == SDL_WINDOWEVENT_SHOWN)
            app->redraw = true;
        return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        text_set_scale(app->text, 0.0f);
        app_update_size(app);
        return;
    case SDL_CONTROLLERDEVICEADDED:
        open_pad(app, ev->cdevice.which);
        return;
    case SDL_CONTROLLERDEVICEREMOVED:
        if (app->pad && SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(app->pad)) == ev->cdevice.which) {
            SDL_GameControllerClose(app->pad);
            app->pad = NULL;
        }
        return;
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym == SDLK_F11 ||
            ((ev->key.keysym.sym == SDLK_RETURN || ev->key.keysym.sym == SDLK_KP_ENTER) &&
             (ev->key.keysym.mod & KMOD_ALT))) {
            if (!ev->key.repeat) app_toggle_fullscreen(app);
            return;
        }
        break;
    default:
        break;
    }
    if (app->depth == 0) return;
    if (dev_handle_event(app, ev)) return;
    /* A held key must not confirm or pick on the screens that follow, and
     * the second click of a double click must not land on the next screen's
     * buttons: key repeats only navigate, and clicks in the first 300 ms of
     * a screen are ignored (except in scripted runs). */
    if (ev->type == SDL_KEYDOWN && ev->key.repeat) {
        SDL_Keycode k = ev->key.keysym.sym;
        bool nav = k == SDLK_TAB || k == SDLK_UP || k == SDLK_DOWN || k == SDLK_LEFT || k == SDLK_RIGHT ||
                   k == SDLK_PAGEUP || k == SDLK_PAGEDOWN ||
                   (ui_focus_editable(&app->ui) && (k == SDLK_BACKSPACE || k == SDLK_DELETE));
        if (!nav) return;
    }
    if ((ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEBUTTONUP) && !app->opts.script &&
        SDL_GetTicks64() < app->screen_since + 300)
        return;
    int action = ui_event(&app->ui, ev, app->mouse_scale_x, app->mouse_scale_y);
    if (app->ui.want_redraw) {
        app->redraw = true;
        app->ui.want_redraw = false;
    }
    StackEntry *top = &app->stack[app->depth - 1];
    SDL_Event back;
    const SDL_Event *pass = ev;
    if (ev->type == SDL_CONTROLLERBUTTONDOWN &&
        (ev->cbutton.button == SDL_CONTROLLER_BUTTON_B || ev->cbutton.button == SDL_CONTROLLER_BUTTON_START)) {
        /* B and Start act as Esc: back, or pause during play. */
        memset(&back, 0, sizeof back);
        back.type = SDL_KEYDOWN;
        back.key.keysym.sym = SDLK_ESCAPE;
        pass = &back;
    }
    if (action == APP_ACT_NOTICE) action = -1; /* the disk band: nothing to do but read it */
    if (top->def->handle) top->def->handle(app, top->state, pass, action);
    if (action >= 0 || app->n_requests > 0) app->redraw = true;
}

/* ---- options ------------------------------------------------------------------------- */

/* The full list of options is `enjeux --help` (src/main.c); on a bad line,
 * point there. */
static void usage(void) {
    fputs(tr_lang() == LANG_FR ? "Toutes les options : enjeux --help\n" : "All the options: enjeux --help\n", stderr);
}

typedef struct ExtraOpts {
    const char *bench;
    const char *export_dir;   /* --export-dir DIR */
    const char *workshop;     /* --workshop FILE */
    char code[WORKSHOP_CODE_MAX]; /* --workshop-code CODE, cleaned; "" when none */
} ExtraOpts;

static bool parse_size(const char *s, int *w, int *h) {
    return sscanf(s, "%dx%d", w, h) == 2 && *w >= 320 && *h >= 240 && *w <= 8192 && *h <= 8192;
}

static int parse_options(App *app, ExtraOpts *x, int argc, char **argv) {
    AppOptions *o = &app->opts;
    o->width = 1280;
    o->height = 720;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage();
            return 0;
        } else if (strcmp(a, "--screenshots") == 0 && v) {
            o->shots_dir = v;
            i++;
        } else if (strcmp(a, "--all") == 0) {
            o->shots_all = true;
        } else if (strcmp(a, "--sizes") == 0 && v) {
            o->sizes = v;
            i++;
        } else if (strcmp(a, "--text-scale") == 0 && v) {
            o->text_scales = v;
            i++;
        } else if (strcmp(a, "--contrast") == 0 && v) {
            o->contrasts = v;
            i++;
        } else if (strcmp(a, "--voice-log") == 0 && v) {
            o->voice_log = v;
            i++;
        } else if (strcmp(a, "--library") == 0 && v) {
            o->library = v;
            i++;
        } else if (strcmp(a, "--script") == 0 && v) {
            o->script = v;
            i++;
        } else if (strcmp(a, "--layout-dump") == 0 && v) {
            o->layout_dump = v;
            i++;
        } else if (strcmp(a, "--text-dump") == 0 && v) {
            o->text_dump = v;
            i++;
        } else if (strcmp(a, "--export-dir") == 0 && v) {
            x->export_dir = v;
            i++;
        } else if (strcmp(a, "--workshop") == 0 && v) {
            x->workshop = v;
            i++;
        } else if (strcmp(a, "--workshop-code") == 0 && v) {
            char bad[5];
            if (workshop_code_clean(v, x->code, bad) != WCODE_OK) {
                fprintf(stderr, tr_lang() == LANG_FR
                                    ? "enjeux : --workshop-code %s : lettres sans accent, chiffres, - _ . (32 au plus)\n"
                                    : "enjeux: --workshop-code %s: letters without accents, digits, - _ . (32 at most)\n",
                        v);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--bench") == 0 && v) {
            x->bench = v;
            i++;
        } else if (strcmp(a, "--lang") == 0 && v) {
            if (!lang_parse(v, &o->lang)) {
                fprintf(stderr, "enjeux: --lang %s: the game speaks fr and en\n", v);
                return 2;
            }
            o->lang_set = true;
            i++;
        } else if (strcmp(a, "--seed") == 0 && v) {
            o->seed = strtoull(v, NULL, 10);
            o->seed_set = true;
            i++;
        } else if (strcmp(a, "--size") == 0 && v) {
            if (!parse_size(v, &o->width, &o->height)) {
                fprintf(stderr, "enjeux: --size %s: write WIDTHxHEIGHT, e.g. 1280x720\n", v);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--dev") == 0 && v) {
            o->dev = true;
            o->scenario = v;
            i++;
        } else if (strcmp(a, "--debrief") == 0 && v) {
            o->debrief = v;
            i++;
        } else if (strcmp(a, "--fullscreen") == 0) {
            o->fullscreen = true;
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "enjeux: unknown option %s\n", a);
            usage();
            return 2;
        } else if (!o->scenario) {
            o->scenario = a;
        } else {
            usage();
            return 2;
        }
    }
    return -1;
}

/* ---- start-up ------------------------------------------------------------------------- */

static bool init_video(App *app, char *err, size_t errlen) {
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    /* --fullscreen holds for this run only; the setting otherwise. */
    bool fullscreen = app->opts.fullscreen || app->settings.window == WINDOW_FULLSCREEN;
    if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    else if (app->settings.window == WINDOW_MAXIMIZED) flags |= SDL_WINDOW_MAXIMIZED;
    app->window = SDL_CreateWindow("Enjeux", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, app->opts.width,
                                   app->opts.height, flags);
    if (!app->window) {
        snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    app->fullscreen = fullscreen;
    app->window_applied = fullscreen ? WINDOW_FULLSCREEN : app->settings.window;
    SDL_SetWindowMinimumSize(app->window, 800, 600);
    char icon[PATH_MAX_LEN + 64];
    snprintf(icon, sizeof icon, "%sicons/fr.enjeux.Enjeux-256.png", app->assets_dir);
    SDL_Surface *ic = paths_is_file(icon) ? IMG_Load(icon) : NULL;
    if (ic) {
        SDL_SetWindowIcon(app->window, ic);
        SDL_FreeSurface(ic);
    }
    /* With the software renderer, present through X11/Wayland shared memory
     * rather than through an OpenGL texture: loading a GL stack for that
     * costs ~100 ms at start and tens of MB. */
    const char *drv = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    if (drv && SDL_strcasecmp(drv, "software") == 0) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!app->renderer) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!app->renderer) {
        snprintf(err, errlen, "cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    SDL_RendererInfo info;
    app->vsync = SDL_GetRendererInfo(app->renderer, &info) == 0 && (info.flags & SDL_RENDERER_PRESENTVSYNC);
    return true;
}

bool app_open_report(App *app, const char *path, char *err, size_t errlen) {
    DiagList dl;
    diag_list_init(&dl, app->lang);
    struct Report *r = report_data_load(path, app->lang, &dl);
    if (!r) {
        char *txt = diag_list_format_text(&dl);
        snprintf(err, errlen, "%s%s", txt ? txt : "", tr("cls.open_failed"));
        free(txt);
    } else {
        report_destroy(app->class_report);
        app->class_report = r;
    }
    diag_list_free(&dl);
    return r != NULL;
}

static void shutdown_app(App *app) {
    dev_destroy(app->dev);
    app->dev = NULL;
    while (app->depth > 0) pop_one(app);
    game_free(&app->game);
    progress_free(app->progress);
    app->progress = NULL;
    report_destroy(app->class_report);
    app->class_report = NULL;
    voice_destroy(app->voice);
    text_destroy(app->text);
    image_cache_destroy(app->images);
    if (app->pad) SDL_GameControllerClose(app->pad);
    if (app->renderer) SDL_DestroyRenderer(app->renderer);
    if (app->window) SDL_DestroyWindow(app->window);
    if (app->layout_out) fclose(app->layout_out);
    if (app->text_out) fclose(app->text_out);
    tr_unload();
    SDL_Quit();
}

static double now_ms(void) {
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static int run_loop(App *app, Script *script, const char *bench_out) {
    int status = 0;
    Uint64 last = SDL_GetPerformanceCounter();
    double start = now_ms();
    bool first = true;
    char err[512];
    while (app->running) {
        app_apply_requests(app);
        if (!app->running) break;
        if (app->redraw || app->animating) {
            Uint64 t0 = SDL_GetPerformanceCounter();
            /* Cleared first: a screen that scrolls once it is laid out
             * (a message brought into view) asks for the next frame. */
            app->redraw = false;
            app_render_frame(app);
            SDL_RenderPresent(app->renderer);
            /* Without vsync, animations are paced at 60 frames a second. */
            if (app->animating && !app->vsync && !script) {
                double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
                if (ms < 16.0) SDL_Delay((Uint32)(16.0 - ms));
            }
            if (first) {
                first = false;
                if (bench_out) return bench_run(app, bench_out, now_ms() - start);
            }
        }
        if (script && !app->animating) {
            ScriptStatus st = script_step(script, app, err, sizeof err);
            if (st == SCRIPT_FAILED) {
                fprintf(stderr, "enjeux: %s\n", err);
                status = 1;
                break;
            }
            if (st == SCRIPT_DONE) break;
        }
        SDL_Event ev;
        bool got;
        if (app->animating || script) got = SDL_PollEvent(&ev) != 0;
        else got = SDL_WaitEvent(&ev) != 0;
        while (got) {
            app_handle_event(app, &ev);
            if (app->n_requests > 0 || !app->running) break;
            got = SDL_PollEvent(&ev) != 0;
        }
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - last) / (double)SDL_GetPerformanceFrequency();
        last = now;
        /* After an idle wait, an animation starts from its first step. */
        if (!app->animating && dt > 1.0 / 60.0) dt = 1.0 / 60.0;
        if (app->depth > 0) {
            StackEntry *top = &app->stack[app->depth - 1];
            bool was = app->animating;
            app->animating = top->def->update ? top->def->update(app, top->state, app->reduced_motion ? 1e9 : dt) : false;
            if (was && !app->animating) app->redraw = true;
        }
    }
    return status;
}

/* The workshop file (--workshop FILE, else workshop.json in the user
 * folder), the workshop code and the export folder. A broken file named on
 * the command line stops the game; the default one only warns. */
static bool setup_workshop(App *app, const ExtraOpts *x) {
    Game *g = &app->game;
    char path[PATH_MAX_LEN + 32], err[1000];
    bool named = x->workshop != NULL;
    snprintf(path, sizeof path, "%s%s", named ? x->workshop : app->user_dir, named ? "" : "workshop.json");
    if (named || paths_is_file(path)) {
        if (!workshop_load(path, &g->workshop_file, err, sizeof err)) {
            fprintf(stderr, "enjeux: %s\n", err);
            if (named) return false;
            snprintf(app->notice, sizeof app->notice, "%s", err);
            memset(&g->workshop_file, 0, sizeof g->workshop_file);
        }
    }
    snprintf(app->workshop_cli, sizeof app->workshop_cli, "%s", x->code);
    snprintf(app->export_cli, sizeof app->export_cli, "%s", x->export_dir ? x->export_dir : "");
    snprintf(g->home_page, sizeof g->home_page, "%s", g->workshop_file.xapi_home_page);
    return true;
}

void app_workshop_refresh(App *app) {
    Game *g = &app->game;
    const Workshop *w = &g->workshop_file;
    const char *code = app->workshop_cli[0] ? app->workshop_cli : app->settings.workshop_code[0] ? app->settings.workshop_code : w->code;
    snprintf(g->workshop, sizeof g->workshop, "%s", code);
    const char *dir = app->export_cli[0] ? app->export_cli : app->settings.export_dir[0] ? app->settings.export_dir : w->export_dir;
    g->export_keep = !app->export_cli[0] && app->settings.export_dir[0];
    if (strcmp(dir, g->export_dir) == 0) return;
    snprintf(g->export_dir, sizeof g->export_dir, "%s", dir);
    if (g->export_dir[0] && g->recording) {
        char err[1500];
        int n = game_export_pending(g, err, sizeof err);
        if (n < 0) fprintf(stderr, "enjeux: %s\n", err);
        else if (n > 0) SDL_Log("%d results and badges files copied to %s", n, g->export_dir);
    }
}

void app_set_workshop_code(App *app, const char *code) {
    app->workshop_cli[0] = '\0';
    snprintf(app->settings.workshop_code, sizeof app->settings.workshop_code, "%s", code);
    app_settings_changed(app);
    app_workshop_refresh(app);
}

/* The interface catalogues of assets/i18n/: a damaged or missing one is
 * reported (file:line) and the game goes on, in French or with the keys. */
static void load_catalogues(App *app) {
    char dir[sizeof app->assets_dir + 8];
    snprintf(dir, sizeof dir, "%si18n", app->assets_dir);
    DiagList dl;
    diag_list_init(&dl, app->lang);
    size_t n = tr_load_dir(dir, &dl);
    if (n == 0 && dl.count == 0) {
        const char *args[4] = {dir, app->lang == LANG_FR ? "aucun fichier .po" : "no .po file", NULL, NULL};
        diag_add(&dl, DIAG_IO, dir, 0, 0, "", args);
    }
    if (dl.count) {
        char *text = diag_list_format_text(&dl);
        if (text) fprintf(stderr, "%s", text);
        free(text);
    }
    diag_list_free(&dl);
    tr_set_lang(app->lang);
}

static uint64_t fresh_seed(void) {
    uint64_t s = (uint64_t)time(NULL) ^ (SDL_GetPerformanceCounter() << 17);
    return s ? s : 1;
}

int app_main(int argc, char **argv) {
    static App app_storage;
    App *app = &app_storage;
    memset(app, 0, sizeof *app);
    app->game.current = -1;
    tr_set_lang(lang_from_env());
    ExtraOpts x = {0};
    int st = parse_options(app, &x, argc, argv);
    if (st >= 0) return st;
    app->lang = app->opts.lang_set ? app->opts.lang : lang_from_env();
    tr_set_lang(app->lang);
    if (!app->opts.seed_set) app->opts.seed = fresh_seed();
    if (app->opts.shots_dir) SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    settings_defaults(&app->settings);

    char err[1024];
    Uint32 sub = SDL_INIT_VIDEO | SDL_INIT_EVENTS;
    if (!app->opts.shots_dir) sub |= SDL_INIT_GAMECONTROLLER;
    if (SDL_Init(sub) != 0) {
        fprintf(stderr, "enjeux: cannot start SDL: %s\n(no display? try SDL_VIDEODRIVER=dummy for tests)\n",
                SDL_GetError());
        return 1;
    }
    int status = 1;
    Script *script = NULL;
    if (!paths_find_data(app->data_dir, sizeof app->data_dir, err, sizeof err) ||
        !paths_find_user(app->user_dir, sizeof app->user_dir, err, sizeof err)) {
        fprintf(stderr, "enjeux: %s\n", err);
        goto out;
    }
    /* The player's data folder: the user folder until a profile is picked. */
    game_set_profile(&app->game, app->user_dir, NULL);
    if (strlen(app->user_dir) < sizeof app->game.user_dir) memcpy(app->game.user_dir, app->user_dir, strlen(app->user_dir) + 1);
    app->game.recording = !app->opts.shots_dir && !x.bench;
    app->game.trace = SDL_getenv("ENJEUX_TRACE_RECORDS") != NULL;
    char theme_path[PATH_MAX_LEN + 64];
    int n1 = snprintf(app->assets_dir, sizeof app->assets_dir, "%sassets/", app->data_dir);
    int n2 = snprintf(theme_path, sizeof theme_path, "%stheme.json", app->assets_dir);
    if (n1 < 0 || (size_t)n1 >= sizeof app->assets_dir || n2 < 0 || (size_t)n2 >= sizeof theme_path) {
        fprintf(stderr, "enjeux: %s: the data folder's path is too long\n", app->data_dir);
        goto out;
    }
    if (snprintf(app->game.fonts_dir, sizeof app->game.fonts_dir, "%sfonts/", app->assets_dir) >=
        (int)sizeof app->game.fonts_dir)
        goto out;
    /* The catalogues first: the settings' messages are in the player's language. */
    load_catalogues(app);
    if (app->opts.text_dump) {
        app->text_out = fopen(app->opts.text_dump, "w");
        if (!app->text_out) {
            fprintf(stderr, "enjeux: %s: cannot write the text dump\n", app->opts.text_dump);
            goto out;
        }
    }
    /* Who plays, before anything reads or writes the player's data (the
     * screenshot tour keeps its own players in memory, and the default
     * settings with its own variants). */
    app->profile = -1;
    if (!app->opts.shots_dir) init_profiles(app);
    if (!setup_workshop(app, &x)) goto out;
    if (app->opts.shots_dir) app->settings_readonly = true;
    else load_settings(app);
    app_workshop_refresh(app);
    if (!theme_load(&app->themes[0], theme_path, err, sizeof err)) {
        fprintf(stderr, "enjeux: %s\n", err);
        goto out;
    }
    if (snprintf(theme_path, sizeof theme_path, "%stheme-contrast.json", app->assets_dir) >= (int)sizeof theme_path) goto out;
    if (!theme_load(&app->themes[1], theme_path, err, sizeof err)) {
        fprintf(stderr, "enjeux: %s\n", err);
        goto out;
    }
    app_settings_apply(app);
    if (app->opts.layout_dump) {
        app->layout_out = fopen(app->opts.layout_dump, "w");
        if (!app->layout_out) {
            fprintf(stderr, "enjeux: %s: cannot write the layout dump\n", app->opts.layout_dump);
            goto out;
        }
    }
    if (app->opts.script) {
        script = script_load(app->opts.script, err, sizeof err);
        if (!script) {
            fprintf(stderr, "enjeux: %s\n", err);
            goto out;
        }
    }
    char scen_dir[PATH_MAX_LEN + 16];
    if (snprintf(scen_dir, sizeof scen_dir, "%s", app->opts.library ? app->opts.library : "") >= (int)sizeof scen_dir ||
        (!app->opts.library && snprintf(scen_dir, sizeof scen_dir, "%sscenarios", app->data_dir) >= (int)sizeof scen_dir))
        goto out;
    game_scan_library(&app->game, scen_dir, app->lang);
    int direct = -1;
    if (app->opts.scenario) {
        direct = game_add_scenario(&app->game, app->opts.scenario, app->lang);
        if (direct < 0) {
            fprintf(stderr, "enjeux: out of memory\n");
            goto out;
        }
    }
    if (app->opts.debrief && !app_open_report(app, app->opts.debrief, err, sizeof err)) {
        fputs(err, stderr);
        goto out;
    }
    if (app->opts.shots_dir) {
        status = shots_run(app);
        goto out;
    }
    if (!init_video(app, err, sizeof err)) {
        fprintf(stderr, "enjeux: %s\n", err);
        goto out;
    }
    app->text = text_create(app->renderer, app->assets_dir, &app->theme, err, sizeof err);
    app->images = image_cache_create(app->renderer);
    if (!app->text || !app->images) {
        fprintf(stderr, "enjeux: %s\n", app->text ? "out of memory" : err);
        goto out;
    }
    app_settings_apply(app);
    for (int i = 0; i < SDL_NumJoysticks(); i++) open_pad(app, i);
    app->running = true;
    app_reset(app, &screen_title, 0);
    if (app->class_report) {
        app_push(app, &screen_class, 0);
    } else if (app->opts.dev) { /* live authoring needs no profile (dev.h) */
        if (!dev_start(app, direct)) goto out;
    } else if (app->profile < 0 || app->profiles_notice[0]) {
        app_push(app, &screen_profiles, direct >= 0 ? PROFILES_AT_START_SCENARIO + direct : PROFILES_AT_START);
    } else if (direct >= 0) {
        app_push(app, &screen_briefing, direct);
    } else {
        app_push(app, &screen_library, 0);
    }
    app->redraw = true;
    status = run_loop(app, script, x.bench);
out:
    script_free(script);
    shutdown_app(app);
    return status;
}
