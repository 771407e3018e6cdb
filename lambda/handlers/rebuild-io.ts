/**
 * Object-storage chores of a rebuild: the state document it keeps between runs, concurrent reads,
 * and writing the outputs whose bytes changed.
 */
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';
import type { BuildState, EventMemory, OutputFile } from '../core/model';
import type { PageOutcome } from '../core/page';
import { parseState } from '../core/memory';
import type { ObjectStore } from '../adapters/object-store';
import { joinSegments, planOutput, type ManifestEntry } from '../adapters/output-manifest';

/** Cache-Control of published files: fresh for 5 minutes, then served stale while revalidating. */
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=600, stale-if-error=86400';

const gzipAsync = promisify(gzip);

/** Maps `items` with at most `limit` calls in flight; results in input order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}


/** Everything remembered between rebuilds, in one object so one conditional write guards it. */
export interface RemoteState {
  readonly version: 1;
  readonly key: string;
  readonly config: { readonly etag: string; readonly text: string } | null;
  readonly memories: BuildState;
  readonly manifest: Record<string, ManifestEntry>;
  readonly pages: Record<string, { readonly etag: string; readonly outcome: PageOutcome }>;
  /** When the site listing was last compared with the manifest (epoch ms). */
  readonly checkedAt?: number;
}

/**
 * Starts PUTting the outputs whose inputs or bytes changed, and returns once every output is planned
 * (the manifest is complete) and every PUT started: `uploaded` settles when they are done, so the
 * caller can prepare the state meanwhile. Per-event files come first and the aggregate files
 * (calendar.ics, feeds, schedule) in the order the core yields them, after them.
 */
export async function startWritingOutputs(
  site: ObjectStore,
  outputs: Iterable<OutputFile>,
  before: Record<string, ManifestEntry>,
  keyPrefix: string,
  onSite: ReadonlyMap<string, string>,
): Promise<{ manifest: Record<string, ManifestEntry>; written: string[]; uploaded: Promise<void> }> {
  const manifest: Record<string, ManifestEntry> = {};
  const written: string[] = [];
  const pending: Array<Promise<unknown>> = [];
  for (const output of outputs) {
    const { entry, segments } = planOutput(output, before[output.path], keyPrefix, onSite.get(output.path));
    manifest[output.path] = entry;
    if (!segments) continue;
    const bytes = joinSegments(segments);
    written.push(output.path);
    pending.push(site.put(output.path, bytes, { contentType: output.contentType, cacheControl: CACHE_CONTROL }));
    if (pending.length >= 32) await Promise.all(pending.splice(0));
    // Let a large file's upload send its bytes while the next output renders.
    else if (bytes.length > 64 * 1024) await new Promise(setImmediate);
  }
  const uploaded = Promise.all(pending).then(() => undefined);
  uploaded.catch(() => undefined); // handled where it is awaited; not an unhandled rejection meanwhile
  return { manifest, written, uploaded };
}

/** The text of a gzip state object; null when it cannot be read (the rebuild then starts afresh). */
export function unzip(bytes: Buffer): string | null {
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch {
    return null;
  }
}

export function unquote(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '');
}

/**
 * The state as stored: JSON lines, gzipped. One line `[path, etag, outcome]` per page, then a last
 * line with everything else. The pages are grouped in buckets by a hash of their path, one gzip member
 * per bucket (a gzip file may hold several members, read back as one text): a warm container that saves
 * the state after an edit serializes and compresses the edited page's bucket only, and keeps no text
 * of the state in memory, only the compressed members.
 */
export interface StateDocument {
  readonly state: RemoteState;
  /** The last line. */
  readonly headText: string;
}

const EMPTY_REMOTE_STATE: RemoteState = { version: 1, key: '', config: null, memories: { version: 1, events: {} }, manifest: {}, pages: {} };
const FORMAT = 2;

/** The last line of the state: everything but the pages. */
export function serializeHead(state: RemoteState): string {
  const { pages: _pages, ...rest } = state;
  return JSON.stringify({ ...rest, format: FORMAT });
}

