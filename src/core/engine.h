/* engine.h — a play session: walks a loaded scenario, applies the
 * consequences of each decision, and scores the player against the
 * competency framework.
 *
 * A Session is a value: several can live side by side, there is no global
 * state, and the same scenario + seed + choices give the same session bit
 * for bit on every platform (integer arithmetic only, a seeded generator
 * stored in the session). The session borrows the Scenario and Framework:
 * they must outlive it.
 *
 * The flow of one decision, in session_choose():
 *   1. the choice's effects (meters clamped to their range, flags, counters,
 *      competency evidence, events scheduled);
 *   2. a chance outcome drawn from the session's generator when the choice
 *      has outcomes, and its effects;
 *   3. the next target from the outcome's routes, else the choice's routes
 *      (first whose condition holds);
 *   4. scheduled events whose condition now holds fire, in the order they
 *      were scheduled, each once, and apply their effects;
 *   5. the session moves to the next scene or ending.
 * The StepResult tells the front end what to show: the feedback, each
 * meter's change, then each fired event as its own screen.
 *
 * Event rules (docs/engine.md): an event is scheduled at most once a play:
 * scheduling one already pending keeps its first scheduling (its "after"
 * count is not restarted), scheduling one that already fired does nothing.
 * After every decision (the last one, going to an ending, included) the
 * pending events are checked once, in scheduling order; an event fires when
 * its `when` holds, with {"after": N} counting the decisions since it was
 * scheduled, the scheduling one included, and {"scene": id} true when the
 * next place is that scene (never when it is an ending). An event made true
 * by a later one in the same pass waits for the next decision; one
 * scheduled by a firing event is checked in the same pass.
 *
 * Scoring (docs/engine.md): for each competency, on each decision, `best`
 * grows by the highest evidence among the choices available at that
 * decision when it is positive, `earned` by the evidence of the choice
 * made; score = 100 * max(earned, 0) / best, -1 ("not assessed") when best
 * is 0. */
#ifndef ENJEUX_ENGINE_H
#define ENJEUX_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/framework.h"
#include "core/scenario.h"

typedef struct Session Session;

/* A meter's value before and after something happened. */
typedef struct MeterChange {
    uint16_t meter;
    int32_t before, after;
} MeterChange;

/* An event that fired during a step, with the meter changes it caused. */
typedef struct FiredEvent {
    uint16_t event;
    MeterChange changes[LIMIT_METERS];
    uint16_t n_changes;       /* only meters whose value changed */
} FiredEvent;

/* The result of one decision; also one entry of the history. */
typedef struct StepResult {
    uint32_t scene;           /* the scene the decision was made in */
    uint16_t choice;          /* index of the choice in that scene */
    int16_t outcome;          /* chance outcome drawn, -1 when none */
    uint32_t draw;            /* the generator's draw in [0, 1e6), when outcome >= 0 */
    MeterChange changes[LIMIT_METERS]; /* choice + outcome; only meters that changed */
    uint16_t n_changes;
    int32_t meters_before[LIMIT_METERS]; /* every meter, before the decision */
    int32_t meters_after[LIMIT_METERS];  /* every meter, after the step (events included) */
    FiredEvent *fired;        /* owned by the session; valid until the next choose/undo */
    uint16_t n_fired;
    Target next;              /* where the session went */
    uint16_t available;       /* bit i set: choice i was available at this decision */
} StepResult;

/* How a choice appears in the current scene. */
typedef struct ChoiceView {
    uint16_t index;           /* index in Scene.choices */
    bool available;           /* false: shown disabled with `reason` */
    const LocStr *reason;     /* NULL when available */
} ChoiceView;

typedef enum Mastery {
    MASTERY_NOT_ASSESSED,     /* never met on this play: not zero */
    MASTERY_TO_WORK_ON,
    MASTERY_IN_PROGRESS,
    MASTERY_ACQUIRED
} Mastery;

/* One competency's result for a play. score = 100 * earned / best over the
 * decisions the player actually met (rounded down, clamped to 0..100); -1
 * when not assessed (best == 0). */
typedef struct CompetencyScore {
    uint16_t competency;      /* index into Scenario.competencies */
    int32_t framework_index;  /* index into Framework.items, -1 when unknown */
    int32_t earned, best;
    int32_t score;
    Mastery mastery;
} CompetencyScore;

/* A key decision for the debrief: a decision where another available choice
 * scored better on the competencies. */
typedef struct KeyDecision {
    uint32_t step;            /* index in the history */
    uint32_t scene;
    uint16_t chosen;          /* choice index */
    uint16_t best;            /* the choice with the most evidence */
    int32_t chosen_total, best_total; /* summed evidence */
} KeyDecision;

