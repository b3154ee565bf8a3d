/* screen_settings.c — every setting of the player (core/settings.h), in
 * groups: language, reading (text size, line spacing, font), colours
 * (contrast, palette), motion and text (animations, text appearance and
 * speed), self-voicing, display (window mode, interface scale), and the
 * export folder of workshops (a path typed or pasted, checked before it is
 * kept: docs/workshop.md). Each button takes effect at once and saves the
 * settings; everything is reachable with Tab, the arrows and Enter. The
 * current choice of a group is filled and named "(current)" in words. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "core/fmt.h"
#include "ui/app.h"
#include "ui/field.h"
#include "ui/tr.h"
#include "ui/view.h"

enum {
    ACT_BACK = 1,
    ACT_LANG = 10,      /* +0 fr, +1 en */
    ACT_TEXT = 20,      /* +0 smaller, +1 larger */
    ACT_SPACING = 30,
    ACT_FONT = 40,      /* +0 standard, +1 dyslexic */
    ACT_CONTRAST = 50,  /* +0 normal, +1 high */
    ACT_PALETTE = 60,
    ACT_MOTION = 70,    /* +0 animations, +1 none */
    ACT_REVEAL = 80,    /* +0 instant, +1 progressive */
    ACT_SPEED = 90,
    ACT_VOICE = 100,    /* +0 off, +1 on */
    ACT_WINDOW = 110,   /* + WindowMode */
    ACT_SCALE = 120,
    ACT_EXPORT = 130,   /* +0 the field, +1 use the folder typed, +2 none */
};

/* What the last change of export folder did; the sentence is made when
 * drawn, so that it follows a change of language. */
typedef enum ExportOutcome {
    EXPORT_SAID_NOTHING,
    EXPORT_SAID_SET,          /* msg_path is the folder now used */
    EXPORT_SAID_NONE,         /* no folder any more */
    EXPORT_SAID_MISSING,      /* msg_path does not exist */
    EXPORT_SAID_NOT_FOLDER,
    EXPORT_SAID_NOT_WRITABLE, /* msg_errno says why */
} ExportOutcome;

typedef struct SettingsState {
    UiScroll scroll;
    char path[SETTINGS_PATH_MAX];   /* the export folder field */
    FieldCaret path_caret;
    ExportOutcome said;
    char msg_path[SETTINGS_PATH_MAX];
    int msg_errno;
    bool reveal;                    /* scroll the field and its message into view */
    int field_top, msg_bottom;      /* on screen in the last frame */
} SettingsState;

static void settings_enter(App *app, void *vst, int arg) {
    SettingsState *st = vst;
    snprintf(st->path, sizeof st->path, "%s", app->settings.export_dir);
    ui_set_focus(&app->ui, arg == SETTINGS_AT_EXPORT ? "export-dir" : app->lang == LANG_FR ? "lang-fr" : "lang-en");
    SDL_StartTextInput();
}

static void settings_leave(App *app, void *st) {
    (void)app;
    (void)st;
    SDL_StopTextInput();
}

/* Keeps the folder typed in the field as the export folder once it is
 * checked (exists, is a folder, can be written), or no folder when the
 * field is empty; says on screen what happened. */
