/* save.c — saved games: JSON writing and strict reading, atomic files,
 * resume by replay with change detection; see save.h and docs/engine.md. */
#include "core/save.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/json_text.h"
#include "core/strbuf.h"

#define NB "\u202f"
#define LQ "«\u00a0"
#define RQ "\u00a0»"

/* ---- writing ----------------------------------------------------------------- */

char *save_to_json(const Session *s) {
    const Scenario *sc = session_scenario(s);
    StrBuf o = {0};
    char num[32], hash[17];
    strbuf_puts(&o, "{\n  \"enjeux_save\": ");
    snprintf(num, sizeof num, "%d", SAVE_FORMAT_VERSION);
    strbuf_puts(&o, num);
    strbuf_puts(&o, ",\n  \"scenario\": ");
    strbuf_json(&o, sc->id ? sc->id : "");
    strbuf_puts(&o, ",\n  \"scenario_version\": ");
    strbuf_json(&o, sc->version ? sc->version : "");
    scenario_hash_hex(sc, hash);
    strbuf_puts(&o, ",\n  \"content_hash\": ");
    strbuf_json(&o, hash);
    snprintf(num, sizeof num, "%llu", (unsigned long long)session_seed(s));
    strbuf_puts(&o, ",\n  \"seed\": ");
    strbuf_json(&o, num);
    strbuf_puts(&o, ",\n  \"lang\": ");
    strbuf_json(&o, lang_code(session_lang(s)));
    strbuf_puts(&o, ",\n  \"steps\": [");
    uint32_t n = session_step_count(s);
    for (uint32_t i = 0; i < n; i++) {
        const StepResult *st = session_step(s, i);
        const Scene *scene = &sc->scenes[st->scene];
        const Choice *c = &scene->choices[st->choice];
        strbuf_puts(&o, i ? ",\n    {\"scene\": " : "\n    {\"scene\": ");
        strbuf_json(&o, scene->id);
        strbuf_puts(&o, ", \"choice\": ");
        strbuf_json(&o, c->id);
        if (st->outcome >= 0) {
            strbuf_puts(&o, ", \"outcome\": ");
            strbuf_json(&o, c->outcomes[st->outcome].id);
        }
        strbuf_puts(&o, "}");
    }
    strbuf_puts(&o, n ? "\n  ]\n}\n" : "]\n}\n");
    return strbuf_take(&o);
}

bool save_write(const Session *s, const char *path, DiagList *dl) {
    char *json = save_to_json(s);
    int err = ENOMEM;
    bool ok = json && fsutil_write_atomic(path, json, strlen(json), &err);
    free(json);
    if (!ok) {
        const char *args[4] = {path, diag_errno_text(dl->lang, err), NULL, NULL};
        diag_add(dl, DIAG_IO, path, 0, 0, "", args);
    }
    return ok;
}

/* ---- reading ----------------------------------------------------------------- */

typedef struct Reader {
    const char *name;
    const char *text;
    size_t len;
    JsonText jt;
    DiagList *dl;
    bool failed;
} Reader;

/* Localised detail texts for DIAG_SAVE_DAMAGED. */
typedef enum Detail {
    D_EMPTY, D_NUL, D_TRUNCATED, D_SYNTAX, D_TRAILING, D_DEEP, D_HASH, D_SEED, D_LANG, D_COUNT
} Detail;

