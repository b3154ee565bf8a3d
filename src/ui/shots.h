/* shots.h — the screenshot tour (`enjeux --screenshots DIR`): renders every
 * screen (every scene with --all) of a scenario with the software renderer,
 * at each size asked and in French and English, to PNG files named
 * <lang>-<W>x<H>-<NN>-<screen>.png. No display is needed. */
#ifndef ENJEUX_UI_SHOTS_H
#define ENJEUX_UI_SHOTS_H

struct App;

/* Runs the tour; returns the process exit status (0 when every file was
 * written) and prints each file written. */
int shots_run(struct App *app);

#endif
