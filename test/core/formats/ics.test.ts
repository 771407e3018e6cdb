/** The iCalendar writer's choices, event by event: what the golden calendars of the fixture site do not show. */
import { build, output, TEST_CONFIG_YAML, yamlPage } from '../../helpers';
import { readCalendar } from '../../ical';
import { vtimezoneBlock } from '../../../lambda/core/formats/vtimezone';

/** The lines of one VEVENT (unfolded), by its UID's identity. */
function vevent(ics: string, id: string): string[] {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const at = lines.indexOf(`UID:${id}@example.org`);
  expect(at).toBeGreaterThan(0);
  return lines.slice(at, lines.indexOf('END:VEVENT', at));
}

describe('VEVENT lines', () => {
  const pages = [
    yamlPage('event/timed/index.md', "title: Timed\ndate: '2027-01-10T18:00:00'\ndate_end: '2027-01-10T20:00:00'"),
    yamlPage('event/point/index.md', "title: Point\ndate: '2027-01-11T18:00:00'"),
    yamlPage('event/days/index.md', "title: Days\ndate: '2027-01-12'\ndate_end: '2027-01-13'"),
    yamlPage('event/off/index.md', "title: Off\ndate: '2027-01-14T18:00:00'\nstatus: cancelled"),
    yamlPage('event/utc/index.md', "title: Utc\ndate: '2027-01-15T18:00:00'\ntimezone: UTC"),
    yamlPage('event/geo/index.md', "title: Geo\ndate: '2027-01-16T18:00:00'\ngeo: { lat: 48.85, lon: 2.35 }"),
  ];
  const ics = () => output(build(pages), 'calendar.ics');

  it('writes a timed event on its zone clock with its TZID, busy', () => {
    expect(vevent(ics(), 'event/timed')).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=Europe/Paris:20270110T180000',
        'DTEND;TZID=Europe/Paris:20270110T200000',
        'TRANSP:OPAQUE',
        'STATUS:CONFIRMED',
      ]),
    );
  });

  it('writes no DTEND for an event without an end', () => {
    const lines = vevent(ics(), 'event/point');
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20270111T180000');
    expect(lines.filter((l) => l.startsWith('DTEND'))).toEqual([]);
  });

  it('writes all-day events as dates with an exclusive end, free', () => {
    expect(vevent(ics(), 'event/days')).toEqual(
      expect.arrayContaining(['DTSTART;VALUE=DATE:20270112', 'DTEND;VALUE=DATE:20270114', 'TRANSP:TRANSPARENT']),
    );
  });

  it('writes a cancelled event free, with its status', () => {
    expect(vevent(ics(), 'event/off')).toEqual(expect.arrayContaining(['STATUS:CANCELLED', 'TRANSP:TRANSPARENT']));
  });

  it('writes an event in UTC with Z and no TZID, and no VTIMEZONE for it', () => {
    const text = ics();
    expect(vevent(text, 'event/utc')).toContain('DTSTART:20270115T180000Z');
    expect(text).not.toContain('TZID:UTC');
    expect(text).not.toContain('TZID=UTC');
  });

  it('writes one VTIMEZONE, for the zone of the timed events: none for all-day and UTC events', () => {
    const text = ics();
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
  });

  it('writes GEO as latitude;longitude', () => {
    expect(vevent(ics(), 'event/geo')).toContain('GEO:48.85;2.35');
    expect(vevent(ics(), 'event/timed').filter((l) => l.startsWith('GEO'))).toEqual([]);
  });
});

describe('the calendar around the events', () => {
  it('gives Apple Calendar the colour in capitals, and no colour line without one', () => {
    const page = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T18:00:00'");
    const coloured = output(build([page], { config: `${TEST_CONFIG_YAML}color: '#1a2b3c'\n` }), 'calendar.ics');
    expect(coloured).toContain('\r\nX-APPLE-CALENDAR-COLOR:#1A2B3C\r\n');
    expect(output(build([page]), 'calendar.ics')).not.toContain('X-APPLE-CALENDAR-COLOR');
  });

  it('lists events by start whatever the order of the pages, and VTIMEZONEs by name', () => {
    const pages = [
      yamlPage('event/a/index.md', "title: Late\ndate: '2027-04-10T18:00:00'\ntimezone: Europe/Paris"),
      yamlPage('event/b/index.md', "title: Early\ndate: '2027-01-10T18:00:00'\ntimezone: Pacific/Auckland"),
      yamlPage('event/c/index.md', "title: Middle\ndate: '2027-02-10T18:00:00'\ntimezone: Europe/Berlin"),
      yamlPage('event/d/index.md', "title: Later\ndate: '2027-03-10T18:00:00'\ntimezone: America/New_York"),
    ];
    const text = output(build(pages), 'calendar.ics');
    expect(readCalendar(text).events.map((e) => e.summary)).toEqual(['Early', 'Middle', 'Later', 'Late']);
    // First seen in the order Auckland, Berlin, New York, Paris: written by name.
    expect([...text.matchAll(/\r\nTZID:([^\r]+)/g)].map((m) => m[1])).toEqual([
      'America/New_York',
      'Europe/Berlin',
      'Europe/Paris',
      'Pacific/Auckland',
    ]);
  });

  it("gives each zone's VTIMEZONE the rules of every UTC year its events span, ends included", () => {
    const pages = [
      yamlPage('event/a/index.md', "title: A\ndate: '2018-06-10T18:00:00'\ntimezone: America/Sao_Paulo"),
      yamlPage('event/b/index.md', "title: B\ndate: '2016-06-10T18:00:00'\ntimezone: America/Sao_Paulo"),
      yamlPage('event/c/index.md', "title: C\ndate: '2017-06-10T18:00:00'\ntimezone: America/Sao_Paulo"),
      // Alone in its zone: its start's year and its end's.
      yamlPage(
        'event/d/index.md',
        "title: D\ndate: '2015-12-31T18:00:00'\ndate_end: '2016-01-02T10:00:00'\ntimezone: Australia/Sydney",
      ),
    ];
    const text = output(build(pages), 'calendar.ics');
    expect(text).toContain(vtimezoneBlock('America/Sao_Paulo', 2016, 2018));
    // 2015-12-31T18:00 in Sydney is 07:00 UTC: 2015 to 2016 in UTC years.
    expect(text).toContain(vtimezoneBlock('Australia/Sydney', 2015, 2016));
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
  });
});
