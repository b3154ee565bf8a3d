/* screen_pause.c — the pause menu over the game (Esc, controller Start):
 * resume, settings, save and quit, restart. */
#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_RESUME, ACT_SETTINGS, ACT_SAVE_QUIT, ACT_RESTART, ACT_COUNT };

typedef struct PauseState { UiScroll scroll; } PauseState;

static void pause_enter(App *app, void *st, int arg) {
    (void)st;
    (void)arg;
    ui_set_focus(&app->ui, "resume");
}

static void pause_handle(App *app, void *st, const SDL_Event *ev, int action) {
    (void)st;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) {
        app_pop(app);
        return;
    }
    switch (action) {
    case ACT_RESUME: app_pop(app); break;
    case ACT_SETTINGS: app_push(app, &screen_settings, 0); break;
    case ACT_SAVE_QUIT: {
        /* Saved on disk, and kept in memory: "Continue" on the title resumes it. */
        char err[512];
        if (!game_save(&app->game, err, sizeof err)) SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s", err);
        app_reset(app, &screen_title, 0);
        break;
    }
    case ACT_RESTART:
        if (game_start(&app->game, app->game.current, app->opts.seed, app->lang)) {
            app_reset(app, &screen_title, 0);
            app_push(app, &screen_scene, 0);
        }
        break;
    default: break;
    }
}

static void pause_render(App *app, void *vst) {
    PauseState *st = vst;
    Rgba dim = app_color(app, COL_OVERLAY);
    dim.a = 170;
    widget_fill_rgba(app, (SDL_Rect){0, 0, app->w, app->h}, dim);
    const char *labels[ACT_COUNT] = {tr("pause.resume"), tr("pause.settings"), tr("pause.save_quit"), tr("pause.restart")};
    const char *names[ACT_COUNT] = {"resume", "settings", "save-quit", "restart"};
    int pad = app_grid(app, 3);
    int w = view_column_width(app, app->w - 4 * app_grid(app, 2), 480);
    int iw = w - 2 * pad;
    const TextTex *tt = text_get(app->text, TS_HEADING, FACE_BOLD, app_color(app, COL_TEXT), tr("pause.title"), iw,
                                 ALIGN_LEFT);
    int h = pad + tt->h + app_grid(app, 3);
    int bh[ACT_COUNT];
    for (int i = 0; i < ACT_COUNT; i++) {
        bh[i] = widget_button_height(app, labels[i], iw, 0, NULL);
        h += bh[i] + app_grid(app, 2);
    }
    h += pad - app_grid(app, 2);
    int margin = app_grid(app, 2);
    SDL_Rect view = {0, margin, app->w, app->h - 2 * margin};
    int x = (app->w - w) / 2;
    int top = h < view.h ? view.y + (view.h - h) / 2 : view.y;
    int off = ui_scroll_begin(&app->ui, &st->scroll, view);
    SDL_RenderSetClipRect(app->renderer, &view);
    int y = top - off;
    widget_panel(app, (SDL_Rect){x, y, w, h}, COL_SURFACE, COL_BORDER);
    y += pad;
    y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, tr("pause.title"), x + pad, y, iw, "pause-title");
    y += app_grid(app, 3);
    for (int i = 0; i < ACT_COUNT; i++) {
        widget_button(app, (SDL_Rect){x + pad, y, iw, bh[i]}, i, names[i], labels[i],
                      i == ACT_RESUME ? BUTTON_PRIMARY : BUTTON_SECONDARY, true, 0, NULL);
        y += bh[i] + app_grid(app, 2);
    }
    ui_scroll_end(&app->ui, &st->scroll, h + (top - view.y));
    SDL_RenderSetClipRect(app->renderer, NULL);
}

const ScreenDef screen_pause = {
    .name = "pause",
    .state_size = sizeof(PauseState),
    .overlay = true,
    .enter = pause_enter,
    .handle = pause_handle,
    .render = pause_render,
};
