/** A huge page: published whole on its own page and .ics, shortened in the aggregates. */
import { readCalendar } from '../../ical';
import { build, NOW, output, yamlPage } from '../../helpers';

describe('a huge page', () => {
  const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20);
  const hugeBody = Array.from({ length: 450 }, (_, i) => `Paragraph ${i}. ${paragraph}`).join('\n\n'); // ~500 KB
  const pages = [
    yamlPage(
      'event/huge/index.md',
      "title: Huge\ndate: '2027-01-10T10:00:00Z'\ntags: [big]",
      `${hugeBody}\n\nTHE-LAST-WORDS`,
    ),
    yamlPage('event/small/index.md', "title: Small\ndate: '2027-01-11T10:00:00Z'\ntags: [big]", 'A normal body.'),
  ];
  // Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
  // that reads it against a mutant in the build (bench/mutation.md).
  let result: ReturnType<typeof build>;
  beforeEach(() => {
    result = build(pages);
  });
  const size = (p: string) => Buffer.byteLength(output(result, p));

  it('is published, with a warning that says its size and what to do', () => {
    expect([...result.published].sort()).toEqual(['event/huge', 'event/small']);
    expect(result.problems).toEqual([
      {
        file: 'event/huge/index.md',
        severity: 'warning',
        field: null,
        message: expect.stringMatching(
          /^the page's text is 5\d\d KB, more than 256 KB: .*shortened; move long documents/,
        ),
      },
    ]);
  });

  it('keeps its whole text on its own page and in its own .ics', () => {
    expect(output(result, 'event/huge/index.html')).toContain('THE-LAST-WORDS');
    expect(readCalendar(output(result, 'event/huge.ics')).events[0].description).toContain('THE-LAST-WORDS');
    expect(size('event/huge.ics')).toBeGreaterThan(500_000);
  });

  it('is shortened in the site calendar, the tag calendars and the feeds, pointing to its page', () => {
    for (const name of [
      'calendar.ics',
      'tags/big/calendar.ics',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'tags/big/rss.xml',
      'schedule.json',
      'index.html',
    ]) {
      expect([name, size(name) < 20_000]).toEqual([name, true]);
      expect(output(result, name)).not.toContain('THE-LAST-WORDS');
    }
    const huge = readCalendar(output(result, 'calendar.ics')).events.find((e) => e.summary === 'Huge');
    expect(huge?.description).toMatch(
      /…\n\n\(Shortened: the full description is on the event's page\.\)\n\nDetails: https:\/\/events\.example\.org\/event\/huge\/$/,
    );
    expect(
      JSON.parse(output(result, 'feed.json')).items.find((i: { title: string }) => i.title === 'Huge').content_html,
    ).toContain(
      '<a href="https://events.example.org/event/huge/">The full description is on the event&#39;s page.</a>',
    );
  });

  it('counts in the fingerprint whole: an edit past the cut still raises SEQUENCE', () => {
    const edited = build(
      [{ ...pages[0], text: pages[0].text.replace('THE-LAST-WORDS', 'OTHER-LAST-WORDS') }, pages[1]],
      { memory: result.memory, now: NOW + 1000 },
    );
    expect(edited.memory.events['event/huge'].sequence).toBe(1);
  });
});
