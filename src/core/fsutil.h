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

/* ---- folders (player data: profiles) ---------------------------------------- */

/* Creates `dir` and its missing parents. Returns true when it is a folder
 * afterwards; false with *err set to an errno value. */
bool fsutil_mkdirs(const char *dir, int *err);

/* True when `path` names an existing folder. */
bool fsutil_is_dir(const char *path);

/* Removes `path` and, when it is a folder, everything under it (symbolic
 * links are removed, never followed). A missing path is not an error.
 * Returns false with *err set to an errno value when something could not be
 * removed (the rest is still attempted). */
bool fsutil_remove_tree(const char *path, int *err);

/* The names of the entries of folder `dir` (no "." or ".."), sorted by
 * strcmp, as a malloc'd array of malloc'd strings; free with
 * fsutil_free_names(). Returns false with *err set when the folder cannot
 * be read (ENOENT when missing); *names is then NULL and *n 0. */
bool fsutil_list_dir(const char *dir, char ***names, size_t *n, int *err);

/* Frees what fsutil_list_dir() returned. Accepts NULL. */
void fsutil_free_names(char **names, size_t n);

/* Moves the file at `path` aside to `path` + `suffix`, or `path` + `suffix`
 * + ".N" (N = 1, 2…) when that name is taken, so an earlier backup is never
 * overwritten. Writes the name used into `out` (room for `outlen`). Returns
 * false with *err set on failure. */
bool fsutil_move_aside(const char *path, const char *suffix, char *out, size_t outlen, int *err);

/* Appends `len` bytes at `line` (a complete line, ending in '\n') to the
 * file at `path`, creating it, and syncs it to disk before returning (and
 * the folder too when the file was created). When the file does not end
 * with a line break (a torn write before a crash), one is written first so
 * the damaged line stays on its own. Returns false with *err set to an
 * errno value; a crash during the call leaves at most this line torn. */
bool fsutil_append_line(const char *path, const char *line, size_t len, int *err);

#endif
