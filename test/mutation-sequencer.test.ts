/**
 * The mutation runs' sequencer runs only the test files holding the tests a run names, and every
 * file when it cannot tell: skipping a file that holds a covering test would let a mutant survive.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const Sequencer = require('./mutation-sequencer.js');

const rootDir = '/project';
const cacheDirectory = mkdtempSync(path.join(tmpdir(), 'sequencer-cache-'));
const context = { config: { rootDir, cacheDirectory, id: 'unit' }, hasteFS: { getSize: () => 100 } };
const test = (file: string) => ({ path: path.join(rootDir, file), context });
const files = ['test/a.test.ts', 'test/b.test.ts', 'test/new.test.ts'].map(test);
const names = {
  'test/a.test.ts': ['urls gives a page its folder', 'urls gives webcal: for calendars'],
  'test/b.test.ts': ['build (x) publishes every event [1]'],
};

function run(testNamePattern: string | undefined, withNames = true): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'sequencer-'));
  const file = path.join(dir, 'test-names.json');
  writeFileSync(file, JSON.stringify(names));
  const before = process.env.CALPUB_TEST_NAMES;
  if (withNames) process.env.CALPUB_TEST_NAMES = file;
  else delete process.env.CALPUB_TEST_NAMES;
  try {
    const sequencer = new Sequencer({ contexts: [], globalConfig: { testNamePattern } });
    return (sequencer.sort([...files]) as Array<{ path: string }>).map((t) => path.relative(rootDir, t.path)).sort();
  } finally {
    if (before === undefined) delete process.env.CALPUB_TEST_NAMES;
    else process.env.CALPUB_TEST_NAMES = before;
  }
}

describe('the mutation runs’ test sequencer', () => {
  it('keeps the files holding a named test, and files it has no names for', () => {
    expect(run('(urls gives webcal: for calendars)')).toEqual(['test/a.test.ts', 'test/new.test.ts']);
    expect(run('(build \\(x\\) publishes every event \\[1\\])|(urls gives a page its folder)')).toEqual([
      'test/a.test.ts',
      'test/b.test.ts',
      'test/new.test.ts',
    ]);
  });

  it('matches names as Jest does: any part of the name, in any case', () => {
    expect(run('WEBCAL')).toEqual(['test/a.test.ts', 'test/new.test.ts']);
  });

  it('runs every file without a name pattern or without the names file', () => {
    const all = ['test/a.test.ts', 'test/b.test.ts', 'test/new.test.ts'];
    expect(run(undefined)).toEqual(all);
    expect(run('(urls gives webcal: for calendars)', false)).toEqual(all);
  });
});
