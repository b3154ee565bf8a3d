/* record.h — play records: the crash-safe journal of a play (docs/results.md).
 *
 * A record is a JSON Lines file, records/<play-id>.jsonl in the profile's
 * folder, appended one line at a time and synced to disk after each line
 * (fsutil_append_line): a crash, a closed laptop or a power cut loses at
 * most the line being written. Lines, each one JSON object:
 *
 *   {"type":"play", "format":1, "play_id", "pseudonym", "workshop", "scenario":{…},
 *    "lang", "seed", "started"}                         first line, the header
 *   {"type":"decision", "n":1, "scene", "choice", "outcome"?, "time_ms", "at",
 *    "meters_before":{…}, "meters_after":{…}, "evidence":[…], "events":[…]}
 *   {"type":"end", "ending", "tone", "finished"}         the play reached an ending
 *   {"type":"abandoned", "at"}                           another play was started instead
 *
 * A record is a replay: the seed and the choices rebuild the session
 * (record_resume). A decision line numbered n replaces any earlier lines
 * numbered n or more (a play resumed after a torn line goes on from there).
 * A line that is not valid JSON (a torn write) is skipped and counted, never
 * removed: the file is never rewritten. */
#ifndef ENJEUX_RECORD_H
#define ENJEUX_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/engine.h"
#include "core/results.h"
#include "core/save.h"

enum { RECORD_FORMAT_VERSION = 1 };
enum { RECORD_MAX_BYTES = 16 * 1024 * 1024 };

typedef struct RecordDecision {
    const char *scene, *choice;
    const char *outcome;      /* NULL when none */
    uint32_t time_ms;
    int64_t at_ms;
} RecordDecision;

/* A parsed record; strings live in its arena. */
typedef struct Record {
    Arena arena;
    char play_id[33];
    const char *pseudonym;
    const char *workshop;     /* NULL when none */
    const char *scenario_id, *scenario_version;
    char content_hash[17];
    Lang lang;
    uint64_t seed;
    int64_t started_ms;
    RecordDecision *decisions;
    uint32_t n_decisions;
    bool finished;            /* an "end" line was read */
    bool abandoned;           /* an "abandoned" line was read */
    const char *ending;       /* when finished */
    int64_t finished_ms;
    uint32_t damaged;         /* lines skipped because they are not valid JSON */
    uint32_t damaged_line;    /* the 1-based number of the last such line, 0 when none */
    bool torn_tail;           /* the file's last line is damaged (an interrupted write) */
} Record;

/* The lines of a record, each newly malloc'd with its final '\n' (the
 * caller frees it); NULL when out of memory. */
char *record_header_line(const Session *s, const PlayMeta *m);
/* Decision `i` (0-based) of the session's history. */
char *record_decision_line(const Session *s, uint32_t i, uint32_t time_ms, int64_t at_ms);
/* The session must be over. */
char *record_end_line(const Session *s, int64_t finished_ms);
char *record_abandoned_line(int64_t at_ms);

/* Appends `line` to the record file at `path` and syncs it; false with a
 * message naming the file in `err`. */
bool record_append(const char *path, const char *line, char *err, size_t errlen);

/* Parses a record. Returns NULL with a message in `err` when the header
 * line is missing or unusable (nothing can be replayed then); damaged later
 * lines are skipped and counted in `damaged`. Free with record_free(). */
Record *record_parse(const char *name, const char *text, size_t len, char *err, size_t errlen);

/* Reads and parses the record file at `path`; same contract. */
Record *record_load(const char *path, char *err, size_t errlen);

/* Accepts NULL. */
void record_free(Record *r);

/* Replays the record's decisions on `sc` from its seed: as save_resume()
 * (same report, same statuses). */
Session *record_resume(const Record *r, const Scenario *sc, const Framework *fw, ResumeReport *rep);

#endif
