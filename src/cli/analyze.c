/* analyze.c — `enjeux analyze SCENARIO`: the exact analysis of a scenario
 * for its author (core/analyze.h), printed for a terminal in French or
 * English, or as JSON for scripts. Exits 0 when the scenario has full
 * coverage, no dead end and evidence for every competency it claims; 1 when
 * one of those fails (the report says which) or the scenario does not load;
 * 2 on bad usage. What each line means: docs/analyze.md. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/analyze.h"
#include "core/framework.h"
#include "core/scenario.h"

#define NB "\u202f"
#define LQ "«\u00a0"
#define RQ "\u00a0»"
/* A format string in French or English, both literal so the compiler checks them. */
#define TRF(lang, fr, en) ((lang) == LANG_EN ? en : fr)

typedef struct Out {
    Lang lang;
    const Scenario *sc;
    const Framework *fw;
    const Analysis *a;
} Out;

static const char *tr(Lang lang, const char *fr, const char *en) { return lang == LANG_EN ? en : fr; }

static const char *colon(const Out *o) { return o->lang == LANG_EN ? ":" : NB ":"; }

/* 1234567 as "1 234 567" (U+202F) in French, "1,234,567" in English. */
static void num(const Out *o, char *buf, size_t n, uint64_t v) {
    char digits[32];
    snprintf(digits, sizeof digits, "%" PRIu64, v);
    size_t len = strlen(digits), k = 0;
    const char *sep = o->lang == LANG_EN ? "," : NB;
    size_t seplen = strlen(sep);
    for (size_t i = 0; i < len && k + seplen + 2 < n; i++) {
        if (i && (len - i) % 3 == 0) {
            memcpy(buf + k, sep, seplen);
            k += seplen;
        }
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

static void count_text(const Out *o, char *buf, size_t n, const BigCount *c) {
    if (c->saturated)
        snprintf(buf, n, o->lang == LANG_EN ? "about %.3g" : "environ %.3g", c->approx);
    else
        num(o, buf, n, c->value);
}

/* A share as "12,5 %" (French, U+202F) or "12.5%". */
static void percent(const Out *o, char *buf, size_t n, double p) {
    char t[32];
    double v = p * 100.0;
    if (v > 0 && v < 0.01)
        snprintf(t, sizeof t, "%.2g", v);
    else
        snprintf(t, sizeof t, "%.2f", v);
    if (o->lang == LANG_FR) {
        for (char *c = t; *c; c++)
            if (*c == '.') *c = ',';
        snprintf(buf, n, "%s" NB "%%", t);
    } else {
        snprintf(buf, n, "%s%%", t);
    }
}

static void decimal(const Out *o, char *buf, size_t n, double v) {
    snprintf(buf, n, "%.1f", v);
    if (o->lang == LANG_FR)
        for (char *c = buf; *c; c++)
            if (*c == '.') *c = ',';
}

static const char *loc(const Out *o, const LocStr *l) { return loc_get(l, o->lang, NULL); }

static const char *tone_text(Lang lang, EndingTone t) {
    if (t == TONE_POSITIVE) return tr(lang, "positive", "positive");
    if (t == TONE_MIXED) return tr(lang, "mitigée", "mixed");
    return tr(lang, "négative", "negative");
}

static const char *tone_slug(EndingTone t) {
    return t == TONE_POSITIVE ? "positive" : t == TONE_MIXED ? "mixed" : "negative";
}

static const char *competency_name(const Out *o, uint16_t c) {
    int32_t i = o->fw ? framework_find(o->fw, o->sc->competencies[c]) : -1;
    return i >= 0 ? loc(o, &o->fw->items[i].name) : o->sc->competencies[c];
}

static const char *quality_slug(QualityKind k) {
    switch (k) {
    case QUALITY_NO_PRINCIPLE: return "evidence-without-principle";
    case QUALITY_OUTCOME_SILENT: return "silent-outcome";
    case QUALITY_NO_DEBRIEF: return "no-debrief";
    case QUALITY_MISSING_ALT: return "missing-alt-text";
    case QUALITY_MISSING_TRANSLATION: return "missing-translation";
    case QUALITY_KIND_COUNT: break;
    }
    return "";
}

static const char *quality_text(Lang lang, QualityKind k) {
    switch (k) {
    case QUALITY_NO_PRINCIPLE:
        return tr(lang, "ce choix donne des preuves de compétence sans principe qui les explique",
                  "this choice gives competency evidence without a principle explaining it");
    case QUALITY_OUTCOME_SILENT:
        return tr(lang, "ce tirage change l'état sans texte de retour qui le dise",
                  "this chance outcome changes the state without feedback text saying so");
    case QUALITY_NO_DEBRIEF:
        return tr(lang, "les choix diffèrent en preuves mais la scène n'a pas de « debrief » qui explique le meilleur",
                  "the choices differ in evidence but the scene has no \"debrief\" explaining the best one");
    case QUALITY_MISSING_ALT:
        return tr(lang, "image sans texte alternatif", "image without alternative text");
    case QUALITY_MISSING_TRANSLATION:
        return tr(lang, "traduction manquante", "missing translation");
    case QUALITY_KIND_COUNT: break;
    }
    return "";
}

/* ---- paths -------------------------------------------------------------------- */

/* "accueil › vite (fuite) › crise › assumer": each decision as scene id, then
 * the choice id and the chance outcome in brackets. */
static void print_path(const Out *o, const Path *p) {
    if (!p->n) {
        printf("%s", tr(o->lang, "(départ)", "(start)"));
        return;
    }
    for (uint32_t i = 0; i < p->n; i++) {
        const Scene *s = &o->sc->scenes[p->steps[i].scene];
        const Choice *c = &s->choices[p->steps[i].choice];
        printf("%s%s→%s", i ? " · " : "", s->id, c->id);
        if (p->steps[i].outcome >= 0) printf(" (%s)", c->outcomes[p->steps[i].outcome].id);
    }
}

static cJSON *json_path(const Out *o, const Path *p) {
    cJSON *arr = cJSON_CreateArray();
    for (uint32_t i = 0; i < p->n; i++) {
        const Scene *s = &o->sc->scenes[p->steps[i].scene];
        const Choice *c = &s->choices[p->steps[i].choice];
        cJSON *st = cJSON_CreateObject();
        cJSON_AddStringToObject(st, "scene", s->id);
        cJSON_AddStringToObject(st, "choice", c->id);
        if (p->steps[i].outcome >= 0) cJSON_AddStringToObject(st, "outcome", c->outcomes[p->steps[i].outcome].id);
        cJSON_AddItemToArray(arr, st);
    }
    return arr;
}

static cJSON *json_count(const BigCount *c) {
    cJSON *o = cJSON_CreateObject();
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64, c->value);
    cJSON_AddStringToObject(o, "value", buf);
    cJSON_AddBoolToObject(o, "saturated", c->saturated);
    cJSON_AddNumberToObject(o, "approx", c->approx);
    return o;
}

static cJSON *json_range(const Range *r) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "min", (double)r->min);
    cJSON_AddNumberToObject(o, "max", (double)r->max);
    cJSON_AddNumberToObject(o, "mean", r->mean);
    return o;
}

