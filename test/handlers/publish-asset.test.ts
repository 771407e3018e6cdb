/**
 * The publish function as it deploys: the asset `cdk synth` bundled (test-output/cdk.out, made by
 * test/global-setup.js), loaded as Lambda loads it (the template's Handler, a fresh process with the
 * function's environment, TZ=UTC, the runtime's AWS SDK), run against the local S3 API on the seed
 * site, then on past events in zones whose rules changed. Its calendars must be those of the CLI
 * bundle for the same content and site URL.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LambdaFunction } from '../../bin/cli/emulate/lambda-runtime';
import { readStack } from '../../bin/cli/emulate/stack-model';
import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from '../../bin/cli/local-s3';
import { s3ClientConfig } from '../../lambda/adapters/s3';
import { readCalendar } from '../ical';
import { describeWithShared } from '../shared';
import { SEED_CONFIG, SEED_PAGE, seedContent } from '../seed-site';
import { CHANGED_ZONES } from '../changed-zones';

const ROOT = path.join(__dirname, '..', '..');
const SITE_URL = 'https://ssphub.example.org/';

describeWithShared('test/handlers/publish-asset.test.ts (seed site)', 'seeds')(
  'the bundled publish function on the seed site',
  () => {
    const stack = readStack(process.env.CALPUB_TEST_CDK_OUT as string);
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-asset-'));
    let content = '';
    let s3: LocalS3;
    let client: S3Client;
    let fn: LambdaFunction;
    const logs: string[] = [];
    const [contentBucket, siteBucket] = ['calpub-content', 'calpub-site'];

    beforeAll(async () => {
      content = seedContent();
      writeFileSync(path.join(content, 'calpub.yaml'), `${SEED_CONFIG}siteUrl: ${SITE_URL}\n`);
      s3 = await startLocalS3(dir, [contentBucket, siteBucket]);
      client = new S3Client({ ...s3ClientConfig(s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
      for (const key of ['calpub.yaml', SEED_PAGE])
        await client.send(
          new PutObjectCommand({ Bucket: contentBucket, Key: key, Body: readFileSync(path.join(content, key)) }),
        );
      fn = new LambdaFunction({
        assetDir: stack.publish.assetDir,
        handler: stack.publish.handler,
        timeoutMs: stack.publish.timeoutMs,
        sdkRoot: ROOT,
        environment: {
          NODE_OPTIONS: String(stack.publish.environment.NODE_OPTIONS),
          CONTENT_BUCKET: contentBucket,
          SITE_BUCKET: siteBucket,
          SITE_URL,
          S3_ENDPOINT: s3.endpoint,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        log: (line) => logs.push(line),
      });
    }, 30_000);
    afterAll(async () => {
      fn?.stop();
      await s3?.close();
      for (const d of [dir, content, `${content}-out`]) rmSync(d, { recursive: true, force: true });
    });

    const siteObject = async (key: string) =>
      (await (
        await client.send(new GetObjectCommand({ Bucket: siteBucket, Key: key }))
      ).Body?.transformToString('utf-8')) as string;

    it('is the asset of the template: one esbuild bundle, the AWS SDK left to the runtime, no zone files beside it', () => {
      expect(stack.publish.handler).toBe('index.handler');
      expect(readdirSync(stack.publish.assetDir)).toEqual(['index.js']);
      const code = readFileSync(path.join(stack.publish.assetDir, 'index.js'), 'utf8');
      expect(code).toContain('require("@aws-sdk/client-s3")'); // bundled, the SDK would be inside, not required
    });

    it('writes the event at 14:00 Europe/Paris with its VTIMEZONE, and the same bytes as the CLI bundle for every file', async () => {
      await fn.invoke({ Records: [{ messageId: 'm1', body: JSON.stringify({ reason: 'deploy' }) }] });
      expect(logs.map((l) => JSON.parse(l))).toEqual([
        expect.objectContaining({ msg: 'rebuild', published: 1, rejected: 0 }),
      ]);
      const calendar = await siteObject('calendar.ics');
      expect(calendar).toContain(
        '\r\nDTSTART;TZID=Europe/Paris:20221205T140000\r\nDTEND;TZID=Europe/Paris:20221205T180000\r\n',
      );
      expect(calendar).toMatch(/\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Paris\r\n[\s\S]*END:VTIMEZONE\r\n/);
      expect(readCalendar(calendar).events[0]).toMatchObject({
        start: '2022-12-05T13:00:00.000Z',
        startZone: 'Europe/Paris',
      });

      const out = `${content}-out`;
      const cli = spawnSync(
        process.execPath,
        [path.join(ROOT, 'bin', 'run.cjs'), 'build', '--content', content, '--out', out],
        { encoding: 'utf8' },
      );
      expect(cli.status).toBe(0);
      const listed = await client.send(new ListObjectsV2Command({ Bucket: siteBucket }));
      const keys = (listed.Contents ?? []).map((o) => o.Key as string);
      expect(keys).toEqual(
        expect.arrayContaining([
          'calendar.ics',
          'event/10-pourcent-final-season1.ics',
          'rss.xml',
          'schedule.json',
          'index.html',
        ]),
      );
      for (const key of keys)
        expect([key, await siteObject(key)]).toEqual([key, readFileSync(path.join(out, key), 'utf8')]);
    }, 30_000);
  },
);

describe('the bundled publish function on past events in zones whose rules changed', () => {
  const stack = readStack(process.env.CALPUB_TEST_CDK_OUT as string);
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-asset-zones-'));
  const content = path.join(ROOT, 'test', 'fixtures', 'changed-zones');
  const [contentBucket, siteBucket] = ['calpub-content', 'calpub-site'];
  let s3: LocalS3;
  let client: S3Client;
  let fn: LambdaFunction;

  beforeAll(async () => {
    s3 = await startLocalS3(dir, [contentBucket, siteBucket]);
    client = new S3Client({ ...s3ClientConfig(s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
    const files = readdirSync(content, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(content, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    for (const key of files)
      await client.send(
        new PutObjectCommand({ Bucket: contentBucket, Key: key, Body: readFileSync(path.join(content, key)) }),
      );
    fn = new LambdaFunction({
      assetDir: stack.publish.assetDir,
      handler: stack.publish.handler,
      timeoutMs: stack.publish.timeoutMs,
      sdkRoot: ROOT,
      environment: {
        NODE_OPTIONS: String(stack.publish.environment.NODE_OPTIONS),
        CONTENT_BUCKET: contentBucket,
        SITE_BUCKET: siteBucket,
        SITE_URL: 'https://zones.example.org/',
        S3_ENDPOINT: s3.endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      log: () => {},
    });
  }, 30_000);
  afterAll(async () => {
    fn?.stop();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes each event at its own year's instant, byte for byte what the CLI bundle writes", async () => {
    await fn.invoke({ Records: [{ messageId: 'm1', body: JSON.stringify({ reason: 'deploy' }) }] });
    const get = async (key: string) =>
      (await (
        await client.send(new GetObjectCommand({ Bucket: siteBucket, Key: key }))
      ).Body?.transformToString('utf-8')) as string;
    const calendar = await get('calendar.ics');
    expect(
      Object.fromEntries(readCalendar(calendar).events.map((e) => [e.uid.replace(/^event\/|@.*$/g, ''), e.start])),
    ).toEqual(CHANGED_ZONES);
    const out = path.join(dir, 'cli-out');
    const cli = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'run.cjs'), 'build', '--content', content, '--out', out],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    for (const key of ['calendar.ics', ...Object.keys(CHANGED_ZONES).map((slug) => `event/${slug}.ics`)])
      expect([key, await get(key)]).toEqual([key, readFileSync(path.join(out, key), 'utf8')]);
  }, 30_000);
});
