/* screen_class.c — the debrief mode: a trainer steps the class through a
 * workshop's report (report-data.json, made by `enjeux report`) on a
 * projector. One page at a time, for each scenario: an overview (plays,
 * endings reached, what to work on next), then each decision — the scene,
 * the class's share per choice as bars with their numbers, and the
 * feedback of each choice — then the competency distributions. Large
 * text, high contrast; Right / Space: next page, Left: previous, Home /
 * End: first / last, Page Up / Down: scroll, Esc: leave.
 *
 * The report lives in app->class_report (loaded by --debrief or by the
 * report picker); this screen only reads it. */
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "core/report.h"
#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_PREV = 1, ACT_NEXT = 2, ACT_LEAVE = 3 };

typedef enum PageKind { PAGE_OVERVIEW, PAGE_DECISION, PAGE_COMPETENCIES } PageKind;

typedef struct ClassState {
    UiScroll scroll;
    int page;
} ClassState;

typedef struct Page {
    const ReportScenario *s;
    PageKind kind;
    uint32_t index;           /* decision index for PAGE_DECISION */
} Page;

static int page_count(const Report *r) {
    int n = 0;
    for (uint16_t i = 0; r && i < r->n_scenarios; i++) n += 2 + (int)r->scenarios[i].n_decisions;
    return n;
}

static bool page_at(const Report *r, int k, Page *p) {
    for (uint16_t i = 0; r && i < r->n_scenarios; i++) {
        const ReportScenario *s = &r->scenarios[i];
        int n = 2 + (int)s->n_decisions;
        if (k < n) {
            p->s = s;
            p->kind = k == 0 ? PAGE_OVERVIEW : k == n - 1 ? PAGE_COMPETENCIES : PAGE_DECISION;
            p->index = k > 0 ? (uint32_t)(k - 1) : 0;
            return true;
        }
        k -= n;
    }
    return false;
}

static void class_enter(App *app, void *vst, int arg) {
    ClassState *st = vst;
    st->page = arg > 0 ? arg : 0;
    ui_set_focus(&app->ui, "next");
}

static void go_page(App *app, ClassState *st, int page) {
    int n = page_count(app->class_report);
    if (page < 0) page = 0;
    if (page > n - 1) page = n - 1;
    if (page != st->page) {
        st->page = page;
        st->scroll.offset = 0;
    }
    ui_set_focus(&app->ui, "next");
    app->redraw = true;
}

static void leave(App *app) {
    if (app->depth > 1) app_pop(app);
    else app_reset(app, &screen_title, 0);
}

static void class_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    ClassState *st = vst;
    if (action == ACT_PREV) go_page(app, st, st->page - 1);
    else if (action == ACT_NEXT) go_page(app, st, st->page + 1);
    else if (action == ACT_LEAVE) leave(app);
    if (action >= 0 || ev->type != SDL_KEYDOWN) return;
    switch (ev->key.keysym.sym) {
    case SDLK_RIGHT: case SDLK_SPACE: go_page(app, st, st->page + 1); break;
    case SDLK_LEFT: case SDLK_BACKSPACE: go_page(app, st, st->page - 1); break;
    case SDLK_HOME: go_page(app, st, 0); break;
    case SDLK_END: go_page(app, st, page_count(app->class_report) - 1); break;
    case SDLK_ESCAPE: leave(app); break;
    default: break;
    }
}

static const char *loc_or(const LocStr *l, Lang lang, const char *fallback) {
    const char *s = loc_get(l, lang, NULL);
    return *s ? s : fallback;
}

static const char *pct(char *buf, size_t len, uint32_t count, uint32_t total, Lang lang) {
    return fmt_percent(buf, len, report_percent(count, total), lang);
}

/* A share: its sentence above a bar, the number written in the sentence. */
static int share_row(App *app, const char *label, uint32_t count, uint32_t total, ThemeColor fill, int x, int y, int w,
                     TextStyle style, const char *name) {
    int y0 = y;
    y += widget_text(app, style, FACE_BOLD, COL_TEXT, label, x, y, w, name) + app_px(app, 6);
    widget_score_bar(app, (SDL_Rect){x, y, w, app_px(app, 18)}, (int)report_percent(count, total), fill, "share-bar");
    y += app_px(app, 18);
    return y - y0;
}

static ThemeColor tone_fill(const char *tone) {
    if (strcmp(tone, "positive") == 0) return COL_GOOD;
    if (strcmp(tone, "negative") == 0) return COL_BAD;
    return COL_BAR_FILL;
}

