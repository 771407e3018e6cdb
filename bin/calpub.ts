#!/usr/bin/env node
/**
 * calpub command line: `build`, `check`, `serve`, `init`, `emulate`, and `help`. Thin: parses
 * arguments, calls bin/cli/*, sets the exit code. See docs/cli.md.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runBuild, runCheck } from './cli/build-command';
import { contentFolder, hugoSite, SourceError, type ContentSource } from './cli/content-source';
import { commandHelp, isCommand, overview, type Command } from './cli/help';
import { runInit } from './cli/init';
import { runServe } from './cli/serve';

/** The version, set by the bundler from package.json (`0.0.0-source` when run from the sources). */
declare const CALPUB_VERSION: string | undefined;
const VERSION = typeof CALPUB_VERSION === 'string' ? CALPUB_VERSION : '0.0.0-source';

/** A usage mistake: printed with the command's help, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly command: Command | null = null,
  ) {
    super(message);
  }
}

const OPTIONS = {
  content: { type: 'string' },
  site: { type: 'string' },
  out: { type: 'string' },
  now: { type: 'string' },
  report: { type: 'string' },
  strict: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  port: { type: 'string' },
  'cdk-out': { type: 'string' },
  'time-scale': { type: 'string' },
  baseURL: { type: 'string', short: 'b' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: true }>>['values'];

async function main(argv: string[]): Promise<number> {
  // Prints a text and ends with exit code 0 (help, version).
  const done = (text: string) => {
    process.stdout.write(text);
    return 0;
  };
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return done(overview());
  if (first === '--version' || first === '-v' || first === 'version') return done(`calpub ${VERSION}\n`);
  if (first === 'help') {
    if (rest[0] === undefined) return done(overview());
    if (!isCommand(rest[0])) throw new UsageError(`unknown command \`${rest[0]}\``);
    return done(commandHelp(rest[0]));
  }
  if (!isCommand(first)) throw new UsageError(`unknown command \`${first}\``);
  const command = first;
  let values: Values;
  try {
    ({ values } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError((err as Error).message, command);
  }
  if (values.help) return done(commandHelp(command));
  return run(command, values);
}

async function run(command: Command, values: Values): Promise<number> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const now = parseNow(values.now, command);
  switch (command) {
    case 'build': {
      const source = sourceOf(values, command);
      const outDir = outputFolder(values.out ?? 'public', source, command);
      const outcome = await runBuild({
        source,
        out: outDir,
        now,
        report: values.report ?? null,
        strict: values.strict ?? false,
        force: values.force ?? false,
        log,
        progress,
      });
      return outcome.exitCode;
    }
    case 'check':
      return runCheck(sourceOf(values, command), now, log);
    case 'serve': {
      const outDir = outputFolder(values.out ?? 'public', sourceOf(values, command), command);
      const loadSource = () => sourceOf(values, command);
      await runServe({
        loadSource,
        out: outDir,
        now,
        report: null,
        strict: false,
        force: values.force ?? false,
        port: portOf(values.port, command),
        log,
        progress,
      });
      return -1; // keep running
    }
    case 'init':
      return runInit({
        site: values.site ?? null,
        content: values.site ? null : (values.content ?? 'content'),
        force: values.force ?? false,
        log,
      });
    case 'emulate': {
      const port = portOf(values.port, command);
      const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
      if (timeScale !== undefined && !(timeScale > 0 && timeScale <= 1))
        throw new UsageError(`--time-scale ${values['time-scale']} must be a number above 0, at most 1`, command);
      // Loaded only here: the emulator brings the AWS SDK and s3rver, which `build` never needs.
      const { runEmulate } = await import('./cli/emulate/index.js');
      const emulation = await runEmulate({
        content: values.content ?? 'content',
        port,
        log,
        cdkOut: values['cdk-out'],
        timeScale,
      });
      // Ctrl-C or a service manager's stop: the local buckets' folder is deleted on the way out.
      const stop = () => {
        const dead = emulation.queue.deadLetters.length;
        log(`\ncalpub emulate: stopping${dead ? `; ${dead} message(s) in the dead-letter queue` : ''}`);
        emulation.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1; // keep running
    }
  }
}

/** `--site <dir>` (with its base URL: `-b`, else `HUGO_BASEURL`) or `--content <dir>` (default `content`), never both. */
function sourceOf(values: Values, command: Command): ContentSource {
  if (values.site !== undefined && values.content !== undefined)
    throw new UsageError('give --content <dir> or --site <dir>, not both', command);
  if (values.baseURL !== undefined && values.site === undefined)
    throw new UsageError(
      '-b/--baseURL is the base URL of a Hugo site: give it with --site <dir> (for --content, set siteUrl in calpub.yaml)',
      command,
    );
  if (values.baseURL !== undefined && !/^(https?:\/\/[^/\s]+)?\/?\S*$/i.test(values.baseURL))
    throw new UsageError(`-b ${values.baseURL} is not a URL such as https://events.example.org/`, command);
  return values.site !== undefined
    ? hugoSite(values.site, values.baseURL ?? process.env.HUGO_BASEURL)
    : contentFolder(values.content ?? 'content');
}

/** The output folder, refused when it is (or is inside) a folder the build reads. */
function outputFolder(out: string, source: ContentSource, command: Command): string {
  const target = path.resolve(out);
  const within = (dir: string) => {
    const rel = path.relative(dir, target);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  const read = source.roots.find((r) => within(r.dir));
  if (read || target === source.siteRoot) {
    const folder = path.relative(process.cwd(), read?.dir ?? target) || '.';
    throw new UsageError(
      `--out ${out} is ${read && target !== read.dir ? `inside ${folder}, ` : ''}a folder calpub reads pages from: its files would be read back as content; choose a folder outside it (e.g. public)`,
      command,
    );
  }
  return out;
}

function portOf(value: string | undefined, command: Command): number {
  const port = Number(value ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${value ?? process.env.PORT} is not a port number`, command);
  return port;
}

function parseNow(value: string | undefined, command: Command): number {
  if (value === undefined) return Date.now();
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
    throw new UsageError(
      `--now ${JSON.stringify(value)} must be an ISO-8601 date-time with an offset, e.g. 2026-01-01T00:00:00Z`,
      command,
    );
  }
  return ms;
}

// `calpub check | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: Error) => {
    if (err instanceof UsageError) {
      process.stderr.write(`calpub: ${err.message}\n\n${err.command ? commandHelp(err.command) : overview()}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`calpub: ${err.message}\n`);
    if (!(err instanceof SourceError) && (err as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write('calpub: check that the --content folder exists and is readable\n');
    }
    process.exitCode = 1;
  },
);
