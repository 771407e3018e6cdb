/**
 * Site configuration: `calpub.yaml` at the content root, validated key by key, every problem reported
 * at once, naming the key. A config with an error is not applied (`applyConfig`): a wrong zone or
 * URL would move or break every event for every subscriber, so the build keeps the last good one.
 */
import yaml from 'js-yaml';
import { Duration } from 'luxon';
import type { LanguageSettings, OutputGroup, Problem, SiteConfig } from '../model';
import { zoneProblem } from './zones';
import { wellFormedData } from './decode';

/** Name of the configuration file at the content root. */
export const CONFIG_FILE = 'calpub.yaml';

/** The configuration used when `calpub.yaml` is absent (documented in README). */
export const DEFAULT_CONFIG: SiteConfig = {
  title: 'Events',
  description: 'Upcoming and past events',
  siteUrl: 'http://127.0.0.1:8080/',
  uidDomain: 'calpub.local',
  timeZone: 'UTC',
  language: 'en',
  wallClockZ: true,
  refreshInterval: 'PT1H',
  color: null,
  permalinkBase: null,
  feedLimit: null,
  outputs: ['calendars', 'feeds', 'schedule', 'pages', 'widget'],
  sections: ['event', 'events', 'talk', 'talks'],
  permalinks: {},
  languages: {},
  buildFuture: true,
  tagPermalink: '/tags/:slug/',
  removePathAccents: false,
  explicit: [],
};

const OUTPUT_GROUPS = DEFAULT_CONFIG.outputs;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Check = (value: unknown) => { value: unknown } | { error: string };

/** The keys a configuration may set (`explicit` records which it did). */
type ConfigKey = Exclude<keyof SiteConfig, 'explicit'>;

const CHECKS: Record<ConfigKey, Check> = {
  title: nonEmptyString,
  description: (v) => (typeof v === 'string' ? { value: v.trim() } : { error: 'must be text' }),
  siteUrl: absoluteUrl,
  permalinkBase: absoluteUrl,
  uidDomain: (v) =>
    typeof v === 'string' && /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(v.trim())
      ? { value: v.trim().toLowerCase() }
      : { error: 'must be a domain name you control, such as `events.example.org`' },
  timeZone: (v) => {
    const problem =
      typeof v === 'string'
        ? zoneProblem(v.trim())
        : `${JSON.stringify(v)} is not an IANA time zone; write one such as \`Europe/Paris\``;
    return problem ? { error: problem } : { value: (v as string).trim() };
  },
  language: (v) =>
    typeof v === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.trim())
      ? { value: v.trim() }
      : { error: 'must be a language tag such as `en` or `fr-FR`' },
  wallClockZ: (v) => (typeof v === 'boolean' ? { value: v } : { error: 'must be `true` or `false`' }),
  buildFuture: (v) => (typeof v === 'boolean' ? { value: v } : { error: 'must be `true` or `false`' }),
  removePathAccents: (v) => (typeof v === 'boolean' ? { value: v } : { error: 'must be `true` or `false`' }),
  tagPermalink: (v) =>
    v === false
      ? { value: null }
      : typeof v === 'string' && /:(slug|title)\b/.test(v)
        ? { value: v.trim() }
        : {
            error:
              'must be a Hugo permalink pattern with `:slug` (such as `/tag/:slug/`), or `false` when the site has no tag pages',
          },
  refreshInterval: (v) => {
    const text = typeof v === 'string' ? v.trim().toUpperCase() : '';
    const duration = Duration.fromISO(text);
    return duration.isValid && duration.as('minutes') >= 1
      ? { value: text }
      : { error: 'must be an ISO 8601 duration of at least a minute, such as `PT1H` or `P1D`' };
  },
  color: (v) =>
    typeof v === 'string' && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v.trim())
      ? { value: v.trim().toLowerCase() }
      : { error: 'must be a CSS hex colour such as `#1f6feb`' },
  feedLimit: (v) =>
    typeof v === 'number' && Number.isInteger(v) && v > 0 ? { value: v } : { error: 'must be a whole number above 0' },
  outputs: outputGroups,
  sections: (v) => {
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : null;
    const names = list?.map((n) => (typeof n === 'string' ? n.trim().replace(/^\/+|\/+$/g, '') : ''));
    return names && names.length > 0 && names.every((n) => n !== '' && !n.includes('/'))
      ? { value: [...new Set(names.map((n) => n.toLowerCase()))] }
      : { error: 'must be a list of content folder names, such as `[event, talk]`' };
  },
  permalinks: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return { error: 'must map sections to Hugo permalink patterns, such as `event: /events/:year/:slug/`' };
    // Hugo 0.112+ writes page permalinks under `page:`.
    const map =
      (v as Record<string, unknown>).page && typeof (v as Record<string, unknown>).page === 'object'
        ? ((v as Record<string, unknown>).page as Record<string, unknown>)
        : (v as Record<string, unknown>);
    const entries = Object.entries(map).filter(([k]) => k !== 'section' && k !== 'term' && k !== 'taxonomy');
    if (!entries.every(([, p]) => typeof p === 'string' && p.trim() !== ''))
      return { error: 'must map each section to a pattern text, such as `/events/:year/:slug/`' };
    return { value: Object.fromEntries(entries.map(([k, p]) => [k.toLowerCase(), (p as string).trim()])) };
  },
  languages: (v) => {
    const error = {
      error: 'must map language codes to their `title` and `description`, such as `fr: {title: Séminaires}`',
    };
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return error;
    const out: Record<string, LanguageSettings> = {};
    for (const [code, spec] of Object.entries(v as Record<string, unknown>)) {
      if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return error;
      const { title, description, ...rest } = spec as Record<string, unknown>;
      if (
        Object.keys(rest).length ||
        [title, description].some((t) => t !== undefined && (typeof t !== 'string' || !t.trim()))
      )
        return error;
      out[code.toLowerCase()] = {
        ...(typeof title === 'string' ? { title: title.trim() } : {}),
        ...(typeof description === 'string' ? { description: description.trim() } : {}),
      };
    }
    return { value: out };
  },
};

