#!/usr/bin/env python3
"""The authoring guide (docs/authoring.md, docs/authoring.en.md) against the
code:
- the format reference: every table marked <!-- schema: X --> lists exactly
  the properties of X in scenarios/schema/scenario.schema.json (the union
  of the variants for conditions), with the right required mark and every
  allowed value named; every object of the schema has its table;
- the tutorial: its final scenario (the JSON block after
  <!-- tutorial-final -->, the same in both languages) validates without a
  diagnostic and plays to an ending through the delayed consequence, has
  three scenes, and the snippets the tutorial asks to paste are exactly the
  corresponding parts of it;
- every image the guide shows exists;
- the competency table of the tutorial (<!-- competencies -->) is the
  game's framework, ids, levels and names.

Usage: check_authoring_doc.py ROOT ENJEUX"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT, BIN = sys.argv[1], os.path.abspath(sys.argv[2])
SCHEMA = json.load(open(os.path.join(ROOT, "scenarios/schema/scenario.schema.json"), encoding="utf-8"))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def schema_objects():
    """target -> (properties dict, required list or None when not applicable)."""
    out = {"#": (SCHEMA["properties"], SCHEMA.get("required", []))}
    for name, d in SCHEMA["$defs"].items():
        if "properties" in d:
            out["#/$defs/" + name] = (d["properties"], d.get("required", []))
    cond = {}
    for var in SCHEMA["$defs"]["condition"]["oneOf"]:
        for k, v in var.get("properties", {}).items():
            cond.setdefault(k, v)
    out["#/$defs/condition"] = (cond, None)
    return out


def tables(text):
    """target -> list of rows (cells), for each marked table."""
    out = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"<!-- schema: (\S+) -->", line.strip())
        if not m:
            continue
        rows = []
        for row in lines[i + 3:]:
            if not row.startswith("|"):
                break
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]
            rows.append(cells)
        check(m.group(1) not in out, "one table per schema object: %s twice" % m.group(1))
        out[m.group(1)] = rows
    return out


def check_reference(doc, text, yes, no):
    objs = schema_objects()
    tabs = tables(text)
    check(set(tabs) == set(objs), "%s: tables for %s, schema objects %s" % (doc, sorted(tabs), sorted(objs)))
    for target, rows in tabs.items():
        if target not in objs:
            continue
        props, required = objs[target]
        fields = {}
        for cells in rows:
            m = re.fullmatch(r"`([^`]+)`", cells[0]) if cells else None
            check(m and len(cells) == 4, "%s %s: a row is | `field` | type | required | meaning |: %s" % (doc, target, cells))
            if m:
                fields[m.group(1)] = cells
        check(set(fields) == set(props),
              "%s %s: fields %s, schema %s" % (doc, target, sorted(fields), sorted(props)))
        for name, cells in fields.items():
            if name not in props:
                continue
            if required is not None:
                want = yes if name in required else no
                check(cells[2] == want, "%s %s.%s: required column %r, want %r" % (doc, target, name, cells[2], want))
            check(cells[3].strip() != "", "%s %s.%s: a meaning" % (doc, target, name))
            check(cells[1].strip() not in ("", "None", "null"), "%s %s.%s: a type, not %r" % (doc, target, name, cells[1]))
            for value in props[name].get("enum", []):
                shown = value if isinstance(value, str) else json.dumps(value)
                check("`%s`" % shown in cells[1], "%s %s.%s: value %r named" % (doc, target, name, value))


def final_block(doc, text):
    m = re.search(r"<!-- tutorial-final -->\s*```json\n(.*?)```", text, re.S)
    check(m is not None, "%s: a ```json block after <!-- tutorial-final -->" % doc)
    return m.group(1) if m else ""


def json_blocks(text):
    return re.findall(r"```json\n(.*?)```", text, re.S)


def check_snippets(doc, text, final):
    """The blocks the tutorial asks to paste are the final scenario's parts.
    The reunion scene of 1.7 is pasted before 1.8 c. replaces the routes of
    its choice charte: it is the final scene but for those routes."""
    scenes = final.get("scenes", [])
    reunion = scenes[2] if len(scenes) > 2 else {}
    charte = reunion.get("choices", [{}])[0]
    want = {
        "scene reunion": reunion,
        "events": final.get("events"),
        "schedule effects": scenes[0]["choices"][0].get("effects") if scenes else None,
        "next reunion": "reunion",
        "flags": final.get("flags"),
        "charte next": charte.get("next"),
    }
    found = set()
    for block in json_blocks(text):
        b = block.strip()
        try:
            if b.startswith('{\n  "id": "reunion"'):
                got = json.loads(b)
                first = got["choices"][0]
                check(first.get("id") == "charte" and first.get("next") != want["charte next"],
                      "%s: 1.7's reunion has charte's routes before the flag" % doc)
                first["next"] = want["charte next"]
                check(got == want["scene reunion"], "%s: the reunion snippet is the final scene" % doc)
                found.add("scene reunion")
            elif b.startswith('"events"'):
                check(json.loads("{" + b + "}")["events"] == want["events"], "%s: the events snippet" % doc)
                found.add("events")
            elif b.startswith('"effects"') and "schedule" in b:
                check(json.loads("{" + b.rstrip(",") + "}")["effects"] == want["schedule effects"],
                      "%s: the schedule snippet is the final coller effects" % doc)
                found.add("schedule effects")
            elif b.startswith('"flags": ['):
                check(json.loads("{" + b.rstrip(",") + "}")["flags"] == want["flags"],
                      "%s: the flags snippet is the final flags" % doc)
                found.add("flags")
            elif b.startswith('"next": ['):
                check(json.loads("{" + b + "}")["next"] == want["charte next"],
                      "%s: the charte routes snippet is the final one" % doc)
                found.add("charte next")
            elif b == '"next": "reunion"':
                rel = [c["next"] for c in scenes[1]["choices"]]
                check(all(n == "reunion" for n in rel), "%s: relecture's choices lead to reunion" % doc)
                found.add("next reunion")
        except ValueError as e:
            check(False, "%s: a tutorial snippet is not valid JSON: %s\n%s" % (doc, e, b[:200]))
    check(found == set(want), "%s: tutorial snippets found %s" % (doc, sorted(found)))


def run(*args):
    return subprocess.run([BIN] + list(args), capture_output=True, text=True, timeout=120)


texts = {}
for doc, yes, no in (("docs/authoring.md", "oui", "non"), ("docs/authoring.en.md", "yes", "no")):
    text = open(os.path.join(ROOT, doc), encoding="utf-8").read()
    texts[doc] = text
    check_reference(doc, text, yes, no)
    for img in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        check(os.path.isfile(os.path.join(ROOT, "docs", img)), "%s: image %s exists" % (doc, img))

def check_competency_table(doc, text, lang):
    """The table after <!-- competencies --> is the game's framework: every
    competency once, in its order, with its level and name."""
    fw = json.load(open(os.path.join(ROOT, "scenarios/competencies.json"), encoding="utf-8"))
    want = ["| `%s` | N%d | %s |" % (c["id"], c["level"], c["name"][lang]) for c in fw["competencies"]]
    m = re.search(r"<!-- competencies -->\n\|[^\n]*\|\n\|[-|]+\|\n((?:\|[^\n]*\n)*)", text)
    check(m is not None, "%s: a competency table after <!-- competencies -->" % doc)
    if m:
        got = m.group(1).splitlines()
        check(got == want, "%s: the competency table is scenarios/competencies.json:\n  got  %s\n  want %s"
              % (doc, "\n       ".join(got), "\n       ".join(want)))
    check("(competencies.md)" in text, "%s: links docs/competencies.md" % doc)


check_competency_table("docs/authoring.md", texts["docs/authoring.md"], "fr")
check_competency_table("docs/authoring.en.md", texts["docs/authoring.en.md"], "en")

fr, en = (final_block(d, texts[d]) for d in ("docs/authoring.md", "docs/authoring.en.md"))
check(fr == en, "the tutorial's final scenario is the same in both languages")
try:
    final = json.loads(fr)
except ValueError as e:
    final = {}
    check(False, "the tutorial's final scenario is JSON: %s" % e)
for doc, text in texts.items():
    if final:
        check_snippets(doc, text, final)

with tempfile.TemporaryDirectory() as tmp:
    lib = os.path.join(tmp, "scenarios")
    r = run("new", "--dir", lib, "accueil-mairie")
    check(r.returncode == 0, "enjeux new accueil-mairie: %s" % r.stderr)
    dest = os.path.join(lib, "accueil-mairie")
    with open(os.path.join(dest, "scenario.json"), "w", encoding="utf-8") as f:
        f.write(fr)
    r = run("validate", "--format", "json", dest)
    check(r.returncode == 0 and json.loads(r.stdout or "[]") == [],
          "the tutorial's scenario validates without a diagnostic: %s" % r.stdout[:2000])
    check(len(final.get("scenes", [])) == 3, "three scenes")
    check(len(final.get("events", [])) >= 1, "a delayed consequence")
    r = run("play", "--headless", dest, "--choices", "coller,corriger,charte", "--format", "json")
    try:
        out = json.loads(r.stdout)
    except ValueError:
        out = {}
    steps = out.get("steps", [])
    fired = json.dumps(steps)
    check(r.returncode == 0 and (out.get("result") or {}).get("ending", {}).get("id") == "fin-mitigee",
          "the tutorial's play coller,corriger,charte (pasting residents' data) cannot reach the positive "
          "ending: %s" % (out.get("result") or {}).get("ending"))
    check('"signalement"' in fired, "the delayed consequence fires on that play")
    for choices, ending in (("anonymiser,corriger,charte", "fin-confiance"),
                            ("coller,envoyer,generaliser", "fin-mefiance"), ("anonymiser,envoyer,charte", "fin-mitigee")):
        r = run("play", "--headless", dest, "--choices", choices, "--format", "json")
        got = ((json.loads(r.stdout or "{}").get("result") or {}).get("ending") or {}).get("id")
        check(got == ending, "%s ends at %s (got %s)" % (choices, ending, got))
    r = run("play", "--headless", dest, "--random", "300")
    check(r.returncode == 0, "300 random plays of the tutorial's scenario")
    # analyze: full coverage, and no teaching-quality warning (every scene
    # whose choices differ in evidence has its debrief)
    r = run("analyze", "--format", "json", dest)
    try:
        an = json.loads(r.stdout)
    except ValueError:
        an = {}
    check(r.returncode == 0, "analyze of the tutorial's scenario exits 0: %s" % r.stderr)
    r = run("analyze", "--lang", "en", dest)
    check("courriels→refuser is dominated by anonymiser" in r.stdout and "→ Not an error:" in r.stdout,
          "analyze explains what to do about the dominated choice the tutorial discusses:\n%s" % r.stdout[-1500:])
    check(an.get("issues", an.get("teaching", [])) == [], "analyze: no teaching-quality warning: %s"
          % json.dumps(an.get("issues", an.get("teaching")), ensure_ascii=False)[:800])

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("authoring guide: all checks passed")
