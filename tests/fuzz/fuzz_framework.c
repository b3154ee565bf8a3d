/* fuzz_framework.c — fuzz target: a competency framework file. */
#include <stdint.h>
#include <stdlib.h>

#include "core/framework.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    DiagList dl;
    diag_list_init(&dl, size % 2 ? LANG_EN : LANG_FR);
    Framework *fw = framework_load_buffer("fuzz/competencies.json", (const char *)data, size, &dl);
    free(diag_list_format_text(&dl));
    free(diag_list_format_json(&dl));
    if (fw)
        for (uint16_t i = 0; i < fw->n_items; i++)
            if (framework_find(fw, fw->items[i].id) < 0) abort(); /* every id can be found */
    framework_free(fw);
    diag_list_free(&dl);
    return 0;
}
