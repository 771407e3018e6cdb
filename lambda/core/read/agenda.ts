/**
 * The agenda (sessions) written in an event's body. Only lines that stand out as agenda entries are
 * read — headings, bold-prefixed lines, and lines that are a paragraph on their own — and only when
 * they start with a clock time or range (`## 14h00-15h00 : Pitchs`, `**19:15 - 19:30**: Setup`,
 * `16h00: Pot final`). Ordinary prose, list items and code never become sessions.
 */
import { readClockRange, type ClockTime } from './clock';
import type { EventTime } from '../model';
import { expandShortcodes } from './shortcodes';
import { wallClockStamp, wallDateOf, zonedInstant } from './time';

/** A session as written: wall-clock times on the event's first day. */
export interface AgendaLine {
  readonly start: ClockTime;
  readonly end: ClockTime | null;
  readonly title: string;
}

/** A session placed in time (epoch ms). */
export interface Session {
  readonly start: number;
  readonly end: number;
  readonly title: string;
}

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BOLD_PREFIX = /^ {0,3}(\*\*|__)(.+?)\1(.*)$/;
const BLOCK_START = /^ {0,3}([-*+>|]|\d+[.)]\s|```|~~~|<)/;

/** Reads the agenda lines of a Markdown body, in order. */
export function readAgenda(markdown: string): AgendaLine[] {
  const lines = expandShortcodes(markdown).replace(/\r\n?/g, '\n').split('\n');
  const out: AgendaLine[] = [];
  let inFence = false;
  lines.forEach((raw, i) => {
    if (/^ {0,3}(```|~~~)/.test(raw)) inFence = !inFence;
    if (inFence || !/\d/.test(raw)) return; // an entry starts with a time: no digit, no entry
    const candidate = agendaText(raw, lines[i - 1], lines[i + 1]);
    const entry = candidate === null ? null : parseEntry(candidate);
    if (entry) out.push(entry);
  });
  return out;
}

/** The text of a line that could be an agenda entry, or null. */
function agendaText(line: string, before: string | undefined, after: string | undefined): string | null {
  const heading = HEADING.exec(line);
  if (heading) return unwrapLeadingEmphasis(heading[1]);
  const bold = BOLD_PREFIX.exec(line);
  if (bold) return `${bold[2]}${bold[3].startsWith(' ') || /^[:\-–—]/.test(bold[3]) ? '' : ' '}${bold[3]}`;
  const alone = (before === undefined || before.trim() === '') && (after === undefined || after.trim() === '');
  if (alone && !BLOCK_START.test(line) && !/^ {4}|^\t/.test(line)) return line.trim();
  return null;
}

/** `**18:30** Welcome` inside a heading reads as `18:30 Welcome`. */
function unwrapLeadingEmphasis(text: string): string {
  const m = /^(\*\*|__|\*|_)(.+?)\1(.*)$/.exec(text);
  return m ? `${m[2]}${m[3]}` : text;
}

/** `14h00-15h00 : Title` → the times and the title; null when the text is not an agenda entry. */
export function parseEntry(text: string): AgendaLine | null {
  const read = readClockRange(text);
  if (!read) return null;
  const times = text.slice(0, read.length);
  let rest = text.slice(read.length);
  // "10.50 euros" is a price, not a time: a dotted time must be followed by a separator.
  if (/^\d{1,2}\.\d{2}/.test(times) && !/^\s*[:\-–—]/.test(rest)) return null;
  if (rest !== '' && !/^[\s:\-–—|.)]/.test(rest)) return null; // "14:00pm-ish", "16h00abc"
  rest = rest.replace(/^[\s:\-–—|.)]+/, '').replace(/^(\*\*|__)\s*/, '');
  const title = stripInlineMarkdown(rest).trim();
  if (!/\p{L}/u.test(title)) return null;
  return { start: read.range.start, end: read.range.end, title };
}

function stripInlineMarkdown(s: string): string {
  return s
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
export function placeSessions(lines: readonly AgendaLine[], time: EventTime, toInstant: (minutes: number) => number): Session[] {
  const starts = lines.map((l) => toInstant(l.start.hour * 60 + l.start.minute));
  const eventEnd = time.kind === 'timed' ? time.end : toInstant(24 * 60);
  const sessions: Session[] = [];
  lines.forEach((line, i) => {
    const start = starts[i];
    const explicitEnd = line.end ? toInstant(line.end.hour * 60 + line.end.minute) : null;
    const next = starts.slice(i + 1).find((s) => s > start) ?? null;
    const end = explicitEnd !== null && explicitEnd > start ? explicitEnd : (next ?? eventEnd ?? start);
    sessions.push({ start, end: Math.max(end, start), title: line.title });
  });
  if (time.kind === 'timed') {
    const earliest = time.start - 60 * 60_000;
    const latest = time.end ?? time.start + 24 * 60 * 60_000;
    return sessions.filter((s) => s.start >= earliest && s.start < latest);
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

/** The clock of an event; all-day events use `fallbackZone` (the site's). */
export function agendaClock(time: EventTime, fallbackZone: string): AgendaClock {
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  if (time.kind === 'timed' && time.writtenOffset !== null) {
    const offsetMs = time.writtenOffset * 60_000;
    const midnight = Date.parse(`${new Date(time.start + offsetMs).toISOString().slice(0, 10)}T00:00:00Z`);
    return { at: (minutes) => midnight + minutes * 60_000 - offsetMs, format: (ms) => hhmm(ms + offsetMs) };
  }
  const zone = time.kind === 'timed' ? time.timeZone : fallbackZone;
  const date = time.kind === 'timed' ? wallDateOf(time.start, zone) : time.startDate;
  return { at: (minutes) => zonedInstant(date, minutes, zone), format: (ms) => wallClockStamp(ms, zone).replace(/^.*T(\d\d)(\d\d)\d\d$/, '$1:$2') };
}

/** Reads and places an event's sessions. */
export function sessionsOf(body: string, time: EventTime, fallbackZone: string): Session[] {
  const lines = readAgenda(body);
  return lines.length ? placeSessions(lines, time, agendaClock(time, fallbackZone).at) : [];
}
