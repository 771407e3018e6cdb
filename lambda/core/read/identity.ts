/**
 * Page identity: which files are event pages, and the stable, URL-safe path each one is known by.
 *
 * The identity is the page path as Hugo builds permalinks (`event/<slug>/index.md` and `event/<slug>.md`
 * are both `event/<slug>`; `slug:` replaces the last segment; `index.fr.md` is `fr/event/<slug>`). It
 * gives the UID and every output path, so it must never depend on anything but the path and `slug`.
 */
import { createHash } from 'node:crypto';

/** True for files that can be event pages: Markdown, not a section page, not under `_`/`.` folders. */
export function isCandidatePage(path: string): boolean {
  if (!/\.(md|markdown)$/i.test(path)) return false;
  const segments = path.split('/');
  const name = segments[segments.length - 1];
  if (/^_index(\.[a-z]{2}(-[a-z0-9]{2,8})?)?\.(md|markdown)$/i.test(name)) return false;
  return !segments.some((s) => s.startsWith('_') || s.startsWith('.'));
}

/**
 * True for an event page: a candidate page in one of the event `sections` (any of its folders is
 * named as one: `event/x.md`, `fr/event/x/index.md`, `events/2024/x.md`). Posts, publications,
 * authors and the like are not events, and not a problem either.
 */
export function isEventPage(path: string, sections: readonly string[]): boolean {
  if (!isCandidatePage(path)) return false;
  const folders = path.toLowerCase().split('/').slice(0, -1);
  return folders.some((f) => sections.includes(f));
}

/** The folder of an event's language: '' for the site's own (or none), else the language (`fr`). */
export function languageFolder(language: string | null, siteLanguage: string): string {
  if (!language) return '';
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  return primary(language) === primary(siteLanguage) ? '' : language.toLowerCase();
}

/** The language of a `name.fr.md` variant, or null. */
export function languageOf(path: string): string | null {
  const match = /\.([a-z]{2}(?:-[A-Za-z0-9]{2,8})?)\.(?:md|markdown)$/i.exec(path);
  return match ? match[1].toLowerCase() : null;
}

/**
 * The identity of a page.
 * @param path - path relative to the content root, `/`-separated
 * @param slug - front matter `slug`, which replaces the last segment
 * @param folderLanguage - the language of the content folder the page is in (Hugo's per-language `contentDir`)
 */
export function identityOf(path: string, slug: string | null, folderLanguage?: string): string {
  // A language given by the page's folder is already the path's first segment.
  const language =
    folderLanguage && path.startsWith(`${folderLanguage}/`) ? null : (folderLanguage ?? languageOf(path));
  const segments = path.split('/');
  const name = segments.pop() as string;
  const stem = name.replace(/(\.[a-z]{2}(?:-[A-Za-z0-9]{2,8})?)?\.(md|markdown)$/i, '');
  if (stem.toLowerCase() !== 'index' || segments.length === 0) segments.push(stem);
  if (slug !== null && slug.trim() !== '') segments[segments.length - 1] = slug.trim();
  const safe = segments.map(urlSafeSegment);
  return (language ? [language, ...safe] : safe).join('/');
}

/**
 * Makes one path segment URL-safe and ASCII, deterministically: accents are folded (`é` → `e`),
 * spaces and punctuation become `-`, `&` is dropped, case is lowered as Hugo's permalinks do. Letters
 * that have no ASCII form (CJK, Cyrillic...) are dropped and a short hash of the original segment is
 * appended, so two such segments never collide.
 */
export function urlSafeSegment(segment: string): string {
  let lostLetters = false;
  let out = '';
  for (const ch of segment.normalize('NFKD')) {
    if (/[a-zA-Z0-9_.]/.test(ch)) out += ch.toLowerCase();
    else if (/\p{M}/u.test(ch) || ch === '&' || ch === "'" || ch === '\u2019') continue;
    else if (/[\p{L}\p{N}]/u.test(ch)) {
      lostLetters = true;
      out += '-';
    } else out += '-';
  }
  out = out.replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (lostLetters || out === '') {
    const hash = createHash('sha1').update(segment).digest('hex').slice(0, 8);
    out = out ? `${out}-${hash}` : hash;
  }
  return out;
}

/** The event's UID: identity plus the site's domain, never anything that changes between builds. */
export function uidOf(identity: string, uidDomain: string): string {
  return `${identity}@${uidDomain}`;
}
