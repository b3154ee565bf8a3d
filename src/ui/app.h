/* app.h — the game's application object: window, renderer, theme, caches,
 * the screen stack, and the play state the screens share.
 *
 * Screens are ScreenDef tables (enter / handle / update / render / leave)
 * kept on a small stack; a screen asks for a change with app_push / app_pop /
 * app_replace / app_reset and the change is applied between frames. */
#ifndef ENJEUX_UI_APP_H
#define ENJEUX_UI_APP_H

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/lang.h"
#include "core/profile.h"
#include "core/progress.h"
#include "core/settings.h"
#include "ui/entry.h"
#include "ui/game.h"
#include "ui/image.h"
#include "ui/paths.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/voice.h"

typedef struct App App;

typedef struct ScreenDef {
    const char *name;         /* "title": used in layout dumps, scripts, screenshots */
    size_t state_size;        /* the app allocates this much zeroed state on enter */
    bool overlay;             /* drawn over the screen below it (pause) */
    void (*enter)(App *app, void *st, int arg);
    void (*leave)(App *app, void *st);
    /* `action` is the id of the widget the event activated, or -1. */
    void (*handle)(App *app, void *st, const SDL_Event *ev, int action);
    /* Advances animations by `dt` seconds; returns true while animating. */
    bool (*update)(App *app, void *st, double dt);
    /* Lays out, registers the widgets (ui_add…) and draws. */
    void (*render)(App *app, void *st);
} ScreenDef;

extern const ScreenDef screen_title, screen_library, screen_settings, screen_briefing, screen_scene,
    screen_consequence, screen_event, screen_ending, screen_debrief, screen_pause, screen_profiles, screen_passport, screen_class,
    screen_reports;
extern const ScreenDef screen_dev, screen_dev_error; /* --dev: overlay (F1) and errors (dev.h) */

/* enter() arguments of screen_profiles. */
enum {
    PROFILES_FROM_TITLE = 0,  /* "change profile": back to the title after */
    PROFILES_AT_START = 1,    /* at start: the library after */
    PROFILES_WORKSHOP = 3,    /* from the title, the focus on the workshop code */
    PROFILES_CONFIRM = 1000,  /* + index: open on the confirmation of deleting that profile */
    PROFILES_AT_START_SCENARIO = 2000 /* + library index: that scenario's briefing after */
};

/* enter() argument of screen_settings: open on the export folder. */
enum { SETTINGS_AT_EXPORT = 1 };

enum { STACK_MAX = 8, REQUEST_MAX = 4 };

/* The action id of the disk band when it scrolls (focusable so that the
 * keyboard can scroll it); never passed to the screens. */
enum { APP_ACT_NOTICE = 32000 };

/* `focus`: the name of the widget focused when a screen was pushed over
 * this one, given back to it when that screen closes. */
typedef struct StackEntry { const ScreenDef *def; void *state; char focus[UI_NAME_LEN]; } StackEntry;

typedef enum RequestKind { REQ_PUSH, REQ_POP, REQ_REPLACE, REQ_RESET } RequestKind;
typedef struct Request { RequestKind kind; const ScreenDef *def; int arg; } Request;

typedef struct AppOptions {
    const char *scenario;     /* open this scenario's briefing directly */
    const char *library;      /* scenarios folder (default: the data folder's scenarios/) */
    const char *script;       /* scripted input file */
    const char *layout_dump;  /* JSON lines of laid-out rectangles */
    const char *text_dump;    /* JSON lines of the texts of each frame (tests/i18n) */
    const char *shots_dir;    /* screenshot tour */
    bool shots_all;           /* every scene */
    bool lang_set;
    Lang lang;
    bool seed_set;
    uint64_t seed;
    int width, height;        /* initial window size */
    bool fullscreen;
    const char *sizes;        /* screenshot sizes "1280x720,800x600" */
    const char *text_scales;  /* screenshot text sizes "100,200" (percent) */
    const char *contrasts;    /* screenshot themes "normal,high" */
    const char *voice_log;    /* test option: every text spoken, one a line */
    bool dev;                 /* --dev: live authoring of `scenario` (dev.h) */
    const char *debrief;      /* report-data.json to open in the debrief mode */
} AppOptions;

