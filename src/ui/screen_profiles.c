/* screen_profiles.c — who is playing: pick a profile of this computer,
 * create one (a pseudonym typed on the keyboard, accents included), or
 * delete one with all its data after a confirmation that says what will be
 * erased; and the optional workshop code the trainer gives (written in
 * every record and result of the plays that follow, docs/workshop.md),
 * applied to the profile picked or created. Shown at start when there is
 * not exactly one profile, and from the title screen ("change profile"). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/fmt.h"
#include "ui/app.h"
#include "ui/field.h"
#include "ui/tr.h"
#include "ui/view.h"

enum {
    ACT_BACK = 1, ACT_QUIT, ACT_FIELD, ACT_CREATE, ACT_CANCEL, ACT_CONFIRM, ACT_CODE, ACT_PAGE_PREV, ACT_PAGE_NEXT,
    ACT_PICK = 100, ACT_DELETE = 100 + PROFILE_MAX
};

/* Profiles listed at once: a laptop used by workshops for years holds
 * hundreds; the others are a page away (buttons, Page Up/Down). */
enum { PAGE_SIZE = 20 };

typedef struct ProfilesState {
    UiScroll scroll;
    int origin;                     /* PROFILES_FROM_TITLE, PROFILES_AT_START, PROFILES_AT_START_SCENARIO + i */
    int confirm;                    /* index of the profile whose deletion is being confirmed, -1 */
    int page;                       /* page of the list shown (PAGE_SIZE profiles) */
    int list_y;                     /* content y of the list's heading, to scroll to it on a change of page */
    int list_end;                   /* content y of the end of the list and its page buttons */
    int drawn_offset;               /* the scroll offset of the last frame drawn */
    bool to_list_end;               /* scroll to the end of the list once laid out (wheel up to the page before) */
    bool revealed;                  /* the focus was scrolled into view once the screen was laid out */
    char typed[PROFILE_PSEUDO_BYTES + 8];
    FieldCaret typed_caret;
    char error[512];                /* why the last creation or deletion failed */
    char code[WORKSHOP_CODE_MAX];   /* the workshop code field, as typed */
    FieldCaret code_caret;
    char code_shown[WORKSHOP_CODE_MAX]; /* the code in use when the screen opened */
    char code_error[512];           /* what is wrong with the typed code */
} ProfilesState;

static int page_count(const App *app) {
    return app->profiles.n > 0 ? (app->profiles.n + PAGE_SIZE - 1) / PAGE_SIZE : 1;
}

static bool can_go_back(const App *app, const ProfilesState *st) {
    return st->origin == PROFILES_FROM_TITLE && app->profile >= 0;
}

static void profiles_enter(App *app, void *vst, int arg) {
    ProfilesState *st = vst;
    st->confirm = -1;
    st->origin = arg;
    if (arg >= PROFILES_CONFIRM && arg < PROFILES_CONFIRM + PROFILE_MAX) {
        st->origin = PROFILES_FROM_TITLE;
        st->confirm = arg - PROFILES_CONFIRM < app->profiles.n ? arg - PROFILES_CONFIRM : -1;
    }
    snprintf(st->code, sizeof st->code, "%s", app->game.workshop);
    memcpy(st->code_shown, st->code, sizeof st->code);
    int last = profiles_find(&app->profiles, app->profiles.last);
    if (app->profile >= 0) last = app->profile;
    st->page = (st->confirm >= 0 ? st->confirm : last >= 0 ? last : 0) / PAGE_SIZE;
    char name[UI_NAME_LEN];
    if (st->confirm >= 0) {
        ui_set_focus(&app->ui, "cancel");
    } else if (arg == PROFILES_WORKSHOP) {
        st->origin = PROFILES_FROM_TITLE;
        ui_set_focus(&app->ui, "workshop-code");
    } else if (app->profiles.n == 0 || last < 0) {
        ui_set_focus(&app->ui, app->profiles.n == 0 ? "pseudonym" : "profile-0");
    } else {
        snprintf(name, sizeof name, "profile-%d", last);
        ui_set_focus(&app->ui, name);
    }
    SDL_StartTextInput();
}

