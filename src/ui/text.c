/* text.c — fonts, French-aware word wrap, text texture cache; see text.h. */
#include "ui/text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/utf8.h"

enum { FONT_SLOTS = 16, CACHE_ENTRIES = 384, WIDTH_SLOTS = 256 };

/* The largest font file read (a full CJK face is about 20 MiB). */
enum { FONT_MAX_BYTES = 32 << 20 };
static const size_t CACHE_BYTES = 40u * 1024u * 1024u;

typedef struct FontSlot { int face, px; TTF_Font *font; unsigned last; } FontSlot;

/* A measured width: layouts measure the same labels every frame, and
 * shaping a string costs far more than drawing its cached texture. */
typedef struct WidthSlot { uint64_t hash; char *str; int style, face, w; } WidthSlot;

typedef struct CacheEntry {
    uint64_t hash;
    char *str;
    int style, face, wrap_w, align;
    Rgba color;
    Rgba matte;               /* alpha 0: no matte, the texture is blended */
    TextTex tt;
    size_t bytes;
    unsigned last;
    unsigned frame;
} CacheEntry;

struct TextSys {
    SDL_Renderer *r;
    /* [face]: the chosen font; [FACE_COUNT + face]: its fallback for the
     * characters it lacks (NULL when none). */
    void *font_data[2 * FACE_COUNT];
    size_t font_len[2 * FACE_COUNT];
    int sizes[TS_COUNT];
    int line_pct;
    float scale;
    FontSlot slots[FONT_SLOTS];
    CacheEntry **entries;     /* individually allocated: a TextTex* stays valid all frame */
    WidthSlot widths[WIDTH_SLOTS]; /* direct-mapped by hash */
    size_t n_entries, cap_entries, bytes;
    unsigned tick, frame;
    TextStats stats;
};

TextSys *text_create(SDL_Renderer *r, const char *assets_dir, const Theme *theme, char *err, size_t errlen) {
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "cannot start the font engine: %s", TTF_GetError());
        return NULL;
    }
    TextSys *ts = calloc(1, sizeof *ts);
    if (!ts) return NULL;
    ts->r = r;
    ts->scale = 1.0f;
    ts->line_pct = theme->line_spacing_pct;
    memcpy(ts->sizes, theme->sizes, sizeof ts->sizes);
    const char *fonts[FACE_COUNT] = {theme->fonts[FACE_REGULAR], theme->fonts[FACE_BOLD]};
    if (!text_set_fonts(ts, assets_dir, fonts, NULL, err, errlen)) {
        text_destroy(ts);
        return NULL;
    }
    return ts;
}

static void close_fonts(TextSys *ts) {
    for (int i = 0; i < FONT_SLOTS; i++) {
        if (ts->slots[i].font) TTF_CloseFont(ts->slots[i].font);
        ts->slots[i].font = NULL;
    }
}

static void cache_clear(TextSys *ts);

bool text_set_fonts(TextSys *ts, const char *assets_dir, const char *const fonts[FACE_COUNT],
                    const char *const fallback[FACE_COUNT], char *err, size_t errlen) {
    void *data[2 * FACE_COUNT] = {0};
    size_t len[2 * FACE_COUNT] = {0};
    for (int i = 0; i < 2 * FACE_COUNT; i++) {
        const char *rel = i < FACE_COUNT ? fonts[i] : fallback ? fallback[i - FACE_COUNT] : NULL;
        if (!rel || !*rel) continue;
        char path[1280];
        snprintf(path, sizeof path, "%s%s", assets_dir, rel);
        char *bytes = NULL;
        size_t size = 0;
        int e = 0;
        FsStatus st = fsutil_read_file(path, FONT_MAX_BYTES, &bytes, &len[i], &size, &e);
        if (st != FS_OK || len[i] == 0) {
            if (st == FS_TOO_LARGE)
                snprintf(err, errlen, "%s: this font is %zu bytes, over the %d MiB a font may take (named in "
                         "assets/theme.json); reinstall the game or fix the theme's \"fonts\".", path, size,
                         FONT_MAX_BYTES >> 20);
            else
                snprintf(err, errlen, "%s: cannot read this font (%s; named in assets/theme.json); reinstall the "
                         "game or fix the theme's \"fonts\".", path, st == FS_OK ? "empty file" : strerror(e));
            free(bytes);
            for (int k = 0; k < i; k++) free(data[k]);
            return false;
        }
        data[i] = bytes;
    }
    cache_clear(ts);
    close_fonts(ts);
    for (int i = 0; i < 2 * FACE_COUNT; i++) {
        free(ts->font_data[i]);
        ts->font_data[i] = data[i];
        ts->font_len[i] = len[i];
    }
    return true;
}

