/* bench.c — the game's side of tests/bench/bench_ui; see bench.h. */
#include "ui/bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/fsutil.h"
#include "ui/app.h"

static double cpu_seconds(void) {
    return (double)fsutil_cpu_ns(true) / 1e9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int bench_run(App *app, const char *out_path, double first_frame_ms) {
    long long now_ns = fsutil_clock_ns();
    FILE *out = fopen(out_path, "w");
    if (!out) {
        fprintf(stderr, "enjeux: %s: cannot write the benchmark figures\n", out_path);
        return 1;
    }
    fprintf(out, "first_frame_clock_ns=%lld\n", now_ns);
    fprintf(out, "first_frame_in_process_ms=%.3f\n", first_frame_ms);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(app->renderer, &info) == 0) fprintf(out, "renderer=%s\n", info.name);
    fprintf(out, "output=%dx%d\n", app->w, app->h);
    int index = app->opts.scenario ? game_add_scenario(&app->game, app->opts.scenario, app->lang) : -1;
    if (index < 0 || !game_start(&app->game, index, app->opts.seed, app->lang)) {
        fprintf(out, "error=no scenario to play\n");
        fclose(out);
        return 1;
    }
    app_reset(app, &screen_scene, 0);
    app_apply_requests(app);
    app_render_frame(app);
    fprintf(out, "scene_first_frame_ms=%.3f\n", app->last_frame_ms);
    SDL_RenderPresent(app->renderer);
    app->frames = 0;
    app->total_frame_ms = 0;
    app->worst_frame_ms = 0;
    enum { FRAMES = 600 };
    /* Wall time per frame (app_render_frame's own clock) and this thread's
     * CPU time, which leaves out time stolen by other processes. */
    double cpu_total = 0, cpu_worst = 0;
    static double wall_ms[FRAMES], cpu_ms[FRAMES]; /* for the medians */
    for (int i = 0; i < FRAMES; i++) {
        long long c0 = fsutil_cpu_ns(false);
        app_render_frame(app);
        double ms = (double)(fsutil_cpu_ns(false) - c0) / 1e6;
        cpu_total += ms;
        if (ms > cpu_worst) cpu_worst = ms;
        cpu_ms[i] = ms;
        wall_ms[i] = app->last_frame_ms;
        SDL_RenderPresent(app->renderer);
        SDL_PumpEvents();
    }
    fprintf(out, "scene_frames=%d\nscene_frame_mean_ms=%.4f\nscene_frame_worst_ms=%.4f\n", FRAMES,
            app->total_frame_ms / (double)app->frames, app->worst_frame_ms);
    fprintf(out, "scene_frame_cpu_mean_ms=%.4f\nscene_frame_cpu_worst_ms=%.4f\n", cpu_total / FRAMES, cpu_worst);
    qsort(wall_ms, FRAMES, sizeof wall_ms[0], cmp_double);
    qsort(cpu_ms, FRAMES, sizeof cpu_ms[0], cmp_double);
    fprintf(out, "scene_frame_median_ms=%.4f\nscene_frame_cpu_median_ms=%.4f\n", wall_ms[FRAMES / 2], cpu_ms[FRAMES / 2]);
    TextStats ts = text_stats(app->text);
    fprintf(out, "text_cache_hits=%u\ntext_cache_misses=%u\ntext_cache_entries=%u\ntext_cache_bytes=%zu\n", ts.hits,
            ts.misses, ts.entries, ts.bytes);
    /* Idle: the loop's own wait, for 10 s, with nothing happening. */
    const char *env = SDL_getenv("ENJEUX_BENCH_IDLE_SECONDS");
    int idle_s = env ? atoi(env) : 10;
    if (idle_s < 1) idle_s = 1;
    uint64_t frames_before = app->frames;
    double cpu0 = cpu_seconds();
    Uint64 t0 = SDL_GetTicks64(), end = t0 + (Uint64)idle_s * 1000u;
    for (Uint64 t = t0; t < end; t = SDL_GetTicks64()) {
        SDL_Event ev;
        if (SDL_WaitEventTimeout(&ev, (int)(end - t))) {
            if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_EXPOSED) {
                app_render_frame(app);
                SDL_RenderPresent(app->renderer);
            }
        }
    }
    double cpu = cpu_seconds() - cpu0;
    double wall = (double)(SDL_GetTicks64() - t0) / 1000.0;
    fprintf(out, "idle_seconds=%.2f\nidle_cpu_seconds=%.4f\nidle_cpu_percent=%.3f\nidle_frames_drawn=%llu\n", wall, cpu,
            100.0 * cpu / wall, (unsigned long long)(app->frames - frames_before));
    fprintf(out, "peak_rss_mb=%.1f\n", (double)fsutil_peak_rss_kb() / 1024.0);
    fprintf(out, "video_driver=%s\n", SDL_GetCurrentVideoDriver());
    fclose(out);
    return 0;
}
