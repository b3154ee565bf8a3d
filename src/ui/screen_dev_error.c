/* screen_dev_error.c — live authoring (--dev): the scenario on disk has
 * errors. Lists each diagnostic as the validator gives it (file:line:col,
 * message, hint) instead of closing the game; the dev mode replaces this
 * screen by the play as soon as the file is saved without errors; the
 * settings (language, text size…) open over it, and the diagnostics follow
 * the language chosen there (game_relang). With large text on a small
 * window the first diagnostic comes before the intro and the status line
 * (the file's path, reloads), and the buttons share rows (view_bar); a
 * diagnostic names its file by its path inside the scenario's folder. `arg` is the library entry whose diagnostics are
 * shown. */
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/dev.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_RELOAD = 1, ACT_QUIT, ACT_SETTINGS };

typedef struct DevErrorState {
    UiScroll scroll;
    int index;
} DevErrorState;

static void deverr_enter(App *app, void *vst, int arg) {
    DevErrorState *st = vst;
    st->index = arg;
    ui_set_focus(&app->ui, "reload");
}

static void deverr_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    (void)vst;
    (void)ev;
    if (action == ACT_RELOAD) {
        dev_reload(app);
    } else if (action == ACT_QUIT) {
        app->running = false;
    } else if (action == ACT_SETTINGS) {
        app_push(app, &screen_settings, 0);
    }
}

/* The name a diagnostic's file is shown by: its path inside the
 * scenario's folder `dir` when it is there (the status line above already
 * gives that folder's whole path, and a long path would push the first
 * error out of view), else the path as the loader gave it. */
static const char *shown_file(const char *file, const char *dir) {
    if (!file) return "";
    size_t n = dir ? strlen(dir) : 0;
    while (n > 1 && dir[n - 1] == '/') n--;
    if (n && strncmp(file, dir, n) == 0 && file[n] == '/' && file[n + 1]) return file + n + 1;
    return file;
}

/* The three texts of a diagnostic: where (file:line:col), what, and the
 * hint ("" for none). `dir` is the scenario's folder. */
static void diag_texts(const Diag *dg, const char *dir, char *where, size_t wn, char *msg, size_t mn, char *hint,
                       size_t hn) {
    const char *file = shown_file(dg->file, dir);
    if (dg->line)
        snprintf(where, wn, "%s:%u:%u", file, (unsigned)dg->line, (unsigned)dg->col);
    else
        snprintf(where, wn, "%s", file);
    snprintf(msg, mn, "%s [%s] %s", dg->severity == DIAG_ERROR ? tr("deverr.error") : tr("deverr.warning"),
             diag_slug(dg->code), dg->message ? dg->message : "");
    if (dg->hint && dg->hint[0]) snprintf(hint, hn, "→ %s", dg->hint);
    else hint[0] = '\0';
}

/* One diagnostic in its panel; returns the height used. */
static int diag_panel(App *app, const Diag *dg, const char *dir, size_t i, int x, int y, int w) {
    int pad = app_grid(app, 2), iw = w - 2 * pad;
    char where[1200], msg[1200], hint[1200];
    diag_texts(dg, dir, where, sizeof where, msg, sizeof msg, hint, sizeof hint);
    int h = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), where, iw, ALIGN_LEFT)->h +
            text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), msg, iw, ALIGN_LEFT)->h + app_grid(app, 1);
    if (hint[0])
        h += text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), hint, iw, ALIGN_LEFT)->h + app_grid(app, 1);
    widget_panel(app, (SDL_Rect){x, y, w, h + 2 * pad}, dg->severity == DIAG_ERROR ? COL_ERROR_BG : COL_SURFACE_ALT,
                 COL_BORDER);
    char name[UI_NAME_LEN];
    snprintf(name, sizeof name, "diag-%zu", i + 1);
    int yy = y + pad;
    yy += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, where, x + pad, yy, iw, name);
    yy += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, msg, x + pad, yy, iw, "message") + app_grid(app, 1);
    if (hint[0]) widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, hint, x + pad, yy, iw, "hint");
    app_voice_page(app, where);
    app_voice_page(app, msg);
    if (hint[0]) app_voice_page(app, dg->hint);
    return h + 2 * pad;
}

