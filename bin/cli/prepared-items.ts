/**
 * Carries the items a page thread rendered ahead (see `prerender`) to the thread that assembles the
 * site, encoded there: per format, the UTF-8 bytes of a chunk's items in one buffer, with where each
 * ends and its SHA-256. The buffers are transferred, not copied, and the assembly hashes nothing again.
 */
import { createHash } from 'node:crypto';
import type { PreparedItems } from '../../lambda/core/build';
import type { ItemFormat, Prerendered } from '../../lambda/core/event-items';
import { SharedText } from '../../lambda/core/parts';

/** One format's items of a chunk. */
interface PackedFormat {
  readonly format: ItemFormat;
  readonly bytes: Uint8Array;
  /** End offset of each item with texts (in `keys` order, skipping nulls). */
  readonly ends: Uint32Array;
  /** 32 bytes per item. */
  readonly digests: Uint8Array;
}

/** A chunk's prerendered items, in a form that crosses threads without copies. */
export interface PackedItems {
  /** Per page of the chunk, the key its items were rendered for, or null when it has none. */
  readonly keys: ReadonlyArray<string | null>;
  readonly formats: readonly PackedFormat[];
}

/** Encodes and hashes a chunk's items; `transfer` lists the buffers to hand over with the message. */
export function packItems(list: ReadonlyArray<Prerendered | null>): { packed: PackedItems; transfer: ArrayBuffer[] } {
  const present = list.filter((p): p is Prerendered => p !== null);
  const formats = present.length ? [...present[0].texts.keys()] : [];
  const packedFormats = formats.map((format) => packFormat(format, present.map((p) => p.texts.get(format) ?? '')));
  const transfer = packedFormats.flatMap((f) => [f.bytes.buffer, f.ends.buffer, f.digests.buffer] as ArrayBuffer[]);
  return { packed: { keys: list.map((p) => p?.key ?? null), formats: packedFormats }, transfer };
}

function packFormat(format: ItemFormat, texts: readonly string[]): PackedFormat {
  const ends = new Uint32Array(texts.length);
  let total = 0;
  texts.forEach((text, i) => (ends[i] = total += Buffer.byteLength(text, 'utf8')));
  // Its own memory (not the shared pool), so the buffer can be transferred.
  const bytes = Buffer.allocUnsafeSlow(total);
  const digests = Buffer.allocUnsafeSlow(32 * texts.length);
  texts.forEach((text, i) => {
    const start = i ? ends[i - 1] : 0;
    bytes.write(text, start, 'utf8');
    createHash('sha256').update(bytes.subarray(start, ends[i])).digest().copy(digests, 32 * i);
  });
  return { format, bytes, ends, digests };
}

/** The prepared items of a chunk's pages, by file path (`files` in the chunk's order). */
export function unpackItems(packed: PackedItems, files: readonly string[], into: Map<string, PreparedItems>): void {
  const formats = packed.formats.map((f) => ({
    format: f.format,
    bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
    digests: Buffer.from(f.digests.buffer, f.digests.byteOffset, f.digests.byteLength),
    ends: f.ends,
  }));
  let n = 0;
  packed.keys.forEach((key, i) => {
    if (key === null) return;
    const parts = new Map<ItemFormat, SharedText>();
    for (const f of formats) {
      const start = n ? f.ends[n - 1] : 0;
      parts.set(f.format, SharedText.fromBytes(f.bytes.subarray(start, f.ends[n]), f.digests.subarray(32 * n, 32 * n + 32)));
    }
    into.set(files[i], { key, parts });
    n++;
  });
}
