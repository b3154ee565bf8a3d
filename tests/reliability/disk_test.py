#!/usr/bin/env python3
"""A full disk and a read-only data folder, through the real game and the
command-line writers (docs/reliability.md, "Full disk and read-only folder").

A user folder is first filled by ordinary runs of the game (a finished play
that earns a badge, then settings changed and a play left half-way: a
profile, settings, progress, a save, records, results, a badge). Then the
game is started again on it with writes failing, and plays a whole game
(settings changed, a new play to its debrief). Each run must:

- end normally (the scripted play goes on to the end: no crash, no hang);
- leave every file that was there byte for byte as it was when the fault
  covers it, and no temporary file (*.tmp) anywhere; every JSON file and
  every record line but a torn last one still parses;
- show the player, in the game's language, a message saying what was not
  saved (the save, the record, the results, the badge, the progress, the
  settings, the profile list) and what to do (checked in the texts of the
  frames, --text-dump); a run whose faults were hit always shows one.

Faults (tests/reliability/faultfs.c, LD_PRELOAD, one folder only):
  all/full, all/readonly   every write under the user folder fails (French
                           and English runs)
  one kind at a time       only saves/, records/, results/, badges/,
                           progress.json, settings.json or profiles.json
                           fail (full disk): the message names that kind
  partial                  the disk fills up after N bytes, for several N:
                           whatever was being written stays old or new
and the command-line writers: `enjeux report -o` and `enjeux new` must exit
with an error naming the file, and leave no half-written output.

With --tmpfs the same checks run on a real 256 KiB tmpfs, full then
remounted read-only, inside a user and mount namespace (unshare -rm); exit
77 (skipped) where the system does not allow that.

usage: disk_test.py ENJEUX FAULTFS LIBRARY [--tmpfs]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

# First run: a profile and a play that earns the N1 badge (the path of
# tests/ui/mouse.script).
SETUP_1 = """expect profiles
click @pseudonym
text Zoë
click @create
expect library
click @back
expect title
""" + et.BADGE_PLAY + """quit
"""

# Second run: settings written, a play left after one decision (a save and
# an unfinished record).
SETUP_2 = et.settings_round("fr") + et.BADGE_FIRST_DECISION + "quit\n"

# The run under faults: a setting changed, then a whole new play that earns
# the badge, to the debrief.
PLAY = et.settings_then_badge_play

# What each kind of file is called in the message, and the message's fixed
# parts (assets/i18n/*.po, keys disk.*).
WHAT = {
    "fr": {"save": "votre partie en cours", "record": "le journal de cette partie",
           "results": "les résultats de cette partie", "badge": "votre badge", "progress": "votre progression",
           "settings": "vos réglages", "profiles": "la liste des profils"},
    "en": {"save": "your game in progress", "record": "the record of this play",
           "results": "the results of this play", "badge": "your badge", "progress": "your progress",
           "settings": "your settings", "profiles": "the list of profiles"},
}
CAUSE = {
    "fr": {"full": "le disque est plein. Libérez de la place", "readonly": "n'accepte pas l'écriture",
           "any": "Impossible d'enregistrer "},
    "en": {"full": "the disk is full. Free some space", "readonly": "cannot be written to",
           "any": "Could not save "},
}
# One kind at a time: the path text that selects it, and what the message names.
KINDS = [("saves/", "save"), ("records/", "record"), ("results/", "results"), ("badges/", "badge"),
         ("progress.json", "progress"), ("settings.json", "settings"), ("profiles.json", "profiles")]


def run_game(args, user, script_text, tmp, lang, name, extra_env=None, texts=False, timeout=180):
    return et.play(args.enjeux, ["--lang", lang, "--library", args.library, "--seed", "1"], user, tmp, name,
                   script_text, dumps=("texts",) if texts else (), env=extra_env, timeout=timeout)


def check_files(user, before, covered, errors, label, allow_new=False):
    """Files covered by the fault are unchanged and none is new (unless
    `allow_new`: on a real disk, space freed by a removal can take a small
    file); no temporary file; every JSON file parses; every record line but
    a torn last one parses."""
    after = et.snapshot(user)
    for rel, data in before.items():
        if rel.endswith("saves/current.json") and rel not in after:
            continue  # starting a new play removes the save of the one left half-way
        if covered(rel) and after.get(rel) != data:
            errors.append(f"{label}: {rel} was {'removed' if rel not in after else 'changed'} under the fault")
    for rel, data in after.items():
        if rel.endswith(".tmp") or ".tmp." in rel:
            errors.append(f"{label}: temporary file left: {rel}")
        elif rel not in before and covered(rel) and not allow_new:
            errors.append(f"{label}: new file {rel} ({len(data)} bytes) written under the fault")
        elif rel.endswith(".json"):
            try:
                json.loads(data.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as e:
                errors.append(f"{label}: {rel} does not parse: {e}")
        elif rel.endswith(".jsonl"):
            lines = data.split(b"\n")
            if lines and lines[-1] == b"":
                lines.pop()
            for i, raw in enumerate(lines[:-1]):
                try:
                    json.loads(raw.decode("utf-8"))
                except (ValueError, UnicodeDecodeError):
                    errors.append(f"{label}: {rel}: line {i + 1} is damaged and is not the last")


def check_messages(texts, lang, cause, whats, errors, label):
    msgs = [t for t in texts if CAUSE[lang]["any"] in t]
    for w in whats:
        name = WHAT[lang][w]
        if not any(name in m and (cause is None or CAUSE[lang][cause] in m) for m in msgs):
            errors.append(f"{label}: no message on screen says that {name!r} could not be saved"
                          + (f" ({cause})" if cause else "") + f"; disk messages seen: {msgs[:3]}")


def faulty_run(args, base, tmp, label, lang, env, errors, covered, cause, whats):
    user = os.path.join(tmp, label.replace("/", "-").replace(" ", "_"))
    shutil.copytree(base, user, symlinks=True)
    before = et.snapshot(user)
    name = label.replace("/", "-").replace(" ", "_")
    log = os.path.join(tmp, name + ".faults")
    fenv = dict(env, FAULTFS_ROOT=user, FAULTFS_LOG=log)
    run = run_game(args, user, PLAY(lang), tmp, lang, name, fenv, texts=True)
    if run.returncode != 0:
        errors.append(f"{label}: the game exited with {run.returncode}: {run.stderr[-800:]}")
    check_files(user, before, covered, errors, label)
    hit = os.path.isfile(log) and os.path.getsize(log) > 0
    texts = et.all_texts(run.dumps["texts"])
    if whats:
        if not hit:
            errors.append(f"{label}: no write was refused: the fault was not exercised")
        check_messages(texts, lang, cause, whats, errors, label)
    elif hit and not any(CAUSE[lang]["any"] in t for t in texts):
        errors.append(f"{label}: writes were refused ({open(log).read()[:300]}) but no message was shown")
    shutil.rmtree(user)
    return hit


def cli_checks(args, tmp, env_for, errors):
    """`enjeux report -o` and `enjeux new` on a full and a read-only folder."""
    results_dir = os.path.join(tmp, "base", "profiles")
    for mode in ("full", "readonly"):
        for free in ((0, 4000, 60000) if mode == "full" else (0,)):
            out = os.path.join(tmp, f"cli-{mode}-{free}")
            os.makedirs(out)
            env = dict(os.environ, **env_for(mode, out, free))
            rpt = os.path.join(out, "class.html")
            run = subprocess.run([args.enjeux, "report", "--lang", "en", "-o", rpt, results_dir], env=env,
                                 capture_output=True, text=True, timeout=120)
            left = sorted(os.listdir(out))
            if run.returncode == 0 and free < 60000:
                errors.append(f"report -o on a {mode} folder ({free} bytes free) exited 0")
            if run.returncode != 0 and (run.returncode != 2 or out not in run.stderr):
                errors.append(f"report -o on a {mode} folder: exit {run.returncode} (want 2) and a message "
                              f"naming the file: {run.stderr[-400:]}")
            for n in left:
                if n.endswith(".tmp"):
                    errors.append(f"report -o on a {mode} folder left {n}")
            new_dir = os.path.join(out, "scenarios")
            os.makedirs(new_dir)
            run = subprocess.run([args.enjeux, "new", "--lang", "en", "--dir", new_dir, "essai"], env=env,
                                 capture_output=True, text=True, timeout=120)
            made = os.path.join(new_dir, "essai")
            if run.returncode == 0:
                if free < 60000:
                    errors.append(f"new on a {mode} folder ({free} bytes free) exited 0")
            else:
                if new_dir not in run.stderr:
                    errors.append(f"new on a {mode} folder: the message does not name the file: {run.stderr}")
                if os.path.exists(made):
                    errors.append(f"new on a {mode} folder ({free} bytes free) failed but left {made}: "
                                  f"{sorted(os.listdir(made))}")
            for d, _, files in os.walk(new_dir):
                for f in files:
                    if f.endswith(".tmp"):
                        errors.append(f"new on a {mode} folder left {os.path.join(d, f)}")


def make_base(args, tmp):
    base = os.path.join(tmp, "base")
    os.makedirs(base)
    for script in (SETUP_1, SETUP_2):
        run = run_game(args, base, script, tmp, "fr", "setup")
        if run.returncode != 0:
            raise SystemExit(f"FAIL: setting up the user folder: exit {run.returncode}: {run.stderr[-800:]}")
    files = et.snapshot(base)
    want = ["profiles.json", "settings.json", "progress.json", "saves/current.json", "records/", "results/",
            "badges/"]
    for w in want:
        if not any(w in rel for rel in files):
            raise SystemExit(f"FAIL: the set-up runs wrote no {w}: {sorted(files)}")
    return base


def preload_tests(args):
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-disk-") as tmp:
        base = make_base(args, tmp)
        pre = {"LD_PRELOAD": os.path.abspath(args.faultfs)}
        # ASan must not insist on coming first when it is in the game.
        asan = os.environ.get("ASAN_OPTIONS", "")
        pre["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "verify_asan_link_order=0"
        everything = lambda rel: True
        all_kinds = ["profiles", "settings", "record", "save", "results", "progress"]
        n = 0
        for mode in ("full", "readonly"):
            for lang in ("fr", "en"):
                faulty_run(args, base, tmp, f"all/{mode}/{lang}", lang, dict(pre, FAULTFS_MODE=mode), errors,
                           everything, mode, all_kinds)
                n += 1
        for match, kind in KINDS:
            covered = (lambda m: lambda rel: m in rel)(match)
            faulty_run(args, base, tmp, f"only {match}", "fr", dict(pre, FAULTFS_MODE="full", FAULTFS_MATCH=match),
                       errors, covered, "full", [kind])
            n += 1
        hits = 0
        for free in (40, 400, 1500, 4000, 9000, 20000, 40000, 80000):
            # Files written whole (atomically) must be old or new: they are
            # checked to parse; appended records may end in a torn line.
            hits += faulty_run(args, base, tmp, f"partial {free}", "fr",
                               dict(pre, FAULTFS_MODE="full", FAULTFS_FREE=str(free)), errors,
                               lambda rel: False, None, [])
            n += 1
        if hits < 4:
            errors.append(f"partial: only {hits} of the runs ran out of space: the sizes test little")
        cli_checks(args, tmp, lambda mode, out, free: dict(pre, FAULTFS_MODE=mode, FAULTFS_ROOT=out,
                                                            FAULTFS_FREE=str(free)), errors)
    for e in errors:
        print("FAIL", e)
    print(f"{n} faulty game runs and the CLI writers: {'ok' if not errors else f'{len(errors)} problems'}")
    return 1 if errors else 0


# ---- a real tmpfs ---------------------------------------------------------------


def tmpfs_inside(args):
    """Runs inside `unshare -rm`: a small tmpfs, filled up, then read-only."""
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-disk-") as tmp:
        base = make_base(args, tmp)
        mnt = os.path.join(tmp, "mnt")
        os.makedirs(mnt)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", mnt], check=True)
        try:
            user = os.path.join(mnt, "user")
            shutil.copytree(base, user, symlinks=True)
            # Fill the disk: one file takes every free block.
            filler = os.path.join(mnt, "filler")
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                while True:
                    os.write(fd, b"\0" * 4096)
            except OSError:
                pass
            os.close(fd)
            before = et.snapshot(user)
            for label, remount in (("tmpfs full", None), ("tmpfs read-only", "remount,ro")):
                if remount:
                    subprocess.run(["mount", "-o", remount, mnt], check=True)
                for lang in ("fr", "en"):
                    name = f"{label}-{lang}".replace(" ", "_")
                    run = run_game(args, user, PLAY(lang), tmp, lang, name, texts=True)
                    lab = f"{label}/{lang}"
                    if run.returncode != 0:
                        errors.append(f"{lab}: the game exited with {run.returncode}: {run.stderr[-800:]}")
                    # A record is appended to: a line may fit in the last page of
                    # the file, which a full tmpfs still accepts. And starting a
                    # new play removes the old save, which frees a page.
                    check_files(user, before, lambda rel: not rel.endswith(".jsonl"), errors, lab, allow_new=True)
                    cause = "full" if remount is None else "readonly"
                    check_messages(et.all_texts(run.dumps["texts"]), lang, cause,
                                   ["profiles", "settings", "record", "save"], errors, lab)
        finally:
            subprocess.run(["umount", mnt], check=False)
    for e in errors:
        print("FAIL", e)
    print(f"real tmpfs, full then read-only: {'ok' if not errors else f'{len(errors)} problems'}")
    return 1 if errors else 0


def tmpfs_tests(args):
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        print(f"SKIP: cannot mount a tmpfs in a user namespace here (unshare -rm: {probe.stderr.strip()})")
        return 77
    cmd = ["unshare", "-rm", sys.executable, os.path.abspath(__file__), args.enjeux, args.faultfs, args.library,
           "--tmpfs-inside"]
    return subprocess.run(cmd).returncode


class Args:
    pass


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    args = Args()
    args.enjeux, args.faultfs, args.library = (os.path.abspath(a) for a in sys.argv[1:4])
    flags = sys.argv[4:]
    if "--tmpfs-inside" in flags:
        return tmpfs_inside(args)
    if "--tmpfs" in flags:
        return tmpfs_tests(args)
    return preload_tests(args)


if __name__ == "__main__":
    sys.exit(main())
