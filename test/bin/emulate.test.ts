/**
 * `calpub emulate` runs the synthesized stack (test-output/cdk.out, made by test/global-setup.js as
 * `cdk synth` makes it): its function asset, its queue rules, its distribution. The expectations are
 * read from the template here, independently of the emulator's own reading.
 */
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runEmulate, type Emulation } from '../../bin/cli/emulate/index';
import { LOCAL_S3_CREDENTIALS } from '../../bin/cli/local-s3';
import { s3ClientConfig } from '../../lambda/adapters/s3';
import { readCalendar } from '../ical';
import { emulateSite, waitFor } from './emulate-helpers';
import { CLI } from '../cli';

const ASSEMBLY = process.env.CALPUB_TEST_CDK_OUT as string;
// biome-ignore lint/suspicious/noExplicitAny: the template's JSON, read key by key
type Json = Record<string, any>;
const template = (): Json => JSON.parse(readFileSync(path.join(ASSEMBLY, 'Calpub.template.json'), 'utf8'));

/** The response headers policy CloudFront applies to `pathname`, from the template. */
function policyFor(pathname: string): Json {
  const resources = template().Resources as Record<string, Json>;
  const config = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')?.Properties
    .DistributionConfig;
  const specific = (config.CacheBehaviors as Json[]).find((b) =>
    new RegExp(`^${b.PathPattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(pathname.slice(1)),
  );
  return resources[(specific ?? config.DefaultCacheBehavior).ResponseHeadersPolicyId.Ref].Properties
    .ResponseHeadersPolicyConfig;
}

/** The headers the policy says CloudFront adds (as AWS documents each setting), for a request with an Origin. */
function expectedHeaders(policy: Json): Record<string, string | null> {
  const sec = policy.SecurityHeadersConfig;
  const expected: Record<string, string | null> = {
    'content-security-policy': sec.ContentSecurityPolicy.ContentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    // The widget's policy has none: other sites may frame it.
    'x-frame-options': sec.FrameOptions?.FrameOption ?? null,
    'referrer-policy': sec.ReferrerPolicy.ReferrerPolicy,
    'strict-transport-security': `max-age=${sec.StrictTransportSecurity.AccessControlMaxAgeSec}${sec.StrictTransportSecurity.IncludeSubdomains ? '; includeSubDomains' : ''}`,
  };
  if (policy.CorsConfig) expected['access-control-allow-origin'] = policy.CorsConfig.AccessControlAllowOrigins.Items[0];
  return expected;
}

describe('calpub emulate', () => {
  let emulation: Emulation;
  let content: string;
  const lines: string[] = [];

  beforeAll(async () => {
    ({ emulation, content } = await emulateSite(
      (dir) => cpSync(path.join(__dirname, '..', 'fixtures', 'site'), dir, { recursive: true }),
      lines,
    ));
  }, 60_000);
  afterAll(async () => {
    await emulation?.stop();
    rmSync(content, { recursive: true, force: true });
  });

  it("serves each path with the headers of its behaviour's policy in the template, header by header, and Cache-Control as the function wrote it", async () => {
    const s3 = new S3Client({
      ...s3ClientConfig(emulation.s3.endpoint, 'us-east-1'),
      credentials: LOCAL_S3_CREDENTIALS,
    });
    for (const [pathname, key] of [
      ['/', 'index.html'],
      ['/event/paris-evening/', 'event/paris-evening/index.html'],
      ['/calendar.ics', 'calendar.ics'],
      ['/schedule.json', 'schedule.json'],
      ['/rss.xml', 'rss.xml'],
      ['/event/paris-evening.ics', 'event/paris-evening.ics'],
      ['/embed/', 'embed/index.html'],
    ]) {
      const r = await fetch(`${emulation.url}${pathname.slice(1)}`, {
        headers: { origin: 'https://elsewhere.example' },
      });
      expect([pathname, r.status]).toEqual([pathname, 200]);
      for (const [name, value] of Object.entries(expectedHeaders(policyFor(pathname))))
        expect([pathname, name, r.headers.get(name)]).toEqual([pathname, name, value]);
      if (!policyFor(pathname).CorsConfig) expect(r.headers.get('access-control-allow-origin')).toBeNull();
      const object = await s3.send(
        new HeadObjectCommand({ Bucket: emulation.stack.siteBucket.toLowerCase(), Key: key }),
      );
      expect([pathname, r.headers.get('cache-control'), r.headers.get('content-type')]).toEqual([
        pathname,
        object.CacheControl,
        object.ContentType,
      ]);
    }
    expect(policyFor('/calendar.ics').CorsConfig).toBeDefined(); // the template does open the calendars to other sites
    expect(policyFor('/embed/').SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toContain(
      'frame-ancestors *',
    ); // and the widget to frames
  });

  it('serves /event/<slug>/ with 200 and a CSP, redirects /event/<slug> there, and answers a missing page with the 404 page and 404', async () => {
    const page = await fetch(`${emulation.url}event/paris-evening/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    expect(await page.text()).toContain('<h1');
    const bare = await fetch(`${emulation.url}event/paris-evening?utm_source=x`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/event/paris-evening/?utm_source=x']);
    const missing = await fetch(`${emulation.url}event/no-such-event/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(missing.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    expect(await missing.text()).toContain('<h1>Page introuvable</h1>'); // the fixture site is French
    expect((await fetch(`${emulation.url}_calpub/state.jsonl.gz`)).status).toBe(404); // the state stays in the content bucket
    expect((await fetch(`${emulation.url}calendar.ics`, { method: 'POST' })).status).toBe(403); // GET and HEAD only
    // A path starting with `//` never redirects to another host, and `//` is the home page, as CloudFront runs the function.
    const open = await fetch(`${emulation.url}/evil.example/x`, { redirect: 'manual' });
    expect([open.status, open.headers.get('location')]).toEqual([301, '/evil.example/x/']);
    expect((await fetch(`${emulation.url}/`)).status).toBe(200);
    expect((await fetch(`${emulation.url}%E0%A4%A`)).status).toBe(400);
  });

  it('publishes with the time zones of the bundled asset, and updates the site when a file changes', async () => {
    const ics = await (await fetch(`${emulation.url}event/paris-evening.ics`)).text();
    expect(ics).toMatch(/\r\nDTSTART;TZID=Europe\/Paris:\d{8}T\d{6}\r\n/);
    expect(ics).toContain('\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
    const file = path.join(content, 'event', 'three-days', 'index.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Conference days', 'title: Emulated days'));
    const calendar = await waitFor('the edited title in calendar.ics', async () => {
      const text = await (await fetch(`${emulation.url}calendar.ics`)).text();
      return text.includes('SUMMARY:Emulated days') ? text : null;
    });
    expect(readCalendar(calendar).events).toHaveLength(5);
    expect(emulation.cloudFront.invalidations.length).toBeGreaterThan(0); // the function asked CloudFront to invalidate
  }, 30_000);
});

describe('calpub emulate as a user starts it', () => {
  it('refuses a port in use, leaving nothing running or on disk', async () => {
    const busy = await new Promise<import('node:net').Server>((resolve) => {
      const server = require('node:net')
        .createServer()
        .listen(0, '127.0.0.1', () => resolve(server));
    });
    const port = (busy.address() as { port: number }).port;
    const before = new Set(require('node:fs').readdirSync(tmpdir()));
    const content = mkdtempSync(path.join(tmpdir(), 'calpub-emulate-busy-'));
    await expect(
      runEmulate({ content, port, log: () => undefined, cdkOut: ASSEMBLY, schedules: false }),
    ).rejects.toThrow(/EADDRINUSE/);
    const left = (require('node:fs').readdirSync(tmpdir()) as string[]).filter(
      (n) => !before.has(n) && n.startsWith('calpub-emulate-') && !n.startsWith('calpub-emulate-busy-'),
    );
    expect(left).toEqual([]);
    busy.close();
    rmSync(content, { recursive: true, force: true });
  });
});

describe('calpub emulate, the process', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'leaves no temporary folder behind when stopped with %s',
    async (signal) => {
      const temp = mkdtempSync(path.join(tmpdir(), 'calpub-emulate-tmp-'));
      const child = spawn(
        process.execPath,
        [
          CLI,
          'emulate',
          '--cdk-out',
          process.env.CALPUB_TEST_CDK_OUT as string,
          '--port',
          '0',
          '--content',
          path.join(__dirname, '..', 'fixtures', 'site'),
        ],
        {
          env: { ...process.env, TMPDIR: temp },
        },
      );
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const until = Date.now() + 30_000;
      while (!output.includes('Ctrl-C to stop') && Date.now() < until && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 50)); // polls for the event: the emulator's ready line
      expect(output).toContain('Ctrl-C to stop');
      expect(readdirSync(temp).length).toBeGreaterThan(0); // its buckets' folder
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(readdirSync(temp)).toEqual([]);
    },
    60_000,
  );
});