void text_set_line_spacing(TextSys *ts, int pct) {
    if (pct == ts->line_pct || pct < 50) return;
    ts->line_pct = pct;
    cache_clear(ts);
}

static void free_strips(TextTex *tt) {
    if (tt->tex) SDL_DestroyTexture(tt->tex);
    for (int i = 0; i + 1 < tt->n_strips; i++)
        if (tt->extra[i]) SDL_DestroyTexture(tt->extra[i]);
    tt->tex = NULL;
    tt->n_strips = 0;
}

static SDL_Texture *strip_texture(SDL_Renderer *r, SDL_Surface *surf, int y, int h) {
    if (y == 0 && h == surf->h) return SDL_CreateTextureFromSurface(r, surf);
    SDL_Surface *part = SDL_CreateRGBSurfaceWithFormat(0, surf->w, h, 32, surf->format->format);
    if (!part) return NULL;
    SDL_SetSurfaceBlendMode(surf, SDL_BLENDMODE_NONE);
    SDL_Rect src = {0, y, surf->w, h};
    SDL_BlitSurface(surf, &src, part, NULL);
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, part);
    SDL_FreeSurface(part);
    return t;
}

/* Turns the rendered surface into one texture, or strips when it is taller
 * than the renderer allows; `blend` for a surface with transparent parts. */
static void make_strips(SDL_Renderer *r, SDL_Surface *surf, TextTex *tt, bool blend) {
    SDL_RendererInfo info;
    int max_h = SDL_GetRendererInfo(r, &info) == 0 && info.max_texture_height > 0 ? info.max_texture_height : surf->h;
    int n = (surf->h + max_h - 1) / max_h;
    if (n > TEXT_MAX_STRIPS) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "a text of %d px is taller than %d textures of %d px",
                    surf->h, TEXT_MAX_STRIPS, max_h);
        n = TEXT_MAX_STRIPS;
    }
    tt->strip_h = max_h;
    tt->n_strips = n;
    for (int i = 0; i < n; i++) {
        int y = i * max_h;
        int h = surf->h - y < max_h ? surf->h - y : max_h;
        SDL_Texture *t = strip_texture(r, surf, y, h);
        if (t) SDL_SetTextureBlendMode(t, blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        if (i == 0) tt->tex = t;
        else tt->extra[i - 1] = t;
    }
}

void text_draw(SDL_Renderer *r, const TextTex *tt, int x, int y) {
    for (int i = 0; i < tt->n_strips; i++) {
        SDL_Texture *t = i == 0 ? tt->tex : tt->extra[i - 1];
        if (!t) continue;
        int sh = tt->h - i * tt->strip_h < tt->strip_h ? tt->h - i * tt->strip_h : tt->strip_h;
        SDL_Rect dst = {x, y + i * tt->strip_h, tt->w, sh};
        SDL_RenderCopy(r, t, NULL, &dst);
    }
}

/* Draws the part of `tt` inside `area` (screen coordinates), within the
 * clip rectangle already set. */
