/* imginfo.h — an image file's size in bytes and, for PNG and JPEG, its
 * size in pixels, read from its header without decoding it: the loader
 * refuses an illustration too large to show (docs/limits.md) before the
 * game ever decodes it (a small file can announce a huge image). */
#ifndef ENJEUX_IMGINFO_H
#define ENJEUX_IMGINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ImgInfo {
    long long bytes;          /* the file's size */
    uint32_t width, height;   /* pixels; 0 when unknown (SVG, or a header not understood) */
} ImgInfo;

/* Fills `out` for the image file at `path`. Reads at most `max_bytes` of
 * it (the size alone is taken when the file is larger). Returns false when
 * the file cannot be examined. */
bool imginfo_read(const char *path, long long max_bytes, ImgInfo *out);

/* The width and height in the PNG or JPEG header in `data` (`len` bytes);
 * false when it is neither or the header is cut short or damaged. */
bool imginfo_parse(const unsigned char *data, size_t len, uint32_t *width, uint32_t *height);

#endif
