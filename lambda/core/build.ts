/**
 * The whole pure pipeline: pages → events (a broken page from its last good text) → selection →
 * memory (SEQUENCE, change time) → the site's files, plus the problems found and the memory for the
 * next build. No file system, no clock, no environment: adapters feed it and write what it gives.
 */
import type { Memory, OutputFile, Problem, SiteConfig, SourceFile } from './model';
import { EMPTY_MEMORY, lastGoodAfter, remember } from './memory';
import { processPage, readPage, type PageOutcome, type PageRead } from './page';
import { siteZoneOf } from './read/site-zone';
import { applyConfig, CONFIG_FILE, DEFAULT_CONFIG, withSiteUrl, type AppliedConfig } from './read/config';
import { isEventPage } from './read/identity';
import { startInstant, wallClockTime } from './read/time';
import { farAheadProblems, skipReason, unbuiltPageProblem, type SkipReason } from './select';
import { languageSites, pathOwners, siteFiles, sitePaths, type LanguageSite } from './site';
import type { EventHeader, Publishing } from './published';
import { OUTPUTS, type OutputName } from './outputs';

/**
 * One page as an adapter hands it over: its text when it was read, its outcome when one was made
 * ahead (processed elsewhere, or reused from a cache for these bytes and this configuration).
 */
export type PageInput =
  | SourceFile
  | { readonly path: string; readonly text?: string; readonly language?: string; readonly outcome: PageOutcome };

/** Everything a build needs, already read by an adapter. */
export interface BuildInput {
  /** Every file under the content root (files that cannot be pages are ignored). */
  readonly pages: readonly PageInput[];
  /** Contents of `calpub.yaml`, or null when absent. */
  readonly configText: string | null;
  /** What the previous build remembered, or null. */
  readonly memory: Memory | null;
  /** The build clock, epoch ms. */
  readonly now: number;
  /** Overrides `siteUrl` (the Lambda's SITE_URL, the local server's address). */
  readonly siteUrl?: string;
}

/** What a build produced. */
export interface BuildResult {
  /**
   * True when `calpub.yaml` has an error and no good one was applied before: nothing is built (no
   * output: adapters must write and delete nothing), the memory is the previous one, the problems say why.
   */
  readonly stopped: boolean;
  /** Whether `calpub.yaml` as written has an error (so it is not applied). */
  readonly configRejected: boolean;
  readonly config: SiteConfig;
  /** Every output file, made as it is iterated (write them one by one; iterating again makes them again). */
  readonly outputs: Iterable<OutputFile>;
  /** The paths of the output files, without making them (to check them before writing). */
  readonly paths: () => string[];
  readonly memory: Memory;
  readonly problems: readonly Problem[];
  /** Identities of the published events, in calendar order. */
  readonly published: readonly string[];
  /** Each language's site: its folder ('' for the site's language at the root) and how many events it publishes. */
  readonly languages: ReadonlyArray<{ readonly folder: string; readonly language: string; readonly published: number }>;
  /** Valid events left out on purpose, with the reason. */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: SkipReason }>;
  /** Number of candidate pages read. */
  readonly pages: number;
}

/**
 * The configuration a build with these inputs applies (`applyConfig`), `siteUrl` overridden; adapters
 * that process pages ahead use it. Its `config` is null when the build stops.
 */
function configFor(configText: string | null, memory: Memory, siteUrl?: string): AppliedConfig {
  const applied = applyConfig(configText, memory.lastGoodConfig);
  return applied.config && siteUrl ? { ...applied, config: withSiteUrl(applied.config, siteUrl) } : applied;
}

/**
 * What a build with this configuration and memory does before reading a page: the configuration it
 * applies, or the result of a build that stops (`calpub.yaml` has errors and no good one was applied
 * before). Adapters call it first, to read only the pages that configuration makes event pages.
 * @param paths - every file under the content root (a stopped build counts its pages)
 */
export function prepareBuild(
  input: Pick<BuildInput, 'configText' | 'memory' | 'siteUrl'>,
  paths: readonly string[],
): { readonly config: SiteConfig; readonly stopped: null } | { readonly config: null; readonly stopped: BuildResult } {
  const previous = input.memory ?? EMPTY_MEMORY;
  const applied = configFor(input.configText, previous, input.siteUrl);
  return applied.config
    ? { config: applied.config, stopped: null }
    : { config: null, stopped: stoppedBuild(applied, previous, paths) };
}

