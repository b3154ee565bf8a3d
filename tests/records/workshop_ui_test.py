#!/usr/bin/env python3
"""The workshop features of the game's own screens, end to end through the
real binary (SDL_VIDEODRIVER=dummy), keyboard only (docs/workshop.md):

1. the workshop code typed on the profile screen at start: a code given by
   --workshop-code prefills the field, the player replaces it, a wrong code
   (a space) is refused with a message, the right one goes into the play's
   record and results (JSON, CSV, xAPI), into settings.json, into the
   library's header, and into the plays after a restart.

usage: workshop_ui_test.py ENJEUX LIBRARY
"""
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile

# From the library to the debrief of the fixture scenario (tests/ui/keyboard.script).
PLAY = """expect library
key Return
expect briefing
key Return
expect scene
key 1
expect consequence
key Return
expect scene
key 1
expect consequence
key Return
expect event
key Return
expect scene
key 1
expect consequence
key Return
expect ending
key Return
expect debrief
"""


class Run:
    def __init__(self, enjeux, library, tmp):
        self.enjeux, self.library, self.tmp = enjeux, library, tmp
        self.user = os.path.join(tmp, "user")
        os.makedirs(self.user, exist_ok=True)
        self.errors = []
        self.n = 0

    def game(self, script, *args, dump=False):
        """Runs the game with `script`; returns the text dump's frames (when asked)."""
        self.n += 1
        path = os.path.join(self.tmp, f"run{self.n}.script")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script + "quit\n")
        texts = os.path.join(self.tmp, f"run{self.n}.texts")
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software", SDL_AUDIODRIVER="dummy",
                   ENJEUX_USER_DIR=self.user)
        cmd = [self.enjeux, "--library", self.library, "--seed", "1", "--lang", "fr", "--script", path]
        cmd += list(args) + (["--text-dump", texts] if dump else [])
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            self.errors.append(f"run {self.n} ({' '.join(args)}) exited with {run.returncode}: {run.stderr.strip()}")
            return []
        if not dump:
            return []
        with open(texts, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def profile(self):
        dirs = glob.glob(os.path.join(self.user, "profiles", "*", ""))
        return dirs[0] if len(dirs) == 1 else os.path.join(self.user, "no-profile")

    def plays(self):
        """{play id: results JSON} of the profile."""
        out = {}
        for p in glob.glob(os.path.join(self.profile(), "results", "*.json")):
            if not p.endswith(".xapi.json"):
                with open(p, encoding="utf-8") as f:
                    doc = json.load(f)
                out[doc["play_id"]] = doc
        return out

    def settings(self):
        with open(os.path.join(self.profile(), "settings.json"), encoding="utf-8") as f:
            return json.load(f)


def check_code(r):
    # A first start with --workshop-code: the field holds it; the player
    # empties it (Backspace), types a code with a space (refused, said on
    # screen), fixes it, then creates a profile, all by keyboard.
    frames = r.game("expect profiles\nkey Up\n" + "key BackSpace\n" * 7 +
                    "text lyon-2026 b\nkey Return\nsee code-error\nkey BackSpace\nkey BackSpace\nkey Return\n"
                    "text Élodie\nkey Return\nsetting workshop_code \"LYON-2026\"\n" + PLAY,
                    "--workshop-code", "paris-1", dump=True)
    prefilled = any(f["screen"] == "profiles" and any("PARIS-1" in t for t in f["texts"]) for f in frames)
    refused = any(f["screen"] == "profiles" and any("ne contient pas d'espace" in t for t in f["texts"]) for f in frames)
    header = any(f["screen"] == "library" and any("LYON-2026" in t for t in f["texts"]) for f in frames)
    if not prefilled:
        r.errors.append("the code of --workshop-code is not shown in the field (PARIS-1)")
    if not refused:
        r.errors.append("a code with a space is not refused with a message")
    if not header:
        r.errors.append("the library's header does not show the workshop code")
    # A second start, no option: the profile's code is remembered.
    r.game(PLAY)
    plays = r.plays()
    if len(plays) != 2:
        r.errors.append(f"{len(plays)} plays in results/, want 2")
    for pid, doc in plays.items():
        if doc.get("workshop") != "LYON-2026":
            r.errors.append(f"results {pid}.json: workshop {doc.get('workshop')!r}, want 'LYON-2026'")
        with open(os.path.join(r.profile(), "results", pid + ".csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if rows[0]["workshop"] != "LYON-2026":
            r.errors.append(f"results {pid}.csv: workshop {rows[0]['workshop']!r}")
        with open(os.path.join(r.profile(), "results", pid + ".xapi.json"), encoding="utf-8") as f:
            if "LYON-2026" not in f.read():
                r.errors.append(f"results {pid}.xapi.json: no workshop code")
        with open(os.path.join(r.profile(), "records", pid + ".jsonl"), encoding="utf-8") as f:
            head = json.loads(f.readline())
        if head.get("workshop") != "LYON-2026":
            r.errors.append(f"record {pid}.jsonl: workshop {head.get('workshop')!r}")
    if r.settings().get("workshop_code") != "LYON-2026":
        r.errors.append(f"settings.json: workshop_code {r.settings().get('workshop_code')!r}")
    return "workshop code typed at start: refused with a space, in 2 plays' records and results, remembered"


def main():
    enjeux, library = sys.argv[1:3]
    done = []
    with tempfile.TemporaryDirectory(prefix="enjeux-workshop-") as tmp:
        r = Run(enjeux, library, os.path.join(tmp, "code"))
        done.append(check_code(r))
        errors = r.errors
    for e in errors:
        print("FAIL:", e)
    if not errors:
        for d in done:
            print("ok:", d)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
