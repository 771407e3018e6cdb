/**
 * Lambda entry (contract: this path, export `handler`). An SQS batch of S3 notifications, the S3 test
 * event or a scheduler message `{"reason":"schedule"}`: each means "bring the site up to date".
 * Environment: see env.ts. Clients and configuration are made once per container.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { invalidator } from '../adapters/cloudfront';
import { S3Store, s3ClientConfig } from '../adapters/s3';
import { runningCodeVersion } from '../adapters/outcome-store';
import { readEnv } from './env';
import { rebuild } from './rebuild';
import { triggersOf } from './triggers';

// Fails the cold start, naming every bad variable, before any event is accepted.
const env = readEnv(process.env);
const s3 = new S3Client(s3ClientConfig(env.s3Endpoint, env.region));
const content = new S3Store(s3, env.contentBucket);
const site = new S3Store(s3, env.siteBucket);
const invalidate = env.distributionId ? invalidator(env.distributionId, env.region) : undefined;
const codeVersion = runningCodeVersion();

/** Rebuilds the site; throws (so SQS retries) only when storage or the CDN fails. */
export async function handler(event: unknown): Promise<void> {
  const started = Date.now();
  const triggers = triggersOf(event);
  try {
    const summary = await rebuild({
      content,
      site,
      contentPrefix: env.contentPrefix,
      siteUrl: env.siteUrl,
      now: Date.now,
      codeVersion,
      invalidate,
    });
    console.log(
      JSON.stringify({
        msg: 'rebuild',
        triggers: summarize(triggers),
        objectsRead: summary.objectsRead,
        pages: summary.pages,
        published: summary.published,
        rejected: summary.rejected,
        warnings: summary.warnings,
        written: summary.written.length,
        deleted: summary.deleted.length,
        invalidated: summary.invalidated,
        attempts: summary.attempts,
        ...(summary.memory ? { memory: summary.memory } : {}),
        ms: Date.now() - started,
      }),
    );
  } catch (err) {
    console.error(
      JSON.stringify({
        msg: 'rebuild failed',
        triggers: summarize(triggers),
        error: (err as Error).name,
        detail: (err as Error).message,
        ms: Date.now() - started,
      }),
    );
    throw err;
  }
}

function summarize(triggers: ReturnType<typeof triggersOf>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of triggers) counts[t.kind] = (counts[t.kind] ?? 0) + 1;
  return counts;
}
