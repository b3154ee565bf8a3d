/* play.c — `enjeux play --headless`: plays a scenario through the engine
 * without a window and prints every step and the result, as text (French
 * typography) or JSON; `--random N` plays N seeded random playthroughs and
 * prints the endings and score distributions. Output is byte-identical for
 * the same inputs (the speed line of --random aside). */
#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/engine.h"
#include "core/fsutil.h"
#include "core/framework.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/scenario.h"

#define NB "\u202f"
#define LQ "«\u00a0"
#define RQ "\u00a0»"
#define MINUS "\u2212"

enum { MAX_CHOICE_ARGS = 100000, RANDOM_MAX_STEPS = 100000 };
enum { DEFAULT_RANDOM_SEED = 1 };

typedef struct Options {
    const char *scenario;
    const char *choices;
    const char *save;
    const char *resume;
    uint64_t seed;
    bool seed_given;
    Lang lang;
    bool json;
    bool from_last_valid;
    bool lang_given;
    uint64_t random;
    bool random_given;
} Options;

typedef struct Ctx {
    const Options *opt;
    Lang lang;
    const Scenario *sc;
    const Framework *fw;
    char *fw_path;
    bool fw_missing;
} Ctx;

/* ---- small helpers ------------------------------------------------------------ */

static const char *tr(Lang lang, const char *fr, const char *en) { return lang == LANG_EN ? en : fr; }

static const char *loc(const Ctx *c, const LocStr *l) { return loc_get(l, c->lang, NULL); }

static const char *tone_slug(EndingTone t) {
    return t == TONE_POSITIVE ? "positive" : t == TONE_MIXED ? "mixed" : "negative";
}

static const char *tone_text(Lang lang, EndingTone t) {
    if (t == TONE_POSITIVE) return tr(lang, "positive", "positive");
    if (t == TONE_MIXED) return tr(lang, "mitigée", "mixed");
    return tr(lang, "négative", "negative");
}

static const char *mastery_slug(Mastery m) {
    switch (m) {
    case MASTERY_NOT_ASSESSED: return "not-assessed";
    case MASTERY_TO_WORK_ON: return "to-work-on";
    case MASTERY_IN_PROGRESS: return "in-progress";
    case MASTERY_ACQUIRED: return "acquired";
    }
    return "not-assessed";
}

static const char *mastery_text(Lang lang, Mastery m) {
    switch (m) {
    case MASTERY_NOT_ASSESSED: return tr(lang, "non évaluée", "not assessed");
    case MASTERY_TO_WORK_ON: return tr(lang, "à travailler", "to work on");
    case MASTERY_IN_PROGRESS: return tr(lang, "en cours d'acquisition", "in progress");
    case MASTERY_ACQUIRED: return tr(lang, "acquise", "acquired");
    }
    return "";
}

static const char *level_name(const Ctx *c, int level) {
    static const char *const FR[3] = {"Professionnel sensibilisé – usage responsable",
                                      "Professionnel éclairé – interagir et évaluer",
                                      "Professionnel responsable – maîtriser l'usage"};
    static const char *const EN[3] = {"Aware professional – responsible use",
                                      "Informed professional – interact and evaluate",
                                      "Responsible professional – master the use"};
    if (level < 1 || level > 3) return "";
    if (c->fw && !loc_is_empty(&c->fw->level_names[level - 1])) return loc(c, &c->fw->level_names[level - 1]);
    return c->lang == LANG_EN ? EN[level - 1] : FR[level - 1];
}

static const Competency *fw_item(const Ctx *c, const CompetencyScore *cs) {
    return c->fw && cs->framework_index >= 0 ? &c->fw->items[cs->framework_index] : NULL;
}

/* "+5", "−20" (U+2212 minus sign) */
static void signed_text(char *buf, size_t n, int32_t v) {
    if (v < 0)
        snprintf(buf, n, MINUS "%" PRId32, -(int64_t)v > INT32_MAX ? INT32_MAX : -v);
    else
        snprintf(buf, n, "+%" PRId32, v);
}

/* The visible choices at a past decision, from its availability mask. */
static uint16_t visible_at(const Scene *scene, uint16_t mask, uint16_t *out) {
    uint16_t n = 0;
    for (uint16_t i = 0; i < scene->n_choices; i++)
        if ((mask & (1u << i)) || !scene->choices[i].hide_unavailable) out[n++] = i;
    return n;
}

static uint16_t visible_number(const Scene *scene, uint16_t mask, uint16_t index) {
    uint16_t vis[LIMIT_CHOICES], n = visible_at(scene, mask, vis);
    for (uint16_t k = 0; k < n; k++)
        if (vis[k] == index) return (uint16_t)(k + 1);
    return 0;
}

static uint16_t current_mask(const Session *s) {
    const Scene *scene = session_scene(s);
    uint16_t mask = 0;
    for (uint16_t i = 0; scene && i < scene->n_choices; i++)
        if (session_eval(s, scene->choices[i].cond)) mask |= (uint16_t)(1u << i);
    return mask;
}

/* ---- text output -------------------------------------------------------------- */

static void text_line(const char *label, const char *value, Lang lang) {
    if (value && *value) printf("%s%s: %s\n", label, lang == LANG_EN ? "" : NB, value);
}

static void text_feedback(const Ctx *c, const Feedback *f) {
    if (!loc_is_empty(&f->text)) printf("%s\n", loc(c, &f->text));
    if (!loc_is_empty(&f->principle)) text_line(tr(c->lang, "Principe", "Principle"), loc(c, &f->principle), c->lang);
    if (!loc_is_empty(&f->reference)) text_line(tr(c->lang, "Référence", "Reference"), loc(c, &f->reference), c->lang);
}

