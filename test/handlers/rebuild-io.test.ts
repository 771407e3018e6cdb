import { gunzipSync } from 'node:zlib';
import { compressPages, compressState, parseRemoteState, serializeHead, serializePages, type RemoteState } from '../../lambda/handlers/rebuild-io';
import { processPage } from '../../lambda/core/page';
import { siteConfigOf } from '../../lambda/core/build';

const config = siteConfigOf('title: T\nsiteUrl: https://e.example.org/\ntimeZone: Europe/Paris\n', undefined);
const outcome = (n: number) => processPage({ path: `event/e${n}/index.md`, text: `---\ntitle: "Line\\nbreak ${n}"\ndate: '2027-01-0${n}T18:00:00'\n---\nBody\n\nwith a blank line.\n` }, config);
const state = (pages: RemoteState['pages']): RemoteState => ({
  version: 1,
  key: 'k',
  config: { etag: '"c"', text: 'title: T\n' },
  memories: { version: 1, events: {} },
  manifest: { 'calendar.ics': { h: 'abc', k: 'x' } },
  pages,
  checkedAt: 5,
});

/** What a rebuild stores: both parts compressed as separate gzip members. */
async function stored(s: RemoteState, reuse: (rel: string) => string | undefined = () => undefined) {
  const pages = serializePages(s.pages, reuse);
  const bytes = await compressState(compressPages([...pages.lines.values()]).compressed, serializeHead(s));
  return { pages, text: gunzipSync(bytes).toString('utf8') };
}

describe('the stored state (JSON lines)', () => {
  it('reads back what it wrote, one line per page, even when texts hold newlines', async () => {
    const written = state({ 'event/e1/index.md': { etag: '"1"', outcome: outcome(1) }, 'event/e2/index.md': { etag: '"2"', outcome: outcome(2) } });
    const { pages, text } = await stored(written);
    expect(text.split('\n')).toHaveLength(3);
    const read = parseRemoteState(text);
    expect(read.state).toEqual(JSON.parse(JSON.stringify(written)));
    expect(read.lines.get('event/e2/index.md')).toBe(pages.lines.get('event/e2/index.md'));
    expect([read.pagesText, read.headText]).toEqual([pages.pagesText, serializeHead(written)]);
  });

  it('reads back a state without pages', async () => {
    const { text } = await stored(state({}));
    expect(parseRemoteState(text).state).toEqual(state({}));
  });

  it('reuses the line it is given for a page instead of serializing it again', async () => {
    const first = await stored(state({ 'event/e1/index.md': { etag: '"1"', outcome: outcome(1) } }));
    const again = await stored(state({ 'event/e1/index.md': { etag: '"1"', outcome: outcome(2) } }), (rel) => first.pages.lines.get(rel));
    expect(again.text).toBe(first.text);
  });

  it('compresses 64 pages per gzip member, and reuses the members whose pages did not change', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => JSON.stringify([`event/e${i}/index.md`, `"${i}"`, { n: i }]));
    const first = compressPages(lines);
    expect(first.members.size).toBe(3);
    expect(gunzipSync(await first.compressed).toString('utf8')).toBe(`${lines.join('\n')}\n`);
    const edited = [...lines];
    edited[70] = JSON.stringify(['event/e70/index.md', '"new"', { n: 70 }]);
    const again = compressPages(edited, first.members);
    const [a, b, c] = [...again.members.values()];
    const [a0, , c0] = [...first.members.values()];
    expect([a === a0, b === [...first.members.values()][1], c === c0]).toEqual([true, false, true]);
    expect(gunzipSync(await again.compressed).toString('utf8')).toBe(`${edited.join('\n')}\n`);
  });

  it('starts afresh from a missing, unreadable or older-format state', () => {
    for (const text of [null, '', '{not json', JSON.stringify({ version: 1, pages: {}, manifest: {} }), '{"format":2,"version":1,"manifest":{}}\n[broken']) {
      expect(parseRemoteState(text).state).toMatchObject({ key: '', pages: {}, manifest: {} });
    }
  });
});
