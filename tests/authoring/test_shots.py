#!/usr/bin/env python3
"""`enjeux --screenshots DIR SCENARIO`, the tutorial's screenless way to look
at a scenario: on a scenario made by `enjeux new`, the default tour shows its
scenes, consequence, ending and debrief but not the developer error screen
(it carries made-up diagnostics beside the trainer's real path); --all adds
it.

Usage: test_shots.py ENJEUX"""
import os
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
failures = []
env = dict(os.environ, SDL_VIDEODRIVER="dummy")


def shots(args):
    r = subprocess.run([BIN] + args, capture_output=True, text=True, timeout=240, env=env)
    if r.returncode != 0:
        failures.append("%s: exit %d\n%s" % (args, r.returncode, r.stderr))
    return r


with tempfile.TemporaryDirectory() as tmp:
    lib = os.path.join(tmp, "scenarios")
    r = subprocess.run([BIN, "new", "--lang", "fr", "--dir", lib, "essai"], capture_output=True, text=True,
                       timeout=60)
    if r.returncode != 0:
        failures.append("new: %s" % r.stderr)
    sc = os.path.join(lib, "essai")
    for lang in ("fr", "en"):
        out = os.path.join(tmp, "default-" + lang)
        shots(["--screenshots", out, "--sizes", "800x600", "--lang", lang, sc])
        names = os.listdir(out) if os.path.isdir(out) else []
        for screen in ("scene", "consequence", "ending", "debrief"):
            if not any(n.endswith("-" + screen + ".png") for n in names):
                failures.append("%s default tour: a %s screen (%s)" % (lang, screen, sorted(names)))
        if any("dev-error" in n for n in names):
            failures.append("%s default tour: no made-up developer error screen (%s)" % (lang, sorted(names)))
    out = os.path.join(tmp, "all")
    shots(["--screenshots", out, "--all", "--sizes", "800x600", sc])
    names = os.listdir(out) if os.path.isdir(out) else []
    if not any("dev-error" in n for n in names):
        failures.append("--all: the developer error screen is in the full tour (%s)" % sorted(names))

for f in failures:
    print("FAIL ", f)
if not failures:
    print("ok    --screenshots: the scenario's screens, the example error screen with --all only")
sys.exit(1 if failures else 0)
