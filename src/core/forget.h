/* forget.h — `enjeux --forget PROFILE`: deleting a player's data. A
 * profile is an entry of U/profiles.json and its folder U/profiles/<id>/
 * (settings, progress, saves, play records, results, badges): both go,
 * through profiles_delete() (core/profile.h), after counting what the
 * folder holds so that the command can say what it deleted. Copies made
 * elsewhere (an export folder, a Learning Record Store) are not touched:
 * docs/workshop.md says so. */
#ifndef ENJEUX_FORGET_H
#define ENJEUX_FORGET_H

#include <stdbool.h>
#include <stddef.h>

/* What was deleted. */
typedef struct ForgetReport {
    char id[16];              /* the profile's id */
    char pseudonym[128];
    unsigned records, results, badges, other; /* files deleted, by folder */
} ForgetReport;

typedef enum ForgetStatus {
    FORGET_OK,
    FORGET_NOT_FOUND,         /* no profile with that id or pseudonym */
    FORGET_ERROR              /* the list or a file could not be read or deleted: `err` says which */
} ForgetStatus;

/* Deletes the profile named `who` (its id, or its pseudonym) from the user
 * folder `user_dir` (trailing '/'). Fills `rep`; on FORGET_ERROR, `err`
 * says what failed and what to do. */
ForgetStatus forget_profile(const char *user_dir, const char *who, ForgetReport *rep, char *err, size_t errlen);

#endif