/** A list of output groups: known names, `calendars` among them, and what `pages` links to. */
function outputGroups(v: unknown): { value: unknown } | { error: string } {
  const names = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : null;
  const known = `a list of ${OUTPUT_GROUPS.map((g) => `\`${g}\``).join(', ')}`;
  if (!names?.every((n) => typeof n === 'string')) return { error: `must be ${known}` };
  const wanted = new Set(names.map((n: string) => n.trim()));
  const unknown = [...wanted].filter((n) => !(OUTPUT_GROUPS as readonly string[]).includes(n));
  if (unknown.length) return { error: `names ${unknown.map((n) => `\`${n}\``).join(', ')}, not ${known}` };
  if (!wanted.has('calendars')) return { error: 'must include `calendars` (calpub publishes calendars first)' };
  if (wanted.has('pages') && !(wanted.has('feeds') && wanted.has('schedule'))) {
    return { error: 'lists `pages` without `feeds` and `schedule`, which the pages link to' };
  }
  return { value: OUTPUT_GROUPS.filter((g): g is OutputGroup => wanted.has(g)) };
}

/** The configuration and the problems found in it. */
export interface ConfigResult {
  readonly config: SiteConfig;
  readonly problems: readonly Problem[];
}

/**
 * Reads `calpub.yaml`.
 * @param text - the file's contents, or null when there is no file (defaults apply, no problem)
 */
export function parseConfig(text: string | null): ConfigResult {
  if (text === null) {
    const message = `there is no calpub.yaml, so UIDs end in \`@${DEFAULT_CONFIG.uidDomain}\`, a placeholder, and links use ${DEFAULT_CONFIG.siteUrl}: run \`calpub init\` to write one with your site's domain before anyone subscribes`;
    return {
      config: DEFAULT_CONFIG,
      problems: [{ file: CONFIG_FILE, severity: 'warning', field: 'uidDomain', message }],
    };
  }
  const problems: Problem[] = [];
  const report = (field: string | null, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: CONFIG_FILE, severity, field, message });
  let data: unknown;
  try {
    data = wellFormedData(yaml.load(text.replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA }) ?? {});
  } catch (err) {
    report(null, `does not parse as YAML: ${(err as Error).message.split('\n')[0]}`);
    return { config: DEFAULT_CONFIG, problems };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report(null, 'must be a list of `key: value` lines');
    return { config: DEFAULT_CONFIG, problems };
  }
  const config: Mutable<SiteConfig> = { ...DEFAULT_CONFIG };
  for (const [key, raw] of Object.entries(data)) {
    if (!(key in CHECKS)) {
      report(key, `unknown key \`${key}\` is ignored; known keys: ${Object.keys(CHECKS).join(', ')}`, 'warning');
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const checked = CHECKS[key as ConfigKey](raw);
    if ('error' in checked) report(key, `\`${key}\` ${checked.error}`);
    else (config as Record<string, unknown>)[key] = checked.value;
  }
  config.explicit = Object.keys(data).filter(
    (key) =>
      key in CHECKS &&
      (data as Record<string, unknown>)[key] !== null &&
      (data as Record<string, unknown>)[key] !== undefined,
  );
  if (!('uidDomain' in data)) {
    config.uidDomain = 'siteUrl' in data ? new URL(config.siteUrl).hostname : DEFAULT_CONFIG.uidDomain;
    report(
      'uidDomain',
      `\`uidDomain\` is not set, so UIDs end in \`@${config.uidDomain}\`; set it once (a domain you control) and never change it, or every subscriber sees the events twice`,
      'warning',
    );
  }
  if (!config.outputs.includes('pages') && !config.permalinkBase) {
    report(
      'outputs',
      '`outputs` leaves out `pages`, so the links to events (`<siteUrl><identity>/`) lead to no page; set `permalinkBase` to the site that shows them',
      'warning',
    );
  }
  return { config, problems };
}