static const char *tone_word(const char *tone) {
    if (strcmp(tone, "positive") == 0) return tr("cls.tone_positive");
    if (strcmp(tone, "negative") == 0) return tr("cls.tone_negative");
    if (strcmp(tone, "mixed") == 0) return tr("cls.tone_mixed");
    return "";
}

static const char *comp_name(const ReportCompetency *c, Lang lang) { return loc_or(&c->name, lang, c->id); }

static int source_note(App *app, const ReportScenario *s, int x, int y, int w) {
    if (s->source == RS_TEXTS) return 0;
    char n[16], msg[512];
    snprintf(n, sizeof n, "%u", (unsigned)s->other_hash);
    if (s->source == RS_MISSING) tr_format(msg, sizeof msg, "cls.missing", n, NULL);
    else tr_format(msg, sizeof msg, "cls.changed", n, NULL);
    return widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, msg, x, y, w, "source-note") + app_grid(app, 2);
}

static int overview(App *app, const Report *r, const ReportScenario *s, int x, int y, int w) {
    Lang l = app->lang;
    int y0 = y;
    char line[512], a[32], b[32], c[64];
    y += widget_text(app, TS_TITLE, FACE_BOLD, COL_TEXT, loc_or(&s->title, l, s->id), x, y, w, "scenario-title") +
         app_grid(app, 2);
    snprintf(a, sizeof a, "%u", (unsigned)s->plays);
    snprintf(b, sizeof b, "%d", s->level);
    report_format_duration(c, sizeof c, s->median_ms, l);
    tr_count(line, sizeof line, "cls.plays_1", "cls.plays_n", s->plays, a, NULL);
    char meta[800];
    char lvl[64], tm[200];
    tr_format(lvl, sizeof lvl, "cls.level", b, NULL);
    tr_format(tm, sizeof tm, "cls.median_time", c, NULL);
    snprintf(meta, sizeof meta, "%s%s%s · %s", line, s->level ? " · " : "", s->level ? lvl : "", tm);
    y += widget_text(app, TS_SUBHEADING, FACE_REGULAR, COL_TEXT, meta, x, y, w, "plays") + app_grid(app, 3);
    y += source_note(app, s, x, y, w);
    y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, tr("cls.endings"), x, y, w, "heading") + app_grid(app, 2);
    uint32_t total = 0;
    for (uint16_t i = 0; i < s->n_endings; i++) total += s->endings[i].count;
    for (uint16_t i = 0; i < s->n_endings; i++) {
        const ReportEnding *e = &s->endings[i];
        char p[32], cnt[32], tot[32], label[1024];
        snprintf(cnt, sizeof cnt, "%u", (unsigned)e->count);
        snprintf(tot, sizeof tot, "%u", (unsigned)total);
        char of[96];
        tr_format(of, sizeof of, "cls.of", cnt, tot);
        const char *tw = tone_word(e->tone);
        snprintf(label, sizeof label, "%s — %s%s%s%s — %s", pct(p, sizeof p, e->count, total, l),
                 loc_or(&e->title, l, e->id), *tw ? " (" : "", tw, *tw ? ")" : "", of);
        y += share_row(app, label, e->count, total, tone_fill(e->tone), x, y, w, TS_SUBHEADING, "ending") +
             app_grid(app, 3);
    }
    if (r->n_focus) {
        y += app_grid(app, 1);
        y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, tr("cls.focus"), x, y, w, "heading") + app_grid(app, 2);
        for (uint16_t i = 0; i < r->n_focus; i++) {
            const ReportCompetency *cp = &r->comps[r->focus[i]];
            char p[32], item[700];
            pct(p, sizeof p, cp->mastery[RM_ACQUIRED], cp->assessed, l);
            tr_format(item, sizeof item, "cls.focus_item", comp_name(cp, l), p);
            y += widget_text(app, TS_SUBHEADING, FACE_REGULAR, COL_TEXT, item, x, y, w, "focus") + app_grid(app, 1);
        }
    }
    return y - y0;
}

