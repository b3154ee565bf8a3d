/* bench_ui.c — benchmark of the game's front end (issue 4). Not a test:
 * run it by hand and read the figures.
 *
 *   xvfb-run -a build/tests/bench_ui [SCENARIO]      (a real X server: true idle)
 *   SDL_VIDEODRIVER=dummy build/tests/bench_ui        (no display)
 *
 * Launches the real `enjeux --bench` at 1280x720 with the software renderer
 * and reports: time from launch to the first frame shown, mean and worst
 * frame time on the scene screen, CPU used over 10 idle seconds, peak
 * memory. Targets: first frame < 150 ms, frame < 2 ms, idle CPU < 1 %,
 * peak < 80 MB. */
#define _POSIX_C_SOURCE 200809L
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static const char *value(char lines[][256], int n, const char *key) {
    size_t k = strlen(key);
    for (int i = 0; i < n; i++)
        if (strncmp(lines[i], key, k) == 0 && lines[i][k] == '=') return lines[i] + k + 1;
    return NULL;
}

int main(int argc, char **argv) {
    const char *scenario = argc > 1 ? argv[1] : ENJEUX_UI_FIXTURE;
    char out[] = "/tmp/enjeux-bench-XXXXXX";
    int fd = mkstemp(out);
    if (fd < 0) {
        perror("mkstemp");
        return 1;
    }
    close(fd);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    char *args[] = {(char *)ENJEUX_BINARY, (char *)"--bench", out, (char *)"--size", (char *)"1280x720",
                    (char *)"--seed", (char *)"1", (char *)scenario, NULL};
    long long t0 = now_ns();
    pid_t pid;
    if (posix_spawn(&pid, ENJEUX_BINARY, NULL, NULL, args, environ) != 0) {
        perror("posix_spawn " ENJEUX_BINARY);
        return 1;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_ui: enjeux --bench failed (status %d)\n", status);
        return 1;
    }
    FILE *f = fopen(out, "r");
    static char lines[64][256];
    int n = 0;
    while (f && n < 64 && fgets(lines[n], sizeof lines[n], f)) {
        lines[n][strcspn(lines[n], "\n")] = '\0';
        n++;
    }
    if (f) fclose(f);
    unlink(out);
    const char *clock = value(lines, n, "first_frame_clock_ns");
    double first = clock ? (double)(atoll(clock) - t0) / 1e6 : -1;
    const char *mean = value(lines, n, "scene_frame_mean_ms"), *worst = value(lines, n, "scene_frame_worst_ms");
    const char *idle = value(lines, n, "idle_cpu_percent"), *peak = value(lines, n, "peak_rss_mb");
    printf("Enjeux UI benchmark (%s, renderer %s, video driver %s, %s)\n", scenario,
           value(lines, n, "renderer") ? value(lines, n, "renderer") : "?",
           value(lines, n, "video_driver") ? value(lines, n, "video_driver") : "?",
           value(lines, n, "output") ? value(lines, n, "output") : "?");
    printf("  launch to first frame shown : %8.1f ms   (target < 150 ms)\n", first);
    printf("  scene frame, wall mean      : %8s ms   (target < 2 ms)\n", mean ? mean : "?");
    printf("  scene frame, wall worst     : %8s ms\n", worst ? worst : "?");
    printf("  scene frame, wall median    : %8s ms   (target < 2 ms)\n",
           value(lines, n, "scene_frame_median_ms") ? value(lines, n, "scene_frame_median_ms") : "?");
    printf("  scene frame, CPU time median: %8s ms\n",
           value(lines, n, "scene_frame_cpu_median_ms") ? value(lines, n, "scene_frame_cpu_median_ms") : "?");
    printf("  scene frame, CPU time mean  : %8s ms   (this thread only: without time lost to other processes)\n",
           value(lines, n, "scene_frame_cpu_mean_ms") ? value(lines, n, "scene_frame_cpu_mean_ms") : "?");
    printf("  scene frame, CPU time worst : %8s ms\n",
           value(lines, n, "scene_frame_cpu_worst_ms") ? value(lines, n, "scene_frame_cpu_worst_ms") : "?");
    printf("  scene frame, cold (cache)   : %8s ms\n",
           value(lines, n, "scene_first_frame_ms") ? value(lines, n, "scene_first_frame_ms") : "?");
    printf("  idle CPU over %s s         : %8s %%    (target < 1 %%; frames drawn while idle: %s)\n",
           value(lines, n, "idle_seconds") ? value(lines, n, "idle_seconds") : "?", idle ? idle : "?",
           value(lines, n, "idle_frames_drawn") ? value(lines, n, "idle_frames_drawn") : "?");
    printf("  peak memory (RSS)           : %8s MB   (target < 80 MB)\n", peak ? peak : "?");
    printf("  text cache                  : %s entries, %s bytes, %s hits, %s misses\n",
           value(lines, n, "text_cache_entries"), value(lines, n, "text_cache_bytes"),
           value(lines, n, "text_cache_hits"), value(lines, n, "text_cache_misses"));
    return 0;
}
