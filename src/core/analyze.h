/* analyze.h — exact analysis of a scenario for its author (`enjeux analyze`).
 *
 * The analysis plays every reachable state of a scenario with the engine's
 * own step (session_choose_outcome on a compact state, engine.h), so that
 * analysis and play can never disagree: every choice available in a state,
 * every chance outcome of that choice. Identical states (same scene, meters,
 * flags, counters, event states, pending events with their decision counts
 * saturated where no condition can tell them apart) are merged in a hash
 * table; flags, counters and meters that no condition reads are left out of
 * the states (the values of such meters are followed apart, exactly). From the resulting graph it reports coverage (scenes, endings,
 * events, choices, with one shortest path to each), dead ends, the number of
 * playthroughs, their lengths, each ending's probability under uniformly
 * random play, the competencies and meters over all playthroughs, dominated
 * choices and teaching-quality problems (docs/analyze.md).
 *
 * When the state space is larger than the author's bound, the exact search
 * stops and N seeded random playthroughs give coverage counts instead (like
 * ChoiceScript's randomtest); the result says which mode it is.
 *
 * Integers decide everything; doubles appear only in reported figures
 * (probabilities, means, counts too large for 64 bits) and are labelled as
 * such in the output. */
#ifndef ENJEUX_ANALYZE_H
#define ENJEUX_ANALYZE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/engine.h"
#include "core/framework.h"
#include "core/scenario.h"

enum {
    ANALYSIS_DEFAULT_MAX_STATES = 5000000,
    ANALYSIS_DEFAULT_RUNS = 10000,
    ANALYSIS_SAMPLED_MAX_STEPS = 100000, /* a random play longer than this is cut and counted */
};

typedef struct AnalysisOptions {
    uint64_t max_states;   /* bound of the exact search; 0: the default */
    uint64_t runs;         /* random playthroughs when the bound is passed; 0: the default */
    uint64_t seed;         /* seed of those playthroughs */
    uint64_t score_budget; /* bound of the work on score distributions (entries); 0: 1e6 + 4 per transition */
} AnalysisOptions;

typedef enum AnalysisMode {
    ANALYSIS_EXACT,        /* every reachable state explored */
    ANALYSIS_SAMPLED       /* bound passed: seeded random playthroughs */
} AnalysisMode;

/* One decision of a path: the scene, the choice made, the chance outcome
 * (-1 when the choice has none). */
typedef struct PathStep {
    uint32_t scene;
    uint16_t choice;
    int16_t outcome;
} PathStep;

typedef struct Path {
    PathStep *steps;       /* NULL when n == 0 */
    uint32_t n;
} Path;

/* A count that may pass 2^64: `value` saturates and `saturated` says so;
 * `approx` is the same count as a double (exact below 2^53). */
typedef struct BigCount {
    uint64_t value;
    bool saturated;
    double approx;
} BigCount;

typedef struct SceneReport {
    bool reached;
    Path path;             /* exact mode: a shortest path to it */
    uint64_t visits;       /* sampled mode */
} SceneReport;

typedef struct EndingReport {
    bool reached;
    Path path;             /* exact: a shortest path to it; sampled: the first play that reached it */
    double probability;    /* under uniformly random play, chance outcomes weighted */
    BigCount playthroughs; /* exact: distinct playthroughs ending here */
    uint64_t hits;         /* sampled */
    int32_t *meter_min, *meter_max; /* final meters over the plays that end here */
} EndingReport;

typedef struct ChoiceReport {
    uint32_t scene;
    uint16_t choice;
    bool available;        /* available in at least one reachable state (sampled: taken) */
    uint64_t taken;        /* sampled mode */
    bool dominated;        /* exact mode, see analysis_choice() */
    uint16_t dominated_by;
    bool same_consequences; /* the dominating choice also has the same flags, counters, events, routes, outcomes */
} ChoiceReport;

typedef struct DeadEnd {
    uint32_t scene;
    Path path;             /* a shortest path to it */
} DeadEnd;

typedef struct EventReport {
    bool fired;
    Path path;             /* exact: a shortest path whose last decision fires it */
    uint64_t fires;        /* sampled */
} EventReport;

/* A figure over all playthroughs: min, max, and the mean with every
 * distinct playthrough counted once (exact mode) or over the sampled plays.
 * `mean` is a double. */
