/* ui.c — widget registry, focus, scrolling, layout record; see ui.h. */
#include "ui/ui.h"

#include <string.h>

static void set_name(char dst[UI_NAME_LEN], const char *src) {
    size_t n = src ? strlen(src) : 0;
    if (n >= UI_NAME_LEN) n = UI_NAME_LEN - 1;
    if (n) memcpy(dst, src, n);
    dst[n] = '\0';
}

void ui_begin(Ui *ui) {
    ui->n = 0;
    ui->n_scrolls = 0;
    ui->cur_scroll = -1;
}

static bool intersect(SDL_Rect a, SDL_Rect b, SDL_Rect *out) {
    return SDL_IntersectRect(&a, &b, out) == SDL_TRUE;
}

UiItem *ui_add(Ui *ui, UiKind kind, SDL_Rect r, int id, bool enabled, const char *name) {
    if (ui->n >= UI_MAX_ITEMS) return NULL;
    UiItem *it = &ui->items[ui->n];
    it->kind = kind;
    it->full = r;
    it->r = r;
    it->id = id;
    it->enabled = enabled;
    it->editable = false;
    it->scroll = ui->cur_scroll;
    set_name(it->name, name);
    if (ui->cur_scroll >= 0) {
        SDL_Rect clip;
        if (!intersect(r, ui->scrolls[ui->cur_scroll]->view, &clip)) clip = (SDL_Rect){r.x, r.y, 0, 0};
        it->r = clip;
    }
    ui->n++;
    return it;
}

int ui_scroll_begin(Ui *ui, UiScroll *sc, SDL_Rect view) {
    sc->view = view;
    if (ui->n_scrolls < UI_MAX_SCROLLS) {
        ui->scrolls[ui->n_scrolls] = sc;
        ui->cur_scroll = ui->n_scrolls++;
    }
    ui_scroll_to(sc, sc->offset);
    return sc->offset;
}

void ui_scroll_end(Ui *ui, UiScroll *sc, int content_h) {
    sc->content_h = content_h;
    ui_scroll_to(sc, sc->offset);
    ui->cur_scroll = -1;
}

bool ui_scroll_to(UiScroll *sc, int offset) {
    int before = sc->offset, max = sc->content_h - sc->view.h;
    if (offset > max) offset = max;
    if (offset < 0) offset = 0;
    sc->offset = offset;
    return offset != before;
}

const UiItem *ui_find(const Ui *ui, const char *name) {
    for (int i = 0; i < ui->n; i++)
        if (strcmp(ui->items[i].name, name) == 0) return &ui->items[i];
    return NULL;
}

static bool focusable(const UiItem *it) {
    return it->id >= 0 && it->enabled && (it->kind == UI_BUTTON || it->kind == UI_CARD);
}

static int focus_index(const Ui *ui) {
    if (!ui->focus[0]) return -1;
    for (int i = 0; i < ui->n; i++)
        if (focusable(&ui->items[i]) && strcmp(ui->items[i].name, ui->focus) == 0) return i;
    return -1;
}

/* True when it scrolled. */
static bool scroll_into_view(Ui *ui, const UiItem *it) {
    if (it->scroll < 0 || it->scroll >= ui->n_scrolls) return false;
    UiScroll *sc = ui->scrolls[it->scroll];
    int margin = sc->view.h / 12, offset = sc->offset;
    if (it->full.h >= sc->view.h) offset += it->full.y - sc->view.y; /* taller than the view: its top */
    else if (it->full.y < sc->view.y) offset -= sc->view.y - it->full.y + margin;
    else if (it->full.y + it->full.h > sc->view.y + sc->view.h)
        offset += it->full.y + it->full.h - (sc->view.y + sc->view.h) + margin;
    return ui_scroll_to(sc, offset);
}

static void move_focus(Ui *ui, int dir) {
    int cur = focus_index(ui);
    int n = ui->n;
    if (n == 0) return;
    int start = cur >= 0 ? cur : (dir > 0 ? -1 : n);
    for (int k = 1; k <= n; k++) {
        int i = ((start + dir * k) % n + n) % n;
        if (focusable(&ui->items[i])) {
            set_name(ui->focus, ui->items[i].name);
            scroll_into_view(ui, &ui->items[i]);
            return;
        }
    }
}

