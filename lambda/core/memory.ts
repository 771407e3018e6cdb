/**
 * What the build remembers between runs so that calendars behave as a contract: SEQUENCE rises exactly
 * when an event's published fields change, DTSTAMP/LAST-MODIFIED say when that was, and a page that
 * was published and then breaks stays published from its last good text. Decided here, once per
 * event per build. With no memory (first build, lost memory) every value is derived from the content
 * alone, so output stays reproducible.
 */
import { createHash } from 'node:crypto';
import type { CalEvent, EventMemory, Memory } from './model';
import { startInstant } from './read/time';

/** An empty memory: what a first build, or a build whose memory was lost, starts from. */
export const EMPTY_MEMORY: Memory = { version: 2, events: {}, lastGood: {} };

/** Hash of an event's published fields. */
export function fingerprintOf(content: string): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

type Dated = Pick<CalEvent, 'time' | 'lastmod' | 'publishDate' | 'pageDate'>;

/**
 * When an event seen for the first time "last changed": `lastmod`, else `publishDate`, else the page
 * date, else its start. Derived from content only, so a rebuild without memory gives the same bytes.
 */
export function firstSeenAt(event: Dated): number {
  return event.lastmod ?? event.publishDate ?? event.pageDate ?? startInstant(event.time);
}

/** When an event was published (feeds' publication date): its `publishDate`, else when first seen. */
export function publishedAt(event: Dated): number {
  return event.publishDate ?? firstSeenAt(event);
}

/**
 * The memory of an event after this build.
 * @param previous - what the last build remembered, if anything
 * @param now - the build clock (epoch ms): becomes the change time when the fingerprint changed
 */
export function remember(
  previous: EventMemory | undefined,
  fingerprint: string,
  event: Dated,
  now: number,
): EventMemory {
  if (!previous) return { fingerprint, sequence: 0, changedAt: floorToSecond(firstSeenAt(event)) };
  if (previous.fingerprint === fingerprint) return previous;
  // Clients ignore an update whose DTSTAMP does not move forward, so never go back in time.
  const changedAt = Math.max(floorToSecond(now), previous.changedAt + 1000);
  return { fingerprint, sequence: previous.sequence + 1, changedAt };
}

/**
 * The last good text of a page after this build: its text when it made an event (`good`), else the
 * one remembered. `text` is undefined when the adapter did not read the page (its outcome was cached
 * for the same bytes), so the remembered text is already this one.
 */
export function lastGoodAfter(
  remembered: string | undefined,
  text: string | undefined,
  good: boolean,
): string | undefined {
  return good && text !== undefined ? text : remembered;
}

/** A memory from its saved text, and whether there was one and it could be read (`unreadable`: a memory lost). */
export function readMemory(text: string | null): { memory: Memory; status: 'ok' | 'missing' | 'unreadable' } {
  if (!text) return { memory: EMPTY_MEMORY, status: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { memory: EMPTY_MEMORY, status: 'unreadable' };
  }
  const memory = validMemory(json);
  return memory ? { memory, status: 'ok' } : { memory: EMPTY_MEMORY, status: 'unreadable' };
}

/** A memory from its parsed JSON (checked field by field); anything else counts as no memory. */
export function memoryFrom(json: unknown): Memory {
  return validMemory(json) ?? EMPTY_MEMORY;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The memory in parsed JSON, each malformed entry dropped, or null when it is no memory at all. */
function validMemory(json: unknown): Memory | null {
  // Version 1 (before pages' last good texts were remembered) is read too: its events keep their SEQUENCE.
  if (!isRecord(json) || (json.version !== 1 && json.version !== 2) || !isRecord(json.events)) return null;
  const events: Record<string, EventMemory> = {};
  for (const [id, m] of Object.entries(json.events)) {
    if (
      isRecord(m) &&
      typeof m.fingerprint === 'string' &&
      Number.isInteger(m.sequence) &&
      Number.isFinite(m.changedAt)
    )
      events[id] = m as unknown as EventMemory;
  }
  const lastGood: Record<string, string> = {};
  for (const [path, t] of Object.entries(isRecord(json.lastGood) ? json.lastGood : {}))
    if (typeof t === 'string') lastGood[path] = t;
  const config = json.lastGoodConfig;
  return {
    version: 2,
    events,
    lastGood,
    ...(typeof config === 'string' || config === null ? { lastGoodConfig: config } : {}),
  };
}

/** Serializes a memory with sorted keys, so an unchanged memory is byte-identical too. */
export function serializeMemory(memory: Memory): string {
  return [...memoryChunks(memory)].join('');
}

/** The text of `serializeMemory` in pieces, an entry at a time (a large site's memory holds every page's text). */
export function* memoryChunks(memory: Memory): Generator<string> {
  yield '{"version":2,"events":{';
  yield* entries(memory.events);
  yield '},"lastGood":{';
  yield* entries(memory.lastGood);
  yield memory.lastGoodConfig === undefined ? '}}\n' : `},"lastGoodConfig":${JSON.stringify(memory.lastGoodConfig)}}\n`;
}

/** `"key":value` of a record, by sorted key, comma-separated, one at a time. */
function* entries(record: Readonly<Record<string, unknown>>): Generator<string> {
  for (const [i, key] of Object.keys(record).sort().entries())
    yield `${i ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(record[key])}`;
}

function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
