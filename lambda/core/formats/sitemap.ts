/**
 * `sitemap.xml` (https://www.sitemaps.org/protocol.html) listing the pages calpub makes, each event
 * page with when the event last changed, and `robots.txt` pointing at every language's sitemap.
 * Neither is made when the events' pages are another site's (`permalinkBase`): its sitemap is its own.
 */
import type { Site } from '../published';
import { rfc3339 } from '../shared/stamps';
import { urlOf } from '../urls';
import { xmlEscape } from './xml';

/** `sitemap.xml` of one language's site. */
export function* sitemapXml(site: Site): Generator<string> {
  const { config } = site;
  const latest = site.events.reduce((max, e) => Math.max(max, e.memory.changedAt), 0); // 0: no event, no date
  const entry = (url: string, lastmod: number) =>
    `<url><loc>${xmlEscape(url)}</loc>${lastmod ? `<lastmod>${rfc3339(lastmod)}</lastmod>` : ''}</url>\n`;
  yield '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  yield entry(config.siteUrl, latest);
  for (const tag of site.tags) yield entry(urlOf(config, 'tagPage', { tag: tag.slug }), 0);
  for (const e of site.events) yield entry(e.event.url, e.memory.changedAt);
  yield '</urlset>\n';
}

/** `robots.txt` at the root: everything may be crawled; where the sitemaps are. */
export function robotsTxt(site: Site): string {
  return `User-agent: *\nAllow: /\n\n${(site.sitemaps ?? []).map((url) => `Sitemap: ${url}\n`).join('')}`;
}