static void text_changes(const Ctx *c, const MeterChange *ch, uint16_t n) {
    if (!n) return;
    printf("%s%s:", tr(c->lang, "Jauges", "Meters"), c->lang == LANG_EN ? "" : NB);
    for (uint16_t i = 0; i < n; i++) {
        char d[24];
        signed_text(d, sizeof d, ch[i].after - ch[i].before);
        printf("%s %s %" PRId32 " → %" PRId32 " (%s)", i ? (c->lang == LANG_EN ? ";" : NB ";") : "",
               loc(c, &c->sc->meters[ch[i].meter].label), ch[i].before, ch[i].after, d);
    }
    printf("\n");
}

static void text_scene_header(const Ctx *c, const Scene *scene, uint32_t step_no) {
    printf("\n── %s %" PRIu32, tr(c->lang, "Étape", "Step"), step_no);
    if (!loc_is_empty(&scene->title)) printf(" · %s", loc(c, &scene->title));
    printf(" [%s] ──\n", scene->id);
    if (scene->speaker >= 0)
        printf("%s%s:\n", loc(c, &c->sc->characters[scene->speaker].name), c->lang == LANG_EN ? "" : NB);
    printf("%s\n\n", loc(c, &scene->text));
}

static void text_choice_list(const Ctx *c, const Scene *scene, uint16_t mask) {
    uint16_t vis[LIMIT_CHOICES], n = visible_at(scene, mask, vis);
    for (uint16_t k = 0; k < n; k++) {
        const Choice *ch = &scene->choices[vis[k]];
        printf("  %u. %s", (unsigned)(k + 1), loc(c, &ch->text));
        if (!(mask & (1u << vis[k])))
            printf(" [%s%s: %s]", tr(c->lang, "indisponible", "unavailable"), c->lang == LANG_EN ? "" : NB,
                   loc(c, &ch->reason));
        printf("\n");
    }
}

static void text_step(const Ctx *c, const Session *s, uint32_t i) {
    const StepResult *st = session_step(s, i);
    const Scene *scene = &c->sc->scenes[st->scene];
    const Choice *ch = &scene->choices[st->choice];
    text_scene_header(c, scene, i + 1);
    text_choice_list(c, scene, st->available);
    printf("→ %s %u%s: %s\n\n", tr(c->lang, "Choix", "Choice"),
           (unsigned)visible_number(scene, st->available, st->choice), c->lang == LANG_EN ? "" : NB,
           loc(c, &ch->text));
    text_feedback(c, &ch->feedback);
    if (st->outcome >= 0) {
        const Outcome *o = &ch->outcomes[st->outcome];
        printf("%s%s: %s (%s %" PRIu32 "/%d)\n", tr(c->lang, "Hasard", "Chance"), c->lang == LANG_EN ? "" : NB, o->id,
               tr(c->lang, "tirage", "draw"), st->draw, PROBABILITY_ONE);
        text_feedback(c, &o->feedback);
    }
    text_changes(c, st->changes, st->n_changes);
    for (uint16_t k = 0; k < st->n_fired; k++) {
        const FiredEvent *fe = &st->fired[k];
        const Event *ev = &c->sc->events[fe->event];
        printf("\n  ▸ %s%s: ", tr(c->lang, "Événement", "Event"), c->lang == LANG_EN ? "" : NB);
        if (!loc_is_empty(&ev->title)) printf("%s ", loc(c, &ev->title));
        printf("[%s]\n", ev->id);
        if (ev->speaker >= 0)
            printf("%s%s:\n", loc(c, &c->sc->characters[ev->speaker].name), c->lang == LANG_EN ? "" : NB);
        if (!loc_is_empty(&ev->text)) printf("%s\n", loc(c, &ev->text));
        text_feedback(c, &ev->feedback);
        text_changes(c, fe->changes, fe->n_changes);
    }
}

static void text_header(const Ctx *c, const Session *s) {
    const Scenario *sc = c->sc;
    printf("%s%s: %s (%s %s)\n", tr(c->lang, "Scénario", "Scenario"), c->lang == LANG_EN ? "" : NB, loc(c, &sc->title),
           sc->id, sc->version);
    if (c->fw)
        printf("%s%s: %s (%s %s)\n", tr(c->lang, "Référentiel", "Framework"), c->lang == LANG_EN ? "" : NB,
               loc(c, &c->fw->title), c->fw->id, c->fw->version);
    else
        printf("%s\n", tr(c->lang, "Aucun référentiel de compétences trouvé" NB ": scores sans référentiel (seuils 80/50).",
                          "No competency framework found: scores without a framework (thresholds 80/50)."));
    printf("%s%s: %" PRIu64 "\n", tr(c->lang, "Graine", "Seed"), c->lang == LANG_EN ? "" : NB, session_seed(s));
}