/** The stored form of a state: the pages' members, then the last line (`pagesPart` may be compressing already). */
export async function compressState(pagesPart: Promise<Buffer>, headText: string): Promise<Buffer> {
  return Buffer.concat([await pagesPart, gzipSync(headText, { level: 1 })]);
}

/** Buckets of pages, each one gzip member: about 40 pages each at 10,000 pages. */
const BUCKETS = 256;

/** One compressed bucket: its pages (in order) and its gzip member. */
export interface CompressedBucket {
  readonly paths: readonly string[];
  readonly member: Promise<Buffer>;
}

/** The pages' part of a state compressed, and its buckets (to reuse next time). */
export interface CompressedPages {
  readonly compressed: Promise<Buffer>;
  readonly buckets: ReadonlyMap<number, CompressedBucket>;
}

/**
 * Compresses the pages off the main thread, one gzip member per bucket. A bucket of `previous`
 * holding the same pages, each `unchanged` since, is reused as it is.
 */
export function compressPages(pages: RemoteState['pages'], unchanged: (path: string) => boolean, previous?: ReadonlyMap<number, CompressedBucket>): CompressedPages {
  const grouped = new Map<number, string[]>();
  for (const path of Object.keys(pages).sort()) {
    const bucket = bucketOf(path);
    const list = grouped.get(bucket);
    if (list) list.push(path);
    else grouped.set(bucket, [path]);
  }
  const buckets = new Map<number, CompressedBucket>();
  for (const bucket of [...grouped.keys()].sort((a, b) => a - b)) {
    const paths = grouped.get(bucket) as string[];
    const before = previous?.get(bucket);
    const same = before && before.paths.length === paths.length && paths.every((p, i) => p === before.paths[i] && unchanged(p));
    buckets.set(bucket, same ? before : { paths, member: compressLines(paths.map((p) => JSON.stringify([p, pages[p].etag, pages[p].outcome]))) });
  }
  const compressed = Promise.all([...buckets.values()].map((b) => b.member)).then((parts) => Buffer.concat(parts));
  compressed.catch(() => undefined);
  return { compressed, buckets };
}

function compressLines(lines: readonly string[]): Promise<Buffer> {
  const text = `${lines.join('\n')}\n`;
  // One output buffer as large as the input: zlib then compresses it in one job on the thread pool,
  // instead of one job per 16 KB chunk, each waiting for the busy main thread to schedule the next.
  const member = gzipAsync(text, { level: 1, chunkSize: Math.max(64 * 1024, text.length) });
  member.catch(() => undefined); // awaited with the others; not an unhandled rejection meanwhile
  return member;
}

/** A page's bucket: FNV-1a of its path (stable across processes and versions of Node). */
function bucketOf(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

/** Parses a stored state; an empty one when it is missing or unreadable (the rebuild then starts afresh). */
export function parseRemoteState(text: string | null): StateDocument {
  const empty = { state: EMPTY_REMOTE_STATE, headText: '' };
  if (!text) return empty;
  try {
    const cut = text.lastIndexOf('\n');
    const headText = text.slice(cut + 1);
    const data = JSON.parse(headText) as Omit<RemoteState, 'pages'> & { format?: number };
    if (data?.format !== FORMAT || data.version !== 1 || typeof data.manifest !== 'object') return empty;
    const pages: Record<string, RemoteState['pages'][string]> = {};
    for (const row of cut > 0 ? text.slice(0, cut).split('\n') : []) {
      if (!row) continue;
      const [path, etag, outcome] = JSON.parse(row) as [string, string, PageOutcome];
      pages[path] = { etag, outcome };
    }
    const { format: _format, ...rest } = data;
    const memories = parseState(JSON.stringify(data.memories)) as { version: 1; events: Record<string, EventMemory> };
    return { state: { ...rest, memories, pages }, headText };
  } catch {
    return empty; // unreadable state: rebuild from scratch (outputs compare by bytes, so nothing is lost)
  }
}
