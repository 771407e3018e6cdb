/**
 * Everything that depends on one page alone: parse, normalize, read the agenda, render its pieces
 * (the VEVENT, the HTML for feeds). Pure and JSON-serializable, so outcomes can be reused from a
 * cache keyed by the page's bytes, and the build only assembles them.
 */
import { agendaClock, agendaOf, looksWallClock, placeSessions, type AgendaClock } from './read/agenda';
import { html } from './formats/html/html';
import { labelsFor, type Labels } from './i18n/labels';
import { describeEvent } from './formats/describe';
import { locationLine } from './read/fields';
import { parseFrontMatter } from './read/frontmatter';
import { humanWhen } from './formats/human-dates';
import { parseMarkdown, renderHtml, renderText } from './read/markdown';
import type { CalEvent, Problem, Session, SiteConfig, SourceFile } from './model';
import { normalizePage, venueOf } from './read/normalize';
import type { VenueZone } from './read/venue-zone';
import { publishes } from './read/config';
import { renderVeventContent } from './formats/ics';
import type { EventHeader, EventPieces } from './published';
import { cut } from './shared/cut';
import { fingerprintOf } from './memory';
import { isUtcZone } from './read/zones';
import { MAX_SHORTCODE_DEPTH, shortcodeDepth } from './read/shortcodes';

/**
 * Above this many bytes of text (summary, abstract and body), a page is shortened in the aggregates,
 * with a warning: 40 times the largest of 58 real event pages (6 KB), so only a pasted document or
 * an embedded image reaches it, and one such page would otherwise outweigh a hundred events in
 * every subscriber's calendar and every feed.
 */
export const HUGE_TEXT_BYTES = 256 * 1024;
/** How much of a huge page's lead and body the aggregates keep (about a long page's worth). */
const SHORT_LEAD = 1000;
const SHORT_BODY = 3000;

/** What one page gives the build. */
export interface PageOutcome {
  readonly file: string;
  readonly problems: readonly Problem[];
  /** The event, or null when an error keeps the page out. */
  readonly event: EventHeader | null;
  readonly pieces: EventPieces | null;
  /** Where the page places its venue (`venueOf`): the build finds the site's zone from every page's. */
  readonly venue: VenueZone | null;
  /** The site's zone the page was read in (`SiteConfig.timeZone`): an outcome made in another is not used. */
  readonly siteZone: string;
  /** Set when the start, written with `Z`, was read as UTC but looks like wall clock (`looksWallClock`): the build hints at `wallClockZ`. */
  readonly wallClockHint?: true;
  /** Set when the start was written with `Z` and read as the wall clock it shows (`wallClockZ`). */
  readonly zWallClock?: true;
}

/** A page read once: its front matter split and parsed (or why not), and where it places its venue. */
export interface PageRead {
  readonly file: SourceFile;
  readonly parsed: ReturnType<typeof parseFrontMatter>;
  readonly venue: VenueZone | null;
}

/** Reads a page's front matter, and where it places its venue: all the site's zone needs of it. */
export function readPage(file: SourceFile): PageRead {
  const parsed = parseFrontMatter(file);
  return { file, parsed, venue: parsed.ok ? venueOf(parsed.page.data) : null };
}

/**
 * Processes one page (or a page already read), in the site's zone as `config` gives it. Never throws
 * on bad content. The HTML and the date in words are made only when an output shows them (feeds,
 * pages): a site that publishes calendars only skips the costliest part.
 */
export function processPage(page: SourceFile | PageRead, config: SiteConfig): PageOutcome {
  const file = 'parsed' in page ? page.file : page;
  try {
    return outcomeOf('parsed' in page ? page : readPage(page), config);
  } catch (err) {
    // No page may stop the build: whatever it holds that calpub did not foresee is a problem on it.
    const message = `calpub could not read this page (${(err as Error).message}); the other pages are published. Please report it with the page`;
    return {
      file: file.path,
      problems: [{ file: file.path, severity: 'error', field: null, message }],
      event: null,
      pieces: null,
      venue: null,
      siteZone: config.timeZone,
    };
  }
}

