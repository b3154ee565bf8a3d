/* test_loader.c — the loader keeps every field of the kitchen-sink fixture,
 * resolves references to the right indices, compiles conditions, converts
 * probabilities; the diagnostic tables are complete; JSON Pointer
 * location and the raw-text checks give the right line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/framework.h"
#include "core/idtable.h"
#include "core/json_text.h"
#include "core/hash.h"
#include "core/scenario.h"
#include "core/utf8.h"
#include "engine/check.h"

static bool streq(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

#define CHECK_LOC(l, fr, en) CHECK(streq((l).s[LANG_FR], (fr)) && streq((l).s[LANG_EN], (en)))

static void print_diags(const DiagList *dl) {
    char *s = diag_list_format_text(dl);
    if (s) fputs(s, stderr);
    free(s);
}

static void test_diag_tables(void) {
    DiagList dl;
    for (int lang = 0; lang < LANG_COUNT; lang++) {
        diag_list_init(&dl, (Lang)lang);
        for (int c = 0; c < DIAG_CODE_COUNT; c++) {
            const char *args[4] = {"a", "b", "c", "d"};
            CHECK(diag_add(&dl, (DiagCode)c, "f.json", 1, 1, "/x", args));
            CHECK(strlen(dl.items[c].message) > 5);
            /* json-syntax's hint is the reader's own advice, {1}, when it has one. */
            CHECK(strlen(dl.items[c].hint) > 5 || (c == DIAG_JSON_SYNTAX && streq(dl.items[c].hint, "b")));
            CHECK(strchr(dl.items[c].message, '{') == NULL || strstr(dl.items[c].message, "{0}") == NULL);
            CHECK(diag_slug((DiagCode)c)[0] != '\0');
            for (int d = 0; d < c; d++) CHECK(strcmp(diag_slug((DiagCode)c), diag_slug((DiagCode)d)) != 0);
        }
        char *json = diag_list_format_json(&dl);
        CHECK(json && json[0] == '[');
        free(json);
        diag_list_free(&dl);
    }
    /* The alternative hint is used when there is no suggestion. */
    diag_list_init(&dl, LANG_EN);
    const char *with[4] = {"speeker", "speaker", NULL, NULL};
    const char *without[4] = {"zzz", NULL, NULL, NULL};
    diag_add(&dl, DIAG_UNKNOWN_FIELD, "f", 1, 1, "", with);
    diag_add(&dl, DIAG_UNKNOWN_FIELD, "f", 1, 1, "", without);
    CHECK(strstr(dl.items[0].hint, "\"speaker\"") != NULL);
    CHECK(strstr(dl.items[1].hint, "Did you mean") == NULL);
    /* json-syntax: the reader's advice when given, the general one otherwise. */
    const char *advice[4] = {"unexpected character 'x'", "Remove this comma.", NULL, NULL};
    diag_add(&dl, DIAG_JSON_SYNTAX, "f", 1, 1, "", advice);
    diag_add(&dl, DIAG_JSON_SYNTAX, "f", 1, 1, "", without);
    CHECK(streq(dl.items[2].hint, "Remove this comma."));
    CHECK(strstr(dl.items[3].hint, "missing or extra comma") != NULL);
    /* The cap. */
    for (int i = 0; i < DIAG_MAX + 10; i++) diag_add(&dl, DIAG_BAD_ID, "f", 1, 1, "", without);
    CHECK(dl.count == DIAG_MAX);
    CHECK(dl.dropped == 14);
    diag_list_free(&dl);
}

