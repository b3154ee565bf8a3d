/* results.h — the result files of a finished play (docs/results.md):
 *
 *   results/<play-id>.json       format 2, complete (scenarios/schema/results.schema.json)
 *   results/<play-id>.csv        one header row and one row: one column per
 *                                meter and per competency, for spreadsheets
 *   results/<play-id>.xapi.json  xAPI 1.0.3 statements (an array), in the
 *                                vocabulary of the xAPI Serious Games profile
 *
 * Built from a Session that reached an ending and a PlayMeta the caller
 * keeps (who played, when, how long each decision took): the session knows
 * the play, not the clock. Pure functions of their inputs: the same play and
 * metadata give the same bytes. */
#ifndef ENJEUX_RESULTS_H
#define ENJEUX_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/engine.h"
#include "core/framework.h"

enum { RESULTS_FORMAT_VERSION = 2 };

/* The largest results file its readers (the report, the progress rebuild)
 * accept, in bytes (docs/limits.md): 16 MiB, room for a play of thousands
 * of decisions, each with its meters and evidence. */
enum { RESULTS_MAX_BYTES = 16 * 1024 * 1024 };

/* The namespace of Enjeux's own xAPI IRIs (activities, extensions). The
 * project has no domain yet: the reserved top-level domain .invalid (RFC
 * 2606) can never clash with anyone else's IRIs. docs/results.md lists
 * every IRI under it. */
#define RESULTS_XAPI_NS "https://enjeux.invalid/xapi/"

/* What the session does not know about a play. Times are Unix times in
 * milliseconds, UTC. */
typedef struct PlayMeta {
    char play_id[33];          /* 32 lowercase hex digits (a UUID v4 without dashes) */
    const char *pseudonym;     /* the profile's pseudonym; never a real identity by design */
    const char *workshop;      /* workshop code, NULL when none */
    int64_t started_ms, finished_ms;
    const uint32_t *time_ms;   /* per decision, oldest first: time taken to decide */
    const int64_t *at_ms;      /* per decision: when it was made */
    uint32_t n_decisions;      /* entries in time_ms and at_ms (missing ones count as 0) */
    const char *home_page;     /* xAPI actor account homePage; NULL: RESULTS_XAPI_NS "players" */
} PlayMeta;

/* The results file (format 2) as JSON text. NULL when the session is not
 * over or memory runs out. Newly malloc'd: the caller frees it. `fw` may be
 * NULL (no levels, names or alignments then). */
char *results_to_json(const Session *s, const Framework *fw, const PlayMeta *m);

/* The CSV (RFC 4180, comma-separated, CRLF line ends, UTF-8): a header row
 * and the play's row. Same contract as results_to_json. */
char *results_to_csv(const Session *s, const Framework *fw, const PlayMeta *m);

/* The CSV of any number of plays, one row each, from their results files
 * (format 2) parsed by cJSON: the columns of results_to_csv, with one
 * column per meter and per competency met in any of the plays (empty where
 * a play has none). Newly malloc'd; NULL when memory runs out. */
struct cJSON;
char *results_csv_from_json(struct cJSON *const *plays, size_t n);

/* The xAPI statements of the play, as a JSON array: `initialized`, then
 * `selected` and `progressed` per decision, then `completed`. Same contract
 * as results_to_json. */
char *results_to_xapi(const Session *s, const Framework *fw, const PlayMeta *m);

/* Writes the three files into the existing folder `dir` (with or without a
 * trailing '/'), each atomically (fsutil_write_atomic), as
 * <play-id>.json, .csv and .xapi.json. Returns false with a message naming
 * the file in `err` on the first failure, and the errno value in *io_err
 * (when not NULL; 0 when the failure was not the system's: memory, path
 * length). When `json_path` is not NULL it receives the JSON file's path. */
bool results_write(const char *dir, const Session *s, const Framework *fw, const PlayMeta *m, char *json_path,
                   size_t json_path_len, char *err, size_t errlen, int *io_err);

/* `ms` (Unix milliseconds) as ISO 8601 UTC, "2026-11-22T02:20:00.123Z". */
void results_iso8601(int64_t ms, char out[32]);

/* Parses what results_iso8601 writes (the milliseconds are optional);
 * false when `s` is not in that form. */
bool results_parse_iso8601(const char *s, int64_t *ms);

/* The n-th statement id of play `play_id`: a UUID (version 4 layout) made
 * by hashing the play id and n, so that writing the statements twice gives
 * the same ids and an LRS ignores the duplicates. */
void results_statement_uuid(const char *play_id, uint32_t n, char out[37]);

/* `play_id` (32 hex digits) as a UUID with dashes. */
void results_play_uuid(const char *play_id, char out[37]);

/* The slug of a mastery level: "not_assessed", "to_work_on", "in_progress",
 * "acquired". */
const char *results_mastery_slug(Mastery m);

/* "positive", "mixed", "negative". */
const char *results_tone_slug(EndingTone t);

/* json_text_print(`root`, `pretty`), then `root` deleted in any case: the
 * printer of the results, record and badge writers, which build a document
 * only to write it. */
char *results_print_json(struct cJSON *root, bool pretty);

/* Adds the members a record's header and a results file share to object
 * `o`: play_id, pseudonym, workshop (null when none) and scenario {id,
 * version, content_hash, level}. Returns the scenario object (NULL on OOM:
 * cJSON's printers then fail too). */
struct cJSON *results_add_play(struct cJSON *o, const Session *s, const PlayMeta *m);

#endif
