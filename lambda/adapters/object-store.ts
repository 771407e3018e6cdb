/**
 * The object storage the serverless path needs, as a small port: S3 implements it (s3.ts), and
 * tests implement it in memory with S3's conditional-write semantics (which s3rver lacks).
 */

/** One object of a listing. */
export interface ListedObject {
  readonly key: string;
  readonly etag: string;
}

/** Options of a write. */
export interface PutOptions {
  readonly contentType: string;
  readonly cacheControl?: string;
  /** Write only if the current object has this ETag (S3 `If-Match`). */
  readonly ifMatch?: string;
  /** `*`: write only if no object exists (S3 `If-None-Match`). */
  readonly ifNoneMatch?: '*';
}

/** An object's bytes and ETag (quoted, as S3 gives it). */
export interface StoredObject {
  readonly bytes: Buffer;
  readonly etag: string;
}

/** A bucket (or a prefix of one). Infrastructure failures throw; a missing object is `null`. */
export interface ObjectStore {
  list(prefix: string): Promise<ListedObject[]>;
  get(key: string): Promise<StoredObject | null>;
  /**
   * The object, unless its ETag is still `etag` (S3 `GET` with `If-None-Match`, answered 304 without a
   * body): then `'unchanged'`. Lets a warm process skip downloading what it already holds.
   */
  getIfChanged(key: string, etag: string): Promise<StoredObject | 'unchanged' | null>;
  put(key: string, body: string | Buffer, options: PutOptions): Promise<{ etag: string }>;
  delete(keys: readonly string[]): Promise<void>;
}

/** A conditional write lost the race: someone else wrote the object first. */
export class PreconditionFailed extends Error {
  override name = 'PreconditionFailed';
  constructor(key: string) {
    super(`conditional write of ${key} refused: the object changed since it was read`);
  }
}
