/* screen_title.c — the title screen: continue, new game, the competency
 * passport, change profile (which names whose game it is), settings,
 * quit. */
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_CONTINUE, ACT_NEW, ACT_PASSPORT, ACT_PROFILE, ACT_DEBRIEF, ACT_SETTINGS, ACT_QUIT, N_ACTIONS };

typedef struct TitleState {
    UiScroll scroll;
    int saved;                /* library index of the saved play, -1 */
    char message[1024];       /* why a save could not be resumed */
} TitleState;

static bool can_continue(const App *app, const TitleState *st) {
    return app->game.session != NULL || st->saved >= 0;
}

static void title_enter(App *app, void *vst, int arg) {
    TitleState *st = vst;
    (void)arg;
    st->saved = game_saved_scenario(&app->game);
    ui_set_focus(&app->ui, can_continue(app, st) ? "continue" : "new-game");
}

static void title_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    TitleState *st = vst;
    (void)ev;
    switch (action) {
    case ACT_CONTINUE:
        if (!app->game.session && st->saved >= 0 &&
            !game_resume(&app->game, app->lang, st->message, sizeof st->message)) {
            st->saved = -1;
            break;
        }
        if (app->game.session) {
            snprintf(app->notice, sizeof app->notice, "%s", st->message);
            if (session_is_over(app->game.session)) app_push(app, &screen_ending, 0);
            else app_push(app, &screen_scene, 0);
        }
        break;
    case ACT_NEW: app_push(app, &screen_library, 0); break;
    case ACT_PASSPORT: app_push(app, &screen_passport, 0); break;
    case ACT_PROFILE: app_push(app, &screen_profiles, PROFILES_FROM_TITLE); break;
    case ACT_DEBRIEF: app_push(app, &screen_reports, 0); break;
    case ACT_SETTINGS: app_push(app, &screen_settings, 0); break;
    case ACT_QUIT: app->running = false; break;
    default: break;
    }
}

static const char *continue_note(const App *app, const TitleState *st) {
    if (st->message[0] && !app->game.session) return st->message;
    const Scenario *sc = app->game.session ? game_scenario(&app->game)
                         : st->saved >= 0  ? app->game.lib[st->saved].sc
                                           : NULL;
    return sc ? loc_get(&sc->title, app->lang, NULL) : tr("title.no_save");
}

static void title_render(App *app, void *vst) {
    TitleState *st = vst;
    int margin = app_grid(app, 3);
    int w = view_column_width(app, app->w - 2 * margin, 560);
    int x = (app->w - w) / 2;
    /* Band of colour at the top: the programme's identity. */
    int band = app_px(app, 8);
    widget_fill(app, (SDL_Rect){0, 0, app->w, band}, COL_HEADER);
    const char *foot = tr("title.footer");
    const TextTex *ft = text_get(app->text, TS_SMALL, FACE_REGULAR, app_color(app, COL_TEXT_MUTED), foot,
                                 app->w - 2 * margin, ALIGN_CENTER);
    int foot_h = ft->h + 2 * app_grid(app, 2);
    SDL_Rect view = {0, band, app->w, app->h - band - foot_h};
    /* Measure the column to centre it vertically when it fits. */
    char whose[256] = "";
    const char *pseudonym = app->profile >= 0 ? app->profiles.items[app->profile].pseudonym : NULL;
    if (pseudonym && app->game.workshop[0])
        tr_format(whose, sizeof whose, "title.whose_code", pseudonym, app->game.workshop);
    else if (pseudonym)
        tr_format(whose, sizeof whose, "title.whose", pseudonym, NULL);
    const char *labels[N_ACTIONS] = {tr("title.continue"), tr("title.new"),      tr("title.passport"),
                                     tr("title.profile"),  tr("title.debrief"), tr("title.settings"),
                                     tr("title.quit")};
    const char *names[N_ACTIONS] = {"continue", "new-game", "passport", "profile", "class-debrief", "settings", "quit"};
    const char *notes[N_ACTIONS] = {continue_note(app, st), NULL, tr("title.passport_note"), whose, tr("title.debrief_note"),
                                    NULL, NULL};
    const TextTex *tt = text_get(app->text, TS_TITLE, FACE_BOLD, app_color(app, COL_TEXT), tr("app.name"), w, ALIGN_CENTER);
    const TextTex *gt = text_get(app->text, TS_SUBHEADING, FACE_REGULAR, app_color(app, COL_TEXT_MUTED),
                                 tr("title.tagline"), w, ALIGN_CENTER);
    int gap = app_grid(app, 2);
    int content = tt->h + app_grid(app, 1) + gt->h + app_grid(app, 5);
    int bh[N_ACTIONS];
    for (int i = 0; i < N_ACTIONS; i++) {
        bh[i] = widget_button_height(app, labels[i], w, 0, notes[i]);
        content += bh[i] + (i < N_ACTIONS - 1 ? gap : 0);
    }
    int top = content < view.h ? (view.h - content) / 2 : app_grid(app, 2);
    int off = ui_scroll_begin(&app->ui, &st->scroll, view);
    SDL_RenderSetClipRect(app->renderer, &view);
    int y = view.y + top - off;
    const TextTex *t2 = text_get(app->text, TS_TITLE, FACE_BOLD, app_color(app, COL_HEADER), tr("app.name"), w, ALIGN_CENTER);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){x + (w - t2->w) / 2, y, t2->w, t2->h}, -1, true, "title");
    widget_draw_text(app, t2, x + (w - t2->w) / 2, y);
    y += tt->h + app_grid(app, 1);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){x + (w - gt->w) / 2, y, gt->w, gt->h}, -1, true, "tagline");
    widget_draw_text(app, gt, x + (w - gt->w) / 2, y);
    y += gt->h + app_grid(app, 5);
    for (int i = 0; i < N_ACTIONS; i++) {
        bool enabled = i != ACT_CONTINUE || can_continue(app, st);
        widget_button(app, (SDL_Rect){x, y, w, bh[i]}, i, names[i], labels[i],
                      i == ACT_NEW || (i == ACT_CONTINUE && enabled) ? BUTTON_PRIMARY : BUTTON_SECONDARY, enabled, 0,
                      notes[i]);
        y += bh[i] + gap;
    }
    ui_scroll_end(&app->ui, &st->scroll, content + top + app_grid(app, 2));
    SDL_RenderSetClipRect(app->renderer, NULL);
    widget_scrollbar(app, &st->scroll);
    int fy = app->h - foot_h + app_grid(app, 2);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){(app->w - ft->w) / 2, fy, ft->w, ft->h}, -1, true, "footer");
    widget_draw_text(app, ft, (app->w - ft->w) / 2, fy);
}

const ScreenDef screen_title = {
    .name = "title",
    .state_size = sizeof(TitleState),
    .enter = title_enter,
    .handle = title_handle,
    .render = title_render,
};
