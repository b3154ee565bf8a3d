/* screen_settings.c — settings: the language of the interface and of the
 * scenarios (switched at once, mid-play too), and window or fullscreen.
 * More settings (text size, contrast, fonts, voice) come with issue 5. */
#include <stdio.h>

#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_BACK = 1, ACT_FR = 10, ACT_EN = 11, ACT_WINDOW = 20, ACT_FULLSCREEN = 21 };

typedef struct SettingsState { UiScroll scroll; } SettingsState;

static void settings_enter(App *app, void *st, int arg) {
    (void)st;
    (void)arg;
    ui_set_focus(&app->ui, app->lang == LANG_FR ? "lang-fr" : "lang-en");
}

static void settings_handle(App *app, void *st, const SDL_Event *ev, int action) {
    (void)st;
    if ((ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) || action == ACT_BACK) {
        app_pop(app);
        return;
    }
    switch (action) {
    case ACT_FR: app_set_lang(app, LANG_FR); break;
    case ACT_EN: app_set_lang(app, LANG_EN); break;
    case ACT_WINDOW: if (app->fullscreen) app_toggle_fullscreen(app); break;
    case ACT_FULLSCREEN: if (!app->fullscreen) app_toggle_fullscreen(app); break;
    default: break;
    }
}

/* Two choices side by side (stacked when narrow), the current one marked in
 * words and filled. */
static int pair(App *app, int x, int y, int w, const char *a, const char *b, int id_a, const char *name_a,
                const char *name_b, bool first_on) {
    char la[128], lb[128];
    if (first_on) {
        tr_format(la, sizeof la, "set.current", a, NULL);
        snprintf(lb, sizeof lb, "%s", b);
    } else {
        snprintf(la, sizeof la, "%s", a);
        tr_format(lb, sizeof lb, "set.current", b, NULL);
    }
    int gap = app_grid(app, 2);
    bool stack = w < app_px(app, 440);
    int bw = stack ? w : (w - gap) / 2;
    int ha = widget_button_height(app, la, bw, 0, NULL), hb = widget_button_height(app, lb, bw, 0, NULL);
    int bh = ha > hb ? ha : hb;
    widget_button(app, (SDL_Rect){x, y, bw, bh}, id_a, name_a, la, first_on ? BUTTON_PRIMARY : BUTTON_SECONDARY, true, 0,
                  NULL);
    SDL_Rect rb = stack ? (SDL_Rect){x, y + bh + gap, bw, bh} : (SDL_Rect){x + bw + gap, y, bw, bh};
    widget_button(app, rb, id_a + 1, name_b, lb, first_on ? BUTTON_SECONDARY : BUTTON_PRIMARY, true, 0, NULL);
    return stack ? 2 * bh + gap : bh;
}

static void settings_render(App *app, void *vst) {
    SettingsState *st = vst;
    int hh = widget_header(app, tr("set.title"), NULL);
    BarButton bar[] = {{ACT_BACK, "back", tr("common.back"), BUTTON_PRIMARY, true}};
    int bh = view_bar_height(app, bar, 1);
    SDL_Rect view = {0, hh, app->w, app->h - hh - bh};
    int margin = app_grid(app, 3);
    int w = view_column_width(app, app->w - 2 * margin, 720);
    int x = (app->w - w) / 2;
    int off = ui_scroll_begin(&app->ui, &st->scroll, view);
    SDL_RenderSetClipRect(app->renderer, &view);
    int y = view.y + app_grid(app, 3) - off;
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("set.language"), x, y, w, "heading") + app_grid(app, 2);
    y += pair(app, x, y, w, tr("set.fr"), tr("set.en"), ACT_FR, "lang-fr", "lang-en", app->lang == LANG_FR);
    y += app_grid(app, 4);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("set.display"), x, y, w, "heading") + app_grid(app, 2);
    y += pair(app, x, y, w, tr("set.windowed"), tr("set.fullscreen"), ACT_WINDOW, "windowed", "fullscreen",
              !app->fullscreen);
    y += app_grid(app, 2);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, tr("set.keys"), x, y, w, "note");
    y += app_grid(app, 3);
    ui_scroll_end(&app->ui, &st->scroll, y + off - view.y);
    SDL_RenderSetClipRect(app->renderer, NULL);
    widget_scrollbar(app, &st->scroll);
    view_bar(app, app->h - bh, bar, 1);
}

const ScreenDef screen_settings = {
    .name = "settings",
    .state_size = sizeof(SettingsState),
    .enter = settings_enter,
    .handle = settings_handle,
    .render = settings_render,
};
