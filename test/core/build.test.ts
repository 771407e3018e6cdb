import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite } from '../../lambda/core/build';
import type { SourceFile } from '../../lambda/core/model';
import { EMPTY_MEMORY, serializeMemory } from '../../lambda/core/memory';
import { readCalendar } from '../ical';
import { build, NOW, output, TEST_CONFIG_YAML, yamlPage, textOf, parseMemory } from '../helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'site');
const GOLDEN = path.join(__dirname, 'golden');

function fixtureFiles(dir = FIXTURE, rel = ''): SourceFile[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, child)).isDirectory()
      ? fixtureFiles(dir, child)
      : [{ path: child, text: readFileSync(path.join(dir, child), 'utf8') }];
  });
}
const buildFixture = (now = NOW) =>
  build(
    fixtureFiles().filter((f) => f.path !== 'calpub.yaml'),
    { config: readFileSync(path.join(FIXTURE, 'calpub.yaml'), 'utf8'), now },
  );

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function expectGolden(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('buildSite on the fixture site', () => {
  const result = buildFixture();

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
    expectGolden('calendar.ics', output(result, 'calendar.ics'));
    expectGolden('paris-evening.ics', output(result, 'event/paris-evening.ics'));
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
    pages: fixtureFiles().filter((f) => f.path !== 'calpub.yaml'),
    configText: readFileSync(path.join(FIXTURE, 'calpub.yaml'), 'utf8'),
  };
}

describe('SEQUENCE and LAST-MODIFIED across builds', () => {
  const a = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'\npublishDate: '2026-01-01T00:00:00Z'");
  const b = yamlPage('event/b/index.md', "title: B\ndate: '2027-01-11T10:00:00Z'\npublishDate: '2026-01-01T00:00:00Z'");

  it('raises SEQUENCE and moves DTSTAMP only for the edited event', () => {
    const first = build([a, b]);
    const edited = { ...a, text: a.text.replace('title: A', 'title: A (new room)') };
    const later = NOW + 3_600_000;
    const second = build([edited, b], { memory: first.memory, now: later });
    const events = Object.fromEntries(readCalendar(output(second, 'calendar.ics')).events.map((e) => [e.uid, e]));
    expect(events['event/a@example.org']).toMatchObject({
      sequence: 1,
      summary: 'A (new room)',
      dtstamp: new Date(later).toISOString(),
    });
    expect(events['event/b@example.org']).toMatchObject({ sequence: 0, dtstamp: '2026-01-01T00:00:00.000Z' });
    expect(output(second, 'event/b.ics')).toBe(output(first, 'event/b.ics'));
    // An unchanged rebuild keeps everything, including the raised sequence.
    const third = build([edited, b], { memory: second.memory, now: later + 3_600_000 });
    expect([...third.outputs]).toEqual([...second.outputs]);
  });

  it('does not raise SEQUENCE for edits that change nothing published (a comment, an unused key)', () => {
    const first = build([a]);
    const second = build([{ ...a, text: a.text.replace('---\n', '---\n# a comment\nfeatured: true\n') }], {
      memory: first.memory,
      now: NOW + 1000,
    });
    expect([...second.outputs]).toEqual([...first.outputs]);
  });

  it('counts a change to any published field, even one only the feeds and schedule show', () => {
    const page = yamlPage(
      'event/s/index.md',
      "title: S\ndate: '2027-01-10T10:00:00Z'\nsummary: Short one\nabstract: The long text",
    );
    const first = build([page]);
    const second = build([{ ...page, text: page.text.replace('Short one', 'Short two') }], {
      memory: first.memory,
      now: NOW + 5000,
    });
    const entry = (r: typeof first) => JSON.parse(output(r, 'schedule.json')).events[0];
    expect(entry(second)).toMatchObject({ summary: 'Short two', sequence: 1 });
    expect(entry(first)).toMatchObject({ summary: 'Short one', sequence: 0 });
  });

  it('does not raise SEQUENCE when the site changes which outputs it publishes', () => {
    const page = yamlPage(
      'event/s/index.md',
      "title: S\ndate: '2027-01-10T10:00:00Z'\nsummary: Short\nabstract: Long",
      'Body with a [link](/x).',
    );
    const config = 'uidDomain: example.org\npermalinkBase: https://www.example.org/\n';
    const all = build([page], { config });
    const calendarsOnly = build([page], {
      config: `${config}outputs: [calendars]\n`,
      memory: all.memory,
      now: NOW + 5000,
    });
    expect(calendarsOnly.memory.events).toEqual(all.memory.events);
    const back = build([{ ...page, text: page.text.replace('Body with', 'Body, edited, with') }], {
      config: `${config}outputs: [calendars]\n`,
      memory: all.memory,
      now: NOW + 5000,
    });
    expect(back.memory.events['event/s'].sequence).toBe(1);
  });

  it('keeps counting when an event leaves and comes back', () => {
    const first = build([a]);
    const gone = build([], { memory: first.memory });
    const back = build([{ ...a, text: a.text.replace('title: A', 'title: A2') }], {
      memory: gone.memory,
      now: NOW + 5000,
    });
    expect(readCalendar(output(back, 'calendar.ics')).events[0].sequence).toBe(1);
  });
});

describe('bad input never takes the calendar down', () => {
  it('publishes every good page and reports each broken one with its path and field', () => {
    const good = yamlPage('event/good/index.md', "title: Good\ndate: '2027-01-10T10:00:00Z'");
    const files = [
      good,
      { path: 'event/nofence/index.md', text: 'title: x\n' },
      yamlPage('event/tba/index.md', "title: T\ndate: 'TBA'"),
      yamlPage('event/yaml/index.md', 'title: [oops'),
      yamlPage('event/nodate/index.md', "title: B\ndate_end: '2026-01-10'"),
    ];
    const result = build(files);
    expect(result.published).toEqual(['event/good']);
    expect(result.problems.map((p) => [p.file, p.severity, p.field])).toEqual([
      ['event/nodate/index.md', 'error', 'date'],
      ['event/nofence/index.md', 'error', null],
      ['event/tba/index.md', 'error', 'date'],
      ['event/yaml/index.md', 'error', null],
    ]);
  });

  it('rejects both pages that claim one identity, naming the other', () => {
    const result = build([
      yamlPage('event/x/index.md', "title: One\ndate: '2027-01-10'"),
      yamlPage('event/x.md', "title: Two\ndate: '2027-01-11'"),
      yamlPage('event/y/index.md', "title: Three\nslug: x\ndate: '2027-01-12'"),
    ]);
    expect(result.published).toEqual([]);
    expect(result.problems).toHaveLength(3);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/same identity `event\/x`.*event\/x\.md/);
  });

  it('skips section pages and files under _ folders without complaint', () => {
    const result = build([yamlPage('event/_index.md', 'title: Events'), yamlPage('_drafts/a.md', 'title: x')]);
    expect(result).toMatchObject({ pages: 0, problems: [], published: [] });
  });
});

