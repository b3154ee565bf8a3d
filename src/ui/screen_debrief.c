/* screen_debrief.c — the competency result of the play, apart from the
 * story's outcome: a bar per competency with its score and mastery in
 * words, the badge when earned, and the key decisions with what would have
 * been better and why. */
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "ui/app.h"
#include "ui/award.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_REPLAY = 1, ACT_LIBRARY = 2, ACT_PASSPORT = 3 };
enum { MAX_KEY = 32 };

typedef struct DebriefState { UiScroll scroll; } DebriefState;

static void debrief_enter(App *app, void *st, int arg) {
    (void)st;
    (void)arg;
    ui_set_focus(&app->ui, "library");
}

static void debrief_handle(App *app, void *st, const SDL_Event *ev, int action) {
    (void)st;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) {
        app_push(app, &screen_pause, 0);
    } else if (action == ACT_REPLAY) {
        int idx = app->game.current;
        if (game_start(&app->game, idx, app->opts.seed + 1, app->lang)) {
            app->opts.seed++;
            app_replace(app, &screen_scene, 0);
        }
    } else if (action == ACT_PASSPORT) {
        app_push(app, &screen_passport, 0);
    } else if (action == ACT_LIBRARY) {
        game_stop(&app->game);
        app_reset(app, &screen_title, 0);
        app_push(app, &screen_library, 0);
    }
}

static int competency_rows(App *app, int x, int y, int w) {
    const Scenario *sc = game_scenario(&app->game);
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(app->game.session, scores);
    int y0 = y;
    for (uint16_t i = 0; i < n; i++) {
        const CompetencyScore *cs = &scores[i];
        char name[512];
        snprintf(name, sizeof name, "%s%s%s%s", game_competency_name(&app->game, cs->competency, app->lang),
                 cs->competency < sc->n_targeted ? " (" : "", cs->competency < sc->n_targeted ? tr("deb.targeted") : "",
                 cs->competency < sc->n_targeted ? ")" : "");
        char status[128];
        if (cs->mastery == MASTERY_NOT_ASSESSED || cs->score < 0) {
            snprintf(status, sizeof status, "%s %s", view_mastery_mark(MASTERY_NOT_ASSESSED), view_mastery_label(MASTERY_NOT_ASSESSED));
        } else {
            char sv[FMT_NUMBER_MAX], sc100[64];
            fmt_int(sv, sizeof sv, cs->score, app->lang);
            tr_format(sc100, sizeof sc100, "deb.score", sv, NULL);
            snprintf(status, sizeof status, "%s · %s %s", sc100, view_mastery_mark(cs->mastery), view_mastery_label(cs->mastery));
        }
        int sw = text_width(app->text, TS_BODY, FACE_BOLD, status);
        int nw = w - sw - app_grid(app, 2);
        if (nw < w / 2) nw = w / 2;
        int nh = widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, name, x, y, nw, "competency");
        const TextTex *st = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), status, w - nw - app_grid(app, 2),
                                     ALIGN_LEFT);
        ui_add(&app->ui, UI_TEXT, (SDL_Rect){x + w - st->w, y, st->w, st->h}, -1, true, "mastery");
        widget_draw_text(app, st, x + w - st->w, y);
        y += (nh > st->h ? nh : st->h) + app_px(app, 6);
        widget_score_bar(app, (SDL_Rect){x, y, w, app_px(app, 12)}, cs->score < 0 ? 0 : cs->score, view_mastery_color(cs->mastery),
                         "score-bar");
        y += app_px(app, 12) + app_grid(app, 3);
    }
    return y - y0;
}

/* One panel: the badge drawn for the player (award.c) left of `text`
 * when `png` is given, else a star before the text when `earned`. */
static int badge_panel(App *app, const char *text, const char *png, bool earned, int x, int y, int w, int level) {
    int pad = app_grid(app, 2);
    char full[1100], name[UI_NAME_LEN], image_name[UI_NAME_LEN];
    snprintf(full, sizeof full, "%s%s", earned && !png[0] ? "★ " : "", text);
    if (earned) snprintf(name, sizeof name, "badge-%d", level);
    else snprintf(name, sizeof name, "no-badge");
    snprintf(image_name, sizeof image_name, "badge-image-%d", level);
    int side = png[0] ? app_px(app, 112) : 0, iw = 0, ih = 0;
    SDL_Texture *img = side ? image_get(app->images, png, side, side, NULL, &iw, &ih) : NULL;
    iw = ih = side; /* a PNG texture keeps its natural size: draw it scaled */
    int tx = img ? iw + pad : 0;
    const TextTex *tt =
        text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), full, w - 2 * pad - tx, ALIGN_LEFT);
    int inner = img && ih > tt->h ? ih : tt->h;
    int h = inner + 2 * pad;
    widget_panel(app, (SDL_Rect){x, y, w, h}, earned ? COL_TONE_POSITIVE : COL_SURFACE_ALT, COL_BORDER);
    if (img) {
        SDL_Rect dst = {x + pad, y + pad, iw, ih};
        SDL_RenderCopy(app->renderer, img, NULL, &dst);
        ui_add(&app->ui, UI_IMAGE, dst, -1, true, image_name);
    }
    widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, full, x + pad + tx, y + pad + (inner - tt->h) / 2, w - 2 * pad - tx,
                name);
    return h;
}

/* Every badge this play earns, one panel per course level from N1 up (as
 * the passport lists them), or what it takes to earn one. */