static void text_result(const Ctx *c, const Session *s) {
    const Scenario *sc = c->sc;
    const char *colon = c->lang == LANG_EN ? ":" : NB ":";
    const Ending *e = session_ending(s);
    if (e) {
        printf("\n══ %s%s %s [%s] · %s %s ══\n", tr(c->lang, "Fin", "Ending"), colon, loc(c, &e->title), e->id,
               tr(c->lang, "issue", "outcome"), tone_text(c->lang, e->tone));
        printf("%s\n", loc(c, &e->text));
    } else {
        const Scene *scene = session_scene(s);
        text_scene_header(c, scene, session_step_count(s) + 1);
        text_choice_list(c, scene, current_mask(s));
        printf("\n══ %s ══\n", tr(c->lang, "Partie en cours (plus de choix donnés)", "Game in progress (no more choices given)"));
    }
    printf("\n%s%s\n", tr(c->lang, "Jauges", "Meters"), colon);
    for (uint16_t m = 0; m < sc->n_meters; m++)
        printf("  %s%s %" PRId32 " (%" PRId32 "–%" PRId32 ")\n", loc(c, &sc->meters[m].label), colon, session_meter(s, m),
               sc->meters[m].min, sc->meters[m].max);

    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    printf("\n%s%s\n", tr(c->lang, "Compétences", "Competencies"), colon);
    for (uint16_t i = 0; i < n; i++) {
        const CompetencyScore *cs = &scores[i];
        const Competency *it = fw_item(c, cs);
        printf("  %s", it ? loc(c, &it->name) : sc->competencies[cs->competency]);
        if (it) printf(" [%s, N%u]", it->id, (unsigned)it->level);
        if (cs->score < 0)
            printf("%s %s\n", colon, mastery_text(c->lang, cs->mastery));
        else
            printf("%s %" PRId32 "/100 (%" PRId32 "/%" PRId32 ") · %s\n", colon, cs->score,
                   cs->earned < 0 ? 0 : cs->earned, cs->best, mastery_text(c->lang, cs->mastery));
    }
    if (c->fw) {
        uint8_t badges = session_badges(s);
        printf("\n%s%s", tr(c->lang, "Badges", "Badges"), colon);
        if (!badges) printf(" %s", tr(c->lang, "aucun", "none"));
        printf("\n");
        for (int l = 1; l <= 3; l++)
            if (badges & (1u << (l - 1)))
                printf(c->lang == LANG_EN ? "  N%d \"%s\"\n" : "  N%d " LQ "%s" RQ "\n", l, level_name(c, l));
    }
    uint32_t total = session_step_count(s);
    KeyDecision *kd = total ? malloc(sizeof *kd * total) : NULL;
    uint32_t nkd = kd ? session_key_decisions(s, kd, total) : 0;
    printf("\n%s%s", tr(c->lang, "Décisions clés", "Key decisions"), colon);
    if (!nkd) printf(" %s", tr(c->lang, "aucune", "none"));
    printf("\n");
    for (uint32_t k = 0; k < nkd; k++) {
        const Scene *scene = &sc->scenes[kd[k].scene];
        char chosen[24], best[24];
        signed_text(chosen, sizeof chosen, kd[k].chosen_total);
        signed_text(best, sizeof best, kd[k].best_total);
        if (c->lang == LANG_EN)
            printf("  Step %" PRIu32 " [%s]: you chose \"%s\" (evidence %s); \"%s\" was better (%s).\n", kd[k].step + 1,
                   scene->id, loc(c, &scene->choices[kd[k].chosen].text), chosen,
                   loc(c, &scene->choices[kd[k].best].text), best);
        else
            printf("  Étape %" PRIu32 " [%s]" NB ": vous avez choisi " LQ "%s" RQ " (preuves %s)" NB "; " LQ "%s" RQ
                   " était meilleur (%s).\n",
                   kd[k].step + 1, scene->id, loc(c, &scene->choices[kd[k].chosen].text), chosen,
                   loc(c, &scene->choices[kd[k].best].text), best);
        if (!loc_is_empty(&scene->debrief)) printf("    %s\n", loc(c, &scene->debrief));
    }
    free(kd);
}

/* ---- JSON output -------------------------------------------------------------- */

static cJSON *j_loc(const Ctx *c, const LocStr *l) {
    return loc_is_empty(l) ? cJSON_CreateNull() : cJSON_CreateString(loc(c, l));
}

static cJSON *j_feedback(const Ctx *c, const Feedback *f) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "text", j_loc(c, &f->text));
    cJSON_AddItemToObject(o, "principle", j_loc(c, &f->principle));
    cJSON_AddItemToObject(o, "reference", j_loc(c, &f->reference));
    return o;
}

static cJSON *j_changes(const Ctx *c, const MeterChange *ch, uint16_t n) {
    cJSON *a = cJSON_CreateArray();
    for (uint16_t i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "meter", c->sc->meters[ch[i].meter].id);
        cJSON_AddNumberToObject(o, "before", ch[i].before);
        cJSON_AddNumberToObject(o, "after", ch[i].after);
        cJSON_AddNumberToObject(o, "delta", (double)ch[i].after - ch[i].before);
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *j_choice_list(const Ctx *c, const Scene *scene, uint16_t mask) {
    cJSON *a = cJSON_CreateArray();
    uint16_t vis[LIMIT_CHOICES], n = visible_at(scene, mask, vis);
    for (uint16_t k = 0; k < n; k++) {
        const Choice *ch = &scene->choices[vis[k]];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "number", k + 1);
        cJSON_AddStringToObject(o, "id", ch->id);
        cJSON_AddStringToObject(o, "text", loc(c, &ch->text));
        bool ok = mask & (1u << vis[k]);
        cJSON_AddBoolToObject(o, "available", ok);
        if (!ok) cJSON_AddItemToObject(o, "reason", j_loc(c, &ch->reason));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *j_scene(const Ctx *c, const Scene *scene, uint16_t mask) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", scene->id);
    cJSON_AddItemToObject(o, "title", j_loc(c, &scene->title));
    cJSON_AddItemToObject(o, "speaker",
                          scene->speaker >= 0 ? cJSON_CreateString(c->sc->characters[scene->speaker].id) : cJSON_CreateNull());
    cJSON_AddStringToObject(o, "text", loc(c, &scene->text));
    cJSON_AddItemToObject(o, "choices", j_choice_list(c, scene, mask));
    return o;
}

static cJSON *j_target(const Ctx *c, Target t) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", t.kind == TARGET_ENDING ? "ending" : "scene");
    cJSON_AddStringToObject(o, "id", t.kind == TARGET_ENDING ? c->sc->endings[t.index].id : c->sc->scenes[t.index].id);
    return o;
}

