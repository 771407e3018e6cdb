/**
 * A FileSink that hands files to a writer thread: the build's main thread renders and hashes the next
 * outputs while the writer makes folders and files (on a cold build of 10,000 pages, creating about
 * 20,000 files costs several seconds of system calls). At most WINDOW bytes wait in the queue, so
 * memory stays bounded when the disk is slower than rendering.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { syncFileSink, type FileSink } from '../../lambda/adapters/fs';

/** Messages to the writer. */
export type ToWriter = { readonly kind: 'write'; readonly target: string; readonly segments: readonly Uint8Array[]; readonly size: number } | { readonly kind: 'end' };
/** Messages from the writer. */
type FromWriter = { readonly kind: 'ack'; readonly bytes: number } | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'ended' };

/** Bytes allowed to wait for the writer (`CALPUB_WRITER_WINDOW` overrides it, for tests). */
const WINDOW = Number(process.env.CALPUB_WRITER_WINDOW ?? 64 * 2 ** 20);

/** The bundled writer next to the bundled CLI; absent when running from TypeScript sources. */
const WORKER_SCRIPT = path.join(__dirname, 'file-writer-worker.cjs');

/**
 * A writer thread when the bundle provides one and there are at least `minFiles` files to expect,
 * else writing on this thread (a thread costs about 30 ms to start).
 */
export function fileSinkFor(expectedFiles: number, minFiles = Number(process.env.CALPUB_PARALLEL_MIN ?? 500)): FileSink {
  return expectedFiles >= minFiles && existsSync(WORKER_SCRIPT) ? threadedFileSink() : syncFileSink();
}

function threadedFileSink(): FileSink {
  const worker = new Worker(WORKER_SCRIPT);
  let queued = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let ended: (() => void) | null = null;
  let closing = false;
  let waits = 0;
  let peak = 0;
  const stop = (err: Error) => {
    failure ??= err;
    wake?.();
    ended?.();
  };
  worker.on('message', (message: FromWriter) => {
    if (message.kind === 'ack') {
      queued -= message.bytes;
      if (queued <= WINDOW / 2) wake?.();
    } else if (message.kind === 'error') stop(new Error(message.message));
    else ended?.();
  });
  worker.on('error', stop);
  worker.on('exit', (code) => closing || stop(new Error(`the file writer stopped (exit code ${code})`)));
  return {
    describe: () => `a writer thread; waited for it ${waits} times, at most ${peak} bytes queued`,
    async write(target, segments) {
      if (failure) throw failure;
      const { sendable, transfer, size } = handOver(segments);
      worker.postMessage({ kind: 'write', target, segments: sendable, size } satisfies ToWriter, transfer);
      queued += size;
      peak = Math.max(peak, queued);
      if (queued > WINDOW) {
        waits++;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      wake = null;
      if (failure) throw failure;
    },
    async close() {
      if (!failure) {
        const done = new Promise<void>((resolve) => (ended = resolve));
        worker.postMessage({ kind: 'end' } satisfies ToWriter);
        await done;
      }
      closing = true;
      await worker.terminate();
      if (failure) throw failure;
    },
  };
}

/**
 * Segments as they cross to the writer without copies: those in shared memory (`sharedBytes`) are
 * seen by both threads; a buffer that owns its memory is handed over (the writer then holds the only
 * copy); any other (a slice of Node's buffer pool) is copied first, since sending it would copy the
 * whole pool.
 */
function handOver(segments: readonly Buffer[]): { sendable: Uint8Array[]; transfer: ArrayBuffer[]; size: number } {
  const transfer: ArrayBuffer[] = [];
  let size = 0;
  const sendable = segments.map((segment) => {
    size += segment.byteLength;
    if (segment.buffer instanceof SharedArrayBuffer) return segment;
    const owned = segment.byteOffset === 0 && segment.byteLength === segment.buffer.byteLength ? segment : Uint8Array.prototype.slice.call(segment);
    transfer.push(owned.buffer as ArrayBuffer);
    return owned;
  });
  return { sendable, transfer, size };
}
