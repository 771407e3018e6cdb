/**
 * A real S3 API on this machine (s3rver, bin/cli/local-s3.ts) with a client and the environment the
 * Lambda handler reads: one helper for the tests that run the handler (or its asset) against it.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from '../bin/cli/local-s3';
import { s3ClientConfig } from '../lambda/adapters/s3';

/** The two buckets of the stack, as the tests name them. */
export const BUCKETS = { content: 'calpub-content', site: 'calpub-site' } as const;

/** A local S3 API holding the stack's buckets, and a client of it. */
export interface LocalS3Env {
  readonly s3: LocalS3;
  readonly client: S3Client;
  /** The handler's environment (env.ts) for this S3 API: buckets, endpoint, region, credentials, SITE_URL. */
  readonly lambdaEnvironment: (siteUrl: string) => Record<string, string>;
  /** Uploads every file under `dir` to the content bucket, keyed by its path relative to `dir`. */
  readonly uploadFolder: (dir: string) => Promise<void>;
  readonly put: (bucket: string, key: string, body: string | Buffer) => Promise<void>;
}

/** Starts the S3 API (files under `dir`, on `port` when given: a restart keeps its objects). */
export async function startLocalS3Env(dir: string, port?: number): Promise<LocalS3Env> {
  const s3 = await startLocalS3(dir, [BUCKETS.content, BUCKETS.site], port);
  const client = new S3Client({ ...s3ClientConfig(s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
  const put = async (bucket: string, key: string, body: string | Buffer) => {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  };
  return {
    s3,
    client,
    put,
    lambdaEnvironment: (siteUrl) => ({
      CONTENT_BUCKET: BUCKETS.content,
      SITE_BUCKET: BUCKETS.site,
      SITE_URL: siteUrl,
      S3_ENDPOINT: s3.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    }),
    uploadFolder: async (folder) => {
      const files = readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
      for (const key of files) await put(BUCKETS.content, key, readFileSync(path.join(folder, key)));
    },
  };
}