static void profiles_leave(App *app, void *vst) {
    (void)vst;
    app->profiles_notice[0] = '\0';
    SDL_StopTextInput();
}

/* Checks the typed workshop code; false with the reason shown under the
 * field (and the focus on it). `clean` receives the code to use. */
static bool check_code(App *app, ProfilesState *st, char clean[WORKSHOP_CODE_MAX]) {
    char bad[5], max[8];
    WorkshopCodeCheck c = workshop_code_clean(st->code, clean, bad);
    st->code_error[0] = '\0';
    if (c == WCODE_OK || c == WCODE_EMPTY) return true;
    snprintf(max, sizeof max, "%d", WORKSHOP_CODE_LEN);
    if (c == WCODE_TOO_LONG) tr_format(st->code_error, sizeof st->code_error, "prof.code_err_long", max, NULL);
    else if (bad[0] == ' ') snprintf(st->code_error, sizeof st->code_error, "%s", tr("prof.code_err_space"));
    else tr_format(st->code_error, sizeof st->code_error, "prof.code_err_char", bad, NULL);
    ui_set_focus(&app->ui, "workshop-code");
    app->redraw = true;
    return false;
}

/* Once the profile is in use: a code the player changed on this screen
 * becomes the profile's (settings.json) and the one in use. */
static void apply_code(App *app, const ProfilesState *st, const char *clean) {
    char shown[WORKSHOP_CODE_MAX], bad[5];
    workshop_code_clean(st->code_shown, shown, bad);
    if (strcmp(clean, shown) != 0) app_set_workshop_code(app, clean);
}

/* After a profile was picked or created: where the player was going. */
static void go_on(App *app, const ProfilesState *st) {
    app_reset(app, &screen_title, 0);
    if (st->origin == PROFILES_AT_START) app_push(app, &screen_library, 0);
    else if (st->origin >= PROFILES_AT_START_SCENARIO && st->origin - PROFILES_AT_START_SCENARIO < app->game.n_lib)
        app_push(app, &screen_briefing, st->origin - PROFILES_AT_START_SCENARIO);
}

static void pick(App *app, ProfilesState *st, int index) {
    char code[WORKSHOP_CODE_MAX];
    if (!check_code(app, st, code)) return;
    if (app->profile == index && st->origin == PROFILES_FROM_TITLE) {
        apply_code(app, st, code);
        app_pop(app);
        return;
    }
    if (!app_use_profile(app, index)) {
        tr_format(st->error, sizeof st->error, "prof.cannot_use", app->profiles.items[index].pseudonym, NULL);
        return;
    }
    apply_code(app, st, code);
    go_on(app, st);
}

static void create(App *app, ProfilesState *st) {
    char code[WORKSHOP_CODE_MAX];
    if (!check_code(app, st, code)) return;
    char bad[5];
    char clean[PROFILE_PSEUDO_BYTES];
    PseudoCheck c = profile_check_pseudonym(&app->profiles, st->typed, clean, bad);
    static const char *const KEYS[] = {"", "prof.err_empty", "prof.err_long", "prof.err_char", "prof.err_taken",
                                       "prof.err_full"};
    if (c != PSEUDO_OK) {
        char max[8];
        snprintf(max, sizeof max, "%d", PROFILE_PSEUDO_MAX);
        tr_format(st->error, sizeof st->error, KEYS[c], c == PSEUDO_BAD_CHAR ? bad : c == PSEUDO_DUPLICATE ? clean : max,
                  NULL);
        ui_set_focus(&app->ui, "pseudonym");
        return;
    }
    uint64_t entropy = (uint64_t)time(NULL) << 20 ^ SDL_GetPerformanceCounter() ^ (uint64_t)(uintptr_t)st;
    PseudoCheck why;
    int err;
    int index = profiles_create(&app->profiles, app->user_dir, clean, entropy, time(NULL), &why, &err);
    if (index < 0) {
        char where[PATH_MAX_LEN + 64];
        snprintf(where, sizeof where, "%sprofiles/ (%s)", app->user_dir, strerror(err));
        tr_format(st->error, sizeof st->error, "prof.err_write", where, NULL);
        return;
    }
    st->typed[0] = '\0';
    st->error[0] = '\0';
    pick(app, st, index);
}

