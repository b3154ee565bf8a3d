/* datadir.c — finding the game's data folder; see datadir.h. */
#include "core/datadir.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"

static bool holds_assets(const char *dir) {
    char *p = fsutil_join(dir, "assets/theme.json");
    bool ok = p && fsutil_kind(p) == FS_KIND_FILE;
    free(p);
    return ok;
}

/* `dir` with a trailing '/', malloc'd; NULL on OOM. */
static char *with_slash(const char *dir) {
    size_t n = strlen(dir);
    bool slash = n > 0 && (dir[n - 1] == '/' || dir[n - 1] == '\\');
    char *s = malloc(n + 2);
    if (!s) return NULL;
    memcpy(s, dir, n);
    if (!slash) s[n++] = '/';
    s[n] = '\0';
    return s;
}

static DatadirStatus found(const char *dir, char **out) {
    *out = with_slash(dir);
    return *out ? DATADIR_OK : DATADIR_OOM;
}

DatadirStatus datadir_find(const char *rel_from_exe, const char *source_dir, char **out) {
    *out = NULL;
    const char *env = getenv("ENJEUX_DATA_DIR");
    if (env && *env) return holds_assets(env) ? found(env, out) : DATADIR_ENV_BAD;
    char *exe = fsutil_exe_dir();
    if (exe) {
        DatadirStatus st = DATADIR_NOT_FOUND;
        if (holds_assets(exe)) {
            st = found(exe, out);
        } else if (rel_from_exe && *rel_from_exe) {
            char *cand = fsutil_join(exe, rel_from_exe);
            if (!cand) st = DATADIR_OOM;
            else if (holds_assets(cand)) st = found(cand, out);
            free(cand);
        }
        free(exe);
        if (st != DATADIR_NOT_FOUND) return st;
    }
    if (source_dir && *source_dir && holds_assets(source_dir)) return found(source_dir, out);
    return DATADIR_NOT_FOUND;
}
