/** RFC 3339 in schedule.json and JSON-LD: whole-minute offsets, even for a local mean time (Paris before 1911). */
import { build, output, yamlPage } from '../../helpers';

describe('offsets in schedule.json', () => {
  it('writes a local mean time rounded to the minute, the clock with it, naming the same instant', () => {
    const result = build([
      yamlPage('event/old/index.md', "title: Old\ndate: '1900-06-01T10:00:00'\ndate_end: '1900-06-01T12:00:00'"),
    ]);
    const [event] = JSON.parse(output(result, 'schedule.json')).events;
    expect(event.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(event.start).toBe('1900-06-01T09:59:39+00:09'); // 10:00 Paris mean time (+00:09:21) is 09:50:39 UTC
    expect(Date.parse(event.start)).toBe(Date.parse('1900-06-01T09:50:39Z'));
    const page = output(
      build([yamlPage('event/old/index.md', "title: Old\ndate: '1900-06-01T10:00:00'")], {
        config: 'siteUrl: https://e.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n',
      }),
      'event/old/index.html',
    );
    expect(page).toContain('"startDate":"1900-06-01T09:59:39+00:09"');
  });
});
