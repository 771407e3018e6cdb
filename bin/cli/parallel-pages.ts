/**
 * Processes the pages a build must (re)process on every core: this thread and one worker thread per
 * other core take chunks of pages from a shared counter until none is left. With each page, a thread
 * renders its event's items (`prerender`) and makes its cache line, so that work is shared too. All
 * of it is pure (text, configuration and previous memory in, plain data out), so where it runs
 * changes no byte. On this 2-vCPU VM a cold build of 10,000 pages spends ~3.9 s here instead of
 * ~5.5 s on one thread (calendars only; ~5.7 s instead of ~7.4 s with the feeds): two threads each
 * run ~40 % slower than one alone, as two processes do. Small jobs stay on this thread: a worker
 * costs about 50 ms to start.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readPage } from '../../lambda/adapters/fs';
import { siteConfigOf, type PreparedItems } from '../../lambda/core/build';
import { configKeyOf, prerender } from '../../lambda/core/event-items';
import type { EventMemory, SiteConfig } from '../../lambda/core/model';
import { cacheLine, readCacheLine } from '../../lambda/core/page-cache';
import { packItems, unpackItems, type PackedItems } from './prepared-items';
import { encodeShared, textsOf, type SharedBlock } from '../../lambda/core/parts';
import { processPage, slimPieces, type EventPieces, type PageOutcome } from '../../lambda/core/page';
import { publishes } from '../../lambda/core/read/config';

/** What a worker is given. */
export interface PageJob {
  readonly root: string;
  readonly paths: readonly string[];
  readonly configText: string | null;
  readonly siteUrl?: string;
  /**
   * The build clock and what the previous build remembered of each event: given both, the threads
   * also render each event's items for the outputs (see `prerender`).
   */
  readonly itemsFor?: { readonly now: number; readonly memories: Readonly<Record<string, EventMemory>> };
  /** Each page's version (as `paths`): given, the threads also make the pages' cache lines. */
  readonly versions?: readonly string[];
  /**
   * Pages reused from the page cache whose items the threads render too (with `itemsFor`): the cache
   * file's bytes and where each page's line is in them (offset, length pairs).
   */
  readonly cached?: { readonly bytes: SharedArrayBuffer; readonly units: Uint32Array };
}

/** A job shared by threads: each takes the next chunk of `CHUNK` pages from the shared counter. */
export interface SharedPageJob extends PageJob {
  /** An Int32Array's buffer: the index of the next chunk to take. */
  readonly next: SharedArrayBuffer;
}

/** What a worker sends back: the outcomes of each chunk it took, then that it has finished, or an error. */
export type WorkerMessage =
  | ChunkDone
  | { readonly finished: true }
  | { readonly error: string };

/** The outcomes of one chunk of pages and the items rendered ahead for them. */
export interface ChunkDone {
  readonly chunk: number;
  /** The pages of the chunk, in order. */
  readonly files: readonly string[];
  /** Their outcomes (none for pages reused from the cache: the assembly has them). */
  readonly outcomes: PageOutcome[];
  readonly items: PackedItems | null;
  /** The pages' cache lines (`cacheLine`), when the job gave their versions. */
  readonly lines: SharedBlock | null;
}

/**
 * Pages per chunk. Threads take chunks until none is left, so a thread that starts late or runs slow
 * takes fewer, and the outcomes reach this thread while the others still work.
 */
export const CHUNK = 100;

/** Progress granularity (pages). */
const PROGRESS_EVERY = 250;

/** Below this many pages to process, everything stays on this thread. `CALPUB_PARALLEL_MIN` overrides it (tests). */
const PARALLEL_MIN = Number(process.env.CALPUB_PARALLEL_MIN ?? 500);

/** The bundled worker next to the bundled CLI; absent when running from TypeScript sources. */
const WORKER_SCRIPT = path.join(__dirname, 'page-worker.cjs');

/** What the threads made of a job. */
export interface PagesDone {
  /** The outcomes of the job's `paths`, in order (slim pieces where items were rendered ahead). */
  readonly outcomes: PageOutcome[];
  /** Items rendered ahead, by page. */
  readonly prepared: Map<string, PreparedItems>;
  /** Cache lines made, by page. */
  readonly lines: Map<string, Uint8Array>;
  /** The full pieces of a page given slim ones (read back from its cache line). */
  readonly fullPieces: (file: string) => EventPieces | null;
  readonly threads: number;
}

/**
 * Outcomes of `paths` (in order), and how many threads made them. `onProgress` gets the count of pages done so far, now and then.
 * Throws, like a single-threaded build, when a file cannot be read.
 */
