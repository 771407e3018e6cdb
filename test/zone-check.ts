/** Checking a VTIMEZONE the way a client reads it: ical.js (Thunderbird's parser) against the core's offsets. */
import ICAL from 'ical.js';
import { zoneTransitions } from '../lambda/core/read/zone-rules';
import { wallClockStamp, zoneOffset } from '../lambda/core/read/time';

function parseZone(block: string): ICAL.Timezone {
  const root = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${block}END:VCALENDAR\r\n`));
  return new ICAL.Timezone(root.getFirstSubcomponent('vtimezone') as ICAL.Component);
}
const HOUR = 3_600_000;

/** Instants where a wrong block would show: each transition ± 1 h, and the middle of each season. */
export function samples(zone: string, from: number, to: number): number[] {
  const at = zoneTransitions(zone, from, to).map((t) => t.at);
  const edges = [from, ...at, to];
  return [
    ...at.flatMap((t) => [t - HOUR, t + HOUR]),
    ...edges.slice(1).map((t, i) => Math.floor((t + edges[i]) / 2)),
  ].filter((t) => t >= from && t < to);
}

/**
 * Where ical.js, reading the block, puts a time elsewhere than the core: the core writes the instant's
 * wall clock (`DTSTART;TZID=...:<local>`), ical.js turns that local time back into an instant with the
 * block, as Thunderbird does. An autumn wall-clock time that occurs twice is the first (RFC 5545).
 */
export function disagreements(zone: string, block: string, instants: readonly number[]): string[] {
  const tz = parseZone(block);
  const wrong: string[] = [];
  for (const t of instants) {
    const local = wallClockStamp(t, zone);
    const time = new ICAL.Time(
      {
        year: +local.slice(0, 4),
        month: +local.slice(4, 6),
        day: +local.slice(6, 8),
        hour: +local.slice(9, 11),
        minute: +local.slice(11, 13),
        second: +local.slice(13, 15),
        isDate: false,
      },
      tz,
    );
    const read = time.toUnixTime() * 1000;
    // A wall-clock time that autumn repeats: ical.js takes the second occurrence, RFC 5545 the first (the core's).
    const back = zoneOffset(zone, t) - zoneOffset(zone, t + 2 * HOUR);
    const repeated = back > 0 && read === t + back * 60_000;
    if (read !== t && !repeated)
      wrong.push(`${zone} ${new Date(t).toISOString()} (${local}): ical.js ${new Date(read).toISOString()}`);
  }
  return wrong;
}