static void draw_clipped(SDL_Renderer *r, const TextTex *tt, int x, int y, SDL_Rect area) {
    SDL_Rect old, cut;
    bool had = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &old);
    if (had && !SDL_IntersectRect(&old, &area, &cut)) return;
    if (!had) cut = area;
    if (cut.w <= 0 || cut.h <= 0) return;
    SDL_RenderSetClipRect(r, &cut);
    text_draw(r, tt, x, y);
    SDL_RenderSetClipRect(r, had ? &old : NULL);
}

void text_draw_partial(SDL_Renderer *r, const TextTex *tt, int x, int y, int line_h, double frac) {
    if (frac >= 1.0) {
        text_draw(r, tt, x, y);
        return;
    }
    if (frac <= 0.0 || tt->lines <= 0) return;
    double p = frac * tt->lines;
    int full = (int)p;
    if (full > 0) draw_clipped(r, tt, x, y, (SDL_Rect){x, y, tt->w, full * line_h});
    int part_w = (int)((p - full) * tt->w);
    int rest = tt->h - full * line_h;
    if (part_w > 0) draw_clipped(r, tt, x, y, (SDL_Rect){x, y + full * line_h, part_w, rest < line_h ? rest : line_h});
}

static void cache_clear(TextSys *ts) {
    for (int i = 0; i < WIDTH_SLOTS; i++) {
        free(ts->widths[i].str);
        ts->widths[i] = (WidthSlot){0};
    }
    for (size_t i = 0; i < ts->n_entries; i++) {
        free_strips(&ts->entries[i]->tt);
        free(ts->entries[i]->str);
        free(ts->entries[i]);
    }
    ts->n_entries = 0;
    ts->bytes = 0;
}

void text_destroy(TextSys *ts) {
    if (!ts) return;
    cache_clear(ts);
    free(ts->entries);
    close_fonts(ts);
    for (int i = 0; i < 2 * FACE_COUNT; i++) free(ts->font_data[i]);
    free(ts);
    if (TTF_WasInit()) TTF_Quit();
}

void text_set_scale(TextSys *ts, float scale) {
    if (scale == ts->scale) return;
    ts->scale = scale;
    cache_clear(ts);
}

int text_px(const TextSys *ts, TextStyle style) {
    int px = (int)(ts->sizes[style] * ts->scale + 0.5f);
    return px < 8 ? 8 : px;
}

/* `face` may be FACE_COUNT + f: the fallback of face f (NULL when none). */
static TTF_Font *font_get(TextSys *ts, TextStyle style, int face) {
    if (!ts->font_data[face]) return NULL;
    int px = text_px(ts, style);
    ts->tick++;
    int victim = 0;
    for (int i = 0; i < FONT_SLOTS; i++) {
        FontSlot *s = &ts->slots[i];
        if (s->font && s->face == (int)face && s->px == px) {
            s->last = ts->tick;
            return s->font;
        }
        if (!s->font || (ts->slots[victim].font && s->last < ts->slots[victim].last)) victim = i;
    }
    FontSlot *s = &ts->slots[victim];
    if (s->font) TTF_CloseFont(s->font);
    SDL_RWops *rw = SDL_RWFromConstMem(ts->font_data[face], (int)ts->font_len[face]);
    s->font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    s->face = (int)face;
    s->px = px;
    s->last = ts->tick;
    if (s->font) TTF_SetFontHinting(s->font, TTF_HINTING_LIGHT);
    return s->font;
}

int text_line_height(TextSys *ts, TextStyle style, FontFace face) {
    TTF_Font *f = font_get(ts, style, face);
    return f ? TTF_FontLineSkip(f) * ts->line_pct / 100 : text_px(ts, style);
}

/* ---- wrapping -------------------------------------------------------------- */

static bool starts_with_closing(const char *p) {
    return *p == '?' || *p == '!' || *p == ':' || *p == ';' || (p[0] == '\xC2' && p[1] == '\xBB');
}

static bool ends_with_opening(const char *start, const char *p) {
    return p - start >= 2 && p[-2] == '\xC2' && p[-1] == '\xAB';
}