describe('selection', () => {
  it('leaves out drafts, future publishDate and past expiryDate, against the injected clock', () => {
    const result = build([
      yamlPage('event/draft/index.md', "title: D\ndate: '2027-01-10'\ndraft: true"),
      yamlPage('event/later/index.md', "title: L\ndate: '2027-01-10'\npublishDate: '2026-12-01T00:00:00Z'"),
      yamlPage('event/old/index.md', "title: O\ndate: '2020-01-10'\nexpiryDate: '2021-01-01T00:00:00Z'"),
      yamlPage('event/now/index.md', "title: N\ndate: '2027-01-10'\npublishDate: '2026-11-01T00:00:00Z'"),
    ]);
    expect(result.published).toEqual(['event/now']);
    expect(result.skipped).toEqual([
      { file: 'event/draft/index.md', reason: 'draft' },
      { file: 'event/later/index.md', reason: 'scheduled' },
      { file: 'event/old/index.md', reason: 'expired' },
    ]);
    const afterPublish = build(
      [yamlPage('event/later/index.md', "title: L\ndate: '2027-01-10'\npublishDate: '2026-12-01T00:00:00Z'")],
      { now: Date.parse('2026-12-02T00:00:00Z') },
    );
    expect(afterPublish.published).toEqual(['event/later']);
  });

  it('hides a legacy talk page whose page date is ahead, as Hugo does, even when the talk time is past', () => {
    const result = build([
      yamlPage('talk/tbc/index.md', "title: tbc\ndate: '3018-01-01'\ntime_start: '2019-05-02T14:00:00'"),
      yamlPage('talk/next/index.md', "title: Next\ndate: '2026-12-20'\ntime_start: '2026-12-20T14:00:00'"),
      yamlPage('talk/old/index.md', "title: Old\ndate: '2019-04-01'\ntime_start: '2019-05-02T14:00:00'"),
      yamlPage('event/ahead/index.md', "title: Ahead\ndate: '2027-03-01T18:00:00'"),
    ]);
    expect([...result.published].sort()).toEqual(['event/ahead', 'talk/old']);
    expect(result.skipped).toEqual([
      { file: 'talk/next/index.md', reason: 'scheduled' },
      { file: 'talk/tbc/index.md', reason: 'scheduled' },
    ]);
    expect(result.problems).toEqual([
      {
        file: 'talk/tbc/index.md',
        severity: 'warning',
        field: 'date',
        message: expect.stringMatching(/`date` is 3018-01-01, more than 5 years ahead: .*draft: true.*fix the year/),
      },
    ]);
  });

  it('warns about any start more than about 5 years ahead, and publishes it', () => {
    const result = build([
      yamlPage('event/far/index.md', "title: Far\ndate: '2032-01-10T10:00:00'"),
      yamlPage('event/near/index.md', "title: Near\ndate: '2031-11-01T10:00:00'"),
      yamlPage('event/day/index.md', "title: Day\ndate: '3018-01-01'"),
    ]);
    expect([...result.published].sort()).toEqual(['event/day', 'event/far', 'event/near']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'event/day/index.md',
        field: 'date',
        message: expect.stringMatching(/is 3018-01-01, more than 5 years ahead/),
      }),
      expect.objectContaining({
        file: 'event/far/index.md',
        field: 'date',
        message: expect.stringMatching(/is 2032-01-10, more than 5 years ahead/),
      }),
    ]);
  });
});

