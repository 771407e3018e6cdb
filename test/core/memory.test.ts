/**
 * The memory, the calendar's contract between builds: SEQUENCE rises exactly when an event changes,
 * DTSTAMP says when and never goes back, broken pages keep their last good text, and what is saved
 * reads back whole (and nothing malformed is read as a memory).
 */
import {
  EMPTY_MEMORY,
  firstSeenAt,
  fingerprintOf,
  lastGoodAfter,
  memoryChunks,
  memoryFrom,
  publishedAt,
  readMemory,
  remember,
  serializeMemory,
} from '../../lambda/core/memory';
import type { EventTime, Memory } from '../../lambda/core/model';
import { parseMemory } from '../helpers';

const time: EventTime = {
  kind: 'timed',
  start: Date.parse('2027-01-10T18:00:00Z'),
  end: null,
  timeZone: 'Europe/Paris',
  writtenOffset: null,
};
const dated = (
  over: Partial<{ lastmod: number | null; publishDate: number | null; pageDate: number | null }> = {},
) => ({ time, lastmod: null, publishDate: null, pageDate: null, ...over });
const T = (iso: string) => Date.parse(iso);

describe('remember', () => {
  it('starts an event at SEQUENCE 0, changed when its content says (lastmod, publishDate, page date, start), to the second', () => {
    expect(
      remember(
        undefined,
        'f',
        dated({ lastmod: T('2026-05-01T10:00:00.900Z'), publishDate: T('2026-04-01T00:00:00Z') }),
        T('2026-11-29T12:00:00Z'),
      ),
    ).toEqual({ fingerprint: 'f', sequence: 0, changedAt: T('2026-05-01T10:00:00Z') });
    expect(firstSeenAt(dated({ publishDate: T('2026-04-01T00:00:00Z'), pageDate: T('2026-03-01T00:00:00Z') }))).toBe(
      T('2026-04-01T00:00:00Z'),
    );
    expect(firstSeenAt(dated({ pageDate: T('2026-03-01T00:00:00Z') }))).toBe(T('2026-03-01T00:00:00Z'));
    expect(firstSeenAt(dated())).toBe(time.start);
    expect(
      firstSeenAt({
        ...dated(),
        time: { kind: 'allDay', startDate: '2027-03-22', endDate: '2027-03-24', timeZone: 'Europe/Paris' },
      }),
    ).toBe(T('2027-03-22T00:00:00Z'));
  });

  it('keeps an unchanged event as it was, whatever the clock', () => {
    const previous = { fingerprint: 'f', sequence: 3, changedAt: T('2026-05-01T10:00:00Z') };
    expect(remember(previous, 'f', dated(), T('2030-01-01T00:00:00Z'))).toBe(previous);
  });

  it('raises SEQUENCE by one when the fingerprint changes, changed at the build clock (to the second)', () => {
    const previous = { fingerprint: 'f', sequence: 3, changedAt: T('2026-05-01T10:00:00Z') };
    expect(remember(previous, 'g', dated(), T('2026-11-29T12:00:00.750Z'))).toEqual({
      fingerprint: 'g',
      sequence: 4,
      changedAt: T('2026-11-29T12:00:00Z'),
    });
  });

  it('never moves DTSTAMP back: a build clock behind the memory gives one second after the last change', () => {
    const previous = { fingerprint: 'f', sequence: 3, changedAt: T('2026-11-29T12:00:00Z') };
    expect(remember(previous, 'g', dated(), T('2026-11-01T00:00:00Z')).changedAt).toBe(T('2026-11-29T12:00:01Z'));
    expect(remember(previous, 'g', dated(), T('2026-11-29T12:00:00Z')).changedAt).toBe(T('2026-11-29T12:00:01Z'));
    expect(remember(previous, 'g', dated(), T('2026-11-29T12:00:05Z')).changedAt).toBe(T('2026-11-29T12:00:05Z'));
  });
});

describe('publishedAt', () => {
  it('is publishDate, else when the event was first seen', () => {
    expect(publishedAt(dated({ publishDate: T('2026-04-01T00:00:00Z'), lastmod: T('2026-05-01T00:00:00Z') }))).toBe(
      T('2026-04-01T00:00:00Z'),
    );
    expect(publishedAt(dated({ lastmod: T('2026-05-01T00:00:00Z') }))).toBe(T('2026-05-01T00:00:00Z'));
  });
});

describe('lastGoodAfter', () => {
  it('is the text of a page that made an event, else the one remembered', () => {
    expect(lastGoodAfter('old', 'new', true)).toBe('new');
    expect(lastGoodAfter('old', 'new', false)).toBe('old');
    expect(lastGoodAfter(undefined, 'new', false)).toBeUndefined();
  });

  it('keeps the remembered text of a page whose outcome came from the store (its text not read)', () => {
    expect(lastGoodAfter('remembered', undefined, true)).toBe('remembered');
  });
});