/** Runs the pipeline. Never throws on bad content: every problem is in `problems`. */
export function buildSite(input: BuildInput): BuildResult {
  const previous = input.memory ?? EMPTY_MEMORY;
  const applied = configFor(input.configText, previous, input.siteUrl);
  if (!applied.config)
    return stoppedBuild(
      applied,
      previous,
      input.pages.map((p) => p.path),
    );
  const sections = applied.config.sections;
  const pages = input.pages.filter((p) => isEventPage(p.path, sections)).sort((a, b) => (a.path < b.path ? -1 : 1));
  // Each page is read once: first what the site's zone needs (where its venue is), then the rest in that zone.
  const read = pages.map((page): PageRead | PageOutcome => ('outcome' in page ? page.outcome : readPage(page)));
  const zone = siteZoneOf(
    applied.config,
    read.map((r) => r.venue),
  );
  const config = zone.config;
  const problems: Problem[] = [...applied.problems, ...zone.problems];
  const lastGood: Record<string, string> = {};
  const events: Array<{ event: EventHeader; outcome: PageOutcome }> = [];
  for (const [i, page] of pages.entries()) {
    const fresh = outcomeIn(read[i], page, config);
    const remembered = lastGoodAfter(previous.lastGood[page.path], page.text, fresh.event !== null);
    if (remembered !== undefined) lastGood[page.path] = remembered;
    const outcome = fresh.event ? fresh : fromLastGood(fresh, remembered, page.language, config);
    problems.push(...outcome.problems);
    if (outcome.event) events.push({ event: outcome.event, outcome });
  }

  const hinted = events.filter((e) => e.outcome.wallClockHint).map((e) => e.event);
  if (hinted.length) problems.push(wallClockHint(hinted, config));
  const zWallClock = events.filter((e) => e.outcome.zWallClock).map((e) => e.event);
  if (zWallClock.length && !config.explicit.includes('wallClockZ')) problems.push(zAsWallClock(zWallClock));
  const skipped: Array<{ file: string; reason: SkipReason }> = [];
  const memories = { ...previous.events };
  const publishing: Publishing[] = [];
  for (const { event, outcome } of rejectDuplicateIdentities(events, problems)) {
    problems.push(...farAheadProblems(event, input.now));
    const reason = skipReason(event, input.now);
    if (reason) {
      skipped.push({ file: event.file, reason });
      continue;
    }
    const unbuilt = unbuiltPageProblem(event, input.now, config);
    if (unbuilt) problems.push(unbuilt);
    // SEQUENCE and the change time: decided here, once per event per build.
    const pieces = outcome.pieces as NonNullable<PageOutcome['pieces']>; // an outcome with an event has its pieces
    const memory = remember(previous.events[event.id], pieces.fingerprint, event, input.now);
    memories[event.id] = memory;
    publishing.push({ event, pieces, memory });
  }
  const { sites, problems: tagProblems } = sitesWithoutTakenPaths(config, publishing, input.now, problems);
  problems.push(...tagProblems);
  return {
    stopped: false,
    configRejected: applied.rejected,
    config,
    outputs: { [Symbol.iterator]: () => allFiles(sites) },
    paths: () => sites.flatMap(({ site, prefix }) => [...sitePaths(site, prefix)]),
    memory: { version: 2, events: memories, lastGood, lastGoodConfig: applied.text },
    problems,
    published: sites.flatMap(({ site, prefix }) => site.events.map((e) => `${prefix}${e.event.id}`)),
    languages: sites.map(({ site, prefix }) => ({
      folder: prefix.slice(0, -1), // `fr/` → `fr`; '' stays ''
      language: site.config.language,
      published: site.events.length,
    })),
    skipped,
    pages: pages.length,
  };
}

function* allFiles(sites: readonly LanguageSite[]): Generator<OutputFile> {
  for (const { site, prefix } of sites) yield* siteFiles(site, prefix);
}

/**
 * One warning for the site when pages write `Z` times that their own programme reads as wall clock
 * (the seed's site is the model case): `wallClockZ: true` is likely what the site means.
 */
function wallClockHint(events: readonly EventHeader[], config: SiteConfig): Problem {
  const example = events[0];
  const at = new Date(startInstant(example.time)).toISOString().slice(11, 16); // a hinted event is timed
  return {
    file: CONFIG_FILE,
    severity: 'warning',
    field: 'wallClockZ',
    message:
      `${events.length} page(s) write times with Z that their own programme gives as local clock times (e.g. ${example.file}: ${at}Z, programme from ${at}): ` +
      `a Hugo theme shows them as written, so they likely mean ${at} in ${config.timeZone}. If so, set \`wallClockZ: true\` in calpub.yaml (every Z time then reads as ${config.timeZone} wall clock; check one event after)`,
  };
}

/**
 * A page's outcome in the site's zone: made now from the page read, or made ahead by an adapter (which
 * decides the site's zone the same way, `siteZoneOf`, before processing pages).
 */
function outcomeIn(read: PageRead | PageOutcome, page: PageInput, config: SiteConfig): PageOutcome {
  if ('parsed' in read) return processPage(read, config);
  if (read.siteZone === config.timeZone) return read;
  if (page.text === undefined)
    throw new Error(
      `the outcome of ${page.path} was made in the zone ${read.siteZone}, not the site's ${config.timeZone}, and its text was not read`,
    );
  return processPage(
    { path: page.path, text: page.text, ...(page.language ? { language: page.language } : {}) },
    config,
  );
}

/**
 * One warning for the site when its pages write times with `Z` and calpub reads them as the clock time
 * written (`wallClockZ`, by default): the hour the site shows. Silent once `wallClockZ` is set.
 */