static cJSON *j_step(const Ctx *c, const Session *s, uint32_t i) {
    const StepResult *st = session_step(s, i);
    const Scene *scene = &c->sc->scenes[st->scene];
    const Choice *ch = &scene->choices[st->choice];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "step", i + 1);
    cJSON_AddItemToObject(o, "scene", j_scene(c, scene, st->available));
    cJSON *chosen = cJSON_AddObjectToObject(o, "chosen");
    cJSON_AddNumberToObject(chosen, "number", visible_number(scene, st->available, st->choice));
    cJSON_AddStringToObject(chosen, "id", ch->id);
    cJSON_AddStringToObject(chosen, "text", loc(c, &ch->text));
    cJSON_AddItemToObject(o, "feedback", j_feedback(c, &ch->feedback));
    if (st->outcome >= 0) {
        const Outcome *oc = &ch->outcomes[st->outcome];
        cJSON *jo = cJSON_AddObjectToObject(o, "outcome");
        cJSON_AddStringToObject(jo, "id", oc->id);
        cJSON_AddNumberToObject(jo, "draw", st->draw);
        cJSON_AddItemToObject(jo, "feedback", j_feedback(c, &oc->feedback));
    } else {
        cJSON_AddNullToObject(o, "outcome");
    }
    cJSON_AddItemToObject(o, "meters", j_changes(c, st->changes, st->n_changes));
    cJSON *evs = cJSON_AddArrayToObject(o, "events");
    for (uint16_t k = 0; k < st->n_fired; k++) {
        const Event *ev = &c->sc->events[st->fired[k].event];
        cJSON *je = cJSON_CreateObject();
        cJSON_AddStringToObject(je, "id", ev->id);
        cJSON_AddItemToObject(je, "title", j_loc(c, &ev->title));
        cJSON_AddItemToObject(je, "text", j_loc(c, &ev->text));
        cJSON_AddItemToObject(je, "feedback", j_feedback(c, &ev->feedback));
        cJSON_AddItemToObject(je, "meters", j_changes(c, st->fired[k].changes, st->fired[k].n_changes));
        cJSON_AddItemToArray(evs, je);
    }
    cJSON_AddItemToObject(o, "next", j_target(c, st->next));
    return o;
}

static cJSON *j_result(const Ctx *c, const Session *s) {
    const Scenario *sc = c->sc;
    cJSON *o = cJSON_CreateObject();
    const Ending *e = session_ending(s);
    if (e) {
        cJSON *je = cJSON_AddObjectToObject(o, "ending");
        cJSON_AddStringToObject(je, "id", e->id);
        cJSON_AddStringToObject(je, "title", loc(c, &e->title));
        cJSON_AddStringToObject(je, "text", loc(c, &e->text));
        cJSON_AddStringToObject(je, "tone", tone_slug(e->tone));
        cJSON_AddNullToObject(o, "current_scene");
    } else {
        cJSON_AddNullToObject(o, "ending");
        cJSON_AddItemToObject(o, "current_scene", j_scene(c, session_scene(s), current_mask(s)));
    }
    cJSON *jm = cJSON_AddArrayToObject(o, "meters");
    for (uint16_t m = 0; m < sc->n_meters; m++) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", sc->meters[m].id);
        cJSON_AddStringToObject(x, "label", loc(c, &sc->meters[m].label));
        cJSON_AddNumberToObject(x, "value", session_meter(s, m));
        cJSON_AddNumberToObject(x, "min", sc->meters[m].min);
        cJSON_AddNumberToObject(x, "max", sc->meters[m].max);
        cJSON_AddStringToObject(x, "good", sc->meters[m].higher_is_better ? "high" : "low");
        cJSON_AddItemToArray(jm, x);
    }
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    cJSON *jc = cJSON_AddArrayToObject(o, "competencies");
    for (uint16_t i = 0; i < n; i++) {
        const CompetencyScore *cs = &scores[i];
        const Competency *it = fw_item(c, cs);
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", sc->competencies[cs->competency]);
        cJSON_AddItemToObject(x, "name", it ? cJSON_CreateString(loc(c, &it->name)) : cJSON_CreateNull());
        cJSON_AddItemToObject(x, "level", it ? cJSON_CreateNumber(it->level) : cJSON_CreateNull());
        cJSON_AddBoolToObject(x, "targeted", cs->competency < sc->n_targeted);
        cJSON_AddNumberToObject(x, "earned", cs->earned);
        cJSON_AddNumberToObject(x, "best", cs->best);
        cJSON_AddItemToObject(x, "score", cs->score < 0 ? cJSON_CreateNull() : cJSON_CreateNumber(cs->score));
        cJSON_AddStringToObject(x, "mastery", mastery_slug(cs->mastery));
        cJSON_AddItemToArray(jc, x);
    }
    cJSON *jb = cJSON_AddArrayToObject(o, "badges");
    uint8_t badges = session_badges(s);
    for (int l = 1; l <= 3; l++)
        if (badges & (1u << (l - 1))) {
            cJSON *x = cJSON_CreateObject();
            cJSON_AddNumberToObject(x, "level", l);
            cJSON_AddStringToObject(x, "name", level_name(c, l));
            cJSON_AddItemToArray(jb, x);
        }
    uint32_t total = session_step_count(s);
    KeyDecision *kd = total ? malloc(sizeof *kd * total) : NULL;
    uint32_t nkd = kd ? session_key_decisions(s, kd, total) : 0;
    cJSON *jk = cJSON_AddArrayToObject(o, "key_decisions");
    for (uint32_t k = 0; k < nkd; k++) {
        const Scene *scene = &sc->scenes[kd[k].scene];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddNumberToObject(x, "step", kd[k].step + 1);
        cJSON_AddStringToObject(x, "scene", scene->id);
        cJSON_AddStringToObject(x, "chosen", scene->choices[kd[k].chosen].id);
        cJSON_AddNumberToObject(x, "chosen_evidence", kd[k].chosen_total);
        cJSON_AddStringToObject(x, "best", scene->choices[kd[k].best].id);
        cJSON_AddNumberToObject(x, "best_evidence", kd[k].best_total);
        cJSON_AddItemToObject(x, "why", j_loc(c, &scene->debrief));
        cJSON_AddItemToArray(jk, x);
    }
    free(kd);
    return o;
}

