/**
 * A zone's rules over a span of years, from the runtime's ICU: the same source the core's instants
 * come from (`zoneOffset`), so a calendar's VTIMEZONE and its events can never disagree. Zones change
 * their rules (Brazil dropped summer time in 2019, Mexico in 2022, Kazakhstan unified in 2024): a
 * calendar of past events must carry the rules of the events' own years, not only today's.
 *
 * Transitions are found by probing the offset every week and bisecting each change to the second;
 * they are then described as RFC 5545 observances: a yearly rule (`RRULE`) where one repeats on the
 * same weekday of the same month for years, explicit dates (`RDATE`) where it does not.
 */
import { offsetAt } from './time';

/** A change of a zone's UTC offset, in minutes east of UTC (fractional for the last local mean times). */
export interface Transition {
  /** The instant of the change, epoch ms. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** One STANDARD or DAYLIGHT observance of a VTIMEZONE. */
export interface Observance {
  readonly kind: 'STANDARD' | 'DAYLIGHT';
  readonly from: number;
  readonly to: number;
  /** Its first onset: wall-clock fields in the `from` offset, `YYYYMMDDTHHMMSS`. */
  readonly start: string;
  /** A yearly rule: the month (1–12), the day (`2SU`, `-1SU`, or a day of the month), and the last onset (UTC stamp) or null when it goes on. */
  readonly yearly?: { readonly month: number; readonly day: string; readonly until: string | null };
  /** Other onsets of the same observance (wall-clock fields in the `from` offset). */
  readonly dates?: readonly string[];
}

const DAY = 86_400_000;
const STEP = 7 * DAY;
const cache = new Map<string, Observance[]>();

function offsetIn(zone: string): (at: number) => number {
  return (at) => offsetAt(zone, at);
}

/**
 * The zone's offset changes between two instants. Probed weekly: two changes less than a week apart
 * that cancel out would be missed; no zone has had such a pair since 1970 (the tests check every
 * zone against the core's offsets, at every transition and mid-season).
 */
export function zoneTransitions(zone: string, from: number, to: number): Transition[] {
  const offset = offsetIn(zone);
  const out: Transition[] = [];
  let t = from;
  let current = offset(t);
  while (t < to) {
    const next = Math.min(t + STEP, to);
    const there = offset(next);
    if (there === current) {
      t = next;
      continue;
    }
    let lo = t;
    let hi = next;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (offset(mid) === current) lo = mid;
      else hi = mid;
    }
    const after = offset(hi);
    out.push({ at: hi, from: current, to: after });
    t = hi;
    current = after;
  }
  return out;
}

/**
 * The observances that give the zone's offset at every instant of the years `fromYear`–`toYear`
 * (UTC years, inclusive), in the order of their first onset: the one in force on 1 January of
 * `fromYear` first. A yearly rule still in force after `toYear` is left open.
 */
