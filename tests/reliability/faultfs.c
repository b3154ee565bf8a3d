/* faultfs.c — a test-only LD_PRELOAD library that makes one folder behave
 * like a full disk or a read-only one, deterministically, for the disk
 * tests of docs/reliability.md (tests/reliability/disk_test.py). Never
 * linked into the game.
 *
 * Environment:
 *   FAULTFS_ROOT   absolute folder (no trailing '/'); only paths under it
 *                  are affected (relative paths are resolved against the
 *                  working folder first)
 *   FAULTFS_MODE   "full": writes to files opened under the root fail with
 *                  ENOSPC once FAULTFS_FREE bytes (default 0) have been
 *                  written in all, then mkdir fails with ENOSPC too; creating,
 *                  renaming and removing files still work, as on a real
 *                  full disk.
 *                  "readonly": opening for writing, creating, mkdir,
 *                  rename, unlink, rmdir under the root fail with EROFS.
 *   FAULTFS_MATCH  optional: only paths under the root that contain this
 *                  text are affected ("badges/", "progress.json"), to
 *                  fail one kind of file and let the others be written
 *   FAULTFS_LOG    optional file: one line per refused call ("open PATH
 *                  EROFS"), so the test can check the faults were hit.
 *
 * Intercepted: open, open64, openat, openat64, creat, fopen, fopen64,
 * write, fwrite, mkdir, rename, renameat, unlink, remove, rmdir. stdio's
 * own calls to write() inside glibc cannot be intercepted, so fwrite() is,
 * for streams opened under the root. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum { MAX_FD = 4096, MAX_STREAMS = 256 };

typedef enum Mode { MODE_OFF, MODE_FULL, MODE_READONLY } Mode;

static Mode mode = MODE_OFF;
static char root[4096];
static size_t root_len;
static char match[256];
static long long free_bytes;
static unsigned char tracked_fd[MAX_FD];
static FILE *tracked_stream[MAX_STREAMS];

#define REAL(name) static __typeof__(name) *real_##name
REAL(open);
REAL(openat);
REAL(fopen);
REAL(write);
REAL(fwrite);
REAL(mkdir);
REAL(rename);
REAL(renameat);
REAL(unlink);
REAL(remove);
REAL(rmdir);
REAL(creat);

/* dlsym gives an object pointer; POSIX guarantees it converts to a
 * function pointer, ISO C does not, hence the copy. */
#define LOAD(var, name)                       \
    do {                                      \
        void *sym_ = dlsym(RTLD_NEXT, name);  \
        memcpy(&(var), &sym_, sizeof sym_);   \
    } while (0)

static void init(void) {
    static int done;
    if (done) return;
    done = 1;
    LOAD(real_open, "open");
    LOAD(real_openat, "openat");
    LOAD(real_fopen, "fopen");
    LOAD(real_write, "write");
    LOAD(real_fwrite, "fwrite");
    LOAD(real_mkdir, "mkdir");
    LOAD(real_rename, "rename");
    LOAD(real_renameat, "renameat");
    LOAD(real_unlink, "unlink");
    LOAD(real_remove, "remove");
    LOAD(real_rmdir, "rmdir");
    LOAD(real_creat, "creat");
    const char *m = getenv("FAULTFS_MODE");
    const char *r = getenv("FAULTFS_ROOT");
    if (!m || !r || !*r || strlen(r) >= sizeof root) return;
    snprintf(root, sizeof root, "%s", r);
    root_len = strlen(root);
    while (root_len > 1 && root[root_len - 1] == '/') root[--root_len] = '\0';
    const char *mt = getenv("FAULTFS_MATCH");
    if (mt) snprintf(match, sizeof match, "%s", mt);
    const char *f = getenv("FAULTFS_FREE");
    free_bytes = f ? atoll(f) : 0;
    if (strcmp(m, "full") == 0) mode = MODE_FULL;
    else if (strcmp(m, "readonly") == 0) mode = MODE_READONLY;
}

