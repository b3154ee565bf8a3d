/* theme.c — loads assets/theme.json and computes WCAG contrast; see theme.h. */
#include "ui/theme.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"

#define THEME_KEY_(name, key) key,
static const char *const COLOR_KEYS[COL_COUNT] = {THEME_COLORS(THEME_KEY_)};
#undef THEME_KEY_

static const char *const SIZE_KEYS[TS_COUNT] = {"title", "heading", "subheading", "body", "small"};
static const char *const FONT_KEYS[FACE_COUNT] = {"regular", "bold"};

/* Every text colour the widgets use, on every background it is drawn on. */
static const ThemePair TEXT_PAIRS[] = {
    {COL_TEXT, COL_BG},           {COL_TEXT, COL_SURFACE},       {COL_TEXT, COL_SURFACE_ALT},
    {COL_TEXT_MUTED, COL_BG},     {COL_TEXT_MUTED, COL_SURFACE}, {COL_TEXT_MUTED, COL_SURFACE_ALT},
    {COL_HEADER_TEXT, COL_HEADER},
    {COL_ACCENT_TEXT, COL_ACCENT}, {COL_ACCENT_TEXT, COL_ACCENT_HOVER},
    {COL_ACCENT, COL_SURFACE},    {COL_ACCENT, COL_BG},
    {COL_GOOD, COL_SURFACE},      {COL_BAD, COL_SURFACE},        {COL_NEUTRAL, COL_SURFACE},
    {COL_GOOD, COL_SURFACE_ALT},  {COL_BAD, COL_SURFACE_ALT},    {COL_NEUTRAL, COL_SURFACE_ALT},
    {COL_DISABLED_TEXT, COL_DISABLED_BG},
    {COL_TEXT, COL_TONE_POSITIVE}, {COL_TEXT, COL_TONE_MIXED},   {COL_TEXT, COL_TONE_NEGATIVE},
    {COL_ERROR_TEXT, COL_ERROR_BG}, {COL_TEXT, COL_ERROR_BG},
};

const char *theme_color_key(ThemeColor c) {
    return (unsigned)c < COL_COUNT ? COLOR_KEYS[c] : "?";
}

const ThemePair *theme_text_pairs(size_t *count) {
    *count = sizeof TEXT_PAIRS / sizeof TEXT_PAIRS[0];
    return TEXT_PAIRS;
}

static double channel_lum(uint8_t v) {
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(Rgba c) {
    return 0.2126 * channel_lum(c.r) + 0.7152 * channel_lum(c.g) + 0.0722 * channel_lum(c.b);
}

int theme_contrast_x100(Rgba a, Rgba b) {
    double la = luminance(a), lb = luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (int)((hi + 0.05) / (lo + 0.05) * 100.0);
}

static void line_col(const char *json, const char *at, int *line, int *col) {
    *line = 1;
    *col = 1;
    for (const char *p = json; p < at && *p; p++) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static bool parse_hex(const char *s, Rgba *out) {
    if (!s || s[0] != '#' || strlen(s) != 7) return false;
    unsigned v[3];
    for (int i = 0; i < 3; i++) {
        char buf[3] = {s[1 + 2 * i], s[2 + 2 * i], 0};
        char *end;
        v[i] = (unsigned)strtoul(buf, &end, 16);
        if (*end) return false;
    }
    *out = (Rgba){(uint8_t)v[0], (uint8_t)v[1], (uint8_t)v[2], 255};
    return true;
}

static bool get_int(const cJSON *obj, const char *key, int lo, int hi, int *out) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi) return false;
    *out = (int)v->valuedouble;
    return true;
}

