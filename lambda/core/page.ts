/**
 * Everything that depends on one page alone: parse, normalize, render its pieces. Pure and
 * JSON-serializable, so outcomes can be computed in parallel workers or reused from a cache keyed by
 * the page's bytes, and the build only assembles them.
 */
import { parseFrontMatter } from './frontmatter';
import type { CalEvent, Problem, SiteConfig, SourceFile } from './model';
import { normalizePage } from './normalize';
import { renderVeventContent, type VeventPiece } from './render-ics';

/**
 * What the build needs of an event once its pieces are rendered: identity, timing and selection
 * fields, not the Markdown texts (which are large, and already rendered into the pieces).
 */
export type EventHeader = Pick<
  CalEvent,
  'id' | 'file' | 'uid' | 'title' | 'time' | 'status' | 'tags' | 'url' | 'publishDate' | 'expiryDate' | 'lastmod' | 'pageDate' | 'draft' | 'language'
>;

/** What one page gives the build. */
export interface PageOutcome {
  readonly file: string;
  readonly problems: readonly Problem[];
  /** The event, or null when an error keeps the page out. */
  readonly event: EventHeader | null;
  /** The event's rendered calendar piece (null with the event). */
  readonly ics: VeventPiece | null;
}

/** Processes one page. Never throws on bad content. */
export function processPage(file: SourceFile, config: SiteConfig): PageOutcome {
  const parsed = parseFrontMatter(file);
  if (!parsed.ok) return { file: file.path, problems: [parsed.problem], event: null, ics: null };
  const { event, problems } = normalizePage(parsed.page, config);
  if (!event) return { file: file.path, problems, event: null, ics: null };
  return { file: file.path, problems, event: headerOf(event), ics: renderVeventContent(event, config) };
}

function headerOf(e: CalEvent): EventHeader {
  const { id, file, uid, title, time, status, tags, url, publishDate, expiryDate, lastmod, pageDate, draft, language } = e;
  return { id, file, uid, title, time, status, tags, url, publishDate, expiryDate, lastmod, pageDate, draft, language };
}