static void use_export_dir(App *app, SettingsState *st, bool none) {
    char typed[SETTINGS_PATH_MAX];
    size_t a = 0, b = none ? 0 : strlen(st->path);
    while (a < b && st->path[a] == ' ') a++;
    while (b > a && st->path[b - 1] == ' ') b--;
    snprintf(typed, sizeof typed, "%.*s", (int)(b - a), st->path + a);
    st->reveal = true;
    if (!typed[0]) {
        st->path[0] = '\0';
        app->settings.export_dir[0] = '\0';
        st->said = EXPORT_SAID_NONE;
    } else {
        int err = 0;
        ExportDirStatus ds = export_dir_check(typed, &err);
        char *canon = ds == EXPORT_DIR_OK ? paths_canonical(typed) : NULL;
        if (ds == EXPORT_DIR_OK && (!canon || strlen(canon) >= sizeof app->settings.export_dir)) {
            ds = EXPORT_DIR_NOT_WRITABLE;
            err = canon ? ENAMETOOLONG : ENOMEM;
        }
        if (ds != EXPORT_DIR_OK) {
            snprintf(st->msg_path, sizeof st->msg_path, "%s", typed);
            st->msg_errno = err;
            st->said = ds == EXPORT_DIR_MISSING      ? EXPORT_SAID_MISSING
                       : ds == EXPORT_DIR_NOT_FOLDER ? EXPORT_SAID_NOT_FOLDER
                                                     : EXPORT_SAID_NOT_WRITABLE;
            free(canon);
            ui_set_focus(&app->ui, "export-dir");
            return;
        }
        snprintf(app->settings.export_dir, sizeof app->settings.export_dir, "%s", canon);
        snprintf(st->path, sizeof st->path, "%s", canon);
        field_caret_end(&st->path_caret);
        snprintf(st->msg_path, sizeof st->msg_path, "%s", canon);
        st->said = EXPORT_SAID_SET;
        free(canon);
    }
    app_settings_changed(app);
    app_workshop_refresh(app);
}

/* One step of an integer setting, kept within its bounds. */
static void step(App *app, SettingsInt which, int dir) {
    const SettingsRange *r = settings_range(which);
    int v = app->settings.ints[which] + dir * r->step;
    if (v < r->min || v > r->max) return;
    app->settings.ints[which] = v;
    app_settings_changed(app);
}

static void set_bool(App *app, bool *field, bool value) {
    if (*field == value) return;
    *field = value;
    app_settings_changed(app);
}

static void settings_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    SettingsState *st = vst;
    Settings *s = &app->settings;
    if ((ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) || action == ACT_BACK) {
        app_pop(app);
        return;
    }
    if (field_click(app, "export-dir", st->path, &st->path_caret, ev)) {
        app->redraw = true;
        return;
    }
    if (field_focused(app, "export-dir") && field_edit(st->path, sizeof st->path, &st->path_caret, ev, false)) {
        app->redraw = true;
        return;
    }
    /* Space types a space in the field (folder names have them). */
    if (action == ACT_EXPORT && ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_SPACE) return;
    if (action < ACT_LANG) return;
    int group = action / 10 * 10, k = action % 10;
    switch (group) {
    case ACT_LANG: app_set_lang(app, k ? LANG_EN : LANG_FR); break;
    case ACT_TEXT: step(app, SET_TEXT_SIZE, k ? 1 : -1); break;
    case ACT_SPACING: step(app, SET_LINE_SPACING, k ? 1 : -1); break;
    case ACT_FONT: set_bool(app, &s->dyslexic_font, k == 1); break;
    case ACT_CONTRAST: set_bool(app, &s->high_contrast, k == 1); break;
    case ACT_PALETTE: set_bool(app, &s->colorblind, k == 1); break;
    case ACT_MOTION: set_bool(app, &s->reduced_motion, k == 1); break;
    case ACT_REVEAL:
        if (s->reveal != (TextReveal)k) {
            s->reveal = (TextReveal)k;
            app_settings_changed(app);
        }
        break;
    case ACT_SPEED: step(app, SET_TEXT_SPEED, k ? 1 : -1); break;
    case ACT_VOICE: set_bool(app, &s->self_voicing, k == 1); break;
    case ACT_WINDOW:
        if (k < WINDOW_MODE_COUNT && s->window != (WindowMode)k) {
            s->window = (WindowMode)k;
            app_settings_changed(app);
        }
        break;
    case ACT_SCALE: step(app, SET_DISPLAY_SCALE, k ? 1 : -1); break;
    case ACT_EXPORT:
        if (k == 0 && ev->type != SDL_KEYDOWN && ev->type != SDL_CONTROLLERBUTTONDOWN) ui_set_focus(&app->ui, "export-dir");
        else use_export_dir(app, st, k == 2);
        break;
    default: break;
    }
}

/* A row of `n` buttons side by side, stacked when one would be narrower
 * than its longest word allows; `current` (-1: none) is filled and marked
 * in words. Returns the height used. */