bool theme_parse(Theme *t, const char *name, const char *json, size_t len, char *err, size_t errlen) {
    memset(t, 0, sizeof *t);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, false);
    if (!root) {
        int line, col;
        line_col(json, end ? end : json, &line, &col);
        snprintf(err, errlen, "%s:%d:%d: the theme is not valid JSON; fix the syntax near this point "
                 "(restore assets/theme.json from the game's package if unsure).", name, line, col);
        return false;
    }
    bool ok = false;
    const cJSON *colors = cJSON_GetObjectItemCaseSensitive(root, "colors");
    const cJSON *sizes = cJSON_GetObjectItemCaseSensitive(root, "sizes");
    const cJSON *fonts = cJSON_GetObjectItemCaseSensitive(root, "fonts");
    if (!cJSON_IsObject(colors) || !cJSON_IsObject(sizes) || !cJSON_IsObject(fonts)) {
        snprintf(err, errlen, "%s: the theme needs the objects \"colors\", \"sizes\" and \"fonts\".", name);
        goto done;
    }
    for (int i = 0; i < COL_COUNT; i++) {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(colors, COLOR_KEYS[i]);
        if (!parse_hex(cJSON_GetStringValue(c), &t->colors[i])) {
            snprintf(err, errlen, "%s: colors.%s is missing or not a \"#RRGGBB\" colour.", name, COLOR_KEYS[i]);
            goto done;
        }
    }
    for (int i = 0; i < TS_COUNT; i++)
        if (!get_int(sizes, SIZE_KEYS[i], 8, 200, &t->sizes[i])) {
            snprintf(err, errlen, "%s: sizes.%s is missing or not a size between 8 and 200 px.", name, SIZE_KEYS[i]);
            goto done;
        }
    for (int i = 0; i < FACE_COUNT; i++) {
        const char *f = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fonts, FONT_KEYS[i]));
        if (!f || !*f || strlen(f) >= sizeof t->fonts[i]) {
            snprintf(err, errlen, "%s: fonts.%s is missing: give the path of a font file relative to assets/.",
                     name, FONT_KEYS[i]);
            goto done;
        }
        memcpy(t->fonts[i], f, strlen(f) + 1);
    }
    const cJSON *cb = cJSON_GetObjectItemCaseSensitive(root, "colorblind");
    memcpy(t->colorblind, t->colors, sizeof t->colorblind);
    if (cb && !cJSON_IsObject(cb)) {
        snprintf(err, errlen, "%s: \"colorblind\" must be an object of colour overrides.", name);
        goto done;
    }
    for (const cJSON *c = cb ? cb->child : NULL; c; c = c->next) {
        int k = 0;
        while (k < COL_COUNT && strcmp(COLOR_KEYS[k], c->string) != 0) k++;
        if (k == COL_COUNT || !parse_hex(cJSON_GetStringValue(c), &t->colorblind[k])) {
            snprintf(err, errlen, "%s: colorblind.%s is not a colour of the theme given as \"#RRGGBB\".", name,
                     c->string);
            goto done;
        }
    }
    static const char *const DYS_KEYS[FACE_COUNT] = {"dyslexic_regular", "dyslexic_bold"};
    for (int i = 0; i < FACE_COUNT; i++) {
        const char *f = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fonts, DYS_KEYS[i]));
        if (f && strlen(f) < sizeof t->dyslexic_fonts[i]) memcpy(t->dyslexic_fonts[i], f, strlen(f) + 1);
    }
    if (!get_int(root, "spacing", 2, 64, &t->spacing) || !get_int(root, "radius", 0, 64, &t->radius) ||
        !get_int(root, "focus_width", 1, 16, &t->focus_width)) {
        snprintf(err, errlen, "%s: \"spacing\" (2–64), \"radius\" (0–64) and \"focus_width\" (1–16) are required integers.",
                 name);
        goto done;
    }
    const cJSON *ls = cJSON_GetObjectItemCaseSensitive(root, "line_spacing");
    if (!cJSON_IsNumber(ls) || ls->valuedouble < 1.0 || ls->valuedouble > 3.0) {
        snprintf(err, errlen, "%s: \"line_spacing\" must be a number between 1.0 and 3.0.", name);
        goto done;
    }
    t->line_spacing_pct = (int)(ls->valuedouble * 100.0 + 0.5);
    ok = true;
done:
    cJSON_Delete(root);
    return ok;
}

bool theme_load(Theme *t, const char *path, char *err, size_t errlen) {
    char *buf = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    FsStatus st = fsutil_read_file(path, THEME_MAX_BYTES, &buf, &len, &size, &e);
    if (st == FS_TOO_LARGE) {
        snprintf(err, errlen, "%s: the theme file is %zu bytes, over the %d KiB limit; reinstall the game "
                 "(or set ENJEUX_DATA_DIR to the folder holding assets/).", path, size, THEME_MAX_BYTES >> 10);
        return false;
    }
    if (st != FS_OK) {
        snprintf(err, errlen, "%s: cannot open the theme file (%s); the game's data folder is incomplete "
                 "(reinstall, or set ENJEUX_DATA_DIR to the folder holding assets/).", path, strerror(e));
        return false;
    }
    bool ok = theme_parse(t, path, buf, len, err, errlen);
    free(buf);
    return ok;
}
