#!/usr/bin/env python3
"""check_catalogues.py — the interface catalogues (assets/i18n/*.po) against
the code (docs/translating.md).

    check_catalogues.py --root REPO            check the repository
    check_catalogues.py --root REPO --selftest break copies of the catalogues
                                               and check each fault is caught

Fails when a key used in the code (a literal in tr("…"), tr_format(…,
"…") or tr_count(…, "…", "…"), or a family of keys built at run time listed in
tests/i18n/dynamic_keys.txt) is missing, empty or fuzzy in a catalogue; when
a catalogue has a key the code does not use; when a msgid differs from
fr.po's; when a translation drops a {0}/{1} placeholder or copies the French
text (tests/i18n/same_text_keys.txt lists the keys where that is right); when French
typography is broken in fr.po; when `msgfmt --check` rejects a file.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

CALL_RE = re.compile(r'(?<![A-Za-z0-9_])tr\(\s*"([^"\\]+)"\s*\)')
FORMAT_RE = re.compile(r'(?<![A-Za-z0-9_])tr_format\(\s*[^,;]+,\s*[^,;]+,\s*"([^"\\]+)"', re.S)
COUNT_RE = re.compile(r'(?<![A-Za-z0-9_])tr_count\(\s*[^,;]+,\s*[^,;]+,\s*"([^"\\]+)",\s*"([^"\\]+)"', re.S)
LITERAL_RE = re.compile(r'"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"')
PLACEHOLDER_RE = re.compile(r"\{[0-9]\}")


def unquote(s, path, line):
    out, i = [], 0
    esc = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(s):
        c = s[i]
        if c == "\\":
            if i + 1 >= len(s) or s[i + 1] not in esc:
                raise ValueError(f"{path}:{line}: unknown escape")
            out.append(esc[s[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_po(path):
    """Entries {key: dict(source, text, fuzzy, line)} and the list of duplicate keys."""
    entries, dups = {}, []
    cur, field, fuzzy = {}, None, False

    def flush():
        nonlocal cur, field, fuzzy
        if "ctxt" in cur:
            if cur["ctxt"] in entries:
                dups.append(cur["ctxt"])
            else:
                entries[cur["ctxt"]] = dict(source=cur.get("id", ""), text=cur.get("str", ""), fuzzy=fuzzy,
                                            line=cur["line"])
        if cur:
            fuzzy = False
        cur, field = {}, None

    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n").strip()
            if not line:
                flush()
                continue
            if line.startswith("#"):
                if "str" in cur:
                    flush()
                if line.startswith("#,") and "fuzzy" in line:
                    fuzzy = True
                continue
            m = re.match(r'^(msgctxt|msgid|msgstr)\s+"(.*)"$', line)
            if m:
                kw = {"msgctxt": "ctxt", "msgid": "id", "msgstr": "str"}[m.group(1)]
                if kw != "str" and "str" in cur:
                    flush()
                cur.setdefault("line", n)
                cur[kw] = unquote(m.group(2), path, n)
                field = kw
                continue
            m = re.match(r'^"(.*)"$', line)
            if m and field:
                cur[field] += unquote(m.group(1), path, n)
                continue
            raise ValueError(f"{path}:{n}: cannot read this line (msgfmt --check says more)")
    flush()
    return entries, dups


def strip_comments(text):
    """C comments blanked out (newlines kept, so line numbers stay right)."""
    rx = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.S)

    def blank(m):
        t = m.group(0)
        return t if t[0] in "\"'" else re.sub(r"[^\n]", " ", t)

    return rx.sub(blank, text)


def code_keys(root):
    """Keys the code uses, each with the first place it is used."""
    used = {}
    literals = {}
    for sub in ("src",):
        for dirpath, _, files in os.walk(os.path.join(root, sub)):
            for name in sorted(files):
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                text = strip_comments(open(path, encoding="utf-8").read())
                for rx in (CALL_RE, FORMAT_RE, COUNT_RE):
                    for m in rx.finditer(text):
                        line = text.count("\n", 0, m.start()) + 1
                        for key in m.groups():
                            used.setdefault(key, f"{rel}:{line}")
                for m in LITERAL_RE.finditer(text):
                    line = text.count("\n", 0, m.start()) + 1
                    literals.setdefault(m.group(1), f"{rel}:{line}")
    dyn_path = os.path.join(root, "tests", "i18n", "dynamic_keys.txt")
    problems = []
    with open(dyn_path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            where = f"tests/i18n/dynamic_keys.txt:{n}"
            if line.endswith(".*"):
                prefix = line[:-1]
                family = [k for k in literals if k.startswith(prefix)]
                if not family:
                    problems.append(f"{where}: no literal \"{prefix}…\" in src/: remove the family {line}")
                for k in family:
                    used.setdefault(k, literals[k])
            else:
                used.setdefault(line, where)
    return used, problems


def check_french(key, text, where):
    out = []
    for m in re.finditer(r"(.)([;:!?])", text):
        if m.group(1) == " ":
            out.append(f"{where}: {key}: a plain space before « {m.group(2)} »: use U+202F")
    for m in re.finditer(r"«(.)", text):
        if m.group(1) not in "\u00a0\u202f":
            out.append(f"{where}: {key}: « must be followed by a no-break space (U+00A0 or U+202F)")
    for m in re.finditer(r"(.)»", text):
        if m.group(1) not in "\u00a0\u202f":
            out.append(f"{where}: {key}: » must follow a no-break space (U+00A0 or U+202F)")
    if re.search(r"[0-9] %", text):
        out.append(f"{where}: {key}: a plain space before %: use U+202F")
    return out


def check_english(key, text, where):
    out = []
    if re.search("[ \u00a0\u202f][;:!?%]", text):
        out.append(f"{where}: {key}: no space before ; : ! ? % in English")
    return out


def check(root, i18n_dir, verbose=True):
    problems = []
    files = sorted(n for n in os.listdir(i18n_dir) if n.endswith(".po"))
    if "fr.po" not in files or "en.po" not in files:
        problems.append(f"{i18n_dir}: fr.po and en.po are both needed (found {', '.join(files) or 'none'})")
    msgfmt = shutil.which("msgfmt")
    if not msgfmt:
        problems.append("msgfmt not found: install the Debian package gettext (scripts/setup.sh lists it)")
    cats = {}
    for name in files:
        path = os.path.join(i18n_dir, name)
        rel = os.path.relpath(path, root)
        if msgfmt:
            r = subprocess.run([msgfmt, "--check", "-o", os.devnull, path], capture_output=True, text=True)
            if r.returncode != 0:
                problems.append(f"{rel}: msgfmt --check fails:\n{r.stderr.strip()}")
        try:
            entries, dups = read_po(path)
        except ValueError as e:
            problems.append(str(e))
            continue
        for d in dups:
            problems.append(f"{rel}: the key {d} appears twice")
        cats[name[:-3]] = (rel, entries)

    same_ok = set()
    with open(os.path.join(root, "tests", "i18n", "same_text_keys.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                same_ok.add(line)
    used, dyn_problems = code_keys(root)
    problems += dyn_problems
    ref = cats.get("fr", (None, {}))[1]
    for lang, (rel, entries) in sorted(cats.items()):
        for key, where in sorted(used.items()):
            e = entries.get(key)
            if e is None:
                problems.append(f"{rel}: the key {key} (used at {where}) is missing")
            elif e["fuzzy"] or not e["text"]:
                problems.append(f"{rel}:{e['line']}: the key {key} has no finished translation")
        for key, e in sorted(entries.items()):
            where = f"{rel}:{e['line']}"
            if key not in used:
                problems.append(f"{where}: the key {key} is not used by the code: remove it "
                                "(or list it in tests/i18n/dynamic_keys.txt if the code builds it)")
            if key in ref and e["source"] != ref[key]["source"]:
                problems.append(f"{where}: the msgid of {key} differs from fr.po's: revise the translation, "
                                "then copy fr.po's msgid")
            if lang == "fr" and e["text"] and e["text"] != e["source"]:
                problems.append(f"{where}: in fr.po, the msgstr of {key} must repeat its msgid")
            if e["text"] and sorted(PLACEHOLDER_RE.findall(e["text"])) != sorted(PLACEHOLDER_RE.findall(e["source"])):
                problems.append(f"{where}: {key}: the placeholders differ from the French text's")
            if lang != "fr" and e["text"] == e["source"] and re.search(r"[^\W\d_]{4}", e["text"]) and \
                    key not in same_ok:
                problems.append(f"{where}: {key}: the translation is the French text; translate it, or list the key "
                                "in tests/i18n/same_text_keys.txt if both languages say it the same way")
            if lang == "fr":
                problems += check_french(key, e["source"], where)
            elif lang == "en":
                problems += check_english(key, e["text"], where)
    if verbose:
        for p in problems:
            print(p)
        print(f"{len(cats)} catalogues, {len(used)} keys used by the code, {len(problems)} problem(s)")
    return problems


def selftest(root):
    """Each kind of fault, made in a copy of the catalogues, must be reported."""
    src = os.path.join(root, "assets", "i18n")
    base = check(root, src, verbose=False)
    if base:
        print("the real catalogues have problems; run without --selftest")
        return 1
    faults = {
        "missing key": ("en.po", lambda s: re.sub(r'\nmsgctxt "title.new"\n[^\n]*\n[^\n]*\n', "\n", s),
                        "the key title.new (used at"),
        "unused key": ("fr.po", lambda s: s + '\nmsgctxt "old.gone"\nmsgid "Ancien"\nmsgstr "Ancien"\n',
                       "the key old.gone is not used"),
        "fuzzy": ("en.po", lambda s: s.replace('msgctxt "title.quit"', '#, fuzzy\nmsgctxt "title.quit"'),
                  "title.quit has no finished translation"),
        "syntax": ("en.po", lambda s: s.replace('msgstr "Quit"', 'msgstr "Quit'), "msgfmt --check fails"),
        "stale msgid": ("en.po", lambda s: s.replace('msgid "Quitter"', 'msgid "Sortir"'),
                        "the msgid of title.quit differs"),
        "placeholder": ("en.po", lambda s: s.replace('msgstr "{0} scenarios"', 'msgstr "scenarios"'),
                        "lib.count: the placeholders differ"),
        "copied French": ("en.po", lambda s: s.replace('msgstr "New game"', 'msgstr "Nouvelle partie"'),
                          "title.new: the translation is the French text"),
        "typography": ("fr.po", lambda s: s.replace("Que faites-vous\u202f?", "Que faites-vous ?"),
                       "a plain space before « ? »"),
    }
    failed = 0
    for name, (fname, mutate, expect) in faults.items():
        with tempfile.TemporaryDirectory() as tmp:
            for n in os.listdir(src):
                shutil.copy(os.path.join(src, n), tmp)
            p = os.path.join(tmp, fname)
            text = open(p, encoding="utf-8").read()
            changed = mutate(text)
            if changed == text:
                print(f"selftest {name}: the mutation did not apply (the catalogue changed?)")
                failed += 1
                continue
            open(p, "w", encoding="utf-8").write(changed)
            got = check(root, tmp, verbose=False)
            if not any(expect in g for g in got):
                print(f"selftest {name}: expected a problem containing {expect!r}, got {got}")
                failed += 1
            else:
                print(f"selftest {name}: caught")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--selftest", action="store_true")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    if a.selftest:
        return selftest(root)
    return 1 if check(root, os.path.join(root, "assets", "i18n")) else 0


if __name__ == "__main__":
    sys.exit(main())
