/* framework.c — the competency framework loader and its own checks (levels
 * 1 to 3, thresholds, unique ids, domains that exist); see framework.h. */
#include "core/framework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jreader.h"
#include "core/scenario.h"

enum { FRAMEWORK_MAX_ITEMS = 1024, FRAMEWORK_MAX_DOMAINS = 64, FRAMEWORK_MAX_ALIGNMENTS = 32 };

static const char *const TOP_KEYS[] = {"$schema", "format", "id", "version", "title", "levels",
                                       "thresholds", "domains", "competencies", NULL};
static const char *const LEVEL_KEYS[] = {"level", "name", NULL};
static const char *const THRESHOLD_KEYS[] = {"acquired", "in_progress", NULL};
static const char *const DOMAIN_KEYS[] = {"id", "name", NULL};
static const char *const ITEM_KEYS[] = {"id", "level", "domain", "name", "description", "alignments", NULL};
static const char *const ALIGN_KEYS[] = {"framework", "code", "name", "url", NULL};

/* The list member `key`, reporting empty and over-long lists. */
static const JNode *get_list(JReader *r, const JNode *obj, const char *key, bool required, size_t max,
                             size_t *n) {
    *n = 0;
    const JNode *arr = jreader_get(r, obj, key, JT_ARRAY, required);
    if (!arr) return NULL;
    size_t count = (size_t)jdom_count(arr);
    size_t mark = jreader_push(r, key);
    if (count == 0 && required) {
        jreader_report(r, DIAG_EMPTY_LIST, false, key, NULL, NULL, NULL);
    } else if (count > max) {
        char a[24], b[24];
        snprintf(a, sizeof a, "%zu", count);
        snprintf(b, sizeof b, "%zu", max);
        jreader_report(r, DIAG_LIMIT, false, key, a, b, NULL);
        count = 0;
    }
    jreader_pop(r, mark);
    *n = count;
    return count ? arr : NULL;
}

/* Reports a duplicate id at the current element's "id", the first one
 * being element `j` of the top-level list `list`. */
static void report_dup(JReader *r, const char *list, size_t j, const char *id) {
    char path[64];
    snprintf(path, sizeof path, "/%s/%zu", list, j);
    jreader_report_duplicate(r, "id", path, id);
}

static void load_levels(JReader *r, const JNode *root, Framework *fw) {
    size_t n;
    const JNode *arr = get_list(r, root, "levels", true, 3, &n);
    if (!arr) return;
    size_t mark = jreader_push(r, "levels"), i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(r, i);
        if (jreader_expect(r, c, JT_OBJECT, "levels")) {
            jreader_check_keys(r, c, LEVEL_KEYS);
            int32_t level = 0;
            LocStr name;
            bool ok = jreader_int(r, c, "level", true, 1, 3, &level);
            jreader_text(r, c, "name", true, false, &name);
            if (ok) fw->level_names[level - 1] = name;
        }
        jreader_pop(r, m2);
    }
    jreader_pop(r, mark);
}

static void load_thresholds(JReader *r, const JNode *root, Framework *fw) {
    const JNode *t = jreader_get(r, root, "thresholds", JT_OBJECT, true);
    if (!t) return;
    size_t mark = jreader_push(r, "thresholds");
    jreader_check_keys(r, t, THRESHOLD_KEYS);
    int32_t acq = 0, prog = 0;
    bool ok = jreader_int(r, t, "acquired", true, INT32_MIN, INT32_MAX, &acq);
    ok &= jreader_int(r, t, "in_progress", true, INT32_MIN, INT32_MAX, &prog);
    if (ok && !(0 <= prog && prog < acq && acq <= 100)) {
        char a[24], b[24];
        snprintf(a, sizeof a, "%d", (int)prog);
        snprintf(b, sizeof b, "%d", (int)acq);
        jreader_report(r, DIAG_BAD_THRESHOLDS, false, a, b, NULL, NULL);
    } else if (ok) {
        fw->acquired = (uint8_t)acq;
        fw->in_progress = (uint8_t)prog;
    }
    jreader_pop(r, mark);
}

static void load_domains(JReader *r, const JNode *root, Framework *fw) {
    size_t n;
    const JNode *arr = get_list(r, root, "domains", true, FRAMEWORK_MAX_DOMAINS, &n);
    if (!arr) return;
    fw->domains = arena_alloc(&fw->arena, n * sizeof *fw->domains);
    if (!fw->domains) return;
    size_t mark = jreader_push(r, "domains"), i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(r, i);
        if (jreader_expect(r, c, JT_OBJECT, "domains")) {
            jreader_check_keys(r, c, DOMAIN_KEYS);
            Domain *d = &fw->domains[i];
            d->id = jreader_id(r, c, "id", true);
            jreader_text(r, c, "name", true, false, &d->name);
            for (size_t j = 0; d->id && j < i; j++)
                if (fw->domains[j].id && strcmp(fw->domains[j].id, d->id) == 0) {
                    report_dup(r, "domains", j, d->id);
                    break;
                }
        }
        jreader_pop(r, m2);
    }
    fw->n_domains = (uint16_t)n;
    jreader_pop(r, mark);
}

