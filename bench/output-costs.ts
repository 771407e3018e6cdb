/**
 * What each kind of output costs (issue 22): N pages of ../shared/tools/gen-corpus.mjs (seed 42) built
 * in this process with the core's `buildSite`, every output made and its bytes consumed (not written),
 * the time of each kind measured around its own files. Two figures per kind:
 *   - cold: the first time the outputs are made, with the JIT cold and the pieces several kinds share
 *     (an event's VEVENT, its dates in words) made by the first kind that asks for them;
 *   - warm: the outputs made again (a third time), when every shared piece exists: the kind's own cost.
 * Then the rest of the build (pages read, published model). Not measured here: what a group costs in
 * the pages' outcomes (the HTML of feeds and pages is rendered with each page, only when a group that
 * shows it is published); whole builds with and without a group differ by less than their noise in
 * one process (±250 ms at 1,000 pages).
 *   npx tsx bench/output-costs.ts [N=1000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listPages } from '../lambda/adapters/fs';
import { buildSite, type BuildInput } from '../lambda/core/build';
import { outputAt, OUTPUTS, type OutputName } from '../lambda/core/outputs';

const n = Number(process.argv[2] ?? 1000);
const work = mkdtempSync(path.join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'calpub-costs-'));
const content = path.join(work, 'content');
execFileSync(
  process.execPath,
  [path.join(__dirname, '..', '..', 'shared', 'tools', 'gen-corpus.mjs'), String(n), content, '--seed', '42'],
  { stdio: 'ignore' },
);
const pages = listPages(content).map((p) => ({ path: p, text: readFileSync(path.join(content, p), 'utf8') }));
// The generator writes no calpub.yaml: the defaults, as the Hugo comparison builds them.
const configText = '';
rmSync(work, { recursive: true });
const NOW = Date.parse('2026-11-29T00:00:00Z');

interface Cost {
  ms: number;
  files: number;
  bytes: number;
}

/** Makes every output of one build, timing each kind around its own files. */
function outputCosts(result: ReturnType<typeof buildSite>): Map<OutputName, Cost> {
  const costs = new Map<OutputName, Cost>();
  const folders = result.languages.filter((l) => l.folder !== '').map((l) => `${l.folder}/`);
  const iterator = result.outputs[Symbol.iterator]();
  for (;;) {
    const started = performance.now();
    const next = iterator.next();
    if (next.done) break;
    let bytes = 0;
    for (const chunk of next.value.chunks) bytes += chunk.length;
    const ms = performance.now() - started;
    const folder = folders.find((f) => next.value.path.startsWith(f)) ?? '';
    const kind = outputAt(next.value.path.slice(folder.length));
    if (!kind) throw new Error(`${next.value.path}: no kind of output in the table`);
    const cost = costs.get(kind) ?? { ms: 0, files: 0, bytes: 0 };
    costs.set(kind, { ms: cost.ms + ms, files: cost.files + 1, bytes: cost.bytes + bytes });
  }
  return costs;
}

const input = (config: string): BuildInput => ({ pages, configText: config, memory: null, now: NOW });
const timed = <T>(f: () => T): [T, number] => {
  const started = performance.now();
  const value = f();
  return [value, performance.now() - started];
};

const [cold, coldMs] = timed(() => buildSite(input(configText)));
const coldCosts = outputCosts(cold);
buildSite(input(configText)); // JIT warm-up
const [warm, warmMs] = timed(() => buildSite(input(configText)));
outputCosts(warm); // shared pieces made
const warmCosts = outputCosts(warm);

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
console.log(
  `${n} generated pages, ${warm.published.length} events published, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  `Pages read and published model (buildSite until outputs): cold ${coldMs.toFixed(0)} ms, warm ${warmMs.toFixed(0)} ms\n`,
);
console.log(row(['output', 'group', 'files', 'KB', 'cold ms', 'warm ms', 'warm µs per file']));
console.log(row(['---', '---', '---:', '---:', '---:', '---:', '---:']));
let total = { cold: 0, warm: 0, files: 0, bytes: 0 };
for (const name of Object.keys(OUTPUTS) as OutputName[]) {
  const c = coldCosts.get(name);
  const w = warmCosts.get(name);
  if (!c || !w) continue;
  total = {
    cold: total.cold + c.ms,
    warm: total.warm + w.ms,
    files: total.files + c.files,
    bytes: total.bytes + c.bytes,
  };
  console.log(
    row([
      name,
      OUTPUTS[name].group,
      c.files,
      (c.bytes / 1024).toFixed(0),
      c.ms.toFixed(1),
      w.ms.toFixed(1),
      ((1000 * w.ms) / w.files).toFixed(0),
    ]),
  );
}
console.log(
  row(['**all**', '', total.files, (total.bytes / 1024).toFixed(0), total.cold.toFixed(0), total.warm.toFixed(0), '']),
);