function outcomeOf({ file, parsed, venue }: PageRead, config: SiteConfig): PageOutcome {
  const zone = { venue, siteZone: config.timeZone };
  if (!parsed.ok)
    return {
      file: file.path,
      problems: [...encodingWarnings(file), parsed.problem],
      event: null,
      pieces: null,
      ...zone,
    };
  const normalized = normalizePage(parsed.page, config);
  const problems = [...encodingWarnings(file), ...parsed.warnings, ...normalized.problems];
  const event = normalized.event;
  if (!event) return { file: file.path, problems, event: null, pieces: null, ...zone };
  const lines = agendaOf([event.abstract ?? '', event.body]);
  const clock = agendaClock(event.time);
  const sessions = lines.length ? placeSessions(lines, event.time, clock.at) : [];
  // Pages need feeds (config.ts), so feeds and the widget are every output that shows HTML.
  const showsHtml = publishes(config, 'feeds') || publishes(config, 'widget');
  // Each Markdown text is parsed once and rendered as text (calendars) and, when shown, HTML.
  const body = render(event.body, event.url, config.permalinkBase, showsHtml);
  const leadSource = event.abstract ?? event.summary ?? '';
  const lead = render(leadSource, event.url, config.permalinkBase, showsHtml);
  const short =
    event.summary && event.abstract ? render(event.summary, event.url, config.permalinkBase, false).text : lead.text;
  // Words in the event's own language (a `.fr.md` page on an English site is French).
  const language = event.language ?? config.language;
  const labels = labelsFor(language);
  const header = headerOf(event, sessions, short, showsHtml ? humanWhen(event.time, language) : '');
  const ics = renderVeventContent(
    event,
    describeEvent(event, { lead: lead.text, body: body.text }, sessions, clock, labels),
  );
  const size =
    Buffer.byteLength(event.body) +
    Buffer.byteLength(leadSource) +
    (event.abstract && event.summary ? Buffer.byteLength(event.summary) : 0);
  const aggregate =
    size > HUGE_TEXT_BYTES
      ? shortened(event, { lead: lead.text, body: body.text }, sessions, clock, labels, showsHtml)
      : undefined;
  if (aggregate) problems.push(hugeWarning(file.path, size));
  const depth = Math.max(shortcodeDepth(event.body), shortcodeDepth(event.abstract ?? ''));
  if (depth > MAX_SHORTCODE_DEPTH) {
    problems.push({
      file: file.path,
      severity: 'warning',
      field: null,
      message: `shortcodes are nested ${depth} deep: calpub reads ${MAX_SHORTCODE_DEPTH} levels and drops the shortcodes below them, keeping their text; nest fewer`,
    });
  }
  // Published fields: the VEVENT, the Markdown every other output renders, and the fields they show.
  // Sources rather than their HTML, so the fingerprint does not depend on which outputs are made.
  // The image only when there is one, so that pages without one keep their fingerprint (and SEQUENCE).
  const shown = JSON.stringify([
    leadSource,
    event.summary,
    event.body,
    header.authors,
    header.links,
    header.series,
    header.language,
    ...(event.image ? [event.image] : []),
  ]);
  const pieces: EventPieces = {
    ics,
    leadHtml: lead.html,
    bodyHtml: body.html,
    fingerprint: fingerprintOf(`${ics.content}\n${shown}`),
  };
  const outcome: PageOutcome = {
    file: file.path,
    problems,
    event: aggregate ? { ...header, summaryText: cut(header.summaryText, SHORT_LEAD) } : header,
    pieces: aggregate ? { ...pieces, aggregate } : pieces,
    ...zone,
  };
  return {
    ...outcome,
    ...(looksWallClock(event.time, lines) ? { wallClockHint: true } : {}),
    ...(config.wallClockZ &&
    event.time.kind === 'timed' &&
    !isUtcZone(event.time.timeZone) &&
    writtenWithZ(parsed.page.data, event.startField)
      ? { zWallClock: true }
      : {}),
  };
}

/** Whether the start is written in UTC (`Z`, `-00:00`): on a site whose clock is not UTC, read as wall clock. */
function writtenWithZ(data: Record<string, unknown>, field: string): boolean {
  // Only a date-time takes an offset (time.ts), so a value that ends so has a time; no other value does.
  return /(?:[zZ]|-00:?00)\s*$/.test(String(data[field]));
}

/** The aggregates' version of a huge page: its texts cut at a word, and where the whole is. */
function shortened(
  event: CalEvent,
  texts: { lead: string; body: string },
  sessions: readonly Session[],
  clock: AgendaClock,
  labels: Labels,
  withHtml: boolean,
): EventPieces['aggregate'] {
  const lead = cut(texts.lead, SHORT_LEAD) ?? '';
  const body = `${cut(texts.body, SHORT_BODY) ?? ''}\n\n${labels.text.shortened}`.trim();
  return {
    ics: renderVeventContent(event, describeEvent(event, { lead, body }, sessions, clock, labels)),
    leadHtml: withHtml && lead ? html`<p>${lead}</p>`.value : '',
    bodyHtml: withHtml
      ? html`<p>${cut(texts.body, SHORT_BODY) ?? ''}</p><p><a href="${event.url}">${labels.fullDescription}</a></p>`
          .value
      : '',
  };
}

function hugeWarning(file: string, size: number): Problem {
  const kb = Math.round(size / 1024);
  return {
    file,
    severity: 'warning',
    field: null,
    message: `the page's text is ${kb} KB, more than ${HUGE_TEXT_BYTES / 1024} KB: its own page and .ics carry it whole, but the site calendar, tag calendars and feeds carry it shortened; move long documents or embedded images (data: URLs) out of the page and link to them`,
  };
}

function encodingWarnings(file: SourceFile): Problem[] {
  if (file.encoding !== 'windows-1252') return [];
  return [
    { file: file.path, severity: 'warning', field: null, message: 'not UTF-8: read as Windows-1252; save it as UTF-8' },
  ];
}

function render(
  markdown: string,
  baseUrl: string,
  siteBase: string | null,
  withHtml: boolean,
): { text: string; html: string } {
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
