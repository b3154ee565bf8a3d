/* screen_passport.c — the competency passport of the active profile: the
 * badges per course level (N1, N2, N3) with their date, per competency of
 * the framework the best and the latest result (mastery in words and a
 * mark, never colour alone), and the scenarios that train the competencies
 * still to work on (each opens its briefing). Reads app->progress.
 * "Export all" writes the results of every play of the profile into the
 * export folder (game_export_all) and says what was written where (worded
 * when drawn, in the language of the moment); when that went wrong, or no
 * export folder is chosen, a button opens the settings on the export
 * folder. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { ACT_BACK = 1, ACT_EXPORT, ACT_CHOOSE_DIR, ACT_SCENARIO = 1000 };
enum { MAX_SUGGESTIONS = 6 };

/* What the last "Export all" did: the facts, worded when drawn so that
 * the sentence follows a change of language made afterwards. */
typedef enum ExportSaid {
    SAID_NOTHING = 0,         /* no export yet on this screen */
    SAID_MISSING,             /* errors: the folder `dest` is gone, */
    SAID_NOT_FOLDER,          /* is a file, */
    SAID_FULL,                /* its disk is full, */
    SAID_READONLY,            /* cannot be written, */
    SAID_FAILED,              /* another failure */
    SAID_NO_PLAY,             /* no finished play to export */
    SAID_DONE                 /* `plays` plays written into `dest` */
} ExportSaid;

typedef struct PassportState {
    UiScroll scroll;
    Framework *own_fw;        /* loaded here when no library entry has one */
    ExportSaid said;
    char dest[1100];          /* the folder written to */
    char name[64];            /* the combined files' name, without extension */
    unsigned plays, skipped;
    bool own;                 /* no export folder chosen: the profile's own */
    char dir_then[SETTINGS_PATH_MAX]; /* app->game.export_dir at that export */
} PassportState;

static const Framework *framework_of(const App *app, const PassportState *st) {
    for (int i = 0; i < app->game.n_lib; i++)
        if (app->game.lib[i].fw) return app->game.lib[i].fw;
    return st->own_fw;
}

static void passport_enter(App *app, void *vst, int arg) {
    PassportState *st = vst;
    (void)arg;
    ui_set_focus(&app->ui, "back");
    bool have = false;
    for (int i = 0; i < app->game.n_lib; i++)
        if (app->game.lib[i].fw) have = true;
    if (!have) {
        char path[PATH_MAX_LEN + 64];
        snprintf(path, sizeof path, "%sscenarios/competencies.json", app->data_dir);
        DiagList dl;
        diag_list_init(&dl, app->lang);
        st->own_fw = framework_load(path, &dl);
        diag_list_free(&dl);
    }
}

static void passport_leave(App *app, void *vst) {
    PassportState *st = vst;
    (void)app;
    framework_free(st->own_fw);
    st->own_fw = NULL;
}

/* Exports every play and keeps what happened for export_said(). */
static void export_everything(App *app, PassportState *st) {
    snprintf(st->name, sizeof st->name, "enjeux-%s", app->profile >= 0 ? app->profiles.items[app->profile].id : "plays");
    GameExport x;
    game_export_all(&app->game, st->name, &x);
    bool failed = x.dir != EXPORT_DIR_OK || !x.ok;
    st->scroll.offset = 0;
    app->redraw = true;
    snprintf(st->dest, sizeof st->dest, "%s", x.dest);
    snprintf(st->dir_then, sizeof st->dir_then, "%s", app->game.export_dir);
    st->plays = x.sum.plays;
    st->skipped = x.sum.skipped;
    st->own = !app->game.export_dir[0];
    int cause = x.dir == EXPORT_DIR_NOT_WRITABLE ? x.dir_errnum : x.sum.errnum;
    if (x.dir == EXPORT_DIR_MISSING || (x.dir == EXPORT_DIR_OK && (cause == ENOENT || cause == ENODEV || cause == EIO)))
        st->said = SAID_MISSING;
    else if (x.dir == EXPORT_DIR_NOT_FOLDER) st->said = SAID_NOT_FOLDER;
    else if (failed && cause == ENOSPC) st->said = SAID_FULL;
    else if (failed && (cause == EROFS || cause == EACCES || cause == EPERM)) st->said = SAID_READONLY;
    else if (failed) st->said = SAID_FAILED;
    else if (x.sum.plays == 0) st->said = SAID_NO_PLAY;
    else st->said = SAID_DONE;
}

