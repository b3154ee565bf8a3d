#!/usr/bin/env python3
"""Badges through the real game (SDL_VIDEODRIVER=dummy): a scripted play
that earns the N1 badge of the UI fixture writes, in the profile's badges/
folder and in the export folder, the badge PNG and its Open Badges 3.0
OpenBadgeCredential; a play that earns none writes no badge. The
credential is checked against the required fields of Open Badges 3.0
(1EdTech, on the W3C Verifiable Credentials data model 2.0): contexts,
types, issuer Profile, validFrom, AchievementSubject with an identifier,
Achievement with id, name, description, criteria, alignment entries with
targetName and targetUrl, Evidence; and it must be unsigned (no proof).

usage: badge_test.py ENJEUX LIBRARY EARNING_SCRIPT OTHER_SCRIPT
"""
import base64
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

CTX_VC = "https://www.w3.org/ns/credentials/v2"
CTX_OB = re.compile(r"^https://purl\.imsglobal\.org/spec/ob/v3p0/context-3\.0\.\d+\.json$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")


def types(v):
    return v if isinstance(v, list) else [v]


def check_credential(c, play_id, errors):
    def need(cond, what):
        if not cond:
            errors.append("credential: " + what)

    ctx = c.get("@context", [])
    need(isinstance(ctx, list) and len(ctx) >= 2 and ctx[0] == CTX_VC and any(CTX_OB.match(x) for x in ctx[1:]),
         f"@context must start with {CTX_VC} then the OB 3.0 context: {ctx}")
    need(URI.match(str(c.get("id", ""))), f"id is not a URI: {c.get('id')}")
    need({"VerifiableCredential", "OpenBadgeCredential"} <= set(types(c.get("type"))), f"type {c.get('type')}")
    iss = c.get("issuer", {})
    need(isinstance(iss, dict) and URI.match(str(iss.get("id", ""))) and "Profile" in types(iss.get("type")),
         f"issuer must be a Profile with an id: {iss}")
    need(isinstance(iss, dict) and iss.get("name"), "issuer without name")
    need(DATETIME.match(str(c.get("validFrom", ""))), f"validFrom {c.get('validFrom')}")
    need("proof" not in c, "the credential must be unsigned (no proof)")
    need("unsigned" in c.get("description", "").lower() or "non signée" in c.get("description", "").lower(),
         "the description must say that it is unsigned")
    sub = c.get("credentialSubject", {})
    need("AchievementSubject" in types(sub.get("type")), f"credentialSubject.type {sub.get('type')}")
    ids = sub.get("identifier")
    need(("id" in sub) != bool(ids), "credentialSubject needs an id or an identifier")
    for ident in ids or []:
        need(ident.get("type") == "IdentityObject" and isinstance(ident.get("hashed"), bool)
             and ident.get("identityHash") and ident.get("identityType"), f"identifier {ident}")
    a = sub.get("achievement", {})
    need(URI.match(str(a.get("id", ""))) and "Achievement" in types(a.get("type")), f"achievement id/type {a}")
    for k in ("name", "description"):
        need(isinstance(a.get(k), str) and a.get(k), f"achievement.{k}")
    crit = a.get("criteria", {})
    need(isinstance(crit, dict) and (crit.get("narrative") or crit.get("id")), "achievement.criteria")
    al = a.get("alignment", [])
    need(isinstance(al, list) and al, "achievement.alignment is empty")
    for x in al:
        need("Alignment" in types(x.get("type")) and x.get("targetName") and URI.match(str(x.get("targetUrl", ""))),
             f"alignment {x}")
    img = a.get("image")
    if img is not None:
        need(img.get("type") == "Image" and str(img.get("id", "")).startswith("data:image/png;base64,"),
             "achievement.image")
    ev = c.get("evidence", [])
    need(isinstance(ev, list) and ev, "no evidence")
    for e in ev:
        need("Evidence" in types(e.get("type")), f"evidence {e}")
    need(ev and play_id in ev[-1].get("narrative", ""), "the evidence does not name the play that earned it")


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def main():
    enjeux, library, earning, other = sys.argv[1:5]
    errors = []
    with tempfile.TemporaryDirectory(prefix="enjeux-badge-") as tmp:
        for script, want in ((other, False), (earning, True)):
            user = os.path.join(tmp, "user-" + str(want))
            usb = os.path.join(tmp, "usb-" + str(want))
            os.makedirs(user)
            env = et.game_env(user)
            run = subprocess.run([enjeux, "--library", library, "--seed", "1", "--export-dir", usb, "--script",
                                  script], env=env, capture_output=True, text=True, timeout=120)
            if run.returncode != 0:
                errors.append(f"{script}: exit {run.returncode}: {run.stderr[-400:]}")
                continue
            pdir = et.profile_dir(user) or os.path.join(user, "no-profile")
            res = os.path.join(pdir, "results")
            doc = json.load(open(os.path.join(res, [n for n in os.listdir(res) if re.fullmatch(
                r"[0-9a-f]{32}\.json", n)][0]), encoding="utf-8"))
            bdir = os.path.join(pdir, "badges")
            names = sorted(os.listdir(bdir)) if os.path.isdir(bdir) else []
            if not want:
                if doc["badges"] or names:
                    errors.append(f"{script}: badges {doc['badges']}, files {names}: want none")
                continue
            if doc["badges"] != [1]:
                errors.append(f"{script}: the play earns {doc['badges']}, the test expects [1]")
            pid = doc["play_id"]
            want_names = [f"{pid}-badge-N1.json", f"{pid}-badge-N1.png"]
            if names != want_names:
                errors.append(f"badges/: {names}, want {want_names}")
                continue
            exported = sorted(n for n in os.listdir(usb) if "-badge-" in n) if os.path.isdir(usb) else []
            if exported != want_names:
                errors.append(f"export folder: {exported}, want {want_names}")
            png = open(os.path.join(bdir, want_names[1]), "rb").read()
            if png_size(png) != (640, 640):
                errors.append(f"the PNG is not a 640x640 PNG: {png_size(png)}")
            cred = json.load(open(os.path.join(bdir, want_names[0]), encoding="utf-8"))
            check_credential(cred, pid, errors)
            uri = cred.get("credentialSubject", {}).get("achievement", {}).get("image", {}).get("id", "")
            if base64.b64decode(uri.split(",", 1)[-1]) != png:
                errors.append("the credential's image is not the PNG written beside it")
            ident = cred["credentialSubject"]["identifier"][0]["identityHash"]
            if ident != doc["pseudonym"]:
                errors.append(f"identifier {ident!r}, pseudonym {doc['pseudonym']!r}")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("ok: the earning play wrote the badge PNG and an unsigned OpenBadgeCredential with the OB 3.0 "
              "required fields (also in the export folder); the other play wrote none")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
