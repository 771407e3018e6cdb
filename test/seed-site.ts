/** The seed page (../shared/seeds) as a content folder, for tests that run what ships on it. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The seed document, when ../shared sits next to the project (CI places it there). */
export const SEED = path.join(__dirname, '..', '..', 'shared', 'seeds', '000_8b0b64b47d24530b.txt');
export const HAS_SEED = existsSync(SEED);

/** Where the seed page goes, and the site it belongs to (Europe/Paris, times written with `Z`). */
export const SEED_PAGE = 'event/10-pourcent-final-season1/index.md';
export const SEED_CONFIG =
  'title: SSP Hub\ntimeZone: Europe/Paris\nwallClockZ: true\nuidDomain: ssphub.example.org\nlanguage: fr\n';

/** Writes the seed site into a new folder under the OS temp folder (the caller removes it). */
export function seedContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-seed-'));
  mkdirSync(path.join(dir, path.dirname(SEED_PAGE)), { recursive: true });
  writeFileSync(path.join(dir, SEED_PAGE), readFileSync(SEED, 'utf8'));
  writeFileSync(path.join(dir, 'calpub.yaml'), SEED_CONFIG);
  return dir;
}
