import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildFixture, expectGolden } from '../../fixture-site';
import { build, output, TEST_CONFIG_YAML, yamlPage } from '../../helpers';
import { readCalendar } from '../../ical';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name, jpath) => ['item', 'entry', 'category'].includes(name) || jpath === 'feed.entry.link',
});
// Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
// that reads it against a mutant in the build (bench/mutation.md).
let result: ReturnType<typeof buildFixture>;
beforeEach(() => {
  result = buildFixture();
});

describe('feeds and schedule of the fixture site', () => {
  it.each(['rss.xml', 'atom.xml', 'feed.json', 'schedule.json', 'schedule.schema.json'])(
    '%s matches its golden file',
    (name) => {
      expectGolden(path.join(__dirname, '..'), name, output(result, name));
    },
  );

  it('writes well-formed RSS 2.0 with atom:link self, one item per event, newest publication first', () => {
    const text = output(result, 'rss.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const channel = xml.parse(text).rss.channel;
    expect(channel.title).toBe('Fixture events');
    expect(channel['atom:link']['@href']).toBe('https://events.example.org/rss.xml');
    const items = channel.item;
    expect(items).toHaveLength(5);
    const dates = items.map((i: { pubDate: string }) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const paris = items.find((i: { link: string }) => i.link === 'https://events.example.org/event/paris-evening/');
    expect(paris.guid['#text']).toBe('event/paris-evening@example.org');
    expect(paris.guid['@isPermaLink']).toBe('false');
    expect(paris.description).toMatch(
      /^lundi 5 décembre 2022, 14:00 – 18:00 \(Europe\/Paris\) · Lieu de la transformation publique/,
    );
    expect(paris['content:encoded']).toContain('<aside class="callout">');
    expect(paris['content:encoded']).toContain(
      '<ul class="agenda"><li>14:00–15:00 Pitchs des projets</li><li>16:00–18:00 Pot final</li></ul>',
    );
    expect(paris.category).toEqual(['10%', 'Etalab', 'Data, science']);
    const cancelled = items.find((i: { title: string }) => i.title.startsWith('Annulé : '));
    expect(cancelled.title).toBe('Annulé : Called-off webinar'); // the fixture site is French
  });

  it('writes Atom 1.0 with stable urn:uuid ids and an alternate link per entry', () => {
    const text = output(result, 'atom.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed.entry).toHaveLength(5);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(entry.link[0]['@rel']).toBe('alternate');
      expect(entry.link[0]['@href']).toMatch(/^https:\/\/events\.example\.org\//);
    }
  });

  it('writes JSON Feed 1.1 with string ids and absolute URLs', () => {
    const feed = JSON.parse(output(result, 'feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i: { id: unknown }) => typeof i.id)).toEqual(Array(5).fill('string'));
    expect(feed.items.every((i: { url: string }) => i.url.startsWith('https://'))).toBe(true);
  });

  it('keeps feed ids stable when an event changes', () => {
    const edited = buildFixture(Date.parse('2026-12-30T00:00:00Z'), [
      yamlPage('event/new/index.md', "title: New\ndate: '2027-01-01'"),
    ]);
    const ids = (r: typeof result) =>
      JSON.parse(output(r, 'feed.json'))
        .items.map((i: { id: string }) => i.id)
        .sort();
    expect(ids(edited)).toEqual([...ids(result), 'event/new@example.org'].sort());
  });

  it('validates schedule.json against schedule.schema.json (draft 2020-12, with formats)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(output(result, 'schedule.schema.json')));
    const schedule = JSON.parse(output(result, 'schedule.json'));
    expect(validate(schedule) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...schedule, events: [{ ...schedule.events[0], start: 'tomorrow' }] })).toBe(false);
  });

  it('lists events by start with RFC 3339 offsets, inclusive all-day ends, and the agenda', () => {
    const schedule = JSON.parse(output(result, 'schedule.json'));
    expect(schedule.events.map((e: { id: string }) => e.id)).toEqual(result.published);
    const byId = Object.fromEntries(schedule.events.map((e: { id: string }) => [e.id, e]));
    expect(byId['event/paris-evening']).toMatchObject({
      start: '2022-12-05T14:00:00+01:00',
      end: '2022-12-05T18:00:00+01:00',
      allDay: false,
      timeZone: 'Europe/Paris',
      status: 'confirmed',
      series: 'Programme 10%',
      ics: 'https://events.example.org/event/paris-evening.ics',
      sessions: [
        { start: '2022-12-05T14:00:00+01:00', end: '2022-12-05T15:00:00+01:00', title: 'Pitchs des projets' },
        { start: '2022-12-05T16:00:00+01:00', end: '2022-12-05T18:00:00+01:00', title: 'Pot final' },
      ],
      sequence: 0,
    });
    expect(byId['event/kolkata-offset']).toMatchObject({
      start: '2024-12-03T09:30:00+05:30',
      end: '2024-12-03T18:00:00+05:30',
    });
    expect(byId['event/three-days']).toMatchObject({ start: '2023-11-06', end: '2023-11-08', allDay: true });
    expect(byId['event/called-off']).toMatchObject({ status: 'cancelled' });
    expect(schedule.tags.map((t: { slug: string; count: number }) => [t.slug, t.count])).toEqual([
      ['10', 1],
      ['data-science', 1],
      ['etalab', 1],
      ['workshop', 1],
    ]);
  });

  it("writes a calendar and an RSS feed per tag, holding only that tag's events", () => {
    const cal = readCalendar(output(result, 'tags/workshop/calendar.ics'));
    expect(cal.events.map((e) => e.uid)).toEqual(['event/kolkata-offset@example.org']);
    expect(cal.props['X-WR-CALNAME']).toBe('Fixture events: Workshop');
    const rss = xml.parse(output(result, 'tags/workshop/rss.xml')).rss.channel;
    expect(rss.item.map((i: { link: string }) => i.link)).toEqual(['https://events.example.org/event/kolkata-offset/']);
  });
});

describe('tags whose URLs collide', () => {
  it('are one tag under the most frequent spelling, with one warning', () => {
    const pages = [
      yamlPage('event/a/index.md', "title: A\ndate: '2027-01-01'\ntags: [MadeByUs]"),
      yamlPage('event/b/index.md', "title: B\ndate: '2027-01-02'\ntags: [MadeByUs]"),
      yamlPage('event/c/index.md', "title: C\ndate: '2027-01-03'\ntags: [MadeByUS]"),
    ];
    const r = buildFixture(undefined, pages);
    const schedule = JSON.parse(output(r, 'schedule.json'));
    expect(schedule.tags.find((t: { slug: string }) => t.slug === 'madebyus')).toMatchObject({
      name: 'MadeByUs',
      count: 3,
    });
    const warnings = r.problems.filter((p) => p.field === 'tags');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'event/c/index.md', severity: 'warning' });
    expect(readCalendar(output(r, 'tags/madebyus/calendar.ics')).events).toHaveLength(3);
  });
});