static int badge_panels(App *app, int x, int y, int w) {
    const Framework *fw = game_framework(&app->game);
    uint8_t b = session_badges(app->game.session);
    int y0 = y;
    for (int l = 1; l <= 3; l++) {
        if (!(b & (1u << (l - 1)))) continue;
        char png[2048], lv[4], text[1024];
        if (!award_png_path(&app->game, l, png, sizeof png)) png[0] = '\0';
        snprintf(lv, sizeof lv, "%d", l);
        tr_format(text, sizeof text, "deb.badge", lv, view_level_name(app, fw, l));
        y += badge_panel(app, text, png, true, x, y, w, l) + app_grid(app, 1);
    }
    if (y == y0) return badge_panel(app, tr("deb.no_badge"), "", false, x, y, w, 0);
    return y - y0 - app_grid(app, 1);
}

static int key_decisions(App *app, int x, int y, int w) {
    const Scenario *sc = game_scenario(&app->game);
    KeyDecision kd[MAX_KEY];
    uint32_t n = session_key_decisions(app->game.session, kd, MAX_KEY);
    int y0 = y;
    Lang l = app->lang;
    if (n == 0) return widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("deb.none"), x, y, w, "no-key");
    int pad = app_grid(app, 2);
    int iw = w - 2 * pad;
    for (uint32_t i = 0; i < n; i++) {
        const Scene *scene = &sc->scenes[kd[i].scene];
        const Choice *chosen = &scene->choices[kd[i].chosen];
        const Choice *best = &scene->choices[kd[i].best];
        char lines[4][2048];
        const char *title = loc_get(&scene->title, l, NULL);
        snprintf(lines[0], sizeof lines[0], "%s", *title ? title : scene->id);
        tr_format(lines[1], sizeof lines[1], "deb.you_chose", loc_get(&chosen->text, l, NULL), NULL);
        tr_format(lines[2], sizeof lines[2], "deb.better", loc_get(&best->text, l, NULL), NULL);
        const char *why = loc_get(&scene->debrief, l, NULL);
        if (!*why) why = loc_get(&best->feedback.principle, l, NULL);
        if (*why) tr_format(lines[3], sizeof lines[3], "deb.why", why, NULL);
        else lines[3][0] = '\0';
        const TextStyle styles[4] = {TS_BODY, TS_BODY, TS_BODY, TS_BODY};
        const FontFace faces[4] = {FACE_BOLD, FACE_REGULAR, FACE_BOLD, FACE_REGULAR};
        int h = 2 * pad;
        for (int k = 0; k < 4; k++)
            if (lines[k][0])
                h += text_get(app->text, styles[k], faces[k], app_color(app, COL_TEXT), lines[k], iw, ALIGN_LEFT)->h +
                     app_px(app, 6);
        widget_panel(app, (SDL_Rect){x, y, w, h}, COL_SURFACE, COL_BORDER);
        int yy = y + pad;
        static const char *const NAMES[4] = {"key-scene", "key-chosen", "key-better", "key-why"};
        for (int k = 0; k < 4; k++)
            if (lines[k][0]) yy += widget_text(app, styles[k], faces[k], COL_TEXT, lines[k], x + pad, yy, iw, NAMES[k]) + app_px(app, 6);
        y += h + app_grid(app, 2);
    }
    return y - y0 - app_grid(app, 2);
}

static void debrief_render(App *app, void *vst) {
    DebriefState *st = vst;
    const Scenario *sc = game_scenario(&app->game);
    if (!sc || !app->game.session) return;
    int hh = widget_header(app, tr("deb.title"), loc_get(&sc->title, app->lang, NULL));
    BarButton bar[] = {{ACT_REPLAY, "replay", tr("deb.replay"), BUTTON_SECONDARY, true},
                       {ACT_PASSPORT, "passport", tr("deb.passport"), BUTTON_SECONDARY, true},
                       {ACT_LIBRARY, "library", tr("deb.library"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 3);
    int x = page.x, w = page.w;
    if (app->progress_notice[0]) {
        int pad = app_grid(app, 2);
        const TextTex *nt = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), app->progress_notice,
                                     w - 2 * pad, ALIGN_LEFT);
        widget_panel(app, (SDL_Rect){x, y, w, nt->h + 2 * pad}, COL_SURFACE_ALT, COL_BORDER);
        widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, app->progress_notice, x + pad, y + pad, w - 2 * pad, "notice");
        y += nt->h + 2 * pad + app_grid(app, 2);
    }
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("deb.competencies"), x, y, w, "heading") + app_grid(app, 2);
    y += competency_rows(app, x, y, w);
    y += badge_panels(app, x, y, w) + app_grid(app, 4);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("deb.key"), x, y, w, "heading") + app_grid(app, 2);
    y += key_decisions(app, x, y, w) + app_grid(app, 3);
    if (app->game.result_path[0]) {
        char msg[1200];
        tr_format(msg, sizeof msg, "deb.saved", app->game.result_path, NULL);
        y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, msg, x, y, w, "saved") + app_grid(app, 2);
    }
    if (app->game.export_msg[0])
        y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, app->game.export_msg, x, y, w, "exported") +
             app_grid(app, 2);
    view_page_end(app, &page, y);
}

const ScreenDef screen_debrief = {
    .name = "debrief",
    .state_size = sizeof(DebriefState),
    .enter = debrief_enter,
    .handle = debrief_handle,
    .render = debrief_render,
};
