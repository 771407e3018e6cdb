/**
 * One rebuild of the site from object storage: list the content, read only pages whose ETag has no
 * stored outcome, run the core, PUT only files whose bytes changed, delete outputs that are gone,
 * save the state with a conditional write, invalidate the CDN. Generic over ObjectStore, so the same
 * code runs on S3, on the local S3 API and on the in-memory store of the tests.
 *
 * Failure semantics: bad content never throws (it is reported); infrastructure errors throw before
 * the state is saved, so the retry (SQS) redoes the work. Outputs are written before the state, and
 * never from a failed listing, so subscribers never get an empty or partial calendar. Two overlapping
 * rebuilds converge: the state is saved with If-Match, and the one that loses starts again.
 */
import { createHash } from 'node:crypto';
import type { BuildResult } from '../core/build';
import { reportText, tally } from '../core/report';
import { buildFromStore } from '../adapters/build-from-store';
import { CONFIG_FILE } from '../core/read/config';
import { decodePage } from '../core/read/decode';
import { PreconditionFailed, type ObjectStore } from '../adapters/object-store';
import { OutcomeStore } from '../adapters/outcome-store';
import { publishOutputs, unquote } from './publishing';
import { parseRemoteState, serializeRemoteState, stateHead, type RemoteState } from './remote-state';
import type { Problem } from '../core/model';

/** Above this many changed paths one `/*` invalidation replaces the list (one path on the bill). */
const INVALIDATION_LIMIT = 15;
/** Private folder (in the content bucket) for the state and the problem report. */
export const PRIVATE_PREFIX = '_calpub/';
/** How often the site listing is checked against the manifest even when nothing went wrong. */
const SITE_CHECK_INTERVAL_MS = 60 * 60_000;
/**
 * Where a rebuild says, before it writes any output, that it is writing: one small object per
 * rebuild, deleted once its state is saved. One left behind is a rebuild that failed or lost a race
 * after writing files no manifest knows: the next rebuilds check the whole site and delete them.
 */
const WRITING = 'writing/';
/** Older than this, a writing mark's rebuild is over (the function's timeout is 5 minutes). */
const WRITING_STALE_MS = 15 * 60_000;

/** What a rebuild needs. */
export interface RebuildDeps {
  readonly content: ObjectStore;
  readonly site: ObjectStore;
  /** Prefix of the content inside its bucket (`''` or ending with `/`). */
  readonly contentPrefix: string;
  readonly siteUrl?: string;
  readonly now: () => number;
  /** Identifies the running code: outcomes made by other code are not reused. */
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
  /** Set when `calpub.yaml` has errors and no good one was applied before: nothing was written. */
  readonly stopped?: string;
  /** Set when the memory was lost (the state unreadable or missing): what happened, also in the report. */
  readonly memory?: string;
}

/** Brings the site up to date with the content. Throws on infrastructure errors only. */
export async function rebuild(deps: RebuildDeps): Promise<RebuildSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ...(await rebuildOnce(deps, attempt > 1)), attempts: attempt };
    } catch (err) {
      if (!(err instanceof PreconditionFailed) || attempt >= (deps.attempts ?? 3)) throw err;
    }
  }
}