static void load_alignments(JReader *r, const JNode *item, Competency *cp, Arena *arena) {
    size_t n;
    const JNode *arr = get_list(r, item, "alignments", false, FRAMEWORK_MAX_ALIGNMENTS, &n);
    if (!arr) return;
    cp->alignments = arena_alloc(arena, n * sizeof *cp->alignments);
    if (!cp->alignments) return;
    size_t mark = jreader_push(r, "alignments"), i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(r, i);
        if (jreader_expect(r, c, JT_OBJECT, "alignments")) {
            Alignment *a = &cp->alignments[i];
            jreader_check_keys(r, c, ALIGN_KEYS);
            a->framework = jreader_str(r, c, "framework", true, true);
            a->code = jreader_str(r, c, "code", true, true);
            jreader_text(r, c, "name", false, false, &a->name);
            a->url = jreader_str(r, c, "url", false, true);
        }
        jreader_pop(r, m2);
    }
    cp->n_alignments = (uint16_t)n;
    jreader_pop(r, mark);
}

static void load_items(JReader *r, const JNode *root, Framework *fw) {
    size_t n;
    const JNode *arr = get_list(r, root, "competencies", true, FRAMEWORK_MAX_ITEMS, &n);
    if (!arr) return;
    fw->items = arena_alloc(&fw->arena, n * sizeof *fw->items);
    if (!fw->items) return;
    size_t mark = jreader_push(r, "competencies"), i = 0;
    for (const JNode *c = arr->child; c; c = c->next, i++) {
        size_t m2 = jreader_push_index(r, i);
        if (jreader_expect(r, c, JT_OBJECT, "competencies")) {
            Competency *cp = &fw->items[i];
            jreader_check_keys(r, c, ITEM_KEYS);
            cp->id = jreader_id(r, c, "id", true);
            for (size_t j = 0; cp->id && j < i; j++)
                if (fw->items[j].id && strcmp(fw->items[j].id, cp->id) == 0) {
                    report_dup(r, "competencies", j, cp->id);
                    break;
                }
            int32_t level = 0;
            if (jreader_int(r, c, "level", true, 1, 3, &level)) cp->level = (uint8_t)level;
            cp->domain = jreader_id(r, c, "domain", true);
            if (cp->domain) {
                bool found = false;
                for (uint16_t d = 0; d < fw->n_domains && !found; d++)
                    found = fw->domains[d].id && strcmp(fw->domains[d].id, cp->domain) == 0;
                if (!found) {
                    size_t m3 = jreader_push(r, "domain");
                    jreader_report(r, DIAG_FRAMEWORK_REF, false, cp->domain, NULL, NULL, NULL);
                    jreader_pop(r, m3);
                }
            }
            jreader_text(r, c, "name", true, false, &cp->name);
            jreader_text(r, c, "description", true, false, &cp->description);
            load_alignments(r, c, cp, &fw->arena);
        }
        jreader_pop(r, m2);
    }
    fw->n_items = (uint16_t)n;
    jreader_pop(r, mark);
}

static Framework *load(const char *path, const char *data, size_t len, DiagList *dl) {
    Framework *fw = calloc(1, sizeof *fw);
    if (!fw) return NULL;
    arena_init(&fw->arena);
    fw->path = arena_strdup(&fw->arena, path ? path : "");
    JReader r;
    size_t first_diag = dl->count;
    jreader_init(&r, dl, fw->path ? fw->path : "", &fw->arena);
    r.want_en = true;
    bool ok = fw->path != NULL;
    if (ok) {
        if (data)
            jreader_set_buffer(&r, data, len);
        else
            ok = jreader_read_file(&r, LIMIT_FILE_BYTES);
    }
    JNode *root = ok ? jreader_parse(&r, LIMIT_FILE_BYTES) : NULL;
    if (root && jreader_expect(&r, root, JT_ROOT, "/")) {
        jreader_check_keys(&r, root, TOP_KEYS);
        int32_t format = 0;
        if (jreader_int(&r, root, "format", true, INT32_MIN, INT32_MAX, &format) && format != 1) {
            char a[24];
            snprintf(a, sizeof a, "%d", (int)format);
            size_t mark = jreader_push(&r, "format");
            jreader_report(&r, DIAG_BAD_FORMAT_VERSION, false, a, NULL, NULL, NULL);
            jreader_pop(&r, mark);
        }
        fw->id = jreader_id(&r, root, "id", true);
        fw->version = jreader_str(&r, root, "version", true, true);
        jreader_text(&r, root, "title", true, false, &fw->title);
        load_levels(&r, root, fw);
        load_thresholds(&r, root, fw);
        load_domains(&r, root, fw);
        load_items(&r, root, fw);
    }
    bool failed = !root || r.errors > 0;
    jreader_free(&r);
    diag_list_sort(dl, first_diag);
    if (failed) {
        framework_free(fw);
        return NULL;
    }
    return fw;
}

Framework *framework_load(const char *path, DiagList *dl) { return load(path, NULL, 0, dl); }

Framework *framework_load_buffer(const char *path, const char *data, size_t len, DiagList *dl) {
    return load(path, data ? data : "", data ? len : 0, dl);
}

void framework_free(Framework *fw) {
    if (!fw) return;
    arena_release(&fw->arena);
    free(fw);
}

int32_t framework_find(const Framework *fw, const char *id) {
    if (!fw || !id) return -1;
    for (uint16_t i = 0; i < fw->n_items; i++)
        if (fw->items[i].id && strcmp(fw->items[i].id, id) == 0) return i;
    return -1;
}
