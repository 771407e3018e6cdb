/**
 * Worker-thread entry (bundled as dist/page-worker.cjs): takes chunks of the pages of a build and
 * sends their outcomes back, chunk by chunk. See parallel-pages.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { chunksOf, type SharedPageJob, type WorkerMessage } from './parallel-pages';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  for (const chunk of chunksOf(workerData as SharedPageJob)) post(chunk); // its bytes are in shared memory: not copied
  post({ finished: true });
} catch (err) {
  post({ error: (err as Error).message }); // an unreadable file: the build fails as it would on one thread
}
