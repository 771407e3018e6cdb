/**
 * `calpub serve` (what `npm start` runs): build, serve the site on 127.0.0.1 with the production
 * content types, and rebuild when a content file changes.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import { STATE_DIR } from '../../lambda/adapters/fs';
import { runBuild, type BuildOptions } from './build-command';
import type { ContentSource } from './content-source';
import { isEmbedPath, OUTPUTS, outputAt } from '../../lambda/core/outputs';
// The policy CloudFront sends, sent locally too, so a page needing anything but its own files fails here first.
import { CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY } from '../../lib/site-headers';

/** Content type of a site file (path relative to the site root): the outputs table's, as the S3 writer and CloudFront send it. */
export function contentTypeFor(file: string): string {
  const name = outputAt(file.split(path.sep).join('/'));
  return name ? OUTPUTS[name].contentType : 'application/octet-stream';
}

/** Starts a static server for `root` on 127.0.0.1; resolves once it listens. */
export function startStaticServer(root: string, port: number): Promise<Server> {
  const server = createServer(async (req, res) => {
    const file = await resolveRequest(root, req.url ?? '/');
    if (!file) {
      // Like CloudFront: the site's own 404 page when there is one.
      const notFound = path.join(root, '404.html');
      const page = await fs.readFile(notFound).catch(() => null);
      res
        .writeHead(404, {
          'content-type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        })
        .end(page ?? 'Not found\n');
      return;
    }
    const rel = path.relative(path.resolve(root), file).split(path.sep).join('/');
    res.writeHead(200, {
      'content-type': contentTypeFor(rel),
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
      // The widget's pages may be framed by any site, as CloudFront serves them.
      'content-security-policy': isEmbedPath(rel) ? EMBED_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Maps a URL path to a file under root: `/x/` → `x/index.html`; dot folders and `..` are never served. */
async function resolveRequest(root: string, url: string): Promise<string | null> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.') || s.includes('\0'))) return null;
  const candidate = path.join(path.resolve(root), ...segments);
  for (const file of [candidate, path.join(candidate, 'index.html')]) {
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isFile()) return file;
  }
  return null;
}

/** Builds, serves and watches until the process is stopped. */
export async function runServe(
  options: Omit<BuildOptions, 'siteUrl' | 'source'> & { port: number; loadSource: () => ContentSource },
): Promise<void> {
  const siteUrl = `http://127.0.0.1:${options.port}/`;
  // The port first: when it is taken, nothing is built or written.
  await startStaticServer(options.out, options.port).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE')
      throw new Error(`port ${options.port} is in use (another calpub serve?): stop it, or pass --port <n>`);
    throw err;
  });
  const source = options.loadSource();
  // Each build reads the source again: a calpub.yaml or Hugo config edit is applied.
  const build = async () => runBuild({ ...options, source: options.loadSource(), now: Date.now(), siteUrl });
  const watcher = await watchContent(source.watched, path.resolve(options.out));
  let running: Promise<unknown> = build();
  onChanges(watcher, () => {
    running = running.then(build).catch((err: Error) => options.log(`calpub: rebuild failed: ${err.message}`));
  });
  await running;
  options.log(`calpub: serving ${path.resolve(options.out)} at ${siteUrl}`);
  options.log(`  calendar:  ${siteUrl}calendar.ics`);
  options.log(`  subscribe: webcal://127.0.0.1:${options.port}/calendar.ics`);
  options.log(`  watching ${source.label.replace(/^--\w+ /, '')} for changes (Ctrl-C to stop)`);
  process.once('SIGINT', () => {
    options.log('\ncalpub: stopped');
    process.exit(0);
  });
}

/**
 * Watches the source with chokidar, which sees every save, including editors and tools that write a
 * new file and rename it over the old one (vim, `sed -i`, `git checkout`), where `fs.watch` loses
 * the file it watched. Resolves once the initial scan is done; the output and state folders are
 * never watched.
 */
async function watchContent(paths: readonly string[], outDir: string): Promise<FSWatcher> {
  const watcher = chokidarWatch([...paths], {
    ignoreInitial: true,
    ignored: (file: string) =>
      file === outDir || file.startsWith(`${outDir}${path.sep}`) || file.split(path.sep).includes(STATE_DIR),
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}

/** Calls `rebuild` once per burst of changes (editors write several times per save). */
function onChanges(watcher: FSWatcher, rebuild: () => void): void {
  let timer: NodeJS.Timeout | null = null;
  watcher.on('all', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  });
}
