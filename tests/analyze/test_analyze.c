/* test_analyze.c — `enjeux analyze` in the core (core/analyze.h):
 *   - the fixture tests/fixtures/analyze/defauts, whose every figure was
 *     worked out by hand: an unreachable ending, a dead end, a choice never
 *     available, a dominated choice, a competency without evidence, each
 *     teaching-quality problem, playthrough counts, probabilities, meter and
 *     score ranges;
 *   - agreement with play: on the fixtures and every shipped scenario,
 *     thousands of random plays (session_choose_random, as `play --random`)
 *     only ever pass through states the analysis found, end where it says
 *     endings can be reached, with meters and evidence inside its ranges; on
 *     the small fixtures they visit every state it found;
 *   - the compact state and state key round trips of the engine;
 *   - the fast ways (narrow state keys, score pairs merged in a grid) against
 *     the general ones (analysis_run_plain) on the fixtures and every shipped
 *     scenario, figure by figure, and on a scenario whose meter values cannot
 *     fit the narrow key (the search must start again with the wide one);
 *   - the sampled fallback past --max-states, deterministic for a seed;
 *   - full coverage on every shipped scenario. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analyze.h"
#include "core/rng.h"
#include "engine/check.h"

static Scenario *load(const char *path, Framework **fw) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Scenario *sc = scenario_load_auto(path, fw, &dl);
    if (!sc && !*fw) { /* a fixture without its framework: scored without one, as in play */
        diag_list_free(&dl);
        diag_list_init(&dl, LANG_EN);
        sc = scenario_load(path, NULL, &dl);
    }
    if (!sc) {
        char *t = diag_list_format_text(&dl);
        fprintf(stderr, "%s", t ? t : "");
        free(t);
    }
    diag_list_free(&dl);
    return sc;
}

static const char *path_text(const Scenario *sc, const Path *p, char *buf, size_t n) {
    size_t k = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < p->n && k < n; i++) {
        const Scene *s = &sc->scenes[p->steps[i].scene];
        const Choice *c = &s->choices[p->steps[i].choice];
        k += (size_t)snprintf(buf + k, n - k, "%s%s>%s", i ? " " : "", s->id, c->id);
        if (p->steps[i].outcome >= 0 && k < n)
            k += (size_t)snprintf(buf + k, n - k, "(%s)", c->outcomes[p->steps[i].outcome].id);
    }
    return buf;
}

static bool near(double a, double b) { return fabs(a - b) < 1e-12; }