export async function processPages(job: PageJob, onProgress: (done: number) => void): Promise<PagesDone> {
  const threads = Math.min(availableParallelism(), 4);
  const cachedCount = job.cached ? job.cached.units.length / 2 : 0;
  const parallel = threads > 1 && job.paths.length + cachedCount >= PARALLEL_MIN && existsSync(WORKER_SCRIPT);
  // Without other threads, reused pages' items are rendered by the assembly, as they are.
  const shared: SharedPageJob = { ...job, cached: parallel && job.itemsFor ? job.cached : undefined, next: new SharedArrayBuffer(4) };
  const results: PageOutcome[][] = [];
  const prepared = new Map<string, PreparedItems>();
  const lines = new Map<string, Uint8Array>();
  let done = 0;
  const received = ({ chunk, files, outcomes, items, lines: chunkLines }: ChunkDone) => {
    results[chunk] = outcomes;
    if (items) unpackItems(items, files, prepared);
    if (chunkLines) textsOf(chunkLines).forEach((line, i) => lines.set(files[i], line));
    done += outcomes.length;
  };
  const workers = parallel ? Array.from({ length: threads - 1 }, () => runWorker(shared, received)) : [];
  workers.forEach((w) => w.catch(() => undefined)); // awaited below; not unhandled meanwhile
  let shown = 0;
  for (const chunk of chunksOf(shared)) {
    received(chunk);
    if (done - shown >= PROGRESS_EVERY) onProgress((shown = done));
    if (parallel) await new Promise(setImmediate); // lets the workers' chunks in
  }
  await Promise.all(workers);
  const fullPieces = (file: string) => {
    const line = lines.get(file);
    return line ? readCacheLine(Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8')).outcome.pieces : null;
  };
  return { outcomes: results.flat(), prepared, lines, fullPieces, threads: workers.length + 1 };
}

/** Takes chunks of the job until none is left: what every thread runs. */
export function* chunksOf(job: SharedPageJob): Generator<ChunkDone> {
  const config = siteConfigOf(job.configText, job.siteUrl);
  const configKey = configKeyOf(config);
  const keepHtml = publishes(config, 'pages');
  const next = new Int32Array(job.next);
  const freshChunks = Math.ceil(job.paths.length / CHUNK);
  const chunks = freshChunks + Math.ceil((job.cached?.units.length ?? 0) / 2 / CHUNK);
  for (let chunk = Atomics.add(next, 0, 1); chunk < chunks; chunk = Atomics.add(next, 0, 1)) {
    if (chunk >= freshChunks) {
      yield cachedChunk(job, chunk, chunk - freshChunks, config, configKey);
      continue;
    }
    const first = chunk * CHUNK;
    const paths = job.paths.slice(first, first + CHUNK);
    const outcomes = paths.map((rel) => processPage(readPage(job.root, rel), config));
    const ahead = job.itemsFor;
    const items = ahead ? packItems(outcomes.map((o) => prerender(o, o.event ? ahead.memories[o.event.id] : undefined, config, configKey, ahead.now))) : null;
    const versions = job.versions;
    const lines = versions ? encodeShared(outcomes.map((o, i) => cacheLine(paths[i], versions[first + i], o))) : null;
    // The full pieces travel in the cache lines: the outcomes sent along need only what the assembly reads.
    if (items && lines) {
      outcomes.forEach((o, i) => {
        if (items.keys[i] !== null && o.pieces) outcomes[i] = { ...o, pieces: slimPieces(o.pieces, keepHtml) };
      });
    }
    yield { chunk, files: paths, outcomes, items, lines };
  }
}

/** Items of pages reused from the cache, read from their cache lines (`index`: which chunk of them). */
function cachedChunk(job: SharedPageJob, chunk: number, index: number, config: SiteConfig, configKey: string): ChunkDone {
  const { bytes, units } = job.cached as NonNullable<PageJob['cached']>;
  const { now, memories } = job.itemsFor as NonNullable<PageJob['itemsFor']>;
  const text = Buffer.from(bytes);
  const files: string[] = [];
  const ahead = [];
  for (let u = index * CHUNK; u < Math.min((index + 1) * CHUNK, units.length / 2); u++) {
    const { path: file, outcome } = readCacheLine(text.toString('utf8', units[2 * u], units[2 * u] + units[2 * u + 1]));
    files.push(file);
    ahead.push(prerender(outcome, outcome.event ? memories[outcome.event.id] : undefined, config, configKey, now));
  }
  return { chunk, files, outcomes: [], items: packItems(ahead), lines: null };
}

function runWorker(job: SharedPageJob, onChunk: (done: ChunkDone) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: job });
    worker.on('message', (message: WorkerMessage) => {
      if ('chunk' in message) onChunk(message);
      else if ('finished' in message) resolve();
      else reject(new Error(message.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`page worker stopped (exit code ${code}) before sending its pages`)));
  });
}
