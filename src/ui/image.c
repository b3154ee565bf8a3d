/* image.c — illustration cache over SDL2_image; see image.h. */
#include "ui/image.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

enum { TEX_SLOTS = 12, INFO_SLOTS = 128 };

typedef struct TexSlot { char *path; int w, h; Uint32 matte; SDL_Texture *tex; unsigned last; } TexSlot;
typedef struct InfoSlot { char *path; int w, h; bool ok; } InfoSlot;

struct ImageCache {
    SDL_Renderer *r;
    TexSlot tex[TEX_SLOTS];
    InfoSlot info[INFO_SLOTS];
    int n_info;
    unsigned tick;
};

ImageCache *image_cache_create(SDL_Renderer *r) {
    ImageCache *ic = calloc(1, sizeof *ic);
    if (!ic) return NULL;
    ic->r = r;
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    return ic;
}

void image_cache_destroy(ImageCache *ic) {
    if (!ic) return;
    for (int i = 0; i < TEX_SLOTS; i++) {
        if (ic->tex[i].tex) SDL_DestroyTexture(ic->tex[i].tex);
        free(ic->tex[i].path);
    }
    for (int i = 0; i < ic->n_info; i++) free(ic->info[i].path);
    free(ic);
    IMG_Quit();
}

static bool is_svg(const char *path) {
    size_t n = strlen(path);
    return n > 4 && SDL_strcasecmp(path + n - 4, ".svg") == 0;
}

static SDL_Surface *load(const char *path, int w, int h) {
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) return NULL;
    SDL_Surface *s = (is_svg(path) && w > 0) ? IMG_LoadSizedSVG_RW(rw, w, h) : IMG_Load_RW(rw, 0);
    SDL_RWclose(rw);
    return s;
}

static bool is_opaque(SDL_Surface *s) {
    if (!SDL_ISPIXELFORMAT_ALPHA(s->format->format)) return true;
    if (s->format->BytesPerPixel != 4 || SDL_LockSurface(s) != 0) return false;
    bool opaque = true;
    Uint32 amask = s->format->Amask;
    for (int y = 0; y < s->h && opaque; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            if ((row[x] & amask) != amask) {
                opaque = false;
                break;
            }
    }
    SDL_UnlockSurface(s);
    return opaque;
}

static InfoSlot *info_get(ImageCache *ic, const char *path) {
    for (int i = 0; i < ic->n_info; i++)
        if (strcmp(ic->info[i].path, path) == 0) return &ic->info[i];
    if (ic->n_info == INFO_SLOTS) {
        free(ic->info[0].path);
        memmove(&ic->info[0], &ic->info[1], sizeof ic->info[0] * (INFO_SLOTS - 1));
        ic->n_info--;
    }
    InfoSlot *s = &ic->info[ic->n_info];
    s->path = strdup(path);
    if (!s->path) return NULL;
    ic->n_info++;
    SDL_Surface *surf = load(path, 0, 0);
    s->ok = surf != NULL;
    s->w = surf ? surf->w : 0;
    s->h = surf ? surf->h : 0;
    if (!surf) SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s: cannot load this image: %s", path, IMG_GetError());
    SDL_FreeSurface(surf);
    return s;
}

bool image_natural_size(ImageCache *ic, const char *path, int *w, int *h) {
    InfoSlot *s = info_get(ic, path);
    if (!s || !s->ok) return false;
    *w = s->w;
    *h = s->h;
    return true;
}

/* `surf` blended onto a new surface filled with `matte`; NULL on failure. */
static SDL_Surface *flatten(SDL_Surface *surf, SDL_Color matte) {
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, surf->w, surf->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out) return NULL;
    SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, matte.r, matte.g, matte.b, 255));
    SDL_SetSurfaceBlendMode(surf, SDL_BLENDMODE_BLEND);
    if (SDL_BlitSurface(surf, NULL, out, NULL) != 0) {
        SDL_FreeSurface(out);
        return NULL;
    }
    return out;
}

SDL_Texture *image_get(ImageCache *ic, const char *path, int max_w, int max_h, const SDL_Color *matte, int *w, int *h) {
    int nw, nh;
    if (max_w <= 0 || max_h <= 0 || !image_natural_size(ic, path, &nw, &nh) || nw <= 0 || nh <= 0) return NULL;
    int fw = max_w, fh = (int)((long long)nh * max_w / nw);
    if (fh > max_h) {
        fh = max_h;
        fw = (int)((long long)nw * max_h / nh);
    }
    if (fw < 1) fw = 1;
    if (fh < 1) fh = 1;
    *w = fw;
    *h = fh;
    ic->tick++;
    /* 0: no matte (an opaque matte colour always has its alpha byte set). */
    Uint32 mkey = matte ? (Uint32)matte->r << 24 | (Uint32)matte->g << 16 | (Uint32)matte->b << 8 | 0xFFu : 0;
    int victim = 0;
    for (int i = 0; i < TEX_SLOTS; i++) {
        TexSlot *t = &ic->tex[i];
        if (t->path && t->w == fw && t->h == fh && t->matte == mkey && strcmp(t->path, path) == 0) {
            t->last = ic->tick;
            SDL_QueryTexture(t->tex, NULL, NULL, w, h);
            return t->tex;
        }
        if (!t->path || (ic->tex[victim].path && t->last < ic->tex[victim].last)) victim = i;
    }
    TexSlot *t = &ic->tex[victim];
    if (t->tex) SDL_DestroyTexture(t->tex);
    free(t->path);
    *t = (TexSlot){0};
    SDL_Surface *surf = load(path, fw, fh);
    if (!surf) return NULL;
    bool opaque = is_opaque(surf);
    if (!opaque && matte) {
        SDL_Surface *flat = flatten(surf, *matte);
        if (flat) {
            SDL_FreeSurface(surf);
            surf = flat;
            opaque = true;
        }
    }
    t->tex = SDL_CreateTextureFromSurface(ic->r, surf);
    SDL_FreeSurface(surf);
    t->path = t->tex ? strdup(path) : NULL;
    if (!t->path) {
        if (t->tex) SDL_DestroyTexture(t->tex);
        t->tex = NULL;
        return NULL;
    }
    /* Opaque pictures are copied, not blended: much cheaper in software. */
    SDL_SetTextureBlendMode(t->tex, opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t->tex, SDL_ScaleModeLinear);
    t->w = fw;
    t->h = fh;
    t->matte = mkey;
    t->last = ic->tick;
    SDL_QueryTexture(t->tex, NULL, NULL, w, h);
    return t->tex;
}
