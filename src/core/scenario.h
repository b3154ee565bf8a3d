/* scenario.h — the scenario model (format v1) and its loader.
 *
 * A scenario file (docs/format.md, scenarios/schema/scenario.schema.json)
 * is loaded into the read-only tables below; no cJSON tree is kept. Every
 * string and table lives in the scenario's arena, freed by scenario_free().
 * References between objects are resolved to indices at load time.
 *
 * Sizes are bounded by the limits in ScenarioLimits (docs/limits.md); a file
 * past a limit is rejected with a diagnostic, never cut. */
#ifndef ENJEUX_SCENARIO_H
#define ENJEUX_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/lang.h"

enum { SCENARIO_FORMAT_VERSION = 1 };

/* Documented limits of the loader (docs/limits.md). */
enum {
    LIMIT_FILE_BYTES = 16 * 1024 * 1024, /* a scenario file */
    LIMIT_DEPTH = 64,                    /* JSON nesting */
    LIMIT_STRING_BYTES = 16 * 1024,      /* one string, in bytes of UTF-8 */
    LIMIT_ID_BYTES = 64,                 /* an id: [a-z0-9_-], starts with a letter */
    LIMIT_SCENES = 10000,
    LIMIT_CHOICES = 9,                   /* per scene: keys 1 to 9 pick them */
    LIMIT_ENDINGS = 64,
    LIMIT_METERS = 16,
    LIMIT_FLAGS = 256,
    LIMIT_COUNTERS = 64,
    LIMIT_EVENTS = 256,
    LIMIT_CHARACTERS = 64,
    LIMIT_COMPETENCIES = 64,
    LIMIT_OUTCOMES = 8,                  /* chance outcomes per choice */
    LIMIT_ROUTES = 16,                   /* conditional routes per choice */
    LIMIT_COND_NODES = 64,               /* nodes in one condition */
    LIMIT_EVIDENCE = 3,                  /* |evidence| per competency per choice */
    LIMIT_IMAGE_BYTES = 8 * 1024 * 1024, /* an image file (illustration, portrait) */
    LIMIT_IMAGE_SIDE = 4096,             /* width and height of a PNG or JPEG, in pixels */
};

/* Probabilities are stored as integer parts per million so that no floating
 * point decides a branch; the outcomes of a choice sum to exactly 1e6. */
enum { PROBABILITY_ONE = 1000000 };

typedef enum AiKind {
    AI_KIND_GENERATIVE, AI_KIND_PREDICTIVE, AI_KIND_CLASSIFICATION,
    AI_KIND_RECOMMENDATION, AI_KIND_RECOGNITION, AI_KIND_OPTIMISATION, AI_KIND_OTHER
} AiKind;

/* EU AI Act (Regulation (EU) 2024/1689) risk categories of an AI system. */
typedef enum AiRisk {
    AI_RISK_MINIMAL,      /* no specific obligation (voluntary codes, art. 95) */
    AI_RISK_TRANSPARENCY, /* transparency obligations, art. 50 ("limited risk") */
    AI_RISK_HIGH,         /* high risk, art. 6 with annexes I and III */
    AI_RISK_PROHIBITED    /* prohibited practice, art. 5 */
} AiRisk;

typedef enum CondKind {
    COND_ALL, COND_ANY, COND_NOT,
    COND_METER,   /* meters[index] op value */
    COND_COUNTER, /* counters[index] op value */
    COND_FLAG,    /* flags[index] == (value != 0) */
    COND_AFTER,   /* events only: decisions since scheduled >= value */
    COND_SCENE    /* events only: the scene about to be shown is scenes[index] */
} CondKind;

typedef enum CmpOp { CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_EQ, CMP_NE } CmpOp;

/* One node of a condition tree. Conditions are stored in Scenario.conds; a
 * condition is referred to by the index of its root node, -1 meaning "none"
 * (always true). ALL/ANY/NOT nodes list their children as `kid_count`
 * indices starting at Scenario.cond_kids[first_kid]. */
typedef struct Cond {
    CondKind kind;
    CmpOp op;
    int32_t index;
    int32_t value;
    uint32_t first_kid, kid_count;
} Cond;

