/* theme.h — the visual theme (assets/theme.json): colours, spacing grid,
 * font sizes and font files.
 *
 * Pure C over cJSON, no SDL, so tests can check the palette headless. The
 * table of (text colour, background) pairs that the widgets draw lives here
 * too: the contrast test walks it. */
#ifndef ENJEUX_UI_THEME_H
#define ENJEUX_UI_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Rgba { uint8_t r, g, b, a; } Rgba;

#define THEME_COLORS(X) \
    X(BG, "bg") X(SURFACE, "surface") X(SURFACE_ALT, "surface_alt") \
    X(HEADER, "header") X(HEADER_TEXT, "header_text") \
    X(TEXT, "text") X(TEXT_MUTED, "text_muted") \
    X(ACCENT, "accent") X(ACCENT_HOVER, "accent_hover") X(ACCENT_TEXT, "accent_text") \
    X(BORDER, "border") X(FOCUS, "focus") \
    X(GOOD, "good") X(BAD, "bad") X(NEUTRAL, "neutral") \
    X(BAR_TRACK, "bar_track") X(BAR_FILL, "bar_fill") \
    X(DISABLED_BG, "disabled_bg") X(DISABLED_TEXT, "disabled_text") \
    X(OVERLAY, "overlay") \
    X(TONE_POSITIVE, "tone_positive") X(TONE_MIXED, "tone_mixed") X(TONE_NEGATIVE, "tone_negative") \
    X(ERROR_BG, "error_bg") X(ERROR_TEXT, "error_text")

#define THEME_ENUM_(name, key) COL_##name,
typedef enum ThemeColor { THEME_COLORS(THEME_ENUM_) COL_COUNT } ThemeColor;
#undef THEME_ENUM_

/* Text styles; sizes in pixels at a 720-pixel-high window. */
typedef enum TextStyle { TS_TITLE, TS_HEADING, TS_SUBHEADING, TS_BODY, TS_SMALL, TS_COUNT } TextStyle;

typedef enum FontFace { FACE_REGULAR, FACE_BOLD, FACE_COUNT } FontFace;

typedef struct Theme {
    Rgba colors[COL_COUNT];
    int spacing;               /* grid unit, px at 720p */
    int radius;
    int focus_width;
    int sizes[TS_COUNT];
    int line_spacing_pct;      /* 130 for 1.3 */
    char fonts[FACE_COUNT][256]; /* paths relative to the assets folder */
    char dyslexic_fonts[FACE_COUNT][256]; /* the dyslexia-friendly faces ("" when none) */
    Rgba colorblind[COL_COUNT]; /* the palette safe for colour-blind players: `colors`
                                   with the theme's "colorblind" overrides */
} Theme;

/* A (text, background) pair the interface draws text with. */
typedef struct ThemePair { ThemeColor fg, bg; } ThemePair;

/* Parses a theme from `json` (optional members: "colorblind", an object of
 * colour overrides; fonts "dyslexic_regular" and "dyslexic_bold") (`len` bytes); `name` labels error messages.
 * Returns true on success; on failure writes a message naming the file,
 * line and column or the missing key, and what to do, into `err`. */
bool theme_parse(Theme *t, const char *name, const char *json, size_t len, char *err, size_t errlen);

/* The largest theme file read. */
enum { THEME_MAX_BYTES = 256 << 10 };

/* Reads and parses the file at `path` (at most THEME_MAX_BYTES); same
 * contract as theme_parse. */
bool theme_load(Theme *t, const char *path, char *err, size_t errlen);

/* The colour's key in theme.json ("text_muted"). */
const char *theme_color_key(ThemeColor c);

/* The pairs the widgets draw text with; sets *count. Static storage. */
const ThemePair *theme_text_pairs(size_t *count);

/* WCAG 2.1 contrast ratio between two colours, times 100 (450 = 4.5:1). */
int theme_contrast_x100(Rgba a, Rgba b);

#endif