static cJSON *j_header(const Ctx *c, const Session *s) {
    cJSON *o = cJSON_CreateObject();
    char hash[17], seed[24];
    cJSON *js = cJSON_AddObjectToObject(o, "scenario");
    cJSON_AddStringToObject(js, "id", c->sc->id);
    cJSON_AddStringToObject(js, "version", c->sc->version);
    scenario_hash_hex(c->sc, hash);
    cJSON_AddStringToObject(js, "content_hash", hash);
    cJSON_AddStringToObject(js, "title", loc(c, &c->sc->title));
    if (c->fw) {
        cJSON *jf = cJSON_AddObjectToObject(o, "framework");
        cJSON_AddStringToObject(jf, "id", c->fw->id);
        cJSON_AddStringToObject(jf, "version", c->fw->version);
        cJSON_AddNumberToObject(jf, "acquired", c->fw->acquired);
        cJSON_AddNumberToObject(jf, "in_progress", c->fw->in_progress);
    } else {
        cJSON_AddNullToObject(o, "framework");
    }
    snprintf(seed, sizeof seed, "%" PRIu64, session_seed(s));
    cJSON_AddStringToObject(o, "seed", seed);
    cJSON_AddStringToObject(o, "lang", lang_code(c->lang));
    return o;
}

static void print_json(cJSON *root) {
    char *text = cJSON_Print(root);
    if (text) {
        fputs(text, stdout);
        fputc('\n', stdout);
    }
    free(text);
    cJSON_Delete(root);
}

/* ---- loading -------------------------------------------------------------------- */

static void print_diags(const DiagList *dl) {
    char *text = diag_list_format_text(dl);
    if (text) fputs(text, stderr);
    free(text);
}

static bool file_exists(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f) fclose(f);
    return f != NULL;
}

/* Loads the scenario and its framework into `c`; prints diagnostics. */
static bool load_all(Ctx *c, const char *arg) {
    char *file = cli_scenario_json(arg);
    if (!file) return false;
    DiagList dl;
    diag_list_init(&dl, c->lang);
    Scenario *sc = scenario_load(file, NULL, &dl);
    if (!sc) {
        print_diags(&dl);
        diag_list_free(&dl);
        free(file);
        return false;
    }
    diag_list_free(&dl);
    const char *rel = sc->framework_path ? sc->framework_path : "../competencies.json";
    size_t n = strlen(sc->dir) + strlen(rel) + 2;
    c->fw_path = malloc(n);
    if (!c->fw_path) {
        scenario_free(sc);
        free(file);
        return false;
    }
    snprintf(c->fw_path, n, "%s/%s", sc->dir, rel);
    if (!file_exists(c->fw_path)) {
        c->fw_missing = true;
    } else {
        diag_list_init(&dl, c->lang);
        Framework *fw = framework_load(c->fw_path, &dl);
        if (!fw) {
            print_diags(&dl);
            diag_list_free(&dl);
            scenario_free(sc);
            free(file);
            return false;
        }
        diag_list_free(&dl);
        c->fw = fw;
    }
    c->sc = sc;
    free(file);
    return true;
}

/* ---- playing ------------------------------------------------------------------ */

/* Applies one --choices item; prints an error and returns false when it
 * cannot be applied. */
static bool apply_choice_arg(const Ctx *c, Session *s, const char *item, uint32_t step_no) {
    const char *colon = c->lang == LANG_EN ? ":" : NB ":";
    if (session_is_over(s)) {
        fprintf(stderr, c->lang == LANG_EN ? "error: the game is over after step %" PRIu32 "; choice \"%s\" is one too many.\n"
                                           : "erreur" NB ": la partie est finie après l'étape %" PRIu32 NB "; le choix " LQ "%s" RQ " est en trop.\n",
                step_no - 1, item);
        return false;
    }
    const Scene *scene = session_scene(s);
    ChoiceView views[LIMIT_CHOICES];
    uint16_t n = session_choices(s, views);
    int32_t index = -1;
    bool numeric = *item != '\0';
    for (const char *p = item; *p; p++)
        if (*p < '0' || *p > '9') numeric = false;
    if (numeric) {
        unsigned long k = strtoul(item, NULL, 10);
        if (strlen(item) > 3 || k < 1 || k > n) {
            fprintf(stderr, c->lang == LANG_EN ? "error: step %" PRIu32 " (scene \"%s\"): there is no choice %s; choose 1 to %u.\n"
                                               : "erreur" NB ": étape %" PRIu32 " (scène " LQ "%s" RQ ")" NB ": il n'y a pas de choix %s" NB "; choisissez de 1 à %u.\n",
                    step_no, scene->id, item, (unsigned)n);
            return false;
        }
        index = views[k - 1].index;
    } else {
        index = scenario_find_choice(c->sc, session_scene_index(s), item);
        if (index < 0) {
            fprintf(stderr, c->lang == LANG_EN ? "error: step %" PRIu32 " (scene \"%s\"): no choice has the id \"%s\". Choices:"
                                               : "erreur" NB ": étape %" PRIu32 " (scène " LQ "%s" RQ ")" NB ": aucun choix n'a l'identifiant " LQ "%s" RQ ". Choix" NB ":",
                    step_no, scene->id, item);
            for (uint16_t k = 0; k < n; k++) fprintf(stderr, " %s", scene->choices[views[k].index].id);
            fprintf(stderr, "\n");
            return false;
        }
    }
    if (!session_choose(s, (uint16_t)index)) {
        const Choice *ch = &scene->choices[index];
        fprintf(stderr, c->lang == LANG_EN ? "error: step %" PRIu32 " (scene \"%s\"): the choice \"%s\" is unavailable%s %s\n"
                                           : "erreur" NB ": étape %" PRIu32 " (scène " LQ "%s" RQ ")" NB ": le choix " LQ "%s" RQ " est indisponible%s %s\n",
                step_no, scene->id, ch->id, colon, loc(c, &ch->reason));
        return false;
    }
    return true;
}

