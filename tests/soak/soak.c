/* soak.c — the soak test of issue 10: many random playthroughs of every
 * shipped scenario through the public engine API, with the invariants
 * checked after every decision, the history replayed through the game's own
 * resume path, the results file checked, and memory measured
 * (tests/soak/README.md).
 *
 *   soak [--plays N] [--seed S] [SCENARIO…]   N plays of each (default 100000,
 *                                             every scenarios/<name>/)
 *   soak --play-seed X SCENARIO               one play, traced (to reproduce)
 *   soak --self-check                         the checker on deliberately broken
 *                                             scenarios: each must be caught
 *
 * Play i of a scenario gets its own 64-bit seed, derived from the master
 * seed and the scenario's id; it decides the session's chance draws, the
 * random player's picks and the mid-play point where the resume is checked.
 * A failure prints the scenario, the play's seed, the decision and the
 * scene, and the command that plays it again alone. */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analyze.h"
#include "core/engine.h"
#include "core/framework.h"
#include "core/fsutil.h"
#include "core/hash.h"
#include "core/progress.h"
#include "core/report.h"
#include "core/results.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/scenario.h"

#if defined(__SANITIZE_ADDRESS__)
#define SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_ASAN 1
#endif
#endif

#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

enum {
    SOAK_DEFAULT_PLAYS = 100000,
    SOAK_WARMUP_PLAYS = 1000,       /* memory is measured after these, then at the end */
    SOAK_SAVE_EVERY = 10,           /* default: one play in this many also replayed through a JSON save */
    SOAK_RESULTS_EVERY = 100,       /* default: one play in this many has its results file checked */
    SOAK_CONSUMER_EVERY = 1000,     /* one play in this many: results read back by report and progress */
    SOAK_LOOP_BOUND = 100000,       /* most decisions when the scenario can loop */
    SOAK_RSS_TOLERANCE_KB = 1024,   /* resident memory may grow by this much */
    SOAK_HEAP_TOLERANCE = 64 * 1024 /* bytes held from malloc may grow by this much */
};
#define SOAK_MASTER_SEED UINT64_C(20261122)

/* Ways the self-check breaks a scenario (or the play) to prove that the
 * checker catches it. */
typedef enum Tamper {
    TAMPER_NONE,
    TAMPER_METER_RANGE,  /* a meter's range that excludes its initial value */
    TAMPER_LOOP,         /* every route of the start scene leads back to it */
    TAMPER_DEAD_END,     /* every choice of the start scene needs a false condition */
    TAMPER_FLAG,         /* a flag effect read differently from what the engine applied */
    TAMPER_COUNTER,      /* likewise a counter effect */
    TAMPER_REPLAY,       /* chance weights swapped between the play and its replay */
    TAMPER_RESULTS,      /* a meter range narrowed before the results check */
    TAMPER_LEAK,         /* memory that grows with every play */
    TAMPER_COUNT
} Tamper;

/* The state the rules say the session must be in, kept independently of
 * the engine and in the layout of session_state_save(). */
typedef struct Shadow {
    int32_t *words;
    uint32_t since[LIMIT_EVENTS]; /* per pending slot: the decision that scheduled it */
    uint16_t pending[LIMIT_EVENTS];
    uint16_t n_pending;
} Shadow;

typedef struct Soak {
    const char *path;
    Scenario *sc;
    Framework *fw;
    uint32_t bound;       /* most decisions a play can take */
    StateLayout lay;
    Session *s;           /* the play */
    Session *b;           /* the replay up to the mid-play point */
    int32_t *wa, *wb;     /* compact states, lay.words each */
    int32_t *snaps;       /* the play's compact state after each decision (0: at the start) */
    uint32_t cap_snaps;   /* in states; grows to the longest play, then stays */
    uint32_t save_every, results_every; /* the sampled checks: one play in this many */
    Shadow sh;
    uint64_t seed;        /* of the play under way */
    uint32_t step;        /* decision under way (0-based) */
    uint64_t decisions;
    uint64_t plays;
    uint32_t endings_hit[LIMIT_ENDINGS];
    bool trace;
    Tamper tamper;
    void **leaks;         /* TAMPER_LEAK: what it holds, freed at the end */
    size_t n_leaks, cap_leaks;
    bool failed;
    char msg[2048];
} Soak;

/* ---- failures --------------------------------------------------------------- */

