// Validates xAPI statement files (JSON arrays) with Learning Locker's xapi-validation, and checks
// what the issue asks each DeskDrill statement to carry. Prints every problem; exit 1 on any.
//   node validate.js FILE…
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;

let problems = 0;
const problem = (where, what) => {
  problems += 1;
  console.log(`${where}: ${what}`);
};

// The validator must be able to fail: a statement with score.scaled out of range.
const control = {
  actor: {objectType: 'Agent', account: {homePage: 'https://deskdrill.invalid', name: 'T0'}},
  verb: {id: 'http://adlnet.gov/expapi/verbs/passed', display: {'en-US': 'passed'}},
  object: {objectType: 'Activity', id: 'https://deskdrill.invalid/xapi/activities/scenario/x'},
  result: {score: {scaled: 1.5}},
};
if (validate(control).length === 0) problem('control', 'the validator accepted score.scaled 1.5');

let total = 0;
for (const file of process.argv.slice(2)) {
  const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(statements) || statements.length === 0) {
    problem(file, 'not a non-empty JSON array of statements');
    continue;
  }
  statements.forEach((s, i) => {
    total += 1;
    const where = `${file}[${i}]`;
    for (const w of validate(s))
      problem(where, `xapi-validation: ${w.path.join('.')}: ${w.message} (${w.typeName || w.name})`);
    if (!s.actor || !s.actor.account || !s.actor.account.homePage || !s.actor.account.name)
      problem(where, 'actor without an account');
    if (!s.object || !String(s.object.id).includes('/activities/scenario/'))
      problem(where, 'object is not a DeskDrill scenario activity');
    const r = s.result || {};
    if (!r.score || typeof r.score.scaled !== 'number') problem(where, 'no result.score.scaled');
    if (typeof r.success !== 'boolean') problem(where, 'no result.success');
    if (typeof r.completion !== 'boolean') problem(where, 'no result.completion');
    if (!/^PT/.test(r.duration || '')) problem(where, 'no ISO 8601 result.duration');
    const ext = r.extensions || {};
    const criteria = Object.keys(ext).find((k) => k.endsWith('/extensions/criteria'));
    if (!criteria || !Array.isArray(ext[criteria]) || ext[criteria].length === 0)
      problem(where, 'no per-criterion extension');
    if (s.version !== '1.0.3') problem(where, 'version is not 1.0.3');
  });
}
console.log(`xapi: ${total} statement(s) checked, ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
