/**
 * schedule.json: the site's events with their agenda, for web pages and apps, one event per line; its
 * format is the JSON Schema of schedule-schema.ts (published as schedule.schema.json).
 */
import type { SiteConfig } from '../model';
import type { EventHeader, PublishedEvent, Site } from '../published';
import { publishes } from '../read/config';
import { zoneOffset } from '../read/time';
import { eventCalendarUrl, tagUrls } from '../urls';
import { rfc3339, rfc3339At } from '../shared/stamps';
import { publishedAt } from '../memory';
import { scheduleSchema } from './schedule-schema';

/** `schedule.json` */
export function* schedule(site: Site): Generator<string> {
  const { config, urls } = site;
  const pages = publishes(config, 'pages');
  const feeds = publishes(config, 'feeds');
  const updated = site.events.length
    ? site.events
        .map((e) => rfc3339(e.memory.changedAt))
        .sort()
        .pop()
    : null;
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
    tags: site.tags.map((t) => {
      const at = tagUrls(config, t);
      return {
        name: t.name,
        slug: t.slug,
        count: t.ids.length,
        page: at.page,
        calendar: at.calendar,
        rss: feeds ? at.rss : null,
      };
    }),
  };
  const start = `${JSON.stringify(head).slice(0, -1)},"events":`;
  if (!site.events.length) {
    yield `${start}[]}\n`;
    return;
  }
  yield `${start}[\n`;
  for (const [i, e] of site.events.entries()) yield `${i ? ',\n' : ''}${JSON.stringify(scheduleEntry(e, config))}`;
  yield '\n]}\n';
}

/** `schedule.schema.json` */
export function scheduleSchemaText(site: Site): string {
  return `${JSON.stringify(scheduleSchema(site.urls.schema), null, 1)}\n`;
}

/** One event of the schedule. */
function scheduleEntry({ event, memory }: Pick<PublishedEvent, 'event' | 'memory'>, config: SiteConfig) {
  const stamp = rfc3339WithOffset(event);
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
    timeZone: t.timeZone,
    status: event.status.toLowerCase(),
    location: { name: event.location, address: event.address, text: event.locationText },
    summary: event.summaryText,
    tags: event.tags,
    authors: event.authors,
    links: event.links,
    ics: eventCalendarUrl(event, config),
    sessions: event.sessions.map((s) => ({ start: stamp(s.start), end: stamp(s.end), title: s.title })),
    published: rfc3339(publishedAt(event)),
    updated: rfc3339(memory.changedAt),
    sequence: memory.sequence,
  };
}

/** Formats instants as RFC 3339 on the event's clock: its written offset, else its zone's offset. */
export function rfc3339WithOffset(event: EventHeader): (ms: number) => string {
  const t = event.time;
  const zone = t.timeZone;
  const fixed = t.kind === 'timed' ? t.writtenOffset : null;
  return (ms) => rfc3339At(ms, fixed ?? zoneOffset(zone, ms));
}
