/**
 * Front-matter date values: parsing, checking and turning them into instants, independent of the
 * machine's time zone (luxon does the zone arithmetic; nothing here uses the host's local time).
 */
import { IANAZone } from 'luxon';
import type { EventTime, IsoDate } from '../model';

/** A date or date-time as written, before any time zone is applied. */
export type Written =
  | { readonly kind: 'date'; readonly date: IsoDate }
  | {
      readonly kind: 'dateTime';
      readonly date: IsoDate;
      readonly hour: number;
      readonly minute: number;
      readonly second: number;
      /** `Z`, an offset such as `+05:30`, `-00:00` (RFC 3339 "offset unknown"), or null when naive. */
      readonly offset: string | null;
    };

/** The outcome of reading one value: the value (and what to fix in how it is written), or why it is not a date a person can fix. */
export type Read<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

// The hour may have one digit (`T9:00:00Z`): Go's time parser, so Hugo, accepts it.
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const PLACEHOLDER = /^(tba|tbd|tbc|n\/?a|unknown|soon|à venir|a definir|à définir|\?+|-+)$/i;

/** Reads a front-matter value as a date or date-time (YAML, TOML and JSON all reach here as strings). */
export function readWritten(value: unknown): Read<Written> {
  if (typeof value !== 'string') {
    return { ok: false, reason: `${JSON.stringify(value)} is not a date; write it as '2024-05-17T14:00:00'` };
  }
  const text = value.trim();
  if (PLACEHOLDER.test(text)) {
    return {
      ok: false,
      reason: `'${text}' is a placeholder, not a date; write the real date, or set \`draft: true\` until it is known`,
    };
  }
  const m = PATTERN.exec(text);
  if (!m) {
    return { ok: false, reason: `'${text}' is not a date; write it as '2024-05-17' or '2024-05-17T14:00:00+02:00'` };
  }
  const [, y, mo, d, h, mi, s, offset] = m;
  const date = `${y}-${mo}-${d}`;
  // Years before 1000 are typos (`0026` for 2026), and some readers take 00–99 for 1900–1999.
  if (+y < 1000)
    return {
      ok: false,
      reason: `'${text}': the year ${y} is before 1000, surely a typo; write the four digits of the year`,
    };
  if (!isRealDate(+y, +mo, +d)) return { ok: false, reason: `'${text}': ${date} is not a day of the calendar` };
  if (h === undefined) return { ok: true, value: { kind: 'date', date } };
  const hour = +h;
  const minute = +mi;
  const second = s === undefined ? 0 : Math.min(+s, 59);
  if (hour > 23 || minute > 59 || (s !== undefined && +s > 60)) {
    return { ok: false, reason: `'${text}': ${h}:${mi} is not a time of day` };
  }
  const offsetProblem = offset ? checkOffset(offset) : null;
  if (offsetProblem) return { ok: false, reason: `'${text}': ${offsetProblem}` };
  const normalizedOffset = offset ? normalizeOffset(offset) : null;
  const note =
    h.length === 1
      ? `'${text}' has a one-digit hour, read as ${h.padStart(2, '0')}:${mi}; write two digits ('${date}T${h.padStart(2, '0')}:${mi}…')`
      : undefined;
  return {
    ok: true,
    value: { kind: 'dateTime', date, hour, minute, second, offset: normalizedOffset },
    ...(note ? { note } : {}),
  };
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function normalizeOffset(offset: string): string {
  if (/^z$/i.test(offset)) return 'Z';
  const digits = offset.slice(1).replace(':', '').padEnd(4, '0');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/** Real UTC offsets run from -12:00 to +14:00; anything else is a typo, not a place. */
function checkOffset(offset: string): string | null {
  const normalized = normalizeOffset(offset);
  if (normalized === 'Z') return null;
  const sign = normalized[0] === '-' ? -1 : 1;
  const minutes = +normalized.slice(1, 3) * 60 + +normalized.slice(4);
  if (+normalized.slice(4) > 59 || sign * minutes > 14 * 60 || sign * minutes < -12 * 60) {
    return `the UTC offset ${normalized} does not exist anywhere (offsets run from -12:00 to +14:00)`;
  }
  return null;
}

/** How written times are read: in which zone, and whether `Z` is wall clock (see `readInstant`). */
export interface ZoneRules {
  /** The IANA zone of the event's venue: naive times are its wall clock. */
  readonly timeZone: string;
  /** `Z` (and `-00:00`) is the wall clock the site shows (Hugo shows `14:00:00Z` as 14:00), not UTC. */
  readonly wallClockZ: boolean;
}

/** The instant a written time stands for, and how it was read. */
export interface ReadInstant {
  readonly instant: number;
  /**
   * Set when the time was written with an offset the zone has at another time of year (a summer
   * `+02:00` on a winter Paris date): it is read as the site shows it, the digits in the zone, and
   * this says what was written and what the zone's offset is that day (minutes east of UTC).
   */
  readonly otherSeason?: { readonly written: number; readonly zone: number };
  /** Set when the wall clock shows the time twice that night (autumn): the first is taken. */
  readonly repeated?: true;
  /** Set when the wall clock never shows the time (spring-forward gap): the minutes it moved forward. */
  readonly skipped?: number;
}

/**
 * The instant (epoch ms) a written date-time stands for: the calendar says what the site says.
 * Hugo shows the clock digits as written, in the date's own offset, so:
 * - a date alone is midnight, a naive time the wall clock, in the zone;
 * - `Z` is the zone's wall clock when `wallClockZ` (the default), else UTC;
 * - an offset that is the zone's that day, or that no season of the zone has (another venue's:
 *   `-05:00` on a Paris site), is honoured as written;
 * - an offset the zone has at another time of year (`+02:00` on a Paris date in January, copied from a
 *   summer page) is read as the digits the site shows, in the zone (`otherSeason` says so).
 */
export function readInstant(written: Written, rules: ZoneRules): ReadInstant {
  const [year, month, day] = written.date.split('-').map(Number);
  const wall =
    written.kind === 'date'
      ? utcFields(year, month - 1, day, 0, 0, 0)
      : utcFields(year, month - 1, day, written.hour, written.minute, written.second);
  if (written.kind === 'date' || written.offset === null) return wallClockReading(wall, rules.timeZone);
  if (written.offset === 'Z' || written.offset === '-00:00')
    return rules.wallClockZ ? wallClockReading(wall, rules.timeZone) : { instant: wall };
  const offset = offsetMinutes(written.offset);
  const asWritten = wall - offset * 60_000;
  const zone = zoneOffset(rules.timeZone, asWritten);
  if (offset === zone || !seasonOffsets(rules.timeZone, year).has(offset)) return { instant: asWritten };
  const reading = wallClockReading(wall, rules.timeZone);
  return { ...reading, otherSeason: { written: offset, zone: zoneOffset(rules.timeZone, reading.instant) } };
}

/** The instant a written date-time stands for (`readInstant`). */
export function toInstant(written: Written, rules: ZoneRules): number {
  return readInstant(written, rules).instant;
}

/** `Date.UTC` for every year: years 0–99 are not moved to 1900–1999. */
function utcFields(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(Date.UTC(2000, month, day, hour, minute, second));
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

const seasons = new Map<string, ReadonlySet<number>>();

/** Every UTC offset a zone has in a year (its winter and summer offsets), sampled twice a month. */
function seasonOffsets(zone: string, year: number): ReadonlySet<number> {
  const key = `${zone}|${year}`;
  let set = seasons.get(key);
  if (!set) {
    const found = new Set<number>();
    for (let month = 0; month < 12; month++)
      for (const day of [1, 15]) found.add(zoneOffset(zone, utcFields(year, month, day, 12, 0, 0)));
    seasons.set(key, (set = found));
  }
  return set;
}

/** `+05:30` → 330, `-03:00` → -180. */
export function offsetMinutes(offset: string): number {
  const sign = offset[0] === '-' ? -1 : 1;
  return sign * (+offset.slice(1, 3) * 60 + +offset.slice(4));
}

/** The calendar date an instant falls on, in a zone. */
export function wallDateOf(instant: number, zone: string): IsoDate {
  return new Date(instant + zoneOffset(zone, instant) * 60_000).toISOString().slice(0, 10);
}

/** The instant at which clocks in `zone` show `minutes` after midnight on `date`. */
export function zonedInstant(date: IsoDate, minutes: number, zone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return wallClockToInstant(utcFields(y, m - 1, d, 0, 0, 0) + minutes * 60_000, zone);
}

/**
 * The instant at which clocks in `zone` show `wall` (wall-clock fields encoded as a UTC epoch). In an
 * autumn overlap (02:30 shown twice) the first occurrence, as RFC 5545 §3.3.5 says; in a spring-forward
 * gap (02:30 never shown) the time moves forward by the gap (03:30), as calendar clients do.
 */
function wallClockToInstant(wall: number, zone: string): number {
  return wallClockReading(wall, zone).instant;
}

/** `wallClockToInstant`, and whether the wall clock shows that time twice (`repeated`) or never (`skipped`: the minutes it moved). */
export function wallClockReading(wall: number, zone: string): { instant: number; repeated?: true; skipped?: number } {
  const before = zoneOffset(zone, wall - 86_400_000);
  const after = zoneOffset(zone, wall + 86_400_000);
  const candidates = [...new Set([before, after, zoneOffset(zone, wall)])]
    .map((offset) => wall - offset * 60_000)
    .filter((at) => wall - zoneOffset(zone, at) * 60_000 === at);
  if (candidates.length > 1) return { instant: Math.min(...candidates), repeated: true };
  if (candidates.length === 1) return { instant: candidates[0] };
  // Never shown: read with the offset before the change, which lands as far after it as the gap.
  const instant = wall - before * 60_000;
  return { instant, skipped: Math.round((zoneOffset(zone, instant) - before) * 60) / 60 };
}

/** True when `zone` is an IANA time zone name this runtime knows (e.g. `Europe/Paris`). */
export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The day after `date` (for RFC 5545's exclusive all-day end). */
export function nextDay(date: IsoDate): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10); // UTC days are all 24 h long
}

/** Wall-clock fields of an instant in a zone: `YYYYMMDDTHHMMSS` (for TZID date-times). */
export function wallClockStamp(instant: number, zone: string): string {
  return utcStamp(instant + zoneOffset(zone, instant) * 60_000).slice(0, -1);
}

/** The clock time an instant shows in a zone, `HH:MM` (agendas, messages). */
export function wallClockTime(instant: number, zone: string): string {
  const stamp = wallClockStamp(instant, zone);
  return `${stamp.slice(9, 11)}:${stamp.slice(11, 13)}`;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const dayOffsets = new Map<string, number | null>();
const DAY = 86_400_000;

/**
 * Minutes east of UTC in `zone` at `instant`, as ICU has it (fractional for a local mean time: Paris
 * in 1900 is 9.35, +00:09:21). Asks ICU for the offset alone (`timeZoneName: 'longOffset'` writes
 * `GMT+05:30`), four times faster than the date fields luxon reads; uncached (see `zoneOffset`).
 */
export function offsetAt(zone: string, instant: number): number {
  let format = offsetFormats.get(zone);
  if (!format)
    offsetFormats.set(
      zone,
      (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })),
    );
  const text = format.format(instant);
  const at = text.indexOf('GMT');
  if (at < 0 || text.length === at + 3) return 0; // `GMT` alone: UTC
  const sign = text[at + 3] === '-' ? -1 : 1;
  const [h, m = '0', s = '0'] = text.slice(at + 4).split(':');
  return sign * (+h * 60 + +m + +s / 60);
}

/**
 * Minutes east of UTC in `zone` at `instant`. Zones change offset at most once a day, so a day whose
 * first and last minute agree is cached whole.
 */
export function zoneOffset(zone: string, instant: number): number {
  const day = Math.floor(instant / DAY);
  const key = `${zone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetAt(zone, day * DAY);
    offset = first === offsetAt(zone, day * DAY + DAY - 60_000) ? first : null;
    dayOffsets.set(key, offset);
  }
  return offset ?? offsetAt(zone, instant);
}

/** An instant as an RFC 5545 UTC date-time, `YYYYMMDDTHHMMSSZ`. */
export function utcStamp(instant: number): string {
  const iso = new Date(instant).toISOString(); // 2022-12-05T13:00:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** When an event starts: its start, or 00:00 UTC of an all-day event's first day (the calendar's order). */
export function startInstant(time: EventTime): number {
  return time.kind === 'timed' ? time.start : Date.parse(`${time.startDate}T00:00:00Z`);
}

/** When an event is over: its end (else its start), or the last second (UTC) of an all-day event's last day. */
export function endInstant(time: EventTime): number {
  return time.kind === 'timed' ? (time.end ?? time.start) : Date.parse(`${time.endDate}T23:59:59Z`);
}
