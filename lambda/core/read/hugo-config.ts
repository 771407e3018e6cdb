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
  readonly contentDirs: readonly HugoContentDir[];
  readonly problems: readonly Problem[];
}

/** Root files, in the order Hugo looks for them. */
export const HUGO_ROOT_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
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
    const name = file.path.split('/').pop()?.replace(/\.(toml|ya?ml|json)$/, '').toLowerCase() ?? '';
    const top = file.path.startsWith(`${HUGO_CONFIG_DIR}/`) && name !== 'hugo' && name !== 'config' ? { [name]: data } : data;
    mergeInto(merged, lowerKeys(top));
  }
  const main = ordered.filter((f) => !f.path.startsWith(`${HUGO_CONFIG_DIR}/`))[0]?.path ?? ordered[0]?.path ?? HUGO_ROOT_FILES[0];
  return { ...settingsOf(merged, main, problems), problems };
}

/** `config/_default/` first, the root file last: its values win. */
function rank(path: string): number {
  return path.startsWith(`${HUGO_CONFIG_DIR}/`) ? 0 : 1;
}

function parseFile(file: HugoConfigFile, problems: Problem[]): Record<string, unknown> | null {
  try {
    const data: unknown = file.path.endsWith('.toml') ? parseToml(file.text) : file.path.endsWith('.json') ? JSON.parse(file.text) : yaml.load(file.text, { schema: yaml.CORE_SCHEMA });
    if (data === undefined || data === null) return null;
    if (isRecord(data)) return data;
    throw new Error('it is not a map of keys');
  } catch (err) {
    problems.push({ file: file.path, severity: 'error', field: null, message: `Hugo's configuration does not parse: ${(err as Error).message.split('\n')[0]}; calpub reads the site without it` });
    return null;
  }
}

function settingsOf(config: Record<string, unknown>, file: string, problems: Problem[]): Omit<HugoSite, 'problems'> {
  const settings: Record<string, unknown> = { outputs: ['calendars', 'feeds', 'schedule', 'widget'] }; // Hugo makes the pages
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const baseUrl = text(config.baseurl);
  if (baseUrl && /^https?:\/\//i.test(baseUrl)) {
    const url = new URL(baseUrl);
    settings.siteUrl = url.href;
    settings.permalinkBase = url.href;
    settings.uidDomain = url.hostname;
  } else {
    problems.push({
      file,
      severity: 'warning',
      field: 'baseURL',
      message: `Hugo's \`baseURL\` ${baseUrl ? `${JSON.stringify(baseUrl)} is not an absolute URL` : 'is not set'}, so calpub cannot link to the site's pages or name its UIDs after it: set \`baseURL\` (https://...), or \`siteUrl\`, \`permalinkBase\` and \`uidDomain\` in calpub.yaml`,
    });
  }
  const params = isRecord(config.params) ? config.params : {};
  if (text(config.title)) settings.title = text(config.title);
  if (text(params.description)) settings.description = text(params.description);
  const language = text(config.defaultcontentlanguage) ?? text(config.languagecode);
  if (language) settings.language = language;
  if (text(config.timezone)) settings.timeZone = text(config.timezone);
  if (isRecord(config.permalinks)) settings.permalinks = config.permalinks;
  settings.buildFuture = config.buildfuture === true;
  const contentDirs: HugoContentDir[] = [{ dir: text(config.contentdir) ?? 'content', language: null }];
  const languages: Record<string, Record<string, string>> = {};
  if (isRecord(config.languages)) {
    for (const [code, spec] of Object.entries(config.languages)) {
      if (!isRecord(spec)) continue;
      const dir = text(spec.contentdir);
      if (dir && dir !== contentDirs[0].dir) contentDirs.push({ dir, language: code.toLowerCase() });
      // A language's own title and description (Hugo: `languages.fr.title`, `languages.fr.params.description`).
      const own = { title: text(spec.title), description: text(spec.description) ?? (isRecord(spec.params) ? text(spec.params.description) : null) };
      const set = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== null)) as Record<string, string>;
      if (Object.keys(set).length) languages[code.toLowerCase()] = set;
    }
  }
  if (Object.keys(languages).length) settings.languages = languages;
  const calpub = isRecord(params.calpub) ? params.calpub : null;
  return { settings, paramsCalpub: calpub, contentDirs };
}

/** Hugo's keys are case-insensitive: `baseURL`, `baseurl` and `BaseURL` are one key. */
function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  // calpub's own keys (`calpub:` in the params) and section names keep their case.
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k.toLowerCase(), isRecord(v) && !['permalinks', 'calpub'].includes(k.toLowerCase()) ? lowerKeys(v) : v]));
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) mergeInto(existing, value);
    else target[key] = value;
  }
}
