#!/usr/bin/env python3
"""Regenerates tests/fixtures/report/: the results files (format 2) of two
workshop computers, made from real plays of the UI fixture scenario
(tests/fixtures/ui/library/atelier) through `enjeux play --headless`, plus
the awkward files a trainer's USB stick holds (a duplicate copied from the
other computer, a damaged file, a settings file, xAPI statements, a play of
a scenario that is not installed).

    tests/report/make_fixtures.py build/enjeux

Run it on purpose only: tests/report/test_report.c and report_e2e.py expect
the counts these files give (documented in tests/report/README.md)."""
import hashlib
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCENARIO = os.path.join(ROOT, "tests/fixtures/ui/library/atelier")
OUT = os.path.join(ROOT, "tests/fixtures/report")

# (machine, pseudonym, choices, times in ms per decision)
PLAYS = [
    ("machine-a", "Ours brun", "1,1,1", [42000, 61000, 30500]),
    ("machine-a", "Mésange", "2,1,1", [35000, 20000, 18000]),
    ("machine-a", "Loutre", "1,3,1", [51000, 44000, 27000]),
    ("machine-a", "Héron", "3,2,2", [12000, 15000, 9000]),
    ("machine-a", "Renard <b>&</b>", "2,1,2", [60000, 33000, 41000]),
    ("machine-b", "Castor", "1,2,2", [22000, 19000, 25000]),
    ("machine-b", "Lynx", "2,1,1", [38000, 41000, 16000]),
    ("machine-b", "Chouette", "2,2,1", [47000, 52000, 31000]),
    ("machine-b", "Blaireau", "1,1,1", [29000, 36000, 22000]),
]


def play_id(i):
    return hashlib.sha256(f"enjeux-report-fixture-{i}".encode()).hexdigest()[:32]


def results(binary, i, pseudonym, choices, times):
    run = subprocess.run([binary, "play", "--headless", SCENARIO, "--choices", choices, "--format", "json",
                          "--seed", str(100 + i)], capture_output=True, text=True, check=True)
    p = json.loads(run.stdout)
    res = p["result"]
    decisions = []
    for step, t in zip(p["steps"], times):
        before = {m["meter"]: m["before"] for m in step["meters"]}
        after = {m["meter"]: m["after"] for m in step["meters"]}
        d = {"scene": step["scene"]["id"], "choice": step["chosen"]["id"], "time_ms": t,
             "meters_before": before, "meters_after": after, "evidence": []}
        if step.get("outcome"):
            d["outcome"] = step["outcome"]["id"]
        decisions.append(d)
    minute = 10 + i
    return {
        "format": 2,
        "play_id": play_id(i),
        "pseudonym": pseudonym,
        "workshop": "ATELIER-42",
        "scenario": {"id": p["scenario"]["id"], "version": p["scenario"]["version"],
                     "content_hash": p["scenario"]["content_hash"], "level": 1},
        "lang": p["lang"],
        "seed": p["seed"],
        "started": f"2026-11-20T09:{minute:02d}:00Z",
        "finished": f"2026-11-20T09:{minute + 6:02d}:30Z",
        "ending": {"id": res["ending"]["id"], "tone": res["ending"]["tone"]},
        "meters": {m["id"]: m["value"] for m in res["meters"]},
        "decisions": decisions,
        "competencies": [{"id": c["id"], "targeted": c["targeted"], "score": c["score"], "earned": c["earned"],
                          "best": c["best"], "mastery": c["mastery"].replace("-", "_")}
                         for c in res["competencies"]],
        "badges": res["badges"],
    }


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    binary = sys.argv[1]
    shutil.rmtree(OUT, ignore_errors=True)
    first_b = None
    for i, (machine, pseudo, choices, times) in enumerate(PLAYS):
        r = results(binary, i, pseudo, choices, times)
        write(os.path.join(OUT, machine, "results", r["play_id"] + ".json"), r)
        if machine == "machine-b" and first_b is None:
            first_b = r
    # The same play copied onto the other computer's stick: a duplicate.
    write(os.path.join(OUT, "machine-a", "copie", first_b["play_id"] + ".json"), first_b)
    # A play of a scenario not installed here: reported by ids.
    other = dict(first_b, play_id=play_id(99), workshop="<script>alert(1)</script> & co",
                 scenario={"id": "hors-catalogue", "version": "2.0.0",
                                                          "content_hash": "0123456789abcdef", "level": 2},
                 ending={"id": "fin-x", "tone": "positive"},
                 decisions=[{"scene": "debut", "choice": "option-a", "time_ms": 5000, "meters_before": {},
                             "meters_after": {}, "evidence": []}],
                 competencies=[{"id": "confidentialite-securite", "targeted": True, "score": 40, "earned": 2,
                                "best": 5, "mastery": "to_work_on"}])
    write(os.path.join(OUT, "machine-b", "results", other["play_id"] + ".json"), other)
    # Files that are not results: ignored without a word of error.
    write(os.path.join(OUT, "machine-b", "settings.json"), {"format": 1, "lang": "fr", "text_scale": 100})
    write(os.path.join(OUT, "machine-b", "results", first_b["play_id"] + ".xapi.json"), [{"verb": "x"}])
    # A badge credential, copied to the export folder beside its play's results: not counted at all.
    write(os.path.join(OUT, "machine-b", "results", first_b["play_id"] + "-badge-N1.json"),
          {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "OpenBadgeCredential"]})
    # A file cut short (a stick pulled out while copying): reported, line 4.
    with open(os.path.join(OUT, "machine-b", "results", "coupe.json"), "w", encoding="utf-8") as f:
        f.write('{\n  "format": 2,\n  "play_id": "ffffffffffffffffffffffffffffffff",\n  "scenario": {"id": "atelier",\n')
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
