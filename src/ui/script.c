/* script.c — scripted input as SDL events; see script.h. */
#include "ui/script.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "ui/app.h"

typedef struct ScriptLine { int line; char *text; } ScriptLine;

struct Script {
    char *path;
    ScriptLine *lines;
    size_t n, next;
    int waiting;
};

Script *script_load(const char *path, char *err, size_t errlen) {
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open the script", path);
        return NULL;
    }
    Script *s = calloc(1, sizeof *s);
    if (!s) {
        fclose(f);
        return NULL;
    }
    s->path = strdup(path);
    char buf[512];
    int line = 0;
    size_t cap = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        char *p = buf;
        while (*p == ' ' || *p == '\t') p++;
        size_t n = strcspn(p, "\r\n");
        p[n] = '\0';
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) p[--n] = '\0';
        if (!*p || *p == '#') continue;
        if (s->n == cap) {
            cap = cap ? cap * 2 : 64;
            ScriptLine *nl = realloc(s->lines, cap * sizeof *nl);
            if (!nl) break;
            s->lines = nl;
        }
        s->lines[s->n].line = line;
        s->lines[s->n].text = strdup(p);
        s->n++;
    }
    fclose(f);
    return s;
}

void script_free(Script *s) {
    if (!s) return;
    for (size_t i = 0; i < s->n; i++) free(s->lines[i].text);
    free(s->lines);
    free(s->path);
    free(s);
}

static void push_key(SDL_Keycode k, Uint16 mod) {
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.mod = mod;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&ev);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
}

static void push_click(App *app, int x, int y) {
    SDL_Event ev = {0};
    Uint32 wid = app->window ? SDL_GetWindowID(app->window) : 0;
    ev.type = SDL_MOUSEMOTION;
    ev.motion.windowID = wid;
    ev.motion.x = x;
    ev.motion.y = y;
    SDL_PushEvent(&ev);
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.windowID = wid;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.state = SDL_PRESSED;
    ev.button.clicks = 1;
    ev.button.x = x;
    ev.button.y = y;
    SDL_PushEvent(&ev);
    ev.type = SDL_MOUSEBUTTONUP;
    ev.button.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
}

static bool pad_button(const char *name, Uint8 *out) {
    static const struct { const char *n; SDL_GameControllerButton b; } P[] = {
        {"a", SDL_CONTROLLER_BUTTON_A},           {"b", SDL_CONTROLLER_BUTTON_B},
        {"start", SDL_CONTROLLER_BUTTON_START},   {"dpup", SDL_CONTROLLER_BUTTON_DPAD_UP},
        {"dpdown", SDL_CONTROLLER_BUTTON_DPAD_DOWN}, {"dpleft", SDL_CONTROLLER_BUTTON_DPAD_LEFT},
        {"dpright", SDL_CONTROLLER_BUTTON_DPAD_RIGHT}};
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        if (strcmp(P[i].n, name) == 0) {
            *out = (Uint8)P[i].b;
            return true;
        }
    return false;
}

