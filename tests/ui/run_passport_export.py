#!/usr/bin/env python3
"""run_passport_export.py — the passport's « Tout exporter » with an export
folder that is not there (a USB stick removed), through the real binary
(SDL_VIDEODRIVER=dummy), in French and English, at 800×600 and 1920×1080
with 200 % text:

1. the message says what is wrong, and a button under it opens the
   settings on the export folder;
2. the language changed there is the message's language once back on the
   passport (the message is worded when drawn, not when exporting), and
   the focus is back on that button.

usage: run_passport_export.py ENJEUX LIBRARY
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

GONE = "/nonexistent-enjeux-usb/ENJEUX"

SAID = {"fr": "n'est plus là", "en": "is not there any more"}

SCRIPT = """expect library
key Escape
expect title
key Down
focus passport
key Return
expect passport
key Shift+Tab
focus export-all
key Return
wait 2
see export-error
click @export-choose
expect settings
focus export-dir
click @lang-{other}
wait 2
setting language "{other}"
key Escape
expect passport
focus export-choose
see export-error
wait 2
quit
"""


def run(enjeux, library, tmp, lang, size):
    where = f"{lang} {size}"
    user = et.user_with_profile(tmp, f"user-{lang}-{size}", language=lang, text_size=200, export_dir=GONE)
    other = "en" if lang == "fr" else "fr"
    game = et.play(enjeux, ["--library", library, "--size", size], user, tmp, f"passport-{lang}-{size}",
                   SCRIPT.format(other=other), dumps=("texts",), timeout=120)
    if game.failure(where):
        return [game.failure(where)]
    words = game.frames("texts")
    errors = []
    said = [w for w in words if w["screen"] == "passport" and any(GONE in t for t in w["texts"])]
    for lg in (lang, other):
        last = [w for w in said if w["lang"] == lg]
        if not last:
            errors.append(f"{where}: no passport frame in {lg} with the message")
        elif not any(GONE in t and SAID[lg] in t for t in last[-1]["texts"]):
            errors.append(f"{where}: in {lg}, the message is not worded in {lg}: "
                          f"{[t for t in last[-1]['texts'] if GONE in t]}")
    if said and said[-1]["lang"] != other:
        errors.append(f"{where}: the passport's last frame is in {said[-1]['lang']}, not {other}")
    return errors


def main():
    enjeux, library = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-passport-") as tmp:
        for lang in ("fr", "en"):
            for size in ("800x600", "1920x1080"):
                errors += run(enjeux, library, tmp, lang, size)
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("passport export: the message, and the settings from it, in the language shown")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
