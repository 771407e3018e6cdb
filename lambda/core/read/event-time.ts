/**
 * Decides when an event happens from the several shapes real pages use:
 * `date`/`date_end` (current archetype), `time_start`/`time_end` (early Academic talks, whose `date`
 * is the page date), `start_date`/`end_date` (record-style pages whose `date` is a record timestamp),
 * `all_day`, and a free-text `time: "3--4pm"` that some themes show instead of the clock time in `date`.
 */
import { clockText, offsetText } from '../shared/stamps';
import { parseClockRange } from './clock';
import { flag, text, type Warn } from './fields';
import type { EventTime, FrontMatter } from '../model';
import {
  nextDay,
  offsetMinutes,
  readInstant,
  readWritten,
  toInstant,
  type ReadInstant,
  type Written,
  type ZoneRules,
} from './time';

/** The event time, or the field and reason that make it impossible to publish. */
export type TimeResult =
  | { ok: true; time: EventTime; startField: string; pageDateField: string | null }
  | { ok: false; field: string; reason: string };

interface Fields {
  readonly start: string;
  readonly end: string;
  /** The key that holds the page date when the start lives elsewhere. */
  readonly pageDate: string | null;
}

/** Which keys hold the start and end for this page. */
export function timeFields(data: FrontMatter): Fields {
  if (data.time_start !== undefined && data.time_start !== null) {
    return { start: 'time_start', end: 'time_end', pageDate: 'date' };
  }
  if (data.start_date !== undefined && data.start_date !== null) {
    return { start: 'start_date', end: 'end_date', pageDate: 'date' };
  }
  return { start: 'date', end: 'date_end', pageDate: null };
}

/**
 * Reads the event's time.
 * @param rules - the event's zone (its `timezone` or the site's) and how `Z` is read
 */
export function readEventTime(data: FrontMatter, rules: ZoneRules, warn: Warn): TimeResult {
  const fields = timeFields(data);
  if (data[fields.start] === undefined || data[fields.start] === null) {
    return {
      ok: false,
      field: fields.start,
      reason: `\`${fields.start}\` is missing: add the event's start, e.g. \`${fields.start}: '2024-05-17T14:00:00'\``,
    };
  }
  const start = readWritten(data[fields.start]);
  if (!start.ok) return { ok: false, field: fields.start, reason: `\`${fields.start}\`: ${start.reason}` };
  if (start.note) warn(fields.start, `\`${fields.start}\`: ${start.note}`);
  let end: Written | null = null;
  if (data[fields.end] !== undefined && data[fields.end] !== null && data[fields.end] !== '') {
    const read = readWritten(data[fields.end]);
    // A typo in the end never loses an event whose start is clear: it is published without an end.
    if (!read.ok)
      warn(fields.end, `\`${fields.end}\`: ${read.reason}; the event is published without an end until it is fixed`);
    else {
      if (read.note) warn(fields.end, `\`${fields.end}\`: ${read.note}`);
      end = read.value;
    }
  }
  // A clock time in `time` makes a date-only start timed, as the site shows it; `all_day` overrides it.
  const span = flag(data, 'all_day', warn) ? null : applyFreeTextTime(data, start.value, end, warn);
  const result =
    span === null || span.start.kind === 'date'
      ? allDayTime(start.value, end, rules.timeZone, fields, warn)
      : timedTime({ start: span.start, end: span.end }, rules, fields, warn);
  return result.ok ? { ...result, startField: fields.start, pageDateField: fields.pageDate } : result;
}

type Partial = { ok: true; time: EventTime } | { ok: false; field: string; reason: string };

/** Longer than this, an event is more likely a typo in its end than a plan: about a year. */
const LONGEST_MS = 366 * 24 * 3600 * 1000;
/** An end before the start by less than this, moved one day on, is an evening event ending after midnight. */
const OVERNIGHT_MS = 12 * 3600 * 1000;

