/* fsutil.h — reading whole files with a size limit, and path helpers for
 * the loaders. Internal to the core. */
#ifndef ENJEUX_FSUTIL_H
#define ENJEUX_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

typedef enum FsStatus { FS_OK, FS_IO_ERROR, FS_TOO_LARGE } FsStatus;

/* Reads the regular file at `path` into a malloc'd, NUL-terminated buffer
 * (caller frees *data). Fails with FS_TOO_LARGE, *size set, when the file is
 * bigger than `limit` bytes (nothing is read), and with FS_IO_ERROR, *err set
 * to an errno value, when it cannot be read (a folder gives EISDIR). */
FsStatus fsutil_read_file(const char *path, size_t limit, char **data, size_t *len, size_t *size,
                          int *err);

/* The folder part of `path` ("." when it has none), malloc'd; NULL on OOM. */
char *fsutil_dirname(const char *path);

/* `dir` + "/" + `rel`, malloc'd; NULL on OOM. */
char *fsutil_join(const char *dir, const char *rel);

#endif
