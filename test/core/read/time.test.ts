import {
  offsetAt,
  readInstant,
  readWritten,
  wallClockReading,
  wallDateOf,
  toInstant,
  utcStamp,
  wallClockStamp,
  nextDay,
  zonedInstant,
} from '../../../lambda/core/read/time';

const iso = (ms: number) => new Date(ms).toISOString();
const paris = { timeZone: 'Europe/Paris', wallClockZ: false };

describe('readWritten', () => {
  it.each([
    ['2022-12-05T14:00:00Z', { kind: 'dateTime', date: '2022-12-05', hour: 14, minute: 0, second: 0, offset: 'Z' }],
    ['2022-09-09T19:00:01.050Z', { kind: 'dateTime', date: '2022-09-09', hour: 19, minute: 0, second: 1, offset: 'Z' }],
    ['2019-08-29T12:00:00', { kind: 'dateTime', date: '2019-08-29', hour: 12, minute: 0, second: 0, offset: null }],
    [
      '2024-12-03T09:30:00+05:30',
      { kind: 'dateTime', date: '2024-12-03', hour: 9, minute: 30, second: 0, offset: '+05:30' },
    ],
    [
      '2021-05-18T09:00:00-00:00',
      { kind: 'dateTime', date: '2021-05-18', hour: 9, minute: 0, second: 0, offset: '-00:00' },
    ],
    ['2019-07-16', { kind: 'date', date: '2019-07-16' }],
    [
      '2021-08-17T16:25:00.000',
      { kind: 'dateTime', date: '2021-08-17', hour: 16, minute: 25, second: 0, offset: null },
    ],
  ])('reads %s', (text, expected) => expect(readWritten(text)).toEqual({ ok: true, value: expected }));

  it('accepts a one-digit hour, as Go and so Hugo do, with a note saying how to write it', () => {
    expect(readWritten('2021-09-21T9:00:00Z')).toEqual({
      ok: true,
      value: { kind: 'dateTime', date: '2021-09-21', hour: 9, minute: 0, second: 0, offset: 'Z' },
      note: "'2021-09-21T9:00:00Z' has a one-digit hour, read as 09:00; write two digits ('2021-09-21T09:00…')",
    });
  });

  it('rejects offsets that exist nowhere (+15:00)', () => {
    expect(readWritten('2025-02-24T14:00:00+15:00')).toEqual({
      ok: false,
      reason: expect.stringMatching(/\+15:00 does not exist.*-12:00 to \+14:00/),
    });
  });

  it('rejects impossible dates (February 30) and times', () => {
    expect(readWritten('2023-02-30T10:00:00')).toEqual({
      ok: false,
      reason: expect.stringMatching(/2023-02-30 is not a day/),
    });
    expect(readWritten('2023-02-29').ok).toBe(false);
    expect(readWritten('2024-02-29').ok).toBe(true);
    expect(readWritten('2023-01-01T25:00:00').ok).toBe(false);
  });

  it('reads times without seconds, compact offsets, late evenings and negative offsets', () => {
    expect(readWritten('2024-05-17T23:45')).toEqual({
      ok: true,
      value: { kind: 'dateTime', date: '2024-05-17', hour: 23, minute: 45, second: 0, offset: null },
    });
    expect(readWritten('2024-05-17 19:00-0500')).toEqual({
      ok: true,
      value: { kind: 'dateTime', date: '2024-05-17', hour: 19, minute: 0, second: 0, offset: '-05:00' },
    });
    expect(readWritten('2024-05-17T19:00+05')).toEqual({
      ok: true,
      value: { kind: 'dateTime', date: '2024-05-17', hour: 19, minute: 0, second: 0, offset: '+05:00' },
    });
    expect(readWritten('2024-05-17t19:00:00z')).toEqual({
      ok: true,
      value: { kind: 'dateTime', date: '2024-05-17', hour: 19, minute: 0, second: 0, offset: 'Z' },
    });
    // A negative offset is west of UTC: 19:00 at -05:00 is midnight UTC.
    const w = readWritten('2024-05-17T19:00:00-05:00');
    if (!w.ok) throw new Error(w.reason);
    expect(iso(toInstant(w.value, paris))).toBe('2024-05-18T00:00:00.000Z');
  });

  it('accepts every real offset, -12:00 to +14:00, and no other', () => {
    for (const ok of ['+14:00', '-12:00', '+05:45', '-09:30', '+00:00'])
      expect([ok, readWritten(`2024-05-17T10:00:00${ok}`).ok]).toEqual([ok, true]);
    for (const bad of ['+14:01', '-12:01', '-13:00', '+05:75', '+15:00'])
      expect([bad, readWritten(`2024-05-17T10:00:00${bad}`).ok]).toEqual([bad, false]);
  });

  it('rejects days and months that do not exist, century leap years included', () => {
    for (const bad of [
      '2024-05-00',
      '2024-00-10',
      '2024-13-01',
      '1900-02-29',
      '2100-02-29',
      '2023-04-31',
      '2024-05-32',
    ])
      expect([bad, readWritten(bad).ok]).toEqual([bad, false]);
    for (const ok of ['2000-02-29', '2024-02-29', '2023-12-31', '2023-01-31', '1000-01-01'])
      expect([ok, readWritten(ok).ok]).toEqual([ok, true]);
    expect(readWritten('2023-01-01T23:60:00').ok).toBe(false);
    expect(readWritten('2023-01-01T23:59:60').ok).toBe(true); // a leap second, read as :59
  });

  it('rejects placeholders with advice', () => {
    expect(readWritten('TBA')).toEqual({
      ok: false,
      reason: expect.stringMatching(/'TBA' is a placeholder.*draft: true/),
    });
    expect(readWritten('tbd').ok).toBe(false);
  });

  it('rejects non-dates with an example of what to write', () => {
    expect(readWritten('next Tuesday')).toEqual({
      ok: false,
      reason: expect.stringMatching(/not a date; write it as/),
    });
    expect(readWritten(2020)).toEqual({ ok: false, reason: "2020 is not a date; write it as '2024-05-17T14:00:00'" });
    expect(readWritten(true).ok).toBe(false);
  });

  it('says which time of day does not exist', () => {
    expect(readWritten('2023-01-01T24:00')).toEqual({
      ok: false,
      reason: "'2023-01-01T24:00': 24:00 is not a time of day",
    });
    expect(readWritten('2023-01-01T10:60').ok).toBe(false);
  });

  it('reads a leap second (:60) as :59, and rejects :61', () => {
    expect(readWritten('2016-12-31T23:59:60Z')).toEqual({
      ok: true,
      value: { kind: 'dateTime', date: '2016-12-31', hour: 23, minute: 59, second: 59, offset: 'Z' },
    });
    expect(readWritten('2016-12-31T23:59:61Z')).toEqual({
      ok: false,
      reason: "'2016-12-31T23:59:61Z': 23:59 is not a time of day",
    });
  });

  it('reads a value written with spaces around it (a quoted YAML string)', () => {
    expect(readWritten(' 2024-05-17T14:00:00 ')).toEqual({
      ok: true,
      value: { kind: 'dateTime', date: '2024-05-17', hour: 14, minute: 0, second: 0, offset: null },
    });
  });

  it('accepts an offset up to 59 minutes past the hour, and no further', () => {
    expect(readWritten('2024-05-17T14:00:00+05:59').ok).toBe(true);
    expect(readWritten('2024-05-17T14:00:00+05:60').ok).toBe(false);
  });
});