/* ---- verdict ------------------------------------------------------------------ */

typedef struct Tally {
    uint32_t scenes, endings, events, choices, unevidenced;
} Tally;

static Tally tally(const Analysis *a) {
    Tally t = {0, 0, 0, 0, 0};
    const Scenario *sc = a->sc;
    for (uint32_t i = 0; i < sc->n_scenes; i++) t.scenes += a->scenes[i].reached;
    for (uint16_t i = 0; i < sc->n_endings; i++) t.endings += a->endings[i].reached;
    for (uint16_t i = 0; i < sc->n_events; i++) t.events += a->events[i].fired;
    for (uint32_t i = 0; i < a->n_choices; i++) t.choices += a->choices[i].available;
    for (uint16_t i = 0; i < sc->n_competencies; i++)
        if (a->competencies[i].targeted && !a->competencies[i].assessed) t.unevidenced++;
    return t;
}

static bool passes(const Analysis *a) {
    Tally t = tally(a);
    return analysis_full_coverage(a) && a->n_dead_ends == 0 && t.unevidenced == 0;
}

/* ---- JSON --------------------------------------------------------------------- */

static int print_json(const Out *o) {
    const Analysis *a = o->a;
    const Scenario *sc = o->sc;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "format", 1);
    cJSON *js = cJSON_AddObjectToObject(root, "scenario");
    char hash[17];
    scenario_hash_hex(sc, hash);
    cJSON_AddStringToObject(js, "id", sc->id);
    cJSON_AddStringToObject(js, "version", sc->version);
    cJSON_AddStringToObject(js, "content_hash", hash);
    cJSON_AddStringToObject(root, "mode", a->mode == ANALYSIS_EXACT ? "exact" : "sampled");
    cJSON_AddNumberToObject(root, "max_states", (double)a->max_states);
    cJSON_AddNumberToObject(root, "states", (double)a->states);
    cJSON_AddNumberToObject(root, "transitions", (double)a->transitions);
    cJSON_AddBoolToObject(root, "has_cycle", a->has_cycle);
    if (a->mode == ANALYSIS_SAMPLED) {
        cJSON *sm = cJSON_AddObjectToObject(root, "sampled");
        char seed[32];
        snprintf(seed, sizeof seed, "%" PRIu64, a->seed);
        cJSON_AddNumberToObject(sm, "runs", (double)a->runs);
        cJSON_AddStringToObject(sm, "seed", seed);
        cJSON_AddNumberToObject(sm, "decisions", (double)a->decisions);
        cJSON_AddNumberToObject(sm, "unfinished", (double)a->unfinished);
    }
    Tally t = tally(a);
    cJSON *cov = cJSON_AddObjectToObject(root, "coverage");
    cJSON_AddBoolToObject(cov, "full", analysis_full_coverage(a));
    cJSON_AddBoolToObject(cov, "passes", passes(a));
    const struct { const char *k; uint32_t got, all; } cv[] = {
        {"scenes", t.scenes, sc->n_scenes}, {"endings", t.endings, sc->n_endings},
        {"events", t.events, sc->n_events}, {"choices", t.choices, a->n_choices}};
    for (size_t i = 0; i < sizeof cv / sizeof cv[0]; i++) {
        cJSON *p = cJSON_AddObjectToObject(cov, cv[i].k);
        cJSON_AddNumberToObject(p, "reached", cv[i].got);
        cJSON_AddNumberToObject(p, "total", cv[i].all);
    }
    cJSON *pl = cJSON_AddObjectToObject(root, "playthroughs");
    if (a->has_cycle) {
        cJSON_AddNullToObject(pl, "to_endings");
        cJSON_AddNullToObject(pl, "stuck");
    } else {
        cJSON_AddItemToObject(pl, "to_endings", json_count(&a->playthroughs));
        cJSON_AddItemToObject(pl, "stuck", json_count(&a->stuck));
    }
    cJSON_AddNumberToObject(pl, "stuck_probability", a->stuck_probability);
    cJSON_AddNumberToObject(pl, "shortest", a->shortest);
    if (a->has_cycle)
        cJSON_AddNullToObject(pl, "longest");
    else
        cJSON_AddNumberToObject(pl, "longest", a->longest);

    cJSON *arr = cJSON_AddArrayToObject(root, "scenes");
    for (uint32_t i = 0; i < sc->n_scenes; i++) {
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "id", sc->scenes[i].id);
        cJSON_AddBoolToObject(s, "reached", a->scenes[i].reached);
        if (a->mode == ANALYSIS_EXACT && a->scenes[i].reached) cJSON_AddItemToObject(s, "path", json_path(o, &a->scenes[i].path));
        if (a->mode == ANALYSIS_SAMPLED) cJSON_AddNumberToObject(s, "visits", (double)a->scenes[i].visits);
        cJSON_AddItemToArray(arr, s);
    }
    arr = cJSON_AddArrayToObject(root, "endings");
    for (uint16_t i = 0; i < sc->n_endings; i++) {
        const EndingReport *er = &a->endings[i];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "id", sc->endings[i].id);
        cJSON_AddStringToObject(e, "tone", tone_slug(sc->endings[i].tone));
        cJSON_AddBoolToObject(e, "reached", er->reached);
        cJSON_AddNumberToObject(e, "probability", er->probability);
        if (a->mode == ANALYSIS_EXACT && a->has_cycle)
            cJSON_AddNullToObject(e, "playthroughs");
        else if (a->mode == ANALYSIS_EXACT)
            cJSON_AddItemToObject(e, "playthroughs", json_count(&er->playthroughs));
        else
            cJSON_AddNumberToObject(e, "hits", (double)er->hits);
        if (er->reached) {
            cJSON_AddItemToObject(e, "path", json_path(o, &er->path));
            cJSON *m = cJSON_AddObjectToObject(e, "meters");
            for (uint16_t k = 0; k < sc->n_meters; k++) {
                cJSON *r = cJSON_AddObjectToObject(m, sc->meters[k].id);
                cJSON_AddNumberToObject(r, "min", er->meter_min[k]);
                cJSON_AddNumberToObject(r, "max", er->meter_max[k]);
            }
        }
        cJSON_AddItemToArray(arr, e);
    }
    arr = cJSON_AddArrayToObject(root, "events");
    for (uint16_t i = 0; i < sc->n_events; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "id", sc->events[i].id);
        cJSON_AddBoolToObject(e, "fired", a->events[i].fired);
        if (a->mode == ANALYSIS_EXACT && a->events[i].fired) cJSON_AddItemToObject(e, "path", json_path(o, &a->events[i].path));
        if (a->mode == ANALYSIS_SAMPLED) cJSON_AddNumberToObject(e, "fires", (double)a->events[i].fires);
        cJSON_AddItemToArray(arr, e);
    }
    arr = cJSON_AddArrayToObject(root, "dead_ends");
    for (uint32_t i = 0; i < a->n_dead_ends; i++) {
        cJSON *d = cJSON_CreateObject();
        cJSON_AddStringToObject(d, "scene", sc->scenes[a->dead_ends[i].scene].id);
        cJSON_AddItemToObject(d, "path", json_path(o, &a->dead_ends[i].path));
        cJSON_AddItemToArray(arr, d);
    }
    arr = cJSON_AddArrayToObject(root, "choices");
    cJSON *never = cJSON_AddArrayToObject(root, "never_available");
    cJSON *dom = cJSON_AddArrayToObject(root, "dominated");
    for (uint32_t i = 0; i < a->n_choices; i++) {
        const ChoiceReport *cr = &a->choices[i];
        const Scene *s = &sc->scenes[cr->scene];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "scene", s->id);
        cJSON_AddStringToObject(c, "choice", s->choices[cr->choice].id);
        cJSON_AddBoolToObject(c, "available", cr->available);
        if (a->mode == ANALYSIS_SAMPLED) cJSON_AddNumberToObject(c, "taken", (double)cr->taken);
        if (cr->dominated) {
            cJSON_AddStringToObject(c, "dominated_by", s->choices[cr->dominated_by].id);
            cJSON_AddBoolToObject(c, "same_consequences", cr->same_consequences);
            cJSON_AddItemToArray(dom, cJSON_Duplicate(c, true));
        }
        if (!cr->available && a->scenes[cr->scene].reached) {
            cJSON *n = cJSON_CreateObject();
            cJSON_AddStringToObject(n, "scene", s->id);
            cJSON_AddStringToObject(n, "choice", s->choices[cr->choice].id);
            cJSON_AddItemToArray(never, n);
        }
        cJSON_AddItemToArray(arr, c);
    }
    arr = cJSON_AddArrayToObject(root, "meters");
    for (uint16_t i = 0; i < sc->n_meters; i++) {
        cJSON *m = json_range(&a->meters[i]);
        cJSON_AddStringToObject(m, "id", sc->meters[i].id);
        cJSON_AddItemToArray(arr, m);
    }
    arr = cJSON_AddArrayToObject(root, "competencies");
    for (uint16_t i = 0; i < sc->n_competencies; i++) {
        const CompetencyReport *cr = &a->competencies[i];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "id", sc->competencies[i]);
        cJSON_AddBoolToObject(c, "targeted", cr->targeted);
        cJSON_AddBoolToObject(c, "evidenced", cr->evidenced);
        cJSON_AddBoolToObject(c, "assessed", cr->assessed);
        cJSON_AddBoolToObject(c, "skippable", cr->skippable);
        if (cr->skippable && a->mode == ANALYSIS_EXACT) cJSON_AddItemToObject(c, "skip_path", json_path(o, &cr->skip_path));
        if (a->has_cycle) {
            cJSON_AddNullToObject(c, "not_assessed_playthroughs");
            cJSON_AddNullToObject(c, "earned");
            cJSON_AddNullToObject(c, "best");
        } else {
            cJSON_AddItemToObject(c, "not_assessed_playthroughs", json_count(&cr->not_assessed));
            cJSON_AddItemToObject(c, "earned", json_range(&cr->earned));
            cJSON_AddItemToObject(c, "best", json_range(&cr->best));
        }
        if (cr->score_known && !a->has_cycle)
            cJSON_AddItemToObject(c, "score", json_range(&cr->score));
        else
            cJSON_AddNullToObject(c, "score");
        cJSON_AddItemToArray(arr, c);
    }
    if (a->mode == ANALYSIS_EXACT && !a->has_cycle) {
        cJSON *b = cJSON_AddObjectToObject(root, "best_play");
        cJSON_AddNumberToObject(b, "evidence", (double)a->best_total);
        cJSON_AddItemToObject(b, "path", json_path(o, &a->best_play));
        b = cJSON_AddObjectToObject(root, "worst_play");
        cJSON_AddNumberToObject(b, "evidence", (double)a->worst_total);
        cJSON_AddItemToObject(b, "path", json_path(o, &a->worst_play));
    }
    arr = cJSON_AddArrayToObject(root, "issues");
    for (uint32_t i = 0; i < a->n_issues; i++) {
        cJSON *q = cJSON_CreateObject();
        cJSON_AddStringToObject(q, "kind", quality_slug(a->issues[i].kind));
        cJSON_AddStringToObject(q, "where", a->issues[i].where);
        if (a->issues[i].kind == QUALITY_MISSING_TRANSLATION) cJSON_AddStringToObject(q, "lang", lang_code(a->issues[i].lang));
        cJSON_AddItemToArray(arr, q);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) return 1;
    printf("%s\n", text);
    free(text);
    return passes(a) ? 0 : 1;
}

