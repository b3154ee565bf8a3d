/* text.h — fonts, word wrap and the text texture cache.
 *
 * A string is shaped, wrapped and rendered to a texture once, then reused
 * every frame: entries are keyed by (string, style, face, colour, wrap
 * width, alignment) and evicted least recently used past a count and a
 * memory bound. Wrapping measures with TTF_SizeUTF8 and follows French
 * typography: never a line break before ? ! : ; » or after «; U+00A0 and
 * U+202F never break. A word wider than the box breaks between characters:
 * nothing is ever cut. */
#ifndef ENJEUX_UI_TEXT_H
#define ENJEUX_UI_TEXT_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/theme.h"

typedef struct TextSys TextSys;

typedef enum TextAlign { ALIGN_LEFT, ALIGN_CENTER } TextAlign;

/* A rendered text: `tex` is NULL for an empty string (w = h = 0). Owned by
 * the cache; valid until the next text_begin_frame(). */
enum { TEXT_MAX_STRIPS = 8 };

/* A text taller than the renderer's largest texture is split into strips
 * of `strip_h` pixels stacked from the top (tex, then extra[]). */
typedef struct TextTex {
    SDL_Texture *tex;
    SDL_Texture *extra[TEXT_MAX_STRIPS - 1];
    int n_strips, strip_h;
    int w, h;
    int lines;
} TextTex;

/* Opens the theme's fonts from `assets_dir`. Returns NULL with a message in
 * `err` when a font cannot be read. Free with text_destroy(). */
TextSys *text_create(SDL_Renderer *r, const char *assets_dir, const Theme *theme, char *err, size_t errlen);

/* Accepts NULL. */
void text_destroy(TextSys *ts);

/* Replaces the fonts: `fonts` (paths relative to `assets_dir`, one per
 * face) and, when `fallback` is not NULL, the fonts that draw the
 * characters the first ones lack (OpenDyslexic has no U+202F, ▲ or ★:
 * Inter draws them). Empties the cache. On failure returns false with a
 * message in `err` and keeps the current fonts. */
bool text_set_fonts(TextSys *ts, const char *assets_dir, const char *const fonts[FACE_COUNT],
                    const char *const fallback[FACE_COUNT], char *err, size_t errlen);

/* Sets the line spacing in percent of the font's line height; empties the
 * cache when it changes. */
void text_set_line_spacing(TextSys *ts, int pct);

/* Sets the pixel scale (1.0 at a 720-pixel-high window). Changing it empties
 * the cache. */
void text_set_scale(TextSys *ts, float scale);

/* Marks the start of a frame: textures returned during one frame stay
 * valid until the next text_begin_frame(). */
void text_begin_frame(TextSys *ts);

/* Pixel size and line height of a style at the current scale. */
int text_px(const TextSys *ts, TextStyle style);
int text_line_height(TextSys *ts, TextStyle style, FontFace face);

/* The text rendered in `color`, wrapped to `wrap_w` pixels (0: no wrap).
 * Never NULL; on a rendering failure the entry has no texture and a zero
 * size, and the failure is logged. Valid until the next frame starts. */
const TextTex *text_get(TextSys *ts, TextStyle style, FontFace face, Rgba color, const char *s, int wrap_w,
                        TextAlign align);

/* Like text_get, for a text drawn over a plain background of the opaque
 * colour `matte` (NULL: same as text_get): the texture comes already
 * blended onto it, so drawing it is a copy, not a blend (the same pixels,
 * several times faster with the software renderer). Every pixel of the
 * text's box must lie on that colour. */
const TextTex *text_get_on(TextSys *ts, TextStyle style, FontFace face, Rgba color, const Rgba *matte, const char *s,
                           int wrap_w, TextAlign align);

/* Draws a text at (x, y), every strip. */
void text_draw(SDL_Renderer *r, const TextTex *tt, int x, int y);

/* Calls `fn` with each text asked of text_get() since the last
 * text_begin_frame() (once per style it was asked in), for the text dump of
 * the tests (--text-dump). */
void text_frame_strings(const TextSys *ts, void (*fn)(const char *s, void *user), void *user);

/* Draws the first `frac` (0..1) of a left-aligned text: whole lines, then
 * the start of the next line wiped from the left, within the current clip
 * rectangle. `line_h` is the style's text_line_height(). */
void text_draw_partial(SDL_Renderer *r, const TextTex *tt, int x, int y, int line_h, double frac);

/* Width in pixels of `s` on one line. */
int text_width(TextSys *ts, TextStyle style, FontFace face, const char *s);

/* Cache statistics, for the benchmark and the dev overlay. */
typedef struct TextStats { unsigned hits, misses, entries; size_t bytes; } TextStats;
TextStats text_stats(const TextSys *ts);

/* Splits `s` into lines of at most `wrap_w` pixels as measured by `measure`
 * (exposed for tests). Calls `emit(start, len, user)` per line. */
typedef int (*TextMeasureFn)(const char *s, size_t len, void *user);
void text_wrap(const char *s, int wrap_w, TextMeasureFn measure, void *user,
               void (*emit)(const char *start, size_t len, void *user), void *emit_user);

#endif
