/* settings.h — the player's settings (language, reading comfort, motion,
 * voice, display): defaults, bounds, and the readable JSON file they live in
 * (`settings.json` in the active profile folder; format in
 * docs/accessibility.md, schema scenarios/schema/settings.schema.json).
 *
 * Loading never fails: every setting that is missing keeps its default, and
 * every one that is damaged (bad JSON, wrong type, out of range, unknown
 * word) is replaced by its default and reported as a SettingsIssue naming
 * the file's line and column and what the game did about it. */
#ifndef ENJEUX_SETTINGS_H
#define ENJEUX_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/lang.h"
#include "core/workshop.h"

enum { SETTINGS_FORMAT = 1, SETTINGS_PATH_MAX = 1024 };

/* Limits of the reader (docs/limits.md): a larger file is not read (every
 * setting at its default, reported); deeper nesting is a syntax error. */
enum { SETTINGS_MAX_BYTES = 64 * 1024, SETTINGS_MAX_DEPTH = 4 };

typedef enum WindowMode { WINDOW_WINDOWED, WINDOW_MAXIMIZED, WINDOW_FULLSCREEN, WINDOW_MODE_COUNT } WindowMode;

typedef enum TextReveal { REVEAL_INSTANT, REVEAL_PROGRESSIVE, REVEAL_COUNT } TextReveal;

/* The integer settings, each with its bounds and step (SettingsRange). */
typedef enum SettingsInt {
    SET_TEXT_SIZE,      /* percent of the normal text size */
    SET_LINE_SPACING,   /* percent of the font's line height */
    SET_TEXT_SPEED,     /* characters a second when text appears progressively */
    SET_DISPLAY_SCALE,  /* percent of the automatic interface scale */
    SET_INT_COUNT
} SettingsInt;

typedef struct SettingsRange {
    const char *key;    /* JSON member name */
    int min, max, step, def;
} SettingsRange;

typedef struct Settings {
    bool lang_auto;           /* follow the system's language */
    Lang lang;                /* when !lang_auto */
    int ints[SET_INT_COUNT];  /* indexed by SettingsInt, always within bounds */
    bool high_contrast;
    bool colorblind;          /* palette safe for colour-blind players */
    bool dyslexic_font;
    bool reduced_motion;
    TextReveal reveal;
    bool self_voicing;
    WindowMode window;
    /* Workshop (docs/workshop.md): the code typed on the profile screen,
     * upper case, "" when none; the export folder chosen in the settings,
     * "" when none. */
    char workshop_code[WORKSHOP_CODE_MAX];
    char export_dir[SETTINGS_PATH_MAX];
} Settings;

typedef enum SettingsIssueKind {
    SETI_UNREADABLE,   /* the file exists but cannot be read */
    SETI_SYNTAX,       /* not JSON (or not an object): every setting reset */
    SETI_FORMAT,       /* "format" missing or from a newer game */
    SETI_TYPE,         /* a value of the wrong type */
    SETI_RANGE,        /* a number out of bounds */
    SETI_WORD,         /* a word the game does not know ("language": "de") */
    SETI_UNKNOWN_KEY,  /* a member the game does not know (ignored) */
    SETI_KIND_COUNT
} SettingsIssueKind;

typedef struct SettingsIssue {
    SettingsIssueKind kind;
    uint32_t line, col;       /* 1-based; 0 when about the whole file */
    char key[32];             /* the setting concerned, "" for the whole file */
    char found[48];           /* what the file held, shortened */
    char def[48];             /* the value used instead */
} SettingsIssue;

enum { SETTINGS_MAX_ISSUES = 16 };

typedef struct SettingsReport {
    SettingsIssue issues[SETTINGS_MAX_ISSUES];
    int n;
    int dropped;              /* issues past SETTINGS_MAX_ISSUES */
    bool missing;             /* no file yet (a first start): not an issue */
} SettingsReport;

/* The bounds of an integer setting. */
const SettingsRange *settings_range(SettingsInt which);

/* Fills `s` with the defaults (language: the system's). */
void settings_defaults(Settings *s);

/* Reads settings from `json` (`len` bytes). Always fills `s`: defaults for
 * what is missing or bad. `rep` (cleared first) lists the bad parts.
 * Returns true when the text had no issue. */
bool settings_parse(Settings *s, const char *json, size_t len, SettingsReport *rep);

/* Reads the file at `path` (settings_parse). A missing file gives the
 * defaults, no issue and rep->missing set. Returns true when there was no
 * issue. */
bool settings_load(Settings *s, const char *path, SettingsReport *rep);

/* The settings as documented, indented JSON, malloc'd (caller frees); NULL
 * when out of memory. settings_parse reads it back to the same values. */
char *settings_to_json(const Settings *s);

/* Writes the settings to `path` atomically (fsutil_write_atomic). Returns
 * false with *err set to an errno value; the old file is then untouched. */
bool settings_save(const Settings *s, const char *path, int *err);

/* Moves a file whose settings could not be read to `path`.damaged
 * (replacing an older one), so that the player's file is not lost when the
 * defaults replace it. Returns false when it could not be moved. */
bool settings_keep_damaged(const char *path);

/* One issue as a sentence in `lang` ("settings.json:4:16: « text_size » …:
 * 100 used instead."), into `buf`. `file` names the file. Returns buf. */
char *settings_issue_format(const SettingsIssue *is, const char *file, Lang lang, char *buf, size_t n);

/* Word for a window mode / reveal in the file ("fullscreen"). */
const char *settings_window_word(WindowMode m);
const char *settings_reveal_word(TextReveal r);

#endif
