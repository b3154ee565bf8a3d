/* report.h — the class report: many players' results files (format 2,
 * docs/results.md) merged into one picture of a workshop.
 *
 * A Report is filled one results file at a time (report_add_file), from any
 * number of computers: a play seen twice (same play_id) counts once, a file
 * that is not a results file is skipped, a broken one is reported with its
 * file:line:column and the rest goes on. report_finish() then attaches each
 * scenario's texts (choices, feedback, endings, competency names) from the
 * scenarios folder and computes medians and what to work on next. The
 * tables below are read-only for the writers: report_html(), report_csv()
 * and report_json() (the data of the window's debrief mode, docs/report.md).
 *
 * Everything lives in the report's arena; report_destroy() frees it all. No
 * floating point is stored: shares are computed by the writers from counts. */
#ifndef ENJEUX_REPORT_H
#define ENJEUX_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/lang.h"
#include "core/results.h"

enum {
    REPORT_RESULTS_FORMAT = 2,          /* the results format read */
    REPORT_FILE_LIMIT = RESULTS_MAX_BYTES, /* bytes of one results file (results.h) */
    REPORT_FOCUS_MAX = 3,               /* competencies proposed to work on next */
};

/* Mastery as written in results files ("not_assessed", "to_work_on",
 * "in_progress", "acquired"). */
typedef enum ReportMastery {
    RM_NOT_ASSESSED, RM_TO_WORK_ON, RM_IN_PROGRESS, RM_ACQUIRED, RM_COUNT
} ReportMastery;

/* Where a scenario's texts come from. */
typedef enum ReportSource {
    RS_TEXTS,     /* the scenario file was found and every play has its content hash */
    RS_MISSING,   /* no scenario with this id in the scenarios folder: ids only */
    RS_CHANGED,   /* found, but some plays were made on another version: ids only */
} ReportSource;

typedef struct ReportChoice {
    const char *id;
    LocStr text;              /* empty when the source is not RS_TEXTS */
    LocStr feedback, principle;
    uint32_t count;           /* plays that took it */
} ReportChoice;

typedef struct ReportDecision {
    const char *scene;        /* scene id */
    LocStr title, text, debrief;
    uint32_t reached;         /* decisions made in this scene (a play may revisit it) */
    uint32_t median_ms;       /* median time taken */
    uint64_t step_sum;        /* sum of the positions in the plays, to order decisions */
    ReportChoice *choices;    /* the scenario's order, then ids only seen in files */
    uint16_t n_choices, cap_choices;
    void *choice_index;       /* private: choice id → index, while aggregating */
    uint32_t *times;          /* malloc'd while aggregating; freed by report_finish */
    uint32_t n_times, cap_times;
} ReportDecision;

typedef struct ReportEnding {
    const char *id;
    const char *tone;         /* "positive", "mixed", "negative" as in the files */
    LocStr title;
    uint32_t count;
} ReportEnding;

/* One competency over a set of plays. */
typedef struct ReportCompetency {
    const char *id;
    LocStr name;              /* from the framework; empty: show the id */
    bool targeted;            /* targeted by (one of) the scenario(s) */
    uint32_t assessed;        /* plays with a score */
    uint32_t hist[101];       /* plays per score 0..100 (zero in a report read from data) */
    uint32_t bands[10];       /* plays per band of 10 points: [0] 0–9 … [9] 90–100 */
    uint32_t mastery[RM_COUNT];
    int32_t median;           /* median score of the assessed plays, -1 when none */
} ReportCompetency;

typedef struct ReportScenario {
    const char *id;
    const char *version;      /* of the first play read */
    const char *content_hash; /* of the first play read */
    int level;                /* 1..3, 0 when unknown */
    LocStr title;             /* empty when not found */
    ReportSource source;
    uint32_t plays;
    uint32_t other_hash;      /* plays whose content hash differs from the scenario file's
                               * (all plays when the file is missing) */
    const char **hashes;      /* the content hashes seen, with their play counts */
    uint32_t *hash_plays;     uint16_t n_hashes, cap_hashes;
    ReportDecision *decisions; uint32_t n_decisions, cap_decisions;
    ReportEnding *endings;    uint16_t n_endings, cap_endings;
    ReportCompetency *comps;  uint16_t n_comps, cap_comps;
    uint32_t median_ms;       /* median time over every decision */
    uint32_t *times;          /* while aggregating */
    uint32_t n_times, cap_times;
    void *index;              /* private: scene id → decision */
} ReportScenario;

