#!/usr/bin/env node
// Where a build's time goes: `node --cpu-prof` on the CLI bundle (as users run it) building N pages of
// ../shared/tools/gen-corpus.mjs (seed 42) into /dev/shm, then the top functions by self time, each
// with its file (in the bundle's source map) and its share of the profile.
//
//   node bench/profile.mjs [N=1000] [--top 15] [--keep]     (--keep leaves the .cpuprofile for Chrome DevTools)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const top = Number(args[args.indexOf('--top') + 1] ?? 15) || 15;
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const work = mkdtempSync(path.join(base, 'calpub-profile-'));
const content = path.join(work, 'content');
execFileSync(
  process.execPath,
  [path.join(root, '..', 'shared', 'tools', 'gen-corpus.mjs'), String(n), content, '--seed', '42'],
  { stdio: 'ignore' },
);
// The bundle is built (or rebuilt) first, so the profile holds a build, not esbuild.
execFileSync(process.execPath, [path.join(root, 'bin', 'run.cjs'), '--version'], { stdio: 'ignore' });
const profiles = path.join(work, 'profiles');
const run = spawnSync(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${profiles}`,
    path.join(root, 'dist', 'calpub.cjs'),
    'build',
    '--content',
    content,
    '--out',
    path.join(work, 'out'),
    '--now',
    '2026-11-29T00:00:00Z',
  ],
  { encoding: 'utf8', env: { ...process.env, CALPUB_TIMINGS: '1' } },
);
if (run.status !== 0) throw new Error(run.stderr);
console.log(
  run.stderr
    .split('\n')
    .filter((l) => l.includes('timings'))
    .join('\n'),
);
console.log(run.stdout.trim());

const file = path.join(profiles, readdirSync(profiles)[0]);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const dt = new Map();
for (const [i, id] of profile.samples.entries()) dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const self = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  total += us;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
  self.set(where, (self.get(where) ?? 0) + us);
}
const ranked = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(`\n${n} pages: ${(total / 1000).toFixed(0)} ms profiled; top ${top} by self time:`);
for (const [where, us] of ranked)
  console.log(`${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${where}`);
if (args.includes('--keep')) console.log(`\nprofile: ${file}`);
else rmSync(work, { recursive: true, force: true });
