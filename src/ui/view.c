/* view.c — shared screen building blocks; see view.h. */
#include "ui/view.h"

#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "ui/tr.h"

enum { BAR_MAX = 8 };

/* Where the bar's buttons go, relative to the bar's top: right-aligned
 * rows, filled from the last button (the main action stays at the bottom
 * right) with as many as fit side by side; when no two fit together, one
 * a row across the whole width (a lone button keeps its width). Returns
 * the bar's height. */
static int bar_layout(App *app, const BarButton *b, int n, SDL_Rect r[BAR_MAX]) {
    int pad = app_grid(app, 2), gap = app_grid(app, 1);
    if (n > BAR_MAX) n = BAR_MAX;
    int widths[BAR_MAX], bh = 0;
    for (int i = 0; i < n; i++) {
        widths[i] = text_width(app->text, TS_BODY, FACE_BOLD, b[i].label) + app_grid(app, 6);
        if (widths[i] < app_px(app, 160)) widths[i] = app_px(app, 160);
        if (widths[i] > app->w - 2 * pad) widths[i] = app->w - 2 * pad;
        int hh = widget_button_height(app, b[i].label, widths[i], 0, NULL);
        if (hh > bh) bh = hh;
    }
    /* Rows from the bottom: row_of[i] counts up from the last row. */
    int row_of[BAR_MAX], rows = 0, used = 0;
    bool side_by_side = false;
    for (int i = n - 1; i >= 0; i--) {
        if (used > 0 && used + pad + widths[i] + pad > app->w) {
            rows++;
            used = 0;
        }
        if (used > 0) side_by_side = true;
        used += pad + widths[i];
        row_of[i] = rows;
    }
    rows = n > 0 ? rows + 1 : 0;
    int x = app->w - pad, row = 0;
    for (int i = n - 1; i >= 0; i--) {
        if (row_of[i] != row) {
            row = row_of[i];
            x = app->w - pad;
        }
        int y = pad + (rows - 1 - row) * (bh + gap);
        if (n > 1 && !side_by_side) {
            r[i] = (SDL_Rect){pad, y, app->w - 2 * pad, bh};
        } else {
            x -= widths[i];
            r[i] = (SDL_Rect){x, y, widths[i], bh};
            x -= pad;
        }
    }
    return rows * bh + (rows > 1 ? (rows - 1) * gap : 0) + 2 * pad;
}

int view_bar_height(App *app, const BarButton *b, int n) {
    SDL_Rect r[BAR_MAX];
    return bar_layout(app, b, n, r);
}

void view_bar(App *app, int y, const BarButton *b, int n) {
    SDL_Rect r[BAR_MAX];
    int h = bar_layout(app, b, n, r);
    widget_fill(app, (SDL_Rect){0, y, app->w, h}, COL_SURFACE);
    widget_fill(app, (SDL_Rect){0, y, app->w, app_px(app, 1) > 0 ? app_px(app, 1) : 1}, COL_BORDER);
    /* Registered in reading order, which is the focus order (Tab): rows
     * top to bottom, left to right on a row (the buttons' own order). */
    for (int i = 0; i < n && i < BAR_MAX; i++) {
        r[i].y += y;
        widget_button(app, r[i], b[i].id, b[i].name, b[i].label, b[i].kind, b[i].enabled, 0, NULL);
    }
}

int view_page_begin(App *app, ViewPage *p, UiScroll *scroll, int header_h, const BarButton *bar, int n_bar) {
    p->bar = bar;
    p->n_bar = n_bar;
    p->bar_h = view_bar_height(app, bar, n_bar);
    p->view = (SDL_Rect){0, header_h, app->w, app->h - header_h - p->bar_h};
    p->w = view_column_width(app, app->w - 2 * app_grid(app, 3), 960);
    p->x = (app->w - p->w) / 2;
    p->scroll = scroll;
    p->off = ui_scroll_begin(&app->ui, scroll, p->view);
    SDL_RenderSetClipRect(app->renderer, &p->view);
    return p->view.y + app_grid(app, 3) - p->off;
}

void view_page_end(App *app, const ViewPage *p, int y) {
    ui_scroll_end(&app->ui, p->scroll, y + p->off - p->view.y);
    SDL_RenderSetClipRect(app->renderer, NULL);
    widget_scrollbar(app, p->scroll);
    view_bar(app, app->h - p->bar_h, p->bar, p->n_bar);
}

const char *view_mastery_label(Mastery m) {
    static const char *const K[] = {"mastery.not_assessed", "mastery.to_work_on", "mastery.in_progress",
                                    "mastery.acquired"};
    return tr((unsigned)m < 4 ? K[m] : K[0]);
}

