/**
 * `calpub build` and `calpub check`: read a content folder, run the core, write the site (build only),
 * report problems, and print a one-line summary.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite } from '../../lambda/core/build';
import type { Memory, OutputFile, Problem } from '../../lambda/core/model';
import { EMPTY_MEMORY, memoryChunks, readMemory } from '../../lambda/core/memory';
import { decodePage } from '../../lambda/core/read/decode';
import { isEventPage } from '../../lambda/core/read/identity';
import type { SiteConfig } from '../../lambda/core/model';
import { OUTPUTS, outputAt } from '../../lambda/core/outputs';
import {
  chunkEncoder,
  foreignFiles,
  readPrivate,
  writePrivate,
  writeSite,
  type WriteSummary,
} from '../../lambda/adapters/fs';
import { problemsAsFiles, readSourcePages, sourcePages, type ContentSource, type SourcePage } from './content-source';
import { contentKeyOf, OutcomeStore, runningCodeVersion } from '../../lambda/adapters/outcome-store';
import type { ListedPage } from '../../lambda/adapters/page-outcomes';
import { buildFromStore } from '../../lambda/adapters/build-from-store';
import { rejectedFiles, reportText, tally, type Reported } from '../../lambda/core/report';

/** Options shared by build and check. */
export interface BuildOptions {
  readonly source: ContentSource;
  readonly out: string;
  /** Overwrite files calpub did not write (another tool's) at the paths of its outputs. */
  readonly force?: boolean;
  readonly now: number;
  readonly report: string | null;
  readonly strict: boolean;
  readonly siteUrl?: string;
  /** Where progress and summaries go (stderr for progress, stdout for the summary). */
  readonly log: (line: string) => void;
  readonly progress: (line: string) => void;
}

/** What one build did, for the caller. */
export interface BuildOutcome {
  readonly write: WriteSummary;
  readonly seconds: number;
  readonly exitCode: number;
}

/** What a build hands the writer: the files, or null when nothing may be written. */
interface Built {
  readonly outputs: Iterable<OutputFile> | null;
  /** Files to write even where calpub's manifest says they are up to date (another tool changed them: --force). */
  readonly rewrite?: ReadonlySet<string>;
  readonly reported: Reported;
  /** Why nothing is written, for the last line. */
  readonly notWritten: string | null;
}

const MEMORY_FILE = 'state.json';
/** The memory the last save replaced: an unreadable memory is recovered from it. */
const MEMORY_COPY = 'state.previous.json';
const STORE_FILE = 'outcomes.jsonl';

/**
 * The event pages among `sources`, each read once with its content key. The memory's copy of a text
 * when it is the same: a large site's texts are held once, not twice. (Pages on several threads were
 * measured and dropped: on this 2-vCPU machine they gained nothing, the outcomes' allocation and
 * garbage collection in this thread being the bottleneck.)
 */
function readListed(sources: readonly SourcePage[], remembered: Memory['lastGood']): ListedPage[] {
  return sources.map((page) => {
    const bytes = readFileSync(page.file);
    const { text, encoding } = decodePage(page.path, bytes);
    return {
      path: page.path,
      text: remembered[page.path] === text ? remembered[page.path] : text,
      ...(encoding ? { encoding } : {}),
      ...(page.language ? { language: page.language } : {}),
      contentKey: contentKeyOf(bytes),
    };
  });
}

