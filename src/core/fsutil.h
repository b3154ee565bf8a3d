/* fsutil.h — reading whole files with a size limit, path helpers for the
 * loaders, and atomic file replacement for saves. Internal to the core; the
 * only place of the core with platform (POSIX / Win32) calls. */
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

/* Replaces the file at `path` with `data` (`len` bytes) so that, whatever
 * happens (crash, SIGKILL, power cut), the file holds either its old
 * content or the new one, never a mix: writes `path`.tmp in the same
 * folder, flushes and syncs it, renames it over `path`, then syncs the
 * folder. Returns false on failure with *err set to an errno value; `path`
 * is then untouched and the temporary file removed. One writer per file at a
 * time (the temporary name is fixed, so a crash leaves at most one stale
 * `path`.tmp, replaced by the next write). */
bool fsutil_write_atomic(const char *path, const void *data, size_t len, int *err);

/* Appends `len` bytes at `line` (a complete line, ending in '\n') to the
 * file at `path`, creating it, and syncs it to disk before returning (and
 * the folder too when the file was created). When the file does not end
 * with a line break (a torn write before a crash), one is written first so
 * the damaged line stays on its own. Returns false with *err set to an
 * errno value; a crash during the call leaves at most this line torn. */
bool fsutil_append_line(const char *path, const char *line, size_t len, int *err);

#endif