describe('a calpub.yaml with an error is never applied', () => {
  const page = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T18:00:00'");
  const good = 'uidDomain: example.org\ntimeZone: Europe/Paris\n';
  const bad = 'uidDomain: example.org\ntimeZone: Mars/Olympus_Mons\n';
  const startOf = (r: ReturnType<typeof build>) => readCalendar(output(r, 'calendar.ics')).events[0].start;

  it('keeps building with the last good configuration, reporting the errors', () => {
    const first = build([page], { config: good });
    expect(first.memory.lastGoodConfig).toBe(good);
    const second = build([page], { config: bad, memory: first.memory, now: NOW + 1000 });
    expect(second.stopped).toBe(false);
    expect(second.configRejected).toBe(true);
    expect(second.config.timeZone).toBe('Europe/Paris');
    expect(startOf(second)).toBe(startOf(first)); // 18:00 in Paris, not 18:00 UTC
    expect(output(second, 'calendar.ics')).toBe(output(first, 'calendar.ics'));
    expect(second.problems).toEqual([
      {
        file: 'calpub.yaml',
        severity: 'error',
        field: 'timeZone',
        message: expect.stringMatching(/"Mars\/Olympus_Mons" is not an IANA time zone/),
      },
      {
        file: 'calpub.yaml',
        severity: 'warning',
        field: null,
        message: expect.stringMatching(/not applied: the site is built with the last configuration without errors/),
      },
    ]);
    expect(second.memory.lastGoodConfig).toBe(good);
  });

  it('applies the fixed configuration as soon as the errors are gone', () => {
    const first = build([page], { config: good });
    const fixed = 'uidDomain: example.org\ntimeZone: America/New_York\n';
    const third = build([page], { config: fixed, memory: build([page], { config: bad, memory: first.memory }).memory });
    expect(third.config.timeZone).toBe('America/New_York');
    expect(third.memory.lastGoodConfig).toBe(fixed);
  });

  it('stops a first build: no output at all, the memory as it was, the errors saying why', () => {
    const result = build([page], { config: bad });
    expect(result.stopped).toBe(true);
    expect([...result.outputs]).toEqual([]);
    expect(result.memory).toEqual(EMPTY_MEMORY);
    expect(result.problems.map((p) => [p.severity, p.field])).toEqual([
      ['error', 'timeZone'],
      ['error', null],
    ]);
    expect(result.problems[1].message).toMatch(/nothing is built until they are fixed/);
  });

  it('treats YAML that does not parse like any other error', () => {
    const first = build([page], { config: good });
    const broken = build([page], { config: 'timeZone: [Europe/Paris\n', memory: first.memory });
    expect(broken.config.timeZone).toBe('Europe/Paris');
    expect(broken.problems[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/does not parse as YAML/),
    });
  });

  it('remembers "no file" (the defaults) as a good configuration', () => {
    const first = build([page], { config: null });
    expect(first.memory.lastGoodConfig).toBeNull();
    expect(build([page], { config: bad, memory: first.memory }).config.timeZone).toBe('UTC');
  });
});

