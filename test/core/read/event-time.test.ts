/**
 * When an event happens, read from the shapes real pages use (`date`/`date_end`, `time_start`/`time_end`,
 * `start_date`/`end_date`, `all_day`, a free-text `time`), and the warning each typo gets: the event is
 * never lost for a bad end, and the warning names the field and what to write.
 */
import type { EventTime, FrontMatter } from '../../../lambda/core/model';
import { readEventTime, timeFields } from '../../../lambda/core/read/event-time';
import type { ZoneRules } from '../../../lambda/core/read/time';

const PARIS: ZoneRules = { timeZone: 'Europe/Paris', wallClockZ: true };
const UTC_Z: ZoneRules = { timeZone: 'Europe/Paris', wallClockZ: false };

function read(data: FrontMatter, rules = PARIS) {
  const warnings: Array<[string, string]> = [];
  const result = readEventTime(data, rules, (field, message) => warnings.push([field, message]));
  return { result, warnings };
}

/** The time read, as ISO instants (timed) or dates (all-day), and the warnings. */
function timeOf(data: FrontMatter, rules = PARIS) {
  const { result, warnings } = read(data, rules);
  if (!result.ok) throw new Error(`${result.field}: ${result.reason}`);
  return { time: shown(result.time), warnings, result };
}

/** A time with its instants as ISO text (all-day times as they are). */
type Shown = { readonly [key: string]: unknown; readonly start?: string; readonly end?: string | null };

function shown(time: EventTime): Shown {
  if (time.kind === 'allDay') return time;
  const { start, end, ...rest } = time;
  return { ...rest, start: new Date(start).toISOString(), end: end === null ? null : new Date(end).toISOString() };
}

describe('timeFields', () => {
  it('reads talks by `time_start`, record pages by `start_date`, others by `date`', () => {
    expect(timeFields({ time_start: '2024-05-17T14:00', date: '2020-01-01' })).toEqual({
      start: 'time_start',
      end: 'time_end',
      pageDate: 'date',
    });
    expect(timeFields({ start_date: '2024-05-17', date: '2020-01-01' })).toEqual({
      start: 'start_date',
      end: 'end_date',
      pageDate: 'date',
    });
    expect(timeFields({ date: '2024-05-17' })).toEqual({ start: 'date', end: 'date_end', pageDate: null });
  });

  it('takes a null `time_start` or `start_date` as absent', () => {
    expect(timeFields({ time_start: null, date: '2024-05-17' }).start).toBe('date');
    expect(timeFields({ start_date: null, date: '2024-05-17' }).start).toBe('date');
  });
});

describe('readEventTime: the start', () => {
  it('refuses a page without its start, saying which key to add and how', () => {
    expect(read({ title: 'x' }).result).toEqual({
      ok: false,
      field: 'date',
      reason: "`date` is missing: add the event's start, e.g. `date: '2024-05-17T14:00:00'`",
    });
    expect(read({ time_start: null, date: null }).result).toMatchObject({ ok: false, field: 'date' });
  });

  it('refuses a start that is not a date, naming its key', () => {
    const { result } = read({ date: 'next Tuesday' });
    expect(result).toEqual({
      ok: false,
      field: 'date',
      reason: "`date`: 'next Tuesday' is not a date; write it as '2024-05-17' or '2024-05-17T14:00:00+02:00'",
    });
  });

  it("says which keys held the start and the page date (a talk's `date` is when the page was written)", () => {
    const talk = timeOf({ date: '2019-01-01', time_start: '2024-05-17T14:00:00', time_end: '2024-05-17T15:00:00' });
    expect(talk.result).toMatchObject({ startField: 'time_start', pageDateField: 'date' });
    expect(talk.time).toMatchObject({ start: '2024-05-17T12:00:00.000Z', end: '2024-05-17T13:00:00.000Z' });
    const record = timeOf({ date: '2019-01-01', start_date: '2024-05-17', end_date: '2024-05-18' });
    expect(record.result).toMatchObject({ startField: 'start_date', pageDateField: 'date' });
    expect(record.time).toEqual({
      kind: 'allDay',
      startDate: '2024-05-17',
      endDate: '2024-05-18',
      timeZone: 'Europe/Paris',
    });
    expect(timeOf({ date: '2024-05-17' }).result).toMatchObject({ startField: 'date', pageDateField: null });
  });
});

