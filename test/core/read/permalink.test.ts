import { hugoTagUrl, makePath, permalinkOf, urlProblem } from '../../../lambda/core/read/permalink';

const hugo = {
  siteUrl: 'https://cal.example.org/',
  permalinkBase: 'https://lab.example.org/',
  permalinks: {} as Record<string, string>,
  removePathAccents: false,
};
const link = (path: string, data: Record<string, unknown> = {}, config = hugo, folder = '') =>
  permalinkOf({ path, data, folder, id: 'unused' }, config);

describe('permalinkOf', () => {
  it('is the identity under siteUrl when calpub makes the pages', () => {
    expect(
      permalinkOf({ path: 'event/x/index.md', data: {}, folder: '', id: 'event/x' }, { ...hugo, permalinkBase: null }),
    ).toBe('https://cal.example.org/event/x/');
  });

  it("follows Hugo's default: the path, a bundle's folder, slug replacing the last segment", () => {
    expect(link('event/my-talk/index.md')).toBe('https://lab.example.org/event/my-talk/');
    expect(link('event/My Talk.md')).toBe('https://lab.example.org/event/my-talk/');
    expect(link('event/2024/x/index.md', { slug: 'Better Name' })).toBe(
      'https://lab.example.org/event/2024/better-name/',
    );
  });

  it('honours the url front matter', () => {
    expect(link('event/x/index.md', { url: '/special/place/' })).toBe('https://lab.example.org/special/place/');
  });

  it("fills the section's permalink pattern", () => {
    const config = {
      ...hugo,
      permalinks: {
        event: '/events/:year/:month/:day/:slug/',
        talk: '/:section/:monthname/:filename/',
        events: ':sections/:title',
      },
    };
    expect(link('event/x/index.md', { title: 'Data Evening', date: '2024-05-17T18:00:00Z' }, config)).toBe(
      'https://lab.example.org/events/2024/05/17/data-evening/',
    );
    expect(link('talk/keynote.md', { title: 'K', date: '2023-10-01' }, config)).toBe(
      'https://lab.example.org/talk/october/keynote/',
    );
    expect(link('events/sub/x.md', { title: 'A title' }, config)).toBe('https://lab.example.org/events/sub/a-title');
  });

  it('fills every date and name token Hugo has, from the date as written, and leaves others as they are', () => {
    const config = {
      ...hugo,
      permalinks: {
        event:
          '/:year/:month/:day/:weekday/:weekdayname/:yearday/:contentbasename/:slugorfilename/:slugorcontentbasename/:unknown/',
        talk: '/:year/:monthname/:slugorfilename/',
      },
    };
    expect(link('event/My Talk/index.md', { date: '2024-03-01T23:30:00-05:00', title: 'T' }, config)).toBe(
      'https://lab.example.org/2024/03/01/5/friday/61/my-talk/my-talk/my-talk/:unknown/',
    );
    expect(link('event/My Talk/index.md', { date: '2024-12-31', title: 'T', slug: ' Other ' }, config)).toBe(
      'https://lab.example.org/2024/12/31/2/tuesday/366/my-talk/other/other/:unknown/',
    );
    // No date as text (none, or a number): no date tokens, and a blank slug is no slug.
    expect(link('talk/x.md', { title: 'T' }, config)).toBe('https://lab.example.org/x/');
    expect(link('event/x.md', { title: 'T' }, config)).toBe('https://lab.example.org/x/x/x/:unknown/');
    expect(link('talk/x.md', { date: 20240301, title: 'T', slug: '  ' }, config)).toBe('https://lab.example.org/x/');
  });

  it('puts a language other than the site’s under its folder, from a suffix or a content folder', () => {
    expect(link('event/x/index.fr.md', {}, hugo, 'fr')).toBe('https://lab.example.org/fr/event/x/');
    expect(link('fr/event/x/index.md', {}, hugo, 'fr')).toBe('https://lab.example.org/fr/event/x/');
  });

  it('is under permalinkBase when it has a path', () => {
    expect(link('event/x.md', {}, { ...hugo, permalinkBase: 'https://user.github.io/site/' })).toBe(
      'https://user.github.io/site/event/x/',
    );
  });

  it('keeps letters in any script, percent-encoded in the URL', () => {
    expect(link('event/Café crème.md')).toBe('https://lab.example.org/event/caf%C3%A9-cr%C3%A8me/');
  });
});

