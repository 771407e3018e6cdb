/**
 * The CLI as users run it: `bin/run.cjs`, which runs the esbuild bundle (rebuilt when the sources
 * changed), in a child process. One helper for every test that runs it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';

/** The repository's root. */
export const ROOT = path.join(__dirname, '..');
/** What `npm run calpub` runs. */
export const CLI = path.join(ROOT, 'bin', 'run.cjs');

/** Options of one run: where, with which environment (added to this process's), for how long at most. */
export interface CliOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeout?: number;
}

/** Runs `calpub <args>` to its end: its status, stdout and stderr (as text). */
export function runCli(args: readonly string[], options: CliOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
}
