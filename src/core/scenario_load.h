/* scenario_load.h — the state the scenario loader (scenario.c) shares with
 * the whole-scenario checks (validate.c). Internal to the core. */
#ifndef ENJEUX_SCENARIO_LOAD_H
#define ENJEUX_SCENARIO_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/framework.h"
#include "core/idtable.h"
#include "core/jreader.h"
#include "core/scenario.h"

/* In ScenarioIndex.targets, endings are stored after this base. */
enum { TARGET_ENDING_BASE = 1 << 28 };

struct ScenarioIndex {
    IdTable targets;      /* scenes: index; endings: TARGET_ENDING_BASE + index */
    IdTable meters, flags, counters, characters, events, competencies;
};

/* A flag test met in a condition, checked once every effect is known. */
typedef struct FlagTest {
    uint16_t flag;
    bool value;           /* the value the condition needs */
    uint32_t first_seg;   /* its path: n_segs steps of Loader.test_segs from first_seg */
    uint32_t n_segs;
} FlagTest;

typedef struct Loader {
    JReader r;
    Scenario *sc;
    struct ScenarioIndex *ix;
    const Framework *fw;
    char *real_dir;       /* realpath of the scenario's folder, for image checks */
    bool real_dir_tried;

    Cond *conds;          uint32_t n_conds, cap_conds;
    uint32_t *kids;       uint32_t n_kids, cap_kids;
    bool in_event;

    FlagTest *tests;      size_t n_tests, cap_tests;
    JPathSeg *test_segs;  size_t n_test_segs, cap_test_segs; /* the tests' paths, text built only for a report */
    bool *flag_can_true, *flag_can_false; /* per flag: some effect or initial value makes it so */
    bool *event_scheduled;
    bool *evidence_seen;  /* per competency index */
    bool unresolved_target; /* some `next` could not be resolved: skip graph checks */
    bool oom;
} Loader;

/* Checks an image path (the string at the current path): safe, right type,
 * present in the scenario's folder. */
void validate_image(Loader *L, const char *rel);

/* The whole-scenario checks, once everything is loaded: reachability,
 * endings, events never scheduled, flags never set, competencies without
 * evidence. */
void validate_scenario(Loader *L);

#endif
