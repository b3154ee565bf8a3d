#!/usr/bin/env python3
"""End-to-end test of the game: runs the real `enjeux` binary headless
(SDL_VIDEODRIVER=dummy) on the UI fixture library with a scripted input
file, then checks the result file the game wrote at the ending.

usage: run_e2e.py ENJEUX LIBRARY SCRIPT ENDING CHOICE[,CHOICE…] [--before SCRIPT] [ENJEUX OPTIONS…]

--before runs a first session with SCRIPT in the same user folder (to test
saving, quitting and resuming).
"""
import glob
import json
import os
import subprocess
import sys
import tempfile


def main():
    enjeux, library, script, ending, choices = sys.argv[1:6]
    extra = sys.argv[6:]
    scripts = [script]
    if "--before" in extra:
        i = extra.index("--before")
        scripts.insert(0, extra[i + 1])
        del extra[i:i + 2]
    with tempfile.TemporaryDirectory(prefix="enjeux-e2e-") as user:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software",
                   SDL_AUDIODRIVER="dummy", ENJEUX_USER_DIR=user)
        for sc in scripts:
            cmd = [enjeux, "--library", library, "--seed", "1", "--script", sc] + extra
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
            sys.stdout.write(proc.stdout)
            sys.stderr.write(proc.stderr)
            if proc.returncode != 0:
                print(f"FAIL: {' '.join(cmd)} exited with {proc.returncode}")
                return 1
        # Results go to the profile's folder U/profiles/<id>/results/.
        found = glob.glob(os.path.join(user, "profiles", "*", "results", "atelier.json"))
        path = found[0] if found else os.path.join(user, "profiles", "?", "results", "atelier.json")
        if not os.path.isfile(path):
            print(f"FAIL: the game wrote no result file {path}")
            return 1
        with open(path, encoding="utf-8") as f:
            result = json.load(f)
        errors = []
        # One profile, whose folder holds the result and the progress.
        with open(os.path.join(user, "profiles.json"), encoding="utf-8") as f:
            profiles = json.load(f)
        ids = [p["id"] for p in profiles.get("profiles", [])]
        if len(ids) != 1 or os.path.dirname(os.path.dirname(path)) != os.path.join(user, "profiles", ids[0]):
            errors.append(f"profiles.json: {profiles}")
        try:
            with open(os.path.join(os.path.dirname(os.path.dirname(path)), "progress.json"), encoding="utf-8") as f:
                progress = json.load(f)
            if progress.get("scenarios", {}).get("atelier", {}).get("plays") != 1:
                errors.append(f"progress.json: atelier not counted once: {progress.get('scenarios')}")
        except (OSError, ValueError) as e:
            errors.append(f"progress.json: {e}")
    if result.get("scenario") != "atelier":
        errors.append(f"scenario: {result.get('scenario')!r}")
    if result.get("ending") != ending:
        errors.append(f"ending: got {result.get('ending')!r}, want {ending!r}")
    got = [s["choice"] for s in result.get("choices", [])]
    if got != choices.split(","):
        errors.append(f"choices: got {got}, want {choices.split(',')}")
    comps = {c["id"]: c for c in result.get("competencies", [])}
    for cid in ("confidentialite-securite", "transparence-information"):
        c = comps.get(cid)
        if c is None:
            errors.append(f"competency {cid} missing from the result")
        elif not (c["score"] is None or 0 <= c["score"] <= 100) or c["mastery"] not in (
                "acquired", "in_progress", "to_work_on", "not_assessed"):
            errors.append(f"competency {cid}: {c}")
    if not isinstance(result.get("meters"), dict) or set(result["meters"]) != {"confiance", "charge"}:
        errors.append(f"meters: {result.get('meters')}")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print(f"ok: ending {ending}, choices {got}, scores "
              + ", ".join(f"{k}={v['score']}" for k, v in comps.items()))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