static void test_fixture(void) {
    Framework *fw = NULL;
    Scenario *sc = load("tests/fixtures/analyze/defauts/scenario.json", &fw);
    CHECK(sc && fw);
    if (!sc) return;
    Analysis *a = analysis_run(sc, fw, NULL);
    CHECK(a != NULL);
    if (!a) return;
    char buf[512];
    CHECK_INT(a->mode, ANALYSIS_EXACT);
    CHECK(!a->has_cycle);
    CHECK(!analysis_full_coverage(a));
    /* endings: fin-parfaite needs trust 90, the most is 60 */
    int32_t parfaite = scenario_find_ending(sc, "fin-parfaite"), bonne = scenario_find_ending(sc, "fin-bonne"),
            moyenne = scenario_find_ending(sc, "fin-moyenne");
    CHECK(!a->endings[parfaite].reached);
    CHECK(a->endings[bonne].reached && a->endings[moyenne].reached);
    CHECK(near(a->endings[parfaite].probability, 0));
    CHECK(near(a->endings[bonne].probability, 1.0 / 4));
    CHECK(near(a->endings[moyenne].probability, 1.0 / 3));
    CHECK(near(a->stuck_probability, 5.0 / 12));
    CHECK_INT(a->endings[bonne].playthroughs.value, 2);
    CHECK_INT(a->endings[moyenne].playthroughs.value, 2);
    CHECK_INT(a->playthroughs.value, 4);
    CHECK(!a->playthroughs.saturated);
    CHECK_INT(a->stuck.value, 5);
    CHECK_INT(a->shortest, 3);
    CHECK_INT(a->longest, 3);
    CHECK_STR(path_text(sc, &a->endings[bonne].path, buf, sizeof buf), "accueil>prudent pilote>attendre(calme) bilan>conclure");
    CHECK_STR(path_text(sc, &a->endings[moyenne].path, buf, sizeof buf), "accueil>prudent pilote>investir bilan>conclure");
    CHECK_INT(a->endings[bonne].meter_min[0], 40);
    CHECK_INT(a->endings[bonne].meter_max[1], 60);
    CHECK_INT(a->endings[bonne].meter_min[1], 55);
    /* every scene is reached; the dead end is "impasse" */
    for (uint32_t i = 0; i < sc->n_scenes; i++) CHECK(a->scenes[i].reached);
    CHECK_STR(path_text(sc, &a->scenes[scenario_find_scene(sc, "bilan")].path, buf, sizeof buf),
              "accueil>prudent pilote>investir");
    CHECK_INT(a->n_dead_ends, 1);
    if (a->n_dead_ends == 1) {
        CHECK_STR(sc->scenes[a->dead_ends[0].scene].id, "impasse");
        CHECK_STR(path_text(sc, &a->dead_ends[0].path, buf, sizeof buf), "accueil>prudent pilote>attendre(fuite)");
    }
    /* choices: only impasse>negocier is never available; only hesitant is dominated (by prudent, same sequel) */
    uint32_t never = 0, dominated = 0;
    for (uint32_t i = 0; i < a->n_choices; i++) {
        const ChoiceReport *cr = &a->choices[i];
        const Scene *s = &sc->scenes[cr->scene];
        if (!cr->available) {
            never++;
            CHECK_STR(s->choices[cr->choice].id, "negocier");
        }
        if (cr->dominated) {
            dominated++;
            CHECK_STR(s->choices[cr->choice].id, "hesitant");
            CHECK_STR(s->choices[cr->dominated_by].id, "prudent");
            CHECK(cr->same_consequences);
        }
    }
    CHECK_INT(never, 1);
    CHECK_INT(dominated, 1);
    /* meters at the end: budget 10/40/10/40, trust 50/60/45/55 */
    CHECK_INT(a->meters[0].min, 10);
    CHECK_INT(a->meters[0].max, 40);
    CHECK(near(a->meters[0].mean, 25));
    CHECK_INT(a->meters[1].min, 45);
    CHECK_INT(a->meters[1].max, 60);
    CHECK(near(a->meters[1].mean, 52.5));
    /* competencies */
    const CompetencyReport *prot = &a->competencies[scenario_find_competency(sc, "prot-donnees")];
    const CompetencyReport *tr = &a->competencies[scenario_find_competency(sc, "transparence")];
    const CompetencyReport *gov = &a->competencies[scenario_find_competency(sc, "gouvernance")];
    CHECK(prot->evidenced && prot->assessed && !prot->skippable && prot->score_known);
    CHECK_INT(prot->score.min, 50);
    CHECK_INT(prot->score.max, 100);
    CHECK(near(prot->score.mean, 75));
    CHECK_INT(prot->earned.min, 1);
    CHECK_INT(prot->earned.max, 2);
    CHECK_INT(prot->best.min, 2);
    CHECK(tr->evidenced && tr->assessed && !tr->skippable);
    CHECK_INT(tr->score.min, 33);
    CHECK_INT(tr->score.max, 100);
    CHECK(near(tr->score.mean, (100.0 + 66 + 66 + 33) / 4));
    CHECK_INT(tr->best.max, 3);
    CHECK(gov->targeted && !gov->evidenced && !gov->assessed && gov->skippable);
    CHECK_INT(gov->not_assessed.value, 4);
    CHECK_STR(path_text(sc, &gov->skip_path, buf, sizeof buf), "accueil>prudent pilote>investir bilan>conclure");
    CHECK_INT(a->best_total, 5);
    CHECK_INT(a->worst_total, 2);
    CHECK_STR(path_text(sc, &a->best_play, buf, sizeof buf), "accueil>prudent pilote>investir bilan>conclure");
    CHECK_STR(path_text(sc, &a->worst_play, buf, sizeof buf), "accueil>hesitant pilote>attendre(calme) bilan>conclure");
    /* teaching quality: exactly these six */
    static const struct { QualityKind kind; const char *where; } want[] = {
        {QUALITY_MISSING_TRANSLATION, "tool.name"},
        {QUALITY_NO_PRINCIPLE, "scenes[accueil].choices[rapide].feedback.principle"},
        {QUALITY_NO_DEBRIEF, "scenes[pilote].debrief"},
        {QUALITY_OUTCOME_SILENT, "scenes[pilote].choices[attendre].chance[fuite].feedback.text"},
        {QUALITY_MISSING_ALT, "scenes[bilan].image_alt"},
        {QUALITY_MISSING_TRANSLATION, "scenes[bilan].choices[conclure].feedback.text"},
    };
    CHECK_INT(a->n_issues, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < a->n_issues && i < sizeof want / sizeof want[0]; i++) {
        CHECK_INT(a->issues[i].kind, want[i].kind);
        CHECK_STR(a->issues[i].where, want[i].where);
    }
    analysis_free(a);
    scenario_free(sc);
    framework_free(fw);
}

