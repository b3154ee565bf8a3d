/* screen_library.c — the scenario library: one card per scenario (title,
 * sector, level, duration, targeted competencies), filters by level and
 * sector, and for a scenario that fails to load, its card with the
 * validator's messages. */
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "ui/app.h"
#include "ui/langnote.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_BACK = 1, ACT_LEVEL = 100, ACT_SECTOR = 200, ACT_CARD = 1000 };
enum { MAX_SECTORS = 32, SHOWN_DIAGS = 3 };

typedef struct LibraryState {
    UiScroll scroll;
    int level;                /* 0: all */
    char sector[128];         /* French sector name; "" for all */
} LibraryState;

static void library_enter(App *app, void *st, int arg) {
    (void)st;
    (void)arg;
    for (int i = 0; i < app->game.n_lib; i++)
        if (app->game.lib[i].sc) {
            char name[UI_NAME_LEN];
            snprintf(name, sizeof name, "card-%d", i);
            ui_set_focus(&app->ui, name);
            break;
        }
}

static int collect_sectors(const App *app, const char **out) {
    int n = 0;
    for (int i = 0; i < app->game.n_lib; i++) {
        const Scenario *sc = app->game.lib[i].sc;
        if (!sc) continue;
        const char *fr = loc_get(&sc->sector, LANG_FR, NULL);
        bool seen = false;
        for (int k = 0; k < n; k++)
            if (strcmp(out[k], fr) == 0) seen = true;
        if (!seen && n < MAX_SECTORS) out[n++] = fr;
    }
    return n;
}

static const char *sector_label(const App *app, const char *fr) {
    for (int i = 0; i < app->game.n_lib; i++) {
        const Scenario *sc = app->game.lib[i].sc;
        if (sc && strcmp(loc_get(&sc->sector, LANG_FR, NULL), fr) == 0) return loc_get(&sc->sector, app->lang, NULL);
    }
    return fr;
}

static bool visible(const LibraryState *st, const LibEntry *e) {
    if (!e->sc) return st->level == 0 && !st->sector[0];
    if (st->level && e->sc->level != st->level) return false;
    if (st->sector[0] && strcmp(loc_get(&e->sc->sector, LANG_FR, NULL), st->sector) != 0) return false;
    return true;
}

static void library_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    LibraryState *st = vst;
    if (ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) {
        app_pop(app);
        return;
    }
    if (action == ACT_BACK) {
        app_pop(app);
    } else if (action >= ACT_LEVEL && action <= ACT_LEVEL + 3) {
        st->level = action - ACT_LEVEL;
        st->scroll.offset = 0;
    } else if (action >= ACT_SECTOR && action < ACT_SECTOR + MAX_SECTORS + 1) {
        const char *sectors[MAX_SECTORS];
        int n = collect_sectors(app, sectors);
        int k = action - ACT_SECTOR;
        if (k == 0) st->sector[0] = '\0';
        else if (k - 1 < n) snprintf(st->sector, sizeof st->sector, "%s", sectors[k - 1]);
        st->scroll.offset = 0;
    } else if (action >= ACT_CARD && action < ACT_CARD + app->game.n_lib) {
        app_push(app, &screen_briefing, action - ACT_CARD);
    }
}

/* A row of toggle buttons that wraps; returns the height used. */
static int toggles(App *app, int x, int y, int w, const char *label, const char **items, int n, int selected,
                   int base_id, const char *prefix) {
    int gap = app_grid(app, 1);
    int lw = text_width(app->text, TS_BODY, FACE_BOLD, label);
    int cx = x, cy = y;
    int bh = widget_button_height(app, "Ag", app_px(app, 100), 0, NULL);
    const TextTex *lt = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), label, 0, ALIGN_LEFT);
    ui_add(&app->ui, UI_TEXT, (SDL_Rect){cx, cy + (bh - lt->h) / 2, lt->w, lt->h}, -1, true, "filter-label");
    widget_draw_text(app, lt, cx, cy + (bh - lt->h) / 2);
    cx += lw + app_grid(app, 2);
    for (int i = 0; i < n; i++) {
        int bw = text_width(app->text, TS_BODY, FACE_BOLD, items[i]) + app_grid(app, 5) + 2;
        if (bw > w) bw = w;
        if (cx + bw > x + w) {
            cx = x;
            cy += bh + gap;
        }
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "%s-%d", prefix, i);
        widget_button(app, (SDL_Rect){cx, cy, bw, bh}, base_id + i, name, items[i],
                      i == selected ? BUTTON_PRIMARY : BUTTON_SECONDARY, true, 0, NULL);
        cx += bw + gap;
    }
    return cy + bh - y;
}

