/* test_results.c — the core's results (JSON, CSV, xAPI) and play records:
 * times and ids, the shape of each file for a real play of the UI fixture,
 * a record's lines read back, torn and superseded lines, and a record
 * replayed into the same session. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/badge.h"
#include "core/export.h"
#include "core/fsutil.h"
#include "core/workshop.h"
#include "core/record.h"
#include "core/results.h"
#include "core/rng.h"
#include "engine/check.h"

#define FIXTURE "tests/fixtures/ui/library/atelier/scenario.json"

static void test_times(void) {
    char t[32];
    results_iso8601(0, t);
    CHECK_STR(t, "1970-01-01T00:00:00.000Z");
    results_iso8601(INT64_C(1795314000123), t); /* 2026-11-22T02:20:00.123Z */
    CHECK_STR(t, "2026-11-22T02:20:00.123Z");
    results_iso8601(INT64_C(951782400000), t); /* a leap day */
    CHECK_STR(t, "2000-02-29T00:00:00.000Z");
    int64_t ms = 0;
    CHECK(results_parse_iso8601("2026-11-22T02:20:00.123Z", &ms));
    CHECK_INT(ms, INT64_C(1795314000123));
    CHECK(results_parse_iso8601("2000-02-29T00:00:00Z", &ms));
    CHECK_INT(ms, INT64_C(951782400000));
    CHECK(!results_parse_iso8601("2026-11-22 02:20:00Z", &ms));
    CHECK(!results_parse_iso8601("2026-11-22T02:20:00", &ms));
    CHECK(!results_parse_iso8601("2026-13-22T02:20:00Z", &ms));
    CHECK(!results_parse_iso8601("2026-02-30T02:20:00Z", &ms));
    /* A sign or a space in a field once wrapped the year around and overflowed (fuzz_record). */
    CHECK(!results_parse_iso8601("-001-11-14T22:13:20.000Z", &ms));
    CHECK(!results_parse_iso8601(" 999-11-14T22:13:20Z", &ms));
    CHECK(!results_parse_iso8601("2026-11-22T02:20:+1Z", &ms));
    CHECK(!results_parse_iso8601("", &ms));
    CHECK(!results_parse_iso8601(NULL, &ms));
    for (int64_t v = 0; v < INT64_C(4102444800000); v += INT64_C(86399999) * 37) {
        results_iso8601(v, t);
        CHECK(results_parse_iso8601(t, &ms) && ms == v);
    }
}

static bool is_uuid(const char *u) {
    if (strlen(u) != 36) return false;
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? u[i] != '-' : !strchr("0123456789abcdef", u[i])) return false;
    }
    return u[14] == '4' && strchr("89ab", u[19]) != NULL;
}

static void test_ids(void) {
    const char *pid = "644b21435d2b4f97bf2f254939285cf4";
    char a[37], b[37], c[37];
    results_statement_uuid(pid, 0, a);
    results_statement_uuid(pid, 0, b);
    results_statement_uuid(pid, 1, c);
    CHECK(is_uuid(a) && is_uuid(c));
    CHECK_STR(a, b);
    CHECK(strcmp(a, c) != 0);
    results_play_uuid(pid, a);
    CHECK_STR(a, "644b2143-5d2b-4f97-bf2f-254939285cf4");
}

typedef struct Fix { Framework *fw; Scenario *sc; } Fix;

static bool load(Fix *f) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    f->fw = NULL;
    f->sc = scenario_load_auto(FIXTURE, &f->fw, &dl);
    diag_list_free(&dl);
    return f->sc && f->fw;
}

static const char *const PLAY[] = {"coller", "mentionner", "charte"};
static const PlayMeta *meta(void) {
    static const uint32_t T[] = {1500, 2500, 3000};
    static const int64_t AT[] = {INT64_C(1795314001500), INT64_C(1795314004000), INT64_C(1795314007000)};
    static PlayMeta m = {.play_id = "0123456789abcdef4123456789abcdef",
                         .pseudonym = "Renard, \"le\" bleu",
                         .workshop = "ATELIER-7",
                         .started_ms = INT64_C(1795314000000),
                         .finished_ms = INT64_C(1795314008000),
                         .time_ms = T,
                         .at_ms = AT,
                         .n_decisions = 3};
    return &m;
}

static Session *play(const Fix *f) {
    Session *s = session_create(f->sc, f->fw, 1, LANG_FR);
    for (int i = 0; i < 3; i++) CHECK(session_choose_id(s, PLAY[i]) != NULL);
    CHECK(session_is_over(s));
    return s;
}

