/**
 * Where an event's page is. On a site calpub makes the pages of, it is the page's identity under
 * `siteUrl`. When the pages are a Hugo site's (`permalinkBase`, or `--site`), it is the URL Hugo gives
 * the page, so the calendar's links open the existing pages: the `url` front matter; else the
 * section's pattern in Hugo's `permalinks` (`/events/:year/:slug/`); else the page's path (a bundle's
 * folder, `slug` replacing the last segment), each segment made a path as Hugo makes it (`MakePath`:
 * spaces become `-`, other punctuation goes, letters in any script stay, lower case). A language other
 * than the site's is under its folder (`/fr/...`), as Hugo builds multilingual sites.
 */
import type { FrontMatter, SiteConfig } from '../model';
import { languageOf } from './identity';

/** What the permalink of a page depends on. */
export interface PermalinkInput {
  readonly path: string;
  readonly data: FrontMatter;
  /** The page's language folder ('' for the site's language), from `languageFolder`. */
  readonly folder: string;
  /** The page's identity: its URL on a site calpub makes the pages of. */
  readonly id: string;
}

/** The absolute URL of an event's page. */
export function permalinkOf(
  page: PermalinkInput,
  config: Pick<SiteConfig, 'siteUrl' | 'permalinkBase' | 'permalinks' | 'removePathAccents'>,
): string {
  if (!config.permalinkBase) return `${config.siteUrl}${page.id}/`; // identities are URL-safe ASCII by construction
  const prefix = page.folder ? `${page.folder}/` : '';
  const url = pageUrl(page.data.url);
  if (url?.absolute) return url.absolute;
  const path = url?.path ?? `${prefix}${hugoPath(page)}`;
  return new URL(path.replace(/^[/\\]+/, ''), config.permalinkBase).href;

  function hugoPath(p: PermalinkInput): string {
    const segments = contentSegments(p.path, p.folder);
    const pattern = config.permalinks[(segments.sections[0] ?? '').toLowerCase()];
    const made = (text: string) => makePath(text, config.removePathAccents);
    return pattern ? expand(pattern, p.data, segments, made) : defaultPath(p.data, segments, made);
  }
}

/**
 * Where Hugo puts a tag's page on the linked site: the taxonomy's pattern (`tagPermalink`, by default
 * `/tags/:slug/`) with the tag made a path as Hugo makes it, under `permalinkBase`; null when the site
 * has no tag pages.
 */
export function hugoTagUrl(
  tag: string,
  config: Pick<SiteConfig, 'permalinkBase' | 'tagPermalink' | 'removePathAccents'>,
): string | null {
  if (!config.permalinkBase || config.tagPermalink === null) return null;
  const segment = makePath(tag, config.removePathAccents).split('/').map(encodeURIComponent).join('/');
  const path = config.tagPermalink
    .replace(/:(slug|title)\b/g, segment)
    .replace(/:sections?\b/g, 'tags')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+/, '');
  return new URL(path, config.permalinkBase).href;
}

/**
 * The `url` front matter as Hugo uses it: a path on the site (`/talks/2024/x/`), or an absolute
 * http(s) URL. Anything else (`javascript:...`, `data:...`, `//other.host/`) is no link calpub
 * publishes: `urlProblem` says why, and the page gets its usual permalink.
 */
function pageUrl(value: unknown): { absolute?: string; path?: string } | null {
  if (typeof value !== 'string' || !value.trim() || urlProblem(value) !== null) return null;
  const text = value.trim();
  return /^https?:\/\//i.test(text) ? { absolute: new URL(text).href } : { path: text };
}

/** Why a page's `url` cannot be its link, or null when it can (a site path or an http(s) URL). */
export function urlProblem(value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return null;
  if (typeof value !== 'string') return '`url` should be a path on the site, such as `/talks/my-talk/`; it is ignored';
  const text = value.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      new URL(text);
      return null;
    } catch {
      return `\`url\` ${JSON.stringify(text)} is not a URL; it is ignored`;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || /^[/\\]{2}/.test(text) || /[\u0000-\u001f\s"<>]/.test(text)) {
    return `\`url\` ${JSON.stringify(text)} is not a path on the site nor an http(s) URL, so it is no link calpub publishes; it is ignored: write a path such as \`/talks/my-talk/\``;
  }
  return null;
}

