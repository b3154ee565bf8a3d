/* fsutil.c — the platform layer (POSIX and Win32); see fsutil.h. */
#ifndef _WIN32
#define _XOPEN_SOURCE 700 /* realpath, struct stat's st_mtim */
#endif
#include "core/fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#ifdef _WIN32
#define PSAPI_VERSION 2 /* GetProcessMemoryInfo from kernel32, no psapi.lib */
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <windows.h>
#include <psapi.h>
#else
#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif
#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif

#ifndef S_ISDIR
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#endif
#ifndef S_ISREG
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#endif

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

/* ---- file kinds, times, folders ------------------------------------------- */

FsKind fsutil_kind(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return FS_KIND_NONE;
    if (S_ISREG(st.st_mode)) return FS_KIND_FILE;
    if (S_ISDIR(st.st_mode)) return FS_KIND_DIR;
    return FS_KIND_OTHER;
}

long long fsutil_mtime_ns(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return 0;
#ifdef _WIN32
    return (long long)st.st_mtime * 1000000000LL;
#elif defined(__APPLE__)
    return (long long)st.st_mtimespec.tv_sec * 1000000000LL + st.st_mtimespec.tv_nsec;
#else
    return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
#endif
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void fsutil_free_names(char **names, size_t n) {
    if (!names) return;
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

/* Appends a copy of `name` to the growing array; false on OOM. */
static bool push_name(char ***names, size_t *n, size_t *cap, const char *name) {
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        char **nn = realloc(*names, ncap * sizeof *nn);
        if (!nn) return false;
        *names = nn;
        *cap = ncap;
    }
    size_t len = strlen(name);
    char *copy = malloc(len + 1);
    if (!copy) return false;
    memcpy(copy, name, len + 1);
    (*names)[(*n)++] = copy;
    return true;
}

char **fsutil_list_dir(const char *dir, size_t *n, int *err) {
    *n = 0;
    *err = 0;
    size_t cap = 0;
    char **names = malloc(sizeof *names);
    if (!names) {
        *err = ENOMEM;
        return NULL;
    }
    cap = 1;
    bool ok = true;
#ifdef _WIN32
    char *pattern = fsutil_join(dir, "*");
    if (!pattern) {
        free(names);
        *err = ENOMEM;
        return NULL;
    }
    WIN32_FIND_DATAA fd;
    HANDLE h = FindFirstFileA(pattern, &fd);
    free(pattern);
    if (h == INVALID_HANDLE_VALUE) {
        free(names);
        *err = GetLastError() == ERROR_FILE_NOT_FOUND ? 0 : ENOENT;
        if (*err == 0) return calloc(1, sizeof(char *));
        return NULL;
    }
    do {
        if (fd.cFileName[0] == '.') continue;
        if (!push_name(&names, n, &cap, fd.cFileName)) {
            ok = false;
            break;
        }
    } while (FindNextFileA(h, &fd));
    FindClose(h);
#else
    DIR *d = opendir(dir);
    if (!d) {
        *err = errno;
        free(names);
        return NULL;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (!push_name(&names, n, &cap, de->d_name)) {
            ok = false;
            break;
        }
    }
    closedir(d);
#endif
    if (!ok) {
        fsutil_free_names(names, *n);
        *n = 0;
        *err = ENOMEM;
        return NULL;
    }
    if (*n > 1) qsort(names, *n, sizeof *names, cmp_names);
    return names;
}

char *fsutil_canonical(const char *path) {
#ifdef _WIN32
    if (fsutil_kind(path) == FS_KIND_NONE) return NULL;
    return _fullpath(NULL, path, 0);
#else
    return realpath(path, NULL);
#endif
}

static bool is_sep(char c) {
#ifdef _WIN32
    return c == '/' || c == '\\';
#else
    return c == '/';
#endif
}

bool fsutil_mkdir(const char *dir, int *err) {
#ifdef _WIN32
    int r = _mkdir(dir);
#else
    int r = mkdir(dir, 0755);
#endif
    *err = r == 0 ? 0 : errno;
    return r == 0;
}

bool fsutil_mkdirs(const char *dir, int *err) {
    *err = 0;
    size_t n = strlen(dir);
    if (n == 0) {
        *err = ENOENT;
        return false;
    }
    char *p = malloc(n + 1);
    if (!p) {
        *err = ENOMEM;
        return false;
    }
    memcpy(p, dir, n + 1);
    for (size_t i = 1; i <= n; i++) {
        bool sep = is_sep(p[i]) || p[i] == '\0';
#ifdef _WIN32
        if (i == 2 && p[1] == ':') continue; /* "C:" is a drive, not a folder */
#endif
        if (!sep || is_sep(p[i - 1])) continue;
        char c = p[i];
        p[i] = '\0';
#ifdef _WIN32
        int r = _mkdir(p);
#else
        int r = mkdir(p, 0755);
#endif
        if (r != 0 && errno != EEXIST) {
            *err = errno;
            free(p);
            return false;
        }
        p[i] = c;
    }
    free(p);
    if (fsutil_kind(dir) != FS_KIND_DIR) {
        *err = ENOTDIR;
        return false;
    }
    return true;
}

long long fsutil_clock_ns(void) {
#ifdef _WIN32
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (long long)((double)c.QuadPart * 1e9 / (double)f.QuadPart);
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
#endif
}

long long fsutil_cpu_ns(bool whole_process) {
#ifdef _WIN32
    FILETIME created, exited, kernel, user;
    BOOL ok = whole_process ? GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user)
                            : GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user);
    if (!ok) return 0;
    ULARGE_INTEGER k = {.u = {kernel.dwLowDateTime, kernel.dwHighDateTime}};
    ULARGE_INTEGER u = {.u = {user.dwLowDateTime, user.dwHighDateTime}};
    return (long long)(k.QuadPart + u.QuadPart) * 100; /* 100 ns units */
