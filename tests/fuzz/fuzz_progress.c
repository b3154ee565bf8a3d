/* fuzz_progress.c — fuzz target: a player's progress.json and, from the
 * same bytes, a result file counted into a progress. Whatever parses must
 * print back to a document that parses again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/progress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(Progress *p) {
    char *text = progress_to_text(p);
    if (!text) return; /* out of memory */
    Progress *again = progress_parse(text, strlen(text), NULL, NULL);
    if (!again) abort(); /* what we write, we must read */
    progress_free(again);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint32_t line = 0, col = 0;
    Progress *p = progress_parse((const char *)data, size, &line, &col);
    if (p) {
        round_trip(p);
        progress_free(p);
    }
    Progress *fresh = progress_create();
    if (fresh) {
        progress_add_result_text(fresh, (const char *)data, size);
        round_trip(fresh);
        progress_free(fresh);
    }
    return 0;
}
