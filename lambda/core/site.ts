/**
 * The site's files: the outputs table (outputs.ts) with, for each kind of output, the files of that
 * kind this site has and the format that renders them. Files are made one at a time as they are
 * iterated, so a writer holds one file at once, however large the site.
 */
import type { OutputFile, Problem, SiteConfig } from './model';
import { OUTPUTS, outputPath, type OutputName } from './outputs';
import type { Publishing, PublishedEvent, Site, TagGroup } from './published';
import { publishes } from './read/config';
import { groupTags } from './tags';
import { siteUrls, urlOf } from './urls';
import { calendarOrder } from './published-events';
import { languageFolder } from './read/identity';
import { feedItem } from './formats/feed-item';
import { eventCalendar, siteCalendar, tagCalendar } from './formats/ics';
import { siteRss, tagRss } from './formats/rss';
import { atom } from './formats/atom';
import { jsonFeed } from './formats/json-feed';
import { schedule, scheduleSchemaText } from './formats/schedule';
import { eventPage, indexPage, notFoundPage, tagPage } from './formats/html/pages';
import { FAVICON, SCRIPT, STYLESHEET } from './formats/html/assets';
import { robotsTxt, sitemapXml } from './formats/sitemap';
import { EMBED_SCRIPT, EMBED_STYLESHEET, siteEmbed, tagEmbed } from './formats/html/embed';
import { publishedAt } from './memory';
import { labelsFor } from './i18n/labels';

/** One file to make: where it goes and how to render it. */
interface Made {
  readonly path: string;
  readonly render: () => Iterable<string>;
}

type Text = string | Iterable<string>;
const chunksOf = (text: Text): Iterable<string> => (typeof text === 'string' ? [text] : text);
const perEvent = (render: (site: Site, e: PublishedEvent) => Text, name: OutputName) => (site: Site) =>
  site.events.map(
    (e): Made => ({ path: outputPath(name, { event: e.event.id }), render: () => chunksOf(render(site, e)) }),
  );
const perTag = (render: (site: Site, tag: TagGroup) => Text, name: OutputName) => (site: Site) =>
  site.tags.map(
    (tag): Made => ({ path: outputPath(name, { tag: tag.slug }), render: () => chunksOf(render(site, tag)) }),
  );
const once = (render: (site: Site) => Text, name: OutputName) => (site: Site) => [
  { path: outputPath(name), render: () => chunksOf(render(site)) },
];
const fixed = (text: string, name: OutputName) => once(() => text, name);

/** For every kind of output: the files of that kind a site has. TypeScript checks that every kind has one. */
const FILES: { readonly [K in OutputName]: (site: Site) => Made[] } = {
  eventCalendar: perEvent(eventCalendar, 'eventCalendar'),
  tagCalendar: perTag(tagCalendar, 'tagCalendar'),
  calendar: once(siteCalendar, 'calendar'),
  tagRss: perTag(tagRss, 'tagRss'),
  rss: once(siteRss, 'rss'),
  atom: once(atom, 'atom'),
  jsonFeed: once(jsonFeed, 'jsonFeed'),
  schedule: once(schedule, 'schedule'),
  scheduleSchema: once(scheduleSchemaText, 'scheduleSchema'),
  eventPage: perEvent(eventPage, 'eventPage'),
  tagPage: perTag(tagPage, 'tagPage'),
  index: once(indexPage, 'index'),
  notFound: once(notFoundPage, 'notFound'),
  stylesheet: fixed(STYLESHEET, 'stylesheet'),
  script: fixed(SCRIPT, 'script'),
  favicon: fixed(FAVICON, 'favicon'),
  embed: once(siteEmbed, 'embed'),
  tagEmbed: perTag(tagEmbed, 'tagEmbed'),
  embedStylesheet: fixed(EMBED_STYLESHEET, 'embedStylesheet'),
  embedScript: fixed(EMBED_SCRIPT, 'embedScript'),
  // Only for pages of calpub's own (not with `permalinkBase`), robots.txt only at the root.
  sitemap: (site) => (site.config.permalinkBase ? [] : once(sitemapXml, 'sitemap')(site)),
  robots: (site) => (site.config.permalinkBase || !site.sitemaps?.length ? [] : once(robotsTxt, 'robots')(site)),
};

/**
 * Every file of the site, in the table's order, made as it is iterated (iterating again makes them
 * again), under `prefix` (a language's folder, `fr/`, or '').
 */
export function* siteFiles(site: Site, prefix: string): Generator<OutputFile> {
  for (const name of Object.keys(OUTPUTS) as OutputName[]) {
    const spec = OUTPUTS[name];
    if (!publishes(site.config, spec.group)) continue;
    for (const file of FILES[name](site))
      yield { path: `${prefix}${file.path}`, contentType: spec.contentType, chunks: file.render() };
  }
}

