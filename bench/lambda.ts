/**
 * Serverless-path benchmark against s3rver: (a) a cold full rebuild of N events, (b) one edited event
 * in a bucket of N. Prints objects read, files written and handler duration; writes
 * bench/lambda-results.md.   npx tsx bench/lambda.ts [N]
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LOCAL_S3_CREDENTIALS } from '../bin/cli/local-s3';
import { S3Store, s3ClientConfig } from '../lambda/adapters/s3-store';
import { rebuild } from '../lambda/handlers/rebuild';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const work = mkdtempSync(path.join(tmpdir(), 'calpub-lambda-bench-'));
  execFileSync('node', [path.join(__dirname, '..', '..', 'shared', 'tools', 'gen-corpus.mjs'), String(n), path.join(work, 'content')], { stdio: 'ignore' });
  // s3rver in its own process: S3 is remote to a Lambda, so its work must not share our thread.
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 's3rver-process.ts'), path.join(work, 's3'), 'bench-content', 'bench-site'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => server.stdout.on('data', (d: Buffer) => resolve(Number(/PORT (\d+)/.exec(String(d))?.[1]))));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ ...s3ClientConfig(endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
  const slugs = readdirSync(path.join(work, 'content', 'event'));
  for (let i = 0; i < slugs.length; i += 25) {
    await Promise.all(
      slugs.slice(i, i + 25).map((slug) =>
        client.send(new PutObjectCommand({ Bucket: 'bench-content', Key: `event/${slug}/index.md`, Body: readFileSync(path.join(work, 'content', 'event', slug, 'index.md')) })),
      ),
    );
  }
  const deps = {
    content: new S3Store(client, 'bench-content'),
    site: new S3Store(client, 'bench-site'),
    contentPrefix: '',
    siteUrl: 'https://events.example.org/',
    now: () => Date.parse('2026-11-29T00:00:00Z'),
    codeVersion: 'bench',
  };
  const run = async () => {
    const started = process.hrtime.bigint();
    const summary = await rebuild(deps);
    return { ...summary, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  const cold = await run();
  // (b) three times, each editing another event; the median is reported.
  const edits = [];
  for (const i of [0.25, 0.5, 0.75]) {
    const edited = `event/${slugs[Math.floor(slugs.length * i)]}/index.md`;
    await client.send(new PutObjectCommand({ Bucket: 'bench-content', Key: edited, Body: `${readFileSync(path.join(work, 'content', edited), 'utf8')}\nEdited.\n` }));
    edits.push(await run());
  }
  const edit = [...edits].sort((x, y) => x.seconds - y.seconds)[1];
  const none = await run();
  server.kill();
  const row = (name: string, r: typeof cold) => `| ${name} | ${r.objectsRead} | ${r.written.length} | ${r.deleted.length} | ${r.seconds.toFixed(2)} s |`;
  const text = [
    `# Serverless rebuild benchmark (s3rver on 127.0.0.1, ${n} generated events)`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/lambda.ts ${n}\`: the handler's rebuild against a real S3 API over HTTP (s3rver in its own process, as S3 is remote to a Lambda).`,
    '',
    '| run | object bodies read | files written | files deleted | duration |',
    '|---|---:|---:|---:|---:|',
    row('(a) cold full rebuild', cold),
    row('(b) one edited event (median of 3)', edit),
    row('(c) no change', none),
    '',
    `(b) / (a) duration: ${((edit.seconds / cold.seconds) * 100).toFixed(1)} %.`,
    '',
  ].join('\n');
  writeFileSync(path.join(__dirname, 'lambda-results.md'), text);
  console.log(text);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