static const char *const DETAIL[D_COUNT][LANG_COUNT] = {
    [D_EMPTY] = {"le fichier est vide", "the file is empty"},
    [D_NUL] = {"le fichier contient des octets nuls", "the file contains NUL bytes"},
    [D_TRUNCATED] = {"le fichier s'arrête au milieu (tronqué)", "the file stops in the middle (truncated)"},
    [D_SYNTAX] = {"JSON non valide à cet endroit", "invalid JSON at this point"},
    [D_TRAILING] = {"du texte suit la fin de la sauvegarde", "text follows the end of the save"},
    [D_DEEP] = {"imbrication anormalement profonde", "abnormally deep nesting"},
    [D_HASH] = {LQ "content_hash" RQ " doit faire 16 chiffres hexadécimaux",
                "\"content_hash\" must be 16 hexadecimal digits"},
    [D_SEED] = {LQ "seed" RQ " doit être un entier de 0 à 18446744073709551615 écrit entre guillemets",
                "\"seed\" must be an integer from 0 to 18446744073709551615 written as a string"},
    [D_LANG] = {LQ "lang" RQ " doit valoir " LQ "fr" RQ " ou " LQ "en" RQ,
                "\"lang\" must be \"fr\" or \"en\""},
};

static void report_at(Reader *r, DiagCode code, size_t off, bool located, const char *pointer,
                      const char *a0, const char *a1) {
    uint32_t line = 0, col = 0;
    if (located) json_text_linecol(&r->jt, off, &line, &col);
    const char *args[4] = {a0, a1, NULL, NULL};
    diag_add(r->dl, code, r->name, line, col, pointer, args);
    r->failed = true;
}

static void damaged_at(Reader *r, Detail d, size_t off, bool located) {
    report_at(r, DIAG_SAVE_DAMAGED, off, located, "", DETAIL[d][r->dl->lang == LANG_EN], NULL);
}

/* Reports at the value of `pointer` (or its enclosing value when absent). */
static void report_path(Reader *r, DiagCode code, const char *pointer, bool key, const char *a0,
                        const char *a1) {
    size_t off = 0;
    json_text_locate(r->text, r->len, pointer, key, 0, &off);
    report_at(r, code, off, true, pointer, a0, a1);
}

static bool is_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > LIMIT_ID_BYTES || s[0] < 'a' || s[0] > 'z') return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    }
    return true;
}

/* The string member `key` of `obj` copied into the arena, or NULL after a
 * diagnostic. `id`: must be an identifier. */