static bool fail(Soak *k, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Records the first failure, with where it happened; returns false. */
static bool fail(Soak *k, const char *fmt, ...) {
    if (k->failed) return false;
    k->failed = true;
    char what[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    const char *where = session_is_over(k->s) ? "(ending)" : k->sc->scenes[session_scene_index(k->s)].id;
    snprintf(k->msg, sizeof k->msg,
             "scenario %s (%s), play seed 0x%016" PRIx64 ", decision %" PRIu32 ", scene '%s': %s\n"
             "  reproduce: soak --play-seed 0x%016" PRIx64 " %s",
             k->sc->id, k->path, k->seed, k->step + 1, where, what, k->seed, k->path);
    return false;
}

/* ---- the shadow state ---------------------------------------------------------- */

static void shadow_reset(Soak *k) {
    const Scenario *sc = k->sc;
    int32_t *w = k->sh.words;
    memset(w, 0, sizeof *w * k->lay.words);
    w[0] = (int32_t)sc->start;
    for (uint16_t i = 0; i < sc->n_meters; i++) w[k->lay.meters + i] = sc->meters[i].initial;
    for (uint16_t i = 0; i < sc->n_counters; i++) w[k->lay.counters + i] = sc->counters[i].initial;
    for (uint16_t i = 0; i < sc->n_flags; i++)
        if (sc->flags[i].initial) w[k->lay.flags + i / 32u] |= (int32_t)(1u << (i % 32u));
    k->sh.n_pending = 0;
}

static int event_state(const Soak *k, uint16_t ev) {
    return (int)(((uint32_t)k->sh.words[k->lay.events + ev / 16u] >> (2u * (ev % 16u))) & 3u);
}

static void set_event_state(Soak *k, uint16_t ev, int st) {
    uint32_t *w = (uint32_t *)&k->sh.words[k->lay.events + ev / 16u];
    *w = (*w & ~(3u << (2u * (ev % 16u)))) | ((uint32_t)st << (2u * (ev % 16u)));
}

/* Effects as docs/format.md states them: meters clamped to their range,
 * flags set, counters added (32-bit, clamped), events scheduled once a
 * play. */
static void shadow_apply(Soak *k, const Effects *e, uint32_t decision) {
    const Scenario *sc = k->sc;
    int32_t *w = k->sh.words;
    for (uint16_t i = 0; i < e->n_meters; i++) {
        const Meter *m = &sc->meters[e->meters[i].meter];
        int64_t v = (int64_t)w[k->lay.meters + e->meters[i].meter] + e->meters[i].delta;
        w[k->lay.meters + e->meters[i].meter] = (int32_t)(v < m->min ? m->min : v > m->max ? m->max : v);
    }
    for (uint16_t i = 0; i < e->n_flags; i++) {
        uint16_t f = e->flags[i].flag;
        uint32_t bit = 1u << (f % 32u);
        uint32_t *fw = (uint32_t *)&w[k->lay.flags + f / 32u];
        *fw = e->flags[i].value ? (*fw | bit) : (*fw & ~bit);
    }
    for (uint16_t i = 0; i < e->n_counters; i++) {
        int64_t v = (int64_t)w[k->lay.counters + e->counters[i].counter] + e->counters[i].delta;
        w[k->lay.counters + e->counters[i].counter] = (int32_t)(v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : v);
    }
    for (uint16_t i = 0; i < e->n_schedule; i++) {
        uint16_t ev = e->schedule[i];
        if (event_state(k, ev) != 0) continue;
        set_event_state(k, ev, 1);
        k->sh.pending[k->sh.n_pending] = ev;
        k->sh.since[k->sh.n_pending] = decision;
        k->sh.n_pending++;
    }
}

/* The pending list into the compact words: event + 1 and the decisions
 * made since its scheduling (`made` decisions so far). */
static void shadow_pending_words(Soak *k, uint32_t made) {
    int32_t *w = k->sh.words;
    for (uint32_t i = 0; i < 2u * k->sc->n_events; i++) w[k->lay.pending + i] = 0;
    for (uint16_t i = 0; i < k->sh.n_pending; i++) {
        w[k->lay.pending + 2u * i] = k->sh.pending[i] + 1;
        w[k->lay.pending + 2u * i + 1] = (int32_t)(made - k->sh.since[i]);
    }
}

/* Names the first difference between the session's compact state and the
 * shadow's, or returns true when they are equal. */
static bool compare_with_shadow(Soak *k, uint32_t made) {
    const Scenario *sc = k->sc;
    if (made >= k->cap_snaps) {
        uint32_t cap = k->cap_snaps ? k->cap_snaps * 2 : 64;
        int32_t *ns = realloc(k->snaps, sizeof *ns * k->lay.words * cap);
        if (!ns) return fail(k, "out of memory");
        k->snaps = ns;
        k->cap_snaps = cap;
    }
    int32_t *wa = k->snaps + (size_t)made * k->lay.words;
    session_state_save(k->s, wa);
    const int32_t *w = k->sh.words;
    for (uint32_t i = 0; i < k->lay.words; i++) {
        if (wa[i] == w[i]) continue;
        if (i == 0) return fail(k, "the session is at place %" PRId32 ", the routes say %" PRId32, wa[0], w[0]);
        if (i < k->lay.counters) {
            uint32_t m = i - k->lay.meters;
            return fail(k, "meter '%s' is %" PRId32 ", its effects (clamped to [%" PRId32 ", %" PRId32 "]) give %" PRId32,
                        sc->meters[m].id, wa[i], sc->meters[m].min, sc->meters[m].max, w[i]);
        }
        if (i < k->lay.flags)
            return fail(k, "counter '%s' is %" PRId32 ", its effects give %" PRId32, sc->counters[i - k->lay.counters].id,
                        wa[i], w[i]);
        if (i < k->lay.events) {
            uint32_t x = (uint32_t)(wa[i] ^ w[i]), bit = 0;
            while (!(x & (1u << bit))) bit++;
            uint32_t f = (i - k->lay.flags) * 32u + bit;
            return fail(k, "flag '%s' is %s, its effects say %s", sc->flags[f].id,
                        (wa[i] >> bit) & 1 ? "true" : "false", (w[i] >> bit) & 1 ? "true" : "false");
        }
        if (i < k->lay.pending) {
            uint32_t x = (uint32_t)(wa[i] ^ w[i]), bit = 0;
            while (!(x & (3u << bit))) bit += 2;
            uint32_t ev = (i - k->lay.events) * 16u + bit / 2u;
            static const char *const names[] = {"idle", "pending", "fired", "invalid"};
            return fail(k, "event '%s' is %s, the scheduling rules say %s", sc->events[ev].id,
                        names[((uint32_t)wa[i] >> bit) & 3u], names[((uint32_t)w[i] >> bit) & 3u]);
        }
        return fail(k, "the pending events differ from the scheduling rules at slot %" PRIu32
                       " (engine %" PRId32 ", rules %" PRId32 ")",
                    (i - k->lay.pending) / 2u, wa[i], w[i]);
    }
    return true;
}

/* ---- one decision --------------------------------------------------------------- */

static bool check_meters_in_range(Soak *k, const int32_t *values, const char *what) {
    for (uint16_t m = 0; m < k->sc->n_meters; m++) {
        const Meter *me = &k->sc->meters[m];
        if (values[m] < me->min || values[m] > me->max)
            return fail(k, "%s: meter '%s' = %" PRId32 " outside its range [%" PRId32 ", %" PRId32 "]", what, me->id,
                        values[m], me->min, me->max);
    }
    return true;
}

static bool check_running_scores(Soak *k, const Session *s) {
    CompetencyScore sc[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, sc);
    if (n != k->sc->n_competencies) return fail(k, "%u scores for %u competencies", n, k->sc->n_competencies);
    for (uint16_t i = 0; i < n; i++) {
        const char *id = k->sc->competencies[i];
        if (sc[i].best < 0 || sc[i].earned > sc[i].best)
            return fail(k, "competency '%s': earned %" PRId32 " of best %" PRId32, id, sc[i].earned, sc[i].best);
        if ((sc[i].best == 0) != (sc[i].score == -1))
            return fail(k, "competency '%s': score %" PRId32 " with best %" PRId32 " (not assessed exactly when best is 0)", id,
                        sc[i].score, sc[i].best);
        if (sc[i].score < -1 || sc[i].score > 100)
            return fail(k, "competency '%s': score %" PRId32 " outside 0..100", id, sc[i].score);
        if (sc[i].mastery != mastery_for_score(k->fw, sc[i].score))
            return fail(k, "competency '%s': mastery %d does not match score %" PRId32, id, (int)sc[i].mastery, sc[i].score);
    }
    return true;
}

static bool target_in_routes(Target t, const Route *r, uint16_t n) {
    for (uint16_t i = 0; i < n; i++)
        if (r[i].target.kind == t.kind && r[i].target.index == t.index) return true;
    return false;
}

/* Everything one decision must satisfy: the step describes what was asked,
 * the chance outcome matches its draw, the meter changes, flags, counters and
 * event states are those the rules give, the session is where the step went,
 * meters are in range and the scores sane. */
static bool check_step(Soak *k, const StepResult *r, uint32_t scene, uint16_t pick, uint16_t mask) {
    const Scenario *sc = k->sc;
    Session *s = k->s;
    if (!r) return fail(k, "available choice %u ('%s') refused", pick, sc->scenes[scene].choices[pick].id);
    const Choice *c = &sc->scenes[scene].choices[pick];
    if (r->scene != scene || r->choice != pick)
        return fail(k, "the step says scene %" PRIu32 " choice %u, the player was at %" PRIu32 " and chose %u", r->scene,
                    r->choice, scene, pick);
    if (r->available != mask) return fail(k, "available mask %#x, the choices shown say %#x", r->available, mask);
    if (session_step_count(s) != k->step + 1 || session_step(s, k->step) != r)
        return fail(k, "history holds %" PRIu32 " steps after decision %" PRIu32, session_step_count(s), k->step + 1);
    if (memcmp(r->meters_before, k->sh.words + k->lay.meters, sizeof(int32_t) * sc->n_meters) != 0)
        return fail(k, "meters before the decision differ from the session's");

    shadow_apply(k, &c->effects, k->step);
    const Outcome *o = NULL;
    if (c->n_outcomes == 0) {
        if (r->outcome != -1) return fail(k, "outcome %d drawn for choice '%s', which has none", r->outcome, c->id);
    } else {
        if (r->outcome < 0 || r->outcome >= (int16_t)c->n_outcomes)
            return fail(k, "outcome %d out of range for choice '%s'", r->outcome, c->id);
        uint32_t lo = 0;
        for (int16_t i = 0; i < r->outcome; i++) lo += c->outcomes[i].weight;
        uint32_t hi = r->outcome + 1 == (int16_t)c->n_outcomes ? PROBABILITY_ONE : lo + c->outcomes[r->outcome].weight;
        if (r->draw >= PROBABILITY_ONE || r->draw < lo || r->draw >= hi)
            return fail(k, "draw %" PRIu32 " gave outcome '%s', whose share is [%" PRIu32 ", %" PRIu32 ")", r->draw,
                        c->outcomes[r->outcome].id, lo, hi);
        o = &c->outcomes[r->outcome];
        shadow_apply(k, &o->effects, k->step);
    }
    uint16_t nch = 0;
    for (uint16_t m = 0; m < sc->n_meters; m++) {
        int32_t after = k->sh.words[k->lay.meters + m];
        if (after == r->meters_before[m]) continue;
        if (nch >= r->n_changes || r->changes[nch].meter != m || r->changes[nch].before != r->meters_before[m] ||
            r->changes[nch].after != after)
            return fail(k, "the meter changes reported differ from the effects (meter '%s': %" PRId32 " -> %" PRId32 ")",
                        sc->meters[m].id, r->meters_before[m], after);
        nch++;
    }
    if (nch != r->n_changes) return fail(k, "%u meter changes reported, the effects give %u", r->n_changes, nch);

    const Route *routes = o && o->n_routes ? o->routes : c->routes;
    uint16_t n_routes = o && o->n_routes ? o->n_routes : c->n_routes;
    if (!target_in_routes(r->next, routes, n_routes)) return fail(k, "went to a place that no route of '%s' names", c->id);

    if (r->n_fired && !r->fired) return fail(k, "%u events fired but none listed", r->n_fired);
    for (uint16_t i = 0; i < r->n_fired; i++) {
        const FiredEvent *fe = &r->fired[i];
        if (fe->event >= sc->n_events) return fail(k, "fired event %u out of range", fe->event);
        if (event_state(k, fe->event) != 1)
            return fail(k, "event '%s' fired while %s", sc->events[fe->event].id,
                        event_state(k, fe->event) == 2 ? "already fired (an event happens once a play)" : "not scheduled");
        uint16_t j = 0;
        while (k->sh.pending[j] != fe->event) j++;
        memmove(&k->sh.pending[j], &k->sh.pending[j + 1], sizeof k->sh.pending[0] * (size_t)(k->sh.n_pending - j - 1));
        memmove(&k->sh.since[j], &k->sh.since[j + 1], sizeof k->sh.since[0] * (size_t)(k->sh.n_pending - j - 1));
        k->sh.n_pending--;
        set_event_state(k, fe->event, 2);
        int32_t before[LIMIT_METERS];
        memcpy(before, k->sh.words + k->lay.meters, sizeof before[0] * sc->n_meters);
        shadow_apply(k, &sc->events[fe->event].effects, k->step);
        uint16_t ne = 0;
        for (uint16_t m = 0; m < sc->n_meters; m++) {
            int32_t after = k->sh.words[k->lay.meters + m];
            if (after == before[m]) continue;
            if (ne >= fe->n_changes || fe->changes[ne].meter != m || fe->changes[ne].before != before[m] ||
                fe->changes[ne].after != after)
                return fail(k, "event '%s': meter changes reported differ from its effects", sc->events[fe->event].id);
            ne++;
        }
        if (ne != fe->n_changes) return fail(k, "event '%s': %u meter changes reported, %u expected", sc->events[fe->event].id,
                                             fe->n_changes, ne);
    }
    k->sh.words[0] = r->next.kind == TARGET_ENDING ? -1 - (int32_t)r->next.index : (int32_t)r->next.index;
    shadow_pending_words(k, k->step + 1);
    if (!compare_with_shadow(k, k->step + 1)) return false;
    if (memcmp(r->meters_after, k->sh.words + k->lay.meters, sizeof(int32_t) * sc->n_meters) != 0)
        return fail(k, "meters after the step differ from the session's");
    if (!check_meters_in_range(k, r->meters_after, "after the step")) return false;
    uint16_t pend[LIMIT_EVENTS];
    uint16_t np = session_pending_events(s, pend, LIMIT_EVENTS);
    if (np != k->sh.n_pending || memcmp(pend, k->sh.pending, sizeof pend[0] * np) != 0)
        return fail(k, "%u events pending, the scheduling rules say %u", np, k->sh.n_pending);
    if (r->next.kind == TARGET_ENDING) {
        if (!session_is_over(s) || session_ending_index(s) != (int32_t)r->next.index)
            return fail(k, "the step went to an ending, the session is not there");
    } else if (session_is_over(s) || session_scene_index(s) != r->next.index) {
        return fail(k, "the step went to a scene, the session is not there");
    }
    return check_running_scores(k, s);
}

/* ---- the full state, for replays ------------------------------------------------ */

/* MeterChange has padding: compared field by field. */
static bool same_changes(const MeterChange *a, const MeterChange *b, uint16_t n) {
    for (uint16_t i = 0; i < n; i++)
        if (a[i].meter != b[i].meter || a[i].before != b[i].before || a[i].after != b[i].after) return false;
    return true;
}

static bool same_step(const Scenario *sc, const StepResult *x, const StepResult *y) {
    if (x->scene != y->scene || x->choice != y->choice || x->outcome != y->outcome || x->draw != y->draw ||
        x->n_changes != y->n_changes || x->n_fired != y->n_fired || x->next.kind != y->next.kind ||
        x->next.index != y->next.index || x->available != y->available)
        return false;
    if (!same_changes(x->changes, y->changes, x->n_changes)) return false;
    if (memcmp(x->meters_before, y->meters_before, sizeof(int32_t) * sc->n_meters) != 0) return false;
    if (memcmp(x->meters_after, y->meters_after, sizeof(int32_t) * sc->n_meters) != 0) return false;
    for (uint16_t i = 0; i < x->n_fired; i++) {
        const FiredEvent *a = &x->fired[i], *b = &y->fired[i];
        if (a->event != b->event || a->n_changes != b->n_changes || !same_changes(a->changes, b->changes, a->n_changes))
            return false;
    }
    return true;
}

/* Compares everything a session exposes: place, compact state (meters,
 * counters, flags, events, pending list), scores, badges, seed, language
 * and every step of the history. */
static bool same_session(Soak *k, const Session *x, const Session *y, const char *what) {
    const Scenario *sc = k->sc;
    if (session_seed(x) != session_seed(y) || session_lang(x) != session_lang(y))
        return fail(k, "%s: seed or language differ", what);
    session_state_save(x, k->wa);
    session_state_save(y, k->wb);
    for (uint32_t i = 0; i < k->lay.words; i++)
        if (k->wa[i] != k->wb[i])
            return fail(k, "%s: state word %" PRIu32 " is %" PRId32 " instead of %" PRId32 " (meters from %u, counters from %u, "
                           "flags from %u, events from %u, pending from %u)",
                        what, i, k->wb[i], k->wa[i], k->lay.meters, k->lay.counters, k->lay.flags, k->lay.events,
                        k->lay.pending);
    if (session_is_over(x) != session_is_over(y) || session_ending_index(x) != session_ending_index(y))
        return fail(k, "%s: not at the same ending", what);
    CompetencyScore a[LIMIT_COMPETENCIES], b[LIMIT_COMPETENCIES];
    uint16_t na = session_scores(x, a), nb = session_scores(y, b);
    if (na != nb) return fail(k, "%s: %u scores instead of %u", what, nb, na);
    for (uint16_t i = 0; i < na; i++)
        if (a[i].earned != b[i].earned || a[i].best != b[i].best || a[i].score != b[i].score || a[i].mastery != b[i].mastery)
            return fail(k, "%s: competency '%s' scores %" PRId32 "/%" PRId32 " instead of %" PRId32 "/%" PRId32, what,
                        sc->competencies[i], b[i].earned, b[i].best, a[i].earned, a[i].best);
    if (session_badges(x) != session_badges(y)) return fail(k, "%s: badges differ", what);
    uint32_t n = session_step_count(x);
    if (session_step_count(y) != n)
        return fail(k, "%s: %" PRIu32 " steps instead of %" PRIu32, what, session_step_count(y), n);
    for (uint32_t i = 0; i < n; i++)
        if (!same_step(sc, session_step(x, i), session_step(y, i)))
            return fail(k, "%s: step %" PRIu32 " differs", what, i + 1);
    return true;
}

/* The game's resume path: the save as JSON, parsed, resumed on the same
 * scenario. Returns the resumed session (caller destroys) or NULL after a
 * failure. */
static Session *save_round_trip(Soak *k, const Session *from, const char *what) {
    char *json = save_to_json(from);
    if (!json) {
        fail(k, "%s: save_to_json failed", what);
        return NULL;
    }
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Save *sv = save_parse("soak/save.json", json, strlen(json), &dl);
    Session *again = NULL;
    if (!sv) {
        fail(k, "%s: the save the engine wrote does not parse (%u diagnostics)", what, (unsigned)dl.count);
    } else {
        ResumeReport rep;
        again = save_resume(sv, k->sc, k->fw, &rep);
        if (!again || rep.status != RESUME_SAME) {
            fail(k, "%s: resume gives status %d, problem %d at step %" PRIu32 " of %" PRIu32, what, (int)rep.status,
                 (int)rep.problem, rep.steps_kept + 1, rep.steps_saved);
            session_destroy(again);
            again = NULL;
        }
    }
    save_free(sv);
    diag_list_free(&dl);
    free(json);
    return again;
}

/* The history replays to the same state. Every play: a second session
 * replays the choices from the seed (what resuming does) up to a random
 * mid-play point, where its state must equal the play's at that point,
 * then plays on with the rest of the choices, which must give the same
 * steps — chance draws included, so the generator's state is checked too —
 * and the same final state. On sampled plays (`with_save`) through the
 * game's own save path as well: the finished play and the mid-play point
 * are each saved as JSON, parsed and resumed, and the resumed session,
 * played on, must match too. */
static bool check_replay(Soak *k, Rng *picker, bool with_save) {
    Session *a = k->s;
    uint32_t n = session_step_count(a);
    bool ok = true;
    if (with_save) {
        Session *d = save_round_trip(k, a, "resume of the finished play");
        if (!d) return false;
        ok = same_session(k, a, d, "resume of the finished play");
        session_destroy(d);
        if (!ok) return false;
    }
    uint32_t mid = n < 2 ? n : 1 + rng_below(picker, n - 1);
    session_reset(k->b, k->seed);
    for (uint32_t i = 0; i < mid; i++) {
        const StepResult *r = session_choose(k->b, session_step(a, i)->choice);
        if (!r || !same_step(k->sc, r, session_step(a, i)))
            return fail(k, "replaying the choices from the seed differs at step %" PRIu32, i + 1);
    }
    session_state_save(k->b, k->wb);
    if (memcmp(k->wb, k->snaps + (size_t)mid * k->lay.words, sizeof(int32_t) * k->lay.words) != 0)
        return fail(k, "replaying the first %" PRIu32 " choices from the seed gives another state than the play had then", mid);
    Session *c = k->b;
    if (with_save) {
        c = save_round_trip(k, k->b, "resume at a mid-play point");
        if (!c) return false;
        ok = same_session(k, k->b, c, "resume at a mid-play point");
    }
    for (uint32_t i = mid; ok && i < n; i++) {
        const StepResult *r = session_choose(c, session_step(a, i)->choice);
        if (!r || !same_step(k->sc, r, session_step(a, i)))
            ok = fail(k, "the play replayed to step %" PRIu32 " and continued differs from the original at step %" PRIu32, mid,
                      i + 1);
    }
    if (ok) ok = same_session(k, a, c, "play replayed to a mid-play point and finished");
    if (c != k->b) session_destroy(c);
    return ok;
}

/* ---- the end of a play and its results file -------------------------------------- */

static bool check_end(Soak *k) {
    Session *s = k->s;
    if (!session_is_over(s) || !session_ending(s)) return fail(k, "the play stopped without an ending");
    int32_t e = session_ending_index(s);
    if (e < 0 || e >= (int32_t)k->sc->n_endings) return fail(k, "ending index %" PRId32 " out of range", e);
    ChoiceView views[LIMIT_CHOICES];
    if (session_choices(s, views) != 0) return fail(k, "choices offered after the ending");
    uint32_t n = session_step_count(s);
    if (session_choose(s, 0) != NULL || session_step_count(s) != n) return fail(k, "a decision accepted after the ending");
    if (session_badges(s) > 7) return fail(k, "badges %#x beyond the three levels", session_badges(s));
    k->endings_hit[e]++;
    return check_running_scores(k, s);
}

static const cJSON *member(const cJSON *o, const char *key) {
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static bool is_string(const cJSON *o, const char *key, const char *want) {
    const cJSON *v = member(o, key);
    return cJSON_IsString(v) && (!want || strcmp(v->valuestring, want) == 0);
}

static bool is_int(const cJSON *v, double lo, double hi) {
    return cJSON_IsNumber(v) && v->valuedouble >= lo && v->valuedouble <= hi && v->valuedouble == (double)(int64_t)v->valuedouble;
}

/* A meters object of the results: every meter of the scenario, an integer
 * within its range. */
static bool results_meters(Soak *k, const cJSON *o, const int32_t *want, const char *what) {
    if (!cJSON_IsObject(o) || cJSON_GetArraySize(o) != k->sc->n_meters) return fail(k, "results: %s is not every meter", what);
    for (uint16_t m = 0; m < k->sc->n_meters; m++) {
        const Meter *me = &k->sc->meters[m];
        const cJSON *v = member(o, me->id);
        if (!is_int(v, me->min, me->max))
            return fail(k, "results: %s.%s missing or outside [%" PRId32 ", %" PRId32 "]", what, me->id, me->min, me->max);
        if (want && (int32_t)v->valuedouble != want[m])
            return fail(k, "results: %s.%s is %d, the session says %" PRId32, what, me->id, (int)v->valuedouble, want[m]);
    }
    return true;
}

static const PlayMeta *soak_meta(void) {
    static const PlayMeta meta = {"5011a5011a5011a5011a5011a5011a50", "soak", NULL, INT64_C(1795132800000),
                                  INT64_C(1795133700000), NULL, NULL, 0, NULL};
    return &meta;
}

/* The results file the core writes for this play (results_to_json, what
 * results_write puts in results/<play-id>.json): format 2, the play it
 * describes, every value within its range. One play in SOAK_CONSUMER_EVERY
 * is also read back by the report and by the passport's progress, the two
 * readers of results files. */
static bool check_results(Soak *k, bool consumers) {
    const Scenario *sc = k->sc;
    Session *s = k->s;
    char *text = results_to_json(s, k->fw, soak_meta());
    if (!text) return fail(k, "results_to_json gave nothing for a finished play");
    cJSON *root = cJSON_Parse(text);
    bool ok = true;
    char hash[17], seed[24];
    scenario_hash_hex(sc, hash);
    snprintf(seed, sizeof seed, "%" PRIu64, session_seed(s));
    const cJSON *so = member(root, "scenario"), *en = member(root, "ending");
    const Ending *end = session_ending(s);
    int64_t ms;
    if (!cJSON_IsObject(root)) ok = fail(k, "results: not a JSON object");
    else if (!is_int(member(root, "format"), RESULTS_FORMAT_VERSION, RESULTS_FORMAT_VERSION))
        ok = fail(k, "results: format is not %d", RESULTS_FORMAT_VERSION);
    else if (!is_string(root, "play_id", soak_meta()->play_id) || !is_string(root, "seed", seed) ||
             !is_string(root, "lang", lang_code(session_lang(s))) || !is_string(root, "pseudonym", "soak") ||
             !cJSON_IsNull(member(root, "workshop")))
        ok = fail(k, "results: play_id, seed, lang, pseudonym or workshop wrong");
    else if (!is_string(root, "started", NULL) || !results_parse_iso8601(member(root, "started")->valuestring, &ms) ||
             ms != soak_meta()->started_ms || !is_string(root, "finished", NULL) ||
             !results_parse_iso8601(member(root, "finished")->valuestring, &ms) || ms != soak_meta()->finished_ms)
        ok = fail(k, "results: started or finished wrong");
    else if (!cJSON_IsObject(so) || !is_string(so, "id", sc->id) || !is_string(so, "version", sc->version) ||
             !is_string(so, "content_hash", hash) || !is_int(member(so, "level"), sc->level, sc->level))
        ok = fail(k, "results: scenario wrong");
    else if (!cJSON_IsObject(en) || !is_string(en, "id", end->id) || !is_string(en, "tone", results_tone_slug(end->tone)))
        ok = fail(k, "results: ending wrong");
    if (ok) {
        int32_t now[LIMIT_METERS];
        for (uint16_t m = 0; m < sc->n_meters; m++) now[m] = session_meter(s, m);
        ok = results_meters(k, member(root, "meters"), now, "meters");
    }
    const cJSON *decs = member(root, "decisions");
    uint32_t n = session_step_count(s);
    if (ok && (!cJSON_IsArray(decs) || (uint32_t)cJSON_GetArraySize(decs) != n))
        ok = fail(k, "results: %d decisions for %" PRIu32 " steps", cJSON_GetArraySize(decs), n);
    uint32_t i = 0;
    for (const cJSON *d = decs ? decs->child : NULL; ok && d; d = d->next, i++) {
        const StepResult *st = session_step(s, i);
        const Choice *c = &sc->scenes[st->scene].choices[st->choice];
        if (!is_string(d, "scene", sc->scenes[st->scene].id) || !is_string(d, "choice", c->id) ||
            (st->outcome >= 0 ? !is_string(d, "outcome", c->outcomes[st->outcome].id) : member(d, "outcome") != NULL) ||
            !is_int(member(d, "time_ms"), 0, UINT32_MAX))
            ok = fail(k, "results: decision %" PRIu32 " does not match the history", i + 1);
        else if (!results_meters(k, member(d, "meters_before"), st->meters_before, "decisions[].meters_before") ||
                 !results_meters(k, member(d, "meters_after"), st->meters_after, "decisions[].meters_after"))
            ok = false;
        const cJSON *ev = member(d, "evidence");
        if (ok && (!cJSON_IsArray(ev) || cJSON_GetArraySize(ev) != c->effects.n_evidence))
            ok = fail(k, "results: decision %" PRIu32 " evidence is not the choice's", i + 1);
        for (const cJSON *x = ev ? ev->child : NULL; ok && x; x = x->next)
            if (!is_string(x, "competency", NULL) || scenario_find_competency(sc, member(x, "competency")->valuestring) < 0 ||
                !is_int(member(x, "points"), -LIMIT_EVIDENCE, LIMIT_EVIDENCE))
                ok = fail(k, "results: decision %" PRIu32 " evidence outside the scenario's competencies or -3..3", i + 1);
    }
    const cJSON *comps = member(root, "competencies");
    CompetencyScore cs[LIMIT_COMPETENCIES];
    uint16_t nc = session_scores(s, cs);
    if (ok && (!cJSON_IsArray(comps) || cJSON_GetArraySize(comps) != nc))
        ok = fail(k, "results: %d competencies for %u", cJSON_GetArraySize(comps), nc);
    i = 0;
    for (const cJSON *c = comps ? comps->child : NULL; ok && c; c = c->next, i++) {
        const cJSON *score = member(c, "score"), *targeted = member(c, "targeted");
        bool score_ok = cs[i].score < 0 ? cJSON_IsNull(score) : is_int(score, cs[i].score, cs[i].score);
        if (!is_string(c, "id", sc->competencies[i]) || !cJSON_IsBool(targeted) ||
            cJSON_IsTrue(targeted) != (i < sc->n_targeted))
            ok = fail(k, "results: competency %" PRIu32 " id or targeted wrong", i + 1);
        else if (!score_ok || (cJSON_IsNumber(score) && !is_int(score, 0, 100)))
            ok = fail(k, "results: competency '%s' score not %" PRId32 " (null when not assessed, else 0..100)",
                      sc->competencies[i], cs[i].score);
        else if (!is_int(member(c, "earned"), cs[i].earned, cs[i].earned) || !is_int(member(c, "best"), cs[i].best, cs[i].best) ||
                 !is_string(c, "mastery", results_mastery_slug(cs[i].mastery)))
            ok = fail(k, "results: competency '%s' earned, best or mastery wrong", sc->competencies[i]);
    }
    const cJSON *badges = member(root, "badges");
    uint8_t bits = 0;
    if (ok && !cJSON_IsArray(badges)) ok = fail(k, "results: no badges array");
    for (const cJSON *b = badges ? badges->child : NULL; ok && b; b = b->next) {
        if (!is_int(b, 1, 3) || (bits & (1u << ((int)b->valuedouble - 1))))
            ok = fail(k, "results: badge outside levels 1..3 or repeated");
        else
            bits |= (uint8_t)(1u << ((int)b->valuedouble - 1));
    }
    if (ok && bits != session_badges(s)) ok = fail(k, "results: badges %#x, the session earned %#x", bits, session_badges(s));
    cJSON_Delete(root);

    if (ok && consumers) {
        Report *rep = report_create(LANG_EN);
        ReportAdd add = rep ? report_add_buffer(rep, "soak/results.json", text, strlen(text)) : REPORT_OOM;
        if (add != REPORT_ADDED || rep->diags.count != 0)
            ok = fail(k, "results: the report does not read the file (status %d, %u diagnostics)", (int)add,
                      rep ? (unsigned)rep->diags.count : 0u);
        report_destroy(rep);
        Progress *p = progress_create();
        if (ok && (!p || !progress_add_result_text(p, text, strlen(text)) || progress_total_plays(p) != 1))
            ok = fail(k, "results: the passport's progress does not count the file");
        for (uint16_t c = 0; ok && c < nc; c++) {
            ProgressCompetency pc;
            bool assessed = progress_competency(p, sc->competencies[c], &pc);
            if (assessed != (cs[c].score >= 0) || (assessed && pc.latest.score != cs[c].score))
                ok = fail(k, "results: the progress reads competency '%s' as %" PRId32 " instead of %" PRId32,
                          sc->competencies[c], assessed ? pc.latest.score : -1, cs[c].score);
        }
        progress_free(p);
    }
    free(text);
    return ok;
}

/* ---- tampering (self-check only) -------------------------------------------------- */

/* A new condition that never holds (not all-of-nothing), added to the
 * scenario's tables; its index. */
static int32_t add_false_condition(Scenario *sc) {
    Cond *conds = arena_alloc(&sc->arena, sizeof *conds * (sc->n_conds + 2));
    uint32_t *kids = arena_alloc(&sc->arena, sizeof *kids * (sc->n_cond_kids + 1));
    if (!conds || !kids) return -1;
    if (sc->n_conds) memcpy(conds, sc->conds, sizeof *conds * sc->n_conds);
    if (sc->n_cond_kids) memcpy(kids, sc->cond_kids, sizeof *kids * sc->n_cond_kids);
    conds[sc->n_conds] = (Cond){COND_ALL, CMP_EQ, 0, 0, 0, 0};
    kids[sc->n_cond_kids] = sc->n_conds;
    conds[sc->n_conds + 1] = (Cond){COND_NOT, CMP_EQ, 0, 0, sc->n_cond_kids, 1};
    sc->conds = conds;
    sc->cond_kids = kids;
    sc->n_cond_kids++;
    sc->n_conds += 2;
    return (int32_t)sc->n_conds - 1;
}

/* Breaks the scenario before the plays (the step bound is already set from
 * the scenario as it was). */
static void tamper_scenario(Soak *k) {
    Scenario *sc = k->sc;
    Scene *start = &sc->scenes[sc->start];
    if (k->tamper == TAMPER_METER_RANGE) {
        Meter *m = &sc->meters[0];
        if (m->initial > m->min) m->max = m->initial - 1;
        else m->min = m->initial + 1;
    } else if (k->tamper == TAMPER_LOOP) {
        Route *self = arena_alloc(&sc->arena, sizeof *self);
        self->cond = -1;
        self->target = (Target){TARGET_SCENE, sc->start};
        for (uint16_t i = 0; i < start->n_choices; i++) {
            Choice *c = &start->choices[i];
            c->routes = self;
            c->n_routes = 1;
            for (uint16_t j = 0; j < c->n_outcomes; j++) {
                c->outcomes[j].routes = self;
                c->outcomes[j].n_routes = 1;
            }
        }
    } else if (k->tamper == TAMPER_DEAD_END) {
        int32_t never = add_false_condition(sc);
        for (uint16_t i = 0; i < start->n_choices; i++) start->choices[i].cond = never;
    }
}

/* Undoes, after the check, what tamper_effects changed. */
typedef struct Restore {
    void *at;
    int32_t was;
    bool is_bool;
} Restore;

/* Between the engine's decision and its check: reads a flag or counter
 * effect of the chosen choice differently from what the engine applied. */
static Restore tamper_effects(Soak *k, const Choice *c) {
    Restore r = {NULL, 0, false};
    if (k->tamper == TAMPER_FLAG && c->effects.n_flags) {
        FlagSet *f = &c->effects.flags[0];
        r = (Restore){&f->value, f->value, true};
        f->value = !f->value;
    } else if (k->tamper == TAMPER_COUNTER && c->effects.n_counters) {
        CounterDelta *d = &c->effects.counters[0];
        r = (Restore){&d->delta, d->delta, false};
        d->delta += 1;
    }
    return r;
}

static void restore(Restore r) {
    if (!r.at) return;
    if (r.is_bool) *(bool *)r.at = r.was != 0;
    else *(int32_t *)r.at = r.was;
}

/* After the play, before the replay: the first chance choice of the play
 * gets its first two outcomes' weights swapped (when they differ). */
static Restore tamper_replay(Soak *k) {
    Restore r = {NULL, 0, false};
    for (uint32_t i = 0; i < session_step_count(k->s); i++) {
        const StepResult *st = session_step(k->s, i);
        Choice *c = &k->sc->scenes[st->scene].choices[st->choice];
        if (c->n_outcomes >= 2 && c->outcomes[0].weight != c->outcomes[1].weight) {
            uint32_t w = c->outcomes[0].weight;
            c->outcomes[0].weight = c->outcomes[1].weight;
            c->outcomes[1].weight = w;
            r.at = c;
            return r;
        }
    }
    return r;
}

static void untamper_replay(Restore r) {
    if (!r.at) return;
    Choice *c = r.at;
    uint32_t w = c->outcomes[0].weight;
    c->outcomes[0].weight = c->outcomes[1].weight;
    c->outcomes[1].weight = w;
}

/* ---- one play ----------------------------------------------------------------------- */

/* Play `index` of the run (the sampled checks use it), from `seed`. */
static bool play_one(Soak *k, uint64_t index, uint64_t seed) {
    const Scenario *sc = k->sc;
    Session *s = k->s;
    k->seed = seed;
    k->step = 0;
    session_reset(s, seed);
    Rng picker;
    uint64_t ps = seed ^ UINT64_C(0x9E3779B97F4A7C15);
    rng_seed(&picker, rng_splitmix64(&ps));
    shadow_reset(k);
    shadow_pending_words(k, 0);
    if (!compare_with_shadow(k, 0)) return false;
    int32_t now[LIMIT_METERS];
    for (uint16_t m = 0; m < sc->n_meters; m++) now[m] = session_meter(s, m);
    if (!check_meters_in_range(k, now, "at the start")) return false;

    for (;; k->step++) {
        if (session_is_over(s)) break;
        uint32_t scene = session_scene_index(s);
        if (k->step >= k->bound)
            return fail(k, "still playing after %" PRIu32 " decisions, the most this scenario allows (a play must always end)",
                        k->bound);
        ChoiceView views[LIMIT_CHOICES];
        uint16_t nv = session_choices(s, views), avail[LIMIT_CHOICES], na = 0, mask = 0;
        for (uint16_t i = 0; i < nv; i++)
            if (views[i].available) {
                avail[na++] = views[i].index;
                mask |= (uint16_t)(1u << views[i].index);
            } else if (!views[i].reason) {
                return fail(k, "choice '%s' shown disabled without a reason", sc->scenes[scene].choices[views[i].index].id);
            }
        if (na == 0) return fail(k, "dead end: no choice available (%u shown, all disabled)", nv);
        uint16_t pick = avail[rng_below(&picker, na)];
        const StepResult *r = session_choose(s, pick);
        Restore t = r ? tamper_effects(k, &sc->scenes[scene].choices[pick]) : (Restore){NULL, 0, false};
        if (k->trace && r) {
            const Choice *c = &sc->scenes[scene].choices[pick];
            printf("  %3" PRIu32 ". %s -> %s%s%s -> %s\n", k->step + 1, sc->scenes[scene].id, c->id, r->outcome >= 0 ? " / " : "",
                   r->outcome >= 0 ? c->outcomes[r->outcome].id : "",
                   r->next.kind == TARGET_ENDING ? sc->endings[r->next.index].id : sc->scenes[r->next.index].id);
        }
        bool ok = check_step(k, r, scene, pick, mask);
        restore(t);
        if (!ok) return false;
        k->decisions++;
    }
    if (!check_end(k)) return false;
    Restore t = k->tamper == TAMPER_REPLAY ? tamper_replay(k) : (Restore){NULL, 0, false};
    bool ok = check_replay(k, &picker, index % k->save_every == 0);
    untamper_replay(t);
    if (!ok) return false;
    Meter *m0 = &k->sc->meters[0];
    int32_t lo = m0->min, hi = m0->max;
    if (k->tamper == TAMPER_RESULTS) {
        if (session_meter(s, 0) > lo) m0->max = session_meter(s, 0) - 1;
        else m0->min = session_meter(s, 0) + 1;
    }
    /* Every ending's first play is among those whose results are checked. */
    if (index % k->results_every == 0 || k->endings_hit[session_ending_index(s)] == 1)
        ok = check_results(k, index % SOAK_CONSUMER_EVERY == 0);
    m0->min = lo;
    m0->max = hi;
    if (ok && k->tamper == TAMPER_LEAK) {
        if (k->n_leaks == k->cap_leaks) {
            size_t cap = k->cap_leaks ? k->cap_leaks * 2 : 1024;
            void **nl = realloc(k->leaks, sizeof *nl * cap);
            if (!nl) return fail(k, "out of memory");
            k->leaks = nl;
            k->cap_leaks = cap;
        }
        k->leaks[k->n_leaks] = malloc(4096);
        if (k->leaks[k->n_leaks]) memset(k->leaks[k->n_leaks++], 1, 4096);
    }
    return ok;
}

/* ---- one scenario ---------------------------------------------------------------------- */

/* The longest path, in decisions, through the scene graph (every route of
 * every choice and chance outcome), from the start scene to an ending; 0
 * when the graph has a loop. Iterative depth-first search: 10,000 scenes
 * need no deep recursion. */
static uint32_t longest_path(const Scenario *sc) {
    uint32_t n = sc->n_scenes, top = 0;
    uint32_t *len = calloc(n, sizeof *len);   /* 0: not done; else decisions to an ending */
    uint8_t *on = calloc(n, 1);               /* on the current path */
    uint32_t *stack = malloc(sizeof *stack * (n + 1));
    uint32_t result = 0;
    if (!len || !on || !stack) goto out;
    stack[top++] = sc->start;
    on[sc->start] = 1;
    while (top) {
        uint32_t v = stack[top - 1];
        const Scene *scene = &sc->scenes[v];
        uint32_t best = 1, pushed = 0;
        for (uint16_t c = 0; c < scene->n_choices && !pushed; c++) {
            const Choice *ch = &scene->choices[c];
            for (int32_t o = -1; o < (int32_t)ch->n_outcomes && !pushed; o++) {
                const Route *r = o < 0 ? ch->routes : ch->outcomes[o].routes;
                uint16_t nr = o < 0 ? ch->n_routes : ch->outcomes[o].n_routes;
                for (uint16_t i = 0; i < nr; i++) {
                    if (r[i].target.kind != TARGET_SCENE) continue;
                    uint32_t t = r[i].target.index;
                    if (on[t]) goto out; /* a loop */
                    if (!len[t]) {
                        stack[top++] = t;
                        on[t] = 1;
                        pushed = 1;
                        break;
                    }
                    if (len[t] + 1 > best) best = len[t] + 1;
                }
            }
        }
        if (pushed) continue;
        len[v] = best;
        on[v] = 0;
        top--;
    }
    result = len[sc->start];
out:
    free(len);
    free(on);
    free(stack);
    return result;
}

/* The most decisions a play of `sc` can take: the longest path through its
 * scene graph; when that has a loop, the exact analysis's longest play if
 * it finds the loop never taken, else SOAK_LOOP_BOUND. */
static uint32_t step_bound(const Scenario *sc, const Framework *fw) {
    uint32_t bound = longest_path(sc);
    if (bound) return bound;
    AnalysisOptions opt = {0, 0, 0, 0};
    Analysis *a = analysis_run(sc, fw, &opt);
    bound = SOAK_LOOP_BOUND;
    if (a && a->mode == ANALYSIS_EXACT && !a->has_cycle && a->longest > 0) bound = a->longest;
    analysis_free(a);
    return bound;
}

static void soak_close(Soak *k) {
    session_destroy(k->s);
    session_destroy(k->b);
    free(k->wa);
    free(k->snaps);
    free(k->wb);
    free(k->sh.words);
    for (size_t i = 0; i < k->n_leaks; i++) free(k->leaks[i]);
    free(k->leaks);
    scenario_free(k->sc);
    framework_free(k->fw);
}

/* Loads the scenario (a file, or a folder holding scenario.json). False
 * with the diagnostics printed when it does not load. */
static bool soak_open(Soak *k, const char *path) {
    memset(k, 0, sizeof *k);
    k->path = path;
    k->save_every = 1;
    k->results_every = 1;
    char *file = fsutil_kind(path) == FS_KIND_DIR ? fsutil_join(path, "scenario.json") : NULL;
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    k->sc = scenario_load_auto(file ? file : path, &k->fw, &dl);
    if (!k->sc) {
        char *text = diag_list_format_text(&dl);
        fprintf(stderr, "soak: %s does not load:\n%s", path, text ? text : "");
        free(text);
    }
    diag_list_free(&dl);
    free(file);
    if (!k->sc) return false;
    session_state_layout(k->sc, &k->lay);
    k->bound = step_bound(k->sc, k->fw);
    k->s = session_create(k->sc, k->fw, 0, LANG_FR);
    k->b = session_create(k->sc, k->fw, 0, LANG_FR);
    k->wa = malloc(sizeof(int32_t) * k->lay.words);
    k->wb = malloc(sizeof(int32_t) * k->lay.words);
    k->sh.words = malloc(sizeof(int32_t) * k->lay.words);
    if (!k->s || !k->b || !k->wa || !k->wb || !k->sh.words) {
        fprintf(stderr, "soak: out of memory\n");
        soak_close(k);
        return false;
    }
    return true;
}

/* The seed of play `i`'s stream: the master seed mixed with the scenario's
 * id, so each scenario gets its own plays whatever the others are. */
static uint64_t stream_start(const Scenario *sc, uint64_t master) {
    return master ^ hash_content(sc->id, strlen(sc->id));
}

typedef struct Figures {
    uint64_t plays, decisions;
    double seconds;
    long long rss_kb[2], heap[2];
    uint16_t endings_seen;
} Figures;

/* Plays `plays` random playthroughs; returns true when every check holds
 * and memory stayed flat. */
static bool soak_run(Soak *k, uint64_t plays, uint64_t master, Figures *f) {
    memset(f, 0, sizeof *f);
    uint64_t state = stream_start(k->sc, master);
    uint64_t warm = plays < 2 * SOAK_WARMUP_PLAYS ? plays / 2 : SOAK_WARMUP_PLAYS;
    long long t0 = fsutil_clock_ns();
    bool ok = true;
    for (uint64_t i = 0; i < plays && ok; i++) {
        if (i == warm) {
            f->rss_kb[0] = fsutil_rss_kb();
            f->heap[0] = fsutil_heap_bytes();
        }
        ok = play_one(k, i, rng_splitmix64(&state));
        k->plays++;
    }
    f->rss_kb[1] = fsutil_rss_kb();
    f->heap[1] = fsutil_heap_bytes();
    f->seconds = (double)(fsutil_clock_ns() - t0) / 1e9;
    f->plays = k->plays;
    f->decisions = k->decisions;
    for (uint16_t e = 0; e < k->sc->n_endings; e++) f->endings_seen += k->endings_hit[e] > 0;
    if (!ok || plays < 2) return ok;
    if (f->heap[0] >= 0 && f->heap[1] - f->heap[0] > SOAK_HEAP_TOLERANCE) {
        snprintf(k->msg, sizeof k->msg,
                 "scenario %s (%s): memory held from malloc grew from %lld to %lld bytes between play %" PRIu64
                 " and play %" PRIu64 " (tolerance %d bytes)%s",
                 k->sc->id, k->path, f->heap[0], f->heap[1], warm, plays, SOAK_HEAP_TOLERANCE,
#ifdef SOAK_ASAN
                 ""
#else
                 "; glibc counts its thread cache as held: run with GLIBC_TUNABLES=glibc.malloc.tcache_count=0 as CTest does"
#endif
        );
        return false;
    }
#ifndef SOAK_ASAN
    /* Under AddressSanitizer freed memory sits in its quarantine (up to
     * 256 MB), so the resident size grows by design: only the heap count
     * above is checked there. */
    if (f->rss_kb[1] - f->rss_kb[0] > SOAK_RSS_TOLERANCE_KB) {
        snprintf(k->msg, sizeof k->msg,
                 "scenario %s (%s): resident memory grew from %lld to %lld KiB between play %" PRIu64 " and play %" PRIu64
                 " (tolerance %d KiB)",
                 k->sc->id, k->path, f->rss_kb[0], f->rss_kb[1], warm, plays, SOAK_RSS_TOLERANCE_KB);
        return false;
    }
#endif
    return true;
}

/* ---- modes ------------------------------------------------------------------------------ */

static int self_check(void) {
    static const char *const fixture = "tests/fixtures/valid/kitchen-sink/scenario.json";
    static const struct {
        Tamper tamper;
        const char *name, *expect;
    } cases[] = {
        {TAMPER_NONE, "untouched fixture", NULL},
        {TAMPER_METER_RANGE, "meter range excludes its initial value", "outside its range"},
        {TAMPER_LOOP, "start scene routes back to itself", "a play must always end"},
        {TAMPER_DEAD_END, "start scene's choices all need a false condition", "dead end"},
        {TAMPER_FLAG, "flag effect read back differently", "flag '"},
        {TAMPER_COUNTER, "counter effect read back differently", "counter '"},
        {TAMPER_REPLAY, "chance weights changed before the replay", "resume"},
        {TAMPER_RESULTS, "meter range changed before the results check", "results: meters."},
        {TAMPER_LEAK, "4 KiB kept per play", "memory held from malloc grew"},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Soak k;
        if (!soak_open(&k, fixture)) return 1;
        k.tamper = cases[i].tamper;
        tamper_scenario(&k);
        Figures f;
        bool ok = soak_run(&k, 2000, SOAK_MASTER_SEED, &f);
        bool caught = !ok && cases[i].expect && strstr(k.msg, cases[i].expect);
        bool right = cases[i].expect ? caught : ok;
        printf("%s %-50s %s\n", right ? "ok  " : "FAIL", cases[i].name,
               cases[i].expect ? (caught ? "caught:" : "NOT caught") : (ok ? "passes" : "fails:"));
        if (!ok) printf("       %s\n", k.msg);
        bad += !right;
        soak_close(&k);
    }
    printf("soak self-check: %s\n", bad ? "the checker missed a broken invariant" : "every broken invariant was caught");
    return bad ? 1 : 0;
}

static bool parse_u64(const char *s, uint64_t *out) {
    char *end;
    if (!s || !*s || *s == '-') return false;
    unsigned long long v = strtoull(s, &end, 0);
    if (*end) return false;
    *out = v;
    return true;
}

static int usage(void) {
    fprintf(stderr, "usage: soak [--plays N] [--seed S] [--save-every N] [--results-every N] [--every-play] [SCENARIO…]\n"
                    "       soak --play-seed X SCENARIO\n"
                    "       soak --self-check\n");
    return 2;
}

int main(int argc, char **argv) {
    uint64_t plays = SOAK_DEFAULT_PLAYS, master = SOAK_MASTER_SEED, one = 0;
    uint64_t save_every = SOAK_SAVE_EVERY, results_every = SOAK_RESULTS_EVERY;
    bool have_one = false;
    const char **paths = calloc((size_t)argc, sizeof *paths);
    size_t n_paths = 0;
    if (!paths) return 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--self-check")) {
            free(paths);
            return self_check();
        } else if (!strcmp(argv[i], "--plays") && i + 1 < argc) {
            if (!parse_u64(argv[++i], &plays) || plays == 0) return usage();
        } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            if (!parse_u64(argv[++i], &master)) return usage();
        } else if (!strcmp(argv[i], "--save-every") && i + 1 < argc) {
            if (!parse_u64(argv[++i], &save_every) || save_every == 0 || save_every > UINT32_MAX) return usage();
        } else if (!strcmp(argv[i], "--results-every") && i + 1 < argc) {
            if (!parse_u64(argv[++i], &results_every) || results_every == 0 || results_every > UINT32_MAX) return usage();
        } else if (!strcmp(argv[i], "--every-play")) {
            save_every = results_every = 1;
        } else if (!strcmp(argv[i], "--play-seed") && i + 1 < argc) {
            if (!parse_u64(argv[++i], &one)) return usage();
            have_one = true;
        } else if (argv[i][0] == '-') {
            return usage();
        } else {
            paths[n_paths++] = argv[i];
        }
    }
    char **names = NULL;
    size_t n_names = 0;
    if (n_paths == 0) {
        int err;
        if (!fsutil_list_dir("scenarios", &names, &n_names, &err)) {
            fprintf(stderr, "soak: cannot list scenarios/ (run from the repository root): %s\n", strerror(err));
            return 1;
        }
        for (size_t i = 0; i < n_names; i++) {
            char *dir = fsutil_join("scenarios", names[i]), *file = dir ? fsutil_join(dir, "scenario.json") : NULL;
            if (file && fsutil_kind(file) == FS_KIND_FILE) {
                free(names[i]);
                names[i] = dir;
                paths = realloc(paths, sizeof *paths * (n_paths + 1));
                if (!paths) return 1;
                paths[n_paths++] = dir;
            } else {
                free(dir);
            }
            free(file);
        }
    }
    if (n_paths == 0 || (have_one && n_paths != 1)) return usage();

    int status = 0;
    Figures total;
    memset(&total, 0, sizeof total);
    printf("soak: %" PRIu64 " random plays of each of %zu scenarios, master seed %" PRIu64
           "; saves every %" PRIu64 " plays, results every %" PRIu64 "%s\n",
           have_one ? 1 : plays, n_paths, master, have_one ? 1 : save_every, have_one ? 1 : results_every,
#ifdef SOAK_ASAN
           " (AddressSanitizer: resident memory reported, not checked)"
#else
           ""
#endif
    );
    if (!have_one)
        printf("%-26s %9s %10s %8s %8s %17s %21s\n", "scenario", "plays", "decisions", "endings", "time", "RSS KiB",
               "heap bytes");
    for (size_t i = 0; i < n_paths; i++) {
        Soak k;
        if (!soak_open(&k, paths[i])) {
            status = 1;
            continue;
        }
        if (have_one) {
            k.trace = true;
            printf("%s, play seed 0x%016" PRIx64 ":\n", k.sc->id, one);
            bool ok = play_one(&k, 0, one);
            printf("%s\n", ok ? "every check holds" : k.msg);
            status = ok ? 0 : 1;
            soak_close(&k);
            continue;
        }
        k.save_every = (uint32_t)save_every;
        k.results_every = (uint32_t)results_every;
        Figures f;
        bool ok = soak_run(&k, plays, master, &f);
        printf("%-26s %9" PRIu64 " %10" PRIu64 " %5u/%-2u %7.1fs %8lld->%-8lld %10lld->%-10lld\n", k.sc->id, f.plays, f.decisions,
               f.endings_seen, k.sc->n_endings, f.seconds, f.rss_kb[0], f.rss_kb[1], f.heap[0], f.heap[1]);
        fflush(stdout);
        if (!ok) {
            fprintf(stderr, "soak: FAILED: %s\n", k.msg);
            status = 1;
        }
        total.plays += f.plays;
        total.decisions += f.decisions;
        total.seconds += f.seconds;
        soak_close(&k);
    }
    if (!have_one)
        printf("total: %" PRIu64 " plays, %" PRIu64 " decisions, %.1f s (%.1f us a play)%s\n", total.plays, total.decisions,
               total.seconds, total.plays ? total.seconds * 1e6 / (double)total.plays : 0.0,
               status ? "" : ": every invariant held");
    fsutil_free_names(names, n_names);
    free(paths);
    return status;
}