#else
    struct timespec ts;
    if (clock_gettime(whole_process ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
#endif
}

long long fsutil_peak_rss_kb(void) {
#ifdef _WIN32
    PROCESS_MEMORY_COUNTERS pmc;
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &pmc, sizeof pmc)) return 0;
    return (long long)(pmc.PeakWorkingSetSize / 1024);
#else
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
#ifdef __APPLE__
    return (long long)ru.ru_maxrss / 1024; /* bytes on macOS */
#else
    return (long long)ru.ru_maxrss;
#endif
#endif
}

char *fsutil_exe_dir(void) {
    char buf[4096];
#ifdef _WIN32
    DWORD n = GetModuleFileNameA(NULL, buf, sizeof buf);
    if (n == 0 || n >= sizeof buf) return NULL;
    for (char *c = buf; *c; c++)
        if (*c == '\\') *c = '/';
#elif defined(__APPLE__)
    uint32_t size = sizeof buf;
    if (_NSGetExecutablePath(buf, &size) != 0) return NULL;
#else
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return NULL;
    buf[n] = '\0';
#endif
    return fsutil_dirname(buf);
}

#ifndef _WIN32
extern char **environ;
#endif

int fsutil_run(char *const argv[], int *err) {
    *err = 0;
#ifdef _WIN32
    intptr_t r = _spawnvp(_P_WAIT, argv[0], (const char *const *)argv);
    if (r == -1) {
        *err = errno;
        return -1;
    }
    return (int)r;
#else
    pid_t pid;
    int e = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (e != 0) {
        *err = e;
        return -1;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            *err = errno;
            return -1;
        }
    }
    if (!WIFEXITED(status)) {
        *err = EINTR;
        return -1;
    }
    /* A shell-less spawn that could not exec reports 127 on some systems. */
    if (WEXITSTATUS(status) == 127) {
        *err = ENOENT;
        return -1;
    }
    return WEXITSTATUS(status);
#endif
}

/* ---- atomic replacement (saves, records) ----------------------------------- */

static bool sync_stream(FILE *f) {
#ifdef _WIN32
    return _commit(_fileno(f)) == 0;
#else
    return fsync(fileno(f)) == 0;
#endif
}

static bool replace_file(const char *from, const char *to) {
#ifdef _WIN32
    return MoveFileExA(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0;
#else
    return rename(from, to) == 0;
#endif
}

/* Makes the rename durable. Windows has no folder handle to sync;
 * MOVEFILE_WRITE_THROUGH already waits for the move to reach the disk. */
static void sync_folder_of(const char *path) {
#ifdef _WIN32
    (void)path;
#else
    char *dir = fsutil_dirname(path);
    if (!dir) return;
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
#endif
}

bool fsutil_rename(const char *from, const char *to, int *err) {
    *err = 0;
    if (replace_file(from, to)) return true;
    *err = errno ? errno : EIO;
    return false;
}

bool fsutil_write_atomic(const char *path, const void *data, size_t len, int *err) {
    *err = 0;
    size_t n = strlen(path);
    char *tmp = malloc(n + 5);
    if (!tmp) {
        *err = ENOMEM;
        return false;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp", 5);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        *err = errno;
        free(tmp);
        return false;
    }
    errno = 0;
    bool ok = fwrite(data, 1, len, f) == len && fflush(f) == 0 && sync_stream(f);
    if (!ok) *err = errno ? errno : EIO;
    if (fclose(f) != 0 && ok) {
        ok = false;
        *err = errno ? errno : EIO;
    }
    if (ok && !replace_file(tmp, path)) {
        ok = false;
        *err = errno ? errno : EIO;
    }
    if (!ok) remove(tmp);
    free(tmp);
    if (ok) sync_folder_of(path);
    return ok;
}

/* ---- appending (play records) ------------------------------------------------ */

static bool write_all(int fd, const char *p, size_t len) {
    while (len > 0) {
#ifdef _WIN32
        int w = _write(fd, p, (unsigned)(len > 0x40000000u ? 0x40000000u : len));
#else
        ssize_t w = write(fd, p, len);
#endif
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        len -= (size_t)w;
    }
    return true;
}

bool fsutil_append_line(const char *path, const char *line, size_t len, int *err) {
    *err = 0;
#ifdef _WIN32
    int fd = _open(path, _O_WRONLY | _O_APPEND | _O_CREAT | _O_BINARY, 0644);
#else
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
#endif
    if (fd < 0) {
        *err = errno;
        return false;
    }
    bool created = false, ok = true;
#ifdef _WIN32
    long size = _lseek(fd, 0, SEEK_END);
    created = size == 0;
    (void)created;
#else
    struct stat st;
    if (fstat(fd, &st) != 0) ok = false;
    created = ok && st.st_size == 0;
    if (ok && st.st_size > 0) {
        char last = '\n';
        if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') ok = write_all(fd, "\n", 1);
    }
#endif
    ok = ok && write_all(fd, line, len);
#ifdef _WIN32
    ok = ok && _commit(fd) == 0;
#else
    ok = ok && fsync(fd) == 0;
#endif
    if (!ok) *err = errno ? errno : EIO;
#ifdef _WIN32
    _close(fd);
#else
    close(fd);
#endif
    if (ok && created) sync_folder_of(path);
    return ok;
}
