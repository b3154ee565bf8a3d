/* library.h — checks across the scenarios of one library folder, which no
 * single scenario's loader can see: two scenarios with the same id (the
 * game, saves and records tell scenarios apart by id), and a scenario whose
 * id is not the name of its folder (`enjeux new` makes them equal; the
 * tutorial and the library's order rely on it). */
#ifndef ENJEUX_LIBRARY_H
#define ENJEUX_LIBRARY_H

#include <stddef.h>

#include "core/diag.h"
#include "core/scenario.h"

/* The ids seen so far in one folder. Zero-initialise; library_ids_free. */
typedef struct LibraryIds {
    char **ids;
    char **paths;
    size_t n, cap;
} LibraryIds;

/* Checks `sc` (loaded from `sc->path`, a `scenario.json` in its folder)
 * against the scenarios seen before it, adding to `dl` a duplicate-scenario-id
 * error naming the other file, or an id-not-folder warning, each at the
 * line and column of the scenario's "id"; then remembers it. Returns false
 * when memory ran out (nothing remembered). */
bool library_check(LibraryIds *ids, const Scenario *sc, DiagList *dl);

/* Frees what `ids` holds. Accepts NULL. */
void library_ids_free(LibraryIds *ids);

#endif