/* --- life cycle ----------------------------------------------------------- */

/* Creates a session at the scenario's start scene. `fw` may be NULL (scores
 * then carry framework_index -1 and default thresholds 80/50). Returns NULL
 * only when out of memory. */
Session *session_create(const Scenario *sc, const Framework *fw, uint64_t seed, Lang lang);

/* Frees the session. Accepts NULL. */
void session_destroy(Session *s);

/* Restarts the session at the start scene with `seed`, as if just created,
 * keeping its allocations (history capacity): no allocation, so a batch of
 * playthroughs runs in flat memory. */
void session_reset(Session *s, uint64_t seed);

const Scenario *session_scenario(const Session *s);
uint64_t session_seed(const Session *s);
Lang session_lang(const Session *s);
void session_set_lang(Session *s, Lang lang); /* the language can change mid-play */

/* --- where the player is ---------------------------------------------------- */

/* True when an ending is reached; then session_ending() tells which. */
bool session_is_over(const Session *s);
const Scene *session_scene(const Session *s);   /* NULL when over */
uint32_t session_scene_index(const Session *s);
const Ending *session_ending(const Session *s); /* NULL while playing */
int32_t session_ending_index(const Session *s); /* -1 while playing */

/* Fills `out` (room for LIMIT_CHOICES) with the visible choices of the
 * current scene, in order; hidden unavailable choices are left out. Returns
 * how many. 0 when the session is over. */
uint16_t session_choices(const Session *s, ChoiceView *out);

/* The choices of the current scene that session_choices() reports
 * available, as bits (bit i: choice i); 0 when the session is over. */
uint16_t session_available(const Session *s);

int32_t session_meter(const Session *s, uint16_t meter);
bool session_flag(const Session *s, uint16_t flag);
int32_t session_counter(const Session *s, uint16_t counter);
/* Evaluates condition `cond` (-1: true) against the session's state.
 * Outside events, {"after": N} never holds and {"scene": id} holds when `id`
 * is the current scene. */
bool session_eval(const Session *s, int32_t cond);
/* Events scheduled and not yet fired, in scheduling order; returns how many
 * (at most `max` written). */
uint16_t session_pending_events(const Session *s, uint16_t *out, uint16_t max);

/* --- acting ----------------------------------------------------------------- */

/* Applies choice `index` (an index in Scene.choices, as in ChoiceView).
 * Returns the step's result (owned by the session, valid until the next
 * choose or undo), or NULL when the session is over, the index is out of
 * range or the choice is unavailable; the session is then unchanged. */
const StepResult *session_choose(Session *s, uint16_t index);

/* Same, by the choice's id. */
const StepResult *session_choose_id(Session *s, const char *choice_id);

/* Undoes the last decision (trainer's test mode): the session returns to
 * exactly the state before it, generator included. Returns false when there
 * is nothing to undo. Implemented by replaying the history minus its last
 * step from the seed (O(steps), no snapshot on the hot path). */
bool session_undo(Session *s);

/* Random play (`enjeux play --random`, benchmarks, analysis): picks one of
 * the available visible choices uniformly with `picker` (a generator
 * separate from the session's, which only draws chance outcomes) and
 * applies it. Returns the step, or NULL when the session is over or no
 * choice is available (a dead end). */
struct Rng;
const StepResult *session_choose_random(Session *s, struct Rng *picker);

/* --- compact state (exact analysis) ----------------------------------------------- */

/* Where each part lives in a compact state: an array of `words` int32 that
 * holds exactly what decides what can happen next in a play (not the
 * generator, the history or the evidence). Word 0 is the scene index, or
 * -1 - ending index when the play is over; then the meters, the counters,
 * the flags (32 per word), the event states (16 per word, 2 bits each:
 * idle, pending, fired), then one slot of two words per event for the
 * pending list in scheduling order: event index + 1 (0: empty slot) and the
 * number of decisions made since it was scheduled, the scheduling one
 * included. Two sessions with equal compact states play on identically. */
typedef struct StateLayout {
    uint32_t words;
    uint32_t meters, counters, flags, events, pending; /* first word of each part */
} StateLayout;

void session_state_layout(const Scenario *sc, StateLayout *out);

/* Writes the session's compact state to `out` (layout.words words). */
void session_state_save(const Session *s, int32_t *out);

/* Puts the session in the compact state `in` (as written by
 * session_state_save, possibly with decision counts lowered to a value
 * that decides the same conditions). The history is emptied and the
 * evidence earned and best are zeroed: after one decision, session_scores()
 * gives that decision's evidence alone. */