static const char *get_string(Reader *r, Arena *a, const cJSON *obj, const char *base, const char *key,
                              bool required, bool id) {
    char pointer[96];
    snprintf(pointer, sizeof pointer, "%s/%s", base, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    bool fr = r->dl->lang != LANG_EN;
    if (!v) {
        if (required) report_path(r, DIAG_MISSING_FIELD, base, false, key, NULL);
        return NULL;
    }
    if (!cJSON_IsString(v) || !v->valuestring) {
        report_path(r, DIAG_WRONG_TYPE, pointer, false, key,
                    id ? (fr ? "un identifiant entre guillemets" : "an identifier in quotes")
                       : (fr ? "un texte entre guillemets" : "a string in quotes"));
        return NULL;
    }
    if (id && !is_id(v->valuestring)) {
        report_path(r, DIAG_BAD_ID, pointer, false, v->valuestring, NULL);
        return NULL;
    }
    const char *copy = arena_strdup(a, v->valuestring);
    if (!copy) r->failed = true;
    return copy;
}

static bool parse_seed(const char *s, uint64_t *out) {
    if (!*s || strlen(s) > 20) return false;
    uint64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        uint64_t d = (uint64_t)(*p - '0');
        if (v > (UINT64_MAX - d) / 10) return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

static void read_root(Reader *r, Save *sv, const cJSON *root) {
    Arena *a = &sv->arena;
    bool fr = r->dl->lang != LANG_EN;
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "enjeux_save");
    if (!cJSON_IsObject(root) || !fmt) {
        report_path(r, DIAG_SAVE_FOREIGN, "", false, NULL, NULL);
        return;
    }
    if (!cJSON_IsNumber(fmt) || fmt->valuedouble < -1e6 || fmt->valuedouble > 1e6 ||
        fmt->valuedouble != (double)(int)fmt->valuedouble) {
        report_path(r, DIAG_WRONG_TYPE, "/enjeux_save", false, "enjeux_save",
                    fr ? "un entier" : "an integer");
        return;
    }
    if ((int)fmt->valuedouble != SAVE_FORMAT_VERSION) {
        char got[16], want[16];
        snprintf(got, sizeof got, "%d", (int)fmt->valuedouble);
        snprintf(want, sizeof want, "%d", SAVE_FORMAT_VERSION);
        report_path(r, DIAG_SAVE_VERSION, "/enjeux_save", false, got, want);
        return;
    }
    sv->format = SAVE_FORMAT_VERSION;
    sv->scenario_id = get_string(r, a, root, "", "scenario", true, true);
    sv->scenario_version = get_string(r, a, root, "", "scenario_version", true, false);

    const char *hash = get_string(r, a, root, "", "content_hash", true, false);
    if (hash) {
        bool ok = strlen(hash) == 16;
        for (size_t i = 0; ok && i < 16; i++)
            ok = (hash[i] >= '0' && hash[i] <= '9') || (hash[i] >= 'a' && hash[i] <= 'f');
        if (ok)
            memcpy(sv->content_hash, hash, 17);
        else
            report_path(r, DIAG_SAVE_DAMAGED, "/content_hash", false, DETAIL[D_HASH][!fr], NULL);
    }
    const char *seed = get_string(r, a, root, "", "seed", true, false);
    if (seed && !parse_seed(seed, &sv->seed))
        report_path(r, DIAG_SAVE_DAMAGED, "/seed", false, DETAIL[D_SEED][!fr], NULL);
    const char *lang = get_string(r, a, root, "", "lang", true, false);
    if (lang && (strlen(lang) != 2 || !lang_parse(lang, &sv->lang)))
        report_path(r, DIAG_SAVE_DAMAGED, "/lang", false, DETAIL[D_LANG][!fr], NULL);

    const cJSON *steps = cJSON_GetObjectItemCaseSensitive(root, "steps");
    if (!steps) {
        report_path(r, DIAG_MISSING_FIELD, "", false, "steps", NULL);
        return;
    }
    if (!cJSON_IsArray(steps)) {
        report_path(r, DIAG_WRONG_TYPE, "/steps", false, "steps", fr ? "une liste" : "a list");
        return;
    }
    int n = cJSON_GetArraySize(steps);
    sv->steps = n ? arena_alloc(a, sizeof *sv->steps * (size_t)n) : NULL;
    if (n && !sv->steps) {
        r->failed = true;
        return;
    }
    int i = 0;
    for (const cJSON *st = steps->child; st; st = st->next, i++) {
        char base[32];
        snprintf(base, sizeof base, "/steps/%d", i);
        if (!cJSON_IsObject(st)) {
            report_path(r, DIAG_WRONG_TYPE, base, false, "steps",
                        fr ? "une liste d'objets {scene, choice}" : "a list of {scene, choice} objects");
            continue;
        }
        sv->steps[i].scene = get_string(r, a, st, base, "scene", true, true);
        sv->steps[i].choice = get_string(r, a, st, base, "choice", true, true);
        sv->steps[i].outcome = get_string(r, a, st, base, "outcome", false, true);
    }
    sv->n_steps = (uint32_t)n;
}

/* True when the text stops inside a string or an open object or array: a
 * cut file rather than a typing mistake. */
static bool ends_open(const char *s, size_t len) {
    long depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return in_string || depth > 0;
}

Save *save_parse(const char *name, const char *text, size_t len, DiagList *dl) {
    Reader r = {name, text, len, {0}, dl, false};
    json_text_init(&r.jt, text, len);
    Save *sv = calloc(1, sizeof *sv);
    if (!sv) {
        json_text_free(&r.jt);
        return NULL;
    }
    arena_init(&sv->arena);
    cJSON *root = NULL;
    size_t off = 0;
    size_t k = 0;
    while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r')) k++;
    if (k == len) {
        damaged_at(&r, D_EMPTY, 0, false);
    } else if ((off = json_text_find_nul(text, len)) < len) {
        damaged_at(&r, D_NUL, off, true);
    } else if (!json_text_check_utf8(text, len, &off)) {
        char hex[8];
        snprintf(hex, sizeof hex, "%02X", (unsigned char)text[off]);
        report_at(&r, DIAG_BAD_UTF8, off, true, "", hex, NULL);
    } else if (!json_text_check_depth(text, len, 16, &off)) {
        damaged_at(&r, D_DEEP, off, true);
    } else {
        const char *end = NULL;
        root = cJSON_ParseWithLengthOpts(text, len, &end, false);
        if (!root) {
            size_t at = end ? (size_t)(end - text) : len;
            if (at > len) at = len;
            size_t rest = at;
            while (rest < len && (text[rest] == ' ' || text[rest] == '\t' || text[rest] == '\n' || text[rest] == '\r'))
                rest++;
            if (rest >= len || ends_open(text, len))
                damaged_at(&r, D_TRUNCATED, len, true);
            else
                damaged_at(&r, D_SYNTAX, at, true);
        } else {
            size_t at = (size_t)(end - text);
            while (at < len && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) at++;
            if (at < len)
                damaged_at(&r, D_TRAILING, at, true);
            else
                read_root(&r, sv, root);
        }
    }
    cJSON_Delete(root);
    json_text_free(&r.jt);
    if (r.failed) {
        save_free(sv);
        return NULL;
    }
    return sv;
}

Save *save_load(const char *path, DiagList *dl) {
    char *text = NULL;
    size_t len = 0;
    if (!diag_read_file(dl, path, SAVE_MAX_BYTES, &text, &len)) return NULL;
    Save *sv = save_parse(path, text, len, dl);
    free(text);
    return sv;
}

void save_free(Save *sv) {
    if (!sv) return;
    arena_release(&sv->arena);
    free(sv);
}

/* ---- resuming ---------------------------------------------------------------- */

static const char *place_id(const Session *s) {
    const Ending *e = session_ending(s);
    return e ? e->id : session_scene(s)->id;
}

Session *save_resume(const Save *sv, const Scenario *sc, const Framework *fw, ResumeReport *rep) {
    memset(rep, 0, sizeof *rep);
    rep->steps_saved = sv->n_steps;
    rep->saved_scenario = sv->scenario_id;
    if (!sv->scenario_id || !sc->id || strcmp(sv->scenario_id, sc->id) != 0) {
        rep->status = RESUME_FOREIGN;
        return NULL;
    }
    Session *s = session_create(sc, fw, sv->seed, sv->lang);
    if (!s) {
        rep->status = RESUME_NO_MEMORY;
        return NULL;
    }
    for (uint32_t i = 0; i < sv->n_steps; i++) {
        const SaveStep *step = &sv->steps[i];
        rep->scene = step->scene;
        rep->choice = step->choice;
        int32_t si = scenario_find_scene(sc, step->scene);
        if (si < 0) {
            rep->problem = RESUME_SCENE_GONE;
            rep->reached = place_id(s);
            break;
        }
        if (session_is_over(s) || session_scene_index(s) != (uint32_t)si) {
            rep->problem = RESUME_SCENE_NOT_REACHED;
            rep->reached = place_id(s);
            break;
        }
        int32_t ci = scenario_find_choice(sc, (uint32_t)si, step->choice);
        if (ci < 0) {
            rep->problem = RESUME_CHOICE_GONE;
            break;
        }
        const StepResult *st = session_choose(s, (uint16_t)ci);
        if (!st) {
            rep->problem = RESUME_CHOICE_UNAVAILABLE;
            break;
        }
        const Choice *c = &sc->scenes[si].choices[ci];
        const char *drawn = st->outcome >= 0 ? c->outcomes[st->outcome].id : NULL;
        bool same = drawn && step->outcome ? strcmp(drawn, step->outcome) == 0 : drawn == step->outcome;
        if (!same) {
            session_undo(s);
            rep->problem = RESUME_OUTCOME_CHANGED;
            break;
        }
        rep->steps_kept++;
    }
    if (rep->problem != RESUME_OK) {
        rep->status = RESUME_DIVERGED;
        return s;
    }
    rep->scene = rep->choice = NULL;
    char hash[17];
    scenario_hash_hex(sc, hash);
    rep->status = strcmp(hash, sv->content_hash) == 0 ? RESUME_SAME : RESUME_CHANGED;
    return s;
}

char *save_describe_resume(const ResumeReport *rep, Lang lang, char *buf, size_t size) {
    bool en = lang == LANG_EN;
    const char *scene = rep->scene ? rep->scene : "";
    const char *choice = rep->choice ? rep->choice : "";
    const char *reached = rep->reached ? rep->reached : "";
    unsigned kept = rep->steps_kept, saved = rep->steps_saved, failing = rep->steps_kept + 1;
    switch (rep->status) {
    case RESUME_SAME:
        snprintf(buf, size, en ? "Game resumed after %u steps." : "Partie reprise après %u étapes.", saved);
        return buf;
    case RESUME_CHANGED:
        snprintf(buf, size,
                 en ? "The scenario has changed since this save, but all %u saved steps still hold: the game resumes."
                    : "Le scénario a changé depuis cette sauvegarde, mais les %u étapes enregistrées tiennent toujours"
                      NB ": la partie reprend.",
                 saved);
        return buf;
    case RESUME_FOREIGN:
        snprintf(buf, size,
                 en ? "This save belongs to another scenario (\"%s\")."
                    : "Cette sauvegarde appartient à un autre scénario (" LQ "%s" RQ ").",
                 rep->saved_scenario ? rep->saved_scenario : "");
        return buf;
    case RESUME_NO_MEMORY:
        snprintf(buf, size, en ? "Out of memory while resuming." : "Mémoire insuffisante pour reprendre la partie.");
        return buf;
    case RESUME_DIVERGED:
        break;
    }
    char why[512];
    switch (rep->problem) {
    case RESUME_SCENE_GONE:
        snprintf(why, sizeof why, en ? "the scene \"%s\" no longer exists" : "la scène " LQ "%s" RQ " n'existe plus", scene);
        break;
    case RESUME_SCENE_NOT_REACHED:
        snprintf(why, sizeof why,
                 en ? "the scene \"%s\" is no longer reached (the game now arrives at \"%s\")"
                    : "la scène " LQ "%s" RQ " n'est plus atteinte (le jeu arrive maintenant à " LQ "%s" RQ ")",
                 scene, reached);
        break;
    case RESUME_CHOICE_GONE:
        snprintf(why, sizeof why,
                 en ? "the choice \"%s\" no longer exists in the scene \"%s\""
                    : "le choix " LQ "%s" RQ " n'existe plus dans la scène " LQ "%s" RQ,
                 choice, scene);
        break;
    case RESUME_CHOICE_UNAVAILABLE:
        snprintf(why, sizeof why,
                 en ? "the choice \"%s\" of the scene \"%s\" is no longer available"
                    : "le choix " LQ "%s" RQ " de la scène " LQ "%s" RQ " n'est plus disponible",
                 choice, scene);
        break;
    case RESUME_OUTCOME_CHANGED:
        snprintf(why, sizeof why,
                 en ? "chance no longer gives the same outcome for the choice \"%s\" of the scene \"%s\""
                    : "le hasard ne donne plus le même résultat pour le choix " LQ "%s" RQ " de la scène " LQ "%s" RQ,
                 choice, scene);
        break;
    case RESUME_OK:
        why[0] = '\0';
        break;
    }
    snprintf(buf, size,
             en ? "The scenario has changed since this save: step %u of %u no longer holds (%s). "
                  "You can resume after step %u, or restart."
                : "Le scénario a changé depuis cette sauvegarde" NB ": l'étape %u sur %u ne tient plus (%s). "
                  "Vous pouvez reprendre après l'étape %u, ou recommencer.",
             failing, saved, why, kept);
    return buf;
}
