// node .ci/same-results.mjs quiet.json loaded.json: the two Jest runs (`--json`), one on a quiet
// machine and one with both cores busy, passed the same tests: every test of each run passed, and
// the two runs hold the same tests. Prints the difference, exits 1 on any.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const [quiet, loaded] = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')));
const tests = (run) =>
  new Map(
    run.testResults.flatMap((file) =>
      file.assertionResults.map((t) => [`${path.relative(process.cwd(), file.name)} › ${t.fullName}`, t.status]),
    ),
  );
const [a, b] = [tests(quiet), tests(loaded)];
const problems = [];
for (const [name, status] of a)
  if (b.get(name) !== status) problems.push(`${name}: ${status} quiet, ${b.get(name) ?? 'absent'} loaded`);
for (const [name, status] of b) if (!a.has(name)) problems.push(`${name}: absent quiet, ${status} loaded`);
for (const [name, status] of [...a, ...b])
  if (status !== 'passed' && status !== 'pending') problems.push(`${name}: ${status}`);
const seconds = (run) => ((Math.max(...run.testResults.map((f) => f.endTime)) - run.startTime) / 1000).toFixed(0);
console.log(
  `quiet: ${a.size} tests in ${seconds(quiet)} s; loaded: ${b.size} tests in ${seconds(loaded)} s; ${problems.length ? `${problems.length} difference(s)` : 'the same tests passed'}`,
);
for (const p of [...new Set(problems)]) console.log(`  ${p}`);
process.exit(problems.length ? 1 : 0);