const char *view_mastery_mark(Mastery m) {
    static const char *const M[] = {"–", "○", "◆", "★"};
    return (unsigned)m < 4 ? M[m] : M[0];
}

ThemeColor view_mastery_color(Mastery m) {
    switch (m) {
    case MASTERY_ACQUIRED: return COL_GOOD;
    case MASTERY_IN_PROGRESS: return COL_BAR_FILL;
    case MASTERY_TO_WORK_ON: return COL_BAD;
    default: return COL_BAR_TRACK;
    }
}

const char *view_level_name(const App *app, const Framework *fw, int level) {
    if (level < 1 || level > 3) level = 1;
    if (fw) {
        const char *s = loc_get(&fw->level_names[level - 1], app->lang, NULL);
        if (*s) return s;
    }
    static const char *const K[] = {"level.1", "level.2", "level.3"};
    return tr(K[level - 1]);
}

int view_column_width(App *app, int avail, int max720) {
    int m = app_px(app, max720);
    return avail < m ? avail : m;
}

int view_section(App *app, const char *heading, const char *body, int x, int y, int w, const char *name) {
    int y0 = y;
    if (heading && *heading) {
        y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, heading, x, y, w, "heading");
        y += app_grid(app, 1);
    }
    if (body && *body) y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, body, x, y, w, name);
    app_voice_page(app, heading);
    app_voice_page(app, body);
    return y - y0;
}

/* Illustrations and portraits lie on the page's plain background. */
static SDL_Color page_matte(App *app) {
    Rgba c = app_color(app, COL_BG);
    return (SDL_Color){c.r, c.g, c.b, 255};
}

int view_image(App *app, const char *rel, int x, int y, int w, int max_h, const char *name) {
    char path[2048];
    if (!rel || !game_asset_path(&app->game, rel, path, sizeof path)) return 0;
    int iw, ih;
    SDL_Color bg = page_matte(app);
    SDL_Texture *t = image_get(app->images, path, w, max_h, &bg, &iw, &ih);
    if (!t) return 0;
    SDL_Rect dst = {x + (w - iw) / 2, y, iw, ih};
    SDL_RenderCopy(app->renderer, t, NULL, &dst);
    ui_add(&app->ui, UI_IMAGE, dst, -1, true, name);
    return ih;
}

int view_speaker(App *app, int32_t speaker, int x, int y, int w) {
    const Scenario *sc = game_scenario(&app->game);
    if (!sc || speaker < 0 || speaker >= sc->n_characters) return 0;
    const Character *c = &sc->characters[speaker];
    int size = app_px(app, 64);
    int tx = x;
    int ph = 0;
    char path[2048];
    if (c->portrait && game_asset_path(&app->game, c->portrait, path, sizeof path)) {
        int iw, ih;
        SDL_Color bg = page_matte(app);
        SDL_Texture *t = image_get(app->images, path, size, size, &bg, &iw, &ih);
        if (t) {
            SDL_Rect dst = {x, y, iw, ih};
            SDL_RenderCopy(app->renderer, t, NULL, &dst);
            ui_add(&app->ui, UI_IMAGE, dst, -1, true, "portrait");
            tx = x + size + app_grid(app, 2);
            ph = ih;
        }
    }
    int tw = w - (tx - x);
    int th = widget_text_on(app, TS_BODY, FACE_BOLD, COL_TEXT, COL_BG, loc_get(&c->name, app->lang, NULL), tx, y, tw,
                            "speaker");
    th += widget_text_on(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, COL_BG, loc_get(&c->role, app->lang, NULL), tx,
                         y + th, tw, "speaker-role");
    return th > ph ? th : ph;
}

/* Width of the longest word of `s` (words split at ASCII spaces). */
static int longest_word(App *app, TextStyle style, FontFace face, const char *s) {
    char word[256];
    int best = 0;
    while (*s) {
        while (*s == ' ') s++;
        size_t n = strcspn(s, " ");
        if (n == 0) break;
        size_t k = n < sizeof word - 1 ? n : sizeof word - 1;
        memcpy(word, s, k);
        word[k] = '\0';
        int w = text_width(app->text, style, face, word);
        if (w > best) best = w;
        s += n;
    }
    return best;
}

/* Columns for the meter strip: as many as fit, but few enough that no label
 * has to break inside a word, then balanced across rows. */
