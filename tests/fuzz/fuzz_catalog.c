/* fuzz_catalog.c — fuzz target: an interface catalogue (gettext PO file,
 * assets/i18n/). Every input gives a catalogue or diagnostics, never a
 * crash; a key found is found again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/po.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    DiagList dl;
    diag_list_init(&dl, size % 2 ? LANG_EN : LANG_FR);
    PoCatalog *cat = po_parse((const char *)data, size, "fuzz/xx.po", &dl);
    free(diag_list_format_text(&dl));
    if (cat) {
        for (size_t i = 0; i < cat->count; i++)
            if (po_find(cat, cat->entries[i].key) == NULL) abort();
        po_find(cat, "title.new");
    }
    po_free(cat);
    diag_list_free(&dl);
    return 0;
}
