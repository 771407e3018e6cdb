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

describe('the sites of a multilingual build', () => {
  const page = (path: string, title = path) => yamlPage(path, `title: ${title}\ndate: '2027-01-10T18:00:00'`);
  const calendarName = (result: ReturnType<typeof build>, path: string) =>
    /\r\nX-WR-CALNAME:([^\r]*)\r\n/.exec(output(result, path))?.[1];

  it('come in the order of their folders, whatever the order of the pages', () => {
    // `a` (French) comes before `b` (German) in the pages' order.
    const result = build([page('event/a/index.fr.md'), page('event/b/index.de.md'), page('event/x/index.md')]);
    expect(result.languages.map((l) => l.folder)).toEqual(['', 'de', 'fr']);
    expect(output(result, 'robots.txt')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://events.example.org/sitemap.xml\nSitemap: https://events.example.org/de/sitemap.xml\nSitemap: https://events.example.org/fr/sitemap.xml\n',
    );
  });

  it('are named in their language when the configuration names none, the site’s own at the root too', () => {
    const result = build([page('event/x/index.md'), page('event/x/index.de.md')], {
      config: 'uidDomain: example.org\nlanguage: fr\n',
    });
    expect(calendarName(result, 'calendar.ics')).toBe('Événements');
    expect(calendarName(result, 'de/calendar.ics')).toBe('Veranstaltungen');
  });

  it('take the site language’s own title from `languages`, whatever the case of its tag', () => {
    const result = build([page('event/x/index.md')], {
      config: 'uidDomain: example.org\nlanguage: fr-FR\nlanguages: {fr-FR: {title: Séminaires}}\n',
    });
    expect(calendarName(result, 'calendar.ics')).toBe('Séminaires');
  });

  it('link a language’s events under its folder of the site that shows them (permalinkBase)', () => {
    const result = build([page('event/x/index.fr.md')], {
      config: 'uidDomain: example.org\npermalinkBase: https://lab.example.org/\n',
    });
    expect(readCalendar(output(result, 'fr/calendar.ics')).events[0].url).toBe('https://lab.example.org/fr/event/x/');
    // Without pages of calpub's own, a language's calendar is at home on that site's folder.
    const noPages = build([page('event/x/index.fr.md')], {
      config:
        'uidDomain: example.org\npermalinkBase: https://lab.example.org/\noutputs: [calendars, feeds, schedule]\n',
    });
    expect(output(noPages, 'fr/calendar.ics')).toContain('\r\nURL;VALUE=URI:https://lab.example.org/fr/\r\n');
  });
});