static int strip_cols(App *app, int w, int n, int *cell) {
    const Scenario *sc = game_scenario(&app->game);
    int gap = app_grid(app, 3);
    int cols = (w + gap) / (app_px(app, 200) + gap);
    if (cols < 1) cols = 1;
    if (cols > n) cols = n;
    for (; cols > 1; cols--) {
        int c = (w - (cols - 1) * gap) / cols;
        bool fits = true;
        for (int i = 0; i < n && fits; i++) {
            char val[160], mx[FMT_NUMBER_MAX];
            fmt_int(mx, sizeof mx, sc->meters[i].max, app->lang);
            tr_format(val, sizeof val, "meter.value", mx, mx);
            int lw = c - text_width(app->text, TS_SMALL, FACE_BOLD, val) - app_grid(app, 1);
            fits = longest_word(app, TS_SMALL, FACE_BOLD, loc_get(&sc->meters[i].label, app->lang, NULL)) <= lw;
        }
        if (fits) break;
    }
    int rows = (n + cols - 1) / cols;
    cols = (n + rows - 1) / rows;
    *cell = (w - (cols - 1) * gap) / cols;
    return cols;
}

int view_meter_strip_height(App *app, int w) {
    const Scenario *sc = game_scenario(&app->game);
    if (!sc || sc->n_meters == 0) return 0;
    int cell;
    int cols = strip_cols(app, w, sc->n_meters, &cell);
    int h = 0;
    for (int i = 0; i < sc->n_meters; i += cols) {
        int row_h = 0;
        for (int j = i; j < i + cols && j < sc->n_meters; j++) {
            int hh = widget_meter_height(app, &sc->meters[j], cell);
            if (hh > row_h) row_h = hh;
        }
        h += row_h + (i > 0 ? app_grid(app, 2) : 0);
    }
    return h;
}

int view_meter_strip(App *app, int x, int y, int w, const double *shown) {
    const Scenario *sc = game_scenario(&app->game);
    const Session *s = app->game.session;
    if (!sc || !s || sc->n_meters == 0) return 0;
    int gap = app_grid(app, 3);
    int cell;
    int cols = strip_cols(app, w, sc->n_meters, &cell);
    int row_y = y;
    for (int i = 0; i < sc->n_meters; i += cols) {
        int row_h = 0;
        for (int j = i; j < i + cols && j < sc->n_meters; j++) {
            int hh = widget_meter_height(app, &sc->meters[j], cell);
            if (hh > row_h) row_h = hh;
        }
        int label_h = 0;
        for (int j = i; j < i + cols && j < sc->n_meters; j++) {
            int lh = widget_meter_label_height(app, &sc->meters[j], cell);
            if (lh > label_h) label_h = lh;
        }
        for (int j = i; j < i + cols && j < sc->n_meters; j++) {
            char name[UI_NAME_LEN];
            snprintf(name, sizeof name, "meter-%s", sc->meters[j].id);
            int v = session_meter(s, (uint16_t)j);
            widget_meter(app, (SDL_Rect){x + (j - i) * (cell + gap), row_y, cell, row_h}, &sc->meters[j], v,
                         shown ? shown[j] : v, label_h, name);
        }
        row_y += row_h + app_grid(app, 2);
    }
    return row_y - y - app_grid(app, 2);
}

int view_meter_changes(App *app, const MeterChange *ch, int n, double t, int x, int y, int w) {
    const Scenario *sc = game_scenario(&app->game);
    if (!sc) return 0;
    if (n == 0) return widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, tr("cons.no_change"), x, y, w, "no-change");
    int y0 = y;
    for (int i = 0; i < n; i++) {
        const Meter *m = &sc->meters[ch[i].meter];
        int delta = ch[i].after - ch[i].before;
        bool better = (delta > 0) == m->higher_is_better;
        char dtext[96];
        /* Sign and arrow in text; U+2212 is the minus sign. */
        char dnum[FMT_NUMBER_MAX];
        fmt_int(dnum, sizeof dnum, delta, app->lang);
        snprintf(dtext, sizeof dtext, "%s%s %s %s", delta > 0 ? "+" : "", dnum, delta > 0 ? "▲" : "▼",
                 better ? tr("cons.better") : tr("cons.worse"));
        int dw = text_width(app->text, TS_BODY, FACE_BOLD, dtext);
        int mw = w - dw - app_grid(app, 3);
        if (mw < w / 2) mw = w / 2;
        double shown = ch[i].before + (ch[i].after - ch[i].before) * t;
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "change-%s", m->id);
        int mh = widget_meter_height(app, m, mw);
        widget_meter(app, (SDL_Rect){x, y, mw, mh}, m, (int)(shown + (delta > 0 ? 0.0 : 0.999)), shown, 0, name);
        int dx = x + mw + app_grid(app, 3);
        int dwrap = x + w - dx;
        const TextTex *dt = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, better ? COL_GOOD : COL_BAD), dtext,
                                     dwrap > 0 ? dwrap : 1, ALIGN_LEFT);
        ui_add(&app->ui, UI_TEXT, (SDL_Rect){dx, y, dt->w, dt->h}, -1, true, "change-delta");
        widget_draw_text(app, dt, dx, y);
        y += (mh > dt->h ? mh : dt->h) + app_grid(app, 2);
    }
    return y - y0 - app_grid(app, 2);
}