describe('readEventTime: all-day events', () => {
  it('is all-day when the start is a date, or `all_day` is set (the dates as written)', () => {
    expect(timeOf({ date: '2024-05-17', date_end: '2024-05-19' }).time).toEqual({
      kind: 'allDay',
      startDate: '2024-05-17',
      endDate: '2024-05-19',
      timeZone: 'Europe/Paris',
    });
    expect(timeOf({ date: '2024-05-17T23:30:00Z', date_end: '2024-05-18T01:00:00Z', all_day: true }).time).toEqual({
      kind: 'allDay',
      startDate: '2024-05-17',
      endDate: '2024-05-18',
      timeZone: 'Europe/Paris',
    });
    expect(timeOf({ date: '2024-05-17' }).time).toMatchObject({ startDate: '2024-05-17', endDate: '2024-05-17' });
  });

  it('publishes an end before the start on the first day alone, and says so', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17', date_end: '2024-05-16' });
    expect(time).toMatchObject({ startDate: '2024-05-17', endDate: '2024-05-17' });
    expect(warnings).toEqual([
      [
        'date_end',
        '`date_end` (2024-05-16) is before `date` (2024-05-17): the event is published on its first day only; fix the end date',
      ],
    ]);
  });

  it('warns about an all-day event of more than a year (days counted as people do)', () => {
    expect(timeOf({ date: '2024-01-01', date_end: '2025-01-01' }).warnings).toEqual([]); // 367 days, 366 between
    expect(timeOf({ date: '2024-01-01', date_end: '2025-01-02' }).warnings).toEqual([
      [
        'date_end',
        '`date_end` makes the event last 368 days, more than a year: it is published so; if the end has a wrong year, fix it',
      ],
    ]);
  });
});

describe('readEventTime: timed events and their end', () => {
  it('reads naive times on the venue clock, and keeps the offset written for the agenda', () => {
    const summer = timeOf({ date: '2024-05-17T14:00:00+02:00', date_end: '2024-05-17T16:00:00+02:00' });
    expect(summer.time).toEqual({
      kind: 'timed',
      start: '2024-05-17T12:00:00.000Z',
      end: '2024-05-17T14:00:00.000Z',
      timeZone: 'Europe/Paris',
      writtenOffset: 120,
    });
    expect(summer.warnings).toEqual([]);
    expect(timeOf({ date: '2024-05-17T14:00:00' }).time).toMatchObject({
      start: '2024-05-17T12:00:00.000Z',
      writtenOffset: null,
    });
    expect(timeOf({ date: '2024-05-17T14:00:00-04:00' }).time).toMatchObject({
      start: '2024-05-17T18:00:00.000Z',
      writtenOffset: -240,
    });
  });

  it('reads Z as the site shows it, unless the site says its Z is UTC (then the agenda is UTC too)', () => {
    const wall = timeOf({ date: '2024-05-17T14:00:00Z' }).time;
    expect(wall).toEqual({
      kind: 'timed',
      start: '2024-05-17T12:00:00.000Z',
      end: null,
      timeZone: 'Europe/Paris',
      writtenOffset: null,
    });
    expect(timeOf({ date: '2024-05-17T14:00:00Z' }, UTC_Z).time).toEqual({
      kind: 'timed',
      start: '2024-05-17T14:00:00.000Z',
      end: null,
      timeZone: 'Europe/Paris',
      writtenOffset: null,
      writtenUtc: true,
    });
    expect(timeOf({ date: '2024-05-17T14:00:00-00:00' }, UTC_Z).time).toMatchObject({
      writtenUtc: true,
      writtenOffset: null,
    });
    expect(timeOf({ date: '2024-05-17T14:00:00+00:00' }, UTC_Z).time).toMatchObject({ writtenOffset: 0 });
    expect(timeOf({ date: '2024-05-17T14:00:00+00:00' }, UTC_Z).time).not.toHaveProperty('writtenUtc');
  });

  it('drops an end equal to the start, with a warning', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-05-17T14:00:00' });
    expect(time.end).toBeNull();
    expect(warnings).toEqual([['date_end', '`date_end` equals `date`: the event is published without an end time']]);
  });

  it('reads an end a few hours before the start as the next day (an evening ending after midnight)', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17T22:00:00', date_end: '2024-05-17T02:00:00' });
    expect(time).toMatchObject({ start: '2024-05-17T20:00:00.000Z', end: '2024-05-18T00:00:00.000Z' });
    expect(warnings).toEqual([
      [
        'date_end',
        '`date_end` (2024-05-17 02:00) is before `date` (2024-05-17 22:00): read as the next day, 2024-05-18, an event ending after midnight; write that date in `date_end`',
      ],
    ]);
  });

  it('drops any other end before the start (a wrong year or month), keeping the event', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-05-17T09:00:00' });
    expect(time.end).toBeNull();
    expect(warnings).toEqual([
      [
        'date_end',
        '`date_end` (2024-05-17 09:00) is before `date` (2024-05-17 14:00): the event is published without an end; fix the end (often a wrong year or month)',
      ],
    ]);
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: '2023-05-17T15:00:00' }).time.end).toBeNull();
    // Twelve hours on is no evening event: dropped, not moved.
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-05-17T02:00:00' }).time.end).toBeNull();
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-05-16' }).time.end).toBeNull();
  });

  it('reads a date-only end of a timed event as the end of that day, in the zone', () => {
    const { time } = timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-05-18' });
    expect(time.end).toBe('2024-05-18T22:00:00.000Z');
  });

  it('keeps an end more than a year on, with a warning', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17T14:00:00', date_end: '2025-05-19T14:00:00' });
    expect(time.end).toBe('2025-05-19T12:00:00.000Z');
    expect(warnings).toEqual([
      [
        'date_end',
        '`date_end` makes the event last 367 days, more than a year: it is published so; if the end has a wrong year, fix it',
      ],
    ]);
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: '2025-05-17T14:00:00' }).warnings).toEqual([]);
  });

  it('publishes a start whose end is unreadable, without the end', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-13-01' });
    expect(time.end).toBeNull();
    expect(warnings).toEqual([
      [
        'date_end',
        "`date_end`: '2024-13-01': 2024-13-01 is not a day of the calendar; the event is published without an end until it is fixed",
      ],
    ]);
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: '' }).warnings).toEqual([]);
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: null }).time.end).toBeNull();
  });
});