/* Whether the page shows the first diagnostic's location with the status
 * line and the intro above it (`above`: the height of the status line and
 * the count): if not (large text on a small window, a long path), they go
 * after the diagnostics, so that the first error is in view at once. */
static bool intro_first(App *app, const ViewPage *page, const DiagList *dl, const char *dir, int above) {
    if (!dl || dl->count == 0) return true;
    int pad = app_grid(app, 2), iw = page->w - 2 * pad;
    char where[1200], msg[1200], hint[1200];
    diag_texts(&dl->items[0], dir, where, sizeof where, msg, sizeof msg, hint, sizeof hint);
    int intro = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), tr("deverr.intro"), page->w,
                         ALIGN_LEFT)->h + app_grid(app, 3);
    int first = pad + text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), where, iw, ALIGN_LEFT)->h;
    return app_grid(app, 3) + above + intro + first <= page->view.h;
}

static void deverr_render(App *app, void *vst) {
    DevErrorState *st = vst;
    const LibEntry *entry = st->index >= 0 && st->index < app->game.n_lib ? &app->game.lib[st->index] : NULL;
    const DiagList *dl = entry ? &entry->diags : NULL;
    const char *dir = entry ? entry->dir : NULL;
    int hh = widget_header(app, tr("deverr.title"), tr("deverr.header_right"));
    BarButton bar[] = {{ACT_QUIT, "quit", tr("deverr.quit"), BUTTON_SECONDARY, true},
                       {ACT_SETTINGS, "settings", tr("deverr.settings"), BUTTON_SECONDARY, true},
                       {ACT_RELOAD, "reload", tr("deverr.reload"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 3);
    int x = page.x, w = page.w;
    char line[2048];
    dev_status(app, line, sizeof line);
    char count[160];
    dev_count_text(count, sizeof count, dl);
    int status_h = line[0] ? text_get(app->text, TS_SMALL, FACE_REGULAR, app_color(app, COL_TEXT_MUTED), line, w,
                                      ALIGN_LEFT)->h + app_grid(app, 2)
                           : 0;
    int count_h = text_get(app->text, TS_SUBHEADING, FACE_BOLD, app_color(app, COL_TEXT), count, w, ALIGN_LEFT)->h +
                  app_grid(app, 1);
    bool intro_above = intro_first(app, &page, dl, dir, status_h + count_h);
    if (intro_above && line[0])
        y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, line, x, y, w, "status") + app_grid(app, 2);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, count, x, y, w, "count") + app_grid(app, 1);
    app_voice_page(app, count);
    if (intro_above) {
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("deverr.intro"), x, y, w, "intro") + app_grid(app, 3);
        app_voice_page(app, tr("deverr.intro"));
    } else {
        y += app_grid(app, 1);
    }
    for (size_t i = 0; dl && i < dl->count; i++) y += diag_panel(app, &dl->items[i], dir, i, x, y, w) + app_grid(app, 2);
    if (dl && dl->dropped) {
        char more[32], txt[160];
        snprintf(more, sizeof more, "%zu", dl->dropped);
        tr_count(txt, sizeof txt, "lib.broken_more_one", "lib.broken_more", dl->dropped, more, NULL);
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, txt, x, y, w, "more") + app_grid(app, 2);
    }
    if (!intro_above) {
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("deverr.intro"), x, y, w, "intro") + app_grid(app, 2);
        app_voice_page(app, tr("deverr.intro"));
        if (line[0])
            y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, line, x, y, w, "status") + app_grid(app, 2);
    }
    view_page_end(app, &page, y);
}

const ScreenDef screen_dev_error = {
    .name = "dev-error",
    .state_size = sizeof(DevErrorState),
    .enter = deverr_enter,
    .handle = deverr_handle,
    .render = deverr_render,
};
