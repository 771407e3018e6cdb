/**
 * Output files assembled from parts. An event's VEVENT is in the site calendar, its own .ics and
 * each of its tags' calendars; its short RSS item is in each of its tags' feeds. Kept as a
 * `SharedText`, such a part is encoded to UTF-8 and hashed once, however many files carry it, and
 * no file ever has to exist as one long string (joining and re-encoding 45 MB strings was most of a
 * large build's output time).
 */
import { createHash, hash } from 'node:crypto';

/** Text several output files share: encoded and hashed on first use, then kept as bytes only. */
export class SharedText {
  #text: string | null;
  #bytes: Buffer | null = null;
  #digest: Buffer | null = null;

  constructor(text: string) {
    this.#text = text;
  }

  /** Text already encoded (by another thread): its UTF-8 bytes and their SHA-256. */
  static fromBytes(bytes: Buffer, digest: Buffer): SharedText {
    const shared = new SharedText('');
    shared.#text = null;
    shared.#bytes = bytes;
    shared.#digest = digest;
    return shared;
  }

  /** The text (decoded again if only the bytes are kept). */
  get text(): string {
    return this.#text ?? (this.#bytes as Buffer).toString('utf8');
  }

  /** UTF-8 bytes (see `sharedBytes`); the text is dropped once they exist (the bytes are what files are made of). */
  get bytes(): Buffer {
    if (!this.#bytes) {
      this.#bytes = sharedBytes([this.#text as string])[0];
      this.#text = null;
    }
    return this.#bytes;
  }

  /** SHA-256 of the bytes. */
  get digest(): Buffer {
    return (this.#digest ??= hash('sha256', this.bytes, 'buffer'));
  }
}

/** A part of an output file: text used once, or text shared with other files. */
export type Part = string | SharedText;

/** Separators repeated between the items of feeds and the schedule: one encoding for all of them. */
export const NEWLINE = new SharedText('\n');
export const COMMA_NEWLINE = new SharedText(',\n');

/** `items` with `separator` between them. */
export function interleave(items: readonly Part[], separator: SharedText): Part[] {
  const parts: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(separator);
    parts.push(item);
  });
  return parts;
}

/** The text of a file made of `parts`. */
export function joinParts(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

/** Texts encoded to UTF-8 in one block of shared memory, and where each ends. */
export interface SharedBlock {
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
}

/** Where this thread encodes texts before copying them to shared memory; grows as needed. */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/**
 * Encodes texts to UTF-8 in one block of memory that every thread can see (a SharedArrayBuffer), so
 * that bytes made on one thread reach another (the assembly, the writer) without a copy. Encoded
 * once into a scratch buffer, then copied: a third faster than measuring each text's UTF-8 length
 * first, then encoding it in place.
 */
export function encodeShared(texts: readonly string[]): SharedBlock {
  const ends = new Uint32Array(texts.length);
  let used = 0;
  texts.forEach((text, i) => {
    const room = used + 3 * text.length; // at most 3 bytes per UTF-16 unit
    if (room > scratch.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(room, 2 * scratch.length));
      scratch.copy(larger, 0, 0, used);
      scratch = larger;
    }
    ends[i] = used += scratch.write(text, used, 'utf8');
  });
  const bytes = Buffer.from(new SharedArrayBuffer(used));
  scratch.copy(bytes, 0, 0, used);
  return { bytes, ends };
}

/** The bytes of each text of a block (views of it, not copies; also for a block received from another thread). */
export function textsOf(block: SharedBlock): Buffer[] {
  const bytes = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength);
  return Array.from(block.ends, (end, i) => bytes.subarray(i ? block.ends[i - 1] : 0, end));
}

/** Texts encoded in shared memory (see `encodeShared`), one view each. */
export function sharedBytes(texts: readonly string[]): Buffer[] {
  return textsOf(encodeShared(texts));
}

/** The bytes of a file made of `parts`, in one buffer (nothing hashed). */
export function bytesOfParts(parts: readonly Part[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p.bytes)));
}

/** What a writer needs of a file made of parts: its bytes and a digest that identifies them. */
export interface EncodedParts {
  /** The file's bytes, in order, part by part (in shared memory: see `sharedBytes`). */
  readonly segments: readonly Buffer[];
  /**
   * SHA-256 over the digests of the parts (each tagged with its kind): same parts, same digest, without
   * hashing shared bytes again. Not the SHA-256 of the bytes; the file-system manifest only compares
   * it with the digest it recorded before.
   */
  readonly digest: string;
}

/** Encodes `parts`, hashing each shared part once in the life of the `SharedText`; never copies a shared part. */
export function encodeParts(parts: readonly Part[]): EncodedParts {
  const texts = sharedBytes(parts.filter((p): p is string => typeof p === 'string'));
  const digest = createHash('sha256');
  let t = 0;
  const segments = parts.map((part) => {
    if (typeof part !== 'string') {
      digest.update('s').update(part.digest);
      return part.bytes;
    }
    const bytes = texts[t++];
    digest.update('t').update(hash('sha256', bytes, 'buffer'));
    return bytes;
  });
  return { segments, digest: digest.digest('hex') };
}
