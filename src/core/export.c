/* export.c — the export folder and "export all"; see export.h. */
#include "core/export.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/record.h"
#include "core/results.h"

ExportDirStatus export_dir_check(const char *dir, int *err) {
    *err = 0;
    FsKind k = fsutil_kind(dir);
    if (k == FS_KIND_NONE) return EXPORT_DIR_MISSING;
    if (k != FS_KIND_DIR) return EXPORT_DIR_NOT_FOLDER;
    return fsutil_dir_writable(dir, err) ? EXPORT_DIR_OK : EXPORT_DIR_NOT_WRITABLE;
}

/* "<32 hex digits>.json": a play's results file. */
static bool is_play_file(const char *name) {
    if (strlen(name) != 32 + 5 || strcmp(name + 32, ".json") != 0) return false;
    for (int i = 0; i < 32; i++)
        if (!strchr("0123456789abcdef", name[i])) return false;
    return true;
}

static char *read_text(const char *dir, const char *name, size_t *len) {
    char *path = fsutil_join(dir, name), *data = NULL;
    size_t size = 0;
    int e = 0;
    if (path && fsutil_read_file(path, RECORD_MAX_BYTES, &data, len, &size, &e) != FS_OK) data = NULL;
    free(path);
    return data;
}

static bool write_file(const char *dest, const char *name, const char *text, size_t len, ExportSummary *sum,
                       char *err, size_t errlen) {
    char *path = fsutil_join(dest, name);
    int e = ENOMEM;
    bool ok = path && text && fsutil_write_atomic(path, text, len, &e);
    if (!ok)
        snprintf(err, errlen, "%s: %s", path ? path : dest,
                 e == ENOSPC ? "the disk is full; free some space or choose another folder"
                 : e == EROFS ? "the drive is read-only; choose another folder"
                 : e == ENOENT ? "the folder is gone (drive removed?); plug it in again or choose another"
                               : strerror(e));
    else sum->files++;
    if (!ok) sum->errnum = e;
    free(path);
    return ok;
}

typedef struct Play { char name[40]; char *text; size_t len; cJSON *doc; } Play;

/* The plays of `dir` that read as results files (format 2, their own play
 * id); the others are counted in sum->skipped. */
static Play *read_plays(const char *dir, size_t *n, ExportSummary *sum) {
    char **names = NULL;
    size_t count = 0;
    int e = 0;
    *n = 0;
    if (!fsutil_list_dir(dir, &names, &count, &e)) return NULL;
    Play *plays = calloc(count ? count : 1, sizeof *plays);
    for (size_t i = 0; plays && i < count; i++) {
        if (!is_play_file(names[i])) continue;
        Play *p = &plays[*n];
        p->text = read_text(dir, names[i], &p->len);
        p->doc = p->text ? cJSON_ParseWithLength(p->text, p->len) : NULL;
        const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(p->doc, "format");
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(p->doc, "play_id");
        if (!cJSON_IsNumber(fmt) || fmt->valuedouble != RESULTS_FORMAT_VERSION || !cJSON_IsString(id) ||
            strncmp(id->valuestring, names[i], 32) != 0 || id->valuestring[32]) {
            cJSON_Delete(p->doc);
            free(p->text);
            memset(p, 0, sizeof *p);
            sum->skipped++;
            continue;
        }
        snprintf(p->name, sizeof p->name, "%s", names[i]);
        (*n)++;
    }
    fsutil_free_names(names, count);
    return plays;
}

/* The statements of every play (their .xapi.json beside the results), in
 * one array printed as JSON; NULL when memory runs out. */
static char *all_statements(const char *dir, const Play *plays, size_t n) {
    cJSON *all = cJSON_CreateArray();
    for (size_t i = 0; all && i < n; i++) {
        char name[48];
        snprintf(name, sizeof name, "%.32s.xapi.json", plays[i].name);
        size_t len = 0;
        char *text = read_text(dir, name, &len);
        cJSON *arr = text ? cJSON_ParseWithLength(text, len) : NULL;
        free(text);
        while (cJSON_IsArray(arr) && arr->child) cJSON_AddItemToArray(all, cJSON_DetachItemViaPointer(arr, arr->child));
        cJSON_Delete(arr);
    }
    return results_print_json(all, true);
}

bool export_all(const char *results_dir, const char *dest, const char *name, ExportSummary *sum, char *err,
                size_t errlen) {
    memset(sum, 0, sizeof *sum);
    size_t n = 0;
    Play *plays = read_plays(results_dir, &n, sum);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) ok = write_file(dest, plays[i].name, plays[i].text, plays[i].len, sum, err, errlen);
    if (ok && n > 0) {
        cJSON **docs = malloc(n * sizeof *docs);
        for (size_t i = 0; docs && i < n; i++) docs[i] = plays[i].doc;
        char *csv = docs ? results_csv_from_json(docs, n) : NULL;
        free(docs);
        char file[300];
        snprintf(file, sizeof file, "%s.csv", name);
        ok = write_file(dest, file, csv, csv ? strlen(csv) : 0, sum, err, errlen);
        free(csv);
        char *xapi = ok ? all_statements(results_dir, plays, n) : NULL;
        snprintf(file, sizeof file, "%s.xapi.json", name);
        ok = ok && write_file(dest, file, xapi, xapi ? strlen(xapi) : 0, sum, err, errlen);
        free(xapi);
    }
    if (ok) sum->plays = (uint32_t)n;
    for (size_t i = 0; plays && i < n; i++) {
        cJSON_Delete(plays[i].doc);
        free(plays[i].text);
    }
    free(plays);
    return ok;
}
