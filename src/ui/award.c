/* award.c — badge PNG and Open Badges credential at the end of a play; see
 * award.h. */
#include "ui/award.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/badge.h"
#include "core/fsutil.h"
#include "core/results.h"
#include "ui/paths.h"
#include "ui/tr.h"

enum { BADGE_SIZE = 640 };

/* Each level's colours: the medal, its ring. */
static const SDL_Color LEVEL_COLOR[3] = {{11, 94, 90, 255}, {31, 78, 153, 255}, {106, 27, 154, 255}};
static const SDL_Color RING = {224, 180, 60, 255};
static const SDL_Color WHITE = {255, 255, 255, 255};

static bool badges_dir(const Game *g, char *out, size_t outlen) {
    int n = snprintf(out, outlen, "%sbadges", g->profile_dir);
    return n > 0 && (size_t)n < outlen;
}

bool award_png_path(const Game *g, int level, char *out, size_t outlen) {
    char dir[1200];
    if (!g->session || !session_is_over(g->session) || level < 1 || level > 3 ||
        !(session_badges(g->session) & (1u << (level - 1))) || !badges_dir(g, dir, sizeof dir))
        return false;
    int n = snprintf(out, outlen, "%s/%s-badge-N%d.png", dir, g->log.play_id, level);
    return n > 0 && (size_t)n < outlen && paths_is_file(out);
}

/* Draws an anti-aliased disc of colour `c` and radius `r` (pixels) centred
 * on the surface, over what is there. */
static void disc(SDL_Surface *s, double r, SDL_Color c) {
    Uint32 *px = s->pixels;
    int pitch = s->pitch / 4;
    double cx = s->w / 2.0, cy = s->h / 2.0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            double d = hypot(x + 0.5 - cx, y + 0.5 - cy);
            double a = r + 0.5 - d;
            if (a <= 0) continue;
            if (a > 1) a = 1;
            Uint8 r0, g0, b0, a0;
            SDL_GetRGBA(px[y * pitch + x], s->format, &r0, &g0, &b0, &a0);
            double ia = 1 - a;
            Uint8 nr = (Uint8)(c.r * a + r0 * ia), ng = (Uint8)(c.g * a + g0 * ia), nb = (Uint8)(c.b * a + b0 * ia);
            Uint8 na = (Uint8)(255 * a + a0 * ia);
            px[y * pitch + x] = SDL_MapRGBA(s->format, nr, ng, nb, na);
        }
}

/* Blits `text` wrapped to `wrap` pixels, centred horizontally at height
 * `y`; returns the height drawn. */
static int line(SDL_Surface *s, TTF_Font *f, const char *text, int y, int wrap) {
    if (!f || !*text) return 0;
    SDL_Surface *t = TTF_RenderUTF8_Blended_Wrapped(f, text, WHITE, (Uint32)wrap);
    if (!t) return 0;
    SDL_Rect dst = {(s->w - t->w) / 2, y, t->w, t->h};
    SDL_SetSurfaceBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(t, NULL, s, &dst);
    int h = t->h;
    SDL_FreeSurface(t);
    return h;
}

static TTF_Font *font(const char *dir, const char *file, int px) {
    char path[1400];
    snprintf(path, sizeof path, "%s%s", dir, file);
    TTF_Font *f = TTF_OpenFont(path, px);
    if (f) TTF_SetFontWrappedAlign(f, TTF_WRAPPED_ALIGN_CENTER);
    return f;
}

/* "22 novembre 2026" / "22 November 2026", UTC. */
static void human_date(int64_t ms, Lang lang, char *out, size_t n) {
    static const char *const FR[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                     "août", "septembre", "octobre", "novembre", "décembre"};
    static const char *const EN[] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};
    char iso[32];
    results_iso8601(ms, iso);
    int y = 0, m = 1, d = 1;
    sscanf(iso, "%d-%d-%d", &y, &m, &d);
    unsigned mi = (unsigned)(m - 1) % 12u;
    snprintf(out, n, "%d%s%s %d", d, lang == LANG_FR && d == 1 ? "er " : " ", (lang == LANG_EN ? EN : FR)[mi], y);
}

