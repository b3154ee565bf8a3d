/* fixture.h — loading the engine test fixtures (tests/fixtures/engine/),
 * run from the source folder (CTest's working directory), and the
 * temporary folder a test writes its files in. */
#ifndef ENJEUX_TESTS_FIXTURE_H
#define ENJEUX_TESTS_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/framework.h"
#include "core/fsutil.h"
#include "core/scenario.h"

#define FIXTURE_DIR "tests/fixtures/engine/"

/* Makes a new folder $TMPDIR/PREFIX-XXXXXX (/tmp without TMPDIR) and puts
 * its path, ending in '/', in `dir` (`size` bytes). False when it cannot. */
static inline bool fixture_tmpdir(char *dir, size_t size, const char *prefix) {
    const char *tmp = getenv("TMPDIR");
    int n = snprintf(dir, size, "%s/%s-XXXXXX", tmp ? tmp : "/tmp", prefix);
    if (n < 0 || (size_t)n + 2 > size || !mkdtemp(dir)) return false;
    strcat(dir, "/");
    return true;
}

/* Removes the folder made by fixture_tmpdir and all it holds. */
static inline void fixture_tmpdir_remove(char *dir) {
    int e;
    dir[strlen(dir) - 1] = '\0';
    fsutil_remove_tree(dir, &e);
}

/* Writes `text` to the file DIR/REL (`dir` ends in '/'), making the
 * folders on the way; a failure shows in the checks that read it. */
static inline void fixture_write_text(const char *dir, const char *rel, const char *text) {
    char path[1024];
    snprintf(path, sizeof path, "%s%s", dir, rel);
    char *parent = fsutil_dirname(path);
    int e;
    fsutil_mkdirs(parent, &e);
    free(parent);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static inline char *fixture_read(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

static inline void fixture_print_diags(const DiagList *dl) {
    char *t = diag_list_format_text(dl);
    if (t) fputs(t, stderr);
    free(t);
}

static inline Framework *fixture_framework(void) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Framework *fw = framework_load(FIXTURE_DIR "competencies.json", &dl);
    if (!fw) fixture_print_diags(&dl);
    diag_list_free(&dl);
    return fw;
}

/* Loads a scenario from `text` as if it were the file at `path`. */
static inline Scenario *fixture_scenario_text(const char *path, const char *text, size_t len, const Framework *fw) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Scenario *sc = scenario_load_buffer(path, text, len, fw, &dl);
    if (!sc) fixture_print_diags(&dl);
    diag_list_free(&dl);
    return sc;
}

static inline Scenario *fixture_scenario(const char *path, const Framework *fw) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Scenario *sc = scenario_load(path, fw, &dl);
    if (!sc) fixture_print_diags(&dl);
    diag_list_free(&dl);
    return sc;
}

/* Index of the meter / flag / scene with this id (the tests' fixtures are
 * small: a linear search keeps this independent of the loader's tables). */
static inline uint16_t fx_meter(const Scenario *sc, const char *id) {
    for (uint16_t i = 0; i < sc->n_meters; i++)
        if (strcmp(sc->meters[i].id, id) == 0) return i;
    fprintf(stderr, "fixture: no meter %s\n", id);
    abort();
}

static inline uint16_t fx_flag(const Scenario *sc, const char *id) {
    for (uint16_t i = 0; i < sc->n_flags; i++)
        if (strcmp(sc->flags[i].id, id) == 0) return i;
    fprintf(stderr, "fixture: no flag %s\n", id);
    abort();
}

static inline const char *fx_scene_id(const Session *s) {
    const Scene *sc = session_scene(s);
    const Ending *e = session_ending(s);
    return sc ? sc->id : e ? e->id : "";
}

static inline int32_t fx_comp(const Scenario *sc, const char *id) {
    for (uint16_t i = 0; i < sc->n_competencies; i++)
        if (strcmp(sc->competencies[i], id) == 0) return i;
    return -1;
}

/* A session seed whose first chance draw is below (want_low) or at/above
 * `threshold` parts per million. */
static inline uint64_t fx_seed_for_draw(const Scenario *sc, const char *choice_id, bool want_low, uint32_t threshold) {
    for (uint64_t seed = 1; seed < 10000; seed++) {
        Session *s = session_create(sc, NULL, seed, LANG_FR);
        const StepResult *st = session_choose_id(s, choice_id);
        bool ok = st && st->outcome >= 0;
        bool low = ok && st->draw < threshold;
        session_destroy(s);
        if (ok && low == want_low) return seed;
    }
    abort();
}

#endif
