/* library.c — checks across the scenarios of one library folder; see
 * library.h. */
#include "core/library.h"

#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/json_text.h"

static char *dup_str(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

/* Line and column of the value of the top-level "id" of the file at
 * `path`; 1:1 when it cannot be read again. */
static void id_position(const char *path, uint32_t *line, uint32_t *col) {
    *line = 1;
    *col = 1;
    char *data = NULL;
    size_t len = 0, size = 0, off = 0;
    int err = 0;
    if (fsutil_read_file(path, LIMIT_FILE_BYTES, &data, &len, &size, &err) != FS_OK) return;
    if (json_text_locate(data, len, "/id", false, 0, &off)) {
        JsonText t;
        json_text_init(&t, data, len);
        json_text_linecol(&t, off, line, col);
        json_text_free(&t);
    }
    free(data);
}

/* The name of the folder holding `path`, in `out`; false when `path` is
 * not a scenario.json inside a named folder. */
static bool folder_name(const char *path, char *out, size_t outlen) {
    const char *slash = strrchr(path, '/');
    if (!slash || strcmp(slash + 1, "scenario.json") != 0) return false;
    const char *start = slash;
    while (start > path && start[-1] != '/') start--;
    size_t n = (size_t)(slash - start);
    if (n == 0 || n >= outlen || (n == 1 && start[0] == '.') || (n == 2 && memcmp(start, "..", 2) == 0))
        return false;
    memcpy(out, start, n);
    out[n] = '\0';
    return true;
}

bool library_check(LibraryIds *ids, const Scenario *sc, DiagList *dl) {
    if (!sc || !sc->id || !sc->path) return true;
    uint32_t line = 0, col = 0;
    for (size_t i = 0; i < ids->n; i++) {
        if (strcmp(ids->ids[i], sc->id) != 0) continue;
        id_position(sc->path, &line, &col);
        const char *args[4] = {sc->id, ids->paths[i], NULL, NULL};
        diag_add(dl, DIAG_DUPLICATE_SCENARIO_ID, sc->path, line, col, "/id", args);
        break;
    }
    char folder[256];
    if (folder_name(sc->path, folder, sizeof folder) && strcmp(folder, sc->id) != 0) {
        if (!line) id_position(sc->path, &line, &col);
        const char *args[4] = {sc->id, folder, NULL, NULL};
        diag_add(dl, DIAG_ID_NOT_FOLDER, sc->path, line, col, "/id", args);
    }
    if (ids->n == ids->cap) {
        size_t cap = ids->cap ? ids->cap * 2 : 16;
        char **a = realloc(ids->ids, cap * sizeof *a);
        if (!a) return false;
        ids->ids = a;
        char **b = realloc(ids->paths, cap * sizeof *b);
        if (!b) return false;
        ids->paths = b;
        ids->cap = cap;
    }
    char *id = dup_str(sc->id), *path = dup_str(sc->path);
    if (!id || !path) {
        free(id);
        free(path);
        return false;
    }
    ids->ids[ids->n] = id;
    ids->paths[ids->n] = path;
    ids->n++;
    return true;
}

void library_ids_free(LibraryIds *ids) {
    if (!ids) return;
    for (size_t i = 0; i < ids->n; i++) {
        free(ids->ids[i]);
        free(ids->paths[i]);
    }
    free(ids->ids);
    free(ids->paths);
    memset(ids, 0, sizeof *ids);
}
