/**
 * Writing a built site to object storage: each output PUT with its content type (the outputs table's)
 * and Cache-Control, only when its bytes differ from what the site holds, many at once.
 */
import { chunkEncoder } from '../adapters/fs';
import type { OutputFile } from '../core/model';
import type { ObjectStore } from '../adapters/object-store';

/** Cache-Control of published files: fresh for 5 minutes, then served stale while revalidating. */
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=600, stale-if-error=86400';

/** PUTs at once. */
const WRITE_CONCURRENCY = 32;

/**
 * PUTs every output whose MD5 (S3's ETag for a single-part upload) differs from `onSite`'s, rendering
 * them one at a time, at most WRITE_CONCURRENCY uploads in flight. Resolves with every output's MD5
 * (the manifest) and the paths written.
 */
export async function publishOutputs(
  site: ObjectStore,
  outputs: Iterable<OutputFile>,
  onSite: ReadonlyMap<string, string>,
): Promise<{ manifest: Record<string, string>; written: string[] }> {
  const manifest: Record<string, string> = {};
  const written: string[] = [];
  const pending = new Set<Promise<unknown>>();
  const encode = chunkEncoder('md5');
  for (const output of outputs) {
    const { bytes: encoded, hash: md5 } = encode(output.chunks);
    manifest[output.path] = md5;
    if (onSite.get(output.path) === md5) continue;
    written.push(output.path);
    const bytes = Buffer.concat(encoded); // a copy: the encoder's blocks are reused for the next file
    const put = site.put(output.path, bytes, { contentType: output.contentType, cacheControl: CACHE_CONTROL });
    pending.add(put);
    put.then(
      () => pending.delete(put),
      () => undefined,
    );
    if (pending.size >= WRITE_CONCURRENCY) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { manifest, written };
}

/** An S3 ETag without quotes (nor the weak prefix). */
export function unquote(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '');
}
