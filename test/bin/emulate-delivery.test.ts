/**
 * `calpub emulate` delivers as SQS and Lambda do (the template's batching, concurrency, visibility
 * timeout and dead-letter rules): an edit made while a rebuild runs reaches the site, and a batch
 * whose rebuild fails comes back until it succeeds or goes to the dead-letter queue.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Emulation } from '../../bin/cli/emulate/index';
import { LOCAL_S3_CREDENTIALS } from '../../bin/cli/local-s3';
import { s3ClientConfig } from '../../lambda/adapters/s3';
import { readCalendar } from '../ical';
import { emulateSite, waitFor } from './emulate-helpers';

const CONFIG =
  'title: Delivery\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n';
const page = (n: number, title = `Event ${n}`) =>
  `---\ntitle: ${title}\ndate: '2027-03-${String((n % 28) + 1).padStart(2, '0')}T18:00:00'\ntags: [T${n % 7}]\n---\nBody of event ${n}, with **some** Markdown.\n`;

function writePages(dir: string, count: number): void {
  writeFileSync(path.join(dir, 'calpub.yaml'), CONFIG);
  for (let n = 1; n <= count; n++) {
    mkdirSync(path.join(dir, 'event', `e${n}`), { recursive: true });
    writeFileSync(path.join(dir, 'event', `e${n}`, 'index.md'), page(n));
  }
}

function clientOf(emulation: Emulation): S3Client {
  return new S3Client({ ...s3ClientConfig(emulation.s3.endpoint, 'us-east-1'), credentials: LOCAL_S3_CREDENTIALS });
}

async function titles(emulation: Emulation): Promise<string[]> {
  return readCalendar(await (await fetch(`${emulation.url}calendar.ics`)).text()).events.map((e) => e.summary);
}

/** Makes the site bucket fail every request (its folder replaced by a file), as an S3 outage would; returns the repair. */
function breakSiteBucket(emulation: Emulation): () => void {
  const folder = path.join(emulation.s3.directory, 'buckets', emulation.stack.siteBucket.toLowerCase());
  renameSync(folder, `${folder}.away`);
  writeFileSync(folder, 'not a folder');
  return () => {
    rmSync(folder);
    renameSync(`${folder}.away`, folder);
  };
}

describe('delivery as SQS delivers it', () => {
  let emulation: Emulation;
  let content: string;
  const lines: string[] = [];
  afterEach(async () => {
    await emulation?.stop();
    rmSync(content, { recursive: true, force: true });
    if (process.env.CALPUB_DEBUG) process.stderr.write(`${lines.join('\n')}\n`);
    lines.length = 0;
  });

  it('every edit made while a full rebuild runs reaches the site', async () => {
    ({ emulation, content } = await emulateSite((dir) => writePages(dir, 200), lines));
    const s3 = clientOf(emulation);
    // A change of the config makes the next rebuild a full one (every page parsed again).
    await s3.send(
      new PutObjectCommand({
        Bucket: emulation.stack.contentBucket.toLowerCase(),
        Key: 'calpub.yaml',
        Body: `${CONFIG}description: Edited while rebuilding\n`,
      }),
    );
    await waitFor('the full rebuild to start', async () => (emulation.queue.inFlight > 0 ? true : null));
    let duringRebuild = 0;
    for (const n of [3, 50, 120, 160, 199]) {
      if (emulation.queue.inFlight > 0) duringRebuild++;
      await s3.send(
        new PutObjectCommand({
          Bucket: emulation.stack.contentBucket.toLowerCase(),
          Key: `event/e${n}/index.md`,
          Body: page(n, `Edited ${n}`),
        }),
      );
    }
    expect(duringRebuild).toBeGreaterThanOrEqual(1); // at least the first edit lands while the rebuild runs
    await emulation.settled();
    const published = await titles(emulation);
    expect(published).toHaveLength(200);
    for (const n of [3, 50, 120, 160, 199]) expect(published).toContain(`Edited ${n}`);
    expect(await (await fetch(`${emulation.url}schedule.json`)).json()).toMatchObject({
      description: 'Edited while rebuilding',
    });
  }, 90_000);

  it('a batch whose rebuild fails comes back after the visibility timeout and then reaches the site, with no other change', async () => {
    ({ emulation, content } = await emulateSite((dir) => writePages(dir, 20), lines, { timeScale: 0.0005 }));
    const repair = breakSiteBucket(emulation);
    await clientOf(emulation).send(
      new PutObjectCommand({
        Bucket: emulation.stack.contentBucket.toLowerCase(),
        Key: 'event/e7/index.md',
        Body: page(7, 'Retried edit'),
      }),
    );
    await waitFor('two failed invocations in the log', async () =>
      lines.filter((l) => l.includes('the function failed')).length >= 2 ? true : null,
    );
    repair();
    await waitFor("the retried edit's title on the site", async () =>
      (await titles(emulation)).includes('Retried edit') ? true : null,
    );
    expect(lines.find((l) => l.includes('the function failed'))).toMatch(/come back in 1\.05 s \(receive 1 of 5\)/);
    expect(emulation.queue.deadLetters).toEqual([]);
  }, 60_000);

  it('a message that fails maxReceiveCount times goes to the dead-letter queue, and is reported', async () => {
    ({ emulation, content } = await emulateSite((dir) => writePages(dir, 20), lines, { timeScale: 0.0005 }));
    const repair = breakSiteBucket(emulation);
    await clientOf(emulation).send(
      new PutObjectCommand({
        Bucket: emulation.stack.contentBucket.toLowerCase(),
        Key: 'event/e8/index.md',
        Body: page(8, 'Lost edit'),
      }),
    );
    await waitFor(
      'a message in the dead-letter queue',
      async () => (emulation.queue.deadLetters.length ? true : null),
      60_000,
    );
    const maxReceiveCount = emulation.stack.queue.maxReceiveCount;
    expect(maxReceiveCount).toBe(5); // the template's redrive policy
    expect(lines.filter((l) => l.includes('the function failed'))).toHaveLength(maxReceiveCount);
    expect(emulation.queue.deadLetters[0]).toMatchObject({
      receiveCount: maxReceiveCount,
      body: expect.stringContaining('event/e8/index.md'),
    });
    expect(lines.join('\n')).toMatch(/moved to the dead-letter queue after 5 failed receives/);
    repair();
    expect(await titles(emulation)).not.toContain('Lost edit');
    // The next change rebuilds everything, the dead-lettered edit included.
    await clientOf(emulation).send(
      new PutObjectCommand({
        Bucket: emulation.stack.contentBucket.toLowerCase(),
        Key: 'event/e9/index.md',
        Body: page(9, 'Next edit'),
      }),
    );
    await waitFor("the next edit's title on the site", async () =>
      (await titles(emulation)).includes('Next edit') ? true : null,
    );
    expect(await titles(emulation)).toContain('Lost edit');
  }, 90_000);
});
