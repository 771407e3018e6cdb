/**
 * The content folder in the content bucket: uploaded whole at start, as the stack's deployment does
 * (every file, minus its `exclude` patterns), then kept in step with the folder: a file saved is put
 * again, a file removed is deleted. Organisers pushing to the bucket (`aws s3 cp`) do the same.
 */
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { existsSync, readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { mapConcurrently } from '../../../lambda/adapters/concurrency';

/** Every file under `root`, relative and `/`-separated, minus those an exclude pattern matches. */
export function filesToUpload(root: string, exclude: readonly string[], rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesToUpload(root, exclude, child));
    else if (entry.isFile() && !excluded(child, exclude)) out.push(child);
  }
  return out.sort();
}

/** `aws s3 sync --exclude` patterns: `*` matches any characters, `/` included. */
function excluded(key: string, patterns: readonly string[]): boolean {
  return patterns.some((p) =>
    new RegExp(`^${p.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(key),
  );
}

/** Keeps `bucket` in step with `root`; resolves once the first upload is done. */
export async function syncContent(
  root: string,
  s3: S3Client,
  bucket: string,
  exclude: readonly string[],
  log: (line: string) => void,
): Promise<{ uploaded: number; watcher: FSWatcher }> {
  const sync = async (rel: string) => {
    const file = path.join(root, rel);
    if (existsSync(file) && statSync(file).isFile())
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: rel, Body: readFileSync(file) }));
    else if (!existsSync(file)) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: rel }));
  };
  const files = filesToUpload(root, exclude);
  await mapConcurrently(files, 16, sync);
  const watcher = watch(root, { recursive: true }, (_event, name) => {
    if (!name) return;
    const rel = name.split(path.sep).join('/');
    if (excluded(rel, exclude)) return;
    sync(rel).catch((err: Error) => log(`calpub emulate: could not sync ${rel}: ${err.message}`));
  });
  return { uploaded: files.length, watcher };
}
