/**
 * What a language's catalog holds (every label calpub writes), apart from the catalogs themselves so
 * that each language's file and labels.ts, which gathers them, both point down to it.
 */
/** Every label, in one language. */
export interface Labels {
  readonly skipToContent: string;
  readonly publishedWith: string;
  readonly subscribeTo: (title: string) => string;
  readonly appleThunderbird: string;
  readonly calendarUrl: string;
  readonly copyUrl: string;
  readonly copied: string;
  readonly followInReader: string;
  readonly cancelled: string;
  readonly cancelledTitle: (title: string) => string;
  readonly willNotTakePlace: string;
  readonly upcoming: string;
  readonly past: string;
  readonly noUpcoming: string;
  readonly browseByTag: string;
  readonly allEvents: string;
  readonly tagHeading: (tag: string) => string;
  readonly eventsTagged: (tag: string) => string;
  readonly when: string;
  readonly where: string;
  readonly partOf: string;
  readonly eventSite: string;
  readonly status: string;
  readonly tentative: string;
  readonly addToCalendar: string;
  readonly downloadIcs: string;
  readonly addToGoogle: string;
  readonly agenda: string;
  readonly details: string;
  readonly links: string;
  readonly tags: string;
  readonly notFound: string;
  readonly pageDoesNotExist: string;
  readonly calendar: string;
  readonly yourTime: string;
  /** Inside calendar descriptions (plain text). */
  readonly text: {
    readonly agenda: string;
    readonly partOf: (series: string) => string;
    readonly eventSite: (url: string) => string;
    readonly details: (url: string) => string;
    readonly cancelled: string;
    readonly shortened: string;
  };
  /** The sentence linking a shortened description to the event's page. */
  readonly fullDescription: string;
  /** A site's name and description when its configuration gives none (calendar name, feed title). */
  readonly siteTitle: string;
  readonly siteDescription: string;
}
