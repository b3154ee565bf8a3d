/* field.h — one-line text fields (a pseudonym, a workshop code, a folder):
 * a focusable box drawn with the theme, and the editing of its text by
 * keyboard at a caret: typed text (SDL_TEXTINPUT, so IMEs and accents
 * work), Left/Right (a character; with Ctrl, a word), Home/End,
 * Backspace/Delete, Ctrl+V pastes the clipboard, Ctrl+U empties the field.
 * The caret always sits between two characters (UTF-8 is never split).
 * A text wider than the box scrolls sideways to keep the caret in view.
 * The text lives in the screen's state with its FieldCaret; the screen
 * routes events to field_edit() while the field has the focus. */
#ifndef ENJEUX_UI_FIELD_H
#define ENJEUX_UI_FIELD_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/app.h"

/* Where the caret is in a field's text, and which part of the text the box
 * shows. Zeroed (or after field_caret_end), the caret goes to the end of
 * whatever text the field holds when it is next edited or drawn. */
typedef struct FieldCaret {
    size_t at;                /* byte offset of the caret, on a character boundary */
    size_t first;             /* byte offset of the first character shown */
    bool placed;              /* false: put the caret at the end of the text */
} FieldCaret;

/* Puts the caret at the end of the text (after the screen changed it). */
void field_caret_end(FieldCaret *c);

/* Applies `ev` to the text `buf` (capacity `cap` bytes with the NUL; what
 * does not fit is refused whole, never cut inside a character) at the
 * caret `c`. `upper` turns ASCII letters to upper case as they come.
 * Returns true when the event was for the field (the caller redraws),
 * false when it is not (Tab, Up, Down, Return, Escape…). */
bool field_edit(char *buf, size_t cap, FieldCaret *c, const SDL_Event *ev, bool upper);

/* Registers (kind UI_BUTTON, action `id`, `name`, marked editable so that
 * Left/Right/Home/End stay in it) and draws a field `w` wide at (x, y):
 * the part of `text` around the caret, or `placeholder` in muted colour
 * when it is empty, with the caret and an accent underline while focused
 * (the text inside is registered as `name`-text); self-voicing reads the
 * placeholder when the focus comes to it. Returns its height. */
int field_draw(App *app, int x, int y, int w, int id, const char *name, const char *text, FieldCaret *c,
               const char *placeholder);

/* When `ev` is a press of the left mouse button inside the field `name`
 * (as registered by the last field_draw), puts the caret at the character
 * boundary nearest to the pointer, within the part of `text` shown (the
 * sideways scroll and the widths are those field_draw used), and gives the
 * field the focus. Returns true then; false for any other event. */
bool field_click(App *app, const char *name, const char *text, FieldCaret *c, const SDL_Event *ev);

/* True when the widget `name` has the focus. */
bool field_focused(const App *app, const char *name);

#endif
