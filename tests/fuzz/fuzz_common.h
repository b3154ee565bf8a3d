/* fuzz_common.h — shared by the fuzz targets: a fixed competency framework
 * and a bounded random play-through of a loaded scenario. */
#ifndef ENJEUX_FUZZ_COMMON_H
#define ENJEUX_FUZZ_COMMON_H

#include <stddef.h>

#include "core/framework.h"
#include "core/scenario.h"

/* The framework of tests/fixtures/competencies.json, loaded once (NULL when
 * the file can't be read: targets then run without one). */
const Framework *fuzz_framework(void);

/* The kitchen-sink fixture scenario (tests/fixtures/valid/kitchen-sink/,
 * which exercises every feature) on fuzz_framework(), loaded once; aborts
 * when it cannot be loaded (a broken installation of the fuzzer). */
const Scenario *fuzz_kitchen_sink(void);

/* Plays `sc` from a seed derived from `salt`: random available choices up
 * to an ending or 500 decisions, an undo now and then, the scores, a save
 * written to memory, parsed and resumed; checks the engine's invariants
 * and aborts (a crash the fuzzer reports) when one breaks. */
void fuzz_play(const Scenario *sc, const Framework *fw, size_t salt);

#endif
