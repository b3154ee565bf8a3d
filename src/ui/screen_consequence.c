/* screen_consequence.c — after a decision: what happened, each meter's
 * change (animated, with sign, arrow and word as well as colour), the
 * principle at stake and its reference. */
#include <stdio.h>

#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_CONTINUE = 1 };
static const double ANIM_SECONDS = 0.8;

typedef struct ConsequenceState { UiScroll scroll; double clock; } ConsequenceState;

static void consequence_enter(App *app, void *vst, int arg) {
    ConsequenceState *st = vst;
    (void)arg;
    if (app->reduced_motion) st->clock = ANIM_SECONDS;
    ui_set_focus(&app->ui, "continue");
}

static void consequence_handle(App *app, void *st, const SDL_Event *ev, int action) {
    (void)st;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) app_push(app, &screen_pause, 0);
    else if (action == ACT_CONTINUE) view_advance(app, 0);
}

static bool consequence_update(App *app, void *vst, double dt) {
    (void)app;
    ConsequenceState *st = vst;
    if (st->clock >= ANIM_SECONDS) return false;
    st->clock += dt;
    return true;
}

static void consequence_render(App *app, void *vst) {
    ConsequenceState *st = vst;
    const Scenario *sc = game_scenario(&app->game);
    const StepResult *step = app->game.step;
    if (!sc || !step) return;
    Lang l = app->lang;
    const Scene *scene = &sc->scenes[step->scene];
    const Choice *c = &scene->choices[step->choice];
    const Outcome *o = step->outcome >= 0 ? &c->outcomes[step->outcome] : NULL;
    int hh = widget_header(app, tr("cons.title"), loc_get(&sc->title, l, NULL));
    BarButton bar[] = {{ACT_CONTINUE, "continue", tr("cons.continue"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 1);
    int x = page.x, w = page.w;
    char line[2048];
    tr_format(line, sizeof line, "cons.your_choice", loc_get(&c->text, l, NULL), NULL);
    y += widget_text(app, TS_SMALL, FACE_BOLD, COL_TEXT_MUTED, line, x, y, w, "your-choice") + app_grid(app, 2);
    y += view_section(app, tr("cons.what"), loc_get(&c->feedback.text, l, NULL), x, y, w, "feedback");
    if (o && *loc_get(&o->feedback.text, l, NULL)) {
        y += app_grid(app, 2);
        y += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, loc_get(&o->feedback.text, l, NULL), x, y, w, "outcome");
    }
    y += app_grid(app, 3);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("cons.meters"), x, y, w, "heading") + app_grid(app, 2);
    y += view_meter_changes(app, step->changes, step->n_changes, view_ease(st->clock, ANIM_SECONDS), x, y, w);
    y += app_grid(app, 3);
    int ph = view_principle(app, &c->feedback, x, y, w);
    if (ph) y += ph + app_grid(app, 2);
    if (o) {
        ph = view_principle(app, &o->feedback, x, y, w);
        if (ph) y += ph + app_grid(app, 2);
    }
    y += app_grid(app, 1);
    view_page_end(app, &page, y);
}

const ScreenDef screen_consequence = {
    .name = "consequence",
    .state_size = sizeof(ConsequenceState),
    .enter = consequence_enter,
    .handle = consequence_handle,
    .update = consequence_update,
    .render = consequence_render,
};
