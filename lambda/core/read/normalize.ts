/**
 * Turns one parsed page into one normalized event, or into the problems that keep it out.
 * Every rule here is written down in README § "How front matter is read".
 */
import { readEventTime, timeFields } from './event-time';
import { offsetMismatch } from './offset-check';
import * as f from './fields';
import { identityOf, languageFolder, languageOf, uidOf } from './identity';
import { permalinkOf, urlProblem } from './permalink';
import type { CalEvent, EventStatus, FrontMatter, ParsedPage, Problem, SiteConfig } from '../model';
import { readWritten, toInstant, type ZoneRules } from './time';
import { zoneProblem } from './zones';
import { eventZone } from './site-zone';
import { venueZoneOf, type VenueZone } from './venue-zone';
import { oneDayNamed } from './named-days';

/** One page's outcome: the event (absent when an error stops it) and every problem found. */
export interface Normalized {
  readonly event: CalEvent | null;
  readonly problems: readonly Problem[];
}

/** Where the page says its venue is, read from its `address` and `location` (`venueZoneOf`). */
export function venueOf(data: FrontMatter): VenueZone | null {
  const ignore: f.Warn = () => {};
  return venueZoneOf(f.address(data, ignore), f.location(data, ignore));
}

/** Normalizes a parsed page against the site configuration. */
export function normalizePage(page: ParsedPage, config: SiteConfig): Normalized {
  const problems: Problem[] = [];
  const warn: f.Warn = (field, message) => problems.push({ file: page.path, severity: 'warning', field, message });
  const fail = (field: string | null, message: string): Normalized => ({
    event: null,
    problems: [...problems, { file: page.path, severity: 'error', field, message }],
  });
  const data = page.data;

  const title = f.text(data, 'title', warn) ?? f.text(data, 'name', warn);
  if (title === null) return fail('title', '`title` is missing or empty: add `title: ...` to the front matter');

  const zone = f.text(data, 'timezone', warn);
  const badZone = zone === null ? null : zoneProblem(zone);
  if (badZone) return fail('timezone', `\`timezone\` ${badZone}`);
  const location = f.location(data, warn);
  const address = f.address(data, warn);
  const startYear = /^\s*(\d{4})-/.exec(String(data[timeFields(data).start] ?? ''))?.[1];
  const venue =
    zone === null ? eventZone(venueZoneOf(address, location), config.timeZone, startYear ? +startYear : null) : null;
  if (venue?.warning) warn('timezone', venue.warning);
  const rules: ZoneRules = { timeZone: zone ?? venue?.zone ?? config.timeZone, wallClockZ: config.wallClockZ };
  const time = readEventTime(data, rules, warn);
  if (!time.ok) return fail(time.field, time.reason);
  const mismatch = offsetMismatch(time.time, time.startField, page.body);
  if (mismatch) warn(time.startField, mismatch);
  const endField = timeFields(data).end;
  const oneDay = oneDayNamed(
    time.time,
    [page.body, f.text(data, 'summary', () => {}) ?? '', f.text(data, 'abstract', () => {}) ?? ''],
    endField,
  );
  if (oneDay) warn(endField, oneDay);

  // Hugo ignores a publish or expiry date it cannot read, and publishes the page: so does calpub.
  const publishDate = instantField(data, 'publishDate', rules, warn);
  if (!publishDate.ok)
    warn('publishDate', `${publishDate.reason}; it is ignored (Hugo ignores it too), so the event is published now`);
  const expiryDate = instantField(data, 'expiryDate', rules, warn);
  if (!expiryDate.ok)
    warn('expiryDate', `${expiryDate.reason}; it is ignored (Hugo ignores it too), so the event does not expire`);
  const lastmod = instantField(data, 'lastmod', rules, warn);
  if (!lastmod.ok) warn('lastmod', `${lastmod.reason}; it is ignored`);
  const pageDate = time.pageDateField
    ? instantField(data, time.pageDateField, rules, warn)
    : { ok: true as const, value: null };
  if (!pageDate.ok && time.pageDateField) warn(time.pageDateField, `${pageDate.reason}; the page date is ignored`);

  const badUrl = urlProblem(data.url);
  if (badUrl) warn('url', badUrl);
  const slug = f.text(data, 'slug', warn);
  const id = identityOf(page.path, slug, page.language);
  const language = page.language ?? languageOf(page.path);
  const image = f.image(data);
  const event: CalEvent = {
    id,
    file: page.path,
    uid: uidOf(id, config.uidDomain),
    title: oneLine(title),
    series: optionalOneLine(f.text(data, 'event', warn)),
    seriesUrl: f.eventUrl(data, warn),
    time: time.time,
    status: status(data, warn),
    location,
    address,
    geo: f.geo(data, warn),
    summary: f.text(data, 'summary', warn),
    abstract: f.text(data, 'abstract', warn) ?? f.text(data, 'description', warn),
    body: page.body,
    tags: f.stringList(data, 'tags', warn),
    categories: f.stringList(data, 'categories', warn),
    authors: f.stringList(data, 'authors', warn),
    links: f.links(data, warn),
    ...(image ? { image } : {}),
    url: permalinkOf({ path: page.path, data, folder: languageFolder(language, config.language), id }, config),
    publishDate: publishDate.ok ? publishDate.value : null,
    expiryDate: expiryDate.ok ? expiryDate.value : null,
    lastmod: lastmod.ok ? lastmod.value : null,
    pageDate: pageDate.ok ? pageDate.value : null,
    startField: time.startField,
    pageDateField: time.pageDateField,
    draft: f.flag(data, 'draft', warn),
    language,
  };
  return { event, problems };
}

type InstantRead = { ok: true; value: number | null } | { ok: false; reason: string };

/** A date field that is not the event time (`publishDate`, `expiryDate`, `lastmod`), as an instant. */
function instantField(data: FrontMatter, key: string, rules: ZoneRules, warn: f.Warn): InstantRead {
  const value = data[key];
  if (value === undefined || value === null || value === '') return { ok: true, value: null };
  const read = readWritten(value);
  if (!read.ok) return { ok: false, reason: `\`${key}\`: ${read.reason}` };
  if (read.note) warn(key, `\`${key}\`: ${read.note}`);
  return { ok: true, value: toInstant(read.value, rules) };
}

const STATUSES: Record<string, EventStatus> = {
  confirmed: 'CONFIRMED',
  tentative: 'TENTATIVE',
  cancelled: 'CANCELLED',
  canceled: 'CANCELLED',
};

function status(data: FrontMatter, warn: f.Warn): EventStatus {
  const raw = f.text(data, 'status', warn);
  if (raw === null) return 'CONFIRMED';
  const known = STATUSES[raw.toLowerCase()];
  if (known) return known;
  warn('status', `\`status\` ${JSON.stringify(raw)} is not one of confirmed, tentative, cancelled; confirmed is used`);
  return 'CONFIRMED';
}

/** Titles wrapped over several YAML lines read as one line. */
function oneLine(s: string): string {
  return s
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\u200B\uFEFF]/g, '')
    .trim();
}

function optionalOneLine(s: string | null): string | null {
  return s === null ? null : oneLine(s) || null;
}