static void test_json(const Fix *f, const Session *s) {
    char *text = results_to_json(s, f->fw, meta());
    CHECK(text != NULL);
    cJSON *j = cJSON_Parse(text);
    CHECK(j != NULL);
    CHECK_INT(cJSON_GetObjectItem(j, "format")->valueint, 2);
    CHECK_STR(cJSON_GetObjectItem(j, "play_id")->valuestring, meta()->play_id);
    CHECK_STR(cJSON_GetObjectItem(j, "workshop")->valuestring, "ATELIER-7");
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "scenario"), "id")->valuestring, "atelier");
    CHECK_STR(cJSON_GetObjectItem(j, "started")->valuestring, "2026-11-22T02:20:00.000Z");
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "ending"), "id")->valuestring, "fin-mitigee");
    cJSON *decs = cJSON_GetObjectItem(j, "decisions");
    CHECK_INT(cJSON_GetArraySize(decs), 3);
    cJSON *d0 = cJSON_GetArrayItem(decs, 0);
    CHECK_STR(cJSON_GetObjectItem(d0, "choice")->valuestring, "coller");
    CHECK_INT(cJSON_GetObjectItem(d0, "time_ms")->valueint, 1500);
    CHECK_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(d0, "meters_after"), "charge")->valueint, 30);
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(d0, "evidence")), 1);
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(j, "competencies")), f->sc->n_competencies);
    cJSON_Delete(j);
    free(text);
    Session *running = session_create(f->sc, f->fw, 1, LANG_FR);
    CHECK(results_to_json(running, f->fw, meta()) == NULL);
    session_destroy(running);
}

static int count_fields(const char *line, size_t n) {
    int fields = 1;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (line[i] == '"') quoted = !quoted;
        else if (line[i] == ',' && !quoted) fields++;
    }
    return fields;
}

static void test_csv(const Fix *f, const Session *s) {
    char *text = results_to_csv(s, f->fw, meta());
    CHECK(text != NULL);
    if (!text) return;
    char *eol = strstr(text, "\r\n");
    CHECK(eol != NULL);
    char *row = eol + 2;
    char *eol2 = strstr(row, "\r\n");
    CHECK(eol2 != NULL && eol2[2] == '\0');
    int head = count_fields(text, (size_t)(eol - text));
    CHECK_INT(head, 16 + f->sc->n_meters + f->sc->n_competencies);
    CHECK_INT(count_fields(row, (size_t)(eol2 - row)), head);
    CHECK(strstr(text, "meter:confiance") != NULL);
    CHECK(strstr(text, "competency:confidentialite-securite") != NULL);
    CHECK(strstr(row, "\"Renard, \"\"le\"\" bleu\"") != NULL);
    CHECK(strstr(row, ",7000,") != NULL); /* total time */
    free(text);
}

static void test_xapi(const Fix *f, const Session *s) {
    char *text = results_to_xapi(s, f->fw, meta());
    CHECK(text != NULL);
    cJSON *a = cJSON_Parse(text);
    CHECK(cJSON_IsArray(a));
    CHECK_INT(cJSON_GetArraySize(a), 2 + 2 * 3);
    static const char *const VERBS[] = {"initialized", "selected", "progressed", "selected", "progressed",
                                        "selected", "progressed", "completed"};
    for (int i = 0; i < cJSON_GetArraySize(a); i++) {
        cJSON *st = cJSON_GetArrayItem(a, i);
        const char *verb = cJSON_GetObjectItem(cJSON_GetObjectItem(st, "verb"), "id")->valuestring;
        size_t vl = strlen(verb), wl = strlen(VERBS[i]);
        CHECK(vl > wl && strcmp(verb + vl - wl, VERBS[i]) == 0);
        CHECK(is_uuid(cJSON_GetObjectItem(st, "id")->valuestring));
        CHECK_STR(cJSON_GetObjectItem(st, "version")->valuestring, "1.0.3");
        cJSON *acc = cJSON_GetObjectItem(cJSON_GetObjectItem(st, "actor"), "account");
        CHECK_STR(cJSON_GetObjectItem(acc, "name")->valuestring, meta()->pseudonym);
        cJSON *ctx = cJSON_GetObjectItem(st, "context");
        CHECK_STR(cJSON_GetObjectItem(ctx, "registration")->valuestring, "01234567-89ab-cdef-4123-456789abcdef");
    }
    cJSON *sel = cJSON_GetArrayItem(a, 1);
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(sel, "result"), "response")->valuestring, "coller");
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(sel, "result"), "duration")->valuestring, "PT1.50S");
    cJSON *ext = cJSON_GetObjectItem(cJSON_GetObjectItem(sel, "result"), "extensions");
    cJSON *charge = cJSON_GetObjectItem(ext, RESULTS_XAPI_NS "meters/charge");
    CHECK(charge && cJSON_GetObjectItem(charge, "before")->valueint == 50 &&
          cJSON_GetObjectItem(charge, "after")->valueint == 30);
    cJSON *last = cJSON_GetArrayItem(a, 7);
    cJSON *res = cJSON_GetObjectItem(last, "result");
    CHECK(cJSON_IsBool(cJSON_GetObjectItem(res, "success")));
    CHECK(cJSON_GetObjectItem(res, "score") != NULL);
    cJSON *progress = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(a, 6), "result"), "extensions");
    CHECK(cJSON_GetObjectItem(progress, "https://w3id.org/xapi/seriousgames/extensions/progress")->valuedouble == 1.0);
    cJSON_Delete(a);
    free(text);
}

