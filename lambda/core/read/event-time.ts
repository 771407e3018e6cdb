/**
 * Decides when an event happens from the several shapes real pages use (FIELDS.md §1, §3):
 * `date`/`date_end` (current archetype), `time_start`/`time_end` (early Academic talks, whose `date`
 * is the page date), `start_date`/`end_date` (record-style pages whose `date` is a record timestamp),
 * `all_day`, and a free-text `time: "3--4pm"` that some themes show instead of the clock time in `date`.
 */
import { parseClockRange } from './clock';
import { flag, text, type Warn } from './fields';
import type { EventTime, FrontMatter } from '../model';
import { nextDay, offsetMinutes, readWritten, toInstant, type Written, type ZoneRules } from './time';

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
    return { ok: false, field: fields.start, reason: `\`${fields.start}\` is missing: add the event's start, e.g. \`${fields.start}: '2024-05-17T14:00:00'\`` };
  }
  const start = readWritten(data[fields.start]);
  if (!start.ok) return { ok: false, field: fields.start, reason: `\`${fields.start}\`: ${start.reason}` };
  if (start.note) warn(fields.start, `\`${fields.start}\`: ${start.note}`);
  let end: Written | null = null;
  if (data[fields.end] !== undefined && data[fields.end] !== null && data[fields.end] !== '') {
    const read = readWritten(data[fields.end]);
    if (!read.ok) return { ok: false, field: fields.end, reason: `\`${fields.end}\`: ${read.reason}` };
    if (read.note) warn(fields.end, `\`${fields.end}\`: ${read.note}`);
    end = read.value;
  }
  const allDay = flag(data, 'all_day', warn) || start.value.kind === 'date';
  const result = allDay
    ? allDayTime(start.value, end, fields)
    : timedTime(applyFreeTextTime(data, start.value, end, warn), rules, fields, warn);
  return result.ok ? { ...result, startField: fields.start, pageDateField: fields.pageDate } : result;
}

type Partial = { ok: true; time: EventTime } | { ok: false; field: string; reason: string };

/** All-day events keep the dates as written: the day the organiser typed is the day people see. */
function allDayTime(start: Written, end: Written | null, fields: Fields): Partial {
  const startDate = start.date;
  const endDate = end ? end.date : startDate;
  if (endDate < startDate) {
    return { ok: false, field: fields.end, reason: `\`${fields.end}\` (${endDate}) is before \`${fields.start}\` (${startDate}): fix the end date` };
  }
  return { ok: true, time: { kind: 'allDay', startDate, endDate } };
}

function timedTime(
  span: { start: Written; end: Written | null },
  rules: ZoneRules,
  fields: Fields,
  warn: Warn,
): Partial {
  const start = toInstant(span.start, rules);
  let end: number | null = null;
  if (span.end) {
    // A date-only end on a timed event means "until the end of that day".
    end = span.end.kind === 'date' ? toInstant({ kind: 'date', date: nextDay(span.end.date) }, rules) : toInstant(span.end, rules);
    if (end < start) {
      return {
        ok: false,
        field: fields.end,
        reason: `\`${fields.end}\` (${describe(span.end)}) is before \`${fields.start}\` (${describe(span.start)}): fix the end (often a wrong year or month)`,
      };
    }
    if (end === start) {
      warn(fields.end, `\`${fields.end}\` equals \`${fields.start}\`: the event is published without an end time`);
      end = null;
    }
  }
  const offset = span.start.kind === 'dateTime' ? span.start.offset : null;
  const writtenOffset = offset === null || offset === 'Z' || offset === '-00:00' ? null : offsetMinutes(offset);
  return { ok: true, time: { kind: 'timed', start, end, timeZone: rules.timeZone, writtenOffset } };
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
  const at = (t: { hour: number; minute: number }): Written => ({ kind: 'dateTime', date: start.date, hour: t.hour, minute: t.minute, second: 0, offset: null });
  return { start: at(range.start), end: range.end ? at(range.end) : end };
}

function describe(w: Written): string {
  if (w.kind === 'date') return w.date;
  const hh = String(w.hour).padStart(2, '0');
  const mm = String(w.minute).padStart(2, '0');
  return `${w.date} ${hh}:${mm}${w.offset ?? ''}`;
}
