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
import subprocess
import sys
import tempfile

START_BROKEN = """expect dev-error
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

SAVED_BROKEN = """expect scene
copy {broken} {path}
sleep 1300
wait 2
expect dev-error
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
    run = subprocess.run([enjeux, "validate", "--format", "json", "--lang", lang, path],
                         capture_output=True, text=True, timeout=60)
    return [d["message"] for d in json.loads(run.stdout) if d.get("message")]


def play(enjeux, tmp, name, scenario, script, lang):
    path = os.path.join(tmp, name + ".script")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script)
    dump = os.path.join(tmp, name + ".texts")
    user = os.path.join(tmp, "user-" + name)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software", SDL_AUDIODRIVER="dummy",
               ENJEUX_USER_DIR=user)
    p = subprocess.run([enjeux, "--dev", scenario, "--lang", lang, "--seed", "1", "--size", "1280x720",
                        "--script", path, "--text-dump", dump], env=env, capture_output=True, text=True,
                       timeout=180, cwd=tmp)
    if p.returncode != 0:
        return None, f"{name}: the game exited with {p.returncode}: {p.stderr.strip()[-1500:]}"
    with open(dump, encoding="utf-8") as f:
        return [json.loads(line) for line in f], None


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
        r = subprocess.run([enjeux, "new", "--dir", lib, "essai"], capture_output=True, text=True)
        if r.returncode != 0:
            print("FAIL: enjeux new:", r.stderr)
            return 1
        path = os.path.join(lib, "essai", "scenario.json")
        with open(path, encoding="utf-8") as f:
            good = json.load(f)
        bad = json.loads(json.dumps(good))
        bad["scenes"][1]["choices"][1]["next"] = "fin-confience"
        broken = os.path.join(tmp, "broken.json")
        with open(broken, "w", encoding="utf-8") as f:
            json.dump(bad, f, ensure_ascii=False, indent=2)
        # 1. and 3.: a start on the broken file.
        with open(path, "w", encoding="utf-8") as f:
            json.dump(bad, f, ensure_ascii=False, indent=2)
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
        with open(path, "w", encoding="utf-8") as f:
            json.dump(good, f, ensure_ascii=False, indent=2)
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
