/**
 * schedule.json: the site's events with their agenda, for web pages and apps; its format is the JSON
 * Schema in schedule-schema.ts (published as schedule.schema.json).
 */
import type { EventMemory, SiteConfig } from '../model';
import type { EventHeader } from '../page';
import { rfc3339 } from './feeds';
import type { TagGroup } from '../tags';
import { zoneOffset } from '../read/time';
import { publishes } from '../read/config';
import { COMMA_NEWLINE, interleave, type Part } from '../parts';

/** Where things are on the site (absolute URLs). */
export interface SiteUrls {
  readonly site: string;
  readonly calendar: string;
  readonly webcal: string;
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
  readonly schema: string;
}

/** URLs of the top-level outputs. */
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

/** The tag-specific URLs of a tag. */
export function tagUrls(config: SiteConfig, slug: string): { page: string; calendar: string; rss: string } {
  const base = `${config.siteUrl}tags/${slug}/`;
  return { page: base, calendar: `${base}calendar.ics`, rss: `${base}rss.xml` };
}

/** The URL of an event's own calendar file. */
export function eventCalendarUrl(event: Pick<EventHeader, 'id'>, config: SiteConfig): string {
  return `${config.siteUrl}${event.id}.ics`;
}

/** One event of the schedule. */
export function scheduleEntry(event: EventHeader, memory: EventMemory, published: number, config: SiteConfig) {
  const stamp = rfc3339WithOffset(event, config);
  const t = event.time;
  return {
    id: event.id,
    uid: event.uid,
    url: event.url,
    title: event.title,
    series: event.series,
    seriesUrl: event.seriesUrl,
    start: t.kind === 'allDay' ? t.startDate : stamp(t.start),
    end: t.kind === 'allDay' ? t.endDate : stamp(t.end ?? t.start),
    allDay: t.kind === 'allDay',
    timeZone: t.kind === 'timed' ? t.timeZone : config.timeZone,
    status: event.status.toLowerCase(),
    location: { name: event.location, address: event.address, text: event.locationText },
    summary: event.summaryText,
    tags: event.tags,
    authors: event.authors,
    links: event.links,
    ics: eventCalendarUrl(event, config),
    sessions: event.sessions.map((s) => ({ start: stamp(s.start), end: stamp(s.end), title: s.title })),
    published: rfc3339(published),
    updated: rfc3339(memory.changedAt),
    sequence: memory.sequence,
  };
}

/** The whole document, as parts: site fields, then one event per line (each entry serialized once, then assembled). */
export function renderSchedule(config: SiteConfig, items: ReadonlyArray<{ readonly json: Part; readonly updated: string }>, tags: readonly TagGroup[]): Part[] {
  const urls = siteUrls(config);
  const pages = publishes(config, 'pages');
  const feeds = publishes(config, 'feeds');
  const updated = items.length ? items.map((e) => e.updated).sort().pop() : null;
  const head = {
    $schema: urls.schema,
    title: config.title,
    description: config.description,
    timeZone: config.timeZone,
    language: config.language,
    updated,
    urls: {
      site: pages ? urls.site : null,
      calendar: urls.calendar,
      webcal: urls.webcal,
      rss: feeds ? urls.rss : null,
      atom: feeds ? urls.atom : null,
      jsonFeed: feeds ? urls.json : null,
    },
    tags: tags.map((t) => {
      const at = tagUrls(config, t.slug);
      return { name: t.name, slug: t.slug, count: t.ids.length, page: pages ? at.page : null, calendar: at.calendar, rss: feeds ? at.rss : null };
    }),
  };
  const start = `${JSON.stringify(head).slice(0, -1)},"events":`;
  if (!items.length) return [`${start}[]}\n`];
  return [`${start}[\n`, ...interleave(items.map((i) => i.json), COMMA_NEWLINE), '\n]}\n'];
}

/** Formats instants as RFC 3339 on the event's clock: its written offset, else its zone's offset. */
function rfc3339WithOffset(event: EventHeader, config: SiteConfig): (ms: number) => string {
  const t = event.time;
  const zone = t.kind === 'timed' ? t.timeZone : config.timeZone;
  const fixed = t.kind === 'timed' ? t.writtenOffset : null;
  return (ms) => {
    const offset = fixed ?? zoneOffset(zone, ms);
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  };
}
