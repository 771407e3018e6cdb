/** The CLI contract, run as a user runs it (a real process through tsx). */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCalendar } from '../ical';
import { HAS_SEED, seedContent } from '../seed-site';
import { describeWithShared } from '../shared';
import { ROOT, runCli } from '../cli';

// `npm run calpub` runs bin/run.cjs (the esbuild bundle, rebuilt when sources change): test that.
const run = (...args: string[]) => runCli(args);

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
    expect(r.stdout).toMatch(
      /^calpub: published 5, rejected 1, warnings 0 in \d+\.\d\d s; 42 files written, 0 deleted, 0 unchanged\n$/,
    );
    expect(existsSync(path.join(out, 'calendar.ics'))).toBe(true);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      published: 5,
      languages: [{ folder: '', language: 'fr', published: 5 }],
      problems: [
        {
          file: 'event/broken/index.md',
          severity: 'error',
          field: 'date',
          message: expect.stringMatching(/'TBA' is a placeholder/),
        },
      ],
      skipped: [],
    });
  });

  it('rewrites nothing when nothing changed', () => {
    const r = run('build', '--content', content, '--out', out, '--now', '2026-11-30T12:00:00Z');
    expect(r.stdout).toMatch(/0 files written, 0 deleted, 42 unchanged/);
  });

  it('reprocesses only the edited page, and the result equals a fresh build', () => {
    const page = path.join(content, 'event', 'three-days', 'index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('title: Conference days', 'title: Conference days (moved)'));
    const env = { ...process.env, CALPUB_TIMINGS: '1' };
    const r = runCli(['build', '--content', content, '--out', out, '--now', '2026-12-01T12:00:00Z'], { env });
    expect(r.stderr).toMatch(/pages \(5 of 6 reused\)/);
    expect(r.stdout).toMatch(/9 files written, 0 deleted, 33 unchanged/);
    const fresh = `${out}-fresh`;
    run('build', '--content', content, '--out', fresh, '--now', '2026-12-01T12:00:00Z');
    // Apart from what the remembered state says (SEQUENCE, change times), every file equals a fresh build.
    const strip = (s: string) =>
      s
        .replace(/DTSTAMP:.*\r\n|LAST-MODIFIED:.*\r\n|SEQUENCE:.*\r\n/g, '')
        .replace(/<(updated|lastBuildDate|lastmod)>[^<]*</g, '<$1><')
        .replace(/"(updated|date_modified)": ?"[^"]*"/g, '"$1":""')
        .replace(/"sequence": ?\d+/g, '"sequence":0');
    const files = execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.calpub/*'], { cwd: fresh })
      .toString()
      .trim()
      .split('\n')
      .sort();
    expect(
      execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.calpub/*'], { cwd: out })
        .toString()
        .trim()
        .split('\n')
        .sort(),
    ).toEqual(files);
    for (const f of files)
      expect([f, strip(readFileSync(path.join(out, f), 'utf8'))]).toEqual([
        f,
        strip(readFileSync(path.join(fresh, f), 'utf8')),
      ]);
    expect(readFileSync(path.join(out, 'event', 'three-days.ics'), 'utf8')).toContain('SEQUENCE:1\r\n');
  });

  it('keeps publishing the last good version of a page that breaks', () => {
    const page = path.join(content, 'event', 'kolkata-offset', 'index.md');
    const before = readFileSync(path.join(out, 'event', 'kolkata-offset.ics'), 'utf8');
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace("date: '2024-12-03T09:30:00+05:30'", "date: '2024-12-03T09:30:00+15:00'"),
    );
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
    const r = run('build', '--content', content, '--outt', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^calpub: Unknown option '--outt'[\s\S]*\nusage: calpub build /);
    expect(run('build', '--content', content, '--out', out, '--now', 'yesterday').stderr).toMatch(
      /--now "yesterday" must be an ISO-8601/,
    );
    expect(run('frobnicate').status).toBe(2);
  });

  it('says what to do when the content folder does not exist', () => {
    const r = run('build', '--content', path.join(content, 'nope'), '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nope: no such folder; check that the --content folder exists/);
  });
});

describe('calpub build with a calpub.yaml that has an error', () => {
  const snapshot = (dir: string) =>
    execFileSync('find', ['.', '-type', 'f', '-exec', 'sha1sum', '{}', '+'], { cwd: dir })
      .toString()
      .split('\n')
      .sort()
      .join('\n');
  const breakZone = (content: string) => {
    const file = path.join(content, 'calpub.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('timeZone: Europe/Paris', 'timeZone: Mars/Olympus_Mons'));
  };

  it('keeps publishing with the last good configuration (no event moves), and says so', () => {
    const content = contentWithOneBrokenPage();
    const out = `${content}-out`;
    run('build', '--content', content, '--out', out, '--now', '2026-11-29T12:00:00Z');
    const calendar = readFileSync(path.join(out, 'calendar.ics'), 'utf8');
    breakZone(content);
    const r = run('build', '--content', content, '--out', out, '--now', '2026-11-30T12:00:00Z');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /calpub\.yaml\n {2}error {3}\[timeZone\] `timeZone` "Mars\/Olympus_Mons" is not an IANA time zone[^\n]*\n {2}warning has errors, so it is not applied/,
    );
    expect(readFileSync(path.join(out, 'calendar.ics'), 'utf8')).toBe(calendar);
  });

  it('writes nothing with --strict: neither the site nor the state', () => {
    const content = contentWithOneBrokenPage();
    const out = `${content}-out`;
    run('build', '--content', content, '--out', out, '--now', '2026-11-29T12:00:00Z');
    const before = snapshot(out);
    breakZone(content);
    const r = run('build', '--content', content, '--out', out, '--now', '2026-11-30T12:00:00Z', '--strict');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      'calpub: nothing written: calpub.yaml has errors (above) and --strict applies no configuration with errors\n',
    );
    expect(snapshot(out)).toBe(before);
  });

  it('stops a first build with the error, writing nothing', () => {
    const content = contentWithOneBrokenPage();
    breakZone(content);
    const out = `${content}-out`;
    const r = run('build', '--content', content, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /no earlier build applied a configuration without errors: nothing is built until they are fixed/,
    );
    expect(r.stdout).toMatch(
      /^calpub: nothing written: calpub\.yaml has errors \(above\) and no earlier build applied a good one; fix them and build again\n$/,
    );
    expect(existsSync(out)).toBe(false);
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

  it('prints every warning about real-page quirks with the file, the field and what to do', () => {
    const r = run('check', '--content', path.join(ROOT, 'test', 'fixtures', 'quirks'), '--now', '2026-11-29T12:00:00Z');
    expect(r.status).toBe(0);
    const expected: Array<[string, string, RegExp]> = [
      ['event/dup-key/index.md', '[links] ', /written twice \(the second at line 6\).*delete the other one/],
      ['event/end-typo/index.md', '[date_end] ', /before `date`.*published without an end; fix the end/],
      ['event/latin1/index.md', '', /not UTF-8: read as Windows-1252; save it as UTF-8/],
      [
        'event/long/index.md',
        '[date_end] ',
        /more than a year: it is published so; if the end has a wrong year, fix it/,
      ],
      [
        'event/offset/index.md',
        '[date] ',
        /\+02:00, the offset Europe\/Paris has at another time of year.*the site shows 18:00, so it is published at 18:00 Europe\/Paris time; write \+01:00/,
      ],
      ['event/one-digit/index.md', '[date] ', /one-digit hour.*write two digits/],
      ['event/overnight/index.md', '[date_end] ', /read as the next day, 2026-05-17.*write that date in `date_end`/],
      [
        'talk/placeholder/index.md',
        '[date] ',
        /3018-01-01, more than 5 years ahead: .*set `draft: true`.*fix the year/,
      ],
      [
        'calpub.yaml',
        '[wallClockZ] ',
        /\d page\(s\) write their times with Z .*If your Z times really are UTC, set `wallClockZ: false`/,
      ],
    ];
    for (const [file, field, message] of expected) {
      const at = r.stdout.indexOf(`${file}\n  warning ${field}`);
      expect([file, at >= 0]).toEqual([file, true]);
      expect(r.stdout.slice(at).split('\n')[1]).toMatch(message);
    }
    expect(r.stdout).toMatch(/calpub check: 11 pages, 10 publishable now, 0 rejected, 9 warnings\n$/);
  });

  it('exits 0 on the example content', () => {
    expect(run('check', '--content', path.join(ROOT, 'content')).status).toBe(0);
  });
});

describe('the machine time zone', () => {
  it('never changes a byte of the site', () => {
    const outs = ['UTC', 'America/New_York', 'Asia/Kolkata'].map((TZ) => {
      const out = mkdtempSync(path.join(tmpdir(), `calpub-tz-`));
      const r = runCli(
        ['build', '--content', path.join(ROOT, 'content'), '--out', out, '--now', '2026-11-29T12:00:00Z'],
        { env: { TZ } },
      );
      expect(r.status).toBe(0);
      return out;
    });
    const files = execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.calpub/*'], { cwd: outs[0] })
      .toString()
      .trim()
      .split('\n')
      .sort();
    expect(files.length).toBeGreaterThan(20);
    for (const out of outs.slice(1)) {
      for (const f of files)
        expect([f, readFileSync(path.join(out, f), 'utf8') === readFileSync(path.join(outs[0], f), 'utf8')]).toEqual([
          f,
          true,
        ]);
    }
  });
});

describe('the outcome store (.calpub/outcomes.jsonl)', () => {
  const build = (content: string, out: string, now = '2026-11-29T12:00:00Z') =>
    run('build', '--content', content, '--out', out, '--now', now);
  const siteFiles = (out: string) =>
    execFileSync('find', ['.', '-type', 'f', '-not', '-path', './.calpub/*'], { cwd: out })
      .toString()
      .trim()
      .split('\n')
      .sort();
  const same = (a: string, b: string) => {
    expect(siteFiles(a)).toEqual(siteFiles(b));
    for (const f of siteFiles(a))
      expect([f, readFileSync(path.join(a, f), 'utf8') === readFileSync(path.join(b, f), 'utf8')]).toEqual([f, true]);
  };

  it('changes no byte when it is deleted or corrupt between builds, only what is reused', () => {
    const content = contentWithOneBrokenPage();
    const [kept, damaged] = [0, 1].map(() => {
      const out = mkdtempSync(path.join(tmpdir(), 'calpub-store-'));
      expect(build(content, out).status).toBe(0);
      return out;
    });
    const page = path.join(content, 'event', 'three-days', 'index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('title: Conference days', 'title: Conference days (moved)'));
    const store = (out: string) => path.join(out, '.calpub', 'outcomes.jsonl');
    for (const damage of [
      (f: string) => rmSync(f),
      (f: string) => writeFileSync(f, '{"format":1,"key":"x"}\ngarbage'),
      (f: string) => writeFileSync(f, readFileSync(f).subarray(0, 3000)),
    ]) {
      damage(store(damaged));
      const env = { ...process.env, CALPUB_TIMINGS: '1' };
      const r = runCli(['build', '--content', content, '--out', damaged, '--now', '2026-12-01T12:00:00Z'], { env });
      expect(Number(/pages \((\d+) of 6 reused\)/.exec(r.stderr)?.[1])).toBeLessThan(6); // what was lost is made again
      expect(build(content, kept, '2026-12-01T12:00:00Z').status).toBe(0);
      same(kept, damaged);
    }
  });

  it('keeps a page that breaks published across a config edit, with the new config (the memory keeps it, not the store)', () => {
    const content = contentWithOneBrokenPage();
    const out = mkdtempSync(path.join(tmpdir(), 'calpub-store-'));
    expect(build(content, out).status).toBe(0);
    const page = path.join(content, 'event', 'kolkata-offset', 'index.md');
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace("date: '2024-12-03T09:30:00+05:30'", "date: '2024-12-03T09:30:00+15:00'"),
    );
    expect(build(content, out, '2026-12-01T12:00:00Z').stdout).toMatch(/published 5, rejected 2, warnings 1/);
    const config = path.join(content, 'calpub.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('uidDomain: example.org', 'uidDomain: other.example.org'),
    );
    expect(build(content, out, '2026-12-02T12:00:00Z').stdout).toMatch(/published 5, rejected 2, warnings 1/);
    expect(readCalendar(readFileSync(path.join(out, 'event', 'kolkata-offset.ics'), 'utf8')).events[0].uid).toBe(
      'event/kolkata-offset@other.example.org',
    );
  });
});

describeWithShared('test/bin/calpub.test.ts (seed site)', 'seeds')('the CLI bundle on the seed site', () => {
  const content = HAS_SEED ? seedContent() : '';
  const out = `${content}-out`;
  afterAll(() => {
    for (const dir of [content, out]) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the event at 14:00 Europe/Paris with its VTIMEZONE (zone data inside the bundle)', () => {
    const r = run('build', '--content', content, '--out', out, '--now', '2026-11-29T12:00:00Z');
    expect([r.status, r.stderr]).toEqual([0, '']);
    for (const file of ['calendar.ics', 'event/10-pourcent-final-season1.ics']) {
      const ics = readFileSync(path.join(out, file), 'utf8');
      expect(ics).toContain(
        '\r\nDTSTART;TZID=Europe/Paris:20221205T140000\r\nDTEND;TZID=Europe/Paris:20221205T180000\r\n',
      );
      expect(ics).toMatch(
        /\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Paris\r\n[\s\S]*TZOFFSETTO:\+0100\r\n[\s\S]*END:VTIMEZONE\r\n/,
      );
      expect(readCalendar(ics).events[0]).toMatchObject({
        start: '2022-12-05T13:00:00.000Z',
        end: '2022-12-05T17:00:00.000Z',
        startZone: 'Europe/Paris',
      });
    }
  });
});
