/* screen_ending.c — the ending reached: its tone (in words and colour),
 * title, illustration, text and the final meters. The competency result is
 * a separate screen (screen_debrief.c): a good outcome with poor ethics, or
 * the reverse, shows as such. The play's results are written
 * when its last decision is made (game_finish). */
#include <stdio.h>

#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_DEBRIEF = 1 };

typedef struct EndingState { UiScroll scroll; } EndingState;

static void ending_enter(App *app, void *st, int arg) {
    (void)st;
    (void)arg;
    ui_set_focus(&app->ui, "debrief");
    game_finish(&app->game);
    app_record_progress(app);
}

static void ending_handle(App *app, void *st, const SDL_Event *ev, int action) {
    (void)st;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) app_push(app, &screen_pause, 0);
    else if (action == ACT_DEBRIEF) app_replace(app, &screen_debrief, 0);
}

static void ending_render(App *app, void *vst) {
    EndingState *st = vst;
    const Scenario *sc = game_scenario(&app->game);
    const Ending *e = app->game.session ? session_ending(app->game.session) : NULL;
    if (!sc || !e) return;
    Lang l = app->lang;
    int hh = widget_header(app, tr("end.title"), loc_get(&sc->title, l, NULL));
    BarButton bar[] = {{ACT_DEBRIEF, "debrief", tr("end.debrief"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 1);
    int x = page.x, w = page.w;
    static const char *const TONE_KEYS[] = {"end.tone.positive", "end.tone.mixed", "end.tone.negative"};
    static const ThemeColor TONE_BG[] = {COL_TONE_POSITIVE, COL_TONE_MIXED, COL_TONE_NEGATIVE};
    static const char *const TONE_MARK[] = {"● ", "◐ ", "○ "};
    char tone[128];
    snprintf(tone, sizeof tone, "%s%s", TONE_MARK[e->tone], tr(TONE_KEYS[e->tone]));
    const TextTex *tt = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), tone, w, ALIGN_LEFT);
    int pad = app_grid(app, 1);
    SDL_Rect tag = {x, y, tt->w + 4 * pad, tt->h + 2 * pad};
    widget_panel(app, tag, TONE_BG[e->tone], COL_BORDER);
    widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, tone, x + 2 * pad, y + pad, w, "tone");
    y += tag.h + app_grid(app, 2);
    y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, loc_get(&e->title, l, NULL), x, y, w, "ending-title");
    y += app_grid(app, 2);
    int ih = view_image(app, e->image, x, y, w, page.view.h * 2 / 5, "illustration");
    if (ih) y += ih + app_grid(app, 2);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, loc_get(&e->text, l, NULL), x, y, w, "ending-text");
    y += app_grid(app, 3);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("end.meters"), x, y, w, "heading") + app_grid(app, 2);
    y += view_meter_strip(app, x, y, w, NULL) + app_grid(app, 3);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, tr("end.separate"), x, y, w, "separate");
    y += app_grid(app, 3);
    view_page_end(app, &page, y);
}

const ScreenDef screen_ending = {
    .name = "ending",
    .state_size = sizeof(EndingState),
    .enter = ending_enter,
    .handle = ending_handle,
    .render = ending_render,
};