/* What the last export did and what to do, in the interface's language
 * now; true when it failed. */
static bool export_said(const PassportState *st, char *out, size_t n) {
    out[0] = '\0';
    switch (st->said) {
    case SAID_NOTHING: return false;
    case SAID_MISSING: tr_format(out, n, "pass.export_missing", st->dest, NULL); return true;
    case SAID_NOT_FOLDER: tr_format(out, n, "pass.export_not_folder", st->dest, NULL); return true;
    case SAID_FULL: tr_format(out, n, "pass.export_full", st->dest, NULL); return true;
    case SAID_READONLY: tr_format(out, n, "pass.export_readonly", st->dest, NULL); return true;
    case SAID_FAILED: tr_format(out, n, "pass.export_failed", st->dest, NULL); return true;
    case SAID_NO_PLAY: snprintf(out, n, "%s", tr("pass.export_nothing")); return false;
    case SAID_DONE: break;
    }
    char num[16], line[1024];
    snprintf(num, sizeof num, "%u", st->plays);
    tr_format(out, n, "pass.export_done", num, st->dest);
    tr_format(line, sizeof line, "pass.export_files", st->name, NULL);
    size_t k = strlen(out);
    snprintf(out + k, n - k, "\n%s", line);
    if (st->skipped) {
        snprintf(num, sizeof num, "%u", st->skipped);
        tr_format(line, sizeof line, "pass.export_skipped", num, NULL);
        k = strlen(out);
        snprintf(out + k, n - k, "\n%s", line);
    }
    if (st->own) {
        k = strlen(out);
        snprintf(out + k, n - k, "\n%s", tr("pass.export_own"));
    }
    return false;
}

static void passport_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    PassportState *st = vst;
    if (action == ACT_EXPORT) export_everything(app, st);
    else if (action == ACT_CHOOSE_DIR) app_push(app, &screen_settings, SETTINGS_AT_EXPORT);
    else if ((ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE) || action == ACT_BACK) app_pop(app);
    else if (action >= ACT_SCENARIO && action < ACT_SCENARIO + app->game.n_lib)
        app_push(app, &screen_briefing, action - ACT_SCENARIO);
}

static void format_date(const char *iso, char *out, size_t n) {
    int y, m, d;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        snprintf(out, n, "%s", iso ? iso : "");
        return;
    }
    if (tr_lang() == LANG_FR) snprintf(out, n, "%02d/%02d/%04d", d, m, y);
    else snprintf(out, n, "%04d-%02d-%02d", y, m, d);
}

static const char *scenario_title(const App *app, const char *id) {
    for (int i = 0; i < app->game.n_lib; i++) {
        const Scenario *sc = app->game.lib[i].sc;
        if (sc && strcmp(sc->id, id) == 0) return loc_get(&sc->title, app->lang, NULL);
    }
    return id;
}

/* True when competency `id` still needs work: never acquired. */
static bool to_work_on(const App *app, const char *id) {
    ProgressCompetency pc;
    if (!app->progress || !progress_competency(app->progress, id, &pc)) return true;
    return pc.best.mastery != MASTERY_ACQUIRED;
}

static int panel_text(App *app, const char *s, FontFace face, ThemeColor fill, int x, int y, int w, const char *name) {
    int pad = app_grid(app, 2);
    const TextTex *t = text_get(app->text, TS_BODY, face, app_color(app, COL_TEXT), s, w - 2 * pad, ALIGN_LEFT);
    widget_panel(app, (SDL_Rect){x, y, w, t->h + 2 * pad}, fill, COL_BORDER);
    widget_text(app, TS_BODY, face, COL_TEXT, s, x + pad, y + pad, w - 2 * pad, name);
    return t->h + 2 * pad;
}

