/* widget.h — drawing the interface's pieces with the theme: panels,
 * buttons, text blocks, meter bars, the header, the focus ring. Each
 * widget registers itself in the frame's Ui (for input and layout records)
 * and draws at once. Sizes follow the 720p grid scaled by app_px(). */
#ifndef ENJEUX_UI_WIDGET_H
#define ENJEUX_UI_WIDGET_H

#include <SDL.h>
#include <stdbool.h>

#include "core/scenario.h"
#include "ui/app.h"

typedef enum ButtonKind { BUTTON_PRIMARY, BUTTON_SECONDARY, BUTTON_CHOICE } ButtonKind;

void widget_fill(App *app, SDL_Rect r, ThemeColor c);
void widget_fill_rgba(App *app, SDL_Rect r, Rgba c);
/* A filled rectangle with rounded corners (theme radius). */
void widget_panel(App *app, SDL_Rect r, ThemeColor fill, ThemeColor border);
void widget_focus_ring(App *app, SDL_Rect r);

/* Draws a cached text at (x, y). */
void widget_draw_text(App *app, const TextTex *tt, int x, int y);

/* Registers and draws a wrapped text block at (x, y), `w` wide; returns its
 * height. `name` labels it in layout records (may be NULL: "text"). */
/* Like widget_text, for a text lying on a plain background of colour `bg`
 * (COL_COUNT: unknown, blended): a faster copy, same pixels. */
int widget_text_on(App *app, TextStyle style, FontFace face, ThemeColor color, ThemeColor bg, const char *s, int x,
                   int y, int w, const char *name);

int widget_text(App *app, TextStyle style, FontFace face, ThemeColor color, const char *s, int x, int y, int w,
                const char *name);

/* Height a button of width `w` needs for `label` (labels wrap). */
int widget_button_height(App *app, const char *label, int w, int number, const char *note);

/* Registers and draws a button. `number` > 0 shows a key number badge
 * (choices); `note` (may be NULL) is a second line in smaller text, e.g.
 * the reason a choice is unavailable. Returns the registered item. */
const UiItem *widget_button(App *app, SDL_Rect r, int id, const char *name, const char *label, ButtonKind kind,
                            bool enabled, int number, const char *note);

/* The app's top bar with `title` (and an optional right-aligned `right`
 * text); returns the height used. */
int widget_header(App *app, const char *title, const char *right);

/* Height of one meter block of width `w`. */
int widget_meter_height(App *app, const Meter *m, int w);

/* A meter: label, bar, value, and the direction that is good, drawn in
 * text and shape (never colour alone). `shown` is the animated value on
 * the bar, `value` the number printed. */
void widget_meter(App *app, SDL_Rect r, const Meter *m, int value, double shown, int label_h, const char *name);

/* Height of a meter's label at width `w`: pass the largest of a row as
 * `label_h` so that the bars of the row line up. */
int widget_meter_label_height(App *app, const Meter *m, int w);

/* A horizontal 0–100 score bar with a text label (debrief). */
void widget_score_bar(App *app, SDL_Rect r, int score, ThemeColor fill, const char *name);

/* A thin scroll bar at the right edge of a scroll region when it overflows. */
void widget_scrollbar(App *app, const UiScroll *sc);

#endif
