/* po.h — reading the interface's gettext PO catalogues (the .po files of assets/i18n).
 *
 * A catalogue entry is one interface string: msgctxt is its key ("title.new"),
 * msgid the French source text, msgstr the text in the catalogue's language
 * (docs/translating.md). The reader accepts the PO syntax msgfmt accepts for
 * such files: comments, flags ("#, fuzzy"), continued strings, C escapes,
 * obsolete entries ("#~", skipped). Every problem is reported with its line
 * and column and the reader keeps going: a damaged entry is left out, the
 * others are kept. */
#ifndef ENJEUX_PO_H
#define ENJEUX_PO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"

enum { PO_MAX_BYTES = 4 * 1024 * 1024 };

typedef struct PoEntry {
    const char *key;    /* msgctxt */
    const char *source; /* msgid: the French text */
    const char *text;   /* msgstr; "" when not translated */
    uint32_t line;      /* of the entry's first keyword */
    bool fuzzy;         /* "#, fuzzy": a translator's draft, not to be shown */
} PoEntry;

typedef struct PoCatalog {
    Arena arena;
    PoEntry *entries;   /* sorted by key */
    size_t count;
    const char *language; /* the header's "Language:" field; "" when absent */
} PoCatalog;

/* Parses `len` bytes of PO text; `file` names it in diagnostics. Problems go
 * to `dl` (errors for what cannot be read, a duplicate key keeps the first).
 * Returns a catalogue of the entries read (possibly none), NULL only when out
 * of memory. Free with po_free(). */
PoCatalog *po_parse(const char *text, size_t len, const char *file, DiagList *dl);

/* Reads and parses the file at `path`; NULL (with an io-error or
 * file-too-large diagnostic) when it cannot be read. */
PoCatalog *po_load(const char *path, DiagList *dl);

/* The entry whose key is `key`, NULL when there is none. */
const PoEntry *po_find(const PoCatalog *cat, const char *key);

/* Frees the catalogue. Accepts NULL. */
void po_free(PoCatalog *cat);

#endif