/**
 * All-day events keep the dates as written: the day the organiser typed is the day people see. An
 * end before the start is a typo: the event is published on its first day alone, with a warning.
 */
function allDayTime(start: Written, end: Written | null, timeZone: string, fields: Fields, warn: Warn): Partial {
  const startDate = start.date;
  let endDate = end ? end.date : startDate;
  if (endDate < startDate) {
    warn(
      fields.end,
      `\`${fields.end}\` (${endDate}) is before \`${fields.start}\` (${startDate}): the event is published on its first day only; fix the end date`,
    );
    endDate = startDate;
  }
  const days = (Date.parse(endDate) - Date.parse(startDate)) / 86_400_000;
  if (days * 86_400_000 > LONGEST_MS) warnLong(fields, warn, `${days + 1} days`);
  return { ok: true, time: { kind: 'allDay', startDate, endDate, timeZone } };
}

/** A written time with a clock time (a timed event's start). */
type WrittenDateTime = Extract<Written, { kind: 'dateTime' }>;

function timedTime(
  span: { start: WrittenDateTime; end: Written | null },
  rules: ZoneRules,
  fields: Fields,
  warn: Warn,
): Partial {
  const read = readInstant(span.start, rules);
  const start = read.instant;
  if (read.otherSeason) warn(fields.start, otherSeasonWarning(fields.start, span.start, read, rules.timeZone));
  const clockNote = clockWarning(fields.start, span.start, read, rules.timeZone);
  if (clockNote) warn(fields.start, clockNote);
  let end = span.end
    ? endOf(
        start,
        span.start,
        span.end,
        rules,
        fields,
        read.otherSeason ? () => {} : warn,
        read.skipped ? () => {} : warn,
      )
    : null;
  // A start moved forward by a gap may reach its end (02:30–03:30 on the spring night), which is then
  // dropped (an end is never at or before its start): the event keeps its written length.
  if (read.skipped && span.end?.kind === 'dateTime' && end === null) {
    const length = wallOf(span.end) - wallOf(span.start);
    end = length > 0 ? start + length : end;
  }
  const offset = span.start.offset;
  // The agenda is read on the organiser's clock: the offset written, unless it was read as the zone's.
  const writtenOffset =
    offset === null || offset === 'Z' || offset === '-00:00' || read.otherSeason ? null : offsetMinutes(offset);
  const utc = (offset === 'Z' || offset === '-00:00') && !rules.wallClockZ;
  return {
    ok: true,
    time: { kind: 'timed', start, end, timeZone: rules.timeZone, writtenOffset, ...(utc ? { writtenUtc: true } : {}) },
  };
}

/** The warning for a wall-clock time shown twice (autumn) or never (spring) that night, or null. */
function clockWarning(field: string, written: Written, read: ReadInstant, zone: string): string | null {
  const at = describe(written).slice(0, 16);
  if (read.repeated)
    return `\`${field}\` ${at} happens twice in ${zone} (the clocks go back that night): the first is published; write the UTC offset to say which`;
  if (read.skipped)
    return `\`${field}\` ${at} does not exist in ${zone} (the clocks skip ${read.skipped} minutes that night): it is published ${read.skipped} minutes later, as calendar apps read it; fix the time`;
  return null;
}

/** The wall-clock fields of a written date-time, as a UTC epoch (to measure written lengths). */
function wallOf(w: WrittenDateTime): number {
  const [y, m, d] = w.date.split('-').map(Number);
  return Date.UTC(y, m - 1, d, w.hour, w.minute, w.second);
}

