#!/usr/bin/env python3
"""run_many.py — a computer with many profiles (a workshop laptop used for
years): every profile can be reached on the profile screen, by keyboard,
a page of 20 at a time (docs/profiles.md), and profiles past the most the
game keeps (PROFILE_MAX, 1 000) are said on screen, never dropped silently.

1. 130 profiles: the screen opens on the page of the profile picked last;
   Page Down turns to the last page ("Page 7 sur 7"), whose profiles are
   there; the 130th is picked by keyboard (Tab, Return), and so is the
   21st from page 1 through the "next profiles" button (Tab to it, Return:
   page 2) and back up the page with Shift+Tab.
2. 1 003 profiles in profiles.json: the 1 000th is reachable, and the
   3 left out are said on screen (French: « Profils absents de la liste »).

usage: run_many.py ENJEUX LIBRARY
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402


def write_profiles(user, n, last):
    os.makedirs(os.path.join(user, "profiles"), exist_ok=True)
    et.write_profiles(user, [et.profile(f"{i:08x}", f"Joueur {i + 1}", "2026-01-05T09:00:00Z") for i in range(n)],
                      f"{last:08x}")


def run(enjeux, library, user, script_text, tmp, name):
    game = et.play(enjeux, ["--library", library, "--lang", "fr", "--size", "800x600"], user, tmp, name,
                   script_text, dumps=("texts",), timeout=300)
    if game.returncode != 0:
        return None, game.failure(name)
    return game.frames("texts"), None


def last_pick(user):
    with open(os.path.join(user, "profiles.json"), encoding="utf-8") as f:
        return json.load(f)["last"]


def main():
    enjeux, library = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        # 1. 130 profiles, the 40th picked last: the screen opens on page 2.
        user = os.path.join(tmp, "u130")
        write_profiles(user, 130, 39)
        frames, err = run(enjeux, library, user, "expect profiles\nwait 1\nsee profile-39\nkey PageDown\n" * 1 +
                          "key PageDown\n" * 5 + "see profile-129\nsee profile-120\n" + "key Tab\n" * 18 +
                          "key Return\nexpect library\nquit\n", tmp, "last")
        if err:
            errors.append(err)
        else:
            pages = [t for f in frames if f["screen"] == "profiles" for t in f["texts"] if t.startswith("Page ")]
            if "Page 2 sur 7" not in pages or "Page 7 sur 7" not in pages:
                errors.append(f"130 profiles: pages shown {sorted(set(pages))}, want page 2 first then page 7 of 7")
            if last_pick(user) != f"{129:08x}":
                errors.append(f"130 profiles: Tab and Return on the last page picked {last_pick(user)}, want the 130th")
        # Back to page 1 with Page Up, then "next profiles" by Tab and Return.
        write_profiles(user, 130, 0)
        frames, err = run(enjeux, library, user, "expect profiles\nsee profile-0\n" + "key Tab\n" * 40 +
                          "key Return\nwait 1\nsee profile-20\n" + "key Shift+Tab\n" * 41 +
                          "key Return\nexpect library\nquit\n", tmp, "next")
        if err:
            errors.append(err)
        elif last_pick(user) != f"{20:08x}":
            errors.append(f"130 profiles: the next-page button led to {last_pick(user)}, want the 21st profile")
        # 2. Past PROFILE_MAX.
        user = os.path.join(tmp, "u1003")
        write_profiles(user, 1003, 0)
        frames, err = run(enjeux, library, user, "expect profiles\nsee over-limit\n" + "key PageDown\n" * 49 +
                          "see profile-999\nquit\n", tmp, "over")
        if err:
            errors.append(err)
        elif not any(t.startswith("Profils absents de la liste\u202f: 3.") for f in frames for t in f["texts"]):
            errors.append("1 003 profiles: the 3 left out are not said on screen")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("many profiles: every page reachable by keyboard, those past the limit said on screen")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
