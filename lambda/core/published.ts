/**
 * What a build publishes, as every renderer sees it: the site (configuration, URLs, tags, clock) and
 * its published events, each with its pieces and the memory this build gave it. One representation
 * per event, made once per build (site.ts), pointed to by every format.
 */
import type { EventMemory, SiteConfig } from './model';
import type { EventHeader, EventPieces } from './page';
import type { FeedItem } from './formats/feed-item';
import type { TagGroup } from './tags';
import type { SiteUrls } from './urls';

/** A published event. */
export interface PublishedEvent {
  readonly event: EventHeader;
  readonly pieces: EventPieces;
  readonly memory: EventMemory;
  /** Its feed entry (its HTML is made when first read, then kept for the other feeds). */
  readonly item: FeedItem;
}

/** The site being built. */
export interface Site {
  readonly config: SiteConfig;
  readonly urls: SiteUrls;
  /** In calendar order: by start, then identity. */
  readonly events: readonly PublishedEvent[];
  readonly byId: ReadonlyMap<string, PublishedEvent>;
  readonly tags: readonly TagGroup[];
  /** The build clock: pages split upcoming and past events with it. */
  readonly now: number;
  /** On the root site of a build, every language's sitemap URL (for robots.txt); absent elsewhere. */
  readonly sitemaps?: readonly string[];
}
