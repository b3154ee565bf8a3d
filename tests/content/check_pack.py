#!/usr/bin/env python3
"""check_pack.py — checks the coverage claims of the shipped scenario pack.

Issue 6 promises trainers a course's worth of content. This script checks
what can be checked from the files themselves:

per scenario (`--scenario`, or every scenario with `--each`):
  (French and English completeness is checked by `enjeux validate`, which
  knows which fields are proper nouns: see the test content_validate_clean)
  * at least 8 decisions on every path from the start to an ending (shortest
    path in the scene graph ignoring conditions: a lower bound of the real
    shortest play, so the check is conservative);
  * at least 3 endings, with at least two different tones;
  * at least 2 delayed consequences (events), each scheduled somewhere;
  * at least 1 chance event;
  * at least 2 characters besides the player who speak in scenes or events;
  * every choice has feedback with a principle;
  * every targeted competency gets evidence from at least one choice;
  * every image exists and has alternative text in both languages;
  * estimated duration 15 to 25 minutes.

for the pack (`--pack`):
  * at least two scenarios per course level (1, 2, 3);
  * every scenario has its trainer's sheet docs/scenarios/<id>.md, linked
    from docs/scenarios.md;
  * every competency of the framework targeted by at least two scenarios.

Exit status 0 when every check passes, 1 otherwise; each failure is printed
as `file: check: detail`.
"""
import argparse
import json
import os
import sys
from collections import deque

LANGS = ("fr", "en")


def targets(next_field):
    if isinstance(next_field, str):
        return [next_field]
    if isinstance(next_field, list):
        return [r.get("goto") for r in next_field if isinstance(r, dict)]
    return []