static void print_play(const Ctx *c, const Session *s, const char *resume_note) {
    if (c->opt->json) {
        cJSON *root = j_header(c, s);
        if (resume_note)
            cJSON_AddStringToObject(root, "resume", resume_note);
        cJSON *steps = cJSON_AddArrayToObject(root, "steps");
        for (uint32_t i = 0; i < session_step_count(s); i++) cJSON_AddItemToArray(steps, j_step(c, s, i));
        cJSON_AddItemToObject(root, "result", j_result(c, s));
        print_json(root);
        return;
    }
    text_header(c, s);
    if (resume_note) printf("%s\n", resume_note);
    for (uint32_t i = 0; i < session_step_count(s); i++) text_step(c, s, i);
    text_result(c, s);
}

static int run_play(Ctx *c) {
    const Options *o = c->opt;
    Session *s = NULL;
    char note[1024];
    const char *resume_note = NULL;
    if (o->resume) {
        DiagList dl;
        diag_list_init(&dl, c->lang);
        Save *sv = save_load(o->resume, &dl);
        if (!sv) {
            print_diags(&dl);
            diag_list_free(&dl);
            return 1;
        }
        diag_list_free(&dl);
        if (!o->lang_given) c->lang = sv->lang;
        ResumeReport rep;
        s = save_resume(sv, c->sc, c->fw, &rep);
        save_describe_resume(&rep, c->lang, note, sizeof note);
        if (!s || (rep.status == RESUME_DIVERGED && !o->from_last_valid)) {
            fprintf(stderr, "%s%s\n", note,
                    s ? tr(c->lang, " (relancez avec --from-last-valid pour reprendre là.)",
                           " (run again with --from-last-valid to resume there.)")
                      : "");
            session_destroy(s);
            save_free(sv);
            return 1;
        }
        if (o->lang_given)
            session_set_lang(s, c->lang);
        else
            c->lang = session_lang(s);
        save_describe_resume(&rep, c->lang, note, sizeof note);
        save_free(sv);
        resume_note = note;
    } else {
        s = session_create(c->sc, c->fw, o->seed_given ? o->seed : 0, c->lang);
        if (!s) return 1;
    }
    int status = 0;
    if (o->choices && *o->choices) {
        char *list = malloc(strlen(o->choices) + 1);
        if (!list) {
            session_destroy(s);
            return 1;
        }
        strcpy(list, o->choices);
        for (char *item = list; item; ) {
            char *comma = strchr(item, ',');
            if (comma) *comma = '\0';
            while (*item == ' ') item++;
            if (!apply_choice_arg(c, s, item, session_step_count(s) + 1)) {
                status = 1;
                break;
            }
            item = comma ? comma + 1 : NULL;
        }
        free(list);
    }
    print_play(c, s, resume_note);
    if (status == 0 && o->save) {
        DiagList dl;
        diag_list_init(&dl, c->lang);
        if (!save_write(s, o->save, &dl)) {
            print_diags(&dl);
            status = 1;
        }
        diag_list_free(&dl);
    }
    session_destroy(s);
    return status;
}

/* ---- random playthroughs ------------------------------------------------------ */

typedef struct CompStats {
    uint32_t hist[101];
    uint64_t not_assessed, acquired, sum;
    int32_t min, max;
} CompStats;

static double now_seconds(void) {
    return (double)fsutil_clock_ns() / 1e9;
}

/* "52,3 %" / "52.3%" for count/total, integer arithmetic. */
static void percent_text(char *buf, size_t n, uint64_t count, uint64_t total, Lang lang) {
    uint64_t tenths = total ? (count * 1000 + total / 2) / total : 0;
    snprintf(buf, n, lang == LANG_EN ? "%" PRIu64 ".%" PRIu64 "%%" : "%" PRIu64 ",%" PRIu64 NB "%%", tenths / 10,
             tenths % 10);
}

static int32_t median_of(const CompStats *st) {
    uint64_t assessed = 0;
    for (int i = 0; i <= 100; i++) assessed += st->hist[i];
    if (!assessed) return -1;
    uint64_t half = (assessed + 1) / 2, acc = 0;
    for (int i = 0; i <= 100; i++) {
        acc += st->hist[i];
        if (acc >= half) return i;
    }
    return 100;
}

