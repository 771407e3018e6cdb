/**
 * A Hugo site's configuration, read the way Hugo reads it: the root file (`hugo.toml`, `.yaml`,
 * `.json`, or the older `config.*`) merged over `config/_default/` (`hugo.*`/`config.*` at the top,
 * every other file under its name: `params.toml` is `params`, `languages.yaml` is `languages`...),
 * keys in any case. What calpub takes from it: `baseURL` (the site, where event links go, and the UID
 * domain), `title`, `params.description`, `defaultContentLanguage` / `languageCode`, `timeZone`,
 * `permalinks`, `contentDir` and each language's `contentDir`. `calpub.yaml` at the site's root, or a
 * `calpub:` map in the params, overrides any of it.
 */
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { Problem } from '../model';
import { isRecord } from './fields';

/** One configuration file: its path from the site's root, and its text. */
export interface HugoConfigFile {
  readonly path: string;
  readonly text: string;
}

/** A content folder of the site and the language it holds (null: the site's, or by file suffix). */
export interface HugoContentDir {
  readonly dir: string;
  readonly language: string | null;
}

/** What calpub takes from a Hugo site's configuration. */
export interface HugoSite {
  /** calpub settings, as `calpub.yaml` keys, from Hugo's configuration. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The `calpub:` map of the params, if any. */
  readonly paramsCalpub: Readonly<Record<string, unknown>> | null;
  /** The content folders Hugo reads, one per language that has its own (first: the one languages share, if any). */
  readonly contentDirs: readonly HugoContentDir[];
  /**
   * Hugo's `baseURL` when it is not an absolute URL (`/`, as sites built with `hugo -b $URL` have), or
   * '' when it is not set; null when it is absolute. The pages' links then need `-b`.
   */
  readonly relativeBaseUrl: string | null;
  /** The file a problem with the site's `baseURL` is reported on. */
  readonly mainFile: string;
  readonly problems: readonly Problem[];
}

/** The host calpub puts Hugo's paths on when it has no absolute base URL: reserved, never a real site. */
export const PLACEHOLDER_BASE = 'https://baseurl.invalid/';

/**
 * Hugo's settings with another base URL (`hugo -b <url>`, `HUGO_BASEURL`): the site, where event links
 * go, and the UID domain. A relative one (`/`) keeps Hugo's paths on the placeholder host.
 */
export function withBaseUrl(settings: Readonly<Record<string, unknown>>, baseUrl: string): Record<string, unknown> {
  const absolute = /^https?:\/\//i.test(baseUrl.trim());
  const url = new URL(baseUrl.trim(), PLACEHOLDER_BASE);
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  const { uidDomain: _uid, ...rest } = settings;
  return { ...rest, siteUrl: href, permalinkBase: href, ...(absolute ? { uidDomain: url.hostname } : {}) };
}

/** Root files, in the order Hugo looks for them. */
export const HUGO_ROOT_FILES = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];
/** The folder of split configuration files for every environment. */
export const HUGO_CONFIG_DIR = 'config/_default';

/**
 * Reads a Hugo site's configuration files (the root file, if any, and those of `config/_default/`).
 * Never throws: a file that does not parse is a problem naming it.
 */
export function readHugoConfig(files: readonly HugoConfigFile[]): HugoSite {
  const problems: Problem[] = [];
  const merged: Record<string, unknown> = {};
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1));
  for (const file of ordered) {
    const data = parseFile(file, problems);
    if (!data) continue;
    const name =
      file.path
        .split('/')
        .pop()
        ?.replace(/\.(toml|ya?ml|json)$/, '')
        .toLowerCase() ?? '';
    const top =
      file.path.startsWith(`${HUGO_CONFIG_DIR}/`) && name !== 'hugo' && name !== 'config' ? { [name]: data } : data;
    mergeInto(merged, lowerKeys(top));
  }
  const main =
    ordered.filter((f) => !f.path.startsWith(`${HUGO_CONFIG_DIR}/`))[0]?.path ??
    ordered.find((f) => /\/(hugo|config)\.\w+$/.test(f.path))?.path ??
    ordered[0]?.path ??
    HUGO_ROOT_FILES[0];
  return { ...settingsOf(merged), mainFile: main, problems };
}

/** `config/_default/` first, the root file last: its values win. */
function rank(path: string): number {
  return path.startsWith(`${HUGO_CONFIG_DIR}/`) ? 0 : 1;
}

function parseFile(file: HugoConfigFile, problems: Problem[]): Record<string, unknown> | null {
  try {
    const data: unknown = file.path.endsWith('.toml')
      ? parseToml(file.text)
      : file.path.endsWith('.json')
        ? JSON.parse(file.text)
        : yaml.load(file.text, { schema: yaml.CORE_SCHEMA });
    if (data === undefined || data === null) return null;
    if (isRecord(data)) return data;
    throw new Error('it is not a map of keys');
  } catch (err) {
    problems.push({
      file: file.path,
      severity: 'error',
      field: null,
      message: `Hugo's configuration does not parse: ${(err as Error).message.split('\n')[0]}; calpub reads the site without it`,
    });
    return null;
  }
}

