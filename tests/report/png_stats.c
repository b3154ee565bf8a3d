/* png_stats.c — pixel counts of a screenshot, for report_e2e.py: prints
 * "WIDTH HEIGHT INK BLUE GREEN RED", where INK counts the pixels that are
 * not white and the others the pixels near the report's chart colours
 * (bars #1d4ed8, positive #047857, negative #b91c1c).
 *
 *   png_stats FILE.png */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

static int near(int r, int g, int b, int R, int G, int B, int tol) {
    return abs(r - R) <= tol && abs(g - G) <= tol && abs(b - B) <= tol;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fputs("usage: png_stats FILE.png\n", stderr);
        return 2;
    }
    SDL_Surface *raw = IMG_Load(argv[1]);
    if (!raw) {
        fprintf(stderr, "png_stats: %s: %s\n", argv[1], IMG_GetError());
        return 1;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(raw);
    if (!s) return 1;
    long ink = 0, blue = 0, green = 0, red = 0;
    for (int y = 0; y < s->h; y++) {
        const Uint8 *p = (const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch;
        for (int x = 0; x < s->w; x++, p += 4) {
            ink += !near(p[0], p[1], p[2], 255, 255, 255, 12);
            blue += near(p[0], p[1], p[2], 0x1d, 0x4e, 0xd8, 40);
            green += near(p[0], p[1], p[2], 0x04, 0x78, 0x57, 40);
            red += near(p[0], p[1], p[2], 0xb9, 0x1c, 0x1c, 40);
        }
    }
    printf("%d %d %ld %ld %ld %ld\n", s->w, s->h, ink, blue, green, red);
    SDL_FreeSurface(s);
    return 0;
}
