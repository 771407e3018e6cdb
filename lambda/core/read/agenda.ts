/**
 * The agenda (sessions) written in an event's text: the lines that stand out as entries (see
 * agenda-lines.ts) and start with a clock time or range (`## 14h00-15h00 : Pitchs`,
 * `**19:15 - 19:30**: Setup`, `16h00: Pot final`, `- 18:00 Introduction`), placed in time.
 */
import { clockText } from '../shared/stamps';
import { candidateGroups } from './agenda-lines';
import { readClockRange, type ClockTime } from './clock';
import type { EventTime, Session } from '../model';
import { expandShortcodes } from './shortcodes';
import { wallClockTime, wallDateOf, zonedInstant } from './time';

/** A session as written: wall-clock times on the event's first day. */
export interface AgendaLine {
  readonly start: ClockTime;
  readonly end: ClockTime | null;
  readonly title: string;
}

const MIN_PROGRAMME = 2;

/**
 * Reads the agenda lines of a Markdown text, in order: headings and lines standing alone, and the
 * lines of a list, quote, table or broken paragraph when at least two of them start with a time.
 */
export function readAgenda(markdown: string): AgendaLine[] {
  const out: AgendaLine[] = [];
  for (const group of candidateGroups(expandShortcodes(markdown))) {
    const read = group.flatMap((c) => {
      const entry = parseEntry(c.text);
      return entry ? [{ entry, alone: c.alone }] : [];
    });
    const programme = read.filter((r) => !r.alone).length >= MIN_PROGRAMME;
    for (const r of read) if (r.alone || programme) out.push(r.entry);
  }
  return out;
}

/** `14h00-15h00 : Title` → the times and the title; null when the text is not an agenda entry. */
export function parseEntry(text: string): AgendaLine | null {
  const read = readClockRange(text);
  if (!read) return null;
  let rest = text.slice(read.length);
  // "10.50 euros" is a price, not a time: a dotted time must be followed by a separator.
  if (/^\d{1,2}\./.test(text) && !/^\s*[:\-–—]/.test(rest)) return null;
  if (!/^[\s:\-–—|.)]/.test(rest)) return null; // "14:00pm-ish", "16h00abc"; nothing after the time: no title
  if (/^:\d/.test(rest)) return null; // "00:01:45 Topic": a media timestamp, not a time of day
  rest = rest.replace(/^[\s:\-–—|.)]+/, '');
  const title = stripInlineMarkdown(rest).trim();
  if (!/\p{L}/u.test(title)) return null;
  return { start: read.range.start, end: read.range.end, title };
}

function stripInlineMarkdown(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_]+)[*_]/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+#+\s*$/, '')
    .replace(/\s+/g, ' ');
}

/**
 * Places agenda lines on the event's first day, in its zone (or at the UTC offset its start was
 * written with). A session without an end ends when the next starts; the last ends with the event.
 * Sessions that fall outside the event's own time are left out.
 * @param toInstant - wall-clock minutes since midnight of the first day → epoch ms
 */
export function placeSessions(
  lines: readonly AgendaLine[],
  time: EventTime,
  toInstant: (minutes: number) => number,
): Session[] {
  const starts = lines.map((l) => toInstant(l.start.hour * 60 + l.start.minute));
  const eventEnd = time.kind === 'timed' ? time.end : toInstant(24 * 60);
  const sessions: Session[] = [];
  lines.forEach((line, i) => {
    const start = starts[i];
    const explicitEnd = line.end ? toInstant(line.end.hour * 60 + line.end.minute) : Number.NEGATIVE_INFINITY;
    const next = starts.slice(i + 1).find((s) => s > start) ?? null;
    const end = explicitEnd > start ? explicitEnd : (next ?? eventEnd ?? start);
    sessions.push({ start, end: Math.max(end, start), title: line.title });
  });
  if (time.kind === 'timed') {
    // At minute precision: an event written to start at 19:00:01 has its 19:00 session, moved to its start.
    const earliest = Math.floor(time.start / 60_000) * 60_000;
    const latest = time.end ?? time.start + 24 * 60 * 60_000;
    return sessions
      .filter((s) => s.start >= earliest && s.start < latest)
      .map((s) => ({ ...s, start: Math.max(s.start, time.start), end: Math.min(Math.max(s.end, time.start), latest) }));
  }
  return sessions;
}

/** The wall clock an event's agenda is written in: its start's offset, or its zone. */
export interface AgendaClock {
  /** Minutes after midnight of the event's first day → epoch ms. */
  readonly at: (minutes: number) => number;
  /** Epoch ms → `HH:MM` on that clock. */
  readonly format: (instant: number) => string;
}

/** The clock of an event: its start's written offset, else its zone. */
export function agendaClock(time: EventTime): AgendaClock {
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  if (time.kind === 'timed' && time.writtenOffset !== null) {
    const offsetMs = time.writtenOffset * 60_000;
    const midnight = Date.parse(`${new Date(time.start + offsetMs).toISOString().slice(0, 10)}T00:00:00Z`);
    return { at: (minutes) => midnight + minutes * 60_000 - offsetMs, format: (ms) => hhmm(ms + offsetMs) };
  }
  const zone = time.timeZone;
  const date = time.kind === 'timed' ? wallDateOf(time.start, zone) : time.startDate;
  return {
    at: (minutes) => zonedInstant(date, minutes, zone),
    format: (ms) => wallClockTime(ms, zone),
  };
}

/**
 * The agenda lines of an event's texts (the abstract, then the body: a programme may be in either).
 * An entry both repeat is read once.
 */
export function agendaOf(texts: string | readonly string[]): AgendaLine[] {
  const seen = new Set<string>();
  return (typeof texts === 'string' ? [texts] : texts).flatMap(readAgenda).filter((l) => {
    const key = `${l.start.hour}:${l.start.minute} ${l.title}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * Whether a start written with `Z` (read as UTC) looks like the organiser's wall clock instead: the
 * programme's first time is the `Z` time's clock (`14:00Z`, `## 14h00-15h00`) and not the zone's
 * (15:00 in Paris in winter). Hugo themes show such times as written, so many sites mean them so.
 */
export function looksWallClock(time: EventTime, lines: readonly AgendaLine[]): boolean {
  if (time.kind !== 'timed' || !time.writtenUtc || lines.length === 0) return false;
  const first = lines[0].start;
  const utc = new Date(time.start);
  const written = first.hour === utc.getUTCHours() && first.minute === utc.getUTCMinutes();
  return written && wallClockTime(time.start, time.timeZone) !== clockText(first.hour, first.minute);
}
