#!/usr/bin/env python3
"""End-to-end test of the game: runs the real `enjeux` binary headless
(SDL_VIDEODRIVER=dummy) on the UI fixture library with a scripted input
file, then checks the results file (format 2, results/<play-id>.json) the game
wrote at the ending.

usage: run_e2e.py ENJEUX LIBRARY SCRIPT ENDING CHOICE[,CHOICE…] [--before SCRIPT] [ENJEUX OPTIONS…]

--before runs a first session with SCRIPT in the same user folder (to test
saving, quitting and resuming).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402


def main():
    enjeux, library, script, ending, choices = sys.argv[1:6]
    extra = sys.argv[6:]
    scripts = [script]
    if "--before" in extra:
        i = extra.index("--before")
        scripts.insert(0, extra[i + 1])
        del extra[i:i + 2]
    with tempfile.TemporaryDirectory(prefix="enjeux-e2e-") as user:
        env = et.game_env(user)
        for sc in scripts:
            cmd = [enjeux, "--library", library, "--seed", "1", "--script", sc] + extra
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
            sys.stdout.write(proc.stdout)
            sys.stderr.write(proc.stderr)
            if proc.returncode != 0:
                print(f"FAIL: {' '.join(cmd)} exited with {proc.returncode}")
                return 1
        # One profile, whose folder holds the results and the progress.
        with open(os.path.join(user, "profiles.json"), encoding="utf-8") as f:
            profiles = json.load(f)
        ids = [p["id"] for p in profiles.get("profiles", [])]
        if len(ids) != 1:
            print(f"FAIL: profiles.json: {profiles}")
            return 1
        pdir = os.path.join(user, "profiles", ids[0])
        try:
            with open(os.path.join(pdir, "progress.json"), encoding="utf-8") as f:
                progress = json.load(f)
        except (OSError, ValueError) as e:
            print(f"FAIL: progress.json: {e}")
            return 1
        if progress.get("scenarios", {}).get("atelier", {}).get("plays") != 1:
            print(f"FAIL: progress.json: atelier not counted once: {progress.get('scenarios')}")
            return 1
        rdir = os.path.join(pdir, "results")
        found = sorted(f for f in os.listdir(rdir) if f.endswith(".json") and not f.endswith(".xapi.json")) \
            if os.path.isdir(rdir) else []
        if len(found) != 1:
            print(f"FAIL: the game wrote {len(found)} results files in {rdir}, want 1: {found}")
            return 1
        path = os.path.join(rdir, found[0])
        with open(path, encoding="utf-8") as f:
            result = json.load(f)
    errors = []
    if result.get("format") != 2 or found[0] != result.get("play_id", "") + ".json":
        errors.append(f"format {result.get('format')!r}, play_id {result.get('play_id')!r} in {found[0]}")
    if result.get("scenario", {}).get("id") != "atelier":
        errors.append(f"scenario: {result.get('scenario')!r}")
    if result.get("ending", {}).get("id") != ending:
        errors.append(f"ending: got {result.get('ending')!r}, want {ending!r}")
    got = [s["choice"] for s in result.get("decisions", [])]
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