/* What report_add_file did with a file. */
typedef enum ReportAdd {
    REPORT_ADDED,      /* a new play */
    REPORT_DUPLICATE,  /* a play already read (same play_id): ignored */
    REPORT_SKIPPED,    /* JSON but not a results file (no "play_id"): ignored */
    REPORT_BAD,        /* unreadable or broken: reported in `diags` */
    REPORT_OOM,
} ReportAdd;

typedef struct Report {
    Arena arena;
    Lang lang;
    DiagList diags;           /* problems found in the files, in `lang` */
    uint32_t files, plays, duplicates, skipped, bad;
    ReportScenario *scenarios; uint16_t n_scenarios, cap_scenarios;
    /* All plays, every scenario together, by competency id. */
    ReportCompetency *comps;  uint16_t n_comps, cap_comps;
    /* The competencies to work on next, indices into `comps`, worst first. */
    uint16_t focus[REPORT_FOCUS_MAX];
    uint16_t n_focus;
    const char **workshops;   uint16_t n_workshops, cap_workshops; /* codes seen */
    char first_started[32], last_finished[32]; /* ISO 8601, "" when none */
    void *plays_seen;         /* private: the play ids read */
    bool finished;
} Report;

/* A new, empty report whose messages and texts will be in `lang`; NULL when
 * out of memory. Free with report_destroy(). */
Report *report_create(Lang lang);

/* Frees the report and everything it owns. Accepts NULL. */
void report_destroy(Report *r);

/* Reads one results file and adds its play. Problems go to r->diags with
 * file:line:column; a broken file adds nothing. Must not be called after
 * report_finish(). */
ReportAdd report_add_file(Report *r, const char *path);

/* Same from a buffer (`path` names it in diagnostics). */
ReportAdd report_add_buffer(Report *r, const char *path, const char *data, size_t len);

/* Completes the report: for each scenario, looks for its file under
 * `scenarios_dir` (DIR/<id>/scenario.json, else every DIR/<folder>/
 * scenario.json; NULL: none), takes its texts when every play has the file's
 * content hash, orders its decisions as met in the plays, computes the
 * medians and the competencies to work on next. Returns false only when
 * out of memory. Call once. */
bool report_finish(Report *r, const char *scenarios_dir);

/* Reads report-data.json (as written by report_json) back into a report,
 * for the window's debrief mode: scenarios, decisions, choices, endings,
 * competencies (bands and mastery; `hist` stays zero), workshop codes and focus. Problems
 * go to `dl` with file:line:column. Returns NULL when the file cannot be
 * read or is not report data; free with report_destroy(). */
Report *report_data_load(const char *path, Lang lang, DiagList *dl);

/* Same from a buffer of `len` bytes (`path` names it in diagnostics). */
Report *report_data_parse(const char *path, const char *data, size_t len, Lang lang, DiagList *dl);

/* The share count/total as a whole percentage, rounded half up; 0 when
 * total is 0. */
uint32_t report_percent(uint32_t count, uint32_t total);

/* A duration in milliseconds as "42 s" / "1 min 05 s" (U+00A0 before the
 * units), into `out`; returns `out`. */
char *report_format_duration(char *out, size_t outlen, uint32_t ms, Lang lang);

/* The parser of mastery slugs ("-" and "_" alike); RM_NOT_ASSESSED for
 * anything else. */
ReportMastery report_mastery_parse(const char *slug);
const char *report_mastery_slug(ReportMastery m);

/* The whole class report as one self-contained HTML page (no network, no
 * script, inline SVG charts, print and projector CSS), in r->lang, every
 * text from files escaped. Malloc'd, caller frees; NULL on OOM. `inputs`
 * names what was read (for the page's header; may be NULL). */
char *report_html(const Report *r, const char *inputs);

/* The report as CSV (RFC 4180, UTF-8, comma-separated, one header row):
 * one row per scenario × item (plays, choice share, ending, competency,
 * median time). Malloc'd, caller frees; NULL on OOM. */
char *report_csv(const Report *r);

/* The data of the debrief mode (report-data.json, docs/report.md): every
 * scenario with its decisions, choices (texts in French and English,
 * counts, feedback), endings and competency distributions. Malloc'd,
 * caller frees; NULL on OOM. */
char *report_json(const Report *r);

#endif
