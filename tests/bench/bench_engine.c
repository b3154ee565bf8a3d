/* bench_engine.c — decisions per second of the engine on random
 * playthroughs of a generated scenario: 10 acts × 20 decisions × 3 options
 * with 3 meters (200 decisions a play), the scale of issue 3's target
 * (≥ 4,000,000 decisions/s on one core, memory flat over 1,000,000 plays).
 *
 * Usage: bench_engine [PLAYS_FOR_MEMORY (default 1000000)] [RUNS (default 5)]
 * Prints the median rate of RUNS timed batches, then RSS before and after
 * PLAYS_FOR_MEMORY playthroughs on one session (session_reset between
 * plays). Built by CMake, not registered as a test: run it by hand on an
 * optimised build (see tests/bench/README.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/engine.h"
#include "core/rng.h"
#include "core/scenario.h"
#include "bench.h"

enum { ACTS = 10, PER_ACT = 20, OPTIONS = 3, BATCH_PLAYS = 20000 };

/* The generated scenario: each decision has a cautious option (evidence
 * +2, costs budget), a middle one (+1) and a shortcut (−1, gains budget,
 * lowers trust); the cautious one needs budget ≥ 10. Every act schedules
 * an event that fires two decisions later. Endings by trust. */
static char *generate(size_t *len) {
    BenchText t = bench_text();
    bench_put(&t, "{\"format\": 1, \"id\": \"bench\", \"version\": \"1.0.0\",\n"
            "\"title\": {\"fr\": \"Banc d'essai\", \"en\": \"Benchmark\"},\n"
            "\"summary\": {\"fr\": \"Scénario généré.\", \"en\": \"Generated scenario.\"},\n"
            "\"sector\": {\"fr\": \"Test\", \"en\": \"Test\"}, \"level\": 1, \"minutes\": 60,\n"
            "\"languages\": [\"fr\", \"en\"], \"authors\": [\"bench\"], \"licence\": \"CC0-1.0\",\n"
            "\"competencies\": [\"prudence\", \"transparence\"],\n"
            "\"tool\": {\"name\": \"Outil\", \"description\": \"Un outil.\", \"kind\": \"other\", \"provider\": \"X\", \"risk\": \"minimal\"},\n"
            "\"role\": \"Rôle.\", \"context\": \"Contexte.\",\n"
            "\"meters\": [\n"
            "  {\"id\": \"budget\", \"label\": \"Budget\", \"min\": 0, \"max\": 100, \"initial\": 50, \"good\": \"high\"},\n"
            "  {\"id\": \"confiance\", \"label\": \"Confiance\", \"min\": 0, \"max\": 100, \"initial\": 50, \"good\": \"high\"},\n"
            "  {\"id\": \"empreinte\", \"label\": \"Empreinte\", \"min\": 0, \"max\": 100, \"initial\": 10, \"good\": \"low\"}],\n"
            "\"flags\": [{\"id\": \"alerte\"}],\n"
            "\"start\": \"s-1-1\",\n\"scenes\": [\n");
    for (int a = 1; a <= ACTS; a++)
        for (int d = 1; d <= PER_ACT; d++) {
            char next[32];
            if (d < PER_ACT)
                snprintf(next, sizeof next, "\"s-%d-%d\"", a, d + 1);
            else if (a < ACTS)
                snprintf(next, sizeof next, "\"s-%d-1\"", a + 1);
            else
                snprintf(next, sizeof next, "null");
            const char *last_routes =
                "[{\"if\": {\"meter\": \"confiance\", \"op\": \">=\", \"value\": 60}, \"goto\": \"fin-bonne\"},"
                " {\"if\": {\"meter\": \"confiance\", \"op\": \">=\", \"value\": 30}, \"goto\": \"fin-moyenne\"},"
                " {\"goto\": \"fin-mauvaise\"}]";
            const char *nx = strcmp(next, "null") == 0 ? last_routes : next;
            char sched[40] = "";
            if (d == 1) snprintf(sched, sizeof sched, ", \"schedule\": [\"ev-%02d\"]", a);
            bench_put(&t,
                "%s{\"id\": \"s-%d-%d\", \"act\": %d, \"text\": \"Décision %d de l'acte %d.\", \"choices\": [\n"
                "  {\"id\": \"prudent\", \"text\": \"Prudent\", \"condition\": {\"meter\": \"budget\", \"op\": \">=\", \"value\": 10},"
                " \"reason\": \"Budget insuffisant.\","
                " \"effects\": {\"meters\": {\"budget\": -4, \"confiance\": 3}, \"evidence\": {\"prudence\": 2, \"transparence\": 1}%s},"
                " \"feedback\": {\"text\": \"Prudent.\"}, \"next\": %s},\n"
                "  {\"id\": \"moyen\", \"text\": \"Moyen\", \"effects\": {\"meters\": {\"budget\": -1, \"empreinte\": 1}, \"evidence\": {\"prudence\": 1}},"
                " \"feedback\": {\"text\": \"Moyen.\"}, \"next\": %s},\n"
                "  {\"id\": \"raccourci\", \"text\": \"Raccourci\", \"effects\": {\"meters\": {\"budget\": 5, \"confiance\": -4, \"empreinte\": 2},"
                " \"evidence\": {\"prudence\": -1, \"transparence\": -1}, \"flags\": {\"alerte\": true}}, \"feedback\": {\"text\": \"Raccourci.\"}, \"next\": %s}]}\n",
                (a == 1 && d == 1) ? "" : ",", a, d, a, d, a,
                sched, nx, nx, nx);
        }
    bench_put(&t, "],\n\"events\": [\n");
    for (int a = 1; a <= ACTS; a++)
        bench_put(&t, "%s{\"id\": \"ev-%02d\", \"when\": {\"any\": [{\"after\": 2}, {\"flag\": \"alerte\"}]}, \"text\": \"Événement.\","
                " \"effects\": {\"meters\": {\"confiance\": -1}, \"flags\": {\"alerte\": false}}}\n",
            a == 1 ? "" : ",", a);
    bench_put(&t, "],\n\"endings\": [\n"
            "  {\"id\": \"fin-bonne\", \"title\": \"Bonne\", \"text\": \"Bonne fin.\", \"tone\": \"positive\"},\n"
            "  {\"id\": \"fin-moyenne\", \"title\": \"Moyenne\", \"text\": \"Fin moyenne.\", \"tone\": \"mixed\"},\n"
            "  {\"id\": \"fin-mauvaise\", \"title\": \"Mauvaise\", \"text\": \"Mauvaise fin.\", \"tone\": \"negative\"}]}\n");
    *len = t.len;
    return t.s;
}

