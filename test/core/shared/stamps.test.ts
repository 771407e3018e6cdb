import { clockAt, clockText, offsetText, rfc3339, rfc3339At, rfc822 } from '../../../lambda/core/shared/stamps';

const t = Date.parse('2022-12-05T13:00:00.250Z');

describe('stamps: one spelling per shape', () => {
  it('writes RFC 3339 in UTC without milliseconds, and RFC 822 for RSS', () => {
    expect(rfc3339(t)).toBe('2022-12-05T13:00:00Z');
    expect(rfc822(t)).toBe('Mon, 05 Dec 2022 13:00:00 GMT');
  });

  it('writes RFC 3339 on a clock east or west of UTC, a local mean time rounded to the minute', () => {
    expect(rfc3339At(t, 60)).toBe('2022-12-05T14:00:00+01:00');
    expect(rfc3339At(t, -210)).toBe('2022-12-05T09:30:00-03:30');
    expect(rfc3339At(t, 0)).toBe('2022-12-05T13:00:00+00:00');
    expect(rfc3339At(Date.parse('1900-06-01T12:00:00Z'), 9.35)).toBe('1900-06-01T12:09:00+00:09'); // Paris, +00:09:21
    expect(rfc3339At(Date.parse('1900-06-01T12:00:00Z'), -9.6)).toBe('1900-06-01T11:50:00-00:10');
  });

  it('writes offsets and clock times with two digits each', () => {
    expect([offsetText(330), offsetText(-570), offsetText(0), offsetText(-45), offsetText(840)]).toEqual([
      '+05:30',
      '-09:30',
      '+00:00',
      '-00:45',
      '+14:00',
    ]);
    expect([clockText(9, 5), clockText(23, 59)]).toEqual(['09:05', '23:59']);
    expect([clockAt(t, 330), clockAt(t, -600)]).toEqual(['18:30', '03:00']);
  });
});