/* ---- text --------------------------------------------------------------------- */

static void heading(const Out *o, const char *fr, const char *en) { printf("\n%s%s\n", tr(o->lang, fr, en), colon(o)); }

static void print_range(const Out *o, const Range *r, bool mean) {
    printf("%" PRId64 " – %" PRId64, r->min, r->max);
    if (mean) {
        char d[32];
        decimal(o, d, sizeof d, r->mean);
        printf(TRF(o->lang, ", moyenne %s", ", mean %s"), d);
    }
}

static int print_text(const Out *o) {
    const Analysis *a = o->a;
    const Scenario *sc = o->sc;
    Lang L = o->lang;
    char b1[64], b2[64], b3[64];
    bool exact = a->mode == ANALYSIS_EXACT;
    printf(L == LANG_EN ? "Analysis of \"%s\" (%s %s)\n" : "Analyse de " LQ "%s" RQ " (%s %s)\n", loc(o, &sc->title), sc->id,
           sc->version);
    num(o, b1, sizeof b1, a->states);
    num(o, b2, sizeof b2, a->transitions);
    if (exact) {
        printf(TRF(L, "Mode%s exact — %s états distincts explorés, %s transitions.\n",
                  "Mode%s exact — %s distinct states explored, %s transitions.\n"),
               colon(o), b1, b2);
    } else {
        num(o, b3, sizeof b3, a->max_states);
        printf(TRF(L, "Mode%s ÉCHANTILLON — plus de %s états (limite --max-states)%s l'analyse exacte s'arrête.\n",
                  "Mode%s SAMPLED — more than %s states (--max-states bound): the exact analysis stops.\n"),
               colon(o), b3, L == LANG_EN ? "" : NB ":");
        num(o, b1, sizeof b1, a->runs);
        num(o, b2, sizeof b2, a->decisions);
        printf(TRF(L, "%s parties au hasard (graine %" PRIu64 "), %s décisions%s les chiffres ci-dessous sont observés, pas exacts.\n",
                  "%s random playthroughs (seed %" PRIu64 "), %s decisions: the figures below are observed, not exact.\n"),
               b1, a->seed, b2, L == LANG_EN ? "" : NB ":");
        if (a->unfinished) {
            num(o, b1, sizeof b1, a->unfinished);
            printf(TRF(L, "%s parties coupées après %d décisions (boucle ?).\n", "%s playthroughs cut after %d decisions (a loop?).\n"),
                   b1, ANALYSIS_SAMPLED_MAX_STEPS);
        }
    }
    Tally t = tally(a);
    printf(TRF(L, "Couverture%s %u/%u scènes, %u/%u fins, %u/%u événements, %u/%u choix disponibles — %s\n",
              "Coverage%s %u/%u scenes, %u/%u endings, %u/%u events, %u/%u choices available — %s\n"),
           colon(o), t.scenes, sc->n_scenes, t.endings, sc->n_endings, t.events, sc->n_events, t.choices, a->n_choices,
           analysis_full_coverage(a) ? tr(L, "complète.", "full.") : tr(L, "INCOMPLÈTE.", "INCOMPLETE."));

    heading(o, "Parcours", "Playthroughs");
    if (a->has_cycle) {
        printf("  %s\n", tr(L, "Une boucle existe (un état peut revenir)" NB ": nombre de parcours et partie la plus longue infinis.",
                            "There is a loop (a state can come back): infinitely many playthroughs, no longest play."));
    } else {
        count_text(o, b1, sizeof b1, &a->playthroughs);
        printf(TRF(L, "  %s parcours distincts jusqu'à une fin%s\n", "  %s distinct playthroughs to an ending%s\n"), b1,
               exact ? "" : tr(L, " (parties observées)", " (plays observed)"));
        printf(TRF(L, "  partie la plus courte%s %u décisions, la plus longue%s %u\n",
                  "  shortest play%s %u decisions, longest%s %u\n"),
               colon(o), a->shortest, colon(o), a->longest);
    }
    if (a->stuck.value || a->stuck.saturated) {
        count_text(o, b1, sizeof b1, &a->stuck);
        percent(o, b2, sizeof b2, a->stuck_probability);
        printf(TRF(L, "  %s parcours bloqués dans une impasse (%s des parties au hasard)\n",
                  "  %s playthroughs stuck in a dead end (%s of random plays)\n"),
               b1, b2);
    }

    heading(o, "Fins (probabilité pour un joueur qui choisirait au hasard, tirages au hasard compris)",
            "Endings (probability for a player choosing at random, chance outcomes included)");
    for (uint16_t i = 0; i < sc->n_endings; i++) {
        const EndingReport *er = &a->endings[i];
        const Ending *e = &sc->endings[i];
        if (!er->reached) {
            printf(TRF(L, "  ✗ %s " LQ "%s" RQ " (%s)%s JAMAIS ATTEINTE\n", "  ✗ %s \"%s\" (%s)%s NEVER REACHED\n"), e->id,
                   loc(o, &e->title), tone_text(L, e->tone), colon(o));
            continue;
        }
        percent(o, b1, sizeof b1, er->probability);
        printf(TRF(L, "  ✓ %s " LQ "%s" RQ " (%s)%s %s", "  ✓ %s \"%s\" (%s)%s %s"), e->id, loc(o, &e->title),
               tone_text(L, e->tone), colon(o), b1);
        if (exact && !a->has_cycle) {
            count_text(o, b2, sizeof b2, &er->playthroughs);
            printf(TRF(L, ", %s parcours", ", %s playthroughs"), b2);
        }
        printf("\n    %s%s ", exact ? tr(L, "plus court chemin", "shortest path") : tr(L, "exemple", "example"), colon(o));
        print_path(o, &er->path);
        printf("\n    %s%s", tr(L, "jauges à cette fin", "meters at this ending"), colon(o));
        for (uint16_t m = 0; m < sc->n_meters; m++)
            printf("%s %s %" PRId32 "–%" PRId32, m ? (L == LANG_EN ? ";" : NB ";") : "", loc(o, &sc->meters[m].label), er->meter_min[m], er->meter_max[m]);
        printf("\n");
    }

    heading(o, "Scènes (plus court chemin)", "Scenes (shortest path)");
    for (uint32_t i = 0; i < sc->n_scenes; i++) {
        const SceneReport *sr = &a->scenes[i];
        if (!sr->reached) {
            printf(TRF(L, "  ✗ %s" NB ": JAMAIS ATTEINTE\n", "  ✗ %s: NEVER REACHED\n"), sc->scenes[i].id);
            continue;
        }
        printf("  ✓ %s%s ", sc->scenes[i].id, colon(o));
        if (exact) {
            print_path(o, &sr->path);
        } else {
            num(o, b1, sizeof b1, sr->visits);
            printf(TRF(L, "%s passages", "%s visits"), b1);
        }
        printf("\n");
    }
    if (sc->n_events) {
        heading(o, "Événements différés", "Delayed events");
        for (uint16_t i = 0; i < sc->n_events; i++) {
            const EventReport *er = &a->events[i];
            if (!er->fired) {
                printf(TRF(L, "  ✗ %s" NB ": NE SE DÉCLENCHE JAMAIS\n", "  ✗ %s: NEVER FIRES\n"), sc->events[i].id);
                continue;
            }
            printf("  ✓ %s%s ", sc->events[i].id, colon(o));
            if (exact) {
                print_path(o, &er->path);
            } else {
                num(o, b1, sizeof b1, er->fires);
                printf(TRF(L, "%s fois", "%s times"), b1);
            }
            printf("\n");
        }
    }

    heading(o, "Impasses (aucun choix disponible)", "Dead ends (no choice available)");
    if (!a->n_dead_ends) printf("  %s\n", tr(L, "aucune", "none"));
    for (uint32_t i = 0; i < a->n_dead_ends; i++) {
        printf("  ⚠ %s%s ", sc->scenes[a->dead_ends[i].scene].id, colon(o));
        print_path(o, &a->dead_ends[i].path);
        printf("\n");
    }

    heading(o, exact ? "Choix jamais disponibles" : "Choix jamais pris", exact ? "Choices never available" : "Choices never taken");
    uint32_t nn = 0;
    for (uint32_t i = 0; i < a->n_choices; i++) {
        const ChoiceReport *cr = &a->choices[i];
        if (cr->available || !a->scenes[cr->scene].reached) continue;
        const Scene *s = &sc->scenes[cr->scene];
        printf("  ⚠ %s→%s " LQ "%s" RQ "\n", s->id, s->choices[cr->choice].id, loc(o, &s->choices[cr->choice].text));
        nn++;
    }
    if (!nn) printf("  %s\n", tr(L, "aucun", "none"));
    if (!exact) {
        heading(o, "Choix pris (fois)", "Choices taken (times)");
        for (uint32_t i = 0; i < a->n_choices; i++) {
            const ChoiceReport *cr = &a->choices[i];
            num(o, b1, sizeof b1, cr->taken);
            printf("  %s→%s%s %s\n", sc->scenes[cr->scene].id, sc->scenes[cr->scene].choices[cr->choice].id, colon(o), b1);
        }
    }

    heading(o, exact ? "Jauges en fin de partie (min – max, moyenne sur tous les parcours)"
                     : "Jauges en fin de partie (observées)",
            exact ? "Meters at the end (min – max, mean over all playthroughs)" : "Meters at the end (observed)");
    for (uint16_t m = 0; m < sc->n_meters; m++) {
        printf("  %s (%s)%s ", loc(o, &sc->meters[m].label), sc->meters[m].id, colon(o));
        print_range(o, &a->meters[m], !a->has_cycle);
        printf("\n");
    }

    heading(o, "Compétences (score 0–100 par parcours)", "Competencies (score 0–100 per playthrough)");
    for (uint16_t i = 0; i < sc->n_competencies; i++) {
        const CompetencyReport *cr = &a->competencies[i];
        printf("  %s [%s]%s%s\n", competency_name(o, i), sc->competencies[i],
               cr->targeted ? "" : tr(L, " (non ciblée)", " (not targeted)"), colon(o));
        if (!cr->evidenced) {
            printf("    ✗ %s\n", tr(L, "AUCUN choix ne donne de preuve positive" NB ": la compétence annoncée n'est jamais travaillée.",
                                  "NO choice gives positive evidence: the claimed competency is never trained."));
        } else if (!cr->assessed) {
            printf("    ✗ %s\n", tr(L, "jamais évaluée sur une décision atteignable", "never assessed on a reachable decision"));
        }
        if (!cr->assessed) {
            printf("    %s%s %s\n", tr(L, "score", "score"), colon(o), tr(L, "jamais évaluée", "never assessed"));
        } else if (cr->score_known && !a->has_cycle) {
            printf("    %s%s ", tr(L, "score", "score"), colon(o));
            print_range(o, &cr->score, true);
            printf("\n");
        } else if (exact && !a->has_cycle) {
            printf("    %s\n", tr(L, "score" NB ": trop de combinaisons pour le calcul exact (voir preuves)",
                                  "score: too many combinations to compute exactly (see evidence)"));
        }
        if (a->has_cycle) {
            printf("    %s\n", tr(L, "preuves" NB ": non calculées (une boucle existe)", "evidence: not computed (there is a loop)"));
        } else {
            printf("    %s%s ", tr(L, "preuves gagnées", "evidence earned"), colon(o));
            print_range(o, &cr->earned, true);
            printf(TRF(L, " · meilleur possible%s ", " · best available%s "), colon(o));
            print_range(o, &cr->best, true);
            printf("\n");
        }
        if (cr->targeted && cr->skippable && a->has_cycle) {
            printf(TRF(L, "    ⚠ des parcours atteignent une fin sans l'évaluer%s ", "    ⚠ playthroughs reach an ending without assessing it%s "),
                   colon(o));
            print_path(o, &cr->skip_path);
            printf("\n");
        } else if (cr->targeted && cr->skippable) {
            count_text(o, b1, sizeof b1, &cr->not_assessed);
            printf(TRF(L, "    ⚠ %s parcours atteignent une fin sans l'évaluer", "    ⚠ %s playthroughs reach an ending without assessing it"),
                   b1);
            if (exact) {
                printf(TRF(L, "%s ", ": "), colon(o));
                print_path(o, &cr->skip_path);
            }
            printf("\n");
        }
    }
    if (exact && !a->has_cycle && (a->best_play.n || a->worst_play.n)) {
        printf(TRF(L, "\nMeilleur parcours (total des preuves %+" PRId64 ")%s ", "\nBest playthrough (total evidence %+" PRId64 ")%s "),
               a->best_total, colon(o));
        print_path(o, &a->best_play);
        printf(TRF(L, "\nPire parcours (total des preuves %+" PRId64 ")%s ", "\nWorst playthrough (total evidence %+" PRId64 ")%s "),
               a->worst_total, colon(o));
        print_path(o, &a->worst_play);
        printf("\n");
    }
    if (exact) {
        heading(o, "Choix dominés (jamais meilleurs qu'un autre disponible, en preuves comme en jauges)",
                "Dominated choices (never better than another available one, in evidence or meters)");
        uint32_t nd = 0;
        for (uint32_t i = 0; i < a->n_choices; i++) {
            const ChoiceReport *cr = &a->choices[i];
            if (!cr->dominated) continue;
            const Scene *s = &sc->scenes[cr->scene];
            printf(TRF(L, "  ⚠ %s→%s est dominé par %s%s\n", "  ⚠ %s→%s is dominated by %s%s\n"), s->id,
                   s->choices[cr->choice].id, s->choices[cr->dominated_by].id,
                   cr->same_consequences ? "" : tr(L, " (mais ne mène pas à la même suite)", " (but does not lead to the same sequel)"));
            nd++;
        }
        if (!nd) printf("  %s\n", tr(L, "aucun", "none"));
        else
            printf("  %s\n", tr(L,
                                 "→ Pas une erreur\u202f: si l'option doit rester une fausse bonne idée, vérifiez que son "
                                 "retour dit pourquoi\u202f; pour un vrai dilemme, donnez-lui un avantage réel (une jauge, "
                                 "une compétence) ou retirez-la.",
                                 "→ Not an error: if the option is meant as a false good idea, check that its feedback "
                                 "says why; for a real dilemma, give it a real advantage (a meter, a competency) or "
                                 "remove it."));
    }

    heading(o, "Qualité pédagogique", "Teaching quality");
    if (!a->n_issues) printf("  %s\n", tr(L, "rien à signaler", "nothing to report"));
    for (uint32_t i = 0; i < a->n_issues; i++) {
        const QualityIssue *q = &a->issues[i];
        printf("  ⚠ %s%s %s", q->where, colon(o), quality_text(L, q->kind));
        if (q->kind == QUALITY_MISSING_TRANSLATION) printf(" (%s)", lang_code(q->lang));
        printf("\n");
    }
    bool ok = passes(a);
    printf("\n%s\n", ok ? tr(L, "Résultat" NB ": tout est atteignable, aucune impasse, chaque compétence annoncée est évaluée.",
                              "Result: everything is reachable, no dead end, every claimed competency is assessed.")
                        : tr(L, "Résultat" NB ": des problèmes à corriger (marqués ✗ ou ⚠ ci-dessus).",
                              "Result: problems to fix (marked ✗ or ⚠ above)."));
    return ok ? 0 : 1;
}

