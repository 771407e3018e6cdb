/** test/fixtures/changed-zones: past events in zones whose rules changed, and the instant each had. */

/** Each event's start as it was: the local time written, the UTC instant of that day's rules. */
export const CHANGED_ZONES: Record<string, string> = {
  'sao-paulo-2018': '2018-12-01T17:00:00.000Z', // 15:00, summer time UTC-2 (Brazil dropped it in 2019)
  'mexico-2019': '2019-07-10T23:00:00.000Z', // 18:00 CDT
  'mexico-2022': '2022-07-10T23:00:00.000Z', // 18:00 CDT, the last summer time
  'mexico-2023': '2023-07-11T00:00:00.000Z', // 18:00 CST: no summer time any more
  'moscow-2012': '2012-01-15T14:00:00.000Z', // 18:00 UTC+4 (permanent summer time 2011–2014)
  'apia-2011-before': '2011-12-29T20:00:00.000Z', // 10:00 UTC-10, before Samoa crossed the date line
  'apia-2011-after': '2011-12-30T20:00:00.000Z', // 10:00 UTC+14, the next day on the calendar: 30 December was skipped
  'casablanca-ramadan-2019': '2019-05-20T21:00:00.000Z', // 21:00 UTC+0: summer time suspended for Ramadan
  'casablanca-2019': '2019-06-20T20:00:00.000Z', // 21:00 UTC+1
  'almaty-2020': '2020-02-08T10:30:00.000Z', // 16:30 UTC+6
  'almaty-2025': '2025-02-08T11:30:00.000Z', // 16:30 UTC+5, since March 2024
};
