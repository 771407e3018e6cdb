/**
 * One rebuild of the site from object storage: list the content, read only pages whose ETag was not
 * parsed before, run the core, PUT only files whose bytes changed, delete outputs that are gone, save
 * the state with a conditional write, invalidate the CDN. Generic over ObjectStore, so the same code
 * runs on S3, on s3rver and on the in-memory store of the tests.
 *
 * Failure semantics: bad content never throws (it is reported); infrastructure errors throw before
 * the state is saved, so the retry (SQS) redoes the work. Outputs are written before the state, page
 * calendars before the aggregates, and never from a failed listing, so subscribers never get an empty
 * or partial calendar. Two overlapping rebuilds converge: the state is saved with If-Match, and the
 * one that loses the race starts again from the current content.
 */
import { buildSite, siteConfigOf } from '../core/build';
import { CONFIG_FILE } from '../core/read/config';
import { isCandidatePage } from '../core/read/identity';
import type { Problem } from '../core/model';
import { cacheKeyOf, entryAfterBuild } from '../core/page-cache';
import { processPage, type PageOutcome } from '../core/page';
import { PreconditionFailed, type ObjectStore } from '../adapters/object-store';
import { CACHE_CONTROL, compressPages, compressState, mapConcurrently, parseRemoteState, serializeHead, startWritingOutputs, unquote, unzip, type CompressedPages, type RemoteState, type StateDocument } from './rebuild-io';

export { CACHE_CONTROL };

/** Above this many changed paths one `/*` invalidation replaces the list (one path on the bill). */
export const INVALIDATION_LIMIT = 15;

/** Concurrent GETs of content pages during a rebuild. */
const READ_CONCURRENCY = 32;

/** Private folder (in the content bucket) for the state and the problem report. */
export const PRIVATE_PREFIX = '_calpub/';

/** What a rebuild needs. */
export interface RebuildDeps {
  readonly content: ObjectStore;
  readonly site: ObjectStore;
  /** Prefix of the content inside its bucket (`''` or ending with `/`). */
  readonly contentPrefix: string;
  readonly siteUrl?: string;
  readonly now: () => number;
  /** Identifies the running code: caches made by other code are not reused. */
  readonly codeVersion: string;
  readonly invalidate?: (paths: string[]) => Promise<void>;
  /** How many times to start again after losing a race with another rebuild. */
  readonly attempts?: number;
}

/** What a rebuild did (logged as one JSON line). */
export interface RebuildSummary {
  readonly objectsRead: number;
  readonly pages: number;
  readonly published: number;
  readonly rejected: number;
  readonly warnings: number;
  readonly written: string[];
  readonly deleted: string[];
  readonly invalidated: string[];
  readonly attempts: number;
}

/** Brings the site up to date with the content. Throws on infrastructure errors only. */
export async function rebuild(deps: RebuildDeps): Promise<RebuildSummary> {
  const attempts = deps.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ...(await rebuildOnce(deps, attempt > 1)), attempts: attempt };
    } catch (err) {
      if (!(err instanceof PreconditionFailed) || attempt >= attempts) throw err;
    }
  }
}

/** The state as this process last read or wrote it, per content store. */
interface WarmState extends StateDocument {
  readonly key: string;
  readonly etag: string;
  /** The compressed buckets of the pages' part, to reuse when saving the next state. */
  readonly buckets?: CompressedPages['buckets'];
}

/**
 * A warm Lambda container keeps the state it last saw: the next rebuild asks S3 for the state only if
 * its ETag changed (304 otherwise, no body), and skips unzipping and parsing megabytes of JSON.
 */
const warmStates = new WeakMap<ObjectStore, WarmState>();

/** The stored state: from this process's memory when S3 says it has not changed, else downloaded. */
async function readState(content: ObjectStore, key: string, countRead: () => void): Promise<(StateDocument & Pick<WarmState, 'etag' | 'buckets'>) | null> {
  const warm = warmStates.get(content);
  const got = warm?.key === key ? await content.getIfChanged(key, warm.etag) : await content.get(key);
  if (got === 'unchanged') return warm!;
  countRead();
  if (!got) return null;
  const text = unzip(got.bytes);
  const document = parseRemoteState(text);
  if (text !== null) warmStates.set(content, { ...document, key, etag: got.etag });
  return { ...document, etag: got.etag };
}

