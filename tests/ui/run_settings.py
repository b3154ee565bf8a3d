#!/usr/bin/env python3
"""Settings through the real binary (SDL_VIDEODRIVER=dummy), in one user
folder, as a player would meet them:

1. keyboard only at 800x600: the settings screen sets the text to 200 %
   and high contrast, then a whole scenario is played to the debrief (the
   result file is checked);
2. a restart: the settings are still 200 % and high contrast;
3. a settings file cut in the middle: the game starts, shows the player a
   message, names the file with line and column on stderr, keeps a copy
   (.damaged) and writes clean defaults;
4. an out-of-range and a mistyped value: only those are reset, the rest is
   kept, each reported at its line and column;
   (settings.json follows scenarios/schema/settings.schema.json)
5. (--voice) self-voicing on: the text of the scene and the focused choice
   are spoken (--voice-log).

usage: run_settings.py ENJEUX LIBRARY TESTS_UI_DIR [--voice]
"""
import json
import os

import jsonschema
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

errors = []


def fail(msg):
    errors.append(msg)
    print("FAIL:", msg)


def run(enjeux, library, user, script_text, extra=(), name="script"):
    path = os.path.join(user, "..", name + ".script")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script_text)
    env = et.game_env(user)
    env.pop("LANG", None)
    env.pop("LC_ALL", None)
    cmd = [enjeux, "--library", library, "--seed", "1", "--size", "800x600", "--script", path] + list(extra)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        fail(f"{name}: {' '.join(cmd)} exited with {proc.returncode}\n{proc.stdout}{proc.stderr}")
    return proc


def profile_dir(user):
    """The folder of the one profile the first run created."""
    with open(os.path.join(user, "profiles.json"), encoding="utf-8") as f:
        ids = [p["id"] for p in json.load(f)["profiles"]]
    return os.path.join(user, "profiles", ids[0])


def read_settings(user):
    with open(os.path.join(profile_dir(user), "settings.json"), encoding="utf-8") as f:
        return json.load(f)


# A profile, then title → settings (Tab from "New game": passport, profile,
# class debrief, settings), text size up ten steps, high contrast, back
# (the focus is on « Paramètres » again: Shift+Tab up to "New game"), then
# the keyboard play of tests/ui/keyboard.script.
PLAY_200 = """expect profiles
text Camille
key Return
expect library
key Escape
expect title
key Tab
key Tab
key Tab
key Tab
key Return
expect settings
key Tab
key Tab
key Tab
""" + "key Return\n" * 10 + """setting text_size 200
key Tab
key Tab
key Tab
key Tab
key Tab
key Tab
key Return
setting high_contrast true
key Escape
expect title
focus settings
key Shift+Tab
key Shift+Tab
key Shift+Tab
key Shift+Tab
focus new-game
key Return
expect library
"""


