import { applyConfig, DEFAULT_CONFIG, parseConfig, withSiteUrl } from '../../../lambda/core/read/config';

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

  const read = (text: string) => parseConfig(`uidDomain: example.org\n${text}\n`);

  it.each([
    ["title: ''", 'title', '`title` must be non-empty text'],
    ['title: 3', 'title', '`title` must be non-empty text'],
    ['description: 3', 'description', '`description` must be text'],
    ['siteUrl: ftp://x.org', 'siteUrl', '`siteUrl` must be an http(s) URL'],
    ['siteUrl: 3', 'siteUrl', '`siteUrl` must be an absolute http(s) URL'],
    ['siteUrl: x.org', 'siteUrl', '`siteUrl` "x.org" is not an absolute URL such as `https://events.example.org/`'],
    ['timeZone: 3', 'timeZone', '`timeZone` 3 is not an IANA time zone; write one such as `Europe/Paris`'],
    ['language: f', 'language', '`language` must be a language tag such as `en` or `fr-FR`'],
    ['language: fr_FR', 'language', '`language` must be a language tag such as `en` or `fr-FR`'],
    ['language: english', 'language', '`language` must be a language tag such as `en` or `fr-FR`'],
    ['language: x-', 'language', '`language` must be a language tag such as `en` or `fr-FR`'],
    [
      'tagPermalink: /tags/:slugs/',
      'tagPermalink',
      '`tagPermalink` must be a Hugo permalink pattern with `:slug` (such as `/tag/:slug/`), or `false` when the site has no tag pages',
    ],
    [
      'refreshInterval: PT30S',
      'refreshInterval',
      '`refreshInterval` must be an ISO 8601 duration of at least a minute, such as `PT1H` or `P1D`',
    ],
    [
      'refreshInterval: 3',
      'refreshInterval',
      '`refreshInterval` must be an ISO 8601 duration of at least a minute, such as `PT1H` or `P1D`',
    ],
    ["color: '#abcd'", 'color', '`color` must be a CSS hex colour such as `#1f6feb`'],
    ['color: abc', 'color', '`color` must be a CSS hex colour such as `#1f6feb`'],
    ['feedLimit: 2.5', 'feedLimit', '`feedLimit` must be a whole number above 0'],
    ['feedLimit: -1', 'feedLimit', '`feedLimit` must be a whole number above 0'],
    ["feedLimit: '5'", 'feedLimit', '`feedLimit` must be a whole number above 0'],
    ['sections: []', 'sections', '`sections` must be a list of content folder names, such as `[event, talk]`'],
    ['sections: [a/b]', 'sections', '`sections` must be a list of content folder names, such as `[event, talk]`'],
    ["sections: ['']", 'sections', '`sections` must be a list of content folder names, such as `[event, talk]`'],
    ['sections: [3]', 'sections', '`sections` must be a list of content folder names, such as `[event, talk]`'],
    ['sections: 3', 'sections', '`sections` must be a list of content folder names, such as `[event, talk]`'],
    [
      'languages: {fr: null}',
      'languages',
      '`languages` must map language codes to their `title` and `description`, such as `fr: {title: Séminaires}`',
    ],
    [
      "languages: {fr: {title: ' '}}",
      'languages',
      '`languages` must map language codes to their `title` and `description`, such as `fr: {title: Séminaires}`',
    ],
    [
      'languages: {fr: [x]}',
      'languages',
      '`languages` must map language codes to their `title` and `description`, such as `fr: {title: Séminaires}`',
    ],
    [
      'outputs: [calendars, 3]',
      'outputs',
      '`outputs` must be a list of `calendars`, `feeds`, `schedule`, `pages`, `widget`',
    ],
  ])('rejects %s in words that say what to write', (line, field, message) => {
    const { config, problems } = read(line);
    expect(problems).toEqual([{ file: 'calpub.yaml', severity: 'error', field, message }]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, uidDomain: 'example.org', explicit: ['uidDomain', field] });
  });

  it.each([
    ["description: ' x '", { description: 'x' }],
    ["siteUrl: ' https://x.org/a '", { siteUrl: 'https://x.org/a/' }],
    ["timeZone: ' Asia/Tokyo '", { timeZone: 'Asia/Tokyo' }],
    ['language: fr-FR', { language: 'fr-FR' }],
    ["language: ' de '", { language: 'de' }],
    ['refreshInterval: PT1M', { refreshInterval: 'PT1M' }],
    ["color: '#abc'", { color: '#abc' }],
    ['feedLimit: 1', { feedLimit: 1 }],
    ["sections: 'event, Talk/'", { sections: ['event', 'talk'] }],
    ['sections: [/Event/, event]', { sections: ['event'] }],
    ['languages: {fr: {}}', { languages: { fr: {} } }],
    ['outputs: [calendars, feeds, schedule, pages]', { outputs: ['calendars', 'feeds', 'schedule', 'pages'] }],
  ])('reads %s at its edge, trimmed', (line, values) => {
    const { config, problems } = read(line);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      uidDomain: 'example.org',
      ...values,
      explicit: ['uidDomain', line.split(':')[0]],
    });
  });

  it.each([
    ["' Example.ORG '", 'example.org'],
    ['a', 'a'],
    ['a-1.example', 'a-1.example'],
  ])('reads the uidDomain %s as %s', (text, domain) => {
    expect(parseConfig(`uidDomain: ${text}\n`)).toEqual({
      config: { ...DEFAULT_CONFIG, uidDomain: domain, explicit: ['uidDomain'] },
      problems: [],
    });
  });

  it.each(['-x.org', 'x.org-', 'a b', '3', '.x.org'])('rejects the uidDomain %s', (text) => {
    expect(parseConfig(`uidDomain: ${text}\n`).problems).toEqual([
      {
        file: 'calpub.yaml',
        severity: 'error',
        field: 'uidDomain',
        message: '`uidDomain` must be a domain name you control, such as `events.example.org`',
      },
    ]);
  });

  it('skips a key left empty (its default applies, and it is not counted as set)', () => {
    expect(read('title:\npermalinks:')).toEqual({
      config: { ...DEFAULT_CONFIG, uidDomain: 'example.org', explicit: ['uidDomain'] },
      problems: [],
    });
  });

  it('reads a file starting with a byte order mark, and an empty file as no keys', () => {
    expect(parseConfig('\uFEFFuidDomain: example.org\n').problems).toEqual([]);
    expect(parseConfig('')).toEqual({
      config: DEFAULT_CONFIG,
      problems: [
        {
          file: 'calpub.yaml',
          severity: 'warning',
          field: 'uidDomain',
          message:
            '`uidDomain` is not set, so UIDs end in `@calpub.local`; set it once (a domain you control) and never change it, or every subscriber sees the events twice',
        },
      ],
    });
  });

  it('says a file that is not YAML, or not a mapping, in words, and applies the defaults', () => {
    expect(parseConfig('title: [x')).toEqual({
      config: DEFAULT_CONFIG,
      problems: [
        {
          file: 'calpub.yaml',
          severity: 'error',
          field: null,
          message: expect.stringMatching(
            /^does not parse as YAML: unexpected end of the stream within a flow collection \(\d+:\d+\)$/,
          ),
        },
      ],
    });
    expect(parseConfig('- a\n- b').problems).toEqual([
      { file: 'calpub.yaml', severity: 'error', field: null, message: 'must be a list of `key: value` lines' },
    ]);
  });
});

