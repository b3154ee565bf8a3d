/* test_engine.c — the session rules on tests/fixtures/engine/mini: visible
 * and disabled choices, effects and clamping, routes, chance with fixed
 * seeds, each kind of delayed event, history, undo and reset. */
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/rng.h"
#include "engine/check.h"
#include "engine/fixture.h"

static Scenario *sc;
static Framework *fw;

static const char *choice_id(const Session *s, uint16_t index) {
    return session_scene(s)->choices[index].id;
}

static void test_start_and_choices(void) {
    Session *s = session_create(sc, fw, 7, LANG_FR);
    CHECK(s != NULL);
    CHECK(!session_is_over(s));
    CHECK_STR(fx_scene_id(s), "accueil");
    CHECK_INT(session_ending_index(s), -1);
    CHECK(session_ending(s) == NULL);
    ChoiceView v[LIMIT_CHOICES];
    CHECK_INT(session_choices(s, v), 3);
    CHECK(v[0].available && v[1].available && v[2].available);
    CHECK(v[0].reason == NULL);
    CHECK_INT(session_meter(s, fx_meter(sc, "budget")), 50);
    CHECK(!session_flag(s, fx_flag(sc, "aipd")));
    CHECK_INT(session_counter(s, 0), 0);
    /* out of range: refused, nothing changes */
    CHECK(session_choose(s, 3) == NULL);
    CHECK(session_choose_id(s, "nope") == NULL);
    CHECK_INT(session_step_count(s), 0);

    /* aipd: budget 30 → "former" (budget >= 40) disabled with its reason,
     * "secret" (aipd false) hidden. */
    const StepResult *st = session_choose_id(s, "aipd");
    CHECK(st != NULL);
    CHECK_STR(fx_scene_id(s), "pilote");
    CHECK_INT(session_choices(s, v), 2);
    CHECK_STR(choice_id(s, v[0].index), "former");
    CHECK(!v[0].available);
    CHECK(v[0].reason != NULL);
    CHECK_STR(loc_get(v[0].reason, LANG_EN, NULL), "The budget no longer allows it.");
    CHECK_STR(choice_id(s, v[1].index), "informer");
    CHECK(v[1].available);
    /* a disabled or hidden choice cannot be made */
    CHECK(session_choose(s, v[0].index) == NULL);
    CHECK(session_choose_id(s, "secret") == NULL);
    CHECK_INT(session_step_count(s), 1);
    session_destroy(s);
}

static void test_effects_and_clamping(void) {
    Session *s = session_create(sc, fw, 7, LANG_FR);
    uint16_t emp = fx_meter(sc, "empreinte"), budget = fx_meter(sc, "budget");
    const StepResult *st = session_choose_id(s, "attendre");
    CHECK(st != NULL);
    /* empreinte 2 + 20 clamped to its max 10 */
    CHECK_INT(session_meter(s, emp), 10);
    CHECK_INT(st->n_changes, 1);
    CHECK_INT(st->changes[0].meter, emp);
    CHECK_INT(st->changes[0].before, 2);
    CHECK_INT(st->changes[0].after, 10);
    CHECK_INT(st->meters_before[emp], 2);
    CHECK_INT(st->meters_after[emp], 10);
    CHECK_INT(st->outcome, -1);
    CHECK_INT(st->available, 7);
    CHECK_INT(st->next.kind, TARGET_SCENE);
    /* budget 50 ≥ 40: "former" is available, costs 30 → 20 */
    st = session_choose_id(s, "former");
    CHECK(st != NULL);
    CHECK_INT(session_meter(s, budget), 20);
    /* publier: confiance 50 ≥ 50 → fin-positive */
    st = session_choose_id(s, "publier");
    CHECK(st != NULL);
    CHECK(session_is_over(s));
    CHECK_STR(session_ending(s)->id, "fin-positive");
    CHECK(session_scene(s) == NULL);
    CHECK(session_choose(s, 0) == NULL);
    ChoiceView v[LIMIT_CHOICES];
    CHECK_INT(session_choices(s, v), 0);
    session_destroy(s);
}