/* Random plays through the engine, checked against the analysis. Returns
 * how many distinct analysed states they visited. */
static uint64_t agree(const Scenario *sc, const Framework *fw, const Analysis *a, uint64_t plays, uint64_t seed) {
    StateLayout lay;
    session_state_layout(sc, &lay);
    int32_t *w = malloc(sizeof *w * lay.words);
    uint8_t *seen = calloc(a->states ? a->states : 1, 1);
    Session *s = session_create(sc, fw, seed, LANG_FR);
    Rng picker;
    rng_seed(&picker, seed);
    uint64_t mix = seed, distinct = 0, failures = 0;
    CompetencyScore scores[LIMIT_COMPETENCIES];
    for (uint64_t p = 0; p < plays && failures < 5; p++) {
        session_reset(s, rng_splitmix64(&mix));
        for (;;) {
            session_state_save(s, w);
            int64_t id = analysis_find_state(a, w);
            if (id < 0) {
                fprintf(stderr, "%s: play %llu reaches a state the analysis did not find\n", sc->id, (unsigned long long)p);
                failures++;
                break;
            }
            if (!seen[id]) {
                seen[id] = 1;
                distinct++;
            }
            if (!session_choose_random(s, &picker)) break;
        }
        if (session_is_over(s)) {
            const EndingReport *er = &a->endings[session_ending_index(s)];
            if (!er->reached) failures++;
            for (uint16_t m = 0; m < sc->n_meters; m++)
                if (session_meter(s, m) < er->meter_min[m] || session_meter(s, m) > er->meter_max[m]) failures++;
            session_scores(s, scores);
            for (uint16_t c = 0; c < sc->n_competencies && !a->has_cycle; c++) {
                const CompetencyReport *cr = &a->competencies[c];
                if (scores[c].earned < cr->earned.min || scores[c].earned > cr->earned.max) failures++;
                if (scores[c].best < cr->best.min || scores[c].best > cr->best.max) failures++;
                if (cr->score_known && scores[c].score >= 0 && (scores[c].score < cr->score.min || scores[c].score > cr->score.max))
                    failures++;
            }
        }
    }
    CHECK_INT(failures, 0);
    session_destroy(s);
    free(seen);
    free(w);
    return distinct;
}

/* tests/fixtures/analyze/boucle: the defects fixture whose review scene
 * can loop on itself: infinitely many playthroughs, but the probabilities
 * under random play are the same (the loop is left with probability 1). */
static void test_loop(void) {
    Framework *fw = NULL;
    Scenario *sc = load("tests/fixtures/analyze/boucle/scenario.json", &fw);
    CHECK(sc != NULL);
    if (!sc) return;
    Analysis *a = analysis_run(sc, fw, NULL);
    CHECK(a != NULL);
    if (a) {
        CHECK(a->has_cycle);
        CHECK(fabs(a->endings[scenario_find_ending(sc, "fin-bonne")].probability - 0.25) < 1e-9);
        CHECK(fabs(a->endings[scenario_find_ending(sc, "fin-moyenne")].probability - 1.0 / 3) < 1e-9);
        CHECK(fabs(a->stuck_probability - 5.0 / 12) < 1e-9);
        CHECK_INT(a->endings[scenario_find_ending(sc, "fin-bonne")].meter_min[1], 55);
        CHECK_INT(a->n_dead_ends, 1);
        CHECK(!a->endings[scenario_find_ending(sc, "fin-parfaite")].reached);
    }
    analysis_free(a);
    scenario_free(sc);
    framework_free(fw);
}