static char *cat(char *a, char *b) {
    size_t na = a ? strlen(a) : 0, nb = strlen(b);
    char *s = realloc(a, na + nb + 1);
    memcpy(s + na, b, nb + 1);
    free(b);
    return s;
}

static void test_record(const Fix *f, const Session *s) {
    const PlayMeta *m = meta();
    char *text = cat(NULL, record_header_line(s, m));
    for (uint32_t i = 0; i < 3; i++) text = cat(text, record_decision_line(s, i, m->time_ms[i], m->at_ms[i]));
    char err[512];
    Record *r = record_parse("t.jsonl", text, strlen(text), err, sizeof err);
    CHECK(r != NULL);
    if (!r) return;
    CHECK_STR(r->play_id, m->play_id);
    CHECK_STR(r->workshop, "ATELIER-7");
    CHECK_INT(r->n_decisions, 3);
    CHECK_STR(r->decisions[1].choice, "mentionner");
    CHECK_INT(r->decisions[2].time_ms, 3000);
    CHECK(!r->finished && !r->torn_tail && r->damaged == 0);
    ResumeReport rep;
    Session *back = record_resume(r, f->sc, f->fw, &rep);
    CHECK(back && rep.status == RESUME_SAME && session_is_over(back));
    CHECK_INT(session_meter(back, 0), session_meter(s, 0));
    session_destroy(back);
    record_free(r);

    /* A torn last line: ignored and reported; the rest is kept. */
    size_t full = strlen(text);
    char *torn = malloc(full + 1);
    memcpy(torn, text, full + 1);
    char *last = torn + full - 1;
    while (last > torn && last[-1] != '\n') last--;
    size_t cut = (size_t)(last - torn) + 20;
    r = record_parse("t.jsonl", torn, cut, err, sizeof err);
    CHECK(r && r->n_decisions == 2 && r->torn_tail && r->damaged == 1 && r->damaged_line == 4);
    record_free(r);

    /* Resumed after the torn line: decision 3 written again supersedes, and
     * the torn line stays in the file, skipped. */
    torn[cut] = '\0';
    char *again = cat(NULL, strdup(torn));
    again = cat(again, strdup("\n"));
    again = cat(again, record_decision_line(s, 2, 3000, m->at_ms[2]));
    again = cat(again, record_end_line(s, m->finished_ms));
    r = record_parse("t.jsonl", again, strlen(again), err, sizeof err);
    CHECK(r && r->n_decisions == 3 && !r->torn_tail && r->damaged == 1 && r->finished);
    CHECK(r && strcmp(r->ending, "fin-mitigee") == 0);
    record_free(r);

    /* A line numbered 2 after 3 lines: the play went on from decision 2. */
    char *redo = cat(NULL, strdup(text));
    redo = cat(redo, record_decision_line(s, 1, 10, m->at_ms[1]));
    r = record_parse("t.jsonl", redo, strlen(redo), err, sizeof err);
    CHECK(r && r->n_decisions == 2 && r->decisions[1].time_ms == 10);
    record_free(r);

    /* No header, or a torn header: not replayable, with a message. */
    r = record_parse("t.jsonl", "", 0, err, sizeof err);
    CHECK(r == NULL && strstr(err, "t.jsonl") != NULL);
    r = record_parse("t.jsonl", text, 40, err, sizeof err);
    CHECK(r == NULL && strstr(err, "t.jsonl:1") != NULL);
    free(text);
    free(torn);
    free(again);
    free(redo);
}

