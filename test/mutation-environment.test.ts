/**
 * The mutation runs' test environment skips a run's tests after its first failure, only while Stryker
 * has a mutant active, and forgets the failure at the next run: Jest runs two fixture files with it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const fixtures = path.join(__dirname, 'fixtures', 'mutation-bail');

/** Each test's status in the order Jest ran them. */
function runFixtures(env: Record<string, string>): string[] {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'mutation-env-')), 'report.json');
  const config = {
    rootDir: fixtures,
    testMatch: ['<rootDir>/*.check.js'],
    transform: {},
    testEnvironment: path.join(__dirname, 'mutation-environment.js'),
    testSequencer: path.join(__dirname, 'mutation-sequencer.js'),
    cacheDirectory: path.dirname(out),
  };
  const { __STRYKER_ACTIVE_MUTANT__: _mutant, CALPUB_TEST_NAMES: _names, ...inherited } = process.env;
  spawnSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--config',
      JSON.stringify(config),
      '--runInBand',
      '--json',
      '--outputFile',
      out,
    ],
    { env: { ...inherited, ...env }, encoding: 'utf8' },
  );
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    testResults: Array<{ assertionResults: Array<{ title: string; status: string }> }>;
  };
  return report.testResults.flatMap((file) => file.assertionResults.map((t) => `${t.title} ${t.status}`));
}

describe('the mutation runs’ test environment', () => {
  it('skips every test after the first failure while a mutant is active', () => {
    const ran = runFixtures({ __STRYKER_ACTIVE_MUTANT__: '7', FAIL_AT: 'a' });
    const failed = ran.indexOf('a2 failed');
    expect(failed).toBeGreaterThanOrEqual(0);
    expect(ran.slice(0, failed).every((t) => t.endsWith(' passed'))).toBe(true);
    expect(ran.slice(failed + 1)).toEqual(ran.slice(failed + 1).map((t) => t.replace(/ \w+$/, ' pending')));
    expect(ran).toContain('a3 pending');
  });

  it('runs every test of a run that fails none, and of a run without an active mutant', () => {
    expect(runFixtures({ __STRYKER_ACTIVE_MUTANT__: '7' }).sort()).toEqual([
      'a1 passed',
      'a2 passed',
      'a3 passed',
      'b1 passed',
      'b2 passed',
    ]);
    expect(runFixtures({ FAIL_AT: 'a' }).sort()).toEqual([
      'a1 passed',
      'a2 failed',
      'a3 passed',
      'b1 passed',
      'b2 passed',
    ]);
  });

  it('skips nothing of the next mutant’s tests after a failure against one', () => {
    const Environment = require('./mutation-environment.js');
    const handle = (event: { name: string; test: { errors: unknown[]; mode?: string } }) =>
      Environment.prototype.handleTestEvent.call({}, event);
    const start = () => {
      const test = { errors: [] as unknown[], mode: undefined as string | undefined };
      handle({ name: 'test_start', test });
      return test.mode;
    };
    const before = process.env.__STRYKER_ACTIVE_MUTANT__;
    try {
      process.env.__STRYKER_ACTIVE_MUTANT__ = '7';
      expect(start()).toBeUndefined();
      handle({ name: 'test_done', test: { errors: [new Error('killed')] } });
      expect(start()).toBe('skip');
      process.env.__STRYKER_ACTIVE_MUTANT__ = '8';
      expect(start()).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.__STRYKER_ACTIVE_MUTANT__;
      else process.env.__STRYKER_ACTIVE_MUTANT__ = before;
    }
  });
});
