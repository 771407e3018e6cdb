/**
 * A real S3 API server on 127.0.0.1 (s3rver) for emulation and tests, with the two fixes it needs
 * on Node 20 (TOOLCHAIN.md §5): its continuation tokens use DES, which OpenSSL 3 refuses (patched to
 * AES here; tokens are opaque), and clients must send checksums only when required (s3-store.ts).
 */
import type { EventEmitter } from 'node:events';

/** A running s3rver. */
export interface LocalS3 {
  readonly endpoint: string;
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real module object: namespaces are read-only
  const crypto = require('node:crypto');
  const cipher = crypto.createCipheriv;
  const decipher = crypto.createDecipheriv;
  const fix = (algorithm: string, key: Buffer, iv: Buffer) =>
    algorithm === 'des' ? ['aes-128-cbc', Buffer.concat([key, key]), Buffer.concat([iv, iv])] : [algorithm, key, iv];
  crypto.createCipheriv = (a: string, k: Buffer, iv: Buffer, o?: unknown) => cipher(...fix(a, k, iv), o);
  crypto.createDecipheriv = (a: string, k: Buffer, iv: Buffer, o?: unknown) => decipher(...fix(a, k, iv), o);
}

/** Starts s3rver with the given buckets, storing objects under `directory`. */
export async function startLocalS3(directory: string, buckets: readonly string[], port = 0): Promise<LocalS3> {
  patchDes();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a dev-only dependency, loaded on demand
  const S3rver = require('s3rver');
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
  const address = (await server.run()) as { address: string; port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    events: server,
    close: () => server.close(),
  };
}

/** Credentials s3rver accepts. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
