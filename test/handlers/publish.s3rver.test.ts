/**
 * The Lambda handler, unchanged, against a real S3 API over HTTP (s3rver on 127.0.0.1), fed with the
 * SQS-wrapped S3 notifications s3rver emits.
 */
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LocalS3 } from '../../bin/cli/local-s3';
import { startLocalS3Env } from '../local-s3-env';
import { readCalendar } from '../ical';

type Handler = (event: unknown) => Promise<void>;
const page = (n: number, extra = '') =>
  `---\ntitle: Event ${n}\ndate: '2027-01-${String(n).padStart(2, '0')}T18:00:00'\ntags: [T${n % 3}]\n${extra}---\nBody ${n}.\n`;

describe('publish handler on s3rver', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-s3rver-'));
  let s3: LocalS3;
  let client: S3Client;
  let handler: Handler;
  const notifications: unknown[] = [];
  const sitePuts: string[] = [];

  const put = (Bucket: string, Key: string, Body: string) => client.send(new PutObjectCommand({ Bucket, Key, Body }));
  const list = async (Bucket: string) => {
    const r = await client.send(new ListObjectsV2Command({ Bucket }));
    return Object.fromEntries((r.Contents ?? []).map((o) => [o.Key as string, o.ETag as string]));
  };
  const get = async (Key: string) => (await fetch(`${s3.endpoint}/calpub-site/${Key}`)).text();
  /** Delivers what s3rver notified since last time, as SQS would (keys URL-encoded, `+` for spaces). */
  const deliver = () => {
    const records = notifications
      .splice(0)
      .map((n, i) => ({ messageId: String(i), body: JSON.stringify(encodeKeys(n)) }));
    return handler({
      Records: records.length ? records : [{ messageId: 's', body: JSON.stringify({ reason: 'schedule' }) }],
    });
  };

  beforeAll(async () => {
    const env = await startLocalS3Env(dir);
    s3 = env.s3;
    client = env.client;
    s3.events.on(
      'event',
      (e: { Records: Array<{ s3: { bucket: { name: string }; object: { key: string } }; eventName: string }> }) => {
        const r = e.Records[0];
        if (r.s3.bucket.name === 'calpub-content' && !r.s3.object.key.startsWith('_calpub/')) notifications.push(e);
        if (r.s3.bucket.name === 'calpub-site' && r.eventName.startsWith('ObjectCreated'))
          sitePuts.push(r.s3.object.key);
      },
    );
    Object.assign(process.env, env.lambdaEnvironment('https://events.example.org/'));
    jest.isolateModules(() => {
      handler = require('../../lambda/handlers/publish').handler;
    });
    await put('calpub-content', 'calpub.yaml', 'title: S3 events\nuidDomain: example.org\ntimeZone: Europe/Paris\n');
    for (let n = 1; n <= 20; n++) await put('calpub-content', `event/e${n}/index.md`, page(n));
    await put('calpub-content', 'event/with space/index.md', page(21));
  });
  afterAll(() => s3.close());

  it('publishes every event from the notifications', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await deliver();
    const ics = await get('calendar.ics');
    expect(readCalendar(ics).events).toHaveLength(21);
    expect(Object.keys(await list('calpub-site'))).toEqual(
      expect.arrayContaining(['calendar.ics', 'rss.xml', 'schedule.json', 'event/e1.ics', 'event/with-space.ics']),
    );
    const log = JSON.parse((console.log as jest.Mock).mock.calls.at(-1)[0]);
    expect(log).toMatchObject({ msg: 'rebuild', triggers: { s3: 22 }, published: 21, rejected: 0 });
  });

  it('after one edit writes only files whose bytes changed; other ETags stay', async () => {
    const before = await list('calpub-site');
    await put('calpub-content', 'event/e5/index.md', page(5, 'location: Room 2\n'));
    sitePuts.length = 0;
    await deliver();
    const after = await list('calpub-site');
    const changed = Object.keys(after)
      .filter((k) => after[k] !== before[k])
      .sort();
    expect(changed).toEqual([
      'atom.xml',
      'calendar.ics',
      'embed/index.html',
      'embed/tags/t2/index.html',
      'event/e5.ics',
      'event/e5/index.html',
      'feed.json',
      'index.html',
      'rss.xml',
      'schedule.json',
      'sitemap.xml',
      'tags/t2/calendar.ics',
      'tags/t2/index.html',
      'tags/t2/rss.xml',
    ]);
    expect([...sitePuts].sort()).toEqual(changed);
  });

  it('a run with no change PUTs nothing', async () => {
    sitePuts.length = 0;
    await deliver();
    expect(sitePuts).toEqual([]);
  });

  it('a deleted event is gone from every output and its own files removed', async () => {
    await client.send(new DeleteObjectCommand({ Bucket: 'calpub-content', Key: 'event/e7/index.md' }));
    await deliver();
    const site = await list('calpub-site');
    expect(site['event/e7.ics']).toBeUndefined();
    expect(await get('calendar.ics')).not.toContain('event/e7@');
    expect(await get('rss.xml')).not.toContain('/event/e7/');
  });

  it('a broken file is reported privately; the rest stays published', async () => {
    await put('calpub-content', 'event/broken/index.md', "---\ntitle: Broken\ndate: 'TBA'\n---\n");
    await deliver();
    expect(readCalendar(await get('calendar.ics')).events).toHaveLength(20);
    const report = (await (await fetch(`${s3.endpoint}/calpub-content/_calpub/report.json`)).json()) as {
      problems: unknown[];
    };
    expect(report.problems).toEqual([expect.objectContaining({ file: 'event/broken/index.md', field: 'date' })]);
    expect((await list('calpub-site'))['_calpub/report.json']).toBeUndefined();
  });

  it('when S3 fails mid-rebuild the invocation throws and the site is unchanged', async () => {
    const before = await list('calpub-site');
    await put('calpub-content', 'event/e1/index.md', page(1, 'location: Moved\n'));
    await s3.close();
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(deliver()).rejects.toThrow();
    expect(JSON.parse((console.error as jest.Mock).mock.calls.at(-1)[0])).toMatchObject({ msg: 'rebuild failed' });
    s3 = (await startLocalS3Env(dir, s3.port)).s3;
    expect(await list('calpub-site')).toEqual(before);
    await deliver(); // the retry brings the site up to date
    expect(readCalendar(await get('calendar.ics')).events.find((e) => e.summary === 'Event 1')?.location).toBe('Moved');
  }, 30_000);
});

/** s3rver sends raw keys; S3 URL-encodes them (spaces as `+`) in notifications. */
function encodeKeys(notification: unknown): unknown {
  const n = notification as { Records: Array<{ s3: { object: { key: string } } }> };
  return {
    Records: n.Records.map((r) => ({
      ...r,
      s3: {
        ...r.s3,
        object: { ...r.s3.object, key: encodeURIComponent(r.s3.object.key).replace(/%20/g, '+').replace(/%2F/g, '/') },
      },
    })),
  };
}
