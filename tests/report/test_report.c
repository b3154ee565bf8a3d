/* test_report.c — the class report's core on tests/fixtures/report/: the
 * results of two workshop computers merged give the expected counts (the
 * play copied onto both sticks counts once, the damaged file is reported
 * at its line and column, the settings file is skipped), the scenario's
 * texts are attached when its content hash matches and ids are used when it
 * does not, shares, medians, what to work on next, French and English
 * formatting, and every text from a file is escaped in the HTML. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/report.h"
#include "engine/check.h"

#define FX "tests/fixtures/report/"
#define LIB "tests/fixtures/ui/library"

static const char *const FILES[] = {
    FX "machine-a/results/4f0425d8203a6f68ce26ea5da0c0378a.json",
    FX "machine-a/results/5c97526e5ff4c5989effcda8a4dc5c2f.json",
    FX "machine-a/results/6b2b047025e54a99196c1bb5ce7824b1.json",
    FX "machine-a/results/dbfeda48f2c01e364433caf14f6d3e70.json",
    FX "machine-a/results/e43eed19ea12cc5167a60ba23d7e32a8.json",
    FX "machine-a/copie/35fd459a630f180cb360b998f20661ae.json",
    FX "machine-b/results/1e116419c53501ad03b5237d6d9f7d3c.json",
    FX "machine-b/results/35fd459a630f180cb360b998f20661ae.json",
    FX "machine-b/results/47b6f3dd97097114dd8d370095e6eb1a.json",
    FX "machine-b/results/7c9cf11de9d454366d275f0151b1467e.json",
    FX "machine-b/results/8d8e1e2c430798c0ed48f513e6ce0cd9.json",
    FX "machine-b/results/coupe.json",
    FX "machine-b/settings.json",
};
enum { N_FILES = sizeof FILES / sizeof *FILES };

static const ReportScenario *scenario(const Report *r, const char *id) {
    for (uint16_t i = 0; i < r->n_scenarios; i++)
        if (strcmp(r->scenarios[i].id, id) == 0) return &r->scenarios[i];
    return NULL;
}

static const ReportDecision *decision(const ReportScenario *s, const char *scene) {
    for (uint32_t i = 0; s && i < s->n_decisions; i++)
        if (strcmp(s->decisions[i].scene, scene) == 0) return &s->decisions[i];
    return NULL;
}

static uint32_t choice_count(const ReportDecision *d, const char *id) {
    for (uint16_t i = 0; d && i < d->n_choices; i++)
        if (strcmp(d->choices[i].id, id) == 0) return d->choices[i].count;
    return UINT32_MAX;
}

static const ReportCompetency *comp(const ReportCompetency *c, uint16_t n, const char *id) {
    for (uint16_t i = 0; i < n; i++)
        if (strcmp(c[i].id, id) == 0) return &c[i];
    return NULL;
}

static uint32_t ending_count(const ReportScenario *s, const char *id) {
    for (uint16_t i = 0; s && i < s->n_endings; i++)
        if (strcmp(s->endings[i].id, id) == 0) return s->endings[i].count;
    return UINT32_MAX;
}

static Report *load_all(Lang lang, const char *lib) {
    Report *r = report_create(lang);
    CHECK(r != NULL);
    if (!r) exit(1);
    int added = 0, dup = 0, bad = 0, skipped = 0;
    for (int i = 0; i < N_FILES; i++) {
        ReportAdd a = report_add_file(r, FILES[i]);
        added += a == REPORT_ADDED;
        dup += a == REPORT_DUPLICATE;
        bad += a == REPORT_BAD;
        skipped += a == REPORT_SKIPPED;
    }
    CHECK(added == 10 && dup == 1 && bad == 1 && skipped == 1);
    CHECK(report_finish(r, lib));
    return r;
}

static void test_counts(void) {
    Report *r = load_all(LANG_FR, LIB);
    CHECK(r->files == 13 && r->plays == 10 && r->duplicates == 1 && r->bad == 1 && r->skipped == 1);
    /* The damaged file, at the end of its text. */
    CHECK(r->diags.count == 1);
    if (r->diags.count) {
        const Diag *d = &r->diags.items[0];
        CHECK(strstr(d->file, "coupe.json") != NULL);
        CHECK(d->line == 5 && d->col == 1);
    }
    CHECK(r->n_scenarios == 2);
    const ReportScenario *s = scenario(r, "atelier");
    CHECK(s && s->plays == 9 && s->source == RS_TEXTS && s->other_hash == 0 && s->level == 1);
    CHECK(s && s->n_decisions == 3);
    if (s && s->n_decisions == 3) {
        /* In the order met in the plays. */
        CHECK(strcmp(s->decisions[0].scene, "accueil") == 0);
        CHECK(strcmp(s->decisions[1].scene, "relecture") == 0);
        CHECK(strcmp(s->decisions[2].scene, "bilan") == 0);
    }
    const ReportDecision *d = decision(s, "accueil");
    CHECK(d && d->reached == 9 && d->n_choices == 3);
    CHECK(choice_count(d, "coller") == 4 && choice_count(d, "anonymiser") == 4 && choice_count(d, "sans-ia") == 1);
    CHECK(d && d->median_ms == 38000);
    CHECK(d && strcmp(d->choices[2].text.s[LANG_FR], "Rédiger vous-même, sans IA") == 0);
    CHECK(d && d->choices[0].feedback.s[LANG_FR] && *d->choices[0].feedback.s[LANG_FR]);
    d = decision(s, "relecture");
    CHECK(choice_count(d, "mentionner") == 5 && choice_count(d, "taire") == 3 && choice_count(d, "dpo") == 1);
    d = decision(s, "bilan");
    CHECK(choice_count(d, "charte") == 6 && choice_count(d, "generaliser") == 3);
    CHECK(ending_count(s, "fin-mitigee") == 5 && ending_count(s, "fin-confiance") == 3 && ending_count(s, "fin-crise") == 1);
    const ReportCompetency *c = s ? comp(s->comps, s->n_comps, "confidentialite-securite") : NULL;
    CHECK(c && c->assessed == 9 && c->median == 0 && c->mastery[RM_ACQUIRED] == 3 && c->mastery[RM_TO_WORK_ON] == 6);
    CHECK(c && c->hist[0] == 5 && c->hist[33] == 1 && c->hist[100] == 3 && c->targeted);
    CHECK(c && strcmp(c->name.s[LANG_FR], "Préserver la confidentialité et la sécurité") == 0);
    c = s ? comp(s->comps, s->n_comps, "transparence-information") : NULL;
    CHECK(c && c->assessed == 9 && c->median == 66 && c->mastery[RM_ACQUIRED] == 4 && c->mastery[RM_IN_PROGRESS] == 2);
    /* The scenario not installed: ids only. */
    const ReportScenario *o = scenario(r, "hors-catalogue");
    CHECK(o && o->plays == 1 && o->source == RS_MISSING && o->level == 2);
    CHECK(o && loc_is_empty(&o->title));
    /* Every scenario together: 10 plays assessed on confidentiality, 3
     * acquired (30 %), the first thing to work on. */
    c = comp(r->comps, r->n_comps, "confidentialite-securite");
    CHECK(c && c->assessed == 10 && c->mastery[RM_ACQUIRED] == 3);
    CHECK(r->n_focus == 2);
    CHECK(r->n_focus >= 1 && strcmp(r->comps[r->focus[0]].id, "confidentialite-securite") == 0);
    CHECK(r->n_workshops == 2);
    CHECK(strcmp(r->first_started, "2026-11-20T09:10:00Z") == 0);
    report_destroy(r);
}

