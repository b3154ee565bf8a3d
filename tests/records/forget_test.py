#!/usr/bin/env python3
"""`enjeux --forget PROFILE` on the player data layout of the brief
(U/profiles.json and U/profiles/<id>/): by pseudonym and by id, the
profile's folder (records, results, badges, save, settings) and its entry
go (through the profiles module's delete), "last" is cleared, the other
profiles stay untouched; an unknown name and a missing argument fail with
a message.

usage: forget_test.py ENJEUX
"""
import json
import os
import subprocess
import sys
import tempfile


def make(user, profiles):
    with open(os.path.join(user, "profiles.json"), "w", encoding="utf-8") as f:
        json.dump({"format": 1, "last": profiles[0][0], "profiles": [
            {"id": i, "pseudonym": p, "created": "2026-11-22T00:00:00Z"} for i, p in profiles]}, f)
    for i, _ in profiles:
        base = os.path.join(user, "profiles", i)
        for sub, name in (("records", "a.jsonl"), ("results", "a.json"), ("results", "a.csv"),
                          ("badges", "a-badge-N1.png"), ("saves", "current.json"), ("", "settings.json")):
            os.makedirs(os.path.join(base, sub), exist_ok=True)
            open(os.path.join(base, sub, name), "w").close()


def main():
    enjeux = sys.argv[1]
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-forget-") as user:
        env = dict(os.environ, ENJEUX_USER_DIR=user, LANG="C.UTF-8", LC_ALL="")
        run = lambda *a: subprocess.run([enjeux, "--forget", *a, "--lang", "en"], env=env, capture_output=True,
                                        text=True, timeout=60)
        make(user, [("0a1b2c3d", "Loutre"), ("11112222", "Élan"), ("33334444", "Renard")])
        r = run("Loutre")
        if r.returncode != 0 or "play records: 1, results files: 2, badge files: 1, other files: 2" not in r.stdout:
            errors.append(f"forget Loutre: exit {r.returncode}, {r.stdout!r} {r.stderr!r}")
        if os.path.exists(os.path.join(user, "profiles", "0a1b2c3d")):
            errors.append("the folder of Loutre is still there")
        doc = json.load(open(os.path.join(user, "profiles.json"), encoding="utf-8"))
        if [p["id"] for p in doc["profiles"]] != ["11112222", "33334444"] or doc.get("last"):
            errors.append(f"profiles.json after: {doc}")
        r = run("33334444")
        if r.returncode != 0 or os.path.exists(os.path.join(user, "profiles", "33334444")):
            errors.append(f"forget by id: exit {r.returncode}, {r.stderr!r}")
        if not os.path.isfile(os.path.join(user, "profiles", "11112222", "results", "a.json")):
            errors.append("another profile's data was touched")
        r = run("Nobody")
        if r.returncode != 1 or "no profile" not in r.stderr:
            errors.append(f"unknown profile: exit {r.returncode}, {r.stderr!r}")
        r = subprocess.run([enjeux, "--forget"], env=env, capture_output=True, text=True, timeout=60)
        if r.returncode != 2:
            errors.append(f"no argument: exit {r.returncode}")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("ok: --forget deletes a profile's folder and entry, by pseudonym or id, and nothing else")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
