/** The whole pipeline on the fixture site (test/fixtures/site): golden calendars, what ical.js reads back, the same bytes every time. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite, type BuildResult } from '../../../lambda/core/build';
import { serializeMemory } from '../../../lambda/core/memory';
import { readCalendar } from '../../ical';
import { NOW, output, textOf, parseMemory } from '../../helpers';
import { buildFixture, expectGolden, FIXTURE, filesUnder } from '../../fixture-site';

/** The golden files of the core's tests (test/core/golden). */
const GOLDEN_DIR = path.join(__dirname, '..');

describe('buildSite on the fixture site', () => {
  // Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
  // that reads it against a mutant in the build (bench/mutation.md).
  let result: BuildResult;
  beforeEach(() => {
    result = buildFixture();
  });

  it('publishes every fixture event with no problem', () => {
    expect(result.problems).toEqual([]);
    expect(result.published).toEqual([
      'talk/legacy',
      'event/paris-evening',
      'event/called-off',
      'event/three-days',
      'event/kolkata-offset',
    ]);
  });

  it('matches the golden calendar.ics and per-event files', () => {
    expectGolden(GOLDEN_DIR, 'calendar.ics', output(result, 'calendar.ics'));
    expectGolden(GOLDEN_DIR, 'paris-evening.ics', output(result, 'event/paris-evening.ics'));
  });

  it('matches the golden HTML pages: the index, an event page, a cancelled one, a tag page, 404, the widget', () => {
    // Every word and attribute of a page: a mutant of any template string changes one of these.
    for (const [page, golden] of [
      ['index.html', 'index.html'],
      ['event/paris-evening/index.html', 'event-paris-evening.html'],
      ['event/called-off/index.html', 'event-called-off.html'],
      ['talk/legacy/index.html', 'talk-legacy.html'],
      ['404.html', '404.html'],
      ['embed/index.html', 'embed.html'],
      ['tags/data-science/index.html', 'tag-data-science.html'],
    ])
      expectGolden(GOLDEN_DIR, golden, output(result, page));
  });

  it('writes CRLF everywhere, folds at 75 octets, ends with CRLF', () => {
    for (const o of [...result.outputs].filter((f) => f.path.endsWith('.ics'))) {
      const text = textOf(o);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    }
  });

  it('has a VTIMEZONE for every TZID used', () => {
    const ics = output(result, 'calendar.ics');
    const used = new Set([...ics.matchAll(/TZID=([^:;]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(['Asia/Kolkata', 'Europe/Paris']);
    for (const zone of used) expect(ics).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
  });

  it('reads back in ical.js field by field as the source says', () => {
    const cal = readCalendar(output(result, 'calendar.ics'));
    expect(cal.props).toMatchObject({
      'X-WR-CALNAME': 'Fixture events',
      NAME: 'Fixture events',
      'X-WR-TIMEZONE': 'Europe/Paris',
      'REFRESH-INTERVAL': 'PT2H',
      'X-PUBLISHED-TTL': 'PT2H',
    });
    const byUid = Object.fromEntries(cal.events.map((e) => [e.uid, e]));
    expect(byUid['event/paris-evening@example.org']).toMatchObject({
      summary: "Soirée data : outils, méthodes; retours d'expérience, et questions",
      start: '2022-12-05T13:00:00.000Z', // 14:00 Paris (wallClockZ)
      end: '2022-12-05T17:00:00.000Z',
      startZone: 'Europe/Paris',
      location: 'Lieu de la transformation publique, 20 avenue de Ségur, Paris, 75007, France',
      url: 'https://events.example.org/event/paris-evening/',
      status: 'CONFIRMED',
      categories: ['10%', 'Etalab', 'Data, science'],
      dtstamp: '2022-11-14T23:00:00.000Z', // first sight: publishDate, midnight Paris under wallClockZ
      sequence: 0,
    });
    const description = byUid['event/paris-evening@example.org'].description ?? '';
    expect(description).toContain('Le 5 décembre, clôture de la saison.');
    expect(description).toContain('Pour toute information : lab@example.org');
    expect(description).toContain('14h00-15h00 : Pitchs des projets');
    expect(description).toContain('Slides: https://example.org/slides.pdf');
    expect(description).not.toMatch(/\{\{|__|`/);
    expect(byUid['event/kolkata-offset@example.org']).toMatchObject({
      start: '2024-12-03T04:00:00.000Z',
      end: '2024-12-03T12:30:00.000Z',
      startZone: 'Asia/Kolkata',
    });
    expect(byUid['event/three-days@example.org']).toMatchObject({
      allDay: true,
      start: '2023-11-06',
      end: '2023-11-09',
      dtstamp: '2023-10-01T10:00:00.000Z',
    });
    expect(byUid['event/called-off@example.org']).toMatchObject({ status: 'CANCELLED' });
    expect(byUid['event/called-off@example.org'].description).toMatch(/^ANNULÉ : cet événement n’aura pas lieu\./); // a French site
    expect(byUid['talk/legacy@example.org']).toMatchObject({
      start: '2021-03-26T10:20:00.000Z',
      end: '2021-03-26T10:40:00.000Z',
      dtstamp: '2021-08-17T15:05:00.000Z',
    });
  });

  it('gives each event its own .ics with the same UID and start as calendar.ics', () => {
    const all = readCalendar(output(result, 'calendar.ics')).events;
    for (const id of result.published) {
      const own = readCalendar(output(result, `${id}.ics`)).events;
      expect(own).toHaveLength(1);
      expect(all.find((e) => e.uid === own[0].uid)?.start).toBe(own[0].start);
    }
  });

  it('is byte-identical when built twice, with or without the saved state', () => {
    const again = buildFixture();
    const withState = buildSite({
      ...inputsOf(),
      memory: parseMemory(serializeMemory(result.memory)),
      now: NOW + 86_400_000,
    });
    expect([...again.outputs]).toEqual([...result.outputs]);
    expect([...withState.outputs]).toEqual([...result.outputs]);
  });
});

function inputsOf() {
  return {
    pages: filesUnder(FIXTURE).filter((f) => f.path !== 'calpub.yaml'),
    configText: readFileSync(path.join(FIXTURE, 'calpub.yaml'), 'utf8'),
  };
}
