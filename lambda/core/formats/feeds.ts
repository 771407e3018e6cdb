/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1, one module, three pure functions of (channel, items).
 *
 * Written here rather than with the `feed` package: that package builds whole documents from item
 * objects on every call (and emits JSON Feed 1.0), while calpub renders each event's HTML once,
 * caches it, and only assembles. XML escaping is `xmlEscape`; every output is read back by
 * fast-xml-parser and the real clients (feedparser, newsboat, xmllint) in the tests.
 */
import { createHash } from 'node:crypto';
import { cdata, element, xmlEscape } from './xml';
import { COMMA_NEWLINE, interleave, NEWLINE, type Part, type SharedText } from '../parts';

/** A feed entry, assembled from an event's header, its pieces and its memory. */
export interface FeedItem {
  readonly uid: string;
  readonly url: string;
  readonly title: string;
  /** Plain text: the date, the place, the summary. */
  readonly summary: string;
  readonly html: string;
  /** When the item was published (epoch ms). */
  readonly published: number;
  /** When the event last changed (epoch ms). */
  readonly updated: number;
  readonly tags: readonly string[];
}

/** What a feed says about itself. */
export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  readonly homeUrl: string;
  /** Absolute URL of this feed file. */
  readonly selfUrl: string;
  readonly language: string;
  /** Stable identity of the site (the uidDomain), for the Atom feed id. */
  readonly idDomain: string;
  readonly ttlMinutes: number;
}

/** A feed item with its text in one feed format, rendered once for every feed that carries it. */
export interface RenderedItem {
  readonly item: FeedItem;
  readonly text: Part;
}

/** An RSS `<item>`; `full` adds `content:encoded` (tag feeds leave it out). */
export function rssItem(item: FeedItem, full: boolean): string {
  return [
    '<item>',
    element('title', item.title),
    element('link', item.url),
    `<guid isPermaLink="false">${xmlEscape(item.uid)}</guid>`,
    element('pubDate', rfc822(item.published)),
    element('description', item.summary),
    full ? `<content:encoded>${cdata(item.html)}</content:encoded>` : '',
    ...item.tags.map((t) => element('category', t)),
    '</item>',
  ].join('');
}

/** An Atom `<entry>`. */
export function atomEntry(item: FeedItem): string {
  return [
    '<entry>',
    element('id', `urn:uuid:${uuidFromName(item.uid)}`),
    element('title', item.title),
    `<link rel="alternate" type="text/html" href="${xmlEscape(item.url)}"/>`,
    element('published', rfc3339(item.published)),
    element('updated', rfc3339(item.updated)),
    `<summary type="text">${xmlEscape(item.summary)}</summary>`,
    `<content type="html">${cdata(item.html)}</content>`,
    ...item.tags.map((t) => `<category term="${xmlEscape(t)}"/>`),
    '</entry>',
  ].join('');
}

/** A JSON Feed item, serialized. */
export function jsonItem(item: FeedItem): string {
  return JSON.stringify({
    id: item.uid,
    url: item.url,
    title: item.title,
    summary: item.summary,
    content_html: item.html,
    date_published: rfc3339(item.published),
    date_modified: rfc3339(item.updated),
    tags: item.tags,
  });
}

/** RSS 2.0 with `atom:link rel="self"`, from items rendered by `rssItem`. */
export function renderRss(channel: FeedChannel, items: readonly RenderedItem[]): Part[] {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.homeUrl),
    element('description', channel.description || channel.title),
    element('language', channel.language),
    element('generator', 'calpub'),
    element('ttl', String(channel.ttlMinutes)),
    `<atom:link href="${xmlEscape(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (items.length) lines.push(element('lastBuildDate', rfc822(latest(items))));
  return withItems(lines, items, NEWLINE, ['</channel>', '</rss>', '']);
}

/** `head` lines, the items one per line, then `tail` lines. */
function withItems(head: readonly string[], items: readonly RenderedItem[], separator: SharedText, tail: readonly string[]): Part[] {
  if (!items.length) return [[...head, ...tail].join('\n')];
  return [`${head.join('\n')}\n`, ...interleave(items.map((i) => i.text), separator), `\n${tail.join('\n')}`];
}

/** Atom 1.0 from entries rendered by `atomEntry`; ids are `urn:uuid:` names derived from the UIDs. */
export function renderAtom(channel: FeedChannel, items: readonly RenderedItem[]): Part[] {
  const updated = items.length ? latest(items) : 0;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(channel.language)}">`,
    element('id', `urn:uuid:${uuidFromName(`${channel.idDomain} ${channel.selfUrl.replace(/^.*\/\/[^/]+\//, '')}`)}`),
    element('title', channel.title),
    element('subtitle', channel.description || channel.title),
    element('updated', rfc3339(updated)),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(channel.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(channel.homeUrl)}"/>`,
    `<author>${element('name', channel.title)}</author>`,
    element('generator', 'calpub'),
  ];
  return withItems(lines, items, NEWLINE, ['</feed>', '']);
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from items rendered by `jsonItem`. */
export function renderJsonFeed(channel: FeedChannel, items: readonly RenderedItem[]): Part[] {
  const head = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.selfUrl,
    description: channel.description || channel.title,
    language: channel.language,
    authors: [{ name: channel.title }],
  });
  return [`${head.slice(0, -1)},"items":[\n`, ...interleave(items.map((i) => i.text), COMMA_NEWLINE), '\n]}\n'];
}

/** Newest publication first, then by UID, so the order never depends on input order. */
export function feedOrder(a: FeedItem, b: FeedItem): number {
  return b.published - a.published || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

function latest(items: readonly RenderedItem[]): number {
  let max = 0;
  for (const { item } of items) max = Math.max(max, item.updated, item.published);
  return max;
}

/** RFC 822 date as RSS wants it: `Mon, 05 Dec 2022 13:00:00 GMT`. */
export function rfc822(ms: number): string {
  return new Date(ms).toUTCString();
}

/** RFC 3339 UTC date-time without milliseconds. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A name-based (version 5, SHA-1) UUID in a fixed calpub namespace: stable for a given name. */
export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update('calpub:').update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
