/**
 * Carries the items a page thread rendered ahead (see `prerender`) to the thread that assembles the
 * site, encoded there: per format, the UTF-8 bytes of a chunk's items in one block of shared memory
 * (`encodeShared`), with where each ends and its SHA-256. They reach the assembly, and from it the
 * writer thread, without a copy, and are neither encoded nor hashed again.
 */
import { hash } from 'node:crypto';
import type { PreparedItems } from '../../lambda/core/build';
import type { ItemFormat, Prerendered } from '../../lambda/core/event-items';
import { encodeShared, SharedText, textsOf, type SharedBlock } from '../../lambda/core/parts';

/** One format's items of a chunk (`ends`: one per item with texts, in `keys` order, skipping nulls). */
interface PackedFormat extends SharedBlock {
  readonly format: ItemFormat;
  /** 32 bytes per item. */
  readonly digests: Uint8Array;
}

/** A chunk's prerendered items, in a form that crosses threads without copies. */
export interface PackedItems {
  /** Per page of the chunk, the key its items were rendered for, or null when it has none. */
  readonly keys: ReadonlyArray<string | null>;
  readonly formats: readonly PackedFormat[];
}

/** Encodes and hashes a chunk's items. */
export function packItems(list: ReadonlyArray<Prerendered | null>): PackedItems {
  const present = list.filter((p): p is Prerendered => p !== null);
  const formats = present.length ? [...present[0].texts.keys()] : [];
  return { keys: list.map((p) => p?.key ?? null), formats: formats.map((format) => packFormat(format, present.map((p) => p.texts.get(format) ?? ''))) };
}

function packFormat(format: ItemFormat, texts: readonly string[]): PackedFormat {
  const { bytes, ends } = encodeShared(texts);
  const digests = Buffer.allocUnsafeSlow(32 * texts.length);
  ends.forEach((end, i) => hash('sha256', bytes.subarray(i ? ends[i - 1] : 0, end), 'buffer').copy(digests, 32 * i)); // one-shot: 30 % cheaper than createHash on items this size
  return { format, bytes, ends, digests };
}

/** The prepared items of a chunk's pages, by file path (`files` in the chunk's order). */
export function unpackItems(packed: PackedItems, files: readonly string[], into: Map<string, PreparedItems>): void {
  const formats = packed.formats.map((f) => ({
    format: f.format,
    items: textsOf(f),
    digests: Buffer.from(f.digests.buffer, f.digests.byteOffset, f.digests.byteLength),
  }));
  let n = 0;
  packed.keys.forEach((key, i) => {
    if (key === null) return;
    const parts = new Map<ItemFormat, SharedText>();
    for (const f of formats) parts.set(f.format, SharedText.fromBytes(f.items[n], f.digests.subarray(32 * n, 32 * n + 32)));
    into.set(files[i], { key, parts });
    n++;
  });
}
