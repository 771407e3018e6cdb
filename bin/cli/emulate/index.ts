/**
 * `calpub emulate`: the synthesized stack run on one machine. From the cloud assembly (see
 * stack-model.ts) it takes the publish function's bundled asset and runs it in Lambda-like
 * containers (lambda-runtime.ts), fed by an SQS queue with the template's batching, concurrency,
 * visibility timeout and dead-letter rules (queue.ts), from the content bucket's notifications and
 * the schedules; it serves the site bucket as the template's CloudFront distribution does (edge.ts).
 * Buckets are a local S3 API (local-s3.ts); the content folder is deployed into the content bucket
 * and kept in step with it (content-sync.ts).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { s3ClientConfig } from '../../../lambda/adapters/s3';
import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from '../local-s3';
import { startCloudFrontApi, type CloudFrontApi } from './cloudfront-api';
import { syncContent } from './content-sync';
import { serveDistribution } from './edge';
import { LambdaFunction } from './lambda-runtime';
import { EmulatedQueue } from './queue';
import { readStack, resolveValue, type StackModel } from './stack-model';
import { projectRoot, synthesize } from './synth';

/** Options of the emulation. */
export interface EmulateOptions {
  readonly content: string;
  readonly port: number;
  readonly log: (line: string) => void;
  /**
   * A cloud assembly to run.
   * @default the project's stack, synthesized into its cdk.out
   */
  readonly cdkOut?: string;
  /**
   * Multiplies the template's queue and schedule durations (batching window, visibility timeout,
   * schedule rate); the function's timeout is kept.
   * @default 0.01 (a 20 s batching window takes 0.2 s, an hourly rebuild comes every 36 s)
   */
  readonly timeScale?: number;
  /**
   * Run the template's schedules.
   * @default true
   */
  readonly schedules?: boolean;
}

/** A running emulation. */
export interface Emulation {
  readonly url: string;
  readonly stack: StackModel;
  readonly s3: LocalS3;
  readonly queue: EmulatedQueue;
  readonly function: LambdaFunction;
  readonly cloudFront: CloudFrontApi;
  /** Resolves when every message has been handled (or dead-lettered). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** A distribution id the function's environment check accepts (the emulator has one distribution). */
const DISTRIBUTION_ID = 'EMULATEDCDN01';

/** Starts everything; resolves once the content is uploaded and the site is served. */
export async function runEmulate(options: EmulateOptions): Promise<Emulation> {
  const root = projectRoot();
  if (!options.cdkOut && !root)
    throw new Error(
      'calpub emulate runs the CDK stack of a calpub checkout: run it there, or pass --cdk-out <cloud assembly>',
    );
  const assembly =
    options.cdkOut ?? (await synthesize(root as string, path.join(root as string, 'cdk.out'), options.log));
  const stack = readStack(assembly);
  const timeScale = options.timeScale ?? 0.01;
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-emulate-'));
  const started: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const stopOne of started.splice(0).reverse()) await stopOne();
  };
  try {
    return await start(options, stack, assembly, root, dir, timeScale, started, stopAll);
  } catch (err) {
    await stopAll(); // e.g. the port is taken: nothing is left running or on disk
    throw err;
  }
}