static void test_agreement_fixtures(void) {
    static const char *const paths[] = {"tests/fixtures/analyze/defauts/scenario.json",
                                        "tests/fixtures/analyze/boucle/scenario.json",
                                        "tests/fixtures/engine/mini/scenario.json",
                                        "tests/fixtures/engine/events/scenario.json"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        Framework *fw = NULL;
        Scenario *sc = load(paths[i], &fw);
        CHECK(sc != NULL);
        if (!sc) continue;
        Analysis *a = analysis_run(sc, fw, NULL);
        CHECK(a && a->mode == ANALYSIS_EXACT);
        if (a) {
            uint64_t visited = agree(sc, fw, a, 20000, 11 + i);
            if (visited != a->states)
                fprintf(stderr, "%s: random plays visited %llu of %llu states\n", paths[i], (unsigned long long)visited,
                        (unsigned long long)a->states);
            CHECK_INT(visited, a->states);
        }
        analysis_free(a);
        scenario_free(sc);
        framework_free(fw);
    }
}

static void test_state_round_trip(void) {
    Framework *fw = NULL;
    Scenario *sc = load("tests/fixtures/engine/events/scenario.json", &fw);
    CHECK(sc != NULL);
    if (!sc) return;
    StateLayout lay;
    session_state_layout(sc, &lay);
    int32_t *w1 = malloc(sizeof *w1 * lay.words), *w2 = malloc(sizeof *w2 * lay.words);
    Session *s = session_create(sc, fw, 3, LANG_FR), *t = session_create(sc, fw, 3, LANG_FR);
    Rng picker;
    rng_seed(&picker, 5);
    for (int step = 0; step < 50; step++) {
        session_state_save(s, w1);
        session_state_load(t, w1);
        session_state_save(t, w2);
        CHECK(memcmp(w1, w2, sizeof *w1 * lay.words) == 0);
        if (!session_choose_random(s, &picker)) session_reset(s, (uint64_t)step);
    }
    session_destroy(s);
    session_destroy(t);
    free(w1);
    free(w2);
    scenario_free(sc);
    framework_free(fw);
}

/* A key spec with every part on in 32 bits, or in `bits` bits. */
static void spec_all(const Scenario *sc, StateKeySpec *k, uint8_t bits) {
    memset(k, 0, sizeof *k);
    uint32_t at = 0;
    KeyPart *parts[1 + LIMIT_METERS + LIMIT_COUNTERS + LIMIT_FLAGS / 8 + LIMIT_EVENTS / 4 + 2 * LIMIT_EVENTS];
    uint32_t n = 0;
    parts[n++] = &k->place;
    for (uint16_t m = 0; m < sc->n_meters; m++) parts[n++] = &k->meters[m];
    for (uint16_t c = 0; c < sc->n_counters; c++) parts[n++] = &k->counters[c];
    for (uint32_t g = 0; g * 8u < sc->n_flags; g++) {
        k->flag_mask[g] = 0xff;
        parts[n++] = &k->flags[g];
    }
    for (uint32_t g = 0; g * 4u < sc->n_events; g++) parts[n++] = &k->events[g];
    for (uint16_t e = 0; e < sc->n_events; e++) {
        parts[n++] = &k->slot_event[e];
        parts[n++] = &k->slot_age[e];
        k->age_cap[e] = INT32_MAX;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (at % 64u + bits > 64u) at += 64u - at % 64u;
        *parts[i] = (KeyPart){0, (uint8_t)(at / 64u), (uint8_t)(at % 64u), bits, true};
        at += bits;
    }
    k->words = (at + 63u) / 64u;
}

