/* fsutil.c — the platform layer (POSIX and Win32); see fsutil.h. */
#ifdef _WIN32
#define _CRT_RAND_S /* rand_s */
#else
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

#if defined(__SANITIZE_ADDRESS__)
#define FSUTIL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FSUTIL_ASAN 1
#endif
#endif
#ifdef FSUTIL_ASAN
/* From the sanitizers' allocator interface (sanitizer/allocator_interface.h,
 * which GCC does not install); libasan exports it. */
size_t __sanitizer_get_current_allocated_bytes(void);
#elif defined(__GLIBC__)
#include <malloc.h>
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

FsStamp fsutil_stamp(const char *path) {
    FsStamp f = {false, 0, 0, 0};
    struct stat st;
    if (stat(path, &st) != 0) return f;
    f.exists = true;
    f.size = (long long)st.st_size;
#ifdef _WIN32
    f.mtime_ns = (long long)st.st_mtime * 1000000000LL;
#elif defined(__APPLE__)
    f.mtime_ns = (long long)st.st_mtimespec.tv_sec * 1000000000LL + st.st_mtimespec.tv_nsec;
    f.id = (long long)st.st_ino;
#else
    f.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    f.id = (long long)st.st_ino;
#endif
    return f;
}

char *fsutil_canonical(const char *path) {
#ifdef _WIN32
    if (fsutil_kind(path) == FS_KIND_NONE) return NULL;
    return _fullpath(NULL, path, 0);
#else
    return realpath(path, NULL);
#endif
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

long long fsutil_rss_kb(void) {
#ifdef _WIN32
    PROCESS_MEMORY_COUNTERS pmc;
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &pmc, sizeof pmc)) return 0;
    return (long long)(pmc.WorkingSetSize / 1024);
#elif defined(__linux__)
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return 0;
    long long size = 0, resident = 0;
    int n = fscanf(f, "%lld %lld", &size, &resident);
    fclose(f);
    long page = sysconf(_SC_PAGESIZE);
    return n == 2 && page >= 1024 ? resident * (page / 1024) : 0;
#else
    return 0;
#endif
}

long long fsutil_heap_bytes(void) {
#if defined(FSUTIL_ASAN)
    return (long long)__sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 mi = mallinfo2();
    return (long long)(mi.uordblks + mi.hblkhd);
#else
    return -1;
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

bool fsutil_random(void *buf, size_t n) {
    unsigned char *b = buf;
#ifdef _WIN32
    for (size_t i = 0; i < n; i += sizeof(unsigned int)) {
        unsigned int v;
        if (rand_s(&v) != 0) return false;
        size_t k = n - i < sizeof v ? n - i : sizeof v;
        memcpy(b + i, &v, k);
    }
    return true;
#else
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f) return false;
    size_t got = fread(b, 1, n, f);
    fclose(f);
    return got == n;
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

/* ---- folders ------------------------------------------------------------------ */

static int make_dir(const char *p) {
#ifdef _WIN32
    return _mkdir(p);
#else
    return mkdir(p, 0755);
#endif
}

bool fsutil_is_dir(const char *path) {
    return fsutil_kind(path) == FS_KIND_DIR;
}

bool fsutil_dir_writable(const char *dir, int *err) {
    char *probe = fsutil_join(dir, ".enjeux-write-test");
    if (!probe) {
        *err = ENOMEM;
        return false;
    }
    errno = 0;
    FILE *f = fopen(probe, "wb");
    bool ok = f && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0) ok = false;
    if (!ok) *err = errno ? errno : EIO;
    if (f) remove(probe);
    free(probe);
    return ok;
}

bool fsutil_mkdir(const char *dir, int *err) {
    int r = make_dir(dir);
    *err = r == 0 ? 0 : errno;
    return r == 0;
}

bool fsutil_mkdirs(const char *dir, int *err) {
    *err = 0;
    size_t n = strlen(dir);
    char *p = malloc(n + 1);
    if (!p) {
        *err = ENOMEM;
        return false;
    }
    memcpy(p, dir, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0') continue;
        char c = p[i];
        p[i] = '\0';
        if (make_dir(p) != 0 && errno != EEXIST && !fsutil_is_dir(p)) {
            *err = errno;
            free(p);
            return false;
        }
        p[i] = c;
    }
    free(p);
    if (!fsutil_is_dir(dir)) {
        *err = ENOTDIR;
        return false;
    }
    return true;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void fsutil_free_names(char **names, size_t n) {
    for (size_t i = 0; names && i < n; i++) free(names[i]);
    free(names);
}

#ifdef _WIN32
bool fsutil_list_dir(const char *dir, char ***names, size_t *n, int *err) {
    *names = NULL;
    *n = 0;
    char *pat = fsutil_join(dir, "*");
    if (!pat) {
        *err = ENOMEM;
        return false;
    }
    WIN32_FIND_DATAA fd;
    HANDLE h = FindFirstFileA(pat, &fd);
    free(pat);
    if (h == INVALID_HANDLE_VALUE) {
        *err = ENOENT;
        return false;
    }
    size_t cap = 0;
    bool ok = true;
    do {
        const char *nm = fd.cFileName;
        if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0) continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(*names, cap * sizeof *nn);
            if (!nn) {
                ok = false;
                break;
            }
            *names = nn;
        }
        if (!((*names)[*n] = _strdup(nm))) {
            ok = false;
            break;
        }
        (*n)++;
    } while (FindNextFileA(h, &fd));
    FindClose(h);
