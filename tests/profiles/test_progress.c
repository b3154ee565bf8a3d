/* test_progress.c — progress.json: best and latest per competency, badges
 * with their first date, unknown fields kept across a save, values of the
 * wrong type ignored, a damaged file rebuilt from the result files, and a
 * play counted from a real finished session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/framework.h"
#include "core/fsutil.h"
#include "core/progress.h"
#include "core/scenario.h"
#include "engine/check.h"
#include "engine/fixture.h"

static char pdir[512];

static void write_text(const char *rel, const char *text) { fixture_write_text(pdir, rel, text); }

static ProgressPlay play_of(const char *scen, const char *date, const char *pid, int s1, int s2, uint8_t badges) {
    ProgressPlay p;
    memset(&p, 0, sizeof p);
    p.scenario = scen;
    p.version = "1.0";
    p.level = 1;
    p.date = date;
    p.play_id = pid;
    p.n_scores = 2;
    p.scores[0] = (ProgressScore){"confidentialite-securite", s1, s1 >= 80 ? MASTERY_ACQUIRED : MASTERY_TO_WORK_ON};
    p.scores[1] = (ProgressScore){"transparence-information", s2, s2 < 0 ? MASTERY_NOT_ASSESSED : s2 >= 80 ? MASTERY_ACQUIRED : MASTERY_IN_PROGRESS};
    p.badges = badges;
    return p;
}

static void test_counting(void) {
    Progress *p = progress_create();
    CHECK(p != NULL);
    ProgressPlay a = play_of("atelier", "2026-11-20T10:00:00Z", "p1", 90, 60, 1);
    ProgressPlay b = play_of("atelier", "2026-11-21T10:00:00Z", "p2", 40, -1, 0);
    ProgressPlay c = play_of("mairie", "2026-11-22T10:00:00Z", "p3", 85, 70, 1);
    CHECK(progress_add_play(p, &a));
    CHECK(progress_add_play(p, &b));
    CHECK(progress_add_play(p, &b)); /* same play id: counted once */
    CHECK(progress_add_play(p, &c));
    ProgressCompetency pc;
    CHECK(progress_competency(p, "confidentialite-securite", &pc));
    CHECK_INT(pc.best.score, 90);
    CHECK_INT(pc.best.mastery, MASTERY_ACQUIRED);
    CHECK_STR(pc.best.date, "2026-11-20T10:00:00Z");
    CHECK_INT(pc.latest.score, 85);
    CHECK_STR(pc.latest.scenario, "mairie");
    CHECK_INT(pc.assessed, 3);
    CHECK(progress_competency(p, "transparence-information", &pc));
    CHECK_INT(pc.best.score, 70);
    CHECK_INT(pc.latest.score, 70);
    CHECK_INT(pc.assessed, 2);
    CHECK(!progress_competency(p, "never", &pc));
    CHECK_INT(pc.best.score, -1);
    const char *date;
    uint32_t count;
    CHECK(progress_badge(p, 1, &date, &count));
    CHECK_STR(date, "2026-11-20T10:00:00Z");
    CHECK_INT(count, 2);
    CHECK(!progress_badge(p, 2, &date, &count));
    CHECK_INT(progress_scenario_plays(p, "atelier"), 2);
    CHECK_INT(progress_scenario_plays(p, "mairie"), 1);
    CHECK_INT(progress_total_plays(p), 3);

    int err;
    CHECK(progress_save(p, pdir, &err));
    progress_free(p);
    ProgressLoadReport rep;
    p = progress_load(pdir, &rep);
    CHECK_INT(rep.status, PROGRESS_LOADED);
    CHECK_INT(progress_total_plays(p), 3);
    CHECK(progress_competency(p, "confidentialite-securite", &pc));
    CHECK_INT(pc.best.score, 90);
    progress_free(p);
}

static void test_future_and_wrong_types(void) {
    /* A file from a later version: its unknown fields survive an update;
     * values of the wrong type are ignored, then replaced. */
    write_text("progress.json",
               "{\"format\":3,\"streak\":{\"days\":4},\"plays\":\"many\","
               "\"competencies\":{\"confidentialite-securite\":{\"best\":{\"score\":\"high\"},\"latest\":7,"
               "\"note\":\"kept\"}},\"badges\":[1,2],\"scenarios\":{\"atelier\":{\"plays\":2,\"stars\":5}}}");
    ProgressLoadReport rep;
    Progress *p = progress_load(pdir, &rep);
    CHECK_INT(rep.status, PROGRESS_LOADED);
    ProgressCompetency pc;
    CHECK(!progress_competency(p, "confidentialite-securite", &pc));
    CHECK_INT(progress_total_plays(p), 0);
    CHECK(!progress_badge(p, 1, NULL, NULL));
    ProgressPlay a = play_of("atelier", "2026-11-22T11:00:00Z", NULL, 50, 90, 1);
    CHECK(progress_add_play(p, &a));
    char *text = progress_to_text(p);
    CHECK(text && strstr(text, "\"streak\"") && strstr(text, "\"days\":\t4") && strstr(text, "\"note\":\t\"kept\"") &&
          strstr(text, "\"stars\":\t5") && strstr(text, "\"format\":\t3"));
    free(text);
    CHECK(progress_competency(p, "confidentialite-securite", &pc));
    CHECK_INT(pc.best.score, 50);
    CHECK_INT(progress_scenario_plays(p, "atelier"), 3);
    CHECK(progress_badge(p, 1, NULL, NULL));
    progress_free(p);
}

