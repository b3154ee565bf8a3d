#!/usr/bin/env python3
"""check_schema.py — tests of the JSON Schemas in scenarios/schema/.

Run by CTest (tests/cmake/10-schema.cmake) with Debian's python3 and its
python3-jsonschema; a missing jsonschema module is a failure, not a skip.

    check_schema.py --root SOURCE_DIR meta       both schemas are valid draft 2020-12 schemas
    check_schema.py --root SOURCE_DIR files      every shipped scenario, the framework and
                                                 every valid fixture validate
    check_schema.py --root SOURCE_DIR negative   the schemas reject what they must
    check_schema.py --root SOURCE_DIR doc        docs/format.md and the schema agree on the
                                                 top-level fields and which are required
    check_schema.py --root SOURCE_DIR examples   every JSON example of docs/format.md passes
                                                 the schema part it illustrates

Exit status 0 when the check passes, 1 otherwise.
"""

import argparse
import copy
import glob
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    print("FAIL: the Python module 'jsonschema' is missing for " + sys.executable + ".\n"
          "  Debian/Ubuntu: apt-get install python3-jsonschema (scripts/setup.sh does it).",
          file=sys.stderr)
    sys.exit(1)

SCENARIO_SCHEMA = "scenarios/schema/scenario.schema.json"
FRAMEWORK_SCHEMA = "scenarios/schema/competencies.schema.json"


