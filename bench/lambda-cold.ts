/**
 * Cold start of the publish function as it deploys: its bundle's size, the time a new container
 * takes to load it (the handler file with its top-level code and the runtime's AWS SDK), and its
 * first invocation (a full rebuild of content/ against the local S3 API, new buckets each time).
 *   npx tsx bench/lambda-cold.ts [asset folder ...]     (default: the publish asset of cdk.out)
 * Median of 7 new containers per asset; run `npx cdk synth` first for the default.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { filesToUpload } from '../bin/cli/emulate/content-sync';
import { LambdaFunction } from '../bin/cli/emulate/lambda-runtime';
import { readStack } from '../bin/cli/emulate/stack-model';
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from '../bin/cli/local-s3';
import { s3ClientConfig } from '../lambda/adapters/s3';

const ROOT = path.join(__dirname, '..');
const RUNS = 7;

async function coldRun(assetDir: string, run: number): Promise<{ loadMs: number; firstMs: number; warmMs: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-cold-'));
  const s3 = await startLocalS3(dir, ['cold-content', 'cold-site']);
  const client = new S3Client({ ...s3ClientConfig(s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
  const content = path.join(ROOT, 'content');
  for (const key of filesToUpload(content, []))
    await client.send(
      new PutObjectCommand({ Bucket: 'cold-content', Key: key, Body: readFileSync(path.join(content, key)) }),
    );
  const fn = new LambdaFunction({
    assetDir,
    handler: 'index.handler',
    timeoutMs: 300_000,
    sdkRoot: ROOT,
    environment: {
      CONTENT_BUCKET: 'cold-content',
      SITE_BUCKET: 'cold-site',
      SITE_URL: 'https://events.example.org/',
      S3_ENDPOINT: s3.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NODE_OPTIONS: '--max-old-space-size=1536',
    },
    log: () => undefined,
  });
  const t0 = performance.now();
  await fn.invoke({ Records: [{ messageId: `deploy-${run}`, body: '{"reason":"deploy"}' }] });
  const firstMs = performance.now() - t0;
  const t1 = performance.now();
  await fn.invoke({ Records: [{ messageId: `again-${run}`, body: '{"reason":"schedule"}' }] });
  const warmMs = performance.now() - t1;
  fn.stop();
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
  return { loadMs: loadTime(assetDir), firstMs, warmMs };
}

/** Milliseconds a new Node process takes to load the handler file (its code, the SDK it requires). */
function loadTime(assetDir: string): number {
  const code = `const t = process.hrtime.bigint(); require(${JSON.stringify(path.join(assetDir, 'index.js'))}); console.log(Number(process.hrtime.bigint() - t) / 1e6)`;
  const env = {
    PATH: process.env.PATH,
    NODE_PATH: path.join(ROOT, 'node_modules'),
    CONTENT_BUCKET: 'cold-content',
    SITE_BUCKET: 'cold-site',
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return Number(execFileSync(process.execPath, ['-e', code], { env, encoding: 'utf8' }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const assets = process.argv.slice(2).length
    ? process.argv.slice(2)
    : [readStack(path.join(ROOT, 'cdk.out')).publish.assetDir];
  for (const asset of assets) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldRun(path.resolve(asset), i));
    const kib = statSync(path.join(asset, 'index.js')).size / 1024;
    console.log(
      `${asset}: ${kib.toFixed(1)} KiB; loading the handler file ${median(runs.map((r) => r.loadMs)).toFixed(0)} ms; first invocation in a new container ` +
        `(a full rebuild of content/) ${median(runs.map((r) => r.firstMs)).toFixed(0)} ms; the next, warm, on unchanged content ${median(runs.map((r) => r.warmMs)).toFixed(0)} ms (median of ${RUNS})`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
