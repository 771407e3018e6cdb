/**
 * Which valid events appear now: drafts, pages whose `publishDate` is still ahead and pages whose
 * `expiryDate` has passed are left out, as Hugo leaves them out. Decided against an injected clock.
 */
import type { CalEvent } from './model';

/** The fields selection looks at. */
export type Selectable = Pick<CalEvent, 'draft' | 'publishDate' | 'expiryDate'>;

/** Why a valid event is not published at `now`. */
export type SkipReason = 'draft' | 'scheduled' | 'expired';

/** The reason `event` is left out at `now` (epoch ms), or null when it is published. */
export function skipReason(event: Selectable, now: number): SkipReason | null {
  if (event.draft) return 'draft';
  if (event.publishDate !== null && event.publishDate > now) return 'scheduled';
  if (event.expiryDate !== null && event.expiryDate <= now) return 'expired';
  return null;
}
