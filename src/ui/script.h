/* script.h — scripted input for tests: a text file of commands, one per
 * line, turned into real SDL events pushed between frames, so a test drives
 * the real binary as a player would.
 *
 *   # comment
 *   key NAME          a key press and release (SDL key names: 1, Return, Escape, Down, Tab, F11),
 *                     with modifiers before it: Shift+Tab, Ctrl+Left, Ctrl+Shift+Tab
 *   text WORDS        the rest of the line typed as text (SDL_TEXTINPUT, UTF-8: accents work)
 *   click X Y         a left click at window coordinates
 *   click @NAME [N%]  a left click at the centre of the widget NAME of the current frame
 *                     (N % across it from its left edge: `click @pseudonym-text 0%`)
 *   wheel up|down [N] N notches (default 1) of the mouse wheel where the pointer is
 *   pad BUTTON        a controller button (a, b, start, dpup, dpdown, dpleft, dpright)
 *   wait [N]          let N frames pass (default 1)
 *   expect SCREEN     fail unless the screen on top is SCREEN (title, library, scene…)
 *   see NAME          fail unless the widget NAME is laid out on the current frame
 *   focus NAME        fail unless the keyboard focus is on the widget NAME
 *   setting KEY VALUE fail unless the live setting KEY (as written in settings.json)
 *                     is VALUE, e.g. `setting text_size 200`, `setting language "en"`
 *   expect-place ID   fail unless the play is at the scene (or ending) ID
 *   expect-widget NAME  fail unless the widget NAME is visible in the current frame
 *   sleep MS          wait MS milliseconds of real time (timers: the --dev file watch)
 *   copy SRC DST      replace the file DST by a copy of SRC, atomically (an editor saving)
 *   shot FILE         save the current frame as a PNG file (to look at a screen in a given state)
 *   quit              end the game
 *
 * A failed `expect` or an unknown widget stops the game with exit status 1
 * and a message naming the script's line. */
#ifndef ENJEUX_UI_SCRIPT_H
#define ENJEUX_UI_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Script Script;
struct App;

/* Reads the script at `path`; NULL with a message in `err` on failure. */
Script *script_load(const char *path, char *err, size_t errlen);

/* Accepts NULL. */
void script_free(Script *s);

typedef enum ScriptStatus { SCRIPT_MORE, SCRIPT_DONE, SCRIPT_FAILED } ScriptStatus;

/* Runs the next command against the app (pushes its events). Returns
 * SCRIPT_FAILED with a message in `err` when the command cannot be
 * carried out. */
ScriptStatus script_step(Script *s, struct App *app, char *err, size_t errlen);

#endif