static void delete_confirmed(App *app, ProfilesState *st) {
    int index = st->confirm;
    st->confirm = -1;
    if (index < 0 || index >= app->profiles.n) return;
    char pseudo[PROFILE_PSEUDO_BYTES];
    snprintf(pseudo, sizeof pseudo, "%s", app->profiles.items[index].pseudonym);
    bool active = app->profile == index;
    if (active) game_stop(&app->game);
    int err;
    if (!profiles_delete(&app->profiles, app->user_dir, index, &err)) {
        char why[PATH_MAX_LEN + 128];
        char dir[PATH_MAX_LEN + 32];
        profile_dir(app->user_dir, app->profiles.items[index].id, dir, sizeof dir);
        snprintf(why, sizeof why, "%s (%s)", dir, strerror(err));
        tr_format(st->error, sizeof st->error, "prof.err_delete", why, NULL);
        return;
    }
    tr_format(st->error, sizeof st->error, "prof.deleted", pseudo, NULL);
    if (active) {
        app->profile = -1;
        app->profile_dir[0] = '\0';
        progress_free(app->progress);
        app->progress = NULL;
        app->progress_notice[0] = '\0';
        st->origin = PROFILES_AT_START;
    } else if (app->profile > index) {
        app->profile--;
    }
    if (st->page >= page_count(app)) st->page = page_count(app) - 1;
    char first[UI_NAME_LEN];
    snprintf(first, sizeof first, "profile-%d", st->page * PAGE_SIZE);
    ui_set_focus(&app->ui, app->profiles.n ? first : "pseudonym");
}

/* Shows the next (dir 1) or previous (-1) page of profiles, its heading at
 * the top of the view. The focus goes to the page's first profile when
 * `to_list` or when the button pressed has nothing more to turn to. */
static void turn_page(App *app, ProfilesState *st, int dir, bool to_list) {
    int page = st->page + dir;
    if (page < 0 || page >= page_count(app)) return;
    st->page = page;
    st->scroll.offset = st->list_y - st->scroll.view.y - app_grid(app, 2);
    bool end = page == 0 || page == page_count(app) - 1;
    if (to_list || end) {
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "profile-%d", page * PAGE_SIZE);
        ui_set_focus(&app->ui, name);
    }
    app->redraw = true;
}

/* Whether the focus is on the list: a profile, its delete button, or the
 * buttons that turn pages. */
static bool focus_in_list(const App *app) {
    const char *f = app->ui.focus;
    return strncmp(f, "profile-", 8) == 0 || strncmp(f, "delete-", 7) == 0 || strncmp(f, "page-", 5) == 0;
}

/* The wheel scrolls the page, as on every screen; a notch that finds the
 * page already at its end (nothing scrolled since the last frame) turns to
 * the next page of profiles, shown from its heading, and one at its top to
 * the previous page, shown from its end: the list reads on as one. The
 * focus follows to the new page's first (or last) profile when it was on
 * the list. */
static void wheel(App *app, ProfilesState *st, const SDL_Event *ev) {
    if (st->confirm >= 0 || app->profiles.n <= PAGE_SIZE || ev->wheel.y == 0) return;
    if (st->scroll.offset != st->drawn_offset) return;
    int max = st->scroll.content_h - st->scroll.view.h;
    int dir = ev->wheel.y < 0 ? 1 : -1;
    if (dir > 0 ? st->scroll.offset < max : st->scroll.offset > 0) return;
    int page = st->page + dir;
    if (page < 0 || page >= page_count(app)) return;
    bool follow = focus_in_list(app);
    turn_page(app, st, dir, false);
    if (dir < 0) st->to_list_end = true;
    if (follow) {
        int last = (page + 1) * PAGE_SIZE < app->profiles.n ? (page + 1) * PAGE_SIZE - 1 : app->profiles.n - 1;
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "profile-%d", dir > 0 ? page * PAGE_SIZE : last);
        ui_set_focus(&app->ui, name);
    }
}

