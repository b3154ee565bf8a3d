/* screen_dev.c — the developer overlay of live authoring (F1 in --dev):
 * where the play is (scene or ending), every meter, flag and counter, the
 * pending delayed consequences, the competency evidence so far; actions to
 * undo the last decision, replay from the start with the same choices,
 * reload, and jump to any scene. Keyboard: Tab and arrows move, Enter
 * activates, U undo, R replay, F5 reload, F1 or Esc close. */
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/dev.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_CLOSE = 1, ACT_UNDO, ACT_REPLAY, ACT_RELOAD, ACT_JUMP = 100 };
enum { LINES_MAX = 16384 };

typedef struct DevState { UiScroll scroll; } DevState;

static void dev_enter(App *app, void *st, int arg) {
    (void)st;
    (void)arg;
    ui_set_focus(&app->ui, "dev-undo");
}

static void dev_handle_keys(App *app, void *st, const SDL_Event *ev, int action) {
    (void)st;
    if (ev->type == SDL_KEYDOWN) {
        SDL_Keycode k = ev->key.keysym.sym;
        if (k == SDLK_ESCAPE || k == SDLK_F1) {
            app_pop(app);
            return;
        }
        if (k == SDLK_u) action = ACT_UNDO;
        else if (k == SDLK_r) action = ACT_REPLAY;
    }
    const Scenario *sc = game_scenario(&app->game);
    if (action == ACT_CLOSE) app_pop(app);
    else if (action == ACT_UNDO) dev_undo(app);
    else if (action == ACT_REPLAY) dev_replay(app);
    else if (action == ACT_RELOAD) dev_reload(app);
    else if (sc && action >= ACT_JUMP && (uint32_t)(action - ACT_JUMP) < sc->n_scenes) dev_jump(app, (uint32_t)(action - ACT_JUMP));
}

/* Appends a formatted line to `buf` (a growing text block, capped). */
static void add_line(char *buf, size_t cap, const char *s) {
    size_t n = strlen(buf);
    if (n && n + 1 < cap) buf[n++] = '\n';
    snprintf(buf + n, cap - n, "%s", s);
}

static int section(App *app, const char *heading, const char *body, int x, int y, int w, const char *name) {
    int y0 = y;
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, heading, x, y, w, "heading") + app_grid(app, 1);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT, body[0] ? body : tr("devov.none"), x, y, w, name);
    return y - y0 + app_grid(app, 2);
}

