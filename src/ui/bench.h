/* bench.h — measurements for tests/bench/bench_ui (`enjeux --bench FILE`):
 * the first scene is drawn repeatedly with the cached text, then the game
 * idles; the figures are written to FILE as key=value lines. */
#ifndef ENJEUX_UI_BENCH_H
#define ENJEUX_UI_BENCH_H

struct App;

/* Runs after the first frame was presented. Returns the exit status. */
int bench_run(struct App *app, const char *out_path, double first_frame_ms);

#endif
