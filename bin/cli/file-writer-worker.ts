/**
 * Worker-thread entry (bundled as dist/file-writer-worker.cjs): writes the files it is sent, in
 * order, and acknowledges each. See writer-thread.ts.
 */
import { parentPort } from 'node:worker_threads';
import { writeFileAtomicSync } from '../../lambda/adapters/fs';
import type { ToWriter } from './writer-thread';

const folders = new Set<string>();
let failed = false;
parentPort?.on('message', (message: ToWriter) => {
  if (message.kind === 'end') {
    parentPort?.postMessage({ kind: 'ended' });
    return;
  }
  if (failed) return; // the first failure was reported; the build stops there
  try {
    writeFileAtomicSync(message.target, message.segments, folders);
    parentPort?.postMessage({ kind: 'ack', bytes: message.size });
  } catch (err) {
    failed = true;
    parentPort?.postMessage({ kind: 'error', message: (err as Error).message });
  }
});
