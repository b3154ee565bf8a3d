/* forget.c — deleting a profile and all its data; see forget.h. */
#include "core/forget.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"

static bool is_id(const char *s) {
    if (strlen(s) != 8) return false;
    for (int i = 0; i < 8; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    return true;
}

static void count(const char *rel, void *ctx) {
    ForgetReport *rep = ctx;
    if (strncmp(rel, "records/", 8) == 0) rep->records++;
    else if (strncmp(rel, "results/", 8) == 0) rep->results++;
    else if (strncmp(rel, "badges/", 7) == 0) rep->badges++;
    else rep->other++;
}

ForgetStatus forget_profile(const char *user_dir, const char *who, ForgetReport *rep, char *err, size_t errlen) {
    memset(rep, 0, sizeof *rep);
    err[0] = '\0';
    char list[2048], dir[2048];
    snprintf(list, sizeof list, "%sprofiles.json", user_dir);
    char *data = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    cJSON *root = NULL;
    FsStatus st = fsutil_read_file(list, 1u << 20, &data, &len, &size, &e);
    if (st == FS_OK) {
        root = cJSON_ParseWithLength(data, len);
        free(data);
        if (!cJSON_IsObject(root)) {
            cJSON_Delete(root);
            snprintf(err, errlen, "%s: not a valid profile list; repair or delete it by hand", list);
            return FORGET_ERROR;
        }
    } else if (!(st == FS_IO_ERROR && e == ENOENT)) {
        snprintf(err, errlen, "%s: cannot read it (%s)", list, st == FS_TOO_LARGE ? "too large" : strerror(e));
        return FORGET_ERROR;
    }
    cJSON *profiles = root ? cJSON_GetObjectItem(root, "profiles") : NULL;
    int found = -1, matches = 0, index = 0;
    cJSON *p;
    cJSON_ArrayForEach(p, profiles) {
        const cJSON *id = cJSON_GetObjectItem(p, "id"), *ps = cJSON_GetObjectItem(p, "pseudonym");
        bool by_id = cJSON_IsString(id) && strcmp(id->valuestring, who) == 0;
        bool by_name = cJSON_IsString(ps) && strcmp(ps->valuestring, who) == 0;
        if (by_id) {
            found = index;
            matches = 1;
            break;
        }
        if (by_name) {
            found = index;
            matches++;
        }
        index++;
    }
    if (matches > 1) {
        cJSON_Delete(root);
        return FORGET_AMBIGUOUS;
    }
    const char *id = NULL;
    if (found >= 0) id = cJSON_GetObjectItem(cJSON_GetArrayItem(profiles, found), "id")->valuestring;
    else if (is_id(who)) id = who; /* a folder left without its entry */
    if (!id || !is_id(id)) {
        cJSON_Delete(root);
        return FORGET_NOT_FOUND;
    }
    snprintf(rep->id, sizeof rep->id, "%s", id);
    snprintf(dir, sizeof dir, "%sprofiles/%s", user_dir, id);
    bool had_dir = fsutil_is_dir(dir);
    if (found < 0 && !had_dir) {
        cJSON_Delete(root);
        return FORGET_NOT_FOUND;
    }
    if (had_dir && !fsutil_remove_tree(dir, count, rep, &e)) {
        snprintf(err, errlen, "%s: cannot delete everything in it (%s); close any program using it and retry",
                 dir, strerror(e));
        cJSON_Delete(root);
        return FORGET_ERROR;
    }
    ForgetStatus status = FORGET_OK;
    if (found >= 0) {
        const cJSON *last = cJSON_GetObjectItem(root, "last");
        if (cJSON_IsString(last) && strcmp(last->valuestring, rep->id) == 0) cJSON_DeleteItemFromObject(root, "last");
        cJSON_DeleteItemFromArray(profiles, found);
        char *text = cJSON_Print(root);
        size_t n = text ? strlen(text) : 0;
        char *out = text ? malloc(n + 2) : NULL;
        if (out) {
            memcpy(out, text, n);
            out[n] = '\n';
        }
        if (!out || !fsutil_write_atomic(list, out, n + 1, &e)) {
            snprintf(err, errlen, "%s: the profile's folder is deleted, but its entry could not be removed (%s)",
                     list, out ? strerror(e) : "out of memory");
            status = FORGET_ERROR;
        }
        free(out);
        cJSON_free(text);
    }
    cJSON_Delete(root);
    return status;
}