function zAsWallClock(events: readonly EventHeader[]): Problem {
  const example = events[0];
  const zones = [...new Set(events.map((e) => e.time.timeZone))].sort();
  const clock = wallClockTime(startInstant(example.time), example.time.timeZone); // a start written with Z is timed
  return {
    file: CONFIG_FILE,
    severity: 'warning',
    field: 'wallClockZ',
    message:
      `${events.length} page(s) write their times with Z (e.g. ${example.file}: ${clock}Z): a Hugo site shows such a time as written ("${clock}"), so calpub publishes ${clock} in the event's zone (${zones.slice(0, 3).join(', ')}${zones.length > 3 ? ', …' : ''}). ` +
      'If your Z times really are UTC, set `wallClockZ: false` in calpub.yaml; set `wallClockZ: true` to confirm and silence this',
  };
}

/** A build that stops on its configuration: no output, the memory as it was, the problems saying why. */
function stoppedBuild(applied: AppliedConfig, memory: Memory, paths: readonly string[]): BuildResult {
  return {
    stopped: true,
    configRejected: true,
    config: DEFAULT_CONFIG,
    outputs: [],
    paths: () => [],
    memory,
    problems: applied.problems,
    published: [],
    languages: [],
    skipped: [],
    pages: paths.filter((path) => isEventPage(path, DEFAULT_CONFIG.sections)).length,
  };
}

/**
 * A broken page that made an event before keeps publishing it: its last good text, read with the
 * current configuration, with the new problems and a note. Without such a text, the broken outcome.
 */
function fromLastGood(
  broken: PageOutcome,
  text: string | undefined,
  language: string | undefined,
  config: SiteConfig,
): PageOutcome {
  if (text === undefined) return broken;
  const kept = processPage({ path: broken.file, text, ...(language ? { language } : {}) }, config);
  if (!kept.event) return broken;
  const note: Problem = {
    file: broken.file,
    severity: 'warning',
    field: null,
    message: 'the version published before stays in the calendar until the errors above are fixed',
  };
  return { ...kept, problems: [...broken.problems, note] };
}

/**
 * Outputs own their paths: a page whose identity gives a path the site's own files have (`slug:
 * calendar` makes `calendar.ics`, `slug: embed` the widget's page, a page at `tags/x/calendar.md` a
 * tag's calendar), or a path in a private folder, is rejected, never written over the other. The sites
 * are then made without it. (Two events never share a path: each path is its identity and its kind's
 * suffix, and two pages with one identity are rejected before.)
 */
function sitesWithoutTakenPaths(
  config: SiteConfig,
  publishing: readonly Publishing[],
  now: number,
  problems: Problem[],
): ReturnType<typeof languageSites> {
  const made = languageSites(config, publishing, now);
  const siteOwned = new Map<string, OutputName>();
  const eventPaths: Array<{ path: string; event: string }> = [];
  for (const { site, prefix } of made.sites) {
    for (const { path, event, kind } of pathOwners(site, prefix)) {
      if (event === null) siteOwned.set(path, kind);
      else eventPaths.push({ path, event: `${prefix}${event}` });
    }
  }
  const rejected = new Map<string, string>();
  for (const { path, event } of eventPaths) {
    const reserved = RESERVED.find((r) => path.startsWith(r));
    const kind = siteOwned.get(path);
    if (reserved === undefined && kind === undefined) continue;
    const owner = reserved
      ? `in calpub's private folder \`${reserved}\``
      : `the site's ${OUTPUTS[kind as OutputName].path.includes('<tag>') ? 'tag file' : 'own file'} too`;
    rejected.set(
      event,
      `its identity \`${event}\` gives the path \`${path}\`, which is ${owner}: nothing is written over another output; give the page another \`slug\` (or move it)`,
    );
  }
  if (!rejected.size) return made;
  for (const p of publishing) {
    const message = rejected.get(p.event.id);
    if (message) problems.push({ file: p.event.file, severity: 'error', field: 'slug', message });
  }
  return languageSites(
    config,
    publishing.filter((p) => !rejected.has(p.event.id)),
    now,
  );
}

/** Folders of calpub's own in an output folder: no page may write there. */
const RESERVED = ['.calpub/', '_calpub/'];

/** Two pages with one identity would fight over one UID and one URL: both are rejected, loudly. */
function rejectDuplicateIdentities<T extends { event: EventHeader }>(events: readonly T[], problems: Problem[]): T[] {
  const byId = new Map<string, T[]>();
  for (const e of events) byId.set(e.event.id, [...(byId.get(e.event.id) ?? []), e]);
  const out: T[] = [];
  for (const [id, group] of byId) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    for (const { event } of group) {
      const others = group
        .filter((o) => o.event !== event)
        .map((o) => o.event.file)
        .join(', ');
      problems.push({
        file: event.file,
        severity: 'error',
        field: 'slug',
        message: `has the same identity \`${id}\` (so the same UID and URL) as ${others}; rename one page or give it another \`slug\``,
      });
    }
  }
  return out;
}
