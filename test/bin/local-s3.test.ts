/**
 * The local S3 server of tests and `calpub emulate` behaves as S3 where calpub depends on it:
 * listings in byte order across pages, objects replaced atomically, conditional writes.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from '../../bin/cli/local-s3';
import { byteOrder } from '../../bin/cli/local-s3-store';
import { PreconditionFailed } from '../../lambda/adapters/object-store';
import { S3Store, s3ClientConfig } from '../../lambda/adapters/s3';
import { mapConcurrently } from '../../lambda/adapters/concurrency';

describe('the local S3 server', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-local-s3-'));
  let s3: LocalS3;
  let store: S3Store;
  beforeAll(async () => {
    s3 = await startLocalS3(dir, ['bkt']);
    store = new S3Store(
      new S3Client({ ...s3ClientConfig(s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS }),
      'bkt',
    );
  });
  afterAll(async () => {
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists over 1,000 keys in UTF-8 byte order, each once, across page boundaries', async () => {
    // Page folders as organisers name them: `e1/` comes before `e1-b/` in a folder walk, after it in
    // byte order (`-` < `/`); and names whose UTF-16 order differs from their UTF-8 order.
    const keys = Array.from({ length: 1_150 }, (_, i) => `list/e${i >> 1}${i % 2 ? '-b' : ''}/index.md`);
    keys.push('list/a\uffff.md', 'list/a\u{1f600}.md', 'list/z/nested.md', 'list/z.md', 'list/é.md');
    await mapConcurrently(keys, 25, (key) => store.put(key, key, { contentType: 'text/markdown' }));
    const listed = (await store.list('list/')).map((o) => o.key);
    expect(listed).toEqual([...keys].sort(byteOrder));
    expect(listed.indexOf('list/a\uffff.md')).toBeLessThan(listed.indexOf('list/a\u{1f600}.md')); // EF BF BF < F0 9F 98 80
  }, 60_000);

  it('never serves a half-written object: every GET during writes is one whole version, with its own ETag', async () => {
    const versions = ['a', 'b', 'c'].map((ch) => Buffer.alloc(3 * 1024 * 1024, ch));
    const md5 = (b: Buffer) => `"${createHash('md5').update(b).digest('hex')}"`;
    await store.put('big.bin', versions[0], { contentType: 'application/octet-stream' });
    let writing = true;
    const writer = (async () => {
      for (let i = 1; i < 12; i++)
        await store.put('big.bin', versions[i % 3], { contentType: 'application/octet-stream' });
      writing = false;
    })();
    let reads = 0;
    while (writing) {
      const got = await store.get('big.bin');
      reads++;
      if (!got) throw new Error('big.bin vanished during a write');
      const bytes = got.bytes;
      expect(bytes.length).toBe(versions[0].length);
      expect(bytes.every((b) => b === bytes[0])).toBe(true);
      expect(got.etag).toBe(md5(bytes));
    }
    await writer;
    expect(reads).toBeGreaterThan(2);
  }, 60_000);

  it('writes and deletes in one folder at once, as a rebuild does: no request fails, no write is lost', async () => {
    // A delete removes the folders it empties (s3rver stores `/` as folders) while writes make files
    // in them: a write must make its folder again, a delete must never take another object with it.
    const rounds = Array.from({ length: 40 }, (_, i) => i);
    const olds = rounds.flatMap((i) => [`race/r${i}/old.ics`, `race/r${i}/gone/old.ics`]);
    await mapConcurrently(olds, 25, (key) => store.put(key, 'old', { contentType: 'text/calendar' }));
    // Each folder's deletes and writes run together.
    const work = rounds.flatMap((i) => [
      { key: `race/r${i}/old.ics`, write: false },
      { key: `race/r${i}/new.ics`, write: true },
      { key: `race/r${i}/gone/old.ics`, write: false },
      { key: `race/r${i}/gone/new.ics`, write: true },
      { key: `race/r${i}/other/new.ics`, write: true },
    ]);
    await mapConcurrently(work, 16, async ({ key, write }) => {
      if (write) await store.put(key, key, { contentType: 'text/calendar' });
      else await store.delete([key]);
    });
    const news = work.filter((w) => w.write).map((w) => w.key);
    expect((await store.list('race/')).map((o) => o.key).sort(byteOrder)).toEqual([...news].sort(byteOrder));
    for (const key of news) expect((await store.get(key))?.bytes.toString()).toBe(key);
  }, 60_000);

  it('refuses conditional writes whose condition fails, as S3 does', async () => {
    const { etag } = await store.put('state', 'one', { contentType: 'text/plain' });
    await expect(store.put('state', 'two', { contentType: 'text/plain', ifNoneMatch: '*' })).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    await expect(store.put('state', 'two', { contentType: 'text/plain', ifMatch: '"0123"' })).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    await expect(store.put('fresh', 'x', { contentType: 'text/plain', ifNoneMatch: '*' })).resolves.toBeDefined();
    const results = await Promise.allSettled(
      ['two', 'three', 'four'].map((body) => store.put('state', body, { contentType: 'text/plain', ifMatch: etag })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof PreconditionFailed)).toHaveLength(2);
  });

  it('keeps its objects when started again on the same folder', async () => {
    await store.put('kept.md', 'kept', { contentType: 'text/markdown' });
    await s3.close();
    s3 = await startLocalS3(dir, ['bkt'], s3.port);
    expect((await store.get('kept.md'))?.bytes.toString()).toBe('kept');
  });
});
