/* widget.c — themed drawing of panels, buttons, text, meters; see widget.h. */
#include "ui/widget.h"

#include <math.h>
#include <stdio.h>

#include "core/fmt.h"
#include "ui/tr.h"

static void set_color(App *app, Rgba c) {
    SDL_SetRenderDrawColor(app->renderer, c.r, c.g, c.b, c.a);
}

void widget_fill_rgba(App *app, SDL_Rect r, Rgba c) {
    SDL_SetRenderDrawBlendMode(app->renderer, c.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    set_color(app, c);
    SDL_RenderFillRect(app->renderer, &r);
}

void widget_fill(App *app, SDL_Rect r, ThemeColor c) {
    widget_fill_rgba(app, r, app_color(app, c));
}

static void round_rect(App *app, SDL_Rect r, int rad, Rgba c) {
    if (rad * 2 > r.h) rad = r.h / 2;
    if (rad * 2 > r.w) rad = r.w / 2;
    set_color(app, c);
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_NONE);
    SDL_Rect mid = {r.x, r.y + rad, r.w, r.h - 2 * rad};
    SDL_RenderFillRect(app->renderer, &mid);
    for (int dy = 0; dy < rad; dy++) {
        double yy = rad - dy - 0.5;
        int dx = (int)(rad - sqrt((double)rad * rad - yy * yy) + 0.5);
        SDL_Rect top = {r.x + dx, r.y + dy, r.w - 2 * dx, 1};
        SDL_Rect bot = {r.x + dx, r.y + r.h - 1 - dy, r.w - 2 * dx, 1};
        SDL_RenderFillRect(app->renderer, &top);
        SDL_RenderFillRect(app->renderer, &bot);
    }
}

void widget_panel(App *app, SDL_Rect r, ThemeColor fill, ThemeColor border) {
    int rad = app_px(app, app->theme.radius);
    int bw = app_px(app, 1) > 0 ? app_px(app, 1) : 1;
    if (fill != border) {
        round_rect(app, r, rad, app_color(app, border));
        r = (SDL_Rect){r.x + bw, r.y + bw, r.w - 2 * bw, r.h - 2 * bw};
        rad = rad > bw ? rad - bw : 0;
    }
    round_rect(app, r, rad, app_color(app, fill));
}

void widget_focus_ring(App *app, SDL_Rect r) {
    int fw = app_px(app, app->theme.focus_width);
    if (fw < 2) fw = 2;
    int gap = fw / 2 + 1;
    SDL_Rect o = {r.x - gap - fw, r.y - gap - fw, r.w + 2 * (gap + fw), r.h + 2 * (gap + fw)};
    SDL_Rect sides[4] = {
        {o.x, o.y, o.w, fw}, {o.x, o.y + o.h - fw, o.w, fw}, {o.x, o.y, fw, o.h}, {o.x + o.w - fw, o.y, fw, o.h}};
    set_color(app, app_color(app, COL_FOCUS));
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_NONE);
    SDL_RenderFillRects(app->renderer, sides, 4);
}

void widget_draw_text(App *app, const TextTex *tt, int x, int y) {
    text_draw(app->renderer, tt, x, y);
}

int widget_text(App *app, TextStyle style, FontFace face, ThemeColor color, const char *s, int x, int y, int w,
                const char *name) {
    return widget_text_on(app, style, face, color, COL_COUNT, s, x, y, w, name);
}

int widget_text_on(App *app, TextStyle style, FontFace face, ThemeColor color, ThemeColor bg, const char *s, int x,
                   int y, int w, const char *name) {
    if (!s || !*s) return 0;
    Rgba matte = bg < COL_COUNT ? app_color(app, bg) : (Rgba){0, 0, 0, 0};
    const TextTex *tt = text_get_on(app->text, style, face, app_color(app, color), bg < COL_COUNT ? &matte : NULL, s, w,
                                    ALIGN_LEFT);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){x, y, tt->w, tt->h}, -1, true, name ? name : "text");
    widget_draw_text(app, tt, x, y);
    return tt->h;
}

typedef struct ButtonMetrics { int pad_x, pad_y, badge, gap, label_w; } ButtonMetrics;

