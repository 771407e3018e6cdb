import { createHash } from 'node:crypto';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { PreparedItems } from '../../lambda/core/build';
import type { ItemFormat, Prerendered } from '../../lambda/core/event-items';
import { packItems, unpackItems, type PackedItems } from '../../bin/cli/prepared-items';

const item = (key: string, vevent: string, rss: string): Prerendered => ({ key, texts: new Map<ItemFormat, string>([['vevent', vevent], ['rss', rss]]) });

describe('prepared items crossing threads', () => {
  it('arrive with their bytes and SHA-256, pages without items left out, the bytes not copied', () => {
    const list = [item('k1', 'BEGIN:VEVENT\r\nSUMMARY:Fête ✓ 😀 \ud800\r\n', '<item>a</item>'), null, item('k3', '', '<item>ç</item>')];
    const packed = packItems(list);
    // Sent as a worker sends it: the bytes are in shared memory, which both sides see.
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed);
    const received = receiveMessageOnPort(port2)?.message as PackedItems;
    packed.formats[0].bytes[0] = 'X'.charCodeAt(0);
    expect(String.fromCharCode(received.formats[0].bytes[0])).toBe('X');
    packed.formats[0].bytes[0] = 'B'.charCodeAt(0);
    port1.close();
    const into = new Map<string, PreparedItems>();
    unpackItems(received, ['a.md', 'b.md', 'c.md'], into);
    expect([...into.keys()]).toEqual(['a.md', 'c.md']);
    for (const [file, source] of [['a.md', list[0]], ['c.md', list[2]]] as const) {
      const got = into.get(file) as PreparedItems;
      expect(got.key).toBe(source?.key);
      for (const [format, text] of source?.texts ?? []) {
        const part = got.parts.get(format);
        expect(part?.bytes.equals(Buffer.from(text, 'utf8'))).toBe(true); // as Node encodes it (a lone surrogate: U+FFFD)
        expect(part?.digest).toEqual(createHash('sha256').update(text, 'utf8').digest());
      }
    }
  });

  it('make nothing of a chunk without events', () => {
    const packed = packItems([null, null]);
    const into = new Map<string, PreparedItems>();
    unpackItems(packed, ['a.md', 'b.md'], into);
    expect([into.size, packed.formats.length]).toEqual([0, 0]);
  });
});