static int run_random(const Ctx *c) {
    const Options *o = c->opt;
    const Scenario *sc = c->sc;
    uint64_t n = o->random;
    uint64_t seed = o->seed_given ? o->seed : DEFAULT_RANDOM_SEED;
    Session *s = session_create(sc, c->fw, 0, c->lang);
    uint64_t *endings = calloc(sc->n_endings + 1u, sizeof *endings);
    uint64_t *events = calloc(sc->n_events + 1u, sizeof *events); /* plays in which each fired */
    CompStats *stats = calloc(sc->n_competencies + 1u, sizeof *stats);
    if (!s || !endings || !events || !stats) {
        session_destroy(s);
        free(endings);
        free(events);
        free(stats);
        return 1;
    }
    for (uint16_t k = 0; k < sc->n_competencies; k++) {
        stats[k].min = 101;
        stats[k].max = -1;
    }
    uint64_t stuck = 0, decisions = 0, mix = seed;
    Rng picker;
    rng_seed(&picker, rng_splitmix64(&mix));
    CompetencyScore scores[LIMIT_COMPETENCIES];
    double t0 = now_seconds();
    clock_t c0 = clock();
    for (uint64_t i = 0; i < n; i++) {
        session_reset(s, rng_splitmix64(&mix));
        uint32_t steps = 0;
        while (!session_is_over(s) && steps < RANDOM_MAX_STEPS && session_choose_random(s, &picker)) steps++;
        decisions += steps;
        for (uint32_t h = 0; h < session_step_count(s); h++) {
            const StepResult *st = session_step(s, h);
            for (uint16_t f = 0; f < st->n_fired; f++) events[st->fired[f].event]++; /* once a play */
        }
        if (!session_is_over(s)) {
            stuck++;
            continue;
        }
        endings[session_ending_index(s)]++;
        uint16_t nc = session_scores(s, scores);
        for (uint16_t k = 0; k < nc; k++) {
            CompStats *cs = &stats[k];
            int32_t v = scores[k].score;
            if (v < 0) {
                cs->not_assessed++;
                continue;
            }
            cs->hist[v]++;
            cs->sum += (uint64_t)v;
            if (v < cs->min) cs->min = v;
            if (v > cs->max) cs->max = v;
            if (scores[k].mastery == MASTERY_ACQUIRED) cs->acquired++;
        }
    }
    double elapsed = now_seconds() - t0;
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    double rate = elapsed > 0 ? (double)decisions / elapsed : 0;
    double cpu_rate = cpu > 0 ? (double)decisions / cpu : 0;
    uint64_t finished = n - stuck;
    char pct[32];
    if (o->json) {
        cJSON *root = cJSON_CreateObject();
        char buf[24];
        cJSON_AddStringToObject(root, "scenario", sc->id);
        cJSON_AddNumberToObject(root, "playthroughs", (double)n);
        snprintf(buf, sizeof buf, "%" PRIu64, seed);
        cJSON_AddStringToObject(root, "seed", buf);
        cJSON_AddNumberToObject(root, "decisions", (double)decisions);
        cJSON_AddNumberToObject(root, "unfinished", (double)stuck);
        cJSON *je = cJSON_AddArrayToObject(root, "endings");
        for (uint16_t e = 0; e < sc->n_endings; e++) {
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", sc->endings[e].id);
            cJSON_AddStringToObject(x, "tone", tone_slug(sc->endings[e].tone));
            cJSON_AddNumberToObject(x, "count", (double)endings[e]);
            cJSON_AddItemToArray(je, x);
        }
        cJSON *jv = cJSON_AddArrayToObject(root, "events");
        for (uint16_t e = 0; e < sc->n_events; e++) {
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", sc->events[e].id);
            cJSON_AddNumberToObject(x, "plays", (double)events[e]);
            cJSON_AddItemToArray(jv, x);
        }
        cJSON *jc = cJSON_AddArrayToObject(root, "competencies");
        for (uint16_t k = 0; k < sc->n_competencies; k++) {
            const CompStats *cs = &stats[k];
            uint64_t assessed = finished - cs->not_assessed;
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", sc->competencies[k]);
            cJSON_AddNumberToObject(x, "assessed", (double)assessed);
            cJSON_AddItemToObject(x, "min", assessed ? cJSON_CreateNumber(cs->min) : cJSON_CreateNull());
            cJSON_AddItemToObject(x, "median", assessed ? cJSON_CreateNumber(median_of(cs)) : cJSON_CreateNull());
            cJSON_AddItemToObject(x, "mean_x10",
                                  assessed ? cJSON_CreateNumber((double)((cs->sum * 10 + assessed / 2) / assessed)) : cJSON_CreateNull());
            cJSON_AddItemToObject(x, "max", assessed ? cJSON_CreateNumber(cs->max) : cJSON_CreateNull());
            cJSON_AddNumberToObject(x, "acquired", (double)cs->acquired);
            cJSON_AddItemToArray(jc, x);
        }
        cJSON_AddNumberToObject(root, "decisions_per_second", (double)(uint64_t)rate);
        cJSON_AddNumberToObject(root, "decisions_per_cpu_second", (double)(uint64_t)cpu_rate);
        print_json(root);
    } else {
        const char *colon = c->lang == LANG_EN ? ":" : NB ":";
        printf("%s%s %" PRIu64 " (%s %" PRIu64 ") · %s %s\n", tr(c->lang, "Parties aléatoires", "Random playthroughs"), colon, n,
               tr(c->lang, "graine", "seed"), seed, sc->id, sc->version);
        printf("\n%s%s\n", tr(c->lang, "Fins atteintes", "Endings reached"), colon);
        for (uint16_t e = 0; e < sc->n_endings; e++) {
            percent_text(pct, sizeof pct, endings[e], n, c->lang);
            printf("  %s [%s, %s]%s %" PRIu64 " (%s)\n", loc(c, &sc->endings[e].title), sc->endings[e].id,
                   tone_text(c->lang, sc->endings[e].tone), colon, endings[e], pct);
        }
        if (sc->n_events) {
            printf("\n%s%s\n", tr(c->lang, "Conséquences différées (parties où elles surviennent)",
                                   "Delayed consequences (plays in which they fire)"), colon);
            for (uint16_t e = 0; e < sc->n_events; e++) {
                percent_text(pct, sizeof pct, events[e], n, c->lang);
                printf("  %s [%s]%s %" PRIu64 " (%s)\n", loc(c, &sc->events[e].title), sc->events[e].id, colon,
                       events[e], pct);
            }
        }
        if (stuck) {
            percent_text(pct, sizeof pct, stuck, n, c->lang);
            printf("  %s%s %" PRIu64 " (%s)\n", tr(c->lang, "sans fin (impasse ou boucle)", "no ending (dead end or loop)"),
                   colon, stuck, pct);
        }
        printf("\n%s%s\n", tr(c->lang, "Compétences", "Competencies"), colon);
        for (uint16_t k = 0; k < sc->n_competencies; k++) {
            const CompStats *cs = &stats[k];
            uint64_t assessed = finished - cs->not_assessed;
            int32_t fi = c->fw ? framework_find(c->fw, sc->competencies[k]) : -1;
            if (fi >= 0)
                printf("  %s [%s]%s ", loc(c, &c->fw->items[fi].name), sc->competencies[k], colon);
            else
                printf("  %s%s ", sc->competencies[k], colon);
            if (!assessed) {
                printf("%s\n", tr(c->lang, "jamais évaluée", "never assessed"));
                continue;
            }
            uint64_t mean10 = (cs->sum * 10 + assessed / 2) / assessed;
            percent_text(pct, sizeof pct, cs->acquired, assessed, c->lang);
            printf(c->lang == LANG_EN ? "min %" PRId32 ", median %" PRId32 ", mean %" PRIu64 ".%" PRIu64 ", max %" PRId32
                                        "; acquired in %s of assessed plays"
                                      : "min %" PRId32 ", médiane %" PRId32 ", moyenne %" PRIu64 ",%" PRIu64 ", max %" PRId32
                                        NB "; acquise dans %s des parties évaluées",
                   cs->min, median_of(cs), mean10 / 10, mean10 % 10, cs->max, pct);
            if (cs->not_assessed)
                printf(c->lang == LANG_EN ? " (not assessed in %" PRIu64 ")" : " (non évaluée dans %" PRIu64 ")", cs->not_assessed);
            printf("\n");
        }
        printf("\n%s%s %" PRIu64 " %s, %.0f %s\n", tr(c->lang, "Vitesse", "Speed"), colon, decisions,
               tr(c->lang, "décisions", "decisions"), rate, tr(c->lang, "décisions par seconde", "decisions per second"));
        printf("%s%s %.0f %s\n", tr(c->lang, "Vitesse (temps processeur)", "Speed (CPU time)"), colon, cpu_rate,
               tr(c->lang, "décisions par seconde", "decisions per second"));
    }
    session_destroy(s);
    free(endings);
    free(events);
    free(stats);
    return stuck ? 1 : 0;
}

