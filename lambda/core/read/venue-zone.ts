/**
 * The time zone of an event's venue, from what its page says: the `address` parts and the `location`
 * text. Sites rarely name a zone (Wowchemy starters have no `timeZone`), but their pages say where:
 * `country: Belgique`, `region: QC`, `location: Centre Pierre Mendès-France, Bercy, Paris`.
 *
 * Each piece of text (an address part, or a piece of the location between commas and brackets) is
 * looked up whole, never as a word inside a longer name ("Université de Montréal" is not Montréal):
 * - a country, by its name in any of the common languages or its ISO code (ICU's `Intl.DisplayNames`);
 * - a region or large city of a country with several zones (zone-regions.ts);
 * - a city that names a zone of the tz database (`Paris` → Europe/Paris), from ICU's zone list.
 * The country most pieces point to wins (`Atlanta, Georgia` is in the United States, `Tbilisi,
 * Georgia` is not), then its most precise zone: the region's, the city's, the country's only or
 * main zone. A country with several zones and nothing more precise gives no zone.
 */
import { COUNTRY_ZONES, ICU_RENAMES } from './zone-regions';
import type { Address } from '../model';
import { comparable } from './fields';

/** The zone a page's venue is in, and the words that say so (for warnings). */
export interface VenueZone {
  readonly zone: string;
  /** What the page says, as written (`Paris`, `QC, Canada`). */
  readonly said: string;
}

type Hit = {
  readonly kind: 'country' | 'region' | 'city';
  readonly country: string | null;
  readonly zone: string | null;
  readonly said: string;
};

/** The venue's zone, or null when the page says nothing that places it in one zone. */
export function venueZoneOf(address: Address | null, location: string | null): VenueZone | null {
  const hits = [
    ...piecesOf(address?.country).flatMap((p) => [...countryHits(p), ...cityHits(p)]),
    ...piecesOf(address?.region).flatMap((p) => [...regionHits(p), ...countryHits(p, false)]),
    ...piecesOf(address?.city).flatMap((p) => [...regionHits(p), ...cityHits(p)]),
    ...piecesOf(location).flatMap((p) => [...countryHits(p, false), ...regionHits(p), ...cityHits(p)]),
  ];
  if (hits.length === 0) return null;
  const countries = [...new Set(hits.filter((h) => h.kind !== 'city').map((h) => h.country as string))];
  if (countries.length === 0) {
    const city = hits[0];
    return { zone: city.zone as string, said: city.said };
  }
  const supports = (c: string) => (h: Hit) =>
    h.country === c || (h.kind === 'city' && zonesOf(c).includes(icuName(h.zone as string)));
  const score = (c: string) => hits.filter(supports(c)).length;
  // A tie goes to the country named first: the address's (its hits come first), then the location's order.
  const country = countries.reduce((best, c) => (score(c) > score(best) ? c : best));
  const own = hits.filter(supports(country));
  const precise = own.find((h) => h.kind === 'region') ?? own.find((h) => h.kind === 'city');
  const said = [...new Set(own.map((h) => h.said))].join(', ');
  if (precise) return { zone: precise.zone as string, said };
  const zone = COUNTRY_ZONES[country]?.primary ?? onlyZone(country);
  return zone ? { zone, said } : null;
}

/** The pieces of a text that may each name a place: split at commas, brackets, slashes and line ends. */
function piecesOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[,;()[\]{}/|\n]+|\s[-–—]\s|\s(?:ou|or|et|and|y|und)\s/u)
    .map((p) =>
      p
        .trim()
        .replace(/^\d[\d\s-]*\s+|\s+\d[\d\s-]*$/u, '')
        .trim(),
    ) // postcodes beside a city: `75013 Paris`
    .filter((p) => p.length >= 2 && p.length <= 60);
}

function countryHits(piece: string, codes = true): Hit[] {
  const code =
    codes && /^[A-Z]{2}$/.test(piece) && zonesOf(piece).length ? piece : countryNames().get(comparable(piece));
  return code ? [{ kind: 'country', country: code, zone: null, said: piece }] : [];
}

function regionHits(piece: string): Hit[] {
  const byName = regionNames();
  // Postal codes (`QC`, `TX`) only as written, in capitals: `in`, `or`, `me` are words.
  const found =
    byName.names.get(comparable(piece)) ??
    (/^[A-Z][A-Z.\s-]{0,5}$/.test(piece) ? byName.codes.get(piece) : undefined) ??
    [];
  return found.map(({ country, zone }) => ({ kind: 'region', country, zone, said: piece }));
}

function cityHits(piece: string): Hit[] {
  const zone = zoneCities().get(comparable(piece));
  return zone ? [{ kind: 'city', country: null, zone, said: piece }] : [];
}

