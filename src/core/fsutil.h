/* fsutil.h — the one platform file: reading whole files with a size limit,
 * path helpers, folder listing, file kinds and times, canonical paths,
 * folder creation, a monotonic clock, and atomic file replacement for saves. Everything that
 * differs between POSIX and Win32 lives in fsutil.c, behind these
 * functions; the rest of the program (core, CLI, UI) calls them instead of
 * <dirent.h>, <sys/stat.h>, realpath() or rename(). */
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

typedef enum FsKind { FS_KIND_NONE, FS_KIND_FILE, FS_KIND_DIR, FS_KIND_OTHER } FsKind;

/* What `path` names (symbolic links followed): FS_KIND_NONE when nothing
 * is there or it cannot be examined. */
FsKind fsutil_kind(const char *path);

/* What changes when a file is saved: its modification time (ns), size and
 * identity (inode; 0 where the system has none). All zero, exists false,
 * when nothing is at `path`. For watching files that an author edits. */
typedef struct FsStamp {
    bool exists;
    long long mtime_ns, size, id;
} FsStamp;
FsStamp fsutil_stamp(const char *path);

/* The absolute, canonical form of an existing path (symbolic links and
 * "." / ".." resolved), malloc'd: the caller frees it. NULL when the path
 * does not exist or memory runs out. */
char *fsutil_canonical(const char *path);

/* Creates the one folder `dir` (its parent must exist). False with *err
 * set to an errno value otherwise, EEXIST when something is already there. */
bool fsutil_mkdir(const char *dir, int *err);

/* A monotonic clock in nanoseconds, for measuring durations (time taken
 * by a decision, benchmarks); its origin is unspecified. */
long long fsutil_clock_ns(void);

/* CPU time used so far, in nanoseconds, by the calling thread
 * (`whole_process` false) or by the whole process (true); for benchmarks
 * that must leave out time stolen by other programs. 0 when unknown. */
long long fsutil_cpu_ns(bool whole_process);

/* The most memory the process has held resident so far, in kilobytes; 0
 * when unknown. For benchmarks. */
long long fsutil_peak_rss_kb(void);

/* The memory the process holds resident right now, in kilobytes; 0 when
 * unknown. Unlike the peak, it falls when memory is given back: for
 * checking that memory stays flat over a long run. */
long long fsutil_rss_kb(void);

/* Bytes the process holds from malloc right now (allocated, not yet
 * freed), for tests that check memory stays flat over a long run: glibc's
 * own count (mallinfo2), or AddressSanitizer's when it replaces malloc;
 * -1 when the system cannot tell. */
long long fsutil_heap_bytes(void);

/* The folder of the running program (trailing separator not included),
 * malloc'd; NULL when the system cannot tell. */
char *fsutil_exe_dir(void);

/* Runs the program argv[0] (looked up in PATH) with `argv` (NULL-ended), no
 * shell, standard streams inherited, and waits for it. Returns its exit
 * status, or -1 with *err set to an errno value when it cannot be started
 * (ENOENT: not installed) or did not exit normally. */
int fsutil_run(char *const argv[], int *err);

/* Renames `from` over `to`, replacing it atomically where the system can.
 * False with *err set on failure. */
bool fsutil_rename(const char *from, const char *to, int *err);

/* Fills `buf` with `n` bytes from the system's secure random generator.
 * False when there is none (the caller must then do without). */
bool fsutil_random(void *buf, size_t n);

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

/* True when a file can be created in folder `dir`: a small probe file
 * (".enjeux-write-test") is created and removed. False with *err set to an
 * errno value (EROFS: a read-only drive, EACCES: no permission, ENOSPC: a
 * full disk, ENOENT: the folder is gone). */
bool fsutil_dir_writable(const char *dir, int *err);

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

/* True when `path`, which starts with the folder `root`, goes through a
 * symbolic link (or, on Windows, a junction) below `root`: one of its
 * existing components after `root`, the last one included, is a link.
 * `root` itself may be a link. Also true when `path` does not start with
 * `root`, or has a ".." component after it. For player data: a link planted
 * in the data folder must not lead a write or a removal elsewhere. */
bool fsutil_has_link(const char *root, const char *path);

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