static const char *basename_of(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static void targets_text(const LibEntry *e, Lang lang, char *out, size_t n) {
    size_t o = 0;
    out[0] = '\0';
    for (uint16_t i = 0; i < e->sc->n_targeted && o + 4 < n; i++) {
        const char *name = e->sc->competencies[i];
        if (e->fw) {
            int32_t k = framework_find(e->fw, name);
            if (k >= 0) name = loc_get(&e->fw->items[k].name, lang, NULL);
        }
        int w = snprintf(out + o, n - o, "%s%s", i ? ", " : "", name);
        if (w < 0 || (size_t)w >= n - o) break;
        o += (size_t)w;
    }
}

/* Draws (or only measures when !draw) a card; returns its height. */
static int card(App *app, const LibEntry *e, int index, SDL_Rect r, bool draw) {
    int pad = app_grid(app, 2);
    int iw = r.w - 2 * pad;
    int x = r.x + pad, y = r.y + pad;
    char buf[2048];
    char name[UI_NAME_LEN];
    snprintf(name, sizeof name, "card-%d", index);
    if (draw) {
        if (e->sc) {
            const UiItem *it = ui_add(&app->ui, UI_CARD, r, ACT_CARD + index, true, name);
            bool hot = ui_is_hovered(&app->ui, it) || ui_is_pressed(&app->ui, it);
            widget_panel(app, r, hot ? COL_SURFACE_ALT : COL_SURFACE, hot ? COL_ACCENT : COL_BORDER);
            if (ui_is_focused(&app->ui, it)) {
                widget_focus_ring(app, r);
                app_voice_focus(app, loc_get(&e->sc->title, app->lang, NULL));
                app_voice_focus(app, loc_get(&e->sc->summary, app->lang, NULL));
            }
        } else {
            ui_add(&app->ui, UI_CARD, r, -1, false, name);
            widget_panel(app, r, COL_ERROR_BG, COL_ERROR_TEXT);
        }
    }
#define CARD_TEXT(style, face, col, s, nm)                                                                      \
    do {                                                                                                        \
        if (draw) y += widget_text(app, style, face, col, s, x, y, iw, nm);                                     \
        else y += text_get(app->text, style, face, app_color(app, col), s, iw, ALIGN_LEFT)->h;                \
    } while (0)
    if (e->sc) {
        const Scenario *sc = e->sc;
        CARD_TEXT(TS_SUBHEADING, FACE_BOLD, COL_TEXT, loc_get(&sc->title, app->lang, NULL), "card-title");
        y += app_px(app, 4);
        char lvl[16], mins[64], lvs[8];
        snprintf(lvs, sizeof lvs, "%u", sc->level);
        tr_format(lvl, sizeof lvl, "level.short", lvs, NULL);
        fmt_int(buf, sizeof buf, sc->minutes, app->lang);
        tr_format(mins, sizeof mins, "lib.minutes", buf, NULL);
        const char *note = langnote_short(langnote_of(e, app->lang));
        snprintf(buf, sizeof buf, "%s · %s · %s%s%s", lvl, loc_get(&sc->sector, app->lang, NULL), mins,
                 note ? " · " : "", note ? note : "");
        CARD_TEXT(TS_SMALL, FACE_BOLD, COL_TEXT_MUTED, buf, "card-meta");
        y += app_grid(app, 1);
        CARD_TEXT(TS_BODY, FACE_REGULAR, COL_TEXT, loc_get(&sc->summary, app->lang, NULL), "card-summary");
        y += app_grid(app, 1);
        char t[1536];
        targets_text(e, app->lang, t, sizeof t);
        snprintf(buf, sizeof buf, "%s %s", tr("lib.targets"), t);
        CARD_TEXT(TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, buf, "card-targets");
    } else {
        const char *dir = basename_of(e->dir);
        CARD_TEXT(TS_SUBHEADING, FACE_BOLD, COL_TEXT, dir, "card-title");
        y += app_px(app, 4);
        CARD_TEXT(TS_BODY, FACE_BOLD, COL_ERROR_TEXT, tr("lib.broken"), "card-error");
        y += app_grid(app, 1);
        size_t shown = 0;
        for (size_t i = 0; i < e->diags.count && shown < SHOWN_DIAGS; i++) {
            const Diag *d = &e->diags.items[i];
            if (d->severity != DIAG_ERROR) continue;
            snprintf(buf, sizeof buf, "%s:%u:%u — %s%s%s", basename_of(d->file ? d->file : e->path), d->line, d->col,
                     d->message ? d->message : "", d->hint && *d->hint ? " " : "", d->hint ? d->hint : "");
            CARD_TEXT(TS_SMALL, FACE_REGULAR, COL_ERROR_TEXT, buf, "card-diag");
            y += app_px(app, 4);
            shown++;
        }
        if (e->diags.errors == 0 && shown == 0) CARD_TEXT(TS_SMALL, FACE_REGULAR, COL_ERROR_TEXT, e->path, "card-diag");
        size_t more = e->diags.errors + e->diags.dropped > shown ? e->diags.errors + e->diags.dropped - shown : 0;
        if (more) {
            char nb[FMT_NUMBER_MAX];
            fmt_int(nb, sizeof nb, (long long)more, app->lang);
            tr_count(buf, sizeof buf, "lib.broken_more_one", "lib.broken_more", more, nb, NULL);
            CARD_TEXT(TS_SMALL, FACE_BOLD, COL_ERROR_TEXT, buf, "card-more");
        }
    }
#undef CARD_TEXT
    return y + pad - r.y;
}

static void library_render(App *app, void *vst) {
    LibraryState *st = vst;
    char count[FMT_NUMBER_MAX], right[160];
    fmt_int(count, sizeof count, app->game.n_lib, app->lang);
    if (app->game.workshop[0]) tr_format(right, sizeof right, "lib.count_code", count, app->game.workshop);
    else tr_format(right, sizeof right, "lib.count", count, NULL);
    int hh = widget_header(app, tr("lib.title"), right);
    BarButton bar[] = {{ACT_BACK, "back", tr("common.back"), BUTTON_SECONDARY, true}};
    int bh = view_bar_height(app, bar, 1);
    SDL_Rect view = {0, hh, app->w, app->h - hh - bh};
    int margin = app_grid(app, 3);
    int cw = app->w - 2 * margin;
    int off = ui_scroll_begin(&app->ui, &st->scroll, view);
    SDL_RenderSetClipRect(app->renderer, &view);
    int y = view.y + app_grid(app, 2) - off;
    int nh = view_notice(app, app->settings_notice, margin, y, cw, "settings-notice");
    if (nh) y += nh + app_grid(app, 2);
    const char *levels[4];
    char lbuf[3][8];
    levels[0] = tr("lib.all");
    for (int i = 1; i <= 3; i++) {
        char d[4];
        snprintf(d, sizeof d, "%d", i);
        tr_format(lbuf[i - 1], sizeof lbuf[i - 1], "level.short", d, NULL);
        levels[i] = lbuf[i - 1];
    }
    y += toggles(app, margin, y, cw, tr("lib.level"), levels, 4, st->level, ACT_LEVEL, "level");
    y += app_grid(app, 1);
    const char *sectors[MAX_SECTORS + 1];
    const char *fr[MAX_SECTORS];
    int ns = collect_sectors(app, fr);
    int sel = 0;
    sectors[0] = tr("lib.all");
    for (int i = 0; i < ns; i++) {
        sectors[i + 1] = sector_label(app, fr[i]);
        if (st->sector[0] && strcmp(st->sector, fr[i]) == 0) sel = i + 1;
    }
    y += toggles(app, margin, y, cw, tr("lib.sector"), sectors, ns + 1, sel, ACT_SECTOR, "sector");
    y += app_grid(app, 3);
    int gap = app_grid(app, 2);
    int cols = (cw + gap) / (app_px(app, 380) + gap);
    if (cols < 1) cols = 1;
    int card_w = (cw - (cols - 1) * gap) / cols;
    int idx[256];
    int n = 0;
    for (int i = 0; i < app->game.n_lib && n < 256; i++)
        if (visible(st, &app->game.lib[i])) idx[n++] = i;
    if (app->game.n_lib == 0) {
        char msg[1200];
        tr_format(msg, sizeof msg, "lib.none", app->data_dir, NULL);
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, msg, margin, y, cw, "empty");
    } else if (n == 0) {
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("lib.empty"), margin, y, cw, "empty");
    }
    for (int i = 0; i < n; i += cols) {
        int row_h = 0;
        for (int j = i; j < i + cols && j < n; j++) {
            int h = card(app, &app->game.lib[idx[j]], idx[j], (SDL_Rect){0, 0, card_w, 0}, false);
            if (h > row_h) row_h = h;
        }
        for (int j = i; j < i + cols && j < n; j++)
            card(app, &app->game.lib[idx[j]], idx[j], (SDL_Rect){margin + (j - i) * (card_w + gap), y, card_w, row_h}, true);
        y += row_h + gap;
    }
    y += app_grid(app, 1);
    ui_scroll_end(&app->ui, &st->scroll, y + off - view.y);
    SDL_RenderSetClipRect(app->renderer, NULL);
    widget_scrollbar(app, &st->scroll);
    view_bar(app, app->h - bh, bar, 1);
}

const ScreenDef screen_library = {
    .name = "library",
    .state_size = sizeof(LibraryState),
    .enter = library_enter,
    .handle = library_handle,
    .render = library_render,
};
