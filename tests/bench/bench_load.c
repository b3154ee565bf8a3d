/* bench_load.c — loading and validation speed on a big scenario.
 *
 * Generates a realistic 5,000-scene scenario (three choices per scene,
 * conditions, effects, evidence, chance outcomes, routes, events, French
 * and English text), writes it to a file, then times scenario_load() —
 * reading, parsing, building the model, every check — as the median of
 * several runs (CPU time of the process, and wall time), and reports the
 * peak memory (ru_maxrss). Pin it to one core: taskset -c 1 build/…
 * Target (issue 2): under 50 ms and under 64 MB.
 *
 * usage: bench_load [FRAMEWORK.json] [SCENES] [RUNS]
 * BENCH_KEEP=1 keeps the generated bench_load_scenario.json (to profile
 * it: valgrind --tool=callgrind --toggle-collect=scenario_load …).
 * Run from the repository root to check competencies against
 * tests/fixtures/competencies.json (the default). Not a CTest test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/diag.h"
#include "core/framework.h"
#include "core/scenario.h"
#include "bench.h"

static const char *const COMPETENCIES[] = {"protection-donnees", "proportionnalite", "supervision-humaine",
                                           "transparence"};
enum { N_METERS = 6, N_FLAGS = 32, N_COUNTERS = 4, N_CHARACTERS = 8, N_EVENTS = 16, N_ENDINGS = 8 };

static void text(BenchText *o, const char *what, unsigned i) {
    bench_put(o,
            "{\"fr\": \"%s %u\u202f: l'équipe attend votre décision sur l'outil.\", "
            "\"en\": \"%s %u: the team awaits your decision on the tool.\"}",
            what, i, what, i);
}

static void target(BenchText *o, unsigned scene, unsigned n_scenes, unsigned step) {
    unsigned next = scene + step;
    if (next >= n_scenes)
        bench_put(o, "\"fin-%u\"", scene % N_ENDINGS);
    else
        bench_put(o, "\"s%u\"", next);
}

static char *generate(unsigned n_scenes, size_t *len) {
    BenchText o = bench_text();
    if (!o.s) return NULL;
    bench_put(&o, "{\n  \"format\": 1, \"id\": \"bench\", \"version\": \"1.0.0\",\n  \"title\": ");
    text(&o, "Titre", 0);
    bench_put(&o, ",\n  \"summary\": ");
    text(&o, "Résumé", 0);
    bench_put(&o, ",\n  \"sector\": {\"fr\": \"Santé\", \"en\": \"Health\"}, \"level\": 2, \"minutes\": 600,\n"
                "  \"languages\": [\"fr\", \"en\"], \"authors\": [\"bench\"], \"licence\": \"CC0-1.0\",\n"
                "  \"competencies\": [\"%s\", \"%s\", \"%s\", \"%s\"],\n",
            COMPETENCIES[0], COMPETENCIES[1], COMPETENCIES[2], COMPETENCIES[3]);
    bench_put(&o, "  \"tool\": {\"name\": {\"fr\": \"Outil\", \"en\": \"Tool\"}, \"description\": ");
    text(&o, "Outil", 0);
    bench_put(&o, ", \"kind\": \"generative\", \"provider\": \"ACME\", \"risk\": \"high\"},\n  \"role\": ");
    text(&o, "Rôle", 0);
    bench_put(&o, ",\n  \"context\": ");
    text(&o, "Contexte", 0);
    bench_put(&o, ",\n  \"meters\": [");
    for (unsigned m = 0; m < N_METERS; m++)
        bench_put(&o, "%s\n    {\"id\": \"m%u\", \"label\": {\"fr\": \"Jauge %u\", \"en\": \"Meter %u\"}, "
                    "\"min\": 0, \"max\": 100, \"initial\": 50, \"good\": \"%s\"}",
                m ? "," : "", m, m, m, m % 2 ? "low" : "high");
    bench_put(&o, "\n  ],\n  \"flags\": [");
    for (unsigned f = 0; f < N_FLAGS; f++) bench_put(&o, "%s{\"id\": \"f%u\"}", f ? ", " : "", f);
    bench_put(&o, "],\n  \"counters\": [");
    for (unsigned c = 0; c < N_COUNTERS; c++) bench_put(&o, "%s{\"id\": \"k%u\", \"initial\": 0}", c ? ", " : "", c);
    bench_put(&o, "],\n  \"characters\": [");
    for (unsigned c = 0; c < N_CHARACTERS; c++)
        bench_put(&o, "%s\n    {\"id\": \"p%u\", \"name\": \"Personne %u\", \"role\": {\"fr\": \"Rôle\", \"en\": \"Role\"}}",
                c ? "," : "", c, c);
    bench_put(&o, "\n  ],\n  \"start\": \"s0\",\n  \"scenes\": [");
    for (unsigned s = 0; s < n_scenes; s++) {
        bench_put(&o, "%s\n    {\"id\": \"s%u\", \"act\": %u, \"speaker\": \"p%u\",\n      \"title\": {\"fr\": \"Scène %u\", "
                    "\"en\": \"Scene %u\"},\n      \"text\": ",
                s ? "," : "", s, s / 1000 + 1, s % N_CHARACTERS, s, s);
        text(&o, "Scène", s);
        bench_put(&o, ",\n      \"choices\": [\n");
        /* 1: plain, sets a flag, evidence, goes on. */
        bench_put(&o, "        {\"id\": \"a\", \"text\": ");
        text(&o, "Choix A", s);
        bench_put(&o, ",\n         \"effects\": {\"meters\": {\"m%u\": 5, \"m%u\": -3}, \"flags\": {\"f%u\": true}, "
                    "\"evidence\": {\"%s\": 2, \"%s\": 1}%s},\n         \"feedback\": {\"text\": ",
                s % N_METERS, (s + 1) % N_METERS, s % N_FLAGS, COMPETENCIES[s % 4], COMPETENCIES[(s + 1) % 4],
                s % 50 == 0 ? ", \"schedule\": [\"e0\", \"e1\"]" : "");
        text(&o, "Retour A", s);
        bench_put(&o, ", \"principle\": {\"fr\": \"Principe\", \"en\": \"Principle\"}, \"reference\": "
                    "{\"fr\": \"RGPD, art. 35\", \"en\": \"GDPR, Art. 35\"}},\n         \"next\": ");
        target(&o, s, n_scenes, 1);
        /* 2: conditional, routes. */
        bench_put(&o, "},\n        {\"id\": \"b\", \"text\": ");
        text(&o, "Choix B", s);
        bench_put(&o, ",\n         \"condition\": {\"meter\": \"m%u\", \"op\": \">=\", \"value\": 20}, \"unavailable\": "
                    "\"hide\",\n         \"effects\": {\"meters\": {\"m%u\": -10}, \"counters\": {\"k%u\": 1}, "
                    "\"evidence\": {\"%s\": -1}},\n         \"feedback\": {\"text\": ",
                s % N_METERS, (s + 2) % N_METERS, s % N_COUNTERS, COMPETENCIES[(s + 2) % 4]);
        text(&o, "Retour B", s);
        bench_put(&o, "},\n         \"next\": [{\"if\": {\"all\": [{\"flag\": \"f%u\"}, {\"counter\": \"k%u\", \"op\": "
                    "\"<\", \"value\": 3}]}, \"goto\": ",
                (s + 3) % N_FLAGS, s % N_COUNTERS);
        if (s % 50 == 7) /* early endings, for players in a hurry */
            bench_put(&o, "\"fin-%u\"", (s / 50) % N_ENDINGS);
        else
            target(&o, s, n_scenes, 2);
        bench_put(&o, "}, {\"goto\": ");
        target(&o, s, n_scenes, 1);
        /* 3: disabled with a reason, chance outcomes. */
        bench_put(&o, "}]},\n        {\"id\": \"c\", \"text\": ");
        text(&o, "Choix C", s);
        bench_put(&o, ",\n         \"condition\": {\"any\": [{\"not\": {\"flag\": \"f%u\"}}, {\"meter\": \"m%u\", \"op\": "
                    "\"<\", \"value\": 80}]},\n         \"reason\": {\"fr\": \"Pas maintenant.\", \"en\": \"Not now.\"},\n"
                    "         \"effects\": {\"flags\": {\"f%u\": false}, \"evidence\": {\"%s\": 1}},\n"
                    "         \"feedback\": {\"text\": ",
                s % N_FLAGS, (s + 4) % N_METERS, (s + 5) % N_FLAGS, COMPETENCIES[(s + 3) % 4]);
        text(&o, "Retour C", s);
        bench_put(&o, "},\n         \"next\": ");
        target(&o, s, n_scenes, 1);
        bench_put(&o, ",\n         \"chance\": [{\"id\": \"ok\", \"probability\": 0.75, \"feedback\": {\"text\": "
                    "{\"fr\": \"Ça passe.\", \"en\": \"It works.\"}}},\n           {\"id\": \"ko\", \"probability\": "
                    "0.25, \"effects\": {\"meters\": {\"m%u\": -15}}, \"feedback\": {\"text\": {\"fr\": \"Ça casse.\", "
                    "\"en\": \"It breaks.\"}}, \"next\": ",
                (s + 5) % N_METERS);
        target(&o, s, n_scenes, 3);
        bench_put(&o, "}]}\n      ]}");
    }
    bench_put(&o, "\n  ],\n  \"events\": [");
    for (unsigned e = 0; e < N_EVENTS; e++) {
        bench_put(&o, "%s\n    {\"id\": \"e%u\", \"when\": {\"all\": [{\"after\": %u}, {\"meter\": \"m%u\", \"op\": "
                    "\"<\", \"value\": 40}]}, \"text\": ",
                e ? "," : "", e, e + 1, e % N_METERS);
        text(&o, "Événement", e);
        bench_put(&o, ", \"effects\": {\"meters\": {\"m%u\": -5}", e % N_METERS);
        if (e >= 1 && e + 1 < N_EVENTS) bench_put(&o, ", \"schedule\": [\"e%u\"]", e + 1);
        bench_put(&o, "}}");
    }
    /* Every event is scheduled: e0 and e1 by choices, the rest by events. */
    bench_put(&o, "\n  ],\n  \"endings\": [");
    for (unsigned e = 0; e < N_ENDINGS; e++) {
        bench_put(&o, "%s\n    {\"id\": \"fin-%u\", \"title\": {\"fr\": \"Fin %u\", \"en\": \"End %u\"}, \"text\": ",
                e ? "," : "", e, e, e);
        text(&o, "Fin", e);
        bench_put(&o, ", \"tone\": \"%s\"}", e % 3 == 0 ? "positive" : e % 3 == 1 ? "mixed" : "negative");
    }
    bench_put(&o, "\n  ]\n}\n");
    *len = o.len;
    return o.s;
}

