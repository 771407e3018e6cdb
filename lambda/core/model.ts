/**
 * The types every core module shares. Readers, renderers, the build and the adapters all point down
 * to this module, which imports nothing, so no import cycle can form around it.
 */

/** One Markdown file as a content source hands it over. */
export interface SourceFile {
  /** Path relative to the content root, `/`-separated (e.g. `event/my-talk/index.md`). */
  readonly path: string;
  /** File contents as text. */
  readonly text: string;
  /** Set when the bytes were not UTF-8 and were read as Windows-1252 (`decodePage`). */
  readonly encoding?: 'windows-1252';
  /**
   * The page's language when its folder says it (a Hugo language's `contentDir`); its path then
   * starts with that language's folder (`fr/event/x.md`). Else the `.fr.md` suffix, or the site's.
   */
  readonly language?: string;
}

/** How bad a problem is: an `error` keeps the page out of the outputs, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** Something wrong with one input file, phrased so that an organiser can act on it. */
export interface Problem {
  /** Path relative to the content root, or `calpub.yaml` for a configuration problem. */
  readonly file: string;
  readonly severity: Severity;
  /** The front-matter key (or config key) at fault, when there is one. */
  readonly field: string | null;
  readonly message: string;
  /**
   * Set on a warning about a guess the site must confirm before it is published unattended (no time
   * zone found, no absolute base URL): `--strict` fails on it as on an error.
   */
  readonly strict?: true;
}

/** Front matter as written, before any validation: keys are the author's, values are untrusted. */
export type FrontMatter = Record<string, unknown>;

/** A page after the front matter was split from the body and parsed. */
export interface ParsedPage {
  readonly path: string;
  /** From the source file (`SourceFile.language`). */
  readonly language?: string;
  readonly format: 'yaml' | 'toml' | 'json';
  readonly data: FrontMatter;
  readonly body: string;
}

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * When an event happens, normalized, with the IANA zone of its venue (the zone it is read and shown in).
 * - `timed`: instants in epoch milliseconds.
 * - `allDay`: calendar dates; `endDate` is inclusive (the last day), as people read it.
 */
export type EventTime =
  | {
      readonly kind: 'timed';
      readonly start: number;
      /** Absent when the page gives no end (or a zero-length one): the event is a point in time. */
      readonly end: number | null;
      readonly timeZone: string;
      /**
       * Minutes east of UTC when the start was written with an explicit numeric offset (`+05:30`):
       * the organiser's wall clock, in which the body's agenda times are read. Null otherwise.
       */
      readonly writtenOffset: number | null;
      /** True when the start was written with `Z` and read as UTC (not as wall clock: `wallClockZ`). */
      readonly writtenUtc?: boolean;
    }
  | { readonly kind: 'allDay'; readonly startDate: IsoDate; readonly endDate: IsoDate; readonly timeZone: string };

/** Event status as RFC 5545 names it. */
export type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

/** A named link shown with the event (slides, video, code, pdf, custom `links`). */
export interface EventLink {
  readonly name: string;
  readonly url: string;
}

/** Structured postal address; every part optional. */
export interface Address {
  readonly street?: string;
  readonly city?: string;
  readonly region?: string;
  readonly postcode?: string;
  readonly country?: string;
}

/** One event, normalized: everything the renderers need and nothing they must re-validate. */
export interface CalEvent {
  /** Page identity, e.g. `event/my-talk` or `fr/event/my-talk`: gives the UID and the output paths. */
  readonly id: string;
  /** The source file, relative to the content root. */
  readonly file: string;
  readonly uid: string;
  readonly title: string;
  /** Name of the hosting series or conference (front matter `event`). */
  readonly series: string | null;
  readonly seriesUrl: string | null;
  readonly time: EventTime;
  readonly status: EventStatus;
  readonly location: string | null;
  readonly address: Address | null;
  readonly geo: { readonly lat: number; readonly lon: number } | null;
  /** Short text (front matter `summary`), Markdown. */
  readonly summary: string | null;
  /** Longer text (front matter `abstract`), Markdown. */
  readonly abstract: string | null;
  /** Page body, Markdown with Hugo shortcodes. */
  readonly body: string;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
  readonly authors: readonly string[];
  readonly links: readonly EventLink[];
  /** An image of the event at an absolute URL (`image`), for link previews and search engines. */
  readonly image?: string;
  /** Absolute URL of the event's own page (on this site, or under `permalinkBase`). */
  readonly url: string;
  /** When the page may appear (epoch ms), or null for "now". */
  readonly publishDate: number | null;
  readonly expiryDate: number | null;
  /** Front matter `lastmod` (epoch ms). */
  readonly lastmod: number | null;
  /** Page date used when nothing better says when the page was written (epoch ms). */
  readonly pageDate: number | null;
  /** The front-matter key the start was read from (`date`, `time_start`, `start_date`), for reports. */
  readonly startField: string;
  /** The key of the page date when it is not the start (`date` on legacy pages), for reports. */
  readonly pageDateField: string | null;
  readonly draft: boolean;
  /** Content language (from a `.fr.md` suffix or the site), BCP 47. */
  readonly language: string | null;
}