function settingsOf(config: Record<string, unknown>): Omit<HugoSite, 'problems' | 'mainFile'> {
  const settings: Record<string, unknown> = { outputs: ['calendars', 'feeds', 'schedule', 'widget'] }; // Hugo makes the pages
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const baseUrl = text(config.baseurl);
  const absolute = baseUrl !== null && /^https?:\/\//i.test(baseUrl);
  Object.assign(settings, withBaseUrl({}, absolute ? baseUrl : (baseUrl ?? '/')));
  const params = isRecord(config.params) ? config.params : {};
  if (text(config.title)) settings.title = text(config.title);
  if (text(params.description)) settings.description = text(params.description);
  const language = text(config.defaultcontentlanguage) ?? text(config.languagecode);
  if (language) settings.language = language;
  if (text(config.timezone)) settings.timeZone = text(config.timezone);
  if (isRecord(config.permalinks)) settings.permalinks = config.permalinks;
  settings.tagPermalink = tagPermalink(config);
  if (config.removepathaccents === true) settings.removePathAccents = true;
  settings.buildFuture = config.buildfuture === true;
  const languages: Record<string, Record<string, string>> = {};
  if (isRecord(config.languages)) {
    for (const [code, spec] of Object.entries(config.languages)) {
      if (!isRecord(spec)) continue;
      // A language's own title and description (Hugo: `languages.fr.title`, `languages.fr.params.description`).
      const own = {
        title: text(spec.title),
        description: text(spec.description) ?? (isRecord(spec.params) ? text(spec.params.description) : null),
      };
      const set = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== null)) as Record<string, string>;
      if (Object.keys(set).length) languages[code.toLowerCase()] = set;
    }
  }
  if (Object.keys(languages).length) settings.languages = languages;
  const calpub = isRecord(params.calpub) ? params.calpub : null;
  return {
    settings,
    paramsCalpub: calpub,
    contentDirs: contentDirsOf(config),
    relativeBaseUrl: absolute ? null : (baseUrl ?? ''),
  };
}

/**
 * The folders Hugo reads pages from: each language's `contentDir`, else the site's (`content`). A
 * folder no language reads (an old `content/bu_fr/` copy beside `content/fr/` and `content/en/`) is
 * not read: its pages are not on the site.
 */
function contentDirsOf(config: Record<string, unknown>): HugoContentDir[] {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().replace(/\/+$/, '') : null);
  const top = text(config.contentdir) ?? 'content';
  const specs = isRecord(config.languages) ? Object.entries(config.languages).filter(([, spec]) => isRecord(spec)) : [];
  if (!specs.length) return [{ dir: top, language: null }];
  const dirs: HugoContentDir[] = [];
  const main = (text(config.defaultcontentlanguage) ?? 'en').toLowerCase();
  const listed = new Set(specs.map(([code]) => code.toLowerCase()));
  // The default language reads the site's folder when it has none of its own, even if `languages` leaves it out.
  if (!listed.has(main)) dirs.push({ dir: top, language: null });
  for (const [code, spec] of specs) {
    const dir = text((spec as Record<string, unknown>).contentdir) ?? top;
    if (dir === top) {
      if (!dirs.some((d) => d.dir === top)) dirs.unshift({ dir: top, language: null });
    } else if (!dirs.some((d) => d.dir === dir)) dirs.push({ dir, language: code.toLowerCase() });
  }
  return dirs;
}

/**
 * Where Hugo puts a tag's page: the taxonomy's permalink (`permalinks: {tags: /tag/:slug/}`, or Hugo
 * 0.112's `permalinks: {term: {tags: ...}}`), by default `/tags/:slug/`; false when the site has no
 * tag pages (`taxonomies` without `tags`, or term pages disabled).
 */
function tagPermalink(config: Record<string, unknown>): string | false {
  const kinds = Array.isArray(config.disablekinds) ? config.disablekinds.map((k) => String(k).toLowerCase()) : [];
  if (kinds.includes('term') || kinds.includes('taxonomyterm')) return false;
  if (
    isRecord(config.taxonomies) &&
    !Object.values(config.taxonomies).some((plural) => String(plural).toLowerCase() === 'tags')
  )
    return false;
  const permalinks = isRecord(config.permalinks) ? config.permalinks : {};
  const pattern = isRecord(permalinks.term) ? permalinks.term.tags : permalinks.tags;
  return typeof pattern === 'string' && pattern.includes(':') ? pattern.trim() : '/tags/:slug/';
}

/** Hugo's keys are case-insensitive: `baseURL`, `baseurl` and `BaseURL` are one key. */
function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  // calpub's own keys (`calpub:` in the params) and section names keep their case.
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k.toLowerCase(),
      isRecord(v) && !['permalinks', 'calpub'].includes(k.toLowerCase()) ? lowerKeys(v) : v,
    ]),
  );
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) mergeInto(existing, value);
    else target[key] = value;
  }
}
