/* langnote.h — whether a scenario is shown partly or wholly in French for
 * want of a translation in the player's language, and the discreet notice
 * the library, the briefing and the scene screens show then. */
#ifndef ENJEUX_UI_LANGNOTE_H
#define ENJEUX_UI_LANGNOTE_H

#include "core/lang.h"
#include "ui/game.h"

typedef enum LangNote {
    LANGNOTE_NONE, /* every text exists in the language (or the language is French) */
    LANGNOTE_SOME, /* some texts lack the translation: they are shown in French */
    LANGNOTE_ALL   /* the scenario is not written in the language at all */
} LangNote;

/* What `e` lacks in `lang`, read from its "languages" and from the loader's
 * missing-translation warnings. LANGNOTE_NONE for a scenario that failed to
 * load. */
LangNote langnote_of(const LibEntry *e, Lang lang);

/* A few words for a header or a card ("Partly in French"); NULL for
 * LANGNOTE_NONE. */
const char *langnote_short(LangNote n);

/* A sentence for the briefing; NULL for LANGNOTE_NONE. */
const char *langnote_long(LangNote n);

#endif
