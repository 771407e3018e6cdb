#!/usr/bin/env node
// The score of every core file that a mutation report under reports/mutation/ holds (the newest report
// of each file wins): `node test/mutation-scores.mjs [--survivors]`, a Markdown table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreOf, survivorsOf } from './mutation-score.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'reports', 'mutation');
const newest = new Map();
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.incremental.json'))) {
  const when = statSync(path.join(dir, name)).mtimeMs;
  const report = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if ((newest.get(file)?.when ?? 0) < when) newest.set(file, { when, mutants });
  }
}
const rows = [...newest.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
console.log('| module | score | mutants | survived | not covered |\n|---|---:|---:|---:|---:|');
for (const [file, { mutants }] of rows) {
  const { valid, survived, notCovered, percent } = scoreOf(mutants);
  const score = valid ? `${percent} %` : '–';
  console.log(`| \`${file.replace(/^lambda\/core\//, '')}\` | ${score} | ${valid} | ${survived} | ${notCovered} |`);
  if (process.argv.includes('--survivors'))
    for (const m of survivorsOf(mutants))
      console.log(
        `|   :${m.location.start.line} ${m.mutatorName} | ${JSON.stringify(m.replacement ?? '').slice(0, 60)} | | | |`,
      );
}
