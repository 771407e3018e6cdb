import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { FIXTURE, filesUnder } from '../fixture-site';
import { build, output } from '../helpers';

const config = readFileSync(path.join(FIXTURE, 'calpub.yaml'), 'utf8');
const pages = filesUnder(FIXTURE).filter((f) => f.path !== 'calpub.yaml');
const withOutputs = (outputs: string, base = 'permalinkBase: https://www.example.org/\n') =>
  build(pages, { config: `${config}${base}outputs: [${outputs}]\n` });
const paths = (result: ReturnType<typeof build>) => [...result.outputs].map((o) => o.path);
// Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
// that reads it against a mutant in the build (bench/mutation.md).
let full: ReturnType<typeof build>;
beforeEach(() => {
  full = build(pages, { config });
});

describe('`outputs` in calpub.yaml', () => {
  it('publishes every group by default', () => {
    expect(paths(full)).toEqual(
      expect.arrayContaining([
        'calendar.ics',
        'rss.xml',
        'atom.xml',
        'feed.json',
        'schedule.json',
        'schedule.schema.json',
        'index.html',
        '404.html',
      ]),
    );
  });

  it('with calendars only, writes the site calendar, one per event and one per tag, and nothing else', () => {
    const result = withOutputs('calendars');
    expect(result.problems).toEqual([]);
    const written = paths(result);
    expect(written.every((p) => p.endsWith('.ics'))).toBe(true);
    expect(written).toEqual(paths(full).filter((p) => p.endsWith('.ics')));
    // The calendar's home is the site that shows the events; each event is the same as in a full site.
    expect(output(result, 'calendar.ics')).toContain('\r\nURL;VALUE=URI:https://www.example.org/\r\n');
    const vevents = (r: typeof result) => output(r, 'calendar.ics').split('BEGIN:VEVENT').slice(1);
    const fullWithBase = build(pages, { config: `${config}permalinkBase: https://www.example.org/\n` });
    expect(vevents(result)).toEqual(vevents(fullWithBase));
  });

  it.each(['calendars', 'calendars, schedule', 'calendars, feeds', 'calendars, feeds, schedule, pages'])(
    'with %s, lists the paths it writes without making a file',
    (outputs) => {
      const result = withOutputs(outputs);
      expect(result.paths()).toEqual(paths(result));
    },
  );

  it('without feeds or pages, the schedule says so with nulls its schema allows', () => {
    const result = withOutputs('calendars, schedule');
    expect(paths(result).filter((p) => !p.endsWith('.ics'))).toEqual(['schedule.json', 'schedule.schema.json']);
    const schedule = JSON.parse(output(result, 'schedule.json'));
    expect(schedule.urls).toEqual({
      site: null,
      calendar: 'https://events.example.org/calendar.ics',
      webcal: 'webcal://events.example.org/calendar.ics',
      rss: null,
      atom: null,
      jsonFeed: null,
    });
    // The tag's page is the linked site's, where Hugo puts it.
    expect(schedule.tags[0]).toMatchObject({
      page: expect.stringMatching(/^https:\/\/www\.example\.org\/tags\/[^/]+\/$/),
      rss: null,
      calendar: expect.stringMatching(/^https:\/\/events\.example\.org\/tags\/.+\/calendar\.ics$/),
    });
    expect(schedule.events.every((e: { url: string }) => e.url.startsWith('https://www.example.org/'))).toBe(true);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(output(result, 'schedule.schema.json')));
    expect(validate(schedule) ? [] : validate.errors).toEqual([]);
  });

  it('with feeds but no pages, the feeds link home to the permalinkBase site', () => {
    const result = withOutputs('calendars, feeds, schedule');
    expect(paths(result).some((p) => p.endsWith('.html'))).toBe(false);
    expect(paths(result)).toEqual(expect.arrayContaining(['rss.xml', 'atom.xml', 'feed.json', 'tags/etalab/rss.xml']));
    const channel = new XMLParser().parse(output(result, 'rss.xml')).rss.channel;
    expect(channel.link).toBe('https://www.example.org/');
    expect(JSON.parse(output(result, 'feed.json')).home_page_url).toBe('https://www.example.org/');
    // A tag's feed links to the tag's page on the Hugo site (tags/<Hugo's MakePath of the tag>/).
    expect(new XMLParser().parse(output(result, 'tags/etalab/rss.xml')).rss.channel.link).toBe(
      'https://www.example.org/tags/etalab/',
    );
    expect(
      JSON.parse(output(result, 'schedule.json')).tags.map((t: { name: string; page: string }) => [t.name, t.page]),
    ).toEqual(
      expect.arrayContaining([
        ['Data, science', 'https://www.example.org/tags/data-science/'],
        ['10%', 'https://www.example.org/tags/10/'],
      ]),
    );
  });

  it('warns once, on the config, when nothing shows the events', () => {
    const result = withOutputs('calendars', '');
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'calpub.yaml', severity: 'warning', field: 'outputs' }),
    ]);
  });
});
