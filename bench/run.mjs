#!/usr/bin/env node
// Full-build benchmark, as a user runs it: `npm run calpub -- build` on N generated pages, side by side
// with Hugo 0.111 building a calendar and an RSS feed of the same pages (Markdown rendered) in the same
// run, for the outputs each issue covers (calpub.yaml `outputs`). Median of 3 runs each, alternating, each
// into a fresh output folder. Writes bench/results.md.
//
//   npm run bench [-- 1000 10000]        (needs /usr/bin/time and `hugo`: apt-get install hugo time)
//   TMPDIR=/dev/shm npm run bench        pages and outputs of both tools in memory (tmpfs): the disk's
//                                        noise left out; writes bench/results-tmpfs.md instead
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const generator = join(root, '..', 'shared', 'tools', 'gen-corpus.mjs');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = 3;
const work = mkdtempSync(join(tmpdir(), 'calpub-bench-'));
const fsType = execFileSync('stat', ['-f', '-c', '%T', work], { encoding: 'utf8' }).trim();
const resultsFile = fsType === 'tmpfs' ? 'results-tmpfs.md' : 'results.md';

function timed(cmd, args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: kb / 1024, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const hugoVersion = execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1];
// What each issue's target covers: issue 2 the calendars, issue 3 adds feeds, tag subsets and the
// schedule, issue 6 the HTML pages (every output: the default). Set with calpub.yaml's `outputs`.
const scopes = [
  { name: 'calendars', outputs: 'calendars', target: 0.4, targetMb: 600 },
  { name: 'calendars, feeds, schedule', outputs: 'calendars, feeds, schedule', target: 0.5, targetMb: 800 },
  { name: 'everything (with pages)', outputs: null, target: null, targetMb: null },
];
const configFor = (scope) =>
  ['title: Bench events', 'uidDomain: bench.example.org', ...(scope.outputs ? [`outputs: [${scope.outputs}]`, 'permalinkBase: https://www.example.org/'] : []), ''].join('\n');
const rows = [];
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const content = join(work, `c${n}`);
  execFileSync('node', [generator, String(n), content], { stdio: 'ignore' });
  const site = join(work, `hugo${n}`);
  cpSync(join(here, 'hugo-site'), site, { recursive: true });
  symlinkSync(content, join(site, 'content'));
  const runsOf = scopes.map(() => ({ full: [], edit: [] }));
  const hugo = [];
  const build = (scope, out) => {
    writeFileSync(join(content, 'calpub.yaml'), configFor(scope)); // Hugo copies this small file as is
    return timed('npm', ['run', '-s', 'calpub', '--', 'build', '--content', content, '--out', out, '--now', '2026-11-29T00:00:00Z'], root);
  };
  for (let i = 0; i < runs; i++) {
    scopes.forEach((scope, s) => runsOf[s].full.push(build(scope, join(work, `out-${n}-${s}-${i}`))));
    hugo.push(timed('hugo', ['--quiet', '-d', join(work, `hugo-out-${n}-${i}`)], site));
    // Rebuild after editing one page: what `npm start` and the Lambda do all day.
    const page = join(content, 'event', readdirSync(join(content, 'event'))[i], 'index.md');
    appendFileSync(page, `\nEdited in run ${i}.\n`);
    scopes.forEach((scope, s) => {
      const out = join(work, `out-${n}-${s}-${i}`);
      runsOf[s].edit.push(build(scope, out));
      rmSync(out, { recursive: true, force: true });
    });
    rmSync(join(work, `hugo-out-${n}-${i}`), { recursive: true, force: true });
  }
  const hugoSeconds = median(hugo.map((r) => r.seconds));
  const hugoMb = median(hugo.map((r) => r.mb));
  scopes.forEach((scope, s) => {
    const { full, edit } = runsOf[s];
    const row = {
      n,
      scope,
      seconds: median(full.map((r) => r.seconds)),
      mb: median(full.map((r) => r.mb)),
      editSeconds: median(edit.map((r) => r.seconds)),
      editMb: median(edit.map((r) => r.mb)),
      hugoSeconds,
      hugoMb,
      summary: full[0].stdout.trim().split('\n').pop(),
    };
    row.ratio = row.seconds / hugoSeconds;
    rows.push(row);
    console.log(`${n} pages, ${scope.name}: calpub ${row.seconds.toFixed(2)} s / ${row.mb.toFixed(0)} MB (one edit: ${row.editSeconds.toFixed(2)} s); hugo ${hugoSeconds.toFixed(2)} s / ${hugoMb.toFixed(0)} MB; ratio ${row.ratio.toFixed(2)}`);
  });
}
rmSync(work, { recursive: true, force: true });

const target = (r) => (r.scope.target === null ? '—' : `≤ ${r.scope.target}× and ${r.scope.targetMb} MB: ${r.ratio <= r.scope.target && r.mb <= r.scope.targetMb ? 'met' : 'not met'}`);
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${execFileSync('nproc').toString().trim()} cores), median of ${runs} runs, wall time and peak RSS as \`/usr/bin/time\` reports them, \`npm run calpub -- build\` as a user runs it, pages and outputs in ${work.replace(/\/calpub-bench-.*$/, '')} (${fsType}).`,
  `Hugo ${hugoVersion} builds a calendar and an RSS feed of the same pages with Markdown rendered (bench/hugo-site), in the same run. calpub builds, by calpub.yaml \`outputs\`: the calendars (calendar.ics, one .ics per event and per tag: issue 2's scope); plus the feeds (RSS, Atom, JSON Feed, an RSS per tag) and the schedule (issue 3's scope); and everything, with an HTML page per event and per tag (the default).`,
  '',
  '"Full build" starts from an empty output folder; "after one edit" rebuilds the same folder after one page changed (page outcomes cached in `.calpub/`).',
  '',
  '| pages | outputs | calpub full build | peak RSS | / Hugo | target | after one edit | / Hugo | Hugo | Hugo peak RSS |',
  '|---:|---|---:|---:|---:|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.n} | ${r.scope.name} | ${r.seconds.toFixed(2)} s | ${r.mb.toFixed(0)} MB | ${r.ratio.toFixed(2)}× | ${target(r)} | ${r.editSeconds.toFixed(2)} s | ${(r.editSeconds / r.hugoSeconds).toFixed(2)}× | ${r.hugoSeconds.toFixed(2)} s | ${r.hugoMb.toFixed(0)} MB |`),
  '',
  ...rows.map((r) => `- ${r.n}, ${r.scope.name}: \`${r.summary}\``),
  '',
].join('\n');
writeFileSync(join(here, resultsFile), `# Full-build benchmark\n\n${table}`);
console.log(`\nwritten to bench/${resultsFile}`);
