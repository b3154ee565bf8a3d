#!/usr/bin/env python3
"""Replays the tutorial of the authoring guide step by step, as a trainer
would, and checks that each step does what the guide says it does.

For each language (docs/authoring.md with French output, docs/authoring.en.md
with --lang en): `enjeux new accueil-mairie` in an empty folder, then the
edits of sections 1.6 to 1.8 with the guide's own snippets, in the order
the guide gives them, running `enjeux validate` where the guide says to save:

- the template validates, and prints exactly the guide's ```text block;
- 1.6 (the comma removed): the output is exactly the guide's ```text block;
- 1.7 a. (the scene pasted): one error, unreachable-scene for "reunion";
- 1.7 b. (leading to it): valid, no diagnostic;
- 1.8 a. (the event): one warning, event-never-scheduled;
- 1.8 b. (up to "Save, open F1"): valid, no diagnostic: the guide asks to
  save and replay there, so every snippet that step needs must come before
  that sentence;
- 1.8 c.: valid, no diagnostic, the same scenario as the guide's final file,
  and the play coller,corriger,charte ends on fin-mitigee as the guide says.

Usage: tutorial_steps.py ROOT ENJEUX"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT, BIN = sys.argv[1], os.path.abspath(sys.argv[2])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def blocks_between(text, start, end):
    """The ```json blocks of `text` between the markers `start` and `end`."""
    i = text.index(start)
    j = text.index(end, i)
    return re.findall(r"```json\n(.*?)```", text[i:j], re.S)


def text_block_after(text, marker, nth=0):
    """The nth ```text block after `marker`."""
    found = re.compile(r"```text\n(.*?)```", re.S).findall(text, text.index(marker))
    return found[nth] if len(found) > nth else None


def closing_brace(s, i):
    """The offset of the brace closing the one at s[i] (no braces in strings here)."""
    depth = 0
    for k in range(i, len(s)):
        if s[k] == "{":
            depth += 1
        elif s[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    raise ValueError("unbalanced braces")


def validate(cwd, lang):
    r = subprocess.run([BIN, "validate", "--lang", lang, "scenarios/accueil-mairie"], cwd=cwd,
                       capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout


def diags(cwd):
    r = subprocess.run([BIN, "validate", "--format", "json", "--lang", "en", "scenarios/accueil-mairie"], cwd=cwd,
                       capture_output=True, text=True, timeout=60)
    try:
        data = json.loads(r.stdout)
    except ValueError:
        return None
    if isinstance(data, dict):
        data = data.get("diagnostics", [])
    return [(d.get("code"), d.get("severity")) for d in data]


def replay(doc, lang):
    text = open(os.path.join(ROOT, "docs", doc), encoding="utf-8").read()
    heading = {"fr": ("### 1.6", "### 1.7", "### 1.8", "### 1.9", "**b.", "**c."),
               "en": ("### 1.6", "### 1.7", "### 1.8", "### 1.9", "**b.", "**c.")}[lang]
    save_replay = {"fr": "Enregistrez, ouvrez F1", "en": "Save, open F1"}[lang]
    h16, h17, h18, h19, hb, hc = heading
    tag = "[%s]" % doc
    with tempfile.TemporaryDirectory(prefix="enjeux-tutorial-") as tmp:
        env = dict(os.environ, LANG="C.UTF-8")
        r = subprocess.run([BIN, "new", "--lang", lang, "accueil-mairie"], cwd=tmp, capture_output=True, text=True,
                           env=env, timeout=60)
        if not check(r.returncode == 0, "%s enjeux new: %s" % (tag, r.stderr)):
            return
        path = os.path.join(tmp, "scenarios/accueil-mairie/scenario.json")
        s = open(path, encoding="utf-8").read()

        def save(content):
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)

        rc, out = validate(tmp, lang)
        check(rc == 0 and out == text_block_after(text, "### 1.2", 1),
              "%s the template's validate output is the guide's:\n%s" % (tag, out))

        # 1.6: the comma after "act": 1 of the scene courriels.
        save(s.replace('"act": 1,', '"act": 1', 1))
        rc, out = validate(tmp, lang)
        check(rc == 1 and out == text_block_after(text, h16),
              "%s 1.6: validate prints what the guide shows:\n%s" % (tag, out))
        save(s)

        # 1.7 a.: the scene, after the closing brace of relecture.
        a = blocks_between(text, h17, hb)
        reunion = [b for b in a if b.lstrip().startswith('{\n  "id": "reunion"')]
        if not check(len(reunion) == 1, "%s 1.7 a. has the reunion scene" % tag):
            return
        i = s.index('  ],\n  "endings"')
        s = s[:i].rstrip() + ",\n" + reunion[0] + s[i:]
        save(s)
        check(diags(tmp) == [("unreachable-scene", "error")], "%s 1.7 a.: one error, unreachable-scene: %s"
              % (tag, diags(tmp)))

        # 1.7 b.: relecture's two choices lead to reunion.
        j, k = s.index('"id": "relecture"'), s.index('"id": "reunion"')
        seg = re.sub(r'"next": \[\s*\{"if": \{"meter": "confiance", "op": "<", "value": 30\}, "goto": "fin-mefiance"\},'
                     r'\s*\{"goto": "fin-mitigee"\}\s*\]', '"next": "reunion"', s[j:k], count=1)
        seg = seg.replace('"next": "fin-confiance"', '"next": "reunion"')
        check(seg.count('"next": "reunion"') == 2, "%s 1.7 b.: the template's relecture routes are as the guide says"
              % tag)
        s = s[:j] + seg + s[k:]
        save(s)
        check(diags(tmp) == [], "%s 1.7 b.: valid without a diagnostic: %s" % (tag, diags(tmp)))

        # 1.8 a.: the events list after the endings.
        ev = [b for b in blocks_between(text, h18, hb) if b.startswith('"events"')]
        if not check(len(ev) == 1, "%s 1.8 a. has the events block" % tag):
            return
        i = s.rstrip().rfind("}")
        s = s[:i].rstrip() + ",\n" + ev[0] + "}\n"
        save(s)
        check(diags(tmp) == [("event-never-scheduled", "warning")],
              "%s 1.8 a.: one warning, event-never-scheduled: %s" % (tag, diags(tmp)))

        # 1.8 b., up to the sentence that asks to save and replay.
        i18 = text.index(h18)
        b_part = blocks_between(text[i18:], hb, save_replay)
        effects = [b for b in b_part if b.startswith('"effects"') and "schedule" in b]
        flags = [b for b in b_part if b.startswith('"flags": [')]
        if not check(len(effects) == 1, "%s 1.8 b. has the effects with schedule" % tag):
            return
        start = s.index('"effects": {', s.index('"id": "coller"'))
        end = closing_brace(s, start + len('"effects": '))
        s = s[:start] + effects[0].rstrip().rstrip(",") + s[end + 1:]
        for f in flags:
            i = s.index('  "start"')
            s = s[:i] + f + s[i:]
        save(s)
        check(diags(tmp) == [], "%s 1.8 b.: the file is valid where the guide asks to save and replay "
              "(a flag raised in b. must be declared by then): %s" % (tag, diags(tmp)))

        # 1.8 c.: the rest (the flags, if the guide declares them here) and charte's routes.
        c_part = blocks_between(text[i18:], hc, h19)
        for f in (b for b in c_part if b.startswith('"flags": [')):
            i = s.index('  "start"')
            s = s[:i] + f + s[i:]
        nx = [b for b in c_part if b.startswith('"next": [')]
        if not check(len(nx) == 1, "%s 1.8 c. has charte's routes" % tag):
            return
        j = s.index('"id": "charte"')
        a0 = s.index('"next": [', j)
        b0 = s.index("]", s.index('{"goto": "fin-mitigee"}', a0)) + 1
        s = s[:a0] + nx[0].rstrip() + s[b0:]
        s = s.replace('"minutes": 5', '"minutes": 8')
        save(s)
        check(diags(tmp) == [], "%s 1.8 c.: valid without a diagnostic: %s" % (tag, diags(tmp)))
        final = re.search(r"<!-- tutorial-final -->\s*```json\n(.*?)```", text, re.S)
        check(final is not None and json.loads(final.group(1)) == json.loads(s),
              "%s after 1.8 the scenario is the guide's final file (1.10)" % tag)
        r = subprocess.run([BIN, "play", "--headless", "scenarios/accueil-mairie", "--choices",
                            "coller,corriger,charte", "--format", "json"], cwd=tmp, capture_output=True, text=True,
                           timeout=60)
        check(r.returncode == 0 and '"fin-mitigee"' in r.stdout,
              "%s 1.8 c.: coller,corriger,charte ends on fin-mitigee" % tag)


replay("authoring.md", "fr")
replay("authoring.en.md", "en")
for f in failures:
    print("FAIL", f)
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