#else
bool fsutil_list_dir(const char *dir, char ***names, size_t *n, int *err) {
    *names = NULL;
    *n = 0;
    *err = 0;
    DIR *d = opendir(dir);
    if (!d) {
        *err = errno;
        return false;
    }
    size_t cap = 0;
    bool ok = true;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *nm = de->d_name;
        if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0) continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(*names, cap * sizeof *nn);
            if (!nn) {
                ok = false;
                break;
            }
            *names = nn;
        }
        size_t len = strlen(nm);
        char *copy = malloc(len + 1);
        if (!copy) {
            ok = false;
            break;
        }
        memcpy(copy, nm, len + 1);
        (*names)[(*n)++] = copy;
    }
    closedir(d);
#endif
    if (!ok) {
        fsutil_free_names(*names, *n);
        *names = NULL;
        *n = 0;
        *err = ENOMEM;
        return false;
    }
    if (*n > 1) qsort(*names, *n, sizeof **names, cmp_names);
    return true;
}

bool fsutil_remove_tree(const char *path, int *err) {
    *err = 0;
    struct stat st;
#ifdef _WIN32
    if (stat(path, &st) != 0) return errno == ENOENT;
#else
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT) return true;
        *err = errno;
        return false;
    }
#endif
    bool ok = true;
    if (S_ISDIR(st.st_mode)) {
        char **names;
        size_t n;
        int e = 0;
        if (fsutil_list_dir(path, &names, &n, &e)) {
            for (size_t i = 0; i < n; i++) {
                char *child = fsutil_join(path, names[i]);
                int ce = 0;
                if (!child) {
                    ok = false;
                    *err = ENOMEM;
                } else if (!fsutil_remove_tree(child, &ce)) {
                    ok = false;
                    *err = ce;
                }
                free(child);
            }
            fsutil_free_names(names, n);
        } else {
            ok = false;
            *err = e;
        }
#ifdef _WIN32
        if (_rmdir(path) != 0) {
#else
        if (rmdir(path) != 0) {
#endif
            ok = false;
            *err = errno;
        }
    } else if (remove(path) != 0) {
        ok = false;
        *err = errno;
    }
    return ok;
}

static bool is_link(const char *p) {
#ifdef _WIN32
    DWORD a = GetFileAttributesA(p);
    return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_REPARSE_POINT);
#else
    struct stat st;
    return lstat(p, &st) == 0 && S_ISLNK(st.st_mode);
#endif
}

bool fsutil_has_link(const char *root, const char *path) {
    size_t r = strlen(root);
    while (r > 1 && root[r - 1] == '/') r--;
    if (strncmp(path, root, r) != 0 || (path[r] != '/' && path[r] != '\0')) return true;
    size_t n = strlen(path);
    char *p = malloc(n + 1);
    if (!p) return true;
    memcpy(p, path, n + 1);
    bool link = false;
    for (size_t i = r + 1; i <= n && !link; i++) {
        if (p[i] != '/' && p[i] != '\0') continue;
        size_t start = i;
        while (start > r + 1 && p[start - 1] != '/') start--;
        if (i - start == 2 && p[start] == '.' && p[start + 1] == '.') link = true;
        char c = p[i];
        p[i] = '\0';
        if (!link && i > r + 1 && p[i - 1] != '/') link = is_link(p);
        p[i] = c;
    }
    free(p);
    return link;
}

bool fsutil_move_aside(const char *path, const char *suffix, char *out, size_t outlen, int *err) {
    *err = 0;
    struct stat st;
    for (int i = 0; i < 1000; i++) {
        int w = i == 0 ? snprintf(out, outlen, "%s%s", path, suffix) : snprintf(out, outlen, "%s%s.%d", path, suffix, i);
        if (w < 0 || (size_t)w >= outlen) {
            *err = ENAMETOOLONG;
            return false;
        }
        if (stat(out, &st) == 0) continue;
        if (rename(path, out) != 0) {
            *err = errno;
            return false;
        }
        sync_folder_of(path);
        return true;
    }
    *err = EEXIST;
    return false;
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
