/* paths.h — where the game finds its data (assets/, scenarios/) and where it
 * keeps the player's data (saves, results).
 *
 * Data: $ENJEUX_DATA_DIR when set, else the folder of the binary (or its
 * share/enjeux sibling) when it holds assets/, else the source tree the build
 * came from (ENJEUX_SOURCE_DATA_DIR). User data: $ENJEUX_USER_DIR when set,
 * else SDL_GetPrefPath("enjeux", "enjeux"). */
#ifndef ENJEUX_UI_PATHS_H
#define ENJEUX_UI_PATHS_H

#include <stdbool.h>
#include <stddef.h>

enum { PATH_MAX_LEN = 1024 };

/* Finds the data folder; writes it (with a trailing '/') into `out`. Returns
 * false with a message in `err` when no folder holding assets/theme.json is
 * found. */
bool paths_find_data(char *out, size_t outlen, char *err, size_t errlen);

/* Finds or creates the user folder (trailing '/'); false with `err` when it
 * cannot be created. */
bool paths_find_user(char *out, size_t outlen, char *err, size_t errlen);

/* Creates `dir` and its parents when missing; true when it exists after. */
bool paths_mkdirs(const char *dir);

/* True when `path` names an existing regular file. */
bool paths_is_file(const char *path);

/* The absolute, canonical form of an existing path (symbolic links and
 * "." / ".." resolved), newly malloc'd: the caller frees it. NULL when the
 * path does not exist or memory runs out. Two spellings of one file give
 * the same string. */
char *paths_canonical(const char *path);

#endif