static SDL_Surface *render(const Game *g, int level, const char *fonts_dir) {
    const Framework *fw = game_framework(g);
    Lang lang = g->session ? session_lang(g->session) : LANG_FR;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, BADGE_SIZE, BADGE_SIZE, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, 0, 0, 0, 0));
    SDL_LockSurface(s);
    disc(s, BADGE_SIZE / 2.0 - 4, RING);
    disc(s, BADGE_SIZE / 2.0 - 26, LEVEL_COLOR[level - 1]);
    SDL_UnlockSurface(s);
    TTF_Font *small = font(fonts_dir, "Inter-SemiBold.otf", 26), *big = font(fonts_dir, "Inter-SemiBold.otf", 150);
    TTF_Font *body = font(fonts_dir, "Inter-Regular.otf", 27), *name = font(fonts_dir, "Inter-SemiBold.otf", 38);
    if (!small || !big || !body || !name) {
        if (small) TTF_CloseFont(small);
        if (big) TTF_CloseFont(big);
        if (body) TTF_CloseFont(body);
        if (name) TTF_CloseFont(name);
        SDL_FreeSurface(s);
        return NULL;
    }
    char lv[8], date[64];
    snprintf(lv, sizeof lv, "N%d", level);
    human_date(g->log.finished_ms, lang, date, sizeof date);
    const char *lname = fw ? loc_get(&fw->level_names[level - 1], lang, NULL) : "";
    int y = 116;
    y += line(s, small, lang == LANG_EN ? "ENJEUX · BADGE" : "ENJEUX · BADGE", y, 400);
    y += line(s, big, lv, y - 10, 400) - 14;
    y += line(s, body, lname, y, 420) + 22;
    y += line(s, name, g->pseudonym, y, 440) + 4;
    line(s, body, date, y, 420);
    TTF_CloseFont(small);
    TTF_CloseFont(big);
    TTF_CloseFont(body);
    TTF_CloseFont(name);
    return s;
}

/* Saves `s` as a PNG at `path` atomically. */
static bool save_png(SDL_Surface *s, const char *path, char *err, size_t errlen, int *io_err) {
    /* IMG_SavePNG_RW into memory (room for the uncompressed pixels), then
     * one atomic write. */
    size_t cap = (size_t)s->w * (size_t)s->h * 4 + 65536;
    void *buf = malloc(cap);
    if (!buf) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    SDL_RWops *mem = SDL_RWFromMem(buf, (int)cap);
    bool ok = mem && IMG_SavePNG_RW(s, mem, 0) == 0;
    Sint64 len = ok ? SDL_RWtell(mem) : 0;
    if (mem) SDL_RWclose(mem);
    int e = 0;
    ok = ok && len > 0 && fsutil_write_atomic(path, buf, (size_t)len, &e);
    free(buf);
    *io_err = e;
    if (!ok) snprintf(err, errlen, "%s: cannot write the badge image (%s)", path, e ? strerror(e) : IMG_GetError());
    return ok;
}

/* The plays of the profile whose results earned level `level`'s badge,
 * oldest first, this play last. */
typedef struct Plays {
    BadgePlay *p;
    char (*ids)[33];
    char (*ends)[32];
    char (*scen)[72];
    uint32_t n, cap;
} Plays;

static void plays_add(Plays *ps, const char *id, const char *scen, const char *end) {
    if (ps->n == ps->cap) {
        uint32_t cap = ps->cap ? ps->cap * 2 : 16;
        void *a = realloc(ps->ids, sizeof *ps->ids * cap), *b = NULL, *c = NULL;
        if (a) ps->ids = a;
        b = a ? realloc(ps->ends, sizeof *ps->ends * cap) : NULL;
        if (b) ps->ends = b;
        c = b ? realloc(ps->scen, sizeof *ps->scen * cap) : NULL;
        if (c) ps->scen = c;
        if (!a || !b || !c) return;
        ps->cap = cap;
    }
    snprintf(ps->ids[ps->n], 33, "%s", id);
    snprintf(ps->ends[ps->n], 32, "%s", end);
    snprintf(ps->scen[ps->n], 72, "%s", scen);
    ps->n++;
}

