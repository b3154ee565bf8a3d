/* screen_briefing.c — before playing: the situation, the player's role, the
 * AI tool (what it does, its kind, its AI Act risk category and why), and
 * what each meter means. A scenario that failed to load shows its
 * diagnostics here instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fmt.h"
#include "ui/app.h"
#include "ui/langnote.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_BACK = 1, ACT_START = 2 };

typedef struct BriefingState { UiScroll scroll; int index; } BriefingState;

static void briefing_enter(App *app, void *vst, int arg) {
    app->settings_notice[0] = '\0'; /* seen on the library screen */
    BriefingState *st = vst;
    st->index = arg;
    if (arg >= 0 && arg < app->game.n_lib && app->game.lib[arg].sc) ui_set_focus(&app->ui, "start");
}

static void briefing_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    BriefingState *st = vst;
    if ((ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) || action == ACT_BACK) {
        app_pop(app);
    } else if (action == ACT_START) {
        if (game_start(&app->game, st->index, app->opts.seed, app->lang)) app_replace(app, &screen_scene, 0);
    }
}

static const char *kind_key(AiKind k) {
    static const char *const K[] = {"kind.generative", "kind.predictive", "kind.classification", "kind.recommendation",
                                    "kind.recognition", "kind.optimisation", "kind.other"};
    return (unsigned)k < sizeof K / sizeof K[0] ? K[k] : "kind.other";
}

static const char *risk_key(AiRisk r) {
    static const char *const R[] = {"risk.minimal", "risk.transparency", "risk.high", "risk.prohibited"};
    return (unsigned)r < sizeof R / sizeof R[0] ? R[r] : "risk.minimal";
}

static int tool_panel(App *app, const Scenario *sc, int x, int y, int w) {
    Lang l = app->lang;
    int pad = app_grid(app, 2);
    int iw = w - 2 * pad;
    char head[512], kind[256], prov[512], risk[256];
    tr_format(head, sizeof head, "brief.tool", loc_get(&sc->tool.name, l, NULL), NULL);
    tr_format(kind, sizeof kind, "brief.kind", tr(kind_key(sc->tool.kind)), NULL);
    const char *pv = loc_get(&sc->tool.provider, l, NULL);
    if (*pv) tr_format(prov, sizeof prov, "brief.provider", pv, NULL);
    else prov[0] = '\0';
    tr_format(risk, sizeof risk, "brief.risk", tr(risk_key(sc->tool.risk)), NULL);
    const char *desc = loc_get(&sc->tool.description, l, NULL);
    const char *note = loc_get(&sc->tool.risk_note, l, NULL);
    struct { TextStyle s; FontFace f; const char *t; int gap; } parts[] = {
        {TS_SUBHEADING, FACE_BOLD, head, app_grid(app, 1)}, {TS_BODY, FACE_REGULAR, desc, app_grid(app, 2)},
        {TS_SMALL, FACE_BOLD, kind, app_px(app, 4)},             {TS_SMALL, FACE_BOLD, prov, app_grid(app, 2)},
        {TS_BODY, FACE_BOLD, risk, app_px(app, 4)},              {TS_BODY, FACE_REGULAR, note, 0}};
    int n = (int)(sizeof parts / sizeof parts[0]);
    int h = 2 * pad;
    for (int i = 0; i < n; i++)
        if (parts[i].t && *parts[i].t)
            h += text_get(app->text, parts[i].s, parts[i].f, app_color(app, COL_TEXT), parts[i].t, iw, ALIGN_LEFT)->h +
                 parts[i].gap;
    widget_panel(app, (SDL_Rect){x, y, w, h}, COL_SURFACE, COL_BORDER);
    int yy = y + pad;
    for (int i = 0; i < n; i++) {
        if (!parts[i].t || !*parts[i].t) continue;
        yy += widget_text(app, parts[i].s, parts[i].f, i == 2 || i == 3 ? COL_TEXT_MUTED : COL_TEXT, parts[i].t, x + pad,
                          yy, iw, i == 4 ? "risk" : "tool") +
              parts[i].gap;
    }
    return h;
}

static int broken(App *app, const LibEntry *e, int x, int y, int w) {
    int y0 = y;
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_ERROR_TEXT, tr("lib.broken"), x, y, w, "error");
    y += app_grid(app, 2);
    char *text = diag_list_format_text(&e->diags);
    if (text) {
        y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT, text, x, y, w, "diagnostics");
        free(text);
    }
    return y - y0;
}

static void briefing_render(App *app, void *vst) {
    BriefingState *st = vst;
    if (st->index < 0 || st->index >= app->game.n_lib) return;
    const LibEntry *e = &app->game.lib[st->index];
    const Scenario *sc = e->sc;
    Lang l = app->lang;
    char right[128] = "";
    if (sc) {
        char m[FMT_NUMBER_MAX], lv[16], d[4];
        fmt_int(m, sizeof m, sc->minutes, l);
        snprintf(d, sizeof d, "%u", sc->level);
        tr_format(lv, sizeof lv, "level.short", d, NULL);
        tr_format(right, sizeof right, "brief.duration", m, lv);
    }
    int hh = widget_header(app, sc ? loc_get(&sc->title, l, NULL) : e->dir, right);
    BarButton bar[] = {{ACT_BACK, "back", tr("common.back"), BUTTON_SECONDARY, true},
                       {ACT_START, "start", tr("brief.start"), BUTTON_PRIMARY, true}};
    int nb = sc ? 2 : 1;
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, nb);
    int x = page.x, w = page.w;
    int gap = app_grid(app, 3);
    if (!sc) {
        y += broken(app, e, x, y, w);
    } else {
        const char *note = langnote_long(langnote_of(e, l));
        if (note) y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, note, x, y, w, "lang-note") + gap;
        y += view_section(app, tr("brief.context"), loc_get(&sc->context, l, NULL), x, y, w, "context") + gap;
        y += view_section(app, tr("brief.role"), loc_get(&sc->role, l, NULL), x, y, w, "role") + gap;
        y += tool_panel(app, sc, x, y, w) + gap;
        y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("brief.meters"), x, y, w, "heading");
        y += app_grid(app, 2);
        for (uint16_t i = 0; i < sc->n_meters; i++) {
            const Meter *m = &sc->meters[i];
            char line[512];
            snprintf(line, sizeof line, "%s — %s", loc_get(&m->label, l, NULL),
                     m->higher_is_better ? tr("meter.good_high") : tr("meter.good_low"));
            y += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, line, x, y, w, "meter-name");
            y += app_px(app, 4);
            char range[160], a[FMT_NUMBER_MAX], b[FMT_NUMBER_MAX];
            tr_format(range, sizeof range, "meter.value", fmt_int(a, sizeof a, m->initial, l), fmt_int(b, sizeof b, m->max, l));
            const char *desc = loc_get(&m->description, l, NULL);
            char full[2048];
            snprintf(full, sizeof full, "%s%s(%s)", desc, *desc ? " " : "", range);
            y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, full, x, y, w, "meter-desc");
            y += app_grid(app, 2);
        }
    }
    y += app_grid(app, 2);
    view_page_end(app, &page, y);
}

const ScreenDef screen_briefing = {
    .name = "briefing",
    .state_size = sizeof(BriefingState),
    .enter = briefing_enter,
    .handle = briefing_handle,
    .render = briefing_render,
};
