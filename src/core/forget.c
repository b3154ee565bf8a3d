/* forget.c — deleting a profile and all its data; see forget.h. */
#include "core/forget.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/profile.h"

/* Counts the regular files under `dir` (recursively) into *n; symbolic
 * links are counted as files, never followed (a link to a parent folder
 * would loop). */
static void count_files(const char *dir, unsigned *n) {
    char **names = NULL;
    size_t k = 0;
    int e = 0;
    if (!fsutil_list_dir(dir, &names, &k, &e)) return;
    for (size_t i = 0; i < k; i++) {
        char *child = fsutil_join(dir, names[i]);
        if (!child) continue;
        if (!fsutil_has_link(dir, child) && fsutil_is_dir(child)) count_files(child, n);
        else (*n)++;
        free(child);
    }
    fsutil_free_names(names, k);
}

ForgetStatus forget_profile(const char *user_dir, const char *who, ForgetReport *rep, char *err, size_t errlen) {
    memset(rep, 0, sizeof *rep);
    err[0] = '\0';
    ProfileList *pl = calloc(1, sizeof *pl);
    ProfileLoadReport lr;
    if (!pl || !profiles_load(pl, user_dir, &lr)) {
        free(pl);
        snprintf(err, errlen, "out of memory");
        return FORGET_ERROR;
    }
    int index = profiles_find(pl, who);
    if (index < 0) {
        free(pl);
        return FORGET_NOT_FOUND;
    }
    snprintf(rep->id, sizeof rep->id, "%s", pl->items[index].id);
    snprintf(rep->pseudonym, sizeof rep->pseudonym, "%s", pl->items[index].pseudonym);
    char dir[1200];
    if (profile_dir(user_dir, rep->id, dir, sizeof dir)) {
        static const char *const SUB[] = {"records", "results", "badges"};
        unsigned *slot[] = {&rep->records, &rep->results, &rep->badges};
        unsigned all = 0;
        count_files(dir, &all);
        for (int i = 0; i < 3; i++) {
            char *sub = fsutil_join(dir, SUB[i]);
            if (sub) count_files(sub, slot[i]);
            free(sub);
        }
        rep->other = all - rep->records - rep->results - rep->badges;
    }
    int e = 0;
    bool ok = profiles_delete(pl, user_dir, index, &e);
    free(pl);
    if (!ok && e == ELOOP) {
        snprintf(err, errlen, "%sprofiles: is a symbolic link leading out of the user folder; nothing was deleted, "
                              "so as never to delete anything elsewhere. Replace the link with a real folder",
                 user_dir);
        return FORGET_ERROR;
    }
    if (!ok) {
        snprintf(err, errlen, "%s: cannot delete everything (%s); close any program using these files and retry",
                 dir, strerror(e));
        return FORGET_ERROR;
    }
    return FORGET_OK;
}
