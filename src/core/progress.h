/* progress.h — a profile's progress across plays: per competency the best
 * and the latest result, the badges earned per course level with their
 * date, and the scenarios played. Kept in <profile>/progress.json
 * (docs/profiles.md, scenarios/schema/progress.schema.json).
 *
 * Built to outlive the game's versions: the file carries a format number,
 * later versions only add fields, and the document is kept as read, so
 * fields this version does not know are written back untouched. Values of
 * the wrong type are ignored (and replaced on the next update), never
 * trusted. A file that is not JSON is moved aside and the progress rebuilt
 * from the profile's results/ *.json. */
#ifndef ENJEUX_PROGRESS_H
#define ENJEUX_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/engine.h"
#include "core/scenario.h"

enum { PROGRESS_FORMAT = 1, PROGRESS_MAX_PLAY_COMPETENCIES = 64 };

/* The largest progress.json read (docs/limits.md); a larger one is treated
 * as damaged: moved aside and rebuilt from the results files. */
enum { PROGRESS_MAX_BYTES = 8 * 1024 * 1024 };

typedef struct Progress Progress;

typedef enum ProgressLoadStatus {
    PROGRESS_LOADED,
    PROGRESS_NEW,             /* no file yet: empty (or rebuilt from results when there are some) */
    PROGRESS_RECOVERED        /* damaged: moved aside and rebuilt from results (or empty) */
} ProgressLoadStatus;

typedef struct ProgressLoadReport {
    ProgressLoadStatus status;
    char backup[1100];        /* RECOVERED: where the damaged file went ("" when it could not be moved) */
    uint32_t line, col;       /* RECOVERED by a syntax error: where; 0 otherwise */
    int rebuilt;              /* result files the progress was rebuilt from */
    int left_out;             /* result files that could not be read or counted (damaged, too large) */
} ProgressLoadReport;

/* One competency's result in one play. */
typedef struct ProgressScore {
    const char *id;
    int32_t score;            /* 0..100, -1 when not assessed */
    Mastery mastery;
} ProgressScore;

/* One finished play, from a Session or from a result file. */
typedef struct ProgressPlay {
    const char *scenario;     /* id */
    const char *version;      /* may be NULL */
    uint8_t level;            /* 1..3, 0 when unknown */
    const char *date;         /* ISO 8601 UTC; "" when unknown */
    const char *play_id;      /* may be NULL */
    const char *ending;       /* may be NULL */
    ProgressScore scores[PROGRESS_MAX_PLAY_COMPETENCIES];
    uint16_t n_scores;
    uint8_t badges;           /* bit L-1 for course level L */
} ProgressPlay;

/* What the passport shows for one competency. Strings point into the
 * Progress and are valid until its next change. */
typedef struct ProgressResult {
    int32_t score;            /* -1: none */
    Mastery mastery;
    const char *scenario;     /* "" when unknown */
    const char *date;         /* "" when unknown */
} ProgressResult;

typedef struct ProgressCompetency {
    ProgressResult best, latest;
    uint32_t assessed;        /* plays that assessed it */
} ProgressCompetency;

/* An empty progress; NULL when memory runs out. */
Progress *progress_create(void);

/* Accepts NULL. */
void progress_free(Progress *p);

/* Reads `profile_dir`progress.json (`profile_dir` ends with '/'). A missing
 * file gives PROGRESS_NEW: empty, or rebuilt from the profile's result files
 * when there are some (and then saved). A damaged file is moved aside to
 * progress.json.damaged, rebuilt likewise, saved, and reported
 * (PROGRESS_RECOVERED). Returns NULL only when memory runs out. */
Progress *progress_load(const char *profile_dir, ProgressLoadReport *rep);

/* Parses a progress document from text; NULL when it is not a JSON object
 * (*line and *col, may be NULL, locate a syntax error). */
Progress *progress_parse(const char *text, size_t len, uint32_t *line, uint32_t *col);

/* Writes `profile_dir`progress.json atomically; false with *err (errno). */
bool progress_save(Progress *p, const char *profile_dir, int *err);

/* The document as indented JSON, malloc'd (caller frees with free()). */
char *progress_to_text(Progress *p);

/* Counts one finished play: best and latest per assessed competency (a
 * best is replaced only by a strictly higher score), badges (the first
 * date is kept), the scenario's play count and last date. A play whose
 * play_id was already counted is ignored. Returns false when memory runs
 * out (the progress is then unchanged or partly updated, still valid). */
bool progress_add_play(Progress *p, const ProgressPlay *play);

/* Fills `play` from a finished session (strings point into the session's
 * scenario and `date`, `play_id`). False when the session is not over. */
bool progress_play_from_session(ProgressPlay *play, const Session *s, const char *date, const char *play_id);

/* Counts the result file's play (results format 1 or 2, see docs/profiles.md);
 * false when it is not a readable result. */
bool progress_add_result_text(Progress *p, const char *text, size_t len);

/* Rebuilds from every results/ *.json of the profile (oldest first by their
 * "finished" date); returns how many files were counted, and sets
 * *left_out (when not NULL) to how many results files could not be read or
 * counted (damaged, too large, unreadable). */
int progress_rebuild(Progress *p, const char *profile_dir, int *left_out);

/* The record of competency `id`; false (and *out zeroed, scores -1) when
 * never assessed. */
bool progress_competency(const Progress *p, const char *id, ProgressCompetency *out);

/* The badge of course level `level` (1..3): true with its first date (""
 * when unknown) and how many plays earned it. */
bool progress_badge(const Progress *p, int level, const char **date, uint32_t *count);

/* How many finished plays of scenario `id` were counted. */
uint32_t progress_scenario_plays(const Progress *p, const char *id);

/* Total finished plays counted. */
uint32_t progress_total_plays(const Progress *p);

/* "acquired", "in_progress", "to_work_on", "not_assessed" and back;
 * unknown slugs give MASTERY_NOT_ASSESSED. */
const char *progress_mastery_slug(Mastery m);
Mastery progress_mastery_parse(const char *slug);

#endif
