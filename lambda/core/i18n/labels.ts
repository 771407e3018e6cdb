/**
 * The words calpub itself writes (page headings, buttons, the labels inside calendar descriptions
 * and feeds), one catalog per language in this folder, English the fallback. A catalog is a plain
 * typed object: TypeScript checks every language has every label, and the functions take the few
 * values a label includes. Dates are worded by Intl (human-dates.ts), not here.
 */
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { pt } from './pt';

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

const CATALOGS: Readonly<Record<string, Labels>> = { en, fr, de, es, pt, it, ja };

/** Languages with a catalog. */
export const LABEL_LANGUAGES = Object.keys(CATALOGS);

/** The labels of a BCP 47 language (`fr-CA` → French), English when calpub has no catalog for it. */
export function labelsFor(language: string | null | undefined): Labels {
  const primary = (language ?? 'en').toLowerCase().split(/[-_]/)[0];
  return CATALOGS[primary] ?? en;
}