static int decision(App *app, const ReportScenario *s, uint32_t k, int x, int y, int w) {
    Lang l = app->lang;
    const ReportDecision *d = &s->decisions[k];
    int y0 = y;
    char a[16], b[16], line[256];
    snprintf(a, sizeof a, "%u", (unsigned)(k + 1));
    snprintf(b, sizeof b, "%u", (unsigned)s->n_decisions);
    tr_format(line, sizeof line, "cls.decision_n", a, b);
    y += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT_MUTED, line, x, y, w, "decision-number") + app_grid(app, 1);
    y += widget_text(app, TS_TITLE, FACE_BOLD, COL_TEXT, loc_or(&d->title, l, d->scene), x, y, w, "scene-title") +
         app_grid(app, 2);
    const char *text = loc_or(&d->text, l, NULL);
    if (text) y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, text, x, y, w, "scene-text") + app_grid(app, 2);
    y += source_note(app, s, x, y, w);
    char dur[64], meta[256], n[16];
    snprintf(n, sizeof n, "%u", (unsigned)d->reached);
    tr_count(meta, sizeof meta, "cls.decision_meta_one", "cls.decision_meta", d->reached, n, report_format_duration(dur, sizeof dur, d->median_ms, l));
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, meta, x, y, w, "decision-meta") + app_grid(app, 3);
    int pad = app_grid(app, 2);
    for (uint16_t i = 0; i < d->n_choices; i++) {
        const ReportChoice *c = &d->choices[i];
        char p[32], cnt[16], tot[16], of[96], label[2048];
        snprintf(cnt, sizeof cnt, "%u", (unsigned)c->count);
        snprintf(tot, sizeof tot, "%u", (unsigned)d->reached);
        tr_format(of, sizeof of, "cls.of", cnt, tot);
        char chose[1800];
        tr_format(chose, sizeof chose, "cls.chose", pct(p, sizeof p, c->count, d->reached, l), loc_or(&c->text, l, c->id));
        snprintf(label, sizeof label, "%s (%s)", chose, of);
        const char *fb = loc_or(&c->feedback, l, NULL);
        const char *pr = loc_or(&c->principle, l, NULL);
        int iw = w - 2 * pad;
        /* Measure, then draw the panel and its content. */
        int h = 2 * pad + text_get(app->text, TS_SUBHEADING, FACE_BOLD, app_color(app, COL_TEXT), label, iw, ALIGN_LEFT)->h +
                app_px(app, 6) + app_px(app, 18);
        if (fb) h += app_grid(app, 1) + text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), fb, iw, ALIGN_LEFT)->h;
        if (pr) h += app_px(app, 6) + text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), pr, iw, ALIGN_LEFT)->h;
        widget_panel(app, (SDL_Rect){x, y, w, h}, COL_SURFACE, COL_BORDER);
        int yy = y + pad;
        yy += share_row(app, label, c->count, d->reached, COL_BAR_FILL, x + pad, yy, iw, TS_SUBHEADING, "choice-share");
        if (fb) yy += app_grid(app, 1) + widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, fb, x + pad, yy + app_grid(app, 1), iw, "feedback");
        if (pr) widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, pr, x + pad, yy + app_px(app, 6), iw, "principle");
        y += h + app_grid(app, 2);
    }
    const char *why = loc_or(&d->debrief, l, NULL);
    if (why) {
        y += app_grid(app, 1);
        y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, tr("cls.why"), x, y, w, "heading") + app_grid(app, 1);
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, why, x, y, w, "debrief");
    }
    return y - y0;
}

/* Ten columns (bands of 10 points), each with its count above it and its
 * band under it. */
static int histogram(App *app, const ReportCompetency *c, int x, int y, int w) {
    uint32_t max = 0;
    for (int i = 0; i < 10; i++)
        if (c->bands[i] > max) max = c->bands[i];
    int col = w / 10, bw = col * 2 / 3, chart = app_px(app, 90);
    int lh = text_get(app->text, TS_SMALL, FACE_BOLD, app_color(app, COL_TEXT), "0", col, ALIGN_CENTER)->h;
    int base = y + lh + app_px(app, 4) + chart;
    for (int i = 0; i < 10; i++) {
        int h = max ? (int)((uint64_t)c->bands[i] * (uint64_t)chart / max) : 0;
        if (c->bands[i] && h < 2) h = 2;
        int cx = x + i * col + (col - bw) / 2;
        widget_fill(app, (SDL_Rect){cx, base - h, bw, h}, i >= 8 ? COL_GOOD : i >= 5 ? COL_BAR_FILL : COL_BAD);
        char n[16];
        snprintf(n, sizeof n, "%u", (unsigned)c->bands[i]);
        const TextTex *t = text_get(app->text, TS_SMALL, FACE_BOLD, app_color(app, COL_TEXT), n, col, ALIGN_CENTER);
        ui_add(&app->ui, UI_TEXT, (SDL_Rect){x + i * col + (col - t->w) / 2, base - h - app_px(app, 4) - t->h, t->w, t->h},
               -1, true, "band-count");
        widget_draw_text(app, t, x + i * col + (col - t->w) / 2, base - h - app_px(app, 4) - t->h);
        snprintf(n, sizeof n, "%d", i * 10);
        t = text_get(app->text, TS_SMALL, FACE_REGULAR, app_color(app, COL_TEXT), n, col, ALIGN_CENTER);
        ui_add(&app->ui, UI_TEXT, (SDL_Rect){x + i * col + (col - t->w) / 2, base + app_px(app, 4), t->w, t->h}, -1, true,
               "band");
        widget_draw_text(app, t, x + i * col + (col - t->w) / 2, base + app_px(app, 4));
    }
    widget_fill(app, (SDL_Rect){x, base, col * 10, app_px(app, 2) > 1 ? app_px(app, 2) : 1}, COL_TEXT);
    return base + app_px(app, 4) + lh - y;
}

