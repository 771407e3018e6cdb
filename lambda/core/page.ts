/**
 * Everything that depends on one page alone: parse, normalize, read the agenda, render its pieces
 * (the VEVENT, the HTML for feeds). Pure and JSON-serializable, so outcomes can be reused from a
 * cache keyed by the page's bytes, and the build only assembles them.
 */
import { agendaClock, sessionsOf, type Session } from './read/agenda';
import { describeEvent } from './formats/describe';
import { locationLine } from './read/fields';
import { parseFrontMatter } from './read/frontmatter';
import { humanWhen } from './formats/human-dates';
import { parseMarkdown, renderHtml, renderText } from './read/markdown';
import type { CalEvent, Problem, SiteConfig, SourceFile } from './model';
import { normalizePage } from './read/normalize';
import { publishes } from './read/config';
import { renderVeventContent, type VeventPiece } from './formats/ics';
import { fingerprintOf } from './memory';

/**
 * What the build needs of an event once its pieces are rendered: everything but the Markdown texts
 * (which are large, and already rendered into the pieces).
 */
export type EventHeader = Omit<CalEvent, 'body' | 'abstract' | 'summary'> & {
  /** Summary (or abstract) as plain text. */
  readonly summaryText: string | null;
  /** Venue and address on one line. */
  readonly locationText: string | null;
  readonly sessions: readonly Session[];
  /** When, in words, in the site's language and zone ('' when no output shows it). */
  readonly when: string;
};

/** The rendered pieces of one event. */
export interface EventPieces {
  readonly ics: VeventPiece;
  /** The abstract (or summary) as sanitized HTML with absolute URLs ('' when no output shows HTML). */
  readonly leadHtml: string;
  /** The body as sanitized HTML with absolute URLs ('' when no output shows HTML). */
  readonly bodyHtml: string;
  /** Hash of the published fields: SEQUENCE rises when it changes. */
  readonly fingerprint: string;
}

/** What one page gives the build. */
export interface PageOutcome {
  readonly file: string;
  readonly problems: readonly Problem[];
  /** The event, or null when an error keeps the page out. */
  readonly event: EventHeader | null;
  readonly pieces: EventPieces | null;
}

/**
 * Processes one page. Never throws on bad content. The HTML and the date in words are made only when
 * an output shows them (feeds, pages): a site that publishes calendars only skips the costliest part.
 */
export function processPage(file: SourceFile, config: SiteConfig): PageOutcome {
  const parsed = parseFrontMatter(file);
  if (!parsed.ok) return { file: file.path, problems: [...encodingWarnings(file), parsed.problem], event: null, pieces: null };
  const normalized = normalizePage(parsed.page, config);
  const problems = [...encodingWarnings(file), ...parsed.warnings, ...normalized.problems];
  const event = normalized.event;
  if (!event) return { file: file.path, problems, event: null, pieces: null };
  const sessions = sessionsOf([event.abstract ?? '', event.body], event.time, config.timeZone);
  const clock = agendaClock(event.time, config.timeZone);
  const showsHtml = publishes(config, 'feeds') || publishes(config, 'pages');
  // Each Markdown text is parsed once and rendered as text (calendars) and, when shown, HTML.
  const body = render(event.body, event.url, config.permalinkBase, showsHtml);
  const leadSource = event.abstract ?? event.summary ?? '';
  const lead = render(leadSource, event.url, config.permalinkBase, showsHtml);
  const short = event.summary && event.abstract ? render(event.summary, event.url, config.permalinkBase, false).text : lead.text;
  const header = headerOf(event, sessions, short, showsHtml ? humanWhen(event.time, config) : '');
  const ics = renderVeventContent(event, describeEvent(event, { lead: lead.text, body: body.text }, sessions, clock));
  // Published fields: the VEVENT, the Markdown every other output renders, and the fields they show.
  // Sources rather than their HTML, so the fingerprint does not depend on which outputs are made.
  const shown = JSON.stringify([leadSource, event.summary, event.body, header.authors, header.links, header.series, header.language]);
  return { file: file.path, problems, event: header, pieces: { ics, leadHtml: lead.html, bodyHtml: body.html, fingerprint: fingerprintOf(`${ics.content}\n${shown}`) } };
}

function encodingWarnings(file: SourceFile): Problem[] {
  if (file.encoding !== 'windows-1252') return [];
  return [{ file: file.path, severity: 'warning', field: null, message: 'not UTF-8: read as Windows-1252; save it as UTF-8' }];
}

function render(markdown: string, baseUrl: string, siteBase: string | null, withHtml: boolean): { text: string; html: string } {
  if (!markdown.trim()) return { text: '', html: '' };
  const doc = parseMarkdown(markdown, baseUrl, siteBase);
  const html = withHtml ? renderHtml(doc) : '';
  return { text: renderText(doc), html };
}

function headerOf(e: CalEvent, sessions: Session[], summaryText: string, when: string): EventHeader {
  const { body: _body, abstract: _abstract, summary: _summary, ...rest } = e;
  return {
    ...rest,
    summaryText: summaryText || null,
    locationText: locationLine(e.location, e.address),
    sessions,
    when,
  };
}
