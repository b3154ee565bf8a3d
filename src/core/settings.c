/* settings.c — the player's settings file: defaults, bounds, reading with
 * per-setting recovery, writing; see settings.h. */
#include "core/settings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fsutil.h"
#include "core/jdom.h"
#include "core/json_text.h"


static const SettingsRange RANGES[SET_INT_COUNT] = {
    [SET_TEXT_SIZE] = {"text_size", 100, 200, 10, 100},
    [SET_LINE_SPACING] = {"line_spacing", 100, 200, 10, 130},
    [SET_TEXT_SPEED] = {"text_speed", 10, 120, 10, 40},
    [SET_DISPLAY_SCALE] = {"display_scale", 80, 150, 10, 100},
};

static const char *const WINDOW_WORDS[WINDOW_MODE_COUNT] = {"windowed", "maximized", "fullscreen"};
static const char *const REVEAL_WORDS[REVEAL_COUNT] = {"instant", "progressive"};

/* Boolean settings: JSON name and offset in Settings. */
typedef struct BoolKey { const char *key; size_t off; } BoolKey;
static const BoolKey BOOLS[] = {
    {"high_contrast", offsetof(Settings, high_contrast)},
    {"colorblind_palette", offsetof(Settings, colorblind)},
    {"dyslexia_font", offsetof(Settings, dyslexic_font)},
    {"reduced_motion", offsetof(Settings, reduced_motion)},
    {"self_voicing", offsetof(Settings, self_voicing)},
};
enum { N_BOOLS = sizeof BOOLS / sizeof BOOLS[0] };

const SettingsRange *settings_range(SettingsInt which) {
    return (unsigned)which < SET_INT_COUNT ? &RANGES[which] : &RANGES[0];
}

const char *settings_window_word(WindowMode m) {
    return (unsigned)m < WINDOW_MODE_COUNT ? WINDOW_WORDS[m] : WINDOW_WORDS[0];
}

const char *settings_reveal_word(TextReveal r) {
    return (unsigned)r < REVEAL_COUNT ? REVEAL_WORDS[r] : REVEAL_WORDS[0];
}

void settings_defaults(Settings *s) {
    memset(s, 0, sizeof *s);
    s->lang_auto = true;
    s->lang = lang_from_env();
    for (int i = 0; i < SET_INT_COUNT; i++) s->ints[i] = RANGES[i].def;
    s->reveal = REVEAL_INSTANT;
    s->window = WINDOW_WINDOWED;
}

/* ---- reading ------------------------------------------------------------------ */

typedef struct Reader {
    JsonText text;
    SettingsReport *rep;
} Reader;

/* Where member `v` of the root object starts in the text (jdom keeps no
 * offsets: json_text_locate finds it by its JSON Pointer). */
static size_t where(const Reader *r, const JNode *v) {
    char ptr[80];
    size_t off = 0;
    if (!v || !v->string || snprintf(ptr, sizeof ptr, "/%s", v->string) >= (int)sizeof ptr) return 0;
    if (strchr(v->string, '~') || strchr(v->string + 0, '/')) return 0;
    json_text_locate(r->text.s, r->text.len, ptr, false, 0, &off);
    return off;
}

static void copy_short(char *dst, size_t n, const char *src) {
    size_t k = strlen(src);
    if (k >= n) {
        /* Shorten on a character boundary and mark it. */
        k = n - 4;
        while (k > 0 && ((unsigned char)src[k] & 0xC0) == 0x80) k--;
        memcpy(dst, src, k);
        memcpy(dst + k, "…", 4);
    } else {
        memcpy(dst, src, k + 1);
    }
}

static void issue(Reader *r, SettingsIssueKind kind, size_t off, bool located, const char *key, const char *found,
                  const char *def) {
    SettingsReport *rep = r->rep;
    if (rep->n >= SETTINGS_MAX_ISSUES) {
        rep->dropped++;
        return;
    }
    SettingsIssue *is = &rep->issues[rep->n++];
    memset(is, 0, sizeof *is);
    is->kind = kind;
    if (located) json_text_linecol(&r->text, off, &is->line, &is->col);
    copy_short(is->key, sizeof is->key, key ? key : "");
    copy_short(is->found, sizeof is->found, found ? found : "");
    copy_short(is->def, sizeof is->def, def ? def : "");
}