static void test_outputs(void) {
    Report *r = load_all(LANG_FR, LIB);
    char *html = report_html(r, "clé <USB>");
    CHECK(html != NULL);
    if (html) {
        /* Texts from files are escaped: the workshop code holds a script. */
        CHECK(strstr(html, "<script") == NULL);
        CHECK(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") != NULL);
        CHECK(strstr(html, "clé &lt;USB&gt;") != NULL);
        /* The share phrased with the choice's own text, French typography. */
        CHECK(strstr(html, "44\u202F%</span> ont choisi «\u00A0Tout coller dans le chatbot public et relire le "
                           "résumé\u00A0»") != NULL);
        CHECK(strstr(html, "<svg") != NULL && strstr(html, "http") == NULL);
        CHECK(strstr(html, "coupe.json:5:1") != NULL);
        CHECK(strstr(html, "@page{size:A4") != NULL);
        /* The scenario not installed is shown by ids, and says so. */
        CHECK(strstr(html, "<code>option-a</code>") != NULL);
        CHECK(strstr(html, "n'a pas été trouvé") != NULL);
        /* Counts of one in the singular, the others in the plural. */
        CHECK(strstr(html, "<b>1</b>doublon ignoré (") != NULL && strstr(html, "<b>1</b>fichier illisible ou abîmé") != NULL);
        CHECK(strstr(html, "<b>13</b>fichiers lus") != NULL && strstr(html, "1 décision prise ici") != NULL);
        CHECK(strstr(html, "9 décisions prises ici") != NULL);
    }
    free(html);
    char *csv = report_csv(r);
    CHECK(csv && strstr(csv, "atelier,choice,accueil,coller,4,9,44,,Tout coller") != NULL);
    CHECK(csv && strstr(csv, "atelier,ending,fin-mitigee,mixed,5,9,56,,Un gain fragile") != NULL);
    CHECK(csv && strstr(csv, "*,focus,confidentialite-securite,,3,10,30,1,") != NULL);
    free(csv);
    char *json = report_json(r);
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    CHECK(root != NULL);
    cJSON *scs = cJSON_GetObjectItem(root, "scenarios");
    CHECK(cJSON_GetArraySize(scs) == 2);
    cJSON *at = cJSON_GetArrayItem(scs, 0);
    CHECK(cJSON_GetObjectItem(at, "plays")->valueint == 9);
    cJSON *d0 = cJSON_GetArrayItem(cJSON_GetObjectItem(at, "decisions"), 0);
    cJSON *c0 = cJSON_GetArrayItem(cJSON_GetObjectItem(d0, "choices"), 0);
    CHECK(strcmp(cJSON_GetObjectItem(c0, "id")->valuestring, "coller") == 0);
    CHECK(cJSON_GetObjectItem(c0, "count")->valueint == 4);
    CHECK(cJSON_IsObject(cJSON_GetObjectItem(c0, "feedback")));
    cJSON_Delete(root);
    free(json);
    report_destroy(r);

    /* English. */
    r = load_all(LANG_EN, LIB);
    html = report_html(r, NULL);
    CHECK(html && strstr(html, "44%</span> chose \u201CPaste everything") != NULL);
    CHECK(html && strstr(html, "<html lang=\"en\">") != NULL);
    CHECK(html && strstr(html, "<b>1</b>duplicate ignored (") != NULL && strstr(html, "1 decision made here") != NULL);
    free(html);
    report_destroy(r);
}

static void test_changed_and_missing(void) {
    /* A play made on another version of the scenario: ids, and a note. */
    Report *r = report_create(LANG_FR);
    FILE *f = fopen(FILES[0], "rb");
    CHECK(f != NULL);
    if (!f) return;
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *h = strstr(buf, "\"content_hash\": \"");
    CHECK(h != NULL);
    if (h) memcpy(h + 17, "ffff", 4);
    CHECK(report_add_buffer(r, "changed.json", buf, n) == REPORT_ADDED);
    CHECK(report_add_buffer(r, "changed-again.json", buf, n) == REPORT_DUPLICATE);
    CHECK(report_finish(r, LIB));
    CHECK(r->n_scenarios == 1 && r->scenarios[0].source == RS_CHANGED && r->scenarios[0].other_hash == 1);
    CHECK(r->n_scenarios == 1 && loc_is_empty(&r->scenarios[0].decisions[0].choices[0].text));
    char *html = report_html(r, NULL);
    CHECK(html && strstr(html, "a été modifié depuis 1 de ces parties") != NULL);
    free(html);
    report_destroy(r);

    /* No scenarios folder at all, and broken inputs of each kind. */
    r = report_create(LANG_EN);
    const char *wrong_format = "{\"format\": 3, \"play_id\": \"a\", \"scenario\": {\"id\": \"x\"}, \"decisions\": []}";
    const char *missing = "{\"format\": 2, \"play_id\": \"b\", \"decisions\": []}";
    const char *bad_score =
        "{\"format\": 2, \"play_id\": \"c\", \"scenario\": {\"id\": \"x\"}, \"decisions\": [],\n"
        " \"competencies\": [{\"id\": \"k\", \"score\": 140}]}";
    const char *not_object = "[1, 2]";
    CHECK(report_add_buffer(r, "a.json", wrong_format, strlen(wrong_format)) == REPORT_BAD);
    CHECK(report_add_buffer(r, "b.json", missing, strlen(missing)) == REPORT_BAD);
    CHECK(report_add_buffer(r, "c.json", bad_score, strlen(bad_score)) == REPORT_BAD);
    CHECK(report_add_buffer(r, "d.json", not_object, strlen(not_object)) == REPORT_BAD);
    CHECK(report_add_file(r, "tests/fixtures/report/no-such-file.json") == REPORT_BAD);
    CHECK(r->bad == 5 && r->plays == 0);
    CHECK(r->diags.count >= 5);
    bool saw_line2 = false;
    for (size_t i = 0; i < r->diags.count; i++)
        if (strcmp(r->diags.items[i].file, "c.json") == 0) saw_line2 = r->diags.items[i].line == 2;
    CHECK(saw_line2);
    CHECK(report_finish(r, NULL));
    html = report_html(r, NULL);
    CHECK(html && strstr(html, "No play was read") != NULL);
    free(html);
    report_destroy(r);
}

/* A results file of `n` decisions in scene "s", choice "c<first + i>". */
static char *many_choices(const char *play_id, uint32_t first, uint32_t n, size_t *len) {
    size_t cap = 256 + (size_t)n * 48;
    char *b = malloc(cap);
    if (!b) return NULL;
    size_t k = (size_t)snprintf(b, cap,
                                "{\"format\": 2, \"play_id\": \"%s\", \"scenario\": {\"id\": \"x\"}, "
                                "\"decisions\": [",
                                play_id);
    for (uint32_t i = 0; i < n; i++)
        k += (size_t)snprintf(b + k, cap - k, "%s{\"scene\": \"s\", \"choice\": \"c%u\"}", i ? ", " : "",
                              (unsigned)(first + i));
    k += (size_t)snprintf(b + k, cap - k, "]}");
    *len = k;
    return b;
}

/* The report counts at most 65,526 choices in a scene: a play that could
 * take one past that is left out whole and named, with the limit, and the
 * report goes on (it used to stop on "out of memory"). */
static void test_limits(void) {
    Report *r = report_create(LANG_FR);
    size_t n1, n2, n3;
    char *a = many_choices("a", 0, 40000, &n1), *b = many_choices("b", 40000, 40000, &n2),
         *c = many_choices("c", 0, 3, &n3);
    CHECK(r && a && b && c);
    if (!r || !a || !b || !c) goto done;
    CHECK(report_add_buffer(r, "a.json", a, n1) == REPORT_ADDED);
    CHECK(report_add_buffer(r, "b.json", b, n2) == REPORT_BAD);
    CHECK(report_add_buffer(r, "c.json", c, n3) == REPORT_ADDED);
    CHECK(r->plays == 2 && r->bad == 1);
    CHECK(r->n_scenarios == 1 && r->scenarios[0].plays == 2 && r->scenarios[0].n_decisions == 1);
    CHECK(r->n_scenarios == 1 && r->scenarios[0].decisions[0].n_choices == 40000);
    CHECK(r->n_scenarios == 1 && r->scenarios[0].decisions[0].reached == 40003);
    bool named = false;
    for (size_t i = 0; i < r->diags.count; i++)
        if (strcmp(r->diags.items[i].file, "b.json") == 0)
            named = r->diags.items[i].code == DIAG_LIMIT && strstr(r->diags.items[i].message, "choices") &&
                    strstr(r->diags.items[i].message, "65526") && strcmp(r->diags.items[i].path, "/decisions") == 0;
    CHECK(named);
    /* The choices already counted are not new: a play naming one fits. */
    const char *d = "{\"format\": 2, \"play_id\": \"d\", \"scenario\": {\"id\": \"x\"}, "
                    "\"decisions\": [{\"scene\": \"s\", \"choice\": \"c1\"}], \"competencies\": [{\"id\": \"k\"}]}";
    CHECK(report_add_buffer(r, "d.json", d, strlen(d)) == REPORT_ADDED);
    CHECK(r->n_comps == 1 && r->scenarios[0].decisions[0].n_choices == 40000);
    /* A competency listed twice would count twice: the play is refused,
     * named at the second one, with the line of the first. */
    const char *e = "{\"format\": 2, \"play_id\": \"e\", \"scenario\": {\"id\": \"x\"},\n"
                    "\"decisions\": [{\"scene\": \"s\", \"choice\": \"c1\"}],\n"
                    "\"competencies\": [{\"id\": \"k\", \"score\": 100},\n{\"id\": \"k\", \"score\": 100}]}";
    CHECK(report_add_buffer(r, "e.json", e, strlen(e)) == REPORT_BAD);
    bool dup = false;
    for (size_t i = 0; i < r->diags.count; i++)
        if (strcmp(r->diags.items[i].file, "e.json") == 0)
            dup = r->diags.items[i].code == DIAG_DUPLICATE_ID && r->diags.items[i].line == 4 &&
                  strcmp(r->diags.items[i].path, "/competencies/1/id") == 0 &&
                  strstr(r->diags.items[i].message, "(ligne 3)") != NULL;
    CHECK(dup);
    CHECK(r->plays == 3 && r->bad == 2 && r->n_comps == 1 && r->comps[0].assessed == 0);
    CHECK(report_finish(r, NULL));
done:
    free(a);
    free(b);
    free(c);
    report_destroy(r);
}

/* report-data.json read back gives the same tables (for the debrief mode),
 * and a damaged one is named with its line and column. */
static void test_data_roundtrip(void) {
    Report *r = load_all(LANG_FR, LIB);
    char *json = report_json(r);
    char path[512];
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/enjeux-report-data-%ld.json", tmp && *tmp ? tmp : "/tmp", (long)clock());
    FILE *f = fopen(path, "wb");
    CHECK(f && json);
    if (!f || !json) return;
    fputs(json, f);
    fclose(f);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Report *back = report_data_load(path, LANG_EN, &dl);
    CHECK(back != NULL && dl.count == 0);
    if (back) {
        CHECK(back->plays == 10 && back->n_scenarios == 2 && back->n_focus == 2);
        const ReportScenario *s = scenario(back, "atelier");
        CHECK(s && s->plays == 9 && s->source == RS_TEXTS && s->n_endings == 3 && s->n_comps == 2);
        const ReportDecision *d = decision(s, "relecture");
        CHECK(choice_count(d, "mentionner") == 5 && d->reached == 9 && d->median_ms == r->scenarios[0].decisions[1].median_ms);
        CHECK(d && d->choices[0].text.s[LANG_EN] && strcmp(d->choices[0].text.s[LANG_FR], "Publier en mentionnant "
                                                           "l'aide de l'IA et la relecture humaine") == 0);
        const ReportCompetency *c = s ? comp(s->comps, s->n_comps, "transparence-information") : NULL;
        CHECK(c && c->median == 66 && c->bands[6] == 2 && c->bands[9] == 4 && c->mastery[RM_ACQUIRED] == 4);
        CHECK(scenario(back, "hors-catalogue") && scenario(back, "hors-catalogue")->source == RS_MISSING);
    }
    report_destroy(back);
    /* Cut in the middle. */
    f = fopen(path, "wb");
    if (f) {
        fwrite(json, 1, 200, f);
        fclose(f);
    }
    back = report_data_load(path, LANG_EN, &dl);
    CHECK(back == NULL && dl.errors == 1 && dl.items[0].line > 1);
    report_destroy(back);
    /* A results file is not report data. */
    diag_list_free(&dl);
    diag_list_init(&dl, LANG_FR);
    back = report_data_load(FILES[0], LANG_FR, &dl);
    CHECK(back == NULL && dl.errors >= 1);
    diag_list_free(&dl);
    remove(path);
    free(json);
    report_destroy(r);
}

static void test_format(void) {
    char b[64];
    CHECK(report_percent(2, 3) == 67 && report_percent(1, 8) == 13 && report_percent(0, 0) == 0);
    CHECK(report_percent(1, 200) == 1 && report_percent(1, 201) == 0);
    CHECK(strcmp(report_format_duration(b, sizeof b, 41600, LANG_FR), "42\u00A0s") == 0);
    CHECK(strcmp(report_format_duration(b, sizeof b, 65000, LANG_EN), "1\u00A0min 05\u00A0s") == 0);
    CHECK(report_mastery_parse("to-work-on") == RM_TO_WORK_ON && report_mastery_parse("acquired") == RM_ACQUIRED);
    CHECK(report_mastery_parse("bogus") == RM_NOT_ASSESSED && report_mastery_parse(NULL) == RM_NOT_ASSESSED);
    report_destroy(NULL);
    CHECK(lang_singular(LANG_FR, 0) && lang_singular(LANG_FR, 1) && !lang_singular(LANG_FR, 2));
    CHECK(!lang_singular(LANG_EN, 0) && lang_singular(LANG_EN, 1) && !lang_singular(LANG_EN, 2));
}

int main(void) {
    test_format();
    test_counts();
    test_outputs();
    test_changed_and_missing();
    test_data_roundtrip();
    test_limits();
    if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
    else printf("report: all checks passed\n");
    return check_failures ? 1 : 0;
}
