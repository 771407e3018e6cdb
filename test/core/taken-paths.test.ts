/** Outputs own their paths: no page can take another output's path, or a private folder's. */
import { build, output, yamlPage } from '../helpers';
import { readCalendar } from '../ical';

const page = (path: string, extra = '') => yamlPage(path, `title: ${path}\ndate: '2027-01-10T10:00:00Z'\n${extra}`);

describe('a page whose identity gives a path another output has', () => {
  it.each([
    ['the site calendar', 'event/index.md', 'slug: calendar', 'calendar.ics'],
    ['the widget page', 'event/index.md', 'slug: embed', 'embed/index.html'],
    ['the feed', 'event/index.md', 'slug: rss', 'calendar'], // rss.xml is not an event path: no collision (control)
  ])('is rejected, never written over %s', (_, path, extra, taken) => {
    const good = page('event/a/index.md');
    const result = build([page(path, extra), good, page('event/b/index.md', 'tags: [x]')]);
    if (taken === 'calendar') {
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      return;
    }
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        file: path,
        severity: 'error',
        field: 'slug',
        message: expect.stringMatching(
          new RegExp(
            `gives the path \`${taken.replace('.', '\\.')}\`, which is the site's own file too: nothing is written over another output`,
          ),
        ),
      },
    ]);
    expect(result.published).toEqual(['event/a', 'event/b']);
    // The site calendar is whole: both good events, not the page's.
    expect(readCalendar(output(result, 'calendar.ics')).events.map((e) => e.uid)).toEqual([
      'event/a@example.org',
      'event/b@example.org',
    ]);
  });

  it('takes a path of an output the site does not publish: the widget page when there is no widget', () => {
    const config =
      'siteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\noutputs: [calendars, feeds, schedule, pages]\n';
    const result = build([page('event/index.md', 'slug: embed'), page('event/a/index.md')], { config });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.published).toEqual(['embed', 'event/a']);
    expect(output(result, 'embed/index.html')).toContain('<h1 class="p-name">event/index.md</h1>');
  });

  it("rejects a page that takes a tag's calendar, and keeps the tag's", () => {
    const result = build([page('tags/x/calendar.md'), page('event/b/index.md', 'tags: [x]')], {
      config:
        'siteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\nsections: [event, tags]\n',
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({
        file: 'tags/x/calendar.md',
        field: 'slug',
        message: expect.stringMatching(/gives the path `tags\/x\/calendar\.ics`, which is the site's tag file too/),
      }),
    ]);
    expect(readCalendar(output(result, 'tags/x/calendar.ics')).events.map((e) => e.uid)).toEqual([
      'event/b@example.org',
    ]);
  });

  it("rejects a page that takes a tag's page, and keeps the tag's", () => {
    const result = build([page('tags/x/index.md'), page('event/b/index.md', 'tags: [x]')], {
      config:
        'siteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\nsections: [event, tags]\n',
    });
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^its identity `tags\/x` gives the path `tags\/x\/index\.html`, which is the site's tag file too/,
      ),
    ]);
    expect(output(result, 'tags/x/index.html')).toContain('event/b/');
  });

  it('rejects a page whose path would be in a private folder', () => {
    const result = build([page('event/index.md', 'slug: _calpub'), page('event/a/index.md')]);
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      expect.stringMatching(/in calpub's private folder `_calpub\/`/),
    ]);
    expect([...result.outputs].some((o) => o.path.startsWith('_calpub'))).toBe(false);
  });
});