struct App {
    SDL_Window *window;
    SDL_Renderer *renderer;
    int w, h;                 /* output size in pixels */
    float mouse_scale_x, mouse_scale_y; /* window points to pixels (HiDPI) */
    float scale;              /* 1.0 at a 720-pixel-high output */
    Theme theme;              /* the theme in use: themes[] with the settings applied */
    Theme themes[2];          /* as loaded: theme.json, theme-contrast.json */
    Settings settings;        /* the player's; app_settings_changed() applies and saves */
    bool settings_readonly;   /* screenshot tour: settings vary, nothing is saved */
    bool fonts_dyslexic;
    WindowMode window_applied; /* the mode the window is in */      /* which fonts the text system holds */
    char settings_path[PATH_MAX_LEN + 32];
    char settings_notice[2048]; /* what was wrong with the settings file, for the player; "" */
    SettingsReport settings_rep; /* what settings_notice says, kept to say it in another language */
    int settings_save_err;    /* errno of the last failed save of the settings, 0 */
    Voice *voice;
    VoiceStatus voice_status;
    bool voice_tried;
    char voice_detail[256];
    char voice_page[4096];    /* built each frame: the page's text to read aloud */
    char voice_focus[1024];   /* built each frame: the focused widget's label */
    char voice_said_page[4096], voice_said_focus[1024];
    TextSys *text;
    ImageCache *images;
    Ui ui;
    UiScroll disk_scroll;     /* the disk band, when its text is taller than it */
    StackEntry stack[STACK_MAX];
    int depth;
    Request requests[REQUEST_MAX];
    int n_requests;
    Game game;
    Lang lang;
    bool fullscreen;
    bool running;
    bool redraw;
    bool animating;
    bool vsync;               /* the renderer paces presents to the display */
    uint64_t screen_since;    /* SDL ticks of the last change of screen */
    bool reduced_motion;      /* the setting, or forced by scripts and screenshots: no animation */
    char data_dir[PATH_MAX_LEN];
    char user_dir[PATH_MAX_LEN];
    char assets_dir[PATH_MAX_LEN + 16];
    AppOptions opts;
    char notice[1024];        /* a message for the player, shown once by the next screen */
    ProfileList profiles;     /* the players of this computer */
    int profile;              /* index of the active profile, -1 before one is picked */
    char profile_dir[PATH_MAX_LEN + 32]; /* see app_profile_dir() */
    char profiles_notice[1024]; /* what happened to a damaged profiles.json (profile screen) */
    int profiles_over_limit;  /* entries of profiles.json past PROFILE_MAX, left out (profile screen) */
    Progress *progress;       /* the active profile's progress (NULL before one is picked) */
    char progress_notice[1024]; /* what happened to a damaged progress.json (debrief, passport) */
    ProgressLoadReport progress_rep; /* what progress_notice says, kept to say it in another language */
    char progress_save_why[1024]; /* the last failed save of the progress, "" */
    struct Report *class_report; /* the workshop report shown by the debrief mode (owned), or NULL */
    FILE *layout_out;
    FILE *text_out;
    SDL_GameController *pad;
    uint64_t frames;
    double last_frame_ms, worst_frame_ms, total_frame_ms;
    struct Dev *dev;          /* live authoring state, NULL outside --dev */
    char workshop_cli[WORKSHOP_CODE_MAX]; /* --workshop-code (upper case), "" when none */
    char export_cli[SETTINGS_PATH_MAX];   /* --export-dir, "" when none */
};

/* Screen requests, applied between frames. `arg` goes to the new screen's
 * enter(). */
void app_push(App *app, const ScreenDef *def, int arg);
void app_pop(App *app);
void app_replace(App *app, const ScreenDef *def, int arg);
void app_reset(App *app, const ScreenDef *def, int arg); /* empties the stack first */

/* Handles one input or window event as the loop does (the screenshot
 * tour uses it to show screens in the state typing leaves them). */
void app_handle_event(App *app, SDL_Event *ev);

/* Applies pending requests now (the loop and the screenshot tour call it). */
void app_apply_requests(App *app);

/* Renders one frame of the whole stack (without presenting). */
void app_render_frame(App *app);

/* The top screen's definition, NULL when the stack is empty. */
const ScreenDef *app_top(const App *app);

/* Pixels for a length given at 720p, rounded. */
int app_px(const App *app, int px720);
/* Grid units: n * theme spacing, scaled. */
int app_grid(const App *app, int n);

Rgba app_color(const App *app, ThemeColor c);

/* Sets the output size after a resize or a change of renderer; updates the
 * scale and the caches. */
void app_update_size(App *app);

/* Toggles desktop fullscreen. */
void app_toggle_fullscreen(App *app);

/* Opens report-data.json (made by `enjeux report`) for the debrief mode,
 * replacing any report open; false with the diagnostics and what to do in
 * `err` when it cannot be read. */
bool app_open_report(App *app, const char *path, char *err, size_t errlen);

/* Changes the interface and scenario language (and saves it). */
void app_set_lang(App *app, Lang lang);

/* Applies every setting of app->settings at once: theme and palette, fonts,
 * line spacing, text and display scale, motion, window mode, voice. */
void app_settings_apply(App *app);

/* Applies the settings and saves them in the profile folder; a failure to
 * save is logged and shown in the settings screen. */
void app_settings_changed(App *app);

/* Self-voicing: adds `text` to what the current page reads aloud. */
void app_voice_page(App *app, const char *text);
/* Self-voicing: the label of the focused widget. */
void app_voice_focus(App *app, const char *text);
/* The active profile's folder U/profiles/<id>/ (trailing '/'), where
 * everything of one player goes: settings.json, progress.json, saves/,
 * records/, results/, badges/. Before a profile is picked (and in the
 * screenshot tour), the user folder itself. */
const char *app_profile_dir(const App *app);

/* Makes profile `index` of app->profiles the active one: its folder is
 * created, data written before profiles existed is moved into it, it is
 * remembered as the last one picked, and its progress is loaded (a damaged
 * file is recovered and app->progress_notice says so). A play in progress
 * is dropped (it is saved in the previous profile's folder already).
 * False when its folder cannot be created. */
bool app_use_profile(App *app, int index);

/* Sets the workshop code and the export folder in use (app->game) from,
 * first found: the command line, the active profile's settings, the
 * workshop file (docs/workshop.md). When the export folder changes, the
 * results it lacks are copied there. */
void app_workshop_refresh(App *app);

/* The workshop code typed by the player (cleaned, "" for none): kept in
 * the profile's settings and used from now on, over --workshop-code too. */
void app_set_workshop_code(App *app, const char *code);

/* Counts the finished play in the active profile's progress and saves it;
 * failures go to app->progress_notice. */
void app_record_progress(App *app);


#endif