typedef struct MeterDelta { uint16_t meter; int32_t delta; } MeterDelta;
typedef struct FlagSet { uint16_t flag; bool value; } FlagSet;
typedef struct CounterDelta { uint16_t counter; int32_t delta; } CounterDelta;
/* `competency` indexes Scenario.competencies. */
typedef struct Evidence { uint16_t competency; int8_t value; } Evidence;

typedef struct Effects {
    MeterDelta *meters;      uint16_t n_meters;
    FlagSet *flags;          uint16_t n_flags;
    CounterDelta *counters;  uint16_t n_counters;
    Evidence *evidence;      uint16_t n_evidence;   /* choices only */
    uint16_t *schedule;      uint16_t n_schedule;   /* event indices to schedule */
} Effects;

/* What the player is told after a decision: what happened, the principle at
 * stake, and a reference ("RGPD, art. 35"). Any of the three may be empty. */
typedef struct Feedback {
    LocStr text;
    LocStr principle;
    LocStr reference;
} Feedback;

typedef enum TargetKind { TARGET_SCENE, TARGET_ENDING } TargetKind;
typedef struct Target { TargetKind kind; uint32_t index; } Target;

/* A route: go to `target` when `cond` holds (-1: always). Routes are tried in
 * order; the validator ensures the last one of a list has no condition. */
typedef struct Route { int32_t cond; Target target; } Route;

typedef struct Outcome {
    const char *id;
    uint32_t weight;          /* parts per million; outcomes sum to PROBABILITY_ONE */
    Effects effects;          /* no evidence: chance is not the player's merit */
    Feedback feedback;
    Route *routes;            /* overrides the choice's routes when n_routes > 0 */
    uint16_t n_routes;
} Outcome;

typedef struct Choice {
    const char *id;           /* stable: saves refer to choices by id */
    LocStr text;
    int32_t cond;             /* -1: always available */
    bool hide_unavailable;    /* true: hidden when cond fails; false: disabled */
    LocStr reason;            /* why it is unavailable (shown when disabled) */
    Effects effects;
    Feedback feedback;
    Route *routes;            /* where to go next */
    uint16_t n_routes;
    Outcome *outcomes;        /* chance outcomes, drawn after the effects */
    uint16_t n_outcomes;
} Choice;

typedef struct Scene {
    const char *id;
    uint16_t act;             /* 1-based act number, 0 when not given */
    LocStr title;             /* optional short heading */
    int32_t speaker;          /* index into characters, -1 for the narrator */
    const char *image;        /* path relative to the scenario folder, or NULL */
    LocStr image_alt;
    LocStr text;
    LocStr debrief;           /* optional: why the best option is best */
    Choice *choices;
    uint16_t n_choices;
} Scene;

/* A delayed consequence: scheduled by a choice or outcome, it fires once,
 * the first time `when` holds after a decision, before the next scene. */
typedef struct Event {
    const char *id;
    int32_t when;             /* condition; may use COND_AFTER and COND_SCENE */
    LocStr title;             /* "Six mois plus tard…" */
    int32_t speaker;
    const char *image;
    LocStr image_alt;
    LocStr text;
    Effects effects;          /* no evidence */
    Feedback feedback;
} Event;

typedef enum EndingTone { TONE_POSITIVE, TONE_MIXED, TONE_NEGATIVE } EndingTone;

typedef struct Ending {
    const char *id;
    LocStr title;
    LocStr text;
    EndingTone tone;
    const char *image;
    LocStr image_alt;
} Ending;

typedef struct Meter {
    const char *id;
    LocStr label;
    LocStr description;       /* what it measures, shown in the briefing */
    int32_t min, max, initial;
    bool higher_is_better;
} Meter;

typedef struct Flag { const char *id; LocStr description; bool initial; } Flag;
typedef struct Counter { const char *id; LocStr description; int32_t initial; } Counter;

typedef struct Character {
    const char *id;
    LocStr name;
    LocStr role;
    const char *portrait;     /* relative path or NULL */
    LocStr portrait_alt;
} Character;

typedef struct AiTool {
    LocStr name;
    LocStr description;
    AiKind kind;
    LocStr provider;
    AiRisk risk;
    LocStr risk_note;         /* why this category ("AI Act, annexe III, 4 a)") */
} AiTool;

