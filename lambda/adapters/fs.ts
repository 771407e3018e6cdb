/**
 * File-system adapter: reads a content folder, and writes a site folder the way a publisher must —
 * only files whose bytes changed, atomically (write then rename), never outside the output folder,
 * removing only files an earlier build wrote and this one no longer produces.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync, writevSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../core/read/config';
import { isCandidatePage } from '../core/read/identity';
import type { OutputFile, SourceFile } from '../core/model';
import { planOutput, type ManifestEntry } from './output-manifest';

/** Private folder inside the output root that holds build state; never served. */
export const STATE_DIR = '.calpub';

/** Paths (relative, `/`-separated, sorted) of every candidate page under `root`. */
export function listPages(root: string): string[] {
  const paths: string[] = [];
  walk(root, '', paths);
  return paths.sort();
}

/** `calpub.yaml` at the content root, or null. */
export function readConfigText(root: string): string | null {
  const configPath = path.join(root, CONFIG_FILE);
  return existsSync(configPath) ? readFileSync(configPath, 'utf8') : null;
}

/** A cheap change marker for a file: size and modification time (what `make` trusts). */
export function fileVersion(root: string, rel: string): string {
  const stat = statSync(path.join(root, rel));
  return `${stat.size}:${stat.mtimeMs}`;
}

/** Reads one page. */
export function readPage(root: string, rel: string): SourceFile {
  return { path: rel, text: readFileSync(path.join(root, rel), 'utf8') };
}

/** Everything read from a content folder. */
export interface ContentSnapshot {
  readonly files: SourceFile[];
  readonly configText: string | null;
}

/**
 * Reads every candidate page under `root` and `calpub.yaml`. Throws only when `root` is unreadable.
 * Synchronous on purpose: for thousands of small files it is several times faster than promises,
 * which queue every read on libuv's four-thread pool.
 */
export async function readContentDir(root: string): Promise<ContentSnapshot> {
  return { files: listPages(root).map((rel) => readPage(root, rel)), configText: readConfigText(root) };
}

function walk(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.') || (entry.name.startsWith('_') && entry.isDirectory())) continue;
    if (entry.isDirectory()) walk(root, child, out);
    else if (entry.isFile() && isCandidatePage(child)) out.push(child);
  }
}

/**
 * Resolves `relative` inside `root`, refusing anything that would land outside it (absolute paths,
 * `..`, backslashes, NUL). Content decides output paths, so this check is not optional.
 */
