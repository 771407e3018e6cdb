/**
 * Runs a Lambda function's deployed asset as the Node.js runtime does: each container is a separate
 * Node process that loads the handler file once (its cold start: top-level code, environment checks)
 * and then serves invocations one at a time, warm. The environment is the function's own (not this
 * process's), TZ is UTC, and the AWS SDK is the one thing that resolves from outside the asset, as
 * the runtime provides it. A container that fails to start or exceeds the timeout is discarded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** What a container runs. */
export interface FunctionSpec {
  /** The asset folder (what Lambda unzips into /var/task). */
  readonly assetDir: string;
  /** `index.handler`. */
  readonly handler: string;
  readonly timeoutMs: number;
  readonly environment: Readonly<Record<string, string>>;
  /** Where `@aws-sdk/*` resolves from (the project), as the runtime's own SDK would. */
  readonly sdkRoot: string;
  /** Each line the function writes to stdout or stderr. */
  readonly log: (line: string) => void;
}

/** Why an invocation failed. */
export class InvocationError extends Error {
  override name = 'InvocationError';
}

// The runtime's bootstrap, run in each container with `node -e`: argv = [file, export, sdkRoot].
const BOOTSTRAP = `
const Module = require('node:module');
const [file, name, sdkRoot] = process.argv.slice(1);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try { return resolve.call(this, request, parent, ...rest); }
  catch (err) { if (/^@aws-sdk\\//.test(request)) return require.resolve(request, { paths: [sdkRoot] }); throw err; }
};
const handler = require(file)[name];
if (typeof handler !== 'function') throw new Error('Runtime.HandlerNotFound: ' + file + ' has no export ' + name);
process.on('message', async ({ id, event }) => {
  try { process.send({ id, ok: true, result: (await handler(event, { awsRequestId: id })) ?? null }); }
  catch (err) { process.send({ id, ok: false, error: { name: err && err.name, message: String(err && err.message || err) } }); }
});
process.send({ ready: true });
`;

/** One warm container. */
class Container {
  readonly #child: ChildProcess;
  readonly #ready: Promise<void>;
  #pending: { id: string; resolve: (v: unknown) => void; reject: (e: Error) => void } | null = null;
  #dead: Error | null = null;

  constructor(spec: FunctionSpec) {
    const [base, name] = splitHandler(spec.handler);
    const file = ['.js', '.cjs', '.mjs'].map((ext) => path.join(spec.assetDir, base + ext)).find((f) => existsSync(f));
    if (!file) throw new InvocationError(`Runtime.ImportModuleError: no ${base}.js in ${spec.assetDir}`);
    this.#child = spawn(process.execPath, ['-e', BOOTSTRAP, file, name, spec.sdkRoot], {
      cwd: spec.assetDir,
      env: { ...spec.environment, PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [this.#child.stdout, this.#child.stderr]) {
      let rest = '';
      stream?.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() as string;
        for (const line of lines) if (line) spec.log(line);
      });
    }
    this.#ready = new Promise((resolve, reject) => {
      this.#child.on(
        'message',
        (m: {
          ready?: true;
          id?: string;
          ok?: boolean;
          result?: unknown;
          error?: { name: string; message: string };
        }) => {
          if (m.ready) return resolve();
          const pending = this.#pending;
          if (!pending || pending.id !== m.id) return;
          this.#pending = null;
          if (m.ok) pending.resolve(m.result);
          else pending.reject(new InvocationError(`${m.error?.name}: ${m.error?.message}`));
        },
      );
      this.#child.on('exit', (code, signal) => {
        this.#dead = new InvocationError(`the container exited (${signal ?? `code ${code}`})`);
        reject(this.#dead);
        this.#pending?.reject(this.#dead);
        this.#pending = null;
      });
    });
    this.#ready.catch(() => undefined);
  }

  get alive(): boolean {
    return this.#dead === null;
  }

  async invoke(id: string, event: unknown, timeoutMs: number): Promise<unknown> {
    await this.#ready;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop();
        reject(new InvocationError(`Task timed out after ${timeoutMs / 1000} seconds`));
      }, timeoutMs);
      const settle =
        <T>(finish: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          finish(value);
        };
      this.#pending = { id, resolve: settle(resolve), reject: settle(reject) };
      this.#child.send({ id, event });
    });
  }

  stop(): void {
    if (this.alive) this.#child.kill('SIGKILL');
  }
}

/** A function: containers made on demand, reused warm, one invocation at a time each. */
export class LambdaFunction {
  readonly #idle: Container[] = [];
  readonly #all = new Set<Container>();
  #invocations = 0;

  constructor(private readonly spec: FunctionSpec) {}

  /** Runs one invocation; rejects with an InvocationError when the function throws, times out or crashes. */
  async invoke(event: unknown): Promise<unknown> {
    const container = this.#idle.pop() ?? this.#start();
    try {
      return await container.invoke(`invocation-${++this.#invocations}`, event, this.spec.timeoutMs);
    } finally {
      if (container.alive) this.#idle.push(container);
      else this.#all.delete(container);
    }
  }

  /** How many containers were started (cold starts). */
  get coldStarts(): number {
    return this.#started;
  }

  #started = 0;

  #start(): Container {
    this.#started++;
    const container = new Container(this.spec);
    this.#all.add(container);
    return container;
  }

  /** Stops every container. */
  stop(): void {
    for (const c of this.#all) c.stop();
    this.#all.clear();
    this.#idle.length = 0;
  }
}

function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new InvocationError(`Runtime.MalformedHandlerName: ${handler}`);
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}
