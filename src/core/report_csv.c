/* report_csv.c — the class report as CSV for spreadsheets: one row per
 * scenario and item, in a long format that pivot tables take as it is
 * (docs/report.md lists the kinds of rows). */
#include <stdio.h>

#include "core/report.h"
#include "core/strbuf.h"

static void row(StrBuf *b, const char *scenario, const char *kind, const char *item, const char *sub,
                uint32_t count, uint32_t total, int64_t value, const char *label) {
    strbuf_csv(b, scenario);
    strbuf_puts(b, ",");
    strbuf_csv(b, kind);
    strbuf_puts(b, ",");
    strbuf_csv(b, item);
    strbuf_puts(b, ",");
    strbuf_csv(b, sub);
    strbuf_puts(b, ",");
    strbuf_putu(b, count);
    strbuf_puts(b, ",");
    strbuf_putu(b, total);
    strbuf_puts(b, ",");
    strbuf_putu(b, report_percent(count, total));
    strbuf_puts(b, ",");
    if (value >= 0) strbuf_putu(b, (uint64_t)value);
    strbuf_puts(b, ",");
    strbuf_csv(b, label);
    strbuf_puts(b, "\r\n");
}

static void comp_rows(StrBuf *b, const Report *r, const char *scenario, const ReportCompetency *c, uint32_t plays) {
    const char *name = loc_get(&c->name, r->lang, NULL);
    row(b, scenario, "competency", c->id, c->targeted ? "targeted" : "", c->assessed, plays, c->median, name);
    const uint32_t *band = c->bands;
    for (int i = 0; i < 10; i++) {
        char sub[16];
        snprintf(sub, sizeof sub, "%d-%d", i * 10, i == 9 ? 100 : i * 10 + 9);
        row(b, scenario, "score_band", c->id, sub, band[i], c->assessed, -1, name);
    }
    for (int m = RM_TO_WORK_ON; m < RM_COUNT; m++)
        row(b, scenario, "mastery", c->id, report_mastery_slug((ReportMastery)m), c->mastery[m], c->assessed, -1, name);
}

char *report_csv(const Report *r) {
    StrBuf b = {0};
    strbuf_puts(&b, "scenario,kind,item,sub,count,total,percent,value,label\r\n");
    for (uint16_t i = 0; i < r->n_scenarios; i++) {
        const ReportScenario *s = &r->scenarios[i];
        row(&b, s->id, "plays", "", "", s->plays, r->plays, -1, loc_get(&s->title, r->lang, NULL));
        row(&b, s->id, "median_time_ms", "", "", s->plays, s->plays, s->median_ms, "");
        uint32_t ends = 0;
        for (uint16_t k = 0; k < s->n_endings; k++) ends += s->endings[k].count;
        for (uint16_t k = 0; k < s->n_endings; k++)
            row(&b, s->id, "ending", s->endings[k].id, s->endings[k].tone, s->endings[k].count, ends, -1,
                loc_get(&s->endings[k].title, r->lang, NULL));
        for (uint32_t k = 0; k < s->n_decisions; k++) {
            const ReportDecision *d = &s->decisions[k];
            row(&b, s->id, "decision", d->scene, "", d->reached, s->plays, d->median_ms,
                loc_get(&d->title, r->lang, NULL));
            for (uint16_t c = 0; c < d->n_choices; c++)
                row(&b, s->id, "choice", d->scene, d->choices[c].id, d->choices[c].count, d->reached, -1,
                    loc_get(&d->choices[c].text, r->lang, NULL));
        }
        for (uint16_t c = 0; c < s->n_comps; c++) comp_rows(&b, r, s->id, &s->comps[c], s->plays);
    }
    for (uint16_t c = 0; c < r->n_comps; c++) comp_rows(&b, r, "*", &r->comps[c], r->plays);
    for (uint16_t k = 0; k < r->n_focus; k++) {
        const ReportCompetency *c = &r->comps[r->focus[k]];
        row(&b, "*", "focus", c->id, "", c->mastery[RM_ACQUIRED], c->assessed, k + 1,
            loc_get(&c->name, r->lang, NULL));
    }
    return strbuf_take(&b);
}
