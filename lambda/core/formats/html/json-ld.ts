/**
 * schema.org `Event` data for search engines, as JSON-LD in each event page
 * (https://developers.google.com/search/docs/appearance/structured-data/event): the properties
 * Google requires (name, startDate, location) and those it recommends (endDate, eventStatus,
 * eventAttendanceMode, description, image, organizer; not performer: Wowchemy's `authors` are
 * profile slugs such as `admin`, not names), with the series as `superEvent`
 * and the agenda's sessions as `subEvent`. Dates carry the event's offset (dates alone for all-day
 * events). The script element is made so that no value can end it.
 */
import type { SiteConfig } from '../../model';
import type { EventHeader } from '../../published';
import { rfc3339WithOffset } from '../schedule';
import { trusted, type SafeHtml } from './html';

/** Words that say a location is online. */
const ONLINE =
  /\b(online|en ligne|on-line|virtual|virtuel(le)?|visio(conf[ée]rence)?|webinar|webinaire|zoom|teams|jitsi|google meet|livestream|live stream|streaming)\b/i;
const ONLINE_ALL = new RegExp(ONLINE.source, 'gi');
/** Words that name no place ("Virtual Event", "Zoom Meeting", "Événement en visio"). */
const FILLER =
  /\b(and|et|und|y|e|or|ou|oder|o|via|on|sur|en|in|im|at|par|by|the|an?|le|la|les|un|une|de|du|des|event|ev[ée]nement|meeting|r[ée]union|session|call|link|lien|platform|plateforme)\b/gi;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')]+/i;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** How people attend: in person, online, or both (schema.org's eventAttendanceMode). */
export function attendanceMode(
  e: Pick<EventHeader, 'location' | 'address'>,
): 'OfflineEventAttendanceMode' | 'OnlineEventAttendanceMode' | 'MixedEventAttendanceMode' {
  const text = e.location ?? '';
  const online = ONLINE.test(text) || URL_IN_TEXT.test(text);
  // Somewhere to go: an address, or words left once the online part is taken out.
  const rest = text
    .replace(URL_IN_TEXT, '')
    .replace(ONLINE_ALL, '')
    .replace(FILLER, '')
    .replace(/[\s,;:/&+()[\]–—-]/g, '');
  const inPerson = e.address !== null || rest.length > 0;
  if (online && inPerson) return 'MixedEventAttendanceMode';
  return online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode';
}

/** The schema.org `Event` of an event page. */
export function eventJsonLd(e: EventHeader, config: SiteConfig): { [key: string]: Json } {
  const stamp = rfc3339WithOffset(e);
  const t = e.time;
  const start = t.kind === 'allDay' ? t.startDate : stamp(t.start);
  const end = t.kind === 'allDay' ? t.endDate : t.end !== null ? stamp(t.end) : null;
  const mode = attendanceMode(e);
  const location = locationOf(e, mode);
  const data: { [key: string]: Json } = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    startDate: start,
    ...(end ? { endDate: end } : {}),
    eventStatus: `https://schema.org/${e.status === 'CANCELLED' ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `https://schema.org/${mode}`,
    // No location is invented: a page that gives none has none (Google then shows no rich result).
    ...(location ? { location } : {}),
    ...(e.summaryText ? { description: e.summaryText } : {}),
    url: e.url,
    ...(e.image ? { image: [e.image] } : {}),
    ...(e.language ? { inLanguage: e.language } : {}),
    organizer: { '@type': 'Organization', name: config.title, url: config.permalinkBase ?? config.siteUrl },
    ...(e.tags.length ? { keywords: e.tags.join(', ') } : {}),
    ...(e.series
      ? { superEvent: { '@type': 'EventSeries', name: e.series, ...(e.seriesUrl ? { url: e.seriesUrl } : {}) } }
      : {}),
  };
  if (e.sessions.length) {
    // The sessions happen where the event does: its location by reference, not repeated.
    const at = refs(location);
    data.subEvent = e.sessions.map((s) => ({
      '@type': 'Event',
      name: s.title,
      startDate: stamp(s.start),
      endDate: stamp(s.end),
      ...(at ? { location: at } : {}),
    }));
  }
  return data;
}

/** Node references (`{"@id": ...}`) to the location's places. */
function refs(location: Json | null): Json | null {
  if (location === null) return null;
  const ref = (node: Json) => ({ '@id': (node as { '@id': string })['@id'] });
  return Array.isArray(location) ? location.map(ref) : ref(location);
}

function locationOf(e: EventHeader, mode: ReturnType<typeof attendanceMode>): Json | null {
  const a = e.address;
  if (!e.location && !a) return null;
  const address = a
    ? {
        '@type': 'PostalAddress',
        ...(a.street ? { streetAddress: a.street } : {}),
        ...(a.city ? { addressLocality: a.city } : {}),
        ...(a.region ? { addressRegion: a.region } : {}),
        ...(a.postcode ? { postalCode: a.postcode } : {}),
        ...(a.country ? { addressCountry: a.country } : {}),
      }
    : null;
  const venue = (e.location ?? '').replace(URL_IN_TEXT, '').trim();
  // Google requires an address for a Place: the venue's text is the address when there is no other.
  const place = {
    '@type': 'Place',
    '@id': `${e.url}#place`,
    name: venue || e.locationText || '',
    address: address ?? (venue || e.locationText || ''),
    ...(e.geo ? { geo: { '@type': 'GeoCoordinates', latitude: e.geo.lat, longitude: e.geo.lon } } : {}),
  };
  const virtual = {
    '@type': 'VirtualLocation',
    '@id': `${e.url}#online`,
    url: URL_IN_TEXT.exec(e.location ?? '')?.[0] ?? e.url,
  };
  if (mode === 'OnlineEventAttendanceMode') return virtual;
  if (mode === 'MixedEventAttendanceMode') return [place, virtual];
  return place;
}

/**
 * The `<script type="application/ld+json">` element. `<`, `>` and `&` are written as JSON escapes,
 * so `</script>` or `<!--` in a title cannot end or change the element; U+2028/2029 likewise.
 */
export function jsonLdScript(data: Json): SafeHtml {
  const text = JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return trusted(`<script type="application/ld+json">${text}</script>`);
}
