/**
 * The whole pure pipeline: files → pages → events → selection → rendered outputs, plus the problems
 * found and the state for the next build. No file system, no clock, no environment: adapters feed it.
 */
import { parseConfig, withSiteUrl } from './read/config';
import { isCandidatePage } from './read/identity';
import type { BuildState, OutputFile, Problem, SiteConfig, SourceFile } from './model';
import { processPage, type EventHeader, type EventPieces, type PageOutcome } from './page';
import { wrapVevent } from './formats/ics';
import { byStart, renderSiteOutputs } from './site-outputs';
import { configKeyOf, itemKey, type ItemFormat, type Rendered } from './event-items';
import type { SharedText } from './parts';
import { skipReason, type SkipReason } from './select';
import { EMPTY_STATE, remember } from './memory';

/** Everything a build needs, already read by an adapter. */
export interface BuildInput {
  /** Every file under the content root (non-pages are ignored). */
  readonly files: readonly SourceFile[];
  /**
   * Paths of pages processed ahead (their outcomes are in `outcomes`), whose text need not be read
   * here: adapters that process pages in worker threads let each worker read its own files.
   */
  readonly preprocessed?: readonly string[];
  /** Contents of `calpub.yaml`, or null when absent. */
  readonly configText: string | null;
  /** What the previous build remembered, or null. */
  readonly state: BuildState | null;
  /** The build clock, epoch ms. */
  readonly now: number;
  /** Overrides `siteUrl` (the Lambda's SITE_URL, the local server's address). */
  readonly siteUrl?: string;
  /** Called every 500 pages with how many pages were processed so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Page outcomes computed ahead (in parallel workers, or reused from a cache) with the config of
   * `siteConfigOf`, by file path. Pages without one are processed here.
   */
  readonly outcomes?: ReadonlyMap<string, PageOutcome>;
  /**
   * Outcomes of the previous build, by path. A page that was published and is now broken keeps its
   * last good version in the outputs (with a warning) until it is fixed: nothing published is lost.
   */
  readonly lastGood?: ReadonlyMap<string, PageOutcome>;
  /**
   * Keep rendered feed items and schedule entries in memory after the build, so the next build in
   * this process renders only what changed (a warm Lambda, `calpub serve`). A one-shot build leaves
   * it off and holds less memory.
   */
  readonly keepRenderedItems?: boolean;
  /** Events' items rendered ahead by the threads that processed their pages, by file path. */
  readonly prepared?: ReadonlyMap<string, PreparedItems>;
  /** The full pieces of a page given with slim ones (`slimPieces`), for when its prepared items cannot be used. */
  readonly fullPieces?: (file: string) => EventPieces | null;
}

/** An event's items rendered ahead (see `prerender`), encoded, for the key they were made for. */
export interface PreparedItems {
  readonly key: string;
  readonly parts: ReadonlyMap<ItemFormat, SharedText>;
}

/** The site configuration a build with these inputs uses (for adapters that process pages ahead). */
export function siteConfigOf(configText: string | null, siteUrl?: string): SiteConfig {
  const parsed = parseConfig(configText).config;
  return siteUrl ? withSiteUrl(parsed, siteUrl) : parsed;
}

/** What a build produced. */
export interface BuildResult {
  readonly config: SiteConfig;
  /** Every output file, rendered lazily (iterate to write them one by one; iterating again renders again). */
  readonly outputs: Iterable<OutputFile>;
  readonly state: BuildState;
  readonly problems: readonly Problem[];
  /** Identities of the published events, in calendar order. */
  readonly published: readonly string[];
  /** Valid events left out on purpose, with the reason. */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: SkipReason }>;
  /** Number of candidate pages read. */
  readonly pages: number;
}