async function rebuildOnce(deps: RebuildDeps, afterLostRace: boolean): Promise<Omit<RebuildSummary, 'attempts'>> {
  const { content, site, contentPrefix: prefix } = deps;
  const mark = timer();
  let objectsRead = 0;
  const read = (key: string) => {
    objectsRead++;
    return content.get(key);
  };
  const stateKey = `${prefix}${PRIVATE_PREFIX}state.jsonl.gz`;
  const copyKey = `${prefix}${PRIVATE_PREFIX}state.previous.jsonl.gz`;
  const [stored, listing] = await Promise.all([read(stateKey), content.list(prefix)]);
  const read0 = parseRemoteState(stored?.bytes ?? null);
  // An unreadable state is recovered from the copy the last good save kept; either way, it is said.
  const copy = read0.status === 'unreadable' ? parseRemoteState((await read(copyKey))?.bytes ?? null) : null;
  const previous = copy?.status === 'ok' ? { ...copy, head: '' } : read0;
  const marks = listing.filter((o) => o.key.startsWith(`${prefix}${PRIVATE_PREFIX}${WRITING}`));
  const configObject = listing.find((o) => o.key === `${prefix}${CONFIG_FILE}`);
  const configText = configObject ? ((await read(configObject.key))?.bytes.toString('utf8') ?? null) : null;
  const store = OutcomeStore.parse(previous.store, deps.codeVersion);
  const now = deps.now();
  const contentFiles = listing.filter((o) => !o.key.startsWith(`${prefix}${PRIVATE_PREFIX}`));
  const { result } = await buildFromStore({
    configText,
    memory: previous.memory,
    now,
    siteUrl: deps.siteUrl,
    paths: contentFiles.map((o) => o.key.slice(prefix.length)),
    // The ETags of the listing; each page read gets the ETag of the bytes read (the GET's, not the
    // listing's: a page edited between the two keeps no outcome under an ETag it does not have).
    list: () => contentFiles.map((o) => ({ path: o.key.slice(prefix.length), contentKey: o.etag })),
    read: async (page) => {
      const got = await read(`${prefix}${page.path}`);
      return got ? { file: decodePage(page.path, got.bytes), contentKey: got.etag } : null;
    },
    store,
    // Many reads at once: a cold build of thousands of pages must fit in the function's timeout.
    concurrency: 32,
  });
  if (result.stopped) return stopped(deps, result, objectsRead);
  mark('state, listing, pages');

  // What is really on the site (ETags are MD5s of the bytes): listed after a lost race (the loser may
  // have written older files after the winner's), without usable state, when a rebuild left a writing
  // mark (it may have written files no manifest knows), and at least hourly; else the manifest.
  const usable = previous.head !== '';
  const checkSite =
    afterLostRace || !usable || marks.length > 0 || !(now - previous.checkedAt < SITE_CHECK_INTERVAL_MS);
  const onSite = checkSite
    ? new Map((await site.list('')).map((o) => [o.key, unquote(o.etag)]))
    : new Map(Object.entries(previous.manifest));
  const problems = [...result.problems, ...memoryProblems(read0.status, copy?.status ?? null, onSite.size)];
  const mine = `${prefix}${PRIVATE_PREFIX}${WRITING}${now}-${Math.random().toString(36).slice(2)}.json`;
  await content.put(mine, `{"startedAt":${now}}\n`, { contentType: 'application/json' });
  const { manifest, written } = await publishOutputs(site, result.outputs, onSite);
  mark('site files');
  // The site bucket holds calpub's outputs only: listed, everything no event owns now goes (files of
  // deleted events, and files a failed or losing rebuild wrote); else what the last manifest had.
  const deleted = (checkSite ? [...onSite.keys()] : Object.keys(previous.manifest)).filter(
    (path) => !(path in manifest) && onSite.has(path),
  );
  if (deleted.length) await site.delete(deleted);

  const report = reportText({ ...result, problems });
  const head = stateHead(
    result.memory,
    manifest,
    checkSite ? now : previous.checkedAt,
    createHash('sha1').update(report).digest('base64url'),
  );
  const changed = head !== previous.head || store.changed;
  if (changed) {
    await content.put(stateKey, serializeRemoteState(head, store.lines()), {
      contentType: 'application/gzip',
      ...(stored ? { ifMatch: stored.etag } : { ifNoneMatch: '*' as const }),
    });
    // The state it replaced, kept: an unreadable state is recovered from it (SEQUENCE, last good versions).
    if (stored && read0.status === 'ok') await content.put(copyKey, stored.bytes, { contentType: 'application/gzip' });
    await content.put(`${prefix}${PRIVATE_PREFIX}report.json`, report, { contentType: 'application/json' });
  } else if (written.length || deleted.length) {
    // Same state, but files were written: another rebuild may have raced this one; the state must still be ours.
    if ((await content.getIfChanged(stateKey, (stored as { etag: string }).etag)) !== 'unchanged')
      throw new PreconditionFailed(stateKey);
  }
  // Done writing: this rebuild's mark goes, and those of rebuilds long over whose files this site check removed.
  await content.delete([
    mine,
    ...(checkSite ? marks.filter((m) => now - markTime(m.key) > WRITING_STALE_MS).map((m) => m.key) : []),
  ]);
  mark('state saved');
  const changedPaths = [...written, ...deleted];
  const invalidated = changedPaths.length > INVALIDATION_LIMIT ? ['/*'] : changedPaths.map((p) => `/${p}`);
  if (changedPaths.length && deps.invalidate) await deps.invalidate(invalidated);
  return {
    objectsRead,
    pages: result.pages,
    published: result.published.length,
    ...tally(problems),
    ...(problems.length > result.problems.length ? { memory: problems[problems.length - 1].message } : {}),
    written,
    deleted,
    invalidated: changedPaths.length ? invalidated : [],
  };
}