static void profiles_handle(App *app, void *vst, const SDL_Event *ev, int action) {
    ProfilesState *st = vst;
    if (ev->type == SDL_MOUSEWHEEL) {
        wheel(app, st, ev);
        return;
    }
    /* A click in a field puts its caret where it lands. */
    if (st->confirm < 0 && (field_click(app, "workshop-code", st->code, &st->code_caret, ev) ||
                            field_click(app, "pseudonym", st->typed, &st->typed_caret, ev))) {
        app->redraw = true;
        return;
    }
    bool in_code = field_focused(app, "workshop-code");
    if (st->confirm < 0 && in_code && field_edit(st->code, sizeof st->code, &st->code_caret, ev, true)) {
        st->code_error[0] = '\0';
        app->redraw = true;
        return;
    }
    /* Text typed anywhere else goes to the pseudonym. */
    if (ev->type == SDL_TEXTINPUT && st->confirm < 0) {
        if (ev->text.text[0] == ' ' && !field_focused(app, "pseudonym")) return;
        field_edit(st->typed, PROFILE_PSEUDO_BYTES, &st->typed_caret, ev, false);
        ui_set_focus(&app->ui, "pseudonym");
        st->error[0] = '\0';
        app->redraw = true;
        return;
    }
    if (ev->type == SDL_KEYDOWN) {
        SDL_Keycode k = ev->key.keysym.sym;
        if (k == SDLK_ESCAPE) {
            if (st->confirm >= 0) st->confirm = -1;
            else if (can_go_back(app, st)) app_pop(app);
            app->redraw = true;
            return;
        }
        if (field_focused(app, "pseudonym") && st->confirm < 0 &&
            field_edit(st->typed, PROFILE_PSEUDO_BYTES, &st->typed_caret, ev, false)) {
            app->redraw = true;
            return;
        }
        /* Space types a space in a field; it does not create. */
        if (k == SDLK_SPACE && (action == ACT_FIELD || action == ACT_CODE)) return;
    }
    if (action == ACT_CODE) {
        char code[WORKSHOP_CODE_MAX], name[UI_NAME_LEN];
        /* Return in the code field checks it and moves on to the profiles. */
        if (ev->type != SDL_KEYDOWN && ev->type != SDL_CONTROLLERBUTTONDOWN) ui_set_focus(&app->ui, "workshop-code");
        else if (check_code(app, st, code)) {
            int next = app->profile >= 0 ? app->profile : app->profiles.n > 0 ? 0 : -1;
            snprintf(name, sizeof name, "profile-%d", next);
            ui_set_focus(&app->ui, next >= 0 ? name : "pseudonym");
        }
        app->redraw = true;
        return;
    }
    if (ev->type == SDL_KEYDOWN && st->confirm < 0 && app->profiles.n > PAGE_SIZE &&
        (ev->key.keysym.sym == SDLK_PAGEDOWN || ev->key.keysym.sym == SDLK_PAGEUP) &&
        (strncmp(app->ui.focus, "profile-", 8) == 0 || strncmp(app->ui.focus, "delete-", 7) == 0 ||
         strncmp(app->ui.focus, "page-", 5) == 0)) {
        turn_page(app, st, ev->key.keysym.sym == SDLK_PAGEDOWN ? 1 : -1, true);
        return;
    }
    if (action == ACT_PAGE_PREV || action == ACT_PAGE_NEXT) {
        turn_page(app, st, action == ACT_PAGE_NEXT ? 1 : -1, false);
        return;
    }
    if (action == ACT_FIELD) {
        if (ev->type == SDL_KEYDOWN || ev->type == SDL_CONTROLLERBUTTONDOWN) create(app, st);
        else ui_set_focus(&app->ui, "pseudonym");
    } else if (action == ACT_CREATE) {
        create(app, st);
    } else if (action == ACT_BACK) {
        app_pop(app);
    } else if (action == ACT_QUIT) {
        app->running = false;
    } else if (action == ACT_CANCEL) {
        int i = st->confirm;
        st->confirm = -1;
        char name[UI_NAME_LEN];
        snprintf(name, sizeof name, "delete-%d", i);
        ui_set_focus(&app->ui, name);
    } else if (action == ACT_CONFIRM) {
        delete_confirmed(app, st);
    } else if (action >= ACT_PICK && action < ACT_PICK + app->profiles.n) {
        pick(app, st, action - ACT_PICK);
    } else if (action >= ACT_DELETE && action < ACT_DELETE + app->profiles.n) {
        st->confirm = action - ACT_DELETE;
        st->error[0] = '\0';
        st->scroll.offset = 0;
        ui_set_focus(&app->ui, "cancel");
    }
}

