/* lang.c — language codes and localised-string lookup; see lang.h. */
#include "core/lang.h"

#include <stdlib.h>
#include <string.h>

static const char *const CODES[LANG_COUNT] = {"fr", "en"};

const char *lang_code(Lang lang) {
    return (unsigned)lang < LANG_COUNT ? CODES[lang] : "fr";
}

bool lang_singular(Lang lang, uint64_t n) { return n == 1 || (n == 0 && lang == LANG_FR); }

bool lang_parse(const char *code, Lang *out) {
    if (!code) return false;
    for (int i = 0; i < LANG_COUNT; i++) {
        size_t n = strlen(CODES[i]);
        if (strncmp(code, CODES[i], n) == 0 &&
            (code[n] == '\0' || code[n] == '_' || code[n] == '-' || code[n] == '.')) {
            *out = (Lang)i;
            return true;
        }
    }
    return false;
}

Lang lang_from_env(void) {
    static const char *const VARS[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof VARS / sizeof VARS[0]; i++) {
        const char *v = getenv(VARS[i]);
        Lang l;
        if (v && *v && lang_parse(v, &l)) return l;
        if (v && *v && strcmp(v, "C") != 0 && strcmp(v, "POSIX") != 0 && i > 0) break;
    }
    return LANG_FR;
}

const char *loc_get(const LocStr *l, Lang lang, bool *fell_back) {
    if (fell_back) *fell_back = false;
    if ((unsigned)lang < LANG_COUNT && l->s[lang]) return l->s[lang];
    if (l->s[LANG_FR]) {
        if (fell_back && lang != LANG_FR) *fell_back = true;
        return l->s[LANG_FR];
    }
    for (int i = 0; i < LANG_COUNT; i++)
        if (l->s[i]) {
            if (fell_back) *fell_back = true;
            return l->s[i];
        }
    return "";
}

bool loc_is_empty(const LocStr *l) {
    for (int i = 0; i < LANG_COUNT; i++)
        if (l->s[i]) return false;
    return true;
}
