/** The serverless rebuild's state object: memory, manifest and outcome store, in one gzipped object. */
import { gzipSync } from 'node:zlib';
import { configKey, OutcomeStore } from '../../lambda/adapters/outcome-store';
import { EMPTY_MEMORY } from '../../lambda/core/memory';
import type { Memory } from '../../lambda/core/model';
import { processPage } from '../../lambda/core/page';
import { parseRemoteState, serializeRemoteState, stateHead } from '../../lambda/handlers/remote-state';
import { TEST_CONFIG, yamlPage } from '../helpers';

const memory: Memory = {
  version: 2,
  events: { 'event/a': { fingerprint: 'f', sequence: 2, changedAt: 1_700_000_000_000 } },
  lastGood: { 'event/a/index.md': '---\ntitle: "A\\nB"\n---\nBody\n\nwith a blank line.\n' },
};

describe('the remote state', () => {
  it("reads back what it wrote: memory, manifest, check time and the outcome store's lines", () => {
    const store = OutcomeStore.parse(null, 'k');
    store.useConfig(configKey(TEST_CONFIG));
    const page = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'", 'Line one\n\nline two');
    store.set(page.path, '"etag"', processPage(page, TEST_CONFIG));
    const head = stateHead(memory, { 'calendar.ics': 'abc' }, 5);
    const read = parseRemoteState(serializeRemoteState(head, store.lines()));
    expect(read).toMatchObject({ memory, manifest: { 'calendar.ics': 'abc' }, checkedAt: 5, head });
    const again = OutcomeStore.parse(read.store, 'k');
    again.useConfig(configKey(TEST_CONFIG));
    expect(again.get(page.path, '"etag"')).toEqual(JSON.parse(JSON.stringify(processPage(page, TEST_CONFIG))));
  });

  it('is empty when missing, unreadable or of another format (the rebuild then starts afresh)', () => {
    const empty = { memory: EMPTY_MEMORY, manifest: {}, checkedAt: 0, store: null, head: '' };
    expect(parseRemoteState(null)).toEqual({ ...empty, status: 'missing' });
    expect(parseRemoteState(Buffer.from('not gzip'))).toEqual({ ...empty, status: 'unreadable' });
    expect(parseRemoteState(gzipSync('{"format":2,"manifest":{}}\n'))).toEqual({ ...empty, status: 'unreadable' });
  });

  it('writes the same bytes for the same state', () => {
    const head = (manifest: Record<string, string>) => stateHead(memory, manifest, 5);
    expect(head({ 'b.ics': '2', 'a.ics': '1' })).toBe(head({ 'a.ics': '1', 'b.ics': '2' }));
  });
});
