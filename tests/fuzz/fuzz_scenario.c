/* fuzz_scenario.c — fuzz target: a scenario file, loaded and validated with
 * the test framework, then, when it loads, played to its end by an
 * in-process random player (exercises conditions, effects, events, chance,
 * scoring, undo and the save round trip on whatever the loader accepted). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/framework.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/scenario.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const Framework *fw = fuzz_framework();
    DiagList dl;
    diag_list_init(&dl, size % 2 ? LANG_EN : LANG_FR);
    Scenario *sc = scenario_load_buffer("fuzz/scenario.json", (const char *)data, size, fw, &dl);
    /* Formatting every diagnostic checks their strings and locations. */
    free(diag_list_format_text(&dl));
    free(diag_list_format_json(&dl));
    diag_list_free(&dl);
    if (sc) fuzz_play(sc, fw, size);
    scenario_free(sc);
    return 0;
}