/* "2026-11-22T…" as a date in the interface's language. */
static void format_date(const char *iso, char *out, size_t n) {
    int y, m, d;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        snprintf(out, n, "%s", iso);
        return;
    }
    char ds[32];
    if (tr_lang() == LANG_FR) snprintf(ds, sizeof ds, "%02d/%02d/%04d", d, m, y);
    else snprintf(ds, sizeof ds, "%04d-%02d-%02d", y, m, d);
    snprintf(out, n, "%s", ds);
}

static int confirm_body(App *app, ProfilesState *st, int x, int y, int w) {
    const Profile *p = &app->profiles.items[st->confirm];
    int y0 = y;
    char buf[2048], dir[PATH_MAX_LEN + 32];
    tr_format(buf, sizeof buf, "prof.confirm_title", p->pseudonym, NULL);
    y += widget_text(app, TS_HEADING, FACE_BOLD, COL_TEXT, buf, x, y, w, "confirm-title") + app_grid(app, 2);
    profile_dir(app->user_dir, p->id, dir, sizeof dir);
    tr_format(buf, sizeof buf, "prof.confirm_what", p->pseudonym, NULL);
    y += view_message(app, buf, true, x, y, w, "confirm-what") + app_grid(app, 2);
    tr_format(buf, sizeof buf, "prof.confirm_where", dir, NULL);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, buf, x, y, w, "confirm-where") + app_grid(app, 3);
    const char *cancel = tr("prof.cancel"), *yes = tr("prof.confirm_yes");
    int gap = app_grid(app, 2);
    int bw = (w - gap) / 2;
    int bh1 = widget_button_height(app, cancel, bw, 0, NULL), bh2 = widget_button_height(app, yes, bw, 0, NULL);
    int bh = bh1 > bh2 ? bh1 : bh2;
    widget_button(app, (SDL_Rect){x, y, bw, bh}, ACT_CANCEL, "cancel", cancel, BUTTON_PRIMARY, true, 0, NULL);
    widget_button(app, (SDL_Rect){x + bw + gap, y, w - bw - gap, bh}, ACT_CONFIRM, "confirm-delete", yes,
                  BUTTON_SECONDARY, true, 0, NULL);
    y += bh;
    return y - y0;
}

/* The optional workshop code: its label and the field on one row (stacked
 * when narrow), what it is for, and what is wrong with it. */
static int code_section(App *app, ProfilesState *st, int x, int y, int w) {
    int y0 = y, gap = app_grid(app, 2);
    const char *label = tr("prof.code");
    int lw = text_width(app->text, TS_BODY, FACE_BOLD, label);
    /* On one row when the field keeps room for its placeholder on one line. */
    int need = text_width(app->text, TS_BODY, FACE_REGULAR, tr("prof.code_placeholder")) + app_grid(app, 5) +
               app_px(app, 8);
    if (need < app_px(app, 260)) need = app_px(app, 260);
    bool row = lw + gap + need <= w;
    if (row) {
        int fh = field_draw(app, x + lw + gap, y, w - lw - gap, ACT_CODE, "workshop-code", st->code, &st->code_caret,
                            tr("prof.code_placeholder"));
        const TextTex *lt = text_get(app->text, TS_BODY, FACE_BOLD, app_color(app, COL_TEXT), label, lw, ALIGN_LEFT);
        widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, label, x, y + (fh - lt->h) / 2, lw + 1, "code-heading");
        y += fh;
    } else {
        y += widget_text(app, TS_BODY, FACE_BOLD, COL_TEXT, label, x, y, w, "code-heading") + app_grid(app, 1);
        y += field_draw(app, x, y, w, ACT_CODE, "workshop-code", st->code, &st->code_caret,
                        tr("prof.code_placeholder"));
    }
    y += app_grid(app, 1);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, tr("prof.code_hint"), x, y, w, "code-hint");
    if (st->code_error[0]) {
        y += gap;
        y += view_message(app, st->code_error, true, x, y, w, "code-error");
    }
    return y - y0;
}