static void swap(char *a, char *b, size_t n) {
    char t[80];
    memcpy(t, a, n);
    memcpy(a, b, n);
    memcpy(b, t, n);
}

static void earlier_plays(const Game *g, int level, Plays *ps) {
    char dir[1200];
    snprintf(dir, sizeof dir, "%sresults", g->profile_dir);
    char **names = NULL;
    size_t count = 0;
    int le = 0;
    if (!fsutil_list_dir(dir, &names, &count, &le)) return;
    for (size_t i = 0; i < count; i++) {
        const char *name = names[i];
        size_t n = strlen(name);
        if (n != 37 || strcmp(name + 32, ".json") != 0 || strncmp(name, g->log.play_id, 32) == 0) continue;
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        char *data = NULL;
        size_t len = 0, size = 0;
        int e = 0;
        if (fsutil_read_file(path, 16u << 20, &data, &len, &size, &e) != FS_OK) continue;
        cJSON *j = cJSON_ParseWithLength(data, len);
        free(data);
        const cJSON *b = cJSON_GetObjectItem(j, "badges"), *it;
        bool has = false;
        cJSON_ArrayForEach(it, b) has = has || (cJSON_IsNumber(it) && it->valueint == level);
        const cJSON *pid = cJSON_GetObjectItem(j, "play_id"), *fin = cJSON_GetObjectItem(j, "finished");
        const cJSON *sc = cJSON_GetObjectItem(cJSON_GetObjectItem(j, "scenario"), "id");
        if (has && cJSON_IsString(pid) && cJSON_IsString(fin) && cJSON_IsString(sc))
            plays_add(ps, pid->valuestring, sc->valuestring, fin->valuestring);
        cJSON_Delete(j);
    }
    fsutil_free_names(names, count);
    /* Oldest first: ISO times sort as strings. */
    for (uint32_t i = 1; i < ps->n; i++)
        for (uint32_t k = i; k > 0 && strcmp(ps->ends[k - 1], ps->ends[k]) > 0; k--) {
            swap(ps->ids[k], ps->ids[k - 1], sizeof ps->ids[k]);
            swap(ps->ends[k], ps->ends[k - 1], sizeof ps->ends[k]);
            swap(ps->scen[k], ps->scen[k - 1], sizeof ps->scen[k]);
        }
}

static bool write_text(const char *path, const char *text, char *err, size_t errlen, int *io_err) {
    int e = 0;
    if (fsutil_write_atomic(path, text, strlen(text), &e)) return true;
    *io_err = e;
    snprintf(err, errlen, "%s: cannot write the badge (%s)", path, strerror(e));
    return false;
}

