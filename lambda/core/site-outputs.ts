/**
 * Assembles every output file from the rendered pieces of the published events: the calendars (all,
 * one per event, one per tag), the feeds (all, one RSS per tag), the schedule and its schema.
 */
import type { OutputFile, Problem, SiteConfig } from './model';
import { feedOrder, renderAtom, renderJsonFeed, renderRss, rfc3339, type FeedChannel, type FeedItem, type RenderedItem } from './formats/feeds';
import { configKeyOf, feedItem, itemKey, renderItem, type ItemFormat, type Rendered } from './event-items';
import { assembleCalendar, type CalendarHeader } from './formats/ics';
import { renderSchedule, siteUrls, tagUrls, type SiteUrls } from './formats/schedule';
import { scheduleSchema } from './formats/schedule-schema';
import { groupTags, type TagGroup } from './tags';
import { renderEventPage, renderIndex, renderNotFound, renderTagPage, splitByTime, type Subscription } from './formats/html/pages';
import { FAVICON, SCRIPT, STYLESHEET } from './formats/html/assets';
import type { EventHeader } from './page';
import { Duration } from 'luxon';
import { createHash } from 'node:crypto';
import { buildMemo, processMemo, type Memo } from './render-memo';
import { homeUrl, publishes } from './read/config';
import { joinParts, SharedText, type Part } from './parts';

export type { Rendered } from './event-items';

/** Content types of the outputs (DESIGN.md § Outputs). */
export const CONTENT_TYPES = {
  ics: 'text/calendar; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  jsonFeed: 'application/feed+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  schema: 'application/schema+json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
} as const;

type Lazy = (path: string, contentType: string, key: string, render: () => string | Part[]) => OutputFile;

/** What every group of outputs is assembled with, made once per build. */
interface Assembly {
  readonly configKey: string;
  readonly allKey: string;
  readonly keyOf: (r: Rendered) => string;
  readonly lazy: Lazy;
  readonly urls: SiteUrls;
  readonly byId: ReadonlyMap<string, Rendered>;
  /**
   * An event's item in one format: from the memo, else as a page thread rendered it ahead, else
   * rendered now. Always a `SharedText`, so a file's digest is the same whichever thread made its items.
   */
  readonly itemOf: (format: ItemFormat, r: Rendered, reusedInBuild: boolean, item?: FeedItem) => SharedText;
}

/** The pages and their assets. */
function* htmlOutputs(
  rendered: readonly Rendered[],
  groups: readonly TagGroup[],
  config: SiteConfig,
  now: number,
  k: Assembly,
): Generator<OutputFile> {
  const urls = k.urls;
  const site: Subscription = { title: config.title, calendar: urls.calendar, rss: urls.rss, atom: urls.atom, json: urls.json };
  yield k.lazy('assets/calpub.css', CONTENT_TYPES.css, hashOf([STYLESHEET]), () => STYLESHEET);
  yield k.lazy('assets/calpub.js', CONTENT_TYPES.js, hashOf([SCRIPT]), () => SCRIPT);
  yield k.lazy('assets/favicon.svg', 'image/svg+xml', hashOf([FAVICON]), () => FAVICON);
  const events = rendered.map((r) => r.event);
  const upcomingKey = (list: readonly EventHeader[]) => splitByTime(list, now).upcoming.map((e) => e.id).join(',');
  yield k.lazy('index.html', CONTENT_TYPES.html, hashOf([k.allKey, upcomingKey(events)]), () => renderIndex(config, events, groups, now, site));
  for (const r of rendered) {
    yield k.lazy(`${r.event.id}/index.html`, CONTENT_TYPES.html, hashOf([k.configKey, k.keyOf(r)]), () => renderEventPage(config, r, site));
  }
  const byId = k.byId;
  for (const tag of groups) {
    const tagged = tag.ids.map((id) => (byId.get(id) as Rendered).event);
    const t = tagUrls(config, tag.slug);
    const sub: Subscription = { title: `${config.title}: ${tag.name}`, calendar: t.calendar, rss: t.rss };
    const key = hashOf([k.configKey, tag.name, ...tag.ids.map((id) => k.keyOf(byId.get(id) as Rendered)), upcomingKey(tagged)]);
    yield k.lazy(`tags/${tag.slug}/index.html`, CONTENT_TYPES.html, key, () => renderTagPage(config, tag, tagged, now, sub, site));
  }
}

