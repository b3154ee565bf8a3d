#!/usr/bin/env python3
"""End-to-end test of profiles and progress through the real binary
(SDL_VIDEODRIVER=dummy, scripted input):

1. A user folder with data from before profiles (saves/current.json,
   results/atelier.json): create "Élodie" (the old data moves into her
   folder and her progress is rebuilt from the result), refuse a duplicate
   pseudonym, create "Bob", delete him after the confirmation (his folder
   goes, hers stays). Files are checked against scenarios/schema/.
2. profiles.json and progress.json damaged: both are set aside, the list
   comes back from the folders, the progress from the results, and the
   game says so on the profile screen and the passport.

usage: run_profiles.py ENJEUX LIBRARY SCRIPTS_DIR SCHEMA_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

RESULT_V1 = {
    "format": 1, "scenario": "atelier", "version": "1.0", "content_hash": "0", "seed": "1", "lang": "fr",
    "ending": "fin-confiance", "tone": "positive", "meters": {"confiance": 60, "charge": 40}, "choices": [],
    "competencies": [{"id": "confidentialite-securite", "targeted": True, "score": 90, "earned": 9, "best": 10,
                      "mastery": "acquired"}],
    "badges": [1],
}


def run(enjeux, library, script, user, dump):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software", ENJEUX_USER_DIR=user)
    cmd = [enjeux, "--library", library, "--seed", "1", "--script", script, "--layout-dump", dump]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    return proc.returncode == 0


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    enjeux, library, scripts, schemas = sys.argv[1:5]
    v_profiles = Draft202012Validator(load(os.path.join(schemas, "profiles.schema.json")))
    v_progress = Draft202012Validator(load(os.path.join(schemas, "progress.schema.json")))
    errors = []

    def valid(validator, path):
        try:
            doc = load(path)
        except (OSError, ValueError) as e:
            errors.append(f"{path}: {e}")
            return None
        for e in validator.iter_errors(doc):
            errors.append(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
        return doc

    with tempfile.TemporaryDirectory(prefix="enjeux-profiles-") as user:
        dump = os.path.join(user, "..", os.path.basename(user) + "-layout.jsonl")
        os.makedirs(os.path.join(user, "saves"))
        os.makedirs(os.path.join(user, "results"))
        with open(os.path.join(user, "saves", "current.json"), "w") as f:
            f.write('{"format": 1}\n')
        with open(os.path.join(user, "results", "atelier.json"), "w") as f:
            json.dump(RESULT_V1, f)
        if not run(enjeux, library, os.path.join(scripts, "manage.script"), user, dump):
            print("FAIL: the first session (manage.script) failed")
            return 1
        plist = valid(v_profiles, os.path.join(user, "profiles.json")) or {}
        names = [p["pseudonym"] for p in plist.get("profiles", [])]
        if names != ["Élodie"]:
            errors.append(f"profiles after deleting Bob: {names}")
        folders = sorted(os.listdir(os.path.join(user, "profiles")))
        pid = plist["profiles"][0]["id"] if names else "?"
        if folders != [pid]:
            errors.append(f"profile folders: {folders}, expected only [{pid}] (Bob's folder must be gone)")
        if plist.get("last") != pid:
            errors.append(f"last: {plist.get('last')!r}")
        pdir = os.path.join(user, "profiles", pid)
        valid(Draft202012Validator(v_profiles.schema["$defs"]["profile"]), os.path.join(pdir, "profile.json"))
        for rel in ("saves/current.json", "results/atelier.json"):
            if not os.path.isfile(os.path.join(pdir, rel)):
                errors.append(f"{rel} was not moved into the first profile's folder")
            if os.path.exists(os.path.join(user, rel)):
                errors.append(f"{rel} is still in the user folder")
        prog = valid(v_progress, os.path.join(pdir, "progress.json")) or {}
        if prog.get("plays") != 1 or prog.get("competencies", {}).get("confidentialite-securite", {}).get(
                "best", {}).get("score") != 90:
            errors.append(f"progress not rebuilt from the old result: {prog}")

        # The passport showed that progress: a result, the N1 badge, suggestions.
        with open(dump, encoding="utf-8") as f:
            frames = [json.loads(line) for line in f if line.strip()]
        shown = {i["name"] for fr in frames if fr["screen"] == "passport" for i in fr["items"]}
        for name in ("best", "latest", "best-bar", "badge-1", "suggest-0"):
            if name not in shown:
                errors.append(f"the passport shows no \"{name}\" (items: {sorted(shown)})")

        # Damage both files.
        with open(os.path.join(user, "profiles.json"), "w") as f:
            f.write('{"format": 1, "profiles": [')
        with open(os.path.join(pdir, "progress.json"), "w") as f:
            f.write("\x00 not json")
        os.remove(dump)
        if not run(enjeux, library, os.path.join(scripts, "recover.script"), user, dump):
            print("FAIL: the second session (recover.script) failed")
            return 1
        for rel in ("profiles.json.damaged", os.path.join("profiles", pid, "progress.json.damaged")):
            if not os.path.isfile(os.path.join(user, rel)):
                errors.append(f"{rel}: the damaged file was not kept aside")
        plist = valid(v_profiles, os.path.join(user, "profiles.json")) or {}
        if [p["pseudonym"] for p in plist.get("profiles", [])] != ["Élodie"]:
            errors.append(f"profiles.json not rebuilt from the folders: {plist}")
        prog = valid(v_progress, os.path.join(pdir, "progress.json")) or {}
        if prog.get("plays") != 1:
            errors.append(f"progress.json not rebuilt from the results: {prog}")
        with open(dump, encoding="utf-8") as f:
            frames = [json.loads(line) for line in f if line.strip()]
        os.remove(dump)
        for screen in ("profiles", "passport"):
            if not any(fr["screen"] == screen and any(i["name"] == "notice" for i in fr["items"]) for fr in frames):
                errors.append(f"the {screen} screen did not show what happened to the damaged file")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print("ok: profiles created, refused, deleted with their folder; old data adopted; damaged files recovered")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