static void test_chance_and_events_no_leak(void) {
    /* vite with "rien" (draw ≥ 300000): flags, counters, the "after 2" and
     * "flag" events firing in scheduling order in the same step, a
     * conditional route. */
    uint64_t seed = fx_seed_for_draw(sc, "vite", false, 300000);
    Session *s = session_create(sc, fw, seed, LANG_FR);
    uint16_t conf = fx_meter(sc, "confiance");
    const StepResult *st = session_choose_id(s, "vite");
    CHECK(st != NULL);
    CHECK_INT(st->outcome, 1);
    CHECK(st->draw >= 300000 && st->draw < PROBABILITY_ONE);
    CHECK_INT(st->n_fired, 0);
    CHECK_STR(fx_scene_id(s), "pilote");
    uint16_t pend[8];
    CHECK_INT(session_pending_events(s, pend, 8), 2);
    CHECK_STR(sc->events[pend[0]].id, "controle");
    CHECK_STR(sc->events[pend[1]].id, "alerte-presse");
    CHECK_INT(session_meter(s, conf), 40);
    CHECK_INT(session_counter(s, 0), 1);
    /* "secret" is visible (aipd false) and routes to crise when raccourcis ≥ 2 */
    ChoiceView v[LIMIT_CHOICES];
    CHECK_INT(session_choices(s, v), 3);
    st = session_choose_id(s, "secret");
    CHECK(st != NULL);
    CHECK_INT(session_counter(s, 0), 2);
    CHECK_INT(st->next.kind, TARGET_SCENE);
    CHECK_STR(fx_scene_id(s), "crise");
    /* after 2 decisions: controle (confiance −10, alerte) then alerte-presse
     * (flag alerte, confiance −5) in the same step, in that order */
    CHECK_INT(st->n_fired, 2);
    CHECK_STR(sc->events[st->fired[0].event].id, "controle");
    CHECK_STR(sc->events[st->fired[1].event].id, "alerte-presse");
    CHECK_INT(st->fired[0].n_changes, 1);
    CHECK_INT(st->fired[0].changes[0].before, 40);
    CHECK_INT(st->fired[0].changes[0].after, 30);
    CHECK_INT(st->fired[1].changes[0].after, 25);
    CHECK_INT(st->meters_after[conf], 25);
    CHECK(session_flag(s, fx_flag(sc, "alerte")));
    CHECK_INT(session_pending_events(s, pend, 8), 0);
    st = session_choose_id(s, "nier");
    CHECK(st != NULL);
    CHECK_STR(session_ending(s)->id, "fin-negative");
    session_destroy(s);
}

static void test_chance_leak(void) {
    /* vite with "fuite" (draw < 300000): the outcome's own route (crise),
     * the "meter below 30" event firing at once, "after 2" one step later. */
    uint64_t seed = fx_seed_for_draw(sc, "vite", true, 300000);
    Session *s = session_create(sc, fw, seed, LANG_FR);
    uint16_t conf = fx_meter(sc, "confiance"), budget = fx_meter(sc, "budget");
    const StepResult *st = session_choose_id(s, "vite");
    CHECK(st != NULL);
    CHECK_INT(st->outcome, 0);
    CHECK(st->draw < 300000);
    CHECK_STR(fx_scene_id(s), "crise");
    /* choice −10 and outcome −30 in the step's own changes */
    CHECK_INT(st->n_changes, 2);
    CHECK_INT(st->meters_before[conf], 50);
    CHECK_INT(session_meter(s, conf), 10);
    CHECK_INT(st->n_fired, 1);
    CHECK_STR(sc->events[st->fired[0].event].id, "plainte");
    CHECK_INT(session_meter(s, budget), 35);
    CHECK_INT(st->meters_after[budget], 35);
    st = session_choose_id(s, "assumer");
    CHECK(st != NULL);
    CHECK_INT(st->n_fired, 2);
    /* 15 − 10 = 5, then 5 − 5 = 0 */
    CHECK_INT(session_meter(s, conf), 0);
    CHECK_STR(session_ending(s)->id, "fin-mitigee");
    session_destroy(s);

    /* same seed, same draws: a replay is bit for bit */
    Session *a = session_create(sc, fw, seed, LANG_FR);
    Session *b = session_create(sc, fw, seed, LANG_EN);
    const StepResult *sa = session_choose_id(a, "vite");
    const StepResult *sb = session_choose_id(b, "vite");
    CHECK(sa && sb && sa->draw == sb->draw && sa->outcome == sb->outcome);
    session_destroy(a);
    session_destroy(b);
}