/** A summer offset on a winter date (or the reverse): what was written, and how it is read. */
function otherSeasonWarning(field: string, written: Written, read: ReadInstant, zone: string): string {
  const { written: offset, zone: zoneOffsetThen } = read.otherSeason as NonNullable<ReadInstant['otherSeason']>;
  const clock = describe(written).slice(11, 16);
  return (
    `\`${field}\` is written with ${offsetText(offset)}, the offset ${zone} has at another time of year, but on ${written.date} ${zone} is at ${offsetText(zoneOffsetThen)}: ` +
    `the site shows ${clock}, so it is published at ${clock} ${zone} time; write ${offsetText(zoneOffsetThen)}, or no offset, to silence this (or \`timezone:\` if the event is elsewhere)`
  );
}

/**
 * The end of a timed event, or null. A typo in the end never loses an event whose start is clear:
 * an end a few hours "before" the start on the same day is an evening event that ends after midnight
 * (moved to the next day); any other end before the start, or equal to it, is dropped; an end more
 * than a year on is kept. Each with a warning that names the field.
 */
function endOf(
  start: number,
  writtenStart: Written,
  written: Written,
  rules: ZoneRules,
  fields: Fields,
  warnSeason: Warn,
  warn: Warn,
): number | null {
  // A date-only end on a timed event means "until the end of that day".
  const read =
    written.kind === 'date'
      ? readInstant({ kind: 'date', date: nextDay(written.date) }, rules)
      : readInstant(written, rules);
  if (read.otherSeason) warnSeason(fields.end, otherSeasonWarning(fields.end, written, read, rules.timeZone));
  const clockNote = written.kind === 'dateTime' ? clockWarning(fields.end, written, read, rules.timeZone) : null;
  if (clockNote) warnSeason(fields.end, clockNote);
  const end = read.instant;
  const said = `\`${fields.end}\` (${describe(written)})`;
  if (end === start) {
    warn(fields.end, `\`${fields.end}\` equals \`${fields.start}\`: the event is published without an end time`);
    return null;
  }
  if (end < start) {
    const nextDayEnd =
      written.kind === 'dateTime' ? toInstant({ ...written, date: nextDay(written.date) }, rules) : end;
    if (nextDayEnd > start && nextDayEnd - start < OVERNIGHT_MS) {
      warn(
        fields.end,
        `${said} is before \`${fields.start}\` (${describe(writtenStart)}): read as the next day, ${nextDay(written.date)}, an event ending after midnight; write that date in \`${fields.end}\``,
      );
      return nextDayEnd;
    }
    warn(
      fields.end,
      `${said} is before \`${fields.start}\` (${describe(writtenStart)}): the event is published without an end; fix the end (often a wrong year or month)`,
    );
    return null;
  }
  if (end - start > LONGEST_MS) warnLong(fields, warn, `${Math.round((end - start) / 86_400_000)} days`);
  return end;
}

function warnLong(fields: Fields, warn: Warn, length: string): void {
  warn(
    fields.end,
    `\`${fields.end}\` makes the event last ${length}, more than a year: it is published so; if the end has a wrong year, fix it`,
  );
}

/**
 * Pages from some themes carry the real clock time in a free-text `time` (`"3--4pm"`) and only the day
 * in `date`. When `time` reads as a clock range it wins, on the day written in `date`, in the event's zone.
 */
function applyFreeTextTime(
  data: FrontMatter,
  start: Written,
  end: Written | null,
  warn: Warn,
): { start: Written; end: Written | null } {
  const free = text(data, 'time', warn);
  if (free === null || data.time_start !== undefined) return { start, end };
  const range = parseClockRange(free);
  if (!range) {
    warn('time', `\`time\` ${JSON.stringify(free)} is not a clock time calpub can read; the time in \`date\` is used`);
    return { start, end };
  }
  const at = (t: { hour: number; minute: number }): Written => ({
    kind: 'dateTime',
    date: start.date,
    hour: t.hour,
    minute: t.minute,
    second: 0,
    offset: null,
  });
  return { start: at(range.start), end: range.end ? at(range.end) : end };
}

function describe(w: Written): string {
  if (w.kind === 'date') return w.date;
  return `${w.date} ${clockText(w.hour, w.minute)}${w.offset ?? ''}`;
}