static void note(const char *call, const char *path, int err) {
    const char *log = getenv("FAULTFS_LOG");
    if (!log) return;
    int fd = real_open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return;
    char line[4400];
    int n = snprintf(line, sizeof line, "%s %s %s\n", call, path ? path : "-", err == ENOSPC ? "ENOSPC" : "EROFS");
    if (n > 0) real_write(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    close(fd);
}

/* True when `path` (as given to the call, relative to `dirfd` when not
 * absolute) is the root or under it. */
static int under_root(int dirfd, const char *path) {
    if (mode == MODE_OFF || !path) return 0;
    char abs[8192];
    if (path[0] == '/') {
        snprintf(abs, sizeof abs, "%s", path);
    } else {
        char base[4096];
        if (dirfd != AT_FDCWD) {
            char link[64];
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
            ssize_t n = readlink(link, base, sizeof base - 1);
            if (n <= 0) return 0;
            base[n] = '\0';
        } else if (!getcwd(base, sizeof base)) {
            return 0;
        }
        snprintf(abs, sizeof abs, "%s/%s", base, path);
    }
    if (strncmp(abs, root, root_len) != 0 || (abs[root_len] != '/' && abs[root_len] != '\0')) return 0;
    return !match[0] || strstr(abs + root_len, match) != NULL;
}

static int refuse(const char *call, const char *path, int err) {
    note(call, path, err);
    errno = err;
    return -1;
}

static int open_common(const char *call, int dirfd, const char *path, int flags, mode_t m) {
    init();
    int writing = (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) != 0;
    int mine = writing && under_root(dirfd, path);
    if (mine && mode == MODE_READONLY) return refuse(call, path, EROFS);
    int fd = real_openat(dirfd, path, flags, m);
    if (mine && fd >= 0 && fd < MAX_FD) tracked_fd[fd] = 1;
    return fd;
}

/* Sets `m` to the mode argument that follows `flags` in an open-like
 * function, read only when the flags create a file (0 otherwise). */
#define MODE_ARG(flags, m)                                \
    do {                                                  \
        (m) = 0;                                          \
        if ((flags) & (O_CREAT | O_TMPFILE)) {            \
            va_list ap;                                   \
            va_start(ap, flags);                          \
            (m) = (mode_t)va_arg(ap, int);                \
            va_end(ap);                                   \
        }                                                 \
    } while (0)

int open(const char *path, int flags, ...) {
    mode_t m;
    MODE_ARG(flags, m);
    return open_common("open", AT_FDCWD, path, flags, m);
}

int open64(const char *path, int flags, ...) {
    mode_t m;
    MODE_ARG(flags, m);
    return open_common("open", AT_FDCWD, path, flags, m);
}

int openat(int dirfd, const char *path, int flags, ...) {
    mode_t m;
    MODE_ARG(flags, m);
    return open_common("openat", dirfd, path, flags, m);
}

int openat64(int dirfd, const char *path, int flags, ...) {
    mode_t m;
    MODE_ARG(flags, m);
    return open_common("openat", dirfd, path, flags, m);
}

int creat(const char *path, mode_t m) {
    return open_common("creat", AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, m);
}

int close(int fd) {
    static __typeof__(close) *real_close;
    if (!real_close) LOAD(real_close, "close");
    if (fd >= 0 && fd < MAX_FD) tracked_fd[fd] = 0;
    return real_close(fd);
}

static FILE *fopen_common(const char *path, const char *fmode) {
    init();
    int writing = strpbrk(fmode, "wa+") != NULL;
    int mine = writing && under_root(AT_FDCWD, path);
    if (mine && mode == MODE_READONLY) {
        refuse("fopen", path, EROFS);
        return NULL;
    }
    FILE *f = real_fopen(path, fmode);
    if (mine && f) {
        for (int i = 0; i < MAX_STREAMS; i++)
            if (!tracked_stream[i]) {
                tracked_stream[i] = f;
                break;
            }
    }
    return f;
}

FILE *fopen(const char *path, const char *fmode) {
    return fopen_common(path, fmode);
}

FILE *fopen64(const char *path, const char *fmode) {
    return fopen_common(path, fmode);
}

int fclose(FILE *f) {
    static __typeof__(fclose) *real_fclose;
    if (!real_fclose) LOAD(real_fclose, "fclose");
    for (int i = 0; i < MAX_STREAMS; i++)
        if (tracked_stream[i] == f) tracked_stream[i] = NULL;
    return real_fclose(f);
}

/* How many of `n` bytes may still be written; sets errno when none. */
static size_t budget(size_t n) {
    if (free_bytes <= 0) return 0;
    size_t k = (long long)n > free_bytes ? (size_t)free_bytes : n;
    free_bytes -= (long long)k;
    return k;
}

ssize_t write(int fd, const void *buf, size_t n) {
    init();
    if (mode == MODE_FULL && fd >= 0 && fd < MAX_FD && tracked_fd[fd] && n > 0) {
        size_t k = budget(n);
        if (k == 0) return refuse("write", "-", ENOSPC);
        return real_write(fd, buf, k);
    }
    return real_write(fd, buf, n);
}

size_t fwrite(const void *buf, size_t size, size_t count, FILE *f) {
    init();
    if (mode == MODE_FULL && size > 0 && count > 0) {
        for (int i = 0; i < MAX_STREAMS; i++) {
            if (tracked_stream[i] != f) continue;
            size_t k = budget(size * count) / size;
            size_t done = k ? real_fwrite(buf, size, k, f) : 0;
            if (done < count) {
                note("fwrite", "-", ENOSPC);
                errno = ENOSPC;
            }
            return done;
        }
    }
    return real_fwrite(buf, size, count, f);
}

int mkdir(const char *path, mode_t m) {
    init();
    if (under_root(AT_FDCWD, path)) {
        struct stat st;
        /* An existing folder gives EEXIST first, as the kernel does. */
        if (stat(path, &st) == 0) {
            errno = EEXIST;
            return -1;
        }
        if (mode == MODE_READONLY || free_bytes <= 0) return refuse("mkdir", path, mode == MODE_FULL ? ENOSPC : EROFS);
    }
    return real_mkdir(path, m);
}

int rename(const char *from, const char *to) {
    init();
    if (mode == MODE_READONLY && (under_root(AT_FDCWD, from) || under_root(AT_FDCWD, to)))
        return refuse("rename", to, EROFS);
    return real_rename(from, to);
}

int renameat(int fd1, const char *from, int fd2, const char *to) {
    init();
    if (mode == MODE_READONLY && (under_root(fd1, from) || under_root(fd2, to))) return refuse("renameat", to, EROFS);
    return real_renameat(fd1, from, fd2, to);
}

int unlink(const char *path) {
    init();
    if (mode == MODE_READONLY && under_root(AT_FDCWD, path)) return refuse("unlink", path, EROFS);
    return real_unlink(path);
}

int remove(const char *path) {
    init();
    if (mode == MODE_READONLY && under_root(AT_FDCWD, path)) return refuse("remove", path, EROFS);
    return real_remove(path);
}

int rmdir(const char *path) {
    init();
    if (mode == MODE_READONLY && under_root(AT_FDCWD, path)) return refuse("rmdir", path, EROFS);
    return real_rmdir(path);
}