/* Random plays of the fixture: every file is produced and parses. */
static void test_random(const Fix *f) {
    Rng picker;
    rng_seed(&picker, 7);
    for (uint64_t seed = 1; seed <= 50; seed++) {
        Session *s = session_create(f->sc, f->fw, seed, LANG_EN);
        while (!session_is_over(s) && session_choose_random(s, &picker)) {}
        PlayMeta m = *meta();
        m.n_decisions = 0;
        char *j = results_to_json(s, f->fw, &m), *c = results_to_csv(s, f->fw, &m), *x = results_to_xapi(s, f->fw, &m);
        cJSON *pj = cJSON_Parse(j), *px = cJSON_Parse(x);
        CHECK(pj && px && c);
        CHECK_INT(cJSON_GetArraySize(px), 2 + 2 * (int)session_step_count(s));
        cJSON_Delete(pj);
        cJSON_Delete(px);
        free(j);
        free(c);
        free(x);
        session_destroy(s);
    }
}

/* The credential of the shipped framework's N1 badge: alignments to its
 * competencies and their UNESCO / AI Act codes, evidence naming the plays. */
static void test_badge(void) {
    DiagList dl;
    diag_list_init(&dl, LANG_FR);
    Framework *fw = framework_load("scenarios/competencies.json", &dl);
    diag_list_free(&dl);
    CHECK(fw != NULL);
    if (!fw) return;
    BadgePlay plays[2] = {{"0123456789abcdef4123456789abcdef", "mairie-chatbot", "Le chatbot", "2026-11-20T10:00:00.000Z"},
                          {"fedcba9876543210412345678abcdef0", "urgences-triage", NULL, "2026-11-22T10:00:00.000Z"}};
    Workshop w;
    memset(&w, 0, sizeof w);
    snprintf(w.issuer_id, sizeof w.issuer_id, "https://example.org/issuers/ia");
    snprintf(w.issuer_name, sizeof w.issuer_name, "Centre");
    BadgeInfo b = {.level = 1, .fw = fw, .pseudonym = "Loutre", .credential_id = "c1fe7f5f-9d0c-43ed-b27a-e5f298fce0a7",
                   .issued = "2026-11-22T10:00:00.000Z", .lang = LANG_FR, .workshop = &w, .plays = plays, .n_plays = 2};
    char *text = badge_credential_json(&b);
    cJSON *c = text ? cJSON_Parse(text) : NULL;
    CHECK(c != NULL);
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(c, "issuer"), "id")->valuestring, w.issuer_id);
    CHECK(cJSON_GetObjectItem(c, "proof") == NULL);
    cJSON *al = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(c, "credentialSubject"), "achievement"),
                                    "alignment");
    bool unesco = false, act = false, comp = false;
    cJSON *a;
    cJSON_ArrayForEach(a, al) {
        const cJSON *f = cJSON_GetObjectItem(a, "targetFramework");
        CHECK(cJSON_GetObjectItem(a, "targetName") && cJSON_GetObjectItem(a, "targetUrl"));
        if (cJSON_IsString(f) && strcmp(f->valuestring, "UNESCO-AICF-2024") == 0) unesco = true;
        if (cJSON_IsString(f) && strcmp(f->valuestring, "EU-AI-Act-2024") == 0) act = true;
        if (cJSON_IsString(cJSON_GetObjectItem(a, "targetType"))) comp = true;
    }
    CHECK(unesco && act && comp);
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(c, "evidence")), 2);
    cJSON_Delete(c);
    free(text);
    b.level = 4;
    CHECK(badge_credential_json(&b) == NULL);
    char *uri = badge_png_data_uri((const unsigned char *)"Man", 3);
    CHECK_STR(uri, "data:image/png;base64,TWFu");
    free(uri);
    uri = badge_png_data_uri((const unsigned char *)"Ma", 2);
    CHECK_STR(uri, "data:image/png;base64,TWE=");
    free(uri);
    framework_free(fw);
}

static void test_workshop_code(void) {
    char out[WORKSHOP_CODE_MAX], bad[5];
    CHECK(workshop_code_clean("  lyon-2026_b.1 ", out, bad) == WCODE_OK);
    CHECK_STR(out, "LYON-2026_B.1");
    CHECK(workshop_code_clean("   ", out, bad) == WCODE_EMPTY && out[0] == '\0');
    CHECK(workshop_code_clean("lyon 2026", out, bad) == WCODE_BAD_CHAR);
    CHECK_STR(bad, " ");
    CHECK(workshop_code_clean("atelier-é", out, bad) == WCODE_BAD_CHAR);
    CHECK_STR(bad, "é");
    CHECK(workshop_code_clean("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", out, bad) == WCODE_TOO_LONG);
    CHECK(workshop_code_clean("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", out, bad) == WCODE_OK);
    CHECK(workshop_code_valid("lyon-1") && !workshop_code_valid(" LYON") && !workshop_code_valid(""));
}

