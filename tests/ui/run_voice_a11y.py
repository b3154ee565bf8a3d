#!/usr/bin/env python3
"""run_voice_a11y.py — self-voicing (--voice-log) on the screens a player or
an author fills in or reads without the eyes, through the real binary
(SDL_VIDEODRIVER=dummy):

1. profiles: a text field reached with Tab says what it is for (its
   placeholder), and turning to another page of profiles says « Page 2
   sur 3 »;
2. the --dev error screen reads its diagnostics aloud: the validator's
   message and its hint, not only the title.

usage: run_voice_a11y.py ENJEUX LIBRARY
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

PROFILES = """expect library
key Escape
expect title
click @profile
expect profiles
wait 2
key PageDown
wait 3
key Shift+Tab
wait 3
quit
"""

DEV = """expect dev-error
wait 3
quit
"""


def po(key, lang="fr"):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, "assets", "i18n", lang + ".po"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line == f'msgctxt "{key}"':
            return json.loads(lines[i + 2][len("msgstr "):])
    raise SystemExit(f"no {key} in {lang}.po")


def game(enjeux, args, user, tmp, name, script):
    g = et.play(enjeux, args + ["--lang", "fr", "--size", "1280x720"], user, tmp, name, script, dumps=("voice",),
                cwd=tmp)
    if g.returncode != 0:
        return None, g.failure(name, 1500)
    return g.voice(), None


def user_with(tmp, name, n):
    user = os.path.join(tmp, name)
    profiles = [et.profile("%08x" % (0xa0000000 + i), f"Stagiaire {i + 1}", "2026-11-02T09:00:00Z")
                for i in range(n)]
    os.makedirs(os.path.join(user, "profiles", profiles[0]["id"]))
    et.write_profiles(user, profiles)
    et.write_settings(os.path.join(user, "profiles", profiles[0]["id"]), language="fr", self_voicing=True)
    return user


def main():
    enjeux, library = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-voice-") as tmp:
        # A profile in use with self-voicing, among 45: the title's
        # « Changer de profil » opens the list on its first page.
        user = user_with(tmp, "many", 1)
        with open(os.path.join(user, "profiles.json"), encoding="utf-8") as f:
            data = json.load(f)
        data["profiles"] += [{"id": "%08x" % (0xb0000000 + i), "pseudonym": f"Autre {i}",
                              "created": "2026-11-02T09:00:00Z"} for i in range(44)]
        with open(os.path.join(user, "profiles.json"), "w", encoding="utf-8") as f:
            json.dump(data, f)
        spoken, err = game(enjeux, ["--library", library], user, tmp, "profiles",
                           "expect profiles\nclick @profile-0\n" + PROFILES)
        if err:
            errors.append(err)
        else:
            if "Page 2 sur 3" not in spoken:
                errors.append(f"profiles: turning to page 2 is not said; voice log:\n{spoken[-1500:]}")
            if po("prof.code_placeholder") not in spoken:
                errors.append(f"profiles: the workshop code field, focused, does not say what it is for; "
                              f"voice log:\n{spoken[-1500:]}")
        # The --dev error screen.
        lib = os.path.join(tmp, "lib")
        path, err = et.new_scenario(enjeux, lib)
        if err:
            errors.append(err)
        else:
            with open(path, encoding="utf-8") as f:
                sc = et.break_next(json.load(f))
            et.write_json(path, sc)
            diags = [d for d in et.validate(enjeux, path, "fr") if d["severity"] == "error"]
            spoken, err = game(enjeux, ["--dev", os.path.join(lib, "essai")], user_with(tmp, "dev", 1), tmp, "dev", DEV)
            if err:
                errors.append(err)
            elif not diags:
                errors.append("the broken scenario gives no error")
            else:
                for d in diags:
                    for part in (d["message"], d.get("hint")):
                        if part and part not in spoken:
                            errors.append(f"dev-error: {part!r} is not read aloud; voice log:\n{spoken[-1500:]}")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("self-voicing: fields say what they are for, the page of profiles, the --dev diagnostics")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
