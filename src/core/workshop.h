/* workshop.h — the workshop file (docs/workshop.md): what an institution
 * sets once for a room of computers, in a small JSON file:
 *
 *   {
 *     "format": 1,
 *     "code": "LYON-2026-11",                 workshop code written in every record
 *     "export_dir": "/media/usb/enjeux",      where results are also copied
 *     "xapi_home_page": "https://lms.example.org",  the xAPI actor's account homePage
 *     "issuer": {                             who issues the badges
 *       "id": "https://example.org/issuers/ia", "name": "…", "url": "…", "email": "…"
 *     }
 *   }
 *
 * Every field but "format" is optional. Loaded by the game from --workshop
 * FILE, else workshop.json in the user folder. */
#ifndef ENJEUX_WORKSHOP_H
#define ENJEUX_WORKSHOP_H

#include <stdbool.h>
#include <stddef.h>

enum { WORKSHOP_FORMAT_VERSION = 1, WORKSHOP_MAX_BYTES = 64 * 1024 };

/* Field sizes (bytes with the NUL). */
enum { WORKSHOP_CODE_MAX = 64, WORKSHOP_TEXT_MAX = 512 };

typedef struct Workshop {
    char code[WORKSHOP_CODE_MAX];        /* upper case; empty when none */
    char export_dir[WORKSHOP_TEXT_MAX];  /* empty when none */
    char xapi_home_page[WORKSHOP_TEXT_MAX];
    char issuer_id[WORKSHOP_TEXT_MAX];   /* empty: badges name the default issuer */
    char issuer_name[WORKSHOP_TEXT_MAX];
    char issuer_url[WORKSHOP_TEXT_MAX];
    char issuer_email[WORKSHOP_TEXT_MAX];
} Workshop;

/* A workshop code holds 1 to WORKSHOP_CODE_LEN characters among A-Z a-z
 * 0-9 - _ . (it goes into file contents, file names and spreadsheets); it
 * is stored in upper case, so that "lyon-1" typed on one computer and
 * "LYON-1" on another group together. */
enum { WORKSHOP_CODE_LEN = 32 };

typedef enum WorkshopCodeCheck {
    WCODE_OK,        /* a code, cleaned */
    WCODE_EMPTY,     /* nothing but spaces: no code */
    WCODE_TOO_LONG,  /* more than WORKSHOP_CODE_LEN characters */
    WCODE_BAD_CHAR   /* a character outside the set: `bad` names it */
} WorkshopCodeCheck;

/* Cleans a code typed or read: surrounding spaces removed, letters upper
 * case, into `out` (WORKSHOP_CODE_MAX bytes; "" unless WCODE_OK). On
 * WCODE_BAD_CHAR, `bad` receives the first offending UTF-8 character (a
 * space shows as " "). */
WorkshopCodeCheck workshop_code_clean(const char *typed, char out[WORKSHOP_CODE_MAX], char bad[5]);

/* True when `code` is a usable workshop code as it is (workshop_code_clean
 * gives WCODE_OK, whatever the case of its letters). */
bool workshop_code_valid(const char *code);

/* Parses a workshop file's text into `w` (zeroed first). Returns false with
 * a message "name:line:column: what is wrong; what to do" in `err`. */
bool workshop_parse(const char *name, const char *text, size_t len, Workshop *w, char *err, size_t errlen);

/* Reads and parses the file at `path`; same contract. */
bool workshop_load(const char *path, Workshop *w, char *err, size_t errlen);

#endif
