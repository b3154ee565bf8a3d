/* profile.h — the players of one computer: a list of profiles, each a
 * pseudonym (no personal data) with its own folder of player data.
 *
 * Layout under the user folder U (docs/profiles.md):
 *   U/profiles.json            {"format":1,"last":"<id>","profiles":[{"id","pseudonym","created"}]}
 *   U/profiles/<id>/           the profile's folder: profile.json (a copy of
 *                              its entry, so a damaged list can be rebuilt),
 *                              settings.json, progress.json, saves/, records/,
 *                              results/, badges/
 * Every write is atomic (fsutil_write_atomic). A damaged profiles.json is
 * moved aside (profiles.json.damaged) and the list rebuilt from the
 * profiles' folders; no folder is ever removed except by profiles_delete().
 * Messages are the caller's: functions return codes and facts. */
#ifndef ENJEUX_PROFILE_H
#define ENJEUX_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum {
    PROFILE_ID_LEN = 8,         /* lowercase hex digits */
    PROFILE_PSEUDO_MAX = 32,    /* characters (code points) */
    PROFILE_PSEUDO_BYTES = 4 * PROFILE_PSEUDO_MAX + 1,
    PROFILE_MAX = 1000,         /* profiles on one computer (a workshop laptop over years) */
    PROFILES_MAX_BYTES = 1024 * 1024, /* largest profiles.json read; larger is damaged */
    PROFILE_FORMAT = 1
};

typedef struct Profile {
    char id[PROFILE_ID_LEN + 1];
    char pseudonym[PROFILE_PSEUDO_BYTES];
    char created[32];           /* ISO 8601 UTC, "" when unknown */
} Profile;

typedef struct ProfileList {
    Profile items[PROFILE_MAX];
    int n;
    char last[PROFILE_ID_LEN + 1];  /* the profile picked last, "" for none */
} ProfileList;

typedef enum ProfileLoadStatus {
    PROFILES_LOADED,            /* read as written */
    PROFILES_NONE,              /* no profiles.json yet (rebuilt from folders when any) */
    PROFILES_RECOVERED          /* damaged: moved aside, list rebuilt from folders */
} ProfileLoadStatus;

typedef struct ProfileLoadReport {
    ProfileLoadStatus status;
    char backup[1100];          /* RECOVERED: where the damaged file was moved ("" when it could not be) */
    uint32_t line, col;         /* RECOVERED by a syntax error: where (0 otherwise) */
    int adopted;                /* folders found on disk and added to the list */
    int over_limit;             /* entries past PROFILE_MAX left out (their folders are kept) */
} ProfileLoadReport;

typedef enum PseudoCheck {
    PSEUDO_OK,
    PSEUDO_EMPTY,
    PSEUDO_TOO_LONG,            /* more than PROFILE_PSEUDO_MAX characters */
    PSEUDO_BAD_CHAR,            /* a character outside letters, digits, space and - _ . ' ’ */
    PSEUDO_DUPLICATE,           /* another profile has it (case and accents of capitals ignored) */
    PSEUDO_FULL                 /* PROFILE_MAX profiles already */
} PseudoCheck;

/* Reads U/profiles.json (`user_dir` ends with '/'). A missing file gives an
 * empty list (PROFILES_NONE); a damaged one (not JSON, wrong shape) is
 * moved aside and reported (PROFILES_RECOVERED). In both cases and after a
 * clean read, profile folders on disk that the list lacks are added back
 * (from their profile.json, or with their id as pseudonym), and the list is
 * written back when it changed. Entries with a bad id are dropped, without
 * touching any folder. Returns false only when memory runs out. */
bool profiles_load(ProfileList *pl, const char *user_dir, ProfileLoadReport *rep);

/* Writes U/profiles.json atomically. False with *err (errno value). */
bool profiles_save(const ProfileList *pl, const char *user_dir, int *err);

/* Checks a pseudonym typed by a player: trims spaces at both ends and
 * collapses runs of spaces into `clean` (room for PROFILE_PSEUDO_BYTES),
 * then checks length, characters (letters including accented Latin ones,
 * digits, space, - _ . ' ’) and that no other profile of `pl` has it.
 * `bad` (may be NULL) receives the first refused character as UTF-8. */
PseudoCheck profile_check_pseudonym(const ProfileList *pl, const char *raw, char *clean, char bad[5]);

/* Creates a profile: checks the pseudonym, draws an id not in use from
 * `entropy` (the caller's randomness: ids need not be secret, only
 * distinct), creates its folder with profile.json, makes it the last
 * profile and saves the list. Returns its index, or -1 with *why (a
 * refused pseudonym) or *err (an errno value; *why is PSEUDO_OK then). */
int profiles_create(ProfileList *pl, const char *user_dir, const char *pseudonym, uint64_t entropy,
                    time_t now, PseudoCheck *why, int *err);

/* Makes profile `index` the last one picked and saves the list. */
bool profiles_pick(ProfileList *pl, const char *user_dir, int index, int *err);

/* Deletes profile `index`: its whole folder U/profiles/<id>/ with all its
 * data, then its entry (the list is saved). When the folder cannot be
 * removed entirely the entry is kept, and false is returned with *err.
 * Refused with ELOOP when U/profiles is a symbolic link: a removal never
 * reaches outside the user folder (the profile's own folder being a link,
 * only the link is removed). */
bool profiles_delete(ProfileList *pl, const char *user_dir, int index, int *err);

/* Index of the profile with this id, or (when `id` is not an id) with
 * this pseudonym, -1 when none. */
int profiles_find(const ProfileList *pl, const char *id_or_pseudonym);

/* The profile's folder U/profiles/<id>/ (trailing '/') into `out`; false
 * when it does not fit. */
bool profile_dir(const char *user_dir, const char *id, char *out, size_t outlen);

/* Moves player data written before profiles existed (U/saves/current.json,
 * the files of U/results/, U/records/, U/badges/) into profile folder
 * `pdir`, never overwriting a file the profile already has. Returns how
 * many files were moved. */
int profile_adopt_legacy(const char *user_dir, const char *pdir);

/* `t` as ISO 8601 UTC "2026-11-22T03:04:05Z" into `out` (room for 21). */
void profile_format_time(time_t t, char out[32]);

#endif
