// bench_ink.js — inkjs (ink's compiler and runtime, npm "inkjs") on the
// same generated 200-decision story as tests/bench/bench_analyze.c (which
// writes it with --write-ink FILE): random playthroughs, decisions per
// second of CPU time, median of RUNS runs, and what random play sees of the
// story (the coherence meter's range, whether the best ending is reached).
// Not part of CTest; see tests/bench/README.md.
//
// Usage: node bench_ink.js STORY.ink [PLAYS (default 2000)] [RUNS (default 5)]
"use strict";
const fs = require("fs");
const { Compiler } = require("inkjs/compiler/Compiler");

const [file, playsArg, runsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench_ink.js STORY.ink [PLAYS] [RUNS]");
  process.exit(2);
}
const plays = Number(playsArg || 2000);
const runs = Number(runsArg || 5);

const t0 = process.cpuUsage();
const story = new Compiler(fs.readFileSync(file, "utf8")).Compile();
const compileCpu = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1e6;


// splitmix-like 32-bit generator: deterministic picks, no Math.random
let seed = 7 >>> 0;
function below(n) {
  seed = (seed + 0x9e3779b9) >>> 0;
  let z = seed;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  return z % n;
}

function batch() {
  let decisions = 0, best = 0, cmin = Infinity, cmax = -Infinity;
  for (let p = 0; p < plays; p++) {
    story.ResetState();
    for (;;) {
      story.ContinueMaximally();
      const n = story.currentChoices.length;
      if (n === 0) break;
      story.ChooseChoiceIndex(below(n));
      decisions++;
    }
    const c = story.variablesState.$("coherence");
    if (c < cmin) cmin = c;
    if (c > cmax) cmax = c;
    if (c >= 200) best++;
  }
  return { decisions, best, cmin, cmax };
}

console.log(`inkjs ${JSON.parse(fs.readFileSync(require.resolve("inkjs/compiler/Compiler").replace(/compiler[\/]Compiler\.js$/, "package.json"), "utf8")).version}, node ${process.version}: compiled in ${compileCpu.toFixed(3)} CPU s`);
const rates = [];
for (let r = 0; r < runs; r++) {
  const u0 = process.cpuUsage();
  const b = batch();
  const u = process.cpuUsage(u0);
  const cpu = (u.user + u.system) / 1e6;
  rates.push(b.decisions / cpu);
  console.log(`run ${r + 1}: ${b.decisions} decisions in ${cpu.toFixed(3)} CPU s = ${Math.round(b.decisions / cpu)} decisions/s; ` +
              `coherence seen ${b.cmin}..${b.cmax} (true 0..200); best ending ${b.best ? "reached" : "never reached"}`);
}
rates.sort((a, b) => a - b);
console.log(`median: ${Math.round(rates[Math.floor(runs / 2)])} decisions per CPU second`);
