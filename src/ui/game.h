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
#include "core/export.h"
#include "core/framework.h"
#include "core/results.h"
#include "core/scenario.h"
#include "core/workshop.h"

enum { GAME_DISK_MAX = 8 };

typedef struct LibEntry {
    char *dir;                /* the scenario's folder */
    char *path;               /* its scenario.json */
    Scenario *sc;             /* NULL when it failed to load */
    Framework *fw;            /* its competency framework (owned), may be NULL */
    DiagList diags;           /* what the loader said */
} LibEntry;

/* What the play's record and results need beyond the session. */
typedef struct PlayLog {
    char play_id[33];         /* random, 32 hex digits */
    int64_t started_ms, finished_ms; /* Unix ms; finished 0 while playing */
    uint32_t *time_ms;        /* per decision: time taken */
    int64_t *at_ms;           /* per decision: when */
    uint32_t n, cap;
    uint64_t shown_ticks;     /* SDL ticks when the current scene was shown */
    char record_path[1500];   /* records/<play-id>.jsonl, empty when not recording */
} PlayLog;

typedef struct Game {
    LibEntry *lib;
    int n_lib;
    int current;              /* library index being played, -1 */
    Session *session;
    const StepResult *step;   /* the last decision's result */
    uint64_t seed;
    char result_path[2048];   /* results/<play-id>.json, written at the ending */
    /* Where this player's data goes: the active profile's folder (trailing
     * '/'), set by game_set_profile(). */
    char profile_dir[1024];
    /* The user folder U that holds every profile: no write or removal of
     * player data may go through a symbolic link below it. */
    char user_dir[1024];
    char pseudonym[128];
    char workshop[64];        /* workshop code, empty when none */
    char home_page[WORKSHOP_TEXT_MAX]; /* xAPI account homePage (workshop file), empty: default */
    bool recording;           /* write records and results (not in screenshot tours) */
    bool trace;               /* say on stderr when each record line is synced (tests) */
    char resume_path[1500];   /* the unfinished record "Continue" resumes */
    char export_dir[1024];    /* results are also copied here when set (--export-dir) */
    bool export_keep;         /* the export folder was chosen in the settings: never created when
                               * missing (a USB stick removed), game_export_ready() says so */
    char export_msg[1400];    /* what the last export did, for the debrief; empty when none */
    /* What the last failed write of player data did not save and what to
     * do (full disk, read-only folder), for every screen; "" when none.
     * Set by game_disk_trouble(), shown by the app until a screen change
     * after it was seen. */
    char disk_notice[3000];
    bool disk_notice_seen;
    /* The failures behind disk_notice, kept so that it can be written again
     * in another language (game_relang). */
    struct GameDiskTrouble {
        const char *what;     /* a "disk.what.*" key */
        char path[1100];
        int err;
    } disk[GAME_DISK_MAX];
    int n_disk;
    Workshop workshop_file;   /* the workshop file's settings (issuer of badges…) */
    char fonts_dir[2300];     /* assets/fonts/ (trailing '/'): badges are drawn with it */
    PlayLog log;
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

/* Applies choice `index` of the current scene, appends the decision to the
 * play record (synced to disk before returning) and, at an ending,
 * finishes the play (game_finish); NULL when refused. */
const StepResult *game_choose(Game *g, uint16_t index);

/* Sets the folder (trailing '/') that holds this player's records/,
 * results/, badges/ and saves/, and the pseudonym written in them. */
void game_set_profile(Game *g, const char *dir, const char *pseudonym);

/* Unix time in milliseconds. */
int64_t game_wall_ms(void);

/* The current play's metadata for the core's results and records (points
 * into `g`: valid until the next change of play). */
void game_play_meta(const Game *g, PlayMeta *m);

/* Marks the moment the current scene is shown: a decision's time taken
 * counts from here. */
void game_scene_shown(Game *g);

/* At the ending (called by game_choose and game_resume): appends the
 * record's "end" line and writes the results. Once per play; nothing when
 * not recording. */
void game_finish(Game *g);

/* True when the export folder is there to be written (created first unless
 * it was chosen in the settings: export_keep). */
bool game_export_ready(const Game *g);

/* Copies into the export folder the files of the profile's results/ and
 * badges/ folders it lacks (plays finished before the folder was set).
 * Returns how many were copied, -1 with a message in `err` on failure. */
int game_export_pending(Game *g, char *err, size_t errlen);

/* What game_export_all did. */
typedef struct GameExport {
    ExportDirStatus dir;      /* the export folder's state: not EXPORT_DIR_OK, nothing was written */
    int dir_errnum;           /* its errno value when EXPORT_DIR_NOT_WRITABLE */
    bool ok;                  /* every file was written */
    ExportSummary sum;        /* what was (on failure: until the failure), sum.errnum the cause */
    char dest[1100];          /* the folder written to */
    char err[1600];           /* on failure, in English (logs) */
} GameExport;

/* "Export all": every finished play of the profile (its results/ folder)
 * written by export_all (core/export.h) into the export folder, or, when
 * none is set, into the profile's export/ folder (created); the combined
 * files are named `name`.csv and `name`.xapi.json. See `out`. */
void game_export_all(Game *g, const char *name, GameExport *out);

/* Writes the results of the finished play (results/<play-id>.json, .csv,
 * .xapi.json, through the core's results module) into the profile folder.
 * Returns false with a message in `err`. */
bool game_write_result(Game *g, char *err, size_t errlen);

/* Records a failed write of player data for the player: `what` (a key of
 * the "disk.what." family, e.g. "disk.what.save": "your game in progress")
 * was not saved at `path` because of `err` (an errno value); fills
 * g->disk_notice with what happened and what to do (full disk, read-only
 * folder, other) in the interface's language, and logs it. */
void game_disk_trouble(Game *g, const char *what, const char *path, int err);

/* Forgets the failures shown (g->disk_notice becomes ""). */
void game_disk_clear(Game *g);

/* After a change of interface language: writes again in `lang` what was
 * formatted in the previous one (the library's diagnostics, by loading
 * the scenarios that have any again, and g->disk_notice). A scenario in
 * play is never reloaded: only its diagnostics are replaced. */
void game_relang(Game *g, Lang lang);

/* True when `path` (under g->user_dir) can be written or removed: no
 * symbolic link below the user folder leads it elsewhere. Otherwise tells
 * the player (game_disk_trouble, `what` a "disk.what." key, not saved)
 * and returns false. */
bool game_path_safe(Game *g, const char *path, const char *what);

/* Saves the current play to saves/current.json of the profile folder
 * (atomically, through the core's save module); a finished play removes the
 * save. Returns false with a message in `err`. */
bool game_save(Game *g, char *err, size_t errlen);

/* The library index of the play "Continue" would resume: the newest
 * unfinished play record of the profile, else the save; -1 when none. */
int game_saved_scenario(Game *g);

/* Resumes that play (replaying its record, or its save); false when there
 * is none or it cannot be read (`msg` then says why, or is empty). When the
 * scenario changed, the play resumes as far as it still holds; when the
 * record's last line was torn by a crash it is ignored; `msg` says so. */
bool game_resume(Game *g, Lang lang, char *msg, size_t msglen);

/* The image path `rel` of the current scenario joined to its folder into
 * `out`; false when `rel` is NULL. */
bool game_asset_path(const Game *g, const char *rel, char *out, size_t outlen);

/* The competency's name in `lang` (its id when the framework lacks it). */
const char *game_competency_name(const Game *g, uint16_t competency, Lang lang);

#endif
