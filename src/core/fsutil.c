/* fsutil.c — bounded file reading and path helpers; see fsutil.h. */
#include "core/fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

FsStatus fsutil_read_file(const char *path, size_t limit, char **data, size_t *len, size_t *size,
                          int *err) {
    *data = NULL;
    *len = 0;
    *size = 0;
    *err = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = errno;
        return FS_IO_ERROR;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        *err = errno;
        fclose(f);
        return FS_IO_ERROR;
    }
    if (S_ISDIR(st.st_mode)) {
        fclose(f);
        *err = EISDIR;
        return FS_IO_ERROR;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
        fclose(f);
        *size = (size_t)st.st_size;
        return FS_TOO_LARGE;
    }
    /* Read up to limit + 1 bytes: a file that grows or is not regular is
     * still bounded. */
    size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        *err = ENOMEM;
        return FS_IO_ERROR;
    }
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (cap > limit) break;
            size_t ncap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                *err = ENOMEM;
                return FS_IO_ERROR;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        *err = errno ? errno : EIO;
        free(buf);
        fclose(f);
        return FS_IO_ERROR;
    }
    fclose(f);
    if (n > limit) {
        free(buf);
        *size = n;
        return FS_TOO_LARGE;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    *size = n;
    return FS_OK;
}

char *fsutil_dirname(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return fsutil_join(".", "");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = malloc(n + 1);
    if (!d) return NULL;
    memcpy(d, path, n);
    d[n] = '\0';
    return d;
}

char *fsutil_join(const char *dir, const char *rel) {
    size_t a = strlen(dir), b = strlen(rel);
    char *p = malloc(a + b + 2);
    if (!p) return NULL;
    memcpy(p, dir, a);
    size_t n = a;
    if (b) {
        if (a && dir[a - 1] != '/') p[n++] = '/';
        memcpy(p + n, rel, b);
        n += b;
    }
    p[n] = '\0';
    return p;
}
