import { DEFAULT_CONFIG, parseConfig, withSiteUrl } from '../../../lambda/core/read/config';

describe('parseConfig', () => {
  it('uses the documented defaults when there is no file', () => {
    expect(parseConfig(null)).toEqual({
      config: DEFAULT_CONFIG,
      problems: [
        {
          file: 'calpub.yaml',
          severity: 'warning',
          field: 'uidDomain',
          message: expect.stringMatching(/UIDs end in `@calpub\.local`, a placeholder.*run `calpub init`/),
        },
      ],
    });
    expect(DEFAULT_CONFIG).toMatchObject({
      timeZone: 'UTC',
      wallClockZ: true,
      refreshInterval: 'PT1H',
      language: 'en',
      explicit: [],
    });
  });

  it('reads every key', () => {
    const { config, problems } = parseConfig(
      'title: T\ndescription: D\nsiteUrl: https://ev.example.org\nuidDomain: Example.org\ntimeZone: Europe/Paris\nlanguage: fr\nwallClockZ: true\nrefreshInterval: pt2h\ncolor: "#ABCDEF"\npermalinkBase: https://site.example.org/events\nfeedLimit: 50\n' +
        'sections: [Event, seminars/]\npermalinks:\n  page:\n    event: /events/:year/:slug/\nbuildFuture: false\nlanguages:\n  FR:\n    title: Séminaires\n  de: {description: Vorträge}\n',
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      title: 'T',
      description: 'D',
      siteUrl: 'https://ev.example.org/',
      uidDomain: 'example.org',
      timeZone: 'Europe/Paris',
      language: 'fr',
      wallClockZ: true,
      refreshInterval: 'PT2H',
      color: '#abcdef',
      permalinkBase: 'https://site.example.org/events/',
      feedLimit: 50,
      outputs: ['calendars', 'feeds', 'schedule', 'pages', 'widget'],
      sections: ['event', 'seminars'],
      permalinks: { event: '/events/:year/:slug/' },
      buildFuture: false,
      languages: { fr: { title: 'Séminaires' }, de: { description: 'Vorträge' } },
      tagPermalink: '/tags/:slug/',
      removePathAccents: false,
      explicit: [
        'title',
        'description',
        'siteUrl',
        'uidDomain',
        'timeZone',
        'language',
        'wallClockZ',
        'refreshInterval',
        'color',
        'permalinkBase',
        'feedLimit',
        'sections',
        'permalinks',
        'buildFuture',
        'languages',
      ],
    });
  });

  it.each([
    'languages: [fr]',
    'languages: {fr: {title: 3}}',
    'languages: {fr: {name: Français}}',
    'buildFuture: yes please',
    'removePathAccents: 1',
    'tagPermalink: /tags/:name/',
    'tagPermalink: true',
    'permalinks: [event]',
    'permalinks: /events/:slug/',
    "permalinks: {event: ''}",
    'permalinks: {page: {event: 3}}',
  ])('rejects %s, naming the key', (line) => {
    const { problems } = parseConfig(`uidDomain: example.org\n${line}\n`);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', field: line.split(':')[0] })]);
  });

  it("reads Hugo's tag pattern or `false` (no tag pages), and page patterns under `page:` or not, taxonomies' left out", () => {
    const read = (line: string) => parseConfig(`uidDomain: example.org\n${line}\n`);
    expect(read('tagPermalink: false')).toEqual({
      config: expect.objectContaining({ tagPermalink: null }),
      problems: [],
    });
    expect(read("tagPermalink: ' /tag/:title/ '").config.tagPermalink).toBe('/tag/:title/');
    expect(read('removePathAccents: true').config.removePathAccents).toBe(true);
    expect(read('permalinks: {Event: " /e/:slug/ ", tags: /t/:slug/}').config.permalinks).toEqual({
      event: '/e/:slug/',
      tags: '/t/:slug/',
    });
    expect(
      read('permalinks: {page: {talk: /talks/:slug/}, section: {talk: /talks/}, term: {tags: /t/:slug/}}').config
        .permalinks,
    ).toEqual({ talk: '/talks/:slug/' });
    expect(read('permalinks: {event: /e/:slug/, section: x, term: y, taxonomy: z}').config.permalinks).toEqual({
      event: '/e/:slug/',
    });
  });

  it('names the key of every bad value, keeps its default, and reports all at once', () => {
    const { config, problems } = parseConfig(
      'uidDomain: example.org\ntimeZone: Paris\nwallClockZ: "yes"\nsiteUrl: events.example.org\nrefreshInterval: hourly\nfeedLimit: 0\ncolour: red\n',
    );
    expect(problems.map((p) => [p.file, p.severity, p.field])).toEqual([
      ['calpub.yaml', 'error', 'timeZone'],
      ['calpub.yaml', 'error', 'wallClockZ'],
      ['calpub.yaml', 'error', 'siteUrl'],
      ['calpub.yaml', 'error', 'refreshInterval'],
      ['calpub.yaml', 'error', 'feedLimit'],
      ['calpub.yaml', 'warning', 'colour'],
    ]);
    expect(problems[0].message).toMatch(/`timeZone` "Paris" is not an IANA time zone/);
    expect(config.timeZone).toBe('UTC');
  });

  it('reads `outputs` as a list or comma-separated text, in a fixed order', () => {
    const base = 'uidDomain: example.org\npermalinkBase: https://site.example.org/\n';
    expect(parseConfig(`${base}outputs: [schedule, calendars]\n`)).toEqual({
      config: expect.objectContaining({ outputs: ['calendars', 'schedule'] }),
      problems: [],
    });
    expect(parseConfig(`${base}outputs: calendars, feeds\n`).config.outputs).toEqual(['calendars', 'feeds']);
  });

  it.each([
    ['outputs: [calendars, rss]', /names `rss`, not a list of `calendars`, `feeds`, `schedule`, `pages`/],
    ['outputs: [feeds]', /must include `calendars`/],
    ['outputs: [calendars, pages]', /lists `pages` without `feeds` and `schedule`/],
    ['outputs: 3', /must be a list of/],
  ])('rejects %s, naming the key, and publishes everything', (line, message) => {
    const { config, problems } = parseConfig(`uidDomain: example.org\n${line}\n`);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', field: 'outputs', message: expect.stringMatching(message) }),
    ]);
    expect(config.outputs).toEqual(DEFAULT_CONFIG.outputs);
  });

  it('warns when no pages are made and no permalinkBase says where events are shown', () => {
    const { problems } = parseConfig('uidDomain: example.org\noutputs: [calendars]\n');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'outputs',
        message: expect.stringContaining('set `permalinkBase`'),
      }),
    ]);
  });

  it('warns when uidDomain is not set and derives it from siteUrl', () => {
    const { config, problems } = parseConfig('siteUrl: https://ev.example.org/\n');
    expect(config.uidDomain).toBe('ev.example.org');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'uidDomain' })]);
  });

  it('reports a file that is not YAML or not a mapping, and falls back to defaults', () => {
    expect(parseConfig('title: [x').problems[0]).toMatchObject({ severity: 'error', field: null });
    expect(parseConfig('- a\n- b').config).toEqual(DEFAULT_CONFIG);
  });

  it('overrides siteUrl without touching uidDomain', () => {
    const { config } = parseConfig('uidDomain: example.org\nsiteUrl: https://a.example.org/\n');
    expect(withSiteUrl(config, 'http://127.0.0.1:9000')).toMatchObject({
      siteUrl: 'http://127.0.0.1:9000/',
      uidDomain: 'example.org',
    });
  });
});