/** How often the site listing is checked against the state even when nothing went wrong. */
const SITE_CHECK_INTERVAL_MS = 60 * 60_000;

async function rebuildOnce(deps: RebuildDeps, afterLostRace: boolean): Promise<Omit<RebuildSummary, 'attempts'>> {
  const { content, site, contentPrefix: prefix } = deps;
  const stateKey = `${prefix}${PRIVATE_PREFIX}state.jsonl.gz`;
  let objectsRead = 0;
  const read = async (key: string) => {
    objectsRead++;
    return content.get(key);
  };
  const t0 = Date.now();
  const mark: Record<string, number> = {};
  const phase = (name: string) => (mark[name] = Date.now() - t0);
  // The state and the content listing do not depend on each other: ask for both at once.
  const [stored, listing] = await Promise.all([readState(content, stateKey, () => objectsRead++), content.list(prefix)]);
  phase('state read');
  let previous = stored?.state ?? parseRemoteState(null).state;
  // What is really on the site (ETags are MD5s of the bytes). A rebuild that lost a race may have
  // written older files after the winner's; it lists the site when it starts again, and so does any
  // rebuild without state, and the hourly rebuild at least once an hour (a loser that died before
  // its retry is caught there). Otherwise the state's manifest is what the site holds.
  const now = deps.now();
  const checkSite = afterLostRace || !previous.key || !(now - (previous.checkedAt ?? 0) < SITE_CHECK_INTERVAL_MS);
  const onSite = checkSite
    ? new Map((await site.list('')).map((o) => [o.key, unquote(o.etag)]))
    : new Map(Object.entries(previous.manifest).map(([k, m]) => [k, m.h]));
  if (!previous.key) {
    // No usable state: everything on the site was written by an earlier build; listing it lets
    // files of events deleted meanwhile still be removed.
    previous = { ...previous, manifest: Object.fromEntries([...onSite.keys()].map((k) => [k, { h: '' }])) };
  }
  phase('listed');

  const configObject = listing.find((o) => o.key === `${prefix}${CONFIG_FILE}`);
  let config = previous.config;
  if (!configObject) config = null;
  else if (config?.etag !== configObject.etag) {
    const got = await read(configObject.key);
    config = got ? { etag: got.etag || configObject.etag, text: got.bytes.toString('utf8') } : null;
  }
  const siteConfig = siteConfigOf(config?.text ?? null, deps.siteUrl);
  const key = cacheKeyOf(siteConfig, deps.codeVersion);

  const pages = listing
    .map((o) => ({ rel: o.key.slice(prefix.length), etag: o.etag, key: o.key }))
    .filter((p) => !p.rel.startsWith(PRIVATE_PREFIX) && isCandidatePage(p.rel));
  const outcomes = new Map<string, PageOutcome>();
  const nextPages: RemoteState['pages'] = {};
  const cachedOutcome = (page: (typeof pages)[number]) => {
    const cached = previous.key === key ? previous.pages[page.rel] : undefined;
    return cached && cached.etag === page.etag ? cached.outcome : null;
  };
  // Pages not parsed before are fetched concurrently (a cold build of thousands of pages must fit
  // in the function's timeout), then processed in listing order.
  const fetched = await mapConcurrently(pages.filter((p) => !cachedOutcome(p)), READ_CONCURRENCY, async (p) => [p.rel, await read(p.key)] as const);
  const bodies = new Map(fetched);
  for (const page of pages) {
    let outcome = cachedOutcome(page);
    // The outcome is remembered under the ETag of the bytes it was made from: the GET's, not the
    // listing's. A page edited between the two would otherwise keep this text under the old ETag,
    // and a later revert to that ETag would never be read again.
    let version = page.etag;
    if (!outcome) {
      const got = bodies.get(page.rel);
      bodies.delete(page.rel); // its bytes are not needed once processed
      if (!got) continue; // deleted since the listing
      version = got.etag;
      outcome = processPage({ path: page.rel, text: got.bytes.toString('utf8') }, siteConfig);
    }
    outcomes.set(page.rel, outcome);
    const entry = entryAfterBuild(version, outcome, previous.pages[page.rel]?.outcome);
    nextPages[page.rel] = { etag: entry.version, outcome: entry.outcome };
  }

  phase('pages');
  // The pages' part of the state changed unless every page holds the outcome read from it. Its
  // changed buckets are compressed on the thread pool while the outputs render.
  const unchanged = (rel: string) => nextPages[rel].outcome === previous.pages[rel]?.outcome && nextPages[rel].etag === previous.pages[rel].etag;
  const nextPaths = Object.keys(nextPages);
  const pagesChanged = !stored || Object.keys(previous.pages).length !== nextPaths.length || !nextPaths.every(unchanged);
  const compressing = pagesChanged ? compressPages(nextPages, unchanged, stored?.buckets) : null;
  const lastGood = new Map(Object.entries(previous.pages).map(([rel, p]) => [rel, p.outcome]));
  const result = buildSite({
    files: [],
    preprocessed: [...outcomes.keys()],
    outcomes,
    lastGood,
    configText: config?.text ?? null,
    state: previous.memories,
    now,
    siteUrl: deps.siteUrl,
    keepRenderedItems: true, // a warm container's next rebuild renders only what changed
  });

  phase('built');
  const { manifest, written, uploaded } = await startWritingOutputs(site, result.outputs, previous.manifest, key, onSite);
  // The next state is complete once every output is planned; it is saved only after they are all
  // written (and the stale ones deleted).
  const next: RemoteState = { version: 1, key, config, memories: result.state, manifest, pages: nextPages, checkedAt: checkSite ? now : previous.checkedAt };
  const headText = serializeHead(next);
  const changedState = !stored || pagesChanged || headText !== stored.headText;
  // Compressed: the state holds every page's rendered pieces (about 10 KB of JSON per event).
  const pagesPart = compressing ?? (changedState ? compressPages(nextPages, unchanged, stored?.buckets) : null);
  const nextBody = pagesPart ? compressState(pagesPart.compressed, headText) : null;
  nextBody?.catch(() => undefined);
  phase('planned');
  await uploaded;
  phase('written');
  const deleted = Object.keys(previous.manifest).filter((path) => !(path in manifest) && onSite.has(path));
  if (deleted.length) await site.delete(deleted);

  if (nextBody) {
    const body = await nextBody;
    phase('compressed');
    const saved = await content.put(stateKey, body, {
      contentType: 'application/gzip',
      ...(stored ? { ifMatch: stored.etag } : { ifNoneMatch: '*' as const }),
    });
    warmStates.set(content, { state: next, headText, key: stateKey, etag: saved.etag, buckets: pagesPart?.buckets });
  } else if (written.length || deleted.length) {
    // Same state but we wrote: someone may have raced us; make sure the state is still ours.
    if ((await content.getIfChanged(stateKey, stored!.etag)) !== 'unchanged') throw new PreconditionFailed(stateKey);
  }
  phase('state saved');
  if (process.env.CALPUB_TIMINGS) console.error(JSON.stringify(mark));
  const report = reportOf(result.published.length, result.problems);
  if (changedState) await content.put(`${prefix}${PRIVATE_PREFIX}report.json`, report, { contentType: 'application/json' });

  const changed = [...written, ...deleted];
  const invalidated = changed.length > INVALIDATION_LIMIT ? ['/*'] : changed.map((p) => `/${p}`);
  if (changed.length && deps.invalidate) await deps.invalidate(invalidated);
  const rejected = new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.file)).size;
  return {
    objectsRead,
    pages: result.pages,
    published: result.published.length,
    rejected,
    warnings: result.problems.filter((p) => p.severity === 'warning').length,
    written,
    deleted,
    invalidated: changed.length ? invalidated : [],
  };
}

function reportOf(published: number, problems: readonly Problem[]): string {
  return `${JSON.stringify({ published, problems }, null, 1)}\n`;
}
