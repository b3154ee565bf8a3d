#!/usr/bin/env python3
"""run_focus_return.py — closing a screen gives the keyboard focus back to
the widget that opened it (keyboard-only and self-voicing players land
where they were), through the real binary (SDL_VIDEODRIVER=dummy), in
French and English:

- title → passport, settings, profiles, each closed with Escape: the
  focus is on the title's button that opened it, not on the first one;
- library → briefing, closed: the focus is on the scenario's card;
- scene (second choice focused) → pause → settings, then both closed:
  the pause menu's « Paramètres », then the second choice, has the focus.

usage: run_focus_return.py ENJEUX LIBRARY
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

SCRIPT = """expect library
key Escape
expect title
focus new-game
key Down
focus passport
key Return
expect passport
focus back
key Escape
expect title
focus passport
key Down
key Down
key Down
focus settings
key Return
expect settings
key Escape
expect title
focus settings
key Up
key Up
focus profile
key Return
expect profiles
key Escape
expect title
focus profile
key Up
key Up
focus new-game
key Return
expect library
{card_focus}
key Return
expect briefing
key Escape
expect library
{card_focus}
key Return
expect briefing
focus start
key Return
expect scene
focus choice-1
key Down
focus choice-2
key Escape
expect pause
focus resume
key Down
focus settings
key Return
expect settings
key Escape
expect pause
focus settings
key Escape
expect scene
focus choice-2
quit
"""


def run(enjeux, library, tmp, lang, card):
    user = et.user_with_profile(tmp, f"user-{lang}-{card}", language=lang)
    game = et.play(enjeux, ["--library", library, "--size", "1280x720", "--seed", "1"], user, tmp, f"focus-{lang}",
                   SCRIPT.format(card_focus=f"focus {card}"), timeout=120)
    return [game.failure(lang)] if game.failure(lang) else []


def main():
    enjeux, library = sys.argv[1:3]
    failures = []
    with tempfile.TemporaryDirectory(prefix="enjeux-focus-") as tmp:
        for lang in ("fr", "en"):
            failures += run(enjeux, library, tmp, lang, "card-0")
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("ok: the focus returns to the widget that opened the screen closed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
