import { clockTimesIn, offsetMismatch } from '../../../lambda/core/read/offset-check';
import type { EventTime } from '../../../lambda/core/model';

/** 2025-02-10 18:00 written with +02:00 (a summer offset in February): 16:00 UTC, 17:00 in Paris. */
const february: EventTime = {
  kind: 'timed',
  start: Date.parse('2025-02-10T16:00:00Z'),
  end: null,
  timeZone: 'Europe/Paris',
  writtenOffset: 120,
};

describe('offsetMismatch', () => {
  it('says nothing when the offset is the zone offset on that day, or there is no offset or no zone', () => {
    expect(offsetMismatch({ ...february, writtenOffset: 60 }, 'date', '')).toBeNull();
    expect(offsetMismatch({ ...february, start: Date.parse('2025-06-10T16:00:00Z') }, 'date', '')).toBeNull();
    expect(offsetMismatch({ ...february, writtenOffset: null }, 'date', '')).toBeNull();
    expect(offsetMismatch({ ...february, timeZone: 'UTC' }, 'date', '')).toBeNull();
  });

  it('warns that the offset is not the zone offset, and when it is published', () => {
    expect(offsetMismatch(february, 'date', 'No times here.')).toBe(
      '`date` is written with +02:00, but Europe/Paris is at +01:00 on that day: it is published at 17:00 Europe/Paris time (18:00 at +02:00). ' +
        'Check the time and write the offset of Europe/Paris on that day (+01:00), or no offset',
    );
  });

  it('says the offset is likely wrong when the body gives the time as written', () => {
    expect(offsetMismatch(february, 'date', 'Rendez-vous à 18h au foyer, fin vers 20h.')).toMatch(
      /The text says 18:00, so the offset is likely wrong: write \+01:00, or no offset$/,
    );
  });

  it('says the time is likely right when the body gives the time in the zone', () => {
    expect(offsetMismatch(february, 'time_start', 'Doors open at 5 pm.')).toMatch(
      /^`time_start`.*The text says 17:00 too, so the time is likely right/,
    );
  });
});

describe('clockTimesIn', () => {
  it('reads the clock times people write, both ends of ranges', () => {
    expect([...clockTimesIn('18h, 18:30, 7 pm, 9am–11am, 14h00-15h00')]).toEqual([
      '18:00',
      '18:30',
      '19:00',
      '09:00',
      '11:00',
      '14:00',
      '15:00',
    ]);
  });

  it('does not read prices, versions, years, durations or scores', () => {
    expect([...clockTimesIn('10.50 euros, v2.10, in 2025, 2 hours, 3-2, room 101')]).toEqual([]);
  });
});