static double now(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Resident set size in KiB (Linux /proc), 0 elsewhere. */
static long rss_kib(void) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    long kib = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) kib = strtol(line + 6, NULL, 10);
    fclose(f);
    return kib;
}

static uint64_t play_batch(Session *s, Rng *picker, uint64_t *mix, uint64_t plays, uint64_t *endings) {
    uint64_t decisions = 0;
    for (uint64_t i = 0; i < plays; i++) {
        session_reset(s, rng_splitmix64(mix));
        while (session_choose_random(s, picker)) decisions++;
        if (session_is_over(s)) endings[session_ending_index(s)]++;
    }
    return decisions;
}

int main(int argc, char **argv) {
    uint64_t memory_plays = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 99) runs = 5;
    size_t len = 0;
    char *json = generate(&len);
    Scenario *sc = bench_load_generated(json, len);
    if (!sc) return 1;
    printf("scenario: %u scenes, %u endings, %u meters, %u events\n", (unsigned)sc->n_scenes,
           (unsigned)sc->n_endings, (unsigned)sc->n_meters, (unsigned)sc->n_events);

    Session *s = session_create(sc, NULL, 0, LANG_FR);
    Rng picker;
    rng_seed(&picker, 7);
    uint64_t mix = 1, endings[4] = {0};
    play_batch(s, &picker, &mix, 1000, endings); /* warm-up: history at full size */

    double rates[99], cpu_rates[99];
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        clock_t c0 = clock();
        uint64_t d = play_batch(s, &picker, &mix, BATCH_PLAYS, endings);
        double dt = now() - t0;
        double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
        rates[r] = (double)d / dt;
        cpu_rates[r] = (double)d / cpu;
        printf("run %d: %llu decisions in %.3f s = %.0f decisions/s (%.0f per CPU second)\n", r + 1,
               (unsigned long long)d, dt, rates[r], cpu_rates[r]);
    }
    printf("median: %.0f decisions/s wall clock, %.0f per CPU second (target 4000000)\n", bench_median(rates, runs),
           bench_median(cpu_rates, runs));

    long before = rss_kib();
    double t0 = now();
    clock_t c0 = clock();
    uint64_t d = play_batch(s, &picker, &mix, memory_plays, endings);
    double dt = now() - t0;
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    long after = rss_kib();
    printf("%llu playthroughs, %llu decisions in %.1f s (%.0f decisions/s, %.0f per CPU second)\n",
           (unsigned long long)memory_plays, (unsigned long long)d, dt, (double)d / dt, (double)d / cpu);
    printf("RSS: %ld KiB before, %ld KiB after (%+ld KiB)\n", before, after, after - before);
    printf("endings: good %llu, mixed %llu, bad %llu\n", (unsigned long long)endings[0],
           (unsigned long long)endings[1], (unsigned long long)endings[2]);
    session_destroy(s);
    scenario_free(sc);
    return 0;
}