/* A short rendering of a JSON value for messages. */
static void describe(const JNode *v, char *out, size_t n) {
    switch (v->type) {
    case JN_NULL: snprintf(out, n, "null"); break;
    case JN_TRUE: snprintf(out, n, "true"); break;
    case JN_FALSE: snprintf(out, n, "false"); break;
    case JN_NUMBER: snprintf(out, n, "%.10g", v->valuedouble); break;
    case JN_STRING: {
        char word[40], quoted[48];
        copy_short(word, sizeof word, v->valuestring);
        snprintf(quoted, sizeof quoted, "\"%s\"", word);
        copy_short(out, n, quoted);
        break;
    }
    case JN_ARRAY: snprintf(out, n, "[…]"); break;
    default: snprintf(out, n, "{…}"); break;
    }
}

static void read_int(Reader *r, const JNode *v, Settings *s, SettingsInt which) {
    const SettingsRange *rg = &RANGES[which];
    char found[48], def[16];
    snprintf(def, sizeof def, "%d", rg->def);
    describe(v, found, sizeof found);
    if (v->type != JN_NUMBER) {
        issue(r, SETI_TYPE, where(r, v), true, rg->key, found, def);
        return;
    }
    double d = v->valuedouble;
    if (d < rg->min || d > rg->max || d != (double)(int)d) {
        char shown[96];
        snprintf(shown, sizeof shown, "%s (%d\u2013%d)", found, rg->min, rg->max);
        copy_short(found, sizeof found, shown);
        issue(r, SETI_RANGE, where(r, v), true, rg->key, found, def);
        return;
    }
    /* Between two steps: the nearest step below, silently (hand edits). */
    int x = (int)d;
    s->ints[which] = rg->min + (x - rg->min) / rg->step * rg->step;
}

static int read_word(Reader *r, const JNode *v, const char *key, const char *const *words, int n, int def) {
    char found[48];
    describe(v, found, sizeof found);
    if (v->type != JN_STRING) {
        issue(r, SETI_TYPE, where(r, v), true, key, found, words[def]);
        return def;
    }
    for (int i = 0; i < n; i++)
        if (strcmp(v->valuestring, words[i]) == 0) return i;
    issue(r, SETI_WORD, where(r, v), true, key, found, words[def]);
    return def;
}

static void read_member(Reader *r, const JNode *m, Settings *s) {
    const char *k = m->string;
    char found[48];
    describe(m, found, sizeof found);
    if (strcmp(k, "format") == 0 || k[0] == '_') return; /* "_comment": free text */
    for (int i = 0; i < SET_INT_COUNT; i++)
        if (strcmp(k, RANGES[i].key) == 0) {
            read_int(r, m, s, (SettingsInt)i);
            return;
        }
    for (int i = 0; i < N_BOOLS; i++)
        if (strcmp(k, BOOLS[i].key) == 0) {
            bool *dst = (bool *)((char *)s + BOOLS[i].off);
            if (m->type == JN_TRUE || m->type == JN_FALSE) *dst = m->type == JN_TRUE;
            else issue(r, SETI_TYPE, where(r, m), true, k, found, *dst ? "true" : "false");
            return;
        }
    if (strcmp(k, "language") == 0) {
        static const char *const words[] = {"auto", "fr", "en"};
        int w = read_word(r, m, k, words, 3, 0);
        s->lang_auto = w == 0;
        if (w == 1) s->lang = LANG_FR;
        if (w == 2) s->lang = LANG_EN;
    } else if (strcmp(k, "text_appearance") == 0) {
        s->reveal = (TextReveal)read_word(r, m, k, REVEAL_WORDS, REVEAL_COUNT, REVEAL_INSTANT);
    } else if (strcmp(k, "window_mode") == 0) {
        s->window = (WindowMode)read_word(r, m, k, WINDOW_WORDS, WINDOW_MODE_COUNT, WINDOW_WINDOWED);
    } else if (strcmp(k, "workshop_code") == 0) {
        char clean[WORKSHOP_CODE_MAX], bad[5];
        WorkshopCodeCheck c = m->type == JN_STRING ? workshop_code_clean(m->valuestring, clean, bad) : WCODE_EMPTY;
        if (m->type != JN_STRING) issue(r, SETI_TYPE, where(r, m), true, k, found, "\"\"");
        else if (c == WCODE_BAD_CHAR || c == WCODE_TOO_LONG) issue(r, SETI_WORD, where(r, m), true, k, found, "");
        else memcpy(s->workshop_code, clean, sizeof clean);
    } else if (strcmp(k, "export_dir") == 0) {
        if (m->type != JN_STRING) issue(r, SETI_TYPE, where(r, m), true, k, found, "\"\"");
        else if (strlen(m->valuestring) >= sizeof s->export_dir) issue(r, SETI_RANGE, where(r, m), true, k, found, "");
        else snprintf(s->export_dir, sizeof s->export_dir, "%s", m->valuestring);
    } else {
        issue(r, SETI_UNKNOWN_KEY, where(r, m), true, k, found, "");
    }
}