export function observances(zone: string, fromYear: number, toYear: number): Observance[] {
  const key = `${zone}|${fromYear}|${toYear}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = describe(zone, fromYear, toYear)));
  return found;
}

type Onset = Transition & { readonly kind: Observance['kind']; readonly local: Date; readonly year: number };

function describe(zone: string, fromYear: number, toYear: number): Observance[] {
  const offset = offsetIn(zone);
  // From midnight on 1 January, local time (a client reads a time before the first onset with its offset).
  const start = Date.UTC(fromYear, 0, 1) - offset(Date.UTC(fromYear, 0, 1)) * 60_000;
  // A year more than the span: a rule that goes on after it is left open, one that stopped gets its end.
  const all = zoneTransitions(zone, start, Date.UTC(toYear + 2, 0, 1));
  const initial = offset(start);
  const onsets: Onset[] = all.map((t, i) => {
    const local = new Date(t.at + t.from * 60_000);
    // Daylight time: a step forward that a later step back undoes within the year.
    const back = all.slice(i + 1).find((u) => u.at - t.at < 366 * DAY && u.to < t.to);
    return {
      ...t,
      kind: t.to > t.from && back && back.from === t.to ? 'DAYLIGHT' : 'STANDARD',
      local,
      year: local.getUTCFullYear(),
    };
  });
  const first = onsets[0];
  const base: Observance = {
    kind: first && first.kind === 'STANDARD' && first.from > first.to ? 'DAYLIGHT' : 'STANDARD',
    from: initial,
    to: initial,
    start: stamp(new Date(start + initial * 60_000)),
  };
  return [
    base,
    ...runs(
      onsets.filter((o) => o.year <= toYear + 1),
      toYear,
    ),
  ];
}

/**
 * Groups onsets into yearly rules: the same kind, offsets, month and time of day in consecutive years,
 * on a day that one `BYDAY` or `BYMONTHDAY` names every year. Onsets that fit no rule of two or more
 * years are listed as dates of one observance per kind and offsets.
 */
function runs(onsets: readonly Onset[], toYear: number): Observance[] {
  const groups = new Map<string, Onset[]>();
  for (const o of onsets) {
    const key = `${o.kind}|${o.from}|${o.to}|${o.local.getUTCMonth()}|${o.local.toISOString().slice(11, 19)}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const yearly: Array<{ onsets: Onset[]; day: string }> = [];
  const single: Onset[] = [];
  for (const group of groups.values()) {
    let run: Onset[] = [];
    let days: string[] = [];
    const close = () => {
      if (run.length >= 2) yearly.push({ onsets: run, day: days[0] });
      else single.push(...run);
    };
    for (const o of group) {
      const common =
        run.length && o.year === run[run.length - 1].year + 1 ? days.filter((d) => dayRules(o.local).includes(d)) : [];
      if (common.length) {
        run.push(o);
        days = common;
      } else {
        close();
        run = [o];
        days = dayRules(o.local);
      }
    }
    close();
  }
  const out: Array<Observance & { readonly first: number }> = yearly.map(({ onsets: r, day }) => {
    // Open when the rule is still followed after the span (an onset in the extra year scanned), else it ends with its last onset.
    const open = r[r.length - 1].year > toYear;
    const last = open ? r[r.length - 2] : r[r.length - 1];
    return {
      kind: r[0].kind,
      from: r[0].from,
      to: r[0].to,
      start: stamp(r[0].local),
      yearly: { month: r[0].local.getUTCMonth() + 1, day, until: open ? null : utc(last.at) },
      first: r[0].at,
    };
  });
  const byOffsets = new Map<string, Onset[]>();
  for (const o of single.filter((s) => s.year <= toYear))
    byOffsets.set(`${o.kind}|${o.from}|${o.to}`, [...(byOffsets.get(`${o.kind}|${o.from}|${o.to}`) ?? []), o]);
  for (const list of byOffsets.values()) {
    const [head, ...rest] = list.sort((a, b) => a.at - b.at);
    out.push({
      kind: head.kind,
      from: head.from,
      to: head.to,
      start: stamp(head.local),
      ...(rest.length ? { dates: rest.map((o) => stamp(o.local)) } : {}),
      first: head.at,
    });
  }
  return out.sort((a, b) => a.first - b.first).map(({ first: _first, ...o }) => o);
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The ways a date can be named in a yearly rule: its weekday's rank in the month, last, or its day. */
function dayRules(local: Date): string[] {
  const day = local.getUTCDate();
  const weekday = WEEKDAYS[local.getUTCDay()];
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  return [...(day + 7 > daysInMonth ? [`-1${weekday}`] : []), `${Math.ceil(day / 7)}${weekday}`, String(day)];
}

/** Wall-clock fields, `YYYYMMDDTHHMMSS` (the local date encoded as UTC). */
function stamp(local: Date): string {
  return local.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** A UTC date-time, `YYYYMMDDTHHMMSSZ`. */
function utc(at: number): string {
  return `${stamp(new Date(at))}Z`;
}