/** Calendar order: by start, then identity. */
export function byStart(a: Rendered, b: Rendered): number {
  return a.pieces.ics.sortKey - b.pieces.ics.sortKey || (a.event.id < b.event.id ? -1 : 1);
}

/**
 * Every output file, produced lazily (each file can be written and dropped before the next is made,
 * so memory stays bounded on large sites; iterating again renders again), plus the problems found
 * while grouping tags.
 */
export function renderSiteOutputs(rendered: readonly Rendered[], config: SiteConfig, now: number, keepRenderedItems: boolean): { outputs: Iterable<OutputFile>; problems: Problem[] } {
  const { groups, problems } = groupTags(rendered.map((r) => r.event));
  return { outputs: { [Symbol.iterator]: () => siteOutputs(rendered, groups, config, now, keepRenderedItems ? processMemo : buildMemo()) }, problems };
}

function* siteOutputs(rendered: readonly Rendered[], groups: readonly TagGroup[], config: SiteConfig, now: number, memo: Memo): Generator<OutputFile> {
  const k = assemblyOf(rendered, groups, config, memo);
  yield* calendarOutputs(rendered, groups, config, k);
  if (publishes(config, 'feeds')) yield* feedOutputs(rendered, groups, config, k);
  if (publishes(config, 'schedule')) {
    const entry = (r: Rendered) => ({ json: k.itemOf('schedule', r, false), updated: rfc3339(r.memory.changedAt) });
    yield k.lazy('schedule.json', CONTENT_TYPES.json, k.allKey, () => renderSchedule(config, rendered.map(entry), groups));
  }
  if (publishes(config, 'pages')) {
    yield k.lazy('404.html', CONTENT_TYPES.html, k.configKey, () => renderNotFound(config, k.urls.calendar));
    yield* htmlOutputs(rendered, groups, config, now, k);
  }
  memo.sweep();
  if (publishes(config, 'schedule')) {
    yield k.lazy('schedule.schema.json', CONTENT_TYPES.schema, k.configKey, () => `${JSON.stringify(scheduleSchema(k.urls.schema), null, 1)}\n`);
  }
}

/** The keys, URLs and helpers every group of outputs is assembled with. */
function assemblyOf(rendered: readonly Rendered[], groups: readonly TagGroup[], config: SiteConfig, memo: Memo): Assembly {
  const configKey = configKeyOf(config);
  const keys = new Map(rendered.map((r) => [r, itemKey(configKey, r)])); // asked for by every file that shows the event
  const keyOf = (r: Rendered) => keys.get(r) as string;
  const lazy: Lazy = (path, contentType, key, render) => ({
    path,
    contentType,
    key,
    get body() {
      const made = render();
      return typeof made === 'string' ? made : joinParts(made);
    },
    get parts() {
      const made = render();
      return typeof made === 'string' ? [made] : made;
    },
  });
  return {
    configKey,
    allKey: hashOf([configKey, ...rendered.map(keyOf), ...groups.map((g) => `${g.slug}=${g.name}`)]),
    keyOf,
    lazy,
    urls: siteUrls(config),
    byId: new Map(rendered.map((r) => [r.event.id, r])),
    itemOf: (format, r, reusedInBuild, item) =>
      memo.get(`${format}|${keyOf(r)}`, () => r.prepared?.get(format) ?? new SharedText(renderItem(format, r, config, item)), reusedInBuild),
  };
}

