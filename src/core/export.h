/* export.h — the export folder (docs/workshop.md): checking a folder the
 * player chose (a USB stick, a shared folder), and "export all": every
 * finished play of a profile written there at once, for a trainer or for
 * the learner's own records.
 *
 * Export all reads the profile's results/ folder (the files written at the
 * end of each play, results.h) and writes into the destination:
 *
 *   <play-id>.json        each play's results, as in results/
 *   <name>.csv            one CSV, one row per play (results_csv_from_json)
 *   <name>.xapi.json      the xAPI statements of every play, in one array
 *
 * Each file is written atomically (fsutil_write_atomic): a failure (drive
 * removed, disk full, read-only) leaves no partial file. */
#ifndef ENJEUX_EXPORT_H
#define ENJEUX_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum ExportDirStatus {
    EXPORT_DIR_OK,
    EXPORT_DIR_MISSING,       /* nothing there (the stick is not plugged in?) */
    EXPORT_DIR_NOT_FOLDER,    /* a file, not a folder */
    EXPORT_DIR_NOT_WRITABLE   /* a folder the game cannot write into (read-only, no permission, full) */
} ExportDirStatus;

/* Whether `dir` can serve as the export folder; *err receives the errno
 * value behind EXPORT_DIR_NOT_WRITABLE (0 otherwise). */
ExportDirStatus export_dir_check(const char *dir, int *err);

typedef struct ExportSummary {
    uint32_t plays;           /* plays exported */
    uint32_t skipped;         /* results files that could not be read (damaged), left out */
    uint32_t files;           /* files written */
    int errnum;               /* on failure: the errno value (ENOSPC, EROFS, ENOENT…), ENOMEM when memory ran out */
} ExportSummary;

/* Writes every play of `results_dir` into the existing folder `dest`, the
 * combined files named `name` + ".csv" / ".xapi.json". With no play, writes
 * nothing and returns true (sum->plays 0). Returns false with a message
 * naming the file and what to do in `err` (English, for logs) and its
 * cause in sum->errnum on the first failure; the files written before it
 * are complete. */
bool export_all(const char *results_dir, const char *dest, const char *name, ExportSummary *sum, char *err,
                size_t errlen);

#endif