describe('saving and reading a memory', () => {
  const memory: Memory = {
    version: 2,
    events: {
      'event/b': { fingerprint: 'fb', sequence: 2, changedAt: T('2026-05-01T10:00:00Z') },
      'event/a': { fingerprint: 'fa', sequence: 0, changedAt: T('2026-04-01T10:00:00Z') },
      'fr/event/c': { fingerprint: 'fc', sequence: 7, changedAt: T('2026-06-01T10:00:00Z') },
    },
    lastGood: {
      'event/b/index.md': '---\ntitle: "B, with \\"quotes\\""\n---\nBody\n',
      'event/a/index.md': '---\ntitle: A\n---\n',
    },
    lastGoodConfig: 'title: T\ntimeZone: Europe/Paris\n',
  };

  it('reads back every entry, and the last good config, as saved', () => {
    const text = serializeMemory(memory);
    expect(readMemory(text)).toEqual({ memory, status: 'ok' });
    expect(parseMemory(text)).toEqual(memory);
    expect(readMemory(serializeMemory({ ...memory, lastGoodConfig: null })).memory.lastGoodConfig).toBeNull();
    expect(readMemory(serializeMemory({ ...memory, lastGoodConfig: undefined })).memory).not.toHaveProperty(
      'lastGoodConfig',
    );
  });

  it('writes the same bytes for the same memory, keys sorted, in pieces that join to the whole', () => {
    const reordered: Memory = { ...memory, events: Object.fromEntries(Object.entries(memory.events).reverse()) };
    expect(serializeMemory(reordered)).toBe(serializeMemory(memory));
    expect(serializeMemory(memory)).toBe([...memoryChunks(memory)].join(''));
    expect(serializeMemory(memory).indexOf('"event/a"')).toBeLessThan(serializeMemory(memory).indexOf('"event/b"'));
    expect(serializeMemory(EMPTY_MEMORY)).toBe('{"version":2,"events":{},"lastGood":{}}\n');
  });

  it('says a missing memory is missing and an unreadable one is unreadable, both empty', () => {
    expect(readMemory(null)).toEqual({ memory: EMPTY_MEMORY, status: 'missing' });
    expect(readMemory('')).toEqual({ memory: EMPTY_MEMORY, status: 'missing' });
    for (const bad of [
      '{"version": 2, "events": ',
      '[]',
      '{"version": 3, "events": {}}',
      '{"version": "2", "events": {}}',
      '{"version": 2}',
      '{"version": 2, "events": null}',
      '{"version": 2, "events": []}',
      '{"version": 2, "events": "x"}',
      'null',
      '"text"',
      '2',
    ]) {
      expect([bad, readMemory(bad)]).toEqual([bad, { memory: EMPTY_MEMORY, status: 'unreadable' }]);
    }
  });

  it('reads a version-1 memory (no last good texts), keeping its SEQUENCE numbers', () => {
    expect(readMemory('{"version":1,"events":{"event/a":{"fingerprint":"f","sequence":4,"changedAt":1}}}')).toEqual({
      memory: { version: 2, events: { 'event/a': { fingerprint: 'f', sequence: 4, changedAt: 1 } }, lastGood: {} },
      status: 'ok',
    });
  });

  it('drops each malformed entry, never reading a wrong type as a value', () => {
    const read = memoryFrom({
      version: 2,
      events: {
        good: { fingerprint: 'f', sequence: 1, changedAt: 5 },
        textSequence: { fingerprint: 'f', sequence: '3', changedAt: 5 },
        fractional: { fingerprint: 'f', sequence: 1.5, changedAt: 5 },
        noFingerprint: { sequence: 1, changedAt: 5 },
        numberFingerprint: { fingerprint: 7, sequence: 1, changedAt: 5 },
        badTime: { fingerprint: 'f', sequence: 1, changedAt: 'yesterday' },
        infinite: { fingerprint: 'f', sequence: 1, changedAt: Infinity },
        missing: null,
      },
      lastGood: { 'a.md': 'text', 'b.md': 42, 'c.md': null },
      lastGoodConfig: 42,
    });
    expect(memoryFrom({ version: 2, events: {}, lastGood: 'not a map' })).toEqual({
      version: 2,
      events: {},
      lastGood: {},
    });
    expect(read).toEqual({
      version: 2,
      events: { good: { fingerprint: 'f', sequence: 1, changedAt: 5 } },
      lastGood: { 'a.md': 'text' },
    });
    expect(memoryFrom({ version: 2, events: {}, lastGood: {}, lastGoodConfig: null })).toEqual({
      version: 2,
      events: {},
      lastGood: {},
      lastGoodConfig: null,
    });
    expect(memoryFrom(undefined)).toEqual(EMPTY_MEMORY);
  });
});

describe('fingerprintOf', () => {
  it('is a short, stable hash of the published fields', () => {
    expect(fingerprintOf('abc')).toBe(fingerprintOf('abc'));
    expect(fingerprintOf('abc')).not.toBe(fingerprintOf('abd'));
    expect(fingerprintOf('abc')).toMatch(/^[\w-]{22}$/);
  });
});