static int count_lines(const char *text) {
    int n = 0;
    for (const char *p = text; (p = strstr(p, "\r\n")) != NULL; p += 2) n++;
    return n;
}

/* Two plays (the second without a workshop code) into a results folder,
 * then exported: one CSV row each, the statements of both in one array;
 * a destination that is gone gives a message and no file. */
static void test_export(const Fix *f, const Session *s) {
    char dir[] = "/tmp/enjeux-export-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char res[600], out[600], gone[600], err[1024];
    snprintf(res, sizeof res, "%s/results", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(gone, sizeof gone, "%s/gone", dir);
    int e = 0;
    CHECK(fsutil_mkdirs(res, &e) && fsutil_mkdirs(out, &e));
    PlayMeta m2 = *meta();
    memcpy(m2.play_id, "fedcba9876543210fedcba9876543210", 33);
    m2.workshop = NULL;
    CHECK(results_write(res, s, f->fw, meta(), NULL, 0, err, sizeof err, NULL));
    CHECK(results_write(res, s, f->fw, &m2, NULL, 0, err, sizeof err, NULL));
    char junk[700];
    snprintf(junk, sizeof junk, "%s/00000000000000000000000000000000.json", res);
    CHECK(fsutil_write_atomic(junk, "{\"format\":", 11, &e));
    CHECK(export_dir_check(out, &e) == EXPORT_DIR_OK);
    CHECK(export_dir_check(gone, &e) == EXPORT_DIR_MISSING);
    CHECK(export_dir_check(junk, &e) == EXPORT_DIR_NOT_FOLDER);
    ExportSummary sum;
    CHECK(export_all(res, out, "all", &sum, err, sizeof err));
    CHECK_INT((int)sum.plays, 2);
    CHECK_INT((int)sum.skipped, 1);
    CHECK_INT((int)sum.files, 4);
    char path[700], *text = NULL;
    size_t len = 0, size = 0;
    snprintf(path, sizeof path, "%s/all.csv", out);
    CHECK(fsutil_read_file(path, 1 << 20, &text, &len, &size, &e) == FS_OK);
    if (text) {
        CHECK_INT(count_lines(text), 3);
        char *single = results_to_csv(s, f->fw, meta());
        size_t head = single ? (size_t)(strstr(single, "\r\n") - single) : 0;
        CHECK(single && strncmp(text, single, head) == 0); /* the same columns as one play's CSV */
        CHECK(strstr(text, ",ATELIER-7,") != NULL && strstr(text, "fedcba9876543210fedcba9876543210,") != NULL);
        free(single);
    }
    free(text);
    snprintf(path, sizeof path, "%s/all.xapi.json", out);
    text = NULL;
    CHECK(fsutil_read_file(path, 1 << 22, &text, &len, &size, &e) == FS_OK);
    cJSON *arr = text ? cJSON_Parse(text) : NULL;
    char *one = results_to_xapi(s, f->fw, meta());
    cJSON *single = one ? cJSON_Parse(one) : NULL;
    CHECK(cJSON_IsArray(arr) && cJSON_GetArraySize(arr) == 2 * cJSON_GetArraySize(single));
    cJSON_Delete(arr);
    cJSON_Delete(single);
    free(one);
    free(text);
    CHECK(!export_all(res, gone, "all", &sum, err, sizeof err) && strstr(err, "gone") && sum.files == 0);
    CHECK(fsutil_kind(gone) == FS_KIND_NONE);
    CHECK(fsutil_remove_tree(dir, &e));
}

int main(void) {
    test_badge();
    test_workshop_code();
    test_times();
    test_ids();
    Fix f;
    if (!load(&f)) {
        fprintf(stderr, "cannot load %s\n", FIXTURE);
        return 1;
    }
    Session *s = play(&f);
    test_json(&f, s);
    test_csv(&f, s);
    test_xapi(&f, s);
    test_record(&f, s);
    test_export(&f, s);
    test_random(&f);
    session_destroy(s);
    scenario_free(f.sc);
    framework_free(f.fw);
    if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
    else printf("ok: results and records\n");
    return check_failures ? 1 : 0;
}
