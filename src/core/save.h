/* save.h — saved games: write, read, resume and replay.
 *
 * A save is a small, readable JSON file (docs/engine.md):
 *
 *   {
 *     "enjeux_save": 1,                        format version of the save
 *     "scenario": "triage-urgences",           scenario id
 *     "scenario_version": "1.2.0",
 *     "content_hash": "9f1c…",                 16 hex digits, hash_content()
 *     "seed": "42",                            decimal string (64 bits)
 *     "lang": "fr",
 *     "steps": [
 *       {"scene": "accueil", "choice": "deployer-vite", "outcome": "fuite"},
 *       {"scene": "semaine-2", "choice": "former"}
 *     ]
 *   }
 *
 * Steps name scenes, choices and chance outcomes by their stable ids, never
 * by position, so that a trainer can revise a scenario between workshops
 * without losing players' saves. Resuming replays the steps on the current
 * scenario from the seed: the generator then draws the same outcomes, and
 * any step that no longer holds is reported, never silently skipped. */
#ifndef ENJEUX_SAVE_H
#define ENJEUX_SAVE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/engine.h"

enum { SAVE_FORMAT_VERSION = 1 };
enum { SAVE_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct SaveStep {
    const char *scene;   /* the scene the decision was made in */
    const char *choice;  /* the choice made */
    const char *outcome; /* the chance outcome drawn, NULL when none */
} SaveStep;

/* A parsed save; every string lives in its arena. */
typedef struct Save {
    Arena arena;
    int format;
    const char *scenario_id;
    const char *scenario_version;
    char content_hash[17];
    uint64_t seed;
    Lang lang;
    SaveStep *steps;
    uint32_t n_steps;
} Save;

/* The save of a session's play so far, as JSON text (stable key order, no
 * timestamp: the same play gives the same bytes). Newly malloc'd, the caller
 * frees it; NULL when out of memory. */
char *save_to_json(const Session *s);

/* Writes the save of `s` to `path` atomically (fsutil_write_atomic): after a
 * crash at any moment the file holds the old save or the new one. Returns
 * false with a diagnostic in `dl` on failure. */
bool save_write(const Session *s, const char *path, DiagList *dl);

/* Parses a save from `text` (`len` bytes; `name` is used in diagnostics).
 * Returns the save, or NULL when the text is not a complete, valid save of
 * this format: every problem then goes to `dl` with file:line:col, and
 * nothing is half-loaded. Free with save_free(). */
Save *save_parse(const char *name, const char *text, size_t len, DiagList *dl);

/* Reads and parses the save file at `path`; same contract as save_parse. */
Save *save_load(const char *path, DiagList *dl);

/* Accepts NULL. */
void save_free(Save *sv);

typedef enum ResumeStatus {
    RESUME_SAME,      /* same scenario file: the play resumes exactly */
    RESUME_CHANGED,   /* the scenario was edited, but every saved step still
                         holds: the play resumes; say that it changed */
    RESUME_DIVERGED,  /* a saved step no longer holds: the session stops at
                         the last step that does (ResumeReport says which);
                         the caller resumes from there or restarts */
    RESUME_FOREIGN,   /* the save belongs to another scenario: no session */
    RESUME_NO_MEMORY  /* out of memory: no session */
} ResumeStatus;

/* Why a saved step no longer holds. */
typedef enum ResumeProblem {
    RESUME_OK,
    RESUME_SCENE_GONE,         /* the saved scene id no longer exists */
    RESUME_SCENE_NOT_REACHED,  /* it exists, but the replay reached another place */
    RESUME_CHOICE_GONE,        /* the saved choice id no longer exists in the scene */
    RESUME_CHOICE_UNAVAILABLE, /* it exists but its condition does not hold */
    RESUME_OUTCOME_CHANGED     /* the chance outcome drawn is not the saved one */
} ResumeProblem;

typedef struct ResumeReport {
    ResumeStatus status;
    ResumeProblem problem;
    uint32_t steps_saved;  /* steps in the save */
    uint32_t steps_kept;   /* steps replayed; also the index of the failing step */
    const char *scene;     /* failing step: the saved scene id (points into the Save) */
    const char *choice;    /* failing step: the saved choice id */
    const char *reached;   /* id of the scene or ending actually reached, when relevant
                              (points into the Scenario), else NULL */
    const char *saved_scenario; /* the save's scenario id (points into the Save) */
} ResumeReport;

/* Replays the save on `sc` (which may have been edited since) and returns a
 * new session (caller destroys it) positioned after the last step that
 * holds, in the save's language; `rep` says how it went. Returns NULL only
 * when the save is another scenario's (RESUME_FOREIGN) or out of memory
 * (RESUME_NO_MEMORY). `fw` may be NULL. */
Session *save_resume(const Save *sv, const Scenario *sc, const Framework *fw, ResumeReport *rep);

/* A one-sentence, localised explanation of `rep` for the player or trainer
 * ("La scène « x » n'existe plus : …"), written to `buf` (always
 * NUL-terminated, cut to `size`). Returns `buf`. */
char *save_describe_resume(const ResumeReport *rep, Lang lang, char *buf, size_t size);

#endif
