import { cacheChunks, cachedOutcome, cacheKeyOf, entryAfterBuild, nextCache, parseCache } from '../../lambda/core/page-cache';
import { processPage } from '../../lambda/core/page';
import { TEST_CONFIG, yamlPage } from '../helpers';

/** The cache file's text. */
const textOf = (cache: ReturnType<typeof nextCache>) => Buffer.concat([...cacheChunks(cache)].map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');

describe('page cache', () => {
  const page = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'");
  const outcome = processPage(page, TEST_CONFIG);
  const key = cacheKeyOf(TEST_CONFIG, 'code-1');
  const cache = nextCache(key, [{ path: page.path, version: '10:123', outcome }]);

  it('round-trips through its JSON lines, one per page', () => {
    const text = textOf(cache);
    expect(text.trimEnd().split('\n')).toHaveLength(2);
    const read = parseCache(text, key);
    expect(read.entries).toEqual(JSON.parse(JSON.stringify(cache.entries)));
    expect(textOf(read)).toBe(text);
  });

  it('writes back the line it read for an entry it did not change, and serializes a changed one', () => {
    const other = processPage(yamlPage('event/b/index.md', "title: B\ndate: '2027-01-11T10:00:00Z'"), TEST_CONFIG);
    const read = parseCache(textOf(nextCache(key, [{ path: page.path, version: '1', outcome }, { path: 'event/b/index.md', version: '1', outcome: other }])), key);
    const kept = read.entries[page.path].outcome;
    const next = nextCache(key, [{ path: page.path, version: '1', outcome: kept }, { path: 'event/b/index.md', version: '2', outcome: other }], read);
    expect(next.lines?.get(page.path)).toBe(read.lines?.get(page.path));
    expect(next.lines?.has('event/b/index.md')).toBe(false);
    const again = parseCache(textOf(next), key);
    expect(again.entries['event/b/index.md'].version).toBe('2');
    expect(again.entries[page.path].outcome).toEqual(kept);
  });

  it('reads bytes as well as text, keeping each line as a view of the bytes it read', () => {
    const bytes = Buffer.from(textOf(cache));
    const read = parseCache(bytes, key);
    expect(read.entries).toEqual(JSON.parse(JSON.stringify(cache.entries)));
    const line = read.lines?.get(page.path) as Uint8Array;
    expect(line.buffer).toBe(bytes.buffer);
    expect(Buffer.from(line).toString()).toBe(`${JSON.stringify([page.path, '10:123', outcome])}\n`);
    // A last line without its newline is written back with one.
    expect(textOf(parseCache(bytes.subarray(0, bytes.length - 1), key))).toBe(textOf(cache));
  });

  it('reuses an outcome only for the same version of the file', () => {
    expect(cachedOutcome(cache, page.path, '10:123')).toEqual(outcome);
    expect(cachedOutcome(cache, page.path, '11:124')).toBeNull();
    expect(cachedOutcome(cache, 'event/b/index.md', '10:123')).toBeNull();
  });

  it('is discarded whole when the config or the code changed, or when it is unreadable', () => {
    const text = textOf(cache);
    expect(parseCache(text, cacheKeyOf({ ...TEST_CONFIG, timeZone: 'UTC' }, 'code-1')).entries).toEqual({});
    expect(parseCache(text, cacheKeyOf(TEST_CONFIG, 'code-2')).entries).toEqual({});
    expect(parseCache('{not json', key).entries).toEqual({});
    expect(parseCache(null, key).entries).toEqual({});
  });

  it('keeps only the rendered piece and the header of an event, not its Markdown', () => {
    expect(outcome.event).not.toHaveProperty('body');
    expect(outcome.pieces?.ics.content).toContain('SUMMARY:A\r\n');
  });
});

describe('entryAfterBuild', () => {
  const good = processPage(yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'"), TEST_CONFIG);
  const broken = processPage(yamlPage('event/a/index.md', "title: A\ndate: 'TBA'"), TEST_CONFIG);
  it('keeps a good outcome as it is', () => expect(entryAfterBuild('v2', good, broken)).toEqual({ version: 'v2', outcome: good }));
  it('keeps the last good outcome of a page that broke, under a version that never matches', () => {
    expect(entryAfterBuild('v2', broken, good)).toEqual({ version: 'broken:v2', outcome: good });
  });
  it('keeps a broken outcome when there was nothing good before', () => expect(entryAfterBuild('v2', broken, undefined)).toEqual({ version: 'v2', outcome: broken }));
});
