/* field.c — one-line text fields; see field.h. */
#include "ui/field.h"

#include <stdio.h>
#include <string.h>

#include "ui/widget.h"

static void backspace(char *s) {
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80) n--;
    if (n > 0) n--;
    s[n] = '\0';
}

/* Appends `add` (line breaks and tabs dropped) when it fits whole. */
static bool append(char *buf, size_t cap, const char *add, bool upper) {
    size_t n = strlen(buf), k = 0;
    for (const char *p = add; *p; p++) k += *p != '\n' && *p != '\r' && *p != '\t';
    if (k == 0 || n + k >= cap) return k == 0;
    for (const char *p = add; *p; p++) {
        char c = *p;
        if (c == '\n' || c == '\r' || c == '\t') continue;
        buf[n++] = upper && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    }
    buf[n] = '\0';
    return true;
}

bool field_edit(char *buf, size_t cap, const SDL_Event *ev, bool upper) {
    if (ev->type == SDL_TEXTINPUT) {
        append(buf, cap, ev->text.text, upper);
        return true;
    }
    if (ev->type != SDL_KEYDOWN) return false;
    SDL_Keycode k = ev->key.keysym.sym;
    bool ctrl = (ev->key.keysym.mod & KMOD_CTRL) != 0;
    if (k == SDLK_BACKSPACE) {
        backspace(buf);
        return true;
    }
    if (ctrl && k == SDLK_u) {
        buf[0] = '\0';
        return true;
    }
    if (ctrl && k == SDLK_v) {
        char *clip = SDL_HasClipboardText() ? SDL_GetClipboardText() : NULL;
        if (clip) append(buf, cap, clip, upper);
        SDL_free(clip);
        return true;
    }
    return false;
}

bool field_focused(const App *app, const char *name) {
    return strcmp(app->ui.focus, name) == 0;
}

int field_draw(App *app, int x, int y, int w, int id, const char *name, const char *text, const char *placeholder) {
    int pad = app_grid(app, 2);
    bool empty = !text[0];
    bool focused = field_focused(app, name);
    char shown[2300];
    if (empty) snprintf(shown, sizeof shown, "%s%s", focused ? "|  " : "", placeholder);
    else snprintf(shown, sizeof shown, "%s%s", text, focused ? "|" : "");
    ThemeColor color = empty ? COL_TEXT_MUTED : COL_TEXT;
    const TextTex *tt = text_get(app->text, TS_BODY, FACE_REGULAR, app_color(app, color), shown, w - 2 * pad,
                                 ALIGN_LEFT);
    SDL_Rect box = {x, y, w, tt->h + 2 * pad};
    const UiItem *it = ui_add(&app->ui, UI_BUTTON, box, id, true, name);
    widget_panel(app, box, COL_SURFACE, focused ? COL_ACCENT : COL_BORDER);
    if (focused) {
        int bw = app_px(app, 2) > 1 ? app_px(app, 2) : 2;
        widget_fill(app, (SDL_Rect){box.x, box.y + box.h - bw, box.w, bw}, COL_ACCENT);
        SDL_SetTextInputRect(&box);
    }
    if (it && ui_is_focused(&app->ui, it)) widget_focus_ring(app, box);
    char inner[UI_NAME_LEN];
    snprintf(inner, sizeof inner, "%.40s-text", name);
    widget_text(app, TS_BODY, FACE_REGULAR, color, shown, x + pad, y + pad, w - 2 * pad, inner);
    return box.h;
}
