/* fuzz_report_data.c — fuzz target: report-data.json as the window's
 * debrief mode (`enjeux --debrief FILE`) reads it (report_data_parse, which
 * report_data_load calls on the file's bytes). What reads must be
 * consistent (focus within the competencies, medians within 0..100), go
 * through the report's writers, and write out data that reads back to a
 * fixed point; what does not read must say why. */
#include <stdint.h>
#include <stdlib.h>

#include "core/report.h"
#include "fuzz_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Lang lang = size % 2 ? LANG_EN : LANG_FR;
    DiagList dl;
    diag_list_init(&dl, lang);
    Report *r = report_data_parse("report-data.json", (const char *)data, size, lang, &dl);
    if (r) {
        fuzz_check(dl.errors == 0, "report data read without error");
        fuzz_report_check(r, false);
        fuzz_report_write(r, NULL);
        fuzz_report_round_trip(r, false);
        report_destroy(r);
    } else {
        fuzz_check(dl.errors > 0 || dl.dropped > 0, "report data refused says why");
    }
    diag_list_free(&dl);
    return 0;
}
