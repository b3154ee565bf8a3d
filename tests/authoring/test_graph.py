#!/usr/bin/env python3
"""`enjeux graph` through the real binary: the DOT of a fixture with an
unreachable scene and ending, a chance draw, a delayed consequence, a
conditional route and labels that need escaping; the SVG drawn by Graphviz;
the message when `dot` is missing; and every shipped scenario drawn.

Usage: test_graph.py ENJEUX ROOT (the repository root)."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN, ROOT = sys.argv[1], sys.argv[2]
FIX = os.path.join(ROOT, "tests/fixtures/authoring/graph")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(args, env=None):
    return subprocess.run([BIN, "graph"] + args, capture_output=True, text=True, env=env, timeout=60)


def node_line(dot, node):
    for line in dot.splitlines():
        if line.strip().startswith('"%s" [' % node):
            return line
    return ""


def dot_parses(text):
    r = subprocess.run(["dot", "-Tcanon"], input=text, capture_output=True, text=True, timeout=60)
    return r.returncode == 0 and not r.stderr.strip(), r.stderr


# --- the fixture, in English --------------------------------------------------
r = run(["--lang", "en", FIX])
check(r.returncode == 0, "graph of the fixture exits 0 (got %d: %s)" % (r.returncode, r.stderr))
dot = r.stdout
check("unreachable-scene" in r.stderr and "unreachable-ending" in r.stderr,
      "the fixture's reachability errors are printed on stderr")
check("UNREACHABLE" in node_line(dot, "s:oubliee") and "dashed" in node_line(dot, "s:oubliee"),
      "the unreachable scene is marked")
check("UNREACHABLE" in node_line(dot, "e:fin-isolee"), "the unreachable ending is marked")
for n in ("s:courriels", "s:relecture", "e:fin-confiance", "e:fin-mitigee", "e:fin-mefiance"):
    check(node_line(dot, n) and "UNREACHABLE" not in node_line(dot, n), "%s is drawn and reachable" % n)
check("doubleoctagon" in node_line(dot, "e:fin-confiance") and "#c7e8c4" in node_line(dot, "e:fin-confiance"),
      "a positive ending is highlighted in green")
check("#f6c3bd" in node_line(dot, "e:fin-mefiance"), "a negative ending is highlighted in red")
check("diamond" in node_line(dot, "c:courriels/anonymiser"), "the chance draw is a diamond")
check(re.search(r'"c:courriels/anonymiser" -> "e:fin-mefiance" \[label="fuite 25%"', dot),
      "the chance outcome's edge carries its probability and its own next")
check(re.search(r'"c:courriels/anonymiser" -> "s:relecture" \[label="rien 75%"', dot),
      "an outcome without next follows the choice's next")
check("shape=note" in node_line(dot, "ev:plainte") and "after 1 decision" in node_line(dot, "ev:plainte"),
      "the delayed consequence is a note with its condition")
check(re.search(r'"s:courriels" -> "ev:plainte" \[style=dotted', dot), "the scheduling choice links to the event")
check(re.search(r'"c:courriels/anonymiser" -> "ev:plainte" \[style=dotted', dot),
      "the scheduling outcome links to the event")
check(re.search(r'"ev:plainte" -> "s:relecture" \[style=dotted', dot), "the event links to the scene it precedes")
check(re.search(r'"s:relecture" -> "e:fin-mefiance" \[label="[^"]*\[if confiance < 30\]", style=dashed', dot),
      "a conditional route is dashed and shows its condition")
check(re.search(r'"s:relecture" -> "e:fin-mitigee" \[label="[^"]*\[otherwise\]", style=dashed', dot),
      "the last route says otherwise")
check('Paste \\"as is\\"' in dot and "C:\\\\folder end" in dot,
      "quotes and backslashes are escaped, a newline becomes a space")
check('label="Graph \\"test\\" \\\\ escaped"' in dot, "the title is escaped")
ok, err = dot_parses(dot)
check(ok, "Graphviz parses the fixture's DOT: %s" % err)
check(re.search(r'"legend:unreach"', dot), "the legend is drawn")

# --- French ---------------------------------------------------------------------
r = run(["--lang", "fr", FIX])
check("INACCESSIBLE" in node_line(r.stdout, "s:oubliee"), "French: unreachable scene marked INACCESSIBLE")
check("fuite 25\u202f%" in r.stdout, "French: percentage with a narrow no-break space")
check("[sinon]" in r.stdout and "[si confiance < 30]" in r.stdout, "French: route conditions")

with tempfile.TemporaryDirectory() as tmp:
    # --- -o file.dot ---------------------------------------------------------------
    out = os.path.join(tmp, "g.dot")
    r = run(["--lang", "en", "-o", out, FIX])
    check(r.returncode == 0 and open(out, encoding="utf-8").read() == dot, "-o g.dot writes the same DOT")
    check(r.stdout.splitlines() == [out + ": graph written (Graphviz DOT text)."],
          "-o g.dot says in one line what it wrote: %r" % r.stdout)
    # --- -o file.svg -----------------------------------------------------------------
    svg = os.path.join(tmp, "g.svg")
    r = run(["--lang", "en", "-o", svg, FIX])
    check(r.returncode == 0, "-o g.svg exits 0 (%s)" % r.stderr)
    check(r.stdout.splitlines() == [svg + ": graph written (SVG, drawn by Graphviz)."],
          "-o g.svg says in one line what it wrote: %r" % r.stdout)
    svg_fr = os.path.join(tmp, "g-fr.svg")
    r = run(["--lang", "fr", "-o", svg_fr, FIX])
    check(r.stdout.splitlines() == [svg_fr + "\u202f: graphe écrit (SVG, dessiné par Graphviz)."],
          "-o g.svg in French: %r" % r.stdout)
    text = open(svg, encoding="utf-8").read() if os.path.exists(svg) else ""
    check("<svg" in text and "oubliee" in text and "UNREACHABLE" in text, "the SVG is drawn by dot")
    check(not glob.glob(os.path.join(tmp, "*.tmp")), "no temporary file left")
    # --- dot missing ---------------------------------------------------------------------
    empty = os.path.join(tmp, "empty-path")
    os.mkdir(empty)
    env = dict(os.environ, PATH=empty)
    svg2 = os.path.join(tmp, "none.svg")
    r = run(["--lang", "en", "-o", svg2, FIX], env=env)
    check(r.returncode == 1, "without dot: exit 1 (got %d)" % r.returncode)
    check('"dot" program was not found' in r.stderr and "apt install graphviz" in r.stderr and "-o graph.dot" in r.stderr,
          "without dot: a clear message saying what to do (%s)" % r.stderr)
    check(r.stdout == "", "without dot: nothing claimed written (%r)" % r.stdout)
    check(not os.path.exists(svg2), "without dot: no file written")
    # --- a scenario that cannot be loaded ---------------------------------------------------
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"format": 1,\n  "id": }\n')
    r = run([bad])
    check(r.returncode == 1 and "bad.json:2:" in r.stderr, "a broken file: exit 1 with file:line (%s)" % r.stderr)
    # --- usage -------------------------------------------------------------------------
    check(run([]).returncode == 2, "no scenario: exit 2")
    check(run(["--bogus", FIX]).returncode == 2, "unknown option: exit 2")

# --- every shipped scenario ---------------------------------------------------------------
import json
for path in sorted(glob.glob(os.path.join(ROOT, "scenarios/*/scenario.json"))):
    name = os.path.basename(os.path.dirname(path))
    r = run(["--lang", "en", os.path.dirname(path)])
    check(r.returncode == 0 and not r.stderr, "%s: graph exits 0 without diagnostics (%s)" % (name, r.stderr[:300]))
    ok, err = dot_parses(r.stdout)
    check(ok, "%s: Graphviz parses the DOT: %s" % (name, err[:300]))
    data = json.load(open(path, encoding="utf-8"))
    for s in data["scenes"]:
        line = node_line(r.stdout, "s:" + s["id"])
        check(line and "UNREACHABLE" not in line, "%s: scene %s drawn, reachable" % (name, s["id"]))
    for e in data["endings"]:
        check(node_line(r.stdout, "e:" + e["id"]), "%s: ending %s drawn" % (name, e["id"]))
    for ev in data.get("events", []):
        check(node_line(r.stdout, "ev:" + ev["id"]), "%s: event %s drawn" % (name, ev["id"]))

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("graph: all checks passed")
