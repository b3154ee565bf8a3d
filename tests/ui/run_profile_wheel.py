#!/usr/bin/env python3
"""run_profile_wheel.py — the mouse wheel on the profiles screen, through the
real binary (SDL_VIDEODRIVER=dummy), with 45 profiles (three pages of 20):

1. at 800×600 the page is taller than the window: the wheel scrolls it
   (as on every screen) before it turns the page;
2. wheeling on down, once the page is at its end, turns to page 2 shown
   from its heading, then to page 3; never past the last page;
3. wheeling up, once at the top, turns back to the previous page shown
   from the end of its list (its last profile in view), down to page 1;
4. at 1920×1080 and 3840×2160 as well (fewer notches scroll, the same turns).

usage: run_profile_wheel.py ENJEUX LIBRARY
"""
import json
import os
import subprocess
import sys
import tempfile

NOTCHES = 60


def script():
    lines = ["expect profiles", "wait 2"]
    lines += ["wheel down", "wait 2"] * NOTCHES
    lines += ["wheel up", "wait 2"] * NOTCHES
    lines += ["quit"]
    return "\n".join(lines) + "\n"


def item(frame, name):
    return next((i for i in frame["items"] if i["name"] == name), None)


def run(enjeux, library, tmp, size):
    user = os.path.join(tmp, "user-" + size)
    os.makedirs(user)
    profiles = [{"id": "%08x" % (0xa0000000 + i), "pseudonym": f"Stagiaire {i + 1}",
                 "created": "2026-11-%02dT09:00:00Z" % (i % 28 + 1)} for i in range(45)]
    with open(os.path.join(user, "profiles.json"), "w", encoding="utf-8") as f:
        json.dump({"format": 1, "last": profiles[0]["id"], "profiles": profiles}, f)
    path = os.path.join(tmp, "wheel.script")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script())
    layout, texts = os.path.join(tmp, "wheel.layout"), os.path.join(tmp, "wheel.texts")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software", SDL_AUDIODRIVER="dummy",
               ENJEUX_USER_DIR=user)
    p = subprocess.run([enjeux, "--library", library, "--lang", "fr", "--size", size, "--script", path,
                        "--layout-dump", layout, "--text-dump", texts], env=env, capture_output=True, text=True,
                       timeout=300)
    if p.returncode != 0:
        return [f"{size}: the game exited with {p.returncode}: {p.stderr.strip()}"]
    with open(layout, encoding="utf-8") as f:
        frames = [json.loads(line) for line in f]
    with open(texts, encoding="utf-8") as f:
        words = [json.loads(line) for line in f]
    if len(frames) != len(words):
        return [f"{size}: {len(frames)} layout frames but {len(words)} text frames"]
    errors = []

    def page(i):
        return next((int(t.split()[1]) for t in words[i]["texts"] if t.startswith("Page ") and " sur " in t), None)

    pages = [page(i) for i in range(len(frames))]
    # The order of the pages shown, each change once.
    seq = [p for k, p in enumerate(pages) if p is not None and (k == 0 or p != pages[k - 1])]
    if seq != [1, 2, 3, 2, 1]:
        errors.append(f"{size}: pages shown in turn {seq}, want [1, 2, 3, 2, 1]")
    for k in range(1, len(frames)):
        if pages[k] is None or pages[k - 1] is None or pages[k] == pages[k - 1]:
            continue
        f = frames[k]
        if pages[k] > pages[k - 1]:
            first = item(f, "profile-%d" % ((pages[k] - 1) * 20))
            if not first or first["clipped"]:
                errors.append(f"{size}: page {pages[k]} reached by the wheel does not show its first profile")
        else:
            # The frame after the turn, once the list is laid out.
            g = frames[k + 1] if k + 1 < len(frames) else f
            last = item(g, "profile-%d" % (pages[k] * 20 - 1))
            if not last or last["clipped"]:
                errors.append(f"{size}: page {pages[k]} reached by wheeling up does not show its last profile")
    if size == "800x600":
        # The page is taller than the window: the wheel scrolls it before
        # it turns to the next page.
        turn = next((k for k, p in enumerate(pages) if p == 2), len(pages))
        ys = {(item(frames[k], "profile-0") or {}).get("y") for k in range(turn) if pages[k] == 1}
        if len(ys) < 2:
            errors.append("800x600: the wheel turned the page without scrolling the long page first")
    return errors


def main():
    enjeux, library = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in ("800x600", "1920x1080", "3840x2160"):
            errors += run(enjeux, library, tmp, size)
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("profiles: the wheel scrolls the page, then turns the pages of profiles both ways")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
