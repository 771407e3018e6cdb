/**
 * Where things are: the absolute URLs of the site's outputs, in one place for every output that
 * links to another (calendars, feeds, the schedule, the pages).
 */
import type { SiteConfig } from './model';
import { publishes } from './read/config';

/** URLs of the top-level outputs. */
export interface SiteUrls {
  readonly site: string;
  readonly calendar: string;
  readonly webcal: string;
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
  readonly schema: string;
}

/** URLs of the top-level outputs of a site. */
export function siteUrls(config: SiteConfig): SiteUrls {
  const at = (path: string) => `${config.siteUrl}${path}`;
  return {
    site: config.siteUrl,
    calendar: at('calendar.ics'),
    webcal: at('calendar.ics').replace(/^https?:/, 'webcal:'),
    rss: at('rss.xml'),
    atom: at('atom.xml'),
    json: at('feed.json'),
    schema: at('schedule.schema.json'),
  };
}

/** The URLs of a tag's page, calendar and feed. */
export function tagUrls(config: SiteConfig, slug: string): { page: string; calendar: string; rss: string } {
  const base = `${config.siteUrl}tags/${slug}/`;
  return { page: base, calendar: `${base}calendar.ics`, rss: `${base}rss.xml` };
}

/** The URL of an event's own calendar file. */
export function eventCalendarUrl(event: { readonly id: string }, config: SiteConfig): string {
  return `${config.siteUrl}${event.id}.ics`;
}

/** Where a site's home is: its own index page, or the `permalinkBase` site when calpub makes no pages. */
export function homeUrl(config: SiteConfig): string {
  return publishes(config, 'pages') ? config.siteUrl : (config.permalinkBase ?? config.siteUrl);
}
