/**
 * Serverless-path benchmark against s3rver: (a) a cold full rebuild of N events, (b) one edited event
 * in a bucket of N, in the same (warm) process and in a new one (a cold Lambda container), (c) no
 * change. Prints objects read, files written and handler duration; writes bench/lambda-results-N.md.
 *   npx tsx bench/lambda.ts [N]
 * With BENCH_COLD_ONLY=<file>, only (a) runs and its time and peak RSS go to <file>.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCAL_S3_CREDENTIALS } from '../bin/cli/local-s3';
import { S3Store, s3ClientConfig } from '../lambda/adapters/s3';
import { rebuild } from '../lambda/handlers/rebuild';

const BUCKETS = { content: 'bench-content', site: 'bench-site' };

function depsFor(client: S3Client) {
  return {
    content: new S3Store(client, BUCKETS.content),
    site: new S3Store(client, BUCKETS.site),
    contentPrefix: '',
    siteUrl: 'https://events.example.org/',
    now: () => Date.parse('2026-11-29T00:00:00Z'),
    codeVersion: 'bench',
  };
}

async function timedRebuild(deps: ReturnType<typeof depsFor>) {
  const started = process.hrtime.bigint();
  const summary = await rebuild(deps);
  return { ...summary, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Edits `key` (appending `suffix`) and rebuilds: what happens after an editor's change. */
async function editAndRebuild(client: S3Client, deps: ReturnType<typeof depsFor>, key: string, body: string) {
  await client.send(new PutObjectCommand({ Bucket: BUCKETS.content, Key: key, Body: body }));
  return timedRebuild(deps);
}

/** Child mode: a new process (nothing in memory, as in a cold container) edits one page and rebuilds. */
async function editInNewProcess(endpoint: string, key: string, file: string): Promise<void> {
  const client = new S3Client({ ...s3ClientConfig(endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
  const result = await editAndRebuild(
    client,
    depsFor(client),
    key,
    `${readFileSync(file, 'utf8')}\nEdited in a new process.\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--cold-edit') return editInNewProcess(process.argv[3], process.argv[4], process.argv[5]);
  const n = Number(process.argv[2] ?? 1000);
  // In memory (tmpfs) when the machine has one: S3's storage is not this VM's disk, whose time to
  // create thousands of small files varies tenfold from one run to the next.
  const work = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'calpub-lambda-bench-'));
  execFileSync(
    'node',
    [path.join(__dirname, '..', '..', 'shared', 'tools', 'gen-corpus.mjs'), String(n), path.join(work, 'content')],
    { stdio: 'ignore' },
  );
  // s3rver in its own process: S3 is remote to a Lambda, so its work must not share our thread.
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 's3rver-process.ts'),
      path.join(work, 's3'),
      'bench-content',
      'bench-site',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) =>
    server.stdout.on('data', (d: Buffer) => resolve(Number(/PORT (\d+)/.exec(String(d))?.[1]))),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ ...s3ClientConfig(endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
  const slugs = readdirSync(path.join(work, 'content', 'event'));
  for (let i = 0; i < slugs.length; i += 25) {
    await Promise.all(
      slugs.slice(i, i + 25).map((slug) =>
        client.send(
          new PutObjectCommand({
            Bucket: 'bench-content',
            Key: `event/${slug}/index.md`,
            Body: readFileSync(path.join(work, 'content', 'event', slug, 'index.md')),
          }),
        ),
      ),
    );
  }
  const deps = depsFor(client);
  const cold = await timedRebuild(deps);
  const coldRss = process.resourceUsage().maxRSS / 1024;
  if (process.env.BENCH_COLD_ONLY) {
    writeFileSync(process.env.BENCH_COLD_ONLY, `(a) ${cold.seconds.toFixed(2)} s, peak RSS ${coldRss.toFixed(0)} MB\n`);
    server.kill();
    rmSync(work, { recursive: true, force: true });
    return;
  }
  const source = (i: number) => `event/${slugs[Math.floor(slugs.length * i)]}/index.md`;
  // (b) three times in a new process each (a new Lambda container): nothing in memory, so the state is
  // downloaded and parsed and every feed item rendered again.
  const coldEdits = [0.3, 0.6, 0.9].map((i) => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', __filename, '--cold-edit', endpoint, source(i), path.join(work, 'content', source(i))],
      { encoding: 'utf8' },
    );
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as typeof cold;
  });
  const coldEdit = median(coldEdits);
  await timedRebuild(deps); // this process catches up with the state the new ones saved
  // (b) three times in this process (a warm container), each editing another event.
  const edits = [];
  for (const i of [0.25, 0.5, 0.75])
    edits.push(
      await editAndRebuild(
        client,
        deps,
        source(i),
        `${readFileSync(path.join(work, 'content', source(i)), 'utf8')}\nEdited.\n`,
      ),
    );
  const edit = median(edits);
  const none = await timedRebuild(deps);
  server.kill();
  rmSync(work, { recursive: true, force: true });
  const row = (name: string, r: typeof cold) =>
    `| ${name} | ${r.objectsRead} | ${r.written.length} | ${r.deleted.length} | ${r.seconds.toFixed(2)} s |`;
  const text = [
    `# Serverless rebuild benchmark (s3rver on 127.0.0.1, ${n} generated events)`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/lambda.ts ${n}\`: the handler's rebuild against a real S3 API over HTTP (s3rver in its own process, as S3 is remote to a Lambda, storing in ${work.startsWith('/dev/shm') ? 'memory (tmpfs)' : 'a temporary folder'}).`,
    '',
    '| run | object bodies read | files written | files deleted | duration |',
    '|---|---:|---:|---:|---:|',
    row('(a) cold full rebuild', cold),
    row('(b) one edited event, warm container (median of 3)', edit),
    row('(b) one edited event, new container (median of 3)', coldEdit),
    row('(c) no change', none),
    '',
    `(b) / (a) duration: ${((edit.seconds / cold.seconds) * 100).toFixed(1)} % in a warm container (the usual case: Lambda keeps a container for minutes after a rebuild), ${((coldEdit.seconds / cold.seconds) * 100).toFixed(1)} % in a new one (handler duration, without the container's start).`,
    '',
    `Peak RSS of the process running the handler (s3rver runs in another; with the bench's own data): ${coldRss.toFixed(0)} MB after (a), ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB at the end (the function has 2,048 MB, its V8 heap capped at 1,536 MB).`,
    '',
  ].join('\n');
  writeFileSync(path.join(__dirname, `lambda-results-${n}.md`), text);
  console.log(text);
}

function median<T extends { seconds: number }>(runs: T[]): T {
  return [...runs].sort((x, y) => x.seconds - y.seconds)[Math.floor(runs.length / 2)];
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
