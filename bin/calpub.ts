#!/usr/bin/env node
/**
 * calpub command line: `build`, `check`, `serve`. Thin: parses arguments, calls bin/cli/*, sets the
 * exit code. See README § CLI.
 */
import { parseArgs } from 'node:util';
import { runBuild, runCheck } from './cli/build-command';
import { runServe } from './cli/serve';

const USAGE = `usage:
  calpub build --content <dir> --out <dir> [--now <ISO-8601>] [--report <file.json>] [--strict]
  calpub check --content <dir> [--now <ISO-8601>]
  calpub serve [--content <dir>] [--out <dir>] [--port <n>]     (PORT also sets the port)
  calpub emulate [--content <dir>] [--port <n>] [--cdk-out <dir>] [--time-scale <x>]
                                                                (the synthesized AWS stack on this machine)`;

/** A usage mistake: printed with the usage text, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      now: { type: 'string' },
      report: { type: 'string' },
      strict: { type: 'boolean', default: false },
      port: { type: 'string' },
      'cdk-out': { type: 'string' },
      'time-scale': { type: 'string' },
    },
    strict: true,
  });
  const now = parseNow(values.now);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  switch (command) {
    case 'build': {
      if (!values.content || !values.out) throw new UsageError('build needs --content <dir> and --out <dir>');
      const outcome = await runBuild({ content: values.content, out: values.out, now, report: values.report ?? null, strict: values.strict ?? false, log, progress });
      return outcome.exitCode;
    }
    case 'check':
      if (!values.content) throw new UsageError('check needs --content <dir>');
      return runCheck(values.content, now, log);
    case 'serve': {
      const port = Number(values.port ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port ?? process.env.PORT} is not a port number`);
      await runServe({ content: values.content ?? 'content', out: values.out ?? 'public', now, report: null, strict: false, port, log, progress });
      return -1; // keep running
    }
    case 'emulate': {
      const port = Number(values.port ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port ?? process.env.PORT} is not a port number`);
      const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
      if (timeScale !== undefined && !(timeScale > 0 && timeScale <= 1)) throw new UsageError(`--time-scale ${values['time-scale']} must be a number above 0, at most 1`);
      // Loaded only here: the emulator brings the AWS SDK and s3rver, which `build` never needs.
      const { runEmulate } = await import('./cli/emulate/index.js');
      const emulation = await runEmulate({ content: values.content ?? 'content', port, log, cdkOut: values['cdk-out'], timeScale });
      process.once('SIGINT', () => {
        const dead = emulation.queue.deadLetters.length;
        log(`\ncalpub emulate: stopping${dead ? `; ${dead} message(s) in the dead-letter queue` : ''}`);
        emulation.stop().then(() => process.exit(0), () => process.exit(1));
      });
      return -1; // keep running
    }
    default:
      throw new UsageError(command ? `unknown command \`${command}\`` : 'no command given');
  }
}

function parseNow(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
    throw new UsageError(`--now ${JSON.stringify(value)} must be an ISO-8601 date-time with an offset, e.g. 2026-01-01T00:00:00Z`);
  }
  return ms;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: Error) => {
    const usage = err instanceof UsageError || err.name === 'TypeError' && /option|argument/i.test(err.message);
    process.stderr.write(`calpub: ${err.message}\n${usage ? `${USAGE}\n` : ''}`);
    if (!usage && (err as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write('calpub: check that the --content folder exists and is readable\n');
    }
    process.exitCode = usage ? 2 : 1;
  },
);
