/* test_save.c — saves: JSON round trip, atomic write and load, resume on
 * an unchanged scenario, on an edited one whose path still holds, and on
 * edits that break the path at a known step; corrupted, truncated, foreign
 * and wrong-version saves are refused with located diagnostics, never
 * half-loaded. */
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/save.h"
#include "engine/check.h"
#include "engine/fixture.h"
#include "core/rng.h"

#define MINI FIXTURE_DIR "mini/scenario.json"

static Framework *fw;
static Scenario *sc;
static char *mini_text;
static size_t mini_len;

/* The fixture's text with every `from` replaced by `to`. */
static char *edited(const char *from, const char *to) {
    size_t nf = strlen(from), nt = strlen(to);
    char *out = malloc(mini_len * 2 + 1024);
    size_t o = 0;
    int count = 0;
    for (size_t i = 0; i < mini_len;) {
        if (strncmp(mini_text + i, from, nf) == 0) {
            memcpy(out + o, to, nt);
            o += nt;
            i += nf;
            count++;
        } else {
            out[o++] = mini_text[i++];
        }
    }
    out[o] = '\0';
    if (!count) {
        fprintf(stderr, "edit: \"%s\" not found\n", from);
        abort();
    }
    return out;
}

static Scenario *load_edited(const char *from, const char *to) {
    char *t = edited(from, to);
    Scenario *e = fixture_scenario_text(MINI, t, strlen(t), fw);
    free(t);
    return e;
}

static Save *parse(const char *text, DiagList *dl) {
    return save_parse("test.save", text, strlen(text), dl);
}

static Session *play(uint64_t seed, const char *const *choices) {
    Session *s = session_create(sc, fw, seed, LANG_EN);
    for (; *choices; choices++)
        if (!session_choose_id(s, *choices)) {
            fprintf(stderr, "play: cannot choose %s\n", *choices);
            abort();
        }
    return s;
}

static void test_round_trip(void) {
    uint64_t seed = fx_seed_for_draw(sc, "vite", false, 300000);
    const char *path[] = {"vite", "secret", NULL};
    Session *s = play(seed, path);
    char *json = save_to_json(s);
    CHECK(json != NULL);
    CHECK(strstr(json, "\"enjeux_save\": 1") != NULL);
    CHECK(strstr(json, "\"outcome\": \"rien\"") != NULL);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Save *sv = parse(json, &dl);
    CHECK(sv != NULL);
    CHECK_INT(dl.errors, 0);
    if (sv) {
        CHECK_STR(sv->scenario_id, "test-moteur");
        CHECK_STR(sv->scenario_version, "1.0.0");
        CHECK_INT(sv->seed, seed);
        CHECK_INT(sv->lang, LANG_EN);
        CHECK_INT(sv->n_steps, 2);
        CHECK_STR(sv->steps[0].scene, "accueil");
        CHECK_STR(sv->steps[0].choice, "vite");
        CHECK_STR(sv->steps[0].outcome, "rien");
        CHECK(sv->steps[1].outcome == NULL);
        ResumeReport rep;
        Session *r = save_resume(sv, sc, fw, &rep);
        CHECK(r != NULL);
        CHECK_INT(rep.status, RESUME_SAME);
        CHECK_INT(rep.steps_kept, 2);
        CHECK_STR(fx_scene_id(r), "crise");
        CHECK_INT(session_lang(r), LANG_EN);
        for (uint16_t m = 0; m < sc->n_meters; m++) CHECK_INT(session_meter(r, m), session_meter(s, m));
        char *again = r ? save_to_json(r) : NULL;
        CHECK(again && strcmp(again, json) == 0);
        free(again);
        char msg[512];
        CHECK_STR(save_describe_resume(&rep, LANG_EN, msg, sizeof msg), "Game resumed after 2 steps.");
        session_destroy(r);
    }
    save_free(sv);

    /* a finished play resumes at its ending */
    const char *full[] = {"aipd", "informer", "publier", NULL};
    Session *done = play(3, full);
    char *dj = save_to_json(done);
    Save *ds = parse(dj, &dl);
    ResumeReport drep;
    Session *dr = ds ? save_resume(ds, sc, fw, &drep) : NULL;
    CHECK(dr && session_is_over(dr) && drep.status == RESUME_SAME);
    CHECK_STR(dr ? session_ending(dr)->id : "", "fin-positive");
    session_destroy(dr);
    save_free(ds);
    free(dj);
    session_destroy(done);

    /* a large seed survives (stored as a decimal string) */
    Session *big = session_create(sc, fw, UINT64_MAX, LANG_FR);
    char *bj = save_to_json(big);
    Save *bs = parse(bj, &dl);
    CHECK(bs && bs->seed == UINT64_MAX && bs->lang == LANG_FR && bs->n_steps == 0);
    save_free(bs);
    free(bj);
    session_destroy(big);

    /* through a file */
    const char *file = "build-test-save.json";
    CHECK(save_write(s, file, &dl));
    Save *fs = save_load(file, &dl);
    CHECK(fs != NULL);
    CHECK(fs && fs->n_steps == 2);
    save_free(fs);
    remove(file);
    /* a missing file: io-error naming it */
    CHECK(save_load("no/such/save.json", &dl) == NULL);
    CHECK(dl.count > 0 && dl.items[dl.count - 1].code == DIAG_IO);
    diag_list_free(&dl);
    free(json);
    session_destroy(s);
}

