/* fuzz_report.c — see fuzz_report.h. */
#include "fuzz_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

void fuzz_check(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "invariant broken: %s\n", what);
        abort();
    }
}

bool fuzz_valid_utf8(const char *s) {
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_sequence_length(s + i, len - i);
        if (!n) return false;
        i += n;
    }
    return true;
}

static void check_comp(const ReportCompetency *c, bool from_results) {
    fuzz_check(c->median >= -1 && c->median <= 100, "a median score within 0..100 or none");
    if (!from_results) return;
    uint32_t banded = 0;
    for (int i = 0; i < 10; i++) banded += c->bands[i];
    fuzz_check(banded == c->assessed, "the score bands add up to the plays assessed");
    fuzz_check((c->median >= 0) == (c->assessed > 0), "a median exactly when a play was assessed");
}

void fuzz_report_check(const Report *r, bool from_results) {
    for (uint16_t i = 0; i < r->n_comps; i++) check_comp(&r->comps[i], from_results);
    for (uint16_t i = 0; i < r->n_scenarios; i++)
        for (uint16_t k = 0; k < r->scenarios[i].n_comps; k++) check_comp(&r->scenarios[i].comps[k], from_results);
    fuzz_check(r->n_focus <= REPORT_FOCUS_MAX, "at most three competencies to work on");
    for (uint16_t i = 0; i < r->n_focus; i++) {
        fuzz_check(r->focus[i] < r->n_comps, "a competency to work on exists");
        for (uint16_t j = 0; j < i; j++) fuzz_check(r->focus[i] != r->focus[j], "each competency proposed once");
    }
}

/* The tags report_html writes; any other one would come from a file. */
static const char *const TAGS[] = {"article", "b", "body", "code", "div", "footer", "h1", "h2", "h3", "h4",
                                   "head", "header", "html", "li", "line", "main", "meta", "ol", "p", "rect",
                                   "section", "span", "style", "svg", "text", "title", "ul", NULL};

static void check_html(const char *html) {
    fuzz_check(fuzz_valid_utf8(html), "the page is UTF-8");
    for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
        const char *name = p + 1;
        if (*name == '/') name++;
        if (strncasecmp(p, "<!DOCTYPE", 9) == 0) continue;
        size_t n = 0;
        while ((name[n] >= 'a' && name[n] <= 'z') || (name[n] >= '0' && name[n] <= '9')) n++;
        bool known = false;
        for (int i = 0; TAGS[i] && !known; i++) known = strlen(TAGS[i]) == n && strncmp(TAGS[i], name, n) == 0;
        if (!known) fprintf(stderr, "unknown tag at: %.40s\n", p);
        fuzz_check(known, "no markup from a file in the page");
    }
}

/* RFC 4180 as a spreadsheet reads it: nine fields a record; a cell a
 * spreadsheet would evaluate starts with = + - @ or a tab/CR. */
static void check_csv(const char *csv) {
    fuzz_check(fuzz_valid_utf8(csv), "the CSV is UTF-8");
    const char *p = csv;
    int records = 0;
    while (*p) {
        int fields = 0;
        for (;;) {
            fields++;
            const char *start = p;
            if (*p == '"') {
                p++;
                start = p;
                for (;;) {
                    fuzz_check(*p != '\0', "a quoted CSV cell is closed");
                    if (p[0] == '"' && p[1] == '"') p += 2;
                    else if (p[0] == '"') break;
                    else p++;
                }
                p++;
            } else {
                while (*p && *p != ',' && *p != '\r' && *p != '\n') {
                    fuzz_check(*p != '"', "no quote inside an unquoted CSV cell");
                    p++;
                }
            }
            fuzz_check(!strchr("=+-@\t\r", *start) || start == p, "no CSV cell a spreadsheet runs as a formula");
            if (*p == ',') {
                p++;
                continue;
            }
            break;
        }
        fuzz_check(p[0] == '\r' && p[1] == '\n', "a CSV record ends with CRLF");
        p += 2;
        fuzz_check(fields == 9, "nine fields in every CSV record");
        records++;
    }
    fuzz_check(records >= 1, "the CSV has its header");
}

void fuzz_report_write(const Report *r, const char *inputs) {
    char *html = report_html(r, inputs);
    if (html) check_html(html);
    free(html);
    char *csv = report_csv(r);
    if (csv) check_csv(csv);
    free(csv);
    char *json = report_json(r);
    if (json) fuzz_check(fuzz_valid_utf8(json), "report data is UTF-8");
    free(json);
}

/* report_json(r) read back and written again; NULL when out of memory. */
static char *rewrite(const char *json, Lang lang) {
    DiagList dl;
    diag_list_init(&dl, lang);
    Report *back = report_data_parse("report-data.json", json, strlen(json), lang, &dl);
    if (!back && dl.errors) {
        char *why = diag_list_format_text(&dl);
        fprintf(stderr, "%s\n", why ? why : "");
        free(why);
    }
    fuzz_check(back != NULL && dl.errors == 0, "report data the game wrote reads back without error");
    fuzz_report_check(back, false);
    char *again = report_json(back);
    report_destroy(back);
    diag_list_free(&dl);
    return again;
}

void fuzz_report_round_trip(const Report *r, bool exact) {
    char *json = report_json(r);
    if (!json) return;
    char *again = rewrite(json, r->lang);
    if (again && exact) fuzz_check(strcmp(json, again) == 0, "report data reads back to the same bytes");
    if (again && !exact) {
        char *third = rewrite(again, r->lang);
        if (third) fuzz_check(strcmp(again, third) == 0, "report data written again is a fixed point");
        free(third);
    }
    free(again);
    free(json);
}
