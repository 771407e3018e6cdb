/**
 * An in-memory ObjectStore with S3's conditional-write semantics (If-Match / If-None-Match), which
 * s3rver ignores: what the convergence tests need. Counts reads and writes; can be told to fail.
 */
import { createHash } from 'node:crypto';
import {
  PreconditionFailed,
  type ListedObject,
  type ObjectStore,
  type PutOptions,
} from '../../lambda/adapters/object-store';

export class MemoryStore implements ObjectStore {
  /** Pass another store's `objects` for a second client of the same bucket (another Lambda container). */
  constructor(
    readonly objects = new Map<
      string,
      { bytes: Buffer; readonly body: string; etag: string; contentType: string; cacheControl?: string }
    >(),
  ) {}
  gets = 0;
  puts = 0;
  /** Throw this error on the next matching call (simulates S3 failing). */
  failOn: { op: 'get' | 'put' | 'list' | 'delete'; after: number; error: Error } | null = null;
  private calls = 0;
  /** Called before each put resolves (lets a test interleave another rebuild). */
  beforePut: ((key: string) => Promise<void>) | null = null;

  private maybeFail(op: 'get' | 'put' | 'list' | 'delete'): void {
    if (this.failOn?.op === op && this.calls++ >= this.failOn.after) throw this.failOn.error;
  }

  async list(prefix: string): Promise<ListedObject[]> {
    this.maybeFail('list');
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, o]) => ({ key, etag: o.etag }));
  }

  async get(key: string): Promise<{ bytes: Buffer; etag: string } | null> {
    this.maybeFail('get');
    this.gets++;
    const o = this.objects.get(key);
    return o ? { bytes: o.bytes, etag: o.etag } : null;
  }

  async getIfChanged(key: string, etag: string): Promise<{ bytes: Buffer; etag: string } | 'unchanged' | null> {
    this.maybeFail('get');
    const o = this.objects.get(key);
    if (o && o.etag === etag) return 'unchanged';
    this.gets++;
    return o ? { bytes: o.bytes, etag: o.etag } : null;
  }

  async put(key: string, body: string | Buffer, options: PutOptions): Promise<{ etag: string }> {
    this.maybeFail('put');
    if (this.beforePut) await this.beforePut(key);
    const current = this.objects.get(key);
    if (options.ifNoneMatch === '*' && current) throw new PreconditionFailed(key);
    if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) throw new PreconditionFailed(key);
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
    this.objects.set(key, {
      bytes,
      get body() {
        return bytes.toString('utf8');
      },
      etag,
      contentType: options.contentType,
      cacheControl: options.cacheControl,
    });
    this.puts++;
    return { etag };
  }

  async delete(keys: readonly string[]): Promise<void> {
    this.maybeFail('delete');
    for (const k of keys) this.objects.delete(k);
  }

  /** Puts a content file as an editor would (no conditions). */
  async upload(key: string, body: string): Promise<void> {
    await this.put(key, body, { contentType: 'text/markdown' });
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.objects.entries()].map(([k, o]) => [k, o.body]));
  }
}
