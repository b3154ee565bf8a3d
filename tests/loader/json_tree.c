/* json_tree.c — see json_tree.h. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "loader/json_tree.h"

static bool give_file(const char *path, void (*fn)(const char *path, const char *data, size_t len, void *ctx),
                      void *ctx) {
    char *data;
    size_t len, size;
    int err;
    if (fsutil_read_file(path, (size_t)64 << 20, &data, &len, &size, &err) != FS_OK) {
        fprintf(stderr, "FAIL cannot read %s\n", path);
        return false;
    }
    fn(path, data, len, ctx);
    free(data);
    return true;
}

bool json_tree_walk(const char *dir, void (*fn)(const char *path, const char *data, size_t len, void *ctx),
                    void *ctx) {
    char **names;
    size_t n;
    int err;
    if (!fsutil_list_dir(dir, &names, &n, &err)) {
        fprintf(stderr, "FAIL cannot list %s\n", dir);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char *path = fsutil_join(dir, names[i]);
        if (!path) abort();
        size_t l = strlen(path);
        if (fsutil_is_dir(path))
            ok = json_tree_walk(path, fn, ctx) && ok;
        else if (l > 5 && strcmp(path + l - 5, ".json") == 0)
            ok = give_file(path, fn, ctx) && ok;
        free(path);
    }
    fsutil_free_names(names, n);
    return ok;
}