static int badges(App *app, const Framework *fw, int x, int y, int w) {
    int gap = app_grid(app, 2), pad = app_grid(app, 2);
    int cols = w >= app_px(app, 700) ? 3 : 1;
    int cw = (w - (cols - 1) * gap) / cols;
    char head[3][512], line[3][512];
    int hs[3], maxh = 0;
    for (int l = 1; l <= 3; l++) {
        const char *date = "";
        bool got = app->progress && progress_badge(app->progress, l, &date, NULL);
        char lv[8], when[64];
        snprintf(lv, sizeof lv, "%d", l);
        tr_format(head[l - 1], sizeof head[l - 1], got ? "pass.badge_got" : "pass.badge_not", lv, view_level_name(app, fw, l));
        format_date(date, when, sizeof when);
        if (got && *date) tr_format(line[l - 1], sizeof line[l - 1], "pass.badge_date", when, NULL);
        else snprintf(line[l - 1], sizeof line[l - 1], "%s", tr(got ? "pass.badge_earned" : "pass.badge_how"));
        hs[l - 1] = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), head[l - 1], cw - 2 * pad, ALIGN_LEFT)->h +
                    app_px(app, 6) +
                    text_get(app->text, TS_SMALL, FACE_REGULAR, app_color(app, COL_TEXT), line[l - 1], cw - 2 * pad, ALIGN_LEFT)->h +
                    2 * pad;
        if (hs[l - 1] > maxh) maxh = hs[l - 1];
    }
    int y0 = y;
    for (int l = 1; l <= 3; l++) {
        bool got = app->progress && progress_badge(app->progress, l, NULL, NULL);
        int bx = x + (cols == 3 ? (l - 1) * (cw + gap) : 0);
        int bh = cols == 3 ? maxh : hs[l - 1];
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "badge-%d", l);
        widget_panel(app, (SDL_Rect){bx, y, cw, bh}, got ? COL_TONE_POSITIVE : COL_SURFACE_ALT, COL_BORDER);
        int th = widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, head[l - 1], bx + pad, y + pad, cw - 2 * pad, name);
        widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT, line[l - 1], bx + pad, y + pad + th + app_px(app, 6), cw - 2 * pad,
                    "badge-status");
        if (cols == 1) y += bh + gap;
    }
    if (cols == 3) y += maxh + gap;
    return y - y0 - gap;
}

static int competency(App *app, const Competency *c, int x, int y, int w) {
    ProgressCompetency pc;
    bool got = app->progress && progress_competency(app->progress, c->id, &pc);
    int pad = app_grid(app, 2), iw = w - 2 * pad;
    char best[1024], latest[1024];
    if (got) {
        char sv[16], score[32], when[64];
        snprintf(sv, sizeof sv, "%d", pc.best.score);
        tr_format(score, sizeof score, "deb.score", sv, NULL);
        char tail[512];
        snprintf(tail, sizeof tail, "%s · %s %s", score, view_mastery_mark(pc.best.mastery), view_mastery_label(pc.best.mastery));
        tr_format(best, sizeof best, "pass.best", tail, scenario_title(app, pc.best.scenario));
        snprintf(sv, sizeof sv, "%d", pc.latest.score);
        tr_format(score, sizeof score, "deb.score", sv, NULL);
        format_date(pc.latest.date, when, sizeof when);
        snprintf(tail, sizeof tail, "%s · %s %s", score, view_mastery_mark(pc.latest.mastery), view_mastery_label(pc.latest.mastery));
        tr_format(latest, sizeof latest, *pc.latest.date ? "pass.latest" : "pass.latest_nodate", tail, when);
    } else {
        snprintf(best, sizeof best, "%s %s", view_mastery_mark(MASTERY_NOT_ASSESSED), tr("pass.never"));
        latest[0] = '\0';
    }
    const char *name = loc_get(&c->name, app->lang, NULL);
    int bar_h = app_px(app, 12);
    int h = 2 * pad + text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), name, iw, ALIGN_LEFT)->h +
            app_px(app, 6) + text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), best, iw, ALIGN_LEFT)->h;
    if (latest[0])
        h += app_px(app, 4) + text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT), latest, iw, ALIGN_LEFT)->h;
    if (got) h += app_px(app, 8) + bar_h;
    widget_panel(app, (SDL_Rect){x, y, w, h}, COL_SURFACE, COL_BORDER);
    int yy = y + pad;
    yy += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, name, x + pad, yy, iw, "competency") + app_px(app, 6);
    yy += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, best, x + pad, yy, iw, "best");
    if (latest[0]) yy += app_px(app, 4) + widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, latest, x + pad, yy, iw, "latest");
    if (got)
        widget_score_bar(app, (SDL_Rect){x + pad, yy + app_px(app, 8), iw, bar_h}, pc.best.score,
                         view_mastery_color(pc.best.mastery), "best-bar");
    return h;
}

