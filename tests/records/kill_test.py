#!/usr/bin/env python3
"""Kill test of the play records: runs the real game (SDL_VIDEODRIVER=dummy)
through a scripted play of the UI fixture and kills it (SIGKILL) at a random
moment, RUNS times. After each kill:

- every record file is readable: its first line is the play header, every
  line but a torn last one is valid JSON, decisions are numbered 1, 2, 3…;
- it lost at most the decision in progress: it holds at least every
  decision the game had reported as synced (ENJEUX_TRACE_RECORDS=1 makes the
  game write "record: decision N synced" on stderr once the line is on
  disk);
- every RESUME_EVERY-th time, the game is started again in the same user
  folder, "Continue" resumes the killed play from its record, and the play
  is finished: its results file then holds the whole play, the decisions
  already recorded kept with their times. Half of these times the last
  line is first cut in two, as a power cut during a write would: the game
  must report it, ignore it and have the decision made again.

usage: kill_test.py ENJEUX LIBRARY SCRIPT [--runs N] [--seed S] [--jobs J] [--resume-every K]

The seed is printed: rerun with --seed to replay a failing series.
"""
import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from enjeux_test import profile_dir  # noqa: E402

WANT_CHOICES = ["coller", "mentionner", "charte"]
RESUME_SCRIPT = """expect library
key Escape
expect title
key Return
""" + "wait 3\nkey 1\nwait 3\nkey Return\n" * 5 + "quit\n"


def spread(script_text):
    """The play script with a pause after each input, so that a kill can
    land between any two steps."""
    out = []
    for line in script_text.splitlines():
        out.append(line)
        if line.startswith("key "):
            out.append("wait 10")
    return "\n".join(out) + "\n"