/* Next break opportunity (an ASCII space) after `p` in [p, end), or end. */
static const char *next_break(const char *line_start, const char *p, const char *end) {
    for (; p < end; p++) {
        if (*p != ' ' && *p != '\t') continue;
        const char *after = p;
        while (after < end && (*after == ' ' || *after == '\t')) after++;
        if (after == end) return end;
        if (starts_with_closing(after) || ends_with_opening(line_start, p)) {
            p = after - 1;
            continue;
        }
        return p;
    }
    return end;
}

static const char *skip_spaces(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    return p;
}

static size_t trim_right(const char *s, size_t n) {
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    return n;
}

static const char *next_codepoint(const char *p, const char *end) {
    p++;
    while (p < end && ((unsigned char)*p & 0xC0) == 0x80) p++;
    return p;
}

static void wrap_paragraph(const char *start, const char *end, int wrap_w, TextMeasureFn measure, void *mu,
                           void (*emit)(const char *, size_t, void *), void *eu) {
    if (start == end) {
        emit(start, 0, eu);
        return;
    }
    const char *line = start;
    while (line < end) {
        size_t rest = trim_right(line, (size_t)(end - line));
        if (wrap_w <= 0 || measure(line, rest, mu) <= wrap_w) {
            emit(line, rest, eu);
            return;
        }
        const char *fit = NULL;
        for (const char *b = next_break(line, line, end); b < end; b = next_break(line, skip_spaces(b, end), end)) {
            if (measure(line, (size_t)(b - line), mu) > wrap_w) break;
            fit = b;
        }
        if (fit) {
            emit(line, trim_right(line, (size_t)(fit - line)), eu);
            line = skip_spaces(fit, end);
            continue;
        }
        /* One word wider than the box: break it between characters. */
        const char *word_end = next_break(line, line, end);
        const char *cut = next_codepoint(line, word_end);
        for (const char *c = cut; c < word_end; c = next_codepoint(c, word_end)) {
            const char *nc = next_codepoint(c, word_end);
            if (measure(line, (size_t)(nc - line), mu) > wrap_w) break;
            cut = nc;
        }
        emit(line, trim_right(line, (size_t)(cut - line)), eu);
        line = skip_spaces(cut, end);
    }
}

void text_wrap(const char *s, int wrap_w, TextMeasureFn measure, void *user,
               void (*emit)(const char *start, size_t len, void *user), void *emit_user) {
    const char *p = s;
    for (;;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        wrap_paragraph(p, end, wrap_w, measure, user, emit, emit_user);
        if (!nl) break;
        p = nl + 1;
    }
}

/* ---- rendering --------------------------------------------------------------- */

typedef struct LineList { const char **start; size_t *len; int n, cap; bool oom; } LineList;

/* A face and its fallback at one size. */
typedef struct FontPair { TTF_Font *main, *fb; } FontPair;

static FontPair font_pair(TextSys *ts, TextStyle style, FontFace face) {
    FontPair fp = {font_get(ts, style, face), NULL};
    if (fp.main) fp.fb = font_get(ts, style, FACE_COUNT + face);
    return fp;
}

