/* test_reader_limits.c — the limits of every reader of the files the game
 * reads other than scenarios (those are in tests/loader/test_limits.c), as
 * docs/limits.md lists them: for each, a file exactly at the limit is read
 * in full, and one a step past it is refused with its message (the file
 * named, never a crash, never a silent cut).
 *
 *   test_reader_limits WORK_DIR      (run from the repository root) */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/engine.h"
#include "core/framework.h"
#include "core/imginfo.h"
#include "core/fsutil.h"
#include "core/po.h"
#include "core/profile.h"
#include "core/progress.h"
#include "core/record.h"
#include "core/report.h"
#include "core/results.h"
#include "core/save.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/workshop.h"
#include "engine/check.h"

static const char *work;

/* work/name, in a static buffer (one at a time). */
static const char *at(const char *name) {
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", work, name);
    return buf[k];
}

/* Writes `head`, then `fill` repeated, then `tail`, `total` bytes in all
 * (head and tail must fit). */
static void write_sized(const char *path, const char *head, char fill, const char *tail, size_t total) {
    size_t h = strlen(head), t = strlen(tail);
    if (h + t > total) abort();
    char *buf = malloc(total ? total : 1);
    if (!buf) abort();
    memcpy(buf, head, h);
    memset(buf + h, fill, total - h - t);
    memcpy(buf + total - t, tail, t);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, total, f) != total || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
    free(buf);
}

static void write_text(const char *path, const char *text) {
    write_sized(path, text, ' ', "", strlen(text));
}

/* `n` nested arrays: "[[[…]]]". Newly malloc'd. */
static char *nested(int n) {
    char *s = malloc((size_t)n * 2 + 1);
    if (!s) abort();
    for (int i = 0; i < n; i++) {
        s[i] = '[';
        s[2 * n - 1 - i] = ']';
    }
    s[2 * n] = '\0';
    return s;
}

static bool has_diag(const DiagList *dl, DiagCode code, const char *file) {
    for (size_t i = 0; i < dl->count; i++)
        if (dl->items[i].code == code && (!file || strcmp(dl->items[i].file, file) == 0)) return true;
    return false;
}

/* ---- a finished play of the kitchen-sink fixture, for records and results --- */

static Scenario *g_sc;
static Framework *g_fw;
static Session *g_play;

static void make_play(void) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    g_sc = scenario_load_auto("tests/fixtures/valid/kitchen-sink/scenario.json", &g_fw, &dl);
    diag_list_free(&dl);
    if (!g_sc) {
        fprintf(stderr, "the kitchen-sink fixture does not load\n");
        exit(1);
    }
    g_play = session_create(g_sc, g_fw, 7, LANG_FR);
    while (g_play && !session_is_over(g_play)) {
        ChoiceView v[LIMIT_CHOICES];
        uint16_t n = session_choices(g_play, v), i = 0;
        while (i < n && !v[i].available) i++;
        if (i == n || !session_choose(g_play, v[i].index)) abort();
    }
}

static const PlayMeta *meta(void) {
    static const PlayMeta m = {"0123456789abcdef0123456789abcdef", "Limites", NULL, 1795132800000LL,
                               1795133700000LL, NULL, NULL, 0, NULL};
    return &m;
}

/* `json` (an object, ending in '}' and a line break) padded with spaces
 * before its closing brace to `total` bytes. */
static void write_object_sized(const char *path, const char *json, size_t total) {
    size_t n = strlen(json);
    while (n && json[n - 1] != '}') n--;
    char *head = malloc(n);
    if (!head || n == 0) abort();
    memcpy(head, json, n - 1);
    head[n - 1] = '\0';
    write_sized(path, head, ' ', "}\n", total);
    free(head);
}

/* ---- the readers ------------------------------------------------------------- */