/** The calendars: the site's, one per event, one per tag. */
function* calendarOutputs(rendered: readonly Rendered[], groups: readonly TagGroup[], config: SiteConfig, k: Assembly): Generator<OutputFile> {
  const calendar = (header: CalendarHeader | Part, events: readonly Rendered[]) =>
    assembleCalendar(header, events.map((r) => ({ piece: r.pieces.ics, vevent: r.vevent })), config);
  yield k.lazy('calendar.ics', CONTENT_TYPES.ics, k.allKey, () => calendar({ name: config.title, description: config.description, source: k.urls.calendar }, rendered));
  for (const r of rendered) {
    yield k.lazy(`${r.event.id}.ics`, CONTENT_TYPES.ics, hashOf([k.keyOf(r)]), () => calendar(k.itemOf('ics-head', r, false), [r]));
  }
  for (const tag of groups) {
    const tagged = tag.ids.map((id) => k.byId.get(id) as Rendered);
    const header = { name: `${config.title}: ${tag.name}`, description: config.description, source: tagUrls(config, tag.slug).calendar };
    yield k.lazy(`tags/${tag.slug}/calendar.ics`, CONTENT_TYPES.ics, hashOf([k.configKey, tag.name, ...tagged.map(k.keyOf)]), () => calendar(header, tagged));
  }
}

/** The feeds: RSS, Atom and JSON Feed of every event, and an RSS feed per tag. */
function* feedOutputs(
  rendered: readonly Rendered[],
  groups: readonly TagGroup[],
  config: SiteConfig,
  k: Assembly,
): Generator<OutputFile> {
  const { configKey, allKey, keyOf, lazy, urls, byId, itemOf } = k;
  // One feed format at a time, each item rendered once for every feed that carries it: only one
  // format's texts are in memory together.
  const feedItems = new Map(rendered.map((r) => [r.event.id, feedItem(r, config)]));
  const byUid = new Map(rendered.map((r) => [r.event.uid, r]));
  const ordered = (ids: Iterable<string>, format: ItemFormat): RenderedItem[] => {
    const list = [...ids].map((id) => feedItems.get(id) as FeedItem).sort(feedOrder);
    const kept = config.feedLimit ? list.slice(0, config.feedLimit) : list;
    const shared = format === 'rss-short'; // in the feed of each of its tags
    return kept.map((item) => ({ item, text: itemOf(format, byUid.get(item.uid) as Rendered, shared, item) }));
  };
  const channel = (selfUrl: string, title = config.title): FeedChannel => ({
    title,
    description: config.description,
    homeUrl: homeUrl(config),
    selfUrl,
    language: config.language,
    idDomain: config.uidDomain,
    ttlMinutes: Math.round(Duration.fromISO(config.refreshInterval).as('minutes')),
  });
  yield lazy('rss.xml', CONTENT_TYPES.rss, allKey, () => renderRss(channel(urls.rss), ordered(feedItems.keys(), 'rss')));
  // Tag feeds carry the summary and the link, not every event's full text again once per tag.
  for (const tag of groups) {
    const tagUrl = tagUrls(config, tag.slug);
    const tagKey = hashOf([configKey, tag.name, ...tag.ids.map((id) => keyOf(byId.get(id) as Rendered))]);
    yield lazy(`tags/${tag.slug}/rss.xml`, CONTENT_TYPES.rss, tagKey, () => renderRss(channel(tagUrl.rss, `${config.title}: ${tag.name}`), ordered(tag.ids, 'rss-short')));
  }
  yield lazy('atom.xml', CONTENT_TYPES.atom, allKey, () => renderAtom(channel(urls.atom), ordered(feedItems.keys(), 'atom')));
  yield lazy('feed.json', CONTENT_TYPES.jsonFeed, allKey, () => renderJsonFeed(channel(urls.json), ordered(feedItems.keys(), 'json')));
}

function hashOf(parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