/** Output kinds made once per event: the paths its identity gives. */
const PER_EVENT: ReadonlySet<OutputName> = new Set(['eventCalendar', 'eventPage']);

/**
 * Every path the site's files take, with the event that owns it (null: the site's own files, a tag's,
 * the assets), without making any file: what checks that no page takes another output's path.
 */
export function* pathOwners(
  site: Site,
  prefix: string,
): Generator<{ path: string; event: string | null; kind: OutputName }> {
  for (const name of Object.keys(OUTPUTS) as OutputName[]) {
    if (!publishes(site.config, OUTPUTS[name].group)) continue;
    if (PER_EVENT.has(name)) {
      for (const e of site.events)
        yield { path: `${prefix}${outputPath(name, { event: e.event.id })}`, event: e.event.id, kind: name };
    } else for (const file of FILES[name](site)) yield { path: `${prefix}${file.path}`, event: null, kind: name };
  }
}

/** The paths `siteFiles` yields, without making any file (to check them before writing). */
export function* sitePaths(site: Site, prefix: string): Generator<string> {
  for (const name of Object.keys(OUTPUTS) as OutputName[]) {
    if (!publishes(site.config, OUTPUTS[name].group)) continue;
    for (const file of FILES[name](site)) yield `${prefix}${file.path}`;
  }
}

/** One language's site: its events, under its folder (`fr/`; '' for the site's language). */
export interface LanguageSite {
  readonly prefix: string;
  readonly site: Site;
}

/**
 * The sites of a build, one per language, as Hugo builds a multilingual site: the site's language at
 * the root, every other one under its own folder (`fr/calendar.ics`, `fr/rss.xml`...) with its own
 * calendars, feeds, schedule and pages, in its language. An event's identity for a language other than
 * the site's starts with that folder (`fr/event/x`), so its files land in it.
 */
export function languageSites(
  config: SiteConfig,
  publishing: readonly Publishing[],
  now: number,
): { sites: LanguageSite[]; problems: Problem[] } {
  const byLanguage = new Map<string, Publishing[]>([['', []]]);
  for (const p of publishing) {
    const folder = languageFolder(p.event.language, config.language);
    const list = byLanguage.get(folder);
    if (list) list.push(p);
    else byLanguage.set(folder, [p]);
  }
  const sites: LanguageSite[] = [];
  const problems: Problem[] = [];
  const groups = [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1));
  const sitemaps = groups.map(([folder]) => urlOf(languageConfig(config, folder), 'sitemap'));
  for (const [folder, list] of groups) {
    const prefix = folder ? `${folder}/` : '';
    const own = languageConfig(config, folder);
    const local = list.map((p) => ({
      ...p,
      event: { ...p.event, id: withoutFolder(p.event.id, folder) },
    }));
    const made = siteOf(own, local, now);
    sites.push({ prefix, site: folder ? made.site : { ...made.site, sitemaps } });
    problems.push(...made.problems);
  }
  return { sites, problems };
}

/**
 * A language's configuration: its title and description when it has its own, its URLs under its
 * folder (the site's language, folder '', at the root), as Hugo builds multilingual sites.
 */
function languageConfig(config: SiteConfig, folder: string): SiteConfig {
  const own = config.languages[folder || config.language.toLowerCase()] ?? {};
  // Without a title or description of its own, a site is named in its language, not in English.
  const labels = labelsFor(folder || config.language);
  const given = (key: 'title' | 'description', label: string) => (config.explicit.includes(key) ? config[key] : label);
  const texts = {
    title: own.title ?? given('title', labels.siteTitle),
    description: own.description ?? given('description', labels.siteDescription),
  };
  if (!folder) return { ...config, ...texts };
  const under = (url: string) => `${url}${folder}/`;
  return {
    ...config,
    ...texts,
    language: folder,
    siteUrl: under(config.siteUrl),
    permalinkBase: config.permalinkBase && under(config.permalinkBase),
  };
}

/**
 * An identity inside its language's folder: `fr/event/x` in `fr` is `event/x`. Every identity of a
 * language other than the site's starts with its folder: both come from the page's language.
 */
function withoutFolder(id: string, folder: string): string {
  return folder ? id.slice(folder.length + 1) : id;
}

/** The site of these events, and the problems found grouping their tags. */
function siteOf(
  config: SiteConfig,
  publishing: readonly Publishing[],
  now: number,
): { site: Site; problems: Problem[] } {
  const events = publishing
    .map(
      ({ event, pieces, memory }): PublishedEvent => ({
        event,
        pieces,
        memory,
        item: feedItem(event, pieces, memory, publishedAt(event), config),
      }),
    )
    .sort(calendarOrder);
  const { groups, problems } = groupTags(events.map((e) => e.event));
  const site: Site = {
    config,
    urls: siteUrls(config),
    events,
    byId: new Map(events.map((e) => [e.event.id, e])),
    tags: groups,
    now,
  };
  return { site, problems };
}
