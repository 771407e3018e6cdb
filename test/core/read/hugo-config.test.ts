import { readHugoConfig, withBaseUrl } from '../../../lambda/core/read/hugo-config';

describe('readHugoConfig: a Hugo configuration read as Hugo reads it', () => {
  it('reads a root hugo.toml: baseURL, title, language, zone, permalinks; Hugo makes the pages', () => {
    const site = readHugoConfig([
      {
        path: 'hugo.toml',
        text: 'baseURL = "https://lab.example.org/sub/"\ntitle = "Lab"\nlanguageCode = "en-gb"\ntimeZone = "Europe/Paris"\n[params]\ndescription = "Talks"\n[permalinks]\nevent = "/events/:year/:slug/"\n',
      },
    ]);
    expect(site.problems).toEqual([]);
    expect(site.settings).toEqual({
      outputs: ['calendars', 'feeds', 'schedule', 'widget'],
      siteUrl: 'https://lab.example.org/sub/',
      permalinkBase: 'https://lab.example.org/sub/',
      uidDomain: 'lab.example.org',
      title: 'Lab',
      description: 'Talks',
      language: 'en-gb',
      timeZone: 'Europe/Paris',
      permalinks: { event: '/events/:year/:slug/' },
      tagPermalink: '/tags/:slug/',
      buildFuture: false,
    });
    expect(site.contentDirs).toEqual([{ dir: 'content', language: null }]);
    expect(site.relativeBaseUrl).toBeNull();
  });

  it('merges config/_default/ (each file under its name) under the root file, keys in any case', () => {
    const site = readHugoConfig([
      { path: 'config.yaml', text: 'BaseURL: https://root.example.org/\n' },
      {
        path: 'config/_default/hugo.yaml',
        text: 'baseurl: https://split.example.org/\ntitle: Split\ndefaultContentLanguage: fr\nbuildFuture: true\n',
      },
      { path: 'config/_default/params.yaml', text: 'description: From params\ncalpub:\n  refreshInterval: PT2H\n' },
      {
        path: 'config/_default/languages.json',
        text: '{"fr": {"contentDir": "content/fr", "title": "Labo", "params": {"description": "Exposés"}}, "en": {"contentDir": "content/en"}}',
      },
    ]);
    expect(site.settings).toMatchObject({
      siteUrl: 'https://root.example.org/',
      title: 'Split',
      description: 'From params',
      language: 'fr',
      buildFuture: true,
      languages: { fr: { title: 'Labo', description: 'Exposés' } },
    });
    expect(site.paramsCalpub).toEqual({ refreshInterval: 'PT2H' });
    // Every language has its own folder: `content/` itself (an old copy beside them) is not read.
    expect(site.contentDirs).toEqual([
      { dir: 'content/fr', language: 'fr' },
      { dir: 'content/en', language: 'en' },
    ]);
  });

  it('reads the folder languages share, and each language that has its own', () => {
    const dirs = (languages: string) =>
      readHugoConfig([
        {
          path: 'hugo.yaml',
          text: `baseURL: https://x.example.org/\ndefaultContentLanguage: en\nlanguages:\n${languages}`,
        },
      ]).contentDirs;
    expect(dirs('  en: {languageCode: en-us}\n')).toEqual([{ dir: 'content', language: null }]);
    expect(dirs('  en: {weight: 1}\n  fr: {contentDir: content/fr}\n')).toEqual([
      { dir: 'content', language: null },
      { dir: 'content/fr', language: 'fr' },
    ]);
    expect(dirs('  fr: {contentDir: content/fr}\n')).toEqual([
      { dir: 'content', language: null },
      { dir: 'content/fr', language: 'fr' },
    ]);
  });

  it('merges tables key by key across files, the root file winning, and leaves out a language that is not a table', () => {
    const site = readHugoConfig([
      {
        path: 'config.toml',
        text: 'baseURL = "https://x.example.org/"\n[params]\nauthor = "A"\n[params.calpub]\nrefreshInterval = "PT3H"\n[languages.fr]\ntitle = "Labo"\n',
      },
      {
        path: 'config/_default/params.toml',
        text: 'description = "P"\n[calpub]\nrefreshInterval = "PT2H"\ncolor = "#123456"\n',
      },
      { path: 'config/_default/languages.yaml', text: 'it: Italiano\nes:\n' },
    ]);
    expect(site.problems).toEqual([]);
    expect(site.settings).toMatchObject({ description: 'P', languages: { fr: { title: 'Labo' } } });
    expect(site.paramsCalpub).toEqual({ refreshInterval: 'PT3H', color: '#123456' });
    expect(site.contentDirs).toEqual([{ dir: 'content', language: null }]);
    expect(site.mainFile).toBe('config.toml');
  });

  it('reports on the root file, else the split hugo or config file, else the first split one', () => {
    const main = (...paths: string[]) => readHugoConfig(paths.map((path) => ({ path, text: 'title: T\n' }))).mainFile;
    expect(main('config/_default/params.yaml', 'config/_default/hugo.yaml')).toBe('config/_default/hugo.yaml');
    expect(main('config/_default/build.yaml', 'config/_default/config.yaml')).toBe('config/_default/config.yaml');
    expect(main('config/_default/params.yaml', 'config/_default/menus.yaml')).toBe('config/_default/menus.yaml');
    expect(main()).toBe('hugo.toml');
  });

  it('reads a folder once when two languages name it, the default language’s first', () => {
    const dirs = (languages: string) =>
      readHugoConfig([
        {
          path: 'hugo.yaml',
          text: `baseURL: https://x.example.org/\ndefaultContentLanguage: en\nlanguages:\n${languages}`,
        },
      ]).contentDirs;
    expect(dirs('  fr: {contentDir: content/fr}\n  en: {contentDir: content/}\n')).toEqual([
      { dir: 'content', language: null },
      { dir: 'content/fr', language: 'fr' },
    ]);
    expect(dirs('  en: {}\n  fr: {contentDir: content/x}\n  de: {contentDir: content/x/}\n')).toEqual([
      { dir: 'content', language: null },
      { dir: 'content/x', language: 'fr' },
    ]);
  });

  it("reads Hugo's URL settings: removePathAccents, the tags' permalink, a renamed or disabled taxonomy", () => {
    const settings = (text: string) =>
      readHugoConfig([{ path: 'hugo.yaml', text: `baseURL: https://x.example.org/\n${text}` }]).settings;
    expect(
      settings('removePathAccents: true\npermalinks:\n  event: /talk/:slug/\n  tags: /tag/:slug/\n'),
    ).toMatchObject({ removePathAccents: true, tagPermalink: '/tag/:slug/' });
    expect(settings('permalinks:\n  page: {event: /e/:slug/}\n  term: {tags: /t/:slug/}\n')).toMatchObject({
      tagPermalink: '/t/:slug/',
    });
    expect(settings('taxonomies:\n  tag: tags\n  category: categories\n')).toMatchObject({
      tagPermalink: '/tags/:slug/',
    });
    expect(settings('taxonomies:\n  keyword: keywords\n')).toMatchObject({ tagPermalink: false });
    expect(settings('disableKinds: [taxonomy, term]\n')).toMatchObject({ tagPermalink: false });
  });

  it("puts Hugo's paths on a placeholder host when baseURL is relative, and says so to whoever composes the config", () => {
    const site = readHugoConfig([
      { path: 'config/_default/config.yaml', text: "baseURL: '/'\ntitle: T\n" },
      { path: 'config/_default/params.yaml', text: 'description: D\n' },
    ]);
    expect(site.relativeBaseUrl).toBe('/');
    expect(site.mainFile).toBe('config/_default/config.yaml');
    expect(site.settings).toMatchObject({
      siteUrl: 'https://baseurl.invalid/',
      permalinkBase: 'https://baseurl.invalid/',
    });
    expect(site.settings).not.toHaveProperty('uidDomain');
  });

  it('reports a file that does not parse, naming the file, and a missing baseURL', () => {
    const site = readHugoConfig([
      { path: 'hugo.toml', text: 'title = "Lab"\n' },
      { path: 'config/_default/params.toml', text: 'description = \n' },
    ]);
    expect(site.problems).toEqual([
      {
        file: 'config/_default/params.toml',
        severity: 'error',
        field: null,
        message: expect.stringMatching(/^Hugo's configuration does not parse: .*; calpub reads the site without it$/),
      },
    ]);
    expect(site.relativeBaseUrl).toBe('');
    expect(site.settings.title).toBe('Lab');
  });

  it('reports a file that is a list or a text, not a map of keys, and reads an empty file as nothing', () => {
    const site = readHugoConfig([
      { path: 'hugo.yaml', text: 'title: Lab\n' },
      { path: 'config/_default/menus.yaml', text: '- a\n- b\n' },
      { path: 'config/_default/params.yaml', text: '# nothing yet\n' },
    ]);
    expect(site.problems).toEqual([
      {
        file: 'config/_default/menus.yaml',
        severity: 'error',
        field: null,
        message: "Hugo's configuration does not parse: it is not a map of keys; calpub reads the site without it",
      },
    ]);
    expect(site.settings.title).toBe('Lab');
  });
});

describe('withBaseUrl: another base URL, as `hugo -b` gives it', () => {
  const settings = { title: 'T', uidDomain: 'old.example.org', siteUrl: 'https://old.example.org/' };
  it('moves the site, its links and its UID domain to an absolute URL, with the slash Hugo adds', () => {
    expect(withBaseUrl(settings, ' https://lab.example.org/site ')).toEqual({
      title: 'T',
      siteUrl: 'https://lab.example.org/site/',
      permalinkBase: 'https://lab.example.org/site/',
      uidDomain: 'lab.example.org',
    });
  });
  it('keeps a relative one on the placeholder host, without a UID domain', () => {
    expect(withBaseUrl(settings, '/blog/')).toEqual({
      title: 'T',
      siteUrl: 'https://baseurl.invalid/blog/',
      permalinkBase: 'https://baseurl.invalid/blog/',
    });
  });
});