/* "Page 2 of 7". */
static int page_line(App *app, const ProfilesState *st, int x, int y, int w) {
    char a[FMT_NUMBER_MAX], b[FMT_NUMBER_MAX], line[256];
    fmt_int(a, sizeof a, st->page + 1, app->lang);
    fmt_int(b, sizeof b, page_count(app), app->lang);
    tr_format(line, sizeof line, "prof.page", a, b);
    app_voice_page(app, line);
    return widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, line, x, y, w, "page");
}

/* Previous and next page, side by side, and how to turn pages by keyboard. */
static int page_buttons(App *app, ProfilesState *st, int x, int y, int w) {
    int y0 = y, gap = app_grid(app, 2);
    const char *prev = tr("prof.page_prev"), *next = tr("prof.page_next");
    int bw = (w - gap) / 2;
    int h1 = widget_button_height(app, prev, bw, 0, NULL), h2 = widget_button_height(app, next, w - bw - gap, 0, NULL);
    int bh = h1 > h2 ? h1 : h2;
    widget_button(app, (SDL_Rect){x, y, bw, bh}, ACT_PAGE_PREV, "page-prev", prev, BUTTON_SECONDARY, st->page > 0, 0,
                  NULL);
    widget_button(app, (SDL_Rect){x + bw + gap, y, w - bw - gap, bh}, ACT_PAGE_NEXT, "page-next", next,
                  BUTTON_SECONDARY, st->page < page_count(app) - 1, 0, NULL);
    y += bh + app_grid(app, 1);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, tr("prof.page_keys"), x, y, w, "page-keys");
    return y - y0;
}