interface Segments {
  /** The folders above the page (or above its bundle). */
  readonly sections: string[];
  /** The file's name without extension and language, or the bundle's folder. */
  readonly filename: string;
}

function contentSegments(path: string, folder: string): Segments {
  const parts = path.split('/');
  if (folder && parts[0] === folder && !languageOf(path)) parts.shift(); // a language's contentDir
  const name = (parts.pop() ?? '').replace(/(\.[a-z]{2}(?:-[A-Za-z0-9]{2,8})?)?\.(md|markdown)$/i, '');
  const filename = name.toLowerCase() === 'index' && parts.length ? (parts.pop() as string) : name;
  return { sections: parts, filename };
}

/** The front matter's `slug`, trimmed; null when it is not text or blank (Hugo ignores a blank slug). */
function slugOf(data: FrontMatter): string | null {
  return typeof data.slug === 'string' && data.slug.trim() ? data.slug.trim() : null;
}

function defaultPath(data: FrontMatter, s: Segments, makePath: (text: string) => string): string {
  const slug = slugOf(data);
  return `${[...s.sections, slug ?? s.filename].map((segment) => makePath(segment)).join('/')}/`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A Hugo permalink pattern with its tokens filled (https://gohugo.io/content-management/urls/#tokens). */
function expand(pattern: string, data: FrontMatter, s: Segments, makePath: (text: string) => string): string {
  const written = typeof data.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(data.date) : null;
  const date = written ? new Date(Date.UTC(+written[1], +written[2] - 1, +written[3])) : null;
  const title = typeof data.title === 'string' ? data.title : '';
  const slug = slugOf(data);
  const tokens: Record<string, () => string> = {
    year: () => (date ? String(date.getUTCFullYear()) : ''),
    month: () => (date ? String(date.getUTCMonth() + 1).padStart(2, '0') : ''),
    monthname: () => (date ? MONTHS[date.getUTCMonth()].toLowerCase() : ''),
    day: () => (date ? String(date.getUTCDate()).padStart(2, '0') : ''),
    weekday: () => (date ? String(date.getUTCDay()) : ''),
    weekdayname: () => (date ? WEEKDAYS[date.getUTCDay()].toLowerCase() : ''),
    yearday: () =>
      date ? String(Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1) : '',
    section: () => makePath(s.sections[0] ?? ''),
    sections: () => s.sections.map((segment) => makePath(segment)).join('/'),
    title: () => makePath(title),
    slug: () => makePath(slug ?? title),
    filename: () => makePath(s.filename),
    contentbasename: () => makePath(s.filename),
    slugorfilename: () => makePath(slug ?? s.filename),
    slugorcontentbasename: () => makePath(slug ?? s.filename),
  };
  const filled = pattern.replace(/:([a-z]+)/g, (token, name: string) => (tokens[name] ? tokens[name]() : token));
  return filled.replace(/\/{2,}/g, '/').replace(/^\//, '');
}

/**
 * A path as Hugo's `MakePath` makes it: letters (any script), digits, marks and `._~+-@#/\` kept
 * (and `%` before two hex digits), whitespace runs become one `-`, anything else dropped, then lower case. With Hugo's
 * `removePathAccents` (Wowchemy's default), accents go first: `Événement` → `evenement`.
 */
export function makePath(input: string, removeAccents = false): string {
  const text = removeAccents
    ? input
        .normalize('NFD')
        .replace(/\p{Mn}/gu, '')
        .normalize('NFC')
    : input;
  let out = '';
  let pendingHyphen = false;
  const chars = [...text];
  for (const [i, ch] of chars.entries()) {
    // `/` and `\` stay (a tag `CI/CD` is `ci/cd/`, two levels), and `%` before two hex digits (an escape).
    if (
      /[\p{L}\p{N}\p{M}._~+\-@#/\\]/u.test(ch) ||
      (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(chars.slice(i + 1, i + 3).join('')))
    ) {
      if (pendingHyphen && ch !== '-' && !out.endsWith('-')) out += '-';
      pendingHyphen = false;
      out += ch;
    } else if (out && /\s/u.test(ch)) pendingHyphen = true;
  }
  return out.toLowerCase();
}
