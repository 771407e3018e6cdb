/**
 * What the three feeds (RSS, Atom, JSON Feed) share: an event's entry (title, summary, HTML, dates),
 * the channel, the order, and the date and id formats. Each feed's own module writes its syntax.
 */
import { createHash } from 'node:crypto';
import { Duration } from 'luxon';
import { agendaClock } from '../read/agenda';
import { agendaLine } from './describe';
import { html, trusted, type SafeHtml } from './html/html';
import type { EventMemory, SiteConfig } from '../model';
import type { EventHeader, EventPieces, FeedItem, PublishedEvent, Site } from '../published';
import { homeUrl } from '../urls';
import { labelsFor } from '../i18n/labels';

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

/** The entry of an event; its HTML is made when first read, then kept with the entry. */
export function feedItem(
  e: EventHeader,
  pieces: EventPieces,
  memory: EventMemory,
  published: number,
  config: SiteConfig,
): FeedItem {
  const lead = [e.when, e.locationText].filter(Boolean).join(' · ');
  let itemHtmlText: string | null = null;
  return {
    uid: e.uid,
    url: e.url,
    title: e.status === 'CANCELLED' ? labelsFor(config.language).cancelledTitle(e.title) : e.title,
    summary: e.summaryText ? `${lead}\n\n${e.summaryText}` : lead,
    get html() {
      return (itemHtmlText ??= itemHtml(e, pieces, config));
    },
    published,
    updated: memory.changedAt,
    tags: e.tags,
  };
}

/** Sanitized HTML for a feed item: status, date and place, abstract, agenda, body, links. */
function itemHtml(e: EventHeader, pieces: EventPieces, config: SiteConfig): string {
  const clock = agendaClock(e.time);
  const parts: SafeHtml[] = [];
  if (e.status === 'CANCELLED')
    parts.push(html`<p><strong>${labelsFor(config.language).willNotTakePlace}</strong></p>`);
  parts.push(html`<p><time>${e.when}</time>${e.locationText ? html` · ${e.locationText}` : ''}</p>`);
  const shown = pieces.aggregate ?? pieces; // a huge page is shortened in feeds
  if (shown.leadHtml) parts.push(trusted(shown.leadHtml));
  if (e.sessions.length)
    parts.push(html`<ul class="agenda">${e.sessions.map((s) => html`<li>${agendaLine(s, clock)}</li>`)}</ul>`);
  if (shown.bodyHtml) parts.push(trusted(shown.bodyHtml));
  if (e.links.length)
    parts.push(html`<ul class="links">${e.links.map((l) => html`<li><a href="${l.url}">${l.name}</a></li>`)}</ul>`);
  return parts.join('\n');
}

/** The channel of a feed at `selfUrl`. */
export function channelOf(
  site: Site,
  selfUrl: string,
  title = site.config.title,
  home: string | null = null,
): FeedChannel {
  const config = site.config;
  return {
    title,
    description: config.description,
    homeUrl: home ?? homeUrl(config),
    selfUrl,
    language: config.language,
    idDomain: config.uidDomain,
    ttlMinutes: Math.round(Duration.fromISO(config.refreshInterval).as('minutes')),
  };
}

/** The entries of `events` (default: every event), newest publication first, at most `feedLimit`. */
export function feedEntries(site: Site, events: readonly PublishedEvent[] = site.events): FeedItem[] {
  const items = events.map((e) => e.item).sort(feedOrder);
  return site.config.feedLimit ? items.slice(0, site.config.feedLimit) : items;
}

/** Newest publication first, then by UID, so the order never depends on input order. */
function feedOrder(a: FeedItem, b: FeedItem): number {
  return b.published - a.published || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/** The latest change or publication among `items` (epoch ms). */
export function latest(items: readonly FeedItem[]): number {
  let max = 0;
  for (const item of items) max = Math.max(max, item.updated, item.published);
  return max;
}

/** `head` lines, the items (each rendered as it is read) one per line, then `tail` lines. */
export function* withItems<T>(
  head: readonly string[],
  items: readonly T[],
  render: (item: T) => string,
  tail: readonly string[],
): Generator<string> {
  yield head.join('\n');
  for (const item of items) yield `\n${render(item)}`;
  yield `\n${tail.join('\n')}`;
}

/** A name-based (version 5, SHA-1) UUID in a fixed calpub namespace: stable for a given name. */
export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update('calpub:').update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
