/**
 * Page outcomes kept between builds, so that a page whose bytes did not change, under the same
 * configuration and the same calpub code, is neither parsed nor rendered again. One format for the
 * CLI (`.calpub/outcomes.jsonl`) and the Lambda (inside its state object): lines, a first one
 * `{"format":2,"code":...,"config":...}`, then one per page: `[path, contentKey, venue]`, a tab, the
 * outcome (JSON; JSON text never holds a raw tab). The content key is what the adapter knows of the
 * bytes: their SHA-1 on a file system, the ETag (their MD5) on S3.
 *
 * A page's venue (where it says it takes place, `venueOf`) depends on its bytes and the code only: it
 * is reused under any configuration, so the site's zone (found from every page's venue) is decided
 * without parsing pages that did not change. Its outcome depends on the configuration too: reused only
 * when the store was made for the configuration of this build (its zone decided).
 *
 * Only an optimisation: a store that is missing, unreadable or made for other code is an empty one,
 * and an empty store changes no output byte, only how long the build takes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SiteConfig } from '../core/model';
import type { PageOutcome } from '../core/page';
import type { VenueZone } from '../core/read/venue-zone';

const FORMAT = 2;
const NEWLINE = 10;
const TAB = 9;

/** What a store's outcomes are valid for: the site configuration (its zone decided). */
export function configKey(config: SiteConfig): string {
  return createHash('sha1').update(JSON.stringify(config)).digest('base64url');
}

/**
 * Identifies the running code, so outcomes made by other code are never reused: the bundle's SHA-1
 * (the CLI's `dist/calpub.cjs`, the Lambda's `index.js`, each one file holding all of calpub); run
 * from TypeScript sources (tests, tsx), a version of this process alone, so nothing is reused.
 */
export function runningCodeVersion(): string {
  return __filename.endsWith('.ts')
    ? `source-${process.pid}-${Date.now()}`
    : createHash('sha1').update(readFileSync(__filename)).digest('hex');
}

/** The content key of a file's bytes on a file system. */
export function contentKeyOf(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

export class OutcomeStore {
  /** Lines of the store as read, by path: reused as they are when their page did not change. */
  readonly #read = new Map<
    string,
    { readonly contentKey: string; readonly venue: VenueZone | null; readonly line: Buffer; readonly outcomeAt: number }
  >();
  /** Lines of the next store, by path: pages seen in this build only. */
  readonly #next = new Map<string, Buffer>();
  #changed = false;
  /** The configuration the outcomes read were made for, and the one of this build (`useConfig`). */
  #madeFor: string | null = null;
  #config: string | null = null;

  private constructor(readonly code: string) {}

  /**
   * Reads a store (its bytes, or null) for the running code (`code`, its version); anything unreadable
   * or made by other code is an empty store.
   */
  static parse(bytes: Buffer | null, code: string): OutcomeStore {
    const store = new OutcomeStore(code);
    if (!bytes?.length) return store;
    try {
      const end = lineEnd(bytes, 0);
      const head = JSON.parse(bytes.toString('utf8', 0, end)) as { format?: unknown; code?: unknown; config?: unknown };
      if (head?.format !== FORMAT || head.code !== code) return store;
      store.#madeFor = typeof head.config === 'string' ? head.config : null;
      for (let start = end + 1; start < bytes.length; ) {
        const stop = lineEnd(bytes, start);
        const tab = bytes.indexOf(TAB, start);
        if (tab < 0 || tab > stop) throw new Error('not a store line');
        // Only the path, the content key and the venue are read now; the outcome when it is asked for.
        const [path, contentKey, venue] = JSON.parse(bytes.toString('utf8', start, tab)) as [
          string,
          string,
          VenueZone | null,
        ];
        if (typeof contentKey !== 'string' || venue === undefined) throw new Error('not a store line');
        store.#read.set(path, { contentKey, venue, line: bytes.subarray(start, stop), outcomeAt: tab + 1 - start });
        start = stop + 1;
      }
    } catch {
      return new OutcomeStore(code); // a broken store is an empty one
    }
    return store;
  }

  /** Where the page with these bytes places its venue, as stored (null: nowhere), or undefined when not stored. */
  venue(path: string, contentKey: string): VenueZone | null | undefined {
    const entry = this.#read.get(path);
    return entry && entry.contentKey === contentKey ? entry.venue : undefined;
  }

  /** Sets the configuration of this build (`configKey`): stored outcomes made for another are not reused. */
  useConfig(key: string): void {
    this.#config = key;
  }

  /** The outcome stored for `path` made from these bytes for this build's configuration, or null; a found one is kept for the next store. */
  get(path: string, contentKey: string): PageOutcome | null {
    const entry = this.#read.get(path);
    if (!entry || entry.contentKey !== contentKey || this.#config === null || this.#config !== this.#madeFor)
      return null;
    try {
      const outcome = JSON.parse(entry.line.toString('utf8', entry.outcomeAt)) as PageOutcome;
      this.#next.set(path, entry.line);
      return outcome;
    } catch {
      return null;
    }
  }

  /** Records the outcome made for `path` from these bytes (for this build's configuration); returns it. */
  set(path: string, contentKey: string, outcome: PageOutcome): PageOutcome {
    this.#next.set(
      path,
      Buffer.from(`${JSON.stringify([path, contentKey, outcome.venue])}\t${JSON.stringify(outcome)}`, 'utf8'),
    );
    this.#changed = true;
    return outcome;
  }

  /** True when the next store differs from the one read (new outcomes, pages gone, another configuration). */
  get changed(): boolean {
    return this.#changed || this.#next.size !== this.#read.size || this.#config !== this.#madeFor;
  }

  /** The next store as lines, each with its newline (written back without copying the lines kept). */
  lines(): Buffer[] {
    const out: Buffer[] = [
      Buffer.from(`${JSON.stringify({ format: FORMAT, code: this.code, config: this.#config })}\n`),
    ];
    for (const path of [...this.#next.keys()].sort()) out.push(this.#next.get(path) as Buffer, NEWLINE_BYTE);
    return out;
  }
}

const NEWLINE_BYTE = Buffer.from('\n');

function lineEnd(bytes: Buffer, start: number): number {
  const end = bytes.indexOf(NEWLINE, start);
  return end < 0 ? bytes.length : end;
}
