/**
 * File-system adapter: reads a content folder, and writes a site folder the way a publisher must —
 * only files whose bytes changed, atomically (write then rename), never outside the output folder,
 * removing only files an earlier build wrote and this one no longer produces.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writevSync,
} from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../core/read/config';
import { isCandidatePage } from '../core/read/identity';
import type { OutputFile } from '../core/model';

/** Private folder inside the output root that holds build state; never served. */
export const STATE_DIR = '.calpub';

/** Paths (relative, `/`-separated, sorted) of every candidate page under `root`. */
export function listPages(root: string): string[] {
  const paths: string[] = [];
  walk(root, '', paths);
  return paths.sort();
}

function walk(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.') || (entry.name.startsWith('_') && entry.isDirectory())) continue;
    if (entry.isDirectory()) walk(root, child, out);
    else if (entry.isFile() && isCandidatePage(child)) out.push(child);
  }
}

/** `calpub.yaml` at the content root, or null. */
export function readConfigText(root: string): string | null {
  const configPath = path.join(root, CONFIG_FILE);
  return existsSync(configPath) ? readFileSync(configPath, 'utf8') : null;
}

/**
 * Resolves `relative` inside `root`, refusing anything that would land outside it (absolute paths,
 * `..`, backslashes, NUL). Content decides output paths, so this check is not optional.
 */
export function safeJoin(root: string, relative: string): string {
  if (
    !relative ||
    relative.includes('\0') ||
    relative.includes('\\') ||
    path.isAbsolute(relative) ||
    relative.split('/').some((s) => s === '..' || s === '')
  ) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: not a plain path inside the output folder`);
  }
  const resolvedRoot = path.resolve(root);
  const target = path.resolve(resolvedRoot, relative);
  if (!target.startsWith(resolvedRoot + path.sep)) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: it resolves outside ${resolvedRoot}`);
  }
  return target;
}

/** What a site write did. */
export interface WriteSummary {
  readonly written: string[];
  readonly deleted: string[];
  readonly unchanged: number;
}

/**
 * Writes `outputs` under `outDir`, one at a time (a large site is never in memory at once). A
 * manifest of what was last written (SHA-256 of each file, in the state folder) lets files whose
 * bytes did not change be left alone, and files no longer produced be deleted. Every path is checked
 * to land inside `outDir`. Paths in `rewrite` are written whatever the manifest says (another tool
 * changed them: `--force`).
 */
export function writeSite(
  outDir: string,
  outputs: Iterable<OutputFile>,
  rewrite: ReadonlySet<string> = new Set(),
): WriteSummary {
  const manifestPath = path.join(outDir, STATE_DIR, 'manifest.json');
  const before = readJson<Record<string, string>>(manifestPath) ?? {};
  const after: Record<string, string> = {};
  const written: string[] = [];
  const folders = new Set<string>();
  const encode = chunkEncoder('sha256');
  for (const output of outputs) {
    const target = safeJoin(outDir, output.path);
    const { bytes, hash } = encode(output.chunks);
    after[output.path] = hash;
    // A file removed by hand is not there, whatever the manifest says.
    if (before[output.path] === hash && existsSync(target) && !rewrite.has(output.path)) continue;
    writeFileAtomic(target, bytes, folders);
    written.push(output.path);
  }
  const deleted = Object.keys(before).filter((old) => !(old in after));
  for (const old of deleted) rmSync(safeJoin(outDir, old), { force: true });
  const sorted = Object.fromEntries(
    Object.keys(after)
      .sort()
      .map((p) => [p, after[p]]),
  );
  writeFileAtomic(manifestPath, [Buffer.from(`${JSON.stringify(sorted)}\n`)], folders); // after every file is on disk
  return { written, deleted, unchanged: Object.keys(after).length - written.length };
}

/**
 * The output paths holding a file calpub did not write: not in its manifest, or changed since its
 * last build (newer than the manifest, which is written after every file), with bytes that are
 * neither what calpub wrote there nor what it would write now. Another tool's files (Hugo's, when
 * calpub runs after it into `public/`) are never overwritten unless told to. Files are stat'ed;
 * only the suspects are read and compared.
 */
