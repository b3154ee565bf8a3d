/* screen_dev_error.c — live authoring (--dev): the scenario on disk has
 * errors. Lists each diagnostic as the validator gives it (file:line:col,
 * message, hint) instead of closing the game; the dev mode replaces this
 * screen by the play as soon as the file is saved without errors; the
 * settings (language, text size…) open over it, and the diagnostics follow
 * the language chosen there (game_relang). `arg` is the library entry
 * whose diagnostics are shown. */
#include <stdio.h>

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

static void deverr_render(App *app, void *vst) {
    DevErrorState *st = vst;
    const DiagList *dl = st->index >= 0 && st->index < app->game.n_lib ? &app->game.lib[st->index].diags : NULL;
    int hh = widget_header(app, tr("deverr.title"), tr("deverr.header_right"));
    BarButton bar[] = {{ACT_QUIT, "quit", tr("deverr.quit"), BUTTON_SECONDARY, true},
                       {ACT_SETTINGS, "settings", tr("deverr.settings"), BUTTON_SECONDARY, true},
                       {ACT_RELOAD, "reload", tr("deverr.reload"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 3);
    int x = page.x, w = page.w;
    char line[256];
    dev_status(app, line, sizeof line);
    if (line[0]) y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, line, x, y, w, "status") + app_grid(app, 2);
    char count[160];
    dev_count_text(count, sizeof count, dl);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, count, x, y, w, "count") + app_grid(app, 1);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("deverr.intro"), x, y, w, "intro") + app_grid(app, 3);
    app_voice_page(app, count);
    app_voice_page(app, tr("deverr.intro"));
    int pad = app_grid(app, 2);
    for (size_t i = 0; dl && i < dl->count; i++) {
        const Diag *dg = &dl->items[i];
        char where[1200], msg[1200], hint[1200];
        if (dg->line)
            snprintf(where, sizeof where, "%s:%u:%u", dg->file ? dg->file : "", (unsigned)dg->line, (unsigned)dg->col);
        else
            snprintf(where, sizeof where, "%s", dg->file ? dg->file : "");
        snprintf(msg, sizeof msg, "%s [%s] %s", dg->severity == DIAG_ERROR ? tr("deverr.error") : tr("deverr.warning"),
                 diag_slug(dg->code), dg->message ? dg->message : "");
        snprintf(hint, sizeof hint, "→ %s", dg->hint ? dg->hint : "");
        int iw = w - 2 * pad;
        int h = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), where, iw, ALIGN_LEFT)->h +
                text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), msg, iw, ALIGN_LEFT)->h +
                app_grid(app, 1);
        bool has_hint = dg->hint && dg->hint[0];
        if (has_hint)
            h += text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), hint, iw, ALIGN_LEFT)->h +
                 app_grid(app, 1);
        widget_panel(app, (SDL_Rect){x, y, w, h + 2 * pad},
                     dg->severity == DIAG_ERROR ? COL_ERROR_BG : COL_SURFACE_ALT, COL_BORDER);
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "diag-%zu", i + 1);
        int yy = y + pad;
        yy += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, where, x + pad, yy, iw, name);
        yy += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, msg, x + pad, yy, iw, "message") + app_grid(app, 1);
        if (has_hint) widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, hint, x + pad, yy, iw, "hint");
        app_voice_page(app, where);
        app_voice_page(app, msg);
        if (has_hint) app_voice_page(app, dg->hint);
        y += h + 2 * pad + app_grid(app, 2);
    }
    if (dl && dl->dropped) {
        char more[32], txt[160];
        snprintf(more, sizeof more, "%zu", dl->dropped);
        tr_count(txt, sizeof txt, "lib.broken_more_one", "lib.broken_more", dl->dropped, more, NULL);
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, txt, x, y, w, "more") + app_grid(app, 2);
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