/** Builds `content` into `out`. Throws only for unreadable folders (infrastructure, not content). */
export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const started = process.hrtime.bigint();
  const timer = phaseTimer(started);
  const { outputs, rewrite, reported, notWritten } = await buildAndSaveState(options, timer.phase);
  for (const line of formatProblems(reported.problems, PROBLEMS_SHOWN, options.report)) options.progress(line);
  if (reported.published.length >= 1000) options.progress('calpub: writing the site');
  const write = outputs ? writeSite(options.out, outputs, rewrite) : { written: [], deleted: [], unchanged: 0 };
  if (options.report) writeReport(options.report, reported);
  timer.phase('site files');
  // CALPUB_TIMINGS=1 prints where the time went (used by bench/).
  if (process.env.CALPUB_TIMINGS) options.progress(`calpub: timings: ${timer.phases.join(', ')}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (notWritten) {
    options.log(`calpub: nothing written: ${notWritten}`);
    return { write, seconds, exitCode: 1 };
  }
  options.log(summaryLine(reported, seconds, write));
  return { write, seconds, exitCode: options.strict && failsStrict(reported.problems) ? 1 : 0 };
}

/**
 * Reads the pages and the state, runs the core, and saves the next memory and outcome store. Saved
 * before the site is written, so that the pages' texts and the outcomes' serialized lines are not
 * held while it is (on a large site, a few hundred MB); the outputs depend on nothing but the
 * memory saved, so a build interrupted while writing them makes the same files when run again.
 */
async function buildAndSaveState(options: BuildOptions, phase: (name: string) => void): Promise<Built> {
  const memoryBefore = readPrivate(options.out, MEMORY_FILE);
  const { memory, status, lost } = memoryOf(options.out, memoryBefore);
  const store = OutcomeStore.parse(readPrivate(options.out, STORE_FILE), runningCodeVersion());
  const sources = sourcePages(options.source);
  const { result, made } = await buildFromStore({
    configText: options.source.configText,
    memory,
    now: options.now,
    siteUrl: options.siteUrl,
    paths: sources.map((p) => p.path),
    list: (config) =>
      readListed(
        sources.filter((p) => isEventPage(p.path, config.sections)),
        memory.lastGood,
      ),
    read: () => Promise.reject(new Error('every page was read')), // the CLI reads every page when listing
    store,
    progress: (done, total) => options.progress(`calpub: ${done}/${total} pages`),
  });
  const reported = {
    published: result.published,
    languages: result.languages,
    problems: [...problemsAsFiles(options.source, sources, [...options.source.problems, ...result.problems]), ...lost],
    skipped: result.skipped,
  };
  if (result.stopped)
    return {
      outputs: null,
      reported,
      notWritten: 'calpub.yaml has errors (above) and no earlier build applied a good one; fix them and build again',
    };
  phase(`pages (${result.pages - made} of ${result.pages} reused)`);
  // --strict applies nothing that has an error: no site, no state.
  if (options.strict && result.configRejected)
    return {
      outputs: null,
      reported,
      notWritten: 'calpub.yaml has errors (above) and --strict applies no configuration with errors',
    };
  const foreign = foreignFiles(options.out, result.paths(), result.outputs);
  if (foreign.length && !options.force) {
    const some = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
    return {
      outputs: null,
      reported,
      notWritten: `${foreign.length} file(s) in ${options.out} that calpub did not write would be overwritten (${some}); another tool (Hugo?) wrote them. ${avoiding(foreign, result.config)}`,
    };
  }
  const next = chunkEncoder('sha256')(memoryChunks(result.memory));
  if (
    next.hash !==
    createHash('sha256')
      .update(memoryBefore ?? Buffer.alloc(0))
      .digest('base64url')
  ) {
    if (memoryBefore && status === 'ok') writePrivate(options.out, MEMORY_COPY, [memoryBefore]);
    writePrivate(options.out, MEMORY_FILE, next.bytes);
  }
  if (store.changed) writePrivate(options.out, STORE_FILE, store.lines());
  phase('memory and outcomes');
  return { outputs: result.outputs, rewrite: new Set(foreign), reported, notWritten: null };
}

/** How to avoid overwriting another tool's files: the `outputs` without the groups those files are in, when calendars are not among them. */
function avoiding(foreign: readonly string[], config: SiteConfig): string {
  const groups = new Set(
    foreign
      .map((file) => outputAt(file) ?? outputAt(file.slice(file.indexOf('/') + 1)))
      .filter((name) => name !== null)
      .map((name) => OUTPUTS[name].group),
  );
  const kept = config.outputs.filter((group) => !groups.has(group));
  const instead = groups.has('calendars')
    ? ''
    : `leave out ${[...groups].map((g) => `\`${g}\``).join(' and ')} (\`outputs: [${kept.join(', ')}]\` in calpub.yaml), `;
  return `Choose another --out, ${instead}or pass --force to overwrite them`;
}

/**
 * The memory of the last build in `out`: its state, else (unreadable) the copy its last save kept;
 * with a problem saying so when it was lost (unreadable, or missing beside a manifest of files written).
 */
function memoryOf(
  out: string,
  bytes: Buffer | null,
): { memory: Memory; status: 'ok' | 'missing' | 'unreadable'; lost: Problem[] } {
  const read = readMemory(bytes?.toString('utf8') ?? null);
  const file = `${path.basename(out)}/.calpub/${MEMORY_FILE}`;
  const say = (message: string): Problem[] => [{ file, severity: 'warning', field: null, message }];
  if (read.status === 'unreadable') {
    const copy = readMemory(readPrivate(out, MEMORY_COPY)?.toString('utf8') ?? null);
    if (copy.status === 'ok')
      return {
        memory: copy.memory,
        status: 'unreadable',
        lost: say(
          `memory unreadable: recovered from the copy of the one before it (${MEMORY_COPY}); events changed since that build are seen as changed again`,
        ),
      };
    return {
      ...read,
      lost: say(
        'memory unreadable, and no readable copy: SEQUENCE restarts and the last good versions of broken pages are lost',
      ),
    };
  }
  if (read.status === 'missing' && readPrivate(out, 'manifest.json'))
    return {
      ...read,
      lost: say(
        'memory missing although an earlier build wrote this site: SEQUENCE restarts and the last good versions of broken pages are lost',
      ),
    };
  return { ...read, lost: [] };
}

/** Records how long each phase of a build took and the memory after it (`CALPUB_TIMINGS`). */
function phaseTimer(started: bigint): { phase: (name: string) => void; phases: string[] } {
  const phases: string[] = [];
  let last = started;
  const phase = (name: string) => {
    const now = process.hrtime.bigint();
    const m = process.memoryUsage();
    const mb = (n: number) => (n / 2 ** 20).toFixed(0);
    phases.push(
      `${name} ${(Number(now - last) / 1e6).toFixed(0)} ms (rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, buffers ${mb(m.external)} MB)`,
    );
    last = now;
  };
  return { phase, phases };
}

/** Validates `content` without writing anything; exit code 1 when any page has an error. */
export function runCheck(source: ContentSource, now: number, log: (line: string) => void): number {
  const listed = sourcePages(source);
  // A calpub.yaml with errors is reported, and the pages are still checked (with the defaults).
  const built = buildSite({
    pages: readSourcePages(listed),
    configText: source.configText,
    memory: { ...EMPTY_MEMORY, lastGoodConfig: null },
    now,
  });
  const result = { ...built, problems: problemsAsFiles(source, listed, [...source.problems, ...built.problems]) };
  for (const line of formatProblems(result.problems)) log(line);
  const { rejected, warnings } = tally(result.problems);
  log(
    `calpub check: ${result.pages} pages, ${result.published.length} publishable now, ${rejected} rejected, ${warnings} warnings`,
  );
  return rejected > 0 ? 1 : 0;
}

/**
 * Whether `--strict` fails: a file is rejected, or calpub guessed what a CI must not publish on a
 * guess (no time zone found, no absolute base URL). The last line says which.
 */
function failsStrict(problems: readonly Problem[]): boolean {
  return rejectedFiles(problems).size > 0 || problems.some((p) => p.strict);
}

/** `published N, rejected N, warnings N, skipped N, in S s` — the last line a user reads. */
function summaryLine(result: Reported, seconds: number, write?: WriteSummary): string {
  const { rejected, warnings } = tally(result.problems);
  const files = write
    ? `; ${write.written.length} files written, ${write.deleted.length} deleted, ${write.unchanged} unchanged`
    : '';
  const skipped = result.skipped.length ? `, ${result.skipped.length} left out (draft/scheduled/expired)` : '';
  const guesses = result.problems.filter((p) => p.strict).map((p) => p.field);
  const strict = guesses.length
    ? ` (--strict fails: calpub guessed ${guesses.map((f) => `\`${f}\``).join(' and ')})`
    : '';
  return `calpub: published ${result.published.length}, rejected ${rejected}, warnings ${warnings}${strict}${skipped} in ${seconds.toFixed(2)} s${files}`;
}

/** How many problems `build` and `serve` print (`check` prints them all, `--report` lists them all). */
const PROBLEMS_SHOWN = 20;

/**
 * Problems grouped by file, errors first, for people; at most `limit` of them (errors first), then
 * how many more and where to read them.
 */
function formatProblems(problems: readonly Problem[], limit = Infinity, report: string | null = null): string[] {
  const ordered = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const shown = new Set(ordered.slice(0, limit));
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!shown.has(p)) continue;
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    lines.push(file);
    const list = (byFile.get(file) ?? []).sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
    );
    for (const p of list)
      lines.push(`  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.field ? `[${p.field}] ` : ''}${p.message}`);
  }
  const more = problems.length - shown.size;
  if (more > 0)
    lines.push(
      `... and ${more} more problem(s): ${report ? `all are in ${report}` : 'run `calpub check` or add --report <file.json> to see them all'}`,
    );
  return lines;
}

function writeReport(file: string, result: Reported): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, reportText(result));
}
