/** A multilingual site: one site per language, every UID and link kept. */
import { readCalendar } from '../../ical';
import { build, output, yamlPage } from '../../helpers';

describe('a multilingual site', () => {
  // Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
  // that reads it against a mutant in the build (bench/mutation.md).
  let result: ReturnType<typeof build>;
  let paths: string[];
  beforeEach(() => {
    result = build([
      yamlPage('event/meetup/index.md', "title: Meetup\ndate: '2027-01-10T18:00:00'\ntags: [data]"),
      yamlPage('event/meetup/index.fr.md', "title: Rencontre\ndate: '2027-01-10T18:00:00'\ntags: [données]"),
      yamlPage('event/only-fr.fr.md', "title: Atelier\ndate: '2027-01-12T18:00:00'\nstatus: cancelled"),
    ]);
    paths = [...result.outputs].map((o) => o.path);
  });

  it('publishes one calendar and feed set per language, the site language at the root', () => {
    expect(readCalendar(output(result, 'calendar.ics')).events.map((e) => e.summary)).toEqual(['Meetup']);
    expect(readCalendar(output(result, 'fr/calendar.ics')).events.map((e) => e.summary)).toEqual([
      'Rencontre',
      'Atelier',
    ]);
    for (const p of [
      'fr/rss.xml',
      'fr/atom.xml',
      'fr/feed.json',
      'fr/schedule.json',
      'fr/index.html',
      'fr/tags/donnees/calendar.ics',
      'fr/event/meetup.ics',
      'fr/event/meetup/index.html',
    ])
      expect(paths).toContain(p);
    expect(paths).not.toContain('fr/fr/event/meetup.ics');
    expect(result.paths()).toEqual(paths);
    expect(result.languages).toEqual([
      { folder: '', language: 'en', published: 1 },
      { folder: 'fr', language: 'fr', published: 2 },
    ]);
  });

  it('keeps the UIDs and links every language had, in the language of each', () => {
    const fr = readCalendar(output(result, 'fr/calendar.ics'));
    expect(fr.events[0]).toMatchObject({
      uid: 'fr/event/meetup@example.org',
      url: 'https://events.example.org/fr/event/meetup/',
    });
    expect(fr.events[0].description).toContain('Détails : https://events.example.org/fr/event/meetup/');
    expect(fr.events[1].description).toMatch(/^ANNULÉ/);
    expect(output(result, 'fr/index.html')).toContain('<html lang="fr">');
    expect(output(result, 'fr/index.html')).toContain('Événements à venir');
    expect(output(result, 'fr/index.html')).toContain('href="https://events.example.org/fr/event/meetup/"');
    expect(output(result, 'fr/event/meetup/index.html')).toContain(
      'href="https://events.example.org/fr/event/meetup.ics"',
    );
    expect(JSON.parse(output(result, 'fr/feed.json'))).toMatchObject({
      home_page_url: 'https://events.example.org/fr/',
      feed_url: 'https://events.example.org/fr/feed.json',
      language: 'fr',
    });
    expect(output(result, 'index.html')).toContain('Upcoming events');
    expect(result.published).toEqual(['event/meetup', 'fr/event/meetup', 'fr/event/only-fr']);
  });
});
