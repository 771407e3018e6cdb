/**
 * VTIMEZONE blocks (RFC 5545 §3.6.5) that hold a zone's rules for the years a calendar's events are in,
 * written from the runtime's ICU (read/zone-rules.ts): the same offsets the core read the events with.
 * Clients that read the block (ical.js in Thunderbird, vobject, Outlook) and clients that look the TZID
 * up in their own tz database (Google, Apple, python) then agree, past events in changed zones included.
 */
import { fold } from './ics-lines';
import { observances, type Observance } from '../read/zone-rules';

const blocks = new Map<string, string>();

/**
 * The VTIMEZONE of `zone` for the UTC years `fromYear`–`toYear` (inclusive), as folded, CRLF-terminated
 * lines. Its TZID is the name the events carry (a link such as `Asia/Calcutta` included).
 */
export function vtimezoneBlock(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone}|${fromYear}|${toYear}`;
  let block = blocks.get(key);
  if (block === undefined) {
    const lines = [
      `BEGIN:VTIMEZONE`,
      `TZID:${zone}`,
      ...observances(zone, fromYear, toYear).flatMap(observanceLines),
      'END:VTIMEZONE',
    ];
    blocks.set(key, (block = lines.map((l) => `${fold(l)}\r\n`).join('')));
  }
  return block;
}

function observanceLines(o: Observance): string[] {
  const rule = o.yearly
    ? `RRULE:FREQ=YEARLY;BYMONTH=${o.yearly.month};${/^\d+$/.test(o.yearly.day) ? 'BYMONTHDAY' : 'BYDAY'}=${o.yearly.day}${o.yearly.until ? `;UNTIL=${o.yearly.until}` : ''}`
    : null;
  return [
    `BEGIN:${o.kind}`,
    `DTSTART:${o.start}`,
    ...(rule ? [rule] : []),
    // One RDATE per onset, the first one too: ical.js (Thunderbird) reads only the RDATEs of an
    // observance that has some, and only the first value of each.
    ...(o.dates?.length ? [o.start, ...o.dates].map((d) => `RDATE:${d}`) : []),
    `TZOFFSETFROM:${offsetText(o.from)}`,
    `TZOFFSETTO:${offsetText(o.to)}`,
    `END:${o.kind}`,
  ];
}

/** `+0100`, `-0330`, or with seconds when the offset has them (`-004430`, Monrovia until 1972). */
function offsetText(minutes: number): string {
  const total = Math.round(Math.abs(minutes) * 60);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60].map((n) =>
    String(n).padStart(2, '0'),
  );
  return `${minutes < 0 ? '-' : '+'}${h}${m}${s === '00' ? '' : s}`;
}
