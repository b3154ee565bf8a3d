/* screen_scene.c — a scene: illustration, speaker, text, the choices as
 * large numbered buttons (keys 1 to 9), unavailable ones disabled with
 * their reason, and the meters always in view. */
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "ui/app.h"
#include "ui/langnote.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_CHOICE = 10 };

typedef struct SceneState {
    UiScroll text_scroll, choice_scroll;
    double clock;             /* seconds since the text started to appear */
    bool revealed;            /* the whole text is shown */
} SceneState;

/* Progressive text, unless the player asked for no animation. */
static bool progressive(const App *app) {
    return app->settings.reveal == REVEAL_PROGRESSIVE && !app->reduced_motion;
}

static double reveal_seconds(const App *app) {
    const Scene *scene = app->game.session ? session_scene(app->game.session) : NULL;
    if (!scene) return 0;
    size_t chars = 0;
    for (const char *p = loc_get(&scene->text, app->lang, NULL); *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80) chars++;
    return (double)chars / (double)app->settings.ints[SET_TEXT_SPEED];
}

static void scene_enter(App *app, void *vst, int arg) {
    SceneState *st = vst;
    (void)arg;
    st->revealed = !progressive(app);
    ui_set_focus(&app->ui, "choice-1");
    game_scene_shown(&app->game);
}

static bool scene_update(App *app, void *vst, double dt) {
    SceneState *st = vst;
    if (st->revealed) return false;
    st->clock += dt;
    if (!progressive(app) || st->clock >= reveal_seconds(app)) st->revealed = true;
    return !st->revealed;
}

static void pick(App *app, int visible_index) {
    ChoiceView views[LIMIT_CHOICES];
    if (!app->game.session) return;
    uint16_t n = session_choices(app->game.session, views);
    if (visible_index < 0 || visible_index >= n || !views[visible_index].available) return;
    if (game_choose(&app->game, views[visible_index].index)) {
        char err[512];
        app->notice[0] = '\0';
        if (!game_save(&app->game, err, sizeof err)) SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "%s", err);
        app_replace(app, &screen_consequence, 0);
    }
}

static void scene_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    SceneState *st = vst;
    if (!st->revealed) {
        /* While the text appears, Enter, Space or a click shows it whole
         * (and picks nothing); number keys still choose. */
        bool key = ev->type == SDL_KEYDOWN && (ev->key.keysym.sym == SDLK_RETURN || ev->key.keysym.sym == SDLK_SPACE ||
                                               ev->key.keysym.sym == SDLK_KP_ENTER);
        if (key || action >= 0 || ev->type == SDL_MOUSEBUTTONDOWN) {
            st->revealed = true;
            app->redraw = true;
            return;
        }
    }
    if (ev->type == SDL_KEYDOWN) {
        SDL_Keycode k = ev->key.keysym.sym;
        if (k == SDLK_ESCAPE) {
            app_push(app, &screen_pause, 0);
            return;
        }
        if (k >= SDLK_1 && k <= SDLK_9) {
            pick(app, (int)(k - SDLK_1));
            return;
        }
        if (k >= SDLK_KP_1 && k <= SDLK_KP_9) {
            pick(app, (int)(k - SDLK_KP_1));
            return;
        }
    }
    if (action >= ACT_CHOICE && action < ACT_CHOICE + LIMIT_CHOICES) pick(app, action - ACT_CHOICE);
}

/* The scene's text, whole or in part while it appears. */
static int scene_text(App *app, const SceneState *st, const char *text, int x, int y, int w) {
    if (st->revealed) return widget_text_on(app, TS_BODY, FACE_REGULAR, COL_TEXT, COL_BG, text, x, y, w, "scene-text");
    const TextTex *tt = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), text, w, ALIGN_LEFT);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){x, y, tt->w, tt->h}, -1, true, "scene-text");
    double total = reveal_seconds(app);
    text_draw_partial(app->renderer, tt, x, y, text_line_height(app->text, TS_BODY, FACE_REGULAR),
                      total > 0 ? st->clock / total : 1.0);
    return tt->h;
}

/* The story part: title, illustration, speaker, text. */
static int story(App *app, const SceneState *st, const Scene *scene, int x, int y, int w, int img_h, bool side) {
    Lang l = app->lang;
    int y0 = y;
    if (app->notice[0]) {
        int pad = app_grid(app, 2);
        const TextTex *nt = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), app->notice, w - 2 * pad,
                                     ALIGN_LEFT);
        widget_panel(app, (SDL_Rect){x, y, w, nt->h + 2 * pad}, COL_TONE_MIXED, COL_BORDER);
        widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, app->notice, x + pad, y + pad, w - 2 * pad, "notice");
        y += nt->h + 2 * pad + app_grid(app, 2);
    }
    const char *title = loc_get(&scene->title, l, NULL);
    if (side && scene->image) {
        /* Narrow windows: the illustration beside the title and speaker, so
         * that the text and the choices come sooner. */
        int gap = app_grid(app, 3);
        int iw = w * 2 / 5;
        int lw = w - iw - gap;
        int ly = y;
        if (*title)
            ly += widget_text_on(app, TS_HEADING, FACE_BOLD, COL_TEXT, COL_BG, title, x, ly, lw, "scene-title") +
                  app_grid(app, 2);
        int sh = view_speaker(app, scene->speaker, x, ly, lw);
        if (sh) ly += sh + app_grid(app, 2);
        int ih = view_image(app, scene->image, x + lw + gap, y, iw, img_h, "illustration");
        if (ih) ih += app_grid(app, 2);
        y = ly > y + ih ? ly : y + ih;
    } else {
        if (*title)
            y += widget_text_on(app, TS_HEADING, FACE_BOLD, COL_TEXT, COL_BG, title, x, y, w, "scene-title") +
                 app_grid(app, 2);
        int ih = view_image(app, scene->image, x, y, w, img_h, "illustration");
        if (ih) y += ih + app_grid(app, 2);
        int sh = view_speaker(app, scene->speaker, x, y, w);
        if (sh) y += sh + app_grid(app, 2);
    }
    y += scene_text(app, st, loc_get(&scene->text, l, NULL), x, y, w);
    app_voice_page(app, title);
    app_voice_page(app, loc_get(&scene->text, l, NULL));
    return y - y0;
}

