/**
 * Which valid events appear now, as Hugo decides which pages appear: drafts, pages whose publish date
 * is still ahead and pages whose `expiryDate` has passed are left out. The publish date is
 * `publishDate`, else the page date where that is not the event's start (legacy talk pages keep the
 * talk in `time_start` and the page date in `date`; placeholders dated 2030 or 3018 stay hidden).
 * Decided against an injected clock.
 */
import type { CalEvent, Problem, SiteConfig } from './model';
import { startInstant, wallDateOf } from './read/time';

/** The fields selection looks at. */
export type Selectable = Pick<CalEvent, 'draft' | 'publishDate' | 'expiryDate' | 'pageDate'>;

/** Why a valid event is not published at `now`. */
export type SkipReason = 'draft' | 'scheduled' | 'expired';

/** The reason `event` is left out at `now` (epoch ms), or null when it is published. */
export function skipReason(event: Selectable, now: number): SkipReason | null {
  if (event.draft) return 'draft';
  const publishAt = event.publishDate ?? event.pageDate;
  if (publishAt !== null && publishAt > now) return 'scheduled';
  if (event.expiryDate !== null && event.expiryDate <= now) return 'expired';
  return null;
}

/** How far ahead a date reads as a placeholder or a typo rather than a plan: about five years. */
const FAR_AHEAD_MS = 5 * 365.25 * 24 * 3600 * 1000;

type Dated = Pick<CalEvent, 'file' | 'time' | 'publishDate' | 'pageDate' | 'startField' | 'pageDateField'>;

/** A warning for each date of the page more than about five years after `now`, shown in the event's zone. */
export function farAheadProblems(event: Dated, now: number): Problem[] {
  const time = event.time;
  const start = startInstant(time);
  const dates: Array<[string | null, number | null]> = [
    [event.startField, start],
    [event.pageDateField, event.pageDate],
    ['publishDate', event.publishDate],
  ];
  const far = dates.filter((d): d is [string, number] => d[0] !== null && d[1] !== null && d[1] - now > FAR_AHEAD_MS);
  const shown = (field: string, at: number) =>
    time.kind === 'allDay' && field === event.startField ? time.startDate : wallDateOf(at, time.timeZone);
  return far.map(([field, at]) => ({
    file: event.file,
    severity: 'warning',
    field,
    message: `\`${field}\` is ${shown(field, at)}, more than 5 years ahead: if it is a placeholder, set \`draft: true\` until the date is known; if it is a typo, fix the year`,
  }));
}

type Linked = Pick<CalEvent, 'file' | 'time' | 'publishDate' | 'pageDate' | 'url'>;

/**
 * A warning when the event's page on a Hugo site does not exist yet: Hugo builds no page whose
 * publish date (`publishDate`, else `date`) is ahead unless the site sets `buildFuture`, so the
 * calendar would link to a missing page until the event starts. (Wowchemy's event template sets a
 * past `publishDate` for this reason.)
 */
export function unbuiltPageProblem(
  event: Linked,
  now: number,
  config: Pick<SiteConfig, 'buildFuture' | 'permalinkBase'>,
): Problem | null {
  if (config.buildFuture || !config.permalinkBase || event.publishDate !== null) return null;
  const date = event.pageDate ?? startInstant(event.time);
  if (date <= now) return null;
  return {
    file: event.file,
    severity: 'warning',
    field: 'publishDate',
    message: `Hugo builds no page before its date unless the site sets \`buildFuture\`, so ${event.url} does not exist until the event and the calendar links to a missing page: add \`publishDate:\` with today's date to the page (as Wowchemy's event template does), or set \`buildFuture = true\` in Hugo's configuration`,
  };
}
