/**
 * An explicit UTC offset that is not the event's zone's offset on that day (`+02:00` in February for
 * a Paris event) means one of the two is wrong: the clock time with a summer offset typed out of
 * habit, or the offset with a time converted by hand. calpub honours the offset as written and warns;
 * when the body mentions clock times, the warning says which reading they support.
 */
import { readClockRange, formatClock, type ClockTime } from './clock';
import { clockAt, offsetText } from '../shared/stamps';
import type { EventTime } from '../model';
import { isUtcZone } from './zones';
import { zoneOffset } from './time';

/** The warning for a start whose written offset disagrees with its zone, or null. */
export function offsetMismatch(time: EventTime, startField: string, body: string): string | null {
  if (time.kind !== 'timed' || time.writtenOffset === null || isUtcZone(time.timeZone)) return null;
  const zoneMinutes = zoneOffset(time.timeZone, time.start);
  if (zoneMinutes === time.writtenOffset) return null;
  const asWritten = clockAt(time.start, time.writtenOffset);
  const inZone = clockAt(time.start, zoneMinutes);
  const said =
    `\`${startField}\` is written with ${offsetText(time.writtenOffset)}, but ${time.timeZone} is at ${offsetText(zoneMinutes)} on that day: ` +
    `it is published at ${inZone} ${time.timeZone} time (${asWritten} at ${offsetText(time.writtenOffset)})`;
  const mentioned = clockTimesIn(body);
  const bodySaysWritten = mentioned.has(asWritten);
  const bodySaysZone = mentioned.has(inZone);
  if (bodySaysWritten && !bodySaysZone) {
    return `${said}. The text says ${asWritten}, so the offset is likely wrong: write ${offsetText(zoneMinutes)}, or no offset`;
  }
  if (bodySaysZone && !bodySaysWritten)
    return `${said}. The text says ${inZone} too, so the time is likely right: write ${offsetText(zoneMinutes)} with ${inZone} to silence this`;
  return `${said}. Check the time and write the offset of ${time.timeZone} on that day (${offsetText(zoneMinutes)}), or no offset`;
}

/**
 * Clock times a text mentions (`18h`, `18:00`, `6 pm`, both ends of `18h-20h`), as `HH:MM`. Dotted
 * numbers (`10.50`) are prices or versions more often than times, so they are not read.
 */
export function clockTimesIn(text: string): Set<string> {
  const found = new Set<string>();
  const starts = /(?<![\w.:,])\d{1,2}(?=\s?(?:[:h]|[ap]\.?m\b))/giu;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const read = readClockRange(text.slice(m.index, m.index + 40));
    if (!read || /^\d{1,2}\s?\./.test(text.slice(m.index))) continue;
    const add = (t: ClockTime | null) => t && found.add(formatClock(t));
    add(read.range.start);
    add(read.range.end);
  }
  return found;
}
