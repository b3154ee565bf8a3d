/* game.h — what the screens play: the scenario library (every folder of
 * scenarios/, loaded and validated, failures kept with their diagnostics),
 * the competency framework, the running session, and the result file written
 * at the end of a play.
 *
 * The front end only reads the core's structures and sends commands
 * (session_create, session_choose…); it never edits them. */
#ifndef ENJEUX_UI_GAME_H
#define ENJEUX_UI_GAME_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/engine.h"
#include "core/framework.h"
#include "core/scenario.h"

typedef struct LibEntry {
    char *dir;                /* the scenario's folder */
    char *path;               /* its scenario.json */
    Scenario *sc;             /* NULL when it failed to load */
    Framework *fw;            /* its competency framework (owned), may be NULL */
    DiagList diags;           /* what the loader said */
} LibEntry;

typedef struct Game {
    LibEntry *lib;
    int n_lib;
    int current;              /* library index being played, -1 */
    Session *session;
    const StepResult *step;   /* the last decision's result */
    uint64_t seed;
    char result_path[1024];   /* written at the ending */
} Game;

/* Loads every scenario folder of `scenarios_dir` (sorted by folder name).
 * Scenarios that fail keep their entry with diagnostics. Returns false only
 * when out of memory. */
bool game_scan_library(Game *g, const char *scenarios_dir, Lang lang);

/* Adds (or finds) the scenario at `path` (a scenario.json or its folder);
 * returns its library index, -1 when out of memory. */
int game_add_scenario(Game *g, const char *path, Lang lang);

/* Frees the library and the session. Accepts a zeroed Game. */
void game_free(Game *g);

/* Starts a new play of library entry `index`; false when it has no loaded
 * scenario or memory runs out. */
bool game_start(Game *g, int index, uint64_t seed, Lang lang);

/* Ends the current play (the session is destroyed). */
void game_stop(Game *g);

const Scenario *game_scenario(const Game *g);
const Framework *game_framework(const Game *g);

/* Applies choice `index` of the current scene; NULL when refused. */
const StepResult *game_choose(Game *g, uint16_t index);

/* Writes the result of the finished play to
 * `pdir`results/<scenario>.json (`pdir`: the profile folder,
 * app_profile_dir()) atomically: ending, meters, choices,
 * competency scores, badges. Returns false with a message in `err`. */
bool game_write_result(Game *g, const char *pdir, char *err, size_t errlen);

/* Saves the current play to `pdir`saves/current.json (atomically,
 * through the core's save module); a finished play removes the save.
 * Returns false with a message in `err`. */
bool game_save(Game *g, const char *pdir, char *err, size_t errlen);

/* The library index of the scenario the save in `pdir` belongs to, -1
 * when there is no usable save. */
int game_saved_scenario(const Game *g, const char *pdir);

/* Resumes the saved play; false when there is none or it cannot be read
 * (`msg` then says why, or is empty). When the scenario changed since the
 * save, the play resumes as far as it still holds and `msg` explains it. */
bool game_resume(Game *g, const char *pdir, Lang lang, char *msg, size_t msglen);

/* The image path `rel` of the current scenario joined to its folder into
 * `out`; false when `rel` is NULL. */
bool game_asset_path(const Game *g, const char *rel, char *out, size_t outlen);

/* The competency's name in `lang` (its id when the framework lacks it). */
const char *game_competency_name(const Game *g, uint16_t competency, Lang lang);

#endif
