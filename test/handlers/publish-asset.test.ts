/**
 * The publish function as it deploys: the asset `cdk synth` bundled (test-output/cdk.out, made by
 * test/global-setup.js), loaded as Lambda loads it (the template's Handler, a fresh process with the
 * function's environment, TZ=UTC, the runtime's AWS SDK), run against the local S3 API on the seed
 * site, then on past events in zones whose rules changed. Its calendars must be those of the CLI
 * bundle for the same content and site URL.
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LambdaFunction } from '../../bin/cli/emulate/lambda-runtime';
import { readStack } from '../../bin/cli/emulate/stack-model';
import { BUCKETS, startLocalS3Env, type LocalS3Env } from '../local-s3-env';
import { readCalendar } from '../ical';
import { describeWithShared } from '../shared';
import { SEED_CONFIG, SEED_PAGE, seedContent } from '../seed-site';
import { CHANGED_ZONES } from '../changed-zones';
import { ROOT, runCli } from '../cli';

const SITE_URL = 'https://ssphub.example.org/';

describeWithShared('test/handlers/publish-asset.test.ts (seed site)', 'seeds')(
  'the bundled publish function on the seed site',
  () => {
    const stack = readStack(process.env.CALPUB_TEST_CDK_OUT as string);
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-asset-'));
    let content = '';
    let env: LocalS3Env;
    let fn: LambdaFunction;
    const logs: string[] = [];

    beforeAll(async () => {
      content = seedContent();
      writeFileSync(path.join(content, 'calpub.yaml'), `${SEED_CONFIG}siteUrl: ${SITE_URL}\n`);
      env = await startLocalS3Env(dir);
      for (const key of ['calpub.yaml', SEED_PAGE])
        await env.put(BUCKETS.content, key, readFileSync(path.join(content, key)));
      fn = functionOf(stack, env.lambdaEnvironment(SITE_URL), (line) => logs.push(line));
    }, 30_000);
    afterAll(async () => {
      fn?.stop();
      await env?.s3.close();
      for (const d of [dir, content, `${content}-out`]) rmSync(d, { recursive: true, force: true });
    });

    const siteObject = (key: string) => siteText(env, key);

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
      const cli = runCli(['build', '--content', content, '--out', out]);
      expect(cli.status).toBe(0);
      const listed = await env.client.send(new ListObjectsV2Command({ Bucket: BUCKETS.site }));
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
  let env: LocalS3Env;
  let fn: LambdaFunction;

  beforeAll(async () => {
    env = await startLocalS3Env(dir);
    await env.uploadFolder(content);
    fn = functionOf(stack, env.lambdaEnvironment('https://zones.example.org/'), () => {});
  }, 30_000);
  afterAll(async () => {
    fn?.stop();
    await env?.s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes each event at its own year's instant, byte for byte what the CLI bundle writes", async () => {
    await fn.invoke({ Records: [{ messageId: 'm1', body: JSON.stringify({ reason: 'deploy' }) }] });
    const get = (key: string) => siteText(env, key);
    const calendar = await get('calendar.ics');
    expect(
      Object.fromEntries(readCalendar(calendar).events.map((e) => [e.uid.replace(/^event\/|@.*$/g, ''), e.start])),
    ).toEqual(CHANGED_ZONES);
    const out = path.join(dir, 'cli-out');
    const cli = runCli(['build', '--content', content, '--out', out]);
    expect(cli.status).toBe(0);
    for (const key of ['calendar.ics', ...Object.keys(CHANGED_ZONES).map((slug) => `event/${slug}.ics`)])
      expect([key, await get(key)]).toEqual([key, readFileSync(path.join(out, key), 'utf8')]);
  }, 30_000);
});

/** The function of the synthesized template, loaded as Lambda loads it, with this environment. */
function functionOf(
  stack: ReturnType<typeof readStack>,
  environment: Record<string, string>,
  log: (line: string) => void,
): LambdaFunction {
  return new LambdaFunction({
    assetDir: stack.publish.assetDir,
    handler: stack.publish.handler,
    timeoutMs: stack.publish.timeoutMs,
    sdkRoot: ROOT,
    environment: { NODE_OPTIONS: String(stack.publish.environment.NODE_OPTIONS), ...environment },
    log,
  });
}

/** A site object's text. */
async function siteText(env: LocalS3Env, key: string): Promise<string> {
  const got = await env.client.send(new GetObjectCommand({ Bucket: BUCKETS.site, Key: key }));
  return (await got.Body?.transformToString('utf-8')) as string;
}
