/* fuzz_common.c — see fuzz_common.h. */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/rng.h"
#include "core/save.h"

#ifndef ENJEUX_FUZZ_FRAMEWORK
#define ENJEUX_FUZZ_FRAMEWORK "tests/fixtures/competencies.json"
#endif

static Framework *g_framework; /* loaded once per process, read-only after */
static int g_framework_tried;

const Framework *fuzz_framework(void) {
    if (!g_framework_tried) {
        g_framework_tried = 1;
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        g_framework = framework_load(ENJEUX_FUZZ_FRAMEWORK, &dl);
        diag_list_free(&dl);
    }
    return g_framework;
}

#ifndef ENJEUX_FUZZ_SCENARIO
#define ENJEUX_FUZZ_SCENARIO "tests/fixtures/valid/kitchen-sink/scenario.json"
#endif

static Scenario *g_kitchen_sink; /* loaded once per process, read-only after */

const Scenario *fuzz_kitchen_sink(void) {
    if (!g_kitchen_sink) {
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        g_kitchen_sink = scenario_load(ENJEUX_FUZZ_SCENARIO, fuzz_framework(), &dl);
        diag_list_free(&dl);
        if (!g_kitchen_sink) abort();
    }
    return g_kitchen_sink;
}

static void check(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "invariant broken: %s\n", what);
        abort();
    }
}

static void check_meters(const Session *s, const Scenario *sc) {
    for (uint16_t m = 0; m < sc->n_meters; m++) {
        int32_t v = session_meter(s, m);
        check(v >= sc->meters[m].min && v <= sc->meters[m].max, "meter within its range");
    }
}

void fuzz_play(const Scenario *sc, const Framework *fw, size_t salt) {
    Session *s = session_create(sc, fw, (uint64_t)salt * 0x9E3779B97F4A7C15ull, LANG_FR);
    if (!s) return;
    Rng picker;
    rng_seed(&picker, (uint64_t)salt);
    for (int step = 0; step < 500 && !session_is_over(s); step++) {
        ChoiceView views[LIMIT_CHOICES];
        uint16_t n = session_choices(s, views);
        uint16_t avail[LIMIT_CHOICES], k = 0;
        for (uint16_t i = 0; i < n; i++)
            if (views[i].available) avail[k++] = views[i].index;
        if (k == 0) break; /* a dead end the validator could not prove */
        uint16_t pick = avail[rng_below(&picker, k)];
        const StepResult *r = session_choose(s, pick);
        check(r != NULL, "an available choice is accepted");
        check_meters(s, sc);
        if (step % 7 == 3) {
            check(session_undo(s), "undo after a decision");
            check(session_choose(s, pick) != NULL, "the same choice again after undo");
        }
    }
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    for (uint16_t i = 0; i < n; i++)
        check(scores[i].score == -1 || (scores[i].score >= 0 && scores[i].score <= 100),
              "score within 0..100 or not assessed");
    KeyDecision keys[16];
    (void)session_key_decisions(s, keys, 16);
    (void)session_badges(s);

    /* Save round trip: the replay must land exactly where the play is. */
    char *json = save_to_json(s);
    if (json) {
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        Save *sv = save_parse("fuzz/save.json", json, strlen(json), &dl);
        check(sv != NULL, "a save the engine wrote parses");
        ResumeReport rep;
        Session *again = save_resume(sv, sc, fw, &rep);
        check(again != NULL && rep.status == RESUME_SAME, "a fresh save resumes unchanged");
        check(session_step_count(again) == session_step_count(s), "resume replays every step");
        for (uint16_t m = 0; m < sc->n_meters; m++)
            check(session_meter(again, m) == session_meter(s, m), "resume gives the same meters");
        session_destroy(again);
        save_free(sv);
        diag_list_free(&dl);
        free(json);
    }
    session_destroy(s);
}