static int competencies(App *app, const Framework *fw, int x, int y, int w) {
    int y0 = y;
    char legend[512];
    snprintf(legend, sizeof legend, "%s %s · %s %s · %s %s · %s %s", view_mastery_mark(MASTERY_ACQUIRED),
             view_mastery_label(MASTERY_ACQUIRED), view_mastery_mark(MASTERY_IN_PROGRESS), view_mastery_label(MASTERY_IN_PROGRESS),
             view_mastery_mark(MASTERY_TO_WORK_ON), view_mastery_label(MASTERY_TO_WORK_ON), view_mastery_mark(MASTERY_NOT_ASSESSED),
             view_mastery_label(MASTERY_NOT_ASSESSED));
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, legend, x, y, w, "legend") + app_grid(app, 2);
    if (!fw) return y - y0 + widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("pass.no_framework"), x, y, w, "no-framework");
    for (int l = 1; l <= 3; l++) {
        bool any = false;
        for (uint16_t i = 0; i < fw->n_items; i++)
            if (fw->items[i].level == l) any = true;
        if (!any) continue;
        char lv[8], head[512];
        snprintf(lv, sizeof lv, "%d", l);
        tr_format(head, sizeof head, "pass.level", lv, view_level_name(app, fw, l));
        y += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT_MUTED, head, x, y, w, "level") + app_grid(app, 1);
        for (uint16_t i = 0; i < fw->n_items; i++)
            if (fw->items[i].level == l) y += competency(app, &fw->items[i], x, y, w) + app_grid(app, 1);
        y += app_grid(app, 2);
    }
    return y - y0;
}

typedef struct Suggestion { int index, count; uint32_t plays; } Suggestion;

static int cmp_suggestion(const void *a, const void *b) {
    const Suggestion *x = a, *y = b;
    if (x->count != y->count) return y->count - x->count;
    if (x->plays != y->plays) return x->plays < y->plays ? -1 : 1;
    return x->index - y->index;
}

static int suggestions(App *app, const Framework *fw, int x, int y, int w) {
    int y0 = y;
    Suggestion sg[256];
    int n = 0;
    for (int i = 0; i < app->game.n_lib && n < 256; i++) {
        const Scenario *sc = app->game.lib[i].sc;
        if (!sc) continue;
        int count = 0;
        for (uint16_t k = 0; k < sc->n_targeted; k++)
            if (to_work_on(app, sc->competencies[k])) count++;
        if (count == 0) continue;
        sg[n++] = (Suggestion){i, count, app->progress ? progress_scenario_plays(app->progress, sc->id) : 0};
    }
    if (n == 0) return widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("pass.nothing_left"), x, y, w, "nothing-left");
    qsort(sg, (size_t)n, sizeof sg[0], cmp_suggestion);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr("pass.next_intro"), x, y, w, "next-intro") + app_grid(app, 2);
    for (int s = 0; s < n && s < MAX_SUGGESTIONS; s++) {
        const LibEntry *e = &app->game.lib[sg[s].index];
        const Scenario *sc = e->sc;
        char names[1536] = "";
        size_t o = 0;
        for (uint16_t k = 0; k < sc->n_targeted; k++) {
            if (!to_work_on(app, sc->competencies[k])) continue;
            const char *cn = sc->competencies[k];
            int32_t fi = fw ? framework_find(fw, cn) : -1;
            if (fi >= 0) cn = loc_get(&fw->items[fi].name, app->lang, NULL);
            int wr = snprintf(names + o, sizeof names - o, "%s%s", o ? ", " : "", cn);
            if (wr < 0 || (size_t)wr >= sizeof names - o) break;
            o += (size_t)wr;
        }
        char lv[8], lvl[16], note[2048], plays[16], label[1024];
        snprintf(lv, sizeof lv, "%u", sc->level);
        tr_format(lvl, sizeof lvl, "level.short", lv, NULL);
        tr_format(note, sizeof note, "pass.trains", names, NULL);
        if (sg[s].plays == 0) {
            size_t nl = strlen(note);
            snprintf(note + nl, sizeof note - nl, " · %s", tr("pass.not_played"));
        } else {
            snprintf(plays, sizeof plays, "%u", sg[s].plays);
            size_t nl = strlen(note);
            char pl[128];
            tr_format(pl, sizeof pl, sg[s].plays == 1 ? "pass.played_once" : "pass.played", plays, NULL);
            snprintf(note + nl, sizeof note - nl, " · %s", pl);
        }
        snprintf(label, sizeof label, "%s (%s)", loc_get(&sc->title, app->lang, NULL), lvl);
        int bh = widget_button_height(app, label, w, 0, note);
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "suggest-%d", s);
        widget_button(app, (SDL_Rect){x, y, w, bh}, ACT_SCENARIO + sg[s].index, name, label, BUTTON_SECONDARY, true, 0,
                      note);
        y += bh + app_grid(app, 1);
    }
    return y - y0;
}

