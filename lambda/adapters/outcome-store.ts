/**
 * Page outcomes kept between builds, so that a page whose bytes did not change, under the same
 * configuration and the same calpub code, is neither parsed nor rendered again. One format for the
 * CLI (`.calpub/outcomes.jsonl`) and the Lambda (inside its state object): lines, a first one
 * `{"format":1,"key":...}`, then one per page: `[path, contentKey]`, a tab, the outcome (JSON; JSON
 * text never holds a raw tab). The content key is what the adapter knows of the bytes: their SHA-1 on
 * a file system, the ETag (their MD5) on S3.
 *
 * Only an optimisation: a store that is missing, unreadable or made for another key is an empty one,
 * and an empty store changes no output byte, only how long the build takes.
 */
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../core/model';
import type { PageOutcome } from '../core/page';

const FORMAT = 1;
const NEWLINE = 10;
const TAB = 9;

/** What a store is valid for: the site configuration and the code that made the outcomes. */
export function storeKey(config: SiteConfig, codeVersion: string): string {
  return createHash('sha1').update(codeVersion).update(JSON.stringify(config)).digest('base64url');
}

/** The content key of a file's bytes on a file system. */
export function contentKeyOf(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

export class OutcomeStore {
  /** Lines of the store as read, by path: reused as they are when their page did not change. */
  readonly #read = new Map<string, { readonly contentKey: string; readonly line: Buffer; readonly outcomeAt: number }>();
  /** Lines of the next store, by path: pages seen in this build only. */
  readonly #next = new Map<string, Buffer>();
  #changed = false;

  private constructor(readonly key: string) {}

  /** Reads a store (its bytes, or null); anything unreadable or made for another key is an empty store. */
  static parse(bytes: Buffer | null, key: string): OutcomeStore {
    const store = new OutcomeStore(key);
    if (!bytes?.length) return store;
    try {
      const end = lineEnd(bytes, 0);
      const head = JSON.parse(bytes.toString('utf8', 0, end)) as { format?: unknown; key?: unknown };
      if (head?.format !== FORMAT || head.key !== key) return store;
      for (let start = end + 1; start < bytes.length; ) {
        const stop = lineEnd(bytes, start);
        const tab = bytes.indexOf(TAB, start);
        if (tab < 0 || tab > stop) throw new Error('not a store line');
        // Only the path and the content key are read now; the outcome when it is asked for.
        const [path, contentKey] = JSON.parse(bytes.toString('utf8', start, tab)) as [string, string];
        store.#read.set(path, { contentKey, line: bytes.subarray(start, stop), outcomeAt: tab + 1 - start });
        start = stop + 1;
      }
    } catch {
      return new OutcomeStore(key); // a broken store is an empty one
    }
    return store;
  }

  /** The outcome stored for `path` made from these bytes, or null; a found one is kept for the next store. */
  get(path: string, contentKey: string): PageOutcome | null {
    const entry = this.#read.get(path);
    if (!entry || entry.contentKey !== contentKey) return null;
    try {
      const outcome = JSON.parse(entry.line.toString('utf8', entry.outcomeAt)) as PageOutcome;
      this.#next.set(path, entry.line);
      return outcome;
    } catch {
      return null;
    }
  }

  /** Records the outcome made for `path` from these bytes; returns it. */
  set(path: string, contentKey: string, outcome: PageOutcome): PageOutcome {
    this.#next.set(path, Buffer.from(`${JSON.stringify([path, contentKey])}\t${JSON.stringify(outcome)}`, 'utf8'));
    this.#changed = true;
    return outcome;
  }

  /** True when the next store differs from the one read (new outcomes, pages gone). */
  get changed(): boolean {
    return this.#changed || this.#next.size !== this.#read.size;
  }

  /** The next store as lines, each with its newline (written back without copying the lines kept). */
  lines(): Buffer[] {
    const out: Buffer[] = [Buffer.from(`${JSON.stringify({ format: FORMAT, key: this.key })}\n`)];
    for (const path of [...this.#next.keys()].sort()) out.push(this.#next.get(path) as Buffer, NEWLINE_BYTE);
    return out;
  }
}

const NEWLINE_BYTE = Buffer.from('\n');

function lineEnd(bytes: Buffer, start: number): number {
  const end = bytes.indexOf(NEWLINE, start);
  return end < 0 ? bytes.length : end;
}
