/* lang.h — the languages of the game and localised strings.
 *
 * French is the reference language: every player-facing string exists in
 * French; other languages fall back to French when a translation is
 * missing. */
#ifndef ENJEUX_LANG_H
#define ENJEUX_LANG_H

#include <stdbool.h>
#include <stdint.h>

typedef enum Lang { LANG_FR, LANG_EN, LANG_COUNT } Lang;

/* A localised string: one pointer per language, NULL where missing. */
typedef struct LocStr {
    const char *s[LANG_COUNT];
} LocStr;

/* "fr" / "en". */
const char *lang_code(Lang lang);

/* True when a count of `n` takes the singular in `lang`: French says
 * « 0 partie, 1 partie », English "1 play" but "0 plays". */
bool lang_singular(Lang lang, uint64_t n);

/* Parses "fr", "en" (also "fr_FR.UTF-8", "en-GB"…); returns false when the
 * language is not one of the game's. */
bool lang_parse(const char *code, Lang *out);

/* The language of the user's environment (LC_ALL, LC_MESSAGES, LANG,
 * LANGUAGE), French when none matches. */
Lang lang_from_env(void);

/* Returns the text in `lang`, falling back to French; sets *fell_back (may be
 * NULL) when the fallback was used. Returns "" for an empty LocStr. */
const char *loc_get(const LocStr *l, Lang lang, bool *fell_back);

/* True when no language has text. */
bool loc_is_empty(const LocStr *l);

#endif
