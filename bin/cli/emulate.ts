/**
 * `calpub emulate`: the serverless path on one machine. A real S3 API (s3rver) with a content and a
 * site bucket; the real Lambda handler fed by the content bucket's notifications (wrapped as SQS
 * batches, URL-encoded keys, after a short batching window); the site bucket served over HTTP with
 * the headers CloudFront will add. `content/` is uploaded at start (as the stack's deployment does)
 * and files changed there are uploaded again, so editing a Markdown file updates the calendar.
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, existsSync, watch } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listPages } from '../../lambda/adapters/fs-store';
import { s3ClientConfig } from '../../lambda/adapters/s3-store';
import { CONFIG_FILE } from '../../lambda/core/config';
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from './local-s3';

const CONTENT_BUCKET = 'calpub-content';
const SITE_BUCKET = 'calpub-site';
/** Like the stack's SQS batching window: a burst of uploads costs one rebuild. */
const BATCH_WINDOW_MS = 300;

/** Security headers CloudFront's response-headers policy adds (see the CDK stack). */
export const EDGE_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Options of the emulation. */
export interface EmulateOptions {
  readonly content: string;
  readonly port: number;
  readonly log: (line: string) => void;
}

/** Runs until stopped; resolves with a `stop` function once everything listens. */
export async function runEmulate(options: EmulateOptions): Promise<() => Promise<void>> {
  const s3 = await startLocalS3(mkdtempSync(path.join(tmpdir(), 'calpub-emulate-')), [CONTENT_BUCKET, SITE_BUCKET]);
  const siteServer = await serveBucket(s3.endpoint, options.port);
  const port = (siteServer.address() as { port: number }).port;
  const siteUrl = `http://127.0.0.1:${port}/`;
  Object.assign(process.env, {
    CONTENT_BUCKET,
    SITE_BUCKET,
    S3_ENDPOINT: s3.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    SITE_URL: siteUrl,
  });
  // Loaded only now: the handler reads its environment when it is loaded, as on a Lambda cold start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require('../../lambda/handlers/publish') as typeof import('../../lambda/handlers/publish');
  const client = new S3Client({ ...s3ClientConfig(s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });

  let pending: unknown[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    const batch = pending.splice(0);
    const event = { Records: batch.map((body, i) => ({ messageId: `m${i}`, body: JSON.stringify(body) })) };
    running = running.then(() => handler(event)).catch((err: Error) => options.log(`calpub emulate: rebuild failed (SQS would retry): ${err.message}`));
  };
  s3.events.on('event', (notification: { Records: Array<{ s3: { bucket: { name: string }; object: { key: string } } }> }) => {
    const record = notification.Records[0];
    if (record.s3.bucket.name !== CONTENT_BUCKET || !/\.(md|markdown)$|(^|\/)calpub\.yaml$/.test(record.s3.object.key)) return;
    pending.push(encodeKeys(notification));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, BATCH_WINDOW_MS);
  });

  const upload = async (rel: string) => {
    const file = path.join(options.content, rel);
    if (existsSync(file)) await client.send(new PutObjectCommand({ Bucket: CONTENT_BUCKET, Key: rel, Body: readFileSync(file) }));
    else await client.send(new DeleteObjectCommand({ Bucket: CONTENT_BUCKET, Key: rel }));
  };
  const initial = listPages(options.content);
  if (existsSync(path.join(options.content, CONFIG_FILE))) initial.push(CONFIG_FILE);
  for (const rel of initial) await upload(rel);
  options.log(`calpub emulate: s3rver at ${s3.endpoint} (buckets ${CONTENT_BUCKET}, ${SITE_BUCKET}); uploaded ${initial.length} files from ${path.resolve(options.content)}`);
  options.log(`  site:      ${siteUrl}`);
  options.log(`  calendar:  ${siteUrl}calendar.ics`);
  options.log(`  subscribe: webcal://127.0.0.1:${port}/calendar.ics`);
  options.log(`  edit files in ${path.resolve(options.content)} (or PUT them into s3://${CONTENT_BUCKET}); Ctrl-C to stop`);

  const watcher = watch(options.content, { recursive: true }, (_event, name) => {
    if (!name) return;
    const rel = name.split(path.sep).join('/');
    if (/\.(md|markdown)$/.test(rel) || rel === CONFIG_FILE) upload(rel).catch((err: Error) => options.log(`calpub emulate: upload of ${rel} failed: ${err.message}`));
  });
  return async () => {
    watcher.close();
    if (timer) clearTimeout(timer);
    await running;
    await new Promise((resolve) => siteServer.close(resolve));
    await s3.close();
  };
}

/** Serves the site bucket on 127.0.0.1 as CloudFront would: `index.html` for folders, headers, CORS. */
async function serveBucket(endpoint: string, port: number): Promise<Server> {
  const client = new S3Client({ ...s3ClientConfig(endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
  const server = createServer(async (req, res) => {
    let key = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    if (key === '' || key.endsWith('/')) key += 'index.html';
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: SITE_BUCKET, Key: key }));
      const body = Buffer.from((await object.Body?.transformToString('utf-8')) ?? '', 'utf8');
      const headers: Record<string, string> = { ...EDGE_HEADERS, 'content-type': object.ContentType ?? 'application/octet-stream' };
      if (object.CacheControl) headers['cache-control'] = object.CacheControl;
      if (/\.(json|ics)$/.test(key)) headers['access-control-allow-origin'] = '*';
      res.writeHead(200, headers).end(body);
    } catch (err) {
      if (process.env.CALPUB_DEBUG) console.error(err);
      // Like the stack: a missing object is the site's 404 page, never a bucket listing or an S3 error.
      const page = await client
        .send(new GetObjectCommand({ Bucket: SITE_BUCKET, Key: '404.html' }))
        .then((o) => o.Body?.transformToString('utf-8'))
        .catch(() => undefined);
      res.writeHead(404, { ...EDGE_HEADERS, 'content-type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' }).end(page ?? 'Not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

/** S3 URL-encodes keys in notifications (spaces as `+`); s3rver does not, so the bridge does. */
function encodeKeys(notification: { Records: Array<{ s3: { object: { key: string } } }> }): unknown {
  return {
    Records: notification.Records.map((r) => ({
      ...r,
      s3: { ...r.s3, object: { ...r.s3.object, key: encodeURIComponent(r.s3.object.key).replace(/%20/g, '+').replace(/%2F/gi, '/') } },
    })),
  };
}
