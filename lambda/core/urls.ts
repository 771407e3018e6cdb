/**
 * Where things are: the absolute URLs of the site's outputs, in one place for every output that
 * links to another (calendars, feeds, the schedule, the pages).
 */
import type { SiteConfig } from './model';
import { publishes } from './read/config';
import { hugoTagUrl } from './read/permalink';

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

/**
 * The URLs of a tag's page, calendar and feed. The page is calpub's own; or, when another site shows
 * the events (`permalinkBase`, a Hugo site), that site's page of the tag, where Hugo puts it
 * (`hugoTagUrl`: the taxonomy's permalink, the tag as Hugo's MakePath makes it); or null when there is neither.
 */
export function tagUrls(
  config: SiteConfig,
  tag: { readonly slug: string; readonly name: string },
): { page: string | null; calendar: string; rss: string } {
  const base = `${config.siteUrl}tags/${tag.slug}/`;
  const page = publishes(config, 'pages') ? base : hugoTagUrl(tag.name, config);
  return { page, calendar: `${base}calendar.ics`, rss: `${base}rss.xml` };
}

/** The URL of an event's own calendar file. */
export function eventCalendarUrl(event: { readonly id: string }, config: SiteConfig): string {
  return `${config.siteUrl}${event.id}.ics`;
}

/** Where a site's home is: its own index page, or the `permalinkBase` site when calpub makes no pages. */
export function homeUrl(config: SiteConfig): string {
  return publishes(config, 'pages') ? config.siteUrl : (config.permalinkBase ?? config.siteUrl);
}
