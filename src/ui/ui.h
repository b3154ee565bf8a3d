/* ui.h — the widgets laid out in the current frame: hit testing, focus for
 * keyboard and controller, scroll regions, and the record of every
 * rectangle (for --layout-dump and the layout tests).
 *
 * Immediate-mode: each frame a screen's render() registers its widgets with
 * ui_add(); events between frames are matched against that list. Focus is
 * kept by widget name, so it survives a re-layout. */
#ifndef ENJEUX_UI_UI_H
#define ENJEUX_UI_UI_H

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum UiKind { UI_TEXT, UI_BUTTON, UI_CARD, UI_BAR, UI_IMAGE } UiKind;

enum { UI_MAX_ITEMS = 512, UI_MAX_SCROLLS = 4, UI_NAME_LEN = 48 };

/* A vertical scroll region; its state belongs to the screen. */
typedef struct UiScroll {
    SDL_Rect view;            /* on screen */
    int content_h;            /* measured in the last frame */
    int offset;               /* pixels scrolled, 0..content_h - view.h */
} UiScroll;

typedef struct UiItem {
    UiKind kind;
    SDL_Rect r;               /* on screen, clipped to its scroll region */
    SDL_Rect full;            /* on screen, unclipped */
    int id;                   /* action id; -1: not interactive */
    bool enabled;
    bool editable;            /* a text field: Left/Right/Home/End move its caret */
    int scroll;               /* index in Ui.scrolls, -1 when none */
    char name[UI_NAME_LEN];
} UiItem;

typedef struct Ui {
    UiItem items[UI_MAX_ITEMS];
    int n;
    UiScroll *scrolls[UI_MAX_SCROLLS];
    int n_scrolls;
    int cur_scroll;           /* while registering: the open region, -1 */
    char focus[UI_NAME_LEN];  /* name of the focused widget, "" for none */
    char hover[UI_NAME_LEN];
    char pressed[UI_NAME_LEN];
    bool focus_visible;       /* keyboard or controller in use: draw the ring */
    bool want_redraw;
    int mouse_x, mouse_y;
} Ui;

/* Starts a frame's registration. */
void ui_begin(Ui *ui);

/* Registers a widget; returns a pointer to the item (valid for this frame),
 * or NULL past UI_MAX_ITEMS. Inside a scroll region the rectangle is in
 * screen coordinates already shifted by the offset and gets clipped. */
UiItem *ui_add(Ui *ui, UiKind kind, SDL_Rect r, int id, bool enabled, const char *name);

/* Opens a scroll region for the items added next; returns the offset to
 * subtract from content y coordinates. */
int ui_scroll_begin(Ui *ui, UiScroll *sc, SDL_Rect view);
/* Closes it; `content_h` is the height laid out. Clamps the offset. */
void ui_scroll_end(Ui *ui, UiScroll *sc, int content_h);
/* Sets the offset of `sc` to `offset` kept within 0…content_h - view.h
 * (as last laid out); true when the offset changed. */
bool ui_scroll_to(UiScroll *sc, int offset);

/* Handles one input event against the last frame's widgets: hover, focus
 * moves (Tab, arrows — Up/Down only in a text field —, D-pad), scrolling (wheel, Page keys), activation
 * (click, Enter, Space, controller A). Returns the id of the widget
 * activated, or -1. Sets want_redraw when something visible changed.
 * `mx`, `my` scale window points to pixels. */
int ui_event(Ui *ui, const SDL_Event *ev, float mx, float my);

/* True when the focused widget is a text field (field.h): the keys that
 * edit it (Left, Right, Home, End, Backspace, Delete) are its own, and
 * repeat while held. */
bool ui_focus_editable(const Ui *ui);

/* Scrolls the focused widget of this frame into view (for the next
 * frame); false when there is nothing to scroll. */
bool ui_reveal_focus(Ui *ui);

/* Moves the focus to the widget named `name` (shown when keys are used). */
void ui_set_focus(Ui *ui, const char *name);

/* After a frame: keeps the focus on an enabled widget (the first one when
 * the focused name vanished and the ring is visible). */
void ui_end(Ui *ui);

bool ui_is_focused(const Ui *ui, const UiItem *it);
bool ui_is_hovered(const Ui *ui, const UiItem *it);
bool ui_is_pressed(const Ui *ui, const UiItem *it);

/* Finds a widget of this frame by name; NULL when absent. */
const UiItem *ui_find(const Ui *ui, const char *name);

/* Appends this frame's items as one JSON line {"screen","w","h","items":[…]}. */
void ui_dump(const Ui *ui, FILE *out, const char *screen, int w, int h);

#endif
