#!/usr/bin/env python3
"""check_langnote.py — a scenario missing its English is shown in French
with a discreet notice, and only then (src/ui/langnote.c).

    check_langnote.py ENJEUX --root REPO

Runs the screenshot tour of each scenario of tests/fixtures/i18n/library in
French and in English with --text-dump: en-francais (written in French only)
must carry the "in French only" notice on its library card, briefing and
scenes in English; en-partie (two texts without English) the "partly in
French" one; traduit (complete) and every French screen none.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_catalogues import read_po  # noqa: E402

EXPECT = {"en-francais": "all", "en-partie": "some", "traduit": None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("enjeux")
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    lib = os.path.join(a.root, "tests", "fixtures", "i18n", "library")
    cats = {lang: read_po(os.path.join(a.root, "assets", "i18n", f"{lang}.po"))[0] for lang in ("fr", "en")}

    def note(lang, kind, short):
        return cats[lang][f"langnote.{kind}{'_short' if short else ''}"]["text"]

    problems = []
    with tempfile.TemporaryDirectory(prefix="enjeux-langnote-") as tmp:
        for name, kind in EXPECT.items():
            for lang in ("fr", "en"):
                dump = os.path.join(tmp, f"{name}-{lang}.jsonl")
                env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software",
                           ENJEUX_USER_DIR=os.path.join(tmp, "user"))
                cmd = [a.enjeux, "--screenshots", os.path.join(tmp, "shots"), "--sizes", "800x600", "--lang", lang,
                       "--library", lib, "--seed", "1", "--text-dump", dump, os.path.join(lib, name)]
                proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
                if proc.returncode != 0:
                    problems.append(f"{' '.join(cmd)} exited with {proc.returncode}: {proc.stderr[-2000:]}")
                    continue
                frames = [json.loads(line) for line in open(dump, encoding="utf-8")]
                want = kind if lang == "en" else None
                every = {note(lang, k, s) for k in ("all", "some") for s in (False, True)}
                for screen, short in (("briefing", False), ("scene", True)):
                    texts = [t for f in frames if f["screen"] == screen for t in f["texts"]]
                    if not texts:
                        problems.append(f"{name} ({lang}): the tour showed no {screen} screen")
                        continue
                    if want:
                        n = note(lang, want, short)
                        if not any(n in t for t in texts):
                            problems.append(f"{name} ({lang}): the {screen} screen lacks the notice \"{n}\"")
                    for t in texts:
                        for n in every - ({note(lang, want, short)} if want else set()):
                            if n in t:
                                problems.append(f"{name} ({lang}): the {screen} screen shows \"{n}\", "
                                                f"which does not apply")
                lib_texts = [t for f in frames if f["screen"] == "library" for t in f["texts"]]
                if want and not any(note(lang, want, True) in t for t in lib_texts):
                    problems.append(f"{name} ({lang}): no library card says \"{note(lang, want, True)}\"")
                print(f"{name} ({lang}): {len(frames)} frames checked")
    for p in problems:
        print("FAIL", p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
