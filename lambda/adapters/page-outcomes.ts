/**
 * The pages of a build, each read once, through the outcome store: the CLI (files) and the Lambda
 * (objects) both list their pages with a content key and hand them here with a way to read one.
 *
 * Two passes, because the site's zone, when no configuration names it, is found from every page's
 * venue (`siteZoneOf`), and every page is read in that zone: first each page's venue (from the store
 * for bytes seen before, else from the page, read and parsed once); then each page's outcome in the
 * site's zone (from the store when made for this configuration, else processed from the page read in
 * the first pass, or read now). The core decides the zone again from the outcomes' venues, the same
 * way, so what the adapters pass is what it would have made.
 */
import type { SiteConfig, SourceFile } from '../core/model';
import type { PageInput } from '../core/build';
import { processPage, readPage, type PageRead } from '../core/page';
import { siteZoneOf } from '../core/read/site-zone';
import { mapConcurrently } from './concurrency';
import { configKey, type OutcomeStore } from './outcome-store';

/** A page as an adapter lists it. */
export interface ListedPage {
  /** Path relative to the content root (`fr/event/x/index.md`). */
  readonly path: string;
  /** What the adapter knows of the bytes: their SHA-1 on a file system, the ETag on S3. */
  readonly contentKey: string;
  /** Set when the adapter has the text already (the CLI reads every page; the Lambda reads only what it must). */
  readonly text?: string;
  readonly encoding?: SourceFile['encoding'];
  readonly language?: string;
}

/** Reads a page now: its text and the content key of the bytes read, or null when it is gone. */
export type ReadPage = (page: ListedPage) => Promise<{ readonly file: SourceFile; readonly contentKey: string } | null>;

/** The pages with their outcomes, the configuration they were made for, and how many were made now. */
export interface PageOutcomes {
  readonly pages: PageInput[];
  readonly config: SiteConfig;
  readonly made: number;
}

/**
 * Every page's outcome for `config` (the configuration applied, its zone not yet decided), in the
 * order listed. Reads run `concurrency` at a time (object stores answer slowly, but in parallel).
 * @param progress - called every 1,000 pages made on large sites
 */
export async function pageOutcomes(
  listed: readonly ListedPage[],
  config: SiteConfig,
  store: OutcomeStore,
  read: ReadPage,
  options: { concurrency?: number; progress?: (done: number, total: number) => void } = {},
): Promise<PageOutcomes> {
  const concurrency = options.concurrency ?? 1;
  const fileOf = (page: ListedPage): SourceFile => ({
    path: page.path,
    text: page.text as string,
    ...(page.encoding ? { encoding: page.encoding } : {}),
    ...(page.language ? { language: page.language } : {}),
  });
  const readNow = (page: ListedPage) =>
    page.text !== undefined ? Promise.resolve({ file: fileOf(page), contentKey: page.contentKey }) : read(page);
  // First pass: each page's venue, from the store or from the page read once.
  const first = await mapConcurrently(listed, concurrency, async (page) => {
    const venue = store.venue(page.path, page.contentKey);
    if (venue !== undefined) return { page, venue, read: null as PageRead | null, contentKey: page.contentKey };
    const got = await readNow(page);
    if (!got) return null; // deleted since the listing
    const pageRead = readPage(got.file);
    return { page, venue: pageRead.venue, read: pageRead, contentKey: got.contentKey };
  });
  const present = first.filter((p): p is NonNullable<typeof p> => p !== null);
  const site = siteZoneOf(
    config,
    present.map((p) => p.venue),
  ).config;
  store.useConfig(configKey(site));
  // Second pass: each page's outcome in the site's zone.
  let made = 0;
  const pages = await mapConcurrently(present, concurrency, async (p): Promise<PageInput | null> => {
    const base = { path: p.page.path, ...(p.page.language ? { language: p.page.language } : {}) };
    const stored = store.get(p.page.path, p.contentKey);
    if (stored) return { ...base, ...(p.page.text !== undefined ? { text: p.page.text } : {}), outcome: stored };
    const got = p.read ? { file: p.read.file, contentKey: p.contentKey } : await readNow(p.page);
    if (!got) return null;
    const outcome = store.set(p.page.path, got.contentKey, processPage(p.read ?? got.file, site));
    if (++made % 1000 === 0 && present.length >= 1000) options.progress?.(made, present.length);
    return { ...base, text: got.file.text, outcome };
  });
  return { pages: pages.filter((p): p is PageInput => p !== null), config: site, made };
}