typedef struct Scenario {
    Arena arena;              /* owns everything below */
    const char *path;         /* the file it was loaded from */
    const char *dir;          /* its folder: image paths are relative to it */
    uint64_t content_hash;    /* hash_content() of the file's bytes: detects edits */

    int format;
    const char *id;
    const char *version;
    LocStr title, summary, sector;
    uint8_t level;            /* course level 1, 2 or 3 */
    uint16_t minutes;
    const char **languages;   uint16_t n_languages;
    const char **authors;     uint16_t n_authors;
    const char *licence;
    const char *framework_path; /* competency framework, relative to dir; NULL: default */

    AiTool tool;
    LocStr role, context;

    /* Competency ids the scenario uses, targeted ones first. */
    const char **competencies; uint16_t n_competencies;
    uint16_t n_targeted;      /* competencies[0..n_targeted) are the targeted ones */

    Meter *meters;            uint16_t n_meters;
    Flag *flags;              uint16_t n_flags;
    Counter *counters;        uint16_t n_counters;
    Character *characters;    uint16_t n_characters;
    Scene *scenes;            uint32_t n_scenes;
    Event *events;            uint16_t n_events;
    Ending *endings;          uint16_t n_endings;
    uint32_t start;           /* index of the first scene */

    Cond *conds;              uint32_t n_conds;
    uint32_t *cond_kids;      uint32_t n_cond_kids;

    struct ScenarioIndex *index; /* private: id hash tables for the lookups */
} Scenario;

/* Loads and validates the scenario file at `path`. Every problem found goes
 * to `dl` (which must be initialised; its language is used for messages).
 * Returns the scenario when it has no error (warnings allowed), NULL
 * otherwise; the caller frees a returned scenario with scenario_free().
 * `framework` may be NULL to skip competency checks. */
struct Framework;
Scenario *scenario_load(const char *path, const struct Framework *framework, DiagList *dl);

/* Same, from a buffer; `path` names it in diagnostics and locates images. */
Scenario *scenario_load_buffer(const char *path, const char *data, size_t len,
                               const struct Framework *framework, DiagList *dl);

/* Loads the scenario at `path` with the competency framework it names (its
 * `framework` field, relative to the file; default ../competencies.json).
 * When that framework is missing or broken, a framework-error is reported
 * and the rest is still validated. *fw_out receives the framework (caller
 * frees with framework_free(); NULL when it could not be loaded), even when
 * the scenario has errors. Returns as scenario_load(). */
Scenario *scenario_load_auto(const char *path, struct Framework **fw_out, DiagList *dl);

/* Same as scenario_load_auto(), but also returns the scenario when the only
 * errors are those of the whole-scenario checks (unreachable scenes or
 * endings, flags never set, events never scheduled…): every reference is
 * resolved, so tools that show a broken scenario (`enjeux graph`) can walk
 * it. Returns NULL when loading itself failed. The errors are in `dl` as
 * usual; never play such a scenario. */
Scenario *scenario_load_model(const char *path, struct Framework **fw_out, DiagList *dl);

/* Frees the scenario and everything it owns. Accepts NULL. */
void scenario_free(Scenario *sc);

/* Lookup by id; -1 when absent. Linear or hashed, O(1) amortised. */
int32_t scenario_find_scene(const Scenario *sc, const char *id);
int32_t scenario_find_ending(const Scenario *sc, const char *id);
int32_t scenario_find_meter(const Scenario *sc, const char *id);
int32_t scenario_find_flag(const Scenario *sc, const char *id);
int32_t scenario_find_counter(const Scenario *sc, const char *id);
int32_t scenario_find_event(const Scenario *sc, const char *id);
int32_t scenario_find_character(const Scenario *sc, const char *id);
/* Index in sc->competencies, -1 when the scenario does not use it. */
int32_t scenario_find_competency(const Scenario *sc, const char *id);
/* Index of the choice with this id in scene `scene`, -1 when absent. */
int32_t scenario_find_choice(const Scenario *sc, uint32_t scene, const char *id);

/* Content hash as 16 lowercase hex chars plus NUL. */
void scenario_hash_hex(const Scenario *sc, char out[17]);

const char *ai_risk_slug(AiRisk r);   /* "minimal", "transparency", "high", "prohibited" */
const char *ai_kind_slug(AiKind k);

#endif
