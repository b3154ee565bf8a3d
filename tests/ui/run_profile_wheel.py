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
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

NOTCHES = 60


def script():
    lines = ["expect profiles", "wait 2"]
    lines += ["wheel down", "wait 2"] * NOTCHES
    lines += ["wheel up", "wait 2"] * NOTCHES
    lines += ["quit"]
    return "\n".join(lines) + "\n"


def run(enjeux, library, tmp, size):
    user = os.path.join(tmp, "user-" + size)
    os.makedirs(user)
    et.write_profiles(user, [et.profile("%08x" % (0xa0000000 + i), f"Stagiaire {i + 1}",
                                        "2026-11-%02dT09:00:00Z" % (i % 28 + 1)) for i in range(45)])
    game = et.play(enjeux, ["--library", library, "--lang", "fr", "--size", size], user, tmp, "wheel", script(),
                   dumps=("layout", "texts"), timeout=300)
    if game.returncode != 0:
        return [game.failure(size)]
    frames, words = game.frames("layout"), game.frames("texts")
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
            first = et.item(f, "profile-%d" % ((pages[k] - 1) * 20))
            if not first or first["clipped"]:
                errors.append(f"{size}: page {pages[k]} reached by the wheel does not show its first profile")
        else:
            # The frame after the turn, once the list is laid out.
            g = frames[k + 1] if k + 1 < len(frames) else f
            last = et.item(g, "profile-%d" % (pages[k] * 20 - 1))
            if not last or last["clipped"]:
                errors.append(f"{size}: page {pages[k]} reached by wheeling up does not show its last profile")
    if size == "800x600":
        # The page is taller than the window: the wheel scrolls it before
        # it turns to the next page.
        turn = next((k for k, p in enumerate(pages) if p == 2), len(pages))
        ys = {(et.item(frames[k], "profile-0") or {}).get("y") for k in range(turn) if pages[k] == 1}
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