/** Validated site configuration (`calpub.yaml`), with defaults applied. */
export interface SiteConfig {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the published site, ending with `/`. */
  readonly siteUrl: string;
  readonly uidDomain: string;
  /**
   * The site's IANA zone: events are read and shown in it unless their page names another (`timezone`)
   * or its address is in another. Configured, or found from the pages (`siteZone`), else UTC.
   */
  readonly timeZone: string;
  readonly language: string;
  /**
   * Read `Z` front-matter times as the wall-clock time they show, in the event's zone, as Hugo sites
   * show them (`14:00:00Z` is "14:00"); false says the site's `Z` times really are UTC. Default true.
   */
  readonly wallClockZ: boolean;
  /** How often subscribers should poll, ISO 8601 duration (e.g. `PT1H`). */
  readonly refreshInterval: string;
  readonly color: string | null;
  /** Existing site whose event pages the outputs should link to, ending with `/`, or null. */
  readonly permalinkBase: string | null;
  /** Maximum number of items in feeds, or null for all. */
  readonly feedLimit: number | null;
  /** Which groups of outputs to publish (always `calendars`; `pages` needs `feeds` and `schedule`). */
  readonly outputs: readonly OutputGroup[];
  /** Content folders whose pages are events (`event`, `talk`...): pages elsewhere are not read. */
  readonly sections: readonly string[];
  /** Hugo's `permalinks` by section (`event: /events/:year/:slug/`), for links to the Hugo site's pages. */
  readonly permalinks: Readonly<Record<string, string>>;
  /**
   * Whether the site's pages exist before their date. Hugo builds no page dated in the future (its
   * `publishDate`, else its `date`) unless `buildFuture`; calpub's own pages always exist.
   */
  readonly buildFuture: boolean;
  /** A language's own title and description (`fr: {title: ...}`), as Hugo's `languages` gives them. */
  readonly languages: Readonly<Record<string, LanguageSettings>>;
  /**
   * Hugo's tag pages, when the linked site has them: the pattern of a tag's page (`/tags/:slug/`,
   * Hugo's `permalinks` for the taxonomy), or null when the site has no tag pages (taxonomy renamed
   * or disabled). Only read with `permalinkBase` and without calpub's own pages.
   */
  readonly tagPermalink: string | null;
  /** Hugo's `removePathAccents`: page paths lose their accents (`évènement` → `evenement`). */
  readonly removePathAccents: boolean;
  /** The keys the configuration sets, in the order written; every other key has its default or a found value. */
  readonly explicit: readonly string[];
}

/** What a language of a multilingual site says differently from the site. */
export interface LanguageSettings {
  readonly title?: string;
  readonly description?: string;
}

/**
 * Groups of outputs: `calendars` (calendar.ics, one per event, one per tag), `feeds` (RSS, Atom, JSON
 * Feed, one RSS per tag), `schedule` (schedule.json and its schema), `pages` (the HTML pages, the
 * sitemap), `widget` (the embeddable pages other sites show in an iframe).
 */
export type OutputGroup = 'calendars' | 'feeds' | 'schedule' | 'pages' | 'widget';

/** A file the build produces, relative to the output root. */
export interface OutputFile {
  readonly path: string;
  /** From the outputs table (outputs.ts). */
  readonly contentType: string;
  /**
   * The text, in the order written, made as it is read: an aggregate file is its items (an event's
   * VEVENT, a feed entry) one after the other, never one string (a feed of 10,000 events would be a
   * 100 MB string, slow to make and to encode, and held whole). Read once; `textOf` joins it.
   */
  readonly chunks: Iterable<string>;
}

/** What the build remembers about one published event between runs. */
export interface EventMemory {
  /** Hash of the event's published fields. */
  readonly fingerprint: string;
  readonly sequence: number;
  /** When the event last changed (epoch ms): DTSTAMP and LAST-MODIFIED. */
  readonly changedAt: number;
}

/**
 * What builds remember, kept between them by the adapter (where the next build finds it); missing
 * memory is an empty one. Only the memory carries behaviour from one build to the next: caches of
 * page outcomes are optimisations.
 */
export interface Memory {
  readonly version: 2;
  /** By event identity. */
  readonly events: Readonly<Record<string, EventMemory>>;
  /**
   * By page path: the text of the page's last version that made an event. A page that breaks is
   * published from it, read with the current configuration, until it is fixed.
   */
  readonly lastGood: Readonly<Record<string, string>>;
  /**
   * The text of the last `calpub.yaml` without errors that a build applied (null: there was no file,
   * so the defaults), or undefined when no build has applied one yet. A config with an error is
   * never applied: the build keeps this one until it is fixed.
   */
  readonly lastGoodConfig?: string | null;
}

/** A session placed in time (epoch ms). */
export interface Session {
  readonly start: number;
  readonly end: number;
  readonly title: string;
}
