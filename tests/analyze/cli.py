"""cli.py — `enjeux analyze` through the real binary: JSON fields on the
fixture with known defects, exit statuses, French and English text, the
sampled mode, and a bad option. Usage: cli.py PATH/TO/enjeux"""
import json
import subprocess
import sys

BIN = sys.argv[1]
FIX = "tests/fixtures/analyze/defauts"
failures = []


def run(*args):
    p = subprocess.run([BIN, "analyze", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(cond, what):
    if not cond:
        failures.append(what)


code, out, _ = run(FIX, "--format", "json")
check(code == 1, f"defects fixture exits 1, got {code}")
d = json.loads(out)
check(d["mode"] == "exact", "exact mode")
check(d["coverage"]["full"] is False, "coverage not full")
check([e["id"] for e in d["endings"] if not e["reached"]] == ["fin-parfaite"], "unreachable ending")
check([x["scene"] for x in d["dead_ends"]] == ["impasse"], "dead end")
check(d["dead_ends"][0]["path"] == [{"scene": "accueil", "choice": "prudent"},
                                    {"scene": "pilote", "choice": "attendre", "outcome": "fuite"}], "dead end path")
check([(x["scene"], x["choice"], x["dominated_by"]) for x in d["dominated"]] == [("accueil", "hesitant", "prudent")],
      "dominated choice")
check([(x["scene"], x["choice"]) for x in d["never_available"]] == [("impasse", "negocier")], "never available")
gov = [c for c in d["competencies"] if c["id"] == "gouvernance"][0]
check(gov["targeted"] and not gov["evidenced"] and not gov["assessed"], "competency without evidence")
check(d["playthroughs"]["to_endings"]["value"] == "4", "4 playthroughs")
check(abs([e for e in d["endings"] if e["id"] == "fin-bonne"][0]["probability"] - 0.25) < 1e-12, "probability")
check(len(d["issues"]) == 6, "six teaching-quality issues")

code, out, _ = run(FIX, "--lang", "fr")
check(code == 1, "text exits 1")
for line in ["Mode\u202f: exact", "JAMAIS ATTEINTE", "Impasses (aucun choix disponible)\u202f:",
             "accueil→hesitant est dominé par prudent", "25,00\u202f%", "AUCUN choix ne donne de preuve positive"]:
    check(line in out, f"French text has {line!r}")
code, out, _ = run(FIX, "--lang", "en")
for line in ["Mode: exact", "NEVER REACHED", "Dead ends (no choice available):", "accueil→hesitant is dominated by prudent",
             "25.00%", "NO choice gives positive evidence"]:
    check(line in out, f"English text has {line!r}")

code, out, _ = run(FIX, "--format", "json", "--max-states", "5", "--runs", "2000", "--seed", "7")
d = json.loads(out)
check(d["mode"] == "sampled" and d["sampled"]["runs"] == 2000, "sampled mode")
check(sum(c["taken"] for c in d["choices"]) == d["sampled"]["decisions"], "choice coverage adds up")
code2, out2, _ = run(FIX, "--format", "json", "--max-states", "5", "--runs", "2000", "--seed", "7")
check(out == out2, "sampled mode is deterministic for a seed")
code, out, _ = run(FIX, "--max-states", "5", "--lang", "en")
check("SAMPLED" in out and "observed, not exact" in out, "sampled mode says so")

code, out, _ = run("scenarios/urgences-triage", "--format", "json")
check(code == 0 and json.loads(out)["coverage"]["passes"], "a shipped scenario passes")

code, _, err = run(FIX, "--max-states", "zero")
check(code == 2 and err, "bad option: status 2 and a message")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("ok")
