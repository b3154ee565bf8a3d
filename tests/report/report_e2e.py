#!/usr/bin/env python3
"""`enjeux report` end to end on the results of two workshop computers
(tests/fixtures/report/machine-a and machine-b):

- the command's exit status (1: a damaged file was reported) and its
  message naming the file's line and column;
- the expected counts in the CSV and in report-data.json (the play copied
  onto both computers counts once);
- the HTML is self-contained (no script, no link to fetch) and escaped;
- Chromium headless opens the HTML and renders it: the screenshot is not
  blank and shows the charts' colours (bars and histograms), in French and
  English.

    report_e2e.py build/enjeux build/png_stats
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FX = os.path.join(ROOT, "tests/fixtures/report")
LIB = os.path.join(ROOT, "tests/fixtures/ui/library")
failures = []


def check(cond, what):
    print(("ok    " if cond else "FAIL  ") + what)
    if not cond:
        failures.append(what)


def png_stats(tool, path):
    """Width, height, drawn pixels and pixels of each chart colour."""
    run = subprocess.run([tool, path], capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr)
        return None
    return [int(v) for v in run.stdout.split()]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


def screenshot(browser, html, png, tmp):
    run = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--hide-scrollbars", "--user-data-dir=" + os.path.join(tmp, "profile"),
                          "--window-size=1280,2400", "--screenshot=" + png, "file://" + html],
                         capture_output=True, text=True, timeout=120)
    return run.returncode == 0 and os.path.exists(png)


def main():
    binary = os.path.abspath(sys.argv[1])
    tool = os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="enjeux-report-")
    try:
        for lang in ("fr", "en"):
            out = os.path.join(tmp, lang)
            os.makedirs(out)
            html = os.path.join(out, "rapport.html")
            run = subprocess.run([binary, "report", os.path.join(FX, "machine-a"), os.path.join(FX, "machine-b"),
                                  "-o", html, "--scenarios", LIB, "--lang", lang], capture_output=True, text=True)
            check(run.returncode == 1, f"[{lang}] exit status 1 when a file is damaged (got {run.returncode})")
            check("coupe.json:5:1:" in run.stderr, f"[{lang}] the damaged file is named with its line and column")
            check(os.path.exists(os.path.join(out, "rapport.csv")), f"[{lang}] the CSV is written beside the HTML")
            data = json.load(open(os.path.join(out, "report-data.json"), encoding="utf-8"))
            check(data["plays"] == 10 and data["duplicates"] == 1 and data["bad"] == 1 and data["skipped"] == 1,
                  f"[{lang}] 10 plays, 1 duplicate, 1 damaged file, 1 file without results")
            sc = {s["id"]: s for s in data["scenarios"]}
            check(sc["atelier"]["plays"] == 9 and sc["hors-catalogue"]["plays"] == 1, f"[{lang}] plays per scenario")
            check(sc["atelier"]["source"] == "texts" and sc["hors-catalogue"]["source"] == "missing",
                  f"[{lang}] texts attached when the scenario is installed, ids otherwise")
            counts = {(d["scene"], c["id"]): c["count"] for d in sc["atelier"]["decisions"] for c in d["choices"]}
            check(counts[("accueil", "coller")] == 4 and counts[("accueil", "anonymiser")] == 4
                  and counts[("relecture", "mentionner")] == 5 and counts[("bilan", "charte")] == 6,
                  f"[{lang}] choice counts merged from both computers")
            rows = list(csv.DictReader(open(os.path.join(out, "rapport.csv"), encoding="utf-8", newline="")))
            ends = {r["item"]: int(r["count"]) for r in rows if r["scenario"] == "atelier" and r["kind"] == "ending"}
            check(ends == {"fin-mitigee": 5, "fin-confiance": 3, "fin-crise": 1}, f"[{lang}] endings in the CSV")
            text = open(html, encoding="utf-8").read()
            check("<script" not in text and "<link" not in text and "src=" not in text and "url(" not in text,
                  f"[{lang}] the HTML is self-contained (no script, no link, no external resource)")
            check("&lt;script&gt;" in text, f"[{lang}] text from files is escaped")
            browser = chromium()
            check(browser is not None, "Chromium is installed (Debian: chromium; scripts/setup.sh installs it)")
            if not browser:
                continue
            png = os.path.join(out, "shot.png")
            check(screenshot(browser, html, png, tmp), f"[{lang}] Chromium headless opens the report")
            if not os.path.exists(png):
                continue
            stats = png_stats(tool, png)
            check(stats is not None, f"[{lang}] the screenshot is a readable PNG")
            if not stats:
                continue
            w, h, ink, blue, green, red = stats
            total = w * h
            check(ink > total * 0.03, f"[{lang}] the page is not blank ({100 * ink / total:.1f} % of pixels drawn)")
            check(blue > 2000 and green > 500 and red > 500,
                  f"[{lang}] the charts are drawn (blue {blue}, green {green}, red {red} pixels)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(failures)} failure(s)" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