export function foreignFiles(outDir: string, paths: readonly string[], outputs: Iterable<OutputFile>): string[] {
  const manifestPath = path.join(outDir, STATE_DIR, 'manifest.json');
  const manifest = readJson<Record<string, string>>(manifestPath) ?? {};
  const since = statSync(manifestPath, { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
  const suspects = new Set(
    paths.filter((p) => {
      const stat = statSync(safeJoin(outDir, p), { throwIfNoEntry: false });
      return stat !== undefined && (!(p in manifest) || stat.mtimeMs > since);
    }),
  );
  if (suspects.size === 0) return [];
  const encode = chunkEncoder('sha256');
  const foreign: string[] = [];
  for (const output of outputs) {
    if (!suspects.has(output.path)) continue;
    const theirs = createHash('sha256')
      .update(readFileSync(safeJoin(outDir, output.path)))
      .digest('base64url');
    if (theirs !== manifest[output.path] && theirs !== encode(output.chunks).hash) foreign.push(output.path);
  }
  return foreign.sort();
}

/** Encodes files' chunks (see `chunkEncoder`): the bytes, in one or more segments, and their hash. */
export type ChunkEncoder = (chunks: Iterable<string>) => { bytes: Buffer[]; hash: string };

const BLOCK = 4 << 20;

/**
 * Encodes a file's chunks to UTF-8 one by one as they are made (the strings are garbage at once; the
 * bytes live outside the JavaScript heap), into blocks of 4 MB that are reused for the next file (no
 * allocation per chunk or per file, nothing copied as a file grows), and hashes them (hex for S3's
 * MD5 ETags). The bytes are views of those blocks: write them (or copy them) before the next call.
 */
export function chunkEncoder(algorithm: 'sha256' | 'md5'): ChunkEncoder {
  const blocks: Buffer[] = [];
  return (chunks) => {
    const hash = createHash(algorithm);
    const segments: Buffer[] = [];
    let block = 0;
    let used = 0;
    const close = () => {
      const segment = blocks[block].subarray(0, used);
      hash.update(segment);
      segments.push(segment);
    };
    blocks[0] ??= Buffer.allocUnsafeSlow(BLOCK);
    for (const chunk of chunks) {
      if (used + 3 * chunk.length > blocks[block].length) {
        close();
        block++;
        if (!blocks[block] || blocks[block].length < 3 * chunk.length)
          blocks[block] = Buffer.allocUnsafeSlow(Math.max(BLOCK, 3 * chunk.length));
        used = 0;
      }
      used += blocks[block].write(chunk, used, 'utf8');
    }
    close();
    return { bytes: segments, hash: hash.digest(algorithm === 'md5' ? 'hex' : 'base64url') };
  };
}

/**
 * Writes to a temporary name, then renames: readers see the old file or the new one, never half.
 * A new file is written in place (nobody can be reading an old one). `folders` remembers folders made.
 */
function writeFileAtomic(target: string, chunks: readonly Buffer[], folders: Set<string> = new Set()): void {
  const folder = path.dirname(target);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  const fresh = !existsSync(target);
  const file = fresh ? target : `${target}.${process.pid}.tmp`;
  const fd = openSync(file, fresh ? 'wx' : 'w');
  try {
    const expected = chunks.reduce((n, c) => n + c.length, 0);
    let done = expected;
    if (chunks.length === 1) writeFileSync(fd, chunks[0]);
    else done = writevSync(fd, chunks as Buffer[]);
    if (done !== expected) throw new Error(`short write to ${file}: ${done} of ${expected} bytes`);
  } finally {
    closeSync(fd);
  }
  if (!fresh) renameSync(file, target);
}

/** Writes a private file in the state folder (never served by `calpub serve`). */
export function writePrivate(outDir: string, name: string, chunks: string | readonly Buffer[]): void {
  writeFileAtomic(
    path.join(outDir, STATE_DIR, name),
    typeof chunks === 'string' ? [Buffer.from(chunks, 'utf8')] : chunks,
  );
}

/** Reads a private file from the state folder, or null. */
export function readPrivate(outDir: string, name: string): Buffer | null {
  try {
    return readFileSync(path.join(outDir, STATE_DIR, name));
  } catch {
    return null;
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}