static int competencies(App *app, const ReportScenario *s, int x, int y, int w) {
    Lang l = app->lang;
    int y0 = y;
    y += widget_text(app, TS_TITLE, FACE_BOLD, COL_TEXT, tr("cls.competencies"), x, y, w, "heading") + app_grid(app, 1);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, tr("cls.hist_help"), x, y, w, "help") + app_grid(app, 3);
    for (uint16_t i = 0; i < s->n_comps; i++) {
        const ReportCompetency *c = &s->comps[i];
        char name[600];
        snprintf(name, sizeof name, "%s%s%s%s", comp_name(c, l), c->targeted ? " (" : "", c->targeted ? tr("cls.targeted") : "",
                 c->targeted ? ")" : "");
        y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, name, x, y, w, "competency") + app_px(app, 6);
        char line[800];
        if (c->assessed) {
            char med[16], n[16], a[32], ip[32], tw[32];
            snprintf(med, sizeof med, "%d", (int)c->median);
            snprintf(n, sizeof n, "%u", (unsigned)c->assessed);
            char first[200], second[200], third[120];
            tr_count(first, sizeof first, "cls.median_one", "cls.median", c->assessed, med, n);
            pct(a, sizeof a, c->mastery[RM_ACQUIRED], c->assessed, l);
            pct(ip, sizeof ip, c->mastery[RM_IN_PROGRESS], c->assessed, l);
            pct(tw, sizeof tw, c->mastery[RM_TO_WORK_ON], c->assessed, l);
            tr_format(second, sizeof second, "cls.mastery_shares", a, ip);
            tr_format(third, sizeof third, "cls.to_work_on_share", tw, NULL);
            snprintf(line, sizeof line, "%s · %s · %s", first, second, third);
        } else {
            snprintf(line, sizeof line, "%s", tr("cls.not_assessed"));
        }
        y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, line, x, y, w, "median") + app_grid(app, 1);
        if (c->assessed) y += histogram(app, c, x, y, w);
        y += app_grid(app, 4);
    }
    return y - y0;
}

static void class_render(App *app, void *vst) {
    ClassState *st = vst;
    const Report *r = app->class_report;
    int n = page_count(r);
    char right[64], a[16], b[16];
    snprintf(a, sizeof a, "%d", n ? st->page + 1 : 0);
    snprintf(b, sizeof b, "%d", n);
    tr_format(right, sizeof right, "cls.page", a, b);
    int hh = widget_header(app, tr("cls.title"), right);
    BarButton bar[] = {{ACT_LEAVE, "leave", tr("cls.leave"), BUTTON_SECONDARY, true},
                       {ACT_PREV, "prev", tr("cls.prev"), BUTTON_SECONDARY, st->page > 0},
                       {ACT_NEXT, "next", tr("cls.next"), BUTTON_PRIMARY, st->page < n - 1}};
    ViewPage vp;
    int y = view_page_begin(app, &vp, &st->scroll, hh, bar, 3);
    Page p;
    if (!page_at(r, st->page, &p)) {
        y += widget_text(app, TS_SUBHEADING, FACE_REGULAR, COL_TEXT, tr("cls.empty"), vp.x, y, vp.w, "empty");
    } else if (p.kind == PAGE_OVERVIEW) {
        y += overview(app, r, p.s, vp.x, y, vp.w);
    } else if (p.kind == PAGE_DECISION) {
        y += decision(app, p.s, p.index, vp.x, y, vp.w);
    } else {
        y += competencies(app, p.s, vp.x, y, vp.w);
    }
    y += app_grid(app, 2);
    view_page_end(app, &vp, y);
}

const ScreenDef screen_class = {
    .name = "class-debrief",
    .state_size = sizeof(ClassState),
    .enter = class_enter,
    .handle = class_handle,
    .render = class_render,
};