/* The state, in sections; returns the height used. */
static int state_sections(App *app, const Session *s, int x, int y, int w) {
    const Scenario *sc = session_scenario(s);
    Lang l = app->lang;
    int y0 = y;
    char buf[LINES_MAX];
    char line[512], a[64], b[64];

    /* Where. */
    if (session_is_over(s)) tr_format(line, sizeof line, "devov.ending", session_ending(s)->id, NULL);
    else tr_format(line, sizeof line, "devov.scene", session_scene(s)->id, NULL);
    snprintf(a, sizeof a, "%u", (unsigned)session_step_count(s));
    snprintf(b, sizeof b, "%llu", (unsigned long long)session_seed(s));
    char dec[128];
    tr_count(dec, sizeof dec, "devov.decisions_one", "devov.decisions", session_step_count(s), a, b);
    char where[700];
    snprintf(where, sizeof where, "%s · %s", line, dec);
    y += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, where, x, y, w, "dev-where") + app_grid(app, 2);

    buf[0] = '\0';
    for (uint16_t i = 0; i < sc->n_meters; i++) {
        const Meter *m = &sc->meters[i];
        snprintf(line, sizeof line, "%s (%s) = %d   [%d–%d]", loc_get(&m->label, l, NULL), m->id,
                 (int)session_meter(s, i), (int)m->min, (int)m->max);
        add_line(buf, sizeof buf, line);
    }
    y += section(app, tr("devov.meters"), buf, x, y, w, "dev-meters");

    buf[0] = '\0';
    for (uint16_t i = 0; i < sc->n_flags; i++) {
        snprintf(line, sizeof line, "%s = %s", sc->flags[i].id, session_flag(s, i) ? tr("devov.yes") : tr("devov.no"));
        add_line(buf, sizeof buf, line);
    }
    y += section(app, tr("devov.flags"), buf, x, y, w, "dev-flags");

    buf[0] = '\0';
    for (uint16_t i = 0; i < sc->n_counters; i++) {
        snprintf(line, sizeof line, "%s = %d", sc->counters[i].id, (int)session_counter(s, i));
        add_line(buf, sizeof buf, line);
    }
    y += section(app, tr("devov.counters"), buf, x, y, w, "dev-counters");

    buf[0] = '\0';
    uint16_t pending[LIMIT_EVENTS];
    uint16_t np = session_pending_events(s, pending, LIMIT_EVENTS);
    for (uint16_t i = 0; i < np; i++) {
        const Event *e = &sc->events[pending[i]];
        const char *title = loc_get(&e->title, l, NULL);
        snprintf(line, sizeof line, "%s%s%s", e->id, *title ? " — " : "", title);
        add_line(buf, sizeof buf, line);
    }
    y += section(app, tr("devov.pending"), buf, x, y, w, "dev-pending");

    buf[0] = '\0';
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t ns = session_scores(s, scores);
    for (uint16_t i = 0; i < ns; i++) {
        const CompetencyScore *cs = &scores[i];
        snprintf(a, sizeof a, "%d", (int)cs->earned);
        snprintf(b, sizeof b, "%d", (int)cs->best);
        char ev[128];
        tr_format(ev, sizeof ev, "devov.evidence_line", a, b);
        char who[300];
        snprintf(who, sizeof who, "%s (%s)%s", game_competency_name(&app->game, cs->competency, l),
                 sc->competencies[cs->competency], cs->competency < sc->n_targeted ? " *" : "");
        tr_format(line, sizeof line, "devov.item", who, ev);
        add_line(buf, sizeof buf, line);
    }
    y += section(app, tr("devov.evidence"), buf, x, y, w, "dev-evidence");
    return y - y0;
}

/* The action buttons, in rows that wrap; returns the height used. */
static int actions(App *app, int x, int y, int w) {
    struct { int id; const char *name, *label; } acts[] = {
        {ACT_UNDO, "dev-undo", tr("devov.undo")},
        {ACT_REPLAY, "dev-replay", tr("devov.replay")},
        {ACT_RELOAD, "dev-reload", tr("devov.reload")},
        {ACT_CLOSE, "dev-close", tr("devov.close")},
    };
    int gap = app_grid(app, 2);
    int y0 = y, bx = x, row_h = 0;
    for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
        int bw = text_width(app->text, TS_BODY, FACE_BOLD, acts[i].label) + app_grid(app, 6);
        if (bw > w) bw = w;
        int bh = widget_button_height(app, acts[i].label, bw, 0, NULL);
        if (bx > x && bx + bw > x + w) {
            bx = x;
            y += row_h + gap;
            row_h = 0;
        }
        widget_button(app, (SDL_Rect){bx, y, bw, bh}, acts[i].id, acts[i].name, acts[i].label,
                      i == 0 ? BUTTON_PRIMARY : BUTTON_SECONDARY, true, 0, NULL);
        bx += bw + gap;
        if (bh > row_h) row_h = bh;
    }
    return y + row_h - y0;
}

/* Jump to any scene: one button per scene, in columns; the current scene's
 * stands out. Returns the height used. */
