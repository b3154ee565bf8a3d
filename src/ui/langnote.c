/* langnote.c — the notice for a scenario shown in French for want of a
 * translation; see langnote.h. */
#include "ui/langnote.h"

#include <string.h>

#include "ui/tr.h"

LangNote langnote_of(const LibEntry *e, Lang lang) {
    if (!e || !e->sc || lang == LANG_FR) return LANGNOTE_NONE;
    const Scenario *sc = e->sc;
    bool written = false;
    for (uint16_t i = 0; i < sc->n_languages; i++)
        if (strcmp(sc->languages[i], lang_code(lang)) == 0) written = true;
    if (!written) return LANGNOTE_ALL;
    /* The loader warns for each text without its English (docs/format.md). */
    for (size_t i = 0; i < e->diags.count; i++)
        if (e->diags.items[i].code == DIAG_MISSING_TRANSLATION) return LANGNOTE_SOME;
    return LANGNOTE_NONE;
}

const char *langnote_short(LangNote n) {
    return n == LANGNOTE_ALL ? tr("langnote.all_short") : n == LANGNOTE_SOME ? tr("langnote.some_short") : NULL;
}

const char *langnote_long(LangNote n) {
    return n == LANGNOTE_ALL ? tr("langnote.all") : n == LANGNOTE_SOME ? tr("langnote.some") : NULL;
}