static int choice_row(App *app, int x, int y, int w, const char *const labels[], int n, int id0,
                      const char *const names[], int current) {
    char text[4][160];
    int gap = app_grid(app, 2);
    for (int i = 0; i < n; i++) {
        if (i == current) tr_format(text[i], sizeof text[i], "set.current", labels[i], NULL);
        else snprintf(text[i], sizeof text[i], "%s", labels[i]);
    }
    int bw = (w - (n - 1) * gap) / n;
    bool stack = bw < app_px(app, 200);
    for (int i = 0; i < n && !stack; i++) {
        /* A label that would wrap on more than two lines stacks the row. */
        int tw = text_width(app->text, TS_BODY, FACE_BOLD, text[i]);
        if (tw > 2 * (bw - 2 * app_grid(app, 2))) stack = true;
    }
    if (stack) bw = w;
    int bh = 0;
    for (int i = 0; i < n; i++) {
        int h = widget_button_height(app, text[i], bw, 0, NULL);
        if (h > bh) bh = h;
    }
    for (int i = 0; i < n; i++) {
        SDL_Rect r = stack ? (SDL_Rect){x, y + i * (bh + gap), bw, bh} : (SDL_Rect){x + i * (bw + gap), y, bw, bh};
        widget_button(app, r, id0 + i, names[i], text[i], i == current ? BUTTON_PRIMARY : BUTTON_SECONDARY, true, 0,
                      NULL);
    }
    return stack ? n * bh + (n - 1) * gap : bh;
}

/* A group heading. */
static int heading(App *app, const char *text, int x, int y, int w) {
    return widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, text, x, y, w, "heading") + app_grid(app, 2);
}

/* A value line ("Text size: 150 %") and its two step buttons. */
static int stepper(App *app, int x, int y, int w, const char *line, const char *less, const char *more, int id0,
                   const char *name) {
    int y0 = y;
    char vname[UI_NAME_LEN];
    snprintf(vname, sizeof vname, "%s-value", name);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, line, x, y, w, vname) + app_grid(app, 1);
    char n0[UI_NAME_LEN], n1[UI_NAME_LEN];
    snprintf(n0, sizeof n0, "%s-less", name);
    snprintf(n1, sizeof n1, "%s-more", name);
    const char *labels[2] = {less, more};
    const char *names[2] = {n0, n1};
    y += choice_row(app, x, y, w, labels, 2, id0, names, -1);
    app_voice_page(app, line);
    return y - y0;
}

static const char *percent(int v, char *buf, size_t n) {
    return fmt_percent(buf, n, v, tr_lang());
}

static const char *voice_note(const App *app) {
    if (app->voice) return tr("set.voice_ok");
    if (!app->voice_tried) {
#ifdef ENJEUX_HAVE_ESPEAK
        return tr("set.voice_help");
#else
        return tr("set.voice_not_built");
#endif
    }
    switch (app->voice_status) {
    case VOICE_NOT_BUILT: return tr("set.voice_not_built");
    case VOICE_NO_ENGINE: return tr("set.voice_no_engine");
    case VOICE_NO_LANGUAGE: return tr("set.voice_no_language");
    case VOICE_NO_AUDIO: return tr("set.voice_no_audio");
    default: return tr("set.voice_ok");
    }
}

/* What the last change of folder did, in the current language; "" when
 * nothing was changed on this screen. True for an error. */
static bool export_said(const SettingsState *st, char *out, size_t n) {
    char why[SETTINGS_PATH_MAX + 128];
    out[0] = '\0';
    switch (st->said) {
    case EXPORT_SAID_NOTHING: return false;
    case EXPORT_SAID_SET: tr_format(out, n, "set.export_set", st->msg_path, NULL); return false;
    case EXPORT_SAID_NONE: snprintf(out, n, "%s", tr("set.export_none_set")); return false;
    case EXPORT_SAID_MISSING: tr_format(out, n, "set.export_missing", st->msg_path, NULL); return true;
    case EXPORT_SAID_NOT_FOLDER: tr_format(out, n, "set.export_not_folder", st->msg_path, NULL); return true;
    case EXPORT_SAID_NOT_WRITABLE:
        snprintf(why, sizeof why, "%s (%s)", st->msg_path, strerror(st->msg_errno));
        tr_format(out, n, "set.export_not_writable", why, NULL);
        return true;
    }
    return false;
}