static void test_save(void) {
    char *json = save_to_json(g_play);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    write_object_sized(at("save-at.json"), json, SAVE_MAX_BYTES);
    Save *sv = save_load(at("save-at.json"), &dl);
    CHECK_MSG(sv && sv->n_steps == session_step_count(g_play), "save of exactly %d bytes refused", SAVE_MAX_BYTES);
    save_free(sv);
    write_object_sized(at("save-past.json"), json, SAVE_MAX_BYTES + 1u);
    sv = save_load(at("save-past.json"), &dl);
    CHECK_MSG(!sv && has_diag(&dl, DIAG_FILE_TOO_LARGE, at("save-past.json")), "save one byte too large not refused");
    save_free(sv);
    diag_list_free(&dl);

    /* Nesting: 16 levels (the save's own object included). */
    for (int depth = 16; depth <= 17; depth++) {
        char *deep = nested(depth - 1), *text = malloc(strlen(json) + strlen(deep) + 16);
        size_t n = strlen(json);
        while (json[n - 1] != '}') n--;
        sprintf(text, "%.*s, \"x\": %s}", (int)(n - 1), json, deep);
        diag_list_init(&dl, LANG_EN);
        sv = save_parse("deep.json", text, strlen(text), &dl);
        if (depth == 16) CHECK_MSG(sv != NULL, "save nested 16 deep refused");
        else CHECK_MSG(!sv && dl.count == 1 && dl.items[0].line > 0 && dl.items[0].col > 0,
                   "save nested 17 deep not refused at a line and column");
        save_free(sv);
        diag_list_free(&dl);
        free(deep);
        free(text);
    }
    /* The scenario id: 64 characters; the seed: at most 2^64 - 1. */
    static const struct {
        const char *field, *value;
        bool ok;
    } cases[] = {
        {"scenario", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true},
        {"scenario", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
        {"seed", "18446744073709551615", true},
        {"seed", "18446744073709551616", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "{\"enjeux_save\": 1, \"scenario\": \"%s\", \"scenario_version\": \"1.0.0\", "
                 "\"content_hash\": \"0123456789abcdef\", \"seed\": \"%s\", \"lang\": \"fr\", \"steps\": []}",
                 strcmp(cases[i].field, "scenario") == 0 ? cases[i].value : "test",
                 strcmp(cases[i].field, "seed") == 0 ? cases[i].value : "1");
        diag_list_init(&dl, LANG_EN);
        sv = save_parse("limit.json", text, strlen(text), &dl);
        if (cases[i].ok) CHECK_MSG(sv != NULL, "save with %s of %zu characters refused", cases[i].field, strlen(cases[i].value));
        else CHECK_MSG(!sv && dl.count == 1 && dl.items[0].line == 1 && dl.items[0].col > 1,
                   "save with %s '%s' not refused at its column", cases[i].field, cases[i].value);
        save_free(sv);
        diag_list_free(&dl);
    }
    free(json);
}

static void test_record(void) {
    char *head = record_header_line(g_play, meta()), err[512];
    write_sized(at("record-at.jsonl"), head, ' ', "\n", RECORD_MAX_BYTES);
    Record *r = record_load(at("record-at.jsonl"), err, sizeof err);
    CHECK_MSG(r && r->damaged == 0, "record of exactly %d bytes refused: %s", RECORD_MAX_BYTES, r ? "" : err);
    record_free(r);
    write_sized(at("record-past.jsonl"), head, ' ', "\n", RECORD_MAX_BYTES + 1u);
    r = record_load(at("record-past.jsonl"), err, sizeof err);
    CHECK_MSG(!r && strstr(err, at("record-past.jsonl")) && strstr(err, "more than"), "record one byte too large: %s", err);
    record_free(r);
    free(head);
}

/* Results files: read by the report (one file at a time) and by the
 * progress rebuild (a profile's results/ folder); both with
 * RESULTS_MAX_BYTES. */
static void test_results(void) {
    char *json = results_to_json(g_play, g_fw, meta());
    for (int past = 0; past <= 1; past++) {
        const char *name = past ? "results-past.json" : "results-at.json";
        write_object_sized(at(name), json, RESULTS_MAX_BYTES + (size_t)past);
        Report *rep = report_create(LANG_EN);
        ReportAdd add = report_add_file(rep, at(name));
        if (!past) CHECK_MSG(add == REPORT_ADDED && rep->diags.count == 0, "results file at the limit not read by the report");
        else CHECK_MSG(add == REPORT_BAD && has_diag(&rep->diags, DIAG_FILE_TOO_LARGE, at(name)),
                   "results file past the limit not refused by the report");
        report_destroy(rep);

        char dir[1024];
        snprintf(dir, sizeof dir, "%s/profile-%s/", work, past ? "past" : "at");
        char sub[1100];
        snprintf(sub, sizeof sub, "%sresults", dir);
        int e;
        fsutil_remove_tree(dir, &e);
        CHECK_MSG(fsutil_mkdirs(sub, &e), "mkdir %s", sub);
        snprintf(sub, sizeof sub, "%sresults/0123456789abcdef0123456789abcdef.json", dir);
        write_object_sized(sub, json, RESULTS_MAX_BYTES + (size_t)past);
        Progress *p = progress_create();
        int left_out = -1, counted = progress_rebuild(p, dir, &left_out);
        CHECK_MSG(counted == (past ? 0 : 1) && left_out == (past ? 1 : 0),
                  "progress rebuild counted %d results files %s the limit, left out %d", counted, past ? "past" : "at",
                  left_out);
        progress_free(p);
    }
    /* The debrief data written by `enjeux report` (report-data.json), read
     * back by the window's debrief mode: 64 MiB. */
    {
        Report *rep = report_create(LANG_EN);
        report_add_buffer(rep, "r.json", json, strlen(json));
        report_finish(rep, NULL);
        char *data = report_json(rep);
        report_destroy(rep);
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        write_object_sized(at("report-data-at.json"), data, 64u << 20);
        rep = report_data_load(at("report-data-at.json"), LANG_EN, &dl);
        CHECK_MSG(rep && dl.errors == 0, "report-data.json of exactly 64 MiB refused");
        report_destroy(rep);
        write_object_sized(at("report-data-past.json"), data, (64u << 20) + 1u);
        rep = report_data_load(at("report-data-past.json"), LANG_EN, &dl);
        CHECK_MSG(!rep && has_diag(&dl, DIAG_FILE_TOO_LARGE, at("report-data-past.json")),
                  "report-data.json one byte past 64 MiB not refused");
        report_destroy(rep);
        /* Its lists: 65,535 workshop codes at most (a 16-bit count). */
        for (int past = 0; past <= 1; past++) {
            unsigned n = 65535u + (unsigned)past;
            const char *w = strstr(data, "\"workshops\":[");
            const char *end = w ? strchr(w, ']') : NULL;
            if (!end) abort();
            size_t head = (size_t)(w - data) + strlen("\"workshops\":["), cap = strlen(data) + (size_t)n * 10 + 16;
            char *text = malloc(cap);
            if (!text) abort();
            memcpy(text, data, head);
            size_t k = head;
            for (unsigned i = 0; i < n; i++) k += (size_t)snprintf(text + k, cap - k, "%s\"W%u\"", i ? "," : "", i);
            snprintf(text + k, cap - k, "%s", end);
            FILE *f = fopen(at("report-data-ws.json"), "wb");
            if (!f || fwrite(text, 1, strlen(text), f) != strlen(text) || fclose(f) != 0) abort();
            free(text);
            diag_list_free(&dl);
            diag_list_init(&dl, LANG_EN);
            rep = report_data_load(at("report-data-ws.json"), LANG_EN, &dl);
            if (!past)
                CHECK_MSG(rep && dl.errors == 0 && rep->n_workshops == 65535, "report-data with 65,535 workshop codes refused");
            else
                CHECK_MSG(!rep && has_diag(&dl, DIAG_LIMIT, at("report-data-ws.json")),
                          "report-data with 65,536 workshop codes not refused");
            report_destroy(rep);
        }
        diag_list_free(&dl);
        free(data);
    }
    /* One string, as the report reads it: LIMIT_STRING_BYTES (the workshop code here). */
    for (int past = 0; past <= 1; past++) {
        size_t n = LIMIT_STRING_BYTES + (size_t)past;
        const char *w = strstr(json, "\"workshop\":");
        const char *null = w ? strstr(w, "null") : NULL;
        char *text = malloc(strlen(json) + n + 3);
        if (!text || !null) abort();
        size_t k = (size_t)(null - json);
        memcpy(text, json, k);
        text[k] = '"';
        memset(text + k + 1, 'w', n);
        text[k + 1 + n] = '"';
        strcpy(text + k + 2 + n, null + 4);
        Report *rep = report_create(LANG_EN);
        ReportAdd add = report_add_buffer(rep, "long.json", text, strlen(text));
        if (!past) CHECK_MSG(add == REPORT_ADDED, "results with a string of %d bytes refused by the report", LIMIT_STRING_BYTES);
        else CHECK_MSG(add == REPORT_BAD && has_diag(&rep->diags, DIAG_STRING_TOO_LONG, "long.json"),
                   "results with a string of %d bytes not refused by the report", LIMIT_STRING_BYTES + 1);
        report_destroy(rep);
        free(text);
    }
    /* Nesting, as the report reads it: 64 levels, the file's object included. */
    for (int depth = 64; depth <= 65; depth++) {
        char *deep = nested(depth - 1), *text = malloc(strlen(json) + strlen(deep) + 16);
        size_t n = strlen(json);
        while (json[n - 1] != '}') n--;
        sprintf(text, "%.*s, \"x\": %s}", (int)(n - 1), json, deep);
        Report *rep = report_create(LANG_EN);
        ReportAdd add = report_add_buffer(rep, "deep.json", text, strlen(text));
        if (depth == 64) CHECK_MSG(add == REPORT_ADDED, "results nested 64 deep refused by the report");
        else CHECK_MSG(add == REPORT_BAD && has_diag(&rep->diags, DIAG_TOO_DEEP, "deep.json"),
                   "results nested 65 deep not refused by the report");
        report_destroy(rep);
        free(deep);
        free(text);
    }
    free(json);
}

static void test_progress(void) {
    static const char *const doc = "{\"format\": 1, \"competencies\": {}}\n";
    for (int past = 0; past <= 1; past++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/progress-%s/", work, past ? "past" : "at");
        int e;
        fsutil_remove_tree(dir, &e);
        fsutil_mkdirs(dir, &e);
        char path[1100];
        snprintf(path, sizeof path, "%sprogress.json", dir);
        write_object_sized(path, doc, PROGRESS_MAX_BYTES + (size_t)past);
        ProgressLoadReport rep;
        Progress *p = progress_load(dir, &rep);
        if (!past) CHECK_MSG(p && rep.status == PROGRESS_LOADED, "progress.json at the limit not loaded");
        else CHECK_MSG(p && rep.status == PROGRESS_RECOVERED && strstr(rep.backup, "progress.json.damaged"),
                   "progress.json past the limit not moved aside and rebuilt (backup '%s')", rep.backup);
        progress_free(p);
    }
}

static void test_profiles(void) {
    int e;
    /* Size. */
    for (int past = 0; past <= 1; past++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/user-size-%s/", work, past ? "past" : "at");
        fsutil_remove_tree(dir, &e);
        fsutil_mkdirs(dir, &e);
        char path[1100];
        snprintf(path, sizeof path, "%sprofiles.json", dir);
        write_object_sized(path, "{\"format\": 1, \"last\": \"\", \"profiles\": [{\"id\": \"0000abcd\", \"pseudonym\": "
                                 "\"Lou\", \"created\": \"2026-11-22T05:00:00Z\"}]}\n",
                           PROFILES_MAX_BYTES + (size_t)past);
        ProfileList pl;
        ProfileLoadReport rep;
        memset(&pl, 0, sizeof pl);
        profiles_load(&pl, dir, &rep);
        if (!past) CHECK_MSG(rep.status == PROFILES_LOADED && pl.n == 1, "profiles.json at the limit not loaded");
        else CHECK_MSG(rep.status == PROFILES_RECOVERED && strstr(rep.backup, "profiles.json.damaged"),
                   "profiles.json past the limit not moved aside");
    }
    /* Count: PROFILE_MAX entries; those past it are left out and counted. */
    for (int past = 0; past <= 1; past++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/user-count-%s/", work, past ? "past" : "at");
        fsutil_remove_tree(dir, &e);
        fsutil_mkdirs(dir, &e);
        int n = PROFILE_MAX + past;
        size_t cap = 128 + (size_t)n * 100;
        char *doc = malloc(cap);
        size_t len = (size_t)snprintf(doc, cap, "{\"format\": 1, \"profiles\": [");
        for (int i = 0; i < n; i++)
            len += (size_t)snprintf(doc + len, cap - len, "%s{\"id\": \"%08x\", \"pseudonym\": \"Joueur %d\"}", i ? ", " : "",
                                    (unsigned)i, i);
        snprintf(doc + len, cap - len, "]}\n");
        char path[1100];
        snprintf(path, sizeof path, "%sprofiles.json", dir);
        write_text(path, doc);
        free(doc);
        ProfileList pl;
        ProfileLoadReport rep;
        memset(&pl, 0, sizeof pl);
        profiles_load(&pl, dir, &rep);
        CHECK_MSG(pl.n == PROFILE_MAX && rep.over_limit == past, "%d profiles: %d loaded, %d reported over the limit", n, pl.n,
                  rep.over_limit);
    }
    /* A pseudonym, as read: PROFILE_PSEUDO_BYTES - 1 bytes. */
    for (int past = 0; past <= 1; past++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/user-pseudo-%s/", work, past ? "past" : "at");
        fsutil_remove_tree(dir, &e);
        fsutil_mkdirs(dir, &e);
        char name[PROFILE_PSEUDO_BYTES + 1];
        memset(name, 'a', sizeof name);
        name[PROFILE_PSEUDO_BYTES - 1 + past] = '\0';
        char doc[512], path[1100];
        snprintf(doc, sizeof doc, "{\"format\": 1, \"profiles\": [{\"id\": \"0000abcd\", \"pseudonym\": \"%s\"}]}\n", name);
        snprintf(path, sizeof path, "%sprofiles.json", dir);
        write_text(path, doc);
        ProfileList pl;
        ProfileLoadReport rep;
        memset(&pl, 0, sizeof pl);
        profiles_load(&pl, dir, &rep);
        if (!past) CHECK_MSG(pl.n == 1 && strcmp(pl.items[0].pseudonym, name) == 0, "pseudonym of %d bytes not read",
                         PROFILE_PSEUDO_BYTES - 1);
        else CHECK_MSG(pl.n == 0 || strcmp(pl.items[0].pseudonym, name) != 0, "pseudonym of %d bytes read as is",
                   PROFILE_PSEUDO_BYTES);
    }
}

static void test_settings(void) {
    Settings s;
    SettingsReport rep;
    write_object_sized(at("settings-at.json"), "{\"format\": 1}\n", SETTINGS_MAX_BYTES);
    CHECK_MSG(settings_load(&s, at("settings-at.json"), &rep) && rep.n == 0, "settings.json at the limit not read");
    write_object_sized(at("settings-past.json"), "{\"format\": 1}\n", SETTINGS_MAX_BYTES + 1u);
    CHECK_MSG(!settings_load(&s, at("settings-past.json"), &rep) && rep.n == 1 && rep.issues[0].kind == SETI_UNREADABLE,
              "settings.json past the limit not reported unreadable");
    for (int depth = SETTINGS_MAX_DEPTH; depth <= SETTINGS_MAX_DEPTH + 1; depth++) {
        char *deep = nested(depth - 1), text[256];
        snprintf(text, sizeof text, "{\"format\": 1, \"x\": %s}", deep);
        settings_parse(&s, text, strlen(text), &rep);
        /* At the limit the file parses (only "x" is unknown); past it the
         * file is not read, at a line and column. */
        if (depth == SETTINGS_MAX_DEPTH) CHECK_MSG(rep.n == 1 && rep.issues[0].kind == SETI_UNKNOWN_KEY, "settings nested %d deep", depth);
        else CHECK_MSG(rep.n == 1 && rep.issues[0].kind == SETI_SYNTAX && rep.issues[0].line == 1 && rep.issues[0].col > 1,
                   "settings nested %d deep not refused at a column", depth);
        free(deep);
    }
    for (int past = 0; past <= 1; past++) {
        char text[1024];
        size_t n = (size_t)snprintf(text, sizeof text, "{\"format\": 1");
        for (int i = 0; i < SETTINGS_MAX_ISSUES + past; i++) n += (size_t)snprintf(text + n, sizeof text - n, ", \"x%d\": 1", i);
        snprintf(text + n, sizeof text - n, "}");
        settings_parse(&s, text, strlen(text), &rep);
        CHECK_MSG(rep.n == SETTINGS_MAX_ISSUES && rep.dropped == past, "%d problems in settings.json: %d kept, %d counted",
                  SETTINGS_MAX_ISSUES + past, rep.n, rep.dropped);
    }
}

static void test_workshop(void) {
    Workshop w;
    char err[512];
    write_object_sized(at("workshop-at.json"), "{\"format\": 1, \"code\": \"N2-lyon\"}\n", WORKSHOP_MAX_BYTES);
    CHECK_MSG(workshop_load(at("workshop-at.json"), &w, err, sizeof err), "workshop.json at the limit: %s", err);
    write_object_sized(at("workshop-past.json"), "{\"format\": 1, \"code\": \"N2-lyon\"}\n", WORKSHOP_MAX_BYTES + 1u);
    CHECK_MSG(!workshop_load(at("workshop-past.json"), &w, err, sizeof err) && strstr(err, at("workshop-past.json")) &&
                  strstr(err, "more than"),
              "workshop.json past the limit: %s", err);
    /* The code: WORKSHOP_CODE_LEN characters (kept upper case); the texts: WORKSHOP_TEXT_MAX - 1 bytes. */
    for (int past = 0; past <= 1; past++) {
        char code[WORKSHOP_CODE_MAX + 1], upper[WORKSHOP_CODE_MAX + 1], text[2 * WORKSHOP_TEXT_MAX];
        memset(code, 'a', sizeof code);
        memset(upper, 'A', sizeof upper);
        code[WORKSHOP_CODE_LEN + past] = '\0';
        upper[WORKSHOP_CODE_LEN + past] = '\0';
        snprintf(text, sizeof text, "{\"format\": 1, \"code\": \"%s\"}", code);
        bool ok = workshop_parse("w.json", text, strlen(text), &w, err, sizeof err);
        if (!past) CHECK_MSG(ok && strcmp(w.code, upper) == 0, "workshop code of %d characters: %s", WORKSHOP_CODE_LEN, err);
        else CHECK_MSG(!ok && strstr(err, "w.json:1:"), "workshop code of %d characters: %s", WORKSHOP_CODE_LEN + 1, ok ? "read" : err);
        char name[WORKSHOP_TEXT_MAX + 1];
        memset(name, 'n', sizeof name);
        name[WORKSHOP_TEXT_MAX - 1 + past] = '\0';
        char *doc = malloc(WORKSHOP_TEXT_MAX * 2 + 128);
        sprintf(doc, "{\"format\": 1, \"issuer\": {\"id\": \"https://x.invalid/\", \"name\": \"%s\"}}", name);
        ok = workshop_parse("w.json", doc, strlen(doc), &w, err, sizeof err);
        if (!past) CHECK_MSG(ok && strcmp(w.issuer_name, name) == 0, "issuer name of %d bytes: %s", WORKSHOP_TEXT_MAX - 1, err);
        else CHECK_MSG(!ok && strstr(err, "w.json:1:") && strstr(err, "longer than"), "issuer name of %d bytes: %s",
                   WORKSHOP_TEXT_MAX, ok ? "read" : err);
        free(doc);
    }
}

static void test_po(void) {
    static const char *const head = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                    "msgctxt \"a.key\"\nmsgid \"une valeur\"\nmsgstr \"a value\"\n\n#";
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    write_sized(at("at.po"), head, ' ', "\n", PO_MAX_BYTES);
    PoCatalog *cat = po_load(at("at.po"), &dl);
    CHECK_MSG(cat && po_find(cat, "a.key") && dl.errors == 0, "catalogue of exactly %d bytes refused", PO_MAX_BYTES);
    po_free(cat);
    write_sized(at("past.po"), head, ' ', "\n", PO_MAX_BYTES + 1u);
    cat = po_load(at("past.po"), &dl);
    CHECK_MSG(!cat && has_diag(&dl, DIAG_FILE_TOO_LARGE, at("past.po")), "catalogue one byte too large not refused");
    po_free(cat);
    diag_list_free(&dl);
}

/* A framework with `items` competencies, `domains` domains and `aligns`
 * alignments on the first competency. Newly malloc'd. */
static char *framework_text(int items, int domains, int aligns) {
    size_t cap = 4096 + (size_t)items * 200 + (size_t)domains * 80 + (size_t)aligns * 60;
    char *s = malloc(cap);
    size_t n = (size_t)snprintf(s, cap,
                                "{\"format\": 1, \"id\": \"limites\", \"version\": \"1.0.0\", \"title\": {\"fr\": \"L\"},\n"
                                "\"levels\": [{\"level\": 1, \"name\": {\"fr\": \"Un\"}}, {\"level\": 2, \"name\": {\"fr\": \"Deux\"}},"
                                " {\"level\": 3, \"name\": {\"fr\": \"Trois\"}}],\n"
                                "\"thresholds\": {\"acquired\": 80, \"in_progress\": 50},\n\"domains\": [");
    for (int i = 0; i < domains; i++)
        n += (size_t)snprintf(s + n, cap - n, "%s{\"id\": \"d%d\", \"name\": {\"fr\": \"D\"}}", i ? ", " : "", i);
    n += (size_t)snprintf(s + n, cap - n, "],\n\"competencies\": [");
    for (int i = 0; i < items; i++) {
        n += (size_t)snprintf(s + n, cap - n,
                              "%s{\"id\": \"c%d\", \"level\": 1, \"domain\": \"d0\", \"name\": {\"fr\": \"C\"}, "
                              "\"description\": {\"fr\": \"C\"}",
                              i ? ",\n" : "", i);
        if (i == 0 && aligns) {
            n += (size_t)snprintf(s + n, cap - n, ", \"alignments\": [");
            for (int a = 0; a < aligns; a++)
                n += (size_t)snprintf(s + n, cap - n, "%s{\"framework\": \"F\", \"code\": \"%d\"}", a ? ", " : "", a);
            n += (size_t)snprintf(s + n, cap - n, "]");
        }
        n += (size_t)snprintf(s + n, cap - n, "}");
    }
    snprintf(s + n, cap - n, "]}\n");
    return s;
}

static void framework_case(const char *what, char *text, bool want_ok) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Framework *fw = framework_load_buffer("fw.json", text, strlen(text), &dl);
    if (want_ok) CHECK_MSG(fw && dl.errors == 0, "framework %s refused", what);
    else CHECK_MSG(!fw && has_diag(&dl, DIAG_LIMIT, "fw.json") && dl.items[0].line > 0, "framework %s not refused with limit-exceeded",
               what);
    framework_free(fw);
    diag_list_free(&dl);
    free(text);
}

