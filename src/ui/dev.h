/* dev.h — live authoring (`enjeux --dev SCENARIO`): the scenario is
 * reloaded whenever its file, its competency framework or one of its images
 * is saved, the play is replayed with the same choices so the author stays
 * at the same scene, validator errors are shown on screen (screen_dev_error)
 * until the file is fixed, and F1 opens the developer overlay (screen_dev):
 * the session's state, jump to any scene, undo, replay, reload.
 *
 * Watching costs nothing at idle: an SDL timer posts an event twice a
 * second and the loop stats the watched files (a few stat calls); nothing
 * is drawn unless something changed. */
#ifndef ENJEUX_UI_DEV_H
#define ENJEUX_UI_DEV_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"

typedef struct App App;
typedef struct Dev Dev;

enum { DEV_POLL_MS = 500 };

/* Starts dev mode on library entry `index` (already loaded, possibly with
 * errors): no play record nor results, the save in a "dev/" folder of the
 * user folder (never the player's profile), starts the watch timer, and
 * shows the first scene or the error screen. At each ending, the line of
 * choices and the final meters are printed on standard output. Returns false when out of memory or the timer cannot start
 * (a message is printed). */
bool dev_start(App *app, int index);

/* Frees the dev state and stops its timer. Accepts NULL. */
void dev_destroy(Dev *d);

/* Handles the dev mode's own events before the screens: the watch timer's
 * tick (reload when a watched file changed), F1 (overlay) and F5 (reload).
 * Returns true when the event was consumed. */
bool dev_handle_event(App *app, const SDL_Event *ev);

/* Reloads the scenario now and replays the play's choices as far as they
 * still hold; on errors shows the error screen and keeps the last good
 * scenario. */
void dev_reload(App *app);

/* Undoes the last decision; false when there is none. */
bool dev_undo(App *app);

/* Restarts the play from the start with the same seed and choices. */
void dev_replay(App *app);

/* Plays the shortest line of choices (with the play's seed) from the start
 * to scene `scene`; false (with a notice) when none is found. */
bool dev_jump(App *app, uint32_t scene);

/* The diagnostics of the last reload (errors shown by screen_dev_error). */
const DiagList *dev_diags(const App *app);

/* "2 erreurs, 1 avertissement" for `dl` (NULL: none) in the interface's
 * language, singular and plural as they should be, into `out`. */
void dev_count_text(char *out, size_t outlen, const DiagList *dl);

/* A one-line status: the file watched, the number of reloads, the last
 * reload's time. Written into `out`. */
void dev_status(const App *app, char *out, size_t outlen);

#endif
