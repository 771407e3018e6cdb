/**
 * ObjectStore on Amazon S3 (or an S3-compatible endpoint such as s3rver, path-style). Listing is
 * paginated; deletes are batched by 1,000; conditional writes map to S3's If-Match / If-None-Match.
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
  paginateListObjectsV2,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import {
  PreconditionFailed,
  type ListedObject,
  type ObjectStore,
  type PutOptions,
  type StoredObject,
} from './object-store';

/** S3 client options for an optional S3-compatible endpoint (tests, emulation). */
export function s3ClientConfig(endpoint: string | undefined, region: string | undefined): S3ClientConfig {
  return endpoint
    ? {
        endpoint,
        region: region ?? 'us-east-1',
        forcePathStyle: true,
        // s3rver keeps aws-chunked framing in streamed bodies; checksums only when S3 requires them.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }
    : { region };
}

/** One bucket as an ObjectStore. */
export class S3Store implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async list(prefix: string): Promise<ListedObject[]> {
    const out: ListedObject[] = [];
    for await (const page of paginateListObjectsV2(
      { client: this.client },
      { Bucket: this.bucket, Prefix: prefix || undefined },
    )) {
      for (const o of page.Contents ?? []) if (o.Key && o.ETag) out.push({ key: o.Key, etag: o.ETag });
    }
    return out;
  }

  async get(key: string): Promise<StoredObject | null> {
    const got = await this.getIfChanged(key, undefined);
    return got === 'unchanged' ? null : got;
  }

  async getIfChanged(key: string, etag: string | undefined): Promise<StoredObject | 'unchanged' | null> {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, IfNoneMatch: etag }));
      return { bytes: Buffer.from((await r.Body?.transformToByteArray()) ?? new Uint8Array()), etag: r.ETag ?? '' };
    } catch (err) {
      if (!(err instanceof S3ServiceException)) throw err;
      if (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404) return null;
      if (etag !== undefined && err.$metadata.httpStatusCode === 304) return 'unchanged';
      throw err;
    }
  }

  async put(key: string, body: string | Buffer, options: PutOptions): Promise<{ etag: string }> {
    try {
      const r = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
          IfMatch: options.ifMatch,
          IfNoneMatch: options.ifNoneMatch,
        }),
      );
      return { etag: r.ETag ?? '' };
    } catch (err) {
      const status = (err as S3ServiceException).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) throw new PreconditionFailed(key);
      throw err;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const r = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      if (r.Errors?.length)
        throw new Error(
          `could not delete ${r.Errors.length} objects from ${this.bucket}: ${r.Errors[0].Key}: ${r.Errors[0].Message}`,
        );
    }
  }
}
