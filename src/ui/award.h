/* award.h — badges at the end of a play: for each course level whose badge
 * the play earns, writes beside the results, in the profile's badges/
 * folder (and the export folder when set):
 *
 *   <play-id>-badge-N<level>.png    the badge, with the pseudonym and the date
 *   <play-id>-badge-N<level>.json   the unsigned Open Badges 3.0 credential
 *                                   (core/badge.h), the PNG embedded
 *
 * The PNG is drawn with SDL_ttf on a software surface and saved with
 * IMG_SavePNG, atomically (temporary file, sync, rename). */
#ifndef ENJEUX_UI_AWARD_H
#define ENJEUX_UI_AWARD_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/game.h"

/* Writes the badge files of the finished play of `g` (nothing when it earns
 * none). `fonts_dir` holds Inter-*.otf (trailing '/'). Returns false with a
 * message in `err` on the first failure, and in *io_err the errno value of
 * a failed write (0 when drawing failed). */
bool award_write(Game *g, const char *fonts_dir, char *err, size_t errlen, int *io_err);

/* The PNG path of level `level`'s badge of the current play into `out`;
 * false when the play has not earned it or the file is missing. */
bool award_png_path(const Game *g, int level, char *out, size_t outlen);

#endif
