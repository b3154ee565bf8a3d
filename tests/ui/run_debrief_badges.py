#!/usr/bin/env python3
"""run_debrief_badges.py — a play that earns the badges of two course
levels at once (N1 and N2) shows both on the debrief, each with its level,
from N1 up, as the passport then lists them; through the real binary
(SDL_VIDEODRIVER=dummy), in French and English.

The library is the UI fixture's, with one more competency, of level 2,
targeted by the scenario and trained by « mentionner »: the path
anonymiser, mentionner, charte acquires every competency.

usage: run_debrief_badges.py ENJEUX LIBRARY
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

SCRIPT = """expect library
key Return
expect briefing
key Return
expect scene
key 2
expect consequence
key Return
expect scene
key 1
expect consequence
key Return
expect scene
key 1
expect consequence
key Return
expect ending
key Return
expect debrief
wait 2
expect-widget badge-1
see badge-2
key Shift+Tab
focus passport
key Return
expect passport
wait 2
quit
"""

EARNED = {"fr": "Badge obtenu", "en": "Badge earned"}


def make_library(src, dst):
    os.makedirs(dst)
    shutil.copytree(os.path.join(src, "atelier"), os.path.join(dst, "atelier"))
    with open(os.path.join(src, "competencies.json"), encoding="utf-8") as f:
        fw = json.load(f)
    fw["competencies"].append({
        "id": "evaluer-sorties", "level": 2, "domain": "ethique",
        "name": {"fr": "Évaluer ce que produit l'outil", "en": "Evaluate what the tool produces"},
        "description": {"fr": "Relire et vérifier avant de diffuser.", "en": "Review and check before sharing."}})
    with open(os.path.join(dst, "competencies.json"), "w", encoding="utf-8") as f:
        json.dump(fw, f, ensure_ascii=False)
    path = os.path.join(dst, "atelier", "scenario.json")
    with open(path, encoding="utf-8") as f:
        sc = json.load(f)
    sc["competencies"].append("evaluer-sorties")
    for scene in sc["scenes"]:
        for c in scene["choices"]:
            if c["id"] == "mentionner":
                c["effects"].setdefault("evidence", {})["evaluer-sorties"] = 2
    with open(path, "w", encoding="utf-8") as f:
        json.dump(sc, f, ensure_ascii=False)


def run(enjeux, library, tmp, lang):
    pid = "0123abcd"
    user = et.user_with_profile(tmp, f"user-{lang}", pid=pid, language=lang)
    game = et.play(enjeux, ["--library", library, "--seed", "1", "--size", "1280x720"], user, tmp, f"badges-{lang}",
                   SCRIPT, dumps=("layout", "texts"), timeout=120)
    if game.failure(lang):
        return [game.failure(lang)]
    errors = []
    rdir = os.path.join(user, "profiles", pid, "results")
    found = [n for n in os.listdir(rdir) if n.endswith(".json") and not n.endswith(".xapi.json")]
    with open(os.path.join(rdir, found[0]), encoding="utf-8") as f:
        if json.load(f)["badges"] != [1, 2]:
            return [f"{lang}: the play does not earn the badges N1 and N2: the test's library is wrong"]
    frames, words = game.frames("layout"), game.frames("texts")
    deb = [fr for fr in frames if fr["screen"] == "debrief"][-1]
    b1, b2 = et.item(deb, "badge-1"), et.item(deb, "badge-2")
    if not b1 or not b2:
        errors.append(f"{lang}: the debrief shows badge-1 {b1} and badge-2 {b2}, want both")
    elif b2["y"] <= b1["y"]:
        errors.append(f"{lang}: the N2 badge {b2} is not under the N1 badge {b1}")
    for level in (1, 2):
        if not et.item(deb, f"badge-image-{level}"):
            errors.append(f"{lang}: no image of the N{level} badge on the debrief")
    said = [w for w in words if w["screen"] == "debrief"][-1]["texts"]
    for level in (1, 2):
        if not any(EARNED[lang] in t and f"N{level}" in t for t in said):
            errors.append(f"{lang}: the debrief does not say the N{level} badge is earned: {said}")
    passport = [w for w in words if w["screen"] == "passport"][-1]["texts"]
    for level in (1, 2):
        if not any(t.startswith(f"★ N{level}") for t in passport):
            errors.append(f"{lang}: the passport does not list the N{level} badge as earned: {passport}")
    return errors


def main():
    enjeux, library = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-badges-") as tmp:
        lib = os.path.join(tmp, "library")
        make_library(library, lib)
        for lang in ("fr", "en"):
            errors += run(enjeux, lib, tmp, lang)
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("debrief: both badges earned (N1, N2) shown, as in the passport")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