int view_principle(App *app, const Feedback *fb, int x, int y, int w) {
    const char *p = loc_get(&fb->principle, app->lang, NULL);
    const char *r = loc_get(&fb->reference, app->lang, NULL);
    if (!*p && !*r) return 0;
    int pad = app_grid(app, 2);
    int iw = w - 2 * pad - app_px(app, 4);
    int ix = x + pad + app_px(app, 4);
    /* Measure, draw the panel, then the text over it. */
    int h = pad;
    const TextTex *ht = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), tr("cons.principle"), iw,
                                 ALIGN_LEFT);
    h += ht->h + app_grid(app, 1);
    const TextTex *pt = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), p, iw, ALIGN_LEFT);
    h += pt->h;
    char ref[1024] = "";
    const TextTex *rt = NULL;
    if (*r) {
        tr_format(ref, sizeof ref, "cons.reference", r, NULL);
        rt = text_get(app->text, TS_SMALL, FACE_BOLD, app_color(app, COL_TEXT_MUTED), ref, iw, ALIGN_LEFT);
        h += app_grid(app, 1) + rt->h;
    }
    h += pad;
    widget_panel(app, (SDL_Rect){x, y, w, h}, COL_SURFACE_ALT, COL_SURFACE_ALT);
    widget_fill(app, (SDL_Rect){x, y, app_px(app, 4), h}, COL_ACCENT);
    int yy = y + pad;
    yy += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, tr("cons.principle"), ix, yy, iw, "principle-heading");
    yy += app_grid(app, 1);
    yy += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, p, ix, yy, iw, "principle");
    if (rt) widget_text(app, TS_SMALL, FACE_BOLD, COL_TEXT_MUTED, ref, ix, yy + app_grid(app, 1), iw, "reference");
    return h;
}

int view_notice(App *app, const char *text, int x, int y, int w, const char *name) {
    if (!text || !*text) return 0;
    int pad = app_grid(app, 2);
    const TextTex *nt = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), text, w - 2 * pad,
                                 ALIGN_LEFT);
    widget_panel(app, (SDL_Rect){x, y, w, nt->h + 2 * pad}, COL_TONE_MIXED, COL_BORDER);
    widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, text, x + pad, y + pad, w - 2 * pad, name);
    app_voice_page(app, text);
    return nt->h + 2 * pad;
}

int view_message(App *app, const char *text, bool error, int x, int y, int w, const char *name) {
    if (!text || !*text) return 0;
    int pad = app_grid(app, 2);
    ThemeColor fg = error ? COL_ERROR_TEXT : COL_TEXT;
    const TextTex *t = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, fg), text, w - 2 * pad, ALIGN_LEFT);
    widget_panel(app, (SDL_Rect){x, y, w, t->h + 2 * pad}, error ? COL_ERROR_BG : COL_SURFACE_ALT,
                 error ? COL_ERROR_TEXT : COL_BORDER);
    widget_text(app, TS_BODY, FACE_REGULAR, fg, text, x + pad, y + pad, w - 2 * pad, name);
    app_voice_page(app, text);
    return t->h + 2 * pad;
}

double view_ease(double clock, double duration) {
    if (duration <= 0 || clock >= duration) return 1.0;
    double t = clock / duration;
    return 1.0 - (1.0 - t) * (1.0 - t) * (1.0 - t);
}

int view_meter_band_height(App *app) {
    int sh = view_meter_strip_height(app, app->w - 2 * app_grid(app, 3));
    return sh == 0 ? 0 : sh + 2 * app_grid(app, 2);
}

bool view_meter_band_inline(App *app, int y) {
    return view_meter_band_height(app) * 3 > app->h - y;
}

int view_meter_band(App *app, int y) {
    int margin = app_grid(app, 3);
    int pad = app_grid(app, 2);
    int h = view_meter_band_height(app);
    if (h == 0) return 0;
    widget_fill(app, (SDL_Rect){0, y, app->w, h}, COL_SURFACE);
    widget_fill(app, (SDL_Rect){0, y + h - 1, app->w, 1}, COL_BORDER);
    view_meter_strip(app, margin, y + pad, app->w - 2 * margin, NULL);
    return h;
}

void view_advance(App *app, int next_event) {
    const StepResult *step = app->game.step;
    if (step && next_event < step->n_fired) app_replace(app, &screen_event, next_event);
    else if (app->game.session && session_is_over(app->game.session)) app_replace(app, &screen_ending, 0);
    else app_replace(app, &screen_scene, 0);
}
