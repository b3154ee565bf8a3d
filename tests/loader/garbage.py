#!/usr/bin/env python3
"""Garbage input for `enjeux validate`: every file here is generated at test
time into OUTDIR (nothing big is committed), run through the real binary,
and must give its clear diagnostic at the right place and exit 1 — never a
crash. Also checks the exit status of bad usage (2).

usage: garbage.py ENJEUX OUTDIR FIXTURES_DIR
"""
import json
import os
import pathlib
import subprocess
import sys

failures = []


def run(binary, args):
    p = subprocess.run([binary, "validate", *args], capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def expect(binary, name, path, status, code=None, where=None):
    st, out, err = run(binary, ["--format", "json", "--lang", "en", str(path)])
    if st < 0 or st > 2:
        failures.append(f"{name}: crashed with status {st}: {err[:500]}")
        return
    if st != status:
        failures.append(f"{name}: exit status {st}, expected {status}: {out[:500]}")
    try:
        diags = json.loads(out)
    except ValueError as e:
        failures.append(f"{name}: output is not JSON: {e}: {out[:300]!r}")
        return
    if code:
        hits = [d for d in diags if d["code"] == code]
        if not hits:
            failures.append(f"{name}: no {code} in {[d['code'] for d in diags]}")
        elif where and f"{hits[0]['line']}:{hits[0]['column']}" != where:
            failures.append(f"{name}: {code} at {hits[0]['line']}:{hits[0]['column']}, expected {where}")
        elif not hits[0]["message"] or not hits[0]["hint"]:
            failures.append(f"{name}: {code} without message or hint")
    # The human output must work on the same input too, in French.
    st2, out2, err2 = run(binary, ["--lang", "fr", str(path)])
    if st2 != st:
        failures.append(f"{name}: text output exit status {st2}, json {st}")
    if code and code not in out2:
        failures.append(f"{name}: text output lacks [{code}]")


def main():
    binary, outdir, fixtures = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    outdir.mkdir(parents=True, exist_ok=True)
    base = (fixtures / "base.json.in").read_text(encoding="utf-8")
    # Relative to the files written in `outdir`: the loader refuses an
    # absolute framework path.
    fw = os.path.relpath((fixtures / "competencies.json").resolve(), outdir.resolve())
    base_ok = base.replace('"licence": "CC0-1.0",', f'"licence": "CC0-1.0",\n  "framework": "{fw}",', 1)

    def write(name, data):
        p = outdir / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    expect(binary, "valid base", write("base.json", base_ok), 0)
    expect(binary, "BOM accepted", write("bom.json", b"\xef\xbb\xbf" + base_ok.encode()), 0)
    expect(binary, "empty", write("empty.json", b""), 1, "empty-file")
    expect(binary, "blank", write("blank.json", b" \n\t\n"), 1, "empty-file")
    expect(binary, "binary", write("binary.json", bytes(range(256)) * 64), 1, "binary-file", "1:1")
    expect(binary, "png header", write("image.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 1, "binary-file")
    expect(binary, "invalid utf-8", write("latin1.json", '{"id": "caf\xe9"}'.encode("latin-1")), 1,
           "invalid-utf8", "1:12")
    expect(binary, "truncated utf-8", write("cut.json", b'{"id": "\xc3'), 1, "invalid-utf8", "1:9")
    expect(binary, "overlong utf-8", write("overlong.json", b'{\n"a": "\xc0\xaf"}'), 1, "invalid-utf8", "2:7")
    expect(binary, "deep arrays", write("deep.json", "[" * 10000 + "]" * 10000), 1, "nesting-too-deep", "1:65")
    expect(binary, "deep objects", write("deep-obj.json", '{"a":' * 10000 + "1" + "}" * 10000), 1,
           "nesting-too-deep", "1:321")
    expect(binary, "deep unclosed", write("deep-open.json", "[" * 10000), 1, "nesting-too-deep")
    big = outdir / "big.json"
    with open(big, "wb") as f:
        f.write(b'{"scenes": [')
        chunk = b'{"id": "s", "text": "' + b"x" * 1000 + b'"},\n'
        for _ in range(50 * 1024):
            f.write(chunk)
        f.write(b"{}]}\n")
    expect(binary, "50 MB", big, 1, "file-too-large")
    big.unlink()
    expect(binary, "truncated", write("truncated.json", base[: len(base) // 2]), 1, "json-syntax")
    expect(binary, "array at top", write("array.json", "[1, 2]"), 1, "wrong-type", "1:1")
    expect(binary, "string at top", write("string.json", '"scenario"'), 1, "wrong-type", "1:1")
    expect(binary, "null at top", write("null.json", "null"), 1, "wrong-type", "1:1")
    expect(binary, "two roots", write("two.json", "{} {}"), 1, "json-syntax", "1:4")
    expect(binary, "empty object", write("object.json", "{}"), 1, "missing-field", "1:1")
    expect(binary, "huge number", write("num.json", base_ok.replace('"minutes": 5', '"minutes": 1e999')), 1,
           "wrong-type")
    expect(binary, "lone surrogate", write("surrogate.json", base_ok.replace('"Base"', '"\\ud800"')), 1,
           "json-syntax", "5:13")
    expect(binary, "line break in string", write("newline.json", base_ok.replace('"Base"', '"Ba\nse"')), 1,
           "json-syntax", "5:15")
    expect(binary, "escaped key", write("escaped.json", base_ok.replace('"level": 1', '"lev\\u0065l": 1')), 0)
    expect(binary, "1 MB string", write("long.json", base_ok.replace('"La suite."', '"' + "a" * (1 << 20) + '"')),
           1, "string-too-long")
    expect(binary, "control chars", write("ctrl.json", '{"id": "a\x01b"}'), 1, "json-syntax", "1:10")
    expect(binary, "missing path", outdir / "does-not-exist.json", 1, "io-error")
    (outdir / "no-scenario").mkdir(exist_ok=True)
    expect(binary, "folder without scenario", outdir / "no-scenario", 1, "io-error")
    # Bad usage.
    for args in ([], ["--format"], ["--format", "xml", "x"], ["--lang", "de", "x"], ["--bogus", "x"]):
        st, out, err = run(binary, args)
        if st != 2:
            failures.append(f"usage {args}: exit status {st}, expected 2")
        if not err.strip():
            failures.append(f"usage {args}: no usage message on stderr")
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
