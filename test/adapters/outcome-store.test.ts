/** The outcome store: one line per page, reused for the same bytes, config and code; losing it costs only time. */
import { contentKeyOf, OutcomeStore, storeKey } from '../../lambda/adapters/outcome-store';
import { processPage } from '../../lambda/core/page';
import { TEST_CONFIG, yamlPage } from '../helpers';

const bytesOf = (store: OutcomeStore) => Buffer.concat(store.lines());
const key = storeKey(TEST_CONFIG, 'code-1');

describe('the outcome store', () => {
  const page = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'", 'Body with a tab\there, a newline\nand "quotes".');
  const outcome = processPage(page, TEST_CONFIG);
  const contentKey = contentKeyOf(Buffer.from(page.text));

  it('reads back what it wrote, one line per page after its first line, texts with tabs and newlines included', () => {
    const store = OutcomeStore.parse(null, key);
    store.set(page.path, contentKey, outcome);
    const bytes = bytesOf(store);
    expect(bytes.toString().trimEnd().split('\n')).toHaveLength(2);
    const read = OutcomeStore.parse(bytes, key);
    expect(read.get(page.path, contentKey)).toEqual(JSON.parse(JSON.stringify(outcome)));
  });

  it('gives an outcome only for the same bytes of the same page', () => {
    const store = OutcomeStore.parse(null, key);
    store.set(page.path, contentKey, outcome);
    const read = OutcomeStore.parse(bytesOf(store), key);
    expect(read.get(page.path, contentKeyOf(Buffer.from(`${page.text} `)))).toBeNull();
    expect(read.get('event/b/index.md', contentKey)).toBeNull();
  });

  it('writes back the line it read for a page that did not change, drops pages not seen, and says when it changed', () => {
    const other = yamlPage('event/b/index.md', "title: B\ndate: '2027-01-11T10:00:00Z'");
    const store = OutcomeStore.parse(null, key);
    store.set(page.path, contentKey, outcome);
    store.set(other.path, 'k-b', processPage(other, TEST_CONFIG));
    const bytes = bytesOf(store);
    const same = OutcomeStore.parse(bytes, key);
    same.get(page.path, contentKey);
    same.get(other.path, 'k-b');
    expect(same.changed).toBe(false);
    expect(bytesOf(same).equals(bytes)).toBe(true);
    const fewer = OutcomeStore.parse(bytes, key);
    fewer.get(page.path, contentKey);
    expect(fewer.changed).toBe(true);
    expect(bytesOf(fewer).toString()).not.toContain('event/b/index.md');
  });

  it('is empty when made for another configuration or code, or unreadable', () => {
    const store = OutcomeStore.parse(null, key);
    store.set(page.path, contentKey, outcome);
    const bytes = bytesOf(store);
    expect(OutcomeStore.parse(bytes, storeKey({ ...TEST_CONFIG, timeZone: 'UTC' }, 'code-1')).get(page.path, contentKey)).toBeNull();
    expect(OutcomeStore.parse(bytes, storeKey(TEST_CONFIG, 'code-2')).get(page.path, contentKey)).toBeNull();
    expect(OutcomeStore.parse(Buffer.from('{not json\n'), key).get(page.path, contentKey)).toBeNull();
    const truncated = OutcomeStore.parse(bytes.subarray(0, bytes.length - 40), key);
    expect(truncated.get(page.path, contentKey)).toBeNull();
  });

  it('keeps the rendered pieces and the header of an event, not its Markdown', () => {
    expect(outcome.event).not.toHaveProperty('body');
    expect(outcome.pieces?.ics.content).toContain('SUMMARY:A\r\n');
  });
});
