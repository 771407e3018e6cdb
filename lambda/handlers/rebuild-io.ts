/**
 * Object-storage chores of a rebuild: the state document it keeps between runs, concurrent reads,
 * and writing the outputs whose bytes changed.
 */
import { gunzipSync } from 'node:zlib';
import type { BuildState, EventMemory, OutputFile } from '../core/model';
import type { PageOutcome } from '../core/page';
import { parseState } from '../core/state';
import type { ObjectStore } from '../adapters/object-store';
import { planOutput, type ManifestEntry } from '../adapters/output-manifest';

/** Cache-Control of published files: fresh for 5 minutes, then served stale while revalidating. */
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=600, stale-if-error=86400';

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
    const { entry, bytes } = planOutput(output, before[output.path], keyPrefix, onSite.get(output.path));
    manifest[output.path] = entry;
    if (!bytes) continue;
    written.push(output.path);
    pending.push(site.put(output.path, bytes, { contentType: output.contentType, cacheControl: CACHE_CONTROL }));
    if (pending.length >= 32) await Promise.all(pending.splice(0));
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

export function parseRemoteState(text: string | null): RemoteState {
  const empty: RemoteState = { version: 1, key: '', config: null, memories: { version: 1, events: {} }, manifest: {}, pages: {} };
  if (!text) return empty;
  try {
    const data = JSON.parse(text) as RemoteState;
    if (data?.version !== 1 || typeof data.pages !== 'object' || typeof data.manifest !== 'object') return empty;
    return { ...data, memories: parseState(JSON.stringify(data.memories)) as { version: 1; events: Record<string, EventMemory> } };
  } catch {
    return empty; // unreadable state: rebuild from scratch (outputs compare by bytes, so nothing is lost)
  }
}
