#!/usr/bin/env python3
"""Checks the results files of many plays with tools other than our own code:
the JSON against scenarios/schema/results.schema.json (python3-jsonschema),
the CSV with Python's csv module, and every xAPI statement with Learning
Locker's validator, npm package xapi-validation (tests/xapi/validate_xapi.js).

usage: check_xapi.py ROOT GEN_RESULTS [RESULTS_DIR…]

GEN_RESULTS (tests/records/gen_results.c) writes the results of seeded random
plays of every shipped scenario and of the UI fixture into a temporary
folder (GEN_RESULTS "-": none); RESULTS_DIRs add folders of files written by the game itself. The
npm packages are installed from the committed package-lock.json (npm ci)
when tests/xapi/node_modules lacks them.
"""
import csv
import fcntl
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator


def ensure_validator(xdir):
    """Installs the npm packages (npm ci) when they are missing. Two tests use
    them (records_xapi_validation, records_export) and CTest may start both at
    once on a fresh build folder: a lock beside node_modules makes the second
    wait for the first's install instead of running `npm ci` (which deletes
    node_modules first) over it."""
    marker = os.path.join(xdir, "node_modules", "xapi-validation", "package.json")
    with open(os.path.join(xdir, ".npm-ci.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.isfile(marker):
            return True
        npm = shutil.which("npm")
        if not npm:
            print("FAIL: npm not found (Debian: nodejs npm; scripts/setup.sh installs them)")
            return False
        run = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=xdir, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAIL: npm ci in {xdir}:\n{run.stdout}{run.stderr}")
        return False
    return True


def main():
    root, gen = sys.argv[1:3]
    extra = sys.argv[3:]
    xdir = os.path.join(root, "tests", "xapi")
    if not ensure_validator(xdir):
        return 1
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        print("FAIL: node not found (Debian: nodejs)")
        return 1
    schema = json.load(open(os.path.join(root, "scenarios", "schema", "results.schema.json"), encoding="utf-8"))
    v = Draft202012Validator(schema)
    ok = True
    with tempfile.TemporaryDirectory(prefix="enjeux-xapi-") as out:
        scenarios = sorted(glob.glob(os.path.join(root, "scenarios", "*", "scenario.json")))
        scenarios.append(os.path.join(root, "tests", "fixtures", "ui", "library", "atelier", "scenario.json"))
        if gen != "-":
            run = subprocess.run([gen, out, "12"] + scenarios, capture_output=True, text=True)
            sys.stdout.write(run.stdout + run.stderr)
            if run.returncode != 0:
                print("FAIL: gen_results failed")
                return 1
        dirs = [out] + extra
        xapi = []
        n_json = 0
        for d in dirs:
            for path in sorted(glob.glob(os.path.join(d, "*.json"))):
                if "-badge-" in os.path.basename(path):
                    continue
                if path.endswith(".xapi.json"):
                    xapi.append(path)
                    continue
                doc = json.load(open(path, encoding="utf-8"))
                errs = list(v.iter_errors(doc))
                for e in errs[:5]:
                    print(f"FAIL: {path}: {e.json_path}: {e.message[:200]}")
                ok = ok and not errs
                n_json += 1
                with open(path[:-5] + ".csv", encoding="utf-8", newline="") as f:
                    rows = list(csv.reader(f))
                if len(rows) != 2 or len(rows[0]) != len(rows[1]) or rows[1][0] != doc["play_id"]:
                    print(f"FAIL: {path[:-5]}.csv: want a header and one row of the same width")
                    ok = False
                want = {f"meter:{m}" for m in doc["meters"]} | {f"competency:{c['id']}" for c in doc["competencies"]}
                if not want <= set(rows[0]):
                    print(f"FAIL: {path[:-5]}.csv lacks columns {sorted(want - set(rows[0]))}")
                    ok = False
        print(f"{'ok' if ok else 'FAIL'}: {n_json} results files against the JSON Schema and their CSV")
        if not xapi:
            print("FAIL: no xAPI file")
            return 1
        run = subprocess.run([node, os.path.join(xdir, "validate_xapi.js")] + xapi, capture_output=True, text=True)
        sys.stdout.write(run.stdout + run.stderr)
        ok = ok and run.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
