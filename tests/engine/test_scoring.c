/* test_scoring.c — competency scoring on tests/fixtures/engine/mini:
 * earned over the best available on the decisions met, "not assessed",
 * clamping at 0, mastery thresholds from the framework (75/40 in the
 * fixture, 80/50 without one), badges per course level, key decisions. */
#include <stdlib.h>

#include "core/engine.h"
#include "engine/check.h"
#include "engine/fixture.h"

static Scenario *sc;
static Framework *fw;

static const CompetencyScore *score_of(const CompetencyScore *all, const char *id) {
    int32_t i = fx_comp(sc, id);
    if (i < 0) abort();
    return &all[i];
}

static void test_best_play(void) {
    /* aipd, informer ("former" disabled: its +2 evaluer is not counted in
     * the best), publier */
    Session *s = session_create(sc, fw, 1, LANG_FR);
    CompetencyScore sc0[LIMIT_COMPETENCIES];
    /* before any decision nothing is assessed */
    CHECK_INT(session_scores(s, sc0), 4);
    for (int i = 0; i < 4; i++) {
        CHECK_INT(sc0[i].score, -1);
        CHECK_INT(sc0[i].mastery, MASTERY_NOT_ASSESSED);
    }
    CHECK_INT(session_badges(s), 0);
    session_choose_id(s, "aipd");
    session_choose_id(s, "informer");
    session_choose_id(s, "publier");
    CompetencyScore r[LIMIT_COMPETENCIES];
    CHECK_INT(session_scores(s, r), 4);
    const CompetencyScore *p = score_of(r, "prot-donnees");
    CHECK_INT(p->earned, 2);
    CHECK_INT(p->best, 2);
    CHECK_INT(p->score, 100);
    CHECK_INT(p->mastery, MASTERY_ACQUIRED);
    CHECK(p->framework_index >= 0);
    CHECK_STR(fw->items[p->framework_index].id, "prot-donnees");
    const CompetencyScore *t = score_of(r, "transparence");
    CHECK_INT(t->earned, 3);
    CHECK_INT(t->best, 3);
    const CompetencyScore *e = score_of(r, "evaluer");
    CHECK_INT(e->earned, 1);
    CHECK_INT(e->best, 1);
    CHECK_INT(e->score, 100);
    /* gouvernance is only met in the crisis: not assessed, not zero */
    const CompetencyScore *g = score_of(r, "gouvernance");
    CHECK_INT(g->best, 0);
    CHECK_INT(g->score, -1);
    CHECK_INT(g->mastery, MASTERY_NOT_ASSESSED);
    /* N1 and N2 badges; N3 has nothing assessed */
    CHECK_INT(session_badges(s), 3);
    KeyDecision kd[8];
    CHECK_INT(session_key_decisions(s, kd, 8), 0);
    session_destroy(s);
}

static void test_poor_play(void) {
    /* vite (rien), secret, nier: negative evidence everywhere, clamped at 0 */
    uint64_t seed = fx_seed_for_draw(sc, "vite", false, 300000);
    Session *s = session_create(sc, fw, seed, LANG_FR);
    session_choose_id(s, "vite");
    session_choose_id(s, "secret");
    session_choose_id(s, "nier");
    CompetencyScore r[LIMIT_COMPETENCIES];
    session_scores(s, r);
    const CompetencyScore *p = score_of(r, "prot-donnees");
    CHECK_INT(p->earned, -2);
    CHECK_INT(p->best, 2);
    CHECK_INT(p->score, 0);
    CHECK_INT(p->mastery, MASTERY_TO_WORK_ON);
    const CompetencyScore *t = score_of(r, "transparence");
    /* bests: accueil 1 (aipd, attendre), pilote 2 (former), crise 2 */
    CHECK_INT(t->best, 5);
    CHECK_INT(t->earned, -4);
    CHECK_INT(t->score, 0);
    const CompetencyScore *g = score_of(r, "gouvernance");
    CHECK_INT(g->best, 2);
    CHECK_INT(g->score, 0);
    CHECK_INT(session_badges(s), 0);
    /* every decision was a key one: vite −2 vs aipd +3; secret −3 vs
     * former +4; nier −4 vs assumer +4 */
    KeyDecision kd[8];
    CHECK_INT(session_key_decisions(s, kd, 8), 3);
    CHECK_INT(kd[0].step, 0);
    CHECK_STR(sc->scenes[kd[0].scene].choices[kd[0].chosen].id, "vite");
    CHECK_STR(sc->scenes[kd[0].scene].choices[kd[0].best].id, "aipd");
    CHECK_INT(kd[0].chosen_total, -2);
    CHECK_INT(kd[0].best_total, 3);
    CHECK_STR(sc->scenes[kd[1].scene].choices[kd[1].best].id, "former");
    CHECK_INT(kd[1].chosen_total, -3);
    CHECK_INT(kd[1].best_total, 4);
    CHECK_INT(kd[2].best_total, 4);
    /* `max` bounds what is written */
    CHECK_INT(session_key_decisions(s, kd, 1), 1);
    session_destroy(s);
}

