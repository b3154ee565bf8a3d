/* view.h — building blocks shared by the screens: page frame (header,
 * scrolling body, bottom action bar), sections, illustrations, speakers,
 * the meter strip and animated meter changes. Every function registers and
 * draws, and returns the height it used. */
#ifndef ENJEUX_UI_VIEW_H
#define ENJEUX_UI_VIEW_H

#include "core/engine.h"
#include "ui/app.h"
#include "ui/widget.h"

/* An action of the bottom bar. */
typedef struct BarButton { int id; const char *name; const char *label; ButtonKind kind; bool enabled; } BarButton;

/* Height of the bottom bar holding `n` buttons. */
int view_bar_height(App *app, const BarButton *b, int n);

/* Draws the bottom bar in the rows [y, y + height): the buttons
 * right-aligned on one row when they fit, else on as few rows as they fit
 * in (the last button, the main action, at the bottom right), one a row
 * across the width when no two fit side by side. At most 8 buttons. */
void view_bar(App *app, int y, const BarButton *b, int n);

/* A scrolling page: a centred, readable column between the screen's header
 * and its bottom bar of buttons. */
typedef struct ViewPage {
    SDL_Rect view;          /* the scrolling area, clipped while the body draws */
    int x, w;               /* the column */
    int off;                /* this frame's scroll offset */
    int bar_h;
    UiScroll *scroll;
    const BarButton *bar;
    int n_bar;
} ViewPage;

/* Lays out a page under a header `header_h` tall with `n_bar` buttons at the
 * bottom, opens its scroll region and clip; returns the y of the first line
 * of the body (already scrolled). Pair with view_page_end. */
int view_page_begin(App *app, ViewPage *p, UiScroll *scroll, int header_h, const BarButton *bar, int n_bar);

/* Closes the page whose body ended at `y`: scroll extent, clip, scrollbar,
 * and the bottom bar. */
void view_page_end(App *app, const ViewPage *p, int y);

/* Mastery of a competency, as the debrief and the passport show it: the
 * words (interface language), a mark beside them so that it never rests on
 * colour alone (★ acquired, ◆ in progress, ○ to work on, – not assessed),
 * and the colour of its bar. */
const char *view_mastery_label(Mastery m);
const char *view_mastery_mark(Mastery m);
ThemeColor view_mastery_color(Mastery m);

/* The name of course level 1–3: the framework's (`fw` may be NULL), else
 * the interface's generic one. */
const char *view_level_name(const App *app, const Framework *fw, int level);

/* Width of the readable column inside `avail` (capped for line length). */
int view_column_width(App *app, int avail, int max720);

/* A heading and a paragraph; returns the height used (0 when both empty). */
int view_section(App *app, const char *heading, const char *body, int x, int y, int w, const char *name);

/* An illustration of the current scenario (relative path) fitted into
 * w × max_h, centred; returns the height used (0 when none or unreadable). */
int view_image(App *app, const char *rel, int x, int y, int w, int max_h, const char *name);

/* The speaker line: portrait, name and role; -1 (narrator) draws nothing.
 * Returns the height used. */
int view_speaker(App *app, int32_t speaker, int x, int y, int w);

/* The meters of the current session, in a strip of columns; returns the
 * height used. `shown` (may be NULL) overrides the values drawn. */
int view_meter_strip(App *app, int x, int y, int w, const double *shown);

/* The band under the header with the current meters, across the window at
 * `y`; returns its height. view_meter_band_height() tells it beforehand. */
int view_meter_band(App *app, int y);
int view_meter_band_height(App *app);

/* Whether the meter band, fixed under a header ending at `y`, would take
 * more than a third of the space left (large text on a small window): the
 * screen then scrolls it with its content, so that reading room is kept. */
bool view_meter_band_inline(App *app, int y);

/* Moves on after a decision or an event screen: the next fired event
 * (`next_event` < the step's count), else the ending, else the next scene. */
void view_advance(App *app, int next_event);

/* Height view_meter_strip() will use for width `w`. */
int view_meter_strip_height(App *app, int w);

/* Meter changes with their animation at progress `t` (0..1): label, bar
 * moving from before to after, and the change with sign, arrow and word.
 * Returns the height used. */
int view_meter_changes(App *app, const MeterChange *ch, int n, double t, int x, int y, int w);

/* A framed panel around a principle and its reference. Returns the height. */
int view_principle(App *app, const Feedback *fb, int x, int y, int w);

/* A framed message for the player (`text` may hold several lines); returns
 * the height used, 0 when `text` is empty. */
int view_notice(App *app, const char *text, int x, int y, int w, const char *name);

/* A framed answer to what the player just did: an error (what is wrong
 * and what to do) in the error colours, else plain; read aloud. Returns
 * the height used, 0 when `text` is empty. */
int view_message(App *app, const char *text, bool error, int x, int y, int w, const char *name);

/* Ease-out progress for an animation clock (seconds) over `duration`. */
double view_ease(double clock, double duration);

#endif