async function start(
  options: EmulateOptions,
  stack: StackModel,
  assembly: string,
  root: string | null,
  dir: string,
  timeScale: number,
  started: Array<() => unknown>,
  stop: () => Promise<void>,
): Promise<Emulation> {
  const bucketName = (id: string) => id.toLowerCase();
  const s3 = await startLocalS3(dir, [bucketName(stack.contentBucket), bucketName(stack.siteBucket)]);
  started.push(() => s3.close());
  const client = new S3Client({ ...s3ClientConfig(s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
  const site: Server = await serveDistribution(stack.distribution, client, bucketName(stack.siteBucket), options.port);
  started.push(() => new Promise((resolve) => site.close(resolve)));
  const port = (site.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  const cloudFront = await startCloudFrontApi((paths) =>
    options.log(
      `calpub emulate: invalidation of ${paths.length > 3 ? `${paths.length} paths` : paths.join(' ')} (nothing is cached here)`,
    ),
  );
  started.push(() => cloudFront.close());

  const fn = new LambdaFunction({
    assetDir: stack.publish.assetDir,
    handler: stack.publish.handler,
    timeoutMs: stack.publish.timeoutMs,
    sdkRoot: root ?? process.cwd(),
    environment: functionEnvironment(stack, url, s3.endpoint, cloudFront.endpoint),
    log: (line) => options.log(`  [function] ${line}`),
  });
  started.push(() => fn.stop());
  const queue = new EmulatedQueue(
    stack.queue,
    (event) => fn.invoke(event),
    {
      failed: (error, batch) =>
        options.log(
          `calpub emulate: the function failed (${error.message}); ${batch.length} message(s) come back in ${(stack.queue.visibilityTimeoutMs * timeScale) / 1000} s (receive ${batch[0].receiveCount} of ${stack.queue.maxReceiveCount})`,
        ),
      deadLettered: (m) =>
        options.log(
          `calpub emulate: message ${m.messageId} moved to the dead-letter queue after ${m.receiveCount} failed receives: ${m.body.slice(0, 200)}`,
        ),
    },
    timeScale,
  );
  started.push(() => queue.stop());
  s3.events.on('event', (notification: S3Notification) => {
    const record = notification.Records[0];
    if (record.s3.bucket.name !== bucketName(stack.contentBucket) || !notifies(stack, record)) return;
    queue.send(JSON.stringify(withEncodedKeys(notification)));
  });

  const { uploaded, watcher } = await syncContent(
    options.content,
    client,
    bucketName(stack.contentBucket),
    stack.seeding.exclude,
    options.log,
  );
  started.push(() => watcher.close());
  queue.send(JSON.stringify({ reason: 'deploy' })); // as the stack's deployment asks for a build after uploading
  if (options.schedules ?? true) {
    const timers = stack.schedules.map((s) => setInterval(() => queue.send(s.message), s.everyMs * timeScale));
    started.push(() => timers.forEach(clearInterval));
  }
  report(options, stack, { url, uploaded, timeScale, s3: s3.endpoint, assembly });
  return { url, stack, s3, queue, function: fn, cloudFront, settled: () => queue.idle(), stop };
}

/** The function's environment: the template's, resolved for this machine, plus what Lambda sets. */
function functionEnvironment(
  stack: StackModel,
  url: string,
  s3Endpoint: string,
  cloudFrontEndpoint: string,
): Record<string, string> {
  const lookup = (id: string, attribute: string | null): string => {
    const type = stack.template.Resources[id]?.Type;
    if (type === 'AWS::S3::Bucket' && attribute === null) return id.toLowerCase();
    if (type === 'AWS::CloudFront::Distribution') return attribute === null ? DISTRIBUTION_ID : new URL(url).host;
    throw new Error(
      `calpub emulate cannot resolve ${attribute ? `${id}.${attribute}` : id} (${type}) in the function's environment`,
    );
  };
  const resolved = Object.fromEntries(
    Object.entries(stack.publish.environment).map(([k, v]) => [k, resolveValue(v, lookup)]),
  );
  return {
    ...resolved,
    SITE_URL: url, // the distribution's address, over HTTP here
    S3_ENDPOINT: s3Endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: cloudFrontEndpoint,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    AWS_LAMBDA_FUNCTION_NAME: stack.publish.id,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(stack.publish.memoryMb),
    // The runtime is Node 22 on Lambda; the SDK warns on this machine's Node 20.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

interface S3Notification {
  Records: Array<{ eventName: string; s3: { bucket: { name: string }; object: { key: string } } }>;
}

/** True when a content bucket event matches one of the bucket's notifications (event and suffix). */
function notifies(stack: StackModel, record: S3Notification['Records'][number]): boolean {
  const event = `s3:${record.eventName}`;
  return stack.notifications.some(
    (n) =>
      n.events.some((e) => (e.endsWith('*') ? event.startsWith(e.slice(0, -1)) : event === e)) &&
      record.s3.object.key.endsWith(n.suffix),
  );
}

/** S3 URL-encodes keys in notifications (spaces as `+`); s3rver does not, so the bridge does. */
function withEncodedKeys(notification: S3Notification): S3Notification {
  const encode = (key: string) => encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/gi, '/');
  return {
    Records: notification.Records.map((r) => ({
      ...r,
      s3: { ...r.s3, object: { ...r.s3.object, key: encode(r.s3.object.key) } },
    })),
  };
}

function report(
  options: EmulateOptions,
  stack: StackModel,
  run: { url: string; uploaded: number; timeScale: number; s3: string; assembly: string },
): void {
  const q = stack.queue;
  const s = (ms: number) => `${ms / 1000} s${run.timeScale === 1 ? '' : ` (here ${(ms * run.timeScale) / 1000} s)`}`;
  options.log(
    `calpub emulate: the stack of ${path.resolve(run.assembly)}; uploaded ${run.uploaded} files from ${path.resolve(options.content)}`,
  );
  options.log(
    `  function:  ${path.relative(process.cwd(), stack.publish.assetDir) || stack.publish.assetDir} (${stack.publish.handler}, ${stack.publish.runtime} on AWS, Node ${process.versions.node} here)`,
  );
  options.log(
    `  queue:     batches of ${q.batchSize} after ${s(q.batchingWindowMs)}, ${q.maxConcurrency} at once, retried after ${s(q.visibilityTimeoutMs)}, dead-lettered after ${q.maxReceiveCount} receives`,
  );
  options.log(`  buckets:   ${run.s3} (${stack.contentBucket.toLowerCase()}, ${stack.siteBucket.toLowerCase()})`);
  options.log(`  site:      ${run.url}`);
  options.log(`  calendar:  ${run.url}calendar.ics`);
  options.log(`  subscribe: ${run.url.replace(/^http:/, 'webcal:')}calendar.ics`);
  options.log(`  edit files in ${path.resolve(options.content)}; Ctrl-C to stop`);
}