bool settings_parse(Settings *s, const char *json, size_t len, SettingsReport *rep) {
    memset(rep, 0, sizeof *rep);
    settings_defaults(s);
    Reader r = {.rep = rep};
    json_text_init(&r.text, json, len);
    Arena nodes;
    arena_init(&nodes);
    JParseStatus st = JP_OK;
    size_t off = 0;
    bool dups = false;
    const JNode *root = jdom_parse(&nodes, &nodes, json, len, SETTINGS_MAX_DEPTH, &st, &off, &dups);
    if (!root || root->type != JN_OBJECT) {
        issue(&r, SETI_SYNTAX, root ? 0 : off, true, "", "", "");
    } else {
        const JNode *fmt = jdom_get(root, "format");
        if (!fmt || fmt->type != JN_NUMBER || fmt->valuedouble != SETTINGS_FORMAT) {
            char found[48] = "";
            if (fmt) describe(fmt, found, sizeof found);
            issue(&r, SETI_FORMAT, fmt ? where(&r, fmt) : 0, true, "format", found, "1");
        }
        for (const JNode *m = root->child; m; m = m->next) read_member(&r, m, s);
    }
    arena_release(&nodes);
    json_text_free(&r.text);
    return rep->n == 0 && rep->dropped == 0;
}

bool settings_load(Settings *s, const char *path, SettingsReport *rep) {
    char *data = NULL;
    size_t len = 0, size = 0;
    int err = 0;
    FsStatus st = fsutil_read_file(path, SETTINGS_MAX_BYTES, &data, &len, &size, &err);
    if (st == FS_OK) {
        bool ok = settings_parse(s, data, len, rep);
        free(data);
        return ok;
    }
    memset(rep, 0, sizeof *rep);
    settings_defaults(s);
    if (st == FS_IO_ERROR && err == ENOENT) {
        rep->missing = true;
        return true;
    }
    SettingsIssue *is = &rep->issues[rep->n++];
    is->kind = SETI_UNREADABLE;
    snprintf(is->found, sizeof is->found, "%s", st == FS_TOO_LARGE ? "> 64 KiB" : strerror(err));
    return false;
}

/* ---- writing ------------------------------------------------------------------ */

/* `s` as a JSON string literal, malloc'd; NULL when out of memory. */
static char *json_string(const char *s) {
    cJSON *str = cJSON_CreateString(s);
    char *out = str ? cJSON_PrintUnformatted(str) : NULL;
    cJSON_Delete(str);
    return out;
}

char *settings_to_json(const Settings *s) {
    char *code = json_string(s->workshop_code), *dir = json_string(s->export_dir);
    size_t size = 2048 + (code ? strlen(code) : 0) + (dir ? strlen(dir) : 0);
    char *buf = code && dir ? malloc(size) : NULL;
    if (!buf) {
        cJSON_free(code);
        cJSON_free(dir);
        return NULL;
    }
    const char *lang = s->lang_auto ? "auto" : lang_code(s->lang);
    int n = snprintf(buf, size,
        "{\n"
        "  \"_comment\": \"Enjeux settings (format 1). Edit with care: a bad value is reported and replaced by "
        "its default. language: auto|fr|en. text_size: 100-200 (%%). line_spacing: 100-200 (%% of the line height). "
        "text_appearance: instant|progressive, text_speed: 10-120 characters a second. display_scale: 80-150 (%%). "
        "window_mode: windowed|maximized|fullscreen. workshop_code: the code typed at start (docs/workshop.md), "
        "export_dir: the folder results are also copied to (empty: none). See docs/accessibility.md.\",\n"
        "  \"format\": %d,\n"
        "  \"language\": \"%s\",\n"
        "  \"text_size\": %d,\n"
        "  \"high_contrast\": %s,\n"
        "  \"colorblind_palette\": %s,\n"
        "  \"dyslexia_font\": %s,\n"
        "  \"line_spacing\": %d,\n"
        "  \"reduced_motion\": %s,\n"
        "  \"text_appearance\": \"%s\",\n"
        "  \"text_speed\": %d,\n"
        "  \"self_voicing\": %s,\n"
        "  \"window_mode\": \"%s\",\n"
        "  \"display_scale\": %d,\n"
        "  \"workshop_code\": %s,\n"
        "  \"export_dir\": %s\n"
        "}\n",
        SETTINGS_FORMAT, lang, s->ints[SET_TEXT_SIZE], s->high_contrast ? "true" : "false",
        s->colorblind ? "true" : "false", s->dyslexic_font ? "true" : "false", s->ints[SET_LINE_SPACING],
        s->reduced_motion ? "true" : "false", settings_reveal_word(s->reveal), s->ints[SET_TEXT_SPEED],
        s->self_voicing ? "true" : "false", settings_window_word(s->window), s->ints[SET_DISPLAY_SCALE], code, dir);
    cJSON_free(code);
    cJSON_free(dir);
    if (n < 0 || (size_t)n >= size) {
        free(buf);
        return NULL;
    }
    return buf;
}

