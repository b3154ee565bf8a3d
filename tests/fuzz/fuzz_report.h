/* fuzz_report.h — checks shared by the targets that read what the class
 * report reads (fuzz_results, fuzz_report_data): a report's own
 * consistency, its three writers' output, and report-data.json read back;
 * fuzz_check and fuzz_valid_utf8 serve every target. */
#ifndef ENJEUX_FUZZ_REPORT_H
#define ENJEUX_FUZZ_REPORT_H

#include <stdbool.h>

#include "core/report.h"

/* Aborts (a crash the fuzzer reports) naming `what` when !ok. */
void fuzz_check(int ok, const char *what);

/* Whether `s` is valid UTF-8 (the invariant of every text a target checks). */
bool fuzz_valid_utf8(const char *s);

/* Medians within 0..100 or none, focus indices valid and distinct; with
 * `from_results` (a report made by report_finish, not read from data)
 * also: score bands adding up to the plays assessed, and a median exactly
 * when some play was assessed. */
void fuzz_report_check(const Report *r, bool from_results);

/* Runs report_html, report_csv and report_json as `enjeux report` does and
 * checks their output: UTF-8 everywhere; in the page, no tag but the
 * writer's own (text from files escaped); in the CSV, nine fields a row
 * and no cell starting like a formula. */
void fuzz_report_write(const Report *r, const char *inputs);

/* Writes report-data.json, reads it back with report_data_parse (as the
 * debrief mode reads the file) and writes it again: it must read without
 * error and, when `exact`, give the same bytes; otherwise the second
 * writing must be a fixed point (read and written again: the same). */
void fuzz_report_round_trip(const Report *r, bool exact);

#endif
