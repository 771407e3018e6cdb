/**
 * A real S3 API server on 127.0.0.1 (s3rver) for emulation and tests, with the fixes it needs to
 * behave as S3 where calpub depends on it: its continuation tokens use DES, which OpenSSL 3 refuses
 * (patched to AES here; tokens are opaque); its store writes atomically and lists in S3's order
 * (local-s3-store.ts); conditional writes answer 412. Clients must send checksums only when required
 * (lambda/adapters/s3.ts `s3ClientConfig`).
 */
import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { consistentStore, KeyLocks } from './local-s3-store';

/** A running s3rver. */
export interface LocalS3 {
  readonly endpoint: string;
  /** Where the objects are (`buckets/<bucket>/...`). */
  readonly directory: string;
  readonly port: number;
  /** Emits `event` with an S3 notification `{Records: [...]}` for every created/removed object. */
  readonly events: EventEmitter;
  close(): Promise<void>;
}

let patched = false;

/** Lets s3rver's DES continuation tokens work under OpenSSL 3 (paginated listings otherwise fail). */
function patchDes(): void {
  if (patched) return;
  patched = true;
  // require, not import: the real module object (an import's namespace is read-only).
  const crypto = require('node:crypto');
  const cipher = crypto.createCipheriv;
  const decipher = crypto.createDecipheriv;
  const fix = (algorithm: string, key: Buffer, iv: Buffer) =>
    algorithm === 'des' ? ['aes-128-cbc', Buffer.concat([key, key]), Buffer.concat([iv, iv])] : [algorithm, key, iv];
  crypto.createCipheriv = (a: string, k: Buffer, iv: Buffer, o?: unknown) => cipher(...fix(a, k, iv), o);
  crypto.createDecipheriv = (a: string, k: Buffer, iv: Buffer, o?: unknown) => decipher(...fix(a, k, iv), o);
}

/**
 * Starts s3rver with the given buckets, storing objects under `directory` (in `buckets/`, with the
 * temporary files of writes in `scratch/`). Started again on the same folder, it serves the same
 * objects.
 */
export async function startLocalS3(directory: string, buckets: readonly string[], port = 0): Promise<LocalS3> {
  patchDes();
  // A dev-only dependency, loaded on demand.
  const S3rver = require('s3rver');
  const root = path.join(directory, 'buckets');
  const scratch = path.join(directory, 'scratch');
  for (const dir of [root, scratch]) mkdirSync(dir, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: root,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const locks = new KeyLocks();
  const Store = consistentStore(scratch, locks) as new (root: string) => unknown;
  server.store = server.context.store = new Store(root);
  // Before the router (the last middleware), after s3rver's XML and host handling.
  server.middleware.splice(server.middleware.length - 1, 0, conditionalWrites(locks));
  // Quiet for good: s3rver's logger (even `silent`) warns on the console when a request finishes
  // after close() removed its transports, which is every request still in flight at a stop.
  server.middleware = server.middleware.filter((m: { name?: string }) => m.name !== 'logger');
  server.logger = server.context.logger = QUIET_LOGGER;
  const address = (await server.run()) as { address: string; port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    directory,
    port: address.port,
    events: server,
    close: () => server.close(),
  };
}

interface KoaContext {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, unknown>;
  get(header: string): string;
  readonly store: { getMetadata(bucket: string, key: string): Promise<{ etag: string }> };
}

/**
 * S3's conditional writes, which s3rver ignores: a PUT with `If-None-Match: *` fails with 412 when
 * the object exists, one with `If-Match: <etag>` when its ETag differs (404 when it is missing). The
 * check and the write hold the object's lock together, so two racing writers cannot both win.
 */
function conditionalWrites(locks: KeyLocks) {
  const S3Error = require('s3rver/lib/models/error');
  return async (ctx: KoaContext, next: () => Promise<void>): Promise<void> => {
    const ifMatch = ctx.get('if-match');
    const ifNoneMatch = ctx.get('if-none-match');
    // A plain object PUT (the SDK adds `x-id=PutObject`): not a part, tagging or copy.
    const subresource = Object.keys(ctx.query).some((name) => name !== 'x-id');
    if (ctx.method !== 'PUT' || (!ifMatch && !ifNoneMatch) || subresource || ctx.get('x-amz-copy-source'))
      return next();
    const [bucket, ...rest] = ctx.path.slice(1).split('/');
    const key = rest.map(decodeURIComponent).join('/');
    await locks.with(`${bucket}/${key}`, async () => {
      const current = await ctx.store.getMetadata(bucket, key).catch(() => null);
      if (ifMatch && !current) throw new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key });
      if ((ifNoneMatch === '*' && current) || (ifMatch && ifMatch !== '*' && current?.etag !== ifMatch)) {
        throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
          Condition: ifMatch ? 'If-Match' : 'If-None-Match',
        });
      }
      await next();
    });
  };
}

const noop = () => undefined;
const QUIET_LOGGER = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  log: noop,
  close: noop,
  exceptions: { unhandle: noop },
};

/** Credentials s3rver accepts. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
