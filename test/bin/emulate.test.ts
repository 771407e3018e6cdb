/** `calpub emulate`: s3rver + the real handler + the site bucket served over HTTP, end to end. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runEmulate } from '../../bin/cli/emulate';
import { readCalendar } from '../ical';

describe('calpub emulate', () => {
  it('publishes content/ through the handler, serves it like CloudFront, and updates on edit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-emulate-test-'));
    cpSync(path.join(__dirname, '..', 'fixtures', 'site'), dir, { recursive: true });
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const stop = await runEmulate({ content: dir, port, log: (l) => lines.push(l) });
    try {
      const base = `http://127.0.0.1:${port}/`;
      expect(lines.join('\n')).toContain(`calendar:  ${base}calendar.ics`);
      const calendar = await waitFor(async () => {
        const r = await fetch(`${base}calendar.ics`);
        // s3rver writes an object's bytes before its metadata (real S3 is atomic): wait for both.
        return r.status === 200 && r.headers.get('content-type') === 'text/calendar; charset=utf-8' ? r : null;
      });
      expect(calendar.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(calendar.headers.get('cache-control')).toMatch(/max-age=300/);
      expect(calendar.headers.get('access-control-allow-origin')).toBe('*');
      expect(calendar.headers.get('x-content-type-options')).toBe('nosniff');
      expect(readCalendar(await calendar.text()).events).toHaveLength(5);
      const missing = await fetch(`${base}_calpub/state.jsonl.gz`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('<h1>Not found</h1>');

      const file = path.join(dir, 'event', 'three-days', 'index.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: Conference days', 'title: Emulated days'));
      await waitFor(async () => ((await (await fetch(`${base}calendar.ics`)).text()).includes('SUMMARY:Emulated days') ? true : null));
    } finally {
      if (process.env.CALPUB_DEBUG) process.stderr.write(`${lines.join('\n')}\n`);
      await stop();
    }
  }, 30_000);
});

async function waitFor<T>(check: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
