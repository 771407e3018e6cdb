/**
 * Processes the pages a build must (re)process on every core: this thread takes one share, and one
 * worker thread per other core takes another. Processing a page is pure (its text and the site
 * configuration in, a plain-data outcome out), so where it runs changes no byte; on 2 cores a cold
 * build of 10,000 pages spends about half as long here. Small jobs stay on this thread: a worker
 * costs about 50 ms to start.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readPage } from '../../lambda/adapters/fs-store';
import { siteConfigOf } from '../../lambda/core/build';
import { processPage, type PageOutcome } from '../../lambda/core/page';

/** What a worker is given. */
export interface PageJob {
  readonly root: string;
  readonly paths: readonly string[];
  readonly configText: string | null;
  readonly siteUrl?: string;
}

/** What a worker sends back: progress, then its outcomes (in the order of its paths), or an error. */
export type WorkerMessage = { readonly done: number } | { readonly outcomes: PageOutcome[] } | { readonly error: string };

/** Progress granularity (pages). */
export const PROGRESS_EVERY = 250;

/** Below this many pages to process, everything stays on this thread. `CALPUB_PARALLEL_MIN` overrides it (tests). */
const PARALLEL_MIN = Number(process.env.CALPUB_PARALLEL_MIN ?? 500);

/** The bundled worker next to the bundled CLI; absent when running from TypeScript sources. */
const WORKER_SCRIPT = path.join(__dirname, 'page-worker.cjs');

/**
 * Outcomes of `paths` (in order), and how many threads made them. `onProgress` gets the count of pages done so far, now and then.
 * Throws, like a single-threaded build, when a file cannot be read.
 */
export async function processPages(job: PageJob, onProgress: (done: number) => void): Promise<{ outcomes: PageOutcome[]; threads: number }> {
  const threads = Math.min(availableParallelism(), 4);
  const parallel = threads > 1 && job.paths.length >= PARALLEL_MIN && existsSync(WORKER_SCRIPT);
  const shares = parallel ? split(job.paths, threads) : [job.paths];
  const workerDone = new Array<number>(shares.length).fill(0);
  let mineDone = 0;
  const report = () => onProgress(mineDone + workerDone.reduce((a, b) => a + b, 0));
  const workers = shares.slice(1).map((paths, i) => runWorker({ ...job, paths }, (done) => {
    workerDone[i + 1] = done;
  }));
  workers.forEach((w) => w.catch(() => undefined)); // awaited below; not unhandled meanwhile
  const mine: PageOutcome[] = [];
  for (const outcome of outcomesOf({ ...job, paths: shares[0] })) {
    mine.push(outcome);
    if (++mineDone % PROGRESS_EVERY === 0) {
      report();
      await new Promise(setImmediate); // lets the workers' progress messages in
    }
  }
  const theirs = await Promise.all(workers);
  return { outcomes: [mine, ...theirs].flat(), threads: shares.length };
}

/** The outcome of each page of `job`, in order: what every thread runs on its share. */
export function* outcomesOf(job: PageJob): Generator<PageOutcome> {
  const config = siteConfigOf(job.configText, job.siteUrl);
  for (const rel of job.paths) yield processPage(readPage(job.root, rel), config);
}

function runWorker(job: PageJob, onDone: (done: number) => void): Promise<PageOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: job });
    worker.on('message', (message: WorkerMessage) => {
      if ('done' in message) onDone(message.done);
      else if ('outcomes' in message) resolve(message.outcomes);
      else reject(new Error(message.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`page worker stopped (exit code ${code}) before sending its pages`)));
  });
}

/** `items` in `n` contiguous shares of (nearly) equal size. */
function split<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / n);
  return Array.from({ length: n }, (_, i) => items.slice(i * size, (i + 1) * size));
}
