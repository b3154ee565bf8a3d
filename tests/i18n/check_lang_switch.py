#!/usr/bin/env python3
"""check_lang_switch.py — no French-only text on an English screen and no
English-only text on a French one (docs/translating.md).

    check_lang_switch.py ENJEUX --root REPO --library DIR tour
        the screenshot tour (--all) in French, then in English
    check_lang_switch.py ENJEUX --root REPO --library DIR switch SCRIPT
        one session that switches language in game (SCRIPT), each frame
        checked against the language the game is in at that frame

The game writes every text of every frame (--text-dump). A text is foreign
when it contains, as whole words, a piece of an interface string (between
its placeholders) or of a scenario text that exists only in the other
language. Texts that are the same in both languages (proper names,
"Enjeux", "N1") are never foreign; tests/i18n/lang_whitelist.txt lists more.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_catalogues import read_po  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

PLACEHOLDER = re.compile(r"\{[0-9]\}")
SCREENS = {"title", "library", "settings", "briefing", "scene", "pause", "consequence", "ending", "debrief"}


def pieces(text):
    """The fixed parts of a text, cut at its placeholders and line breaks."""
    out = []
    for p in re.split(r"\{[0-9]\}|\n", text):
        p = p.strip(" \u00a0\u202f:;,.·—-()")
        if len(p) >= 4 and re.search(r"[^\W\d_]", p):
            out.append(p)
    return out


def localised_pairs(node, out):
    """Every {"fr": …, "en": …} object of a scenario or framework file."""
    if isinstance(node, dict):
        if isinstance(node.get("fr"), str) and isinstance(node.get("en"), str):
            out.append((node["fr"], node["en"]))
        for v in node.values():
            localised_pairs(v, out)
    elif isinstance(node, list):
        for v in node:
            localised_pairs(v, out)


def only_in(root, library):
    """{lang: compiled regex of the pieces found only in that language}."""
    pairs = []
    fr, _ = read_po(os.path.join(root, "assets", "i18n", "fr.po"))
    en, _ = read_po(os.path.join(root, "assets", "i18n", "en.po"))
    for key, e in fr.items():
        if key in en:
            pairs.append((e["text"] or e["source"], en[key]["text"] or e["source"]))
    for dirpath, _, files in os.walk(library):
        for name in files:
            if name.endswith(".json"):
                try:
                    with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                        localised_pairs(json.load(f), pairs)
                except (ValueError, OSError):
                    pass  # a broken fixture scenario: the game shows its diagnostics
    white = set()
    wpath = os.path.join(root, "tests", "i18n", "lang_whitelist.txt")
    with open(wpath, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                white.add(line)
    all_pieces = {"fr": set(), "en": set()}
    for a, b in pairs:
        all_pieces["fr"].update(pieces(a))
        all_pieces["en"].update(pieces(b))
    result = {}
    for lang, other in (("fr", "en"), ("en", "fr")):
        own = all_pieces[lang] - all_pieces[other] - white
        # A piece that is a word sequence inside a text of the other language
        # (e.g. a name both use) is not evidence.
        own = {p for p in own if not any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", q)
                                         for q in all_pieces[other])}
        alt = "|".join(re.escape(p) for p in sorted(own, key=len, reverse=True))
        result[lang] = re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)") if alt else None
    return result


def run_game(enjeux, args, user):
    env = et.game_env(user)
    proc = subprocess.run([enjeux] + args, env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise SystemExit(f"FAIL: {' '.join([enjeux] + args)} exited with {proc.returncode}")


def check_frames(path, foreign, forced_lang=None):
    problems, seen = [], {"fr": set(), "en": set()}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            frame = json.loads(line)
            lang = forced_lang or frame["lang"]
            seen[lang].add(frame["screen"])
            rx = foreign["en" if lang == "fr" else "fr"]
            if not rx:
                continue
            for t in frame["texts"]:
                m = rx.search(t)
                if m:
                    problems.append(f"frame {n} ({frame['screen']}, {lang}): \"{t[:120]}\" shows "
                                    f"\"{m.group(0)}\", which is {'English' if lang == 'fr' else 'French'} only")
    return problems, seen


def selftest(foreign):
    """Made-up frames: each wrong-language text must be caught, and only those."""
    frames = [
        ("fr", ["Nouvelle partie", "Paramètres", "Enjeux"], 0),
        ("fr", ["Continuer", "New game"], 1),                       # interface, English on a French screen
        ("en", ["Settings", "Acte 2 · Esc: pause"], 1),             # a piece around a placeholder
        ("en", ["Le compte rendu du conseil"], 1),                   # a scenario title left in French
        ("en", ["The council minutes", "N1 · 5\u00a0min"], 0),
    ]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (lang, texts, want) in enumerate(frames):
            path = os.path.join(tmp, f"{i}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(json.dumps({"screen": "title", "lang": lang, "texts": texts}) + "\n")
            got = len(check_frames(path, foreign)[0])
            status = "ok" if got == want else "FAIL"
            failed += got != want
            print(f"{status}  {lang} {texts}: {got} problem(s), want {want}")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("enjeux")
    ap.add_argument("--root", required=True)
    ap.add_argument("--library", required=True)
    ap.add_argument("mode", choices=["tour", "switch", "selftest"])
    ap.add_argument("script", nargs="?")
    a = ap.parse_args()
    foreign = only_in(a.root, a.library)
    if a.mode == "selftest":
        return selftest(foreign)
    problems = []
    with tempfile.TemporaryDirectory(prefix="enjeux-lang-") as tmp:
        if a.mode == "tour":
            seen = {}
            for lang in ("fr", "en"):
                dump = os.path.join(tmp, f"{lang}.jsonl")
                run_game(a.enjeux, ["--screenshots", os.path.join(tmp, "shots"), "--all", "--sizes", "800x600",
                                    "--lang", lang, "--library", a.library, "--seed", "1", "--text-dump", dump],
                         os.path.join(tmp, "user"))
                p, s = check_frames(dump, foreign, lang)
                problems += p
                seen[lang] = s[lang]
        else:
            dump = os.path.join(tmp, "switch.jsonl")
            run_game(a.enjeux, ["--library", a.library, "--seed", "1", "--lang", "fr", "--script", a.script,
                                "--text-dump", dump], os.path.join(tmp, "user"))
            problems, seen = check_frames(dump, foreign)
    # The tour shows every screen in each language; the switching session
    # shows those it passes through in French before and after switching.
    want = {"fr": SCREENS - {"pause"}, "en": SCREENS - {"pause"}} if a.mode == "tour" else \
        {"fr": {"title", "settings", "pause", "scene", "consequence"}, "en": SCREENS}
    for lang in ("fr", "en"):
        missing = want[lang] - seen[lang]
        if missing:
            problems.append(f"the run never showed these screens in {lang}: {', '.join(sorted(missing))}")
    for p in problems[:60]:
        print(p)
    if len(problems) > 60:
        print(f"… and {len(problems) - 60} more")
    print(f"screens seen: fr {sorted(seen['fr'])}, en {sorted(seen['en'])}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
