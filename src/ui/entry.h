/* entry.h — the game's entry point, for src/main.c (no SDL types here, so
 * main.c builds without SDL when the game is off). */
#ifndef ENJEUX_UI_ENTRY_H
#define ENJEUX_UI_ENTRY_H

/* Runs the game (window, or the screenshot tour / scripted modes) with the
 * command line `argv`; returns the process exit status. */
int app_main(int argc, char **argv);

#endif