static int choices(App *app, int x, int y, int w) {
    ChoiceView views[LIMIT_CHOICES];
    const Scene *scene = session_scene(app->game.session);
    uint16_t n = session_choices(app->game.session, views);
    int y0 = y;
    y += widget_text_on(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, COL_BG, tr("scene.choose"), x, y, w, "prompt") +
         app_grid(app, 2);
    for (uint16_t i = 0; i < n; i++) {
        const Choice *c = &scene->choices[views[i].index];
        const char *label = loc_get(&c->text, app->lang, NULL);
        char note[1024] = "";
        if (!views[i].available)
            tr_format(note, sizeof note, "scene.unavailable", views[i].reason ? loc_get(views[i].reason, app->lang, NULL) : "",
                      NULL);
        int bh = widget_button_height(app, label, w, i + 1, note);
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "choice-%u", (unsigned)i + 1);
        widget_button(app, (SDL_Rect){x, y, w, bh}, ACT_CHOICE + i, name, label, BUTTON_CHOICE, views[i].available,
                      i + 1, note);
        y += bh + app_grid(app, 2);
    }
    return y - y0;
}

static void scene_render(App *app, void *vst) {
    SceneState *st = vst;
    const Scenario *sc = game_scenario(&app->game);
    const Scene *scene = app->game.session ? session_scene(app->game.session) : NULL;
    if (!sc || !scene) return;
    char right[256];
    if (scene->act) {
        char a[FMT_NUMBER_MAX], act[64];
        fmt_int(a, sizeof a, scene->act, app->lang);
        tr_format(act, sizeof act, "scene.act", a, NULL);
        snprintf(right, sizeof right, "%s · %s", act, tr("scene.pause"));
    } else {
        snprintf(right, sizeof right, "%s", tr("scene.pause"));
    }
    const LibEntry *e = app->game.current >= 0 ? &app->game.lib[app->game.current] : NULL;
    const char *note = langnote_short(langnote_of(e, app->lang));
    if (note) {
        size_t used = strlen(right);
        snprintf(right + used, sizeof right - used, " · %s", note);
    }
    int y = widget_header(app, loc_get(&sc->title, app->lang, NULL), right);
    bool band_inline = view_meter_band_inline(app, y);
    if (!band_inline) y += view_meter_band(app, y);
    int margin = app_grid(app, 3);
    int avail_h = app->h - y;
    bool wide = app->w >= app_px(app, 1000);
    if (wide) {
        int gap = app_grid(app, 4);
        int left_w = (app->w - 2 * margin - gap) * 11 / 20;
        int right_w = app->w - 2 * margin - gap - left_w;
        SDL_Rect lv = {0, y, margin + left_w + gap / 2, avail_h};
        int off = ui_scroll_begin(&app->ui, &st->text_scroll, lv);
        SDL_RenderSetClipRect(app->renderer, &lv);
        int band = band_inline ? view_meter_strip(app, margin, y + app_grid(app, 3) - off, left_w, NULL) + app_grid(app, 3) : 0;
        int h = band + story(app, st, scene, margin, y + app_grid(app, 3) + band - off, left_w, avail_h * 2 / 5, false);
        ui_scroll_end(&app->ui, &st->text_scroll, h + app_grid(app, 6));
        SDL_RenderSetClipRect(app->renderer, NULL);
        widget_scrollbar(app, &st->text_scroll);
        SDL_Rect rv = {lv.x + lv.w, y, app->w - lv.w, avail_h};
        off = ui_scroll_begin(&app->ui, &st->choice_scroll, rv);
        SDL_RenderSetClipRect(app->renderer, &rv);
        h = choices(app, margin + left_w + gap, y + app_grid(app, 3) - off, right_w);
        ui_scroll_end(&app->ui, &st->choice_scroll, h + app_grid(app, 4));
        SDL_RenderSetClipRect(app->renderer, NULL);
        widget_scrollbar(app, &st->choice_scroll);
    } else {
        int w = app->w - 2 * margin;
        SDL_Rect v = {0, y, app->w, avail_h};
        int off = ui_scroll_begin(&app->ui, &st->text_scroll, v);
        SDL_RenderSetClipRect(app->renderer, &v);
        int yy = y - off;
        if (band_inline) yy += view_meter_band(app, yy);
        yy += app_grid(app, 2);
        yy += story(app, st, scene, margin, yy, w, avail_h / 3, true) + app_grid(app, 3);
        yy += choices(app, margin, yy, w);
        ui_scroll_end(&app->ui, &st->text_scroll, yy + off - y + app_grid(app, 1));
        SDL_RenderSetClipRect(app->renderer, NULL);
        widget_scrollbar(app, &st->text_scroll);
    }
}

const ScreenDef screen_scene = {
    .name = "scene",
    .state_size = sizeof(SceneState),
    .enter = scene_enter,
    .handle = scene_handle,
    .update = scene_update,
    .render = scene_render,
};
