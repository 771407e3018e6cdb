/** A zone the VTIMEZONE library lacks is a problem naming the zone, never UTC times written quietly. */
import { parseConfig } from '../../lambda/core/read/config';
import { build, yamlPage } from '../helpers';

jest.mock('timezones-ical-library', () => {
  const actual = jest.requireActual('timezones-ical-library');
  return { ...actual, tzlib_get_timezones: () => (actual.tzlib_get_timezones() as string[]).filter((z) => z !== 'America/Santiago') };
});

describe('a zone with no VTIMEZONE', () => {
  it('rejects an event in it, naming the zone, and publishes the others', () => {
    const result = build([
      yamlPage('event/santiago/index.md', "title: S\ntimezone: America/Santiago\ndate: '2027-09-09T19:00:00'"),
      yamlPage('event/paris/index.md', "title: P\ndate: '2027-09-09T19:00:00'"),
    ]);
    expect(result.published).toEqual(['event/paris']);
    expect(result.problems).toEqual([
      {
        file: 'event/santiago/index.md',
        severity: 'error',
        field: 'timezone',
        message: '`timezone` "America/Santiago" has no VTIMEZONE rules calpub can write in calendars; write its canonical IANA name, such as `Asia/Kolkata` for `Asia/Calcutta`',
      },
    ]);
  });

  it('is a configuration problem as the site zone (the default is used)', () => {
    const { config, problems } = parseConfig('uidDomain: example.org\ntimeZone: America/Santiago\n');
    expect(config.timeZone).toBe('UTC');
    expect(problems).toEqual([expect.objectContaining({ file: 'calpub.yaml', severity: 'error', field: 'timeZone', message: expect.stringMatching(/^`timeZone` "America\/Santiago" has no VTIMEZONE rules/) })]);
  });
});