static void test_state_key_round_trip(void) {
    Framework *fw = NULL;
    Scenario *sc = load("tests/fixtures/engine/events/scenario.json", &fw);
    CHECK(sc != NULL);
    if (!sc) return;
    StateLayout lay;
    session_state_layout(sc, &lay);
    StateKeySpec *wide = malloc(sizeof *wide), *narrow = malloc(sizeof *narrow);
    spec_all(sc, wide, 32);
    spec_all(sc, narrow, 1); /* too narrow for most states */
    int32_t *w1 = malloc(sizeof *w1 * lay.words), *w2 = malloc(sizeof *w2 * lay.words);
    uint64_t *key = malloc(sizeof *key * wide->words);
    Session *s = session_create(sc, fw, 3, LANG_FR), *t = session_create(sc, fw, 3, LANG_FR);
    Rng picker;
    rng_seed(&picker, 5);
    int refused = 0;
    for (int step = 0; step < 200; step++) {
        session_state_save(s, w1);
        CHECK(session_state_key(s, wide, key));
        session_state_unkey(t, wide, key);
        session_state_save(t, w2);
        CHECK(memcmp(w1, w2, sizeof *w1 * lay.words) == 0);
        uint64_t small[64];
        if (narrow->words <= 64 && !session_state_key(s, narrow, small)) refused++;
        /* a copy is in the same state, with the same choices available */
        session_state_copy(t, s);
        session_state_save(t, w2);
        CHECK(memcmp(w1, w2, sizeof *w1 * lay.words) == 0);
        ChoiceView views[LIMIT_CHOICES];
        uint16_t nv = session_choices(s, views), mask = 0;
        for (uint16_t k = 0; k < nv; k++)
            if (views[k].available) mask |= (uint16_t)(1u << views[k].index);
        CHECK_INT(session_available(s), mask);
        CHECK_INT(session_available(t), mask);
        if (!session_choose_random(s, &picker)) session_reset(s, (uint64_t)step);
    }
    CHECK(refused > 0);
    session_destroy(s);
    session_destroy(t);
    free(w1);
    free(w2);
    free(key);
    free(wide);
    free(narrow);
    scenario_free(sc);
    framework_free(fw);
}

static bool same_path(const Path *a, const Path *b) {
    if (a->n != b->n) return false;
    for (uint32_t i = 0; i < a->n; i++)
        if (a->steps[i].scene != b->steps[i].scene || a->steps[i].choice != b->steps[i].choice ||
            a->steps[i].outcome != b->steps[i].outcome)
            return false;
    return true;
}

static bool same_count(const BigCount *a, const BigCount *b) {
    return a->value == b->value && a->saturated == b->saturated && a->approx == b->approx;
}

static bool same_range(const Range *a, const Range *b) { return a->min == b->min && a->max == b->max && a->mean == b->mean; }

