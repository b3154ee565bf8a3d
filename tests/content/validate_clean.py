#!/usr/bin/env python3
"""validate_clean.py — `enjeux validate` must find nothing at all in the
shipped scenarios: no error and no warning (issue 6). Runs the real binary
with --format json and prints every diagnostic it reports.

Usage: validate_clean.py ENJEUX_BINARY SCENARIOS_DIR
"""
import json
import subprocess
import sys

binary, folder = sys.argv[1], sys.argv[2]
run = subprocess.run([binary, "validate", "--format", "json", "--lang", "en", folder],
                     capture_output=True, text=True, check=False)
try:
    diags = json.loads(run.stdout)
except json.JSONDecodeError:
    print(f"enjeux validate did not print JSON (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
    sys.exit(1)
for d in diags:
    print(f"{d['file']}:{d['line']}:{d['column']}: {d['severity']} [{d['code']}] {d['message']}")
print(f"{len(diags)} diagnostic(s), exit status {run.returncode}")
sys.exit(0 if run.returncode == 0 and not diags else 1)