def main():
    enjeux, library, ui_dir = sys.argv[1:4]
    voice = "--voice" in sys.argv[4:]
    with open(os.path.join(ui_dir, "keyboard.script"), encoding="utf-8") as f:
        play = f.read()
    # keyboard.script starts on the library and goes back to the title first.
    play = play[play.index("key Return\nexpect briefing"):]
    with tempfile.TemporaryDirectory(prefix="enjeux-settings-") as tmp:
        user = os.path.join(tmp, "user")
        os.makedirs(user)

        # 1. Set 200 % and high contrast with the keyboard, play to the end.
        run(enjeux, library, user, PLAY_200 + play, name="play200")
        rdir = os.path.join(profile_dir(user), "results")
        found = [f for f in os.listdir(rdir) if f.endswith(".json") and not f.endswith(".xapi.json")] \
            if os.path.isdir(rdir) else []
        if len(found) != 1:
            fail(f"the play at 200 % wrote {len(found)} results files, want 1")
        else:
            with open(os.path.join(rdir, found[0]), encoding="utf-8") as f:
                res = json.load(f)
            if res.get("ending", {}).get("id") != "fin-mitigee":
                fail(f"the play at 200 % ended on {res.get('ending')!r}, want 'fin-mitigee'")
        st = read_settings(user)
        if st.get("text_size") != 200 or st.get("high_contrast") is not True:
            fail(f"settings.json after the play: {st}")
        schema_path = os.path.join(ui_dir, "..", "..", "scenarios", "schema", "settings.schema.json")
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        try:
            jsonschema.Draft202012Validator(schema).validate(st)
        except jsonschema.ValidationError as e:
            fail(f"settings.json does not follow scenarios/schema/settings.schema.json: {e.message}")

        # 2. Restart: the settings are back.
        run(enjeux, library, user, "expect library\nsetting text_size 200\nsetting high_contrast true\nquit\n",
            name="restart")

        # 3. A file cut in the middle (a crash of another program, a full disk).
        path = os.path.join(profile_dir(user), "settings.json")
        broken = '{\n  "format": 1,\n  "text_size": 15'
        with open(path, "w", encoding="utf-8") as f:
            f.write(broken)
        proc = run(enjeux, library, user, "expect library\nsee settings-notice\nsetting text_size 100\n"
                   "setting high_contrast false\nquit\n", name="damaged")
        if "settings.json:3:18:" not in proc.stderr or "not valid JSON" not in proc.stderr:
            fail(f"damaged file: stderr does not name settings.json:3:18 and the problem:\n{proc.stderr}")
        try:
            with open(path + ".damaged", encoding="utf-8") as f:
                if f.read() != broken:
                    fail("the .damaged copy differs from the damaged file")
        except OSError:
            fail("no copy of the damaged file was kept")
        st = read_settings(user)
        if st.get("text_size") != 100 or st.get("format") != 1:
            fail(f"the damaged file was not replaced by defaults: {st}")

        # 4. Bad values: only they are reset.
        with open(path, "w", encoding="utf-8") as f:
            f.write('{\n  "format": 1,\n  "text_size": 350,\n  "high_contrast": true,\n'
                    '  "reduced_motion": "yes",\n  "language": "en"\n}\n')
        proc = run(enjeux, library, user, "expect library\nsee settings-notice\nsetting text_size 100\n"
                   "setting high_contrast true\nsetting reduced_motion false\nsetting language \"en\"\nquit\n",
                   name="values")
        for want in ('settings.json:3:16: "text_size" is 350 (100\u2013200), out of bounds: 100 used instead.',
                     'settings.json:5:21: "reduced_motion" is "yes", which has the wrong type: false used instead.'):
            if want not in proc.stderr:
                fail(f"stderr lacks {want!r}:\n{proc.stderr}")
        st = read_settings(user)
        if st.get("text_size") != 100 or st.get("high_contrast") is not True or st.get("language") != "en":
            fail(f"the repaired file: {st}")
        # The next start is clean: no message.
        proc = run(enjeux, library, user, "expect library\nquit\n", name="clean")
        if "settings.json" in proc.stderr:
            fail(f"a clean file still reported:\n{proc.stderr}")

        # 5. Self-voicing: the scene text, then the focused choice.
        if voice:
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"format": 1, "language": "fr", "self_voicing": true}\n')
            log = os.path.join(tmp, "voice.log")
            run(enjeux, library, user, "expect library\nkey Return\nexpect briefing\nkey Return\nexpect scene\n"
                "wait 2\nkey Down\nwait 2\nquit\n", extra=["--voice-log", log], name="voice")
            with open(os.path.join(library, "atelier", "scenario.json"), encoding="utf-8") as f:
                sc = json.load(f)
            scene = next(s for s in sc["scenes"] if s["id"] == sc["start"])
            try:
                with open(log, encoding="utf-8") as f:
                    spoken = f.read()
            except OSError:
                spoken = ""
            if scene["text"]["fr"] not in spoken:
                fail(f"the scene text was not spoken; voice log:\n{spoken}")
            if scene["choices"][1]["text"]["fr"] not in spoken.split("\n")[-2]:
                fail(f"the focused choice was not spoken last; voice log:\n{spoken}")
    if not errors:
        print("ok: settings set from the keyboard, a play at 200 % text at 800x600, restart, "
              "damaged and out-of-range files recovered" + (", self-voicing" if voice else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