static void test_json_text(void) {
    const char *src = "{\n  \"a\": [1, {\"b\": \"é\", \"c\": 2}],\n  \"d~/\": {\"e\": 3, \"e\": 4}\n}";
    size_t len = strlen(src), off;
    JsonText t;
    json_text_init(&t, src, len);
    uint32_t line, col;
    CHECK(json_text_locate(src, len, "/a/1/c", false, 0, &off));
    json_text_linecol(&t, off, &line, &col);
    CHECK(line == 2 && col == 28); /* é counts as one column */
    CHECK(json_text_locate(src, len, "/a/1/c", true, 0, &off));
    json_text_linecol(&t, off, &line, &col);
    CHECK(line == 2 && col == 23);
    CHECK(json_text_locate(src, len, "/d~0~1/e", true, 1, &off));
    json_text_linecol(&t, off, &line, &col);
    CHECK(line == 3 && col == 19);
    CHECK(!json_text_locate(src, len, "/a/2", false, 0, &off));
    CHECK(json_text_locate(src, len, "", false, 0, &off) && off == 0);
    json_text_free(&t);

    size_t bad;
    CHECK(json_text_check_utf8("h\xc3\xa9", 3, &bad));
    CHECK(!json_text_check_utf8("ab\xc3(", 4, &bad) && bad == 2);
    CHECK(!json_text_check_utf8("\xc0\x80", 2, &bad) && bad == 0);          /* overlong */
    CHECK(!json_text_check_utf8("\xed\xa0\x80", 3, &bad) && bad == 0);      /* surrogate */
    CHECK(!json_text_check_utf8("x\xf4\x90\x80\x80", 5, &bad) && bad == 1); /* > U+10FFFF */
    CHECK(!json_text_check_utf8("0123456789abcdef\xff", 17, &bad) && bad == 16);
    CHECK(json_text_check_depth("[[\"[[[\"]]", 9, 2, &bad));
    CHECK(!json_text_check_depth("[[[]]]", 6, 2, &bad) && bad == 2);
}

