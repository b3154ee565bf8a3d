#!/usr/bin/env python3
"""check_relang.py — texts the game formats once (when it loads a file)
follow a change of language made in game, without a restart:

- the library card of a scenario that does not load: its diagnostics, as
  `enjeux validate --lang` words them;
- the notice about a damaged settings.json (library and settings screens).

The game starts in French with one profile whose settings.json has a value
out of bounds; the script switches to English in the settings, then goes
back to the library. Every frame's texts come from --text-dump.

usage: check_relang.py ENJEUX LIBRARY
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

SCRIPT = """expect library
wait 2
click @back
expect title
click @settings
expect settings
see settings-notice
click @lang-en
wait 2
see settings-notice
click @back
expect title
click @new-game
expect library
wait 2
quit
"""


def messages(enjeux, broken, lang):
    return [d["message"] for d in et.validate(enjeux, broken, lang) if d["severity"] == "error"]


def main():
    enjeux, library = sys.argv[1], sys.argv[2]
    broken = os.path.join(library, "casse")
    fr, en = messages(enjeux, broken, "fr"), messages(enjeux, broken, "en")
    errors = []
    if not fr or fr == en:
        errors.append(f"validate gives no distinct French and English errors for {broken}")
    with tempfile.TemporaryDirectory() as tmp:
        user = os.path.join(tmp, "user")
        pid = "0123abcd"
        os.makedirs(os.path.join(user, "profiles", pid))
        et.write_profiles(user, [et.profile(pid, "Zoë")])
        with open(os.path.join(user, "profiles", pid, "settings.json"), "w", encoding="utf-8") as f:
            f.write('{"format": 1, "language": "fr", "text_size": 350}\n')
        game = et.play(enjeux, ["--library", library, "--size", "1280x720"], user, tmp, "relang", SCRIPT,
                       dumps=("texts",), timeout=120)
        if game.returncode != 0:
            print("FAIL:", game.failure("relang"))
            return 1
        frames = game.frames("texts")

    def has(frame, piece):
        return any(piece in t for t in frame["texts"])

    def check(screen, lang, want, unwanted, what):
        shown = [f for f in frames if f["screen"] == screen and f["lang"] == lang]
        if not shown:
            errors.append(f"no {screen} frame in {lang}")
            return
        last = shown[-1]
        for m in want:
            if not has(last, m):
                errors.append(f"{screen} in {lang}: {what} lacks {m!r}")
        for m in unwanted:
            if has(last, m):
                errors.append(f"{screen} in {lang}: {what} still shows {m!r}")

    check("library", "fr", fr[:1], en[:1], "the broken scenario's card")
    check("library", "en", en[:1], fr[:1], "the broken scenario's card")
    # settings_issue_format's words for a number out of bounds.
    check("settings", "fr", ["hors des limites"], ["out of bounds"], "the settings notice")
    check("settings", "en", ["out of bounds"], ["hors des limites"], "the settings notice")
    check("library", "en", ["out of bounds"], ["hors des limites"], "the settings notice")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("library diagnostics and the settings notice follow the language switched in game")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