/* ---- command line ------------------------------------------------------------- */

static void usage(Lang lang) {
    fputs(lang == LANG_EN
              ? "Usage: enjeux analyze SCENARIO [--format text|json] [--lang fr|en]\n"
                "                      [--max-states N] [--runs N] [--seed N]\n"
                "Explores every reachable state of SCENARIO (a scenario.json or its folder) and reports\n"
                "coverage, dead ends, playthroughs, probabilities, scoring balance and teaching quality.\n"
                "Past N states (default 5000000) it plays --runs random playthroughs instead.\n"
              : "Usage" NB ": enjeux analyze SCÉNARIO [--format text|json] [--lang fr|en]\n"
                "                       [--max-states N] [--runs N] [--seed N]\n"
                "Explore chaque état atteignable de SCÉNARIO (un scenario.json ou son dossier) et rend\n"
                "compte de la couverture, des impasses, des parcours, des probabilités, de l'équilibre\n"
                "des scores et de la qualité pédagogique. Au-delà de N états (5000000 par défaut), il joue\n"
                "--runs parties au hasard à la place.\n",
          stderr);
}

static bool parse_u64(const char *s, uint64_t *out) {
    if (!s || !*s || *s == '-') return false;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) return false;
    *out = (uint64_t)v;
    return true;
}

