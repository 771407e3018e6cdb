/**
 * The days a page's text names (`le 5 décembre`, `March 4`, `4 mars 2027`, `2027-03-04`, `04/03/2027`),
 * to catch an end date whose month or year is a typo: an event that lasts five weeks while its text
 * speaks of one day. Month names come from ICU, in the languages calpub has labels for.
 */
import type { EventTime } from '../model';

const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it'];

let monthIndex: Map<string, number> | null = null;

/** Month names and their short forms in each language, lower case without accents, → 1..12. */
function months(): Map<string, number> {
  if (monthIndex) return monthIndex;
  const index = new Map<string, number>();
  for (const language of LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(language, { month: style, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const name = plain(format.format(Date.UTC(2001, m, 15))).replace(/\.$/, '');
        if (!index.has(name)) index.set(name, m + 1);
      }
    }
  }
  return (monthIndex = index);
}

function plain(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const DAY_MONTH = /(?<![\p{L}\d])(\d{1,2})(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?(\p{L}{3,})\.?/gu;
const MONTH_DAY = /(?<![\p{L}\d])(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:h])/gu;
const ISO = /(?<!\d)\d{4}-(\d{2})-(\d{2})(?!\d)/g;
const NUMERIC = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/.])/g;

/** Every day a text names, as `MM-DD`. */
function namedDays(text: string): Set<string> {
  const found = new Set<string>();
  const add = (month: number, day: number) =>
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    found.add(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const lower = plain(text);
  const names = months();
  // A word that names no month is month 0, which `add` leaves out.
  for (const m of lower.matchAll(DAY_MONTH)) add(names.get(m[2]) ?? 0, +m[1]);
  for (const m of lower.matchAll(MONTH_DAY)) add(names.get(m[1]) ?? 0, +m[2]);
  for (const m of lower.matchAll(ISO)) add(+m[1], +m[2]);
  for (const m of lower.matchAll(NUMERIC)) add(+m[2], +m[1]); // day first, as most of the world writes it
  return found;
}

/** Longer than this, an event whose text names one day only is more likely a typo in its end. */
const LONG_DAYS = 14;

/**
 * The warning for an event that lasts weeks while its text names a single day (its first, or another
 * one), or null. Multi-week events (exhibitions, courses) whose text names several days are left alone.
 */
export function oneDayNamed(time: EventTime, texts: readonly string[], endField: string): string | null {
  const [first, last] =
    time.kind === 'allDay'
      ? [time.startDate, time.endDate]
      : time.end === null
        ? [null, null]
        : [new Date(time.start).toISOString().slice(0, 10), new Date(time.end).toISOString().slice(0, 10)];
  if (!first || !last) return null;
  const days = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1;
  if (days <= LONG_DAYS) return null;
  const named = namedDays(texts.join('\n'));
  if (named.size !== 1) return null;
  const [day] = [...named];
  const shown = new Intl.DateTimeFormat('en', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(2001, +day.slice(0, 2) - 1, +day.slice(3)),
  );
  return `\`${endField}\` makes the event last ${days} days (until ${last}), but its text names one day only (${shown}): if the end has a wrong month or year, fix it`;
}
