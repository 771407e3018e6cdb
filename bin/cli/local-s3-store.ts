/**
 * s3rver's file-system store made to behave as S3 does where calpub depends on it:
 * - an object is replaced atomically: its bytes go to a temporary file outside the buckets, then it
 *   is renamed into place with its ETag and metadata, under a per-key lock; a GET (or HEAD, or a
 *   listing's entry) takes the same lock, so it sees the old object or the new one, never a mix of
 *   the two (s3rver writes in place: a GET during a PUT came back partial);
 * - listings are in UTF-8 byte order, as S3's (s3rver walks folders in directory order, so a page
 *   boundary repeated a key or missed one) and tolerate objects that vanish meanwhile;
 * - conditional writes (`If-Match`, `If-None-Match: *`) answer 412 as S3 does (s3rver ignores them);
 *   see `conditionalWrites`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

// s3rver is a dev-only dependency, loaded on demand (require, inside the functions).
type Metadata = Record<string, string | number>;
interface S3rverObject {
  readonly bucket: string;
  readonly key: string;
  readonly content: Buffer | Readable | null;
  readonly metadata: Metadata;
}

/** One lock per object; re-entrant within one request (a conditional PUT holds it while it stores). */
export class KeyLocks {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #held = new AsyncLocalStorage<ReadonlySet<string>>();

  /** Runs `fn` with `key` locked: calls for one key run one at a time, in order. */
  async with<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const held = this.#held.getStore();
    if (held?.has(key)) return fn();
    const before = this.#tails.get(key) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.#tails.set(key, tail);
    await before;
    try {
      return await this.#held.run(new Set([...(held ?? []), key]), fn);
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}

const OBJECT_SUFFIX = '._S3rver_object';

/** Byte order of UTF-8 keys (S3's listing order). */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A store class for s3rver (its constructor takes the root folder), with temporary files in `scratch`. */
export function consistentStore(scratch: string, locks: KeyLocks): unknown {
  const FilesystemStore = require('s3rver/lib/stores/filesystem');
  const S3Object = require('s3rver/lib/models/object');

  class ConsistentStore extends FilesystemStore {
    getMetadata(bucket: string, key: string): Promise<Metadata> {
      return locks.with(`${bucket}/${key}`, () => super.getMetadata(bucket, key));
    }

    getObject(bucket: string, key: string, options: unknown): Promise<unknown> {
      // The read stream is open before the lock is released: a later rename replaces the path, not
      // the file this stream reads.
      return locks.with(`${bucket}/${key}`, () => super.getObject(bucket, key, options));
    }

    async putObject(object: S3rverObject): Promise<{ size: number; md5: string }> {
      const temp = path.join(scratch, randomBytes(8).toString('hex'));
      const hash = createHash('md5');
      let size = 0;
      const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : (object.content as Readable);
      await pipeline(
        content,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(temp),
      );
      const md5 = hash.digest('hex');
      await locks.with(`${object.bucket}/${object.key}`, async () => {
        // The bytes are renamed into place (a GET already streaming the old file keeps reading it
        // whole); the ETag and metadata files are only ever read under this lock, so written in place.
        const target = this.getResourcePath(object.bucket, object.key, 'object');
        await this.#into(temp, target);
        await fs.writeFile(`${target}.md5`, md5);
        await fs.writeFile(
          this.getResourcePath(object.bucket, object.key, 'metadata.json'),
          JSON.stringify(storedMetadata(object.metadata, S3Object)),
        );
      });
      return { size, md5 };
    }

    copyObject(...args: [string, string, string, string, ...unknown[]]): Promise<unknown> {
      return locks.with(`${args[2]}/${args[3]}`, () =>
        locks.with(`${args[0]}/${args[1]}`, () => super.copyObject(...args)),
      );
    }

    async deleteObject(bucket: string, key: string): Promise<void> {
      await locks.with(`${bucket}/${key}`, async () => {
        for (const resource of ['object', 'object.md5', 'metadata.json']) {
          await fs.unlink(this.getResourcePath(bucket, key, resource)).catch(ignore('ENOENT'));
        }
      });
      // Empty folders go (the key's folders are s3rver's way of storing `/`); another write may
      // have just made one of them non-empty again: then it stays.
      const parts = key.split('/').slice(0, -1);
      for (; parts.length; parts.pop()) {
        if (
          !(await fs.rmdir(path.join(this.getBucketPath(bucket), ...parts)).then(
            () => true,
            () => false,
          ))
        )
          break;
      }
    }

    async listObjects(
      bucket: string,
      options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number },
    ) {
      const { delimiter = '', startAfter = '', prefix = '', maxKeys = Infinity } = options;
      const entries: Array<{ key: string; commonPrefix: boolean }> = [];
      const prefixes = new Set<string>();
      for (const key of keysUnder(this.getBucketPath(bucket)).sort(byteOrder)) {
        if (!key.startsWith(prefix) || (startAfter && byteOrder(key, startAfter) <= 0)) continue;
        const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
        if (cut < 0) entries.push({ key, commonPrefix: false });
        else if (!prefixes.has(key.slice(0, cut + delimiter.length))) {
          prefixes.add(key.slice(0, cut + delimiter.length));
          entries.push({ key: key.slice(0, cut + delimiter.length), commonPrefix: true });
        }
      }
      const page = entries.slice(0, maxKeys);
      const listed = await Promise.all(
        page
          .filter((e) => !e.commonPrefix)
          .map(async (entry) => {
            // An object deleted since the folders were read is left out, as S3 would.
            const metadata = await this.getMetadata(bucket, entry.key).catch(ignore('ENOENT'));
            return metadata ? new S3Object(bucket, entry.key, null, metadata) : null;
          }),
      );
      return {
        objects: listed.filter((o) => o !== null),
        commonPrefixes: page.filter((e) => e.commonPrefix).map((e) => e.key),
        isTruncated: entries.length > page.length,
      };
    }

    /** Renames `from` onto `to`, making its folder when missing (a new key, or a delete removed it meanwhile). */
    async #into(from: string, to: string): Promise<void> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await fs.rename(from, to);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 5) throw err;
          await fs.mkdir(path.dirname(to), { recursive: true });
        }
      }
    }
  }
  return ConsistentStore;
}

/** The metadata s3rver keeps for an object (as its own `putMetadata` picks it). */
function storedMetadata(metadata: Metadata, S3Object: { ALLOWED_METADATA: string[] }): Metadata {
  const kept = Object.entries(metadata).filter(
    ([k]) => S3Object.ALLOWED_METADATA.includes(k) || k.startsWith('x-amz-meta-'),
  );
  return Object.fromEntries(kept);
}

/** Every key stored under a bucket folder, skipping files and folders that vanish while it reads. */
function keysUnder(bucketPath: string, rel = '', out: string[] = []): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(path.join(bucketPath, rel), { withFileTypes: true });
  } catch {
    return out; // removed meanwhile
  }
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) keysUnder(bucketPath, child, out);
    else if (entry.name.endsWith(OBJECT_SUFFIX)) out.push(child.slice(0, -OBJECT_SUFFIX.length));
  }
  return out;
}

function ignore(code: string): (err: NodeJS.ErrnoException) => undefined {
  return (err) => {
    if (err.code !== code) throw err;
    return undefined;
  };
}
