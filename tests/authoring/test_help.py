#!/usr/bin/env python3
"""`enjeux --help` for a trainer following the tutorial: it lists the
commands and the game's options the tutorial uses, in French and English,
with --forget among the options (not the commands), and --help anywhere on
the game's line prints the help and exits 0 without opening a window (as
`enjeux --dev --help` once launched the game).

Usage: test_help.py ENJEUX"""
import os
import subprocess
import sys

BIN = sys.argv[1]
failures = []
OPTIONS = ["--dev", "--screenshots", "--all", "--sizes", "--seed", "--lang", "--text-scale", "--forget"]


def run(args, lang):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", LANG=lang, LC_ALL=lang, LANGUAGE="")
    return subprocess.run([BIN] + args, capture_output=True, text=True, timeout=20, env=env)


for lang, heading, opts_heading in (("fr_FR.UTF-8", "Commandes", "Options du jeu"),
                                    ("en_US.UTF-8", "Commands", "Game options")):
    for args in (["--help"], ["-h"], ["--dev", "--help"], ["--dev", "scenarios/x", "--help"],
                 ["--screenshots", "/nonexistent", "--all", "-h"], ["--lang", "en", "--help"]):
        try:
            r = run(args, lang)
        except subprocess.TimeoutExpired:
            failures.append("%s %s: hung (the game started instead of the help)" % (lang, args))
            continue
        if r.returncode != 0:
            failures.append("%s %s: exit %d, want 0\n%s" % (lang, args, r.returncode, r.stderr))
        out = r.stdout
        want_cmd, want_opts = (("Commands", "Game options") if "--lang" in args else (heading, opts_heading))
        if want_cmd not in out or want_opts not in out:
            failures.append("%s %s: headings %r and %r in\n%s" % (lang, args, want_cmd, want_opts, out))
            continue
        commands, options = out.split(want_opts, 1)
        for o in OPTIONS:
            if o not in options:
                failures.append("%s %s: option %s listed under %r" % (lang, args, o, want_opts))
        if "--forget" in commands:
            failures.append("%s %s: --forget is an option, not a command" % (lang, args))
        for c in ("validate", "play", "analyze", "graph", "new", "report"):
            if "  " + c + " " not in commands:
                failures.append("%s %s: command %s listed" % (lang, args, c))

# A command's own --help stays the command's.
r = run(["validate", "--help"], "en_US.UTF-8")
if r.returncode != 0 or "Game options" in r.stdout:
    failures.append("validate --help: the command's help (exit %d)\n%s" % (r.returncode, r.stdout))

for f in failures:
    print("FAIL ", f)
if not failures:
    print("ok    --help lists commands and game options in both languages, anywhere on the line")
sys.exit(1 if failures else 0)
