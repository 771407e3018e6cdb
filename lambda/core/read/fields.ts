/**
 * Coercion of loosely typed front-matter values into the shapes the model wants. Real pages write the
 * same key as a string, a number, a list or null; these helpers accept every shape that
 * has an obvious meaning and report the rest through `warn`.
 */
import type { Address, EventLink, FrontMatter } from '../model';

/** Collects a warning about one key. */
export type Warn = (field: string, message: string) => void;

/** Text of a scalar, trimmed; null for absent, null or blank values. */
export function text(data: FrontMatter, key: string, warn: Warn): string | null {
  const value = data[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  warn(key, `\`${key}\` should be text, not ${describe(value)}; it is ignored`);
  return null;
}

/** A list of non-empty strings: accepts a list, a single string, or nothing. */
export function stringList(data: FrontMatter, key: string, warn: Warn): string[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' || typeof item === 'number') {
      const s = String(item).trim();
      if (s && !out.includes(s)) out.push(s);
    } else if (item !== null) warn(key, `\`${key}\` holds ${describe(item)}, which is not text; that entry is ignored`);
  }
  return out;
}

/** True/false from a boolean or the strings `true`/`false`. */
export function flag(data: FrontMatter, key: string, warn: Warn): boolean {
  const value = data[key];
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false|yes|no)$/i.test(value.trim()))
    return /^(true|yes)$/i.test(value.trim());
  warn(key, `\`${key}\` should be true or false, not ${describe(value)}; false is used`);
  return false;
}

/** An absolute http(s) URL, or null. Placeholders such as `''` and `.` mean "no link". */
export function absoluteUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    return new URL(s).href;
  } catch {
    return null;
  }
}

/** `event_url`: a URL, or a list of `{title, url}` (first one wins), or nothing. */
export function eventUrl(data: FrontMatter, warn: Warn): string | null {
  const value = data.event_url;
  if (value === undefined || value === null) return null;
  const candidate = Array.isArray(value)
    ? (value.find((v) => isRecord(v) && v.url) as FrontMatter | undefined)?.url
    : value;
  const url = absoluteUrl(candidate);
  if (!url && typeof candidate === 'string' && !/^\.?$/.test(candidate.trim())) {
    warn('event_url', `\`event_url\` ${JSON.stringify(candidate)} is not an absolute http(s) URL; it is ignored`);
  }
  return url;
}

/**
 * `image`: an absolute URL (`image: https://...`, or Wowchemy's `image: {filename: https://...}`).
 * A file of the page bundle (`featured.jpg`) is not published by calpub, so it is not an image here.
 */
export function image(data: FrontMatter): string | null {
  const value = data.image;
  return absoluteUrl(isRecord(value) ? value.filename : value);
}

/** `location`: free text, flattened to one line; Markdown links become "text (url)". */
export function location(data: FrontMatter, warn: Warn): string | null {
  const raw = text(data, 'location', warn);
  if (raw === null) return null;
  const flat = raw
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, (_m, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');
  return flat || null;
}

const ADDRESS_KEYS = ['street', 'city', 'region', 'postcode', 'country'] as const;

/** `address`: the five optional parts, numbers (unquoted postcodes) read as text. */
export function address(data: FrontMatter, warn: Warn): Address | null {
  const value = data.address;
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    warn('address', '`address` should have `street`, `city`, `region`, `postcode`, `country` lines; it is ignored');
    return null;
  }
  const out: Record<string, string> = {};
  for (const key of ADDRESS_KEYS) {
    const part = value[key];
    if (typeof part === 'string' || typeof part === 'number') {
      const s = String(part).trim();
      if (s) out[key] = s;
    }
  }
  return Object.keys(out).length ? out : null;
}

/**
 * One line for LOCATION: the venue, then the address parts, each comma-separated piece once. A piece
 * is left out when a piece already there is the same (same words, whatever the case, accents and
 * punctuation): venue "Campus Nord, Ville" with city "Campus Nord" or street "Campus Nord, Bât. A"
 * says "Campus Nord" once. A name that contains a place is not the place: "Université de Montréal"
 * with city "Montréal" keeps the city.
 */
export function locationLine(venue: string | null, addr: Address | null): string | null {
  const pieces = [venue, ...ADDRESS_KEYS.map((k) => addr?.[k])]
    .flatMap((p) => (p ? p.split(/,\s+/) : []))
    .map((p) => p.trim())
    .filter(Boolean);
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const text of pieces) {
    const words = comparable(text);
    if (words === '' || seen.has(words)) continue;
    seen.add(words);
    kept.push(text);
  }
  return kept.length ? kept.join(', ') : null;
}

const comparables = new Map<string, string>();

/**
 * Lower case, no accents, words separated by single spaces: how names and places are compared.
 * Memoized (a site's pages repeat the same places), up to a bound.
 */
export function comparable(text: string): string {
  let found = comparables.get(text);
  if (found === undefined) {
    found = text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (comparables.size < 50_000) comparables.set(text, found);
  }
  return found;
}

const URL_BUTTONS: ReadonlyArray<[string, string]> = [
  ['url_slides', 'Slides'],
  ['url_video', 'Video'],
  ['url_code', 'Code'],
  ['url_pdf', 'PDF'],
];

/** Links from `links` and the `url_*` buttons, absolute URLs only. */
export function links(data: FrontMatter, warn: Warn): EventLink[] {
  const out: EventLink[] = [];
  const add = (field: string, name: string, value: unknown) => {
    const url = absoluteUrl(value);
    if (url) {
      if (!out.some((l) => l.url === url)) out.push({ name, url });
    } else if (typeof value === 'string' && value.trim() !== '' && value.trim() !== '.') {
      warn(
        field,
        `\`${field}\` ${JSON.stringify(value)} is not an absolute http(s) URL (files inside the page folder are not published by calpub); it is left out`,
      );
    }
  };
  for (const [key, name] of URL_BUTTONS) add(key, name, data[key]);
  const list = data.links;
  if (Array.isArray(list)) {
    for (const item of list) {
      if (isRecord(item))
        add('links', typeof item.name === 'string' && item.name.trim() ? item.name.trim() : 'Link', item.url);
    }
  }
  return out;
}

/** `geo: {lat, lon}` when both are numbers in range. */
export function geo(data: FrontMatter, warn: Warn): { lat: number; lon: number } | null {
  const value = data.geo;
  if (value === undefined || value === null) return null;
  const lat = isRecord(value) ? Number(value.lat) : NaN;
  const lon = isRecord(value) ? Number(value.lon ?? value.lng) : NaN;
  if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { lat, lon };
  warn('geo', '`geo` should be `{lat: <-90..90>, lon: <-180..180>}`; it is ignored');
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a group of keys';
  return JSON.stringify(value);
}
