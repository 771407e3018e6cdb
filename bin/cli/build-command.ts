/**
 * `calpub build` and `calpub check`: read a content folder, run the core, write the site (build only),
 * report problems, and print a one-line summary.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite, siteConfigOf, type BuildResult } from '../../lambda/core/build';
import type { BuildState, Problem } from '../../lambda/core/model';
import { parseState, serializeState } from '../../lambda/core/memory';
import { fileVersion, listPages, readConfigText, readContentDir, readPrivate, readPrivateShared, writePrivate, writePrivateChunks, writeSite, type WriteSummary } from '../../lambda/adapters/fs';
import { cacheChunks, cachedOutcome, cacheKeyOf, entryAfterBuild, nextCache, parseCache, type NextEntry } from '../../lambda/core/page-cache';
import type { PageOutcome } from '../../lambda/core/page';
import { processPages, type PageJob } from './parallel-pages';
import { publishes } from '../../lambda/core/read/config';
import { fileSinkFor } from './writer-thread';

/** Options shared by build and check. */
export interface BuildOptions {
  readonly content: string;
  readonly out: string;
  readonly now: number;
  readonly report: string | null;
  readonly strict: boolean;
  readonly siteUrl?: string;
  /** Where progress and summaries go (stderr for progress, stdout for the summary). */
  readonly log: (line: string) => void;
  readonly progress: (line: string) => void;
  /** Keep rendered feed items for the next build in this process (`serve` rebuilds on change). */
  readonly keepRenderedItems?: boolean;
}

/** What one build did, for the caller (serve prints it, tests inspect it). */
export interface BuildOutcome {
  readonly result: BuildResult;
  readonly write: WriteSummary;
  readonly seconds: number;
  readonly exitCode: number;
}

const STATE_FILE = 'state.json';
const CACHE_FILE = 'pages-cache.jsonl';

/**
 * Page outcomes for every path, reusing the previous build's for files whose size and modification
 * time did not change (same config, same calpub code), and processing the others.
 */
async function processWithCache(options: BuildOptions, paths: readonly string[], configText: string | null, big: boolean, state: BuildState) {
  const config = siteConfigOf(configText, options.siteUrl);
  const key = cacheKeyOf(config, codeVersion());
  const cacheBytes = readPrivateShared(options.out, CACHE_FILE);
  const previous = parseCache(cacheBytes, key);
  const versions = paths.map((rel) => fileVersion(options.content, rel));
  const cached = paths.map((rel, i) => cachedOutcome(previous, rel, versions[i]));
  const toProcess = paths.filter((_, i) => !cached[i]);
  const reused = paths.length - toProcess.length;
  let shown = 0;
  const job = {
    root: options.content,
    paths: toProcess,
    versions: versions.filter((_, i) => !cached[i]),
    configText,
    siteUrl: options.siteUrl,
    itemsFor: { now: options.now, memories: state.events },
    // Feed items are the costly ones to render: the threads render those of reused pages too.
    cached: cacheBytes && publishes(config, 'feeds') ? cachedLines(cacheBytes, paths.filter((_, i) => cached[i]).map((rel) => previous.lines?.get(rel))) : undefined,
  };
  const { outcomes: fresh, prepared, lines, fullPieces, threads } = await processPages(job, (done) => {
    if (!big || done - shown < 1000) return;
    shown = done - (done % 1000);
    options.progress(`calpub: ${reused + shown}/${paths.length} pages`);
  });
  const outcomes = new Map<string, PageOutcome>();
  let next = 0;
  paths.forEach((rel, i) => outcomes.set(rel, cached[i] ?? fresh[next++]));
  const lastGood = new Map(Object.entries(previous.entries).map(([rel, entry]) => [rel, entry.outcome]));
  const entries = paths.map((rel, i): NextEntry => {
    const outcome = outcomes.get(rel) as PageOutcome;
    const entry = entryAfterBuild(versions[i], outcome, previous.entries[rel]?.outcome);
    // The thread's line holds the fresh outcome: not the one a broken page keeps.
    return { path: rel, ...entry, line: entry.outcome === outcome ? lines.get(rel) : undefined };
  });
  return { outcomes, prepared, fullPieces, cache: nextCache(key, entries, previous), reused, threads, previous: lastGood };
}

/** Where the lines of `reused` pages are in the shared bytes of the page cache (offset, length pairs). */
function cachedLines(bytes: Buffer, reused: ReadonlyArray<string | Uint8Array | undefined>): PageJob['cached'] {
  const units = new Uint32Array(2 * reused.length);
  let n = 0;
  for (const line of reused) {
    if (typeof line === 'string' || line?.buffer !== bytes.buffer) continue; // not a line of the file as read
    units[n++] = line.byteOffset;
    units[n++] = line.byteLength;
  }
  return { bytes: bytes.buffer as SharedArrayBuffer, units: units.subarray(0, n) };
}

