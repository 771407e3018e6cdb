/**
 * Clock times as people type them: `14:00`, `14h00`, `16h`, `3pm`, `2:30 PM`, and ranges joined by
 * `-`, `--`, `–`, `—`, `à` or `to` (`3--4pm`, `10am--3pm`, `14h00-15h00`, `2:30 PM – 3 PM`).
 */

import { clockText } from '../shared/stamps';

/** A wall-clock time of day. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/** A start time and an optional end time. */
export interface ClockRange {
  readonly start: ClockTime;
  readonly end: ClockTime | null;
}

// Whitespace is consumed only before am/pm, never at the end: an optional range that fails to match
// must not leave the space before "to"/"à" already eaten.
const TIME = String.raw`(\d{1,2})(?:\s*([:h.])\s*(\d{2})|\s*(h)(?![a-z]))?(?:\s*([ap]\.?m\.?(?![a-z])))?`;
const JOIN = String.raw`\s*(?:-{1,2}|–|—|\s(?:à|a|to|until)\s)\s*`;
const RANGE = new RegExp(`^${TIME}(?:${JOIN}${TIME})?`, 'i');
const JOINED = new RegExp(JOIN);

/**
 * Reads a clock range at the start of `input`.
 * @returns the range and how many characters it used, or null when the text does not start with a time
 */
export function readClockRange(input: string): { range: ClockRange; length: number } | null {
  const m = RANGE.exec(input);
  if (!m) return null;
  const [whole, h1, sep1, m1, hOnly1, ap1, h2, sep2, m2, hOnly2, ap2] = m;
  const marked1 = !!(sep1 || hOnly1 || ap1);
  const marked2 = h2 !== undefined && !!(sep2 || hOnly2 || ap2);
  // A bare number ("3") is a time only when its partner says so ("3--4pm").
  if (!marked1 && !marked2) return null;
  if (h2 !== undefined && !marked2) {
    // "14:00 - 3 people": the second number is not a time; keep the first time alone.
    return readClockRange(input.slice(0, input.search(JOINED)));
  }
  const inheritedMeridiem = !ap1 && ap2 && !sep1 && +h1 <= +h2 ? ap2 : undefined;
  const start = toClock(+h1, m1, ap1 ?? inheritedMeridiem);
  if (!start) return null;
  const end = h2 === undefined ? null : toClock(+h2, m2, ap2);
  if (h2 !== undefined && !end) return null;
  return { range: { start, end }, length: whole.length };
}

/** Parses a whole string as a clock range (e.g. the free-text `time: "3--4pm"` some sites use). */
export function parseClockRange(input: string): ClockRange | null {
  const trimmed = input.trim();
  const read = readClockRange(trimmed);
  return read && read.length === trimmed.length ? read.range : null;
}

function toClock(hour: number, minutes: string | undefined, meridiem: string | undefined): ClockTime | null {
  const minute = minutes === undefined ? 0 : +minutes;
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(meridiem);
    return { hour: (hour % 12) + (pm ? 12 : 0), minute };
  }
  if (hour > 23) return null;
  return { hour, minute };
}

/** `HH:MM` for a clock time. */
export function formatClock(t: ClockTime): string {
  return clockText(t.hour, t.minute);
}