/* The export folder: the one in use and where it comes from, the field,
 * what the last change did (right under the field, where the eyes are),
 * then "use this folder" and "no folder". */
static int export_section(App *app, SettingsState *st, int x, int y, int w) {
    int y0 = y;
    char line[SETTINGS_PATH_MAX + 256];
    const Game *g = &app->game;
    y += heading(app, tr("set.export"), x, y, w);
    if (!g->export_dir[0]) snprintf(line, sizeof line, "%s", tr("set.export_current_none"));
    else tr_format(line, sizeof line, "set.export_current", g->export_dir, NULL);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, line, x, y, w, "export-current") + app_grid(app, 1);
    const char *from = NULL;
    if (app->export_cli[0]) from = tr("set.export_from_cli");
    else if (!app->settings.export_dir[0] && g->workshop_file.export_dir[0]) from = tr("set.export_from_file");
    if (from) y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, from, x, y, w, "export-from") + app_grid(app, 1);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, tr("set.export_hint"), x, y, w, "export-hint") +
         app_grid(app, 2);
    st->field_top = y;
    y += field_draw(app, x, y, w, ACT_EXPORT, "export-dir", st->path, &st->path_caret, tr("set.export_placeholder")) +
         app_grid(app, 2);
    char msg[SETTINGS_PATH_MAX + 512];
    bool error = export_said(st, msg, sizeof msg);
    if (msg[0]) y += view_message(app, msg, error, x, y, w, error ? "export-error" : "export-status") + app_grid(app, 2);
    st->msg_bottom = y;
    const char *labels[2] = {tr("set.export_use"), tr("set.export_clear")};
    const char *names[2] = {"export-use", "export-clear"};
    y += choice_row(app, x, y, w, labels, 2, ACT_EXPORT + 1, names, -1);
    return y - y0;
}

