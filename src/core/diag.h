/* diag.h — diagnostics: what a loader or validator found wrong in a file.
 *
 * A diagnostic is a value: a code from the one list in diag_codes.h, a
 * severity, a location (file, line, column, JSON path), a plain-language
 * message and a hint, both in the language asked for. Loaders report every
 * problem they find (up to DIAG_MAX) and keep going. */
#ifndef ENJEUX_DIAG_H
#define ENJEUX_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/lang.h"

typedef enum DiagSeverity { DIAG_ERROR, DIAG_WARNING } DiagSeverity;

#define DIAG_ENUM_(name, slug, sev) DIAG_##name,
typedef enum DiagCode {
#include "core/diag_codes.h"
    DIAG_CODE_COUNT
} DiagCode;
#undef DIAG_ENUM_

enum { DIAG_MAX = 200 }; /* a list stops collecting after this many */

typedef struct Diag {
    DiagCode code;
    DiagSeverity severity;
    const char *file;  /* as given to the loader; owned by the DiagList */
    uint32_t line;     /* 1-based; 0 when the diagnostic is about the whole file */
    uint32_t col;      /* 1-based, in characters (UTF-8 code points) */
    char *path;        /* JSON Pointer ("/scenes/4/choices/1/next"); "" for the root */
    char *message;     /* localised, owned */
    char *hint;        /* localised, owned; may be "" */
} Diag;

typedef struct DiagList {
    Diag *items;
    size_t count, cap;
    size_t errors, warnings;
    size_t dropped;    /* diagnostics not kept past DIAG_MAX */
    Lang lang;         /* language of messages and hints */
} DiagList;

/* Initialises an empty list whose messages will be in `lang`. */
void diag_list_init(DiagList *dl, Lang lang);

/* Frees every diagnostic. Accepts NULL. */
void diag_list_free(DiagList *dl);

/* Adds a diagnostic. `args` are up to 4 strings substituted for {0}…{3} in
 * the code's message and hint templates (NULL entries print as ""). Returns
 * false (and counts it in `dropped`) past DIAG_MAX or when out of memory. */
bool diag_add(DiagList *dl, DiagCode code, const char *file, uint32_t line, uint32_t col,
              const char *path, const char *const args[4]);

/* Why a file could not be read or written (an errno value), in `lang`:
 * plain words for the common causes, strerror() for the others. */
const char *diag_errno_text(Lang lang, int err);

/* Reads the whole file at `path`, at most `limit` bytes, for a loader.
 * Returns true with *data (malloc'd, NUL-terminated, caller frees) and *len;
 * false after reporting file-too-large or io against `path`. */
bool diag_read_file(DiagList *dl, const char *path, size_t limit, char **data, size_t *len);

/* Sorts the diagnostics from index `from` on by file, line and column,
 * keeping the order of those at the same place. */
void diag_list_sort(DiagList *dl, size_t from);

/* The stable slug of a code ("unknown-scene"), for JSON output and tests. */
const char *diag_slug(DiagCode code);

/* The default severity of a code. */
DiagSeverity diag_default_severity(DiagCode code);

/* Writes every diagnostic, in the list's language, into a newly malloc'd
 * string (caller frees); NULL on OOM. Two lines each:
 *   file:line:col: erreur [slug] : message (chemin JSON : /path)
 *       → hint
 * ("error [slug]: message (at /path)" in English; "file:" alone when the
 * line is 0). */
char *diag_list_format_text(const DiagList *dl);

/* Writes the list as a JSON array of objects {file,line,column,path,code,
 * severity,message,hint}, malloc'd (caller frees); NULL on OOM. */
char *diag_list_format_json(const DiagList *dl);

#endif