describe('readEventTime: summer offsets on winter dates, and the nights the clocks change', () => {
  it('reads a summer offset on a winter date as the site shows it, warning once for start and end', () => {
    const { time, warnings } = timeOf({ date: '2020-10-27T09:30:00+02:00', date_end: '2020-10-27T11:00:00+02:00' });
    expect(time).toMatchObject({
      start: '2020-10-27T08:30:00.000Z',
      end: '2020-10-27T10:00:00.000Z',
      writtenOffset: null,
    });
    expect(warnings).toEqual([
      [
        'date',
        '`date` is written with +02:00, the offset Europe/Paris has at another time of year, but on 2020-10-27 Europe/Paris is at +01:00: the site shows 09:30, so it is published at 09:30 Europe/Paris time; write +01:00, or no offset, to silence this (or `timezone:` if the event is elsewhere)',
      ],
    ]);
  });

  it('warns about an end alone written with the other season', () => {
    const { warnings } = timeOf({ date: '2020-10-27T09:30:00+01:00', date_end: '2020-10-27T11:00:00+02:00' });
    expect(warnings.map(([field]) => field)).toEqual(['date_end']);
    expect(warnings[0][1]).toMatch(
      /^`date_end` is written with \+02:00, .* the site shows 11:00, so it is published at 11:00/,
    );
  });

  it('takes the first of a time shown twice (autumn), saying so', () => {
    const { time, warnings } = timeOf({ date: '2024-10-27T02:30:00' });
    expect(time.start).toBe('2024-10-27T00:30:00.000Z');
    expect(warnings).toEqual([
      [
        'date',
        '`date` 2024-10-27 02:30 happens twice in Europe/Paris (the clocks go back that night): the first is published; write the UTC offset to say which',
      ],
    ]);
  });

  it('moves a time the clocks skip (spring) forward, keeping the length written', () => {
    const { time, warnings } = timeOf({ date: '2024-03-31T02:30:00', date_end: '2024-03-31T03:30:00' });
    expect(time).toMatchObject({ start: '2024-03-31T01:30:00.000Z', end: '2024-03-31T02:30:00.000Z' });
    expect(warnings).toEqual([
      [
        'date',
        '`date` 2024-03-31 02:30 does not exist in Europe/Paris (the clocks skip 60 minutes that night): it is published 60 minutes later, as calendar apps read it; fix the time',
      ],
    ]);
    // Without an end, or with an end already after it, nothing is added.
    expect(timeOf({ date: '2024-03-31T02:30:00' }).time.end).toBeNull();
    expect(timeOf({ date: '2024-03-31T02:30:00', date_end: '2024-03-31T05:00:00' }).time.end).toBe(
      '2024-03-31T03:00:00.000Z',
    );
  });

  it('warns about an end the clocks skip', () => {
    const { time, warnings } = timeOf({ date: '2024-03-31T01:00:00', date_end: '2024-03-31T02:30:00' });
    expect(time.end).toBe('2024-03-31T01:30:00.000Z');
    expect(warnings).toEqual([
      [
        'date_end',
        '`date_end` 2024-03-31 02:30 does not exist in Europe/Paris (the clocks skip 60 minutes that night): it is published 60 minutes later, as calendar apps read it; fix the time',
      ],
    ]);
  });
});

