/**
 * The team's shared material beside the checkout (../shared: the seed page, the real-world corpus, the
 * tools). A suite that needs it and does not find it is skipped, and says so in one line (a plain
 * clone has no ../shared; CI places it there).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The path of something under ../shared. */
export function sharedPath(...parts: string[]): string {
  return path.join(__dirname, '..', '..', 'shared', ...parts);
}

/** `describe` when `parts` (under ../shared) exists, else `describe.skip` with one line on stderr naming the suite. */
export function describeWithShared(suite: string, ...parts: string[]): jest.Describe {
  if (existsSync(sharedPath(...parts))) return describe;
  process.stderr.write(`${suite}: skipped, ../shared/${parts.join('/')} is not beside the checkout\n`);
  return describe.skip;
}

/** `it` when `parts` (under ../shared) exists, else `it.skip` with one line on stderr naming the test. */
export function itWithShared(test: string, ...parts: string[]): jest.It {
  if (existsSync(sharedPath(...parts))) return it;
  process.stderr.write(`${test}: skipped, ../shared/${parts.join('/')} is not beside the checkout\n`);
  return it.skip;
}
