/**
 * The site's time zone when no configuration names one (Wowchemy and Hugo Blox starters set no
 * `timeZone`): the zone most of its pages' venues are in, else the one of its language's region
 * (`fr-BE`), else UTC. Each guess is a warning that names it, the evidence and how to pin it; UTC,
 * found from nothing, also fails `--strict`. An event whose venue is in another zone than the site's
 * is read in its venue's zone (a talk in Austin on a Paris site), with a warning.
 */
import type { Problem, SiteConfig } from '../model';
import type { VenueZone } from './venue-zone';
import { zoneOffset } from './time';
import { COUNTRY_ZONES, ICU_RENAMES } from './zone-regions';
import { zonesOf } from './venue-zone';

/** The configuration file's name, for problems about the site as a whole. */
const CONFIG_FILE = 'calpub.yaml';

/** The site's configuration with its zone decided, and the warning that says how. */
export interface SiteZone {
  readonly config: SiteConfig;
  readonly problems: readonly Problem[];
}

/**
 * Decides the site's zone from its pages' venues (`venueOf` of each page, null when a page says
 * nothing). A zone set in the configuration (calpub.yaml or Hugo's `timeZone`) always wins, silently.
 */
export function siteZoneOf(config: SiteConfig, venues: ReadonlyArray<VenueZone | null>): SiteZone {
  if (config.explicit.includes('timeZone')) return { config, problems: [] };
  const counts = new Map<string, { pages: number; said: Map<string, number> }>();
  for (const venue of venues) {
    if (!venue) continue;
    const entry = counts.get(venue.zone) ?? { pages: 0, said: new Map<string, number>() };
    entry.pages++;
    entry.said.set(venue.said, (entry.said.get(venue.said) ?? 0) + 1);
    counts.set(venue.zone, entry);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].pages - a[1].pages || (a[0] < b[0] ? -1 : 1));
  const pin = (zone: string) => `set \`timeZone: ${zone}\` in calpub.yaml (or Hugo's \`timeZone\`) to confirm`;
  if (ranked.length) {
    const [zone, { pages, said }] = ranked[0];
    const evidence = [...said.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([text, n]) => `"${text}"${n > 1 ? ` ×${n}` : ''}`)
      .join(', ');
    const others = venues.filter(Boolean).length - pages;
    const message = `no time zone is set: times are read in ${zone}, where ${pages} page(s) place their venue (${evidence})${others ? `; ${others} other page(s) place theirs elsewhere` : ''}; ${pin(zone)}`;
    return { config: { ...config, timeZone: zone }, problems: [warning(message)] };
  }
  const fromLanguage = languageZone(config.language);
  if (fromLanguage) {
    const message = `no time zone is set and no page says where its venue is: times are read in ${fromLanguage}, the zone of the site's language \`${config.language}\`; ${pin(fromLanguage)}`;
    return { config: { ...config, timeZone: fromLanguage }, problems: [warning(message)] };
  }
  const message =
    'no time zone is set and no page says where (no `address`, no place calpub knows in `location`): times are read as UTC, so a site that shows `14:00` may publish 14:00 UTC. ' +
    "Set `timeZone` (such as `Europe/Paris`) in calpub.yaml or Hugo's configuration, or `timezone:` on each page";
  return { config: { ...config, timeZone: 'UTC' }, problems: [{ ...warning(message), strict: true }] };
}

function warning(message: string): Problem {
  return { file: CONFIG_FILE, severity: 'warning', field: 'timeZone', message };
}

/** The zone of a language tag's region (`fr-BE` → Europe/Brussels), when the region has one. */
function languageZone(language: string): string | null {
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2})$/i.exec(language)?.[1]?.toUpperCase();
  if (!region) return null;
  const zones = zonesOf(region);
  return COUNTRY_ZONES[region]?.primary ?? (zones.length === 1 ? (ICU_RENAMES[zones[0]] ?? zones[0]) : null);
}

/**
 * The zone an event is read in when its venue is in another zone than the site's, with the warning
 * that says so; null when it is read in the site's zone (its venue is there, or unknown, or in a zone
 * with the same clock all through the event's year).
 */
export function eventZone(
  venue: VenueZone | null,
  siteZone: string,
  year: number | null,
): { zone: string; warning: string } | null {
  if (!venue || venue.zone === siteZone || sameClocks(venue.zone, siteZone, year ?? 2000)) return null;
  return {
    zone: venue.zone,
    warning: `the venue (${venue.said}) is in ${venue.zone}, not in the site's zone (${siteZone}): its times are read in ${venue.zone}; add \`timezone: ${venue.zone}\` to the page to confirm`,
  };
}

/** Whether two zones show the same time all through a year (Brussels and Paris since 1977). */
function sameClocks(a: string, b: string, year: number): boolean {
  for (let month = 0; month < 12; month++) {
    for (const day of [1, 15]) {
      const at = Date.UTC(year, month, day, 12);
      if (zoneOffset(a, at) !== zoneOffset(b, at)) return false;
    }
  }
  return true;
}