ScriptStatus script_step(Script *s, App *app, char *err, size_t errlen) {
    if (s->waiting > 0) {
        s->waiting--;
        return SCRIPT_MORE;
    }
    if (s->next >= s->n) return SCRIPT_DONE;
    const ScriptLine *l = &s->lines[s->next++];
    char cmd[32] = "", a1[256] = "", a2[256] = "";
    sscanf(l->text, "%31s %255s %255s", cmd, a1, a2);
    if (strcmp(cmd, "key") == 0) {
        /* Modifiers first: "Shift+Tab", "Ctrl+Left" (a lone "+" is a key). */
        Uint16 mod = 0;
        const char *name = a1;
        for (;;) {
            if (strncmp(name, "Shift+", 6) == 0 && name[6]) mod |= KMOD_LSHIFT, name += 6;
            else if (strncmp(name, "Ctrl+", 5) == 0 && name[5]) mod |= KMOD_LCTRL, name += 5;
            else if (strncmp(name, "Alt+", 4) == 0 && name[4]) mod |= KMOD_LALT, name += 4;
            else break;
        }
        SDL_Keycode k = SDL_GetKeyFromName(name);
        if (k == SDLK_UNKNOWN) {
            snprintf(err, errlen, "%s:%d: unknown key name \"%s\"", s->path, l->line, a1);
            return SCRIPT_FAILED;
        }
        push_key(k, mod);
    } else if (strcmp(cmd, "click") == 0) {
        int x, y;
        if (a1[0] == '@') {
            const UiItem *it = ui_find(&app->ui, a1 + 1);
            if (!it || it->r.w <= 0 || it->r.h <= 0) {
                snprintf(err, errlen, "%s:%d: no visible widget \"%s\" on the screen \"%s\"", s->path, l->line, a1 + 1,
                         app_top(app) ? app_top(app)->name : "?");
                return SCRIPT_FAILED;
            }
            /* "click @NAME 25%": that far across the widget, else its centre. */
            int pct = 50;
            if (a2[0] && (sscanf(a2, "%d%%", &pct) != 1 || pct < 0 || pct > 100)) {
                snprintf(err, errlen, "%s:%d: write \"click @widget\" or \"click @widget N%%\" (0 to 100)", s->path,
                         l->line);
                return SCRIPT_FAILED;
            }
            int across = it->r.w * pct / 100;
            if (across >= it->r.w) across = it->r.w - 1;
            x = (int)((it->r.x + across) / app->mouse_scale_x);
            y = (int)((it->r.y + it->r.h / 2) / app->mouse_scale_y);
        } else if (sscanf(l->text, "click %d %d", &x, &y) != 2) {
            snprintf(err, errlen, "%s:%d: write \"click X Y\" or \"click @widget\"", s->path, l->line);
            return SCRIPT_FAILED;
        }
        push_click(app, x, y);
    } else if (strcmp(cmd, "wheel") == 0) {
        /* "wheel down 3": notches of the mouse wheel where the pointer is. */
        int notches = a2[0] ? atoi(a2) : 1;
        if ((strcmp(a1, "up") != 0 && strcmp(a1, "down") != 0) || notches < 1 || notches > 100) {
            snprintf(err, errlen, "%s:%d: write \"wheel up|down [N]\"", s->path, l->line);
            return SCRIPT_FAILED;
        }
        SDL_Event ev = {0};
        ev.type = SDL_MOUSEWHEEL;
        ev.wheel.windowID = app->window ? SDL_GetWindowID(app->window) : 0;
        ev.wheel.y = strcmp(a1, "up") == 0 ? 1 : -1;
        ev.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
        for (int i = 0; i < notches; i++) SDL_PushEvent(&ev);
    } else if (strcmp(cmd, "pad") == 0) {
        Uint8 b;
        if (!pad_button(a1, &b)) {
            snprintf(err, errlen, "%s:%d: unknown controller button \"%s\"", s->path, l->line, a1);
            return SCRIPT_FAILED;
        }
        SDL_Event ev = {0};
        ev.type = SDL_CONTROLLERBUTTONDOWN;
        ev.cbutton.button = b;
        ev.cbutton.state = SDL_PRESSED;
        SDL_PushEvent(&ev);
        ev.type = SDL_CONTROLLERBUTTONUP;
        ev.cbutton.state = SDL_RELEASED;
        SDL_PushEvent(&ev);
    } else if (strcmp(cmd, "text") == 0) {
        /* The rest of the line, as typed text: one event per character,
         * as an input method would send them. */
        const char *t = l->text + 4;
        while (*t == ' ') t++;
        if (!*t) {
            snprintf(err, errlen, "%s:%d: write \"text WORDS\"", s->path, l->line);
            return SCRIPT_FAILED;
        }
        while (*t) {
            size_t n = 1;
            while (t[n] && ((unsigned char)t[n] & 0xC0) == 0x80) n++;
            SDL_Event ev = {0};
            ev.type = SDL_TEXTINPUT;
            memcpy(ev.text.text, t, n);
            ev.text.text[n] = '\0';
            SDL_PushEvent(&ev);
            t += n;
        }
    } else if (strcmp(cmd, "wait") == 0) {
        s->waiting = a1[0] ? atoi(a1) - 1 : 0;
    } else if (strcmp(cmd, "expect") == 0) {
        const ScreenDef *top = app_top(app);
        if (!top || strcmp(top->name, a1) != 0) {
            snprintf(err, errlen, "%s:%d: expected the screen \"%s\", the game shows \"%s\"", s->path, l->line, a1,
                     top ? top->name : "(none)");
            return SCRIPT_FAILED;
        }
    } else if (strcmp(cmd, "see") == 0) {
        if (!ui_find(&app->ui, a1)) {
            snprintf(err, errlen, "%s:%d: no widget \"%s\" on the screen \"%s\"", s->path, l->line, a1,
                     app_top(app) ? app_top(app)->name : "?");
            return SCRIPT_FAILED;
        }
    } else if (strcmp(cmd, "focus") == 0) {
        if (strcmp(app->ui.focus, a1) != 0) {
            snprintf(err, errlen, "%s:%d: expected the focus on \"%s\", it is on \"%s\" (screen \"%s\")", s->path,
                     l->line, a1, app->ui.focus[0] ? app->ui.focus : "(nothing)", app_top(app) ? app_top(app)->name : "?");
            return SCRIPT_FAILED;
        }
    } else if (strcmp(cmd, "setting") == 0) {
        char *json = settings_to_json(&app->settings);
        char want[400];
        snprintf(want, sizeof want, "\"%s\": %s\n", a1, a2);
        char want_last[400];
        snprintf(want_last, sizeof want_last, "\"%s\": %s,\n", a1, a2);
        bool ok = json && (strstr(json, want) || strstr(json, want_last));
        free(json);
        if (!ok) {
            snprintf(err, errlen, "%s:%d: the setting \"%s\" is not %s", s->path, l->line, a1, a2);
            return SCRIPT_FAILED;
        }
    } else if (strcmp(cmd, "expect-place") == 0) {
        /* The scene (or ending) id the play is at: live authoring tests. */
        const Session *ss = app->game.session;
        const char *at = !ss ? "(no play)" : session_is_over(ss) ? session_ending(ss)->id : session_scene(ss)->id;
        if (strcmp(at, a1) != 0) {
            snprintf(err, errlen, "%s:%d: expected the play at \"%s\", it is at \"%s\"", s->path, l->line, a1, at);
            return SCRIPT_FAILED;
        }
    } else if (strcmp(cmd, "expect-widget") == 0) {
        const UiItem *it = ui_find(&app->ui, a1);
        if (!it || it->r.w <= 0 || it->r.h <= 0) {
            snprintf(err, errlen, "%s:%d: no visible widget \"%s\" on the screen \"%s\"", s->path, l->line, a1,
                     app_top(app) ? app_top(app)->name : "?");
            return SCRIPT_FAILED;
        }
    } else if (strcmp(cmd, "sleep") == 0) {
        /* Real time, for timers (the --dev file watch). */
        SDL_Delay((Uint32)atoi(a1));
    } else if (strcmp(cmd, "copy") == 0) {
        /* Replaces file a2 by a copy of a1, as an editor saving it would. */
        char *data = NULL;
        size_t len = 0, size = 0;
        int e = 0;
        if (fsutil_read_file(a1, 64u * 1024 * 1024, &data, &len, &size, &e) != FS_OK ||
            !fsutil_write_atomic(a2, data, len, &e)) {
            snprintf(err, errlen, "%s:%d: cannot copy %s to %s", s->path, l->line, a1, a2);
            free(data);
            return SCRIPT_FAILED;
        }
        free(data);
    } else if (strcmp(cmd, "shot") == 0) {
        /* "shot FILE.png": the current frame, as drawn, to a PNG file. */
        app_render_frame(app);
        SDL_Surface *sf = SDL_CreateRGBSurfaceWithFormat(0, app->w, app->h, 32, SDL_PIXELFORMAT_ARGB8888);
        bool ok = sf && a1[0] &&
                  SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, sf->pixels, sf->pitch) == 0 &&
                  IMG_SavePNG(sf, a1) == 0;
        SDL_FreeSurface(sf);
        if (!ok) {
            snprintf(err, errlen, "%s:%d: cannot write the screenshot \"%s\": %s", s->path, l->line, a1,
                     SDL_GetError());
            return SCRIPT_FAILED;
        }
    } else if (strcmp(cmd, "quit") == 0) {
        SDL_Event ev = {0};
        ev.type = SDL_QUIT;
        SDL_PushEvent(&ev);
    } else {
        snprintf(err, errlen, "%s:%d: unknown command \"%s\"", s->path, l->line, cmd);
        return SCRIPT_FAILED;
    }
    return SCRIPT_MORE;
}
