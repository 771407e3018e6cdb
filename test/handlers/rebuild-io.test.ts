import { gunzipSync } from 'node:zlib';
import { compressPages, compressState, parseRemoteState, serializeHead, type RemoteState } from '../../lambda/handlers/rebuild-io';
import { processPage } from '../../lambda/core/page';
import { siteConfigOf } from '../../lambda/core/build';

const config = siteConfigOf('title: T\nsiteUrl: https://e.example.org/\ntimeZone: Europe/Paris\n', undefined);
const outcome = (n: number) => processPage({ path: `event/e${n}/index.md`, text: `---\ntitle: "Line\\nbreak ${n}"\ndate: '2027-01-0${(n % 9) + 1}T18:00:00'\n---\nBody\n\nwith a blank line.\n` }, config);
const state = (pages: RemoteState['pages']): RemoteState => ({
  version: 1,
  key: 'k',
  config: { etag: '"c"', text: 'title: T\n' },
  memories: { version: 1, events: {} },
  manifest: { 'calendar.ics': { h: 'abc', k: 'x' } },
  pages,
  checkedAt: 5,
});
const pagesOf = (count: number): RemoteState['pages'] => Object.fromEntries(Array.from({ length: count }, (_, n) => [`event/e${n}/index.md`, { etag: `"${n}"`, outcome: outcome(n) }]));

/** What a rebuild stores: the pages' buckets and the last line, as gzip members. */
async function stored(s: RemoteState) {
  const pages = compressPages(s.pages, () => false);
  return { pages, text: gunzipSync(await compressState(pages.compressed, serializeHead(s))).toString('utf8') };
}

describe('the stored state (JSON lines in gzip members)', () => {
  it('reads back what it wrote, one line per page, even when texts hold newlines', async () => {
    const written = state(pagesOf(2));
    const { text } = await stored(written);
    expect(text.split('\n')).toHaveLength(3);
    const read = parseRemoteState(text);
    expect(read.state).toEqual(JSON.parse(JSON.stringify(written)));
    expect(read.headText).toBe(serializeHead(written));
  });

  it('reads back a state without pages', async () => {
    const { text } = await stored(state({}));
    expect(parseRemoteState(text).state).toEqual(state({}));
  });

  it('compresses one member per bucket of pages, and reuses the buckets whose pages did not change', async () => {
    const pages = pagesOf(600);
    const first = compressPages(pages, () => false);
    expect(first.buckets.size).toBeGreaterThan(100);
    const edited: RemoteState['pages'] = { ...pages, 'event/e70/index.md': { etag: '"new"', outcome: outcome(71) } };
    const again = compressPages(edited, (p) => edited[p] === pages[p], first.buckets);
    const changed = [...again.buckets].filter(([b, bucket]) => bucket !== first.buckets.get(b)).map(([, bucket]) => bucket.paths);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('event/e70/index.md');
    const read = parseRemoteState(gunzipSync(await compressState(again.compressed, serializeHead(state(edited)))).toString('utf8'));
    expect(Object.keys(read.state.pages)).toHaveLength(600);
    expect(read.state.pages['event/e70/index.md'].etag).toBe('"new"');
  });

  it('starts afresh from a missing, unreadable or older-format state', () => {
    for (const text of [null, '', '{not json', JSON.stringify({ version: 1, pages: {}, manifest: {} }), '[broken\n{"format":2,"version":1,"manifest":{}}']) {
      expect(parseRemoteState(text).state).toMatchObject({ key: '', pages: {}, manifest: {} });
    }
  });
});