static int list_body(App *app, ProfilesState *st, int x, int y, int w) {
    int y0 = y;
    char buf[1024];
    y += widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, tr(app->profiles.n ? "prof.intro" : "prof.intro_first"), x, y,
                     w, "intro") + app_grid(app, 2);
    y += code_section(app, st, x, y, w) + app_grid(app, 3);
    if (app->profiles.n > 0) {
        st->list_y = y + st->scroll.offset;
        y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("prof.here"), x, y, w, "heading") + app_grid(app, 2);
        if (st->page >= page_count(app)) st->page = page_count(app) - 1;
        int from = st->page * PAGE_SIZE;
        int to = from + PAGE_SIZE < app->profiles.n ? from + PAGE_SIZE : app->profiles.n;
        if (app->profiles.n > PAGE_SIZE) y += page_line(app, st, x, y, w) + app_grid(app, 2);
        const char *del = tr("prof.delete");
        int gap = app_grid(app, 1);
        int dw = text_width(app->text, TS_BODY, FACE_BOLD, del) + app_grid(app, 5);
        if (dw > w / 3) dw = w / 3;
        for (int i = from; i < to; i++) {
            const Profile *p = &app->profiles.items[i];
            char date[64] = "", note[256];
            format_date(p->created, date, sizeof date);
            tr_format(note, sizeof note, p->created[0] ? "prof.created" : "prof.created_unknown", date, NULL);
            if (i == app->profile) {
                size_t n = strlen(note);
                snprintf(note + n, sizeof note - n, " · %s", tr("prof.active"));
            }
            int pw = w - dw - gap;
            int bh = widget_button_height(app, p->pseudonym, pw, 0, note);
            int dh = widget_button_height(app, del, dw, 0, NULL);
            if (dh > bh) bh = dh;
            char name[UI_NAME_LEN], dname[UI_NAME_LEN];
            snprintf(name, sizeof name, "profile-%d", i);
            snprintf(dname, sizeof dname, "delete-%d", i);
            widget_button(app, (SDL_Rect){x, y, pw, bh}, ACT_PICK + i, name, p->pseudonym,
                          i == app->profile ? BUTTON_PRIMARY : BUTTON_SECONDARY, true, 0, note);
            widget_button(app, (SDL_Rect){x + pw + gap, y, dw, bh}, ACT_DELETE + i, dname, del, BUTTON_SECONDARY, true, 0,
                          NULL);
            y += bh + gap;
        }
        if (app->profiles.n > PAGE_SIZE) y += app_grid(app, 1) + page_buttons(app, st, x, y, w);
        st->list_end = y + st->scroll.offset;
        if (app->profiles_over_limit > 0) {
            char n[FMT_NUMBER_MAX], max[FMT_NUMBER_MAX];
            fmt_int(n, sizeof n, app->profiles_over_limit, app->lang);
            fmt_int(max, sizeof max, PROFILE_MAX, app->lang);
            tr_format(buf, sizeof buf, "prof.over_limit", n, max);
            y += app_grid(app, 2) + view_message(app, buf, false, x, y + app_grid(app, 2), w, "over-limit");
        }
        y += app_grid(app, 3);
    }
    y += widget_text(app, TS_SUBHEADING, FACE_BOLD, COL_TEXT, tr("prof.new"), x, y, w, "heading") + app_grid(app, 1);
    char max[8];
    snprintf(max, sizeof max, "%d", PROFILE_PSEUDO_MAX);
    tr_format(buf, sizeof buf, "prof.hint", max, NULL);
    y += widget_text(app, TS_SMALL, FACE_REGULAR, COL_TEXT_MUTED, buf, x, y, w, "hint") + app_grid(app, 2);
    y += field_draw(app, x, y, w, ACT_FIELD, "pseudonym", st->typed, &st->typed_caret, tr("prof.placeholder")) +
         app_grid(app, 2);
    if (st->error[0]) y += view_message(app, st->error, true, x, y, w, "error") + app_grid(app, 2);
    const char *cl = tr("prof.create");
    int cw = text_width(app->text, TS_BODY, FACE_BOLD, cl) + app_grid(app, 6);
    if (cw > w) cw = w;
    int ch = widget_button_height(app, cl, cw, 0, NULL);
    widget_button(app, (SDL_Rect){x, y, cw, ch}, ACT_CREATE, "create", cl, BUTTON_PRIMARY, true, 0, NULL);
    y += ch;
    return y - y0;
}

static void profiles_render(App *app, void *vst) {
    ProfilesState *st = vst;
    if (st->confirm >= app->profiles.n) st->confirm = -1;
    int hh = widget_header(app, tr("prof.title"), NULL);
    BarButton back[] = {{ACT_BACK, "back", tr("common.back"), BUTTON_SECONDARY, true}};
    BarButton quit[] = {{ACT_QUIT, "quit", tr("title.quit"), BUTTON_SECONDARY, true}};
    ViewPage page;
    int y = view_page_begin(app, &page, &st->scroll, hh, can_go_back(app, st) ? back : quit, 1);
    int x = page.x, w = view_column_width(app, page.w, 720);
    x += (page.w - w) / 2;
    if (app->profiles_notice[0]) y += view_message(app, app->profiles_notice, false, x, y, w, "notice") + app_grid(app, 2);
    if (st->confirm >= 0) y += confirm_body(app, st, x, y, w);
    else y += list_body(app, st, x, y, w);
    y += app_grid(app, 3);
    view_page_end(app, &page, y);
    if (st->to_list_end) {
        st->to_list_end = false;
        if (ui_scroll_to(&st->scroll, st->list_end + app_grid(app, 2) - st->scroll.view.y - st->scroll.view.h))
            app->redraw = true;
    }
    st->drawn_offset = st->scroll.offset;
    /* Opened on the profile picked last, maybe far down the page. */
    if (!st->revealed) {
        st->revealed = true;
        if (ui_reveal_focus(&app->ui)) app->redraw = true;
    }
}

const ScreenDef screen_profiles = {
    .name = "profiles",
    .state_size = sizeof(ProfilesState),
    .enter = profiles_enter,
    .leave = profiles_leave,
    .handle = profiles_handle,
    .render = profiles_render,
};
