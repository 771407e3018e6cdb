/** sitemap.xml and robots.txt: what search engines read of a site calpub makes. */
import { build, output, TEST_CONFIG_YAML, yamlPage } from '../../helpers';

const page = (slug: string, lastmod: string, extra = '') =>
  yamlPage(`event/${slug}/index.md`, `title: ${slug}\ndate: '2027-01-10T10:00:00Z'\nlastmod: '${lastmod}'\n${extra}`);

describe('sitemap.xml', () => {
  it('lists the home (changed when its latest event did), the tag pages, then each event page with its change', () => {
    const result = build([
      page('a', '2026-11-01T00:00:00Z', 'tags: [R & D]'),
      page('b', '2026-10-01T00:00:00Z'),
      yamlPage('event/c/index.fr.md', "title: C\ndate: '2027-01-12T10:00:00Z'\nlastmod: '2026-11-20T00:00:00Z'"),
    ]);
    expect(output(result, 'sitemap.xml')).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>https://events.example.org/</loc><lastmod>2026-11-01T00:00:00Z</lastmod></url>\n' +
        '<url><loc>https://events.example.org/tags/r-d/</loc></url>\n' +
        '<url><loc>https://events.example.org/event/a/</loc><lastmod>2026-11-01T00:00:00Z</lastmod></url>\n' +
        '<url><loc>https://events.example.org/event/b/</loc><lastmod>2026-10-01T00:00:00Z</lastmod></url>\n' +
        '</urlset>\n',
    );
    expect(output(result, 'robots.txt')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://events.example.org/sitemap.xml\nSitemap: https://events.example.org/fr/sitemap.xml\n',
    );
    expect(result.paths().filter((p) => /robots|sitemap/.test(p))).toEqual([
      'sitemap.xml',
      'robots.txt',
      'fr/sitemap.xml',
    ]);
  });

  it('gives the home of a site without events no date, and escapes what it lists', () => {
    const config = TEST_CONFIG_YAML.replace('https://events.example.org/', 'https://example.org/a&b/');
    expect(output(build([], { config }), 'sitemap.xml')).toContain(
      '<url><loc>https://example.org/a&amp;b/</loc></url>\n',
    );
  });

  it('is not made when the event pages are another site’s', () => {
    const config = `${TEST_CONFIG_YAML}permalinkBase: https://lab.example.org/\n`;
    expect(
      build([page('a', '2026-11-01T00:00:00Z')], { config })
        .paths()
        .filter((p) => /robots|sitemap/.test(p)),
    ).toEqual([]);
  });
});
