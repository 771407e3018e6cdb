/**
 * The published model: what a build publishes, as every renderer sees it. A page's outcome gives an
 * event's header (its fields, sessions and words) and its rendered pieces; the build gives each its
 * memory and makes the site (configuration, URLs, tags, clock) once (site.ts). Types only, in one
 * module that imports nothing but the model's types, so the formats, the site and
 * the build all point down to it.
 */
import type { CalEvent, EventMemory, Session, SiteConfig } from './model';

/**
 * What the build needs of an event once its pieces are rendered: everything but the Markdown texts
 * (which are large, and already rendered into the pieces).
 */
export type EventHeader = Omit<CalEvent, 'body' | 'abstract' | 'summary'> & {
  /** Summary (or abstract) as plain text. */
  readonly summaryText: string | null;
  /** Venue and address on one line. */
  readonly locationText: string | null;
  readonly sessions: readonly Session[];
  /** When, in words, in the site's language and zone ('' when no output shows it). */
  readonly when: string;
};

/** The rendered pieces of one event. */
export interface EventPieces {
  readonly ics: VeventPiece;
  /** The abstract (or summary) as sanitized HTML with absolute URLs ('' when no output shows HTML). */
  readonly leadHtml: string;
  /** The body as sanitized HTML with absolute URLs ('' when no output shows HTML). */
  readonly bodyHtml: string;
  /** Hash of the published fields: SEQUENCE rises when it changes. */
  readonly fingerprint: string;
  /**
   * For a page whose text is huge (over `HUGE_TEXT_BYTES`): what the site calendar, tag calendars and
   * feeds carry instead, its text shortened with a pointer to the event's page. Its own page and
   * `.ics` carry it whole.
   */
  readonly aggregate?: Pick<EventPieces, 'ics' | 'leadHtml' | 'bodyHtml'>;
}

/** A rendered VEVENT and the time zone it refers to (null when it needs no VTIMEZONE). */
export interface VeventPiece {
  readonly id: string;
  /** Sort key: start instant (all-day: midnight UTC of the start date). */
  readonly sortKey: number;
  readonly timeZone: string | null;
  /** The lines that carry the event's published fields (the fingerprint is taken over these). */
  readonly content: string;
}

/** A feed entry. */
export interface FeedItem {
  readonly uid: string;
  readonly url: string;
  readonly title: string;
  /** Plain text: the date, the place, the summary. */
  readonly summary: string;
  readonly html: string;
  /** When the item was published (epoch ms). */
  readonly published: number;
  /** When the event last changed (epoch ms). */
  readonly updated: number;
  readonly tags: readonly string[];
}

/** An event this build publishes, before the site around it exists. */
export interface Publishing {
  readonly event: EventHeader;
  readonly pieces: EventPieces;
  readonly memory: EventMemory;
}

/** A published event. */
export interface PublishedEvent {
  readonly event: EventHeader;
  readonly pieces: EventPieces;
  readonly memory: EventMemory;
  /** Its feed entry (its HTML is made when first read, then kept for the other feeds). */
  readonly item: FeedItem;
}

/** One tag and the events that carry it. */
export interface TagGroup {
  readonly slug: string;
  /** The most frequent spelling (ties: the first in alphabetical order). */
  readonly name: string;
  /** Identities of the events, in calendar order (as `Site.events`). */
  readonly ids: readonly string[];
}

/** URLs of the top-level outputs. */
export interface SiteUrls {
  readonly site: string;
  readonly calendar: string;
  readonly webcal: string;
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
  readonly schedule: string;
  readonly schema: string;
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