def check_scenario(path, fail):
    with open(path, encoding="utf-8") as f:
        sc = json.load(f)
    folder = os.path.dirname(path)
    sid = sc.get("id", path)

    scenes = {s["id"]: s for s in sc.get("scenes", [])}
    endings = {e["id"]: e for e in sc.get("endings", [])}
    events = sc.get("events", [])

    # Shortest number of decisions from the start to any ending.
    dist = {sc.get("start"): 0}
    queue = deque([sc.get("start")])
    shortest = None
    while queue:
        sid_ = queue.popleft()
        scene = scenes.get(sid_)
        if scene is None:
            continue
        for ch in scene.get("choices", []):
            nexts = targets(ch.get("next"))
            for o in ch.get("chance", []):
                nexts += targets(o.get("next"))
            for t in nexts:
                if t in endings:
                    d = dist[sid_] + 1
                    shortest = d if shortest is None else min(shortest, d)
                elif t in scenes and t not in dist:
                    dist[t] = dist[sid_] + 1
                    queue.append(t)
    if shortest is None:
        fail(path, "decisions", "no ending is reachable from the start")
    elif shortest < 8:
        fail(path, "decisions", f"a path reaches an ending after {shortest} decisions (need >= 8)")

    if len(endings) < 3:
        fail(path, "endings", f"{len(endings)} endings (need >= 3)")
    tones = {e.get("tone") for e in endings.values()}
    if len(tones) < 2:
        fail(path, "endings", f"all endings have the same tone {tones}")

    scheduled = set()
    chance = 0
    evidence = set()
    for scene in scenes.values():
        for ch in scene.get("choices", []):
            eff = ch.get("effects", {})
            scheduled.update(eff.get("schedule", []))
            evidence.update(k for k, v in eff.get("evidence", {}).items() if v)
            if ch.get("chance"):
                chance += 1
            for o in ch.get("chance", []):
                scheduled.update(o.get("effects", {}).get("schedule", []))
            fb = ch.get("feedback", {})
            if not fb.get("principle"):
                fail(path, "feedback", f"choice '{ch.get('id')}' in scene '{scene['id']}' has no principle")
    real_events = [e for e in events if e.get("id") in scheduled]
    if len(real_events) < 2:
        fail(path, "events", f"{len(real_events)} scheduled delayed consequences (need >= 2)")
    if chance < 1:
        fail(path, "chance", "no chance event")
    for c in sc.get("competencies", []):
        if c not in evidence:
            fail(path, "evidence", f"targeted competency '{c}' gets no evidence from any choice")

    speakers = {s.get("speaker") for s in scenes.values()} | {e.get("speaker") for e in events}
    speakers.discard(None)
    if len(speakers) < 2:
        fail(path, "stakeholders", f"{len(speakers)} characters speak (need >= 2)")

    def check_image(where, rel, alt):
        if rel is None:
            return
        full = os.path.join(folder, rel)
        if not os.path.isfile(full):
            fail(path, "images", f"{where}: {rel} does not exist")
        if not isinstance(alt, dict) or any(not alt.get(l) for l in LANGS):
            fail(path, "images", f"{where}: {rel} lacks alt text in fr and en")

    for s in scenes.values():
        check_image(f"scene {s['id']}", s.get("image"), s.get("image_alt"))
    for e in events:
        check_image(f"event {e.get('id')}", e.get("image"), e.get("image_alt"))
    for e in endings.values():
        check_image(f"ending {e['id']}", e.get("image"), e.get("image_alt"))
    for c in sc.get("characters", []):
        check_image(f"character {c.get('id')}", c.get("portrait"), c.get("portrait_alt"))
    acts = {s.get("act") for s in scenes.values() if s.get("act")}
    for act in sorted(acts):
        if not any(s.get("image") for s in scenes.values() if s.get("act") == act):
            fail(path, "images", f"act {act} has no scene image")

    minutes = sc.get("minutes", 0)
    if not 15 <= minutes <= 25:
        fail(path, "duration", f"{minutes} minutes (need 15 to 25)")
    return sc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenarios", default="scenarios", help="the scenarios folder")
    ap.add_argument("--scenario", help="check one scenario.json")
    ap.add_argument("--each", action="store_true", help="check every scenario")
    ap.add_argument("--pack", action="store_true", help="check the pack's coverage")
    args = ap.parse_args()

    failures = []

    def fail(file, check, detail):
        failures.append(f"{file}: {check}: {detail}")

    paths = []
    if args.scenario:
        paths = [args.scenario]
    elif not os.path.isdir(args.scenarios):
        fail(args.scenarios, "files", "no scenarios folder")
    else:
        for d in sorted(os.listdir(args.scenarios)):
            p = os.path.join(args.scenarios, d, "scenario.json")
            if os.path.isfile(p):
                paths.append(p)
    if not paths:
        fail(args.scenarios, "files", "no scenario found")
    per_scenario = fail if (args.each or args.scenario) else (lambda *a: None)
    loaded = [check_scenario(p, per_scenario) for p in paths]
    for p in paths:
        print(f"checked {p}")

    if args.pack and paths:
        with open(os.path.join(args.scenarios, "competencies.json"), encoding="utf-8") as f:
            fw = json.load(f)
        levels = {1: 0, 2: 0, 3: 0}
        for sc in loaded:
            levels[sc.get("level")] = levels.get(sc.get("level"), 0) + 1
        for lvl, n in levels.items():
            if n < 2:
                fail(args.scenarios, "levels", f"level {lvl} has {n} scenario(s) (need >= 2)")
        docs = os.path.join(args.scenarios, "..", "docs")
        index_path = os.path.join(docs, "scenarios.md")
        index = open(index_path, encoding="utf-8").read() if os.path.isfile(index_path) else ""
        for p in paths:
            sid = os.path.basename(os.path.dirname(p))
            if not os.path.isfile(os.path.join(docs, "scenarios", sid + ".md")):
                fail(p, "trainer sheet", f"docs/scenarios/{sid}.md is missing")
            if f"(scenarios/{sid}.md)" not in index:
                fail(p, "trainer sheet", f"docs/scenarios.md does not link scenarios/{sid}.md")
        for comp in fw.get("competencies", []):
            n = sum(1 for sc in loaded if comp["id"] in sc.get("competencies", []))
            if n < 2:
                fail(args.scenarios, "coverage", f"competency '{comp['id']}' is trained by {n} scenario(s) (need >= 2)")

    for line in failures:
        print(line)
    print(f"{len(paths)} scenario(s), {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