static const UiItem *hit(const Ui *ui, int x, int y) {
    SDL_Point p = {x, y};
    for (int i = ui->n - 1; i >= 0; i--) {
        const UiItem *it = &ui->items[i];
        if (it->id >= 0 && (it->kind == UI_BUTTON || it->kind == UI_CARD) && SDL_PointInRect(&p, &it->r)) return it;
    }
    return NULL;
}

static UiScroll *scroll_at(const Ui *ui, int x, int y) {
    SDL_Point p = {x, y};
    for (int i = 0; i < ui->n_scrolls; i++)
        if (SDL_PointInRect(&p, &ui->scrolls[i]->view)) return ui->scrolls[i];
    return ui->n_scrolls > 0 ? ui->scrolls[0] : NULL;
}

static bool scroll_by(UiScroll *sc, int dy) {
    return sc && ui_scroll_to(sc, sc->offset + dy);
}

static int activate_focused(Ui *ui) {
    int i = focus_index(ui);
    if (i < 0) {
        move_focus(ui, 1);
        ui->focus_visible = true;
        ui->want_redraw = true;
        return -1;
    }
    return ui->items[i].id;
}

int ui_event(Ui *ui, const SDL_Event *ev, float mx, float my) {
    switch (ev->type) {
    case SDL_MOUSEMOTION: {
        ui->mouse_x = (int)(ev->motion.x * mx);
        ui->mouse_y = (int)(ev->motion.y * my);
        const UiItem *h = hit(ui, ui->mouse_x, ui->mouse_y);
        const char *name = h && h->enabled ? h->name : "";
        if (strcmp(name, ui->hover) != 0 || ui->focus_visible) {
            set_name(ui->hover, name);
            ui->focus_visible = false;
            ui->want_redraw = true;
        }
        return -1;
    }
    case SDL_MOUSEBUTTONDOWN: {
        if (ev->button.button != SDL_BUTTON_LEFT) return -1;
        ui->mouse_x = (int)(ev->button.x * mx);
        ui->mouse_y = (int)(ev->button.y * my);
        const UiItem *h = hit(ui, ui->mouse_x, ui->mouse_y);
        set_name(ui->pressed, h && h->enabled ? h->name : "");
        ui->want_redraw = true;
        return -1;
    }
    case SDL_MOUSEBUTTONUP: {
        if (ev->button.button != SDL_BUTTON_LEFT) return -1;
        ui->mouse_x = (int)(ev->button.x * mx);
        ui->mouse_y = (int)(ev->button.y * my);
        const UiItem *h = hit(ui, ui->mouse_x, ui->mouse_y);
        int id = -1;
        if (h && h->enabled && strcmp(h->name, ui->pressed) == 0) {
            id = h->id;
            set_name(ui->focus, h->name);
        }
        ui->pressed[0] = '\0';
        ui->want_redraw = true;
        return id;
    }
    case SDL_MOUSEWHEEL: {
        int step = ui->n_scrolls > 0 ? ui->scrolls[0]->view.h / 8 + 1 : 40;
        if (scroll_by(scroll_at(ui, ui->mouse_x, ui->mouse_y), -ev->wheel.y * step)) ui->want_redraw = true;
        return -1;
    }
    case SDL_KEYDOWN: {
        SDL_Keycode k = ev->key.keysym.sym;
        bool shift = (ev->key.keysym.mod & KMOD_SHIFT) != 0;
        if (ui_focus_editable(ui) && (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_HOME || k == SDLK_END)) {
            ui->focus_visible = true;
            ui->want_redraw = true;
            return -1;
        }
        /* Page keys scroll the region of the focused widget, else the page. */
        int fi = focus_index(ui);
        UiScroll *sc = fi >= 0 && ui->items[fi].scroll >= 0 && ui->items[fi].scroll < ui->n_scrolls
                           ? ui->scrolls[ui->items[fi].scroll]
                       : ui->n_scrolls > 0 ? ui->scrolls[0]
                                           : NULL;
        switch (k) {
        case SDLK_TAB:
            move_focus(ui, shift ? -1 : 1);
            break;
        case SDLK_DOWN: case SDLK_RIGHT:
            move_focus(ui, 1);
            break;
        case SDLK_UP: case SDLK_LEFT:
            move_focus(ui, -1);
            break;
        case SDLK_PAGEDOWN:
            scroll_by(sc, sc ? sc->view.h * 3 / 4 : 0);
            break;
        case SDLK_PAGEUP:
            scroll_by(sc, sc ? -sc->view.h * 3 / 4 : 0);
            break;
        case SDLK_HOME:
            scroll_by(sc, sc ? -sc->content_h : 0);
            break;
        case SDLK_END:
            scroll_by(sc, sc ? sc->content_h : 0);
            break;
        case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE:
            ui->focus_visible = true;
            ui->want_redraw = true;
            return activate_focused(ui);
        default:
            return -1;
        }
        ui->focus_visible = true;
        ui->want_redraw = true;
        return -1;
    }
    case SDL_CONTROLLERBUTTONDOWN:
        ui->want_redraw = true;
        switch (ev->cbutton.button) {
        case SDL_CONTROLLER_BUTTON_DPAD_DOWN: case SDL_CONTROLLER_BUTTON_DPAD_RIGHT:
            ui->focus_visible = true;
            move_focus(ui, 1);
            return -1;
        case SDL_CONTROLLER_BUTTON_DPAD_UP: case SDL_CONTROLLER_BUTTON_DPAD_LEFT:
            ui->focus_visible = true;
            move_focus(ui, -1);
            return -1;
        case SDL_CONTROLLER_BUTTON_A:
            ui->focus_visible = true;
            return activate_focused(ui);
        default:
            return -1;
        }
    default:
        return -1;
    }
}

