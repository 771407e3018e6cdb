/**
 * File-system adapter: reads a content folder, and writes a site folder the way a publisher must —
 * only files whose bytes changed, atomically (write then rename), never outside the output folder,
 * removing only files an earlier build wrote and this one no longer produces.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../core/config';
import { isCandidatePage } from '../core/identity';
import type { OutputFile, SourceFile } from '../core/model';

/** Private folder inside the output root that holds build state; never served. */
export const STATE_DIR = '.calpub';

/** Everything read from a content folder. */
export interface ContentSnapshot {
  readonly files: SourceFile[];
  readonly configText: string | null;
}

/** Reads every candidate page under `root` and `calpub.yaml`. Throws only when `root` is unreadable. */
export async function readContentDir(root: string): Promise<ContentSnapshot> {
  const paths: string[] = [];
  await walk(root, '', paths);
  const files = await Promise.all(
    paths.map(async (rel) => ({ path: rel, text: await fs.readFile(path.join(root, rel), 'utf8') })),
  );
  const configPath = path.join(root, CONFIG_FILE);
  const configText = existsSync(configPath) ? await fs.readFile(configPath, 'utf8') : null;
  return { files, configText };
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || (entry.name.startsWith('_') && entry.isDirectory())) return;
      if (entry.isDirectory()) return walk(root, child, out);
      if (entry.isFile() && isCandidatePage(child)) out.push(child);
    }),
  );
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
 * Writes `outputs` under `outDir`. A manifest of the bytes last written (in the state folder) lets
 * unchanged files be skipped without reading them, and stale ones be deleted.
 */
export async function writeSite(outDir: string, outputs: readonly OutputFile[]): Promise<WriteSummary> {
  const manifestPath = path.join(outDir, STATE_DIR, 'manifest.json');
  const before = await readJson<Record<string, string>>(manifestPath, {});
  const after: Record<string, string> = {};
  const written: string[] = [];
  let unchanged = 0;
  const targets = outputs.map((o) => ({ output: o, target: safeJoin(outDir, o.path) }));
  for (const { output, target } of targets) {
    const hash = createHash('sha1').update(output.body).digest('hex');
    after[output.path] = hash;
    if (before[output.path] === hash && existsSync(target)) {
      unchanged++;
      continue;
    }
    await writeAtomic(target, output.body);
    written.push(output.path);
  }
  const deleted: string[] = [];
  for (const old of Object.keys(before)) {
    if (old in after) continue;
    await fs.rm(safeJoin(outDir, old), { force: true });
    deleted.push(old);
  }
  await writeAtomic(manifestPath, `${JSON.stringify(after, Object.keys(after).sort())}\n`);
  return { written, deleted, unchanged };
}

/** Writes a private file in the state folder (state, report); never served by `calpub serve`. */
export async function writePrivate(outDir: string, name: string, body: string): Promise<void> {
  await writeAtomic(path.join(outDir, STATE_DIR, name), body);
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
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(tmp, body);
  await fs.rename(tmp, target);
}

async function readJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}
