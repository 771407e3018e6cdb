/** The CLI contract, run as a user runs it (a real process through tsx). */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCalendar } from '../ical';
import { HAS_SEED, seedContent } from '../seed-site';

const ROOT = path.join(__dirname, '..', '..');
// `npm run calpub` runs bin/run.cjs (the esbuild bundle, rebuilt when sources change): test that.
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'run.cjs'), ...args], { encoding: 'utf8', cwd: ROOT });

function contentWithOneBrokenPage(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-cli-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'site'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'event', 'broken'), { recursive: true });
  writeFileSync(path.join(dir, 'event', 'broken', 'index.md'), "---\ntitle: Broken\ndate: 'TBA'\n---\n");
  return dir;
}

describe('calpub build', () => {
  const content = contentWithOneBrokenPage();
  const out = path.join(content, '..', `${path.basename(content)}-out`);
  const report = path.join(out, '..', `${path.basename(content)}-report.json`);

  it('writes the site, the report, and a one-line summary; exit 0 despite a rejected file', () => {
    const r = run('build', '--content', content, '--out', out, '--now', '2026-11-29T12:00:00Z', '--report', report);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^calpub: published 5, rejected 1, warnings 0 in \d+\.\d\d s; 33 files written, 0 deleted, 0 unchanged\n$/);
    expect(existsSync(path.join(out, 'calendar.ics'))).toBe(true);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      published: 5,
      problems: [{ file: 'event/broken/index.md', severity: 'error', field: 'date', message: expect.stringMatching(/'TBA' is a placeholder/) }],
    });
  });

  it('rewrites nothing when nothing changed', () => {
    const r = run('build', '--content', content, '--out', out, '--now', '2026-11-30T12:00:00Z');
    expect(r.stdout).toMatch(/0 files written, 0 deleted, 33 unchanged/);
  });

  it('reprocesses only the edited page, and the result equals a fresh build', () => {
    const page = path.join(content, 'event', 'three-days', 'index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('title: Conference days', 'title: Conference days (moved)'));
    const env = { ...process.env, CALPUB_TIMINGS: '1' };
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'run.cjs'), 'build', '--content', content, '--out', out, '--now', '2026-12-01T12:00:00Z'], { encoding: 'utf8', env });
    expect(r.stderr).toMatch(/pages \(5 from cache, /);
    expect(r.stdout).toMatch(/8 files written, 0 deleted, 25 unchanged/);
    const fresh = `${out}-fresh`;
    run('build', '--content', content, '--out', fresh, '--now', '2026-12-01T12:00:00Z');
    // Apart from what the remembered state says (SEQUENCE, change times), every file equals a fresh build.
    const strip = (s: string) =>
      s
        .replace(/DTSTAMP:.*\r\n|LAST-MODIFIED:.*\r\n|SEQUENCE:.*\r\n/g, '')
        .replace(/<(updated|lastBuildDate)>[^<]*</g, '<$1><')
        .replace(/"(updated|date_modified)": ?"[^"]*"/g, '"$1":""')
        .replace(/"sequence": ?\d+/g, '"sequence":0');
    const files = execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.calpub/*'], { cwd: fresh }).toString().trim().split('\n').sort();
    expect(execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.calpub/*'], { cwd: out }).toString().trim().split('\n').sort()).toEqual(files);
    for (const f of files) expect([f, strip(readFileSync(path.join(out, f), 'utf8'))]).toEqual([f, strip(readFileSync(path.join(fresh, f), 'utf8'))]);
    expect(readFileSync(path.join(out, 'event', 'three-days.ics'), 'utf8')).toContain('SEQUENCE:1\r\n');
  });

  it('keeps publishing the last good version of a page that breaks', () => {
    const page = path.join(content, 'event', 'kolkata-offset', 'index.md');
    const before = readFileSync(path.join(out, 'event', 'kolkata-offset.ics'), 'utf8');
    writeFileSync(page, readFileSync(page, 'utf8').replace("date: '2024-12-03T09:30:00+05:30'", "date: '2024-12-03T09:30:00+15:00'"));
    for (const day of ['02', '03']) {
      const r = run('build', '--content', content, '--out', out, '--now', `2026-12-${day}T12:00:00Z`);
      expect(r.stdout).toMatch(/published 5, rejected 2, warnings 1/);
      expect(readFileSync(path.join(out, 'event', 'kolkata-offset.ics'), 'utf8')).toBe(before);
    }
  });

  it('exits 1 with --strict when a file was rejected', () => {
    expect(run('build', '--content', content, '--out', out, '--strict').status).toBe(1);
  });

  it('explains usage mistakes with exit code 2', () => {
    const r = run('build', '--content', content);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/build needs --content <dir> and --out <dir>\nusage:/);
    expect(run('build', '--content', content, '--out', out, '--now', 'yesterday').stderr).toMatch(/--now "yesterday" must be an ISO-8601/);
    expect(run('frobnicate').status).toBe(2);
  });

  it('says what to do when the content folder does not exist', () => {
    const r = run('build', '--content', path.join(content, 'nope'), '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ENOENT[\s\S]*check that the --content folder exists/);
  });
});

describe('calpub check', () => {
  it('prints problems grouped by file and exits 1 on errors, without writing', () => {
    const content = contentWithOneBrokenPage();
    const r = run('check', '--content', content);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^event\/broken\/index\.md\n {2}error {3}\[date\] `date`: 'TBA' is a placeholder/);
    expect(r.stdout).toMatch(/calpub check: 6 pages, 5 publishable now, 1 rejected, 0 warnings\n$/);
    expect(execFileSync('ls', [content]).toString()).not.toMatch(/public/);
  });

  it('exits 0 on the example content', () => {
    expect(run('check', '--content', path.join(ROOT, 'content')).status).toBe(0);
  });
});

describe('the machine time zone', () => {
  it('never changes a byte of the site', () => {
    const outs = ['UTC', 'America/New_York', 'Asia/Kolkata'].map((TZ) => {
      const out = mkdtempSync(path.join(tmpdir(), `calpub-tz-`));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'run.cjs'), 'build', '--content', path.join(ROOT, 'content'), '--out', out, '--now', '2026-11-29T12:00:00Z'], { encoding: 'utf8', env: { ...process.env, TZ } });
      expect(r.status).toBe(0);
      return out;
    });
    const files = execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.calpub/*'], { cwd: outs[0] }).toString().trim().split('\n').sort();
    expect(files.length).toBeGreaterThan(20);
    for (const out of outs.slice(1)) {
      for (const f of files) expect([f, readFileSync(path.join(out, f), 'utf8') === readFileSync(path.join(outs[0], f), 'utf8')]).toEqual([f, true]);
    }
  });
});

describe('threads (page workers and the file writer)', () => {
  const build = (content: string, out: string, parallelMin: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin', 'run.cjs'), 'build', '--content', content, '--out', out, '--now', '2026-11-29T12:00:00Z'], {
      encoding: 'utf8',
      env: { ...process.env, CALPUB_PARALLEL_MIN: parallelMin, CALPUB_TIMINGS: '1', ...env },
    });
  const siteFiles = (out: string) => execFileSync('find', ['.', '-type', 'f'], { cwd: out }).toString().trim().split('\n').sort();

  it('give the same bytes as one thread, the page cache included', () => {
    const content = contentWithOneBrokenPage();
    const [threaded, single] = ['1', '1000000'].map((min) => {
      const out = mkdtempSync(path.join(tmpdir(), 'calpub-threads-'));
      const r = build(content, out, min);
      expect([r.status, r.stdout]).toEqual([0, expect.stringMatching(/published 5, rejected 1, .* 33 files written/)]);
      expect(r.stderr).toMatch(min === '1' ? /on 2 threads; items of 5 rendered ahead.*a writer thread/ : /on 1 thread; items of 5 rendered ahead\).*written on this thread/);
      return out;
    });
    expect(siteFiles(threaded)).toEqual(siteFiles(single));
    for (const f of siteFiles(single)) expect([f, readFileSync(path.join(threaded, f), 'utf8') === readFileSync(path.join(single, f), 'utf8')]).toEqual([f, true]);
  });

  it('after an edit, render the reused pages\' items on the threads too, with the same bytes as one thread', () => {
    const content = contentWithOneBrokenPage();
    const outs = ['1', '1000000'].map((min) => {
      const out = mkdtempSync(path.join(tmpdir(), 'calpub-threads-'));
      expect(build(content, out, min).status).toBe(0);
      return out;
    });
    const page = path.join(content, 'event', 'three-days', 'index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('title: Conference days', 'title: Conference days (moved)'));
    const [threaded, single] = outs.map((out, i) => {
      const r = build(content, out, ['1', '1000000'][i]);
      expect([r.status, r.stdout]).toEqual([0, expect.stringMatching(/published 5, rejected 1, .* 8 files written, 0 deleted, 25 unchanged/)]);
      // Threads: the edited page's items and the 4 reused ones'; one thread: the edited page's only.
      expect(r.stderr).toMatch(i === 0 ? /pages \(5 from cache, the others on 2 threads; items of 5 rendered ahead\)/ : /pages \(5 from cache, the others on 1 thread; items of 1 rendered ahead\)/);
      return out;
    });
    for (const f of siteFiles(single)) expect([f, readFileSync(path.join(threaded, f), 'utf8') === readFileSync(path.join(single, f), 'utf8')]).toEqual([f, true]);
  });

  it('the main thread waits for the writer when more than its window of bytes is queued', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'calpub-threads-'));
    const r = build(contentWithOneBrokenPage(), out, '1', { CALPUB_WRITER_WINDOW: '2000' });
    expect(r.status).toBe(0);
    const [, waits, peak] = /waited for it (\d+) times, at most (\d+) bytes queued/.exec(r.stderr) ?? [];
    const largest = Math.max(...siteFiles(out).filter((f) => !f.startsWith('./.calpub')).map((f) => statSync(path.join(out, f)).size));
    expect(Number(waits)).toBeGreaterThan(0);
    expect(Number(peak)).toBeGreaterThanOrEqual(largest); // every file counts while it waits, the largest too
    expect(Number(peak)).toBeLessThanOrEqual(2000 + largest);
  });

  it('a file the writer cannot write fails the build with its reason, and no manifest claims it', () => {
    const content = contentWithOneBrokenPage();
    const out = mkdtempSync(path.join(tmpdir(), 'calpub-threads-'));
    writeFileSync(path.join(out, 'event'), 'a file where the build needs a folder');
    const r = build(content, out, '1');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/EEXIST|ENOTDIR|not a directory/i);
    expect(existsSync(path.join(out, '.calpub', 'manifest.json'))).toBe(false);
  });
});

(HAS_SEED ? describe : describe.skip)('the CLI bundle on the seed site', () => {
  const content = HAS_SEED ? seedContent() : '';
  const out = `${content}-out`;
  afterAll(() => [content, out].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes the event at 14:00 Europe/Paris with its VTIMEZONE (zone data inside the bundle)', () => {
    const r = run('build', '--content', content, '--out', out, '--now', '2026-11-29T12:00:00Z');
    expect([r.status, r.stderr]).toEqual([0, '']);
    for (const file of ['calendar.ics', 'event/10-pourcent-final-season1.ics']) {
      const ics = readFileSync(path.join(out, file), 'utf8');
      expect(ics).toContain('\r\nDTSTART;TZID=Europe/Paris:20221205T140000\r\nDTEND;TZID=Europe/Paris:20221205T180000\r\n');
      expect(ics).toMatch(/\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Paris\r\n[\s\S]*TZOFFSETTO:\+0100\r\n[\s\S]*END:VTIMEZONE\r\n/);
      expect(readCalendar(ics).events[0]).toMatchObject({ start: '2022-12-05T13:00:00.000Z', end: '2022-12-05T17:00:00.000Z', startZone: 'Europe/Paris' });
    }
  });
});