def read_record(path):
    """Returns (header, decisions, finished, torn, problems)."""
    problems = []
    with open(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    complete = data.endswith(b"\n")
    header, decisions, finished, torn = None, [], False, False
    for i, raw in enumerate(lines):
        if not raw.strip():
            continue
        last = i == len(lines) - 1 or (i == len(lines) - 2 and complete and not lines[-1])
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            if last:
                torn = True
                continue
            problems.append(f"line {i + 1} is not JSON and is not the last line")
            continue
        if header is None:
            if obj.get("type") != "play" or not re.fullmatch(r"[0-9a-f]{32}", obj.get("play_id", "")):
                problems.append("the first line is not a play header")
            header = obj
            continue
        t = obj.get("type")
        if t == "decision":
            if obj.get("n") != len(decisions) + 1:
                problems.append(f"decision numbered {obj.get('n')} after {len(decisions)}")
            decisions.append(obj)
        elif t == "end":
            finished = True
        elif t != "abandoned":
            problems.append(f"line {i + 1}: unknown type {t!r}")
    if header is None and not torn:
        problems.append("no header")
    return header, decisions, finished, torn, problems


def run_once(i, args, play_script, resume_script, rng_seed, results):
    rnd = random.Random(rng_seed)
    with tempfile.TemporaryDirectory(prefix="enjeux-kill-") as user:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software", SDL_AUDIODRIVER="dummy",
                   ENJEUX_USER_DIR=user, ENJEUX_TRACE_RECORDS="1")
        cmd = [args.enjeux, "--library", args.library, "--seed", "1", "--script", play_script]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        synced = []
        # The moment of the kill: a random time within phase k, k = 0…3:
        # start-up (while the record is created), or after decision k is
        # synced (so that it lands in the next decision, the end line or the
        # results). Each phase's length was measured on this machine, under
        # the same load (calibrate), so that the kill lands inside it whatever
        # the machine's speed.
        k = rnd.randrange(len(WANT_CHOICES) + 1)
        delay = rnd.uniform(0.0, args.phases[k])
        killer = threading.Timer(delay, proc.kill) if k == 0 else None
        if killer:
            killer.start()

        def reader():
            nonlocal killer
            for raw in proc.stderr:
                m = re.search(rb"record: decision (\d+) synced", raw)
                if m:
                    synced.append(int(m.group(1)))
                    if int(m.group(1)) == k and killer is None:
                        killer = threading.Timer(delay, proc.kill)
                        killer.start()

        th = threading.Thread(target=reader)
        th.start()
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        th.join()
        if killer:
            killer.cancel()
        killed = proc.returncode == -signal.SIGKILL
        acked = max(synced) if synced else 0
        pdir = profile_dir(user)
        rdir = os.path.join(pdir, "records") if pdir else os.path.join(user, "no-profile-yet")
        # A record's header is written atomically (temporary file, renamed):
        # a kill during that write leaves "<id>.jsonl.tmp", which is not a
        # record and which the game ignores.
        files = sorted(f for f in os.listdir(rdir) if f.endswith(".jsonl")) if os.path.isdir(rdir) else []
        errors = []
        if acked and not files:
            errors.append(f"decision {acked} reported synced, but no record file")
        kept = None
        for name in files:
            header, decisions, finished, torn, problems = read_record(os.path.join(rdir, name))
            errors += [f"{name}: {p}" for p in problems]
            if len(decisions) < acked:
                errors.append(f"{name}: {len(decisions)} decisions on disk, {acked} reported synced")
            got = [d["choice"] for d in decisions]
            if got != WANT_CHOICES[:len(got)]:
                errors.append(f"{name}: decisions {got} are not a prefix of {WANT_CHOICES}")
            if header is not None and name != header["play_id"] + ".jsonl":
                errors.append(f"{name}: header play_id {header['play_id']}")
            kept = (header, decisions, finished, torn)
        resumed = ""
        if not errors and kept and kept[0] is not None and not kept[2] and i % args.resume_every == 0:
            header, decisions = kept[0], kept[1]
            tear = decisions and rnd.random() < 0.5
            if tear:
                # Also a power cut in the middle of the last line: cut it in
                # two. The game must say so, ignore it and redo that decision.
                rpath = os.path.join(rdir, header["play_id"] + ".jsonl")
                data = open(rpath, "rb").read()
                start = data.rstrip(b"\n").rfind(b"\n") + 1
                with open(rpath, "wb") as f:
                    f.write(data[:start + (len(data) - start) // 2])
                decisions = decisions[:-1]
            cmd2 = [args.enjeux, "--library", args.library, "--script", resume_script]
            run = subprocess.run(cmd2, env=env, capture_output=True, text=True, timeout=120)
            path = os.path.join(pdir, "results", header["play_id"] + ".json")
            if not os.path.isfile(path):
                errors.append(f"resume: no results file {path} (exit {run.returncode}): {run.stderr[-500:]}")
            else:
                res = json.load(open(path, encoding="utf-8"))
                got = [d["choice"] for d in res["decisions"]]
                if got != WANT_CHOICES:
                    errors.append(f"resume: the finished play made {got}, want {WANT_CHOICES}")
                for k, d in enumerate(decisions):
                    if k < len(res["decisions"]) and res["decisions"][k]["time_ms"] != d["time_ms"]:
                        errors.append(f"resume: decision {k + 1} lost its time")
                if tear and "damaged last line" not in run.stderr:
                    errors.append("resume: the torn last line was not reported")
                resumed = (f", {'torn, ' if tear else ''}resumed after decision {len(decisions)} and finished")
        when = "not killed (ended first)" if not killed else (
            f"killed {delay:.3f}s after " + ("the start" if k == 0 else f"decision {k} synced"))
        results[i] = (errors, f"run {i}: {when}, {acked} synced, "
                              f"{len(kept[1]) if kept else 0} on disk{', torn tail' if kept and kept[3] else ''}"
                              f"{resumed}")


def calibrate(args, play_script, tmp):
    """Times whole plays, `jobs` at once as in the test, in two rounds, and
    returns the length of each phase a kill can aim at: start-up to decision
    1 synced, decision k synced to decision k + 1 synced, and the last
    decision synced to the game's exit (end line and results). Each phase's
    shortest time is kept, so that a kill drawn within it rarely comes after
    the game has ended."""
    def one(k, out):
        user = os.path.join(tmp, f"calibrate-{k}")
        os.makedirs(user)
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software", SDL_AUDIODRIVER="dummy",
                   ENJEUX_USER_DIR=user, ENJEUX_TRACE_RECORDS="1")
        t0 = time.monotonic()
        proc = subprocess.Popen([args.enjeux, "--library", args.library, "--seed", "1", "--script", play_script],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        marks = [t0]
        for raw in proc.stderr:
            if re.search(rb"record: decision \d+ synced", raw):
                marks.append(time.monotonic())
        proc.wait()
        marks.append(time.monotonic())
        out[k] = [b - a for a, b in zip(marks, marks[1:])] if len(marks) == len(WANT_CHOICES) + 2 else None

    out = [None] * (2 * max(1, args.jobs))
    for first in range(0, len(out), max(1, args.jobs)):
        threads = [threading.Thread(target=one, args=(k, out)) for k in range(first, first + max(1, args.jobs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    plays = [o for o in out if o]
    if not plays:
        sys.exit("calibration: no play reached its end with every decision synced; is ENJEUX_TRACE_RECORDS honoured?")
    return [min(p[i] for p in plays) for i in range(len(WANT_CHOICES) + 1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("enjeux")
    ap.add_argument("library")
    ap.add_argument("script")
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--resume-every", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="enjeux-kill-scripts-") as tmp:
        play_script = os.path.join(tmp, "play.script")
        with open(play_script, "w") as f:
            f.write(spread(open(args.script, encoding="utf-8").read()))
        resume_script = os.path.join(tmp, "resume.script")
        with open(resume_script, "w") as f:
            f.write(RESUME_SCRIPT)
        args.phases = calibrate(args, play_script, tmp)
        print(f"seed {args.seed}: {args.runs} runs; phases (start, after decisions 1…{len(WANT_CHOICES)}): "
              + ", ".join(f"{p:.3f}s" for p in args.phases))
        master = random.Random(args.seed)
        seeds = [master.randrange(1 << 30) for _ in range(args.runs)]
        results = [None] * args.runs
        next_run = [0]
        lock = threading.Lock()

        def worker():
            while True:
                with lock:
                    i = next_run[0]
                    next_run[0] += 1
                if i >= args.runs:
                    return
                run_once(i, args, play_script, resume_script, seeds[i], results)

        workers = [threading.Thread(target=worker) for _ in range(max(1, args.jobs))]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    failed = 0
    hist = {}
    for errors, summary in results:
        if errors:
            failed += 1
            print("FAIL", summary)
            for e in errors:
                print("   ", e)
        m = re.search(r"(\d+) on disk", summary)
        hist[m.group(1)] = hist.get(m.group(1), 0) + 1
    resumed = sum(1 for _, s in results if "resumed" in s)
    ended = sum(1 for _, s in results if "not killed" in s)
    if ended > args.runs // 4:
        print("FAIL: too many plays ended before their kill: the test did not test much")
        failed += 1
    print(f"{args.runs - failed}/{args.runs} runs ok; decisions on disk when killed: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(hist.items())) + f"; {ended} ended before their kill; {resumed} resumed and finished")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
