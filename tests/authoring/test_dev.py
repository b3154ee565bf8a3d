#!/usr/bin/env python3
"""Live authoring (`enjeux --dev`) through the real binary in script mode
(SDL_VIDEODRIVER=dummy): reload on save keeping the play at the same scene,
the error screen and its recovery, reload on an image change, the developer
overlay (F1) with undo, replay and jump, the result of the play, a start on
a broken file, F1 outside --dev, and no CPU burnt at idle.

Usage: test_dev.py ENJEUX"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import enjeux_test as et  # noqa: E402

BIN = os.path.abspath(sys.argv[1])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run_game(args, user, script_text, tmp, name):
    game = et.play(BIN, args + ["--seed", "1"], user, tmp, name, script_text, dumps=("layout",), cwd=tmp)
    screens = set()
    if os.path.exists(game.dumps["layout"]):
        for line in open(game.dumps["layout"], encoding="utf-8"):
            try:
                screens.add(json.loads(line)["screen"])
            except ValueError:
                pass
    return game, screens


with tempfile.TemporaryDirectory(prefix="enjeux-dev-") as tmp:
    lib = os.path.join(tmp, "lib")
    sc_path, err = et.new_scenario(BIN, lib)
    check(err is None, err)
    img_path = os.path.join(lib, "essai", "images", "accueil.svg")
    good = json.load(open(sc_path, encoding="utf-8"))

    def variant(name, change):
        d = json.loads(json.dumps(good))
        change(d)
        path = os.path.join(tmp, name + ".json")
        et.write_json(path, d)
        return path

    broken = os.path.join(tmp, "broken.json")
    et.write_json(broken, et.break_next(good))

    def edit(d):
        d["scenes"][1]["text"]["fr"] = "Le brouillon annonce huit jours ; c'est trois semaines."
        d["scenes"][0]["choices"][2]["effects"]["meters"]["confiance"] = 7
    edited = variant("edited", edit)
    new_img = os.path.join(tmp, "accueil2.svg")
    with open(img_path, encoding="utf-8") as f:
        svg = f.read()
    with open(new_img, "w", encoding="utf-8") as f:
        f.write(svg.replace("#e8eef5", "#f5e8e8"))
    good_copy = os.path.join(tmp, "good.json")
    et.write_json(good_copy, good)

    # --- a whole session of live authoring ------------------------------------------
    user = os.path.join(tmp, "user")
    script = f"""
expect scene
expect-place courriels
key 2
expect consequence
key Return
expect scene
expect-place relecture
# the overlay
key F1
expect dev
expect-widget dev-where
expect-widget jump-courriels
expect-widget dev-meters
key Escape
expect scene
# a save with an error: the error screen, not a crash
copy {broken} {sc_path}
sleep 1300
wait 2
expect dev-error
expect-widget diag-1
key F1
wait 2
expect dev-error
# fixed: back at the same scene, the two decisions replayed
copy {edited} {sc_path}
sleep 1300
wait 2
expect scene
expect-place relecture
expect-widget notice
# an image saved: reloaded too
copy {new_img} {img_path}
sleep 1300
wait 2
expect scene
expect-place relecture
# undo, replay, jump
key F1
expect dev
key u
wait 2
expect scene
expect-place courriels
key 3
expect consequence
key Return
expect-place relecture
key F1
key r
wait 2
expect scene
expect-place relecture
key F1
click @jump-courriels
wait 2
expect scene
expect-place courriels
key 3
expect consequence
key Return
expect-place relecture
key 2
expect consequence
key Return
expect ending
expect-place fin-confiance
sleep 700
wait 2
quit
"""
    p, screens = run_game(["--dev", os.path.join(lib, "essai"), "--lang", "fr"], user, script, tmp, "session")
    check(p.returncode == 0, "the live-authoring session runs to its end: %s %s" % (p.stdout[-2000:], p.stderr[-2000:]))
    check({"scene", "dev", "dev-error", "consequence", "ending"} <= screens, "screens seen: %s" % sorted(screens))
    log = [l for l in p.stdout.splitlines() if l.startswith("enjeux --dev: /")]
    check(len(log) == 3, "three reloads logged (error, fixed, image): %s" % log)
    check(any("1 erreur, 0 avertissement" in l for l in log), "the error reload is logged with its count, in the singular: %s" % log)
    check("unknown-scene" in p.stdout and "scenario.json:" in p.stdout,
          "the terminal gets the diagnostics with file:line:col")
    check(any("1 décision(s) rejouée(s) sur 1" in l for l in log), "the fixed file replays the decision made: %s" % log)
    ends = [l for l in p.stdout.splitlines() if l.startswith("enjeux --dev: fin ")]
    # refuser gives confiance +7 in the edited file, corriger +10: 50 + 7 + 10
    check(ends == ["enjeux --dev: fin fin-confiance (2): refuser, corriger ; confiance=67 charge=75"],
          "the play after the jump, with the edited effects: %s" % ends)
    check(not os.path.exists(os.path.join(user, "results")) and not os.path.exists(os.path.join(user, "records")),
          "no record nor result written for author plays")
    check(os.path.isdir(os.path.join(user, "dev")), "the dev folder holds the author's save")

    # --- starting on a broken file, then fixing it --------------------------------------
    with open(broken, encoding="utf-8") as f:
        data = f.read()
    with open(sc_path, "w", encoding="utf-8") as f:
        f.write(data)
    script = f"""
expect dev-error
expect-widget diag-1
expect-widget reload
copy {good_copy} {sc_path}
sleep 1300
wait 2
expect scene
expect-place courriels
quit
"""
    p, screens = run_game(["--dev", sc_path, "--lang", "en"], os.path.join(tmp, "user2"), script, tmp, "broken")
    check(p.returncode == 0, "a broken file at start shows the error screen, then recovers: %s" % p.stderr[-2000:])

    # --- F1 outside --dev does nothing ----------------------------------------------------
    p, screens = run_game([os.path.join(lib, "essai")], os.path.join(tmp, "user3"),
                          "expect profiles\nkey F1\nwait 2\nexpect profiles\nquit\n", tmp, "nodev")
    check(p.returncode == 0 and "dev" not in screens, "F1 outside --dev: %s" % p.stderr[-1000:])

    # --- idle: no CPU burnt while waiting -----------------------------------------------------
    env = et.game_env(os.path.join(tmp, "user4"))
    proc = subprocess.Popen([BIN, "--dev", os.path.join(lib, "essai")], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)

    def cpu_seconds(pid):
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    try:
        time.sleep(2.5)
        if proc.poll() is None:
            c0 = cpu_seconds(proc.pid)
            time.sleep(4.0)
            c1 = cpu_seconds(proc.pid)
            # Under Valgrind (tests/valgrind/) the program is still starting
            # and every instruction costs 20 to 50 times more: no budget.
            if not os.environ.get("ENJEUX_VALGRIND_WRAPPER"):
                check(c1 - c0 < 0.2, "idle --dev used %.2f s of CPU in 4 s (watching must be nearly free)" % (c1 - c0))
        else:
            check(False, "the game exited early (%s)" % proc.returncode)
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("dev: all checks passed")
