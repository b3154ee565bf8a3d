#!/usr/bin/env python3
"""run_dev_relang.py — the error screen of live authoring (`enjeux --dev`)
follows a change of language made in game (SDL_VIDEODRIVER=dummy):

1. started on a scenario that fails validation, in French: the validator's
   French messages; « Paramètres » from the error screen, English chosen,
   back: the same diagnostics as `enjeux validate --lang en` words them,
   and no French message left;
2. started on a good scenario that is then saved with an error (the game
   keeps the last good scenario and shows the file's errors): the same;
3. the way back, English to French, with the keyboard only; back from the
   settings, the focus is on « Paramètres » again.

usage: run_dev_relang.py ENJEUX
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

# On the error screen: « Paramètres », the language {to} chosen, back.
RELANG = """expect dev-error
wait 2
click @settings
expect settings
click @lang-{to}
wait 2
key Escape
expect dev-error
wait 2
quit
"""

START_BROKEN = RELANG

SAVED_BROKEN = """expect scene
copy {broken} {path}
sleep 1300
wait 2
""" + RELANG

# Keyboard only: Shift+Tab to « Paramètres » in the bottom bar (Quit,
# Settings, Reload: the focus starts on Reload); the settings open on the
# current language (English), French is the button before; Escape goes
# back, with the focus on « Paramètres » again (Return reopens them).
KEYS = """expect dev-error
wait 2
key Shift+Tab
key Return
expect settings
key Left
key Return
wait 2
key Escape
expect dev-error
wait 2
key Return
expect settings
wait 2
key Escape
expect dev-error
wait 2
quit
"""


def messages(enjeux, path, lang):
    return [d["message"] for d in et.validate(enjeux, path, lang) if d.get("message")]


def play(enjeux, tmp, name, scenario, script, lang):
    game = et.play(enjeux, ["--dev", scenario, "--lang", lang, "--seed", "1", "--size", "1280x720"],
                   os.path.join(tmp, "user-" + name), tmp, name, script, dumps=("texts",), cwd=tmp)
    if game.returncode != 0:
        return None, game.failure(name, 1500)
    return game.frames("texts"), None


def check(frames, name, lang, want, unwanted):
    shown = [f for f in frames if f["screen"] == "dev-error" and f["lang"] == lang]
    if not shown:
        return [f"{name}: no dev-error frame in {lang}"]
    texts = " ".join(shown[-1]["texts"])
    errors = [f"{name}: the {lang} error screen lacks {m!r}" for m in want if m not in texts]
    errors += [f"{name}: the {lang} error screen still shows {m!r}" for m in unwanted if m in texts]
    return errors


def main():
    enjeux = os.path.abspath(sys.argv[1])
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-devlang-") as tmp:
        lib = os.path.join(tmp, "lib")
        path, err = et.new_scenario(enjeux, lib)
        if err:
            print("FAIL:", err)
            return 1
        with open(path, encoding="utf-8") as f:
            good = json.load(f)
        bad = et.break_next(good)
        broken = os.path.join(tmp, "broken.json")
        et.write_json(broken, bad)
        # 1. and 3.: a start on the broken file.
        et.write_json(path, bad)
        fr, en = messages(enjeux, path, "fr"), messages(enjeux, path, "en")
        if not fr or set(fr) & set(en):
            print(f"FAIL: validate gives no distinct French and English messages: {fr} / {en}")
            return 1
        frames, err = play(enjeux, tmp, "start", os.path.join(lib, "essai"), START_BROKEN.format(to="en"), "fr")
        errors += [err] if err else check(frames, "start broken", "fr", fr, en) + \
            check(frames, "start broken", "en", en, fr)
        frames, err = play(enjeux, tmp, "keys", os.path.join(lib, "essai"), KEYS, "en")
        errors += [err] if err else check(frames, "keyboard", "en", en, fr) + check(frames, "keyboard", "fr", fr, en)
        if not err:
            screens = [f["screen"] for f in frames]
            opened = sum(1 for k, sc in enumerate(screens) if sc == "settings" and (k == 0 or screens[k - 1] != sc))
            if opened != 2:
                errors.append(f"keyboard: back from the settings, Return does not open them again "
                              f"(the focus is not back on « Paramètres »): opened {opened} time(s)")
        # 2.: a good start, then a save with an error.
        et.write_json(path, good)
        frames, err = play(enjeux, tmp, "saved", os.path.join(lib, "essai"),
                           SAVED_BROKEN.format(broken=broken, path=path, to="en"), "fr")
        errors += [err] if err else check(frames, "saved broken", "fr", fr, en) + \
            check(frames, "saved broken", "en", en, fr)
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("--dev error screen: the validator's messages follow the language chosen in the settings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
