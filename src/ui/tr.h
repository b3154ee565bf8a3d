/* tr.h — the interface's strings, in every language of assets/i18n/.
 *
 * Every string the interface shows goes through tr("key"). The texts live in
 * gettext PO catalogues, one per language (assets/i18n/fr.po, en.po…; see
 * docs/translating.md), loaded once by tr_load_dir(). Placeholders {0} and
 * {1} are substituted by tr_format(). A key missing from the current
 * language falls back to French, then to the key itself (visible, never a
 * crash); the catalogue test keeps both catalogues complete. */
#ifndef ENJEUX_UI_TR_H
#define ENJEUX_UI_TR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/lang.h"

/* Loads every "<code>.po" of `dir`, replacing the catalogues loaded before.
 * Problems (unreadable file or folder, damaged entries, with file:line) are
 * added to `dl`; a damaged entry is left out, the rest of its file is kept.
 * Returns the number of catalogues loaded. */
size_t tr_load_dir(const char *dir, DiagList *dl);

/* Frees the catalogues; tr() then returns keys. */
void tr_unload(void);

/* The languages loaded, sorted by code ("en", "fr"…); NULL past the end. */
size_t tr_lang_count(void);
const char *tr_lang_code_at(size_t i);

void tr_set_lang(Lang lang);
Lang tr_lang(void);

/* The string for `key` in the current language: its translation unless
 * missing, empty or fuzzy, else the French text (from fr.po, else from any
 * catalogue's msgid), else the key. Valid until
 * the next tr_load_dir() or tr_unload(). */
const char *tr(const char *key);

/* tr(key) with {0} and {1} replaced by `a0` and `a1` (NULL: ""), into
 * `out`; returns `out`. Text too long for `out` is cut on a character
 * boundary and ends with "…" (valid UTF-8 whatever the size). */
char *tr_format(char *out, size_t outlen, const char *key, const char *a0, const char *a1);

/* tr_format(out, outlen, key, a0, a1) with key `one` when the count `n`
 * takes the singular in the current language (lang_singular), else `many`
 * (`n` itself is shown through a0 or a1, as the caller formats it). */
char *tr_count(char *out, size_t outlen, const char *one, const char *many, unsigned long long n, const char *a0,
               const char *a1);

/* True when the French catalogue is loaded and every one of its keys has a
 * finished translation in every loaded catalogue; otherwise sets
 * *missing_key (may be NULL) to the first key missing. */
bool tr_table_complete(const char **missing_key);

#endif