static uint32_t decode(const char *s, size_t len, size_t *n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k = u[0] < 0x80 ? 1 : utf8_sequence_length(s, len);
    if (k == 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = k;
    if (k == 1) return u[0];
    uint32_t cp = u[0] & (0x7F >> k);
    for (size_t i = 1; i < k; i++) cp = cp << 6 | (u[i] & 0x3F);
    return cp;
}

/* Length of the run at `s` drawn with one font of the pair; *fb tells
 * which: the fallback takes the characters the main font lacks. */
static size_t font_run(const FontPair *fp, const char *s, size_t len, bool *fb) {
    if (!fp->fb) {
        *fb = false;
        return len;
    }
    size_t at = 0;
    bool first = true;
    while (at < len) {
        size_t n;
        uint32_t cp = decode(s + at, len - at, &n);
        bool use_fb = cp > 0x20 && !TTF_GlyphIsProvided32(fp->main, cp) && TTF_GlyphIsProvided32(fp->fb, cp);
        if (first) *fb = use_fb;
        else if (use_fb != *fb) break;
        first = false;
        at += n;
    }
    return at;
}

static int size_run(TTF_Font *f, const char *s, size_t len) {
    char buf[1024];
    char *tmp = len < sizeof buf ? buf : malloc(len + 1);
    if (!tmp) return 0;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8(f, tmp, &w, &h);
    if (tmp != buf) free(tmp);
    return w;
}

static int measure_font(const char *s, size_t len, void *user) {
    const FontPair *fp = user;
    int w = 0;
    while (len > 0) {
        bool fb;
        size_t n = font_run(fp, s, len, &fb);
        w += size_run(fb ? fp->fb : fp->main, s, n);
        s += n;
        len -= n;
    }
    return w;
}

/* One line, in runs of the main font and its fallback on one baseline. */
static SDL_Surface *render_line(const FontPair *fp, const char *s, size_t len, SDL_Color col) {
    char buf[1024];
    char *tmp = len < sizeof buf ? buf : malloc(len + 1);
    if (!tmp) return NULL;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    bool fb;
    SDL_Surface *out = NULL;
    if (font_run(fp, tmp, len, &fb) == len && !fb) {
        out = TTF_RenderUTF8_Blended(fp->main, tmp, col);
    } else {
        int w = measure_font(tmp, len, (void *)fp);
        int asc = TTF_FontAscent(fp->main), fasc = TTF_FontAscent(fp->fb);
        out = w > 0 ? SDL_CreateRGBSurfaceWithFormat(0, w, TTF_FontHeight(fp->main), 32, SDL_PIXELFORMAT_ARGB8888)
                    : NULL;
        if (out) SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, col.r, col.g, col.b, 0));
        int x = 0;
        for (size_t at = 0; out && at < len;) {
            size_t n = font_run(fp, tmp + at, len - at, &fb);
            char save = tmp[at + n];
            tmp[at + n] = '\0';
            TTF_Font *f = fb ? fp->fb : fp->main;
            SDL_Surface *run = TTF_RenderUTF8_Blended(f, tmp + at, col);
            tmp[at + n] = save;
            if (run) {
                SDL_SetSurfaceBlendMode(run, SDL_BLENDMODE_NONE);
                SDL_Rect dst = {x, fb ? asc - fasc : 0, run->w, run->h};
                SDL_BlitSurface(run, NULL, out, &dst);
                x += run->w;
                SDL_FreeSurface(run);
            }
            at += n;
        }
    }
    if (tmp != buf) free(tmp);
    return out;
}

static void collect_line(const char *start, size_t len, void *user) {
    LineList *ll = user;
    if (ll->n >= ll->cap) {
        int cap = ll->cap ? ll->cap * 2 : 16;
        const char **ns = realloc(ll->start, (size_t)cap * sizeof *ns);
        if (ns) ll->start = ns;
        size_t *nl = realloc(ll->len, (size_t)cap * sizeof *nl);
        if (nl) ll->len = nl;
        if (!ns || !nl) {
            ll->oom = true;
            return;
        }
        ll->cap = cap;
    }
    ll->start[ll->n] = start;
    ll->len[ll->n] = len;
    ll->n++;
}

static uint64_t key_hash(const char *s, int style, int face, Rgba c, int wrap_w, int align) {
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) h = (h ^ *p) * 1099511628211ULL;
    int extra[] = {style, face, c.r, c.g, c.b, c.a, wrap_w, align};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) h = (h ^ (uint64_t)(unsigned)extra[i]) * 1099511628211ULL;
    return h;
}

