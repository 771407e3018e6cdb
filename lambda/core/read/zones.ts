/**
 * Which time zones an event or a site may be in: any IANA zone this runtime knows (its offsets convert
 * wall-clock times, and its rules are written in the calendars' VTIMEZONEs: see zone-rules.ts).
 */
import { isKnownTimeZone } from './time';

/** Zones whose times are written in UTC (`…Z`), with no VTIMEZONE. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

/** True when times in `zone` are written as UTC (`…Z`) rather than with a TZID. */
export function isUtcZone(zone: string): boolean {
  return UTC_ZONES.has(zone);
}

/**
 * Why `zone` cannot be an event's or the site's time zone, or null when it can. The message starts
 * with the quoted zone, for the caller to put its key before it.
 */
export function zoneProblem(zone: string): string | null {
  return isKnownTimeZone(zone)
    ? null
    : `${JSON.stringify(zone)} is not an IANA time zone; write one such as \`Europe/Paris\``;
}