static void test_partial_scores(void) {
    /* attendre (+1 transparence of best 1; prot-donnees 0 of 2), former,
     * publier */
    Session *s = session_create(sc, fw, 1, LANG_FR);
    session_choose_id(s, "attendre");
    session_choose_id(s, "former");
    session_choose_id(s, "publier");
    CompetencyScore r[LIMIT_COMPETENCIES];
    session_scores(s, r);
    const CompetencyScore *p = score_of(r, "prot-donnees");
    CHECK_INT(p->earned, 0);
    CHECK_INT(p->best, 2);
    CHECK_INT(p->score, 0);
    const CompetencyScore *t = score_of(r, "transparence");
    CHECK_INT(t->earned, 4);
    CHECK_INT(t->best, 4);
    CHECK_INT(t->score, 100);
    const CompetencyScore *e = score_of(r, "evaluer");
    CHECK_INT(e->earned, 2);
    CHECK_INT(e->best, 2);
    /* N1 fails on prot-donnees, N2 is earned */
    CHECK_INT(session_badges(s), 2);
    KeyDecision kd[8];
    CHECK_INT(session_key_decisions(s, kd, 8), 1);
    CHECK_STR(sc->scenes[kd[0].scene].choices[kd[0].chosen].id, "attendre");
    CHECK_STR(sc->scenes[kd[0].scene].choices[kd[0].best].id, "aipd");
    session_destroy(s);
}

static void test_thresholds(void) {
    /* fixture framework: acquired 75, in progress 40 */
    CHECK_INT(mastery_for_score(fw, -1), MASTERY_NOT_ASSESSED);
    CHECK_INT(mastery_for_score(fw, 100), MASTERY_ACQUIRED);
    CHECK_INT(mastery_for_score(fw, 75), MASTERY_ACQUIRED);
    CHECK_INT(mastery_for_score(fw, 74), MASTERY_IN_PROGRESS);
    CHECK_INT(mastery_for_score(fw, 40), MASTERY_IN_PROGRESS);
    CHECK_INT(mastery_for_score(fw, 39), MASTERY_TO_WORK_ON);
    CHECK_INT(mastery_for_score(fw, 0), MASTERY_TO_WORK_ON);
    /* without a framework: 80 / 50 */
    CHECK_INT(mastery_for_score(NULL, 80), MASTERY_ACQUIRED);
    CHECK_INT(mastery_for_score(NULL, 79), MASTERY_IN_PROGRESS);
    CHECK_INT(mastery_for_score(NULL, 50), MASTERY_IN_PROGRESS);
    CHECK_INT(mastery_for_score(NULL, 49), MASTERY_TO_WORK_ON);
}

static void test_without_framework(void) {
    Scenario *nofw = fixture_scenario(FIXTURE_DIR "mini/scenario.json", NULL);
    CHECK(nofw != NULL);
    if (!nofw) return;
    Session *s = session_create(nofw, NULL, 1, LANG_FR);
    session_choose_id(s, "aipd");
    session_choose_id(s, "informer");
    session_choose_id(s, "publier");
    CompetencyScore r[LIMIT_COMPETENCIES];
    CHECK_INT(session_scores(s, r), 4);
    for (int i = 0; i < 4; i++) CHECK_INT(r[i].framework_index, -1);
    CHECK_INT(r[0].score, 100);
    CHECK_INT(r[0].mastery, MASTERY_ACQUIRED);
    CHECK_INT(session_badges(s), 0);
    session_destroy(s);
    scenario_free(nofw);
}

static void test_rounding(void) {
    /* a score is rounded down: earned 1 of best 3 → 33. Built by playing
     * "informer" at pilote after "attendre": transparence 1+1 of 1+2 → 66 */
    Session *s = session_create(sc, fw, 1, LANG_FR);
    session_choose_id(s, "attendre");
    session_choose_id(s, "informer");
    CompetencyScore r[LIMIT_COMPETENCIES];
    session_scores(s, r);
    const CompetencyScore *t = score_of(r, "transparence");
    CHECK_INT(t->earned, 2);
    CHECK_INT(t->best, 3);
    CHECK_INT(t->score, 66);
    CHECK_INT(t->mastery, MASTERY_IN_PROGRESS);
    const CompetencyScore *e = score_of(r, "evaluer");
    CHECK_INT(e->earned, 1);
    CHECK_INT(e->best, 2);
    CHECK_INT(e->score, 50);
    session_destroy(s);
}

int main(void) {
    fw = fixture_framework();
    sc = fixture_scenario(FIXTURE_DIR "mini/scenario.json", fw);
    CHECK(fw != NULL && sc != NULL);
    if (!fw || !sc) CHECK_DONE();
    test_best_play();
    test_poor_play();
    test_partial_scores();
    test_thresholds();
    test_without_framework();
    test_rounding();
    scenario_free(sc);
    framework_free(fw);
    CHECK_DONE();
}