static void passport_render(App *app, void *vst) {
    PassportState *st = vst;
    const Framework *fw = framework_of(app, st);
    const char *who = app->profile >= 0 ? app->profiles.items[app->profile].pseudonym : "";
    int hh = widget_header(app, tr("pass.title"), who);
    BarButton bar[] = {{ACT_EXPORT, "export-all", tr("pass.export_all"), BUTTON_SECONDARY, true},
                       {ACT_BACK, "back", tr("common.back"), BUTTON_PRIMARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, bar, 2);
    int x = page.x, w = page.w;
    /* A message about another export folder than the one now chosen (in
     * the settings opened from here) no longer applies. */
    if (st->said != SAID_NOTHING && strcmp(st->dir_then, app->game.export_dir) != 0) st->said = SAID_NOTHING;
    char msg[3000];
    bool msg_error = export_said(st, msg, sizeof msg);
    if (msg[0]) {
        y += view_message(app, msg, msg_error, x, y, w, msg_error ? "export-error" : "export-status") + app_grid(app, 1);
        if (msg_error || st->own) {
            const char *label = tr("pass.export_choose");
            int bw = text_width(app->text, TS_BODY, FACE_BOLD, label) + app_grid(app, 5) + 2;
            if (bw > w) bw = w;
            int bh = widget_button_height(app, label, bw, 0, NULL);
            widget_button(app, (SDL_Rect){x, y, bw, bh}, ACT_CHOOSE_DIR, "export-choose", label, BUTTON_SECONDARY, true,
                          0, NULL);
            y += bh + app_grid(app, 1);
        }
        y += app_grid(app, 1);
    }
    if (app->progress_notice[0])
        y += panel_text(app, app->progress_notice, FACE_REGULAR, COL_SURFACE_ALT, x, y, w, "notice") + app_grid(app, 2);
    uint32_t total = app->progress ? progress_total_plays(app->progress) : 0;
    char sum[512], n[16];
    snprintf(n, sizeof n, "%u", total);
    if (total == 0) snprintf(sum, sizeof sum, "%s", tr("pass.empty"));
    else tr_count(sum, sizeof sum, "pass.plays_one", "pass.plays", total, n, NULL);
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, sum, x, y, w, "summary") + app_grid(app, 3);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("pass.badges"), x, y, w, "heading") + app_grid(app, 2);
    y += badges(app, fw, x, y, w) + app_grid(app, 4);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("pass.competencies"), x, y, w, "heading") + app_grid(app, 1);
    y += competencies(app, fw, x, y, w) + app_grid(app, 2);
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("pass.next"), x, y, w, "heading") + app_grid(app, 2);
    y += suggestions(app, fw, x, y, w) + app_grid(app, 3);
    view_page_end(app, &page, y);
}

const ScreenDef screen_passport = {
    .name = "passport",
    .state_size = sizeof(PassportState),
    .enter = passport_enter,
    .leave = passport_leave,
    .handle = passport_handle,
    .render = passport_render,
};