def load_json(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def validator(root, rel):
    return Draft202012Validator(load_json(os.path.join(root, rel)))


def describe(err):
    where = err.json_path if hasattr(err, "json_path") else "/".join(map(str, err.path))
    return f"{where}: {err.message[:300]}"


def check_meta(root):
    ok = True
    for rel in (SCENARIO_SCHEMA, FRAMEWORK_SCHEMA):
        schema = load_json(os.path.join(root, rel))
        try:
            if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
                raise jsonschema.SchemaError("$schema is not draft 2020-12")
            Draft202012Validator.check_schema(schema)
            print(f"ok    {rel} is a valid draft 2020-12 schema")
        except jsonschema.SchemaError as e:
            print(f"FAIL  {rel}: {e.message}")
            ok = False
    return ok


def is_framework(doc):
    """A framework file has thresholds and levels; a scenario has neither."""
    return isinstance(doc, dict) and ("thresholds" in doc or "levels" in doc)


def check_files(root):
    scen_v = validator(root, SCENARIO_SCHEMA)
    fw_v = validator(root, FRAMEWORK_SCHEMA)
    files = sorted(glob.glob(os.path.join(root, "scenarios", "*", "scenario.json")))
    framework = os.path.join(root, "scenarios", "competencies.json")
    if os.path.exists(framework):
        files.append(framework)
    fixtures = sorted(set(glob.glob(os.path.join(root, "tests", "fixtures", "valid", "*.json"))
                          + glob.glob(os.path.join(root, "tests", "fixtures", "valid", "*", "scenario.json"))))
    files += fixtures
    if not files:
        print("FAIL  no file to check (expected scenarios/*/scenario.json or scenarios/competencies.json)")
        return False
    ok = True
    for path in files:
        rel = os.path.relpath(path, root)
        try:
            doc = load_json(path)
        except (OSError, ValueError) as e:
            print(f"FAIL  {rel}: not readable JSON: {e}")
            ok = False
            continue
        kind, v = ("framework", fw_v) if is_framework(doc) else ("scenario", scen_v)
        errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            ok = False
            print(f"FAIL  {rel} ({kind}): {len(errors)} error(s)")
            for e in errors[:20]:
                print(f"        {describe(e)}")
        else:
            print(f"ok    {rel} ({kind})")
    print(f"{len(files)} file(s) checked")
    return ok


# A small scenario that uses most of the format; each negative case breaks
# one thing in a copy of it.
MINIMAL = {
    "$schema": "../schema/scenario.schema.json",
    "format": 1,
    "id": "essai",
    "version": "1.0.0",
    "title": {"fr": "Essai", "en": "Test"},
    "summary": "Un scénario d'essai.",
    "sector": {"fr": "Santé", "en": "Health"},
    "level": 2,
    "minutes": 15,
    "languages": ["fr", "en"],
    "authors": ["Équipe Enjeux"],
    "licence": "CC-BY-SA-4.0",
    "competencies": ["protection-donnees"],
    "tool": {"name": "TriageIA", "description": "Propose un niveau de priorité.",
             "kind": "classification", "provider": "MedAlgo SAS", "risk": "high"},
    "role": "Vous êtes cadre de santé.",
    "context": "Les urgences d'un hôpital.",
    "meters": [{"id": "budget", "label": "Budget", "min": 0, "max": 100, "initial": 60, "good": "high"}],
    "flags": [{"id": "aipd_faite"}],
    "counters": [{"id": "raccourcis", "initial": 0}],
    "characters": [{"id": "ines", "name": "Inès Bakari", "portrait": "images/ines.svg"}],
    "start": "accueil",
    "scenes": [{
        "id": "accueil", "act": 1, "speaker": "ines", "image": "images/accueil.svg",
        "text": {"fr": "Lundi, 8 h.", "en": "Monday, 8 a.m."},
        "choices": [{
            "id": "deployer",
            "text": "Déployer l'outil",
            "condition": {"all": [{"meter": "budget", "op": ">=", "value": 20},
                                  {"not": {"flag": "aipd_faite", "is": True}}]},
            "reason": "Le budget ne le permet plus.",
            "effects": {"meters": {"budget": -20}, "flags": {"aipd_faite": False},
                        "counters": {"raccourcis": 1}, "evidence": {"protection-donnees": -2},
                        "schedule": ["controle"]},
            "feedback": {"text": "L'outil tourne.", "reference": "RGPD, art. 35"},
            "next": [{"if": {"counter": "raccourcis", "op": ">", "value": 2}, "goto": "fin"},
                     {"goto": "fin"}],
            "chance": [{"id": "fuite", "probability": 0.3, "next": "fin"},
                       {"id": "rien", "probability": 0.7}],
        }],
    }],
    "events": [{"id": "controle", "when": {"any": [{"after": 3}, {"scene": "accueil"}]},
                "text": "La CNIL annonce un contrôle.", "effects": {"meters": {"budget": -5}}}],
    "endings": [{"id": "fin", "title": "Fin", "text": "C'est fini.", "tone": "mixed"}],
}


def without(key):
    def f(d):
        del d[key]
    return f


def set_at(path, value):
    def f(d):
        node = d
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return f


CHOICE = ["scenes", 0, "choices", 0]
NEGATIVE = [
    ("missing format", without("format")),
    ("format 2", set_at(["format"], 2)),
    ("bad scenario id (uppercase)", set_at(["id"], "Essai")),
    ("bad scene id (starts with a digit)", set_at(["scenes", 0, "id"], "1-accueil")),
    ("id longer than 64 characters", set_at(["start"], "a" * 65)),
    ("bad condition operator", set_at(CHOICE + ["condition"], {"meter": "budget", "op": "=>", "value": 20})),
    ("unknown condition form", set_at(CHOICE + ["condition"], {"meters": "budget", "op": ">", "value": 1})),
    ("condition with two forms", set_at(CHOICE + ["condition"], {"flag": "aipd_faite", "after": 2})),
    ("non-integer meter value in a condition", set_at(CHOICE + ["condition"], {"meter": "budget", "op": ">", "value": 2.5})),
    ("disabled choice without a reason", lambda d: d["scenes"][0]["choices"][0].pop("reason")),
    ("evidence out of -3..3", set_at(CHOICE + ["effects", "evidence", "protection-donnees"], 4)),
    ("evidence in an outcome", set_at(CHOICE + ["chance", 0, "effects"], {"evidence": {"protection-donnees": 1}})),
    ("choice feedback without text", set_at(CHOICE + ["feedback"], {"principle": "Minimisation."})),
    ("text object without French", set_at(["title"], {"en": "Test"})),
    ("empty text", set_at(["summary"], "")),
    ("unknown language in a text", set_at(["title"], {"fr": "Essai", "de": "Test"})),
    ("unknown top-level field", set_at(["sectuer"], "Santé")),
    ("level 4", set_at(["level"], 4)),
    ("languages not starting with fr", set_at(["languages"], ["en", "fr"])),
    ("unknown tool risk", set_at(["tool", "risk"], "limited")),
    ("image path leaving the folder", set_at(["scenes", 0, "image"], "../autre/accueil.svg")),
    ("absolute image path", set_at(["scenes", 0, "image"], "/tmp/accueil.svg")),
    ("image of an unsupported type", set_at(["scenes", 0, "image"], "images/accueil.gif")),
    ("no scene", set_at(["scenes"], [])),
    ("ten choices", lambda d: d["scenes"][0].__setitem__("choices", d["scenes"][0]["choices"] * 10)),
    ("17 routes", set_at(CHOICE + ["next"], [{"goto": "fin"}] * 17)),
    ("17 meters", lambda d: d.__setitem__("meters", d["meters"] * 17)),
    ("9 chance outcomes", lambda d: d["scenes"][0]["choices"][0].__setitem__(
        "chance", d["scenes"][0]["choices"][0]["chance"] * 4 + [{"id": "x", "probability": 0}])),
    ("probability above 1", set_at(CHOICE + ["chance", 0, "probability"], 1.5)),
    ("ending tone outside the list", set_at(["endings", 0, "tone"], "neutral")),
    ("meter without good", lambda d: d["meters"][0].pop("good")),
    ("flag with an integer initial value", set_at(["flags", 0, "initial"], 1)),
]

FRAMEWORK = {
    "format": 1, "id": "essai", "version": "1.0.0", "title": "Essai",
    "levels": [{"level": 1, "name": "N1"}, {"level": 2, "name": "N2"}, {"level": 3, "name": "N3"}],
    "thresholds": {"acquired": 80, "in_progress": 50},
    "domains": [{"id": "ethique", "name": "Éthique"}],
    "competencies": [{"id": "protection-donnees", "level": 2, "domain": "ethique",
                      "name": "Protection des données", "description": "RGPD.",
                      "alignments": [{"framework": "UNESCO-AICF-2024", "code": "2.2"}]}],
}
FRAMEWORK_NEGATIVE = [
    ("framework without thresholds", without("thresholds")),
    ("threshold above 100", set_at(["thresholds", "acquired"], 101)),
    ("competency of level 0", set_at(["competencies", 0, "level"], 0)),
    ("bad competency id", set_at(["competencies", 0, "id"], "Protection données")),
    ("two levels only", lambda d: d["levels"].pop()),
    ("level 2 listed twice, no level 3", set_at(["levels", 2, "level"], 2)),
]


def check_negative(root):
    ok = True
    for schema_rel, base, cases in ((SCENARIO_SCHEMA, MINIMAL, NEGATIVE),
                                    (FRAMEWORK_SCHEMA, FRAMEWORK, FRAMEWORK_NEGATIVE)):
        v = validator(root, schema_rel)
        errors = list(v.iter_errors(base))
        if errors:
            ok = False
            print(f"FAIL  the base document for {schema_rel} is rejected: {describe(errors[0])}")
            continue
        print(f"ok    accepted: the base document for {schema_rel}")
        for name, mutate in cases:
            doc = copy.deepcopy(base)
            mutate(doc)
            errors = list(v.iter_errors(doc))
            if errors:
                print(f"ok    rejected: {name} ({describe(errors[0])[:120]})")
            else:
                ok = False
                print(f"FAIL  accepted but must be rejected: {name}")
    return ok


def doc_top_level_fields(root):
    """Returns {field: required?} from the table under '## Top level'."""
    text = open(os.path.join(root, "docs", "format.md"), encoding="utf-8").read()
    m = re.search(r"^## Top level\s*$(.*?)^## ", text, re.S | re.M)
    if not m:
        raise ValueError("docs/format.md has no '## Top level' section")
    fields = {}
    for line in m.group(1).splitlines():
        row = re.match(r"^\|\s*`([^`]+)`\s*\|[^|]*\|\s*([^|]*?)\s*\|", line)
        if row:
            fields[row.group(1)] = row.group(2).startswith("yes")
    if not fields:
        raise ValueError("no field rows found in the '## Top level' table of docs/format.md")
    return fields


def check_doc(root):
    doc = doc_top_level_fields(root)
    schema = load_json(os.path.join(root, SCENARIO_SCHEMA))
    props = set(schema["properties"])
    required = set(schema["required"])
    ok = True
    for f in sorted(set(doc) - props):
        ok = False
        print(f"FAIL  docs/format.md lists `{f}`, the schema has no such top-level property")
    for f in sorted(props - set(doc)):
        ok = False
        print(f"FAIL  the schema has top-level property `{f}`, docs/format.md does not list it")
    for f in sorted(set(doc) & props):
        if doc[f] != (f in required):
            ok = False
            print(f"FAIL  `{f}`: required is {doc[f]} in docs/format.md, {f in required} in the schema")
    if ok:
        print(f"ok    docs/format.md and {SCENARIO_SCHEMA} agree on {len(doc)} top-level fields "
              f"({len(required)} required)")
    return ok


def doc_examples(root):
    """Yields (section heading, JSON text) for each ```json block of format.md."""
    text = open(os.path.join(root, "docs", "format.md"), encoding="utf-8").read()
    section = None
    for m in re.finditer(r"^(#{2,3} [^\n]*)$|^( *)```json\n(.*?)^\2```", text, re.S | re.M):
        if m.group(1):
            section = m.group(1).lstrip("# ").strip()
        else:
            yield section, m.group(3)


def parse_example(block):
    """An example is a JSON value, or members ("key": value) to wrap in braces."""
    try:
        return json.loads(block)
    except ValueError:
        return json.loads("{" + block + "}")


def check_examples(root):
    """The examples of docs/format.md, composed where one elides another
    (`[ … ]`), each validated against the $defs entry it illustrates."""
    examples = list(doc_examples(root))
    if not examples:
        print("FAIL  no ```json example found in docs/format.md")
        return False
    by_section = {}
    for section, block in examples:
        by_section.setdefault(section, []).append(block)
    ellipsis = re.compile(r"\[\s*…\s*\]")

    scen = load_json(os.path.join(root, SCENARIO_SCHEMA))
    fw = load_json(os.path.join(root, FRAMEWORK_SCHEMA))

    def part(schema, name):
        return Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"],
                                     "$ref": f"#/$defs/{name}"})

    choices = by_section.get("Choices", [])
    if len(choices) != 3:
        print(f"FAIL  expected 3 examples under 'Choices' (choice, next, chance), found {len(choices)}")
        return False
    chance = parse_example(choices[2])["chance"]
    choice = json.loads(ellipsis.sub(json.dumps(chance, ensure_ascii=False), choices[0]))
    cases = [
        ("The AI tool", part(scen, "tool"), parse_example(by_section["The AI tool"][0])["tool"]),
        ("Meters", part(scen, "meter"), parse_example(by_section["Meters"][0])),
        ("Characters", part(scen, "character"), parse_example(by_section["Characters"][0])),
        ("Scenes", part(scen, "scene"),
         json.loads(ellipsis.sub(json.dumps([choice], ensure_ascii=False), by_section["Scenes"][0]))),
        ("Choices (choice)", part(scen, "choice"), choice),
        ("Choices (next)", part(scen, "next"), parse_example(choices[1])["next"]),
        ("Events", part(scen, "event"), parse_example(by_section["Events"][0])),
        ("Endings", part(scen, "ending"), parse_example(by_section["Endings"][0])),
        ("The competency framework", Draft202012Validator(fw),
         parse_example(by_section["The competency framework"][0])),
    ]
    cases += [("Choices (chance outcome)", part(scen, "outcome"), o) for o in chance]
    ok = True
    for name, v, instance in cases:
        errors = list(v.iter_errors(instance))
        if errors:
            ok = False
            print(f"FAIL  example of '{name}' in docs/format.md: {describe(errors[0])}")
        else:
            print(f"ok    example of '{name}' in docs/format.md")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True, help="the source tree")
    ap.add_argument("check", choices=["meta", "files", "negative", "doc", "examples"])
    args = ap.parse_args()
    check = {"meta": check_meta, "files": check_files, "negative": check_negative, "doc": check_doc,
             "examples": check_examples}[args.check]
    try:
        ok = check(args.root)
    except (OSError, ValueError, KeyError) as e:
        print(f"FAIL  {e}")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
