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
  /**
   * Entries already serialized (JSON lines: a first line with the key, then `[path, version, outcome]`
   * per page), with their newline: as read from the previous cache, or as made (UTF-8) by the thread
   * that processed the page. Such an entry is written as that line, not serialized again.
   */
  readonly lines?: ReadonlyMap<string, string | Uint8Array>;
}

/** What a cache is valid for: the site configuration and the code that produced the outcomes. */
export function cacheKeyOf(config: SiteConfig, codeVersion: string): string {
  return createHash('sha1').update(codeVersion).update(JSON.stringify(config)).digest('base64url');
}

/**
 * Reads a cache document; anything unreadable or made for another key is an empty cache. Given bytes,
 * each entry keeps its line as a view of them (written back as is when the entry does not change).
 */
export function parseCache(input: string | Uint8Array | null, key: string): PageCache {
  const empty = { key, entries: {} };
  if (!input || !input.length) return empty;
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  try {
    const firstEnd = bytes.indexOf(10);
    if ((JSON.parse(bytes.toString('utf8', 0, firstEnd < 0 ? bytes.length : firstEnd)) as { key?: unknown })?.key !== key) return empty;
    const entries: Record<string, { version: string; outcome: PageOutcome }> = {};
    const lines = new Map<string, string | Uint8Array>();
    let start = firstEnd < 0 ? bytes.length : firstEnd + 1;
    while (start < bytes.length) {
      const newline = bytes.indexOf(10, start);
      const stop = newline < 0 ? bytes.length : newline;
      if (stop > start) {
        const row = bytes.toString('utf8', start, stop);
        const { path, version, outcome } = readCacheLine(row);
        entries[path] = { version, outcome };
        lines.set(path, newline < 0 ? `${row}\n` : bytes.subarray(start, newline + 1));
      }
      start = stop + 1;
    }
    return { key, entries, lines };
  } catch {
    return empty; // a broken cache is an empty one
  }
}

/** The cached outcome of `path` when its version is unchanged. */
export function cachedOutcome(cache: PageCache, path: string, version: string): PageOutcome | null {
  const entry = cache.entries[path];
  return entry && entry.version === version ? entry.outcome : null;
}

/** A cache entry after a build; `line`, when given, is `cacheLine` of exactly this entry, made ahead. */
export interface NextEntry {
  readonly path: string;
  readonly version: string;
  readonly outcome: PageOutcome;
  readonly line?: Uint8Array;
}

/**
 * The cache after a build: one entry per page that exists now. An entry whose version and outcome are
 * the ones read from `previous` keeps its line; one serialized ahead keeps that line.
 */
export function nextCache(key: string, pages: readonly NextEntry[], previous?: PageCache): PageCache {
  const lines = new Map<string, string | Uint8Array>();
  for (const p of pages) {
    const before = previous?.key === key ? previous.entries[p.path] : undefined;
    const line = previous?.lines?.get(p.path);
    if (line && before?.version === p.version && before.outcome === p.outcome) lines.set(p.path, line);
    else if (p.line) lines.set(p.path, p.line);
  }
  return { key, entries: Object.fromEntries(pages.map((p) => [p.path, { version: p.version, outcome: p.outcome }])), lines };
}

/** The cache as JSON lines, one at a time (see `writePrivateChunks`). */
export function* cacheChunks(cache: PageCache): Generator<string | Uint8Array> {
  yield `${JSON.stringify({ key: cache.key })}\n`;
  for (const [path, entry] of Object.entries(cache.entries)) {
    yield cache.lines?.get(path) ?? cacheLine(path, entry.version, entry.outcome);
  }
}

/** An entry read back from its line (`cacheLine`). */
export function readCacheLine(line: string): { path: string; version: string; outcome: PageOutcome } {
  const [path, version, outcome] = JSON.parse(line) as [string, string, PageOutcome];
  return { path, version, outcome };
}

/** One entry's line, with its newline (what a page thread makes ahead, UTF-8 encoded). */
export function cacheLine(path: string, version: string, outcome: PageOutcome): string {
  if (outcome.pieces?.slim) throw new Error(`the cache entry of ${path} would lack its texts (slim pieces)`);
  return `${JSON.stringify([path, version, outcome])}\n`;
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
