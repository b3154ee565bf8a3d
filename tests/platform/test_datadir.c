/* test_datadir.c — the one search for the game's data folder (datadir.c):
 * ENJEUX_DATA_DIR wins and is the only place looked at when set, then the
 * layout relative to the program (the installed share/enjeux, which is how
 * an installed `enjeux report` finds scenario titles), then the source tree. */
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/fsutil.h"
#include "engine/check.h"

static void make_data(const char *dir) {
    int err;
    char *assets = fsutil_join(dir, "assets");
    char *theme = fsutil_join(dir, "assets/theme.json");
    CHECK(assets && theme && fsutil_mkdirs(assets, &err));
    CHECK(theme && fsutil_write_atomic(theme, "{}", 2, &err));
    free(assets);
    free(theme);
}

int main(void) {
    int err;
    char *exe = fsutil_exe_dir();
    CHECK(exe != NULL);
    if (!exe) return 1;
    char *root = fsutil_join(exe, "datadir-fixture");
    char *installed = fsutil_join(root, "share/enjeux");
    char *source = fsutil_join(root, "source");
    char *empty = fsutil_join(root, "empty");
    fsutil_remove_tree(root, &err);
    make_data(installed);
    make_data(source);
    CHECK(fsutil_mkdirs(empty, &err));

    char *out = NULL, *want = NULL;
    unsetenv("ENJEUX_DATA_DIR");
    /* Relative to the program first, with a trailing '/'. */
    CHECK_INT(datadir_find("datadir-fixture/share/enjeux", source, &out), DATADIR_OK);
    want = fsutil_join(exe, "datadir-fixture/share/enjeux/");
    CHECK_STR(out, want);
    free(out);
    free(want);
    /* No installed layout: the source tree. */
    CHECK_INT(datadir_find("datadir-fixture/nowhere", source, &out), DATADIR_OK);
    CHECK(out && strncmp(out, source, strlen(source)) == 0 && out[strlen(out) - 1] == '/');
    free(out);
    CHECK_INT(datadir_find("datadir-fixture/nowhere", empty, &out), DATADIR_NOT_FOUND);
    CHECK(out == NULL);
    /* ENJEUX_DATA_DIR: used when it holds the data, and then nothing else is tried. */
    setenv("ENJEUX_DATA_DIR", source, 1);
    CHECK_INT(datadir_find("datadir-fixture/share/enjeux", empty, &out), DATADIR_OK);
    CHECK(out && strncmp(out, source, strlen(source)) == 0);
    free(out);
    setenv("ENJEUX_DATA_DIR", empty, 1);
    CHECK_INT(datadir_find("datadir-fixture/share/enjeux", source, &out), DATADIR_ENV_BAD);
    CHECK(out == NULL);
    unsetenv("ENJEUX_DATA_DIR");

    fsutil_remove_tree(root, &err);
    free(root);
    free(installed);
    free(source);
    free(empty);
    free(exe);
    return check_failures ? 1 : 0;
}
