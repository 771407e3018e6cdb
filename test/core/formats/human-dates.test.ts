import type { EventTime } from '../../../lambda/core/model';
import { humanWhen } from '../../../lambda/core/formats/human-dates';

const start = Date.parse('2022-12-05T13:00:00Z');
const timed = (end: number | null, timeZone = 'Europe/Paris'): EventTime => ({
  kind: 'timed',
  start,
  end,
  timeZone,
  writtenOffset: null,
});
const days = (startDate: string, endDate: string): EventTime => ({
  kind: 'allDay',
  startDate,
  endDate,
  timeZone: 'Pacific/Auckland',
});

describe('humanWhen: dates as people read them', () => {
  it('gives a timed event in its zone, a range when it has an end, the zone named', () => {
    expect(humanWhen(timed(start + 4 * 3_600_000), 'en')).toBe(
      'Monday, December 5, 2022, 2:00 – 6:00 PM (Europe/Paris)',
    );
    expect(humanWhen(timed(null), 'fr')).toBe('lundi 5 décembre 2022 à 14:00 (Europe/Paris)');
    expect(humanWhen(timed(null, 'America/New_York'), 'en')).toBe(
      'Monday, December 5, 2022 at 8:00 AM (America/New_York)',
    );
  });

  it('gives all-day events as days, whatever their zone, one day or a range', () => {
    expect(humanWhen(days('2022-12-05', '2022-12-05'), 'en')).toBe('Monday, December 5, 2022');
    expect(humanWhen(days('2022-12-05', '2022-12-07'), 'de')).toBe('Montag, 5. – Mittwoch, 7. Dezember 2022');
  });

  it('keeps the time out of an all-day event after a timed one in UTC (its formatters are not shared)', () => {
    expect(humanWhen(timed(null, 'UTC'), 'en')).toBe('Monday, December 5, 2022 at 1:00 PM (UTC)');
    expect(humanWhen(days('2022-12-05', '2022-12-05'), 'en')).toBe('Monday, December 5, 2022');
  });

  it('writes in English for a language ICU cannot read, and with plain spaces only', () => {
    expect(humanWhen(timed(null), 'not a language!')).toBe('Monday, December 5, 2022 at 2:00 PM (Europe/Paris)');
    for (const text of [humanWhen(timed(start + 3_600_000), 'en'), humanWhen(days('2022-12-05', '2022-12-07'), 'fr')])
      expect(text).not.toMatch(/[\u00a0\u2009\u202f]/);
  });
});