/* Resumes the save of `path` (played on the fixture) on `edited_sc`. */
static Session *resume_on(Scenario *edited_sc, uint64_t seed, const char *const *path, ResumeReport *rep) {
    Session *s = play(seed, path);
    char *json = save_to_json(s);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Save *sv = parse(json, &dl);
    CHECK(sv != NULL);
    Session *r = sv ? save_resume(sv, edited_sc, fw, rep) : NULL;
    /* the report's ids point into the save: copy what the checks need */
    static char scene[80], choice[80];
    if (sv && rep->scene) {
        snprintf(scene, sizeof scene, "%s", rep->scene);
        rep->scene = scene;
    }
    if (sv && rep->choice) {
        snprintf(choice, sizeof choice, "%s", rep->choice);
        rep->choice = choice;
    }
    save_free(sv);
    diag_list_free(&dl);
    free(json);
    session_destroy(s);
    return r;
}

static void test_changed_scenario(void) {
    const char *good[] = {"aipd", "informer", "publier", NULL};
    ResumeReport rep;
    char msg[1024];

    /* a text edited: the hash changes, every step still holds */
    Scenario *e = load_edited("Le pilote commence.", "Le pilote commence enfin.");
    CHECK(e != NULL);
    Session *r = e ? resume_on(e, 1, good, &rep) : NULL;
    CHECK(r != NULL);
    CHECK_INT(rep.status, RESUME_CHANGED);
    CHECK_INT(rep.steps_kept, 3);
    CHECK(r && session_is_over(r));
    save_describe_resume(&rep, LANG_FR, msg, sizeof msg);
    CHECK(strstr(msg, "Le scénario a changé") != NULL);
    session_destroy(r);
    scenario_free(e);

    /* a choice renamed: diverges at step 2, resumes after step 1 */
    e = load_edited("\"id\": \"informer\"", "\"id\": \"prevenir\"");
    CHECK(e != NULL);
    r = e ? resume_on(e, 1, good, &rep) : NULL;
    CHECK(r != NULL);
    CHECK_INT(rep.status, RESUME_DIVERGED);
    CHECK_INT(rep.problem, RESUME_CHOICE_GONE);
    CHECK_INT(rep.steps_kept, 1);
    CHECK_STR(rep.scene, "pilote");
    CHECK_STR(rep.choice, "informer");
    CHECK(r && session_step_count(r) == 1);
    CHECK_STR(r ? fx_scene_id(r) : "", "pilote");
    save_describe_resume(&rep, LANG_EN, msg, sizeof msg);
    CHECK_STR(msg, "The scenario has changed since this save: step 2 of 3 no longer holds (the choice \"informer\" "
                   "no longer exists in the scene \"pilote\"). You can resume after step 1, or restart.");
    session_destroy(r);
    scenario_free(e);

    /* a scene renamed: diverges at step 3 */
    e = load_edited("bilan", "revue");
    CHECK(e != NULL);
    r = e ? resume_on(e, 1, good, &rep) : NULL;
    CHECK_INT(rep.status, RESUME_DIVERGED);
    CHECK_INT(rep.problem, RESUME_SCENE_GONE);
    CHECK_INT(rep.steps_kept, 2);
    CHECK_STR(rep.scene, "bilan");
    session_destroy(r);
    scenario_free(e);

    /* a condition tightened: "former" no longer available at step 2 */
    const char *train[] = {"attendre", "former", "publier", NULL};
    e = load_edited("\"op\": \">=\", \"value\": 40", "\"op\": \">=\", \"value\": 60");
    CHECK(e != NULL);
    r = e ? resume_on(e, 1, train, &rep) : NULL;
    CHECK_INT(rep.status, RESUME_DIVERGED);
    CHECK_INT(rep.problem, RESUME_CHOICE_UNAVAILABLE);
    CHECK_INT(rep.steps_kept, 1);
    session_destroy(r);
    scenario_free(e);

    /* a route changed: the saved scene is no longer the one reached */
    e = load_edited("\"next\": \"pilote\"\n        },\n        {\n          \"id\": \"vite\"",
                    "\"next\": \"bilan\"\n        },\n        {\n          \"id\": \"vite\"");
    CHECK(e != NULL);
    r = e ? resume_on(e, 1, good, &rep) : NULL;
    CHECK_INT(rep.status, RESUME_DIVERGED);
    CHECK_INT(rep.problem, RESUME_SCENE_NOT_REACHED);
    CHECK_INT(rep.steps_kept, 1);
    CHECK_STR(rep.reached, "bilan");
    session_destroy(r);
    scenario_free(e);

    /* probabilities changed to 0.8 / 0.2: with a draw in [0.3, 0.8) the outcome changes;
     * the session stays before that step (the start) */
    uint64_t seed = 0;
    for (uint64_t k = 1; k < 10000 && !seed; k++) {
        Session *t = session_create(sc, fw, k, LANG_FR);
        const StepResult *st = session_choose_id(t, "vite");
        if (st->draw >= 300000 && st->draw < 800000) seed = k;
        session_destroy(t);
    }
    CHECK(seed != 0);
    const char *risky[] = {"vite", "informer", NULL};
    char *t1 = edited("\"probability\": 0.3", "\"probability\": 0.8");
    char *t2 = NULL;
    {
        char *save_text = mini_text;
        size_t save_len = mini_len;
        mini_text = t1;
        mini_len = strlen(t1);
        t2 = edited("\"probability\": 0.7", "\"probability\": 0.2");
        mini_text = save_text;
        mini_len = save_len;
    }
    e = fixture_scenario_text(MINI, t2, strlen(t2), fw);
    CHECK(e != NULL);
    r = e ? resume_on(e, seed, risky, &rep) : NULL;
    CHECK_INT(rep.status, RESUME_DIVERGED);
    CHECK_INT(rep.problem, RESUME_OUTCOME_CHANGED);
    CHECK_INT(rep.steps_kept, 0);
    CHECK(r && session_step_count(r) == 0);
    session_destroy(r);
    scenario_free(e);
    free(t1);
    free(t2);

    /* another scenario's save */
    e = load_edited("\"id\": \"test-moteur\"", "\"id\": \"autre-scenario\"");
    CHECK(e != NULL);
    r = e ? resume_on(e, 1, good, &rep) : NULL;
    CHECK(r == NULL);
    CHECK_INT(rep.status, RESUME_FOREIGN);
    scenario_free(e);
}