describe('applyConfig', () => {
  const good = 'uidDomain: example.org\ntitle: Good\n';
  const bad = 'uidDomain: example.org\ntimeZone: Paris\n';
  const badProblem = {
    file: 'calpub.yaml',
    severity: 'error',
    field: 'timeZone',
    message: expect.stringContaining('"Paris" is not an IANA time zone'),
  };
  const stop = {
    file: 'calpub.yaml',
    severity: 'error',
    field: null,
    message:
      'has errors and no earlier build applied a configuration without errors: nothing is built until they are fixed',
  };

  it('applies a file without errors, warnings and all, whatever was applied before', () => {
    const noDomain = 'title: New\n';
    expect(applyConfig(noDomain, good)).toEqual({
      config: parseConfig(noDomain).config,
      text: noDomain,
      problems: parseConfig(noDomain).problems,
      rejected: false,
    });
    expect(applyConfig(null, good)).toEqual({
      config: DEFAULT_CONFIG,
      text: null,
      problems: parseConfig(null).problems,
      rejected: false,
    });
  });

  it('keeps the last good file when the new one has an error, and says so', () => {
    expect(applyConfig(bad, good)).toEqual({
      config: parseConfig(good).config,
      text: good,
      problems: [
        badProblem,
        {
          file: 'calpub.yaml',
          severity: 'warning',
          field: null,
          message:
            'has errors, so it is not applied: the site is built with the last configuration without errors until they are fixed',
        },
      ],
      rejected: true,
    });
  });

  it('keeps the defaults when they were the last good ones (no file then)', () => {
    expect(applyConfig(bad, null)).toMatchObject({ config: DEFAULT_CONFIG, text: null, rejected: true });
  });

  it('stops the build when nothing good was applied before, or the remembered text has errors too', () => {
    for (const lastGood of [undefined, 'uidDomain: example.org\ncolor: red\n']) {
      expect(applyConfig(bad, lastGood)).toEqual({
        config: null,
        text: null,
        problems: [badProblem, stop],
        rejected: true,
      });
    }
  });
});
