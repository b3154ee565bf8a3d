#!/usr/bin/env python3
"""check_docs.py — the user documentation names only commands that exist.

    check_docs.py --root SOURCE_DIR manpage   packaging/enjeux.6 documents exactly the
                                              subcommands of src/main.c, and groff reads
                                              it without a warning
    check_docs.py --root SOURCE_DIR readme    every `enjeux COMMAND` in README.md exists
    check_docs.py --root SOURCE_DIR desktop   packaging/*.desktop pass desktop-file-validate
                                              without an error or a warning (hints are shown)

Exit status 0 when the check passes, 1 otherwise.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys


def commands(root):
    """The subcommand names registered in the table of src/main.c."""
    text = open(os.path.join(root, "src", "main.c"), encoding="utf-8").read()
    m = re.search(r"cli_commands\[\]\s*=\s*\{(.*?)\n\};", text, re.S)
    if not m:
        raise ValueError("src/main.c: table cli_commands[] not found")
    return set(re.findall(r'\{\s*"([a-z][a-z0-9-]*)"\s*,', m.group(1)))


def game_options(root):
    """The long options `enjeux --help` lists (table game_options_en of src/main.c)."""
    text = open(os.path.join(root, "src", "main.c"), encoding="utf-8").read()
    m = re.search(r"game_options_en\[\]\[2\]\s*=\s*\{(.*?)\n\};", text, re.S)
    if not m:
        raise ValueError("src/main.c: table game_options_en not found")
    return set(re.findall(r'\{"(?:-h, )?(--[a-z][a-z-]*)', m.group(1)))


def check_manpage(root):
    path = os.path.join(root, "packaging", "enjeux.6")
    text = open(path, encoding="utf-8").read()
    ok = True
    documented = set(re.findall(r"^\\fBenjeux (?:\\-\\-\S+ )*([a-z][a-z0-9-]*)", text, re.M))
    cmds = commands(root)
    for c in sorted(cmds - documented):
        ok = False
        print(f"FAIL  packaging/enjeux.6 does not document the command '{c}': add a .TP entry "
              f"'\\fBenjeux {c}\\fR …' with a short description under .SH COMMANDS")
    for c in sorted(documented - cmds):
        ok = False
        print(f"FAIL  packaging/enjeux.6 documents '{c}', which src/main.c does not register")
    if ok:
        print(f"ok    packaging/enjeux.6 documents the {len(cmds)} commands: {', '.join(sorted(cmds))}")
    plain = text.replace("\\-", "-")
    in_page = {o for o in game_options(root) if re.search(re.escape(o) + r"(?![a-z-])", plain)}
    for o in sorted(game_options(root) - in_page):
        ok = False
        print(f"FAIL  packaging/enjeux.6 does not document the game option '{o}' that "
              f"`enjeux --help` lists (src/main.c game_options_en)")
    if ok:
        print(f"ok    packaging/enjeux.6 documents the game options of `enjeux --help`")
    groff = shutil.which("groff")
    if not groff:
        print("FAIL  groff not found (Debian: groff-base; scripts/setup.sh installs it)")
        return False
    run = subprocess.run([groff, "-man", "-ww", "-z", path], capture_output=True, text=True,
                         env=dict(os.environ, LC_ALL="C"))
    if run.returncode != 0 or run.stderr.strip():
        print(f"FAIL  groff warns about packaging/enjeux.6:\n{run.stderr}")
        ok = False
    else:
        print("ok    groff reads packaging/enjeux.6 without a warning")
    return ok


def check_readme(root):
    text = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    # `enjeux WORD` where WORD is a bare word (not a path like scenarios/x).
    used = set(re.findall(r"(?:build/|`)enjeux ([a-z][a-z0-9-]*)(?![\w/.-])", text))
    missing = sorted(used - commands(root))
    for c in missing:
        print(f"FAIL  README.md shows `enjeux {c}`, which src/main.c does not register")
    if not missing:
        print(f"ok    README.md shows only existing commands ({', '.join(sorted(used)) or 'none'})")
    return not missing


def check_desktop(root):
    import glob
    files = sorted(glob.glob(os.path.join(root, "packaging", "*.desktop")))
    if not files:
        print("FAIL  no packaging/*.desktop file")
        return False
    tool = shutil.which("desktop-file-validate")
    if not tool:
        print("FAIL  desktop-file-validate not found (Debian: desktop-file-utils; scripts/setup.sh installs it)")
        return False
    ok = True
    for path in files:
        rel = os.path.relpath(path, root)
        run = subprocess.run([tool, path], capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        out = (run.stdout + run.stderr).strip()
        if run.returncode != 0 or re.search(r": (error|warning): ", out):
            ok = False
            print(f"FAIL  {rel}:\n{out}")
        else:
            print(f"ok    {rel} passes desktop-file-validate" + (f" ({out})" if out else ""))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("check", choices=["manpage", "readme", "desktop"])
    args = ap.parse_args()
    try:
        ok = {"manpage": check_manpage, "readme": check_readme,
              "desktop": check_desktop}[args.check](args.root)
    except (OSError, ValueError) as e:
        print(f"FAIL  {e}")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