static ButtonMetrics button_metrics(App *app, int w, int number) {
    ButtonMetrics m;
    m.pad_x = app_grid(app, 2);
    m.pad_y = app_px(app, 12);
    m.gap = app_grid(app, 2);
    m.badge = number > 0 ? app_px(app, 34) : 0;
    m.label_w = w - 2 * m.pad_x - (number > 0 ? m.badge + m.gap : 0);
    if (m.label_w < app_px(app, 40)) m.label_w = app_px(app, 40);
    return m;
}

int widget_button_height(App *app, const char *label, int w, int number, const char *note) {
    ButtonMetrics m = button_metrics(app, w, number);
    FontFace face = number > 0 ? FACE_REGULAR : FACE_BOLD;
    /* Measured as widget_button draws a choice (an enabled one, and the note
     * of a disabled one), so that drawing it finds the same cached text. */
    Rgba surface = app_color(app, COL_SURFACE), disabled = app_color(app, COL_DISABLED_BG);
    const TextTex *tt =
        text_get_on(app->text, TS_BODY, face, app_color(app, COL_TEXT), &surface, label, m.label_w, ALIGN_LEFT);
    int h = tt->h;
    if (note && *note) {
        const TextTex *nt = text_get_on(app->text, TS_SMALL, FACE_REGULAR, app_color(app, COL_DISABLED_TEXT), &disabled,
                                        note, m.label_w, ALIGN_LEFT);
        h += app_px(app, 6) + nt->h;
    }
    int min_h = app_px(app, 48);
    if (number > 0 && m.badge > h) h = m.badge;
    h += 2 * m.pad_y;
    return h < min_h ? min_h : h;
}

const UiItem *widget_button(App *app, SDL_Rect r, int id, const char *name, const char *label, ButtonKind kind,
                            bool enabled, int number, const char *note) {
    const UiItem *it = ui_add(&app->ui, UI_BUTTON, r, id, enabled, name);
    bool hot = it && (ui_is_hovered(&app->ui, it) || ui_is_pressed(&app->ui, it));
    ThemeColor bg, fg, border;
    if (!enabled) {
        bg = COL_DISABLED_BG;
        fg = COL_DISABLED_TEXT;
        border = COL_DISABLED_BG;
    } else if (kind == BUTTON_PRIMARY) {
        bg = hot ? COL_ACCENT_HOVER : COL_ACCENT;
        fg = COL_ACCENT_TEXT;
        border = bg;
    } else {
        bg = hot ? COL_SURFACE_ALT : COL_SURFACE;
        fg = COL_TEXT;
        border = hot ? COL_ACCENT : COL_BORDER;
    }
    widget_panel(app, r, bg, border);
    if (hot && enabled && kind != BUTTON_PRIMARY) {
        int bw = app_px(app, 2) > 1 ? app_px(app, 2) : 2;
        widget_fill(app, (SDL_Rect){r.x, r.y + app_px(app, 4), bw, r.h - 2 * app_px(app, 4)}, COL_ACCENT);
    }
    ButtonMetrics m = button_metrics(app, r.w, number);
    FontFace face = kind == BUTTON_CHOICE ? FACE_REGULAR : FACE_BOLD;
    Rgba matte = app_color(app, bg); /* the label lies inside the panel's fill */
    const TextTex *tt = text_get_on(app->text, TS_BODY, face, app_color(app, fg), &matte, label, m.label_w,
                                    kind == BUTTON_CHOICE ? ALIGN_LEFT : ALIGN_CENTER);
    const TextTex *nt = NULL;
    int content_h = tt->h;
    if (note && *note) {
        nt = text_get_on(app->text, TS_SMALL, FACE_REGULAR, app_color(app, fg), &matte, note, m.label_w, ALIGN_LEFT);
        content_h += app_px(app, 6) + nt->h;
    }
    int x = r.x + m.pad_x;
    if (number > 0) {
        SDL_Rect badge = {x, r.y + (r.h - m.badge) / 2, m.badge, m.badge};
        widget_panel(app, badge, enabled ? COL_ACCENT : COL_DISABLED_BG, enabled ? COL_ACCENT : COL_BORDER);
        char num[16];
        snprintf(num, sizeof num, "%d", number);
        const TextTex *bt = text_get(app->text, TS_BODY, FACE_BOLD,
                                     app_color(app, enabled ? COL_ACCENT_TEXT : COL_DISABLED_TEXT), num, 0, ALIGN_LEFT);
        widget_draw_text(app, bt, badge.x + (badge.w - bt->w) / 2, badge.y + (badge.h - bt->h) / 2);
        x += m.badge + m.gap;
    }
    int y = r.y + (r.h - content_h) / 2;
    int tx = kind == BUTTON_CHOICE ? x : r.x + (r.w - tt->w) / 2;
    widget_draw_text(app, tt, tx, y);
    if (nt) widget_draw_text(app, nt, x, y + tt->h + app_px(app, 6));
    if (it && ui_is_focused(&app->ui, it)) {
        widget_focus_ring(app, r);
        app_voice_focus(app, label);
        app_voice_focus(app, note);
    }
    return it;
}

