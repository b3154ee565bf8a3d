/* fuzz_record.c — fuzz target: a play record (JSON Lines), parsed and
 * replayed on the kitchen-sink fixture scenario. A record that parses must
 * replay to a definite status and never keep more decisions than it holds. */
#include <stdint.h>
#include <stdlib.h>

#include "core/engine.h"
#include "core/record.h"
#include "core/scenario.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const Scenario *sc = fuzz_kitchen_sink();
    char err[512];
    Record *r = record_parse("fuzz/record.jsonl", (const char *)data, size, err, sizeof err);
    if (r) {
        if (r->damaged_line > 0 && r->damaged == 0) abort();
        ResumeReport rep;
        Session *s = record_resume(r, sc, fuzz_framework(), &rep);
        if (s && rep.steps_kept > r->n_decisions) abort();
        if (!s && rep.status != RESUME_FOREIGN && rep.status != RESUME_NO_MEMORY) abort();
        session_destroy(s);
    }
    record_free(r);
    return 0;
}