static void test_kitchen_sink(void) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Framework *fw = NULL;
    Scenario *sc = scenario_load_auto("tests/fixtures/valid/kitchen-sink/scenario.json", &fw, &dl);
    CHECK(sc != NULL);
    CHECK(fw != NULL);
    CHECK(dl.errors == 0);
    if (!sc || !fw) {
        print_diags(&dl);
        diag_list_free(&dl);
        scenario_free(sc);
        framework_free(fw);
        return;
    }
    /* The one warning: a plain-string text in a bilingual scenario. */
    CHECK(dl.warnings == 1 && dl.items[0].code == DIAG_MISSING_TRANSLATION && streq(dl.items[0].path, "/scenes/1/text"));

    CHECK(sc->format == 1);
    CHECK_STR(sc->id, "kitchen-sink");
    CHECK_STR(sc->version, "1.2.0");
    CHECK_LOC(sc->title, "Tout le format", "The whole format");
    CHECK_LOC(sc->sector, "Santé", "Health");
    CHECK(sc->summary.s[LANG_FR] && sc->summary.s[LANG_EN]);
    CHECK(sc->level == 2 && sc->minutes == 25);
    CHECK(sc->n_languages == 2 && streq(sc->languages[0], "fr") && streq(sc->languages[1], "en"));
    CHECK(sc->n_authors == 2 && streq(sc->authors[0], "Équipe Enjeux"));
    CHECK_STR(sc->licence, "CC-BY-SA-4.0");
    CHECK_STR(sc->framework_path, "../../competencies.json");
    CHECK_STR(sc->dir, "tests/fixtures/valid/kitchen-sink");
    char hex[17];
    scenario_hash_hex(sc, hex);
    CHECK(strlen(hex) == 16 && sc->content_hash != 0);

    CHECK_LOC(sc->tool.name, "TriageIA", "TriageAI");
    CHECK(sc->tool.kind == AI_KIND_CLASSIFICATION && sc->tool.risk == AI_RISK_HIGH);
    CHECK_STR(sc->tool.provider.s[LANG_FR], "MedAlgo SAS");
    CHECK(sc->tool.risk_note.s[LANG_EN] != NULL);
    CHECK_STR(ai_risk_slug(sc->tool.risk), "high");
    CHECK_STR(ai_kind_slug(sc->tool.kind), "classification");
    CHECK(sc->role.s[LANG_FR] && sc->context.s[LANG_EN]);

    /* Competencies: the two targeted ones (the evidence uses no other). */
    CHECK(sc->n_competencies == 2 && sc->n_targeted == 2);
    CHECK_STR(sc->competencies[0], "protection-donnees");
    CHECK(scenario_find_competency(sc, "proportionnalite") == 1);
    CHECK(framework_find(fw, "supervision-humaine") == 2);

    CHECK(sc->n_meters == 2);
    const Meter *m = &sc->meters[0];
    CHECK_STR(m->id, "budget");
    CHECK_LOC(m->label, "Budget", "Budget");
    CHECK(m->description.s[LANG_FR] != NULL);
    CHECK(m->min == 0 && m->max == 100 && m->initial == 60 && m->higher_is_better);
    CHECK(sc->meters[1].min == -10 && !sc->meters[1].higher_is_better);
    CHECK(scenario_find_meter(sc, "empreinte") == 1 && scenario_find_meter(sc, "nope") == -1);

    CHECK(sc->n_flags == 2 && !sc->flags[0].initial && sc->flags[1].initial);
    CHECK(sc->flags[0].description.s[LANG_EN] != NULL);
    CHECK(sc->n_counters == 1 && sc->counters[0].initial == 2);
    CHECK(scenario_find_flag(sc, "informes") == 1 && scenario_find_counter(sc, "raccourcis") == 0);

    CHECK(sc->n_characters == 1);
    const Character *ch = &sc->characters[0];
    CHECK_STR(ch->name.s[LANG_FR], "Inès Bakari");
    CHECK_LOC(ch->role, "Infirmière d'accueil", "Triage nurse");
    CHECK_STR(ch->portrait, "images/ines.svg");
    CHECK(ch->portrait_alt.s[LANG_EN] != NULL);
    CHECK(scenario_find_character(sc, "ines") == 0);

    CHECK(sc->n_scenes == 2 && sc->start == 0);
    CHECK(scenario_find_scene(sc, "semaine-2") == 1 && scenario_find_scene(sc, "fin-crise") == -1);
    CHECK(scenario_find_ending(sc, "fin-crise") == 1 && scenario_find_ending(sc, "accueil") == -1);
    const Scene *s = &sc->scenes[0];
    CHECK_STR(s->id, "accueil");
    CHECK(s->act == 1 && s->speaker == 0);
    CHECK_LOC(s->title, "Lundi, 8 h", "Monday, 8 a.m.");
    CHECK_STR(s->image, "images/accueil.svg");
    CHECK(s->image_alt.s[LANG_FR] && s->text.s[LANG_EN] && s->debrief.s[LANG_FR]);
    CHECK(s->n_choices == 2);
    CHECK(sc->scenes[1].act == 0 && sc->scenes[1].speaker == -1 && sc->scenes[1].image == NULL);
    CHECK_STR(sc->scenes[1].text.s[LANG_FR], "Une semaine plus tard.");
    CHECK(sc->scenes[1].text.s[LANG_EN] == NULL);

    const Choice *c0 = &s->choices[0];
    CHECK_STR(c0->id, "deployer-vite");
    CHECK(scenario_find_choice(sc, 0, "aipd") == 1);
    CHECK(!c0->hide_unavailable && c0->reason.s[LANG_EN]);
    /* all [ budget >= 20, not flag aipd_faite, any [raccourcis < 5, flag informes] ] */
    CHECK(c0->cond >= 0 && (uint32_t)c0->cond < sc->n_conds);
    if (c0->cond >= 0) {
        const Cond *root = &sc->conds[c0->cond];
        CHECK(root->kind == COND_ALL && root->kid_count == 3);
        const Cond *k0 = &sc->conds[sc->cond_kids[root->first_kid]];
        const Cond *k1 = &sc->conds[sc->cond_kids[root->first_kid + 1]];
        const Cond *k2 = &sc->conds[sc->cond_kids[root->first_kid + 2]];
        CHECK(k0->kind == COND_METER && k0->index == 0 && k0->op == CMP_GE && k0->value == 20);
        CHECK(k1->kind == COND_NOT && k1->kid_count == 1);
        const Cond *f = &sc->conds[sc->cond_kids[k1->first_kid]];
        CHECK(f->kind == COND_FLAG && f->index == 0 && f->value == 1);
        CHECK(k2->kind == COND_ANY && k2->kid_count == 2);
        const Cond *cnt = &sc->conds[sc->cond_kids[k2->first_kid]];
        CHECK(cnt->kind == COND_COUNTER && cnt->index == 0 && cnt->op == CMP_LT && cnt->value == 5);
    }
    const Effects *e = &c0->effects;
    CHECK(e->n_meters == 2 && e->meters[0].meter == 0 && e->meters[0].delta == -20 && e->meters[1].delta == 3);
    CHECK(e->n_flags == 1 && e->flags[0].flag == 0 && !e->flags[0].value);
    CHECK(e->n_counters == 1 && e->counters[0].delta == 1);
    CHECK(e->n_evidence == 2 && e->evidence[0].competency == 0 && e->evidence[0].value == -2 &&
          e->evidence[1].competency == 1 && e->evidence[1].value == 1);
    CHECK(e->n_schedule == 1 && e->schedule[0] == 0);
    CHECK_LOC(c0->feedback.reference, "RGPD, art. 35", "GDPR, Art. 35");
    CHECK(c0->feedback.text.s[LANG_FR] && c0->feedback.principle.s[LANG_EN]);
    CHECK(c0->n_routes == 1 && c0->routes[0].cond == -1 && c0->routes[0].target.kind == TARGET_SCENE &&
          c0->routes[0].target.index == 1);
    CHECK(c0->n_outcomes == 2);
    if (c0->n_outcomes == 2) {
        const Outcome *o = &c0->outcomes[0];
        CHECK_STR(o->id, "fuite");
        CHECK(o->weight == 300000 && c0->outcomes[1].weight == 700000);
        CHECK(o->effects.n_meters == 1 && o->effects.meters[0].delta == -15 && o->effects.n_evidence == 0);
        CHECK(o->effects.n_flags == 1 && o->effects.n_counters == 1 && o->effects.counters[0].delta == -1);
        CHECK(o->effects.n_schedule == 1 && o->effects.schedule[0] == 1);
        CHECK(o->feedback.reference.s[LANG_EN] != NULL);
        CHECK(o->n_routes == 1 && o->routes[0].target.kind == TARGET_ENDING && o->routes[0].target.index == 1);
        CHECK(c0->outcomes[1].n_routes == 0);
    }
    const Choice *c1 = &s->choices[1];
    CHECK(c1->hide_unavailable && loc_is_empty(&c1->reason));
    CHECK(c1->cond >= 0 && sc->conds[c1->cond].kind == COND_FLAG && sc->conds[c1->cond].index == 1);
    CHECK(c1->n_routes == 2);
    if (c1->n_routes == 2) {
        CHECK(c1->routes[0].cond >= 0 && sc->conds[c1->routes[0].cond].kind == COND_METER);
        CHECK(c1->routes[0].target.kind == TARGET_ENDING && c1->routes[0].target.index == 1);
        CHECK(c1->routes[1].cond == -1 && c1->routes[1].target.kind == TARGET_SCENE);
    }
    CHECK(c1->n_outcomes == 0);

    CHECK(sc->n_events == 2);
    const Event *ev = &sc->events[0];
    CHECK_STR(ev->id, "controle-cnil");
    CHECK(scenario_find_event(sc, "plainte") == 1);
    CHECK(ev->when >= 0 && sc->conds[ev->when].kind == COND_ALL);
    if (ev->when >= 0) {
        const Cond *w = &sc->conds[ev->when];
        const Cond *a = &sc->conds[sc->cond_kids[w->first_kid]];
        const Cond *b = &sc->conds[sc->cond_kids[w->first_kid + 1]];
        CHECK(a->kind == COND_AFTER && a->value == 1);
        CHECK(b->kind == COND_SCENE && b->index == 1);
    }
    CHECK_LOC(ev->title, "Six mois plus tard…", "Six months later…");
    CHECK(ev->speaker == 0 && streq(ev->image, "images/accueil.svg") && ev->image_alt.s[LANG_FR]);
    CHECK(ev->effects.n_meters == 1 && ev->effects.n_flags == 1 && ev->effects.n_counters == 1 &&
          ev->effects.n_schedule == 1);
    CHECK(ev->feedback.text.s[LANG_FR] && ev->feedback.principle.s[LANG_FR] && ev->feedback.reference.s[LANG_EN]);
    CHECK(sc->events[1].when >= 0 && sc->conds[sc->events[1].when].kind == COND_ANY && sc->events[1].speaker == -1);

    CHECK(sc->n_endings == 2);
    const Ending *en = &sc->endings[0];
    CHECK_STR(en->id, "fin-equilibre");
    CHECK(en->tone == TONE_POSITIVE && sc->endings[1].tone == TONE_NEGATIVE);
    CHECK_STR(en->image, "images/fin.svg");
    CHECK(en->image_alt.s[LANG_EN] && en->title.s[LANG_FR] && en->text.s[LANG_EN]);

    CHECK(fw->acquired == 80 && fw->in_progress == 50);
    CHECK(fw->n_domains == 2 && fw->n_items == 4);
    CHECK(fw->level_names[2].s[LANG_FR] != NULL);
    CHECK(fw->items[0].n_alignments == 1 && streq(fw->items[0].alignments[0].code, "2.2"));
    CHECK(fw->items[0].level == 2 && streq(fw->items[0].domain, "ethique"));

    scenario_free(sc);
    framework_free(fw);
    diag_list_free(&dl);
}

