/* screen_reports.c — choosing a workshop report for the debrief mode, from
 * the title screen: lists the report-data.json files (written by `enjeux
 * report`) found in the usual places — the current folder, the game's user
 * folder and its reports/ folder, the home folder, Desktop / Bureau,
 * Documents, Downloads / Téléchargements, and one level of sub-folders of
 * each — newest first. Choosing one opens the debrief mode; a file that
 * cannot be read is explained in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/fsutil.h"
#include "ui/app.h"
#include "ui/tr.h"
#include "ui/view.h"

enum { REPORTS_MAX = 16, ACT_BACK = 1000 };

typedef struct Found { char path[PATH_MAX_LEN + 64]; time_t mtime; } Found;

typedef struct ReportsState {
    UiScroll scroll;
    Found found[REPORTS_MAX];
    int n;
    char error[2048];
} ReportsState;

static bool is_report_name(const char *name) {
    size_t n = strlen(name), k = strlen("report-data.json");
    return n >= k && strcmp(name + n - k, "report-data.json") == 0;
}

static void add_found(ReportsState *st, const char *path, time_t mtime) {
    for (int i = 0; i < st->n; i++)
        if (strcmp(st->found[i].path, path) == 0) return;
    int at = st->n < REPORTS_MAX ? st->n++ : REPORTS_MAX - 1;
    if (at == REPORTS_MAX - 1 && st->found[at].path[0] && st->found[at].mtime > mtime) return;
    snprintf(st->found[at].path, sizeof st->found[at].path, "%s", path);
    st->found[at].mtime = mtime;
    /* Newest first. */
    for (int i = at; i > 0 && st->found[i].mtime > st->found[i - 1].mtime; i--) {
        Found t = st->found[i];
        st->found[i] = st->found[i - 1];
        st->found[i - 1] = t;
    }
}

static void scan(ReportsState *st, const char *dir, int depth) {
    char **names;
    size_t count;
    int err;
    if (!fsutil_list_dir(dir, &names, &count, &err)) return;
    for (size_t k = 0; k < count; k++) {
        const char *name = names[k];
        if (name[0] == '.') continue;
        char path[PATH_MAX_LEN + 64];
        int n = snprintf(path, sizeof path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
        if (n < 0 || (size_t)n >= sizeof path) continue;
        FsKind kind = fsutil_kind(path);
        if (kind == FS_KIND_FILE && is_report_name(name))
            add_found(st, path, (time_t)(fsutil_stamp(path).mtime_ns / 1000000000LL));
        else if (kind == FS_KIND_DIR && depth > 0)
            scan(st, path, depth - 1);
    }
    fsutil_free_names(names, count);
}

static void reports_enter(App *app, void *vst, int arg) {
    ReportsState *st = vst;
    (void)arg;
    scan(st, ".", 1);
    scan(st, app->user_dir, 0);
    char p[PATH_MAX_LEN + 32];
    snprintf(p, sizeof p, "%sreports", app->user_dir);
    scan(st, p, 1);
    const char *home = getenv("HOME");
    if (home && *home && !app->opts.shots_dir) {
        static const char *const SUB[] = {"", "Desktop", "Bureau", "Documents", "Downloads", "Téléchargements"};
        for (size_t i = 0; i < sizeof SUB / sizeof *SUB; i++) {
            snprintf(p, sizeof p, "%s/%s", home, SUB[i]);
            scan(st, p, i == 0 ? 0 : 1);
        }
    }
    ui_set_focus(&app->ui, st->n ? "report-0" : "back");
}

static void reports_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    ReportsState *st = vst;
    if (action == ACT_BACK || (action < 0 && ev->type == SDL_KEYDOWN && ev->key.keysym.sym == SDLK_ESCAPE)) {
        app_pop(app);
    } else if (action >= 0 && action < st->n) {
        if (app_open_report(app, st->found[action].path, st->error, sizeof st->error)) {
            st->error[0] = '\0';
            app_replace(app, &screen_class, 0);
        }
    }
}

static void reports_render(App *app, void *vst) {
    ReportsState *st = vst;
    int hh = widget_header(app, tr("rep.title"), NULL);
    BarButton bar[] = {{ACT_BACK, "back", tr("rep.back"), BUTTON_SECONDARY, true}};
    ViewPage vp;
    int y = view_page_begin(app, &vp, &st->scroll, hh, bar, 1);
    int x = vp.x, w = vp.w;
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, st->n ? tr("rep.help") : tr("rep.none"), x, y, w, "help") +
         app_grid(app, 3);
    if (st->error[0])
        y += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, st->error, x, y, w, "error") + app_grid(app, 3);
    for (int i = 0; i < st->n; i++) {
        char name[32], date[64];
        snprintf(name, sizeof name, "report-%d", i);
        struct tm tmv;
        time_t t = st->found[i].mtime;
        if (localtime_r(&t, &tmv)) strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tmv);
        else date[0] = '\0';
        char note[160];
        tr_format(note, sizeof note, "rep.modified", date, NULL);
        int bh = widget_button_height(app, st->found[i].path, w, 0, note);
        widget_button(app, (SDL_Rect){x, y, w, bh}, i, name, st->found[i].path, BUTTON_CHOICE, true, 0, note);
        y += bh + app_grid(app, 2);
    }
    view_page_end(app, &vp, y);
}

const ScreenDef screen_reports = {
    .name = "reports",
    .state_size = sizeof(ReportsState),
    .enter = reports_enter,
    .handle = reports_handle,
    .render = reports_render,
};