bool settings_save(const Settings *s, const char *path, int *err) {
    char *text = settings_to_json(s);
    if (!text) {
        *err = ENOMEM;
        return false;
    }
    bool ok = fsutil_write_atomic(path, text, strlen(text), err);
    free(text);
    return ok;
}

bool settings_keep_damaged(const char *path) {
    size_t n = strlen(path) + sizeof ".damaged";
    char *dst = malloc(n);
    if (!dst) return false;
    snprintf(dst, n, "%s.damaged", path);
    bool ok = rename(path, dst) == 0;
    free(dst);
    return ok;
}

/* ---- messages ----------------------------------------------------------------- */

/* {K}: key, {F}: found, {D}: default used. */
static const char *const MESSAGES[SETI_KIND_COUNT][LANG_COUNT] = {
    [SETI_UNREADABLE] = {"le fichier de paramètres ne peut pas être lu ({F})" "\u202F" ": paramètres par défaut utilisés.",
                         "the settings file cannot be read ({F}): default settings used."},
    [SETI_SYNTAX] = {"le fichier de paramètres est abîmé (ce n'est pas du JSON valide)" "\u202F"
                     ": paramètres par défaut utilisés, copie gardée en .damaged.",
                     "the settings file is damaged (not valid JSON): default settings used, a copy was kept as "
                     ".damaged."},
    [SETI_FORMAT] = {"«" "\u00A0" "format" "\u00A0" "» vaut {F} au lieu de 1" "\u202F" ": le fichier est lu comme au format 1.",
                     "\"format\" is {F} instead of 1: the file is read as format 1."},
    [SETI_TYPE] = {"«" "\u00A0" "{K}" "\u00A0" "» vaut {F}, qui n'est pas du bon type" "\u202F" ": {D} utilisé à la place.",
                   "\"{K}\" is {F}, which has the wrong type: {D} used instead."},
    [SETI_RANGE] = {"«" "\u00A0" "{K}" "\u00A0" "» vaut {F}, hors des limites" "\u202F" ": {D} utilisé à la place.",
                    "\"{K}\" is {F}, out of bounds: {D} used instead."},
    [SETI_WORD] = {"«" "\u00A0" "{K}" "\u00A0" "» vaut {F}, valeur inconnue" "\u202F" ": «" "\u00A0" "{D}" "\u00A0" "» utilisé à la place.",
                   "\"{K}\" is {F}, an unknown value: \"{D}\" used instead."},
    [SETI_UNKNOWN_KEY] = {"«" "\u00A0" "{K}" "\u00A0" "» n'est pas un paramètre connu" "\u202F" ": ignoré.",
                          "\"{K}\" is not a known setting: ignored."},
};

char *settings_issue_format(const SettingsIssue *is, const char *file, Lang lang, char *buf, size_t n) {
    if (n == 0) return buf;
    size_t at = 0;
    int w = is->line ? snprintf(buf, n, "%s:%u:%u: ", file, (unsigned)is->line, (unsigned)is->col)
                     : snprintf(buf, n, "%s: ", file);
    if (w < 0) w = 0;
    at = (size_t)w < n ? (size_t)w : n - 1;
    const char *t = MESSAGES[(unsigned)is->kind < SETI_KIND_COUNT ? is->kind : SETI_SYNTAX][lang == LANG_EN];
    for (const char *p = t; *p && at + 1 < n; p++) {
        const char *sub = NULL;
        if (p[0] == '{' && p[1] && p[2] == '}') {
            sub = p[1] == 'K' ? is->key : p[1] == 'F' ? is->found : p[1] == 'D' ? is->def : NULL;
        }
        if (sub) {
            size_t k = strlen(sub);
            if (k > n - 1 - at) k = n - 1 - at;
            memcpy(buf + at, sub, k);
            at += k;
            p += 2;
        } else {
            buf[at++] = *p;
        }
    }
    buf[at] = '\0';
    return buf;
}