/* Expects `text` to be refused with a diagnostic of `code` at `line`
 * (0: any line). */
static void expect_refused(const char *what, const char *text, size_t len, DiagCode code, uint32_t line) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Save *sv = save_parse("bad.save", text, len, &dl);
    if (sv || dl.errors == 0 || dl.count == 0) {
        fprintf(stderr, "%s: accepted\n", what);
        check_failures++;
    } else if (dl.items[0].code != code || (line && dl.items[0].line != line)) {
        fprintf(stderr, "%s: got %s at line %u\n", what, diag_slug(dl.items[0].code), dl.items[0].line);
        check_failures++;
    }
    save_free(sv);
    diag_list_free(&dl);
}

static void test_corrupted(void) {
    const char *path[] = {"aipd", "informer", "publier", NULL};
    Session *s = play(1, path);
    char *json = save_to_json(s);
    size_t n = strlen(json);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);

    /* every truncation is refused, never half-loaded */
    for (size_t k = 0; k + 1 < n; k++) {
        Save *sv = save_parse("cut.save", json, k, &dl);
        if (sv) {
            fprintf(stderr, "truncated at %zu: accepted\n", k);
            check_failures++;
        } else if (k > 0 && (dl.count == 0 || !strstr(dl.items[0].message, "truncated"))) {
            fprintf(stderr, "truncated at %zu: not reported as truncated (%s)\n", k,
                    dl.count ? dl.items[0].message : "no diagnostic");
            check_failures++;
        }
        save_free(sv);
        diag_list_free(&dl);
    }
    /* a truncation names the place with file:line:col */
    Save *sv = save_parse("cut.save", json, n / 2, &dl);
    CHECK(sv == NULL);
    CHECK(dl.count >= 1 && dl.items[0].code == DIAG_SAVE_DAMAGED && dl.items[0].line > 1);
    char *text = diag_list_format_text(&dl);
    CHECK(text && strstr(text, "cut.save:") == text && strstr(text, "truncated") != NULL);
    free(text);
    diag_list_free(&dl);