int widget_header(App *app, const char *title, const char *right) {
    int pad = app_grid(app, 3);
    int rw = 0;
    const TextTex *rt = NULL;
    Rgba matte = app_color(app, COL_HEADER);
    if (right && *right) {
        rt = text_get_on(app->text, TS_SMALL, FACE_REGULAR, app_color(app, COL_HEADER_TEXT), &matte, right, app->w / 3,
                         ALIGN_LEFT);
        rw = rt->w + pad;
    }
    const TextTex *tt = text_get_on(app->text, TS_SUBHEADING, FACE_BOLD, app_color(app, COL_HEADER_TEXT), &matte, title,
                                    app->w - 2 * pad - rw, ALIGN_LEFT);
    int h = tt->h + 2 * app_grid(app, 2);
    if (rt && rt->h + 2 * app_grid(app, 2) > h) h = rt->h + 2 * app_grid(app, 2);
    if (h < app_px(app, 56)) h = app_px(app, 56);
    widget_fill(app, (SDL_Rect){0, 0, app->w, h}, COL_HEADER);
    app_voice_page(app, title);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){pad, (h - tt->h) / 2, tt->w, tt->h}, -1, true, "header-title");
    widget_draw_text(app, tt, pad, (h - tt->h) / 2);
    if (rt) {
        ui_add(&app->ui, UI_TEXT, (SDL_Rect){app->w - pad - rt->w, (h - rt->h) / 2, rt->w, rt->h}, -1, true,
               "header-right");
        widget_draw_text(app, rt, app->w - pad - rt->w, (h - rt->h) / 2);
    }
    return h;
}

static const char *direction_text(const Meter *m) {
    return m->higher_is_better ? tr("meter.good_high") : tr("meter.good_low");
}

/* Compact meter: label and value on one line, the bar, then the good
 * direction in words. */
static void meter_value_text(const Meter *m, int value, char *out, size_t n, Lang lang) {
    char a[FMT_NUMBER_MAX], b[FMT_NUMBER_MAX];
    tr_format(out, n, "meter.value", fmt_int(a, sizeof a, value, lang), fmt_int(b, sizeof b, m->max, lang));
}

int widget_meter_height(App *app, const Meter *m, int w) {
    char val[48];
    meter_value_text(m, m->max, val, sizeof val, app->lang);
    int vw = text_width(app->text, TS_SMALL, FACE_BOLD, val);
    int lw = w - vw - app_grid(app, 1);
    const TextTex *lt = text_get(app->text, TS_SMALL, FACE_BOLD, app_color(app, COL_TEXT),
                                 loc_get(&m->label, app->lang, NULL), lw > 0 ? lw : 1, ALIGN_LEFT);
    const TextTex *dt = text_get(app->text, TS_SMALL, FACE_REGULAR, app_color(app, COL_TEXT_MUTED), direction_text(m),
                                 w, ALIGN_LEFT);
    return lt->h + app_px(app, 4) + app_px(app, 10) + app_px(app, 4) + dt->h;
}

