/* tr.c — the interface's strings, read from the PO catalogues of
 * assets/i18n/ (one file per language); see tr.h and docs/translating.md.
 *
 * The catalogues are loaded once at start and kept for the whole run, so
 * switching language is only a change of the current catalogue. */
#include "ui/tr.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/po.h"
#include "core/utf8.h"

enum { TR_MAX_LANGS = 32, TR_CODE_MAX = 16 };

typedef struct TrLang {
    char code[TR_CODE_MAX]; /* file name without ".po": "fr", "en", "pt_BR" */
    PoCatalog *cat;
} TrLang;

static TrLang langs[TR_MAX_LANGS];
static size_t lang_count;
static const TrLang *current;   /* NULL: no catalogue for the language */
static const TrLang *reference; /* the French catalogue, NULL when missing */
static Lang current_lang = LANG_FR;

static const TrLang *find_lang(const char *code) {
    for (size_t i = 0; i < lang_count; i++)
        if (strcmp(langs[i].code, code) == 0) return &langs[i];
    return NULL;
}

void tr_unload(void) {
    for (size_t i = 0; i < lang_count; i++) po_free(langs[i].cat);
    memset(langs, 0, sizeof langs);
    lang_count = 0;
    current = reference = NULL;
}

static int cmp_code(const void *a, const void *b) {
    return strcmp(((const TrLang *)a)->code, ((const TrLang *)b)->code);
}

/* True for a language code made of letters, digits, '_', '-' and '@'. */
static bool code_ok(const char *s, size_t n) {
    if (n == 0 || n >= TR_CODE_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '@'))
            return false;
    }
    return true;
}

size_t tr_load_dir(const char *dir, DiagList *dl) {
    tr_unload();
    char **names = NULL;
    size_t count = 0;
    int e = 0;
    bool opened = fsutil_list_dir(dir, &names, &count, &e);
    if (!opened) {
        const char *args[4] = {dir, strerror(e), NULL, NULL};
        diag_add(dl, DIAG_IO, dir, 0, 0, "", args);
    } else {
        for (size_t k = 0; k < count; k++) {
            const char *name = names[k];
            size_t n = strlen(name);
            if (n < 4 || strcmp(name + n - 3, ".po") != 0 || !code_ok(name, n - 3)) continue;
            if (lang_count == TR_MAX_LANGS) break;
            size_t dn = strlen(dir);
            char *path = malloc(dn + n + 2);
            if (!path) break;
            snprintf(path, dn + n + 2, "%s%s%s", dir, dn && dir[dn - 1] == '/' ? "" : "/", name);
            PoCatalog *cat = po_load(path, dl);
            free(path);
            if (!cat) continue;
            TrLang *l = &langs[lang_count++];
            memcpy(l->code, name, n - 3);
            l->code[n - 3] = '\0';
            l->cat = cat;
        }
        fsutil_free_names(names, count);
    }
    qsort(langs, lang_count, sizeof langs[0], cmp_code);
    reference = find_lang("fr");
    if (!reference && opened) {
        /* Without the reference catalogue, untranslated strings show keys. */
        size_t dn = strlen(dir);
        char *path = malloc(dn + 8);
        if (path) snprintf(path, dn + 8, "%s%sfr.po", dir, dn && dir[dn - 1] == '/' ? "" : "/");
        const char *args[4] = {path ? path : "fr.po", strerror(ENOENT), NULL, NULL};
        diag_add(dl, DIAG_IO, path ? path : "fr.po", 0, 0, "", args);
        free(path);
    }
    tr_set_lang(current_lang);
    return lang_count;
}

size_t tr_lang_count(void) {
    return lang_count;
}

const char *tr_lang_code_at(size_t i) {
    return i < lang_count ? langs[i].code : NULL;
}

void tr_set_lang(Lang lang) {
    current_lang = (unsigned)lang < LANG_COUNT ? lang : LANG_FR;
    current = find_lang(lang_code(current_lang));
}

Lang tr_lang(void) {
    return current_lang;
}

/* The entry's text when it is a finished translation. */
static const char *usable(const PoEntry *e) {
    return e && !e->fuzzy && e->text[0] ? e->text : NULL;
}

const char *tr(const char *key) {
    const PoEntry *e = current ? po_find(current->cat, key) : NULL;
    const char *s = usable(e);
    if (s) return s;
    const PoEntry *f = reference ? po_find(reference->cat, key) : NULL;
    if ((s = usable(f)) != NULL) return s;
    if (f && f->source[0]) return f->source;
    if (e && e->source[0]) return e->source;
    /* Without fr.po, any catalogue's msgid is the French text. */
    for (size_t i = 0; i < lang_count; i++) {
        const PoEntry *o = po_find(langs[i].cat, key);
        if (o && o->source[0]) return o->source;
    }
    return key;
}

char *tr_format(char *out, size_t outlen, const char *key, const char *a0, const char *a1) {
    const char *f = tr(key);
    size_t o = 0;
    bool cut = false;
    if (outlen == 0) return out;
    for (const char *p = f; *p && !cut; p++) {
        if (p[0] == '{' && (p[1] == '0' || p[1] == '1') && p[2] == '}') {
            const char *a = p[1] == '0' ? a0 : a1;
            for (; a && *a && !cut; a++) {
                if (o + 1 < outlen) out[o++] = *a;
                else cut = true;
            }
            p += 2;
        } else if (o + 1 < outlen) {
            out[o++] = *p;
        } else {
            cut = true;
        }
    }
    /* Too long for `out`: cut on a character boundary, and say so. */
    static const char ELLIPSIS[] = "\xE2\x80\xA6";
    if (cut) {
        size_t k = o; /* drop a last character the buffer did not hold whole */
        while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80) k--;
        if (k > 0) {
            unsigned char lead = (unsigned char)out[k - 1];
            size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (k - 1 + need > o) o = k - 1;
        }
        out[o] = '\0';
        if (outlen > sizeof ELLIPSIS) {
            o = utf8_prefix(out, outlen - sizeof ELLIPSIS);
            memcpy(out + o, ELLIPSIS, sizeof ELLIPSIS);
        }
        return out;
    }
    out[o] = '\0';
    return out;
}

char *tr_count(char *out, size_t outlen, const char *one, const char *many, unsigned long long n, const char *a0,
               const char *a1) {
    return tr_format(out, outlen, lang_singular(tr_lang(), n) ? one : many, a0, a1);
}

bool tr_table_complete(const char **missing_key) {
    if (!reference || reference->cat->count == 0) {
        if (missing_key) *missing_key = "fr.po";
        return false;
    }
    for (size_t l = 0; l < lang_count; l++)
        for (size_t i = 0; i < reference->cat->count; i++) {
            const char *key = reference->cat->entries[i].key;
            if (!usable(po_find(langs[l].cat, key))) {
                if (missing_key) *missing_key = key;
                return false;
            }
        }
    return true;
}
