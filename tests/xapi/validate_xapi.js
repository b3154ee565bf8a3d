#!/usr/bin/env node
// validate_xapi.js — checks xAPI statement files (results/<play-id>.xapi.json)
// with Learning Locker's validator (npm "xapi-validation"), the one an LRS of
// that family runs on every statement it receives, then the points of the
// xAPI Serious Games profile that Enjeux promises (docs/results.md).
//
// usage: node validate_xapi.js FILE.xapi.json…   (exit 1 on any problem)
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;

const SG = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  selected: 'https://w3id.org/xapi/adb/verbs/selected',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
};
const PROGRESS = 'https://w3id.org/xapi/seriousgames/extensions/progress';
const NS = 'https://enjeux.invalid/xapi/';

let problems = 0;
function fail(file, i, msg) {
  problems++;
  console.log(`FAIL ${file}: statement ${i}: ${msg}`);
}

function checkFile(file) {
  const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(statements) || statements.length < 2) {
    fail(file, '-', 'not an array of at least two statements');
    return 0;
  }
  const ids = new Set();
  statements.forEach((st, i) => {
    for (const w of validate(st)) fail(file, i, `xapi-validation: ${w.path.join('.')}: ${w.constructor.name} ${JSON.stringify(w.data === undefined ? null : w.data).slice(0, 80)}`);
    for (const k of ['id', 'actor', 'verb', 'object', 'timestamp', 'version', 'context'])
      if (!(k in st)) fail(file, i, `missing ${k}`);
    if (ids.has(st.id)) fail(file, i, `duplicate id ${st.id}`);
    ids.add(st.id);
    if (st.version !== '1.0.3') fail(file, i, `version ${st.version}`);
    if (!st.actor || !st.actor.account || st.actor.mbox || st.actor.name)
      fail(file, i, 'the actor must be a pseudonymous account only');
    const ca = (st.context || {}).contextActivities || {};
    if (!(ca.grouping || []).some(a => a.definition && a.definition.type === 'http://adlnet.gov/expapi/activities/course'))
      fail(file, i, 'no course level in context.contextActivities.grouping');
    if (!(ca.category || []).some(a => a.id === 'https://w3id.org/xapi/seriousgames'))
      fail(file, i, 'no Serious Games profile in context.contextActivities.category');
  });
  const verbs = statements.map(s => s.verb.id);
  if (verbs[0] !== SG.initialized) fail(file, 0, 'the first statement is not "initialized"');
  if (verbs[verbs.length - 1] !== SG.completed) fail(file, verbs.length - 1, 'the last statement is not "completed"');
  statements.forEach((st, i) => {
    if (st.verb.id === SG.selected) {
      const r = st.result || {};
      if (typeof r.response !== 'string' || !r.response) fail(file, i, 'selected without result.response');
      if (!r.extensions || !Object.keys(r.extensions).some(k => k.startsWith(NS + 'meters/')))
        fail(file, i, 'selected without meters in result.extensions');
      if (verbs[i + 1] !== SG.progressed) fail(file, i, 'selected not followed by progressed');
    } else if (st.verb.id === SG.progressed) {
      const p = ((st.result || {}).extensions || {})[PROGRESS];
      if (typeof p !== 'number' || p < 0 || p > 1) fail(file, i, `progress ${p} not in [0, 1]`);
    } else if (st.verb.id === SG.completed) {
      const r = st.result || {};
      if (typeof r.success !== 'boolean') fail(file, i, 'completed without result.success');
      if (r.score && !(r.score.scaled >= 0 && r.score.scaled <= 1)) fail(file, i, 'bad result.score.scaled');
      if (!r.extensions || !Object.keys(r.extensions).some(k => k.startsWith(NS + 'competencies/')))
        fail(file, i, 'completed without competencies in result.extensions');
    } else if (st.verb.id !== SG.initialized) {
      fail(file, i, `unexpected verb ${st.verb.id}`);
    }
  });
  return statements.length;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.log('usage: validate_xapi.js FILE.xapi.json…');
  process.exit(2);
}
let total = 0;
for (const f of files) total += checkFile(f);
if (problems) {
  console.log(`${problems} problem(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.log(`ok: ${total} statements in ${files.length} file(s) pass xapi-validation and the profile checks`);
