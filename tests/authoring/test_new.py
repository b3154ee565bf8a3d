#!/usr/bin/env python3
"""`enjeux new` through the real binary: new -> validate clean -> play
--headless to an ending (each ending of the template, and random plays),
the README beside it, the placeholder illustration with its alt text, the
refusal to overwrite, and id validation.

Usage: test_new.py ENJEUX"""
import json
import os
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([BIN] + list(args), capture_output=True, text=True, timeout=120)


with tempfile.TemporaryDirectory() as tmp:
    lib = os.path.join(tmp, "mes scénarios")  # a space and an accent in the path
    dest = os.path.join(lib, "accueil-mairie")
    r = run("new", "--lang", "en", "--dir", lib, "accueil-mairie")
    check(r.returncode == 0, "new exits 0 (%s)" % r.stderr)
    check("accueil-mairie/ created" in r.stdout, "new says what it created")
    sc_path = os.path.join(dest, "scenario.json")
    check(os.path.isfile(sc_path), "scenario.json created")
    check(os.path.isfile(os.path.join(lib, "competencies.json")), "the competency framework is copied beside it")
    data = json.load(open(sc_path, encoding="utf-8"))
    schema_ref = os.path.normpath(os.path.join(dest, data.get("$schema", "")))
    check(os.path.isfile(schema_ref), "the template's $schema %r names a file new created" % data.get("$schema"))
    if os.path.isfile(schema_ref):
        import jsonschema
        schema = json.load(open(schema_ref, encoding="utf-8"))
        try:
            jsonschema.Draft202012Validator(schema).validate(data)
        except jsonschema.ValidationError as e:
            check(False, "the new scenario satisfies the copied schema: %s" % e.message)
    check(data["id"] == "accueil-mairie", "the scenario's id is the one given")
    imgs = [s for s in data["scenes"] if s.get("image")]
    check(len(imgs) == 1 and os.path.isfile(os.path.join(dest, imgs[0]["image"])), "one placeholder illustration")
    check(imgs and imgs[0].get("image_alt", {}).get("fr") and imgs[0]["image_alt"].get("en"),
          "the illustration has its alternative text in both languages")
    readme = open(os.path.join(dest, "README.md"), encoding="utf-8").read()
    check(dest + "/scenario.json" not in readme and ("enjeux validate " + dest) in readme,
          "the README names the new folder")
    check("scenarios/ID" not in readme, "no template word left in the README")

    # validate: clean (no error, no warning)
    r = run("validate", "--lang", "en", dest)
    check(r.returncode == 0 and r.stdout.strip().endswith(": valid."), "validate is clean: %s" % r.stdout)

    # a French trainer is pointed to the French reference, not the English format.md
    broken = os.path.join(tmp, "sans-titre")
    os.mkdir(broken)
    d = dict(data)
    del d["title"]
    d["id"] = "sans-titre"
    with open(os.path.join(broken, "scenario.json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
    r = run("validate", "--lang", "fr", "--format", "text", os.path.join(broken, "scenario.json"))
    check("docs/authoring.md" in r.stdout + r.stderr and "format.md" not in r.stdout + r.stderr,
          "French hint names the French reference: %s" % (r.stdout + r.stderr))
    r = run("validate", "--lang", "en", os.path.join(broken, "scenario.json"))
    check("docs/format.md" in r.stdout + r.stderr, "English hint names format.md: %s" % r.stdout)

    # play --headless to each ending
    for choices, ending in (("anonymiser,corriger", "fin-confiance"), ("anonymiser,envoyer", "fin-mitigee"),
                            ("coller,envoyer", "fin-mefiance")):
        r = run("play", "--headless", dest, "--choices", choices, "--format", "json")
        ok = r.returncode == 0
        try:
            out = json.loads(r.stdout)
        except ValueError:
            out, ok = {}, False
        got = ((out.get("result") or {}).get("ending") or {}).get("id") if isinstance(out, dict) else None
        check(ok and got == ending, "play %s ends at %s (got %s, %s)" % (choices, ending, got, r.stderr))
    r = run("play", "--headless", dest, "--random", "200", "--seed", "7")
    check(r.returncode == 0, "200 random plays all end (%s)" % r.stderr)

    # refuses to overwrite: the edited file is untouched
    with open(sc_path, "a", encoding="utf-8") as f:
        f.write("\n")
    before = open(sc_path, encoding="utf-8").read()
    r = run("new", "--lang", "en", "--dir", lib, "accueil-mairie")
    check(r.returncode == 1 and "already exists" in r.stderr, "new refuses an existing folder (%s)" % r.stderr)
    check(open(sc_path, encoding="utf-8").read() == before, "the existing scenario is untouched")

    # a framework already there is kept
    fw = os.path.join(lib, "competencies.json")
    with open(fw, "a", encoding="utf-8") as f:
        f.write("\n")
    fw_before = open(fw, encoding="utf-8").read()
    r = run("new", "--lang", "fr", "--dir", lib, "second_essai")
    check(r.returncode == 0 and "créé" in r.stdout, "a second scenario in the same folder (%s)" % r.stderr)
    check(open(fw, encoding="utf-8").read() == fw_before, "an existing framework is not replaced")
    check(os.listdir(os.path.join(lib, "schema")) == ["scenario.schema.json"], "the schema alone in schema/")

    # a folder of scenarios: a copied scenario keeps its id -> both files named
    import shutil
    copy = os.path.join(lib, "accueil-copie")
    shutil.copytree(dest, copy)
    r = run("validate", "--lang", "en", "--format", "json", lib)
    diags = json.loads(r.stdout or "[]")
    dup = [d for d in diags if d["code"] == "duplicate-scenario-id"]
    check(r.returncode == 1 and len(dup) == 1, "two scenarios with one id: one error, exit 1 (%d, %s)" % (r.returncode, diags))
    if dup:
        d = dup[0]
        files = {os.path.join(copy, "scenario.json"), sc_path}
        other = (files - {d["file"]}).pop() if d["file"] in files else ""
        src_lines = open(d["file"], encoding="utf-8").read().splitlines() if d["file"] in files else [""] * 999
        check(other and other in d["message"]
              and d["path"] == "/id" and '"id": "accueil-mairie"' in src_lines[d["line"] - 1]
              and src_lines[d["line"] - 1][d["column"] - 1] == '"',
              "the error names both files, at the id's line and column: %s" % d)
    mis = [d for d in diags if d["code"] == "id-not-folder"]
    check(len(mis) == 1 and mis[0]["severity"] == "warning" and mis[0]["file"].endswith("accueil-copie/scenario.json"),
          "an id that is not its folder's name: a warning (%s)" % mis)
    r = run("validate", "--lang", "fr", lib)
    check("Un autre scénario du dossier porte déjà l'identifiant" in r.stdout, "French message: %s" % r.stdout)
    shutil.rmtree(copy)
    r = run("validate", "--lang", "en", lib)
    check(r.returncode == 0 and "duplicate" not in r.stdout, "a folder of distinct scenarios validates: %s" % r.stdout)

    # invalid ids
    for bad in ("Accueil", "1-accueil", "accueil/x", "../x", "a" * 65, "accueil mairie", "é", "_x"):
        r = run("new", "--lang", "en", "--dir", lib, bad)
        check(r.returncode == 2 and "not a valid id" in r.stderr, "id %r refused (%d %s)" % (bad, r.returncode, r.stderr))
    check(sorted(os.listdir(lib)) == ["accueil-mairie", "competencies.json", "schema", "second_essai"],
          "nothing created for invalid ids: %s" % os.listdir(lib))
    check(run("new").returncode == 2, "no id: exit 2")
    check(run("new", "a", "b").returncode == 2, "two ids: exit 2")

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("new: all checks passed")