/**
 * Identifies the running code, so a cache made by other code is never reused. The bundle that
 * `npm run calpub` runs holds all of it; from TypeScript sources (tests, tsx) nothing is cached.
 */
function codeVersion(): string {
  return __filename.endsWith('.cjs') ? createHash('sha1').update(readFileSync(__filename)).digest('hex') : `source-${process.pid}-${Date.now()}`;
}

/** Builds `content` into `out`. Throws only for unreadable folders (infrastructure, not content). */
export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const started = process.hrtime.bigint();
  const { phase, phases } = phaseTimer(started);
  const paths = listPages(options.content);
  const configText = readConfigText(options.content);
  phase('list');
  const state = parseState(await readPrivate(options.out, STATE_FILE));
  const big = paths.length >= 1000;
  const { outcomes, prepared, fullPieces, cache, reused, threads, previous } = await processWithCache(options, paths, configText, big, state);
  const cacheKey = cache.key;
  phase(`pages (${reused} from cache, the others on ${threads} thread${threads > 1 ? 's' : ''}; items of ${prepared.size} rendered ahead)`);
  const result = buildSite({
    outcomes,
    files: [],
    preprocessed: paths,
    lastGood: previous,
    configText,
    state,
    now: options.now,
    siteUrl: options.siteUrl,
    keepRenderedItems: options.keepRenderedItems,
    prepared,
    fullPieces,
  });
  phase('assemble');
  if (big) options.progress('calpub: writing the site');
  const sink = fileSinkFor(2 * outcomes.size);
  const write = await writeSite(options.out, result.outputs, cacheKey, sink);
  phase(`site files (${sink.describe()})`);
  await writePrivate(options.out, STATE_FILE, serializeState(result.state));
  writePrivateChunks(options.out, CACHE_FILE, cacheChunks(cache));
  if (options.report) await writeReport(options.report, result);
  phase('state, cache and report');
  // CALPUB_TIMINGS=1 prints where the time went (used by bench/).
  if (process.env.CALPUB_TIMINGS) options.progress(`calpub: timings: ${phases.join(', ')}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  options.log(summaryLine(result, seconds, write));
  return { result, write, seconds, exitCode: options.strict && rejectedFiles(result.problems).size > 0 ? 1 : 0 };
}

/** Records how long each phase of a build took and the memory after it (`CALPUB_TIMINGS`). */
function phaseTimer(started: bigint): { phase: (name: string) => void; phases: string[] } {
  const phases: string[] = [];
  let last = started;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  const phase = (name: string) => {
    const now = process.hrtime.bigint();
    const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
    phases.push(`${name} ${(Number(now - last) / 1e6).toFixed(0)} ms (heap ${mb(heapUsed)}, buffers ${mb(arrayBuffers)}, rss ${mb(rss)})`);
    last = now;
  };
  return { phase, phases };
}

/** Validates `content` without writing anything; exit code 1 when any page has an error. */
export async function runCheck(content: string, now: number, log: (line: string) => void): Promise<number> {
  const snapshot = await readContentDir(content);
  const result = buildSite({ files: snapshot.files, configText: snapshot.configText, state: null, now });
  for (const line of formatProblems(result.problems)) log(line);
  const rejected = rejectedFiles(result.problems).size;
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  log(`calpub check: ${result.pages} pages, ${result.published.length} publishable now, ${rejected} rejected, ${warnings} warnings`);
  return rejected > 0 ? 1 : 0;
}

/** Files with at least one error: they are not published. */
export function rejectedFiles(problems: readonly Problem[]): Set<string> {
  return new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
}

/** `published N, rejected N, warnings N, skipped N, in S s` — the last line a user reads. */
export function summaryLine(result: BuildResult, seconds: number, write?: WriteSummary): string {
  const rejected = rejectedFiles(result.problems).size;
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  const files = write ? `; ${write.written.length} files written, ${write.deleted.length} deleted, ${write.unchanged} unchanged` : '';
  const skipped = result.skipped.length ? `, ${result.skipped.length} left out (draft/scheduled/expired)` : '';
  return `calpub: published ${result.published.length}, rejected ${rejected}, warnings ${warnings}${skipped} in ${seconds.toFixed(2)} s${files}`;
}

/** Problems grouped by file, errors first, for people. */
export function formatProblems(problems: readonly Problem[]): string[] {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    lines.push(file);
    const list = (byFile.get(file) ?? []).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    for (const p of list) lines.push(`  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.field ? `[${p.field}] ` : ''}${p.message}`);
  }
  return lines;
}

async function writeReport(file: string, result: BuildResult): Promise<void> {
  const report = {
    published: result.published.length,
    problems: result.problems.map((p) => ({ file: p.file, severity: p.severity, field: p.field, message: p.message })),
  };
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
