/* field.c — one-line text fields; see field.h. */
#include "ui/field.h"

#include <stdio.h>
#include <string.h>

#include "ui/widget.h"

/* The longest text a field measures and draws, in bytes (the export
 * folder's path, the longest field, is at most SETTINGS_PATH_MAX). */
enum { FIELD_BYTES = 2300 };

static bool continuation(char c) {
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* The caret on a character boundary within the text (at its end when it
 * has not been placed yet). */
static void clamp(const char *buf, FieldCaret *c) {
    size_t n = strlen(buf);
    if (!c->placed || c->at > n) c->at = n;
    c->placed = true;
    while (c->at > 0 && continuation(buf[c->at])) c->at--;
    if (c->first > c->at) c->first = c->at;
    while (c->first > 0 && continuation(buf[c->first])) c->first--;
}

static size_t prev_char(const char *buf, size_t at) {
    if (at == 0) return 0;
    at--;
    while (at > 0 && continuation(buf[at])) at--;
    return at;
}

static size_t next_char(const char *buf, size_t at) {
    if (!buf[at]) return at;
    at++;
    while (buf[at] && continuation(buf[at])) at++;
    return at;
}

/* Word moves (Ctrl+Left/Right) stop at the start of a word: spaces and the
 * separators of a folder path end one. */
static bool separator(char ch) {
    return ch == ' ' || ch == '/' || ch == '\\' || ch == '-' || ch == '_' || ch == '.';
}

static size_t prev_word(const char *buf, size_t at) {
    while (at > 0 && separator(buf[prev_char(buf, at)])) at = prev_char(buf, at);
    while (at > 0 && !separator(buf[prev_char(buf, at)])) at = prev_char(buf, at);
    return at;
}

static size_t next_word(const char *buf, size_t at) {
    while (buf[at] && !separator(buf[at])) at = next_char(buf, at);
    while (buf[at] && separator(buf[at])) at = next_char(buf, at);
    return at;
}

static void erase(char *buf, size_t from, size_t to) {
    memmove(buf + from, buf + to, strlen(buf + to) + 1);
}

/* Inserts `add` (line breaks and tabs dropped) at the caret when it fits
 * whole. */
static void insert(char *buf, size_t cap, FieldCaret *c, const char *add, bool upper) {
    size_t n = strlen(buf), k = 0;
    for (const char *p = add; *p; p++) k += *p != '\n' && *p != '\r' && *p != '\t';
    if (k == 0 || n + k >= cap) return;
    memmove(buf + c->at + k, buf + c->at, n - c->at + 1);
    size_t at = c->at;
    for (const char *p = add; *p; p++) {
        char ch = *p;
        if (ch == '\n' || ch == '\r' || ch == '\t') continue;
        buf[at++] = upper && ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
    }
    c->at = at;
}

void field_caret_end(FieldCaret *c) {
    c->placed = false;
}

bool field_edit(char *buf, size_t cap, FieldCaret *c, const SDL_Event *ev, bool upper) {
    clamp(buf, c);
    if (ev->type == SDL_TEXTINPUT) {
        insert(buf, cap, c, ev->text.text, upper);
        return true;
    }
    if (ev->type != SDL_KEYDOWN) return false;
    SDL_Keycode k = ev->key.keysym.sym;
    bool ctrl = (ev->key.keysym.mod & KMOD_CTRL) != 0;
    switch (k) {
    case SDLK_BACKSPACE: {
        size_t from = ctrl ? prev_word(buf, c->at) : prev_char(buf, c->at);
        erase(buf, from, c->at);
        c->at = from;
        return true;
    }
    case SDLK_DELETE:
        erase(buf, c->at, ctrl ? next_word(buf, c->at) : next_char(buf, c->at));
        return true;
    case SDLK_LEFT:
        c->at = ctrl ? prev_word(buf, c->at) : prev_char(buf, c->at);
        return true;
    case SDLK_RIGHT:
        c->at = ctrl ? next_word(buf, c->at) : next_char(buf, c->at);
        return true;
    case SDLK_HOME:
        c->at = 0;
        return true;
    case SDLK_END:
        c->at = strlen(buf);
        return true;
    default:
        break;
    }
    if (ctrl && k == SDLK_u) {
        buf[0] = '\0';
        c->at = c->first = 0;
        return true;
    }
    if (ctrl && k == SDLK_v) {
        char *clip = SDL_HasClipboardText() ? SDL_GetClipboardText() : NULL;
        if (clip) insert(buf, cap, c, clip, upper);
        SDL_free(clip);
        return true;
    }
    return false;
}

bool field_focused(const App *app, const char *name) {
    return strcmp(app->ui.focus, name) == 0;
}

/* Width in pixels of text[from, to) on one line. */
static int span_width(App *app, const char *text, size_t from, size_t to) {
    char part[FIELD_BYTES];
    size_t n = to - from < sizeof part - 1 ? to - from : sizeof part - 1;
    memcpy(part, text + from, n);
    part[n] = '\0';
    return n ? text_width(app->text, TS_BODY, FACE_REGULAR, part) : 0;
}

/* The character boundaries of `text`, in `at` (FIELD_BYTES entries);
 * 0 when the text is too long for them (fields hold far less). */
static int boundaries(const char *text, size_t *at) {
    if (strlen(text) + 1 > FIELD_BYTES) return 0;
    int n = 0;
    for (size_t i = 0;; i = next_char(text, i)) {
        at[n++] = i;
        if (!text[i]) return n;
    }
}

/* The first boundary b[k] (k in [lo, hi]) from which the text up to `to`
 * is at most `avail` wide (widths shrink as k grows; hi always fits). */
static int first_fitting(App *app, const char *text, const size_t *b, int lo, int hi, size_t to, int avail) {
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (span_width(app, text, b[mid], to) <= avail) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

/* The last boundary b[k] (k in [lo, hi]) up to which the text from `from`
 * is at most `avail` wide (lo always fits). */
static int last_fitting(App *app, const char *text, const size_t *b, int lo, int hi, size_t from, int avail) {
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (span_width(app, text, from, b[mid]) <= avail) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

static int index_of(const size_t *b, int n, size_t at) {
    for (int i = 0; i < n; i++)
        if (b[i] >= at) return i;
    return n - 1;
}

bool field_click(App *app, const char *name, const char *text, FieldCaret *c, const SDL_Event *ev) {
    if (ev->type != SDL_MOUSEBUTTONDOWN || ev->button.button != SDL_BUTTON_LEFT) return false;
    const UiItem *it = ui_find(&app->ui, name);
    SDL_Point p = {app->ui.mouse_x, app->ui.mouse_y};
    if (!it || !it->enabled || !SDL_PointInRect(&p, &it->r)) return false;
    clamp(text, c);
    ui_set_focus(&app->ui, name);
    size_t b[FIELD_BYTES];
    int nb = boundaries(text, b);
    if (nb == 0) return true;
    int dx = p.x - (it->full.x + app_grid(app, 2));
    int f = index_of(b, nb, c->first);
    if (dx <= 0) {
        c->at = b[f];
        return true;
    }
    /* The last boundary left of the pointer, or the next one when nearer. */
    int k = last_fitting(app, text, b, f, nb - 1, c->first, dx);
    int left = span_width(app, text, c->first, b[k]);
    if (k + 1 < nb && span_width(app, text, c->first, b[k + 1]) - dx < dx - left) k++;
    c->at = b[k];
    return true;
}

int field_draw(App *app, int x, int y, int w, int id, const char *name, const char *text, FieldCaret *c,
               const char *placeholder) {
    int pad = app_grid(app, 2);
    int inner_w = w - 2 * pad;
    int caret_w = app_px(app, 2) > 1 ? app_px(app, 2) : 2;
    bool empty = !text[0];
    bool focused = field_focused(app, name);
    clamp(text, c);
    Rgba ink = app_color(app, COL_TEXT);
    int line_h = text_get(app->text, TS_BODY, FACE_REGULAR, ink, "Ég", 0, ALIGN_LEFT)->h;
    int content_h = line_h;
    /* As high as the placeholder, typed text or not: the page does not
     * move under the player's fingers at the first key. */
    const TextTex *ph = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, COL_TEXT_MUTED), placeholder,
                                 inner_w - caret_w - app_px(app, 6), ALIGN_LEFT);
    if (ph->h > content_h) content_h = ph->h;
    SDL_Rect box = {x, y, w, content_h + 2 * pad};
    UiItem *it = ui_add(&app->ui, UI_BUTTON, box, id, true, name);
    if (it) it->editable = true;
    widget_panel(app, box, COL_SURFACE, focused ? COL_ACCENT : COL_BORDER);
    if (focused) {
        int bw = caret_w;
        widget_fill(app, (SDL_Rect){box.x, box.y + box.h - bw, box.w, bw}, COL_ACCENT);
    }
    if (it && ui_is_focused(&app->ui, it)) {
        widget_focus_ring(app, box);
        /* Self-voicing says what the field is for as the focus comes. */
        app_voice_focus(app, placeholder);
    }
    char inner[UI_NAME_LEN];
    snprintf(inner, sizeof inner, "%.40s-text", name);
    int caret_x = x + pad;
    if (empty) {
        widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT_MUTED, placeholder, x + pad + caret_w + app_px(app, 6),
                    y + pad, inner_w - caret_w - app_px(app, 6), inner);
    } else {
        /* The part shown: the caret in view, the box filled when the text
         * allows, and the first character shown kept where it was
         * otherwise, so that the text does not jump under the caret. */
        size_t b[FIELD_BYTES];
        int nb = boundaries(text, b);
        int avail = inner_w - caret_w;
        if (nb > 0 && avail > 0) {
            int ic = index_of(b, nb, c->at);
            int lo = first_fitting(app, text, b, 0, ic, c->at, avail);
            int fill = first_fitting(app, text, b, 0, nb - 1, b[nb - 1], avail);
            int f = index_of(b, nb, c->first);
            int hi = fill < ic ? fill : ic;
            if (f < lo) f = lo;
            if (f > hi) f = hi;
            c->first = b[f];
            int last = last_fitting(app, text, b, f, nb - 1, c->first, avail);
            char shown[FIELD_BYTES];
            size_t len = b[last] - c->first;
            memcpy(shown, text + c->first, len);
            shown[len] = '\0';
            widget_text(app, TS_BODY, FACE_REGULAR, COL_TEXT, shown, x + pad, y + pad, inner_w, inner);
            caret_x = x + pad + span_width(app, text, c->first, c->at);
        }
    }
    if (focused) {
        SDL_Rect caret = {caret_x, y + pad, caret_w, line_h};
        widget_fill(app, caret, COL_TEXT);
        SDL_SetTextInputRect(&caret);
    }
    return box.h;
}