export function safeJoin(root: string, relative: string): string {
  if (!relative || relative.includes('\0') || relative.includes('\\') || path.isAbsolute(relative) || relative.split('/').some((s) => s === '..' || s === '')) {
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
 * Where `writeSite` sends the files to write: written at once on this thread (`syncFileSink`), or
 * handed to a writer thread (bin/cli/writer-thread.ts) so that rendering and the file system's
 * work overlap.
 */
export interface FileSink {
  /** How it went, for timings. */
  describe(): string;
  /** Writes `segments` (in order) at `target` (an absolute path already checked by `safeJoin`); may wait for room. */
  write(target: string, segments: readonly Buffer[]): void | Promise<void>;
  /** Resolves once every file is written; rejects with the first failure. */
  close(): Promise<void>;
}

/** A sink that writes each file before returning. */
export function syncFileSink(): FileSink {
  const folders = new Set<string>();
  return {
    describe: () => 'written on this thread',
    write: (target, segments) => writeFileAtomicSync(target, segments, folders),
    close: async () => undefined,
  };
}

/**
 * Writes `outputs` under `outDir`. A manifest of what was last written (in the state folder) lets
 * files whose inputs did not change (same key, given `keyPrefix` for the code version) be skipped
 * without rendering them, files whose bytes did not change be skipped without writing, and stale ones
 * be deleted. Outputs are consumed
 * one at a time, so a large site never has to be in memory at once. Every path is checked to land
 * inside `outDir`.
 */
export async function writeSite(outDir: string, outputs: Iterable<OutputFile>, keyPrefix = '', sink: FileSink = syncFileSink()): Promise<WriteSummary> {
  const manifestPath = path.join(outDir, STATE_DIR, 'manifest.json');
  const before = await readJson<Record<string, ManifestEntry>>(manifestPath, {});
  const after: Record<string, ManifestEntry> = {};
  const written: string[] = [];
  let unchanged = 0;
  for (const output of outputs) {
    const target = safeJoin(outDir, output.path);
    const old = before[output.path];
    // A file removed by hand is not there, whatever the manifest says. (Nothing to check for a file
    // the manifest does not know: it is written anyway.)
    const { entry, segments } = planOutput(output, old, keyPrefix, old && existsSync(target) ? old.h : undefined, 'sha256');
    after[output.path] = entry;
    if (!segments) {
      unchanged++;
      continue;
    }
    await sink.write(target, segments);
    written.push(output.path);
  }
  await sink.close(); // every file is on disk before the manifest says so
  const deleted: string[] = [];
  for (const old of Object.keys(before)) {
    if (old in after) continue;
    rmSync(safeJoin(outDir, old), { force: true });
    deleted.push(old);
  }
  const sorted = Object.fromEntries(Object.keys(after).sort().map((p) => [p, after[p]]));
  await writeAtomic(manifestPath, `${JSON.stringify(sorted)}\n`);
  return { written, deleted, unchanged };
}

/**
 * Write to a temporary name, then rename: readers see the old file or the new one, never half.
 * `knownFolders` remembers folders already made. `body` may come in segments (written in order).
 */
export function writeFileAtomicSync(target: string, body: string | Uint8Array | readonly Uint8Array[], knownFolders: Set<string>): void {
  const folder = path.dirname(target);
  if (!knownFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    knownFolders.add(folder);
  }
  if (!existsSync(target)) {
    writeWhole(target, body, 'wx'); // a new file: nobody can be reading an old one
    return;
  }
  const tmp = `${target}.${process.pid}.tmp`;
  writeWhole(tmp, body, 'w');
  renameSync(tmp, target);
}

function writeWhole(file: string, body: string | Uint8Array | readonly Uint8Array[], flag: 'w' | 'wx'): void {
  if (typeof body === 'string' || body instanceof Uint8Array) return writeFileSync(file, body, { flag });
  const fd = openSync(file, flag);
  try {
    const expected = body.reduce((n, b) => n + b.byteLength, 0);
    const written = writevSync(fd, body as Uint8Array[]); // libuv writes every segment (in IOV_MAX batches)
    if (written !== expected) throw new Error(`short write to ${file}: ${written} of ${expected} bytes`);
  } finally {
    closeSync(fd);
  }
}

/** Writes a private file in the state folder (state, report); never served by `calpub serve`. */
export async function writePrivate(outDir: string, name: string, body: string): Promise<void> {
  await writeAtomic(path.join(outDir, STATE_DIR, name), body);
}

/**
 * Writes a large private file piece by piece (atomically), so that a 50 MB cache never has to exist
 * as one string in memory.
 */
export function writePrivateChunks(outDir: string, name: string, chunks: Iterable<string | Uint8Array>): void {
  const target = path.join(outDir, STATE_DIR, name);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') writeSync(fd, chunk); // two calls for TypeScript's two overloads
      else writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
}

/**
 * Reads a private file from the state folder into memory every thread can see (a SharedArrayBuffer),
 * or null: the page threads read the page cache's lines from it without a copy.
 */
export function readPrivateShared(outDir: string, name: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path.join(outDir, STATE_DIR, name), 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let read = 0;
    for (let n = -1; read < size && n !== 0; read += n) n = readSync(fd, bytes, read, size - read, read);
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Reads a private file from the state folder, or null. */
export async function readPrivate(outDir: string, name: string): Promise<string | null> {
  try {
    return await fs.readFile(path.join(outDir, STATE_DIR, name), 'utf8');
  } catch {
    return null;
  }
}

/** Write to a temporary name, then rename: readers see the old file or the new one, never half. */
export async function writeAtomic(target: string, body: string): Promise<void> {
  writeFileAtomicSync(target, body, new Set());
}

async function readJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}
