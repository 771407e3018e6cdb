/** The fixture site (test/fixtures/site), built in memory with the fixed clock. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../lambda/core/model';
import { build, NOW } from './helpers';

export const FIXTURE = path.join(__dirname, 'fixtures', 'site');

/** Every file under a folder, as the content source hands them over. */
export function filesUnder(dir: string, rel = ''): SourceFile[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, child)).isDirectory()
      ? filesUnder(dir, child)
      : [{ path: child, text: readFileSync(path.join(dir, child), 'utf8') }];
  });
}

/** Builds the fixture site. */
export function buildFixture(now = NOW, extra: SourceFile[] = []) {
  return build([...filesUnder(FIXTURE).filter((f) => f.path !== 'calpub.yaml'), ...extra], {
    config: readFileSync(path.join(FIXTURE, 'calpub.yaml'), 'utf8'),
    now,
  });
}

/** Compares with a golden file beside the test; UPDATE_GOLDEN=1 rewrites it (review the diff). */
export function expectGolden(dir: string, name: string, actual: string): void {
  const file = path.join(dir, 'golden', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