static double clock_ms(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    const char *fw_path = argc > 1 ? argv[1] : "tests/fixtures/competencies.json";
    unsigned n_scenes = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 5000;
    int runs = argc > 3 ? atoi(argv[3]) : 9;
    if (runs < 1 || runs > 1000) runs = 9;
    size_t len;
    char *text_buf = generate(n_scenes, &len);
    if (!text_buf) return 1;
    const char *path = "bench_load_scenario.json";
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text_buf, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "bench_load: cannot write %s\n", path);
        return 1;
    }
    free(text_buf);

    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Framework *fw = framework_load(fw_path, &dl);
    if (!fw) fprintf(stderr, "bench_load: no framework (%s): competencies not checked\n", fw_path);
    diag_list_free(&dl);

    double times[1000], cpu[1000];
    long faults = 0;
    int status = 0;
    for (int r = 0; r < runs; r++) {
        diag_list_init(&dl, LANG_EN);
        struct rusage before, after;
        getrusage(RUSAGE_SELF, &before);
        double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
        Scenario *sc = scenario_load(path, fw, &dl);
        getrusage(RUSAGE_SELF, &after);
        faults = after.ru_minflt - before.ru_minflt;
        cpu[r] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        times[r] = clock_ms(CLOCK_MONOTONIC) - t0;
        if (!sc || dl.count) {
            char *s = diag_list_format_text(&dl);
            fprintf(stderr, "bench_load: the generated scenario is not clean (%zu errors, %zu warnings):\n%.4000s",
                    dl.errors, dl.warnings, s ? s : "");
            free(s);
            status = 1;
        }
        if (r == 0 && sc)
            printf("scenario: %u scenes, %u conditions nodes, %zu bytes of JSON, arena %zu KiB\n", sc->n_scenes,
                   sc->n_conds, len, sc->arena.total / 1024);
        scenario_free(sc);
        diag_list_free(&dl);
        if (status) break;
    }
    framework_free(fw);
    if (!getenv("BENCH_KEEP")) remove(path);
    if (status) return status;
    qsort(times, (size_t)runs, sizeof times[0], bench_cmp_double);
    qsort(cpu, (size_t)runs, sizeof cpu[0], bench_cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double median = cpu[runs / 2];
    double peak_mb = (double)ru.ru_maxrss / 1024.0;
    /* CPU time is what one core spends; wall time also counts the waits
     * when other processes share the machine (see `uptime`). */
    printf("load + validation, CPU time: median %.1f ms (min %.1f, max %.1f) over %d runs\n", median, cpu[0],
           cpu[runs - 1], runs);
    printf("load + validation, wall time: median %.1f ms (min %.1f, max %.1f)\n", times[runs / 2], times[0],
           times[runs - 1]);
    printf("peak memory (ru_maxrss): %.1f MB; page faults in the last load: %ld\n", peak_mb, faults);
    printf("target: < 50 ms and < 64 MB: %s\n", median < 50.0 && peak_mb < 64.0 ? "met" : "NOT MET");
    return median < 50.0 && peak_mb < 64.0 ? 0 : 2;
}
