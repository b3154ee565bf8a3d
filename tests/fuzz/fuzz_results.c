/* fuzz_results.c — fuzz target: a results file as `enjeux report` reads it
 * (report_add_buffer, which report_add_file calls on the file's bytes),
 * given twice as two machines would, then the report completed against the
 * fixture scenarios (tests/fixtures/valid: the kitchen-sink scenario's texts
 * are attached when the file's content hash matches) and written by the
 * three writers the command uses.
 *
 * Invariants: the same play read twice counts once; the counters add up;
 * a broken file is reported; medians, bands and mastery counts agree with
 * the plays; the HTML page is UTF-8 with no markup from the file; every CSV
 * row has the header's nine fields and no cell a spreadsheet would run as a
 * formula; and report-data.json, read back the way `enjeux --debrief` reads
 * it, writes out byte for byte the same. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "fuzz_report.h"

#ifndef ENJEUX_FUZZ_SCENARIOS
#define ENJEUX_FUZZ_SCENARIOS "tests/fixtures/valid"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_counts(const Report *r) {
    fuzz_check(r->plays + r->duplicates + r->skipped + r->bad == r->files, "every file counted once");
    uint32_t plays = 0;
    for (uint16_t i = 0; i < r->n_scenarios; i++) {
        const ReportScenario *s = &r->scenarios[i];
        plays += s->plays;
        fuzz_check(s->other_hash <= s->plays, "plays on another version within the plays");
        uint32_t ends = 0;
        for (uint16_t e = 0; e < s->n_endings; e++) ends += s->endings[e].count;
        fuzz_check(ends <= s->plays, "no more endings than plays");
        for (uint32_t d = 0; d < s->n_decisions; d++) {
            uint32_t chosen = 0;
            for (uint16_t c = 0; c < s->decisions[d].n_choices; c++) chosen += s->decisions[d].choices[c].count;
            fuzz_check(chosen == s->decisions[d].reached, "a decision's choices add up to its count");
        }
    }
    fuzz_check(plays == r->plays, "the scenarios' plays add up to the report's");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Report *r = report_create(size % 2 ? LANG_EN : LANG_FR);
    if (!r) return 0;
    const char *text = (const char *)data;
    ReportAdd first = report_add_buffer(r, "a/results/play.json", text, size);
    size_t diags = r->diags.count + r->diags.dropped;
    fuzz_check(first != REPORT_BAD || diags > 0, "a broken file is reported");
    fuzz_check(first == REPORT_BAD || diags == 0 || r->diags.errors == 0, "an accepted file has no error");
    ReportAdd second = report_add_buffer(r, "b/results/play.json", text, size);
    if (first == REPORT_ADDED) fuzz_check(second == REPORT_DUPLICATE, "the same play twice counts once");
    else if (first != REPORT_OOM) fuzz_check(second == first, "the same bytes read the same way twice");
    if (first == REPORT_OOM || second == REPORT_OOM) {
        report_destroy(r);
        return 0;
    }
    fuzz_check(r->files == 2, "two files read");
    check_counts(r);
    if (report_finish(r, ENJEUX_FUZZ_SCENARIOS)) {
        check_counts(r);
        fuzz_report_check(r, true);
        fuzz_report_write(r, "a/results/play.json");
        fuzz_report_round_trip(r, true);
    }
    report_destroy(r);
    return 0;
}