/* Loading from a buffer, with and without a framework; the scenario is
 * rejected when the framework lacks one of its competencies. */
static void test_buffer(void) {
    DiagList dl;
    diag_list_init(&dl, LANG_FR);
    Framework *fw = framework_load("tests/fixtures/competencies.json", &dl);
    CHECK(fw != NULL && dl.count == 0);
    FILE *f = fopen("tests/fixtures/valid/kitchen-sink/scenario.json", "rb");
    CHECK(f != NULL);
    if (!f || !fw) {
        framework_free(fw);
        diag_list_free(&dl);
        return;
    }
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    Scenario *sc = scenario_load_buffer("tests/fixtures/valid/kitchen-sink/scenario.json", buf, n, fw, &dl);
    CHECK(sc != NULL);
    CHECK(sc && sc->content_hash == hash_content(buf, n)); /* the hash of the bytes */
    scenario_free(sc);
    /* With a byte-order mark: accepted, and hashed too. */
    static char bom[(1 << 16) + 3];
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, buf, n);
    sc = scenario_load_buffer("tests/fixtures/valid/kitchen-sink/scenario.json", bom, n + 3, fw, &dl);
    CHECK(sc && sc->content_hash == hash_content(bom, n + 3));
    CHECK(sc && sc->content_hash != idtable_fnv1a(buf, n));
    scenario_free(sc);
    sc = scenario_load_buffer("tests/fixtures/valid/kitchen-sink/scenario.json", buf, n, NULL, &dl);
    CHECK(sc != NULL);
    scenario_free(sc);
    CHECK(dl.errors == 0);
    /* An unknown language code in a text is a warning, in French. */
    diag_list_free(&dl);
    sc = scenario_load_buffer("x.json", "", 0, NULL, &dl);
    CHECK(sc == NULL && dl.count == 1 && dl.items[0].code == DIAG_EMPTY_FILE);
    CHECK(strstr(dl.items[0].message, "vide") != NULL);
    diag_list_free(&dl);
    framework_free(fw);
    scenario_free(NULL);
    framework_free(NULL);
    diag_list_free(NULL);
}

