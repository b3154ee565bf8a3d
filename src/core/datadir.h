/* datadir.h — finding the game's data folder (assets/ and scenarios/).
 *
 * One search serves the window, `enjeux new` and `enjeux report`, in this
 * order: $ENJEUX_DATA_DIR when set (and then only there), the program's own
 * folder, the installed layout relative to the program (`rel_from_exe`:
 * ../share/enjeux on Linux, share/enjeux in the Windows bundle, ../Resources
 * in the macOS app), and last the source tree the program was built from. A
 * folder counts when it holds assets/theme.json.
 */
#ifndef ENJEUX_CORE_DATADIR_H
#define ENJEUX_CORE_DATADIR_H

/* The build gives the `enjeux` target these two; defaults for other builds. */
#ifndef ENJEUX_REL_DATA_DIR
#define ENJEUX_REL_DATA_DIR "../share/enjeux"
#endif
#ifndef ENJEUX_SOURCE_DATA_DIR
#define ENJEUX_SOURCE_DATA_DIR "."
#endif

typedef enum DatadirStatus {
    DATADIR_OK,
    DATADIR_ENV_BAD,   /* ENJEUX_DATA_DIR is set but does not hold assets/theme.json */
    DATADIR_NOT_FOUND, /* no candidate holds it */
    DATADIR_OOM
} DatadirStatus;

/* Searches as above. On DATADIR_OK, *out is the folder with a trailing '/',
 * malloc'd (the caller frees it); otherwise *out is NULL. */
DatadirStatus datadir_find(const char *rel_from_exe, const char *source_dir, char **out);

/* datadir_find with the build's own locations. */
#define DATADIR_FIND(out) datadir_find(ENJEUX_REL_DATA_DIR, ENJEUX_SOURCE_DATA_DIR, (out))

#endif
