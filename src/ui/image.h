/* image.h — illustrations and portraits: loaded with SDL2_image, scaled to
 * fit a box keeping their aspect ratio, cached as textures. SVG files are
 * rendered by nanosvg at the exact pixel size needed (again after a resize),
 * so they stay sharp at any resolution. */
#ifndef ENJEUX_UI_IMAGE_H
#define ENJEUX_UI_IMAGE_H

#include <SDL.h>
#include <stdbool.h>

typedef struct ImageCache ImageCache;

/* Returns NULL when out of memory. Free with image_cache_destroy(). */
ImageCache *image_cache_create(SDL_Renderer *r);

/* Accepts NULL. */
void image_cache_destroy(ImageCache *ic);

/* The image at `path` scaled to fit (max_w, max_h), aspect kept; writes the
 * texture's exact size to *w, *h (draw it at that size: a scaled copy is
 * slow in software). With a `matte` (NULL: none), a picture with
 * transparent parts comes already blended onto that opaque colour, to be
 * drawn over a plain background of that colour: a copy instead of a blend
 * every frame, same pixels. Returns NULL when the file cannot be loaded
 * (logged once per path); the texture belongs to the cache and stays valid
 * until the next call. */
SDL_Texture *image_get(ImageCache *ic, const char *path, int max_w, int max_h, const SDL_Color *matte, int *w, int *h);

/* The image's natural size; false when it cannot be loaded. */
bool image_natural_size(ImageCache *ic, const char *path, int *w, int *h);

#endif