/** Runs the pipeline. Never throws on bad content: every problem is in `problems`. */
export function buildSite(input: BuildInput): BuildResult {
  const parsedConfig = parseConfig(input.configText);
  const config = input.siteUrl ? withSiteUrl(parsedConfig.config, input.siteUrl) : parsedConfig.config;
  const problems: Problem[] = [...parsedConfig.problems];
  const pages = [...input.files, ...(input.preprocessed ?? []).map((path) => ({ path, text: '' }))]
    .filter((f) => isCandidatePage(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : 1));

  const outcomes = pages.map((file, index) => {
    if (input.onProgress && index % 500 === 0) input.onProgress(index, pages.length);
    const ahead = input.outcomes?.get(file.path);
    if (ahead) return ahead;
    if (input.preprocessed?.includes(file.path)) throw new Error(`no outcome for preprocessed page ${file.path}`);
    return processPage(file, config);
  });
  input.onProgress?.(pages.length, pages.length);
  const pieces = new Map<EventHeader, EventPieces>();
  const events: EventHeader[] = [];
  for (const fresh of outcomes) {
    const outcome = keepLastGood(fresh, input.lastGood?.get(fresh.file));
    problems.push(...outcome.problems);
    if (outcome.event && outcome.pieces) {
      events.push(outcome.event);
      pieces.set(outcome.event, outcome.pieces);
    }
  }

  const unique = rejectDuplicateIdentities(events, problems);
  const skipped: Array<{ file: string; reason: SkipReason }> = [];
  const live = unique.filter((e) => {
    const reason = skipReason(e, input.now);
    if (reason) skipped.push({ file: e.file, reason });
    return reason === null;
  });

  const { rendered, memories } = withMemories(live, pieces, config, input);
  const site = renderSiteOutputs(rendered, config, input.now, input.keepRenderedItems ?? false);
  problems.push(...site.problems);
  const published = rendered.map((r) => r.event.id);
  return { config, outputs: site.outputs, state: { version: 1, events: memories }, problems, published, skipped, pages: pages.length };
}

/**
 * The live events with their memory after this build, in calendar order, and the memories to keep
 * (those of events not published now stay, so an event that comes back keeps its SEQUENCE).
 */
function withMemories(live: readonly EventHeader[], pieces: ReadonlyMap<EventHeader, EventPieces>, config: SiteConfig, input: BuildInput) {
  const previous = input.state ?? EMPTY_STATE;
  const memories = { ...previous.events };
  const configKey = configKeyOf(config);
  const rendered: Rendered[] = live.map((event) => {
    let eventPieces = pieces.get(event) as EventPieces;
    const memory = remember(previous.events[event.id], eventPieces.fingerprint, event, input.now);
    memories[event.id] = memory;
    const ahead = input.prepared?.get(event.file);
    const prepared = ahead && ahead.key === itemKey(configKey, { event, memory }) ? ahead.parts : undefined;
    if (!prepared && eventPieces.slim) eventPieces = fullPiecesOf(event.file, input);
    return { event, pieces: eventPieces, memory, vevent: prepared?.get('vevent') ?? wrapVevent(eventPieces.ics, memory), prepared };
  });
  return { rendered: rendered.sort(byStart), memories };
}

function fullPiecesOf(file: string, input: BuildInput): EventPieces {
  const full = input.fullPieces?.(file);
  if (!full || full.slim) throw new Error(`the full pieces of ${file} are missing: an adapter gave slim pieces without them`);
  return full;
}

/** A broken page that was good before keeps its previous event, with its new problems and a note. */
function keepLastGood(fresh: PageOutcome, previous: PageOutcome | undefined): PageOutcome {
  if (fresh.event || !previous?.event || !previous.pieces) return fresh;
  const note = {
    file: fresh.file,
    severity: 'warning' as const,
    field: null,
    message: 'the version published before stays in the calendar until the errors above are fixed',
  };
  return { ...previous, problems: [...fresh.problems, note] };
}

/** Two pages with one identity would fight over one UID and one URL: both are rejected, loudly. */
function rejectDuplicateIdentities(events: readonly EventHeader[], problems: Problem[]): EventHeader[] {
  const byId = new Map<string, EventHeader[]>();
  for (const e of events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const out: EventHeader[] = [];
  for (const [id, group] of byId) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    for (const e of group) {
      const others = group.filter((o) => o !== e).map((o) => o.file).join(', ');
      problems.push({
        file: e.file,
        severity: 'error',
        field: 'slug',
        message: `has the same identity \`${id}\` (so the same UID and URL) as ${others}; rename one page or give it another \`slug\``,
      });
    }
  }
  return out;
}
