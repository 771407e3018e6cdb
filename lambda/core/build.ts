/**
 * The whole pure pipeline: files → pages → events → selection → rendered outputs, plus the problems
 * found and the state for the next build. No file system, no clock, no environment: adapters feed it.
 */
import { parseConfig, withSiteUrl } from './config';
import { parseFrontMatter } from './frontmatter';
import { isCandidatePage } from './identity';
import type { BuildState, CalEvent, OutputFile, Problem, SiteConfig, SourceFile } from './model';
import { normalizePage } from './normalize';
import { assembleCalendar, renderVeventContent, wrapVevent, type VeventPiece } from './render-ics';
import { skipReason, type SkipReason } from './select';
import { EMPTY_STATE, fingerprintOf, remember } from './state';

/** Everything a build needs, already read by an adapter. */
export interface BuildInput {
  /** Every file under the content root (non-pages are ignored). */
  readonly files: readonly SourceFile[];
  /** Contents of `calpub.yaml`, or null when absent. */
  readonly configText: string | null;
  /** What the previous build remembered, or null. */
  readonly state: BuildState | null;
  /** The build clock, epoch ms. */
  readonly now: number;
  /** Overrides `siteUrl` (the Lambda's SITE_URL, the local server's address). */
  readonly siteUrl?: string;
  /** Called every `progressEvery` pages with how many pages were read so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a build produced. */
export interface BuildResult {
  readonly config: SiteConfig;
  readonly outputs: readonly OutputFile[];
  readonly state: BuildState;
  readonly problems: readonly Problem[];
  /** Identities of the published events, in calendar order. */
  readonly published: readonly string[];
  /** Valid events left out on purpose, with the reason. */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: SkipReason }>;
  /** Number of candidate pages read. */
  readonly pages: number;
}

/** Content types of the outputs (DESIGN.md § Outputs). */
export const CONTENT_TYPES = {
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** Runs the pipeline. Never throws on bad content: every problem is in `problems`. */
export function buildSite(input: BuildInput): BuildResult {
  const parsedConfig = parseConfig(input.configText);
  const config = input.siteUrl ? withSiteUrl(parsedConfig.config, input.siteUrl) : parsedConfig.config;
  const problems: Problem[] = [...parsedConfig.problems];
  const pages = input.files.filter((f) => isCandidatePage(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1));

  const events: CalEvent[] = [];
  pages.forEach((file, index) => {
    if (input.onProgress && index % 500 === 0) input.onProgress(index, pages.length);
    const parsed = parseFrontMatter(file);
    if (!parsed.ok) return void problems.push(parsed.problem);
    const normalized = normalizePage(parsed.page, config);
    problems.push(...normalized.problems);
    if (normalized.event) events.push(normalized.event);
  });
  input.onProgress?.(pages.length, pages.length);

  const unique = rejectDuplicateIdentities(events, problems);
  const skipped: Array<{ file: string; reason: SkipReason }> = [];
  const live = unique.filter((e) => {
    const reason = skipReason(e, input.now);
    if (reason) skipped.push({ file: e.file, reason });
    return reason === null;
  });

  const previous = input.state ?? EMPTY_STATE;
  const memories = { ...previous.events };
  const rendered = live.map((event) => {
    const piece = renderVeventContent(event, config);
    const memory = remember(previous.events[event.id], fingerprintOf(piece.content), event, input.now);
    memories[event.id] = memory;
    return { event, piece, vevent: wrapVevent(piece, memory) };
  });

  const outputs = renderOutputs(rendered, config);
  const published = [...rendered].sort(byStart).map((r) => r.event.id);
  return { config, outputs, state: { version: 1, events: memories }, problems, published, skipped, pages: pages.length };
}

type Rendered = { event: CalEvent; piece: VeventPiece; vevent: string };

function byStart(a: Rendered, b: Rendered): number {
  return a.piece.sortKey - b.piece.sortKey || (a.event.id < b.event.id ? -1 : 1);
}

function renderOutputs(rendered: readonly Rendered[], config: SiteConfig): OutputFile[] {
  const outputs: OutputFile[] = [
    {
      path: 'calendar.ics',
      contentType: CONTENT_TYPES.ics,
      body: assembleCalendar({ name: config.title, description: config.description, source: `${config.siteUrl}calendar.ics` }, rendered, config),
    },
  ];
  for (const r of rendered) {
    const path = `${r.event.id}.ics`;
    const header = { name: r.event.title, description: '', source: new URL(path, config.siteUrl).href };
    outputs.push({ path, contentType: CONTENT_TYPES.ics, body: assembleCalendar(header, [r], config) });
  }
  return outputs;
}

/** Two pages with one identity would fight over one UID and one URL: both are rejected, loudly. */
function rejectDuplicateIdentities(events: readonly CalEvent[], problems: Problem[]): CalEvent[] {
  const byId = new Map<string, CalEvent[]>();
  for (const e of events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const out: CalEvent[] = [];
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
