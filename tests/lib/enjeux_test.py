"""enjeux_test.py — what the Python test scripts share to run the real game
headless (SDL_VIDEODRIVER=dummy) on a user folder of their own
(ENJEUX_USER_DIR), with a script of input (--script) and the dumps they read
back (--layout-dump, --text-dump, --voice-log), and to set up that user
folder (profiles.json, settings.json) or a scenario made with `enjeux new`.

A script imports it from its own place in tests/:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
    import enjeux_test as et

Programs are started with subprocess, so tests/valgrind/sitecustomize.py
still puts `enjeux` under memcheck in the Valgrind build.
"""
import json
import os
import subprocess

# The drivers that run the game without a screen nor a sound card.
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_RENDER_DRIVER": "software", "SDL_AUDIODRIVER": "dummy"}

# The dumps `play` can ask for: option, and the ending of the file written.
DUMPS = {"layout": ("--layout-dump", ".layout"), "texts": ("--text-dump", ".texts"),
         "voice": ("--voice-log", ".voice")}

# From the library to the settings, by keyboard: Escape to the title
# screen, « Paramètres » two buttons up.
KEYS_TO_SETTINGS = """expect library
key Escape
expect title
key Up
key Up
key Return
expect settings
"""

# Clicks of a play of the UI fixture (tests/fixtures/ui/library) from the
# title screen to the debrief that earns the N1 badge (the path of
# tests/ui/mouse.script): BADGE_FIRST_DECISION up to the first
# consequence, BADGE_PLAY the whole play.
BADGE_FIRST_DECISION = """click @new-game
expect library
click @card-0
expect briefing
click @start
expect scene
click @choice-2
expect consequence
"""
BADGE_PLAY = BADGE_FIRST_DECISION + """click @continue
expect scene
click @choice-1
expect consequence
click @continue
expect scene
click @choice-1
expect consequence
click @continue
expect ending
click @debrief
expect debrief
"""


def settings_round(lang):
    """Script from the library: the language switched away from `lang` and
    back in the settings (the settings written), back to the title screen."""
    other = "en" if lang == "fr" else "fr"
    return f"""expect library
click @back
expect title
click @settings
expect settings
click @lang-{other}
wait 2
click @lang-{lang}
wait 2
click @back
expect title
"""


def settings_then_badge_play(lang):
    """The script of a run that starts on the library: settings_round, then
    BADGE_PLAY to the debrief, then quit."""
    return settings_round(lang) + BADGE_PLAY + "wait 2\nquit\n"


def game_env(user, **extra):
    """The environment of a headless game on the user folder `user`, with
    `extra` variables added (or replacing)."""
    env = dict(os.environ, **HEADLESS, ENJEUX_USER_DIR=user)
    env.update(extra)
    return env


class Game:
    """A finished run of the game: its exit status and output, and the paths
    of the dumps asked for (`dumps[kind]`)."""

    def __init__(self, proc, dumps):
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.dumps = dumps

    def frames(self, kind):
        """The frames of the dump `kind` ("layout" or "texts"), one dict a
        line; an OSError or ValueError when it is missing or damaged."""
        return read_jsonl(self.dumps[kind])

    def voice(self):
        """What the game said (--voice-log), "" when it wrote no log."""
        try:
            with open(self.dumps["voice"], encoding="utf-8") as f:
                return f.read()
        except OSError:
            return ""

    def failure(self, name, tail=None):
        """"NAME: the game exited with N: STDERR" (the last `tail` characters
        of stderr), or None when it exited 0."""
        if self.returncode == 0:
            return None
        err = self.stderr.strip()
        return f"{name}: the game exited with {self.returncode}: {err[-tail:] if tail else err}"


