#!/usr/bin/env python3
"""run_dev_layout.py — the error screen of live authoring (`enjeux --dev`
on a scenario with errors) at 800×600 and 1920×1080, 100 % and 200 % text,
in French and English, through the real binary (SDL_VIDEODRIVER=dummy):

1. every widget inside the window, no two overlapping (as check_layout.py);
2. the bottom bar's three buttons take at most a third of the window's
   height (side by side when they fit, else on shared rows), so that the
   diagnostics keep the room;
3. the first diagnostic's location (file:line:column) is in view, whole,
   as the screen opens, without scrolling, though the scenario is copied
   into a folder with a long path first.

usage: run_dev_layout.py ENJEUX BROKEN_SCENARIO
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from check_layout import contains, overlap  # noqa: E402
import enjeux_test as et  # noqa: E402

LONG_FOLDER = "formation-continue-des-personnels-soignants-et-administratifs-session-de-printemps"

SCRIPT = """expect dev-error
wait 2
quit
"""


def run(enjeux, scenario, tmp, lang, size, text):
    where = f"{lang} {size} {text} %"
    name = f"dev-{lang}-{size}-{text}"
    user = et.user_with_profile(tmp, "user-" + name, language=lang, text_size=text)
    game = et.play(enjeux, ["--dev", scenario, "--size", size], user, tmp, name, SCRIPT, dumps=("layout",),
                   timeout=120)
    if game.failure(where):
        return [game.failure(where)]
    frames = game.frames("layout")
    shown = [fr for fr in frames if fr["screen"] == "dev-error"]
    if not shown:
        return [f"{where}: no dev-error frame"]
    fr = shown[-1]
    W, H = fr["w"], fr["h"]
    items = [i for i in fr["items"] if i["w"] > 0 and i["h"] > 0]
    errors = []
    for it in items:
        if it["x"] < 0 or it["y"] < 0 or it["x"] + it["w"] > W or it["y"] + it["h"] > H:
            errors.append(f"{where}: {it['name']} {it} leaves the window")
    for k, a in enumerate(items):
        for b in items[k + 1:]:
            if overlap(a, b) and not contains(a, b) and not contains(b, a):
                errors.append(f"{where}: {a['name']} {a} overlaps {b['name']} {b}")
    bar = [i for i in items if i["name"] in ("quit", "settings", "reload")]
    if len(bar) != 3:
        errors.append(f"{where}: the bar shows {[i['name'] for i in bar]}, want quit, settings, reload")
    elif H - min(i["y"] for i in bar) > H // 3:
        errors.append(f"{where}: the bottom bar starts at y={min(i['y'] for i in bar)}, more than a third of "
                      f"the window's {H} pixels: {bar}")
    first = et.item({"items": items}, "diag-1")
    if not first:
        errors.append(f"{where}: the first diagnostic's location is not in view as the screen opens")
    elif first.get("clipped"):
        errors.append(f"{where}: the first diagnostic's location is cut by the page's edge: {first}")
    return errors


def main():
    enjeux, scenario = sys.argv[1], os.path.abspath(sys.argv[2])
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-devlayout-") as tmp:
        # The scenario in a folder with a long path, as a trainer's may be:
        # what the screen shows must not depend on where the files are.
        # (Its whole library is copied, for the competency framework beside it.)
        folder = os.path.dirname(scenario)
        deep = os.path.join(tmp, LONG_FOLDER, os.path.basename(os.path.dirname(folder)))
        shutil.copytree(os.path.dirname(folder), deep)
        scenario = os.path.join(deep, os.path.basename(folder), os.path.basename(scenario))
        for lang in ("fr", "en"):
            for size in ("800x600", "1920x1080"):
                for text in (100, 200):
                    errors += run(enjeux, scenario, tmp, lang, size, text)
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("dev error screen: inside the window, the bar a third at most, the first diagnostic in view")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
