#!/usr/bin/env node
// Full-build benchmark against Hugo doing the same work: `npm run calpub -- build` (the CLI bundle, as a
// user runs it) and ../shared/tools/peer-hugo-same (Hugo 0.111 building the same outputs as calpub's
// default, Markdown rendered) on the same N pages of ../shared/tools/gen-corpus.mjs (seed 42). Median
// of 3 alternating runs, each into a fresh output folder, then calpub's rebuild of that folder after
// one page was edited. Inputs and outputs in TMPDIR, /dev/shm by default (this VM's disk varies tenfold
// in the time it takes to create thousands of files). Writes bench/results.md.
//
//   npm run bench [-- 1000 10000]          needs `hugo` and /usr/bin/time (apt-get install hugo time)
//   CALPUB_BEFORE=<calpub.cjs> npm run bench   also runs another build of the CLI (a "before" row)
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const shared = join(root, '..', 'shared', 'tools');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = 3;
const base = process.env.TMPDIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
const work = mkdtempSync(join(base, 'calpub-bench-'));
const fsType = execFileSync('stat', ['-f', '-c', '%T', work], { encoding: 'utf8' }).trim();
// Issue 22's targets (one edit at 1,000 pages: ≤ 0.5 s).
const targets = { 1000: { ratio: 0.75, mb: null }, 10000: { ratio: 0.35, mb: 600 } };
const tools = [
  { name: 'calpub', cli: join(root, 'bin', 'run.cjs') },
  ...(process.env.CALPUB_BEFORE ? [{ name: 'calpub before', cli: process.env.CALPUB_BEFORE }] : []),
];

function timed(cmd, args, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: kb / 1024, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const calpub = (tool, content, out) =>
  timed(process.execPath, [tool.cli, 'build', '--content', content, '--out', out, '--now', '2026-11-29T00:00:00Z']);
const hugo = (content, out) =>
  timed(
    'hugo',
    [
      '--quiet',
      '--noBuildLock',
      '--source',
      join(shared, 'peer-hugo-same'),
      '--contentDir',
      content,
      '--destination',
      out,
    ],
    { HUGO_RESOURCEDIR: join(work, 'hugo-resources') },
  );

const hugoVersion = execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1];
const rows = [];
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const content = join(work, `c${n}`);
  execFileSync(process.execPath, [join(shared, 'gen-corpus.mjs'), String(n), content, '--seed', '42'], {
    stdio: 'ignore',
  });
  const results = { hugo: [], ...Object.fromEntries(tools.map((t) => [t.name, { full: [], edit: [] }])) };
  for (let i = 0; i < runs; i++) {
    for (const tool of tools) {
      const out = join(work, `out-${n}-${i}`);
      results[tool.name].full.push(calpub(tool, content, out));
      // Rebuild after editing one page: what `npm start` does all day.
      const page = join(content, 'event', readdirSync(join(content, 'event')).sort()[i * 7], 'index.md');
      appendFileSync(page, `\nEdited in run ${i} (${tool.name}).\n`);
      results[tool.name].edit.push(calpub(tool, content, out));
      rmSync(out, { recursive: true, force: true });
    }
    const out = join(work, `hugo-${n}-${i}`);
    results.hugo.push(hugo(content, out));
    rmSync(out, { recursive: true, force: true });
  }
  const hugoSeconds = median(results.hugo.map((r) => r.seconds));
  const hugoMb = median(results.hugo.map((r) => r.mb));
  for (const tool of tools) {
    const { full, edit } = results[tool.name];
    const row = {
      n,
      tool: tool.name,
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
    console.log(
      `${n} pages, ${tool.name}: ${row.seconds.toFixed(2)} s / ${row.mb.toFixed(0)} MB (one edit: ${row.editSeconds.toFixed(2)} s / ${row.editMb.toFixed(0)} MB); Hugo ${hugoSeconds.toFixed(2)} s / ${hugoMb.toFixed(0)} MB; ${row.ratio.toFixed(2)}×`,
    );
  }
}
rmSync(work, { recursive: true, force: true });

const target = (r) => {
  const t = targets[r.n];
  if (!t || r.tool !== 'calpub') return '—';
  const met = r.ratio <= t.ratio && (t.mb === null || r.mb <= t.mb);
  return `≤ ${t.ratio}×${t.mb ? `, ≤ ${t.mb} MB` : ''}: ${met ? 'met' : 'not met'}`;
};
const table = [
  '# Full-build benchmark: calpub against Hugo doing the same work',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${execFileSync('nproc').toString().trim()} vCPUs), median of ${runs} alternating runs, wall time and peak RSS as \`/usr/bin/time\` reports them; pages and outputs in ${base} (${fsType}).`,
  `calpub: \`npm run calpub -- build\` (bin/run.cjs, the CLI bundle), every output of the default. Hugo ${hugoVersion}: ../shared/tools/peer-hugo-same, the same outputs (per-event HTML and .ics, per-tag HTML, .ics and RSS, site HTML, .ics, RSS, Atom, JSON Feed), Markdown rendered.`,
  '"Full build": an empty output folder. "One edit": the same folder rebuilt after one page changed (page outcomes reused from `.calpub/`).',
  '',
  '| pages | build | full build | peak RSS | / Hugo | target | one edit | peak RSS | Hugo | Hugo peak RSS |',
  '|---:|---|---:|---:|---:|---|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.n} | ${r.tool} | ${r.seconds.toFixed(2)} s | ${r.mb.toFixed(0)} MB | ${r.ratio.toFixed(2)}× | ${target(r)} | ${r.editSeconds.toFixed(2)} s | ${r.editMb.toFixed(0)} MB | ${r.hugoSeconds.toFixed(2)} s | ${r.hugoMb.toFixed(0)} MB |`,
  ),
  '',
  ...rows.map((r) => `- ${r.n}, ${r.tool}: \`${r.summary}\``),
  '',
].join('\n');
// What each kind of output costs, at the smallest size (bench/output-costs.ts, in one process).
const costs = execFileSync(
  process.execPath,
  [
    join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    join(here, 'output-costs.ts'),
    String(Math.min(...(sizes.length ? sizes : [1000]))),
  ],
  { encoding: 'utf8' },
);
const costSection = [
  '## What each kind of output costs',
  '',
  '`npx tsx bench/output-costs.ts N`:',
  '',
  costs.trim(),
  '',
];
writeFileSync(join(here, 'results.md'), `${table}\n${costSection.join('\n')}`);
console.log('\nwritten to bench/results.md');
