/**
 * What the build remembers between runs so that calendars behave as a contract: SEQUENCE rises exactly
 * when an event's published fields change, and DTSTAMP/LAST-MODIFIED say when that was. With no state
 * (first build, lost state) every value is derived from the content alone, so output stays reproducible.
 */
import { createHash } from 'node:crypto';
import type { BuildState, CalEvent, EventMemory } from './model';

/** An empty state: what a first build, or a build whose state was lost, starts from. */
export const EMPTY_STATE: BuildState = { version: 1, events: {} };

/** Hash of an event's published fields (its rendered VEVENT content). */
export function fingerprintOf(content: string): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

/**
 * When an event seen for the first time "last changed": `lastmod`, else `publishDate`, else the page
 * date, else its start. Derived from content only, so a rebuild without state gives the same bytes.
 */
export function firstSeenAt(event: Pick<CalEvent, 'time' | 'lastmod' | 'publishDate' | 'pageDate'>): number {
  const start = event.time.kind === 'timed' ? event.time.start : Date.parse(`${event.time.startDate}T00:00:00Z`);
  return event.lastmod ?? event.publishDate ?? event.pageDate ?? start;
}

/**
 * The memory of an event after this build.
 * @param previous - what the last build remembered, if anything
 * @param now - the build clock (epoch ms): becomes the change time when the fingerprint changed
 */
export function remember(
  previous: EventMemory | undefined,
  fingerprint: string,
  event: Pick<CalEvent, 'time' | 'lastmod' | 'publishDate' | 'pageDate'>,
  now: number,
): EventMemory {
  if (!previous) return { fingerprint, sequence: 0, changedAt: floorToSecond(firstSeenAt(event)) };
  if (previous.fingerprint === fingerprint) return previous;
  // Clients ignore an update whose DTSTAMP does not move forward, so never go back in time.
  const changedAt = Math.max(floorToSecond(now), previous.changedAt + 1000);
  return { fingerprint, sequence: previous.sequence + 1, changedAt };
}

/** Reads a state document; anything unreadable counts as no state (the build then starts afresh). */
export function parseState(text: string | null): BuildState {
  if (!text) return EMPTY_STATE;
  try {
    const data = JSON.parse(text) as BuildState;
    if (data?.version !== 1 || typeof data.events !== 'object' || data.events === null) return EMPTY_STATE;
    const events: Record<string, EventMemory> = {};
    for (const [id, m] of Object.entries(data.events)) {
      if (m && typeof m.fingerprint === 'string' && Number.isInteger(m.sequence) && Number.isFinite(m.changedAt)) events[id] = m;
    }
    return { version: 1, events };
  } catch {
    return EMPTY_STATE;
  }
}

/** Serializes state with sorted keys, so unchanged state is byte-identical too. */
export function serializeState(state: BuildState): string {
  const events = Object.fromEntries(Object.keys(state.events).sort().map((id) => [id, state.events[id]]));
  return `${JSON.stringify({ version: 1, events })}\n`;
}

function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
