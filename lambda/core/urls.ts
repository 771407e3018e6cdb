/**
 * Where things are: every absolute URL of an output, made by one function (`urlOf`) from the outputs
 * table's paths, for every output that links to another (calendars, feeds, the schedule, the pages).
 */
import type { SiteConfig } from './model';
import { type OUTPUTS, outputPath, type OutputName } from './outputs';
import type { SiteUrls } from './published';
import { publishes } from './read/config';
import { hugoTagUrl } from './read/permalink';

/** The outputs a calendar app subscribes to (the table's rows with `webcal`). */
export type CalendarName = { [N in OutputName]: (typeof OUTPUTS)[N] extends { webcal: true } ? N : never }[OutputName];

/**
 * The absolute URL of one output: the site's URL and the output's path in the table, `<event>` and
 * `<tag>` filled in; a page's URL is its folder (`tags/x/`, as servers and CloudFront serve
 * `tags/x/index.html`).
 */
export function urlOf(
  config: Pick<SiteConfig, 'siteUrl'>,
  name: OutputName,
  fill: { event?: string; tag?: string } = {},
): string {
  return `${config.siteUrl}${outputPath(name, fill).replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * A calendar's `webcal:` address: the same URL with the scheme calendar apps (Apple Calendar,
 * Thunderbird, Outlook) open as a subscription rather than a download.
 */
export function webcalOf(
  config: Pick<SiteConfig, 'siteUrl'>,
  name: CalendarName,
  fill: { event?: string; tag?: string } = {},
): string {
  return urlOf(config, name, fill).replace(/^https?:/, 'webcal:');
}

/** URLs of the top-level outputs of a site. */
export function siteUrls(config: SiteConfig): SiteUrls {
  return {
    site: config.siteUrl,
    calendar: urlOf(config, 'calendar'),
    webcal: webcalOf(config, 'calendar'),
    rss: urlOf(config, 'rss'),
    atom: urlOf(config, 'atom'),
    json: urlOf(config, 'jsonFeed'),
    schedule: urlOf(config, 'schedule'),
    schema: urlOf(config, 'scheduleSchema'),
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
): { page: string | null; calendar: string; webcal: string; rss: string } {
  const fill = { tag: tag.slug };
  return {
    page: publishes(config, 'pages') ? urlOf(config, 'tagPage', fill) : hugoTagUrl(tag.name, config),
    calendar: urlOf(config, 'tagCalendar', fill),
    webcal: webcalOf(config, 'tagCalendar', fill),
    rss: urlOf(config, 'tagRss', fill),
  };
}

/** The URL of an event's own calendar file. */
export function eventCalendarUrl(event: { readonly id: string }, config: SiteConfig): string {
  return urlOf(config, 'eventCalendar', { event: event.id });
}

/** Where a site's home is: its own index page, or the `permalinkBase` site when calpub makes no pages. */
export function homeUrl(config: SiteConfig): string {
  return publishes(config, 'pages') ? config.siteUrl : (config.permalinkBase ?? config.siteUrl);
}
