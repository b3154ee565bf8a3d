/* paths.c — data and user folders; see paths.h. */
#include "ui/paths.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/fsutil.h"

bool paths_is_file(const char *path) {
    return fsutil_kind(path) == FS_KIND_FILE;
}

static bool set_dir(char *out, size_t outlen, const char *dir) {
    size_t n = strlen(dir);
    bool slash = n > 0 && dir[n - 1] == '/';
    int w = snprintf(out, outlen, "%s%s", dir, slash ? "" : "/");
    return w > 0 && (size_t)w < outlen;
}

bool paths_find_data(char *out, size_t outlen, char *err, size_t errlen) {
    char *dir = NULL;
    switch (DATADIR_FIND(&dir)) {
    case DATADIR_OK: {
        bool ok = set_dir(out, outlen, dir);
        if (!ok) snprintf(err, errlen, "%s: the data folder's path is too long; install the game in a shorter path.", dir);
        free(dir);
        return ok;
    }
    case DATADIR_ENV_BAD:
        snprintf(err, errlen, "ENJEUX_DATA_DIR=%s does not hold assets/theme.json; point it at the folder "
                 "that holds assets/ and scenarios/, or unset it.", getenv("ENJEUX_DATA_DIR"));
        return false;
    case DATADIR_OOM:
        snprintf(err, errlen, "out of memory while looking for the game's data.");
        return false;
    case DATADIR_NOT_FOUND:
        break;
    }
    snprintf(err, errlen, "cannot find the game's data (assets/theme.json) next to the program, in %s from it, "
             "or in %s; reinstall, or set ENJEUX_DATA_DIR.", ENJEUX_REL_DATA_DIR, ENJEUX_SOURCE_DATA_DIR);
    return false;
}

bool paths_mkdirs(const char *dir) {
    int err;
    bool ok = fsutil_mkdirs(dir, &err);
    if (!ok) errno = err;
    return ok;
}

bool paths_find_user(char *out, size_t outlen, char *err, size_t errlen) {
    const char *env = getenv("ENJEUX_USER_DIR");
    if (env && *env) {
        if (!paths_mkdirs(env)) {
            snprintf(err, errlen, "ENJEUX_USER_DIR=%s cannot be created: %s.", env, strerror(errno));
            return false;
        }
        return set_dir(out, outlen, env);
    }
    char *pref = SDL_GetPrefPath("enjeux", "enjeux");
    if (!pref) {
        snprintf(err, errlen, "cannot create the folder for saves: %s; set ENJEUX_USER_DIR to a writable folder.",
                 SDL_GetError());
        return false;
    }
    bool ok = set_dir(out, outlen, pref);
    SDL_free(pref);
    return ok;
}

char *paths_canonical(const char *path) {
    return fsutil_canonical(path);
}
