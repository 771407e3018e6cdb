/**
 * The decision both site writers (the file system and S3) make for each output: skip it without
 * rendering, skip writing it, or write it. The manifest records what was last written.
 */
import { createHash } from 'node:crypto';
import type { OutputFile } from '../core/model';
import { bytesOfParts, encodeParts } from '../core/parts';

/**
 * What the manifest remembers of a written file: the hash of its bytes and the key of its inputs. On
 * S3 the hash is the MD5 of the bytes (the ETag, which the rebuild compares with the bucket's). On a
 * file system nothing else reads it: it is SHA-256 (2.5× faster than MD5 here), over the bytes, or
 * over the digests of the parts for a file assembled from shared parts (`encodeParts`), so shared
 * parts are hashed once per build rather than once per file.
 */
export interface ManifestEntry {
  readonly h: string;
  readonly k?: string;
}

/** The manifest entry of an output, and its bytes (in order) when they must be written (null: leave it). */
export interface OutputPlan {
  readonly entry: ManifestEntry;
  readonly segments: readonly Buffer[] | null;
}

/** The bytes of a plan's segments in one buffer (copied only when there are several). */
export function joinSegments(segments: readonly Buffer[]): Buffer {
  return segments.length === 1 ? segments[0] : Buffer.concat(segments);
}

/**
 * Plans one output.
 * @param old - what the manifest says was last written at this path
 * @param actual - hash of what is really there now, undefined when nothing is
 * @param algorithm - the hash the manifest uses
 */
export function planOutput(output: OutputFile, old: ManifestEntry | undefined, keyPrefix: string, actual: string | undefined, algorithm: 'md5' | 'sha256' = 'md5'): OutputPlan {
  const key = output.key === undefined ? undefined : `${keyPrefix}${output.key}`;
  // Same inputs, and the destination holds what we wrote: not even rendered.
  if (key !== undefined && old?.k === key && old.h === actual) return { entry: old, segments: null };
  const { segments, hash } = encode(output, algorithm);
  const entry = key === undefined ? { h: hash } : { h: hash, k: key };
  return { entry, segments: actual === hash ? null : segments };
}

/** The bytes of an output (encoded once, for the hash and the write) and their hash. */
function encode(output: OutputFile, algorithm: 'md5' | 'sha256'): { segments: readonly Buffer[]; hash: string } {
  const parts = output.parts;
  if (parts && algorithm === 'sha256') {
    const { segments, digest } = encodeParts(parts);
    return { segments, hash: digest };
  }
  const bytes = parts ? bytesOfParts(parts) : Buffer.from(output.body, 'utf8');
  return { segments: [bytes], hash: createHash(algorithm).update(bytes).digest('hex') };
}
