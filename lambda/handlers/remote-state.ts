/**
 * What the serverless rebuild keeps between runs, in one object of the content bucket (so one
 * conditional write guards all of it): the memory, the manifest of the site (the MD5 of every file
 * written, which is S3's ETag), when the site listing was last checked, and the outcome store, in
 * the store's own line format (outcome-store.ts). Gzipped: one line of JSON, then the store's lines.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Memory } from '../core/model';
import { EMPTY_MEMORY, memoryFrom, serializeMemory } from '../core/memory';

/** The state as read. */
export interface RemoteState {
  readonly memory: Memory;
  /** MD5 (hex) of every file on the site, by path. */
  readonly manifest: Readonly<Record<string, string>>;
  /** When the site listing was last compared with the manifest (epoch ms). */
  readonly checkedAt: number;
  /** The outcome store's bytes, or null. */
  readonly store: Buffer | null;
  /** The first line, to tell whether a rebuild changed anything but the store. */
  readonly head: string;
  /** Whether there was a state object and it could be read: a state that is not `ok` lost the memory. */
  readonly status: 'ok' | 'missing' | 'unreadable';
}

const FORMAT = 3;
const EMPTY: RemoteState = {
  memory: EMPTY_MEMORY,
  manifest: {},
  checkedAt: 0,
  store: null,
  head: '',
  status: 'missing',
};

/** Reads a stored state; an empty one when it is missing or unreadable (`status` says which). */
export function parseRemoteState(gzipped: Buffer | null): RemoteState {
  if (!gzipped) return EMPTY;
  const unreadable: RemoteState = { ...EMPTY, status: 'unreadable' };
  try {
    const bytes = gunzipSync(gzipped);
    const cut = bytes.indexOf(10);
    const head = bytes.toString('utf8', 0, cut < 0 ? bytes.length : cut);
    const data = JSON.parse(head) as {
      format?: number;
      memory?: unknown;
      manifest?: Record<string, string>;
      checkedAt?: number;
    };
    if (data.format !== FORMAT || typeof data.manifest !== 'object' || data.manifest === null) return unreadable;
    return {
      memory: memoryFrom(data.memory),
      manifest: data.manifest,
      checkedAt: data.checkedAt ?? 0,
      store: cut < 0 ? null : bytes.subarray(cut + 1),
      head,
      status: 'ok',
    };
  } catch {
    return unreadable;
  }
}

/**
 * The first line of a state.
 * @param reportHash - a hash of the problem report: a state whose report changed is saved (with the report)
 */
export function stateHead(
  memory: Memory,
  manifest: Readonly<Record<string, string>>,
  checkedAt: number,
  reportHash = '',
): string {
  const sorted = Object.fromEntries(
    Object.keys(manifest)
      .sort()
      .map((k) => [k, manifest[k]]),
  );
  return `{"format":${FORMAT},"memory":${serializeMemory(memory).trimEnd()},"manifest":${JSON.stringify(sorted)},"checkedAt":${checkedAt},"report":${JSON.stringify(reportHash)}}`;
}

/** The stored form of a state: its first line and the store's lines, gzipped. */
export function serializeRemoteState(head: string, storeLines: readonly Buffer[]): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(`${head}\n`), ...storeLines]), { level: 1 });
}