describe('nothing already published is lost', () => {
  const good = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'\n");
  const broken = { ...good, text: good.text.replace("'2027-01-10T10:00:00Z'", "'TBA'") };

  it('keeps the last good version of a page that breaks, from the memory, with its errors and a note', () => {
    const first = build([good]);
    expect(first.memory.lastGood).toEqual({ 'event/a/index.md': good.text });
    const second = build([broken], { memory: parseMemory(serializeMemory(first.memory)), now: NOW + 1000 });
    expect(second.published).toEqual(['event/a']);
    expect(output(second, 'calendar.ics')).toBe(output(first, 'calendar.ics'));
    expect(second.problems.map((p) => [p.severity, p.field])).toEqual([
      ['error', 'date'],
      ['warning', null],
    ]);
    expect(second.problems[1].message).toMatch(/version published before stays/);
    // However long it stays broken: the memory keeps the good text.
    expect(second.memory.lastGood).toEqual(first.memory.lastGood);
    expect(build([broken], { memory: second.memory, now: NOW + 2000 }).published).toEqual(['event/a']);
  });

  it('renders the kept version with the current configuration, after a config edit', () => {
    const first = build([good]);
    const config = `${TEST_CONFIG_YAML.replace('example.org\n', 'other.example.org\n').replace('https://events.example.org/', 'https://new.example.org/')}`;
    const second = build([broken], { config, memory: first.memory, now: NOW + 1000 });
    const calendar = output(second, 'calendar.ics');
    expect(readCalendar(calendar).events.map((e) => [e.uid, e.url])).toEqual([
      ['event/a@other.example.org', 'https://new.example.org/event/a/'],
    ]);
    expect(calendar).toContain('SOURCE;VALUE=URI:https://new.example.org/calendar.ics');
    expect(calendar).not.toContain('events.example.org');
  });

  it('forgets the last good version once the page is fixed, or deleted', () => {
    const first = build([good]);
    const fixed = { ...good, text: good.text.replace('title: A', 'title: A, fixed') };
    expect(build([fixed], { memory: first.memory }).memory.lastGood).toEqual({ 'event/a/index.md': fixed.text });
    const gone = build([], { memory: first.memory });
    expect(gone.published).toEqual([]);
    expect(gone.memory.lastGood).toEqual({});
  });

  it('does not invent a version for a page that never made an event', () => {
    const result = build([broken]);
    expect(result.published).toEqual([]);
    expect(result.memory.lastGood).toEqual({});
  });
});

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
  const result = build(pages);
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

describe('a multilingual site', () => {
  const result = build([
    yamlPage('event/meetup/index.md', "title: Meetup\ndate: '2027-01-10T18:00:00'\ntags: [data]"),
    yamlPage('event/meetup/index.fr.md', "title: Rencontre\ndate: '2027-01-10T18:00:00'\ntags: [données]"),
    yamlPage('event/only-fr.fr.md', "title: Atelier\ndate: '2027-01-12T18:00:00'\nstatus: cancelled"),
  ]);
  const paths = [...result.outputs].map((o) => o.path);

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

describe('only events are events', () => {
  const files = [
    yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'"),
    yamlPage('talk/b.md', "title: B\ndate: '2027-01-11T10:00:00Z'"),
    yamlPage('fr/events/c/index.md', "title: C\ndate: '2027-01-12T10:00:00Z'"),
    yamlPage('post/hello/index.md', 'title: Hello\ndate: 2026-01-01'),
    yamlPage('publication/paper/index.md', "title: Paper\ndate: '2020-01-01'\npublication_types: ['2']"),
    yamlPage('home/about.md', 'widget: about\nheadless: true'),
    yamlPage('authors/admin/_index.md', 'title: Admin'),
    yamlPage('project/x/index.md', 'title: Project'),
  ];

  it('reads the event and talk sections only, and says nothing of the other pages', () => {
    const result = build(files);
    expect([...result.published].sort()).toEqual(['event/a', 'fr/events/c', 'talk/b']);
    expect(result.problems).toEqual([]);
    expect(result.pages).toBe(3);
  });

  it('reads the sections the config names', () => {
    const result = build(files, { config: `${TEST_CONFIG_YAML}sections: [post]\n` });
    expect(result.published).toEqual(['post/hello']);
  });
});
