/**
 * Event dates as people read them, in the site's language and time zone ("Monday 5 December 2022,
 * 14:00 – 18:00"), for feed titles and summaries. Intl (ICU) does the wording, so the same Node
 * version always gives the same bytes.
 */
import type { EventTime } from '../model';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'full', timeStyle: 'short', timeZone }
      : { dateStyle: 'full', timeZone };
    try {
      f = new Intl.DateTimeFormat(language, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * When an event happens, in words, in `language`, shown in the event's own zone (its venue's: people
 * there read the clock), the zone named after the time.
 */
export function humanWhen(time: EventTime, language: string): string {
  if (time.kind === 'allDay') {
    const f = formatter(language, 'UTC', false);
    const start = new Date(`${time.startDate}T12:00:00Z`);
    // One day: ICU's range of a day and itself is that day; `format` is the cheaper call.
    if (time.endDate === time.startDate) return plainSpaces(f.format(start));
    return plainSpaces(f.formatRange(start, new Date(`${time.endDate}T12:00:00Z`)));
  }
  const f = formatter(language, time.timeZone, true);
  const text = time.end === null ? f.format(time.start) : f.formatRange(time.start, time.end);
  return `${plainSpaces(text)} (${time.timeZone})`;
}

/** ICU puts thin and narrow no-break spaces around range dashes; plain spaces read the same everywhere. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}
