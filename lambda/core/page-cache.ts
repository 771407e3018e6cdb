/**
 * Reuse of page outcomes between builds: a page whose bytes (or, for a file system, size and
 * modification time; for S3, ETag) did not change, under the same configuration and the same calpub
 * code, gives the same outcome, so it is neither read nor parsed nor rendered again.
 */
import { createHash } from 'node:crypto';
import type { SiteConfig } from './model';
import type { PageOutcome } from './page';

/** The cache document. Any mismatch in `key` discards it whole. */
export interface PageCache {
  readonly key: string;
  readonly entries: Readonly<Record<string, { readonly version: string; readonly outcome: PageOutcome }>>;
}

/** What a cache is valid for: the site configuration and the code that produced the outcomes. */
export function cacheKeyOf(config: SiteConfig, codeVersion: string): string {
  return createHash('sha1').update(codeVersion).update(JSON.stringify(config)).digest('base64url');
}

/** Reads a cache document; anything unreadable or made for another key is an empty cache. */
export function parseCache(text: string | null, key: string): PageCache {
  if (text) {
    try {
      const data = JSON.parse(text) as PageCache;
      if (data?.key === key && typeof data.entries === 'object' && data.entries !== null) return data;
    } catch {
      // fall through: a broken cache is an empty one
    }
  }
  return { key, entries: {} };
}

/** The cached outcome of `path` when its version is unchanged. */
export function cachedOutcome(cache: PageCache, path: string, version: string): PageOutcome | null {
  const entry = cache.entries[path];
  return entry && entry.version === version ? entry.outcome : null;
}

/** The cache after a build: one entry per page that exists now. */
export function nextCache(key: string, pages: ReadonlyArray<{ path: string; version: string; outcome: PageOutcome }>): PageCache {
  return { key, entries: Object.fromEntries(pages.map((p) => [p.path, { version: p.version, outcome: p.outcome }])) };
}

/** The cache as JSON text, one entry at a time (see `writePrivateChunks`). */
export function* cacheChunks(cache: PageCache): Generator<string> {
  yield `{"key":${JSON.stringify(cache.key)},"entries":{`;
  let first = true;
  for (const [path, entry] of Object.entries(cache.entries)) {
    yield `${first ? '' : ','}${JSON.stringify(path)}:${JSON.stringify(entry)}`;
    first = false;
  }
  yield '}}\n';
}

/**
 * The cache entry of a page after a build. A page that breaks keeps its last good outcome, under a
 * version that never matches (so it is processed again next time), so its good version stays
 * published however long it stays broken.
 */
export function entryAfterBuild(version: string, outcome: PageOutcome, previous: PageOutcome | undefined): { version: string; outcome: PageOutcome } {
  if (outcome.event || !previous?.event) return { version, outcome };
  return { version: `broken:${version}`, outcome: previous };
}
