#!/usr/bin/env node
// npm run test:mutation [-- [--together <name>] <file> ...]: Stryker (stryker.config.json) on each core
// file given (default: every file of lambda/core), one at a time, each resumable: its incremental state
// goes to reports/mutation/<file>.incremental.json, so an interrupted run starts where it stopped and
// a re-run tests only mutants whose code or tests changed. With `--together <name>` the files are
// mutated in one run (one first test run instead of one per file: minutes saved on small modules),
// reported as reports/mutation/<name>.json. Prints each file's score and its survivors;
// `node test/mutation-scores.mjs` tabulates every report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';
import { scoreOf, survivorsOf } from './mutation-score.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : file.endsWith('.ts') ? [path.relative(root, file)] : [];
  });
const args = process.argv.slice(2);
const together = args[0] === '--together' ? args[1] : null;
const given = together ? args.slice(2) : args;
const files = given.length ? given : walk(path.join(root, 'lambda', 'core')).sort();
const base = JSON.parse(readFileSync(path.join(root, 'stryker.config.json'), 'utf8'));
delete base.$schema;
delete base._comment;
for (const file of files) if (!existsSync(path.join(root, file))) throw new Error(`${file}: no such file`);
process.env.CALPUB_TEST_NAMES = testNames();
const nameOf = (file) =>
  file
    .replace(/^lambda\/core\//, '')
    .replace(/\.ts$/, '')
    .replace(/\//g, '.');
/**
 * Which tests each test file holds, from one Jest run of the unit tests (`--json`), written where
 * test/mutation-sequencer.js reads it: a mutant's run then loads only the files holding the tests that
 * cover it. Made afresh every time, from the tests as they are.
 */
function testNames() {
  const dir = path.join(root, 'reports', 'mutation');
  mkdirSync(dir, { recursive: true });
  const report = path.join(dir, 'jest-report.json');
  const jest = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '-c',
      'jest.mutation.config.js',
      '--json',
      '--outputFile',
      report,
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (jest.status !== 0) throw new Error(`the unit tests fail; fix them before mutation testing:\n${jest.stderr}`);
  const names = Object.fromEntries(
    JSON.parse(readFileSync(report, 'utf8')).testResults.map((suite) => [
      path.relative(root, suite.name),
      suite.assertionResults.map((test) => test.fullName),
    ]),
  );
  const file = path.join(dir, 'test-names.json');
  writeFileSync(file, JSON.stringify(names));
  return file;
}

for (const run of together
  ? [{ name: together, mutate: files }]
  : files.map((f) => ({ name: nameOf(f), mutate: [f] }))) {
  const results = await new Stryker({
    ...base,
    mutate: run.mutate,
    incremental: true,
    incrementalFile: path.join('reports', 'mutation', `${run.name}.incremental.json`),
    jsonReporter: { fileName: path.join('reports', 'mutation', `${run.name}.json`) },
    reporters: ['json', 'progress'],
  }).runMutationTest();
  for (const file of run.mutate) {
    const own = results.filter((m) => path.relative(root, path.resolve(root, m.fileName)) === file);
    const { killed, valid, survived, notCovered, percent } = scoreOf(own);
    console.log(
      `\n${file}: ${percent} % (${killed} killed of ${valid}; ${survived} survived, ${notCovered} not covered)`,
    );
    for (const m of survivorsOf(own)) {
      console.log(
        `  ${m.status} ${file}:${m.location.start.line} ${m.mutatorName}: ${JSON.stringify(m.replacement).slice(0, 100)}`,
      );
    }
  }
}