static void test_framework(void) {
    framework_case("with 1,024 competencies", framework_text(1024, 1, 0), true);
    framework_case("with 1,025 competencies", framework_text(1025, 1, 0), false);
    framework_case("with 64 domains", framework_text(1, 64, 0), true);
    framework_case("with 65 domains", framework_text(1, 65, 0), false);
    framework_case("with 32 alignments", framework_text(1, 1, 32), true);
    framework_case("with 33 alignments", framework_text(1, 1, 33), false);
    /* Nesting 64 and one string 16 KiB, as for scenarios (the same reader). */
    for (int past = 0; past <= 1; past++) {
        char *base = framework_text(1, 1, 0), *deep = nested(LIMIT_DEPTH - 1 + past);
        size_t n = strlen(base);
        char *text = malloc(n + strlen(deep) + LIMIT_STRING_BYTES + 64);
        while (base[n - 1] != '}') n--;
        sprintf(text, "%.*s, \"$comment\": %s}", (int)(n - 1), base, deep);
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        Framework *fw = framework_load_buffer("fw.json", text, strlen(text), &dl);
        if (!past) CHECK_MSG(fw || !has_diag(&dl, DIAG_TOO_DEEP, NULL), "framework nested %d deep refused for its depth", LIMIT_DEPTH);
        else CHECK_MSG(!fw && has_diag(&dl, DIAG_TOO_DEEP, "fw.json"), "framework nested %d deep not refused", LIMIT_DEPTH + 1);
        framework_free(fw);
        diag_list_free(&dl);
        char *t = strstr(base, "\"title\": {\"fr\": \"L\"}");
        if (!t) abort();
        int k = (int)(t - base);
        sprintf(text, "%.*s\"title\": {\"fr\": \"%0*d\"}%s", k, base, LIMIT_STRING_BYTES + past, 0,
                t + strlen("\"title\": {\"fr\": \"L\"}"));
        diag_list_init(&dl, LANG_EN);
        fw = framework_load_buffer("fw.json", text, strlen(text), &dl);
        if (!past) CHECK_MSG(fw && dl.errors == 0, "framework with a string of %d bytes refused", LIMIT_STRING_BYTES);
        else CHECK_MSG(!fw && has_diag(&dl, DIAG_STRING_TOO_LONG, "fw.json"), "framework with a string of %d bytes not refused",
                   LIMIT_STRING_BYTES + 1);
        framework_free(fw);
        diag_list_free(&dl);
        free(text);
        free(deep);
        free(base);
    }
    char *text = framework_text(1, 1, 0);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    write_object_sized(at("fw-at.json"), text, LIMIT_FILE_BYTES);
    Framework *fw = framework_load(at("fw-at.json"), &dl);
    CHECK_MSG(fw && dl.errors == 0, "framework of exactly %d bytes refused", LIMIT_FILE_BYTES);
    framework_free(fw);
    write_object_sized(at("fw-past.json"), text, LIMIT_FILE_BYTES + 1u);
    fw = framework_load(at("fw-past.json"), &dl);
    CHECK_MSG(!fw && has_diag(&dl, DIAG_FILE_TOO_LARGE, at("fw-past.json")), "framework one byte too large not refused");
    framework_free(fw);
    diag_list_free(&dl);
    free(text);
}

