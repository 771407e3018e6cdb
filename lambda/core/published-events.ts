/**
 * What the formats ask of the published events, answered once: their order, a tag's events, which
 * are still to come.
 */
import type { EventHeader, PublishedEvent, Site, TagGroup } from './published';
import { endInstant, startInstant } from './read/time';

/** Calendar order: by start (an all-day event at 00:00 UTC of its first day), then identity. */
export function calendarOrder(a: PublishedEvent, b: PublishedEvent): number {
  return (
    a.pieces.ics.sortKey - b.pieces.ics.sortKey || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)
  );
}

/** A tag's events, in calendar order (the site's, which `groupTags` keeps). */
export function tagEvents(site: Site, tag: TagGroup): PublishedEvent[] {
  return tag.ids.map((id) => {
    const event = site.byId.get(id);
    if (!event) throw new Error(`the tag ${tag.slug} lists ${id}, which the site does not publish`);
    return event;
  });
}

/** Whether an event is still to come at `now`: not yet ended (one under way is still to come). */
export function isUpcoming(event: EventHeader, now: number): boolean {
  return endInstant(event.time) >= now;
}

/** Upcoming events (soonest first) and past ones (latest first) at `now`; ties by identity. */
export function splitByTime(
  events: readonly EventHeader[],
  now: number,
): { upcoming: EventHeader[]; past: EventHeader[] } {
  const start = (e: EventHeader) => startInstant(e.time);
  const byId = (a: EventHeader, b: EventHeader) => (a.id < b.id ? -1 : 1);
  const upcoming = events.filter((e) => isUpcoming(e, now)).sort((a, b) => start(a) - start(b) || byId(a, b));
  const past = events.filter((e) => !isUpcoming(e, now)).sort((a, b) => start(b) - start(a) || byId(a, b));
  return { upcoming, past };
}
