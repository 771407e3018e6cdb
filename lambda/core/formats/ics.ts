/**
 * iCalendar output (RFC 5545 + RFC 7986 + the de-facto X-WR-* properties).
 *
 * Each event is rendered once into a folded VEVENT string; calendars (the whole site, one event, later
 * one tag) are assembled from those pieces with the VTIMEZONEs their TZIDs need.
 */
import { escapeText, line, textLine } from './ics-lines';
import type { CalEvent, EventMemory, SiteConfig } from '../model';
import { nextDay, utcStamp, wallClockStamp } from '../read/time';
import { locationLine } from '../read/fields';
import { SharedText, type Part } from '../parts';
import { homeUrl } from '../read/config';
import { isUtcZone, vtimezoneOf } from '../vtimezone';

/** A rendered VEVENT and the time zone it refers to (null when it needs no VTIMEZONE). */
export interface VeventPiece {
  readonly id: string;
  /** Sort key: start instant (all-day: midnight UTC of the start date). */
  readonly sortKey: number;
  readonly timeZone: string | null;
  /** The lines that carry the event's published fields (the fingerprint is taken over these). */
  readonly content: string;
}

const PRODID = '-//calpub//calpub 0.1//EN';

/** Renders the part of a VEVENT that depends only on the event (not on when it changed). */
export function renderVeventContent(event: CalEvent, description: string): VeventPiece {
  const zone = event.time.kind === 'timed' && !isUtcZone(event.time.timeZone) ? event.time.timeZone : null;
  let s = line('UID', escapeText(event.uid));
  s += datesLines(event, zone);
  s += textLine('SUMMARY', event.title);
  if (description) s += textLine('DESCRIPTION', description);
  const where = locationLine(event.location, event.address);
  if (where) s += textLine('LOCATION', where);
  if (event.geo) s += line('GEO', `${event.geo.lat};${event.geo.lon}`);
  if (event.tags.length) s += line('CATEGORIES', event.tags.map(escapeText).join(','));
  s += line('URL;VALUE=URI', event.url);
  s += line('STATUS', event.status);
  s += line('TRANSP', event.status === 'CANCELLED' || event.time.kind === 'allDay' ? 'TRANSPARENT' : 'OPAQUE');
  const sortKey = event.time.kind === 'timed' ? event.time.start : Date.parse(`${event.time.startDate}T00:00:00Z`);
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

/**
 * The full VEVENT: content plus the properties that say when it last changed. Shared by every
 * calendar that carries the event (the site's, its own, its tags').
 */
export function wrapVevent(piece: VeventPiece, memory: EventMemory): SharedText {
  return new SharedText(wrapVeventText(piece, memory));
}

/** The text of `wrapVevent`. */
export function wrapVeventText(piece: VeventPiece, memory: EventMemory): string {
  const changed = utcStamp(memory.changedAt);
  return (
    'BEGIN:VEVENT\r\n' +
    `DTSTAMP:${changed}\r\nLAST-MODIFIED:${changed}\r\nSEQUENCE:${memory.sequence}\r\n` +
    piece.content +
    'END:VEVENT\r\n'
  );
}

/** What a calendar file is called and says about itself. */
export interface CalendarHeader {
  readonly name: string;
  readonly description: string;
  /** Absolute URL of this calendar file (RFC 7986 SOURCE). */
  readonly source: string;
}

/**
 * Assembles a VCALENDAR from rendered events, as the parts of the file.
 * @param header - what the calendar says about itself, or its head already rendered (`calendarHead`)
 * @param events - pieces with their full VEVENT, in any order (sorted here by start, then id)
 */
export function assembleCalendar(
  header: CalendarHeader | Part,
  events: ReadonlyArray<{ piece: VeventPiece; vevent: Part }>,
  config: SiteConfig,
): Part[] {
  const sorted = [...events].sort((a, b) => a.piece.sortKey - b.piece.sortKey || (a.piece.id < b.piece.id ? -1 : a.piece.id > b.piece.id ? 1 : 0));
  const zones = [...new Set(sorted.map((e) => e.piece.timeZone).filter((z): z is string => z !== null))].sort();
  const parts: Part[] = [typeof header === 'string' || header instanceof SharedText ? header : calendarHead(header, config)];
  for (const zone of zones) parts.push(vtimezone(zone));
  for (const e of sorted) parts.push(e.vevent);
  parts.push(CALENDAR_END);
  return parts;
}

const CALENDAR_END = new SharedText('END:VCALENDAR\r\n');

/** The lines of a calendar before its VTIMEZONEs and events (may be made ahead, see `assembleCalendar`). */
export function calendarHead(header: CalendarHeader, config: SiteConfig): string {
  let s = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n' + line('PRODID', PRODID) + 'CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n';
  s += textLine('NAME', header.name) + textLine('X-WR-CALNAME', header.name);
  if (header.description) s += textLine('DESCRIPTION', header.description) + textLine('X-WR-CALDESC', header.description);
  s += line('X-WR-TIMEZONE', config.timeZone);
  s += line('REFRESH-INTERVAL;VALUE=DURATION', config.refreshInterval) + line('X-PUBLISHED-TTL', config.refreshInterval);
  s += line('SOURCE;VALUE=URI', header.source) + line('URL;VALUE=URI', homeUrl(config));
  if (config.color) s += line('X-APPLE-CALENDAR-COLOR', config.color.toUpperCase());
  return s;
}

const vtimezones = new Map<string, SharedText>();

/**
 * The VTIMEZONE of `zone`, shared by every calendar that needs it. Events only reach here with a zone
 * `zoneProblem` accepted, so a missing one is a bug, never a reason to write UTC times quietly.
 */
function vtimezone(zone: string): SharedText {
  let text = vtimezones.get(zone);
  if (!text) {
    const block = vtimezoneOf(zone);
    if (block === null) throw new Error(`no VTIMEZONE can be written for the time zone ${JSON.stringify(zone)}`);
    text = new SharedText(block);
    vtimezones.set(zone, text);
  }
  return text;
}