/* Images named by a scenario: LIMIT_IMAGE_BYTES per file, and for PNG and
 * JPEG LIMIT_IMAGE_SIDE pixels a side, read from the header. A copy of the
 * kitchen-sink fixture whose ending shows images/fin.png. */
static void write_png_header(const char *path, uint32_t w, uint32_t h) {
    unsigned char d[33] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (int i = 0; i < 4; i++) {
        d[16 + i] = (unsigned char)(w >> (24 - 8 * i));
        d[20 + i] = (unsigned char)(h >> (24 - 8 * i));
    }
    d[24] = 8;
    d[25] = 6;
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(d, 1, sizeof d, f) != sizeof d || fclose(f) != 0) abort();
}

static int image_errors(const char *dir, bool *located) {
    char path[1100];
    snprintf(path, sizeof path, "%s/scenario.json", dir);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Scenario *sc = scenario_load(path, NULL, &dl);
    int n = 0;
    *located = true;
    for (size_t i = 0; i < dl.count; i++)
        if (dl.items[i].code == DIAG_IMAGE_TOO_LARGE) {
            n++;
            *located = *located && dl.items[i].line > 0 && dl.items[i].col > 0 && strstr(dl.items[i].message, "images/");
        }
    if (dl.errors != (size_t)n) n = -1; /* anything else wrong: the copy is broken */
    scenario_free(sc);
    diag_list_free(&dl);
    return n;
}