static void test_scene_event(void) {
    /* retour-cnil fires when the scene about to be shown is bilan */
    Session *s = session_create(sc, fw, 1, LANG_FR);
    const StepResult *st = session_choose_id(s, "aipd");
    CHECK_INT(st->n_fired, 0);
    st = session_choose_id(s, "informer");
    CHECK(st != NULL);
    CHECK_INT(st->n_fired, 1);
    CHECK_STR(sc->events[st->fired[0].event].id, "retour-cnil");
    CHECK_INT(session_meter(s, fx_meter(sc, "confiance")), 75);
    CHECK_STR(fx_scene_id(s), "bilan");
    /* session_eval: "scene" outside events is the current scene */
    int32_t scene_cond = sc->events[st->fired[0].event].when;
    CHECK(session_eval(s, scene_cond));
    CHECK(session_eval(s, -1));
    /* "after" never holds outside an event's `when` */
    for (uint16_t e = 0; e < sc->n_events; e++)
        if (strcmp(sc->events[e].id, "controle") == 0) CHECK(!session_eval(s, sc->events[e].when));
    session_destroy(s);
}

static void test_rescheduling_rules(void) {
    Scenario *ev = fixture_scenario(FIXTURE_DIR "events/scenario.json", NULL);
    CHECK(ev != NULL);
    if (!ev) return;
    Session *s = session_create(ev, NULL, 3, LANG_FR);
    uint16_t pend[8];
    /* step 1 schedules e-deux (after 2) */
    const StepResult *st = session_choose_id(s, "a");
    CHECK_INT(st->n_fired, 0);
    CHECK_INT(session_pending_events(s, pend, 8), 1);
    /* step 2 schedules e-deux again (ignored: it keeps its first
     * scheduling) and e-un (after 1): both fire now, in scheduling order */
    st = session_choose_id(s, "b");
    CHECK_INT(st->n_fired, 2);
    CHECK_STR(ev->events[st->fired[0].event].id, "e-deux");
    CHECK_STR(ev->events[st->fired[1].event].id, "e-un");
    CHECK_INT(session_pending_events(s, pend, 8), 0);
    /* step 3 schedules e-deux once more: it already fired, it never fires again */
    st = session_choose_id(s, "c");
    CHECK_INT(st->n_fired, 0);
    CHECK_INT(session_pending_events(s, pend, 8), 0);
    CHECK_INT(session_counter(s, 0), 2);
    session_destroy(s);
    scenario_free(ev);
}

typedef struct Snapshot {
    int32_t meters[LIMIT_METERS];
    bool flags[LIMIT_FLAGS];
    int32_t counters[LIMIT_COUNTERS];
    uint16_t pending[LIMIT_EVENTS], n_pending;
    uint32_t scene, steps;
    int32_t ending;
    CompetencyScore scores[LIMIT_COMPETENCIES];
} Snapshot;

static void snap(const Session *s, Snapshot *o) {
    memset(o, 0, sizeof *o);
    for (uint16_t i = 0; i < sc->n_meters; i++) o->meters[i] = session_meter(s, i);
    for (uint16_t i = 0; i < sc->n_flags; i++) o->flags[i] = session_flag(s, i);
    for (uint16_t i = 0; i < sc->n_counters; i++) o->counters[i] = session_counter(s, i);
    o->n_pending = session_pending_events(s, o->pending, LIMIT_EVENTS);
    o->scene = session_scene_index(s);
    o->ending = session_ending_index(s);
    o->steps = session_step_count(s);
    session_scores(s, o->scores);
}

static bool same_snap(const Snapshot *a, const Snapshot *b) {
    return memcmp(a, b, sizeof *a) == 0;
}