int text_width(TextSys *ts, TextStyle style, FontFace face, const char *s) {
    uint64_t h = key_hash(s, style, face, (Rgba){0, 0, 0, 0}, 0, 0);
    WidthSlot *slot = &ts->widths[(h ^ h >> 32) % WIDTH_SLOTS];
    if (slot->str && slot->hash == h && slot->style == (int)style && slot->face == (int)face && strcmp(slot->str, s) == 0)
        return slot->w;
    FontPair fp = font_pair(ts, style, face);
    int w = fp.main ? measure_font(s, strlen(s), &fp) : 0;
    char *copy = fp.main ? strdup(s) : NULL;
    if (copy) {
        free(slot->str);
        *slot = (WidthSlot){h, copy, (int)style, (int)face, w};
    }
    return w;
}

static SDL_Surface *render_lines(const FontPair *fp, const LineList *ll, int line_h, SDL_Color col, TextAlign align,
                                 int *out_w) {
    TTF_Font *f = fp->main;
    SDL_Surface **lines = calloc((size_t)(ll->n ? ll->n : 1), sizeof *lines);
    int w = 0;
    if (!lines) return NULL;
    for (int i = 0; i < ll->n; i++) {
        if (ll->len[i] == 0) continue;
        lines[i] = render_line(fp, ll->start[i], ll->len[i], col);
        if (lines[i] && lines[i]->w > w) w = lines[i]->w;
    }
    int h = ll->n > 0 ? (ll->n - 1) * line_h + TTF_FontHeight(f) : 0;
    SDL_Surface *out = NULL;
    if (w > 0 && h > 0) out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out) {
        SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, col.r, col.g, col.b, 0));
        for (int i = 0; i < ll->n; i++) {
            if (!lines[i]) continue;
            SDL_SetSurfaceBlendMode(lines[i], SDL_BLENDMODE_NONE);
            SDL_Rect dst = {align == ALIGN_CENTER ? (w - lines[i]->w) / 2 : 0, i * line_h, lines[i]->w, lines[i]->h};
            SDL_BlitSurface(lines[i], NULL, out, &dst);
        }
    }
    for (int i = 0; i < ll->n; i++) SDL_FreeSurface(lines[i]);
    free(lines);
    *out_w = w;
    return out;
}

static void evict(TextSys *ts, size_t i) {
    CacheEntry *e = ts->entries[i];
    free_strips(&e->tt);
    free(e->str);
    ts->bytes -= e->bytes;
    free(e);
    ts->entries[i] = ts->entries[--ts->n_entries];
}

/* Evicts the least recently used entry not drawn this frame; false when
 * every entry is in use this frame. */
static bool evict_lru(TextSys *ts) {
    size_t v = SIZE_MAX;
    for (size_t i = 0; i < ts->n_entries; i++)
        if (ts->entries[i]->frame != ts->frame && (v == SIZE_MAX || ts->entries[i]->last < ts->entries[v]->last))
            v = i;
    if (v == SIZE_MAX) return false;
    evict(ts, v);
    return true;
}

void text_begin_frame(TextSys *ts) {
    ts->frame++;
}

void text_frame_strings(const TextSys *ts, void (*fn)(const char *s, void *user), void *user) {
    for (size_t i = 0; i < ts->n_entries; i++)
        if (ts->entries[i]->frame == ts->frame) fn(ts->entries[i]->str, user);
}

/* `surf` (transparent background) blended onto an opaque `matte`, in the
 * format of the software renderer's window so that the blend is the one a
 * blended copy would do; NULL on failure. */
static SDL_Surface *flatten(SDL_Surface *surf, Rgba matte) {
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, surf->w, surf->h, 32, SDL_PIXELFORMAT_RGB888);
    if (!out) return NULL;
    SDL_FillRect(out, NULL, SDL_MapRGB(out->format, matte.r, matte.g, matte.b));
    SDL_SetSurfaceBlendMode(surf, SDL_BLENDMODE_BLEND);
    if (SDL_BlitSurface(surf, NULL, out, NULL) != 0) {
        SDL_FreeSurface(out);
        return NULL;
    }
    return out;
}

const TextTex *text_get(TextSys *ts, TextStyle style, FontFace face, Rgba color, const char *s, int wrap_w,
                        TextAlign align) {
    return text_get_on(ts, style, face, color, NULL, s, wrap_w, align);
}

