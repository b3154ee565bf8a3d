#!/usr/bin/env python3
"""The workshop features of the game's own screens, end to end through the
real binary (SDL_VIDEODRIVER=dummy), keyboard only (docs/workshop.md):

1. the workshop code typed on the profile screen at start: a code given by
   --workshop-code prefills the field, the player replaces it, a wrong code
   (a space) is refused with a message, the right one goes into the play's
   record and results (JSON, CSV, xAPI), into settings.json, into the
   library's header, and into the plays after a restart;
2. the export folder typed in the settings screen: a file instead of a
   folder is refused with a message and nothing kept; a folder is kept in
   settings.json, the results of the plays land there, after a restart
   too; --export-dir still wins for its run;
3. "export all" on the passport (keyboard: Shift+Tab from "Back", its
   left neighbour, Return): every
   play of the profile as JSON, one CSV with one row per play, every xAPI
   statement in one array, into the profile's export/ folder when no export
   folder is set and into the export folder otherwise; with the export
   folder gone (a USB stick removed), a message on screen, nothing created
   there, no file left half written anywhere.

The three features then lie in files that another computer can use: the
test reads them as a trainer's tools would (JSON, CSV, xAPI arrays).

usage: workshop_ui_test.py ENJEUX LIBRARY
"""
import csv
import glob
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

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
        game = et.play(self.enjeux, ["--library", self.library, "--seed", "1", "--lang", "fr"] + list(args),
                       self.user, self.tmp, f"run{self.n}", script + "quit\n", dumps=("texts",) if dump else (),
                       timeout=120)
        if game.returncode != 0:
            self.errors.append(f"run {self.n} ({' '.join(args)}) exited with {game.returncode}: "
                               f"{game.stderr.strip()}")
            return []
        return game.frames("texts") if dump else []

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


# From the title screen to the settings' export folder field, by keyboard:
# Up from the first setting wraps to the bottom bar, then to "no folder",
# "use this folder" and the field.
TO_EXPORT_FIELD = "expect title\nclick @settings\nexpect settings\nkey Up\nkey Up\nkey Up\nkey Up\n"


def results_in(folder):
    return sorted(n for n in os.listdir(folder) if n.endswith(".json") and not n.endswith(".xapi.json")
                  and len(n) == 37) if os.path.isdir(folder) else []


def check_export_dir(r):
    usb = os.path.join(r.tmp, "usb")
    os.makedirs(usb)
    afile = os.path.join(r.tmp, "not-a-folder.txt")
    with open(afile, "w", encoding="utf-8") as f:
        f.write("x\n")
    r.game("expect profiles\ntext Zoé\nkey Return\nexpect library\nkey Escape\n" + TO_EXPORT_FIELD +
           f"text {afile}\nkey Return\nsee export-error\nsetting export_dir \"\"\n" +
           "key BackSpace\n" * len(afile) + f"text {usb}\nkey Return\nsee export-status\n"
           f"setting export_dir \"{usb}\"\nkey Escape\nexpect title\nclick @new-game\n" + PLAY)
    if r.settings().get("export_dir") != usb:
        r.errors.append(f"settings.json: export_dir {r.settings().get('export_dir')!r}, want {usb!r}")
    first = results_in(usb)
    if len(first) != 1:
        r.errors.append(f"after a play, the export folder holds {first}")
    # A restart: the folder is still the export folder.
    r.game("expect library\nkey Escape\nexpect title\nclick @new-game\n" + PLAY)
    second = results_in(usb)
    if len(second) != 2:
        r.errors.append(f"after a restart and a play, the export folder holds {second}")
    # --export-dir wins for its run.
    other = os.path.join(r.tmp, "other")
    r.game("expect library\nkey Escape\nexpect title\nclick @new-game\n" + PLAY, "--export-dir", other)
    # (the earlier plays are copied there too, as to any new export folder)
    if len(results_in(other)) != 3 or len(results_in(usb)) != 2:
        r.errors.append(f"--export-dir: {results_in(other)} there, {results_in(usb)} in the settings' folder")
    for n in second:
        with open(os.path.join(usb, n), encoding="utf-8") as f:
            json.load(f)
    return "export folder set in the settings: a file refused, results there after a play and a restart"


EXPORT_ALL = "expect library\nkey Escape\nexpect title\nclick @passport\nexpect passport\nkey Shift+Tab\nkey Return\n"


def check_exported(r, folder, plays):
    """The files of "export all" in `folder` for the profile's `plays`."""
    pid = os.path.basename(os.path.normpath(r.profile()))
    for p in plays:
        path = os.path.join(folder, p + ".json")
        if not os.path.isfile(path):
            r.errors.append(f"export all: {path} missing")
            continue
        with open(path, encoding="utf-8") as f:
            json.load(f)
    try:
        with open(os.path.join(folder, f"enjeux-{pid}.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with open(os.path.join(folder, f"enjeux-{pid}.xapi.json"), encoding="utf-8") as f:
            statements = json.load(f)
    except (OSError, ValueError) as e:
        r.errors.append(f"export all: {e}")
        return
    if sorted(row["play_id"] for row in rows) != sorted(plays):
        r.errors.append(f"export all: the CSV's rows are {[row['play_id'] for row in rows]}, want {sorted(plays)}")
    want = 0
    for p in plays:
        with open(os.path.join(r.profile(), "results", p + ".xapi.json"), encoding="utf-8") as f:
            want += len(json.load(f))
    if not isinstance(statements, list) or len(statements) != want:
        r.errors.append(f"export all: {len(statements)} xAPI statements, want {want}")


def check_export_all(r_code, r_usb):
    # No export folder: the profile's export/ folder.
    frames = r_code.game(EXPORT_ALL + "see export-status\n", dump=True)
    own = os.path.join(r_code.profile(), "export")
    check_exported(r_code, own, list(r_code.plays()))
    if not any(f["screen"] == "passport" and any(own in t for t in f["texts"]) for f in frames):
        r_code.errors.append(f"export all: the passport does not say the files are in {own}")
    # The export folder of the settings.
    usb = os.path.join(r_usb.tmp, "usb")
    r_usb.game(EXPORT_ALL + "see export-status\n")
    check_exported(r_usb, usb, list(r_usb.plays()))
    # The USB stick removed: a message, nothing created in its place.
    shutil.rmtree(usb)
    r_usb.game(EXPORT_ALL + "see export-error\n")
    if os.path.exists(usb):
        r_usb.errors.append(f"export all created {usb} although the export folder was gone")
    for top in (r_code.tmp, r_usb.tmp):
        for dirpath, _, names in os.walk(top):
            for n in names:
                if n.endswith(".tmp"):
                    r_usb.errors.append(f"a half-written file was left: {os.path.join(dirpath, n)}")
    return "export all: JSON, one CSV row per play, all xAPI statements, in export/ or the export folder; " \
           "a message when the folder is gone"


def main():
    enjeux, library = sys.argv[1:3]
    done = []
    with tempfile.TemporaryDirectory(prefix="enjeux-workshop-") as tmp:
        r_code = Run(enjeux, library, os.path.join(tmp, "code"))
        done.append(check_code(r_code))
        r_usb = Run(enjeux, library, os.path.join(tmp, "export"))
        done.append(check_export_dir(r_usb))
        done.append(check_export_all(r_code, r_usb))
        errors = r_code.errors + r_usb.errors
    for e in errors:
        print("FAIL:", e)
    if not errors:
        for d in done:
            print("ok:", d)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
