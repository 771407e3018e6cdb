#!/usr/bin/env node
// Full-build benchmark, as a user runs it: `npm run calpub -- build` on N generated pages, side by side
// with Hugo 0.111 building a calendar and an RSS feed of the same pages (Markdown rendered) in the same
// run. Median of 3 runs each, alternating, each into a fresh output folder. Writes bench/results.md.
//
//   npm run bench [-- 1000 10000]        (needs /usr/bin/time and `hugo`: apt-get install hugo time)
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

function timed(cmd, args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: kb / 1024, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const hugoVersion = execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1];
const rows = [];
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const content = join(work, `c${n}`);
  execFileSync('node', [generator, String(n), content], { stdio: 'ignore' });
  const site = join(work, `hugo${n}`);
  cpSync(join(here, 'hugo-site'), site, { recursive: true });
  symlinkSync(content, join(site, 'content'));
  const calpub = [];
  const warm = [];
  const hugo = [];
  const build = (out) => timed('npm', ['run', '-s', 'calpub', '--', 'build', '--content', content, '--out', out, '--now', '2026-11-29T00:00:00Z'], root);
  for (let i = 0; i < runs; i++) {
    const out = join(work, `out-${n}-${i}`);
    calpub.push(build(out));
    hugo.push(timed('hugo', ['--quiet', '-d', join(work, `hugo-out-${n}-${i}`)], site));
    // Rebuild after editing one page: what `npm start` and the Lambda do all day.
    const page = join(content, 'event', readdirSync(join(content, 'event'))[i], 'index.md');
    appendFileSync(page, `\nEdited in run ${i}.\n`);
    warm.push(build(out));
    rmSync(out, { recursive: true, force: true });
  }
  const row = {
    n,
    calpubSeconds: median(calpub.map((r) => r.seconds)),
    calpubMb: median(calpub.map((r) => r.mb)),
    warmSeconds: median(warm.map((r) => r.seconds)),
    warmMb: median(warm.map((r) => r.mb)),
    hugoSeconds: median(hugo.map((r) => r.seconds)),
    hugoMb: median(hugo.map((r) => r.mb)),
    summary: calpub[0].stdout.trim().split('\n').pop(),
  };
  row.ratio = row.calpubSeconds / row.hugoSeconds;
  rows.push(row);
  console.log(`${n} pages: calpub ${row.calpubSeconds.toFixed(2)} s / ${row.calpubMb.toFixed(0)} MB (one edit: ${row.warmSeconds.toFixed(2)} s); hugo ${row.hugoSeconds.toFixed(2)} s / ${row.hugoMb.toFixed(0)} MB; ratio ${row.ratio.toFixed(2)}`);
}
rmSync(work, { recursive: true, force: true });

const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${execFileSync('nproc').toString().trim()} cores), median of ${runs} runs, wall time and peak RSS as \`/usr/bin/time\` reports them.`,
  `Hugo ${hugoVersion} builds a calendar and an RSS feed of the same pages (bench/hugo-site); calpub builds every output: calendar.ics, one .ics and one HTML page per event, RSS/Atom/JSON feeds, schedule.json, the index and 404 pages, and a calendar, an RSS feed and a page per tag (about 600 MB in 19,700 files at 10,000 pages, against Hugo's 67 MB in 2 files).`,
  '',
  '"Full build" starts from an empty output folder; "after one edit" rebuilds the same folder after one page changed (page outcomes cached in `.calpub/`).',
  '',
  '| pages | calpub full build | peak RSS | / Hugo | calpub after one edit | peak RSS | / Hugo | Hugo | Hugo peak RSS |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.n} | ${r.calpubSeconds.toFixed(2)} s | ${r.calpubMb.toFixed(0)} MB | ${r.ratio.toFixed(2)}× | ${r.warmSeconds.toFixed(2)} s | ${r.warmMb.toFixed(0)} MB | ${(r.warmSeconds / r.hugoSeconds).toFixed(2)}× | ${r.hugoSeconds.toFixed(2)} s | ${r.hugoMb.toFixed(0)} MB |`),
  '',
  ...rows.map((r) => `- ${r.n}: \`${r.summary}\``),
  '',
].join('\n');
writeFileSync(join(here, 'results.md'), `# Full-build benchmark\n\n${table}`);
console.log(`\nwritten to bench/results.md`);
