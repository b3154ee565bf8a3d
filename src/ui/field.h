/* field.h — one-line text fields (a pseudonym, a workshop code, a folder):
 * a focusable box drawn with the theme, and the editing of its text by
 * keyboard: typed text (SDL_TEXTINPUT, accents included), Backspace,
 * Ctrl+V pastes the clipboard, Ctrl+U empties the field. The text lives
 * in the screen's state; the screen routes events to field_edit() while
 * the field has the focus. */
#ifndef ENJEUX_UI_FIELD_H
#define ENJEUX_UI_FIELD_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/app.h"

/* Applies `ev` to the text `buf` (capacity `cap` bytes with the NUL; what
 * does not fit is refused whole, never cut inside a character). `upper`
 * turns ASCII letters to upper case as they come. Returns true when the
 * event was an edit (the caller redraws), false when it is not for a
 * field (Tab, Return, Escape…). */
bool field_edit(char *buf, size_t cap, const SDL_Event *ev, bool upper);

/* Registers (kind UI_BUTTON, action `id`, `name`) and draws a field `w`
 * wide at (x, y): `text`, or `placeholder` in muted colour when it is
 * empty, with a caret and an accent underline while focused (the text
 * inside is registered as `name`-text). Returns its height. */
int field_draw(App *app, int x, int y, int w, int id, const char *name, const char *text, const char *placeholder);

/* True when the widget `name` has the focus. */
bool field_focused(const App *app, const char *name);

#endif
