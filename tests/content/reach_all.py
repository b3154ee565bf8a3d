#!/usr/bin/env python3
"""reach_all.py — every shipped scenario plays to each of its endings and
fires each of its delayed consequences (issue 6), shown by the real binary:
`enjeux play --headless SCENARIO --random N --format json` for each
scenario folder. Prints the counts; exit 1 when an ending is never reached,
an event never fires, or a play gets stuck.

Usage: reach_all.py ENJEUX_BINARY SCENARIOS_DIR [PLAYS]
"""
import json
import os
import subprocess
import sys

binary, folder = sys.argv[1], sys.argv[2]
plays = sys.argv[3] if len(sys.argv) > 3 else "5000"
problems = 0
scenarios = sorted(d for d in os.listdir(folder)
                   if os.path.isfile(os.path.join(folder, d, "scenario.json")))
for name in scenarios:
    run = subprocess.run([binary, "play", "--headless", os.path.join(folder, name),
                          "--random", plays, "--seed", "7", "--format", "json"],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(f"{name}: enjeux play failed (exit {run.returncode}): {run.stderr.strip()}")
        problems += 1
        continue
    result = json.loads(run.stdout)
    endings = ", ".join(f"{e['id']} {e['count']}" for e in result["endings"])
    events = ", ".join(f"{e['id']} {e['plays']}" for e in result["events"])
    print(f"{name}: endings [{endings}]; events [{events}]")
    for e in result["endings"]:
        if e["count"] == 0:
            print(f"  {name}: ending '{e['id']}' never reached in {plays} random plays")
            problems += 1
    for e in result["events"]:
        if e["plays"] == 0:
            print(f"  {name}: delayed consequence '{e['id']}' never fires in {plays} random plays")
            problems += 1
    if result["unfinished"]:
        print(f"  {name}: {result['unfinished']} plays never reached an ending")
        problems += 1
print(f"{len(scenarios)} scenario(s), {problems} problem(s)")
sys.exit(1 if problems or not scenarios else 0)
