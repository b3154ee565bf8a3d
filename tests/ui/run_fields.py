#!/usr/bin/env python3
"""run_fields.py — the text fields (src/ui/field.c) through the real binary,
keyboard only (SDL_VIDEODRIVER=dummy):

1. the pseudonym is edited at a caret: Left/Right by character (never
   inside an accented one), Home/End, Delete and Backspace where the caret
   is, text typed at the caret; Tab and Return still leave and confirm; the
   profile is created with the pseudonym as edited;
2. the export folder field, given a path far longer than the box at
   800×600, and 1280×720 at 200 % text, stays one line high: the text shown lies inside
   the box, the path scrolls sideways (its end is shown with the caret at
   the end, its start after Home), and the whole path is kept;
3. a click in a field puts the caret at the nearest character boundary:
   in the middle of a pseudonym of equal letters, at its start; in the
   long path scrolled to its end, at the first character shown (not at
   the path's start).

usage: run_fields.py ENJEUX LIBRARY
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

EDIT = """expect profiles
text Zoé
key Left
text ë
key Home
key Delete
text M
key End
key BackSpace
key Left
key Left
text a
key Right
key Right
key Right
text l
key Ctrl+Left
key Ctrl+Delete
text Noé
key Return
expect library
quit
"""

LONG = "/media/clé-usb/" + "/".join(f"dossier-très-long-numéro-{i}" for i in range(12)) + "/fin"

# From the library to the export folder field of the settings, emptied,
# then the long path typed.
TYPE_LONG = et.KEYS_TO_SETTINGS + f"""key Up
key Up
key Up
key Up
key Ctrl+u
text {LONG}
"""

PATH = TYPE_LONG + """wait 2
key Home
wait 2
key End
text /ok
wait 2
quit
"""

CLICK = """expect profiles
text wwwwwwww
wait 2
click @pseudonym-text 50%
text -
wait 2
click @pseudonym-text 0%
text A
key Return
expect library
quit
"""

CLICK_PATH = TYPE_LONG + """wait 2
click @export-dir-text 0%
text X
key Return
wait 2
quit
"""


def run(enjeux, library, user, script_text, tmp, name, *extra):
    game = et.play(enjeux, ["--library", library, "--lang", "fr"] + list(extra), user, tmp, name, script_text,
                   dumps=("layout", "texts"), timeout=120)
    if game.returncode != 0:
        raise SystemExit("FAIL: " + game.failure(name))
    return game.frames("layout"), game.frames("texts")


def inside(a, b):
    return a["x"] >= b["x"] and a["y"] >= b["y"] and a["x"] + a["w"] <= b["x"] + b["w"] and \
        a["y"] + a["h"] <= b["y"] + b["h"]


def check_path(frames, words, where):
    errors = []
    settings = [f for f in frames if f["screen"] == "settings" and et.item(f, "export-dir")]
    if not settings:
        return [f"{where}: no settings frame with the export folder field"]
    first = et.item(settings[0], "export-dir")
    for f in settings:
        box, text = et.item(f, "export-dir"), et.item(f, "export-dir-text")
        if box["h"] != first["h"]:
            errors.append(f"{where}: the field grew from {first['h']} to {box['h']} pixels high with a long path")
            break
        if text and not inside(text, box):
            errors.append(f"{where}: the path shown {text} overflows the box {box}")
            break
    shown = [t for w in words if w["screen"] == "settings" for t in w["texts"] if "dossier" in t or "/ok" in t]
    if not any(t.endswith("/fin") for t in shown):
        errors.append(f"{where}: the end of the long path is never shown while the caret is there")
    if not any(t.startswith("/media/cl") for t in shown):
        errors.append(f"{where}: Home does not bring the start of the long path into view")
    if not any(t.endswith("/fin/ok") for t in shown):
        errors.append(f"{where}: text typed after End is not shown at the end")
    if any(LONG in t for t in shown):
        errors.append(f"{where}: the whole long path is drawn at once instead of the part around the caret")
    return errors


def check_click_path(words):
    """The long path typed (caret and view at its end), a click at the left
    edge of the text shown, X typed: X lands before the first character
    that was shown, which the error message (the folder does not exist)
    names."""
    shown = [t for w in words if w["screen"] == "settings" for t in w["texts"] if t.endswith("/fin")]
    if not shown:
        return ["click in the path: its end is never shown"]
    k = len(LONG) - len(shown[-1])
    want = LONG[:k] + "X" + LONG[k:]
    said = [t for w in words if w["screen"] == "settings" for t in w["texts"] if "/media/cl" in t and "X" in t]
    if k <= 0:
        return ["click in the path: the long path is not scrolled sideways"]
    if not any(want in t for t in said):
        got = said[-1] if said else "no message"
        return [f"click at the left of the path shown from byte {k}: want X there, the message says {got!r}"]
    return []


def main():
    enjeux, library = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        user = os.path.join(tmp, "user")
        os.makedirs(user)
        run(enjeux, library, user, EDIT, tmp, "edit", "--size", "1280x720")
        with open(os.path.join(user, "profiles.json"), encoding="utf-8") as f:
            names = [p["pseudonym"] for p in json.load(f)["profiles"]]
        clicked = os.path.join(tmp, "clicked")
        os.makedirs(clicked)
        run(enjeux, library, clicked, CLICK, tmp, "click", "--size", "1280x720")
        with open(os.path.join(clicked, "profiles.json"), encoding="utf-8") as f:
            clicked_names = [p["pseudonym"] for p in json.load(f)["profiles"]]
        if clicked_names != ["Awwww-wwww"]:
            errors.append(f"clicks in the pseudonym (middle, then start): profiles {clicked_names}, "
                          "want ['Awwww-wwww']")
        # Zoé → Zoëé → oëé → Moëé → Moë → Maoë → Maoël → (Ctrl+Left: before
        # Maoël; Ctrl+Delete: the word) → Noé
        if names != ["Noé"]:
            errors.append(f"pseudonym edited at the caret: profiles {names}, want ['Noé']")
        with open(os.path.join(user, "profiles.json"), encoding="utf-8") as f:
            pdir = os.path.join(user, "profiles", json.load(f)["profiles"][0]["id"])
        frames, words = run(enjeux, library, user, CLICK_PATH, tmp, "clickpath", "--size", "800x600")
        errors += check_click_path(words)
        for scale, size in ((100, "800x600"), (200, "1280x720")):
            et.write_settings(pdir, text_size=scale)
            frames, words = run(enjeux, library, user, PATH, tmp, f"path{scale}", "--size", size)
            errors += check_path(frames, words, f"{scale} % text")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("fields: caret editing (accents kept whole), long path scrolled inside its box")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