/* Every figure of two exact analyses of `sc` is the same, bit for bit. */
static void check_same(const char *what, const Scenario *sc, const Analysis *a, const Analysis *b) {
    int before = check_failures;
    CHECK_INT(a->mode, b->mode);
    CHECK_INT(a->states, b->states);
    CHECK_INT(a->transitions, b->transitions);
    CHECK_INT(a->has_cycle, b->has_cycle);
    CHECK(same_count(&a->playthroughs, &b->playthroughs));
    CHECK(same_count(&a->stuck, &b->stuck));
    CHECK_INT(a->shortest, b->shortest);
    CHECK_INT(a->longest, b->longest);
    CHECK(a->stuck_probability == b->stuck_probability);
    for (uint32_t i = 0; i < sc->n_scenes; i++) {
        CHECK_INT(a->scenes[i].reached, b->scenes[i].reached);
        CHECK(same_path(&a->scenes[i].path, &b->scenes[i].path));
    }
    for (uint16_t i = 0; i < sc->n_endings; i++) {
        const EndingReport *x = &a->endings[i], *y = &b->endings[i];
        CHECK_INT(x->reached, y->reached);
        CHECK(same_path(&x->path, &y->path));
        CHECK(x->probability == y->probability);
        CHECK(same_count(&x->playthroughs, &y->playthroughs));
        for (uint16_t m = 0; x->reached && m < sc->n_meters; m++) {
            CHECK_INT(x->meter_min[m], y->meter_min[m]);
            CHECK_INT(x->meter_max[m], y->meter_max[m]);
        }
    }
    for (uint16_t i = 0; i < sc->n_events; i++) {
        CHECK_INT(a->events[i].fired, b->events[i].fired);
        CHECK(same_path(&a->events[i].path, &b->events[i].path));
    }
    CHECK_INT(a->n_choices, b->n_choices);
    for (uint32_t i = 0; i < a->n_choices && i < b->n_choices; i++) {
        CHECK_INT(a->choices[i].available, b->choices[i].available);
        CHECK_INT(a->choices[i].dominated, b->choices[i].dominated);
        CHECK_INT(a->choices[i].dominated_by, b->choices[i].dominated_by);
        CHECK_INT(a->choices[i].same_consequences, b->choices[i].same_consequences);
    }
    CHECK_INT(a->n_dead_ends, b->n_dead_ends);
    for (uint32_t i = 0; i < a->n_dead_ends && i < b->n_dead_ends; i++) {
        CHECK_INT(a->dead_ends[i].scene, b->dead_ends[i].scene);
        CHECK(same_path(&a->dead_ends[i].path, &b->dead_ends[i].path));
    }
    for (uint16_t m = 0; m < sc->n_meters; m++) CHECK(same_range(&a->meters[m], &b->meters[m]));
    for (uint16_t c = 0; c < sc->n_competencies; c++) {
        const CompetencyReport *x = &a->competencies[c], *y = &b->competencies[c];
        CHECK_INT(x->assessed, y->assessed);
        CHECK_INT(x->skippable, y->skippable);
        CHECK(same_path(&x->skip_path, &y->skip_path));
        CHECK(same_range(&x->earned, &y->earned));
        CHECK(same_range(&x->best, &y->best));
        CHECK_INT(x->score_known, y->score_known);
        CHECK(same_range(&x->score, &y->score));
        CHECK(same_count(&x->not_assessed, &y->not_assessed));
    }
    CHECK(same_path(&a->best_play, &b->best_play));
    CHECK(same_path(&a->worst_play, &b->worst_play));
    CHECK_INT(a->best_total, b->best_total);
    CHECK_INT(a->worst_total, b->worst_total);
    if (check_failures != before) fprintf(stderr, "%s: the two analyses differ\n", what);
}

static void plain_agrees(const char *path) {
    Framework *fw = NULL;
    Scenario *sc = load(path, &fw);
    CHECK(sc != NULL);
    if (!sc) return;
    Analysis *a = analysis_run(sc, fw, NULL), *b = analysis_run_plain(sc, fw, NULL);
    CHECK(a && b);
    if (a && b) check_same(path, sc, a, b);
    analysis_free(a);
    analysis_free(b);
    scenario_free(sc);
    framework_free(fw);
}

static void test_plain(void) {
    plain_agrees("tests/fixtures/analyze/defauts/scenario.json");
    plain_agrees("tests/fixtures/analyze/boucle/scenario.json");
    plain_agrees("tests/fixtures/engine/mini/scenario.json");
    plain_agrees("tests/fixtures/engine/events/scenario.json");
    DIR *d = opendir("scenarios");
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[512];
        snprintf(path, sizeof path, "scenarios/%s/scenario.json", e->d_name);
        FILE *f = e->d_name[0] == '.' ? NULL : fopen(path, "rb");
        if (!f) continue;
        fclose(f);
        plain_agrees(path);
    }
    closedir(d);
}

/* A meter given a minimum above its maximum (the loader refuses it; set
 * here in memory) takes values outside the range the narrow key gives it:
 * the analysis must notice and start again with the wide key, so that it
 * still agrees with the plain one and with random play. */
