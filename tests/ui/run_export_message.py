#!/usr/bin/env python3
"""run_export_message.py — the settings' export folder, given a folder that
does not exist, through the real binary (SDL_VIDEODRIVER=dummy), at 200 %
text, at 800×600 and 1920×1080, in French and English, in normal and high
contrast:

1. what is wrong is laid out right under the field, above the buttons
   « Utiliser ce dossier » / « Aucun dossier », and the field and the
   message are both in view, unclipped, once Return was pressed;
2. the message follows a switch of language made on the same screen
   (it is worded when drawn, not when the folder was checked).

usage: run_export_message.py ENJEUX LIBRARY
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

GONE = "/nonexistent-enjeux-usb/ENJEUX"

SAID = {"fr": "n'existe pas", "en": "does not exist"}

SCRIPT = et.KEYS_TO_SETTINGS + """{ups}key Ctrl+u
text {gone}
key Return
wait 3
see export-error
key Down
key Home
wait 2
click @lang-{other}
wait 3
quit
"""


def bottom(i):
    return i["y"] + i["h"]


def run(enjeux, library, tmp, lang, size, contrast):
    where = f"{lang} {size} {'high contrast' if contrast else 'normal contrast'}"
    user = et.user_with_profile(tmp, f"user-{lang}-{size}-{contrast}", language=lang, text_size=200,
                                high_contrast=contrast)
    other = "en" if lang == "fr" else "fr"
    # The settings open on the current language's button: French is four
    # buttons after the field (Tab order wraps), English five.
    game = et.play(enjeux, ["--library", library, "--size", size], user, tmp, "export",
                   SCRIPT.format(gone=GONE, other=other, ups="key Up\n" * (4 if lang == "fr" else 5)),
                   dumps=("layout", "texts"), timeout=120)
    if game.returncode != 0:
        return [game.failure(where)]
    frames, words = game.frames("layout"), game.frames("texts")
    errors = []
    # The frame the player sees after Return: the screen lays the message
    # out, then scrolls it into view on the frame that follows.
    shown = [f for f in frames if f["screen"] == "settings" and et.item(f, "export-error")]
    if not shown:
        return [f"{where}: no export-error after a folder that does not exist"]
    f = shown[:2][-1]
    field, msg, use = et.item(f, "export-dir"), et.item(f, "export-error"), et.item(f, "export-use")
    if not field:
        errors.append(f"{where}: the field is out of view with its message")
    else:
        # The buttons come after the message (when they fit in view too).
        if msg["y"] < field["y"] + field["h"] or (use and use["y"] < msg["y"] + msg["h"]):
            errors.append(f"{where}: the message {msg} is not between the field {field} and the buttons {use}")
        for what, i in (("the field", field), ("the message", msg)):
            if i["clipped"]:
                errors.append(f"{where}: {what} is cut by the edge of the page: {i}")
    said = [w for w in words if w["screen"] == "settings" and any(GONE in t for t in w["texts"])]
    for lg in (lang, other):
        last = [w for w in said if w["lang"] == lg]
        if not last:
            errors.append(f"{where}: no settings frame in {lg} with the message")
        elif not any(GONE in t and SAID[lg] in t for t in last[-1]["texts"]):
            errors.append(f"{where}: in {lg}, the message is not worded in {lg}: "
                          f"{[t for t in last[-1]['texts'] if GONE in t]}")
    return errors


def main():
    enjeux, library = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("fr", "en"):
            for size in ("800x600", "1920x1080"):
                for contrast in (False, True):
                    errors += run(enjeux, library, tmp, lang, size, contrast)
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("export folder: the error under its field, in view, in the language shown")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
