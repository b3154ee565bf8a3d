#!/usr/bin/env python3
"""No name read from a file can make the game write or delete outside its
data folders (docs/reliability.md, "Paths"). Canary files are planted
outside the user folder; after each step they must be exactly as they were.

1. A damaged profiles.json whose ids are "../../x", "/abs" or "..": the
   entries are dropped (never touching a folder); `enjeux --forget` by their
   pseudonym or their "id" finds nothing; the canary folder that
   U/profiles/../../x names is intact; the valid profile is still there.
   Forgetting it, with a link to the canary folder and a link looping back
   inside its folder, removes the links, not what they point to (the loop
   once overflowed the stack while counting the files).
2. U/profiles is a symbolic link to a folder outside: `enjeux --forget`
   refuses with a message naming the link, and deletes nothing there.
3. A profile whose saves/, records/, results/ and badges/ are symbolic links
   to folders outside, and whose settings.json and progress.json are links
   to files outside: a whole play (settings changed, a badge earned) writes
   nothing there and removes nothing, the game ends normally and shows
   « … un lien symbolique mène hors de ce dossier … » naming the save, the
   record, the results, the settings and the progress.
4. Links planted as files: records/<id>.jsonl pointing to an unfinished
   record outside (starting a play marks unfinished records abandoned: not
   that one), results/<id>.json pointing to a file outside (--export-dir
   copies the profile's results: not that one).

usage: paths_test.py ENJEUX LIBRARY
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

LOCALE = {"LANG": "C.UTF-8", "LC_ALL": ""}
PID = "0a1b2c3d"
HEX32 = "0123456789abcdef0123456789abcdef"

PLAY = et.settings_then_badge_play("fr")
LINK_MSG = "un lien symbolique mène hors de ce dossier"
WHAT = {"save": "votre partie en cours", "record": "le journal de cette partie",
        "results": "les résultats de cette partie", "settings": "vos réglages", "progress": "votre progression"}


def write_profiles(user, entries, last=PID):
    et.write_profiles(user, [et.profile(i, p, "2026-11-22T00:00:00Z") for i, p in entries], last)


def forget(enjeux, user, who):
    return subprocess.run([enjeux, "--forget", who, "--lang", "en"], env=et.game_env(user, **LOCALE),
                          capture_output=True, text=True, timeout=60)


def play(enjeux, library, user, tmp, extra=()):
    game = et.play(enjeux, ["--lang", "fr", "--library", library, "--seed", "1", *extra], user, tmp, "play", PLAY,
                   dumps=("texts",), env=LOCALE)
    return game, et.all_texts(game.dumps["texts"])


def header(play_id):
    return json.dumps({"type": "play", "format": 1, "play_id": play_id, "pseudonym": "Zoë", "workshop": None,
                       "scenario": {"id": "compte-rendu", "version": "1.0", "content_hash": "0123456789abcdef",
                                    "level": 1},
                       "lang": "fr", "seed": "1", "started": "2026-11-22T05:00:00.000Z"}) + "\n"


def case_bad_ids(enjeux, tmp, errors):
    user = os.path.join(tmp, "c1", "user")
    os.makedirs(os.path.join(user, "profiles", PID))
    # U/profiles/../../x/ is tmp/c1/x/ … if an id were ever used as given.
    canary_dir = os.path.join(tmp, "c1", "x")
    os.makedirs(canary_dir)
    with open(os.path.join(canary_dir, "canary.txt"), "w") as f:
        f.write("must stay\n")
    write_profiles(user, [("../../x", "Evil"), ("/tmp", "Abs"), ("..", "Dots"), (PID, "Good")], last="../../x")
    before = et.snapshot(canary_dir, dirs=True)
    for who in ("Evil", "../../x", "Abs", "/tmp", "Dots", ".."):
        r = forget(enjeux, user, who)
        if r.returncode == 0:
            errors.append(f"bad ids: --forget {who!r} succeeded: {r.stdout} {r.stderr}")
    if et.snapshot(canary_dir, dirs=True) != before:
        errors.append("bad ids: the canary folder outside U/profiles/ was changed")
    data = json.load(open(os.path.join(user, "profiles.json"), encoding="utf-8"))
    ids = [p["id"] for p in data["profiles"]]
    if ids != [PID]:
        errors.append(f"bad ids: profiles.json keeps {ids}, want only the valid one")
    if not os.path.isdir(os.path.join(user, "profiles", PID)):
        errors.append("bad ids: the valid profile's folder is gone")
    # Links inside the profile's folder: one back to the folder itself (a
    # loop), one to the canary folder. Forgetting removes the links only.
    os.symlink(os.path.join(user, "profiles", PID), os.path.join(user, "profiles", PID, "loop"))
    os.symlink(canary_dir, os.path.join(user, "profiles", PID, "out"))
    r = forget(enjeux, user, "Good")
    if r.returncode != 0 or os.path.lexists(os.path.join(user, "profiles", PID)):
        errors.append(f"bad ids: --forget Good failed: {r.stderr}")
    if et.snapshot(canary_dir, dirs=True) != before or not os.path.isdir(os.path.join(tmp, "c1")):
        errors.append("bad ids: forgetting the valid profile touched something outside")


def case_profiles_link(enjeux, tmp, errors):
    user = os.path.join(tmp, "c2", "user")
    outside = os.path.join(tmp, "c2", "outside")
    os.makedirs(os.path.join(outside, PID, "saves"))
    with open(os.path.join(outside, PID, "saves", "current.json"), "w") as f:
        f.write("not yours\n")
    os.makedirs(user)
    os.symlink(outside, os.path.join(user, "profiles"))
    write_profiles(user, [(PID, "Good")])
    before = et.snapshot(outside, dirs=True)
    r = forget(enjeux, user, "Good")
    if r.returncode == 0:
        errors.append(f"profiles link: --forget went through a link out of the user folder: {r.stdout}")
    if "symbolic link" not in r.stderr or "profiles" not in r.stderr:
        errors.append(f"profiles link: the message does not name the link: {r.stderr!r}")
    if et.snapshot(outside, dirs=True) != before:
        errors.append("profiles link: files outside the user folder were deleted")


def make_profile(user):
    pdir = os.path.join(user, "profiles", PID)
    os.makedirs(pdir)
    write_profiles(user, [(PID, "Zoë")])
    with open(os.path.join(pdir, "profile.json"), "w", encoding="utf-8") as f:
        json.dump({"id": PID, "pseudonym": "Zoë", "created": "2026-11-22T00:00:00Z", "format": 1}, f)
    return pdir


def case_folder_links(enjeux, library, tmp, errors):
    user = os.path.join(tmp, "c3", "user")
    outside = os.path.join(tmp, "c3", "elsewhere")
    pdir = make_profile(user)
    for sub in ("saves", "records", "results", "badges"):
        os.makedirs(os.path.join(outside, sub))
        os.symlink(os.path.join(outside, sub), os.path.join(pdir, sub))
    with open(os.path.join(outside, "saves", "current.json"), "w") as f:
        f.write("a save that is not the game's\n")
    valid_settings = json.dumps({"format": 1, "language": "fr"})
    for name, text in (("settings.json", valid_settings), ("progress.json", '{"format": 1}')):
        with open(os.path.join(outside, name), "w") as f:
            f.write(text)
        os.symlink(os.path.join(outside, name), os.path.join(pdir, name))
    before = et.snapshot(outside, dirs=True)
    run, texts = play(enjeux, library, user, os.path.join(tmp, "c3"))
    if run.returncode != 0:
        errors.append(f"folder links: the game exited with {run.returncode}: {run.stderr[-600:]}")
    after = et.snapshot(outside, dirs=True)
    if after != before:
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        errors.append(f"folder links: files outside the user folder were written or removed: {changed}")
    msgs = [t for t in texts if LINK_MSG in t]
    for kind, name in WHAT.items():
        if not any(name in m for m in msgs):
            errors.append(f"folder links: no message says that {name!r} was not saved because of a link "
                          f"(messages: {msgs[:2]})")


def case_file_links(enjeux, library, tmp, errors):
    base = os.path.join(tmp, "c4")
    user = os.path.join(base, "user")
    pdir = make_profile(user)
    os.makedirs(os.path.join(pdir, "records"))
    os.makedirs(os.path.join(pdir, "results"))
    outside = os.path.join(base, "elsewhere")
    os.makedirs(outside)
    with open(os.path.join(outside, "record.jsonl"), "w", encoding="utf-8") as f:
        f.write(header(HEX32))
    with open(os.path.join(outside, "secret.json"), "w", encoding="utf-8") as f:
        f.write('{"secret": true}\n')
    os.symlink(os.path.join(outside, "record.jsonl"), os.path.join(pdir, "records", HEX32 + ".jsonl"))
    os.symlink(os.path.join(outside, "secret.json"), os.path.join(pdir, "results", "f" * 32 + ".json"))
    usb = os.path.join(base, "usb")
    before = et.snapshot(outside, dirs=True)
    run, _ = play(enjeux, library, user, base, ["--export-dir", usb])
    if run.returncode != 0:
        errors.append(f"file links: the game exited with {run.returncode}: {run.stderr[-600:]}")
    if et.snapshot(outside, dirs=True) != before:
        errors.append("file links: a file outside the user folder was written through a link")
    exported = sorted(os.listdir(usb)) if os.path.isdir(usb) else []
    if "f" * 32 + ".json" in exported:
        errors.append("file links: --export-dir copied a file read through a link out of the user folder")
    if not any(n.endswith(".json") for n in exported):
        errors.append(f"file links: the play's own results were not exported: {exported}")


def main():
    enjeux, library = (os.path.abspath(a) for a in sys.argv[1:3])
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-paths-") as tmp:
        case_bad_ids(enjeux, tmp, errors)
        case_profiles_link(enjeux, tmp, errors)
        case_folder_links(enjeux, library, tmp, errors)
        case_file_links(enjeux, library, tmp, errors)
    for e in errors:
        print("FAIL", e)
    print("paths: " + ("ok" if not errors else f"{len(errors)} problems"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
