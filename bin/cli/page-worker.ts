/**
 * Worker-thread entry (bundled as dist/page-worker.cjs): processes a share of the pages of a build
 * and sends their outcomes back. See parallel-pages.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageOutcome } from '../../lambda/core/page';
import { outcomesOf, PROGRESS_EVERY, type PageJob, type WorkerMessage } from './parallel-pages';

const outcomes: PageOutcome[] = [];
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  for (const outcome of outcomesOf(workerData as PageJob)) {
    outcomes.push(outcome);
    if (outcomes.length % PROGRESS_EVERY === 0) post({ done: outcomes.length });
  }
  post({ outcomes });
} catch (err) {
  post({ error: (err as Error).message }); // an unreadable file: the build fails as it would on one thread
}
