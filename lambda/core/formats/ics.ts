/**
 * iCalendar output (RFC 5545 + RFC 7986 + the de-facto X-WR-* properties): the site's calendar, one
 * per event, one per tag. Each event's VEVENT lines are rendered once, with its page (a cached piece
 * of the page's outcome); calendars wrap them with the memory this build gave the event and the
 * VTIMEZONEs their TZIDs need.
 */
import { escapeText, line, textLine } from './ics-lines';
import type { CalEvent, EventMemory, SiteConfig } from '../model';
import type { PublishedEvent, Site, TagGroup, VeventPiece } from '../published';
import { nextDay, startInstant, utcStamp, wallClockStamp } from '../read/time';
import { locationLine } from '../read/fields';
import { eventCalendarUrl, homeUrl, tagUrls } from '../urls';
import { isUtcZone } from '../read/zones';
import { vtimezoneBlock } from './vtimezone';
import { tagEvents } from '../published-events';

const PRODID = '-//calpub//calpub 0.1//EN';

/** Renders the part of a VEVENT that depends only on the event (not on when it changed). */
export function renderVeventContent(event: CalEvent, description: string): VeventPiece {
  const zone = event.time.kind === 'timed' && !isUtcZone(event.time.timeZone) ? event.time.timeZone : null;
  let s = line('UID', escapeText(event.uid));
  s += datesLines(event, zone);
  s += textLine('SUMMARY', event.title);
  s += textLine('DESCRIPTION', description); // never empty: it ends with the event's page
  const where = locationLine(event.location, event.address);
  if (where) s += textLine('LOCATION', where);
  if (event.geo) s += line('GEO', `${event.geo.lat};${event.geo.lon}`);
  if (event.tags.length) s += line('CATEGORIES', event.tags.map(escapeText).join(','));
  s += line('URL;VALUE=URI', event.url);
  s += line('STATUS', event.status);
  s += line('TRANSP', event.status === 'CANCELLED' || event.time.kind === 'allDay' ? 'TRANSPARENT' : 'OPAQUE');
  const sortKey = startInstant(event.time);
  return { id: event.id, sortKey, timeZone: zone, content: s };
}

function datesLines(event: CalEvent, zone: string | null): string {
  const t = event.time;
  if (t.kind === 'allDay') {
    const start = t.startDate.replace(/-/g, '');
    const end = nextDay(t.endDate).replace(/-/g, ''); // RFC 5545: DTEND of a DATE event is exclusive
    return line('DTSTART;VALUE=DATE', start) + line('DTEND;VALUE=DATE', end);
  }
  const stamp = (instant: number) =>
    zone ? `;TZID=${zone}:${wallClockStamp(instant, zone)}` : `:${utcStamp(instant)}`;
  let s = `DTSTART${stamp(t.start)}\r\n`;
  if (t.end !== null) s += `DTEND${stamp(t.end)}\r\n`;
  return s;
}

/** The lines that open an event's VEVENT: the properties that say when it last changed (its content follows). */
function veventHead(memory: EventMemory): string {
  const changed = utcStamp(memory.changedAt);
  return `BEGIN:VEVENT\r\nDTSTAMP:${changed}\r\nLAST-MODIFIED:${changed}\r\nSEQUENCE:${memory.sequence}\r\n`;
}

/** What a calendar file is called and says about itself. */
export interface CalendarHeader {
  readonly name: string;
  readonly description: string;
  /** Absolute URL of this calendar file (RFC 7986 SOURCE). */
  readonly source: string;
}

/** `calendar.ics`: every published event. */
export function siteCalendar(site: Site): Iterable<string> {
  return calendar(
    site.config,
    { name: site.config.title, description: site.config.description, source: site.urls.calendar },
    site.events,
  );
}

/** `<event>.ics`: one event ("add to calendar"). */
export function eventCalendar(site: Site, e: PublishedEvent): Iterable<string> {
  return calendar(
    site.config,
    { name: e.event.title, description: '', source: eventCalendarUrl(e.event, site.config) },
    [e],
    true,
  );
}

/** `tags/<tag>/calendar.ics`: the events of one tag. */
export function tagCalendar(site: Site, tag: TagGroup): Iterable<string> {
  const header = {
    name: `${site.config.title}: ${tag.name}`,
    description: site.config.description,
    source: tagUrls(site.config, tag).calendar,
  };
  return calendar(site.config, header, tagEvents(site, tag));
}

/**
 * A VCALENDAR: the head, the VTIMEZONEs the events need, the events.
 * @param events - in calendar order (the site's events and a tag's are: `Site.events`)
 * @param whole - an event's own calendar: a huge page's full text, not the aggregates' shortened one
 */
export function* calendar(
  config: SiteConfig,
  header: CalendarHeader,
  events: readonly PublishedEvent[],
  whole = false,
): Generator<string> {
  yield calendarHead(header, config);
  yield* zoneSpans(events).map(([zone, span]) => vtimezoneBlock(zone, span.from, span.to));
  for (const e of events)
    yield* [
      veventHead(e.memory),
      (whole ? e.pieces.ics : (e.pieces.aggregate?.ics ?? e.pieces.ics)).content,
      'END:VEVENT\r\n',
    ];
  yield 'END:VCALENDAR\r\n';
}

/** The lines of a calendar before its VTIMEZONEs and events. */
function calendarHead(header: CalendarHeader, config: SiteConfig): string {
  let s = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${line('PRODID', PRODID)}CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n`;
  s += textLine('NAME', header.name) + textLine('X-WR-CALNAME', header.name);
  if (header.description)
    s += textLine('DESCRIPTION', header.description) + textLine('X-WR-CALDESC', header.description);
  s += line('X-WR-TIMEZONE', config.timeZone);
  s +=
    line('REFRESH-INTERVAL;VALUE=DURATION', config.refreshInterval) + line('X-PUBLISHED-TTL', config.refreshInterval);
  s += line('SOURCE;VALUE=URI', header.source) + line('URL;VALUE=URI', homeUrl(config));
  if (config.color) s += line('X-APPLE-CALENDAR-COLOR', config.color.toUpperCase());
  return s;
}

/**
 * The zones a calendar's events carry (TZID), each with the UTC years its events there span: its
 * VTIMEZONE holds the rules of those years (a 2018 event in São Paulo needs Brazil's summer time of 2018).
 */
function zoneSpans(events: readonly PublishedEvent[]): Array<[string, { from: number; to: number }]> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { pieces, event } of events) {
    const zone = pieces.ics.timeZone;
    if (zone === null || event.time.kind !== 'timed') continue;
    const from = new Date(event.time.start).getUTCFullYear();
    const to = new Date(event.time.end ?? event.time.start).getUTCFullYear();
    const span = spans.get(zone);
    spans.set(zone, span ? { from: Math.min(span.from, from), to: Math.max(span.to, to) } : { from, to });
  }
  return [...spans.entries()].sort(([a], [b]) => (a < b ? -1 : 1)); // a Map's keys: never equal
}
