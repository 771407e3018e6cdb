#!/usr/bin/env node
// The import graph of calpub's code (not its tests), checked against the documented flow
// (docs/architecture.md § The core's layers): exits 1 on a cycle, on an import against the flow,
// or on an output path written outside the outputs table. `node .ci/import-graph.mjs --list`
// also prints every layer with its files and their imports.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The layers, lowest first: a file may import its own layer's files and lower layers' only. Inside
 * the core the data flows read → page → memory → published model → formats → site → build; around
 * it, the adapters and the entry points. Each entry: a layer name and the paths (prefixes) in it.
 */
const LAYERS = [
  [
    'vocabulary (the model’s types, the outputs table, words, text helpers)',
    ['lambda/core/model.ts', 'lambda/core/outputs.ts', 'lambda/core/i18n/', 'lambda/core/shared/'],
  ],
  ['read (bytes → a normalized event)', ['lambda/core/read/']],
  ['published model (types every renderer reads)', ['lambda/core/published.ts']],
  [
    'addresses, memory, questions (URLs, tags, SEQUENCE, DTSTAMP, last good, order)',
    ['lambda/core/urls.ts', 'lambda/core/tags.ts', 'lambda/core/memory.ts', 'lambda/core/published-events.ts'],
  ],
  ['formats (one event’s pieces, whole files)', ['lambda/core/formats/']],
  ['page outcome (a page read and its pieces rendered, once)', ['lambda/core/page.ts']],
  ['select and site (what is published, every file)', ['lambda/core/select.ts', 'lambda/core/site.ts']],
  ['build (the pipeline, and what a build says of itself)', ['lambda/core/build.ts', 'lambda/core/report.ts']],
  ['adapters (file system, S3, CloudFront, caches)', ['lambda/adapters/']],
  ['entry points (Lambda handler, CLI)', ['lambda/handlers/', 'bin/cli/', 'bin/calpub.ts']],
];
/** The CDK app: imports no core code but the outputs table (data only), and sits apart from the rest. */
const CDK = ['lib/', 'bin/app.ts'];
const CDK_MAY_IMPORT = ['lambda/core/outputs.ts', 'lambda/core/model.ts'];
/** Shared by the CLI's server and CloudFront: response headers as data. */
const SHARED_DATA = ['lib/site-headers.ts'];

const walk = (dir) =>
  readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return walk(rel);
    return /\.(ts|mjs|cjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
const files = ['lambda', 'lib', 'bin'].flatMap(walk).sort();

/** Relative imports (static, dynamic, re-exports, require), resolved to files of the repository. */
function importsOf(file) {
  const text = readFileSync(path.join(root, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const specs = [
    ...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm),
  ];
  return specs.map((m) => resolve(file, m[1]));
}

function resolve(from, spec) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const stem = base.replace(/\.(js|ts)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}/index.ts`, `${stem}.js`]) {
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return `${base} (missing)`;
}

const layerOf = (file) => LAYERS.findIndex(([, prefixes]) => prefixes.some((p) => file.startsWith(p)));
const inAny = (file, prefixes) => prefixes.some((p) => file.startsWith(p));

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const findings = [];

for (const [file, imports] of graph) {
  for (const target of imports) {
    if (target.endsWith('(missing)')) {
      findings.push(`${file} imports ${target}`);
      continue;
    }
    if (inAny(file, CDK)) {
      if (!inAny(target, CDK) && !inAny(target, CDK_MAY_IMPORT))
        findings.push(`${file} → ${target}: the CDK app imports no code but the outputs table`);
      continue;
    }
    if (inAny(target, SHARED_DATA)) continue;
    if (inAny(target, CDK)) {
      findings.push(`${file} → ${target}: only the CDK app imports lib/`);
      continue;
    }
    const [from, to] = [layerOf(file), layerOf(target)];
    if (file.startsWith('lambda/') || file.startsWith('bin/cli/') || file === 'bin/calpub.ts') {
      if (from < 0) findings.push(`${file}: in no layer of .ci/import-graph.mjs (add it to LAYERS)`);
      else if (to < 0) findings.push(`${target}: in no layer of .ci/import-graph.mjs (add it to LAYERS)`);
      else if (to > from) findings.push(`${file} (${LAYERS[from][0]}) → ${target} (${LAYERS[to][0]}): imports upward`);
    }
  }
}

// Cycles: strongly connected components of more than one file (Tarjan).
let index = 0;
const state = new Map();
const stack = [];
function connect(v) {
  const s = { index, low: index, onStack: true };
  index++;
  state.set(v, s);
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!state.has(w)) {
      connect(w);
      s.low = Math.min(s.low, state.get(w).low);
    } else if (state.get(w).onStack) s.low = Math.min(s.low, state.get(w).index);
  }
  if (s.low === s.index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) findings.push(`a cycle: ${component.sort().join(' ↔ ')}`);
  }
}
for (const v of graph.keys()) if (!state.has(v)) connect(v);

// Output paths: written once, in the outputs table; everything else asks `outputPath`/`urlOf` for them.
// Every line of code (not comments) is searched, strings and templates alike, for a path's file name
// written as a path: at a quote, after `/` or `}` (`${siteUrl}rss.xml`, 'tags/' + slug + '/rss.xml'),
// and not followed by more of a name. Words such as 'Download .ics' or 'section schedule.json' are not.
const table = readFileSync(path.join(root, 'lambda/core/outputs.ts'), 'utf8');
const outputPaths = [...table.matchAll(/path: [`']([^`']+)[`']/g)].map((m) => m[1]);
const escapeRegex = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shapes = [...new Set(outputPaths.map((p) => p.slice(p.lastIndexOf('/') + 1)))].map((name) =>
  name.startsWith('<event>')
    ? new RegExp(`\\}${escapeRegex(name.slice('<event>'.length))}(?![\\w.])`)
    : new RegExp(`(?:^|[/}'"\`])${escapeRegex(name)}(?![\\w.-])`),
);
const literals = [];
for (const file of files.filter((f) => f.startsWith('lambda/core/') && f !== 'lambda/core/outputs.ts')) {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments may name a file
    if (shapes.some((shape) => shape.test(line))) literals.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
  });
}
for (const l of literals) findings.push(`an output path outside the outputs table: ${l}`);

if (process.argv.includes('--list')) {
  LAYERS.forEach(([name], i) => {
    console.log(`${i}. ${name}`);
    for (const f of files.filter((f) => layerOf(f) === i)) console.log(`     ${f} → ${graph.get(f).join(', ') || '–'}`);
  });
}
const edges = [...graph.values()].reduce((n, list) => n + list.length, 0);
if (findings.length) {
  console.error(findings.join('\n'));
  console.error(
    `import graph: ${findings.length} findings (${files.length} files, ${edges} imports, ${literals.length} output paths outside the table)`,
  );
  process.exit(1);
}
console.log(
  `import graph: no cycle, no upward import, no output path outside the table (${files.length} files, ${edges} imports)`,
);