#define REFUSED(what, text, code, line) expect_refused(what, text, strlen(text), code, line)
    REFUSED("empty", "", DIAG_SAVE_DAMAGED, 0);
    REFUSED("blank", "  \n ", DIAG_SAVE_DAMAGED, 0);
    REFUSED("syntax", "{\n  \"enjeux_save\": 1,,\n}", DIAG_SAVE_DAMAGED, 2);
    expect_refused("nul", "{\"a\":\0}", 7, DIAG_SAVE_DAMAGED, 1);
    REFUSED("utf8", "{\"a\": \"\xff\"}", DIAG_BAD_UTF8, 1);
    REFUSED("array", "[1, 2]", DIAG_SAVE_FOREIGN, 0);
    expect_refused("foreign", mini_text, mini_len, DIAG_SAVE_FOREIGN, 0);
    REFUSED("trailing", "{\"enjeux_save\": 1}\n{}", DIAG_SAVE_DAMAGED, 2);

    char *v2 = malloc(n + 16);
    memcpy(v2, json, n + 1);
    memcpy(strstr(v2, "\"enjeux_save\": 1") + 15, "2", 1);
    expect_refused("version", v2, n, DIAG_SAVE_VERSION, 2);
    memcpy(v2, json, n + 1);
    char *h = strstr(v2, "\"content_hash\": \"") + 17;
    h[3] = 'z';
    expect_refused("hash", v2, n, DIAG_SAVE_DAMAGED, 5);
    memcpy(v2, json, n + 1);
    char *sd = strstr(v2, "\"seed\": \"") + 9;
    sd[0] = 'x';
    expect_refused("seed", v2, n, DIAG_SAVE_DAMAGED, 6);
    memcpy(v2, json, n + 1);
    char *ch = strstr(v2, "\"choice\": \"informer\"") + 11;
    ch[0] = 'I';
    expect_refused("bad id", v2, n, DIAG_BAD_ID, 10);
    memcpy(v2, json, n + 1);
    char *sc_key = strstr(v2, "\"scenario\"");
    sc_key[1] = 'S';
    expect_refused("missing field", v2, n, DIAG_MISSING_FIELD, 0);
    free(v2);

    /* random garbage of every size: refused, no crash */
    Rng g;
    rng_seed(&g, 2024);
    char buf[512];
    for (int k = 0; k < 2000; k++) {
        size_t len = 1 + rng_below(&g, sizeof buf - 1);
        for (size_t i = 0; i < len; i++) buf[i] = (char)rng_below(&g, 256);
        if (rng_below(&g, 2)) memcpy(buf, json, len < n / 2 ? len : n / 2); /* a plausible start */
        Save *x = save_parse("garbage.save", buf, len, &dl);
        CHECK(x == NULL);
        save_free(x);
        diag_list_free(&dl);
    }

    /* a wrong hash in a well-formed save: loads; resume says it changed */
    char *wh = malloc(n + 1);
    memcpy(wh, json, n + 1);
    char *hh = strstr(wh, "\"content_hash\": \"") + 17;
    memcpy(hh, "0123456789abcdef", 16);
    Save *ok = save_parse("hash.save", wh, n, &dl);
    CHECK(ok != NULL);
    ResumeReport rep;
    Session *r = ok ? save_resume(ok, sc, fw, &rep) : NULL;
    CHECK(r != NULL);
    CHECK_INT(rep.status, RESUME_CHANGED);
    session_destroy(r);
    save_free(ok);
    free(wh);
    diag_list_free(&dl);
    free(json);
    session_destroy(s);
}

int main(void) {
    fw = fixture_framework();
    sc = fixture_scenario(MINI, fw);
    mini_text = fixture_read(MINI, &mini_len);
    CHECK(fw && sc && mini_text);
    if (!fw || !sc || !mini_text) CHECK_DONE();
    test_round_trip();
    test_changed_scenario();
    test_corrupted();
    scenario_free(sc);
    framework_free(fw);
    free(mini_text);
    CHECK_DONE();
}
