/**
 * The texts each published event contributes to the outputs — its full VEVENT, the head of its own
 * calendar file, its RSS item (full and short), Atom entry, JSON Feed item and schedule entry —
 * rendered by one function whichever thread runs it. The page threads render them for the pages they process (`prerender`), so on a
 * large site this work is shared by every core instead of left to the one that writes the files;
 * the assembly renders any the threads did not (pages reused from the cache, the Lambda).
 */
import { createHash } from 'node:crypto';
import { agendaClock } from './read/agenda';
import { publishes } from './read/config';
import { agendaLine } from './formats/describe';
import { html, trusted, type SafeHtml } from './formats/html/html';
import type { EventMemory, SiteConfig } from './model';
import type { EventHeader, EventPieces, PageOutcome } from './page';
import type { SharedText } from './parts';
import { atomEntry, jsonItem, rssItem, type FeedItem } from './formats/feeds';
import { calendarHead, wrapVeventText } from './formats/ics';
import { eventCalendarUrl, scheduleEntry } from './formats/schedule';
import { skipReason } from './select';
import { firstSeenAt, remember } from './memory';

/**
 * A text an event contributes to the outputs, by the output format it belongs to (`ics-head`: the
 * head of the event's own calendar file).
 */
export type ItemFormat = 'vevent' | 'ics-head' | 'rss' | 'rss-short' | 'atom' | 'json' | 'schedule';

/** A published event with its pieces and memory, ready to assemble. */
export interface Rendered {
  readonly event: EventHeader;
  readonly pieces: EventPieces;
  readonly memory: EventMemory;
  /** Its full VEVENT, shared by every calendar that carries it. */
  readonly vevent: SharedText;
  /** Its texts rendered ahead by a page thread, encoded (for the same `itemKey`). */
  readonly prepared?: ReadonlyMap<ItemFormat, SharedText>;
}

/** The formats a site with this configuration publishes items in. */
export function itemFormats(config: SiteConfig): ItemFormat[] {
  const formats: ItemFormat[] = ['vevent', 'ics-head'];
  if (publishes(config, 'feeds')) formats.push('rss', 'rss-short', 'atom', 'json');
  if (publishes(config, 'schedule')) formats.push('schedule');
  return formats;
}

/** Identifies the configuration items are rendered with (part of every item's key). */
export function configKeyOf(config: SiteConfig): string {
  return createHash('sha1').update(JSON.stringify(config)).digest('base64url');
}

/** Changes whenever anything an event's items are made from changes: same key, same texts. */
export function itemKey(configKey: string, r: Pick<Rendered, 'event' | 'memory'>): string {
  return `${configKey}|${r.event.id}|${r.memory.fingerprint}|${r.memory.sequence}|${r.memory.changedAt}|${publishedAt(r)}`;
}

/** When an event was published: its `publishDate`, else when it was first seen. */
export function publishedAt(r: Pick<Rendered, 'event'>): number {
  return r.event.publishDate ?? firstSeenAt(r.event);
}

/**
 * The text of one of an event's items.
 * @param entry - the event's feed entry, when the caller keeps one for several formats
 */
export function renderItem(format: ItemFormat, r: Pick<Rendered, 'event' | 'pieces' | 'memory'>, config: SiteConfig, entry?: FeedItem): string {
  const item = () => entry ?? feedItem(r, config);
  switch (format) {
    case 'vevent':
      return wrapVeventText(r.pieces.ics, r.memory);
    case 'ics-head':
      return calendarHead({ name: r.event.title, description: '', source: eventCalendarUrl(r.event, config) }, config);
    case 'rss':
      return rssItem(item(), true);
    case 'rss-short':
      return rssItem(item(), false);
    case 'atom':
      return atomEntry(item());
    case 'json':
      return jsonItem(item());
    case 'schedule':
      return JSON.stringify(scheduleEntry(r.event, r.memory, publishedAt(r), config));
  }
}

/** What a page thread renders ahead for one page: its items' texts and the key they were made for. */
export interface Prerendered {
  readonly key: string;
  readonly texts: ReadonlyMap<ItemFormat, string>;
}

/**
 * The items of a page's event as this build will publish them, or null when it publishes none
 * (errors, drafts, scheduled or expired events). The memory is the one `remember` gives the build
 * for the same previous memory and clock; the assembly uses the texts only when its key matches.
 */
export function prerender(
  outcome: PageOutcome,
  previous: EventMemory | undefined,
  config: SiteConfig,
  configKey: string,
  now: number,
): Prerendered | null {
  const { event, pieces } = outcome;
  if (!event || !pieces || skipReason(event, now) !== null) return null;
  const r = { event, pieces, memory: remember(previous, pieces.fingerprint, event, now) };
  const item = publishes(config, 'feeds') ? feedItem(r, config) : undefined; // one entry (its HTML made once) for the four feed formats
  const texts = new Map(itemFormats(config).map((format) => [format, renderItem(format, r, config, item)]));
  return { key: itemKey(configKey, r), texts };
}

/** Sanitized HTML for a feed item: status, date and place, abstract, agenda, body, links. */
export function itemHtml(r: Pick<Rendered, 'event' | 'pieces'>, config: SiteConfig): string {
  const e = r.event;
  const clock = agendaClock(e.time, config.timeZone);
  const parts: SafeHtml[] = [];
  if (e.status === 'CANCELLED') parts.push(html`<p><strong>Cancelled: this event will not take place.</strong></p>`);
  parts.push(html`<p><time>${e.when}</time>${e.locationText ? html` · ${e.locationText}` : ''}</p>`);
  if (r.pieces.leadHtml) parts.push(trusted(r.pieces.leadHtml));
  if (e.sessions.length) parts.push(html`<ul class="agenda">${e.sessions.map((s) => html`<li>${agendaLine(s, clock)}</li>`)}</ul>`);
  if (r.pieces.bodyHtml) parts.push(trusted(r.pieces.bodyHtml));
  if (e.links.length) parts.push(html`<ul class="links">${e.links.map((l) => html`<li><a href="${l.url}">${l.name}</a></li>`)}</ul>`);
  return parts.join('\n');
}

/** The feed entry of an event; its HTML is made when first read, then kept with the entry. */
export function feedItem(r: Pick<Rendered, 'event' | 'pieces' | 'memory'>, config: SiteConfig): FeedItem {
  const e = r.event;
  const lead = [e.when, e.locationText].filter(Boolean).join(' · ');
  let itemHtmlText: string | null = null;
  return {
    uid: e.uid,
    url: e.url,
    title: e.status === 'CANCELLED' ? `Cancelled: ${e.title}` : e.title,
    summary: e.summaryText ? `${lead}\n\n${e.summaryText}` : lead,
    get html() {
      return (itemHtmlText ??= itemHtml(r, config));
    },
    published: publishedAt(r),
    updated: r.memory.changedAt,
    tags: e.tags,
  };
}