describe('makePath', () => {
  it.each([
    ['My Talk!', 'my-talk'],
    ['  spaced   out  ', 'spaced-out'],
    ['a - b', 'a-b'],
    ['C++ & Rust', 'c++-rust'],
    ['2024_notes.v2', '2024_notes.v2'],
    ['Réunion d’équipe', 'réunion-déquipe'],
    ['東京 会議', '東京-会議'],
  ])('%j → %j', (text, expected) => expect(makePath(text)).toBe(expected));
});

describe("Hugo's removePathAccents (Wowchemy's default)", () => {
  it('takes the accents off every segment of the path, as Hugo does', () => {
    const ssphub = { ...hugo, permalinks: { event: '/talk/:slug/' }, removePathAccents: true };
    expect(link('event/x/index.md', { title: 'Événement de clôture de la saison 1 du programme 10%' }, ssphub)).toBe(
      'https://lab.example.org/talk/evenement-de-cloture-de-la-saison-1-du-programme-10/',
    );
    expect(link('event/séminaire-été/index.md', {}, { ...hugo, removePathAccents: true })).toBe(
      'https://lab.example.org/event/seminaire-ete/',
    );
    expect(link('event/séminaire-été/index.md', {}, hugo)).toBe(
      'https://lab.example.org/event/s%C3%A9minaire-%C3%A9t%C3%A9/',
    );
  });

  it('keeps letters of other scripts', () => {
    expect(makePath('Новосибирск Meetup', true)).toBe('новосибирск-meetup');
    expect(makePath('Łódź', true)).toBe('łodz');
  });
});

describe('hugoTagUrl', () => {
  const site = {
    permalinkBase: 'https://lab.example.org/',
    tagPermalink: '/tags/:slug/' as string | null,
    removePathAccents: false,
  };
  it("is the taxonomy's pattern with the tag made a path, or null without tag pages", () => {
    expect(hugoTagUrl('Machine Learning', site)).toBe('https://lab.example.org/tags/machine-learning/');
    expect(hugoTagUrl('10%', { ...site, tagPermalink: '/tag/:slug/' })).toBe('https://lab.example.org/tag/10/');
    expect(hugoTagUrl('Séminaire', { ...site, removePathAccents: true })).toBe(
      'https://lab.example.org/tags/seminaire/',
    );
    expect(hugoTagUrl('Séminaire', site)).toBe('https://lab.example.org/tags/s%C3%A9minaire/');
    expect(hugoTagUrl('CI/CD', site)).toBe('https://lab.example.org/tags/ci/cd/');
    expect(hugoTagUrl('x', { ...site, tagPermalink: null })).toBeNull();
    expect(hugoTagUrl('x', { ...site, permalinkBase: null })).toBeNull();
  });
});

describe('urlProblem', () => {
  it('accepts a site path or an http(s) URL, and says why anything else is no link', () => {
    expect([urlProblem(undefined), urlProblem('  '), urlProblem('/talks/x/'), urlProblem('https://x.org/a')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(urlProblem('https://exa mple.org/')).toBe('`url` "https://exa mple.org/" is not a URL; it is ignored');
    expect(urlProblem(3)).toBe('`url` should be a path on the site, such as `/talks/my-talk/`; it is ignored');
    for (const bad of ['mailto:a@x.org', '//evil.example/', '\\\\evil\\x', '/a b/', '/a"b'])
      expect(urlProblem(bad)).toMatch(/is not a path on the site nor an http\(s\) URL/);
  });
});