static void test_damaged(void) {
    /* Two result files (formats 1 and 2) and a damaged progress file. */
    write_text("results/atelier.json",
               "{\"format\":1,\"scenario\":\"atelier\",\"version\":\"1.0\",\"ending\":\"fin\",\"competencies\":["
               "{\"id\":\"confidentialite-securite\",\"targeted\":true,\"score\":30,\"mastery\":\"to_work_on\"},"
               "{\"id\":\"transparence-information\",\"targeted\":true,\"score\":null,\"mastery\":\"not_assessed\"}],"
               "\"badges\":[]}\n");
    write_text("results/0123456789abcdef0123456789abcdef.json",
               "{\"format\":2,\"play_id\":\"0123456789abcdef0123456789abcdef\",\"scenario\":{\"id\":\"mairie\","
               "\"version\":\"2\",\"content_hash\":\"x\",\"level\":2},\"finished\":\"2026-11-22T09:00:00Z\","
               "\"ending\":{\"id\":\"fin\",\"tone\":\"positive\"},\"competencies\":[{\"id\":\"confidentialite-securite\","
               "\"targeted\":true,\"score\":80,\"earned\":4,\"best\":5,\"mastery\":\"acquired\"}],\"badges\":[2]}\n");
    write_text("results/0123456789abcdef0123456789abcdef.xapi.json", "[]");
    write_text("results/0123456789abcdef0123456789abcdef.csv", "a,b\n");
    write_text("results/broken.json", "{\"format\":2,");
    write_text("progress.json", "{\"format\":1,\"competencies\":{\"x\":");
    ProgressLoadReport rep;
    Progress *p = progress_load(pdir, &rep);
    CHECK(p != NULL);
    CHECK_INT(rep.status, PROGRESS_RECOVERED);
    CHECK_INT(rep.rebuilt, 2);
    CHECK_INT(rep.left_out, 1); /* broken.json, said on screen */
    CHECK_INT(rep.line, 1);
    CHECK(strstr(rep.backup, "progress.json.damaged") != NULL);
    ProgressCompetency pc;
    CHECK(progress_competency(p, "confidentialite-securite", &pc));
    CHECK_INT(pc.best.score, 80);
    CHECK_INT(pc.latest.score, 80); /* format 1 has no date: counted first */
    CHECK(!progress_competency(p, "transparence-information", &pc));
    const char *date;
    CHECK(progress_badge(p, 2, &date, NULL));
    CHECK_STR(date, "2026-11-22T09:00:00Z");
    progress_free(p);
    /* The rebuilt file was saved. */
    p = progress_load(pdir, &rep);
    CHECK_INT(rep.status, PROGRESS_LOADED);
    CHECK_INT(progress_total_plays(p), 2);
    progress_free(p);
    /* Not an object, or not JSON at all: same recovery, never a crash. */
    write_text("progress.json", "\xff\xfe garbage");
    p = progress_load(pdir, &rep);
    CHECK(p != NULL);
    CHECK_INT(rep.status, PROGRESS_RECOVERED);
    CHECK_INT(progress_total_plays(p), 2);
    progress_free(p);
    /* No result files: an empty progress. */
    char rdir[1024];
    snprintf(rdir, sizeof rdir, "%sresults", pdir);
    int e;
    fsutil_remove_tree(rdir, &e);
    write_text("progress.json", "[1,2]");
    p = progress_load(pdir, &rep);
    CHECK_INT(rep.status, PROGRESS_RECOVERED);
    CHECK_INT(rep.rebuilt, 0);
    CHECK_INT(rep.left_out, 0);
    CHECK_INT(progress_total_plays(p), 0);
    progress_free(p);
}

static void test_session(void) {
    DiagList dl;
    diag_list_init(&dl, LANG_FR);
    Framework *fw = NULL;
    Scenario *sc = scenario_load_auto("tests/fixtures/ui/library/atelier/scenario.json", &fw, &dl);
    CHECK(sc != NULL);
    if (!sc) {
        diag_list_free(&dl);
        return;
    }
    Session *s = session_create(sc, fw, 1, LANG_FR);
    ProgressPlay play;
    CHECK(!progress_play_from_session(&play, s, "", NULL));
    for (int guard = 0; !session_is_over(s) && guard < 100; guard++) {
        ChoiceView v[LIMIT_CHOICES];
        uint16_t n = session_choices(s, v);
        for (uint16_t i = 0; i < n; i++)
            if (v[i].available) {
                session_choose(s, v[i].index);
                break;
            }
    }
    CHECK(progress_play_from_session(&play, s, "2026-11-22T12:00:00Z", "abc"));
    CHECK_STR(play.scenario, "atelier");
    CHECK_INT(play.level, 1);
    CHECK(play.n_scores >= 2);
    Progress *p = progress_create();
    CHECK(progress_add_play(p, &play));
    CHECK_INT(progress_scenario_plays(p, "atelier"), 1);
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    for (uint16_t i = 0; i < n; i++) {
        ProgressCompetency pc;
        bool got = progress_competency(p, sc->competencies[scores[i].competency], &pc);
        CHECK(got == (scores[i].score >= 0));
        if (got) CHECK_INT(pc.latest.score, scores[i].score);
    }
    progress_free(p);
    session_destroy(s);
    scenario_free(sc);
    framework_free(fw);
    diag_list_free(&dl);
}

int main(void) {
    if (!fixture_tmpdir(pdir, sizeof pdir, "enjeux-progress")) return 1;
    test_counting();
    test_future_and_wrong_types();
    test_damaged();
    test_session();
    fixture_tmpdir_remove(pdir);
    CHECK_DONE();
}