/** The configuration a build applies, and what it says about the file. */
export interface AppliedConfig {
  /** The configuration, or null when the file has an error and no good one was applied before: nothing is built. */
  readonly config: SiteConfig | null;
  /** The text applied (null: no file, the defaults), to remember as the last good one. */
  readonly text: string | null;
  readonly problems: readonly Problem[];
  /** Whether the file as written has an error, so is not applied. */
  readonly rejected: boolean;
}

/**
 * Decides which configuration a build applies: the file's when it has no error; else the last good
 * one the memory holds (reported); else none, and the build stops.
 * @param lastGood - the memory's last good config text (null: the defaults), undefined when none
 */
export function applyConfig(text: string | null, lastGood: string | null | undefined): AppliedConfig {
  const parsed = parseConfig(text);
  if (!parsed.problems.some((p) => p.severity === 'error'))
    return { config: parsed.config, text, problems: parsed.problems, rejected: false };
  if (lastGood !== undefined) {
    const kept = parseConfig(lastGood);
    if (!kept.problems.some((p) => p.severity === 'error')) {
      const note =
        'has errors, so it is not applied: the site is built with the last configuration without errors until they are fixed';
      return {
        config: kept.config,
        text: lastGood,
        problems: [...parsed.problems, { file: CONFIG_FILE, severity: 'warning', field: null, message: note }],
        rejected: true,
      };
    }
  }
  const stop =
    'has errors and no earlier build applied a configuration without errors: nothing is built until they are fixed';
  return {
    config: null,
    text: null,
    problems: [...parsed.problems, { file: CONFIG_FILE, severity: 'error', field: null, message: stop }],
    rejected: true,
  };
}

/** True when the site publishes `group`. */
export function publishes(config: Pick<SiteConfig, 'outputs'>, group: OutputGroup): boolean {
  return config.outputs.includes(group);
}

function nonEmptyString(v: unknown): { value: unknown } | { error: string } {
  return typeof v === 'string' && v.trim() !== '' ? { value: v.trim() } : { error: 'must be non-empty text' };
}

function absoluteUrl(v: unknown): { value: unknown } | { error: string } {
  if (typeof v !== 'string') return { error: 'must be an absolute http(s) URL' };
  try {
    const url = new URL(v.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'must be an http(s) URL' };
    return { value: url.href.endsWith('/') ? url.href : `${url.href}/` };
  } catch {
    return { error: `${JSON.stringify(v)} is not an absolute URL such as \`https://events.example.org/\`` };
  }
}

/** Returns the config with `siteUrl` replaced (the Lambda's `SITE_URL`, the local server's address). */
export function withSiteUrl(config: SiteConfig, siteUrl: string): SiteConfig {
  const checked = absoluteUrl(siteUrl);
  if ('error' in checked) throw new Error(`site URL ${checked.error}`);
  return { ...config, siteUrl: checked.value as string };
}
