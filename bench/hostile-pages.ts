/**
 * Bounded work per page (issue 21): the pages that once took minutes and gigabytes, each built alone by
 * the CLI bundle, with its time and peak memory. Each must stay under 1 s and 300 MB above an empty build.
 *   npx tsx bench/hostile-pages.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const nested = (open: string, close: string, n: number) => `${open.repeat(n)}x${close.repeat(n)}`;
const PAGES: Record<string, { front: string; body: string }> = {
  empty: { front: '', body: '' },
  '3,000 nested {{< callout >}}': { front: '', body: nested('{{< callout >}}', '{{< /callout >}}', 3000) },
  '20,000 nested {{% callout %}}': { front: '', body: nested('{{% callout %}}\n', '{{% /callout %}}\n', 20000) },
  '20,000 {{< callout >}} never closed': { front: '', body: '{{< callout >}}x'.repeat(20000) },
  '20,000-line location': {
    front: `location: |\n${Array.from({ length: 20000 }, (_, i) => `  line ${i}, Paris`).join('\n')}\n`,
    body: '',
  },
  '90 KB of digit-run headings': { front: '', body: `## ${'1'.repeat(200)}\n\n`.repeat(440) },
};
const work = mkdtempSync(path.join(tmpdir(), 'calpub-hostile-'));
for (const [name, page] of Object.entries(PAGES)) {
  const content = path.join(work, 'content');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(path.join(content, 'event', 'x'), { recursive: true });
  writeFileSync(
    path.join(content, 'event', 'x', 'index.md'),
    `---\ntitle: X\ndate: '2027-01-10T10:00:00'\n${page.front}---\n${page.body}\n`,
  );
  const out = path.join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      path.join(ROOT, 'bin', 'run.cjs'),
      'build',
      '--content',
      content,
      '--out',
      out,
      '--now',
      '2026-11-29T00:00:00Z',
    ],
    { encoding: 'utf8' },
  );
  const [seconds, kb] = run.stderr.trim().split('\n').pop()?.split(' ').map(Number) ?? [];
  console.log(`${name}: ${seconds.toFixed(2)} s, ${Math.round(kb / 1024)} MB peak RSS`);
}
rmSync(work, { recursive: true, force: true });
