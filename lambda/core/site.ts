/**
 * The site's files: the outputs table (outputs.ts) with, for each kind of output, the files of that
 * kind this site has and the format that renders them. Files are made one at a time as they are
 * iterated, so a writer holds one file at once, however large the site.
 */
import type { OutputFile, Problem, SiteConfig } from './model';
import { OUTPUTS, outputPath, type OutputName } from './outputs';
import type { PublishedEvent, Site } from './published';
import { publishes } from './read/config';
import { groupTags, type TagGroup } from './tags';
import { siteUrls } from './urls';
import { feedItem } from './formats/feed-item';
import { eventCalendar, siteCalendar, tagCalendar } from './formats/ics';
import { siteRss, tagRss } from './formats/rss';
import { atom } from './formats/atom';
import { jsonFeed } from './formats/json-feed';
import { schedule, scheduleSchemaText } from './formats/schedule';
import { eventPage, indexPage, notFoundPage, tagPage } from './formats/html/pages';
import { FAVICON, SCRIPT, STYLESHEET } from './formats/html/assets';
import type { EventHeader, EventPieces } from './page';
import type { EventMemory } from './model';
import { publishedAt } from './memory';

/** One file to make: where it goes and how to render it. */
interface Made {
  readonly path: string;
  readonly render: () => Iterable<string>;
}

type Text = string | Iterable<string>;
const chunksOf = (text: Text): Iterable<string> => (typeof text === 'string' ? [text] : text);
const perEvent = (render: (site: Site, e: PublishedEvent) => Text, name: OutputName) => (site: Site) =>
  site.events.map((e): Made => ({ path: outputPath(name, { event: e.event.id }), render: () => chunksOf(render(site, e)) }));
const perTag = (render: (site: Site, tag: TagGroup) => Text, name: OutputName) => (site: Site) =>
  site.tags.map((tag): Made => ({ path: outputPath(name, { tag: tag.slug }), render: () => chunksOf(render(site, tag)) }));
const once = (render: (site: Site) => Text, name: OutputName) => (site: Site) => [{ path: outputPath(name), render: () => chunksOf(render(site)) }];
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
};

/** Every file of the site, in the table's order, made as it is iterated (iterating again makes them again). */
export function* siteFiles(site: Site): Generator<OutputFile> {
  for (const name of Object.keys(OUTPUTS) as OutputName[]) {
    const spec = OUTPUTS[name];
    if (!publishes(site.config, spec.group)) continue;
    for (const file of FILES[name](site)) yield { path: file.path, contentType: spec.contentType, chunks: file.render() };
  }
}

/** An event this build publishes, before the site around it exists. */
export interface Publishing {
  readonly event: EventHeader;
  readonly pieces: EventPieces;
  readonly memory: EventMemory;
}

/** The site of these events, and the problems found grouping their tags. */
export function siteOf(config: SiteConfig, publishing: readonly Publishing[], now: number): { site: Site; problems: Problem[] } {
  const events = publishing
    .map(({ event, pieces, memory }): PublishedEvent => ({ event, pieces, memory, item: feedItem(event, pieces, memory, publishedAt(event), config) }))
    .sort((a, b) => a.pieces.ics.sortKey - b.pieces.ics.sortKey || (a.event.id < b.event.id ? -1 : 1));
  const { groups, problems } = groupTags(events.map((e) => e.event));
  const site: Site = { config, urls: siteUrls(config), events, byId: new Map(events.map((e) => [e.event.id, e])), tags: groups, now };
  return { site, problems };
}