/* ---- command line ------------------------------------------------------------- */

static void usage(Lang lang) {
    fputs(lang == LANG_EN
              ? "Usage: enjeux play --headless SCENARIO [--choices 2,1,3|ID,…] [--seed N] [--lang fr|en]\n"
                "                   [--format text|json] [--save FILE] [--resume FILE [--from-last-valid]]\n"
                "       enjeux play --headless SCENARIO --random N [--seed N] [--format text|json]\n"
                "SCENARIO is a scenario.json or its folder. Choices are numbered 1 to n among the\n"
                "choices shown on screen (disabled ones included), or given by id.\n"
              : "Usage" NB ": enjeux play --headless SCÉNARIO [--choices 2,1,3|ID,…] [--seed N] [--lang fr|en]\n"
                "                   [--format text|json] [--save FICHIER] [--resume FICHIER [--from-last-valid]]\n"
                "        enjeux play --headless SCÉNARIO --random N [--seed N] [--format text|json]\n"
                "SCÉNARIO est un scenario.json ou son dossier. Les choix sont numérotés de 1 à n parmi\n"
                "les choix affichés (grisés compris), ou donnés par leur identifiant.\n",
          stderr);
}

static bool parse_u64(const char *s, uint64_t *out) {
    if (!s || !*s) return false;
    char *end = NULL;
    errno = 0;
    if (*s == '-') return false;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) return false;
    *out = (uint64_t)v;
    return true;
}

int cli_play(int argc, char **argv) {
    Options o = {0};
    o.lang = lang_from_env();
    bool headless = false;
    Lang ui = lang_from_env();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--headless") == 0) {
            headless = true;
        } else if (strcmp(a, "--from-last-valid") == 0) {
            o.from_last_valid = true;
        } else if (strcmp(a, "--choices") == 0 && v) {
            o.choices = v;
            i++;
        } else if (strcmp(a, "--seed") == 0 && v) {
            if (!parse_u64(v, &o.seed)) {
                fprintf(stderr, "%s\n", tr(ui, "--seed attend un entier positif ou nul.", "--seed expects a non-negative integer."));
                return 2;
            }
            o.seed_given = true;
            i++;
        } else if (strcmp(a, "--lang") == 0 && v) {
            if (!lang_parse(v, &o.lang)) {
                fprintf(stderr, "%s\n", tr(ui, "--lang attend fr ou en.", "--lang expects fr or en."));
                return 2;
            }
            o.lang_given = true;
            ui = o.lang;
            i++;
        } else if (strcmp(a, "--format") == 0 && v) {
            if (strcmp(v, "json") == 0)
                o.json = true;
            else if (strcmp(v, "text") != 0) {
                fprintf(stderr, "%s\n", tr(ui, "--format attend text ou json.", "--format expects text or json."));
                return 2;
            }
            i++;
        } else if (strcmp(a, "--random") == 0 && v) {
            if (!parse_u64(v, &o.random) || o.random == 0) {
                fprintf(stderr, "%s\n", tr(ui, "--random attend un nombre de parties (≥ 1).", "--random expects a number of playthroughs (>= 1)."));
                return 2;
            }
            o.random_given = true;
            i++;
        } else if (strcmp(a, "--save") == 0 && v) {
            o.save = v;
            i++;
        } else if (strcmp(a, "--resume") == 0 && v) {
            o.resume = v;
            i++;
        } else if ((strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            usage(ui);
            return 0;
        } else if (a[0] != '-' && !o.scenario) {
            o.scenario = a;
        } else {
            fprintf(stderr, ui == LANG_EN ? "Unknown or incomplete option \"%s\".\n" : "Option inconnue ou incomplète " LQ "%s" RQ ".\n", a);
            usage(ui);
            return 2;
        }
    }
    if (!headless || !o.scenario || (o.random_given && (o.choices || o.resume || o.save))) {
        if (!headless && o.scenario)
            fprintf(stderr, "%s\n", tr(ui, "Seul le mode --headless est disponible en ligne de commande.",
                                       "Only --headless mode is available from the command line."));
        usage(ui);
        return 2;
    }
    Ctx c = {&o, o.lang, NULL, NULL, NULL, false};
    if (!load_all(&c, o.scenario)) return 1;
    if (c.fw_missing)
        fprintf(stderr, c.lang == LANG_EN ? "note: no competency framework at \"%s\": scoring without one.\n"
                                          : "note" NB ": pas de référentiel de compétences à " LQ "%s" RQ NB ": scores sans référentiel.\n",
                c.fw_path);
    int status = o.random_given ? run_random(&c) : run_play(&c);
    scenario_free((Scenario *)c.sc);
    framework_free((Framework *)c.fw);
    free(c.fw_path);
    return status;
}
