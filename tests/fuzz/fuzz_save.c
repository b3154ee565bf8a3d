/* fuzz_save.c — fuzz target: a saved game, parsed and resumed on the
 * kitchen-sink fixture scenario (which exercises every feature). A save that
 * parses must resume to a definite status, never crash or half-load. */
#include <stdint.h>
#include <stdlib.h>

#include "core/engine.h"
#include "core/save.h"
#include "core/scenario.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const Scenario *sc = fuzz_kitchen_sink();
    DiagList dl;
    diag_list_init(&dl, size % 2 ? LANG_EN : LANG_FR);
    Save *sv = save_parse("fuzz/save.json", (const char *)data, size, &dl);
    free(diag_list_format_text(&dl));
    if (sv) {
        ResumeReport rep;
        Session *s = save_resume(sv, sc, fuzz_framework(), &rep);
        char buf[512];
        save_describe_resume(&rep, LANG_FR, buf, sizeof buf);
        if (s && rep.steps_kept > rep.steps_saved) abort();
        if (!s && rep.status != RESUME_FOREIGN && rep.status != RESUME_NO_MEMORY) abort();
        session_destroy(s);
    }
    save_free(sv);
    diag_list_free(&dl);
    return 0;
}