static void test_images(void) {
    char *text = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    if (fsutil_read_file("tests/fixtures/valid/kitchen-sink/scenario.json", 1 << 20, &text, &len, &size, &e) != FS_OK) abort();
    char *fin = strstr(text, "images/fin.svg");
    if (!fin) abort();
    memcpy(fin, "images/fin.png", 14);
    char dir[1024], sub[1100];
    snprintf(dir, sizeof dir, "%s/images-scenario", work);
    snprintf(sub, sizeof sub, "%s/images", dir);
    fsutil_mkdirs(sub, &e);
    snprintf(sub, sizeof sub, "%s/scenario.json", dir);
    write_sized(sub, text, ' ', "", len);
    free(text);
    static const char *const svgs[] = {"accueil.svg", "ines.svg"};
    for (int i = 0; i < 2; i++) {
        snprintf(sub, sizeof sub, "%s/images/%s", dir, svgs[i]);
        write_text(sub, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\"/>\n");
    }
    char png[1100], svg[1100];
    snprintf(png, sizeof png, "%s/images/fin.png", dir);
    snprintf(svg, sizeof svg, "%s/images/accueil.svg", dir);
    bool located;
    write_png_header(png, LIMIT_IMAGE_SIDE, LIMIT_IMAGE_SIDE);
    CHECK_MSG(image_errors(dir, &located) == 0, "PNG of %d × %d pixels refused", LIMIT_IMAGE_SIDE, LIMIT_IMAGE_SIDE);
    write_png_header(png, LIMIT_IMAGE_SIDE + 1, 16);
    CHECK_MSG(image_errors(dir, &located) == 1 && located, "PNG %d pixels wide not refused at a line and column",
              LIMIT_IMAGE_SIDE + 1);
    write_png_header(png, 16, LIMIT_IMAGE_SIDE + 1);
    CHECK_MSG(image_errors(dir, &located) == 1 && located, "PNG %d pixels high not refused", LIMIT_IMAGE_SIDE + 1);
    write_png_header(png, 1920, 1080);
    write_sized(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\">", ' ', "</svg>\n", LIMIT_IMAGE_BYTES);
    CHECK_MSG(image_errors(dir, &located) == 0, "image file of exactly %d bytes refused", LIMIT_IMAGE_BYTES);
    write_sized(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\">", ' ', "</svg>\n", LIMIT_IMAGE_BYTES + 1u);
    /* accueil.svg is shown by two places of the scenario: both are reported. */
    CHECK_MSG(image_errors(dir, &located) == 2 && located, "image file of %d bytes not refused", LIMIT_IMAGE_BYTES + 1);

    /* JPEG: the first start-of-frame, after other segments. */
    static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 'J', 'F', 0xFF, 0xC2,
                                         0x00, 0x0B, 0x08, 0x10, 0x01, 0x10, 0x00, 0x01, 0x01, 0x11, 0x00};
    uint32_t w, h;
    CHECK_MSG(imginfo_parse(jpeg, sizeof jpeg, &w, &h) && w == 4096 && h == 4097, "JPEG header read as %u × %u", (unsigned)w,
              (unsigned)h);
    CHECK_MSG(!imginfo_parse(jpeg, 12, &w, &h), "a JPEG header cut short is not understood");
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: test_reader_limits WORK_DIR (from the repository root)\n");
        return 2;
    }
    work = argv[1];
    int e;
    fsutil_remove_tree(work, &e);
    if (!fsutil_mkdirs(work, &e)) {
        fprintf(stderr, "cannot create %s\n", work);
        return 1;
    }
    make_play();
    test_save();
    test_record();
    test_results();
    test_progress();
    test_profiles();
    test_settings();
    test_workshop();
    test_po();
    test_framework();
    test_images();
    session_destroy(g_play);
    scenario_free(g_sc);
    framework_free(g_fw);
    fsutil_remove_tree(work, &e);
    if (check_failures) {
        fprintf(stderr, "%d reader limit checks failed\n", check_failures);
        return 1;
    }
    printf("every reader limit holds at the limit and refuses one step past it\n");
    return 0;
}