describe('items rendered once per process', () => {
  it('are rendered again whenever anything they show changes', () => {
    const page = (title: string, publish: string) =>
      yamlPage('event/m/index.md', `title: ${title}\ndate: '2027-01-01'\npublishDate: '${publish}'`);
    const first = buildFixture(undefined, [page('One', '2026-01-01T00:00:00Z')]);
    expect(output(first, 'rss.xml')).toContain('<title>One</title>');
    const renamed = buildFixture(undefined, [page('Two', '2026-01-01T00:00:00Z')]);
    expect(output(renamed, 'rss.xml')).toContain('<title>Two</title>');
    expect(output(renamed, 'rss.xml')).not.toContain('<title>One</title>');
    const republished = buildFixture(undefined, [page('Two', '2026-02-01T00:00:00Z')]);
    expect(output(republished, 'rss.xml')).toContain('<pubDate>Sat, 31 Jan 2026 23:00:00 GMT</pubDate>'); // midnight Paris (wallClockZ)
    expect(
      JSON.parse(output(republished, 'schedule.json')).events.find((e: { id: string }) => e.id === 'event/m').published,
    ).toBe('2026-01-31T23:00:00Z');
  });
});

describe('feedLimit', () => {
  it('keeps the newest publications in every feed, ties by UID, and every event in the calendars', () => {
    const page = (slug: string, publish: string, day = 10) =>
      yamlPage(`event/${slug}/index.md`, `title: ${slug}\ndate: '2027-01-${day}T10:00:00Z'\npublishDate: '${publish}'`);
    // `a` starts after `b`: the feeds' tie is by UID, not by the calendar's order.
    const pages = [
      page('old', '2026-01-01'),
      page('b', '2026-06-01'),
      page('a', '2026-06-01', 11),
      page('new', '2026-09-01'),
    ];
    const result = build(pages, { config: `${TEST_CONFIG_YAML}feedLimit: 3\n` });
    const rssTitles = [...output(result, 'rss.xml').matchAll(/<item><title>([^<]*)</g)].map((m) => m[1]);
    expect(rssTitles).toEqual(['new', 'a', 'b']);
    expect(JSON.parse(output(result, 'feed.json')).items.map((i: { title: string }) => i.title)).toEqual([
      'new',
      'a',
      'b',
    ]);
    expect([...output(result, 'atom.xml').matchAll(/<entry>/g)]).toHaveLength(3);
    expect(readCalendar(output(result, 'calendar.ics')).events).toHaveLength(4);
    expect(JSON.parse(output(build(pages), 'feed.json')).items).toHaveLength(4);
  });
});

describe('a site without events', () => {
  it('publishes an empty schedule and empty feeds that still parse', () => {
    const result = build([]);
    const schedule = output(result, 'schedule.json');
    expect(schedule.endsWith('"tags":[],"events":[]}\n')).toBe(true);
    expect(JSON.parse(schedule)).toMatchObject({ updated: null, tags: [], events: [] });
    expect(JSON.parse(output(result, 'feed.json')).items).toEqual([]);
    expect(XMLValidator.validate(output(result, 'rss.xml'))).toBe(true);
    expect(XMLValidator.validate(output(result, 'atom.xml'))).toBe(true);
  });
});
