import { readHugoConfig } from '../../../lambda/core/read/hugo-config';

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
      buildFuture: false,
    });
    expect(site.contentDirs).toEqual([{ dir: 'content', language: null }]);
  });

  it('merges config/_default/ (each file under its name) under the root file, keys in any case', () => {
    const site = readHugoConfig([
      { path: 'config.yaml', text: 'BaseURL: https://root.example.org/\n' },
      { path: 'config/_default/hugo.yaml', text: 'baseurl: https://split.example.org/\ntitle: Split\ndefaultContentLanguage: fr\nbuildFuture: true\n' },
      { path: 'config/_default/params.yaml', text: 'description: From params\ncalpub:\n  refreshInterval: PT2H\n' },
      { path: 'config/_default/languages.json', text: '{"fr": {"contentDir": "content/fr", "title": "Labo", "params": {"description": "Exposés"}}, "en": {"contentDir": "content/en"}}' },
    ]);
    expect(site.settings).toMatchObject({ siteUrl: 'https://root.example.org/', title: 'Split', description: 'From params', language: 'fr', buildFuture: true, languages: { fr: { title: 'Labo', description: 'Exposés' } } });
    expect(site.paramsCalpub).toEqual({ refreshInterval: 'PT2H' });
    expect(site.contentDirs).toEqual([
      { dir: 'content', language: null },
      { dir: 'content/fr', language: 'fr' },
      { dir: 'content/en', language: 'en' },
    ]);
  });

  it('reports a file that does not parse and a missing baseURL, naming the file and what to do', () => {
    const site = readHugoConfig([
      { path: 'hugo.toml', text: 'title = "Lab"\n' },
      { path: 'config/_default/params.toml', text: 'description = \n' },
    ]);
    expect(site.problems).toEqual([
      { file: 'config/_default/params.toml', severity: 'error', field: null, message: expect.stringMatching(/^Hugo's configuration does not parse: .*; calpub reads the site without it$/) },
      { file: 'hugo.toml', severity: 'warning', field: 'baseURL', message: expect.stringMatching(/`baseURL` is not set, so calpub cannot link to the site's pages.*set `baseURL`/) },
    ]);
    expect(site.settings.title).toBe('Lab');
  });
});