static void test_key_too_narrow(void) {
    Framework *fw = NULL;
    Scenario *sc = load("tests/fixtures/analyze/defauts/scenario.json", &fw);
    CHECK(sc != NULL);
    if (!sc) return;
    int32_t read = -1; /* a meter some condition reads, so that it is in the key */
    for (uint32_t i = 0; i < sc->n_conds && read < 0; i++)
        if (sc->conds[i].kind == COND_METER) read = (int32_t)sc->conds[i].index;
    CHECK(read >= 0);
    if (read >= 0) {
        Meter *m = (Meter *)&sc->meters[read];
        m->min = m->max + 7; /* clamps every change to max, below the key's lower bound min(min, initial) */
        m->initial = m->max + 3;
        Analysis *a = analysis_run(sc, fw, NULL), *b = analysis_run_plain(sc, fw, NULL);
        CHECK(a && b);
        if (a && b) {
            check_same("meter with min > max", sc, a, b);
            agree(sc, fw, a, 3000, 17);
        }
        analysis_free(a);
        analysis_free(b);
    }
    scenario_free(sc);
    framework_free(fw);
}

static void test_sampled(void) {
    Framework *fw = NULL;
    Scenario *sc = load("tests/fixtures/analyze/defauts/scenario.json", &fw);
    if (!sc) return;
    AnalysisOptions o = {5, 4000, 42, 0};
    Analysis *a = analysis_run(sc, fw, &o), *b = analysis_run(sc, fw, &o);
    CHECK(a && b);
    if (a && b) {
        CHECK_INT(a->mode, ANALYSIS_SAMPLED);
        CHECK(a->states > 5);
        CHECK_INT(a->runs, 4000);
        uint64_t ended = 0;
        for (uint16_t e = 0; e < sc->n_endings; e++) {
            ended += a->endings[e].hits;
            CHECK_INT(a->endings[e].hits, b->endings[e].hits);
        }
        CHECK_INT(ended + a->stuck.value, 4000);
        CHECK(!a->endings[scenario_find_ending(sc, "fin-parfaite")].reached);
        CHECK(a->endings[scenario_find_ending(sc, "fin-bonne")].reached);
        /* about a quarter of the plays reach fin-bonne */
        CHECK(a->endings[scenario_find_ending(sc, "fin-bonne")].hits > 800);
        CHECK(a->endings[scenario_find_ending(sc, "fin-bonne")].hits < 1200);
        CHECK_INT(a->n_dead_ends, 1);
        CHECK_INT(a->decisions, b->decisions);
        uint64_t taken = 0;
        for (uint32_t i = 0; i < a->n_choices; i++) taken += a->choices[i].taken;
        CHECK_INT(taken, a->decisions);
        const ChoiceReport *neg = analysis_choice(a, (uint32_t)scenario_find_scene(sc, "impasse"), 0);
        CHECK(neg && !neg->available && neg->taken == 0);
    }
    analysis_free(a);
    analysis_free(b);
    scenario_free(sc);
    framework_free(fw);
}

static void test_shipped(void) {
    DIR *d = opendir("scenarios");
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "scenarios/%s/scenario.json", e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        fclose(f);
        Framework *fw = NULL;
        Scenario *sc = load(path, &fw);
        CHECK(sc != NULL);
        if (!sc) continue;
        Analysis *a = analysis_run(sc, fw, NULL);
        CHECK(a != NULL);
        if (a) {
            if (!analysis_full_coverage(a) || a->n_dead_ends || a->mode != ANALYSIS_EXACT)
                fprintf(stderr, "%s: coverage not full\n", path);
            CHECK_INT(a->mode, ANALYSIS_EXACT);
            CHECK(analysis_full_coverage(a));
            CHECK_INT(a->n_dead_ends, 0);
            for (uint16_t c = 0; c < sc->n_targeted; c++) CHECK(a->competencies[c].assessed);
            agree(sc, fw, a, 3000, 99);
            n++;
        }
        analysis_free(a);
        scenario_free(sc);
        framework_free(fw);
    }
    closedir(d);
    CHECK(n >= 8);
}

int main(void) {
    test_fixture();
    test_state_round_trip();
    test_state_key_round_trip();
    test_plain();
    test_key_too_narrow();
    test_loop();
    test_agreement_fixtures();
    test_sampled();
    test_shipped();
    CHECK_DONE();
}
