/**
 * The outcome store: one line per page, its venue reused for the same bytes and code, its outcome for
 * the same bytes, config and code; losing it costs only time.
 */
import { configKey, contentKeyOf, OutcomeStore } from '../../lambda/adapters/outcome-store';
import { processPage } from '../../lambda/core/page';
import { TEST_CONFIG, yamlPage } from '../helpers';

const bytesOf = (store: OutcomeStore) => Buffer.concat(store.lines());
const CODE = 'code-1';
const CONFIG = configKey(TEST_CONFIG);
const open = (bytes: Buffer | null, code = CODE, config = CONFIG) => {
  const store = OutcomeStore.parse(bytes, code);
  store.useConfig(config);
  return store;
};

describe('the outcome store', () => {
  const page = yamlPage(
    'event/a/index.md',
    "title: A\ndate: '2027-01-10T10:00:00Z'\nlocation: Lyon, France",
    'Body with a tab\there, a newline\nand "quotes".',
  );
  const outcome = processPage(page, TEST_CONFIG);
  const contentKey = contentKeyOf(Buffer.from(page.text));

  it('reads back what it wrote, one line per page after its first line, texts with tabs and newlines included', () => {
    const store = open(null);
    store.set(page.path, contentKey, outcome);
    const bytes = bytesOf(store);
    expect(bytes.toString().trimEnd().split('\n')).toHaveLength(2);
    const read = open(bytes);
    expect(read.get(page.path, contentKey)).toEqual(JSON.parse(JSON.stringify(outcome)));
    expect(read.venue(page.path, contentKey)).toEqual({ zone: 'Europe/Paris', said: 'France' });
  });

  it('gives an outcome and a venue only for the same bytes of the same page', () => {
    const store = open(null);
    store.set(page.path, contentKey, outcome);
    const read = open(bytesOf(store));
    const edited = contentKeyOf(Buffer.from(`${page.text} `));
    expect([read.get(page.path, edited), read.venue(page.path, edited)]).toEqual([null, undefined]);
    expect([read.get('event/b/index.md', contentKey), read.venue('event/b/index.md', contentKey)]).toEqual([
      null,
      undefined,
    ]);
  });

  it('writes back the line it read for a page that did not change, drops pages not seen, and says when it changed', () => {
    const other = yamlPage('event/b/index.md', "title: B\ndate: '2027-01-11T10:00:00Z'");
    const store = open(null);
    store.set(page.path, contentKey, outcome);
    store.set(other.path, 'k-b', processPage(other, TEST_CONFIG));
    const bytes = bytesOf(store);
    const same = open(bytes);
    same.get(page.path, contentKey);
    same.get(other.path, 'k-b');
    expect(same.changed).toBe(false);
    expect(bytesOf(same).equals(bytes)).toBe(true);
    const fewer = open(bytes);
    fewer.get(page.path, contentKey);
    expect(fewer.changed).toBe(true);
    expect(bytesOf(fewer).toString()).not.toContain('event/b/index.md');
  });

  it('keeps venues but no outcome for another configuration, and nothing for other code or unreadable bytes', () => {
    const store = open(null);
    store.set(page.path, contentKey, outcome);
    const bytes = bytesOf(store);
    const otherConfig = open(bytes, CODE, configKey({ ...TEST_CONFIG, timeZone: 'UTC' }));
    expect([otherConfig.get(page.path, contentKey), otherConfig.venue(page.path, contentKey)]).toEqual([
      null,
      { zone: 'Europe/Paris', said: 'France' },
    ]);
    expect(otherConfig.changed).toBe(true);
    const otherCode = open(bytes, 'code-2');
    expect([otherCode.get(page.path, contentKey), otherCode.venue(page.path, contentKey)]).toEqual([null, undefined]);
    expect(open(Buffer.from('{not json\n')).get(page.path, contentKey)).toBeNull();
    const truncated = open(bytes.subarray(0, bytes.length - 40));
    expect(truncated.get(page.path, contentKey)).toBeNull();
    // A store never told its configuration gives no outcome.
    expect(OutcomeStore.parse(bytes, CODE).get(page.path, contentKey)).toBeNull();
  });

  it('keeps the rendered pieces and the header of an event, not its Markdown', () => {
    expect(outcome.event).not.toHaveProperty('body');
    expect(outcome.pieces?.ics.content).toContain('SUMMARY:A\r\n');
  });
});
