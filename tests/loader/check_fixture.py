#!/usr/bin/env python3
"""Runs `enjeux validate --format json` on one broken fixture and compares
its diagnostics, one line each as `slug line:col /json/path`, with the
fixture's NAME.expected; the exit status must be the expected one (1).

usage: check_fixture.py ENJEUX FIXTURE.json
(NAME.expected may hold a line `# status: N` for another exit status, and
lines `# hint: TEXT` for a text some diagnostic's hint must contain.)
"""
import json
import pathlib
import subprocess
import sys


def main():
    binary, fixture = sys.argv[1], pathlib.Path(sys.argv[2])
    expected_file = fixture.with_suffix(".expected")
    lines = expected_file.read_text(encoding="utf-8").splitlines()
    want_status = 1
    for l in lines:
        if l.startswith("# status:"):
            want_status = int(l.split(":", 1)[1])
    expected = [l for l in lines if l.strip() and not l.startswith("#")]
    proc = subprocess.run([binary, "validate", "--format", "json", "--lang", "en", str(fixture)],
                          capture_output=True, timeout=120)
    if proc.returncode < 0 or proc.returncode > 2:
        print(f"{fixture}: crashed (status {proc.returncode})\n{proc.stderr.decode(errors='replace')}")
        return 1
    try:
        diags = json.loads(proc.stdout.decode("utf-8"))
    except ValueError as e:
        print(f"{fixture}: output is not JSON ({e}):\n{proc.stdout[:2000]!r}")
        return 1
    got = [f"{d['code']} {d['line']}:{d['column']} {d['path']}" for d in diags]
    ok = True
    if got != expected:
        print(f"{fixture}: diagnostics differ\n--- expected ({expected_file})\n" + "\n".join(expected) +
              "\n--- got\n" + "\n".join(got))
        for d in diags:
            print(f"    {d['severity']}: {d['message']} | {d['hint']}")
        ok = False
    if proc.returncode != want_status:
        print(f"{fixture}: exit status {proc.returncode}, expected {want_status}")
        ok = False
    for l in lines:
        if l.startswith("# hint:"):
            want = l.split(":", 1)[1].strip()
            if not any(want in (d.get("hint") or "") for d in diags):
                print(f"{fixture}: no hint contains {want!r}: {[d.get('hint') for d in diags]}")
                ok = False
    for d in diags:
        if not d["message"] or (d["line"] == 0 and d["code"] not in ("io-error", "empty-file", "file-too-large")):
            print(f"{fixture}: diagnostic without message or position: {d}")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