static bool write_level(Game *g, int level, const char *fonts_dir, const char *dir, char *err, size_t errlen,
                        int *io_err) {
    char png[1400], json[1400];
    snprintf(png, sizeof png, "%s/%s-badge-N%d.png", dir, g->log.play_id, level);
    snprintf(json, sizeof json, "%s/%s-badge-N%d.json", dir, g->log.play_id, level);
    SDL_Surface *s = render(g, level, fonts_dir);
    if (!s) {
        snprintf(err, errlen, "%s: cannot draw the badge (fonts in %s: %s)", png, fonts_dir, TTF_GetError());
        return false;
    }
    bool ok = save_png(s, png, err, errlen, io_err);
    SDL_FreeSurface(s);
    if (!ok) return false;
    char *data = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    char *uri = NULL;
    if (fsutil_read_file(png, 16u << 20, &data, &len, &size, &e) == FS_OK)
        uri = badge_png_data_uri((unsigned char *)data, len);
    free(data);

    Plays ps = {0};
    earlier_plays(g, level, &ps);
    char fin[32], issued[32], cid[37];
    results_iso8601(g->log.finished_ms, fin);
    results_iso8601(g->log.finished_ms, issued);
    plays_add(&ps, g->log.play_id, game_scenario(g)->id, fin);
    ps.p = calloc(ps.n ? ps.n : 1, sizeof *ps.p);
    Lang lang = session_lang(g->session);
    for (uint32_t i = 0; ps.p && i < ps.n; i++) {
        ps.p[i].play_id = ps.ids[i];
        ps.p[i].scenario_id = ps.scen[i];
        ps.p[i].finished = ps.ends[i];
        for (int k = 0; k < g->n_lib; k++)
            if (g->lib[k].sc && strcmp(g->lib[k].sc->id, ps.scen[i]) == 0)
                ps.p[i].scenario_title = loc_get(&g->lib[k].sc->title, lang, NULL);
    }
    results_statement_uuid(g->log.play_id, 1000000u + (uint32_t)level, cid);
    BadgeInfo bi = {.level = (uint8_t)level,
                    .fw = game_framework(g),
                    .pseudonym = g->pseudonym,
                    .credential_id = cid,
                    .issued = issued,
                    .lang = lang,
                    .workshop = &g->workshop_file,
                    .plays = ps.p,
                    .n_plays = ps.p ? ps.n : 0,
                    .image_data_uri = uri};
    char *text = badge_credential_json(&bi);
    ok = text && write_text(json, text, err, errlen, io_err);
    if (!text) snprintf(err, errlen, "%s: out of memory", json);
    free(text);
    free(uri);
    free(ps.p);
    free(ps.ids);
    free(ps.ends);
    free(ps.scen);
    return ok;
}

static bool copy_to(const char *from_dir, const char *to_dir, const char *name, char *err, size_t errlen,
                    int *io_err) {
    char from[1400], to[1400];
    snprintf(from, sizeof from, "%s/%s", from_dir, name);
    snprintf(to, sizeof to, "%s/%s", to_dir, name);
    char *data = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    if (fsutil_read_file(from, 64u << 20, &data, &len, &size, &e) != FS_OK) {
        snprintf(err, errlen, "%s: cannot read it (%s)", from, strerror(e));
        return false;
    }
    bool ok = fsutil_write_atomic(to, data, len, &e);
    free(data);
    if (!ok) {
        *io_err = e;
        snprintf(err, errlen, "%s: cannot write it (%s)", to, strerror(e));
    }
    return ok;
}

bool award_write(Game *g, const char *fonts_dir, char *err, size_t errlen, int *io_err) {
    *io_err = 0;
    if (!g->session || !session_is_over(g->session) || !game_framework(g)) return true;
    uint8_t earned = session_badges(g->session);
    if (!earned) return true;
    char dir[1200];
    if (badges_dir(g, dir, sizeof dir) && !game_path_safe(g, dir, "disk.what.badge")) {
        snprintf(err, errlen, "%s: a symbolic link leads out of the data folder; nothing written", dir);
        return false;
    }
    if (!badges_dir(g, dir, sizeof dir) || !fsutil_mkdirs(dir, io_err)) {
        snprintf(err, errlen, "%s: cannot create the folder for badges (%s)", dir, strerror(*io_err));
        return false;
    }
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "cannot start SDL_ttf to draw the badge: %s", TTF_GetError());
        return false;
    }
    for (int l = 1; l <= 3; l++) {
        if (!(earned & (1u << (l - 1)))) continue;
        if (!write_level(g, l, fonts_dir, dir, err, errlen, io_err)) return false;
        if (game_export_ready(g)) {
            char name[64];
            for (int k = 0; k < 2; k++) {
                snprintf(name, sizeof name, "%s-badge-N%d.%s", g->log.play_id, l, k ? "json" : "png");
                if (!copy_to(dir, g->export_dir, name, err, errlen, io_err)) return false;
            }
        }
    }
    return true;
}