const TextTex *text_get_on(TextSys *ts, TextStyle style, FontFace face, Rgba color, const Rgba *matte, const char *s,
                           int wrap_w, TextAlign align) {
    static const TextTex EMPTY = {0};
    if (!s || !*s) return &EMPTY;
    Rgba mt = matte ? (Rgba){matte->r, matte->g, matte->b, 255} : (Rgba){0, 0, 0, 0};
    uint64_t h = key_hash(s, style, face, color, wrap_w, align);
    h = (h ^ ((uint64_t)mt.r << 24 | (uint64_t)mt.g << 16 | (uint64_t)mt.b << 8 | mt.a)) * 1099511628211ULL;
    ts->tick++;
    for (size_t i = 0; i < ts->n_entries; i++) {
        CacheEntry *e = ts->entries[i];
        if (e->hash == h && e->style == (int)style && e->face == (int)face && e->wrap_w == wrap_w &&
            e->align == (int)align && memcmp(&e->color, &color, sizeof color) == 0 &&
            memcmp(&e->matte, &mt, sizeof mt) == 0 && strcmp(e->str, s) == 0) {
            e->last = ts->tick;
            e->frame = ts->frame;
            ts->stats.hits++;
            return &e->tt;
        }
    }
    ts->stats.misses++;
    FontPair fp = font_pair(ts, style, face);
    TTF_Font *f = fp.main;
    LineList ll = {0};
    char *copy = strdup(s);
    if (!f || !copy) {
        free(copy);
        return &EMPTY;
    }
    text_wrap(s, wrap_w, measure_font, &fp, collect_line, &ll);
    int line_h = TTF_FontLineSkip(f) * ts->line_pct / 100;
    int w = 0;
    SDL_Surface *surf = ll.oom ? NULL : render_lines(&fp, &ll, line_h, (SDL_Color){color.r, color.g, color.b, 255}, align, &w);
    int lines = ll.n;
    free(ll.start);
    free(ll.len);
    bool blend = true;
    if (surf && mt.a) {
        SDL_Surface *flat = flatten(surf, mt);
        if (flat) {
            SDL_FreeSurface(surf);
            surf = flat;
            blend = false;
        }
    }
    size_t bytes = surf ? (size_t)surf->w * (size_t)surf->h * 4u : 0;
    while (ts->n_entries > 0 && (ts->n_entries >= CACHE_ENTRIES || ts->bytes + bytes > CACHE_BYTES))
        if (!evict_lru(ts)) break;
    CacheEntry *e = calloc(1, sizeof *e);
    if (e && ts->n_entries == ts->cap_entries) {
        size_t cap = ts->cap_entries ? ts->cap_entries * 2 : CACHE_ENTRIES;
        CacheEntry **ne = realloc(ts->entries, cap * sizeof *ne);
        if (ne) {
            ts->entries = ne;
            ts->cap_entries = cap;
        }
    }
    if (!e || ts->n_entries == ts->cap_entries) {
        free(e);
        free(copy);
        SDL_FreeSurface(surf);
        return &EMPTY;
    }
    ts->entries[ts->n_entries++] = e;
    *e = (CacheEntry){.frame = ts->frame, .hash = h, .str = copy, .style = style, .face = face, .wrap_w = wrap_w, .align = align,
                      .color = color, .matte = mt, .last = ts->tick, .bytes = bytes};
    if (surf) {
        e->tt.w = surf->w;
        e->tt.h = surf->h;
        e->tt.lines = lines;
        make_strips(ts->r, surf, &e->tt, blend);
        SDL_FreeSurface(surf);
    } else {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "cannot render text: %s", TTF_GetError());
    }
    ts->bytes += bytes;
    return &e->tt;
}

TextStats text_stats(const TextSys *ts) {
    TextStats st = ts->stats;
    st.entries = (unsigned)ts->n_entries;
    st.bytes = ts->bytes;
    return st;
}
