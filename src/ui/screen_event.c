/* screen_event.c — a delayed consequence that fired ("Six mois plus
 * tard…"), as its own screen: illustration, speaker, text, its effect on
 * the meters, principle and reference. */
#include <stdio.h>

#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_CONTINUE = 1 };
static const double ANIM_SECONDS = 0.8;

typedef struct EventState { UiScroll scroll; double clock; int index; } EventState;

static void event_enter(App *app, void *vst, int arg) {
    EventState *st = vst;
    st->index = arg;
    if (app->reduced_motion) st->clock = ANIM_SECONDS;
    ui_set_focus(&app->ui, "continue");
}

static void event_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    EventState *st = vst;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) app_push(app, &screen_pause, 0);
    else if (action == ACT_CONTINUE) view_advance(app, st->index + 1);
}

static bool event_update(App *app, void *vst, double dt) {
    (void)app;
    EventState *st = vst;
    if (st->clock >= ANIM_SECONDS) return false;
    st->clock += dt;
    return true;
}

static void event_render(App *app, void *vst) {
    EventState *st = vst;
    const Scenario *sc = game_scenario(&app->game);
    const StepResult *step = app->game.step;
    if (!sc || !step || st->index >= step->n_fired) return;
    const FiredEvent *fe = &step->fired[st->index];
    const Event *e = &sc->events[fe->event];
    Lang l = app->lang;
    int hh = widget_header(app, tr("event.kicker"), loc_get(&sc->title, l, NULL));
    BarButton bar[] = {{ACT_CONTINUE, "continue", tr("cons.continue"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 1);
    int x = page.x, w = page.w;
    const char *title = loc_get(&e->title, l, NULL);
    if (*title) y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, title, x, y, w, "event-title") + app_grid(app, 2);
    int ih = view_image(app, e->image, x, y, w, page.view.h * 2 / 5, "illustration");
    if (ih) y += ih + app_grid(app, 2);
    int sh = view_speaker(app, e->speaker, x, y, w);
    if (sh) y += sh + app_grid(app, 2);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, loc_get(&e->text, l, NULL), x, y, w, "event-text");
    y += app_grid(app, 3);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("cons.meters"), x, y, w, "heading") + app_grid(app, 2);
    y += view_meter_changes(app, fe->changes, fe->n_changes, view_ease(st->clock, ANIM_SECONDS), x, y, w);
    y += app_grid(app, 3);
    int ph = view_principle(app, &e->feedback, x, y, w);
    if (ph) y += ph + app_grid(app, 2);
    y += app_grid(app, 1);
    view_page_end(app, &page, y);
}

const ScreenDef screen_event = {
    .name = "event",
    .state_size = sizeof(EventState),
    .enter = event_enter,
    .handle = event_handle,
    .update = event_update,
    .render = event_render,
};