void session_state_load(Session *s, const int32_t *in);

/* As session_choose(), but the chance outcome is `outcome` (an index in
 * Choice.outcomes) instead of a draw: the exact analysis explores every
 * outcome this way, with the engine's own rules. `outcome` is ignored (use
 * -1) for a choice without outcomes; NULL when it is out of range, or as
 * session_choose(). The step's `draw` is the smallest draw that gives it. */
const StepResult *session_choose_outcome(Session *s, uint16_t index, int16_t outcome);

/* The exact analysis's step: as session_choose_outcome(), with `mask` the
 * available choices as session_choices() reports them in this state (the
 * caller's duty: they are not evaluated again), and a lean record: the
 * step's scene, choice, outcome, next and fired events are set, but no
 * evidence is scored (session_scores() is unchanged) and meters_before,
 * meters_after and the meter changes (of the step and of each fired event)
 * are left empty. The state reached is the one session_choose_outcome()
 * reaches: the same code applies the effects, routes and events. */
const StepResult *session_advance(Session *s, uint16_t index, int16_t outcome, uint16_t mask);

/* --- state keys (exact analysis) ---------------------------------------------------- */

/* One part of a state key: the part's value minus `lo`, in `bits` bits (at
 * most 32) at bit `shift` of key word `word`; `on` false: the part is left
 * out of the key (and reads 0 when the key is put back). */
typedef struct KeyPart {
    uint32_t lo;
    uint8_t word, shift, bits;
    bool on;
} KeyPart;

/* How a state key packs the compact state (see StateLayout) into `words`
 * 64-bit words, filled by the caller: the place (scene index, or -1 -
 * ending index), each meter, each counter, each group of 8 flags (ANDed
 * with its mask), each group of 4 event states (2 bits each), and for each
 * pending slot in scheduling order the event index + 1 and the decisions
 * since it was scheduled, lowered to at most `age_cap` of that event. Two
 * states with the same key are the same state up to what the spec leaves
 * out. */
typedef struct StateKeySpec {
    uint32_t words;
    KeyPart place;
    KeyPart meters[LIMIT_METERS];
    KeyPart counters[LIMIT_COUNTERS];
    KeyPart flags[LIMIT_FLAGS / 8];
    uint8_t flag_mask[LIMIT_FLAGS / 8];
    KeyPart events[LIMIT_EVENTS / 4];
    KeyPart slot_event[LIMIT_EVENTS], slot_age[LIMIT_EVENTS];
    int32_t age_cap[LIMIT_EVENTS];
} StateKeySpec;

/* Writes the session's state key under `spec` to `key` (spec->words
 * words). Returns false when a value does not fit its bits (the key is
 * then not that state's: use wider parts). */
bool session_state_key(const Session *s, const StateKeySpec *spec, uint64_t *restrict key);

/* Puts the session in the state of `key` (as written by session_state_key
 * under the same spec), the parts left out at 0: as session_state_load()
 * of the compact state so lowered, except that the evidence earned and
 * best is left as it was. */
void session_state_unkey(Session *s, const StateKeySpec *spec, const uint64_t *key);

/* Puts `dst` (a session of the same scenario) in the state `src` is in:
 * the place, meters, counters, flags, event states and pending events,
 * with the decision counts of src's history; dst's history is emptied and
 * its evidence left as it was. Cheaper than a key or a compact state: the
 * exact analysis steps every transition of a state from one copy. */
void session_state_copy(Session *dst, const Session *src);

/* --- history ------------------------------------------------------------------ */

uint32_t session_step_count(const Session *s);
/* Step i of the history, oldest first; NULL out of range. The pointer (and
 * its `fired` array) stays valid until the next choose, undo or reset. */
const StepResult *session_step(const Session *s, uint32_t i);

/* --- scoring ------------------------------------------------------------------ */

/* Fills `out` (room for sc->n_competencies) with one score per competency of
 * the scenario, in the scenario's order. Valid at any time (a running score
 * during play, the final one at the end). Returns the count. */
uint16_t session_scores(const Session *s, CompetencyScore *out);

/* The badges this play earns: bit L-1 set for course level L when the play
 * assessed at least one competency of level L and all of those assessed are
 * acquired. Needs a framework; 0 without one. */
uint8_t session_badges(const Session *s);

/* Fills `out` (room for `max`) with the key decisions of the play, in play
 * order. Returns how many were written. */
uint32_t session_key_decisions(const Session *s, KeyDecision *out, uint32_t max);

/* Mastery level for a 0..100 score under the framework's thresholds. */
Mastery mastery_for_score(const Framework *fw, int32_t score);

#endif