static int jump_list(App *app, const Session *s, const Scenario *sc, int x, int y, int w) {
    int y0 = y, gap = app_grid(app, 2);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("devov.jump"), x, y, w, "heading") + app_grid(app, 1);
    int cols = w / app_px(app, 220);
    if (cols < 1) cols = 1;
    int cw = (w - (cols - 1) * gap) / cols;
    uint32_t current = session_is_over(s) ? UINT32_MAX : session_scene_index(s);
    for (uint32_t i = 0; i < sc->n_scenes; i += (uint32_t)cols) {
        int rh = 0;
        for (int c = 0; c < cols && i + (uint32_t)c < sc->n_scenes; c++) {
            int bh = widget_button_height(app, sc->scenes[i + (uint32_t)c].id, cw, 0, NULL);
            if (bh > rh) rh = bh;
        }
        for (int c = 0; c < cols && i + (uint32_t)c < sc->n_scenes; c++) {
            uint32_t k = i + (uint32_t)c;
            char name[UI_NAME_LEN];
            snprintf(name, sizeof name, "jump-%s", sc->scenes[k].id);
            widget_button(app, (SDL_Rect){x + c * (cw + gap), y, cw, rh}, ACT_JUMP + (int)k, name, sc->scenes[k].id,
                          k == current ? BUTTON_PRIMARY : BUTTON_SECONDARY, true, 0, NULL);
        }
        y += rh + gap;
    }
    return y - y0;
}

static void dev_render(App *app, void *vst) {
    DevState *st = vst;
    Rgba dim = app_color(app, COL_OVERLAY);
    dim.a = 200;
    widget_fill_rgba(app, (SDL_Rect){0, 0, app->w, app->h}, dim);
    const Session *s = app->game.session;
    const Scenario *sc = game_scenario(&app->game);
    if (!s || !sc) return;
    int margin = app_grid(app, 2);
    int pad = app_grid(app, 3);
    SDL_Rect panel = {margin, margin, app->w - 2 * margin, app->h - 2 * margin};
    widget_panel(app, panel, COL_SURFACE, COL_BORDER);
    int w = view_column_width(app, panel.w - 2 * pad, 1100);
    int x = panel.x + (panel.w - w) / 2;
    SDL_Rect view = {panel.x + 1, panel.y + 1, panel.w - 2, panel.h - 2};
    int off = ui_scroll_begin(&app->ui, &st->scroll, view);
    SDL_RenderSetClipRect(app->renderer, &view);
    int y = panel.y + pad - off;
    int y0 = y;
    y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, tr("devov.title"), x, y, w, "dev-title") + app_grid(app, 1);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, tr("devov.keys"), x, y, w, "dev-keys") + app_grid(app, 1);
    char status[1400];
    dev_status(app, status, sizeof status);
    if (status[0]) y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, status, x, y, w, "dev-status") + app_grid(app, 1);
    if (app->notice[0])
        y += widget_text(app, TS_SMALL, FACE_BOLD, COL_TEXT, app->notice, x, y, w, "dev-notice") + app_grid(app, 1);
    y += app_grid(app, 1);

    /* Wide: the state on the left, actions and scenes on the right. */
    bool wide = w >= app_px(app, 900);
    int gap = app_grid(app, 2);
    int lw = wide ? (w - 2 * gap) * 11 / 20 : w;
    int rx = wide ? x + lw + 2 * gap : x;
    int rw = wide ? w - lw - 2 * gap : w;
    int ry = y;
    ry += actions(app, rx, ry, rw) + app_grid(app, 3);
    if (wide) {
        ry += jump_list(app, s, sc, rx, ry, rw);
        y += state_sections(app, s, x, y, lw);
        if (ry > y) y = ry;
    } else {
        y = ry;
        y += state_sections(app, s, x, y, w);
        y += jump_list(app, s, sc, x, y, w);
    }
    y += pad;
    ui_scroll_end(&app->ui, &st->scroll, y - y0 + pad);
    SDL_RenderSetClipRect(app->renderer, NULL);
    widget_scrollbar(app, &st->scroll);
}

const ScreenDef screen_dev = {
    .name = "dev",
    .state_size = sizeof(DevState),
    .overlay = true,
    .enter = dev_enter,
    .handle = dev_handle_keys,
    .render = dev_render,
};
