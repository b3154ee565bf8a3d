/* report_json.c — report-data.json: what the window's debrief mode shows,
 * self-contained (texts in French and English, counts, feedback) so that
 * the projector's computer needs neither the results files nor the
 * scenarios. Format documented in docs/report.md and
 * scenarios/schema/report-data.schema.json. */
#include <stdio.h>

#include "core/report.h"
#include "core/strbuf.h"

static void loc(StrBuf *b, const char *key, const LocStr *l) {
    strbuf_puts(b, ",\"");
    strbuf_puts(b, key);
    strbuf_puts(b, "\":");
    if (loc_is_empty(l)) {
        strbuf_puts(b, "null");
        return;
    }
    strbuf_puts(b, "{");
    bool first = true;
    for (int i = 0; i < LANG_COUNT; i++) {
        if (!l->s[i] || !*l->s[i]) continue;
        if (!first) strbuf_puts(b, ",");
        first = false;
        strbuf_json(b, lang_code((Lang)i));
        strbuf_puts(b, ":");
        strbuf_json(b, l->s[i]);
    }
    strbuf_puts(b, "}");
}

static void competency(StrBuf *b, const ReportCompetency *c) {
    strbuf_puts(b, "{\"id\":");
    strbuf_json(b, c->id);
    loc(b, "name", &c->name);
    strbuf_printf(b, ",\"targeted\":%s,\"assessed\":%u,\"median\":", c->targeted ? "true" : "false",
                  (unsigned)c->assessed);
    if (c->median >= 0) strbuf_printf(b, "%d", (int)c->median);
    else strbuf_puts(b, "null");
    const uint32_t *band = c->bands;
    strbuf_puts(b, ",\"bands\":[");
    for (int i = 0; i < 10; i++) strbuf_printf(b, "%s%u", i ? "," : "", (unsigned)band[i]);
    strbuf_puts(b, "],\"mastery\":{");
    for (int m = RM_TO_WORK_ON; m < RM_COUNT; m++)
        strbuf_printf(b, "%s\"%s\":%u", m > RM_TO_WORK_ON ? "," : "", report_mastery_slug((ReportMastery)m),
                      (unsigned)c->mastery[m]);
    strbuf_puts(b, "}}");
}

static const char *const SOURCES[] = {"texts", "missing", "changed"};

static void scenario(StrBuf *b, const ReportScenario *s) {
    strbuf_puts(b, "{\"id\":");
    strbuf_json(b, s->id);
    loc(b, "title", &s->title);
    strbuf_puts(b, ",\"version\":");
    strbuf_json(b, s->version);
    strbuf_printf(b, ",\"level\":%d,\"plays\":%u,\"source\":\"%s\",\"other_version_plays\":%u,\"median_ms\":%u",
                  s->level, (unsigned)s->plays, SOURCES[s->source], (unsigned)s->other_hash, (unsigned)s->median_ms);
    strbuf_puts(b, ",\n\"endings\":[");
    for (uint16_t i = 0; i < s->n_endings; i++) {
        const ReportEnding *e = &s->endings[i];
        strbuf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        strbuf_json(b, e->id);
        strbuf_puts(b, ",\"tone\":");
        strbuf_json(b, e->tone);
        loc(b, "title", &e->title);
        strbuf_puts(b, ",\"count\":");
        strbuf_putu(b, e->count);
        strbuf_puts(b, "}");
    }
    strbuf_puts(b, "],\n\"competencies\":[");
    for (uint16_t i = 0; i < s->n_comps; i++) {
        if (i) strbuf_puts(b, ",");
        competency(b, &s->comps[i]);
    }
    strbuf_puts(b, "],\n\"decisions\":[");
    for (uint32_t i = 0; i < s->n_decisions; i++) {
        const ReportDecision *d = &s->decisions[i];
        strbuf_puts(b, i ? ",\n{\"scene\":" : "\n{\"scene\":");
        strbuf_json(b, d->scene);
        loc(b, "title", &d->title);
        loc(b, "text", &d->text);
        loc(b, "debrief", &d->debrief);
        strbuf_printf(b, ",\"reached\":%u,\"median_ms\":%u,\"choices\":[", (unsigned)d->reached, (unsigned)d->median_ms);
        for (uint16_t c = 0; c < d->n_choices; c++) {
            const ReportChoice *ch = &d->choices[c];
            strbuf_puts(b, c ? ",{\"id\":" : "{\"id\":");
            strbuf_json(b, ch->id);
            loc(b, "text", &ch->text);
            loc(b, "feedback", &ch->feedback);
            loc(b, "principle", &ch->principle);
            strbuf_puts(b, ",\"count\":");
            strbuf_putu(b, ch->count);
            strbuf_puts(b, "}");
        }
        strbuf_puts(b, "]}");
    }
    strbuf_puts(b, "]}");
}

char *report_json(const Report *r) {
    StrBuf b = {0};
    strbuf_printf(&b,
                  "{\"format\":1,\"kind\":\"enjeux-report-data\",\"lang\":\"%s\",\"files\":%u,\"plays\":%u,"
                  "\"duplicates\":%u,\"skipped\":%u,\"bad\":%u,\n\"workshops\":[",
                  lang_code(r->lang), (unsigned)r->files, (unsigned)r->plays, (unsigned)r->duplicates,
                  (unsigned)r->skipped, (unsigned)r->bad);
    for (uint16_t i = 0; i < r->n_workshops; i++) {
        if (i) strbuf_puts(&b, ",");
        strbuf_json(&b, r->workshops[i]);
    }
    strbuf_puts(&b, "],\n\"focus\":[");
    for (uint16_t i = 0; i < r->n_focus; i++) {
        if (i) strbuf_puts(&b, ",");
        strbuf_json(&b, r->comps[r->focus[i]].id);
    }
    strbuf_puts(&b, "],\n\"competencies\":[");
    for (uint16_t i = 0; i < r->n_comps; i++) {
        if (i) strbuf_puts(&b, ",\n");
        competency(&b, &r->comps[i]);
    }
    strbuf_puts(&b, "],\n\"scenarios\":[");
    for (uint16_t i = 0; i < r->n_scenarios; i++) {
        if (i) strbuf_puts(&b, ",\n");
        scenario(&b, &r->scenarios[i]);
    }
    strbuf_puts(&b, "]}\n");
    return strbuf_take(&b);
}