describe('readEventTime: a free-text `time`', () => {
  it('takes the clock range of `time` on the day of `date`', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17', time: '3--4pm' });
    expect(time).toMatchObject({ kind: 'timed', start: '2024-05-17T13:00:00.000Z', end: '2024-05-17T14:00:00.000Z' });
    expect(warnings).toEqual([]);
  });

  it('makes a date-only start timed (the site shows the clock), unless `all_day` says otherwise', () => {
    expect(timeOf({ date: '2024-05-17', time: '3pm' }).time).toMatchObject({ kind: 'timed', end: null });
    expect(timeOf({ date: '2024-05-17', time: '3--4pm', all_day: true }).time).toEqual({
      kind: 'allDay',
      startDate: '2024-05-17',
      endDate: '2024-05-17',
      timeZone: 'Europe/Paris',
    });
  });

  it('keeps the end of `date_end` when `time` gives a start alone', () => {
    const { time } = timeOf({ date: '2024-05-17T09:00:00', date_end: '2024-05-17T18:00:00', time: '3pm' });
    expect(time).toMatchObject({ start: '2024-05-17T13:00:00.000Z', end: '2024-05-17T16:00:00.000Z' });
  });

  it('uses the time in `date` when `time` is not a clock time, with a warning', () => {
    const { time, warnings } = timeOf({ date: '2024-05-17T09:00:00', time: 'after lunch' });
    expect(time.start).toBe('2024-05-17T07:00:00.000Z');
    expect(warnings).toEqual([
      ['time', '`time` "after lunch" is not a clock time calpub can read; the time in `date` is used'],
    ]);
  });

  it('leaves talks alone: their `time_start` is the time', () => {
    const { time, warnings } = timeOf({ date: '2019-01-01', time_start: '2024-05-17T09:00:00', time: '3pm' });
    expect(time.start).toBe('2024-05-17T07:00:00.000Z');
    expect(warnings).toEqual([]);
  });
});

describe('readEventTime: edges found by mutation testing', () => {
  it('takes a null start for a missing one', () => {
    expect(read({ date: null }).result).toEqual({
      ok: false,
      field: 'date',
      reason: "`date` is missing: add the event's start, e.g. `date: '2024-05-17T14:00:00'`",
    });
  });

  it('takes a null end for no end, without a warning', () => {
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: null }).warnings).toEqual([]);
  });

  it("passes on what the end's reading notes", () => {
    const { time, warnings } = timeOf({ date: '2024-05-17T08:00:00', date_end: '2024-05-17T9:30' });
    expect(time.end).toBe('2024-05-17T07:30:00.000Z');
    expect(warnings).toEqual([
      [
        'date_end',
        "`date_end`: '2024-05-17T9:30' has a one-digit hour, read as 09:30; write two digits ('2024-05-17T09:30…')",
      ],
    ]);
  });

  it('keeps no length for a start the clocks skip when the end written is at or before it', () => {
    for (const end of ['2024-03-31T02:00:00', '2024-03-31T02:30:00', '2024-03-30T03:00:00'])
      expect([end, timeOf({ date: '2024-03-31T02:30:00', date_end: end }).time.end]).toEqual([end, null]);
  });

  it('moves a free-text time the clocks skip, keeping its length', () => {
    const { time } = timeOf({ date: '2024-03-31', time: '2:30--3:30am' });
    expect(time).toMatchObject({ start: '2024-03-31T01:30:00.000Z', end: '2024-03-31T02:30:00.000Z' });
  });

  it('names a time shown twice without the Z it was written with', () => {
    expect(timeOf({ date: '2024-10-27T02:30:00Z' }).warnings[0][1]).toMatch(/^`date` 2024-10-27 02:30 happens twice/);
  });

  it('says nothing of a date-only end whose midnight the clocks skip', () => {
    // Havana moves its clocks at midnight: 2024-03-10 starts at 01:00.
    const rules = { timeZone: 'America/Havana', wallClockZ: true };
    const { time, warnings } = timeOf({ date: '2024-03-09T20:00:00', date_end: '2024-03-09' }, rules);
    expect(warnings).toEqual([]);
    expect(time.end).toBe('2024-03-10T05:00:00.000Z');
  });

  it('drops an end a whole day before the start, naming a date-only end as written', () => {
    const day = timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-05-16T14:00:00' });
    expect(day.time.end).toBeNull();
    expect(day.warnings[0][1]).toMatch(
      /^`date_end` \(2024-05-16 14:00\) is before `date` \(2024-05-17 14:00\): the event is published without an end/,
    );
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: '2024-05-16' }).warnings[0][1]).toMatch(
      /^`date_end` \(2024-05-16\) is before `date` \(2024-05-17 14:00\): the event is published without an end/,
    );
  });

  it('does not warn about an event of exactly 366 days', () => {
    expect(timeOf({ date: '2024-05-17T14:00:00', date_end: '2025-05-18T14:00:00' }).warnings).toEqual([]);
  });
});