int widget_meter_label_height(App *app, const Meter *m, int w) {
    char maxval[48];
    meter_value_text(m, m->max, maxval, sizeof maxval, app->lang);
    int lw = w - text_width(app->text, TS_SMALL, FACE_BOLD, maxval) - app_grid(app, 1);
    const TextTex *lt = text_get(app->text, TS_SMALL, FACE_BOLD, app_color(app, COL_TEXT),
                                 loc_get(&m->label, app->lang, NULL), lw > 0 ? lw : 1, ALIGN_LEFT);
    return lt->h;
}

void widget_meter(App *app, SDL_Rect r, const Meter *m, int value, double shown, int label_h, const char *name) {
    char val[48];
    meter_value_text(m, value, val, sizeof val, app->lang);
    const TextTex *vt = text_get(app->text, TS_SMALL, FACE_BOLD, app_color(app, COL_TEXT), val, 0, ALIGN_LEFT);
    char maxval[48];
    meter_value_text(m, m->max, maxval, sizeof maxval, app->lang);
    int lw = r.w - text_width(app->text, TS_SMALL, FACE_BOLD, maxval) - app_grid(app, 1);
    int y = r.y;
    int lh = widget_text(app, TS_SMALL, FACE_BOLD, COL_TEXT, loc_get(&m->label, app->lang, NULL), r.x, y,
                         lw > 0 ? lw : 1, name);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){r.x + r.w - vt->w, y, vt->w, vt->h}, -1, true, "meter-value");
    widget_draw_text(app, vt, r.x + r.w - vt->w, y);
    if (label_h > lh) lh = label_h;
    y += (lh > vt->h ? lh : vt->h) + app_px(app, 4);
    int bar_h = app_px(app, 10);
    int notch = app_px(app, 4) > 2 ? app_px(app, 4) : 2;
    SDL_Rect track = {r.x + notch, y, r.w - 2 * notch, bar_h};
    widget_fill(app, track, COL_BAR_TRACK);
    double span = (double)(m->max - m->min);
    double frac = span > 0 ? (shown - m->min) / span : 0;
    if (frac < 0) frac = 0;
    if (frac > 1) frac = 1;
    widget_fill(app, (SDL_Rect){track.x, y, (int)(track.w * frac + 0.5), bar_h}, COL_BAR_FILL);
    /* A dark notch marks the good end of the bar: direction in shape, not colour. */
    widget_fill(app, (SDL_Rect){m->higher_is_better ? r.x + r.w - notch : r.x, y - app_px(app, 3), notch, bar_h + 2 * app_px(app, 3)},
                COL_TEXT);
    ui_add(&app->ui, UI_BAR, (SDL_Rect){r.x, y - app_px(app, 3), r.w, bar_h + 2 * app_px(app, 3)}, -1, true, "meter-bar");
    y += bar_h + app_px(app, 4);
    widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, direction_text(m), r.x, y, r.w, "meter-direction");
}

void widget_score_bar(App *app, SDL_Rect r, int score, ThemeColor fill, const char *name) {
    widget_fill(app, r, COL_BAR_TRACK);
    if (score > 0) widget_fill(app, (SDL_Rect){r.x, r.y, r.w * (score > 100 ? 100 : score) / 100, r.h}, fill);
    ui_add(&app->ui, UI_BAR, r, -1, true, name);
}

void widget_scrollbar(App *app, const UiScroll *sc) {
    if (sc->content_h <= sc->view.h || sc->content_h <= 0) return;
    int w = app_px(app, 6) > 3 ? app_px(app, 6) : 3;
    SDL_Rect track = {sc->view.x + sc->view.w - w, sc->view.y, w, sc->view.h};
    widget_fill(app, track, COL_BAR_TRACK);
    int th = sc->view.h * sc->view.h / sc->content_h;
    if (th < app_px(app, 24)) th = app_px(app, 24);
    int ty = sc->view.y + (int)((long long)(sc->view.h - th) * sc->offset / (sc->content_h - sc->view.h));
    widget_fill(app, (SDL_Rect){track.x, ty, w, th}, COL_BORDER);
}