static void test_undo(void) {
    uint64_t seed = fx_seed_for_draw(sc, "vite", true, 300000);
    Session *s = session_create(sc, fw, seed, LANG_FR);
    CHECK(!session_undo(s));
    Snapshot s0, s1, now;
    snap(s, &s0);
    const StepResult *st = session_choose_id(s, "vite");
    uint32_t draw = st->draw;
    snap(s, &s1);
    session_choose_id(s, "assumer");
    CHECK(session_is_over(s));
    CHECK(session_undo(s));
    snap(s, &now);
    CHECK(same_snap(&now, &s1));
    CHECK_STR(fx_scene_id(s), "crise");
    CHECK_INT(session_step(s, 0)->n_fired, 1);
    CHECK_STR(sc->events[session_step(s, 0)->fired[0].event].id, "plainte");
    CHECK(session_undo(s));
    snap(s, &now);
    CHECK(same_snap(&now, &s0));
    /* the generator is back too: the same choice draws the same number */
    st = session_choose_id(s, "vite");
    CHECK_INT(st->draw, draw);
    session_destroy(s);

    /* random plays: undo after each step restores the state exactly, and
     * redoing the step gives the same result */
    Rng picker;
    rng_seed(&picker, 99);
    s = session_create(sc, fw, 0, LANG_FR);
    for (uint64_t seed2 = 0; seed2 < 200; seed2++) {
        session_reset(s, seed2);
        while (!session_is_over(s)) {
            Snapshot before, after, again;
            snap(s, &before);
            Rng p2 = picker;
            const StepResult *r = session_choose_random(s, &picker);
            CHECK(r != NULL);
            if (!r) break;
            uint32_t d = r->draw;
            uint16_t choice = r->choice;
            snap(s, &after);
            CHECK(session_undo(s));
            snap(s, &again);
            CHECK(same_snap(&before, &again));
            r = session_choose_random(s, &p2);
            CHECK(r && r->choice == choice && r->draw == d);
            snap(s, &again);
            CHECK(same_snap(&after, &again));
        }
    }
    session_destroy(s);
}

static void test_history_and_reset(void) {
    Session *s = session_create(sc, fw, 5, LANG_FR);
    session_choose_id(s, "aipd");
    session_choose_id(s, "informer");
    session_choose_id(s, "publier");
    CHECK_INT(session_step_count(s), 3);
    CHECK(session_step(s, 3) == NULL);
    CHECK_STR(sc->scenes[session_step(s, 0)->scene].id, "accueil");
    CHECK_STR(sc->scenes[session_step(s, 1)->scene].id, "pilote");
    /* at pilote "former" was disabled and "secret" hidden: only informer */
    CHECK_INT(session_step(s, 1)->available, 4);
    CHECK_INT(session_step(s, 2)->next.kind, TARGET_ENDING);
    Snapshot a, b;
    session_reset(s, 5);
    CHECK_INT(session_step_count(s), 0);
    CHECK_STR(fx_scene_id(s), "accueil");
    Session *fresh = session_create(sc, fw, 5, LANG_FR);
    snap(s, &a);
    snap(fresh, &b);
    CHECK(same_snap(&a, &b));
    CHECK_INT(session_seed(s), 5);
    session_set_lang(s, LANG_EN);
    CHECK_INT(session_lang(s), LANG_EN);
    CHECK(session_scenario(s) == sc);
    session_destroy(fresh);
    session_destroy(s);
    session_destroy(NULL);
}

static void test_rng(void) {
    Rng a, b;
    rng_seed(&a, 42);
    rng_seed(&b, 42);
    for (int i = 0; i < 1000; i++) CHECK(rng_next(&a) == rng_next(&b));
    /* fixed values: the generator must not change across versions or
     * platforms, or saves would replay differently */
    rng_seed(&a, 0);
    uint64_t first = rng_next(&a);
    rng_seed(&b, 0);
    CHECK(first == rng_next(&b));
    rng_seed(&a, 1);
    uint32_t counts[10] = {0};
    for (int i = 0; i < 100000; i++) {
        uint32_t v = rng_below(&a, 10);
        CHECK(v < 10);
        if (v < 10) counts[v]++;
    }
    for (int i = 0; i < 10; i++) CHECK(counts[i] > 9500 && counts[i] < 10500);
    CHECK_INT(rng_below(&a, 1), 0);
    CHECK_INT(rng_below(&a, 0), 0);
    for (int i = 0; i < 1000; i++) CHECK(rng_below(&a, PROBABILITY_ONE) < PROBABILITY_ONE);
}

int main(void) {
    fw = fixture_framework();
    sc = fixture_scenario(FIXTURE_DIR "mini/scenario.json", fw);
    CHECK(fw != NULL && sc != NULL);
    if (!fw || !sc) CHECK_DONE();
    test_start_and_choices();
    test_effects_and_clamping();
    test_chance_and_events_no_leak();
    test_chance_leak();
    test_scene_event();
    test_rescheduling_rules();
    test_undo();
    test_history_and_reset();
    test_rng();
    scenario_free(sc);
    framework_free(fw);
    CHECK_DONE();
}
