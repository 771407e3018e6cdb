/**
 * The decision both site writers (the file system and S3) make for each output: skip it without
 * rendering, skip writing it, or write it. The manifest records what was last written.
 */
import { createHash } from 'node:crypto';
import type { OutputFile } from '../core/model';

/**
 * What the manifest remembers of a written file: the hash of its bytes (MD5 on S3, where it is the
 * ETag; SHA-256 on a file system, where nothing else reads it and CPUs hash it 2.5× faster) and the
 * key of its inputs.
 */
export interface ManifestEntry {
  readonly h: string;
  readonly k?: string;
}

/** The manifest entry of an output, and its bytes when they must be written (null: leave it). */
export interface OutputPlan {
  readonly entry: ManifestEntry;
  readonly bytes: Buffer | null;
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
  if (key !== undefined && old?.k === key && old.h === actual) return { entry: old, bytes: null };
  const bytes = Buffer.from(output.body, 'utf8'); // encoded once, for the hash and the write
  const hash = createHash(algorithm).update(bytes).digest('hex');
  const entry = key === undefined ? { h: hash } : { h: hash, k: key };
  return { entry, bytes: actual === hash ? null : bytes };
}