def play(enjeux, args, user, tmp, name, script, dumps=(), env=None, timeout=180, cwd=None):
    """Runs `enjeux ARGS --script tmp/NAME.script` headless on the user
    folder `user`, `script` being the text of that script, with the dumps
    named in `dumps` (keys of DUMPS) written to tmp/NAME.<kind>; `env` adds
    variables to the environment. Returns a Game (never raises on a failed
    exit: see Game.failure)."""
    path = os.path.join(tmp, name + ".script")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script)
    cmd = [enjeux] + list(args) + ["--script", path]
    files = {}
    for kind in dumps:
        option, ending = DUMPS[kind]
        files[kind] = os.path.join(tmp, name + ending)
        cmd += [option, files[kind]]
    proc = subprocess.run(cmd, env=game_env(user, **(env or {})), capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)
    return Game(proc, files)


def read_jsonl(path):
    """The JSON values of a file of one value a line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def all_texts(path):
    """Every text of every frame of a --text-dump (a set), empty when the
    file is missing."""
    texts = set()
    if os.path.isfile(path):
        for frame in read_jsonl(path):
            texts.update(frame["texts"])
    return texts


def item(frame, name):
    """The item called `name` in a --layout-dump frame, None if absent."""
    return next((i for i in frame["items"] if i["name"] == name), None)


def profile(pid, pseudonym, created="2026-11-22T09:00:00Z"):
    """One entry of profiles.json."""
    return {"id": pid, "pseudonym": pseudonym, "created": created}


def write_profiles(user, profiles, last=None):
    """Writes user/profiles.json (format 1) listing `profiles` (entries as
    `profile` makes them), `last` (default: the first's id) picked last."""
    with open(os.path.join(user, "profiles.json"), "w", encoding="utf-8") as f:
        json.dump({"format": 1, "last": profiles[0]["id"] if last is None else last, "profiles": profiles}, f)


def write_settings(pdir, **settings):
    """Writes pdir/settings.json (format 1) with `settings`."""
    with open(os.path.join(pdir, "settings.json"), "w", encoding="utf-8") as f:
        json.dump({"format": 1, **settings}, f)


def user_with_profile(tmp, name, pid="0123abcd", pseudonym="Zoé", **settings):
    """Makes the user folder tmp/NAME holding one profile (`pid`,
    `pseudonym`), picked last, whose settings.json holds `settings`.
    Returns the user folder."""
    user = os.path.join(tmp, name)
    pdir = os.path.join(user, "profiles", pid)
    os.makedirs(pdir)
    write_profiles(user, [profile(pid, pseudonym)])
    write_settings(pdir, **settings)
    return user


def profile_dir(user):
    """The folder of the one profile in the user folder `user` (the scripts
    create it on the profile screen), None before it exists."""
    base = os.path.join(user, "profiles")
    ids = sorted(os.listdir(base)) if os.path.isdir(base) else []
    return os.path.join(base, ids[0]) if len(ids) == 1 else None


def new_scenario(enjeux, lib, name="essai"):
    """Makes the scenario `name` in the folder `lib` with `enjeux new`.
    Returns (path of its scenario.json, None), or (None, the error)."""
    r = subprocess.run([enjeux, "new", "--dir", lib, name], capture_output=True, text=True)
    if r.returncode != 0:
        return None, "enjeux new: " + r.stderr
    return os.path.join(lib, name, "scenario.json"), None


def break_next(doc):
    """A copy of the scenario made by `enjeux new` (a dict) in which the
    second choice of the second scene leads to a scene that does not exist
    (a misspelt "fin-confiance"): an error of the validator."""
    bad = json.loads(json.dumps(doc))
    bad["scenes"][1]["choices"][1]["next"] = "fin-confience"
    return bad


def write_json(path, doc):
    """Writes `doc` to `path` as a scenario file is written (UTF-8, indented)."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)


def validate(enjeux, path, lang):
    """The diagnostics of `enjeux validate --format json --lang LANG PATH`."""
    run = subprocess.run([enjeux, "validate", "--format", "json", "--lang", lang, path],
                         capture_output=True, text=True, timeout=60)
    return json.loads(run.stdout)


def snapshot(root, dirs=False):
    """{path relative to `root`: bytes} of every file under `root`; with
    `dirs`, every folder too (its path ending in "/", b"")."""
    out = {}
    for d, subs, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = fh.read()
        if dirs:
            for sub in subs:
                out[os.path.relpath(os.path.join(d, sub), root) + "/"] = b""
    return out