static void print_diags(DiagList *dl) {
    char *text = diag_list_format_text(dl);
    if (text) fputs(text, stderr);
    free(text);
}

int cli_analyze(int argc, char **argv) {
    Lang lang = lang_from_env();
    bool json = false;
    const char *path = NULL;
    AnalysisOptions opt = {0, 0, 1, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint64_t *target = NULL;
        if (strcmp(a, "--format") == 0 && v) {
            if (strcmp(v, "json") == 0)
                json = true;
            else if (strcmp(v, "text") != 0) {
                fprintf(stderr, "%s\n", tr(lang, "--format attend text ou json.", "--format expects text or json."));
                return 2;
            }
            i++;
        } else if (strcmp(a, "--lang") == 0 && v) {
            if (!lang_parse(v, &lang)) {
                fprintf(stderr, "%s\n", tr(lang, "--lang attend fr ou en.", "--lang expects fr or en."));
                return 2;
            }
            i++;
        } else if (strcmp(a, "--max-states") == 0 && v) {
            target = &opt.max_states;
        } else if (strcmp(a, "--runs") == 0 && v) {
            target = &opt.runs;
        } else if (strcmp(a, "--seed") == 0 && v) {
            target = &opt.seed;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(lang);
            return 0;
        } else if (a[0] != '-' && !path) {
            path = a;
        } else {
            fprintf(stderr, lang == LANG_EN ? "Unknown or incomplete option \"%s\".\n" : "Option inconnue ou incomplète " LQ "%s" RQ ".\n", a);
            usage(lang);
            return 2;
        }
        if (target) {
            if (!parse_u64(v, target) || (*target == 0 && target != &opt.seed)) {
                fprintf(stderr, lang == LANG_EN ? "%s expects a positive integer.\n" : "%s attend un entier positif.\n", a);
                return 2;
            }
            i++;
        }
    }
    if (!path) {
        usage(lang);
        return 2;
    }
    char *file = cli_scenario_json(path);
    if (!file) return 1;
    DiagList dl;
    diag_list_init(&dl, lang);
    Framework *fw = NULL;
    Scenario *sc = scenario_load_auto(file, &fw, &dl);
    bool only_framework = dl.errors == 1;
    for (size_t i = 0; i < dl.count; i++)
        if (dl.items[i].severity == DIAG_ERROR && dl.items[i].code != DIAG_FRAMEWORK) only_framework = false;
    if (!sc && !fw && only_framework) {
        /* the framework alone is missing: analyse without it, as play does */
        diag_list_free(&dl);
        diag_list_init(&dl, lang);
        sc = scenario_load(file, NULL, &dl);
        if (sc)
            fprintf(stderr, "%s\n", tr(lang, "note" NB ": référentiel de compétences introuvable, analyse sans lui.",
                                       "note: competency framework not found, analysing without it."));
    }
    if (!sc) {
        print_diags(&dl);
        fprintf(stderr, TRF(lang, "%s" NB ": le scénario a des erreurs, pas d'analyse (corrigez-les, puis relancez).\n",
                           "%s: the scenario has errors, no analysis (fix them, then run again).\n"),
                file);
        free(file);
        diag_list_free(&dl);
        framework_free(fw);
        return 1;
    }
    free(file);
    diag_list_free(&dl);
    Analysis *a = analysis_run(sc, fw, &opt);
    int status = 1;
    if (!a) {
        fprintf(stderr, "%s\n", tr(lang, "Mémoire insuffisante pour l'analyse" NB ": baissez --max-states.",
                                   "Out of memory during the analysis: lower --max-states."));
    } else {
        Out o = {lang, sc, fw, a};
        status = json ? print_json(&o) : print_text(&o);
    }
    analysis_free(a);
    scenario_free(sc);
    framework_free(fw);
    return status;
}