static bool valid_utf8(const char *s) {
    for (size_t i = 0, n = strlen(s); i < n;) {
        size_t k = (unsigned char)s[i] < 0x80 ? 1 : utf8_sequence_length(s + i, n - i);
        if (!k) return false;
        i += k;
    }
    return true;
}

/* Messages quote what the trainer wrote, cut to a length: never inside a
 * character (a cut "é" made the message invalid UTF-8). */
static void test_cut_quotes(void) {
    CHECK(utf8_prefix("abc", 10) == 3 && utf8_prefix("abc", 2) == 2 && utf8_prefix("", 4) == 0);
    CHECK(utf8_prefix("a\xC3\xA9", 2) == 1 && utf8_prefix("a\xC3\xA9", 3) == 3);
    CHECK(utf8_prefix("\xE2\x80\xAF!", 2) == 0 && utf8_prefix("\xE2\x80\xAF!", 3) == 3);
    char e[200] = "a";
    for (int i = 0; i < 60; i++) strcat(e, "\xC3\xA9"); /* "a" then 60 "é": byte 70 is inside one */
    char json[1024];
    snprintf(json, sizeof json, "{\"format\": 1, \"id\": \"%s\", \"%s\": 1, \"tool\": {\"risk\": \"%s\"}}", e, e, e);
    DiagList dl;
    diag_list_init(&dl, LANG_FR);
    Scenario *sc = scenario_load_buffer("cut.json", json, strlen(json), NULL, &dl);
    CHECK(sc == NULL);
    size_t quoted = 0;
    for (size_t i = 0; i < dl.count; i++) {
        CHECK(valid_utf8(dl.items[i].message));
        if (strstr(dl.items[i].message, "\xC3\xA9\xC3\xA9\xE2\x80\xA6")) quoted++;
    }
    CHECK(quoted >= 3); /* the id, the unknown field and the risk value, each cut with "…" */
    if (quoted < 3) print_diags(&dl);
    scenario_free(sc);
    diag_list_free(&dl);
}

int main(void) {
    test_cut_quotes();
    test_diag_tables();
    test_json_text();
    test_kitchen_sink();
    test_buffer();
    if (check_failures) {
        fprintf(stderr, "%d check(s) failed\n", check_failures);
        return 1;
    }
    puts("test_loader: all checks passed");
    return 0;
}
