#!/usr/bin/env python3
"""Layout test: renders every screen (every scene: --all) with the real
binary at 800x600 and 1920x1080, in French and English, records every laid
out rectangle (--layout-dump) and checks that each text, button, card, bar
and image lies inside the window and that no two overlap (a rectangle may
contain another: a card holds its texts), and that the focus order (Tab,
the order widgets are registered in) follows the reading order: left to
right on a row, then downwards.

usage: check_layout.py [--sizes WxH,…] ENJEUX [ENJEUX ARGS…]   e.g. --library DIR [SCENARIO]
       (--text-scale 100,200 --contrast normal,high: every variant, see docs/ui.md)
"""
import json
import os
import subprocess
import sys
import tempfile


def contains(a, b):
    return a["x"] <= b["x"] and a["y"] <= b["y"] and \
        b["x"] + b["w"] <= a["x"] + a["w"] and b["y"] + b["h"] <= a["y"] + a["h"]


def overlap(a, b):
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and \
        a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


def main():
    argv = sys.argv[1:]
    sizes = "800x600,1920x1080"
    if argv[0] == "--sizes":
        sizes = argv[1]
        argv = argv[2:]
    enjeux = argv[0]
    args = argv[1:]
    with tempfile.TemporaryDirectory(prefix="enjeux-layout-") as tmp:
        dump = os.path.join(tmp, "layout.jsonl")
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", ENJEUX_USER_DIR=tmp)
        cmd = [enjeux, "--screenshots", os.path.join(tmp, "png"), "--all",
               "--sizes", sizes, "--layout-dump", dump, "--seed", "1"] + args
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1700)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            print(f"FAIL: {' '.join(cmd)} exited with {proc.returncode}")
            return 1
        with open(dump, encoding="utf-8") as f:
            frames = [json.loads(line) for line in f if line.strip()]
    problems = []
    screens = set()
    for fr in frames:
        W, H = fr["w"], fr["h"]
        screens.add((fr["screen"], W, H))
        items = [i for i in fr["items"] if i["w"] > 0 and i["h"] > 0]
        for it in items:
            if it["x"] < 0 or it["y"] < 0 or it["x"] + it["w"] > W or it["y"] + it["h"] > H:
                problems.append(f"{fr['screen']} {W}x{H}: {it['kind']} {it['name']} "
                                f"({it['x']},{it['y']} {it['w']}x{it['h']}) leaves the window")
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if overlap(a, b) and not contains(a, b) and not contains(b, a):
                    problems.append(f"{fr['screen']} {W}x{H}: {a['kind']} {a['name']} "
                                    f"({a['x']},{a['y']} {a['w']}x{a['h']}) overlaps {b['kind']} {b['name']} "
                                    f"({b['x']},{b['y']} {b['w']}x{b['h']})")
        # The focus order (Tab) is the order of registration: it must be
        # the reading order, left to right on a row, then downwards.
        focusable = [i for i in items if i["kind"] in ("button", "card")]
        for a, b in zip(focusable, focusable[1:]):
            same_row = a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
            if (same_row and b["x"] < a["x"]) or (not same_row and b["y"] < a["y"]):
                problems.append(f"{fr['screen']} {W}x{H}: Tab goes from {a['name']} ({a['x']},{a['y']}) back to "
                                f"{b['name']} ({b['x']},{b['y']}), against the reading order")
    needed = {"title", "library", "settings", "briefing", "scene", "pause", "consequence", "ending", "debrief",
              "profiles", "passport"}
    for size in (tuple(int(v) for v in s.split("x")) for s in sizes.split(",")):
        missing = needed - {s for s, w, h in screens if (w, h) == size}
        if missing:
            problems.append(f"{size[0]}x{size[1]}: screens never laid out: {sorted(missing)}")
    for p in sorted(set(problems))[:60]:
        print("FAIL:", p)
    print(f"{len(frames)} frames, {len(screens)} screen/size pairs checked, {len(set(problems))} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
