/** The warning for an event lasting weeks while its text names one day: the days a text names. */
import { oneDayNamed } from '../../../lambda/core/read/named-days';
import type { EventTime } from '../../../lambda/core/model';

const allDay = (startDate: string, endDate: string): EventTime => ({
  kind: 'allDay',
  startDate,
  endDate,
  timeZone: 'UTC',
});
/** 2026-04-04 to 2026-05-09: 36 days, the length of a typo in the end's month. */
const long = allDay('2026-04-04', '2026-05-09');
const warning = (text: string) => oneDayNamed(long, [text], 'date_end');
const named = (day: string) =>
  `\`date_end\` makes the event last 36 days (until 2026-05-09), but its text names one day only (${day}): if the end has a wrong month or year, fix it`;

describe('oneDayNamed: the days a text names', () => {
  it.each([
    ['Le 4 avril à 14h', 'April 4'],
    ['le 1er décembre', 'December 1'],
    ['Am 4. April', 'April 4'],
    ['el 4 de abril', 'April 4'],
    ['4 abr. 2026', 'April 4'],
    ['Il 4 aprile', 'April 4'],
    ['Em 4 de abril', 'April 4'],
    ['On April 4th', 'April 4'],
    ['Sept. 12', 'September 12'],
    ['le 31 déc.', 'December 31'],
    ['le 5 févr.', 'February 5'],
    ['juil. 14', 'July 14'],
    ['DÉCEMBRE 5', 'December 5'],
    ['2026-04-04', 'April 4'],
    ['04/03/2027 (day first)', 'March 4'],
    ['4.3.27', 'March 4'],
    ['the 4 april and April 4 and 2026-04-04', 'April 4'],
  ])('reads %s as %s', (text, day) => {
    expect(warning(text)).toBe(named(day));
  });

  // Each text also names April 4: a day read where there is none would make two, and no warning.
  it.each([
    ['a number before a word that is no month', '12 people, 30 seats'],
    ['a month before an hour', 'April 14h or April 14:00'],
    ['a month glued to letters or digits', 'x5 april, april5, 5april 6'],
    ['day 0 or 32', '0 april, 32 april, 2026-04-00, 2026-04-32, 00/04/2026, 32/04/2026'],
    ['month 0 or 13', '2026-00-04, 2026-13-04, 04/13/2026, 04/00/2026'],
    ['a longer date string', '12026-05-05 and 2026-05-055, 1/2/3/2026, 1.2.2026.5'],
  ])('reads no day in %s', (_, text) => {
    expect(warning(`${text}; April 4`)).toBe(named('April 4'));
  });

  it('has nothing to say when the text names no day, or two', () => {
    expect(warning('An exhibition all spring')).toBeNull();
    expect(warning('From April 4 to May 9')).toBeNull();
  });

  it('reads every text given (body, summary, abstract) as one', () => {
    expect(oneDayNamed(long, ['April 4', 'and the 9 May too'], 'date_end')).toBeNull();
    expect(oneDayNamed(long, ['', 'April 4'], 'date_end')).toBe(named('April 4'));
  });

  it('leaves events of up to 14 days alone, and names the end field it was given', () => {
    expect(oneDayNamed(allDay('2026-04-04', '2026-04-17'), ['April 4'], 'date_end')).toBeNull();
    expect(oneDayNamed(allDay('2026-04-04', '2026-04-18'), ['April 4'], 'time_end')).toBe(
      '`time_end` makes the event last 15 days (until 2026-04-18), but its text names one day only (April 4): if the end has a wrong month or year, fix it',
    );
  });

  it('reads a timed event by its UTC days, and has nothing to say of one without an end', () => {
    const timed = (start: string, end: string | null): EventTime => ({
      kind: 'timed',
      start: Date.parse(start),
      end: end === null ? null : Date.parse(end),
      timeZone: 'UTC',
      writtenOffset: null,
    });
    expect(oneDayNamed(timed('2026-04-04T10:00:00Z', '2026-05-09T12:00:00Z'), ['April 4'], 'date_end')).toBe(
      named('April 4'),
    );
    expect(oneDayNamed(timed('2026-04-04T10:00:00Z', null), ['April 4'], 'date_end')).toBeNull();
  });
});