/** The zones ICU lists for a country (its own names for them: `Asia/Calcutta`). */
export function zonesOf(country: string): readonly string[] {
  let zones = countryZoneCache.get(country);
  if (!zones) {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
      timeZones?: string[];
      getTimeZones?: () => string[];
    };
    zones = (locale.getTimeZones?.() ?? locale.timeZones ?? []).slice();
    countryZoneCache.set(country, zones);
  }
  return zones;
}
const countryZoneCache = new Map<string, readonly string[]>();

/** A country's zone when it has one (in the tz database's current name). */
function onlyZone(country: string): string | null {
  const zones = zonesOf(country);
  return zones.length === 1 ? (ICU_RENAMES[zones[0]] ?? zones[0]) : null;
}

function icuName(zone: string): string {
  const old = Object.entries(ICU_RENAMES).find(([, now]) => now === zone);
  return old ? old[0] : zone;
}

/** Languages whose country names are recognised (ICU has each country's name in each). */
const NAME_LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'ru', 'uk', 'pl', 'zh', 'ja', 'tr', 'sv', 'ca', 'cs'];
/** Codes that name no country (`EU`, `UN`, private use). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);
/** Names ICU does not give but people write. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  USA: 'US',
  'U.S.A.': 'US',
  'U.S.': 'US',
  'United States of America': 'US',
  'Etats-Unis': 'US',
  EEUU: 'US',
  'EE.UU.': 'US',
  UK: 'GB',
  'U.K.': 'GB',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  'Great Britain': 'GB',
  Angleterre: 'GB',
  Écosse: 'GB',
  Holland: 'NL',
  'Czech Republic': 'CZ',
  Turkey: 'TR',
  'Ivory Coast': 'CI',
  'South Korea': 'KR',
  Korea: 'KR',
  'Republic of Korea': 'KR',
  РФ: 'RU',
  'Russian Federation': 'RU',
  'Viet Nam': 'VN',
};

let countryIndex: Map<string, string> | null = null;
function countryNames(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NOT_COUNTRIES.has(code) && english.of(code) !== code) codes.push(code);
    }
  }
  for (const language of NAME_LANGUAGES) {
    // Short names (`US`, `UK`, `Russie`) only in English: the others' long names are what addresses write.
    for (const style of language === 'en' ? (['long', 'short'] as const) : (['long'] as const)) {
      const names = new Intl.DisplayNames([language], { type: 'region', style });
      for (const code of codes) {
        const name = comparable(names.of(code) ?? '');
        if (name && !index.has(name)) index.set(name, code);
      }
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) index.set(comparable(alias), code);
  return (countryIndex = index);
}

type RegionIndex = {
  names: Map<string, Array<{ country: string; zone: string }>>;
  codes: Map<string, Array<{ country: string; zone: string }>>;
};
let regionIndex: RegionIndex | null = null;
function regionNames(): RegionIndex {
  if (regionIndex) return regionIndex;
  const index: RegionIndex = { names: new Map(), codes: new Map() };
  const add = (
    map: Map<string, Array<{ country: string; zone: string }>>,
    key: string,
    entry: { country: string; zone: string },
  ) => map.set(key, [...(map.get(key) ?? []), entry]);
  for (const [country, { regions }] of Object.entries(COUNTRY_ZONES)) {
    for (const [names, zone] of Object.entries(regions)) {
      for (const name of names.split('|')) {
        if (/^[A-Z][A-Z.\s-]{0,5}$/.test(name)) add(index.codes, name, { country, zone });
        else add(index.names, comparable(name), { country, zone });
      }
    }
  }
  return (regionIndex = index);
}

/**
 * Zones' own cities are too common a word to be read as a place in free text (an Antarctic base named
 * after a person, `Center` in North Dakota): left out.
 */
const NOT_CITIES = new Set([
  'casey',
  'davis',
  'palmer',
  'troll',
  'stanley',
  'easter',
  'christmas',
  'wake',
  'midway',
  'regina',
  'creston',
  'nome',
  'resolute',
  'center',
  'knox',
  'marengo',
  'beulah',
  'sitka',
  'eucla',
  'adak',
  'thule',
  'guam',
  'norfolk',
  'chatham',
  'enderbury',
  'johnston',
  'truk',
  'yap',
  'macquarie',
  'ushuaia',
  'general',
  'uzhgorod',
]);

let cityIndex: Map<string, string> | null = null;
function zoneCities(): Map<string, string> {
  if (cityIndex) return cityIndex;
  const index = new Map<string, string>();
  for (const icu of Intl.supportedValuesOf('timeZone')) {
    if (/^(Antarctica|Etc|SystemV|US|Canada|Brazil|Mexico|Chile)\//.test(icu) || !icu.includes('/')) continue;
    const zone = ICU_RENAMES[icu] ?? icu;
    for (const id of new Set([icu, zone])) {
      const city = comparable(id.slice(id.lastIndexOf('/') + 1).replace(/_/g, ' '));
      if (!NOT_CITIES.has(city) && !index.has(city)) index.set(city, zone);
    }
  }
  return (cityIndex = index);
}
