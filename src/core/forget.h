/* forget.h — deleting a player's data: `enjeux --forget PROFILE` and the
 * profile screens. A profile is an entry of U/profiles.json and its folder
 * U/profiles/<id>/ (settings, progress, saves, play records, results,
 * badges): both go, nothing of the profile stays on the computer. Copies
 * made elsewhere (an export folder, a Learning Record Store) are not
 * touched: docs/workshop.md says so. */
#ifndef ENJEUX_FORGET_H
#define ENJEUX_FORGET_H

#include <stdbool.h>
#include <stddef.h>

/* What was deleted. */
typedef struct ForgetReport {
    char id[16];              /* the profile's id */
    unsigned records, results, badges, other; /* files deleted, by folder */
} ForgetReport;

typedef enum ForgetStatus {
    FORGET_OK,
    FORGET_NOT_FOUND,         /* no profile with that id or pseudonym */
    FORGET_AMBIGUOUS,         /* several profiles share that pseudonym: give the id */
    FORGET_ERROR              /* a file could not be read or deleted: `err` says which */
} ForgetStatus;

/* Deletes the profile named `who` (its 8-hex-digit id, or its pseudonym
 * when only one profile has it) from the user folder `user_dir` (trailing
 * '/'): its folder U/profiles/<id>/ with everything in it, then its entry
 * in U/profiles.json (rewritten atomically; "last" is cleared when it named
 * it). A folder without an entry (a half-deleted profile) is deleted too.
 * Fills `rep`; on FORGET_ERROR, `err` names the file and the reason. */
ForgetStatus forget_profile(const char *user_dir, const char *who, ForgetReport *rep, char *err, size_t errlen);

#endif