static void settings_render(App *app, void *vst) {
    SettingsState *st = vst;
    const Settings *s = &app->settings;
    int hh = widget_header(app, tr("set.title"), NULL);
    BarButton bar[] = {{ACT_BACK, "back", tr("common.back"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 1);
    int x = page.x, w = view_column_width(app, page.w, 720);
    x += (page.w - w) / 2;
    int sec = app_grid(app, 4);
    char v[64], line[256];

    int nh = view_notice(app, app->settings_notice, x, y, w, "settings-notice");
    if (nh) y += nh + sec;

    y += heading(app, tr("set.language"), x, y, w);
    const char *langs[2] = {tr("set.fr"), tr("set.en")};
    const char *lang_names[2] = {"lang-fr", "lang-en"};
    y += choice_row(app, x, y, w, langs, 2, ACT_LANG, lang_names, app->lang == LANG_EN) + sec;

    y += heading(app, tr("set.reading"), x, y, w);
    tr_format(line, sizeof line, "set.text_size", percent(s->ints[SET_TEXT_SIZE], v, sizeof v), NULL);
    y += stepper(app, x, y, w, line, tr("set.smaller"), tr("set.larger"), ACT_TEXT, "text-size") + app_grid(app, 3);
    tr_format(line, sizeof line, "set.line_spacing", percent(s->ints[SET_LINE_SPACING], v, sizeof v), NULL);
    y += stepper(app, x, y, w, line, tr("set.tighter"), tr("set.looser"), ACT_SPACING, "line-spacing") +
         app_grid(app, 3);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("set.font"), x, y, w, "font-label") + app_grid(app, 1);
    const char *fonts[2] = {tr("set.font_standard"), tr("set.font_dyslexic")};
    const char *font_names[2] = {"font-standard", "font-dyslexic"};
    y += choice_row(app, x, y, w, fonts, 2, ACT_FONT, font_names, s->dyslexic_font) + sec;

    y += heading(app, tr("set.colors"), x, y, w);
    const char *contrasts[2] = {tr("set.contrast_normal"), tr("set.contrast_high")};
    const char *contrast_names[2] = {"contrast-normal", "contrast-high"};
    y += choice_row(app, x, y, w, contrasts, 2, ACT_CONTRAST, contrast_names, s->high_contrast) + app_grid(app, 2);
    const char *palettes[2] = {tr("set.palette_standard"), tr("set.palette_cb")};
    const char *palette_names[2] = {"palette-standard", "palette-colorblind"};
    y += choice_row(app, x, y, w, palettes, 2, ACT_PALETTE, palette_names, s->colorblind) + app_grid(app, 1);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, tr("set.colors_note"), x, y, w, "note") + sec;

    y += heading(app, tr("set.motion"), x, y, w);
    const char *motions[2] = {tr("set.motion_on"), tr("set.motion_off")};
    const char *motion_names[2] = {"motion-on", "motion-off"};
    y += choice_row(app, x, y, w, motions, 2, ACT_MOTION, motion_names, s->reduced_motion) + app_grid(app, 2);
    const char *reveals[2] = {tr("set.reveal_instant"), tr("set.reveal_progressive")};
    const char *reveal_names[2] = {"text-instant", "text-progressive"};
    y += choice_row(app, x, y, w, reveals, 2, ACT_REVEAL, reveal_names, s->reveal) + app_grid(app, 3);
    snprintf(v, sizeof v, "%d", s->ints[SET_TEXT_SPEED]);
    tr_format(line, sizeof line, "set.text_speed", v, NULL);
    y += stepper(app, x, y, w, line, tr("set.slower"), tr("set.faster"), ACT_SPEED, "text-speed") + sec;

    y += heading(app, tr("set.voice"), x, y, w);
    const char *voices[2] = {tr("set.voice_off"), tr("set.voice_on")};
    const char *voice_names[2] = {"voice-off", "voice-on"};
    y += choice_row(app, x, y, w, voices, 2, ACT_VOICE, voice_names, s->self_voicing) + app_grid(app, 1);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, voice_note(app), x, y, w, "voice-status") + sec;

    y += heading(app, tr("set.display"), x, y, w);
    const char *windows[3] = {tr("set.windowed"), tr("set.window_maximized"), tr("set.fullscreen")};
    const char *window_names[3] = {"windowed", "maximized", "fullscreen"};
    int mode = app->fullscreen ? WINDOW_FULLSCREEN : (int)s->window;
    y += choice_row(app, x, y, w, windows, 3, ACT_WINDOW, window_names, mode) + app_grid(app, 3);
    tr_format(line, sizeof line, "set.display_scale", percent(s->ints[SET_DISPLAY_SCALE], v, sizeof v), NULL);
    y += stepper(app, x, y, w, line, tr("set.smaller"), tr("set.larger"), ACT_SCALE, "display-scale") +
         app_grid(app, 2);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, tr("set.keys"), x, y, w, "note") + sec;

    y += export_section(app, st, x, y, w) + sec;
    char where[PATH_MAX_LEN + 128];
    tr_format(where, sizeof where, "set.saved_in", app->settings_path, NULL);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, where, x, y, w, "saved-in");
    y += app_grid(app, 3);
    view_page_end(app, &page, y);
    /* After "use this folder": the field and what happened in view (the
     * field's top first when both do not fit). */
    if (st->reveal) {
        st->reveal = false;
        SDL_Rect view = st->scroll.view;
        int shift = 0, top = st->field_top - app_grid(app, 2);
        if (st->msg_bottom > view.y + view.h) shift = st->msg_bottom - (view.y + view.h);
        if (top - shift < view.y) shift = top - view.y;
        if (ui_scroll_to(&st->scroll, st->scroll.offset + shift)) app->redraw = true;
    }
}

const ScreenDef screen_settings = {
    .name = "settings",
    .state_size = sizeof(SettingsState),
    .enter = settings_enter,
    .leave = settings_leave,
    .handle = settings_handle,
    .render = settings_render,
};