bool ui_reveal_focus(Ui *ui) {
    int i = focus_index(ui);
    return i >= 0 && scroll_into_view(ui, &ui->items[i]);
}

bool ui_focus_editable(const Ui *ui) {
    int i = focus_index(ui);
    return i >= 0 && ui->items[i].editable;
}

void ui_set_focus(Ui *ui, const char *name) {
    set_name(ui->focus, name);
    ui->want_redraw = true;
}

void ui_end(Ui *ui) {
    if (focus_index(ui) >= 0) return;
    for (int i = 0; i < ui->n; i++)
        if (focusable(&ui->items[i])) {
            set_name(ui->focus, ui->items[i].name);
            return;
        }
    ui->focus[0] = '\0';
}

bool ui_is_focused(const Ui *ui, const UiItem *it) {
    return it && ui->focus_visible && it->enabled && strcmp(it->name, ui->focus) == 0;
}

bool ui_is_hovered(const Ui *ui, const UiItem *it) {
    return it && it->enabled && !ui->focus_visible && strcmp(it->name, ui->hover) == 0;
}

bool ui_is_pressed(const Ui *ui, const UiItem *it) {
    return it && ui->pressed[0] && strcmp(it->name, ui->pressed) == 0;
}

static const char *kind_name(UiKind k) {
    static const char *const N[] = {"text", "button", "card", "bar", "image"};
    return N[k];
}

void ui_dump(const Ui *ui, FILE *out, const char *screen, int w, int h) {
    fprintf(out, "{\"screen\":\"%s\",\"w\":%d,\"h\":%d,\"items\":[", screen, w, h);
    int k = 0;
    for (int i = 0; i < ui->n; i++) {
        const UiItem *it = &ui->items[i];
        if (it->r.w <= 0 || it->r.h <= 0) continue;
        fprintf(out, "%s{\"kind\":\"%s\",\"name\":\"%s\",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"clipped\":%s}",
                k++ ? "," : "", kind_name(it->kind), it->name, it->r.x, it->r.y, it->r.w, it->r.h,
                (it->r.w != it->full.w || it->r.h != it->full.h) ? "true" : "false");
    }
    fputs("]}\n", out);
}