typedef struct Range {
    int64_t min, max;
    double mean;
} Range;

typedef struct CompetencyReport {
    uint16_t competency;   /* index in Scenario.competencies */
    bool targeted;
    bool evidenced;        /* some choice gives it positive evidence (in the file) */
    bool assessed;         /* some reachable decision assesses it */
    bool skippable;        /* some play reaches an ending without assessing it */
    Path skip_path;        /* a shortest such play */
    Range earned, best;    /* summed evidence over a play */
    bool score_known;      /* false: too many combinations (score_budget) */
    Range score;           /* 0..100; plays that never assess it are left out */
    BigCount not_assessed; /* playthroughs that never assess it */
} CompetencyReport;

typedef enum QualityKind {
    QUALITY_NO_PRINCIPLE,      /* a choice gives evidence without a principle in its feedback */
    QUALITY_OUTCOME_SILENT,    /* a chance outcome changes the state without feedback text */
    QUALITY_NO_DEBRIEF,        /* choices differ in evidence and the scene has no debrief */
    QUALITY_MISSING_ALT,       /* an image without alternative text */
    QUALITY_MISSING_TRANSLATION, /* a text without its English (or French) version */
    QUALITY_KIND_COUNT
} QualityKind;

typedef struct QualityIssue {
    QualityKind kind;
    const char *where;     /* a JSON-like path: scenes[accueil].choices[vite].feedback.principle */
    Lang lang;             /* QUALITY_MISSING_TRANSLATION: the missing language */
} QualityIssue;

typedef struct Analysis {
    const Scenario *sc;
    AnalysisMode mode;
    uint64_t max_states;
    uint64_t states;       /* distinct states explored (exact), or before giving up */
    uint64_t transitions;
    bool has_cycle;        /* a play can loop: counts and longest play are infinite */

    BigCount playthroughs; /* to an ending */
    BigCount stuck;        /* playthroughs ending in a dead end */
    uint32_t shortest, longest; /* decisions, over plays that reach an ending */
    double stuck_probability;

    /* sampled mode */
    uint64_t runs, seed, decisions, unfinished;

    SceneReport *scenes;       /* sc->n_scenes */
    EndingReport *endings;     /* sc->n_endings */
    EventReport *events;       /* sc->n_events */
    ChoiceReport *choices;     /* every choice of every scene, scene by scene */
    uint32_t n_choices;
    DeadEnd *dead_ends;        /* one per scene where a play can get stuck */
    uint32_t n_dead_ends;
    Range *meters;             /* sc->n_meters: final values */
    CompetencyReport *competencies; /* sc->n_competencies */
    Path best_play, worst_play; /* highest and lowest total evidence earned */
    int64_t best_total, worst_total;
    QualityIssue *issues;
    uint32_t n_issues;

    Arena arena;               /* owns everything above */
    struct AnalysisGraph *graph; /* private: the explored states (exact mode) */
} Analysis;

/* Analyses `sc` (with its framework `fw`, may be NULL). Returns NULL only
 * when out of memory; free with analysis_free(). Deterministic: the same
 * scenario and options give the same analysis. */
Analysis *analysis_run(const Scenario *sc, const Framework *fw, const AnalysisOptions *opt);

/* Test hook: as analysis_run(), by the general ways only, slower, to the
 * same analysis: every field of the state keys in 32 bits, the score pairs
 * at the endings merged in a hash table. */
Analysis *analysis_run_plain(const Scenario *sc, const Framework *fw, const AnalysisOptions *opt);

/* Accepts NULL. */
void analysis_free(Analysis *a);

/* The report of choice `choice` of scene `scene`. */
const ChoiceReport *analysis_choice(const Analysis *a, uint32_t scene, uint16_t choice);

/* Test hook (exact mode): the number (0 .. states - 1) of the reachable
 * state equal to the compact state `words` (as written by
 * session_state_save), once lowered like the analysis does; -1 when it is
 * not one of them (or in sampled mode). */
int64_t analysis_find_state(const Analysis *a, const int32_t *words);

/* True when every scene, ending and event is reached and every choice is
 * available somewhere: full coverage. */
bool analysis_full_coverage(const Analysis *a);

#endif
