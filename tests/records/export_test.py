#!/usr/bin/env python3
"""Exports and the workshop file, through the real game (SDL_VIDEODRIVER=dummy):

1. a scripted play with --workshop FILE (code, xAPI homePage) and
   --export-dir DIR writes its results (JSON, CSV, xAPI) into the profile's
   results/ folder and the same files into DIR; the workshop code and the
   homePage are in them; the xAPI statements of both folders then go
   through tests/xapi/check_xapi.py (xapi-validation);
2. started again with another export folder, the game copies the results
   already there (plays finished before the folder was set);
3. a broken workshop file named on the command line stops the game with
   file:line:column and what to do.

usage: export_test.py ENJEUX LIBRARY SCRIPT CHECK_XAPI
"""
import filecmp
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402


def main():
    enjeux, library, script, check_xapi = sys.argv[1:5]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(check_xapi))))
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-export-") as tmp:
        user = os.path.join(tmp, "user")
        usb = os.path.join(tmp, "usb", "atelier")
        os.makedirs(user)
        workshop = os.path.join(tmp, "workshop.json")
        with open(workshop, "w", encoding="utf-8") as f:
            json.dump({"format": 1, "code": "LYON-2026-11", "xapi_home_page": "https://lms.example.org",
                       "issuer": {"id": "https://example.org/issuers/ia", "name": "Centre de formation"}}, f)
        env = et.game_env(user)
        base = [enjeux, "--library", library, "--seed", "1"]
        run = subprocess.run(base + ["--workshop", workshop, "--export-dir", usb, "--script", script],
                             env=env, capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            print(f"FAIL: the play exited with {run.returncode}: {run.stderr}")
            return 1
        pdir = et.profile_dir(user) or os.path.join(user, "no-profile")
        res = os.path.join(pdir, "results")
        names = sorted(os.listdir(res)) if os.path.isdir(res) else []
        exported = sorted(os.listdir(usb)) if os.path.isdir(usb) else []
        if len([n for n in names if n.endswith(".csv")]) != 1:
            errors.append(f"profile results: {names}")
        for n in names:
            if n not in exported:
                errors.append(f"{n} was not exported to {usb}")
            elif not filecmp.cmp(os.path.join(res, n), os.path.join(usb, n), shallow=False):
                errors.append(f"{n} differs in the export folder")
        js = [n for n in names if n.endswith(".json") and not n.endswith(".xapi.json") and "badge" not in n]
        if js:
            doc = json.load(open(os.path.join(res, js[0]), encoding="utf-8"))
            if doc.get("workshop") != "LYON-2026-11":
                errors.append(f"workshop in the results: {doc.get('workshop')!r}")
            xapi = json.load(open(os.path.join(res, js[0][:-5] + ".xapi.json"), encoding="utf-8"))
            if xapi[0]["actor"]["account"]["homePage"] != "https://lms.example.org":
                errors.append(f"actor: {xapi[0]['actor']}")
        rec = os.path.join(pdir, "records")
        for n in os.listdir(rec) if os.path.isdir(rec) else []:
            head = json.loads(open(os.path.join(rec, n), encoding="utf-8").readline())
            if head.get("workshop") != "LYON-2026-11":
                errors.append(f"record {n}: workshop {head.get('workshop')!r}")

        # 2. A new export folder gets the earlier plays.
        usb2 = os.path.join(tmp, "usb2")
        run = subprocess.run(base + ["--export-dir", usb2, "--script", os.devnull], env=env, capture_output=True,
                             text=True, timeout=120)
        got = sorted(os.listdir(usb2)) if os.path.isdir(usb2) else []
        if got != names:
            errors.append(f"pending export: {got}, want {names}")

        # 3. A broken workshop file.
        bad = os.path.join(tmp, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('{\n  "format": 1,\n  "code": "atelier lyon"\n}\n')
        run = subprocess.run(base + ["--workshop", bad, "--script", os.devnull], env=env, capture_output=True,
                             text=True, timeout=120)
        if run.returncode == 0 or f"{bad}:3:3:" not in run.stderr:
            errors.append(f"broken workshop file: exit {run.returncode}, {run.stderr.strip()!r}")

        if not errors:
            check = subprocess.run([sys.executable, check_xapi, root, "-", res, usb], capture_output=True, text=True)
            sys.stdout.write(check.stdout + check.stderr)
            if check.returncode != 0:
                errors.append("the exported results fail check_xapi.py")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print(f"ok: {len(names)} files in results/ and the export folder, workshop code and homePage in them, "
              "pending plays exported, broken workshop file reported")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
