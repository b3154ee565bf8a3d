/* tr.h — the interface's strings, in French and English.
 *
 * Every string the interface shows goes through tr("key"), so that moving
 * the table to gettext catalogues is mechanical. Placeholders {0} and {1}
 * are substituted by tr_format(). A missing key returns the key itself
 * (visible, never a crash) and tests check the table is complete. */
#ifndef ENJEUX_UI_TR_H
#define ENJEUX_UI_TR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lang.h"

void tr_set_lang(Lang lang);
Lang tr_lang(void);

/* The string for `key` in the current language (French when the English is
 * missing); the key itself when unknown. Static storage. */
const char *tr(const char *key);

/* tr(key) with {0} and {1} replaced by `a0` and `a1` (NULL: ""), into
 * `out`; returns `out`. */
char *tr_format(char *out, size_t outlen, const char *key, const char *a0, const char *a1);

/* For tests: true when every key has French and English. */
bool tr_table_complete(const char **missing_key);

#endif
