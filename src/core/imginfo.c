/* imginfo.c — image headers; see imginfo.h. */
#include "core/imginfo.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"

static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t be16(const unsigned char *p) {
    return (uint32_t)p[0] << 8 | p[1];
}

/* PNG: the signature, then the IHDR chunk, whose data starts with the
 * width and height (PNG specification, 11.2.2). */
static bool parse_png(const unsigned char *d, size_t len, uint32_t *w, uint32_t *h) {
    static const unsigned char SIG[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (len < 24 || memcmp(d, SIG, 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0) return false;
    *w = be32(d + 16);
    *h = be32(d + 20);
    return true;
}

/* JPEG: markers from the start of image; the first start-of-frame marker
 * (C0–CF except C4, C8 and CC) holds the height then the width (ITU T.81,
 * B.2.2). Every other segment is skipped by its length. */
static bool parse_jpeg(const unsigned char *d, size_t len, uint32_t *w, uint32_t *h) {
    if (len < 4 || d[0] != 0xFF || d[1] != 0xD8) return false;
    size_t i = 2;
    while (i + 4 <= len) {
        if (d[i] != 0xFF) return false;
        unsigned char m = d[i + 1];
        if (m == 0xFF) {
            i++;
            continue;
        }
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA) return false; /* end of image or scan before any frame */
        size_t seg = be16(d + i + 2);
        if (seg < 2) return false;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (i + 9 > len || seg < 7) return false;
            *h = be16(d + i + 5);
            *w = be16(d + i + 7);
            return true;
        }
        i += 2 + seg;
    }
    return false;
}

bool imginfo_parse(const unsigned char *data, size_t len, uint32_t *width, uint32_t *height) {
    *width = *height = 0;
    return parse_png(data, len, width, height) || parse_jpeg(data, len, width, height);
}

bool imginfo_read(const char *path, long long max_bytes, ImgInfo *out) {
    memset(out, 0, sizeof *out);
    FsStamp st = fsutil_stamp(path);
    if (!st.exists) return false;
    out->bytes = st.size;
    if (st.size > max_bytes || max_bytes < 0) return true;
    char *data = NULL;
    size_t len = 0, size = 0;
    int err = 0;
    FsStatus fs = fsutil_read_file(path, (size_t)max_bytes, &data, &len, &size, &err);
    if (fs == FS_TOO_LARGE) {
        out->bytes = (long long)size;
        return true;
    }
    if (fs != FS_OK) return false;
    uint32_t w, h;
    if (imginfo_parse((const unsigned char *)data, len, &w, &h)) {
        out->width = w;
        out->height = h;
    }
    free(data);
    return true;
}
