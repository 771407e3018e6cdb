import type { EventHeader, PublishedEvent, Site } from '../../lambda/core/published';
import { calendarOrder, isUpcoming, splitByTime, tagEvents } from '../../lambda/core/published-events';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');
const timed = (id: string, start: number, end: number | null = null) =>
  ({ id, time: { kind: 'timed', start, end, timeZone: 'UTC' } }) as unknown as EventHeader;
const allDay = (id: string, startDate: string, endDate = startDate) =>
  ({ id, time: { kind: 'allDay', startDate, endDate, timeZone: 'UTC' } }) as unknown as EventHeader;
const published = (event: EventHeader, sortKey: number) =>
  ({ event, pieces: { ics: { sortKey } } }) as unknown as PublishedEvent;
/** Every order of a list (ties must be broken the same way from each). */
const permutations = <T>(list: readonly T[]): T[][] =>
  list.length <= 1
    ? [[...list]]
    : list.flatMap((x, i) => permutations(list.filter((_, j) => j !== i)).map((p) => [x, ...p]));

describe('isUpcoming', () => {
  it('is true until the event ends (one under way is still to come), by its start when it has no end', () => {
    expect(isUpcoming(timed('a', NOW - HOUR, NOW + HOUR), NOW)).toBe(true);
    expect(isUpcoming(timed('a', NOW - 2 * HOUR, NOW), NOW)).toBe(true);
    expect(isUpcoming(timed('a', NOW - 2 * HOUR, NOW - 1), NOW)).toBe(false);
    expect(isUpcoming(timed('a', NOW), NOW)).toBe(true);
    expect(isUpcoming(timed('a', NOW - 1), NOW)).toBe(false);
  });
  it('keeps an all-day event to come through its last day (UTC)', () => {
    expect(isUpcoming(allDay('a', '2026-11-28', '2026-11-29'), NOW)).toBe(true);
    expect(isUpcoming(allDay('a', '2026-11-28'), NOW)).toBe(false);
  });
});

describe('splitByTime', () => {
  it('gives upcoming events soonest first and past ones latest first, ties by identity', () => {
    const events = [
      timed('p-b', NOW - 5 * HOUR, NOW - 4 * HOUR),
      timed('u-late', NOW + 5 * HOUR),
      timed('p-a', NOW - 5 * HOUR, NOW - 4 * HOUR),
      timed('p-recent', NOW - 2 * HOUR, NOW - HOUR),
      timed('u-b', NOW + HOUR),
      timed('u-a', NOW + HOUR),
      timed('now', NOW - HOUR, NOW + HOUR),
    ];
    const { upcoming, past } = splitByTime(events, NOW);
    expect(upcoming.map((e) => e.id)).toEqual(['now', 'u-a', 'u-b', 'u-late']);
    expect(past.map((e) => e.id)).toEqual(['p-recent', 'p-a', 'p-b']);
    expect(splitByTime([], NOW)).toEqual({ upcoming: [], past: [] });
  });

  it('breaks ties by identity from every input order', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const tied = [...ids.map((id) => timed(`u-${id}`, NOW + HOUR)), ...ids.map((id) => timed(`p-${id}`, NOW - HOUR))];
    for (const order of permutations([0, 1, 2, 3])) {
      const events = [...order.map((i) => tied[i]), ...order.map((i) => tied[4 + i])];
      const { upcoming, past } = splitByTime(events, NOW);
      expect(upcoming.map((e) => e.id)).toEqual(['u-a', 'u-b', 'u-c', 'u-d']);
      expect(past.map((e) => e.id)).toEqual(['p-a', 'p-b', 'p-c', 'p-d']);
    }
  });
});

describe('calendarOrder', () => {
  it('orders by start, then identity, whatever the input order', () => {
    const events = [
      published(timed('b', NOW), NOW),
      published(timed('c', NOW - HOUR), NOW - HOUR),
      published(timed('a', NOW), NOW),
    ];
    expect([...events].sort(calendarOrder).map((e) => e.event.id)).toEqual(['c', 'a', 'b']);
    expect(
      [...events]
        .reverse()
        .sort(calendarOrder)
        .map((e) => e.event.id),
    ).toEqual(['c', 'a', 'b']);
    expect(calendarOrder(events[0], events[0])).toBe(0);
  });

  it('breaks ties by identity from every input order', () => {
    const tied = ['a', 'b', 'c', 'd'].map((id) => published(timed(id, NOW), NOW));
    for (const order of permutations(tied))
      expect(order.sort(calendarOrder).map((e) => e.event.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(calendarOrder(tied[1], tied[0])).toBe(1);
    expect(calendarOrder(tied[0], tied[1])).toBe(-1);
  });
});

describe('tagEvents', () => {
  const a = published(timed('a', NOW), NOW);
  const b = published(timed('b', NOW + HOUR), NOW + HOUR);
  const site = {
    byId: new Map([
      ['a', a],
      ['b', b],
    ]),
  } as unknown as Site;
  it("gives a tag's events in the order of its ids (the site's)", () => {
    expect(tagEvents(site, { slug: 't', name: 'T', ids: ['a', 'b'] })).toEqual([a, b]);
  });
  it('fails loudly on an identity the site does not publish (a defect, not content)', () => {
    expect(() => tagEvents(site, { slug: 't', name: 'T', ids: ['a', 'x'] })).toThrow(/the tag t lists x/);
  });
});