describe('toInstant', () => {
  const w = (s: string) => {
    const r = readWritten(s);
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  it('reads naive times as wall clock in the zone, with daylight saving', () => {
    expect(iso(toInstant(w('2026-12-01T19:00:00'), paris))).toBe('2026-12-01T18:00:00.000Z');
    expect(iso(toInstant(w('2026-07-01T19:00:00'), paris))).toBe('2026-07-01T17:00:00.000Z');
  });
  it('honours explicit offsets whatever the zone', () => {
    expect(iso(toInstant(w('2024-12-03T09:30:00+05:30'), paris))).toBe('2024-12-03T04:00:00.000Z');
  });
  it('reads Z as UTC unless wallClockZ, then as wall clock in the zone', () => {
    expect(iso(toInstant(w('2022-12-05T14:00:00Z'), paris))).toBe('2022-12-05T14:00:00.000Z');
    expect(iso(toInstant(w('2022-12-05T14:00:00Z'), { ...paris, wallClockZ: true }))).toBe('2022-12-05T13:00:00.000Z');
  });
  it('reads an offset the zone has in another season as the digits in the zone, and says what was written', () => {
    // +02:00 is Paris's summer offset: on a winter date the site shows 18:00, so 18:00 Paris (17:00Z).
    expect(readInstant(w('2025-02-10T18:00:00+02:00'), paris)).toEqual({
      instant: Date.parse('2025-02-10T17:00:00Z'),
      otherSeason: { written: 120, zone: 60 },
    });
    // And the winter offset on a summer date.
    expect(readInstant(w('2025-07-10T18:00:00+01:00'), paris)).toEqual({
      instant: Date.parse('2025-07-10T16:00:00Z'),
      otherSeason: { written: 60, zone: 120 },
    });
    // The zone's own offset that day, or one no season of it has (another venue), is honoured.
    expect(readInstant(w('2025-07-10T18:00:00+02:00'), paris)).toEqual({ instant: Date.parse('2025-07-10T16:00:00Z') });
    expect(readInstant(w('2025-02-10T18:00:00-05:00'), paris)).toEqual({ instant: Date.parse('2025-02-10T23:00:00Z') });
    // Negative offsets: New York's summer offset on a winter date.
    expect(readInstant(w('2025-01-15T18:00:00-04:00'), { timeZone: 'America/New_York', wallClockZ: true })).toEqual({
      instant: Date.parse('2025-01-15T23:00:00Z'),
      otherSeason: { written: -240, zone: -300 },
    });
    // A zone without seasons honours every offset.
    expect(readInstant(w('2025-01-15T18:00:00+02:00'), { timeZone: 'Asia/Kolkata', wallClockZ: true })).toEqual({
      instant: Date.parse('2025-01-15T16:00:00Z'),
    });
  });
  it("reads offsets against the seasons of the date's own year (Mexico City dropped summer time in 2022)", () => {
    const mexico = { timeZone: 'America/Mexico_City', wallClockZ: true };
    expect(readInstant(w('2021-01-15T18:00:00-05:00'), mexico).otherSeason).toEqual({ written: -300, zone: -360 });
    expect(readInstant(w('2024-01-15T18:00:00-05:00'), mexico)).toEqual({
      instant: Date.parse('2024-01-15T23:00:00Z'),
    });
  });
  it('reads Z as UTC in a zone whose winter offset is UTC, in summer too (London)', () => {
    const london = { timeZone: 'Europe/London', wallClockZ: false };
    expect(readInstant(w('2025-07-10T18:00:00Z'), london)).toEqual({ instant: Date.parse('2025-07-10T18:00:00Z') });
    expect(readInstant(w('2025-07-10T18:00:00Z'), { ...london, wallClockZ: true })).toEqual({
      instant: Date.parse('2025-07-10T17:00:00Z'),
    });
  });
  it("reads an offset the zone only takes the next year as another venue's (Samoa crossed the date line in 2011)", () => {
    // Apia was at -11:00/-10:00 through 2011 and +13:00/+14:00 from its last days: in June 2011
    // +14:00 belongs to no season of that year, so it is honoured as written.
    const apia = { timeZone: 'Pacific/Apia', wallClockZ: true };
    expect(readInstant(w('2011-06-01T10:00:00+14:00'), apia)).toEqual({ instant: Date.parse('2011-05-31T20:00:00Z') });
  });
  it('treats -00:00 like Z', () => {
    expect(iso(toInstant(w('2021-05-18T09:00:00-00:00'), paris))).toBe('2021-05-18T09:00:00.000Z');
  });
  it('does not depend on the process time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/New_York';
    const a = toInstant(w('2026-12-01T19:00:00'), paris);
    process.env.TZ = 'Asia/Tokyo';
    const b = toInstant(w('2026-12-01T19:00:00'), paris);
    process.env.TZ = before;
    expect(a).toBe(b);
  });
});