/** When a writing mark was made (its key starts with the rebuild's clock). */
function markTime(key: string): number {
  return Number(/(\d+)-[a-z0-9]*\.json$/.exec(key)?.[1] ?? 0);
}

/**
 * The problem to report when the memory was lost: the state unreadable (recovered from its copy, or
 * not), or missing while the site holds files (an earlier build's memory is gone). Loud, because it
 * restarts every SEQUENCE and loses the last good versions of broken pages.
 */
function memoryProblems(
  state: RemoteState['status'],
  copy: RemoteState['status'] | null,
  filesOnSite: number,
): Problem[] {
  const file = `${PRIVATE_PREFIX}state.jsonl.gz`;
  const say = (message: string): Problem[] => [{ file, severity: 'warning', field: null, message }];
  if (state === 'unreadable' && copy === 'ok')
    return say(
      'memory unreadable: recovered from the copy of the state before it (state.previous.jsonl.gz); events changed since that build are seen as changed again',
    );
  if (state === 'unreadable')
    return say(
      "memory unreadable, and no readable copy: SEQUENCE restarts and the last good versions of broken pages are lost; earlier versions of the state object are in the bucket's version history",
    );
  if (state === 'missing' && filesOnSite > 0)
    return say(
      `memory missing although the site holds ${filesOnSite} file(s): SEQUENCE restarts and the last good versions of broken pages are lost; earlier versions of the state object are in the bucket's version history`,
    );
  return [];
}

/**
 * A rebuild that stops on `calpub.yaml`: the site and the state stay as they are (every published
 * file keeps being served), the report says why.
 */
async function stopped(
  deps: RebuildDeps,
  result: BuildResult,
  objectsRead: number,
): Promise<Omit<RebuildSummary, 'attempts'>> {
  await deps.content.put(`${deps.contentPrefix}${PRIVATE_PREFIX}report.json`, reportText(result), {
    contentType: 'application/json',
  });
  return {
    objectsRead,
    pages: result.pages,
    published: 0,
    ...tally(result.problems),
    written: [],
    deleted: [],
    invalidated: [],
    stopped:
      'calpub.yaml has errors and no earlier build applied a good one: nothing was written (see _calpub/report.json)',
  };
}

/** With CALPUB_TIMINGS set, prints how long each phase took (bench/lambda.ts). */
function timer(): (phase: string) => void {
  let last = Date.now();
  return (phase) => {
    if (process.env.CALPUB_TIMINGS) console.error(`calpub rebuild: ${phase} ${Date.now() - last} ms`);
    last = Date.now();
  };
}
