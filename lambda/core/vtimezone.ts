/**
 * VTIMEZONE blocks, from timezones-ical-library (one of the two generators ical-generator's README
 * recommends). Its tz database rules are compiled into JavaScript, so esbuild inlines them in every
 * bundle (the CLI's and the Lambda's): no zone file is read at run time, and a zone it lacks is a
 * reported problem, never a silent fall-back to UTC.
 */
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { fold } from './formats/ics-lines';
import { isKnownTimeZone } from './read/time';

/** Zones whose times are written in UTC (`…Z`), with no VTIMEZONE. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

/** True when times in `zone` are written as UTC (`…Z`) rather than with a TZID. */
export function isUtcZone(zone: string): boolean {
  return UTC_ZONES.has(zone);
}

let known: ReadonlySet<string> | null = null;

/** Zones the library has rules for (asked first: it prints to the console for any other name). */
function libraryZones(): ReadonlySet<string> {
  return (known ??= new Set(tzlib_get_timezones() as string[]));
}

const blocks = new Map<string, string | null>();

/**
 * The VTIMEZONE of `zone` as folded, CRLF-terminated lines, or null when the library has no rules
 * for it (`zoneProblem` reports such a zone before any event uses it).
 */
export function vtimezoneOf(zone: string): string | null {
  let block = blocks.get(zone);
  if (block === undefined) {
    const raw = libraryZones().has(zone) ? (tzlib_get_ical_block(zone) as string[])[0] : '';
    block = raw ? raw.trim().split(/\r?\n/).map((l) => `${fold(named(l, zone))}\r\n`).join('') : null;
    blocks.set(zone, block);
  }
  return block;
}

/**
 * For a zone that is a link (`Asia/Calcutta`, `Africa/Accra`), the library gives the block of its
 * target (`Asia/Kolkata`, `Africa/Abidjan`): the block is renamed, so the TZID the events carry (the
 * name the organiser wrote) always has its VTIMEZONE.
 */
function named(line: string, zone: string): string {
  return line.startsWith('TZID:') ? `TZID:${zone}` : line.startsWith('X-LIC-LOCATION:') ? `X-LIC-LOCATION:${zone}` : line;
}

/**
 * Why `zone` cannot be an event's or the site's time zone, or null when it can: it must be an IANA
 * name this runtime knows (its offsets convert wall-clock times) and one a VTIMEZONE can be written
 * for (calendar clients read the times with it).
 * The message starts with the quoted zone, for the caller to put its key before it.
 */
export function zoneProblem(zone: string): string | null {
  if (!isKnownTimeZone(zone)) return `${JSON.stringify(zone)} is not an IANA time zone; write one such as \`Europe/Paris\``;
  if (isUtcZone(zone) || vtimezoneOf(zone) !== null) return null;
  return `${JSON.stringify(zone)} has no VTIMEZONE rules calpub can write in calendars; write its canonical IANA name, such as \`Asia/Kolkata\` for \`Asia/Calcutta\``;
}