describe('stamps', () => {
  it('formats wall-clock and UTC stamps', () => {
    const t = Date.parse('2022-12-05T13:00:00Z');
    expect(wallClockStamp(t, 'Europe/Paris')).toBe('20221205T140000');
    expect(utcStamp(t)).toBe('20221205T130000Z');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('toInstant around daylight-saving changes (Europe/Paris)', () => {
  const at = (s: string) => {
    const r = readWritten(s);
    if (!r.ok) throw new Error(r.reason);
    return iso(toInstant(r.value, paris));
  };
  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(at('2026-03-29T02:30:00')).toBe('2026-03-29T01:30:00.000Z'); // shown as 03:30 CEST
  });
  it('reads times either side of the change with the right offset', () => {
    expect(at('2026-03-29T01:59:00')).toBe('2026-03-29T00:59:00.000Z');
    expect(at('2026-03-29T03:00:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-10-25T01:30:00')).toBe('2026-10-24T23:30:00.000Z');
    expect(at('2026-10-25T04:00:00')).toBe('2026-10-25T03:00:00.000Z');
  });
  it('takes the first occurrence of an autumn time shown twice (RFC 5545 §3.3.5), and says so', () => {
    expect(at('2026-10-25T02:30:00')).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, not CET
    expect(wallClockReading(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Paris')).toEqual({
      instant: Date.parse('2026-10-25T00:30:00Z'),
      repeated: true,
    });
    expect(wallClockReading(Date.UTC(2026, 10, 1, 1, 30), 'America/New_York')).toEqual({
      instant: Date.parse('2026-11-01T05:30:00Z'),
      repeated: true,
    }); // 01:30 EDT
  });
  it('says how far a time in a spring-forward gap moved', () => {
    expect(wallClockReading(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Paris')).toEqual({
      instant: Date.parse('2026-03-29T01:30:00Z'),
      skipped: 60,
    });
    expect(wallClockReading(Date.UTC(2026, 2, 29, 3, 30), 'Europe/Paris')).toEqual({
      instant: Date.parse('2026-03-29T01:30:00Z'),
    });
    // Lord Howe moves by 30 minutes.
    expect(wallClockReading(Date.UTC(2026, 9, 4, 2, 15), 'Australia/Lord_Howe')).toEqual({
      instant: Date.parse('2026-10-03T15:45:00Z'),
      skipped: 30,
    });
  });
  it('gives midnight in the zone for a date alone', () => {
    expect(at('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
  });
});

describe('wallDateOf and zonedInstant', () => {
  it('gives the calendar date an instant falls on in zones far east and west of UTC', () => {
    const instant = Date.parse('2026-11-29T20:00:00Z');
    expect(wallDateOf(instant, 'Pacific/Auckland')).toBe('2026-11-30'); // +13: already the next morning
    expect(wallDateOf(instant, 'Pacific/Honolulu')).toBe('2026-11-29'); // -10
    expect(wallDateOf(Date.parse('2026-11-30T08:00:00Z'), 'Pacific/Honolulu')).toBe('2026-11-29');
  });

  it('gives the instant clocks in a zone show a time of a day', () => {
    expect(iso(zonedInstant('2026-11-30', 9 * 60, 'Pacific/Auckland'))).toBe('2026-11-29T20:00:00.000Z');
    expect(iso(zonedInstant('2026-11-29', 22 * 60, 'Pacific/Honolulu'))).toBe('2026-11-30T08:00:00.000Z');
  });
});

describe('offsetAt', () => {
  it("reads ICU's offset, to the second when a local mean time has seconds", () => {
    expect(offsetAt('Europe/Paris', Date.parse('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsetAt('Europe/Paris', Date.parse('2026-07-15T12:00:00Z'))).toBe(120);
    expect(offsetAt('America/New_York', Date.parse('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(offsetAt('Asia/Kolkata', Date.parse('2026-01-15T12:00:00Z'))).toBe(330);
    expect(offsetAt('UTC', Date.parse('2026-01-15T12:00:00Z'))).toBe(0);
    expect(offsetAt('Europe/Paris', Date.parse('1900-06-01T12:00:00Z'))).toBeCloseTo(9 + 21 / 60, 10); // +00:09:21
    expect(offsetAt('Africa/Monrovia', Date.parse('1971-06-01T12:00:00Z'))).toBe(-44.5); // -00:44:30
  });
});
