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
import type { Labels } from './catalog';

export type { Labels } from './catalog';

const CATALOGS: Readonly<Record<string, Labels>> = { en, fr, de, es, pt, it, ja };

/** The labels of a BCP 47 language (`fr-CA` → French), English when calpub has no catalog for it. */
export function labelsFor(language: string | null | undefined): Labels {
  const primary = (language ?? 'en').toLowerCase().split(/[-_]/)[0];
  return CATALOGS[primary] ?? en;
}
